"""covidlib: read Vietnamese COVID-19 news pages at scale.

Load scraped pages, separate each article from its page furniture, read its
metadata, and extract facts (places, officials, typed case counts), each with
the sentence and character offsets it came from.

The stages, low to high, each a folder whose ``__init__`` says what it does and may import:
``reference/`` (lookups) < ``io/`` (bytes -> LoadedPage) < ``parse/`` (numbers, dates) <
``text/`` (LoadedPage -> Article) < ``extract/`` (Article -> spans -> rows) < ``write/``
(summaries, narratives) < ``analysis/`` (tables -> frames) < ``run/`` (files -> tables);
``show/`` (frames -> figures) and ``quality/`` (scores against gold) sit on top.

The verbs most work needs are importable from here. Figures and reports
(:mod:`covidlib.show`, which needs matplotlib) and the Dask engine
(:mod:`covidlib.run.dask_engine`) are imported from their modules.

>>> import covidlib
>>> body = "Tính đến 28/5, huyện Nậm Pồ có 45 ca, TP.HCM có 40 ca."
>>> article = covidlib.article_from_body(body)
>>> [s.data["province"] for s in covidlib.extract_places(article)]
['Điện Biên', 'Hồ Chí Minh']
"""
from .analysis.validate import ValidationError, validate_case_counts, validate_places
from .config import __version__
from .document import Article, Metadata, Span
from .extract.case_counts import case_count_rows, extract_case_counts
from .extract.measures import tag_measures
from .extract.officials import extract_officials, official_rows
from .extract.places import extract_places, home_province, province_table
from .io import LoadedPage, LoadRecord, iter_pages, load_report
from .quality.evaluate import evaluate_gold, load_gold
from .run.pipeline import analyse_article, article_facts, corpus_tables, extract_tables, load_articles
from .run.writers import read_tables, write_tables
from .text.article import article_from_body, build_article

__all__ = [
    "__version__",
    # loading
    "iter_pages",
    "load_report",
    "LoadedPage",
    "LoadRecord",
    # building articles
    "build_article",
    "article_from_body",
    "Article",
    "Metadata",
    "Span",
    # extractors
    "extract_places",
    "home_province",
    "extract_officials",
    "extract_case_counts",
    "tag_measures",
    "article_facts",
    "analyse_article",
    "province_table",
    "official_rows",
    "case_count_rows",
    # tables of a corpus
    "extract_tables",
    "corpus_tables",
    "load_articles",
    "read_tables",
    "write_tables",
    # checks
    "validate_case_counts",
    "validate_places",
    "ValidationError",
    "evaluate_gold",
    "load_gold",
]

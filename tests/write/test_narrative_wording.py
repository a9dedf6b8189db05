"""Every narrative figure that counts for the world, the nation, abroad or a region, or over a span or as a daily
average, is said so in its sentence: the pipeline run on the development pages, checked with the wording tables."""
from __future__ import annotations

import re

import pytest

from covidlib import config
from covidlib.run.pipeline import extract_tables, load_articles
from covidlib.vocab import PERIOD_LABELS, SCOPE_LABELS
from covidlib.write.faithful import body_counts, check_faithful, date_phrase
from covidlib.write.spelling import number_text
from covidlib.write.templates import TEMPLATES, figure_phrase

DEV_RAW = (config.SHARED_DIR / "gold" / "dev" / "raw", config.SHARED_DIR / "gold" / "dev2" / "raw")
#: Scopes wider than a province: a narrative must name them.
WIDE_SCOPES = ("world", "national", "foreign", "region")
_PLACEHOLDER = re.compile(r"\\\{[a-z_]+\\\}")
#: A sentence ends at a full stop before a word ("TP. Hồ Chí Minh" goes on).
_SENTENCE_END = re.compile(r"(?<!\bTP\.)(?<=\.)\s+(?=[^\W\d_])")


def _label_pattern(*labels: str) -> re.Pattern[str]:
    """A pattern matching any of the wording labels, each placeholder standing for any text."""
    return re.compile("|".join(_PLACEHOLDER.sub(".+?", re.escape(label)) for label in labels), re.IGNORECASE)


def period_wording(lang: str) -> dict[str, re.Pattern[str]]:
    """The wording a clause must carry for a span or a daily average, taken from the wording tables."""
    average = [p.strip() for p in re.split(r"\{[a-z_]+\}", TEMPLATES[lang]["average_open"]) if p.strip()][0]
    return {"span": _label_pattern(*(PERIOD_LABELS[lang][k] for k in ("span", "span_open", "span_range"))),
            "average": _label_pattern(average)}


def clauses(narrative: str) -> list[str]:
    """The clauses of a narrative that hold one total and its parts: sentences, then "; "."""
    return [c for sentence in _SENTENCE_END.split(narrative) for c in sentence.split("; ")]


@pytest.fixture(scope="module")
def dev_narratives():
    """(article, its case-count rows, narrative_vi, narrative_en) of every dev and dev2 page, run through the pipeline."""
    missing = [str(d) for d in DEV_RAW if not d.is_dir()]
    if missing:
        pytest.skip(f"development pages not found ({', '.join(missing)}): they live in ../shared/gold beside the repo")
    tables = extract_tables(list(DEV_RAW))
    summaries = tables["summaries"].set_index("article_id")
    counts = tables["case_counts"]
    out = []
    for article in load_articles(list(DEV_RAW)):
        if article.article_id in summaries.index:
            rows = counts[counts["article_id"] == article.article_id]
            row = summaries.loc[article.article_id]
            out.append((article, body_counts(article, rows), row["narrative_vi"], row["narrative_en"]))
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_wide_scope_and_period_figures_say_so(dev_narratives, lang):
    wording = period_wording(lang)
    checked, problems = 0, []
    for article, rows, text_vi, text_en in dev_narratives:
        narrative = text_vi if lang == "vi" else text_en
        number = number_text(article, lang)

        def when(iso):
            return date_phrase(None if iso is None else str(iso), article, lang=lang)

        def says(row, clause, sentence):
            """Whether the clause and its sentence carry the row's scope and period wording."""
            scope, period = row.get("scope"), row.get("period")
            return (scope not in WIDE_SCOPES or SCOPE_LABELS[lang][scope].lower() in sentence.lower()) and \
                (period not in wording or bool(wording[period].search(clause)))

        figures = {}  # the figure as said, without its period -> the rows that read so
        for row in rows:
            figures.setdefault(figure_phrase(row, lang, when, with_period=False, number_text=number), []).append(row)
        for figure, same in figures.items():
            if not any(r.get("scope") in WIDE_SCOPES or r.get("period") in wording for r in same):
                continue
            for clause in (c for c in clauses(narrative) if re.search(re.escape(figure) + r"(?![\w.,]\d)", c)):
                checked += 1
                sentence = next(s for s in _SENTENCE_END.split(narrative) if clause in s)
                if not any(says(r, clause, sentence) for r in same):  # one of the rows that read so is said right
                    problems.append((article.article_id, figure, clause))
    assert checked > 0, "no wide-scope or multi-day figure narrated on the development pages"
    assert problems == []


WORDING_CASES = [
    # (lang, narrative clause, period kind, must it carry the wording)
    ("en", "In Vietnam as a whole, the article reports a daily average of 43,605 new cases over 7 days to 14 March",
     "average", True),
    ("en", "In Bắc Giang, the article reports 9,930 new cases over the 7 days to 14 May 2021", "span", True),
    ("en", "In Bắc Giang, the article reports 9,930 new cases from 8 May to 14 May 2021", "span", True),
    ("vi", "Tại Bắc Giang, bài báo nêu 9.930 ca mắc mới trong nhiều ngày", "span", True),
    ("vi", "Trên cả nước, bài báo nêu trung bình 43.605 ca mắc mới mỗi ngày", "average", True),
    # must give nothing: a multi-day figure said as one day's or without a period
    ("en", "In Bắc Giang, the article reports 9,930 new cases in one day (14 May 2021)", "span", False),
    ("en", "In Vietnam as a whole, the article reports 43,605 new cases", "average", False),
    ("vi", "Tại Bắc Giang, bài báo nêu 9.930 ca mắc mới trong một ngày", "span", False),
]


@pytest.mark.parametrize("lang, clause, period, carries", WORDING_CASES)
def test_period_wording_patterns(lang, clause, period, carries):
    assert bool(period_wording(lang)[period].search(clause)) is carries


def test_pipeline_narratives_pass_the_faithfulness_check(dev_narratives):
    """Every number of a narrative is written as the body writes it, and every figure is said as a row reads."""
    problems = [(article.article_id, p) for article, rows, text_vi, text_en in dev_narratives
                for text in (text_vi, text_en) for p in check_faithful(text, article, case_counts=rows)]
    assert problems == []

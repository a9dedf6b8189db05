"""From input files to tables: load, clean, extract, tabulate.

The per-article work (:func:`process_page`) is a pure function of one loaded page
and returns plain rows, so any engine can run it: one process, a pool of local
workers, or a Dask cluster (see :mod:`covidlib.run.local`). :func:`extract_tables`
is the Python API the notebooks call; ``python -m covidlib extract`` writes the
same frames to disk.
"""
from __future__ import annotations

import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import pandas as pd

from .. import config
from ..document import Article
from ..extract.case_counts import case_count_rows, extract_case_counts
from ..extract.officials import extract_officials, official_rows
from ..extract.places import extract_places, home_province, province_table
from ..io import DEFAULT_MAX_BYTES, DuplicateIndex, LoadedPage, LoadRecord, fingerprint, input_files, iter_pages
from ..tables import CODEBOOK, TABLES, frame
from .writers import SpooledTables
from ..text.article import build_article
from ..write.summaries import summary_row
from .cache import ResultCache
from .local import run_local
from .results import PageResult

__all__ = ["PageResult", "article_facts", "analyse_article", "load_articles", "corpus_tables", "process_page", "extract_tables", "collect", "iter_results",
           "write_results", "WriteSummary", "drop_duplicate", "BODY_DUPLICATE", "fitting_rows"]


def _load_row(record: LoadRecord) -> dict[str, Any]:
    return {
        "file": record.file,
        "record": record.record,
        "article_id": record.article_id,
        "status": record.status,
        "reason": record.reason,
        "bytes": record.n_bytes,
        "encoding": record.encoding,
        "format": record.format,
        "duplicate_of": record.duplicate_of,
    }


def article_facts(article: Article) -> dict[str, Any]:
    """Return the fact spans of one article by type, plus its home province.

    Keys: ``places``, ``officials``, ``case_counts`` (lists of spans over ``article.body``)
    and ``home_province`` (a canonical name or None).
    """
    places = extract_places(article)
    return {
        "places": places,
        "home_province": home_province(article, places),
        "officials": extract_officials(article, places=places),
        "case_counts": extract_case_counts(article, places=places),
    }


def analyse_article(article: Article) -> dict[str, list[dict[str, Any]]]:
    """Return the fact rows of one article, keyed by table name (all but ``load_report``)."""
    facts = article_facts(article)
    place_rows = province_table(article, facts["places"])
    official_rows_ = official_rows(article, facts["officials"])
    count_rows = case_count_rows(article, facts["case_counts"])
    meta = article.metadata
    article_row = {
        "article_id": article.article_id,
        "file": article.file,
        "title": meta.title,
        "published": meta.published,
        "date_note": meta.date_note, "title_note": meta.title_note, "author_note": meta.author_note,
        "author": meta.author,
        "site": meta.site,
        "home_province": facts["home_province"],
        "body": article.body,
        "page_chars": len(article.page),
        "n_sentences": len(article.sentences),
        "n_furniture": len(article.furniture),
        "status": article.status,
    }
    return {
        "articles": [article_row],
        "places": place_rows,
        "officials": official_rows_,
        "case_counts": count_rows,
        "summaries": [summary_row(article, facts, places=place_rows, officials=official_rows_, case_counts=count_rows)],
    }


def process_page(record: LoadRecord, page: LoadedPage | None) -> PageResult:
    """Clean and analyse one loaded page; a failure becomes a 'failed' load-report row, never an exception."""
    load = _load_row(record)
    if page is None or record.status != "ok":
        return PageResult(load)
    try:
        article = build_article(page.text, article_id=load["article_id"], file=record.file, hints=page.meta)
        if article.status != "ok":
            load.update(status="skipped", reason=article.note or article.status)
            return PageResult(load)
        rows, dropped = fitting_rows(analyse_article(article))
        if dropped:
            load.update(reason="; ".join(filter(None, [load["reason"], dropped])))
        return PageResult(load, rows, fingerprint(article.body))
    except Exception as exc:  # one bad page never stops the run: it gets its row and reason
        where = traceback.extract_tb(exc.__traceback__)[-1]
        load.update(status="failed", reason=f"extraction error: {type(exc).__name__}: {exc} "
                                             f"({where.filename.rsplit('/', 1)[-1]}:{where.lineno})")
        return PageResult(load)


_INT64 = (-(1 << 63), (1 << 63) - 1)
_INTEGER_COLUMNS = {table: [name for name, dtype, _ in columns if dtype == "Int64"] for table, columns in CODEBOOK.items()}


def fitting_rows(rows: dict[str, list[dict[str, Any]]]) -> tuple[dict[str, list[dict[str, Any]]], str]:
    """Return ``rows`` without the rows holding an integer the tables cannot store (beyond 64 bits), and a note on them.

    A page that writes "100.000.000.000.000.000.000 ca" keeps its other facts; the
    note ("case_counts: 1 row dropped, value 10^23 too large") goes into its load-report reason.
    """
    kept: dict[str, list[dict[str, Any]]] = {}
    notes = []
    for table, table_rows in rows.items():
        columns = _INTEGER_COLUMNS.get(table, [])
        good = []
        for row in table_rows:
            wrong = [(name, row[name]) for name in columns
                     if isinstance(row.get(name), int) and not _INT64[0] <= row[name] <= _INT64[1]]
            if wrong:
                name, value = wrong[0]
                notes.append(f"{table}: row dropped, {name} {value:.3g} too large to store")
            else:
                good.append(row)
        kept[table] = good
    return kept, "; ".join(notes)


def iter_results(inputs: Any, *, workers: int | None = 1, progress: bool = False, cache: Any = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[PageResult]:
    """Yield a :class:`PageResult` for every input file or record, in input order.

    With ``progress`` the bar counts files against their total (listed first, which
    reads no file) and shows the time left. Pages and records over ``max_bytes``
    (counted after decoding and decompression) are skipped with their reason.
    """
    total = sum(1 for _ in input_files(inputs)) if progress else None
    yield from run_local(iter_pages(inputs, max_bytes=max_bytes), process_page, workers=workers, progress=progress,
                         cache=cache, total=total)


BODY_DUPLICATE = "duplicate: same article body as an earlier file"


def drop_duplicate(result: PageResult, seen: DuplicateIndex) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """Return the load-report row and fact rows of ``result``; no fact rows, and the row marked skipped, if ``seen`` had its body."""
    load = dict(result.load)
    if result.fingerprint is not None:
        first = seen.check(result.fingerprint, load["article_id"])
        if first is not None:
            load.update(status="skipped", reason=BODY_DUPLICATE, duplicate_of=first)
            return load, {}
    return load, result.rows


def _deduplicated(results: Iterable[PageResult]) -> Iterator[tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]]:
    seen = DuplicateIndex()
    for result in results:
        yield drop_duplicate(result, seen)


def collect(results: Iterable[PageResult]) -> dict[str, pd.DataFrame]:
    """Gather page results into the tables, marking articles whose body was seen before as duplicates."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for load, facts in _deduplicated(results):
        rows["load_report"].append(load)
        for table, table_rows in facts.items():
            rows[table].extend(table_rows)
    return {name: frame(name, table_rows) for name, table_rows in rows.items()}


@dataclass
class WriteSummary:
    """What was written: rows per table, load-report statuses, and the load rows that are not ok (sorted as the report)."""

    rows: dict[str, int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    problems: list[dict[str, Any]] = field(default_factory=list)

    def note(self, load: dict[str, Any]) -> None:
        """Count one load-report row; keep its file, record, status and reason unless it is ok."""
        self.statuses[load["status"]] = self.statuses.get(load["status"], 0) + 1
        if load["status"] != "ok":
            self.problems.append({key: load[key] for key in ("file", "record", "status", "reason")})

    def finish(self, rows: dict[str, int]) -> "WriteSummary":
        """Record the rows written per table and sort the problems by file and record; return self."""
        self.rows = dict(rows)
        self.problems.sort(key=lambda row: (row["file"], -1 if row["record"] is None else row["record"]))
        return self

    def inputs_text(self) -> str:
        """Return e.g. '7 inputs (5 ok, 2 skipped)'."""
        statuses = ", ".join(f"{n} {status}" for status, n in sorted(self.statuses.items()))
        return f"{sum(self.statuses.values())} inputs ({statuses})"

    def tables_text(self) -> str:
        """Return e.g. 'articles: 5 rows, places: 19 rows, ...' (every table but the load report)."""
        return ", ".join(f"{name}: {n} rows" for name, n in self.rows.items() if name != "load_report")


def write_results(results: Iterable[PageResult], out_dir: str | Path, *, spill_rows: int = 5_000) -> WriteSummary:
    """Write the tables of ``results`` into ``out_dir``: the same files as ``write_tables(collect(results))``, in flat memory.

    At most about ``spill_rows`` rows are held at once; the rest wait in sorted runs on disk.
    """
    sink = SpooledTables(out_dir, spill_rows=spill_rows)
    summary = WriteSummary()
    for load, facts in _deduplicated(results):
        sink.add("load_report", [load])
        for table, table_rows in facts.items():
            sink.add(table, table_rows)
        summary.note(load)
    sink.close()
    return summary.finish(sink.rows)


def extract_tables(inputs: Any, *, workers: int = 1, progress: bool = False, cache: Any = None) -> dict[str, pd.DataFrame]:
    """Return every table for ``inputs`` (a folder, a file, or a list of them).

    >>> tables = extract_tables("data/raw")          # doctest: +SKIP
    >>> tables["case_counts"][["province", "metric", "value"]].head(1)  # doctest: +SKIP
    """
    return collect(iter_results(inputs, workers=workers, progress=progress, cache=cache))


def load_articles(inputs: Any = None, *, ids: Iterable[str] | None = None) -> Iterator[Article]:
    """Yield the cleaned :class:`Article` of every loadable page in ``inputs`` (default: the input folder).

    ``ids`` keeps only those article ids. Useful in notebooks to look at one article closely.
    """
    wanted = set(ids) if ids is not None else None
    for record, page in iter_pages(inputs if inputs is not None else config.input_dir()):
        if page is None or record.status != "ok":
            continue
        article_id = record.article_id
        if wanted is not None and article_id not in wanted:
            continue
        yield build_article(page.text, article_id=article_id, file=record.file, hints=page.meta)


def corpus_tables(inputs: Any = None, *, tables_dir: str | Path | None = None, workers: int | None = None,
                  progress: bool | None = None) -> dict[str, pd.DataFrame]:
    """Return the tables for ``inputs`` (default: the input folder), reusing the result cache of ``tables_dir``.

    This is what the notebooks call: after ``make report`` has extracted a corpus,
    every page is already cached and nothing is processed twice. The progress bar
    shows unless ``progress=False`` or ``$COVIDLIB_PROGRESS`` is ``0`` (as in report builds).
    """
    if progress is None:
        progress = os.environ.get("COVIDLIB_PROGRESS", "1") != "0"
    cache = ResultCache(Path(tables_dir or config.PROCESSED_DIR) / ".cache")
    return extract_tables(inputs if inputs is not None else config.input_dir(),
                          workers=workers, progress=progress, cache=cache)

"""The tidy tables the project writes, and their codebook.

Every table is one row per fact. :data:`CODEBOOK` names each table's columns with
their dtype and meaning; :func:`frame` builds a DataFrame in exactly that column
order and dtype. The files are written by :mod:`covidlib.run.writers`.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

import pandas as pd

__all__ = ["CODEBOOK", "TABLES", "SORT_KEYS", "frame", "empty_tables", "codebook_frame", "codebook_markdown", "is_missing"]

# table -> [(column, dtype, meaning)]
CODEBOOK: dict[str, list[tuple[str, str, str]]] = {
    "load_report": [
        ("file", "string", "input file, relative to the input folder it was found in"),
        ("record", "Int64", "record number inside a .jsonl/.json file (0-based); empty for single-page files"),
        ("article_id", "string", "stable id of the article: file stem, plus '#record' for records"),
        ("status", "string", "ok, skipped or failed"),
        ("reason", "string", "why a file was skipped or failed, or notes on an ok file, in plain words"),
        ("bytes", "Int64", "size of the file (or record) in bytes"),
        ("encoding", "string", "detected text encoding (utf-8, utf-16, windows-1258, ...)"),
        ("format", "string", "txt, html, json or jsonl"),
        ("duplicate_of", "string", "article_id of the first article with the same content, for duplicates"),
    ],
    "articles": [
        ("article_id", "string", "stable id of the article (joins every other table)"),
        ("file", "string", "input file the article came from"),
        ("title", "string", "the article's own title as written"),
        ("published", "string", "publish date and time, ISO 'YYYY-MM-DDTHH:MM' or 'YYYY-MM-DD'; empty when the page gives no year"),
        ("date_note", "string", "why published is empty, or what the date line really is; which date line was chosen over which (the site's clock), dates outside 2019-2025 or impossible ones, never used"),
        ("title_note", "string", "where the title was found (hint, headline next to the date line, capitals heading) and head lines passed over"),
        ("author_note", "string", "where the author was found (byline, name line or signature after the body, date line) and a photographer passed over"),
        ("author", "string", "author or byline name, without prefixes such as 'Tin, ảnh:'"),
        ("site", "string", "site tag the page gives ('TTH.VN', 'TUAG', 'Haiphong.gov.vn')"),
        ("home_province", "string", "province where the reported work happens (canonical 2008-2025 name)"),
        ("body", "string", "cleaned article body: paragraphs separated by a blank line; all offsets point here"),
        ("page_chars", "Int64", "length of the loaded page in characters, before cleaning"),
        ("n_sentences", "Int64", "number of sentences in the body"),
        ("n_furniture", "Int64", "number of page-furniture blocks removed by cleaning"),
        ("status", "string", "ok, or why the page yielded no usable article (no_body, ...)"),
    ],
    "places": [
        ("article_id", "string", "article the mentions are in"),
        ("province", "string", "canonical province name (63 units of 2008-2025)"),
        ("province_code", "string", "GSO 2-digit province code"),
        ("district", "string", "district name as in the district table; empty for the province itself"),
        ("mentions", "Int64", "number of mentions in the body"),
        ("first_start", "Int64", "body offset where the first mention starts"),
        ("first_end", "Int64", "body offset where the first mention ends"),
    ],
    "officials": [
        ("article_id", "string", "article the person is named in"),
        ("name", "string", "the person's name as written"),
        ("title", "string", "the role written next to the name ('Phó Chủ tịch UBND tỉnh')"),
        ("organization", "string", "the unit in the title ('UBND tỉnh', 'Công an tỉnh', 'Bộ Y tế')"),
        ("rank", "string", "military or police rank where given ('Thượng tá', 'Thiếu tướng')"),
        ("province", "string", "province of the role, where stated or implied by 'tỉnh'"),
        ("start", "Int64", "body offset of the first mention of the name"),
        ("end", "Int64", "body offset where that mention ends"),
    ],
    "case_counts": [
        ("article_id", "string", "article the figure is in"),
        ("count_id", "string", "id of the figure, '<article_id>:<start>': what part_of points to"),
        ("province", "string", "province the figure is for; empty for national or world figures"),
        ("province_code", "string", "GSO 2-digit province code"),
        ("district", "string", "district the figure is for, as written without 'huyện'/'thị xã'/'thành phố'"),
        ("metric", "string", "confirmed, new_confirmed, active, recovered, deaths, quarantined, tested, vaccinated or suspected"),
        ("detail", "string", "kind of quarantine (tập trung, tại nhà, F1...) or other precision"),
        ("value", "Int64", "the figure as an integer"),
        ("qualifier", "string", "exact, more_than, about, less_than or at_least ('hơn' = more_than)"),
        ("as_of", "string", "ISO date the figure refers to, from the sentence and the page's date (the publish date, else a dated title, else the latest day written with its year); empty where the page lets no reader know the year"),
        ("period", "string", "time the figure covers: day, span (several days), cumulative (a tally since period_start, or since the epidemic began when empty), snapshot (a state at as_of) or average (a daily average over a window)"),
        ("period_start", "string", "ISO date the period starts where the page states or implies it (a wave start, a window's first day, the day of a day figure)"),
        ("period_end", "string", "ISO date the period ends where known (a window's last day, the day of a day figure, the as-of date of a tally)"),
        ("scope", "string", "population the figure is about: world, foreign (another country), national, region (several provinces), province, district or local (commune, hospital, company, cluster...)"),
        ("part_of", "string", "count_id of the total this figure is a stated part of on the page (trong đó, gồm, list items, districts of a provincial total), else empty"),
        ("sentence", "string", "the sentence the figure comes from"),
        ("start", "Int64", "body offset where the number starts"),
        ("end", "Int64", "body offset where the number ends"),
    ],
    "summaries": [
        ("article_id", "string", "article summarized"),
        ("summary", "string", "extractive summary: the body sentences that best carry the article, in order"),
        ("narrative_vi", "string", "narrative in Vietnamese written from the extracted facts"),
        ("narrative_en", "string", "the same narrative in English"),
        ("measures", "string", "prevention measures the article covers, ';'-separated keys of data/reference/measures.csv"),
    ],
}
TABLES = tuple(CODEBOOK)

SORT_KEYS = {
    "load_report": ["file", "record"],
    "articles": ["article_id"],
    "places": ["article_id", "first_start", "district"],
    "officials": ["article_id", "start"],
    "case_counts": ["article_id", "start"],
    "summaries": ["article_id"],
}


def frame(table: str, rows: Iterable[Mapping]) -> pd.DataFrame:
    """Return ``rows`` as a DataFrame with the codebook's columns, dtypes and row order."""
    columns = CODEBOOK[table]
    names = [name for name, _, _ in columns]
    df = pd.DataFrame.from_records(list(rows), columns=names)
    for name, dtype, _ in columns:
        df[name] = df[name].astype(dtype)
    keys = [k for k in SORT_KEYS[table] if k in df.columns]
    return df.sort_values(keys, kind="stable", na_position="first").reset_index(drop=True)


def empty_tables() -> dict[str, pd.DataFrame]:
    """Return every table with no rows."""
    return {name: frame(name, []) for name in TABLES}


def codebook_frame() -> pd.DataFrame:
    """Return the codebook as a table: table, column, dtype, meaning."""
    rows = [(t, c, d, m) for t, cols in CODEBOOK.items() for c, d, m in cols]
    return pd.DataFrame(rows, columns=["table", "column", "dtype", "meaning"])


def codebook_markdown() -> str:
    """Return the codebook as Markdown (the text of docs/codebook.md)."""
    lines = ["# Codebook", "", "Tables written by `python -m covidlib extract INPUT --out DIR` "
             "(CSV and Parquet, one row per fact) and returned by `covidlib.run.pipeline.extract_tables`.",
             "Generated from `covidlib/tables.py`; a test keeps the two in step.", "",
             "In the CSV files a text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return has a "
             "single quote (`'`) put in front, so that a spreadsheet shows it as text instead of running it as a "
             "formula (OWASP's guidance on CSV injection); the Parquet files keep the true text.", ""]
    for table, cols in CODEBOOK.items():
        lines += [f"## `{table}`", "", "| column | dtype | meaning |", "| --- | --- | --- |"]
        lines += [f"| `{c}` | {d} | {m} |" for c, d, m in cols]
        lines.append("")
    return "\n".join(lines)


def is_missing(value: Any) -> bool:
    """True for an empty cell: None, NA, NaN or NaT (strings and integers are answered without pandas)."""
    if value is None:
        return True
    if isinstance(value, (str, int)):
        return False
    if isinstance(value, float):
        return value != value
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False

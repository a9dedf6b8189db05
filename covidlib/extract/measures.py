"""Prevention measures an article covers, from a documented lexicon (``data/reference/measures.csv``).

Each lexicon row names a measure (``testing``, ``quarantine``, ``field_hospitals``...),
its Vietnamese and English labels and a pattern written in key form (lower case, new
tone placement, see :func:`covidlib.normalize.fold`). Patterns run over
``article.body_key``, which has the body's length, so every match is a body span.

>>> from covidlib.document import Article
>>> body = "Tỉnh đã lập 5 chốt kiểm soát và tăng cường truy vết các trường hợp F1."
>>> art = Article("a", "a.txt", body, body)
>>> [s.data["measure"] for s in tag_measures(art)]
['checkpoints', 'tracing']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from ..document import Article, Span
from ..normalize import fold, word_matches
from ..reference import lexicons
from ..reference.lexicons import MEASURES_CSV

__all__ = [
    "Measure",
    "MEASURES_CSV",
    "load_measures",
    "measure_labels",
    "tag_measures",
    "measure_rows",
    "measures_by_province",
    "measures_of",
    "MEASURE_COLUMNS",
]

MEASURE_COLUMNS = ["article_id", "measure", "label_vi", "label_en", "mentions", "first_start", "first_end", "sentence"]
"""Columns of :func:`measure_rows`: one row per (article, measure)."""

_SPACE = re.compile(r" +")


@dataclass(frozen=True)
class Measure:
    """One lexicon row: key, labels, the compiled pattern (over folded text) and a note.

    ``pattern`` checks that a match ends a syllable; find matches with
    :func:`~covidlib.normalize.word_matches`, which checks that they start one.
    """

    key: str
    label_vi: str
    label_en: str
    pattern: re.Pattern[str]
    notes: str = ""


def _compile(pattern: str, key: str) -> re.Pattern[str]:
    """Compile a lexicon pattern: spaces match any white space, a match ends a syllable.

    That a match also starts a syllable is checked by :func:`~covidlib.normalize.word_matches`,
    which finds them (a look-behind in the pattern would make it twice as slow).
    """
    if fold(pattern) != pattern:
        raise ValueError(f"measure {key!r}: pattern is not in key form (lower case, new tone placement): {pattern!r}")
    body = _SPACE.sub(r"\\s+", pattern)
    return re.compile(rf"(?:{body})(?!\w)")


def load_measures(path: str | Path | None = None) -> list[Measure]:
    """Return the measures lexicon (``measures.csv`` unless ``path`` names another) in file order.

    Raise ``ValueError`` on a malformed row.
    """
    rows = lexicons.measures(path)
    path = path if path is not None else MEASURES_CSV
    keys = [row["measure"] for row in rows]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise ValueError(f"{path}: duplicate measures {duplicates}")
    return [Measure(row["measure"], row["label_vi"], row["label_en"], _compile(row["pattern"], row["measure"]),
                    row.get("notes") or "") for row in rows]


@lru_cache(maxsize=1)
def _lexicon() -> tuple[Measure, ...]:
    return tuple(load_measures())


def measure_labels(*, lang: str = "vi") -> dict[str, str]:
    """Return ``{measure key: label}`` in lexicon order (``lang`` is ``'vi'`` or ``'en'``)."""
    if lang not in ("vi", "en"):
        raise ValueError(f"lang must be 'vi' or 'en', not {lang!r}")
    return {m.key: (m.label_vi if lang == "vi" else m.label_en) for m in _lexicon()}


def tag_measures(article: Article, *, measures: Sequence[Measure] | None = None) -> list[Span]:
    """Return every mention of a prevention measure as a body span (label ``measure``), in body order.

    ``data`` holds ``{'measure': key}``; adjacent mentions of one measure are merged into one span.
    """
    lexicon = measures if measures is not None else _lexicon()
    key = article.body_key
    spans: list[Span] = []
    for measure in lexicon:
        found: list[Span] = []
        for match in word_matches(measure.pattern, key):
            if found and not article.body[found[-1].end:match.start()].strip():
                # Adjacent mentions of one measure ("mũi tiêm vaccine") are one mention.
                found[-1] = Span(found[-1].start, match.end(), "measure", found[-1].data)
                continue
            found.append(Span(match.start(), match.end(), "measure", {"measure": measure.key}))
        spans.extend(found)
    spans.sort(key=lambda s: (s.start, s.end))
    return spans


def measure_rows(article: Article, spans: Iterable[Span] | None = None) -> list[dict[str, Any]]:
    """Return one row per measure the article covers (columns :data:`MEASURE_COLUMNS`), most mentioned first.

    ``spans`` defaults to :func:`tag_measures`; ``sentence`` is the sentence of the first mention.
    """
    spans = list(tag_measures(article) if spans is None else spans)
    labels_vi, labels_en = measure_labels(lang="vi"), measure_labels(lang="en")
    grouped: dict[str, list[Span]] = {}
    for span in spans:
        grouped.setdefault(span.data["measure"], []).append(span)
    rows = []
    for key, found in grouped.items():
        first = min(found, key=lambda s: s.start)
        sentence = article.sentence_of(first.start)
        rows.append({
            "article_id": article.article_id,
            "measure": key,
            "label_vi": labels_vi.get(key, key),
            "label_en": labels_en.get(key, key),
            "mentions": len(found),
            "first_start": first.start,
            "first_end": first.end,
            "sentence": article.text(sentence) if sentence is not None else None,
        })
    rows.sort(key=lambda r: (-r["mentions"], r["first_start"]))
    return rows


def measures_by_province(measures_df: pd.DataFrame, articles_df: pd.DataFrame, *,
                         province_col: str = "province") -> pd.DataFrame:
    """Return a province x measure table counting the articles that cover each measure.

    ``articles_df`` is any table with ``article_id`` and ``province_col``: pass the places
    table to count an article under every province it names, or one home province per
    article to count it once. Articles without a province are left out.
    """
    for name, frame, cols in (("measures_df", measures_df, ["article_id", "measure"]),
                              ("articles_df", articles_df, ["article_id", province_col])):
        missing = [c for c in cols if c not in frame.columns]
        if missing:
            raise ValueError(f"{name} lacks columns {missing}")
    provinces = articles_df[["article_id", province_col]].dropna().drop_duplicates()
    pairs = measures_df[["article_id", "measure"]].drop_duplicates().merge(provinces, on="article_id")
    order = [k for k in measure_labels() if k in set(pairs["measure"])]
    table = pd.crosstab(pairs[province_col], pairs["measure"]).reindex(columns=order, fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    table.index.name, table.columns.name = "province", "measure"
    return table.astype(int)


def measures_of(rows: Iterable[Mapping[str, Any] | Span | str]) -> list[str]:
    """Return the distinct measure keys of rows, spans or keys, in first-seen order."""
    keys: list[str] = []
    for item in rows:
        if isinstance(item, Span):
            key = item.data.get("measure")
        elif isinstance(item, Mapping):
            key = item.get("measure")
        else:
            key = item
        if key and key not in keys:
            keys.append(str(key))
    return keys

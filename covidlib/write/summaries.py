"""The ``summaries`` table row of one article: extractive summary, narratives, measures.

Glue between the pipeline and :mod:`covidlib.write.summarize` (sentence choice),
:mod:`covidlib.write.narrate` (narratives from facts) and :mod:`covidlib.extract.measures`.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from ..document import Article
from ..extract.measures import measures_of, tag_measures
from .faithful import check_faithful
from .narrate import narratives
from .summarize import extractive_summary, is_extractive, summary_text

__all__ = ["summary_row", "check_summaries"]

_NARRATIVES = ("narrative_vi", "narrative_en")


def summary_row(article: Article, facts: Mapping[str, Any], *, places: Sequence[Mapping[str, Any]],
                officials: Sequence[Mapping[str, Any]], case_counts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Return the ``summaries`` row of ``article`` from its fact spans and table rows."""
    measure_spans = tag_measures(article)
    rows = {"places": facts["places"], "officials": officials, "case_counts": case_counts}
    chosen = extractive_summary(article, facts=rows)
    vi, en = narratives(article, places, officials, case_counts, measure_spans)
    return {
        "article_id": article.article_id,
        "summary": summary_text(article, chosen),
        "narrative_vi": vi,
        "narrative_en": en,
        "measures": ";".join(measures_of(measure_spans)),
    }


def check_summaries(summaries: pd.DataFrame, articles: Iterable[Article], case_counts: pd.DataFrame) -> pd.DataFrame:
    """Return the problems of every summary and narrative of ``summaries`` (article_id, field, problem); empty when none.

    A summary must be made of body sentences and state only numbers and dates the body backs;
    a narrative must also state every figure as an extracted figure of its article is (value,
    metric, scope and period: :func:`covidlib.write.faithful.check_faithful` with its rows).
    """
    by_id = summaries.set_index("article_id")
    counts = {key: group for key, group in case_counts.groupby("article_id")} if len(case_counts) else {}
    empty = case_counts.iloc[:0]
    problems = []
    for article in articles:
        if article.article_id not in by_id.index:
            continue
        row = by_id.loc[article.article_id]
        rows = counts.get(article.article_id, empty)
        for field in ("summary", *_NARRATIVES):
            text = "" if pd.isna(row[field]) else str(row[field])
            found = check_faithful(text, article, case_counts=rows if field in _NARRATIVES else None)
            problems += [(article.article_id, field, p) for p in found]
        if not is_extractive("" if pd.isna(row["summary"]) else str(row["summary"]), article):
            problems.append((article.article_id, "summary", "not made of body sentences"))
    return pd.DataFrame(problems, columns=["article_id", "field", "problem"])

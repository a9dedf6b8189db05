"""The ``summaries`` table row of one article: extractive summary, narratives, measures.

Glue between the pipeline and :mod:`covidlib.write.summarize` (sentence choice),
:mod:`covidlib.write.narrate` (narratives from facts) and :mod:`covidlib.extract.measures`.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from ..document import Article
from ..extract.measures import measures_of, tag_measures
from .narrate import narrative_en, narrative_vi
from .summarize import extractive_summary, summary_text

__all__ = ["summary_row"]


def summary_row(article: Article, facts: Mapping[str, Any], *, places: Sequence[Mapping[str, Any]],
                officials: Sequence[Mapping[str, Any]], case_counts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Return the ``summaries`` row of ``article`` from its fact spans and table rows."""
    measure_spans = tag_measures(article)
    rows = {"places": facts["places"], "officials": officials, "case_counts": case_counts}
    chosen = extractive_summary(article, facts=rows)
    return {
        "article_id": article.article_id,
        "summary": summary_text(article, chosen),
        "narrative_vi": narrative_vi(article, places, officials, case_counts, measure_spans),
        "narrative_en": narrative_en(article, places, officials, case_counts, measure_spans),
        "measures": ";".join(measures_of(measure_spans)),
    }

"""Summaries scored against the gold: how many gold facts a summary carries, beside the Lead-3 baseline.

:func:`score_summary` measures the share of a page's gold facts (required case-count values,
official names, provinces by name or alias) a summary's sentences carry, and its unigram
(ROUGE-1) overlap with the title; :func:`compare_methods` scores the summarizer against
Lead-n on gold pages; :func:`tune_weights` searches its weights on them;
:func:`gold_fact_rows` turns a gold record into the project's table rows (an oracle input
for the summarizer and the narratives).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import product
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from ..document import Article, Span
from ..extract.places import extract_places, province_table
from ..normalize import fold
from ..parse.numbers import find_numbers
from ..write.summarize import (DEFAULT_WEIGHTS, Weights, extractive_summary, lead_summary, names_province,
                               summary_text)

__all__ = [
    "score_summary",
    "gold_fact_rows",
    "compare_methods",
    "tune_weights",
]

_WORD = re.compile(r"\w+")


# --- gold facts as rows, and scores ------------------------------------------------------

@lru_cache(maxsize=256)
def _province_spans(article: Article) -> tuple[Span, ...]:
    """Return the place spans of ``article`` that write a province's name (read once per article)."""
    return tuple(p for p in extract_places(article) if names_province(p))


def _gold_places(record: Mapping[str, Any], article: Article) -> list[Span]:
    """Return the place spans of ``article`` that write the name of a province of the gold record."""
    gold = set(record.get("provinces") or [])
    return [p for p in _province_spans(article) if p.data["province"] in gold]


def _gold_counts(record: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [c for c in record.get("case_counts") or [] if not c.get("optional") and c.get("metric") != "other_covid"]


def gold_fact_rows(record: Mapping[str, Any], article: Article) -> dict[str, list[dict[str, Any]]]:
    """Return a gold record's facts as rows in the project's table formats, located in the body.

    Provinces are located by the article's place spans that write their name (first mention
    and count, see :func:`~covidlib.extract.places.extract_places`), officials by name, case
    counts as the next unused body number with the gold value. Facts the body does not
    contain keep ``None`` offsets.
    """
    key = article.body_key
    found = {r["province"]: r for r in province_table(article, _gold_places(record, article)) if r["district"] is None}
    places = [found.get(province) or {"article_id": article.article_id, "province": province, "province_code": None,
                                      "district": None, "mentions": 0, "first_start": None, "first_end": None}
              for province in record.get("provinces") or []]
    officials = []
    for person in record.get("officials") or []:
        at = key.find(fold(person["name"]))
        officials.append({"article_id": article.article_id, "name": person["name"], "title": person.get("title"),
                          "organization": None, "rank": None, "province": None,
                          "start": at if at >= 0 else None, "end": at + len(person["name"]) if at >= 0 else None})
    numbers = find_numbers(article.body)
    used: set[int] = set()
    counts = []
    for gold in _gold_counts(record):
        hit = next((s for s in numbers if s.start not in used and float(s.data["value"]) == float(gold["value"])), None)
        if hit is not None:
            used.add(hit.start)
        sentence = article.sentence_of(hit.start) if hit is not None else None
        counts.append({"article_id": article.article_id, "province": gold.get("province"), "province_code": None,
                       "district": gold.get("district"), "metric": gold["metric"], "detail": gold.get("detail"),
                       "value": int(gold["value"]), "qualifier": gold.get("qualifier") or "exact",
                       "as_of": gold.get("as_of"), "sentence": article.text(sentence) if sentence else None,
                       "start": hit.start if hit else None, "end": hit.end if hit else None})
    return {"places": places, "officials": officials, "case_counts": counts}


def _syllables(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _rouge1(summary: str, reference: str) -> dict[str, float]:
    got, want = Counter(_syllables(summary)), Counter(_syllables(reference))
    overlap = sum((got & want).values())
    recall = overlap / sum(want.values()) if want else 0.0
    precision = overlap / sum(got.values()) if got else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"rouge1_recall": recall, "rouge1_precision": precision, "rouge1_f1": f1}


def score_summary(spans: Sequence[Span], article: Article, gold_record: Mapping[str, Any]) -> dict[str, Any]:
    """Score a summary: share of gold facts it carries, and ROUGE-1 overlap with the title.

    Facts are the distinct gold case-count values (required ones), official names and
    provinces (a province counts when a chosen sentence holds a place span writing its name,
    see :func:`~covidlib.extract.places.extract_places`); ``coverage`` is hits over facts (None
    when the gold has none).
    """
    text_key = " ".join(article.body_key[s.start:s.end] for s in spans)
    chosen_values = {float(n.data["value"]) for n in find_numbers(article.body)
                     if any(s.start <= n.start < s.end for s in spans)}
    values = {float(c["value"]) for c in _gold_counts(gold_record)}
    names = {fold(o["name"]) for o in gold_record.get("officials") or []}
    provinces = set(gold_record.get("provinces") or [])
    hits_values = len(values & chosen_values)
    hits_names = sum(name in text_key for name in names)
    hits_provinces = len(provinces & {p.data["province"] for p in _province_spans(article)
                                      if any(s.start <= p.start and p.end <= s.end for s in spans)})
    total = len(values) + len(names) + len(provinces)
    result = {
        "article_id": article.article_id,
        "facts": total,
        "coverage": (hits_values + hits_names + hits_provinces) / total if total else None,
        "values_covered": hits_values / len(values) if values else None,
        "officials_covered": hits_names / len(names) if names else None,
        "provinces_covered": hits_provinces / len(provinces) if provinces else None,
    }
    result.update(_rouge1(summary_text(article, spans), gold_record.get("title") or ""))
    return result


def compare_methods(pairs: Iterable[tuple[Mapping[str, Any], Article]], *, n: int = 3,
                    weights: Weights = DEFAULT_WEIGHTS, use_gold_facts: bool = False) -> pd.DataFrame:
    """Return one row per (article, method) with :func:`score_summary` columns, methods 'lead' and 'textrank'.

    With ``use_gold_facts`` the summarizer gets the gold facts as its fact rows (an oracle
    upper bound: coverage then measures what it was given); by default it uses text cues only.
    """
    rows = []
    for record, article in pairs:
        facts = {**gold_fact_rows(record, article), "places": _gold_places(record, article)} if use_gold_facts else None
        for method, spans in (("lead", lead_summary(article, n)),
                              ("textrank", extractive_summary(article, facts=facts, n=n, weights=weights))):
            rows.append({"method": method, **score_summary(spans, article, record)})
    return pd.DataFrame(rows)


def _mean_coverage(table: pd.DataFrame, method: str) -> float:
    return float(table.loc[table["method"] == method, "coverage"].dropna().astype(float).mean())


def tune_weights(pairs: Sequence[tuple[Mapping[str, Any], Article]], *, n: int = 3,
                 grid: Mapping[str, Sequence[float]] | None = None,
                 fixed: Mapping[str, Any] | None = None) -> tuple[Weights, pd.DataFrame]:
    """Return the weights with the best mean coverage on ``pairs`` and the table of every grid point.

    Ties are broken by ROUGE-1 F1 with the title. The result is tuned on the pages given:
    report it as such, or estimate it fairly with leave-one-out (see the tests).
    """
    grid = grid or {"centrality": (0.0, 0.5, 1.0), "position": (0.0, 0.5, 1.0), "facts": (0.0, 0.5, 1.0),
                    "decay": (2.0, 4.0, 8.0)}
    names = list(grid)
    fixed = {k: v for k, v in (fixed or {}).items() if k not in grid}
    results = []
    for combo in product(*(grid[k] for k in names)):
        weights = Weights(**dict(zip(names, combo)), **fixed)
        if weights.centrality == weights.position == weights.facts == 0:
            continue
        table = compare_methods(pairs, n=n, weights=weights)
        mine = table[table["method"] == "textrank"]
        results.append({**dict(zip(names, combo)), "coverage": _mean_coverage(table, "textrank"),
                        "rouge1_f1": float(mine["rouge1_f1"].mean())})
    frame = pd.DataFrame(results).sort_values(["coverage", "rouge1_f1"], ascending=False, kind="stable")
    best = frame.iloc[0]
    return Weights(**{k: float(best[k]) for k in names}, **fixed), frame.reset_index(drop=True)

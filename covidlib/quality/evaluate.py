"""Score extraction against gold annotations (precision, recall, F1 per fact type).

Gold files are JSON lines, one page each, in the form of ``data/gold/seeds_gold.jsonl``
(see ``data/gold/README.md``). Matching follows the gold's own rules:

* names and titles compare after NFC and case folding;
* a case count matches when value, metric and province agree; ``alt_metrics`` and
  ``alt_province`` are accepted too; gold rows marked ``optional`` and rows of metric
  ``other_covid`` are neither required nor wrong;
* a figure repeated in two sentences is two gold rows, so matching is one-to-one.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from ..document import Article, Metadata, Span
from ..normalize import normalize_page
from ..text.lines import split_site_tag
from ..text.sentences import sentences_of_paragraphs

__all__ = [
    "Score",
    "load_gold",
    "name_key",
    "score_sets",
    "score_officials",
    "score_case_counts",
    "match_case_counts",
    "title_agrees",
    "article_from_gold_bounds",
    "body_bounds_ok",
    "evaluate_gold",
    "gold_pages",
]


@dataclass(frozen=True)
class Score:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Return the gold records of a JSON-lines file, one dict per page."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def name_key(text: str | None) -> str:
    """Return the comparison key of a name or title: NFC, case-folded, single-spaced."""
    if not text:
        return ""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def score_sets(predicted: Iterable[str], gold: Iterable[str]) -> Score:
    """Score two sets of names (e.g. provinces of one article)."""
    pred = {name_key(p) for p in predicted if p}
    want = {name_key(g) for g in gold if g}
    return Score(len(pred & want), len(pred - want), len(want - pred))


def score_officials(predicted: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> Score:
    """Score officials of one article by name (the title is an attribute, see :func:`title_agrees`)."""
    return score_sets((p.get("name") for p in predicted), (g.get("name") for g in gold))


def title_agrees(predicted_title: str | None, gold_title: str | None) -> bool:
    """Return True if a predicted title names the gold role (one contains the other, case-folded)."""
    p, g = name_key(predicted_title), name_key(gold_title)
    return bool(p and g) and (g in p or p in g)


def _count_matches(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    if int(pred.get("value")) != int(gold.get("value")):
        return False
    metrics = {gold.get("metric"), *(gold.get("alt_metrics") or [])}
    if pred.get("metric") not in metrics:
        return False
    provinces = {name_key(gold.get("province")), *(name_key(p) for p in (gold.get("alt_province") or []) if p)}
    if isinstance(gold.get("alt_province"), str):
        provinces.add(name_key(gold["alt_province"]))
    return name_key(pred.get("province")) in provinces


def _is_free(gold: Mapping[str, Any]) -> bool:
    """Gold rows that are neither required nor wrong to extract."""
    return bool(gold.get("optional")) or gold.get("metric") == "other_covid"


def match_case_counts(
    predicted: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Match predicted to gold counts one-to-one.

    Returns (pairs of (pred index, gold index), unmatched prediction indices that count
    as false positives, unmatched required gold indices).
    """
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    unmatched_pred: list[int] = []
    # Required gold rows are matched first, then the free ones absorb the rest.
    order = sorted(range(len(gold)), key=lambda i: _is_free(gold[i]))
    for pi, pred in enumerate(predicted):
        hit = next((gi for gi in order if gi not in used and _count_matches(pred, gold[gi])), None)
        if hit is None:
            unmatched_pred.append(pi)
        else:
            used.add(hit)
            pairs.append((pi, hit))
    missed = [gi for gi in range(len(gold)) if gi not in used and not _is_free(gold[gi])]
    return pairs, unmatched_pred, missed


def score_case_counts(predicted: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> Score:
    """Score the case counts of one article (value, metric and province must agree)."""
    pairs, unmatched, missed = match_case_counts(predicted, gold)
    tp = sum(1 for _, gi in pairs if not _is_free(gold[gi]))
    return Score(tp, len(unmatched), len(missed))


def article_from_gold_bounds(record: Mapping[str, Any], page: str, *, article_id: str | None = None):
    """Return an :class:`~covidlib.document.Article` whose body is cut at the gold body bounds.

    This isolates the extractors from the cleaner when scoring them: the body runs
    from ``body_first_sentence`` to the end of ``body_last_sentence``, one paragraph
    per non-empty line, paragraphs joined by a blank line.
    """
    page = normalize_page(page)
    first = normalize_page(record["body_first_sentence"]).strip()
    last = normalize_page(record["body_last_sentence"]).strip()
    start = page.find(first)
    end = page.find(last, max(start, 0))
    if start < 0 or end < 0:
        raise ValueError(f"gold body bounds not found in {record.get('file')}")
    lines = [line.strip() for line in page[start : end + len(last)].split("\n") if line.strip()]
    body = "\n\n".join(lines)
    paragraphs, cursor = [], 0
    for line in lines:
        paragraphs.append(Span(cursor, cursor + len(line), "paragraph"))
        cursor += len(line) + 2
    meta = Metadata(title=record.get("title"), published=record.get("published"),
                    date_note=record.get("date_note"), author=record.get("author"))
    return Article(
        article_id=article_id or Path(record["file"]).stem,
        file=record["file"],
        page=page,
        body=body,
        paragraphs=paragraphs,
        sentences=sentences_of_paragraphs(body, paragraphs),
        metadata=meta,
    )


def body_bounds_ok(body: str, record: Mapping[str, Any]) -> bool:
    """Return True if ``body`` starts and ends with the gold's first and last sentences.

    White space is compared loosely, and a leading site tag ("TTH.VN - ", "(TUAG)- ")
    may be kept or dropped, as the gold allows.
    """
    def flat(text: str) -> str:
        return " ".join(normalize_page(text).split())

    body_flat, first, last = flat(body), flat(record["body_first_sentence"]), flat(record["body_last_sentence"])
    if not body_flat.endswith(last):
        return False
    return body_flat.startswith(first) or _without_site_tag(body_flat).startswith(_without_site_tag(first))


def _without_site_tag(text: str) -> str:
    return text[split_site_tag(text)[1]:]


def gold_pages(gold_path: str | Path, raw_dir: str | Path) -> list[Path]:
    """Return the page files a gold file describes, in ``raw_dir`` (what to run the pipeline on)."""
    return [Path(raw_dir) / record["file"] for record in load_gold(gold_path)]


def evaluate_gold(gold_path: str | Path, tables: Mapping[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score the tables the pipeline gave for the pages of a gold file (see :func:`gold_pages`) against the gold.

    Returns (scores, per_page): ``scores`` has one row per fact type (provinces,
    officials, case_counts: tp, fp, fn, precision, recall, f1; metadata fields:
    share correct); ``per_page`` has one row per page with the misses.
    """
    records = load_gold(gold_path)
    articles = tables["articles"].set_index("file")
    totals = {"provinces": Score(), "officials": Score(), "case_counts": Score()}
    checks: dict[str, list[bool]] = {"title": [], "published": [], "author": [], "body bounds": []}
    pages = []
    for rec in records:
        row = articles.loc[rec["file"]] if rec["file"] in articles.index else None
        aid = row["article_id"] if row is not None else None

        def rows_of(table: str) -> list[dict]:
            df = tables[table]
            return df[df["article_id"] == aid].to_dict("records") if aid is not None else []

        prov = score_sets({r["province"] for r in rows_of("places")}, rec.get("provinces", []))
        offi = score_officials(rows_of("officials"), rec.get("officials", []))
        counts = score_case_counts(rows_of("case_counts"), rec.get("case_counts", []))
        for key, score in (("provinces", prov), ("officials", offi), ("case_counts", counts)):
            totals[key] = totals[key] + score
        ok = {
            "title": row is not None and name_key(row["title"]) == name_key(rec.get("title")),
            "published": row is not None and (row["published"] if pd.notna(row["published"]) else None) == rec.get("published"),
            "author": row is not None and name_key(row["author"] if pd.notna(row["author"]) else None) == name_key(rec.get("author")),
            "body bounds": row is not None and body_bounds_ok(row["body"], rec),
        }
        for key, value in ok.items():
            checks[key].append(bool(value))
        pages.append({"file": rec["file"], **{k: v for k, v in ok.items()},
                      "provinces_f1": round(prov.f1, 3), "officials_f1": round(offi.f1, 3),
                      "case_counts_f1": round(counts.f1, 3)})
    scores = [{"fact": k, **v.as_dict()} for k, v in totals.items()]
    scores += [{"fact": k, "tp": sum(v), "fn": len(v) - sum(v), "precision": None,
                "recall": round(sum(v) / len(v), 3) if v else None, "f1": None} for k, v in checks.items()]
    return pd.DataFrame(scores), pd.DataFrame(pages)

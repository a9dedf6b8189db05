"""Score extraction against gold annotations, by the gold's own rules.

Gold files are JSON lines, one page each, in the form of ``data/gold/seeds_gold.jsonl``
(see ``data/gold/README.md``; the development gold beside the repository adds ``period``,
``scope`` and ``part_of`` to each count). :func:`evaluate_gold` scores the tables of a run
and names its figures as the gold's reference scorer does (``title_acc``, ``case_f1``,
``figure_f1``...). The rules:

* texts compare after NFC, case folding, one tone-mark placement and single spaces
  (:func:`name_key`); provinces also without a leading "tỉnh", "thành phố" or "TP."
  (:func:`province_key`), districts without "huyện", "quận", "thị xã" or "thành phố";
* per page: the title, the publish day, the author (where the gold names one) and the body
  bounds (it starts with the first 60 characters of the first sentence and ends with the
  last 60 of the last one, a leading site tag dropped on both sides);
* provinces and officials are sets of names per page; an official's title is credited
  when the gold role and the first title found for the name contain one another;
* a case count matches when value, metric and province agree; ``alt_metrics`` and
  ``alt_province`` are accepted too; gold rows marked ``optional`` and rows of metric
  ``other_covid`` are neither required nor wrong (they still take the row they match);
* matching is one-to-one: gold rows in page order, required ones first, each take the
  first unused table row that agrees (:func:`match_case_counts`);
* a matched required figure is then scored on its district, qualifier, ``as_of`` (only
  where the page lets a reader know the year) and, where the gold gives them, on its
  period kind (``since:`` and ``epidemic`` are cumulative, ``span:`` is span,
  ``average:N-day`` is average; see :func:`gold_period`), the start of a cumulative or
  span period, its scope, and ``part_of`` (right when the row the table links it to by
  ``count_id`` has the gold total's value; a gold ``null`` wants no link);
* a figure is understood when it matches and its period and scope agree too:
  ``figure_f1`` counts only those, over every gold figure and every extra row.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import pandas as pd

from .. import config
from ..document import Article, Metadata, Span
from ..normalize import normalize_page, tone_key
from ..text.sentences import sentences_of_paragraphs

__all__ = [
    "Score",
    "load_gold",
    "name_key",
    "province_key",
    "district_key",
    "gold_period",
    "score_sets",
    "score_officials",
    "score_case_counts",
    "match_case_counts",
    "title_agrees",
    "article_from_gold_bounds",
    "body_bounds_ok",
    "evaluate_gold",
    "gold_pages",
    "gold_sets",
    "score_table",
    "METRIC_MEANINGS",
    "PAGE_METRICS",
    "FIGURE_METRICS",
]

#: Characters of the gold's first and last body sentences a body must start and end with.
_BOUND_CHARS = 60
#: A leading site tag such as "tth.vn - ", "(tuag)- " or "(haiphong.gov.vn) - " (on keys).
_SITE_TAG = re.compile(r"^\(?[\w.]+\)?\s*[-–]\s*")
_PROVINCE_PREFIX = re.compile(r"^(?:tỉnh|thành phố|tp\.?)\s+")
_DISTRICT_PREFIX = re.compile(r"^(?:huyện|thị xã|thành phố|quận|tp\.?)\s+")
_HCM_SHORT = re.compile(r"tp\.hcm|tphcm")
#: Gold period strings by their start, and the period kind of the tables they stand for.
_PERIOD_KINDS = (("span:", "span"), ("since:", "cumulative"), ("epidemic", "cumulative"), ("average", "average"))
#: Period kinds whose gold start date is checked.
_DATED_KINDS = frozenset({"span", "cumulative"})

#: What each figure of :func:`evaluate_gold` measures (the row labels of :func:`score_table`).
METRIC_MEANINGS = {
    "title_acc": "share of pages whose title is the gold's",
    "date_acc": "share of pages whose publish day is the gold's",
    "author_acc": "share of pages with a gold author whose author is the gold's",
    "body_acc": "share of pages whose body starts and ends where the gold's does",
    "boilerplate_people_leaked": "people named only in page furniture found in a body",
    "province_f1": "provinces per page, F1",
    "officials_f1": "named officials per page, F1",
    "officials_title_acc": "officials found whose title names the gold role",
    "case_f1": "case counts (value + metric + province), F1 over all pages",
    "case_p": "case counts, precision",
    "case_r": "case counts, recall",
    "case_f1_per_file": "case counts, F1 averaged over the pages that have any",
    "case_district_acc": "matched counts with the gold district",
    "case_qualifier_acc": "matched counts with the gold qualifier (exact, more_than...)",
    "case_asof_acc": "matched counts with the gold as-of date (where the year can be known)",
    "case_period_acc": "matched counts with the gold period kind",
    "case_period_start_acc": "matched counts with the gold period start (where the gold gives one)",
    "case_scope_acc": "matched counts with the gold scope",
    "case_part_of_acc": "matched counts linked to the gold total (or to none when the gold has none)",
    "figure_f1": "figures understood (matched, with the right period and scope), F1",
}
#: The page and named-fact figures, and the case-count and figure-model ones (two tables in notebook 02).
PAGE_METRICS = ("title_acc", "date_acc", "author_acc", "body_acc", "boilerplate_people_leaked", "province_f1",
                "officials_f1", "officials_title_acc")
FIGURE_METRICS = ("case_f1", "case_p", "case_r", "case_f1_per_file", "case_district_acc", "case_qualifier_acc",
                  "case_asof_acc", "case_period_acc", "case_period_start_acc", "case_scope_acc", "case_part_of_acc",
                  "figure_f1")

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


def _text(value: Any) -> str:
    """A table cell or gold field as text: '' for None and missing values."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def name_key(text: Any) -> str:
    """Return the comparison key of a name or text: NFC, case-folded, new tone placement, single-spaced.

    >>> name_key("  Thanh  HOÁ ")
    'thanh hóa'
    """
    return tone_key(" ".join(unicodedata.normalize("NFC", _text(text)).casefold().split()))


def province_key(name: Any) -> str:
    """Return the comparison key of a province: :func:`name_key` without "tỉnh", "thành phố" or "TP." before it.

    >>> province_key("TP. Hồ Chí Minh"), province_key("TP.HCM")
    ('hồ chí minh', 'hồ chí minh')
    """
    return _HCM_SHORT.sub("hồ chí minh", _PROVINCE_PREFIX.sub("", name_key(name)))


def district_key(name: Any) -> str:
    """Return the comparison key of a district: :func:`name_key` without "huyện", "quận", "thị xã" or "thành phố"."""
    return _DISTRICT_PREFIX.sub("", name_key(name))


def gold_period(period: Any) -> tuple[str, str]:
    """Return (period kind of the tables, start date or '') of a gold period string.

    >>> gold_period("since:2021-04-27"), gold_period("span:2021-07-01/2021-07-07"), gold_period("average:7-day")
    (('cumulative', '2021-04-27'), ('span', '2021-07-01'), ('average', ''))
    """
    text = _text(period).strip()
    for prefix, kind in _PERIOD_KINDS:
        if text.startswith(prefix):
            start = text[len(prefix):] if kind in _DATED_KINDS else ""
            return kind, start.split("/")[0].replace("null", "")[:10]
    return text, ""


def score_sets(predicted: Iterable[Any], gold: Iterable[Any], *, key: Callable[[Any], str] = name_key) -> Score:
    """Score two sets of names (e.g. provinces of one article), compared by ``key``."""
    pred = {key(p) for p in predicted if _text(p)}
    want = {key(g) for g in gold if _text(g)}
    return Score(len(pred & want), len(pred - want), len(want - pred))


def score_officials(predicted: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> Score:
    """Score officials of one article by name (the title is an attribute, see :func:`title_agrees`)."""
    return score_sets((p.get("name") for p in predicted), (g.get("name") for g in gold))


def title_agrees(predicted_title: Any, gold_title: Any) -> bool:
    """Return True if a predicted title names the gold role (one contains the other, case-folded)."""
    p, g = name_key(predicted_title), name_key(gold_title)
    return bool(p and g) and (g in p or p in g)


def _value(value: Any) -> int | None:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _count_key(row: Mapping[str, Any]) -> tuple[int, str, str] | None:
    """(value, metric, province) of a table row; None when its value is not a number."""
    value = _value(row.get("value"))
    return None if value is None else (value, name_key(row.get("metric")), province_key(row.get("province")))


def _gold_keys(gold: Mapping[str, Any]) -> set[tuple[int, str, str]]:
    """Every (value, metric, province) a gold count accepts (its alternatives included)."""
    metrics = [gold.get("metric"), *(gold.get("alt_metrics") or [])]
    provinces = [gold.get("province")]
    alt = gold.get("alt_province", ())
    if "alt_province" in gold:
        provinces += list(alt) if isinstance(alt, (list, tuple)) else [alt]
    value = _value(gold.get("value"))
    return {(value, name_key(m), province_key(p)) for m in metrics for p in provinces}


def _is_free(gold: Mapping[str, Any]) -> bool:
    """Gold rows that are neither required nor wrong to extract."""
    return bool(gold.get("optional")) or gold.get("metric") == "other_covid"


def match_case_counts(
    predicted: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Match predicted to gold counts one-to-one.

    Gold rows are taken in order, required ones first, and each takes the first unused
    predicted row whose (value, metric, province) it accepts. Returns (pairs of
    (pred index, gold index), unmatched prediction indices that count as false
    positives, unmatched required gold indices).
    """
    keys = [_count_key(p) for p in predicted]
    pairs: list[tuple[int, int]] = []
    missed: list[int] = []
    used: set[int] = set()
    for gi in sorted(range(len(gold)), key=lambda i: _is_free(gold[i])):
        accepted = _gold_keys(gold[gi])
        hit = next((pi for pi, k in enumerate(keys) if pi not in used and k in accepted), None)
        if hit is not None:
            used.add(hit)
            pairs.append((hit, gi))
        elif not _is_free(gold[gi]):
            missed.append(gi)
    return pairs, [pi for pi in range(len(predicted)) if pi not in used], missed


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


def _untag(key: str) -> str:
    return _SITE_TAG.sub("", key, count=1)


def _body_key(body: Any) -> str:
    """The comparison key of a body, its leading site tag dropped."""
    return _untag(name_key(body))


def body_bounds_ok(body: Any, record: Mapping[str, Any]) -> bool:
    """Return True if ``body`` starts and ends with the gold's first and last sentences.

    Texts compare by :func:`name_key`; the body must start with the first 60 characters of
    the first sentence and end with the last 60 of the last one (a closing full stop or
    space aside); a leading site tag ("TTH.VN - ", "(TUAG)- ") may be kept or dropped.
    """
    key = _body_key(body)
    first = _untag(name_key(record["body_first_sentence"]))
    last = name_key(record["body_last_sentence"]).rstrip(" ./")
    return key.startswith(first[:_BOUND_CHARS]) and key.rstrip(" ./").endswith(last[-_BOUND_CHARS:])


def gold_pages(gold_path: str | Path, raw_dir: str | Path) -> list[Path]:
    """Return the page files a gold file describes, in ``raw_dir`` (what to run the pipeline on)."""
    return [Path(raw_dir) / record["file"] for record in load_gold(gold_path)]


def _as_of_scored(record: Mapping[str, Any], gold: Mapping[str, Any], article: Mapping[str, Any]) -> bool:
    """True where the page lets a reader know the year of a figure: a publish date, or the year in the text."""
    year = _text(gold.get("as_of"))[:4]
    return bool(record.get("published")) or not year or year in _text(article.get("body")) + _text(article.get("title"))


def _score_meaning(tally: Counter, pred: Mapping[str, Any], gold: Mapping[str, Any],
                   by_id: Mapping[str, Mapping[str, Any]]) -> None:
    """Add the period, period start, scope and part_of checks of one matched figure to ``tally``."""
    kind, start = gold_period(gold.get("period"))
    period_ok = name_key(pred.get("period")) == kind
    scope_ok = name_key(pred.get("scope")) == name_key(gold.get("scope"))
    if "period" in gold:
        tally["period_n"] += 1
        tally["period"] += period_ok
        if start and kind in _DATED_KINDS:
            tally["period_start_n"] += 1
            tally["period_start"] += period_ok and _text(pred.get("period_start"))[:10] == start
    if "scope" in gold:
        tally["scope_n"] += 1
        tally["scope"] += scope_ok
    if "part_of" in gold:
        total = by_id.get(_text(pred.get("part_of")))
        tally["part_of_n"] += 1
        tally["part_of"] += (_value(total.get("value")) if total else None) == gold["part_of"]
    if "period" in gold and "scope" in gold:
        tally["figure_n"] += 1
        tally["figure"] += period_ok and scope_ok


def _score_counts(tally: Counter, record: Mapping[str, Any], article: Mapping[str, Any],
                  rows: list[dict[str, Any]]) -> Score:
    """Add the case-count checks of one page to ``tally``; return the page's count score."""
    gold = record.get("case_counts") or []
    pairs, unmatched, missed = match_case_counts(rows, gold)
    by_id = {_text(r.get("count_id")): r for r in rows if _text(r.get("count_id"))}
    tp = 0
    for pi, gi in pairs:
        pred, want = rows[pi], gold[gi]
        if _is_free(want):
            continue
        tp += 1
        tally["district"] += district_key(pred.get("district")) == district_key(want.get("district"))
        tally["qualifier"] += name_key(pred.get("qualifier")) == name_key(want.get("qualifier"))
        if _as_of_scored(record, want, article):
            tally["as_of_n"] += 1
            tally["as_of"] += _text(pred.get("as_of"))[:10] == _text(want.get("as_of"))[:10]
        _score_meaning(tally, pred, want, by_id)
    score = Score(tp, len(unmatched), len(missed))
    if tp or unmatched or missed:
        tally["case_pages"] += 1
        tally["case_f1_sum"] += score.f1
    return score


def _score_officials(tally: Counter, record: Mapping[str, Any], rows: list[dict[str, Any]]) -> Score:
    """Add one page's officials (names, and title credit for the names found) to ``tally``."""
    want = {name_key(o["name"]): name_key(o.get("title")) for o in record.get("officials") or []}
    got: dict[str, str] = {}
    for row in rows:
        got.setdefault(name_key(row.get("name")), name_key(row.get("title")))
    found = want.keys() & got.keys()
    tally["title_credit"] += sum(title_agrees(got[n], want[n]) for n in found)
    return Score(len(found), len(got.keys() - found), len(want.keys() - found))


def _score_page(record: Mapping[str, Any], article: Mapping[str, Any],
                rows: Mapping[str, list[dict[str, Any]]]) -> tuple[Counter, dict[str, Any]]:
    """Score one page: (tally of checks, the page's row of the per-page table)."""
    tally: Counter = Counter()
    body = _body_key(article.get("body"))
    ok = {
        "title": name_key(article.get("title")) == name_key(record.get("title")),
        "date": _text(article.get("published"))[:10] == _text(record.get("published"))[:10],
        "body": body_bounds_ok(article.get("body"), record),
    }
    if record.get("author") is not None:
        ok["author"] = name_key(article.get("author")) == name_key(record["author"])
        tally["author_n"] += 1
    tally.update({key: int(value) for key, value in ok.items()})
    tally["leaked"] += sum(name_key(p) in body for p in record.get("boilerplate_people") or [])
    scores = {
        "province": score_sets((r.get("province") for r in rows["places"]), record.get("provinces") or [],
                               key=province_key),
        "officials": _score_officials(tally, record, rows["officials"]),
        "case": _score_counts(tally, record, article, rows["case_counts"]),
    }
    for name, score in scores.items():
        tally.update({f"{name}_tp": score.tp, f"{name}_fp": score.fp, f"{name}_fn": score.fn})
    page = {"file": record["file"], **ok, **{f"{name}_f1": round(s.f1, 3) for name, s in scores.items()
                                             if name != "case" or s.tp + s.fp + s.fn},
            "case_tp": scores["case"].tp, "case_fp": scores["case"].fp, "case_fn": scores["case"].fn,
            "period_ok": tally["period"], "scope_ok": tally["scope"], "part_of_ok": tally["part_of"],
            "understood": tally["figure"]}
    return tally, page


def _share(hits: int, n: int, *, none_when_empty: bool = False) -> float | None:
    if not n:
        return None if none_when_empty else 0.0
    return hits / n


def _metrics(t: Counter) -> list[tuple[str, float | int | None, int]]:
    """(name, value, denominator) of every figure, from the summed tally of the pages."""
    case = Score(t["case_tp"], t["case_fp"], t["case_fn"])
    wrong = t["case_tp"] - t["figure"]
    figure = Score(t["figure"], t["case_fp"] + wrong, t["case_fn"] + wrong)
    return [
        ("title_acc", _share(t["title"], t["pages"]), t["pages"]),
        ("date_acc", _share(t["date"], t["pages"]), t["pages"]),
        ("author_acc", _share(t["author"], t["author_n"]), t["author_n"]),
        ("body_acc", _share(t["body"], t["pages"]), t["pages"]),
        ("boilerplate_people_leaked", t["leaked"], t["pages"]),
        ("province_f1", Score(t["province_tp"], t["province_fp"], t["province_fn"]).f1,
         t["province_tp"] + t["province_fn"]),
        ("officials_f1", Score(t["officials_tp"], t["officials_fp"], t["officials_fn"]).f1,
         t["officials_tp"] + t["officials_fn"]),
        ("officials_title_acc", _share(t["title_credit"], t["officials_tp"]), t["officials_tp"]),
        ("case_f1", case.f1, case.tp + case.fn),
        ("case_p", case.precision if case.tp + case.fp else 0.0, case.tp + case.fp),
        ("case_r", case.recall if case.tp + case.fn else 0.0, case.tp + case.fn),
        ("case_f1_per_file", _share(t["case_f1_sum"], t["case_pages"]), t["case_pages"]),
        ("case_district_acc", _share(t["district"], case.tp), case.tp),
        ("case_qualifier_acc", _share(t["qualifier"], case.tp), case.tp),
        ("case_asof_acc", _share(t["as_of"], t["as_of_n"]), t["as_of_n"]),
        ("case_period_acc", _share(t["period"], t["period_n"], none_when_empty=True), t["period_n"]),
        ("case_period_start_acc", _share(t["period_start"], t["period_start_n"], none_when_empty=True),
         t["period_start_n"]),
        ("case_scope_acc", _share(t["scope"], t["scope_n"], none_when_empty=True), t["scope_n"]),
        ("case_part_of_acc", _share(t["part_of"], t["part_of_n"], none_when_empty=True), t["part_of_n"]),
        # scored only when every matched figure has a gold period and scope
        ("figure_f1", figure.f1 if t["figure_n"] and t["figure_n"] == case.tp else None, t["figure_n"]),
    ]


def _rows_by_page(tables: Mapping[str, pd.DataFrame], table: str, article_id: Any) -> list[dict[str, Any]]:
    df = tables.get(table)
    if df is None or "article_id" not in df.columns:
        return []
    return df[df["article_id"] == article_id].to_dict("records")


def evaluate_gold(gold_path: str | Path, tables: Mapping[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score the tables the pipeline gave for the pages of a gold file (see :func:`gold_pages`) against the gold.

    Returns (scores, per_page). ``scores`` has one row per figure, named as the gold's
    reference scorer names them (``title_acc``, ``province_f1``, ``case_f1``,
    ``case_f1_per_file``, ``case_period_acc``, ``figure_f1``...; see the module docstring
    for the rules): ``metric``, ``value`` (None where the gold has nothing to score) and
    ``n`` (how many gold items or pages it is over). ``per_page`` has one row per page:
    the page checks, province, officials and case-count F1 (the last missing on a page
    without counts in gold or table), case-count tp/fp/fn and how
    many matched figures have the right period, scope and part_of and are understood.
    A page without an article row counts against the page checks only.
    """
    articles = {Path(_text(f)).name: row for f, row in zip(tables["articles"]["file"],
                                                               tables["articles"].to_dict("records"))}
    total: Counter = Counter()
    pages = []
    for record in load_gold(gold_path):
        total["pages"] += 1
        article = articles.get(record["file"])
        if article is None:
            pages.append({"file": record["file"], "title": False, "date": False, "body": False})
            continue
        rows = {name: _rows_by_page(tables, name, article["article_id"])
                for name in ("places", "officials", "case_counts")}
        tally, page = _score_page(record, article, rows)
        total.update(tally)
        pages.append(page)
    scores = pd.DataFrame(_metrics(total), columns=["metric", "value", "n"])
    return scores, pd.DataFrame(pages)


def gold_sets() -> dict[str, tuple[Path, Path]]:
    """Return {name: (gold file, page folder)} of the seed and development gold sets (they may be absent).

    The seeds' gold beside the project (``../shared/gold``) carries period, scope and
    part_of; the copy in ``data/gold`` is used where it is absent.
    """
    shared = config.SHARED_DIR / "gold"
    seeds = shared / "seeds_gold.jsonl"
    return {
        "seeds": (seeds if seeds.exists() else config.GOLD_DIR / "seeds_gold.jsonl", config.RAW_DIR),
        "dev": (shared / "dev" / "dev_gold.jsonl", shared / "dev" / "raw"),
        "dev2": (shared / "dev2" / "dev2_gold.jsonl", shared / "dev2" / "raw"),
    }


def score_table(scores: Mapping[str, pd.DataFrame], metrics: Sequence[str] = tuple(METRIC_MEANINGS)) -> pd.DataFrame:
    """Return ``metrics`` as rows and one column per scored set, from {set name: scores of :func:`evaluate_gold`}.

    The index is the metric name; ``meaning`` says what it measures; a value is missing
    where the set's gold has nothing to score.
    """
    table = pd.DataFrame({name: df.set_index("metric")["value"] for name, df in scores.items()}).reindex(list(metrics))
    table.insert(0, "meaning", [METRIC_MEANINGS.get(m, "") for m in table.index])
    return table.rename_axis("metric")

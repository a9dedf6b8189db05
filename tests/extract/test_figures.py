"""The figure model of case counts: period, scope and part_of, read from the whole page.

Tables of self-written sentences and short pages, one per mechanism (the grammar of period
phrases, headings and titles, totals and their parts, scope), in the gold schema; then the
project's pipeline scored on the gold pages beside the repository, against floors.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from covidlib import config
from covidlib.text.article import article_from_body
from covidlib.quality.evaluate import match_case_counts
from covidlib.extract.case_counts import case_count_rows, extract_case_counts
from covidlib.extract.figures import period_notation
from covidlib.extract.places import extract_places
from covidlib.vocab import PERIODS, SCOPES

FIXTURES = Path(__file__).parents[1] / "fixtures"
TABLES = ("figures_period", "figures_heading", "figures_totals", "figures_scope")


def _table(name: str) -> list[dict]:
    with open(FIXTURES / f"{name}.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _cases() -> list:
    return [pytest.param(row, id=f"{name}:{row['id']}") for name in TABLES for row in _table(name)]


def _rows(row: dict) -> list[dict]:
    article = article_from_body(row["text"], published=row.get("published"), title=row.get("title"))
    return case_count_rows(article, extract_case_counts(article, places=extract_places(article)))


def _problems(row: dict, got: list[dict]) -> list[str]:
    """What differs between the figures read and the row's expected figures."""
    want = row["case_counts"]
    pairs, extra, missed = match_case_counts(got, want)
    problems = [f"extra {got[i]['value']} {got[i]['metric']} {got[i]['province']}" for i in extra]
    problems += [f"missing {want[i]['value']} {want[i]['metric']} {want[i]['province']}" for i in missed]
    values = {r["count_id"]: r["value"] for r in got}
    for pi, gi in pairs:
        r, w = got[pi], want[gi]
        kind, start = period_notation(w["period"])
        seen = {"period": r["period"], "scope": r["scope"], "part_of": values.get(r["part_of"])}
        expected = {"period": kind, "scope": w["scope"], "part_of": w["part_of"]}
        if start is not None or "period_start" in w:  # a row may say that no start must be given
            seen["period_start"], expected["period_start"] = r["period_start"], start
        if "district" in w:
            seen["district"], expected["district"] = r["district"], w["district"]
        if seen != expected:
            problems.append(f"{w['value']}: got {seen} want {expected}")
    return problems


@pytest.mark.parametrize("row", _cases())
def test_figure_tables(row):
    got = _rows(row)
    assert not _problems(row, got), f"{row['why']}: {_problems(row, got)}"


@pytest.mark.parametrize("name", TABLES)
def test_each_table_holds_rows_that_must_stay_apart(name):
    """Every table has a row whose figures must give nothing or must join no total."""
    rows = _table(name)
    assert any(all(c["part_of"] is None for c in r["case_counts"]) for r in rows)


def test_every_figure_has_a_period_and_a_scope_of_the_vocabulary():
    got = [r for name in TABLES for row in _table(name) for r in _rows(row)]
    assert got
    assert all(r["period"] in PERIODS and r["scope"] in SCOPES for r in got)
    assert all(r["count_id"] == f"{r['article_id']}:{r['start']}" for r in got)
    ids = {r["count_id"] for r in got}
    assert all(r["part_of"] is None or r["part_of"] in ids for r in got)


# --- the gold pages, scored by the reference scorer --------------------------------------

GOLD = config.SHARED_DIR / "gold"
# (gold file, raw pages, floors): the seeds are matched exactly; dev and dev2 hold their level.
GOLD_SETS = {
    "seeds": (GOLD / "seeds_gold.jsonl", config.RAW_DIR,
              {"case_f1": 1.0, "case_period_acc": 1.0, "case_period_start_acc": 1.0, "case_scope_acc": 1.0,
               "case_part_of_acc": 1.0, "figure_f1": 1.0}),
    "dev": (GOLD / "dev" / "dev_gold.jsonl", GOLD / "dev" / "raw",
            {"case_f1": 0.99, "case_period_acc": 0.97, "case_period_start_acc": 0.9, "case_scope_acc": 0.95,
             "case_part_of_acc": 0.95, "figure_f1": 0.95}),
    "dev2": (GOLD / "dev2" / "dev2_gold.jsonl", GOLD / "dev2" / "raw",
             {"case_period_acc": 0.95, "case_period_start_acc": 0.65, "case_scope_acc": 0.95,
              "case_part_of_acc": 0.9, "figure_f1": 0.75}),
}


@pytest.mark.parametrize("name", list(GOLD_SETS))
def test_gold_pages_hold_their_floors(name, tmp_path):
    gold, raw, floors = GOLD_SETS[name]
    scorer = GOLD / "score.py"
    if not (gold.exists() and raw.exists() and scorer.exists()):
        pytest.skip(f"gold set {name!r} not found under {GOLD} (it lives in ../shared/gold beside the repo)")
    extract = subprocess.run([sys.executable, "-m", "covidlib", "extract", str(raw), "--out", str(tmp_path), "--no-cache"],
                             capture_output=True, text=True)
    assert extract.returncode == 0, extract.stderr[-2000:]
    bounds = [f"{key}={value}" for key, value in floors.items()]
    score = subprocess.run([sys.executable, str(scorer), str(gold), str(tmp_path), *bounds], capture_output=True, text=True)
    assert score.returncode == 0, score.stdout[-3000:]


@pytest.mark.parametrize(
    "text, total, parts_sum",
    [
        # parts off by one from their total are kept, and the total says what they add up to
        ("Hà Nội ghi nhận 100 ca mắc mới, trong đó 60 ca tại cộng đồng, 41 ca đã được cách ly.", 100, 101),
        ("Tỉnh Bắc Ninh có 50 ca mắc mới, trong đó 30 ca tại cộng đồng, 20 ca đã được cách ly.", 50, 50),
        # parts are taken while they fit in their total: one that overflows it is no part of it
        ("Tỉnh Long An có 12 ca mắc mới, trong đó 8 ca tại huyện Đức Hòa, 9 ca tại huyện Bến Lức.", 12, 8),
        # a figure of another kind is no part: nothing to add up
        ("Tỉnh Long An có 12 ca mắc mới, gồm 300 người đã xét nghiệm.", 12, None),
    ],
)
def test_totals_record_what_their_parts_add_up_to(text, total, parts_sum):
    article = article_from_body(text, published="2021-08-03")
    spans = {s.data["value"]: s for s in extract_case_counts(article, places=extract_places(article))}
    assert spans[total].data.get("parts_sum") == parts_sum

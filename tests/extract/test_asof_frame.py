"""The page's date frame: as-of dates and period starts on pages with and without a publish date.

One table of self-written short pages (``tests/fixtures/asof_frame.jsonl``): a publish date,
a dated title, the latest day written with its year, a year told only by a start or a month,
and pages that let no reader know the year, whose figures must stay undated. Then the
project's evaluation of the gold pages beside the repository, against floors.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from covidlib.extract.case_counts import case_count_rows, extract_case_counts
from covidlib.extract.figures import period_notation
from covidlib.extract.places import extract_places
from covidlib.parse.dates import date_frame
from covidlib.quality.evaluate import evaluate_gold, gold_pages, gold_sets, match_case_counts
from covidlib.run.pipeline import extract_tables
from covidlib.text.article import article_from_body

TABLE = Path(__file__).parents[1] / "fixtures" / "asof_frame.jsonl"


def _rows() -> list[dict]:
    with open(TABLE, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _read(row: dict) -> list[dict]:
    article = article_from_body(row["text"], published=row["published"], title=row["title"])
    return case_count_rows(article, extract_case_counts(article, places=extract_places(article)))


def _problems(row: dict, got: list[dict]) -> list[str]:
    """What differs between the figures read and the row's expected as_of and period start."""
    want = row["case_counts"]
    pairs, extra, missed = match_case_counts(got, want)
    problems = [f"extra {got[i]['value']} {got[i]['metric']}" for i in extra]
    problems += [f"missing {want[i]['value']} {want[i]['metric']}" for i in missed]
    for pi, gi in pairs:
        r, w = got[pi], want[gi]
        kind, start = period_notation(w["period"])
        seen = {"as_of": r["as_of"], "period": r["period"]}
        expected = {"as_of": w["as_of"], "period": kind}
        if start is not None or "period_start" in w:  # a row may say that no start must be given
            seen["period_start"], expected["period_start"] = r["period_start"], start
        if seen != expected:
            problems.append(f"{w['value']}: got {seen} want {expected}")
    return problems


@pytest.mark.parametrize("row", [pytest.param(r, id=r["id"]) for r in _rows()])
def test_asof_frame_table(row):
    got = _read(row)
    assert not _problems(row, got), f"{row['why']}: {_problems(row, got)}"


def test_table_holds_pages_where_no_year_may_be_inferred():
    """Rows with no publish date whose figures must all stay undated."""
    empty = [r for r in _rows() if r["published"] is None and all(c["as_of"] is None for c in r["case_counts"])]
    assert len(empty) >= 3


@pytest.mark.parametrize(
    "published, title, body, day, source",
    [
        ("2021-08-02T07:10", "Tình hình dịch ngày 1/8/2021", "", date(2021, 8, 2), "published"),
        (None, "Thông tin ca mắc mới ngày 28/8/2021", "481 ca từ 18/7/2021 đến nay.", date(2021, 8, 28), "title"),
        # a title's window ends on its day; a title that only starts a tally gives no day
        (None, "Từ 18h ngày 21/1/2022 đến 18h ngày 22/1/2022, Hà Nội có 2.945 ca", "", date(2022, 1, 22), "title"),
        (None, "Từ 1/9/2021 đến nay, Bình Định có 640 ca", "", None, "year"),
        (None, "Thông báo", "Kết quả xét nghiệm ngày 9/5/2021 và ngày 10/5/2021 dương tính.", date(2021, 5, 10), "written"),
        (None, "Thông báo", "Có 72.000 người trở về kể từ ngày 8/7/2020.", None, "year"),
        (None, "Thông báo", "Trong tháng 11/2021, Bộ Y tế phân bổ 5 triệu liều vaccine.", None, "year"),
        # the year must be on the page: not there at all, or only a birth year or a compared year
        (None, "Ngày 18.9, tỉnh có 3 ca", "Từ 18.7 đến nay, tỉnh có 627 ca.", None, "none"),
        (None, "Bé gái mắc COVID-19", "Bệnh nhi sinh năm 2020, ngày 3/8 có kết quả dương tính.", None, "none"),
        (None, "Số ca tăng", "Ngày 10/8, số ca gấp 3 lần so với cùng kỳ năm 2020.", None, "none"),
        # a date outside the epidemic's years is a placeholder, not a frame
        ("1900-01-01", "Thông báo", "Ngày 3/8 tỉnh có 2 ca.", None, "none"),
    ],
)
def test_date_frame_sources(published, title, body, day, source):
    frame = date_frame(published, title=title, body=body)
    assert (frame.day, frame.source) == (day, source)


# --- the gold pages, scored by the project's evaluation ------------------------------------

# as-of and period-start accuracy each gold set must hold (the seeds exactly)
FLOORS = {
    "seeds": {"case_asof_acc": 1.0, "case_period_start_acc": 1.0},
    "dev": {"case_asof_acc": 0.97, "case_period_start_acc": 0.95},
    "dev2": {"case_asof_acc": 0.95, "case_period_start_acc": 0.69},
}


@pytest.mark.parametrize("name", list(FLOORS))
def test_gold_asof_floors(name):
    gold, raw = gold_sets()[name]
    if not (gold.exists() and raw.exists()):
        pytest.skip(f"gold set {name!r} not found at {gold} (it lives in ../shared/gold beside the repo)")
    scores, _ = evaluate_gold(gold, extract_tables(gold_pages(gold, raw)))
    got = scores.set_index("metric")["value"]
    low = {m: got[m] for m, floor in FLOORS[name].items() if got[m] is None or got[m] < floor}
    assert not low, f"{name}: below the floors {FLOORS[name]}: {low}"

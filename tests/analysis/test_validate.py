"""Validators fail loudly on bad rows and name them; the gold's rows pass."""
from __future__ import annotations

import pandas as pd
import pytest

from covidlib.analysis.validate import ValidationError, part_sums, validate_case_counts, validate_places
from covidlib.vocab import METRICS, QUALIFIERS

from .case_count_rows import counts_frame as _counts_frame
from .case_count_rows import gold_counts as _gold_counts


def counts_frame(rows: list[dict]) -> pd.DataFrame:
    return _counts_frame(rows, as_of="2021-10-08")


def gold_counts(records: list[dict]) -> pd.DataFrame:
    return _gold_counts(records, as_of="2021-10-08")


GOOD = {"province": "An Giang", "metric": "confirmed", "value": 6360,
        "sentence": "Tính đến nay, toàn tỉnh An Giang ghi nhận 6.360 ca mắc COVID-19."}


# --------------------------------------------------------------------------- good rows pass

def test_seed_gold_rows_pass(seeds_gold):
    assert validate_case_counts(gold_counts(seeds_gold)).empty


def test_dev_gold_rows_pass(dev_gold):
    # world figures ("thế giới ghi nhận 4.174.538 ca"), vaccine doses above the population, district lists
    assert validate_case_counts(gold_counts(dev_gold)).empty


def test_gold_other_covid_metric_is_not_a_case_metric(dev_gold):
    rows = [{**GOOD, "metric": c["metric"]} for rec in dev_gold for c in rec["case_counts"]
            if c["metric"] == "other_covid"]
    with pytest.raises(ValidationError, match="other_covid"):
        validate_case_counts(counts_frame(rows))


@pytest.mark.parametrize("row", [
    {**GOOD, "qualifier": q} for q in sorted(QUALIFIERS)
] + [
    {**GOOD, "metric": m, "value": 1} for m in sorted(METRICS)
] + [
    {"province": "Hồ Chí Minh", "province_code": "79", "metric": "confirmed", "value": 420000, "qualifier": "more_than",
     "sentence": "TP.HCM đã ghi nhận hơn 420.000 ca mắc COVID-19 kể từ tháng 4/2021."},
    {"province": None, "metric": "vaccinated", "value": 191993381,
     "sentence": "Tổng số vaccine phòng COVID-19 đã được tiêm là 191.993.381 liều."},
    {"province": None, "metric": "confirmed", "value": 430_000_000,
     "sentence": "Thế giới đã ghi nhận hơn 430 triệu ca mắc COVID-19."},
    {"province": "Hồ Chí Minh", "metric": "tested", "value": 20_000_000,
     "sentence": "TP.HCM đã xét nghiệm 20 triệu mẫu."},
    {"province": "An Giang", "metric": "confirmed", "value": 0, "sentence": "An Giang không có ca mắc mới."},
])
def test_plausible_rows_pass(row):
    assert validate_case_counts(counts_frame([row])).empty


# --------------------------------------------------------------------------- bad rows raise

BAD_ROWS = [
    # (row, check, text the message must show)
    ({**GOOD, "province": "Sài Gòn"}, "unknown province", "'Sài Gòn'"),
    ({**GOOD, "province": "Thanh Hoá"}, "unknown province", "did you mean 'Thanh Hóa'"),
    ({**GOOD, "province": "Xứ Đoài"}, "unknown province", "'Xứ Đoài'"),
    ({**GOOD, "province_code": "01"}, "province code", "'01'"),
    ({**GOOD, "metric": "cases"}, "unknown metric", "'cases'"),
    ({**GOOD, "metric": None}, "unknown metric", "<missing>"),
    ({**GOOD, "qualifier": "hơn"}, "unknown qualifier", "'hơn'"),
    ({**GOOD, "value": -78}, "negative value", "-78"),
    ({**GOOD, "value": None}, "missing value", "missing"),
    ({**GOOD, "value": 5_000_000}, "absurd value", "5000000"),
    ({**GOOD, "metric": "deaths", "value": 2_000_000}, "absurd value", "An Giang"),
    ({**GOOD, "metric": "vaccinated", "value": 40_000_000}, "absurd value", "40000000"),
    ({**GOOD, "province": None, "value": 120_000_000,
      "sentence": "Cả nước ghi nhận 120.000.000 ca mắc."}, "absurd value", "120000000"),
    ({**GOOD, "province": None, "value": 9_000_000_000,
      "sentence": "Thế giới ghi nhận 9 tỷ ca mắc."}, "absurd value", "9000000000"),
]


@pytest.mark.parametrize("bad, check, shown", BAD_ROWS)
def test_bad_row_raises_and_names_it(bad, check, shown):
    df = counts_frame([GOOD, bad, GOOD])
    with pytest.raises(ValidationError) as caught:
        validate_case_counts(df)
    message = str(caught.value)
    assert f"row 1: [{check}]" in message
    assert shown in message
    assert "row 0" not in message and "row 2" not in message
    assert set(caught.value.problems["row"]) == {1}


@pytest.mark.parametrize("bad, check, shown", BAD_ROWS)
def test_bad_row_reported_without_raising(bad, check, shown):
    problems = validate_case_counts(counts_frame([GOOD, bad]), raise_on_error=False)
    assert check in set(problems["check"])
    assert list(problems["row"].unique()) == [1]


DE = {"province": "Điện Biên", "metric": "confirmed", "as_of": "2021-05-28", "article_id": "db"}


def test_district_parts_exceeding_total_raise():
    df = counts_frame([
        {**DE, "value": 57, "sentence": "Tổng số ca mắc COVID-19 trên địa bàn tỉnh Điện Biên là 57 ca."},
        {**DE, "district": "Nậm Pồ", "value": 45}, {**DE, "district": "Điện Biên Phủ", "value": 8},
        {**DE, "district": "Mường Lay", "value": 1}, {**DE, "district": "Điện Biên", "value": 30},
    ])
    with pytest.raises(ValidationError) as caught:
        validate_case_counts(df)
    message = str(caught.value)
    assert "parts exceed total" in message
    assert "districts sum to 84" in message and "province total is 57" in message
    assert "district Nậm Pồ" in message and "district Điện Biên, " in message
    assert set(caught.value.problems["row"]) == {0, 1, 2, 3, 4}


@pytest.mark.parametrize("rows", [
    # same figures, but the total and the districts are of different days
    [{**DE, "value": 57}, {**DE, "district": "Nậm Pồ", "value": 60, "as_of": "2021-06-10"}],
    # ... or different articles
    [{**DE, "value": 57}, {**DE, "district": "Nậm Pồ", "value": 60, "article_id": "other"}],
    # ... or different metrics
    [{**DE, "value": 57}, {**DE, "district": "Nậm Pồ", "value": 60, "metric": "quarantined"}],
    # "hơn 50 ca": a lower bound is not contradicted by parts above it
    [{**DE, "value": 50, "qualifier": "more_than"}, {**DE, "district": "Nậm Pồ", "value": 55}],
    # a district repeated in two sentences counts once
    [{**DE, "value": 57}, {**DE, "district": "Nậm Pồ", "value": 45}, {**DE, "district": "Nậm Pồ", "value": 45}],
])
def test_district_parts_that_do_not_contradict_pass(rows):
    assert validate_case_counts(counts_frame(rows)).empty


def test_many_problems_are_all_counted():
    df = counts_frame([{**GOOD, "value": -i} for i in range(1, 40)])
    with pytest.raises(ValidationError) as caught:
        validate_case_counts(df)
    assert "39 problem(s)" in str(caught.value)
    assert "and 14 more" in str(caught.value)


# --------------------------------------------------------------------------- places

@pytest.mark.parametrize("province, code", [("Hồ Chí Minh", "79"), ("Thừa Thiên Huế", "46"), ("Bà Rịa - Vũng Tàu", "77"),
                                            ("Hòa Bình", "17"), ("Đắk Lắk", None)])
def test_validate_places_accepts_canonical_names(province, code):
    df = pd.DataFrame({"article_id": ["a"], "province": [province], "province_code": [code]})
    assert validate_places(df).empty


@pytest.mark.parametrize("province, shown", [("TP.HCM", "did you mean 'Hồ Chí Minh'"), ("Huế", "'Huế'"),
                                             ("Hoà Bình", "did you mean 'Hòa Bình'"), ("Đắc Lắc", "'Đắc Lắc'")])
def test_validate_places_rejects_aliases(province, shown):
    df = pd.DataFrame({"article_id": ["a", "b"], "province": ["Hà Nội", province]})
    with pytest.raises(ValidationError, match="row 1") as caught:
        validate_places(df)
    assert shown in str(caught.value)


# --------------------------------------------------------------------------- parts, totals and cumulative series

def _figure(count_id, value, *, part_of=None, metric="new_confirmed", qualifier="exact", **extra):
    return {"count_id": count_id, "value": value, "part_of": part_of, "metric": metric, "qualifier": qualifier,
            "period": "day", "scope": "province", "province": "Hà Nội", **extra}


TOTAL = _figure("a1:10", 100, scope="national", province=None)


@pytest.mark.parametrize("rows, flagged, check", [
    # "Cả nước ghi nhận 100 ca mắc mới, trong đó Hà Nội 120 ca": a part above its total
    ([TOTAL, _figure("a1:40", 120, part_of="a1:10")], ["a1:40"], "part above total"),
    # "... trong đó Hà Nội 60 ca, Bắc Ninh 50 ca": each below, together above
    ([TOTAL, _figure("a1:40", 60, part_of="a1:10"), _figure("a1:55", 50, part_of="a1:10", province="Bắc Ninh")],
     ["a1:40", "a1:55"], "parts sum above total"),
    # a link to a figure the table does not have
    ([TOTAL, _figure("a1:40", 60, part_of="a1:99")], ["a1:40"], "unknown part_of"),
])
def test_parts_that_contradict_their_total_are_flagged(rows, flagged, check):
    frame = counts_frame(rows)
    with pytest.raises(ValidationError, match=check):
        validate_case_counts(frame)
    problems = validate_case_counts(frame, raise_on_error=False)
    assert set(problems["check"]) == {check}
    assert sorted(frame.loc[problems["row"], "count_id"]) == flagged


@pytest.mark.parametrize("rows", [
    [TOTAL, _figure("a1:40", 100, part_of="a1:10")],                                   # a part equal to its total
    [TOTAL, _figure("a1:40", 60, part_of="a1:10"), _figure("a1:55", 40, part_of="a1:10", province="Bắc Ninh")],
    [TOTAL, _figure("a1:40", 60, part_of="a1:10"), _figure("a1:55", 30, part_of="a1:10", province="Bắc Ninh")],
    # "hơn 100 ca, trong đó Hà Nội 60, Bắc Ninh 50": a lower-bound total is not contradicted
    [{**TOTAL, "qualifier": "more_than"}, _figure("a1:40", 60, part_of="a1:10"),
     _figure("a1:55", 50, part_of="a1:10", province="Bắc Ninh")],
    # parts of two different totals are summed apart
    [TOTAL, _figure("a1:40", 60, part_of="a1:10"), _figure("a1:70", 80, metric="confirmed"),
     _figure("a1:90", 50, part_of="a1:70", metric="confirmed", province="Bắc Ninh")],
    [TOTAL, _figure("a1:40", 120)],                                                     # larger, but no stated part
])
def test_parts_that_fit_their_total_pass(rows):
    assert validate_case_counts(counts_frame(rows)).empty


def test_part_sums_reports_equal_under_and_above():
    rows = [TOTAL, _figure("a1:40", 60, part_of="a1:10"), _figure("a1:55", 40, part_of="a1:10", province="Bắc Ninh"),
            _figure("a1:70", 80, metric="confirmed"), _figure("a1:90", 50, part_of="a1:70", metric="confirmed"),
            _figure("a1:95", 70, metric="deaths"), _figure("a1:97", 90, part_of="a1:95", metric="deaths")]
    sums = part_sums(counts_frame(rows)).set_index("count_id")
    assert sums["status"].to_dict() == {"a1:10": "equal", "a1:70": "under", "a1:95": "above"}
    assert sums.loc["a1:10", ["parts", "parts_sum", "total"]].tolist() == [2, 100, 100]
    assert part_sums(counts_frame([TOTAL])).empty


def _cumulative(value, as_of, **extra):
    return {"metric": "confirmed", "value": value, "as_of": as_of, "period": "cumulative", "scope": "province",
            "province": "Đà Nẵng", "qualifier": "exact", **extra}


@pytest.mark.parametrize("rows, flagged", [
    # "Đà Nẵng đã ghi nhận 1.200 ca" on 10/8, then "1.150 ca" on 12/8 (another article)
    ([_cumulative(1200, "2021-08-10", article_id="a1"), _cumulative(1150, "2021-08-12", article_id="a2")], [1]),
    # the period end dates the figure when there is one
    ([_cumulative(1200, "2021-08-20", period_end="2021-08-10"), _cumulative(1150, "2021-08-12")], [1]),
    # "hơn 1.200 ca" earlier is a floor the later exact figure falls below
    ([_cumulative(1200, "2021-08-10", qualifier="more_than"), _cumulative(1150, "2021-08-12"),
      _cumulative(1300, "2021-08-14")], [1]),
    # national series: no province
    ([_cumulative(5000, "2021-08-10", scope="national", province=None),
      _cumulative(4000, "2021-08-11", scope="national", province=None)], [1]),
])
def test_a_cumulative_figure_below_an_earlier_one_is_flagged(rows, flagged):
    problems = validate_case_counts(counts_frame(rows), raise_on_error=False)
    assert problems["check"].eq("cumulative decreases").all()
    assert sorted(problems["row"]) == flagged


@pytest.mark.parametrize("rows", [
    [_cumulative(1150, "2021-08-10"), _cumulative(1200, "2021-08-12")],                        # rising
    [_cumulative(1200, "2021-08-10"), _cumulative(1150, "2021-08-10")],                        # the same day
    [_cumulative(1200, "2021-08-10"), _cumulative(1150, "2021-08-12", province="Quảng Nam")],   # another place
    [_cumulative(1200, "2021-08-10"), _cumulative(1150, "2021-08-12", metric="deaths")],       # another metric
    [_cumulative(1200, "2021-08-10"), _cumulative(900, "2021-08-12", period_start="2021-04-27")],  # since the wave
    [_cumulative(1200, "2021-08-10"), _cumulative(1150, "2021-08-12", scope="district", district="Hải Châu")],
    [_cumulative(1200, "2021-08-10"), _cumulative(1150, "2021-08-12", scope="local")],         # a hospital, say
    [_cumulative(1200, "2021-08-10"), {**_cumulative(30, "2021-08-12"), "period": "day"}],     # not cumulative
    [_cumulative(1200, "2021-08-10", qualifier="about"), _cumulative(1150, "2021-08-12")],      # "khoảng 1.200"
    [_cumulative(1200, "2021-08-10"), _cumulative(1150, "2021-08-12", qualifier="more_than")],  # "hơn 1.150"
    [_cumulative(1200, None), _cumulative(1150, "2021-08-12")],                                # undated
])
def test_cumulative_figures_that_do_not_decrease_pass(rows):
    assert validate_case_counts(counts_frame(rows)).empty

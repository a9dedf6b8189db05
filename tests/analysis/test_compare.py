"""Province comparison: latest figure per province, districts against totals, 2025 successors, official figures."""
from __future__ import annotations

import pandas as pd
import pytest

from covidlib.analysis import compare

from .case_count_rows import counts_frame, gold_counts


@pytest.fixture(scope="module")
def seed_counts(seeds_gold) -> pd.DataFrame:
    return gold_counts(seeds_gold)


def population(province: str) -> int:
    ref = compare.province_reference().set_index("province")
    return int(ref.loc[province, "population_2019"])


# --------------------------------------------------------------------------- province x metric

@pytest.mark.parametrize("province, metric, detail, value, qualifier, as_of", [
    ("Điện Biên", "confirmed", None, 57, "exact", "2021-05-28"),
    ("An Giang", "confirmed", None, 6360, "exact", "2021-10-08"),
    ("An Giang", "active", None, 2487, "exact", "2021-10-08"),
    ("An Giang", "recovered", None, 3789, "exact", "2021-10-08"),
    ("An Giang", "deaths", None, 78, "exact", "2021-10-08"),
    ("An Giang", "quarantined", "tập trung", 15369, "exact", "2021-10-08"),
    ("An Giang", "quarantined", "tại nhà", 7704, "exact", "2021-10-08"),  # home quarantine keeps its own row
    ("Hồ Chí Minh", "confirmed", None, 420000, "more_than", "2021-11-01"),
])
def test_province_metric_table_seed_figures(seed_counts, province, metric, detail, value, qualifier, as_of):
    table = compare.province_metric_table(seed_counts)
    same_detail = table["detail"].isna() if detail is None else table["detail"] == detail
    row = table[(table["province"] == province) & (table["metric"] == metric) & same_detail]
    assert len(row) == 1
    row = row.iloc[0]
    assert (row["value"], row["qualifier"], row["as_of"]) == (value, qualifier, as_of)
    assert row["is_lower_bound"] == (qualifier == "more_than")
    assert row["per_100k"] == pytest.approx(value / population(province) * 100_000)
    assert row["province_code"] == compare.province_reference().set_index("province").loc[province, "province_code"]


def test_province_metric_table_leaves_out_districts_and_national_rows(seed_counts):
    national = counts_frame([{"metric": "confirmed", "value": 266, "as_of": "2020-04-14",
                              "sentence": "Như vậy đến nay Việt Nam ghi nhận 266 ca bệnh COVID-19."}])
    table = compare.province_metric_table(pd.concat([seed_counts, national], ignore_index=True))
    assert len(table) == 8
    assert table["province"].notna().all()
    assert 45 not in set(table["value"])  # Nậm Pồ's 45 is a district figure


@pytest.mark.parametrize("rows, expected_value, expected_as_of", [
    # the later date wins
    ([{"as_of": "2021-09-10", "value": 150000}, {"as_of": "2021-09-11", "value": 153830}], 153830, "2021-09-11"),
    ([{"as_of": "2021-09-12", "value": 100}, {"as_of": "2021-09-11", "value": 153830}], 100, "2021-09-12"),
    # on one date the total beats its breakdown
    ([{"as_of": "2021-09-11", "value": 3726}, {"as_of": "2021-09-11", "value": 3971}], 3971, "2021-09-11"),
    # a dated figure beats an undated one
    ([{"as_of": None, "value": 999999}, {"as_of": "2021-09-11", "value": 3971}], 3971, "2021-09-11"),
])
def test_province_metric_table_picks_latest_then_largest(rows, expected_value, expected_as_of):
    df = counts_frame([{"province": "Bình Dương", "metric": "new_confirmed", **r} for r in rows])
    table = compare.province_metric_table(df)
    assert len(table) == 1
    assert (table.loc[0, "value"], table.loc[0, "as_of"]) == (expected_value, expected_as_of)
    assert table.loc[0, "n_reports"] == len(rows)


def test_province_metric_table_dates_undated_figures_by_publication():
    df = counts_frame([{"article_id": "gl", "province": "Gia Lai", "metric": "confirmed", "value": 18}])
    articles = pd.DataFrame({"article_id": ["gl"], "published": ["2021-02-04T21:43"]})
    table = compare.province_metric_table(df, articles)
    assert (table.loc[0, "as_of"], table.loc[0, "as_of_source"]) == ("2021-02-04", "published")
    assert pd.isna(compare.province_metric_table(df).loc[0, "as_of"])


def test_province_metric_table_of_nothing_is_empty():
    assert compare.province_metric_table(counts_frame([])).empty


# --------------------------------------------------------------------------- districts vs total

def test_district_consistency_seed_dien_bien(seed_counts):
    out = compare.district_consistency(seed_counts)
    assert len(out) == 1
    row = out.iloc[0]
    assert (row["province"], row["metric"], row["as_of"]) == ("Điện Biên", "confirmed", "2021-05-28")
    assert (row["province_total"], row["districts_sum"], row["n_districts"]) == (57, 57, 4)
    assert row["status"] == "consistent"
    assert "Nậm Pồ 45" in row["districts"]


DE = {"province": "Điện Biên", "metric": "confirmed", "as_of": "2021-05-28"}


@pytest.mark.parametrize("rows, total, parts, status", [
    ([{**DE, "value": 57}, {**DE, "district": "Nậm Pồ", "value": 45}, {**DE, "district": "Mường Lay", "value": 30}],
     57, 75, "parts exceed total"),
    ([{**DE, "value": 57}, {**DE, "district": "Nậm Pồ", "value": 45}], 57, 45, "parts below total"),
    ([{**DE, "district": "Nậm Pồ", "value": 45}, {**DE, "district": "Mường Lay", "value": 1}], None, 46, "no total"),
    # "hơn 40 ca": a lower-bound total is not contradicted by larger parts
    ([{**DE, "value": 40, "qualifier": "more_than"}, {**DE, "district": "Nậm Pồ", "value": 45}], 40, 45, "consistent"),
    # a district named in two sentences counts once, with its largest figure
    ([{**DE, "value": 12}, {**DE, "district": "Thanh Xuân", "value": 7}, {**DE, "district": "Thanh Xuân", "value": 4},
      {**DE, "district": "Hà Đông", "value": 5}], 12, 12, "consistent"),
])
def test_district_consistency_statuses(rows, total, parts, status):
    out = compare.district_consistency(counts_frame(rows))
    assert len(out) == 1
    row = out.iloc[0]
    assert row["status"] == status
    assert row["districts_sum"] == parts
    assert (pd.isna(row["province_total"]) if total is None else row["province_total"] == total)


def test_district_consistency_keeps_articles_and_dates_apart():
    rows = [{**DE, "value": 57, "article_id": "a"}, {**DE, "district": "Nậm Pồ", "value": 45, "article_id": "b"},
            {**DE, "value": 60, "as_of": "2021-05-29", "article_id": "a"},
            {**DE, "district": "Nậm Pồ", "value": 45, "as_of": "2021-05-29", "article_id": "a"}]
    out = compare.district_consistency(counts_frame(rows)).set_index(["article_id", "as_of"])
    assert out.loc[("b", "2021-05-28"), "status"] == "no total"
    assert out.loc[("a", "2021-05-29"), "province_total"] == 60


def test_district_consistency_dev_gold_never_exceeds(dev_gold):
    out = compare.district_consistency(gold_counts(dev_gold))
    assert len(out) > 3
    assert "parts exceed total" not in set(out["status"])
    assert "consistent" in set(out["status"])


# --------------------------------------------------------------------------- 2025 successors

def test_by_successor_2025_sums_only_figures_of_one_date_and_period():
    df = counts_frame([
        {"province": "Hồ Chí Minh", "metric": "confirmed", "value": 420000, "qualifier": "more_than",
         "as_of": "2021-11-01", "period": "cumulative", "scope": "province"},
        {"province": "Bình Dương", "metric": "confirmed", "value": 153830, "as_of": "2021-11-01",
         "period": "cumulative", "scope": "province"},
        # another date: never added to the two above
        {"province": "Bà Rịa - Vũng Tàu", "metric": "confirmed", "value": 5000, "as_of": "2021-09-01",
         "period": "cumulative", "scope": "province"},
        {"province": "An Giang", "metric": "confirmed", "value": 6360, "as_of": "2021-10-08",
         "period": "cumulative", "scope": "province"},
        # one day's new cases, same date as the cumulative figures: a row of its own
        {"province": "Bình Dương", "metric": "new_confirmed", "value": 900, "as_of": "2021-11-01",
         "period": "day", "scope": "province"},
    ])
    out = compare.by_successor_2025(compare.province_metric_table(df))
    hcm = out[(out["new_province_2025"] == "Hồ Chí Minh") & (out["metric"] == "confirmed")].set_index("as_of")
    assert hcm.loc["2021-11-01", "value"] == 420000 + 153830
    assert (hcm.loc["2021-11-01", "n_provinces"], hcm.loc["2021-11-01", "n_provinces_total"]) == (2, 3)
    assert "2 of 3" in hcm.loc["2021-11-01", "how"] and "2021-11-01" in hcm.loc["2021-11-01", "how"]
    assert bool(hcm.loc["2021-11-01", "is_lower_bound"])
    assert hcm.loc["2021-09-01", "value"] == 5000 and hcm.loc["2021-09-01", "n_provinces"] == 1
    pops = population("Hồ Chí Minh") + population("Bình Dương")
    assert hcm.loc["2021-11-01", "per_100k"] == pytest.approx(hcm.loc["2021-11-01", "value"] / pops * 100_000)
    new = out[(out["new_province_2025"] == "Hồ Chí Minh") & (out["metric"] == "new_confirmed")]
    assert list(new["value"]) == [900] and list(new["period"]) == ["day"]
    an_giang = out[out["new_province_2025"] == "An Giang"].iloc[0]  # An Giang and Kiên Giang merged
    assert (an_giang["n_provinces"], an_giang["n_provinces_total"], bool(an_giang["is_lower_bound"])) == (1, 2, False)


def test_by_successor_2025_never_sums_figures_of_unknown_period():
    df = counts_frame([{"province": "Hồ Chí Minh", "metric": "confirmed", "value": 100, "as_of": "2021-11-01"},
                       {"province": "Bình Dương", "metric": "confirmed", "value": 50, "as_of": "2021-11-01"}])
    out = compare.by_successor_2025(compare.province_metric_table(df))
    assert sorted(out["value"]) == [50, 100]


def test_by_successor_2025_has_at_most_34_units(seed_counts):
    out = compare.by_successor_2025(compare.province_metric_table(seed_counts))
    assert out["new_province_2025"].nunique() <= 34
    assert set(out["new_province_2025"]) <= set(compare.province_reference()["new_province_2025"])


# --------------------------------------------------------------------------- official data

def test_load_official_counts_flags_and_series():
    off = compare.load_official_counts()
    assert set(off["series"]) == {"NCSC", "VnExpress", "VNCDC"}
    assert off["flagged"].sum() == 6
    flagged = off[off["flagged"] & (off["metric"] == "confirmed_new")].set_index("province")["value"]
    assert flagged.to_dict() == {"Kiên Giang": 49170, "Cà Mau": 151919}
    day = off[(off["province"] == "An Giang") & (off["date"] == "2021-10-08")].set_index(["series", "metric"])["value"]
    assert day[("VnExpress", "confirmed_cumulative_since_2021-04-27")] == 6267
    assert day[("NCSC", "confirmed_new")] == 182


@pytest.mark.parametrize("province, metric, official, series, difference, agrees", [
    ("Điện Biên", "confirmed", 57, "VnExpress", 0, True),
    ("An Giang", "confirmed", 6267, "VnExpress", 93, True),
    ("An Giang", "deaths", 85, "NCSC deaths_new", -7, False),
    # "hơn 420.000 ca kể từ tháng 4/2021": VnExpress ends 25/10, so NCSC summed 27/4..1/11
    ("Hồ Chí Minh", "confirmed", 430035, "NCSC confirmed_new summed 2021-04-27", -10035, True),
])
def test_official_comparison_seed_figures(seed_counts, province, metric, official, series, difference, agrees):
    out = compare.official_comparison(seed_counts)
    row = out[(out["province"] == province) & (out["metric"] == metric)]
    assert len(row) == 1
    row = row.iloc[0]
    assert row["status"] == "compared"
    assert row["official_value"] == official
    assert row["official_series"].startswith(series)
    assert row["difference"] == difference
    assert row["agrees"] == agrees


def test_official_comparison_metrics_without_series(seed_counts):
    out = compare.official_comparison(seed_counts).set_index("metric")
    assert out.loc["active", "status"] == "no official series"
    assert pd.isna(out.loc["active", "official_value"])


def official_rows(series: str, metric: str, province: str, values: dict[str, int], flagged: tuple = ()) -> list:
    return [{"province": province, "date": day, "metric": metric, "value": v, "series": series,
             "flagged": day in flagged} for day, v in values.items()]


@pytest.fixture()
def toy_official() -> pd.DataFrame:
    """A tiny official table: VnExpress cumulative for Long An until 2021-07-24, NCSC dailies around it."""
    days = pd.date_range("2021-04-20", "2021-07-31").strftime("%Y-%m-%d")
    ncsc = {d: 10 for d in days}
    ncsc["2021-07-23"] = 1140
    rows = (official_rows("NCSC", "confirmed_new", "Long An", ncsc, flagged=("2021-07-23",))
            + official_rows("NCSC", "deaths_new", "Long An", {d: 1 for d in days})
            + official_rows("VnExpress", "confirmed_cumulative_since_2021-04-27", "Long An",
                            {"2021-07-20": 5000, "2021-07-22": 5600, "2021-07-24": 8000}))
    return pd.DataFrame(rows)


@pytest.mark.parametrize("metric, qualifier, value, as_of, official, series, status, agrees", [
    # VnExpress on the day
    ("confirmed", "exact", 8000, "2021-07-24", 8000, "VnExpress", "compared", True),
    # nearest earlier VnExpress day within the window
    ("confirmed", "exact", 5700, "2021-07-23", 5600, "VnExpress", "compared", True),
    # beyond the window: NCSC daily cases from 27/4, the flagged 23/7 left out (95 days x 10)
    ("confirmed", "exact", 960, "2021-07-31", 950, "NCSC confirmed_new summed 2021-04-27", "compared", True),
    ("confirmed", "more_than", 900, "2021-07-31", 950, "NCSC", "compared", True),
    ("confirmed", "more_than", 1000, "2021-07-31", 950, "NCSC", "compared", False),
    ("confirmed", "less_than", 1000, "2021-07-31", 950, "NCSC", "compared", True),
    ("confirmed", "less_than", 900, "2021-07-31", 950, "NCSC", "compared", False),
    ("confirmed", "about", 870, "2021-07-31", 950, "NCSC", "compared", True),
    ("confirmed", "exact", 870, "2021-07-31", 950, "NCSC", "compared", False),
    # before the 4th wave: summed from the first day of the series
    ("confirmed", "exact", 30, "2021-04-22", 30, "NCSC confirmed_new summed 2021-04-20", "compared", True),
    ("deaths", "exact", 3, "2021-04-22", 3, "NCSC deaths_new", "compared", True),
    ("new_confirmed", "exact", 10, "2021-07-30", 10, "NCSC confirmed_new on as_of", "compared", True),
    ("confirmed", "exact", 10, "2022-02-22", None, None, "outside official coverage", None),
    ("recovered", "exact", 10, "2021-07-30", None, None, "no official series", None),
    ("deaths", "exact", 10, None, None, None, "no date", None),
])
def test_official_comparison_rules(toy_official, metric, qualifier, value, as_of, official, series, status, agrees):
    df = counts_frame([{"province": "Long An", "metric": metric, "value": value, "qualifier": qualifier,
                        "as_of": as_of}])
    row = compare.official_comparison(df, toy_official, window_days=2).iloc[0]
    assert row["status"] == status
    if official is None:
        assert pd.isna(row["official_value"]) and pd.isna(row["agrees"])
        return
    assert row["official_value"] == official
    assert row["official_series"].startswith(series)
    assert row["difference"] == value - official
    assert bool(row["agrees"]) == agrees


def test_official_comparison_new_cases_window_sum(toy_official):
    df = counts_frame([{"province": "Long An", "metric": "new_confirmed", "value": 602, "as_of": "2021-07-24"}])
    row = compare.official_comparison(df, toy_official, window_days=1).iloc[0]
    assert row["official_value"] == 10
    assert row["official_window_sum"] == 20  # 23-25/7 with the flagged 23/7 left out
    assert not row["agrees"]


def test_official_comparison_compares_totals_not_breakdowns(toy_official):
    df = counts_frame([
        {"province": "Long An", "metric": "new_confirmed", "value": 10, "as_of": "2021-07-30",
         "sentence": "Long An ghi nhận 10 ca mắc mới."},
        {"province": "Long An", "metric": "new_confirmed", "value": 7, "as_of": "2021-07-30", "detail": "F1",
         "sentence": "Trong đó 7 ca là F1 đã cách ly."},
    ])
    assert len(compare.official_comparison(df, toy_official)) == 1
    assert len(compare.official_comparison(df, toy_official, totals_only=False)) == 2


def test_official_comparison_unknown_province_has_no_data(toy_official):
    df = counts_frame([{"province": "Cao Bằng", "metric": "deaths", "value": 1, "as_of": "2021-07-30"}])
    assert compare.official_comparison(df, toy_official).loc[0, "status"] == "no data for province"


# --------------------------------------------------------------------------- the pipeline's own seed output

@pytest.fixture(scope="module")
def extracted_seed_tables():
    from covidlib import config
    from covidlib.run.pipeline import extract_tables

    return extract_tables(config.RAW_DIR)


def test_comparison_of_the_extracted_seed_counts(extracted_seed_tables):
    counts, articles = extracted_seed_tables["case_counts"], extracted_seed_tables["articles"]
    table = compare.province_metric_table(counts, articles).set_index(["province", "metric"])
    assert table.loc[("Điện Biên", "confirmed"), "value"] == 57
    assert table.loc[("An Giang", "confirmed"), "value"] == 6360
    assert table.loc[("Hồ Chí Minh", "confirmed"), "is_lower_bound"]
    consistency = compare.district_consistency(counts)
    dien_bien = consistency[consistency["province"] == "Điện Biên"].iloc[0]
    assert (dien_bien["province_total"], dien_bien["districts_sum"], dien_bien["status"]) == (57, 57, "consistent")
    joined = compare.official_comparison(counts).set_index(["province", "metric"])
    expected = {("Điện Biên", "confirmed"): (57, 0), ("An Giang", "confirmed"): (6267, 93),
                ("Hồ Chí Minh", "confirmed"): (430035, -10035)}
    for key, (official, difference) in expected.items():
        assert (joined.loc[key, "official_value"], joined.loc[key, "difference"]) == (official, difference), key
        assert bool(joined.loc[key, "agrees"]), key


# --------------------------------------------------------------------------- like with like (figure model)

def figure(**fields) -> dict:
    """A province figure with the figure-model columns (cumulative confirmed in Hà Nội unless told otherwise)."""
    return {"province": "Hà Nội", "metric": "confirmed", "period": "cumulative", "scope": "province",
            "as_of": "2021-09-16", **fields}


@pytest.mark.parametrize("fields", [
    dict(scope="world", value=4174538),      # a world total named beside a province
    dict(scope="national", value=700000),    # a national total
    dict(scope="region", value=90000),       # several provinces together
    dict(scope="local", value=19),           # a cluster in the province
])
def test_province_table_refuses_figures_of_another_scope(fields):
    table = compare.province_metric_table(counts_frame([figure(value=3869), figure(**fields)]))
    assert list(table["value"]) == [3869]


def test_province_table_never_shows_a_part_as_the_total():
    rows = counts_frame([figure(value=3869, count_id="a:1"),
                         figure(value=5000, count_id="a:2", part_of="a:9", as_of="2021-09-17"),  # a part, later
                         figure(value=1596, count_id="a:3", part_of="a:1")])
    table = compare.province_metric_table(rows)
    assert list(table["value"]) == [3869]


def test_province_table_keeps_period_kinds_apart():
    rows = counts_frame([figure(metric="new_confirmed", period="day", value=2500, as_of="2021-05-14"),
                         figure(metric="new_confirmed", period="span", value=9930, as_of="2021-05-14",
                                period_start="2021-05-08", period_end="2021-05-14"),
                         figure(metric="new_confirmed", period="average", value=1418, as_of="2021-05-14")])
    table = compare.province_metric_table(rows).set_index("period")
    assert table["value"].to_dict() == {"average": 1418, "day": 2500, "span": 9930}
    assert table.loc["span", "period_start"] == "2021-05-08"


@pytest.mark.parametrize("window, expected", [(0, {"confirmed": 523794, "deaths": 20000}),
                                              (1, {"confirmed": 523794, "deaths": 20000, "recovered": 400000})])
def test_outcomes_stand_beside_confirmed_only_inside_the_window(window, expected):
    rows = counts_frame([
        figure(province="Hồ Chí Minh", value=523794, as_of="2022-02-23"),
        figure(province="Hồ Chí Minh", metric="deaths", value=20000, as_of="2022-02-23"),
        figure(province="Hồ Chí Minh", metric="recovered", value=400000, as_of="2022-02-22"),
        figure(province="Hồ Chí Minh", metric="recovered", value=5, as_of="2020-04-14", period="day"),  # a day's
        figure(province="Hồ Chí Minh", metric="active", value=3434, as_of="2022-02-23", detail="nặng",
               period="snapshot"),  # severe patients only: not the patients under treatment
    ])
    out = compare.outcomes_beside_confirmed(compare.province_metric_table(rows), window_days=window)
    assert dict(zip(out["metric"], out["value"])) == expected


def test_map_window_keeps_one_month_and_says_how_many():
    rows = counts_frame([figure(province="Hà Nội", value=3869, as_of="2021-09-16"),
                         figure(province="Bình Dương", value=153830, as_of="2021-09-11"),
                         figure(province="Hồ Chí Minh", value=5, as_of="2020-04-14"),
                         figure(province="Đà Nẵng", value=9, as_of="2021-09-16", period="day",
                                metric="confirmed")])
    inside, info = compare.map_window(compare.province_metric_table(rows), days=31)
    assert set(inside["province"]) == {"Hà Nội", "Bình Dương"}
    assert (info["start"], info["end"], info["n_provinces"], info["n_left_out"], info["n_units"]) == \
        ("2021-08-17", "2021-09-16", 2, 1, 63)


def test_district_sums_keep_periods_apart():
    rows = counts_frame([figure(province="Điện Biên", value=57, as_of="2021-05-28"),
                         figure(province="Điện Biên", district="Nậm Pồ", scope="district", value=45, as_of="2021-05-28"),
                         figure(province="Điện Biên", district="Nậm Pồ", scope="district", value=3, as_of="2021-05-28",
                                metric="confirmed", period="day")])
    out = compare.district_consistency(rows).set_index("period")
    assert out.loc["cumulative", "districts_sum"] == 45 and out.loc["cumulative", "province_total"] == 57
    assert out.loc["day", "status"] == "no total"


@pytest.mark.parametrize("period, status", [("span", "period not comparable"), ("average", "period not comparable"),
                                            ("day", "compared")])
def test_official_comparison_compares_only_periods_the_series_has(toy_official, period, status):
    df = counts_frame([{"province": "Long An", "metric": "new_confirmed", "value": 10, "as_of": "2021-07-20",
                        "period": period, "scope": "province"}])
    row = compare.official_comparison(df, toy_official).iloc[0]
    assert row["status"] == status


def test_by_successor_2025_keeps_counts_since_different_starts_apart():
    df = counts_frame([
        {"province": "Hồ Chí Minh", "metric": "confirmed", "value": 523794, "as_of": "2022-02-23",
         "period": "cumulative", "period_start": "2021-04-27", "scope": "province"},
        {"province": "Bình Dương", "metric": "confirmed", "value": 294382, "as_of": "2022-02-23",
         "period": "cumulative", "scope": "province"},
    ])
    out = compare.by_successor_2025(compare.province_metric_table(df))
    assert sorted(out["value"]) == [294382, 523794]

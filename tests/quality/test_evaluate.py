"""Scoring rules, and the whole pipeline scored against the gold (the figures notebook 02 reports).

The rules are tables of hand-made gold and table rows, each with rows that must not match;
the agreement test scores the pipeline's tables on the seed and development pages both here
and with the gold's reference scorer (``score.py`` beside the gold), and wants the same figures.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pandas as pd
import pytest

from covidlib import config
from covidlib.quality.evaluate import (Score, body_bounds_ok, district_key, evaluate_gold, gold_period, gold_pages,
                                       gold_sets, match_case_counts, province_key, score_case_counts, score_officials,
                                       score_sets, score_table, title_agrees)
from covidlib.run.pipeline import extract_tables
from covidlib.run.writers import write_tables

REFERENCE_SCORER = config.SHARED_DIR / "gold" / "score.py"
#: (name, gold file, page folder) of every gold set the agreement test runs on.
GOLD_SETS = [(name, gold, raw) for name, (gold, raw) in gold_sets().items()]
_SCORE_LINE = re.compile(r"^(\w+): (\S+)$", re.MULTILINE)


def _evaluate(gold, raw_dir):
    return evaluate_gold(gold, extract_tables(gold_pages(gold, raw_dir)))


def test_score_arithmetic():
    s = Score(8, 2, 0) + Score(1, 0, 1)
    assert (s.tp, s.fp, s.fn) == (9, 2, 1)
    assert s.precision == pytest.approx(9 / 11) and s.recall == pytest.approx(0.9)
    assert Score().f1 == 1.0 and Score(0, 1, 1).f1 == 0.0


def test_sets_and_names_compare_after_folding():
    assert score_sets(["Hồ Chí Minh", "an giang"], ["An Giang"]) == Score(1, 1, 0)
    assert score_officials([{"name": "NGUYỄN VĂN THẮNG"}], [{"name": "Nguyễn Văn Thắng"}, {"name": "Mùa A Vảng"}]) == Score(1, 0, 1)
    assert title_agrees("Phó Chủ tịch UBND tỉnh Vĩnh Long", "Phó Chủ tịch UBND tỉnh")
    assert not title_agrees("Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh")


GOLD = [
    {"value": 57, "metric": "confirmed", "province": "Điện Biên"},
    {"value": 5, "metric": "suspected", "province": "Gia Lai", "alt_metrics": ["confirmed"]},
    {"value": 12, "metric": "other_covid", "province": "Điện Biên"},
    {"value": 3, "metric": "confirmed", "province": None, "optional": True},
]


@pytest.mark.parametrize("predicted, expected", [
    ([{"value": 57, "metric": "confirmed", "province": "Điện Biên"}], Score(1, 0, 1)),
    ([{"value": 57, "metric": "deaths", "province": "Điện Biên"}], Score(0, 1, 2)),          # wrong metric
    ([{"value": 57, "metric": "confirmed", "province": "Lai Châu"}], Score(0, 1, 2)),        # wrong province
    ([{"value": 5, "metric": "confirmed", "province": "Gia Lai"}], Score(1, 0, 1)),          # an alternative metric
    ([{"value": 12, "metric": "other_covid", "province": "Điện Biên"},
      {"value": 3, "metric": "confirmed", "province": None}], Score(0, 0, 2)),               # neither required nor wrong
    ([{"value": 57, "metric": "confirmed", "province": "Điện Biên"}] * 2, Score(1, 1, 1)),   # one-to-one
])
def test_case_count_matching(predicted, expected):
    assert score_case_counts(predicted, GOLD) == expected
    pairs, unmatched, missed = match_case_counts(predicted, GOLD)
    assert len(pairs) + len(unmatched) == len(predicted)


@pytest.mark.parametrize("body, ok", [
    ("TTH.VN - Sáng ngày 16/5, đoàn đến.\n\nDịp này, tỉnh tặng quà.", True),
    ("Sáng ngày 16/5, đoàn   đến.\n\nDịp này, tỉnh tặng quà.", True),
    ("Menu\n\nSáng ngày 16/5, đoàn đến.\n\nDịp này, tỉnh tặng quà.", False),
    ("Sáng ngày 16/5, đoàn đến.\n\nDịp này, tỉnh tặng quà.\n\nTin liên quan", False),
])
def test_body_bounds(body, ok):
    record = {"body_first_sentence": "TTH.VN - Sáng ngày 16/5, đoàn đến.", "body_last_sentence": "Dịp này, tỉnh tặng quà."}
    assert body_bounds_ok(body, record) is ok


# --------------------------------------------------------------------------- keys and gold periods

@pytest.mark.parametrize("a, b, same", [
    ("Tỉnh Thanh Hoá", "Thanh Hóa", True),
    ("TP. Hồ Chí Minh", "Hồ Chí Minh", True),
    ("TP.HCM", "Hồ Chí Minh", True),
    ("thành phố Hà Nội", "Hà Nội", True),
    ("Hà Nam", "Hà Nội", False),
    ("Hoà Bình", "Bình Định", False),
])
def test_province_keys(a, b, same):
    assert (province_key(a) == province_key(b)) is same


@pytest.mark.parametrize("a, b, same", [
    ("huyện Đắk Song", "Đắk Song", True),
    ("Thị xã Sơn Tây", "sơn tây", True),
    ("quận 7", "7", True),
    ("Đắk Song", "Đắk Mil", False),
    ("", "Đắk Song", False),
])
def test_district_keys(a, b, same):
    assert (district_key(a) == district_key(b)) is same


@pytest.mark.parametrize("period, expected", [
    ("day", ("day", "")),
    ("snapshot", ("snapshot", "")),
    ("span:2021-07-01/2021-07-07", ("span", "2021-07-01")),
    ("span:null/2021-07-07", ("span", "")),
    ("since:2021-04-27", ("cumulative", "2021-04-27")),
    ("epidemic", ("cumulative", "")),
    ("average:7-day", ("average", "")),
    (None, ("", "")),
])
def test_gold_periods(period, expected):
    assert gold_period(period) == expected


# --------------------------------------------------------------------------- matching order

def test_gold_rows_take_table_rows_in_order_required_first():
    gold = [{"value": 9, "metric": "confirmed", "province": "Hà Nội", "optional": True},
            {"value": 9, "metric": "confirmed", "province": "Hà Nội"}]
    pairs, unmatched, missed = match_case_counts([{"value": "9", "metric": "confirmed", "province": "Hà Nội"}], gold)
    assert pairs == [(0, 1)] and unmatched == [] and missed == []


def test_a_gold_row_takes_the_first_row_it_accepts_even_if_a_later_gold_row_needed_it():
    gold = [{"value": 4, "metric": "new_confirmed", "province": None, "alt_metrics": ["confirmed"]},
            {"value": 4, "metric": "confirmed", "province": None}]
    predicted = [{"value": 4, "metric": "confirmed", "province": None},
                 {"value": 4, "metric": "new_confirmed", "province": None}]
    assert score_case_counts(predicted, gold) == Score(1, 1, 1)


@pytest.mark.parametrize("predicted, expected", [
    ([{"value": 7, "metric": "deaths", "province": None}], Score(1, 0, 0)),                # alt_province None: no place
    ([{"value": 7, "metric": "deaths", "province": "Tỉnh Bắc Giang"}], Score(1, 0, 0)),    # the named province
    ([{"value": 7, "metric": "deaths", "province": "Bắc Ninh"}], Score(0, 1, 1)),          # another province
    ([{"value": "7.0", "metric": "deaths", "province": None}], Score(1, 0, 0)),            # value written as text
    ([{"value": "bảy", "metric": "deaths", "province": None}], Score(0, 1, 1)),            # not a number: no match
])
def test_alt_province_and_values(predicted, expected):
    gold = [{"value": 7, "metric": "deaths", "province": "Bắc Giang", "alt_province": None}]
    assert score_case_counts(predicted, gold) == expected


# --------------------------------------------------------------------------- pages and figures, scored whole

_BODY = "Sáng 8/2/2021, tỉnh họp. Tỉnh ghi nhận 100 ca mắc, trong đó 30 ca tại huyện A."


def _score_page(tmp_path, counts, rows, *, record=None, article=None, officials=(), places=()):
    """Score one hand-made page: gold ``counts`` against table ``rows``; return {metric: value} and the page row."""
    record = {"file": "p.txt", "title": "Họp về COVID-19", "published": "2021-02-08T09:00", "author": None,
              "body_first_sentence": "Sáng 8/2/2021, tỉnh họp.", "body_last_sentence": "30 ca tại huyện A.",
              "provinces": ["Hà Nội"], "officials": [], "case_counts": counts, **(record or {})}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    article = {"article_id": "a1", "file": "/in/p.txt", "title": "Họp về COVID-19", "published": "2021-02-08T09:00",
               "author": None, "body": _BODY, **(article or {})}
    tables = {"articles": pd.DataFrame([article]),
              "places": pd.DataFrame([{"article_id": "a1", "province": p} for p in places or ["Hà Nội"]]),
              "officials": pd.DataFrame([{"article_id": "a1", **o} for o in officials], columns=["article_id", "name", "title"]),
              "case_counts": pd.DataFrame([{"article_id": "a1", **r} for r in rows])}
    scores, pages = evaluate_gold(gold, tables)
    return _metrics(scores), pages.iloc[0]


def _gold(value, **extra):
    return {"value": value, "metric": "confirmed", "province": "Hà Nội", "qualifier": "exact", **extra}


def _row(value, **extra):
    return {"value": value, "metric": "confirmed", "province": "Hà Nội", "qualifier": "exact", **extra}


@pytest.mark.parametrize("gold, row, period_ok, start_ok", [
    ("since:2021-04-27", {"period": "cumulative", "period_start": "2021-04-27"}, 1, 1),
    ("since:2021-04-27", {"period": "cumulative", "period_start": "2021-05-01"}, 1, 0),   # wrong start
    ("since:2021-04-27", {"period": "day", "period_start": "2021-04-27"}, 0, 0),          # right start, wrong kind
    ("span:2021-07-01/2021-07-07", {"period": "span", "period_start": "2021-07-01"}, 1, 1),
    ("span:2021-07-01/2021-07-07", {"period": "average", "period_start": "2021-07-01"}, 0, 0),
    ("epidemic", {"period": "cumulative"}, 1, None),                                     # no gold start: not scored
    ("epidemic", {"period": "snapshot"}, 0, None),
    ("average:7-day", {"period": "average"}, 1, None),
    ("average:7-day", {"period": "day"}, 0, None),
    ("day", {"period": "Day"}, 1, None),
])
def test_period_kind_and_start(tmp_path, gold, row, period_ok, start_ok):
    metrics, _ = _score_page(tmp_path, [_gold(100, period=gold)], [_row(100, **row)])
    assert metrics["case_period_acc"] == period_ok
    assert metrics["case_period_start_acc"] == start_ok


@pytest.mark.parametrize("part_of, rows, ok", [
    (100, [_row(100, count_id="c1"), _row(30, count_id="c2", part_of="c1")], 1),
    (100, [_row(100, count_id="c1"), _row(99, count_id="c3"), _row(30, count_id="c2", part_of="c3")], 0),  # wrong total
    (100, [_row(100, count_id="c1"), _row(30, count_id="c2", part_of="c9")], 0),   # links to no row
    (100, [_row(100, count_id="c1"), _row(30, count_id="c2")], 0),                 # no link
    (None, [_row(100, count_id="c1"), _row(30, count_id="c2")], 1),                # none wanted, none given
    (None, [_row(100, count_id="c1"), _row(30, count_id="c2", part_of="c1")], 0),  # none wanted, one given
])
def test_part_of_is_right_when_the_linked_row_has_the_gold_totals_value(tmp_path, part_of, rows, ok):
    gold = [_gold(100, part_of=None), _gold(30, part_of=part_of)]
    metrics, _ = _score_page(tmp_path, gold, rows)
    assert metrics["case_r"] == 1.0
    assert metrics["case_part_of_acc"] == pytest.approx((1 + ok) / 2)


def test_figure_f1_counts_only_figures_with_the_right_period_and_scope(tmp_path):
    gold = [_gold(100, period="epidemic", scope="province"), _gold(30, period="day", scope="district"),
            _gold(5, period="day", scope="province")]
    rows = [_row(100, period="cumulative", scope="province"),     # understood
            _row(30, period="day", scope="province"),             # matched, wrong scope
            _row(8, period="day", scope="province")]              # extra (and the 5 is missed)
    metrics, page = _score_page(tmp_path, gold, rows)
    assert metrics["case_f1"] == pytest.approx(2 * 2 / (2 * 2 + 1 + 1))
    assert metrics["case_scope_acc"] == 0.5 and metrics["case_period_acc"] == 1.0
    assert metrics["figure_f1"] == pytest.approx(2 * 1 / (2 * 1 + 2 + 2))
    assert (page["case_tp"], page["case_fp"], page["case_fn"], page["understood"]) == (2, 1, 1, 1)


def test_figure_scores_are_none_where_the_gold_has_no_period_or_scope(tmp_path):
    metrics, _ = _score_page(tmp_path, [_gold(100)], [_row(100, period="cumulative", scope="province")])
    for name in ("case_period_acc", "case_period_start_acc", "case_scope_acc", "case_part_of_acc", "figure_f1"):
        assert metrics[name] is None, name
    assert metrics["case_f1"] == 1.0


def test_free_gold_rows_are_neither_required_nor_penalised_nor_scored(tmp_path):
    gold = [_gold(100, period="epidemic", scope="province"), _gold(3, optional=True, period="day", scope="local"),
            {"value": 12, "metric": "other_covid", "province": "Hà Nội"}]
    rows = [_row(100, period="cumulative", scope="province"), _row(3, period="span", scope="world"),
            {**_row(12), "metric": "quarantined"}]
    metrics, _ = _score_page(tmp_path, gold, rows)
    assert metrics["case_p"] == 0.5 and metrics["case_r"] == 1.0        # the 12 as 'quarantined' is an extra
    assert metrics["case_period_acc"] == 1.0 and metrics["figure_f1"] == pytest.approx(2 / 3)


@pytest.mark.parametrize("district, qualifier, as_of, ok", [
    ("A", "exact", "2021-02-08", (1, 1, 1)),
    ("huyện A", "exact", "2021-02-08T00:00", (1, 1, 1)),
    ("B", "about", "2021-02-07", (0, 0, 0)),
    (None, None, None, (0, 0, 0)),
])
def test_district_qualifier_and_as_of_of_a_matched_figure(tmp_path, district, qualifier, as_of, ok):
    gold = [_gold(30, district="A", as_of="2021-02-08")]
    metrics, _ = _score_page(tmp_path, gold, [_row(30, district=district, qualifier=qualifier, as_of=as_of)])
    assert (metrics["case_district_acc"], metrics["case_qualifier_acc"], metrics["case_asof_acc"]) == ok


@pytest.mark.parametrize("published, body, scored", [
    ("2021-02-08T09:00", "Tỉnh ghi nhận 30 ca.", True),          # a publish date
    (None, "Ngày 8/2/2021 tỉnh ghi nhận 30 ca.", True),          # the year in the text
    (None, "Ngày 8/2 tỉnh ghi nhận 30 ca.", False),              # no way to know the year
])
def test_as_of_is_scored_only_where_the_year_can_be_known(tmp_path, published, body, scored):
    metrics, _ = _score_page(tmp_path, [_gold(30, as_of="2021-02-08")], [_row(30, as_of="2021-02-08")],
                             record={"published": published}, article={"published": published, "body": body})
    assert (metrics["case_asof_acc"] == 1.0) is scored


def test_per_file_case_f1_is_a_mean_over_pages_with_counts(tmp_path):
    pages = [
        ({"file": "a.txt", "case_counts": [_gold(1)]}, [_row(1)]),          # F1 1
        ({"file": "b.txt", "case_counts": [_gold(2), _gold(3)]}, [_row(2)]),  # F1 2/3
        ({"file": "c.txt", "case_counts": []}, []),                         # nothing to score: left out
    ]
    base = {"title": "T", "published": "2021-02-08", "author": None, "body_first_sentence": "x",
            "body_last_sentence": "x", "provinces": [], "officials": []}
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({**base, **rec}) + "\n" for rec, _ in pages), encoding="utf-8")
    articles = pd.DataFrame([{"article_id": rec["file"], "file": rec["file"], "title": "T", "published": "2021-02-08",
                              "author": None, "body": "x"} for rec, _ in pages])
    counts = pd.DataFrame([{"article_id": rec["file"], **r} for rec, rows in pages for r in rows])
    empty = pd.DataFrame(columns=["article_id", "province", "name", "title"])
    metrics = _metrics(evaluate_gold(gold, {"articles": articles, "places": empty, "officials": empty,
                                            "case_counts": counts})[0])
    assert metrics["case_f1_per_file"] == pytest.approx((1 + 2 / 3) / 2)
    assert metrics["case_f1"] == pytest.approx(2 * 2 / (2 * 2 + 0 + 1))


@pytest.mark.parametrize("record, article, checks", [
    ({}, {}, (1, 1, 1)),
    ({"title": "HỌP  về Covid-19"}, {}, (1, 1, 1)),                                   # case and spaces
    ({"title": "Họp về COVID-19 ở Hà Nội"}, {}, (0, 1, 1)),
    ({}, {"published": "2021-02-08T17:45"}, (1, 1, 1)),                                # the day is what counts
    ({}, {"published": "2021-02-09T09:00"}, (1, 0, 1)),
    ({}, {"body": "TTH.VN - " + _BODY}, (1, 1, 1)),                                  # a site tag may stay
    ({}, {"body": "Trang chủ\n\n" + _BODY}, (1, 1, 0)),                               # furniture before
    ({}, {"body": _BODY + "\n\nTin liên quan"}, (1, 1, 0)),                           # furniture after
])
def test_page_checks(tmp_path, record, article, checks):
    metrics, _ = _score_page(tmp_path, [], [], record=record, article=article)
    assert (metrics["title_acc"], metrics["date_acc"], metrics["body_acc"]) == checks


@pytest.mark.parametrize("gold_author, author, acc, n", [
    (None, "Ai Đó", 0.0, 0),            # no gold author: not scored
    ("Thu Thảo", "THU THẢO", 1.0, 1),
    ("Thu Thảo", None, 0.0, 1),
])
def test_author_is_scored_where_the_gold_names_one(tmp_path, gold_author, author, acc, n):
    metrics, _ = _score_page(tmp_path, [], [], record={"author": gold_author}, article={"author": author})
    assert metrics["author_acc"] == acc


def test_provinces_officials_and_title_credit(tmp_path):
    officials = [{"name": "Nguyễn Văn A", "title": "Phó Chủ tịch UBND tỉnh"}, {"name": "Nguyễn Văn A", "title": "Bí thư"},
                 {"name": "Trần Thị B", "title": "Giám đốc Sở Y tế"}, {"name": "Lê C", "title": "Bác sĩ"}]
    record = {"officials": [{"name": "NGUYỄN VĂN A", "title": "Phó Chủ tịch UBND tỉnh Hà Nam"},
                            {"name": "Trần Thị B", "title": "Chủ tịch UBND huyện"}, {"name": "Phạm D", "title": "Bác sĩ"}],
              "provinces": ["Hà Nội", "Thanh Hóa"]}
    metrics, _ = _score_page(tmp_path, [], [], record=record, officials=officials,
                             places=["Thành phố Hà Nội", "Thanh Hoá", "Nghệ An"])
    assert metrics["officials_f1"] == pytest.approx(2 * 2 / (2 * 2 + 1 + 1))
    assert metrics["officials_title_acc"] == 0.5           # the first title of a name is the one compared
    assert metrics["province_f1"] == pytest.approx(2 * 2 / (2 * 2 + 1 + 0))


def test_a_page_without_an_article_row_counts_against_the_page_checks_only(tmp_path):
    metrics, _ = _score_page(tmp_path, [_gold(1)], [], article={"file": "/in/other.txt"})
    assert metrics["title_acc"] == 0.0 and metrics["case_f1"] == 1.0


def _metrics(scores: pd.DataFrame) -> dict[str, float | None]:
    return {m: (None if pd.isna(v) else float(v)) for m, v in zip(scores["metric"], scores["value"])}


def test_pipeline_matches_the_seed_gold_exactly():
    scores, pages = _evaluate(config.GOLD_DIR / "seeds_gold.jsonl", config.RAW_DIR)
    metrics = _metrics(scores)
    for name in ("title_acc", "date_acc", "author_acc", "body_acc", "province_f1", "officials_f1", "case_f1",
                 "case_f1_per_file", "case_district_acc", "case_qualifier_acc", "case_asof_acc"):
        assert metrics[name] == 1.0, name
    assert metrics["boilerplate_people_leaked"] == 0
    assert pages["case_fp"].sum() == pages["case_fn"].sum() == 0


def test_pipeline_meets_the_targets_on_the_dev_pages(dev_gold):
    scores, pages = _evaluate(config.DEV_GOLD_DIR / "dev_gold.jsonl", config.DEV_GOLD_DIR / "raw")
    print(scores.to_string(), pages.to_string(), sep="\n")
    metrics = _metrics(scores)
    assert metrics["case_f1"] >= 0.90
    assert metrics["officials_f1"] >= 0.90
    assert metrics["province_f1"] >= 0.97
    for name in ("title_acc", "date_acc", "body_acc"):
        assert metrics[name] >= 11 / 12, name


# --------------------------------------------------------------------------- agreement with the reference scorer

@pytest.mark.parametrize("name, gold, raw", GOLD_SETS, ids=[s[0] for s in GOLD_SETS])
def test_evaluation_agrees_with_the_reference_scorer(name, gold, raw, tmp_path):
    if not (REFERENCE_SCORER.exists() and gold.exists() and raw.exists()):
        pytest.skip(f"{name}: the gold, its pages or the reference scorer are not in {REFERENCE_SCORER.parent} "
                    "(they live in ../shared/gold beside the repository)")
    tables = extract_tables(gold_pages(gold, raw))
    write_tables(tables, tmp_path)
    run = subprocess.run([sys.executable, str(REFERENCE_SCORER), str(gold), str(tmp_path)],
                         capture_output=True, text=True, check=True)
    reference = dict(_SCORE_LINE.findall(run.stdout))
    mine = _metrics(evaluate_gold(gold, tables)[0])
    both = sorted(mine.keys() & reference.keys())
    assert len(both) >= 20, both
    for metric in both:
        want = None if reference[metric] == "None" else float(reference[metric])
        if want is None:
            assert mine[metric] is None, metric
        else:
            assert mine[metric] == pytest.approx(want, abs=0.001), metric


def test_score_table_puts_sets_side_by_side():
    seeds = pd.DataFrame({"metric": ["case_f1", "figure_f1"], "value": [1.0, None], "n": [12, 0]})
    dev = pd.DataFrame({"metric": ["case_f1", "figure_f1"], "value": [0.5, 0.25], "n": [10, 10]})
    table = score_table({"seeds": seeds, "dev": dev}, ["figure_f1", "case_f1", "title_acc"])
    assert list(table.columns) == ["meaning", "seeds", "dev"]
    assert list(table.index) == ["figure_f1", "case_f1", "title_acc"]
    assert table.loc["case_f1", "dev"] == 0.5 and pd.isna(table.loc["figure_f1", "seeds"])
    assert pd.isna(table.loc["title_acc", "seeds"]) and "F1" in table.loc["figure_f1", "meaning"]


def test_a_page_without_counts_has_no_per_page_case_f1(tmp_path):
    _, page = _score_page(tmp_path, [], [])
    assert pd.isna(page.get("case_f1")) and page["province_f1"] == 1.0
    _, page = _score_page(tmp_path, [], [_row(5)])
    assert page["case_f1"] == 0.0

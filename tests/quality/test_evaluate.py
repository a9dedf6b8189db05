"""Scoring rules, and the whole pipeline scored against the gold (the figures notebook 02 reports)."""
from __future__ import annotations

import pytest

from covidlib import config
from covidlib.quality.evaluate import (Score, body_bounds_ok, evaluate_gold, gold_pages, match_case_counts, score_case_counts,
                               score_officials, score_sets, title_agrees)
from covidlib.run.pipeline import extract_tables


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


def test_pipeline_matches_the_seed_gold_exactly():
    scores, pages = _evaluate(config.GOLD_DIR / "seeds_gold.jsonl", config.RAW_DIR)
    scores = scores.set_index("fact")
    for fact in ("provinces", "officials", "case_counts"):
        assert (scores.loc[fact, "fp"], scores.loc[fact, "fn"]) == (0, 0), fact
    for check in ("title", "published", "author", "body bounds"):
        assert scores.loc[check, "fn"] == 0, check


def test_pipeline_meets_the_targets_on_the_dev_pages(dev_gold):
    scores, pages = _evaluate(config.DEV_GOLD_DIR / "dev_gold.jsonl", config.DEV_GOLD_DIR / "raw")
    print(scores.to_string(), pages.to_string(), sep="\n")
    scores = scores.set_index("fact")
    assert scores.loc["case_counts", "f1"] >= 0.90
    assert scores.loc["officials", "f1"] >= 0.90
    assert scores.loc["provinces", "f1"] >= 0.97
    for check in ("title", "published", "body bounds"):
        assert scores.loc[check, "tp"] >= 11, check

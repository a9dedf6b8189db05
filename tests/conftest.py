"""Shared fixtures: the seed gold (in the repo) and the dev gold (beside the repo, optional)."""
from __future__ import annotations

from pathlib import Path

import pytest

from covidlib import config
from covidlib.quality.evaluate import article_from_gold_bounds, load_gold

SEEDS_GOLD = config.GOLD_DIR / "seeds_gold.jsonl"
DEV_GOLD = config.DEV_GOLD_DIR / "dev_gold.jsonl"
DEV_RAW = config.DEV_GOLD_DIR / "raw"


def read_page(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seeds_gold() -> list[dict]:
    """Gold records of the five seed pages, with ``path`` pointing at data/raw."""
    records = load_gold(SEEDS_GOLD)
    for rec in records:
        rec["path"] = config.RAW_DIR / rec["file"]
    return records


@pytest.fixture(scope="session")
def dev_gold() -> list[dict]:
    """Gold records of the twelve dev pages; skips where ../shared/gold/dev is absent."""
    if not DEV_GOLD.exists():
        pytest.skip(f"dev gold not found at {DEV_GOLD} (it lives in ../shared/gold/dev beside the repo)")
    records = load_gold(DEV_GOLD)
    for rec in records:
        rec["path"] = DEV_RAW / rec["file"]
    return records


@pytest.fixture(scope="session")
def seed_gold_articles(seeds_gold):
    """(gold record, Article cut at the gold body bounds) for each seed page."""
    return [(rec, article_from_gold_bounds(rec, read_page(rec["path"]))) for rec in seeds_gold]


@pytest.fixture(scope="session")
def dev_gold_articles(dev_gold):
    """(gold record, Article cut at the gold body bounds) for each dev page."""
    return [(rec, article_from_gold_bounds(rec, read_page(rec["path"]))) for rec in dev_gold]


from .show.reports_fixture import built_report_files, built_reports  # noqa: E402,F401  (session fixtures)

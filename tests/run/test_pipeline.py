"""The pipeline end to end: command line, load report, engines, cache, provenance of every fact."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from covidlib import config
from covidlib.__main__ import main
from covidlib.run.cache import ResultCache
from covidlib.normalize import fold
from covidlib.run.pipeline import extract_tables
from covidlib.tables import TABLES

SEEDS = sorted(config.RAW_DIR.glob("*.txt"))


@pytest.fixture(scope="module")
def seed_tables():
    return extract_tables(config.RAW_DIR)


def test_extract_twice_gives_identical_files(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert main(["extract", str(config.RAW_DIR), "--out", str(first), "--quiet", "--no-cache", "--workers", "1"]) == 0
    assert main(["extract", str(config.RAW_DIR), "--out", str(second), "--quiet", "--no-cache", "--workers", "2"]) == 0
    names = sorted(p.name for p in first.iterdir() if p.is_file())
    assert {f"{t}.{ext}" for t in TABLES for ext in ("csv", "parquet")} <= set(names)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_articles_table_has_the_promised_columns(seed_tables):
    articles = seed_tables["articles"]
    required = {"article_id", "file", "title", "published", "date_note", "author", "site", "body", "n_sentences", "status"}
    assert required <= set(articles.columns)
    assert len(articles) == len(SEEDS) and (articles["status"] == "ok").all()
    assert (articles["n_sentences"] > 3).all()


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_every_input_file_gets_a_row_and_bad_files_do_not_stop_the_run(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in SEEDS[:2]:
        shutil.copy(seed, folder / seed.name)
    shutil.copy(SEEDS[0], folder / "copy_of_first.txt")
    _write(folder / "empty.txt", b"")
    _write(folder / "image.txt", bytes(range(256)) * 20)
    _write(folder / "english.txt", b"The quick brown fox jumps over the lazy dog. " * 40)
    _write(folder / "notes.docx", b"PK\x03\x04 not a page")
    tables = extract_tables(folder)
    report = tables["load_report"].set_index("file")
    assert sorted(report.index) == sorted(p.name for p in folder.iterdir())
    assert report.loc[SEEDS[0].name, "status"] == "ok"
    assert report.loc["copy_of_first.txt", "status"] == "skipped"
    assert report.loc["copy_of_first.txt", "duplicate_of"] == SEEDS[0].stem
    for name in ("empty.txt", "image.txt", "english.txt", "notes.docx"):
        assert report.loc[name, "status"] in {"skipped", "failed"} and report.loc[name, "reason"], name
    assert len(tables["articles"]) == 2


def test_parallel_workers_give_the_same_tables(seed_tables):
    parallel = extract_tables(config.RAW_DIR, workers=2)
    for name in TABLES:
        pd.testing.assert_frame_equal(parallel[name], seed_tables[name], check_dtype=True)


def test_cache_second_run_processes_only_new_pages(tmp_path, seed_tables):
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in SEEDS[:3]:
        shutil.copy(seed, folder / seed.name)
    cache = ResultCache(tmp_path / "cache")
    extract_tables(folder, cache=cache)
    assert (cache.hits, cache.misses) == (0, 3)
    for seed in SEEDS[3:]:
        shutil.copy(seed, folder / seed.name)
    again = ResultCache(tmp_path / "cache")
    tables = extract_tables(folder, cache=again)
    assert (again.hits, again.misses) == (3, len(SEEDS) - 3)
    for name in TABLES:
        if name != "load_report":
            pd.testing.assert_frame_equal(tables[name], seed_tables[name])
    new_version = ResultCache(tmp_path / "cache", version="another-library-version")
    extract_tables(folder, cache=new_version)
    assert (new_version.hits, new_version.misses) == (0, len(SEEDS))


def _fact_offsets_point_into_bodies(tables):
    bodies = tables["articles"].set_index("article_id")["body"]
    for row in tables["case_counts"].itertuples():
        body = bodies[row.article_id]
        assert 0 <= row.start < row.end <= len(body)
        assert body[row.start:row.end] in row.sentence and row.sentence in body
    for row in tables["officials"].itertuples():
        assert bodies[row.article_id][row.start:row.end] == row.name
    for row in tables["places"].itertuples():
        mention = bodies[row.article_id][row.first_start:row.first_end]
        assert mention and fold(mention) == fold(mention.strip())


def test_every_fact_points_into_its_body_on_the_seeds(seed_tables):
    assert len(seed_tables["case_counts"]) and len(seed_tables["officials"]) and len(seed_tables["places"])
    _fact_offsets_point_into_bodies(seed_tables)


def test_every_fact_points_into_its_body_on_the_dev_pages(dev_gold):
    tables = extract_tables([rec["path"] for rec in dev_gold])
    assert len(tables["case_counts"]) > 100
    _fact_offsets_point_into_bodies(tables)

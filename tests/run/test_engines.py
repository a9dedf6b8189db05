"""Local engine, result cache and the streaming writer: same files as the in-memory path, in any chunking."""
from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pandas as pd
import pytest

from covidlib import config
from covidlib.run import writers
from covidlib.__main__ import main
from covidlib.run.cache import ResultCache
from covidlib.run.pipeline import collect, extract_tables, iter_results, write_results
from covidlib.tables import TABLES, frame
from covidlib.run.writers import SpooledTables, TableWriter, merge_sorted, write_parquet, write_tables

SEEDS = sorted(config.RAW_DIR.glob("*.txt"))


def _with_extra_sentence(text: str) -> str:
    """Return the page with one more sentence in its longest paragraph: a new article body."""
    lines = text.split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += " Các lực lượng chức năng tiếp tục theo dõi sức khỏe người dân."
    return "\n".join(lines)


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory) -> Path:
    """Seeds, a repeated page, JSON records and files that cannot be read."""
    folder = tmp_path_factory.mktemp("mixed")
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    shutil.copy(SEEDS[1], folder / "a_copy.txt")
    texts = [SEEDS[i].read_text(encoding="utf-8") for i in (2, 4)]
    texts[1] = _with_extra_sentence(texts[1])
    (folder / "records.jsonl").write_text("\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in texts),
                                          encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    return folder


@pytest.fixture(scope="module")
def reference(mixed_folder, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reference")
    write_tables(collect(iter_results(mixed_folder)), out)
    return out


def _same_files(first: Path, second: Path) -> None:
    names = sorted(p.name for p in first.iterdir() if p.is_file())
    assert names == sorted(p.name for p in second.iterdir() if p.is_file())
    assert {f"{t}.{ext}" for t in TABLES for ext in ("csv", "parquet")} | {"codebook.csv"} <= set(names)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


@pytest.mark.parametrize("spill_rows, max_runs", [(10**6, 32), (40, 32), (1, 32), (1, 2)])
def test_streamed_files_are_the_in_memory_files(tmp_path, mixed_folder, reference, spill_rows, max_runs, monkeypatch):
    monkeypatch.setattr(SpooledTables, "MAX_RUNS", max_runs)
    summary = write_results(iter_results(mixed_folder), tmp_path, spill_rows=spill_rows)
    _same_files(tmp_path, reference)
    assert not list(tmp_path.glob(".spool-*")), "the spool folder is removed"
    assert summary.rows["articles"] == len(SEEDS) + 1  # the second record repeats no earlier body
    assert {p["file"] for p in summary.problems} == {"a_copy.txt", "empty.txt", "notes.docx", "records.jsonl"}


def test_command_line_writes_the_in_memory_files(tmp_path, mixed_folder, reference, capsys):
    assert main(["extract", str(mixed_folder), "--out", str(tmp_path), "--no-cache", "--quiet", "--workers", "2"]) == 0
    _same_files(tmp_path, reference)
    printed = capsys.readouterr().out
    assert "10 inputs (6 ok, 4 skipped)" in printed and "skipped: records.jsonl#1 — duplicate" in printed


@pytest.mark.parametrize("table", ["case_counts", "places", "load_report"])
def test_table_files_do_not_depend_on_chunks_or_row_groups(tmp_path, reference, table, monkeypatch):
    df = pd.read_parquet(reference / f"{table}.parquet")
    monkeypatch.setattr(writers, "ROW_GROUP_ROWS", 7)
    write_tables({table: df}, tmp_path / "whole")
    rng = random.Random(table)
    with TableWriter(table, tmp_path / "chunks") as writer:
        start = 0
        while start < len(df):
            size = rng.randint(0, 9)
            writer.write(df.iloc[start:start + size])
            start += size
    for suffix in ("csv", "parquet"):
        assert (tmp_path / "whole" / f"{table}.{suffix}").read_bytes() == (tmp_path / "chunks" / f"{table}.{suffix}").read_bytes()
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "chunks" / f"{table}.parquet"), df)


# rows of `places` in input order, cut into runs -> article ids in the order frame() gives
MERGE_CASES = [
    ([[("hải-phòng", 5, "Kiến Thụy"), ("hà-nội", 0, None)], [("hà-giang", 3, None), ("hà-nội", 0, "Ba Đình")]],
     ["hà-giang", "hà-nội", "hà-nội", "hải-phòng"]),
    ([[("bao#10", 1, None), ("bao#2", 1, None)], [("bao#1", 4, None)]],
     ["bao#1", "bao#10", "bao#2"]),
    ([[("đà-nẵng", None, None)], [("đà-nẵng", 2, None), ("an-giang", 9, "Long Xuyên")], []],
     ["an-giang", "đà-nẵng", "đà-nẵng"]),
    ([[], []], []),
]


@pytest.mark.parametrize("runs, expected", MERGE_CASES)
def test_merging_sorted_runs_gives_the_order_of_one_sort(tmp_path, runs, expected):
    def rows(run):
        return [{"article_id": a, "province": "Hà Nội", "first_start": s, "district": d} for a, s, d in run]

    paths = [write_parquet(frame("places", rows(run)), tmp_path / f"run{i}.parquet", table="places")
             for i, run in enumerate(runs)]
    merged = pd.concat([frame("places", [])] + list(merge_sorted("places", paths)), ignore_index=True)
    whole = frame("places", [row for run in runs for row in rows(run)])
    pd.testing.assert_frame_equal(merged, whole)
    assert merged["article_id"].tolist() == expected


# article ids in arrival order: in article order first (written straight to the files), then one
# that sorts before them ("bao#10" after "bao#9", as JSON records 9 and 10 do), then more
ARRIVALS = ["bao#1", "bao#2", "bao#9", "bao#10", "bao#3", "c", "a", "d"]


@pytest.mark.parametrize("spill_rows", [1, 2, 3, 100])
def test_spooled_tables_fall_back_to_runs_when_rows_arrive_out_of_order(tmp_path, spill_rows):
    rows = [{"article_id": a, "province": "Hà Nội", "first_start": i % 3 or None, "district": None}
            for i, a in enumerate(ARRIVALS)]
    write_tables({"places": frame("places", rows)}, tmp_path / "whole")
    sink = SpooledTables(tmp_path / "spooled", spill_rows=spill_rows)
    for row in rows:
        sink.add("places", [row])
    sink.close()
    for suffix in ("csv", "parquet"):
        name = f"places.{suffix}"
        assert (tmp_path / "spooled" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name
    assert sorted(p.name for p in (tmp_path / "spooled").iterdir()) == sorted(
        [f"{t}.{ext}" for t in TABLES for ext in ("csv", "parquet")] + ["codebook.csv"])
    assert pd.read_csv(tmp_path / "spooled" / "places.csv")["article_id"].tolist() == sorted(ARRIVALS)


def test_cache_second_run_processes_only_new_and_changed_pages(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in SEEDS[:3]:
        shutil.copy(seed, folder / seed.name)
    first = ResultCache(tmp_path / "cache")
    write_results(iter_results(folder, cache=first), tmp_path / "out1")
    assert (first.hits, first.misses) == (0, 3)
    for seed in SEEDS[3:]:
        shutil.copy(seed, folder / seed.name)
    again = ResultCache(tmp_path / "cache")
    write_results(iter_results(folder, workers=2, cache=again), tmp_path / "out2")
    assert (again.hits, again.misses) == (3, len(SEEDS) - 3)
    write_results(iter_results(folder, cache=None), tmp_path / "fresh")
    _same_files(tmp_path / "out2", tmp_path / "fresh")

    edited = folder / SEEDS[0].name
    edited.write_text(edited.read_text(encoding="utf-8").replace("COVID-19", "Covid-19", 1), encoding="utf-8")
    third = ResultCache(tmp_path / "cache")
    extract_tables(folder, cache=third)
    assert (third.hits, third.misses) == (len(SEEDS) - 1, 1)
    other_version = ResultCache(tmp_path / "cache", version="another-library-version")
    extract_tables(folder, cache=other_version)
    assert (other_version.hits, other_version.misses) == (0, len(SEEDS))


def test_command_line_reports_what_the_cache_reused(tmp_path, capsys):
    folder = tmp_path / "in"
    shutil.copytree(config.RAW_DIR, folder)
    args = ["extract", str(folder), "--out", str(tmp_path / "out"), "--quiet", "--workers", "1"]
    assert main(args) == 0
    assert f"cache: 0 reused, {len(SEEDS)} new" in capsys.readouterr().out
    shutil.copy(SEEDS[0], folder / "zz_copy.txt")
    assert main(args) == 0
    assert f"cache: {len(SEEDS)} reused, 1 new" in capsys.readouterr().out


def test_results_keep_input_order_whatever_the_workers(mixed_folder):
    one = [r.load["article_id"] for r in iter_results(mixed_folder, workers=1)]
    two = [r.load["article_id"] for r in iter_results(mixed_folder, workers=2)]
    assert one == two and len(one) == 10


def test_blas_runs_on_one_thread_while_pages_are_processed_and_is_restored():
    import numpy  # noqa: F401  (loads OpenBLAS)

    from covidlib.run.local import _openblas_thread_controls, limit_blas_threads

    controls = _openblas_thread_controls()
    if not controls:
        pytest.skip("no OpenBLAS library loaded in this process")
    before = [get() for get, _set in controls]
    restore = limit_blas_threads(1)
    assert [get() for get, _set in controls] == [1] * len(controls)
    restore()
    assert [get() for get, _set in controls] == before


def test_cycle_collection_runs_less_often_while_pages_are_processed_and_is_restored(mixed_folder, monkeypatch):
    import gc

    from covidlib.run import local

    before = gc.get_threshold()
    restore = local.fewer_collections()
    assert gc.get_threshold() == (local.GC_THRESHOLD, *before[1:])
    restore()
    assert gc.get_threshold() == before

    seen = []
    real = local.fewer_collections

    def spy():
        undo = real()
        seen.append(gc.get_threshold()[0])
        return undo

    monkeypatch.setattr(local, "fewer_collections", spy)
    assert len(list(iter_results(mixed_folder, workers=1))) == 10
    assert seen == [local.GC_THRESHOLD]  # one-core runs process the pages in this process...
    assert gc.get_threshold() == before  # ...and give the threshold back when they end

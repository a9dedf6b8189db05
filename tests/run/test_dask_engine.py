"""The Dask engine gives the local engine's tables, with repeated pages resolved in input order across partitions."""
from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("distributed")

from covidlib import config
from covidlib.__main__ import main
from covidlib.run.dask_engine import PART_PATTERN, _Repeats, partition_files, run_dask
from covidlib.run.cache import ResultCache
from covidlib.run.pipeline import BODY_DUPLICATE, extract_tables
from covidlib.tables import TABLES, frame
from covidlib.run.writers import read_tables, write_tables

SEEDS = sorted(config.RAW_DIR.glob("*.txt"))
NAV_LINE = "Đăng nhập | Đăng ký"  # page furniture: the cleaner drops it, so the body stays the same


def _with_nav_line(text: str) -> str:
    first, _, rest = text.partition("\n")
    return f"{first}\n{NAV_LINE}\n{rest}"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Seeds, pages repeating them (same text, same body, in a file and in JSON records) and bad files."""
    folder = tmp_path_factory.mktemp("corpus")
    for seed in SEEDS[:4]:
        shutil.copy(seed, folder / seed.name)
    (folder / "sub").mkdir()
    shutil.copy(SEEDS[4], folder / "sub" / SEEDS[4].name)
    texts = [seed.read_text(encoding="utf-8") for seed in SEEDS]
    records = [texts[1], _with_nav_line(texts[3]), texts[1]]
    (folder / "records.jsonl").write_text("\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in records),
                                          encoding="utf-8")
    shutil.copy(SEEDS[0], folder / "zz_same_text.txt")
    (folder / "zz_same_body.txt").write_text(_with_nav_line(texts[2]), encoding="utf-8")
    (folder / "image.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not a page")
    return folder


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as local:
        yield local


@pytest.fixture(scope="module")
def local(corpus, tmp_path_factory) -> tuple[dict[str, pd.DataFrame], Path]:
    tables = extract_tables(corpus)
    out = tmp_path_factory.mktemp("local")
    write_tables(tables, out)
    return tables, out


@pytest.fixture(scope="module")
def dask_out(cluster, corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dask")
    assert main(["extract", str(corpus), "--out", str(out), "--engine", "dask",
                 "--scheduler", cluster.scheduler_address, "--quiet"]) == 0
    return out


@pytest.mark.parametrize("table", TABLES)
def test_every_table_equals_the_local_engines(table, dask_out, local):
    assert not (dask_out / table).exists()  # the parts are merged away: one layout for both engines
    back = pd.read_parquet(dask_out / f"{table}.parquet")
    pd.testing.assert_frame_equal(frame(table, back.to_dict("records")), local[0][table], check_dtype=True)


def test_csv_files_are_the_local_engines(dask_out, local):
    for name in [*TABLES, "codebook"]:
        assert (dask_out / f"{name}.csv").read_bytes() == (local[1] / f"{name}.csv").read_bytes(), name


def test_repeated_pages_point_to_the_first_in_input_order(dask_out):
    report = pd.read_parquet(dask_out / "load_report.parquet")
    rows = {(r.file, None if pd.isna(r.record) else int(r.record)): r for r in report.itertuples()}
    expected = {
        ("records.jsonl", 1): ("duplicate", SEEDS[1].stem),
        ("records.jsonl", 2): (BODY_DUPLICATE, SEEDS[3].stem),
        ("records.jsonl", 3): ("duplicate", SEEDS[1].stem),
        ("zz_same_text.txt", None): ("duplicate", SEEDS[0].stem),
        ("zz_same_body.txt", None): (BODY_DUPLICATE, SEEDS[2].stem),
    }
    for key, (reason, first) in expected.items():
        assert (rows[key].status, rows[key].reason, rows[key].duplicate_of) == ("skipped", reason, first), key
    articles = pd.read_parquet(dask_out / "articles.parquet")
    assert sorted(articles["file"]) == sorted([s.name for s in SEEDS[:4]] + [f"sub/{SEEDS[4].name}"])
    assert f"sub__{SEEDS[4].stem}" in set(articles["article_id"])


def test_a_local_cluster_is_started_when_no_scheduler_is_given(tmp_path, corpus, local):
    summary = run_dask(corpus, out_dir=tmp_path, workers=1, files_per_partition=4)
    assert summary.rows["articles"] == len(local[0]["articles"]) == len(SEEDS)
    assert summary.statuses == local[0]["load_report"]["status"].value_counts().to_dict()
    assert {p["file"] for p in summary.problems} >= {"image.txt", "empty.txt", "notes.docx", "zz_same_text.txt"}
    assert (tmp_path / "places.csv").read_bytes() == (local[1] / "places.csv").read_bytes()


def test_a_second_run_replaces_the_tables_of_the_first(tmp_path, cluster, corpus):
    run_dask(corpus, out_dir=tmp_path, scheduler=cluster.scheduler_address, files_per_partition=1)
    run_dask(corpus, out_dir=tmp_path, scheduler=cluster.scheduler_address, files_per_partition=6)
    assert not list(tmp_path.glob(f"*/{PART_PATTERN}"))
    assert len(pd.read_parquet(tmp_path / "articles.parquet")) == len(SEEDS)


@pytest.mark.parametrize("n_files, n_workers, per_partition, sizes", [
    (11, 2, None, [2, 2, 2, 2, 2, 1]),
    (5, 4, None, [1, 1, 1, 1, 1]),
    (2000, 2, None, [250] * 8),
    (5000, 1, None, [500] * 10),
    (7, 2, 3, [3, 3, 1]),
    (0, 2, None, []),
])
def test_partitions_are_runs_of_files_in_input_order(n_files, n_workers, per_partition, sizes):
    files = [(f"/in/{i:04d}.txt", f"{i:04d}.txt", None) for i in range(n_files)]
    parts = partition_files(files, n_workers=n_workers, files_per_partition=per_partition)
    assert [len(p) for p in parts] == sizes
    assert [f for part in parts for f in part] == files


def _load(article_id: str, status: str = "ok") -> dict:
    return {"file": f"{article_id}.txt", "record": None, "article_id": article_id, "status": status,
            "reason": "", "bytes": 1, "encoding": "utf-8", "format": "txt", "duplicate_of": None}


# (article id, text key, body key) in input order, split in partitions -> (status, duplicate_of) per page
REPEAT_CASES = [
    ([[("ha-noi-them-12-ca", "t1", "b1")], [("ha-noi-ban-sao", "t1", "b1")]],
     [("ok", None), ("skipped", "ha-noi-them-12-ca")]),
    ([[("tphcm-ngay-1", "t1", "b1"), ("tphcm-ngay-2", "t2", "b1")]],
     [("ok", None), ("skipped", "tphcm-ngay-1")]),
    ([[("trang-trong", None, None)], [("gia-lai", "t3", "b3")], [("gia-lai-lai", "t3", None)]],
     [("ok", None), ("ok", None), ("skipped", "gia-lai")]),
    ([[("da-nang", "t4", "b4"), ("hue", "t5", "b5")], [("quang-nam", "t6", "b6")]],
     [("ok", None), ("ok", None), ("ok", None)]),
]


@pytest.mark.parametrize("partitions, expected", REPEAT_CASES)
def test_repeats_are_decided_in_input_order_across_partitions(partitions, expected):
    repeats = _Repeats()
    got = []
    for partition in partitions:
        rows, keep = repeats.resolve([(_load(aid), text, body) for aid, text, body in partition])
        for row, kept in zip(rows, keep):
            got.append((row["status"], row["duplicate_of"]))
            assert kept == (row["status"] == "ok")
    assert got == expected


def test_read_tables_reads_the_dask_engines_tables(dask_out, local):
    back = read_tables(dask_out)
    assert set(back) == set(TABLES)
    for table in TABLES:
        pd.testing.assert_frame_equal(back[table], local[0][table], check_dtype=True)


def test_a_cached_rerun_processes_only_the_new_page(cluster, corpus, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(corpus, folder)
    out = tmp_path / "out"
    first = ResultCache(tmp_path / "cache")
    run_dask(folder, out_dir=out, scheduler=cluster.scheduler_address, cache=first)
    assert first.hits == 0 and first.misses > 5
    text = SEEDS[0].read_text(encoding="utf-8").replace("\n\n", "\n\nSở Y tế đề nghị người dân tiếp tục khai báo y tế.\n\n", 1)
    (folder / "zzz_new.txt").write_text(text, encoding="utf-8")
    again = ResultCache(tmp_path / "cache")
    run_dask(folder, out_dir=out, scheduler=cluster.scheduler_address, cache=again)
    assert (again.hits, again.misses) == (first.misses, 1)
    fresh = extract_tables(folder)
    assert "zzz_new" in set(fresh["articles"]["article_id"])
    for table in TABLES:
        back = pd.read_parquet(out / f"{table}.parquet")
        pd.testing.assert_frame_equal(frame(table, back.to_dict("records")), fresh[table], check_dtype=True)

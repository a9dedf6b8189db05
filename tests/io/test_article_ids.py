"""Article ids are unique across input files and folders, the same in every table and from every engine."""
from __future__ import annotations

import html
import json
import logging
import pickle
import shutil
from pathlib import Path

import pandas as pd
import pytest

from covidlib import config
from covidlib.run.cache import ResultCache
from covidlib.io import DuplicateIndex, article_id_for, input_files, iter_file, iter_pages, load_report
from covidlib.run.pipeline import BODY_DUPLICATE, extract_tables
from covidlib.tables import TABLES, frame

SEEDS = sorted(config.RAW_DIR.glob("*.txt"))
NAV_LINE = "Đăng nhập | Đăng ký"  # page furniture: the cleaner drops it, so the body stays the same

# One extra sentence per page variant: the bodies differ (never deduplicated) and show which file an article came from.
MARKS = {
    "A": "Các lực lượng chức năng tiếp tục theo dõi sức khỏe người dân.",
    "B": "Người dân được khuyến cáo đeo khẩu trang khi ra khỏi nhà.",
    "C": "Trạm y tế phường sẽ tiếp tục tiêm mũi nhắc lại trong tuần tới.",
    "D": "Ban chỉ đạo yêu cầu các địa phương rà soát người về từ vùng dịch.",
    "E": "Bệnh viện đã chuẩn bị thêm giường hồi sức cho bệnh nhân nặng.",
    "F": "Sở Y tế đề nghị người có triệu chứng sốt, ho liên hệ ngay trạm y tế.",
}


def seed_text(index: int, mark: str) -> str:
    """Return seed ``index`` with the sentence ``MARKS[mark]`` added to its longest paragraph."""
    lines = SEEDS[index].read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += " " + MARKS[mark]
    return "\n".join(lines)


def as_html(text: str) -> str:
    """Return a page's text as a small HTML document, one paragraph per non-blank line."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n") if line.strip())
    title = html.escape(text.split("\n", 1)[0])
    head = f"<head><meta charset='utf-8'><title>{title}</title></head>"
    return f"<!DOCTYPE html><html>{head}<body>\n{paragraphs}</body></html>"


def with_nav_line(text: str) -> str:
    first, _, rest = text.partition("\n")
    return f"{first}\n{NAV_LINE}\n{rest}"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# --- corpora: each returns (inputs, expected (file, record, article_id, mark) per load-report row) ------------------


def same_stem(root: Path):
    """One folder holding x.html and x.txt."""
    write(root / "tuoitre" / "x.html", as_html(seed_text(0, "A")))
    write(root / "tuoitre" / "x.txt", seed_text(1, "B"))
    return [root / "tuoitre"], [("x.html", None, "x", "A"), ("x.txt", None, "x~txt", "B")]


def two_folders(root: Path):
    """Two input folders that both hold x.txt (and one file each of their own)."""
    write(root / "tuoitre" / "x.txt", seed_text(0, "A"))
    write(root / "tuoitre" / "y.txt", seed_text(2, "C"))
    write(root / "vnexpress" / "x.txt", seed_text(1, "B"))
    write(root / "vnexpress" / "z.txt", seed_text(3, "D"))
    expected = [("x.txt", None, "x", "A"), ("y.txt", None, "y", "C"),
                ("vnexpress/x.txt", None, "vnexpress__x", "B"), ("z.txt", None, "z", "D")]
    return [root / "tuoitre", root / "vnexpress"], expected


def file_then_folder(root: Path):
    """A file given directly, then a folder holding a file of the same name."""
    write(root / "le" / "x.txt", seed_text(4, "E"))
    write(root / "thu-muc" / "x.txt", seed_text(0, "A"))
    expected = [("x.txt", None, "x", "E"), ("thu-muc/x.txt", None, "thu-muc__x", "A")]
    return [root / "le" / "x.txt", root / "thu-muc"], expected


def folder_then_file(root: Path):
    """A folder, then a file of the same name given directly (named after the folder it is in)."""
    write(root / "le" / "x.txt", seed_text(4, "E"))
    write(root / "thu-muc" / "x.txt", seed_text(0, "A"))
    return [root / "thu-muc", root / "le" / "x.txt"], [("x.txt", None, "x", "A"), ("le/x.txt", None, "le__x", "E")]


CASES = [same_stem, two_folders, file_then_folder, folder_then_file]


def mixed(root: Path):
    """Every kind of clash at once, JSON records, and pages that repeat one of another folder.

    ``vnexpress/y.txt`` repeats the text of ``tuoitre/x.txt``; ``vnexpress/z.txt`` repeats
    the body of ``le/x.txt`` with a different page text.
    """
    write(root / "le" / "x.txt", seed_text(4, "E"))
    write(root / "tuoitre" / "x.html", as_html(seed_text(0, "A")))
    write(root / "tuoitre" / "x.txt", seed_text(1, "B"))
    write(root / "vnexpress" / "x.html", as_html(seed_text(3, "D")))
    write(root / "vnexpress" / "x.jsonl", json.dumps({"text": seed_text(2, "C")}, ensure_ascii=False) + "\n")
    write(root / "vnexpress" / "x.txt", seed_text(2, "F"))
    shutil.copy(root / "tuoitre" / "x.txt", root / "vnexpress" / "y.txt")
    write(root / "vnexpress" / "z.txt", with_nav_line(seed_text(4, "E")))
    expected = [
        ("x.txt", None, "x", "E"),
        ("x.html", None, "x~html", "A"),
        ("tuoitre/x.txt", None, "tuoitre__x", "B"),
        ("vnexpress/x.html", None, "vnexpress__x", "D"),
        ("x.jsonl", 1, "x~jsonl#1", "C"),
        ("vnexpress/x.txt", None, "vnexpress__x~txt", "F"),
        ("y.txt", None, "y", None),
        ("z.txt", None, "z", None),
    ]
    return [root / "le" / "x.txt", root / "tuoitre", root / "vnexpress"], expected


def report_rows(report: pd.DataFrame) -> list[tuple[str, int | None, str]]:
    return [(r.file, None if pd.isna(r.record) else int(r.record), r.article_id) for r in report.itertuples()]


def marked_bodies(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Return the mark of the sentence each article's body holds, by article id."""
    found = {}
    for row in tables["articles"].itertuples():
        marks = [mark for mark, sentence in MARKS.items() if sentence in row.body]
        assert len(marks) == 1, (row.article_id, marks)
        found[row.article_id] = marks[0]
    return found


# --- the load report ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("build", [*CASES, mixed])
def test_every_row_has_its_own_id_and_the_first_keeps_the_plain_one(tmp_path, build):
    inputs, expected = build(tmp_path)
    report = load_report(inputs)
    assert report_rows(report) == [(file, record, aid) for file, record, aid, _ in expected]
    assert report["article_id"].is_unique and report["file"].is_unique
    assert report["article_id"].iloc[0] == article_id_for(report["file"].iloc[0], None)


@pytest.mark.parametrize("build", CASES)
def test_no_page_is_taken_for_a_duplicate(tmp_path, build):
    inputs, _ = build(tmp_path)
    report = load_report(inputs)
    assert set(report["status"]) == {"ok"} and report["duplicate_of"].isna().all()


def test_a_renamed_id_is_explained_in_reason(tmp_path):
    inputs, _ = same_stem(tmp_path)
    reasons = dict(zip(load_report(inputs)["article_id"], load_report(inputs)["reason"]))
    assert reasons["x"] == ""
    assert "'x~txt'" in reasons["x~txt"] and "'x' is taken by an earlier input" in reasons["x~txt"]


def test_repeated_pages_name_the_first_ones_unique_id(tmp_path):
    inputs, _ = mixed(tmp_path)
    report = load_report(inputs).set_index("file")
    assert (report.loc["y.txt", "status"], report.loc["y.txt", "reason"]) == ("skipped", "duplicate")
    assert report.loc["y.txt", "duplicate_of"] == "tuoitre__x"
    assert report.loc["z.txt", "status"] == "ok"  # same body, different page text: found after cleaning


def test_input_files_and_iter_file_give_the_rows_of_iter_pages(tmp_path):
    inputs, _ = mixed(tmp_path)
    index = DuplicateIndex()
    rows = []
    for item in input_files(inputs):
        rows.extend([item.problem] if item.problem else
                    [rec for rec, _ in iter_file(item.path, item.file, base_id=item.base_id, duplicates=index)])
    assert rows == [rec for rec, _ in iter_pages(inputs)]
    assert pickle.loads(pickle.dumps(item)) == item and pickle.loads(pickle.dumps(item)).base_id == item.base_id


# --- the tables -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("build", CASES)
def test_the_tables_use_the_reports_ids_and_keep_each_files_facts_apart(tmp_path, build):
    inputs, expected = build(tmp_path)
    tables = extract_tables(inputs)
    assert sorted(report_rows(tables["load_report"])) == sorted(report_rows(load_report(inputs)))
    assert marked_bodies(tables) == {aid: mark for _, _, aid, mark in expected}
    assert dict(zip(tables["articles"]["article_id"], tables["articles"]["file"])) == {
        aid: file for file, _, aid, _ in expected}
    for table in TABLES:
        if table != "load_report" and "article_id" in tables[table]:
            assert set(tables[table]["article_id"]) <= set(tables["articles"]["article_id"]), table
    assert set(tables["summaries"]["article_id"]) == set(tables["articles"]["article_id"])


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed")
    inputs, expected = mixed(root)
    return inputs, expected, extract_tables(inputs)


def test_the_mixed_corpus_tables(mixed_corpus):
    inputs, expected, tables = mixed_corpus
    report = tables["load_report"].set_index("article_id")
    assert sorted(report_rows(tables["load_report"])) == sorted((file, rec, aid) for file, rec, aid, _ in expected)
    assert tuple(report.loc["y", ["status", "reason", "duplicate_of"]]) == ("skipped", "duplicate", "tuoitre__x")
    assert tuple(report.loc["z", ["status", "reason", "duplicate_of"]]) == ("skipped", BODY_DUPLICATE, "x")
    assert marked_bodies(tables) == {aid: mark for _, _, aid, mark in expected if mark}


def test_a_cached_run_gives_the_ids_of_this_run(tmp_path):
    folder = tmp_path / "tuoitre"
    write(folder / "x.txt", seed_text(1, "B"))
    write(folder / "y.txt", "The quick brown fox jumps over the lazy dog, again and again. " * 5)  # skipped: English
    shutil.copy(folder / "x.txt", folder / "z.txt")  # skipped: repeats x.txt
    cache = ResultCache(tmp_path / "cache", version="test")
    first = extract_tables(folder, cache=cache)["load_report"]
    assert first["article_id"].tolist() == ["x", "y", "z"] and first["duplicate_of"].tolist()[2] == "x"
    write(folder / "x.html", as_html(seed_text(0, "A")))
    write(folder / "y.html", as_html(seed_text(3, "D")))
    second = extract_tables(folder, cache=cache)
    report = second["load_report"].set_index("file")
    assert cache.hits == 0  # every row's id or duplicate_of changed, so none is reused
    assert report["article_id"].to_dict() == {"x.html": "x", "x.txt": "x~txt", "y.html": "y", "y.txt": "y~txt",
                                              "z.txt": "z"}
    assert report.loc["z.txt", "duplicate_of"] == "x~txt"
    pd.testing.assert_frame_equal(second["load_report"], extract_tables(folder)["load_report"])
    assert marked_bodies(second) == {"x": "A", "x~txt": "B", "y": "D"}


# --- the rule, on file listings ---------------------------------------------------------------------------------------

# (folders with their files, inputs in order, expected (file, base id) of every listed file)
RENAMED = [
    ({"a": ["x.html", "x.txt"]}, ["a"], [("x.html", "x"), ("x.txt", "x~txt")]),
    ({"a": ["x.html", "x.txt", "x~txt.htm"]}, ["a"], [("x.html", "x"), ("x.txt", "x~txt"), ("x~txt.htm", "x~txt~htm")]),
    ({"a": ["x.html", "x~txt.htm"], "b": ["x.txt"]}, ["a", "b"],
     [("x.html", "x"), ("x~txt.htm", "x~txt"), ("x.txt", "x~2")]),
    ({"a": ["x", "x.txt"]}, ["a"], [("x", "x"), ("x.txt", "x~txt")]),
    ({"a": ["x.txt"], "b": ["x.txt"], "c": ["x.txt"]}, ["a", "b", "c"],
     [("x.txt", "x"), ("b/x.txt", "b__x"), ("c/x.txt", "c__x")]),
    ({"a": ["x.txt"], "b": ["x.txt"]}, ["a", "b", "b"],
     [("x.txt", "x"), ("b/x.txt", "b__x"), ("b~2/x.txt", "b~2__x")]),
    ({"a": ["b/x.txt"], "b": ["x.txt"]}, ["a", "b"], [("b/x.txt", "b__x"), ("x.txt", "x")]),
    ({"a": ["x.txt", "b/x.txt"], "b": ["x.txt"]}, ["a", "b"],
     [("b/x.txt", "b__x"), ("x.txt", "x"), ("b~2/x.txt", "b~2__x")]),
    ({"a": ["ha-noi/12-ca.txt", "ha-noi__12-ca.txt"]}, ["a"],
     [("ha-noi/12-ca.txt", "ha-noi__12-ca"), ("ha-noi__12-ca.txt", "ha-noi__12-ca~txt")]),
    ({"a": ["bao#1.txt", "bao.jsonl"]}, ["a"], [("bao#1.txt", "bao#1"), ("bao.jsonl", "bao~jsonl")]),
    ({"a": ["bao.jsonl"], "b": ["bao#1.txt"]}, ["a", "b"], [("bao.jsonl", "bao"), ("bao#1.txt", "bao#1~txt")]),
    ({"a": ["x.txt"], "b": ["x.txt"]}, ["a/x.txt", "b/x.txt"], [("x.txt", "x"), ("b/x.txt", "b__x")]),
    ({"a": [".git/x.txt", "x.txt"], "b": [".git/y.txt"]}, ["a", "b"],
     [(".git", ".git"), ("x.txt", "x"), ("b/.git", "b__.git")]),
]

# Listings where nothing clashes: every file keeps its usual name and its plain id.
KEPT = [
    ({"a": ["x.txt", "y.html", "z.jsonl"]}, ["a"], ["x.txt", "y.html", "z.jsonl"]),
    ({"a": ["2021/x.txt", "2022/x.txt", "x.txt"]}, ["a"], ["2021/x.txt", "2022/x.txt", "x.txt"]),
    ({"a": ["x.txt"], "b": ["y.txt"]}, ["a", "b"], ["x.txt", "y.txt"]),
    ({"a": ["bao#1.txt", "bao.txt"]}, ["a"], ["bao#1.txt", "bao.txt"]),
    ({"a": ["bao.json", "bao-2.txt", "bao~txt.txt"]}, ["a"], ["bao-2.txt", "bao.json", "bao~txt.txt"]),
    ({"a": ["x.txt"], "b": ["y.txt"]}, ["a/x.txt", "b"], ["x.txt", "y.txt"]),
]


def listing(root: Path, folders: dict[str, list[str]], inputs: list[str]) -> list[tuple[str, str]]:
    for folder, files in folders.items():
        for name in files:
            write(root / folder / name, "Hà Nội thêm 12 ca mắc mới.")
    return [(item.file, item.base_id) for item in input_files([root / name for name in inputs])]


@pytest.mark.parametrize("folders, inputs, expected", RENAMED)
def test_a_later_input_gets_a_distinct_readable_name(tmp_path, folders, inputs, expected):
    assert listing(tmp_path, folders, inputs) == expected


@pytest.mark.parametrize("folders, inputs, files", KEPT)
def test_inputs_that_do_not_clash_keep_their_names(tmp_path, folders, inputs, files):
    assert listing(tmp_path, folders, inputs) == [(file, article_id_for(file, None)) for file in files]


def test_seed_ids_do_not_change():
    report = load_report(config.RAW_DIR)
    assert report["file"].tolist() == [p.name for p in SEEDS]
    assert report["article_id"].tolist() == [article_id_for(p.name, None) for p in SEEDS] == [p.stem for p in SEEDS]
    assert set(report["reason"]) == {""}


def test_gold_ids_do_not_change(seeds_gold, dev_gold):
    for gold in (seeds_gold, dev_gold):
        folder = gold[0]["path"].parent
        report = load_report(folder).set_index("file")
        for rec in gold:
            assert report.loc[rec["file"], "article_id"] == article_id_for(rec["file"], None) == rec["path"].stem


# --- the Dask engine --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster():
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as local:
        yield local


@pytest.fixture(scope="module")
def dask_out(mixed_corpus, cluster, tmp_path_factory) -> Path:
    from covidlib.run.dask_engine import run_dask

    out = tmp_path_factory.mktemp("dask-mixed")
    run_dask(mixed_corpus[0], out_dir=out, scheduler=cluster.scheduler_address, files_per_partition=2)
    return out


@pytest.mark.parametrize("table", TABLES)
def test_the_dask_engine_gives_the_same_ids_and_tables(table, mixed_corpus, dask_out):
    back = pd.read_parquet(dask_out / f"{table}.parquet")
    pd.testing.assert_frame_equal(frame(table, back.to_dict("records")), mixed_corpus[2][table], check_dtype=True)
    if table == "load_report":
        assert sorted(report_rows(back)) == sorted((file, record, aid) for file, record, aid, _ in mixed_corpus[1])

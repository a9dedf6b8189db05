"""Every user path ends well: hostile folders, faults and slips give a row with a reason or one clear line."""
from __future__ import annotations

import csv
import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from covidlib import config
from covidlib.__main__ import main
from covidlib.run.cache import ResultCache
from covidlib.run.pipeline import fitting_rows, iter_results
from covidlib.tables import TABLES, frame
from covidlib.run.writers import csv_safe, read_tables, write_tables

SEED = sorted(config.RAW_DIR.glob("*.txt"))[0]
HUGE_LINE = "\nHôm nay ghi nhận 100.000.000.000.000.000.000 ca mắc mới tại Hà Nội.\n"


def _page(folder: Path, name: str | bytes, extra: str = "") -> Path:
    """Write a seed page (plus ``extra``) under ``name`` (bytes for a name that is not UTF-8)."""
    text = SEED.read_text(encoding="utf-8")
    path = os.path.join(os.fsencode(folder), name) if isinstance(name, bytes) else folder / name
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text[:2000] + extra + text[2000:])
    return Path(os.fsdecode(path))


@pytest.mark.parametrize("rows, kept, dropped", [
    ({"case_counts": [{"value": 10 ** 23}, {"value": 5}]}, 1, True),
    ({"case_counts": [{"value": -(10 ** 20)}]}, 0, True),
    ({"case_counts": [{"value": (1 << 63) - 1}], "places": [{"mentions": 2}]}, 1, False),
    ({"articles": [{"title": "10" * 40}]}, 1, False),  # a long number as text is fine
])
def test_integers_beyond_64_bits_drop_their_row_with_a_note(rows, kept, dropped):
    out, note = fitting_rows(rows)
    assert len(out.get("case_counts", out.get("articles", []))) == kept
    assert bool(note) == dropped


def test_huge_number_and_undecodable_file_name_each_get_a_row(tmp_path):
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    _page(inp, "huge.txt", HUGE_LINE)
    _page(inp, b"t\xe9n.txt", "\nMột đoạn khác.\n")
    for _ in range(2):  # the second run reads the cache
        assert main(["extract", str(inp), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    report = pd.read_csv(out / "load_report.csv").set_index("file")
    assert report.loc["huge.txt", "status"] == "ok" and "too large" in report.loc["huge.txt", "reason"]
    assert report.loc["t\\xe9n.txt", "status"] == "ok"
    assert (pd.read_parquet(out / "case_counts.parquet")["value"].dropna() < 10 ** 18).all()


def _corpus(folder: Path, n: int) -> Path:
    """Write ``n`` distinct pages (seed pages with a line of their own) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(config.RAW_DIR.glob("*.txt"))]
    for i in range(n):
        text = seeds[i % len(seeds)]
        (folder / f"p{i:04d}.txt").write_text(f"{text}\nGhi chú số {i} của trang.\n", encoding="utf-8")
    return folder


def _cli(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "covidlib", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **kw)


def _children(pid: int) -> list[int]:
    """Return the pids of the living processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.fixture(scope="module")
def slow_corpus(tmp_path_factory) -> Path:
    """Enough pages to keep two workers busy for several seconds."""
    return _corpus(tmp_path_factory.mktemp("slow") / "in", 400)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc (Linux)")
def test_sigterm_stops_the_workers_and_says_so_in_one_line(slow_corpus, tmp_path):
    out = tmp_path / "out"
    run = _cli("extract", str(slow_corpus), "--out", str(out), "--workers", "2", "--quiet")
    assert _wait_for(lambda: len(_children(run.pid)) >= 2, 30)
    workers = _children(run.pid)
    assert _wait_for(lambda: any((out / ".cache").rglob("*.json")), 60)  # some pages are done
    started = time.monotonic()
    run.send_signal(signal.SIGTERM)
    _, err = run.communicate(timeout=20)
    assert time.monotonic() - started < 10
    assert run.returncode == 130
    assert err.strip().startswith("stopped after ") and "run again to resume" in err and len(err.strip().splitlines()) == 1
    assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 5)
    assert not list(out.glob("*.csv")) and not list(tmp_path.glob(".out.partial-*"))  # nothing half-written
    assert not err.startswith("stopped after 0 ")  # the finished pages are in the cache, for the next run


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux")
def test_no_worker_outlives_a_parent_killed_with_sigkill(slow_corpus, tmp_path):
    run = _cli("extract", str(slow_corpus), "--out", str(tmp_path / "out"), "--workers", "2", "--no-cache", "--quiet")
    assert _wait_for(lambda: len(_children(run.pid)) >= 2, 30)
    workers = _children(run.pid)
    run.kill()
    run.communicate(timeout=10)
    assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 5), "a worker outlived its parent"


def test_a_second_run_on_one_out_refuses_with_a_message(slow_corpus, tmp_path):
    out = tmp_path / "out"
    first = _cli("extract", str(slow_corpus), "--out", str(out), "--workers", "1", "--no-cache", "--quiet")
    assert _wait_for(lambda: (tmp_path / ".out.lock").exists() and (tmp_path / ".out.lock").read_text().strip(), 30)
    assert main(["extract", str(slow_corpus), "--out", str(out), "--quiet"]) == 2
    first.kill()
    first.communicate(timeout=10)
    # the lock dies with its holder: the next run goes ahead
    small = _corpus(tmp_path / "small", 2)
    assert main(["extract", str(small), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    assert len(pd.read_csv(out / "articles.csv")) == 2


@pytest.mark.parametrize("argv, message", [
    (["extract", "{tmp}/no such folder", "--out", "{tmp}/out"], "input not found: {tmp}/no such folder"),
    (["extract", "{tmp}/in", "--out", "{tmp}/in/a.txt"], "--out is a file, not a folder: {tmp}/in/a.txt"),
])
def test_a_user_error_is_one_full_line_and_leaves_out_alone(argv, message, tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "articles.csv").write_text("kept", encoding="utf-8")
    assert main([part.format(tmp=tmp_path) for part in argv] + ["--quiet"]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {message.format(tmp=tmp_path)}\n"
    assert (tmp_path / "out" / "articles.csv").read_text(encoding="utf-8") == "kept"


@pytest.mark.parametrize("workers", ["0", "-3", "two"])
def test_workers_must_be_a_positive_number(workers, tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["extract", str(tmp_path), "--workers", workers])
    assert stop.value.code == 2 and "--workers" in capsys.readouterr().err


def test_a_run_swaps_its_tables_in_whole_and_keeps_what_is_not_a_table(tmp_path):
    out = tmp_path / "out"
    (out / "articles").mkdir(parents=True)  # a stale part folder of the old Dask layout
    (out / "articles" / "part-00000.parquet").write_bytes(b"old")
    (out / "places.parquet").write_bytes(b"old")
    (out / "notes.md").write_text("mine", encoding="utf-8")
    small = _corpus(tmp_path / "in", 3)
    assert main(["extract", str(small), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    assert not (out / "articles").exists() and (out / "notes.md").read_text(encoding="utf-8") == "mine"
    assert len(read_tables(out)["places"]) == len(pd.read_csv(out / "places.csv"))
    assert not list(tmp_path.glob(".out.partial-*"))


def test_a_damaged_cache_entry_is_computed_again(tmp_path):
    small, out = _corpus(tmp_path / "in", 3), tmp_path / "out"
    assert main(["extract", str(small), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    first = (out / "case_counts.csv").read_bytes()
    entries = sorted((out / ".cache").rglob("*.json"))
    assert len(entries) == 3 and all(e.read_bytes()[:64].isalnum() for e in entries)  # data with a checksum, no pickle
    entries[0].write_bytes(entries[0].read_bytes()[:100])  # cut short
    entries[1].write_bytes(entries[1].read_bytes().replace(b'"ok"', b'"ko"', 1))  # changed
    cache = ResultCache(out / ".cache")
    assert cache.get(entries[0].stem) is None and cache.get(entries[1].stem) is None
    assert cache.get(entries[2].stem) is not None
    assert main(["extract", str(small), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    assert (out / "case_counts.csv").read_bytes() == first
    assert not list((out / ".cache").rglob("*.tmp"))


def test_a_gzip_bomb_is_skipped_without_inflating_it(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    with gzip.open(inp / "bomb.json.gz", "wb", compresslevel=6) as bomb:
        bomb.write(b'{"text": "')
        chunk = b"a" * (1 << 20)
        for _ in range(300):  # 300 MB of text in about 300 kB
            bomb.write(chunk)
        bomb.write(b'"}')
    code = ("import resource, sys; from covidlib.__main__ import main; peak = lambda: resource.getrusage("
            "resource.RUSAGE_SELF).ru_maxrss; before = peak(); rc = main(sys.argv[1:]); print(peak() - before); sys.exit(rc)")
    run = subprocess.run([sys.executable, "-c", code, "extract", str(inp), "--out", str(tmp_path / "out"),
                          "--workers", "1", "--no-cache", "--quiet", "--max-mb", "5"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    grown_mb = int(run.stdout.strip().splitlines()[-1]) / 1024
    assert grown_mb < 100, grown_mb  # the text alone would take 300 MB, and several times that as a str
    reason = pd.read_csv(tmp_path / "out" / "load_report.csv")["reason"][0]
    assert "too large" in reason and "5.0 MB" in reason


@pytest.mark.parametrize("out, refused", [("", True), ("/", True), ("..", True), (".", True), ("/tmp", True),
                                          ("data/processed", False), ("data/my tables", False)])
def test_make_clean_never_leaves_the_project(out, refused):
    """The guard line of ``make clean`` (run alone, so nothing is removed) refuses every OUT outside the project."""
    plan = subprocess.run(["make", "-n", "clean", f"OUT={out}"], cwd=config.PROJECT_ROOT, capture_output=True,
                          text=True, check=True).stdout.splitlines()
    guard = next(line for line in plan if "nothing removed" in line)
    assert subprocess.run(["bash", "-c", guard], cwd=config.PROJECT_ROOT, capture_output=True).returncode == (2 if refused else 0)


def test_every_notebook_starts_with_a_parameters_cell_and_names_the_installed_kernel():
    makefile = (config.PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    kernel = re.search(r"ipykernel install .*--name (\S+)", makefile).group(1)
    notebooks = sorted(config.NOTEBOOKS_DIR.glob("*.ipynb"))
    assert len(notebooks) == 4
    for path in notebooks:
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert nb["metadata"]["kernelspec"]["name"] == kernel, path.name
        first = next(cell for cell in nb["cells"] if cell["cell_type"] == "code")
        assert "parameters" in first["metadata"].get("tags", []), path.name
        names = set(re.findall(r"^(\w+) = ", "".join(first["source"]), re.M))
        assert names == {"input_dir", "tables_dir"}, path.name
        rest = "".join("".join(cell["source"]) for cell in nb["cells"] if cell is not first)
        assert "corpus_tables()" not in rest and "input_dir().rglob" not in rest, path.name


@pytest.mark.parametrize("cell, shown", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+84 912", "'+84 912"),
    ("-1+2", "'-1+2"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("\rcmd", "'\rcmd"),
    ("Hà Nội = 5 ca", "Hà Nội = 5 ca"),  # only the first character counts
    ("'quoted", "'quoted"),
    ("", ""),
])
def test_csv_cells_that_a_spreadsheet_would_run_are_escaped_and_parquet_keeps_the_text(cell, shown, tmp_path):
    assert csv_safe(frame("articles", [{"article_id": "a", "title": cell}]))["title"][0] == shown
    if "\r" in cell:
        return  # a bare carriage return inside a cell is not quoted by the CSV writer: not read back here
    tables = {name: frame(name, []) for name in TABLES}
    tables["articles"] = frame("articles", [{"article_id": "a", "title": cell, "n_sentences": 3}])
    write_tables(tables, tmp_path)
    with open(tmp_path / "articles.csv", encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["title"] == shown
    assert pd.read_parquet(tmp_path / "articles.parquet")["title"][0] == cell
    assert row["n_sentences"] == "3"


@pytest.mark.slow
def test_notebook_01_trusts_the_load_report_on_a_hostile_folder(tmp_path):
    """.DS_Store, a .git folder, a broken link, a name with spaces and dollars: notebook 01 runs to the end."""
    execute_notebook = pytest.importorskip("covidlib.show.report").execute_notebook
    inp = tmp_path / "my articles"
    _corpus(inp, 2)
    (inp / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (inp / ".git").mkdir()
    (inp / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (inp / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    _page(inp, "giá $5$ mới.txt", "\nMột đoạn khác.\n")
    nb = execute_notebook(config.NOTEBOOKS_DIR / "01_load_and_clean.ipynb",
                          env={"COVIDLIB_INPUT": str(inp), "COVIDLIB_PROCESSED": str(tmp_path / "tables"),
                               "COVIDLIB_PROGRESS": "0"})
    shown = json.dumps([cell.get("outputs", []) for cell in nb.cells])
    assert "gone.txt" in shown and "not read as articles" in shown


def test_progress_counts_files_against_their_total(tmp_path, capsys):
    small = _corpus(tmp_path / "in", 3)
    (small / "records.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n', encoding="utf-8")
    results = list(iter_results(small, workers=1, progress=True))
    assert len(results) == 5
    err = capsys.readouterr().err
    assert "4/4" in err and "<00:00" in err  # done out of the total, with the time left

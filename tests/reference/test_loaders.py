"""Tests for covidlib.reference: one reader of the reference files, one lazy loader each."""
from __future__ import annotations

import gzip
import re
import subprocess
import sys

import pytest

from covidlib import config
from covidlib.reference import boundaries, files, lexicons, official, population


def test_nothing_is_read_from_the_reference_folder_at_import_time():
    code = (
        "import sys\n"
        f"folder = {str(config.REFERENCE_DIR)!r}\n"
        "opened = []\n"
        "sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == 'open' and args "
        "and str(args[0]).startswith(folder) else None)\n"
        "import covidlib, covidlib.reference.lexicons, covidlib.reference.official, covidlib.reference.population, "
        "covidlib.reference.boundaries, covidlib.write.summaries, covidlib.analysis.compare\n"
        "print(opened)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_read_csv_reads_a_bare_name_from_the_reference_folder():
    rows = files.read_csv("titles.csv")
    assert rows[0].keys() >= {"term", "kind"}
    assert files.reference_path("titles.csv") == config.REFERENCE_DIR / "titles.csv"


def test_a_gzipped_copy_stands_for_the_plain_file(tmp_path):
    with gzip.open(tmp_path / "series.csv.gz", "wt", encoding="utf-8", newline="") as handle:
        handle.write("province,value\nHà Nội,12\n")
    assert files.reference_path(tmp_path / "series.csv") == tmp_path / "series.csv.gz"
    assert files.read_csv(tmp_path / "series.csv") == [{"province": "Hà Nội", "value": "12"}]


@pytest.mark.parametrize("header, missing", [
    ("surname,group", None),
    ("surname", "['group']"),
    ("name,kind", "['group', 'surname']"),
])
def test_required_columns_are_checked(tmp_path, header, missing):
    path = tmp_path / "names.csv"
    path.write_text(header + "\n", encoding="utf-8")
    if missing is None:
        assert files.read_csv(path, columns=("surname", "group")) == []
    else:
        with pytest.raises(ValueError, match=f"missing columns {re.escape(missing)}"):
            files.read_csv(path, columns=("surname", "group"))


def test_a_missing_file_names_both_spellings(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"absent\.csv \(or absent\.csv\.gz\)"):
        files.read_csv(tmp_path / "absent.csv")


def test_word_lists_are_read_once():
    assert lexicons.titles() is lexicons.titles()
    assert lexicons.surnames() is lexicons.surnames()
    assert lexicons.measures() is lexicons.measures()
    kinds = {row["kind"] for row in lexicons.titles()}
    assert {"role", "member", "rank", "honorific", "academic"} <= kinds
    assert {row["group"] for row in lexicons.surnames()} >= {"kinh"}


def test_another_measures_file_is_read_at_each_call(tmp_path):
    path = tmp_path / "measures.csv"
    path.write_text("measure,label_vi,label_en,pattern,notes\nmasks,khẩu trang,masks,khẩu trang,\n", encoding="utf-8")
    assert [r["measure"] for r in lexicons.measures(path)] == ["masks"]
    path.write_text("measure,label_vi,label_en,pattern,notes\n", encoding="utf-8")
    assert lexicons.measures(path) == ()


def test_official_series_is_a_fresh_copy_with_dates():
    first = official.official_case_counts()
    assert str(first["date"].dtype).startswith("datetime64")
    first.loc[:, "value"] = -1
    assert (official.official_case_counts()["value"] != -1).any()


def test_populations_cover_the_63_provinces():
    pops = population.populations()
    assert len(pops) == 63
    assert pops["Hồ Chí Minh"] > pops["Bắc Kạn"] > 0
    pops["Hà Nội"] = 0
    assert population.populations()["Hà Nội"] > 0


def test_boundaries_are_a_copy_the_caller_may_change():
    geo = boundaries.province_boundaries()
    assert len(geo["features"]) == 63
    geo["features"].clear()
    assert len(boundaries.province_boundaries()["features"]) == 63

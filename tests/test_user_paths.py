"""Every user path ends well: hostile folders, faults and slips give a row with a reason or one clear line."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from covidlib import config
from covidlib.__main__ import main
from covidlib.run.pipeline import fitting_rows

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

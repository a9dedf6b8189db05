"""Build every report once per test session, as `make report INPUT=...` does (used by notebook and browser tests)."""
from __future__ import annotations

import shutil

import pytest

from covidlib import config
from covidlib.show.report import build_reports

XSS = '<script>alert("covidlib-xss")</script>'
IMG = "<img src=x onerror=alert('covidlib-title')>"
HOSTILE_PAGE = f"""Hà Nội ghi nhận thêm ca mắc COVID-19 {IMG} trong khu cách ly

Thứ Hai, 20/09/2021 10:15

Sáng 20/9, Sở Y tế Hà Nội cho biết thành phố ghi nhận thêm 7 ca mắc COVID-19, trong đó có 6 ca tại khu cách ly {XSS} và 1 ca trong khu phong tỏa.

Các ca mắc mới đều đã được chuyển đi điều trị, lực lượng chức năng đang truy vết các trường hợp tiếp xúc gần <b>in đậm</b> để cách ly kịp thời.

Thành phố đề nghị người dân thực hiện nghiêm quy định 5K, hạn chế ra khỏi nhà khi không cần thiết.

Minh Anh
"""


@pytest.fixture(scope="session")
def built_report_files(tmp_path_factory):
    """Run every notebook on the seeds plus one page carrying markup, as `make report INPUT=...` does."""
    root = tmp_path_factory.mktemp("report")
    inputs, processed, out = root / "input", root / "processed", root / "reports"
    inputs.mkdir()
    for seed in config.RAW_DIR.glob("*.txt"):
        shutil.copy(seed, inputs / seed.name)
    (inputs / "hostile_markup.txt").write_text(HOSTILE_PAGE, encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("COVIDLIB_INPUT", str(inputs))
    mp.setenv("COVIDLIB_PROCESSED", str(processed))
    try:
        paths = build_reports(out_dir=out)
    finally:
        mp.undo()
    return {p.name: p for p in paths}


@pytest.fixture(scope="session")
def built_reports(built_report_files):
    """The text of every built report, by file name."""
    return {name: path.read_text(encoding="utf-8") for name, path in built_report_files.items()}



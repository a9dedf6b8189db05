"""Build every report once per test session, as `make report INPUT=...` does (used by notebook and browser tests)."""
from __future__ import annotations

import shutil
import subprocess
import sys

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


# Pages a corpus may hold that carry no date, no province or no figure (self-written).
SPARSE_PAGES = {
    "no_date_no_place_no_count.txt": "Khuyến cáo phòng dịch cho người dân\n\nNgười dân cần đeo khẩu trang nơi công cộng, "
                                     "rửa tay thường xuyên và hạn chế tụ tập đông người.\n\nCác gia đình nên theo dõi "
                                     "sức khỏe hằng ngày và liên hệ cơ sở y tế khi có dấu hiệu sốt, ho.\n",
    "province_no_date_no_count.txt": "Quảng Ngãi tăng cường kiểm tra tại các chốt\n\nTỉnh Quảng Ngãi tiếp tục duy trì "
                                     "các chốt kiểm soát ra vào tỉnh, yêu cầu người dân khai báo y tế đầy đủ.\n\n"
                                     "Lực lượng chức năng được đề nghị làm việc nghiêm túc, không gây ùn tắc.\n",
    "count_no_date_no_place.txt": "Cả nước thêm ca mắc mới\n\nTrong ngày, cả nước ghi nhận thêm 1.234 ca mắc mới, "
                                  "trong đó 1.200 ca trong nước và 34 ca nhập cảnh.\n\nThế giới đã ghi nhận hơn "
                                  "5.000.000 ca mắc.\n",
    "not_a_news_page.txt": "lorem ipsum dolor sit amet\n",
}
#: Where the development pages live (optional: ../shared beside the repository).
DEV_RAW_DIRS = (config.SHARED_DIR / "gold" / "dev" / "raw", config.SHARED_DIR / "gold" / "dev2" / "raw")


def dev_pages_present() -> bool:
    return all(folder.is_dir() for folder in DEV_RAW_DIRS)


@pytest.fixture(scope="session")
def built_report_files(tmp_path_factory):
    """Run every notebook as `make report INPUT=...` does, once per session, on one folder mixing:
    the seeds, one page carrying markup, pages without a date, a province or a figure, and
    (where ../shared is present) the dev and dev2 pages."""
    root = tmp_path_factory.mktemp("report")
    inputs, processed, out = root / "input_pages", root / "processed", root / "reports"
    inputs.mkdir()
    for seed in config.RAW_DIR.glob("*.txt"):
        shutil.copy(seed, inputs / seed.name)
    (inputs / "hostile_markup.txt").write_text(HOSTILE_PAGE, encoding="utf-8")
    for name, text in SPARSE_PAGES.items():
        (inputs / name).write_text(text, encoding="utf-8")
    if dev_pages_present():
        for folder in DEV_RAW_DIRS:
            for page in folder.iterdir():
                if page.is_file() and not (inputs / page.name).exists():
                    shutil.copy(page, inputs / page.name)
    # as `make report` does: extract the tables first, then run the notebooks
    subprocess.run([sys.executable, "-m", "covidlib", "extract", str(inputs), "--out", str(processed)], check=True,
                   capture_output=True)
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



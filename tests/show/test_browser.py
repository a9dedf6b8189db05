"""Open every report in headless Chromium: it renders its headings, figures and tables; keep a screenshot."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from covidlib import config

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--hide-scrollbars", "--disable-quic"]
EXPECTED = {
    "01_load_and_clean.html": ["Loading and cleaning", "The load report", "Metadata"],
    "02_extract_facts.html": ["Extracting facts", "One article with its facts highlighted", "How far to trust the extraction"],
    "03_compare_provinces.html": ["Comparing case counts", "Confirmed cases by province", "News against official figures"],
    "04_narrative_summaries.html": ["Narrative summaries", "Measures discussed", "The corpus as a whole"],
}


def _chromium(tmp_path, *args: str) -> subprocess.CompletedProcess:
    if CHROMIUM is None:
        pytest.skip("Chromium not installed (.ci/run installs Debian's chromium package)")
    profile = tmp_path / "profile"
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_report_renders_in_a_browser(name, built_report_files, tmp_path):
    path = built_report_files.get(name)
    assert path is not None, f"{name} was not built"
    result = _chromium(tmp_path, "--virtual-time-budget=5000", "--dump-dom", path.as_uri())
    dom = result.stdout
    assert "<html" in dom, result.stderr[-2000:]
    headings = " ".join(re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h[1-3][^>]*>.*?</h[1-3]>", dom, re.S))
    for heading in EXPECTED[name]:
        assert heading in headings, f"{name}: heading {heading!r} not rendered"
    assert "<table" in dom, f"{name}: no table rendered"
    if name != "02_extract_facts.html":
        assert re.search(r'<img[^>]+src="data:image/png;base64,', dom), f"{name}: no embedded figure"
    assert "<script>alert(" not in dom


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_report_screenshot_is_kept(name, built_report_files, tmp_path):
    shots = config.REPORTS_DIR / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    target = shots / name.replace(".html", ".png")
    target.unlink(missing_ok=True)
    _chromium(tmp_path, "--window-size=1280,1800", f"--screenshot={target}", built_report_files[name].as_uri())
    assert target.exists() and target.stat().st_size > 20_000, f"no screenshot of {name}"
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

"""Open every report in headless Chromium with the network off: it renders its headings, figures and tables,
fetches nothing, and a screenshot is kept."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from urllib.parse import urlsplit

import pytest

from covidlib import config

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--hide-scrollbars", "--disable-quic"]
# The network is off: every request goes to a closed local port and no host name resolves.
OFFLINE = ["--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"]
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
    return subprocess.run([CHROMIUM, *FLAGS, *OFFLINE, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120, check=False)


def _requested(tmp_path, url: str) -> set[tuple[str, str]]:
    """Open ``url`` offline and return the (host, path) of every network request Chromium tried (from its net log)."""
    log = tmp_path / "net.json"
    _chromium(tmp_path, "--virtual-time-budget=4000", f"--log-net-log={log}", "--dump-dom", url)
    found = set()
    for match in re.finditer(r'"url":"((?:https?|wss?)://[^"]+)"', log.read_text(encoding="utf-8", errors="replace")):
        parts = urlsplit(json.loads(f'"{match.group(1)}"'))
        found.add((parts.hostname or "", parts.path))
    return found


@pytest.fixture(scope="module")
def browser_own_requests(tmp_path_factory) -> set[tuple[str, str]]:
    """What Chromium asks for on its own (an empty page): its own background calls, not the page's."""
    return _requested(tmp_path_factory.mktemp("blank"), "about:blank")


def test_network_check_catches_a_page_that_fetches(tmp_path, browser_own_requests):
    page = tmp_path / "fetching.html"
    page.write_text('<html><body><img src="https://example.org/x.png"><script src="https://cdn.example.net/a.js">'
                    "</script></body></html>", encoding="utf-8")
    fetched = _requested(tmp_path, page.as_uri()) - browser_own_requests
    assert {host for host, _ in fetched} >= {"example.org", "cdn.example.net"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_report_fetches_nothing(name, built_report_files, tmp_path, browser_own_requests):
    fetched = _requested(tmp_path, built_report_files[name].as_uri()) - browser_own_requests
    assert fetched == set(), f"{name} fetches {sorted(fetched)}"


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
    assert re.search(r"<title>[^<]*[a-z][^<]*</title>", dom) and "<title>Notebook</title>" not in dom
    assert 'href="index.html"' in dom, f"{name}: no link back to the index"
    tables = re.findall(r"<table\b.*?</table>", dom, re.S)
    assert all("<caption" in t for t in tables), f"{name}: a table without a caption"
    assert "MathJax" not in dom and "mjx-" not in dom
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

"""Notebooks run top to bottom (as `make report` runs them) and their reports read well and safely."""
from __future__ import annotations

import pytest

from covidlib.show.report import NOTEBOOK_NAME, list_notebooks

import re

from .reports_fixture import DEV_RAW_DIRS, IMG, XSS, dev_pages_present

pytestmark = pytest.mark.slow

def test_notebooks_are_numbered_and_titled():
    infos = list_notebooks()
    assert [i.number for i in infos] == sorted(i.number for i in infos)
    assert len(infos) >= 2 and all(NOTEBOOK_NAME.match(i.path.name) for i in infos)
    assert all(i.title and not i.title.startswith("0") for i in infos)


def test_every_notebook_has_a_report_and_the_index_links_them(built_reports):
    index = built_reports["index.html"]
    for info in list_notebooks():
        assert info.report_name in built_reports
        assert f'href="{info.report_name}"' in index


def test_reports_hide_code_and_embed_figures(built_reports):
    for name, page in built_reports.items():
        if name == "index.html":
            continue
        assert "from covidlib" not in page, f"{name} shows code cells"
        assert "Traceback" not in page, f"{name} shows an error"
        assert "src=\"data:image/png;base64" in page or name.startswith("02"), f"{name} has no embedded figure"
        assert len(page) < 5_000_000, f"{name} is {len(page) / 1e6:.1f} MB"


def test_reports_show_article_markup_as_text(built_reports):
    for name, page in built_reports.items():
        assert XSS not in page and IMG not in page, f"{name} lets page markup through as HTML"
    assert any("&lt;script&gt;alert(" in page for page in built_reports.values())
    assert "&lt;img src=x onerror" in built_reports["01_load_and_clean.html"]  # the title, shown as text


def test_load_and_clean_report_content(built_reports):
    page = built_reports["01_load_and_clean.html"]
    for heading in ("The load report", "One page before and after cleaning", "Metadata", "How much of each page is article"):
        assert heading in page
    assert "hostile_markup.txt" in page
    assert "Trao đổi kinh nghiệm trong công tác phòng, chống dịch COVID-19" in page  # a seed title in the metadata table


def test_extract_facts_report_content(built_reports):
    page = built_reports["02_extract_facts.html"]
    for heading in ("Numbers", "Places", "Officials", "Case counts", "How far to trust the extraction"):
        assert heading in page
    assert "Nguyễn Thị Quyên Thanh" in page and "cl-mark" in page


# --------------------------------------------------------------------------- documents people can share

def _text(page: str) -> str:
    """The visible text of a report (styles and tags left out)."""
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_reports_are_titled_and_say_what_was_run(built_reports, built_report_files):
    for info in list_notebooks():
        page = built_reports[info.report_name]
        assert f"<title>{info.title}</title>" in page.replace("&#x27;", "'")
        assert "Input folder: <strong>input_pages</strong>" in page and "covidlib " in page
        assert re.search(r"<span>[\d,]+ pages</span>", page) and re.search(r"Run \d{4}-\d\d-\d\d", page)
        assert 'href="index.html"' in page
        machine_path = str(built_report_files[info.report_name].parent.parent)
        assert machine_path not in page, f"{info.report_name} prints a machine path"


def test_reports_fetch_and_typeset_nothing(built_reports):
    for name, page in built_reports.items():
        assert "<script" not in page.lower(), f"{name} carries a script"
        assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page), f"{name} links a remote resource"


def test_reports_show_no_raw_values(built_reports):
    for name, page in built_reports.items():
        text = _text(page)
        for raw in ("<NA>", "&lt;NA&gt;", " NaN ", "dtype:", "Name: ", "{'"):
            assert raw not in text, f"{name} shows {raw!r}"
        numbers = re.findall(r'<td class="cl-num">([^<]*)</td>', page)
        assert not [n for n in numbers if re.search(r"\.\d{3,}", n)], f"{name} shows an unrounded value"


def test_every_table_has_a_caption(built_reports):
    for name, page in built_reports.items():
        tables = re.findall(r"<table\b.*?</table>", page, re.S)
        assert all("<caption>" in t for t in tables), f"{name} has a table without a caption"


def test_counts_have_thousands_separators(built_reports):
    page = _text(built_reports["03_compare_provinces.html"])
    assert "420,000" in page and "420000" not in page


def test_compare_report_states_its_windows(built_reports):
    page = _text(built_reports["03_compare_provinces.html"])
    assert re.search(r"The map colours \d+ of 63 provinces: those with a confirmed figure \(cumulative\) dated "
                     r"from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d", page)
    assert "Problems found in the extracted case counts" in page
    assert "dated the same day" in page


def test_narrative_report_finds_no_problems_in_words(built_reports):
    page = _text(built_reports["04_narrative_summaries.html"])
    assert re.search(r"No problems found: in all [\d,]+ articles", page)


def test_reports_cover_the_dev_pages(built_reports):
    if not dev_pages_present():
        pytest.skip(f"dev pages not found at {DEV_RAW_DIRS[0]} / {DEV_RAW_DIRS[1]} (../shared beside the repo)")
    load = built_reports["01_load_and_clean.html"]
    for folder in DEV_RAW_DIRS:
        assert any(page.name in load for page in folder.iterdir()), f"no page of {folder.parent.name} in the load report"
    narratives = _text(built_reports["04_narrative_summaries.html"])
    assert "in one day" in narratives and "In Vietnam as a whole" in narratives

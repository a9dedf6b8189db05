"""Notebooks run top to bottom (as `make report` runs them) and their reports read well and safely."""
from __future__ import annotations

import pytest

from covidlib.show.report import NOTEBOOK_NAME, list_notebooks

from .reports_fixture import IMG, XSS

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

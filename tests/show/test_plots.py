"""Figures: the right artists, lower bounds drawn as such, Vietnamese labels, PNGs written."""
from __future__ import annotations

import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont
from matplotlib.ft2font import FT2Font
from matplotlib.patches import PathPatch, Rectangle

from covidlib.analysis import compare
from covidlib.show import plots
from covidlib.write.formatting import format_count
from covidlib.tables import frame

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


# The period a metric has when a page says nothing else (as the extractor fills it).
PLAIN_PERIOD = {"confirmed": "cumulative", "new_confirmed": "day", "active": "snapshot", "quarantined": "snapshot",
                "recovered": "cumulative", "deaths": "cumulative"}


def counts_frame(rows: list[dict]) -> pd.DataFrame:
    full = [{"article_id": "a1", "province": None, "district": None, "detail": None, "qualifier": "exact",
             "as_of": None, "sentence": None, "start": i, "end": i + 1,
             "period": PLAIN_PERIOD.get(row.get("metric")), **row} for i, row in enumerate(rows)]
    return frame("case_counts", full)


@pytest.fixture(scope="module")
def seed_counts(seeds_gold) -> pd.DataFrame:
    rows = [{**{k: c.get(k) for k in ("province", "district", "metric", "detail", "value", "qualifier", "as_of")},
             "article_id": rec["file"]} for rec in seeds_gold for c in rec["case_counts"]]
    return counts_frame(rows)


@pytest.fixture(scope="module")
def seed_table(seed_counts) -> pd.DataFrame:
    return compare.province_metric_table(seed_counts)


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text)]


def bars(ax) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_width() > 0]


# --------------------------------------------------------------------------- style

@pytest.mark.parametrize("word", ["Hồ Chí Minh", "Điện Biên", "Thừa Thiên Huế", "Đắk Lắk", "Bà Rịa - Vũng Tàu",
                                  "hơn", "≥"])
def test_style_font_has_vietnamese_glyphs(word):
    plots.apply_style()
    font = FT2Font(findfont(FontProperties(family=matplotlib.rcParams["font.sans-serif"][0])))
    assert "DejaVu" in font.family_name
    missing = [ch for ch in word if not ch.isspace() and font.get_char_index(ord(ch)) == 0]
    assert missing == []


@pytest.mark.parametrize("value, qualifier, text", [
    (420000, "more_than", "≥ 420,000"), (6360, "exact", "6,360"), (57, None, "57"), (15, "at_least", "≥ 15"),
    (0, "exact", "0"), (float("nan"), "exact", "–"),
])
def test_format_count(value, qualifier, text):
    assert format_count(value, qualifier) == text


@pytest.mark.parametrize("prefix, name, filename", [
    (3, "confirmed_by_province", "03_confirmed_by_province.png"),
    ("03", "Confirmed by province", "03_confirmed_by_province.png"),
    (12, "map.png", "12_map.png"),
])
def test_save_figure_writes_small_png(tmp_path, seed_table, prefix, name, filename):
    path = plots.save_figure(plots.plot_confirmed_by_province(seed_table), name, prefix=prefix, directory=tmp_path)
    assert path == tmp_path / filename
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC
    assert 5_000 < len(data) < 400_000


def test_save_figure_defaults_to_figures_dir(monkeypatch, tmp_path, seed_table):
    monkeypatch.setattr(plots.config, "FIGURES_DIR", tmp_path / "figures")
    path = plots.save_figure(plots.plot_confirmed_by_province(seed_table), "x", prefix=5)
    assert path == tmp_path / "figures" / "05_x.png" and path.exists()


# --------------------------------------------------------------------------- bars by province

def test_confirmed_by_province_bars_and_log_axis(seed_table):
    fig = plots.plot_confirmed_by_province(seed_table)
    ax = fig.axes[0]
    assert isinstance(fig, Figure)
    assert ax.get_xscale() == "log"
    assert len(bars(ax)) == 3
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Điện Biên", "An Giang", "Hồ Chí Minh"]


def test_confirmed_by_province_draws_lower_bound(seed_table):
    ax = plots.plot_confirmed_by_province(seed_table).axes[0]
    hatched = [b for b in bars(ax) if b.get_hatch()]
    assert [b.get_width() for b in hatched] == [420000]
    labels = [t.get_text() for t in ax.texts]
    assert any(label.startswith("≥ 420,000") for label in labels)
    assert any(label.startswith("6,360") for label in labels)
    arrows = [a for a in ax.texts if isinstance(a, matplotlib.text.Annotation)]
    assert [a.xy[0] for a in arrows] == [pytest.approx(420000 * 2.2)]
    assert "lower bound (“hơn …”)" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_confirmed_by_province_top_limits_bars(seed_table):
    assert len(bars(plots.plot_confirmed_by_province(seed_table, top=2).axes[0])) == 2


def test_outcomes_beside_confirmed(seed_table):
    ax = plots.plot_outcomes(seed_table).axes[0]
    assert ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["An Giang"]  # the only province with outcomes
    assert sorted(b.get_width() for b in bars(ax)) == [78, 2487, 3789, 6360]
    assert {"confirmed", "deaths", "recovered"} <= {t.get_text() for t in ax.get_legend().get_texts()}


def test_outcomes_of_another_date_are_left_out():
    table = compare.province_metric_table(counts_frame([
        {"province": "Bình Dương", "metric": "confirmed", "value": 294271, "as_of": "2022-02-23"},
        {"province": "Bình Dương", "metric": "recovered", "value": 103144, "as_of": "2021-09-11"},
        {"province": "Hồ Chí Minh", "metric": "confirmed", "value": 523794, "as_of": "2022-02-23"},
        {"province": "Hồ Chí Minh", "metric": "recovered", "value": 5, "as_of": "2020-04-14"},
        {"province": "Hồ Chí Minh", "metric": "deaths", "value": 20000, "as_of": "2022-02-22"},
    ]))
    assert any(t.startswith("No ") for t in texts(plots.plot_outcomes(table)))
    ax = plots.plot_outcomes(table, window_days=1).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Hồ Chí Minh"]
    assert sorted(b.get_width() for b in bars(ax)) == [20000, 523794]
    assert "within 1 days" in ax.get_title("left")


def test_outcomes_with_undated_rows_do_not_crash():
    table = compare.province_metric_table(counts_frame([
        {"province": "Bình Dương", "metric": "confirmed", "value": 10, "as_of": None},
        {"province": "Bình Dương", "metric": "recovered", "value": 3, "as_of": None},
        {"province": "Hà Nội", "metric": "deaths", "value": 3, "as_of": "2021-09-11"},
    ]))
    assert any(t.startswith("No ") for t in texts(plots.plot_outcomes(table)))


# --------------------------------------------------------------------------- over time

def test_over_time_one_line_per_province():
    df = counts_frame([
        {"province": "Hồ Chí Minh", "metric": "confirmed", "value": 426090, "as_of": "2021-10-25"},
        {"province": "Hồ Chí Minh", "metric": "confirmed", "value": 420000, "qualifier": "more_than",
         "as_of": "2021-11-01"},
        {"province": "Hà Nội", "metric": "confirmed", "value": 3869, "as_of": "2021-09-16"},
        {"province": "Hà Nội", "metric": "confirmed", "value": 1596, "as_of": "2021-09-16"},  # a breakdown
        {"province": "Hà Nội", "metric": "confirmed", "value": 579, "district": "Thanh Xuân", "as_of": "2021-09-16"},
    ])
    ax = plots.plot_over_time(df).axes[0]
    assert ax.get_yscale() == "log"
    connecting = {line.get_label(): len(line.get_xdata()) for line in ax.get_lines() if line.get_linestyle() == "-"}
    assert connecting == {"Hồ Chí Minh": 2, "Hà Nội": 1}
    open_markers = [line for line in ax.get_lines() if line.get_marker() == "^" and len(line.get_xdata())]
    assert [list(line.get_ydata()) for line in open_markers] == [[420000]]


# --------------------------------------------------------------------------- map

def test_choropleth_draws_63_provinces(seed_table):
    fig = plots.plot_choropleth(seed_table)
    ax = fig.axes[0]
    patches = [p for p in ax.patches if isinstance(p, PathPatch)]
    assert len(patches) == 63
    by_name = {p.get_gid(): p for p in patches}
    assert {"Hồ Chí Minh", "Điện Biên", "Thừa Thiên Huế", "Bà Rịa - Vũng Tàu"} <= set(by_name)
    grey = matplotlib.colors.to_rgba(plots.MISSING_COLOUR)
    coloured = {n for n, p in by_name.items() if p.get_facecolor() != grey}
    assert coloured == {"Hồ Chí Minh", "An Giang"}  # Điện Biên's figure is five months older: not coloured
    title = ax.get_title("left")
    assert "8/10/2021–1/11/2021" in title.replace("2/10/2021", "8/10/2021") or "2/10/2021–1/11/2021" in title
    assert "2 of 63 provinces" in title and "1 with only older figures" in title
    assert by_name["Hà Nội"].get_hatch() and by_name["Điện Biên"].get_hatch() and not by_name["An Giang"].get_hatch()
    assert by_name["Hồ Chí Minh"].get_hatch()  # a lower bound
    assert len(ax.child_axes) == 1  # the colour bar
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "no figure in the articles" in legend


def test_choropleth_colour_follows_rate(seed_table):
    by_name = {p.get_gid(): p for p in plots.plot_choropleth(seed_table, days=366).axes[0].patches}
    # darker (lower luminance) for the higher rate: HCM 4,670 > An Giang 333 > Điện Biên 9.5 per 100,000
    lum = {n: sum(by_name[n].get_facecolor()[:3]) for n in ("Hồ Chí Minh", "An Giang", "Điện Biên")}
    assert lum["Hồ Chí Minh"] < lum["An Giang"] < lum["Điện Biên"]


def test_choropleth_without_figures_is_all_grey():
    empty = compare.province_metric_table(counts_frame([]))
    ax = plots.plot_choropleth(empty).axes[0]
    assert len(ax.patches) == 63 and all(p.get_hatch() for p in ax.patches)


# --------------------------------------------------------------------------- official check

def test_official_comparison_plot(seed_counts):
    comparison = compare.official_comparison(seed_counts)
    fig = plots.plot_official_comparison(comparison)
    ax = fig.axes[0]
    compared = comparison[comparison["status"] == "compared"]
    assert len(ax.get_yticklabels()) == len(compared) == 4
    assert ax.get_xscale() == "log"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "Hồ Chí Minh · confirmed · 1/11/2021" in labels
    shown = texts(fig)
    assert "≥ 420,000 vs 430,035" in shown and "6,360 vs 6,267" in shown
    open_markers = [ln for ln in ax.get_lines() if ln.get_marker() == ">"]
    assert len(open_markers) == 1


@pytest.mark.parametrize("plot", [plots.plot_confirmed_by_province, plots.plot_outcomes,
                                  plots.plot_official_comparison])
def test_plots_of_nothing_say_so(plot):
    empty = pd.DataFrame(columns=["province", "metric", "value", "qualifier", "as_of", "is_lower_bound",
                                  "official_value", "status", "agrees", "difference_pct"])
    fig = plot(empty)
    assert isinstance(fig, Figure)
    assert any(t.startswith("No ") for t in texts(fig))


def test_figures_show_themselves_in_notebooks(seed_table):
    assert plots.plot_choropleth(seed_table)._repr_png_()[:8] == PNG_MAGIC


# --------------------------------------------------------------------------- tables and report pages for readers

def test_report_tables_are_formatted_for_readers():
    from covidlib.show.views import table_html
    frame = pd.DataFrame({"province": ["An Giang", None], "value": pd.array([6360, None], dtype="Int64"),
                          "per_100k": [333.483964, float("nan")], "agrees": pd.array([True, None], dtype="boolean"),
                          "start": [1234, 5]})
    page = table_html(frame, caption="Latest figures")
    assert "<caption>Latest figures</caption>" in page
    assert ">6,360<" in page and ">333.48<" in page and ">yes<" in page and ">1234<" in page
    for raw in ("&lt;NA&gt;", "NaN", "None", "dtype", "333.483964"):
        assert raw not in page


def test_report_tables_cut_say_so_and_link_the_csv(monkeypatch, tmp_path):
    from covidlib.show.views import table_html
    monkeypatch.setenv("COVIDLIB_REPORTS_OUT", str(plots.config.PROCESSED_DIR.parent / "reports_out"))
    page = table_html(pd.DataFrame({"n": range(30)}), caption="Numbers", csv="places", max_rows=10)
    assert page.count("<tr>") == 11 and "First 10 of 30 rows." in page
    assert 'href="../processed/places.csv"' in page


def test_empty_tables_are_a_sentence():
    from covidlib.show.views import table_html
    page = table_html(pd.DataFrame(columns=["a"]), caption="Problems", empty="No problems found.")
    assert "<table" not in page and "No problems found." in page


def test_report_page_is_titled_has_a_header_and_no_scripts():
    import nbformat
    from covidlib.show.report import RunInfo, render_html
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# A title\n\n## A section\n\nCosts $5 and $6 today."),
        nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output("display_data", data={"text/plain": "/secret/path"})]),
        nbformat.v4.new_code_cell("t", outputs=[nbformat.v4.new_output(
            "display_data", data={"text/html": "<table><tr><td>1</td></tr></table>"})])])
    page = render_html(nb, info=RunInfo("my_pages", 41, "2026-01-02 10:00 UTC"))
    assert "<title>A title</title>" in page and "<script" not in page.lower()
    assert "my_pages" in page and "41 pages" in page and "covidlib " in page and 'href="index.html"' in page
    assert "/secret/path" not in page  # the set-up cell's output is not for readers
    assert "<caption>A section</caption>" in page
    assert "$5 and $6" in page

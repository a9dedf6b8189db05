"""Figures in one style: case counts by province, outcomes, reports over time, a map, and the official check.

Every ``plot_*`` function returns a :class:`matplotlib.figure.Figure` and draws nothing
else; :func:`save_figure` writes it to ``figures/`` as ``<notebook number>_<name>.png``.
Lower bounds ("hơn 420.000 ca") are drawn as such everywhere: open markers, an arrow,
and a "≥" label. Inputs are the tables of :mod:`covidlib.analysis.compare`. A chart
shows figures of one metric and one period kind, with their dates; outcomes stand beside
confirmed cases only inside one date window; the map states its window and how many
provinces have a figure in it.
"""
from __future__ import annotations

import io
import re
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Callable, Iterable, Iterator

import matplotlib as mpl
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.cm import ScalarMappable
from matplotlib.colors import LogNorm
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath
from matplotlib.transforms import blended_transform_factory

from .. import config
from ..analysis.compare import map_window, outcomes_beside_confirmed, province_figures
from ..reference.boundaries import province_boundaries
from ..vocab import LOWER_BOUND_QUALIFIERS, PERIOD_LABELS
from ..vocab import METRIC_LABELS as VOCAB_METRIC_LABELS
from ..write.formatting import format_count, format_date

__all__ = [
    "FONT",
    "METRIC_COLOURS",
    "METRIC_LABELS",
    "LOWER_BOUND_LABEL",
    "apply_style",
    "save_figure",
    "plot_confirmed_by_province",
    "plot_outcomes",
    "plot_over_time",
    "plot_choropleth",
    "plot_official_comparison",
]

FONT = "DejaVu Sans"  # ships with matplotlib and covers Vietnamese diacritics (ắ, ộ, ữ, Đ)
DPI = 110
METRIC_LABELS = VOCAB_METRIC_LABELS["short"]
METRIC_COLOURS = {"confirmed": "#3b6ea8", "new_confirmed": "#6a9fd4", "active": "#e0a030",
                  "recovered": "#4c9a5b", "deaths": "#b23a3a", "quarantined": "#8c6bb1",
                  "tested": "#7f7f7f", "vaccinated": "#2a9d8f", "suspected": "#c77dba"}
OFFICIAL_COLOUR = "#222222"
MISSING_COLOUR = "#e6e6e6"
LOWER_BOUND_LABEL = "lower bound (“hơn …”)"
_SLUG = re.compile(r"[^a-z0-9]+")


# --------------------------------------------------------------------------- style and saving

_RC = {"font.family": "sans-serif", "font.sans-serif": [FONT], "axes.titlesize": 12.5, "axes.titleweight": "bold",
       "axes.titlelocation": "left", "axes.labelsize": 10.5, "xtick.labelsize": 9.5, "ytick.labelsize": 9.5,
       "legend.fontsize": 9, "legend.frameon": False, "figure.dpi": DPI, "savefig.dpi": DPI,
       "axes.spines.top": False, "axes.spines.right": False, "grid.color": "#e4e4e4", "hatch.linewidth": 0.7}


def apply_style() -> None:
    """Set the figure style globally: seaborn white grid, DejaVu Sans (renders "Hồ Chí Minh"), readable sizes."""
    sns.set_theme(style="whitegrid", context="notebook", font=FONT, rc=_RC)


@contextmanager
def _style() -> Iterator[None]:
    """The same style for the duration of one plot, without touching global settings."""
    with sns.axes_style("whitegrid"), sns.plotting_context("notebook"), mpl.rc_context(_RC):
        yield


def _styled(plot: Callable[..., Figure]) -> Callable[..., Figure]:
    @wraps(plot)
    def wrapper(*args, **kwargs) -> Figure:
        with _style():
            return plot(*args, **kwargs)
    return wrapper


class _NotebookFigure(Figure):
    """A figure outside pyplot's registry that shows itself as PNG when a notebook cell returns it."""

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", facecolor="white")
        return buffer.getvalue()


def _figure(width: float, height: float) -> tuple[Figure, Axes]:
    """A new figure and its axes: shown once in notebooks, freed with its last reference."""
    fig = _NotebookFigure(figsize=(width, height))
    return fig, fig.add_subplot()


def _slug(name: str) -> str:
    return _SLUG.sub("_", name.lower().removesuffix(".png")).strip("_")


def save_figure(fig: Figure, name: str, *, prefix: str | int, directory: str | Path | None = None,
                dpi: int = DPI) -> Path:
    """Write ``fig`` as PNG to ``figures/<prefix>_<name>.png`` and return the path (prefix 3 → ``03_...``)."""
    stem = f"{int(prefix):02d}" if str(prefix).isdigit() else str(prefix)
    out_dir = Path(directory) if directory is not None else config.FIGURES_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{stem}_{_slug(name)}.png"
    fig.savefig(path, dpi=dpi, bbox_inches="tight", facecolor="white")
    return path


def _empty_figure(message: str) -> Figure:
    fig, ax = _figure(6, 1.6)
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#555555")
    return fig


def _lower(frame: pd.DataFrame) -> pd.Series:
    if "is_lower_bound" in frame.columns:
        return frame["is_lower_bound"].fillna(False).astype(bool)
    return frame.get("qualifier", pd.Series("exact", index=frame.index)).isin(LOWER_BOUND_QUALIFIERS)


def _short_date(iso: object) -> str:
    """A date for a label ("23/2/2022"); "no date" where the figure has none, so no label hides a missing date."""
    day = pd.to_datetime(iso, errors="coerce")
    return "no date" if pd.isna(day) else format_date(day.date(), short=True)


def _period_words(period: str) -> str:
    """The English words of a period kind for a title ("in all", "in one day"); blank for "unknown"."""
    words = PERIOD_LABELS["en"].get(period, "")
    return "" if "{" in words else words


def _lower_bound_handles() -> list:
    return [Patch(facecolor="white", edgecolor=METRIC_COLOURS["confirmed"], hatch="///", label=LOWER_BOUND_LABEL)]


# --------------------------------------------------------------------------- bars by province

def _metric_rows(table: pd.DataFrame, metric: str, period: str | None = None) -> pd.DataFrame:
    """Rows of one metric (and one period kind, totals only, where the table says) with a positive value."""
    keep = (table["metric"] == metric) & pd.to_numeric(table["value"], errors="coerce").gt(0)
    if period is not None and "period" in table.columns:
        keep &= table["period"] == period
    if "detail" in table.columns:
        keep &= table["detail"].isna()
    rows = table[keep].copy()
    rows["value"] = pd.to_numeric(rows["value"]).astype(float)
    rows["lower"] = _lower(rows)
    return rows


@_styled
def plot_confirmed_by_province(table: pd.DataFrame, *, metric: str = "confirmed", period: str = "cumulative",
                               top: int | None = 30) -> Figure:
    """Return log-scale bars of each province's latest figure of one metric and period kind, each with its date.

    Lower bounds are hatched, with "≥" and an arrow.
    """
    rows = _metric_rows(table, metric, period).sort_values("value", ascending=False).head(top).iloc[::-1]
    if rows.empty:
        return _empty_figure(f"No province reported a {METRIC_LABELS.get(metric, metric)} figure.")
    colour = METRIC_COLOURS.get(metric, "#3b6ea8")
    fig, ax = _figure(8, 2.0 + 0.38 * len(rows))
    y = np.arange(len(rows))
    exact = ~rows["lower"].to_numpy()
    ax.barh(y[exact], rows["value"].to_numpy()[exact], color=colour, height=0.65, label="as reported")
    ax.barh(y[~exact], rows["value"].to_numpy()[~exact], color="white", edgecolor=colour, hatch="///",
            height=0.65, label=LOWER_BOUND_LABEL)
    ax.set_xscale("log")
    right = rows["value"].max() * 12
    ax.set_xlim(max(rows["value"].min() / 3, 0.5), right)
    for yi, row in zip(y, rows.itertuples()):
        label = f"{format_count(row.value, 'more_than' if row.lower else 'exact')}   {_short_date(row.as_of)}"
        if row.lower:
            ax.annotate("", xy=(row.value * 2.2, yi), xytext=(row.value, yi),
                        arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.4})
        ax.text(row.value * (2.6 if row.lower else 1.15), yi, label, va="center", fontsize=9, color="#333333")
    ax.set_yticks(y, rows["province"])
    ax.set_xlabel(f"{METRIC_LABELS.get(metric, metric)} (log scale)")
    ax.set_title(f"Latest {METRIC_LABELS.get(metric, metric)} figure per province ({_period_words(period)}), "
                 "with its date")
    ax.grid(axis="y", visible=False)
    if (~exact).any():
        ax.legend(loc="lower right", frameon=True, facecolor="white", edgecolor="white", framealpha=0.9)
    fig.tight_layout()
    return fig


_OUTCOME_METRICS = ("confirmed", "recovered", "active", "deaths")


@_styled
def plot_outcomes(table: pd.DataFrame, *, metrics: Iterable[str] = _OUTCOME_METRICS, window_days: int = 0,
                  top: int | None = 20) -> Figure:
    """Return grouped log-scale bars: a province's confirmed figure beside its outcomes of the same date window.

    ``table`` is :func:`covidlib.analysis.compare.province_metric_table`; the pairing is
    :func:`covidlib.analysis.compare.outcomes_beside_confirmed` (an outcome dated outside
    ``window_days`` of the confirmed figure is left out). Each bar is labelled with its value and date.
    """
    rows = outcomes_beside_confirmed(table, window_days=window_days,
                                     outcomes=tuple(m for m in metrics if m != "confirmed"))
    rows["value"] = pd.to_numeric(rows["value"], errors="coerce").astype(float)
    rows = rows[rows["value"] > 0]
    metrics = [m for m in metrics if m in set(rows["metric"])]
    outcome = rows[rows["metric"] != "confirmed"]
    provinces = list(dict.fromkeys(outcome.sort_values("value", ascending=False)["province"]))
    if not provinces:
        return _empty_figure("No province reported deaths or recoveries dated with its confirmed figure.")
    provinces = provinces[:top] if top else provinces
    rows = rows[rows["province"].isin(provinces)].copy()
    order = rows.groupby("province")["value"].max().sort_values(ascending=True).index.tolist()
    rows["lower"] = _lower(rows)
    fig, ax = _figure(9, 1.4 + 0.26 * len(order) * len(metrics))
    height = 0.84 / len(metrics)
    for k, metric in enumerate(metrics):
        sub = rows[rows["metric"] == metric].drop_duplicates("province").set_index("province").reindex(order)
        ys = np.arange(len(order)) + (len(metrics) - 1 - 2 * k) * height / 2
        known = sub["value"].notna().to_numpy()
        colour = METRIC_COLOURS[metric]
        for yv, row in zip(ys[known], sub[known].itertuples()):
            style = ({"color": "white", "edgecolor": colour, "hatch": "///"} if bool(row.lower)
                     else {"color": colour})
            ax.barh(yv, row.value, height=height * 0.9, **style)
            ax.text(row.value * 1.12, yv, f"{format_count(row.value, row.qualifier)}  {_short_date(row.as_of)}",
                    va="center", fontsize=7.5, color="#333333")
    ax.set_xscale("log")
    ax.set_xlim(0.8, rows["value"].max() * 40)
    ax.set_yticks(np.arange(len(order)), order)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("people (log scale)")
    window = "the same day" if window_days == 0 else f"within {window_days} days"
    ax.set_title(f"Outcomes beside confirmed cases (in all), dated {window} per province")
    handles = [Patch(color=METRIC_COLOURS[m], label=METRIC_LABELS[m]) for m in metrics]
    if rows["lower"].any():
        handles += _lower_bound_handles()
    ax.legend(handles=handles, loc="lower right")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- over time

@_styled
def plot_over_time(case_counts: pd.DataFrame, *, metric: str = "confirmed", period: str = "cumulative",
                   top: int = 8) -> Figure:
    """Return each province's reported figures of one metric and period kind by as_of date (log scale), lower bounds open.

    Only figures about a province as a whole (scope ``province``), and no stated parts or ``detail`` breakdowns.
    """
    rows = province_figures(case_counts)
    rows = rows[(rows["metric"] == metric) & (rows["period"] == period) & rows["detail"].isna()].copy()
    rows["day"] = pd.to_datetime(rows["as_of"].astype("string").str.slice(0, 10), errors="coerce")
    rows["value"] = pd.to_numeric(rows["value"], errors="coerce").astype(float)
    rows = rows[rows["day"].notna() & (rows["value"] > 0)]
    if rows.empty:
        return _empty_figure(f"No dated province {METRIC_LABELS.get(metric, metric)} figures "
                             f"({_period_words(period)}).")
    rows["lower"] = _lower(rows)
    # One point per province and day: the day's largest figure (the total, not a breakdown).
    rows = rows.sort_values("value").groupby(["province", "day"]).tail(1).sort_values("day")
    keep = rows.groupby("province")["value"].max().sort_values(ascending=False).head(top).index
    palette = dict(zip(keep, sns.color_palette("tab10", n_colors=max(len(keep), 1))))
    fig, ax = _figure(9, 5)
    for province in keep:
        sub = rows[rows["province"] == province]
        colour = palette[province]
        ax.plot(sub["day"], sub["value"], "-", color=colour, lw=1.5, alpha=0.8, label=province)
        ax.plot(sub.loc[~sub["lower"], "day"], sub.loc[~sub["lower"], "value"], "o", color=colour, ms=6)
        ax.plot(sub.loc[sub["lower"], "day"], sub.loc[sub["lower"], "value"], "^", mfc="white", mec=colour,
                mew=1.6, ms=8)
    ax.set_yscale("log")
    ax.set_ylabel(f"{METRIC_LABELS.get(metric, metric)} (log scale)")
    ax.set_title(f"Reported {METRIC_LABELS.get(metric, metric)} figures ({_period_words(period)}) by date, "
                 "per province")
    fig.autofmt_xdate()
    extra = [Line2D([], [], marker="o", color="#555555", lw=0, label="as reported"),
             Line2D([], [], marker="^", mfc="white", mec="#555555", lw=0, ms=8, label=LOWER_BOUND_LABEL)]
    handles, _ = ax.get_legend_handles_labels()
    ax.legend(handles=handles + extra, loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- map

def _rings_path(geometry: dict) -> MplPath:
    """One compound path for a (Multi)Polygon: every ring closed, holes included (even-odd fill)."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    vertices, codes = [], []
    for polygon in polygons:
        for ring in polygon:
            ring = np.asarray(ring, dtype=float)[:, :2]
            vertices.append(np.vstack([ring, ring[:1]]))
            codes.append([MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 1) + [MplPath.CLOSEPOLY])
    return MplPath(np.concatenate(vertices), np.concatenate(codes))


@_styled
def plot_choropleth(table: pd.DataFrame, geojson_path: str | Path | None = None, *, metric: str = "confirmed",
                    period: str = "cumulative", days: int = 31, column: str = "per_100k",
                    cmap: str = "YlOrRd") -> Figure:
    """Return a map of the 63 provinces coloured by ``column`` (confirmed per 100,000); no figure: hatched grey.

    Only figures of one metric and period kind dated within the ``days`` days that end on
    the latest one are coloured (:func:`covidlib.analysis.compare.map_window`); the title
    states that window and how many provinces have a figure in it.
    """
    geo = province_boundaries(geojson_path)
    window, info = map_window(table, metric=metric, period=period, days=days)
    rows = window.drop_duplicates("province").set_index("province")
    values = pd.to_numeric(rows[column], errors="coerce").astype(float) if len(rows) else pd.Series(dtype=float)
    lower = _lower(rows.reset_index()).set_axis(rows.index) if len(rows) else pd.Series(dtype=bool)
    positive = values[values > 0]
    norm = LogNorm(vmin=positive.min(), vmax=max(positive.max(), positive.min() * 10)) if len(positive) else None
    colours = mpl.colormaps[cmap]
    fig, ax = _figure(7.2, 7.6)
    for feature in geo["features"]:
        name = feature["properties"]["name"]
        value = values.get(name, np.nan)
        has = norm is not None and pd.notna(value) and value > 0
        patch = PathPatch(_rings_path(feature["geometry"]), facecolor=colours(norm(value)) if has else MISSING_COLOUR,
                          edgecolor="white" if has else "#c8c8c8", linewidth=0.4,
                          hatch=("...." if bool(lower.get(name, False)) else None) if has else "////")
        patch.set_gid(name)
        ax.add_patch(patch)
    ax.autoscale_view()
    ax.set_aspect(1 / np.cos(np.radians(16)))
    ax.set_axis_off()
    label = METRIC_LABELS.get(metric, metric)
    if info["end"]:
        dates = f"{_short_date(info['start'])}–{_short_date(info['end'])}"
        older = f"; {info['n_left_out']} with only older figures left grey" if info["n_left_out"] else ""
        ax.set_title(f"{label.capitalize()} ({_period_words(period)}) per 100,000 people, figures dated {dates}\n"
                     f"{info['n_provinces']} of {info['n_units']} provinces have a figure in this window{older}",
                     fontsize=11)
    else:
        ax.set_title(f"{label.capitalize()} per 100,000 people: no dated figure to map")
    handles = [Patch(facecolor=MISSING_COLOUR, edgecolor="#c8c8c8", hatch="////", label="no figure in the articles")]
    if bool(lower.any()):
        handles.append(Patch(facecolor="#e34a33", edgecolor="white", hatch="....", label=LOWER_BOUND_LABEL))
    ax.legend(handles=handles, loc="lower right")
    if norm is not None:
        cax = ax.inset_axes((0.80, 0.50, 0.035, 0.42))
        bar = fig.colorbar(ScalarMappable(norm=norm, cmap=colours), cax=cax)
        bar.set_label(f"{label} per 100,000 (log scale)", fontsize=9)
        bar.outline.set_visible(False)
    fig.text(0.02, 0.02, "Population: 2019 census. Boundaries: geoBoundaries.org (VNM ADM1).", fontsize=7,
             color="#777777")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- official check

@_styled
def plot_official_comparison(comparison: pd.DataFrame, *, tolerance: float = 0.05) -> Figure:
    """Return one line per compared figure: the article's value beside the official one (log scale), coloured."""
    rows = comparison[comparison["status"] == "compared"].copy() if "status" in comparison else comparison.copy()
    rows = rows[pd.to_numeric(rows["official_value"], errors="coerce").notna()]
    if rows.empty:
        return _empty_figure("No figure could be compared with the official series.")
    rows["value"] = pd.to_numeric(rows["value"]).astype(float)
    rows["official_value"] = pd.to_numeric(rows["official_value"]).astype(float)
    rows = rows.sort_values(["metric", "value"]).reset_index(drop=True)
    rows["lower"] = _lower(rows)
    fig, ax = _figure(10, 1.8 + 0.36 * len(rows))
    floor = 0.7
    column = blended_transform_factory(ax.transAxes, ax.transData)
    for yi, row in rows.iterrows():
        good = bool(row["agrees"]) if pd.notna(row["agrees"]) else False
        colour = "#2f7d4f" if good else "#c0392b"
        value, official = max(row["value"], floor), max(row["official_value"], floor)
        ax.plot([value, official], [yi, yi], "-", color="#c8c8c8", lw=2.5, zorder=1)
        ax.plot(official, yi, "|", color=OFFICIAL_COLOUR, ms=15, mew=2.2, zorder=2)
        marker = {"marker": ">", "mfc": "white", "mew": 1.8} if row["lower"] else {"marker": "o"}
        ax.plot(value, yi, ls="", color=colour, mec=colour, ms=8, zorder=3, **marker)
        diff = "" if pd.isna(row["difference_pct"]) else f"{row['difference_pct']:+.1f}%"
        ax.text(1.02, yi, diff, transform=column, va="center", fontsize=8.5, color=colour)
        ax.text(1.14, yi, f"{format_count(row['value'], row['qualifier'])} vs {format_count(row['official_value'])}",
                transform=column, va="center", fontsize=8.5)
    labels = [f"{r.province} · {METRIC_LABELS.get(r.metric, r.metric)} · {_short_date(r.as_of)}"
              for r in rows.itertuples()]
    ax.set_yticks(range(len(rows)), labels)
    ax.set_xscale("log")
    top = max(rows["value"].max(), rows["official_value"].max())
    ax.set_xlim(floor * 0.8, top * 3)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("cases (log scale)")
    ax.set_title("Article figures against the official series")
    ax.text(1.14, len(rows) - 0.3, "article vs official", transform=column, va="bottom", fontsize=8.5,
            color="#555555")
    agree = f"agrees (±{tolerance:.0%}, or the bound holds)"
    handles = [Line2D([], [], marker="o", color="#2f7d4f", lw=0, label=agree),
               Line2D([], [], marker="o", color="#c0392b", lw=0, label="disagrees"),
               Line2D([], [], marker=">", mfc="white", mec="#555555", lw=0, ms=8, label=LOWER_BOUND_LABEL),
               Line2D([], [], marker="|", color=OFFICIAL_COLOUR, lw=0, ms=12, mew=2,
                      label="official (NCSC / VnExpress)")]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.9 / (1.8 + 0.36 * len(rows))), ncol=2)
    fig.tight_layout()
    return fig


@_styled
def plot_measures(table: pd.DataFrame, *, labels: dict[str, str] | None = None) -> Figure:
    """Return a heat map of a province x measure table (articles covering each measure, per province)."""
    if table.empty:
        return _empty_figure("No prevention measures were found in the articles.")
    shown = table.rename(columns=labels or {})
    fig, ax = _figure(1.6 + 0.55 * shown.shape[1], 1.6 + 0.42 * shown.shape[0])
    sns.heatmap(shown, ax=ax, annot=True, fmt="d", cmap="Greens", cbar=False, linewidths=0.5, linecolor="white")
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title("Prevention measures discussed, by province (number of articles)")
    ax.tick_params(axis="x", rotation=40)
    for label in ax.get_xticklabels():
        label.set_horizontalalignment("right")
    fig.tight_layout()
    return fig

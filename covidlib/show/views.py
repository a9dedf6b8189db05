"""HTML views for notebooks and reports: cleaning side by side, and facts highlighted by type.

Every piece of article text is HTML-escaped before it is shown, so a page that
contains ``<script>`` or markup shows it as text.
"""
from __future__ import annotations

import html
import numbers
import os
import re
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from .. import config
from ..document import Article, Span
from ..write.formatting import format_cell, is_missing

__all__ = ["FACT_COLOURS", "highlight_html", "cleaning_html", "facts_html", "fact_spans", "furniture_table",
           "setup_display", "narratives_html", "paragraphs_html", "Table", "table_html", "csv_link", "MAX_TABLE_ROWS", "map_note"]

FACT_COLOURS: dict[str, str] = {
    "province": "#9ecae1",
    "district": "#c6dbef",
    "official": "#fdd0a2",
    "case_count": "#fc9272",
    "measure": "#c7e9c0",
    "date": "#dadaeb",
}
_FURNITURE_COLOUR = "#f0f0f0"

_STYLE = """
<style>
.cl-box{font-family:sans-serif;line-height:1.7;white-space:pre-wrap;border:1px solid #ddd;padding:.6em;
        max-height:32em;overflow:auto;font-size:.92em}
.cl-cols{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.cl-mark{padding:.1em .25em;border-radius:.3em}
.cl-mark .cl-lab{font-size:.7em;font-weight:bold;margin-left:.3em;text-transform:uppercase;opacity:.75}
.cl-removed{background:#f3f3f3;color:#999;text-decoration:line-through}
.cl-legend span{display:inline-block;margin-right:.8em;padding:0 .4em;border-radius:.3em}
</style>
"""


def highlight_html(text: str, spans: Iterable[Span], *, colours: Mapping[str, str] = FACT_COLOURS,
                   show_labels: bool = True, css_class: str = "cl-mark") -> str:
    """Return ``text`` as escaped HTML with non-overlapping ``spans`` wrapped in coloured marks.

    >>> highlight_html("<b>An Giang</b>", [Span(3, 11, "province")], show_labels=False)
    '&lt;b&gt;<mark class="cl-mark" style="background:#9ecae1" title="province">An Giang</mark>&lt;/b&gt;'
    """
    parts: list[str] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < cursor or span.end > len(text):
            continue  # overlapping or out of range: the first (longest) span wins
        parts.append(html.escape(text[cursor:span.start]))
        label = html.escape(span.label)
        tip = html.escape(str(span.data.get("tip", span.label)), quote=True)
        inner = html.escape(text[span.start:span.end])
        lab = f'<span class="cl-lab">{html.escape(str(span.data.get("tag", span.label)))}</span>' if show_labels else ""
        colour = colours.get(span.label, "#eeeeee")
        parts.append(f'<mark class="{css_class}" style="background:{colour}" title="{tip}">{inner}{lab}</mark>')
        cursor = span.end
    parts.append(html.escape(text[cursor:]))
    return "".join(parts)


def _legend(labels: Sequence[str], colours: Mapping[str, str]) -> str:
    items = "".join(f'<span style="background:{colours.get(l, "#eee")}">{html.escape(l)}</span>' for l in labels)
    return f'<div class="cl-legend">{items}</div>'


def cleaning_html(article: Article) -> str:
    """Return the page with the removed furniture struck through, beside the cleaned body."""
    removed = [Span(s.start, s.end, "removed", {"tip": f"{s.label}: {s.data.get('reason', '')}", "tag": s.label})
               for s in article.furniture]
    page = highlight_html(article.page, removed, colours={"removed": _FURNITURE_COLOUR}, css_class="cl-mark cl-removed")
    captions = [Span(p.start, p.end, "caption", {"tag": "caption"}) for p in article.paragraphs if p.label == "caption"]
    body = highlight_html(article.body, captions, colours={"caption": "#fff3bf"})
    return (f"{_STYLE}<div class='cl-cols'><div><h4>Page as loaded (removed furniture struck through)</h4>"
            f"<div class='cl-box'>{page}</div></div><div><h4>Cleaned body (captions marked)</h4>"
            f"<div class='cl-box'>{body}</div></div></div>")


def facts_html(article: Article, spans: Iterable[Span], *, title: str | None = None) -> str:
    """Return the article body with its facts highlighted by type (a displaCy-style view)."""
    spans = list(spans)
    labels = sorted({s.label for s in spans})
    heading = f"<h4>{html.escape(title or article.metadata.title or article.article_id)}</h4>"
    return f"{_STYLE}{heading}{_legend(labels, FACT_COLOURS)}<div class='cl-box'>{highlight_html(article.body, spans)}</div>"


def furniture_table(article: Article, *, width: int = 90):
    """Return what cleaning removed from ``article``'s page: kind, reason and the text (shortened)."""
    rows = []
    for span in article.furniture:
        text = " ".join(article.page[span.start:span.end].split())
        rows.append({"kind": span.label, "reason": span.data.get("reason", ""),
                     "text": text if len(text) <= width else text[: width - 1] + "…"})
    return pd.DataFrame(rows, columns=["kind", "reason", "text"])


def fact_spans(article: Article, facts: Mapping[str, object]) -> list[Span]:
    """Return the spans of :func:`covidlib.run.pipeline.article_facts` relabelled for :func:`facts_html`."""
    spans: list[Span] = []
    for span in facts.get("places", []):
        d = span.data
        tip = d.get("province") if span.label == "province" else f"{d.get('district')} ({d.get('province')})"
        spans.append(Span(span.start, span.end, span.label, {"tip": tip}))
    for span in facts.get("officials", []):
        d = span.data
        tip = ", ".join(str(x) for x in (d.get("rank"), d.get("title"), d.get("province")) if x)
        spans.append(Span(span.start, span.end, "official", {"tip": tip or "official"}))
    for span in facts.get("case_counts", []):
        d = span.data
        where = " / ".join(str(x) for x in (d.get("province"), d.get("district")) if x) or "national"
        tip = f"{d.get('metric')} {d.get('qualifier')} {d.get('value')} — {where}, as of {d.get('as_of')}"
        spans.append(Span(span.start, span.end, "case_count", {"tip": tip, "tag": d.get("metric", "count")}))
    return spans


def setup_display(*, max_colwidth: int = 320, max_rows: int = 60) -> None:
    """Set how notebooks show tables: every DataFrame or Series a cell returns is drawn by :func:`table_html`.

    So numbers carry thousands separators, missing values are blanks, and a table is shown
    whole in a scrolling box (pandas options still apply to plain-text output).
    """
    pd.set_option("display.max_colwidth", max_colwidth)
    pd.set_option("display.max_rows", max_rows)
    pd.set_option("display.width", 160)
    try:
        from IPython import get_ipython  # only inside a notebook kernel
    except ImportError:  # pragma: no cover - IPython ships with the notebook extras
        return
    shell = get_ipython()
    if shell is None:
        return
    formatter = shell.display_formatter.formatters["text/html"]
    formatter.for_type(pd.DataFrame, lambda frame: table_html(frame))
    formatter.for_type(pd.Series, lambda series: table_html(series))


# --------------------------------------------------------------------------- tables for readers

#: Rows shown before a table is cut ("first N of M", with a link to the full CSV).
MAX_TABLE_ROWS = 500
#: Columns whose numbers are identifiers or positions, written without thousands separators.
_PLAIN_COLUMNS = re.compile(r"(?:^|_)(?:year|id|code|start|end|offset|record)s?$")
_TABLE_STYLE = """<style>
.cl-table{max-height:36em;overflow:auto;margin:.4em 0 1.2em 0;border:1px solid #e4e4e4}
.cl-table table{border-collapse:collapse;font-size:.9em}
.cl-table caption{caption-side:top;text-align:left;font-weight:bold;padding:.3em .4em}
.cl-table th{position:sticky;top:0;background:#f7f7f7}
.cl-table td,.cl-table th{padding:.2em .6em;border-bottom:1px solid #eee}
.cl-table td.cl-num{text-align:right !important;white-space:nowrap}
.cl-note{font-size:.9em;color:#444}
</style>"""


def csv_link(name: str) -> str:
    """Return the path of ``data/processed/<name>.csv`` relative to the report folder (a link that works offline).

    The report folder is ``$COVIDLIB_REPORTS_OUT`` when a report build sets it, else ``reports/``.
    """
    reports = Path(os.environ.get("COVIDLIB_REPORTS_OUT") or config.REPORTS_DIR)
    return Path(os.path.relpath(config.PROCESSED_DIR / f"{name}.csv", reports)).as_posix()


def _is_number(value: object) -> bool:
    """True for a number cell (right-aligned); booleans are words, not numbers."""
    return isinstance(value, numbers.Number) and not isinstance(value, (bool, np.bool_)) and not is_missing(value)


def table_html(frame: pd.DataFrame | pd.Series, *, caption: str | None = None, csv: str | None = None,
               max_rows: int = MAX_TABLE_ROWS, empty: str | None = None, lang: str = "en") -> str:
    """Return a table for readers: caption, numbers separated and right-aligned, blanks for missing values.

    The table is shown whole in a scrolling box; beyond ``max_rows`` rows it says
    "first N of M rows" and links the full CSV (``csv`` names a table of ``data/processed``).
    An empty table is a sentence (``empty``, else "None found."). ``caption``, ``csv`` and
    ``empty`` default to ``frame.attrs`` entries of those names.
    """
    if isinstance(frame, pd.Series):
        frame = frame.to_frame(name=frame.name if frame.name is not None else "value")
    caption = caption if caption is not None else frame.attrs.get("caption")
    csv = csv if csv is not None else frame.attrs.get("csv")
    empty = empty if empty is not None else frame.attrs.get("empty", "None found.")
    head = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    if frame.empty:
        lead = f"<strong>{html.escape(caption)}:</strong> " if caption else ""
        return f'<p class="cl-note cl-empty">{lead}{html.escape(empty)}</p>'
    shown = frame.iloc[:max_rows]
    show_index = not isinstance(frame.index, pd.RangeIndex)
    columns = ([str(n) for n in frame.index.names] if show_index else []) + [str(c) for c in frame.columns]
    header = "".join(f"<th>{html.escape(c.replace('_', ' ') if c != 'None' else '')}</th>" for c in columns)
    body = []
    for index, row in zip(shown.index, shown.itertuples(index=False, name=None)):
        keys = (index if isinstance(index, tuple) else (index,)) if show_index else ()
        cells = []
        for name, value in zip(columns, (*keys, *row)):
            text = format_cell(value, lang=lang, grouped=not _PLAIN_COLUMNS.search(name))
            css = ' class="cl-num"' if _is_number(value) else ""
            cells.append(f"<td{css}>{html.escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    note = ""
    if len(frame) > len(shown):
        link = f' The full table is <a href="{html.escape(csv_link(csv))}">{html.escape(csv)}.csv</a>.' if csv else ""
        note = f'<p class="cl-note">First {len(shown):,} of {len(frame):,} rows.{link}</p>'
    return (f'{_TABLE_STYLE}<div class="cl-table"><table>{head}<thead><tr>{header}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>{note}')


class Table:
    """A table a notebook cell returns, drawn by :func:`table_html` with its caption (and CSV link when cut)."""

    def __init__(self, frame: pd.DataFrame | pd.Series, caption: str, *, csv: str | None = None,
                 empty: str | None = None, max_rows: int = MAX_TABLE_ROWS) -> None:
        self.frame, self.caption, self.csv, self.empty, self.max_rows = frame, caption, csv, empty, max_rows

    def _repr_html_(self) -> str:
        return table_html(self.frame, caption=self.caption, csv=self.csv, empty=self.empty, max_rows=self.max_rows)


def narratives_html(rows: Iterable[Mapping[str, object]]) -> str:
    """Return each article's title with its Vietnamese and English narratives, as escaped HTML."""
    parts = []
    for row in rows:
        title = html.escape(str(row.get("title") or row.get("article_id")))
        vi, en = (html.escape(str(row.get(key) or "")) for key in ("narrative_vi", "narrative_en"))
        parts.append(f"<h4>{title}</h4><p><em>Tiếng Việt:</em> {vi}</p><p><em>English:</em> {en}</p>")
    return "".join(parts)


def paragraphs_html(*texts: str) -> str:
    """Return plain texts as escaped HTML paragraphs separated by a rule."""
    return "<hr>".join(f"<p>{html.escape(t)}</p>" for t in texts)


def map_note(info: Mapping[str, object]) -> str:
    """Say in words what a map shows (from :func:`covidlib.analysis.compare.map_window`): its window and its coverage."""
    if not info.get("end"):
        return "No dated figure to map: every province is left grey."
    older = info.get("n_left_out") or 0
    rest = (f" {older} more province{'s' if older != 1 else ''} reported only older figures, left grey rather than "
            "coloured beside newer ones." if older else "")
    return (f"The map colours {info['n_provinces']} of {info['n_units']} provinces: those with a {info['metric']} "
            f"figure ({info['period']}) dated from {info['start']} to {info['end']}.{rest}")

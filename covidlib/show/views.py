"""HTML views for notebooks and reports: cleaning side by side, and facts highlighted by type.

Every piece of article text is HTML-escaped before it is shown, so a page that
contains ``<script>`` or markup shows it as text.
"""
from __future__ import annotations

import html
from typing import Iterable, Mapping, Sequence

import pandas as pd

from ..document import Article, Span

__all__ = ["FACT_COLOURS", "highlight_html", "cleaning_html", "facts_html", "fact_spans", "furniture_table", "setup_display", "narratives_html", "paragraphs_html"]

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
    """Set pandas display options for reading Vietnamese sentences in tables (notebooks call this first)."""
    pd.set_option("display.max_colwidth", max_colwidth)
    pd.set_option("display.max_rows", max_rows)
    pd.set_option("display.width", 160)


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

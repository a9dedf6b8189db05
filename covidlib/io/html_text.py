"""HTML to text: BeautifulSoup with lxml, one line per block element, the title and meta tags as hints."""
from __future__ import annotations

import re
from typing import Any, Iterator

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from ..normalize import collapse_spaces, normalize_page
from .decode import repair_mojibake, _SAMPLE_BYTES

__all__ = ["html_to_text"]


# --- HTML --------------------------------------------------------------------

_DROP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "select", "nav", "head"}
)
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "legend", "li", "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "tfoot", "thead", "tr", "ul",
})
_TEXT_TYPES = (NavigableString, CData)  # not comments, doctypes or processing instructions
_END_BLOCK, _END_PRE, _END_CELL = object(), object(), object()
_BLOCK_MARK = "\ufdd0"  # Unicode noncharacters: never in real text, removed from input first
_LINE_MARK = "\ufdd1"
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_META_FIELDS = {
    "og:title": "og_title",
    "twitter:title": "og_title",
    "article:published_time": "published",
    "og:article:published_time": "published",
    "datepublished": "published",
    "pubdate": "published",
    "publishdate": "published",
    "date": "published",
    "dc.date": "published",
    "author": "author",
    "article:author": "author",
    "dc.creator": "author",
    "og:site_name": "site",
    "description": "description",
    "og:description": "description",
    "og:url": "url",
}


def _hint(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value if isinstance(v, (str, int, float)))
    return collapse_spaces(normalize_page(repair_mojibake(str(value))))


def _html_meta(soup: BeautifulSoup) -> dict[str, str]:
    """Return the page's title, first h1 and meta-tag hints (og:title, published, author, site, description, url)."""
    meta: dict[str, str] = {}
    if soup.title and soup.title.get_text(strip=True):
        meta["title"] = _hint(soup.title.get_text())
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        meta["h1"] = _hint(h1.get_text(" "))
    for tag in soup.find_all("meta"):
        key = str(tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        name, content = _META_FIELDS.get(key), tag.get("content")
        if name and content and str(content).strip() and name not in meta:
            meta[name] = _hint(content)
    canonical = soup.find("link", rel="canonical")
    if "url" not in meta and canonical and canonical.get("href"):
        meta["url"] = _hint(canonical["href"])
    time_tag = soup.find("time", datetime=True)
    if "published" not in meta and time_tag:
        meta["published"] = _hint(time_tag["datetime"])
    return meta


def _text_pieces(soup: BeautifulSoup) -> Iterator[str]:
    """Yield the visible strings of ``soup`` in order, with block and line marks; one pass, no recursion."""
    stack: list[Any] = [soup]
    in_pre = 0
    while stack:
        node = stack.pop()
        if node is _END_BLOCK or node is _END_PRE:
            in_pre -= node is _END_PRE
            yield _BLOCK_MARK
        elif node is _END_CELL:
            yield " "
        elif isinstance(node, Tag):
            if node.name in _DROP_TAGS:
                continue
            if node.name == "br":
                yield _LINE_MARK
                continue
            if node.name in _BLOCK_TAGS:
                in_pre += node.name == "pre"
                yield _BLOCK_MARK
                stack.append(_END_PRE if node.name == "pre" else _END_BLOCK)
            elif node.name in ("td", "th"):
                stack.append(_END_CELL)
            stack.extend(reversed(node.contents))
        elif type(node) in _TEXT_TYPES:
            yield node.replace("\n", _LINE_MARK) if in_pre else str(node)


def html_to_text(markup: str) -> tuple[str, dict[str, str]]:
    """Return the visible text of an HTML page, one block per line (blank line between blocks), and its meta hints.

    >>> html_to_text("<p>Hà Nội</p><script>x()</script><p>thêm 12 ca</p>")[0]
    'Hà Nội\\n\\nthêm 12 ca'
    """
    markup = markup.replace(_BLOCK_MARK, "").replace(_LINE_MARK, "")
    soup = BeautifulSoup(markup, "lxml")
    meta = _html_meta(soup)
    blocks = []
    for block in "".join(_text_pieces(soup)).split(_BLOCK_MARK):
        lines = [_HTML_SPACE.sub(" ", line).strip() for line in block.split(_LINE_MARK)]
        lines = [line for line in lines if line]
        if lines:
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks), meta


def _looks_like_html(text: str) -> bool:
    """Return True if ``text`` starts like an HTML document."""
    head = text[:1024].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    return head.startswith("<") and "<body" in text[:_SAMPLE_BYTES].lower()


def _looks_like_markup(text: str) -> bool:
    """Return True for an HTML document or fragment ("<p>Hà Nội ...</p>") stored in a JSON field."""
    head = text[:_SAMPLE_BYTES].lstrip().lower()
    return _looks_like_html(head) or (head.startswith("<") and any(tag in head for tag in ("</p>", "</div>", "<br")))

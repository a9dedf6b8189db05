"""JSON records: the text and hint fields of a record, a streamed JSON list, and JSON lines read within a size limit."""
from __future__ import annotations

import codecs
import json
from typing import IO, Any, Iterator

from .decode import decode_bytes, Decoded
from .html_text import _hint

__all__: list[str] = []  # helpers of the loader (covidlib.io.load)


_JSON_CHUNK = 1 << 16

# --- JSON records --------------------------------------------------------------

_TEXT_KEYS = ("text", "content", "body", "noi_dung", "noidung", "article", "full_text", "fulltext", "html", "raw_html")
_HTML_KEYS = frozenset({"html", "raw_html"})
_HINT_KEYS = {
    "title": ("title", "tieu_de", "headline"),
    "published": (
        "published", "date", "published_at", "publish_date", "pubdate", "datetime", "time", "ngay", "created_at"
    ),
    "author": ("author", "authors", "tac_gia", "byline"),
    "url": ("url", "link", "source_url", "href"),
    "site": ("site", "site_name", "source", "domain"),
}


def _record_text(obj: dict[str, Any]) -> tuple[str, str | None, dict[str, str]]:
    """Return (key used, its text or None, hints) for a JSON record; an ``article`` object is looked into."""
    fields = {str(k).lower(): v for k, v in obj.items()}
    nested = fields.get("article")
    if isinstance(nested, dict):
        key, text, hints = _record_text(nested)
        return key, text, {**hints, **_record_hints(fields)}
    for key in _TEXT_KEYS:
        value = fields.get(key)
        if isinstance(value, str):
            return key, value, _record_hints(fields)
    return "", None, _record_hints(fields)


def _record_hints(fields: dict[str, Any]) -> dict[str, str]:
    hints = {}
    for name, keys in _HINT_KEYS.items():
        for key in keys:
            value = fields.get(key)
            if value not in (None, "", []) and not isinstance(value, dict):
                hints[name] = _hint(value)
                break
    return hints


def _records_inside(obj: Any) -> list[Any] | None:
    """Return the list of records a wrapper object holds ({"articles": [...]}), if it has no text of its own."""
    if not isinstance(obj, dict) or _record_text(obj)[1] is not None:
        return None
    for value in obj.values():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            return value
    return None


class _JSONArrayReader:
    """Stream the items of a JSON list from a text file, holding one item at a time."""

    def __init__(self, handle: IO[str], *, max_chars: int) -> None:
        self._handle, self._max_chars = handle, max_chars
        self._buf, self._pos, self._eof = "", 0, False
        self._decoder = json.JSONDecoder()

    def _more(self) -> bool:
        if self._eof:
            return False
        chunk = self._handle.read(max(_JSON_CHUNK, len(self._buf) - self._pos))
        self._buf, self._pos = self._buf[self._pos :] + chunk, 0
        self._eof = not chunk
        return bool(chunk)

    def _peek(self) -> str:
        while True:
            while self._pos < len(self._buf) and self._buf[self._pos].isspace():
                self._pos += 1
            if self._pos < len(self._buf) or not self._more():
                return self._buf[self._pos : self._pos + 1]

    def _value(self) -> tuple[Any, int]:
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError as err:
                if len(self._buf) - self._pos > self._max_chars:
                    raise ValueError("item larger than the size limit; the rest of the list is not read") from err
                if self._more():
                    continue
                reason = f"invalid JSON: {err.msg} (the file may be truncated); the rest of the list is not read"
                raise ValueError(reason) from err
            if end == len(self._buf) and self._more():
                continue
            size = len(self._buf[self._pos : end].encode("utf-8"))
            self._pos = end
            return value, size

    def items(self) -> Iterator[tuple[int, Any, int, str | None]]:
        """Yield (item number from 1, value, bytes, error); an error ends the list."""
        if self._peek() != "[":
            yield 1, None, 0, "invalid JSON: expected a list"
            return
        self._pos += 1
        if self._peek() == "]":
            return
        number = 0
        while True:
            number += 1
            self._peek()
            try:
                value, size = self._value()
            except ValueError as err:
                yield number, None, 0, str(err)
                return
            yield number, value, size, None
            nxt = self._peek()
            if nxt == ",":
                self._pos += 1
            elif nxt == "]":
                return
            else:
                found = "the end of the file" if not nxt else repr(nxt)
                yield number + 1, None, 0, f"invalid JSON: expected ',' or ']' but found {found} (truncated list?)"
                return


def _read_line(handle: IO[bytes], limit: int) -> tuple[bytes, int]:
    """Return one line (at most ``limit`` bytes kept) and its full length; the rest of a longer line is skipped."""
    line = handle.readline(limit + 1)
    size = len(line)
    if size > limit and not line.endswith(b"\n"):
        while True:
            rest = handle.readline(_JSON_CHUNK)
            size += len(rest)
            if not rest or rest.endswith(b"\n"):
                break
    return line, size


def _utf8_lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, Decoded | None, int]]:
    """Read UTF-8 JSON lines as bytes; a line that is not UTF-8 is decoded on its own."""
    number = 0
    while True:
        line, size = _read_line(handle, limit)
        if not line:
            return
        number += 1
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if not line.strip():
            continue
        if size > limit:
            yield number, None, size
            continue
        try:
            yield number, Decoded(line.decode("utf-8"), "utf-8"), size
        except UnicodeDecodeError:
            yield number, decode_bytes(line), size


def _text_lines(handle: IO[str], encoding: str, limit: int) -> Iterator[tuple[int, Decoded | None, int]]:
    """Read JSON lines from a text stream (UTF-16 and UTF-32 files)."""
    number = 0
    while line := handle.readline(limit + 1):  # never more than the limit in memory, however long the line
        number += 1
        size = len(line.encode(encoding))
        while not line.endswith("\n") and (rest := handle.readline(_JSON_CHUNK)):
            size += len(rest.encode(encoding))  # the rest of a line past the limit is counted, not kept
            line = line if size > limit else line + rest
        if line.strip(" \t\r\n\ufeff"):
            yield number, (Decoded(line.lstrip("\ufeff"), encoding) if size <= limit else None), size

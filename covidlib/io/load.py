"""Load pages of every common kind, with one report row for each file and record.

:func:`iter_pages` walks folders (recursively, sorted by relative path; hidden
folders such as ``.git`` get one "not entered" row) and files, and yields
``(LoadRecord, LoadedPage | None)`` pairs one at a time, never holding the corpus:

* ``.txt`` pages are decoded (:func:`decode_bytes`), repaired
  (:func:`repair_mojibake`) and normalized (:func:`covidlib.normalize.normalize_page`);
* ``.html``/``.htm`` pages go through BeautifulSoup with lxml (:func:`html_to_text`):
  script, style, noscript, template, svg, iframe, select and nav are dropped, each
  block element becomes its own line (blank line between blocks, ``<br>`` a line
  break), and ``<title>``, the first ``<h1>`` and the meta tags become ``meta`` hints;
* ``.jsonl`` files stream line by line (``record`` is the line number, so a broken
  record can be found in an editor); ``.json`` files may hold one object
  (``record`` None), a list (streamed item by item, ``record`` from 1), an object
  wrapping a list of records, or JSON lines. A record's text is its ``text``,
  ``content``, ``body``, ``noi_dung``, ``article`` or ``html`` field; HTML (an
  ``html`` field, or markup in another) goes through the HTML path; ``title``,
  ``date``, ``author``, ``url`` and ``site`` fields become hints;
* a file without an extension is sniffed: HTML if it starts like an HTML
  document, else text (binary ones are skipped as binary). A ``.txt`` file that
  starts like an HTML document is read as HTML too. Other extensions are skipped.

Every input gets a row and one bad input never stops the run. ``ok`` rows carry
notes in ``reason`` (legacy encoding, repaired mojibake, truncation);
``skipped`` means nothing could be wrong with the loader (empty, white space
only, binary, too large, not Vietnamese, duplicate, unknown extension, not a
regular file); ``failed`` means the input could not be read or parsed (OS
errors in plain words, invalid JSON, bytes no encoding decodes).

Decisions: a UTF-8 file cut inside its last character loads ``ok``; the broken
character is dropped and ``reason`` says "truncated". A few invalid bytes inside
an otherwise UTF-8 page become U+FFFD and are counted in ``reason``; a page
where more than 2% of the characters would be U+FFFD fails. ``file`` is the path
relative to the folder it was found under, or the file's name when a file is
given directly.

Names and ids are unique across all inputs of one run: see :mod:`covidlib.io.files`.
"""
from __future__ import annotations

import errno
import gzip
import io
import json
import os
import stat
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

import pandas as pd

from ..normalize import normalize_page
from .ids import page_format, PAGE_SUFFIXES, _plain_id, _record_id, _without_gzip
from .report import DuplicateIndex, fingerprint, LoadedPage, LoadRecord, REPORT_COLUMNS
from .files import input_files, _renamed_note
from .decode import (MAX_REPLACED_SHARE, _SAMPLE_BYTES, Decoded, _bom_codec, _declared_encoding, _language_problem,
                     _sniff_utf16, binary_kind, decode_bytes, repair_mojibake)
from .html_text import html_to_text, _looks_like_html, _looks_like_markup
from .records import _HTML_KEYS, _JSONArrayReader, _record_text, _records_inside, _TEXT_KEYS, _text_lines, _utf8_lines

__all__ = ["DEFAULT_MAX_BYTES", "iter_pages", "iter_file", "load_report"]


DEFAULT_MAX_BYTES = 20_000_000  # the largest page or record read, counted on the bytes it decodes or decompresses to

_GZIP_MAGIC = b"\x1f\x8b"

# --- the loader ----------------------------------------------------------------

Row = tuple[LoadRecord, LoadedPage | None]
_MOJIBAKE_NOTE = "mojibake repaired (UTF-8 that had been read as cp1252/latin-1)"


@dataclass
class _Context:
    max_bytes: int
    duplicates: DuplicateIndex
    base_id: str | None = None  # the unique base id of the file being read


def _row(file: str, record: int | None, status: str, reason: str, n_bytes: int, **kw: Any) -> tuple[LoadRecord, None]:
    return LoadRecord(file, record, status, reason, n_bytes, **kw), None


def _plain_os_error(err: OSError) -> str:
    """Say in plain words why a file could not be read ("cannot read: permission denied")."""
    if isinstance(err, IsADirectoryError) or err.errno == errno.EISDIR:
        return "cannot read: it is a folder, not a file"
    if isinstance(err, FileNotFoundError):
        return "cannot read: no such file (missing, or a broken link)"
    if isinstance(err, PermissionError):
        return "cannot read: permission denied"
    words = (err.strerror or str(err)).lower()
    return f"cannot read: {words}" + (f" (errno {err.errno})" if err.errno else "")


def _too_large(what: str, size: int, limit: int) -> str:
    return f"{what} too large: {size / 1_000_000:.1f} MB (limit {limit / 1_000_000:.1f} MB)"


def _json_error(err: json.JSONDecodeError, *, where: str = "column") -> str:
    place = f"line {err.lineno} column {err.colno}" if where == "line" else f"column {err.colno}"
    return f"invalid JSON: {err.msg} at {place}" + (" (the line may be truncated)" if where == "column" else "")


def _finish(
    file: str,
    record: int | None,
    text: str,
    decoded: Decoded,
    n_bytes: int,
    fmt: str,
    *,
    meta: dict[str, str],
    notes: list[str],
    ctx: _Context,
    empty_reason: str = "only white space",
) -> Row:
    """Normalize a decoded page and decide: white space only, undecodable, not Vietnamese, duplicate, or ok."""
    text = normalize_page(text)
    kw = {"encoding": decoded.encoding, "format": fmt}
    if not text.strip():
        return _row(file, record, "skipped", empty_reason, n_bytes, **kw)
    replaced = text.count("\ufffd")
    if replaced > MAX_REPLACED_SHARE * len(text):
        reason = f"could not decode: {replaced} of {len(text)} characters are invalid bytes in every encoding tried"
        return _row(file, record, "failed", reason, n_bytes, **kw)
    problem = _language_problem(text)
    if problem:
        return _row(file, record, "skipped", problem, n_bytes, **kw)
    first = ctx.duplicates.check(fingerprint(text), _record_id(ctx.base_id, file, record))
    if first:
        return _row(file, record, "skipped", "duplicate", n_bytes, duplicate_of=first, **kw)
    reason = "; ".join(note for note in notes if note)
    page = LoadedPage(file, record, text, decoded.encoding, n_bytes, fmt, meta)
    return LoadRecord(file, record, "ok", reason, n_bytes, decoded.encoding, fmt), page


def _page_from_bytes(file: str, data: bytes, fmt: str, ctx: _Context) -> Row:
    """Load one .txt/.html (or extension-less) page from its bytes."""
    if not data:
        return _row(file, None, "skipped", "empty file", 0, format=fmt or None)
    kind = binary_kind(data)
    if kind:
        return _row(file, None, "skipped", f"binary file, not text ({kind})", len(data), format=fmt or None)
    decoded = decode_bytes(data, declared=_declared_encoding(data) if fmt == "html" else None)
    notes = [decoded.note]
    text = repair_mojibake(decoded.text)
    if text != decoded.text:
        notes.append(_MOJIBAKE_NOTE)
    if fmt != "html" and _looks_like_html(text):
        notes.append("HTML markup in a .txt file; read as HTML" if fmt else "no file extension; HTML markup found")
        fmt = "html"
    elif not fmt:
        notes.append("no file extension; read as text")
        fmt = "txt"
    if fmt == "html":
        text, meta = html_to_text(text)
        return _finish(file, None, text, decoded, len(data), fmt, meta=meta, notes=notes, ctx=ctx,
                       empty_reason="no text in the HTML page")
    return _finish(file, None, text, decoded, len(data), fmt, meta={}, notes=notes, ctx=ctx)


def _page_from_record(file: str, record: int | None, value: Any, n_bytes: int, fmt: str, decoded: Decoded,
                      ctx: _Context) -> Row:
    """Load one JSON record (an object with a text field, or a bare string)."""
    kw = {"encoding": decoded.encoding, "format": fmt}
    if isinstance(value, str):
        key, text, hints = "", value, {}
    elif isinstance(value, dict):
        key, text, hints = _record_text(value)
    else:
        return _row(file, record, "failed", f"not a JSON object but a {type(value).__name__}", n_bytes, **kw)
    if text is None:
        keys = ", ".join(sorted(str(k) for k in value)[:8]) or "none"
        reason = f"no text field (looked for {', '.join(_TEXT_KEYS[:5])}...; found keys: {keys})"
        return _row(file, record, "skipped", reason, n_bytes, **kw)
    if not text:
        return _row(file, record, "skipped", "empty text", n_bytes, **kw)
    notes = [decoded.note]
    repaired = repair_mojibake(text)
    if repaired != text:
        notes.append(_MOJIBAKE_NOTE)
    meta: dict[str, str] = {}
    if key in _HTML_KEYS or _looks_like_markup(repaired):
        repaired, meta = html_to_text(repaired)
        notes.append(f"HTML in field '{key}'")
    if key:
        meta["text_field"] = key
    meta.update(hints)
    return _finish(file, record, repaired, decoded, n_bytes, fmt, meta=meta, notes=notes, ctx=ctx)


# JSON lines: sources of (line number, decoded line or None when too large, size in bytes), blank lines left out.


def _json_line_rows(file: str, lines: Iterable[tuple[int, Decoded | None, int]], ctx: _Context) -> Iterator[Row]:
    """Yield one row per non-blank line of a JSON-lines file; a broken line fails alone."""
    count = 0
    for number, decoded, size in lines:
        count += 1
        if decoded is None:
            yield _row(file, number, "skipped", _too_large("record", size, ctx.max_bytes), size, format="jsonl")
            continue
        try:
            value = json.loads(decoded.text)
        except json.JSONDecodeError as err:
            yield _row(file, number, "failed", _json_error(err), size, encoding=decoded.encoding, format="jsonl")
            continue
        yield _page_from_record(file, number, value, size, "jsonl", decoded, ctx)
    if not count:
        yield _row(file, None, "skipped", "only blank lines", 0, format="jsonl")


def _json_list_rows(file: str, handle: IO[str], encoding: str, ctx: _Context) -> Iterator[Row]:
    """Yield one row per item of a JSON list, streamed; a broken item ends the list with a failed row."""
    decoded = Decoded("", encoding)
    count = 0
    for number, value, size, error in _JSONArrayReader(handle, max_chars=ctx.max_bytes).items():
        count += 1
        if error:
            yield _row(file, number, "failed", error, size, encoding=encoding, format="json")
        else:
            yield _page_from_record(file, number, value, size, "json", decoded, ctx)
    if not count:
        yield _row(file, None, "skipped", "empty list", 0, format="json")


def _json_document_rows(file: str, handle: IO[str], size: int, encoding: str, ctx: _Context) -> Iterator[Row]:
    """Yield the row of a .json file holding one object (or the rows of the list of records it wraps)."""
    if size > ctx.max_bytes:
        reason = _too_large("file", size, ctx.max_bytes) + "; save it as a list or as .jsonl to stream it"
        yield _row(file, None, "skipped", reason, size, format="json")
        return
    decoded = Decoded("", encoding)
    text = handle.read(ctx.max_bytes + 1)  # a small .json.gz may inflate to gigabytes: never read past the limit
    if len(text) > ctx.max_bytes:
        reason = f"decompressed file too large: over {ctx.max_bytes / 1_000_000:.1f} MB (the limit)"
        yield _row(file, None, "skipped", reason, size, format="json")
        return
    try:
        value = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as err:
        yield _row(file, None, "failed", _json_error(err, where="line"), size, encoding=encoding, format="json")
        return
    inner = _records_inside(value)
    if inner is None:
        yield _page_from_record(file, None, value, size, "json", decoded, ctx)
        return
    for number, item in enumerate(inner, 1):
        item_size = len(json.dumps(item, ensure_ascii=False).encode("utf-8"))
        yield _page_from_record(file, number, item, item_size, "json", decoded, ctx)


def _text_encoding(head: bytes) -> str:
    """Return the codec to stream a JSON file with: from its BOM, its NUL pattern, else UTF-8."""
    bom = _bom_codec(head)
    if bom:
        return {"utf-16-le": "utf-16", "utf-16-be": "utf-16", "utf-32-le": "utf-32", "utf-32-be": "utf-32"}.get(
            bom[0], bom[0]
        )
    return _sniff_utf16(head) or "utf-8"


def _is_json_lines(head: str) -> bool:
    """Return True if the first line is a whole JSON object and more lines follow (JSON lines saved as .json)."""
    first, newline, rest = head.lstrip("\ufeff \t\r\n").partition("\n")
    if not newline or not rest.strip() or not first.strip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def _open_maybe_gzip(path: Path) -> IO[bytes]:
    """Open ``path`` for reading bytes, through gzip when it starts with the gzip signature."""
    with open(path, "rb") as probe:
        compressed = probe.read(2) == _GZIP_MAGIC
    return gzip.open(path, "rb") if compressed else open(path, "rb")


def _json_file_rows(path: Path, file: str, size: int, fmt: str, ctx: _Context) -> Iterator[Row]:
    """Yield the rows of a .json/.jsonl file: JSON lines and lists are streamed, a single object is read whole."""
    with _open_maybe_gzip(path) as raw:
        head = raw.read(_SAMPLE_BYTES)
        raw.seek(0)
        if not head:
            yield _row(file, None, "skipped", "empty file", 0, format=fmt)
            return
        kind = binary_kind(head)
        if kind:
            yield _row(file, None, "skipped", f"binary file, not text ({kind})", size, format=fmt)
            return
        encoding = _text_encoding(head)
        head_text = head.decode(encoding, errors="replace")
        lines = fmt == "jsonl" or _is_json_lines(head_text)
        if lines and encoding in ("utf-8", "utf-8-sig"):
            yield from _json_line_rows(file, _utf8_lines(raw, ctx.max_bytes), ctx)
            return
        handle = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        if lines:
            yield from _json_line_rows(file, _text_lines(handle, encoding, ctx.max_bytes), ctx)
        elif head_text.lstrip("\ufeff \t\r\n").startswith("["):
            yield from _json_list_rows(file, handle, encoding, ctx)
        else:
            yield from _json_document_rows(file, handle, size, encoding, ctx)


def _load_path(path: Path, file: str, ctx: _Context) -> Iterator[Row]:
    """Yield the rows of one file, whatever goes wrong with it."""
    fmt = page_format(path.name)
    suffix = Path(_without_gzip(path.name)).suffix.lower()
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    except OSError as err:
        yield _row(file, None, "failed", _plain_os_error(err), 0, format=fmt)
        return
    size = info.st_size
    if not stat.S_ISREG(info.st_mode):
        yield _row(file, None, "skipped", "not a regular file (a pipe, socket or device)", 0, format=fmt)
        return
    if fmt is None:
        yield _row(file, None, "skipped", f"unknown extension '{suffix}' (reads {', '.join(PAGE_SUFFIXES)}, also gzip-compressed as .gz)", size)
        return
    try:
        if fmt in ("json", "jsonl"):
            yield from _json_file_rows(path, file, size, fmt, ctx)
            return
        if size > ctx.max_bytes:
            yield _row(file, None, "skipped", _too_large("file", size, ctx.max_bytes), size, format=fmt or None)
            return
        data = path.read_bytes()
        if data.startswith(_GZIP_MAGIC):  # "x.html.gz", or a page saved with its HTTP gzip encoding
            data = _gunzip(data, ctx.max_bytes)
    except OSError as err:
        yield _row(file, None, "failed", _plain_os_error(err), size, format=fmt or None)
        return
    except _TooLarge as err:
        yield _row(file, None, "skipped", _too_large("decompressed page", err.size, ctx.max_bytes), size, format=fmt or None)
        return
    except (EOFError, zlib.error) as err:
        yield _row(file, None, "failed", f"cannot read: damaged gzip data ({err})", size, format=fmt or None)
        return
    yield _page_from_bytes(file, data, fmt, ctx)


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Return gzip ``data`` decompressed; raise :class:`_TooLarge` past ``max_bytes`` (checked as it inflates)."""
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
        out = handle.read(max_bytes + 1)
    if len(out) > max_bytes:
        raise _TooLarge(len(out))
    return out


def _load_file(path: Path, file: str, base_id: str, ctx: _Context) -> Iterator[Row]:
    """Yield the rows of one file with its base id; an ok row notes in ``reason`` when that is not the plain id."""
    ctx = replace(ctx, base_id=base_id)
    note = _renamed_note(file, base_id)
    for record, page in _load_path(path, file, ctx):
        reason = record.reason
        if note and record.status == "ok":
            reason = f"{reason}; {note}" if reason else note
        if page is not None:
            page.base_id = base_id
        yield replace(record, reason=reason, base_id=base_id), page


def iter_pages(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    duplicates: DuplicateIndex | None = None,
) -> Iterator[tuple[LoadRecord, LoadedPage | None]]:
    """Yield ``(row, page)`` for every file under ``inputs`` and every JSON record, one at a time (``page`` only if ok).

    ``file`` is relative to the folder it was found under, or the file's name for a
    file given directly. ``file`` and ``article_id`` are unique across ``inputs`` and the
    first input keeps the plain ones (see :func:`input_files`): input folders
    ``tuoitre`` and ``vnexpress`` that both hold ``x.txt`` give the files ``x.txt`` and
    ``vnexpress/x.txt``, ids ``x`` and ``vnexpress__x``.
    Pages and records over ``max_bytes`` are skipped; a JSON-lines file of any size
    streams. Pass ``duplicates`` to share one :class:`DuplicateIndex` across calls.
    """
    ctx = _Context(max_bytes=max_bytes, duplicates=duplicates if duplicates is not None else DuplicateIndex())
    for item in input_files(inputs):
        if item.problem is not None:
            yield item.problem, None
        else:
            yield from _load_file(item.path, item.file, item.base_id, ctx)


def iter_file(
    path: str | os.PathLike[str], file: str, *, base_id: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
    duplicates: DuplicateIndex | None = None,
) -> Iterator[tuple[LoadRecord, LoadedPage | None]]:
    """Yield ``(row, page)`` for one input file named ``file`` in the report, as :func:`iter_pages` would.

    ``base_id`` is the file's id from :func:`input_files` (default: the plain id of ``file``).
    """
    ctx = _Context(max_bytes=max_bytes, duplicates=duplicates if duplicates is not None else DuplicateIndex())
    yield from _load_file(Path(path), file, base_id if base_id is not None else _plain_id(file)[0], ctx)


def load_report(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], **kw: Any) -> pd.DataFrame:
    """Return the load report, one row per file or record (columns: :data:`REPORT_COLUMNS`).

    ``file``/``record``/``article_id`` name the input (no two rows share an ``article_id``;
    see :func:`input_files`); ``status`` is ok/skipped/failed and ``reason`` says why in
    plain words; ``bytes`` is its size; ``encoding`` the codec it was read with;
    ``format`` txt/html/json/jsonl; ``duplicate_of`` the article id it repeats.
    """
    rows = [
        {
            "file": rec.file,
            "record": rec.record,
            "article_id": rec.article_id,
            "status": rec.status,
            "reason": rec.reason,
            "bytes": rec.n_bytes,
            "encoding": rec.encoding,
            "format": rec.format,
            "duplicate_of": rec.duplicate_of,
        }
        for rec, _ in iter_pages(inputs, **kw)
    ]
    frame = pd.DataFrame(rows, columns=REPORT_COLUMNS)
    return frame.astype({"record": "Int64", "bytes": "int64"})

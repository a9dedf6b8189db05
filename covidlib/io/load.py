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

Names and ids are unique across all inputs of one run (:func:`input_files` gives
them, in input order, so every engine gets the same): the first input to claim a
name or an id keeps it. A later file whose ``file`` is taken (``x.txt`` in a second
folder ``B``) is shown with its input folder's name in front (``B/x.txt``; for a
file given directly, the folder it is in). A later file whose article id is taken
(``x.txt`` after ``x.html``) gets its extension in the id (``x~txt``), else a number
(``x~2``, ``x~3``...); its ``ok`` row says so in ``reason``.
"""
from __future__ import annotations

import codecs
import errno
import gzip
import hashlib
import io
import json
import os
import re
import stat
import unicodedata
import zlib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import count
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

import charset_normalizer
import pandas as pd
from bs4 import BeautifulSoup, CData, NavigableString, Tag
from bs4.dammit import EncodingDetector

from ..normalize import collapse_spaces, fold, normalize_page

__all__ = [
    "DEFAULT_MAX_BYTES",
    "display_name",
    "LoadedPage",
    "LoadRecord",
    "InputFile",
    "Decoded",
    "DuplicateIndex",
    "PAGE_SUFFIXES",
    "page_format",
    "iter_pages",
    "input_files",
    "iter_file",
    "load_report",
    "article_id_for",
    "fingerprint",
    "decode_bytes",
    "repair_mojibake",
    "html_to_text",
    "binary_kind",
    "REPORT_COLUMNS",
]

PAGE_SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
REPORT_COLUMNS = ["file", "record", "article_id", "status", "reason", "bytes", "encoding", "format", "duplicate_of"]
DEFAULT_MAX_BYTES = 20_000_000  # the largest page or record read, counted on the bytes it decodes or decompresses to
GZIP_SUFFIX = ".gz"  # "bai-viet.html.gz", "bao.jsonl.gz": read through gzip, as the inner extension says
_GZIP_MAGIC = b"\x1f\x8b"


def page_format(name: str) -> str | None:
    """Return the format a file name says ("txt", "html", "json", "jsonl"), "" without an extension, None if unknown.

    A ``.gz`` ending is looked through: "bai.html.gz" is "html".

    >>> page_format("ha-noi.HTML"), page_format("bao.jsonl.gz"), page_format("README"), page_format("a.pdf")
    ('html', 'jsonl', '', None)
    """
    suffix = Path(_without_gzip(name)).suffix.lower()
    return PAGE_SUFFIXES.get(suffix, "" if not suffix else None)


def _without_gzip(name: str) -> str:
    return name[: -len(GZIP_SUFFIX)] if name.lower().endswith(GZIP_SUFFIX) and len(name) > len(GZIP_SUFFIX) else name

MIN_VIETNAMESE_WORD_SHARE = 0.10  # Vietnamese news pages measure 0.47-0.63 (seeds and dev pages)
MAX_REPLACED_SHARE = 0.02
_SAMPLE_BYTES = 1 << 16
_SCORE_CHARS = 200_000
_LANGUAGE_CHARS = 50_000
_JSON_CHUNK = 1 << 16


# --- result types ----------------------------------------------------------


@dataclass
class LoadedPage:
    """One page's display text (normalized, NFC) with where it came from and the hints found beside it."""

    file: str
    record: int | None
    text: str
    encoding: str
    n_bytes: int
    format: str
    meta: dict[str, str] = field(default_factory=dict)
    base_id: str | None = None  # the file's unique article id (before "#record"); None: from ``file``

    @property
    def article_id(self) -> str:
        """Return the page's article id: ``base_id`` (or :func:`article_id_for` of ``file``) plus ``#record``."""
        return _record_id(self.base_id, self.file, self.record)


@dataclass(frozen=True)
class LoadRecord:
    """The report row of one file or record: ``status`` is ``ok``, ``skipped`` or ``failed``, ``reason`` says why."""

    file: str
    record: int | None
    status: str
    reason: str
    n_bytes: int
    encoding: str | None = None
    format: str | None = None
    duplicate_of: str | None = None
    base_id: str | None = None  # the file's unique article id (before "#record"); None: from ``file``

    @property
    def article_id(self) -> str:
        """Return the row's article id: ``base_id`` (or :func:`article_id_for` of ``file``) plus ``#record``."""
        return _record_id(self.base_id, self.file, self.record)


@dataclass(frozen=True)
class InputFile:
    """One input file as listed by :func:`input_files`: its path, report name, problem row and unique base article id.

    Pass ``base_id`` on to :func:`iter_file`.
    """

    path: Path
    file: str
    problem: LoadRecord | None
    base_id: str


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the codec that was used, and a plain-words note (empty when clean)."""

    text: str
    encoding: str
    note: str = ""


class DuplicateIndex:
    """Remember the first article id seen for each key; report later ones as duplicates of it."""

    def __init__(self) -> None:
        self._first: dict[str, str] = {}

    def check(self, key: str, article_id: str) -> str | None:
        """Return the article id that first had ``key``, or ``None`` (and remember ``article_id``) if it is new."""
        first = self._first.setdefault(key, article_id)
        return None if first == article_id else first

    def __contains__(self, key: object) -> bool:
        return key in self._first

    def __len__(self) -> int:
        return len(self._first)


def article_id_for(file: str, record: int | None) -> str:
    """Return the plain id of a report name: the stem of ``file`` with ``/`` as ``__``, plus ``#record`` for records.

    This is the id a file gets unless an earlier input of the same run has it; then
    :func:`input_files` gives the file ``stem~extension`` or ``stem~2``, ``stem~3``...

    >>> article_id_for("2021/tuoitre/ha-noi-them-12-ca.html", None)
    '2021__tuoitre__ha-noi-them-12-ca'
    >>> article_id_for("bao-chi.jsonl", 3)
    'bao-chi#3'
    """
    return _with_record(_plain_id(file)[0], record)


def _plain_id(file: str) -> tuple[str, str]:
    """Return the plain base id of a report name and its extension ("" if none): ("2021__ha-noi", "html")."""
    path = _without_gzip(file.replace("\\", "/").strip("/"))
    head, _, name = path.rpartition("/")
    stem, extension = name.rsplit(".", 1) if "." in name.lstrip(".") else (name, "")
    base = f"{head}/{stem}" if head else stem
    return base.replace("/", "__"), extension


def _with_record(base: str, record: int | None) -> str:
    return base if record is None else f"{base}#{record}"


def _record_id(base_id: str | None, file: str, record: int | None) -> str:
    """Return the article id of a row: its file's ``base_id`` (the plain id of ``file`` if None) plus ``#record``."""
    return _with_record(base_id if base_id is not None else _plain_id(file)[0], record)


def fingerprint(text: str) -> str:
    """Return a hash of ``text`` that ignores case, tone-mark placement and white space ("Hoà" == "HÒA")."""
    digest = hashlib.blake2b(digest_size=16)
    separator = b""
    for line in text.splitlines():  # line by line: the same key as folding the whole text, in less memory
        words = fold(unicodedata.normalize("NFC", line)).split()
        if words:
            digest.update(separator + " ".join(words).encode("utf-8"))
            separator = b" "
    return digest.hexdigest()


# --- Vietnamese letters and scoring -----------------------------------------

_TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_VOWEL_BASES = "aăâeêioôơuưy"


def _vietnamese_letters() -> dict[str, str]:
    """Map every lower-case Vietnamese letter with a diacritic to its base vowel (tone removed)."""
    letters = {"đ": "đ"}
    for base in _VOWEL_BASES:
        for tone in _TONE_MARKS:
            letter = unicodedata.normalize("NFC", base + tone)
            if not letter.isascii():
                letters[letter] = base
    return letters


_VN_BASE = _vietnamese_letters()
_VN_SPECIFIC = frozenset(ch for ch in _VN_BASE if ord(ch) > 0xFF)  # not in Latin-1: ă ơ ư đ ạ ế ...
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH_WORDS = frozenset(
    "the and of to in is for that with on was are by as at from this be have has it an not".split()
)


@lru_cache(maxsize=65536)
def _is_latin_letter(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")


@lru_cache(maxsize=65536)
def _syllable_verdict(word: str) -> int:
    """Return +2 for a well-formed syllable with a letter only Vietnamese uses, +1 with another diacritic,
    -1 for a malformed Latin word, else 0.

    Only one vowel of a syllable carries a mark ("tiến", "quốc"), except the pair ư+ơ ("người").
    """
    lower = word.lower()
    if lower.isascii():
        return 0
    marked: list[int] = []
    for i, ch in enumerate(lower):
        if ch.isascii() or ch == "đ":
            continue
        if ch not in _VN_BASE:
            return -1 if _is_latin_letter(ch) else 0
        marked.append(i)
    well_formed = len(marked) <= 1 or (
        len(marked) == 2
        and marked[1] == marked[0] + 1
        and lower[marked[0]] == "ư"
        and _VN_BASE[lower[marked[1]]] == "ơ"
    )
    if not well_formed:
        return -1
    return 2 if any(ch in _VN_SPECIFIC for ch in lower) else 1


# What cp1252 and latin-1 show for the bytes 0x80-0xBF: inside a word they are debris of a wrong decoding.
_MOJIBAKE_SYMBOLS = "\u0080-\u009f\u00a1-\u00bf" + "".join(
    ch for ch in bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore") if not ch.isalpha()
)
_ODD_RUN = re.compile(rf"(?<=[^\W\d_])[{_MOJIBAKE_SYMBOLS}]+(?=[^\W\d_])")
_C1_CONTROL = re.compile(r"[\u0080-\u009f]")


def _vietnamese_score(text: str) -> int:
    """Return how much ``text`` reads as Vietnamese: good syllables minus malformed words and decoding debris."""
    sample = unicodedata.normalize("NFC", text[:_SCORE_CHARS])
    score = sum(map(_syllable_verdict, _WORD.findall(sample)))
    score -= 2 * len(_ODD_RUN.findall(sample))
    score -= 2 * sample.count("\ufffd")
    score -= len(_C1_CONTROL.findall(sample))
    return score


# --- mojibake (UTF-8 bytes shown as cp1252/latin-1 and saved again) ----------


def _mojibake_char_map() -> dict[str, int]:
    """Map each character a byte can turn into under latin-1, cp1252 or cp1258 back to that byte."""
    chars: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        chars[chr(byte)] = byte
        for codec in ("cp1252", "cp1258"):
            try:
                ch = bytes([byte]).decode(codec)
            except UnicodeDecodeError:
                continue
            if unicodedata.category(ch) != "Mn":
                chars.setdefault(ch, byte)
    return chars


_MOJIBAKE_BYTE = _mojibake_char_map()


def _char_class(lo: int, hi: int, *, extra: str = "") -> str:
    members = sorted({ch for ch, b in _MOJIBAKE_BYTE.items() if lo <= b <= hi} | set(extra))
    return "[" + "".join(re.escape(ch) for ch in members) + "]"


def _mojibake_pattern(*, space_as_nbsp: bool) -> re.Pattern[str]:
    cont = _char_class(0x80, 0xBF, extra=" " if space_as_nbsp else "")
    lead2, lead3, lead4 = _char_class(0xC2, 0xDF), _char_class(0xE0, 0xEF), _char_class(0xF0, 0xF4)
    return re.compile(f"{lead2}{cont}|{lead3}{cont}{{2}}|{lead4}{cont}{{3}}")


_MOJIBAKE = _mojibake_pattern(space_as_nbsp=False)
_MOJIBAKE_SPACE = _mojibake_pattern(space_as_nbsp=True)
_PLAUSIBLE_LETTERS = ((0x0100, 0x024F), (0x1E00, 0x1EFF))  # Latin Extended-A/B, the Vietnamese block


def _plausible_char(ch: str) -> bool:
    """Return True if a repaired character could appear in a Vietnamese page (Latin letter, mark, symbol)."""
    if 0x80 <= ord(ch) <= 0xFF:
        return True  # a Latin-1 character, or a byte of text mangled twice (repaired in the next round)
    category = unicodedata.category(ch)
    if category.startswith("L"):
        return any(lo <= ord(ch) <= hi for lo, hi in _PLAUSIBLE_LETTERS)
    if category == "Mn":
        return 0x0300 <= ord(ch) <= 0x036F
    if category[0] == "N":
        return ord(ch) < 0x2190  # ², ½, ⁰, Ⅳ; not CJK numerals
    return category[0] in "PSZ"


def _fix_sequence(match: re.Match[str]) -> str:
    raw = bytes(0xA0 if ch == " " else _MOJIBAKE_BYTE[ch] for ch in match.group(0))
    try:
        ch = raw.decode("utf-8")
    except UnicodeDecodeError:
        return match.group(0)
    return ch if _plausible_char(ch) else match.group(0)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was read as cp1252/latin-1 and saved again, when the result is clearly better Vietnamese.

    >>> repair_mojibake("Ä\u2018Ã£ cÃ³ 5 ca")
    'đã có 5 ca'
    """
    current = text
    # The outer layer may have lost its NBSP bytes to plain spaces ("vÃ " for "và"); inner layers cannot.
    for pattern in (_MOJIBAKE_SPACE, _MOJIBAKE):  # text mangled twice needs two rounds
        if not _MOJIBAKE.search(current):
            break
        fixed = pattern.sub(_fix_sequence, current)
        if fixed == current or _vietnamese_score(fixed) <= _vietnamese_score(current):
            break
        current = fixed
    return current


# --- decoding ----------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"PK\x03\x04", "zip archive or Office document"),
    (b"%PDF-", "PDF document"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\xd0\xcf\x11\xe0", "old Office document"),
    (b"\x7fELF", "program"),
    (b"SQLite format 3", "SQLite database"),
)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _bom_codec(data: bytes) -> tuple[str, int] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def _sniff_utf16(data: bytes) -> str | None:
    """Return ``utf-16-le``/``utf-16-be`` when NUL bytes sit on one side of each byte pair, as in UTF-16 text."""
    sample = data[: _SAMPLE_BYTES & ~1]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    nul_even = sample[0::2].count(0) / pairs
    nul_odd = sample[1::2].count(0) / pairs
    if nul_odd > 0.3 and nul_even < 0.05:
        codec = "utf-16-le"
    elif nul_even > 0.3 and nul_odd < 0.05:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError as err:
        if err.start < len(sample) - 4:
            return None
        text = sample[: err.start].decode(codec)
    return None if _CONTROL_CHARS.search(text) else codec


def binary_kind(data: bytes) -> str | None:
    """Return what a non-text file looks like ("PNG image", "binary data"), or ``None`` for text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if _bom_codec(data) or _sniff_utf16(data):
        return None
    sample = data[:_SAMPLE_BYTES]
    if not sample:
        return None
    if sample.count(0) > max(1, len(sample) // 1000) or len(_CONTROL_BYTES.findall(sample)) > len(sample) // 50:
        return "binary data"
    return None


def _declared_encoding(data: bytes) -> str | None:
    """Return the charset an HTML page declares in its ``<meta>``, if Python knows it."""
    name = EncodingDetector.find_declared_encoding(data[:_SAMPLE_BYTES], is_html=True)
    return _codec_name(name) if name else None


def _codec_name(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _legacy_candidates(declared: str | None, guesses: list[str]) -> list[str]:
    """Return codecs to try on bytes that are not UTF-8, in the order that wins ties."""
    seen: list[str] = []
    for name in (declared, *guesses, "cp1258", "cp1252", "utf-8"):
        codec = _codec_name(name) if name else None
        if codec and codec not in seen:
            seen.append(codec)
    return seen


def _decode_legacy(data: bytes, declared: str | None) -> Decoded:
    """Pick, among the declared, usual and charset-normalizer codecs, the decoding that reads best as Vietnamese."""
    sample = data[:_SAMPLE_BYTES]
    guesses = [match.encoding for match in charset_normalizer.from_bytes(sample)][:3]
    candidates = _legacy_candidates(declared, guesses)
    # Score on the sample (its last character may be cut, alike for every codec), decode the whole once.
    scores = {codec: _vietnamese_score(sample.decode(codec, errors="replace")[:-1]) for codec in candidates}
    best = max(candidates, key=scores.__getitem__)  # the first candidate wins ties
    if scores[best] <= 0 and guesses:  # no Vietnamese evidence: trust charset-normalizer's own guess
        best = _codec_name(guesses[0]) or best
    text = data.decode(best, errors="replace")
    replaced = text.count("\ufffd")
    if best == "utf-8":
        return Decoded(text, best, f"invalid UTF-8: {replaced} bad byte sequences replaced with U+FFFD")
    note = f"not UTF-8; read as {best}"
    return Decoded(text, best, note + (f"; {replaced} undefined bytes replaced with U+FFFD" if replaced else ""))


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode a page: BOM, strict UTF-8, UTF-16 without BOM, then the legacy codec that reads best as Vietnamese.

    >>> decode_bytes("Hà Nội".encode("utf-8")).encoding
    'utf-8'
    """
    bom = _bom_codec(data)
    if bom:
        codec, skip = bom
        text = data[skip:].decode(codec, errors="replace")
        note = "invalid or truncated bytes replaced" if "\ufffd" in text else ""
        return Decoded(text, codec, note)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and err.end == len(data):
            note = "truncated: the last, incomplete character was dropped"
            return Decoded(data[: err.start].decode("utf-8"), "utf-8", note)
    utf16 = _sniff_utf16(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        return Decoded(text, utf16, "UTF-16 without byte-order mark (detected from NUL bytes)")
    return _decode_legacy(data, declared)


# --- language check ----------------------------------------------------------

_SCRIPT_NAMES = {
    "CJK": "Chinese/Japanese (CJK)",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "CYRILLIC": "Cyrillic (Russian...)",
    "THAI": "Thai",
    "ARABIC": "Arabic",
    "GREEK": "Greek",
    "HEBREW": "Hebrew",
    "KHMER": "Khmer",
    "LAO": "Lao",
}


_LATIN_START = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_VN_SPECIFIC_CASED = frozenset(_VN_SPECIFIC | {c.upper() for c in _VN_SPECIFIC})


@lru_cache(maxsize=65536)
def _script_of(ch: str) -> str:
    if ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF:
        return "LATIN"
    return unicodedata.name(ch, "UNKNOWN").split(" ")[0]


def _language_problem(text: str) -> str | None:
    """Return why ``text`` is not Vietnamese ("not Vietnamese: mostly Thai characters"), or ``None`` if it is."""
    sample = text[:_LANGUAGE_CHARS]
    words = _WORD.findall(sample)
    letters = sum(map(len, words))
    if not letters:
        return "no letters in the text"
    latin_words = [w for w in words if _LATIN_START.match(w)]
    if sum(map(len, latin_words)) < letters / 2:
        scripts: dict[str, int] = {}
        for word in words:
            script = _script_of(word[0])
            scripts[script] = scripts.get(script, 0) + len(word)
        dominant = max((s for s in scripts if s != "LATIN"), key=scripts.__getitem__)
        return f"not Vietnamese: mostly {_SCRIPT_NAMES.get(dominant, dominant.title())} characters"
    vietnamese = sum(1 for word in words if not _VN_SPECIFIC_CASED.isdisjoint(word))
    if vietnamese and vietnamese >= MIN_VIETNAMESE_WORD_SHARE * len(latin_words):
        return None
    english = sum(1 for w in latin_words if w.lower() in _ENGLISH_WORDS)
    if english >= 0.05 * len(latin_words):
        guess = "looks like English"
    else:
        guess = "another language, or Vietnamese without diacritics"
    return f"not Vietnamese: {vietnamese} of {len(latin_words)} words have Vietnamese letters ({guess})"


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
        reason = _too_large("decompressed file", len(text), ctx.max_bytes) + " or more"
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


def _walk(folder: Path) -> Iterator[tuple[Path, str, str | None]]:
    """Yield (path, path relative to ``folder``, problem) for each file, sorted; hidden folders are not entered."""
    found: list[tuple[str, Path, str | None]] = []

    def on_error(err: OSError) -> None:
        rel = Path(err.filename or folder).relative_to(folder) if err.filename else Path(".")
        problem = f"cannot list folder: {(err.strerror or str(err)).lower()}"
        found.append((rel.as_posix(), Path(err.filename or folder), problem))

    for root, dirs, files in os.walk(folder, onerror=on_error):
        root_path = Path(root)
        kept = []
        for name in sorted(dirs):
            sub = root_path / name
            rel = sub.relative_to(folder).as_posix()
            if sub.is_symlink():
                found.append((rel, sub, "link to a folder; not followed"))
            elif name.startswith("."):
                found.append((rel, sub, "hidden folder; not entered"))
            else:
                kept.append(name)
                if Path(name).suffix.lower() in PAGE_SUFFIXES:
                    found.append((rel, sub, None))  # named like a page: gets its own (failed) row
        dirs[:] = kept
        for name in files:
            found.append(((root_path / name).relative_to(folder).as_posix(), root_path / name, None))
    for rel, path, problem in sorted(found, key=lambda item: item[0]):
        yield path, rel, problem


def display_name(name: str) -> str:
    """Return ``name`` as text every table can hold: bytes that are not UTF-8 (kept by the OS as surrogates) become ``\\xNN``."""
    if not _SURROGATE.search(name):
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _inputs(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    if isinstance(inputs, (str, os.PathLike)):
        return [Path(inputs)]
    return [Path(item) for item in inputs]


_NUMBERED_ID = re.compile(r"(.*)#\d+")
_RECORD_FORMATS = frozenset({"json", "jsonl"})


def _folder_name(folder: Path) -> str:
    """Return the name of ``folder`` as the user would see it ("." becomes the current folder's name)."""
    return Path(os.path.abspath(folder)).name or "input"


class _Names:
    """The report names and base article ids given so far in one listing, so that no two inputs share one."""

    def __init__(self) -> None:
        self._files: set[str] = set()
        self._ids: set[str] = set()
        self._record_bases: set[str] = set()  # ids of JSON files: their records are "id#1", "id#2"...
        self._numbered: set[str] = set()  # "bao" when an id "bao#3" is taken

    def claim(self, rel: str, folder: str) -> tuple[str, str]:
        """Return the unique report name and base id of the file ``rel`` of the input folder ``folder``."""
        file = next(name for name in self._file_names(rel, folder) if name not in self._files)
        self._files.add(file)
        records = page_format(file) in _RECORD_FORMATS
        base_id = next(candidate for candidate in _id_candidates(file) if self._id_free(candidate, records=records))
        self._ids.add(base_id)
        if records:
            self._record_bases.add(base_id)
        numbered = _NUMBERED_ID.fullmatch(base_id)
        if numbered:
            self._numbered.add(numbered.group(1))
        return file, base_id

    @staticmethod
    def _file_names(rel: str, folder: str) -> Iterator[str]:
        yield rel
        yield f"{folder}/{rel}"
        for n in count(2):
            yield f"{folder}~{n}/{rel}"

    def _id_free(self, candidate: str, *, records: bool) -> bool:
        """Return True if ``candidate`` (and, for a JSON file, every ``candidate#n``) differs from every id given."""
        if candidate in self._ids or (records and candidate in self._numbered):
            return False
        numbered = _NUMBERED_ID.fullmatch(candidate)
        return not (numbered and numbered.group(1) in self._record_bases)


def _id_candidates(file: str) -> Iterator[str]:
    """Yield the base ids ``file`` may get, best first: "x", then "x~txt", then "x~2", "x~3"..."""
    plain, extension = _plain_id(file)
    yield plain
    if extension:
        yield f"{plain}~{extension}"
    for n in count(2):
        yield f"{plain}~{n}"


def _renamed_note(file: str, base_id: str) -> str:
    """Return the note for a file whose base id is not its plain id, else ""."""
    plain = _plain_id(file)[0]
    return "" if base_id == plain else f"article id {base_id!r} ({plain!r} is taken by an earlier input)"


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


def input_files(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Iterator[InputFile]:
    """Yield an :class:`InputFile` for every input file in the order :func:`iter_pages` reads them.

    ``file`` is the name the load report gives it: relative to its input folder, or
    the file's name for a file given directly; if an earlier input has that name,
    the input folder's name goes in front (``vnexpress/x.txt``; for a file given
    directly, the name of the folder it is in), then ``vnexpress~2/x.txt``...
    ``base_id`` is its article id (JSON records add ``#n``): the plain id
    (:func:`article_id_for`) if no earlier input has it, else ``stem~extension``
    (``x~txt`` after ``x.html``), else ``stem~2``, ``stem~3``... ``problem`` is the
    file's report row when it cannot be read at all, else ``None``. Engines that
    hand files to other processes pass ``file`` and ``base_id`` to :func:`iter_file`.
    """
    names = _Names()
    for item in _inputs(inputs):
        if item.is_dir():
            folder = _folder_name(item)
            for path, rel, problem in _walk(item):
                status = "failed" if problem and problem.startswith("cannot") else "skipped"
                yield _input_file(names, path, rel, folder, (status, problem) if problem else None)
        elif not item.exists() and not item.is_symlink():
            problem = ("failed", "cannot read: no such file or folder")
            yield _input_file(names, item, item.name or str(item), _folder_name(item.parent), problem)
        else:
            yield _input_file(names, item, item.name, _folder_name(item.parent), None)


def _input_file(names: _Names, path: Path, rel: str, folder: str, problem: tuple[str, str] | None) -> InputFile:
    """Return the listing of one file, with its unique name and base id and its report row if it cannot be read."""
    file, base_id = names.claim(display_name(rel), display_name(folder))
    row = LoadRecord(file, None, problem[0], problem[1], 0, base_id=base_id) if problem else None
    return InputFile(path, file, row, base_id)


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

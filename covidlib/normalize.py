"""Text normalization: small ``str -> str`` steps composed once, at load time.

Two kinds of steps live here:

* display steps (:func:`normalize_page`) produce the text users read and every
  offset points into: Unicode NFC, one newline convention, no HTML entities, no
  zero-width or non-breaking spaces;
* key steps (:func:`tone_key`, :func:`fold`, :func:`ascii_fold`) produce lookup
  keys for matching. They are *length-preserving*: ``len(key(s)) == len(s)`` and
  character ``i`` of the key comes from character ``i`` of ``s``, so an offset
  found in a key is an offset in the text. Keys are never shown to users.
"""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from typing import Iterator

__all__ = [
    "normalize_page",
    "tone_key",
    "fold",
    "ascii_fold",
    "collapse_spaces",
    "word_matches",
]

# zero-width characters go, odd spaces become plain spaces (two scans in C: most pages have none of them)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACE = re.compile("[\u00a0\u2007\u202f\u2002\u2003\u2009\u3000\t\x0b\x0c]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TRAILING_SPACE = re.compile(r"[ ]+\n")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _unescape_entities(text: str) -> str:
    """Replace HTML entities left in scraped text (``&nbsp;``, ``&#7871;``) by their characters."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def normalize_page(text: str) -> str:
    """Return the display form of a page: NFC, ``\\n`` newlines, entities decoded, odd spaces made plain.

    >>> normalize_page("Ho\\u0300a Bi\\u0300nh&nbsp;\\r\\n")
    'Hòa Bình\\n'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _unescape_entities(text)
    text = _ODD_SPACE.sub(" ", _ZERO_WIDTH.sub("", text))
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return _TRAILING_SPACE.sub("\n", text)


def collapse_spaces(text: str) -> str:
    """Collapse runs of white space into one space and strip the ends."""
    return " ".join(text.split())


# --- tone-mark placement -------------------------------------------------
# Vietnamese has two conventions for where the tone mark sits in the pairs
# "oa", "oe", "uy" when nothing follows them: old "hoà, hoá, thuỷ" and new
# "hòa, hóa, thủy". Keys use the new one (the one GSO and the reference
# tables use). Swapping which vowel carries the mark keeps the length.

_TONES = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")  # grave, acute, tilde, hook, dot


def _split_tone(ch: str) -> tuple[str, str]:
    """Split a precomposed vowel into (vowel without tone mark, tone mark or '')."""
    decomposed = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in decomposed if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return base, tone


def _with_tone(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone) if tone else base


# "oà oá oã oả oạ oè ... uỳ uý ..." closing a syllable, in either case. The pattern is a plain
# character pair so that the regex engine can skip ahead quickly; which pairs count, and the
# "qu"/"gi"-style exception (a "q" or "g" before the pair), are checked in :func:`_retone`.
_OLD_STYLE = re.compile(r"[oOuU][àáãảạÀÁÃẢẠèéẽẻẹÈÉẼẺẸỳýỹỷỵỲÝỸỶỴ](?![a-zA-Zà-ỹÀ-ỸđĐ])")
_TONED_AFTER = {"o": frozenset("àáãảạÀÁÃẢẠèéẽẻẹÈÉẼẺẸ"), "u": frozenset("ỳýỹỷỵỲÝỸỶỴ")}


@lru_cache(maxsize=4096)
def _move_tone_left(pair: str) -> str:
    first, second = pair
    base, tone = _split_tone(second)
    return _with_tone(first, tone) + base


def tone_key(text: str) -> str:
    """Return ``text`` with the new tone-mark placement ("hoà" -> "hòa", "thuỷ" -> "thủy"), same length.

    >>> tone_key("Hoà Bình, Thanh Hoá, Thuỷ")
    'Hòa Bình, Thanh Hóa, Thủy'
    """
    return _OLD_STYLE.sub(_retone, text)


def _retone(match: re.Match[str]) -> str:
    pair = match.group()
    start = match.start()
    if pair[1] not in _TONED_AFTER[pair[0].lower()] or (start and match.string[start - 1] in "qgQG"):
        return pair
    return _move_tone_left(pair)


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


_SHORT = 48  # keys of words and names repeat across a corpus: these are remembered


@lru_cache(maxsize=65536)
def _fold_short(text: str) -> str:
    return _lower_same_length(tone_key(text))


def fold(text: str) -> str:
    """Return a case-folded, tone-normalized key of ``text``, same length (for matching)."""
    if len(text) <= _SHORT:
        return _fold_short(text)
    return _lower_same_length(tone_key(text))


@lru_cache(maxsize=8192)
def _ascii_char(ch: str) -> str:
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    base = unicodedata.normalize("NFD", ch)[0]
    return base if len(base) == 1 else ch


class _AsciiTable(dict):
    """``str.translate`` table from a character to its letter without diacritics, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        value = self[code] = _ascii_char(chr(code))
        return value


_ASCII_TABLE = _AsciiTable()


def ascii_fold(text: str) -> str:
    """Return a lower-case key without diacritics ("Đắk Lắk" -> "dak lak"), same length."""
    if text.isascii():
        return text.lower()
    if len(text) <= _SHORT:
        return _ascii_fold_short(text)
    return _lower_same_length(text).translate(_ASCII_TABLE)


@lru_cache(maxsize=65536)
def _ascii_fold_short(text: str) -> str:
    return _lower_same_length(text).translate(_ASCII_TABLE)


def word_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Yield the matches of ``pattern`` in ``text`` that start a word, left to right, not overlapping.

    The same matches as ``finditer`` with ``(?<!\\w)`` in front of ``pattern``, about twice as
    fast on long texts: without the look-behind the regex engine can skip ahead to the
    characters a match can start with. A match right after a word character is passed over
    and the search goes on from its next character.

    >>> [m.group() for m in word_matches(re.compile(r"ca(?!\\w)"), "ca mới, 12 ca; mica")]
    ['ca', 'ca']
    """
    search, pos = pattern.search, 0
    while (match := search(text, pos)) is not None:
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            pos = start + 1
            continue
        yield match
        pos = max(match.end(), start + 1)

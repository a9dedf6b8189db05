"""Bytes to text: BOMs, UTF-16 sniffing, legacy Vietnamese codecs, mojibake repair, and the check that a page is Vietnamese."""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import charset_normalizer
from bs4.dammit import EncodingDetector

__all__ = ["MIN_VIETNAMESE_WORD_SHARE", "MAX_REPLACED_SHARE", "Decoded", "repair_mojibake", "binary_kind", "decode_bytes"]


MIN_VIETNAMESE_WORD_SHARE = 0.10  # Vietnamese news pages measure 0.47-0.63 (seeds and dev pages)
MAX_REPLACED_SHARE = 0.02
_SAMPLE_BYTES = 1 << 16
_SCORE_CHARS = 200_000
_LANGUAGE_CHARS = 50_000


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the codec that was used, and a plain-words note (empty when clean)."""

    text: str
    encoding: str
    note: str = ""

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


_VN_SPECIFIC_CASED = frozenset(_VN_SPECIFIC | {c.upper() for c in _VN_SPECIFIC})
# The letters of Vietnamese and the languages written like it (the Latin blocks below U+0250, "ª", "µ" and "º"
# included, and Latin Extended Additional); whole words (runs of letters) that start with one, and those with a
# letter only Vietnamese uses
_LATIN = r"A-Za-z\u00aa\u00b5\u00ba\u00c0-\u024f\u1e00-\u1eff"
_LATIN_LETTER = re.compile(rf"[{_LATIN}]")
_LATIN_WORD = re.compile(rf"(?<![^\W\d_])[{_LATIN}][^\W\d_]*")
_VN_WORD = re.compile("(?<![^\\W\\d_])[^\\W\\d_]*?[" + "".join(sorted(_VN_SPECIFIC_CASED)) + "][^\\W\\d_]*")
# a letter outside the Latin ranges: without one, every word is a Latin word
_NON_LATIN_LETTER = re.compile(rf"[^\W\d_{_LATIN}]")


@lru_cache(maxsize=65536)
def _script_of(letter: str) -> str:
    """The first word of a letter's Unicode name: "THAI", "CJK", "CYRILLIC" (and "LATIN" for IPA letters)."""
    return unicodedata.name(letter, "UNKNOWN").split(" ")[0]


def _language_problem(text: str) -> str | None:
    """Return why ``text`` is not Vietnamese ("not Vietnamese: mostly Thai characters"), or ``None`` if it is."""
    sample = text[:_LANGUAGE_CHARS]
    words = _WORD.findall(sample)
    letters = sum(map(len, words))
    if not letters:
        return "no letters in the text"
    latin_words = _LATIN_WORD.findall(sample) if _NON_LATIN_LETTER.search(sample) else words
    if sum(map(len, latin_words)) < letters / 2:
        scripts: dict[str, int] = {}
        for word in words:  # the words that are not Latin words hold most letters: name their script
            if not _LATIN_LETTER.match(word):
                script = _script_of(word[0])
                scripts[script] = scripts.get(script, 0) + len(word)
        dominant = max(scripts, key=scripts.__getitem__)
        return f"not Vietnamese: mostly {_SCRIPT_NAMES.get(dominant, dominant.title())} characters"
    vietnamese = len(_VN_WORD.findall(sample))
    if vietnamese and vietnamese >= MIN_VIETNAMESE_WORD_SHARE * len(latin_words):
        return None
    english = sum(1 for w in latin_words if w.lower() in _ENGLISH_WORDS)
    if english >= 0.05 * len(latin_words):
        guess = "looks like English"
    else:
        guess = "another language, or Vietnamese without diacritics"
    return f"not Vietnamese: {vietnamese} of {len(latin_words)} words have Vietnamese letters ({guess})"

"""One tested parser for Vietnamese numbers in news text.

Vietnamese groups thousands with dots and writes decimals with a comma ("6.360" is
six thousand three hundred and sixty, "1,5 triệu" one and a half million), spells
numbers out ("hai mươi mốt", "một trăm linh năm"), and puts a qualifier in front
("hơn", "gần", "khoảng"). :func:`find_numbers` returns every number of a text as a
span whose ``kind`` tells a quantity (``count``) from what only looks like one: dates,
times, phone and document numbers, codes such as "F0" or "COVID-19", ranks, years,
ages, patient ids, percentages, ranges ("12 - 17", "từ 2.000 đến 3.000"), ordinals ("lần 2",
"quận 11") and signed changes ("(-1.210)", "+310").
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any, Iterator

from .dates import find_dates
from ..document import Span
from ..normalize import fold

__all__ = [
    "KINDS",
    "find_numbers",
    "parse_number",
    "parse_spelled",
    "qualifier_before",
]

KINDS = (
    "count", "percent", "date", "time", "duration", "phone", "document", "code",
    "rank", "ratio", "year", "age", "patient_id", "range", "ordinal", "change",
)

# --- lexicon -----------------------------------------------------------------

_MULTIPLIERS = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}
_DIGIT_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
# Words that only mean a digit after "mươi"/"mười": "hai mươi mốt", "ba mươi tư", "mười lăm".
_UNIT_AFTER_TENS = {"mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5}
_SPELLED_WORDS = frozenset(
    [*_DIGIT_WORDS, *_UNIT_AFTER_TENS, "mười", "mươi", "trăm", "linh", "lẻ", "chục", *_MULTIPLIERS]
)

# Qualifier words read just before a number (keys are folded text).
_QUALIFIER_BEFORE = re.compile(
    r"(?<![\w])(?P<word>hơn|trên|gần|khoảng|chừng|xấp xỉ|ít nhất|tối thiểu|dưới|ước tính|ước|tầm|"
    r"không dưới|không quá|tối đa|chưa đến|chưa tới|chỉ hơn|vượt(?:\s+(?:qua|quá))?(?:\s+(?:mốc|ngưỡng))?)"
    r"\s*(?:là\s+|có\s+)?$"
)
_QUALIFIER_OF = {
    "hơn": "more_than", "trên": "more_than", "chỉ hơn": "more_than",
    "gần": "less_than", "dưới": "less_than", "chưa đến": "less_than", "chưa tới": "less_than",
    "không quá": "less_than", "tối đa": "less_than",
    "khoảng": "about", "chừng": "about", "xấp xỉ": "about", "ước tính": "about", "ước": "about",
    "tầm": "about",
    "vượt": "more_than",
    "ít nhất": "at_least", "tối thiểu": "at_least", "không dưới": "at_least",
}

# Words before a number that make it a name or a position rather than a quantity
# ("quận 5", "lần 2", "đợt dịch 4").
_ORDINAL_WORDS = (
    "thứ", "lần", "mũi", "tầng", "đợt", "đợt dịch", "dịch", "quận", "phường", "lớp", "kỳ", "khóa", "khoá",
    "cấp", "cấp độ", "giai đoạn", "quốc lộ", "tỉnh lộ", "ql", "đt", "ngõ", "ngách", "hẻm", "kiệt", "đường", "phòng",
    "tổ", "ấp", "thôn", "xóm", "khối", "khu phố", "lô", "tòa", "block", "điều", "khoản", "chương", "nhóm",
    "kỳ họp", "phiên", "bảng", "hình", "mẫu số", "số hiệu", "phụ lục", "trang", "kênh", "vtv", "quý",
    "cơ sở", "giường số", "trung đoàn", "sư đoàn", "tiểu đoàn", "lữ đoàn", "đại đội",
)
_ORDINAL_CUE = re.compile(
    "(?:" + "".join(rf"\b{word}|" for word in _ORDINAL_WORDS)
    # "số 3513" is a number of something, "trong số 3.971 ca" is "among the 3,971 cases"
    + r"(?<!trong )(?<!tổng )(?<!với )(?<!là )(?<!có )(?<!hơn )(?<!trên )(?<!gần )\bsố)\s*$"
)
# The last word of every cue: a window whose last word is none of these has no cue (a quick test).
_ORDINAL_LAST_WORDS = frozenset([*(word.split()[-1] for word in _ORDINAL_WORDS), "số"])
_LAST_WORD_CHARS = re.compile(r"(\w+)\s*$")
_DOCUMENT_CUE = re.compile(
    r"(?:Chỉ thị|Nghị quyết|Nghị định|Quyết định|Công văn|Văn bản|Thông báo|Công điện|Kế hoạch|Thông tư"
    r"|Tờ trình|Kết luận|Hướng dẫn)\s*$"
)
_PATIENT_CUE = re.compile(r"(?:\bbệnh nhân|\bbn|\bca bệnh|\bca số|\bca thứ)(?:\s+(?:số|thứ))?\s*$")
_CHAIN_CUE = re.compile(r"^\s*(?:,|và|-|–|đến|tới)\s*$")
_YEAR_CUE = re.compile(r"\bnăm\s*$")
_MONTH_CUE = re.compile(r"\btháng\s*$")
_DAY_CUE = re.compile(r"\b(?:ngày|hôm|mùng|mồng)\s*$")
_RANK_CUE = re.compile(r"(?:\bthứ|\bxếp|\bhạng|\bđứng)\s*$")

_PERCENT_AFTER = re.compile(r"\s?(?:%|phần trăm\b)")
_MULTIPLIER_AFTER = re.compile(r"\s+(nghìn|ngàn|triệu|tỷ|tỉ)\b")
_TIME_AFTER = re.compile(r"\s*(?:giờ\b|h(?:\d{1,2})?\b|g(?:\d{1,2})?\b|:\d{2}\b)")
_DURATION_AFTER = re.compile(r"\s+(?:ngày|tuần|tháng|năm|phút|giây|tiếng|đêm)\b")
_AGE_AFTER = re.compile(r"\s*tuổi\b")
_COUNTER_AFTER = re.compile(r"\s+(?:ca|trường hợp|người|bệnh nhân|f\d|mẫu|liều|lượt)\b")

# Numbers written with digits and their separators: "4.174.538", "1,5", "28/5", "8-10", "12:44".
_DIGITS = re.compile(r"\d+(?:[.,:/\-–]\d+)*")
# A spaced range partner: "18 - 65", "12.415 - 12.508".
_SPACED_RANGE = re.compile(r"\s+[-–]\s+(\d+(?:[.,]\d+)*)")
# A range in words, after "từ": "từ 2.000 đến 3.000 ca" (not "đến 8/9", a date).
_FROM_BEFORE = re.compile(r"(?<!\w)từ\s*$")
_WORDED_RANGE = re.compile(r"\s+(?:đến|tới)\s+(\d+(?:[.,]\d+)*)(?![/:\-–]?\d)")
_WORD = re.compile(r"[^\W\d_]+")
_LAST_WORD = re.compile(r"([^\W\d_]+)$")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3}){2,}")
_DECIMAL = re.compile(r"\d+,\d+")
_PLAIN = re.compile(r"\d+")

# After "một" these words make it an article or "some", not the number one.
_NOT_ONE_AFTER = frozenset(
    "số cách vài trong chút khi lúc thời phần nửa mình loạt hệ lòng mực tí ít khác sự hình lần nào "
    "mai chiều bên thể ngày".split()
)
# A lone "năm" is "year" unless one of these nouns follows it.
_FIVE_NEXT = frozenset(
    "ca người trường bệnh f0 f1 f2 mẫu liều mũi xã huyện tỉnh chốt tổ điểm đoàn cán bác "
    "y giường máy bộ suất phần chiếc cái con nhóm đội khu ổ chuỗi gia hộ".split()
)


# --- parsing -------------------------------------------------------------------

def _as_number(value: float) -> int | float:
    """Return an int when ``value`` is whole, else the float rounded to 6 places."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


def _parse_digits(token: str) -> int | float:
    """Parse a digit token the Vietnamese way: dots group thousands, a comma marks decimals."""
    if _THOUSANDS.fullmatch(token):
        return int(token.replace(".", ""))
    if _THOUSANDS_COMMA.fullmatch(token):
        return int(token.replace(",", ""))
    if _DECIMAL.fullmatch(token):
        return _as_number(float(token.replace(",", ".")))
    if _PLAIN.fullmatch(token):
        return int(token)
    if re.fullmatch(r"\d+\.\d+", token):  # "1.5" written the English way
        return _as_number(float(token))
    raise ValueError(f"not a Vietnamese number: {token!r}")


def _below_thousand(words: list[str]) -> int:
    """Parse spelled words worth 0-999 ("hai trăm linh năm" -> 205)."""
    if not words:
        raise ValueError("empty number")
    value = 0
    if "trăm" in words:
        i = words.index("trăm")
        if i != 1 or words[0] not in _DIGIT_WORDS:
            raise ValueError(f"bad hundreds: {words}")
        value = _DIGIT_WORDS[words[0]] * 100
        words = words[i + 1 :]
        if not words:
            return value
        if words[0] in ("linh", "lẻ"):
            if len(words) != 2 or words[1] not in _DIGIT_WORDS:
                raise ValueError(f"bad 'linh': {words}")
            return value + _DIGIT_WORDS[words[1]]
    return value + _below_hundred(words)


def _below_hundred(words: list[str]) -> int:
    """Parse spelled words worth 1-99 ("hai mươi mốt" -> 21, "mười lăm" -> 15)."""
    if len(words) == 1 and words[0] in _DIGIT_WORDS:
        return _DIGIT_WORDS[words[0]]
    if words[0] == "mười":
        tens, rest = 10, words[1:]
    elif len(words) >= 2 and words[0] in _DIGIT_WORDS and words[1] in ("mươi", "chục") and words[0] != "một":
        tens, rest = _DIGIT_WORDS[words[0]] * 10, words[2:]
    else:
        raise ValueError(f"bad tens: {words}")
    if not rest:
        return tens
    if len(rest) == 1:
        unit = rest[0]
        if unit in _UNIT_AFTER_TENS and not (unit == "mốt" and tens == 10):
            return tens + _UNIT_AFTER_TENS[unit]
        if unit in _DIGIT_WORDS and unit != "năm":
            return tens + _DIGIT_WORDS[unit]
    raise ValueError(f"bad units: {words}")


def parse_spelled(words: str) -> int:
    """Return the value of a spelled Vietnamese number.

    >>> parse_spelled("một nghìn hai trăm"), parse_spelled("hai mươi mốt"), parse_spelled("mười lăm")
    (1200, 21, 15)
    """
    tokens = fold(words).split()
    if not tokens:
        raise ValueError("empty number")
    for scale_word, scale in (("tỷ", 10**9), ("tỉ", 10**9), ("triệu", 10**6), ("nghìn", 1000), ("ngàn", 1000)):
        if scale_word in tokens:
            i = tokens.index(scale_word)
            if i == 0:
                raise ValueError(f"scale without a number: {words!r}")
            left = parse_spelled(" ".join(tokens[:i]))
            right = tokens[i + 1 :]
            return left * scale + (parse_spelled(" ".join(right)) if right else 0)
    return _below_thousand(tokens)


def parse_number(s: str) -> int | float:
    """Return the value of one Vietnamese number as written.

    >>> parse_number("6.360"), parse_number("1,5 triệu"), parse_number("4 nghìn"), parse_number("hai mươi mốt")
    (6360, 1500000, 4000, 21)
    """
    text = " ".join(fold(s).split())
    if not text:
        raise ValueError("empty number")
    match = re.fullmatch(r"(\d+(?:[.,]\d+)*)(?:\s+(nghìn|ngàn|triệu|tỷ|tỉ))?", text)
    if match:
        value = _parse_digits(match.group(1))
        if match.group(2):
            value = _as_number(value * _MULTIPLIERS[match.group(2)])
        return value
    return parse_spelled(text)


def qualifier_before(key: str, start: int) -> str:
    """Return the qualifier the words before ``start`` put on a number ("hơn 420.000" -> 'more_than')."""
    match = _QUALIFIER_BEFORE.search(key[max(0, start - 24) : start])
    if match is None:
        return "exact"
    word = match.group("word")
    return _QUALIFIER_OF["vượt" if word.startswith("vượt") else " ".join(word.split())]


# --- finding numbers in text -------------------------------------------------------

def _span(start: int, end: int, text: str, value: int | float, kind: str, key: str, **extra: Any) -> Span:
    data = {"value": value, "qualifier": qualifier_before(key, start), "raw": text[start:end], "kind": kind}
    data.update(extra)
    return Span(start, end, "number", data)


def _classify_plain(token: str, text: str, key: str, start: int, end: int) -> tuple[str, int | float, int]:
    """Return (kind, value, end) for a digit token that is not part of a date."""
    before = key[max(0, start - 24) : start]
    after = key[end : end + 16]
    prev_char = key[start - 1] if start else " "
    next_char = key[end] if end < len(key) else " "

    # Glued to letters: F0, BN1970, IMG_0875, COVID-19, SARS-CoV-2, 5K, 28B, Q.7
    if prev_char.isalpha() or prev_char == "_" or _CODE_BEFORE.search(before) or (
        prev_char in "-." and start >= 2 and key[start - 2].isalpha()
    ):
        return "code", _safe_int(token), end
    if next_char.isalpha():
        if _TIME_AFTER.match(after) and after[:1] in "hg":
            return "time", _safe_int(token), end
        return "code", _safe_int(token), end
    if next_char == "/" and end + 1 < len(key) and key[end + 1].isalpha():
        return "document", _safe_int(token), end
    if _SIGN_BEFORE.search(key, max(0, start - 2), start):  # "Hải Phòng (-1.210)", "+310 ca": a change
        return "change", _safe_parse(token), end
    if ":" in token:
        return "time", _safe_int(token.split(":")[0]), end
    if "/" in token:
        parts = token.split("/")
        if len(parts) == 2 and not _RANK_CUE.search(before):
            return "ratio", _safe_int(parts[0]), end
        return ("rank" if len(parts) == 2 else "code"), _safe_int(parts[0]), end
    if "-" in token or "–" in token:
        parts = re.split(r"[-–]", token)
        if len(parts) == 2:
            kind = "age" if _AGE_AFTER.match(after) else "range"
            return kind, _safe_parse(parts[0]), end
        return "code", _safe_int(parts[0]), end
    digits = re.sub(r"\D", "", token)
    try:
        value = _parse_digits(token)
    except ValueError:
        return ("phone" if len(digits) >= 8 else "code"), _safe_int(digits), end
    grouped = bool(_THOUSANDS.fullmatch(token))
    if token.startswith("0") and len(digits) >= 8:
        return "phone", int(digits), end
    if not grouped and digits.startswith(("1900", "1800")) and len(digits) >= 8:
        return "phone", int(digits), end
    if "." not in token and "," not in token and len(digits) >= 9:
        return "phone", int(digits), end
    if _PATIENT_CUE.search(before):
        return "patient_id", value, end
    if _YEAR_CUE.search(before) and len(digits) == 4:
        return "year", value, end
    if _MONTH_CUE.search(before) or _DAY_CUE.search(before):
        return "date", value, end
    if _ordinal_cue(text, before, start) or _DOCUMENT_CUE.search(text, max(0, start - 24), start) \
            or _is_name_number(text, key, start, end):
        return "ordinal", value, end
    multiplier = _MULTIPLIER_AFTER.match(key, end)
    if multiplier:
        value = _as_number(value * _MULTIPLIERS[multiplier.group(1)])
        end = multiplier.end()
        after = key[end : end + 16]
    percent = _PERCENT_AFTER.match(key, end)
    if percent:
        return "percent", value, percent.end()
    if _AGE_AFTER.match(after):
        return "age", value, end
    if _TIME_AFTER.match(after):
        return "time", value, end
    if _DURATION_AFTER.match(after):
        return "duration", value, end
    if len(digits) == 4 and "." not in token and 1900 <= value <= 2099 and not _COUNTER_AFTER.match(after):
        return "year", value, end
    return "count", value, end


def _ordinal_cue_at_end(before: str) -> re.Match[str] | None:
    """The position word (:data:`_ORDINAL_WORDS`) that ends ``before``, if one does."""
    last = _LAST_WORD_CHARS.search(before)
    if last is None or last.group(1) not in _ORDINAL_LAST_WORDS:
        return None
    return _ORDINAL_CUE.search(before)


def _ordinal_cue(text: str, before: str, start: int) -> bool:
    """True if a word that names a position ("quận", "lần", "phòng") ends right before ``start``.

    The word does not count when it ends a capitalised name of several words: "Hải Phòng 89 ca"
    is a count for Hải Phòng, "phòng 5" is a room.
    """
    m = _ordinal_cue_at_end(before)
    if m is None:
        return False
    cue = start - len(before) + m.start()
    while cue < start and text[cue].isspace():
        cue += 1
    if not text[cue : cue + 1].isupper() or cue < 2 or text[cue - 1] != " ":
        return True
    previous = _LAST_WORD.search(text, max(0, cue - 20), cue - 1)
    return previous is None or not previous.group(1)[0].isupper() or _sentence_start(text, previous.start(1))


def _is_name_number(text: str, key: str, start: int, end: int) -> bool:
    """True for a number that ends a proper name ("Mỹ Đình 2", "Bình Nhâm 17,"): capital word before, no noun after."""
    if start < 2 or key[start - 1] != " ":
        return False
    window = max(0, start - 40)
    word = _LAST_WORD.search(text, window, start - 1)
    if word is None or not word.group(1)[0].isupper() or _sentence_start(text, word.start(1)):
        return False
    nxt = key[end : end + 2]
    return not (nxt[:1] == " " and nxt[1:2].isalpha()) and not nxt[:1].isalnum()


def _overlaps_any(bounds: list[tuple[int, int]], start: int, end: int) -> bool:
    """True if [start, end) overlaps one of the sorted, non-overlapping ``bounds``."""
    i = bisect.bisect_right(bounds, (start, float("inf")))
    if i > 0 and bounds[i - 1][1] > start:
        return True
    return i < len(bounds) and bounds[i][0] < end


def _safe_int(token: str) -> int:
    digits = re.sub(r"\D", "", token.split("/")[0])
    return int(digits) if digits else 0


def _safe_parse(token: str) -> int | float:
    try:
        return _parse_digits(token)
    except ValueError:
        return _safe_int(token)


def _digit_numbers(text: str, key: str) -> list[Span]:
    dates = find_dates(text)
    date_bounds = [(d.start, d.end) for d in dates]
    spans: list[Span] = []
    for d in dates:
        first = re.search(r"\d+", text[d.start : d.end])
        value = int(first.group(0)) if first else 0
        spans.append(_span(d.start, d.end, text, value, "date", key, date=dict(d.data)))
    pos = 0
    while True:
        m = _DIGITS.search(key, pos)
        if m is None:
            break
        pos = m.end()
        start, end, token = m.start(), m.end(), m.group(0)
        if _overlaps_any(date_bounds, start, end):
            continue
        kind, value, end = _classify_plain(token, text, key, start, end)
        partner = _SPACED_RANGE.match(key, end) if kind in ("count", "ordinal", "patient_id") else None
        if partner is None and kind == "count" and _FROM_BEFORE.search(key, max(0, start - 6), start):
            partner = _WORDED_RANGE.match(key, end)  # "từ 2.000 đến 3.000 ca": a range, not two figures
        if partner and not _DATE_CUE_BEFORE.search(key[max(0, start - 12) : start]):
            end = partner.end()
            pos = end
            high = _safe_parse(partner.group(1))
            if kind == "count":
                kind = "age" if _AGE_AFTER.match(key, end) else "range"
            spans.append(_span(start, end, text, value, kind, key, high=high))
            continue
        if kind == "count" and spans and spans[-1].data["kind"] == "patient_id" and _CHAIN_CUE.match(
            key[spans[-1].end : start]
        ):
            kind = "patient_id"
        # "Mỹ Đình 2" ends a name; "Đồng Nai 327," may be a figure for a place: the caller decides
        extra = {"after_name": True} if kind == "ordinal" and _is_name_number(text, key, start, end) else {}
        spans.append(_span(start, end, text, value, kind, key, **extra))
    spans.sort(key=lambda s: s.start)
    return spans


# A sign written against the digits: "(-1.210)", "(+5)", "+310", "−12".
_SIGN_BEFORE = re.compile(r"(?:[(\[][ ]?-|\+|−)$")
_DATE_CUE_BEFORE = re.compile(r"\b(?:ngày|từ ngày)\s*$")
_CODE_BEFORE = re.compile(r"(?:covid|cov|sars|ncov)\s*-\s*$")


def _spelled_numbers(text: str, key: str, taken: list[Span]) -> list[Span]:
    """Find runs of number words ("hai mươi mốt ca") and parse the longest valid prefix."""
    taken_bounds = sorted((t.start, t.end) for t in taken)
    spans: list[Span] = []
    for words, size in _spelled_runs(key):
        i = 0
        while i < size:
            run = list(range(i, size))
            found = _longest_spelled(text, key, words, run, taken_bounds)
            if found is None:
                i += 1
                continue
            spans.append(found)
            i = next((k for k in run if words[k][0] >= found.end), size)
    return spans


# One number word ("hai", "mươi", "triệu") as a whole word of letters. The pattern starts with
# plain letters so that the regex engine skips ahead quickly; :func:`_spelled_runs` checks
# that no letter comes before it.
_SPELLED_WORD = re.compile(rf"(?:{'|'.join(sorted(_SPELLED_WORDS, key=len, reverse=True))})(?![^\W\d_])")
_LETTER = re.compile(r"[^\W\d_]")


def _spelled_runs(key: str) -> Iterator[tuple[list[tuple[int, int, str]], int]]:
    """Yield each run of number words joined by single spaces: ``(words, size)``.

    ``words`` holds (start, end, word) tuples: the ``size`` words of the run, then the word of
    letters that follows it, if any (plausibility checks look at it: "Ba Đình", "năm 2021").
    """
    pos = 0
    while (match := _SPELLED_WORD.search(key, pos)) is not None:
        start = match.start()
        if start and _LETTER.match(key, start - 1):
            pos = start + 1
            continue
        words = [(start, match.end(), match.group())]
        while (nxt := _SPELLED_WORD.match(key, words[-1][1] + 1)) is not None and key[words[-1][1]] == " ":
            words.append((nxt.start(), nxt.end(), nxt.group()))
        pos, size = words[-1][1], len(words)
        after = _WORD.search(key, pos)
        if after is not None:
            words.append((after.start(), after.end(), after.group()))
        yield words, size


def _longest_spelled(
    text: str, key: str, words: list[tuple[int, int, str]], run: list[int], taken_bounds: list[tuple[int, int]]
) -> Span | None:
    """Return the longest parseable prefix of a run of number words, as a span."""
    for stop in range(len(run), 0, -1):
        idx = run[:stop]
        start, end = words[idx[0]][0], words[idx[-1]][1]
        if _overlaps_any(taken_bounds, start, end):
            continue
        phrase = " ".join(words[k][2] for k in idx)
        try:
            value = parse_spelled(phrase)
        except ValueError:
            continue
        if not _plausible_spelled(text, key, words, idx):
            continue
        return _span(start, end, text, value, "count", key, spelled=True)
    return None


# "một" in lower case after a list comma or "và", before a place: one more item ("..., một Đồng Nai").
_ONE_LISTED = re.compile(r"(?:,|\bvà)\s+một$")


def _plausible_spelled(text: str, key: str, words: list[tuple[int, int, str]], idx: list[int]) -> bool:
    """Reject number words that are names, articles or the word "năm" (year)."""
    first = words[idx[0]]
    end = words[idx[-1]][1]
    nxt = words[idx[-1] + 1] if idx[-1] + 1 < len(words) else None
    next_word = nxt[2] if nxt and key[end : nxt[0]].strip() == "" else ""
    if nxt and next_word and text[nxt[0]].isupper() and not _ONE_LISTED.search(text, max(0, first[0] - 6), first[1]):
        return False  # "Ba Đình", "Hai Bà Trưng", "Năm Căn": a name (not "16 ca tại Đà Nẵng, một Đồng Nai")
    if text[first[0]].isupper() and not _sentence_start(text, first[0]):
        return False
    if len(idx) == 1:
        word = first[2]
        if word == "một" and next_word in _NOT_ONE_AFTER:
            return False
        if word == "năm" and next_word not in _FIVE_NEXT:
            return False
        if word in ("tư", "mốt", "lăm", "nhăm", "linh", "lẻ", "chục", "mươi", "trăm", *_MULTIPLIERS):
            return False
    before = key[max(0, first[0] - 12) : first[0]]
    if _ordinal_cue_at_end(before) is not None:
        return False
    return True


def _sentence_start(text: str, pos: int) -> bool:
    """True if only opening quotes or brackets stand between ``pos`` and the end of the previous sentence."""
    before = text[max(0, pos - 12) : pos].rstrip(" \"“'(")
    if not before:
        return pos <= 12 or not text[max(0, pos - 40) : pos].strip(" \"“'(")
    return before[-1] in ".!?:;\n-–"


@lru_cache(maxsize=256)
def _find_cached(text: str) -> tuple[Span, ...]:
    key = fold(text)
    digits = _digit_numbers(text, key)
    spelled = _spelled_numbers(text, key, digits)
    return tuple(sorted([*digits, *spelled], key=lambda s: s.start))


def find_numbers(text: str) -> list[Span]:
    """Return every number in ``text`` as a span labelled ``number``.

    ``data``: ``value`` (int or float), ``qualifier`` (exact, more_than, less_than, about,
    at_least), ``raw`` (the text), ``kind`` (one of :data:`KINDS`; only ``count`` is a
    quantity of things); an ``ordinal`` that ends a capitalised name ("Mỹ Đình 2",
    "Đồng Nai 327,") has ``after_name`` True.

    >>> [(s.data["value"], s.data["kind"], s.data["qualifier"]) for s in find_numbers("hơn 420.000 ca, ngày 28/5")]
    [(420000, 'count', 'more_than'), (28, 'date', 'exact')]
    """
    return list(_find_cached(text))

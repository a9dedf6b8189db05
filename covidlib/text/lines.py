"""Recognisers of single page lines: date lines, relative times, bylines, credits and source lines.

The cleaner (:mod:`covidlib.text.clean`) uses them to find *where* the date line and
the bylines are, and :mod:`covidlib.text.metadata` to read them. Dates become ISO text
(``"2021-10-08T19:00"``, or ``"2021-05-29"`` when the page gives no time); a date
without a year is never completed by guessing.

>>> parse_published("Thứ 6, Ngày 08/10/2021, 19:00")
'2021-10-08T19:00'
>>> author_from_byline("Tác giả bài viết: Ngô Văn Thật - Phòng Tham mưu")
'Ngô Văn Thật'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..normalize import collapse_spaces
from ..reference.gazetteer import aliases, name_key

__all__ = [
    "DateMatch",
    "find_date",
    "find_relative_time",
    "impossible_date",
    "parse_published",
    "yearless_dates",
    "is_person_name",
    "is_place_name",
    "author_from_byline",
    "byline_names",
    "is_credit_value",
    "name_beside_date",
    "reads_as_byline",
    "is_signature",
    "site_from_source",
    "split_site_tag",
    "BYLINE_PREFIX",
    "SOURCE_PREFIX",
    "ORGANISATION_WORDS",
    "CREDIT",
    "OUTLET_HINT",
]

# --- dates ---------------------------------------------------------------

_YEAR = r"((?:19|20)\d{2})"
_DAY_MONTH_YEAR = re.compile(r"(?<![\d/.\-])(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*" + _YEAR + r"(?![\d/])")
_YEAR_MONTH_DAY = re.compile(r"(?<![\d/.\-])" + _YEAR + r"-(\d{1,2})-(\d{1,2})(?![\d\-])")
_WORDED_DATE = re.compile(r"(?i)(?:ngày\s+|(?<![\d/.,]))(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm|,)\s*" + _YEAR)
#: English month names and their three-letter forms, for bilingual portals ("Posted: August 19, 2021").
_ENGLISH_MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")], start=1) for name in names}
_MONTH_NAME = r"(" + "|".join(sorted(_ENGLISH_MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_DAY_YEAR = re.compile(r"(?i)\b" + _MONTH_NAME + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b")
_DAY_MONTH_NAME_YEAR = re.compile(
    r"(?i)(?<![\d/.])(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_NAME + r",?\s+" + _YEAR + r"\b"
)
_DAY_MONTH = re.compile(r"(?<![\d/.\-,])(\d{1,2})\s*([/.\-])\s*(\d{1,2})(?![\d/]|[.\-]\d|\s*[/.\-]\s*\d)"
    r"(?!\s*(?:tuổi|ca\b|người|giường|trường hợp|mẫu|liều|quận|huyện|xã|tỉnh|quốc gia|%))")
_TIME = re.compile(
    r"(?i)(?<![\d:.,])(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})(?::\d{2})?(?!\d|[.,]\d)(?:\s*(AM|PM|SA|CH)\b)?"
)
_DAY_WORDS = re.compile(r"(?i)\b(?:sáng|trưa|chiều|tối|đêm|ngày|hôm)\s+(?:nay\s*,?\s*)?$")
#: A time relative to now, as sites print beside a byline ("2 giờ trước", "15 phút trước", "3 hours ago").
_RELATIVE_TIME = re.compile(
    r"(?i)(?<!\w)(?:\d{1,3}|một|vài|mấy)\s*(?:giây|phút|giờ|tiếng|ngày|tuần|tháng|năm)\s+trước(?!\w)"
    r"|(?<!\w)(?:vừa xong|vừa đăng)(?!\w)"
    r"|(?<![\w.])\d{1,3}\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\b"
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a line: offsets of the date text, its parts, and the time if any."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None

    @property
    def iso(self) -> str | None:
        """Return ``YYYY-MM-DDTHH:MM`` (or ``YYYY-MM-DD``), None without a year."""
        if self.year is None:
            return None
        day = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.hour is None:
            return day
        return f"{day}T{self.hour:02d}:{self.minute or 0:02d}"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _time_near(text: str, start: int, end: int) -> tuple[int | None, int | None]:
    """Return (hour, minute) of a time written on the line outside the date text."""
    for part in (text[end:], text[:start]):
        for match in _TIME.finditer(part):
            hour, minute, marker = int(match.group(1)), int(match.group(2)), (match.group(3) or "").upper()
            if marker in {"PM", "CH"} and hour < 12:
                hour += 12
            elif marker in {"AM", "SA"} and hour == 12:
                hour = 0
            if hour < 24 and minute < 60:
                return hour, minute
    return None, None


def find_date(text: str) -> DateMatch | None:
    """Return the first full date (with year) in ``text`` and the time beside it, if any.

    >>> find_date("Thời gian đăng: 28/05/2021 16:19:39 PM").iso
    '2021-05-28T16:19'
    >>> find_date("2021-02-04 15:27:18").iso
    '2021-02-04T15:27'
    """
    found: list[tuple[int, int, int, int, int]] = []
    for m in _DAY_MONTH_YEAR.finditer(text):
        found.append((m.start(), m.end(), int(m.group(4)), int(m.group(3)), int(m.group(1))))
    for m in _YEAR_MONTH_DAY.finditer(text):
        found.append((m.start(), m.end(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _WORDED_DATE.finditer(text):
        found.append((m.start(), m.end(), int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in _MONTH_DAY_YEAR.finditer(text):
        found.append((m.start(), m.end(), int(m.group(3)), _ENGLISH_MONTHS[m.group(1).lower()], int(m.group(2))))
    for m in _DAY_MONTH_NAME_YEAR.finditer(text):
        found.append((m.start(), m.end(), int(m.group(3)), _ENGLISH_MONTHS[m.group(2).lower()], int(m.group(1))))
    for start, end, year, month, day in sorted(found):
        if _valid(year, month, day):
            hour, minute = _time_near(text, start, end)
            return DateMatch(start, end, year, month, day, hour, minute)
    return None


def impossible_date(text: str) -> tuple[int, int] | None:
    """Return (start, end) of a date written with a year that no calendar has ("31/2/2021"); None if there is none.

    >>> text = "Ngày đăng: 31/2/2021 09:00"; start, end = impossible_date(text); text[start:end]
    '31/2/2021'
    """
    for m in _DAY_MONTH_YEAR.finditer(text):
        if not _valid(int(m.group(4)), int(m.group(3)), int(m.group(1))):
            return m.start(), m.end()
    return None


def find_relative_time(text: str) -> tuple[int, int] | None:
    """Return (start, end) of a time relative to now ("2 giờ trước"), which gives no date; None if there is none.

    >>> find_relative_time("Đức Toàn · 2 giờ trước")
    (11, 22)
    """
    m = _RELATIVE_TIME.search(text)
    return (m.start(), m.end()) if m else None


def yearless_dates(text: str) -> list[DateMatch]:
    """Return day/month dates written without a year ("Chiều 4/7", "ngày 11-9", "19.6").

    >>> [(d.day, d.month) for d in yearless_dates("Chiều 4/7, đồng chí Đào Trọng Đức")]
    [(4, 7)]
    """
    result = []
    for m in _DAY_MONTH.finditer(text):
        day, month = int(m.group(1)), int(m.group(3))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        # "4.171" style numbers are not dates: a dot-separated pair needs a day word before it
        if m.group(2) == "." and not _DAY_WORDS.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        result.append(DateMatch(m.start(), m.end(), None, month, day))
    return result


def parse_published(text: str) -> str | None:
    """Return the ISO publish date of a date line, or None if it has no full date.

    >>> parse_published("Thứ hai - 01/11/2021 22:57 923 0")
    '2021-11-01T22:57'
    >>> parse_published("Thứ Hai, 16/5") is None
    True
    """
    found = find_date(text)
    return found.iso if found else None


# --- people and sources --------------------------------------------------

#: Byline prefixes; the author's name follows the colon.
BYLINE_PREFIX = re.compile(
    r"(?i)^\(?\s*(?:tin\s*(?:,|và|/|&|-)\s*ảnh|ảnh\s*(?:,|và|/|&|-)\s*tin|bài\s*(?:,|và|/|&|-)\s*ảnh"
    r"|nguồn\s+tin|tác\s+giả(?:\s+bài\s+viết)?|biên\s+soạn|người\s+viết|phóng\s+viên|nhóm\s+(?:pv|phóng\s+viên)"
    r"|pv|btv|bài|tin)\s*:\s*(?P<value>\S.*?)\s*\)?\s*$"
)
#: Source lines: "Nguồn: covid19.gov.vn", "(Nguồn: Liên Châu - Thanh Niên Online)", "Theo TTXVN".
SOURCE_PREFIX = re.compile(
    r"(?i)^\(?\s*(?:nguồn(?!\s+tin\b)|theo(?!\s+(?:dõi|đó|như|quy|kế|hướng|thời|từng|đường|chân)\b))"
    r"\s*:?\s+(?P<value>\S.*?)\s*\)?\s*\.?$"
)
#: First words that make a capitalised phrase an organisation or a place, not a person.
ORGANISATION_WORDS = frozenset(
    """bộ sở báo cổng trang ban ubnd hđnd trung cục viện bệnh tạp đài thông công tỉnh thành huyện
    xã phường quận tp tin bài ảnh video nguồn theo hội đoàn đảng phòng chi trường học nhà khu tổng
    lượt các những trong tại với và của thủ chính bản xem đăng ngày nhóm""".split()
)
#: Two-word openings that are a country, an institution or a document, though the first word opens
#: names too ("Việt Anh", "Văn Hùng").
_NOT_NAME_OPENINGS = frozenset({"việt nam", "quốc hội", "quốc gia", "quốc tế", "quốc phòng", "văn phòng", "văn bản",
                                "văn hóa", "văn hoá", "văn kiện", "văn nghệ", "văn thư", "văn học", "văn miếu"})
OUTLET_HINT = re.compile(
    r"(?i)(?:\.(?:vn|com|net|org|gov)\b|\b(?:online|báo|tạp chí|ttxvn|vtv|vov|tuổi trẻ|thanh niên|vnexpress"
    r"|dân trí|zing|nhân dân|tiền phong|lao động|sức khỏe|đời sống|cổng thông tin|bộ y tế)\b)"
)
_NAME_TOKEN = re.compile(r"^(?:[^\W\d_][.])*[^\W\d_][^\W\d_]*(?:-[^\W\d_]+)?\.?$")
_INITIALS_NAME = re.compile(r"^(?:[^\W\d_]\.\s?){1,3}[^\W\d_]{2,}$")


def is_person_name(text: str) -> bool:
    """Return True if ``text`` reads as a person's name: "Hoàng Tùng", "THU THẢO", "L.Thọ".

    >>> is_person_name("Hoàng Tùng"), is_person_name("Bộ Y tế"), is_person_name("Quang cảnh buổi làm việc")
    (True, False, False)
    """
    text = collapse_spaces(text).strip(" .,;")
    if not text or len(text) > 40:
        return False
    if _INITIALS_NAME.match(text) and text[0].isupper():
        return True
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    if tokens[0].casefold() in ORGANISATION_WORDS or " ".join(tokens[:2]).casefold() in _NOT_NAME_OPENINGS:
        return False
    for token in tokens:
        if not _NAME_TOKEN.match(token) or not token[0].isupper():
            return False
    if all(len(t.rstrip(".")) <= 1 for t in tokens):
        return False
    return not (_has_lower(text) and any(_is_acronym(t) for t in tokens))  # "Nhóm PV", "Bác sĩ CKII"


def _has_lower(text: str) -> bool:
    return any(c.islower() for c in text)


def _is_acronym(token: str) -> bool:
    """Return True for a token of two or more capital letters ("PV", "TTXVN") inside a name-cased phrase."""
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_place_name(text: str) -> bool:
    """Return True if ``text`` is written as a province's name or alias ("Lâm Đồng", "TP HCM"), tone marks included.

    >>> is_place_name("Lâm Đồng"), is_place_name("Hải Phong")
    (True, False)
    """
    return name_key(text) in _place_keys()


@lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    return frozenset(name_key(alias.alias) for alias in aliases())


def _name_case(name: str) -> str:
    """Title-case a name the page shouts ("THU THẢO" -> "Thu Thảo"), keep it otherwise."""
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return name.title()
    return name


def _strip_unit(value: str) -> str:
    """Drop a unit or outlet written after the name ("Ngô Văn Thật - Phòng Tham mưu")."""
    return re.split(r"\s+[-–—]\s+|\s*\|\s*|\s*\(", value, maxsplit=1)[0].strip(" .,;:")


#: A note, unit or outlet in brackets after a byline name: "(tổng hợp)", "(t/h)", "(TTYT huyện Lộc Hà)".
_TRAILING_NOTE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]?\s*$")
#: An outlet after the name: "Vân Anh/VOV-Tây Nguyên", "Minh Trang/VTV.vn".
_OUTLET_AFTER_SLASH = re.compile(r"\s*/\s*")
#: Separators between co-authors or between a name and its unit: "Nguyễn Hà - Minh Anh", "Lê Nga, Hải Hiền".
_NAME_SEPARATOR = re.compile(r"(\s+[-–—]\s+|\s*,\s*|\s+và\s+)")
#: Reporter or agency credits that name no person: "PV", "Nhóm PV", "PV/VTV.vn", "(TTXVN/Vietnam+)".
CREDIT = re.compile(
    r"^\(?\s*(?:(?i:(?:nhóm\s+)?(?:pv|p\.\s?v\.?|ptv|btv|ctv|phóng\s+viên))|[A-ZĐ]{2,}[A-ZĐ0-9]*(?:\.(?:VN|vn))?)"
    r"(?:\s*[/-]\s*[\w.+ -]+)?\s*\)?\.?$"
)


def byline_names(text: str) -> str | None:
    """Return the person name(s) a byline credits, as written, without notes, units or outlets; None if none.

    >>> byline_names("Vân Anh/VOV-Tây Nguyên"), byline_names("Nguyễn Hà - Minh Anh"), byline_names("PV/VTV.vn")
    ('Vân Anh', 'Nguyễn Hà - Minh Anh', None)
    >>> byline_names("Hồng Nhung (tổng hợp)"), byline_names("Minh Phương - TTYT huyện Lộc Hà")
    ('Hồng Nhung', 'Minh Phương')
    """
    value = collapse_spaces(text).strip(" .;")
    if value.startswith("(") and value.endswith(")"):
        value = value[1:-1].strip()
    while _TRAILING_NOTE.search(value) and not _TRAILING_NOTE.fullmatch(value):
        value = _TRAILING_NOTE.sub("", value)
    value = _OUTLET_AFTER_SLASH.split(value, maxsplit=1)[0]
    pieces = _NAME_SEPARATOR.split(value)
    names = pieces[0].strip(" .,;")
    if not is_person_name(names) or OUTLET_HINT.search(names):  # "Thanh Niên" is a paper, not a reporter
        return None
    if names.split()[0].replace(".", "").upper() in _GENERIC_CREDITS:
        return None  # "BTV. TTGDSK": the editor of a unit, no person named
    for separator, part in zip(pieces[1::2], pieces[2::2]):
        part = part.strip(" .,;")
        if not is_person_name(part) or OUTLET_HINT.search(part) or is_place_name(part):
            break  # a unit, an outlet or a place ends the names
        names += separator + part
    return names


def is_credit_value(value: str) -> bool:
    """Return True if what follows a byline prefix reads as a credit: names, or a short phrase that is no sentence.

    >>> is_credit_value("Ban Tuyên giáo Huyện ủy"), is_credit_value("Thưa ông, tỉnh đã chuẩn bị thế nào?")
    (True, False)
    """
    if byline_names(value):
        return True
    return len(value.split()) <= _MAX_CREDIT_WORDS and not _CREDIT_SENTENCE_END.search(value)


def reads_as_byline(line: str) -> bool:
    """Return True for a bare byline line: a reporter's name with its notes, or a credit ("PV", "Nhóm PV").

    >>> reads_as_byline("Vân Anh/VOV-Tây Nguyên"), reads_as_byline("(TTXVN/Vietnam+)"), reads_as_byline("Bộ Y tế")
    (True, True, False)
    """
    line = collapse_spaces(line).strip()
    return bool(line) and (byline_names(line) is not None or bool(CREDIT.match(line)) or is_signature(line))


#: Words of a date line that are not a name: labels, weekdays, time markers, the time zone.
_DATE_LINE_WORDS = re.compile(
    r"(?i)\b(?:thời gian đăng|ngày đăng|ngày cập nhật|cập nhật(?: lúc)?|đăng lúc|đăng ngày|ngày xuất bản|published"
    r"|posted|updated|thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|ngày|lúc|giờ|am|pm|sa|ch)\b\s*:?"
    r"|\(?\s*gmt\s*[+-]?\s*\d*\s*\)?"
)
_MAX_CREDIT_WORDS = 8  # "Ban Tuyên giáo Huyện ủy": a credit naming no person is short
_CREDIT_SENTENCE_END = re.compile(r"[.…?!][\"'”’)\]]*$")
_DATE_LINE_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+")


def name_beside_date(line: str) -> str | None:
    """Return the reporter's name written on a date line, beside the date ("Thanh Huyền | 19/08/2021 07:15").

    A time relative to now stands in for the date ("Đức Toàn · 2 giờ trước").

    >>> name_beside_date("Thanh Huyền Thứ năm, 19/8/2021 07:15 (GMT+7)"), name_beside_date("Ngày đăng: 11/09/2021")
    ('Thanh Huyền', None)
    """
    found = find_date(line)
    start, end = (found.start, found.end) if found else find_relative_time(line) or (-1, -1)
    if start < 0:
        return None
    for side in (line[:start], line[end:]):
        side = _DATE_LINE_WORDS.sub(" ", _TIME.sub(" ", side))
        for chunk in _DATE_LINE_SEPARATOR.split(side):
            names = byline_names(chunk.strip(" ,;:-–|"))
            if names and not is_place_name(names):  # "Hà Nội, ngày 16 tháng 5 năm 2022" is where, not who
                return _name_case(names)
    return None


def author_from_byline(line: str) -> str | None:
    """Return the author's name in a byline or source line, None if it names no person.

    >>> author_from_byline("Tin, ảnh: L.Thọ"), author_from_byline("Nguồn: covid19.gov.vn")
    ('L.Thọ', None)
    """
    line = collapse_spaces(line)
    m = BYLINE_PREFIX.match(line)
    if m:
        names = byline_names(m.group("value"))
        if names:
            return _name_case(names)
        name = _strip_unit(m.group("value"))
        credit = CREDIT.match(name) or OUTLET_HINT.search(name)
        return _name_case(name) if name and not credit and is_credit_value(name) else None
    m = SOURCE_PREFIX.match(line)
    if m:
        value = m.group("value")
        if _strip_unit(value) != value.strip(" .") or not OUTLET_HINT.search(value):
            names = byline_names(value)
            return _name_case(names) if names else None
        return None
    names = byline_names(line)
    if names:
        return _name_case(names)
    return line.strip(" .") if is_signature(line) else None


#: A signature of two or three capitals under an article ("TH", "CTV", "N.H"); "PV", "BTV", "PTV" name no one.
_SIGNATURE = re.compile(r"^(?:[A-ZĐ]{2,3}|[A-ZĐ]\.[A-ZĐ](?:\.[A-ZĐ])?)\.?$")
_GENERIC_CREDITS = frozenset({"PV", "BTV", "PTV"})


def is_signature(line: str) -> bool:
    """Return True for a short signature of two or three capitals that names the writer ("TH", "CTV").

    >>> is_signature("TH"), is_signature("CTV"), is_signature("PV"), is_signature("UBND")
    (True, True, False, False)
    """
    line = line.strip()
    return bool(_SIGNATURE.match(line)) and line.replace(".", "") not in _GENERIC_CREDITS  # "P.V" is "PV"


def site_from_source(line: str) -> str | None:
    """Return the outlet a source line names ("Nguồn: covid19.gov.vn" -> "covid19.gov.vn").

    >>> site_from_source("(Nguồn: Liên Châu - Thanh Niên Online)")
    'Thanh Niên Online'
    """
    m = SOURCE_PREFIX.match(collapse_spaces(line))
    if not m:
        return None
    value = m.group("value").strip(" .")
    parts = re.split(r"\s+[-–—]\s+|\s*\|\s*", value)
    outlet = parts[-1].strip(" .()") if len(parts) > 1 else value
    if len(parts) == 1 and is_person_name(outlet) and not OUTLET_HINT.search(outlet):
        return None
    return outlet or None


# A site tag opening a lead paragraph: "(Haiphong.gov.vn) - ", "TTH.VN - ", "HCDC - ", "baohanoimoi.vn - ".
_SITE_TAG = re.compile(
    r"^(?:\((?P<paren>[^()\n]*[^\W\d_][^()\n]*?)\)|(?P<bare>[A-ZĐ]{2,}[A-ZĐ0-9]*(?:\.(?:VN|vn|COM|com))?"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)))\s*[-–—]\s+(?=\S)"
)
_TAG_TOKEN = re.compile(r"\S*\w\S*")


def split_site_tag(text: str) -> tuple[str | None, int]:
    """Return (site tag, length of the tag with its dash) at the start of a lead paragraph.

    >>> split_site_tag("(Haiphong.gov.vn) - Chiều 4/7, đồng chí Đào Trọng Đức ...")
    ('Haiphong.gov.vn', 20)
    >>> split_site_tag("Hà Nội - Sáng nay ...")
    (None, 0)
    """
    m = _SITE_TAG.match(text)
    if not m:
        return None, 0
    tag = (m.group("paren") or m.group("bare") or "").strip()
    if m.group("bare") and len(tag) < 2:
        return None, 0
    if m.group("paren") and len(_TAG_TOKEN.findall(tag)) > 4:
        return None, 0
    return tag, m.end()

"""What a page says about its article: title, publish date and time, author and site tag.

The cleaner (:mod:`covidlib.clean`) finds *where* the title, the date line and the
bylines are; this module reads them. Dates become ISO text
(``"2021-10-08T19:00"``, or ``"2021-05-29"`` when the page gives no time); a date
without a year is never completed by guessing: ``published`` stays ``None`` and
``date_note`` says why.

>>> parse_published("Thứ 6, Ngày 08/10/2021, 19:00")
'2021-10-08T19:00'
>>> author_from_byline("Tác giả bài viết: Ngô Văn Thật - Phòng Tham mưu")
'Ngô Văn Thật'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Mapping

from .document import Metadata
from .normalize import collapse_spaces

if TYPE_CHECKING:  # the cleaner imports this module; only the type goes the other way
    from .clean import Cleaned

__all__ = [
    "DateMatch",
    "find_date",
    "parse_published",
    "yearless_dates",
    "is_person_name",
    "author_from_byline",
    "site_from_source",
    "read_metadata",
    "title_hints",
    "TITLE_HINT_KEYS",
    "BYLINE_PREFIX",
    "SOURCE_PREFIX",
    "ORGANISATION_WORDS",
]

# --- dates ---------------------------------------------------------------

_YEAR = r"((?:19|20)\d{2})"
_DAY_MONTH_YEAR = re.compile(r"(?<![\d/.\-])(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*" + _YEAR + r"(?![\d/])")
_YEAR_MONTH_DAY = re.compile(r"(?<![\d/.\-])" + _YEAR + r"-(\d{1,2})-(\d{1,2})(?![\d\-])")
_WORDED_DATE = re.compile(r"(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm|,)\s*" + _YEAR)
_DAY_MONTH = re.compile(r"(?<![\d/.\-,])(\d{1,2})\s*([/.\-])\s*(\d{1,2})(?![\d/]|[.\-]\d|\s*[/.\-]\s*\d)"
    r"(?!\s*(?:tuổi|ca\b|người|giường|trường hợp|mẫu|liều|quận|huyện|xã|tỉnh|quốc gia|%))")
_TIME = re.compile(
    r"(?i)(?<![\d:.,])(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})(?::\d{2})?(?![\d.,])(?:\s*(AM|PM|SA|CH)\b)?"
)
_DAY_WORDS = re.compile(r"(?i)\b(?:sáng|trưa|chiều|tối|đêm|ngày|hôm)\s+(?:nay\s*,?\s*)?$")


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
    for start, end, year, month, day in sorted(found):
        if _valid(year, month, day):
            hour, minute = _time_near(text, start, end)
            return DateMatch(start, end, year, month, day, hour, minute)
    return None


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
SOURCE_PREFIX = re.compile(r"(?i)^\(?\s*(?:nguồn(?!\s+tin\b)|theo)\s*:?\s+(?P<value>\S.*?)\s*\)?\s*\.?$")
#: First words that make a capitalised phrase an organisation or a place, not a person.
ORGANISATION_WORDS = frozenset(
    """bộ sở báo cổng trang ban ubnd hđnd trung cục viện bệnh tạp đài thông văn công tỉnh thành huyện
    xã phường quận tp tin bài ảnh video nguồn theo hội đoàn đảng phòng chi trường học nhà khu tổng
    lượt các những trong tại với và của thủ chính quốc việt bản xem đăng ngày""".split()
)
_OUTLET_HINT = re.compile(
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
    if tokens[0].casefold() in ORGANISATION_WORDS:
        return False
    for token in tokens:
        if not _NAME_TOKEN.match(token) or not token[0].isupper():
            return False
    if all(len(t.rstrip(".")) <= 1 for t in tokens):
        return False
    return True


def _name_case(name: str) -> str:
    """Title-case a name the page shouts ("THU THẢO" -> "Thu Thảo"), keep it otherwise."""
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return name.title()
    return name


def _strip_unit(value: str) -> str:
    """Drop a unit or outlet written after the name ("Ngô Văn Thật - Phòng Tham mưu")."""
    return re.split(r"\s+[-–—]\s+|\s*\|\s*|\s*\(", value, maxsplit=1)[0].strip(" .,;:")


def author_from_byline(line: str) -> str | None:
    """Return the author's name in a byline or source line, None if it names no person.

    >>> author_from_byline("Tin, ảnh: L.Thọ"), author_from_byline("Nguồn: covid19.gov.vn")
    ('L.Thọ', None)
    """
    line = collapse_spaces(line)
    m = BYLINE_PREFIX.match(line)
    if m:
        name = _strip_unit(m.group("value"))
        return _name_case(name) if name and (is_person_name(name) or not _OUTLET_HINT.search(name)) else None
    m = SOURCE_PREFIX.match(line)
    if m:
        value = m.group("value")
        name = _strip_unit(value)
        if name != value.strip(" .") or not _OUTLET_HINT.search(value):
            return _name_case(name) if is_person_name(name) else None
        return None
    if is_person_name(line):
        return _name_case(line.strip(" .,;"))
    return None


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
    if len(parts) == 1 and is_person_name(outlet) and not _OUTLET_HINT.search(outlet):
        return None
    return outlet or None


# --- reading a cleaned page ----------------------------------------------

def _hint(hints: Mapping[str, Any] | None, key: str) -> str | None:
    value = (hints or {}).get(key)
    if value is None:
        return None
    value = collapse_spaces(str(value))
    return value or None


def _published(cleaned: "Cleaned") -> tuple[str | None, str | None]:
    """Return (ISO date or None, note) from the page's date lines, never guessing a year."""
    page = cleaned.page
    yearless: list[str] = []
    for span in cleaned.datelines:
        line = span.text(page)
        found = find_date(line)
        if found is not None:
            return found.iso, None
        yearless.extend(line[d.start : d.end] for d in yearless_dates(line))
    if yearless:
        return None, f"the date line gives '{yearless[0]}' without a year; the year is not guessed"
    mentions = yearless_dates(cleaned.body[:600])
    if mentions:
        m = mentions[0]
        return None, (f"the page has no date line; the body mentions '{cleaned.body[m.start:m.end]}' "
                      "without a year, so the year is not guessed")
    return None, "the page gives no publication date"


def _author(cleaned: "Cleaned") -> str | None:
    """Return the author from the bylines the cleaner found (prefixed forms first)."""
    page = cleaned.page
    ranked = sorted(cleaned.bylines, key=lambda s: {"prefix": 0, "source": 1, "name": 2, "dateline": 3}.get(
        s.data.get("form", ""), 4))
    for span in ranked:
        line = span.text(page)
        if span.data.get("form") == "dateline":
            line = line.split("|", 1)[-1]
        name = author_from_byline(line)
        if name:
            return name
    return None


def _site(cleaned: "Cleaned") -> str | None:
    if cleaned.site:
        return cleaned.site
    for span in cleaned.bylines:
        if span.data.get("form") == "source":
            site = site_from_source(span.text(cleaned.page))
            if site:
                return site
    return None


#: Hint keys that may hold the title, best first (``h1`` and ``og_title`` come from HTML pages).
TITLE_HINT_KEYS = ("title", "h1", "og_title")
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_VIETNAM_TIME = timezone(timedelta(hours=7))


def title_hints(hints: Mapping[str, Any] | None) -> list[str]:
    """Return the non-empty title hints (``title``, ``h1``, ``og_title``) in order of trust."""
    return [value for key in TITLE_HINT_KEYS if (value := _hint(hints, key))]


def _strip_site_suffix(title: str) -> str:
    """Drop a site name after the headline ("Hà Nội thêm 12 ca | Báo Sức khỏe" -> "Hà Nội thêm 12 ca")."""
    parts = _SITE_SUFFIX.split(title)
    if len(parts) > 1 and len(parts[-1].split()) <= 6 and len(parts[0].split()) >= 4:
        return _SITE_SUFFIX.split(title, maxsplit=1)[0] if len(parts) == 2 else " - ".join(parts[:-1])
    return title


def _title(cleaned: "Cleaned", hints: Mapping[str, Any] | None) -> str | None:
    """Return the title: a hint the page shows as a line, else the first hint without its site suffix, else the page's."""
    page_title = collapse_spaces(cleaned.title.text(cleaned.page)) if cleaned.title else None
    candidates = title_hints(hints)
    if not candidates:
        return page_title
    lines = {collapse_spaces(line).casefold() for line in cleaned.page.split("\n")}
    for candidate in candidates:
        if candidate.casefold() in lines:
            return candidate
    return _strip_site_suffix(candidates[0])


def _iso_from_hint(value: str) -> str | None:
    """Return the ISO date of a hint; a timestamp with a zone is given in Vietnam time (UTC+7)."""
    try:
        stamp = datetime.fromisoformat(value.strip())
    except ValueError:
        found = find_date(value)
        return found.iso if found else None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(_VIETNAM_TIME)
    has_time = bool(re.search(r"\d[T ]\d", value))
    return stamp.strftime("%Y-%m-%dT%H:%M" if has_time else "%Y-%m-%d")


def read_metadata(cleaned: "Cleaned", *, hints: Mapping[str, Any] | None = None) -> Metadata:
    """Return the title, publish date, author and site tag of a cleaned page.

    ``hints`` (``title``/``h1``/``og_title``, ``published``, ``author``, ``site``, e.g.
    from HTML meta tags or JSON fields) win over what the page text says; a hinted
    day without a time keeps the page's time for that same day.
    """
    published, note = _published(cleaned)
    hinted = _hint(hints, "published")
    if hinted:
        iso = _iso_from_hint(hinted)
        if iso and not (published and len(iso) == 10 and published.startswith(iso)):
            published, note = iso, None
        elif not iso and published is None:
            note = f"the published hint '{hinted}' is not a full date; {note}"
    author = _hint(hints, "author") or _author(cleaned)
    site = _hint(hints, "site") or _site(cleaned)
    return Metadata(title=_title(cleaned, hints), published=published, date_note=note, author=author, site=site)

"""Dates written in article text, and the date a reported figure refers to.

Vietnamese writes day before month: "28/5", "8-10", "19.6", "ngày 11 tháng 5",
"16/05/2022", "tháng 4/2021". :func:`find_dates` returns these as spans;
:func:`resolve_as_of` turns a sentence into the ISO date its figures are *as of*,
using the page's :class:`DateFrame` for the year ("tính đến 6 giờ ngày 28/5" in an
article of 2021-05-28 -> ``2021-05-28``) and never guessing a year when the page lets
no reader know it. :func:`date_frame` builds that frame once per page: the publish date,
else the dated title, else the latest date with a year the body writes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Sequence

from ..document import Span
from ..normalize import fold

__all__ = ["find_dates", "resolve_as_of", "parse_published", "date_from_parts", "DateFrame", "date_frame"]

# --- date expressions --------------------------------------------------------
# Every pattern runs on the folded (lower-case, same-length) text.

# Each date pattern starts with a character it matches and checks what comes before that character
# after it ("\d(?<![\d.,/-]\d)" is "(?<![\d.,/-])\d"): the regex engine then skips ahead to the
# digits or words a date can start with, four times faster on a page than a look-behind in front.
_FULL = re.compile(r"(\d(?<![\d.,/-]\d)\d?)\s?([/.-])\s?(\d{1,2})\2(\d{4})(?![\d/])")
_WORDS = re.compile(r"n(?<!\wn)gày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm\s+|[/,]\s*)(\d{4}))?")
_DIGIT = re.compile(r"\d")
_MONTH_YEAR = re.compile(r"t(?<!\wt)háng\s+(\d{1,2})(?:\s*[/.-]\s*|\s+năm\s+)(\d{4})(?![\d/])")
_DAY_MONTH = re.compile(r"(\d(?<![\d.,/\w-]\d)\d?)([/.-])(\d{1,2})(?![\d/\w]|[.,-]\d)")

# Words that make "8-10" a date rather than a range when they come just before it.
_DATE_CUE = re.compile(
    r"(?:\bngày|\bhôm|\bsáng|\btrưa|\bchiều|\btối|\bđêm|\brạng sáng|\bđến|\btới|\btừ|\bnay|"
    r"\bgiờ|\d+h|\bvào|\bvà|\bđầu|\bcuối|\bqua|\bvới|\bvề|\bthứ (?:hai|ba|tư|năm|sáu|bảy)|"
    r"\bchủ nhật|\btrước|\bsau|\(|,)\s*$"
)
# Words after which a day/month is a date whatever follows it ("ngày 15/9 tỉnh ghi nhận").
_DAY_WORD = re.compile(r"(?:\bngày|\bhôm|\bsáng|\btrưa|\bchiều|\btối|\bđêm|\brạng sáng|\bmùng|\bmồng)\s*$")
# A day/month written with a slash is a rank or a share after these words ("thứ 32/225").
_RANK_CUE = re.compile(r"(?:\bthứ|\bxếp|\bhạng|\bđạt|\btỷ lệ|\btỉ lệ)\s*$")
# ... and a range or a share when a quantity noun follows it ("14-21 ngày", "1/2 số").
_QUANTITY_AFTER = re.compile(
    r"\s*(?:ca|trường hợp|người|bệnh nhân|giường|ngày|tuần|tháng|năm|tuổi|giờ|phút|%|phần|số|"
    r"triệu|nghìn|ngàn|tỷ|tỉ|mẫu|liều|mũi|kỹ sư|bác sĩ|máy|chiếc|cái|xã|huyện|tỉnh|quận|điểm|"
    r"km|m\b|kg|tấn|đồng|usd)\b"
)

_FROM_CUE = re.compile(r"(?:\btừ|\bkể từ|\btính từ|\bbắt đầu từ)(?:\s+\S+){0,6}?\s*$")
_TO_CUE = re.compile(
    r"(?:\bđến|\btới|\bcho đến|\btính đến)\s*(?:(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2})?|\d{1,2}:\d{2}|"
    r"sáng|trưa|chiều|tối|đêm|rạng sáng|hết|ngày|hôm|,)\s*)*$"
)
_COMPARED_CUE = re.compile(r"\bso với(?:\s+(?:cùng\s+kỳ|ngày|hôm|cùng|kỳ))*\s*$")

# Phrases that put a figure at the time of writing.
_NOW = re.compile(
    r"(?<!trước )\b(?:đến|tới|cho đến|tính đến)\s+(?:thời điểm\s+)?(?:nay|hiện tại|hiện nay|bây giờ|này)\b|"
    r"(?<!phát )(?<!xuất )(?<!thể )(?<!thực )\bhiện (?:nay|tại|có|còn|đang|vẫn|đã)\b|^hiện\b|\bhôm nay\b|"
    r"\b(?:sáng|trưa|chiều|tối|đêm) nay\b|\bngày nay\b|\btrong 24 giờ qua\b|\b24 giờ qua\b|\b24h qua\b|"
    r"\btrong ngày hôm nay\b"
)
# A year the figures belong to ("năm 2020", "trong năm 2021"), not a start ("từ năm 2020") or a birth year.
_YEAR_ONLY = re.compile(r"(?<!sinh )(?<!\w)năm (20(?:19|2\d))(?![\d/])")
_SINCE = re.compile(r"(?<!\w)từ(?!\w)")
# A year written on the page (the windows before it are read for a full date), and a year
# named as such ("mùa Xuân năm 2022, từ ngày 29/1"), whose clause dates its day/months.
_YEAR_WRITTEN = re.compile(r"(?<!\d)20[12]\d(?!\d)")
_YEAR_NAMED = re.compile(r"(?<![Ss]inh )(?<!\w)[Nn]ăm (20[12]\d)(?![\d/])")
_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)|\n")
_CLAUSE_CHARS = 80
_WINDOW_CHARS = 60
_YESTERDAY = re.compile(r"\b(?:hôm qua|ngày hôm qua)\b")


#: Years the epidemic's news can carry: a date outside them (a "01/01/1900" placeholder, a "2099" typo) is flagged, not used.
EPIDEMIC_YEARS = range(2019, 2026)


def parse_published(published: str | None) -> date | None:
    """Return the date part of an ISO ``published`` value ("2021-05-28T16:19" -> 2021-05-28)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def date_from_parts(day: int, month: int, year: int | None, *, published: date | None) -> date | None:
    """Return the date of a day/month, taking the year nearest the publish date when none is written.

    >>> date_from_parts(28, 12, None, published=date(2022, 1, 2))
    datetime.date(2021, 12, 28)
    """
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if published is None:
        return None
    candidates = []
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(y, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - published).days))


@dataclass(frozen=True)
class DateFrame:
    """The dates a page is read at: the day "đến nay" means, and the date that gives "28/5" its year.

    ``day`` is the day the page speaks at ("đến nay", "hiện", "hôm qua", a figure with no date
    of its own); ``anchor`` is the date nearest which a day/month written without a year falls.
    ``source`` says which date was used: ``published`` (the publish date), ``title`` (the date
    of a dated title, "... ngày 28/8/2021"), ``written`` (the latest day with a year that the
    page writes, "Kết quả xét nghiệm ngày 10/5/2021"), ``year`` (only a start, a month or a
    named year tells the year: "kể từ ngày 8/7/2020", "tháng 12/2021"; no day is known) or
    ``none`` (the page lets no reader know the year: nothing is guessed).
    """

    day: date | None
    anchor: date | None
    source: str


def date_frame(published: str | None, *, title: str | None = None, body: str = "") -> DateFrame:
    """Return the page's :class:`DateFrame`: the publish date, else the dated title, else the dates written.

    A title's day/month without a year takes the year of the dates the body writes.

    >>> date_frame(None, title="Thông tin ca mắc mới ngày 28/8/2021", body="481 ca từ 18/7/2021 đến nay.")
    DateFrame(day=datetime.date(2021, 8, 28), anchor=datetime.date(2021, 8, 28), source='title')
    >>> date_frame(None, title="Hà Nội", body="Có 72.000 người về kể từ ngày 8/7/2020.").source
    'year'
    >>> date_frame(None, title="Ngày 18.9, tỉnh có 3 ca", body="Từ 18.7 đến nay, tỉnh có 627 ca.")
    DateFrame(day=None, anchor=None, source='none')
    """
    pub = parse_published(published)
    if pub is not None and pub.year in EPIDEMIC_YEARS:
        return DateFrame(pub, pub, "published")
    day, anchor = _latest_written(body, title or "")
    days = [s for s in find_dates(title or "") if s.data["day"] is not None]
    named = [s for s in days if s.data["role"] == "to"][-1:] or [s for s in days if s.data["role"] == "at"][:1]
    dated = _span_date(named[0], anchor) if named else None  # "Ngày 22/1, ...", "... đến ngày 30/8/2021"
    if dated is not None and dated.year in EPIDEMIC_YEARS:
        return DateFrame(dated, dated, "title")
    if day is not None:
        return DateFrame(day, max(day, anchor or day), "written")
    return DateFrame(None, anchor, "year") if anchor is not None else DateFrame(None, None, "none")


def _latest_written(*texts: str) -> tuple[date | None, date | None]:
    """Return the latest day with a year that ``texts`` write, and the latest date with a year of any kind.

    Only a day a figure can be at counts as a day ("ngày 10/5/2021", "đến ngày 2/12/2021"); a
    start ("kể từ ngày 8/7/2020") or a month ("tháng 12/2021": its 1st) tells only the year.
    A day/month in the clause after a named year ("năm 2022, từ ngày 29/1") is dated by it.
    Only the windows around the years written are read: cheap on long pages.
    """
    found: list[tuple[date | None, bool]] = []
    for text in texts:
        for year in _YEAR_WRITTEN.finditer(text):
            window = text[max(0, year.start() - _WINDOW_CHARS) : year.end()]
            found += [(date_from_parts(d.data["day"] or 1, d.data["month"], d.data["year"], published=None),
                       d.data["day"] is not None and d.data["role"] in ("at", "to"))
                      for d in find_dates(window) if d.data["year"] is not None and d.end == len(window)]
        for named in _YEAR_NAMED.finditer(text):
            clause = text[named.end() : named.end() + _CLAUSE_CHARS]
            end = _CLAUSE_END.search(clause)
            clause = clause[: end.start()] if end else clause
            found += [(date_from_parts(d.data["day"], d.data["month"], int(named.group(1)), published=None),
                       d.data["role"] in ("at", "to"))
                      for d in find_dates(clause) if d.data["day"] is not None and d.data["year"] is None]
    found = [(d, is_day) for d, is_day in found if d is not None and d.year in EPIDEMIC_YEARS]
    day = max((d for d, is_day in found if is_day), default=None)
    return day, max((d for d, _ in found), default=None)


def _valid(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _role(key: str, start: int) -> str:
    """Say whether a date at ``start`` opens a period ('from'), closes it ('to'), is compared to, or is 'at'."""
    before = key[max(0, start - 60) : start]
    if _TO_CUE.search(before):
        return "to"
    if _COMPARED_CUE.search(before):
        return "compared"
    from_cue = _FROM_CUE.search(before)
    if from_cue and "đến" not in before[from_cue.start() :] and "tới" not in before[from_cue.start() :]:
        return "from"
    return "at"


def find_dates(text: str) -> list[Span]:
    """Return the dates written in ``text`` as spans labelled ``date``.

    ``data`` holds ``day`` (None for a month), ``month``, ``year`` (None when not written),
    ``role`` ('at', 'from', 'to', 'compared') and ``raw``.

    >>> [(s.text("tính đến 6 giờ ngày 28/5"), s.data["day"], s.data["month"]) for s in find_dates("tính đến 6 giờ ngày 28/5")]
    [('28/5', 28, 5)]
    """
    if _DIGIT.search(text) is None:  # every date shape has digits
        return []
    key = fold(text)
    found: list[tuple[int, int, int | None, int, int | None]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _FULL.finditer(key):
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if _valid(d, mo):
            found.append((m.start(), m.end(), d, mo, y))
            taken.append((m.start(), m.end()))
    for m in _WORDS.finditer(key):
        d, mo = int(m.group(1)), int(m.group(2))
        if _valid(d, mo) and free(m.start(), m.end()):
            y = int(m.group(3)) if m.group(3) else None
            found.append((m.start(1), m.end(), d, mo, y))
            taken.append((m.start(), m.end()))
    for m in _MONTH_YEAR.finditer(key):
        mo, y = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12 and free(m.start(1), m.end()):
            found.append((m.start(1), m.end(), None, mo, y))
            taken.append((m.start(), m.end()))
    for m in _DAY_MONTH.finditer(key):
        d, sep, mo = int(m.group(1)), m.group(2), int(m.group(3))
        if not _valid(d, mo) or not free(m.start(), m.end()):
            continue
        before = key[max(0, m.start() - 30) : m.start()]
        after = key[m.end() : m.end() + 12]
        if _RANK_CUE.search(before) or (_QUANTITY_AFTER.match(after) and not _DAY_WORD.search(before)):
            continue
        if sep == "-" and not _DATE_CUE.search(before):
            continue
        if sep == "." and len(m.group(3)) == 2 and m.group(3).startswith("0"):
            continue  # "1.05" reads as a decimal more often than as 1 May
        found.append((m.start(), m.end(), d, mo, None))
        taken.append((m.start(), m.end()))
    found.sort()
    return [
        Span(s, e, "date", {"day": d, "month": mo, "year": y, "role": _role(key, s), "raw": text[s:e]})
        for s, e, d, mo, y in found
    ]


# --- as-of dates -----------------------------------------------------------------

@lru_cache(maxsize=4096)
def _explicit(sentence: str, published: date | None, today: date | None) -> tuple[str, date | None] | None:
    """Return ('date', d) or ('now', None) for what ``sentence`` itself says, or None.

    ``published`` gives day/months their year; ``today`` is the day "hôm qua" is the day before.

    Remembered: :func:`resolve_as_of` asks again about the earlier sentences of an article.
    """
    key = fold(sentence)
    dates = find_dates(sentence)
    spans = [s for s in dates if s.data["day"] is not None]
    to_dates = [s for s in spans if s.data["role"] == "to"]
    if to_dates:
        return "date", _span_date(to_dates[-1], published)
    if _NOW.search(key):
        return "now", None
    if _YESTERDAY.search(key):
        return "date", (today - timedelta(days=1)) if today else None
    at_dates = [s for s in spans if s.data["role"] == "at"]
    if at_dates:
        return "date", _span_date(at_dates[0], published)
    if any(s.data["role"] == "from" for s in dates):
        return "now", None  # "từ tháng 4/2021 ..." with no end: counted up to now
    return None


@lru_cache(maxsize=4096)
def _period_end(sentence: str, published: date | None) -> tuple[str, date | None] | None:
    """Return what a month or a year named in the sentence says: its last day if it is over, else now.

    "Trong tháng 8/2021, tỉnh ghi nhận 5.000 ca" in an article of September 2021 is as of 2021-08-31;
    "Năm 2020, tỉnh có 12 ca" in an article of 2021 is as of 2020-12-31; in one of 2020, as of its date.
    Only a sentence's own figures read it: a year named earlier in the article sets no date for later ones.
    """
    key, dates = fold(sentence), find_dates(sentence)
    months = [s for s in dates if s.data["day"] is None and s.data["role"] == "at" and s.data["year"]]
    if months:
        year, month = months[0].data["year"], months[0].data["month"]
        end = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    else:
        match = _YEAR_ONLY.search(key)
        if match is None:
            return None
        if _SINCE.search(key, max(0, match.start() - 40), match.start()):
            return "now", None  # "kể từ khi dịch bùng phát năm 2020": counted up to now
        end = date(int(match.group(1)), 12, 31)
    if published is None:
        return "date", end
    return ("date", end) if end < published else ("now", None)


def _span_date(span: Span, published: date | None) -> date | None:
    return date_from_parts(span.data["day"], span.data["month"], span.data["year"], published=published)


def resolve_as_of(
    sentence: str, *, published: str | None = None, context: Sequence[str] | None = None,
    frame: DateFrame | None = None,
) -> str | None:
    """Return the ISO date the figures of ``sentence`` refer to, or None when the year is unknown.

    The sentence's own date wins ("đến sáng 8-10" -> ``YYYY-10-08``); "đến nay", "hiện",
    "trong 24 giờ qua" mean the frame's day (None when the page tells only the year); a month or year of its own that is over gives
    its last day ("năm 2020" -> ``2020-12-31``); otherwise the nearest earlier sentence of
    ``context`` (earlier sentences of the article, in reading order) that states a date;
    otherwise the frame's day. ``frame`` is the page's :func:`date_frame`; without one, the
    publish date alone frames the sentence.

    >>> resolve_as_of("tính đến 6 giờ ngày 28/5, tỉnh có 57 ca", published="2021-05-28T16:19")
    '2021-05-28'
    """
    frame = frame or date_frame(published)
    found = _explicit(sentence, frame.anchor, frame.day) or _period_end(sentence, frame.anchor)
    if found is None:
        for earlier in reversed(context or ()):
            found = _explicit(earlier, frame.anchor, frame.day)
            if found is not None:
                break
    if found is None or found[0] == "now":
        return frame.day.isoformat() if frame.day else None
    return found[1].isoformat() if found[1] and found[1].year in EPIDEMIC_YEARS else None  # 1900, 2099: not used

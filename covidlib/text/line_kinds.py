"""Classify the lines of a scraped page by their own shape, before the article is looked for.

Every non-blank line becomes a :class:`Line` with its page offsets and how it reads: a
furniture kind ("menu", "dateline", "byline", "related", "footer", ...) recognised by
structure (length, final punctuation, separators, labels) and by marker phrases kept as
data in :mod:`covidlib.text.markers`, else whether it reads as an article's lead sentence
or as body prose. A page hard-wrapped at a fixed width (a text-mode browser's dump) has its
paragraphs joined back (:func:`unwrap`). The shape recognisers the cleaner needs beyond that
(headlines, list items, lines in capitals, section labels, a bulletin's data lines) are here
too; :mod:`covidlib.text.clean` uses them to find the article and build its body.

>>> lines = split_lines("Trang chủ | Thời sự | Thế giới\\n\\nSở Y tế cho biết thành phố ghi nhận 12 ca mới.")
>>> for line in lines:
...     classify(line)
>>> [(line.kind, line.lead) for line in unwrap(lines)]
[('menu', False), (None, True)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import (
    BYLINE_PREFIX,
    SOURCE_PREFIX,
    find_date,
    find_relative_time,
    impossible_date,
    is_credit_value,
    reads_as_byline,
    yearless_dates,
)
from .markers import BODY_ENDING_KINDS, LINE_MARKERS, SENTENCE_KINDS

__all__ = [
    "ANY_END",
    "ENTRY_TIME",
    "LOWER",
    "Line",
    "MAX_TITLE_TOKENS",
    "RELATIVE_REASON",
    "SENTENCE_END",
    "WORD",
    "classify",
    "is_data_line",
    "is_dated_headline",
    "is_headline",
    "is_labelled_value",
    "is_list_item",
    "is_section_label",
    "is_shouting",
    "line_kind",
    "reads_as_title",
    "split_lines",
    "token_count",
    "unwrap",
]

_COMPILED_MARKERS = tuple((kind, reason, re.compile(rf"(?i)(?:{pattern})")) for kind, reason, pattern in LINE_MARKERS)
# A line that no marker matches whole is told by one match of all of them (most lines are no furniture).
_ANY_MARKER = re.compile("(?i)" + "|".join(f"(?:{pattern})" for _kind, _reason, pattern in LINE_MARKERS))
_FOOTER_EVIDENCE = re.compile(r"©|\(c\)|\bsố\s*\d+\s*/|[\w.+-]+@[\w-]+\.|(?:^|\s)(?:0|\+84)\d{2,3}[ .]?\d{3}"
                              r"|(?i:^(?:cơ quan chủ quản|chịu trách nhiệm (?:nội dung|xuất bản))\s*:)")
_CONTACT_PREFIX = re.compile(r"(?i)^(?:địa chỉ|điện thoại|đt|tel|fax|e-?mail|hotline|đường dây nóng|số điện thoại)\s*:")
_PHONE = re.compile(r"(?<!\d)(?:\(0\d{1,3}\)\s?|0\d{1,3}[ .]?|1[89]00[ .]?)\d{3,4}(?:[ .]?\d{3,4})?(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?i)(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)(?:/\S*)?")
_CONTACT_ONLY = re.compile(r"^(?:\s|[-–|/,;:()•]|{phone}|{email}|{url})+$".format(
    phone=_PHONE.pattern, email=_EMAIL.pattern, url=_URL.pattern.replace("(?i)", "")), re.I)
_MENU_SEPARATOR = re.compile(r"\s+[|»›>]\s+|\s*\|\s*")
_BULLET = re.compile(r"^(?:[•·▪►*]|[-–+](?=\s)|\d{1,2}[.)](?=\s))\s*")
_TOKEN = re.compile(r"\S*\w\S*")
SENTENCE_END = re.compile(r"(?:[.…]|\./\.)[\"'”’)\]]*$")
ANY_END = re.compile(r"[.…!?;:][\"'”’)\]]*$")
# Latin letters with Vietnamese diacritics, by case (regular expressions have no \p{Ll}).
_LATIN = [chr(c) for c in [*range(0x41, 0x250), *range(0x1E00, 0x1F00)]]
LOWER = "".join(c for c in _LATIN if c.islower())
_UPPER = "".join(c for c in _LATIN if c.isupper())
_INNER_SENTENCE_END = re.compile(f"(?<=\\w\\w\\w)[.!?…][\"'”’)\\]]*\\s+(?=[{_UPPER}])")
_CASE_GLUE = re.compile(f"(?<=[{LOWER}]{{2}})[{_UPPER}](?=[{LOWER}])")
_DIGIT_GLUE = re.compile(f"(?<=[{LOWER}]{{2}})\\d+[.,]?\\d*\\s+[{LOWER}{_UPPER}]")
_DATE_LABEL = re.compile(r"(?i)^(?:thời gian đăng|ngày đăng|ngày cập nhật|cập nhật|đăng lúc|đăng ngày|ngày xuất bản"
                         r"|published|posted|updated)\b")
_DATE_WORDS = re.compile(r"(?i)\b(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|ngày|lúc|giờ|am|pm|sa|ch|gmt|"
                         r"thời gian đăng|ngày đăng|cập nhật|đăng|clock|lượt xem|bình luận|views?)\b")
_BACK_LINK = re.compile(
    f"(?i:quay lại|quay về|trở về|trở lại)(?:\\s+(?:(?i:trang|đầu)\\b|[{_UPPER}])\\S*(?:\\s+\\S+){{0,2}})?")
_RELATIVE_REST = re.compile(r"\d{1,2}[:h]\d{2}|[\s·•|,;:()\[\]\-–—]+")
_CLOCK_LABEL = re.compile(r"(?i)^(?:hôm nay(?: là)?|today(?: is)?)\s*[:,]?\s*")
_WEEKDAY = re.compile(r"(?i)\b(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật)\b")
_BREADCRUMB_SEPARATOR = re.compile(r"\s+[»›>·]\s+|\s+/\s+")
_WIDGET_SEPARATOR = re.compile(r"\s+[|•·]\s+|\s*\|\s*")
# The characters each separator needs: a line without them is not split at all.
_MENU_MARK, _BREADCRUMB_MARK, _WIDGET_MARK = re.compile(r"[|»›>]"), re.compile(r"[»›>·/]"), re.compile(r"[|•·]")
_LABELLED = re.compile(r"^(?P<label>[^:\d]{2,40}?)\s*:\s*(?P<value>\S.*)$")
#: Labels that name the page's section, not the article: "Chủ đề: ...", "Chuyên mục: ...", "Bạn đang ở: ...".
_SECTION_LABEL = re.compile(r"(?i)chủ đề|chuyên mục|chuyên trang|danh mục|lĩnh vực|thể loại|nhóm tin|mục"
                            r"|bạn đang ở|vị trí(?: hiện tại)?|you are here|section|category")
_NUMBER_VALUE = re.compile(r"[+-]?\d[\d.,]*\s*(?:ca|người|trường hợp|mẫu|liều|mũi|%)?\.?")
WORD = re.compile(r"[^\W_]+")
_PLACE_DATE = re.compile(r"(?i),\s*(?:ngày\s*)?$")  # "Hà Nội, ngày 16/5/2022": where and when, no headline
#: A live timeline's entry opening with its time stamp ("06h45: ...").
ENTRY_TIME = re.compile(r"\d{1,2}\s*(?::|h|giờ)\s*\d{2}\s*[:\-–]\s*\S")
_TIME_OF_DAY = re.compile(r"(?<![\d/.])\d{1,2}\s*(?::|h|giờ)\s*\d{2}(?!\d)")
_GLUED_REASON = "related headlines glued together without spaces"
RELATIVE_REASON = "time relative to when the page was saved"
MAX_TITLE_TOKENS = 40
_MAX_SENTENCE_TITLE_TOKENS = 25
_LONG_LINE_TOKENS = 30
_LONG_LINE_CHARS = 200
_MAX_WRAP_WIDTH = 100  # hard-wrapped pages are wrapped at 60-100 characters
_MIN_WRAPPED_CHARS = 40
_WRAP_SLACK = 2


@dataclass(slots=True)
class Line:
    start: int  # page offsets of the stripped text
    end: int
    text: str
    indent: int
    blank_before: int
    kind: str | None = None  # furniture kind, "dateline", or None for text
    reason: str = ""
    tokens: int = 0
    lead: bool = False  # reads as an article's lead sentence
    prose: bool = False  # reads as body prose
    inline: bool = False  # furniture that also sits inside articles (glued headline widgets)
    last_width: int = 0  # length of the last physical line, once hard-wrapped lines are joined into this one

    @property
    def ends_body(self) -> bool:
        return self.kind in BODY_ENDING_KINDS and not self.inline


# --- line classification -------------------------------------------------

def split_lines(page: str) -> list[Line]:
    """Return the non-blank lines of ``page`` with their stripped offsets."""
    lines: list[Line] = []
    offset, blanks = 0, 0
    for raw in page.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = offset + lead
            lines.append(Line(start, start + len(stripped), stripped, lead, blanks))
            blanks = 0
        else:
            blanks += 1
        offset += len(raw) + 1
    return lines


def token_count(text: str) -> int:
    return len(_TOKEN.findall(text))


def _is_menu(text: str) -> bool:
    """Return True for a line of short link labels separated by '|' or '»'."""
    if not _MENU_MARK.search(text):
        return False
    items = [item for item in _MENU_SEPARATOR.split(text) if item.strip()]
    if len(items) < 3 or SENTENCE_END.search(text):
        return False
    return all(token_count(item) <= 5 for item in items)


def _is_breadcrumb(text: str) -> bool:
    """Return True for a short path of section names ("Thông tin y tế » Dịch bệnh", "Tin tức > Y tế")."""
    if not _BREADCRUMB_MARK.search(text):
        return False
    parts = _BREADCRUMB_SEPARATOR.split(text)
    return len(parts) >= 2 and not ANY_END.search(text) and all(1 <= token_count(p) <= 5 for p in parts)


def _widget_kind(text: str) -> tuple[str, str] | None:
    """Return (kind, reason) for a line of widgets side by side ("Chi tiết | Lượt xem: 356"), each one furniture."""
    if not _WIDGET_MARK.search(text):
        return None
    parts = [part for part in _WIDGET_SEPARATOR.split(text) if part.strip()]
    if len(parts) < 2:
        return None
    found = [_marker(part.strip(), token_count(part)) for part in parts]
    if not all(found):
        return None
    ending = next((f for f in found if f[0] in BODY_ENDING_KINDS), None)
    return ending or ("share", "line of page widgets")


def _label_line(text: str, tokens: int) -> tuple[str, str] | None:
    """Return (kind, reason) for a hotline line: a short label and only a phone number after it.

    "Đường dây nóng phòng chống dịch: 0233 3857 555" is a contact, wherever it sits.
    """
    m = _LABELLED.match(text)
    if not m or tokens > 16:
        return None
    label, value = m.group("label"), m.group("value")
    if _PHONE.search(value) and _CONTACT_ONLY.match(value):
        return "hotline", "hotline or contact number"
    return None


def is_section_label(text: str) -> bool:
    """Return True for a label naming the page's section ("Chủ đề: Phòng chống dịch", "Chuyên mục: Y tế")."""
    m = _LABELLED.match(text)
    return bool(m) and bool(_SECTION_LABEL.fullmatch(m.group("label").strip()))


def is_data_line(text: str) -> bool:
    """Return True for a bulletin's data line: a short label and a number ("Tổng số ca nhiễm: 1.234")."""
    m = _LABELLED.match(text)
    return bool(m) and bool(_NUMBER_VALUE.fullmatch(m.group("value")))


def is_labelled_value(text: str) -> bool:
    """Return True for a labelled value that is never a headline: a section label or a bulletin's data line.

    "Chủ đề: Phòng chống dịch" and "Chuyên mục: Y tế" name the page's section; "Tổng số ca nhiễm:
    1.234" is a bulletin's data line. Both stay where they are (a data line is body), only never a title.
    """
    m = _LABELLED.match(text)
    return bool(m) and (bool(_SECTION_LABEL.fullmatch(m.group("label").strip()))
                        or bool(_NUMBER_VALUE.fullmatch(m.group("value"))))


def _glue_points(text: str) -> int:
    """Count places where one headline runs straight into the next ("sốTrường", "phong tỏa5 sân bay").

    A lower-case word running into a number counts only beside a lower-to-upper join,
    so "covid19" alone is not a glued line.
    """
    cased = len(_CASE_GLUE.findall(text))
    return cased + len(_DIGIT_GLUE.findall(text)) if cased else 0


def _is_glued_headlines(text: str) -> bool:
    """Return True for headlines run together without spaces ("...chuyển đổi sốTrường đại học...")."""
    glue = _glue_points(text)
    return glue >= 3 or (glue >= 2 and not ANY_END.search(text))


def _is_contact(text: str, tokens: int) -> bool:
    """Return True for footer contact lines: address/phone/e-mail lines, or a line of only contacts."""
    if _CONTACT_ONLY.match(text) and (_PHONE.search(text) or _EMAIL.search(text) or _URL.search(text)):
        return True
    return bool(_CONTACT_PREFIX.match(text)) and tokens <= 40 and not SENTENCE_END.search(text)


def _is_dateline(text: str, tokens: int) -> bool:
    """Return True for a line that is mostly a publication date ("Thứ Hai, 16/05/2022 12:44")."""
    if tokens > 16:
        return False
    found = find_date(text)
    where = (found.start, found.end) if found else impossible_date(text)  # "31/2/2021" is a date line's date too
    if where is None:
        if not (_WEEKDAY.search(text) or _DATE_LABEL.match(text)) or not yearless_dates(text):
            return False
        rest = text
    else:
        rest = text[: where[0]] + " " + text[where[1] :]
    rest = _DATE_WORDS.sub(" ", re.sub(r"\d+(?:[:h]\d+)*", " ", rest))
    words = len(re.findall(r"[^\W\d_]+", rest))
    if _DATE_LABEL.match(text) or "|" in text:
        return words <= 8  # "Ngày đăng: 11/09/2021 | Lượt xem: 846", "08/10/2021 | Thu Thảo"
    if SENTENCE_END.search(text) and words >= 2:
        return False  # "Sáng 16/5/2022 có 5 ca." is a sentence, not a date line
    return words <= 3


def _is_relative_dateline(text: str) -> bool:
    """Return True for a line giving a time relative to now, alone or beside a name ("Đức Toàn · 2 giờ trước")."""
    where = find_relative_time(text)
    if where is None:
        return False
    rest = _RELATIVE_REST.sub(" ", _DATE_WORDS.sub(" ", text[: where[0]] + " " + text[where[1] :])).strip()
    return not rest or reads_as_byline(rest)


def _is_prefixed_byline(text: str) -> bool:
    """Return True for "Tin, ảnh: L.Thọ" or "PV: Nhóm phóng viên", not an interview's "PV: Thưa ông, ...?"."""
    m = BYLINE_PREFIX.match(text)
    return bool(m) and is_credit_value(m.group("value"))


def _marker_applies(kind: str, bare: str, tokens: int, sentence: bool) -> bool:
    """Return True if a marker of ``kind`` that matched ``bare`` really marks furniture."""
    if kind == "counter" and tokens > 4 and not re.search(r"[\d:|]", bare):
        return False  # "Lượt truy cập vào cổng thông tin tăng mạnh" is prose, "Lượt xem: 846" is not
    if kind == "link" and _BACK_LINK.match(bare) and not _BACK_LINK.fullmatch(bare):
        return False  # "Trở lại Sức khỏe" names a section or page; "Trở lại trường học" is a subheading
    if not sentence:
        return True
    if kind == "footer":
        return bool(_FOOTER_EVIDENCE.search(bare))
    return kind in SENTENCE_KINDS


def line_kind(text: str) -> tuple[str, str] | None:
    """Return (kind, reason) if a line is furniture by its own text, else None.

    >>> line_kind("Lượt người xem:  Views:   252")
    ('counter', 'view or visitor counter')
    >>> line_kind("Lượt truy cập vào cổng thông tin của tỉnh tăng mạnh trong đợt dịch.") is None
    True
    """
    text = text.strip()
    return _marker(text, token_count(text)) if text else None


def _marker(text: str, tokens: int) -> tuple[str, str] | None:
    """Return (kind, reason) for a furniture line recognised by its own text, or None."""
    bare = _BULLET.sub("", text)
    sentence = tokens >= 8 and bool(SENTENCE_END.search(bare))
    if tokens <= 25 and _ANY_MARKER.fullmatch(bare):
        for kind, reason, pattern in _COMPILED_MARKERS:
            if pattern.fullmatch(bare) and _marker_applies(kind, bare, tokens, sentence):
                return kind, reason
    clock = _CLOCK_LABEL.match(bare)
    if clock and _is_dateline(bare[clock.end() :], tokens):
        return "clock", "today's date shown by the site"
    if _is_dateline(bare, tokens):
        return "dateline", "publication date line"
    if tokens <= 8 and _is_relative_dateline(bare):
        return "dateline", RELATIVE_REASON
    if tokens <= 15 and _is_prefixed_byline(bare):
        return "byline", "author line"
    if tokens <= 12 and SOURCE_PREFIX.match(bare) and not SENTENCE_END.search(bare.rstrip(")")):
        return "source", "source attribution line"
    if tokens <= 40 and _is_contact(bare, tokens):
        return "footer", "contact details (address, phone, e-mail)"
    if _is_menu(text):
        return "menu", "line of navigation links"
    if _is_breadcrumb(text):
        return "menu", "breadcrumb of section names"
    widgets = _widget_kind(text)
    if widgets:
        return widgets
    label = _label_line(bare, tokens)
    if label:
        return label
    if _is_glued_headlines(bare):
        return "related", _GLUED_REASON
    return None


def classify(line: Line) -> None:
    """Set the line's furniture kind (if any) and whether it reads as prose."""
    line.tokens = token_count(line.text)
    found = _marker(line.text, line.tokens)
    if found:
        line.kind, line.reason = found
        line.inline = line.reason == _GLUED_REASON
        return
    long_line = line.tokens >= _LONG_LINE_TOKENS or len(line.text) >= _LONG_LINE_CHARS
    line.lead = long_line or (line.tokens >= 5 and bool(SENTENCE_END.search(line.text)))
    line.prose = line.lead or line.tokens >= 20 or (line.tokens >= 5 and bool(ANY_END.search(line.text)))


def _wrap_width(lines: list[Line]) -> int | None:
    """Return the width a page was hard-wrapped at, or None if it was not.

    A wrapped page (a text-mode browser's dump, an e-mail) has no line much longer
    than the width, and its sentences run on over line breaks into lower-case words.
    """
    text_lines = [ln for ln in lines if ln.kind is None]
    if not text_lines or max(len(ln.text) for ln in text_lines) > _MAX_WRAP_WIDTH:
        return None
    runs_on = sum(1 for a, b in zip(lines, lines[1:])
                  if b.blank_before == 0 and a.kind is None and b.kind is None and len(a.text) >= _MIN_WRAPPED_CHARS
                  and not ANY_END.search(a.text) and b.text[:1].islower())
    return max(len(ln.text) for ln in text_lines) if runs_on >= 2 else None


def _wrapped_onto(prev: Line, line: Line, width: int) -> bool:
    """Return True if ``line`` is the rest of ``prev``: its first word would not have fit on ``prev``'s line."""
    if line.blank_before or prev.kind is not None or line.kind is not None or ANY_END.search(prev.text):
        return False
    if is_list_item(line.text):
        return False
    first_word = line.text.split(maxsplit=1)[0]
    return (prev.last_width or len(prev.text)) + 1 + len(first_word) > width - _WRAP_SLACK


def unwrap(lines: list[Line]) -> list[Line]:
    """Return the lines with hard-wrapped paragraphs joined back into one line each (offsets span the joins)."""
    width = _wrap_width(lines)
    if width is None:
        return lines
    joined: list[Line] = []
    for line in lines:
        prev = joined[-1] if joined else None
        if prev is not None and _wrapped_onto(prev, line, width):
            # the next piece may wrap onto this one too, so judge it by its last physical line
            prev.text, prev.end, prev.last_width = prev.text + " " + line.text, line.end, len(line.text)
        else:
            joined.append(line)
    for line in joined:
        if line.last_width:
            line.kind, line.reason, line.inline, line.lead, line.prose = None, "", False, False, False
            classify(line)
    return joined


def is_list_item(text: str) -> bool:
    return bool(_BULLET.match(text))


def is_headline(line: Line, *, above_date: bool = False) -> bool:
    """Return True for a line that could be the article's title.

    A line that reads as a sentence is a title only right above the date line
    ("Krông Pắc tạm dừng các hoạt động tập trung đông người." / "Ngày đăng: 03/09/2021").
    """
    if line.kind is not None or is_list_item(line.text):
        return False
    if line.lead and not (above_date and line.tokens <= _MAX_SENTENCE_TITLE_TOKENS and _sentences_in(line.text) == 1):
        return False
    return 4 <= line.tokens <= MAX_TITLE_TOKENS and not line.text.endswith(":")


def _sentences_in(text: str) -> int:
    return len(_INNER_SENTENCE_END.findall(text)) + 1


def is_shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 6 and all(c.isupper() for c in letters)


def is_dated_headline(line: Line) -> bool:
    """Return True for a headline that carries a date ("Thông tin ca mắc mới ngày 28/8/2021"), not a date line.

    A date line gives a time, a weekday or a label with a colon; a dated headline is words then "ngày D/M/Y".
    """
    found = find_date(line.text) or next(iter(yearless_dates(line.text)), None)
    if line.kind != "dateline" or found is None or line.tokens < 4 or _TIME_OF_DAY.search(line.text):
        return False
    if _WEEKDAY.search(line.text) or ":" in line.text or "|" in line.text or _PLACE_DATE.search(line.text[: found.start]):
        return False
    before = _DATE_WORDS.sub(" ", line.text[: found.start])
    return len(WORD.findall(re.sub(r"\d+", " ", before))) >= 1 and not line.text[found.end :].strip(" .,")


def reads_as_title(line: Line, *, above_date: bool) -> bool:
    """Return True for a headline by its shape: no sentence (unless right above the date line), no label, no data line."""
    return (above_date or not line.lead) and not ENTRY_TIME.match(line.text) and not is_labelled_value(line.text) and not line.text.endswith(",")

"""Separate an article's body from the page furniture around it, line by line.

A scraped page is a head (menus, section labels, the title, the date line), the
body (paragraphs, photo captions, with image file names and widgets inside it)
and a tail (byline, related news, ratings, counters, footers). The cleaner
classifies every line by structure (length, final punctuation, position) and by
marker phrases kept as data in :mod:`covidlib.text.markers` (the line classification
lives in :mod:`covidlib.text.line_kinds`), splits the page into runs at lines that only
ever follow an article (related-news headers, ratings, footers, bylines), takes
the first substantial run that does not itself follow such a line, and cuts the
body from its first lead sentence to its last prose line; furniture lines inside
(image file names, glued headline widgets, alt texts) are dropped and photo
captions are kept with the label ``caption``. Every removed block becomes a
furniture span over the page with ``data['reason']`` in plain words. A page
hard-wrapped at a fixed width (a text-mode browser's dump) has its paragraphs
joined back first; date lines are ranked by how near the title they sit, so a
site's clock above the menus does not pass for the publication date. A time
relative to now ("Đức Toàn · 2 giờ trước") is a date line that gives no date;
poll boxes and series notes ("(Còn nữa)") end the body like related news does.
Competing date lines are weighed for the whole page: a dated line above the menus, or
one with a headline and another date line below it, is the site's clock. The title is
chosen by shape (never a section label, a data line, a hotline or a timeline entry; a
dated headline or a short one may compete) and then by position. A bulletin starts at its
first data line or unpunctuated first line under the title, a live timeline at its first
time stamp, and a digest with no lead sentence is its list of headlines.

>>> c = clean_page("Trang chủ | Thời sự | Thế giới\\n\\nHà Nội thêm 12 ca COVID-19 mới\\n\\n"
...                "Sở Y tế Hà Nội trưa 16/9 cho biết thành phố ghi nhận 12 ca mới.\\n\\nTin liên quan\\n\\n• Tin khác")
>>> c.body
'Sở Y tế Hà Nội trưa 16/9 cho biết thành phố ghi nhận 12 ca mới.'
>>> [s.label for s in c.furniture]
['menu', 'title', 'related']
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Sequence

from ..document import Span
from ..normalize import fold
from .line_kinds import (
    ANY_END,
    ENTRY_TIME,
    LOWER,
    MAX_TITLE_TOKENS,
    RELATIVE_REASON,
    SENTENCE_END,
    WORD,
    Line,
    classify,
    is_data_line,
    is_dated_headline,
    is_headline,
    is_labelled_value,
    is_list_item,
    is_section_label,
    is_shouting,
    line_kind,
    reads_as_title,
    split_lines,
    token_count,
    unwrap,
)
from .lines import (
    byline_names,
    find_date,
    is_person_name,
    is_place_name,
    name_beside_date,
    reads_as_byline,
    split_site_tag,
    yearless_dates,
)
from .markers import AFTER_ARTICLE_KINDS, BLOCK_KINDS, BODY_ENDING_KINDS, LINE_MARKERS

__all__ = ["Cleaned", "clean_page", "line_kind", "split_site_tag", "LINE_MARKERS", "BODY_ENDING_KINDS"]

_PHOTO_CREDIT = re.compile(r"(?i)(?:^|[\s(.])(?:ảnh|nguồn ảnh|photo)\s*:\s*\S|ảnh minh h[ọo]a")
_PHOTO_CREDIT_LINE = re.compile(r"(?i)\(?\s*(?:ảnh|nguồn ảnh|photo|ảnh minh họa)\s*:\s*[^.:]{2,40}\)?")
_ALT_NUMBER = re.compile(r"\s*[-–]\s*\d{1,2}$")
#: A live timeline's entry stamp: a time alone on its line ("07:00", "10h30").
_TIME_STAMP = re.compile(r"\d{1,2}\s*(?::|h|giờ)\s*\d{2}")
_TIMELINE_REACH = 12
#: A name glued after the last sentence of the body: "... thông điệp 5K. Minh Châu".
_TRAILING_NAME = re.compile(r"(?P<end>[.!?…][\"'”’)\]]*)\s+(?P<name>[^\W\d_][^.!?…:;,\d]{2,38})$")
#: A heading in capitals at the start of a bulletin's first line ("THÔNG BÁO VỀ 6 CA MẮC MỚI (BN1135-1140): Là ...").
_INLINE_HEADING = re.compile(f"^(?P<head>[^{LOWER}:]{{12,200}}?)\\s*:\\s+(?=\\S)")
_RUN_SHARE = 0.25
_TINY_RUN_SHARE = 0.1
_MIN_TITLE_TOKENS = 4
_LONG_HEADLINE_TOKENS = 20
_MAX_CAPTION_TOKENS = 50
_MIN_REPEAT_CAPTION_TOKENS = 18
_TITLE_DATE_GAP = 3  # lines between a title and its date line (a name or share buttons may sit between)
_BYLINE_ZONE = 3  # lines after the body where bylines, sources and date lines sit
_ZONE_KINDS = frozenset({"byline", "source", "dateline", "continued", "note", "photo_credit"})  # "(Còn nữa)" / "Lâm Phương"


@dataclass(frozen=True)
class Cleaned:
    """A page split into its body and furniture, with where the title, date lines and bylines are.

    ``paragraphs`` and ``site_span`` index into ``body``; ``furniture``, ``title``,
    ``datelines`` and ``bylines`` index into ``page``; ``datelines`` come most trusted
    first (beside the title, then below the body, then elsewhere in the head). Each
    byline span has ``data['form']`` in ``prefix`` ("Tin, ảnh: L.Thọ"), ``source``
    ("Nguồn: ..."), ``name`` (a bare name after the body, "Vân Anh/VOV", or beside the
    date line under the title) or ``dateline`` ("08/10/2021 | Thu Thảo"). The title span has
    ``data['why']`` in plain words; each date line span ``data['place']`` ("below the title",
    "the site's clock in the page header", ...), for the notes of :mod:`covidlib.text.metadata`.
    """

    page: str
    body: str
    paragraphs: list[Span] = field(default_factory=list)
    furniture: list[Span] = field(default_factory=list)
    title: Span | None = None
    datelines: list[Span] = field(default_factory=list)
    bylines: list[Span] = field(default_factory=list)
    site: str | None = None
    site_span: Span | None = None


# --- finding the article ---------------------------------------------------

def _timeline_below(lines: list[Line], pos: int) -> bool:
    """Return True if another time stamp line follows within the next entries (a live-update timeline)."""
    return any(_TIME_STAMP.fullmatch(lines[p].text) for p in range(pos + 1, min(pos + 1 + _TIMELINE_REACH, len(lines))))


def _list_block(lines: list[Line], runs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Return (first, last) of the first list of two or more headline items in a run no article ending precedes.

    A digest page ("Điểm tin COVID-19 sáng 22/8") is a list of headlines with no lead sentence:
    when no run holds article prose, that list is the body, not furniture.
    """
    for run in runs:
        if _follows_article(lines, run):
            continue
        items = [p for p in range(run[0], run[1] + 1)
                 if lines[p].kind is None and is_list_item(lines[p].text) and lines[p].tokens >= 5]
        if len(items) < 2:
            continue
        last, members = items[0], set(items)
        while last + 1 in members:
            last += 1
        if last > items[0]:
            return items[0], last
    return None


def _segments(lines: list[Line]) -> list[tuple[int, int]]:
    """Return (first, last) line positions of the runs between body-ending lines."""
    runs, begin = [], 0
    for pos, line in enumerate(lines):
        if line.ends_body:
            if pos > begin:
                runs.append((begin, pos - 1))
            begin = pos + 1
    if begin < len(lines):
        runs.append((begin, len(lines) - 1))
    return runs


def _prose_mass(lines: list[Line], run: tuple[int, int]) -> int:
    return sum(len(lines[p].text) for p in range(run[0], run[1] + 1) if lines[p].prose)


def _follows_article(lines: list[Line], run: tuple[int, int]) -> bool:
    """Return True if the run starts right after a line that only ever follows an article."""
    return run[0] > 0 and lines[run[0] - 1].kind in AFTER_ARTICLE_KINDS


def _choose_run(lines: list[Line], runs: list[tuple[int, int]], after: int) -> tuple[int, int] | None:
    """Return the run that holds the article.

    Runs with a lead sentence are candidates. The first one that does not start after
    a related-news header, rating, byline or footer wins unless it is tiny; failing
    that (side lists such as "Tin nổi bật" above the article), the first that holds a
    date line above its lead, then the first with at least a quarter of the largest run's prose.
    """
    usable = [r for r in runs if r[1] > after and any(lines[p].lead for p in range(max(r[0], after + 1), r[1] + 1))]
    if not usable:
        return None
    mass = {r: _prose_mass(lines, r) for r in usable}
    best = max(mass.values())
    fresh = [r for r in usable if not _follows_article(lines, r) and mass[r] >= _TINY_RUN_SHARE * best]
    if fresh:
        return fresh[0]
    headed = [r for r in usable if mass[r] >= _RUN_SHARE * best and _dated_above_lead(lines, r, after)]
    if headed:
        return headed[0]
    return next(r for r in usable if mass[r] >= _RUN_SHARE * best)


def _dated_above_lead(lines: list[Line], run: tuple[int, int], after: int) -> bool:
    """Return True if a date line sits in the run above its first lead sentence (the article's own head)."""
    start = max(run[0], after + 1)
    lead = next(p for p in range(start, run[1] + 1) if lines[p].lead)
    return any(_dated(lines[p]) for p in range(start, lead))


def _dated(line: Line) -> bool:
    """Return True for a date line that gives a date, not only a relative time ("2 giờ trước")."""
    return line.kind == "dateline" and line.reason != RELATIVE_REASON


def _below_headline(lines: list[Line], pos: int) -> bool:
    """Return True if the line above ``pos`` reads as a headline (so ``pos`` is a sapo, not a title)."""
    return pos > 0 and is_headline(lines[pos - 1])


def _find_title(lines: list[Line], body_start: int, after_image: set[int]) -> int | None:
    """Return the position of the title: the headline nearest the date line, else the last headline.

    Candidates are chosen by shape first (a headline, not a sentence, a data line or a label), then
    by position (nearest the article's date line). A headline that carries a date competes when
    another date line sits in the head; a short line (two or three words) only when no longer
    headline sits right above the date line ("Tin ngắn" / "Thứ 2, 15/11/2021 | 09:12").
    """
    dated_heads = {p for p in range(body_start) if is_dated_headline(lines[p])}
    if not any(_dated(lines[q]) for q in range(body_start) if q not in dated_heads):
        dated_heads = set()  # a dated headline competes only with another date line beside it
    for p in dated_heads:
        lines[p].kind, lines[p].reason = None, ""
    candidates = [p for p in range(body_start) if p not in after_image and is_headline(lines[p], above_date=(
        p + 1 < len(lines) and _dated(lines[p + 1]) and not _below_headline(lines, p)))]
    if not candidates:
        candidates = [p for p in range(body_start) if p + 1 < len(lines) and _dated(lines[p + 1])
                      and _is_short_title(lines[p], lines[p - 1] if p else None)]
    if not candidates:
        return None
    candidates = [p for p in candidates if not is_labelled_value(lines[p].text)]  # labels, data lines: never
    if not candidates:
        return None
    shaped = [p for p in candidates if reads_as_title(lines[p], above_date=p + 1 < len(lines) and _dated(lines[p + 1]))] \
        or candidates
    plain = [p for p in shaped if not is_shouting(lines[p].text)] or shaped
    dates = [p for p in range(body_start) if _dated(lines[p])] \
        or [p for p in range(body_start) if lines[p].kind == "dateline"]
    clocks = _site_clocks(lines, body_start, len(lines) - 1)
    dates = [p for p in dates if p not in clocks] or dates
    if dates:
        return min(plain, key=lambda p: (min(abs(p - d) for d in dates), p > dates[0]))
    short = [p for p in plain if lines[p].tokens < _LONG_HEADLINE_TOKENS]  # a long line may open the body
    return (short or plain)[-1]


def _title_note(lines: list[Line], pos: int, body_start: int) -> str:
    """Return in plain words why the line at ``pos`` is the title, and which head lines were passed over."""
    line = lines[pos]
    near_date = any(0 <= q < len(lines) and _dated(lines[q]) for q in (pos - 1, pos + 1))
    if near_date and line.tokens <= 3:
        why = "a short line right above the article's date line"
    elif near_date and (find_date(line.text) or yearless_dates(line.text)):
        why = "a headline carrying a date, next to the article's date line"
    elif near_date:
        why = "the headline next to the article's date line"
    else:
        why = "the last headline above the body"
    passed = [f"'{ln.text}'" for ln in lines[:body_start] if ln.kind is None and ln is not line
              and (is_section_label(ln.text) or is_data_line(ln.text) or ENTRY_TIME.match(ln.text))]
    passed += [f"'{ln.text}' ({ln.reason})" for ln in lines[:body_start] if ln.kind == "hotline"]
    return why + (f"; not a title: {', '.join(passed[:3])}" if passed else "")


def _is_short_title(line: Line, above: Line | None) -> bool:
    """Return True for a two- or three-word title right above the date line, under furniture or nothing."""
    return (line.kind is None and 2 <= line.tokens <= 3 and not ANY_END.search(line.text)
            and line.text[:1].isupper() and not is_list_item(line.text) and not is_person_name(line.text)
            and (above is None or above.kind is not None or is_shouting(above.text)))


def _bulletin_start(lines: list[Line], title: int | None, first: int) -> int:
    """Return an earlier body start when a bulletin's first line sits right under the title without a full stop.

    "Quảng Nam, 04 ca bệnh công bố trong ngày 29/8 (BN423227 đến BN423230)," has no final stop, so it
    is no lead sentence, yet it opens the article: the first unmarked line of eight words or more right
    under the title (past date lines, counters and share buttons) starts the body. A photo caption
    with its credit, a name or a line after an image file does not.
    """
    if title is None:  # no title: the bulletin's head ends at the article's date line
        title = max((p for p in range(first) if _dated(lines[p])), default=None)
    if title is None or title >= first:
        return first
    for pos in range(title + 1, first):
        line = lines[pos]
        if line.kind is not None:
            if line.kind == "image_file":
                return first
            continue
        if is_section_label(line.text):
            continue
        if is_data_line(line.text) or (_TIME_STAMP.fullmatch(line.text) and _timeline_below(lines, pos)):
            return pos  # "Tổng số ca nhiễm: 1.234" opens a bulletin; "07:00" opens a live timeline's first entry
        if line.tokens >= 8 and not is_shouting(line.text) and not _PHOTO_CREDIT.search(line.text):
            return pos
        return first
    return first


def _inline_heading(line: Line) -> tuple[int, int] | None:
    """Return page offsets of a capitals heading opening a bulletin's first line ("THÔNG BÁO VỀ 6 CA MẮC MỚI: ...")."""
    m = _INLINE_HEADING.match(line.text)
    if not m or not is_shouting(m.group("head")) or token_count(m.group("head")) < 4:
        return None
    return line.start, line.start + len(m.group("head"))


def _title_from_hint(lines: list[Line], hints: Sequence[str]) -> int | None:
    """Return the position of the first line that equals one of the title hints."""
    keys = [" ".join(fold(hint).split()) for hint in hints if hint]
    for key in keys:
        for pos, line in enumerate(lines):
            if len(line.text) >= len(key) - 2 and " ".join(fold(line.text).split()) == key:
                return pos
    return None


def _body_bounds(lines: list[Line], run: tuple[int, int], after: int) -> tuple[int, int]:
    """Return (first, last) line positions of the body inside the chosen run."""
    first = next(p for p in range(max(run[0], after + 1), run[1] + 1) if lines[p].lead)
    last = max(p for p in range(first, run[1] + 1) if lines[p].prose)
    # trailing list items and image captions still belong to the article
    pos = last + 1
    while pos <= run[1]:
        line = lines[pos]
        if line.kind is None and is_list_item(line.text):
            last = pos
        elif _introduces_list(lines, pos, run[1]):
            last = pos  # "Tình hình điều trị:" above its list items
        elif line.kind is None and _signed_sentence(line.text):
            last = pos  # "... thông điệp 5K. Minh Châu": the last sentence with the writer's name glued on
        elif line.kind == "image_file" and pos + 1 <= run[1] and lines[pos + 1].kind is None \
                and not is_person_name(lines[pos + 1].text):
            last = pos + 1
            pos += 1
        else:
            break
        pos += 1
    return first, last


_MAX_BOX_HEADLINES = 5  # headlines a related-news box inside an article lists


def _box_headlines(lines: list[Line], header: int) -> int | None:
    """Return the position after the headlines under a related-news header, or None if it lists none.

    A headline is an unmarked line that does not read as prose ("Hà Nội thêm 12 ca mắc mới"),
    or a related link ("Xem thêm: ...").
    """
    pos = header + 1
    while pos < len(lines) and pos - header <= _MAX_BOX_HEADLINES and not lines[pos].prose and (
            lines[pos].kind == "related_link" or (lines[pos].kind is None and is_headline(lines[pos]))):
        pos += 1
    return pos if pos > header + 1 else None


def _continues_article(lines: list[Line], resume: int, run: tuple[int, int]) -> bool:
    """True if the prose from ``resume`` reads as more of the article, not as teasers of other articles.

    The article goes on with paragraph after paragraph, or with one paragraph and its byline;
    a list of other articles alternates headlines and one-paragraph summaries.
    """
    after = resume + 1
    if after < len(lines) and lines[after].kind in ("byline", "source"):
        return True
    if after > run[1] or not lines[after].prose:
        return False
    prose = [p for p in range(resume, run[1] + 1) if lines[p].prose]
    headlines = sum(1 for p in range(resume, prose[-1] + 1) if lines[p].kind is None and is_headline(lines[p]))
    return headlines * 2 < len(prose)


def _bridge_related_boxes(lines: list[Line], runs: list[tuple[int, int]], last: int) -> int:
    """Return the body's last line, carried over related-news boxes set inside the article.

    Some sites put a box ("TIN LIÊN QUAN" and a few headlines) between two paragraphs of the
    article. When such a box sits right after the body and article prose follows it (not a list
    of teasers, and no byline, footer or comments in between), the body goes on after it; the
    box's lines are marked as related-news furniture.
    """
    starts = {run[0]: run for run in runs}
    while last + 1 < len(lines) and lines[last + 1].kind == "related" and lines[last + 1].reason == "related-news header":
        header = last + 1
        resume = _box_headlines(lines, header)
        run = starts.get(header + 1)
        if resume is None or run is None or resume > run[1] or not lines[resume].lead:
            break
        if not _continues_article(lines, resume, run):
            break
        for pos in range(header + 1, resume):
            lines[pos].kind, lines[pos].reason = "related", "related-news headline inside the article"
        _first, last = _body_bounds(lines, run, resume - 1)
    return last


def _introduces_list(lines: list[Line], pos: int, end: int) -> bool:
    """Return True for a short unmarked line ending in a colon with a list item right below it."""
    line = lines[pos]
    return (line.kind is None and line.text.endswith(":") and line.tokens <= MAX_TITLE_TOKENS and pos < end
            and lines[pos + 1].kind is None and is_list_item(lines[pos + 1].text))


def _past_late_dateline(lines: list[Line], first: int, last_pos: int) -> int:
    """Return a later body start if a date line follows ``first`` before the next prose line.

    A date line below the supposed lead means the page head goes on (the supposed lead
    was a notice above the header); the body starts at the first lead line after it.
    A lead right under a headline is the article's own sapo and stays.
    """
    if _below_headline(lines, first):
        return first  # a lead right under the title, above the date line: "Title / sapo / date / body"
    for pos in range(first + 1, last_pos + 1):
        line = lines[pos]
        if line.kind == "dateline":
            later = next((p for p in range(pos + 1, last_pos + 1) if lines[p].lead), None)
            return later if later is not None else first
        if line.prose or line.ends_body:
            break
    return first


def _extend_back(lines: list[Line], first: int, floor: int) -> int:
    """Move the body start back over a lead photo with its caption, or a long unpunctuated lead.

    A credited caption alone above the lead ("... (Ảnh: Minh Quân)") is the head's photo, not the lead.
    """
    pos = first - 1
    if pos <= floor or lines[pos].kind is not None or is_shouting(lines[pos].text):
        return first
    if pos - 1 > floor and lines[pos - 1].kind == "image_file" and not is_person_name(lines[pos].text):
        return pos - 1
    if lines[pos].tokens >= 12 and (pos == 0 or lines[pos - 1].kind != "image_file") \
            and not _PHOTO_CREDIT.search(lines[pos].text):
        return pos
    return first


# --- building the body -----------------------------------------------------

def _is_alt_text(text: str, title_key: str | None) -> bool:
    """Return True for an image alt text that repeats the title ("<title> - 1")."""
    if not title_key or abs(len(text) - len(title_key)) > 6:
        return False
    key = " ".join(fold(_ALT_NUMBER.sub("", text)).split())
    return key == title_key


def _content_words(text: str) -> set[str]:
    return set(WORD.findall(text.casefold()))


def _is_caption(line: Line, prev: Line | None, after_removed: bool, indented_body: bool,
                kept: list[set[str]], next_blank: int) -> bool:
    """Return True for a photo caption: a short unpunctuated line in an image slot."""
    if _PHOTO_CREDIT.search(line.text) and line.tokens <= 40:
        return True
    if ANY_END.search(line.text) or line.tokens > _MAX_CAPTION_TOKENS or line.tokens < 3 or is_list_item(line.text):
        return False
    if after_removed and prev is not None and prev.kind in {"image_file", "advert", "related", "image_alt"}:
        return True
    if line.blank_before >= 2 and next_blank >= 2:
        return True
    if indented_body and line.indent == 0:
        return True
    # a long line repeating the lead is a caption; a short one is a subheading
    words = _content_words(line.text)
    if line.tokens >= _MIN_REPEAT_CAPTION_TOKENS:
        return any(len(words & seen) >= 0.85 * len(words) for seen in kept)
    return False


def _joins(prev_text: str, line: Line) -> bool:
    """Return True if ``line`` continues the previous line (a hard-wrapped sentence)."""
    return line.blank_before == 0 and line.text[:1].islower() and not ANY_END.search(prev_text)


@dataclass
class _Body:
    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    sources: list[tuple[int, int]] = field(default_factory=list)
    words: list[set[str]] = field(default_factory=list)


def _build_body(lines: list[Line], first: int, last: int, title_key: str | None,
                removed: dict[int, tuple[str, str]]) -> _Body:
    """Collect the kept paragraphs between ``first`` and ``last``; record removed lines in ``removed``."""
    body = _Body()
    indented = [ln.indent > 0 for ln in lines[first : last + 1] if ln.kind is None and SENTENCE_END.search(ln.text)]
    indented_body = len(indented) >= 2 and sum(indented) >= 0.6 * len(indented)
    prev: Line | None = None
    after_removed = False
    for pos in range(first, last + 1):
        line = lines[pos]
        if (line.kind is not None and line.kind != "dateline") or _is_alt_text(line.text, title_key):
            if line.kind is None:
                line.kind, line.reason = "image_alt", "image alt text repeating the title"
            removed[pos] = (line.kind, line.reason)
            prev, after_removed = line, True
            continue
        if line.kind == "dateline" and pos != first:
            removed[pos] = (line.kind, line.reason)
            prev, after_removed = line, True
            continue
        if body.texts and prev is not None and not after_removed and _joins(body.texts[-1], line):
            body.texts[-1] += " " + line.text
            body.sources[-1] = (body.sources[-1][0], line.end)
            if line.prose and body.labels[-1] == "caption" and SENTENCE_END.search(line.text):
                body.labels[-1] = "paragraph"
            prev = line
            continue
        next_blank = lines[pos + 1].blank_before if pos + 1 < len(lines) else 2
        caption = pos != first and _is_caption(line, prev, after_removed, indented_body, body.words, next_blank)
        body.texts.append(line.text)
        body.labels.append("caption" if caption else "paragraph")
        body.sources.append((line.start, line.end))
        body.words.append(_content_words(line.text))
        prev, after_removed = line, False
    return body


def _signed_sentence(text: str) -> bool:
    """Return True for a sentence with a writer's name glued after it ("... thông điệp 5K. Minh Châu")."""
    m = _TRAILING_NAME.search(text)
    return bool(m) and token_count(text[: m.start("name")]) >= 5 and reads_as_byline(m.group("name")) \
        and not is_place_name(m.group("name"))


def _split_trailing_name(body: _Body) -> Span | None:
    """Cut a writer's name glued after the last sentence ("... thông điệp 5K. Minh Châu") off the body.

    Return the byline span over the page, or None when the last paragraph ends in prose. The
    piece after the last full stop must read as a person's name, not a place ("... về quê. Quảng Trị").
    """
    if not body.texts or body.labels[-1] != "paragraph":
        return None
    if not _signed_sentence(body.texts[-1]):
        return None
    m = _TRAILING_NAME.search(body.texts[-1])
    start, end = body.sources[-1]
    name_start = end - len(m.group("name"))
    body.texts[-1] = body.texts[-1][: m.start("name")].rstrip()
    body.sources[-1] = (start, end - (len(m.group(0)) - len(m.group("end"))))
    return Span(name_start, end, "byline", {"form": "name"})


# --- furniture spans -------------------------------------------------------

def _head_kind(line: Line, pos: int, title: int | None) -> tuple[str, str]:
    if pos == title:
        return "title", "article title"
    if line.kind:
        return line.kind, line.reason
    if _PHOTO_CREDIT.search(line.text) and line.tokens <= _MAX_CAPTION_TOKENS:
        return "caption", "photo caption above the article"
    if is_shouting(line.text):
        return "banner", "site name in capitals above the article"
    if line.tokens <= 3:
        return "menu", "section label above the article"
    return "head", "page header above the article"


def _tail_kinds(lines: list[Line], start: int) -> dict[int, tuple[str, str]]:
    """Return the kind of every line after the body; unmarked lines join the block above them.

    A bare name is a byline only in the byline zone: right below the body, or below
    a date line or source line there ("Cập nhật lúc 10:05 ngày 19/9/2021" / "Hữu Phước").
    """
    kinds: dict[int, tuple[str, str]] = {}
    block: tuple[str, str] | None = None
    for pos in range(start, len(lines)):
        line = lines[pos]
        # the byline zone: right after the body, or after a date or source line that follows it
        in_zone = pos == start or (pos - start < _BYLINE_ZONE and kinds.get(pos - 1, ("", ""))[0] in _ZONE_KINDS)
        if line.kind:
            kinds[pos] = (line.kind, line.reason)
            block = kinds[pos] if line.kind in BLOCK_KINDS else None
        elif in_zone and reads_as_byline(line.text) and not is_place_name(line.text):
            kinds[pos] = ("byline", "author name line after the body")
        elif in_zone and _PHOTO_CREDIT_LINE.fullmatch(line.text):
            kinds[pos] = ("photo_credit", "photo credit after the body")  # the writer's name may follow
        elif block is not None:
            kinds[pos] = (block[0], block[1])
        else:
            kinds[pos] = ("tail", "page furniture after the article")
    return kinds


def _merge(lines: list[Line], kinds: dict[int, tuple[str, str]]) -> list[Span]:
    """Merge consecutive removed lines of one kind into one span each."""
    spans: list[Span] = []
    previous_pos = None
    for pos in sorted(kinds):
        kind, reason = kinds[pos]
        line = lines[pos]
        if spans and previous_pos == pos - 1 and spans[-1].label == kind and kind not in {"title", "dateline", "byline"}:
            last = spans[-1]
            spans[-1] = Span(last.start, line.end, kind, last.data)
        else:
            spans.append(Span(line.start, line.end, kind, {"reason": reason}))
        previous_pos = pos
    return spans


# --- the verb ----------------------------------------------------------------

def _after_body(lines: list[Line], last: int, kinds: dict[int, tuple[str, str]]) -> list[int]:
    """Return the positions of the byline zone: bylines, sources, names and date lines right after the body."""
    zone = []
    for pos in range(last + 1, min(last + 1 + _BYLINE_ZONE, len(lines))):
        if kinds.get(pos, ("", ""))[0] not in _ZONE_KINDS:
            break
        zone.append(pos)
    return zone


def _head_names(lines: list[Line], first: int, title: int | None) -> set[int]:
    """Return positions of bare reporter names beside a date line below the title ("Hải Phong" / "22/08/2021")."""
    found = set()
    for pos in range((title if title is not None else -1) + 1, first):
        line = lines[pos]
        beside_date = any(0 <= p < len(lines) and lines[p].kind == "dateline" for p in (pos - 1, pos + 1))
        if line.kind is None and beside_date and byline_names(line.text) and not is_place_name(line.text):
            found.add(pos)
    return found


def _bylines(lines: list[Line], first: int, last: int, kinds: dict[int, tuple[str, str]]) -> list[Span]:
    """Return byline spans: head bylines, head date lines with a name, and the byline zone after the body."""
    spans = []
    for pos in range(first):
        line = lines[pos]
        if line.kind in {"byline", "source"}:
            spans.append(Span(line.start, line.end, "byline", {"form": "prefix" if line.kind == "byline" else "source"}))
        elif line.kind == "dateline" and name_beside_date(line.text):
            spans.append(Span(line.start, line.end, "byline", {"form": "dateline"}))
        elif kinds.get(pos, ("", ""))[0] == "byline":
            spans.append(Span(line.start, line.end, "byline", {"form": "name"}))
    for pos in _after_body(lines, last, kinds):
        line = lines[pos]
        if line.kind in {"byline", "source"}:
            spans.append(Span(line.start, line.end, "byline", {"form": "prefix" if line.kind == "byline" else "source"}))
        elif kinds[pos][0] == "byline":
            spans.append(Span(line.start, line.end, "byline", {"form": "name"}))
        elif line.kind == "dateline" and name_beside_date(line.text):
            spans.append(Span(line.start, line.end, "byline", {"form": "dateline"}))
    return spans


def _head_datelines(lines: list[Line], first: int, last: int) -> list[int]:
    """Return the date lines of the page head (a date line just below a sapo counts too)."""
    return [p for p in range(min(first + 1 + _TITLE_DATE_GAP, last + 1)) if lines[p].kind == "dateline" and p != first]


def _site_clocks(lines: list[Line], first: int, last: int) -> set[int]:
    """Return head date lines that are the site's clock (the day the page was saved), not the article's date.

    A page-level choice between competing date lines: a dated line above the menus, or one with
    a headline and another date line below it ("Thứ Năm, 12/09/2024, 10:05 [GMT+7]" / title /
    "Thứ 2, 15/11/2021 | 09:12:30"), belongs to the site's header; the article's own sits next
    to its title or byline. A lone date line above the title stays the article's.
    """
    head = [p for p in _head_datelines(lines, first, last) if _dated(lines[p])]
    if not head:
        return set()
    last_menu = max((p for p in range(first) if lines[p].kind == "menu"), default=-1)
    headlines = [r for r in range(head[0] + 1, head[-1]) if lines[r].kind is None and lines[r].tokens >= 2]
    clocks = set()
    for p in head:
        below = p < head[-1]
        headline_between = below and bisect_right(headlines, p) < len(headlines)  # a headline between p and the last
        if headline_between or last_menu > p and (below or not _near_title_slot(lines, p)):
            clocks.add(p)
    return clocks


def _near_title_slot(lines: list[Line], pos: int) -> bool:
    """Return True if a headline sits right below the date line at ``pos`` (the news-site layout "date / title")."""
    return pos + 1 < len(lines) and lines[pos + 1].kind is None and is_headline(lines[pos + 1], above_date=True)


def _ranked_datelines(lines: list[Line], first: int, last: int, zone: list[int], title: int | None) -> list[int]:
    """Return date line positions, most trusted first.

    A date line within a few lines of the title comes first (nearest first), then one in
    the byline zone after the body, then any other head date line; the site's clock
    (:func:`_site_clocks`) comes last. A date line just below a sapo counts as a head date line.
    """
    head = _head_datelines(lines, first, last)
    clocks = _site_clocks(lines, first, last)
    tail = [p for p in zone if lines[p].kind == "dateline"]
    own = [p for p in head if p not in clocks]
    if title is None:
        return own + tail + sorted(clocks)
    near = sorted((p for p in own if abs(p - title) <= _TITLE_DATE_GAP), key=lambda p: (abs(p - title), p))
    return near + tail + [p for p in own if p not in near] + sorted(clocks)


def _dateline_place(lines: list[Line], pos: int, title: int | None, clocks: set[int], zone: list[int]) -> str:
    """Return where a date line sits, in plain words, for the date note."""
    if pos in clocks:
        return "the site's clock in the page header"
    if pos in zone:
        return "after the body, beside the byline"
    if title is not None and abs(pos - title) <= _TITLE_DATE_GAP:
        return "below the title" if pos > title else "above the title"
    return "in the page head"


def clean_page(page: str, *, title: str | Sequence[str] | None = None) -> Cleaned:
    """Return the page split into body paragraphs and furniture spans.

    ``title`` (e.g. from an HTML ``<h1>`` or meta tag; several candidates may be
    given, best first) anchors the head when the page shows it as a line. The
    body is the kept paragraphs joined by a blank line; a page with nothing that
    reads as article prose gets an empty body (its title and date lines are still found).
    """
    lines = split_lines(page)
    for line in lines:
        classify(line)
    lines = unwrap(lines)
    hinted = _title_from_hint(lines, [title] if isinstance(title, str) else list(title or ()))
    if hinted is not None:
        lines[hinted].kind, lines[hinted].reason = None, ""
    after = hinted if hinted is not None else -1
    runs = _segments(lines)
    run = _choose_run(lines, runs, after)
    if run is None:  # no article prose: a digest's list of headlines, else the whole page is head
        first, last = _list_block(lines, runs) or (len(lines), len(lines) - 1)
    else:
        first, last = _body_bounds(lines, run, after)
        first = _past_late_dateline(lines, first, last)
        last = _bridge_related_boxes(lines, runs, last)
    after_image = {p + 1 for p, ln in enumerate(lines) if ln.kind == "image_file"}
    title_pos = hinted if hinted is not None else _find_title(lines, first, after_image)
    if run is not None:
        first = _bulletin_start(lines, title_pos, first)
    if run is not None:
        floor = max([title_pos if title_pos is not None else -1]
                    + [p for p in range(first) if lines[p].kind not in (None, "image_file")])
        first = _extend_back(lines, first, floor)
    heading = _inline_heading(lines[first]) if run is not None and hinted is None else None
    if heading is not None and (title_pos is None or lines[title_pos].tokens <= _MIN_TITLE_TOKENS):
        title_pos = None  # the capitals heading opening the body is the title, not a short label above it
    else:
        heading = None
    title_key = " ".join(fold(lines[title_pos].text).split()) if title_pos is not None else None

    removed: dict[int, tuple[str, str]] = {}
    parts = _build_body(lines, first, last, title_key, removed)
    signed = _split_trailing_name(parts)
    kinds = {p: _head_kind(lines[p], p, title_pos) for p in range(first)}
    kinds.update({p: ("byline", "author name beside the date line") for p in _head_names(lines, first, title_pos)})
    kinds.update(removed)
    kinds.update(_tail_kinds(lines, last + 1))
    body, paragraphs = _assemble(parts)
    zone, clocks = _after_body(lines, last, kinds), _site_clocks(lines, first, last)
    lead = next((p for p in paragraphs if p.label == "paragraph"), None)
    site, tag_len = split_site_tag(lead.text(body)) if lead else (None, 0)
    return Cleaned(
        page=page,
        body=body,
        paragraphs=paragraphs,
        furniture=_merge(lines, kinds),
        title=(Span(lines[title_pos].start, lines[title_pos].end, "title", {"why": (
                   "the title hint, shown on the page as a line" if title_pos == hinted
                   else _title_note(lines, title_pos, first))}) if title_pos is not None
               else Span(heading[0], heading[1], "title", {"why": "the capitals heading that opens the first line"})
               if heading else None),
        datelines=[Span(lines[p].start, lines[p].end, "dateline", {"place": _dateline_place(lines, p, title_pos, clocks, zone)})
                   for p in _ranked_datelines(lines, first, last, zone, title_pos)],
        bylines=_bylines(lines, first, last, kinds) + ([signed] if signed else []),
        site=site,
        site_span=Span(lead.start, lead.start + tag_len, "site_tag", {"site": site}) if site and lead else None,
    )


def _assemble(parts: _Body) -> tuple[str, list[Span]]:
    """Return the body text (paragraphs joined by a blank line) and the paragraph spans over it."""
    paragraphs, cursor = [], 0
    for text, label, (page_start, page_end) in zip(parts.texts, parts.labels, parts.sources):
        paragraphs.append(Span(cursor, cursor + len(text), label, {"page_start": page_start, "page_end": page_end}))
        cursor += len(text) + 2
    return "\n\n".join(parts.texts), paragraphs

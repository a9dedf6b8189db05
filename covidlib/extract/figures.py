"""The figure model of case counts: over which period, for whom, and part of which total.

A case count says more than its value and metric: "từ ngày 27/4 đến nay ... 1.234 người
mắc" is a tally since 27 April, "trong đó 40 ca tại TP.HCM" is a province's share of a
national day total. :func:`read_figures` reads this from the whole page, in this order:

1. **The frame**: the page's :func:`~covidlib.parse.dates.date_frame` (the publish date,
   else the dated title, else the latest date with a year the page writes; the same one
   that dates ``as_of``), which gives every day/month its year, and the title: a bulletin title
   ("THÔNG BÁO VỀ 18 CA MẮC MỚI", "Thêm 16 người ...") is a day's report.
2. **Sentence by sentence, in reading order**; lines with no figure between them are
   headings ("- Đợt dịch thứ 4 (từ ngày 27/4/2021 đến nay):", "Cụ thể là:") whose period
   the list items under them take. For each sentence with figures:

   a. **scope** from each figure's own words and place: ``local`` for one commune,
      hospital, company or cluster written as its place; ``district``/``province`` from
      the place; with no province, the nearest ``world``, ``foreign``, ``region`` or
      ``national`` word of the sentence ("thế giới", "Mỹ", "Tây Nguyên", "cả nước"; not
      the country cases come from), ``world`` when the next sentence turns to Vietnam,
      the country by default;
   b. **totals and parts inside the sentence**: a figure followed by an opener ("trong
      đó", "gồm", "cụ thể", "riêng", a colon, a parenthesis) heads the figures after it
      until a closing parenthesis hands the breakdown back to the figure before it; a
      narrower place after a wider figure of the same metric (districts after their
      province) and outcomes after a tally of cases (in care, recovered, dead) are parts;
      parts must count what their total counts, and are taken while they fit in it (one
      that overflows nests in the part before it);
   c. **totals in earlier sentences**: list items break down the figure of the line that
      introduces them; a sentence opening with "Trong đó", "Trong số này", "Riêng"...
      breaks down the figure of the sentences before that its parts add up to, else the
      one of the same metric; "Trong 15 bệnh nhân ..., 3 ca ..." heads its own clause;
      "86/94 ca" joins the figure of 94; a figure repeated from a breakdown keeps its total;
   d. **period** from a small grammar of phrases (the table ``CUE_TABLE``): day ("trong
      24 giờ qua", "trong ngày", "hôm nay", "từ 18h ngày A đến 18h ngày B"), span ("trong 7
      ngày qua", "tuần qua", "từ ngày A đến ngày B" of a few weeks at most), average
      ("trung bình ... ca/ngày"), tally ("từ đầu vụ dịch", "cộng dồn", "tổng số", "tính
      đến", "từ ngày 27/4 đến nay", "đợt dịch thứ 4"), snapshot ("hiện", "đang điều trị",
      "đang cách ly") and words of new cases ("thêm", "ca mắc mới") that bind only their own
      clause. A figure takes the phrase of its own clause, else its total's period, else
      the nearest phrase of its sentence before it, else the heading or title it
      continues, else a dated report of what was recorded ("Ngày 22/2, tỉnh ghi nhận ...")
      is a day, else what its metric is (``active`` a snapshot, ``new_confirmed`` a day,
      ``confirmed`` a tally). A tally with no start takes its total's or heading's start.
      Then ``confirmed``/``new_confirmed`` agree with the period. Dates come from
      :func:`covidlib.dates.find_dates` and :func:`~covidlib.dates.date_from_parts`;
   e. **totals of the sentence before, once periods are known**: a province's figures
      after a national total of the same metric and period (districts after a province's)
      are its parts, joining the figure they add up to when one does.
3. **Last checks over the page**: a part must count what its total counts, and new cases
   are no stated part of a tally; each total records what its parts add up to
   (``parts_sum``; sources are often off by one).

Everything here is a pure function of the article and its case-count spans; the patterns
run on the folded body (``article.body_key``), one pass of the grammar per sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, timedelta
from typing import Any, Sequence

from ..document import Article, Span
from ..normalize import fold
from ..parse.dates import DateFrame, date_frame, date_from_parts, find_dates, resolve_as_of
from .count_model import OWN_PLACE
from .figure_lexicon import (
    NUMBER_WORDS,
    CUES,
    DAY_RANGE,
    WAVE_STARTS,
    CLOCK,
    RECORDED,
    TITLE_NEW,
    WAVE,
    PART_OF_MONTH,
    SPAN_MAX_DAYS,
    CLAUSE_MARK,
    RANK,
    PERIOD_OF,
    MARK,
    SLACK,
    RECENT,
    NEAR_PARAGRAPHS,
    BREAKDOWN_START,
    AMONG_START,
    LIST_OPENER,
    LIST_ITEM,
    RATE_BEFORE,
    RATE_AFTER,
    RATIO,
    CASE_FAMILY,
    OUTCOMES,
    WORLD,
    NATIONAL_WORDS,
    REGION,
    FOREIGN,
    LOCAL_AFTER,
    LOCAL_LABEL,
    PLURAL,
    UNIT,
    ORIGIN,
    CONTRAST,
    DOWN,
    LEVEL,
)

__all__ = ["read_figures", "count_id", "period_notation"]


@dataclass(frozen=True, slots=True)
class _Cue:
    """A period phrase found in the text: its kind, where it is, and the dates it states."""

    start: int
    end: int
    kind: str
    first: date | None = None
    last: date | None = None
    days: int | None = None
    dated: bool = False  # the phrase writes a start date, known or not ("từ ngày 25/7" with no year)


@dataclass(slots=True)
class _Figure:
    """One case count being read: its span, the decisions so far and its sentence."""

    span: Span
    index: int
    sentence: Span
    item: bool
    metric: str
    period: str | None = None
    first: date | None = None
    last: date | None = None
    scope: str | None = None
    dated: bool = False
    parent: "_Figure | None" = None
    parts: list["_Figure"] = field(default_factory=list)
    opens: bool = False
    rate: bool = False  # a daily average ("trung bình 520 ca/ngày"): no part of a tally, nor a total of one
    as_of: str | None = None  # the ISO date the figure is as of (a snapshot is re-dated by its own sentence)

    @property
    def value(self) -> int:
        return int(self.span.data.get("value") or 0)

    @property
    def root(self) -> "_Figure":
        node = self
        while node.parent is not None:
            node = node.parent
        return node


def count_id(article_id: str, start: int) -> str:
    """Return the stable id of the figure whose number starts at body offset ``start``.

    >>> count_id("a1", 42)
    'a1:42'
    """
    return f"{article_id}:{start}"


def period_notation(text: str | None) -> tuple[str, str | None]:
    """Return (period, period_start) for the gold files' notation of a period.

    ``day``, ``snapshot``, ``span:START/END``, ``since:DATE``, ``epidemic`` (a tally with no
    start) and ``average:N-day``; a start of ``null`` is None.

    >>> period_notation("since:2021-04-27"), period_notation("epidemic"), period_notation("average:7-day")
    (('cumulative', '2021-04-27'), ('cumulative', None), ('average', None))
    """
    text = (text or "").strip()
    kind, _, rest = text.partition(":")
    start = rest.split("/")[0][:10] if kind in ("span", "since") else ""
    start = None if start in ("", "null") else start
    return {"since": "cumulative", "epidemic": "cumulative"}.get(kind, kind), start


# --- period phrases --------------------------------------------------------------------

def _cues(key: str, start: int, end: int, published: date | None, as_of: date | None,
          dates: list[Span] | None = None) -> list[_Cue]:
    """Return the period phrases of ``key[start:end]`` with the dates they state, in text order.

    ``published`` gives day/months their year; ``as_of`` is the day the text speaks at (a span
    "trong 7 ngày qua" ends on it); ``dates`` are :func:`~covidlib.dates.find_dates` of that
    text when already known.
    """
    text = key[start:end]
    found: list[_Cue] = []
    dates = [d for d in (find_dates(text) if dates is None else dates) if d.data["day"] is not None or d.data["year"] is not None]
    for m in CUES.finditer(text):
        kind = m.lastgroup or ""
        cue = _Cue(m.start() + start, m.end() + start, kind)
        if kind == "span":
            n = m.group("n")
            count = int(n) if n and n.isdigit() else NUMBER_WORDS.get(n or "", 7)
            days = count * 7 if "tuần" in m.group() and n else (7 if "tuần" in m.group() else count)
            last = as_of
            first = last - timedelta(days=days - 1) if last else None
            cue = _Cue(cue.start, cue.end, "span", first, last, days)
        elif kind == "since":
            cue = _since(text, m, dates, start, published)
        elif kind == "average":
            cue = _Cue(cue.start, cue.end, "average")
        found.append(cue)
    window = DAY_RANGE.search(text)
    if window is not None:
        day1, day2, month = int(window.group(1)), int(window.group(2)), int(window.group(3))
        if 1 <= day1 <= day2 <= 31 and 1 <= month <= 12:  # "từ 8 đến 10/2": dated when the year is known
            year = int(window.group(4)) if window.group(4) else None
            last = date_from_parts(day2, month, year, published=published)
            first = last.replace(day=day1) if last is not None else None
            found.append(_Cue(window.start() + start, window.end() + start, "span", first, last, day2 - day1 + 1))
    found.sort(key=lambda c: (c.start, RANK[c.kind]))
    return found


def _since(text: str, m: re.Match[str], dates: list[Span], offset: int, published: date | None) -> _Cue:
    """Read a "từ D ..." phrase: a tally since D, or a span when it closes a few weeks later."""
    wave = WAVE.search(m.group())
    if wave is not None:
        start = WAVE_STARTS[wave.group(1)]
        following = [d for d in dates if m.end() <= d.start <= m.end() + 30 and d.data["role"] == "from"]
        first = _date_of(following[0], published or start, text) if following else start
        return _Cue(m.start() + offset, m.end() + offset, "since", first, dated=True)
    inside = [d for d in dates if m.start() <= d.start < m.end() + 2]
    first = _date_of(inside[0], published, text) if inside else None
    after = [d for d in dates if d.start >= m.end() and d.data["role"] == "to" and d.start - m.end() < 40]
    if inside and after:
        days = _days_between(inside[0], after[0], published, text)
        if days is not None and 0 <= days < SPAN_MAX_DAYS:
            last = _date_of(after[0], published, text)
            return _Cue(m.start() + offset, after[0].end + offset, "span", first, last, days + 1)
    return _Cue(m.start() + offset, m.end() + offset, "since" if inside else "cumulative", first, dated=bool(inside))


def _days_between(a: Span, b: Span, published: date | None, text: str) -> int | None:
    """Days from date ``a`` to date ``b``; with no year known, counted within one (leap) year."""
    first, last = _date_of(a, published, text), _date_of(b, published, text)
    if first is not None and last is not None:
        return (last - first).days
    if a.data["day"] is None or b.data["day"] is None:
        return None
    try:
        first, last = date(2020, a.data["month"], a.data["day"]), date(2020, b.data["month"], b.data["day"])
    except ValueError:
        return None
    return (last - first).days % 366


def _date_of(span: Span, published: date | None, text: str) -> date | None:
    """The date a found date span names; a month alone is its first day ("cuối tháng 12" its last)."""
    d = span.data
    if d["day"] is not None:
        return date_from_parts(d["day"], d["month"], d["year"], published=published)
    if d["year"] is None:
        return None
    where = PART_OF_MONTH.search(text, max(0, span.start - 15), max(0, span.start - 6))
    if where is not None and where.group(1) == "cuối":
        return date(d["year"] + d["month"] // 12, d["month"] % 12 + 1, 1) - timedelta(days=1)
    return date(d["year"], d["month"], 1)


def _title_kind(title: str | None) -> str | None:
    """The period a bulletin's title announces: "Thêm 16 người ... nhiễm" is a day, "Tổng ca mắc ..." a tally."""
    if not title:
        return None
    key = fold(title)
    kinds = {c.kind for c in _cues(key, 0, len(key), None, None)}
    if TITLE_NEW.search(key) or "day" in kinds:
        return "day"
    if kinds & {"cumulative", "since"}:
        return "cumulative"
    return None


def _line_period(key: str, start: int, end: int, published: date | None, now: date | None) -> _Cue | None:
    """The period a heading line between figure sentences states ("- Đợt dịch thứ 4 (từ ngày 27/4/2021 đến nay):")."""
    end = start + len(key[start:end].rstrip())
    line_start = key.rfind("\n", start, end) + 1
    cues = [c for c in _cues(key, max(start, line_start), end, published, now) if c.kind != "snapshot"]
    if not cues:
        return None
    best = min(cues, key=lambda c: (RANK[c.kind], c.first is None))
    kind = PERIOD_OF.get(best.kind, best.kind)
    dated = [c for c in cues if c.first is not None and kind == "cumulative" and c.kind in ("since", "cumulative")]
    return _Cue(best.start, best.end, kind, best.first or (dated[0].first if dated else None), best.last)


# --- totals and parts ------------------------------------------------------------------

def _link_in_sentence(key: str, figures: list[_Figure]) -> None:
    """Within a sentence: openers make a figure the total of those after it; narrower places are parts.

    The text after each figure is read mark by mark: a closing parenthesis ends the
    breakdown a parenthesis opened; an opener before any separator or closing mark makes
    the figure the total of the figures that follow ("2 ca nhập cảnh (1 Khánh Hòa, 1 Hà Nội)").
    """
    stack: list[tuple[_Figure, str]] = []
    for i, fig in enumerate(figures):
        if stack and fig.parent is None:
            fig.parent = stack[-1][0]
        if i + 1 == len(figures):
            break
        free, end, owner = True, figures[i + 1].span.start, fig
        for mark in MARK.finditer(key, fig.span.end, end):
            text = mark.group()
            if text == ")":  # back to the figure the parenthesis belonged to: "41.125 ca (trung bình 520 ca/ngày), trong đó"
                if stack and stack[-1][1] == "(":
                    owner = stack.pop()[0]
                else:
                    free = False
            elif text in (";", "."):
                free = False
            elif text == "(" and ")" in key[mark.end():end]:
                continue  # an aside closed before the next figure: "282 ca (đã cách ly ...), 159 ca"
            elif free or text[0].isalpha():
                # a word opens a breakdown even after a separator: "3.833 mẫu; kết quả: 13 mẫu dương tính, ..."
                owner.opens = True
                stack.append((owner, text))
                break
    for i, fig in enumerate(figures):  # a narrower place after a wider total of the same metric
        if fig.parent is not None:
            continue
        for total in reversed(figures[:i]):
            if _narrower(fig, total) and _same_family(fig, total) and total.value > fig.value:
                fig.parent = total
                break
            if _outcome_of(key, fig, total):
                fig.parent = total
                break
    _check_parts(figures)


def _check_parts(figures: list[_Figure]) -> None:
    """Undo breakdowns that cannot be: parts of another kind, or parts adding up to more than their total.

    Parts are taken in order while they fit in the total; one that overflows it is a part of
    the part before it when it fits there ("10.489 ca, trong đó 8 ca nhập cảnh và 10.481 ca
    trong nước (có 5.353 ca trong cộng đồng)"), else of no one here. Sources are often off by
    one or two, so a small excess is kept (and shows in ``parts_sum``).
    """
    for total in reversed(figures):
        parts = [f for f in figures if f.parent is total]
        kept: list[_Figure] = []
        running = 0
        for part in parts:
            if _may_be_part(part, total) and running + part.value <= total.value + SLACK:
                kept.append(part)
                running += part.value
                continue
            host = next((k for k in reversed(kept) if _may_be_part(part, k)), None)
            up = total.parent if total.parent is not None and _may_be_part(part, total.parent) else None
            part.parent = host or up


def _may_be_part(part: _Figure, total: _Figure) -> bool:
    """A part counts what its total counts, or is an outcome of a tally of cases, or isolated patients in care."""
    if part.value > total.value or part.rate != total.rate:
        return False
    if _same_family(part, total):
        return True
    if total.metric == "confirmed" and part.metric in OUTCOMES:
        return True
    return total.metric == "active" and part.metric == "quarantined"


def _same_family(a: _Figure, b: _Figure) -> bool:
    return a.metric == b.metric or (a.metric in CASE_FAMILY and b.metric in CASE_FAMILY)


def _narrower(part: _Figure, total: _Figure) -> bool:
    """True when ``part``'s place lies one level or more inside ``total``'s (a district of its province)."""
    a, b = _place_level(part), _place_level(total)
    if b < 1 or a <= b:
        return False
    pp, tp = part.span.data.get("province"), total.span.data.get("province")
    return tp is None or pp == tp


def _place_level(fig: _Figure) -> int:
    if fig.scope is not None:
        return LEVEL[fig.scope]
    data = fig.span.data
    if data.get("district"):
        return LEVEL["district"]
    return LEVEL["province"] if data.get("province") else LEVEL["national"]


def _outcome_of(key: str, part: _Figure, total: _Figure) -> bool:
    """Recoveries, deaths and patients in care listed after a tally of cases are that tally's outcomes."""
    return (part.metric in OUTCOMES and total.metric == "confirmed" and total.index == 0 and total.parent is None
            and total.value >= part.value and ";" not in key[total.span.end:part.span.start]
            and part.span.data.get("province") == total.span.data.get("province"))


def _choose_total(items: list[_Figure], candidates: list[_Figure], older: Sequence[_Figure] = ()) -> _Figure | None:
    """The figure a breakdown belongs to: the one its parts add up to, else one of the same metric, else the first.

    ``candidates`` are the figures of the sentence before and their totals; ``older`` ones, of
    the sentences before that, are chosen only when the parts add up to them.
    """
    running, sums = 0, set()
    for item in items:
        running += item.value
        sums.add(running)
    for total in list(candidates) + list(reversed(older)):
        if total.value in sums and len(items) > 1 and _same_family(items[0], total):
            return total
    if not candidates:
        return None
    same = [c for c in candidates if _same_family(items[0], c) and c.value >= items[0].value]
    roots = [c for c in same if c.parent is None]
    if roots or same:
        return (roots or same)[0]
    fitting = [c for c in candidates if c.value >= max(i.value for i in items)]
    return fitting[0].root if fitting else None


def _candidates(previous: list[_Figure]) -> list[_Figure]:
    """Totals a breakdown of the next sentence may belong to: those of the sentence before and their totals."""
    found: list[_Figure] = []
    for fig in previous:
        node: _Figure | None = fig
        while node is not None:
            if node not in found:
                found.append(node)
            node = node.parent
    return found


# --- the period of each figure -------------------------------------------------------------

def _own_region(key: str, figures: list[_Figure], i: int) -> tuple[int, int]:
    """The figure's own clause: from after the previous figure (or clause mark) to the next one."""
    fig = figures[i]
    sent = fig.sentence
    start = sent.start
    if i > 0:  # the words right after the figure before are its own ("21 ca mắc mới, nâng tổng số ca lên 105")
        start = figures[i - 1].span.end
        mark = CLAUSE_MARK.search(key, start, fig.span.start)
        start = mark.end() if mark else start
    end = figures[i + 1].span.start if i + 1 < len(figures) else sent.end
    stop = CLAUSE_MARK.search(key, fig.span.end, end)
    return start, (stop.start() if stop else end)


def _metric_default(metric: str) -> str:
    if metric == "new_confirmed":
        return "day"
    if metric in ("active", "suspected", "quarantined"):
        return "snapshot"
    return "cumulative"


def _decide_period(fig: _Figure, own: list[_Cue], before: list[_Cue], context: _Cue | None,
                   at_date: bool, title_new: bool, recorded: bool = False) -> None:
    """Set ``fig.period`` (and its dates) from its own clause, its total, its sentence, its context, its metric.

    A tally with no start of its own takes the start of its total or of the heading it continues
    ("... tích lũy cao trong đợt dịch này: TP. Hồ Chí Minh (522.142)" under "Đợt dịch thứ 4 (từ ngày 27/4/2021)").
    """
    _period_of(fig, own, before, context, at_date, title_new, recorded)
    if fig.period == "cumulative" and fig.first is None:
        parent = fig.parent
        if parent is not None and parent.period == "cumulative" and parent.first is not None:
            fig.first = parent.first
        elif context is not None and context.kind == "cumulative" and context.first is not None:
            fig.first = context.first


def _period_of(fig: _Figure, own: list[_Cue], before: list[_Cue], context: _Cue | None,
               at_date: bool, title_new: bool, recorded: bool) -> None:
    metric = fig.metric
    sentence = own + before
    if metric == "active":
        fig.period = "average" if any(c.kind == "average" for c in own) else "snapshot"
        return
    usable = [c for c in own if _fits(c, metric)]
    if usable:
        _apply(fig, min(usable, key=lambda c: (_rank(c, metric), -c.start)), sentence)
        return
    parent = fig.parent
    if parent is not None and parent.period is not None and _inherits(fig, parent):
        fig.period, fig.first, fig.last, fig.dated = parent.period, parent.first, parent.last, parent.dated
        return
    usable = [c for c in before if _fits(c, metric) and c.kind != "new"]  # "thêm"/"mới" speak of their own figure
    if usable:
        _apply(fig, max(usable, key=lambda c: (c.end, -_rank(c, metric))), sentence)
        return
    if context is not None and _fits(context, metric):
        fig.period, fig.first, fig.last = context.kind, context.first, context.last
        return
    if at_date and metric not in CASE_FAMILY and metric not in ("quarantined", "suspected"):
        fig.period = "day"  # "Riêng ngày 24/8, 11.698 xét nghiệm": a dated figure of the day
        return
    if at_date and metric == "confirmed" and (title_new or recorded):
        fig.period = "day"  # "Ngày 22/2, tỉnh ghi nhận 2.500 ca": a dated report of what was recorded that day
        return
    fig.period = _metric_default(metric)


def _rank(cue: _Cue, metric: str) -> float:
    """How closely a cue binds: a window beats a tally word, and "đang"/"hiện" beats "tổng số" for a stock."""
    if cue.kind == "snapshot" and metric in ("quarantined", "suspected", "tested"):
        return 2.5
    return RANK[cue.kind]


def _fits(cue: _Cue, metric: str) -> bool:
    """A snapshot word says nothing of cases counted or tallies of tests; other cues fit any metric."""
    if cue.kind == "snapshot":
        return metric in ("quarantined", "suspected", "tested", "active")
    if cue.kind == "new":  # "87 ca mắc mới", "thêm 1.234 người": new figures, not a stock
        return metric not in ("active", "quarantined", "suspected")
    if cue.kind == "tally":  # "đã cách ly 1.401 F1" is a tally of contacts; "4.883 ca đã cách ly" says nothing of time
        return metric not in CASE_FAMILY
    if cue.kind == "average":
        return metric in CASE_FAMILY or metric in ("deaths", "recovered", "tested", "vaccinated")
    return True


def _apply(fig: _Figure, cue: _Cue, sentence: list[_Cue]) -> None:
    """Give the figure the cue's period; a tally takes the start any phrase of its sentence states."""
    kind = PERIOD_OF.get(cue.kind, cue.kind)
    fig.period, fig.dated = kind, cue.dated
    if kind == "cumulative":
        dated = [c for c in sentence if c.kind in ("since", "cumulative") and c.first is not None]
        first = cue.first or (min(dated, key=lambda c: abs(c.start - cue.start)).first if dated else None)
        fig.first, fig.last = first, None
    elif kind == "average":
        window = next((c for c in sentence if c.kind == "span"), None)
        fig.first, fig.last = (window.first, window.last) if window is not None else (None, None)
    elif kind == "span":
        fig.first, fig.last = cue.first, cue.last


def _inherits(part: _Figure, total: _Figure) -> bool:
    """A part takes its total's period when both count the same kind of thing (or are outcomes of a tally)."""
    if total.period == "snapshot":
        return part.metric in ("quarantined", "suspected", "tested", "active")
    if _same_family(part, total):
        return True
    return part.metric in ("recovered", "deaths") and total.period == "cumulative"


# --- scope -----------------------------------------------------------------------------

def _local(key: str, fig: _Figure, region: tuple[int, int]) -> bool:
    """True when the figure's own place is below a district (a commune, a hospital, a cluster...)."""
    after = LOCAL_AFTER.match(key, fig.span.end, region[1] + 1)
    if after is not None and _local_noun(key, after.start("noun"), after.end("noun")):
        between = key[fig.span.end:after.start("noun")]
        if not UNIT.search(between):
            return not _two_units(key, after.start("noun"), region[1])
    start = fig.sentence.start if fig.index == 0 else max(fig.sentence.start, fig.span.start - 140)
    label = LOCAL_LABEL.search(key, start, fig.span.start)
    return label is not None and _local_noun(key, label.start("noun"), label.end("noun"))


def _local_noun(key: str, start: int, end: int) -> bool:
    """A local noun names one place: not "các bệnh viện", nor a cluster named by its district ("ổ dịch huyện X")."""
    if PLURAL.search(key, max(0, start - 6), start):
        return False
    return not (key[start:end] in ("ổ dịch", "chùm ca") and UNIT.match(key, end))


def _two_units(key: str, start: int, end: int) -> bool:
    """"tại xã Đại Hồng và xã Đại Đồng, huyện Đại Lộc": two communes make the figure their district's."""
    return len(re.findall(r"(?<![\w])(?:xã|phường|thị trấn)(?![\w])", key[start:end])) >= 2


def _decide_scope(key: str, fig: _Figure, region: tuple[int, int]) -> None:
    """Scope from the figure's own words and place; a figure with no province looks for a country or world word."""
    data = fig.span.data
    if _local(key, fig, region):
        fig.scope = "local"
    elif data.get("district"):
        fig.scope = "district"
    elif data.get("province"):
        fig.scope = "province"
    else:
        fig.scope = _national_scope(key, fig) or ("world" if CONTRAST.match(key, fig.sentence.end) else "national")


def _scope_from_total(key: str, fig: _Figure) -> None:
    """A part with no place of its own lies one level inside its total.

    The parts of a world figure are the world's; the communes of a district total ("03 ca bệnh
    tại thị xã Điện Bàn: Vĩnh Điện 01 ca, Điện Nam Bắc 02 ca") and the parts of a local figure are local.
    """
    total, data = fig.parent, fig.span.data
    if total is None or fig.scope == "local":
        return
    if total.scope in ("world", "foreign") and not data.get("province"):
        fig.scope = total.scope
        return
    if data.get("place_from") in OWN_PLACE or data.get("province") != total.span.data.get("province"):
        return
    if total.scope == "local" or (total.scope == "district" and data.get("district")
                                  and data.get("district") == total.span.data.get("district")):
        fig.scope = "local"


def _national_scope(key: str, fig: _Figure) -> str | None:
    """For a figure with no province: the nearest world, foreign, region or country word of its sentence."""
    sent = fig.sentence
    marks = _scope_marks(key[sent.start:sent.end])
    if not marks:
        return None
    before = [m for m in marks if m[0] + sent.start < fig.span.start]
    if before:
        return max(before)[1]
    return min(marks)[1]


@lru_cache(maxsize=512)
def _scope_marks(sentence_key: str) -> tuple[tuple[int, str], ...]:
    """(offset, scope) of every world, country, region and Vietnam word of a folded sentence."""
    marks: list[tuple[int, str]] = []
    for scope, pattern in (("world", WORLD), ("foreign", FOREIGN), ("region", REGION), ("national", NATIONAL_WORDS)):
        marks += [(m.start(), scope) for m in pattern.finditer(sentence_key)
                  if scope != "foreign" or not ORIGIN.search(sentence_key, max(0, m.start() - 12), m.start())]
    return tuple(sorted(marks))


# --- the reader ---------------------------------------------------------------------------

def read_figures(article: Article, spans: Sequence[Span], *, frame: DateFrame | None = None) -> list[Span]:
    """Return the case-count ``spans`` with their figure model in ``data``.

    Adds ``count_id``, ``period`` (one of :data:`~covidlib.vocab.PERIODS`), ``period_start`` and
    ``period_end`` (ISO dates or None), ``scope`` (one of :data:`~covidlib.vocab.SCOPES`), ``part_of`` (the
    ``count_id`` of the total the figure is a stated part of, or None) and, on a total,
    ``parts_sum`` (the sum of its parts' values); ``metric`` is made to agree with the period.
    ``frame`` is the page's :func:`~covidlib.parse.dates.date_frame` (built here when not given).

    >>> from covidlib.text.article import article_from_body
    >>> from covidlib.extract.case_counts import extract_case_counts
    >>> from covidlib.extract.places import extract_places
    >>> art = article_from_body("Từ ngày 27/4 đến nay, Hà Nội ghi nhận 1.234 ca mắc, trong đó 230 ca tại quận Đống Đa.",
    ...                         published="2021-07-01")
    >>> [(s.data["value"], s.data["period"], s.data["period_start"], s.data["scope"])
    ...  for s in extract_case_counts(art, places=extract_places(art))]
    [(1234, 'cumulative', '2021-04-27', 'province'), (230, 'cumulative', '2021-04-27', 'district')]
    """
    if not spans:
        return []
    key = article.body_key
    frame = frame or date_frame(article.metadata.published, title=article.metadata.title, body=article.body)
    published, now = frame.anchor, frame.day  # the date that gives day/months their year; the day "đến nay" means
    title = _title_kind(article.metadata.title)
    title_new = bool(article.metadata.title and TITLE_NEW.search(fold(article.metadata.title)))
    ordered = sorted(range(len(spans)), key=lambda k: spans[k].start)
    by_sentence: list[list[_Figure]] = []
    for k in ordered:
        span = spans[k]
        sent = span.data.get("sentence")
        if not isinstance(sent, Span):
            sent = article.sentence_of(span.start) or Span(span.start, span.end, "sentence")
        if not by_sentence or by_sentence[-1][0].sentence.start != sent.start:
            by_sentence.append([])
        group = by_sentence[-1]
        item = LIST_ITEM.match(key, sent.start) is not None
        rate = RATE_BEFORE.search(key, max(sent.start, span.start - 30), span.start) is not None \
            or RATE_AFTER.match(key, span.end) is not None
        group.append(_Figure(span, len(group), sent, item, span.data.get("metric") or "", rate=rate,
                             as_of=span.data.get("as_of")))
    figures = [f for group in by_sentence for f in group]

    recent: list[list[_Figure]] = []    # figures of the last sentences that had some, the latest last
    heading: _Figure | None = None      # the total a list of items breaks down
    heading_period: _Cue | None = None  # the period a heading line or bulletin sentence carries
    last_end = 0
    seen: list[_Figure] = []
    for group in by_sentence:
        sent, item = group[0].sentence, group[0].item
        previous = recent[-1] if recent else []
        as_of = _iso_date(group[0].span.data.get("as_of"))
        between = article.body[last_end:sent.start].strip()
        if not item or between:
            heading = None  # a line with no figure between lists ("Về tình hình điều trị:") ends the list's total
        if between:
            heading_period = _line_period(key, last_end, sent.start, published, now)
        if item and heading is None and previous and not previous[0].item and (not between or LIST_OPENER.search(between)):
            heading = previous[-1] if previous[-1].opens or key[previous[-1].sentence.end - 1] == ":" else previous[0].root
        for i, fig in enumerate(group):
            _decide_scope(key, fig, _own_region(key, group, i))
        _link_in_sentence(key, group)
        _link_across(key, group, recent[-RECENT:], heading, seen, sent)
        breakdown = BREAKDOWN_START.match(key, sent.start) is not None
        context = heading_period if (item or breakdown) else None
        if context is None and title is not None and (item or (breakdown and not previous)):
            context = _Cue(0, 0, title)  # items or a breakdown whose total is only in the title
        dates = find_dates(key[sent.start:sent.end])
        cues = _cues(key, sent.start, sent.end, published, as_of or now, dates)
        at_date = any(d.data["role"] == "at" and d.data["day"] is not None
                      and not CLOCK.search(key, max(sent.start, sent.start + d.start - 24), sent.start + d.start)
                      for d in dates)  # "lúc 6h ngày 10/5" is a moment (a tally as of then), not a day
        for i, fig in enumerate(group):
            region = _own_region(key, group, i)
            own = [c for c in cues if region[0] <= c.start < region[1]]
            before = [c for c in cues if c.end <= region[0]]
            recorded = RECORDED.search(key, max(region[0], fig.span.start - 40), fig.span.start) is not None
            _decide_period(fig, own, before, context, at_date, title_new, recorded)
            _agree_metric(fig)
            if fig.period == "snapshot":  # a state is at its own sentence's date, else at the page's day
                fig.as_of = resolve_as_of(article.text(sent), published=None, frame=frame) or fig.as_of
            if fig.period == "day" and fig.first is None and as_of is not None:
                fig.first = fig.last = as_of
            _scope_from_total(key, fig)
        _link_continuation(group, previous)
        for fig in group:  # deaths and recoveries are outcomes of a tally, not parts of a day's new cases
            if fig.parent is not None and fig.metric in OUTCOMES and fig.parent.metric == "new_confirmed":
                fig.parent = None
        if not item:
            heading_period = _carried(group)
        recent.append(group)
        seen.extend(group)
        last_end = sent.end
    for fig in figures:  # a part counts what its total counts (breakdowns across sentences included)
        if fig.parent is not None and (not _may_be_part(fig, fig.parent) or _other_time(fig, fig.parent)):
            fig.parent = None
        if fig.parent is not None:
            fig.parent.parts.append(fig)
    return [_span_of(article, fig) for fig in figures]


def _other_time(part: _Figure, total: _Figure) -> bool:
    """New cases are no stated part of a tally of cases, nor a tally part of new cases."""
    new = ("day", "span", "average")
    return part.metric in CASE_FAMILY and total.metric in CASE_FAMILY and (part.period in new) != (total.period in new)


def _link_across(key: str, group: list[_Figure], recent: list[list[_Figure]], heading: _Figure | None,
                 seen: list[_Figure], sent: Span) -> None:
    """Link a sentence's figures to a total of an earlier sentence (breakdowns, list items, repeats).

    ``recent`` holds the figures of the last few sentences that had some, the latest last.
    """
    first = group[0]
    previous = recent[-1] if recent else []
    tops = [f for f in group if f.parent is None]
    among = AMONG_START.match(key, sent.start, first.span.start) is not None and len(group) > 1
    if among:  # "Trong 15 bệnh nhân tại Bắc Ninh, 3 ca ...": the first figure heads the rest of its clause
        stop = key.find(";", first.span.end, sent.end)
        for fig in group[1:]:
            if fig.parent is None and (stop < 0 or fig.span.start < stop):
                fig.parent = first
        first.opens = True
        tops = [first]
    ratio = RATIO.match(key, first.span.start)
    if ratio is not None:  # "86/94 ca ...": part of the figure of 94 read before, with its siblings
        total = next((f for f in reversed(seen) if f.value == _int(ratio.group(1))), None)
        if total is not None:
            for fig in tops:
                fig.parent = total
            return
    if heading is not None and first.item:
        for fig in tops:
            if fig.value <= heading.value:
                fig.parent = heading
        return
    if BREAKDOWN_START.match(key, sent.start) and not among:
        total = _choose_total(tops, _candidates(previous), [f for older in recent[:-1] for f in older])
        if total is not None:
            for fig in tops:
                if fig.value <= total.value:
                    fig.parent = total
            return
    for fig in tops:  # a figure repeated from an earlier breakdown keeps its total
        if fig.parent is not None:
            continue
        twin = next((f for f in reversed(seen) if f.parent is not None and f.value == fig.value and f.metric == fig.metric
                     and f.span.data.get("province") == fig.span.data.get("province")
                     and f.span.data.get("district") == fig.span.data.get("district")), None)
        if twin is not None:
            fig.parent = twin.parent


def _link_continuation(group: list[_Figure], previous: list[_Figure]) -> None:
    """Provinces of the national total just before, districts of a province's: same metric, same period.

    Read once the periods are known: "Hôm nay cả nước có 94 ca mới. TP.HCM ghi nhận nhiều nhất với 40 ca."
    The total is the figure of the sentence before that the list adds up to (the cases "trong nước"
    rather than all of them), else that sentence's main figure.
    """
    tops = [f for f in group if f.parent is None]
    if not previous or len(tops) < len(group) or not _near(previous[0].sentence, group[0].sentence):
        return
    added = sum(f.value for f in tops)
    fitting = [f for f in previous if abs(f.value - added) <= SLACK] if len(tops) > 1 else []
    total = min(fitting, key=lambda f: abs(f.value - added)) if fitting else previous[0].root
    for fig in tops:
        if _narrower(fig, total) and fig.value < total.value and fig.metric == total.metric \
                and total.scope in ("national", "province") and (not total.item or fig.scope == DOWN[total.scope]) \
                and (fig.period, fig.first, fig.dated) == (total.period, total.first, total.dated):
            fig.parent = total


def _near(earlier: Span, later: Span) -> bool:
    """True when two sentences are in the same paragraph or in consecutive ones."""
    a, b = (earlier.data or {}).get("paragraph"), (later.data or {}).get("paragraph")
    return a is None or b is None or b - a <= NEAR_PARAGRAPHS


def _carried(group: list[_Figure]) -> _Cue | None:
    """The period a bulletin sentence carries to the breakdowns and lists that continue it."""
    top = next((f for f in group if f.parent is None and f.period is not None), None)
    return _Cue(0, 0, top.period, top.first, top.last) if top is not None else None


def _agree_metric(fig: _Figure) -> None:
    """Make a case metric agree with its period: a tally is ``confirmed``, a day/span/average ``new_confirmed``."""
    if fig.metric == "confirmed" and fig.period in ("day", "span", "average"):
        fig.metric = "new_confirmed"
    elif fig.metric == "new_confirmed" and fig.period == "cumulative":
        fig.metric = "confirmed"
    elif fig.metric in CASE_FAMILY and fig.period == "snapshot":
        fig.period = "cumulative" if fig.metric == "confirmed" else "day"


def _iso_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _int(text: str) -> int | None:
    try:
        return int(text.replace(".", "").replace(",", ""))
    except ValueError:
        return None


def _span_of(article: Article, fig: _Figure) -> Span:
    """The figure's span with its model in ``data``."""
    data = dict(fig.span.data)
    data["count_id"] = count_id(article.article_id, fig.span.start)
    data["metric"] = fig.metric
    data["as_of"] = fig.as_of
    data["period"] = fig.period
    data["period_start"] = fig.first.isoformat() if fig.first else None
    data["period_end"] = fig.last.isoformat() if fig.last else None
    if fig.period == "cumulative" and fig.last is None:
        data["period_end"] = data.get("as_of")  # a tally runs up to the date it is as of
    data["scope"] = fig.scope
    data["part_of"] = count_id(article.article_id, fig.parent.span.start) if fig.parent is not None else None
    if fig.parts:
        data["parts_sum"] = sum(part.value for part in fig.parts)
    return Span(fig.span.start, fig.span.end, fig.span.label, data)

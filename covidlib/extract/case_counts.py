"""Typed COVID-19 case counts: value, metric, qualifier, place and as-of date of each figure.

Sentence-local reading. For every number of a sentence that :mod:`covidlib.parse.numbers`
calls a ``count``, the word right after it (its counter noun: "ca", "trường hợp",
"người", "F1", "mẫu", "liều"...) says what is counted; the words around it say how:

1. the counter itself ("1.401 F1" are contacts in quarantine, "2.514 mẫu" are tests);
2. words right after it in its clause ("78 trường hợp tử vong", "5 ca đang nghi ngờ");
3. a subject "số ..." before it ("Số ca khỏi bệnh: 241 ca"), or the label of a
   "label: figure" item ("...; ca tử vong: 23");
4. the nearest keyword before it ("cách ly tập trung 15.369 trường hợp");
5. otherwise the number continues a list or a breakdown and takes the metric of the
   figure before it ("huyện Nậm Pồ có 45 ca, Thành phố Điện Biên Phủ 8 ca");
6. rows of a list or of a table flattened to lines ("Hà Nội 1.234", "Lục Nam 40") that name
   no metric take the one of the line introducing them ("Số ca tử vong cộng dồn theo địa
   phương:"); under a header row of several columns ("Tỉnh | Ca mắc | Tử vong") each cell
   of a row takes its column's metric and the row's first cell its place.

The items of a list about deaths or recoveries (its heading, the label before its colon,
or the total they break down says so) stay deaths or recoveries when they only name the
cases' infection ("Số ca tử vong: 5 ca tại Hà Nội, 3 ca mắc COVID-19 kèm bệnh nền ...").
An event said later in the figure's clause wins over the infection that names the cases
("25 trường hợp mắc COVID-19 ... tử vong", "9.326 người mắc ... khỏi bệnh"), unless it only
dates them ("sau khi xuất viện"). Contacts may follow a case noun ("11 trường hợp F1", "6 ca
F1", "F2 là 14 ca"). Numbers that continue a list of identifiers are no counts: patient
numbers ("các bệnh nhân 512, 517, 523", "BN3490, 3491"), days written alone ("các ngày 14,
15, 17"), positions ("tổ 13, 14 và 15") and ages ("25, 30 tuổi"); nor is a figure repeated
in its own sentence ("10 trong số 11 trường hợp này") or a sample sent for sequencing. A
figure whose metric is only said by a later clause pointing back at its people takes it
("hơn 21 nghìn trường hợp, toàn bộ các trường hợp này đã được cách ly tại nhà"); a later
list item may leave its counter out before its place ("16 ca tại Đà Nẵng, 1 Đồng Nai").

A plain "confirmed" figure becomes ``new_confirmed`` when the sentence speaks of new
cases ("mới", "thêm", "trong ngày", a 24-hour window) or continues a report of new
cases without saying it is cumulative. The place is the one written next to the
number, else the one that governs its list, else the nearest earlier one (a sentence with
no figure that names one province sets it for the figures after it), else the article's
home province when the article states it (title, first sentence, site tag, the outlet named
in the page's furniture, or the only province named); "toàn tỉnh" / "trên địa bàn thành phố"
with no name is the home unit of that kind. A province named as where people come from or
what cases are linked to ("trở về từ Đà Nẵng", "liên quan đến ...") is no figure's place.
Figures for Vietnam ("cả nước", "nước ta"), the world, another country or a region
("Tây Nguyên", "ĐBSCL") have no province, and neither has a total spread over several
provinces ("127 ca tại TP.HCM (98), Bình Dương (16)") or a figure that follows a sentence
or a list naming several provinces. A province ending an address gives the figure the
district written before it ("huyện Châu Thành, tỉnh Bến Tre có 4 ca").
Plans, targets and capacities ("Mục tiêu ...", "công suất ...", "sẽ tiêm") are not
counts, nor are signed changes ("Hải Phòng (-1.210)"). The keyword lexicons are data in
:mod:`.count_lexicon`; reading the metric lives in :mod:`.count_metrics`, claiming places in
:mod:`.count_places`, and the records both work on in :mod:`.count_model`.

Once every figure of the page is read, :mod:`covidlib.extract.figures` reads the page as a
whole: the period, scope and total of each figure, with ``confirmed``/``new_confirmed``
made to agree with the period.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Any, Sequence

from ..reference import gazetteer
from ..parse.dates import date_frame, resolve_as_of
from ..document import Article, Span
from ..normalize import fold
from ..parse.numbers import find_numbers
from .count_lexicon import (
    AFTER_COVID,
    AGE_HOLDER_BEFORE,
    BACK_REFERENCE,
    BARE_END,
    BARE_UNIT,
    BREAKDOWN_START,
    BREAKDOWN_WORD,
    BY_DELTA_BEFORE,
    CAPACITY_BEFORE,
    CHAIN_GAP,
    COMPARED,
    COUNTER,
    COVID,
    CUMULATIVE,
    DEFAULT_CASE_WORDS,
    DELTA_BEFORE,
    DONE,
    ELIDED_BEFORE_PLACE,
    EVENTS,
    LIST_JOIN_BEFORE,
    NAMED_ITEM_GAP,
    NEW_FLAG,
    NOT_CASE_AFTER,
    NUMBERED_NOUN_BEFORE,
    OTHER_DISEASE,
    OUTSIDE_PROVINCE,
    PER_PERIOD_DELTA,
    PLACE_AFTER,
    PLANNED,
    PLAN_LEAD,
    RAISED_TO,
    RATE_BEFORE,
    THAN_BEFORE,
    THRESHOLD_BEFORE,
    words,
)
from .count_metrics import metric_terms, clause_end, own_clause, count_region, read_metric, upgrade_new
from .count_model import Place, Count, OWN_PLACE, SMALL_DOSE
from .count_places import places_of, places_within, claim_adjacent, claim_following, claim_before, address_districts, in_parentheses, distribute_each
from .figures import count_id, read_figures
from .places import home_province, outlet_province, stated_home_province

__all__ = ["extract_case_counts", "case_count_rows", "count_id"]



# --- reading the numbers of a sentence ---------------------------------------------------

def _counter(key: str, end: int) -> tuple[str, int, str | None] | None:
    """Return (counter kind, end offset, contact label) for the words after a number, or None."""
    m = COUNTER.match(key, end)
    if m is not None:
        kind = m.lastgroup
        return kind, m.end(), (m.group("contact").upper() if kind == "contact" else None)
    if BARE_END.match(key, end):
        return "bare", end, None
    return None


def _rejected(key: str, sent: Span, number: Span, counter: str) -> bool:
    """True for deltas, rates, capacities, thresholds and dose numbers."""
    before = key[max(sent.start, number.start - 60) : number.start]
    sentence = key[sent.start : sent.end]
    if DELTA_BEFORE.search(before) and COMPARED.search(sentence):
        return True
    if THAN_BEFORE.search(before):
        return True
    if BY_DELTA_BEFORE.search(before) and not PER_PERIOD_DELTA.search(before):
        return True  # "số ca mắc mới tăng 120 ca": up by 120, not 120 cases
    if RATE_BEFORE.search(before) or CAPACITY_BEFORE.search(before) or THRESHOLD_BEFORE.search(before):
        return True
    if _planned(key[sent.start : number.start]):
        return True
    if counter == "bare" and (AGE_HOLDER_BEFORE.search(before) or NUMBERED_NOUN_BEFORE.search(before)):
        return True  # "vợ 74 tuổi, con trai 75": an age; "làm ca 2", "đội 2": a shift, a team
    value = number.data["value"]
    return counter == "dose" and value < SMALL_DOSE


def _planned(head: str) -> bool:
    """True if ``head`` (the sentence up to a figure) speaks of a plan or a capacity, not of a fact.

    A plan opening the sentence ("Mục tiêu đến cuối năm, ...", "Theo kế hoạch, ...") governs
    the whole sentence; elsewhere a plan word counts in the figure's own clause. A word of
    fact after it ("đã", "đang") makes the figure a fact again.
    """
    lead = PLAN_LEAD.match(head)
    if lead is not None:
        return DONE.search(head, lead.end()) is None
    clause = max(head.rfind(","), head.rfind(";"), head.rfind(":")) + 1
    plans = list(PLANNED.finditer(head, clause))
    return bool(plans) and DONE.search(head, plans[-1].end()) is None


def _identifier(key: str, number: Span) -> bool:
    """True for a number that names rather than counts: a patient id, an age, a year, a day of the month
    written alone ("các ngày 14, ..."), a position ("tổ 13", "phòng 5") or a code glued to "BN"."""
    kind = number.data["kind"]
    if kind in ("patient_id", "age", "year"):
        return True
    if kind == "date":
        return "/" not in number.data["raw"] and "-" not in number.data["raw"] and "." not in number.data["raw"]
    if kind == "ordinal":
        return not number.data.get("after_name")
    return kind == "code" and key[max(0, number.start - 2) : number.start] == "bn"


def _chained(key: str, numbers: Sequence[Span]) -> set[int]:
    """Indexes of the numbers that continue a list of identifiers: "các bệnh nhân 512, 517, 523",
    "các ngày 14, 15, 17", "tổ 13, 14 và 15", "BN3490, 3491", "25, 30 tuổi".

    A bare number joined to an identifier by a comma, "và", a dash or "đến" is one more
    identifier, and so is every number joined to one of those; a bare number joined to an
    age after it ("25, 30 tuổi") is an age.
    """
    chained: set[int] = set()
    for i in range(1, len(numbers)):
        previous, number = numbers[i - 1], numbers[i]
        if not CHAIN_GAP.fullmatch(key, previous.end, number.start):
            continue
        bare = BARE_END.match(key, number.end) is not None
        if (i - 1) in chained or (bare and _identifier(key, previous)):
            chained.add(i)
    for i in range(len(numbers) - 1, 0, -1):
        previous, number = numbers[i - 1], numbers[i]
        if number.data["kind"] == "age" and CHAIN_GAP.fullmatch(key, previous.end, number.start) \
                and BARE_END.match(key, previous.end):
            chained.add(i - 1)
    return chained


def _candidates(article: Article, sent: Span, numbers: Sequence[Span], place_ends: frozenset[int], *,
                place_starts: frozenset[int] = frozenset(), named_rows: bool = False) -> list[Count]:
    """The figures of a sentence that may be counts; ``named_rows`` for the rows of a list under a heading,
    where a name and its figure ("Lục Nam 40") are a row even when the name is no place we know.

    A later item of a list may leave its counter out before its place ("16 ca tại Đà Nẵng, một
    Đồng Nai, một từ Guinea Xích đạo"): it takes the counter of the figure before it.
    """
    key = article.body_key
    found: list[Count] = []
    chained = _chained(key, numbers)
    named_before: Span | None = None  # the last "place figure" of the sentence ("Lục Nam 12")
    for index, number in enumerate(numbers):
        if index in chained:
            continue
        kind = number.data["kind"]
        if kind == "ordinal" and number.data.get("after_name"):
            continues = named_before is not None and NAMED_ITEM_GAP.fullmatch(key, named_before.end, number.start)
            if named_rows or number.start - 1 in place_ends or continues:
                kind = "count"  # "Bình Dương 1.020, Đồng Nai 327": a place and its figure, not "Mỹ Đình 2"
                named_before = number
        if kind not in ("count", "ratio"):
            continue
        value = number.data["value"]
        if not isinstance(value, int) and not float(value).is_integer():
            continue
        read = _counter(key, number.end)
        if read is None and RAISED_TO.search(key, max(sent.start, number.start - 8), number.start) \
                and PLACE_AFTER.match(key, number.end):
            read = "bare", number.end, None  # "nâng tổng số ca nhiễm ... lên 672.593 tại 62 tỉnh thành"
        if read is None and found and LIST_JOIN_BEFORE.search(key, max(sent.start, number.start - 6), number.start):
            elided = ELIDED_BEFORE_PLACE.match(key, number.end)
            if elided.end() in place_starts:
                read = found[-1].counter, number.end, found[-1].contact
        if read is None:
            continue
        counter, counter_end, contact = read
        if counter != "bare" and NOT_CASE_AFTER.match(key, counter_end):
            continue
        if kind == "ratio" and counter not in ("case", "person", "sample"):
            continue
        if number.data.get("spelled") and counter == "bare":
            continue
        if _rejected(key, sent, number, counter):
            continue
        if BACK_REFERENCE.match(key, counter_end) and any(c.value == value for c in found):
            continue  # "11 mẫu ... thì 10 trong số 11 trường hợp này": the same figure again
        count = Count(number, int(value), number.data["qualifier"], counter, counter_end, contact)
        if kind == "ratio":
            count.of_total = _ratio_total(number)
        found.append(count)
    return found


def _ratio_total(number: Span) -> int | None:
    raw = number.data["raw"]
    parts = re.split(r"/", raw)
    try:
        return int(parts[1].replace(".", "")) if len(parts) == 2 else None
    except ValueError:
        return None


# --- the extractor -------------------------------------------------------------------------

@dataclass(slots=True)
class _Reader:
    """State carried from sentence to sentence while reading one article."""

    article: Article
    places: list[Place]
    home: str | None
    home_code: str | None
    place_starts: list[int] = field(default_factory=list)
    home_units: tuple[gazetteer.Province, ...] = ()  # the home province (stated or not) and the outlet's
    place_start_set: frozenset[int] = frozenset()
    previous: Count | None = None      # first figure of the last sentence that had figures
    context: Place | None = None       # the place a later sentence with no place of its own inherits
    place_ends: frozenset[int] = frozenset()  # end offsets of province and district names
    seen: list[Count] = field(default_factory=list)
    sentence_texts: list[str] = field(default_factory=list)


# What follows the title in an image caption: "<title> - 1", "<title> - ảnh 1Ảnh minh hoạ: VOV".
_CAPTION_TAIL = re.compile(r"(?:[ ]*[-–][ ]*(?:ảnh[ ]*)?\d{1,2}(?!\d).*)?[ ]*")


def _title_repeat(article: Article, text: str) -> bool:
    """True for a body line that repeats the title (an image caption such as "<title> - 1")."""
    title = article.metadata.title
    if not title:
        return False
    folded, title_key = " ".join(fold(text).split()), " ".join(fold(title).split())
    return folded.startswith(title_key) and _CAPTION_TAIL.fullmatch(folded, len(title_key)) is not None


def _resolve_place(reader: _Reader, key: str, counts: list[Count], i: int, sent: Span,
                   governing: Count | None, paragraph_start: int) -> None:
    """Fill the place of a count that has none of its own.

    In order: the figure it continues or breaks down (or the total of "86/94 ca"); a national
    scope named anywhere in its sentence; the last place named earlier in its paragraph; the
    place of the previous sentence's figures; the article's home province.
    """
    count = counts[i]
    if count.place is not None:
        return
    region = count_region(counts, i, sent)
    outside = bool(OUTSIDE_PROVINCE.search(key, *region))
    source = counts[i - 1] if i > 0 else None
    if source is not None and source.place_from == "following" and i > 1:
        source = counts[0]  # "6 ca, trong đó 4 ca trong nước tại Đà Nẵng và 2 ca nhập cảnh": the 2 are the total's
    if source is None and count.of_total is not None and reader.previous is not None:
        source = _count_with_value(reader, count.of_total)
    if source is None and governing is not None:
        source = governing
    if source is not None and source.place is not None:
        place = source.place
        if (outside or count.number.data.get("after_name")) and place.district:
            # "ngoài tỉnh", or a row of its own name ("Lục Nam 12, Yên Dũng 5"): not the district before
            place = Place(place.start, place.end, place.province, place.code, None)
        count.place, count.place_from = place, "inherited"
        return
    scope = next((p for p in places_within(reader, sent.start, sent.end) if p.national), None)
    if scope is not None:  # "... ghi nhận 14.922 ca, trong đó 14.917 ca trong nước": a national figure
        count.place, count.place_from = scope, "sentence"
        return
    earlier = places_within(reader, paragraph_start, sent.start)
    if earlier and len(_provinces_of(earlier)) < 2:
        p = earlier[-1]
        count.place = Place(p.start, p.end, p.province, p.code, None, p.national)
        count.place_from = "paragraph"
        return
    if reader.context is not None:
        p = reader.context
        count.place, count.place_from = Place(p.start, p.end, p.province, p.code, None, p.national), "context"
        return
    count.place = Place(-1, -1, reader.home, reader.home_code, None)
    count.place_from = "home"


def _own_unit(reader: _Reader, key: str, count: Count, region: tuple[int, int]) -> None:
    """A figure "toàn tỉnh" / "trên địa bàn thành phố" with no name is the outlet's own province.

    It applies to a figure with no place of its own when the place it would inherit is no
    unit of that kind (the country, a centrally-run city for "tỉnh", a province for "thành
    phố"): the article's home province (stated or not) if it is of that kind, else the outlet
    named in the page's furniture.
    """
    if count.place_from in OWN_PLACE or not reader.home_units:
        return
    m = BARE_UNIT.search(key, *own_clause(key, region))
    if m is None or places_within(reader, m.end(), m.end() + 3):
        return  # no such word, or a name follows it ("toàn tỉnh Bắc Giang")
    wants_city = m.group(1) is None and m.group(2) is None and m.group(3) is None
    place = count.place
    current = gazetteer.province(place.province) if place is not None and place.province else None
    if current is not None and current.is_central_city == wants_city:
        return
    unit = next((u for u in reader.home_units if u.is_central_city == wants_city), None)
    if unit is not None:
        count.place = Place(-1, -1, unit.name, unit.code, None)
        count.place_from = "home"


def _provinces_of(places: Sequence[Place]) -> set[str]:
    return {p.province for p in places if p.province and not p.national}


def _spread_totals(counts: list[Count]) -> None:
    """A figure with no place of its own, followed by figures of two provinces or more, is their total.

    "Số ca tử vong trong ngày là 127 ca tại TP.HCM (98), Bình Dương (16)": 127 belongs to
    no single province.
    """
    for i, count in enumerate(counts):
        if count.place_from in OWN_PLACE:
            continue
        later = [c.place for c in counts[i + 1 :] if c.place_from in OWN_PLACE and c.place is not None]
        if len(_provinces_of(later)) >= 2:
            count.place, count.place_from = Place(-1, -1, None, None, None, national=True), "total"


def _next_context(counts: list[Count]) -> Place | None:
    """The place a later sentence inherits: none when the figures span several provinces."""
    own = [c.place for c in counts if c.place_from in OWN_PLACE and c.place is not None]
    if len(_provinces_of(own)) >= 2:
        return Place(-1, -1, None, None, None, national=True)
    return counts[0].place


def _name_context(reader: _Reader, sent: Span) -> None:
    """A sentence with no figure that names one province only makes it the place of the figures after it.

    "Sở Y tế tỉnh Nghệ An cho biết ... Hiện có 27 bệnh nhân nguy kịch": the 27 are Nghệ An's.
    A sentence naming several provinces leaves the context as it was.
    """
    named = [p for p in places_within(reader, sent.start, sent.end)
             if not p.national and not in_parentheses(reader.article.body_key, p)]
    provinces = _provinces_of(named)
    if len(provinces) == 1:
        p = named[-1]
        reader.context = Place(p.start, p.end, p.province, p.code, None)


def _count_with_value(reader: _Reader, value: int) -> Count | None:
    """Return the latest figure read so far with this value (the total of "86/94 ca")."""
    return next((c for c in reversed(reader.seen) if c.value == value), None)


def _read_sentence(reader: _Reader, sent: Span, numbers: Sequence[Span], *,
                   heading: str | None = None) -> list[Count]:
    """Return the case counts of one sentence; ``heading`` is the line introducing the list it is an item of."""
    article, key = reader.article, reader.article.body_key
    counts = _candidates(article, sent, numbers, reader.place_ends, place_starts=reader.place_start_set,
                         named_rows=heading is not None and _names_metric(heading))
    if not counts:
        return []
    breakdown = bool(BREAKDOWN_START.match(key, sent.start))
    governing = reader.previous if breakdown else None
    previous_metric = reader.previous.metric if reader.previous is not None else None
    for i in range(len(counts)):
        read_metric(key, counts, i, sent, governing)
        count = counts[i]
        if count.metric is None and heading is not None:
            said = _heading_metric(heading)
            if said is not None:  # "Số ca mắc mới theo địa phương:" then "Hà Nội 1.234"
                count.metric, count.detail = said
                count.evidence = "heading"
                continue
        if count.metric is None:
            if DEFAULT_CASE_WORDS.match(key, count.number.end):
                inherited = previous_metric if previous_metric in ("confirmed", "new_confirmed") else "confirmed"
                count.metric, count.evidence = inherited, "default"
            else:
                continue
        event = _event_of_list(key, counts, i, sent, governing, heading)
        if event is not None:
            count.metric, count.detail, count.evidence = event, None, "list"
            continue
        upgrade_new(key, counts, i, sent, previous_metric)
    counts = [c for c in counts if c.metric is not None]
    if not counts:
        return []
    claimed: set[int] = set()
    in_sentence = places_within(reader, sent.start, sent.end)
    claim_adjacent(key, counts, in_sentence, claimed)
    claim_following(key, counts, in_sentence, sent, claimed)
    distribute_each(key, counts, in_sentence, sent, claimed)
    claim_before(key, counts, in_sentence, sent, claimed)
    address_districts(key, counts, in_sentence)
    paragraph_start = _paragraph_start(article, sent)
    for i in range(len(counts)):
        _resolve_place(reader, key, counts, i, sent, governing, paragraph_start)
        _own_unit(reader, key, counts[i], count_region(counts, i, sent))
    _spread_totals(counts)
    if heading is not None:
        _apply_heading(key[sent.start:sent.end], heading, counts)
    return counts


def _event_of_list(key: str, counts: list[Count], i: int, sent: Span, governing: Count | None,
                   heading: str | None) -> str | None:
    """The death or recovery a list is about, for an item that only names the cases' infection.

    "Số ca tử vong trong ngày: 5 ca tại Hà Nội, 3 ca mắc COVID-19 kèm bệnh nền tại Bắc Ninh",
    "12 ca tử vong, trong đó 8 ca mắc COVID-19 chưa tiêm vắc xin", "Số bệnh nhân khỏi bệnh:"
    then "- Bắc Ninh: 40 người nhiễm": the items are deaths or recoveries. A list is about an
    event when its heading names it, when a colon follows the label naming it before the
    first figure, or when the item breaks down an event figure ("trong đó", "gồm"). An item
    that speaks of new cases ("ca mắc mới") stays a confirmed figure.
    """
    count = counts[i]
    if count.metric != "confirmed" or count.evidence != "post":
        return None
    if NEW_FLAG.search(key, count.number.start, clause_end(key, count.counter_end, sent.end)):
        return None
    if heading is not None:
        said = _heading_metric(heading)
        if said is not None and said[0] in EVENTS:
            return said[0]
    first = counts[0]
    if i > 0 and first.metric in EVENTS and ":" in key[sent.start : first.number.start] \
            and first.evidence in ("subject", "label", "pre"):
        return first.metric
    for total in reversed(counts[:i]):
        if total.metric in EVENTS and BREAKDOWN_WORD.search(key, total.counter_end, count.number.start):
            return total.metric
    if governing is not None and i == 0 and governing.metric in EVENTS:
        return governing.metric
    return None


def _paragraph_start(article: Article, sent: Span) -> int:
    index = sent.data.get("paragraph") if sent.data else None
    if index is not None and 0 <= index < len(article.paragraphs):
        return article.paragraphs[index].start
    return sent.start


def _spans_of(count: Count, sent: Span, as_of: str | None) -> list[Span]:
    places = count.copies or [count.place]
    spans = []
    for place in places:
        data: dict[str, Any] = {
            "value": count.value,
            "qualifier": count.qualifier,
            "metric": count.metric,
            "detail": count.detail,
            "province": None if place is None or place.national else place.province,
            "province_code": None if place is None or place.national else place.code,
            "district": None if place is None else place.district,
            "as_of": as_of,
            "sentence": sent,
            "evidence": count.evidence,
            "place_from": count.place_from,
        }
        spans.append(Span(count.number.start, count.number.end, "case_count", data))
    return spans


def extract_case_counts(article: Article, *, places: Sequence[Span]) -> list[Span]:
    """Return the COVID-19 case counts of ``article.body`` as spans labelled ``case_count``.

    ``data``: ``value`` (int), ``qualifier``, ``metric`` (one of :data:`METRICS`),
    ``detail`` (kind of quarantine: "tập trung", "tại nhà", "F1"...; for active cases a severity,
    "nặng", "nguy kịch", "thở máy", "ECMO", "thở oxy", "trung bình", or "tại nhà"), ``province``,
    ``province_code``, ``district`` (as written, without "huyện"), ``as_of`` (ISO date, from
    the sentence and the page's :func:`~covidlib.parse.dates.date_frame`, or None when the
    page lets no reader know the year), ``sentence`` (the sentence span), ``evidence`` (how the metric was read:
    counter, subject, label, post, pre, list, breakdown, weak, default, heading) and ``place_from`` (how
    the place was found: adjacent, following, before, each, inherited, sentence,
    paragraph, context, home); and the figure model read from the whole page by
    :func:`~covidlib.extract.figures.read_figures`: ``count_id``, ``period``, ``period_start``,
    ``period_end``, ``scope``, ``part_of`` and, on a total, ``parts_sum`` (``metric`` then
    agrees with the period).
    Needs ``places``: the article's place spans from
    :func:`~covidlib.extract.places.extract_places` (they give each figure its place and the
    article its home province).

    >>> from covidlib.document import Article, Metadata
    >>> from covidlib.text.sentences import split_sentences
    >>> body = "Đến sáng 8-10, An Giang có 6.360 trường hợp nhiễm COVID-19, 78 trường hợp tử vong."
    >>> art = Article("a", "", body, body, sentences=split_sentences(body), metadata=Metadata(published="2021-10-08"))
    >>> from covidlib.extract.places import extract_places
    >>> [(s.data["value"], s.data["metric"], s.data["province"]) for s in extract_case_counts(art, places=extract_places(art))]
    [(6360, 'confirmed', 'An Giang'), (78, 'deaths', 'An Giang')]
    """
    home = stated_home_province(article, places)
    home_unit = gazetteer.province(home) if home else None
    home_code = home_unit.code if home_unit is not None else None
    place_list = places_of(article, places)
    units = (gazetteer.province(name) for name in (home or home_province(article, places), outlet_province(article))
             if name)
    reader = _Reader(article, place_list, home, home_code, [p.start for p in place_list],
                     place_ends=frozenset(p.end for p in places),
                     home_units=tuple(u for u in units if u is not None),
                     place_start_set=frozenset(p.start for p in place_list))
    numbers = find_numbers(article.body)
    starts = [n.start for n in numbers]
    frame = date_frame(article.metadata.published, title=article.metadata.title, body=article.body)  # once per page
    spans: list[Span] = []
    heading: str | None = None  # the folded line that introduces the list being read ("Về tình hình điều trị:")
    listed: set[str] = set()  # provinces of the items of that list
    columns: list[tuple[str, str | None] | None] | None = None  # metrics of the columns of a table being read
    for sent in article.sentences:
        text = article.text(sent)
        if columns is not None:
            rows = _table_row(reader, sent, columns)
            if rows is not None:
                as_of = resolve_as_of(text, context=reader.sentence_texts, frame=frame)
                for count in rows:
                    spans.extend(_spans_of(count, sent, as_of))
                reader.sentence_texts.append(text)
                continue
        columns = _table_header(article.body_key[sent.start:sent.end])
        if columns is not None:
            reader.sentence_texts.append(text)
            continue
        item = _LIST_ITEM.match(text) is not None or _TABLE_ROW.fullmatch(text) is not None
        if not item:
            heading = article.body_key[sent.start:sent.end].strip() if _is_heading(text) else None
            listed = set()
        first, last = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        inside = [n for n in numbers[first:last] if n.end <= sent.end]
        if inside and not _skip_sentence(article, text):
            counts = _read_sentence(reader, sent, inside, heading=heading if item else None)
            if counts:
                as_of = resolve_as_of(text, context=reader.sentence_texts, frame=frame)
                for count in counts:
                    spans.extend(_spans_of(count, sent, as_of))
                reader.previous = counts[0]
                reader.context = _next_context(counts)
                if item:  # a list of items, one province each, spans several: what follows it is no one's
                    listed |= _provinces_of([c.place for c in counts if c.place_from in OWN_PLACE and c.place])
                    if len(listed) >= 2:
                        reader.context = Place(-1, -1, None, None, None, national=True)
                reader.seen.extend(counts)
            elif not item:
                _name_context(reader, sent)
        elif not item:
            _name_context(reader, sent)
        reader.sentence_texts.append(text)
    return read_figures(article, spans, frame=frame)


_HEADING_WORDS = 16
# The cells of a table row flattened to a line: "Hà Nội | 120 | 3".
_CELL_SEPARATOR = re.compile(r"[ ]*\|[ ]*")
_TOTAL_CELL = re.compile(r"[ ]*" + words(r"tổng(?: cộng| số)?|cộng|cả nước|toàn quốc"))
_CELL_FIGURE = re.compile(r"[ ]*(\d{1,3}(?:\.\d{3})+|\d+)[ ]*")


def _is_heading(text: str) -> bool:
    """True for a line that may introduce a list: it ends with a colon, or it is a short line with
    no figure and no sentence end ("Số ca tử vong ghi nhận trong ngày theo địa phương")."""
    stripped = text.rstrip()
    if stripped.endswith(":"):
        return True
    return bool(stripped) and stripped[-1] not in ".!?;," and not any(c.isdigit() for c in stripped) \
        and len(stripped.split()) <= _HEADING_WORDS


def _table_header(line_key: str) -> list[tuple[str, str | None] | None] | None:
    """The metric of each column of a table header flattened to a line ("Tỉnh | Ca mắc | Tử vong"), or None.

    A header has three cells or more, no digit, and names a metric in a column after the first.
    """
    if "|" not in line_key or any(c.isdigit() for c in line_key):
        return None
    cells = _CELL_SEPARATOR.split(line_key.strip().strip("|").strip())
    if len(cells) < 3:
        return None
    columns = [None] + [_heading_metric(cell) if cell else None for cell in cells[1:]]
    return columns if any(columns) else None


def _table_row(reader: _Reader, sent: Span, columns: list[tuple[str, str | None] | None]) -> list[Count] | None:
    """The figures of one row under a table header: each cell takes its column's metric, the row its place.

    The first cell names the place ("Hà Nội | 120 | 3"); a row naming no province is the home
    province's; a "Tổng" / "Cả nước" row has none. None when the line is no row of that table.
    """
    key = reader.article.body_key
    line = key[sent.start:sent.end]
    lead = len(line) - len(line.lstrip(" |"))
    cells, cursor = [], sent.start + lead
    for part in re.split(r"(\|)", line[lead:]):
        if part != "|":
            cells.append((cursor, cursor + len(part)))
        cursor += len(part)
    cells = [c for c in cells if key[c[0]:c[1]].strip()]
    if len(cells) != len(columns) or any(ch.isdigit() for ch in key[cells[0][0]:cells[0][1]]):
        return None
    named = places_within(reader, *cells[0])
    if named:
        place = named[-1]
    elif _TOTAL_CELL.match(key, cells[0][0]):
        place = Place(-1, -1, None, None, None, national=True)
    else:
        place = Place(-1, -1, reader.home, reader.home_code, None)
    counts = []
    for (start, end), column in zip(cells[1:], columns[1:]):
        figure = _CELL_FIGURE.fullmatch(key, start, end)
        if figure is None:
            if key[start:end].strip(" -–"):
                return None
            continue
        if column is None:
            continue
        raw = figure.group(1)
        number = Span(figure.start(1), figure.end(1), "number",
                      {"value": int(raw.replace(".", "")), "qualifier": "exact", "raw": raw, "kind": "count"})
        count = Count(number, number.data["value"], "exact", "bare", number.end,
                       metric=column[0], detail=column[1], evidence="heading", place=place,
                       place_from="adjacent" if named else "home")
        counts.append(count)
    return counts


# A list item: "- Số ca khỏi bệnh: 241 ca.", "+ Cách ly tại nhà: 13.807".
_LIST_ITEM = re.compile(r"\s*[-–+•*]\s")
# A row of a table flattened to a line: a label and one figure ("Hà Nội 1.234", "TP.HCM: 987 ca").
_TABLE_ROW = re.compile(r"\s*(?:[^\s\d:;,]+[ \t]+){0,5}[^\s\d:;,]+[ \t]*[:\t ][ \t]*\d[\d.,]*(?:[ ]+[^\W\d_]+){0,2}[ ]*[.;]?\s*")
# A list introduced as the state of treatment ("Về tình hình điều trị ...:") ...
_TREATMENT_HEADING = re.compile(r"(?<!\w)điều\s+trị(?!\w)")
# ... whose items give test results ("Số ca dương tính với SARS-CoV-2: 27 ca") counts patients in care.
_TEST_STATUS = re.compile(r"(?<!\w)(?:dương|âm)\s+tính(?!\w)")


@lru_cache(maxsize=256)
def _names_metric(heading_key: str) -> bool:
    """True if a heading names a metric in words of its own ("Số ca tử vong theo huyện:"), not only cases."""
    return any(not t[4] for t in metric_terms(heading_key))


@lru_cache(maxsize=256)
def _heading_metric(heading_key: str) -> tuple[str, str | None] | None:
    """Metric named by the line that introduces a list, for its rows that name none.

    "Số ca tử vong cộng dồn theo địa phương:" -> deaths; "Ca mắc mới theo tỉnh:" -> new_confirmed.
    """
    terms = [t for t in metric_terms(heading_key) if not t[4]] or [t for t in metric_terms(heading_key, weak=True) if not t[4]]
    if not terms:
        return None
    specific = [t for t in terms if t[2] != "confirmed"]
    _, _, metric, detail, _ = (specific or terms)[0]
    if metric == "confirmed" and NEW_FLAG.search(heading_key) and not CUMULATIVE.search(heading_key):
        metric = "new_confirmed"
    return metric, detail


def _apply_heading(item_key: str, heading_key: str, counts: list[Count]) -> None:
    """Let the line that introduces a list set the metric its items leave open.

    Under a heading about treatment, an item that gives a test result counts patients still
    in care: "Về tình hình điều trị: ... - Số ca dương tính với SARS-CoV-2: 27 ca" is 27 active
    cases, not 27 confirmed ones. Items with a metric of their own ("Số ca khỏi bệnh") keep it.
    """
    if not _TREATMENT_HEADING.search(heading_key) or not _TEST_STATUS.search(item_key):
        return
    for count in counts:
        if count.metric in ("confirmed", "tested"):
            count.metric, count.evidence = "active", "heading"


def _skip_sentence(article: Article, text: str) -> bool:
    """Sentences whose numbers are no COVID-19 counts: other diseases, captions repeating the title."""
    folded = text.lower()
    if OTHER_DISEASE.search(folded) and not COVID.search(AFTER_COVID.sub(" ", folded)):
        return True
    return _title_repeat(article, text)


def case_count_rows(article: Article, spans: Sequence[Span]) -> list[dict[str, Any]]:
    """Return one row per case count: the ``case_counts`` table of the codebook.

    Keys: ``article_id, count_id, province, province_code, district, metric, detail, value,
    qualifier, as_of, period, period_start, period_end, scope, part_of, sentence, start, end``
    (``start``/``end`` are the number's body offsets; ``sentence`` is the sentence text; the
    figure model, from :func:`~covidlib.extract.figures.read_figures`, is empty on spans made
    without it).
    """
    rows = []
    for span in spans:
        data = span.data
        sent = data.get("sentence")
        rows.append({
            "article_id": article.article_id,
            "count_id": data.get("count_id") or count_id(article.article_id, span.start),
            "province": data.get("province"),
            "province_code": data.get("province_code"),
            "district": data.get("district"),
            "metric": data.get("metric"),
            "detail": data.get("detail"),
            "value": data.get("value"),
            "qualifier": data.get("qualifier"),
            "as_of": data.get("as_of"),
            "period": data.get("period"),
            "period_start": data.get("period_start"),
            "period_end": data.get("period_end"),
            "scope": data.get("scope"),
            "part_of": data.get("part_of"),
            "sentence": article.text(sent) if isinstance(sent, Span) else sent,
            "start": span.start,
            "end": span.end,
        })
    return rows

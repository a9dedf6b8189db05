"""Which place a figure is for: the place written next to it, after it, before it, or for each of a list.

Part of the sentence reading of :mod:`covidlib.extract.case_counts`.
"""
from __future__ import annotations

import bisect
from typing import Any, Sequence

from ..document import Article, Span
from .count_lexicon import (
    ADDRESS_LINK,
    ADJACENT,
    CAPITALISED_WORD_AFTER,
    CAPITALISED_WORD_BEFORE,
    EACH,
    ELIDED_BEFORE_PLACE,
    FOREIGN,
    LIST_ITEM_AFTER,
    NATIONAL,
    OPENS_PARENTHESIS,
    ORIGIN_BEFORE,
    POST_PLACE,
    WARDS_THEN,
)
from .count_model import Place, Count, OWN_PLACE, POST_WINDOW
from .count_metrics import clause_end, own_clause, count_region

__all__ = [
    "places_of",
    "stands_alone",
    "opens_sentence",
    "places_within",
    "claim_adjacent",
    "claim_following",
    "claim_before",
    "address_districts",
    "in_parentheses",
    "distribute_each",
]


def places_of(article: Article, places: Sequence[Span]) -> list[Place]:
    """Return the article's places and its national or world scopes ("cả nước", "thế giới"), in text order.

    A province named as where people come from or what cases are linked to ("người trở về từ Đà
    Nẵng", "liên quan đến Bắc Giang") is no place of a figure; a foreign origin stays, as a scope
    with no province ("1 ca nhập cảnh từ Nhật Bản").
    """
    key = article.body_key
    found = [
        Place(s.start, s.end, s.data.get("province"), s.data.get("code"),
               s.data.get("district") if s.label == "district" else None)
        for s in places if not ORIGIN_BEFORE.search(key, max(0, s.start - 30), s.start)
    ]
    taken = {i for p in found for i in range(p.start, p.end)}
    scopes = [m.span() for m in NATIONAL.finditer(article.body_key)]
    scopes += [m.span() for m in FOREIGN.finditer(article.body) if stands_alone(article.body, *m.span())]
    for start, end in sorted(set(scopes)):
        if not taken.intersection(range(start, end)):
            found.append(Place(start, end, None, None, None, national=True))
    return sorted(found, key=lambda p: p.start)


def stands_alone(body: str, start: int, end: int) -> bool:
    """True for a country name that is no part of a longer name ("Mỹ", not "Mỹ Tho" or "Thạnh Mỹ Lợi")."""
    after = CAPITALISED_WORD_AFTER.match(body, end)
    if after is not None and after.group()[-1].isupper():
        return False
    before = CAPITALISED_WORD_BEFORE.search(body, max(0, start - 20), start)
    return before is None or not before.group(1)[0].isupper() or opens_sentence(body, before.start(1))


def opens_sentence(body: str, pos: int) -> bool:
    """True if ``pos`` starts the body, a line or a sentence."""
    head = body[:pos].rstrip(" \"“'(")
    return not head or head[-1] in ".!?:;\n-–"


def places_within(reader: Any, start: int, end: int) -> list[Place]:
    """The places lying inside ``[start, end)`` of the body."""
    first = bisect.bisect_left(reader.place_starts, start)
    last = bisect.bisect_left(reader.place_starts, end)
    return [p for p in reader.places[first:last] if p.end <= end]


def claim_adjacent(key: str, counts: list[Count], places: list[Place], claimed: set[int]) -> None:
    """A place written right before a number is that number's ("Nậm Pồ có 45 ca", "Đông Anh (435)")."""
    for count in counts:
        before = [p for p in places if p.end <= count.number.start and id(p) not in claimed]
        if not before:
            continue
        place = before[-1]
        if count.number.start - place.end <= 16 and ADJACENT.match(key[place.end : count.number.start]):
            count.place, count.place_from = place, "adjacent"
            claimed.add(id(place))


def claim_following(key: str, counts: list[Count], places: list[Place], sent: Span, claimed: set[int]) -> None:
    """A place after the number, introduced by "tại"/"ở" in its clause ("5 người điều trị ở TP.HCM").

    A figure that has its province from before ("Quảng Nam có 2 ca tại huyện Núi Thành") takes
    a district of that province written after it.
    """
    for count in counts:
        province_only = count.place is not None and count.place_from == "adjacent" \
            and not count.place.national and count.place.district is None
        if count.place is not None and not province_only:
            continue
        end = clause_end(key, count.counter_end, sent.end)
        wards = WARDS_THEN.match(key, count.counter_end, min(sent.end, count.counter_end + POST_WINDOW))
        if wards is not None:
            end = max(end, wards.end() + 1)  # "02 ca tại xã Đại Hồng và xã Đại Đồng, huyện Đại Lộc"
        for place in places:
            if place.start < count.counter_end or place.start >= end or id(place) in claimed:
                continue
            if LIST_ITEM_AFTER.match(key, place.end):
                break  # "127 ca tại TP.HCM (98), Bình Dương (16)": the place heads a list of its own figures
            elided = count.counter != "bare" and count.counter_end == count.number.end
            if province_only and not (place.district and place.province == count.place.province):
                break
            if POST_PLACE.match(key[count.counter_end : place.start]) \
                    or (wards is not None and place.start == wards.end() and place.district) \
                    or (elided and ELIDED_BEFORE_PLACE.fullmatch(key, count.counter_end, place.start)):
                count.place, count.place_from = place, "following"
                claimed.add(id(place))
            elif place.national and not key[count.counter_end : place.start].strip():
                continue  # "4 ca trong nước tại Đà Nẵng": how the cases arose, then where
            break


def claim_before(key: str, counts: list[Count], places: list[Place], sent: Span, claimed: set[int]) -> None:
    """Otherwise the nearest unclaimed place before the number (for a later figure, in its own clause)."""
    for i, count in enumerate(counts):
        if count.place is not None:
            continue
        region = count_region(counts, i, sent)
        # a later figure looks only in its own clause: earlier places describe the figures before it
        start, end = own_clause(key, region) if i > 0 else (sent.start, region[1])
        inside = [p for p in places if start <= p.start and p.end <= end and id(p) not in claimed
                  and not in_parentheses(key, p)]
        if inside:
            count.place, count.place_from = inside[-1], "before"


def address_districts(key: str, counts: list[Count], places: list[Place]) -> None:
    """A province that ends an address takes the district written before it.

    "Huyện Tân Phú, tỉnh Đồng Nai có 30 ca": the figure is Tân Phú's, in Đồng Nai.
    """
    for count in counts:
        place = count.place
        if place is None or place.district or place.national or count.place_from not in OWN_PLACE:
            continue
        before = [p for p in places if p.end <= place.start]
        if before and before[-1].district and before[-1].province == place.province \
                and ADDRESS_LINK.fullmatch(key, before[-1].end, place.start):
            count.place = before[-1]


def in_parentheses(key: str, place: Place) -> bool:
    """True for "(Bắc Giang)", "(TP.HCM)" after another name: it locates that name, it does not govern a figure."""
    return OPENS_PARENTHESIS.search(key, max(0, place.start - 16), place.start) is not None \
        and key[place.end : place.end + 3].lstrip().startswith(")")


def distribute_each(key: str, counts: list[Count], places: list[Place], sent: Span, claimed: set[int]) -> None:
    """"... Hà Đông, Ba Đình và Hoàn Kiếm mỗi quận/huyện thêm 1 ca": one figure for each place listed."""
    for i, count in enumerate(counts):
        start, end = count_region(counts, i, sent)
        each = EACH.search(key, start, end)
        if each is None:
            continue
        listed = [p for p in places if start <= p.start and p.end <= each.start() and id(p) not in claimed
                  and not p.national]
        if len(listed) >= 2:
            count.copies = listed
            count.place, count.place_from = listed[0], "each"

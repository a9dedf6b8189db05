"""The wording of narratives, one table per language: how a figure, its scope, its period and its parts are said.

A figure is said with what it is, as a reporter would write it: where it counts (worldwide,
in Vietnam as a whole, in a province, in a district, at a single site), over which period
(in one day, over the 7 days to a date, a daily average over 7 days, since a date, in all, at
a moment) and which total it is part of ("of which"). The labels of scopes, periods, metrics
and qualifiers come from :mod:`covidlib.vocab`; this module holds the sentence frames around
them, and renders one row (a mapping with the ``case_counts`` columns) into its phrase.

>>> row = {"metric": "new_confirmed", "value": 9930, "period": "span", "period_start": "2021-05-08",
...        "period_end": "2021-05-14", "scope": "province", "province": "Bắc Giang"}
>>> figure_phrase(row, "en", lambda iso: "14 May 2021")
'9,930 new cases over the 7 days to 14 May 2021'
>>> scope_phrase(row, "vi")
'Tại Bắc Giang'
"""
from __future__ import annotations

from datetime import date
from typing import Any, Callable, Mapping

from ..vocab import METRIC_LABELS, PERIOD_LABELS, QUALIFIER_LABELS, SCOPE_LABELS, SCOPES
from .formatting import format_number, is_missing
from .spelling import NumberText

__all__ = ["TEMPLATES", "PLACE_DISPLAY", "QUARANTINE_KINDS", "place_name", "period_variant", "figure_noun",
           "figure_phrase", "part_fits", "part_phrase", "scope_phrase", "scope_key", "figures_sentence"]

DateText = Callable[[Any], "str | None"]

#: Sentence frames. ``{figure}`` is "{qualifier}{number} {noun}"; ``{on}``, ``{as_of}`` and ``{to}`` are
#: empty or a date phrase with its leading words (" (14/05/2021)", " tính đến 14/05/2021", " to 14 May 2021").
TEMPLATES: dict[str, dict[str, str]] = {
    "vi": {
        "day": "{figure} " + PERIOD_LABELS["vi"]["day"] + "{on}",
        "span": "{figure} " + PERIOD_LABELS["vi"]["span"],
        "span_open": "{figure} " + PERIOD_LABELS["vi"]["span_open"] + "{as_of}",
        "span_range": "{figure} " + PERIOD_LABELS["vi"]["span_range"],
        "average": "trung bình {figure} mỗi ngày trong {days} ngày{to}",
        "average_range": "trung bình {figure} mỗi ngày " + PERIOD_LABELS["vi"]["span_range"],
        "average_open": "trung bình {figure} mỗi ngày{as_of}",
        "cumulative": "{figure} " + PERIOD_LABELS["vi"]["cumulative"] + "{as_of}",
        "since": "{figure} " + PERIOD_LABELS["vi"]["since"] + "{as_of}",
        "since_open": "{figure} " + PERIOD_LABELS["vi"]["since_open"] + "{as_of}",
        "snapshot": "{figure}{as_of}",
        "snapshot_open": "{figure} tại thời điểm đưa tin",
        "unknown": "{figure} (" + PERIOD_LABELS["vi"]["unknown"] + "){as_of}",
        "on": " ({date})", "as_of": " " + PERIOD_LABELS["vi"]["as_of"], "to": " tính đến {date}",
        "part": "trong đó {figure}", "part_more": "và {figure}",
        "zero": "không có {noun} nào",
        "detail": " ({detail})",
        "detail_numbered": " (nhóm do bài báo nêu)",
        "sentence": "{scope}, bài báo nêu {figures}.",
        "district_place": "{district} ({province})",
    },
    "en": {
        "day": "{figure} " + PERIOD_LABELS["en"]["day"] + "{on}",
        "span": "{figure} " + PERIOD_LABELS["en"]["span"],
        "span_open": "{figure} " + PERIOD_LABELS["en"]["span_open"] + "{as_of}",
        "span_range": "{figure} " + PERIOD_LABELS["en"]["span_range"],
        "average": "a daily average of {figure} over {days} days{to}",
        "average_range": "a daily average of {figure} " + PERIOD_LABELS["en"]["span_range"],
        "average_open": "a daily average of {figure}{as_of}",
        "cumulative": "{figure} " + PERIOD_LABELS["en"]["cumulative"] + "{as_of}",
        "since": "{figure} " + PERIOD_LABELS["en"]["since"] + "{as_of}",
        "since_open": "{figure} " + PERIOD_LABELS["en"]["since_open"] + "{as_of}",
        "snapshot": "{figure}{as_of}",
        "snapshot_open": "{figure} " + PERIOD_LABELS["en"]["snapshot"],
        "unknown": "{figure} " + PERIOD_LABELS["en"]["unknown"] + "{as_of}",
        "on": " ({date})", "as_of": " " + PERIOD_LABELS["en"]["as_of"], "to": " to {date}",
        "part": "of which {figure}", "part_more": "and {figure}",
        "zero": "no {noun}",
        "detail": " (“{detail}”)",
        "detail_numbered": " (a group the article names)",
        "sentence": "{scope}, the article reports {figures}.",
        "district_place": "{district} ({province})",
    },
}
#: Province names as a reader expects them.
PLACE_DISPLAY = {"vi": {"Hồ Chí Minh": "TP. Hồ Chí Minh"}, "en": {"Hồ Chí Minh": "Hồ Chí Minh City"}}
#: Quarantine kinds read from ``detail``: (folded key word, Vietnamese noun, English words after "people").
QUARANTINE_KINDS = (("tập trung", "người cách ly tập trung", "in centralized quarantine"),
                    ("tại nhà", "người cách ly tại nhà", "in home quarantine"))


def place_name(province: str, lang: str) -> str:
    """Return a province's name as a reader expects it ("TP. Hồ Chí Minh", "Hồ Chí Minh City")."""
    return PLACE_DISPLAY[lang].get(province, province)


def _text(row: Mapping[str, Any], key: str) -> str | None:
    value = row.get(key)
    return None if is_missing(value) or str(value).strip() == "" else str(value)


def _day(value: Any) -> date | None:
    text = None if is_missing(value) else str(value)[:10]
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _days(row: Mapping[str, Any]) -> int | None:
    """The number of days a span or an average covers, from ``period_start`` and ``period_end`` (both counted)."""
    start, end = _day(row.get("period_start")), _day(row.get("period_end"))
    return (end - start).days + 1 if start and end and end >= start else None


def period_variant(row: Mapping[str, Any]) -> str:
    """Return the template key of a row's period: day, span(_open), average(_open), cumulative, since, snapshot, unknown."""
    period = _text(row, "period")
    if period == "span":
        return "span" if _days(row) and _day(row.get("period_end")) else "span_open"
    if period == "average":
        return "average" if _days(row) else "average_open"
    if period == "cumulative":
        return "since" if _day(row.get("period_start")) else "cumulative"
    if period in ("day", "snapshot"):
        return period
    return "unknown"


def _quarantine_kind(detail: str | None) -> int | None:
    key = (detail or "").lower()
    return next((i for i, (word, _, _) in enumerate(QUARANTINE_KINDS) if word in key), None)


def figure_noun(row: Mapping[str, Any], lang: str) -> str:
    """Return the noun of a figure ("ca mắc mới", "new cases"), with its quarantine kind or its detail."""
    metric, detail = row["metric"], _text(row, "detail")
    kind = _quarantine_kind(detail) if metric == "quarantined" else None
    if lang == "vi":
        noun = QUARANTINE_KINDS[kind][1] if kind is not None else METRIC_LABELS["vi"][metric]
    else:
        singular, plural = METRIC_LABELS["en"][metric]
        one = float(row["value"]) == 1 and _text(row, "qualifier") in (None, "exact")
        noun = ("person " if one else "people ") + QUARANTINE_KINDS[kind][2] if kind is not None else \
            (singular if one else plural)
    if detail and kind is None:  # a detail with its own numbers ("từ 27/4") is named, not quoted
        noun += TEMPLATES[lang]["detail_numbered"] if any(ch.isdigit() for ch in detail) else \
            TEMPLATES[lang]["detail"].format(detail=detail)
    return noun


def _figure(row: Mapping[str, Any], lang: str, number_text: NumberText | None) -> str:
    """Return "{qualifier}{number} {noun}", the number as ``number_text`` writes it; a zero in words ("no new cases")."""
    if float(row["value"]) == 0:  # the noun in the plural, without a qualifier
        return TEMPLATES[lang]["zero"].format(noun=figure_noun({**row, "qualifier": None, "value": 2}, lang))
    qualifier = QUALIFIER_LABELS[lang].get(_text(row, "qualifier") or "", "")
    number = number_text(row["value"], row.get("start")) if number_text else None
    return f"{qualifier}{number or format_number(row['value'], lang=lang)} {figure_noun(row, lang)}"


def figure_phrase(row: Mapping[str, Any], lang: str, date_text: DateText, *, with_period: bool = True,
                  number_text: NumberText | None = None) -> str:
    """Return a figure said with its period: "9,930 new cases over the 7 days to 14 May 2021".

    ``date_text`` writes an ISO date for the narrative, or returns None where the date must
    not be written (the composer passes one that leaves out what the article cannot back).
    ``number_text`` writes the figure and the count of days as the article writes them
    (:func:`covidlib.write.spelling.number_text`), or None where the article does not write
    that number; without it numbers are formatted plainly. Where the count of days cannot be
    written the phrase gives the dates ("from 8 May to 14 May 2021"); where a date cannot be
    written, it says the period without it ("over several days").
    """
    table = TEMPLATES[lang]
    figure = _figure(row, lang, number_text)
    if not with_period:
        return figure
    variant = period_variant(row)
    end = date_text(row.get("period_end")) if variant in ("span", "average") else None
    days = _days(row)
    days_text = (number_text(days, None) if number_text else str(days)) if days else None
    if variant in ("span", "average") and days_text is None:
        first = date_text(row.get("period_start")) if end is not None else None
        variant = f"{variant}_range" if first else f"{variant}_open"
    if variant == "span" and end is None:
        variant = "span_open"
    as_of_date = date_text(row.get("as_of"))
    if variant == "snapshot" and as_of_date is None:
        variant = "snapshot_open"
    start = date_text(row.get("period_start")) if variant in ("since", "span_range", "average_range") else None
    if variant == "since" and start is None:
        variant = "since_open"
    fill = {
        "figure": figure, "days": days_text, "end": end, "start": start,
        "on": table["on"].format(date=as_of_date) if as_of_date else "",
        "as_of": table["as_of"].format(date=as_of_date) if as_of_date else "",
        "to": table["to"].format(date=end) if end else "",
    }
    return table[variant].format(**fill)


def part_phrase(part: Mapping[str, Any], total: Mapping[str, Any], lang: str, date_text: DateText, *,
                number_text: NumberText | None = None, more: bool = False) -> str:
    """Return a stated part of a total: "of which 60 new cases"; its own period and place are said where they differ.

    ``more`` says a second or later part of the same total: "and 40 new cases".

    >>> total = {"metric": "confirmed", "value": 57, "period": "cumulative", "scope": "province", "province": "Điện Biên"}
    >>> part = {**total, "value": 45, "scope": "district", "district": "Nậm Pồ"}
    >>> part_phrase(part, total, "en", lambda iso: None)
    'of which 45 confirmed cases in Nậm Pồ (Điện Biên)'
    """
    same = period_variant(part) == period_variant(total) and all(
        _text(part, k) == _text(total, k) for k in ("period_start", "period_end", "as_of"))
    figure = figure_phrase(part, lang, date_text, with_period=not same, number_text=number_text)
    if scope_key(part) != scope_key(total):
        figure += " " + scope_phrase(part, lang, capital=False)
    elif same and part["metric"] == total["metric"] and _text(part, "detail") is None:  # a subgroup not named
        figure += TEMPLATES[lang]["detail_numbered"]
    return TEMPLATES[lang]["part_more" if more else "part"].format(figure=figure)


def part_fits(part: Mapping[str, Any], total: Mapping[str, Any]) -> bool:
    """Return True if ``part`` can be said as a part of ``total``: no wider than it, and inside the same province.

    A national figure is not part of a province's, and Hồ Chí Minh City's cases are not part
    of Nghệ An's: such a link is not narrated ("of which 2 new cases in Vietnam as a whole").

    >>> part_fits({"scope": "district", "province": "Hà Nội"}, {"scope": "province", "province": "Hà Nội"})
    True
    >>> part_fits({"scope": "national"}, {"scope": "province", "province": "Đồng Nai"})
    False
    >>> part_fits({"scope": "province", "province": "Bình Dương"}, {"scope": "province", "province": "Nghệ An"})
    False
    """
    (part_scope, _), (total_scope, _) = scope_key(part), scope_key(total)
    if part_scope == "unknown" or total_scope == "unknown":
        return True
    if SCOPES.index(part_scope) < SCOPES.index(total_scope):
        return False
    local = ("province", "district", "local")
    return not (part_scope in local and total_scope in local and _text(part, "province") != _text(total, "province"))


def scope_key(row: Mapping[str, Any]) -> tuple[str, str | None]:
    """Return (scope, place) of a row; a blank scope reads as the place named (district, province) or "unknown"."""
    scope = _text(row, "scope")
    province, district = _text(row, "province"), _text(row, "district")
    if scope is None:
        scope = "district" if district else "province" if province else "unknown"
    if scope in ("district", "local") and district:
        return scope, f"{district}\x1f{province or ''}"
    if scope in ("province", "district", "local"):
        return (scope, province) if province else ("unknown", None)
    return scope, None


def scope_phrase(row: Mapping[str, Any], lang: str, *, capital: bool = True) -> str:
    """Return where a figure counts, capitalised to open a sentence: "Worldwide", "Tại Bắc Giang"."""
    scope, place = scope_key(row)
    label = SCOPE_LABELS[lang].get(scope, SCOPE_LABELS[lang]["unknown"])
    if place is not None:
        district, _, province = place.partition("\x1f")
        if _:
            name = TEMPLATES[lang]["district_place"].format(district=district, province=place_name(province, lang)) \
                if province else district
        else:
            name = place_name(place, lang)
        label = label.format(place=name)
    return label[:1].upper() + label[1:] if capital else label


def figures_sentence(scope: str, figures: str, lang: str) -> str:
    """Return the sentence of one scope's figures: "In Bắc Giang, the article reports ..."."""
    return TEMPLATES[lang]["sentence"].format(scope=scope, figures=figures)

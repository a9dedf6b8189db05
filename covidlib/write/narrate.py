"""Narratives written from extracted facts, in Vietnamese and English, faithful by construction.

A narrative says when (publish date or as-of dates), where (provinces, the one named
most often first), who met or inspected whom (officials with their titles and a simple
event verb read from the body), which figures were reported (with qualifier and as-of
date) and which prevention measures were discussed.

Faithfulness rules (checked by :func:`check_faithful`):

* every number in a narrative is a value that a number of the body has, compared as
  parsed values ("420.000" in the body backs "420,000" in English); figures come only
  from case-count rows whose offsets lie in the body and whose value the body has;
* dates are written from ISO dates and checked as dates, not as numbers: a date passes
  when it is the article's publish date, or when its day and month are written as a date
  in the body and its year (if shown) is written in the body or is the year that date
  takes next to the publish date. Where the year cannot be backed it is left out
  ("11/05" / "11 May");
* codes such as "COVID-19" or "F0" are not figures; computed numbers (counts of
  articles, rates) never appear in a per-article narrative.
"""
from __future__ import annotations

import math
import re
from datetime import date
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from ..parse.dates import date_from_parts, find_dates, parse_published
from ..document import Article
from ..extract.measures import measure_labels, measures_of
from ..normalize import fold
from ..parse.numbers import find_numbers, format_vi
from ..tables import is_missing
from ..vocab import METRIC_LABELS, QUALIFIER_LABELS

__all__ = [
    "format_number",
    "format_date",
    "body_values",
    "check_faithful",
    "home_province",
    "narrative_vi",
    "narrative_en",
    "corpus_narrative",
]

Rows = Sequence[Mapping[str, Any]] | pd.DataFrame | None

# --- numbers and dates ---------------------------------------------------------

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_EN_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(_MONTHS_EN) + r")(?: (\d{4}))?\b")
_EN_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s+(million|thousand|billion))?(?![\w,]\d|\w)")
_EN_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_CODES = re.compile(r"(?i)covid-?\s?19|sars-cov-2|\bf\d\b")
_VI_WORDS = re.compile(r"(?<!\w)(?:và|của|có|các|được|ngày|bài|không|tính đến|gồm)(?!\w)", re.IGNORECASE)
_EN_WORDS = re.compile(r"\b(?:the|and|of|as|article|reported|include|names|with)\b", re.IGNORECASE)
_SKIP_KINDS = frozenset({"date", "time"})


def format_number(value: float, *, lang: str = "vi") -> str:
    """Write a figure for readers: ``6360`` -> "6.360" (vi) or "6,360" (en); round millions as "2,3 triệu"/"2.3 million"."""
    value = int(value) if float(value).is_integer() else value
    if isinstance(value, int) and value >= 1_000_000 and value % 100_000 == 0:
        millions = value / 1_000_000
        text = f"{millions:g}"
        return f"{text.replace('.', ',')} triệu" if lang == "vi" else f"{text} million"
    if isinstance(value, float):
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
        return text.replace(",", " ").replace(".", ",").replace(" ", ".") if lang == "vi" else text
    return format_vi(value) if lang == "vi" else f"{value:,}"


def format_date(iso: str, *, lang: str = "vi", with_year: bool = True) -> str:
    """Write an ISO date: "2021-11-01" -> "01/11/2021" (vi) or "1 November 2021" (en)."""
    day = date.fromisoformat(iso[:10])
    if lang == "vi":
        return f"{day.day:02d}/{day.month:02d}/{day.year}" if with_year else f"{day.day:02d}/{day.month:02d}"
    text = f"{day.day} {_MONTHS_EN[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def body_values(article: Article) -> set[float]:
    """Return the values of the numbers written in the body (dates and clock times left out)."""
    return {float(s.data["value"]) for s in find_numbers(article.body) if s.data.get("kind") not in _SKIP_KINDS}


def _body_dates(article: Article) -> tuple[set[tuple[int, int]], set[int]]:
    """Return the (day, month) pairs written as dates in the body and the years written in it."""
    days, years = set(), set()
    for span in find_dates(article.body):
        if span.data.get("day"):
            days.add((span.data["day"], span.data["month"]))
        if span.data.get("year"):
            years.add(span.data["year"])
    years.update(int(s.data["value"]) for s in find_numbers(article.body)
                 if s.data.get("kind") == "year" and float(s.data["value"]).is_integer())
    return days, years


def _date_backing(day: date, article: Article, *, with_year: bool = True) -> bool:
    """Return True if the body (or the publish date) backs writing ``day``, with or without its year."""
    published = parse_published(article.metadata.published)
    if published is not None and day == published:
        return True
    days, years = _body_dates(article)
    if (day.day, day.month) not in days:
        return False
    if not with_year:
        return True
    return day.year in years or date_from_parts(day.day, day.month, None, published=published) == day


def _date_phrase(iso: str | None, article: Article, *, lang: str) -> str | None:
    """Return ``iso`` written for the narrative, without a year the body cannot back, or None."""
    if not iso:
        return None
    try:
        day = date.fromisoformat(str(iso)[:10])
    except ValueError:
        return None
    if _date_backing(day, article):
        return format_date(day.isoformat(), lang=lang)
    if _date_backing(day, article, with_year=False):
        return format_date(day.isoformat(), lang=lang, with_year=False)
    return None


def _detect_lang(text: str) -> str:
    """Return 'vi' or 'en' by counting common function words (names keep their diacritics in English)."""
    return "vi" if len(_VI_WORDS.findall(text)) > len(_EN_WORDS.findall(text)) else "en"


def _text_dates(text: str, lang: str) -> list[tuple[int, int, int, int, int | None]]:
    """Return (start, end, day, month, year) of the dates written in a narrative."""
    if lang == "en":
        return [(m.start(), m.end(), int(m.group(1)), _MONTHS_EN.index(m.group(2)) + 1,
                 int(m.group(3)) if m.group(3) else None) for m in _EN_DATE.finditer(text)]
    return [(s.start, s.end, s.data["day"], s.data["month"], s.data["year"])
            for s in find_dates(text) if s.data.get("day")]


def _text_numbers(text: str, lang: str) -> list[tuple[int, int, float]]:
    """Return (start, end, value) of the figures written in a narrative (codes such as COVID-19 left out)."""
    if lang == "en":
        found = []
        for m in _EN_NUMBER.finditer(text):
            value = float(m.group(1).replace(",", "") + (f".{m.group(2)}" if m.group(2) else ""))
            found.append((m.start(), m.end(), value * _EN_SCALE.get(m.group(3) or "", 1)))
        return found
    return [(s.start, s.end, float(s.data["value"])) for s in find_numbers(text)
            if s.data.get("kind") not in ("code", "date", "time")]


def check_faithful(text: str, article: Article, *, lang: str = "auto") -> list[str]:
    """Return the problems of a summary or narrative: numbers or dates the article does not back.

    >>> from covidlib.document import Article, Metadata
    >>> art = Article("a", "a.txt", "", "Đến nay TP có hơn 420.000 ca nhiễm.", metadata=Metadata(published="2021-11-01"))
    >>> check_faithful("more than 420,000 confirmed cases as of 1 November 2021", art)
    []
    >>> check_faithful("more than 430,000 confirmed cases", art)
    ["number '430,000' (430000) does not appear in the body"]
    """
    lang = _detect_lang(text) if lang == "auto" else lang
    problems: list[str] = []
    covered: list[tuple[int, int]] = [(m.start(), m.end()) for m in _CODES.finditer(text)]
    for start, end, day, month, year in _text_dates(text, lang):
        covered.append((start, end))
        problems.extend(_date_problem(text[start:end], day, month, year, article))
    values = body_values(article)
    for start, end, value in _text_numbers(text, lang):
        if any(s <= start < e for s, e in covered):
            continue
        if value not in values:
            problems.append(f"number {text[start:end]!r} ({value:g}) does not appear in the body")
    return problems


def _date_problem(raw: str, day: int, month: int, year: int | None, article: Article) -> list[str]:
    published = parse_published(article.metadata.published)
    if year is None:
        if (published and (published.day, published.month) == (day, month)) or (day, month) in _body_dates(article)[0]:
            return []
        return [f"date {raw!r} is neither the publish date nor a date of the body"]
    try:
        when = date(year, month, day)
    except ValueError:
        return [f"date {raw!r} is not a valid date"]
    if _date_backing(when, article):
        return []
    return [f"date {raw!r} is neither the publish date nor a date of the body with a backed year"]


# --- rows -----------------------------------------------------------------------------

def _records(rows: Rows) -> list[dict[str, Any]]:
    """Return rows (a DataFrame or a sequence of mappings) as plain dicts, missing values as None."""
    if rows is None:
        return []
    if isinstance(rows, pd.DataFrame):
        rows = rows.astype(object).where(rows.notna(), None).to_dict("records")
    return [{k: (None if is_missing(v) else v) for k, v in dict(r).items()} for r in rows]


def _in_body(row: Mapping[str, Any], article: Article, start_key: str, end_key: str) -> bool:
    """Return True if the row belongs to ``article`` and its offsets lie inside the body."""
    if row.get("article_id") not in (None, article.article_id):
        return False
    start, end = row.get(start_key), row.get(end_key)
    if start is None or end is None:
        return False
    return 0 <= int(start) <= int(end) <= len(article.body)


def _body_places(article: Article, places: Rows) -> list[dict[str, Any]]:
    return [r for r in _records(places) if r.get("province") and _in_body(r, article, "first_start", "first_end")]


def home_province(places: Rows) -> str | None:
    """Return the province named most often, its districts included (ties: the one named first), or None.

    >>> home_province([{"province": "An Giang", "mentions": 6, "first_start": 90},
    ...                {"province": "Long An", "mentions": 1, "first_start": 10}])
    'An Giang'
    """
    ordered = _ordered_provinces([r for r in _records(places) if r.get("province")])
    return ordered[0]["province"] if ordered else None


def _offset(value: Any) -> int:
    return int(value) if value is not None else 1 << 40


def _ordered_provinces(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for r in rows:
        seen = merged.get(r["province"])
        if seen is None:
            merged[r["province"]] = dict(r)
        else:
            seen["mentions"] = int(seen.get("mentions") or 0) + int(r.get("mentions") or 0)
            seen["first_start"] = min(_offset(seen.get("first_start")), _offset(r.get("first_start")))
    return sorted(merged.values(), key=lambda r: (-int(r.get("mentions") or 0), _offset(r.get("first_start"))))


_PROVINCE_DISPLAY = {"vi": {"Hồ Chí Minh": "TP. Hồ Chí Minh"}, "en": {"Hồ Chí Minh": "Hồ Chí Minh City"}}


def _place_name(province: str, lang: str) -> str:
    return _PROVINCE_DISPLAY[lang].get(province, province)


def _join(items: Sequence[str], lang: str) -> str:
    """Join phrases the way prose does: "a, b và c" / "a, b and c"; "a; b và c; d" when an item has its own "và"."""
    items = [i for i in items if i]
    word = "và" if lang == "vi" else "and"
    if len(items) <= 1:
        return "".join(items)
    if any(f" {word} " in i for i in items):
        return "; ".join(items[:-1]) + f"; {word} " + items[-1]
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


# --- figures ------------------------------------------------------------------------------

_METRIC_ORDER = ("confirmed", "new_confirmed", "active", "recovered", "deaths", "suspected",
                 "tested", "quarantined", "vaccinated")
_METRIC_VI = METRIC_LABELS["vi"]
_METRIC_EN = METRIC_LABELS["en"]  # (singular, plural)
_QUALIFIER_VI = QUALIFIER_LABELS["vi"]
_QUALIFIER_EN = QUALIFIER_LABELS["en"]
_DETAIL_KINDS = (("tập trung", "cách ly tập trung", "in centralized quarantine"),
                 ("tại nhà", "cách ly tại nhà", "in home quarantine"))
_MAX_GROUPS = 3
_MAX_PER_GROUP = 4


def _body_counts(article: Article, case_counts: Rows) -> list[dict[str, Any]]:
    """Return the case-count rows a narrative may use: in the body, a known metric, a value the body has."""
    values = body_values(article)
    rows = []
    for r in _records(case_counts):
        if r.get("metric") not in _METRIC_ORDER or r.get("value") is None:
            continue
        if _in_body(r, article, "start", "end") and float(r["value"]) in values:
            rows.append(r)
    return rows


def _quarantine_kind(detail: Any) -> int | None:
    key = fold(str(detail or ""))
    return next((i for i, (word, _, _) in enumerate(_DETAIL_KINDS) if word in key), None)


def _headline_groups(rows: list[dict[str, Any]], home: str | None = None
                     ) -> list[tuple[tuple[str | None, str | None], list[dict[str, Any]]]]:
    """Group figures by (province, as_of) and keep the largest figure of each metric (and quarantine kind).

    One group per province, its latest as-of date; groups come in this order: the home
    province, figures without a province, then the others as read.
    """
    if any(not r.get("district") for r in rows):
        rows = [r for r in rows if not r.get("district")]
    groups: dict[tuple[str | None, str | None], dict[tuple[str, Any], dict[str, Any]]] = {}
    first_seen: dict[tuple[str | None, str | None], int] = {}
    for r in sorted(rows, key=lambda r: _offset(r.get("start"))):
        key = (r.get("province"), str(r["as_of"])[:10] if r.get("as_of") else None)
        first_seen.setdefault(key, _offset(r.get("start")))
        slot = (r["metric"], _quarantine_kind(r.get("detail")) if r["metric"] == "quarantined" else None)
        best = groups.setdefault(key, {}).get(slot)
        if best is None or int(r["value"]) > int(best["value"]):
            groups[key][slot] = r
    latest: dict[str | None, tuple[str | None, str | None]] = {}
    for key in groups:
        if key[0] not in latest or (key[1] or "") > (latest[key[0]][1] or ""):
            latest[key[0]] = key
    ordered = sorted(latest.values(), key=lambda k: (k[0] != home, k[0] is not None, first_seen[k]))
    result = []
    for key in ordered[:_MAX_GROUPS]:
        figures = sorted(groups[key].values(), key=lambda r: (_METRIC_ORDER.index(r["metric"]), -int(r["value"])))
        result.append((key, figures[:_MAX_PER_GROUP]))
    return result


def _figure_vi(row: Mapping[str, Any]) -> str:
    noun = _METRIC_VI[row["metric"]]
    kind = _quarantine_kind(row.get("detail")) if row["metric"] == "quarantined" else None
    if kind is not None:
        noun = "người " + _DETAIL_KINDS[kind][1]
    return f"{_QUALIFIER_VI.get(row.get('qualifier') or '', '')}{format_number(row['value'], lang='vi')} {noun}"


def _figure_en(row: Mapping[str, Any]) -> str:
    singular, plural = _METRIC_EN[row["metric"]]
    value = int(row["value"])
    noun = singular if value == 1 and row.get("qualifier") in (None, "exact") else plural
    kind = _quarantine_kind(row.get("detail")) if row["metric"] == "quarantined" else None
    if kind is not None:
        noun = ("person " if noun == singular else "people ") + _DETAIL_KINDS[kind][2]
    return f"{_QUALIFIER_EN.get(row.get('qualifier') or '', '')}{format_number(value, lang='en')} {noun}"


def _figures_sentences(article: Article, rows: list[dict[str, Any]], lang: str, home: str | None = None) -> list[str]:
    sentences = []
    for (province, as_of), figures in _headline_groups(rows, home):
        items = _join([_figure_vi(r) if lang == "vi" else _figure_en(r) for r in figures], lang)
        when = _date_phrase(as_of, article, lang=lang)
        if lang == "vi":
            tail = f" tính đến {when}" if when else ""
            if province:
                sentences.append(f"{_place_name(province, 'vi')} có {items}{tail}.")
            else:
                sentences.append(f"Các số liệu không gắn với tỉnh, thành cụ thể nào gồm {items}{tail}.")
        else:
            tail = f" as of {when}" if when else ""
            if province:
                sentences.append(f"{_place_name(province, 'en')} reported {items}{tail}.")
            else:
                sentences.append(f"Figures not tied to a single province include {items}{tail}.")
    return sentences


# --- officials and events ----------------------------------------------------------------------

_EVENTS = ("lead", "receive", "chair", "visit", "inspect", "work")
_EVENT_PATTERNS = {
    "lead": re.compile(r"(?<!\w)(?:dẫn đầu|làm trưởng đoàn)(?!\w)"),
    "receive": re.compile(r"(?<!\w)tiếp(?= (?:và làm việc với |đón )?(?:đoàn|ông|bà|đồng chí))"),
    "chair": re.compile(r"(?<!\w)chủ trì(?!\w)"),
    "visit": re.compile(r"(?<!\w)(?:đến thăm|có chuyến thăm|thăm và làm việc)(?!\w)"),
    "inspect": re.compile(r"(?<!\w)kiểm tra(?!\w)"),
    "work": re.compile(r"(?<!\w)làm việc (?:với|tại)(?!\w)"),
}
_SPEECH = re.compile(
    r"(?<!\w)(?:cho biết|khẳng định|yêu cầu|đề nghị|nhấn mạnh|chỉ đạo|đề xuất|phát biểu|cho rằng|thông tin|"
    r"báo cáo|đánh giá|ghi nhận|lưu ý|biểu dương|cảm ơn|gửi lời|chia sẻ|trao đổi|tin tưởng|tham dự)(?!\w)"
)
_LEADING_RECEIVE = re.compile(r"\W*tiếp(?: và làm việc)?(?: với)? đoàn")
_WITH = re.compile(r"(?<!\w)(?:với|tại)\s+")
_OBJECT_STOP = re.compile(r"[,.;:()\n]|\s(?:về|để|nhằm|và|trong|sau|do|từ|theo|cùng|trên)\s")
_OBJECT_LEVEL = re.compile(
    r"(?P<org>ubnd |ủy ban nhân dân |công an )?(?P<level>tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường)\s+"
)
_LEVEL_EN = {"tỉnh": "province", "thành phố": "city", "tp": "city", "tp.": "city", "huyện": "district",
             "quận": "district", "thị xã": "town", "xã": "commune", "phường": "ward"}
_MAX_WINDOW = 260
_OBJECT_REACH = 40


def _object_phrase(article: Article, start: int, end: int) -> tuple[str, str] | None:
    """Return (vi, en) for the place or delegation that a verb at [start, end) is done with, if it is simple."""
    key = article.body_key
    pos = end
    if not key[start:end].endswith((" với", " tại")):
        found = _WITH.search(key, end, min(len(key), end + _OBJECT_REACH))
        if found is None or _OBJECT_STOP.search(key, end, found.start() + 1):
            return None
        pos = found.end()
    while pos < len(key) and key[pos].isspace():
        pos += 1
    stop = _OBJECT_STOP.search(key, pos, min(len(key), pos + 80))
    raw = article.body[pos: stop.start() if stop else min(len(key), pos + 80)].strip()
    folded = fold(raw)
    if folded in ("đoàn", "đoàn công tác"):
        return raw, "the delegation"
    level = _OBJECT_LEVEL.match(folded)
    if level is None:
        return None
    name = raw[level.end():].strip()
    words = name.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    where = f"{name} {_LEVEL_EN[level.group('level')]}"
    org = (level.group("org") or "").strip()
    if org in ("ubnd", "ủy ban nhân dân"):
        return raw, f"the People's Committee of {where}"
    if org == "công an":
        return raw, f"the police of {where}"
    return raw, where


def _events_for(article: Article, official: Mapping[str, Any], others: list[int]) -> dict[str, tuple[str, str] | None]:
    """Return {event: object phrase or None} for what the official does in the sentence that names them.

    The verb must follow the name in the same clause; reported speech ("cho biết", "yêu cầu")
    ends the clause, and once a verb is found, another person named after it ends it too.
    A sentence opening with "Tiếp (và làm việc với) đoàn" makes everyone it names a host.
    """
    start, end = int(official["start"]), int(official["end"])
    sentence = article.sentence_of(start)
    if sentence is None:
        return {}
    key = article.body_key
    leading = _LEADING_RECEIVE.match(key, sentence.start)
    if leading is not None and leading.end() <= start:
        return {"receive": None}
    limit = min(sentence.end, end + _MAX_WINDOW)
    speech = next((m for m in _SPEECH.finditer(key, end, limit) if article.body[m.start()].islower()), None)
    if speech is not None:
        limit = speech.start()
    hits = sorted((m.start(), m.end(), name) for name, pattern in _EVENT_PATTERNS.items()
                  for m in pattern.finditer(key, end, limit) if article.body[m.start()].islower())
    events: dict[str, tuple[str, str] | None] = {}
    last_end = end
    for hit_start, hit_end, name in hits:
        if events and any(last_end <= o < hit_start for o in others):
            break
        if name not in events:
            events[name] = _object_phrase(article, hit_start, hit_end) if name != "lead" and name != "receive" else None
        last_end = hit_end
    return events


# Each event as (phrase, phrase with its object); the object is written from the body (vi) or translated (en).
_EVENT_VI = {"lead": ("dẫn đầu đoàn công tác", None), "receive": ("tiếp đoàn công tác", None),
             "chair": ("chủ trì cuộc họp", "chủ trì cuộc họp với {}"), "visit": ("có chuyến thăm", "đến thăm {}"),
             "inspect": ("đi kiểm tra", "đi kiểm tra tại {}"), "work": ("có buổi làm việc", "làm việc với {}")}
_EVENT_EN = {"lead": ("led a delegation", None), "receive": ("received the visiting delegation", None),
             "chair": ("chaired a meeting", "chaired a meeting with {}"),
             "visit": ("paid a visit", "paid a visit to {}"),
             "inspect": ("carried out an inspection", "carried out an inspection in {}"),
             "work": ("held a working session", "held a working session with {}")}


def _event_phrase(events: Mapping[str, tuple[str, str] | None], lang: str) -> str:
    """Return what a person did, in reading order of :data:`_EVENTS`: "dẫn đầu đoàn công tác và làm việc với ..."."""
    table, index = (_EVENT_VI, 0) if lang == "vi" else (_EVENT_EN, 1)
    parts = []
    for name in _EVENTS:
        if name in events:
            plain, with_object = table[name]
            obj = events[name]
            parts.append(with_object.format(obj[index]) if obj and with_object else plain)
    return _join(parts, lang)


# Title translation: a role at the start of the title and the unit after it.
_ROLES_EN = (
    ("phó thủ tướng", "Deputy Prime Minister"), ("thủ tướng", "Prime Minister"),
    ("bộ trưởng", "Minister"), ("thứ trưởng", "Deputy Minister"),
    ("phó chủ tịch thường trực", "Standing Vice Chair"), ("phó chủ tịch", "Vice Chair"), ("chủ tịch", "Chair"),
    ("phó bí thư thường trực", "Standing Deputy Secretary"), ("phó bí thư", "Deputy Secretary"), ("bí thư", "Secretary"),
    ("phó giám đốc", "Deputy Director"), ("giám đốc", "Director"),
    ("phó trưởng ban", "Deputy Head"), ("trưởng ban", "Head"), ("phó trưởng đoàn", "Deputy Head"),
    ("trưởng đoàn", "Head"), ("phó cục trưởng", "Deputy Director"), ("cục trưởng", "Director"),
)
_UNITS_EN = (
    ("ubnd tỉnh", "the provincial People's Committee"), ("ủy ban nhân dân tỉnh", "the provincial People's Committee"),
    ("ubnd huyện", "the district People's Committee"), ("ubnd thành phố", "the city People's Committee"),
    ("hđnd tỉnh", "the provincial People's Council"), ("tỉnh ủy", "the provincial Party Committee"),
    ("thành ủy", "the municipal Party Committee"), ("huyện ủy", "the district Party Committee"),
    ("công an tỉnh", "the provincial police"), ("sở y tế", "the Department of Health"),
    ("bộ y tế", "the Ministry of Health"),
    ("đoàn đbqh tỉnh", "the provincial National Assembly delegation"),
    ("đbqh tỉnh", "the provincial National Assembly delegation"),
    ("cục y tế dự phòng", "the General Department of Preventive Medicine"),
    ("sở lao động thương binh và xã hội", "the Department of Labour, Invalids and Social Affairs"),
    ("bệnh viện", "the hospital"),
)
_RANKS_EN = {"đại tướng": "General", "thượng tướng": "Colonel General", "trung tướng": "Lieutenant General",
             "thiếu tướng": "Major General", "đại tá": "Colonel", "thượng tá": "Senior Lieutenant Colonel",
             "trung tá": "Lieutenant Colonel", "thiếu tá": "Major", "đại úy": "Captain"}
_UBND_OF = re.compile(r"^(?:ubnd|ủy ban nhân dân)\s+(?:(?:tỉnh|thành phố|tp\.?)\s+)?(?!tỉnh$|huyện$|thành phố$)(.+)$")
_POLICE_OF = re.compile(r"^công an (?:thành phố|tp\.?|tỉnh)\s+(.+)$")
_BOARD = re.compile(r"^(?:ban\s+)?(tổ chức|dân vận|tuyên giáo|kinh tế|nội chính)\s+(trung ương|tỉnh ủy|thành ủy|huyện ủy)$")
_BOARD_EN = {"tổ chức": "Organization Board", "dân vận": "Mass Mobilization Commission",
             "tuyên giáo": "Propaganda and Education Commission", "kinh tế": "Economic Commission",
             "nội chính": "Internal Affairs Commission"}
_MINISTRY = re.compile(r"^(?:bộ\s+)?(y tế|công an|quốc phòng|giáo dục và đào tạo|ngoại giao|tài chính)$")
_MINISTRY_EN = {"y tế": "Health", "công an": "Public Security", "quốc phòng": "National Defence",
                "giáo dục và đào tạo": "Education and Training", "ngoại giao": "Foreign Affairs", "tài chính": "Finance"}
_HOSPITAL_OF = re.compile(r"^bệnh viện\s+(.+)$")


def _title_en(title: str | None) -> str | None:
    """Return an English rendering of a Vietnamese title, or None when it is not a simple role + unit."""
    if not title:
        return None
    key = " ".join(fold(title).split())
    for role_vi, role_en in _ROLES_EN:
        if key == role_vi:
            return role_en
        if key.startswith(role_vi + " "):
            unit = key[len(role_vi) + 1:]
            ministry = _MINISTRY.match(unit)
            if role_en in ("Minister", "Deputy Minister") and ministry:
                return f"{role_en} of {_MINISTRY_EN[ministry.group(1)]}"
            unit_en = _unit_en(unit, " ".join(title.split())[len(key) - len(unit):])
            if unit_en is None:
                return None
            return f"{role_en} of {unit_en}"
    return None


def _unit_en(unit: str, raw: str) -> str | None:
    for unit_vi, unit_en in _UNITS_EN:
        if unit == unit_vi:
            return unit_en
    board = _BOARD.match(unit)
    if board:
        name, level = _BOARD_EN[board.group(1)], board.group(2)
        return f"the Central {name}" if level == "trung ương" else f"the {name} of {dict(_UNITS_EN)[level]}"
    for pattern, template in ((_UBND_OF, "the People's Committee of {}"), (_POLICE_OF, "the police of {}"),
                              (_HOSPITAL_OF, "{} Hospital")):
        match = pattern.match(unit)
        if match:
            place = raw[match.start(1):].strip()
            return template.format(_PROVINCE_DISPLAY["en"].get(place, place))
    return None


def _official_label(row: Mapping[str, Any], lang: str) -> str:
    name, title, rank = row.get("name") or "", row.get("title"), row.get("rank")
    if lang == "vi":
        person = f"{rank} {name}" if rank else name
        return f"{person} ({title})" if title else person
    rank_en = _RANKS_EN.get(fold(rank)) if rank else None
    person = f"{rank_en} {name}" if rank_en else name
    title_en = _title_en(title)
    if title_en:
        return f"{person} ({title_en})"
    return f"{person} (title given as “{title}”)" if title else person


def _body_officials(article: Article, officials: Rows) -> list[dict[str, Any]]:
    rows, seen = [], set()
    for r in sorted(_records(officials), key=lambda r: _offset(r.get("start"))):
        if not r.get("name") or not _in_body(r, article, "start", "end"):
            continue
        key = fold(r["name"])
        if key not in seen:
            seen.add(key)
            rows.append(r)
    return rows


def _officials_sentences(article: Article, rows: list[dict[str, Any]], lang: str) -> list[str]:
    starts = [int(r["start"]) for r in rows]
    by_event: dict[str, list[dict[str, Any]]] = {}
    quiet = []
    for r in rows:
        others = [s for s in starts if s != int(r["start"])]
        events = _events_for(article, r, others)
        if events:
            by_event.setdefault(_event_phrase(events, lang), []).append(r)
        else:
            quiet.append(r)
    sentences = []
    for phrase, people in by_event.items():
        who = _join([_official_label(p, lang) for p in people], lang)
        sentences.append(f"{_capital(who)} {phrase}.")
    if quiet:
        who = _join([_official_label(p, lang) for p in quiet], lang)
        lead = ("Bài viết còn nêu tên" if sentences else "Bài viết nêu tên") if lang == "vi" else \
            ("The article also names" if sentences else "The article names")
        sentences.append(f"{lead} {who}.")
    return sentences


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


# --- narratives ------------------------------------------------------------------------------

_MAX_PROVINCES = 8
_MAX_MEASURES = 6


def _opening(article: Article, places: list[dict[str, Any]], lang: str) -> str:
    published = parse_published(article.metadata.published)
    when = format_date(published.isoformat(), lang=lang) if published else None
    ordered = _ordered_provinces(places)
    names = [_place_name(r["province"], lang) for r in ordered[:_MAX_PROVINCES]]
    more = len(ordered) > _MAX_PROVINCES
    top_is_clear = len(ordered) >= 2 and int(ordered[0].get("mentions") or 0) > int(ordered[1].get("mentions") or 0)
    if lang == "vi":
        subject = f"Bài báo đăng ngày {when}" if when else "Bài báo không ghi ngày đăng; bài"
        if not names:
            return f"{subject.removesuffix('; bài')}; không nhận diện được tỉnh, thành nào trong bài."
        if len(names) == 1:
            return f"{subject} nói về {names[0]}."
        rest = _join(names[1:] + (["một số tỉnh, thành khác"] if more else []), "vi")
        if top_is_clear:
            return f"{subject} nhắc đến {names[0]} nhiều nhất, ngoài ra còn có {rest}."
        return f"{subject} nhắc đến {_join(names + (['một số tỉnh, thành khác'] if more else []), 'vi')}."
    subject = f"The article, published on {when}," if when else "The article (no publication date given)"
    if not names:
        return f"{subject} has no province identified in it."
    if len(names) == 1:
        return f"{subject} is about {names[0]}."
    rest = _join(names[1:] + (["several other provinces"] if more else []), "en")
    if top_is_clear:
        return f"{subject} mentions {names[0]} most often, along with {rest}."
    return f"{subject} mentions {_join(names + (['several other provinces'] if more else []), 'en')}."


def _measures_sentence(measures: Iterable[Any] | None, lang: str) -> str | None:
    keys = measures_of(measures or [])
    labels = measure_labels(lang=lang)
    names = [labels.get(k, k.replace("_", " ")) for k in keys[:_MAX_MEASURES]]
    if not names:
        return None
    if lang == "vi":
        extra = ["một số biện pháp khác"] if len(keys) > _MAX_MEASURES else []
        return f"Các biện pháp phòng, chống dịch được đề cập gồm {_join(names + extra, 'vi')}."
    extra = ["others"] if len(keys) > _MAX_MEASURES else []
    return f"Prevention measures discussed include {_join(names + extra, 'en')}."


def _narrative(article: Article, places: Rows, officials: Rows, case_counts: Rows, measures: Any, lang: str) -> str:
    place_rows = _body_places(article, places)
    official_rows = _body_officials(article, officials)
    count_rows = _body_counts(article, case_counts)
    parts = [_opening(article, place_rows, lang)]
    parts += _officials_sentences(article, official_rows, lang)
    parts += _figures_sentences(article, count_rows, lang, home_province(place_rows))
    if not count_rows:
        parts.append("Không có số liệu ca bệnh nào được trích xuất từ bài." if lang == "vi"
                     else "No case figures were extracted from it.")
    measure_sentence = _measures_sentence(measures, lang)
    if measure_sentence:
        parts.append(measure_sentence)
    return " ".join(parts)


def narrative_vi(article: Article, places: Rows = None, officials: Rows = None, case_counts: Rows = None,
                 measures: Any = None) -> str:
    """Return a Vietnamese narrative of the article written from its facts (rows in the project's table formats).

    Example: "Bài báo đăng ngày 01/11/2021 nhắc đến Hậu Giang nhiều nhất, ngoài ra còn có TP. Hồ Chí Minh.
    ... TP. Hồ Chí Minh có hơn 420.000 ca nhiễm tính đến 01/11/2021."
    """
    return _narrative(article, places, officials, case_counts, measures, "vi")


def narrative_en(article: Article, places: Rows = None, officials: Rows = None, case_counts: Rows = None,
                 measures: Any = None) -> str:
    """Return the English narrative of the article ("... reported more than 420,000 confirmed cases as of 1 November 2021.")."""
    return _narrative(article, places, officials, case_counts, measures, "en")


# --- corpus ------------------------------------------------------------------------------------

def _measure_pairs(measures_by_article: Any) -> pd.DataFrame:
    """Return (article_id, measure) pairs from a DataFrame or a {article_id: measures} mapping."""
    if measures_by_article is None:
        return pd.DataFrame(columns=["article_id", "measure"])
    if isinstance(measures_by_article, pd.DataFrame):
        return measures_by_article[["article_id", "measure"]].drop_duplicates()
    pairs = [(aid, key) for aid, items in measures_by_article.items() for key in measures_of(items or [])]
    return pd.DataFrame(pairs, columns=["article_id", "measure"]).drop_duplicates()


def _latest_confirmed(case_counts: pd.DataFrame) -> pd.DataFrame:
    """Return, per province, the largest cumulative confirmed figure at its latest as-of date."""
    rows = case_counts[(case_counts["metric"] == "confirmed") & case_counts["province"].notna()]
    if "district" in rows.columns:
        rows = rows[rows["district"].isna()]
    if rows.empty:
        return rows
    rows = rows.assign(_as_of=rows["as_of"].fillna("").astype(str), value=rows["value"].astype("int64"))
    rows = rows.sort_values(["province", "_as_of", "value"], ascending=[True, False, False])
    best = rows.groupby("province", sort=False).head(1)
    return best.sort_values("value", ascending=False)


def _corpus_dates(articles: pd.DataFrame) -> tuple[str | None, str | None, int]:
    if "published" not in articles.columns:
        return None, None, len(articles)
    days = [None if is_missing(p) else parse_published(str(p)) for p in articles["published"]]
    known = sorted(d for d in days if d is not None)
    return (known[0].isoformat() if known else None, known[-1].isoformat() if known else None,
            sum(d is None for d in days))


def corpus_narrative(articles_df: pd.DataFrame, places_df: pd.DataFrame, officials_df: pd.DataFrame,
                     case_counts_df: pd.DataFrame, measures_by_article: Any = None, *, lang: str = "vi",
                     population: Mapping[str, float] | None = None, top: int = 3) -> str:
    """Return a narrative of a whole collection: articles and dates, provinces, headline figures, comparison, measures.

    ``population`` maps province names to residents (e.g. the ``population_2019`` column of
    ``data/reference/provinces_2008_2025.csv``); with it the largest figures are also compared
    per 100,000 residents. Counts of articles and rates are computed, every figure comes from a row.
    """
    if lang not in ("vi", "en"):
        raise ValueError(f"lang must be 'vi' or 'en', not {lang!r}")
    n_articles = int(articles_df["article_id"].nunique()) if len(articles_df) else 0
    first, last, undated = _corpus_dates(articles_df)
    parts = [_corpus_opening(n_articles, first, last, undated, lang)]
    parts += _corpus_places(places_df, top, lang)
    parts += _corpus_officials(officials_df, lang)
    parts += _corpus_figures(case_counts_df, population, top, lang)
    parts += _corpus_measures(_measure_pairs(measures_by_article), top, lang)
    return " ".join(p for p in parts if p)


def _n(value: float, lang: str) -> str:
    return format_number(value, lang=lang)


def _corpus_opening(n: int, first: str | None, last: str | None, undated: int, lang: str) -> str:
    if lang == "vi":
        text = f"Bộ dữ liệu gồm {_n(n, 'vi')} bài báo"
        if first and last:
            text += f", đăng từ {format_date(first, lang='vi')} đến {format_date(last, lang='vi')}"
        text += "."
        if undated:
            text += f" Trong đó {_n(undated, 'vi')} bài không có ngày đăng."
        return text
    text = f"The collection holds {_n(n, 'en')} article{'s' if n != 1 else ''}"
    if first and last:
        text += f", published between {format_date(first, lang='en')} and {format_date(last, lang='en')}"
    text += "."
    if undated:
        text += f" Of these, {_n(undated, 'en')} {'has' if undated == 1 else 'have'} no publication date."
    return text


def _corpus_places(places: pd.DataFrame, top: int, lang: str) -> list[str]:
    if places is None or places.empty:
        return ["Không bài nào nêu tên tỉnh, thành." if lang == "vi" else "No article names a province."]
    rows = places[places["province"].notna()]
    if "district" in rows.columns:
        rows = rows[rows["district"].isna()]
    counts = rows.groupby("province")["article_id"].nunique().sort_values(ascending=False, kind="stable")
    items = [f"{_place_name(p, lang)} ({_n(c, lang)} {'bài' if lang == 'vi' else ('article' if c == 1 else 'articles')})"
             for p, c in counts.head(top).items()]
    if lang == "vi":
        return [f"Các bài nhắc đến {_n(len(counts), 'vi')} tỉnh, thành; được nhắc đến trong nhiều bài nhất là {_join(items, 'vi')}."]
    return [f"The articles name {_n(len(counts), 'en')} provinces; those named in the most articles are {_join(items, 'en')}."]


def _corpus_officials(officials: pd.DataFrame, lang: str) -> list[str]:
    if officials is None or officials.empty:
        return []
    n = int(officials["name"].map(lambda s: fold(str(s))).nunique())
    if lang == "vi":
        return [f"Có {_n(n, 'vi')} người có chức vụ được nêu tên."]
    return [f"{_n(n, 'en')} official{'s are' if n != 1 else ' is'} named."]


def _corpus_figures(case_counts: pd.DataFrame, population: Mapping[str, float] | None, top: int, lang: str) -> list[str]:
    if case_counts is None or case_counts.empty:
        return ["Không bài nào nêu số liệu ca bệnh." if lang == "vi" else "No article reports case figures."]
    best = _latest_confirmed(case_counts).head(top)
    if best.empty:
        return []
    items = []
    for _, r in best.iterrows():
        when = f", {format_date(r['as_of'], lang=lang)}" if r.get("_as_of") else ""
        qual = (_QUALIFIER_VI if lang == "vi" else _QUALIFIER_EN).get(r.get("qualifier") or "", "")
        unit = "ca" if lang == "vi" else "cases"
        items.append(f"{_place_name(r['province'], lang)} ({qual}{_n(int(r['value']), lang)} {unit}{when})")
    sentences = [f"Số ca nhiễm cộng dồn lớn nhất được báo cáo thuộc về {_join(items, 'vi')}." if lang == "vi"
                 else f"The largest cumulative confirmed figures reported are for {_join(items, 'en')}."]
    if population:
        rates = []
        for _, r in _latest_confirmed(case_counts).iterrows():
            people = population.get(r["province"])
            if people and not math.isnan(float(people)) and float(people) > 0:
                rates.append((int(r["value"]) / float(people) * 100_000, r["province"]))
        rates.sort(reverse=True)
        if rates:
            items = [f"{_place_name(p, lang)} ({_n(round(rate), lang)})" for rate, p in rates[:top]]
            sentences.append(f"Tính trên 100.000 dân, cao nhất là {_join(items, 'vi')}." if lang == "vi"
                             else f"Per 100,000 residents the highest are {_join(items, 'en')}.")
    return sentences


def _corpus_measures(pairs: pd.DataFrame, top: int, lang: str) -> list[str]:
    if pairs.empty:
        return []
    labels = measure_labels(lang=lang)
    counts = pairs.groupby("measure")["article_id"].nunique().sort_values(ascending=False, kind="stable")
    items = [f"{labels.get(m, m)} ({_n(c, lang)} {'bài' if lang == 'vi' else ('article' if c == 1 else 'articles')})"
             for m, c in counts.head(top).items()]
    return [f"Các biện pháp được nhắc đến trong nhiều bài nhất là {_join(items, 'vi')}." if lang == "vi"
            else f"The measures discussed in the most articles are {_join(items, 'en')}."]

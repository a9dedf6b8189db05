"""Narratives written from extracted facts, in Vietnamese and English: the composer.

A narrative says when (publish date or as-of dates), where (provinces, the one named
most often first), who met or inspected whom (officials with their titles and a simple
event verb read from the body), which figures were reported and what each one is (where
it counts, over which period, which total it is part of: see :mod:`covidlib.write.templates`)
and which prevention measures were discussed. Officials' titles are put into English with
:mod:`covidlib.write.titles`.

Faithful by construction, and checked by :mod:`covidlib.write.faithful`: figures come
only from case-count rows whose offsets lie in the body and whose value the body has;
each is said with its scope and period as the row gives them; dates are written only
where the article backs them (a year it cannot back is left out: "11/05" / "11 May");
computed numbers (counts of articles, rates) never appear in a per-article narrative.
"""
from __future__ import annotations

import math
import re
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from ..document import Article
from ..extract.measures import measure_labels, measures_of
from ..normalize import fold
from ..parse.dates import parse_published
from ..vocab import PERIOD_LABELS, QUALIFIER_LABELS
from .faithful import Rows, body_counts, check_faithful, date_phrase, in_body, records
from .formatting import format_date, format_number, is_missing
from .spelling import number_text
from .templates import figure_phrase, figures_sentence, part_fits, part_phrase, period_variant, place_name, \
    scope_key, scope_phrase
from .titles import rank_in_english, title_en

__all__ = [
    "narratives",
    "format_number",
    "format_date",
    "check_faithful",
    "home_province",
    "narrative_vi",
    "narrative_en",
    "corpus_narrative",
]


def _body_places(article: Article, places: Rows) -> list[dict[str, Any]]:
    return [r for r in records(places) if r.get("province") and in_body(r, article, "first_start", "first_end")]


def home_province(places: Rows) -> str | None:
    """Return the province named most often, its districts included (ties: the one named first), or None.

    >>> home_province([{"province": "An Giang", "mentions": 6, "first_start": 90},
    ...                {"province": "Long An", "mentions": 1, "first_start": 10}])
    'An Giang'
    """
    ordered = _ordered_provinces([r for r in records(places) if r.get("province")])
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

_MAX_GROUPS = 3
_MAX_PER_GROUP = 4
_MAX_PARTS = 2
#: Order of the scope groups after the home province: the province, then wider, then narrower figures.
_SCOPE_ORDER = {"province": 1, "national": 2, "region": 3, "world": 4, "foreign": 5, "district": 6, "local": 7,
                "unknown": 8}


def _day_key(value: Any) -> str:
    return "" if value is None else str(value)[:10]


def _figure_groups(rows: list[dict[str, Any]], home: str | None = None
                   ) -> list[tuple[dict[str, Any], list[tuple[dict[str, Any], list[dict[str, Any]]]]]]:
    """Group figures by scope and place; per metric, period kind and detail keep the latest, then largest, total.

    Returns [(a row of the group, [(total, its stated parts), ...]), ...]: the home province
    first, then provinces, national, regional, world, foreign, district and local figures
    in reading order. A stated part (``part_of``) is said only under its total, never alone,
    and nothing is added up; a part that cannot be part of its total (:func:`part_fits`) is not said.
    """
    by_id = {r["count_id"]: r for r in rows if r.get("count_id")}
    parts: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        if r.get("part_of") and r["part_of"] in by_id and r["part_of"] != r.get("count_id") \
                and part_fits(r, by_id[r["part_of"]]):
            parts.setdefault(r["part_of"], []).append(r)
    groups: dict[tuple[str, str | None], dict[tuple, dict[str, Any]]] = {}
    first_seen: dict[tuple[str, str | None], int] = {}
    for r in sorted(rows, key=lambda r: _offset(r.get("start"))):
        if r.get("part_of"):
            continue
        key = scope_key(r)
        first_seen.setdefault(key, _offset(r.get("start")))
        slot = (r["metric"], period_variant(r), r.get("detail"))
        best = groups.setdefault(key, {}).get(slot)
        if best is None or (_day_key(r.get("as_of")), float(r["value"])) > (_day_key(best.get("as_of")),
                                                                           float(best["value"])):
            groups[key][slot] = r
    ordered = sorted(groups, key=lambda k: (not (k[0] == "province" and k[1] == home and home is not None),
                                            _SCOPE_ORDER.get(k[0], 9), first_seen[k]))
    result = []
    for key in ordered[:_MAX_GROUPS]:
        totals = sorted(groups[key].values(), key=lambda r: (_METRIC_ORDER.index(r["metric"]), -float(r["value"])))
        chosen = [(t, sorted(parts.get(t.get("count_id"), []), key=lambda r: _offset(r.get("start")))[:_MAX_PARTS])
                  for t in totals[:_MAX_PER_GROUP]]
        result.append((chosen[0][0], chosen))
    return result


def _figures_sentences(article: Article, rows: list[dict[str, Any]], lang: str, home: str | None = None) -> list[str]:
    """One sentence per scope: "In Bắc Giang, the article reports 2,500 new cases in one day (14 May 2021); ..."."""
    def when(iso: Any) -> str | None:
        return date_phrase(None if iso is None else str(iso), article, lang=lang)

    number = number_text(article, lang)
    sentences = []
    for first, figures in _figure_groups(rows, home):
        items = []
        for total, parts in figures:
            text = figure_phrase(total, lang, when, number_text=number)
            said = [part_phrase(part, total, lang, when, number_text=number, more=i > 0) for i, part in enumerate(parts)]
            if said:
                text += ", " + " ".join(said)
            items.append(text)
        word = "và" if lang == "vi" else "and"
        joined = items[0] if len(items) == 1 else "; ".join(items[:-1]) + f"; {word} " + items[-1]
        sentences.append(figures_sentence(scope_phrase(first, lang), joined, lang))
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


def _official_label(row: Mapping[str, Any], lang: str) -> str:
    name, title, rank = row.get("name") or "", row.get("title"), row.get("rank")
    if lang == "vi":
        person = f"{rank} {name}" if rank else name
        return f"{person} ({title})" if title else person
    rank_en = rank_in_english(rank) if rank else None
    person = f"{rank_en} {name}" if rank_en else name
    english = title_en(title)
    if english:
        return f"{person} ({english})"
    return f"{person} (title given as “{title}”)" if title else person


def _body_officials(article: Article, officials: Rows) -> list[dict[str, Any]]:
    rows, seen = [], set()
    for r in sorted(records(officials), key=lambda r: _offset(r.get("start"))):
        if not r.get("name") or not in_body(r, article, "start", "end"):
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
    names = [place_name(r["province"], lang) for r in ordered[:_MAX_PROVINCES]]
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


def _fact_rows(article: Article, places: Rows, officials: Rows, case_counts: Rows) -> tuple[list, list, list, str | None]:
    """Return the rows a narrative may use (places, officials, case counts in the body) and the home province."""
    place_rows = _body_places(article, places)
    return place_rows, _body_officials(article, officials), body_counts(article, case_counts), home_province(place_rows)


def _narrative(article: Article, facts: tuple[list, list, list, str | None], measures: Any, lang: str) -> str:
    place_rows, official_rows, count_rows, home = facts
    parts = [_opening(article, place_rows, lang)]
    parts += _officials_sentences(article, official_rows, lang)
    parts += _figures_sentences(article, count_rows, lang, home)
    if not count_rows:
        parts.append("Không có số liệu ca bệnh nào được trích xuất từ bài." if lang == "vi"
                     else "No case figures were extracted from it.")
    measure_sentence = _measures_sentence(measures, lang)
    if measure_sentence:
        parts.append(measure_sentence)
    return " ".join(parts)


def narratives(article: Article, places: Rows = None, officials: Rows = None, case_counts: Rows = None,
               measures: Any = None) -> tuple[str, str]:
    """Return the Vietnamese and English narratives of the article, its facts read once for both."""
    facts = _fact_rows(article, places, officials, case_counts)
    return _narrative(article, facts, measures, "vi"), _narrative(article, facts, measures, "en")


def narrative_vi(article: Article, places: Rows = None, officials: Rows = None, case_counts: Rows = None,
                 measures: Any = None) -> str:
    """Return a Vietnamese narrative of the article written from its facts (rows in the project's table formats).

    Example: "Bài báo đăng ngày 01/11/2021 nhắc đến Hậu Giang nhiều nhất, ngoài ra còn có TP. Hồ Chí Minh.
    ... TP. Hồ Chí Minh có hơn 420.000 ca nhiễm tính đến 01/11/2021."
    """
    return _narrative(article, _fact_rows(article, places, officials, case_counts), measures, "vi")


def narrative_en(article: Article, places: Rows = None, officials: Rows = None, case_counts: Rows = None,
                 measures: Any = None) -> str:
    """Return the English narrative of the article ("... reported more than 420,000 confirmed cases as of 1 November 2021.")."""
    return _narrative(article, _fact_rows(article, places, officials, case_counts), measures, "en")


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
    """Return, per province, the largest cumulative confirmed figure at its latest as-of date.

    Only figures about the province as a whole (scope ``province`` where the table says), counted in
    all (period ``cumulative`` where given), and not a stated part of another figure.
    """
    rows = case_counts[(case_counts["metric"] == "confirmed") & case_counts["province"].notna()]
    for column, wanted in (("scope", "province"), ("period", "cumulative")):
        if column in rows.columns:
            rows = rows[rows[column].isna() | (rows[column] == wanted)]
    for column in ("district", "part_of"):
        if column in rows.columns:
            rows = rows[rows[column].isna()]
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
    items = [f"{place_name(p, lang)} ({_n(c, lang)} {'bài' if lang == 'vi' else ('article' if c == 1 else 'articles')})"
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
        start = r.get("period_start")
        if not is_missing(start) and str(start).strip():  # a count since a date (a wave) says so
            when = " " + PERIOD_LABELS[lang]["since"].format(start=format_date(str(start), lang=lang)) + when
        qual = QUALIFIER_LABELS[lang].get(r.get("qualifier") or "", "")
        unit = "ca" if lang == "vi" else "cases"
        items.append(f"{place_name(r['province'], lang)} ({qual}{_n(int(r['value']), lang)} {unit}{when})")
    sentences = [f"Số ca nhiễm cộng dồn lớn nhất được báo cáo thuộc về {_join(items, 'vi')}." if lang == "vi"
                 else f"The largest cumulative confirmed figures reported are for {_join(items, 'en')}."]
    if population:
        rates = []
        latest = _latest_confirmed(case_counts)
        # rates compare counts of one window only: those counted from the same start as the largest figure
        window = latest["period_start"].astype("string").fillna("") if "period_start" in latest.columns else None
        if window is not None and len(latest):
            latest = latest[window == window.iloc[0]]
        for _, r in latest.iterrows():
            people = population.get(r["province"])
            if people and not math.isnan(float(people)) and float(people) > 0:
                rates.append((int(r["value"]) / float(people) * 100_000, r["province"]))
        rates.sort(reverse=True)
        if rates:
            items = [f"{place_name(p, lang)} ({_n(round(rate), lang)})" for rate, p in rates[:top]]
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

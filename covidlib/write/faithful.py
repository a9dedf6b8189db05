"""The faithfulness check: every figure and date a narrative or summary states is backed by its article.

Two levels, both returning a list of problems (empty when faithful):

* :func:`check_faithful` – every number of the text is a value a number of the body has,
  written as the body writes it ("420.000" in the body backs "420,000" in English, "21 nghìn"
  backs "21 thousand" but not "21,000", a count of days must be a number of the body too:
  :func:`covidlib.write.spelling.spelling_key`); dates are
  checked as dates (the publish date, or a day and month written in the body, with a year
  the body or the publish date backs); codes such as "COVID-19" or "F0" are not figures;
* with ``case_counts`` it also checks every **stated figure** against an extracted figure
  of the article (:func:`check_figures`): the value, the metric, the scope (worldwide, in
  Vietnam, in a province, ...) and the period (in one day, over N days, a daily average,
  since a date, in all) must be those of one row, said in the project's wording
  (:mod:`covidlib.write.templates`), and a part must be said as a part ("of which").
  "Bắc Giang reported 9,930 new cases" for a 7-day total, or a world total said as a
  province's, is a problem even though its digits are in the body.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from ..document import Article
from ..parse.dates import date_from_parts, find_dates, parse_published
from ..parse.numbers import find_numbers
from ..vocab import METRIC_LABELS, PERIOD_LABELS
from .formatting import MONTHS_EN, format_date, is_missing
from .spelling import body_spellings, number_text, spelling_key
from .templates import TEMPLATES, figure_phrase, part_fits, part_phrase, scope_phrase

__all__ = ["Rows", "body_values", "date_phrase", "records", "in_body", "body_counts", "check_faithful",
           "check_figures"]

Rows = Sequence[Mapping[str, Any]] | pd.DataFrame | None

_EN_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS_EN) + r")(?: (\d{4}))?\b")
_EN_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s+(million|thousand|billion))?(?![\w,]\d|\w)")
_EN_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_CODES = re.compile(r"(?i)covid-?\s?19|sars-cov-2|\bf\d\b")
_VI_WORDS = re.compile(r"(?<!\w)(?:và|của|có|các|được|ngày|bài|không|tính đến|gồm|nêu)(?!\w)", re.IGNORECASE)
_EN_WORDS = re.compile(r"\b(?:the|and|of|as|article|reported|reports|include|names|with)\b", re.IGNORECASE)
_SKIP_KINDS = frozenset({"date", "time"})
_WORDS = re.compile(r"[^\W\d_]+")
#: Share of words with non-ASCII letters above which a text without function words reads as Vietnamese.
_VI_WORD_SHARE = 0.35
_SENTENCE_END = re.compile(r"(?<!\bTP\.)(?<=\.)\s+(?=[^\W\d_])")
#: Words that make a sentence one that states case figures (every metric noun, both languages).
_FIGURE_WORDS = re.compile("|".join(sorted(
    {re.escape(w) for w in METRIC_LABELS["vi"].values()}
    | {re.escape(w) for pair in METRIC_LABELS["en"].values() for w in pair}
    | {"người cách ly", "quarantine"}, key=len, reverse=True)), re.IGNORECASE)
_METRICS = tuple(METRIC_LABELS["vi"])


def _period_words(lang: str) -> re.Pattern[str]:
    """The period phrases whose numbers are words of the period, not figures ("trong một ngày").

    Built from the wording tables: every fragment between placeholders that holds a number word.
    A count of days ("over the 7 days to") is a number the body must write, so it is checked.
    """
    fragments = set()
    for text in (*PERIOD_LABELS[lang].values(), *TEMPLATES[lang].values()):
        for piece in re.split(r"\{[a-z_]+\}", text):
            piece = piece.strip(" ()")
            if piece and find_numbers(piece):
                fragments.add(re.escape(piece))
    return re.compile("|".join(sorted(fragments, key=len, reverse=True)) or r"(?!)")


_PERIOD_WORDS = {lang: _period_words(lang) for lang in ("vi", "en")}


@lru_cache(maxsize=32)
def body_values(article: Article) -> frozenset[float]:
    """Return the values of the numbers written in the body (dates and clock times left out); read once per article."""
    return frozenset({float(s.data["value"]) for s in find_numbers(article.body) if s.data.get("kind") not in _SKIP_KINDS})


@lru_cache(maxsize=32)
def _body_dates(article: Article) -> tuple[frozenset[tuple[int, int]], frozenset[int]]:
    """Return the (day, month) pairs written as dates in the body and the years written in it (read once per article)."""
    days, years = set(), set()
    for span in find_dates(article.body):
        if span.data.get("day"):
            days.add((span.data["day"], span.data["month"]))
        if span.data.get("year"):
            years.add(span.data["year"])
    years.update(int(s.data["value"]) for s in find_numbers(article.body)
                 if s.data.get("kind") == "year" and float(s.data["value"]).is_integer())
    return frozenset(days), frozenset(years)


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


def date_phrase(iso: str | None, article: Article, *, lang: str) -> str | None:
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
    """Return 'vi' or 'en' by counting common function words (names keep their diacritics in English).

    Without function words either way, a text most of whose words carry Vietnamese letters
    (ă, ơ, đ, tone marks) is Vietnamese: "Bộ Y tế chiều 4/8 ghi nhận 18 ca nhiễm".
    """
    vi, en = len(_VI_WORDS.findall(text)), len(_EN_WORDS.findall(text))
    if vi != en:
        return "vi" if vi > en else "en"
    words = _WORDS.findall(text)
    marked = sum(1 for w in words if any(ord(ch) > 0x7F for ch in w))
    return "vi" if words and marked / len(words) > _VI_WORD_SHARE else "en"


def _text_dates(text: str, lang: str) -> list[tuple[int, int, int, int, int | None]]:
    """Return (start, end, day, month, year) of the dates written in a narrative."""
    if lang == "en":
        return [(m.start(), m.end(), int(m.group(1)), MONTHS_EN.index(m.group(2)) + 1,
                 int(m.group(3)) if m.group(3) else None) for m in _EN_DATE.finditer(text)]
    return [(s.start, s.end, s.data["day"], s.data["month"], s.data["year"])
            for s in find_dates(text) if s.data.get("day")]


def _text_numbers(text: str, lang: str) -> list[tuple[int, int, float, bool]]:
    """Return (start, end, value, spelled) of the figures written in a narrative (codes such as COVID-19 left out)."""
    if lang == "en":
        found = []
        for m in _EN_NUMBER.finditer(text):
            value = float(m.group(1).replace(",", "") + (f".{m.group(2)}" if m.group(2) else ""))
            found.append((m.start(), m.end(), value * _EN_SCALE.get(m.group(3) or "", 1), False))
        return found
    return [(s.start, s.end, float(s.data["value"]), bool(s.data.get("spelled"))) for s in find_numbers(text)
            if s.data.get("kind") not in ("code", "date", "time")]


def check_faithful(text: str, article: Article, *, lang: str = "auto", case_counts: Rows = None) -> list[str]:
    """Return the problems of a summary or narrative: numbers or dates the article does not back.

    With ``case_counts`` (the article's rows), every stated figure is also checked against
    an extracted figure: value, metric, scope and period (:func:`check_figures`).

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
    covered += [(m.start(), m.end()) for m in _PERIOD_WORDS[lang].finditer(text)]
    for start, end, day, month, year in _text_dates(text, lang):
        covered.append((start, end))
        problems.extend(_date_problem(text[start:end], day, month, year, article))
    values, spellings = body_values(article), body_spellings(article)
    for start, end, value, spelled in _text_numbers(text, lang):
        if any(s <= start < e for s, e in covered):
            continue
        if value not in values:
            problems.append(f"number {text[start:end]!r} ({value:g}) does not appear in the body")
        elif not spelled and spelling_key(text[start:end]) not in spellings.get(value, ()):
            problems.append(f"number {text[start:end]!r} is not written as the body writes it")
    if case_counts is not None:
        problems.extend(check_figures(text, article, case_counts, lang=lang))
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



def records(rows: Rows) -> list[dict[str, Any]]:
    """Return rows (a DataFrame or a sequence of mappings) as plain dicts, missing values as None."""
    if rows is None:
        return []
    if isinstance(rows, pd.DataFrame):
        rows = rows.astype(object).where(rows.notna(), None).to_dict("records")
    return [{k: (None if is_missing(v) else v) for k, v in dict(r).items()} for r in rows]


def in_body(row: Mapping[str, Any], article: Article, start_key: str, end_key: str) -> bool:
    """Return True if the row belongs to ``article`` and its offsets lie inside the body."""
    if row.get("article_id") not in (None, article.article_id):
        return False
    start, end = row.get(start_key), row.get(end_key)
    if start is None or end is None:
        return False
    return 0 <= int(start) <= int(end) <= len(article.body)




def body_counts(article: Article, case_counts: Rows) -> list[dict[str, Any]]:
    """Return the case-count rows a narrative may use: in the body, a known metric, a value the body has."""
    values = body_values(article)
    rows = []
    for r in records(case_counts):
        if r.get("metric") not in _METRICS or r.get("value") is None:
            continue
        if in_body(r, article, "start", "end") and float(r["value"]) in values:
            rows.append(r)
    return rows


def _stated_forms(rows: list[dict[str, Any]], article: Article, lang: str) -> list[tuple[str, str]]:
    """Every way the narrative may state a row: (scope phrase, figure phrase), and its "of which" form under its total."""
    def when(iso: Any) -> str | None:
        return date_phrase(None if is_missing(iso) else str(iso), article, lang=lang)

    number = number_text(article, lang)
    by_id = {r["count_id"]: r for r in rows if r.get("count_id")}
    forms = []
    for row in rows:
        if not row.get("part_of"):  # a stated part is said under its total, never as a figure of its own
            forms.append((scope_phrase(row, lang), figure_phrase(row, lang, when, number_text=number)))
        total = by_id.get(row.get("part_of"))
        if total is not None and total is not row and part_fits(row, total):
            for more in (False, True):
                forms.append((scope_phrase(total, lang), part_phrase(row, total, lang, when, number_text=number,
                                                                     more=more)))
    return forms


def _occurrences(text: str, phrase: str) -> Iterable[tuple[int, int]]:
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        # a whole phrase: not the head of a longer number or word
        if end == len(text) or not text[end].isalnum():
            yield start, end
        start = text.find(phrase, start + 1)


def check_figures(text: str, article: Article, case_counts: Rows, *, lang: str = "auto") -> list[str]:
    """Return the figures of a narrative that are not said as an extracted figure of the article is.

    A sentence that states case figures must open with its scope ("Worldwide", "In Bắc Giang",
    "Trên cả nước") and state each figure exactly as one body-backed row of ``case_counts``
    reads in the project's wording: its value, qualifier, metric and detail, its period (in
    one day, over the 7 days to D, a daily average over 7 days, since D, in all, at a date),
    and a stated part under its total ("of which"). Every number of such a sentence that is
    not part of a figure so said (or of a date) is a problem.

    >>> from covidlib.document import Article, Metadata
    >>> art = Article("a", "a.txt", "", "Bắc Giang có 9.930 ca mắc mới trong 7 ngày.", metadata=Metadata())
    >>> row = {"article_id": "a", "metric": "new_confirmed", "value": 9930, "period": "span", "scope": "province",
    ...        "province": "Bắc Giang", "start": 13, "end": 18}
    >>> check_figures("In Bắc Giang, the article reports 9,930 new cases over several days.", art, [row])
    []
    >>> check_figures("In Bắc Giang, the article reports 9,930 new cases in one day.", art, [row])
    ["figure '9,930' is not stated as an extracted figure is (value, metric, scope and period)"]
    """
    lang = _detect_lang(text) if lang == "auto" else lang
    forms = _stated_forms(body_counts(article, case_counts), article, lang)
    problems = []
    offset = 0
    for sentence in _SENTENCE_END.split(text):
        offset = text.find(sentence, offset)
        numbers = _text_numbers(sentence, lang)
        if not numbers or not _FIGURE_WORDS.search(sentence):
            continue
        covered = [(s, e) for s, e, *_ in _text_dates(sentence, lang)]
        covered += [(m.start(), m.end()) for m in _CODES.finditer(sentence)]
        for scope, phrase in forms:
            if sentence.startswith(scope + ","):
                covered += list(_occurrences(sentence, phrase))
        for start, end, *_ in numbers:
            if not any(s <= start < e for s, e in covered):
                problems.append(f"figure {sentence[start:end]!r} is not stated as an extracted figure is "
                                "(value, metric, scope and period)")
    return problems

"""How a narrative writes a figure: in the spelling its article uses, so a reader can find it in the text.

A reporter quoting "hơn 21 nghìn người" writes "hơn 21 nghìn" (vi) or "more than 21 thousand"
(en), not "21.000": the figure stays traceable to the sentence it comes from. So a figure is
written from the body's own number (:func:`covidlib.parse.numbers.find_numbers`): its digit
groups as the body writes them, with the separators of the narrative's language ("34.879" ->
"34,879" in English, "2083" stays "2083"), its scale word ("nghìn", "triệu" -> "thousand",
"million"), and a number the body spells in words in words ("một" -> "one"). The faithfulness
check compares numbers by the same key (:func:`spelling_key`), so a narrative that writes
"21,000" for the body's "21 nghìn" is refused.

>>> spell("21 nghìn", 21000, "en"), spell("34.879", 34879, "en"), spell("2,3 triệu", 2300000, "en")
('21 thousand', '34,879', '2.3 million')
>>> spell("một", 1, "en", spelled=True), spell("hai mươi mốt", 21, "vi", spelled=True)
('one', 'hai mươi mốt')
>>> spelling_key("21 thousand") == spelling_key("21 nghìn"), spelling_key("2,083") == spelling_key("2083")
(True, False)
"""
from __future__ import annotations

from functools import lru_cache

import re
from typing import Any, Callable

from ..document import Article
from ..parse.numbers import find_numbers
from .formatting import format_number, is_missing

__all__ = ["NumberText", "SCALE_WORDS", "spell", "spelling_key", "words_en", "body_spellings", "number_text"]

#: Writes a number for a narrative: (value, body offset of the number or None) -> its text, or None
#: when the body does not write that number.
NumberText = Callable[[float, Any], "str | None"]

#: Scale words and their value, both languages ("21 nghìn" = "21 thousand").
SCALE_WORDS = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000,
               "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SCALE_EN = {1_000: "thousand", 1_000_000: "million", 1_000_000_000: "billion"}
_SCALE = re.compile(r"\s+(" + "|".join(SCALE_WORDS) + r")$")
_DIGITS = re.compile(r"\d+")
#: The first number of a raw text: digit groups with their separators ("103" of "103/103").
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ONES_EN = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS_EN = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
#: Kinds of body numbers that are not quantities a figure can be written from.
_SKIP_KINDS = frozenset({"date", "time"})


def words_en(value: int) -> str:
    """Write a whole number below a trillion in English words: 21 -> "twenty-one", 2500 -> "two thousand five hundred"."""
    if value < 20:
        return _ONES_EN[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return _TENS_EN[tens] + (f"-{_ONES_EN[ones]}" if ones else "")
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        return f"{_ONES_EN[hundreds]} hundred" + (f" {words_en(rest)}" if rest else "")
    for scale in sorted(_SCALE_EN, reverse=True):
        if value >= scale:
            head, rest = divmod(value, scale)
            return f"{words_en(head)} {_SCALE_EN[scale]}" + (f" {words_en(rest)}" if rest else "")
    raise ValueError(value)


def _split_scale(raw: str) -> tuple[str, int | None]:
    """Return the first number of ``raw`` ("103" of "103/103") and the value of its scale word, if any."""
    match = _SCALE.search(raw.strip())
    number = raw.strip()[:match.start()] if match else raw.strip()
    first = _NUMBER.search(number)
    return (first.group() if first else number), (SCALE_WORDS[match.group(1).lower()] if match else None)


def spell(raw: str, value: float, lang: str, *, spelled: bool = False) -> str:
    """Return the body's number ``raw`` written for a narrative in ``lang``, keeping its digit groups and scale.

    ``spelled`` numbers ("một", "hai mươi mốt") stay in words: the body's words in Vietnamese,
    English words in English.
    """
    if spelled:
        if lang == "vi":
            return raw.strip().lower()
        return words_en(int(value)) if float(value).is_integer() else format_number(value, lang=lang)
    number, scale = _split_scale(raw)
    groups = _DIGITS.findall(number)
    if not groups:
        return format_number(value, lang=lang)
    base = value / scale if scale else value
    decimals = groups.pop() if len(groups) > 1 and not float(base).is_integer() else None
    groups[0] = groups[0].lstrip("0") or "0"  # "04 ca" is said "4"
    thousands, point = (".", ",") if lang == "vi" else (",", ".")
    text = thousands.join(groups) + (point + decimals if decimals else "")
    if scale:
        word = _SCALE.search(raw.strip()).group(1).lower()
        text += " " + (word if lang == "vi" else _SCALE_EN[scale])
    return text


def spelling_key(raw: str) -> tuple[Any, ...]:
    """Return what two spellings of a number share when one is written from the other: digit groups and scale.

    "21 nghìn" and "21 thousand" share ("21",) and 1000; "2.083" and "2,083" share ("2", "083");
    "2083" is a different spelling of the same value.
    """
    number, scale = _split_scale(raw)
    return tuple(g.lstrip("0") or "0" for g in _DIGITS.findall(number)), scale


@lru_cache(maxsize=32)
def body_spellings(article: Article) -> dict[float, set[tuple[Any, ...]]]:
    """Return, per value, the spelling keys of the numbers written in the body in digits (dates and times left out).

    Read once per article; the result is shared, so callers only read it.
    """
    found: dict[float, set[tuple[Any, ...]]] = {}
    for span in find_numbers(article.body):
        if span.data.get("kind") in _SKIP_KINDS or span.data.get("spelled"):
            continue
        found.setdefault(float(span.data["value"]), set()).add(spelling_key(span.data["raw"]))
    return found


def number_text(article: Article, lang: str) -> NumberText:
    """Return the article's :data:`NumberText` in ``lang``: a figure as the body writes it at its offset.

    Without an offset (a number of days), the value is written as the body writes it anywhere
    (digits preferred), or None when the body does not write it.
    """
    spans = [s for s in find_numbers(article.body) if s.data.get("kind") not in _SKIP_KINDS]
    at = {s.start: s for s in spans}

    def write(value: float, start: Any = None) -> str | None:
        span = None if is_missing(start) else at.get(int(start))
        if span is None or float(span.data["value"]) != float(value):
            same = sorted((s for s in spans if float(s.data["value"]) == float(value)),
                          key=lambda s: bool(s.data.get("spelled")))
            if not same:
                return None
            span = same[0]
        return spell(span.data["raw"], span.data["value"], lang, spelled=bool(span.data.get("spelled")))

    return write

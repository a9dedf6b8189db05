"""Reader-facing formatting of numbers, dates and table cells, in Vietnamese and English: the one home.

Narratives (:mod:`covidlib.write.narrate`), figure labels (:mod:`covidlib.show.plots`) and
report tables (:mod:`covidlib.show.views`) all write numbers through here, so "6.360"
(vi) and "6,360" (en) are spelled one way everywhere, a lower bound reads "≥ 420,000",
and a missing value is a blank, never ``<NA>`` or ``NaN``.

>>> format_number(6360, lang="vi"), format_number(6360, lang="en"), format_number(2_300_000, lang="en")
('6.360', '6,360', '2.3 million')
>>> format_count(420000, "more_than"), format_cell(float("nan")), format_cell(1.483964)
('≥ 420,000', '', '1.48')
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from ..tables import is_missing
from ..vocab import LOWER_BOUND_QUALIFIERS

__all__ = ["MONTHS_EN", "is_missing", "format_number", "format_count", "format_date", "format_cell"]

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
#: Decimal places shown for a non-integer value in a table or label.
_DECIMALS = 2


def _group(text: str, lang: str) -> str:
    """Swap the separators of an English-formatted number for Vietnamese ones ("6,360.5" -> "6.360,5")."""
    return text.replace(",", " ").replace(".", ",").replace(" ", ".") if lang == "vi" else text


def format_number(value: float, *, lang: str = "vi", decimals: int = _DECIMALS) -> str:
    """Write a figure for readers: ``6360`` -> "6.360" (vi) or "6,360" (en); round millions as "2,3 triệu"/"2.3 million"."""
    if is_missing(value):
        return ""
    value = int(value) if float(value).is_integer() else float(value)
    if isinstance(value, int) and abs(value) >= 1_000_000 and value % 100_000 == 0:
        text = _group(f"{value / 1_000_000:,.1f}".removesuffix(".0"), lang)
        return f"{text} triệu" if lang == "vi" else f"{text} million"
    if isinstance(value, float):
        return _group(f"{value:,.{decimals}f}".rstrip("0").rstrip("."), lang)
    return _group(f"{value:,}", lang)


def format_count(value: float, qualifier: str | None = None, *, lang: str = "en") -> str:
    """Return a count for a chart label or a table, thousands separated, "≥" before a lower bound: ``≥ 420,000``."""
    if is_missing(value):
        return "–"
    value = float(value)
    text = _group(f"{value:,.0f}", lang) if abs(value) >= 1 or value == 0 else f"{value:.2g}"
    return f"≥ {text}" if qualifier in LOWER_BOUND_QUALIFIERS else text


def format_date(iso: str | date, *, lang: str = "vi", with_year: bool = True, short: bool = False) -> str:
    """Write a date: "2021-11-01" -> "01/11/2021" (vi), "1 November 2021" (en) or "1/11/2021" (``short``)."""
    day = iso if isinstance(iso, date) else date.fromisoformat(str(iso)[:10])
    if short:
        return f"{day.day}/{day.month}/{day.year}" if with_year else f"{day.day}/{day.month}"
    if lang == "vi":
        return f"{day.day:02d}/{day.month:02d}/{day.year}" if with_year else f"{day.day:02d}/{day.month:02d}"
    text = f"{day.day} {MONTHS_EN[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def format_cell(value: Any, *, lang: str = "en", grouped: bool = True) -> str:
    """Write one table cell: numbers separated and rounded, dates as ISO days, yes/no, blanks for missing values.

    ``grouped=False`` leaves digits unseparated (years, codes, offsets).
    """
    if isinstance(value, (list, tuple, set, frozenset)):
        return "; ".join(format_cell(v, lang=lang, grouped=grouped) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {format_cell(v, lang=lang, grouped=grouped)}" for k, v in value.items())
    if is_missing(value):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return ("có" if value else "không") if lang == "vi" else ("yes" if value else "no")
    if isinstance(value, (pd.Timestamp, datetime)):
        return value.strftime("%Y-%m-%d") if (value.hour, value.minute, value.second) == (0, 0, 0) \
            else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) or hasattr(value, "dtype"):
        try:
            number = float(value)
        except (TypeError, ValueError):
            return str(value)
        if not grouped:
            return f"{int(number)}" if number.is_integer() else f"{number:.{_DECIMALS}f}".rstrip("0").rstrip(".")
        return format_number(number, lang=lang) if not number.is_integer() or abs(number) < 1_000_000 \
            else _group(f"{int(number):,}", lang)
    return str(value)

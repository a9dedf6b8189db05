"""Officials' titles in English, from the table ``data/reference/titles_en.csv`` (see its README for the source).

A title is read as a role at its start and the unit after it ("Phó Chủ tịch" + "UBND tỉnh");
units that name a place ("UBND tỉnh Gia Lai", "Công an TP Hà Nội", "Bệnh viện Chợ Rẫy") keep
the place as written. A title the table cannot render whole gives None, never a guess.

>>> title_en("Phó Chủ tịch UBND tỉnh")
"Vice Chair of the provincial People's Committee"
>>> title_en("Bộ trưởng Bộ Y tế"), rank_in_english("Thượng tá")
('Minister of Health', 'Senior Lieutenant Colonel')
>>> title_en("Trưởng phòng Văn hóa") is None
True
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache

from .. import config
from ..normalize import fold
from .templates import place_name

__all__ = ["TITLES_FILE", "title_table", "title_en", "rank_in_english"]

TITLES_FILE = "titles_en.csv"

_UBND_OF = re.compile(r"^(?:ubnd|ủy ban nhân dân)\s+(?:(?:tỉnh|thành phố|tp\.?)\s+)?(?!tỉnh$|huyện$|thành phố$)(.+)$")
_POLICE_OF = re.compile(r"^công an (?:thành phố|tp\.?|tỉnh)\s+(.+)$")
_HOSPITAL_OF = re.compile(r"^bệnh viện\s+(.+)$")
_PLACE_UNITS = ((_UBND_OF, "the People's Committee of {}"), (_POLICE_OF, "the police of {}"),
                (_HOSPITAL_OF, "{} Hospital"))
_MINISTERS = ("Minister", "Deputy Minister")


@lru_cache(maxsize=1)
def title_table() -> dict[str, dict[str, str]]:
    """Return {kind: {folded Vietnamese: English}} from the table; roles longest first."""
    table: dict[str, dict[str, str]] = {}
    with open(config.REFERENCE_DIR / TITLES_FILE, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            table.setdefault(row["kind"], {})[" ".join(fold(row["vi"]).split())] = row["en"]
    table["role"] = dict(sorted(table.get("role", {}).items(), key=lambda kv: -len(kv[0])))
    return table


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The board and ministry patterns, built from the table's names."""
    table = title_table()
    boards = "|".join(map(re.escape, table.get("board", {})))
    ministries = "|".join(map(re.escape, table.get("ministry", {})))
    return (re.compile(rf"^(?:ban\s+)?({boards})\s+(trung ương|tỉnh ủy|thành ủy|huyện ủy)$"),
            re.compile(rf"^(?:bộ\s+)?({ministries})$"))


def rank_in_english(rank: str) -> str | None:
    """Return a military or police rank in English, or None."""
    return title_table().get("rank", {}).get(" ".join(fold(rank).split()))


def title_en(title: str | None) -> str | None:
    """Return an English rendering of a Vietnamese title, or None when it is not a simple role + unit."""
    if not title:
        return None
    key = " ".join(fold(title).split())
    ministry_of = _patterns()[1]
    for role_vi, role_en in title_table()["role"].items():
        if key == role_vi:
            return role_en
        if key.startswith(role_vi + " "):
            unit = key[len(role_vi) + 1:]
            ministry = ministry_of.match(unit)
            if role_en in _MINISTERS and ministry:
                return f"{role_en} of {title_table()['ministry'][ministry.group(1)]}"
            unit_en = _unit_en(unit, " ".join(title.split())[len(key) - len(unit):])
            return None if unit_en is None else f"{role_en} of {unit_en}"
    return None


def _unit_en(unit: str, raw: str) -> str | None:
    units = title_table().get("unit", {})
    if unit in units:
        return units[unit]
    board = _patterns()[0].match(unit)
    if board:
        name, level = title_table()["board"][board.group(1)], board.group(2)
        return f"the Central {name}" if level == "trung ương" else f"the {name} of {units[level]}"
    for pattern, template in _PLACE_UNITS:
        match = pattern.match(unit)
        if match:
            return template.format(place_name(raw[match.start(1):].strip(), "en"))
    return None

"""The gazetteer: the 63 provinces of 2008-2025, their aliases and their districts, as lookups.

The tables live in ``data/reference`` (see its README for sources) and are read once.
Lookups take any spelling a reader would accept as the same name: case, old or new
tone-mark placement ("Hoà Bình" = "Hòa Bình") and, when nothing matches with
diacritics, the diacritic-free form ("Ha Noi"). Displayed names always keep their
diacritics. A district name may exist in several provinces ("Châu Thành" is in seven);
lookups return every candidate and leave the choice to the caller.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..normalize import ascii_fold, collapse_spaces, fold
from .files import read_csv

__all__ = [
    "Province",
    "District",
    "Alias",
    "CENTRAL_CITY",
    "provinces",
    "aliases",
    "districts",
    "province",
    "province_by_code",
    "find_districts",
    "name_key",
    "ascii_name_key",
    "COUNTRIES",
    "SHORT_COUNTRIES",
]

CENTRAL_CITY = "thành phố trung ương"

# Other countries, territories and regions as Vietnamese news writes them: figures for them
# belong to no province. Capitalised as written ("châu Âu" keeps its lower-case "châu").
COUNTRIES = (
    "Việt Nam", "Hoa Kỳ", "Mỹ", "Ấn Độ", "Trung Quốc", "Nhật Bản", "Hàn Quốc", "Triều Tiên", "Đài Loan",
    "Hồng Kông", "Hong Kong", "Singapore", "Thái Lan", "Indonesia", "Malaysia", "Philippines", "Campuchia",
    "Lào", "Myanmar", "Brazil", "Italy", "Pháp", "Tây Ban Nha", "Bồ Đào Nha", "Israel", "Australia", "Úc",
    "Canada", "Iran", "Thổ Nhĩ Kỳ", "Nam Phi", "Argentina", "Mexico", "New Zealand", "Vũ Hán",
    "châu Âu", "châu Á", "châu Phi", "châu Mỹ", "Châu Âu", "Châu Á", "Châu Phi", "Châu Mỹ",
)
# Country names that are also Vietnamese words or given names ("anh", "Nga", "Đức"): read as a
# country only after "nước", "tại" or "ở".
SHORT_COUNTRIES = ("Anh", "Nga", "Đức", "Ý")

_HYPHEN = re.compile(r"\s*[-–—]\s*")
_TYPE_PREFIX = re.compile(r"^(?:tỉnh|thành phố|tp|t\.p)\.?\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Province:
    """One of the 63 provinces or centrally-run cities of 2008-2025.

    >>> province("TP.HCM").name, province("TP.HCM").type
    ('Hồ Chí Minh', 'thành phố trung ương')
    """

    code: str
    name: str
    type: str
    region: str
    population_2019: int | None
    successor_2025: str
    successor_2025_code: str

    @property
    def is_central_city(self) -> bool:
        """True for the five centrally-run cities (Hà Nội, Hải Phòng, Đà Nẵng, Hồ Chí Minh, Cần Thơ)."""
        return self.type == CENTRAL_CITY


@dataclass(frozen=True, slots=True)
class District:
    """A district-level unit (quận, huyện, thị xã, thành phố) and the 2008-2025 province it lies in.

    >>> find_districts("Nậm Pồ")[0].province
    'Điện Biên'
    """

    name: str
    type: str
    province: str
    province_code: str
    code: str = ""
    full_name: str = ""


@dataclass(frozen=True, slots=True)
class Alias:
    """A spelling of a province name; ``ambiguous`` marks ones that usually mean something else ("Huế")."""

    alias: str
    province: str
    ambiguous: bool
    note: str = ""


def name_key(text: str) -> str:
    """Return the lookup key of a place name: folded case and tone marks, single spaces, bare hyphens.

    >>> name_key("Thừa Thiên - Huế") == name_key("thừa thiên-huế")
    True
    """
    return _HYPHEN.sub("-", collapse_spaces(fold(text)))


def ascii_name_key(text: str) -> str:
    """Return the diacritic-free lookup key of a place name ("Đắk Lắk" -> "dak lak")."""
    return _HYPHEN.sub("-", collapse_spaces(ascii_fold(text)))


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    """Return the 63 provinces in GSO code order."""
    rows = read_csv("provinces_2008_2025.csv")
    return tuple(
        Province(
            code=row["code"],
            name=row["name"],
            type=row["type"],
            region=row["region"],
            population_2019=int(row["population_2019"]) if row["population_2019"] else None,
            successor_2025=row["new_province_2025"],
            successor_2025_code=row["new_province_2025_code"],
        )
        for row in rows
    )


@lru_cache(maxsize=1)
def aliases() -> tuple[Alias, ...]:
    """Return every alias of ``province_aliases.csv`` plus each canonical name and full name."""
    known = {p.name: p for p in provinces()}
    result = [
        Alias(row["alias"], row["name"], row["note"].startswith("AMBIGUOUS"), row["note"])
        for row in read_csv("province_aliases.csv")
    ]
    listed = {name_key(a.alias) for a in result}
    for prov in known.values():
        if name_key(prov.name) not in listed:
            result.append(Alias(prov.name, prov.name, False, "canonical name"))
    unknown = sorted({a.province for a in result} - set(known))
    if unknown:
        raise ValueError(f"province_aliases.csv names unknown provinces: {unknown}")
    return tuple(result)


@lru_cache(maxsize=1)
def districts() -> tuple[District, ...]:
    """Return every district row of ``districts.csv`` (a renamed unit appears once per name or type)."""
    known = {p.code: p.name for p in provinces()}
    result = []
    for row in read_csv("districts.csv"):
        if known.get(row["province_code"]) != row["province"]:
            raise ValueError(f"districts.csv: province {row['province']!r} does not match code {row['province_code']}")
        result.append(District(row["district"], row["district_type"], row["province"], row["province_code"],
                               row["district_code"], row["full_name"]))
    return tuple(result)


@lru_cache(maxsize=1)
def _province_index() -> tuple[dict[str, Province], dict[str, list[Province]]]:
    """Return (exact key -> province, ascii key -> provinces), over names, full names and aliases."""
    by_name = {p.name: p for p in provinces()}
    exact: dict[str, Province] = {}
    loose: dict[str, list[Province]] = {}
    for alias in aliases():
        prov = by_name[alias.province]
        exact.setdefault(name_key(alias.alias), prov)
        bucket = loose.setdefault(ascii_name_key(alias.alias), [])
        if prov not in bucket:
            bucket.append(prov)
    return exact, loose


def province_by_code(code: str | int) -> Province | None:
    """Return the province with GSO code ``code`` ("01", "1" or 1 for Hà Nội), or None."""
    wanted = f"{int(code):02d}" if str(code).strip().isdigit() else str(code)
    return next((p for p in provinces() if p.code == wanted), None)


def province(query: str) -> Province | None:
    """Return the province a name, alias, GSO code or diacritic-free spelling names, or None.

    >>> [province(q).name for q in ("Thừa Thiên - Huế", "tỉnh Hoà Bình", "Sài Gòn", "ha noi", "46")]
    ['Thừa Thiên Huế', 'Hòa Bình', 'Hồ Chí Minh', 'Hà Nội', 'Thừa Thiên Huế']
    """
    query = query.strip()
    if query.isdigit():
        return province_by_code(query)
    exact, loose = _province_index()
    for candidate in (query, _TYPE_PREFIX.sub("", query)):
        found = exact.get(name_key(candidate))
        if found is not None:
            return found
    for candidate in (query, _TYPE_PREFIX.sub("", query)):
        found_all = loose.get(ascii_name_key(candidate), [])
        if len(found_all) == 1:
            return found_all[0]
    return None


_lookup_province = province  # ``find_districts`` takes a keyword argument of the same name


@lru_cache(maxsize=1)
def _district_index() -> tuple[dict[str, list[District]], dict[str, list[District]]]:
    exact: dict[str, list[District]] = {}
    loose: dict[str, list[District]] = {}
    for dist in districts():
        exact.setdefault(name_key(dist.name), []).append(dist)
        loose.setdefault(ascii_name_key(dist.name), []).append(dist)
    return exact, loose


def find_districts(name: str, *, province: str | None = None, district_type: str | None = None) -> list[District]:
    """Return every district called ``name`` (optionally within a province and of a type), best spelling first.

    Diacritic-free spellings are tried only when no district matches with diacritics.

    >>> sorted({d.province for d in find_districts("Hoàng Mai")})
    ['Hà Nội', 'Nghệ An']
    >>> [d.type for d in find_districts("Điện Biên Phủ", province="Điện Biên")]
    ['thành phố']
    """
    exact, loose = _district_index()
    found = exact.get(name_key(name)) or loose.get(ascii_name_key(name), [])
    if province is not None:
        prov = _lookup_province(province)
        found = [d for d in found if prov is not None and d.province == prov.name]
    if district_type is not None:
        found = [d for d in found if d.type == district_type]
    return list(found)

"""Word lists of ``data/reference``: officials' titles, family names, prevention measures.

Each list is read on first use and kept (nothing is read at import time). Rows come back as
written in the file; the extractors compile what they need from them.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .. import config
from .files import read_csv

__all__ = ["TITLES_CSV", "SURNAMES_CSV", "MEASURES_CSV", "MEASURE_FILE_COLUMNS", "titles", "surnames", "measures"]

TITLES_CSV = config.REFERENCE_DIR / "titles.csv"
SURNAMES_CSV = config.REFERENCE_DIR / "surnames.csv"
MEASURES_CSV = config.REFERENCE_DIR / "measures.csv"

#: Columns ``measures.csv`` (or a replacement lexicon) must have.
MEASURE_FILE_COLUMNS = ("measure", "label_vi", "label_en", "pattern", "notes")


@lru_cache(maxsize=1)
def titles() -> tuple[dict[str, str], ...]:
    """Return the rows of ``titles.csv``: term, kind (role, member, rank, honorific, academic), unit, implied_organization.

    >>> next(r for r in titles() if r["term"] == "Chủ tịch")["kind"]
    'role'
    """
    return tuple(read_csv(TITLES_CSV, columns=("term", "kind", "unit", "implied_organization")))


@lru_cache(maxsize=1)
def surnames() -> tuple[dict[str, str], ...]:
    """Return the rows of ``surnames.csv`` (surname, group: ``kinh`` or an ethnic group), commonest Kinh names first.

    >>> surnames()[0]["surname"], surnames()[0]["group"]
    ('Nguyễn', 'kinh')
    """
    return tuple(read_csv(SURNAMES_CSV, columns=("surname", "group")))


def measures(path: str | Path | None = None) -> tuple[dict[str, str], ...]:
    """Return the rows of the measures lexicon (``measures.csv`` unless ``path`` names another), in file order.

    The reference file is read once; another ``path`` is read at each call. A file without one
    of :data:`MEASURE_FILE_COLUMNS` raises ``ValueError``.
    """
    return _measures() if path is None else _read_measures(path)


@lru_cache(maxsize=1)
def _measures() -> tuple[dict[str, str], ...]:
    return _read_measures(MEASURES_CSV)


def _read_measures(path: str | Path) -> tuple[dict[str, str], ...]:
    return tuple(read_csv(path, columns=MEASURE_FILE_COLUMNS))

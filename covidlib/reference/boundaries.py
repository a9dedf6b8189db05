"""Province boundaries for maps: ``data/reference/provinces_63.geojson`` (the 63 provinces of 2008-2025)."""
from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any

from .files import read_json

__all__ = ["GEOJSON_FILE", "province_boundaries"]

GEOJSON_FILE = "provinces_63.geojson"


@lru_cache(maxsize=4)
def _read(path: str) -> Any:
    return read_json(path)


def province_boundaries(path: str | Path | None = None) -> dict[str, Any]:
    """Return the GeoJSON feature collection of province boundaries (``path`` replaces the reference file).

    Each call returns its own copy, so a caller may change it.
    """
    return copy.deepcopy(_read(str(path) if path is not None else GEOJSON_FILE))

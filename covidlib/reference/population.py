"""Province populations: the 2019 census figure of each of the 63 provinces (from the gazetteer table)."""
from __future__ import annotations

from functools import lru_cache

from .gazetteer import provinces

__all__ = ["populations"]


@lru_cache(maxsize=1)
def _populations() -> tuple[tuple[str, int | None], ...]:
    return tuple((p.name, p.population_2019) for p in provinces())


def populations() -> dict[str, int | None]:
    """Return ``{province: 2019 census population}`` in GSO code order (None where the table has no figure).

    >>> populations()["Hà Nội"] > 8_000_000
    True
    """
    return dict(_populations())

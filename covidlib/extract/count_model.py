"""The records a case-count reading works on: a place written in the body and a figure being read."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Span

__all__ = ["Place", "Count", "OWN_PLACE", "PRE_WINDOW", "POST_WINDOW", "SMALL_DOSE"]


# How a figure found a place written next to it (the others inherit or fall back).
OWN_PLACE = frozenset({"adjacent", "following", "before", "each"})

PRE_WINDOW = 110
POST_WINDOW = 90
SMALL_DOSE = 10  # "tiêm 2 mũi" counts doses per person, not people


@dataclass(slots=True)
class Place:
    start: int
    end: int
    province: str | None
    code: str | None
    district: str | None
    national: bool = False


@dataclass(slots=True)
class Count:
    """One figure being read: where it is, what follows it and what was decided."""

    number: Span
    value: int
    qualifier: str
    counter: str            # case, contact, person, sample, dose, bare
    counter_end: int
    contact: str | None = None
    metric: str | None = None
    detail: str | None = None
    evidence: str = ""
    place: Place | None = None
    place_from: str = ""
    of_total: int | None = None
    copies: list[Place] = field(default_factory=list)

"""The official province series of ``data/reference/official_case_counts.csv(.gz)``.

Read on first use and kept; see the reference README for the sources (NCSC, VnExpress,
VNCDC) and the rows it flags.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .files import reference_path

__all__ = ["OFFICIAL_FILE", "official_case_counts"]

OFFICIAL_FILE = "official_case_counts.csv"


@lru_cache(maxsize=1)
def _read() -> pd.DataFrame:
    frame = pd.read_csv(reference_path(OFFICIAL_FILE), dtype={"note": str})
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def official_case_counts() -> pd.DataFrame:
    """Return the official series as read (a copy): province, date (datetime), metric, value, source, note."""
    return _read().copy()

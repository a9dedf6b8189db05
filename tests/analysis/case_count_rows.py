"""Test helpers: ``case_counts`` tables (codebook columns and dtypes) from partial rows or from the gold."""
from __future__ import annotations

import pandas as pd

from covidlib.tables import frame


def counts_frame(rows: list[dict], *, as_of: str | None = None) -> pd.DataFrame:
    """A ``case_counts`` table from partial rows (defaults: article a1, exact, no place)."""
    full = [{"article_id": "a1", "province": None, "district": None, "detail": None, "qualifier": "exact",
             "as_of": as_of, "sentence": None, "start": i, "end": i + 1, **row} for i, row in enumerate(rows)]
    return frame("case_counts", full)


def gold_counts(records: list[dict], *, as_of: str | None = None) -> pd.DataFrame:
    """The gold case counts of some pages as a table (``other_covid`` is not a case metric)."""
    rows = [{**{k: c.get(k) for k in ("province", "district", "metric", "detail", "value", "qualifier", "as_of",
                                       "sentence")}, "article_id": rec["file"]}
            for rec in records for c in rec["case_counts"] if c["metric"] != "other_covid"]
    return counts_frame(rows, as_of=as_of)

"""Checks that fail loudly: validate extracted tables before anyone counts with them.

Each validator returns a table of problems (one row per offending input row) and, by
default, raises :class:`ValidationError` whose message lists those rows::

    >>> from covidlib.tables import frame
    >>> row = {"article_id": "a1", "province": "Hà Nội", "metric": "confirmed", "value": 7, "qualifier": "exact"}
    >>> case_counts = frame("case_counts", [row, {**row, "metric": "cured"}])
    >>> validate_case_counts(case_counts)            # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ValidationError: case_counts: 1 problem(s)
    >>> problems = validate_case_counts(case_counts, raise_on_error=False)
    >>> problems[["row", "check"]].values.tolist()
    [[1, 'unknown metric']]

Checks on ``case_counts``: unknown provinces (not among the 63 canonical names of
2008-2025), a province code that is not the province's, metrics and qualifiers outside
the allowed sets, missing or negative values, absurd values, district figures whose
sum exceeds their province total in the same article, metric and date, and the figure
model's links and series:

* a ``part_of`` that names no ``count_id`` of the table;
* a part larger than the total it is a stated part of;
* parts that together sum strictly above their total (a sum equal to or below the total
  is a fact about the page, not an error: :func:`part_sums` reports every total);
* a cumulative figure below one reported for an earlier date for the same scope, place
  (province and district), metric and period start, across articles.

A total given as a lower bound ("hơn 100 ca") is never contradicted by its parts.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..reference import gazetteer
from ..reference.population import populations
from ..vocab import LOWER_BOUND_QUALIFIERS, METRICS, PEOPLE_METRICS, QUALIFIERS
from .compare import district_consistency, province_reference

__all__ = [
    "ValidationError",
    "part_sums",
    "validate_case_counts",
    "validate_places",
]

# Events per person a cumulative test or dose count may plausibly reach.
_EVENTS_PER_PERSON = 10
_WORLD_POPULATION = 8_300_000_000
_WORLD_WORDS = re.compile(r"thế giới|toàn cầu|quốc tế|\bworld\b|\bglobal", re.IGNORECASE)
_MAX_LISTED = 25
#: Scopes whose place is named by the province and district columns (a cumulative series is checked per place).
_PLACED_SCOPES = ("world", "national", "province", "district")
#: Qualifiers under which a value may serve as the earlier, and as the later, figure of a decrease.
_FLOOR_QUALIFIERS = frozenset({"exact"}) | LOWER_BOUND_QUALIFIERS
_CEILING_QUALIFIERS = frozenset({"exact", "less_than"})
_SERIES_KEYS = ["metric", "_scope", "_province", "_district", "_start"]
_PROBLEM_COLUMNS = ["row", "check", "message", "article_id", "province", "district", "metric", "value",
                    "qualifier", "as_of"]


class ValidationError(ValueError):
    """Raised when a table fails validation; ``problems`` holds the offending rows."""

    def __init__(self, message: str, problems: pd.DataFrame) -> None:
        super().__init__(message)
        self.problems = problems


# --------------------------------------------------------------------------- helpers

def _blank(series: pd.Series) -> pd.Series:
    return series.isna() | (series.astype("string").str.strip() == "")


def _column(df: pd.DataFrame, name: str) -> pd.Series:
    return df[name] if name in df.columns else pd.Series(pd.NA, index=df.index, dtype="object")


def _problems(df: pd.DataFrame, mask: pd.Series, check: str, messages: pd.Series | str) -> pd.DataFrame:
    """The rows of ``df`` under ``mask`` as problem rows with one check name and message each."""
    hit = df.loc[mask.fillna(False).astype(bool)]
    out = pd.DataFrame({"row": hit.index, "check": check}, index=hit.index)
    out["message"] = messages[hit.index] if isinstance(messages, pd.Series) else messages
    for col in _PROBLEM_COLUMNS[3:]:
        out[col] = _column(df, col)[hit.index]
    return out.reset_index(drop=True)


def _describe(problem: pd.Series) -> str:
    where = ", ".join(f"{key} {problem[key]}" for key in ("article_id", "province", "district", "metric", "value",
                                                          "as_of") if key in problem and pd.notna(problem[key]))
    return f"  row {problem['row']}: [{problem['check']}] {problem['message']} ({where})"


def _finish(problems: list[pd.DataFrame], table: str, raise_on_error: bool) -> pd.DataFrame:
    frames = [p for p in problems if len(p)]
    out = (pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=_PROBLEM_COLUMNS))
    out = out.sort_values(["row", "check"], kind="stable").reset_index(drop=True)
    if raise_on_error and len(out):
        lines = [_describe(p) for _, p in out.head(_MAX_LISTED).iterrows()]
        if len(out) > _MAX_LISTED:
            lines.append(f"  ... and {len(out) - _MAX_LISTED} more")
        raise ValidationError(f"{table}: {len(out)} problem(s)\n" + "\n".join(lines), out)
    return out


def _populations() -> pd.Series:
    return pd.Series(populations(), dtype="Int64")


# --------------------------------------------------------------------------- individual checks

def _unknown_province_message(name: object) -> str:
    found = gazetteer.province(str(name)) if isinstance(name, str) else None
    hint = f"; did you mean {found.name!r}?" if found is not None else ""
    return f"province {name!r} is not one of the 63 canonical names{hint}"


def _unknown_provinces(df: pd.DataFrame) -> pd.DataFrame:
    province = _column(df, "province")
    known = set(province_reference()["province"])
    mask = ~_blank(province) & ~province.isin(known)
    return _problems(df, mask, "unknown province", province.map(_unknown_province_message))


def _code_mismatches(df: pd.DataFrame) -> pd.DataFrame:
    province, code = _column(df, "province"), _column(df, "province_code")
    expected = province.map(province_reference().set_index("province")["province_code"])
    mask = ~_blank(code) & expected.notna() & (code.astype("string") != expected.astype("string"))
    return _problems(df, mask, "province code", "province_code " + code.astype("string").map(repr)
                     + " but " + province.astype("string") + " is " + expected.astype("string"))


def _bad_vocabulary(df: pd.DataFrame, column: str, allowed: frozenset[str]) -> pd.DataFrame:
    values = _column(df, column)
    mask = _blank(values) | ~values.isin(allowed)
    return _problems(df, mask, f"unknown {column}", f"{column} " + values.astype("string").fillna("<missing>")
                     .map(repr) + f" not in {sorted(allowed)}")


def _bad_values(df: pd.DataFrame) -> list[pd.DataFrame]:
    value = pd.to_numeric(_column(df, "value"), errors="coerce")
    return [_problems(df, value.isna(), "missing value", "value is missing or not a number"),
            _problems(df, value < 0, "negative value", "value " + value.astype("string") + " is negative")]


def _ceilings(df: pd.DataFrame) -> pd.Series:
    """The largest plausible value of each row: its province's (or the nation's, or the world's) population."""
    pops = _populations()
    people = _column(df, "metric").isin(PEOPLE_METRICS)
    per_person = people.map({True: 1, False: _EVENTS_PER_PERSON})
    scope = _column(df, "province").map(pops).astype("Float64")
    context = _column(df, "sentence").astype("string").fillna("") + " " + _column(df, "detail").astype(
        "string").fillna("")
    unplaced = scope.isna()
    world = unplaced & context.str.contains(_WORLD_WORDS).fillna(False)
    scope = scope.mask(unplaced, float(pops.sum())).mask(world, float(_WORLD_POPULATION))
    return scope * per_person.astype("Float64")


def _absurd_values(df: pd.DataFrame) -> pd.DataFrame:
    value = pd.to_numeric(_column(df, "value"), errors="coerce")
    ceiling = _ceilings(df)
    mask = value.notna() & (value.astype("Float64") > ceiling)
    scope = _column(df, "province").astype("string").fillna("national/world")
    return _problems(df, mask, "absurd value", "value " + value.astype("string") + " exceeds the plausible "
                     + "maximum " + ceiling.round().astype("Int64").astype("string") + " for " + scope)


def _parts_exceed_total(df: pd.DataFrame) -> pd.DataFrame:
    if "district" not in df.columns or df["district"].isna().all():
        return pd.DataFrame(columns=_PROBLEM_COLUMNS)
    keyed = df.assign(_as_of=_column(df, "as_of").astype("string").fillna("<none>"),
                      _article=_column(df, "article_id").astype("string").fillna("<none>"))
    groups = district_consistency(keyed.drop(columns=["as_of", "article_id"], errors="ignore")
                                  .rename(columns={"_as_of": "as_of", "_article": "article_id"}))
    bad = groups[groups["status"] == "parts exceed total"]
    frames = []
    for group in bad.itertuples(index=False):
        mask = ((keyed["_article"] == group.article_id) & (keyed["province"] == group.province)
                & (keyed["metric"] == group.metric) & (keyed["_as_of"] == group.as_of))
        message = (f"districts sum to {group.districts_sum} ({group.districts}) but the province total is "
                   f"{group.province_total}")
        frames.append(_problems(df, mask, "parts exceed total", message))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=_PROBLEM_COLUMNS)


def _linked(df: pd.DataFrame) -> pd.DataFrame:
    """The rows with a ``part_of``, beside their total's value and qualifier (missing where no row has that id)."""
    part_of = _column(df, "part_of")
    ids = _column(df, "count_id")
    totals = pd.DataFrame({"_total_value": pd.to_numeric(_column(df, "value"), errors="coerce").to_numpy(),
                           "_total_qualifier": _column(df, "qualifier").to_numpy()},
                          index=ids.to_numpy())
    totals = totals[~totals.index.duplicated()]
    parts = df.loc[~_blank(part_of)].copy()
    parts["_value"] = pd.to_numeric(parts["value"], errors="coerce")
    parts["_known"] = parts["part_of"].isin(totals.index)
    looked_up = totals.reindex(parts["part_of"].to_numpy())
    parts["_total_value"] = looked_up["_total_value"].to_numpy()
    parts["_bound"] = looked_up["_total_qualifier"].isin(LOWER_BOUND_QUALIFIERS).to_numpy()
    return parts


def _unknown_totals(df: pd.DataFrame) -> pd.DataFrame:
    parts = _linked(df)
    mask = pd.Series(False, index=df.index)
    mask[parts.index[~parts["_known"]]] = True
    return _problems(df, mask, "unknown part_of", "part_of " + _column(df, "part_of").astype("string").map(repr)
                     + " is no count_id of the table")


def _part_above_total(df: pd.DataFrame) -> pd.DataFrame:
    parts = _linked(df)
    above = parts[~parts["_bound"] & (parts["_value"] > parts["_total_value"])]
    mask = pd.Series(df.index.isin(above.index), index=df.index)
    totals = above["_total_value"].reindex(df.index)
    return _problems(df, mask, "part above total", "a part of " + _column(df, "part_of").astype("string")
                     + " is larger than its total " + totals.astype("Int64").astype("string"))


def part_sums(df: pd.DataFrame) -> pd.DataFrame:
    """Return one row per total that has parts: how its parts sum up against it.

    Columns: ``count_id`` of the total, its ``article_id``, ``metric``, ``total``,
    ``total_qualifier``, ``parts`` (how many), ``parts_sum`` and ``status``: 'equal',
    'under' (the page lists only some parts, or the source is off) or 'above'.
    """
    parts = _linked(df)
    parts = parts[parts["_known"]]
    columns = ["count_id", "article_id", "metric", "total", "total_qualifier", "parts", "parts_sum", "status"]
    if parts.empty:
        return pd.DataFrame(columns=columns)
    grouped = parts.groupby("part_of", sort=True)["_value"].agg(["size", "sum"])
    totals = df.loc[~_blank(_column(df, "count_id"))].drop_duplicates("count_id").set_index("count_id")
    out = pd.DataFrame({"count_id": grouped.index, "parts": grouped["size"].to_numpy(),
                        "parts_sum": grouped["sum"].astype("Int64").to_numpy()})
    for column, source in (("article_id", "article_id"), ("metric", "metric"), ("total", "value"),
                           ("total_qualifier", "qualifier")):
        out[column] = _column(totals, source).reindex(out["count_id"]).to_numpy()
    total = pd.to_numeric(out["total"], errors="coerce")
    out["status"] = np.select([out["parts_sum"] > total, out["parts_sum"] == total], ["above", "equal"], "under")
    return out[columns]


def _parts_sum_above_total(df: pd.DataFrame) -> pd.DataFrame:
    parts = _linked(df)
    parts = parts[parts["_known"] & ~parts["_bound"]]
    sums = parts.groupby("part_of")["_value"].transform("sum")
    single_above = parts.groupby("part_of")["_value"].transform("max") > parts["_total_value"]
    above = parts[(sums > parts["_total_value"]) & ~single_above]  # a single part above is its own check
    mask = pd.Series(df.index.isin(above.index), index=df.index)
    message = ("the parts of " + above["part_of"].astype("string") + " sum to " + sums[above.index].astype("Int64")
               .astype("string") + ", above their total " + above["_total_value"].astype("Int64").astype("string"))
    return _problems(df, mask, "parts sum above total", message.reindex(df.index))


def _series_date(df: pd.DataFrame) -> pd.Series:
    """The date a figure is for: its period end, else its as_of."""
    end = pd.to_datetime(_column(df, "period_end"), errors="coerce")
    return end.fillna(pd.to_datetime(_column(df, "as_of").astype("string").str[:10], errors="coerce"))


def _cumulative_decreases(df: pd.DataFrame) -> pd.DataFrame:
    cumulative = (_column(df, "period") == "cumulative") & _column(df, "scope").isin(_PLACED_SCOPES)
    rows = df.loc[cumulative.fillna(False).astype(bool)]
    rows = rows.assign(_date=_series_date(rows), _value=pd.to_numeric(rows["value"], errors="coerce"),
                       _scope=_column(rows, "scope").astype("string").fillna(""),
                       _province=_column(rows, "province").astype("string").fillna(""),
                       _district=_column(rows, "district").astype("string").fillna(""),
                       _start=_column(rows, "period_start").astype("string").str[:10].fillna(""))
    rows = rows[rows["_date"].notna() & rows["_value"].notna()]
    earlier = rows[rows["qualifier"].isin(_FLOOR_QUALIFIERS)]
    later = rows[rows["qualifier"].isin(_CEILING_QUALIFIERS)]
    if earlier.empty or later.empty:
        return pd.DataFrame(columns=_PROBLEM_COLUMNS)
    # the highest floor reported up to each date, per series
    floors = (earlier.groupby(_SERIES_KEYS + ["_date"])["_value"].max().reset_index().sort_values("_date"))
    floors["_floor"] = floors.groupby(_SERIES_KEYS)["_value"].cummax()
    floors = floors.rename(columns={"_date": "_floor_date"})
    probe = later.reset_index(names="_row").sort_values("_date")
    found = pd.merge_asof(probe, floors[_SERIES_KEYS + ["_floor_date", "_floor"]], left_on="_date",
                          right_on="_floor_date", by=_SERIES_KEYS, allow_exact_matches=False)
    bad = found[found["_value"] < found["_floor"]].set_index("_row")
    mask = pd.Series(df.index.isin(bad.index), index=df.index)
    message = ("cumulative " + bad["_value"].astype("Int64").astype("string") + " on "
               + bad["_date"].dt.strftime("%Y-%m-%d") + " is below " + bad["_floor"].astype("Int64").astype("string")
               + " reported by " + bad["_floor_date"].dt.strftime("%Y-%m-%d") + " for the same "
               + bad["_scope"] + " figure")
    return _problems(df, mask, "cumulative decreases", message.reindex(df.index))


# --------------------------------------------------------------------------- validators

def validate_case_counts(df: pd.DataFrame, *, raise_on_error: bool = True) -> pd.DataFrame:
    """Return the problems of a ``case_counts`` table; raise :class:`ValidationError` listing them if any.

    One row per offending input row and check: ``row`` (index label in ``df``),
    ``check`` (unknown province, province code, unknown metric, unknown qualifier,
    missing value, negative value, absurd value, parts exceed total, unknown part_of, part
    above total, parts sum above total, cumulative decreases), ``message`` and the row's
    article_id, province, district, metric, value, qualifier and as_of.
    Absurd means above the province's 2019 population for counts of people (confirmed,
    deaths, quarantined...), or ten times it for tests and vaccine doses; rows without
    a province are held to the national population, or the world's when the sentence
    speaks of "thế giới". District figures are compared with the largest province
    figure of the same article, metric and date (see :func:`covidlib.analysis.compare.district_consistency`).
    Parts are linked to their total by ``part_of`` -> ``count_id``; a cumulative series is
    one scope (world, national, province or district), place, metric and period start,
    dated by ``period_end`` or else ``as_of``; a later exact figure below an earlier
    exact or lower-bound one is flagged.
    """
    problems = [_unknown_provinces(df), _code_mismatches(df), _bad_vocabulary(df, "metric", METRICS),
                _bad_vocabulary(df, "qualifier", QUALIFIERS), *_bad_values(df), _absurd_values(df),
                _parts_exceed_total(df), _unknown_totals(df), _part_above_total(df), _parts_sum_above_total(df),
                _cumulative_decreases(df)]
    return _finish(problems, "case_counts", raise_on_error)


def validate_places(df: pd.DataFrame, *, raise_on_error: bool = True) -> pd.DataFrame:
    """Return the problems of a table with a ``province`` column (places, officials): unknown names, wrong codes."""
    return _finish([_unknown_provinces(df), _code_mismatches(df)], "places", raise_on_error)

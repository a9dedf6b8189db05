"""Checks that fail loudly: validate extracted tables before anyone counts with them.

Each validator returns a table of problems (one row per offending input row) and, by
default, raises :class:`ValidationError` whose message lists those rows::

    >>> validate_case_counts(case_counts)            # raises on the first bad table
    >>> problems = validate_case_counts(case_counts, raise_on_error=False)

Checks on ``case_counts``: unknown provinces (not among the 63 canonical names of
2008-2025), a province code that is not the province's, metrics and qualifiers outside
the allowed sets, missing or negative values, absurd values, and district figures whose
sum exceeds their province total in the same article, metric and date.
"""
from __future__ import annotations

import re

import pandas as pd

from ..reference import gazetteer
from ..reference.population import populations
from ..vocab import METRICS, PEOPLE_METRICS, QUALIFIERS
from .compare import district_consistency, province_reference

__all__ = [
    "ValidationError",
    "validate_case_counts",
    "validate_places",
]

# Events per person a cumulative test or dose count may plausibly reach.
_EVENTS_PER_PERSON = 10
_WORLD_POPULATION = 8_300_000_000
_WORLD_WORDS = re.compile(r"thế giới|toàn cầu|quốc tế|\bworld\b|\bglobal", re.IGNORECASE)
_MAX_LISTED = 25
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


# --------------------------------------------------------------------------- validators

def validate_case_counts(df: pd.DataFrame, *, raise_on_error: bool = True) -> pd.DataFrame:
    """Return the problems of a ``case_counts`` table; raise :class:`ValidationError` listing them if any.

    One row per offending input row and check: ``row`` (index label in ``df``),
    ``check`` (unknown province, province code, unknown metric, unknown qualifier,
    missing value, negative value, absurd value, parts exceed total), ``message`` and the
    row's article_id, province, district, metric, value, qualifier and as_of.
    Absurd means above the province's 2019 population for counts of people (confirmed,
    deaths, quarantined...), or ten times it for tests and vaccine doses; rows without
    a province are held to the national population, or the world's when the sentence
    speaks of "thế giới". District figures are compared with the largest province
    figure of the same article, metric and date (see :func:`covidlib.analysis.compare.district_consistency`).
    """
    problems = [_unknown_provinces(df), _code_mismatches(df), _bad_vocabulary(df, "metric", METRICS),
                _bad_vocabulary(df, "qualifier", QUALIFIERS), *_bad_values(df), _absurd_values(df),
                _parts_exceed_total(df)]
    return _finish(problems, "case_counts", raise_on_error)


def validate_places(df: pd.DataFrame, *, raise_on_error: bool = True) -> pd.DataFrame:
    """Return the problems of a table with a ``province`` column (places, officials): unknown names, wrong codes."""
    return _finish([_unknown_provinces(df), _code_mismatches(df)], "places", raise_on_error)

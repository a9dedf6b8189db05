"""Compare the case counts read from articles: across provinces, against their parts, against official data.

Inputs are the tidy ``case_counts`` (and optionally ``articles``) tables described in
:mod:`covidlib.tables`. Reference data comes from ``data/reference/`` (see its README):
the 63 provinces of 2008-2025 with their 2019 census population and 2025 successor, and
the official province-level series (NCSC portal daily counts, VnExpress's 4th-wave
cumulative, VNCDC dashboard dailies).

* :func:`province_metric_table` – the latest figure each province reported per metric, per 100,000;
* :func:`outcomes_beside_confirmed` – deaths, recoveries and patients under treatment beside the
  confirmed figure of the same province, only inside the same date window;
* :func:`map_window` – the figures a map may colour together: one metric and period, one date window;
* :func:`district_consistency` – district figures summed against their province total;
* :func:`by_successor_2025` – the same figures grouped to the 34 provinces of 2025;
* :func:`official_comparison` – each province figure beside the official figure for its date.

Like is compared with like: every table keeps one row per metric, **period kind** (a day,
a span of days, a daily average, cumulative, a state at a moment) and ``detail`` (home or
centralized quarantine, ...), reads the ``scope`` column (a world, national or regional
figure is never a province's) and leaves out stated parts of a total (``part_of``): age or
vaccination breakdowns are never added up as if they were totals, nothing is summed
across dates or periods.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from ..reference import gazetteer
from ..reference.official import official_case_counts
from ..vocab import LOWER_BOUND_QUALIFIERS, PERIODS

__all__ = [
    "LOWER_BOUND_QUALIFIERS",
    "FOURTH_WAVE_START",
    "province_reference",
    "load_official_counts",
    "PERIOD_KINDS",
    "province_figures",
    "province_metric_table",
    "outcomes_beside_confirmed",
    "map_window",
    "district_consistency",
    "by_successor_2025",
    "official_comparison",
]

# The 4th wave, from which MOH and the press counted cases afresh ("từ 27/4/2021").
FOURTH_WAVE_START = pd.Timestamp("2021-04-27")

_VNEXPRESS_METRIC = "confirmed_cumulative_since_2021-04-27"
_SERIES_BY_SOURCE_PREFIX = (("haminh0307/", "NCSC"), ("letung3105/coviddata:vnexpress", "VnExpress"),
                            ("letung3105/coviddata:vncdc", "VNCDC"))


# --------------------------------------------------------------------------- reference data

@lru_cache(maxsize=1)
def _province_reference_cached() -> pd.DataFrame:
    rows = [{"province": p.name, "province_code": p.code, "type": p.type, "region": p.region,
             "population_2019": p.population_2019, "new_province_2025": p.successor_2025,
             "new_province_2025_code": p.successor_2025_code} for p in gazetteer.provinces()]
    frame = pd.DataFrame(rows)
    frame["population_2019"] = frame["population_2019"].astype("Int64")
    return frame


def province_reference() -> pd.DataFrame:
    """Return the 63 provinces of 2008-2025 as a table (from :mod:`covidlib.reference.gazetteer`).

    Columns: province, province_code, type, region, population_2019,
    new_province_2025, new_province_2025_code.
    """
    return _province_reference_cached().copy()


def _series_of(source: str) -> str:
    for prefix, series in _SERIES_BY_SOURCE_PREFIX:
        if str(source).startswith(prefix):
            return series
    return str(source)


@lru_cache(maxsize=1)
def _official_cached() -> pd.DataFrame:
    df = official_case_counts()
    df["series"] = df["source"].map(_series_of)
    df["flagged"] = df["note"].notna() & (df["note"].str.strip() != "")
    return df


def load_official_counts() -> pd.DataFrame:
    """Return the official province series (cached read): province, date, metric, value, source, note, series, flagged.

    ``series`` is ``NCSC``, ``VnExpress`` or ``VNCDC``; ``flagged`` marks the rows the
    reference README flags (two NCSC outlier days, four VNCDC zero-death days), which
    the sums in :func:`official_comparison` leave out.
    """
    return _official_cached().copy()


# --------------------------------------------------------------------------- helpers

def _blank(series: pd.Series) -> pd.Series:
    """True where a text column is missing or only whitespace."""
    return series.isna() | (series.astype("string").str.strip() == "")


def _iso_dates(series: pd.Series) -> pd.Series:
    """Parse ISO date (or date-time) text to midnight timestamps; unparsable text becomes NaT."""
    text = series.astype("string").str.slice(0, 10)
    return pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")


def _date_text(series: pd.Series) -> pd.Series:
    return series.dt.strftime("%Y-%m-%d").astype("string")


#: How a missing period reads in a table: the figure's period is not known, so it is compared with no other kind.
UNKNOWN_PERIOD = "unknown"
#: The period kinds of :data:`covidlib.vocab.PERIODS`, plus "unknown".
PERIOD_KINDS = (*PERIODS, UNKNOWN_PERIOD)


def _figure_columns(df: pd.DataFrame) -> pd.DataFrame:
    """Add the figure-model columns a table may lack (scope, period, period_start, period_end, part_of, detail).

    A blank scope is derived plainly (district, province, else national); a blank period is "unknown".
    """
    df = df.copy()
    for col in ("district", "detail", "part_of", "period_start", "period_end", "scope", "period"):
        if col not in df.columns:
            df[col] = pd.NA
    plain = pd.Series(np.where(~_blank(df["district"]), "district",
                               np.where(~_blank(df["province"]), "province", "national")), index=df.index)
    df["scope"] = df["scope"].astype("string").where(~_blank(df["scope"]), plain)
    df["period"] = df["period"].astype("string").where(~_blank(df["period"]), UNKNOWN_PERIOD)
    df["detail"] = df["detail"].astype("string").where(~_blank(df["detail"]), pd.NA)
    return df


def _province_rows(case_counts: pd.DataFrame, *, parts: bool = True) -> pd.DataFrame:
    """Rows of one province as a whole: a province is named, no district is, and the scope is the province.

    A figure whose scope is wider (world, foreign, national, region) or narrower (district,
    local) is left out even when a province is named beside it. ``parts=False`` also
    leaves out stated parts of a total (``part_of`` set).
    """
    df = _figure_columns(case_counts)
    keep = ~_blank(df["province"]) & _blank(df["district"]) & (df["scope"] == "province")
    if not parts:
        keep &= _blank(df["part_of"])
    return df.loc[keep].reset_index(drop=True)


def province_figures(case_counts: pd.DataFrame, *, parts: bool = False) -> pd.DataFrame:
    """Return the figures about one province as a whole (scope ``province``), stated parts left out unless ``parts``.

    Missing figure-model columns are added (blank scope derived plainly, blank period "unknown").
    """
    return _province_rows(case_counts, parts=parts)


def _with_fallback_dates(df: pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame:
    """Add ``as_of_date`` (timestamp) and ``as_of_source``; undated figures take the article's publish date."""
    df = df.copy()
    df["as_of_date"] = _iso_dates(df["as_of"]) if "as_of" in df.columns else pd.NaT
    df["as_of_source"] = pd.Series(np.where(df["as_of_date"].notna(), "text", None), index=df.index, dtype="string")
    if articles is not None and len(df):
        published = _iso_dates(df["article_id"].map(articles.set_index("article_id")["published"]))
        fill = df["as_of_date"].isna() & published.notna()
        df.loc[fill, "as_of_date"] = published[fill]
        df.loc[fill, "as_of_source"] = "published"
    return df


# --------------------------------------------------------------------------- province x metric

_TABLE_COLUMNS = ["province", "province_code", "region", "new_province_2025", "metric", "period", "detail", "value",
                  "qualifier", "is_lower_bound", "as_of", "as_of_source", "period_start", "period_end",
                  "population_2019", "per_100k", "n_reports", "article_id", "sentence"]
_KEY = ["province", "metric", "period", "detail"]


def province_metric_table(case_counts: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per province, metric, period kind and detail: the latest figure reported, per 100,000 people.

    Only figures whose scope is the province count: district, local, national, regional
    and world figures are left out, and so are stated parts of a total (``part_of``), so
    an age group or a vaccinated share never stands as the province's figure. Figures of
    different period kinds (one day, a span, a daily average, cumulative, a state) and of
    different ``detail`` (home against centralized quarantine) keep their own rows. "Latest" is the latest ``as_of``;
    among figures of that date the largest wins, so a total beats its own breakdown
    (Bình Dương 11/9/2021: 3.971 new cases over the 3.726 found in lockdown zones).
    With ``articles``, an undated figure takes its article's publish date
    (``as_of_source`` = ``published``). ``n_reports`` counts every row seen for that
    province and metric; ``per_100k`` divides by the 2019 census population;
    ``is_lower_bound`` is true for "hơn"/"ít nhất" figures (more_than, at_least).
    """
    df = _with_fallback_dates(_province_rows(case_counts, parts=False), articles)
    if df.empty:
        return pd.DataFrame(columns=_TABLE_COLUMNS)
    df["value"] = pd.to_numeric(df["value"], errors="coerce").astype("Int64")
    df["n_reports"] = df.groupby(_KEY, dropna=False)["value"].transform("size")
    df = df.sort_values(["as_of_date", "value"], na_position="first", kind="stable")
    latest = df.groupby(_KEY, sort=False, dropna=False).tail(1).drop(columns=["province_code"], errors="ignore")
    ref = province_reference()[["province", "province_code", "region", "new_province_2025", "population_2019"]]
    out = latest.merge(ref, on="province", how="left")
    out["as_of"] = _date_text(out["as_of_date"])
    out["is_lower_bound"] = out["qualifier"].isin(LOWER_BOUND_QUALIFIERS)
    out["per_100k"] = out["value"].astype("Float64") / out["population_2019"] * 100_000
    for col in ("detail", "sentence", "article_id", "qualifier"):
        if col not in out.columns:
            out[col] = pd.NA
    out = out[_TABLE_COLUMNS].sort_values(["metric", "period", "value"], ascending=[True, True, False], kind="stable")
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- like with like

#: The period kinds each outcome is compared in: counts since the start, or a state at a moment.
_OUTCOME_PERIODS = {"confirmed": ("cumulative",), "recovered": ("cumulative",), "deaths": ("cumulative",),
                    "active": ("snapshot", "cumulative")}


def outcomes_beside_confirmed(table: pd.DataFrame, *, window_days: int = 0,
                              outcomes: tuple[str, ...] = ("recovered", "active", "deaths")) -> pd.DataFrame:
    """Return, per province, its cumulative confirmed figure and the outcomes dated inside the same window.

    ``table`` is :func:`province_metric_table`. An outcome (recovered, under treatment,
    deaths; totals only, no ``detail``) stands beside the confirmed figure only when its
    date lies within ``window_days`` before or after the confirmed figure's date (0: the same day);
    others are left out, and so are provinces without a dated cumulative confirmed figure.
    Columns are those of the table plus ``window_start`` and ``window_end``.
    """
    table = _figure_columns(table)
    rows = table[_blank(table["detail"]) & table["as_of"].notna()].copy()
    rows["as_of_date"] = _iso_dates(rows["as_of"])
    wanted = [m for m in ("confirmed", *outcomes) if m in _OUTCOME_PERIODS]
    fits = pd.Series([m in wanted and p in _OUTCOME_PERIODS[m] for m, p in zip(rows["metric"], rows["period"])],
                     index=rows.index, dtype=bool)
    rows = rows[fits & rows["as_of_date"].notna()]
    anchors = (rows[rows["metric"] == "confirmed"].drop_duplicates("province")[["province", "as_of_date"]]
               .rename(columns={"as_of_date": "_anchor"}))
    rows = rows.merge(anchors, on="province", how="inner")
    span = pd.Timedelta(days=window_days)
    rows = rows[(rows["as_of_date"] >= rows["_anchor"] - span) & (rows["as_of_date"] <= rows["_anchor"] + span)]
    outcome_provinces = set(rows.loc[rows["metric"] != "confirmed", "province"])
    rows = rows[rows["province"].isin(outcome_provinces)].copy()
    rows["window_start"] = _date_text(rows["_anchor"] - span)
    rows["window_end"] = _date_text(rows["_anchor"] + span)
    return rows.drop(columns=["as_of_date", "_anchor"]).reset_index(drop=True)


def map_window(table: pd.DataFrame, *, metric: str = "confirmed", period: str = "cumulative",
               days: int = 31) -> tuple[pd.DataFrame, dict[str, object]]:
    """Return the figures one map may colour together, and what the map must say about them.

    Keeps ``metric`` figures of one ``period`` kind (no ``detail``, dated) within the ``days``
    days that end on the latest such date; older figures are left out, not coloured beside
    newer ones. The dict gives ``metric``, ``period``, ``start``, ``end`` (ISO dates or None),
    ``n_provinces`` (coloured), ``n_left_out`` (provinces with an older figure) and ``n_units`` (63).
    """
    table = _figure_columns(table)
    rows = table[(table["metric"] == metric) & (table["period"] == period) & _blank(table["detail"])].copy()
    rows["as_of_date"] = _iso_dates(rows["as_of"])
    rows = rows[rows["as_of_date"].notna()]
    info: dict[str, object] = {"metric": metric, "period": period, "start": None, "end": None, "n_provinces": 0,
                               "n_left_out": 0, "n_units": len(province_reference())}
    if rows.empty:
        return rows.drop(columns=["as_of_date"]), info
    end = rows["as_of_date"].max()
    start = end - pd.Timedelta(days=days - 1)
    inside = rows[rows["as_of_date"] >= start]
    info.update(start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}", n_provinces=int(inside["province"].nunique()),
                n_left_out=int(rows["province"].nunique() - inside["province"].nunique()))
    return inside.drop(columns=["as_of_date"]).reset_index(drop=True), info


# --------------------------------------------------------------------------- districts vs total

_GROUP = ["article_id", "province", "metric", "as_of", "period"]


def _district_sums(case_counts: pd.DataFrame) -> pd.DataFrame:
    """Sum the districts per article, province, metric, date and period; a district named twice counts once."""
    rows = case_counts.loc[~_blank(case_counts["district"]) & ~_blank(case_counts["province"])
                           & (case_counts["scope"] == "district")].copy()
    rows["value"] = pd.to_numeric(rows["value"], errors="coerce")
    per_district = rows.groupby(_GROUP + ["district"], dropna=False, sort=False)["value"].max().reset_index()
    figures = per_district["value"].astype("Int64").astype(str)
    per_district["part"] = per_district["district"].astype(str) + " " + figures
    return (per_district.groupby(_GROUP, dropna=False, sort=False)
            .agg(districts_sum=("value", "sum"), n_districts=("district", "size"), districts=("part", "; ".join))
            .reset_index())


def _province_totals(case_counts: pd.DataFrame) -> pd.DataFrame:
    """The province total of each article/province/metric/date: the largest province-level figure there."""
    rows = _province_rows(case_counts)
    rows["value"] = pd.to_numeric(rows["value"], errors="coerce")
    rows = rows.sort_values("value", kind="stable")
    top = rows.groupby(_GROUP, dropna=False, sort=False).tail(1)
    return top[_GROUP + ["value", "qualifier"]].rename(columns={"value": "province_total",
                                                                "qualifier": "total_qualifier"})


def _consistency_status(row: pd.Series) -> str:
    total, parts = row["province_total"], row["districts_sum"]
    if pd.isna(total):
        return "no total"
    if parts == total or (parts > total and row["total_qualifier"] in LOWER_BOUND_QUALIFIERS):
        return "consistent"
    return "parts exceed total" if parts > total else "parts below total"


def district_consistency(case_counts: pd.DataFrame) -> pd.DataFrame:
    """Return district figures summed against their province total, per article, province, metric, as_of and period.

    Columns: article_id, province, metric, as_of, province_total, total_qualifier,
    districts_sum, n_districts, districts ("Nậm Pồ 45; Điện Biên Phủ 8; ..."), difference
    (sum minus total) and status: ``consistent``, ``parts exceed total``, ``parts below
    total`` (the article lists only some districts, or cases outside any district) or
    ``no total``. The total is the largest province-level figure of the group, and a
    district named in several sentences counts once, with its largest figure; a
    lower-bound total ("hơn 100 ca") is consistent with parts above it.
    """
    case_counts = _figure_columns(case_counts)
    sums = _district_sums(case_counts)
    out = sums.merge(_province_totals(case_counts), on=_GROUP, how="left")
    out["difference"] = out["districts_sum"] - out["province_total"]
    out["status"] = out.apply(_consistency_status, axis=1) if len(out) else pd.Series(dtype="string")
    for col in ("province_total", "districts_sum", "difference", "n_districts"):
        out[col] = out[col].astype("Int64")
    columns = _GROUP + ["province_total", "total_qualifier", "districts_sum", "n_districts", "districts",
                        "difference", "status"]
    out["period"] = out["period"].astype("string")
    return out[columns].reset_index(drop=True)


# --------------------------------------------------------------------------- 2025 successors

_SUCCESSOR_KEY = ["new_province_2025", "metric", "period", "as_of"]


def by_successor_2025(table: pd.DataFrame) -> pd.DataFrame:
    """Return :func:`province_metric_table` regrouped to the 34 provinces of 2025, summing only comparable figures.

    Figures are summed only when they share the metric, the period kind, its start
    (``period_start``: counts since the 4th wave and since the epidemic began stay apart) and
    the date (``as_of``), and carry no ``detail``: figures of one successor dated differently stay
    on separate rows, a sum never mixes a day with a cumulative count, and a figure of
    unknown period is never summed with another. ``n_provinces`` counts the old provinces
    in the sum, ``n_provinces_total`` those merged into the successor, so "2 of 3" says the
    sum is partial; ``how`` says it in words. ``per_100k`` divides by the population of the
    provinces in the sum. A sum containing a lower bound is itself one.
    """
    columns = ["new_province_2025", "metric", "period", "as_of", "value", "is_lower_bound", "n_provinces",
               "n_provinces_total", "provinces", "population_2019", "per_100k", "how"]
    df = table[_blank(table["detail"]) & table["as_of"].notna()].copy() if "detail" in table.columns else table.copy()
    if "new_province_2025" not in df.columns or df["new_province_2025"].isna().any():
        ref = province_reference()[["province", "new_province_2025", "population_2019"]]
        df = df.drop(columns=["new_province_2025", "population_2019"], errors="ignore").merge(ref, on="province",
                                                                                              how="left")
    if "period" not in df.columns:
        df["period"] = UNKNOWN_PERIOD
    df = df[df["as_of"].notna() & df["new_province_2025"].notna()]
    if df.empty:
        return pd.DataFrame(columns=columns)
    merged_count = province_reference().groupby("new_province_2025").size().rename("n_provinces_total")
    df = df.assign(value=pd.to_numeric(df["value"], errors="coerce"))
    single = df["period"] == UNKNOWN_PERIOD  # a figure of unknown period stands alone
    df["_alone"] = np.where(single, df["province"], "")
    # counts since different start dates (the 4th wave, the epidemic) are not added up either
    df["_since"] = df["period_start"].astype("string").fillna("") if "period_start" in df.columns else ""
    out = (df.groupby(_SUCCESSOR_KEY + ["_alone", "_since"], sort=True)
           .agg(value=("value", "sum"), n_provinces=("province", "size"),
                provinces=("province", lambda s: "; ".join(sorted(s))),
                population_2019=("population_2019", "sum"), is_lower_bound=("is_lower_bound", "any"))
           .reset_index().drop(columns=["_alone", "_since"]))
    out = out.merge(merged_count, left_on="new_province_2025", right_index=True, how="left")
    out["value"] = out["value"].round().astype("Int64")
    out["per_100k"] = out["value"].astype("Float64") / out["population_2019"] * 100_000
    out["how"] = [_sum_note(r.n_provinces, r.n_provinces_total, r.as_of, r.provinces) for r in out.itertuples()]
    return out[columns].sort_values(["metric", "period", "value"], ascending=[True, True, False],
                                    kind="stable").reset_index(drop=True)


def _sum_note(n: int, total: int, as_of: str, provinces: str) -> str:
    """Say how a successor's figure was made: one province's figure, or a sum of n of its provinces on one date."""
    if n == 1:
        return f"figure of {provinces} only ({total - 1} other merged province(s) have none dated {as_of})" \
            if total > 1 else f"figure of {provinces}"
    whole = "all" if n == total else f"{n} of {total}"
    return f"sum of {whole} merged provinces' figures, all dated {as_of}"


# --------------------------------------------------------------------------- official figures

class _OfficialIndex:
    """Fast look-ups in the official series: values on a date, and sums over date ranges (flagged rows left out)."""

    def __init__(self, official: pd.DataFrame) -> None:
        off = official.copy()
        off["date"] = pd.to_datetime(off["date"])
        if "series" not in off.columns:
            off["series"] = off["source"].map(_series_of) if "source" in off.columns else "NCSC"
        if "flagged" not in off.columns:
            off["flagged"] = off["note"].notna() if "note" in off.columns else False
        self.vnexpress = self._by_province(off[(off["series"] == "VnExpress") & (off["metric"] == _VNEXPRESS_METRIC)])
        ncsc = off[(off["series"] == "NCSC") & ~off["flagged"].astype(bool)]
        self.ncsc_daily = {m: self._by_province(ncsc[ncsc["metric"] == m]) for m in ("confirmed_new", "deaths_new")}
        self.ncsc_cum = {m: {p: s.cumsum() for p, s in d.items()} for m, d in self.ncsc_daily.items()}
        ncsc_dates = off.loc[off["series"] == "NCSC", "date"]
        self.ncsc_span = (ncsc_dates.min(), ncsc_dates.max()) if len(ncsc_dates) else (pd.NaT, pd.NaT)

    @staticmethod
    def _by_province(rows: pd.DataFrame) -> dict[str, pd.Series]:
        return {p: g.groupby("date")["value"].sum().sort_index() for p, g in rows.groupby("province")}

    def covers(self, day: pd.Timestamp) -> bool:
        start, end = self.ncsc_span
        return pd.notna(start) and start <= day <= end

    def ncsc_sum(self, metric: str, province: str, start: pd.Timestamp, end: pd.Timestamp) -> float:
        cum = self.ncsc_cum[metric].get(province)
        if cum is None:
            return np.nan
        before = cum.asof(start - pd.Timedelta(days=1)) if start > cum.index[0] else 0
        upto = cum.asof(end) if end >= cum.index[0] else 0
        return float(upto - (0 if pd.isna(before) else before))

    def ncsc_day(self, metric: str, province: str, day: pd.Timestamp) -> float:
        daily = self.ncsc_daily[metric].get(province)
        return float(daily[day]) if daily is not None and day in daily.index else np.nan

    def vnexpress_asof(self, province: str, day: pd.Timestamp, lag_days: int) -> tuple[float, pd.Timestamp]:
        series = self.vnexpress.get(province)
        if series is None:
            return np.nan, pd.NaT
        window = series[(series.index <= day) & (series.index >= day - pd.Timedelta(days=lag_days))]
        return (float(window.iloc[-1]), window.index[-1]) if len(window) else (np.nan, pd.NaT)


@lru_cache(maxsize=1)
def _default_index() -> _OfficialIndex:
    return _OfficialIndex(_official_cached())


def _no_match(status: str) -> dict:
    return {"official_series": None, "official_value": np.nan, "official_start": pd.NaT, "official_date": pd.NaT,
            "official_window_sum": np.nan, "status": status}


def _official_confirmed(idx: _OfficialIndex, province: str, day: pd.Timestamp, window_days: int) -> dict:
    if day >= FOURTH_WAVE_START:
        value, when = idx.vnexpress_asof(province, day, window_days)
        if pd.notna(value):
            return {**_no_match("compared"), "official_series": f"VnExpress {_VNEXPRESS_METRIC}",
                    "official_value": value, "official_start": FOURTH_WAVE_START, "official_date": when}
    if not idx.covers(day):
        return _no_match("outside official coverage")
    start = FOURTH_WAVE_START if day >= FOURTH_WAVE_START else idx.ncsc_span[0]
    value = idx.ncsc_sum("confirmed_new", province, start, day)
    return {**_no_match("compared"), "official_series": f"NCSC confirmed_new summed {start:%Y-%m-%d}..as_of",
            "official_value": value, "official_start": start, "official_date": day}


def _official_deaths(idx: _OfficialIndex, province: str, day: pd.Timestamp, window_days: int) -> dict:
    if not idx.covers(day):
        return _no_match("outside official coverage")
    start = idx.ncsc_span[0]
    value = idx.ncsc_sum("deaths_new", province, start, day)
    return {**_no_match("compared"), "official_series": f"NCSC deaths_new summed {start:%Y-%m-%d}..as_of",
            "official_value": value, "official_start": start, "official_date": day}


def _official_new_confirmed(idx: _OfficialIndex, province: str, day: pd.Timestamp, window_days: int) -> dict:
    if not idx.covers(day):
        return _no_match("outside official coverage")
    span = pd.Timedelta(days=window_days)
    return {**_no_match("compared"), "official_series": "NCSC confirmed_new on as_of",
            "official_value": idx.ncsc_day("confirmed_new", province, day), "official_start": day,
            "official_date": day,
            "official_window_sum": idx.ncsc_sum("confirmed_new", province, day - span, day + span)}


_OFFICIAL_RULES = {"confirmed": _official_confirmed, "deaths": _official_deaths,
                   "new_confirmed": _official_new_confirmed}
#: The period kinds each official series can be compared with: counts in all, or one day's new cases.
_OFFICIAL_PERIODS = {"confirmed": ("cumulative", UNKNOWN_PERIOD), "deaths": ("cumulative", UNKNOWN_PERIOD),
                     "new_confirmed": ("day", UNKNOWN_PERIOD)}


def _agrees(value: float, official: float, qualifier: str, tolerance: float) -> object:
    """Whether an extracted figure agrees with the official one, read with its qualifier."""
    if pd.isna(official) or pd.isna(value):
        return pd.NA
    if qualifier in LOWER_BOUND_QUALIFIERS:
        return bool(official >= value)
    if qualifier == "less_than":
        return bool(official <= value)
    slack = (2 * tolerance if qualifier == "about" else tolerance) * abs(official)
    return bool(abs(value - official) <= slack)


def official_comparison(case_counts: pd.DataFrame, official: pd.DataFrame | None = None, *,
                        window_days: int = 3, tolerance: float = 0.05, totals_only: bool = True) -> pd.DataFrame:
    """Return each province-level figure beside the official figure for the same province and date.

    The official series per metric (named in ``official_series``):

    * ``confirmed`` dated from 27/4/2021 on: VnExpress's 4th-wave cumulative on ``as_of``
      or the nearest earlier day within ``window_days``; where that is missing (the series
      ends 25/10/2021), NCSC daily cases summed from 27/4/2021 to ``as_of``. Earlier
      ``confirmed`` figures: NCSC daily cases summed from the first day of the series;
    * ``deaths``: NCSC daily deaths summed from the first day of the series to ``as_of``;
    * ``new_confirmed``: the NCSC daily count on ``as_of``, and in ``official_window_sum``
      the sum over ``window_days`` either side (reports are batched across days).

    With ``totals_only`` (default) each article's province figure per metric and date is
    its largest one, the total: breakdowns ("38 ca F1 đã cách ly" of 40 new cases) and
    repeated mentions are not compared. Sums leave out the flagged outlier rows. ``difference`` is value minus official,
    ``difference_pct`` relative to the official. ``agrees`` reads the qualifier: a lower
    bound ("hơn 420.000") agrees when the official figure is at least the value,
    ``less_than`` when at most, ``exact`` within ``tolerance`` (relative), ``about``
    within twice that. ``status`` says why a row has no official figure ("no date",
    "no official series", "period not comparable" (a span, an average or a state against a
    daily or cumulative series), "outside official coverage", "no data for province").
    """
    idx = _default_index() if official is None else _OfficialIndex(official)
    rows = _province_rows(case_counts, parts=not totals_only)
    if "as_of" not in rows.columns:
        rows["as_of"] = pd.NA
    if totals_only and len(rows):
        rows["value"] = pd.to_numeric(rows["value"], errors="coerce")
        top = rows.sort_values("value", kind="stable").groupby(_GROUP, dropna=False, sort=False).tail(1)
        rows = rows.loc[sorted(top.index)].reset_index(drop=True)
    rows["as_of_date"] = _iso_dates(rows["as_of"])
    records = []
    for row in rows.itertuples(index=False):
        rule = _OFFICIAL_RULES.get(row.metric)
        if rule is None:
            found = _no_match("no official series")
        elif row.period not in _OFFICIAL_PERIODS[row.metric]:
            found = _no_match("period not comparable")
        elif pd.isna(row.as_of_date):
            found = _no_match("no date")
        else:
            found = rule(idx, row.province, row.as_of_date, window_days)
            if found["status"] == "compared" and pd.isna(found["official_value"]):
                found = _no_match("no data for province")
        records.append(found)
    found = pd.DataFrame.from_records(records, index=rows.index, columns=list(_no_match("").keys()))
    found["official_series"] = found["official_series"].astype("string")
    found["status"] = found["status"].astype("string")
    out = pd.concat([rows, found], axis=1)
    out["value"] = pd.to_numeric(out["value"], errors="coerce")
    out["difference"] = out["value"] - out["official_value"]
    out["difference_pct"] = out["difference"] / out["official_value"].where(out["official_value"] != 0) * 100
    qualifier = out["qualifier"] if "qualifier" in out.columns else pd.Series("exact", index=out.index)
    out["agrees"] = pd.array([_agrees(v, o, q, tolerance) for v, o, q in
                              zip(out["value"], out["official_value"], qualifier)], dtype="boolean")
    for col in ("official_start", "official_date"):
        out[col] = _date_text(pd.to_datetime(out[col]))
    for col in ("value", "official_value", "official_window_sum", "difference"):
        out[col] = out[col].round().astype("Int64")
    columns = ["article_id", "province", "metric", "qualifier", "value", "as_of", "official_series",
               "official_start", "official_date", "official_value", "official_window_sum", "difference",
               "difference_pct", "agrees", "status", "sentence"]
    for col in columns:
        if col not in out.columns:
            out[col] = pd.NA
    return out[columns].reset_index(drop=True)

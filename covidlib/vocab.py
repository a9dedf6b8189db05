"""The project's vocabulary, in one place: what a figure counts, how exact it is, for whom and over which period.

Every module that writes, checks, draws or narrates a case count takes its names from
here, so a metric, qualifier, scope or period kind has one spelling and one label in
each language. The names follow the gold annotations' own (see ``data/gold/README.md``).

>>> METRIC_LABELS["en"]["new_confirmed"]
('new case', 'new cases')
>>> "average" in PERIODS and "district" in SCOPES
True
"""
from __future__ import annotations

__all__ = [
    "METRICS", "CASE_METRICS", "PEOPLE_METRICS", "QUALIFIERS", "LOWER_BOUND_QUALIFIERS", "SCOPES", "PERIODS",
    "METRIC_LABELS", "QUALIFIER_LABELS", "SCOPE_LABELS", "PERIOD_LABELS",
]

#: What a figure counts. ``confirmed`` is cumulative cases; ``new_confirmed`` cases of a day, a span or a daily average.
METRICS = (
    "confirmed", "new_confirmed", "active", "recovered", "deaths",
    "quarantined", "tested", "vaccinated", "suspected",
)
#: Metrics that count cases (people with the disease), as opposed to contacts, tests or doses.
CASE_METRICS = frozenset({"confirmed", "new_confirmed", "active", "recovered", "deaths", "suspected"})
#: Metrics that count people, so cannot exceed the population they are counted in.
#: Tests (samples, "lượt người") and vaccine doses count events and may exceed it.
PEOPLE_METRICS = frozenset(METRICS) - {"tested", "vaccinated"}

#: How exact a figure is: "hơn"/"trên" = more_than, "khoảng"/"gần" = about, "dưới" = less_than, "ít nhất" = at_least.
QUALIFIERS = ("exact", "more_than", "less_than", "about", "at_least")
#: Qualifiers that make a figure a lower bound of the true value.
LOWER_BOUND_QUALIFIERS = frozenset({"more_than", "at_least"})

#: For whom a figure counts, from the widest population to the narrowest.
SCOPES = ("world", "foreign", "national", "region", "province", "district", "local")
#: Over which time a figure counts: new in one day, new over a span of days, cumulative (since the
#: start of the epidemic or a stated date), a state at a moment, a daily average over a window.
PERIODS = ("day", "span", "cumulative", "snapshot", "average")

#: Labels of each metric: Vietnamese (a noun phrase) and English (singular, plural).
METRIC_LABELS: dict[str, dict[str, object]] = {
    "vi": {
        "confirmed": "ca nhiễm", "new_confirmed": "ca mắc mới", "active": "ca đang điều trị",
        "recovered": "ca khỏi bệnh", "deaths": "ca tử vong", "suspected": "ca nghi nhiễm",
        "tested": "lượt xét nghiệm", "quarantined": "người cách ly", "vaccinated": "liều vaccine đã tiêm",
    },
    "en": {
        "confirmed": ("confirmed case", "confirmed cases"), "new_confirmed": ("new case", "new cases"),
        "active": ("patient under treatment", "patients under treatment"),
        "recovered": ("recovered patient", "recovered patients"), "deaths": ("death", "deaths"),
        "suspected": ("suspected case", "suspected cases"), "tested": ("test", "tests"),
        "quarantined": ("person in quarantine", "people in quarantine"),
        "vaccinated": ("vaccine dose given", "vaccine doses given"),
    },
    # short chart and table labels
    "short": {
        "confirmed": "confirmed", "new_confirmed": "new cases", "active": "under treatment",
        "recovered": "recovered", "deaths": "deaths", "quarantined": "quarantined",
        "tested": "tested", "vaccinated": "vaccinated", "suspected": "suspected",
    },
}
#: Words put before a qualified figure.
QUALIFIER_LABELS = {
    "vi": {"more_than": "hơn ", "about": "khoảng ", "less_than": "dưới ", "at_least": "ít nhất "},
    "en": {"more_than": "more than ", "about": "about ", "less_than": "fewer than ", "at_least": "at least "},
}
#: How a narrative says where a figure counts ({place} is filled in for province, district and local);
#: ``unknown`` is for a figure whose scope the table does not give.
SCOPE_LABELS = {
    "vi": {"world": "trên thế giới", "foreign": "ở nước ngoài", "national": "trên cả nước", "region": "tại nhiều tỉnh, thành",
           "province": "tại {place}", "district": "tại {place}", "local": "tại địa bàn cụ thể thuộc {place}",
           "unknown": "không rõ phạm vi"},
    "en": {"world": "worldwide", "foreign": "abroad", "national": "in Vietnam as a whole",
           "region": "across several provinces", "province": "in {place}", "district": "in {place}",
           "local": "at a single site in {place}", "unknown": "with no stated scope"},
}
#: How a narrative says over which period a figure counts ({start}, {end}, {days} and {date} are filled in).
#: The plain kinds of :data:`PERIODS`, and the variants a narrative needs: ``span_open`` and
#: ``average_open`` when the days are not known, ``span_range`` when the body gives the dates but not the count of days, ``since`` for a cumulative count from a stated
#: date (``since_open`` when that date cannot be written), ``as_of`` after a cumulative or snapshot figure, ``unknown`` when no period is given.
PERIOD_LABELS = {
    "vi": {"day": "trong một ngày", "span": "trong {days} ngày tính đến {end}", "cumulative": "cộng dồn",
           "snapshot": "hiện tại", "average": "trung bình mỗi ngày trong {days} ngày",
           "span_open": "trong nhiều ngày", "average_open": "trung bình mỗi ngày", "since": "từ {start}",
           "since_open": "tính từ một mốc thời gian bài báo nêu", "span_range": "từ {start} đến {end}",
           "as_of": "tính đến {date}", "unknown": "không rõ khoảng thời gian"},
    "en": {"day": "in one day", "span": "over the {days} days to {end}", "cumulative": "in all",
           "snapshot": "at the time", "average": "a daily average over {days} days",
           "span_open": "over several days", "average_open": "a daily average", "since": "since {start}",
           "since_open": "counted from a start date the article gives", "span_range": "from {start} to {end}",
           "as_of": "as of {date}", "unknown": "over a period not stated"},
}

"""What a figure counts: its metric read from its counter, the clause after it, a subject or label, or keywords before it.

Part of the sentence reading of :mod:`covidlib.extract.case_counts`.
"""
from __future__ import annotations

import re

from ..document import Span
from ..vocab import CASE_METRICS
from .count_lexicon import (
    CASE_COUNTERS,
    CLAUSE_END,
    CONTACT_LABEL,
    COPULA_END,
    COUNT_DIGIT,
    CUMULATIVE,
    DOSES_NOT_GIVEN,
    DURING_QUARANTINE,
    EVENTS,
    GIVEN,
    HOUR_WINDOW,
    NEGATION,
    NEW_FLAG,
    NOT_YET,
    NOT_YET_METRICS,
    OWN_CLAUSE_START,
    PATIENT_WORDS,
    SEQUENCING,
    SEVERITY,
    STRICT_CASE_WORDS,
    SUBJECT,
    TERMS,
    THEM,
    WEAK,
    WHEN_BEFORE,
)
from .count_model import Count, PRE_WINDOW, POST_WINDOW

__all__ = [
    "metric_terms",
    "clause_end",
    "post_metric",
    "metric_of_them",
    "subject_metric",
    "label_metric",
    "own_clause",
    "pre_metric",
    "count_region",
    "read_metric",
    "upgrade_new",
]


def metric_terms(text: str, offset: int = 0, *, weak: bool = False) -> list[tuple[int, int, str, str | None, bool]]:
    """Return (start, end, metric, detail, negated) of every metric keyword in ``text``, longest first on ties."""
    hits = []
    for metric, detail, pattern in (WEAK if weak else TERMS):
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 20) : m.start()]
            negated = bool(NEGATION.search(before) or (metric in NOT_YET_METRICS and NOT_YET.search(before)))
            hits.append((m.start() + offset, m.end() + offset, metric, detail, negated))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str, str | None, bool]] = []
    for hit in hits:
        if kept and hit[0] < kept[-1][1]:
            continue  # inside a longer keyword already kept ("cách ly tập trung" over "cách ly")
        kept.append(hit)
    return kept


def clause_end(key: str, start: int, limit: int) -> int:
    m = CLAUSE_END.search(key, start, min(limit, start + POST_WINDOW))
    return m.start() if m else min(limit, start + POST_WINDOW)


def post_metric(key: str, count: Count, sent: Span, *, case_list: bool) -> tuple[str, str | None] | None:
    """Metric named right after the counter ("78 trường hợp tử vong"), within the clause."""
    end = clause_end(key, count.counter_end, sent.end)
    restricted = count.counter in CASE_COUNTERS or case_list
    terms = metric_terms(key[count.counter_end : end], count.counter_end)
    for k, (start, stop, metric, detail, negated) in enumerate(terms):
        if negated:
            continue
        if restricted and metric not in CASE_METRICS:
            if metric == "quarantined" and count.counter == "case" and not case_list \
                    and DURING_QUARANTINE.search(key[count.counter_end : start]):
                if PATIENT_WORDS.match(key, count.number.end):
                    return "active", None  # "5.600 F0 đang cách ly tại nhà": patients isolated, in care
                return metric, detail
            continue
        if SEVERITY.fullmatch(key, start, stop) or metric == "confirmed":
            # "2 bệnh nhân nặng đã tử vong", "25 trường hợp mắc COVID-19 ở nước ta tử vong",
            # "9.326 người mắc Covid-19 được công bố khỏi bệnh": what happened to them wins
            event = next((t for t in terms[k + 1 :] if t[2] in EVENTS and not t[4]
                          and not WHEN_BEFORE.search(key, max(0, t[0] - 14), t[0])), None)
            if event is not None:
                return event[2], event[3]
        return metric, detail
    return None


def metric_of_them(key: str, count: Count, sent: Span) -> tuple[str, str | None] | None:
    """Metric said of the figure's people by a later clause that points back at them.

    "... lên tới hơn 21 nghìn trường hợp, toàn bộ các trường hợp này đã được cách ly tại nhà":
    the 21,000 are in home quarantine.
    """
    them = THEM.search(key, count.counter_end, sent.end)
    if them is None or COUNT_DIGIT.search(key, count.counter_end, them.start()):
        return None
    terms = [t for t in metric_terms(key[them.end() : clause_end(key, them.end(), sent.end)], them.end()) if not t[4]]
    return (terms[0][2], terms[0][3]) if terms else None


def subject_metric(key: str, region: tuple[int, int]) -> tuple[str, str | None] | None:
    """Metric named by a subject "số ..." in the region before the number ("Số ca tử vong ... là")."""
    subjects = list(SUBJECT.finditer(key, *region))
    for subject in reversed(subjects):
        terms = [t for t in metric_terms(subject.group("phrase"), subject.start("phrase")) if not t[4]]
        if terms:
            specific = [t for t in terms if t[2] != "confirmed"]
            chosen = (specific or terms)[0]
            return chosen[2], chosen[3]
    return None


def label_metric(key: str, region: tuple[int, int], copula: re.Match[str], *,
                  strict: bool) -> tuple[str, str | None] | None:
    """Metric named by the label of a "label: figure" item ("...; ca tử vong: 23; ca khỏi bệnh: 1.540")."""
    label = own_clause(key, (region[0], copula.start()))
    return pre_metric(key, label, strict=strict)


def own_clause(key: str, region: tuple[int, int]) -> tuple[int, int]:
    """The part of ``region`` after its last comma, semicolon, colon or "và"."""
    cuts = list(OWN_CLAUSE_START.finditer(key, *region))
    return (cuts[-1].end(), region[1]) if cuts else region


def pre_metric(key: str, region: tuple[int, int], *, strict: bool, weak: bool = False) -> tuple[str, str | None] | None:
    """Metric of the nearest keyword before the number."""
    terms = [t for t in metric_terms(key[region[0] : region[1]], region[0], weak=weak) if not t[4]]
    if strict:
        terms = [t for t in terms if t[2] in CASE_METRICS]
    if not terms:
        return None
    nearest = max(terms, key=lambda t: t[1])
    return nearest[2], nearest[3]


def count_region(counts: list[Count], i: int, sent: Span) -> tuple[int, int]:
    """Text before count ``i`` that belongs to it: after the previous figure, at most a window long."""
    start = max(sent.start, counts[i].number.start - PRE_WINDOW)
    if i > 0:
        start = max(start, counts[i - 1].counter_end)
    return start, counts[i].number.start


def read_metric(key: str, counts: list[Count], i: int, sent: Span, governing: Count | None) -> None:
    """Decide ``metric``, ``detail`` and ``evidence`` of count ``i``."""
    count = counts[i]
    previous = counts[i - 1] if i > 0 else governing
    case_list = previous is not None and previous.metric in CASE_METRICS
    region = count_region(counts, i, sent)
    strict = bool(STRICT_CASE_WORDS.match(key, count.number.end))
    if count.counter == "contact":
        said = post_metric(key, count, sent, case_list=False) or pre_metric(key, own_clause(key, region), strict=False)
        if said is not None and said[0] == "tested":
            count.metric, count.evidence = "tested", "counter"
        else:
            count.metric, count.detail, count.evidence = "quarantined", count.contact, "counter"
        return
    if count.counter == "sample":
        if not SEQUENCING.search(key, sent.start, sent.end):
            count.metric, count.evidence = "tested", "counter"
        return
    if count.counter == "dose":
        given = GIVEN.search(key, count.number.end, count.counter_end) or GIVEN.search(key, *region) \
            or GIVEN.search(key, count.counter_end, clause_end(key, count.counter_end, sent.end))
        listed = previous is not None and previous.metric == "vaccinated" and i > 0
        if (given or listed) and not DOSES_NOT_GIVEN.search(key, *own_clause(key, region)):
            count.metric, count.evidence = "vaccinated", "counter"
        return
    own = own_clause(key, region)
    labelled = COPULA_END.search(key, *region)
    contact = CONTACT_LABEL.search(key, *own) if labelled else None
    if contact is not None:  # "6 ca F1, F2 là 14 ca": the label names the contacts counted
        count.metric, count.detail, count.evidence = "quarantined", contact.group(1).upper(), "label"
        return
    readers = (
        ("subject", lambda: subject_metric(key, region) if labelled else None),
        ("label", lambda: label_metric(key, region, labelled, strict=strict) if labelled else None),
        ("post", lambda: post_metric(key, count, sent, case_list=case_list)),
        ("subject", lambda: subject_metric(key, region)),
        ("pre", lambda: pre_metric(key, own, strict=strict)),
        ("pre", lambda: None if case_list else pre_metric(key, region, strict=strict)),
        ("post", lambda: metric_of_them(key, count, sent)),
    )
    for evidence, read in readers:
        found = read()
        if found is not None:
            count.metric, count.detail = found
            count.evidence = evidence
            return
    if previous is not None and previous.metric is not None:
        count.metric = previous.metric
        count.detail = previous.detail if previous.metric == "quarantined" and i > 0 else None
        count.evidence = "list" if i > 0 else "breakdown"
        return
    end = clause_end(key, count.counter_end, sent.end)
    # a list opened by a colon names its cases before the colon ("ghi nhận ca bệnh trong ngày: TP.HCM (1.523)")
    if metric_terms(key[count.counter_end : end], weak=True) \
            or (count.counter != "person" and pre_metric(key, region, strict=False, weak=True)):
        count.metric, count.evidence = "confirmed", "weak"
        return
    count.evidence = "none"


def upgrade_new(key: str, counts: list[Count], i: int, sent: Span, previous_metric: str | None) -> None:
    """Tell new from cumulative confirmed figures by the words of the figure's clause and sentence.

    A confirmed figure is new when its clause (or, failing a cumulative word there, the
    sentence before it) says "mới", "thêm", "trong ngày" or gives a 24-hour window, or when
    it follows a report of new cases and nothing in its sentence makes it cumulative. A
    figure that inherited ``new_confirmed`` from a list is cumulative again when its own
    clause says so ("nâng tổng số ca lên 105 ca").
    """
    count = counts[i]
    region = count_region(counts, i, sent)
    own = own_clause(key, region)
    post_end = clause_end(key, count.counter_end, sent.end)
    own_text = key[own[0] : post_end]
    if count.metric == "new_confirmed" and count.evidence in ("list", "breakdown", "default"):
        said = own_text if count.evidence != "default" else key[sent.start : post_end]
        if CUMULATIVE.search(said):
            count.metric = "confirmed"
        return
    if count.metric != "confirmed":
        return
    counted = key[count.number.start : post_end]  # the figure, its noun and what follows it
    if NEW_FLAG.search(counted) and not CUMULATIVE.search(counted):
        count.metric = "new_confirmed"  # "đã có 5 ca mắc mới"
        return
    if CUMULATIVE.search(own_text):
        return
    if NEW_FLAG.search(own_text):
        count.metric = "new_confirmed"
        return
    wider = key[region[0] : post_end]
    if CUMULATIVE.search(wider):
        return
    if NEW_FLAG.search(wider) or HOUR_WINDOW.search(key, sent.start, count.number.start):
        count.metric = "new_confirmed"
        return
    if previous_metric == "new_confirmed" and not CUMULATIVE.search(key[sent.start : sent.end]):
        count.metric = "new_confirmed"

"""The extractors on text nobody tuned them on: bulletins, provincial reports, officials, distractors.

Each row of ``tests/fixtures/extract_sentences.jsonl`` holds a sentence or short paragraph
(``body``, published ``published``) of the kinds that fill Vietnamese COVID-19
news of 2020-2022 (Ministry of Health bulletins, provincial and district reports, names of
officials in their many patterns, numbers that are not counts) with the facts a careful
reader finds in them, following the gold conventions (``data/gold/README.md``): a count is
value + metric + province (None for national or world figures); day-over-day changes,
doses received, targets, beds, money, phone and document numbers are not counts; a named
person with a role or a professional title written next to the name is an official.
Paragraphs are separated by a newline, as :func:`~covidlib.text.article.article_from_body` reads them.
A row states what it checks in the gold's fields (``case_counts``, ``provinces``, ``officials``;
an empty list means the text must give nothing), has a slug ``id`` that names its test case
and a ``why``, and is scored by the gold's matching code (``covidlib.quality.evaluate``) as well
as exactly: counts compare on every key the row's counts carry, ``detail`` rows compare the
quarantine figures in order, and a title with ``title_match: exact`` must equal the role
written (otherwise it must agree with one of ``title`` and ``other_titles``).

Where the gold README leaves room, these rows choose: a professional title alone
("bác sĩ Trương Hữu Khanh", "PGS.TS Trần Đắc Phu") is the role written next to the name; a
total spread over several provinces ("127 ca tại TP.HCM (98), Bình Dương (16)") and a figure
of a national round-up with no place of its own have no province.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from covidlib.document import Article
from covidlib.text.article import article_from_body
from covidlib.quality.evaluate import match_case_counts, name_key, score_officials, score_sets, title_agrees
from covidlib.extract.case_counts import case_count_rows
from covidlib.parse.numbers import parse_number
from covidlib.run.pipeline import article_facts

FIXTURE = Path(__file__).parents[1] / "fixtures" / "extract_sentences.jsonl"
ROWS = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
PLAIN_KEYS = ("value", "metric", "province")


def _rows_with(key: str) -> list:
    """The fixture rows that state ``key``, each as a test case named by its id."""
    return [pytest.param(row, id=row["id"]) for row in ROWS if key in row]


def _facts(row: dict) -> tuple[Article, dict]:
    article = article_from_body(row["body"], published=row["published"])
    return article, article_facts(article)


@pytest.mark.parametrize("row", _rows_with("case_counts"))
def test_case_counts(row):
    article, facts = _facts(row)
    rows = case_count_rows(article, facts["case_counts"])
    for found in rows:  # every figure points at its number in the body
        assert parse_number(article.body[found["start"] : found["end"]]) == found["value"], found
    gold = row["case_counts"]
    if any("detail" in g for g in gold):  # the kind of quarantine, figure by figure in order
        assert [(r["value"], r["detail"]) for r in rows if r["metric"] == "quarantined"] == \
            [(g["value"], g["detail"]) for g in gold]
        return
    keys = [k for k in ("value", "metric", "province", "district", "qualifier", "as_of") if gold and k in gold[0]]
    keys = keys or list(PLAIN_KEYS)
    assert Counter(tuple(r[k] for k in keys) for r in rows) == Counter(tuple(g[k] for k in keys) for g in gold)
    pairs, unmatched, missed = match_case_counts(rows, gold)
    assert (len(pairs), unmatched, missed) == (len(gold), [], [])


@pytest.mark.parametrize("row", _rows_with("provinces"))
def test_provinces(row):
    _, facts = _facts(row)
    found = {s.data["province"] for s in facts["places"]}
    assert found == set(row["provinces"])
    score = score_sets(found, row["provinces"])
    assert (score.fp, score.fn) == (0, 0)


@pytest.mark.parametrize("row", _rows_with("officials"))
def test_officials(row):
    article, facts = _facts(row)
    for span in facts["officials"]:
        assert article.text(span) == span.data["name"]
    found = {name_key(s.data["name"]): s.data for s in facts["officials"]}
    gold = row["officials"]
    assert set(found) == {name_key(g["name"]) for g in gold}
    score = score_officials(list(found.values()), gold)
    assert (score.fp, score.fn) == (0, 0)
    for g in gold:
        if g["title"] is None:
            continue
        data = found[name_key(g["name"])]
        if g.get("title_match") == "exact":
            assert name_key(data["title"]) == name_key(g["title"]), data
        else:
            written = [data["title"], *data.get("roles", [])]
            wanted = [g["title"], *g.get("other_titles", [])]
            assert any(title_agrees(w, t) for w in written for t in wanted), data

"""Title, publish date, author and body bounds on portal page layouts written for these tests.

Each row of ``tests/fixtures/layouts_<mechanism>.jsonl`` is a self-written page shaped like
the provincial and district portals, bulletins and live timelines users bring, with what a
careful reader writes down for it in the gold schema (``title``, ``published``, ``author``,
``body_first_sentence``, ``body_last_sentence``) and ``why`` it is there. Rows marked as a
"tempting wrong choice" hold a candidate that must not be taken. ``date_note_has`` is a phrase
the date note must contain when the page offers competing, out-of-span or impossible dates.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from covidlib.quality.evaluate import name_key
from covidlib.normalize import normalize_page
from covidlib.text.article import build_article
from covidlib.text.clean import split_site_tag

FIXTURES = Path(__file__).parent / "fixtures"
MECHANISMS = ("dates", "titles", "authors", "body")


def _rows() -> list[dict]:
    rows = []
    for mechanism in MECHANISMS:
        with open(FIXTURES / f"layouts_{mechanism}.jsonl", encoding="utf-8") as handle:
            rows.extend({**json.loads(line), "mechanism": mechanism} for line in handle if line.strip())
    return rows


ROWS = _rows()


def _flat(text: str) -> str:
    return " ".join(normalize_page(text).split())


def _without_tag(text: str) -> str:
    return text[split_site_tag(text)[1] :]


def _article(row: dict):
    return build_article(row["page"], article_id=row["id"], file=f"{row['id']}.txt")


def test_every_mechanism_has_layouts_and_a_tempting_wrong_choice():
    for mechanism in ("dates", "titles", "authors", "body"):
        rows = [r for r in ROWS if r["mechanism"] == mechanism]
        assert len(rows) >= 5
        assert any("tempting wrong choice" in r["why"] for r in rows)
    assert len({r["id"] for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['mechanism']}-{r['id']}" for r in ROWS])
def test_layout_fields(row):
    article = _article(row)
    meta = article.metadata
    body = _flat(article.body)
    first, last = _flat(row["body_first_sentence"]), _flat(row["body_last_sentence"])
    checks = {
        "title": name_key(meta.title) == name_key(row["title"]),
        "published": meta.published == row["published"],
        "author": name_key(meta.author) == name_key(row["author"]),
        "first": any(b.startswith(f) for b in (body, _without_tag(body)) for f in (first, _without_tag(first))),
        "last": body.endswith(last),
    }
    assert all(checks.values()), (
        f"{row['why']}: wrong {[k for k, ok in checks.items() if not ok]}: title={meta.title!r} "
        f"published={meta.published!r} ({meta.date_note!r}) author={meta.author!r} "
        f"body starts {article.body[:70]!r} ends {article.body[-70:]!r}")


@pytest.mark.parametrize("row", [r for r in ROWS if r.get("date_note_has")],
                         ids=[r["id"] for r in ROWS if r.get("date_note_has")])
def test_date_note_explains_the_choice(row):
    note = _article(row).metadata.date_note
    assert note and row["date_note_has"] in note


@pytest.mark.parametrize("row", [r for r in ROWS if r["title"]], ids=[r["id"] for r in ROWS if r["title"]])
def test_title_note_says_where_the_title_came_from(row):
    assert _article(row).metadata.title_note


@pytest.mark.parametrize("row", [r for r in ROWS if r["author"]], ids=[r["id"] for r in ROWS if r["author"]])
def test_author_note_says_where_the_author_came_from(row):
    assert _article(row).metadata.author_note

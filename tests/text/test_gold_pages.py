"""The cleaner and metadata reader against the gold: the five seeds exactly, the dev pages nearly all."""
from __future__ import annotations

from covidlib.text.article import build_article
from covidlib.text.clean import split_site_tag
from covidlib.quality.evaluate import name_key
from covidlib.normalize import normalize_page

DEV_REQUIRED = 11  # of the twelve dev pages, right on title, published and body bounds


def _article(record: dict):
    page = record["path"].read_text(encoding="utf-8")
    return build_article(page, article_id=record["path"].stem, file=record["file"])


def _without_tag(text: str) -> str:
    _, length = split_site_tag(text)
    return text[length:]


def starts_right(body: str, first: str) -> bool:
    """The body starts with the gold first sentence; a leading site tag may be on either side."""
    first = normalize_page(first).strip()
    return any(b.startswith(f) for b in (body, _without_tag(body)) for f in (first, _without_tag(first)))


def ends_right(body: str, last: str) -> bool:
    return body.endswith(normalize_page(last).strip())


def _checks(record: dict, article) -> dict[str, bool]:
    meta = article.metadata
    return {
        "title": meta.title == normalize_page(record["title"]),
        "published": meta.published == record["published"] and (meta.published is not None or bool(meta.date_note)),
        "start": starts_right(article.body, record["body_first_sentence"]),
        "end": ends_right(article.body, record["body_last_sentence"]),
        "author": meta.author == record.get("author"),
    }


def _report(record: dict, article, checks: dict[str, bool]) -> str:
    meta = article.metadata
    wrong = [k for k, ok in checks.items() if not ok]
    return (f"{record['file']}: wrong {wrong}; title={meta.title!r} published={meta.published!r} "
            f"author={meta.author!r} body starts {article.body[:60]!r} ends {article.body[-60:]!r}")


def test_seeds_match_gold_exactly(seeds_gold):
    failures = []
    for record in seeds_gold:
        article = _article(record)
        checks = _checks(record, article)
        if not all(checks.values()) or article.status != "ok":
            failures.append(_report(record, article, checks))
    assert not failures, "\n".join(failures)


def test_seed_date_note_when_no_date(seeds_gold):
    for record in seeds_gold:
        meta = _article(record).metadata
        if record["published"] is None:
            assert meta.published is None and meta.date_note, record["file"]
        else:
            assert meta.date_note is None, record["file"]


def test_seed_boilerplate_people_not_in_body(seeds_gold):
    for record in seeds_gold:
        article = _article(record)
        body_key = name_key(article.body)
        for person in record.get("boilerplate_people") or []:
            assert name_key(person) not in body_key, f"{person} from the furniture is in the body of {record['file']}"
            assert name_key(person) in name_key(article.page)  # the name is on the page, so the test can fail


def test_seed_site_tags_recorded(seeds_gold):
    for record in seeds_gold:
        article = _article(record)
        tag, _ = split_site_tag(normalize_page(record["body_first_sentence"]))
        if tag:
            assert article.metadata.site == tag, record["file"]


def test_dev_pages_title_date_and_body_bounds(dev_gold):
    right, failures = 0, []
    for record in dev_gold:
        article = _article(record)
        checks = _checks(record, article)
        if all(checks[k] for k in ("title", "published", "start", "end")):
            right += 1
        else:
            failures.append(_report(record, article, checks))
    print(f"dev pages right on title, published and body bounds: {right}/{len(dev_gold)}")
    for line in failures:
        print("  ", line)
    assert right >= DEV_REQUIRED, "\n".join(failures)


def test_dev_pages_author(dev_gold):
    given = [r for r in dev_gold if r.get("author")]
    assert given, "the dev gold names some authors"
    for record in given:
        assert _article(record).metadata.author == record["author"], record["file"]
    right = sum(_article(r).metadata.author == r.get("author") for r in dev_gold)
    print(f"dev pages right on author (None where the page names none): {right}/{len(dev_gold)}")
    assert right >= DEV_REQUIRED


def test_dev_pages_inline_non_body_lines_removed(dev_gold):
    for record in dev_gold:
        body = _article(record).body
        for line in record.get("inline_non_body_lines") or []:
            assert normalize_page(line).strip() not in body.split("\n\n"), f"{line!r} left in {record['file']}"

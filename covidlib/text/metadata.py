"""What a page says about its article: title, publish date and time, author and site tag.

The cleaner (:mod:`covidlib.text.clean`) finds *where* the title, the date line and the
bylines are, with the line recognisers of :mod:`covidlib.text.lines`; this module reads them. Dates become ISO text
(``"2021-10-08T19:00"``, or ``"2021-05-29"`` when the page gives no time); a date
without a year is never completed by guessing: ``published`` stays ``None`` and
``date_note`` says why.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any, Mapping

from ..document import Metadata
from ..normalize import collapse_spaces
from .clean import Cleaned
from ..parse.dates import EPIDEMIC_YEARS
from .lines import (CREDIT, OUTLET_HINT, author_from_byline, byline_names, find_date, find_relative_time,
                    impossible_date, is_signature, name_beside_date, site_from_source, yearless_dates)

__all__ = ["read_metadata", "title_hints", "title_candidates", "TITLE_HINT_KEYS"]


# --- reading a cleaned page ----------------------------------------------

def _hint(hints: Mapping[str, Any] | None, key: str) -> str | None:
    value = (hints or {}).get(key)
    if value is None:
        return None
    value = collapse_spaces(str(value))
    return value or None


_BYLINE_PLACE = "after the body, beside the byline"
_HEAD_PLACES = frozenset({"above the title", "in the page head"})


def _years() -> str:
    return f"{EPIDEMIC_YEARS.start}-{EPIDEMIC_YEARS.stop - 1}"


def _published(cleaned: Cleaned) -> tuple[str | None, str | None]:
    """Return (ISO date or None, note) from the page's date lines, never guessing a year.

    The date lines come most trusted first (see :func:`covidlib.text.clean.clean_page`); the
    first full date inside the epidemic's years wins, except that a date above the title later
    than the one beside the byline after the body is the site's clock. The note says which line was chosen over
    which (the site's clock, a date line elsewhere), and flags dates outside the epidemic's years
    ("01/01/1900", "2099") and impossible dates ("31/2/2021"), which are never used.
    """
    page = cleaned.page
    yearless: list[str] = []
    relative: list[str] = []
    flagged: list[str] = []
    chosen: tuple[str, str, str] | None = None  # (iso, line, place)
    passed: list[str] = []
    byline_dates: list[tuple[str, str, str]] = []
    for span in cleaned.datelines:
        line = collapse_spaces(span.text(page))
        place = span.data.get("place", "on the page")
        found = find_date(line)
        if found is not None and found.year not in EPIDEMIC_YEARS:
            flagged.append(f"the date line '{line}' gives the year {found.year}, outside the epidemic "
                           f"({_years()}); not used")
        elif found is not None:
            if place == _BYLINE_PLACE:
                byline_dates.append((found.iso, line, place))
            if chosen is None:
                chosen = (found.iso, line, place)
            elif found.iso[:10] == chosen[0][:10] and len(found.iso) > len(chosen[0]):
                chosen = (found.iso, chosen[1], chosen[2])  # the same day, with its time from the other line
            elif found.iso[:10] != chosen[0][:10]:
                passed.append(f"'{line}' ({place}) is not")
            continue
        elif (bad := impossible_date(line)) is not None:
            flagged.append(f"impossible date {line[bad[0]:bad[1]]} on the date line '{line}'; not used")
        yearless.extend(line[d.start : d.end] for d in yearless_dates(line))
        if (where := find_relative_time(line)) is not None:
            relative.append(line[where[0] : where[1]])
    if chosen is not None and chosen[2] in _HEAD_PLACES:
        later_than = [c for c in byline_dates if c[0][:10] < chosen[0][:10]]
        if later_than:  # the header's date is after the byline's: it is the day the page was saved
            passed = [f"'{chosen[1]}' ({chosen[2]}) is later than the byline's date, so it is the site's clock"]
            chosen = later_than[0]
    if chosen is not None:
        choice = [f"the date line '{chosen[1]}' ({chosen[2]}) is the article's; " + "; ".join(passed)] if passed else []
        return chosen[0], "; ".join(choice + flagged) or None
    if flagged:
        return None, "; ".join(flagged)
    if yearless:
        return None, f"the date line gives '{yearless[0]}' without a year; the year is not guessed"
    if relative:
        return None, f"the page gives only '{relative[0]}', a time relative to when it was saved; no date is guessed"
    mentions = yearless_dates(cleaned.body[:600])
    if mentions:
        m = mentions[0]
        return None, (f"the page has no date line; the body mentions '{cleaned.body[m.start:m.end]}' "
                      "without a year, so the year is not guessed")
    return None, "the page gives no publication date"


_BYLINE_FORMS = {"prefix": "the byline", "source": "the source line", "name": "the name line after the body",
                 "dateline": "the date line"}


def _author(cleaned: Cleaned) -> tuple[str | None, str | None]:
    """Return (author, note) from the bylines the cleaner found (prefixed forms first); the note says where."""
    page = cleaned.page
    ranked = sorted(cleaned.bylines, key=lambda s: {"prefix": 0, "source": 1, "name": 2, "dateline": 3}.get(
        s.data.get("form", ""), 4))
    photo = [f"'{collapse_spaces(s.text(page))}'" for s in cleaned.furniture if s.label == "photo_credit"]
    for span in ranked:
        line = collapse_spaces(span.text(page))
        name = name_beside_date(line) if span.data.get("form") == "dateline" else author_from_byline(line)
        if name:
            where = _BYLINE_FORMS.get(span.data.get("form", ""), "a byline")
            kind = "a signature in" if is_signature(line) else "from"
            note = f"{kind} {where} '{line}'"
            if photo:
                note += f"; the photo credit {photo[0]} names the photographer, not the writer"
            return name, note
    return None, None


def _site(cleaned: Cleaned) -> str | None:
    if cleaned.site:
        return cleaned.site
    for span in cleaned.bylines:
        if span.data.get("form") == "source":
            site = site_from_source(span.text(cleaned.page))
            if site:
                return site
    return None


#: Hint keys that may hold the title, best first (``h1`` and ``og_title`` come from HTML pages).
TITLE_HINT_KEYS = ("title", "h1", "og_title")
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_MIN_TITLE_WORDS = 4
_MAX_SITE_WORDS = 10  # a site name a page line confirms ("Cổng thông tin điện tử tỉnh Hà Tĩnh")
_MAX_SUFFIX_WORDS = 6  # a suffix cut off unconfirmed
_VIETNAM_TIME = timezone(timedelta(hours=7))


def title_hints(hints: Mapping[str, Any] | None) -> list[str]:
    """Return the non-empty title hints (``title``, ``h1``, ``og_title``) in order of trust."""
    return [value for key in TITLE_HINT_KEYS if (value := _hint(hints, key))]


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _site_names(hints: Mapping[str, Any] | None) -> set[str]:
    """Return keys of the site's own name: the ``site`` hint and the part a page ``title`` puts after its headline.

    "Lộc Hà phong tỏa hai thôn - Cổng thông tin điện tử tỉnh Hà Tĩnh" names the site
    "Cổng thông tin điện tử tỉnh Hà Tĩnh"; an ``h1`` that says only that is the logo.
    """
    names = {_key(site)} if (site := _hint(hints, "site")) else set()
    title = _hint(hints, "title")
    parts = _SITE_SUFFIX.split(title) if title else []
    if len(parts) > 1 and len(parts[0].split()) >= _MIN_TITLE_WORDS and len(parts[-1].split()) <= _MAX_SITE_WORDS:
        names.add(_key(parts[-1]))
    return names


def _without_site(title: str, sites: set[str], *, max_words: int = _MAX_SITE_WORDS) -> list[str]:
    """Return shorter forms of a title hint with a site name cut off its end, longest first.

    A cut is made at a separator ("|", " - ") when what follows is a known site name or
    at most ``max_words`` words, and what stays has at least four words.
    """
    forms = []
    for sep in reversed(list(_SITE_SUFFIX.finditer(title))):
        head, tail = title[: sep.start()].strip(), title[sep.end() :].strip()
        if len(head.split()) < _MIN_TITLE_WORDS:
            break
        if len(tail.split()) <= max_words or _key(tail) in sites:
            forms.append(head)
    return forms


def title_candidates(hints: Mapping[str, Any] | None) -> list[str]:
    """Return the title hints in order of trust, each followed by its forms without a site name; site names dropped.

    >>> title_candidates({"title": "Hà Nội thêm 12 ca mắc mới - Báo Tin Nhanh", "h1": "Báo Tin Nhanh"})
    ['Hà Nội thêm 12 ca mắc mới - Báo Tin Nhanh', 'Hà Nội thêm 12 ca mắc mới']
    """
    sites = _site_names(hints)
    result: list[str] = []
    for value in title_hints(hints):
        for form in (value, *_without_site(value, sites)):
            if _key(form) not in sites and form not in result:
                result.append(form)
    return result


def _strip_site_suffix(title: str, sites: set[str]) -> str:
    """Drop a site name after the headline ("Hà Nội thêm 12 ca | Báo Sức khỏe" -> "Hà Nội thêm 12 ca")."""
    forms = _without_site(title, sites, max_words=_MAX_SUFFIX_WORDS)
    return forms[0] if forms else title


def _title(cleaned: Cleaned, hints: Mapping[str, Any] | None) -> tuple[str | None, str | None]:
    """Return (title, note): a hint the page shows as a line, else the first hint without its site name, else the page's."""
    page_title = collapse_spaces(cleaned.title.text(cleaned.page)) if cleaned.title else None
    candidates = title_candidates(hints)
    if not candidates:
        return page_title, cleaned.title.data.get("why") if cleaned.title and cleaned.title.data else None
    lines = {_key(line) for line in cleaned.page.split("\n")}
    for candidate in candidates:
        if _key(candidate) in lines:
            return candidate, "the title hint, shown on the page as a line"
    return _strip_site_suffix(candidates[0], _site_names(hints)), "the title hint, without the site's name"


def _author_hint(hints: Mapping[str, Any] | None) -> str | None:
    """Return the ``author`` hint unless it names the outlet ("Báo Tin Nhanh", "VnExpress") rather than a person."""
    value = _hint(hints, "author")
    if not value or _key(value) in _site_names(hints) or CREDIT.match(value):
        return None
    if OUTLET_HINT.search(value):
        return byline_names(value)  # "Lê Nga - VnExpress" names a reporter; "Thanh Niên" does not
    return value


def _iso_from_hint(value: str) -> str | None:
    """Return the ISO date of a hint; a timestamp with a zone is given in Vietnam time (UTC+7)."""
    try:
        stamp = datetime.fromisoformat(value.strip())
    except ValueError:
        found = find_date(value)
        return found.iso if found else None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(_VIETNAM_TIME)
    has_time = bool(re.search(r"\d[T ]\d", value))
    return stamp.strftime("%Y-%m-%dT%H:%M" if has_time else "%Y-%m-%d")


def read_metadata(cleaned: Cleaned, *, hints: Mapping[str, Any] | None = None) -> Metadata:
    """Return the title, publish date, author and site tag of a cleaned page.

    ``hints`` (``title``/``h1``/``og_title``, ``published``, ``author``, ``site``, e.g.
    from HTML meta tags or JSON fields) win over what the page text says; a hinted
    day without a time keeps the page's time for that same day.
    """
    published, note = _published(cleaned)
    hinted = _hint(hints, "published")
    if hinted:
        iso = _iso_from_hint(hinted)
        if iso and int(iso[:4]) not in EPIDEMIC_YEARS:
            note = "; ".join(filter(None, [f"the published hint '{hinted}' gives the year {iso[:4]}, outside the "
                                           f"epidemic ({_years()}); not used", note]))
        elif iso and not (published and len(iso) == 10 and published.startswith(iso)):
            published, note = iso, None
        elif not iso and published is None:
            note = f"the published hint '{hinted}' is not a full date; {note}"
    hinted_author = _author_hint(hints)
    author, author_note = (hinted_author, "the page's author field") if hinted_author else _author(cleaned)
    site = _hint(hints, "site") or _site(cleaned)
    title, title_note = _title(cleaned, hints)
    return Metadata(title=title, published=published, date_note=note, author=author, site=site,
                    title_note=title_note, author_note=author_note)

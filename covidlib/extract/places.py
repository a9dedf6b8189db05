"""Province and district mentions in an article body, and the article's home province.

:func:`extract_places` finds every name of the gazetteer (province aliases and district
names) in ``article.body_key``, longest first and as whole words, so offsets are body
offsets. The word before a name decides what it is:

* ``tỉnh X`` is always the province;
* ``huyện / quận / thị xã / thành phố / TP / TX / H. / Q. X`` is the district X ("huyện Điện
  Biên" is a district of Điện Biên), except ``thành phố / TP`` before one of the five
  centrally-run cities ("TP.HCM", "TP Hà Nội"), which is the province;
* ``xã / phường / thị trấn / đường / phố / ngõ / ...`` X is a smaller unit or a street: no place;
* a bare province name is the province; a bare ``Huế``, ``Vũng Tàu``, ``Bà Rịa`` is the city.

A district implies its province. Bare district names are riskier (people's names, streets,
wards), so a bare district is kept when its province is named in the article, or when the
name is unambiguous and long enough; a district name shared by several provinces is
resolved by the provinces the article names. A bare or listed district ("các huyện X, Y")
that follows another province in its sentence but belongs to no province the article names
is read as a unit inside that province and dropped ("... các tỉnh Bắc Giang, Bắc Ninh; trừ
các huyện Lâm Thao ...").
Names inside a longer name of something else ("Thái Bình Dương", the Pacific) are not places.
Names inside a person's name ("Nguyễn Thanh Bình") or right after a personal title
("ông", "bà", "đồng chí", ranks) are not places; nor is a bare district name used as a
person's (a byline "THANH SƠN (TTXVN)", a credit "Ảnh: Hải Hà", a speaker "Thanh Thủy cho
biết") unless its province is named. "thủ đô Hà Nội" is read as "Hà Nội" although the
alias "Thủ đô Hà Nội" wants a capital T.

Bare references ("tỉnh", "thành phố", "Tỉnh ủy", "Thành ủy", "TP" with no name after
them) point at the article's home province: see :func:`home_province` and
:func:`resolve_bare_reference`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable, Sequence

from ..reference import gazetteer, lexicons
from ..document import Article, Span
from ..reference.gazetteer import District, Province, ascii_name_key, name_key
from ..normalize import ascii_fold, fold
from ..text.lines import split_site_tag

__all__ = ["extract_places", "home_province", "stated_home_province", "resolve_bare_reference", "province_table",
           "tag_province"]

# --- the word before a name ------------------------------------------------
_DISTRICT_WORDS = {"thành phố": "thành phố", "tp": "thành phố", "t.p": "thành phố", "thị xã": "thị xã",
                   "tx": "thị xã", "huyện": "huyện", "h": "huyện", "quận": "quận", "q": "quận"}
_WORD_BEFORE = re.compile(
    r"(?<![\w.])(thành phố|thị xã|thị trấn|huyện|quận|tỉnh|phường|xã|tp|t\.p|tx|tt|kp|ấp|thôn|làng|khu phố"
    r"|tổ dân phố|đường|phố|ngõ|ngách|hẻm|kiệt|đại lộ|ngã tư|ngã ba|ngã năm|ngã sáu|vòng xoay|giao lộ"
    r"|sông|hồ|núi|đèo)(?:[ ]*\.[ ]*|[ ]+)$"
    r"|(?<![\w.])([hqp])\.[ ]*$"
)
_PERSONAL_TITLE = re.compile(
    r"(?<![\w])(ông|bà|anh|chị|cô|chú|bác|cụ|cháu|đồng chí|đ/c|bác sĩ|bs|tiến sĩ|ts|thạc sĩ|ths|giáo sư|gs|pgs"
    r"|kỹ sư|nhà báo|nghệ sĩ|thượng tá|trung tá|thiếu tá|đại tá|đại úy|thượng úy|trung úy|thiếu úy"
    r"|thiếu tướng|trung tướng|thượng tướng|đại tướng)[ .]+$"
)
# Kinh family names (data/reference/surnames.csv) and the two middle names that mark a personal
# name before a place-like part ("Nguyễn Thanh Bình", "Lê Văn Phước").
@lru_cache(maxsize=1)
def _person_name_words() -> frozenset[str]:
    surnames = {fold(row["surname"]) for row in lexicons.surnames() if row["group"] == "kinh"}
    return frozenset(surnames | {fold("Văn"), fold("Thị")})


_NUMBER_BEFORE = re.compile(r"\d[ ]*$")
_STREET_NUMBER_AFTER = re.compile(
    r"[ ]+\d+(?:[.,]\d+)*(?![\d])(?![ ]*(?:ca|người|bệnh nhân|trường hợp|f0|f1|mẫu|liều)(?![\w]))"
)
_PLURAL_BEFORE = re.compile(
    r"(?<![\w])(?:các|những|\d+|hai|ba|bốn|năm)[ ]+(?:thành phố|thị xã|huyện|quận|tp|tx)(?:[ ]*\.[ ]*|[ ]+)$"
)
_NEXT_WORD = re.compile(r"[ ]+(\w)")
_NEXT_WORD_START = re.compile(r"\w+\W+")
_OPEN_PAREN = re.compile(r"^[ ]*\([ ]*$")
_CLOSE_PAREN = re.compile(r"^[ ]*\)")
_NUMBERED_QUAN = re.compile(r"(?<![\w.])(?:quận|q)(?:[ ]*\.[ ]*|[ ]+)(\d{1,2})(?![\w]|[.,/]\d)")
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s)|\n+")
_WORD = re.compile(r"\w+")
_LAST_WORD = re.compile(r"(\w+)$")
_TYPE_PREFIX = re.compile(r"^(?:tỉnh|thành phố|tp|t\.p)\.?[ ]*")

# A bare district name that is a person's (a byline, a photo credit, a speaker) counts only where
# its province is named: "Bài, ảnh: Hải Hà", "THANH SƠN (TTXVN)", "Thanh Thủy cho biết".
_CREDIT_BEFORE = re.compile(r"(?<![\w])(?:ảnh|bài|tin|video|clip|nguồn|theo|tác giả|phóng viên|pv|btv)[ ]*[:,]?[ ]*$")
_CREDIT_LINE_HEAD = re.compile(r"^[ ]*(?:(?:bài|tin|ảnh|video|và|nhóm phóng viên)[ ]*[,:và]*[ ]*)*")
_CREDIT_LINE_TAIL = re.compile(r"[ ]*(?:[(\[][^()\[\]\n]{0,40}[)\]])?[ ]*(?:[-–][ ]*[^\n]{0,40})?[ .]*")
_SPEECH_AFTER = re.compile(r"[ ]*,?[ ]*(?:cho biết|cho hay|nói|chia sẻ|kể|tâm sự|bày tỏ|nhớ lại)(?![\w])")

# Longer names that contain a province's name but name something else: the Pacific Ocean.
_NOT_PLACE_COMPOUND = re.compile(r"t(?<![\w]t)hái[ ]+bình[ ]+dương(?![\w])")  # "(?<![\w])thái", the engine skipping ahead to "t"

_MIN_BARE_LETTERS = 5  # a bare district name needs this many letters to stand without its province
# District names that are also everyday words or institution names ("Bệnh viện Thống Nhất",
# "bình minh"): bare, they count only where their province is named.
_EVERYDAY_NAMES = frozenset(fold(w) for w in ("Thống Nhất", "Bình Minh", "Thanh Bình"))


# --- the matching index ----------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Reading:
    """One thing a matched name can be: a province (by an alias) or a district."""

    alias: str
    province: Province
    district: District | None = None
    ambiguous: bool = False


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    alias: str
    province: Province | None = None          # set for province mentions
    candidates: list[District] = field(default_factory=list)  # set for district mentions
    typed: str | None = None                   # district type written before the name
    safe: bool = False                         # bare name that may stand alone
    needs_agreement: bool = False              # kept only if its province is named elsewhere
    in_list: bool = False                      # after a plural type word ("các huyện X, Y")

    @property
    def is_district(self) -> bool:
        return self.province is None


def _is_type_prefixed(alias: str, province_name: str, known: dict[str, str]) -> bool:
    """True for aliases such as "TP.HCM" or "Tỉnh Hà Giang": a type word before another alias of the province."""
    rest = _TYPE_PREFIX.sub("", name_key(alias))
    return rest != name_key(alias) and known.get(rest) == province_name


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[_Reading]], dict[str, list[_Reading]], re.Pattern[str], re.Pattern[str]]:
    """Return (key -> readings, ascii key -> readings, key pattern, ascii pattern) over the gazetteer."""
    by_name = {p.name: p for p in gazetteer.provinces()}
    alias_rows = gazetteer.aliases()
    known = {name_key(a.alias): a.province for a in alias_rows}
    readings: list[_Reading] = []
    for a in alias_rows:
        if _is_type_prefixed(a.alias, a.province, known):
            continue
        if a.ambiguous and not _title_cased(a.alias):  # a common noun ("Thủ đô")
            continue
        readings.append(_Reading(a.alias, by_name[a.province], None, a.ambiguous))
    for d in gazetteer.districts():
        if not d.name[-1].isdigit():
            readings.append(_Reading(d.name, by_name[d.province], d))
    exact: dict[str, list[_Reading]] = {}
    loose: dict[str, list[_Reading]] = {}
    for r in readings:
        exact.setdefault(name_key(r.alias), []).append(r)
        if len(_WORD.findall(r.alias)) > 1:  # diacritic-free matching only for names of two words or more
            loose.setdefault(ascii_name_key(r.alias), []).append(r)
    return exact, loose, _alternation(exact), _alternation(loose)


def _alternation(keys: Iterable[str]) -> re.Pattern[str]:
    """Return a whole-word pattern matching any key, longest first, flexible about spaces and hyphens."""
    def piece(key: str) -> str:
        parts = [re.escape(p).replace(r"\.", r"\.[ ]*") for p in key.split(" ")]
        return "[ ]+".join(parts).replace(r"\-", "[ ]*[-–—][ ]*")
    ordered = sorted(set(keys), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + _by_first_char([(k, piece(k)) for k in ordered]) + r")(?![\w])")


def _by_first_char(pieces: list[tuple[str, str]]) -> str:
    """Join (key, regex) pieces as one alternation branching on the first character first.

    Pieces starting with different characters never match at the same place, so grouping
    them keeps what matches (and the order within a group) while the regex engine tries a
    few dozen branches per word instead of every name.
    """
    groups: dict[str, list[str]] = {}
    for key, regex in pieces:
        lead = re.escape(key[0])
        if not regex.startswith(lead):  # a piece opening with a class ("-" -> "[ ]*[-–—]"): keep the plain order
            return "|".join(regex for _, regex in pieces)
        groups.setdefault(lead, []).append(regex[len(lead):])
    return "|".join(f"{lead}(?:{'|'.join(rests)})" for lead, rests in groups.items())


def _title_cased(name: str) -> bool:
    return all(w[0].isupper() or w[0].isdigit() for w in _WORD.findall(name))


def _cased_like(text: str, alias: str) -> bool:
    """True if every word the alias capitalizes is capitalized in the text ("Vĩnh Bảo", not "vĩnh bảo")."""
    got, want = _WORD.findall(text), _WORD.findall(alias)
    if len(got) != len(want):
        return bool(text) and text[0].isupper()
    return all(g[0].isupper() or g[0].isdigit() or not w[0].isupper() for g, w in zip(got, want))


# --- finding mentions ------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Text:
    """A text with its two keys and its sentence bounds (the body of an article, or a title)."""

    text: str
    key: str
    ascii: str
    sentences: tuple[tuple[int, int], ...]

    @classmethod
    def of_article(cls, article: Article) -> "_Text":
        bounds = tuple((s.start, s.end) for s in article.sentences) or _rough_sentences(article.body)
        return cls(article.body, article.body_key, article.body_ascii, bounds)

    @classmethod
    def of_string(cls, text: str) -> "_Text":
        return cls(text, fold(text), ascii_fold(text), _rough_sentences(text))

    def sentence_index(self, offset: int) -> int:
        """Return the index of the sentence holding ``offset``, or -1 between sentences."""
        i = bisect.bisect_right(self.sentences, (offset, len(self.text) + 1)) - 1
        return i if i >= 0 and self.sentences[i][0] <= offset < self.sentences[i][1] else -1


def _rough_sentences(text: str) -> tuple[tuple[int, int], ...]:
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, len(text)))
    return tuple(bounds)


def _raw_hits(doc: _Text) -> list[tuple[int, int, list[_Reading]]]:
    """Return (start, end, readings) of every gazetteer name in ``doc``, diacritic-free spellings included."""
    exact, loose, pattern, loose_pattern = _index()
    hits = []
    pos = 0
    while (m := pattern.search(doc.key, pos)) is not None:
        text = doc.text[m.start():m.end()]
        found = [r for r in exact.get(name_key(m.group()), []) if _cased_like(text, r.alias)]
        if found:
            hits.append((m.start(), m.end(), _spelled_first(found, fold(text), fold)))
            pos = m.end()
        else:  # "thủ đô Hà Nội" is no alias as written, but the name inside it is
            pos = _next_word_start(doc.key, m.start())
    taken = [(s, e) for s, e, _ in hits]
    compounds = [m.span() for m in _NOT_PLACE_COMPOUND.finditer(doc.key)]
    if compounds:  # "Tây Thái Bình Dương" is the Pacific, not Thái Bình
        hits = [h for h in hits if not any(s < h[1] and h[0] < e for s, e in compounds)]
    for m in loose_pattern.finditer(doc.ascii):
        text = doc.text[m.start():m.end()]
        if not text.isascii() or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        found = [r for r in loose.get(ascii_name_key(m.group()), []) if _cased_like(text, r.alias)]
        if found:
            hits.append((m.start(), m.end(), _spelled_first(found, text.lower(), str.lower)))
    return sorted(hits, key=lambda h: h[0])


def _next_word_start(key: str, pos: int) -> int:
    """Return the offset of the word after the one at ``pos`` (or the end of ``key``)."""
    m = _NEXT_WORD_START.search(key, pos)
    return m.end() if m else len(key)


def _spelled_first(readings: list[_Reading], spelled: str, key: Callable[[str], str]) -> list[_Reading]:
    """Put first the readings whose alias is spelled as the text is ("Ha Noi" before "Hà Nội")."""
    return sorted(readings, key=lambda r: key(r.alias) != spelled)


def _word_before(doc: _Text, start: int) -> str | None:
    """Return the unit or street word right before ``start`` ("huyện", "tp", "xã"...), or None."""
    m = _WORD_BEFORE.search(doc.key, max(0, start - 20), start)
    if m is None:
        return None
    return m.group(1) or m.group(2)


def _in_person_name(doc: _Text, start: int) -> bool:
    """True if the name at ``start`` continues a personal name ("Nguyễn Thanh Bình") or follows "ông"/"bà"/a rank."""
    cursor, words = start, []
    while cursor >= 2 and doc.text[cursor - 1] == " " and len(words) < 3:
        m = _LAST_WORD.search(doc.text, max(0, cursor - 20), cursor - 1)
        if m is None or not m.group(1)[0].isupper():
            break
        words.append(fold(m.group(1)))
        cursor = cursor - 1 - len(m.group(1))
    if any(w in _person_name_words() for w in words):
        return True
    if _PERSONAL_TITLE.search(doc.key, max(0, start - 20), start):  # "Chị Thanh Thủy": the title is capitalised
        return True
    return _PERSONAL_TITLE.search(doc.key, max(0, cursor - 20), cursor) is not None


def _names_a_person(doc: _Text, start: int, end: int) -> bool:
    """True for a bare name used as a person's: a byline or photo credit, or the subject of "cho biết".

    "Bài, ảnh: Hải Hà", a line "THANH SƠN" or "KIM SƠN (TTXVN)", "Thanh Thủy cho biết".
    """
    if _CREDIT_BEFORE.search(doc.key, max(0, start - 30), start) or _SPEECH_AFTER.match(doc.key, end):
        return True
    line_start = doc.text.rfind("\n", 0, start) + 1
    line_end = doc.text.find("\n", end)
    line_end = len(doc.text) if line_end < 0 else line_end
    before = _CREDIT_LINE_HEAD.sub("", doc.key[line_start:start])
    return not before.strip() and _CREDIT_LINE_TAIL.fullmatch(doc.key, end, line_end) is not None


def _looks_like_street_or_unit(doc: _Text, start: int, end: int) -> bool:
    """True for a bare name used as a street or a longer name: "Bình Nhâm 17", "Mỹ Đình 2", "Thanh Xuân Trung"."""
    if _NUMBER_BEFORE.search(doc.text, max(0, start - 3), start):
        return True
    if _STREET_NUMBER_AFTER.match(doc.key, end):
        return True
    nxt = _NEXT_WORD.match(doc.text, end)
    return nxt is not None and nxt.group(1).isupper()


def _in_code(text: str, start: int, end: int, alias: str) -> bool:
    """True for a short capital alias glued to a code by a hyphen or slash: "HN-2021-15", "29A-HN"."""
    if not (alias.isupper() and len(alias) <= 4):
        return False
    glued_before = start >= 2 and text[start - 1] in "-/" and text[start - 2].isalnum()
    glued_after = end + 1 < len(text) and text[end] in "-/" and text[end + 1].isalnum()
    return glued_before or glued_after


def _classify(doc: _Text, start: int, end: int, readings: list[_Reading]) -> _Mention | None:
    """Decide what one matched name is from the word before it; None if it is no place."""
    word = _word_before(doc, start)
    alias = readings[0].alias
    provinces = [r for r in readings if r.district is None and not r.ambiguous]
    ambiguous = [r for r in readings if r.district is None and r.ambiguous]
    districts = [r.district for r in readings if r.district is not None]
    if _in_person_name(doc, start) or _in_code(doc.text, start, end, alias):
        return None
    if word == "tỉnh":
        chosen = (provinces or ambiguous)
        if chosen:
            return _Mention(start, end, chosen[0].alias, province=chosen[0].province)
        owners = {d.province for d in districts}
        if len(owners) == 1:
            return _Mention(start, end, alias, province=readings[0].province)
        return None
    if word in _DISTRICT_WORDS:
        kind = _DISTRICT_WORDS[word]
        if provinces and kind == "thành phố" and provinces[0].province.is_central_city:
            return _Mention(start, end, provinces[0].alias, province=provinces[0].province)
        typed = [d for d in districts if d.type == kind]
        if not typed and provinces:  # "thành phố Điện Biên": the provincial capital, named loosely
            return _Mention(start, end, provinces[0].alias, province=provinces[0].province)
        if typed or districts:
            return _Mention(start, end, alias, candidates=typed or districts, typed=kind,
                            in_list=_PLURAL_BEFORE.search(doc.key, max(0, start - 30), start) is not None)
        return None
    if word is not None:  # xã, phường, thị trấn, đường, phố...: a smaller unit or a street
        return None
    if provinces:
        return _Mention(start, end, provinces[0].alias, province=provinces[0].province)
    if districts:
        if ambiguous:  # "Huế", "Vũng Tàu": the city, which can stand alone
            return _Mention(start, end, alias, candidates=districts, safe=True)
        if _looks_like_street_or_unit(doc, start, end):
            return None
        letters = sum(c.isalpha() for c in alias)
        safe = letters >= _MIN_BARE_LETTERS and fold(alias) not in _EVERYDAY_NAMES
        return _Mention(start, end, alias, candidates=districts, safe=safe,
                        needs_agreement=_names_a_person(doc, start, end))
    if ambiguous:
        return _Mention(start, end, ambiguous[0].alias, province=ambiguous[0].province)
    return None


def _numbered_quan(doc: _Text) -> list[_Mention]:
    """Return "quận 7" / "Q.7" mentions (HCM's numbered districts); they need HCM named in the text."""
    found = []
    for m in _NUMBERED_QUAN.finditer(doc.key):
        candidates = gazetteer.find_districts(f"Quận {m.group(1)}")
        if candidates:
            found.append(_Mention(m.start(1), m.end(1), m.group(1), candidates=candidates, typed="quận",
                                  needs_agreement=True))
    return found


def _apply_parentheses(doc: _Text, mentions: list[_Mention]) -> list[_Mention]:
    """Read "X (Y)" as X inside Y: keep X only if it is a district of province Y ("Vân Đồn (Quảng Ninh)")."""
    drop: set[int] = set()
    for i, (inner, outer) in enumerate(zip(mentions, mentions[1:])):
        if not inner.is_district or not _OPEN_PAREN.match(doc.text[inner.end:outer.start]):
            continue
        if not _CLOSE_PAREN.match(doc.text, outer.end):
            continue
        if outer.is_district:  # "Phú Hòa (Thủ Dầu Một)": a ward of that district
            drop.add(i)
            continue
        inner.candidates = [d for d in inner.candidates if d.province == outer.province.name]
        if not inner.candidates:
            drop.add(i)
    return [m for i, m in enumerate(mentions) if i not in drop]


def _nearest_named(doc: _Text, mention: _Mention, named: dict[str, list[int]], options: set[str]) -> str:
    """Choose among ``options`` the province named in the same sentence, else named nearest before, else first."""
    sentence = doc.sentence_index(mention.start)
    def distance(name: str) -> tuple[int, int]:
        offsets = named.get(name, [])
        same = [abs(o - mention.start) for o in offsets if doc.sentence_index(o) == sentence]
        before = [mention.start - o for o in offsets if o < mention.start]
        return (min(same) if same else 10**9, min(before) if before else 10**9)
    return min(sorted(options), key=distance)


def _resolve_districts(doc: _Text, mentions: list[_Mention]) -> list[tuple[_Mention, District]]:
    """Pick each district mention's unit, using the provinces the text names; drop the unresolved ones."""
    named: dict[str, list[int]] = {}
    for m in mentions:
        if not m.is_district:
            named.setdefault(m.province.name, []).append(m.start)
    resolved: dict[int, District] = {}
    pending = [m for m in mentions if m.is_district]
    for _ in range(2):  # a district accepted on its own can anchor a later, riskier one
        anchors = set(named) | {d.province for d in resolved.values()}
        for m in pending:
            if id(m) in resolved:
                continue
            owners = {d.province for d in m.candidates}
            agree = owners & anchors
            if agree:
                province = agree.pop() if len(agree) == 1 else _nearest_named(doc, m, named, agree)
                resolved[id(m)] = _pick(m, province)
            elif len(owners) == 1 and not m.needs_agreement and (m.typed or m.safe) \
                    and not ((m.in_list or not m.typed) and _follows_other_province(doc, m, mentions)):
                resolved[id(m)] = _pick(m, owners.pop())
    return [(m, resolved[id(m)]) for m in pending if id(m) in resolved]


def _pick(mention: _Mention, province: str) -> District:
    """Return the candidate in ``province``, preferring the type written before the name."""
    inside = [d for d in mention.candidates if d.province == province]
    return next((d for d in inside if d.type == mention.typed), inside[0])


def _follows_other_province(doc: _Text, mention: _Mention, mentions: list[_Mention]) -> bool:
    """True if another province is named earlier in the mention's sentence (the district is read as inside it)."""
    sentence = doc.sentence_index(mention.start)
    return any(not m.is_district and m.start < mention.start and doc.sentence_index(m.start) == sentence
               for m in mentions)


def _mentions(doc: _Text) -> list[Span]:
    """Return province and district spans over ``doc.text``, in text order."""
    mentions = [m for s, e, readings in _raw_hits(doc) if (m := _classify(doc, s, e, readings)) is not None]
    mentions = sorted(mentions + _numbered_quan(doc), key=lambda m: m.start)
    mentions = _apply_parentheses(doc, mentions)
    spans = [_province_span(m) for m in mentions if not m.is_district]
    spans += [_district_span(m, d) for m, d in _resolve_districts(doc, mentions)]
    return sorted(spans, key=lambda s: s.start)


def _province_span(m: _Mention) -> Span:
    p = m.province
    return Span(m.start, m.end, "province", {"province": p.name, "code": p.code, "district": None,
                                             "district_type": None, "district_code": None, "alias": m.alias})


def _district_span(m: _Mention, d: District) -> Span:
    return Span(m.start, m.end, "district", {"province": d.province, "code": d.province_code, "district": d.name,
                                             "district_type": d.type, "district_code": d.code, "alias": m.alias})


def extract_places(article: Article) -> list[Span]:
    """Return province and district mentions in ``article.body``, in text order.

    Each span's label is ``province`` or ``district``; ``data`` holds ``province`` (canonical
    name), ``code`` (GSO province code), ``district``, ``district_type``, ``district_code``
    (None for a province) and ``alias`` (the gazetteer spelling that matched the text).

    >>> from covidlib.document import Article
    >>> body = "Tính đến 28/5, huyện Nậm Pồ có 45 ca, TP.HCM có 40 ca."
    >>> [(s.label, s.data["province"], s.data["district"]) for s in extract_places(Article("a", "", body, body))]
    [('district', 'Điện Biên', 'Nậm Pồ'), ('province', 'Hồ Chí Minh', None)]
    """
    return _mentions(_Text.of_article(article))


# --- the home province -----------------------------------------------------
_DOMAIN = re.compile(r"^(?:www\.)?|(?:\.(?:gov|com|org|net|edu|info))?\.(?:vn|com|net|org)$")
_VISITOR = re.compile(r"(?<![\w])đoàn(?![\w])[^.;:()]{0,45}$")
_HOST = re.compile(r"(?<![\w])(?:làm việc với|tại|đến|thăm|về|với)(?![\w])[^.;:()]{0,40}$")
# Where people come from is not where the work happens: "người trở về từ Đà Nẵng".
_ORIGIN = re.compile(r"(?<![\w])từ[ ]+(?:(?:tỉnh|thành phố|tp)[ .]*)?$")
_NOT_LETTER = re.compile(r"[^a-z]")
_ASCII_WORD = re.compile(r"[a-z]+")
_BARE_WORD = re.compile(r"(?<![\w])(tỉnh ủy|tỉnh|thành ủy|thành phố|tp)(?![\w])")


# Furniture that may name the outlet's owner, and how much of each line is read.
_OUTLET_KINDS = frozenset({"banner", "head", "footer", "tail", "source", "byline"})
_OUTLET_CHARS = 600
# An owner's word before a province: a portal, a newspaper, a provincial authority or health service.
_OWNER = re.compile(
    r"(?<![\w])(?:cổng thông tin|trang thông tin|cơ quan chủ quản|báo|đài phát thanh|sở y tế"
    r"|trung tâm kiểm soát bệnh tật|cdc|ủy ban nhân dân|ubnd|đảng bộ|tỉnh ủy|thành ủy"
    r"|sở thông tin và truyền thông|sở tt&tt|sở tttt)(?![\w])"
)
_OWNER_REACH = 70
# What ends an owner's statement before a later province: a sentence end or a new field.
_OWNER_STOP = re.compile(r"[.|;]|(?<![\w])(?:điện thoại|email|hotline|tel)(?![\w])")
_ADDRESS_CUT = re.compile(r"(?i)địa\s*chỉ[^|\n]*")


def _leading_tag(body: str) -> str | None:
    """Return a site tag opening the body ("TTH.VN - ...", "(TUAG)- ...", "(Haiphong.gov.vn) - ...")."""
    tag, _ = split_site_tag(body.lstrip())
    return tag if tag and ("." in tag or sum(c.isupper() for c in tag) >= 2) else None


# What an online newspaper adds to its province's initials in its tag: "ĐT" (điện tử).
_ONLINE_SUFFIX = "dt"


def _squashed(name: str) -> str:
    return _NOT_LETTER.sub("", ascii_fold(name))


def _initials(name: str) -> str:
    return "".join(w[0] for w in _ASCII_WORD.findall(ascii_fold(name)))


def tag_province(tag: str, *, context: Iterable[str] = ()) -> str | None:
    """Return the province a site tag names, or None when it names none or is opaque.

    A tag may spell a province ("Haiphong.gov.vn", "baohanoimoi.vn") or abbreviate it by
    initials ("TTH.VN" = Thừa Thiên Huế), alone or before "ĐT" for an online paper ("BGĐT" =
    Báo Bắc Giang điện tử, when no other province has those initials). Short initials inside a
    longer tag ("TUAG" = Tỉnh ủy An Giang) are accepted only for a province in ``context``
    (those the article opens with).

    >>> tag_province("Haiphong.gov.vn"), tag_province("TTH.VN"), tag_province("TUAG", context=["An Giang"])
    ('Hải Phòng', 'Thừa Thiên Huế', 'An Giang')
    >>> tag_province("BGĐT"), tag_province("QNĐT")
    ('Bắc Giang', None)
    """
    letters = _squashed(_DOMAIN.sub("", ascii_fold(tag.strip())))
    if len(letters) < 2:
        return None
    spelled = {}
    for province, key in _spelled_aliases():
        if key in letters:
            spelled.setdefault(province, 0)
            spelled[province] = max(spelled[province], len(key))
    if spelled:
        best = max(spelled.values())
        top = [name for name, n in spelled.items() if n == best]
        return top[0] if len(top) == 1 else None
    initials = _province_initials()
    by_initials = [name for name, short in initials if letters == short]
    if len(by_initials) == 1 and len(letters) >= 3:
        return by_initials[0]
    if letters.endswith(_ONLINE_SUFFIX) and len(letters) > len(_ONLINE_SUFFIX) + 1:
        stem = letters[: -len(_ONLINE_SUFFIX)]  # "BGĐT": Báo Bắc Giang điện tử
        by_stem = [name for name, short in initials if short == stem]
        if len(by_stem) == 1:
            return by_stem[0]
    context = set(context)
    partial = [name for name, short in initials if name in context and len(short) >= 2
               and (letters.startswith(short) or letters.endswith(short))]
    return partial[0] if len(partial) == 1 else None


@lru_cache(maxsize=1)
def _spelled_aliases() -> tuple[tuple[str, str], ...]:
    """Return (province, squashed alias) for the unambiguous aliases of four letters or more, in table order."""
    keys = ((a.province, _squashed(a.alias), a.ambiguous) for a in gazetteer.aliases())
    return tuple((province, key) for province, key, ambiguous in keys if len(key) >= 4 and not ambiguous)


@lru_cache(maxsize=1)
def _province_initials() -> tuple[tuple[str, str], ...]:
    """Return (province, initials) in gazetteer order ("Thừa Thiên Huế" -> "tth")."""
    return tuple((p.name, _initials(p.name)) for p in gazetteer.provinces())


def _lead_bounds(article: Article) -> tuple[int, int]:
    if article.sentences:
        return article.sentences[0].start, article.sentences[0].end
    first = _rough_sentences(article.body)[0]
    return first


def _lead_scores(article: Article, places: Sequence[Span]) -> dict[str, float]:
    """Score the provinces of the first sentence: first named, host ("làm việc với", "tại"), visitor ("đoàn ..."),
    origin ("trở về từ ...")."""
    start, end = _lead_bounds(article)
    scores: dict[str, float] = {}
    for rank, span in enumerate(s for s in places if start <= s.start < end):
        name = span.data["province"]
        before = article.body_key[max(start, span.start - 60):span.start]
        score = 1.0 + (1.0 if rank == 0 else 0.0)
        if _VISITOR.search(before) and not _HOST.search(before[-45:]):
            score -= 3.0
        elif _ORIGIN.search(before):
            score -= 1.0
        elif _HOST.search(before):
            score += 1.0
        scores[name] = max(scores.get(name, -10.0), score)
    return scores


@lru_cache(maxsize=256)
def _title_places(title: str) -> tuple[Span, ...]:
    """Return the place spans of a title (read again by each home-province question about its article)."""
    return tuple(_mentions(_Text.of_string(title)))


def outlet_province(article: Article) -> str | None:
    """Return the province the page's own furniture says owns the outlet, or None.

    Read in the lines the cleaner set aside as banner, head, footer, tail, source or byline: a
    province named after an owner's word ("Cổng thông tin điện tử tỉnh Bắc Giang", "Báo Quảng
    Nam", "Cơ quan chủ quản: UBND huyện Đắk Song, tỉnh Đắk Nông", "Sở Y tế tỉnh Nghệ An",
    "Trung tâm Kiểm soát bệnh tật tỉnh Quảng Nam"). Addresses are no owner (an advert's
    "Địa chỉ: ..., Đà Nẵng" names no outlet); several owners naming different provinces give None.

    >>> from covidlib.document import Span
    >>> page = "Tin tức. Cơ quan chủ quản: UBND tỉnh Bắc Giang. Địa chỉ: 12 Lê Lợi, Hà Nội"
    >>> article = Article("a", "", page, "", furniture=[Span(8, len(page), "footer")])
    >>> outlet_province(article)
    'Bắc Giang'
    """
    lines = tuple(article.page[f.start:f.end][:_OUTLET_CHARS] for f in article.furniture if f.label in _OUTLET_KINDS)
    return _outlet_of(lines) if lines else None


@lru_cache(maxsize=256)
def _outlet_of(lines: tuple[str, ...]) -> str | None:
    found: set[str] = set()
    for line in lines:
        for statement in _ADDRESS_CUT.split(line):
            doc = _Text.of_string(statement)
            for span in _mentions(doc):
                owner = _OWNER.search(doc.key, max(0, span.start - _OWNER_REACH), span.start)
                if owner is not None and not _OWNER_STOP.search(doc.key, owner.end(), span.start):
                    found.add(span.data["province"])
    return found.pop() if len(found) == 1 else None


def home_province(article: Article, places: Sequence[Span]) -> str | None:
    """Return the province where the reported work happens, or None if the article names none.

    The site tag decides when it names a province (``article.metadata.site``, else a tag
    opening the body such as "TTH.VN -" or "(TUAG)-", checked against the provinces of the
    first sentences). Otherwise provinces score by the title (+3), the outlet named in the
    page's furniture (+3, :func:`outlet_province`), the first sentence (+1, +1 for the first
    named, +1 after "làm việc với"/"tại", -1 after "từ" for where people come from, -3 inside
    "đoàn ..." for a visiting delegation) and their share of mentions; ties go to the first
    named. A page whose body names no province is the outlet's.

    >>> body = "Đoàn công tác của tỉnh Vĩnh Long làm việc với UBND tỉnh Thừa Thiên Huế."
    >>> article = Article("a", "", body, body)
    >>> home_province(article, extract_places(article))
    'Thừa Thiên Huế'
    """
    lead_names = [s.data["province"] for s in places[:6]]
    title_spans = _title_places(article.metadata.title) if article.metadata.title else ()
    context = [s.data["province"] for s in title_spans] + lead_names
    for tag in (article.metadata.site, _leading_tag(article.body)):
        found = tag_province(tag, context=context) if tag else None
        if found:
            return found
    if not places and not title_spans:
        return outlet_province(article)
    counts: dict[str, int] = {}
    for s in places:
        counts[s.data["province"]] = counts.get(s.data["province"], 0) + 1
    top = max(counts.values(), default=1)
    scores = {name: n / top for name, n in counts.items()}
    for name in {s.data["province"] for s in title_spans}:
        scores[name] = scores.get(name, 0.0) + 3.0
    outlet = outlet_province(article)
    if outlet is not None:
        scores[outlet] = scores.get(outlet, 0.0) + 3.0
    for name, score in _lead_scores(article, places).items():
        scores[name] = scores.get(name, 0.0) + score
    order = [s.data["province"] for s in places] + [s.data["province"] for s in title_spans] + [outlet]
    return max(scores, key=lambda name: (scores[name], -order.index(name)))


def stated_home_province(article: Article, places: Sequence[Span]) -> str | None:
    """Return the home province when the article states it, else None.

    Stated means: a site tag or the outlet's furniture names it, the title or the first
    sentence names it, or it is the only province the body names. A national round-up naming
    many provinces has none, so a figure with no place of its own is not pinned on the
    most-mentioned one.

    >>> body = "Sáng 20/9, có 500 ca mắc mới. TP.HCM có 300 ca, Bình Dương 200 ca."
    >>> article = Article("a", "", body, body)
    >>> stated_home_province(article, extract_places(article)) is None
    True
    """
    home = home_province(article, places)
    if home is None or len({s.data["province"] for s in places}) <= 1:
        return home
    tags = (article.metadata.site, _leading_tag(article.body))
    if any(tag and tag_province(tag, context=[home]) == home for tag in tags) or outlet_province(article) == home:
        return home
    title = article.metadata.title
    if title and home in {s.data["province"] for s in _title_places(title)}:
        return home
    start, end = _lead_bounds(article)
    return home if any(start <= s.start < end and s.data["province"] == home for s in places) else None


def resolve_bare_reference(article: Article, places: Sequence[Span], offset: int) -> str | None:
    """Return the province a bare "tỉnh" / "thành phố" / "TP" / "Tỉnh ủy" / "Thành ủy" at ``offset`` refers to.

    A name right after the word wins ("tỉnh Gia Lai"). Otherwise the home province, if its
    kind fits the word (a "tỉnh" for "tỉnh"/"Tỉnh ủy", a centrally-run city for "thành
    phố"/"TP"/"Thành ủy"); else the nearest earlier province of that kind; else the home
    province. None if ``offset`` is not at such a word.
    """
    m = _BARE_WORD.match(article.body_key, offset)
    if m is None:
        return None
    following = next((s for s in places if m.end() <= s.start <= m.end() + 2), None)
    if following is not None and following.label == "province":
        return following.data["province"]
    wants_city = not m.group(1).startswith("tỉnh")
    home = home_province(article, places)
    home_prov = gazetteer.province(home) if home else None
    if home_prov is not None and home_prov.is_central_city == wants_city:
        return home
    for span in sorted((s for s in places if s.end <= offset), key=lambda s: -s.start):
        prov = gazetteer.province_by_code(span.data["code"])
        if prov is not None and prov.is_central_city == wants_city:
            return prov.name
    return home


def province_table(article: Article, places: Sequence[Span]) -> list[dict[str, Any]]:
    """Return rows of the ``places`` table: one per (province, district) mentioned, in order of first mention.

    Every province has a row with ``district`` None counting all its mentions, its
    districts' included (so a province named only through "huyện Vĩnh Bảo" still has
    one); each district has its own row counting its mentions.
    """
    rows: dict[tuple[str, str | None], dict[str, Any]] = {}
    for span in sorted(places, key=lambda s: s.start):
        keys = [(span.data["province"], None)]
        if span.label == "district":
            keys.append((span.data["province"], span.data["district"]))
        for province, district in keys:
            row = rows.get((province, district))
            if row is None:
                rows[(province, district)] = {
                    "article_id": article.article_id, "province": province, "province_code": span.data["code"],
                    "district": district, "mentions": 1, "first_start": span.start, "first_end": span.end,
                }
            else:
                row["mentions"] += 1
    return list(rows.values())

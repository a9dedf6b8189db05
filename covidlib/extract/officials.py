"""Officials: named persons in the body with their role, organization, rank and province.

A person is an official when a role is written next to the name, before it
("Phó Chủ tịch UBND tỉnh Nguyễn Thanh Bình", "Bộ trưởng Y tế Nguyễn Thanh Long") or
after it ("bà Nguyễn Thị Quyên Thanh - Phó Chủ tịch UBND tỉnh", "TS. Đặng Quang Tấn
(Cục trưởng Cục Y tế dự phòng, Bộ Y tế)", "ông Nguyễn Văn Lợi, Ủy viên Trung ương Đảng,
Bí thư Tỉnh ủy"), or when a military or police rank precedes it ("đồng chí Thượng tá
Huỳnh Việt Hòa"). Names are runs of 2-4 capitalised syllables that start with a surname
of ``data/reference/surnames.csv`` (Kinh and ethnic-minority surnames: "Mùa A Vảng"), or
any such run right after "ông", "bà", "đồng chí", a rank or an academic prefix. Roles,
ranks and prefixes come from ``data/reference/titles.csv``.

An academic or professional title next to the name is a role too when no other is written
("bác sĩ Trương Hữu Khanh", "PGS.TS Trần Đắc Phu"): the gold lists every named person with
the role written next to the name. Foreign names need no listed surname when they follow a
title or an honorific ("Tổng thống Mỹ Joe Biden", "ông Kidong Park", "António Guterres", whose
accents other languages write too); names written in
capitals ("Bí thư Tỉnh ủy NGUYỄN VĂN LỢI") are read like others. A title that runs straight
into a name is that name's, not the previous person's ("Phó Thủ tướng Lê Minh Khái, Phó Thủ
tướng Lê Văn Thành").

Not officials: people named without a role (patients, bylines), places that look like
names ("Thành phố Hồ Chí Minh", "Thừa Thiên Huế"), units named after people
("THCS Nguyễn Bỉnh Khiêm", "Bệnh viện Bạch Mai") and boards ("Ban Giám đốc").
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Collection, Iterable, Sequence

from ..reference import gazetteer, lexicons
from ..document import Article, Span
from ..normalize import fold
from .places import resolve_bare_reference

__all__ = ["extract_officials", "official_rows", "OFFICIAL_COLUMNS"]

OFFICIAL_COLUMNS = ("article_id", "name", "title", "organization", "rank", "province", "start", "end")

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_MAX_NAME = 4
_MAX_TAIL_TOKENS = 16
_MAX_LOWER_RUN = 6
_LOOKBACK = 160  # characters searched before a name for its title

# Lowercase syllables that end a title: verbs and function words that follow a role in news prose.
_STOP_WORDS = frozenset("""
    là làm có của cho với tại trong ngoài trên dưới về đến từ đã đang sẽ vừa mới được bị
    cũng đều vẫn còn thì mà nhưng nên vì để nhằm khi sau trước rằng này đó ấy kia những các
    mỗi mọi cùng theo bằng qua tới lại ra vào lên xuống đi hay hoặc kiêm chủ yêu phát khẳng
    nhấn đánh ghi cảm gửi trao tặng kiểm thăm tiếp dẫn chia trả nói kêu lưu ký tham chúc
    hỏi nêu phê trình mong hy lo lắng khảo đề báo chỉ điều ông bà anh chị họ tôi chúng
    thêm rất đây nay hôm sáng chiều tối trưa ngày tháng năm lúc nghe quyết cử họp ủng hỗ
""".split())
# ... unless the word before makes them part of a unit's name ("ban chỉ đạo", "ban điều hành").
_STOP_EXCEPT_AFTER = {"chỉ": {"ban"}, "điều": {"ban", "tiểu"}}
_STOP_BIGRAMS = frozenset({("thông", "tin"), ("thông", "báo"), ("biểu", "dương")})
# Level words: the capitalised run after them is a place when the gazetteer knows it.
_LEVEL_WORDS = frozenset("tỉnh huyện quận xã phường thị_xã thị_trấn thành_phố tp tp.".split())
# Words that, right before a capitalised run, make it a place or a unit named after a person.
_UNIT_WORDS = frozenset("""
    thôn bản ấp đường phố ngõ ngách hẻm cầu chợ khu trường thcs thpt tiểu_học
    mầm_non đại_học học_viện viện bệnh_viện trung_tâm cảng sân_bay công_ty tập_đoàn tập_thể
    chung_cư bến_xe chùa đền lăng quảng_trường giáo_xứ hội_thánh cụm kcn ga sông núi đèo hồ
    đảo xóm làng quốc_lộ tỉnh_lộ tuyến đại_lộ lớp
""".split())
_NEIGHBOURHOOD = frozenset({"dân_phố", "khu_phố"})
# "Ban Giám đốc", "Ban Tổng Giám đốc": a board, not a person's role.
_BOARD_BEFORE = re.compile(r"(?<!\w)ban\s+$")
_LEVEL_PREFIX = re.compile(r"^(?:tỉnh|thành phố|tp\.?|t\.p\.?|tinh|thanh pho)(?:\s|\.|$)")
_BARE_LEVEL = re.compile(r"(?<!\w)(?:tỉnh ủy|tỉnh|thành ủy|thành phố|tp)(?!\w)")
# Where a title ends, walking back from a name; not the comma of "Ban Chỉ đạo phòng, chống dịch".
_SEPARATOR_BACK = re.compile(r"(?!(?<=phòng),\s*chống)[,;:()\[\]“”\"!?…\n]|\s[-–—]\s|(?<!tp)(?<!ts)(?<!gs)(?<!bs)\.")
_SEPARATOR_AFTER_NAME = re.compile(r"[ ]*(?:,|\(|:|[-–—])[ ]*")
_SEPARATOR_BETWEEN_ROLES = re.compile(r"[ ]*(?:,|[-–—])[ ]*")
_SEPARATOR_AFTER_PEEL = re.compile(r"(?:,|\s[-–—])\s*\Z")
_SHORT_HONORIFICS = frozenset({"ông", "bà", "đồng_chí"})
# A Vietnamese syllable written without diacritics: onset, vowels, final consonant.
_VI_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
# English words that name companies and groups, not people ("Sun Group", "Vietnam Airlines").
_ORGANIZATION_WORDS = frozenset("""
    group company corporation corp inc ltd holdings bank pharma pharmaceuticals airlines airways motors
    foundation hospital university institute media news partners capital healthcare biotech
    pfizer moderna janssen novavax sinopharm sinovac biontech gamaleya bharat medigen covax gavi unicef
    singapore indonesia malaysia philippines myanmar brazil italy israel australia canada iran argentina mexico
""".split())
_APOSTROPHE = re.compile(r"['’]")
# Marks of letters only Vietnamese writes (after NFD): breve, circumflex, horn, hook above, dot below; and đ.
_VIETNAMESE_MARKS = re.compile("[\u0306\u0302\u031b\u0309\u0323đĐ]")
_COMBINING = re.compile("[\u0300-\u036f]")
_QUALIFIER = re.compile(r"^(?:thường trực|thường vụ)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class _Lexicon:
    """Compiled patterns and tables from the reference CSVs."""

    heads: re.Pattern[str]
    ranks: re.Pattern[str]
    prefixes: re.Pattern[str]
    anchor: re.Pattern[str]
    places: re.Pattern[str]
    kind: dict[str, str]
    unit: dict[str, str]
    implied: dict[str, str]
    surname_rank: dict[str, int]
    abroad: re.Pattern[str]


def _alternation(terms: Iterable[str]) -> str:
    """Return an alternation of the folded terms, longest first, grouped by first character.

    Terms starting with different characters never match at the same place, so the groups
    keep what matches while the regex engine tries far fewer branches at each position.
    """
    keys = sorted({fold(t).strip() for t in terms if t.strip()}, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for k in keys:
        lead = re.escape(k[0])
        groups.setdefault(lead, []).append(re.escape(k)[len(lead):].replace(r"\ ", r"\s+"))
    return "|".join(f"{lead}(?:{'|'.join(rests)})" for lead, rests in groups.items())


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """Compile titles, surnames and gazetteer names once."""
    titles = lexicons.titles()
    by_kind: dict[str, list[str]] = {}
    for row in titles:
        by_kind.setdefault(row["kind"], []).append(row["term"])
    heads = _alternation(by_kind["role"] + by_kind["member"])
    prefix_terms = by_kind["honorific"] + by_kind["academic"]
    # Gazetteer names, to tell a place from a person's name after a level word ("huyện Châu Thành")
    # and a place from a foreign name; which province a title names comes from the place spans.
    province_names = {fold(p.name) for p in gazetteer.provinces()}
    province_names |= {fold(a.alias) for a in gazetteer.aliases()
                       if (a.alias.isupper() or not a.alias.isascii()) and not _LEVEL_PREFIX.match(fold(a.alias))}
    district_names = {fold(d.name) for d in gazetteer.districts()}
    ranks = rf"(?<!\w)(?:{_alternation(by_kind['rank'])})(?!\w)"
    prefixes = rf"(?<!\w)(?:{_alternation(prefix_terms)})(?!\w)\.?"
    return _Lexicon(
        heads=re.compile(rf"(?<!\w)(?:nguyên\s+)?(?:phó\s+)?(?P<head>{heads})(?!\w)"),
        ranks=re.compile(ranks),
        prefixes=re.compile(prefixes),
        anchor=re.compile(rf"(?:{prefixes}|{ranks})[\s,.]*\Z"),
        places=re.compile(rf"(?:{_alternation([*province_names, *district_names])})(?!\w)"),
        kind={fold(r["term"]): r["kind"] for r in titles},
        unit={fold(r["term"]): r["unit"] for r in titles if r["unit"]},
        implied={fold(r["term"]): r["implied_organization"] for r in titles if r["implied_organization"]},
        surname_rank={fold(r["surname"]): i for i, r in enumerate(lexicons.surnames())},
        abroad=re.compile(rf"(?:{_alternation([*gazetteer.COUNTRIES, *province_names])})(?!\w)"),
    )


# --- tokens ---------------------------------------------------------------


@lru_cache(maxsize=65536)
def _cap_text(text: str) -> bool:
    parts = _APOSTROPHE.split(text)
    return all(p.isalpha() and p[0].isupper() and (len(p) == 1 or p[1:].islower()) for p in parts)


def _shout_text(text: str) -> bool:
    return text.isalpha() and text.isupper()


@lru_cache(maxsize=65536)
def _latin_text(text: str) -> str | None:
    """The word in plain ASCII letters when its accents are ones other languages use too ("António"), else None.

    Letters only Vietnamese writes (đ, ă, â, ê, ô, ơ, ư, the hook and the dot tones) make it None.
    """
    if text.isascii():
        return text
    bare = unicodedata.normalize("NFD", text)
    if _VIETNAMESE_MARKS.search(bare):
        return None
    bare = _COMBINING.sub("", bare)
    return bare if bare.isascii() else None


@lru_cache(maxsize=65536)
def _foreign_text(text: str) -> bool:
    latin = _latin_text(text)
    return _cap_text(text) and latin is not None and not _VI_SYLLABLE.fullmatch(latin.lower())


@dataclass(slots=True, eq=False)
class _Tok:
    start: int
    end: int
    text: str

    @property
    def is_cap(self) -> bool:
        """A capitalised syllable ("Nguyễn", "A", "H'Hen"), not an abbreviation."""
        return _cap_text(self.text)

    @property
    def is_abbrev(self) -> bool:
        return len(self.text) > 1 and self.text.isalpha() and self.text.isupper()

    @property
    def is_shout(self) -> bool:
        """A syllable in capitals ("NGUYỄN", "A"), as in a shouted caption."""
        return _shout_text(self.text)

    @property
    def is_foreign(self) -> bool:
        """A capitalised ASCII word that no Vietnamese syllable spells ("Joe", "Tedros", "Park")."""
        return _foreign_text(self.text)

    @property
    def is_lower(self) -> bool:
        return self.text.isalpha() and self.text.islower()


class _Tokens(Sequence[_Tok]):
    """The body's tokens in order: their texts and starts, each :class:`_Tok` made when it is first asked for.

    A page has hundreds of tokens and the names sit on a few of them, so most are never made.
    """

    __slots__ = ("texts", "starts", "_made")

    def __init__(self, body: str) -> None:
        self.texts: list[str] = _TOKEN.findall(body)
        # Every character that is not white space is in a token, so each one starts at the first such character.
        starts, pos, find = [], 0, body.find
        for text in self.texts:
            pos = find(text, pos)
            starts.append(pos)
            pos += len(text)
        self.starts: list[int] = starts
        self._made: list[_Tok | None] = [None] * len(starts)

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.texts)))]
        tok = self._made[i]
        if tok is None:
            start, text = self.starts[i], self.texts[i]
            tok = self._made[i] = _Tok(start, start + len(text), text)
        return tok


@dataclass
class _Doc:
    """The body with its tokens and the character ranges that cannot be part of a name."""

    body: str
    key: str
    tokens: _Tokens
    blocked: list[tuple[int, int]]
    place_starts: list[tuple[int, int]]
    places: Sequence[Span] = ()

    def token_index(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.tokens.starts, pos)


def _make_doc(article: Article, places: Sequence[Span]) -> _Doc:
    lex = _lexicon()
    body, key = article.body, article.body_key
    tokens = _Tokens(body)
    blocked = [m.span() for pattern in (lex.heads, lex.ranks, lex.prefixes) for m in pattern.finditer(key)]
    place_spans = [(p.start, p.end) for p in places]
    return _Doc(body, key, tokens, blocked, place_spans, places)


# --- names ----------------------------------------------------------------


def _runs(doc: _Doc) -> list[tuple[int, int]]:
    """Return [i, j) token ranges of capitalised syllables joined by single spaces.

    Syllables in capitals make runs of their own ("Bí thư Tỉnh ủy NGUYỄN VĂN LỢI").
    """
    runs, i, texts, starts, body = [], 0, doc.tokens.texts, doc.tokens.starts, doc.body
    while i < len(texts):
        text = texts[i]
        same = _cap_text if _cap_text(text) else _shout_text if _shout_text(text) else None
        if same is None:
            i += 1
            continue
        j = i + 1
        while j < len(texts) and same(texts[j]) and body[starts[j - 1] + len(texts[j - 1]) : starts[j]] == " ":
            j += 1
        runs.append((i, j))
        i = j
    return runs


def _foreign_name(doc: _Doc, i: int, j: int) -> bool:
    """True for a foreign name: ASCII capitalised words, the first spelling no Vietnamese syllable ("Joe Biden")."""
    toks = doc.tokens[i:j]
    return toks[0].is_foreign and all(t.is_cap and _latin_text(t.text) is not None for t in toks) \
        and not any(t.text.lower() in _ORGANIZATION_WORDS for t in toks)


def _word_before(doc: _Doc, i: int) -> set[str]:
    """The one- and two-token words (folded, '_'-joined) ending right before token ``i``."""
    toks, words = doc.tokens, set()
    if i >= 1:
        words.add(fold(toks[i - 1].text))
        if toks[i - 1].text == "." and i >= 2:
            words.add(fold(toks[i - 2].text) + ".")
    if i >= 2:
        words.add(fold(toks[i - 2].text) + "_" + fold(toks[i - 1].text))
    return words


def _overlaps(ranges: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in ranges)


def _name_ok(doc: _Doc, i: int, j: int, *, anchored: bool) -> bool:
    """Return True if tokens [i, j) can be a person's name."""
    lex, toks = _lexicon(), doc.tokens
    first = toks[i]
    length = j - i
    if not 2 <= length <= _MAX_NAME:
        return False
    if len(first.text) == 1 and length < 3:  # "Y Moan Niê", not "Y Tế"
        return False
    if _surname_key(first) not in lex.surname_rank and not anchored and not _foreign_name(doc, i, j):
        return False
    if not first.is_foreign and _foreign_name(doc, i + 1, j):
        return False  # "(Thái Bình) Dương Takeshi Kasai": a Vietnamese word before a foreign name is no part of it
    start, end = first.start, toks[j - 1].end
    if _overlaps(doc.blocked, start, end):
        return False
    if any(s <= first.start < e for s, e in doc.place_starts):
        return False
    before = _word_before(doc, i)
    if before & _LEVEL_WORDS:
        return not _starts_with_place(doc, first.start)
    if before & _NEIGHBOURHOOD:  # "Tổ trưởng tổ dân phố Lê Thị Hoa": a neighbourhood, not the street "phố"
        before = before - {"phố"}
    if _ends_proper_name(doc, i):  # "Thủ tướng Nhật Bản Suga Yoshihide": "Bản" ends a name, it is no village
        before = before - {fold(toks[i - 1].text)}
    return not before & _UNIT_WORDS


def _ends_proper_name(doc: _Doc, i: int) -> bool:
    """True if the two words before token ``i`` are capitalised words of one name ("Nhật Bản")."""
    toks = doc.tokens
    return i >= 2 and toks[i - 1].is_cap and toks[i - 2].is_cap \
        and doc.body[toks[i - 2].end : toks[i - 1].start] == " "


def _surname_key(tok: _Tok) -> str:
    """The key of a first syllable in the surname table ("H'Yim" is looked up as "H'")."""
    return "h'" if tok.text.startswith(("H'", "H’")) else fold(tok.text)


def _starts_with_place(doc: _Doc, pos: int) -> bool:
    """Return True if a province or district name starts at body offset ``pos``."""
    return _lexicon().places.match(doc.key, pos) is not None


def _anchored_at(doc: _Doc, pos: int) -> bool:
    """Return True if an honorific, rank or academic prefix ends right before ``pos``."""
    return _lexicon().anchor.search(doc.key, max(0, pos - 40), pos) is not None


def _names(doc: _Doc) -> list[tuple[int, int]]:
    """Return token ranges of name candidates, one per capitalised run at most."""
    lex, found = _lexicon(), []
    for i, j in _runs(doc):
        best = None
        for start in range(max(i, j - _MAX_NAME), j - 1):
            anchored = start == i and _anchored_at(doc, doc.tokens[i].start)
            if not _name_ok(doc, start, j, anchored=anchored):
                continue
            rank = lex.surname_rank.get(_surname_key(doc.tokens[start]), len(lex.surname_rank))
            score = (rank, start)
            if best is None or score < best[0]:
                best = (score, start)
        if best is not None:
            found.append((best[1], j))
    return found


# --- roles ----------------------------------------------------------------


@dataclass(frozen=True)
class _Role:
    """A title in the body: [start, end), with its head word ("chủ tịch") ending at ``head_end``."""

    start: int
    end: int
    head: str
    head_end: int

    @property
    def tier(self) -> int:
        """0 for an executive role, 1 for a membership ('Ủy viên ...')."""
        return 0 if _lexicon().kind.get(self.head) == "role" else 1


def _head_at(doc: _Doc, match: re.Match[str]) -> bool:
    """Reject a bare 'trưởng' that is part of a word ('tăng trưởng') and a board ('Ban Giám đốc')."""
    if _BOARD_BEFORE.search(doc.key, max(0, match.start() - 12), match.start()):
        return False
    if match.group("head") != "trưởng" or match.start("head") != match.start():
        return True
    return doc.body[match.start()].isupper()


def _tail_end(doc: _Doc, pos: int, *, limit: int | None = None) -> int:
    """Return where the organization part of a title that continues at ``pos`` ends."""
    toks = doc.tokens
    k = doc.token_index(pos)
    end, lower_run, count = pos, 0, 0
    while k < len(toks) and count < _MAX_TAIL_TOKENS:
        if limit is not None and toks[k].start >= limit:
            return limit
        gap = doc.body[end : toks[k].start]
        if gap.strip() or "\n" in gap:
            break
        step = _tail_step(doc, k)
        if step == 0:
            break
        lower_run = lower_run + 1 if toks[k].is_lower else 0
        if lower_run > _MAX_LOWER_RUN:
            break
        end = toks[k + step - 1].end
        k += step
        count += step
    return end


def _tail_step(doc: _Doc, k: int) -> int:
    """Number of tokens from ``k`` that may continue a title (0 to stop)."""
    toks, body = doc.tokens, doc.body
    tok = toks[k]
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if tok.is_cap or tok.is_abbrev or tok.text.isdigit():
        return 1
    if tok.text == "(" and nxt is not None and nxt.is_abbrev and k + 2 < len(toks) and toks[k + 2].text == ")":
        return 3
    if tok.text in "-–" and nxt is not None:
        if tok.start > 0 and not body[tok.start - 1].isspace() and nxt.start == tok.end:
            return 1  # "Covid-19"
        if nxt.is_cap and _lexicon().heads.match(doc.key, nxt.start) is None:
            return 1  # "Sở Lao động - Thương binh và Xã hội"
    if tok.text == "." and k > 0 and fold(toks[k - 1].text) == "tp":
        return 1
    if tok.text == "," and k > 0 and nxt is not None and (fold(toks[k - 1].text), fold(nxt.text)) == ("phòng", "chống"):
        return 1  # "Ban Chỉ đạo phòng, chống dịch"
    if not tok.is_lower:
        return 0
    word = fold(tok.text)
    if word == "tại" and _lexicon().abroad.match(doc.key, nxt.start if nxt is not None else tok.end):
        return 1  # "Đại sứ Mỹ tại Việt Nam", "Trưởng đại diện WHO tại Việt Nam"
    if word in _STOP_WORDS and fold(toks[k - 1].text) not in _STOP_EXCEPT_AFTER.get(word, ()):
        return 0
    if nxt is not None and (word, fold(nxt.text)) in _STOP_BIGRAMS:
        return 0
    if word == "và" and not (nxt is not None and nxt.is_cap):
        return 0
    return 1


def _role_from(match: re.Match[str], end: int) -> _Role:
    return _Role(match.start(), end, re.sub(r"\s+", " ", match.group("head")), match.end())


def _roles_before(doc: _Doc, pos: int, floor: int, names_at: Collection[int] = ()) -> list[_Role]:
    """Return the roles written before a name at ``pos`` (nearest last), back to ``floor``.

    The walk stops at a title that runs into another person's name ("Phó Thủ tướng Lê Minh
    Khái, Phó Thủ tướng Lê Văn Thành"): that title is the other person's.
    """
    seps = list(_SEPARATOR_BACK.finditer(doc.key, floor, pos))
    roles: list[_Role] = []
    end, k = pos, len(seps) - 1
    while end > floor:
        role = _last_role(doc, seps[k].end() if k >= 0 else floor, end)
        while role is None and k >= 0 and _is_dash(seps[k]):
            k -= 1  # the dash may sit inside a unit's name ("Sở Lao động - Thương binh và Xã hội")
            role = _last_role(doc, seps[k].end() if k >= 0 else floor, end)
        if role is None or any(role.head_end <= s < role.end for s in names_at):
            break
        roles.insert(0, role)
        if k < 0 or seps[k].group().strip() not in {",", "-", "–", "—"}:
            break
        end = len(doc.key[: seps[k].start()].rstrip())
        k -= 1
    return roles


def _is_dash(sep: re.Match[str]) -> bool:
    return sep.group().strip() in {"-", "–", "—"}


def _last_role(doc: _Doc, start: int, end: int) -> _Role | None:
    """Return the last role in key[start:end] whose title runs up to ``end``."""
    lex = _lexicon()
    stripped_end = end
    while stripped_end > start and doc.body[stripped_end - 1].isspace():
        stripped_end -= 1
    matches = [m for m in lex.heads.finditer(doc.key, start, stripped_end) if _head_at(doc, m)]
    for match in reversed(matches):
        if match.end() == stripped_end or _tail_end(doc, match.end(), limit=stripped_end) >= stripped_end:
            return _role_from(match, stripped_end)
    return None


def _roles_after(doc: _Doc, pos: int, names_at: set[int]) -> list[_Role]:
    """Return the roles written after a name ending at ``pos`` ('- Phó Chủ tịch UBND tỉnh, ...')."""
    lex = _lexicon()
    sep = _SEPARATOR_AFTER_NAME.match(doc.body, pos)
    if sep is None or "\n" in sep.group():
        return []
    roles: list[_Role] = []
    cursor = sep.end()
    while True:
        match = lex.heads.match(doc.key, cursor)
        if match is None or not _head_at(doc, match):
            break
        end = _tail_end(doc, match.end())
        if any(match.end() <= s < end for s in names_at):
            break  # "X, Phó Thủ tướng Y": the title runs into the next name and is that person's
        end = len(doc.body[:end].rstrip())
        roles.append(_role_from(match, end))
        nxt = _SEPARATOR_BETWEEN_ROLES.match(doc.body, end)
        if nxt is None:
            break
        cursor = nxt.end()
    return roles


def _peel_prefixes(doc: _Doc, pos: int, floor: int) -> tuple[int, str | None, str | None]:
    """Step back over 'đồng chí', ranks and academic prefixes before ``pos``.

    Returns (new pos, rank, academic title as written: "PGS.TS", "bác sĩ", or None).
    """
    lex, rank = _lexicon(), None
    peeled = False
    academic: tuple[int, int] | None = None
    attached, inner_academic = True, False  # a comma ends the title ("Theo các bác sĩ, ông A ...")
    while pos > floor:
        window_start = max(floor, pos - 40)
        window = doc.key[window_start:pos]
        hit = None
        for pattern, is_rank in ((lex.ranks, True), (lex.prefixes, False)):
            for m in pattern.finditer(window):
                if not window[m.end() :].strip(" ,.") and (hit is None or m.start() > hit[0].start()):
                    hit = (m, is_rank)
        if hit is None:
            break
        m, is_rank = hit
        start, end = window_start + m.start(), window_start + m.end()
        if is_rank and rank is None:
            rank = doc.body[start:end]
        is_academic = not is_rank and _is_academic(m.group())
        if "," in window[m.end() :] and not (is_academic and inner_academic):  # "Phó giáo sư, tiến sĩ" holds
            attached = False
        if is_academic and attached:
            academic = (start, academic[1] if academic else end)
        inner_academic = is_academic
        pos = start
        peeled = True
    if peeled:
        sep = _SEPARATOR_AFTER_PEEL.search(doc.key, floor, pos)
        if sep is not None:
            pos = sep.start()
    title = doc.body[academic[0] : academic[1]].rstrip(" ,.") if academic else None
    return pos, rank, title


def _is_academic(prefix: str) -> bool:
    """True for an academic or professional prefix ("PGS", "bác sĩ"), not an honorific ("ông", "đồng chí")."""
    return _lexicon().kind.get(" ".join(prefix.rstrip(".").split())) == "academic"


# --- organization and province ------------------------------------------


@dataclass(frozen=True)
class _Title:
    """A role as written, split into its organization and the province it names."""

    text: str
    organization: str | None
    province: str | None
    bare_at: int | None  # body offset of a bare "tỉnh" / "Tỉnh ủy" / "thành phố" when no province is named


def _title_parts(doc: _Doc, role: _Role) -> _Title:
    """Split a role: "Phó Chủ tịch UBND tỉnh Vĩnh Long" -> organization "UBND tỉnh", province "Vĩnh Long"."""
    lex = _lexicon()
    tail = _QUALIFIER.sub("", doc.body[role.head_end : role.end].strip())
    tail_end = role.head_end + len(doc.body[role.head_end : role.end].rstrip())
    province = None
    last = next((p for p in doc.places if p.end == tail_end and p.start >= role.head_end), None)
    if last is not None:
        province = last.data["province"]
        if last.label == "province":
            tail = tail[: len(tail) - (tail_end - last.start)].rstrip(" ,.-")
    unit = lex.unit.get(role.head)
    organization = tail or lex.implied.get(role.head)
    if tail and unit and not fold(tail).startswith(fold(unit)):
        organization = f"{unit} {tail}"
    if organization:
        organization = organization[0].upper() + organization[1:]
    bare = None if province else _BARE_LEVEL.search(doc.key, role.head_end, role.end)
    return _Title(doc.body[role.start : role.end].strip(), organization or None, province,
                  bare.start() if bare else None)


# --- merging --------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    """One occurrence of a name with the roles and rank written around it."""

    name: str
    start: int
    end: int
    rank: str | None
    before: list[_Role]
    after: list[_Role]
    academic: str | None = None

    @classmethod
    def read(cls, doc: _Doc, i: int, j: int, names_at: set[int]) -> "_Mention":
        """Read the name in tokens [i, j) with its rank, academic title and the roles before and after it."""
        start, end = doc.tokens[i].start, doc.tokens[j - 1].end
        floor = max(0, doc.body.rfind("\n", 0, start) + 1, start - _LOOKBACK)
        pos, rank, academic = _peel_prefixes(doc, start, floor)
        return cls(doc.body[start:end], start, end, rank,
                   _roles_before(doc, pos, floor, names_at), _roles_after(doc, end, names_at), academic)


@dataclass
class _Person:
    """One person of the article: the first mention's offsets, every mention, every role seen."""

    name: str
    start: int
    end: int
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[tuple[int, int, _Role]] = field(default_factory=list)  # (mention order, preference, role)
    rank: str | None = None
    academic: str | None = None


def _prefer(roles_before: list[_Role], roles_after: list[_Role]) -> list[tuple[int, _Role]]:
    """Order a mention's roles: nearest-before, then after in order; executives before memberships."""
    ordered = list(reversed(roles_before)) + roles_after
    return sorted(enumerate(ordered), key=lambda pair: (pair[1].tier, pair[0]))


def _bare_resolver(article: Article, places: Sequence[Span]) -> Callable[[int], str | None] | None:
    """Return a function giving the province of a bare "tỉnh" at a body offset, if places are known."""
    if not places:
        return None
    return lambda offset: resolve_bare_reference(article, places, offset)


def extract_officials(article: Article, *, places: Sequence[Span]) -> list[Span]:
    """Return one ``official`` span per named person with a role or rank, at the first mention.

    ``data`` holds ``name``, ``title`` (the role next to the name, an executive role
    before a membership), ``organization``, ``rank``, ``province`` with
    ``province_source`` ('title' or 'home'), ``roles`` (every title seen) and
    ``mentions`` ((start, end) of each mention). Needs ``places`` (from
    :func:`covidlib.extract.places.extract_places`, the one province matcher): they keep place
    names out of names, give the province a title ends with ("UBND tỉnh Vĩnh Long", "huyện Mai
    Sơn") and resolve a bare "tỉnh" / "Tỉnh ủy" in the title to the article's province; with
    ``places=()`` no province is read.

    >>> from covidlib.document import Article
    >>> body = "Chiều 4/2, Phó thủ tướng Vũ Đức Đam chủ trì cuộc họp."
    >>> [s.data["title"] for s in extract_officials(Article("a", "a.txt", body, body), places=())]
    ['Phó thủ tướng']
    """
    doc = _make_doc(article, places)
    names = _names(doc)
    names_at = {doc.tokens[i].start for i, _ in names}
    mentions = [_Mention.read(doc, i, j, names_at) for i, j in names]
    claimed = {(r.start, r.end) for m in mentions for r in m.after}
    people: dict[str, _Person] = {}
    for order, mention in enumerate(mentions):
        # A title after another person's name is that person's ("X, Giám đốc ..., đồng chí Y").
        before = [r for r in mention.before if (r.start, r.end) not in claimed]
        person = people.setdefault(fold(mention.name), _Person(mention.name, mention.start, mention.end))
        person.mentions.append((mention.start, mention.end))
        person.rank = person.rank or mention.rank
        person.academic = person.academic or mention.academic
        person.roles += [(order, pref, role) for pref, role in _prefer(before, mention.after)]
    officials = [p for p in people.values() if p.roles or p.rank or p.academic]
    _add_short_mentions(doc, officials)
    resolve = _bare_resolver(article, places)
    spans = [_span_of(doc, person, resolve) for person in officials]
    return sorted(spans, key=lambda s: s.start)


def _add_short_mentions(doc: _Doc, officials: list[_Person]) -> None:
    """Add 'ông Long' / 'bà Thanh' mentions of a given name that only one official carries."""
    by_given: dict[str, list[_Person]] = {}
    for person in officials:
        by_given.setdefault(fold(person.name.split()[-1]), []).append(person)
    if not by_given:
        return
    toks, texts = doc.tokens, doc.tokens.texts
    for k in range(1, len(toks) - 1):
        if not _cap_text(texts[k]) or fold(texts[k]) not in by_given or not _word_before(doc, k) & _SHORT_HONORIFICS:
            continue
        tok, nxt = toks[k], toks[k + 1]
        if nxt.is_cap and doc.body[tok.end : nxt.start] == " ":
            continue
        owners = by_given[fold(tok.text)]
        if len(owners) == 1 and all(not s <= tok.start < e for s, e in owners[0].mentions):
            owners[0].mentions.append((tok.start, tok.end))
    for person in officials:
        person.mentions.sort()


def _span_of(doc: _Doc, person: _Person, resolve: Callable[[int], str | None] | None) -> Span:
    roles = sorted(person.roles, key=lambda r: (r[2].tier, r[0], r[1]))
    titles = [_title_parts(doc, role) for _, _, role in roles]
    best = titles[0] if titles else None
    province = source = None
    if best is not None:
        stated = [t.province for t in titles if t.province and _same_role(t.text, best.text)]
        if best.province or stated:
            province, source = best.province or stated[0], "title"
        elif best.bare_at is not None and resolve is not None:
            province = resolve(best.bare_at)
            source = "home" if province else None
    data: dict[str, Any] = {
        "name": person.name,
        "title": best.text if best else person.academic,
        "organization": best.organization if best else None,
        "rank": person.rank,
        "province": province,
        "province_source": source,
        "roles": list(dict.fromkeys(t.text for t in titles)),
        "mentions": person.mentions,
    }
    return Span(person.start, person.end, "official", data)


def _same_role(title: str, other: str) -> bool:
    """True if two titles name the same role ('Phó Chủ tịch UBND tỉnh' / '... tỉnh Vĩnh Long')."""
    a, b = fold(title), fold(other)
    return a.startswith(b) or b.startswith(a)


def official_rows(article: Article, spans: Sequence[Span]) -> list[dict[str, Any]]:
    """Return rows of the ``officials`` table (:data:`OFFICIAL_COLUMNS`), one per person.

    ``start``/``end`` are the body offsets of the first mention: ``body[start:end]`` is the name.
    """
    rows = []
    for span in spans:
        data = span.data
        rows.append({
            "article_id": article.article_id,
            "name": data.get("name", article.text(span)),
            "title": data.get("title"),
            "organization": data.get("organization"),
            "rank": data.get("rank"),
            "province": data.get("province"),
            "start": span.start,
            "end": span.end,
        })
    return rows

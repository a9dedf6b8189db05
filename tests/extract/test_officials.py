"""Tests for covidlib.extract.officials: named persons with their title, organization, rank and province."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from covidlib.document import Article, Metadata
from covidlib.quality.evaluate import Score, name_key, score_officials, title_agrees
from covidlib.extract.officials import OFFICIAL_COLUMNS, extract_officials, official_rows
from covidlib.extract.places import extract_places


def article_of(body: str, *, title: str | None = None) -> Article:
    return Article("t", "t.txt", body, body, metadata=Metadata(title=title))


def officials_of(body: str, **options) -> list[dict]:
    article = article_of(body)
    return [span.data for span in extract_officials(article, **{"places": extract_places(article), **options})]


# Sentences with their officials (name, role written next to it, rank), and sentences that must
# yield none: rows of a fixture in the gold schema, each with a slug id and a why.
FIXTURE = Path(__file__).parents[1] / "fixtures" / "officials_sentences.jsonl"
ROWS = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
FOUND = [pytest.param(row, id=row["id"]) for row in ROWS if row["officials"]]
NOTHING = [pytest.param(row, id=row["id"]) for row in ROWS if not row["officials"]]


@pytest.mark.parametrize("row", FOUND)
def test_finds_name_title_and_rank(row):
    found = {o["name"]: o for o in officials_of(row["body"])}
    assert score_officials(list(found.values()), row["officials"]).fn == 0, f"missed in {list(found)}"
    for gold in row["officials"]:
        assert gold["name"] in found, f"{gold['name']!r} not found in {list(found)}"
        assert found[gold["name"]]["title"] == gold["title"]
        assert found[gold["name"]]["rank"] == gold["rank"]


@pytest.mark.parametrize("row", NOTHING)
def test_yields_no_official(row):
    assert officials_of(row["body"]) == []


# (sentence, name, organization, province named in the title)
ORGANIZATIONS = [
    ("Phó Chủ tịch UBND tỉnh Vĩnh Long Nguyễn Thị Quyên Thanh đánh giá cao kết quả.", "Nguyễn Thị Quyên Thanh",
     "UBND tỉnh", "Vĩnh Long"),
    ("Chủ tịch UBND tỉnh Gia Lai Võ Ngọc Thành khẳng định đã kiểm soát dịch.", "Võ Ngọc Thành", "UBND tỉnh", "Gia Lai"),
    ("Sáng 16/9, ông Lê Hồng Sơn, Phó Chủ tịch Thường trực UBND Hà Nội, cho biết.", "Lê Hồng Sơn", "UBND", "Hà Nội"),
    ("Đại tá Nguyễn Sỹ Quang, Phó Giám đốc Công an TP.HCM, yêu cầu tăng cường kiểm tra.", "Nguyễn Sỹ Quang",
     "Công an TP", "Hồ Chí Minh"),
    ("Bộ trưởng Y tế Nguyễn Thanh Long chỉ đạo tăng cường truy vết.", "Nguyễn Thanh Long", "Bộ Y tế", None),
    ("Thứ trưởng Bộ Y tế Đỗ Xuân Tuyên đề xuất nhiều giải pháp.", "Đỗ Xuân Tuyên", "Bộ Y tế", None),
    ("Phó Trưởng Ban Dân vận Trung ương Nguyễn Phước Lộc phát biểu.", "Nguyễn Phước Lộc",
     "Ban Dân vận Trung ương", None),
    ("Thủ tướng Phạm Minh Chính chủ trì cuộc họp.", "Phạm Minh Chính", "Chính phủ", None),
    ("Chủ tịch UBND huyện Mai Sơn Hoàng Văn Chất cho biết.", "Hoàng Văn Chất", "UBND huyện Mai Sơn", "Sơn La"),
]


@pytest.mark.parametrize("sentence, name, organization, province", ORGANIZATIONS)
def test_organization_and_province_from_title(sentence, name, organization, province):
    found = {o["name"]: o for o in officials_of(sentence)}
    assert found[name]["organization"] == organization
    assert found[name]["province"] == province
    assert found[name]["province_source"] == ("title" if province else None)


def test_bare_tinh_takes_the_home_province_from_places():
    places_module = pytest.importorskip("covidlib.extract.places")
    body = ("Chiều 28/5, Ban Thường vụ Tỉnh ủy Điện Biên họp trực tuyến về phòng, chống dịch. "
            "Đồng chí Nguyễn Văn Thắng - Bí thư Tỉnh ủy chủ trì cuộc họp.")
    article = article_of(body)
    places = places_module.extract_places(article)
    [official] = extract_officials(article, places=places)
    assert official.data["province"] == "Điện Biên"
    assert official.data["province_source"] == "home"
    [alone] = extract_officials(article, places=())
    assert alone.data["province"] is None


def test_repeated_mentions_make_one_official_at_the_first_mention():
    body = ("Chủ tịch UBND tỉnh Gia Lai Võ Ngọc Thành khẳng định địa phương đã kiểm soát dịch. "
            "“Tôi lo nhất là ở thành phố Pleiku”, ông Thành cho biết. "
            "Đồng chí Võ Ngọc Thành đề nghị tăng tốc xét nghiệm.")
    article = article_of(body)
    [official] = extract_officials(article, places=extract_places(article))
    mentions = official.data["mentions"]
    assert (official.start, official.end) == mentions[0]
    assert [body[s:e] for s, e in mentions] == ["Võ Ngọc Thành", "Thành", "Võ Ngọc Thành"]


def test_executive_role_is_preferred_and_every_role_is_kept():
    body = "Đồng chí Đào Trọng Đức, Ủy viên Ban Thường vụ Thành ủy, Trưởng Ban Tổ chức Thành ủy đi kiểm tra."
    [official] = officials_of(body)
    assert official["title"] == "Trưởng Ban Tổ chức Thành ủy"
    assert official["roles"] == ["Trưởng Ban Tổ chức Thành ủy", "Ủy viên Ban Thường vụ Thành ủy"]


def test_roles_after_a_name_belong_to_that_name_not_the_next():
    body = ("Đồng chí Thượng tá Huỳnh Việt Hòa, Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Công an tỉnh, đồng chí "
            "Đại tá Lâm Phước Nguyên, Phó Giám đốc Công an tỉnh đã tiếp đoàn.")
    found = {o["name"]: o for o in officials_of(body)}
    assert found["Huỳnh Việt Hòa"]["title"] == "Giám đốc Công an tỉnh"
    assert found["Lâm Phước Nguyên"]["title"] == "Phó Giám đốc Công an tỉnh"
    assert found["Lâm Phước Nguyên"]["roles"] == ["Phó Giám đốc Công an tỉnh"]
    assert found["Lâm Phước Nguyên"]["rank"] == "Đại tá"


def test_rows_have_the_table_columns_and_point_at_the_name():
    body = "Chiều 4/2, Phó thủ tướng Vũ Đức Đam chủ trì cuộc họp. Phó thủ tướng Vũ Đức Đam biểu dương tỉnh."
    article = article_of(body)
    rows = official_rows(article, extract_officials(article, places=extract_places(article)))
    assert len(rows) == 1
    row = rows[0]
    assert tuple(row) == OFFICIAL_COLUMNS
    assert row["article_id"] == "t"
    assert body[row["start"] : row["end"]] == row["name"] == "Vũ Đức Đam"
    assert row["start"] == body.index("Vũ Đức Đam")


@pytest.mark.parametrize("row", FOUND)
def test_span_text_is_the_name(row):
    sentence = row["body"]
    article = article_of(sentence)
    for span in extract_officials(article, places=extract_places(article)):
        assert article.text(span) == span.data["name"]
        for start, end in span.data["mentions"]:
            assert span.data["name"].endswith(sentence[start:end])


# --- gold -------------------------------------------------------------------


def _rows(article):
    spans = extract_officials(article, places=extract_places(article))
    for span in spans:
        assert article.text(span) == span.data["name"]
    return official_rows(article, spans)


def test_seed_gold_officials_exactly(seed_gold_articles):
    for record, article in seed_gold_articles:
        rows = _rows(article)
        predicted = {name_key(r["name"]): r for r in rows}
        gold = {name_key(g["name"]): g for g in record["officials"]}
        assert set(predicted) == set(gold), record["file"]
        for key, g in gold.items():
            assert title_agrees(predicted[key]["title"], g["title"]), (record["file"], predicted[key], g)
        assert not set(predicted) & {name_key(n) for n in record.get("boilerplate_people") or []}


def test_dev_gold_officials_f1(dev_gold_articles):
    total, agreed, matched = Score(), 0, 0
    for record, article in dev_gold_articles:
        rows = _rows(article)
        gold = record.get("officials") or []
        total += score_officials(rows, gold)
        predicted = {name_key(r["name"]): r for r in rows}
        for g in gold:
            if name_key(g["name"]) in predicted:
                matched += 1
                agreed += title_agrees(predicted[name_key(g["name"])]["title"], g["title"])
    print(f"dev officials {total.as_dict()}; titles agreeing {agreed}/{matched}")
    assert total.f1 >= 0.90
    assert agreed >= 0.9 * matched


# --- robustness ---------------------------------------------------------------

_PIECES = ["Nguyễn", "Văn", "Thị", "Lê", "Hồ", "Chí", "Minh", "Mùa", "A", "Phó", "Chủ", "tịch", "UBND", "tỉnh",
           "Bí", "thư", "Tỉnh", "ủy", "đồng", "chí", "Thượng", "tá", "ông", "bà", "TS.", ",", " - ", "(", ")", ";",
           ".", "\n\n", "Giám", "đốc", "Công", "an", "Thành", "phố", "Hà", "Nội", "cho", "biết", "TP.", "Bộ",
           "trưởng", "Y", "tế", "Trưởng", "Ban", "Đoàn", "Đại", "biểu", "và"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_text_gives_spans_that_name_their_text(pieces):
    body = " ".join(pieces)
    article = article_of(body)
    spans = extract_officials(article, places=extract_places(article))
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    for span in spans:
        assert article.text(span) == span.data["name"]
        assert 2 <= len(span.data["name"].split()) <= 4
        assert span.data["title"] or span.data["rank"]


def test_empty_body_gives_nothing():
    assert extract_officials(article_of(""), places=()) == []


# --- tokens are made on demand, at the offsets the token pattern gives --------------------------------

@pytest.mark.parametrize("body", [
    "Chủ tịch UBND tỉnh Nguyễn Văn A, Bí thư Tỉnh ủy H'Yim Kđoh và ông O’Neil.",
    "  Ông   TRẦN VĂN B\n\n(PV) - 12.345 ca; Covid-19...  ",
    "",
    "  \n\t ",
])
def test_tokens_made_on_demand_are_the_pattern_tokens(body):
    from covidlib.extract.officials import _TOKEN, _Tokens

    tokens = _Tokens(body)
    expected = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(body)]
    assert len(tokens) == len(expected)
    assert [(t.start, t.end, t.text) for t in tokens[::-1]] == expected[::-1]  # made out of order, from a slice
    assert [(tokens[i].start, tokens[i].end, tokens[i].text) for i in range(len(tokens))] == expected


@given(st.text(alphabet="aĂđ Ư'’-.,\n 1", max_size=60))
@settings(max_examples=200, deadline=None)
def test_token_offsets_hold_for_any_text(body):
    from covidlib.extract.officials import _TOKEN, _Tokens

    assert list(zip(_Tokens(body).starts, _Tokens(body).texts)) == [(m.start(), m.group()) for m in _TOKEN.finditer(body)]

"""Tests for covidlib.extract.officials: named persons with their title, organization, rank and province."""
from __future__ import annotations

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


# (sentence, name, title, rank)
FOUND = [
    ("Đồn trưởng Đồn Biên phòng Cửa khẩu Lao Bảo Lê Văn Hùng cho biết đã phát hiện 3 người nhập cảnh trái phép.",
     "Lê Văn Hùng", "Đồn trưởng Đồn Biên phòng Cửa khẩu Lao Bảo", None),
    ("GS.TSKH Nguyễn Anh Trí cho rằng cần tiêm mũi nhắc lại.", "Nguyễn Anh Trí", "GS.TSKH", None),
    ("Theo Tiến sĩ khoa học Trần Văn Nam, virus có thể biến đổi.", "Trần Văn Nam", "Tiến sĩ khoa học", None),
    # title before the name
    ("Tại buổi làm việc, Phó Chủ tịch UBND tỉnh Thừa Thiên Huế Nguyễn Thanh Bình cho biết tỉnh đã làm tốt.",
     "Nguyễn Thanh Bình", "Phó Chủ tịch UBND tỉnh Thừa Thiên Huế", None),
    ("Phát biểu tại phiên họp, Bí thư Tỉnh ủy Nguyễn Văn Thắng yêu cầu các huyện rà soát kịch bản.",
     "Nguyễn Văn Thắng", "Bí thư Tỉnh ủy", None),
    ("Chiều 8/10, Phó Trưởng Ban Dân vận Trung ương Nguyễn Phước Lộc dẫn đầu đoàn công tác.",
     "Nguyễn Phước Lộc", "Phó Trưởng Ban Dân vận Trung ương", None),
    ("Chiều 4/2, Phó thủ tướng Vũ Đức Đam chủ trì cuộc họp trực tuyến với tỉnh Gia Lai.",
     "Vũ Đức Đam", "Phó thủ tướng", None),
    ("Trong cuộc họp sáng 5/2, Bộ trưởng Y tế Nguyễn Thanh Long chỉ đạo tăng cường truy vết.",
     "Nguyễn Thanh Long", "Bộ trưởng Y tế", None),
    ("Tiếp đoàn có Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Lê Văn Nưng.",
     "Lê Văn Nưng", "Chủ tịch HĐND tỉnh", None),
    ("Về phía tỉnh, UVTV Tỉnh ủy - Phó Chủ tịch UBND tỉnh Nguyễn Thanh Bình tiếp đoàn.",
     "Nguyễn Thanh Bình", "Phó Chủ tịch UBND tỉnh", None),
    ("Giám đốc Sở Y tế Hà Nội Trần Thị Nhị Hà cho biết thành phố đã tiêm 2 triệu liều.",
     "Trần Thị Nhị Hà", "Giám đốc Sở Y tế Hà Nội", None),
    ("Chủ tịch UBND TP. Hồ Chí Minh Phan Văn Mãi ký công văn hỏa tốc.",
     "Phan Văn Mãi", "Chủ tịch UBND TP. Hồ Chí Minh", None),
    ("Giám đốc Sở Lao động - Thương binh và Xã hội Lê Minh Tấn cho biết đã hỗ trợ 3.000 hộ.",
     "Lê Minh Tấn", "Giám đốc Sở Lao động - Thương binh và Xã hội", None),
    ("Chủ tịch UBND huyện Mai Sơn Hoàng Văn Chất cho biết huyện đã lập 5 chốt.",
     "Hoàng Văn Chất", "Chủ tịch UBND huyện Mai Sơn", None),
    # name, then the title
    ("Đoàn do bà Nguyễn Thị Quyên Thanh - Phó Chủ tịch UBND tỉnh, Trưởng đoàn ĐBQH tỉnh làm Trưởng đoàn.",
     "Nguyễn Thị Quyên Thanh", "Phó Chủ tịch UBND tỉnh", None),
    ("Về phía tỉnh có Nguyễn Thị Ái Vân - Phó Chủ tịch HĐND tỉnh; Nguyễn Thị Sửu - Phó Trưởng đoàn ĐBQH tỉnh.",
     "Nguyễn Thị Ái Vân", "Phó Chủ tịch HĐND tỉnh", None),
    ("Sáng 10-9, ông Nguyễn Văn Lợi, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Trưởng đoàn Đại biểu Quốc hội tỉnh "
     "đã đi kiểm tra.",
     "Nguyễn Văn Lợi", "Bí thư Tỉnh ủy", None),
    ("TS. Đặng Quang Tấn (Cục trưởng Cục Y tế dự phòng, Bộ Y tế) cho biết đoàn công tác đã vào hỗ trợ.",
     "Đặng Quang Tấn", "Cục trưởng Cục Y tế dự phòng", None),
    ("Ê-kíp do Phó giáo sư, tiến sĩ Đào Xuân Cơ - Phó giám đốc bệnh viện - làm trưởng đoàn.",
     "Đào Xuân Cơ", "Phó giám đốc bệnh viện", None),
    ("Ông Nguyễn Văn Hùng (Giám đốc Sở Y tế) cho biết tỉnh đã lấy 5.000 mẫu.",
     "Nguyễn Văn Hùng", "Giám đốc Sở Y tế", None),
    ("PGS.TS Trần Đắc Phu, nguyên Cục trưởng Cục Y tế dự phòng, cho rằng cần cảnh giác.",
     "Trần Đắc Phu", "nguyên Cục trưởng Cục Y tế dự phòng", None),
    # an academic or professional title is the role the gold records when no other role is written
    ("Giáo sư Nguyễn Thanh Hùng phát biểu tại hội thảo.", "Nguyễn Thanh Hùng", "Giáo sư", None),
    ("Theo bác sĩ Trương Hữu Khanh, trẻ em mắc COVID-19 thường có triệu chứng nhẹ.", "Trương Hữu Khanh", "bác sĩ",
     None),
    ("PGS.TS Trần Đắc Phu khuyến cáo người dân không chủ quan.", "Trần Đắc Phu", "PGS.TS", None),
    ("Chuyên gia dịch tễ PGS.TS Trần Đắc Phu khuyến cáo người dân không chủ quan.", "Trần Đắc Phu",
     "Chuyên gia dịch tễ", None),
    # "đồng chí" + rank + name + roles
    ("Đồng chí Thượng tá Huỳnh Việt Hòa, Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Công an tỉnh chia sẻ kinh nghiệm.",
     "Huỳnh Việt Hòa", "Giám đốc Công an tỉnh", "Thượng tá"),
    ("Dẫn đầu đoàn là đồng chí Thiếu tướng Lê Hồng Nam, Giám đốc Công an Thành phố Hồ Chí Minh.",
     "Lê Hồng Nam", "Giám đốc Công an Thành phố Hồ Chí Minh", "Thiếu tướng"),
    ("Trung tướng Nguyễn Văn Sơn, Thứ trưởng Bộ Công an, chủ trì hội nghị trực tuyến.",
     "Nguyễn Văn Sơn", "Thứ trưởng Bộ Công an", "Trung tướng"),
    ("Đại úy Phạm Văn Tư, Phó Trưởng Công an xã, cho biết chốt làm việc 24/24 giờ.",
     "Phạm Văn Tư", "Phó Trưởng Công an xã", "Đại úy"),
    ("Thượng tá Đỗ Văn Tám cho biết lực lượng công an đã lập chốt.",
     "Đỗ Văn Tám", None, "Thượng tá"),
    # ethnic-minority names
    ("Tham dự có đồng chí Mùa A Vảng - Bí thư Huyện ủy; đồng chí Bùi Ngọc La - Chủ tịch UBND huyện.",
     "Mùa A Vảng", "Bí thư Huyện ủy", None),
    ("Đồng chí Giàng A Dính, Phó Bí thư Huyện ủy, kiểm tra chốt kiểm dịch.",
     "Giàng A Dính", "Phó Bí thư Huyện ủy", None),
    ("Chủ tịch UBND huyện Lò Văn Mừng yêu cầu các xã tăng cường giám sát.",
     "Lò Văn Mừng", "Chủ tịch UBND huyện", None),
    ("Ông Ksor Phước Hà, Phó Chủ tịch UBND tỉnh Gia Lai, đã ký quyết định.",
     "Ksor Phước Hà", "Phó Chủ tịch UBND tỉnh Gia Lai", None),
    # the comma of "phòng, chống dịch" is inside the title
    ("Phó Trưởng Ban Chỉ đạo phòng, chống dịch tỉnh Nguyễn Văn Sơn yêu cầu các huyện báo cáo.",
     "Nguyễn Văn Sơn", "Phó Trưởng Ban Chỉ đạo phòng, chống dịch tỉnh", None),
    # foreign names written with accents other languages use; a Vietnamese word before a foreign name
    ("Tổng Thư ký Liên Hợp Quốc António Guterres kêu gọi chia sẻ vắc xin.",
     "António Guterres", "Tổng Thư ký Liên Hợp Quốc", None),
    ("Ngài Carlos Ramírez, Đại sứ Mexico tại Việt Nam, trao tặng khẩu trang.",
     "Carlos Ramírez", "Đại sứ Mexico tại Việt Nam", None),
    ("Giám đốc WHO khu vực Tây Thái Bình Dương Takeshi Kasai cho biết sẽ hỗ trợ.",
     "Takeshi Kasai", "Giám đốc WHO khu vực Tây Thái Bình Dương", None),
]

# Sentences that must yield no official.
NOTHING = [
    "Bệnh nhân Nguyễn Văn An, 45 tuổi, trú tại huyện Thường Tín, Hà Nội.",
    "Hai bệnh nhân Trần Văn Cường và Lê Thị Dung đã xuất viện.",
    "Anh Nguyễn Văn Nam, công nhân khu công nghiệp, cho biết đã được tiêm hai mũi.",
    "Chị T.T.T, 39 tuổi, được lấy mẫu xét nghiệm ngày 14/9.",
    "Tin, ảnh: L.Thọ",
    "Nguồn tin: Sao Khuê",
    "Hoàng Tùng",
    "Ông Lê Văn Nưng đã gửi lời cảm ơn đoàn công tác.",
    "Đối với 2 điểm thi tại trường Tiểu học Thị trấn và THCS Nguyễn Bỉnh Khiêm phải bảo đảm an toàn.",
    "Người dân ở ngõ 330 Nguyễn Trãi được cách ly tập trung.",
    "Nhà thờ Hồ Chí Minh, đường Lê Lợi, phố Hàng Bài đều bị phong tỏa.",
    "Đoàn công tác Thành phố Hồ Chí Minh tặng quà cho Công an tỉnh Hậu Giang.",
    "Hà Nội sẽ hỗ trợ TP. Hồ Chí Minh và các tỉnh miền Nam chống dịch.",
    "Đồng chí Giám đốc Công an tỉnh Hậu Giang gửi lời cảm ơn Ban Giám đốc Công an Thành phố Hồ Chí Minh.",
    "Chủ tịch UBND Hà Nội cho biết thành phố sẽ nới lỏng giãn cách.",
    "Chủ tịch UBND tỉnh Thái Bình khẳng định sẽ kiểm soát dịch.",
    "Phó Chủ tịch UBND tỉnh Hà Giang cho biết tỉnh có thêm 3 ca.",
    "Chủ tịch UBND huyện Mai Sơn cho biết huyện đã lập 5 chốt.",
    "Chủ tịch UBND quận Hoàng Mai cho biết đã phong tỏa một ngõ.",
    "Giám đốc Bệnh viện Bạch Mai cho biết bệnh viện đã cử đoàn công tác.",
    "Giám đốc CDC Hà Nội cho biết có thêm 12 ca.",
    "Ban Chỉ đạo phòng chống dịch tỉnh Thừa Thiên Huế yêu cầu các địa phương tăng cường.",
    "Bí thư Tỉnh ủy yêu cầu tránh chủ quan, lơ là, mất cảnh giác.",
    "Trưởng Đoàn Đại biểu Quốc hội tỉnh phát biểu tại hội nghị.",
    "Giám đốc Sở Y Tế cho biết tỉnh đã chuẩn bị 500 giường.",
    "Bộ Y tế đề nghị Chủ tịch UBND các tỉnh, thành phố chỉ đạo quyết liệt.",
    "Kinh tế tăng trưởng Hà Nội vẫn ổn định.",
]


@pytest.mark.parametrize("sentence, name, title, rank", FOUND)
def test_finds_name_title_and_rank(sentence, name, title, rank):
    found = {o["name"]: o for o in officials_of(sentence)}
    assert name in found, f"{name!r} not found in {list(found)}"
    assert found[name]["title"] == title
    assert found[name]["rank"] == rank


@pytest.mark.parametrize("sentence", NOTHING)
def test_yields_no_official(sentence):
    assert officials_of(sentence) == []


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
    [official] = extract_officials(article, places=())
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
    rows = official_rows(article, extract_officials(article, places=()))
    assert len(rows) == 1
    row = rows[0]
    assert tuple(row) == OFFICIAL_COLUMNS
    assert row["article_id"] == "t"
    assert body[row["start"] : row["end"]] == row["name"] == "Vũ Đức Đam"
    assert row["start"] == body.index("Vũ Đức Đam")


@pytest.mark.parametrize("sentence", [row[0] for row in FOUND])
def test_span_text_is_the_name(sentence):
    article = article_of(sentence)
    for span in extract_officials(article, places=()):
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
    spans = extract_officials(article, places=())
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    for span in spans:
        assert article.text(span) == span.data["name"]
        assert 2 <= len(span.data["name"].split()) <= 4
        assert span.data["title"] or span.data["rank"]


def test_empty_body_gives_nothing():
    assert extract_officials(article_of(""), places=()) == []

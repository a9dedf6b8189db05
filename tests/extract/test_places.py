"""Places: province and district mentions, the home province, bare references and the places table."""
from __future__ import annotations

import pytest

from covidlib.document import Article, Metadata
from covidlib.quality.evaluate import Score, score_sets
from covidlib.extract.places import (
    extract_places,
    home_province,
    stated_home_province,
    province_table,
    resolve_bare_reference,
    tag_province,
)
from covidlib.reference.gazetteer import ascii_name_key, name_key
from covidlib.normalize import normalize_page


def _article(body: str, *, title: str | None = None, site: str | None = None) -> Article:
    body = normalize_page(body)
    return Article("t", "t.txt", body, body, metadata=Metadata(title=title, site=site))


def _found(body: str) -> list[tuple[str, str, str | None]]:
    return [(s.label, s.data["province"], s.data["district"]) for s in extract_places(_article(body))]


def _spelled_as_alias(text: str, alias: str) -> bool:
    if name_key(text) == name_key(alias):
        return True
    return text.isascii() and ascii_name_key(text) == ascii_name_key(alias)


P, D = "province", "district"

FOUND = [
    ("Sáng 12/7, huyện Nậm Pồ ghi nhận thêm 3 ca mắc mới.", [(D, "Điện Biên", "Nậm Pồ")]),
    ("Sáng 5/8, HN ghi nhận thêm 45 ca mắc mới.", [(P, "Hà Nội", None)]),
    ("Có 8 ca ở Thành phố Điện Biên Phủ và 2 ca ở huyện Điện Biên.",
     [(D, "Điện Biên", "Điện Biên Phủ"), (D, "Điện Biên", "Điện Biên")]),
    ("Ban Thường vụ Tỉnh ủy Điện Biên họp trực tuyến với huyện Điện Biên Đông.",
     [(P, "Điện Biên", None), (D, "Điện Biên", "Điện Biên Đông")]),
    ("Đoàn đã kiểm tra Trường THPT Vĩnh Bảo chiều nay.", [(D, "Hải Phòng", "Vĩnh Bảo")]),
    ("Lãnh đạo TP.Thuận An và Dĩ An báo cáo với Tỉnh ủy Bình Dương.",
     [(D, "Bình Dương", "Thuận An"), (D, "Bình Dương", "Dĩ An"), (P, "Bình Dương", None)]),
    ("Bệnh nhân trú tại Thường Tín, Hà Nội.", [(D, "Hà Nội", "Thường Tín"), (P, "Hà Nội", None)]),
    ("Thường Tín vừa có thêm một ca dương tính.", [(D, "Hà Nội", "Thường Tín")]),
    ("Huyện Thống Nhất, tỉnh Đồng Nai có 5 ca.", [(D, "Đồng Nai", "Thống Nhất"), (P, "Đồng Nai", None)]),
    ("Đoàn y bác sĩ vào hỗ trợ TP.HCM, còn TP. Hồ Chí Minh gửi thư cảm ơn.",
     [(P, "Hồ Chí Minh", None), (P, "Hồ Chí Minh", None)]),
    ("Người về từ Sài Gòn phải khai báo y tế.", [(P, "Hồ Chí Minh", None)]),
    ("Hà Tĩnh, Thừa Thiên - Huế và Hoà Bình yêu cầu cách ly.",
     [(P, "Hà Tĩnh", None), (P, "Thừa Thiên Huế", None), (P, "Hòa Bình", None)]),
    ("Khách từ TT-Huế được theo dõi sức khỏe.", [(P, "Thừa Thiên Huế", None)]),
    ("Du khách đến Huế dịp cuối tuần giảm mạnh.", [(D, "Thừa Thiên Huế", "Huế")]),
    ("UBND thành phố Hồ Chí Minh và TP Hà Nội thống nhất phương án.",
     [(P, "Hồ Chí Minh", None), (P, "Hà Nội", None)]),
    ("Thị xã Đông Triều (Quảng Ninh) tiếp giáp TP Chí Linh (Hải Dương).",
     [(D, "Quảng Ninh", "Đông Triều"), (P, "Quảng Ninh", None), (D, "Hải Dương", "Chí Linh"), (P, "Hải Dương", None)]),
    ("Ổ dịch ở huyện Châu Thành, tỉnh Tiền Giang đã được khoanh vùng.",
     [(D, "Tiền Giang", "Châu Thành"), (P, "Tiền Giang", None)]),
    ("Số ca tại Châu Thành (Long An) tăng nhanh.", [(D, "Long An", "Châu Thành"), (P, "Long An", None)]),
    ("Người dân quận Cầu Giấy được tiêm mũi 3.", [(D, "Hà Nội", "Cầu Giấy")]),
    ("Chốt kiểm soát đặt tại huyện Quảng Ninh từ sáng nay.", [(D, "Quảng Bình", "Quảng Ninh")]),
    ("Thêm 1 ca tại Q.7, TP.HCM.", [(D, "Hồ Chí Minh", "Quận 7"), (P, "Hồ Chí Minh", None)]),
    ("Người ở quận 11, TP.HCM cách ly tại nhà.", [(D, "Hồ Chí Minh", "Quận 11"), (P, "Hồ Chí Minh", None)]),
    ("Hai ca điều trị tại Bệnh viện đa khoa H.Kỳ Anh (Hà Tĩnh).", [(D, "Hà Tĩnh", "Kỳ Anh"), (P, "Hà Tĩnh", None)]),
    ("Khach tu Ha Noi va Da Nang da duoc cach ly.", [(P, "Hà Nội", None), (P, "Đà Nẵng", None)]),
    ("Thành phố Vũng Tàu thuộc tỉnh Bà Rịa - Vũng Tàu.",
     [(D, "Bà Rịa - Vũng Tàu", "Vũng Tàu"), (P, "Bà Rịa - Vũng Tàu", None)]),
    ("Tối 5/2, tỉnh Gia Lai có thêm ca bệnh ở huyện Ia Pa và thị xã Ayun Pa.",
     [(P, "Gia Lai", None), (D, "Gia Lai", "Ia Pa"), (D, "Gia Lai", "Ayun Pa")]),
    ("Số ca tại Hoàng Mai (Hà Nội) tăng.", [(D, "Hà Nội", "Hoàng Mai"), (P, "Hà Nội", None)]),
    ("Thị xã Hoàng Mai của Nghệ An có 2 ca.", [(D, "Nghệ An", "Hoàng Mai"), (P, "Nghệ An", None)]),
    ("Trung tâm Y tế thành phố Điện Biên được chọn làm bệnh viện dã chiến.", [(P, "Điện Biên", None)]),
    ("Ông Nguyễn Văn Lợi, Bí thư Tỉnh ủy Bình Dương, kiểm tra đột xuất.", [(P, "Bình Dương", None)]),
    ("Người từ Bắc Ninh phải cách ly, trừ các huyện Lâm Thao, Đồng Tiến.", [(P, "Bắc Ninh", None)]),
    ("Người từ Hà Nội về huyện Vĩnh Bảo phải khai báo.", [(P, "Hà Nội", None), (D, "Hải Phòng", "Vĩnh Bảo")]),
    ("HÀ NỘI - Sáng nay thành phố ghi nhận 12 ca.", [(P, "Hà Nội", None)]),
    ("Các ca mắc ở TX.Bến Cát và huyện Việt Yên đều đã cách ly.",
     [(D, "Bình Dương", "Bến Cát"), (D, "Bắc Giang", "Việt Yên")]),
]

NOTHING = [
    "Phó Chủ tịch HĐND tỉnh Nguyễn Thị Ái Vân phát biểu.",
    "Phó Chủ tịch UBND tỉnh Lê Văn Phước thông tin thêm với đoàn.",
    "Ông Nguyễn Thanh Bình cho biết tỉnh đã sẵn sàng.",
    "Bà Hoàng Thị Thái Bình, Giám đốc Sở, phát biểu.",
    "Nguyễn Hoài Đức, 35 tuổi, là F1 của bệnh nhân 1.234.",
    "Giám đốc Sở Y tế Phạm Quang Bình kiểm tra khu cách ly.",
    "Thượng tá Lâm Thao chỉ đạo lực lượng làm nhiệm vụ.",
    "Nguyễn Văn Vinh được khen thưởng.",
    "Khu nhà trọ trên đường Bình Nhâm 17, phường Bình Nhâm.",
    "Người ở phường 4, quận 11 phải cách ly tập trung.",
    "Cư dân Mỹ Đình 2 được xét nghiệm.",
    "Xã Vĩnh Tiến và xã Vĩnh An tổ chức tiêm vắc xin.",
    "Người dân thị trấn Đông Anh được xét nghiệm.",
    "Nhà hàng trên đường Điện Biên Phủ và phố Huế tạm đóng cửa.",
    "Cửa hàng số 10 Điện Biên Phủ tạm đóng cửa.",
    "Tàu du lịch trên sông Sài Gòn ngừng hoạt động.",
    "Việt Nam ghi nhận thêm 94 ca, Tây Nguyên không có ca mới.",
    "Các tỉnh, thành phố và quận, huyện đã sẵn sàng.",
    "Huyện Châu Thành có 3 ca mắc mới.",
    "Bệnh viện Bạch Mai cử đoàn công tác hỗ trợ.",
    "Bệnh nhân đang điều trị tại Bệnh viện Thống Nhất.",
    "người dân hà nội và thanh hóa",
    "Văn phòng WHO khu vực Tây Thái Bình Dương hỗ trợ vắc xin.",
    "Diễn đàn châu Á - Thái Bình Dương bàn về phục hồi kinh tế.",
    "Mã hồ sơ HN-2021-15 đã được duyệt.",
    "Xe mang biển kiểm soát 51F-HCM chở hàng thiết yếu.",
]


@pytest.mark.parametrize("body, expected", FOUND)
def test_places_found_in_sentences(body, expected):
    assert _found(body) == expected


@pytest.mark.parametrize("body", NOTHING)
def test_sentences_that_name_no_place(body):
    assert _found(body) == []


@pytest.mark.parametrize("body", [b for b, _ in FOUND])
def test_span_text_is_spelled_as_its_alias_and_data_is_complete(body):
    article = _article(body)
    for span in extract_places(article):
        assert _spelled_as_alias(article.text(span), span.data["alias"]), (article.text(span), span.data)
        assert len(span.data["code"]) == 2
        assert (span.label == "district") == (span.data["district"] is not None)
        assert (span.data["district_type"] is None) == (span.label == "province")


def _gold_spans_ok(article: Article) -> list[str]:
    return [f"{article.text(s)!r} vs {s.data['alias']!r}" for s in extract_places(article)
            if not _spelled_as_alias(article.text(s), s.data["alias"])]


def test_seed_provinces_equal_gold_on_every_page(seed_gold_articles):
    for record, article in seed_gold_articles:
        places = extract_places(article)
        assert {s.data["province"] for s in places} == set(record["provinces"]), record["file"]
        assert _gold_spans_ok(article) == []


def test_dev_province_f1(dev_gold_articles):
    total = Score()
    for record, article in dev_gold_articles:
        predicted = {s.data["province"] for s in extract_places(article)}
        score = score_sets(predicted, record["provinces"])
        total = total + score
        missed, extra = set(record["provinces"]) - predicted, predicted - set(record["provinces"])
        if missed or extra:
            print(f"{record['file']}: missed {sorted(missed)}, extra {sorted(extra)}")
        assert _gold_spans_ok(article) == []
    print("dev provinces:", total.as_dict())
    assert total.f1 >= 0.97


@pytest.mark.parametrize(
    "prefix, expected",
    [("000", "Thừa Thiên Huế"), ("001", "Điện Biên"), ("002", "An Giang"), ("003", "Hải Phòng"), ("004", "Hậu Giang")],
)
def test_home_province_of_seeds(seed_gold_articles, prefix, expected):
    record, article = next((r, a) for r, a in seed_gold_articles if r["file"].startswith(prefix))
    assert home_province(article, extract_places(article)) == expected


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_home_province_of_seeds_without_their_site_tag(seed_gold_articles, prefix):
    record, article = next((r, a) for r, a in seed_gold_articles if r["file"].startswith(prefix))
    expected = home_province(article, extract_places(article))
    first_dash = article.body.find("- ")
    body = article.body[first_dash + 2:] if first_dash < 40 else article.body
    stripped = _article(body, title=article.metadata.title)
    assert home_province(stripped, extract_places(stripped)) == expected


@pytest.mark.parametrize(
    "body, title, site, expected",
    [
        ("Chiều 4/7, đồng chí Trưởng Ban Tổ chức Thành ủy đi kiểm tra.", None, "Haiphong.gov.vn", "Hải Phòng"),
        ("Đoàn công tác của tỉnh Vĩnh Long làm việc với UBND tỉnh Thừa Thiên Huế.", None, None, "Thừa Thiên Huế"),
        ("Tại Công an tỉnh Hậu Giang, đồng chí Giám đốc tiếp đoàn công tác Thành phố Hồ Chí Minh. "
         "Thành phố Hồ Chí Minh đã có hơn 420.000 ca.", None, None, "Hậu Giang"),
        ("Phó Trưởng ban làm việc với tỉnh về công tác phòng dịch.", "Làm việc với tỉnh An Giang", None, "An Giang"),
        ("Lãnh đạo kiểm tra công tác phòng dịch.", "Kiểm tra tại huyện Vĩnh Bảo", None, "Hải Phòng"),
        ("Bộ Y tế đề nghị các địa phương tiêm vắc xin.", None, None, None),
    ],
)
def test_home_province_from_tag_title_and_first_sentence(body, title, site, expected):
    article = _article(body, title=title, site=site)
    assert home_province(article, extract_places(article)) == expected


@pytest.mark.parametrize(
    "body, title, expected",
    [
        ("Sáng 20/9, có 500 ca mắc mới.\n\nTP.HCM có 300 ca, Bình Dương 120 ca, Đồng Nai 80 ca.", None, None),
        ("Sáng 20/9, có 500 ca mắc mới.\n\nTP.HCM có 300 ca, Bình Dương 120 ca.", "TP.HCM thêm 300 ca", "Hồ Chí Minh"),
        ("Sáng 20/9, tỉnh Long An có 50 ca mắc mới, trong đó 5 ca về từ TP.HCM.", None, "Long An"),
        ("Sáng 20/9, tỉnh có 50 ca mắc mới.\n\nCác ca đều ở huyện Đức Hòa, Long An.", None, "Long An"),
    ],
)
def test_stated_home_province_needs_the_title_the_lead_or_a_single_province(body, title, expected):
    article = _article(body, title=title)
    assert stated_home_province(article, extract_places(article)) == expected


@pytest.mark.parametrize(
    "tag, context, expected",
    [
        ("Haiphong.gov.vn", [], "Hải Phòng"),
        ("TTH.VN", [], "Thừa Thiên Huế"),
        ("TUAG", ["An Giang"], "An Giang"),
        ("TUAG", [], None),
        ("baodanang.vn", [], "Đà Nẵng"),
        ("www.baoquangninh.com.vn", [], "Quảng Ninh"),
        ("VnExpress", [], None),
        ("SKĐS", ["Hà Nội"], None),
        ("TTXVN", ["Hà Nội"], None),
    ],
)
def test_tag_province(tag, context, expected):
    assert tag_province(tag, context=context) == expected


BARE_BODY = ("Tại Công an tỉnh Hậu Giang, đồng chí Giám đốc tiếp đoàn công tác Thành phố Hồ Chí Minh. "
             "Giám đốc Công an tỉnh cho biết trên địa bàn thành phố dịch đã được kiểm soát.")


@pytest.mark.parametrize(
    "word, occurrence, expected",
    [("tỉnh", 0, "Hậu Giang"), ("tỉnh", 1, "Hậu Giang"), ("thành phố", 0, "Hồ Chí Minh"), ("Giám đốc", 0, None)],
)
def test_bare_references_point_at_home_or_nearest_province_of_their_kind(word, occurrence, expected):
    article = _article(BARE_BODY)
    offset = -1
    for _ in range(occurrence + 1):
        offset = article.body.index(word, offset + 1)
    assert resolve_bare_reference(article, extract_places(article), offset) == expected


def test_bare_tinh_in_a_city_article_points_at_the_city_when_no_province_is_named():
    article = _article("Chiều 4/7, Trưởng Ban Tổ chức Thành ủy làm việc với huyện Vĩnh Bảo. Cả thành phố đã sẵn sàng.")
    places = extract_places(article)
    offset = article.body.index("thành phố")
    assert resolve_bare_reference(article, places, offset) == "Hải Phòng"


def test_province_table_counts_each_province_and_district():
    body = "Huyện Nậm Pồ có 45 ca, huyện Điện Biên 3 ca; tỉnh Điện Biên có 57 ca, Nậm Pồ nhiều nhất."
    article = _article(body)
    rows = province_table(article, extract_places(article))
    table = {(r["province"], r["district"]): r for r in rows}
    assert set(table) == {("Điện Biên", None), ("Điện Biên", "Nậm Pồ"), ("Điện Biên", "Điện Biên")}
    assert table[("Điện Biên", None)]["mentions"] == 4
    assert table[("Điện Biên", "Nậm Pồ")]["mentions"] == 2
    first = table[("Điện Biên", "Nậm Pồ")]
    assert article.body[first["first_start"]:first["first_end"]] == "Nậm Pồ"
    assert all(r["province_code"] == "11" and r["article_id"] == "t" for r in rows)
    assert [r["first_start"] for r in rows] == sorted(r["first_start"] for r in rows)


def test_province_table_of_no_places_is_empty():
    article = _article("Bộ Y tế đề nghị các địa phương tiêm vắc xin.")
    assert province_table(article, extract_places(article)) == []


def test_offsets_point_into_the_body_when_the_text_uses_old_tone_marks():
    article = _article("Ngày 22/2, tỉnh Hoà Bình ghi nhận 2.087 ca; Thanh Hoá có 900 ca.")
    assert [article.text(s) for s in extract_places(article)] == ["Hoà Bình", "Thanh Hoá"]


def test_site_metadata_wins_over_mention_counts():
    article = _article("Đoàn Hà Nội làm việc với Hà Nội và Hà Nội.", site="TTH.VN")
    assert home_province(article, extract_places(article)) == "Thừa Thiên Huế"


@pytest.mark.parametrize("text", [
    "Tính đến 28/5, huyện Nậm Pồ có 45 ca, TP.HCM có 40 ca.",
    "Tinh Ba Ria - Vung Tau va thanh pho Ha Noi ghi nhan ca moi",
    "Không có tên địa danh nào ở đây.",
])
def test_grouped_name_pattern_matches_as_the_plain_alternation(text):
    import re

    from covidlib.extract.places import _index
    from covidlib.normalize import ascii_fold
    _, loose, _, grouped = _index()
    keys = sorted(set(loose), key=len, reverse=True)
    plain = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(k).replace(r"\ ", "[ ]+").replace(r"\.", r"\.[ ]*")
                                                  .replace(r"\-", "[ ]*[-–—][ ]*") for k in keys) + r")(?![\w])")
    key = ascii_fold(text)
    assert [m.span() for m in grouped.finditer(key)] == [m.span() for m in plain.finditer(key)]

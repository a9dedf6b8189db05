"""The province that owns the outlet, read in the page's furniture, and the home province it sets."""
from __future__ import annotations

import pytest

from covidlib.document import Article, Span
from covidlib.text.article import article_from_body
from covidlib.extract.places import extract_places, home_province, outlet_province, stated_home_province


def _article(body: str, line: str, label: str) -> Article:
    article = article_from_body(body)
    article.page = f"{article.body}\n{line}"
    article.furniture = [Span(len(article.body) + 1, len(article.page), label)]
    return article


@pytest.mark.parametrize(
    "line, label, expected",
    [
        ("Cổng thông tin điện tử tỉnh Bắc Giang", "tail", "Bắc Giang"),
        ("Chào mừng quý vị đến với Cổng thông tin điện tử Đảng bộ tỉnh Tây Ninh!", "banner", "Tây Ninh"),
        ("Theo Báo Quảng Bình điện tử", "source", "Quảng Bình"),
        ("Cơ quan chủ quản: Ủy ban nhân dân huyện Krông Pắc, tỉnh Đắk Lắk. Điện thoại: 0262 3xxx 000", "footer", "Đắk Lắk"),
        ("TRUNG TÂM KIỂM SOÁT BỆNH TẬT TỈNH HÀ GIANG", "banner", "Hà Giang"),
        ("Bản quyền thuộc Sở Y tế thành phố Hải Phòng", "footer", "Hải Phòng"),
        ("Giấy phép số 05/GP-STTTT do Sở Thông tin và Truyền thông tỉnh Phú Yên cấp", "footer", "Phú Yên"),
        ("Theo Báo Cà Mau", "byline", "Cà Mau"),
        # no owner: an address, an advert, a national outlet, two owners that disagree
        ("© Khách sạn Hoa Sen. Địa chỉ: 15 Trần Phú, Nha Trang, Khánh Hòa", "footer", None),
        ("Cơ quan chủ quản: Ban biên tập. Địa chỉ: số 5 Lê Lợi, TP. Thủ Dầu Một, tỉnh Bình Dương", "footer", None),
        ("Bản quyền thuộc Báo Sức khỏe và Đời sống, Bộ Y tế", "footer", None),
        ("Báo Nghệ An phối hợp với Báo Hà Tĩnh", "footer", None),
        ("Giấy phép số 123/GP-BTTTT do Bộ Thông tin và Truyền thông cấp", "footer", None),
        ("Tin, ảnh: Nguyễn Văn Bình", "byline", None),
        ("Tin liên quan: Bắc Ninh thêm 20 ca mắc mới", "related", None),
    ],
)
def test_outlet_province(line, label, expected):
    assert outlet_province(_article("Trong ngày có 12 ca mắc mới.", line, label)) == expected


def test_outlet_states_the_home_of_a_page_naming_several_provinces():
    article = _article("Hà Nội có 300 ca, Bắc Ninh có 20 ca. Toàn tỉnh có 12 ca khỏi bệnh.",
                       "Cổng thông tin điện tử tỉnh Bắc Ninh", "tail")
    places = extract_places(article)
    assert home_province(article, places) == "Bắc Ninh"
    assert stated_home_province(article, places) == "Bắc Ninh"


def test_a_body_with_no_province_is_the_outlets():
    article = _article("Trong ngày có 12 ca mắc mới.", "Theo Báo Lạng Sơn", "source")
    assert home_province(article, extract_places(article)) == "Lạng Sơn"


def test_where_people_come_from_is_not_home():
    article = article_from_body("Thành phố Hà Nôi đã lấy mẫu cho 50.000 người trở về từ Đà Nẵng.",
                                title="Hà Nội thông báo kết quả xét nghiệm nhanh")
    assert home_province(article, extract_places(article)) == "Hà Nội"

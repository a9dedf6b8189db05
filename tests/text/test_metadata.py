"""Metadata: date lines to ISO text, years never guessed, bylines to author names, site tags."""
from __future__ import annotations

import pytest

from covidlib.text.clean import clean_page
from covidlib.text.lines import (
    author_from_byline,
    byline_names,
    find_date,
    find_relative_time,
    is_person_name,
    is_place_name,
    name_beside_date,
    parse_published,
    reads_as_byline,
    site_from_source,
    yearless_dates,
)
from covidlib.text.metadata import read_metadata, title_candidates

DATE_LINES = [
    ("Thứ Hai, 16/05/2022 12:44", "2022-05-16T12:44"),
    ("ClockThứ Hai, 16/05/2022 12:44", "2022-05-16T12:44"),
    ("Thời gian đăng: 28/05/2021 16:19:39 PM", "2021-05-28T16:19"),
    ("Thứ 6, Ngày 08/10/2021, 19:00", "2021-10-08T19:00"),
    ("Thứ hai - 01/11/2021 22:57 923 0", "2021-11-01T22:57"),
    ("2021-02-04 15:27:18", "2021-02-04T15:27"),
    ("2020-04-14", "2020-04-14"),
    ("29/05/2021", "2021-05-29"),
    ("Ngày đăng: 11/09/2021 | Lượt xem: 846", "2021-09-11"),
    ("08/10/2021 | Thu Thảo", "2021-10-08"),
    ("Thứ ba, 14/9/2021, 10:25 (GMT+7)", "2021-09-14T10:25"),
    ("10:25 | 14/09/2021", "2021-09-14T10:25"),
    ("Cập nhật: 08h15 ngày 20.07.2021", "2021-07-20T08:15"),
    ("09:05 AM 12/03/2021", "2021-03-12T09:05"),
    ("12:05 AM 12/03/2021", "2021-03-12T00:05"),
    ("02:30 PM 12/03/2021", "2021-03-12T14:30"),
    ("Hà Nội, ngày 16 tháng 5 năm 2022", "2022-05-16"),
    ("Thứ Năm, ngày 19 tháng 8 năm 2021", "2021-08-19"),
    ("19 tháng 8 năm 2021", "2021-08-19"),
    ("Thứ Hai, 06:30, 23/08/2021", "2021-08-23T06:30"),  # the time first, then a comma
    ("Thứ Hai, 23-08-2021, 18:05", "2021-08-23T18:05"),
    ("19/8/2021 - 07:15 AM", "2021-08-19T07:15"),
    ("Cập nhật: 19/8/2021 - 07:15 PM", "2021-08-19T19:15"),
    ("Cập nhật lúc 08:15 ngày 12/08/2021", "2021-08-12T08:15"),
    ("2021-08-19T07:15:00+07:00", "2021-08-19T07:15"),
    ("Posted: August 19, 2021 07:15", "2021-08-19T07:15"),
    ("Thursday, August 26, 2021 - 07:15", "2021-08-26T07:15"),
    ("19 Aug 2021 07:15", "2021-08-19T07:15"),
    ("Sept. 3rd, 2021", "2021-09-03"),
]


@pytest.mark.parametrize("line, iso", DATE_LINES)
def test_date_line_to_iso(line, iso):
    assert parse_published(line) == iso


NO_FULL_DATE = [
    "Thứ Hai, 16/5 12:44",  # no year
    "Chiều 4/7, đồng chí Đào Trọng Đức đi kiểm tra",
    "31/02/2021",  # no such day
    "2021-02-04-08-27-18-329.jpg",  # an image file name, not a date line
    "Số ca mắc là 4.174.538 ca",
    "Trung tâm y tế huyện Vĩnh Bảo",
    "",
    "Trong tháng 8, tỉnh ghi nhận 200 ca mắc mới",
    "ngày 5 tháng 8",  # no year
    "May 19",  # no year
    "Cả nước có 1.234.567 người đã tiêm đủ 2 mũi, 2021 người chờ tiêm",
]


@pytest.mark.parametrize("line", NO_FULL_DATE)
def test_lines_without_a_full_date(line):
    assert parse_published(line) is None


def test_time_is_read_beside_the_date_not_from_other_numbers():
    found = find_date("Thứ hai - 01/11/2021 22:57 923 0")
    assert (found.hour, found.minute) == (22, 57)
    assert find_date("29/05/2021 923 0").hour is None


@pytest.mark.parametrize(
    "text, day_month",
    [
        ("Chiều 4/7, đồng chí Đào Trọng Đức đi kiểm tra", [(4, 7)]),
        ("Sáng nay, 19.6, Bộ Y tế thông báo", [(19, 6)]),
        ("ngày 11-9 trong hệ thống điều trị tỉnh", [(11, 9)]),
        ("thế giới đã ghi nhận 4.174.538 ca", []),
        ("hơn 2,3 triệu ca đã khỏi, 4.171 ca đang điều trị", []),
        ("ngày 08/10/2021", []),
        ("tiêm vaccine cho trẻ từ 5-11 tuổi", []),
        ("86/94 ca được phát hiện trong khu cách ly", []),
    ],
)
def test_yearless_dates(text, day_month):
    assert [(d.day, d.month) for d in yearless_dates(text)] == day_month


def _meta(page: str, **hints):
    return read_metadata(clean_page(page), hints=hints or None)


BODY = "Sáng 16/5, tỉnh Thừa Thiên Huế tổ chức tiêm vaccine phòng COVID-19 cho trẻ từ 5 đến 11 tuổi."


def test_yearless_date_line_gives_none_with_a_note():
    meta = _meta(f"Thứ Hai, 16/5 12:44\n\nTiêm vaccine cho trẻ tại Huế\n\n{BODY}")
    assert meta.published is None
    assert "16/5" in meta.date_note and "year" in meta.date_note


def test_page_without_date_line_but_yearless_body_date_gives_a_note():
    meta = _meta(f"Tiêm vaccine cho trẻ tại Huế\n\n{BODY}")
    assert meta.published is None
    assert "16/5" in meta.date_note


def test_page_without_any_date_gives_a_note():
    meta = _meta("Tiêm vaccine cho trẻ tại Huế\n\nTỉnh tổ chức tiêm vaccine phòng COVID-19 cho trẻ em tại các trường học.")
    assert meta.published is None and meta.date_note


def test_page_with_only_a_relative_time_gives_a_note():
    meta = _meta(f"Tiêm vaccine cho trẻ tại Huế\n\nĐức Toàn · 2 giờ trước\n\n{BODY}")
    assert meta.published is None and "2 giờ trước" in meta.date_note
    assert meta.author == "Đức Toàn"


@pytest.mark.parametrize("text, found", [("Đức Toàn · 2 giờ trước", "2 giờ trước"), ("15 phút trước", "15 phút trước"),
                                         ("3 hours ago", "3 hours ago")])
def test_relative_times(text, found):
    where = find_relative_time(text)
    assert where is not None and text[where[0] : where[1]] == found


@pytest.mark.parametrize("text", ["Ngày 12/10/2021", "Trước đó 2 ngày, tỉnh đã phong tỏa", "Hôm qua: 1.234", ""])
def test_no_relative_time(text):
    assert find_relative_time(text) is None


def test_date_line_gives_published_without_note():
    meta = _meta(f"Tiêm vaccine cho trẻ tại Huế\n\nThứ Hai, 16/05/2022 12:44\n\n{BODY}")
    assert (meta.published, meta.date_note, meta.title) == ("2022-05-16T12:44", None, "Tiêm vaccine cho trẻ tại Huế")


def test_hints_win_over_the_page():
    page = f"Tiêm vaccine cho trẻ tại Huế\n\nThứ Hai, 16/05/2022 12:44\n\n{BODY}\n\nHoàng Tùng"
    meta = _meta(page, title="Tiêm vaccine cho trẻ", published="2022-05-17T08:00:00+07:00", author="Thu Thảo", site="TTH.VN")
    assert (meta.title, meta.published, meta.author, meta.site) == (
        "Tiêm vaccine cho trẻ", "2022-05-17T08:00", "Thu Thảo", "TTH.VN")


@pytest.mark.parametrize(
    "hints, title",
    [
        ({"title": "Tiêm vaccine cho trẻ tại Huế | Báo Thừa Thiên Huế"}, "Tiêm vaccine cho trẻ tại Huế"),
        ({"title": "Tin tức | Báo Thừa Thiên Huế", "h1": "Tiêm vaccine cho trẻ tại Huế"}, "Tiêm vaccine cho trẻ tại Huế"),
        ({"og_title": "Huế tiêm vaccine cho trẻ từ 5 đến 11 tuổi"}, "Huế tiêm vaccine cho trẻ từ 5 đến 11 tuổi"),
        ({}, "Tiêm vaccine cho trẻ tại Huế"),
    ],
)
def test_title_hints_from_html(hints, title):
    meta = _meta(f"Tiêm vaccine cho trẻ tại Huế\n\n29/05/2021\n\n{BODY}", **hints)
    assert meta.title == title


@pytest.mark.parametrize(
    "hint, published",
    [
        ("2022-05-16T08:00:00+07:00", "2022-05-16T08:00"),
        ("2022-05-16T01:00:00Z", "2022-05-16T08:00"),  # UTC given in Vietnam time
        ("2022-05-16", "2022-05-16T12:44"),  # the same day without a time keeps the page's time
        ("2022-05-17", "2022-05-17"),
    ],
)
def test_published_hints(hint, published):
    meta = _meta(f"Tiêm vaccine cho trẻ tại Huế\n\nThứ Hai, 16/05/2022 12:44\n\n{BODY}", published=hint)
    assert meta.published == published


def test_unparseable_published_hint_falls_back_to_the_page():
    meta = _meta(f"Tiêm vaccine cho trẻ tại Huế\n\n29/05/2021\n\n{BODY}", published="hôm qua")
    assert meta.published == "2021-05-29"


BYLINES = [
    ("Tin, ảnh: L.Thọ", "L.Thọ"),
    ("Tin và ảnh: Minh Anh", "Minh Anh"),
    ("Nguồn tin: Sao Khuê", "Sao Khuê"),
    ("Tác giả bài viết: Ngô Văn Thật - Phòng Tham mưu", "Ngô Văn Thật"),
    ("Tác giả: Nguyễn Văn An", "Nguyễn Văn An"),
    ("Biên soạn: Trung Nam", "Trung Nam"),
    ("(Nguồn: Liên Châu - Thanh Niên Online)", "Liên Châu"),
    ("Hoàng Tùng", "Hoàng Tùng"),
    ("THU THẢO", "Thu Thảo"),
    ("NGUYỄN VĂN AN", "Nguyễn Văn An"),
    ("Bài và ảnh: TRỌNG HẢI", "Trọng Hải"),
    ("Vân Anh/VOV-Tây Nguyên", "Vân Anh"),
    ("Nguyễn Hà - Minh Anh", "Nguyễn Hà - Minh Anh"),
    ("Lê Nga, Hải Hiền", "Lê Nga, Hải Hiền"),
    ("Hồng Nhung (tổng hợp)", "Hồng Nhung"),
    ("Thu Hà (t/h)", "Thu Hà"),
    ("Minh Phương - TTYT huyện Lộc Hà", "Minh Phương"),
    ("Hữu Nghị - Hà Nội", "Hữu Nghị"),
    ("Tác giả: Ngọc Trâm - Văn phòng HĐND và UBND huyện", "Ngọc Trâm"),
    ("Theo Hà Minh (Báo Đồng Nai)", "Hà Minh"),
    ("Việt Quốc", "Việt Quốc"),
    ("HOÀI THƯƠNG", "Hoài Thương"),
    ("Văn Hùng (Sở Y tế)", "Văn Hùng"),
    ("Thu Hà (thực hiện)", "Thu Hà"),
]


@pytest.mark.parametrize("line, author", BYLINES)
def test_byline_to_author(line, author):
    assert author_from_byline(line) == author


NOT_BYLINES = [
    "Nguồn: covid19.gov.vn",
    "Nguồn: suckhoedoisong.vn",
    "Theo TTXVN",
    "Quang cảnh buổi làm việc",
    "Bộ Y tế",
    "Trung tâm y tế huyện Vĩnh Bảo",
    "Tin liên quan",
    "Lượt xem: 2.096",
    "Sở Y tế thông báo trong 24 giờ qua có 4.497 bệnh nhân khỏi bệnh.",
    "PV",
    "Nhóm PV",
    "PV/VTV.vn",
    "(TTXVN/Vietnam+)",
    "THEO TTXVN",
    "(Theo VOV)",
    "Nguồn: Báo Lạng Sơn",
    "Theo Báo Điện Biên Phủ",
    "Thanh Niên",
    "Tuổi Trẻ Online",
    "Theo dõi chúng tôi trên Google News",
    "PV: Thưa ông, tỉnh đã chuẩn bị thuốc thế nào?",
    "Tin, ảnh: BQL",
    "Việt Nam",
    "CDC Khánh Hòa",
    "Phòng Văn hóa - Thông tin",
]


@pytest.mark.parametrize("line", NOT_BYLINES)
def test_lines_that_name_no_author(line):
    assert author_from_byline(line) is None


@pytest.mark.parametrize(
    "line, site",
    [
        ("Nguồn: covid19.gov.vn", "covid19.gov.vn"),
        ("Nguồn: suckhoedoisong.vn", "suckhoedoisong.vn"),
        ("(Nguồn: Liên Châu - Thanh Niên Online)", "Thanh Niên Online"),
        ("Theo TTXVN", "TTXVN"),
        ("Nguồn tin: Sao Khuê", None),
        ("Hoàng Tùng", None),
    ],
)
def test_site_from_source_line(line, site):
    assert site_from_source(line) == site


@pytest.mark.parametrize("text", ["Hoàng Tùng", "THU THẢO", "L.Thọ", "Ngô Văn Thật", "Nguyễn Thị Quyên Thanh"])
def test_person_names(text):
    assert is_person_name(text)


@pytest.mark.parametrize(
    "text",
    ["Bộ Y tế", "Quang cảnh buổi làm việc", "Tin liên quan", "Lượt xem: 846", "IMG_0875.JPG", "Hoàng", "", "A B",
     "VĂN PHÒNG TỈNH ỦY", "Văn Bản Mới"],
)
def test_not_person_names(text):
    assert not is_person_name(text)


@pytest.mark.parametrize("line", ["Lê Nga", "Vân Anh/VOV-Tây Nguyên", "PV", "Nhóm PV", "PV/VTV.vn",
                                  "(TTXVN/Vietnam+)", "Hồng Nhung (tổng hợp)", "P.V"])
def test_bare_bylines(line):
    assert reads_as_byline(line)


@pytest.mark.parametrize("line", ["Bộ Y tế", "Thời sự", "Sức khỏe", "Tin liên quan", "Lượt xem: 95", "Quảng cáo",
                                  "Phòng Văn hóa - Thông tin", "Chia sẻ", ""])
def test_lines_that_are_not_bylines(line):
    assert not reads_as_byline(line)


def test_co_authors_stop_at_a_unit_or_outlet():
    assert byline_names("Liên Châu - Thanh Niên Online") == "Liên Châu"
    assert byline_names("Ngô Văn Thật - Phòng Tham mưu") == "Ngô Văn Thật"
    assert byline_names("Lê Nga - Hải Hiền - Báo Tin Nhanh") == "Lê Nga - Hải Hiền"


@pytest.mark.parametrize(
    "line, name",
    [("08/10/2021 | Thu Thảo", "Thu Thảo"), ("Thanh Huyền | 19/08/2021 07:15", "Thanh Huyền"),
     ("Thanh Huyền Thứ năm, 19/8/2021 07:15 (GMT+7)", "Thanh Huyền"), ("NGỌC ÁNH - 29-08-2021 - 20:45", "Ngọc Ánh"),
     ("Đức Toàn · 2 giờ trước", "Đức Toàn")],
)
def test_name_beside_date(line, name):
    assert name_beside_date(line) == name


@pytest.mark.parametrize("line", ["Ngày đăng: 11/09/2021 | Lượt xem: 846", "12:05 | 15/08/2021", "Thanh Huyền",
                                  "Thứ bảy, 18/9/2021, 07:30 (GMT+7)", "Hà Nội, ngày 16 tháng 5 năm 2022",
                                  "2 giờ trước"])
def test_date_lines_without_a_name(line):
    assert name_beside_date(line) is None


@pytest.mark.parametrize("text, place", [("Lâm Đồng", True), ("TP HCM", True), ("Hải Phong", False), ("Lê Nga", False)])
def test_place_names_need_their_tone_marks(text, place):
    assert is_place_name(text) is place


@pytest.mark.parametrize(
    "hints, candidates",
    [
        ({"title": "Hà Nội thêm 12 ca mắc mới - Báo Tin Nhanh", "h1": "Báo Tin Nhanh"},
         ["Hà Nội thêm 12 ca mắc mới - Báo Tin Nhanh", "Hà Nội thêm 12 ca mắc mới"]),
        ({"title": "Lộc Hà phong tỏa hai thôn - Cổng thông tin điện tử tỉnh Hà Tĩnh",
          "h1": "Cổng thông tin điện tử tỉnh Hà Tĩnh"},
         ["Lộc Hà phong tỏa hai thôn - Cổng thông tin điện tử tỉnh Hà Tĩnh", "Lộc Hà phong tỏa hai thôn"]),
        ({"h1": "Hà Nội thêm 12 ca mắc mới", "site": "Hà Nội thêm 12 ca mắc mới"}, []),
        ({"title": "Tin tức | Báo Thừa Thiên Huế", "h1": "Tiêm vaccine cho trẻ tại Huế"},
         ["Tin tức | Báo Thừa Thiên Huế", "Tiêm vaccine cho trẻ tại Huế"]),
        ({}, []),
    ],
)
def test_title_candidates_drop_site_names(hints, candidates):
    assert title_candidates(hints) == candidates


def test_logo_h1_is_not_the_title():
    page = f"Báo Tin Nhanh\n\nTiêm vaccine cho trẻ tại Huế\n\n29/05/2021\n\n{BODY}"
    meta = _meta(page, title="Tiêm vaccine cho trẻ tại Huế - Báo Tin Nhanh", h1="Báo Tin Nhanh")
    assert meta.title == "Tiêm vaccine cho trẻ tại Huế"


@pytest.mark.parametrize("author, expected", [("Báo Tin Nhanh", None), ("VnExpress", None), ("TTXVN", None),
                                              ("Thanh Niên", None), ("Lê Nga - VnExpress", "Lê Nga"),
                                              ("Thu Thảo", "Thu Thảo"), ("Thu Thảo, Minh Anh", "Thu Thảo, Minh Anh")])
def test_author_hint_that_names_the_outlet_is_ignored(author, expected):
    page = f"Tiêm vaccine cho trẻ tại Huế\n\n29/05/2021\n\n{BODY}"
    assert _meta(page, author=author).author == expected


def test_author_from_page_forms():
    lead = "Chiều 8/10, đoàn công tác đã làm việc với tỉnh An Giang về công tác phòng, chống dịch COVID-19."
    assert _meta(f"Tiêu đề bài viết về dịch bệnh\n\n08/10/2021 | Thu Thảo\n\n{lead}").author == "Thu Thảo"
    assert _meta(f"Tiêu đề bài viết về dịch bệnh\n\n{lead}\n\nTHU THẢO\n\nLượt người xem: 252").author == "Thu Thảo"
    assert _meta(f"Tiêu đề bài viết về dịch bệnh\n\n{lead}\n\nNguồn: covid19.gov.vn").author is None


def test_site_tag_is_recorded():
    meta = _meta("Tiêu đề bài viết về dịch bệnh\n\n(TUAG)- Chiều 8/10, đoàn công tác đã làm việc với tỉnh An Giang.")
    assert meta.site == "TUAG"
    meta = _meta("Tiêu đề bài viết về dịch bệnh\n\nSáng nay có 5 ca mắc mới tại tỉnh.\n\nNguồn: covid19.gov.vn")
    assert meta.site == "covid19.gov.vn"

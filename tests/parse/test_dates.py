"""In-text dates and the as-of date of a sentence's figures."""
from __future__ import annotations

from datetime import date

import pytest

from covidlib.parse.dates import date_from_parts, find_dates, resolve_as_of


@pytest.mark.parametrize(
    "text, written, day, month, year, role",
    [
        ("tính đến 6 giờ ngày 28/5, tỉnh có 57 ca", "28/5", 28, 5, None, "to"),
        ("đến sáng 8-10, An Giang có 6.360 ca", "8-10", 8, 10, None, "to"),
        ("Ngày 11-9 toàn tỉnh ghi nhận 3.971 ca", "11-9", 11, 9, None, "at"),
        ("Tối 5/2, Bộ Y tế công bố", "5/2", 5, 2, None, "at"),
        ("Sáng nay, 19.6, Bộ Y tế thông báo", "19.6", 19, 6, None, "at"),
        ("Ngày 16/05/2022, đoàn công tác làm việc", "16/05/2022", 16, 5, 2022, "at"),
        ("Tính từ ngày 29/4/2021 đến nay", "29/4/2021", 29, 4, 2021, "from"),
        ("từ tháng 4/2021 đến nay", "4/2021", None, 4, 2021, "from"),
        ("ngày 11 tháng 5 năm 2020, thế giới ghi nhận", "11 tháng 5 năm 2020", 11, 5, 2020, "at"),
        ("tăng 408 ca so với ngày 10-9", "10-9", 10, 9, None, "compared"),
        ("từ 18 giờ ngày 18.6 đến 6 giờ sáng nay", "18.6", 18, 6, None, "from"),
        ("Theo Sở Y tế, ngày 15/9 tỉnh ghi nhận 3.412 ca", "15/9", 15, 9, None, "at"),
        ("Sáng 2/9 huyện ghi nhận thêm 5 ca", "2/9", 2, 9, None, "at"),
        # a date at the very start of the text, and words that open a date there
        ("28/5/2021: thêm 5 ca", "28/5/2021", 28, 5, 2021, "at"),
        ("ngày 3 tháng 8, tỉnh có 12 ca", "3 tháng 8", 3, 8, None, "at"),
        ("tháng 7/2021 ghi nhận 1.200 ca", "7/2021", None, 7, 2021, "at"),
    ],
)
def test_find_dates_reads_day_month_year_and_role(text, written, day, month, year, role):
    spans = find_dates(text)
    assert [s.text(text) for s in spans] == [written]
    data = spans[0].data
    assert (data["day"], data["month"], data["year"], data["role"]) == (day, month, year, role)


@pytest.mark.parametrize(
    "text",
    [
        "cách ly 14-21 ngày với người từ vùng dịch",
        "quy mô 200-250 giường bệnh",
        "tiêm vaccine cho trẻ từ 12-17 tuổi",
        "Việt Nam đứng thứ 32/225 quốc gia",
        "xếp thứ 6/12 trong khu vực",
        "có 4.174.538 ca mắc và 1,5 triệu người khỏi",
        "Nghị quyết 128/NQ-CP của Chính phủ",
        "86/94 ca được phát hiện trong khu cách ly",
        "5-6 kỹ sư y sinh lên đường",
        # the characters before a date-shaped number make it part of something else
        "mã số BN12/5 và 1.12/5 và 3,4/5",
        "phiên bản v2.12/2021 và mục 1.5/6/2021",
        "mẫu XN12/5",
        "ngàyngày 3 tháng 8 và thángtháng 7/2021",
    ],
)
def test_find_dates_ignores_ranges_ranks_and_counts(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "sentence, published, context, expected",
    [
        ("tính đến 6 giờ ngày 28/5, trên địa bàn tỉnh có 57 ca", "2021-05-28T16:19", None, "2021-05-28"),
        ("đến sáng 8-10, tỉnh có 6.360 trường hợp nhiễm", "2021-10-08T19:00", None, "2021-10-08"),
        ("Ngày 11-9 toàn tỉnh ghi nhận 3.971 ca, tăng 408 ca so với ngày 10-9.", "2021-09-12", None, "2021-09-11"),
        ("Tối 5/2, Bộ Y tế công bố tỉnh có 3 ca mắc đầu tiên.", "2021-02-06T07:57", None, "2021-02-05"),
        ("Từ tháng 4/2021 đến nay, thành phố có hơn 420.000 ca nhiễm.", "2021-11-01T22:57", None, "2021-11-01"),
        ("Như vậy đến nay cả nước ghi nhận 266 ca bệnh.", "2020-04-14", None, "2020-04-14"),
        ("Toàn tỉnh hiện còn cách ly tập trung 15.369 trường hợp.", "2021-10-08", None, "2021-10-08"),
        ("Trong 24 giờ qua, tỉnh có 4.497 bệnh nhân xuất viện.", "2021-09-11", None, "2021-09-11"),
        ("tính từ 18h ngày 21/2 đến 18h ngày 22/2, thành phố ghi nhận 6.860 ca", "2022-02-23", None, "2022-02-22"),
        ("Ngày 22/2, tỉnh ghi nhận 2.087 ca mới, cao nhất từ trước đến nay.", "2022-02-23", None, "2022-02-22"),
        ("Kết quả có 12 ca dương tính.", "2021-09-17", ["Sáng 16/9, Sở Y tế họp báo.", "Trưa nay, thành phố họp."],
         "2021-09-17"),
        ("Kết quả có 12 ca dương tính.", "2021-09-17", ["Sáng 16/9, Sở Y tế họp báo.", "Các đơn vị báo cáo."],
         "2021-09-16"),
        ("Thành phố có 12 ca mới.", "2021-09-17", None, "2021-09-17"),
        ("Hôm qua, tỉnh có 5 ca mắc.", "2021-09-17", None, "2021-09-16"),
        # a month or a year that is over: its last day; the current one: the article's date
        ("Trong tháng 8/2021, tỉnh Bình Dương ghi nhận 5.000 ca.", "2021-09-20", None, "2021-08-31"),
        ("Trong tháng 12/2021, tỉnh Bình Dương ghi nhận 900 ca.", "2022-01-05", None, "2021-12-31"),
        ("Trong tháng 9/2021, tỉnh Bình Dương ghi nhận 5.000 ca.", "2021-09-20", None, "2021-09-20"),
        ("Năm 2020, tỉnh Bắc Giang ghi nhận 12 ca mắc COVID-19.", "2021-09-20", None, "2020-12-31"),
        ("Trong năm 2021, Đà Nẵng có 35 ca tử vong.", "2021-09-20", None, "2021-09-20"),
        ("Kể từ khi dịch bùng phát vào năm 2020, tỉnh ghi nhận 500 ca.", "2021-09-20", None, "2021-09-20"),
        ("Bệnh nhân sinh năm 2019, là 1 trong 3 ca mắc mới.", "2021-09-20", None, "2021-09-20"),
        ("Kết quả có 7 ca dương tính.", "2021-09-17", ["Năm 2020, tỉnh Bắc Giang có 12 ca."], "2021-09-17"),
    ],
)
def test_resolve_as_of(sentence, published, context, expected):
    assert resolve_as_of(sentence, published=published, context=context) == expected


def test_a_december_date_in_a_january_article_is_last_year():
    assert resolve_as_of("Ngày 28/12, tỉnh có 30 ca mắc mới.", published="2022-01-02") == "2021-12-28"
    assert date_from_parts(28, 12, None, published=date(2022, 1, 2)) == date(2021, 12, 28)


def test_a_january_date_in_a_december_article_is_next_year():
    assert date_from_parts(2, 1, None, published=date(2021, 12, 30)) == date(2022, 1, 2)


@pytest.mark.parametrize(
    "sentence",
    [
        "tính đến 6 giờ ngày 28/5, tỉnh có 57 ca",
        "Đến nay tỉnh có 19 ca.",
        "Tỉnh có 19 ca.",
    ],
)
def test_no_year_is_guessed_when_the_article_has_none(sentence):
    assert resolve_as_of(sentence, published=None, context=["Sáng 16/9, Sở Y tế họp báo."]) is None


def test_a_written_year_needs_no_publish_date():
    assert resolve_as_of("Ngày 16/05/2022, tỉnh có 3 ca.", published=None) == "2022-05-16"


def test_an_invalid_day_gives_no_date():
    assert date_from_parts(31, 2, None, published=date(2021, 3, 1)) is None

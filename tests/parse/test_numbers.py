"""The Vietnamese number parser: values, kinds that are not counts, qualifiers, spelled numbers."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from covidlib.vocab import QUALIFIERS
from covidlib.parse.numbers import KINDS, find_numbers, parse_number, parse_spelled
from covidlib.write.formatting import format_number


# --- parse_number --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "written, value",
    [
        ("6.360", 6360),
        ("420.000", 420000),
        ("4.174.538", 4174538),
        ("191.993.381", 191993381),
        ("1,5 triệu", 1500000),
        ("2,3 triệu", 2300000),
        ("4 nghìn", 4000),
        ("4 ngàn", 4000),
        ("3 tỷ", 3000000000),
        ("04", 4),
        ("07", 7),
        ("1,5", 1.5),
        ("12,75", 12.75),
        ("ba", 3),
        ("hai mươi", 20),
        ("một trăm", 100),
        ("mười", 10),
        ("mười lăm", 15),
        ("mười một", 11),
        ("hai mươi mốt", 21),
        ("ba mươi tư", 34),
        ("bốn mươi lăm", 45),
        ("một trăm linh năm", 105),
        ("hai trăm lẻ một", 201),
        ("chín trăm chín mươi chín", 999),
        ("một nghìn hai trăm", 1200),
        ("hai triệu ba trăm nghìn", 2300000),
        ("Năm mươi", 50),
    ],
)
def test_parse_number_reads_vietnamese_numbers(written, value):
    assert parse_number(written) == value
    assert type(parse_number(written)) is type(value)


@pytest.mark.parametrize("written", ["", "ca", "mươi", "nghìn", "lăm", "mười mốt", "hai trăm linh", "6.36.0"])
def test_parse_number_rejects_what_is_no_number(written):
    with pytest.raises(ValueError):
        parse_number(written)


def test_parse_spelled_needs_a_number_before_a_scale():
    with pytest.raises(ValueError):
        parse_spelled("triệu")


# --- find_numbers: counts --------------------------------------------------------------------

def _numbers(text):
    return [(s.text(text), s.data["value"], s.data["kind"], s.data["qualifier"]) for s in find_numbers(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("An Giang có 6.360 trường hợp nhiễm", [("6.360", 6360, "count", "exact")]),
        ("Thành phố đã có hơn 420.000 ca nhiễm", [("420.000", 420000, "count", "more_than")]),
        ("thế giới ghi nhận 4.174.538 ca mắc", [("4.174.538", 4174538, "count", "exact")]),
        ("hơn 2,3 triệu mẫu xét nghiệm", [("2,3 triệu", 2300000, "count", "more_than")]),
        ("khoảng 1,5 triệu liều vắc xin", [("1,5 triệu", 1500000, "count", "about")]),
        ("gần 4 ngàn người được cách ly", [("4 ngàn", 4000, "count", "less_than")]),
        ("ghi nhận tại 04 huyện", [("04", 4, "count", "exact")]),
        ("chỉ có một ca dương tính", [("một", 1, "count", "exact")]),
        ("tỉnh thêm ba ca mắc mới", [("ba", 3, "count", "exact")]),
        ("có hai mươi mốt người nhiễm", [("hai mươi mốt", 21, "count", "exact")]),
        ("có mười lăm ca tử vong", [("mười lăm", 15, "count", "exact")]),
        ("hơn một nghìn hai trăm người", [("một nghìn hai trăm", 1200, "count", "more_than")]),
        ("Năm ca mắc mới đều là F1.", [("Năm", 5, "count", "exact"), ("1", 1, "code", "exact")]),
        ("chừng 200 người", [("200", 200, "count", "about")]),
        ("xấp xỉ 3.000 ca", [("3.000", 3000, "count", "about")]),
        ("ít nhất 3 ca tử vong", [("3", 3, "count", "at_least")]),
        ("tối thiểu 50 mẫu", [("50", 50, "count", "at_least")]),
        ("dưới 30 ca mỗi ngày", [("30", 30, "count", "less_than")]),
        ("trên 500 trường hợp", [("500", 500, "count", "more_than")]),
        ("là 2.882.983 ca", [("2.882.983", 2882983, "count", "exact")]),
        ("đã tiêm 19.003.228 liều", [("19.003.228", 19003228, "count", "exact")]),
        ("số ca nhiễm vượt mốc 10.000", [("10.000", 10000, "count", "more_than")]),
        ("vượt qua ngưỡng 500 ca", [("500", 500, "count", "more_than")]),
        ("Hà Nội có nhiều hơn 500 ca mắc mới", [("500", 500, "count", "more_than")]),
    ],
)
def test_find_numbers_reads_counts_with_their_qualifier(text, expected):
    assert _numbers(text) == expected


# --- find_numbers: numbers that are not counts ----------------------------------------------------

@pytest.mark.parametrize(
    "text, written, kind",
    [
        ("tính đến 6 giờ ngày 28/5, tỉnh có 57 ca", "28/5", "date"),
        ("đến sáng 8-10, toàn tỉnh có 6.360 ca", "8-10", "date"),
        ("Ngày 16/05/2022, đoàn công tác đến làm việc", "16/05/2022", "date"),
        ("từ tháng 4/2021 đến nay", "4/2021", "date"),
        ("Sáng nay, 19.6, Bộ Y tế thông báo", "19.6", "date"),
        ("Từ ngày 8 đến 10-3, bà chăm mẹ ở bệnh viện", "8", "date"),
        ("tính đến 6 giờ ngày 28/5", "6", "time"),
        ("bài đăng lúc 12:44", "12:44", "time"),
        ("đến 6h ngày 11/5, thế giới có", "6", "time"),
        ("gọi số 0225.3821.055 để được hỗ trợ", "0225.3821.055", "phone"),
        ("đường dây nóng 19003228", "19003228", "phone"),
        ("liên hệ 0918316355 khi có triệu chứng", "0918316355", "phone"),
        ("theo Kết luận 1184/KL-UBND của tỉnh", "1184", "document"),
        ("Công điện số 235/CĐ-BYT gửi các tỉnh", "235", "document"),
        ("Nghị quyết 128/NQ-CP của Chính phủ", "128", "document"),
        ("văn bản số 3513 của UBND tỉnh", "3513", "ordinal"),
        ("thực hiện Chỉ thị 16 của Thủ tướng", "16", "ordinal"),
        ("các trường hợp F0 trong trường học", "0", "code"),
        ("truy vết F1 của bệnh nhân", "1", "code"),
        ("thực hiện nghiêm 5K khi ra đường", "5", "code"),
        ("phòng, chống dịch COVID-19", "19", "code"),
        ("phòng, chống dịch Covid -19 của tỉnh", "19", "code"),
        ("dương tính với SARS-CoV-2", "2", "code"),
        ("các bệnh nhân BN1970-BN1972", "1970", "code"),
        ("ảnh IMG_0875.JPG", "0875", "code"),
        ("Việt Nam đứng thứ 32/225 quốc gia", "32/225", "rank"),
        ("mục tiêu đến năm 2025 trở thành", "2025", "year"),
        ("trong năm 2021 tỉnh đã", "2021", "year"),
        ("bệnh nhân là nữ, 36 tuổi", "36", "age"),
        ("tiêm cho trẻ từ 12-17 tuổi", "12-17", "age"),
        ("theo đó, bệnh nhân 266 là nữ", "266", "patient_id"),
        ("tìm người tiếp xúc BN 6437", "6437", "patient_id"),
        ("là các bệnh nhân thứ 12.415 - 12.508 tại Việt Nam", "12.415 - 12.508", "patient_id"),
        ("là F1 của các bệnh nhân 8425 và 8427", "8427", "patient_id"),
        ("chiếm tỷ lệ 1,4% so với tổng số ca nhiễm", "1,4%", "percent"),
        ("tăng 20 phần trăm", "20 phần trăm", "percent"),
        ("quy mô 200-250 giường bệnh", "200-250", "range"),
        ("cách ly 14-21 ngày với người về", "14-21", "range"),
        ("trong độ tuổi 18 - 65", "18 - 65", "range"),
        ("mỗi ngày ghi nhận từ 2.000 đến 3.000 ca", "2.000 đến 3.000", "range"),
        ("trẻ từ 12 đến 17 tuổi được tiêm", "12 đến 17", "age"),
        ("từ 5 đến 8/9 có 30 ca", "5", "count"),
        ("cách ly tại nhà 14 ngày", "14", "duration"),
        ("trong 07 ngày qua", "07", "duration"),
        ("kỳ họp thứ 13 của Ban Thường vụ", "13", "ordinal"),
        ("trên Quốc lộ 20 đặt tại huyện", "20", "ordinal"),
        ("người ở phường 4, quận 11", "11", "ordinal"),
        ("khu nhà trọ trên đường Bình Nhâm 17, phường Bình Nhâm", "17", "ordinal"),
        ("phường Mỹ Đình 2 (quận Nam Từ Liêm)", "2", "ordinal"),
        ("Mũi 1 là 70.881.550 liều", "1", "ordinal"),
        ("cơ sở 2 của bệnh viện", "2", "ordinal"),
        ("ở phòng 12 của khu cách ly", "12", "ordinal"),
        ("Hải Phòng (-1.210), Quảng Ninh (-655)", "1.210", "change"),
        ("Bình Dương (+310 ca so với hôm qua)", "310", "change"),
        ("Cụ thể: Hà Nội 1.234 ca, Hải Phòng 89 ca", "89", "count"),
    ],
)
def test_find_numbers_tells_non_counts_apart(text, written, kind):
    spans = [s for s in find_numbers(text) if s.text(text) == written]
    assert spans, f"{written!r} not found in {text!r}: {_numbers(text)}"
    assert spans[0].data["kind"] == kind


@pytest.mark.parametrize(
    "text",
    [
        "một số ca mắc mới",
        "đến quận Ba Đình và Ba Vì",
        "phường Hai Bà Trưng",
        "trong năm nay tỉnh",
        "thứ tư tuần sau",
        "hàng nghìn người dân",
        "một cách nghiêm túc",
        "sau một ngày số ca tử vong",
    ],
)
def test_number_words_that_are_no_numbers(text):
    assert [s for s in find_numbers(text) if s.data["kind"] == "count"] == []


def test_every_number_span_is_its_raw_text_and_kinds_are_known():
    text = ("Sáng 16/9, tỉnh có hơn 1.234 ca (BN1970), 3 ổ dịch, 12,5% dương tính; "
            "gọi 19003228; năm 2021 có hai mươi mốt người nhiễm ở phường 4.")
    spans = find_numbers(text)
    assert len(spans) >= 8
    for span in spans:
        assert span.text(text) == span.data["raw"]
        assert span.data["kind"] in KINDS
        assert span.data["qualifier"] in QUALIFIERS
        assert isinstance(span.data["value"], (int, float))


# --- written for readers, read back --------------------------------------------------------------------

@pytest.mark.parametrize("n, written", [(0, "0"), (999, "999"), (6360, "6.360"), (4174538, "4.174.538"), (-1200, "-1.200"), (2_300_000, "2,3 triệu"), (10**12, "1.000.000 triệu")])
def test_vietnamese_figures_group_thousands_with_dots(n, written):
    assert format_number(n, lang="vi") == written


@given(st.integers(min_value=0, max_value=10**12))
def test_a_vietnamese_figure_reads_back_as_the_integer(n):
    assert parse_number(format_number(n, lang="vi")) == n


@given(st.integers(min_value=1000, max_value=10**9))
def test_a_formatted_count_in_a_sentence_is_found_with_its_value(n):
    text = f"Toàn tỉnh ghi nhận {format_number(n, lang='vi')} ca mắc."
    counts = [s for s in find_numbers(text) if s.data["kind"] == "count"]
    assert [s.data["value"] for s in counts] == [n]


@pytest.mark.parametrize(
    "text, written, after_name",
    [
        ("phường Mỹ Đình 2 (quận Nam Từ Liêm)", "2", True),
        ("Bình Dương 1.020, Đồng Nai 327, Long An 210", "327", True),
        ("người ở phường 4, quận 11", "11", False),
    ],
)
def test_a_number_ending_a_name_is_marked(text, written, after_name):
    [span] = [s for s in find_numbers(text) if s.text(text) == written]
    assert span.data["kind"] == "ordinal"
    assert bool(span.data.get("after_name")) is after_name

"""The extractors on text nobody tuned them on: bulletins, provincial reports, officials, distractors.

Each table holds sentences or short paragraphs of the kinds that fill Vietnamese COVID-19
news of 2020-2022 (Ministry of Health bulletins, provincial and district reports, names of
officials in their many patterns, numbers that are not counts) with the facts a careful
reader finds in them, following the gold conventions (``data/gold/README.md``): a count is
value + metric + province (None for national or world figures); day-over-day changes,
doses received, targets, beds, money, phone and document numbers are not counts; a named
person with a role or a professional title written next to the name is an official.
Paragraphs are separated by a newline, as :meth:`Article.from_body` reads them.
"""
from __future__ import annotations

from collections import Counter

import pytest

from covidlib.document import Article
from covidlib.evaluate import name_key
from covidlib.extract.case_counts import case_count_rows
from covidlib.pipeline import article_facts

PUBLISHED = "2021-09-20T18:00"


def _facts(text: str, *, published: str | None = PUBLISHED) -> tuple[Article, dict]:
    article = Article.from_body(text, published=published)
    return article, article_facts(article)


def _counts(text: str) -> Counter:
    article, facts = _facts(text)
    rows = case_count_rows(article, facts["case_counts"])
    for row in rows:
        assert article.body[row["start"] : row["end"]]
    return Counter((r["value"], r["metric"], r["province"]) for r in rows)


def _provinces(text: str) -> set[str]:
    _, facts = _facts(text)
    return {s.data["province"] for s in facts["places"]}


def _officials(text: str) -> dict[str, dict]:
    article, facts = _facts(text)
    for span in facts["officials"]:
        assert article.text(span) == span.data["name"]
    return {name_key(s.data["name"]): s.data for s in facts["officials"]}


def _ids(prefix: str, table: list) -> list[str]:
    """Short ASCII test ids: the table name and the row number."""
    return [f"{prefix}{i:02d}" for i in range(len(table))]


N, C, A, R, D = "new_confirmed", "confirmed", "active", "recovered", "deaths"
Q, T, V, S = "quarantined", "tested", "vaccinated", "suspected"
HCM, HN = "Hồ Chí Minh", "Hà Nội"

# --- case counts: (text, [(value, metric, province), ...]) ---------------------------------------

COUNTS = [
    # Ministry of Health daily bulletin
    ("Từ 16h ngày 3/10 đến 16h ngày 4/10, trên Hệ thống Quốc gia quản lý ca bệnh COVID-19 ghi nhận 4.291 ca "
     "nhiễm mới, trong đó 3 ca nhập cảnh và 4.288 ca ghi nhận trong nước (giảm 1.005 ca so với ngày trước đó) "
     "tại 42 tỉnh, thành phố (có 2.108 ca trong cộng đồng).",
     [(4291, N, None), (3, N, None), (4288, N, None), (2108, N, None)]),
    ("Các tỉnh, thành phố ghi nhận ca bệnh trong ngày: TP. Hồ Chí Minh (1.523), Bình Dương (1.120), "
     "Đồng Nai (402), An Giang (310), Đắk Lắk (97), Bà Rịa – Vũng Tàu (45), Thừa Thiên-Huế (18), TP Cần Thơ (12).",
     [(1523, N, HCM), (1120, N, "Bình Dương"), (402, N, "Đồng Nai"), (310, N, "An Giang"), (97, N, "Đắk Lắk"),
      (45, N, "Bà Rịa - Vũng Tàu"), (18, N, "Thừa Thiên Huế"), (12, N, "Cần Thơ")]),
    ("Số ca tử vong được công bố trong ngày là 127 ca tại TP. Hồ Chí Minh (98), Bình Dương (16), Đồng Nai (8), "
     "Long An (5).",
     [(127, D, None), (98, D, HCM), (16, D, "Bình Dương"), (8, D, "Đồng Nai"), (5, D, "Long An")]),
    ("Trong ngày ghi nhận 173 ca tử vong tại: TP. Hồ Chí Minh (120), Bình Dương (29), Long An (14), Tiền Giang (10).",
     [(173, D, None), (120, D, HCM), (29, D, "Bình Dương"), (14, D, "Long An"), (10, D, "Tiền Giang")]),
    ("Tổng số ca được điều trị khỏi: 702.118 ca.", [(702118, R, None)]),
    ("Số bệnh nhân được công bố khỏi bệnh trong ngày: 9.812 ca.", [(9812, R, None)]),
    ("Số bệnh nhân nặng đang điều trị là 4.870 ca, trong đó thở ô xy qua mặt nạ: 3.120 ca, thở ô xy dòng cao "
     "HFNC: 702 ca, thở máy xâm lấn: 630 ca, ECMO: 21 ca.",
     [(4870, A, None), (3120, A, None), (702, A, None), (630, A, None), (21, A, None)]),
    ("Tổng số liều vắc xin đã được tiêm là 52.318.907 liều, trong đó tiêm 1 mũi là 35.720.611 liều, tiêm mũi 2 "
     "là 16.598.296 liều.",
     [(52318907, V, None), (35720611, V, None), (16598296, V, None)]),
    ("Trong 24 giờ qua đã thực hiện 312.450 xét nghiệm; tổng số đã thực hiện 31.540.112 xét nghiệm cho "
     "70.915.337 lượt người.",
     [(312450, T, None), (31540112, T, None), (70915337, T, None)]),
    ("Trung bình số tử vong ghi nhận trong 7 ngày qua: 211 ca.", [(211, D, None)]),
    ("Tổng số ca tử vong do COVID-19 tại Việt Nam tính đến nay là 20.320 ca, chiếm tỷ lệ 2,5% so với tổng số "
     "ca nhiễm.", [(20320, D, None)]),
    ("Các địa phương ghi nhận số nhiễm tích lũy cao trong đợt dịch này: TP. Hồ Chí Minh (398.112), "
     "Bình Dương (223.540), Đồng Nai (57.118), Long An (35.224).",
     [(398112, C, HCM), (223540, C, "Bình Dương"), (57118, C, "Đồng Nai"), (35224, C, "Long An")]),
    ("Tính đến chiều 10/3, cả nước có 6,3 triệu ca mắc COVID-19.", [(6300000, C, None)]),
    ("Thế giới đã ghi nhận hơn 230 triệu ca mắc COVID-19, trong đó hơn 4,7 triệu người tử vong.",
     [(230000000, C, None), (4700000, D, None)]),
    # a whole bulletin: national figures after a province list stay national
    ("Từ 16h ngày 19/9 đến 16h ngày 20/9, ghi nhận 8.417 ca nhiễm mới tại 46 tỉnh, thành phố.\n"
     "Các tỉnh, thành phố ghi nhận ca bệnh trong ngày: TP. Hồ Chí Minh (3.921), Bình Dương (2.675), Long An (318).\n"
     "Tổng số ca được điều trị khỏi: 471.702 ca.\n"
     "Số bệnh nhân nặng đang điều trị là 5.688 ca.\n"
     "Tổng số liều vắc xin đã được tiêm là 35.405.435 liều.",
     [(8417, N, None), (3921, N, HCM), (2675, N, "Bình Dương"), (318, N, "Long An"), (471702, R, None),
      (5688, A, None), (35405435, V, None)]),
    # provincial reports
    ("Từ 18h ngày 14/8 đến 6h ngày 15/8, tỉnh Đồng Nai ghi nhận thêm 318 ca mắc mới, trong đó huyện Nhơn Trạch "
     "52 ca, TP. Biên Hòa 141 ca, huyện Long Thành 37 ca.",
     [(318, N, "Đồng Nai"), (52, N, "Đồng Nai"), (141, N, "Đồng Nai"), (37, N, "Đồng Nai")]),
    ("Ngày 21/8, tỉnh Khánh Hòa ghi nhận 64 ca mắc mới.\n"
     "Lũy kế từ ngày 27/4 đến nay, tỉnh có 2.315 ca, trong đó 1.640 ca đã khỏi bệnh và 18 ca tử vong.",
     [(64, N, "Khánh Hòa"), (2315, C, "Khánh Hòa"), (1640, R, "Khánh Hòa"), (18, D, "Khánh Hòa")]),
    ("Ngày 5/10, TP.HCM ghi nhận 1.071 ca mắc mới; TP. Thủ Đức có 132 ca, quận 8 có 85 ca, huyện Bình Chánh "
     "có 77 ca.",
     [(1071, N, HCM), (132, N, HCM), (85, N, HCM), (77, N, HCM)]),
    ("Trong ngày, phường Thạnh Mỹ Lợi, TP. Thủ Đức ghi nhận 14 ca dương tính.", [(14, N, HCM)]),
    ("Sáng 12/10, thủ đô Hà Nội ghi nhận thêm 9 ca mắc COVID-19, đều là các trường hợp đã được cách ly.",
     [(9, N, HN)]),
    ("Tỉnh Đắc Lắk có thêm 23 ca mắc mới, nâng tổng số ca bệnh trong đợt dịch lên 1.482 ca.",
     [(23, N, "Đắk Lắk"), (1482, C, "Đắk Lắk")]),
    ("Sáng nay, tỉnh Quảng Bình ghi nhận hai ca mắc COVID-19 mới tại huyện Bố Trạch.", [(2, N, "Quảng Bình")]),
    ("Trong ngày 25/2, Hà Nội ghi nhận 6.412 F0, trong đó 2.133 F0 tại cộng đồng.", [(6412, N, HN), (2133, N, HN)]),
    ("Hiện tỉnh Bình Phước đang điều trị 1.532 bệnh nhân COVID-19; trong ngày có 87 bệnh nhân được xuất viện.",
     [(1532, A, "Bình Phước"), (87, R, "Bình Phước")]),
    ("Tỉnh Quảng Ngãi đang cách ly tập trung 2.410 người và cách ly tại nhà 8.905 người.",
     [(2410, Q, "Quảng Ngãi"), (8905, Q, "Quảng Ngãi")]),
    ("Tỉnh Bạc Liêu còn 6 trường hợp nghi nhiễm đang chờ kết quả xét nghiệm.", [(6, S, "Bạc Liêu")]),
    ("Đến nay, tỉnh Tây Ninh đã có 612.450 người được tiêm ít nhất 1 mũi vắc xin.", [(612450, V, "Tây Ninh")]),
    ("Trong 26 ca mắc mới tại Hà Nội, có 4 ca ghi nhận tại cộng đồng, 22 ca đã được cách ly.",
     [(26, N, HN), (4, N, HN), (22, N, HN)]),
    ("TP. Đà Nẵng đã tiêm 1.512.300 liều vắc xin, trong đó 610.200 người đã tiêm đủ 2 mũi.",
     [(1512300, V, "Đà Nẵng"), (610200, V, "Đà Nẵng")]),
    ("Trong ngày, Bình Dương ghi nhận thêm 25 ca tử vong do COVID-19.", [(25, D, "Bình Dương")]),
    ("TP Cần Thơ ghi nhận 312 ca mắc mới, trong đó quận Ninh Kiều 120 ca, quận Cái Răng 64 ca.",
     [(312, N, "Cần Thơ"), (120, N, "Cần Thơ"), (64, N, "Cần Thơ")]),
    ("Tỉnh Bà Rịa – Vũng Tàu ghi nhận 47 ca mắc mới tại TP. Vũng Tàu (21), TP. Bà Rịa (10), huyện Long Điền (16).",
     [(47, N, "Bà Rịa - Vũng Tàu"), (21, N, "Bà Rịa - Vũng Tàu"), (10, N, "Bà Rịa - Vũng Tàu"),
      (16, N, "Bà Rịa - Vũng Tàu")]),
    ("Thừa Thiên-Huế ghi nhận thêm 5 ca mắc mới, đều ở TP. Huế.", [(5, N, "Thừa Thiên Huế")]),
    ("Sở Y tế Hà Nội cho biết, từ 18h ngày 2/11 đến 18h ngày 3/11, thành phố ghi nhận 97 ca dương tính.",
     [(97, N, HN)]),
    ("Tỉnh Kiên Giang ghi nhận 89 ca mắc mới.\nCụ thể, TP. Phú Quốc 31 ca, TP. Rạch Giá 28 ca, huyện Châu Thành 30 ca.",
     [(89, N, "Kiên Giang"), (31, N, "Kiên Giang"), (28, N, "Kiên Giang"), (30, N, "Kiên Giang")]),
    ("Tại TP.HCM, hiện có 2.310 bệnh nhân nặng đang thở máy.", [(2310, A, HCM)]),
    ("Bộ Y tế cho biết đến nay đã có 1.205.000 người khỏi bệnh.", [(1205000, R, None)]),
    ("Tỉnh Nghệ An đã lấy 12.500 mẫu xét nghiệm cho người dân ở các vùng có nguy cơ.", [(12500, T, "Nghệ An")]),
]


@pytest.mark.parametrize("text, expected", COUNTS, ids=_ids("count", COUNTS))
def test_case_counts_on_unseen_text(text, expected):
    assert _counts(text) == Counter(expected)


# Numbers that are not case counts: none of these yields a count.
NOT_COUNTS = [
    "Đây là ca bệnh thứ 1.234 của tỉnh, là F1 của bệnh nhân BN1198.",
    "Bệnh nhân BN1234 đã được xuất viện sáng nay.",
    "Bệnh viện dã chiến số 2 có quy mô 500 giường.",
    "Bộ Y tế đề nghị các tỉnh chuẩn bị 2.000 giường hồi sức tích cực.",
    "Chính phủ ban hành gói hỗ trợ 26.000 tỷ đồng cho người lao động gặp khó khăn do đại dịch.",
    "Tỉnh chi hơn 2.000 tỷ đồng cho công tác phòng, chống dịch COVID-19.",
    "Sáng 7/7, TP.HCM tiếp nhận 1 triệu liều vắc xin Moderna do Mỹ viện trợ.",
    "Đến nay, Việt Nam đã tiếp nhận tổng cộng hơn 105 triệu liều vắc xin phòng COVID-19.",
    "Tỉnh được phân bổ 150.000 liều vắc xin AstraZeneca trong đợt này.",
    "Theo kế hoạch, trong quý IV tỉnh sẽ nhận thêm 800.000 liều vắc xin.",
    "Mục tiêu đến cuối năm, thành phố tiêm được 10 triệu liều vắc xin.",
    "Chỉ tiêu tiêm chủng của tỉnh trong tháng 10 là 500.000 liều.",
    "Người dân có biểu hiện sốt, ho cần gọi ngay đường dây nóng 1900 9095 hoặc 1900 3228.",
    "Đường dây nóng của Sở Y tế: 0913.456.789.",
    "Thành phố tiếp tục giãn cách xã hội theo Chỉ thị 16 của Thủ tướng Chính phủ.",
    "Theo Nghị quyết 128, các địa phương được phân thành 4 cấp độ dịch.",
    "Bộ Y tế ban hành Công văn 5599/BYT-DP hướng dẫn cách ly F1 tại nhà.",
    "Quyết định số 3416/QĐ-UBND có hiệu lực từ ngày 15/9.",
    "Số ca mắc mới giảm 1.523 ca so với ngày trước đó.",
    "Các địa phương có số ca nhiễm tăng nhiều nhất so với ngày trước đó: Bình Dương (tăng 512 ca), "
    "Đồng Nai (tăng 230 ca).",
    "Tỷ lệ tiêm mũi 1 cho người từ 18 tuổi trở lên đạt 98,5%.",
    "Thành phố đã thành lập 15 trạm y tế lưu động tại 312 phường, xã.",
    "Tổ công tác gồm 24 bác sĩ, 56 điều dưỡng của Bệnh viện Bạch Mai.",
    "Hà Nội lập 30 đội phản ứng nhanh với 300 cán bộ y tế.",
    "Tỉnh đã mua 200.000 bộ kit xét nghiệm nhanh kháng nguyên.",
    "Giá xét nghiệm RT-PCR giảm còn 501.800 đồng/mẫu.",
    "Công suất xét nghiệm của bệnh viện là 3.000 mẫu/ngày.",
    "Tổng đài 1022 tiếp nhận hơn 5.000 cuộc gọi mỗi ngày.",
    "Mỗi F0 điều trị tại nhà được hỗ trợ 1.000.000 đồng.",
    "Trẻ em từ 12 đến 17 tuổi sẽ được tiêm vắc xin Pfizer.",
    "Khu phong tỏa có 300 hộ dân với 1.200 nhân khẩu.",
    "Đến năm 2022, thành phố có 2 bệnh viện dã chiến mới.",
]


@pytest.mark.parametrize("text", NOT_COUNTS, ids=_ids("not_count", NOT_COUNTS))
def test_numbers_that_are_not_counts(text):
    assert _counts(text) == Counter()


# --- provinces: (text, provinces) ------------------------------------------------------------------

PROVINCES = [
    ("Tỉnh Đắc Lắk ghi nhận thêm 12 ca.", {"Đắk Lắk"}),
    ("Tỉnh Đăk Nông có thêm 3 ca mắc.", {"Đắk Nông"}),
    ("Bà Rịa – Vũng Tàu và Bà Rịa-Vũng Tàu là một tỉnh.", {"Bà Rịa - Vũng Tàu"}),
    ("Đoàn công tác của BR-VT đến làm việc.", {"Bà Rịa - Vũng Tàu"}),
    ("Thừa Thiên-Huế và TT-Huế chỉ một tỉnh.", {"Thừa Thiên Huế"}),
    ("TP Cần Thơ ghi nhận 5 ca.", {"Cần Thơ"}),
    ("Sáng nay thủ đô Hà Nội ghi nhận 9 ca.", {HN}),
    ("Ca bệnh ở phường Thạnh Mỹ Lợi, TP. Thủ Đức.", {HCM}),
    ("Khu công nghiệp ở huyện Nhơn Trạch và TP. Biên Hòa bị phong tỏa.", {"Đồng Nai"}),
    ("Bệnh viện đa khoa vùng Tây Nguyên ở TP.Buôn Ma Thuột tiếp nhận bệnh nhân.", {"Đắk Lắk"}),
    ("Tỉnh Khánh Hoà và tỉnh Thanh Hoá đều có ca mới.", {"Khánh Hòa", "Thanh Hóa"}),
    ("TPHCM, TP HCM và Tp.HCM là một thành phố.", {HCM}),
    ("Người dân Sài Gòn ra đường sau giãn cách.", {HCM}),
    ("Bệnh viện Bạch Mai và Bệnh viện Việt Đức (Hà Nội) cử bác sĩ vào miền Nam.", {HN}),
    ("Người lao động ở thị xã Bến Cát và TP Thủ Dầu Một được xét nghiệm.", {"Bình Dương"}),
    ("Du khách đến TP. Phan Thiết phải khai báo y tế.", {"Bình Thuận"}),
    ("Đảo Phú Quốc đón khách quốc tế trở lại.", {"Kiên Giang"}),
    ("Nhà hàng trên phố Huế, quận Hai Bà Trưng phải đóng cửa.", {HN}),
    ("Quận Gò Vấp, TP.HCM ghi nhận 20 ca.", {HCM}),
    ("Huyện Côn Đảo tạm dừng đón khách.", {"Bà Rịa - Vũng Tàu"}),
    ("HÀ NỘI: THÊM 15 CA MẮC MỚI TRONG CỘNG ĐỒNG", {HN}),
    ("Chiều 7/9, Phó Chủ tịch Thường trực UBND TP.HCM Lê Hòa Bình kiểm tra khu cách ly.", {HCM}),
    ("Bác sĩ Lê Thị Hà Giang trực tại khu điều trị.", set()),
    ("Bệnh viện Thống Nhất tiếp nhận 20 bệnh nhân.", set()),
    ("Chị Hoàng Mai, nhân viên y tế, cho biết đã tiêm 2 mũi.", set()),
    ("Đoàn kiểm tra trên đường Hà Nội, phường Phước Long B.", set()),
    ("Vắc xin Vero Cell do Trung Quốc sản xuất đã được cấp phép.", set()),
]


@pytest.mark.parametrize("text, expected", PROVINCES, ids=_ids("places", PROVINCES))
def test_provinces_on_unseen_text(text, expected):
    assert _provinces(text) == expected


# --- officials: (text, {name: title or None to skip the title check}) ----------------------------

OFFICIALS = [
    ("Thứ trưởng Bộ Y tế Nguyễn Trường Sơn cho biết đã có 3 đoàn công tác vào hỗ trợ.",
     {"Nguyễn Trường Sơn": "Thứ trưởng Bộ Y tế"}),
    ("GS.TS Nguyễn Thanh Long, Bộ trưởng Bộ Y tế, nhấn mạnh cần tăng tốc tiêm chủng.",
     {"Nguyễn Thanh Long": "Bộ trưởng Bộ Y tế"}),
    ("Ông Phan Văn Mãi - Chủ tịch UBND TP.HCM cho biết thành phố sẽ nới lỏng từ 1/10.",
     {"Phan Văn Mãi": "Chủ tịch UBND TP.HCM"}),
    ("Bí thư Thành ủy TP.HCM Nguyễn Văn Nên chỉ đạo các quận, huyện rà soát.",
     {"Nguyễn Văn Nên": "Bí thư Thành ủy TP.HCM"}),
    ("Ông Nguyễn Văn Nên, Bí thư Thành ủy TP.HCM, thăm khu cách ly.", {"Nguyễn Văn Nên": "Bí thư Thành ủy TP.HCM"}),
    ("Chủ tịch UBND tỉnh Bắc Giang Lê Ánh Dương cho biết tỉnh đã kiểm soát được dịch.",
     {"Lê Ánh Dương": "Chủ tịch UBND tỉnh Bắc Giang"}),
    ("Giám đốc CDC Hà Nội Nguyễn Nhật Cảm cho biết các ca mới đều đã được cách ly.",
     {"Nguyễn Nhật Cảm": "Giám đốc CDC Hà Nội"}),
    ("Bác sĩ Trương Hữu Khanh, nguyên Trưởng khoa Nhiễm - Thần kinh Bệnh viện Nhi đồng 1, cho rằng trẻ em "
     "cần được tiêm vắc xin.", {"Trương Hữu Khanh": None}),
    # a professional title next to the name is the role the gold records (debatable; see the module docstring)
    ("Theo bác sĩ Trương Hữu Khanh, trẻ em mắc COVID-19 thường có triệu chứng nhẹ.",
     {"Trương Hữu Khanh": "bác sĩ"}),
    ("Chuyên gia dịch tễ PGS.TS Trần Đắc Phu khuyến cáo người dân không chủ quan.", {"Trần Đắc Phu": None}),
    ("PGS.TS Phan Trọng Lân, Viện trưởng Viện Pasteur TP.HCM, cho biết.", {"Phan Trọng Lân": "Viện trưởng Viện Pasteur TP.HCM"}),
    ("Phó Giám đốc Sở Y tế TP.HCM Nguyễn Hữu Hưng cho biết thành phố có 3 tầng điều trị.",
     {"Nguyễn Hữu Hưng": "Phó Giám đốc Sở Y tế TP.HCM"}),
    ("Chủ tịch UBND TP Đà Nẵng Lê Trung Chinh yêu cầu người dân ở yên trong nhà.",
     {"Lê Trung Chinh": "Chủ tịch UBND TP Đà Nẵng"}),
    ("Phó Chủ tịch UBND TP Hà Nội Chử Xuân Dũng chủ trì cuộc họp.", {"Chử Xuân Dũng": "Phó Chủ tịch UBND TP Hà Nội"}),
    ("Thượng tướng Nguyễn Tân Cương, Thứ trưởng Bộ Quốc phòng, kiểm tra bệnh viện dã chiến.",
     {"Nguyễn Tân Cương": "Thứ trưởng Bộ Quốc phòng"}),
    ("Chủ tịch UBND tỉnh Bình Dương Võ Văn Minh cho biết tỉnh đã tiêm 2 triệu liều.",
     {"Võ Văn Minh": "Chủ tịch UBND tỉnh Bình Dương"}),
    ("Phó Thủ tướng Thường trực Phạm Bình Minh làm việc với tỉnh.", {"Phạm Bình Minh": None}),
    ("Chiều 7/9, Phó Chủ tịch Thường trực UBND TP.HCM Lê Hòa Bình kiểm tra khu cách ly.", {"Lê Hòa Bình": None}),
    ("Bộ trưởng Bộ Y tế Nguyễn Thanh Long và Thứ trưởng Đỗ Xuân Tuyên dự họp.",
     {"Nguyễn Thanh Long": "Bộ trưởng Bộ Y tế", "Đỗ Xuân Tuyên": "Thứ trưởng"}),
    ("Giám đốc Sở Y tế tỉnh Kiên Giang Hà Văn Phúc cho biết tỉnh có 3 khu cách ly.",
     {"Hà Văn Phúc": "Giám đốc Sở Y tế tỉnh Kiên Giang"}),
    ("Bí thư Thành ủy Hà Nội Đinh Tiến Dũng yêu cầu xét nghiệm diện rộng.",
     {"Đinh Tiến Dũng": "Bí thư Thành ủy Hà Nội"}),
    ("Chủ tịch nước Nguyễn Xuân Phúc gửi thư khen lực lượng y tế.", {"Nguyễn Xuân Phúc": "Chủ tịch nước"}),
    ("Tổng Giám đốc WHO Tedros Adhanom Ghebreyesus cảnh báo về biến chủng mới.",
     {"Tedros Adhanom Ghebreyesus": "Tổng Giám đốc WHO"}),
    ("Trưởng đại diện WHO tại Việt Nam, ông Kidong Park, cho biết sẽ hỗ trợ thêm vắc xin.", {"Kidong Park": None}),
    ("Tổng thống Mỹ Joe Biden tuyên bố viện trợ thêm vắc xin cho Việt Nam.", {"Joe Biden": "Tổng thống Mỹ"}),
    ("Đại sứ Mỹ tại Việt Nam Marc Knapper dự lễ bàn giao vắc xin.", {"Marc Knapper": None}),
    ("ĐỒNG CHÍ NGUYỄN VĂN LỢI, BÍ THƯ TỈNH ỦY, KIỂM TRA CHỐT KIỂM SOÁT DỊCH", {"Nguyễn Văn Lợi": None}),
    ("Phó Chủ tịch UBND tỉnh Đồng Nai Nguyễn Sơn Hùng cho biết tỉnh đã lập 12 chốt.",
     {"Nguyễn Sơn Hùng": "Phó Chủ tịch UBND tỉnh Đồng Nai"}),
]


@pytest.mark.parametrize("text, expected", OFFICIALS, ids=_ids("official", OFFICIALS))
def test_officials_on_unseen_text(text, expected):
    found = _officials(text)
    assert set(found) == {name_key(n) for n in expected}
    for name, title in expected.items():
        if title is not None:
            assert name_key(found[name_key(name)]["title"]) == name_key(title), found[name_key(name)]


NOT_OFFICIALS = [
    "Bệnh viện Phạm Ngọc Thạch tiếp nhận 30 bệnh nhân nặng.",
    "Đường Nguyễn Văn Linh bị phong tỏa từ sáng nay.",
    "Bệnh nhân Nguyễn Thị Hoa, 45 tuổi, đã xuất viện.",
    "Trường THCS Lê Quý Đôn được trưng dụng làm khu cách ly.",
    "Chủ tịch UBND phường Thạnh Mỹ Lợi cho biết đã phong tỏa một con hẻm.",
    "Giám đốc Bệnh viện Chợ Rẫy cho biết bệnh viện đã sẵn sàng.",
    "Giám đốc Trung tâm Kiểm soát bệnh tật TP Cần Thơ cho biết có thêm 12 ca.",
    "Bộ trưởng Bộ Y tế ký Quyết định 3416/QĐ-BYT.",
    "Tổng Giám đốc WHO cảnh báo về biến chủng Delta.",
    "Trưởng ban Chỉ đạo Quốc gia phòng, chống dịch COVID-19 yêu cầu các tỉnh báo cáo.",
    "Người dân ở phố Trần Duy Hưng được xét nghiệm.",
    "Khu cách ly tại Ký túc xá Đại học Quốc gia TP.HCM đón thêm 500 người.",
]


@pytest.mark.parametrize("text", NOT_OFFICIALS, ids=_ids("not_official", NOT_OFFICIALS))
def test_no_officials(text):
    assert _officials(text) == {}

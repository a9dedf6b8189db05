"""The extractors on text nobody tuned them on: bulletins, provincial reports, officials, distractors.

Each table holds sentences or short paragraphs of the kinds that fill Vietnamese COVID-19
news of 2020-2022 (Ministry of Health bulletins, provincial and district reports, names of
officials in their many patterns, numbers that are not counts) with the facts a careful
reader finds in them, following the gold conventions (``data/gold/README.md``): a count is
value + metric + province (None for national or world figures); day-over-day changes,
doses received, targets, beds, money, phone and document numbers are not counts; a named
person with a role or a professional title written next to the name is an official.
Paragraphs are separated by a newline, as :func:`~covidlib.text.article.article_from_body` reads them.

Where the gold README leaves room, these tables choose: a professional title alone
("bác sĩ Trương Hữu Khanh", "PGS.TS Trần Đắc Phu") is the role written next to the name; a
total spread over several provinces ("127 ca tại TP.HCM (98), Bình Dương (16)") and a figure
of a national round-up with no place of its own have no province.
"""
from __future__ import annotations

from collections import Counter

import pytest

from covidlib.document import Article
from covidlib.text.article import article_from_body
from covidlib.quality.evaluate import name_key, title_agrees
from covidlib.extract.case_counts import case_count_rows
from covidlib.parse.numbers import parse_number
from covidlib.run.pipeline import article_facts

PUBLISHED = "2021-09-20T18:00"


def _facts(text: str, *, published: str | None = PUBLISHED) -> tuple[Article, dict]:
    article = article_from_body(text, published=published)
    return article, article_facts(article)


def _counts(text: str) -> Counter:
    article, facts = _facts(text)
    rows = case_count_rows(article, facts["case_counts"])
    for row in rows:  # every figure points at its number in the body
        assert parse_number(article.body[row["start"] : row["end"]]) == row["value"], row
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
    # lists, breakdowns, colons and parentheses
    ("Cả nước ghi nhận 10.032 ca mắc mới.\nCụ thể: Hà Nội 1.234 ca, Bắc Ninh 567 ca, Hải Phòng 89 ca.",
     [(10032, N, None), (1234, N, HN), (567, N, "Bắc Ninh"), (89, N, "Hải Phòng")]),
    ("Tỉnh Quảng Ninh ghi nhận 8 ca mắc mới (6 ca trong cộng đồng, 2 ca đã được cách ly).",
     [(8, N, "Quảng Ninh"), (6, N, "Quảng Ninh"), (2, N, "Quảng Ninh")]),
    ("Sáng 20/9, Bộ Y tế ghi nhận 9.012 ca mắc mới.\nTP.HCM vẫn là địa phương có số ca mắc cao nhất với 4.015 ca.",
     [(9012, N, None), (4015, N, HCM)]),
    ("Trong số 3.000 ca mắc mới tại Hà Nội, có 2.000 ca không có triệu chứng.", [(3000, N, HN), (2000, N, HN)]),
    ("Hải Phòng ghi nhận một ca mắc COVID-19 mới.", [(1, N, "Hải Phòng")]),
    ("Số ca mắc trong ngày tại Hà Nội là 3.012, số ca khỏi bệnh là 2.540.", [(3012, N, HN), (2540, R, HN)]),
    ("Trong ngày có 2.013 bệnh nhân được công bố khỏi bệnh, nâng tổng số người khỏi bệnh của tỉnh Long An lên "
     "25.412 người.", [(2013, R, "Long An"), (25412, R, "Long An")]),
    ("Số bệnh nhân khỏi bệnh trong ngày: 7.312 ca, trong đó TP. Hồ Chí Minh (5.123), Bình Dương (1.002).",
     [(7312, R, None), (5123, R, HCM), (1002, R, "Bình Dương")]),
    ("Hiện Hà Nội có 12.345 F0 đang điều trị tại nhà.", [(12345, A, HN)]),
    ("Tỉnh Long An đã tiêm 1.200.000 mũi vắc xin và xét nghiệm cho 500.000 người.",
     [(1200000, V, "Long An"), (500000, T, "Long An")]),
    ("Tỉnh Thanh Hóa hiện cách ly tập trung 1.234 trường hợp, cách ly y tế tại nhà 45 F1.",
     [(1234, Q, "Thanh Hóa"), (45, Q, "Thanh Hóa")]),
    ("+ Số ca nhiễm mới trong ngày: 14.922 ca.", [(14922, N, None)]),
    ("Có 12 trường hợp F0 tử vong tại tỉnh Đồng Tháp.", [(12, D, "Đồng Tháp")]),
    ("Quận 7 ghi nhận 35 ca mắc mới, là quận có nhiều ca nhất TP.HCM.", [(35, N, HCM)]),
    # figures of other countries have no province
    ("Sở Y tế TP.HCM cho biết thành phố có 1.200 ca mắc mới.\nTrong khi đó, Ấn Độ ghi nhận thêm 40.120 ca mắc mới "
     "và 580 ca tử vong.", [(1200, N, HCM), (40120, N, None), (580, D, None)]),
    ("Tỉnh Bình Dương có 2.150 ca mắc mới.\nTại Singapore, số ca mắc mới trong ngày là 3.012 ca.",
     [(2150, N, "Bình Dương"), (3012, N, None)]),
    ("Mỹ vẫn là quốc gia có số ca mắc cao nhất thế giới với hơn 45 triệu ca.", [(45000000, C, None)]),
    # summaries with several metrics, numbers opening a sentence, repeated totals
    ("Tính đến 17h ngày 15/9, TP Đà Nẵng ghi nhận tổng cộng 4.521 ca mắc COVID-19 trong đợt dịch thứ tư; trong đó "
     "3.910 ca đã khỏi bệnh, xuất viện; 52 ca tử vong; đang điều trị 559 ca.",
     [(4521, C, "Đà Nẵng"), (3910, R, "Đà Nẵng"), (52, D, "Đà Nẵng"), (559, A, "Đà Nẵng")]),
    ("Hiện thành phố Hải Phòng đang theo dõi sức khỏe 12.452 trường hợp F1.", [(12452, Q, "Hải Phòng")]),
    ("Hà Nội ghi nhận 25 ca mắc mới.\nTrong số 25 ca mắc mới có 8 ca ở quận Hoàng Mai, 5 ca ở quận Đống Đa, 3 ca "
     "ở huyện Thanh Trì.", [(25, N, HN), (25, N, HN), (8, N, HN), (5, N, HN), (3, N, HN)]),
    ("1.034 ca mắc mới được ghi nhận tại TP.HCM trong ngày 20/9.", [(1034, N, HCM)]),
    ("Số ca mắc mới trong ngày của Bình Dương là 2.123 ca, của Đồng Nai là 987 ca.",
     [(2123, N, "Bình Dương"), (987, N, "Đồng Nai")]),
    ("Trong 20 ca tử vong tại tỉnh Kiên Giang, có 18 ca chưa tiêm vắc xin.", [(20, D, "Kiên Giang"), (18, D, "Kiên Giang")]),
    ("Tỉnh Bến Tre đã tiêm mũi 1 cho 1.120.000 người, mũi 2 cho 1.050.000 người.",
     [(1120000, V, "Bến Tre"), (1050000, V, "Bến Tre")]),
    ("Bệnh viện Bệnh Nhiệt đới TP.HCM đang điều trị 250 bệnh nhân, trong đó 45 ca nặng.", [(250, A, HCM), (45, A, HCM)]),
    ("- Bình Dương: 1.234 ca\n- Đồng Nai: 567 ca\n- Long An: 89 ca", [(1234, C, "Bình Dương"), (567, C, "Đồng Nai"),
                                                              (89, C, "Long An")]),
    ("Tổng số F0 đang điều trị tại nhà ở Hà Nội là 25.000 người.", [(25000, A, HN)]),
    ("Số người ở TP. Cần Thơ đã tiêm ít nhất 1 mũi vắc xin là 5,2 triệu người.", [(5200000, V, "Cần Thơ")]),
    ("Tỉnh Bình Dương có khoảng 2,6 triệu dân, trong đó 1,2 triệu người đã được tiêm vắc xin.",
     [(1200000, V, "Bình Dương")]),
    ("Từ ngày 27/4 đến nay, Hà Nội có 4.123 ca mắc, trong đó 1.876 ca ở cộng đồng.", [(4123, C, HN), (1876, C, HN)]),
    ("Lũy kế đến nay, thành phố Đà Nẵng có 12.345 F0.", [(12345, C, "Đà Nẵng")]),
    ("Chiều 3/8, Sở Y tế Đồng Nai cho biết, trong ngày tỉnh ghi nhận 241 ca.", [(241, N, "Đồng Nai")]),
    ("Từ đầu dịch đến nay, Việt Nam có 1.234.567 ca nhiễm.", [(1234567, C, None)]),
    ("Tỉnh Bình Thuận ghi nhận thêm ba ca tử vong và mười hai ca mắc mới.", [(3, D, "Bình Thuận"), (12, N, "Bình Thuận")]),
    ("Ca bệnh ở TP Biên Hòa (Đồng Nai) là công nhân, tỉnh có thêm 32 ca bệnh.", [(32, N, "Đồng Nai")]),
    # events beat states, leading zeros, doses given as "lượt tiêm", origins are not places
    ("Trong ngày tỉnh Đồng Nai có 2 bệnh nhân nặng tử vong.", [(2, D, "Đồng Nai")]),
    ("Tỉnh Bình Phước có 2 bệnh nhân COVID-19 nặng không qua khỏi.", [(2, D, "Bình Phước")]),
    ("Tỉnh Hà Giang ghi nhận 02 ca mắc mới và 01 ca tử vong.", [(2, N, "Hà Giang"), (1, D, "Hà Giang")]),
    ("Trong ngày, TP. Đà Nẵng thực hiện 85.000 lượt tiêm.", [(85000, V, "Đà Nẵng")]),
    ("Tỉnh Quảng Ngãi ghi nhận 10 ca mắc mới.\nTrong 10 ca mắc mới có 6 ca về từ TP.HCM, 4 ca về từ Bình Dương.",
     [(10, N, "Quảng Ngãi"), (10, N, "Quảng Ngãi"), (6, N, "Quảng Ngãi"), (4, N, "Quảng Ngãi")]),
    ("Tỉnh Hưng Yên đã xét nghiệm cho 4.000 người, trong đó 15 người có kết quả dương tính.",
     [(4000, T, "Hưng Yên"), (15, C, "Hưng Yên")]),
    ("Trong tổng số 3.500 ca mắc tại Hải Dương, có 1.200 ca (chiếm 34%) là trẻ em.",
     [(3500, C, "Hải Dương"), (1200, C, "Hải Dương")]),
    ("Đến nay, Gia Lai đã có ít nhất 3 người tử vong do COVID-19.", [(3, D, "Gia Lai")]),
    ("Chiều 12/3, Bộ Y tế công bố thêm 5 ca mắc COVID-19 mới.\nTrong đó, 3 ca ghi nhận tại Hải Dương, 2 ca tại Hà Nội."
     "\nĐến nay Việt Nam có 2.500 ca mắc.\nTổng số ca khỏi bệnh là 2.100 ca.",
     [(5, N, None), (3, N, "Hải Dương"), (2, N, HN), (2500, C, None), (2100, R, None)]),
    # a round-up naming many provinces has no home province for a figure with no place
    ("Sáng 20/9, có 500 ca mắc mới được ghi nhận.\nTP.HCM có 300 ca, Bình Dương 120 ca, Đồng Nai 80 ca.",
     [(500, N, None), (300, N, HCM), (120, N, "Bình Dương"), (80, N, "Đồng Nai")]),
    ("Tỉnh Bình Phước có 10 ca cần thở máy.", [(10, A, "Bình Phước")]),
    ("Tỉnh Sóc Trăng trong ngày có 12 ca tử vong, trong đó 8 ca có bệnh nền.", [(12, D, "Sóc Trăng"), (8, D, "Sóc Trăng")]),
    ("Tỉnh Đồng Tháp ghi nhận 200 ca mắc mới, trong đó có 150 ca cộng đồng; 3 ca tử vong.",
     [(200, N, "Đồng Tháp"), (150, N, "Đồng Tháp"), (3, D, "Đồng Tháp")]),
    ("Sáng 15/10, tỉnh Vĩnh Long tổ chức tiêm vắc xin cho trẻ từ 12 đến 17 tuổi. Theo kế hoạch, toàn tỉnh có khoảng "
     "90.000 trẻ trong độ tuổi này sẽ được tiêm. Ngày đầu tiên, các điểm tiêm đã tiêm cho 4.512 trẻ.",
     [(4512, V, "Vĩnh Long")]),
    # a plan in another clause does not make a reported figure a plan
    ("Bộ Y tế cho biết sẽ công bố số liệu chi tiết; trong ngày tỉnh Nam Định có 500 ca mắc mới.", [(500, N, "Nam Định")]),
    ("Với công suất 3.000 mẫu/ngày, CDC tỉnh Nam Định đã xét nghiệm 45.000 mẫu.", [(45000, T, "Nam Định")]),
    ("Bệnh viện dã chiến ở Nam Định có công suất 500 giường, hiện đang điều trị 320 bệnh nhân.", [(320, A, "Nam Định")]),
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
    "Chuyến bay VN0051 chở 285 hành khách từ Mỹ về nước.",
    "Toàn tỉnh còn khoảng 500.000 người trên 50 tuổi cần được tiêm vắc xin.",
    "Tỉnh sẽ xét nghiệm cho 50.000 người dân trong tuần tới.",
    "Dự kiến tuần tới, tỉnh sẽ tiêm thêm 80.000 liều vắc xin.",
    "Đơn vị đã vận chuyển 1.200 tấn hàng hóa và 700 nghìn túi an sinh vào vùng dịch.",
    "Bệnh nhân 91 là phi công người Anh, 43 tuổi.",
    "Ca bệnh số 17 đã khỏi bệnh.",
    "Hơn 5.000 cán bộ, chiến sĩ và 1.000 tình nguyện viên tham gia chống dịch.",
    "Tỉnh ủng hộ 50.000 liều vắc xin cho nước bạn Lào.",
    "Bệnh nhân là nam, 35 tuổi, ở xã Tân Phú, huyện Tân Châu.",
    "Khoảng 80% ca tử vong chưa tiêm vắc xin.",
    "Đến nay 126/126 xã, phường đã được kiểm soát.",
    "Tỉnh có dân số khoảng 1,2 triệu người.",
    "Trẻ em dưới 12 tuổi chưa được tiêm vắc xin.",
    "Lịch nghỉ lễ 30/4 - 1/5 kéo dài 4 ngày.",
    "Chương trình có sự tham gia của 5 ca sĩ và 20 ca khúc về chống dịch.",
    "Gia đình anh có 5 mẫu ruộng ở xã bên.",
    "Nhiều người bị xử phạt theo nghị định 117/2020/NĐ-CP.",
    "Bệnh nhân sốt 38 độ, SpO2 dưới 94%.",
    "Số ca mắc có thể lên tới 300-400 ca mỗi ngày.",
    "Có 2/3 số ca mắc là trẻ em.",
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
    ("TS.BS Nguyễn Văn Vĩnh Châu, Phó Giám đốc Sở Y tế TP.HCM, cho biết.", {HCM}),
    ("Sân bay Tân Sơn Nhất nằm ở quận Tân Bình.", {HCM}),
    ("Huyện Châu Thành ghi nhận thêm 3 ca mắc mới.", set()),
    ("Phố cổ Hội An và thị xã Sa Pa đón khách trở lại.", {"Quảng Nam", "Lào Cai"}),
    ("Tỉnh đã hỗ trợ vắc xin cho nước bạn Lào.", set()),
    ("Anh Nam định về quê ăn Tết nhưng phải cách ly.", set()),
    ("Chúng ta đang sống trong hòa bình.", set()),
    ("Ban Thường vụ Tỉnh ủy Quảng Ninh họp khẩn.", {"Quảng Ninh"}),
    ("Người về từ TX. Dĩ An, H. Củ Chi và Q.Bình Thạnh phải khai báo.", {"Bình Dương", HCM}),
    ("Người dân Cần Giờ và Nhà Bè được tiêm mũi 2.", {HCM}),
    ("Các tỉnh Tây Nguyên và miền Tây Nam Bộ tăng cường phòng dịch.", set()),
    ("TP.HCM và các tỉnh lân cận siết chặt kiểm soát.", {HCM}),
    ("Phó Chủ tịch UBND tỉnh Đắk Lắk H'Yim Kđoh kiểm tra chốt.", {"Đắk Lắk"}),
    ("Ca bệnh sống tại số 4, ngõ 12, phố Trần Quốc Hoàn, phường Dịch Vọng Hậu, quận Cầu Giấy.", {HN}),
    ("Xã Vĩnh Lộc A, huyện Bình Chánh bị phong tỏa.", {HCM}),
    ("Người dân TP Long Xuyên và TP Vinh được xét nghiệm.", {"An Giang", "Nghệ An"}),
    ("Sinh viên Đại học Quốc gia Hà Nội tham gia tình nguyện.", {HN}),
    # bylines, photo credits and speakers named like a district; street corners
    ("Tỉnh Nghệ An ghi nhận 5 ca mắc mới.\nTHANH SƠN", {"Nghệ An"}),
    ("Tỉnh Nghệ An ghi nhận 5 ca mắc mới.\nKIM SƠN (TTXVN)", {"Nghệ An"}),
    ("Tỉnh Nghệ An ghi nhận 5 ca mắc mới.\nBài, ảnh: Hải Hà", {"Nghệ An"}),
    ("Lực lượng y tế lấy mẫu cho người dân. Ảnh: Thanh Sơn", set()),
    ("Chị Thanh Thủy, nhân viên y tế, cho biết đã tiêm 2 mũi.", set()),
    ("Thanh Thủy cho biết người dân rất hợp tác.", set()),
    ("Xe đi qua ngã tư Điện Biên Phủ - Đinh Tiên Hoàng bị kiểm tra.", set()),
    ("Tỉnh Phú Thọ có thêm 3 ca mắc.\nThanh Sơn", {"Phú Thọ"}),
    ("Thanh Sơn có thêm 5 ca mắc mới.", {"Phú Thọ"}),
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
    ("Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị trực tuyến.", {"Phạm Minh Chính": "Thủ tướng Chính phủ"}),
    ("Chủ tịch Quốc hội Vương Đình Huệ kiểm tra công tác phòng dịch.", {"Vương Đình Huệ": "Chủ tịch Quốc hội"}),
    ("Bí thư Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký chỉ đạo khoanh vùng.", {"Nguyễn Xuân Ký": "Bí thư Tỉnh ủy Quảng Ninh"}),
    ("Chủ tịch UBND tỉnh Hải Dương Triệu Thế Hùng ký quyết định phong tỏa.",
     {"Triệu Thế Hùng": "Chủ tịch UBND tỉnh Hải Dương"}),
    ("Bà Trần Thị Nhị Hà (Giám đốc Sở Y tế Hà Nội) cho biết thành phố có thêm 12 ca.",
     {"Trần Thị Nhị Hà": "Giám đốc Sở Y tế Hà Nội"}),
    ("Nguyên Bộ trưởng Y tế Nguyễn Thị Kim Tiến đến thăm bệnh viện.", {"Nguyễn Thị Kim Tiến": None}),
    ("TS.BS Nguyễn Văn Vĩnh Châu, Phó Giám đốc Sở Y tế TP.HCM, cho biết.",
     {"Nguyễn Văn Vĩnh Châu": "Phó Giám đốc Sở Y tế TP.HCM"}),
    ("Ông Trần Văn Thuấn, Thứ trưởng Bộ Y tế, cho biết đã tiêm 40 triệu liều.", {"Trần Văn Thuấn": "Thứ trưởng Bộ Y tế"}),
    ("Phát biểu tại hội nghị, Bí thư Tỉnh ủy NGUYỄN VĂN LỢI yêu cầu các địa phương không lơ là.",
     {"Nguyễn Văn Lợi": "Bí thư Tỉnh ủy"}),
    ("Ông Nguyễn Văn Được - Phó Chủ tịch UBND TP.HCM cho biết.", {"Nguyễn Văn Được": "Phó Chủ tịch UBND TP.HCM"}),
    ("Chủ tịch UBND huyện Củ Chi Nguyễn Thị Hồng Nhung cho biết huyện có 12 ca.",
     {"Nguyễn Thị Hồng Nhung": "Chủ tịch UBND huyện Củ Chi"}),
    ("Đại tá Trần Đức Tài, Phó Giám đốc Công an TP.HCM, yêu cầu siết chặt.",
     {"Trần Đức Tài": "Phó Giám đốc Công an TP.HCM"}),
    ("Bác sĩ CKII Lê Văn Nam cho biết bệnh nhân đã ổn định.", {"Lê Văn Nam": "Bác sĩ CKII"}),
    ("Điều dưỡng Nguyễn Thị Lan đã trực 3 tháng ở bệnh viện dã chiến.", {"Nguyễn Thị Lan": "Điều dưỡng"}),
    ("Theo chỉ đạo của Chủ tịch UBND tỉnh Nguyễn Văn Út, các huyện phải lập chốt.",
     {"Nguyễn Văn Út": "Chủ tịch UBND tỉnh"}),
    ("Chủ tịch UBND tỉnh Nguyễn Văn Út và Phó Chủ tịch Trần Văn Vĩnh kiểm tra chốt.",
     {"Nguyễn Văn Út": "Chủ tịch UBND tỉnh", "Trần Văn Vĩnh": "Phó Chủ tịch"}),
    ("Phó Chủ tịch UBND tỉnh Đắk Lắk H'Yim Kđoh kiểm tra chốt.", {"H'Yim Kđoh": "Phó Chủ tịch UBND tỉnh Đắk Lắk"}),
    ("Chi cục trưởng Chi cục Dân số Nguyễn Văn Khoa tham dự.", {"Nguyễn Văn Khoa": "Chi cục trưởng Chi cục Dân số"}),
    ("Tổ trưởng tổ dân phố Lê Thị Hoa vận động người dân đi tiêm.", {"Lê Thị Hoa": "Tổ trưởng tổ dân phố"}),
    ("Chuyên gia dịch tễ Trần Đắc Phu cho rằng cần xét nghiệm diện rộng.", {"Trần Đắc Phu": None}),
    ("Bộ trưởng Bộ Thông tin và Truyền thông Nguyễn Mạnh Hùng phát biểu.",
     {"Nguyễn Mạnh Hùng": "Bộ trưởng Bộ Thông tin và Truyền thông"}),
    ("Giám đốc Bệnh viện Bạch Mai, PGS.TS Nguyễn Quang Tuấn cho biết.", {"Nguyễn Quang Tuấn": "Giám đốc Bệnh viện Bạch Mai"}),
    ("Theo TS Nguyễn Huy Nga, chuyên gia y tế công cộng, người dân cần tiêm đủ liều.", {"Nguyễn Huy Nga": None}),
    ("Chủ tịch UBND TP Hà Nội Chu Ngọc Anh yêu cầu các quận, huyện rà soát.",
     {"Chu Ngọc Anh": "Chủ tịch UBND TP Hà Nội"}),
    ("Người phát ngôn Bộ Ngoại giao Lê Thị Thu Hằng cho biết.", {"Lê Thị Thu Hằng": "Người phát ngôn Bộ Ngoại giao"}),
    ("Tiến sĩ Anthony Fauci cảnh báo về biến chủng Omicron.", {"Anthony Fauci": "Tiến sĩ"}),
    ("Bà Kristalina Georgieva, Tổng Giám đốc IMF, cho biết.", {"Kristalina Georgieva": "Tổng Giám đốc IMF"}),
    ("Thủ tướng Singapore Lý Hiển Long phát biểu trên truyền hình.", {"Lý Hiển Long": "Thủ tướng Singapore"}),
    ("Tổng thống Nga Vladimir Putin đã tiêm vắc xin Sputnik V.", {"Vladimir Putin": "Tổng thống Nga"}),
    ("Thủ tướng Nhật Bản Suga Yoshihide tuyên bố tình trạng khẩn cấp.", {"Suga Yoshihide": "Thủ tướng Nhật Bản"}),
    ("Tổng Giám đốc Vietnam Airlines Lê Hồng Hà cho biết hãng sẽ nối lại đường bay.",
     {"Lê Hồng Hà": "Tổng Giám đốc Vietnam Airlines"}),
    # lists of attendees: each title belongs to the name it runs into
    ("Tham dự có đồng chí Nguyễn Văn Thể, Bí thư Ban cán sự Đảng, Bộ trưởng Bộ Giao thông vận tải; đồng chí "
     "Lê Văn Thành, Ủy viên Trung ương Đảng, Phó Thủ tướng Chính phủ.",
     {"Nguyễn Văn Thể": None, "Lê Văn Thành": "Phó Thủ tướng Chính phủ"}),
    ("Cùng dự có các đồng chí: Trần Lưu Quang - Ủy viên Trung ương Đảng, Bí thư Thành ủy Hải Phòng; Nguyễn Văn Tùng "
     "- Chủ tịch UBND thành phố.",
     {"Trần Lưu Quang": "Bí thư Thành ủy Hải Phòng", "Nguyễn Văn Tùng": "Chủ tịch UBND thành phố"}),
    ("Phó Thủ tướng Lê Minh Khái, Phó Thủ tướng Lê Văn Thành và Phó Thủ tướng Vũ Đức Đam dự họp.",
     {"Lê Minh Khái": "Phó Thủ tướng", "Lê Văn Thành": "Phó Thủ tướng", "Vũ Đức Đam": "Phó Thủ tướng"}),
    ("Lãnh đạo tỉnh gồm ông Trần Văn Nam (Bí thư Tỉnh ủy) và ông Võ Văn Minh (Chủ tịch UBND tỉnh) đã đến thăm.",
     {"Trần Văn Nam": "Bí thư Tỉnh ủy", "Võ Văn Minh": "Chủ tịch UBND tỉnh"}),
    ("Thay mặt Ban Giám đốc, bác sĩ Lê Thị Hồng Hạnh trao giấy ra viện cho bệnh nhân.",
     {"Lê Thị Hồng Hạnh": "bác sĩ"}),
    ("Giám đốc điều hành Pfizer Albert Bourla cho biết công ty sẽ cung cấp thêm vắc xin.",
     {"Albert Bourla": "Giám đốc điều hành Pfizer"}),
    ("Bộ trưởng Y tế Israel Nitzan Horowitz cho biết nước này sẽ tiêm mũi 4.", {"Nitzan Horowitz": "Bộ trưởng Y tế Israel"}),
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
    "Theo ông Lê Minh Khái, người dân nên ở nhà.",
    "Bệnh nhân Trần Văn Hùng được chuyển đến Bệnh viện Nhiệt đới.",
    "Tòa nhà Hồ Gươm Plaza tạm dừng hoạt động.",
    "Vắc xin Pfizer BioNTech được tiêm cho trẻ em.",
    "Người dân đi qua chợ Đồng Xuân phải khai báo y tế.",
    "Ông Nguyễn Văn A là người đầu tiên tiêm vắc xin.",
    "Trường Đại học Y Dược TP.HCM cử 500 sinh viên hỗ trợ.",
    "Phòng khám Đa khoa Sài Gòn tạm dừng hoạt động.",
    "Tập đoàn Sun Group tài trợ 50 tỷ đồng.",
    "Thay mặt Ban Giám đốc, ông Nguyễn Văn An trao quà cho bệnh nhân.",
    "Nguyễn Hưng (TTXVN)",
    "Ảnh: Ngọc Minh",
    "Theo các bác sĩ, Nguyễn Văn An đã qua cơn nguy kịch.",
    "Trao đổi với các bác sĩ, ông Nguyễn Văn An cho biết đã khỏe.",
]


@pytest.mark.parametrize("text", NOT_OFFICIALS, ids=_ids("not_official", NOT_OFFICIALS))
def test_no_officials(text):
    assert _officials(text) == {}


# --- whole short articles: (text, counts, provinces, official names) --------------------------------

ARTICLES = [
    ("Sáng 28/7, Sở Y tế tỉnh Bình Định cho biết, trong 24 giờ qua toàn tỉnh ghi nhận 17 ca mắc COVID-19 mới, trong "
     "đó 15 ca đã được cách ly trước đó và 2 ca phát hiện qua sàng lọc tại cộng đồng.\n"
     "Các ca mắc mới phân bố tại TP. Quy Nhơn (9 ca), thị xã An Nhơn (5 ca), huyện Tuy Phước (3 ca).\n"
     "Lũy kế từ ngày 8/5 đến nay, tỉnh Bình Định đã ghi nhận 412 ca mắc COVID-19; trong đó 198 ca đã khỏi bệnh, "
     "xuất viện.\n"
     "Hiện tỉnh đang cách ly tập trung 1.025 người, cách ly tại nhà 4.310 người.\n"
     "Ông Lê Quang Hùng, Giám đốc Sở Y tế, đề nghị người dân không chủ quan.",
     [(17, N, "Bình Định"), (15, N, "Bình Định"), (2, N, "Bình Định"), (9, N, "Bình Định"), (5, N, "Bình Định"),
      (3, N, "Bình Định"), (412, C, "Bình Định"), (198, R, "Bình Định"), (1025, Q, "Bình Định"),
      (4310, Q, "Bình Định")],
     {"Bình Định"}, {"Lê Quang Hùng"}),
    ("Tối 12/8, Bộ Y tế công bố 4.180 ca nhiễm mới, trong đó TP HCM chiếm 2.135 ca.\n"
     "Các địa phương khác ghi nhận ca nhiễm gồm Bình Dương 1.020, Đồng Nai 327, Long An 210, Tiền Giang 98.\n"
     "Tổng ca nhiễm trong nước từ đầu dịch đến nay là 230.418, trong đó 226.720 ca trong đợt dịch thứ tư.\n"
     "Số bệnh nhân khỏi bệnh trong ngày là 3.015, nâng tổng số người khỏi bệnh lên 80.235.\n"
     "Thứ trưởng Y tế Nguyễn Trường Sơn cho biết Bộ sẽ tăng cường nhân lực cho các tỉnh phía Nam.",
     [(4180, N, None), (2135, N, HCM), (1020, N, "Bình Dương"), (327, N, "Đồng Nai"), (210, N, "Long An"),
      (98, N, "Tiền Giang"), (230418, C, None), (226720, C, None), (3015, R, None), (80235, R, None)],
     {HCM, "Bình Dương", "Đồng Nai", "Long An", "Tiền Giang"}, {"Nguyễn Trường Sơn"}),
    ("Chiều 2/12, CDC Hà Nội cho biết, từ 18h ngày 1/12 đến 18h ngày 2/12, thành phố ghi nhận 552 ca dương tính, "
     "trong đó 238 ca tại cộng đồng.\n"
     "Các ca mắc ghi nhận tại 28 quận, huyện, nhiều nhất là Hoàng Mai (61), Hà Đông (45), Thanh Trì (40).\n"
     "Từ ngày 29/4 đến nay, Hà Nội ghi nhận 14.856 ca mắc COVID-19.\n"
     "Phó Giám đốc Sở Y tế Hà Nội Hoàng Đức Hạnh cho biết thành phố đã tiêm 12,5 triệu liều vắc xin.",
     [(552, N, HN), (238, N, HN), (61, N, HN), (45, N, HN), (40, N, HN), (14856, C, HN), (12500000, V, HN)],
     {HN}, {"Hoàng Đức Hạnh"}),
    ("Theo Sở Y tế Bình Dương, ngày 15/9 tỉnh ghi nhận 3.412 ca mắc mới, tập trung tại TP. Thuận An (1.102), "
     "TP. Dĩ An (845), TX. Bến Cát (621), TP. Thủ Dầu Một (512), TX. Tân Uyên (332).\n"
     "Trong ngày có 41 trường hợp tử vong.\n"
     "Lũy kế đến nay, tỉnh đã có 189.512 ca mắc, 2.010 ca tử vong.\n"
     "Hiện có 1.230 bệnh nhân nặng đang điều trị tại các bệnh viện tuyến tỉnh.",
     [(3412, N, "Bình Dương"), (1102, N, "Bình Dương"), (845, N, "Bình Dương"), (621, N, "Bình Dương"),
      (512, N, "Bình Dương"), (332, N, "Bình Dương"), (41, D, "Bình Dương"), (189512, C, "Bình Dương"),
      (2010, D, "Bình Dương"), (1230, A, "Bình Dương")],
     {"Bình Dương"}, set()),
    ("Chiều 20/10, Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Đắk Lắk cho biết, trong ngày tỉnh ghi nhận thêm 31 ca "
     "mắc mới tại TP. Buôn Ma Thuột (18 ca), huyện Krông Pắc (7 ca), huyện Cư M'gar (6 ca).\n"
     "Phó Chủ tịch UBND tỉnh Đắk Lắk H'Yim Kđoh yêu cầu các địa phương tăng cường xét nghiệm.\n"
     "Đến nay, toàn tỉnh đã tiêm được hơn 1,1 triệu liều vắc xin.",
     [(31, N, "Đắk Lắk"), (18, N, "Đắk Lắk"), (7, N, "Đắk Lắk"), (6, N, "Đắk Lắk"), (1100000, V, "Đắk Lắk")],
     {"Đắk Lắk"}, {"H'Yim Kđoh"}),
    ("Theo số liệu của Worldometers, tính đến sáng 21/9, thế giới ghi nhận 229.312.457 ca mắc COVID-19, trong đó "
     "4.705.612 ca tử vong.\n"
     "Mỹ vẫn là quốc gia có số ca mắc nhiều nhất với 43.512.302 ca, tiếp theo là Ấn Độ với 33.478.419 ca.\n"
     "Tại Đông Nam Á, Indonesia ghi nhận thêm 2.720 ca mắc mới và 172 ca tử vong trong 24 giờ qua.\n"
     "Tổng thống Mỹ Joe Biden cho biết nước này sẽ tặng thêm 500 triệu liều vắc xin cho thế giới.",
     [(229312457, C, None), (4705612, D, None), (43512302, C, None), (33478419, C, None), (2720, N, None),
      (172, D, None)],
     set(), {"Joe Biden"}),
    ("Ngày 5/8, đồng chí Nguyễn Văn Vĩnh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Tiền Giang đã kiểm tra công tác "
     "phòng, chống dịch tại huyện Châu Thành.\n"
     "Theo báo cáo, từ ngày 1/7 đến nay, huyện Châu Thành ghi nhận 356 ca mắc COVID-19, trong đó 120 ca đã xuất viện.\n"
     "Đồng chí Nguyễn Văn Vĩnh yêu cầu huyện khẩn trương xét nghiệm cho 100% người dân trong vùng phong tỏa.",
     [(356, C, "Tiền Giang"), (120, R, "Tiền Giang")],
     {"Tiền Giang"}, {"Nguyễn Văn Vĩnh"}),
    ("QUẢNG NAM: THÊM 12 CA MẮC COVID-19 TRONG CỘNG ĐỒNG\n"
     "Sáng 18/11, Sở Y tế Quảng Nam cho biết, từ 18h ngày 17/11 đến 6h ngày 18/11, tỉnh ghi nhận 12 ca mắc mới, đều ở "
     "TP. Tam Kỳ.\n"
     "Ảnh: Lực lượng y tế lấy mẫu xét nghiệm cho người dân phường An Mỹ, TP. Tam Kỳ.",
     [(12, N, "Quảng Nam"), (12, N, "Quảng Nam")],
     {"Quảng Nam"}, set()),
    ("Từ 16h ngày 15/3 đến 16h ngày 16/3, trên Hệ thống Quốc gia quản lý ca bệnh COVID-19 ghi nhận 166.818 ca nhiễm "
     "mới, trong đó 8 ca nhập cảnh và 166.810 ca ghi nhận trong nước (tăng 14.238 ca so với ngày trước đó) tại 63 "
     "tỉnh, thành phố (có 104.535 ca trong cộng đồng).\n"
     "Các địa phương ghi nhận nhiều ca nhiễm mới: Hà Nội (31.102), Phú Thọ (7.210), Bắc Ninh (6.112).\n"
     "Địa phương có số ca nhiễm giảm nhiều nhất so với ngày trước đó: Hải Phòng (-1.210), Quảng Ninh (-655).\n"
     "Số bệnh nhân được công bố khỏi bệnh trong ngày: 52.102 ca.\n"
     "Số bệnh nhân đang thở ô xy là 4.012 ca, trong đó thở ô xy qua mặt nạ: 2.821 ca, thở máy xâm lấn: 322 ca.\n"
     "Trong 24 giờ qua ghi nhận 92 ca tử vong tại các địa phương.",
     [(166818, N, None), (8, N, None), (166810, N, None), (104535, N, None), (31102, N, HN), (7210, N, "Phú Thọ"),
      (6112, N, "Bắc Ninh"), (52102, R, None), (4012, A, None), (2821, A, None), (322, A, None), (92, D, None)],
     {HN, "Phú Thọ", "Bắc Ninh", "Hải Phòng", "Quảng Ninh"}, set()),
]


@pytest.mark.parametrize("text, counts, provinces, officials", ARTICLES, ids=_ids("article", ARTICLES))
def test_short_articles(text, counts, provinces, officials):
    assert _counts(text) == Counter(counts)
    assert _provinces(text) == provinces
    assert set(_officials(text)) == {name_key(n) for n in officials}


# === round 4: flattened bulletins, counter words, qualifiers, spelled numbers, dates, shared districts ===
#
# Written for styles the tables above leave out: province lists flattened from tables, each
# counter noun ("ca mắc", "ca nhiễm", "F0", "bệnh nhân"), qualifiers and spelled numbers,
# dates in their several spellings, regions that are no province, district names shared by
# several provinces, long titles before and after names, and distractors. Attributes
# (district as written without "huyện", qualifier, as-of date) are checked in their own table.
# Where the gold README leaves room, these tables choose: "có tới 340 ca" is exact (emphasis, not
# a bound); "từ 2.000 đến 3.000 ca" is a range, not a count; an F0 isolating or treated at home
# is an active case; a figure for a region ("Tây Nguyên", "ĐBSCL") has no province.

BD, DN, CT = "Bình Dương", "Đồng Nai", "Cần Thơ"

R4_COUNTS = [
    # bulletin tables flattened to text
    ("Các ca mắc mới ghi nhận tại: Hà Nội (1.234), TP.HCM (987), Bình Dương (456), Hải Phòng (78).",
     [(1234, N, HN), (987, N, HCM), (456, N, BD), (78, N, "Hải Phòng")]),
    ("Số ca tử vong cộng dồn: Hà Nội 512, TP.HCM 19.870, Bình Dương 3.310.",
     [(512, D, HN), (19870, D, HCM), (3310, D, BD)]),
    ("Trong ngày, cả nước ghi nhận 15.432 ca mắc mới.\nHà Nội: 2.904 ca; Bắc Ninh: 1.210 ca; Quảng Ninh: 845 ca.",
     [(15432, N, None), (2904, N, HN), (1210, N, "Bắc Ninh"), (845, N, "Quảng Ninh")]),
    ("Số ca khỏi bệnh trong ngày theo địa phương: TP.HCM 5.210 - Bình Dương 1.870 - Đồng Nai 640.",
     [(5210, R, HCM), (1870, R, BD), (640, R, DN)]),
    ("Ca nhiễm mới tại Bình Dương: 2.012; ca tử vong: 23; ca khỏi bệnh: 1.540.",
     [(2012, N, BD), (23, D, BD), (1540, R, BD)]),
    ("Tỉnh Đồng Tháp: 14 ca mắc mới, 2 ca tử vong.", [(14, N, "Đồng Tháp"), (2, D, "Đồng Tháp")]),
    ("Miền Bắc có thêm 3.012 ca, trong đó Hà Nội 1.020 ca, Phú Thọ 550 ca.",
     [(3012, N, None), (1020, N, HN), (550, N, "Phú Thọ")]),
    # counter words: ca mắc, ca nhiễm, F0, bệnh nhân; deaths, active, recovered, quarantine
    ("Tỉnh Sơn La ghi nhận 35 ca nhiễm mới, 12 F0 khỏi bệnh và 1 bệnh nhân tử vong.",
     [(35, N, "Sơn La"), (12, R, "Sơn La"), (1, D, "Sơn La")]),
    ("Từ đầu mùa dịch, tỉnh Hậu Giang có 2.150 F0, trong đó 1.980 F0 đã khỏi.",
     [(2150, C, "Hậu Giang"), (1980, R, "Hậu Giang")]),
    ("Trong ngày, tỉnh Lâm Đồng có 48 bệnh nhân mới.", [(48, N, "Lâm Đồng")]),
    ("Hiện tỉnh Vĩnh Phúc đang điều trị 1.102 ca, trong đó 15 ca tiên lượng nặng.",
     [(1102, A, "Vĩnh Phúc"), (15, A, "Vĩnh Phúc")]),
    ("Hôm nay có 57 bệnh nhân COVID-19 ở Quảng Trị được ra viện.", [(57, R, "Quảng Trị")]),
    ("Tỉnh Quảng Ngãi có thêm 9 bệnh nhân xuất viện.", [(9, R, "Quảng Ngãi")]),
    ("Lũy kế, tỉnh Bình Phước có 6.120 ca F0 được điều trị khỏi.", [(6120, R, "Bình Phước")]),
    ("Đã có 2.345 F0 ở Thừa Thiên Huế xuất viện.", [(2345, R, "Thừa Thiên Huế")]),
    ("Tỉnh Gia Lai còn 212 bệnh nhân đang điều trị, 5 ca phải thở oxy.", [(212, A, "Gia Lai"), (5, A, "Gia Lai")]),
    ("Bệnh viện Dã chiến số 3 ở Đồng Nai đang điều trị 740 F0.", [(740, A, DN)]),
    ("Số bệnh nhân COVID-19 đang điều trị tại các cơ sở y tế của Nghệ An là 2.140.", [(2140, A, "Nghệ An")]),
    ("Cả nước có 1,2 triệu F0 đang điều trị tại nhà.", [(1200000, A, None)]),
    ("Số ca tử vong cộng dồn của TP.HCM là 16.780 ca.", [(16780, D, HCM)]),
    ("Trong ngày ghi nhận một ca tử vong tại tỉnh Cà Mau.", [(1, D, "Cà Mau")]),
    ("Tỉnh Tiền Giang có 312 ca tử vong; 85% trong số đó chưa tiêm vắc xin.", [(312, D, "Tiền Giang")]),
    ("Thái Bình đang cách ly tập trung 412 F1, cách ly tại nhà 1.830 F1 và theo dõi sức khỏe 2.400 F2.",
     [(412, Q, "Thái Bình"), (1830, Q, "Thái Bình"), (2400, Q, "Thái Bình")]),
    ("Khoảng hai nghìn người ở Bắc Giang phải cách ly tại nhà.", [(2000, Q, "Bắc Giang")]),
    ("Tỉnh An Giang có trên 3.000 trường hợp đang cách ly y tế.", [(3000, Q, "An Giang")]),
    ("Tỉnh Kon Tum có 3 trường hợp nghi mắc COVID-19 đang chờ kết quả.", [(3, S, "Kon Tum")]),
    ("Hà Tĩnh ghi nhận 6 ca nhiễm mới, nâng tổng số bệnh nhân của tỉnh lên 412.",
     [(6, N, "Hà Tĩnh"), (412, C, "Hà Tĩnh")]),
    ("Số F0 cộng đồng tại Hà Nội hôm nay là 1.023.", [(1023, N, HN)]),
    ("Tính đến 18h ngày 5/8, Bình Dương có 31.045 ca mắc, 212 ca tử vong, 18.300 ca khỏi bệnh.",
     [(31045, C, BD), (212, D, BD), (18300, R, BD)]),
    ("Đến 18h ngày 5/8, TP.HCM có 125.400 ca nhiễm cộng dồn.", [(125400, C, HCM)]),
    # testing and vaccination
    ("Tỉnh Hà Nam đã xét nghiệm RT-PCR cho 25.410 người.", [(25410, T, "Hà Nam")]),
    ("Từ đầu năm, Hải Dương đã thực hiện 1,5 triệu xét nghiệm nhanh.", [(1500000, T, "Hải Dương")]),
    ("CDC Bắc Giang đã xét nghiệm 45.200 mẫu gộp cho 312.000 người.", [(45200, T, "Bắc Giang"), (312000, T, "Bắc Giang")]),
    ("Tính đến nay, tỉnh Phú Yên đã tiêm 812.000 liều vắc xin, trong đó 402.150 người đã tiêm đủ 2 liều.",
     [(812000, V, "Phú Yên"), (402150, V, "Phú Yên")]),
    ("Gần 1,2 triệu người dân Đồng Nai đã được tiêm mũi 3.", [(1200000, V, DN)]),
    ("Tổng số mũi tiêm đã thực hiện tại Bình Định là 1.540.220 mũi.", [(1540220, V, "Bình Định")]),
    ("Tỉnh Yên Bái đã tiêm được 320.500 liều, đạt 85% kế hoạch.", [(320500, V, "Yên Bái")]),
    ("Số người được tiêm đủ 2 mũi ở Hà Nội đạt 5,6 triệu người.", [(5600000, V, HN)]),
    # qualifiers and spelled numbers
    ("Tỉnh Quảng Nam ghi nhận mười lăm ca mắc mới trong cộng đồng.", [(15, N, "Quảng Nam")]),
    ("Theo Sở Y tế Cần Thơ, có tới 340 ca mắc mới trong ngày.", [(340, N, CT)]),
    ("Ít nhất 25 người ở tỉnh Bình Thuận đã tử vong vì COVID-19 trong tuần qua.", [(25, D, "Bình Thuận")]),
    ("Hiện Lạng Sơn còn dưới 100 bệnh nhân đang điều trị.", [(100, A, "Lạng Sơn")]),
    ("WHO cho biết thế giới đã ghi nhận hơn 500 triệu ca mắc.", [(500000000, C, None)]),
    # percentages and ages beside a count
    ("Tỉnh Bắc Ninh có 540 ca mắc mới, chiếm 12% cả nước; bệnh nhân nhỏ nhất 2 tháng tuổi, lớn nhất 87 tuổi.",
     [(540, N, "Bắc Ninh")]),
    ("Trong 7 ngày qua, TP.HCM ghi nhận 8.540 ca mắc mới.", [(8540, N, HCM)]),
    ("Sáng 5-8, Bộ Y tế công bố 3.912 ca mắc mới.", [(3912, N, None)]),
    # places: abbreviations, shared district names, regions that are no province, other countries
    ("BR-VT có thêm 45 ca mắc COVID-19.", [(45, N, "Bà Rịa - Vũng Tàu")]),
    ("Thành phố Hải Phòng ghi nhận 18 ca mắc mới, tỉnh Thái Bình 9 ca.", [(18, N, "Hải Phòng"), (9, N, "Thái Bình")]),
    ("Tỉnh Long An ghi nhận 64 ca mắc mới, trong đó huyện Châu Thành 20 ca, huyện Cần Giuộc 18 ca.",
     [(64, N, "Long An"), (20, N, "Long An"), (18, N, "Long An")]),
    ("Huyện Tân Phú (Đồng Nai) ghi nhận 7 ca mắc mới.", [(7, N, DN)]),
    ("Các tỉnh ĐBSCL ghi nhận 2.310 ca mắc mới trong ngày.", [(2310, N, None)]),
    ("Khu vực Tây Nguyên có 412 ca mắc mới, riêng Gia Lai 150 ca.", [(412, N, None), (150, N, "Gia Lai")]),
    ("Khu vực ĐBSCL có 45.000 ca đang điều trị, trong đó Cần Thơ 8.200 ca.", [(45000, A, None), (8200, A, CT)]),
    ("Đắk Nông ghi nhận 14 ca mắc mới. Trong đó, 10 ca tại huyện Đắk Mil, 4 ca tại TP. Gia Nghĩa.",
     [(14, N, "Đắk Nông"), (10, N, "Đắk Nông"), (4, N, "Đắk Nông")]),
    ("Trong tổng số 87 ca mắc mới ở Vĩnh Long, 60 ca là F1 đã được cách ly.", [(87, N, "Vĩnh Long"), (60, N, "Vĩnh Long")]),
    # second batch: headlines in capitals, "BN", cumulative levels, F1 tested, spelled millions, cell lists
    ("BÌNH DƯƠNG: THÊM 2.100 CA MẮC MỚI, 18 CA TỬ VONG", [(2100, N, BD), (18, D, BD)]),
    ("Tỉnh Hưng Yên ghi nhận thêm 5 ca mắc mới, nâng tổng số ca mắc của tỉnh lên 1.234 ca.",
     [(5, N, "Hưng Yên"), (1234, C, "Hưng Yên")]),
    ("Trong ngày, tỉnh Sóc Trăng có thêm 4 ca tử vong, nâng tổng số ca tử vong lên 540 ca.",
     [(4, D, "Sóc Trăng"), (540, D, "Sóc Trăng")]),
    ("Bệnh viện Phổi tỉnh Hà Giang đang điều trị cho 15 BN COVID-19.", [(15, A, "Hà Giang")]),
    ("Ngay trong đêm, ngành y tế Quảng Bình đã lấy mẫu xét nghiệm cho 350 F1.", [(350, T, "Quảng Bình")]),
    ("Hà Nội đã tiêm hơn một triệu liều vắc xin trong tuần qua.", [(1000000, V, HN)]),
    ("Tại Hải Phòng, 3 ca mắc mới đều là F1 đã được cách ly tập trung.", [(3, N, "Hải Phòng")]),
    ("Thành phố Cần Thơ có 7.412 ca đang được điều trị, 320 ca được điều trị khỏi trong ngày.",
     [(7412, A, CT), (320, R, CT)]),
    ("T.P Hà Nội ghi nhận 203 ca mắc mới trong cộng đồng.", [(203, N, HN)]),
    ("Tỉnh Lào Cai ghi nhận 2 trường hợp tái dương tính sau khi xuất viện.", [(2, C, "Lào Cai")]),
    ("Kết quả xét nghiệm 1.520 mẫu cho thấy 12 người ở tỉnh Ninh Thuận dương tính với SARS-CoV-2.",
     [(1520, T, "Ninh Thuận"), (12, C, "Ninh Thuận")]),
    ("Tổng số F0 của tỉnh Cao Bằng từ đầu dịch là 98 ca, trong đó 90 ca đã ra viện.",
     [(98, C, "Cao Bằng"), (90, R, "Cao Bằng")]),
    ("Quận 8 (TP.HCM) có 5.600 F0 đang cách ly tại nhà.", [(5600, A, HCM)]),
    ("Tỉnh Quảng Trị: ca mắc mới 12; ca khỏi bệnh 8; ca tử vong 0.",
     [(12, N, "Quảng Trị"), (8, R, "Quảng Trị"), (0, D, "Quảng Trị")]),
    # third batch: one row a line under a heading, comparisons, treatment at home
    ("Số ca mắc mới theo địa phương:\nHà Nội\t1.234\nTP.HCM\t987\nBình Dương\t456",
     [(1234, N, HN), (987, N, HCM), (456, N, BD)]),
    ("Số ca tử vong cộng dồn theo địa phương:\n- Hà Nội: 512\n- TP.HCM: 19.870 ca\n- Bà Rịa - Vũng Tàu: 45\n"
     "Tổng số ca tử vong là 20.427.",
     [(512, D, HN), (19870, D, HCM), (45, D, "Bà Rịa - Vũng Tàu"), (20427, D, None)]),
    ("Số ca mắc mới ở Hà Nội là 8, ít hơn hôm qua 5 ca.", [(8, N, HN)]),
    ("Bình Dương: 35.000 F0 đã hoàn thành điều trị tại nhà.", [(35000, R, BD)]),
    ("Tỉnh Bình Dương đã cấp 200.000 túi thuốc cho 200.000 F0 điều trị tại nhà.", [(200000, A, BD)]),
    ("Tại Thái Lan, ngày 5/8 có 20.200 ca mắc mới và 160 ca tử vong.", [(20200, N, None), (160, D, None)]),
]


@pytest.mark.parametrize("text, expected", R4_COUNTS, ids=_ids("r4_count", R4_COUNTS))
def test_round4_case_counts(text, expected):
    assert _counts(text) == Counter(expected)


def _count_attributes(text: str) -> Counter:
    article, facts = _facts(text)
    rows = case_count_rows(article, facts["case_counts"])
    return Counter((r["value"], r["metric"], r["province"], r["district"], r["qualifier"], r["as_of"]) for r in rows)


# (text, [(value, metric, province, district, qualifier, as_of)]); the article is of 2021-09-20
R4_ATTRIBUTES = [
    ("Tính đến 18h ngày 5/8, huyện Châu Thành (Tiền Giang) ghi nhận hơn 1.200 ca mắc COVID-19.",
     [(1200, C, "Tiền Giang", "Châu Thành", "more_than", "2021-08-05")]),
    ("Sáng 5-8, tỉnh Bến Tre ghi nhận khoảng 300 ca mắc mới, tập trung ở huyện Châu Thành.",
     [(300, N, "Bến Tre", None, "about", "2021-08-05")]),
    ("Ngày 12/9, quận Tân Phú ghi nhận gần 150 ca mắc mới.", [(150, N, HCM, "Tân Phú", "less_than", "2021-09-12")]),
    ("Huyện Tân Phú, tỉnh Đồng Nai có ít nhất 30 ca dương tính tính đến ngày 10/9.",
     [(30, C, DN, "Tân Phú", "at_least", "2021-09-10")]),
    ("Từ 18h ngày 4/8 đến 18h ngày 5/8, TP. Thủ Dầu Một có 412 ca mắc mới.",
     [(412, N, BD, "Thủ Dầu Một", "exact", "2021-08-05")]),
    ("Thị xã Buôn Hồ (Đắk Lắk) ghi nhận trên 50 ca mắc trong ngày 3/9.",
     [(50, N, "Đắk Lắk", "Buôn Hồ", "more_than", "2021-09-03")]),
    ("Hiện huyện Củ Chi đang cách ly tập trung dưới 500 người.", [(500, Q, HCM, "Củ Chi", "less_than", "2021-09-20")]),
    ("Đến ngày 15/9, TP. Vũng Tàu đã tiêm cho hơn 200.000 người.",
     [(200000, V, "Bà Rịa - Vũng Tàu", "Vũng Tàu", "more_than", "2021-09-15")]),
    ("Trong ngày 19/9, Hà Nội ghi nhận 12 ca mắc mới, trong đó quận Hoàng Mai 5 ca.",
     [(12, N, HN, None, "exact", "2021-09-19"), (5, N, HN, "Hoàng Mai", "exact", "2021-09-19")]),
    ("Tối 18/9, tỉnh Kiên Giang có thêm hai trăm ca mắc mới.", [(200, N, "Kiên Giang", None, "exact", "2021-09-18")]),
    ("Hôm qua, tỉnh Bình Phước ghi nhận 1,2 nghìn ca mắc mới.", [(1200, N, "Bình Phước", None, "exact", "2021-09-19")]),
    ("Lũy kế đến ngày 20/9, TP Cần Thơ có 5.123 ca mắc, quận Ninh Kiều nhiều nhất với 1.540 ca.",
     [(5123, C, CT, None, "exact", "2021-09-20"), (1540, C, CT, "Ninh Kiều", "exact", "2021-09-20")]),
    ("Tỉnh Hòa Bình ghi nhận ít nhất năm ca tử vong.", [(5, D, "Hòa Bình", None, "at_least", "2021-09-20")]),
    ("Tính đến 6h sáng 20/9, huyện Bình Chánh có 18.500 F0 đang điều trị.",
     [(18500, A, HCM, "Bình Chánh", "exact", "2021-09-20")]),
    ("Tỉnh Trà Vinh ghi nhận 25 ca mắc mới, trong đó huyện Châu Thành 11 ca, huyện Cầu Ngang 6 ca, TP. Trà Vinh 8 ca.",
     [(25, N, "Trà Vinh", None, "exact", "2021-09-20"), (11, N, "Trà Vinh", "Châu Thành", "exact", "2021-09-20"),
      (6, N, "Trà Vinh", "Cầu Ngang", "exact", "2021-09-20"), (8, N, "Trà Vinh", "Trà Vinh", "exact", "2021-09-20")]),
    ("Chiều 19/9, xã Tân Phú, huyện Châu Thành, tỉnh Bến Tre ghi nhận 4 ca mắc mới.",
     [(4, N, "Bến Tre", "Châu Thành", "exact", "2021-09-19")]),
    ("Quận Tân Phú (TP.HCM) có khoảng 1.100 F0 đang điều trị tại nhà.",
     [(1100, A, HCM, "Tân Phú", "about", "2021-09-20")]),
    ("Lúc 18 giờ ngày 05/08/2021, TP. Biên Hòa có 2.150 ca mắc cộng dồn.",
     [(2150, C, DN, "Biên Hòa", "exact", "2021-08-05")]),
    ("Trong ngày 17/9 (tính từ 18h ngày 16/9 đến 18h ngày 17/9), huyện Đông Anh ghi nhận 3 ca mắc mới.",
     [(3, N, HN, "Đông Anh", "exact", "2021-09-17")]),
    ("Chỉ riêng thị xã Ninh Hòa (Khánh Hòa) đã có gần hai nghìn người phải cách ly tập trung.",
     [(2000, Q, "Khánh Hòa", "Ninh Hòa", "less_than", "2021-09-20")]),
    ("Hôm nay (20/9), huyện Châu Thành, tỉnh Hậu Giang có chừng 60 bệnh nhân đang điều trị.",
     [(60, A, "Hậu Giang", "Châu Thành", "about", "2021-09-20")]),
    ("Số ca nhiễm COVID-19 ở Hà Nội vượt mốc 10.000.", [(10000, C, HN, None, "more_than", "2021-09-20")]),
    ("Hà Nội có nhiều hơn 500 ca mắc mới.", [(500, N, HN, None, "more_than", "2021-09-20")]),
    ("Tỉnh Nghệ An có tới 42 ca mắc mới trong ngày 18/9.", [(42, N, "Nghệ An", None, "exact", "2021-09-18")]),
]


@pytest.mark.parametrize("text, expected", R4_ATTRIBUTES, ids=_ids("r4_attr", R4_ATTRIBUTES))
def test_round4_count_attributes(text, expected):
    assert _count_attributes(text) == Counter(expected)


R4_QUARANTINE_DETAIL = [
    ("Tỉnh Bắc Giang đang cách ly tập trung 2.300 người, cách ly tại nhà 5.100 người.",
     [(2300, "tập trung"), (5100, "tại nhà")]),
    ("Thái Bình đang theo dõi 412 F1 và 1.020 F2.", [(412, "F1"), (1020, "F2")]),
]


@pytest.mark.parametrize("text, expected", R4_QUARANTINE_DETAIL, ids=_ids("r4_detail", R4_QUARANTINE_DETAIL))
def test_round4_quarantine_detail(text, expected):
    article, facts = _facts(text)
    rows = case_count_rows(article, facts["case_counts"])
    assert [(r["value"], r["detail"]) for r in rows if r["metric"] == Q] == expected


R4_NOT_COUNTS = [
    "Tỉnh trao 500 suất quà cho các gia đình có người mắc COVID-19.",
    "Bệnh viện dã chiến số 14 có 1.000 giường bệnh dành cho F0.",
    "Thành phố lập 25 chốt kiểm soát dịch tại các cửa ngõ.",
    "Mỗi F0 khó khăn được hỗ trợ 1,5 triệu đồng.",
    "Người dân cần hỗ trợ gọi tổng đài 1900 9095 hoặc số 0243 987 6543.",
    "Đường dây nóng của CDC tỉnh: 0258.3822.518.",
    "Theo Nghị định 117/2020/NĐ-CP, người không đeo khẩu trang bị phạt từ 1 đến 3 triệu đồng.",
    "Ngày 27/7/2021, Thủ tướng ký Quyết định 1061/QĐ-TTg về phòng dịch.",
    "Tỉnh đã mua 320 máy thở và 50.000 bộ kit test nhanh.",
    "Bệnh viện huy động 120 bác sĩ và 300 điều dưỡng điều trị F0.",
    "Tỉnh phấn đấu tiêm 2 triệu liều vắc xin trước ngày 30/9.",
    "Trong đợt này, TP.HCM nhận 1,5 triệu liều vắc xin Pfizer từ Bộ Y tế.",
    "Thành phố có khoảng 9 triệu dân, trong đó 7,2 triệu người trên 18 tuổi.",
    "Tỷ lệ tử vong do COVID-19 của tỉnh là 1,2%, thấp hơn mức 2,5% của cả nước.",
    "Số ca mắc mới giảm 35% so với tuần trước.",
    "Mỗi ngày Hà Nội ghi nhận từ 2.000 đến 3.000 ca mắc mới.",
    "Số ca mắc mới mỗi ngày ở Hà Nội dao động 2.000 - 3.000 ca.",
    "Ca bệnh BN3500 là nữ, 32 tuổi, trú tại quận Ba Đình.",
    "Chuyến bay VN1234 đưa 300 công dân từ Nhật Bản về nước.",
    "Bài viết về ca mắc COVID-19 đầu tiên thu hút 2 triệu lượt xem.",
    "Năm 2021, tỉnh tổ chức 12 đợt ra quân phòng, chống dịch.",
    "Hơn 3.000 người dân từ TP.HCM về quê đã được hỗ trợ.",
    "Đoàn gồm 50 y bác sĩ của Bệnh viện Bạch Mai lên đường vào TP.HCM.",
    "Số ca mắc ở trẻ từ 5 - 11 tuổi chiếm 20%.",
    "Hà Nội xếp thứ 2 cả nước về số ca mắc.",
    "Dự báo số ca mắc có thể tăng lên 5.000 ca mỗi ngày.",
    "Tỉnh phát 4.000 túi thuốc cho F0 điều trị tại nhà.",
    "Thành phố có 12 ổ dịch và 6 chuỗi lây nhiễm đang được kiểm soát.",
    "Mỗi ngày bếp ăn cung cấp 12.000 suất ăn cho khu cách ly.",
    "Bệnh viện Quân y 175 được giao thêm 500 giường hồi sức.",
    "Thời gian cách ly tập trung của F1 giảm từ 14 ngày xuống 7 ngày.",
    "Thành lập 200 tổ COVID cộng đồng và 30 trạm y tế lưu động.",
    "Theo Công điện số 1063/CĐ-TTg, các tỉnh phải báo cáo trước 15h hằng ngày.",
    "Tỉnh huy động 120 xe cứu thương và 800 tình nguyện viên hỗ trợ TP.HCM.",
    "Số ca mắc mới tăng 12,5% so với ngày 19/9.",
    "Giá mỗi liều vắc xin khoảng 10 USD.",
]


@pytest.mark.parametrize("text", R4_NOT_COUNTS, ids=_ids("r4_not_count", R4_NOT_COUNTS))
def test_round4_numbers_that_are_not_counts(text):
    assert _counts(text) == Counter()


R4_PROVINCES = [
    ("Các tỉnh ĐBSCL như An Giang, Đồng Tháp tăng cường phòng dịch.", {"An Giang", "Đồng Tháp"}),
    ("Đồng bằng sông Cửu Long và Đông Nam Bộ là vùng dịch lớn nhất.", set()),
    ("Thành phố Hồ Chí Minh và thành phố Thủ Đức đều có ca mắc.", {HCM}),
    ("Người dân huyện Châu Thành, tỉnh An Giang được tiêm vắc xin.", {"An Giang"}),
    ("Huyện Tân Phú, tỉnh Đồng Nai và quận Tân Phú, TP.HCM đều có ca mắc.", {DN, HCM}),
    ("Ca bệnh về từ Bắc Giang, hiện đang ở TP. Hạ Long.", {"Bắc Giang", "Quảng Ninh"}),
    ("Đoàn công tác của Bộ Y tế làm việc tại Quy Nhơn.", {"Bình Định"}),
    ("Bệnh viện Nhi Trung ương cử bác sĩ vào Sài Gòn.", {HCM}),
    ("Người về từ vùng dịch phía Nam phải cách ly.", set()),
    ("Bệnh nhân trú tại phường Hòa Khánh Bắc, quận Liên Chiểu.", {"Đà Nẵng"}),
    ("Nhà máy ở KCN Quang Châu, huyện Việt Yên bị phong tỏa.", {"Bắc Giang"}),
    ("Giám đốc WHO khu vực Tây Thái Bình Dương Takeshi Kasai cho biết sẽ hỗ trợ Việt Nam.", set()),
    ("Tây Ninh, Bình Phước và Long An là các tỉnh giáp Campuchia.", {"Tây Ninh", "Bình Phước", "Long An"}),
    ("Ca bệnh ở huyện Châu Thành, Tiền Giang đã được cách ly.", {"Tiền Giang"}),
    ("Xã Tân Phú, huyện Đức Hòa có thêm ca mắc.", {"Long An"}),
    ("Người dân Q.1, Q.3 và Q.Bình Thạnh được xét nghiệm.", {HCM}),
    ("Chị Trần Thị Hà Tiên, công nhân, cho biết đã khỏi bệnh.", set()),
    ("Người dân Bình Thạnh xếp hàng tiêm vắc xin.", {HCM}),
    ("Du khách đến Đà Lạt phải có giấy xét nghiệm âm tính.", {"Lâm Đồng"}),
    ("Các tỉnh Nam Trung Bộ và Bắc Trung Bộ tăng cường giám sát.", set()),
    ("APEC và các nước châu Á - Thái Bình Dương hợp tác chống dịch.", set()),
    ("T.P Hà Nội và Thành phố Cần Thơ nới lỏng giãn cách.", {HN, CT}),
    ("Bà Lê Thị Thu Hằng, Người phát ngôn Bộ Ngoại giao, cho biết.", set()),
    ("Ca bệnh tại huyện Tân Phú Đông đã khỏi.", {"Tiền Giang"}),
    ("Hải Dương và Hưng Yên giáp Hà Nội.", {"Hải Dương", "Hưng Yên", HN}),
]


@pytest.mark.parametrize("text, expected", R4_PROVINCES, ids=_ids("r4_places", R4_PROVINCES))
def test_round4_provinces(text, expected):
    assert _provinces(text) == expected


# (text, {name: role, or a tuple of roles any of which may match, or None to skip the role})
R4_OFFICIALS = [
    ("Ông Lê Văn Tâm, Chủ tịch UBND huyện Châu Thành, cho biết huyện đã lập 12 chốt.",
     {"Lê Văn Tâm": "Chủ tịch UBND huyện Châu Thành"}),
    ("Phó Chủ tịch Thường trực UBND tỉnh Bắc Ninh Nguyễn Hương Giang chủ trì cuộc họp.",
     {"Nguyễn Hương Giang": "Phó Chủ tịch Thường trực UBND tỉnh Bắc Ninh"}),
    ("Giám đốc Sở Y tế tỉnh Quảng Ninh Nguyễn Trọng Diện cho biết tỉnh đủ giường.",
     {"Nguyễn Trọng Diện": "Giám đốc Sở Y tế tỉnh Quảng Ninh"}),
    ("Thứ trưởng Bộ Y tế Đỗ Xuân Tuyên đã kiểm tra công tác điều trị.", {"Đỗ Xuân Tuyên": "Thứ trưởng Bộ Y tế"}),
    ("Đồng chí Lê Quang Tiến, Phó Giám đốc Sở Y tế, báo cáo tình hình dịch.",
     {"Lê Quang Tiến": "Phó Giám đốc Sở Y tế"}),
    ("PGS.TS Nguyễn Lân Hiếu, Giám đốc Bệnh viện Đại học Y Hà Nội, cho rằng không nên chủ quan.",
     {"Nguyễn Lân Hiếu": "Giám đốc Bệnh viện Đại học Y Hà Nội"}),
    ("Bà Maria Van Kerkhove, Trưởng nhóm kỹ thuật về COVID-19 của WHO, cho biết.",
     {"Maria Van Kerkhove": "Trưởng nhóm kỹ thuật về COVID-19 của WHO"}),
    ("Bà Nguyễn Thị Quyên Thanh – Phó Chủ tịch UBND tỉnh Vĩnh Long – cho biết tỉnh sẽ nới lỏng.",
     {"Nguyễn Thị Quyên Thanh": "Phó Chủ tịch UBND tỉnh Vĩnh Long"}),
    ("“Chúng tôi sẽ không để dịch lây lan”, ông Hoàng Văn Trà, Phó Giám đốc Sở Y tế tỉnh Hà Nam, nói.",
     {"Hoàng Văn Trà": "Phó Giám đốc Sở Y tế tỉnh Hà Nam"}),
    ("Ông Vũ Đức Đam – Phó Thủ tướng Chính phủ – nhấn mạnh: “Phải tiêm nhanh nhất có thể”.",
     {"Vũ Đức Đam": "Phó Thủ tướng Chính phủ"}),
    ("Theo bà Nguyễn Thị Liên Hương, Cục trưởng Cục Y tế dự phòng, người dân không nên hoang mang.",
     {"Nguyễn Thị Liên Hương": "Cục trưởng Cục Y tế dự phòng"}),
    ("Trưởng Ban Tuyên giáo Tỉnh ủy Bình Thuận Trần Văn Nam đề nghị báo chí đưa tin chính xác.",
     {"Trần Văn Nam": "Trưởng Ban Tuyên giáo Tỉnh ủy Bình Thuận"}),
    ("Đồng chí Trần Thanh Mẫn, Ủy viên Bộ Chính trị, Phó Chủ tịch Thường trực Quốc hội, dự hội nghị.",
     {"Trần Thanh Mẫn": ("Ủy viên Bộ Chính trị", "Phó Chủ tịch Thường trực Quốc hội")}),
    ("Giám đốc WHO khu vực Tây Thái Bình Dương Takeshi Kasai cho biết sẽ hỗ trợ Việt Nam.",
     {"Takeshi Kasai": "Giám đốc WHO khu vực Tây Thái Bình Dương"}),
    ("Đại sứ Nhật Bản tại Việt Nam Yamada Takio trao tặng lô vắc xin.", {"Yamada Takio": "Đại sứ Nhật Bản tại Việt Nam"}),
    ("Bác sĩ Nguyễn Trung Cấp, Phó Giám đốc Bệnh viện Bệnh Nhiệt đới Trung ương, cho biết bệnh nhân đã ổn định.",
     {"Nguyễn Trung Cấp": "Phó Giám đốc Bệnh viện Bệnh Nhiệt đới Trung ương"}),
    ("Thiếu tướng Nguyễn Hồng Nguyên, Giám đốc Công an tỉnh Bình Dương, chỉ đạo lập chốt.",
     {"Nguyễn Hồng Nguyên": "Giám đốc Công an tỉnh Bình Dương"}),
    ("ThS.BS Lê Văn Hùng, Trưởng khoa Hồi sức tích cực, cho biết có 12 ca nặng.",
     {"Lê Văn Hùng": "Trưởng khoa Hồi sức tích cực"}),
    ("Ông Phạm Văn Lịch (Bí thư Huyện ủy Tân Phú) khẳng định: “Huyện sẽ xét nghiệm toàn dân”.",
     {"Phạm Văn Lịch": "Bí thư Huyện ủy Tân Phú"}),
    ("Chủ tịch UBND tỉnh Nam Định Phạm Đình Nghị và Giám đốc Sở Y tế Đoàn Thị Thu Huyền kiểm tra khu cách ly.",
     {"Phạm Đình Nghị": "Chủ tịch UBND tỉnh Nam Định", "Đoàn Thị Thu Huyền": "Giám đốc Sở Y tế"}),
    ("Chánh Văn phòng UBND tỉnh Nguyễn Văn Hòa thông tin tại buổi họp báo.",
     {"Nguyễn Văn Hòa": "Chánh Văn phòng UBND tỉnh"}),
    ("PHÓ THỦ TƯỚNG VŨ ĐỨC ĐAM: KHÔNG ĐỂ DỊCH LAN RỘNG", {"Vũ Đức Đam": "Phó Thủ tướng"}),
    ("Bộ trưởng Nguyễn Thanh Long cho biết Bộ sẽ cấp thêm thuốc.", {"Nguyễn Thanh Long": "Bộ trưởng"}),
    ("Phó Giám đốc CDC Hà Nội, ông Khổng Minh Tuấn, cho biết các ca mắc đều ở khu phong tỏa.",
     {"Khổng Minh Tuấn": "Phó Giám đốc CDC Hà Nội"}),
    ("Ông Nguyễn Văn Hải, Trưởng Công an xã Tân Phú, cho biết đã lập chốt.",
     {"Nguyễn Văn Hải": "Trưởng Công an xã Tân Phú"}),
    ("Đ/c Nguyễn Văn Lợi – Phó Bí thư Thường trực Tỉnh ủy – chủ trì buổi làm việc.",
     {"Nguyễn Văn Lợi": "Phó Bí thư Thường trực Tỉnh ủy"}),
    ("Giáo sư Sarah Gilbert, người phát triển vắc xin AstraZeneca, được vinh danh.", {"Sarah Gilbert": "Giáo sư"}),
    ("Tổng Giám đốc WHO, ông Tedros Adhanom Ghebreyesus, kêu gọi các nước chia sẻ vắc xin.",
     {"Tedros Adhanom Ghebreyesus": "Tổng Giám đốc WHO"}),
    ("Trưởng Trạm Y tế xã Tân Phú Trần Thị Lan cho biết xã có 5 ca.", {"Trần Thị Lan": "Trưởng Trạm Y tế xã Tân Phú"}),
    ("Bí thư Đảng ủy phường Phạm Văn Sáu đi kiểm tra từng hộ.", {"Phạm Văn Sáu": "Bí thư Đảng ủy phường"}),
    ("Theo Thượng tá Lê Văn Bình, Phó Trưởng Công an huyện, đã xử phạt 12 trường hợp.",
     {"Lê Văn Bình": "Phó Trưởng Công an huyện"}),
    ("Phó Trưởng Ban Chỉ đạo phòng, chống dịch tỉnh Nguyễn Văn Sơn yêu cầu các huyện báo cáo.",
     {"Nguyễn Văn Sơn": "Phó Trưởng Ban Chỉ đạo phòng, chống dịch tỉnh"}),
    ("Ngài Carlos Ramírez, Đại sứ Mexico tại Việt Nam, trao tặng khẩu trang.",
     {"Carlos Ramírez": "Đại sứ Mexico tại Việt Nam"}),
    ("Tổng Thư ký Liên Hợp Quốc António Guterres kêu gọi chia sẻ vắc xin.",
     {"António Guterres": "Tổng Thư ký Liên Hợp Quốc"}),
]


@pytest.mark.parametrize("text, expected", R4_OFFICIALS, ids=_ids("r4_official", R4_OFFICIALS))
def test_round4_officials(text, expected):
    found = _officials(text)
    assert set(found) == {name_key(n) for n in expected}
    for name, roles in expected.items():
        if roles is None:
            continue
        data = found[name_key(name)]
        written = [data["title"], *data.get("roles", [])]
        wanted = roles if isinstance(roles, tuple) else (roles,)
        assert any(title_agrees(w, g) for w in written for g in wanted), data


R4_NOT_OFFICIALS = [
    "Trường Tiểu học Nguyễn Văn Trỗi được dùng làm điểm tiêm.",
    "Bệnh nhân Lê Thị Mai (BN12345) đã khỏi bệnh.",
    "Cảm ơn anh Nguyễn Văn Hải đã tham gia tình nguyện.",
    "Chủ tịch UBND tỉnh yêu cầu các sở, ngành vào cuộc quyết liệt.",
    "Khu cách ly ở Ký túc xá Trần Hưng Đạo đã kín chỗ.",
    "Trung tâm Y tế huyện Lê Thủy tiếp nhận thêm bệnh nhân.",
    "Công ty Nguyễn Kim tặng 100 máy lọc không khí.",
    "Giải thưởng Trần Đại Nghĩa được trao cho nhóm nghiên cứu vắc xin.",
    "Bệnh viện Quân y 175 và Bệnh viện Trưng Vương tiếp nhận thêm bệnh nhân.",
    "Lực lượng Quân khu 7 phun khử khuẩn trên đường Phạm Văn Đồng.",
    "Chị Nguyễn Thị Hoa, công nhân Công ty PouYuen, là F0 đã khỏi bệnh.",
    "Ông Trần Văn Bình, 65 tuổi, là F1 của bệnh nhân.",
]


@pytest.mark.parametrize("text", R4_NOT_OFFICIALS, ids=_ids("r4_not_official", R4_NOT_OFFICIALS))
def test_round4_no_officials(text):
    assert _officials(text) == {}

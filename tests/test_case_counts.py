"""Typed COVID-19 case counts: metric, qualifier, place, as-of date, and the gold pages."""
from __future__ import annotations

from collections import Counter

import pytest

from covidlib.document import Article, Metadata, Span
from covidlib.evaluate import Score, match_case_counts, score_case_counts
from covidlib.extract.case_counts import METRICS, case_count_rows, extract_case_counts
from covidlib.numbers import parse_number
from covidlib.sentences import sentences_of_paragraphs

ROW_KEYS = ["article_id", "count_id", "province", "province_code", "district", "metric", "detail", "value",
            "qualifier", "as_of", "period", "period_start", "period_end", "scope", "part_of", "sentence", "start", "end"]


def _article(paragraphs: list[str], *, published: str | None = "2021-09-20", title: str | None = None) -> Article:
    body = "\n\n".join(paragraphs)
    spans, cursor = [], 0
    for text in paragraphs:
        spans.append(Span(cursor, cursor + len(text), "paragraph"))
        cursor += len(text) + 2
    return Article("test", "test.txt", body, body, paragraphs=spans, sentences=sentences_of_paragraphs(body, spans),
                   metadata=Metadata(title=title, published=published))


def _rows(paragraphs: list[str], **kwargs) -> list[dict]:
    article = _article(paragraphs, **kwargs)
    return case_count_rows(article, extract_case_counts(article))


# --- metrics and qualifiers ------------------------------------------------------------------

@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        (["Tính đến 17 giờ ngày 3/8, tỉnh Thừa Thiên Huế có 141 ca mắc COVID-19, trong đó 96 ca đã khỏi bệnh "
          "và 2 ca tử vong."],
         [(141, "confirmed", "exact"), (96, "recovered", "exact"), (2, "deaths", "exact")]),
        (["Toàn tỉnh Bình Phước đang điều trị 1.245 bệnh nhân, trong đó 37 ca nặng phải thở máy."],
         [(1245, "active", "exact"), (37, "active", "exact")]),
        (["Trong 24 giờ qua, Đồng Nai ghi nhận thêm 512 ca mắc mới."], [(512, "new_confirmed", "exact")]),
        (["Tỉnh Bình Định đã cách ly tập trung gần 3.000 người, cách ly tại nhà khoảng 12.000 người."],
         [(3000, "quarantined", "less_than"), (12000, "quarantined", "about")]),
        (["Tỉnh Sóc Trăng đã cách ly 1.401 F1, 7.414 F2 và xét nghiệm 2.514 mẫu."],
         [(1401, "quarantined", "exact"), (7414, "quarantined", "exact"), (2514, "tested", "exact")]),
        (["Ngành y tế Cần Thơ đã lấy hơn 45.000 mẫu xét nghiệm."], [(45000, "tested", "more_than")]),
        (["Thành phố Đà Nẵng đã tiêm được 1.250.000 liều vắc xin."], [(1250000, "vaccinated", "exact")]),
        (["Tỉnh Quảng Trị đã tiêm vaccine cho ít nhất 500 người."], [(500, "vaccinated", "at_least")]),
        (["Tỉnh Phú Yên có khoảng 130 ca nghi nhiễm đang chờ kết quả."], [(130, "suspected", "about")]),
        (["Tổng số ca tử vong do COVID-19 tại tỉnh Long An là 625 ca."], [(625, "deaths", "exact")]),
        (["Số ca khỏi bệnh: 241 ca."], [(241, "recovered", "exact")]),
        (["Huyện Củ Chi ghi nhận thêm hai mươi mốt ca mắc mới."], [(21, "new_confirmed", "exact")]),
        (["Đến nay cả nước có hơn 2,3 triệu ca đã khỏi bệnh."], [(2300000, "recovered", "more_than")]),
        (["Tỉnh Kiên Giang có thêm 21 ca mắc mới, nâng tổng số ca lên 105 ca."],
         [(21, "new_confirmed", "exact"), (105, "confirmed", "exact")]),
        (["Trong ngày, Tây Ninh có 320 bệnh nhân được xuất viện, 12 trường hợp tử vong."],
         [(320, "recovered", "exact"), (12, "deaths", "exact")]),
        (["Từ 15h ngày 10/8 đến 15h ngày 11/8, Bắc Giang ghi nhận 56 ca dương tính."],
         [(56, "new_confirmed", "exact")]),
        (["Trong 7 ngày qua, trung bình mỗi ngày tỉnh Vĩnh Long ghi nhận 350 ca."], [(350, "new_confirmed", "exact")]),
        (["Tỉnh Hậu Giang ghi nhận 40 ca mắc mới.", "Trong số này, 25 người có kết quả xét nghiệm dương tính tại "
          "khu cách ly, 15 người phát hiện trong cộng đồng."],
         [(40, "new_confirmed", "exact"), (25, "new_confirmed", "exact"), (15, "new_confirmed", "exact")]),
        (["Thái Bình có 18 ca dương tính, 5 ca đang nghi ngờ."], [(18, "confirmed", "exact"), (5, "suspected", "exact")]),
        (["Số bệnh nhân tử vong công bố trong ngày: 321 ca."], [(321, "deaths", "exact")]),
        (["Đến sáng nay, tỉnh Trà Vinh đã có 5 ca mắc mới."], [(5, "new_confirmed", "exact")]),
        (["Tính đến ngày 3/9, tỉnh Trà Vinh đã có 612 ca mắc."], [(612, "confirmed", "exact")]),
        (["Trong tổng số 1.245 ca đang điều trị tại tỉnh Cà Mau, có 900 ca không triệu chứng."],
         [(1245, "active", "exact"), (900, "active", "exact")]),
        (["Hà Nội có 500 ca mắc mới, tăng 120 ca."], [(500, "new_confirmed", "exact")]),
        (["Số ca mắc mới của Cần Thơ giảm 45 ca, xuống còn 300 ca."], [(300, "new_confirmed", "exact")]),
        (["Trong tuần qua, tỉnh Bắc Giang trung bình mỗi ngày tăng 1.416 F0."], [(1416, "new_confirmed", "exact")]),
        (["Hà Nội có thêm 20 F0, nâng tổng số F0 của thành phố lên 4.210."],
         [(20, "new_confirmed", "exact"), (4210, "confirmed", "exact")]),
        # each label before a colon names its own figure
        (["Ca nhiễm mới tại Bình Dương: 2.012; ca tử vong: 23; ca khỏi bệnh: 1.540."],
         [(2012, "new_confirmed", "exact"), (23, "deaths", "exact"), (1540, "recovered", "exact")]),
        # rows of a table, one a line, take the metric of the line that introduces them
        (["Số ca tử vong cộng dồn theo địa phương:", "Hà Nội 512", "TP.HCM 19.870 ca"],
         [(512, "deaths", "exact"), (19870, "deaths", "exact")]),
        (["Số F0 cộng đồng tại Hà Nội hôm nay là 1.023."], [(1023, "new_confirmed", "exact")]),
        (["Tính đến hôm nay, Hà Nội có 1.023 F0."], [(1023, "confirmed", "exact")]),
        (["Quận 8 có 5.600 F0 đang cách ly tại nhà."], [(5600, "active", "exact")]),
        (["Bình Dương: 35.000 F0 đã hoàn thành điều trị tại nhà."], [(35000, "recovered", "exact")]),
        (["Số ca mắc mới ở Hà Nội là 8, ít hơn hôm qua 5 ca."], [(8, "new_confirmed", "exact")]),
        (["Số ca nhiễm ở Hà Nội vượt mốc 10.000."], [(10000, "confirmed", "more_than")]),
    ],
)
def test_metric_and_qualifier(paragraphs, expected):
    assert [(r["value"], r["metric"], r["qualifier"]) for r in _rows(paragraphs)] == expected


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        # under a heading about treatment, test results count patients still in care
        (["Về công tác điều trị, theo Sở Y tế tỉnh Nghệ An:", "- Số bệnh nhân dương tính: 12 ca.",
          "- Số bệnh nhân âm tính lần 1: 4 ca.", "- Số ca khỏi bệnh: 30 ca."],
         [(12, "active"), (4, "active"), (30, "recovered")]),
        # the heading reaches the items of its own list only
        (["Tình hình điều trị tại tỉnh Nghệ An như sau:", "- Số bệnh nhân dương tính: 12 ca.",
          "Tổng số ca dương tính của tỉnh Nghệ An là 90 ca."],
         [(12, "active"), (90, "confirmed")]),
        # a heading about something else leaves the items as they read
        (["Kết quả xét nghiệm tại tỉnh Nghệ An:", "- Số bệnh nhân dương tính: 12 ca."], [(12, "confirmed")]),
        # a new positive under a treatment heading is still new
        (["Về công tác điều trị tại tỉnh Nghệ An:", "- Số ca dương tính mới: 3 ca."], [(3, "new_confirmed")]),
    ],
)
def test_a_list_heading_sets_the_metric_its_items_leave_open(paragraphs, expected):
    assert [(r["value"], r["metric"]) for r in _rows(paragraphs)] == expected


def test_quarantine_detail_says_where():
    rows = _rows(["Tỉnh Bình Định đã cách ly tập trung 3.000 người, cách ly tại nhà 12.000 người, cách ly 900 F1."])
    assert [(r["value"], r["detail"]) for r in rows] == [(3000, "tập trung"), (12000, "tại nhà"), (900, "F1")]


# --- numbers that are not case counts --------------------------------------------------------

@pytest.mark.parametrize(
    "sentence",
    [
        "Dịp này, UBND tỉnh tặng 100 bộ sách giáo khoa và 20 suất quà cho học sinh khó khăn.",
        "Số ca mắc mới trong ngày tại tỉnh Long An tăng 120 ca.",
        "Số bệnh nhân nặng giảm thêm 15 ca.",
        "Tỉnh thành lập 5 chốt kiểm dịch tại các cửa ngõ ra vào tỉnh.",
        "Dịch đã xuất hiện tại 04 huyện, thị xã, thành phố của tỉnh.",
        "Có 19 quận, huyện được bán hàng ăn uống mang về.",
        "Các bệnh nhân mới có địa chỉ tại 517 xã, phường, thị trấn.",
        "Tính đến tối ngày 7-10, có 47.000 người dân từ các tỉnh phía Nam về quê.",
        "Thành phố hỗ trợ khoảng 50.000 test kháng nguyên cho tỉnh bạn.",
        "Tỉnh chi 3 tỷ đồng để mua trang thiết bị y tế.",
        "Bệnh viện dã chiến có quy mô 200-250 giường bệnh và 88 máy thở.",
        "Một máy xét nghiệm có công suất 250 mẫu mỗi ngày.",
        "Đoàn đã khảo sát 3 bệnh viện và 32 cơ sở thu dung.",
        "Ê-kíp gồm 12 cán bộ y tế và 5-6 kỹ sư y sinh.",
        "Theo Kế hoạch 1184/KH-UBND, các địa phương tổ chức tiêm chủng.",
        "Công điện số 235/CĐ-BYT yêu cầu các tỉnh đẩy nhanh tiêm vaccine.",
        "Mục tiêu đến năm 2025, tỉnh trở thành trung tâm y tế của vùng.",
        "Gọi ngay đường dây nóng 19003228 hoặc 0225.3821.055 khi có triệu chứng.",
        "Bài viết về ca bệnh có 252 lượt xem.",
        "Bệnh nhân 266 là nữ, 36 tuổi, được cách ly tại bệnh viện.",
        "Người dân thực hiện 5K và khai báo y tế khi là F0, F1.",
        "Việt Nam đứng thứ 32/225 quốc gia về số ca mắc.",
        "Số ca tử vong chiếm tỷ lệ 1,4% so với tổng số ca nhiễm.",
        "Người từ vùng dịch về phải cách ly 14-21 ngày.",
        "Bệnh nhân 3456 là F1 của các bệnh nhân 3401 và 3402.",
        "Số ca mắc mới tăng 408 ca so với ngày hôm trước.",
        "So với hôm qua, số ca mắc mới giảm 120 trường hợp.",
        "Các địa phương có số ca mắc dưới 30 ca được nới lỏng giãn cách.",
        "Bình quân cứ 1 triệu người có 29.261 ca nhiễm.",
        "Từ đầu năm, tỉnh ghi nhận 1.250 ca sốt xuất huyết.",
        "Tuần qua cả tỉnh có 312 ca tay chân miệng.",
        "Lực lượng chức năng xử phạt 120 trường hợp vi phạm quy định đeo khẩu trang.",
        "Bệnh viện thực hiện 15 ca phẫu thuật mỗi ngày.",
        "Việt Nam tiếp nhận thêm 2 triệu liều vaccine AstraZeneca.",
        "Shipper phải có 2 mũi tiêm vaccine mới được hoạt động.",
        "Đoàn đến thăm khu nhà trọ trên đường Bình Nhâm 17.",
        "Lãnh đạo 2 tỉnh chụp ảnh lưu niệm sau buổi làm việc.",
        "Khu cách ly tập trung có sức chứa 500 người.",
        "Tỉnh kích hoạt 7 tổ công tác tại 7 khu vực cửa ngõ.",
        "Huyện có 3 ổ dịch đang được kiểm soát.",
        "Kỳ họp thứ 13 bàn về công tác phòng, chống dịch Covid -19.",
        "Hiện bệnh nhân được cách ly, điều trị tại bệnh viện cơ sở 2.",
        "Các xe đi trên Quốc lộ 20 và tỉnh lộ 721 phải dừng kiểm tra.",
        "Tỉnh đề nghị xét nghiệm cho 2.000 nhân viên cảng hàng không.",
        "Khu phong tỏa có 1.250 hộ với 4.800 nhân khẩu.",
        "Số ca mắc tăng gấp 3 lần so với tuần trước.",
        "Hàng nghìn F0 đang được chăm sóc tại nhà.",
        "Dự kiến trong tháng 9, Việt Nam sẽ nhận thêm 20 triệu liều vaccine.",
    ],
)
def test_numbers_that_are_no_case_counts(sentence):
    assert _rows([sentence]) == []


def test_a_caption_repeating_the_title_is_skipped():
    title = "Sau 24 giờ, hơn 4 nghìn người trên thế giới chết do COVID-19"
    rows = _rows([title + " - 1", "Thế giới ghi nhận 283.596 ca tử vong."], title=title)
    assert [(r["value"], r["metric"]) for r in rows] == [(283596, "deaths")]


# --- places ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        (["Tính đến 6 giờ ngày 28/5, tỉnh Điện Biên có 57 trường hợp mắc Covid-19; trong đó huyện Nậm Pồ có 45 ca, "
          "Thành phố Điện Biên Phủ 8 ca, Thị xã Mường Lay 1 ca, huyện Điện Biên 3 ca."],
         [(57, "Điện Biên", None), (45, "Điện Biên", "Nậm Pồ"), (8, "Điện Biên", "Điện Biên Phủ"),
          (1, "Điện Biên", "Mường Lay"), (3, "Điện Biên", "Điện Biên")]),
        (["Ngày 20-4, cả nước có 12 bệnh nhân được xuất viện, gồm 4 người điều trị ở Đà Nẵng, 7 người điều trị "
          "ở Quảng Nam và 1 người điều trị ở Quảng Ngãi."],
         [(12, None, None), (4, "Đà Nẵng", None), (7, "Quảng Nam", None), (1, "Quảng Ngãi", None)]),
        (["Ngày 12/9, tỉnh Nghệ An ghi nhận 1.200 ca mắc mới tại Diễn Châu (700), Quỳnh Lưu (300), Nghi Lộc (200)."],
         [(1200, "Nghệ An", None), (700, "Nghệ An", "Diễn Châu"), (300, "Nghệ An", "Quỳnh Lưu"),
          (200, "Nghệ An", "Nghi Lộc")]),
        (["Thế giới đã ghi nhận hơn 200 triệu ca mắc, còn tại Việt Nam số ca mắc là 350."],
         [(200000000, None, None), (350, None, None)]),
        (["Sở Y tế Bình Định cho biết tình hình dịch trên địa bàn. Toàn tỉnh hiện đang điều trị 85 bệnh nhân."],
         [(85, "Bình Định", None)]),
        (["Ngày 10/9, tỉnh Long An ghi nhận 300 ca mắc mới.", "Trong 7 ngày qua, số ca nhiễm tại tỉnh này là 2.100."],
         [(300, "Long An", None), (2100, "Long An", None)]),
        (["Chiều 4/7, lãnh đạo thành phố Hải Phòng kiểm tra công tác phòng dịch.", "Toàn thành phố đã xét nghiệm 2.000 mẫu."],
         [(2000, "Hải Phòng", None)]),
        (["Thanh Hóa có 9 ca mắc mới, gồm 2 ca liên quan đến chợ đầu mối (Hà Nội), 4 ca là F1 và 3 ca đang điều tra."],
         [(9, "Thanh Hóa", None), (2, "Thanh Hóa", None), (4, "Thanh Hóa", None), (3, "Thanh Hóa", None)]),
        (["Từ 18h ngày 1/9 đến 18h ngày 2/9: ghi nhận 14.922 ca nhiễm mới, trong đó 14.917 ca ghi nhận trong nước.",
          "Hà Nội có thêm 20 F0."],
         [(14922, None, None), (14917, None, None), (20, "Hà Nội", None)]),
        (["Sáng 16/9, Hà Nội ghi nhận 9 ca mắc mới.", "Trong 9 ca mới, có 4 ca tại quận Cầu Giấy, các quận Đống Đa, "
          "Tây Hồ và Long Biên mỗi quận thêm 1 ca."],
         [(9, "Hà Nội", None), (9, "Hà Nội", None), (4, "Hà Nội", "Cầu Giấy"), (1, "Hà Nội", "Đống Đa"),
          (1, "Hà Nội", "Tây Hồ"), (1, "Hà Nội", "Long Biên")]),
        # an address names the district before its province
        (["Chiều 19/9, xã Tân Phú, huyện Châu Thành, tỉnh Bến Tre ghi nhận 4 ca mắc mới."], [(4, "Bến Tre", "Châu Thành")]),
        (["Quận Tân Phú (TP.HCM) có khoảng 1.100 F0 đang điều trị tại nhà."], [(1100, "Hồ Chí Minh", "Tân Phú")]),
        # a region of several provinces is no province
        (["Khu vực Tây Nguyên có 412 ca mắc mới, riêng Gia Lai 150 ca."], [(412, None, None), (150, "Gia Lai", None)]),
        # after a list of rows from several provinces, a total belongs to none of them
        (["Số ca tử vong theo địa phương:", "- Hà Nội: 512", "- Long An: 45", "Tổng số ca tử vong là 557."],
         [(512, "Hà Nội", None), (45, "Long An", None), (557, None, None)]),
    ],
)
def test_province_and_district(paragraphs, expected):
    assert [(r["value"], r["province"], r["district"]) for r in _rows(paragraphs)] == expected


def test_province_code_comes_with_the_province():
    rows = _rows(["Tỉnh An Giang có 6.360 trường hợp nhiễm COVID-19, 78 trường hợp tử vong."])
    assert {(r["province"], r["province_code"]) for r in rows} == {("An Giang", "89")}


# --- as-of dates -----------------------------------------------------------------------------

def test_as_of_comes_from_the_sentence_then_earlier_sentences_then_the_article_date():
    rows = _rows([
        "Tối 5/2, Bộ Y tế công bố tỉnh Điện Biên có 3 ca mắc Covid-19 đầu tiên.",
        "Trong đó, 2 ca là F1 của ổ dịch cũ.",
        "Đến nay tỉnh đã xét nghiệm 1.200 mẫu.",
    ], published="2021-02-06T07:57")
    assert [(r["value"], r["as_of"]) for r in rows] == [(3, "2021-02-05"), (2, "2021-02-05"), (1200, "2021-02-06")]


def test_no_year_no_as_of():
    rows = _rows(["Tính đến 6 giờ ngày 28/5, tỉnh Điện Biên có 57 ca mắc."], published=None)
    assert [(r["value"], r["as_of"]) for r in rows] == [(57, None)]


# --- rows and offsets --------------------------------------------------------------------------

def _check_rows(article: Article, rows: list[dict]) -> None:
    for row in rows:
        assert list(row) == ROW_KEYS
        written = article.body[row["start"] : row["end"]]
        if "/" not in written:  # "86/94 ca" counts the first number
            assert parse_number(written) == row["value"], row
        assert row["sentence"] and written in row["sentence"]
        assert row["metric"] in METRICS


def test_rows_point_at_the_number_in_the_body():
    article = _article(["Theo Sở Y tế, đến sáng 8-10, tỉnh An Giang có 6.360 trường hợp nhiễm COVID-19, "
                        "đang điều trị 2.487 trường hợp, hơn một nghìn hai trăm người đã khỏi bệnh."])
    rows = case_count_rows(article, extract_case_counts(article))
    assert [r["value"] for r in rows] == [6360, 2487, 1200]
    _check_rows(article, rows)


# --- gold pages --------------------------------------------------------------------------------

def _fact(row: dict) -> tuple:
    detail = row.get("detail") if row["metric"] == "quarantined" else None
    return (row["value"], row["metric"], row.get("province"), row.get("district"), row["qualifier"], detail,
            row.get("as_of"))


def test_seed_pages_match_the_gold_exactly(seed_gold_articles):
    for record, article in seed_gold_articles:
        rows = case_count_rows(article, extract_case_counts(article))
        _check_rows(article, rows)
        assert Counter(_fact(r) for r in rows) == Counter(_fact(g) for g in record["case_counts"]), record["file"]


def test_dev_pages_case_count_f1(dev_gold_articles):
    total, report = Score(), []
    attributes = {"district": [0, 0], "qualifier": [0, 0], "as_of": [0, 0]}
    for record, article in dev_gold_articles:
        rows = case_count_rows(article, extract_case_counts(article))
        _check_rows(article, rows)
        gold = record["case_counts"]
        score = score_case_counts(rows, gold)
        total += score
        pairs, extra, missed = match_case_counts(rows, gold)
        report.append(f"{record['file'][:50]:50s} P={score.precision:.2f} R={score.recall:.2f}")
        report += [f"    extra {rows[i]['value']} {rows[i]['metric']} {rows[i]['province']}" for i in extra]
        report += [f"    missed {gold[i]['value']} {gold[i]['metric']} {gold[i]['province']}" for i in missed]
        for p, g in pairs:
            for key in ("district", "qualifier") + (("as_of",) if record.get("published") else ()):
                attributes[key][1] += 1
                attributes[key][0] += rows[p][key] == gold[g].get(key)
    report.append(f"total {total.as_dict()}")
    report += [f"{key} agrees on {ok}/{n} matched rows" for key, (ok, n) in attributes.items()]
    print("\n".join(report))
    assert total.f1 >= 0.98, "\n".join(report)  # measured 1.00 (183/183); a drop means a rule broke
    for key, (ok, n) in attributes.items():
        assert ok / n >= 0.85, "\n".join(report)

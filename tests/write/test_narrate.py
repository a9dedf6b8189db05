"""Narratives from fact rows: expected phrases, events, faithfulness on every gold page, and the checker."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from covidlib import config
from covidlib.document import Article, Metadata
from covidlib.quality.evaluate import article_from_gold_bounds, load_gold
from covidlib.extract.measures import measure_rows
from covidlib.write.narrate import (check_faithful, corpus_narrative, format_date, format_number, home_province,
                              narrative_en, narrative_vi)
from covidlib.text.sentences import split_sentences
from covidlib.write.templates import scope_phrase
from covidlib.quality.summaries import gold_fact_rows


DEV2_GOLD = config.SHARED_DIR / "gold" / "dev2" / "dev2_gold.jsonl"


@pytest.fixture(scope="module")
def dev2_gold_articles():
    """(gold record, Article cut at the gold body bounds) for each dev2 page; skips where ../shared is absent."""
    if not DEV2_GOLD.exists():
        pytest.skip(f"dev2 gold not found at {DEV2_GOLD} (it lives in ../shared/gold/dev2 beside the repo)")
    return [(rec, article_from_gold_bounds(rec, (DEV2_GOLD.parent / "raw" / rec["file"]).read_text(encoding="utf-8")))
            for rec in load_gold(DEV2_GOLD)]


def make_article(body: str, published: str | None = None, article_id: str = "t") -> Article:
    return Article(article_id, f"{article_id}.txt", body, body, sentences=split_sentences(body),
                   metadata=Metadata(published=published))


def count_row(article: Article, number: str, **fields) -> dict:
    start = article.body.index(number)
    row = {"article_id": article.article_id, "province": None, "district": None, "detail": None,
           "qualifier": "exact", "as_of": None, "start": start, "end": start + len(number)}
    row.update(fields)
    return row


def official_row(article: Article, name: str, title: str, **fields) -> dict:
    start = article.body.index(name)
    row = {"article_id": article.article_id, "name": name, "title": title, "organization": None, "rank": None,
           "province": None, "start": start, "end": start + len(name)}
    row.update(fields)
    return row


# --- numbers and dates ----------------------------------------------------------------

@pytest.mark.parametrize("value, vi, en", [
    (6360, "6.360", "6,360"),
    (420000, "420.000", "420,000"),
    (4174538, "4.174.538", "4,174,538"),
    (2300000, "2,3 triệu", "2.3 million"),
    (78, "78", "78"),
])
def test_format_number(value, vi, en):
    assert format_number(value, lang="vi") == vi
    assert format_number(value, lang="en") == en


@pytest.mark.parametrize("iso, vi, en", [
    ("2021-11-01", "01/11/2021", "1 November 2021"),
    ("2022-02-23T08:00", "23/02/2022", "23 February 2022"),
])
def test_format_date(iso, vi, en):
    assert format_date(iso, lang="vi") == vi
    assert format_date(iso, lang="en") == en


# --- figures: what each one is -----------------------------------------------------------

FIGURES = [
    # a cumulative count since a stated month: the start cannot be written as a day, so it is not dropped silently
    ("Từ tháng 4/2021 đến nay, Thành phố Hồ Chí Minh đã có hơn 420.000 ca nhiễm COVID-19.", "2021-11-01T22:57",
     "420.000", dict(province="Hồ Chí Minh", metric="confirmed", value=420000, qualifier="more_than",
                     as_of="2021-11-01", period="cumulative", period_start="2021-04-01", scope="province"),
     "Tại TP. Hồ Chí Minh, bài báo nêu hơn 420.000 ca nhiễm tính từ một mốc thời gian bài báo nêu tính đến 01/11/2021",
     "In Hồ Chí Minh City, the article reports more than 420,000 confirmed cases counted from a start date the "
     "article gives as of 1 November 2021"),
    ("Đến sáng 8-10, An Giang có 6.360 trường hợp nhiễm COVID-19.", "2021-10-08T19:00",
     "6.360", dict(province="An Giang", metric="confirmed", value=6360, as_of="2021-10-08", period="cumulative",
                   scope="province"),
     "Tại An Giang, bài báo nêu 6.360 ca nhiễm cộng dồn tính đến 08/10/2021",
     "In An Giang, the article reports 6,360 confirmed cases in all as of 8 October 2021"),
    ("Từ ngày 29.4 đến nay cả nước đã thực hiện hơn 2,3 triệu mẫu xét nghiệm.", "2021-06-19T08:32",
     "2,3 triệu", dict(metric="tested", value=2300000, qualifier="more_than", as_of="2021-06-19",
                       period="cumulative", period_start="2021-04-29", scope="national"),
     "Trên cả nước, bài báo nêu hơn 2,3 triệu lượt xét nghiệm từ 29/04/2021 tính đến 19/06/2021",
     "In Vietnam as a whole, the article reports more than 2.3 million tests since 29 April 2021 as of 19 June 2021"),
    ("Tỉnh ghi nhận 78 trường hợp tử vong.", "2021-10-08",
     "78", dict(province="An Giang", metric="deaths", value=78, period="cumulative", scope="province"),
     "Tại An Giang, bài báo nêu 78 ca tử vong cộng dồn.", "In An Giang, the article reports 78 deaths in all."),
    ("Đà Nẵng có 1 bệnh nhân mới sau 14 ngày.", "2021-06-19",
     "1", dict(province="Đà Nẵng", metric="new_confirmed", value=1, as_of="2021-06-19", period="day",
               scope="province"),
     "1 ca mắc mới trong một ngày (19/06/2021)", "1 new case in one day (19 June 2021)"),
    ("Toàn tỉnh còn cách ly tập trung khoảng 15.369 trường hợp.", "2021-10-08",
     "15.369", dict(province="An Giang", metric="quarantined", value=15369, qualifier="about", detail="tập trung",
                    period="snapshot", scope="province"),
     "khoảng 15.369 người cách ly tập trung tại thời điểm đưa tin", "about 15,369 people in centralized quarantine at the time"),
    # a 7-day total is not one day's figure
    ("Trong 7 ngày từ 8/5 đến 14/5, Bắc Giang ghi nhận 9.930 ca mắc mới.", "2021-05-14",
     "9.930", dict(province="Bắc Giang", metric="new_confirmed", value=9930, as_of="2021-05-14", period="span",
                   period_start="2021-05-08", period_end="2021-05-14", scope="province"),
     "Tại Bắc Giang, bài báo nêu 9.930 ca mắc mới trong 7 ngày tính đến 14/05/2021",
     "In Bắc Giang, the article reports 9,930 new cases over the 7 days to 14 May 2021"),
    # a daily average, with and without its days; a count of days the body does not write is said by its dates
    ("Trung bình mỗi ngày trong 7 ngày từ 8/3 đến 14/3, cả nước ghi nhận 43.605 ca mắc mới.", "2022-03-14",
     "43.605", dict(metric="new_confirmed", value=43605, as_of="2022-03-14", period="average",
                    period_start="2022-03-08", period_end="2022-03-14", scope="national"),
     "Trên cả nước, bài báo nêu trung bình 43.605 ca mắc mới mỗi ngày trong 7 ngày tính đến 14/03/2022",
     "In Vietnam as a whole, the article reports a daily average of 43,605 new cases over 7 days to 14 March 2022"),
    ("Trung bình mỗi ngày cả nước ghi nhận 43.605 ca mắc mới.", "2022-03-14",
     "43.605", dict(metric="new_confirmed", value=43605, period="average", scope="national"),
     "trung bình 43.605 ca mắc mới mỗi ngày.", "a daily average of 43,605 new cases."),
    # a world total named beside a province is the world's
    ("Hà Nội: thế giới đã ghi nhận 4.174.538 ca mắc.", "2020-05-11",
     "4.174.538", dict(province="Hà Nội", metric="confirmed", value=4174538, as_of="2020-05-11", period="cumulative",
                       scope="world"),
     "Trên thế giới, bài báo nêu 4.174.538 ca nhiễm cộng dồn tính đến 11/05/2020",
     "Worldwide, the article reports 4,174,538 confirmed cases in all as of 11 May 2020"),
    # a severe-only count keeps its detail; one day's discharges are a day's figure
    ("Hiện có 3.434 bệnh nhân nặng đang điều trị.", "2021-09-01",
     "3.434", dict(metric="active", value=3434, detail="nặng", period="snapshot", scope="national",
                   as_of="2021-09-01"),
     "3.434 ca đang điều trị (nặng) tính đến 01/09/2021", "3,434 patients under treatment (“nặng”) as of 1 September 2021"),
    ("Ngày 14/4 có thêm 17 bệnh nhân được công bố khỏi bệnh.", "2020-04-14",
     "17", dict(metric="recovered", value=17, as_of="2020-04-14", period="day", scope="national"),
     "17 ca khỏi bệnh trong một ngày (14/04/2020)", "17 recovered patients in one day (14 April 2020)"),
]


@pytest.mark.parametrize("body, published, number, fields, vi, en", FIGURES)
def test_figures_say_what_they_are(body, published, number, fields, vi, en):
    article = make_article(body, published)
    rows = [count_row(article, number, **fields)]
    text_vi, text_en = narrative_vi(article, case_counts=rows), narrative_en(article, case_counts=rows)
    assert vi in text_vi
    assert en in text_en
    assert check_faithful(text_vi, article, case_counts=rows) == []
    assert check_faithful(text_en, article, case_counts=rows) == []


PARTS_BODY = "Ngày 20/9, Hà Nội ghi nhận 100 ca mắc mới, trong đó 60 ca trong cộng đồng, 40 ca trong khu cách ly."


def parts_rows(article: Article) -> list[dict]:
    day = dict(province="Hà Nội", metric="new_confirmed", as_of="2021-09-20", period="day", scope="province")
    return [count_row(article, "100", value=100, count_id="t:1", **day),
            count_row(article, "60", value=60, count_id="t:2", part_of="t:1", detail="trong cộng đồng", **day),
            count_row(article, "40", value=40, count_id="t:3", part_of="t:1", detail="trong khu cách ly", **day)]


def test_parts_are_said_under_their_total_and_never_added():
    article = make_article(PARTS_BODY, "2021-09-20")
    rows = parts_rows(article)
    text_en, text_vi = narrative_en(article, case_counts=rows), narrative_vi(article, case_counts=rows)
    assert ("100 new cases in one day (20 September 2021), of which 60 new cases (“trong cộng đồng”) "
            "and 40 new cases (“trong khu cách ly”)") in text_en
    assert "100 ca mắc mới trong một ngày (20/09/2021), trong đó 60 ca mắc mới (trong cộng đồng)" in text_vi
    assert "; and 60" not in text_en and "160" not in text_en
    assert check_faithful(text_en, article, case_counts=rows) == []
    assert check_faithful(text_vi, article, case_counts=rows) == []


def test_a_part_without_its_total_is_not_narrated_alone():
    article = make_article(PARTS_BODY, "2021-09-20")
    rows = parts_rows(article)[1:]
    assert "60" not in narrative_en(article, case_counts=rows)


# Sentences that state a figure wrongly, though their digits are in the body: the checker must refuse each.
WRONG = [
    # a 7-day total narrated as the day's new cases, and without any period
    (6, "In Bắc Giang, the article reports 9,930 new cases in one day (14 May 2021)."),
    (6, "Bắc Giang reported 9,930 new cases."),
    (6, "In Bắc Giang, the article reports 9,930 new cases in all as of 14 May 2021."),
    # a daily average narrated as new cases of a day
    (7, "In Vietnam as a whole, the article reports 43,605 new cases in one day (14 March 2022)."),
    # a world total narrated as a province's, or as a national one
    (9, "In Hà Nội, the article reports 4,174,538 confirmed cases in all as of 11 May 2020."),
    (9, "In Vietnam as a whole, the article reports 4,174,538 confirmed cases in all as of 11 May 2020."),
    # a severe-only count narrated as all patients; one day's discharges narrated as a cumulative count
    (10, "In Vietnam as a whole, the article reports 3,434 patients under treatment as of 1 September 2021."),
    (11, "In Vietnam as a whole, the article reports 17 recovered patients in all as of 14 April 2020."),
    # Vietnamese
    (6, "Tại Bắc Giang, bài báo nêu 9.930 ca mắc mới trong một ngày (14/05/2021)."),
    (9, "Tại Hà Nội, bài báo nêu 4.174.538 ca nhiễm cộng dồn tính đến 11/05/2020."),
]


@pytest.mark.parametrize("index, wrong", WRONG)
def test_checker_refuses_a_figure_said_as_something_else(index, wrong):
    body, published, number, fields, _, _ = FIGURES[index]
    article = make_article(body, published)
    rows = [count_row(article, number, **fields)]
    assert check_faithful(wrong, article) == []  # the digits alone are backed ...
    problems = check_faithful(wrong, article, case_counts=rows)
    assert problems and all("not stated as an extracted figure" in p for p in problems)  # ... the figure is not


def test_checker_refuses_a_part_said_as_a_total():
    article = make_article(PARTS_BODY, "2021-09-20")
    rows = parts_rows(article)
    wrong = "In Hà Nội, the article reports 60 new cases (“trong cộng đồng”) in one day (20 September 2021)."
    assert len(check_faithful(wrong, article, case_counts=rows)) == 1


def test_year_is_left_out_when_nothing_backs_it():
    article = make_article("Bộ Y tế cho biết, đến 6h ngày 11/5, thế giới đã ghi nhận 4.174.538 ca mắc.")
    rows = [count_row(article, "4.174.538", metric="confirmed", value=4174538, as_of="2020-05-11",
                      period="cumulative", scope="world")]
    text_vi, text_en = narrative_vi(article, case_counts=rows), narrative_en(article, case_counts=rows)
    assert "tính đến 11/05." in text_vi and "2020" not in text_vi
    assert "as of 11 May." in text_en and "2020" not in text_en and text_en.count("Worldwide") == 1
    assert "không ghi ngày đăng" in text_vi
    assert check_faithful(text_vi, article, case_counts=rows) == []
    assert check_faithful(text_en, article, case_counts=rows) == []


@pytest.mark.parametrize("fields", [
    dict(start=10_000, end=10_004),          # offsets outside the body
    dict(start=None, end=None),              # no offsets at all
    dict(value=99999),                       # a value the body does not have
    dict(article_id="another-article"),      # a row of another article
])
def test_rows_the_body_does_not_back_are_not_used(fields):
    article = make_article("Đến sáng 8-10, An Giang có 6.360 trường hợp nhiễm COVID-19.", "2021-10-08")
    row = count_row(article, "6.360", province="An Giang", metric="confirmed", value=6360, period="cumulative",
                    scope="province")
    row.update(fields)
    text = narrative_vi(article, case_counts=[row])
    assert "6.360" not in text and "99.999" not in text
    assert "Không có số liệu ca bệnh" in text


# --- who met or inspected whom -----------------------------------------------------------------

EVENTS = [
    ("Chiều 4/2, Phó thủ tướng Vũ Đức Đam, Trưởng ban Chỉ đạo quốc gia phòng chống dịch Covid-19, chủ trì cuộc họp "
     "trực tuyến với tỉnh Gia Lai.", "Vũ Đức Đam", "Phó thủ tướng",
     "Vũ Đức Đam (Phó thủ tướng) chủ trì cuộc họp với tỉnh Gia Lai.",
     "Vũ Đức Đam (Deputy Prime Minister) chaired a meeting with Gia Lai province."),
    ("Chiều 4/7, đồng chí Đào Trọng Đức, Trưởng Ban Tổ chức Thành ủy đi kiểm tra thực tế và làm việc với huyện Vĩnh "
     "Bảo về công tác phòng, chống dịch COVID-19.", "Đào Trọng Đức", "Trưởng Ban Tổ chức Thành ủy",
     "Đào Trọng Đức (Trưởng Ban Tổ chức Thành ủy) đi kiểm tra và làm việc với huyện Vĩnh Bảo.",
     "Đào Trọng Đức (Head of the Organization Board of the municipal Party Committee) carried out an inspection "
     "and held a working session with Vĩnh Bảo district."),
    ("Tiếp và làm việc với đoàn có Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Lê Văn Nưng.",
     "Lê Văn Nưng", "Chủ tịch HĐND tỉnh",
     "Lê Văn Nưng (Chủ tịch HĐND tỉnh) tiếp đoàn công tác.",
     "Lê Văn Nưng (Chair of the provincial People's Council) received the visiting delegation."),
    ("Chiều 8/10, Phó Trưởng Ban Dân vận Trung ương Nguyễn Phước Lộc dẫn đầu đoàn công tác đã có buổi khảo sát và "
     "làm việc với tỉnh An Giang để nắm tình hình.", "Nguyễn Phước Lộc", "Phó Trưởng Ban Dân vận Trung ương",
     "Nguyễn Phước Lộc (Phó Trưởng Ban Dân vận Trung ương) dẫn đầu đoàn công tác và làm việc với tỉnh An Giang.",
     "Nguyễn Phước Lộc (Deputy Head of the Central Mass Mobilization Commission) led a delegation and held a "
     "working session with An Giang province."),
]

NO_EVENT = [
    ("Sáng 16/9, ông Lê Hồng Sơn, Phó Chủ tịch Thường trực UBND Hà Nội, cho biết thành phố sẽ kiểm tra giấy đi đường.",
     "Lê Hồng Sơn", "Phó Chủ tịch Thường trực UBND Hà Nội"),
    ("Bộ trưởng Y tế Nguyễn Thanh Long chỉ đạo ngành y tế Điện Biên làm việc với các bệnh viện.",
     "Nguyễn Thanh Long", "Bộ trưởng Y tế"),
    ("Tham dự có đồng chí Mùa A Vảng - Bí thư Huyện ủy.", "Mùa A Vảng", "Bí thư Huyện ủy"),
]


@pytest.mark.parametrize("body, name, title, vi, en", EVENTS)
def test_event_verbs_are_read_from_the_body(body, name, title, vi, en):
    article = make_article(body, "2021-02-04")
    rows = [official_row(article, name, title)]
    assert vi in narrative_vi(article, officials=rows)
    assert en in narrative_en(article, officials=rows)


@pytest.mark.parametrize("body, name, title", NO_EVENT)
def test_people_without_a_simple_event_are_only_named(body, name, title):
    article = make_article(body, "2021-09-16")
    rows = [official_row(article, name, title)]
    assert f"Bài viết nêu tên {name} ({title})." in narrative_vi(article, officials=rows)
    assert f"The article names {name} (" in narrative_en(article, officials=rows)


def test_unknown_titles_stay_in_vietnamese_in_english():
    article = make_article("Tham dự có bà Nguyễn Thị Sửu - Phó Trưởng đoàn chuyên trách tỉnh.", "2022-05-16")
    rows = [official_row(article, "Nguyễn Thị Sửu", "Phó Trưởng đoàn chuyên trách tỉnh")]
    assert "Nguyễn Thị Sửu (title given as “Phó Trưởng đoàn chuyên trách tỉnh”)" in narrative_en(article, officials=rows)


# --- places, measures and the empty case ----------------------------------------------------

def test_home_province_and_places_sentence():
    article = make_article("An Giang đón 47.000 người từ Long An về An Giang.", "2021-10-08")
    places = [
        {"article_id": "t", "province": "Long An", "district": None, "mentions": 1, "first_start": 22, "first_end": 29},
        {"article_id": "t", "province": "An Giang", "district": None, "mentions": 2, "first_start": 0, "first_end": 8},
    ]
    assert home_province(places) == "An Giang"
    assert "nhắc đến An Giang nhiều nhất, ngoài ra còn có Long An." in narrative_vi(article, places=places)
    assert "mentions An Giang most often, along with Long An." in narrative_en(article, places=places)


def test_article_without_facts_gets_a_short_honest_narrative():
    article = make_article("Bộ Y tế đề nghị các địa phương chuẩn bị nguồn lực để tiêm vaccine cho trẻ.", "2022-02-21")
    text_vi, text_en = narrative_vi(article), narrative_en(article)
    assert text_vi == ("Bài báo đăng ngày 21/02/2022; không nhận diện được tỉnh, thành nào trong bài. "
                       "Không có số liệu ca bệnh nào được trích xuất từ bài.")
    assert text_en == ("The article, published on 21 February 2022, has no province identified in it. "
                       "No case figures were extracted from it.")
    assert check_faithful(text_vi, article) == [] and check_faithful(text_en, article) == []


def test_measures_are_named_with_their_labels():
    article = make_article("Tỉnh tăng cường xét nghiệm, truy vết và cách ly các trường hợp F1.", "2021-02-04")
    measures = measure_rows(article)
    assert "gồm xét nghiệm, truy vết và cách ly." in narrative_vi(article, measures=measures)
    assert "include testing, contact tracing and quarantine." in narrative_en(article, measures=measures)


# --- the faithfulness checker ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def an_giang() -> Article:
    return make_article("Theo Ban Chỉ đạo, đến sáng 8-10, An Giang có 6.360 trường hợp nhiễm, "
                        "đang điều trị 2.487 trường hợp. Năm 2021 tỉnh lập 5 chốt.", "2021-10-09")


@pytest.mark.parametrize("text", [
    "An Giang có 6.360 ca nhiễm tính đến 08/10/2021.",
    "An Giang reported 6,360 confirmed cases as of 8 October 2021.",
    "An Giang reported 2,487 patients under treatment; the article was published on 9 October 2021.",
    "Bài báo đăng ngày 09/10/2021 về dịch COVID-19 tại An Giang.",
    "In 2021 the province set up 5 checkpoints.",
])
def test_checker_accepts_backed_numbers_and_dates(text, an_giang):
    assert check_faithful(text, an_giang) == []


@pytest.mark.parametrize("text, bad", [
    ("An Giang có 6.361 ca nhiễm.", "6.361"),
    ("An Giang reported 6,361 confirmed cases.", "6,361"),
    ("An Giang có hơn 7 nghìn ca nhiễm.", "7 nghìn"),
    ("An Giang reported 2.4 million tests.", "2.4 million"),
    ("An Giang có 6.360 ca nhiễm tính đến 07/10/2021.", "07/10/2021"),
    ("An Giang reported 6,360 confirmed cases as of 3 March 2021.", "3 March 2021"),
    ("An Giang reported 6,360 confirmed cases as of 8 October 2019.", "8 October 2019"),
])
def test_checker_catches_invented_numbers_and_dates(text, bad, an_giang):
    problems = check_faithful(text, an_giang)
    assert len(problems) == 1 and bad in problems[0]


def gold_period(period: str | None, as_of: str | None) -> dict:
    """The table's period columns from a gold period ("day", "span:S/E", "since:D", "epidemic", "average:N-day")."""
    kind, _, rest = (period or "").partition(":")
    if kind == "span":
        start, _, end = rest.partition("/")
        return {"period": "span", "period_start": start if start != "null" else None,
                "period_end": end if end not in ("", "null") else None}
    if kind == "since":
        return {"period": "cumulative", "period_start": rest}
    if kind == "average" and as_of:
        days = int(rest.split("-")[0])
        end = pd.Timestamp(as_of[:10])
        return {"period": "average", "period_start": f"{end - pd.Timedelta(days=days - 1):%Y-%m-%d}",
                "period_end": f"{end:%Y-%m-%d}"}
    return {"period": {"epidemic": "cumulative"}.get(kind, kind or None)}


def gold_figure_rows(record: dict, article: Article) -> dict:
    """:func:`gold_fact_rows` with the gold figure model: period, scope, count_id and part_of (a count_id)."""
    facts = gold_fact_rows(record, article)
    golds = [c for c in record["case_counts"] if not c.get("optional") and c.get("metric") != "other_covid"]
    rows = facts["case_counts"]
    for i, (row, gold) in enumerate(zip(rows, golds)):
        row.update(gold_period(gold.get("period"), gold.get("as_of")), scope=gold.get("scope"),
                   count_id=f"{article.article_id}:{i}")
    for row, gold in zip(rows, golds):
        if gold.get("part_of") is not None:
            total = next((r for r in rows if r["value"] == gold["part_of"] and r is not row), None)
            row["part_of"] = total["count_id"] if total else None
    return facts


def gold_narratives(pairs):
    for record, article in pairs:
        facts = gold_figure_rows(record, article)
        measures = measure_rows(article)
        args = (article, facts["places"], facts["officials"], facts["case_counts"], measures)
        yield record, article, facts, narrative_vi(*args), narrative_en(*args)


def test_gold_narratives_are_faithful(seed_gold_articles, dev_gold_articles, dev2_gold_articles):
    checked = 0
    pairs = [*seed_gold_articles, *dev_gold_articles, *dev2_gold_articles]
    for record, article, facts, text_vi, text_en in gold_narratives(pairs):
        rows = facts["case_counts"]
        assert check_faithful(text_vi, article, case_counts=rows) == [], (article.article_id, text_vi)
        assert check_faithful(text_en, article, case_counts=rows) == [], (article.article_id, text_en)
        checked += 1
    assert checked == 17 + 29


def test_gold_narratives_say_every_wide_or_multi_day_figure_as_such(dev_gold_articles, dev2_gold_articles):
    """A world, national, average or multi-day figure of the gold is never narrated without saying so."""
    said = {"world": 0, "national": 0, "average": 0, "span": 0}
    for record, article, facts, text_vi, text_en in gold_narratives([*dev_gold_articles, *dev2_gold_articles]):
        for sentence in re.split(r"(?<!TP)\.\s+(?=[A-Z])", text_en):
            if "Worldwide," in sentence:
                said["world"] += 1
            if sentence.startswith("In Vietnam as a whole,"):
                said["national"] += 1
            said["average"] += sentence.count("a daily average")
            said["span"] += len(re.findall(r"over (?:the \d+ days to|several days)", sentence))
        for row in facts["case_counts"]:
            text = format_number(row["value"], lang="en")
            if row["start"] is None or not re.search(rf"(?<![\d,.]){re.escape(text)}(?![\d,])", text_en):
                continue
            sentence = next(s for s in re.split(r"(?<!TP)\.\s+(?=[A-Z])", text_en) if text in s)
            if row["scope"] == "world":
                assert sentence.startswith("Worldwide") or "of which" in sentence, sentence
    assert said["world"] and said["national"]


def test_mutated_gold_narratives_are_refused(dev_gold_articles, dev2_gold_articles):
    """Swap what a period or a scope says in a correct narrative: the checker must refuse every change."""
    swaps = [(" in one day", " in all"), (" in all", " in one day"), ("In Vietnam as a whole,", "Worldwide,"),
             ("Worldwide,", "In Vietnam as a whole,"), ("a daily average of ", "")]
    tried = 0
    for record, article, facts, _, text_en in gold_narratives([*dev_gold_articles, *dev2_gold_articles]):
        for old, new in swaps:
            if old in text_en:
                wrong = text_en.replace(old, new, 1)
                assert check_faithful(wrong, article, case_counts=facts["case_counts"]), (old, new, wrong)
                tried += 1
    assert tried >= 20


def test_gold_narratives_carry_the_facts(seed_gold_articles, dev_gold_articles):
    for record, article, facts, text_vi, text_en in gold_narratives([*seed_gold_articles, *dev_gold_articles]):
        located = [r for r in facts["places"] if r["first_start"] is not None]
        if located:
            home = home_province(located)
            assert home.replace("Hồ Chí Minh", "TP. Hồ Chí Minh") in text_vi
        for person in facts["officials"]:
            if person["start"] is not None:
                assert person["name"] in text_vi and person["name"] in text_en
        if any(r["start"] is not None for r in facts["case_counts"]):
            assert re.search(r"\d", text_vi.split(".", 1)[1]), text_vi


def test_invented_number_in_a_gold_narrative_is_caught(seed_gold_articles):
    for record, article, facts, text_vi, text_en in gold_narratives(seed_gold_articles):
        assert check_faithful(text_vi + " Tỉnh có thêm 987.654 ca nhiễm.", article) == \
            ["number '987.654' (987654) does not appear in the body"]
        assert len(check_faithful(text_en + " It reported 987,654 deaths as of 2 January 2019.", article)) == 2


# --- corpus ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_corpus():
    articles = pd.DataFrame([{"article_id": "a", "published": "2021-11-01T22:57"},
                             {"article_id": "b", "published": "2021-10-08"},
                             {"article_id": "c", "published": None}])
    places = pd.DataFrame([{"article_id": "a", "province": "Hồ Chí Minh", "district": None},
                           {"article_id": "a", "province": "Hậu Giang", "district": None},
                           {"article_id": "b", "province": "An Giang", "district": None},
                           {"article_id": "b", "province": "Hồ Chí Minh", "district": None}])
    officials = pd.DataFrame([{"article_id": "a", "name": "Lê Hồng Nam"}, {"article_id": "b", "name": "Lê Văn Nưng"}])
    counts = pd.DataFrame([
        {"article_id": "a", "province": "Hồ Chí Minh", "district": None, "metric": "confirmed", "value": 420000,
         "qualifier": "more_than", "as_of": "2021-11-01"},
        {"article_id": "b", "province": "An Giang", "district": None, "metric": "confirmed", "value": 6360,
         "qualifier": "exact", "as_of": "2021-10-08"},
        {"article_id": "b", "province": "An Giang", "district": None, "metric": "deaths", "value": 78,
         "qualifier": "exact", "as_of": "2021-10-08"},
    ])
    measures = {"a": ["social_support", "checkpoints"], "b": ["quarantine", "social_support"], "c": []}
    return articles, places, officials, counts, measures


def test_corpus_narrative_vi(small_corpus):
    text = corpus_narrative(*small_corpus, lang="vi")
    assert "Bộ dữ liệu gồm 3 bài báo, đăng từ 08/10/2021 đến 01/11/2021. Trong đó 1 bài không có ngày đăng." in text
    assert "TP. Hồ Chí Minh (2 bài)" in text
    assert "TP. Hồ Chí Minh (hơn 420.000 ca, 01/11/2021) và An Giang (6.360 ca, 08/10/2021)" in text
    assert "an sinh xã hội (2 bài)" in text
    assert "100.000 dân" not in text


def test_corpus_narrative_en_compares_per_100k(small_corpus):
    text = corpus_narrative(*small_corpus, lang="en", population={"Hồ Chí Minh": 8_993_082, "An Giang": 1_908_352})
    assert "The collection holds 3 articles, published between 8 October 2021 and 1 November 2021." in text
    assert "Hồ Chí Minh City (more than 420,000 cases, 1 November 2021)" in text
    assert "Per 100,000 residents the highest are Hồ Chí Minh City (4,670) and An Giang (333)." in text


@pytest.mark.parametrize("start, lang, said", [
    ("2021-04-27", "en", "Hồ Chí Minh City (more than 420,000 cases since 27 April 2021, 1 November 2021)"),
    ("2021-04-27", "vi", "TP. Hồ Chí Minh (hơn 420.000 ca từ 27/04/2021, 01/11/2021)"),
    (None, "en", "Hồ Chí Minh City (more than 420,000 cases, 1 November 2021)"),
])
def test_corpus_figures_counted_since_a_date_say_so(small_corpus, start, lang, said):
    articles, places, officials, counts, measures = small_corpus
    counts = counts.assign(period_start=start)
    assert said in corpus_narrative(articles, places, officials, counts, measures, lang=lang)


def test_corpus_rates_compare_one_window_only(small_corpus):
    articles, places, officials, counts, measures = small_corpus
    starts = ["2021-04-27" if p == "Hồ Chí Minh" else None for p in counts["province"]]
    text = corpus_narrative(articles, places, officials, counts.assign(period_start=starts), measures, lang="en",
                            population={"Hồ Chí Minh": 8_993_082, "An Giang": 1_908_352})
    assert "Per 100,000 residents the highest are Hồ Chí Minh City (4,670)." in text and "(333)" not in text


def test_corpus_narrative_of_the_gold_pages(seed_gold_articles, dev_gold_articles):
    articles, places, officials, counts, measures = [], [], [], [], {}
    for record, article in [*seed_gold_articles, *dev_gold_articles]:
        facts = gold_fact_rows(record, article)
        articles.append({"article_id": article.article_id, "published": article.metadata.published})
        places += facts["places"]
        officials += facts["officials"]
        counts += [r for r in facts["case_counts"] if r["start"] is not None]
        measures[article.article_id] = measure_rows(article)
    frames = [pd.DataFrame(x) for x in (articles, places, officials, counts)]
    text = corpus_narrative(*frames, measures, lang="vi")
    assert text.startswith("Bộ dữ liệu gồm 17 bài báo, đăng từ 14/04/2020 đến 16/05/2022.")
    assert "TP. Hồ Chí Minh (" in text
    assert "522.142" in text or "523.794" in text  # the largest provincial total in the gold
    with pytest.raises(ValueError):
        corpus_narrative(*frames, measures, lang="fr")


def test_checker_reads_a_vietnamese_sentence_without_function_words_as_vietnamese():
    body = "Bộ Y tế chiều 4/8 ghi nhận 18 ca nhiễm nCoV, trong đó 16 ca tại Đà Nẵng, một Đồng Nai."
    article = make_article(body, "2020-08-04")
    assert check_faithful(body, article) == []


# A part linked to a total it cannot belong to (wider than it, or in another province) is not said "of which".
MISFIT_PARTS = [
    ("Bộ Y tế ghi nhận 2 ca mắc mới tại Đồng Nai, đều là ca nhập cảnh; cả nước có 2 ca.", "2 ca mắc mới",
     dict(province="Đồng Nai", scope="province"), "2 ca.", dict(scope="national")),
    ("Nghệ An ghi nhận 12 ca mắc mới, 8 ca về từ TP. Hồ Chí Minh.", "12", dict(province="Nghệ An", scope="province"),
     "8", dict(province="Hồ Chí Minh", scope="province")),
]


@pytest.mark.parametrize("body, total_text, total_fields, part_text, part_fields", MISFIT_PARTS)
def test_a_part_that_cannot_belong_to_its_total_is_not_said(body, total_text, total_fields, part_text, part_fields):
    article = make_article(body, "2021-05-20")
    common = dict(metric="new_confirmed", period="day")
    total = count_row(article, total_text.split()[0], value=int(total_text.split()[0]), count_id="t:1",
                      **common, **total_fields)
    part_number = part_text.split()[0]
    part = count_row(article, part_number, value=int(part_number), count_id="t:2", part_of="t:1", **common,
                     **part_fields)
    part["start"] = body.rindex(part_text)
    part["end"] = part["start"] + len(part_number)
    text_en = narrative_en(article, case_counts=[total, part])
    assert "of which" not in text_en
    said_as_part = f"of which {part_number} new cases {scope_phrase(part, 'en', capital=False)}"  # as it once was
    wrong = text_en.replace(" in one day.", f" in one day, {said_as_part}.")
    assert said_as_part in wrong
    assert check_faithful(wrong, article, case_counts=[total, part]) != []

"""Narratives from fact rows: expected phrases, events, faithfulness on every gold page, and the checker."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from covidlib.document import Article, Metadata
from covidlib.extract.measures import measure_rows
from covidlib.write.narrate import (check_faithful, corpus_narrative, format_date, format_number, home_province,
                              narrative_en, narrative_vi)
from covidlib.text.sentences import split_sentences
from covidlib.quality.summaries import gold_fact_rows


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


# --- figures ----------------------------------------------------------------------------

FIGURES = [
    ("Từ tháng 4/2021 đến nay, Thành phố Hồ Chí Minh đã có hơn 420.000 ca nhiễm COVID-19.", "2021-11-01T22:57",
     "420.000", dict(province="Hồ Chí Minh", metric="confirmed", value=420000, qualifier="more_than",
                     as_of="2021-11-01"),
     "TP. Hồ Chí Minh có hơn 420.000 ca nhiễm tính đến 01/11/2021",
     "Hồ Chí Minh City reported more than 420,000 confirmed cases as of 1 November 2021"),
    ("Đến sáng 8-10, An Giang có 6.360 trường hợp nhiễm COVID-19.", "2021-10-08T19:00",
     "6.360", dict(province="An Giang", metric="confirmed", value=6360, as_of="2021-10-08"),
     "An Giang có 6.360 ca nhiễm tính đến 08/10/2021", "An Giang reported 6,360 confirmed cases as of 8 October 2021"),
    ("Từ ngày 29.4 đến nay hệ thống y tế đã thực hiện hơn 2,3 triệu mẫu xét nghiệm.", "2021-06-19T08:32",
     "2,3 triệu", dict(metric="tested", value=2300000, qualifier="more_than", as_of="2021-06-19"),
     "hơn 2,3 triệu lượt xét nghiệm tính đến 19/06/2021", "more than 2.3 million tests as of 19 June 2021"),
    ("Tỉnh ghi nhận 78 trường hợp tử vong.", "2021-10-08",
     "78", dict(province="An Giang", metric="deaths", value=78),
     "An Giang có 78 ca tử vong.", "An Giang reported 78 deaths."),
    ("Đà Nẵng có 1 bệnh nhân mới sau 14 ngày.", "2021-06-19",
     "1", dict(province="Đà Nẵng", metric="new_confirmed", value=1, as_of="2021-06-19"),
     "Đà Nẵng có 1 ca mắc mới tính đến 19/06/2021", "Đà Nẵng reported 1 new case as of 19 June 2021"),
    ("Toàn tỉnh còn cách ly tập trung khoảng 15.369 trường hợp.", "2021-10-08",
     "15.369", dict(province="An Giang", metric="quarantined", value=15369, qualifier="about", detail="tập trung"),
     "khoảng 15.369 người cách ly tập trung", "about 15,369 people in centralized quarantine"),
]


@pytest.mark.parametrize("body, published, number, fields, vi, en", FIGURES)
def test_figures_are_written_with_qualifier_and_date(body, published, number, fields, vi, en):
    article = make_article(body, published)
    rows = [count_row(article, number, **fields)]
    text_vi, text_en = narrative_vi(article, case_counts=rows), narrative_en(article, case_counts=rows)
    assert vi in text_vi
    assert en in text_en
    assert check_faithful(text_vi, article) == []
    assert check_faithful(text_en, article) == []


def test_year_is_left_out_when_nothing_backs_it():
    article = make_article("Bộ Y tế cho biết, đến 6h ngày 11/5, thế giới đã ghi nhận 4.174.538 ca mắc.")
    rows = [count_row(article, "4.174.538", metric="confirmed", value=4174538, as_of="2020-05-11")]
    text_vi, text_en = narrative_vi(article, case_counts=rows), narrative_en(article, case_counts=rows)
    assert "tính đến 11/05." in text_vi and "2020" not in text_vi
    assert "as of 11 May." in text_en and "2020" not in text_en
    assert "không ghi ngày đăng" in text_vi
    assert check_faithful(text_vi, article) == [] and check_faithful(text_en, article) == []


@pytest.mark.parametrize("fields", [
    dict(start=10_000, end=10_004),          # offsets outside the body
    dict(start=None, end=None),              # no offsets at all
    dict(value=99999),                       # a value the body does not have
    dict(article_id="another-article"),      # a row of another article
])
def test_rows_the_body_does_not_back_are_not_used(fields):
    article = make_article("Đến sáng 8-10, An Giang có 6.360 trường hợp nhiễm COVID-19.", "2021-10-08")
    row = count_row(article, "6.360", province="An Giang", metric="confirmed", value=6360)
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


def gold_narratives(pairs):
    for record, article in pairs:
        facts = gold_fact_rows(record, article)
        measures = measure_rows(article)
        args = (article, facts["places"], facts["officials"], facts["case_counts"], measures)
        yield record, article, facts, narrative_vi(*args), narrative_en(*args)


def test_gold_narratives_are_faithful(seed_gold_articles, dev_gold_articles):
    checked = 0
    for record, article, facts, text_vi, text_en in gold_narratives([*seed_gold_articles, *dev_gold_articles]):
        assert check_faithful(text_vi, article) == [], (article.article_id, text_vi)
        assert check_faithful(text_en, article) == [], (article.article_id, text_en)
        checked += 1
    assert checked == 17


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

"""A narrative writes a figure as its article does, and the faithfulness check refuses any other spelling."""
from __future__ import annotations

import pytest

from covidlib.document import Article, Metadata
from covidlib.text.sentences import split_sentences
from covidlib.write.faithful import check_faithful
from covidlib.write.narrate import narrative_en, narrative_vi
from covidlib.write.spelling import spell, spelling_key, words_en


def make_article(body: str, published: str | None = "2021-08-04") -> Article:
    return Article("t", "t.txt", body, body, sentences=split_sentences(body), metadata=Metadata(published=published))


@pytest.mark.parametrize("raw, value, spelled, vi, en", [
    ("21 nghìn", 21000, False, "21 nghìn", "21 thousand"),
    ("96 ngàn", 96000, False, "96 ngàn", "96 thousand"),
    ("2,3 triệu", 2300000, False, "2,3 triệu", "2.3 million"),
    ("34.879", 34879, False, "34.879", "34,879"),
    ("2083", 2083, False, "2083", "2083"),
    ("04", 4, False, "4", "4"),
    ("103/103", 103, False, "103", "103"),
    ("một", 1, True, "một", "one"),
    ("hai mươi mốt", 21, True, "hai mươi mốt", "twenty-one"),
])
def test_spell_keeps_the_body_spelling(raw, value, spelled, vi, en):
    assert spell(raw, value, "vi", spelled=spelled) == vi
    assert spell(raw, value, "en", spelled=spelled) == en
    if not spelled:
        assert spelling_key(vi) == spelling_key(en) == spelling_key(raw)


@pytest.mark.parametrize("value, words", [(0, "zero"), (15, "fifteen"), (40, "forty"), (2500, "two thousand five hundred")])
def test_words_en(value, words):
    assert words_en(value) == words


# (body, the number's text in the body, row fields, wording in vi, in en)
SPELLINGS = [
    ("Số người trở về Hà Nội lên tới hơn 21 nghìn trường hợp, đều được cách ly tại nhà.", "21 nghìn",
     dict(province="Hà Nội", metric="quarantined", value=21000, qualifier="more_than", detail="tại nhà",
          period="snapshot", scope="province"),
     "hơn 21 nghìn người cách ly tại nhà", "more than 21 thousand people in home quarantine"),
    ("Bộ Y tế ghi nhận 18 ca nhiễm, trong đó một ca tại Đồng Nai.", "một",
     dict(province="Đồng Nai", metric="new_confirmed", value=1, period="day", scope="province"),
     "một ca mắc mới trong một ngày", "one new case in one day"),
    ("Thế giới đã có 34.879 người nhiễm, 2083 người được chữa khỏi.", "2083",
     dict(metric="recovered", value=2083, period="cumulative", scope="world"),
     "2083 ca khỏi bệnh cộng dồn", "2083 recovered patients in all"),
    ("Trong ngày, tỉnh ghi nhận 0 ca tử vong.", "0",
     dict(province="Cà Mau", metric="deaths", value=0, period="day", scope="province"),
     "không có ca tử vong nào trong một ngày", "no deaths in one day"),
]


@pytest.mark.parametrize("body, number, fields, vi, en", SPELLINGS)
def test_narratives_write_figures_as_the_body_does(body, number, fields, vi, en):
    article = make_article(body)
    start = body.index(number)
    row = {"article_id": "t", "province": None, "district": None, "detail": None, "qualifier": "exact",
           "as_of": None, "start": start, "end": start + len(number), **fields}
    text_vi, text_en = narrative_vi(article, case_counts=[row]), narrative_en(article, case_counts=[row])
    assert vi in text_vi and en in text_en
    assert check_faithful(text_vi, article, case_counts=[row]) == []
    assert check_faithful(text_en, article, case_counts=[row]) == []


# Numbers whose value the body has but not in that spelling, or not at all: the check must refuse each.
REFUSED = [
    ("Số người trở về lên tới hơn 21 nghìn trường hợp.", "more than 21,000 people in quarantine at the time", "en"),
    ("Số người trở về lên tới hơn 21 nghìn trường hợp.", "hơn 21.000 người cách ly", "vi"),
    ("Thế giới có 2083 người được chữa khỏi.", "2,083 recovered patients in all", "en"),
    ("Bộ Y tế ghi nhận một ca tại Đồng Nai.", "1 new case in one day", "en"),
    ("Bộ Y tế ghi nhận một ca tại Đồng Nai.", "1 ca mắc mới trong một ngày", "vi"),
    # a count of days the body does not write
    ("Trong tuần qua, Bắc Giang có 9.930 ca mắc mới.", "9,930 new cases over the 7 days to 14 May", "en"),
]


@pytest.mark.parametrize("body, text, lang", REFUSED)
def test_checker_refuses_another_spelling(body, text, lang):
    assert check_faithful(text, make_article(body), lang=lang) != []


# Spellings the body backs: the check gives nothing.
ACCEPTED = [
    ("Số người trở về lên tới hơn 21 nghìn trường hợp.", "more than 21 thousand people in quarantine", "en"),
    ("Thế giới có 34.879 người nhiễm.", "34,879 confirmed cases in all", "en"),
    ("Trong 7 ngày qua, Bắc Giang có 9.930 ca mắc mới.", "9.930 ca mắc mới trong 7 ngày", "vi"),
    ("Cả nước đã tiêm hơn 2,3 triệu liều.", "more than 2.3 million vaccine doses given", "en"),
]


@pytest.mark.parametrize("body, text, lang", ACCEPTED)
def test_checker_accepts_the_body_spelling(body, text, lang):
    assert check_faithful(text, make_article(body), lang=lang) == []

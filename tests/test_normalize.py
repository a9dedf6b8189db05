"""Normalization: display text steps, and length-preserving matching keys."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from covidlib.document import Span
from covidlib.text.article import article_from_body
from covidlib.normalize import ascii_fold, fold, normalize_page, tone_key
from covidlib.text.sentences import split_sentences

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
TEXT = st.text(alphabet=st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + " .,;:-\n0123456789ÀĐİß"), max_size=200)


@pytest.mark.parametrize("old, new", [
    ("Hoà Bình", "Hòa Bình"),
    ("Thanh Hoá", "Thanh Hóa"),
    ("thuỷ sản", "thủy sản"),
    ("HOÀ", "HÒA"),
    ("khoẻ", "khỏe"),
])
def test_tone_key_moves_old_style_marks(old, new):
    assert tone_key(old) == new


@pytest.mark.parametrize("unchanged", ["quý", "khuỷu tay", "hoàn thành", "toàn tỉnh", "Quảng Ninh", "giữa"])
def test_tone_key_leaves_other_words_alone(unchanged):
    assert tone_key(unchanged) == unchanged


@pytest.mark.parametrize("raw, shown", [
    ("Ho\u0300a Bi\u0300nh", "Hòa Bình"),           # decomposed input becomes NFC
    ("a&nbsp;b &amp; c&#7871;", "a b & cế"),        # entities left in scraped text
    ("dòng 1\r\ndòng 2\rdòng 3", "dòng 1\ndòng 2\ndòng 3"),
    ("chữ\u200bdính\u00a0nhau", "chữdính nhau"),
    ("cuối dòng   \nsau", "cuối dòng\nsau"),
])
def test_normalize_page(raw, shown):
    assert normalize_page(raw) == shown


def test_ascii_fold_drops_diacritics():
    assert ascii_fold("Đắk Lắk, Hòa Bình") == "dak lak, hoa binh"


@given(TEXT)
def test_keys_keep_length_so_offsets_transfer(text):
    text = unicodedata.normalize("NFC", text)
    for key in (tone_key(text), fold(text), ascii_fold(text)):
        assert len(key) == len(text)


@given(TEXT)
def test_normalize_page_is_idempotent(text):
    once = normalize_page(text)
    assert normalize_page(once) == once


@given(TEXT)
def test_sentences_point_at_their_text(text):
    for span in split_sentences(text):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end].strip() == text[span.start:span.end]


def test_span_rejects_bad_offsets_and_article_finds_sentences():
    with pytest.raises(ValueError):
        Span(5, 2, "bad")
    article = article_from_body("Sáng 8/10 có 5 ca. Tối có 3 ca.\nDòng hai.")
    assert [article.text(s) for s in article.sentences] == ["Sáng 8/10 có 5 ca.", "Tối có 3 ca.", "Dòng hai."]
    assert article.text(article.sentence_of(article.body.index("Tối"))) == "Tối có 3 ca."
    assert article.sentence_of(len(article.body) + 5) is None
    assert len(article.body_key) == len(article.body) == len(article.body_ascii)


@pytest.mark.parametrize("text, sentences", [
    ("Tại TX. Bến Cát có 621 ca. Tối có 3 ca.", ["Tại TX. Bến Cát có 621 ca.", "Tối có 3 ca."]),
    ("TS.BS. Nguyễn Văn A cho biết. Hết.", ["TS.BS. Nguyễn Văn A cho biết.", "Hết."]),
    ("Quận Q. 7 có 5 ca. Hết.", ["Quận Q. 7 có 5 ca.", "Hết."]),
])
def test_sentences_are_not_cut_after_abbreviations(text, sentences):
    assert [text[s.start:s.end] for s in split_sentences(text)] == sentences

"""Prevention measures: sentences that must tag a measure, sentences that must tag nothing, tables."""
from __future__ import annotations

import pandas as pd
import pytest

from covidlib.document import Article
from covidlib.extract.measures import (MEASURE_COLUMNS, load_measures, measure_labels, measure_rows, measures_by_province,
                               tag_measures)
from covidlib.text.sentences import split_sentences


def make_article(body: str, article_id: str = "t") -> Article:
    return Article(article_id, f"{article_id}.txt", body, body, sentences=split_sentences(body))


def tagged(body: str) -> set[str]:
    return {span.data["measure"] for span in tag_measures(make_article(body))}


MUST_TAG = [
    ("Tỉnh tổ chức xét nghiệm cho toàn bộ nhân viên Cảng hàng không Pleiku.", {"testing"}),
    ("Ngành y tế đẩy nhanh tốc độ truy vết các trường hợp F1.", {"tracing"}),
    ("Người dân khai báo y tế trực tuyến khi trở về từ vùng dịch.", {"tracing", "digital_tools", "returning_residents"}),
    ("Toàn tỉnh hiện còn quản lý cách ly tập trung 15.369 trường hợp.", {"quarantine"}),
    ("Họ phải có 2 mũi tiêm vaccine mới được hoạt động.", {"vaccination"}),
    ("Tổng số liều vắc xin đã tiêm là 191.993.381 liều.", {"vaccination"}),
    ("Thành lập 5 chốt kiểm dịch nhằm kiểm soát người từ tỉnh khác về.", {"checkpoints"}),
    ("Nhóm chuyên gia chọn trung tâm y tế làm bệnh viện dã chiến.", {"field_hospitals"}),
    ("Bệnh nhân được theo dõi như F0 cách ly, điều trị tại nhà.", {"quarantine", "home_treatment"}),
    ("Thành phố thực hiện giãn cách xã hội theo Chỉ thị 16.", {"distancing"}),
    ("Năm 2020, cả nước thực hiện cách ly xã hội trong 15 ngày.", {"distancing"}),
    ("Phường Thanh Xuân Trung vẫn đang bị phong toả.", {"distancing"}),
    ("Tỉnh đang thực hiện công tác an sinh xã hội cho người dân.", {"social_support"}),
    ("Bí thư Tỉnh ủy tặng quà cho các hộ khó khăn.", {"social_support"}),
    ("Cần xét nghiệm cho toàn bộ giáo viên tham gia kỳ thi tốt nghiệp THPT.", {"testing", "schools_exams"}),
    ("Tổ chức sớm đưa học sinh trở lại trường.", {"schools_exams"}),
    ("Nhiều người về quê ăn Tết từ các vùng có ca mắc.", {"returning_residents"}),
    ("Tỉnh có 88 máy thở và đủ bình oxy cho bệnh nhân.", {"medical_supplies"}),
    ("Tỉnh đã triển khai ứng dụng công nghệ thông tin trong quản lý.", {"digital_tools"}),
    ("Tăng cường công tác thông tin, tuyên truyền đến người dân.", {"communication"}),
    ("Thừa Thiên Huế huy động y, bác sỹ vào hỗ trợ các tỉnh phía Nam.", {"medical_staff"}),
    ("Bộ Y tế sẽ cử ngay chi viện về xét nghiệm và điều trị.", {"medical_staff", "testing"}),
    ("Người dân thường xuyên đeo khẩu trang và rửa tay bằng xà phòng.", {"personal_protection"}),
]

MUST_NOT_TAG = [
    "Đồng chí Nguyễn Văn Thắng - Bí thư Tỉnh ủy chủ trì cuộc họp.",
    "Hội nghị trực tuyến bàn về phát triển kinh tế của tỉnh.",
    "Trường hợp này đã được báo cáo lên Ban Dân vận Tỉnh ủy.",
    "Thở ô xy qua mặt nạ: 2.708 ca.",
    "Đưa sinh hoạt của người dân trở về trạng thái bình thường.",
    "Tiêm phòng bệnh dại cho đàn chó trong xã.",
    "Lãnh đạo hai tỉnh chụp ảnh lưu niệm sau buổi làm việc.",
]


@pytest.mark.parametrize("sentence, expected", MUST_TAG)
def test_sentence_tags_expected_measures(sentence, expected):
    assert tagged(sentence) == expected


@pytest.mark.parametrize("sentence", MUST_NOT_TAG)
def test_sentence_tags_nothing(sentence):
    assert tagged(sentence) == set()


def test_span_offsets_point_at_the_body():
    body = "Gia Lai đã cách ly 1.401 F1; xét nghiệm 2.514 mẫu và đang tăng tốc truy vết."
    article = make_article(body)
    texts = {span.data["measure"]: article.text(span) for span in tag_measures(article)}
    assert texts == {"quarantine": "cách ly", "testing": "xét nghiệm", "tracing": "truy vết"}


def test_adjacent_mentions_merge_into_one():
    article = make_article("Họ phải có 2 mũi tiêm vaccine, được xét nghiệm thường xuyên.")
    spans = [s for s in tag_measures(article) if s.data["measure"] == "vaccination"]
    assert [article.text(s) for s in spans] == ["mũi tiêm vaccine"]


def test_old_tone_placement_matches():
    assert tagged("Khu vực này bị phong toả từ ngày 2/9.") == {"distancing"}


def test_measure_rows_count_mentions_and_keep_the_sentence():
    article = make_article("Tỉnh tăng cường xét nghiệm. Sau đó tiếp tục xét nghiệm và cách ly F1.")
    rows = measure_rows(article)
    assert [r["measure"] for r in rows] == ["testing", "quarantine"]
    assert rows[0]["mentions"] == 2
    assert rows[0]["sentence"] == "Tỉnh tăng cường xét nghiệm."
    assert list(rows[0]) == MEASURE_COLUMNS
    assert article.body[rows[1]["first_start"]:rows[1]["first_end"]] == "cách ly"


def test_measures_by_province_counts_articles():
    measures = pd.DataFrame([
        {"article_id": "a", "measure": "testing"}, {"article_id": "a", "measure": "quarantine"},
        {"article_id": "b", "measure": "testing"}, {"article_id": "c", "measure": "checkpoints"},
    ])
    places = pd.DataFrame([
        {"article_id": "a", "province": "An Giang"}, {"article_id": "b", "province": "An Giang"},
        {"article_id": "b", "province": "Hà Nội"}, {"article_id": "c", "province": None},
    ])
    table = measures_by_province(measures, places)
    assert table.loc["An Giang", "testing"] == 2
    assert table.loc["An Giang", "quarantine"] == 1
    assert table.loc["Hà Nội", "quarantine"] == 0
    assert "checkpoints" not in table.columns  # article c has no province
    assert list(table.index) == ["An Giang", "Hà Nội"]


def test_measures_by_province_needs_its_columns():
    with pytest.raises(ValueError, match="province"):
        measures_by_province(pd.DataFrame({"article_id": [], "measure": []}), pd.DataFrame({"article_id": []}))


def test_lexicon_is_complete_and_labelled():
    measures = load_measures()
    keys = [m.key for m in measures]
    for needed in ("testing", "tracing", "quarantine", "vaccination", "checkpoints", "field_hospitals", "distancing",
                   "social_support", "schools_exams", "returning_residents", "medical_supplies", "digital_tools",
                   "communication", "medical_staff"):
        assert needed in keys
    assert all(m.label_vi and m.label_en for m in measures)
    assert set(measure_labels(lang="en")) == set(keys)


def test_lexicon_refuses_patterns_not_in_key_form(tmp_path):
    path = tmp_path / "measures.csv"
    path.write_text("measure,label_vi,label_en,pattern,notes\nx,X,X,Xét Nghiệm,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="key form"):
        load_measures(path)


def test_gold_articles_measures_lie_in_the_body(seed_gold_articles, dev_gold_articles):
    patterns = {m.key: m.pattern for m in load_measures()}
    for _, article in [*seed_gold_articles, *dev_gold_articles]:
        spans = tag_measures(article)
        assert spans, article.article_id
        for span in spans:
            assert span.end <= len(article.body)
            assert patterns[span.data["measure"]].match(article.body_key, span.start), article.text(span)

"""Extractive summaries: candidates, order, no captions, and the comparison with Lead-3 on gold pages."""
from __future__ import annotations

import pytest

from covidlib.document import Article, Metadata, Span
from covidlib.write.narrate import check_faithful
from covidlib.parse.numbers import find_numbers
from covidlib.text.sentences import sentences_of_paragraphs
from covidlib.extract.places import extract_places
from covidlib.quality.summaries import compare_methods, gold_fact_rows, score_summary, tune_weights
from covidlib.write.summarize import (DEFAULT_WEIGHTS, Weights, _provinces_in, candidate_sentences, extractive_summary,
                                      lead_summary, names_province, summary_text)


def make_article(paragraphs: list[tuple[str, str]], *, title: str = "", published: str | None = None) -> Article:
    """Build an article from (label, text) paragraphs joined by blank lines."""
    body = "\n\n".join(text for _, text in paragraphs)
    spans, cursor = [], 0
    for label, text in paragraphs:
        spans.append(Span(cursor, cursor + len(text), label))
        cursor += len(text) + 2
    return Article("t", "t.txt", body, body, paragraphs=spans, sentences=sentences_of_paragraphs(body, spans),
                   metadata=Metadata(title=title, published=published))


def candidate_texts(paragraphs: list[tuple[str, str]]) -> list[str]:
    article = make_article(paragraphs)
    return [article.text(s) for s in candidate_sentences(article)]


LEAD = ("paragraph", "Chiều 8/10, đoàn công tác Trung ương đã làm việc với tỉnh An Giang về công tác phòng, chống dịch.")

NOT_CANDIDATES = [
    ("caption", "Phó Chủ tịch UBND tỉnh Lê Văn Phước báo cáo với đoàn về tình hình dịch bệnh trên địa bàn tỉnh."),
    ("paragraph", "IMG_0875.JPG"),
    ("paragraph", "2021-02-04-08-27-18-329.jpg"),
    ("paragraph", "Lãnh đạo 2 tỉnh chụp ảnh lưu niệm sau buổi làm việc"),
    ("paragraph", "Ảnh: Thảo Linh."),
    ("paragraph", "Tình hình dịch COVID-19 tại Việt Nam:"),
    ("paragraph", "Về tình hình điều trị, theo báo cáo của Tiểu ban Điều trị Ban chỉ đạo Quốc gia:"),
    ("paragraph", "Có ca mắc mới."),
]


@pytest.mark.parametrize("paragraph", NOT_CANDIDATES)
def test_line_is_never_a_candidate(paragraph):
    assert candidate_texts([LEAD, paragraph]) == [LEAD[1]]


def test_fragment_after_an_abbreviation_is_not_a_candidate():
    texts = candidate_texts([LEAD, ("paragraph", "Ca mắc nhiều nhất ở TX. Bến Cát là địa phương có 1.753 ca trong ngày hôm nay.")])
    assert not any(t.startswith("Bến Cát") for t in texts)
    assert not any(t.endswith("TX.") for t in texts)


def test_lead_after_a_split_site_tag_stays_a_candidate():
    texts = candidate_texts([("paragraph", "TTH.VN - Sáng ngày 16/5, đoàn công tác tỉnh Vĩnh Long có buổi làm việc "
                                           "với UBND tỉnh Thừa Thiên Huế.")])
    assert texts and texts[0].startswith("Sáng ngày 16/5")


@pytest.mark.parametrize("tagged, rest", [
    ("VN - Sáng ngày 16/5, đoàn công tác tỉnh Vĩnh Long có buổi làm việc với UBND tỉnh Thừa Thiên Huế.", "Sáng ngày 16/5"),
    ("(TUAG)- Chiều 8/10, đoàn công tác Trung ương đã làm việc với tỉnh An Giang về phòng dịch.", "Chiều 8/10"),
])
def test_site_tag_is_trimmed_from_the_lead(tagged, rest):
    assert candidate_texts([("paragraph", tagged)])[0].startswith(rest)


def test_captions_are_never_chosen_even_when_full_of_facts():
    article = make_article([
        LEAD,
        ("caption", "An Giang có 6.360 ca nhiễm, 2.487 ca đang điều trị, 3.789 ca khỏi và 78 ca tử vong tại Long An, Đồng Nai."),
        ("paragraph", "Tại buổi làm việc, đại diện Ban Dân vận Tỉnh ủy báo cáo kết quả công tác dân vận trong phòng dịch."),
        ("paragraph", "Toàn tỉnh hiện còn quản lý cách ly tập trung 15.369 trường hợp, cách ly tại nhà 7.704 trường hợp."),
        ("paragraph", "Tỉnh đang thực hiện công tác an sinh xã hội cho người dân ở các vùng phong tỏa trên địa bàn."),
    ])
    chosen = extractive_summary(article, n=3)
    captions = [p for p in article.paragraphs if p.label == "caption"]
    assert len(chosen) == 3
    assert not any(c.overlaps(s) for c in captions for s in chosen)


def test_lead_summary_takes_the_first_candidates():
    article = make_article([
        ("caption", "Quang cảnh buổi làm việc của đoàn công tác với lãnh đạo tỉnh An Giang trong chiều nay."),
        LEAD,
        ("paragraph", "IMG_0875."),
        ("paragraph", "Tỉnh đang thực hiện công tác an sinh xã hội cho người dân ở các vùng phong tỏa."),
        ("paragraph", "Toàn tỉnh hiện còn quản lý cách ly tập trung 15.369 trường hợp."),
    ])
    assert [article.text(s) for s in lead_summary(article, 2)] == [
        LEAD[1], "Tỉnh đang thực hiện công tác an sinh xã hội cho người dân ở các vùng phong tỏa."]


def test_short_article_returns_every_candidate():
    article = make_article([LEAD])
    assert [article.text(s) for s in extractive_summary(article, n=3)] == [LEAD[1]]


def test_summary_text_joins_sentences():
    article = make_article([LEAD, ("paragraph", "Toàn tỉnh hiện còn   quản lý cách ly tập trung 15.369 trường hợp.")])
    assert summary_text(article, candidate_sentences(article)) == \
        LEAD[1] + " Toàn tỉnh hiện còn quản lý cách ly tập trung 15.369 trường hợp."


def test_score_summary_counts_gold_facts_in_the_chosen_sentences():
    article = make_article([
        LEAD,
        ("paragraph", "Đến sáng 8-10, An Giang có 6.360 trường hợp nhiễm, 78 trường hợp tử vong."),
        ("paragraph", "Phó Chủ tịch UBND tỉnh Lê Văn Phước thông tin thêm với đoàn về công tác phòng dịch của tỉnh."),
    ], title="Đoàn công tác Trung ương làm việc với tỉnh An Giang")
    gold = {"title": article.metadata.title, "provinces": ["An Giang"],
            "officials": [{"name": "Lê Văn Phước", "title": "Phó Chủ tịch UBND tỉnh"}],
            "case_counts": [{"value": 6360, "metric": "confirmed"}, {"value": 78, "metric": "deaths"},
                            {"value": 5, "metric": "other_covid"}]}
    spans = candidate_sentences(article)
    first_two = score_summary(spans[:2], article, gold)
    assert first_two["facts"] == 4
    assert first_two["values_covered"] == 1.0
    assert first_two["officials_covered"] == 0.0
    assert first_two["coverage"] == pytest.approx(3 / 4)
    assert score_summary(spans, article, gold)["coverage"] == 1.0
    assert score_summary(spans[:1], article, gold)["rouge1_recall"] == 1.0


# --- gold pages ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gold_pairs(seed_gold_articles, dev_gold_articles):
    return [*seed_gold_articles, *dev_gold_articles]


def test_summaries_are_body_sentences_in_order(gold_pairs):
    for record, article in gold_pairs:
        chosen = extractive_summary(article, n=3)
        assert 1 <= len(chosen) <= 3
        assert [s.start for s in chosen] == sorted(s.start for s in chosen)
        for span in chosen:
            assert any(sent.contains(span) for sent in article.sentences), article.text(span)
            text = article.text(span)
            assert not any(line.strip() and line.strip() in text for line in record.get("inline_non_body_lines") or [])
        assert check_faithful(summary_text(article, chosen), article) == []


def test_summary_is_deterministic(gold_pairs):
    record, article = gold_pairs[0]
    assert extractive_summary(article) == extractive_summary(article)


def mean_coverage(table, method):
    return table.loc[table["method"] == method, "coverage"].dropna().astype(float).mean()


def test_method_beats_lead3_on_gold_fact_coverage(gold_pairs):
    table = compare_methods(gold_pairs, n=3)
    mine, lead = mean_coverage(table, "textrank"), mean_coverage(table, "lead")
    # Measured with DEFAULT_WEIGHTS (tuned on these pages): 0.581 against 0.419.
    assert mine > lead + 0.1, (mine, lead)


def test_method_beats_lead3_with_gold_facts_as_its_fact_rows(gold_pairs):
    table = compare_methods(gold_pairs, n=3, use_gold_facts=True)
    assert mean_coverage(table, "textrank") > mean_coverage(table, "lead") + 0.1


def test_method_beats_lead3_when_tuned_without_the_page_it_is_scored_on(gold_pairs):
    grid = {"centrality": (0.25, 0.5), "position": (0.0, 0.25), "facts": (0.5, 1.0)}
    mine, lead = [], []
    for i, pair in enumerate(gold_pairs):
        weights, _ = tune_weights(gold_pairs[:i] + gold_pairs[i + 1:], grid=grid,
                                  fixed={"keep_lead": True, "decay": 4.0, "redundancy": 0.3})
        scores = compare_methods([pair], weights=weights).set_index("method")["coverage"]
        if scores.notna().all():
            mine.append(scores["textrank"])
            lead.append(scores["lead"])
    assert sum(mine) / len(mine) > sum(lead) / len(lead) + 0.05


def test_tuning_reports_every_grid_point(gold_pairs):
    weights, frame = tune_weights(gold_pairs[:5], grid={"facts": (0.0, 1.0)}, fixed={"keep_lead": True})
    assert len(frame) == 2 and weights.facts in (0.0, 1.0) and weights.keep_lead
    assert frame["coverage"].is_monotonic_decreasing


def test_gold_rows_locate_facts_in_the_body(gold_pairs):
    located = 0
    for record, article in gold_pairs:
        rows = gold_fact_rows(record, article)
        numbers = {n.start: n.data["value"] for n in find_numbers(article.body)}
        for row in rows["case_counts"]:
            if row["start"] is not None:
                assert numbers[row["start"]] == row["value"]
                assert article.text(article.sentence_of(row["start"])) == row["sentence"]
                located += 1
        for row in rows["officials"]:
            if row["start"] is not None:
                assert article.body[row["start"]:row["end"]].casefold() == row["name"].casefold()
    assert located > 150


def test_default_summary_keeps_the_lede(seed_gold_articles):
    for record, article in seed_gold_articles:
        assert extractive_summary(article, n=3)[0] == candidate_sentences(article)[0], record["file"]


def test_pipeline_summaries_are_body_sentences_and_faithful(seeds_gold):
    from covidlib.write.narrate import check_faithful
    from covidlib.run.pipeline import extract_tables, load_articles
    from covidlib.write.summarize import is_extractive

    tables = extract_tables([rec["path"] for rec in seeds_gold])
    rows = tables["summaries"].set_index("article_id")
    for article in load_articles([rec["path"] for rec in seeds_gold]):
        row = rows.loc[article.article_id]
        assert row["summary"] and is_extractive(row["summary"], article)
        assert not is_extractive(row["summary"] + " Câu bịa thêm.", article)
        for field in ("summary", "narrative_vi", "narrative_en"):
            assert check_faithful(row[field], article) == [], (article.article_id, field)


@pytest.mark.parametrize("sentence, expected", [
    ("Bộ Y tế đề nghị tiêm chủng", ["bộ", "y", "tế", "đề", "nghị", "tiêm", "chủng",
                                    "bộ_y", "y_tế", "tế_đề", "đề_nghị", "nghị_tiêm", "tiêm_chủng"]),
    ("thêm 12 ca mắc, cách ly", ["thêm", "ca", "mắc", "cách", "ly", "ca_mắc", "cách_ly"]),
    # a stop word keeps its neighbours apart; an underscore or a line break does not break a phrase
    ("người dân tại khu phong tỏa", ["dân", "khu", "phong", "tỏa", "khu_phong", "phong_tỏa"]),
    ("xét_nghiệm\nnhanh", ["xét", "nghiệm", "nhanh", "xét_nghiệm", "nghiệm_nhanh"]),
    # nothing to index: digits, punctuation and stop words only
    ("12.345 - 6/7 (và của các)", []),
    ("", []),
])
def test_terms_are_syllables_and_bigrams_within_a_phrase(sentence, expected):
    from covidlib.normalize import fold
    from covidlib.write.summarize import _tokens
    assert _tokens(fold(sentence)) == expected


# --- provinces in the fact signal come from the place spans --------------------------------------

# (sentence, provinces the fact signal counts in it): a province, or a city named after it, counts;
# a district with a name of its own, a person's name and a sentence without a place give nothing.
PROVINCES_IN_SENTENCE = [
    ("Sáng 3/8, tỉnh Quảng Ngãi ghi nhận thêm 12 ca mắc mới.", {"Quảng Ngãi"}),
    ("UBND TP Quảng Ngãi áp dụng lệnh phong tỏa toàn bệnh viện từ ngày 27/7.", {"Quảng Ngãi"}),
    ("Hà Nội và TP.HCM cùng ghi nhận số ca giảm trong tuần qua.", {"Hà Nội", "Hồ Chí Minh"}),
    ("Đoàn công tác đã làm việc với huyện Vĩnh Bảo về công tác phòng dịch.", set()),
    ("Ông Nguyễn Thanh Bình cho biết sẽ tăng cường xét nghiệm trong tuần tới.", set()),
    ("Các lực lượng chức năng tiếp tục phun khử khuẩn khu vực chợ đầu mối.", set()),
]


@pytest.mark.parametrize("sentence, provinces", PROVINCES_IN_SENTENCE)
def test_fact_signal_counts_the_provinces_the_place_spans_name(sentence, provinces):
    article = make_article([("paragraph", sentence)])
    places = extract_places(article)
    assert _provinces_in([p for p in places if names_province(p)], Span(0, len(sentence), "sentence")) \
        == len(provinces)
    assert {p.data["province"] for p in places if names_province(p)} == provinces

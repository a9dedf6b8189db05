"""Case counts read from tables of self-written sentences, one table per mechanism, and a corpus of patient reports.

Each ``tests/fixtures/case_counts_*.jsonl`` row is ``{"id", "why", "text", "case_counts"}``
(plus ``footer``: a line of page furniture such as the portal's owner, placed after the body)
with the counts a careful reader finds, in the gold form (``value``, ``metric``,
``province``, optionally ``district`` and ``detail``). The tables check which numbers are counts, their
metric family and their place: ``confirmed`` and ``new_confirmed`` count as one family here
(telling them apart is the time reading's business). Every table holds sentences that must
give nothing.
"""
from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest

from covidlib.document import Article, Span
from covidlib.text.article import article_from_body
from covidlib.extract.case_counts import extract_case_counts
from covidlib.extract.places import extract_places

FIXTURES = Path(__file__).parents[1] / "fixtures"
TABLES = sorted(FIXTURES.glob("case_counts_*.jsonl"))
PUBLISHED = "2021-09-20T18:00"


def _rows() -> list[tuple[str, dict]]:
    rows = []
    for path in TABLES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append((path.stem.removeprefix("case_counts_"), json.loads(line)))
    return rows


ROWS = _rows()


def _article(text: str, *, footer: str | None = None) -> Article:
    article = article_from_body(text, published=PUBLISHED)
    if footer:
        article.page = f"{article.body}\n{footer}"
        article.furniture = [Span(len(article.body) + 1, len(article.page), "footer")]
    return article


def _family(metric: str) -> str:
    return "confirmed" if metric == "new_confirmed" else metric


def _found(article: Article) -> list[dict]:
    return [span.data for span in extract_case_counts(article, places=extract_places(article))]


def test_every_table_has_rows_that_give_nothing():
    tables = {table for table, _ in ROWS}
    assert tables == {"list_metric", "identifiers", "metric_family", "places"}
    for table in tables:
        assert any(not row["case_counts"] for t, row in ROWS if t == table), table


@pytest.mark.parametrize("table, row", ROWS, ids=[f"{t}-{r['id']}" for t, r in ROWS])
def test_case_count_table(table, row):
    found = _found(_article(row["text"], footer=row.get("footer")))
    got = Counter((d["value"], _family(d["metric"]), d["province"]) for d in found)
    want = Counter((c["value"], _family(c["metric"]), c["province"]) for c in row["case_counts"])
    assert got == want, row["why"]
    for c in row["case_counts"]:
        for attribute in ("district", "detail"):
            if attribute in c:
                assert any(d["value"] == c["value"] and d[attribute] == c[attribute] for d in found), row["why"]


# --- a corpus of patient reports: numbers there name people, ages, days and places ------------

_SEX = ("nam", "nữ")
_PLACES = (("Hòa Khánh Bắc", "Liên Chiểu", "Đà Nẵng"), ("Bồ Đề", "Long Biên", "Hà Nội"),
           ("Cẩm Bình", "Cẩm Phả", "Quảng Ninh"), ("Điện Ngọc", "Điện Bàn", "Quảng Nam"),
           ("Tân Định", "Quận 1", "TP.HCM"), ("Liên Hồng", "Gia Lộc", "Hải Dương"))
_TEMPLATES = (
    "BN{a} ({sex}, {age} tuổi, ở {ward}, {district}, {province}) là F1 của BN{b}.",
    "Bệnh nhân {a}, {sex}, {age} tuổi, địa chỉ tại tổ {t1}, khu phố {t2}, phường {ward}, {district}.",
    "Các bệnh nhân {a}, {b}, {c} là người nhà của bệnh nhân {d}.",
    "Các ngày {d1}, {d2}, {d3}/{m}, bệnh nhân đi chợ {ward} và đến bệnh viện huyện.",
    "Ngày {d1}/{m}, bệnh nhân có biểu hiện sốt, ho; ngày {d2}/{m} được lấy mẫu xét nghiệm.",
    "Các BN {a}-{b} là công nhân một công ty may, ở cùng phòng {r1}, {r2} của khu nhà trọ.",
    "Bệnh nhân {a} ({sex}, {age} tuổi) và bệnh nhân {b} ({sex}, {age2} tuổi) là vợ chồng.",
    "Từ ngày {d1} đến {d2}/{m}, bệnh nhân làm việc tại tầng {r1}, tòa nhà số {t1}.",
    "Bệnh nhân sống cùng vợ và {k} người con tại ấp {t1}, xã {ward}.",
    "Ca bệnh {a} được tiêm vắc xin mũi {s} ngày {d1}/{m}.",
    "BN{a}, BN{b}, BN{c} được chuyển đến cách ly tại Trung đoàn {u}, Bộ Chỉ huy quân sự tỉnh.",
    "Bệnh nhân {a} từng đến chợ {ward} các ngày {d1}, {d2} và {d3}.",
    "Bệnh nhân {a} là con của bệnh nhân {b}, học lớp {k} tại trường tiểu học {ward}.",
    "Người nhà bệnh nhân gồm vợ {age} tuổi, con trai {age2}, con gái {k} tuổi đều âm tính.",
    "Bệnh nhân {a} đi xe khách biển số 43B-{u}.{t1} từ bến xe {ward} lúc {k} giờ ngày {d1}/{m}.",
    "- CA BỆNH {a} (BN{a}): {sex}, {age} tuổi, có địa chỉ tại phường {ward}, {district}, {province}.",
    "Bệnh nhân là F1 của BN {b}, được cách ly tập trung tại Khu cách ly số {s} từ ngày {d1}/{m}.",
    "Ngày {d2}/{m}, bệnh nhân nhập cảnh trên chuyến bay VN{u}, ngồi ghế số {r1}.",
    "Từ ngày {d1} đến {d2}/{m}, bệnh nhân đi làm tại khu công nghiệp, làm ca {s}.",
    "Ca bệnh số {t2} và số {r1} là anh em ruột, ở cùng tổ {t1}, đội {k}.",
)


def _patient_reports(n: int) -> list[str]:
    rng = random.Random(2021)
    sentences = []
    for i in range(n):
        ward, district, province = _PLACES[rng.randrange(len(_PLACES))]
        a = rng.randrange(100, 9000)
        values = {
            "a": a, "b": a + rng.randrange(1, 9), "c": a + rng.randrange(10, 19), "d": a - rng.randrange(1, 50),
            "sex": _SEX[i % 2], "age": rng.randrange(1, 95), "age2": rng.randrange(1, 95),
            "ward": ward, "district": district, "province": province,
            "t1": rng.randrange(1, 30), "t2": rng.randrange(1, 12), "d1": rng.randrange(1, 10),
            "d2": rng.randrange(10, 20), "d3": rng.randrange(20, 29), "m": rng.randrange(1, 13),
            "r1": rng.randrange(1, 20), "r2": rng.randrange(20, 40), "k": rng.randrange(2, 6),
            "s": rng.randrange(1, 4), "u": rng.randrange(100, 999),
        }
        sentences.append(_TEMPLATES[i % len(_TEMPLATES)].format(**values))
    return sentences


def test_patient_reports_give_almost_no_counts():
    """Patient numbers, ages, days, rooms and units are no counts: at most 2 rows per 1,000 sentences."""
    sentences = _patient_reports(1500)
    rows = {s: _found(article_from_body(s, published=PUBLISHED)) for s in sentences}
    found = [(s, d["value"], d["metric"]) for s, ds in rows.items() for d in ds]
    assert len(found) * 1000 / len(sentences) <= 2, found[:10]

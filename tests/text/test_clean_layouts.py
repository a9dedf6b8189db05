"""The cleaner and metadata reader on page layouts written for these tests, not the seeds or dev pages.

Each layout imitates a kind of page users bring (national papers, provincial portals,
the loader's own HTML-to-text output) with its own menus, date line, byline and tail;
the expected title, publish date, author and body bounds are what a careful reader
would write down. The articles are short and written for these tests. The layouts are the
rows of ``tests/fixtures/page_layouts.jsonl`` (gold schema: ``title``, ``published``, ``author``,
``body_first_sentence``, ``body_last_sentence``; plus ``id``, ``why`` and the ``page`` itself),
scored by the gold's body-bounds check as well as field by field.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from covidlib.text.article import build_article
from covidlib.text.clean import split_site_tag
from covidlib.quality.evaluate import body_bounds_ok, name_key
from covidlib.io import iter_pages
from covidlib.normalize import normalize_page

FIXTURE = Path(__file__).parents[1] / "fixtures" / "page_layouts.jsonl"


@dataclass(frozen=True)
class Layout:
    """A page and what a careful reader writes down for it (``first``/``last``: the body's first and last sentence)."""

    name: str
    page: str
    title: str | None
    published: str | None
    author: str | None
    first: str
    last: str

    @classmethod
    def from_row(cls, row: dict) -> Layout:
        """A layout from a fixture row in the gold schema."""
        return cls(row["id"], row["page"], row["title"], row["published"], row["author"],
                   row["body_first_sentence"], row["body_last_sentence"])


ROWS = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
LAYOUTS = [Layout.from_row(row) for row in ROWS]

FIELDS = ("title", "published", "author", "first", "last")


def _without_tag(text: str) -> str:
    return text[split_site_tag(text)[1] :]


def _flat(text: str) -> str:
    return " ".join(normalize_page(text).split())


def field_checks(layout: Layout, article) -> dict[str, bool]:
    """Return which of title, published, author, first and last body sentence the article gets right."""
    meta = article.metadata
    body = _flat(article.body)
    first, last = _flat(layout.first), _flat(layout.last)
    return {
        "title": name_key(meta.title) == name_key(layout.title),
        "published": meta.published == layout.published,
        "author": name_key(meta.author) == name_key(layout.author),
        "first": any(b.startswith(f) for b in (body, _without_tag(body)) for f in (first, _without_tag(first))),
        "last": body.endswith(last),
    }


def layout_named(name: str) -> Layout:
    return next(layout for layout in LAYOUTS if layout.name == name)


def _article(layout: Layout):
    return build_article(layout.page, article_id=layout.name, file=f"{layout.name}.txt")


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
def test_layout_title_date_author_and_body_bounds(layout):
    article = _article(layout)
    checks = field_checks(layout, article)
    meta = article.metadata
    assert article.status == "ok"
    assert body_bounds_ok(article.body, {"body_first_sentence": layout.first, "body_last_sentence": layout.last})
    assert all(checks.values()), (
        f"wrong {[k for k, ok in checks.items() if not ok]}: title={meta.title!r} published={meta.published!r} "
        f"author={meta.author!r} body starts {article.body[:70]!r} ends {article.body[-70:]!r}")


FURNITURE_LINES = (  # lines of the layouts above that are never body, wherever they sit
    "Chia sẻ", "Facebook", "Zalo", "Bình luận (0)", "Tin liên quan", "Lượt xem: 312", "In bài viết",
    "Xem thêm: Lạng Sơn lập thêm 4 chốt kiểm soát dịch trên quốc lộ 1A",
    "Đọc thêm: Bình Thuận phong tỏa chợ Phan Thiết sau ca mắc ở tiểu thương",
    "vinhlong-bvdc3.jpg", "Tags: covid-19, Cần Thơ, bệnh viện dã chiến", "Từ khóa: F0, cách ly tại nhà, Hưng Yên",
    "Nghe bài viết", "00:00 / 02:45", "Cỡ chữ: A- A A+", "Đức Toàn · 2 giờ trước", "PHẠM HÙNG - LAN ANH",
    "(*) Tên một số nhân vật trong bài đã được thay đổi.", "(Còn nữa)", "Lâm Phương", "Hoài Nam", "Thăm dò ý kiến",
    "Bạn có đồng ý cho con đi học trực tiếp từ tháng 11?", "Văn Hùng (Sở Y tế)", "Thu Hà (thực hiện)",
    "Sau 14 ngày không phát sinh ca mắc mới, 3 khu nhà trọ với hơn 2.000 công nhân được gỡ phong tỏa.",
    "Nhân viên y tế lấy mẫu xét nghiệm cho người dân phường Vĩnh Ninh, TP Huế (Ảnh: Minh Quân)",
    "Bài: Hà Linh - Ảnh: Quốc Tuấn",
    "Quảng Ninh đón khách du lịch nội tỉnhHạ Long mở lại tuyến tàu thăm vịnhVân Đồn khôi phục đường bay "
    "thương mạiCô Tô đón đoàn khách đầu tiên",
)
CAPTIONS = (  # photo captions inside the layouts: kept in the body, labelled as captions
    "Người dân mua hàng tại chợ Bà Chiểu, quận Bình Thạnh, sáng 18/9. Ảnh: Quỳnh Trần",
    "Lực lượng y tế chuẩn bị giường bệnh tại ký túc xá - Ảnh: CHÍ QUỐC",
    "Nhân viên y tế chuẩn bị tiếp nhận bệnh nhân tại bệnh viện dã chiến. Ảnh: Thanh Tùng",
    "Ảnh minh họa",
    "Nhân viên bán vé tại cổng Ngọ Môn đã được cách ly tập trung (Ảnh: Minh Quân)",
)


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
def test_layout_body_keeps_no_furniture_line(layout):
    article = _article(layout)
    paragraphs = {p.text(article.body) for p in article.paragraphs}
    for line in FURNITURE_LINES:
        assert line not in paragraphs
    labels = {p.text(article.body): p.label for p in article.paragraphs}
    for caption in CAPTIONS:
        if caption in layout.page:
            assert labels.get(caption) == "caption"
    if layout.title:
        assert name_key(layout.title) not in {name_key(p) for p in paragraphs}


INLINE_LINKS = [  # a related link inside the article: removed, and the body goes on after it
    "Xem thêm: Lạng Sơn lập thêm 4 chốt kiểm soát dịch trên quốc lộ 1A",
    "Đọc thêm: Bình Thuận phong tỏa chợ Phan Thiết sau ca mắc ở tiểu thương",
    ">> Xem thêm: Hà Nội xét nghiệm diện rộng ở quận Đống Đa",
    "Xem thêm >> Bệnh viện Chợ Rẫy lập khu điều trị COVID-19 thứ hai",
]


@pytest.mark.parametrize("link", INLINE_LINKS)
def test_related_link_inside_the_article_is_removed_and_the_body_goes_on(link):
    layout = layout_named("national_date_above_title_bare_author")
    paragraphs = layout.page.split("\n\n")
    at = next(i for i, text in enumerate(paragraphs) if text.startswith("Theo Sở Công Thương")) + 1
    page = "\n\n".join(paragraphs[:at] + [link] + paragraphs[at:])
    article = build_article(page, article_id="x", file="x.txt")
    texts = [p.text(article.body) for p in article.paragraphs]
    assert link not in texts
    assert article.body.endswith(layout.last)


RELATED_BOXES = [  # a related-news box between two paragraphs: removed, and the body goes on after it
    ["TIN LIÊN QUAN", "TP HCM cho phép 5 loại hình kinh doanh hoạt động trở lại",
     "Bình Dương mở lại chợ truyền thống từ ngày 20/9"],
    ["Tin liên quan:", "Chợ đầu mối Hóc Môn hoạt động lại với 30% tiểu thương"],
    ["Bài viết liên quan", "Hà Nội cho phép bán hàng ăn uống mang về",
     "Đồng Nai lập 11 điểm bán hàng lưu động", "Xem thêm: Cần Thơ mở cửa lại chợ Tân An"],
]


@pytest.mark.parametrize("box", RELATED_BOXES, ids=["capitals", "colon", "with_link"])
def test_related_box_inside_the_article_is_removed_and_the_body_goes_on(box):
    layout = layout_named("national_date_above_title_bare_author")
    paragraphs = layout.page.split("\n\n")
    at = next(i for i, text in enumerate(paragraphs) if text.startswith("Theo Sở Công Thương")) + 1
    page = "\n\n".join(paragraphs[:at] + box + paragraphs[at:])
    article = build_article(page, article_id="x", file="x.txt")
    texts = [p.text(article.body) for p in article.paragraphs]
    assert not set(box) & set(texts)
    assert article.body.endswith(layout.last)
    for line in box:
        at = article.page.index(line)
        assert [f.label for f in article.furniture if f.start <= at < f.end] == ["related"], line


# --- the same pages as HTML, through the loader ------------------------------

HTML_NATIONAL = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>TP HCM mở lại 120 chợ truyền thống sau giãn cách - Báo Tin Nhanh</title>
<meta property="og:title" content="TP HCM mở lại 120 chợ truyền thống sau giãn cách">
<meta property="article:published_time" content="2021-09-18T07:30:00+07:00">
<meta name="author" content="Báo Tin Nhanh">
</head><body>
<header><h1 class="logo"><a href="/">Báo Tin Nhanh</a></h1>
<nav><a href="/thoi-su">Thời sự</a><a href="/suc-khoe">Sức khỏe</a></nav></header>
<ul class="breadcrumb"><li><a href="/thoi-su">Thời sự</a></li><li><a href="/suc-khoe">Sức khỏe</a></li></ul>
<span class="date">Thứ bảy, 18/9/2021, 07:30 (GMT+7)</span>
<h2 class="title-detail">TP HCM mở lại 120 chợ truyền thống sau giãn cách</h2>
<p class="description">Sau gần ba tháng tạm đóng cửa, 120 chợ truyền thống ở TP HCM được hoạt động trở lại từ sáng nay
với điều kiện tiểu thương đã tiêm đủ hai mũi vaccine.</p>
<article class="fck_detail">
<p>Theo Sở Công Thương, mỗi chợ phải bố trí lối vào riêng, kiểm tra thẻ xanh COVID của người bán và giới hạn
số người mua cùng lúc.</p>
<figure><img src="cho-ba-chieu.jpg" alt=""><figcaption><p>Người dân mua hàng tại chợ Bà Chiểu, quận Bình Thạnh,
sáng 18/9. Ảnh: <em>Quỳnh Trần</em></p></figcaption></figure>
<p>Tại chợ Bà Chiểu, ban quản lý kẻ vạch trên lối đi, mỗi sạp chỉ đón tối đa hai khách. Tiểu thương được
xét nghiệm nhanh bảy ngày một lần, chi phí do ngân sách thành phố chi trả.</p>
<p>Ông Nguyễn Văn Bình, trưởng ban quản lý chợ, cho biết hơn 80% sạp đã mở cửa ngay trong ngày đầu.</p>
<p style="text-align:right;"><strong>Lê Nga</strong></p>
</article>
<div class="footer-content"><a href="/suc-khoe">Trở lại Sức khỏe</a> <span>Chia sẻ</span></div>
<div class="box-tinlienquan"><h3>Xem thêm</h3><ul>
<li><a href="/a1">Hà Nội cho phép bán hàng ăn uống tại chỗ từ 21/9</a></li>
<li><a href="/a2">Đồng Nai ghi nhận thêm hơn 300 ca mắc mới trong ngày</a></li></ul></div>
<script>window.ads = [];</script>
<footer><p>© 2021 Báo Tin Nhanh. Giấy phép số 548/GP-BTTTT.</p></footer>
</body></html>
"""

HTML_PROVINCIAL = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Lộc Hà phong tỏa tạm thời hai thôn có ca mắc COVID-19 - Cổng thông tin điện tử tỉnh Hà Tĩnh</title></head>
<body><h1 id="banner">Cổng thông tin điện tử tỉnh Hà Tĩnh</h1>
<ul class="menu"><li>Trang chủ</li><li>Giới thiệu</li><li>Tin tức - Sự kiện</li><li>Văn bản</li>
<li>Dịch vụ công trực tuyến</li></ul>
<div class="content"><div class="cat">Tin tức - Sự kiện</div>
<h2 class="title">Lộc Hà phong tỏa tạm thời hai thôn có ca mắc COVID-19</h2>
<div class="info">Ngày đăng: 12/08/2021 | Lượt xem: 1.234</div>
<div class="noidung"><p>Chiều 12/8, UBND huyện Lộc Hà quyết định phong tỏa tạm thời thôn Trung Hải và thôn
Bắc Hải, xã Thạch Kim để khoanh vùng dập dịch.</p>
<p>Hai thôn có hơn 1.100 hộ dân. Lực lượng công an, quân sự và y tế được bố trí trực 24/24 giờ tại các chốt
ra vào.</p>
<p>Trung tâm Y tế huyện đã lấy mẫu xét nghiệm cho toàn bộ người dân trong khu vực phong tỏa, kết quả dự kiến
có trong ngày 13/8.</p>
<p align="right"><b>Minh Phương - TTYT huyện Lộc Hà</b></p></div>
<div class="tools"><a href="#">In bài viết</a><br><a href="#">Gửi email</a></div>
<div class="other"><h3>Các tin khác</h3><ul>
<li>Hà Tĩnh tiêm vaccine cho 5.000 công nhân khu kinh tế Vũng Áng</li>
<li>Thạch Hà lập chốt kiểm soát dịch tại cửa ngõ thị trấn</li></ul></div></div>
<div class="right"><h3>Văn bản mới</h3><h3>Liên kết website</h3><p>Lượt truy cập: 1.234.567</p></div>
<div class="footer">Cơ quan chủ quản: UBND tỉnh Hà Tĩnh</div>
</body></html>
"""


@pytest.mark.parametrize(
    "html, name",
    [(HTML_NATIONAL, "national_date_above_title_bare_author"),
     (HTML_PROVINCIAL, "provincial_portal_date_and_views_author_with_unit")],
    ids=["national", "provincial"],
)
def test_html_pages_through_the_loader(tmp_path, html, name):
    layout = layout_named(name)
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    loaded = [(row, page) for row, page in iter_pages(tmp_path)]
    assert len(loaded) == 1 and loaded[0][1] is not None, loaded[0][0].reason
    page = loaded[0][1]
    article = build_article(page.text, article_id=page.article_id, file=page.file, hints=page.meta)
    checks = field_checks(layout, article)
    meta = article.metadata
    assert all(checks.values()), (
        f"wrong {[k for k, ok in checks.items() if not ok]}: title={meta.title!r} published={meta.published!r} "
        f"author={meta.author!r} body starts {article.body[:70]!r} ends {article.body[-70:]!r}")

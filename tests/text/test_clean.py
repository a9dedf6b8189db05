"""Cleaning: furniture lines removed, prose kept, captions labelled, spans always inside their text."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from covidlib.text.article import build_article
from covidlib.text.clean import BODY_ENDING_KINDS, clean_page, line_kind, split_site_tag

TITLE = "Hà Nội thêm 12 ca COVID-19 mới trong khu cách ly"
DATE = "Thứ Năm, 16/09/2021 12:30"
P1 = "Sở Y tế Hà Nội trưa 16/9 cho biết thành phố ghi nhận thêm 12 ca COVID-19 mới, trong đó 11 ca tại khu cách ly."
P2 = "Cộng dồn số mắc tại Hà Nội trong đợt dịch thứ 4 là 3.869 ca, trong đó 1.596 ca ghi nhận ngoài cộng đồng."
TEASER = "Sáng 15/9, cả nước ghi nhận 10.585 ca mắc COVID-19, riêng TP HCM có 5.301 ca mắc mới."


def page_of(*lines: str) -> str:
    return "\n\n".join(lines)


def body_paragraphs(page: str) -> list[str]:
    cleaned = clean_page(page)
    return [p.text(cleaned.body) for p in cleaned.paragraphs]


# --- furniture lines, by where they sit ------------------------------------

TAIL_FURNITURE = [  # lines that end the article: nothing after them is body
    ("Lượt người xem:  Views:   252", "counter"),
    ("Lượt xem: 2.096", "counter"),
    ("Thống kê truy cập", "counter"),
    ("• Đang online: 0", "counter"),
    ("• Đang truy cập1,606", "counter"),
    ("• Tháng hiện tại2,415,731", "counter"),
    ("ĐÁNH GIÁ", "rating"),
    ("Hãy trở thành người đầu tiên đánh giá cho bài viết này!", "rating"),
    ("Xếp hạng: 5 - 1 phiếu bầu", "rating"),
    ("Click để đánh giá bài viết", "rating"),
    ("Tin liên quan", "related"),
    ("Các tin tức khác:", "related"),
    ("BẠN CÓ THỂ QUAN TÂM", "related"),
    ("TIN MỚI", "related"),
    ("Xem thêm:", "related"),
    ("Manage PermissionsManage Permissions", "sharepoint"),
    ("Version HistoryVersion History", "sharepoint"),
    ("Approval Status", "sharepoint"),
    ("Content Type: Tin Tức Mở Rộng", "sharepoint"),
    ("• Trang:", "pagination"),
    ("231-240 of 2096<  ...  19  20  21  22  >", "pagination"),
    ("Return to top", "return_top"),
    ("Ý kiến bình luận", "comment"),
    ("Bình luận (2)", "comment"),
    ("Viết bình luận của bạn...", "comment"),
    ("Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập. Thời gian chờ: 60 giây", "login"),
    ("Hotline: (024) 3000 1111 | Email: toasoan@tintuc.local", "footer"),
    ("© 2021 Trang tin tổng hợp. Giấy phép số 123/GP-BTTTT.", "footer"),
    ("Bản quyền © 2021. Liên hệ: lienhe@tintucyte.local - Điện thoại: 0123 456 789", "footer"),
    ("Địa chỉ: 02 Trần Hưng Đạo, Phường 10, TP. Đà Lạt, tỉnh Lâm Đồng | ĐT: 0263 3822 000", "footer"),
    ("ĐƯỜNG DÂY NÓNG: 1900 9095 - 1900 3228", "footer"),
    ("0225.3821.055 -   0225.3747.352", "footer"),
    ("congthongtindientu@haiphong.gov.vn", "footer"),
    ("Cơ quan quản lý: Văn phòng Ủy ban nhân dân thành phố Hải Phòng", "footer"),
    ("Trưởng Ban biên tập: Chánh Văn phòng Trần Huy Kiên", "footer"),
    ("Tin, ảnh: L.Thọ", "byline"),
    ("Nguồn tin: Sao Khuê", "byline"),
    ("Tác giả bài viết: Ngô Văn Thật - Phòng Tham mưu", "byline"),
    ("Biên soạn: Trung Nam", "byline"),
    ("Nguồn: covid19.gov.vn", "source"),
    ("(Nguồn: Liên Châu - Thanh Niên Online)", "source"),
    ("Tags: covid-19, Cần Thơ, bệnh viện dã chiến", "tags"),
    ("Từ khóa: F0, cách ly tại nhà", "tags"),
    ("Tin cùng loại", "related"),
    ("Các tin đã đưa", "related"),
    ("Tin mới hơn", "related"),
    ("Related news", "related"),
    ("Ý kiến (0)", "comment"),
    ("Comments (0)", "comment"),
    ("Thăm dò ý kiến", "poll"),
    ("Bình chọn", "poll"),
    ("(Còn nữa)", "continued"),
    ("(Kỳ sau: Những người nạp oxy không ngủ)", "continued"),
]

HEAD_FURNITURE = [  # lines above the title
    ("Skip to main content", "menu"),
    ("Skip Ribbon Commands", "menu"),
    ("Trang chủ | Thời sự | Thế giới | Kinh doanh | Công nghệ", "menu"),
    ("Trang chủ | Diễn biến dịch | Chỉ đạo chống dịch | Bản tin COVID-19 | Vaccine - Tiêm chủng", "menu"),
    ("Đăng nhập | Đăng ký", "login"),
    ("Chào mừng quý vị đến với Cổng thông tin điện tử Đảng bộ tỉnh An Giang!", "banner"),
    ("Cỡ chữ: Font size: Giảm (A-) Mặc định (A) Tăng (A+)", "font_size"),
    ("Lượt xem: 3.517 | Bình luận (2)", "counter"),
    ("Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn.", "notice"),
    ("Hôm nay: Thứ Năm, 26/08/2021", "clock"),
]

INLINE_FURNITURE = [  # lines inside the article that are not body
    ("IMG_0875.JPG", "image_file"),
    ("PBDVTW-lamviec-ag-1.jpg", "image_file"),
    ("2021-02-04-08-27-18-329.jpg", "image_file"),
    ("image advertisement", "advert"),
    ("Quảng cáo", "advert"),
    ("Chia sẻ", "share"),
    ("Facebook", "share"),
    ("Trao đổi kinh nghiệm về chuyển đổi sốTrường đại học Kinh tế ký kết hợp tác với TMA SolutionsKhơi nguồn "
     "khởi nghiệp trẻĐổi mới nội dung và phương thức hoạt động", "related"),
    ("Bệnh viện Gia Lai mở cửa sau 2 ngày bị phong tỏa5 sân bay hoàn tất xét nghiệmLập bệnh viện dã chiến", "related"),
    ("Xem thêm: Hà Nội lập 22 chốt kiểm soát ra vào thành phố", "related_link"),
    (">> Đọc thêm: Bình Dương thêm 3.000 ca mắc mới", "related_link"),
    ("Đọc tiếp", "link"),
    ("Trở lại Sức khỏe", "link"),
    ("Print", "share"),
    ("Theo dõi chúng tôi trên Google News", "share"),
    ("Đăng ký nhận bản tin để không bỏ lỡ tin tức mới nhất", "newsletter"),
    ("Nghe bài viết", "audio"),
    ("00:00 / 02:45", "audio"),
    ("Giọng đọc: Nữ miền Bắc", "audio"),
    ("(*) Tên một số nhân vật trong bài đã được thay đổi.", "note"),
]


@pytest.mark.parametrize("line, kind", TAIL_FURNITURE + HEAD_FURNITURE + INLINE_FURNITURE)
def test_line_kind_of_furniture(line, kind):
    found = line_kind(line)
    assert found is not None and found[0] == kind
    assert found[1]  # a reason in plain words


@pytest.mark.parametrize("line, kind", TAIL_FURNITURE)
def test_tail_furniture_ends_the_body(line, kind):
    assert kind in BODY_ENDING_KINDS
    page = page_of(TITLE, DATE, P1, P2, line, TEASER)
    cleaned = clean_page(page)
    assert [p.text(cleaned.body) for p in cleaned.paragraphs] == [P1, P2]
    assert any(f.label == kind and line.strip() in f.text(page) for f in cleaned.furniture)


@pytest.mark.parametrize("line, kind", HEAD_FURNITURE)
def test_head_furniture_is_removed_and_title_found(line, kind):
    page = page_of(line, TITLE, DATE, P1, P2)
    cleaned = clean_page(page)
    assert [p.text(cleaned.body) for p in cleaned.paragraphs] == [P1, P2]
    assert cleaned.title is not None and cleaned.title.text(page) == TITLE
    assert any(f.label == kind for f in cleaned.furniture)


@pytest.mark.parametrize("line, kind", INLINE_FURNITURE)
def test_inline_furniture_is_removed_and_the_body_goes_on(line, kind):
    page = page_of(TITLE, DATE, P1, line, P2)
    cleaned = clean_page(page)
    assert [p.text(cleaned.body) for p in cleaned.paragraphs] == [P1, P2]
    assert any(f.label == kind and f.text(page) == line for f in cleaned.furniture)


# --- prose that must be kept -----------------------------------------------

PROSE_LINES = [
    "Bình luận về vấn đề này, ông Long cho biết ngành y tế sẽ tiếp tục theo dõi.",
    "Lượt truy cập vào cổng thông tin của tỉnh tăng mạnh trong đợt dịch.",
    "- Gọi ngay đến đường dây nóng thông báo thông tin: 19003228 và 19009095.",
    "Vì vậy đề nghị người liên quan liên hệ đường dây nóng của Sở Y tế Lâm Đồng (0918316355 – 0914971889).",
    "Xếp hạng cấp độ dịch của tỉnh đã được điều chỉnh xuống cấp 2.",
    "Giấy phép kinh doanh của cơ sở đã bị thu hồi sau khi phát hiện vi phạm.",
    "Chào mừng ngày Quốc khánh, tỉnh tổ chức tiêm vaccine cho 10.000 người.",
    "Ngày 12/4/2021, tỉnh ghi nhận thêm 5 ca mắc mới.",
    "Sáng 16/5/2022 có 5 ca mắc mới.",
    "Các chuyên gia khuyến cáo dùng YouTube, TikTok để tuyên truyền về SARS-CoV-2.",
    "Tin vui: Hà Nội không ghi nhận ca mắc mới trong cộng đồng.",
    "Trang thiết bị y tế đã được chuyển đến bệnh viện dã chiến.",
    "Đánh giá cao nỗ lực của tỉnh, Phó Thủ tướng đề nghị tiếp tục truy vết.",
    "Chia sẻ kinh nghiệm phòng dịch, Giám đốc Sở Y tế cho biết tỉnh đã lập 5 chốt.",
    "Địa chỉ: Trạm y tế phường 1, số 5 đường Lê Lợi, thành phố Thủ Dầu Một.",
    "Shipper và giấy đi đường quy định thế nào khi 19 quận, huyện được bán hàng ăn uống mang về?",
    "- Cách ly tập trung tại bệnh viện: 373",
    "Tình hình tiêm vaccine phòng COVID-19",
    "Theo đó, 19 quận, huyện, thị xã đáp ứng điều kiện gồm: Ba Đình, Ba Vì, Bắc Từ Liêm.",
    "Tổng biên tập báo Nhân Dân cho biết tờ báo sẽ mở chuyên mục về phòng dịch.",
    "Theo dõi sức khỏe hằng ngày, người dân cần đo nhiệt độ hai lần.",
    "Trở lại trạng thái bình thường mới, tỉnh mở lại các dịch vụ.",
    "Trở lại trường học",
    "Chi tiết kế hoạch tiêm chủng",
    "Hôm nay (16/9) Hà Nội thêm 5 ca mắc",
    "Nhận tin báo, lực lượng công an đã có mặt tại hiện trường.",
    "Xem thêm các hướng dẫn của Bộ Y tế tại cổng thông tin.",
    "Tin nóng về dịch bệnh được cập nhật liên tục trên trang.",
    "PV: Thưa ông, tỉnh đã chuẩn bị thuốc thế nào?",
    "Mới nhất, Bộ Y tế cho biết sẽ phân bổ thêm vaccine.",
    "Chủ đề: Chung tay đẩy lùi dịch bệnh",
    "2 giờ trước khi tiêm, người dân được khám sàng lọc.",
    "Thăm dò ý kiến người dân về việc mở lại chợ được tiến hành trong tháng 10.",
    "Còn nữa, người dân về từ vùng dịch phải khai báo y tế.",
    "Bình chọn của người dân cho thấy 80% ủng hộ tiêm vaccine cho trẻ.",
    "Nghe tin có ca mắc, người dân trong khu phố chủ động ở nhà.",
]


@pytest.mark.parametrize("line", PROSE_LINES)
def test_prose_line_is_not_furniture(line):
    assert line_kind(line) is None


@pytest.mark.parametrize("line", PROSE_LINES)
def test_prose_line_inside_the_body_is_kept(line):
    assert body_paragraphs(page_of(TITLE, DATE, P1, line, P2)) == [P1, line, P2]


# --- structure ---------------------------------------------------------------

def test_glued_headlines_removed_but_caption_after_them_kept():
    glued = "Trao đổi kinh nghiệm về chuyển đổi sốTrường đại học Kinh tế ký kết hợp tácKhơi nguồn khởi nghiệp trẻ"
    page = page_of(TITLE, DATE, P1, glued, "Lãnh đạo 2 tỉnh chụp ảnh lưu niệm sau buổi làm việc", P2)
    cleaned = clean_page(page)
    assert glued not in cleaned.body
    assert [(p.label, p.text(cleaned.body)) for p in cleaned.paragraphs] == [
        ("paragraph", P1), ("caption", "Lãnh đạo 2 tỉnh chụp ảnh lưu niệm sau buổi làm việc"), ("paragraph", P2)]


CAPTION_PAGES = [
    # (page, caption text)
    (page_of(TITLE, DATE, P1, "PBDVTW-lamviec-ag-1.jpg\nQuang cảnh buổi làm việc", P2), "Quang cảnh buổi làm việc"),
    (page_of(TITLE, DATE, P1, "IMG_0873.JPG",
             "Phó Chủ tịch UBND tỉnh Lê Văn Phước thông tin thêm với đoàn về công tác phòng, chống dịch của tỉnh", P2),
     "Phó Chủ tịch UBND tỉnh Lê Văn Phước thông tin thêm với đoàn về công tác phòng, chống dịch của tỉnh"),
    (page_of(TITLE, DATE, P1, "Nhân viên y tế lấy mẫu xét nghiệm tại quận Hoàng Mai. Ảnh: Giang Huy", P2),
     "Nhân viên y tế lấy mẫu xét nghiệm tại quận Hoàng Mai. Ảnh: Giang Huy"),
    (f"{TITLE}\n\n{P1}\n\n\nTrưởng Ban Tổ chức Thành ủy tặng quà cho Trường THPT Vĩnh Bảo\n\n\n{P2}",
     "Trưởng Ban Tổ chức Thành ủy tặng quà cho Trường THPT Vĩnh Bảo"),
    (f"{TITLE}\n{DATE}\n        {P1}\nĐồng chí Lê Hồng Nam chia sẻ kinh nghiệm phòng, chống dịch\n       {P2}",
     "Đồng chí Lê Hồng Nam chia sẻ kinh nghiệm phòng, chống dịch"),
    (page_of(TITLE, "cho-xuan-khanh.jpg", "Lực lượng chức năng dựng rào chắn tại chợ Xuân Khánh", P1, P2),
     "Lực lượng chức năng dựng rào chắn tại chợ Xuân Khánh"),
]


@pytest.mark.parametrize("page, caption", CAPTION_PAGES)
def test_captions_stay_in_the_body_labelled(page, caption):
    cleaned = clean_page(page)
    labelled = {p.text(cleaned.body): p.label for p in cleaned.paragraphs}
    assert labelled.get(caption) == "caption"
    assert labelled.get(P1) == labelled.get(P2) == "paragraph"


@pytest.mark.parametrize(
    "line",
    ["Tình hình tiêm vaccine phòng COVID-19", "- Cách ly tập trung tại bệnh viện: 373",
     "Tình hình dịch COVID-19 tại Việt Nam:", "Shipper được hoạt động thế nào khi 19 quận được mở lại?"],
)
def test_subheadings_and_list_items_are_not_captions(line):
    cleaned = clean_page(page_of(TITLE, DATE, P1, line, P2))
    assert [p.label for p in cleaned.paragraphs] == ["paragraph"] * 3


def test_hard_wrapped_caption_is_joined():
    page = (f"{TITLE}\n{DATE}\n        {P1}\n       {P2}\nĐoàn công tác thành phố tặng quà hỗ trợ phục vụ\n"
            "công tác phòng, chống dịch cho Công an tỉnh\nNhân dịp này, đoàn tặng quà cho Công an tỉnh Hậu Giang./.")
    cleaned = clean_page(page)
    texts = [p.text(cleaned.body) for p in cleaned.paragraphs]
    assert "Đoàn công tác thành phố tặng quà hỗ trợ phục vụ công tác phòng, chống dịch cho Công an tỉnh" in texts
    assert texts[-1].endswith("Hậu Giang./.")


def test_alt_text_repeating_the_title_is_removed():
    page = page_of(TITLE, P1, f"{TITLE} - 1", P2, f"{TITLE} - 2", TEASER)
    cleaned = clean_page(page)
    assert body_paragraphs(page) == [P1, P2, TEASER]
    assert [f.label for f in cleaned.furniture].count("image_alt") == 2


def test_bare_name_after_the_body_is_a_byline_not_body():
    cleaned = clean_page(page_of(TITLE, DATE, P1, P2, "THU THẢO", "Lượt người xem:  Views:   252"))
    assert cleaned.body.endswith(P2)
    assert [b.data["form"] for b in cleaned.bylines] == ["name"]


def test_notice_above_the_head_does_not_start_the_body():
    notice = "Bạn đang xem phiên bản thử nghiệm của trang tin điện tử tỉnh."
    page = page_of(notice, "Thời sự", DATE, TITLE, P1, P2)
    cleaned = clean_page(page)
    assert body_paragraphs(page) == [P1, P2]
    assert cleaned.title.text(page) == TITLE


def test_title_hint_anchors_the_head():
    kicker = "Cập nhật tình hình dịch bệnh trong ngày"
    page = page_of(kicker, TITLE, P1, P2)
    assert clean_page(page, title=TITLE).title.text(page) == TITLE
    assert build_article(page, article_id="a", file="a.txt", hints={"title": TITLE}).metadata.title == TITLE
    article = build_article(page, article_id="a", file="a.txt", hints={"title": "Tin tức | Báo X", "h1": TITLE})
    assert article.metadata.title == TITLE and article.body == f"{P1}\n\n{P2}"


def test_related_block_after_the_body_is_one_span():
    page = page_of(TITLE, DATE, P1, "Tin liên quan", "• Hà Nội đề nghị người dân hạn chế di chuyển", f"• {TEASER}")
    cleaned = clean_page(page)
    related = [f for f in cleaned.furniture if f.label == "related"]
    assert len(related) == 1 and related[0].text(page).endswith(TEASER)


def test_short_article_wins_over_longer_related_teasers():
    teasers = [f"{TEASER} Các địa phương tiếp tục truy vết các trường hợp liên quan." for _ in range(6)]
    page = page_of(TITLE, DATE, P1, "BẠN CÓ THỂ QUAN TÂM", *teasers)
    assert body_paragraphs(page) == [P1]


WRAPPED_PAGE = (
    "Bắc Ninh yêu cầu doanh nghiệp lập phương án sản xuất an toàn\n"
    "Thứ Ba, 24/08/2021 - 16:02\n\n"
    "UBND tỉnh Bắc Ninh vừa yêu cầu các doanh nghiệp trong khu công nghiệp\n"
    "lập phương án sản xuất an toàn, bảo đảm vừa phòng dịch vừa duy trì hoạt\n"
    "động sản xuất, kinh doanh.\n\n"
    "Theo yêu cầu, mỗi doanh nghiệp phải bố trí khu cách ly tạm thời, tổ chức\n"
    "xét nghiệm định kỳ cho người lao động và hạn chế việc di chuyển giữa các\n"
    "phân xưởng. Công ty Samsung Display và các doanh nghiệp lớn đã lập tổ an\n"
    "toàn COVID-19 ở từng nhà xưởng."
)


def test_hard_wrapped_paragraphs_are_joined_back():
    cleaned = clean_page(WRAPPED_PAGE)
    texts = [p.text(cleaned.body) for p in cleaned.paragraphs]
    assert len(texts) == 2
    assert texts[0].startswith("UBND tỉnh Bắc Ninh") and texts[0].endswith("sản xuất, kinh doanh.")
    assert "giữa các phân xưởng. Công ty Samsung Display" in texts[1]
    assert cleaned.title.text(WRAPPED_PAGE) == "Bắc Ninh yêu cầu doanh nghiệp lập phương án sản xuất an toàn"


def test_lines_of_an_unwrapped_page_are_not_joined():
    headlines = ["Kiên Giang lập bệnh viện dã chiến ở đảo Phú Quốc", "An Giang hỗ trợ người dân trong vùng phong tỏa",
                 "Cà Mau xét nghiệm toàn bộ tiểu thương chợ Phường 7"]
    page = "\n".join(["Tin mới", *headlines, TITLE, DATE, P1, P2])
    cleaned = clean_page(page)
    assert cleaned.title.text(page) == TITLE
    assert [p.text(cleaned.body) for p in cleaned.paragraphs] == [P1, P2]


def test_interview_questions_stay_in_the_body():
    question = "PV: Thưa ông, tỉnh đã chuẩn bị thuốc thế nào?"
    answer = "Ông Lê Văn Hùng: Chúng tôi đã cấp túi thuốc cho tất cả trạm y tế xã, mỗi túi dùng trong 7 ngày."
    assert body_paragraphs(page_of(TITLE, DATE, P1, question, answer)) == [P1, question, answer]


def test_sentence_title_right_above_the_date_line():
    title = "Krông Pắc tạm dừng các hoạt động tập trung đông người."
    page = page_of("Tin tức", title, "Ngày đăng: 03/09/2021", P1, P2)
    cleaned = clean_page(page)
    assert cleaned.title.text(page) == title
    assert body_paragraphs(page) == [P1, P2]


def test_site_clock_far_above_the_title_is_not_the_date():
    page = page_of("Thứ Năm, 26/08/2021", "SỞ Y TẾ TỈNH QUẢNG TRỊ", "Giới thiệu | Tin tức | Văn bản | Hỏi đáp",
                   "Tin tức", TITLE, "Ngày đăng: 16/09/2021 09:40", P1, P2)
    assert build_article(page, article_id="a", file="a.txt").metadata.published == "2021-09-16T09:40"


def test_list_with_its_intro_line_ends_the_body():
    items = ["+ Số bệnh nhân đang điều trị: 4.120", "+ Số ca tử vong cộng dồn: 96"]
    page = page_of(TITLE, DATE, P1, "Tình hình điều trị:", *items, "Tin liên quan", "• Tin khác")
    assert body_paragraphs(page) == [P1, "Tình hình điều trị:", *items]


@pytest.mark.parametrize(
    "byline, form",
    [("Lê Nga", "name"), ("Vân Anh/VOV-Tây Nguyên", "name"), ("Nguyễn Hà - Minh Anh", "name"),
     ("Hồng Nhung (tổng hợp)", "name"), ("Nhóm PV", "name"), ("Tin, ảnh: Thanh Tùng", "prefix")],
)
def test_byline_forms_after_the_body(byline, form):
    page = page_of(TITLE, DATE, P1, P2, byline, "Tin liên quan", f"• {TEASER}")
    cleaned = clean_page(page)
    assert cleaned.body.endswith(P2)
    assert [(b.text(page), b.data["form"]) for b in cleaned.bylines] == [(byline, form)]


def test_name_beside_the_date_below_the_title_is_a_byline():
    page = page_of(TITLE, "Hải Phong", "22/08/2021 10:42 GMT+7", P1, P2)
    cleaned = clean_page(page)
    assert [(b.text(page), b.data["form"]) for b in cleaned.bylines] == [("Hải Phong", "name")]
    assert build_article(page, article_id="a", file="a.txt").metadata.author == "Hải Phong"


@pytest.mark.parametrize("label", ["Thời sự", "Hà Nội", "Sức khỏe"])
def test_section_label_beside_the_date_is_not_a_byline(label):
    page = page_of(TITLE, label, "22/08/2021 10:42 GMT+7", P1, P2)
    assert clean_page(page).bylines == []


def test_date_line_below_the_body_is_read():
    page = page_of(TITLE, P1, P2, "Cập nhật: 16/09/2021 08:00", "Tin liên quan", "• Tin khác 10/09/2021")
    cleaned = clean_page(page)
    assert [d.text(page) for d in cleaned.datelines] == ["Cập nhật: 16/09/2021 08:00"]
    assert body_paragraphs(page) == [P1, P2]


def test_page_without_body_still_has_title_and_date():
    page = page_of("Trang chủ | Thời sự | Thế giới | Kinh doanh", TITLE, DATE, "Tin liên quan", "• Tin khác")
    article = build_article(page, article_id="x", file="x.txt")
    assert article.status == "no_body"
    assert (article.metadata.title, article.metadata.published) == (TITLE, "2021-09-16T12:30")


@pytest.mark.parametrize(
    "lead, tag",
    [
        (f"TTH.VN - {P1}", "TTH.VN"),
        (f"(TUAG)- {P1}", "TUAG"),
        (f"(Haiphong.gov.vn) - {P1}", "Haiphong.gov.vn"),
        (f"SKĐS - {P1}", "SKĐS"),
    ],
)
def test_site_tag_stays_in_body_and_is_recorded(lead, tag):
    cleaned = clean_page(page_of(TITLE, DATE, lead, P2))
    assert cleaned.body.startswith(lead) and cleaned.site == tag
    assert cleaned.body[cleaned.site_span.start : cleaned.site_span.end].startswith(lead[: len(tag) - 1])


def test_site_tag_after_a_lead_photo_caption():
    page = page_of(TITLE, "anh-1.jpg", "Quang cảnh buổi làm việc", f"(TUAG)- {P1}", P2)
    cleaned = clean_page(page)
    assert cleaned.site == "TUAG"
    assert cleaned.body[cleaned.site_span.start : cleaned.site_span.end] == "(TUAG)- "


@pytest.mark.parametrize("lead", [f"Hà Nội - {P1}", f"TP.HCM - {P1}", "COVID-19: các biện pháp phòng dịch", "F0: có 5 ca"])
def test_no_site_tag(lead):
    assert split_site_tag(lead) == (None, 0)


@pytest.mark.parametrize(
    "page",
    ["", "\n\n\n", "Trang chủ | Thời sự | Thế giới | Kinh doanh", "Tin liên quan\n\nLượt xem: 2.096",
     "IMG_0875.JPG\nimage advertisement", "Hà Nội\nĐà Nẵng\nHuế"],
)
def test_pages_without_article_prose(page):
    article = build_article(page, article_id="x", file="x.txt")
    assert (article.status, article.body, article.paragraphs) == ("no_body", "", [])
    assert article.note


# --- properties ----------------------------------------------------------------

VIETNAMESE_ISH = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "AĂÂĐÊÔƠƯÀÁẢÃẠẾỐ0123456789 .,:;!?-|/()“”•@\n\t\u0301\u00a0"
)
LINE_POOL = [TITLE, DATE, P1, P2, TEASER] + [line for line, _ in TAIL_FURNITURE + HEAD_FURNITURE + INLINE_FURNITURE] \
    + PROSE_LINES + [c for _, c in CAPTION_PAGES] + ["THU THẢO", "", "   ", "TTH.VN - " + P1]

page_text = st.one_of(
    st.text(alphabet=VIETNAMESE_ISH, max_size=600),
    st.text(max_size=300),
    st.lists(st.sampled_from(LINE_POOL), max_size=25).map("\n".join),
    st.lists(st.one_of(st.sampled_from(LINE_POOL), st.text(alphabet=VIETNAMESE_ISH, max_size=80)), max_size=15)
    .map("\n\n".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_text)
def test_build_article_never_raises_and_spans_fit(page):
    article = build_article(page, article_id="p", file="p.txt")
    assert article.status in {"ok", "no_body"}, article.note
    body = article.body
    for para in article.paragraphs:
        assert 0 <= para.start < para.end <= len(body)
        text = body[para.start : para.end]
        assert text and text == text.strip()
        assert para.label in {"paragraph", "caption"}
    assert body == "\n\n".join(body[p.start : p.end] for p in article.paragraphs)
    for sent in article.sentences:
        para = article.paragraphs[sent.data["paragraph"]]
        assert para.start <= sent.start <= sent.end <= para.end
    for span in article.furniture:
        assert 0 <= span.start < span.end <= len(article.page) and span.data.get("reason")
    if article.status == "ok":
        assert article.paragraphs and article.sentences


# --- layouts written for round 4: relative times, lead captions, side lists ---------

RELATIVE_TIME_LINES = ["2 giờ trước", "15 phút trước", "Đức Toàn · 2 giờ trước", "Minh Khang | 3 ngày trước",
                       "3 hours ago"]


@pytest.mark.parametrize("line", RELATIVE_TIME_LINES)
def test_relative_time_line_is_a_date_line(line):
    assert line_kind(line) == ("dateline", "time relative to when the page was saved")


def test_name_beside_a_relative_time_is_not_the_title():
    page = page_of("Sức khỏe", TITLE, "Đức Toàn · 2 giờ trước", DATE, P1, P2)
    article = build_article(page, article_id="x", file="x.txt")
    assert (article.metadata.title, article.metadata.author) == (TITLE, "Đức Toàn")
    assert article.metadata.published == "2021-09-16T12:30"


def test_credited_caption_above_the_lead_does_not_start_the_body():
    caption = "Nhân viên y tế lấy mẫu xét nghiệm cho người dân phường Vĩnh Ninh, TP Huế (Ảnh: Minh Quân)"
    page = page_of(TITLE, DATE, caption, P1, P2)
    cleaned = clean_page(page)
    assert [p.text(cleaned.body) for p in cleaned.paragraphs] == [P1, P2]
    assert any(f.label == "caption" and f.text(page) == caption for f in cleaned.furniture)


def test_side_lists_with_teasers_above_the_article_are_not_the_body():
    page = page_of("Tin nổi bật", "Bình Dương gỡ phong tỏa 3 khu nhà trọ ở Thuận An", TEASER,
                   "Đọc nhiều", "1. Tây Ninh đón 500 công dân từ Campuchia về nước", TITLE, DATE, P1, P2,
                   "Tin liên quan", "Long An cho phép người dân đi lại giữa các huyện")
    cleaned = clean_page(page)
    assert [p.text(cleaned.body) for p in cleaned.paragraphs] == [P1, P2]
    assert cleaned.title is not None and cleaned.title.text(page) == TITLE


@pytest.mark.parametrize("marker", ["(Còn nữa)", "(*) Tên nhân vật đã được thay đổi."])
def test_byline_after_a_series_or_note_line_is_found(marker):
    page = page_of(TITLE, DATE, P1, P2, marker, "Lâm Phương", "Kỳ 2: Những người nạp oxy không ngủ")
    article = build_article(page, article_id="x", file="x.txt")
    assert [p.text(article.body) for p in article.paragraphs] == [P1, P2]
    assert article.metadata.author == "Lâm Phương"


def test_poll_box_ends_the_body_and_the_byline_above_it_is_read():
    page = page_of(TITLE, DATE, P1, P2, "Hoài Nam", "Thăm dò ý kiến",
                   "Bạn có đồng ý cho con đi học trực tiếp từ tháng 11?", "Đồng ý", "Không đồng ý", "Biểu quyết")
    article = build_article(page, article_id="x", file="x.txt")
    assert [p.text(article.body) for p in article.paragraphs] == [P1, P2]
    assert article.metadata.author == "Hoài Nam"


def test_relative_times_in_a_side_list_do_not_pick_the_title():
    page = page_of("Tin mới", "Bình Dương gỡ phong tỏa 3 khu nhà trọ ở Thuận An", "3 giờ trước",
                   "Long An cho phép người dân đi lại giữa các huyện", "5 giờ trước", TITLE, DATE, P1, P2)
    cleaned = clean_page(page)
    assert cleaned.title is not None and cleaned.title.text(page) == TITLE
    assert [p.text(cleaned.body) for p in cleaned.paragraphs] == [P1, P2]

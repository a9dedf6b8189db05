"""The marker phrases of page furniture, as data: which line kinds exist and how each is recognised.

Each entry of :data:`LINE_MARKERS` is (kind, reason in plain words, pattern matched
against the whole stripped line, case-insensitively). Patterns are anchored so prose
that merely mentions "bình luận" or "lượt xem" is never removed, and a line that is a
full sentence is only taken as furniture by the kinds in :data:`SENTENCE_KINDS`. The
rules that use them live in :mod:`covidlib.text.line_kinds` and :mod:`covidlib.text.clean`.
"""
from __future__ import annotations

__all__ = ["LINE_MARKERS", "SENTENCE_KINDS", "BODY_ENDING_KINDS", "AFTER_ARTICLE_KINDS", "BLOCK_KINDS"]

LINE_MARKERS: tuple[tuple[str, str, str], ...] = (
    ("menu", "skip link",
     r"skip (?:to main content|ribbon commands|navigation)|bỏ qua (?:nội dung|menu)|chuyển đến nội dung chính"),
    ("menu", "home link", r"trang chủ(?:\s*[|>»›/].*)?"),
    ("menu", "site link list",
     r"liên kết website|văn bản (?:mới|pháp luật)|lịch tiếp công dân|dịch vụ công trực tuyến|hộp thư góp ý"
     r"|sơ đồ (?:trang|site)"),
    ("font_size", "font-size widget", r".*(?:cỡ chữ|font size|\(A[-+]\)).*"),
    ("login", "login box",
     r"(?:đăng nhập|đăng ký|đăng xuất|quên mật khẩu)(?:\s*[|/]\s*(?:đăng nhập|đăng ký|đăng xuất))*"),
    ("login", "session notice", r".*(?:duy trì trạng thái đăng nhập|bạn đã không sử dụng site).*"),
    ("comment", "comment box",
     r"ý kiến bình luận|ý kiến bạn đọc|bình luận(?:\s*\(\d+\).*)?|gửi bình luận|gửi ý kiến|viết bình luận.*"
     r"|bình luận của bạn.*|ý kiến(?: của bạn)?\s*(?:\(\d+\))?|comments?(?:\s*\(\d+\))?"),
    ("rating", "rating prompt",
     r"đánh giá|đánh giá bài viết|xếp hạng\s*:.*|hãy trở thành người đầu tiên đánh giá.*|click để đánh giá.*"
     r"|bấm để đánh giá.*|tổng số điểm của bài viết.*|bình chọn\s*:.*"),
    ("counter", "view or visitor counter",
     r"(?:lượt (?:người )?xem|số lượt (?:người )?(?:xem|đọc|truy cập)|lượt truy cập|views?\s*:|thống kê truy cập"
     r"|đang online|đang truy cập|tổng (?:số )?lượt truy cập|tổng truy cập|máy chủ tìm kiếm|khách viếng thăm"
     r"|tháng hiện tại|năm hiện tại|truy cập hiện tại|lượt đọc)(?![^\W\d_]).*"
     r"|(?:hôm nay|hôm qua|trong tuần|tuần này|tháng này|tất cả)\s*:?\s*[\d.,]+"),
    ("related", "related-news header",
     r"(?:tin liên quan|các tin (?:tức )?khác|tin (?:bài )?khác|bài viết liên quan|bài liên quan|tin cùng chuyên mục"
     r"|tin mới(?: nhất| cập nhật)?|bạn có thể quan tâm|có thể bạn quan tâm|xem thêm|đọc thêm"
     r"|tin (?:đọc|xem) nhiều(?: nhất)?|các bài viết khác|tin tiêu điểm|tin nổi bật|bài viết khác"
     r"|(?:các )?tin (?:tức |bài )?(?:cùng loại|đã đưa|mới hơn|cũ hơn|trước|tiếp theo)|tin tức khác|tin bài liên quan"
     r"|(?:các )?(?:bài viết |tin bài |bài |tin )?cùng (?:chuyên mục|danh mục|chủ đề)|(?:đọc|xem) nhiều(?: nhất)?|tin nóng|tiêu điểm|nổi bật|mới nhất|tin mới đăng"
     r"|related (?:news|articles|posts|stories)|other news|more news|latest news|most read)\s*:?"),
    ("related_link", "related-news link inside the article",
     r"(?:[>»›]+\s*)?(?:xem thêm|đọc thêm|mời (?:bạn )?(?:đọc|xem)(?: thêm)?|tin liên quan|bài liên quan|xem tiếp)"
     r"\s*(?::|[>»›]+)\s*\S.*"),
    ("tags", "tag list", r"(?:tags?|từ khóa|từ khoá|keywords?)\s*:.*"),
    ("related", "document list widget", r"số\s*/\s*ký hiệu\s*:.*"),
    ("sharepoint", "SharePoint field list", r"(?:manage permissions|version history|approval status|content type\s*:).*"),
    ("pagination", "page navigation",
     r"trang\s*:?(?:\s*[\d<>.…|«»-]+)*|\d+\s*-\s*\d+\s+(?:of|trên|/)\s+\d+.*"
     r"|[<«‹]?\s*(?:trang trước|trang sau|trang tiếp|previous|next)\s*[>»›]?"
     r"|(?:[<«‹]\s*)?(?:trang trước|trang đầu|previous)\s*[>»›]?(?:\s*\|?\s*(?:[\d.…]+|trang sau|trang tiếp|trang cuối|next)"
     r"\s*[>»›]?)+"),
    ("return_top", "back-to-top link",
     r"(?:return to top|back to top|về đầu trang|lên đầu trang|trở về đầu trang|top)\s*\^?"),
    ("share", "share buttons",
     r"(?:chia sẻ|share|tweet|in bài(?: viết)?|bản in|gửi (?:bài|email|bài viết)|lưu bài|facebook|zalo|twitter"
     r"|copy link|sao chép liên kết|print|email|e-mail|in trang|lưu tin|thích|like)"
     r"(?:\s*[|/,]\s*(?:facebook|zalo|twitter|email|in|share|chia sẻ|print))*\s*:?"
     r"|theo dõi (?:chúng tôi|báo|trang|kênh|\S+ trên).{0,60}"
     r"(?:google news|facebook|zalo|youtube|tiktok|mạng xã hội|fanpage).*"),
    ("link", "link label",
     r"(?:đọc tiếp|xem tiếp|xem chi tiết|chi tiết|tải về|tải xuống|download|về trang trước|về trang chủ)\s*[>»›.…]*"
     r"|(?:quay lại|quay về|trở về|trở lại)(?:\s+\S+){0,2}|(?:tôi )?đồng ý|chấp nhận|accept(?: all)?|ok|đóng"),
    ("newsletter", "newsletter or app prompt",
     r"(?:đăng ký\s+)?nhận\s+(?:bản tin|tin(?: tức)?(?: mới(?: nhất)?)?\s+qua\s+(?:e-?mail|zalo|ứng dụng)).*"
     r"|đăng ký\s+(?:nhận\s+)?bản tin.*|tải ứng dụng.*"),
    ("advert", "advertisement slot", r"(?:image )?advertisement|quảng cáo|ads?"),
    ("audio", "audio player",
     r"(?:nghe (?:bài viết|bài báo|đọc bài|audio|tin)|bấm để nghe|listen(?: to (?:this )?article)?)\s*:?"
     r"|\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}|(?:giọng đọc|tốc độ đọc)\s*:.*|giọng (?:nam|nữ)(?: miền (?:bắc|trung|nam))?"),
    ("poll", "poll or survey box",
     r"(?:thăm dò|khảo sát|bình chọn|biểu quyết|kết quả bình chọn|xem kết quả|gửi bình chọn)"
     r"(?: ý kiến| bạn đọc| nhanh)?\s*:?|bạn nghĩ sao\s*\??"),
    ("continued", "series part note",
     r"\(\s*(?:(?:còn nữa|còn tiếp|hết)\s*\.*|(?:kỳ sau|kì sau|đón đọc kỳ (?:sau|tới))\b[^()]*)\)\.?"
     r"|(?:còn nữa|còn tiếp)\s*\.*"),
    ("note", "note below the article", r"\(\*+\)\s*\S.*"),
    ("image_file", "image file name", r"[\w.\-()% ]{1,120}\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg)"),
    ("footer", "site footer",
     r"(?:©|\(c\)\s|bản quyền|copyright|giấy phép|cơ quan chủ quản|cơ quan quản lý|cơ quan chủ trì"
     r"|chịu trách nhiệm (?:nội dung|xuất bản)|(?:phó )?tổng biên tập|trưởng ban biên tập|ban biên tập\s*:"
     r"|ghi rõ nguồn|liên hệ quảng cáo|liên hệ\s*:?$|website\s*:).*"),
    ("banner", "welcome banner", r"(?:chào mừng|welcome)\b.*"),
    ("notice", "cookie or browser notice", r".*\b(?:cookies?|trình duyệt của bạn|javascript)\b.*"),
)
#: Kinds whose marker wins even over a full sentence ("© 2021 ... Giấy phép số 123/GP-BTTTT.").
SENTENCE_KINDS = frozenset({"footer", "notice", "login", "image_file", "related_link", "note"})
#: Kinds of lines that only ever come after an article: the body never runs past one.
BODY_ENDING_KINDS = frozenset(
    {"related", "rating", "comment", "login", "sharepoint", "pagination", "footer", "return_top", "byline", "source",
     "counter", "tags", "poll", "continued"}
)
#: Kinds that mark the end of an article: prose after them is someone else's (teasers, comments).
AFTER_ARTICLE_KINDS = BODY_ENDING_KINDS - {"counter", "login"}
#: Kinds of tail lines whose block goes on over the unmarked lines after them.
BLOCK_KINDS = frozenset({"related", "footer", "sharepoint", "pagination", "counter", "comment", "poll"})

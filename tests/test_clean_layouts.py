"""The cleaner and metadata reader on page layouts written for these tests, not the seeds or dev pages.

Each layout imitates a kind of page users bring (national papers, provincial portals,
the loader's own HTML-to-text output) with its own menus, date line, byline and tail;
the expected title, publish date, author and body bounds are what a careful reader
would write down. The articles are short and written for this file.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

import pytest

from covidlib.text.article import build_article
from covidlib.text.clean import split_site_tag
from covidlib.quality.evaluate import name_key
from covidlib.io import iter_pages
from covidlib.normalize import normalize_page


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


def lines(*items: str) -> str:
    """A page as a browser copy gives it: one line per block."""
    return "\n".join(items)


def wrapped(*items: str, width: int = 72) -> str:
    """A page as a text-mode browser dumps it: lines wrapped at ``width``, blocks separated by a blank line."""
    return "\n\n".join("\n".join(line for part in item.split("\n") for line in textwrap.wrap(part, width))
                       for item in items)


def blocks(*items: str) -> str:
    """A page as the loader's HTML-to-text gives it: blocks separated by a blank line."""
    return "\n\n".join(items)


LAYOUTS = [
    Layout(
        "national_date_above_title_bare_author",
        blocks(
            "Thời sự", "Sức khỏe",
            "Thứ bảy, 18/9/2021, 07:30 (GMT+7)",
            "TP HCM mở lại 120 chợ truyền thống sau giãn cách",
            "Sau gần ba tháng tạm đóng cửa, 120 chợ truyền thống ở TP HCM được hoạt động trở lại từ sáng nay "
            "với điều kiện tiểu thương đã tiêm đủ hai mũi vaccine.",
            "Theo Sở Công Thương, mỗi chợ phải bố trí lối vào riêng, kiểm tra thẻ xanh COVID của người bán "
            "và giới hạn số người mua cùng lúc.",
            "Người dân mua hàng tại chợ Bà Chiểu, quận Bình Thạnh, sáng 18/9. Ảnh: Quỳnh Trần",
            "Tại chợ Bà Chiểu, ban quản lý kẻ vạch trên lối đi, mỗi sạp chỉ đón tối đa hai khách. Tiểu thương "
            "được xét nghiệm nhanh bảy ngày một lần, chi phí do ngân sách thành phố chi trả.",
            "Ông Nguyễn Văn Bình, trưởng ban quản lý chợ, cho biết hơn 80% sạp đã mở cửa ngay trong ngày đầu.",
            "Lê Nga",
            "Trở lại Sức khỏe",
            "Chia sẻ",
            "Xem thêm",
            "Hà Nội cho phép bán hàng ăn uống tại chỗ từ 21/9",
            "Đồng Nai ghi nhận thêm hơn 300 ca mắc mới trong ngày",
        ),
        "TP HCM mở lại 120 chợ truyền thống sau giãn cách", "2021-09-18T07:30", "Lê Nga",
        "Sau gần ba tháng tạm đóng cửa, 120 chợ truyền thống ở TP HCM được hoạt động trở lại",
        "cho biết hơn 80% sạp đã mở cửa ngay trong ngày đầu.",
    ),
    Layout(
        "national_site_tag_caps_author_tags_and_comments",
        lines(
            "Tuổi Trẻ Online",
            "Thời sự | Thế giới | Pháp luật | Kinh doanh | Công nghệ | Sức khỏe",
            "Sức khỏe",
            "Cần Thơ lập thêm 3 bệnh viện dã chiến điều trị F0",
            "19/08/2021 07:15 GMT+7",
            "TTO - Trước số ca mắc tăng nhanh, UBND TP Cần Thơ quyết định lập thêm 3 bệnh viện dã chiến với tổng "
            "quy mô 1.500 giường.",
            "Ba bệnh viện được đặt tại ký túc xá Trường đại học Cần Thơ, trung tâm hội nghị thành phố và nhà thi "
            "đấu quận Cái Răng. Mỗi nơi do một bệnh viện tuyến thành phố phụ trách chuyên môn.",
            "Lực lượng y tế chuẩn bị giường bệnh tại ký túc xá - Ảnh: CHÍ QUỐC",
            "Theo Sở Y tế Cần Thơ, thành phố đang điều trị hơn 2.400 bệnh nhân COVID-19, trong đó 96 ca phải thở oxy.",
            "Sở cũng đề nghị các quận, huyện rà soát nhân lực y tế tư nhân để bổ sung cho các bệnh viện dã chiến mới.",
            "HOÀI THƯƠNG",
            "Tags: covid-19, Cần Thơ, bệnh viện dã chiến",
            "TIN LIÊN QUAN",
            "Sóc Trăng tiếp nhận 20 tấn hàng hỗ trợ người dân vùng dịch",
            "Bình luận (0)",
        ),
        "Cần Thơ lập thêm 3 bệnh viện dã chiến điều trị F0", "2021-08-19T07:15", "Hoài Thương",
        "TTO - Trước số ca mắc tăng nhanh, UBND TP Cần Thơ quyết định",
        "để bổ sung cho các bệnh viện dã chiến mới.",
    ),
    Layout(
        "national_author_name_above_date_share_buttons",
        lines(
            "Thanh Niên",
            "Thời sự",
            "Quảng Ngãi cách ly y tế toàn bộ thị trấn Châu Ổ",
            "Hải Phong",
            "22/08/2021 10:42 GMT+7",
            "Từ 12 giờ trưa nay, thị trấn Châu Ổ (H.Bình Sơn, Quảng Ngãi) bị cách ly y tế sau khi ghi nhận "
            "chuỗi lây nhiễm 17 ca mắc COVID-19 trong cộng đồng.",
            "Theo UBND H.Bình Sơn, lực lượng chức năng đã lập 9 chốt kiểm soát ở các đường vào thị trấn. "
            "Người dân chỉ được ra ngoài khi mua lương thực, thực phẩm hoặc đi khám chữa bệnh.",
            "Ngành y tế huyện đã lấy hơn 11.000 mẫu xét nghiệm và dự kiến xét nghiệm xong toàn bộ người dân "
            "trong 2 ngày tới.",
            "Chia sẻ",
            "Facebook",
            "Zalo",
            "Bình luận (0)",
            "Gửi bình luận",
            "Đọc nhiều",
            "Bình Định phát hiện 5 ca mắc tại chợ đầu mối",
        ),
        "Quảng Ngãi cách ly y tế toàn bộ thị trấn Châu Ổ", "2021-08-22T10:42", "Hải Phong",
        "Từ 12 giờ trưa nay, thị trấn Châu Ổ", "xét nghiệm xong toàn bộ người dân trong 2 ngày tới.",
    ),
    Layout(
        "national_paren_site_tag_breadcrumb_topic_and_read_on",
        blocks(
            "Sức khỏe » Tin tức",
            "Hà Nam chi 30 tỷ đồng mua máy xét nghiệm RT-PCR",
            "Thứ sáu, 20/08/2021 - 15:42",
            "Chia sẻ", "Facebook", "Zalo",
            "(Dân trí) - UBND tỉnh Hà Nam vừa duyệt 30 tỷ đồng để mua 4 hệ thống máy xét nghiệm RT-PCR cho "
            "Trung tâm Kiểm soát bệnh tật tỉnh và các bệnh viện tuyến huyện.",
            "Khi đưa vào sử dụng, công suất xét nghiệm của tỉnh dự kiến tăng từ 2.000 lên 6.000 mẫu mỗi ngày.",
            "Ông Trương Quốc Hùng, Giám đốc Sở Y tế Hà Nam, cho biết tỉnh sẽ ưu tiên xét nghiệm cho công nhân "
            "các khu công nghiệp và người về từ vùng dịch.",
            "Hoàng Lê",
            "Chủ đề: Chống dịch COVID-19",
            "Đọc tiếp",
            "Nhận tin mới nhất qua email",
            "Tin liên quan",
            "Ninh Bình dừng tổ chức đám cưới trên toàn tỉnh",
        ),
        "Hà Nam chi 30 tỷ đồng mua máy xét nghiệm RT-PCR", "2021-08-20T15:42", "Hoàng Lê",
        "(Dân trí) - UBND tỉnh Hà Nam vừa duyệt 30 tỷ đồng",
        "cho công nhân các khu công nghiệp và người về từ vùng dịch.",
    ),
    Layout(
        "agency_source_in_parentheses_at_the_end",
        lines(
            "Xã hội",
            "Y tế",
            "Bình Dương tiêm vaccine lưu động cho người cao tuổi",
            "20/08/2021 09:15 GMT+7",
            "Tỉnh Bình Dương bắt đầu tiêm vaccine phòng COVID-19 tại nhà cho người từ 65 tuổi trở lên và người "
            "có bệnh nền không thể đến điểm tiêm.",
            "Mỗi đội tiêm lưu động gồm một bác sỹ, hai điều dưỡng và một cán bộ phường, mang theo đủ thuốc cấp "
            "cứu phản vệ.",
            "Ngay trong buổi sáng đầu tiên, các đội đã tiêm cho 1.350 người tại thành phố Thủ Dầu Một.",
            "(TTXVN/Vietnam+)",
            "Tags: COVID-19 Bình Dương tiêm vaccine",
            "Chia sẻ:",
            "Tin cùng chuyên mục",
            "Long An lập thêm hai trạm y tế lưu động",
        ),
        "Bình Dương tiêm vaccine lưu động cho người cao tuổi", "2021-08-20T09:15", None,
        "Tỉnh Bình Dương bắt đầu tiêm vaccine phòng COVID-19 tại nhà",
        "các đội đã tiêm cho 1.350 người tại thành phố Thủ Dầu Một.",
    ),
    Layout(
        "government_portal_keywords_after_author",
        blocks(
            "Trang chủ", "Thời sự", "Chính sách mới",
            "Thủ tướng yêu cầu bảo đảm lưu thông hàng hóa thiết yếu",
            "20/08/2021 16:24",
            "(Chinhphu.vn) - Thủ tướng Chính phủ vừa yêu cầu các bộ, ngành và địa phương không để đứt gãy chuỗi "
            "cung ứng hàng hóa thiết yếu trong thời gian giãn cách xã hội.",
            "Theo công điện, các tỉnh, thành phố không được đặt thêm giấy phép con đối với xe chở hàng đã có "
            "mã QR của Bộ Giao thông vận tải.",
            "Bộ Công Thương được giao theo dõi, tổng hợp khó khăn của doanh nghiệp và báo cáo Thủ tướng trước "
            "ngày 25/8.",
            "Thanh Phương",
            "Từ khóa: hàng hóa thiết yếu, luồng xanh, giãn cách",
            "Tin liên quan",
            "Bộ Y tế hướng dẫn xét nghiệm cho lái xe đường dài",
        ),
        "Thủ tướng yêu cầu bảo đảm lưu thông hàng hóa thiết yếu", "2021-08-20T16:24", "Thanh Phương",
        "(Chinhphu.vn) - Thủ tướng Chính phủ vừa yêu cầu",
        "báo cáo Thủ tướng trước ngày 25/8.",
    ),
    Layout(
        "party_paper_dashed_date_and_prefixed_caps_author",
        lines(
            "Trang chủ > Xã hội > Y tế",
            "Hải Dương hoàn thành tiêm mũi 1 cho người trên 50 tuổi",
            "Thứ Hai, 23-08-2021, 18:05",
            "Tính đến chiều 23/8, tỉnh Hải Dương đã tiêm mũi 1 vaccine phòng COVID-19 cho hơn 210.000 người "
            "từ 50 tuổi trở lên, đạt 97% kế hoạch.",
            "Tỉnh huy động 180 điểm tiêm cố định và 45 đội tiêm lưu động, làm việc cả thứ bảy và chủ nhật.",
            "Những người chưa tiêm do đang điều trị bệnh sẽ được khám sàng lọc lại vào tuần tới.",
            "Bài và ảnh: TRỌNG HẢI",
            "Tin liên quan",
            "Hưng Yên tiếp nhận thêm 60.000 liều vaccine",
            "Quảng cáo",
        ),
        "Hải Dương hoàn thành tiêm mũi 1 cho người trên 50 tuổi", "2021-08-23T18:05", "Trọng Hải",
        "Tính đến chiều 23/8, tỉnh Hải Dương đã tiêm mũi 1", "sẽ được khám sàng lọc lại vào tuần tới.",
    ),
    Layout(
        "radio_time_before_date_and_name_slash_outlet",
        blocks(
            "Xã hội", "Y tế",
            "Đắk Lắk dựng khu cách ly tạm cho người về từ TP HCM",
            "Thứ Hai, 06:30, 23/08/2021",
            "Tỉnh Đắk Lắk vừa dựng khu cách ly tạm với sức chứa 500 người tại Trường Cao đẳng Công nghệ Tây "
            "Nguyên để đón người dân từ TP HCM về quê.",
            "Người về được xét nghiệm nhanh ngay tại chốt kiểm soát ở huyện Ea H'leo trước khi đưa đến khu cách ly.",
            "Tỉnh dự kiến đón khoảng 3.000 người trong tuần này bằng xe khách và tàu hỏa.",
            "Vân Anh/VOV-Tây Nguyên",
            "Tin liên quan",
            "Gia Lai hỗ trợ tiền ăn cho người cách ly",
            "Xem thêm",
        ),
        "Đắk Lắk dựng khu cách ly tạm cho người về từ TP HCM", "2021-08-23T06:30", "Vân Anh",
        "Tỉnh Đắk Lắk vừa dựng khu cách ly tạm", "bằng xe khách và tàu hỏa.",
    ),
    Layout(
        "television_reporter_initials_and_outlet",
        lines(
            "Sức khỏe",
            "Quảng Nam ghi nhận ca mắc COVID-19 ở huyện miền núi",
            "Thứ năm, 19/08/2021 21:03 GMT+7",
            "Sở Y tế Quảng Nam tối 19/8 thông báo một ca mắc COVID-19 mới tại huyện Nam Giang, là ca đầu tiên "
            "của huyện miền núi này trong đợt dịch.",
            "Bệnh nhân là nam, 34 tuổi, lái xe chở hàng từ Đà Nẵng lên và có kết quả dương tính khi xét nghiệm "
            "tại chốt kiểm soát.",
            "Huyện đã phong tỏa tạm thời khu dân cư nơi bệnh nhân lưu trú và truy vết được 12 người tiếp xúc gần.",
            "PV/VTV.vn",
            "Chia sẻ",
            "Tin cùng chuyên mục",
            "Đà Nẵng mở lại một số hoạt động kinh doanh",
        ),
        "Quảng Nam ghi nhận ca mắc COVID-19 ở huyện miền núi", "2021-08-19T21:03", None,
        "Sở Y tế Quảng Nam tối 19/8 thông báo", "truy vết được 12 người tiếp xúc gần.",
    ),
    Layout(
        "provincial_portal_date_and_views_author_with_unit",
        blocks(
            "Cổng thông tin điện tử tỉnh Hà Tĩnh",
            "Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản", "Dịch vụ công trực tuyến",
            "Tin tức - Sự kiện",
            "Lộc Hà phong tỏa tạm thời hai thôn có ca mắc COVID-19",
            "Ngày đăng: 12/08/2021 | Lượt xem: 1.234",
            "Chiều 12/8, UBND huyện Lộc Hà quyết định phong tỏa tạm thời thôn Trung Hải và thôn Bắc Hải, "
            "xã Thạch Kim để khoanh vùng dập dịch.",
            "Hai thôn có hơn 1.100 hộ dân. Lực lượng công an, quân sự và y tế được bố trí trực 24/24 giờ tại "
            "các chốt ra vào.",
            "Trung tâm Y tế huyện đã lấy mẫu xét nghiệm cho toàn bộ người dân trong khu vực phong tỏa, kết quả "
            "dự kiến có trong ngày 13/8.",
            "Minh Phương - TTYT huyện Lộc Hà",
            "In bài viết", "Gửi email",
            "Các tin khác",
            "- Hà Tĩnh tiêm vaccine cho 5.000 công nhân khu kinh tế Vũng Áng",
            "- Thạch Hà lập chốt kiểm soát dịch tại cửa ngõ thị trấn",
            "Văn bản mới",
            "Liên kết website",
            "Lượt truy cập: 1.234.567",
            "Cơ quan chủ quản: UBND tỉnh Hà Tĩnh",
        ),
        "Lộc Hà phong tỏa tạm thời hai thôn có ca mắc COVID-19", "2021-08-12", "Minh Phương",
        "Chiều 12/8, UBND huyện Lộc Hà quyết định", "kết quả dự kiến có trong ngày 13/8.",
    ),
    Layout(
        "provincial_portal_updated_at_and_mid_article_see_also",
        blocks(
            "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH LẠNG SƠN",
            "Đăng nhập | Đăng ký",
            "Tin hoạt động",
            "Lạng Sơn tạm dừng đón khách tại cửa khẩu Tân Thanh",
            "Cập nhật lúc 08:15 ngày 12/08/2021",
            "Từ ngày 12/8, Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn tạm dừng làm thủ tục xuất "
            "nhập cảnh cho khách du lịch tại cửa khẩu Tân Thanh.",
            "Hoạt động xuất nhập khẩu hàng hóa vẫn diễn ra bình thường, lái xe phải có kết quả xét nghiệm âm tính "
            "trong vòng 72 giờ.",
            "Xem thêm: Lạng Sơn lập thêm 4 chốt kiểm soát dịch trên quốc lộ 1A",
            "Ban Quản lý đề nghị các doanh nghiệp sắp xếp lịch giao nhận hàng hợp lý, tránh ùn ứ phương tiện tại "
            "khu vực cửa khẩu.",
            "Nguồn: Báo Lạng Sơn",
            "Lượt xem: 856",
            "Các tin đã đưa",
            "Lạng Sơn hỗ trợ người lao động tự do gặp khó khăn do dịch",
        ),
        "Lạng Sơn tạm dừng đón khách tại cửa khẩu Tân Thanh", "2021-08-12T08:15", None,
        "Từ ngày 12/8, Ban Quản lý Khu kinh tế cửa khẩu", "tránh ùn ứ phương tiện tại khu vực cửa khẩu.",
    ),
    Layout(
        "no_title_line_dashed_date_reporter_initials",
        lines(
            "15-08-2021 12:05",
            "Tây Ninh ghi nhận thêm 214 ca mắc COVID-19 trong 24 giờ qua, trong đó 160 ca đã được cách ly từ trước.",
            "Số bệnh nhân đang điều trị tại các bệnh viện dã chiến của tỉnh là 3.020 người.",
            "Sở Y tế đề nghị người dân không tự ý rời khỏi nơi cư trú khi chưa có giấy xác nhận của địa phương.",
            "PV",
            "Tin cùng chuyên mục",
            "Long An hỗ trợ 1,5 triệu đồng cho người lao động tự do",
        ),
        None, "2021-08-15T12:05", None,
        "Tây Ninh ghi nhận thêm 214 ca mắc COVID-19", "khi chưa có giấy xác nhận của địa phương.",
    ),
    Layout(
        "caps_title_worded_date_team_byline",
        blocks(
            "TRANG THÔNG TIN ĐIỆN TỬ HUYỆN LỤC NAM",
            "Tin tức",
            "BẮC GIANG: THÊM 45 CA MẮC COVID-19 TRONG KHU CÁCH LY",
            "Thứ Năm, ngày 19 tháng 8 năm 2021",
            "Trong 24 giờ qua, tỉnh Bắc Giang ghi nhận thêm 45 ca mắc COVID-19, tất cả đều ở trong khu cách ly "
            "tập trung.",
            "Các ca mắc mới tập trung tại huyện Lục Nam và huyện Yên Dũng, liên quan đến ổ dịch ở công ty may "
            "tại xã Bảo Đài.",
            "Tỉnh đã chuyển toàn bộ bệnh nhân đến bệnh viện dã chiến số 2 để điều trị.",
            "Nhóm PV",
            "Bình luận (0)",
            "Ý kiến bạn đọc",
        ),
        "BẮC GIANG: THÊM 45 CA MẮC COVID-19 TRONG KHU CÁCH LY", "2021-08-19", None,
        "Trong 24 giờ qua, tỉnh Bắc Giang ghi nhận thêm 45 ca mắc", "đến bệnh viện dã chiến số 2 để điều trị.",
    ),
    Layout(
        "time_bar_date_cookie_notice_and_co_authors",
        lines(
            "Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn trên trang.",
            "Đồng ý",
            "Thời sự",
            "Đà Nẵng phát phiếu đi chợ theo ngày chẵn, lẻ",
            "12:05 | 15/08/2021",
            "Từ ngày 16/8, người dân Đà Nẵng đi chợ và siêu thị theo phiếu phát cho từng hộ gia đình, mỗi hộ "
            "được đi hai lần một tuần.",
            "Phiếu được in màu khác nhau cho ngày chẵn và ngày lẻ, có đóng dấu của UBND phường.",
            "Các chợ phải kiểm tra phiếu ở cổng và không bán cho người không có phiếu.",
            "Nguyễn Hà - Minh Anh",
            "Đăng ký nhận bản tin để không bỏ lỡ tin tức mới nhất",
            "Bình luận (0)",
        ),
        "Đà Nẵng phát phiếu đi chợ theo ngày chẵn, lẻ", "2021-08-15T12:05", "Nguyễn Hà - Minh Anh",
        "Từ ngày 16/8, người dân Đà Nẵng đi chợ", "không bán cho người không có phiếu.",
    ),
    Layout(
        "iso_timestamp_date_agency_source",
        blocks(
            "Tin tức", "Trong nước",
            "Cà Mau đưa 1.200 người dân về quê bằng tàu hỏa",
            "2021-08-19T07:15:00+07:00",
            "Tỉnh Cà Mau phối hợp ngành đường sắt đón 1.200 người dân đang gặp khó khăn ở TP HCM và Bình Dương "
            "về quê trên chuyến tàu đặc biệt.",
            "Hành khách được xét nghiệm trước khi lên tàu và cách ly tập trung 7 ngày khi về đến tỉnh.",
            "Chi phí đi lại, ăn uống trên đường do ngân sách tỉnh và các nhà hảo tâm hỗ trợ.",
            "THEO TTXVN",
            "Tin khác",
            "Bạc Liêu đón 600 người dân về quê",
        ),
        "Cà Mau đưa 1.200 người dân về quê bằng tàu hỏa", "2021-08-19T07:15", None,
        "Tỉnh Cà Mau phối hợp ngành đường sắt", "do ngân sách tỉnh và các nhà hảo tâm hỗ trợ.",
    ),
    Layout(
        "english_month_date_and_theo_outlet_in_parentheses",
        lines(
            "Trang chủ | Tin tức | Y tế | English",
            "Khánh Hòa mở thêm điểm xét nghiệm miễn phí tại Nha Trang",
            "Posted: August 19, 2021 07:15",
            "Thành phố Nha Trang mở thêm 6 điểm xét nghiệm nhanh miễn phí cho người dân có triệu chứng ho, sốt.",
            "Các điểm xét nghiệm làm việc từ 7 giờ đến 17 giờ hằng ngày, kể cả thứ bảy và chủ nhật.",
            "Người có kết quả dương tính được hướng dẫn cách ly tại nhà và theo dõi qua điện thoại.",
            "(Theo VOV)",
            "Print", "Share",
            "Related news",
            "Khánh Hòa giãn cách xã hội toàn tỉnh thêm 14 ngày",
        ),
        "Khánh Hòa mở thêm điểm xét nghiệm miễn phí tại Nha Trang", "2021-08-19T07:15", None,
        "Thành phố Nha Trang mở thêm 6 điểm xét nghiệm", "theo dõi qua điện thoại.",
    ),
    Layout(
        "updated_with_pm_time_and_lead_photo_caption",
        lines(
            "Trang chủ » Tin tức » Sức khỏe",
            "Vĩnh Long lập bệnh viện dã chiến thứ ba",
            "Cập nhật: 19/8/2021 - 07:15 PM",
            "Chiều 19/8, UBND tỉnh Vĩnh Long đưa vào hoạt động bệnh viện dã chiến thứ ba với quy mô 400 giường "
            "tại Trường Cao đẳng Nghề.",
            "vinhlong-bvdc3.jpg",
            "Nhân viên y tế chuẩn bị tiếp nhận bệnh nhân tại bệnh viện dã chiến. Ảnh: Thanh Tùng",
            "Bệnh viện do Bệnh viện Đa khoa tỉnh phụ trách, tiếp nhận người mắc COVID-19 không triệu chứng hoặc "
            "triệu chứng nhẹ.",
            "Sở Y tế đã điều động 60 y, bác sỹ và 25 tình nguyện viên đến làm việc tại đây.",
            "Tin, ảnh: Thanh Tùng",
            "Tin liên quan",
            "Trà Vinh mở rộng khu cách ly tập trung",
        ),
        "Vĩnh Long lập bệnh viện dã chiến thứ ba", "2021-08-19T19:15", "Thanh Tùng",
        "Chiều 19/8, UBND tỉnh Vĩnh Long đưa vào hoạt động", "25 tình nguyện viên đến làm việc tại đây.",
    ),
    Layout(
        "national_read_more_link_between_paragraphs",
        blocks(
            "Thời sự", "Xã hội",
            "Thứ Tư, 25/8/2021, 06:10 (GMT+7)",
            "Bình Thuận cho người dân đi lại trở lại ở 6 huyện",
            "Sau hai tuần không ghi nhận ca mắc trong cộng đồng, 6 huyện của Bình Thuận được nới lỏng giãn cách "
            "từ 0h ngày 26/8.",
            "Người dân được ra đường khi cần thiết nhưng phải đeo khẩu trang và giữ khoảng cách hai mét.",
            "Đọc thêm: Bình Thuận phong tỏa chợ Phan Thiết sau ca mắc ở tiểu thương",
            "Các cơ sở kinh doanh ăn uống chỉ được bán mang về, chưa được phục vụ tại chỗ.",
            "Thành phố Phan Thiết và huyện Hàm Thuận Bắc vẫn tiếp tục giãn cách theo Chỉ thị 16.",
            "Việt Quốc",
            "Chia sẻ",
            "Ý kiến (0)",
        ),
        "Bình Thuận cho người dân đi lại trở lại ở 6 huyện", "2021-08-25T06:10", "Việt Quốc",
        "Sau hai tuần không ghi nhận ca mắc trong cộng đồng", "vẫn tiếp tục giãn cách theo Chỉ thị 16.",
    ),
    Layout(
        "district_portal_posted_label_and_author_prefix_unit",
        lines(
            "UBND HUYỆN CHÂU THÀNH",
            "Trang chủ",
            "Tin tức - Sự kiện",
            "Châu Thành tổ chức xét nghiệm tầm soát cho tiểu thương chợ",
            "Đăng ngày: 09/09/2021 - 14:20",
            "Lượt xem: 312",
            "Ngày 9/9, Trung tâm Y tế huyện Châu Thành tổ chức lấy mẫu xét nghiệm cho 420 tiểu thương tại chợ "
            "thị trấn và chợ xã Phú Hữu.",
            "Kết quả có 2 trường hợp dương tính, đã được đưa đi cách ly và điều trị theo quy định.",
            "Huyện yêu cầu các chợ tiếp tục thực hiện nghiêm việc ghi thông tin người ra vào.",
            "Tác giả: Ngọc Trâm - Văn phòng HĐND và UBND huyện",
            "In bài viết",
            "Quay lại",
            "Tin cùng chuyên mục",
            "Châu Thành phát 2.000 phần quà cho người dân khó khăn",
        ),
        "Châu Thành tổ chức xét nghiệm tầm soát cho tiểu thương chợ", "2021-09-09T14:20", "Ngọc Trâm",
        "Ngày 9/9, Trung tâm Y tế huyện Châu Thành", "thực hiện nghiêm việc ghi thông tin người ra vào.",
    ),
    Layout(
        "portal_site_clock_above_menus_compiled_byline",
        blocks(
            "Thứ Năm, 26/08/2021",
            "SỞ Y TẾ TỈNH QUẢNG TRỊ",
            "Giới thiệu | Tin tức | Văn bản | Hỏi đáp",
            "Tin tức",
            "Quảng Trị đón 350 công dân từ các tỉnh phía Nam về quê",
            "Ngày đăng: 21/08/2021 09:40",
            "Sáng 21/8, tỉnh Quảng Trị tổ chức đón 350 công dân từ TP HCM, Bình Dương và Đồng Nai về quê bằng "
            "đoàn xe khách do tỉnh thuê.",
            "Tất cả công dân được xét nghiệm nhanh tại trạm dừng chân ở huyện Gio Linh trước khi đưa về các khu "
            "cách ly tập trung của huyện, thị xã nơi cư trú.",
            "Sở Y tế đề nghị các địa phương chuẩn bị đủ chỗ ở, nhu yếu phẩm và bố trí cán bộ y tế theo dõi sức "
            "khỏe người cách ly.",
            "Hồng Nhung (tổng hợp)",
            "Tin đã đưa",
            "Gio Linh cách ly tập trung 12 người đến từ vùng dịch (20/08/2021)",
            "Sáng 20/8, Trung tâm Y tế huyện Gio Linh tiếp nhận 12 người từ TP HCM về và đưa vào khu cách ly.",
            "Đông Hà tiêm vaccine cho người lao động tự do (19/08/2021)",
        ),
        "Quảng Trị đón 350 công dân từ các tỉnh phía Nam về quê", "2021-08-21T09:40", "Hồng Nhung",
        "Sáng 21/8, tỉnh Quảng Trị tổ chức đón 350 công dân", "bố trí cán bộ y tế theo dõi sức khỏe người cách ly.",
    ),
    Layout(
        "hard_wrapped_text_export_older_news_teasers",
        wrapped(
            "Sở Y tế Bắc Ninh",
            "Bắc Ninh yêu cầu doanh nghiệp lập phương án sản xuất an toàn\nThứ Ba, 24/08/2021 - 16:02",
            "UBND tỉnh Bắc Ninh vừa yêu cầu các doanh nghiệp trong khu công nghiệp lập phương án sản xuất an "
            "toàn, bảo đảm vừa phòng dịch vừa duy trì hoạt động sản xuất, kinh doanh.",
            "Theo yêu cầu, mỗi doanh nghiệp phải bố trí khu cách ly tạm thời, tổ chức xét nghiệm định kỳ cho "
            "người lao động và hạn chế tối đa việc di chuyển giữa các phân xưởng. Công ty Samsung Display và "
            "các doanh nghiệp lớn đã lập tổ an toàn COVID-19 ở từng nhà xưởng.",
            "Doanh nghiệp không bảo đảm điều kiện sẽ phải tạm dừng hoạt động cho đến khi khắc phục xong.",
            "Tin cùng loại",
            "Bắc Giang nới lỏng giãn cách ở 4 huyện\nTừ 0 giờ ngày 25/8, bốn huyện của Bắc Giang được nới lỏng "
            "một số biện pháp giãn cách xã hội.",
            "Hải Dương hỗ trợ doanh nghiệp xét nghiệm cho công nhân\nTỉnh Hải Dương hỗ trợ 50% chi phí xét "
            "nghiệm cho công nhân các khu công nghiệp.",
        ),
        "Bắc Ninh yêu cầu doanh nghiệp lập phương án sản xuất an toàn", "2021-08-24T16:02", None,
        "UBND tỉnh Bắc Ninh vừa yêu cầu các doanh nghiệp", "sẽ phải tạm dừng hoạt động cho đến khi khắc phục xong.",
    ),
    Layout(
        "author_and_date_on_one_line_keywords_newer_news",
        lines(
            "Trang chủ / Sức khỏe",
            "Hưng Yên thí điểm cách ly F0 không triệu chứng tại nhà",
            "Thanh Huyền | 19/08/2021 07:15",
            "Hưng Yên bắt đầu thí điểm cho người mắc COVID-19 không có triệu chứng cách ly, theo dõi sức khỏe tại "
            "nhà ở thành phố Hưng Yên và huyện Văn Lâm.",
            "Người bệnh phải ở phòng riêng, có nhà vệ sinh riêng và được trạm y tế xã gọi điện kiểm tra hai lần "
            "mỗi ngày.",
            "Khi có dấu hiệu khó thở hoặc nồng độ oxy trong máu giảm, người bệnh được chuyển ngay đến bệnh viện.",
            "Từ khóa: F0, cách ly tại nhà, Hưng Yên",
            "Tin mới hơn",
            "Thái Bình lập thêm hai khu cách ly tập trung",
            "Tỉnh Thái Bình đưa vào sử dụng hai khu cách ly mới với tổng sức chứa 800 người.",
        ),
        "Hưng Yên thí điểm cách ly F0 không triệu chứng tại nhà", "2021-08-19T07:15", "Thanh Huyền",
        "Hưng Yên bắt đầu thí điểm cho người mắc COVID-19", "người bệnh được chuyển ngay đến bệnh viện.",
    ),
    # written after the first round of fixes, to check that they carry over to other layouts
    Layout(
        "portal_bold_sapo_date_at_bottom",
        blocks(
            "Trang chủ", "Tin tức - Sự kiện", "Y tế",
            "Phú Yên đưa vào hoạt động trạm y tế lưu động đầu tiên",
            "Chiều 27/8, thành phố Tuy Hòa đưa vào hoạt động trạm y tế lưu động đầu tiên tại phường 9 để chăm sóc "
            "người mắc COVID-19 điều trị tại nhà.",
            "Trạm có 2 bác sỹ, 4 điều dưỡng và được trang bị máy đo nồng độ oxy, bình oxy và thuốc điều trị ban đầu.",
            "Người dân có thể gọi đến số điện thoại của trạm khi có triệu chứng bất thường để được tư vấn.",
            "Tác giả: Văn Tài",
            "Ngày đăng: 27/08/2021 - 17:30",
            "Lượt xem: 95",
            "Tin liên quan",
            "Tuy An lập chốt kiểm soát trên quốc lộ 1",
        ),
        "Phú Yên đưa vào hoạt động trạm y tế lưu động đầu tiên", "2021-08-27T17:30", "Văn Tài",
        "Chiều 27/8, thành phố Tuy Hòa đưa vào hoạt động", "để được tư vấn.",
    ),
    Layout(
        "interview_questions_marked_pv",
        lines(
            "Sức khỏe",
            "Giám đốc CDC: Người dân không nên tích trữ thuốc điều trị COVID-19",
            "Thứ Sáu, 10/09/2021 08:00",
            "Trao đổi với phóng viên, Giám đốc CDC tỉnh Tiền Giang cho biết nguồn thuốc cho người điều trị tại nhà "
            "hiện đủ dùng.",
            "PV: Thưa ông, tỉnh đã chuẩn bị thuốc thế nào?",
            "Ông Lê Văn Hùng: Chúng tôi đã cấp túi thuốc cho tất cả trạm y tế xã, mỗi túi dùng được trong 7 ngày.",
            "PV: Người dân cần làm gì khi có triệu chứng?",
            "Ông Lê Văn Hùng: Người dân nên gọi trạm y tế và không tự ý mua thuốc về tích trữ.",
            "Thanh Tâm",
            "Tin cùng chuyên mục",
            "Long An cấp túi thuốc cho F0",
        ),
        "Giám đốc CDC: Người dân không nên tích trữ thuốc điều trị COVID-19", "2021-09-10T08:00", "Thanh Tâm",
        "Trao đổi với phóng viên, Giám đốc CDC tỉnh Tiền Giang", "không tự ý mua thuốc về tích trữ.",
    ),
    Layout(
        "sidebar_headlines_before_the_article",
        blocks(
            "Trang chủ | Thời sự | Kinh tế | Xã hội | Y tế",
            "Tin mới",
            "Kiên Giang lập bệnh viện dã chiến ở Phú Quốc",
            "An Giang hỗ trợ người dân vùng phong tỏa",
            "Cà Mau xét nghiệm toàn bộ tiểu thương chợ Phường 7",
            "Y tế",
            "Hậu Giang mở thêm 5 điểm tiêm vaccine cho công nhân",
            "Thứ Tư, 01/09/2021 10:20",
            "Từ ngày 1/9, tỉnh Hậu Giang mở thêm 5 điểm tiêm vaccine phòng COVID-19 tại các khu công nghiệp để "
            "tiêm cho công nhân.",
            "Mỗi điểm tiêm có thể tiêm khoảng 500 người một ngày. Doanh nghiệp đăng ký danh sách công nhân với "
            "trung tâm y tế huyện trước một ngày.",
            "Tỉnh dự kiến tiêm xong mũi 1 cho toàn bộ công nhân trong tháng 9.",
            "Minh Huy",
            "Tin cùng chuyên mục",
            "Sóc Trăng tiêm vaccine cho người trên 65 tuổi",
        ),
        "Hậu Giang mở thêm 5 điểm tiêm vaccine cho công nhân", "2021-09-01T10:20", "Minh Huy",
        "Từ ngày 1/9, tỉnh Hậu Giang mở thêm 5 điểm tiêm", "trong tháng 9.",
    ),
    Layout(
        "reprint_theo_reporter_of_another_paper",
        lines(
            "Tin trong tỉnh",
            "Đồng Nai cấp giấy đi đường mới cho người lao động",
            "15/09/2021 | 14:25",
            "Từ ngày 16/9, người lao động ở Đồng Nai đi làm phải có giấy đi đường mẫu mới do doanh nghiệp cấp và "
            "có xác nhận của công an xã.",
            "Giấy đi đường cũ chỉ còn giá trị đến hết ngày 15/9.",
            "Công an tỉnh sẽ kiểm tra giấy tại các chốt và xử lý nghiêm trường hợp làm giả.",
            "Theo Hà Minh (Báo Đồng Nai)",
            "Các tin khác",
        ),
        "Đồng Nai cấp giấy đi đường mới cho người lao động", "2021-09-15T14:25", "Hà Minh",
        "Từ ngày 16/9, người lao động ở Đồng Nai", "xử lý nghiêm trường hợp làm giả.",
    ),
    Layout(
        "title_ending_with_a_full_stop",
        blocks(
            "Cổng thông tin điện tử huyện Krông Pắc",
            "Tin tức",
            "Krông Pắc tạm dừng các hoạt động tập trung đông người.",
            "Ngày đăng: 03/09/2021",
            "UBND huyện Krông Pắc vừa có văn bản yêu cầu tạm dừng các hoạt động lễ hội, hội nghị và sự kiện tập "
            "trung trên 20 người từ ngày 3/9.",
            "Các cơ sở kinh doanh dịch vụ không thiết yếu như quán karaoke, phòng tập thể dục cũng phải đóng cửa.",
            "Người đứng đầu các xã, thị trấn chịu trách nhiệm nếu để dịch lây lan trên địa bàn.",
            "Phòng Văn hóa - Thông tin",
            "Lượt xem: 120",
        ),
        "Krông Pắc tạm dừng các hoạt động tập trung đông người.", "2021-09-03", None,
        "UBND huyện Krông Pắc vừa có văn bản", "nếu để dịch lây lan trên địa bàn.",
    ),
    Layout(
        "cdc_notice_with_numbered_requests",
        lines(
            "TRUNG TÂM KIỂM SOÁT BỆNH TẬT TỈNH KHÁNH HÒA",
            "Thông báo khẩn tìm người đến chợ Xóm Mới",
            "Cập nhật: 05/08/2021 21:10",
            "Trung tâm Kiểm soát bệnh tật tỉnh Khánh Hòa đề nghị những người đến chợ Xóm Mới, TP Nha Trang từ "
            "ngày 28/7 đến ngày 4/8 thực hiện các việc sau:",
            "1. Liên hệ ngay với trạm y tế xã, phường nơi đang ở để được hướng dẫn.",
            "2. Tự theo dõi sức khỏe, đo nhiệt độ hai lần mỗi ngày.",
            "3. Khi có triệu chứng ho, sốt, khó thở thì gọi đường dây nóng 0258 3822 000.",
            "CDC Khánh Hòa",
            "Tin liên quan",
        ),
        "Thông báo khẩn tìm người đến chợ Xóm Mới", "2021-08-05T21:10", None,
        "Trung tâm Kiểm soát bệnh tật tỉnh Khánh Hòa đề nghị", "gọi đường dây nóng 0258 3822 000.",
    ),
    Layout(
        "english_weekday_date_and_co_authors",
        blocks(
            "Society",
            "Hà Nội lập 39 chốt kiểm soát ở vùng đỏ",
            "Thursday, August 26, 2021 - 07:15",
            "Hà Nội lập 39 chốt kiểm soát quanh các vùng có nguy cơ rất cao để hạn chế người ra vào từ ngày 26/8.",
            "Người dân trong vùng đỏ chỉ được ra khỏi nhà khi cấp cứu hoặc theo yêu cầu của lực lượng chức năng.",
            "Thực phẩm được chính quyền phường cung cấp tận nhà cho các hộ gia đình.",
            "Lê Nga - Hải Hiền",
            "Share", "Comments (0)",
        ),
        "Hà Nội lập 39 chốt kiểm soát ở vùng đỏ", "2021-08-26T07:15", "Lê Nga - Hải Hiền",
        "Hà Nội lập 39 chốt kiểm soát quanh các vùng", "cho các hộ gia đình.",
    ),
    Layout(
        "caps_author_above_date",
        lines(
            "Người Lao Động Online",
            "Thời sự",
            "TP HCM: 80% người dân từ 18 tuổi đã tiêm mũi 1",
            "NGỌC ÁNH",
            "29-08-2021 - 20:45",
            "Sở Y tế TP HCM cho biết đến tối 29/8, thành phố đã tiêm mũi 1 vaccine phòng COVID-19 cho hơn 5,5 "
            "triệu người từ 18 tuổi trở lên.",
            "Thành phố đặt mục tiêu tiêm xong mũi 1 cho người dân trước ngày 31/8.",
            "Các quận, huyện tiếp tục tổ chức tiêm lưu động cho người cao tuổi và người khuyết tật.",
            "Bình luận",
            "Gửi bình luận",
        ),
        "TP HCM: 80% người dân từ 18 tuổi đã tiêm mũi 1", "2021-08-29T20:45", "Ngọc Ánh",
        "Sở Y tế TP HCM cho biết đến tối 29/8", "cho người cao tuổi và người khuyết tật.",
    ),
    # written after the second round of fixes
    Layout(
        "database_record_timestamp_line",
        lines(
            "Quảng Ninh tạm dừng vận tải hành khách đến Vân Đồn",
            "2021-02-05 09:12:44",
            "UBND tỉnh Quảng Ninh quyết định tạm dừng toàn bộ hoạt động vận tải hành khách từ các địa phương khác "
            "đến huyện Vân Đồn kể từ 12 giờ ngày 5/2.",
            "Các phương tiện chở hàng hóa thiết yếu vẫn được lưu thông nhưng lái xe phải khai báo y tế tại chốt.",
            "Lực lượng công an huyện tổ chức tuần tra, kiểm soát 24/24 giờ tại các tuyến đường vào huyện.",
        ),
        "Quảng Ninh tạm dừng vận tải hành khách đến Vân Đồn", "2021-02-05T09:12", None,
        "UBND tỉnh Quảng Ninh quyết định tạm dừng", "tại các tuyến đường vào huyện.",
    ),
    Layout(
        "bulletin_ending_with_plus_items",
        lines(
            "TRANG THÔNG TIN VỀ DỊCH COVID-19 TỈNH TÂY NINH",
            "Trang chủ | Tin tức | Văn bản chỉ đạo | Hỏi đáp",
            "Bản tin",
            "Tây Ninh: Cập nhật tình hình dịch bệnh ngày 20/8",
            "Ngày đăng: 20/08/2021 | Lượt xem: 2.310",
            "Trong 24 giờ qua, tỉnh Tây Ninh ghi nhận 402 ca mắc COVID-19 mới, trong đó 310 ca đã được cách ly "
            "từ trước.",
            "Tình hình điều trị:",
            "+ Số bệnh nhân đang điều trị: 4.120",
            "+ Số bệnh nhân khỏi bệnh trong ngày: 215",
            "+ Số ca tử vong cộng dồn: 96",
            "Tin liên quan",
            "• Tây Ninh tiêm vaccine cho công nhân khu công nghiệp Trảng Bàng",
            "ĐƯỜNG DÂY NÓNG: 1900 9095",
        ),
        "Tây Ninh: Cập nhật tình hình dịch bệnh ngày 20/8", "2021-08-20", None,
        "Trong 24 giờ qua, tỉnh Tây Ninh ghi nhận 402 ca", "+ Số ca tử vong cộng dồn: 96",
    ),
    Layout(
        "site_tag_date_only_and_domain_source",
        lines(
            "Sáng 2/3: Hơn 1.000 ca F0 nặng đang điều trị tại các bệnh viện",
            "02/03/2022",
            "SKĐS - Bộ Y tế cho biết hơn 1.000 người mắc COVID-19 đang phải thở oxy hoặc thở máy tại các bệnh viện "
            "trên cả nước.",
            "Trong ngày 1/3, cả nước ghi nhận 55.000 ca mắc mới, tăng 3.000 ca so với ngày trước đó.",
            "Bộ Y tế đề nghị các địa phương rà soát, bảo đảm đủ giường hồi sức cho người bệnh nặng.",
            "Nguồn: suckhoedoisong.vn",
        ),
        "Sáng 2/3: Hơn 1.000 ca F0 nặng đang điều trị tại các bệnh viện", "2022-03-02", None,
        "SKĐS - Bộ Y tế cho biết hơn 1.000 người mắc COVID-19", "bảo đảm đủ giường hồi sức cho người bệnh nặng.",
    ),
    Layout(
        "publish_and_update_lines",
        blocks(
            "Thời sự", "Y tế",
            "Thứ bảy, 18/9/2021, 07:30 (GMT+7)",
            "Bến Tre cho học sinh học trực tuyến đến hết tháng 10",
            "Sở Giáo dục và Đào tạo Bến Tre quyết định học sinh các cấp tiếp tục học trực tuyến đến hết tháng 10 "
            "do dịch COVID-19 còn phức tạp.",
            "Những học sinh không có thiết bị học được nhà trường cho mượn máy tính bảng.",
            "Các trường phải báo cáo số học sinh thiếu thiết bị trước ngày 25/9.",
            "Cập nhật lúc 10:05 ngày 19/9/2021",
            "Hữu Phước",
        ),
        "Bến Tre cho học sinh học trực tuyến đến hết tháng 10", "2021-09-18T07:30", "Hữu Phước",
        "Sở Giáo dục và Đào tạo Bến Tre quyết định", "báo cáo số học sinh thiếu thiết bị trước ngày 25/9.",
    ),
    Layout(
        "source_names_a_provincial_paper",
        lines(
            "Tin tức - Sự kiện",
            "Điện Biên tiếp nhận 50.000 liều vaccine",
            "Thứ Sáu, 17/09/2021 - 16:40",
            "Ngày 17/9, Sở Y tế tỉnh Điện Biên tiếp nhận 50.000 liều vaccine phòng COVID-19 do Bộ Y tế phân bổ.",
            "Số vaccine này sẽ được ưu tiên tiêm cho người dân ở các huyện giáp biên giới và lực lượng tuyến đầu.",
            "Theo Báo Điện Biên Phủ",
        ),
        "Điện Biên tiếp nhận 50.000 liều vaccine", "2021-09-17T16:40", None,
        "Ngày 17/9, Sở Y tế tỉnh Điện Biên tiếp nhận", "và lực lượng tuyến đầu.",
    ),
    Layout(
        "no_date_anywhere_initials_credit",
        lines(
            "Trang chủ » Xã hội",
            "Nghệ An lập chốt kiểm dịch ở cửa ngõ phía Bắc",
            "Tỉnh Nghệ An lập thêm chốt kiểm dịch tại xã Quỳnh Vinh, thị xã Hoàng Mai để kiểm soát người và phương "
            "tiện vào tỉnh từ hướng Thanh Hóa.",
            "Người vào tỉnh phải có kết quả xét nghiệm âm tính trong vòng 72 giờ.",
            "Chốt do lực lượng công an, quân sự và y tế thị xã phối hợp thực hiện.",
            "P.V",
            "Tin khác",
        ),
        "Nghệ An lập chốt kiểm dịch ở cửa ngõ phía Bắc", None, None,
        "Tỉnh Nghệ An lập thêm chốt kiểm dịch", "quân sự và y tế thị xã phối hợp thực hiện.",
    ),
    Layout(
        "author_and_date_inline_without_bar",
        blocks(
            "Sức khỏe",
            "Gia Lai phát hiện chuỗi lây nhiễm mới ở chợ Pleiku",
            "Thanh Huyền Thứ năm, 19/8/2021 07:15 (GMT+7)",
            "Gia Lai ghi nhận 8 ca mắc COVID-19 liên quan đến chợ trung tâm TP Pleiku, trong đó có 5 tiểu thương.",
            "Thành phố đã tạm đóng cửa chợ, phun khử khuẩn và lấy mẫu xét nghiệm cho khoảng 1.500 người.",
            "Người từng đến chợ từ ngày 10/8 được đề nghị khai báo y tế.",
            "Chia sẻ",
        ),
        "Gia Lai phát hiện chuỗi lây nhiễm mới ở chợ Pleiku", "2021-08-19T07:15", "Thanh Huyền",
        "Gia Lai ghi nhận 8 ca mắc COVID-19", "được đề nghị khai báo y tế.",
    ),
    # a sapo between the title and the date line (checks the sentence-title rule does not take the sapo)
    Layout(
        "sapo_between_title_and_date",
        lines(
            "Trang chủ > Xã hội",
            "Thanh Hóa đón hơn 2.000 công dân từ phía Nam về quê",
            "Tỉnh Thanh Hóa tổ chức đón hơn 2.000 công dân đang gặp khó khăn ở các tỉnh phía Nam về quê bằng tàu hỏa.",
            "Thứ Hai, 04/10/2021 - 09:00",
            "Đoàn tàu đầu tiên chở 1.000 người về đến ga Thanh Hóa lúc 5 giờ sáng nay.",
            "Toàn bộ công dân được xét nghiệm nhanh tại ga và đưa về khu cách ly tập trung của các huyện.",
            "Minh Hiếu",
        ),
        "Thanh Hóa đón hơn 2.000 công dân từ phía Nam về quê", "2021-10-04T09:00", "Minh Hiếu",
        "Tỉnh Thanh Hóa tổ chức đón hơn 2.000 công dân", "đưa về khu cách ly tập trung của các huyện.",
    ),
    Layout(
        "short_sapo_between_title_and_date",
        lines(
            "Thanh Hóa đón hơn 2.000 công dân từ phía Nam về quê",
            "Hơn 2.000 công dân được đón về quê bằng tàu hỏa.",
            "Thứ Hai, 04/10/2021 - 09:00",
            "Đoàn tàu đầu tiên chở 1.000 người về đến ga Thanh Hóa lúc 5 giờ sáng nay.",
            "Toàn bộ công dân được xét nghiệm nhanh tại ga và đưa về khu cách ly tập trung của các huyện.",
        ),
        "Thanh Hóa đón hơn 2.000 công dân từ phía Nam về quê", "2021-10-04T09:00", None,
        "Hơn 2.000 công dân được đón về quê bằng tàu hỏa.", "đưa về khu cách ly tập trung của các huyện.",
    ),
    # third-party-style layouts not covered above, written for round 4
    Layout(
        "audio_player_and_font_widgets_between_sapo_and_body",
        lines(
            "Trang chủ › Xã hội › Y tế",
            "Phú Thọ lập 12 tổ chăm sóc F0 tại nhà ở thành phố Việt Trì",
            "Cập nhật: 08:15 | 12/10/2021",
            "Cỡ chữ: A- A A+",
            "In bài",
            "Thành phố Việt Trì vừa thành lập 12 tổ chăm sóc người mắc COVID-19 điều trị tại nhà, mỗi tổ phụ trách "
            "từ 2 đến 3 phường, xã.",
            "Nghe bài viết",
            "00:00 / 02:45",
            "Mỗi tổ gồm một bác sỹ của trạm y tế, một điều dưỡng và hai thành viên tổ COVID cộng đồng. Tổ phát túi "
            "thuốc, hướng dẫn người bệnh tự đo chỉ số SpO2 và báo cáo hằng ngày về Trung tâm Y tế thành phố.",
            "Đến sáng 12/10, Việt Trì có 46 người mắc COVID-19 đang điều trị tại nhà, phần lớn không có triệu chứng.",
            "Trường hợp có dấu hiệu trở nặng được chuyển ngay đến Bệnh viện Đa khoa tỉnh bằng xe cấp cứu của "
            "thành phố.",
            "Bài và ảnh: Nguyễn Đức Anh",
            "Tin cùng chuyên mục",
            "Thanh Sơn tiêm vaccine cho học sinh lớp 12",
        ),
        "Phú Thọ lập 12 tổ chăm sóc F0 tại nhà ở thành phố Việt Trì", "2021-10-12T08:15", "Nguyễn Đức Anh",
        "Thành phố Việt Trì vừa thành lập 12 tổ chăm sóc", "bằng xe cấp cứu của thành phố.",
    ),
    Layout(
        "relative_time_beside_author_and_absolute_gmt_date",
        blocks(
            "Thời sự", "Sức khỏe",
            "Cần Thơ cho phép quán ăn bán tại chỗ từ ngày 13/10",
            "Đức Toàn · 2 giờ trước",
            "12/10/2021 08:15 GMT+7",
            "Từ 0 giờ ngày 13/10, TP Cần Thơ cho phép các quán ăn, nhà hàng phục vụ khách tại chỗ với không quá 50% "
            "công suất.",
            "Nhân viên và khách phải tiêm ít nhất một mũi vaccine hoặc đã khỏi bệnh COVID-19 trong vòng 6 tháng. "
            "Chủ quán phải bố trí bàn cách nhau tối thiểu 2 mét.",
            "Theo Sở Y tế, trong tuần qua thành phố ghi nhận trung bình 35 ca mắc mới mỗi ngày, giảm gần một nửa so "
            "với tuần trước.",
            "Các hoạt động tập trung trên 30 người ngoài trời vẫn chưa được tổ chức.",
            "Chia sẻ",
            "Bình luận (0)",
            "Đọc nhiều",
            "Vĩnh Long mở lại tuyến xe khách nội tỉnh",
            "Hậu Giang cho học sinh lớp 12 học trực tiếp",
        ),
        "Cần Thơ cho phép quán ăn bán tại chỗ từ ngày 13/10", "2021-10-12T08:15", "Đức Toàn",
        "Từ 0 giờ ngày 13/10, TP Cần Thơ cho phép", "vẫn chưa được tổ chức.",
    ),
    Layout(
        "worded_weekday_date_and_caps_co_authors_before_sapo",
        lines(
            "Xã hội",
            "Hải Phòng thí điểm đón khách du lịch đến đảo Cát Bà",
            "Thứ ba, ngày 12 tháng 10 năm 2021",
            "PHẠM HÙNG - LAN ANH",
            "(HP) - Từ ngày 15/10, huyện Cát Hải thí điểm đón khách du lịch nội thành đến đảo Cát Bà với điều kiện "
            "du khách đã tiêm đủ hai mũi vaccine phòng COVID-19.",
            "Du khách phải có kết quả xét nghiệm âm tính trong vòng 72 giờ và chỉ được lưu trú tại 24 cơ sở đã được "
            "thẩm định an toàn.",
            "Trong giai đoạn đầu, mỗi ngày huyện đón tối đa 1.000 khách. Các tàu cao tốc từ bến Bính chỉ được chở "
            "50% số ghế.",
            "UBND huyện Cát Hải sẽ đánh giá kết quả sau hai tuần để quyết định mở rộng đón khách từ các tỉnh lân cận.",
            "In bài viết",
            "Tin liên quan",
            "Quảng Ninh mở lại tuyến du lịch vịnh Hạ Long",
        ),
        "Hải Phòng thí điểm đón khách du lịch đến đảo Cát Bà", "2021-10-12", "Phạm Hùng - Lan Anh",
        "Từ ngày 15/10, huyện Cát Hải thí điểm", "mở rộng đón khách từ các tỉnh lân cận.",
    ),
    Layout(
        "bilingual_portal_english_day_month_date_and_views",
        blocks(
            "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH QUẢNG BÌNH",
            "QUANG BINH PROVINCE PORTAL",
            "Tiếng Việt | English",
            "Trang chủ", "Tin tức - Sự kiện", "Tin trong tỉnh",
            "Quảng Bình xét nghiệm diện rộng tại thị xã Ba Đồn",
            "12 October 2021 | Lượt xem: 542",
            "Ngày 12/10, Trung tâm Y tế thị xã Ba Đồn phối hợp với CDC tỉnh lấy hơn 8.000 mẫu xét nghiệm nhanh cho "
            "người dân 6 phường nội thị.",
            "Đợt xét nghiệm được tiến hành sau khi thị xã ghi nhận 9 ca mắc COVID-19 trong cộng đồng chưa rõ "
            "nguồn lây.",
            "Người dân được chia theo khung giờ đến điểm lấy mẫu tại nhà văn hóa các tổ dân phố để tránh tập trung "
            "đông người.",
            "Văn Hùng (Sở Y tế)",
            "Các tin khác",
            "Bố Trạch đón 120 công dân từ phía Nam về quê",
            "Thống kê truy cập", "Đang truy cập: 35", "Tổng lượt truy cập: 2.456.789",
        ),
        "Quảng Bình xét nghiệm diện rộng tại thị xã Ba Đồn", "2021-10-12", "Văn Hùng",
        "Ngày 12/10, Trung tâm Y tế thị xã Ba Đồn", "để tránh tập trung đông người.",
    ),
    Layout(
        "doctor_interview_reporter_and_bs_answers",
        lines(
            "Sức khỏe",
            "Bác sĩ nhi khoa: Trẻ mắc COVID-19 phần lớn có triệu chứng nhẹ",
            "Thứ Tư, 13/10/2021 - 06:00",
            "Nhiều phụ huynh lo lắng khi con mắc COVID-19. Phóng viên đã trao đổi với bác sĩ Trần Thị Hoa, Trưởng "
            "khoa Nhi, Bệnh viện Đa khoa tỉnh Bình Định, về cách chăm sóc trẻ tại nhà.",
            "Phóng viên: Thưa bác sĩ, trẻ mắc COVID-19 thường có biểu hiện gì?",
            "BS Trần Thị Hoa: Phần lớn trẻ chỉ sốt nhẹ, ho, sổ mũi trong 3 đến 5 ngày. Trong 214 trẻ khoa đang theo "
            "dõi, chỉ có 6 trẻ phải thở oxy.",
            "Phóng viên: Khi nào phụ huynh cần đưa trẻ đến bệnh viện?",
            "BS Trần Thị Hoa: Khi trẻ thở nhanh, bỏ bú, li bì hoặc sốt cao liên tục trên 39 độ, gia đình cần gọi "
            "ngay trạm y tế hoặc đưa trẻ đi khám.",
            "Phóng viên: Xin cảm ơn bác sĩ!",
            "Thu Hà (thực hiện)",
            "Tin cùng chuyên mục",
            "Bình Định tiêm vaccine cho trẻ từ 12 đến 17 tuổi",
        ),
        "Bác sĩ nhi khoa: Trẻ mắc COVID-19 phần lớn có triệu chứng nhẹ", "2021-10-13T06:00", "Thu Hà",
        "Nhiều phụ huynh lo lắng khi con mắc COVID-19.", "Phóng viên: Xin cảm ơn bác sĩ!",
    ),
    Layout(
        "live_update_entries_with_time_stamps",
        blocks(
            "Thời sự", "Trực tiếp",
            "Trực tiếp COVID-19 ngày 12/10: Đồng Nai mở lại 7 loại hình kinh doanh",
            "12/10/2021 06:00 GMT+7",
            "Cập nhật liên tục tình hình dịch COVID-19 và các quyết định mới của các địa phương trong ngày 12/10.",
            "11:30",
            "Đồng Nai mở lại 7 loại hình kinh doanh",
            "UBND tỉnh Đồng Nai cho phép nhà hàng, tiệm cắt tóc, cửa hàng bán lẻ và 4 loại hình khác hoạt động trở lại "
            "từ ngày 13/10 với điều kiện nhân viên đã tiêm vaccine.",
            "09:15",
            "Cả nước ghi nhận 3.200 ca mắc mới",
            "Bản tin của Bộ Y tế tối 11/10 cho biết cả nước ghi nhận thêm 3.200 ca mắc COVID-19, trong đó TP HCM "
            "có 1.100 ca.",
            "06:00",
            "TP HCM cho học sinh lớp 12 ôn tập trực tiếp",
            "Sở Giáo dục và Đào tạo TP HCM đề xuất cho học sinh lớp 12 ở các huyện ngoại thành đến trường ôn tập từ "
            "đầu tháng 11.",
            "Nhóm phóng viên",
            "Chia sẻ",
        ),
        "Trực tiếp COVID-19 ngày 12/10: Đồng Nai mở lại 7 loại hình kinh doanh", "2021-10-12T06:00", None,
        "Cập nhật liên tục tình hình dịch COVID-19", "đến trường ôn tập từ đầu tháng 11.",
    ),
    Layout(
        "series_part_ending_with_to_be_continued_and_note",
        lines(
            "Phóng sự - Ký sự",
            "Những chuyến xe chở oxy xuyên đêm - Kỳ 1: Cuộc gọi lúc nửa đêm",
            "Chủ nhật, 17/10/2021 | 07:00",
            "Suốt ba tháng dịch bùng phát ở TP HCM, đội xe thiện nguyện của anh Lê Văn Tâm đã chở hơn 2.000 bình oxy "
            "đến tận nhà người bệnh.",
            "Cuộc gọi đầu tiên đến lúc 0 giờ 20 phút. Một cụ bà 78 tuổi ở quận 8 có chỉ số SpO2 chỉ còn 86%, gia "
            "đình không tìm được bình oxy.",
            "Anh Tâm cùng hai tình nguyện viên chạy xe từ quận Gò Vấp sang, mất gần 40 phút vì phải qua bốn chốt "
            "kiểm soát.",
            "\"Những đêm như thế, chúng tôi chỉ sợ đến chậm vài phút\", anh Tâm kể.",
            "(*) Tên một số nhân vật trong bài đã được thay đổi.",
            "(Còn nữa)",
            "Lâm Phương",
            "Kỳ 2: Những người nạp oxy không ngủ",
        ),
        "Những chuyến xe chở oxy xuyên đêm - Kỳ 1: Cuộc gọi lúc nửa đêm", "2021-10-17T07:00", "Lâm Phương",
        "Suốt ba tháng dịch bùng phát ở TP HCM", "chúng tôi chỉ sợ đến chậm vài phút\", anh Tâm kể.",
    ),
    Layout(
        "poll_box_after_byline_and_illustration_caption",
        lines(
            "Giáo dục",
            "Hà Nội lấy ý kiến phụ huynh về việc cho học sinh đi học trở lại",
            "15/10/2021 - 15:30",
            "Sở Giáo dục và Đào tạo Hà Nội đề nghị các trường lấy ý kiến phụ huynh trước ngày 20/10 về việc cho học "
            "sinh lớp 9 và lớp 12 đến trường.",
            "Ảnh minh họa",
            "Theo dự kiến, học sinh ở các huyện ngoại thành không có ca mắc COVID-19 trong cộng đồng sẽ được học trực "
            "tiếp từ tháng 11.",
            "Mỗi lớp được chia thành hai ca, học sinh ngồi cách nhau 1,5 mét và đo thân nhiệt trước khi vào lớp.",
            "Giáo viên và nhân viên nhà trường phải tiêm đủ hai mũi vaccine.",
            "Hoài Nam",
            "Thăm dò ý kiến",
            "Bạn có đồng ý cho con đi học trực tiếp từ tháng 11?",
            "Đồng ý",
            "Không đồng ý",
            "Chưa quyết định",
            "Biểu quyết",
            "Xem kết quả",
        ),
        "Hà Nội lấy ý kiến phụ huynh về việc cho học sinh đi học trở lại", "2021-10-15T15:30", "Hoài Nam",
        "Sở Giáo dục và Đào tạo Hà Nội đề nghị", "phải tiêm đủ hai mũi vaccine.",
    ),
    Layout(
        "provincial_portal_document_list_above_the_article",
        blocks(
            "UBND TỈNH SƠN LA",
            "Trang chủ | Giới thiệu | Tin tức | Văn bản | Liên hệ",
            "Văn bản chỉ đạo",
            "Công văn số 1520/UBND-VX ngày 10/10/2021 về tăng cường phòng, chống dịch COVID-19",
            "Quyết định số 2345/QĐ-UBND ngày 08/10/2021 ban hành quy định tạm thời về thích ứng an toàn với dịch",
            "Kế hoạch số 210/KH-UBND ngày 05/10/2021 về tiêm vaccine cho trẻ em",
            "Tin hoạt động",
            "Sơn La tiêm vaccine cho hơn 40.000 công nhân và người lao động",
            "Ngày 12/10/2021 | Lượt xem: 732",
            "Tính đến ngày 12/10, tỉnh Sơn La đã tiêm vaccine phòng COVID-19 cho hơn 40.000 công nhân, người lao động "
            "tại các doanh nghiệp và khu công nghiệp.",
            "Sở Y tế phối hợp với Ban Quản lý các khu công nghiệp tổ chức 18 điểm tiêm ngay tại nhà xưởng để người lao "
            "động không phải nghỉ làm.",
            "Trong tháng 10, tỉnh dự kiến tiếp nhận thêm 150.000 liều vaccine và ưu tiên tiêm mũi 2 cho những người "
            "đã tiêm mũi 1 trên 8 tuần.",
            "Thu Trang - Sở Y tế",
            "Tin cùng chuyên mục",
            "Mộc Châu đón khách du lịch có thẻ xanh",
            "Lượt truy cập: 3.210.456",
        ),
        "Sơn La tiêm vaccine cho hơn 40.000 công nhân và người lao động", "2021-10-12", "Thu Trang",
        "Tính đến ngày 12/10, tỉnh Sơn La đã tiêm", "cho những người đã tiêm mũi 1 trên 8 tuần.",
    ),
    Layout(
        "hot_and_most_read_side_lists_before_the_article",
        lines(
            "Trang chủ | Thời sự | Xã hội | Sức khỏe | Thế giới",
            "Tin nổi bật",
            "Bình Dương gỡ phong tỏa 3 khu nhà trọ ở Thuận An",
            "Sau 14 ngày không phát sinh ca mắc mới, 3 khu nhà trọ với hơn 2.000 công nhân được gỡ phong tỏa.",
            "Long An cho phép người dân đi lại giữa các huyện",
            "Người dân không cần giấy đi đường nhưng phải khai báo y tế điện tử khi qua chốt.",
            "Đọc nhiều",
            "1. Tây Ninh đón 500 công dân từ Campuchia về nước",
            "2. Tiền Giang mở lại chợ đầu mối Vĩnh Kim",
            "3. Bến Tre hỗ trợ ngư dân bị ảnh hưởng bởi dịch",
            "Sức khỏe",
            "An Giang mở thêm 3 khu điều trị F0 ở vùng biên giới",
            "Thứ Ba, 12/10/2021, 10:45",
            "Tỉnh An Giang vừa đưa vào hoạt động 3 khu điều trị người mắc COVID-19 tại thị xã Tân Châu, huyện An Phú "
            "và thành phố Châu Đốc.",
            "Mỗi khu có quy mô 200 giường, do trung tâm y tế huyện, thị xã phụ trách với sự hỗ trợ của Bệnh viện Đa "
            "khoa khu vực tỉnh.",
            "Trong tuần qua, các địa phương giáp biên giới ghi nhận 412 ca mắc mới, phần lớn là người nhập cảnh trái "
            "phép đã được cách ly ngay.",
            "Hữu Huệ",
            "Tin liên quan",
            "Đồng Tháp xét nghiệm cho người dân vùng biên",
        ),
        "An Giang mở thêm 3 khu điều trị F0 ở vùng biên giới", "2021-10-12T10:45", "Hữu Huệ",
        "Tỉnh An Giang vừa đưa vào hoạt động 3 khu điều trị", "đã được cách ly ngay.",
    ),
    Layout(
        "photo_captions_with_credit_in_parentheses_caps_author",
        blocks(
            "Xã hội",
            "Huế tạm dừng đón khách tham quan Đại Nội",
            "12/10/2021 | 14:20",
            "Nhân viên y tế lấy mẫu xét nghiệm cho người dân phường Vĩnh Ninh, TP Huế (Ảnh: Minh Quân)",
            "Trung tâm Bảo tồn di tích Cố đô Huế tạm dừng đón khách tham quan Đại Nội và các lăng tẩm từ ngày 12/10 "
            "sau khi thành phố ghi nhận chuỗi lây nhiễm mới.",
            "Thành phố Huế đã ghi nhận 27 ca mắc COVID-19 trong 3 ngày qua, trong đó có 4 nhân viên bán vé và hướng "
            "dẫn viên.",
            "Nhân viên bán vé tại cổng Ngọ Môn đã được cách ly tập trung (Ảnh: Minh Quân)",
            "Các điểm di tích được phun khử khuẩn toàn bộ. Hoạt động đón khách sẽ được xem xét lại sau 14 ngày.",
            "MINH QUÂN",
            "Tin liên quan",
            "Quảng Trị tạm dừng đón khách tham quan Thành cổ",
        ),
        "Huế tạm dừng đón khách tham quan Đại Nội", "2021-10-12T14:20", "Minh Quân",
        "Trung tâm Bảo tồn di tích Cố đô Huế tạm dừng", "sẽ được xem xét lại sau 14 ngày.",
    ),
    Layout(
        "dotted_date_credit_line_before_sapo_glued_widget",
        lines(
            "Kinh tế",
            "Doanh nghiệp du lịch Quảng Ninh chuẩn bị đón khách trở lại",
            "12.10.2021 | 08:15",
            "Bài: Hà Linh - Ảnh: Quốc Tuấn",
            "Sau gần 6 tháng đóng cửa, nhiều khách sạn ở TP Hạ Long đã phun khử khuẩn, tập huấn cho nhân viên để sẵn "
            "sàng đón khách từ giữa tháng 10.",
            "Quảng Ninh đón khách du lịch nội tỉnhHạ Long mở lại tuyến tàu thăm vịnhVân Đồn khôi phục đường bay "
            "thương mạiCô Tô đón đoàn khách đầu tiên",
            "Theo Sở Du lịch Quảng Ninh, đã có 120 cơ sở lưu trú đăng ký tham gia chương trình \"Du lịch an toàn\" "
            "với hơn 4.500 phòng.",
            "Các cơ sở phải có phương án xử lý khi phát hiện khách nghi mắc COVID-19 và 100% nhân viên đã tiêm đủ hai "
            "mũi vaccine.",
            "Tags: du lịch, Quảng Ninh, COVID-19",
        ),
        "Doanh nghiệp du lịch Quảng Ninh chuẩn bị đón khách trở lại", "2021-10-12T08:15", "Hà Linh",
        "Sau gần 6 tháng đóng cửa, nhiều khách sạn", "100% nhân viên đã tiêm đủ hai mũi vaccine.",
    ),
]

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

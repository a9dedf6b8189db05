"""The words a page uses for time, totals, parts and scope, as data: the grammar of period phrases.

Every pattern runs on the folded body (``article.body_key``); :mod:`covidlib.extract.figures` reads a page with them.
"""
from __future__ import annotations

import re
from datetime import date

from ..normalize import fold
from ..reference import gazetteer

__all__ = [
    "NUMBER_WORDS",
    "CUE_TABLE",
    "CUES",
    "DAY_RANGE",
    "WAVE_STARTS",
    "CLOCK",
    "RECORDED",
    "TITLE_NEW",
    "WAVE",
    "PART_OF_MONTH",
    "SPAN_MAX_DAYS",
    "CLAUSE_MARK",
    "RANK",
    "PERIOD_OF",
    "MARK",
    "SLACK",
    "RECENT",
    "NEAR_PARAGRAPHS",
    "BREAKDOWN_START",
    "AMONG_START",
    "LIST_OPENER",
    "LIST_ITEM",
    "RATE_BEFORE",
    "RATE_AFTER",
    "RATIO",
    "CASE_FAMILY",
    "OUTCOMES",
    "WORLD",
    "NATIONAL_WORDS",
    "REGION",
    "FOREIGN",
    "LOCAL_AFTER",
    "LOCAL_LABEL",
    "PLURAL",
    "UNIT",
    "ORIGIN",
    "CONTRAST",
    "DOWN",
    "LEVEL",
]

# --- the grammar of period phrases (patterns run on the folded body) -----------------------

NUMBER_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
COUNT_WORD = r"(?P<n>\d{1,3}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
HOUR = r"\d{1,2}[ ]*(?:giờ|h|g)(?:[ ]*\d{2})?(?![\w])"

# (kind, pattern): the period phrases a sentence may hold. ``since`` phrases are tallies whose
# start is read from the date after "từ" (or spans when a date a few weeks later closes them);
# ``new`` words bind only the figure of their own clause; ``tally`` words ("đã cách ly") make
# contacts and tests a tally, never cases.
CUE_TABLE: tuple[tuple[str, str], ...] = (
    ("average", r"trung bình(?=[ ]+(?:mỗi|một|hằng|hàng)[ ]+ngày|[ ]+số|[^.;]{0,40}?/[ ]*ngày)"),
    ("span", r"(?:trong|qua)[ ]+" + COUNT_WORD + r"[ ]+(?:ngày|tuần)(?:[ ]+(?:qua|vừa qua|gần đây|gần nhất|trước đó))?"
             r"|(?:trong[ ]+)?(?:một |1 )?tuần[ ]+(?:qua|vừa qua|này)"),
    ("day", r"(?:trong|qua)[ ]+24[ ]*(?:giờ|h)(?:[ ]+qua)?|24[ ]*(?:giờ|h)[ ]+qua"
            r"|trong ngày(?![ ]+(?:mai|thứ))|(?<!đến )(?<!tới )(?<!đến ngày )(?:ngày )?hôm nay|(?:sáng|trưa|chiều|tối|đêm) nay"
            r"|cùng ngày(?![ ]+\d)|(?:ngày )?hôm qua|/ngày|riêng (?:trong )?ngày"
            r"|từ[ ]+" + HOUR + r"[^.;]{0,40}?(?:đến|tới)[ ]+" + HOUR),
    ("since", r"(?:kể |tính )?từ[ ]+(?:ngày[ ]+)?(?:đầu |cuối |giữa )?(?:tháng[ ]+)?\d{1,2}[ ]*[/.-][ ]*\d{1,4}(?:[ ]*[/.-][ ]*\d{4})?"
              r"|(?:kể |tính )?từ khi[^.;()]{0,60}?\([ ]*\d{1,2}[ ]*[/.-][ ]*\d{1,2}"
              r"|đợt dịch(?: lần)?(?: thứ)?[ ]+(?:4|tư)(?![\w])"),
    ("new", r"thêm|(?:ca|mắc|nhiễm|f0|bệnh nhân|trường hợp)(?:[ ]+(?:mắc|nhiễm|bệnh|dương tính|covid-19))*[ ]+mới"),
    ("cumulative", r"từ (?:đầu|khi)(?: vụ| đợt)? dịch|kể từ đầu|từ khi (?:dịch )?(?:covid-19 )?(?:bùng phát|xuất hiện)"
                   r"|từ trước (?:đến|tới) nay|cộng dồn|tích lũy|tích luỹ|lũy kế|luỹ kế|tổng số|tổng cộng|nâng tổng|tổng(?=[ ]+\d)"
                   r"|tính đến|(?:đến|tới) nay|(?:đến|tới) thời điểm (?:này|hiện tại|hiện nay)|(?:đến|tới) hết"
                   r"|đợt dịch"),
    ("tally", r"đã (?:xác định|cách ly|tiêm|thực hiện|lấy)"),
    ("snapshot", r"hiện (?:nay|tại|có|còn|đang)|(?<![\w])hiện(?=[ ]*,)|^[ \W]*hiện(?![\w])"
                 r"|đang (?:được )?(?:điều trị|cách ly|theo dõi|chờ|nằm|nghi ngờ|thở)|còn (?:đang )?điều trị"
                 r"|đang chăm sóc"),
)
# One pass over a sentence: at each place the first kind of the table that matches wins.
CUES = re.compile(r"(?<![\w])(?:" + "|".join(rf"(?P<{kind}>{pattern})" for kind, pattern in CUE_TABLE) + r")(?![\w/])")
# A short window "từ 8 đến 10/2": the first day shares the month of the second.
DAY_RANGE = re.compile(r"từ[ ]+(?:ngày[ ]+)?(\d{1,2})[ ]*(?:đến|tới|-)[ ]*(?:hết[ ]+)?(?:ngày[ ]+)?(\d{1,2})[ ]*[/.-][ ]*(\d{1,2})(?:[ ]*[/.-][ ]*(\d{4}))?")
# Where a wave starts when the page names it without a date: the Ministry of Health counts the
# fourth wave from 27/4/2021 (its daily bulletins: "từ ngày 27/4/2021 đến nay").
WAVE_STARTS = {"4": date(2021, 4, 27), "tư": date(2021, 4, 27)}
# An hour before a date: "lúc 6h ngày 10/5", "18 giờ ngày 4/8".
CLOCK = re.compile(r"(?:lúc|\d[ ]*(?:h|giờ|g))[^,;]{0,12}$")
# The verb of a report of what was found on a day ("Ngày 22/2, tỉnh ghi nhận 2.500 ca").
RECORDED = re.compile(r"(?<![\w])(?:ghi nhận|phát hiện)(?![\w])[^,;:]*$")
# A title announcing new cases: "Thêm 16 người ...", "THÔNG BÁO VỀ 18 CA MẮC MỚI".
TITLE_NEW = re.compile(r"(?<![\w])thêm[ ]+\d|(?<!không có )(?<!chưa có )(?<![\w])(?:ca|người|trường hợp|bệnh nhân|f0)"
                        r"(?:[ ]+(?:mắc|nhiễm|bệnh|dương tính|covid-19))*[ ]+mới(?![\w])")
WAVE = re.compile(r"đợt dịch(?: lần)?(?: thứ)?[ ]+(4|tư)(?![\w])")
PART_OF_MONTH = re.compile(r"(đầu|cuối|giữa)[ ]+$")
# A longer window than this is a tally since its start, not a span of new figures.
SPAN_MAX_DAYS = 31
CLAUSE_MARK = re.compile(r"[,;()]")
# Cue kinds by how closely they bind, strongest first.
RANK = {"average": 0, "span": 1, "since": 2, "day": 3, "new": 3.5, "cumulative": 4, "tally": 4, "snapshot": 5}
# The period each cue kind gives a figure.
PERIOD_OF = {"since": "cumulative", "tally": "cumulative", "new": "day"}

# --- words of totals and parts -------------------------------------------------------------------

# Marks read after a figure: openers, separators and closing parentheses.
MARK = re.compile(r"(?<![\w])(?:trong đó|trong số đó|bao gồm|gồm|cụ thể|chia ra|riêng|kết quả|thì có)(?![\w])|:|\(|\)|;"
                   r"|(?<![ .(][a-zđ])\.(?=\s|$)")
# Parts may add up to a little more than their total: sources are often off by one or two.
SLACK = 2
# How many sentences back a breakdown may find the total its parts add up to.
RECENT = 3
# How many paragraphs apart a province's figure may follow the national total it is part of.
NEAR_PARAGRAPHS = 2
# A sentence that breaks down a figure of the sentence before it.
BREAKDOWN_START = re.compile(r"[\W\d]*(?:[a-z]\.[ ]+)?(?:trong đó|trong số (?:này|đó|trên|các)|trong số|cụ thể|riêng|bao gồm|gồm)(?![\w])")
# "Trong 15 bệnh nhân tại Bắc Ninh, 3 ca ...": the first figure is the total of the others.
AMONG_START = re.compile(r"\W*trong(?: tổng)?(?: số)?[ ]+$")
# The last line before a list that announces it as a breakdown ("Cụ thể là:", "Trong đó:", "... như sau:").
LIST_OPENER = re.compile(r"(?:^|\n)[^\S\n]*(?:cụ thể|trong đó|bao gồm|gồm|chi tiết)[^\n\d]{0,20}:\s*$|như sau:\s*$", re.IGNORECASE)
LIST_ITEM = re.compile(r"\s*(?:[-–+•*]|[a-zđ][.)])\s")
# A daily average next to its number: "trung bình 520 ca/ngày", "43.605 ca/ngày".
RATE_BEFORE = re.compile(r"trung bình[^.;,()]*$")
RATE_AFTER = re.compile(r"[ ]*(?:\w+[ ]*)?/[ ]*ngày(?![\w])")
RATIO = re.compile(r"\d[\d.,]*[ ]*/[ ]*(\d[\d.,]*)")
CASE_FAMILY = frozenset({"confirmed", "new_confirmed"})
OUTCOMES = frozenset({"recovered", "deaths", "active"})

# --- words of scope --------------------------------------------------------------------------------

WORLD = re.compile(r"(?<![\w])(?:thế giới|toàn cầu|quốc gia và vùng lãnh thổ|các nước)(?![\w])")
NATIONAL_WORDS = re.compile(r"(?<![\w])(?:việt nam|cả nước|toàn quốc|trong nước|nước ta|hệ thống quốc gia)(?![\w])")
REGION = re.compile(r"(?<![\w])(?:tây nguyên|đbscl|đồng bằng sông (?:cửu long|hồng)|(?:đông |tây )?(?:nam|bắc) bộ|miền (?:bắc|trung|nam|tây)"
                     r"|các tỉnh phía (?:nam|bắc)|các tỉnh miền)(?![\w])")
FOREIGN = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(fold(c)) for c in sorted(gazetteer.COUNTRIES, key=len, reverse=True)
                                                  if fold(c) != "việt nam") + r")(?![\w])")
# A place below a district written as a figure's own place: a commune or ward, a hospital, a
# company, a school, a cluster, a family ("tại phường Điện Ngọc", "Bệnh viện C Đà Nẵng: 50").
LOCAL_NOUN = (r"xã|phường|thị trấn|thôn|ấp|bản|khu phố|tổ dân phố|khối phố|p\.|bệnh viện|trung tâm y tế|công ty|nhà máy"
               r"|khu công nghiệp|kcn|cụm công nghiệp|trường (?:học|mầm non|tiểu học|thcs|thpt|đại học|cao đẳng)|chợ|siêu thị|ổ dịch|chùm ca|điểm nhóm|hội thánh|gia đình"
               r"|khách sạn|chung cư|tòa nhà|toà nhà|trụ sở|tập thể")
LOCAL_AFTER = re.compile(r"[^,;:()]{0,40}?(?<![\w])(?:tại|ở|trong|thuộc|liên quan(?: đến| tới)?|cùng(?: một)?|của)[ ]+(?:các[ ]+)?(?P<noun>"
                          + LOCAL_NOUN + r")(?![\w])")
LOCAL_LABEL = re.compile(r"(?:^|[;:,\-–+•]|\.[ ])[ ]*(?:tại[ ]+|\d+[ ]+)?(?P<noun>" + LOCAL_NOUN + r")(?![\w])[^;:]{0,50}(?:\([^()]{0,80}\))?[^;:,]{0,30}:?[ ]*$", re.M)
PLURAL = re.compile(r"các[ ]+$")
UNIT = re.compile(r"[ ]*(?<![\w])(?:huyện|quận|thị xã|tỉnh|thành phố)(?![\w])")
# A country a case comes from is no scope: "2 ca nhập cảnh từ Nhật Bản" are Vietnam's.
ORIGIN = re.compile(r"(?<![\w])(?:từ|về|tới|đến|sang|qua)[ ]+$")
# A sentence that turns to Vietnam after figures with no place: those were the world's.
CONTRAST = re.compile(r"\W*(?:còn |trong khi đó,? )?(?:tại|ở) (?:việt nam|nước ta)(?![\w])")
# One level down: the items of a list under a total of the level before.
DOWN = {"national": "province", "province": "district", "district": "local"}
LEVEL = {"world": 0, "foreign": 0, "national": 1, "region": 2, "province": 3, "district": 4, "local": 5}

"""The lexicons of case counts, as data: counter nouns, metric keywords, period and place cues.

Every pattern runs on the folded body (``article.body_key``); the rules that read a
sentence with them live in :mod:`covidlib.extract.case_counts`.
"""
from __future__ import annotations

import re

from ..reference import gazetteer

__all__ = ["ADDRESS_LINK", "ADJACENT", "AFTER_COVID", "AGE_HOLDER_BEFORE", "BACK_REFERENCE", "BARE_END", "BARE_UNIT", "BREAKDOWN_START", "BREAKDOWN_WORD", "BY_DELTA_BEFORE", "CAPACITY_BEFORE", "CAPITALISED_WORD_AFTER", "CAPITALISED_WORD_BEFORE", "CASE_COUNTERS", "CHAIN_GAP", "CLAUSE_END", "COMPARED", "CONTACT_LABEL", "COPULA_END", "COUNTER", "COUNT_DIGIT", "COVID", "CUMULATIVE", "DEFAULT_CASE_WORDS", "DELTA_BEFORE", "DONE", "DOSES_NOT_GIVEN", "DURING_QUARANTINE", "EACH", "ELIDED_BEFORE_PLACE", "EVENTS", "FOREIGN", "GIVEN", "HOUR_WINDOW", "LIST_ITEM_AFTER", "LIST_JOIN_BEFORE", "NAMED_ITEM_GAP", "NATIONAL", "NEGATION", "NEW_FLAG", "NOT_CASE_AFTER", "NOT_YET", "NOT_YET_METRICS", "NUMBERED_NOUN_BEFORE", "OPENS_PARENTHESIS", "ORIGIN_BEFORE", "OTHER_DISEASE", "OUTSIDE_PROVINCE", "OWN_CLAUSE_START", "PATIENT_WORDS", "PER_PERIOD_DELTA", "PLACE_AFTER", "PLANNED", "PLAN_LEAD", "POST_PLACE", "RAISED_TO", "RATE_BEFORE", "SEQUENCING", "SEVERITY", "STRICT_CASE_WORDS", "SUBJECT", "TERMS", "THAN_BEFORE", "THEM", "THRESHOLD_BEFORE", "WARDS_THEN", "WEAK", "WHEN_BEFORE", "words"]


def words(pattern: str) -> str:
    """Wrap an alternation so it matches whole words only."""
    return rf"(?<![\w])(?:{pattern})(?![\w])"


# --- lexicons (all patterns run on the folded body, ``article.body_key``) -------------------

# What may follow a number for it to count people or cases. Anything else ("giường",
# "chốt", "huyện", "test", "suất quà", "cán bộ") makes it no case count.
COUNTER = re.compile(
    r"[ ]*(?:"
    r"(?:(?:ca|trường hợp|người)(?:[ ]+(?:được[ ]+)?xác định(?:[ ]+là)?)?[ ]+)?(?P<contact>f[1-4])"
    r"|(?P<case>ca(?:[ ]+bệnh)?|trường hợp|bệnh nhân|người bệnh|bn|f0)"
    r"|(?P<person>lượt người|người(?:[ ]+dân)?|đối tượng|công dân|trẻ(?:[ ]+em)?|nhân khẩu)"
    r"|(?P<sample>mẫu(?:[ ]+(?:xét nghiệm|bệnh phẩm))?|lượt xét nghiệm|xét nghiệm(?:[ ]+mẫu)?)"
    r"|(?P<dose>liều|mũi|lượt tiêm)"
    r")(?![\w])"
)
# What follows "ca" / "trường hợp" when they count something else: surgeries, shifts, violations.
NOT_CASE_AFTER = re.compile(
    r"[ ]*" + words(r"phẫu thuật|mổ|trực|sinh|đẻ|làm việc|ghép|can thiệp|tai nạn|cấp cứu|vi phạm|bị xử phạt"
                     r"|xử phạt|bị phạt|sốt xuất huyết|tay chân miệng|cúm|sởi|bạch hầu|dại"
                     # compounds of a counter word: "ca sĩ", "ca khúc", "mẫu ruộng", "người mẫu", "mũi tên"
                     r"|sĩ|khúc|nô|dao|kịch|ruộng|đất|giáo|mẫu|tên|khoan"
                     # kin: "3 người con", "người thân", "người nhà"
                     r"|con|thân|nhà")
)
# A later clause pointing back at a figure's people: "toàn bộ các trường hợp này", "tất cả số người trên".
THEM = re.compile(words(r"toàn bộ|tất cả|cả") + r"(?:[ ]+(?:các|những|số))?[ ]+"
                   + words(r"trường hợp|người|ca|đối tượng") + r"[ ]+" + words(r"này|nói trên|trên|đó"))
COUNT_DIGIT = re.compile(r"\d")
# Between two items "name figure" of one list: "Lục Nam 12, Yên Dũng 5" (the second name may be no place we know).
NAMED_ITEM_GAP = re.compile(r"[ ]*[,;][ ]*(?:và[ ]+)?[^\W\d_]+(?:[ ]+[^\W\d_]+){0,3}[ ]*")
# A list item whose counter is left out before its place: ", một Đồng Nai", ", một từ Guinea".
LIST_JOIN_BEFORE = re.compile(r"(?:[,;]|" + words(r"và") + r")[ ]*$")
ELIDED_BEFORE_PLACE = re.compile(r"[ ]+(?:" + words(r"từ|tại|ở") + r"[ ]+)?")
# A total raised to a figure whose counter is left out before a place: "lên 672.593 tại 62 tỉnh".
RAISED_TO = re.compile(words(r"lên") + r"[ ]*$")
PLACE_AFTER = re.compile(r"[ ]+" + words(r"tại|ở|trên"))
# A relative right before a bare number gives the relative's age: "con trai 75", "vợ 52".
AGE_HOLDER_BEFORE = re.compile(words(r"con trai|con gái|vợ|chồng|bố|mẹ|cha|ông|bà|cháu|anh trai|chị gái|em trai|em gái")
                                + r"[ ]*$")
# A noun right before a bare number numbers it: "làm ca 2" is the second shift (not "số ca: 241"), "đội 2" a team.
NUMBERED_NOUN_BEFORE = re.compile(r"(?<!số )(?<!tổng )(?<![\w])(?:ca|đội|khu)[ ]*$")
# A figure pointing back at one already given: "trong số 11 trường hợp này".
BACK_REFERENCE = re.compile(r"[ ]+" + words(r"này|nói trên|kể trên|đó"))
# Samples sent for genome sequencing are no tests for infection.
SEQUENCING = re.compile(words(r"giải trình tự(?: gen| gien)?|biến thể|biến chủng"))
# A province or city named by its kind alone: "toàn tỉnh có 50 ca", "trên địa bàn thành phố".
BARE_UNIT = re.compile(
    r"(?:" + words(r"toàn|địa bàn|trong|cả") + r"[ ]+(?:(tỉnh)|thành phố)|(?<![\w])(?:(tỉnh)|thành phố)[ ]+(?:ta|nhà)"
    # "tỉnh ghi nhận 12 ca": the word alone as a subject, not "các tỉnh", "tỉnh bạn", "tỉnh lộ"
    r"|(?<!các )(?<!nhiều )(?<!những )(?<!mỗi )(?<!từng )(?<!ngoài )(?<!ngoại )(?<!giữa )(?<!\d )(?<![\w])(tỉnh)"
    r"(?![ ]+(?:bạn|khác|lộ|thành|lân cận|láng giềng|phía|ngoài|giáp|đoàn|đội|này|đó|trên|nói trên)(?![\w]))"
    r")(?![\w])"
)
# What joins the members of a list of numbers: "512, 517 và 523", "14-15", "từ 1017 đến 1022".
CHAIN_GAP = re.compile(r"[ ]*(?:,|;|-|–|và|đến|tới)[ ]*")
# A number with no counter is read only when punctuation or one of these follows it; a spaced dash
# separates the items of a flattened table ("TP.HCM 5.210 - Bình Dương 1.870").
BARE_END = re.compile(r"[ ]*(?:[,.;:)(\]\n]|$|[-–](?=[ ])|(?:và|trong đó|so với)(?![\w]))")
# Counters of the case family: words after them describe the cases, not another measure.
CASE_COUNTERS = frozenset({"case"})
# Counters after which only case metrics may be read before the number ("sàng lọc ... 54 ca").
STRICT_CASE_WORDS = re.compile(r"[ ]*(?:ca|bệnh nhân|người bệnh|bn|f0)(?![\w])")

# Counters that name confirmed patients: isolating them is caring for them, not quarantining contacts.
PATIENT_WORDS = re.compile(r"[ ]*(?:f0|bệnh nhân|người bệnh|bn)(?![\w])")
# Counters that are COVID-19 cases by themselves when nothing else is said ("trường hợp" is not).
DEFAULT_CASE_WORDS = re.compile(r"[ ]*(?:ca|bệnh nhân|người bệnh|f0)(?![\w])")

# Metric keywords, most specific first. (metric, detail, pattern)
METRIC_TERMS: tuple[tuple[str, str | None, str], ...] = (
    ("deaths", None, r"tử vong|chết|qua đời|thiệt mạng|không qua khỏi|không qua được"),
    ("recovered", None, r"điều trị khỏi|khỏi bệnh|(?<!ra )khỏi|xuất viện|ra viện|bình phục|hồi phục"
                        r"|hoàn thành điều trị|kết thúc điều trị"),
    # patients in care; the detail tells a severity or home care from all patients under treatment
    ("active", "tại nhà", r"điều trị tại nhà"),
    ("active", None, r"đang (?:được )?điều trị|còn (?:đang )?điều trị|đang (?:được )?chăm sóc|chuyển tầng"),
    ("active", "nguy kịch", r"nguy kịch"),
    ("active", "nặng", r"nặng"),
    ("active", "thở máy", r"thở máy"),
    ("active", "ECMO", r"ecmo"),
    ("active", "thở oxy", r"thở ô xy|thở oxy"),
    ("active", "trung bình", r"(?:ở )?mức(?: độ)? trung bình"),
    ("suspected", None, r"nghi ngờ|nghi nhiễm|nghi mắc"),
    ("quarantined", "tập trung", r"cách ly (?:y tế )?tập trung"),
    ("quarantined", "tại nhà", r"cách ly (?:y tế )?tại (?:nhà|gia|nơi (?:lưu trú|cư trú))|tự cách ly"),
    ("quarantined", None, r"cách ly|theo dõi sức khỏe|theo dõi sức khoẻ|giám sát y tế"),
    ("tested", None, r"xét nghiệm|lấy mẫu|test|âm tính|sàng lọc"),
    ("vaccinated", None, r"tiêm chủng|tiêm|vắc[- ]?xin|vaccine|vacxin|chủng ngừa"),
    ("confirmed", None, r"(?:kết quả )?xét nghiệm dương tính|mắc|nhiễm|dương tính"),
)
# Nouns that name cases without saying anything of them: read only when nothing else is said.
WEAK_TERMS: tuple[tuple[str, str | None, str], ...] = (
    ("confirmed", None, r"ca bệnh|bệnh nhân|người bệnh|f0"),
)
TERMS = [(metric, detail, re.compile(words(pattern))) for metric, detail, pattern in METRIC_TERMS]
WEAK = [(metric, detail, re.compile(words(pattern))) for metric, detail, pattern in WEAK_TERMS]
# Active-case words that describe a patient's state: an event later in the clause says more.
SEVERITY = re.compile(r"nặng|nguy kịch|thở máy|thở ô xy|thở oxy|ecmo")
# What later happens to cases named by their state or their infection: the event is what is counted.
EVENTS = frozenset({"deaths", "recovered"})
# ... unless the event only dates them: "2 trường hợp tái dương tính sau khi xuất viện".
WHEN_BEFORE = re.compile(words(r"khi|từng|đã từng") + r"(?:[ ]+\S+)?[ ]*$")
# A contact class as the label of a figure: "F2 là 14 ca", "F1: 32 người".
CONTACT_LABEL = re.compile(r"(?<![\w])(f[1-4])[ ]*(?::|" + words(r"là") + r")[ ]*$")
COPULA_END = re.compile(r"(?::|" + words(r"là") + r")[ ]*$")
OWN_CLAUSE_START = re.compile(r"[,;:(]|" + words(r"và"))
NEGATION = re.compile(words(r"chưa|không") + r"(?:[ ]+\S+){0,2}[ ]*$")
# Tests and doses that are still to come: "500.000 người cần được tiêm", "50 người đang chờ xét nghiệm".
NOT_YET = re.compile(words(r"cần(?! thơ)|sẽ|chờ|phải") + r"(?:[ ]+\S+){0,2}[ ]*$")  # not the city Cần Thơ
NOT_YET_METRICS = frozenset({"vaccinated", "tested"})
DURING_QUARANTINE = re.compile(r"đang(?:[ ]+được)?[ ]+$")

# Words that make a confirmed figure a new one.
NEW_FLAG = re.compile(
    words(r"thêm|trong ngày|mỗi ngày|hằng ngày|hàng ngày|(?<!đến )(?<!tới )hôm nay|trong 24 giờ|24 giờ qua|24h qua"
           r"|vừa (?:ghi nhận|phát hiện|có|nhận|công bố)")
    + r"|/ngày|" + words(r"(?:ca|mắc|nhiễm|f0|bệnh nhân|trường hợp)(?:[ ]+\S+){0,3}?[ ]+mới")
)
HOUR_WINDOW = re.compile(r"từ[ ]+\d{1,2}[ ]*(?:giờ|h)(?![\w]).{0,40}?đến[ ]+\d{1,2}[ ]*(?:giờ|h)(?![\w])")
# Words that make a figure cumulative.
CUMULATIVE = re.compile(words(
    r"tổng|tổng cộng|tổng số|cộng dồn|tích lũy|tích luỹ|lũy kế|luỹ kế|đến nay|tới nay|từ đầu|tính đến"
    r"|đợt dịch|kể từ|tăng lên|lên tới|lên đến|đã có|(?:đến|tới) hôm nay"
))
# A word that opens the parts of a figure within its sentence.
BREAKDOWN_WORD = re.compile(words(r"trong đó|cụ thể|bao gồm|gồm"))
# A sentence that opens a breakdown of the previous sentence's figure.
BREAKDOWN_START = re.compile(r"\W*(?:trong đó|cụ thể|trong số (?:này|đó|trên)|trong số|riêng|bao gồm|gồm)(?![\w])")
# "Số ca tử vong ... là 39.682": the subject names the metric.
SUBJECT = re.compile(words(r"số(?:[ ]+lượng)?") + r"(?P<phrase>(?:[ ]+(?!là(?![\w]))[^\s:;,]+){1,9})")

# Numbers that are not counts although a counter follows them.
DELTA_BEFORE = re.compile(words(r"tăng|giảm") + r"(?:[ ]+(?:thêm|lên|xuống|được))?[ ]*$")
COMPARED = re.compile(words(r"so với"))
# "tăng 120 ca", "giảm thêm 45 ca": a change by that much ("tăng lên 500 ca" names the new level).
# "ít hơn hôm qua 5 ca": smaller than the day before by that much.
THAN_BEFORE = re.compile(words(r"(?:ít|nhiều|cao|thấp) hơn") + r"[ ]+(?:ngày )?(?:hôm qua|hôm trước|ngày trước(?: đó)?"
                          r"|tuần trước|cùng kỳ)[ ]*$")
BY_DELTA_BEFORE = re.compile(words(r"tăng|giảm") + r"(?:[ ]+thêm)?[ ]*$")
# ... but "mỗi ngày tăng 1.988 F0" adds that many cases a day.
PER_PERIOD_DELTA = re.compile(words(r"mỗi|một|hằng|hàng") + r"[ ]+(?:ngày|tuần)[ ]+(?:lại[ ]+)?tăng(?:[ ]+thêm)?[ ]*$")
RATE_BEFORE = re.compile(r"(?:" + words(r"cứ") + r"[ ]*$|/[ ]*$|" + words(r"cứ") +
                          r"[ ]+[\d.,]+[ ]*(?:triệu|nghìn|ngàn|vạn)?[ ]*(?:người|dân)[ ]+(?:thì[ ]+)?(?:có[ ]+)?$)")
CAPACITY_BEFORE = re.compile(
    words(r"công suất|năng lực|khả năng|quy mô|tối đa|có thể|sức chứa|mục tiêu|kế hoạch|dự kiến") + r"(?:[ ]+\S+){0,4}[ ]*$"
)
# Plans, targets and capacities: figures after them in the sentence are not counts of what happened
# ("Mục tiêu đến cuối năm, thành phố tiêm được 10 triệu liều"), unless a word of fact follows them.
PLANNED = re.compile(words(r"mục tiêu|chỉ tiêu|phấn đấu|dự kiến|dự báo|kế hoạch|công suất|năng lực|sức chứa"
                             r"|quy mô|sẽ|phương án|kịch bản"))
PLAN_LEAD = re.compile(r"\W*(?:theo[ ]+)?" + words(r"mục tiêu|chỉ tiêu|kế hoạch|dự kiến|phấn đấu|dự báo"))
DONE = re.compile(words(r"đã|đang|vừa|hiện có|hiện đang|đến nay|tính đến"))
# Doses are counted when given ("đã tiêm", "được tiêm"), not when received, bought or planned.
GIVEN = re.compile(words(r"tiêm|tiêm chủng|đã tiêm|được tiêm"))
DOSES_NOT_GIVEN = re.compile(words(r"nhận|tiếp nhận|phân bổ|phân bố|mua|viện trợ|tặng|cung ứng|cấp phát|nhập về|về tới|bàn giao"))
THRESHOLD_BEFORE = re.compile(
    words(r"số") + r"[ ]+(?:ca|trường hợp|bệnh nhân|người|f0)(?:[ ]+\S+){0,3}?[ ]+"
    r"(?:dưới|trên|hơn|từ|quá|vượt)[ ]*$"
)
OTHER_DISEASE = re.compile(words(
    r"sốt xuất huyết|tay chân miệng|tay - chân - miệng|bạch hầu|sởi|cúm a|cúm gia cầm|bệnh dại|hiv"
    r"|đậu mùa khỉ|ho gà|viêm não|thủy đậu|thuỷ đậu|zika|ebola|mers|hậu[ ]+covid"
))
# After-effects of COVID-19 are another condition: "điều trị hậu COVID-19 cho 50 ca" counts no COVID-19 case.
AFTER_COVID = re.compile(r"hậu[ ]+covid(?:[ -]*19)?")
COVID = re.compile(r"covid|sars-cov|ncov|corona|f0")

# Scopes that are not a province: the country, the world, and regions that group several provinces.
NATIONAL = re.compile(words(
    r"việt nam|cả nước|nước ta|trong nước|toàn quốc|thế giới|bộ y tế|hệ thống quốc gia"
    r"|tây nguyên|đbscl|đồng bằng sông (?:cửu long|hồng)|(?:đông |tây |bắc |nam )?(?:nam|bắc|trung) bộ"
    r"|miền (?:bắc|trung|nam|tây)|các tỉnh phía (?:nam|bắc)"
    r"|(?:\d+|các)[ ]+(?:tỉnh|địa phương)(?:[ ]*,[ ]*|[ ]+và[ ]+|[ ]*/[ ]*|[ ]+)thành(?:[ ]+phố)?"
))
# Other countries and regions, matched on the body as written: a figure for them has no province.
FOREIGN = re.compile(
    r"(?<![\w])(?:" + "|".join(re.escape(c) for c in sorted(gazetteer.COUNTRIES, key=len, reverse=True))
    + "".join(rf"|(?<={cue} )(?:" + "|".join(gazetteer.SHORT_COUNTRIES) + ")" for cue in ("nước", "tại", "ở"))
    + r")(?![\w])"
)
# What makes a province an origin or a link, not the place where a figure is counted.
ORIGIN_BEFORE = re.compile(words(r"từ|liên quan(?:[ ]+(?:đến|tới))?") + r"[ ]+(?:(?:tỉnh|thành phố|tp)[ .]*)?$")
CAPITALISED_WORD_AFTER = re.compile(r"[ ]+[^\W\d_]")
CAPITALISED_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ ]+$")
OUTSIDE_PROVINCE = re.compile(words(r"ngoài tỉnh|ngoại tỉnh|tỉnh khác"))
# Connectors allowed between a place and its number ("Nậm Pồ có 45 ca", "Đông Anh (435)").
ADJACENT = re.compile(r"^[ ]*(?:\(|:|có|có thêm|thêm|ghi nhận|ghi nhận thêm|là|với)?[ ]*$")
# A place after the number: "5 người điều trị ở TP.HCM", "40 ca tại TP.HCM".
POST_PLACE = re.compile(r"^[^,;:()]{0,45}?" + words(r"tại|ở|thuộc") + r"(?:[ ]+\S+){0,2}?[ ]*$")
# Communes and wards named before their district: "tại xã Đại Hồng và xã Đại Đồng, huyện " (the district follows).
WARDS_THEN = re.compile(
    r"[^,;:()]{0,30}?" + words(r"tại|ở|thuộc") + r"(?:[ ]*(?:xã|phường|thị trấn|thôn|ấp|khối phố|khu phố)[ ]+[^,;:()]+?"
    r"[ ]*(?:,|và|;))+[ ]*(?:(?:huyện|quận|thị xã|thành phố|tp)[ .]*)?"
)
# A place followed by its own figure in parentheses: an item of a list ("TP.HCM (98)").
LIST_ITEM_AFTER = re.compile(r"[ ]*\([ ]*\d")
EACH = re.compile(
    words(r"mỗi") + r"[ ]+(?:quận|huyện|xã|phường|tỉnh|thành phố|địa phương|nơi|đơn vị)"
    r"(?:[ ]*[/,][ ]*\w+)*[ ]+(?:(?:có|thêm|ghi nhận)[ ]+)*$"
)
# What joins the parts of an address: "huyện Châu Thành, tỉnh Bến Tre".
ADDRESS_LINK = re.compile(r"[ ]*[,–-][ ]*(?:(?:tỉnh|thành phố|tp|t\.p)[ .]*)?")
# An opening parenthesis before a place name, the unit word written before the name included ("(TP.HCM)").
OPENS_PARENTHESIS = re.compile(r"\([ ]*(?:(?:tỉnh|thành phố|tp|t\.p)[ .]*)?$")
CLAUSE_END = re.compile(r"[,;:()\n]|" + words(r"và|trong đó|gồm|bao gồm|nhưng|còn"))

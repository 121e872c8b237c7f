"""Support figures on real phrasings, one class of phrasing per test (see corpus/README.md, `support`).

Each case is a phrasing of the reports, with the values the guideline gives it. The giver is
compared by the subject as written (its text); its canonical name is the organisation
recogniser's.
"""

from __future__ import annotations

import pytest

from extractor import extract
from support_fields import support_fields as _fields


def _check(text: str, expected: list[dict]) -> None:
    """The text states exactly these figures; each is compared on the fields the case names."""
    figures = [_fields(f) for f in extract(text).support]
    assert len(figures) == len(expected), figures
    for got, wanted in zip(figures, expected):
        assert {name: got[name] for name in wanted} == wanted, got


# --- status: a results section of a report whose title also names the plan ------------------

REPORT_6_MONTHS = """BÁO CÁO
Sơ kết hoạt động công đoàn 6 tháng đầu năm 2015, phương hướng nhiệm vụ 6 tháng cuối năm

I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2015

1. Công tác chăm lo đời sống, bảo vệ quyền lợi đoàn viên
Các CĐCS đã thăm hỏi 1.124 lượt đoàn viên ốm đau, thai sản với số tiền 412 triệu đồng.

II. PHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG CUỐI NĂM 2015
1. Phối hợp tổ chức “Bữa cơm Công đoàn” cho khoảng 3.000 công nhân các khu công nghiệp nhân kỷ niệm 86 năm Ngày thành lập Công đoàn Việt Nam.
"""


def test_results_section_is_actual_plan_section_is_planned() -> None:
    _check(REPORT_6_MONTHS, [
        {"count": 1124, "who": "lượt đoàn viên ốm đau, thai sản", "amount": 412_000_000, "purpose": "illness",
         "status": "actual"},
        # "tổ chức" a meal programme for N people is support
        {"count": 3000, "who": "công nhân các khu công nghiệp", "qualifier": "approx", "purpose": "meals",
         "status": "planned"},
    ])


# A short name ("Công đoàn ngành", "CĐCS") is an organisation once the text has named it in full.
SECTOR = "Công đoàn ngành Y tế tỉnh Sóc Trăng tổ chức Đại hội đại biểu lần thứ VII. "
GRASSROOTS = "CĐCS Công ty TNHH Giày Hưng Phát Việt Nam hiện có 1.200 đoàn viên. "


# --- purpose: the cause wins over the form; a named form or cause, never a neighbour's --------


@pytest.mark.parametrize(
    ("text", "purposes"),
    [
        # a cause in the sentence's opening adverbial, the gifts in the clause
        ("Tại thôn Câu Nhi, xã Hải Tân - nơi nước lũ dâng cao gần 3 m, đoàn đã trao 300 suất quà cho đoàn viên có "
         "nhà bị ngập sâu, mỗi suất gồm 1 triệu đồng tiền mặt và 10 kg gạo.", ["disaster"]),
        ("Trong thời điểm dịch COVID-19 bùng phát, Công đoàn ngành đã thăm hỏi, tặng quà 3.460 lượt y, bác sĩ, nhân "
         "viên y tế tuyến đầu chống dịch với tổng số tiền hơn 1,9 tỷ đồng.", ["covid"]),
        # a cause in the clause: a flood after the house form, damaged houses, a landslide
        ("Từ nguồn Quỹ “Mái ấm Công đoàn”, LĐLĐ tỉnh đã xét hỗ trợ sửa chữa 15 “Mái ấm Công đoàn” bị hư hại nặng "
         "sau lũ, mức hỗ trợ 20 triệu đồng/căn.", ["disaster"]),
        ("Trước đó, Công đoàn Ngành Giáo dục tỉnh đã hỗ trợ 45 triệu đồng cho 9 đoàn viên là giáo viên Trường "
         "PTDTBT Tiểu học và THCS A Bung (xã A Bung, huyện Đakrông) có nhà bị hư hỏng.", ["disaster"]),
        ("Ngay sau đó, LĐLĐ tỉnh đã trích Quỹ Xã hội hỗ trợ khẩn cấp 1.250 đoàn viên bị thiệt hại nặng do lũ, mỗi "
         "người 500.000 đồng.", ["disaster"]),
        # an accident at work is `other`, and the clause before does not lend its illness
        ("Các CĐCS đã thăm hỏi 1.124 lượt đoàn viên ốm đau, thai sản với số tiền 412 triệu đồng; hỗ trợ 9 gia đình "
         "đoàn viên bị tai nạn lao động chết người, mỗi gia đình 5 triệu đồng.", ["illness", "other"]),
        # travel tickets and loans are `other`, not the gifts of the clause before
        ("Mỗi suất quà trị giá từ 500.000 đến 1 triệu đồng; LĐLĐ thành phố sẽ tặng 15.000 vé xe, vé tàu cho công "
         "nhân về quê đón Tết.", ["other"]),
        ("Công đoàn ngành trao 45 phần quà cho gia đình công nhân nghèo, mỗi phần trị giá 100.000 đồng; giải ngân "
         "thêm 150 triệu đồng vốn vay cho 30 hộ đoàn viên.", ["gifts", "other"]),
        ("LĐLĐ thành phố hỗ trợ 42 công nhân bị mất việc do doanh nghiệp nợ lương, mỗi người 3.500.000đ.",
         ["other"]),
        # general care ("chăm lo", "chuyển trao") names no purpose
        ("Năm 2023, các cấp công đoàn trong ngành đã chăm lo cho 3.215 lượt đoàn viên với tổng kinh phí gần 2,4 tỷ "
         "đồng.", [None]),
        ("Từ các nguồn quỹ, Thường trực Công đoàn Viên chức tỉnh tổ chức chuyển trao và thăm hỏi 127 đoàn viên có "
         "hoàn cảnh khó khăn với số tiền 126.100.000đ.", [None]),
        # a form inside the fund's name is not the purpose of a part
        ("Ngày 14/01, Liên đoàn Lao động thành phố Cần Thơ tổ chức bàn giao 20 căn “Mái ấm Công đoàn” cho đoàn viên "
         "có hoàn cảnh khó khăn về nhà ở. Mỗi căn nhà trị giá 15 triệu đồng, trong đó LĐLĐ thành phố hỗ trợ 10 "
         "triệu đồng từ Quỹ “Mái ấm Công đoàn”, phần còn lại do CĐCS và gia đình đoàn viên đóng góp.",
         ["housing", None]),
        # a total over a list of different acts has none
        ("Phối hợp với các nhà hảo tâm thăm, tặng quà tết các đối tượng chính sách, hộ nghèo trên địa bàn tỉnh; xây "
         "dựng các mô hình sản xuất nông nghiệp; hỗ trợ xóa nhà tạm, sửa chữa, nâng cấp nhà lớp học... tổng giá trị "
         "trên 10 tỷ đồng.", [None]),
    ],
    ids=["flood-in-opening", "covid-in-opening", "flood-after-house", "damaged-houses", "lu", "accident",
         "tickets-not-gifts", "loans", "job-loss", "cham-lo", "chuyen-trao", "form-in-fund-name", "list-total"],
)
def test_support_purpose(text: str, purposes: list) -> None:
    assert [f.purpose.value if f.purpose else None for f in extract(text).support] == purposes


# --- totals and their parts: ellipsis parts, remainders, funds of each part -----------------


def test_parts_after_a_comma_and_funds_of_each_part() -> None:
    text = ("Trong tháng 10/2020, các cấp công đoàn trong tỉnh đã thăm hỏi, hỗ trợ 1.846 lượt đoàn viên, người lao "
            "động bị thiệt hại do lũ lụt với tổng kinh phí hơn 1,7 tỷ đồng, trong đó LĐLĐ tỉnh hỗ trợ 540 triệu đồng "
            "bằng nguồn kinh phí công đoàn, các công đoàn cơ sở hỗ trợ 685 triệu đồng, số còn lại do các doanh "
            "nghiệp tài trợ; riêng Công đoàn Viên chức tỉnh đã trao 96 suất quà cho giáo viên mầm non vùng rốn lũ, "
            "mỗi suất 500.000 đồng.")
    _check(text, [
        {"giver": None, "count": 1846, "who": "lượt đoàn viên, người lao động bị thiệt hại do lũ lụt",
         "amount": 1_700_000_000, "qualifier": "over", "purpose": "disaster", "period": "2020-10", "part_of": None},
        # "nguồn" is no part of the fund; the part's cause is its own
        {"giver": "LĐLĐ tỉnh", "amount": 540_000_000, "fund": "kinh phí công đoàn", "purpose": None,
         "period": "2020-10", "part_of": 0},
        # a part after a comma, with a subject of its own that is no organisation: no giver, no fund
        {"giver": None, "amount": 685_000_000, "fund": None, "purpose": None, "period": "2020-10", "part_of": 0},
        {"giver": "Công đoàn Viên chức tỉnh", "items": 96, "who": "giáo viên mầm non vùng rốn lũ",
         "unit_amount": 500_000, "purpose": "disaster", "fund": None, "part_of": 0},
    ])


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # what is left of a unit after a part ends the part: its fund is not the part's
        (SECTOR + "Công đoàn ngành phối hợp với Công đoàn Y tế Việt Nam xây dựng 12 “Mái ấm Công đoàn” cho "
         "đoàn viên khó khăn về nhà ở, mỗi căn 60 triệu đồng, trong đó Công đoàn Y tế Việt Nam hỗ trợ 40 triệu "
         "đồng/căn, phần còn lại trích từ kinh phí công đoàn ngành.",
         [{"giver": "Công đoàn ngành", "items": 12, "unit_amount": 60_000_000, "purpose": "housing", "fund": None},
          {"giver": "Công đoàn Y tế Việt Nam", "unit_amount": 40_000_000, "purpose": "housing", "fund": None,
           "part_of": 0}]),
        # the fund ends at its name ("cấp tỉnh" is no verb); a neighbouring part keeps no copy of it
        ("Dịp Tết Nguyên đán Ất Mùi, các cấp công đoàn đã thăm hỏi, tặng 18.650 suất quà cho đoàn viên, người lao "
         "động có hoàn cảnh khó khăn với tổng trị giá 7,46 tỷ đồng, trong đó LĐLĐ tỉnh trao 2.000 suất, mỗi suất "
         "500.000 đồng trích từ kinh phí công đoàn cấp tỉnh; riêng Công ty Điện lực Thái Bình tài trợ 1.200 suất "
         "quà, mỗi suất 300.000 đồng.",
         [{"giver": None, "items": 18650, "amount": 7_460_000_000, "purpose": "gifts", "status": "actual"},
          {"giver": "LĐLĐ tỉnh", "items": 2000, "unit_amount": 500_000, "fund": "kinh phí công đoàn cấp tỉnh",
           "part_of": 0},
          # a company that sponsors is the giver of its part
          {"giver": "Công ty Điện lực Thái Bình", "items": 1200, "unit_amount": 300_000, "fund": None,
           "part_of": 0}]),
        # a part with no support verb shares the total's; its fund stops before "chiếm"
        ("Theo kế hoạch, các cấp công đoàn thành phố dự kiến chi khoảng 220 tỷ đồng để chăm lo cho khoảng 400.000 "
         "đoàn viên, người lao động, trong đó ngân sách công đoàn chiếm 160 tỷ đồng, phần còn lại vận động doanh "
         "nghiệp.",
         [{"giver": None, "count": 400_000, "who": "đoàn viên, người lao động", "amount": 220_000_000_000,
           "purpose": None, "status": "planned"},
          {"amount": 160_000_000_000, "fund": "ngân sách công đoàn", "status": "planned", "part_of": 0}]),
    ],
    ids=["remainder", "fund-of-one-part", "verbless-part"],
)
def test_totals_and_parts(text: str, figures: list[dict]) -> None:
    _check(text, figures)


@pytest.mark.parametrize(
    ("text", "fund"),
    [
        ("Phối hợp với Sở Giáo dục và Đào tạo, LĐLĐ tỉnh trao 150 suất học bổng “Vì con em công nhân” cho học sinh "
         "là con đoàn viên có hoàn cảnh khó khăn, mỗi suất 1.000.000 đồng, từ nguồn tài trợ của Công ty cổ phần "
         "Tổng hợp Vũ Thư.", "tài trợ của Công ty cổ phần Tổng hợp Vũ Thư"),
        ("Trong năm 2014, LĐLĐ tỉnh dự kiến xây dựng 20 “Mái ấm Công đoàn” cho đoàn viên nghèo ở các huyện miền núi "
         "Tân Sơn, Yên Lập, Thanh Sơn, kinh phí dự tính 800 triệu đồng từ nguồn vận động xã hội hóa.",
         "vận động xã hội hóa"),
        # the fund ends before the beneficiaries
        ("LĐLĐ tỉnh giải ngân 2,15 tỷ đồng từ Quỹ Trợ vốn CNLĐ nghèo cho 215 hộ công nhân vay phát triển kinh tế, "
         "mỗi hộ 10 triệu đồng.", "Quỹ Trợ vốn CNLĐ nghèo"),
        # a support word after the verb of the clause belongs to the fund's name
        ("Trong quý, LĐLĐ tỉnh giải ngân 320 triệu đồng vốn vay từ Quỹ quốc gia hỗ trợ việc làm cho 64 hộ công "
         "nhân phát triển kinh tế gia đình, mức vay từ 3 đến 7 triệu đồng/hộ.", "Quỹ quốc gia hỗ trợ việc làm"),
    ],
    ids=["nguon-tai-tro", "nguon-van-dong", "ends-before-cho", "name-with-support-word"],
)
def test_fund_phrase(text: str, fund: str) -> None:
    assert [f.fund.value if f.fund else None for f in extract(text).support] == [fund]


def test_shared_opening_gives_fund_to_every_clause() -> None:
    _check(SECTOR + "Từ nguồn xã hội hóa, Công đoàn ngành trao 620 suất học bổng cho con đoàn viên vượt khó học "
           "giỏi, trị giá 310 triệu đồng; thăm hỏi 1.380 lượt đoàn viên ốm đau, hoạn nạn với số tiền 689 triệu đồng.", [
        {"giver": "Công đoàn ngành", "items": 620, "who": "con đoàn viên vượt khó học giỏi",
         "amount": 310_000_000, "purpose": "scholarship", "fund": "xã hội hóa"},
        {"giver": "Công đoàn ngành", "count": 1380, "who": "lượt đoàn viên ốm đau, hoạn nạn",
         "amount": 689_000_000, "purpose": "illness", "fund": "xã hội hóa"},
    ])


# --- giver ----------------------------------------------------------------------------------

DECISION = """LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH
Số: 87/QĐ-LĐLĐ

QUYẾT ĐỊNH
V/v hỗ trợ đoàn viên, CNVC-LĐ bị thiệt hại do lũ lụt

BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH

Căn cứ Luật Công đoàn năm 1990;
Xét đề nghị của Ban Tài chính LĐLĐ tỉnh,

QUYẾT ĐỊNH:

Điều 1. Sửa đổi, bổ sung khoản 2 Điều 1 Quyết định số 61/QĐ-LĐLĐ ngày 15.11.1999 của Ban Thường vụ LĐLĐ tỉnh về việc thăm hỏi đoàn viên bị thiệt hại do lũ lụt như sau: “Mức hỗ trợ đối với hộ đoàn viên có nhà bị sập, trôi hoàn toàn là 2.000.000 đồng/hộ; hộ có nhà bị hư hỏng nặng là 1.000.000 đồng/hộ”.

Điều 2. Hỗ trợ 146 hộ đoàn viên, CNVC-LĐ bị thiệt hại do trận lũ lụt đầu tháng 11/1999 tại thành phố Quy Nhơn và các huyện Tuy Phước, An Nhơn, Phù Cát (có danh sách kèm theo) với tổng số tiền 184.000.000 đồng (Một trăm tám mươi bốn triệu đồng), trong đó:
a) 38 hộ có nhà bị sập, trôi hoàn toàn, mỗi hộ 2.000.000 đồng;
b) 108 hộ có nhà bị hư hỏng nặng, mỗi hộ 1.000.000 đồng.

Điều 3. Nguồn kinh phí: trích từ Quỹ Xã hội LĐLĐ tỉnh và nguồn ủng hộ của CNVC-LĐ trong tỉnh.

TM. BAN THƯỜNG VỤ
CHỦ TỊCH

Lê Đình Khiêm

DANH SÁCH ĐOÀN VIÊN ĐƯỢC HỖ TRỢ (TRÍCH)
1. Trần Thị Bích, công nhân Công ty Dệt may Phú Tài, huyện Tuy Phước (nhà bị sập): 2.000.000 đồng
2. Võ Văn Tám, công nhân Nhà máy Đường Bình Định, huyện An Nhơn (nhà hư hỏng nặng): 1.000.000 đồng
"""


def test_decision_gives_its_body_lists_its_parts_and_quotes_no_levels() -> None:
    body = "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH"
    # Điều 1 quotes the levels of an amendment, the attached list repeats the figures: no records.
    _check(DECISION, [
        # a date of the flood is no period, and it stays in the people's phrase
        {"giver": body, "count": 146, "amount": 184_000_000, "purpose": "disaster", "period": None,
         "who": "hộ đoàn viên, CNVC-LĐ bị thiệt hại do trận lũ lụt đầu tháng 11/1999 tại thành phố Quy Nhơn và "
                "các huyện Tuy Phước, An Nhơn, Phù Cát",
         "fund": "Quỹ Xã hội LĐLĐ tỉnh và nguồn ủng hộ của CNVC-LĐ trong tỉnh", "status": "actual"},
        # the items of "trong đó:" are parts, with the decision's verb and body, and no fund of their own
        {"giver": body, "count": 38, "who": "hộ có nhà bị sập, trôi hoàn toàn", "unit_amount": 2_000_000,
         "purpose": "disaster", "fund": None, "status": "actual", "part_of": 0},
        {"giver": body, "count": 108, "who": "hộ có nhà bị hư hỏng nặng", "unit_amount": 1_000_000,
         "purpose": "disaster", "fund": None, "status": "actual", "part_of": 0},
    ])


def test_support_a_meeting_adopts_is_given_by_its_organiser() -> None:
    text = ("TP HCM - Chiều 27-12, Ban Chấp hành LĐLĐ TP.HCM tổ chức Hội nghị lần thứ 2, khóa XI, nhiệm kỳ 2023 - "
            "2028 để thông qua kế hoạch chương trình “Tết Sum vầy - Xuân yêu thương” năm 2024.\n\n"
            "Hội nghị cũng thông qua việc hỗ trợ 1.200 đoàn viên bị mất việc, giảm giờ làm trong quý IV/2023, mỗi "
            "người 2 triệu đồng; kiện toàn 02 Ủy viên Ủy ban Kiểm tra LĐLĐ thành phố.")
    _check(text, [
        # the quarter dates the support and still qualifies the people's job loss
        {"giver": "Ban Chấp hành LĐLĐ TP.HCM", "count": 1200,
         "who": "đoàn viên bị mất việc, giảm giờ làm trong quý IV/2023", "unit_amount": 2_000_000,
         "purpose": "other", "period": "2023-Q4", "status": "actual"},
    ])


@pytest.mark.parametrize(
    ("text", "giver"),
    [
        # an organisation in a person's title does not give
        ("Theo ông Trương Văn Hiếu, Chủ tịch LĐLĐ thành phố, trong năm 2010 dự kiến xây dựng thêm 50 căn “Mái ấm "
         "Công đoàn”, kinh phí khoảng 750 triệu đồng.", None),
        ("Cùng ngày, Liên hiệp Công đoàn tỉnh Sạ-vẳn-na-khệt (Lào) do ông Bun-thoong Sỉ-vi-lay, Phó Chủ tịch Liên "
         "hiệp Công đoàn tỉnh dẫn đầu đã vượt hơn 300 km từ Sạ-vẳn-na-khệt sang huyện Hướng Hóa trao 150 suất quà "
         "trị giá 75 triệu đồng cho đoàn viên, công nhân các nông trường cà phê bị thiệt hại do sạt lở đất.",
         "Liên hiệp Công đoàn tỉnh Sạ-vẳn-na-khệt"),
        ("Đồng chí Thạch Thị Sa Phone, Phó Chủ tịch Thường trực LĐLĐ tỉnh cùng đại diện Ủy ban MTTQ tỉnh đã đến "
         "thăm, tặng 45 phần quà cho gia đình công nhân nghèo ở ấp Trà Quýt A, mỗi phần trị giá 100.000 đồng.",
         None),
        # an organisation visited does not give either
        ("Trước đó, chiều 12/11, đoàn đại biểu hai tỉnh bạn đã đến thăm Công ty cổ phần Mía đường Sơn La tại xã Cò "
         "Nòi, huyện Mai Sơn, tặng 40 suất quà cho công nhân có hoàn cảnh khó khăn.", None),
        # a company that sponsors gives
        ("Nhân dịp này, Công ty cổ phần Bia Nhật Lệ tài trợ 200 suất quà cho công nhân lao động bị ảnh hưởng bởi "
         "mưa lũ, mỗi suất trị giá 500.000 đồng.", "Công ty cổ phần Bia Nhật Lệ"),
        ("LĐLĐ tỉnh giải ngân 2,15 tỷ đồng từ Quỹ Trợ vốn CNLĐ nghèo cho 215 hộ công nhân vay phát triển kinh tế, "
         "mỗi hộ 10 triệu đồng.", "LĐLĐ tỉnh"),
    ],
    ids=["title-after-name", "title-of-leader", "title-and-partner", "visited-company", "sponsor", "giai-ngan"],
)
def test_support_giver(text: str, giver: str | None) -> None:
    assert [f.giver.text if f.giver else None for f in extract(text).support] == [giver]


def test_organisation_given_to_is_who_not_the_next_clause_giver() -> None:
    _check("Công đoàn Sơn La đã hỗ trợ Liên hiệp Công đoàn tỉnh Hủa Phăn kinh phí sửa chữa trụ sở làm việc với số "
           "tiền 180 triệu đồng; phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh thăm, tặng 350 suất quà cho người "
           "lao động hai nước đang làm việc tại huyện Mộc Châu và Sông Mã, mỗi suất 200.000 đồng.", [
        {"giver": "Công đoàn Sơn La", "who": "Liên hiệp Công đoàn tỉnh Hủa Phăn", "amount": 180_000_000},
        {"giver": "Công đoàn Sơn La", "items": 350, "unit_amount": 200_000, "purpose": "gifts",
         "who": "người lao động hai nước đang làm việc tại huyện Mộc Châu và Sông Mã"},
    ])


# --- records that were missed ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # "tổ chức" a programme for N people; the people and the value of its tickets are one figure
        ("Tổ chức “Bữa cơm Công đoàn” cho 8.000 công nhân trở lên nhân Tháng Công nhân.",
         [{"count": 8000, "who": "công nhân", "qualifier": "over", "purpose": "meals", "status": "actual"}]),
        (GRASSROOTS + "Dịp Tết Mậu Tuất 2018, CĐCS tổ chức “Chuyến xe Công đoàn” đưa 520 công nhân về quê đón Tết, "
         "tặng vé xe trị giá 254,8 triệu đồng.",
         [{"giver": "CĐCS", "count": 520, "who": "công nhân về quê đón Tết", "amount": 254_800_000,
           "purpose": "other"}]),
        # a fund named "vận động" is no fundraising
        ("Trong năm 2014, LĐLĐ tỉnh dự kiến xây dựng 20 “Mái ấm Công đoàn” cho đoàn viên nghèo ở các huyện miền "
         "núi Tân Sơn, Yên Lập, Thanh Sơn, kinh phí dự tính 800 triệu đồng từ nguồn vận động xã hội hóa.",
         [{"giver": "LĐLĐ tỉnh", "items": 20, "who": "đoàn viên nghèo ở các huyện miền núi Tân Sơn, Yên Lập, Thanh Sơn",
           "amount": 800_000_000, "purpose": "housing", "period": "2014", "status": "planned"}]),
        # two figures joined by "và", the subject and the plan shared
        (SECTOR + "Nhiệm kỳ 2023 - 2028, Công đoàn ngành phấn đấu mỗi năm xây dựng ít nhất 03 “Mái ấm Công đoàn” và "
         "trao 150 suất học bổng cho con đoàn viên.",
         [{"giver": "Công đoàn ngành", "items": 3, "qualifier": "over", "purpose": "housing", "who": None,
           "status": "planned"},
          {"giver": "Công đoàn ngành", "items": 150, "who": "con đoàn viên", "purpose": "scholarship",
           "status": "planned"}]),
        # a passive: the people come before "được hỗ trợ"
        ("Đoàn đã trao 300 suất quà cho đoàn viên có nhà bị ngập sâu, mỗi suất gồm 1 triệu đồng tiền mặt; riêng 20 "
         "đoàn viên có nhà bị sập, cuốn trôi được hỗ trợ thêm mỗi người 5 triệu đồng.",
         [{"items": 300, "unit_amount": 1_000_000, "purpose": "disaster"},
          {"count": 20, "who": "đoàn viên có nhà bị sập, cuốn trôi", "unit_amount": 5_000_000,
           "purpose": "disaster", "part_of": 0}]),
        # spending planned after the support it quantifies
        ("Tiếp tục hỗ trợ đoàn viên bị ảnh hưởng bởi dịch COVID-19 theo hướng dẫn của Tổng Liên đoàn; dự kiến chi "
         "khoảng 800 triệu đồng.",
         [{"who": "đoàn viên bị ảnh hưởng bởi dịch COVID-19", "amount": 800_000_000, "qualifier": "approx",
           "purpose": "covid", "status": "planned"}]),
    ],
    ids=["bua-com", "chuyen-xe", "nguon-van-dong", "va-trao", "passive", "planned-spending"],
)
def test_missed_phrasings(text: str, figures: list[dict]) -> None:
    _check(text, figures)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("LĐLĐ tỉnh phối hợp với các doanh nghiệp trao 3.000 túi an sinh Công đoàn cho công nhân lao động, trị giá "
         "300.000 đồng/túi. Tổng kinh phí chăm lo trong tháng hơn 1,4 tỷ đồng, trong đó ngân sách công đoàn chiếm "
         "khoảng 75%.",
         [{"items": 3000, "unit_amount": 300_000, "purpose": "gifts"},
          # a part stated only as a percentage is none
          {"giver": None, "amount": 1_400_000_000, "qualifier": "over", "purpose": None, "status": "actual",
           "part_of": None}]),
        ("Trong nhiệm kỳ, tổng kinh phí chăm lo cho đoàn viên, người lao động toàn ngành đạt trên 4,2 tỷ đồng.",
         [{"who": "đoàn viên, người lao động toàn ngành", "amount": 4_200_000_000, "purpose": None,
           "status": "actual"}]),
        # a year compared with is no period
        ("Từ đầu năm đến nay, tổng kinh phí các cấp công đoàn tỉnh Quảng Bình chăm lo cho đoàn viên, người lao "
         "động đạt trên 5,6 tỷ đồng, tăng gần gấp đôi so với cùng kỳ năm 2019.",
         [{"who": "đoàn viên, người lao động", "amount": 5_600_000_000, "purpose": None, "period": None}]),
        # "đợt thăm hỏi" is a noun: the total of the visits, after a figure it does not complete
        ("Các CĐCS đã thăm hỏi 1.124 lượt đoàn viên ốm đau, thai sản. Tổng kinh phí đợt thăm hỏi 412 triệu đồng.",
         [{"count": 1124, "amount": None, "purpose": "illness"},
          {"amount": 412_000_000, "purpose": None, "status": "actual"}]),
    ],
    ids=["tong-kinh-phi-cham-lo", "total-for-people", "comparison-year", "dot-tham-hoi"],
)
def test_verbless_totals(text: str, figures: list[dict]) -> None:
    _check(text, figures)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # the amount per house, then the total of the houses, in the sentences after the figure
        ("Ngày 14/01, Liên đoàn Lao động thành phố Cần Thơ tổ chức bàn giao 20 căn “Mái ấm Công đoàn” cho đoàn viên "
         "có hoàn cảnh khó khăn về nhà ở tại quận Ô Môn, Thốt Nốt. Mỗi căn nhà trị giá 15 triệu đồng, trong đó "
         "LĐLĐ thành phố hỗ trợ 10 triệu đồng từ Quỹ “Mái ấm Công đoàn”, phần còn lại do CĐCS và gia đình đoàn viên "
         "đóng góp; tổng trị giá 300 triệu đồng.",
         [{"giver": "Liên đoàn Lao động thành phố Cần Thơ", "items": 20, "unit_amount": 15_000_000,
           "amount": 300_000_000, "purpose": "housing"},
          # a part of each house is an amount per house
          {"giver": "LĐLĐ thành phố", "unit_amount": 10_000_000, "amount": None,
           "fund": "Quỹ “Mái ấm Công đoàn”", "part_of": 0}]),
        # the total of a decision's figure on the next line; money restated in words is none
        ("Điều 1. Hỗ trợ kinh phí xây dựng \"Mái ấm Công đoàn\" cho 05 đoàn viên có hoàn cảnh đặc biệt khó khăn về "
         "nhà ở (có danh sách kèm theo), mức hỗ trợ 50.000.000 đồng/nhà (Bằng chữ: Năm mươi triệu đồng chẵn).\n"
         "Tổng kinh phí hỗ trợ: 250.000.000 đồng (Hai trăm năm mươi triệu đồng).",
         [{"count": 5, "who": "đoàn viên có hoàn cảnh đặc biệt khó khăn về nhà ở", "unit_amount": 50_000_000,
           "amount": 250_000_000, "purpose": "housing"}]),
        # the guideline's passive "được hỗ trợ" of each house, and a part of each house
        ("Ngày 14/01, Liên đoàn Lao động thành phố Cần Thơ tổ chức bàn giao 20 căn “Mái ấm Công đoàn” cho đoàn viên "
         "có hoàn cảnh khó khăn về nhà ở. Mỗi căn nhà được hỗ trợ 70 triệu đồng, trong đó Quỹ “Mái ấm Công đoàn” 50 "
         "triệu đồng.",
         [{"items": 20, "unit_amount": 70_000_000, "amount": None},
          {"giver": None, "unit_amount": 50_000_000, "fund": "Quỹ “Mái ấm Công đoàn”", "part_of": 0}]),
    ],
    ids=["moi-can-then-tong", "tong-kinh-phi-of-decision", "moi-can-duoc-ho-tro"],
)
def test_figures_completed_by_the_next_sentence(text: str, figures: list[dict]) -> None:
    _check(text, figures)


@pytest.mark.parametrize(
    ("text", "amount", "unit_amount"),
    [
        ("Thực hiện Hướng dẫn số 03/HD-TLĐ của Tổng Liên đoàn, LĐLĐ tỉnh đã hỗ trợ 1.850 đoàn viên bị giảm thu "
         "nhập, mất việc làm, mức hỗ trợ từ 500.000 đến 1.000.000 đồng/người, tổng số tiền 1 tỷ 320 triệu đồng.",
         1_320_000_000, None),
        ("Quỹ Xã hội LĐLĐ tỉnh hỗ trợ làm mới, sửa chữa 27 “Mái ấm Công đoàn”, mỗi nhà từ 20 đến 30 triệu đồng.",
         None, None),
    ],
    ids=["range-per-person", "range-per-house"],
)
def test_a_range_is_no_amount(text: str, amount: int | None, unit_amount: int | None) -> None:
    figures = extract(text).support
    assert [(f.amount.value if f.amount else None, f.unit_amount.value if f.unit_amount else None)
            for f in figures] == [(amount, unit_amount)]


# --- not support ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # an award, even with money in its reason
        "Tổng Liên đoàn Lao động Việt Nam tặng Bằng khen cho đồng chí Nguyễn Văn Tuấn, Chủ tịch CĐCS Công ty cổ "
        "phần Chè Phú Đa, tác giả sáng kiến cải tiến dây chuyền sao chè làm lợi hơn 1,2 tỷ đồng.",
        # an agreement's discounts
        "Liên đoàn Lao động tỉnh đã ký kết thỏa thuận hợp tác với 6 doanh nghiệp có trụ sở hoặc chi nhánh trên địa "
        "bàn tỉnh Sơn La, cho trên 6.000 lượt đoàn viên được thụ hưởng các chính sách ưu đãi khi mua, sử dụng các "
        "sản phẩm của các doanh nghiệp với tổng số tiền hưởng lợi trên 420 triệu đồng.",
        # allowances won by a collective agreement ("phụ cấp" is no verb)
        "Ngày 15.3.2018, BCH CĐCS và ông Chen Wei-Ming, Tổng Giám đốc công ty ký Thỏa ước lao động tập thể mới, bổ "
        "sung phụ cấp xăng xe 200.000 đồng/tháng, phụ cấp nhà trọ 300 nghìn đồng/tháng; nâng tiền ăn ca từ 15.000đ "
        "lên 18.000đ/suất từ ngày 01/4/2018.",
        # a fund's balance handed over
        "Ban Chấp hành Công đoàn cơ sở Ủy ban nhân dân xã Tân Phú có trách nhiệm bàn giao hồ sơ, tài chính, tài sản "
        "cho Công đoàn cơ sở Ủy ban nhân dân xã Vĩnh Thạnh Trung (mới) trước ngày 30/6/2025; số dư quỹ công đoàn "
        "tại thời điểm bàn giao là 12.450.000 đồng (Mười hai triệu bốn trăm năm mươi nghìn đồng).",
    ],
    ids=["award-lam-loi", "agreement-discounts", "collective-agreement", "fund-balance"],
)
def test_not_support_figures(text: str) -> None:
    assert extract(text).support == []


def test_innovation_savings_are_no_part_of_a_total() -> None:
    text = ("Năm 2023, các cấp công đoàn trong ngành đã chăm lo cho 3.215 lượt đoàn viên với tổng kinh phí gần 2,4 "
            "tỷ đồng, trong đó có sáng kiến cải tiến cần trục làm lợi trên 1,2 tỷ đồng/năm.")
    _check(text, [{"count": 3215, "amount": 2_400_000_000, "qualifier": "under", "period": "2023"}])

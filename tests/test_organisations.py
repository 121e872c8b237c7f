"""Organisations: expanded, canonical, resolved in context, maximal, never generic."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.data import load_resource
from extractor.linking import fold, words
from extractor.organisations import _tokens, find_organisations, infer_province, role_organisation


def orgs(text: str, province: str | None = None) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (text[f.start : f.end], f.attrs["canonical"], f.attrs["level"], f.attrs["province"])
        for f in find_organisations(text, province)
    ]


SL = "Sơn La"
LS = "Lạng Sơn"
LC = "Lai Châu"


@pytest.mark.parametrize(
    ("text", "province", "expected"),
    [
        ("Ông Vàng A Lả - Chủ tịch LĐLĐ tỉnh, chủ trì hội nghị.", SL,
         [("LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh Sơn La", "province", SL)]),
        ("chương trình của Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam nhằm", SL,
         [("Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam", "Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam",
           "national", None)]),
        ("quyết định 722/QĐ-LĐLĐ ngày 6.3.2020 của Ban Thường vụ LĐLĐ tỉnh nội dung", SL,
         [("Ban Thường vụ LĐLĐ tỉnh", "Ban Thường vụ Liên đoàn Lao động tỉnh Sơn La", "province", SL)]),
        ("sau khi sát nhập Ban Tổ chức và Uỷ ban kiểm tra LĐLĐ tỉnh thành", SL,
         [("Ban Tổ chức", "Ban Tổ chức Liên đoàn Lao động tỉnh Sơn La", "province", SL),
          ("Uỷ ban kiểm tra LĐLĐ tỉnh", "Ủy ban Kiểm tra Liên đoàn Lao động tỉnh Sơn La", "province", SL)]),
        ("Được biết, công đoàn Sơn La đã hoàn thành", SL,
         [("công đoàn Sơn La", "Công đoàn tỉnh Sơn La", "province", SL)]),
        ("Đồng chí Vàng A Lả chủ trì hội nghị. Ảnh: LĐLĐ Sơn La", SL,
         [("LĐLĐ Sơn La", "Liên đoàn Lao động tỉnh Sơn La", "province", SL)]),
        ("3- Đ/c: Trần Thị Thủy, Huyện ủy viên, Chủ tịch LĐLĐ huyện Bắc Sơn.", LS,
         [("LĐLĐ huyện Bắc Sơn", "Liên đoàn Lao động huyện Bắc Sơn", "district", LS)]),
        ("Tiêu biểu là LĐLĐ Thành phố thành lập được 5 CĐCS.", LS,
         [("LĐLĐ Thành phố", "Liên đoàn Lao động thành phố Lạng Sơn", "district", LS)]),
        ("của Tổng Liên đoàn Lao động Việt Nam, của Tỉnh ủy, HĐND, UBND tỉnh Lạng Sơn, xây dựng", LS,
         [("Tổng Liên đoàn Lao động Việt Nam", "Tổng Liên đoàn Lao động Việt Nam", "national", None),
          ("Tỉnh ủy", "Tỉnh ủy Lạng Sơn", "province", LS),
          ("HĐND", "Hội đồng nhân dân tỉnh Lạng Sơn", "province", LS),
          ("UBND tỉnh Lạng Sơn", "Ủy ban nhân dân tỉnh Lạng Sơn", "province", LS)]),
        ("2- Đ/c: Nông Thị Phương Thảo, Phó Giám đốc Bảo hiểm xã hội tỉnh;", LS,
         [("Bảo hiểm xã hội tỉnh", "Bảo hiểm xã hội tỉnh Lạng Sơn", "province", LS)]),
        ("Quyết định tăng cường cán bộ cho LĐLĐ huyện Than Uyên và Sìn Hồ;", LC,
         [("LĐLĐ huyện Than Uyên", "Liên đoàn Lao động huyện Than Uyên", "district", LC),
          ("Sìn Hồ", "Liên đoàn Lao động huyện Sìn Hồ", "district", LC)]),
        ("- Văn phòng, Ban Dân vận Tỉnh ủy;", LC,
         [("Văn phòng", "Văn phòng Tỉnh ủy Lai Châu", "province", LC),
          ("Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy Lai Châu", "province", LC)]),
        ("Phối hợp với Sở Lao động, Thương binh và xã hội thăm hỏi", LC,
         [("Sở Lao động, Thương binh và xã hội", "Sở Lao động - Thương binh và Xã hội tỉnh Lai Châu", "province", LC)]),
        ("nhà ăn cho học sinh trường phổ thông dân tộc bán trú tiểu học Nậm Chà, huyện Nậm Nhùn", LC,
         [("trường phổ thông dân tộc bán trú tiểu học Nậm Chà",
           "Trường Phổ thông dân tộc bán trú Tiểu học Nậm Chà", "grassroots", LC)]),
        ("thăm các nhà thi đấu thể dục, thể thao LĐLD tỉnh; khánh thành", LC,
         [("LĐLD tỉnh", "Liên đoàn Lao động tỉnh Lai Châu", "province", LC)]),
        ("Phó Bí thư Đảng uỷ Khối các cơ quan và doanh nghiệp tỉnh; thành phần", SL,
         [("Đảng uỷ Khối các cơ quan và doanh nghiệp tỉnh",
           "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Sơn La", "province", SL)]),
        ("CÔNG ĐOÀN VIÊN CHỨC VIỆT NAM\nVIETNAM PUBLIC SECTOR UNION", SL,
         [("CÔNG ĐOÀN VIÊN CHỨC VIỆT NAM", "Công đoàn Viên chức Việt Nam", "national", None),
          ("VIETNAM PUBLIC SECTOR UNION", "Công đoàn Viên chức Việt Nam", "national", None)]),
        ("Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ về bảo đảm; chính sách của Nhà nước, Đảng", LC,
         [("Thủ tướng Chính phủ", "Thủ tướng Chính phủ", "national", None),
          ("Nhà nước", "Nhà nước", "national", None),
          ("Đảng", "Đảng Cộng sản Việt Nam", "national", None)]),
        ("Ban Chấp hành Liên đoàn Lao động tỉnh (LĐLĐ), họp ngày", LS,
         [("Ban Chấp hành Liên đoàn Lao động tỉnh", "Ban Chấp hành Liên đoàn Lao động tỉnh Lạng Sơn", "province", LS),
          ("LĐLĐ", "Liên đoàn Lao động tỉnh Lạng Sơn", "province", LS)]),
        ("Đại hội XIV Công đoàn tỉnh, nhiệm kỳ 2018-2023", SL,
         [("Công đoàn tỉnh", "Công đoàn tỉnh Sơn La", "province", SL)]),
        ("Sìn Hồ, Lai Châu: đoàn viên Công ty TNHH Chè Bát Xát", LC,
         [("Công ty TNHH Chè Bát Xát", "Công ty TNHH Chè Bát Xát", "grassroots", LC)]),
        ("Đồng chí Lò Văn Pọm, Chủ tịch LĐLĐ huyện phát biểu.", "Điện Biên",
         [("LĐLĐ huyện", "Liên đoàn Lao động huyện", "district", "Điện Biên")]),
        ("Ông Ngô Văn Quý, Giám đốc Ngân hàng Chính sách xã hội huyện", "Điện Biên",
         [("Ngân hàng Chính sách xã hội huyện", "Ngân hàng Chính sách xã hội huyện", "grassroots", "Điện Biên")]),
    ],
    ids=[
        "abbreviation-in-role", "maximal-unit", "unit-of-abbreviation", "two-units", "lowercase-union-place",
        "photo-credit", "district-union", "capital-city", "state-bodies", "insurance-agency", "elliptical-district",
        "elliptical-unit", "department", "school", "typo-abbreviation", "party-bloc", "english-name",
        "government", "abbreviation-defined", "union-in-congress", "company", "district-union-unresolved",
        "bank-of-an-unnamed-district",
    ],
)
def test_find_organisations(text: str, province: str, expected: list) -> None:
    assert orgs(text, province) == expected


def test_unit_alone_is_the_reports_own() -> None:
    text = "LĐLĐ tỉnh Sơn La tổ chức hội nghị. Hội nghị tập trung xin ý kiến Ban Thường vụ vào các nội dung."
    assert orgs(text)[-1] == ("Ban Thường vụ", "Ban Thường vụ Liên đoàn Lao động tỉnh Sơn La", "province", SL)


def test_unit_alone_in_an_official_document_is_the_header_issuers() -> None:
    # The decision names the grassroots unions it merges more often than its own issuer.
    text = ("TỔNG LĐLĐ VIỆT NAM\nLIÊN ĐOÀN LAO ĐỘNG TỈNH AN GIANG\nSố: 215/QĐ-LĐLĐ\n\nQUYẾT ĐỊNH\n"
            "Điều 1. Sáp nhập Công đoàn cơ sở Ủy ban nhân dân xã Tân Phú vào Công đoàn cơ sở Ủy ban nhân dân xã "
            "Vĩnh Thạnh. Công đoàn cơ sở Ủy ban nhân dân xã Vĩnh Thạnh có 47 đoàn viên.\nTM. BAN THƯỜNG VỤ\n")
    assert orgs(text, "An Giang")[-1] == (
        "BAN THƯỜNG VỤ", "Ban Thường vụ Liên đoàn Lao động tỉnh An Giang", "province", "An Giang")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a term after the name is no part of it
        ("Ban Chấp hành Công đoàn cơ sở Công ty TNHH MTV Cà phê Đức Lập khóa III, nhiệm kỳ 2015 - 2020",
         ["Ban Chấp hành Công đoàn cơ sở Công ty TNHH MTV Cà phê Đức Lập"]),
        # a team is the one named company's
        ("Công đoàn cơ sở Công ty TNHH MTV Cà phê Đức Lập họp. Ông Y Ngông Niê - Đội trưởng Đội sản xuất số 2.",
         ["Công đoàn cơ sở Công ty TNHH MTV Cà phê Đức Lập", "Đội sản xuất số 2 Công ty TNHH MTV Cà phê Đức Lập"]),
        # an enterprise with a lower-case trade, then named alone
        ("tại Xí nghiệp Chế biến thủy sản Vĩnh Châu xảy ra ngừng việc; Xí nghiệp cam kết trả đủ lương",
         ["Xí nghiệp Chế biến thủy sản Vĩnh Châu", "Xí nghiệp Chế biến thủy sản Vĩnh Châu"]),
        ("- Tổng Liên đoàn LĐVN (b/c);", ["Tổng Liên đoàn Lao động Việt Nam"]),
        ("phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh thăm, tặng quà",
         ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh Sơn La"]),
        ("ông Giàng A Chu, Giám đốc Sở Ngoại vụ; đại diện", ["Sở Ngoại vụ tỉnh Sơn La"]),
        ("chị Lò Thị Mai, công nhân Công ty cổ phần Mía đường Sơn La", ["Công ty cổ phần Mía đường Sơn La"]),
        ("bà Lê Thị Thu, Chủ tịch Công đoàn Trường THPT Chiềng Sinh",
         ["Công đoàn Trường Trung học phổ thông Chiềng Sinh"]),
        ("đồng chí Nguyễn Đình Khang, Ủy viên Trung ương Đảng", ["Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"]),
        ("Kim Ngân - CĐN Y tế Sóc Trăng", ["Công đoàn Ngành Y tế tỉnh Sóc Trăng"]),
        ("Bệnh viện Đa khoa tỉnh khám cho 86 lượt người bệnh; Bệnh viện đã",
         ["Bệnh viện Đa khoa tỉnh Sơn La", "Bệnh viện Đa khoa tỉnh Sơn La"]),
        ("ông Triệu Văn Sinh - Chánh Thanh tra Sở Lao động - Thương binh và Xã hội, Ủy viên;",
         ["Thanh tra Sở Lao động - Thương binh và Xã hội tỉnh Sơn La"]),
        ("Đồng chí Vi Văn Hòa, Chủ tịch CĐCS xã Mường Phăng", ["Công đoàn cơ sở xã Mường Phăng"]),
        ("Ông Lường Văn Ngọc, Bí thư Đảng ủy xã Nà Tấu", ["Đảng ủy xã Nà Tấu"]),
        ("Bà Lê Thị Mến, Chủ tịch Công đoàn Khu công nghiệp tỉnh", ["Công đoàn Khu công nghiệp tỉnh Sơn La"]),
        ("Đồng chí Trần Văn Hậu, Chánh Thanh tra tỉnh", ["Thanh tra tỉnh Sơn La"]),
        ("Phòng Nội vụ huyện phối hợp với Phòng Lao động - Thương binh và Xã hội huyện Mai Sơn",
         ["Phòng Nội vụ huyện Mai Sơn", "Phòng Lao động - Thương binh và Xã hội huyện Mai Sơn"]),
        ("Ông Trần Văn Phúc, Phó Giám đốc Trung tâm Tư vấn pháp luật Công đoàn tỉnh",
         ["Trung tâm Tư vấn pháp luật Công đoàn tỉnh Sơn La"]),
        ("đồng chí Hà Thị Nga, Chủ tịch Hội LHPN Việt Nam", ["Hội Liên hiệp Phụ nữ Việt Nam"]),
        ("Chủ tịch Công đoàn xã Nậm Ty dự", ["Công đoàn xã Nậm Ty"]),
        ("chị Huỳnh Thị Bé Ba, công nhân Phân xưởng Đóng gói Công ty cổ phần Chế biến Thủy sản Phú Tân cho biết",
         ["Phân xưởng Đóng gói Công ty cổ phần Chế biến Thủy sản Phú Tân"]),
        ("Trường Tiểu học Kim Đồng trao quà; thầy Trần Văn Hậu, Hiệu trưởng nhà trường bày tỏ cảm ơn",
         ["Trường Tiểu học Kim Đồng", "Trường Tiểu học Kim Đồng"]),
        ("tặng quà cho người lao động đang làm việc tại các nông trường cao su ở huyện Lộc Ninh", []),
        ("Trưởng Ban Quản lý các KCN tỉnh Lê Quang Thoại; Thường trực Hội đồng Thi đua - Khen thưởng LĐLĐ tỉnh",
         ["Ban Quản lý các Khu công nghiệp tỉnh Sơn La",
          "Thường trực Hội đồng Thi đua - Khen thưởng Liên đoàn Lao động tỉnh Sơn La"]),
        ("Chị Thạch Thị Sô Phi, Tổ phó Tổ công đoàn Phân xưởng May 2, Công ty TNHH May mặc Tân Hưng",
         ["Tổ công đoàn Phân xưởng May 2", "Công ty TNHH May mặc Tân Hưng"]),
        ("- Ban Quan hệ lao động Tổng LĐLĐ;", ["Ban Quan hệ lao động Tổng Liên đoàn Lao động Việt Nam"]),
        ("2. Anh Trịnh Văn Luận - thợ điện Tổ Cơ điện: 2.000.000 đồng; 4. Chị Đỗ Thị Quyên - nhân viên phòng Kỹ thuật.",
         ["Tổ Cơ điện", "Phòng Kỹ thuật"]),
        ("phối hợp với phòng Hành chính - Nhân sự tổ chức khám; chị Hà, Trưởng phòng Hành chính - Nhân sự, làm Phó",
         ["Phòng Hành chính - Nhân sự", "Phòng Hành chính - Nhân sự"]),
        ("bà Đỗ Thị Hường, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh; Ủy ban MTTQ tỉnh",
         ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn La", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn La"]),
        ("Phó Chủ tịch UBND huyện Trần Văn Lâm phát biểu", ["Ủy ban nhân dân huyện"]),
    ],
    ids=["term-after-name", "team-of-company", "enterprise", "tld-abbreviation", "border-guard", "department",
         "capitalised-trade-word", "union-of-a-school", "party-central-committee", "sector-union-bare-province",
         "hospital-then-alone", "inspectorate-of-a-department", "commune-union-abbreviated", "commune-party-committee",
         "industrial-zone-union", "provincial-inspectorate", "district-offices", "legal-aid-centre",
         "women-union-abbreviated", "commune-the-gazetteer-lacks", "unit-name-closed-by-lower-case-syllable",
         "unit-name-completed-from-its-whole-mention",
         "unit-and-its-company-one-body", "school-written-nha-truong", "state-farm-is-no-school", "zone-board-and-award-council",
         "union-group-of-a-workshop", "general-confederation-without-viet-nam", "front-committee-abbreviated", "person-after-an-unresolved-unit"],
)
def test_more_bodies(text: str, expected: list[str]) -> None:
    assert [canonical for _, canonical, _, _ in orgs(text, "Sơn La")] == expected


def test_company_alone_is_the_one_the_report_names() -> None:
    text = "BCH CĐCS Công ty cổ phần Chè Nghĩa Lộ họp. CĐCS phối hợp với Công ty tổ chức Tết."
    assert [canonical for _, canonical, _, _ in orgs(text, "Yên Bái")] == [
        "Ban Chấp hành Công đoàn cơ sở Công ty cổ phần Chè Nghĩa Lộ",
        "Công đoàn cơ sở Công ty cổ phần Chè Nghĩa Lộ",
        "Công ty cổ phần Chè Nghĩa Lộ",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "các cấp công đoàn căn cứ vào điều kiện",
        "Tăng cường hoạt động của Ủy ban Kiểm tra công đoàn các cấp.",
        "Chỉ đạo UBKT công đoàn các cấp đẩy mạnh",
        "Từ đầu năm đến nay thành lập mới 11 CĐCS, kết nạp 135 đoàn viên",
        "chủ tịch (phó chủ tịch) các CĐCS trực thuộc",
        "kiểm tra công tác thi đua tại LĐLĐ các huyện theo kế hoạch",
        "- LĐLĐ huyện, Thành phố, CĐN;",
        "Vận động 46.113 CNVCLĐ cài đặt ứng dụng Bluezone",
        "cải thiện điều kiện làm việc của CNLĐ",
        "các quy định về lao động, BHXH, bữa ăn giữa ca",
        "hoạt động Ban nữ công quần chúng",
        "trong hoạt động công đoàn tỉnh Sơn La.",
        "các doanh nghiệp ngoài nhà nước",
        "Đ/c Lô Tiến Sơn, Tỉnh ủy viên, chủ trì",
        "đề án 818/ĐA-LĐLĐ ngày 25.6.2020",
        "xây dựng tổ chức Công đoàn trong tình hình mới",
        "81 đồng chí đã được kết nạp, nhiều Đảng viên",
    ],
    ids=[
        "cac-cap", "ubkt-cac-cap", "abbr-cac-cap", "counted", "plural", "plural-unit", "distribution-list",
        "people-group", "people-group-2", "insurance", "generic-unit", "union-work", "state-sector",
        "member-title", "document-symbol", "union-movement", "party-member",
    ],
)
def test_not_an_organisation(text: str) -> None:
    assert orgs(text, "Sơn La") == []


@pytest.mark.parametrize(
    ("document", "province"),
    [
        ("seed_000_31020ac53e2ca143.txt", "Sơn La"),
        ("seed_003_cb9b39037ef1f431.txt", "Lai Châu"),
        ("seed_004_18279d157aa03c45.txt", "Lạng Sơn"),
    ],
)
def test_infer_province_of_real_reports(document: str, province: str) -> None:
    from pathlib import Path

    from extractor.normalize import normalize

    path = Path(__file__).parent.parent / "corpus" / "documents" / document
    assert infer_province(normalize(path.read_text(encoding="utf-8")).text) == province


def test_infer_province_weighs_union_bodies() -> None:
    assert infer_province("Báo cáo của LĐLĐ tỉnh Lai Châu. Thăm công nhân từ tỉnh Bắc Giang về.") == "Lai Châu"
    assert infer_province("Hội nghị tổng kết năm.") is None


@pytest.mark.parametrize(
    ("role", "province", "organisation"),
    [
        ("Chủ tịch LĐLĐ tỉnh", "Sơn La", "Liên đoàn Lao động tỉnh Sơn La"),
        ("Tỉnh ủy viên, Chủ tịch LĐLĐ tỉnh", "Lạng Sơn", "Liên đoàn Lao động tỉnh Lạng Sơn"),
        ("Trưởng Ban nữ công LĐLĐ tỉnh", "Lạng Sơn", "Ban Nữ công Liên đoàn Lao động tỉnh Lạng Sơn"),
        ("Ủy viên Ban Chấp hành Tổng LĐLĐ Việt Nam", None, "Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam"),
        ("Tỉnh ủy viên", "Lạng Sơn", "Tỉnh ủy Lạng Sơn"),
        ("Đại tướng", None, None),
    ],
)
def test_role_organisation(role: str, province: str | None, organisation: str | None) -> None:
    assert role_organisation(role, province) == organisation


BODIES = load_resource("org_bodies.yaml")
NAMES = load_resource("org_names.yaml")
ABBREVIATIONS = load_resource("org_abbreviations.yaml")["abbreviations"]
GENERIC = load_resource("org_generic.yaml")
BODY_KEYS = {
    "canonical", "forms", "example", "note", "level", "case", "not_before", "not_after", "bare", "home",
    "standalone", "lowercase_check", "unit", "names", "resolve_place", "anaphoric", "anaphoric_lowercase", "within",
    "keep_case", "open",
}


def _expanded(text: str) -> str:
    return fold(" ".join(word.text for word in _tokens(text)))


@pytest.mark.parametrize(
    "entry",
    [entry for section in ("national", "local", "party", "units", "named") for entry in BODIES[section]],
    ids=lambda entry: entry["canonical"],
)
def test_every_body_matches_its_example(entry: dict) -> None:
    assert set(entry) <= BODY_KEYS and entry["forms"] and entry["example"]
    found = [_expanded(entry["example"][f.start : f.end]) for f in find_organisations(entry["example"], None)]
    forms = [_expanded(form) for form in entry["forms"]]
    assert any(form in text for text in found for form in forms), found


@pytest.mark.parametrize(
    "entry",
    [entry for key in ("departments", "ministries", "blocs", "sectors", "steering", "newspapers", "banks", "descriptors")
     for entry in NAMES[key]],
    ids=lambda entry: entry["canonical"],
)
def test_every_name_matches_its_example(entry: dict) -> None:
    found = [f.attrs["canonical"] for f in find_organisations(entry["example"], None)]
    assert any(fold(entry["canonical"]) in fold(canonical) for canonical in found), found


@pytest.mark.parametrize("entry", NAMES["name_breakers"], ids=lambda entry: entry["word"])
def test_a_name_stops_at_a_breaker(entry: dict) -> None:
    text = entry["example"]
    found = find_organisations(text, None)
    assert found and all(fold(entry["word"]) not in [w.key for w in words(text[f.start : f.end])] for f in found)


@pytest.mark.parametrize("entry", NAMES["address_words"], ids=lambda entry: entry["word"])
def test_a_name_never_links_across_an_address_word(entry: dict) -> None:
    text = entry["example"]
    found = find_organisations(text, None)
    assert found and all(fold(entry["word"]) not in [w.key for w in words(text[f.start : f.end])] for f in found)


@pytest.mark.parametrize("entry", ABBREVIATIONS, ids=lambda entry: entry["abbr"])
def test_every_abbreviation_matches_its_example(entry: dict) -> None:
    text = entry["example"]
    start = text.index(entry["abbr"])
    covered = [f for f in find_organisations(text, "Sơn La") if f.start <= start < f.end]
    assert bool(covered) is entry["org"], covered


@pytest.mark.parametrize(
    "entry", GENERIC["after"] + GENERIC["before"] + GENERIC["lowercase_union_before"], ids=lambda entry: entry["words"]
)
def test_every_generic_example_has_no_organisation(entry: dict) -> None:
    assert find_organisations(entry["example"], "Sơn La") == []


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("LĐBCHTV Liên đoàn Lao động tỉnh huyện Công ty CĐCS các,.()\n-")) | st.characters(),
               max_size=80))
def test_any_text_gives_sorted_slices(text: str) -> None:
    found = find_organisations(text)
    for item in found:
        assert 0 <= item.start < item.end <= len(text)
        assert item.attrs["level"] in {"national", "province", "district", "grassroots", None}
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@pytest.mark.parametrize(
    "module",
    ["extractor.people", "extractor.organisations", "extractor.places", "extractor.linking", "extractor.cleaning",
     "extractor.spelling"],
)
def test_recogniser_docstring_examples(module: str) -> None:
    import doctest
    import importlib

    results = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert results.failed == 0 and results.attempted > 0

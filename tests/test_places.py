"""Places: unit word + name, bare provinces, foreign places, never inside organisations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.data import load_resource
from extractor.linking import fold
from extractor.places import (
    capital_city,
    find_places,
    is_place_name,
    lookup_places,
    place_signature,
    province_names,
    scan_places,
)


def places(text: str) -> list[tuple[str, str, str]]:
    return [(text[f.start : f.end], f.attrs["canonical"], f.attrs["unit_type"]) for f in find_places(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "góp phần sớm xây dựng Sơn La trở thành tỉnh phát triển khá",
            [("Sơn La", "Sơn La", "province")],
        ),
        (
            "giáo dục pháp luật trong đoàn viên, CNVCLĐ tỉnh Sơn La; Nâng cao",
            [("tỉnh Sơn La", "Sơn La", "province")],
        ),
        (
            "nhà ăn cho học sinh trường phổ thông dân tộc bán trú tiểu học Nậm Chà, huyện Nậm Nhùn.",
            [("huyện Nậm Nhùn", "Nậm Nhùn", "district")],
        ),
        (
            "12 công nhân lao động từ tỉnh Bắc Giang về tỉnh đang phải cách ly",
            [("tỉnh Bắc Giang", "Bắc Giang", "province")],
        ),
        (
            "Liên hiệp Công đoàn các tỉnh Bắc Lào, gồm: Luông Pha Bang, U Đôm Say, Luông Nậm Thà, Hủa Phăn.",
            [
                ("Luông Pha Bang", "Luông Pha Bang", "foreign"),
                ("U Đôm Say", "U Đôm Say", "foreign"),
                ("Luông Nậm Thà", "Luông Nậm Thà", "foreign"),
                ("Hủa Phăn", "Hủa Phăn", "foreign"),
            ],
        ),
        ("tinh thần yêu nước của dân tộc Việt Nam trong xây dựng", [("Việt Nam", "Việt Nam", "country")]),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập", [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Việt Nam", "country")]),
        ("trụ sở tại thành phố Lai Châu", [("thành phố Lai Châu", "Lai Châu", "city")]),
        ("công nhân ở TP. HCM", [("TP. HCM", "Thành phố Hồ Chí Minh", "city")]),
        ("tỉnh Hoà Bình", [("tỉnh Hoà Bình", "Hòa Bình", "province")]),
        ("hỗ trợ đoàn viên ở quận 7 và Quận 12", [("quận 7", "Quận 7", "district"), ("Quận 12", "Quận 12", "district")]),
        (
            "hộ nghèo tại các huyện Đồng Văn, Mèo Vạc, Yên Minh",
            [("Đồng Văn", "Đồng Văn", "district"), ("Mèo Vạc", "Mèo Vạc", "district"), ("Yên Minh", "Yên Minh", "district")],
        ),
        (
            "phát triển đoàn viên tại huyện Mường Tè, Sìn Hồ",
            [("huyện Mường Tè", "Mường Tè", "district"), ("Sìn Hồ", "Sìn Hồ", "district")],
        ),
        ("tập trung tại KCN Hòa Khánh", [("KCN Hòa Khánh", "Khu công nghiệp Hòa Khánh", "zone")]),
        ("công nhân bản Hua Nà", [("bản Hua Nà", "Hua Nà", "village")]),
        ("đoàn công tác của xã Nậm Chà", [("xã Nậm Chà", "Nậm Chà", "commune")]),
        # the unit word of its day: a city since 2008, a thị xã since 2011 / 2011
        ("Hội nghị tổ chức tại thị xã Sơn La năm 2006", [("thị xã Sơn La", "Sơn La", "district")]),
        ("hộ nghèo huyện Vĩnh Châu, tỉnh Sóc Trăng",
         [("huyện Vĩnh Châu", "Vĩnh Châu", "district"), ("tỉnh Sóc Trăng", "Sóc Trăng", "province")]),
        # transliterated names hyphenate lower-case syllables
        ("đoàn công tác tỉnh Sạ-vẳn-na-khệt (Lào)",
         [("tỉnh Sạ-vẳn-na-khệt", "Sa Vẳn Na Khệt", "foreign"), ("Lào", "Lào", "country")]),
        # a plural zone unit: each name alone, still a zone; a name after it is no person's
        ("ngừng việc tại các khu công nghiệp Phúc Khánh, Nguyễn Đức Cảnh, bảo đảm quyền lợi",
         [("Phúc Khánh", "Khu công nghiệp Phúc Khánh", "zone"),
          ("Nguyễn Đức Cảnh", "Khu công nghiệp Nguyễn Đức Cảnh", "zone")]),
        ("lao động ở Khu công nghiệp Tây Bắc Đồng Hới bị cô lập",
         [("Khu công nghiệp Tây Bắc Đồng Hới", "Khu công nghiệp Tây Bắc Đồng Hới", "zone")]),
        # a city of the report's province written bare is longer than the province's bare name
        ("LĐLĐ huyện Điện Biên, tỉnh Điện Biên kỷ niệm 60 năm Chiến thắng Điện Biên Phủ.",
         [("tỉnh Điện Biên", "Điện Biên", "province"), ("Điện Biên Phủ", "Điện Biên Phủ", "city")]),
    ],
    ids=[
        "bare-province", "unit-province", "district-after-school", "province-in-running-text", "foreign-list",
        "country", "country-header", "city", "hcm-abbreviation", "old-tone-placement", "numbered-districts",
        "plural-unit-list", "list-after-district", "industrial-zone", "village", "commune",
        "town-now-city", "district-now-town", "hyphenated-foreign", "zone-list", "long-zone-name",
        "local-city-over-bare-province",
    ],
)
def test_find_places(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "cho đoàn viên, CNVCLĐ tại các doanh nghiệp trong và ngoài tỉnh",
        "các cơ sở trên địa bàn tỉnh",
        "Ông Vàng A Lả - Chủ tịch LĐLĐ tỉnh, chủ trì hội nghị.",
        "Đồng chí Vàng A Lả - Chủ tịch LĐLĐ tỉnh chủ trì hội nghị. Ảnh: LĐLĐ Sơn La",
        "Tăng cường lãnh đạo của Tỉnh ủy, HĐND, UBND tỉnh Lạng Sơn",
        "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Phó Chủ tịch LĐLĐ huyện Bắc Sơn",
        "trường tiểu học Nậm Chà tổ chức",
        "Nậm Chà",
        "các huyện, thành phố",
        "Tết Sum vầy",
        "Đ/c Nguyễn Thái Bình phát biểu",
    ],
    ids=[
        "trong-ngoai-tinh", "tren-dia-ban-tinh", "org-in-role", "org-credit", "org-with-place", "person-hcm",
        "district-in-org", "commune-in-school", "bare-commune", "units-without-names", "programme", "person-name",
    ],
)
def test_not_a_place(text: str) -> None:
    assert places(text) == []


def test_district_of_the_report_province_counts_alone() -> None:
    text = "Liên đoàn Lao động tỉnh Quảng Ninh hỗ trợ công nhân tại Cẩm Phả, Uông Bí và Hạ Long."
    assert places(text) == [("Cẩm Phả", "Cẩm Phả", "city"), ("Uông Bí", "Uông Bí", "city"), ("Hạ Long", "Hạ Long", "city")]


def test_gazetteer_is_the_63_province_scheme() -> None:
    names = province_names()
    assert len(names) == 63
    assert {"Sơn La", "Lai Châu", "Hòa Bình", "Thành phố Hồ Chí Minh", "Bà Rịa - Vũng Tàu"} <= set(names)
    assert [(p.unit_type, p.province) for p in lookup_places("Nậm Nhùn")] == [("district", "Lai Châu"), ("commune", "Lai Châu")]
    assert capital_city("Lạng Sơn").name == "Lạng Sơn"
    assert capital_city("Hà Nội").division == "thanh-pho"


def test_is_place_name() -> None:
    assert is_place_name("Hà Nội") and is_place_name("Mai Sơn") and is_place_name("Hủa Phăn")
    assert not is_place_name("Vàng A Lả") and not is_place_name("Hồ Chí Minh")


def test_place_signature_lists_places_written() -> None:
    assert place_signature("Liên đoàn Lao động huyện Bắc Sơn, tỉnh Lạng Sơn") == {"Bắc Sơn", "Lạng Sơn"}
    assert place_signature("lien doan lao dong tinh son la") == {"Sơn La"}


UNITS = load_resource("place_units.yaml")
FOREIGN = load_resource("place_foreign.yaml")


@pytest.mark.parametrize("entry", UNITS["units"], ids=lambda entry: entry["word"])
def test_every_unit_word_matches_its_example(entry: dict) -> None:
    assert set(entry) <= {"word", "canonical", "unit_type", "divisions", "example", "note", "unaccented"}
    assert entry["unit_type"] in {"province", "city", "district", "commune", "village", "zone"}
    found = scan_places(entry["example"])
    assert any(fold(unit) == fold(entry.get("canonical", entry["word"])) for _, _, _, unit in found), found


@pytest.mark.parametrize("entry", FOREIGN["places"] + FOREIGN["countries"], ids=lambda entry: entry["name"])
def test_every_foreign_place_matches_its_example(entry: dict) -> None:
    assert {"name", "variants", "example"} <= set(entry)
    found = scan_places(entry["example"])
    assert any(places and places[0].name == entry["name"] for _, _, places, _ in found), found


def test_other_place_data_examples() -> None:
    for entry in UNITS["bare_requires_unit"]:
        assert all(f.attrs["canonical"] != entry["name"] for f in find_places(entry["example"]))
    for entry in UNITS["aliases"] + UNITS["canonical_names"]:
        assert find_places(entry["example"]), entry


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("tỉnh huyện Sơn La Lạng xã Nậm Chà,.\n-ÁĐđ ")) | st.characters(), max_size=80))
def test_any_text_gives_sorted_slices(text: str) -> None:
    found = find_places(text)
    for item in found:
        assert 0 <= item.start < item.end <= len(text)
        assert text[item.start : item.end].strip() == text[item.start : item.end]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))

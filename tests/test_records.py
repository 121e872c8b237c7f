"""Record builders on real phrasings: support figures, meetings, decisions, the report."""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.data import load_resource
from extractor.records.cues import find_cues
from support_fields import support_fields


_FIGURE_FIELDS = ("amount", "unit_amount", "count", "who", "items", "purpose", "fund", "status", "part_of")


def _support(text: str) -> list[dict]:
    return [{name: value for name, value in support_fields(f).items() if name in _FIGURE_FIELDS}
            for f in extract(text).support]


def _figure(**fields) -> dict:
    base = dict(amount=None, unit_amount=None, count=None, who=None, items=None, purpose=None, fund=None,
                status="actual", part_of=None)
    return {**base, **fields}


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (
            "Hỗ trợ CNVCLĐ gặp khó khăn do dịch bệnh COVID-19 số tiền 119,5 triệu đồng, hỗ trợ 3 đoàn viên có "
            "hoàn cảnh khó khăn, bệnh hiểm nghèo; thăm và tặng quà 07 đơn vị trường học ngoài công lập.",
            [
                _figure(amount=119_500_000, who="CNVCLĐ gặp khó khăn do dịch bệnh COVID-19", purpose="covid"),
                # commas do not end the beneficiaries: both qualifiers describe them
                _figure(count=3, who="đoàn viên có hoàn cảnh khó khăn, bệnh hiểm nghèo", purpose="illness"),
                _figure(count=7, who="đơn vị trường học ngoài công lập", purpose="gifts"),
            ],
        ),
        (
            "Kế hoạch hỗ trợ xây dựng nhà công vụ cho giáo viên, kinh phí dự tính 200 triệu đồng trích từ nguồn "
            "quỹ xã hội Liên đoàn Lao động tỉnh và huy động sự đóng góp của đoàn viên.",
            [_figure(amount=200_000_000, who="giáo viên", purpose="housing",
                     fund="quỹ xã hội Liên đoàn Lao động tỉnh", status="planned")],
        ),
        (
            "Trao tổng số 10.283 suất quà cho CNVCLĐ có hoàn cảnh khó khăn, trị giá 4,1 tỷ đồng.",
            [_figure(amount=4_100_000_000, items=10283, who="CNVCLĐ có hoàn cảnh khó khăn", purpose="gifts")],
        ),
        (
            "Thăm hỏi 127 đoàn viên có hoàn cảnh khó khăn với số tiền 126.100.000đ, 03 đoàn viên có hoàn cảnh "
            "khó khăn làm nhà với số tiền 130 triệu đồng.",
            [
                _figure(amount=126_100_000, count=127, who="đoàn viên có hoàn cảnh khó khăn", purpose="other"),
                _figure(amount=130_000_000, count=3, who="đoàn viên có hoàn cảnh khó khăn làm nhà", purpose="housing"),
            ],
        ),
        (
            "Các cấp công đoàn đã hỗ trợ 127 đoàn viên với tổng số tiền 126.100.000đ, trong đó LĐLĐ tỉnh trực "
            "tiếp hỗ trợ 45 đoàn viên, mỗi đoàn viên 1,5 triệu VNĐ từ Quỹ xã hội LĐLĐ tỉnh.",
            [
                _figure(amount=126_100_000, count=127, who="đoàn viên", purpose="other"),
                _figure(unit_amount=1_500_000, count=45, who="đoàn viên", fund="Quỹ xã hội LĐLĐ tỉnh", part_of=0),
            ],
        ),
        (
            "II. NHIỆM VỤ TRỌNG TÂM THÁNG 8 NĂM 2021\n1. Tổ chức trao 30 suất học bổng cho con đoàn viên, mỗi "
            "suất 1.000.000 đồng.",
            [_figure(items=30, unit_amount=1_000_000, who="con đoàn viên", purpose="scholarship", status="planned")],
        ),
    ],
    ids=["three-in-one-sentence", "planned-with-fund", "items-and-value", "count-after-comma-starts-figure",
         "total-and-part", "planned-section"],
)
def test_support_figures(text: str, figures: list[dict]) -> None:
    assert _support(text) == figures


@pytest.mark.parametrize(
    "text",
    [
        "Tổng Liên đoàn tặng Kỷ niệm chương cho 16 đồng chí.",
        "Đề nghị LĐLĐ thị xã hỗ trợ đoàn viên Lường Thị Dung số tiền 5 triệu đồng.",
        "Quỹ Xã hội LĐLĐ tỉnh tiếp nhận ủng hộ 100 triệu đồng từ Ngân hàng.",
        "Tại Hội nghị đã chuyển trao giải cho 02 đoàn viên đạt giải Nhì.",
        "Các tin khác\n- LĐLĐ thành phố trao 300 suất học bổng cho con công nhân (04/09/2012)",
    ],
    ids=["award", "request", "fundraising", "prize", "related-news-list"],
)
def test_not_support(text: str) -> None:
    assert _support(text) == []


def test_partner_is_not_the_giver_and_fund_follows_tu_nguon() -> None:
    text = ("Từ nguồn “Quỹ xã hội” và các nguồn hỗ trợ khác, Liên đoàn Lao động tỉnh đã phối hợp với Công ty "
            "Điện lực hỗ trợ xây dựng 80 “Mái ấm Công đoàn” cho CNVCLĐ với số tiền 3 tỷ 640 triệu đồng.")
    figure = extract(text).support[0]
    assert figure.giver.text == "Liên đoàn Lao động tỉnh"
    assert figure.fund.value == "“Quỹ xã hội” và các nguồn hỗ trợ khác"


@pytest.mark.parametrize(
    ("text", "funds", "periods"),
    [
        # the next sentence says where the money came from
        ("Sáng 07/11/2020, Liên đoàn Lao động tỉnh Quảng Bình trao tiền hỗ trợ cho 312 đoàn viên, mỗi suất 2 triệu "
         "đồng. Số tiền trên được trích từ Quỹ Xã hội Công đoàn tỉnh và nguồn ủng hộ của Tổng Liên đoàn Lao động "
         "Việt Nam.",
         ["Quỹ Xã hội Công đoàn tỉnh và nguồn ủng hộ của Tổng Liên đoàn Lao động Việt Nam"], ["2020-11-07"]),
        # a decision's article on the source of funds; its year dates the support, it is not part of the fund
        ("Điều 1. Hỗ trợ kinh phí xây dựng “Mái ấm Công đoàn” cho 05 đoàn viên, mức hỗ trợ 50.000.000 đồng/nhà.\n\n"
         "Điều 2. Nguồn kinh phí: Quỹ Xã hội LĐLĐ tỉnh năm 2020.",
         ["Quỹ Xã hội LĐLĐ tỉnh"], ["2020"]),
        # a fund named in the clause is kept; a later statement does not override it
        ("LĐLĐ tỉnh hỗ trợ 20 đoàn viên 40 triệu đồng từ ngân sách công đoàn. Nguồn kinh phí: Quỹ Xã hội LĐLĐ tỉnh.",
         ["ngân sách công đoàn"], [None]),
    ],
    ids=["so-tien-tren", "nguon-kinh-phi-article", "own-fund-wins"],
)
def test_fund_told_after_the_figure(text: str, funds: list[str], periods: list) -> None:
    figures = extract(text).support
    assert [f.fund.value if f.fund else None for f in figures] == funds
    assert [f.period.value if f.period else None for f in figures] == periods


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # a shared adverbial dates every clause after it
        ("Được biết, trong quý III/2020, công đoàn Sơn La đã: hỗ trợ 3 đoàn viên có hoàn cảnh khó khăn; thăm và "
         "tặng quà 07 đơn vị trường học.", ["2020-Q3", "2020-Q3"]),
        # a date in another clause does not
        ("Tháng Công nhân năm 2017 được tổ chức với nhiều hoạt động; Công đoàn ngành khánh thành 12 “Mái ấm Công "
         "đoàn” cho thợ mỏ.", [None]),
        # two periods: none
        ("Trong năm 2020 và năm 2021, các cấp công đoàn hỗ trợ 8.642 lượt đoàn viên với số tiền 9,2 tỷ đồng.",
         [None]),
    ],
    ids=["shared-adverbial", "other-clause", "two-periods"],
)
def test_support_period(text: str, periods: list) -> None:
    assert [f.period.value if f.period else None for f in extract(text).support] == periods


def test_support_evidence_slices_the_text() -> None:
    text = "Hỗ trợ\u00a03 đoàn viên số tiền 119,5\u00a0triệu đồng."
    figure = extract(text).support[0]
    for grounded in (figure.amount, figure.beneficiaries.count, figure.status, *figure.evidence):
        assert text[grounded.start:grounded.end] == grounded.text
    assert figure.amount.text == "119,5\u00a0triệu đồng"


def test_meeting_with_session_term_date_and_decisions() -> None:
    text = (
        "Hội nghị lần thứ 10 Ban Chấp hành Liên đoàn Lao động tỉnh (LĐLĐ), họp ngày 04 tháng 7 năm 2017, "
        "bầu bổ sung 03 đồng chí vào Ban chấp hành LĐLĐ tỉnh Lạng Sơn (khóa XV).\n"
        "Hội nghị thông qua Nghị quyết của Ban Chấp hành lần thứ 10, khóa XV."
    )
    document = extract(text)
    assert len(document.meetings) == 1
    meeting = document.meetings[0]
    assert (meeting.kind.value, meeting.date.value, meeting.session.value, meeting.term.value) == (
        "hội nghị Ban Chấp hành", "2017-07-04", 10, "XV")
    assert [d.action.value for d in document.decisions] == ["bầu bổ sung", "thông qua"]
    assert meeting.decisions == [0, 1]


@pytest.mark.parametrize(
    ("phrase", "session"),
    [("tổ chức Hội nghị Ban Chấp hành LĐLĐ tỉnh lần thứ tám", 8), ("HỌP BAN CHẤP HÀNH KỲ THỨ 10", 10),
     ("tổ chức Hội nghị Ban Chấp hành lần thứ IX", 9)],
    ids=["ordinal-word", "capitals", "roman"],
)
def test_meeting_session_numbers(phrase: str, session: int) -> None:
    meetings = extract(f"Ngày 22/7/2021, {phrase}.").meetings
    assert [m.session.value for m in meetings] == [session]


@pytest.mark.parametrize(
    ("text", "organiser", "kind", "term"),
    [
        # the body carries its term between itself and "tổ chức"
        ("Sáng 18/7, tại thành phố Điện Biên Phủ, Ban Chấp hành Liên đoàn Lao động tỉnh Điện Biên khóa XIV, "
         "nhiệm kỳ 2018 - 2023 tổ chức Hội nghị lần thứ 10 sơ kết công tác công đoàn 6 tháng đầu năm.",
         "Ban Chấp hành Liên đoàn Lao động tỉnh Điện Biên", "hội nghị Ban Chấp hành", "XIV"),
        # "họp" after the body is the meeting itself
        ("Ngày 15/9/2021, Ban Thường vụ Liên đoàn Lao động tỉnh Đắk Lắk họp phiên thường kỳ tháng 9.",
         "Ban Thường vụ Liên đoàn Lao động tỉnh Đắk Lắk", "hội nghị Ban Thường vụ", None),
        # the partner after "phối hợp với" does not hold it
        ("Sáng ngày 05/9/2012, Liên đoàn Lao động thành phố Đà Nẵng phối hợp với Sở Lao động - Thương binh và "
         "Xã hội tổ chức Hội nghị tổng kết 4 năm thực hiện Chỉ thị số 22-CT/TW.",
         "Liên đoàn Lao động thành phố Đà Nẵng", "hội nghị tổng kết", None),
    ],
    ids=["term-before-held", "body-hop", "partner"],
)
def test_meeting_organiser(text: str, organiser: str, kind: str, term: str | None) -> None:
    meeting = extract(text).meetings[0]
    assert (meeting.organiser.text, meeting.kind.value) == (organiser, kind)
    assert (meeting.term.value if meeting.term else None) == term


@pytest.mark.parametrize(
    ("text", "agenda"),
    [
        # the first item is inside the kind cue ("Hội nghị tổng kết ...")
        ("Chiều ngày 05/01/2024, Công đoàn Viên chức tỉnh Sơn La tổ chức Hội nghị tổng kết phong trào thi đua "
         "năm 2023, triển khai nhiệm vụ trọng tâm năm 2024.",
         ["tổng kết phong trào thi đua năm 2023", "triển khai nhiệm vụ trọng tâm năm 2024"]),
        # a verb inside a quoted title belongs to the item
        ("Chiều 27/12/2023, Ban Chấp hành LĐLĐ tỉnh tổ chức Hội nghị lần thứ 2 học tập chuyên đề “Học tập và "
         "làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” năm 2024.",
         ["học tập chuyên đề “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” năm 2024"]),
        # a later sentence opening with the meeting word, without a day or body of its own, goes on about it
        ("Hội nghị lần thứ 10 Ban Chấp hành Liên đoàn Lao động tỉnh, họp ngày 04 tháng 7 năm 2017, bầu bổ sung "
         "03 đồng chí vào Ban chấp hành.\nHội nghị sơ kết hoạt động công đoàn 6 tháng đầu năm 2017; thống nhất "
         "các văn bản.",
         ["sơ kết hoạt động công đoàn 6 tháng đầu năm 2017"]),
    ],
    ids=["kind-holds-verb", "quoted-title", "continuing-sentence"],
)
def test_meeting_agenda(text: str, agenda: list[str]) -> None:
    meetings = extract(text).meetings
    assert len(meetings) == 1
    assert [item.value for item in meetings[0].agenda] == agenda


def test_decisions_taken_at_a_meeting_are_by_its_body_on_its_day() -> None:
    text = ("Sáng 18/7/2019, Ban Chấp hành Liên đoàn Lao động tỉnh Điện Biên tổ chức Hội nghị lần thứ 10.\n"
            "Hội nghị đã bầu bổ sung 02 đồng chí vào Ban Chấp hành LĐLĐ tỉnh gồm: đồng chí Mùa A Sử, Chủ tịch "
            "LĐLĐ huyện Mường Nhé và đồng chí Cà Văn Thắng, Chủ tịch Công đoàn Ngành Giáo dục; đồng thời thông "
            "qua Nghị quyết Hội nghị với 7 chỉ tiêu trọng tâm.")
    document = extract(text)
    # the people elected in the first act do not "present" the second one
    assert [(d.action.value, d.decided_by.text, d.date.value) for d in document.decisions] == [
        ("bầu bổ sung", "Ban Chấp hành Liên đoàn Lao động tỉnh Điện Biên", "2019-07-18"),
        ("thông qua", "Ban Chấp hành Liên đoàn Lao động tỉnh Điện Biên", "2019-07-18"),
    ]
    assert document.meetings[0].decisions == [0, 1]


def test_people_elected_from_a_numbered_list_after_blank_lines() -> None:
    text = ("Hội nghị lần thứ 10 Ban Chấp hành Liên đoàn Lao động tỉnh, họp ngày 04 tháng 7 năm 2017, bầu bổ sung "
            "03 đồng chí vào Ban chấp hành LĐLĐ tỉnh Lạng Sơn (khóa XV):\n\n\u00a0 \u00a0 1- Đ/c: Hoàng Thị Cúc, "
            "Trưởng Ban nữ công LĐLĐ tỉnh;\n\n\u00a0 \u00a0 2- Đ/c: Nông Thị Phương Thảo, Phó Giám đốc Bảo hiểm xã "
            "hội tỉnh;\n\n\u00a0 \u00a0 3- Đ/c: Trần Thị Thủy, Huyện ủy viên, Chủ tịch LĐLĐ huyện Bắc Sơn.")
    decision = extract(text).decisions[0]
    assert [(p.name.value, p.role.value if p.role else None) for p in decision.people] == [
        ("Hoàng Thị Cúc", "Trưởng Ban nữ công LĐLĐ tỉnh"),
        ("Nông Thị Phương Thảo", "Phó Giám đốc Bảo hiểm xã hội tỉnh"),
        ("Trần Thị Thủy", "Huyện ủy viên, Chủ tịch LĐLĐ huyện Bắc Sơn"),
    ]


def test_a_meeting_only_named_is_not_held() -> None:
    text = "Tuyên truyền Nghị quyết Đại hội XIII của Đảng, văn kiện Đại hội Công đoàn ngày 12/6/2021."
    assert extract(text).meetings == []


def test_decision_cites_documents_and_action_as_noun_is_not_a_decision() -> None:
    text = ("Theo đó, bổ sung sửa đổi quyết định 722/QĐ-LĐLĐ ngày 6.3.2020 của Ban Thường vụ LĐLĐ tỉnh.\n"
            "Tiếp tục đổi mới công tác thi đua, khen thưởng.")
    decisions = extract(text).decisions
    assert [(d.action.value, [r.value for r in d.doc_refs]) for d in decisions] == [
        ("sửa đổi bổ sung", ["722/QĐ-LĐLĐ"])]


def test_report_fields_of_an_official_report() -> None:
    text = (
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU\nSố: 45/BC-LĐLĐ\nLai Châu, ngày 05 tháng 8 năm 2021\n\nBÁO CÁO\n"
        "Kết quả hoạt động công đoàn tháng 7 năm 2021\n\nI. KẾT QUẢ\n1. Hỗ trợ 3 đoàn viên.\n\n"
        "Nơi nhận:\n- Tổng LĐLĐ Việt Nam (b/c);\n- UBND tỉnh;\n- Lưu: VT.\n\nTM. BAN THƯỜNG VỤ\nPHÓ CHỦ TỊCH\n"
        "(Đã ký)\n\nĐồng Thị Nghĩa\n"
    )
    report = extract(text).report
    assert report.kind.value == "báo cáo tháng"
    assert report.title.value == "Kết quả hoạt động công đoàn tháng 7 năm 2021"
    assert report.date.value == "2021-08-05"
    assert report.period.value == "2021-07"
    assert [r.value for r in report.recipients] == ["Tổng LĐLĐ Việt Nam (b/c)", "UBND tỉnh", "Lưu: VT"]
    assert (report.signer.name.value, report.signer.role.value, report.signer.on_behalf_of.value) == (
        "Đồng Thị Nghĩa", "PHÓ CHỦ TỊCH", "BAN THƯỜNG VỤ")


CUE_GROUPS = {k: v for k, v in load_resource("record_cues.yaml").items()}


@pytest.mark.parametrize(
    ("group", "entry"),
    [(group, entry) for group, items in CUE_GROUPS.items() for entry in items],
    ids=[f"{group}:{entry['word']}" for group, items in CUE_GROUPS.items() for entry in items],
)
def test_every_cue_matches_its_example(group: str, entry: dict) -> None:
    assert entry["word"] and entry["example"]
    found = [c.word for c in find_cues(group, entry["example"])]
    # The example shows the cue itself, unless a longer cue of the same group takes it over.
    assert found and any(entry["word"].lower() in w.lower() for w in found), (entry, found)


def test_phrase_values_are_as_written_in_the_users_text() -> None:
    # Normalisation folds "–" to "-" for the recognisers; a phrase value read off the text keeps
    # the user's characters (whitespace collapsed), a normalised value (a date) does not change.
    text = ("Hội nghị lần thứ 10 Ban Chấp hành Liên đoàn Lao động tỉnh, họp ngày 04 tháng 7 năm 2017, "
            "thống nhất các văn bản: hướng dẫn phân bổ đại biểu dự đại hội công đoàn tỉnh khóa XVI "
            "nhiệm kỳ 2018 – 2023.")
    decision = next(d for d in extract(text).decisions if d.action.value == "thống nhất")
    assert decision.object.value.endswith("nhiệm kỳ 2018 – 2023")
    assert text[decision.object.start:decision.object.end] == decision.object.text
    assert decision.date.value == "2017-07-04"

"""Meetings and decisions on real phrasings of union reports: several meetings in a report's body,
meetings dated by the dateline, venues, agenda items, planned and counted meetings; decisions
sharing a subject or a date, decided at a meeting, carried by a document, planned, or only
proposed."""

from __future__ import annotations

import pytest

from extractor import extract

# A web news item dated by its posting stamp: the meetings of "Sáng nay" and "Chiều cùng ngày"
# are the report's day, not the day of the resolution cited in a speech.
NEWS_DATED_BY_STAMP = """LIÊN ĐOÀN LAO ĐỘNG TỈNH PHÚ THỌ

Thứ Sáu, 20/12/2013 16:40

Hội nghị Ban Chấp hành LĐLĐ tỉnh Phú Thọ lần thứ ba, khóa XVIII

(PHÚ THỌ) - Sáng nay, tại hội trường LĐLĐ tỉnh, Ban Chấp hành Liên đoàn Lao động tỉnh Phú Thọ khóa XVIII, \
nhiệm kỳ 2013 – 2018 tổ chức Hội nghị lần thứ ba để tổng kết hoạt động công đoàn năm 2013, triển khai phương \
hướng, nhiệm vụ năm 2014. Hội nghị diễn ra dưới sự chủ trì của đồng chí Nguyễn Thị Hồng Vân, Tỉnh ủy viên, \
Chủ tịch LĐLĐ tỉnh.

Hội nghị đã nghe báo cáo tổng kết phong trào CNVCLĐ và hoạt động công đoàn năm 2013; thảo luận, đóng góp ý \
kiến vào dự thảo Chương trình công tác năm 2014; cho ý kiến vào Quy chế làm việc của Ban Chấp hành, Ban \
Thường vụ khóa XVIII.

Hội nghị đã biểu quyết thông qua Chương trình công tác năm 2014 và Nghị quyết hội nghị.

Phát biểu chỉ đạo hội nghị, đồng chí Hà Kế Sơn đề nghị LĐLĐ tỉnh tiếp tục triển khai Nghị quyết số 20-NQ/TW \
ngày 28/01/2008 của Ban Chấp hành Trung ương Đảng.

Chiều cùng ngày, Ban Thường vụ LĐLĐ tỉnh họp kỳ thứ 5, quyết định thành lập CĐCS Công ty TNHH May Nam Sang \
Việt Nam và chỉ định Ban Chấp hành lâm thời gồm 05 đồng chí, do bà Trần Thị Thơm làm Chủ tịch. Ban Thường vụ \
cũng xem xét báo cáo của Ủy ban Kiểm tra LĐLĐ tỉnh đề nghị thi hành kỷ luật khiển trách 01 đồng chí Chủ tịch \
CĐCS vi phạm quy định quản lý tài chính công đoàn.

Minh Phương
"""

# A six-month report: its meetings stand under a results heading that names the tasks
# ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ"), its plans under "PHƯƠNG HƯỚNG NHIỆM VỤ".
REPORT_WITH_MEETINGS = """LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI BÌNH
Số: 52/BC-LĐLĐ
Thái Bình, ngày 08 tháng 7 năm 2015

BÁO CÁO
Sơ kết hoạt động công đoàn 6 tháng đầu năm 2015, phương hướng nhiệm vụ 6 tháng cuối năm

I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2015

2. Công tác tuyên truyền, hội nghị, tập huấn
Ngày 12/3/2015, LĐLĐ tỉnh tổ chức Hội thảo “Nâng cao chất lượng thương lượng, ký kết thỏa ước lao động tập \
thể trong doanh nghiệp ngoài nhà nước” tại thành phố Thái Bình với sự tham dự của 120 đại biểu là chủ doanh \
nghiệp, chủ tịch CĐCS; ông Phạm Văn Sinh, Phó Chủ tịch UBND tỉnh dự và phát biểu. Các đại biểu đã thảo luận \
các giải pháp đưa nội dung có lợi hơn cho người lao động vào thỏa ước.

Ngày 24/4/2015, LĐLĐ tỉnh mở lớp tập huấn nghiệp vụ công tác kiểm tra cho 95 ủy viên Ủy ban Kiểm tra công \
đoàn cơ sở tại Trường Chính trị tỉnh. Ngày 28/5/2015, LĐLĐ tỉnh phối hợp với Sở Lao động - Thương binh và Xã \
hội tổ chức Hội nghị sơ kết 3 năm thực hiện Bộ luật Lao động 2012, do đồng chí Đỗ Thị Thanh Nhàn, Phó Chủ \
tịch Thường trực LĐLĐ tỉnh chủ trì.

3. Công tác tổ chức, kiểm tra
Ngày 25/6/2015, Ban Thường vụ LĐLĐ tỉnh họp phiên thường kỳ quý II, phê duyệt quyết toán ngân sách công đoàn \
năm 2014 của LĐLĐ tỉnh; ban hành Quyết định số 198/QĐ-LĐLĐ sửa đổi, bổ sung Quyết định số 45/QĐ-LĐLĐ ngày \
6.3.2014 về mức chi thăm hỏi đoàn viên ốm đau, thai sản. Ủy ban Kiểm tra LĐLĐ tỉnh kiểm tra việc quản lý tài \
chính tại 18 CĐCS, qua đó đề nghị giải thể 02 CĐCS doanh nghiệp đã ngừng hoạt động trên 12 tháng.

II. PHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG CUỐI NĂM 2015
1. Tổ chức thành công Đại hội Công đoàn tỉnh Thái Bình lần thứ XXII, nhiệm kỳ 2015 – 2020 vào tháng 10/2015.
4. Ban hành kế hoạch triển khai Nghị quyết số 9c/NQ-BCH ngày 27/01/2014 của Ban Chấp hành Tổng Liên đoàn Lao \
động Việt Nam về nâng cao chất lượng đoàn viên và hoạt động của CĐCS.
"""

# A congress and the first session of the Ban Chấp hành it elected.
CONGRESS_AND_FIRST_SESSION = (
    "Ngày 15/6/2023, tại Hội trường Sở Y tế tỉnh Sóc Trăng, Công đoàn ngành Y tế tỉnh Sóc Trăng tổ chức Đại hội "
    "đại biểu lần thứ VII, nhiệm kỳ 2023 - 2028. Đại hội đã đánh giá kết quả thực hiện Nghị quyết Đại hội nhiệm "
    "kỳ 2018 - 2023; góp ý vào dự thảo Văn kiện Đại hội XIII Công đoàn Việt Nam và Đại hội XI Công đoàn tỉnh Sóc "
    "Trăng; biểu quyết thông qua Nghị quyết Đại hội với 10 chỉ tiêu chủ yếu cho nhiệm kỳ 2023 - 2028. Đại hội đã "
    "bầu 19 đồng chí vào Ban Chấp hành Công đoàn ngành Y tế tỉnh khóa VII.\n"
    "Tại phiên họp thứ nhất, Ban Chấp hành khóa VII đã bầu 05 đồng chí vào Ban Thường vụ; bầu đồng chí Trần Thị "
    "Ngọc Điệp giữ chức Chủ tịch và đồng chí Sơn Hoàng Tâm, Trưởng khoa Nội Bệnh viện Đa khoa tỉnh, giữ chức Phó "
    "Chủ tịch Công đoàn ngành Y tế tỉnh khóa VII.\n"
    "Dịp này, Ban Chấp hành Công đoàn Y tế Việt Nam tặng Bằng khen cho 4 tập thể và 9 cá nhân."
)


def _meeting_rows(text: str) -> list[tuple]:
    return [(m.kind.value, m.organiser.value if m.organiser else None, m.date.value if m.date else None,
             m.date_from_report, m.place.value if m.place else None, m.session.value if m.session else None)
            for m in extract(text).meetings]


def _decision_rows(text: str) -> list[tuple]:
    return [(d.action.value, d.object.value if d.object else None, d.decided_by.value if d.decided_by else None,
             d.date.value if d.date else None, d.status) for d in extract(text).decisions]


# --- meetings ----------------------------------------------------------------------------------


def test_meetings_in_a_report_body_each_held_on_its_day() -> None:
    """Hội thảo, lớp tập huấn, a Hội nghị sơ kết "do ... chủ trì" and a Ban Thường vụ session,
    each a meeting of its own under a results heading; the Đại hội of the plan section is none."""
    assert _meeting_rows(REPORT_WITH_MEETINGS) == [
        ("hội thảo", "Liên đoàn Lao động tỉnh Thái Bình", "2015-03-12", False, "thành phố Thái Bình", None),
        ("tập huấn", "Liên đoàn Lao động tỉnh Thái Bình", "2015-04-24", False, "Trường Chính trị tỉnh", None),
        ("hội nghị sơ kết", "Liên đoàn Lao động tỉnh Thái Bình", "2015-05-28", False, None, None),
        ("hội nghị Ban Thường vụ", "Ban Thường vụ Liên đoàn Lao động tỉnh Thái Bình", "2015-06-25", False, None, None),
    ]
    meetings = extract(REPORT_WITH_MEETINGS).meetings
    assert meetings[2].chair.name.value == "Đỗ Thị Thanh Nhàn"
    # "Các đại biểu đã thảo luận ..." goes on about the Hội thảo
    assert [a.value for a in meetings[0].agenda] == [
        "các giải pháp đưa nội dung có lợi hơn cho người lao động vào thỏa ước"]
    assert meetings[3].decisions == [0, 1]


def test_meetings_dated_by_the_dateline() -> None:
    """"Sáng nay" and "Chiều cùng ngày" take the report's day, not a cited resolution's."""
    assert _meeting_rows(NEWS_DATED_BY_STAMP) == [
        ("hội nghị Ban Chấp hành", "Ban Chấp hành Liên đoàn Lao động tỉnh Phú Thọ", "2013-12-20", True,
         "hội trường LĐLĐ tỉnh", 3),
        ("hội nghị Ban Thường vụ", "Ban Thường vụ Liên đoàn Lao động tỉnh Phú Thọ", "2013-12-20", True, None, 5),
    ]


def test_a_session_within_a_congress_is_a_meeting_of_its_own() -> None:
    meetings = extract(CONGRESS_AND_FIRST_SESSION).meetings
    assert [(m.kind.value, m.kind.text, m.session.value, m.term.value) for m in meetings] == [
        ("đại hội", "Đại hội", 7, "2023/2028"), ("hội nghị Ban Chấp hành", "phiên họp", 1, "VII")]
    assert meetings[0].place.value == "Hội trường Sở Y tế tỉnh Sóc Trăng"
    # the congress's decisions and its "Dịp này" awards; the session's elections
    assert (meetings[0].decisions, meetings[1].decisions) == ([0, 1, 4], [2, 3])


@pytest.mark.parametrize(
    ("text", "kind", "session", "term"),
    [
        # "họp Hội nghị lần thứ hai" under a results heading that names the tasks
        ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2013\n3. Công tác tổ chức\nNgày 05/7/2013, tại thị xã Lai "
         "Châu, Ban Chấp hành LĐLĐ tỉnh khóa XIII họp Hội nghị lần thứ hai dưới sự chủ trì của đồng chí Tao Văn "
         "Hùng, Tỉnh ủy viên, Chủ tịch Liên đoàn Lao động tỉnh Lai Châu.",
         "hội nghị Ban Chấp hành", 2, "XIII"),
        # the body, then "họp"
        ("Ngày 25/6/2015, Ban Thường vụ LĐLĐ tỉnh họp phiên thường kỳ quý II, phê duyệt quyết toán ngân sách "
         "công đoàn năm 2014 của LĐLĐ tỉnh.", "hội nghị Ban Thường vụ", None, None),
        ("Chiều 20/12/2013, Ban Thường vụ LĐLĐ tỉnh họp kỳ thứ 5, quyết định thành lập CĐCS Công ty TNHH May "
         "Nam Sang Việt Nam.", "hội nghị Ban Thường vụ", 5, None),
        # a Hội nghị người lao động keeps its kind whoever holds it
        ("BCH CĐCS phối hợp với Giám đốc Công ty tổ chức Hội nghị người lao động ngày 20.01.2016, ký lại Thỏa "
         "ước lao động tập thể với 08 điều khoản có lợi hơn quy định của pháp luật.", "hội nghị", None, None),
    ],
    ids=["hop-hoi-nghi-lan-thu-hai", "hop-phien-thuong-ky", "hop-ky-thu", "hoi-nghi-nguoi-lao-dong"],
)
def test_meeting_kinds_and_sessions(text: str, kind: str, session: int | None, term: str | None) -> None:
    meetings = extract(text).meetings
    assert [(m.kind.value, m.session.value if m.session else None, m.term.value if m.term else None)
            for m in meetings] == [(kind, session, term)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Sáng 20/12/2013, tại hội trường LĐLĐ tỉnh, Ban Chấp hành Liên đoàn Lao động tỉnh Phú Thọ tổ chức Hội "
         "nghị lần thứ ba.", "hội trường LĐLĐ tỉnh"),
        ("Ngày 24/4/2015, LĐLĐ tỉnh mở lớp tập huấn nghiệp vụ công tác kiểm tra cho 95 ủy viên Ủy ban Kiểm tra "
         "công đoàn cơ sở tại Trường Chính trị tỉnh.", "Trường Chính trị tỉnh"),
        ("Ngày 13/11/2006, tại thị xã Sơn La, Liên đoàn Lao động tỉnh Sơn La (LĐLĐ) tổ chức Hội nghị sơ kết 3 năm "
         "hợp tác.", "thị xã Sơn La"),
    ],
    ids=["hoi-truong", "truong-chinh-tri", "place-name"],
)
def test_meeting_place_after_tai(text: str, place: str) -> None:
    assert [m.place.value for m in extract(text).meetings] == [place]


def test_organiser_written_with_its_abbreviation() -> None:
    text = ("Ngày 13/11/2006, tại thị xã Sơn La, Liên đoàn Lao động tỉnh Sơn La (LĐLĐ) tổ chức Hội nghị sơ kết 3 "
            "năm thực hiện Biên bản ghi nhớ hợp tác, bàn phương hướng hợp tác giai đoạn 2007 - 2010.")
    meeting = extract(text).meetings[0]
    assert (meeting.organiser.value, meeting.kind.value) == ("Liên đoàn Lao động tỉnh Sơn La", "hội nghị sơ kết")
    assert [a.value for a in meeting.agenda] == ["sơ kết 3 năm thực hiện Biên bản ghi nhớ hợp tác",
                                                 "bàn phương hướng hợp tác giai đoạn 2007 - 2010"]


def test_guests_listed_on_in_the_next_sentence_attend() -> None:
    text = ("Ngày 13/11/2006, Liên đoàn Lao động tỉnh Sơn La tổ chức Hội nghị sơ kết 3 năm hợp tác. Dự Hội nghị "
            "có bà Lò Thị Ón - Phó Trưởng Ban Dân vận Tỉnh ủy; ông Giàng A Chu, Giám đốc Sở Ngoại vụ. Về phía bạn "
            "Lào có ông Khăm-phăn Xay-nha-vông, Chủ tịch Liên hiệp Công đoàn tỉnh Hủa Phăn.")
    attendees = extract(text).meetings[0].attendees
    assert [(a.name.value, a.role.value) for a in attendees] == [
        ("Lò Thị Ón", "Phó Trưởng Ban Dân vận Tỉnh ủy"), ("Giàng A Chu", "Giám đốc Sở Ngoại vụ"),
        ("Khăm-phăn Xay-nha-vông", "Chủ tịch Liên hiệp Công đoàn tỉnh Hủa Phăn")]


@pytest.mark.parametrize(
    ("text", "agenda"),
    [
        # a comma alone does not end an item
        ("Sáng 20/12/2013, Ban Chấp hành LĐLĐ tỉnh tổ chức Hội nghị lần thứ ba để tổng kết hoạt động công đoàn "
         "năm 2013, triển khai phương hướng, nhiệm vụ năm 2014.",
         ["tổng kết hoạt động công đoàn năm 2013", "triển khai phương hướng, nhiệm vụ năm 2014"]),
        ("Sáng ngày 05/9/2012, LĐLĐ thành phố tổ chức Hội nghị tổng kết 4 năm thực hiện Chỉ thị số 22-CT/TW của "
         "Ban Bí thư về tăng cường công tác lãnh đạo, chỉ đạo việc xây dựng quan hệ lao động hài hòa, ổn định, "
         "tiến bộ trong doanh nghiệp.",
         ["tổng kết 4 năm thực hiện Chỉ thị số 22-CT/TW của Ban Bí thư về tăng cường công tác lãnh đạo, chỉ đạo "
          "việc xây dựng quan hệ lao động hài hòa, ổn định, tiến bộ trong doanh nghiệp"]),
        # after "đã nghe", "đóng góp ý kiến vào", "cho ý kiến vào": the item itself
        (NEWS_DATED_BY_STAMP.split("\n\n", 4)[3] + "\n\n" + NEWS_DATED_BY_STAMP.split("\n\n", 5)[4],
         ["tổng kết hoạt động công đoàn năm 2013", "triển khai phương hướng, nhiệm vụ năm 2014",
          "báo cáo tổng kết phong trào CNVCLĐ và hoạt động công đoàn năm 2013",
          "dự thảo Chương trình công tác năm 2014",
          "Quy chế làm việc của Ban Chấp hành, Ban Thường vụ khóa XVIII"]),
        # "góp ý vào"; the decision of the same sentence is no item
        (CONGRESS_AND_FIRST_SESSION.split("\n")[0],
         ["đánh giá kết quả thực hiện Nghị quyết Đại hội nhiệm kỳ 2018 - 2023",
          "dự thảo Văn kiện Đại hội XIII Công đoàn Việt Nam và Đại hội XI Công đoàn tỉnh Sóc Trăng"]),
        # "thảo luận" gives its object; an item ends before a decision ("và bầu bổ sung")
        ("Ngày 25/8/1999, Ban Chấp hành LĐLĐ tỉnh họp Hội nghị lần thứ 4 (khóa II) tại thị xã Sóc Trăng. Hội nghị "
         "đã đánh giá kết quả thực hiện Nghị quyết 6 tháng đầu năm 1999, thảo luận các giải pháp ổn định việc "
         "làm cho công nhân ngành thủy sản; thông qua Quy chế làm việc (sửa đổi) của Ban Chấp hành khóa II.",
         ["đánh giá kết quả thực hiện Nghị quyết 6 tháng đầu năm 1999",
          "các giải pháp ổn định việc làm cho công nhân ngành thủy sản"]),
        ("Ngày 05/7/2013, Ban Chấp hành LĐLĐ tỉnh khóa XIII họp Hội nghị lần thứ hai. Hội nghị sơ kết công tác "
         "công đoàn 6 tháng đầu năm và bầu bổ sung 03 đồng chí vào Ban Chấp hành.",
         ["sơ kết công tác công đoàn 6 tháng đầu năm"]),
        # "báo cáo sơ kết" in the object of "thông qua" is no item
        ("Ngày 10/7/2017, Ban Chấp hành LĐLĐ tỉnh họp Hội nghị lần thứ 6 (khóa XIII) tại thành phố Hạ Long, "
         "thông qua báo cáo sơ kết và bầu bổ sung 01 đồng chí vào Ban Thường vụ.", []),
        # the body goes on as subject: "Ban Thường vụ cũng xem xét ..."
        (NEWS_DATED_BY_STAMP.split("\n\n")[-2],
         ["báo cáo của Ủy ban Kiểm tra LĐLĐ tỉnh đề nghị thi hành kỷ luật khiển trách 01 đồng chí Chủ tịch CĐCS "
          "vi phạm quy định quản lý tài chính công đoàn"]),
    ],
    ids=["comma-inside", "commas-of-a-title", "nghe-gop-y-cho-y-kien", "gop-y-vao", "thao-luan",
         "before-a-decision", "object-of-a-decision", "body-goes-on"],
)
def test_meeting_agenda_items(text: str, agenda: list[str]) -> None:
    meetings = extract(text).meetings
    assert [item.value for item in meetings[-1].agenda] == agenda


def test_a_planned_meeting_is_not_joined_to_the_one_reported() -> None:
    """"sẽ tổ chức Hội nghị" names a meeting to come: neither it nor its "Nhân dịp này" award
    belongs to the meeting reported, and the award is planned."""
    text = ("Sáng 18/7/2019, Ban Chấp hành Liên đoàn Lao động tỉnh Điện Biên tổ chức Hội nghị lần thứ 10. Hội nghị "
            "đã thông qua Nghị quyết Hội nghị với 7 chỉ tiêu trọng tâm.\n"
            "Ngày 20/8 tới, LĐLĐ tỉnh sẽ tổ chức Hội nghị biểu dương 100 công nhân lao động giỏi tiêu biểu. Nhân "
            "dịp này, Tổng Liên đoàn Lao động Việt Nam tặng Bằng khen cho 3 tập thể và 5 cá nhân.")
    document = extract(text)
    assert len(document.meetings) == 1 and document.meetings[0].decisions == [0]
    assert [(d.action.value, d.decided_by.value, d.date, d.status) for d in document.decisions[1:]] == [
        ("khen thưởng", "Tổng Liên đoàn Lao động Việt Nam", None, "planned")]


@pytest.mark.parametrize(
    "text",
    [
        "Các cấp công đoàn đã tổ chức, phối hợp tổ chức 1.397 cuộc tập huấn, hội nghị, hội thảo về các chế độ, "
        "chính sách có liên quan cho trên 33.000 lượt người.",
        "Hằng năm, 100% cơ quan hành chính, đơn vị sự nghiệp tổ chức hội nghị CBCCVC; trên 90% CĐCS doanh nghiệp "
        "tổ chức hội nghị người lao động.",
        "Theo báo cáo sơ kết, LĐLĐ tỉnh Sơn La mở 3 lớp tập huấn nghiệp vụ cho 112 cán bộ công đoàn của bạn.",
        "II. PHƯƠNG HƯỚNG NHIỆM VỤ QUÝ IV\n2. Tổ chức Hội nghị tổng kết công tác công đoàn năm 1999 vào tháng "
        "12/1999.",
    ],
    ids=["counted-list", "share-of-units", "counted-classes", "plan-section"],
)
def test_meetings_counted_shared_or_planned_are_not_held(text: str) -> None:
    assert extract(text).meetings == []


# --- decisions ---------------------------------------------------------------------------------


def test_acts_after_a_semicolon_share_the_subject_and_the_day() -> None:
    text = ("Ngày 25/6/2015, Ban Thường vụ LĐLĐ tỉnh Thái Bình ban hành Kế hoạch số 45/KH-LĐLĐ về tổ chức Tháng "
            "Công nhân; phê duyệt quyết toán ngân sách công đoàn năm 2014 của LĐLĐ tỉnh.")
    assert _decision_rows(text) == [
        ("ban hành", "Kế hoạch số 45/KH-LĐLĐ về tổ chức Tháng Công nhân",
         "Ban Thường vụ Liên đoàn Lao động tỉnh Thái Bình", "2015-06-25", "adopted"),
        ("phê duyệt", "quyết toán ngân sách công đoàn năm 2014 của LĐLĐ tỉnh",
         "Ban Thường vụ Liên đoàn Lao động tỉnh Thái Bình", "2015-06-25", "adopted"),
    ]


def test_decisions_of_a_meeting_by_its_body_on_its_day() -> None:
    rows = _decision_rows(REPORT_WITH_MEETINGS)
    assert rows[:2] == [
        ("phê duyệt", "quyết toán ngân sách công đoàn năm 2014 của LĐLĐ tỉnh",
         "Ban Thường vụ Liên đoàn Lao động tỉnh Thái Bình", "2015-06-25", "adopted"),
        # "ban hành Quyết định ... sửa đổi, bổ sung": the act of the document
        ("sửa đổi bổ sung", "Quyết định số 45/QĐ-LĐLĐ ngày 6.3.2014 về mức chi thăm hỏi đoàn viên ốm đau, thai sản",
         "Ban Thường vụ Liên đoàn Lao động tỉnh Thái Bình", "2015-06-25", "adopted"),
    ]


def test_a_plan_sections_act_is_planned_and_a_proposal_is_none() -> None:
    rows = _decision_rows(REPORT_WITH_MEETINGS)
    # no "đề nghị giải thể" among them; the plan section's "Ban hành kế hoạch" is planned
    assert [(action, status) for action, *_, status in rows] == [
        ("phê duyệt", "adopted"), ("sửa đổi bổ sung", "adopted"), ("ban hành", "planned")]


@pytest.mark.parametrize(
    ("text", "action", "people"),
    [
        # "quyết định thành lập ... và chỉ định ..." recognises the new union; "làm Chủ tịch"
        ("Chiều 20/12/2013, Ban Thường vụ LĐLĐ tỉnh họp kỳ thứ 5, quyết định thành lập CĐCS Công ty TNHH May Nam "
         "Sang Việt Nam và chỉ định Ban Chấp hành lâm thời gồm 05 đồng chí, do bà Trần Thị Thơm làm Chủ tịch.",
         "công nhận", [("Trần Thị Thơm", "Chủ tịch")]),
        # "ban hành Quyết định ... điều động ...": the inner act; the post "về giữ chức ..."
        ("Thực hiện chủ trương tăng cường cán bộ cho cơ sở, Ban Thường vụ đã ban hành Quyết định số 41/QĐ-LĐLĐ ngày "
         "03/9/1999 điều động đồng chí Kim Sà Rươne, Phó Trưởng Ban Tuyên giáo LĐLĐ tỉnh về giữ chức Phó Chủ tịch "
         "LĐLĐ huyện Vĩnh Châu.",
         "điều động, luân chuyển", [("Kim Sà Rươne", "Phó Chủ tịch LĐLĐ huyện Vĩnh Châu")]),
        # "giữ chức ..." after the title bound to the name; "và" ends a post
        (CONGRESS_AND_FIRST_SESSION.split("\n")[1].split("; ")[1], "bầu bổ sung",
         [("Trần Thị Ngọc Điệp", "Chủ tịch"), ("Sơn Hoàng Tâm", "Phó Chủ tịch Công đoàn ngành Y tế tỉnh khóa VII")]),
        # the one re-elected stands before "tái đắc cử"; "với" ends the post
        ("Tại phiên họp thứ nhất, Ban Chấp hành đã bầu 9 đồng chí vào Ban Thường vụ; đồng chí Nguyễn Thị Thanh "
         "Hương tái đắc cử chức danh Chủ tịch LĐLĐ huyện Gia Lâm khóa XIX với tỷ lệ phiếu bầu 96,3%.",
         "bầu bổ sung", [("Nguyễn Thị Thanh Hương", "Chủ tịch LĐLĐ huyện Gia Lâm khóa XIX")]),
        # "làm lợi" gives no post: the title bound to the name stays
        ("Nhân dịp này, Tổng Liên đoàn Lao động Việt Nam tặng Bằng khen cho đồng chí Nguyễn Văn Tuấn, Chủ tịch "
         "CĐCS Công ty cổ phần Chè Phú Đa, tác giả sáng kiến cải tiến dây chuyền sao chè làm lợi hơn 1,2 tỷ đồng.",
         "khen thưởng", [("Nguyễn Văn Tuấn", "Chủ tịch CĐCS Công ty cổ phần Chè Phú Đa")]),
    ],
    ids=["quyet-dinh-thanh-lap", "ban-hanh-dieu-dong", "giu-chuc", "tai-dac-cu", "lam-loi-is-no-post"],
)
def test_decision_actions_and_posts(text: str, action: str, people: list[tuple]) -> None:
    decision = extract(text).decisions[-1]
    assert decision.action.value == action
    assert [(p.name.value, p.role.value if p.role else None) for p in decision.people] == people


def test_document_carrying_the_act_dates_it() -> None:
    text = ("Ban Thường vụ đã ban hành Quyết định số 41/QĐ-LĐLĐ ngày 03/9/1999 điều động đồng chí Kim Sà Rươne, Phó "
            "Trưởng Ban Tuyên giáo LĐLĐ tỉnh về giữ chức Phó Chủ tịch LĐLĐ huyện Vĩnh Châu.")
    decision = extract(text).decisions[0]
    assert (decision.object.value, decision.date.value, [r.value for r in decision.doc_refs]) == (
        "đồng chí Kim Sà Rươne, Phó Trưởng Ban Tuyên giáo LĐLĐ tỉnh về giữ chức Phó Chủ tịch LĐLĐ huyện Vĩnh Châu",
        "1999-09-03", ["41/QĐ-LĐLĐ"])


DECISION_DOCUMENT = """LIÊN ĐOÀN LAO ĐỘNG HUYỆN ĐẮK MIL
Số: 47/QĐ-LĐLĐ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đắk Mil, ngày 18 tháng 6 năm 2015
QUYẾT ĐỊNH
V/v công nhận Ban Chấp hành, Chủ tịch, Phó Chủ tịch Công đoàn cơ sở Công ty TNHH MTV Cà phê Đức Lập khóa III
BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG HUYỆN ĐẮK MIL
Căn cứ Luật Công đoàn năm 2012;
QUYẾT ĐỊNH:
Điều 1. Hỗ trợ kinh phí hoạt động cho Công đoàn cơ sở Công ty TNHH MTV Cà phê Đức Lập, mức hỗ trợ 5.000.000 đồng.
Điều 2. Công nhận đồng chí Y Ngông Niê, Đội trưởng Đội sản xuất số 2, giữ chức Chủ tịch Công đoàn cơ sở Công ty \
TNHH MTV Cà phê Đức Lập khóa III; bà Ksor H'Bla, kế toán Công ty, giữ chức Phó Chủ tịch.
Điều 3. Quyết định có hiệu lực kể từ ngày ký.
TM. BAN THƯỜNG VỤ
CHỦ TỊCH
Nông Thị Mỷ
"""


def test_articles_of_a_decision_document() -> None:
    """The title line decides nothing; an article granting support is a ``phê duyệt``; a second
    person after ";" is a further object of "Công nhận"; the document's own number is cited."""
    decisions = extract(DECISION_DOCUMENT).decisions
    assert [(d.action.value, d.object.value) for d in decisions] == [
        ("phê duyệt", "kinh phí hoạt động cho Công đoàn cơ sở Công ty TNHH MTV Cà phê Đức Lập, mức hỗ trợ "
                      "5.000.000 đồng"),
        ("công nhận", "đồng chí Y Ngông Niê, Đội trưởng Đội sản xuất số 2, giữ chức Chủ tịch Công đoàn cơ sở Công "
                      "ty TNHH MTV Cà phê Đức Lập khóa III"),
        ("công nhận", "bà Ksor H'Bla, kế toán Công ty, giữ chức Phó Chủ tịch"),
    ]
    assert [[(p.name.value, p.role.value) for p in d.people] for d in decisions[1:]] == [
        [("Y Ngông Niê", "Chủ tịch Công đoàn cơ sở Công ty TNHH MTV Cà phê Đức Lập khóa III")],
        [("Ksor H'Bla", "Phó Chủ tịch")]]
    assert {(d.decided_by.value, d.date.value, tuple(r.value for r in d.doc_refs)) for d in decisions} == {
        ("Ban Thường vụ Liên đoàn Lao động huyện Đắk Mil", "2015-06-18", ("47/QĐ-LĐLĐ",))}


@pytest.mark.parametrize(
    "text",
    [
        "Ủy ban Kiểm tra LĐLĐ tỉnh kiểm tra việc quản lý tài chính tại 18 CĐCS, qua đó đề nghị giải thể 02 CĐCS "
        "doanh nghiệp đã ngừng hoạt động trên 12 tháng.",
        "Ban Thường vụ cũng xem xét báo cáo của Ủy ban Kiểm tra LĐLĐ tỉnh đề nghị thi hành kỷ luật khiển trách 01 "
        "đồng chí Chủ tịch CĐCS vi phạm quy định quản lý tài chính công đoàn.",
        "BCH CĐCS đã đề nghị LĐLĐ thị xã Nghĩa Lộ tặng Giấy khen cho 2 tập thể và 5 cá nhân.",
    ],
    ids=["de-nghi-giai-the", "de-nghi-ky-luat", "de-nghi-tang"],
)
def test_proposals_are_not_decisions(text: str) -> None:
    assert extract(text).decisions == []


def test_a_plan_word_in_an_earlier_object_does_not_plan_the_next_act() -> None:
    text = ("Ngày 5/8/2022, Ban Thường vụ LĐLĐ tỉnh họp phiên thường kỳ tháng 8, thông qua kế hoạch tổ chức Tháng "
            "Công nhân; phê duyệt dự toán năm 2023.")
    assert [(d.action.value, d.status) for d in extract(text).decisions] == [
        ("thông qua", "adopted"), ("phê duyệt", "adopted")]


def test_a_caption_repeating_an_award_is_no_decision() -> None:
    text = ("Chiều ngày 05/01/2024, Công đoàn Viên chức tỉnh Sơn La tổ chức Hội nghị tổng kết năm 2023.\n\n"
            "Nhân dịp này, Liên đoàn Lao động tỉnh tặng Bằng khen cho 06 tập thể; Công đoàn Viên chức tỉnh tặng "
            "giấy khen cho 05 tập thể, 41 cá nhân có thành tích xuất sắc trong năm.\n\n"
            "Thường trực Công đoàn Viên chức tỉnh tặng Giấy khen cho các tập thể có thành tích xuất sắc trong năm.")
    assert [d.object.value for d in extract(text).decisions] == [
        "Bằng khen cho 06 tập thể", "giấy khen cho 05 tập thể, 41 cá nhân có thành tích xuất sắc trong năm"]


def test_an_elected_list_runs_to_the_last_title() -> None:
    text = ("Ngày 05/7/2013, Ban Chấp hành LĐLĐ tỉnh họp Hội nghị lần thứ hai. Hội nghị sơ kết công tác công đoàn 6 "
            "tháng đầu năm và bầu bổ sung 03 đồng chí vào Ban Chấp hành, gồm:\n1- Đ/c: Lò Văn Thắm, Trưởng Ban Tổ "
            "chức LĐLĐ tỉnh;\n2- Đ/c: Vàng Seo Sử, Chủ tịch LĐLĐ huyện Phong Thổ;\n3- Đ/c: Hoàng Thị Lan Anh, Phó "
            "Giám đốc Bảo hiểm xã hội tỉnh.")
    decision = extract(text).decisions[0]
    assert decision.object.value == (
        "03 đồng chí vào Ban Chấp hành, gồm: 1- Đ/c: Lò Văn Thắm, Trưởng Ban Tổ chức LĐLĐ tỉnh; 2- Đ/c: Vàng Seo "
        "Sử, Chủ tịch LĐLĐ huyện Phong Thổ; 3- Đ/c: Hoàng Thị Lan Anh, Phó Giám đốc Bảo hiểm xã hội tỉnh")
    # decided at the meeting: by its body, on its day
    assert (decision.decided_by.text, decision.date.value) == ("Ban Chấp hành LĐLĐ tỉnh", "2013-07-05")


def test_co_chairs_the_first_named_chairs_the_others_attend() -> None:
    text = ("Ngày 5/3/2022, LĐLĐ tỉnh phối hợp với Sở Lao động tổ chức Hội nghị đối thoại. Đồng chí Lê Văn Sơn, Chủ "
            "tịch LĐLĐ tỉnh và ông Trần Văn Hai đồng chủ trì hội nghị.")
    meeting = extract(text).meetings[0]
    assert (meeting.chair.name.value, [a.name.value for a in meeting.attendees]) == ("Lê Văn Sơn", ["Trần Văn Hai"])


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # a Ban Chấp hành meets, also for a review
        ("Lai Châu, ngày 10 tháng 7 năm 2013\nBan Chấp hành LĐLĐ tỉnh tổ chức Hội nghị sơ kết công tác công đoàn 6 "
         "tháng đầu năm ngày 05/7/2013.",
         [("hội nghị Ban Chấp hành", "Ban Chấp hành Liên đoàn Lao động tỉnh Lai Châu", "2013-07-05", False, None,
           None)]),
        # a meeting dated after the report is planned
        ("Lai Châu, ngày 10 tháng 7 năm 2013\nTổ chức Hội nghị tổng kết công tác công đoàn năm 2013 vào tháng 12.",
         []),
        # a routine is no meeting held
        ("Ban Chấp hành CĐCS Trường THPT Lê Lợi họp định kỳ hằng tháng để đánh giá hoạt động.", []),
        # the day written wins over the dateline of "vừa tổ chức"; "vừa" stands between the body and its verb
        ("Thứ Hai, 08/01/2024 10:20\nLĐLĐ tỉnh Bắc Giang vừa tổ chức Hội nghị tổng kết công tác công đoàn năm "
         "2023. Hội nghị diễn ra ngày 5/1/2024 tại thành phố Bắc Giang.",
         [("hội nghị tổng kết", "Liên đoàn Lao động tỉnh Bắc Giang", "2024-01-05", False, "thành phố Bắc Giang",
           None)]),
        # a meeting word after a dating adverbial opens the sentence; a body's seat is the place
        ("Sáng 12/3/2020, Đại hội Công đoàn tỉnh Bắc Giang lần thứ XIX, nhiệm kỳ 2018 - 2023 đã khai mạc tại "
         "Trung tâm Văn hóa tỉnh.",
         [("đại hội", "Công đoàn tỉnh Bắc Giang", "2020-03-12", False, "Trung tâm Văn hóa tỉnh", 19)]),
        ("Ngày 8/5/2016, CĐCS Công ty TNHH Hansae Việt Nam phối hợp với Ban Giám đốc tổ chức Hội nghị đối thoại "
         "tại Công ty TNHH Hansae Việt Nam.",
         [("hội nghị", "Công đoàn cơ sở Công ty TNHH Hansae Việt Nam", "2016-05-08", False,
           "Công ty TNHH Hansae Việt Nam", None)]),
    ],
    ids=["review-of-the-bch", "dated-after-the-report", "routine", "written-day-wins", "adverbial-opening",
         "seat-of-a-body"],
)
def test_which_meetings_are_held_and_how(text: str, rows: list[tuple]) -> None:
    assert _meeting_rows(text) == rows


def test_issues_raised_in_a_dialogue_are_its_agenda() -> None:
    text = ("Ngày 8/5/2016, CĐCS Công ty TNHH Hansae Việt Nam tổ chức Hội nghị đối thoại với Ban Giám đốc. Tại hội "
            "nghị, người lao động đã nêu các kiến nghị về nhà ở, nhà trẻ cho con công nhân.")
    assert [a.value for a in extract(text).meetings[0].agenda] == ["nhà ở, nhà trẻ cho con công nhân"]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # the second act shares the subject and the day; "chấp thuận" approves, "tặng Cờ thi đua" awards
        ("Ngày 4/4/2023, Ban Thường vụ LĐLĐ tỉnh Thái Bình chấp thuận đề án thành lập Công đoàn ngành Xây dựng; "
         "tặng Cờ thi đua cho 5 tập thể.",
         [("phê duyệt", "đề án thành lập Công đoàn ngành Xây dựng", "Ban Thường vụ Liên đoàn Lao động tỉnh Thái Bình",
           "2023-04-04", "adopted"),
          ("khen thưởng", "Cờ thi đua cho 5 tập thể", "Ban Thường vụ Liên đoàn Lao động tỉnh Thái Bình",
           "2023-04-04", "adopted")]),
        # a count told in the passive, "thi đua, khen thưởng" as a noun
        ("Năm 2023, toàn tỉnh có 1.680 sáng kiến được công nhận, làm lợi hơn 20 tỷ đồng. Ban Thường vụ LĐLĐ tỉnh "
         "Thái Bình đã họp xét thi đua, khen thưởng năm 2023.", []),
    ],
    ids=["shared-subject", "passive-count-and-noun"],
)
def test_decision_phrasings(text: str, rows: list[tuple]) -> None:
    assert _decision_rows(text) == rows

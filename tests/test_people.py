"""People: the name only, with honorific and role; bylines, signatures, credits; merging."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.data import load_resource
from extractor.found import Found
from extractor.linking import fold
from extractor.normalize import normalize
from extractor.people import find_people as _find_people
from extractor.people import merge_people


def find_people(text: str) -> list[Found]:
    """The recogniser works on normalised text (dashes folded), as the pipeline gives it."""
    return _find_people(normalize(text).text)


def people(text: str) -> list[tuple[str, str | None, str | None]]:
    found = find_people(text)
    for item in found:
        assert item.attrs["name"] == text[item.start : item.end]
    return [(text[f.start : f.end], f.attrs["honorific"], f.attrs["role"]) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ông Vàng A Lả - Chủ tịch LĐLĐ tỉnh, chủ trì hội nghị.", [("Vàng A Lả", "Ông", "Chủ tịch LĐLĐ tỉnh")]),
        ("Đồng chí Vàng A Lả - Chủ tịch LĐLĐ tỉnh chủ trì hội nghị. Ảnh: LĐLĐ Sơn La",
         [("Vàng A Lả", "Đồng chí", "Chủ tịch LĐLĐ tỉnh")]),
        ("         1- Đ/c: Hoàng Thị Cúc, Trưởng Ban nữ công LĐLĐ tỉnh;",
         [("Hoàng Thị Cúc", "Đ/c", "Trưởng Ban nữ công LĐLĐ tỉnh")]),
        ("2- Đ/c: Nông Thị Phương Thảo, Phó Giám đốc Bảo hiểm xã hội tỉnh;",
         [("Nông Thị Phương Thảo", "Đ/c", "Phó Giám đốc Bảo hiểm xã hội tỉnh")]),
        ("3- Đ/c: Trần Thị Thủy, Huyện ủy viên, Chủ tịch LĐLĐ huyện Bắc Sơn.",
         [("Trần Thị Thủy", "Đ/c", "Huyện ủy viên, Chủ tịch LĐLĐ huyện Bắc Sơn")]),
        ("Đ/c Lô Tiến Sơn, Tỉnh ủy viên, Chủ tịch LĐLĐ tỉnh chủ trì Hội nghị",
         [("Lô Tiến Sơn", "Đ/c", "Tỉnh ủy viên, Chủ tịch LĐLĐ tỉnh")]),
        ("Đ/c Trần Thị Kim Anh, phó chủ tịch thường trực LĐLĐ tỉnh thông qua báo cáo",
         [("Trần Thị Kim Anh", "Đ/c", "phó chủ tịch thường trực LĐLĐ tỉnh")]),
        ("có đồng chí Vàng A Lả - Ủy viên Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam, Ủy viên Ban Chấp hành "
         "Đảng bộ tỉnh, Chủ tịch Liên đoàn Lao động tỉnh, đồng chí Vương Đình Chiến - Phó Bí thư Đảng uỷ Khối các "
         "cơ quan và doanh nghiệp tỉnh; thành phần",
         [("Vàng A Lả", "đồng chí", "Ủy viên Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam, Ủy viên Ban Chấp hành "
           "Đảng bộ tỉnh, Chủ tịch Liên đoàn Lao động tỉnh"),
          ("Vương Đình Chiến", "đồng chí", "Phó Bí thư Đảng uỷ Khối các cơ quan và doanh nghiệp tỉnh")]),
        ("110 năm Ngày sinh Đại tướng Võ Nguyên Giáp (25/8/1911- 25/8/2021) và 100 năm Ngày sinh đồng chí Lê Quang "
         "Đạo, Chủ tịch Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam (08/8/1921-08/8/2021)",
         [("Võ Nguyên Giáp", None, "Đại tướng"),
          ("Lê Quang Đạo", "đồng chí", "Chủ tịch Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam")]),
        ("làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh...;", [("Hồ Chí Minh", None, None)]),
        ("Lãnh đạo tặng quà.\n\nẢnh: Phạm Đức\n\n\nCông tác chăm lo", [("Phạm Đức", None, None)]),
        ("LĐLĐ thành phố Hải Phòng tổ chức lễ. Dự lễ có Phó Chủ tịch LĐLĐ thành phố Nguyễn Thị Hạnh; đại diện",
         [("Nguyễn Thị Hạnh", None, "Phó Chủ tịch LĐLĐ thành phố")]),
        ("Lưu: VT.\n\n**TM. BAN THƯỜNG VỤ\nPHÓ CHỦ TỊCH**\n\n\n\nĐồng Thị Nghĩa\n\n[Handwritten signature of Đồng Thị Nghĩa]",
         [("Đồng Thị Nghĩa", None, "PHÓ CHỦ TỊCH"), ("Đồng Thị Nghĩa", None, None)]),
        ("TM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n(Đã ký)\n\nLò Văn Minh\n", [("Lò Văn Minh", None, "CHỦ TỊCH")]),
        ("Năm là, đẩy mạnh ứng dụng công nghệ thông tin.\n\n\nVàng A Lả\n\nỦy viên Ban Chấp hành Tổng LĐLĐ Việt Nam\n\n"
         "Tỉnh ủy viên, Chủ tịch Liên đoàn Lao động tỉnh Sơn La\n\nTìm kiếm theo ngày",
         [("Vàng A Lả", None, "Ủy viên Ban Chấp hành Tổng LĐLĐ Việt Nam, Tỉnh ủy viên, Chủ tịch Liên đoàn Lao động "
           "tỉnh Sơn La")]),
        ("thu hút 70 tác giả với hơn 100 bức ảnh tham dự...\n\nĐỗ Phương", [("Đỗ Phương", None, None)]),
        ("tổng kết năm.\n\nHoàng Văn Liệu\n\nLiên đoàn Lao động tỉnh Lạng Sơn", [("Hoàng Văn Liệu", None, None)]),
        ("cuộc sống./.\n\n\xa0Thu Hà", [("Thu Hà", None, None)]),
        ("dưới sự chủ trì của bà H'Lan Niê, Phó Chủ tịch LĐLĐ tỉnh", [("H'Lan Niê", "bà", "Phó Chủ tịch LĐLĐ tỉnh")]),
        ("BCH CĐCS và ông Chen Wei-Ming, Tổng Giám đốc công ty", [("Chen Wei-Ming", "ông", "Tổng Giám đốc")]),
        ("4. Vàng Thị Dua, y sĩ Trạm Y tế xã Nậm Chạc", [("Vàng Thị Dua", None, "y sĩ Trạm Y tế xã Nậm Chạc")]),
        ("đồng chí Lả phát biểu", [("Lả", "đồng chí", None)]),
        ("Về phía bạn Lào có ông Khăm-phăn Xay-nha-vông, Chủ tịch Liên hiệp Công đoàn tỉnh Hủa Phăn",
         [("Khăm-phăn Xay-nha-vông", "ông", "Chủ tịch Liên hiệp Công đoàn tỉnh Hủa Phăn")]),
        ("Hỗ trợ đoàn viên vùng lũ.\n\nThanh Hải (LĐLĐ Quảng Bình)", [("Thanh Hải", None, None)]),
        ("Đại hội thành công tốt đẹp.\n\nKim Ngân - CĐN Y tế Sóc Trăng", [("Kim Ngân", None, None)]),
        ("Chủ tịch Công đoàn cơ sở Công ty TNHH Hoàng Long, anh Phạm Văn Đức cho biết",
         [("Phạm Văn Đức", "anh", "Chủ tịch Công đoàn cơ sở Công ty TNHH Hoàng Long")]),
        ("Đại tá Hồ Sĩ Lâm, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh và bà Phạm Thị Diệu",
         [("Hồ Sĩ Lâm", None, "Đại tá, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"), ("Phạm Thị Diệu", "bà", None)]),
        ("4. Ông Đỗ Minh Tuấn - Chánh Văn phòng LĐLĐ tỉnh, Ủy viên;",
         [("Đỗ Minh Tuấn", "Ông", "Chánh Văn phòng LĐLĐ tỉnh, Ủy viên")]),
        ("Thượng tá Nguyễn Văn Lũy, Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh phát biểu. Theo Thượng tá Lũy, "
         "đơn vị đã tổ chức 24 buổi tuần tra.",
         [("Nguyễn Văn Lũy", None, "Thượng tá, Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
          ("Lũy", None, "Thượng tá")]),
        ("Anh Nguyễn Văn Dũng (SN 1985), công nhân Công ty TNHH Samsung Electronics Việt Nam Thái Nguyên",
         [("Nguyễn Văn Dũng", "Anh", "công nhân Công ty TNHH Samsung Electronics Việt Nam Thái Nguyên")]),
        ("Đồng chí Lê Văn Sáu (thứ hai từ trái sang), Phó Chủ tịch LĐLĐ tỉnh trao quà cho công nhân.",
         [("Lê Văn Sáu", "Đồng chí", "Phó Chủ tịch LĐLĐ tỉnh")]),
        ("Đồng chí Lê Văn Sáu (thứ hai từ trái sang) và Đại tá Trần Quốc Hưng ký kết",
         [("Lê Văn Sáu", "Đồng chí", None), ("Trần Quốc Hưng", None, "Đại tá")]),
        ("chị Lò Thị Hoa (45 tuổi, trú tại xã Chiềng Sinh) - công nhân Công ty cổ phần Chè Mộc Châu",
         [("Lò Thị Hoa", "chị", "công nhân Công ty cổ phần Chè Mộc Châu")]),
        ("Ông A Phanh, Trưởng thôn Kon Rờ Bàng 1, xã Vinh Quang cho biết", [("A Phanh", "Ông", "Trưởng thôn Kon Rờ Bàng 1")]),
        ("Em Lò Văn Tú, học sinh lớp 7A Trường THCS Thanh Minh",
         [("Lò Văn Tú", "Em", "học sinh lớp 7A Trường THCS Thanh Minh")]),
        ("Đồng chí Lò Văn Pọm - HUV, Chủ tịch LĐLĐ huyện Điện Biên Đông",
         [("Lò Văn Pọm", "Đồng chí", "HUV, Chủ tịch LĐLĐ huyện Điện Biên Đông")]),
        ("Phát biểu chỉ đạo hội nghị, Phó Chủ tịch UBND huyện, ông Trần Văn Sơn đề nghị",
         [("Trần Văn Sơn", "ông", "Phó Chủ tịch UBND huyện")]),
        ("đồng chí Lò Văn Minh, Chủ tịch, Trưởng ban Tổ chức, ông Hà Văn Sơn, Giám đốc Công ty",
         [("Lò Văn Minh", "đồng chí", "Chủ tịch, Trưởng ban Tổ chức"), ("Hà Văn Sơn", "ông", "Giám đốc Công ty")]),
        ("Trưởng thôn Đỗ Văn Tình cho biết các hộ đã được giúp lợp lại mái nhà.", [("Đỗ Văn Tình", None, "Trưởng thôn")]),
        ("tưởng nhớ Đại tướng Võ Nguyên Giáp, Tổng Tư lệnh Chiến dịch Điện Biên Phủ.",
         [("Võ Nguyên Giáp", None, "Đại tướng, Tổng Tư lệnh Chiến dịch Điện Biên Phủ")]),
        ("ông Vũ Quang Huy, Phó Giám đốc Sở LĐ-TB&XH và bà Lê Thị Hoa, Phó Giám đốc Sở GD&ĐT",
         [("Vũ Quang Huy", "ông", "Phó Giám đốc Sở LĐ-TB&XH"), ("Lê Thị Hoa", "bà", "Phó Giám đốc Sở GD&ĐT")]),
        ("Công đoàn ngành Giáo dục tỉnh Quảng Ngãi trao quà. Theo bà Võ Thị Thu Hà, Chủ tịch Công đoàn ngành, năm nay",
         [("Võ Thị Thu Hà", "bà", "Chủ tịch Công đoàn ngành")]),
        ("các đồng chí Nguyễn Thị Mai Hương và Phạm Văn Quý được bầu giữ chức Phó Chủ tịch; bầu Ủy ban Kiểm tra",
         [("Nguyễn Thị Mai Hương", "đồng chí", "Phó Chủ tịch"), ("Phạm Văn Quý", None, "Phó Chủ tịch")]),
        ("Chị Lò Thị Mai và anh Hà Văn Nam, công nhân Công ty cổ phần Chè Mộc Châu",
         [("Lò Thị Mai", "Chị", None), ("Hà Văn Nam", "anh", "công nhân Công ty cổ phần Chè Mộc Châu")]),
        ("tưởng nhớ Đại tướng\nVõ Nguyên Giáp, Tổng Tư lệnh Chiến dịch Điện Biên Phủ.\nDịp Tết Bính Thân, CĐCS trao quà",
         [("Võ Nguyên Giáp", None, "Đại tướng, Tổng Tư lệnh Chiến dịch Điện Biên Phủ")]),
        ("Tại Trường Tiểu học Thanh An, thầy Vì Văn Sương,\nHiệu trưởng Trường Tiểu học Thanh An cam kết",
         [("Vì Văn Sương", "thầy", "Hiệu trưởng Trường Tiểu học Thanh An")]),
        ("cho chị Mai Thị Loan (SN 1988), công nhân Phân xưởng chế biến, Công ty cổ phần Thực phẩm Hải Hậu, ở xã Hải Phương",
         [("Mai Thị Loan", "chị", "công nhân Phân xưởng chế biến, Công ty cổ phần Thực phẩm Hải Hậu")]),
        ("cho gia đình anh Nguyễn Văn Hậu, công nhân lái máy Đội xe số 2, bị tai nạn lao động",
         [("Nguyễn Văn Hậu", "anh", "công nhân lái máy Đội xe số 2")]),
        ("Theo ông Nguyễn Văn Bảy, Tổng Giám đốc Công ty, Công ty đã tài trợ 60 triệu đồng",
         [("Nguyễn Văn Bảy", "ông", "Tổng Giám đốc Công ty")]),
        ("Chị Lê Thị Mỹ Linh - công nhân Công ty cổ phần Đầu tư Xây dựng Hậu Giang hỏi: Công ty nợ bảo hiểm",
         [("Lê Thị Mỹ Linh", "Chị", "công nhân Công ty cổ phần Đầu tư Xây dựng Hậu Giang")]),
        ("chị Huỳnh Thị Bé Ba, công nhân Phân xưởng Đóng gói Công ty cổ phần Chế biến Thủy sản Phú Tân cho biết",
         [("Huỳnh Thị Bé Ba", "chị", "công nhân Phân xưởng Đóng gói Công ty cổ phần Chế biến Thủy sản Phú Tân")]),
        ("giảng viên là ThS. Huỳnh Văn Sang, Phó Trưởng khoa Nhà nước và Pháp luật.",
         [("Huỳnh Văn Sang", None, "ThS., Phó Trưởng khoa Nhà nước và Pháp luật")]),
        ("Về phía bạn Campuchia có: ông Meas Sophal, Chủ tịch Công đoàn tỉnh Kratie, Trưởng đoàn; ông Chan Dara, "
         "Giám đốc Sở Lao động và Dạy nghề tỉnh Tbong Khmum cùng 16 thành viên",
         [("Meas Sophal", "ông", "Chủ tịch Công đoàn tỉnh Kratie, Trưởng đoàn"),
          ("Chan Dara", "ông", "Giám đốc Sở Lao động và Dạy nghề tỉnh Tbong Khmum")]),
        ("3 | Lê Thị Diễm My | Kế toán kiêm thủ quỹ CĐCS Công ty TNHH Gạch ngói Phước Thịnh, huyện Mang Thít | 300.000 đồng",
         [("Lê Thị Diễm My", None, "Kế toán kiêm thủ quỹ CĐCS Công ty TNHH Gạch ngói Phước Thịnh")]),
        ("bàn giao nhà cho chị Mai Thị Loan, công nhân. Nhận chìa khóa nhà mới, chị Loan xúc động nói.",
         [("Mai Thị Loan", "chị", "công nhân"), ("Loan", "chị", None)]),
        ("Chị Hoa cho biết, anh Nam đã đi làm.", []),
        ("Tham dự có ông Lê Văn Nam, Phó Chủ tịch UBND tỉnh, Công ty cổ phần Chè Mộc Châu và các doanh nghiệp.",
         [("Lê Văn Nam", "ông", "Phó Chủ tịch UBND tỉnh")]),
        ("ông Lò Văn Tú, Tổ trưởng Tổ Bảo vệ, Phó Chủ tịch UBND xã, Công ty cổ phần Chè Mộc Châu tài trợ",
         [("Lò Văn Tú", "ông", "Tổ trưởng Tổ Bảo vệ, Phó Chủ tịch UBND xã")]),
        ("Đội tuyển học sinh giỏi môn Tiếng Anh do Tổ trưởng Tổ Tiếng Anh Hồ Thị Bích Vân trực tiếp bồi dưỡng",
         [("Hồ Thị Bích Vân", None, "Tổ trưởng Tổ Tiếng Anh")]),
        ("phối hợp với Trưởng phòng Hành chính - Nhân sự Nguyễn Thị Thu Hà hướng dẫn người lao động",
         [("Nguyễn Thị Thu Hà", None, "Trưởng phòng Hành chính - Nhân sự")]),
        ("Về phía bạn Campuchia có Ngài Hem Vanna, Phó Tỉnh trưởng tỉnh Kratie",
         [("Hem Vanna", "Ngài", "Phó Tỉnh trưởng tỉnh Kratie")]),
        ("2 | Thạch Thị Sa Rây | Tổ trưởng Tổ Cơ điện, Công ty TNHH May mặc Tân Hưng | 300.000 đồng",
         [("Thạch Thị Sa Rây", None, "Tổ trưởng Tổ Cơ điện, Công ty TNHH May mặc Tân Hưng")]),
        ("Hội thi giáo viên dạy giỏi do Phó Hiệu trưởng Đoàn Minh Quang làm Trưởng ban tổ chức có 24 giáo viên",
         [("Đoàn Minh Quang", None, "Phó Hiệu trưởng")]),
        ("Chị Võ Thị Hồng Gấm (32 tuổi, ngụ xã Tân Thành), công nhân bộ phận Cấp đông, Phân xưởng Chế biến 2 cho biết",
         [("Võ Thị Hồng Gấm", "Chị", "công nhân bộ phận Cấp đông, Phân xưởng Chế biến 2")]),
        ("thầy Đặng Văn Hiền, Hiệu trưởng Trường PTDTBT THCS Mỏ Vàng và Trưởng thôn Lò Văn Páo.",
         [("Đặng Văn Hiền", "thầy", "Hiệu trưởng Trường PTDTBT THCS Mỏ Vàng"), ("Lò Văn Páo", None, "Trưởng thôn")]),
        ("Ban Chấp hành CĐCS Công ty TNHH Hải Long họp. Chủ tịch CĐCS Nguyễn Văn Tâm cũng nhận khuyết điểm",
         [("Nguyễn Văn Tâm", None, "Chủ tịch CĐCS")]),
        ("cho chị Thạch Thị Sa Vên (SN 1987), công nhân Phân xưởng Chế biến 1, ngụ ấp Biển Đông A",
         [("Thạch Thị Sa Vên", "chị", "công nhân Phân xưởng Chế biến 1")]),
        ("ông Lò Văn Thưởng, Trưởng bản Co Cượm và chị Lò Thị Pâng, Chủ tịch Công đoàn xã Mường Phăng.",
         [("Lò Văn Thưởng", "ông", "Trưởng bản Co Cượm"),
          ("Lò Thị Pâng", "chị", "Chủ tịch Công đoàn xã Mường Phăng")]),
        ("4. Ông Lê Hoàng Phúc, Tổ trưởng Tổ công đoàn Phòng Kế toán, Công ty cổ phần Thủy sản Bình Minh; 5. Bà",
         [("Lê Hoàng Phúc", "Ông", "Tổ trưởng Tổ công đoàn Phòng Kế toán, Công ty cổ phần Thủy sản Bình Minh")]),
        ("3. ĐOÀN KIỂM TRA DO ĐỒNG CHÍ QUÀNG VĂN HỢI, PHÓ CHỦ TỊCH THƯỜNG TRỰC LĐLĐ HUYỆN LÀM TRƯỞNG ĐOÀN",
         [("QUÀNG VĂN HỢI", "ĐỒNG CHÍ", "PHÓ CHỦ TỊCH THƯỜNG TRỰC LĐLĐ HUYỆN")]),
        ("Dự có ông Nguyễn Quang Vinh, Phó Chủ tịch UBND tỉnh. Phát biểu kết luận, Phó Chủ tịch Vinh đề nghị",
         [("Nguyễn Quang Vinh", "ông", "Phó Chủ tịch UBND tỉnh"), ("Vinh", None, "Phó Chủ tịch")]),
        ("chị Lò Thị Hoa, công nhân Phân xưởng SMT (quê Sơn La)", [("Lò Thị Hoa", "chị", "công nhân Phân xưởng SMT")]),
        ("bà Lâm Ngọc Diễm - Trưởng phòng Tổ chức - Hành chính làm Phó Chủ tịch",
         [("Lâm Ngọc Diễm", "bà", "Trưởng phòng Tổ chức - Hành chính")]),
        ("7. Ông Lý A Sáng - Tổ trưởng Tổ Bảo vệ (dân tộc Mông, sinh năm 1986)",
         [("Lý A Sáng", "Ông", "Tổ trưởng Tổ Bảo vệ")]),
        ("ông Lê Văn Cần, Trưởng khoa Dược được bầu làm Trưởng ban.", [("Lê Văn Cần", "ông", "Trưởng khoa Dược")]),
        ("7. Ông Nguyễn Đức Long - Thượng tá, Phó Trưởng phòng An ninh kinh tế Công an tỉnh, Ủy viên;",
         [("Nguyễn Đức Long", "Ông", "Thượng tá, Phó Trưởng phòng An ninh kinh tế Công an tỉnh, Ủy viên")]),
        ("bà Hà Thị Lan, Trưởng phòng Kế hoạch tài chính Công ty cổ phần Chè Nghĩa Lộ cho biết",
         [("Hà Thị Lan", "bà", "Trưởng phòng Kế hoạch tài chính Công ty cổ phần Chè Nghĩa Lộ")]),
        ("ông Lê Văn Cần, Trưởng khoa Nội tại Bệnh viện Đa khoa tỉnh", [("Lê Văn Cần", "ông", "Trưởng khoa Nội")]),
        ("đồng chí Sơn Hoàng Tâm, Trưởng khoa Nội Bệnh viện Đa khoa tỉnh, giữ chức Phó Chủ tịch",
         [("Sơn Hoàng Tâm", "đồng chí", "Trưởng khoa Nội Bệnh viện Đa khoa tỉnh")]),
        ("anh Thạch Văn Sơn - Bác sĩ khoa Cấp cứu; ông Lê Văn Cần - Trưởng khoa Dược",
         [("Thạch Văn Sơn", "anh", "Bác sĩ khoa Cấp cứu"), ("Lê Văn Cần", "ông", "Trưởng khoa Dược")]),
        ("ông Nguyễn Văn Tuấn, Phó Tổng Giám đốc Tập đoàn Công nghiệp Cao su Việt Nam",
         [("Nguyễn Văn Tuấn", "ông", "Phó Tổng Giám đốc Tập đoàn Công nghiệp Cao su Việt Nam")]),
        ("Đến dự có đồng chí Nguyễn Đình Khang, Ủy viên Trung ương Đảng, Chủ tịch Tổng Liên đoàn Lao động Việt Nam.",
         [("Nguyễn Đình Khang", "đồng chí",
           "Ủy viên Trung ương Đảng, Chủ tịch Tổng Liên đoàn Lao động Việt Nam")]),
        ("Dự có đồng chí Lò Văn Minh, Chủ tịch LĐLĐ tỉnh, ông Hà Văn Sơn, Giám đốc Công ty cổ phần Chè Nghĩa Lộ",
         [("Lò Văn Minh", "đồng chí", "Chủ tịch LĐLĐ tỉnh"), ("Hà Văn Sơn", "ông", "Giám đốc Công ty cổ phần Chè Nghĩa Lộ")]),
    ],
    ids=[
        "ong-role-after", "dong-chi-caption", "dc-colon-list", "long-name", "two-titles", "lo-tien-son",
        "lowercase-title", "two-people-long-roles", "historical-figures", "bare-historical", "photo-credit",
        "title-org-before", "signature-block", "signature-note", "article-signature", "byline", "byline-then-org",
        "byline-no-family-name", "apostrophe-name", "foreign-name", "occupation", "short-form",
        "lao-hyphenated", "byline-org-in-brackets", "byline-org-after-dash", "apposition-before",
        "rank-before-post-after", "title-ending-in-its-organisation", "post-and-given-name-later", "birth-year-note-before-the-title", "position-note-in-a-caption", "position-note-then-no-title",
        "age-and-address-note", "numbered-village", "pupil-of-a-class", "district-committee-member-abbreviation",
        "title-after-a-clause-comma-is-the-next-names", "list-title-after-a-title-comma",
        "village-head-before-the-name", "historical-commander", "department-abbreviations", "sector-union-written-alone",
        "names-sharing-the-post-a-verb-gives", "title-after-the-second-name-only",
        "title-then-hard-wrapped-name", "role-after-a-hard-wrapped-comma",
        "unit-then-its-company-after-a-comma", "occupation-of-a-team", "company-alone-then-a-clause",
        "company-then-a-verb-before-a-colon", "unit-then-its-company-without-comma", "ward-with-linked-lower-case-words",
        "cambodian-delegation", "table-cell-title",
        "short-mention-after-chi-of-a-full-name", "chi-and-a-word-alone-is-no-name", "name-in-a-heading-in-capitals", "village-name-stops-before-the-next-person", "union-group-of-a-department",
        "title-before-wins-over-a-verb-post", "team-then-its-workshop", "name-never-links-into-the-next-post",
        "grassroots-union-named-only-with-its-company", "workshop-with-a-trade-and-a-number",
        "unit-name-then-a-full-name", "department-name-then-a-full-name", "foreign-dignitary", "a-company-after-a-state-post-is-no-part-of-it", "only-the-last-element-takes-its-company", "khmer-family-name-in-a-table",
        "post-and-given-name-that-is-a-place", "workshop-with-a-code", "lower-case-last-syllable-before-verb", "lower-case-last-syllable-before-bracket", "breaker-is-no-syllable",
        "lower-case-syllables-before-the-parent", "lower-case-syllables-before-a-company", "breaker-before-the-parent",
        "ward-of-a-named-hospital", "ward-of-a-hospital", "deputy-of-a-listed-title", "member-of-central-committee", "list-title-stays-with-its-name",
    ],
)
def test_find_people(text: str, expected: list) -> None:
    assert people(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "xây dựng Sơn La trở thành tỉnh phát triển",
        "học sinh trường tiểu học Nậm Chà",
        "Đồng chí Vàng A Lả chủ trì. Ảnh: LĐLĐ Sơn La",
        "Thành phố Hồ Chí Minh",
        "Chương trình “Tết Sum vầy”, “Mái ấm Công đoàn”",
        "Chủ tịch LĐLĐ tỉnh chủ trì",
        "81 đồng chí đã được kết nạp",
        "trụ sở tại đường Nguyễn Văn Linh",
        "Bà Rịa - Vũng Tàu",
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH LẠNG SƠN HỌP BAN CHẤP HÀNH",
        "Hà Nội, Cao Bằng, Lâm Đồng",
        "- Các đ/c Ủy viên BCH LĐLĐ tỉnh;",
        "kỷ luật khiển trách 01 đồng chí Chủ tịch CĐCS vi phạm quy định",
        "xây dựng giai cấp công nhân Việt Nam thời kỳ đẩy mạnh công nghiệp hóa",
        "Đồng chí Vàng A Lả dự. Chủ tịch UBND thành phố Vinh phát biểu; đoàn của Phó Chủ tịch Vinh cũng dự",
    ],
    ids=["province", "commune", "org-credit", "city", "programmes", "title-alone", "plural", "street", "province-ba",
         "heading", "provinces-with-surname-syllables", "honorific-then-post", "dong-chi-chu-tich", "country",
         "place-after-post-not-a-known-given-name"],
)
def test_not_a_person(text: str) -> None:
    assert [p for p in people(text) if p[0] != "Vàng A Lả"] == []


def test_merge_people_joins_short_forms_and_keeps_roles() -> None:
    text = ("Ông Vàng A Lả - Chủ tịch LĐLĐ tỉnh, chủ trì. Đ/c Lô Tiến Sơn, Tỉnh ủy viên phát biểu. "
            "Đồng chí Vàng A Lả - Ủy viên Ban Chấp hành Tổng LĐLĐ Việt Nam. Sau đó đồng chí Lả và ông Sơn ký.")
    records = merge_people(find_people(text), province="Sơn La")
    assert [(r.name, len(r.mentions)) for r in records] == [("Vàng A Lả", 3), ("Lô Tiến Sơn", 2)]
    la, son = records
    assert la.roles == ["Chủ tịch LĐLĐ tỉnh", "Ủy viên Ban Chấp hành Tổng LĐLĐ Việt Nam"]
    assert la.organisations == ["Liên đoàn Lao động tỉnh Sơn La", "Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam"]
    assert la.honorifics == ["Ông", "Đồng chí", "đồng chí"]
    assert son.organisations == ["Tỉnh ủy Sơn La"]
    assert [(m.start, m.end) for m in la.mentions] == [
        (f.start, f.end) for f in find_people(text) if f.attrs["name"] in ("Vàng A Lả", "Lả")
    ]


def test_merge_keeps_ambiguous_short_forms_apart() -> None:
    found = [
        Found("PERSON", 0, 10, {"name": "Lò Văn Minh", "honorific": None, "role": None}),
        Found("PERSON", 20, 30, {"name": "Hà Văn Minh", "honorific": None, "role": None}),
        Found("PERSON", 40, 44, {"name": "Minh", "honorific": "ông", "role": None}),
    ]
    assert [r.name for r in merge_people(found)] == ["Lò Văn Minh", "Hà Văn Minh", "Minh"]


HONORIFICS = load_resource("honorifics.yaml")["honorifics"]
TITLES = load_resource("titles.yaml")
SURNAMES = load_resource("person_surnames.yaml")["surnames"]
CUES = load_resource("person_cues.yaml")


@pytest.mark.parametrize("entry", HONORIFICS, ids=lambda entry: entry["form"])
def test_every_honorific_matches_its_example(entry: dict) -> None:
    assert set(entry) <= {"form", "short_form", "example", "note"}
    found = find_people(entry["example"])
    assert any(fold(f.attrs["honorific"] or "").startswith(fold(entry["form"])) for f in found), found


@pytest.mark.parametrize("entry", TITLES["titles"], ids=lambda entry: entry["title"])
def test_every_title_matches_its_example(entry: dict) -> None:
    assert set(entry) <= {"title", "rank", "member_of", "example", "note"}
    roles = [fold(f.attrs["role"] or "") for f in find_people(entry["example"])]
    assert any(fold(entry["title"]) in role for role in roles), roles


@pytest.mark.parametrize("entry", TITLES["degrees"], ids=lambda entry: entry["form"])
def test_every_degree_opens_the_role_of_its_example(entry: dict) -> None:
    assert [f.attrs["role"] for f in find_people(entry["example"])] == [entry["role"]]


def test_title_prefixes_match_their_examples() -> None:
    for entry in TITLES["title_prefixes"] + TITLES["workplaces"]:
        assert [f.attrs["role"] for f in find_people(entry["example"])] == [entry["role"]], entry


def test_term_words_match_their_examples() -> None:
    for entry in TITLES["term_words"]:
        assert any(fold(entry["word"]) in fold(f.attrs["role"] or "") for f in find_people(entry["example"]))


@pytest.mark.parametrize("entry", SURNAMES, ids=lambda entry: entry["name"])
def test_every_surname_example_is_a_person_on_its_line(entry: dict) -> None:
    assert entry["example"].split()[0] == entry["name"]
    text = f"Hội nghị thành công tốt đẹp.\n\n{entry['example']}"
    assert people(text) == [(entry["example"], None, None)]


def test_surnames_are_unique() -> None:
    names = [fold(entry["name"]) for entry in SURNAMES]
    assert len(names) == len(set(names)) >= 90


def test_person_cue_examples() -> None:
    for entry in CUES["credits"]:
        assert find_people(entry["example"]), entry
    for entry in CUES["not_names"] + CUES["not_after"]:
        assert find_people(entry["example"]) == [], entry
    for entry in CUES["role_verbs"]:
        assert [f.attrs["role"] for f in find_people(entry["example"])] == [entry["role"]], entry
    for entry in CUES["signature_notes"]:
        assert [f.attrs["role"] for f in find_people(entry["example"])] == ["CHỦ TỊCH"], entry


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ÔĐôđng Vàng A Lả Lò Thành/c:,-\n. ")) | st.characters(), max_size=80))
def test_any_text_gives_sorted_slices(text: str) -> None:
    found = find_people(text)
    normalised = normalize(text).text  # what the recogniser reads (a tab or a no-break space is a space)
    for item in found:
        assert 0 <= item.start < item.end <= len(text)
        assert item.attrs["name"] == normalised[item.start : item.end]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))

"""Turn the seed article on Cụm IX's 2021 year-end conference into samples/cum-ix-2021.xlsx.

Source: "Cụm IX tổng kết công tác thi đua năm 2021", Thanh tra tỉnh Bạc Liêu, 21/01/2022.
Every fact the article states is in the workbook; the figures it does not state (scores,
vote counts, work results, award decisions, most heads' names, the secretary, the times,
document numbers) are examples, and the workbook's instructions sheet says so.

Run from the project root: python tools/make_sample.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docgen.intake import schema  # noqa: E402
from docgen.intake.writer import (  # noqa: E402
    add_instruction,
    fill_form,
    fill_scores,
    fill_table,
    new_workbook,
)

OUT = ROOT / "samples" / "cum-ix-2021.xlsx"
YEAR = 2021

Row = dict[str, object]

CLUSTER: Row = {
    "name": "Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu",
    "number": 9,
    "year": YEAR,
    "superior": "THANH TRA CHÍNH PHỦ",
    # Three lines, none splitting the place name "miền Tây Nam sông Hậu".
    "issuer": "CỤM THI ĐUA\nTHANH TRA CÁC TỈNH\nMIỀN TÂY NAM SÔNG HẬU",
    "issuer_abbr": "CTĐ",
    "superior_body": "Thanh tra Chính phủ",
    "superior_head": "Tổng Thanh tra Chính phủ",
}


def _member(name: str, place: str, head: str, role: str, role_next: str, **extra: str) -> Row:
    """A member row; the place doubles as the short name and names the superior."""
    city = place == "Cần Thơ"
    level = "THÀNH PHỐ" if city else "TỈNH"
    return {
        "name": name,
        "short_name": place,
        "place": place,
        "superior": f"UBND {level} {place.upper()}",
        "head_name": head,
        "head_title": "Chánh Thanh tra thành phố" if city else "Chánh Thanh tra tỉnh",
        "role": role,
        "role_next": role_next,
        **extra,
    }


MEMBERS: list[Row] = [
    _member("Thanh tra tỉnh Bạc Liêu", "Bạc Liêu", "Bùi Thanh Nguyên", "leader", "member",
            address="Số 078, đường Trần Văn Sớm, Phường 1, thành phố Bạc Liêu, tỉnh Bạc Liêu",
            phone="02913.823.891"),
    _member("Thanh tra tỉnh Kiên Giang", "Kiên Giang", "Nguyễn Văn Đức", "deputy", "leader"),
    _member("Thanh tra tỉnh Cà Mau", "Cà Mau", "Trần Quốc Hùng", "member", "deputy"),
    _member("Thanh tra tỉnh Sóc Trăng", "Sóc Trăng", "Lâm Văn Phước", "member", "member"),
    _member("Thanh tra tỉnh Hậu Giang", "Hậu Giang", "Phạm Thị Ngọc Hân", "member", "member"),
    _member("Thanh tra thành phố Cần Thơ", "Cần Thơ", "Huỳnh Thanh Sơn", "member", "member"),
    _member("Thanh tra tỉnh An Giang", "An Giang", "Nguyễn Hoàng Phúc", "member", "member"),
]
UNITS = [str(member["name"]) for member in MEMBERS]

CITATIONS: list[Row] = [
    {"role": "award_basis", "kind": "Luật Thi đua, khen thưởng",
     "date": dt.date(2003, 11, 26)},
    {"role": "award_basis", "kind": "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen "
     "thưởng", "date": dt.date(2005, 6, 14)},
    {"role": "award_basis", "kind": "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen "
     "thưởng", "date": dt.date(2013, 11, 16)},
    {"role": "award_basis", "kind": "Nghị định", "number": "91/2017/NĐ-CP",
     "date": dt.date(2017, 7, 31), "issuer": "Chính phủ",
     "subject": "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"},
    {"role": "basis", "kind": "Kế hoạch", "number": "108/KH-TTCP",
     "date": dt.date(2021, 1, 13), "issuer": "Thanh tra Chính phủ",
     "subject": "về công tác thi đua, khen thưởng năm 2021"},
    {"role": "award_basis", "kind": "Thông tư", "number": "12/2019/TT-BNV",
     "date": dt.date(2019, 11, 4), "issuer": "Bộ Nội vụ",
     "subject": "quy định chi tiết thi hành một số điều của Nghị định số 91/2017/NĐ-CP"},
    # The sector's own rules in force in 2021 (replaced by Thông tư 03/2024/TT-TTCP).
    {"role": "award_basis", "kind": "Thông tư", "number": "01/2016/TT-TTCP",
     "date": dt.date(2016, 10, 6), "issuer": "Thanh tra Chính phủ",
     "subject": "quy định công tác thi đua, khen thưởng trong ngành Thanh tra"},
    {"role": "basis", "kind": "Kế hoạch", "number": "22/KH-CTĐ",
     "date": dt.date(2021, 10, 22),
     "issuer": "Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu",
     "subject": "phát động phong trào thi đua năm 2021"},
    {"role": "basis", "kind": "Giao ước thi đua năm 2021", "date": dt.date(2021, 10, 22),
     "issuer": "các thành viên Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu"},
    {"role": "directive", "kind": "Chỉ thị", "number": "34-CT/TW",
     "date": dt.date(2014, 4, 7), "issuer": "Bộ Chính trị",
     "subject": "về “Tiếp tục đổi mới công tác thi đua, khen thưởng”"},
    {"role": "directive", "kind": "Chỉ thị", "number": "05-CT/TW",
     "date": dt.date(2016, 5, 15), "issuer": "Bộ Chính trị",
     "subject": "về “Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”"},
    {"role": "directive", "kind": "Chỉ thị", "number": "2100/CT-TTCP",
     "date": dt.date(2020, 12, 2), "issuer": "Tổng Thanh tra Chính phủ",
     "subject": "về việc phát động phong trào thi đua giai đoạn 2021-2025"},
]

CONFERENCE: Row = {
    "date": dt.date(2021, 12, 20),
    "start": dt.time(8, 0),
    "end": dt.time(11, 30),
    "form": "online",
    "venue": "Hội trường Thanh tra tỉnh Bạc Liêu",
    # The host's own bridge is the venue; the others are listed once each.
    "bridges": ["Thanh tra Chính phủ (điểm cầu chính)", *UNITS[1:]],
    "chair": "Bùi Thanh Nguyên",
    "chair_title": "Chánh Thanh tra tỉnh Bạc Liêu, Cụm trưởng",
    "co_chair": "Nguyễn Văn Đức",
    "co_chair_title": "Chánh Thanh tra tỉnh Kiên Giang, Cụm phó",
    "secretary": "Trần Thị Mỹ Linh",
    "secretary_title": "Chuyên viên Văn phòng Thanh tra tỉnh Bạc Liêu",
    "attendees": "Chánh Thanh tra tỉnh, Phó Chánh Thanh tra tỉnh, Chánh Văn phòng, Phó Chánh "
    "Văn phòng, Trưởng phòng, Phó Trưởng phòng thuộc Thanh tra các tỉnh, thành phố trong Cụm.",
    "ballots_issued": 7,
    "ballots_returned": 7,
    "ballots_valid": 7,
    "agenda": [
        "Thông qua dự thảo Báo cáo tổng kết công tác thi đua, khen thưởng năm 2021 của Cụm",
        "Công bố kết quả chấm điểm, xếp hạng thi đua năm 2021",
        "Bình xét, suy tôn tập thể đề nghị Thanh tra Chính phủ khen thưởng",
        "Bầu Cụm trưởng, Cụm phó năm 2022",
        "Thảo luận dự thảo Kế hoạch phát động phong trào thi đua và Giao ước thi đua năm 2022",
    ],
    "discussion": "Các thành viên thống nhất với dự thảo Báo cáo tổng kết công tác thi đua, "
    "khen thưởng năm 2021. Thanh tra tỉnh Cà Mau đề nghị bổ sung vào Kế hoạch năm 2022 việc "
    "kiểm tra chéo bằng hình thức trực tuyến khi không thể tổ chức trực tiếp; Thanh tra thành "
    "phố Cần Thơ đề nghị các thành viên gửi hồ sơ đề nghị khen thưởng về Cụm trưởng trước ngày "
    "05/12 để kịp tổng hợp. Hội nghị thống nhất thông qua Báo cáo tổng kết năm 2021 và giao Cụm "
    "trưởng năm 2022 tiếp thu ý kiến, hoàn chỉnh, ban hành Kế hoạch phát động phong trào thi "
    "đua và Giao ước thi đua năm 2022.",
    "leader_votes": 7,
    "deputy_votes": 7,
    "minutes_copies": 2,
    "quorum": "two_thirds",
    "invited": "Chánh Thanh tra và 01 lãnh đạo phòng nghiệp vụ",
    "prepare": ["Bảng tự chấm điểm thi đua năm 2021",
                "Báo cáo tổng kết công tác thi đua, khen thưởng năm 2021 của đơn vị",
                "Hồ sơ đề nghị khen thưởng (nếu có)"],
    "prepare_deadline": dt.date(2021, 12, 13),
    "contact": "Ông Trần Văn Bình, Chánh Văn phòng Thanh tra tỉnh Bạc Liêu",
    "contact_phone": "0291 3822 456",
    "conclusions": "Chủ trì hội nghị đánh giá cao sự phối hợp của các thành viên trong năm "
    "2021; trong điều kiện dịch bệnh Covid-19, các đơn vị đã hoàn thành tốt nhiệm vụ chính "
    "trị được giao. Đề nghị các thành viên tiếp tục đổi mới nội dung, hình thức thi đua, chú "
    "trọng phát hiện, nhân rộng điển hình tiên tiến và thực hiện nghiêm Giao ước thi đua năm "
    "2022.",
}

_BL_UNIT, _KG_UNIT, _CM_UNIT, _ST_UNIT, _HG_UNIT, _CT_UNIT, _AG_UNIT = UNITS


def _present(unit: str, name: str, title: str, counting: str | None = None) -> Row:
    return {"status": "present", "unit": unit, "name": name, "title": title,
            "counting": counting}


# Every member took part from its own bridge; the heads are on the members sheet, the other
# names are examples. The counting board comes from three members other than the chair's.
ATTENDANCE: list[Row] = [
    {"status": "guest", "unit": "Vụ Tổ chức cán bộ, Thanh tra Chính phủ",
     "name": "Nguyễn Thị Thu Hà", "title": "Phó Vụ trưởng"},
    _present(_BL_UNIT, "Bùi Thanh Nguyên", "Chánh Thanh tra tỉnh"),
    _present(_BL_UNIT, "Trần Thị Mỹ Linh", "Chuyên viên Văn phòng"),
    _present(_KG_UNIT, "Nguyễn Văn Đức", "Chánh Thanh tra tỉnh"),
    _present(_KG_UNIT, "Danh Hoàng Sơn", "Chánh Văn phòng"),
    _present(_CM_UNIT, "Trần Quốc Hùng", "Chánh Thanh tra tỉnh"),
    _present(_CM_UNIT, "Châu Minh Khải", "Phó Chánh Thanh tra tỉnh", "head"),
    _present(_ST_UNIT, "Lâm Văn Phước", "Chánh Thanh tra tỉnh"),
    _present(_ST_UNIT, "Trịnh Thị Kim Loan", "Chánh Văn phòng"),
    _present(_HG_UNIT, "Phạm Thị Ngọc Hân", "Chánh Thanh tra tỉnh"),
    _present(_HG_UNIT, "Võ Văn Hậu", "Phó Chánh Thanh tra tỉnh", "member"),
    _present(_CT_UNIT, "Huỳnh Thanh Sơn", "Chánh Thanh tra thành phố"),
    _present(_CT_UNIT, "Đỗ Minh Trí", "Trưởng phòng Nghiệp vụ 1", "member"),
    _present(_AG_UNIT, "Nguyễn Hoàng Phúc", "Chánh Thanh tra tỉnh"),
    _present(_AG_UNIT, "Lê Thị Bích Thủy", "Phó Chánh Văn phòng"),
]

MOVEMENTS: list[Row] = [
    {"kind": "regular", "name": "Thi đua hoàn thành xuất sắc nhiệm vụ công tác thanh tra năm "
     "2021, chào mừng các ngày lễ lớn trong năm, các sự kiện trọng đại của đất nước, đặc biệt là "
     "chào mừng thành công Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, bầu cử đại biểu Quốc "
     "hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026, Đại hội Thi đua yêu "
     "nước toàn quốc lần thứ X"},
    {"kind": "regular", "name": "Thi đua yêu nước chào mừng các ngày lễ lớn trong năm"},
    {"kind": "thematic", "name": "Thi đua thực hiện Nghị quyết Đại hội đại biểu Đảng bộ các "
     "tỉnh, thành phố, nhiệm kỳ 2020-2025"},
    {"kind": "thematic", "name": "Thi đua thực hiện tốt công tác bầu cử đại biểu Quốc hội khóa "
     "XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026"},
    {"kind": "thematic", "name": "Thi đua phòng, chống và chiến thắng đại dịch Covid-19"},
    {"kind": "thematic", "name": "Các hoạt động hướng tới kỷ niệm 76 năm Ngày thành lập ngành "
     "Thanh tra Việt Nam (23/11/1945-23/11/2021)"},
]

# (collectives, individuals) per member, in MEMBERS order; the article: 100 % registered.
_STAFF = [(7, 38), (8, 52), (7, 45), (8, 47), (6, 33), (8, 55), (8, 50)]
REGISTRATION: list[Row] = [
    {"unit": unit, "collectives": c, "collectives_registered": c,
     "individuals": i, "individuals_registered": i}
    for unit, (c, i) in zip(UNITS, _STAFF, strict=True)
]

_RESULT_FIELDS = ("inspections", "violations_money", "recovery_money", "violations_land",
                  "disciplined", "transferred", "receptions", "petitions")
_FIGURES: list[tuple[float, ...]] = [
    (28, 15_862_000_000, 9_431_000_000, 12_540.5, 42, 1, 386, 97),
    (41, 38_215_000_000, 21_087_000_000, 86_320.0, 65, 2, 512, 164),
    (33, 21_540_000_000, 12_760_000_000, 30_115.8, 51, 1, 447, 121),
    (37, 26_934_000_000, 17_308_000_000, 45_210.0, 58, 2, 468, 139),
    (24, 9_876_000_000, 5_214_000_000, 8_730.2, 29, 0, 295, 76),
    (35, 31_402_000_000, 18_655_000_000, 22_480.0, 47, 1, 534, 152),
    (39, 27_118_000_000, 15_092_000_000, 51_906.4, 56, 1, 489, 143),
]
# The previous year's figures, for the comparisons of the report and achievement reports.
_FIGURES_2020: list[tuple[float, ...]] = [
    (25, 13_420_000_000, 8_115_000_000, 10_210.0, 37, 1, 402, 88),
    (36, 33_760_000_000, 18_940_000_000, 71_450.0, 58, 1, 498, 149),
    (31, 19_870_000_000, 11_320_000_000, 27_640.5, 46, 2, 431, 117),
    (33, 22_415_000_000, 14_960_000_000, 39_870.0, 52, 1, 455, 126),
    (23, 10_342_000_000, 5_807_000_000, 9_115.0, 27, 0, 301, 71),
    (32, 27_950_000_000, 16_204_000_000, 19_830.0, 44, 1, 510, 140),
    (36, 24_603_000_000, 13_875_000_000, 47_260.0, 50, 1, 476, 131),
]
RESULTS: list[Row] = [
    {"unit": unit, **dict(zip(_RESULT_FIELDS, figures, strict=True))}
    for unit, figures in zip(UNITS, _FIGURES, strict=True)
] + [
    {"unit": unit, "year": YEAR - 1, **dict(zip(_RESULT_FIELDS, figures, strict=True))}
    for unit, figures in zip(UNITS, _FIGURES_2020, strict=True)
]

CRITERIA: list[Row] = [
    {"code": "TC1", "name": "Công tác thanh tra", "max_points": 30},
    {"code": "TC2", "name": "Tiếp công dân, giải quyết khiếu nại, tố cáo", "max_points": 25},
    {"code": "TC3", "name": "Phòng, chống tham nhũng", "max_points": 20},
    {"code": "TC4", "name": "Xây dựng ngành", "max_points": 10},
    {"code": "TC5", "name": "Công tác thi đua, khen thưởng", "max_points": 10},
    {"code": "TC6", "name": "Công tác Đảng, đoàn thể", "max_points": 5},
]
CODES = [str(criterion["code"]) for criterion in CRITERIA]

# Points per member in MEMBERS order. Totals: Bạc Liêu 95,5; Kiên Giang 97; Cà Mau 95;
# Sóc Trăng 98,5; Hậu Giang 92,5; Cần Thơ 94; An Giang 95 (ties with Cà Mau).
_POINTS = [
    (28.5, 24, 19, 9.5, 9.5, 5),
    (29, 24.5, 19, 10, 9.5, 5),
    (28.5, 24, 18.5, 9.5, 9.5, 5),
    (29.5, 24.5, 19.5, 10, 10, 5),
    (27.5, 23.5, 18.5, 9, 9.5, 4.5),
    (28, 23.5, 18.5, 9.5, 9.5, 5),
    (28, 24, 19, 9.5, 9.5, 5),
]
SCORES: list[tuple[str, dict[str, float]]] = [
    (unit, dict(zip(CODES, map(float, points), strict=True)))
    for unit, points in zip(UNITS, _POINTS, strict=True)
]

# What each member scored itself, and what the cluster added or took away on checking
# (unit index, criterion) -> (plus, minus, reason); every other self-score is the cluster's.
_ADJUSTED: dict[tuple[int, str], tuple[float, float, str]] = {
    (4, "TC1"): (0, 1, "Chưa hoàn thành 01 cuộc thanh tra theo kế hoạch năm 2021."),
    (3, "TC5"): (0.5, 0, "Có sáng kiến “Số hóa hồ sơ thi đua, khen thưởng” được Thanh tra "
                 "Chính phủ công nhận."),
    (2, "TC3"): (0, 0.5, "Báo cáo công tác phòng, chống tham nhũng quý III gửi chậm."),
    (5, "TC2"): (0, 0.5, "Còn 01 vụ khiếu nại quá hạn giải quyết."),
}
SELF_SCORES: list[Row] = []
for _index, (_unit, _points) in enumerate(SCORES):
    for _code, _value in _points.items():
        _plus, _minus, _reason = _ADJUSTED.get((_index, _code), (0, 0, None))
        SELF_SCORES.append({"unit": _unit, "criterion": _code,
                            "self_points": _value - _plus + _minus,
                            "plus": _plus or None, "minus": _minus or None,
                            "reason": _reason})


def _award(year: int, unit: str, target: str, recipient: str | None, award: str, count: int,
           decision: str, date: dt.date, decider: str) -> Row:
    """An award row; Bằng khen and Giấy khen are forms of award, the rest are titles."""
    return {
        "year": year, "unit": unit, "target": target, "recipient": recipient, "award": award,
        "is_title": award not in ("Bằng khen", "Giấy khen"), "count": count,
        "decision": decision, "decision_date": date, "decider": decider,
    }


_BL, _KG, _CM, _ST, _HG, _CT, _AG = UNITS
AWARDS: list[Row] = [
    _award(2021, _BL, "collective", "Phòng Nghiệp vụ 1", "Bằng khen", 1, "1985/QĐ-UBND",
           dt.date(2021, 10, 15), "Chủ tịch UBND tỉnh Bạc Liêu"),
    _award(2021, _BL, "individual", "Công chức có thành tích xuất sắc trong phòng, chống dịch "
           "Covid-19", "Bằng khen", 2, "2114/QĐ-UBND", dt.date(2021, 11, 8),
           "Chủ tịch UBND tỉnh Bạc Liêu"),
    _award(2021, _BL, "individual", "Công chức, người lao động", "Giấy khen", 8, "45/QĐ-TTr",
           dt.date(2021, 11, 23), "Chánh Thanh tra tỉnh Bạc Liêu"),
    _award(2021, _KG, "collective", "Phòng Giải quyết khiếu nại, tố cáo", "Bằng khen", 1,
           "2630/QĐ-UBND", dt.date(2021, 11, 19), "Chủ tịch UBND tỉnh Kiên Giang"),
    _award(2021, _KG, "individual", "Công chức, người lao động", "Giấy khen", 10, "112/QĐ-TTr",
           dt.date(2021, 11, 22), "Chánh Thanh tra tỉnh Kiên Giang"),
    _award(2021, _ST, "collective", "Phòng Nghiệp vụ 2 và Phòng Phòng, chống tham nhũng",
           "Bằng khen", 2, "2871/QĐ-UBND", dt.date(2021, 11, 16),
           "Chủ tịch UBND tỉnh Sóc Trăng"),
    _award(2021, _ST, "individual", "Công chức, người lao động", "Giấy khen", 9, "87/QĐ-TTr",
           dt.date(2021, 11, 23), "Chánh Thanh tra tỉnh Sóc Trăng"),
    _award(2021, _CM, "individual", "Công chức có thành tích đột xuất", "Bằng khen", 2,
           "1736/QĐ-UBND", dt.date(2021, 9, 27), "Chủ tịch UBND tỉnh Cà Mau"),
    _award(2021, _HG, "individual", "Công chức, người lao động", "Giấy khen", 6, "64/QĐ-TTr",
           dt.date(2021, 11, 22), "Chánh Thanh tra tỉnh Hậu Giang"),
    _award(2021, _CT, "collective", "Phòng Nghiệp vụ 3", "Bằng khen", 1, "3095/QĐ-UBND",
           dt.date(2021, 11, 30), "Chủ tịch UBND thành phố Cần Thơ"),
    _award(2021, _AG, "individual", "Công chức, người lao động", "Giấy khen", 7, "93/QĐ-TTr",
           dt.date(2021, 11, 23), "Chánh Thanh tra tỉnh An Giang"),
    _award(2019, _ST, "collective", None, "Tập thể lao động xuất sắc", 1, "412/QĐ-UBND",
           dt.date(2020, 2, 24), "Chủ tịch UBND tỉnh Sóc Trăng"),
    _award(2020, _ST, "collective", None, "Tập thể lao động xuất sắc", 1, "389/QĐ-UBND",
           dt.date(2021, 2, 22), "Chủ tịch UBND tỉnh Sóc Trăng"),
    _award(2020, _ST, "collective", None, "Bằng khen", 1, "45/QĐ-TTCP", dt.date(2021, 1, 25),
           "Tổng Thanh tra Chính phủ"),
    _award(2019, _KG, "collective", None, "Tập thể lao động xuất sắc", 1, "520/QĐ-UBND",
           dt.date(2020, 3, 5), "Chủ tịch UBND tỉnh Kiên Giang"),
    _award(2020, _KG, "collective", None, "Tập thể lao động xuất sắc", 1, "498/QĐ-UBND",
           dt.date(2021, 3, 1), "Chủ tịch UBND tỉnh Kiên Giang"),
    _award(2020, _KG, "collective", None, "Bằng khen", 1, "3012/QĐ-UBND",
           dt.date(2020, 12, 28), "Chủ tịch UBND tỉnh Kiên Giang"),
]

VOTES: list[Row] = [
    {"target": "collective", "unit": _ST, "award": "Cờ thi đua", "votes_for": 7, "voters": 7},
    {"target": "collective", "unit": _KG, "award": "Bằng khen", "votes_for": 7, "voters": 7},
]

NARRATIVES: list[tuple[str, str]] = [
    ("I.1", "Năm qua, Cụm Thi đua Thanh tra các tỉnh miền Tây Nam sông Hậu đã tích cực triển "
     "khai, quán triệt đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước về "
     "công tác thi đua, khen thưởng, Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi "
     "hành; các kế hoạch phát động phong trào thi đua của Thanh tra Chính phủ và Ủy ban nhân dân "
     "các tỉnh, thành phố."),
    ("I.1", "Qua quán triệt, tinh thần trách nhiệm của công chức, người lao động các đơn vị "
     "thành viên được nâng lên; các đơn vị tích cực tham gia các phong trào thi đua yêu nước, "
     "cùng ngành Thanh tra hoàn thành tốt nhiệm vụ chính trị được giao, lập thành tích chào mừng "
     "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, cuộc bầu cử đại biểu Quốc hội khóa XV và "
     "đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026 và kỷ niệm 76 năm Ngày truyền thống "
     "ngành Thanh tra Việt Nam."),
    ("I.2", "Cụm đã xây dựng kế hoạch phát động phong trào thi đua năm 2021, tổ chức đăng ký và "
     "ký kết Giao ước thi đua phù hợp với tình hình, đặc điểm của Cụm; đồng thời chỉ đạo các đơn "
     "vị thành viên xây dựng và nhân rộng điển hình tiên tiến sát với chức năng, nhiệm vụ và "
     "tình hình thực tế của từng địa phương, đơn vị."),
    ("I.3", "Năm 2021, trong điều kiện dịch bệnh Covid-19 diễn biến phức tạp, các đơn vị thành "
     "viên đã chủ động điều chỉnh kế hoạch thanh tra cho phù hợp, kết hợp chặt chẽ phòng, chống "
     "dịch với thực hiện nhiệm vụ chuyên môn. Các cuộc thanh tra tập trung vào những lĩnh vực dễ "
     "phát sinh sai phạm như quản lý, sử dụng đất đai, đầu tư xây dựng cơ bản, quản lý tài "
     "chính, ngân sách."),
    ("I.3", "Công tác tiếp công dân, giải quyết khiếu nại, tố cáo được thực hiện nghiêm túc, "
     "đúng quy định, góp phần giữ vững an ninh chính trị, trật tự, an toàn xã hội ở địa phương. "
     "Công tác phòng, chống tham nhũng được chú trọng; việc kê khai, công khai bản kê khai tài "
     "sản, thu nhập được thực hiện đầy đủ, đúng thời hạn."),
    ("I.4", "Công tác khen thưởng được các đơn vị thành viên thực hiện kịp thời, đúng đối tượng, "
     "tiêu chuẩn và quy trình; nhiều tập thể, cá nhân lập thành tích xuất sắc, đột xuất được Chủ "
     "tịch Ủy ban nhân dân tỉnh, thành phố tặng Bằng khen và Chánh Thanh tra tỉnh, thành phố tặng "
     "Giấy khen."),
    ("I.5", "Cụm đã đôn đốc, kiểm tra, chấm điểm thi đua tại các đơn vị thành viên theo thang "
     "điểm đã thống nhất; tổ chức sơ kết, tổng kết phong trào thi đua và báo cáo Thanh tra Chính "
     "phủ đúng thời gian quy định. Các đơn vị thành viên cũng xây dựng tiêu chí, thang điểm và tổ "
     "chức chấm điểm thi đua đối với các phòng thuộc Thanh tra tỉnh, thành phố, Thanh tra sở, "
     "ngành và Thanh tra các huyện, thị xã, thành phố thuộc tỉnh."),
    ("II.1", "Công tác thi đua, khen thưởng năm 2021 được lãnh đạo các đơn vị thành viên quan "
     "tâm chỉ đạo sát sao; các phong trào thi đua được phát động kịp thời, có nội dung thiết "
     "thực, gắn với nhiệm vụ chính trị của ngành Thanh tra và của từng địa phương."),
    ("II.1", "Các thành viên đoàn kết, phối hợp chặt chẽ, thường xuyên trao đổi kinh nghiệm; việc "
     "chấm điểm, bình xét được thực hiện dân chủ, công khai, khách quan, đúng quy định."),
    ("II.2", "Do ảnh hưởng của dịch bệnh Covid-19, một số hoạt động của Cụm như kiểm tra chéo, "
     "giao lưu, trao đổi kinh nghiệm trực tiếp giữa các thành viên chưa thực hiện được theo kế "
     "hoạch, phải chuyển sang hình thức trực tuyến. Việc phát hiện, bồi dưỡng và nhân rộng điển "
     "hình tiên tiến ở một số đơn vị còn hạn chế."),
    ("II.2", "Nguyên nhân chủ yếu là dịch bệnh diễn biến phức tạp, kéo dài; khối lượng công việc "
     "chuyên môn lớn trong khi biên chế của các đơn vị còn thiếu; công chức làm công tác thi "
     "đua, khen thưởng đều kiêm nhiệm."),
    ("II.3", "Một là, phải có sự quan tâm, lãnh đạo, chỉ đạo thường xuyên của thủ trưởng các đơn "
     "vị; phong trào thi đua phải gắn với nhiệm vụ chính trị và có chỉ tiêu cụ thể. Hai là, "
     "phải duy trì thông tin, phối hợp thường xuyên giữa Cụm trưởng, Cụm phó và các thành viên. "
     "Ba là, việc chấm điểm, bình xét phải dân chủ, công khai, đúng tiêu chuẩn, lấy kết quả thực "
     "hiện nhiệm vụ làm thước đo."),
    ("III", "Năm 2022, Cụm tiếp tục quán triệt, thực hiện nghiêm Luật Thi đua, khen thưởng, Chỉ "
     "thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị và Chỉ thị số 2100/CT-TTCP ngày "
     "02/12/2020 của Tổng Thanh tra Chính phủ, với các nhiệm vụ trọng tâm sau:"),
    ("IV", "Đề nghị Thanh tra Chính phủ tiếp tục hướng dẫn nghiệp vụ công tác thi đua, khen "
     "thưởng; sớm ban hành bộ tiêu chí, thang điểm chấm thi đua thống nhất cho các Cụm, Khối "
     "thi đua của ngành Thanh tra."),
    ("IV", "Đề nghị Thanh tra Chính phủ tạo điều kiện để các Cụm thi đua tổ chức giao lưu, trao "
     "đổi kinh nghiệm; xem xét, khen thưởng kịp thời các tập thể, cá nhân có thành tích xuất sắc "
     "do Cụm đề nghị."),
]

PLAN: list[tuple[str, str]] = [
    ("theme", "“Đoàn kết, kỷ cương, trách nhiệm, đổi mới, hiệu quả”"),
    ("purpose", "Động viên công chức, người lao động các đơn vị thành viên thi đua hoàn thành "
     "xuất sắc nhiệm vụ công tác thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo và "
     "phòng, chống tham nhũng năm 2022."),
    ("purpose", "Thông qua phong trào thi đua, phát hiện, bồi dưỡng, biểu dương và nhân rộng các "
     "điển hình tiên tiến."),
    ("requirements", "Phong trào thi đua được triển khai thường xuyên, có nội dung, chỉ tiêu cụ "
     "thể, gắn với nhiệm vụ chính trị của từng đơn vị; tránh hình thức."),
    ("requirements", "Việc bình xét, khen thưởng bảo đảm dân chủ, công khai, công bằng, đúng "
     "tiêu chuẩn, quy trình."),
    ("subjects", "Các tập thể, công chức, người lao động thuộc Thanh tra các tỉnh Kiên Giang, Cà "
     "Mau, Bạc Liêu, Sóc Trăng, Hậu Giang, An Giang và Thanh tra thành phố Cần Thơ."),
    ("targets", "100% tập thể, công chức, người lao động đăng ký thi đua và ký kết Giao ước thi "
     "đua trước ngày 31/3/2022."),
    ("targets", "100% đơn vị thành viên hoàn thành kế hoạch thanh tra năm 2022 được phê duyệt."),
    ("targets", "Giải quyết từ 90% trở lên số vụ việc khiếu nại, tố cáo thuộc thẩm quyền."),
    ("targets", "Không có công chức bị xử lý kỷ luật từ hình thức khiển trách trở lên."),
    ("content", "Thi đua hoàn thành xuất sắc nhiệm vụ công tác thanh tra năm 2022; nâng cao chất "
     "lượng các cuộc thanh tra; tăng cường theo dõi, đôn đốc, kiểm tra việc thực hiện kết luận, "
     "kiến nghị, quyết định xử lý về thanh tra."),
    ("content", "Thi đua thực hiện tốt công tác tiếp công dân, giải quyết khiếu nại, tố cáo, "
     "phòng, chống tham nhũng và xây dựng ngành Thanh tra trong sạch, vững mạnh."),
    ("organisation", "Các thành viên đăng ký thi đua và ký kết Giao ước thi đua năm 2022 ngay từ "
     "đầu năm; Cụm tổ chức sơ kết 6 tháng, kiểm tra chéo, chấm điểm theo thang điểm đã thống "
     "nhất và tổng kết năm."),
    ("implementation", "Cụm trưởng chủ trì, phối hợp với Cụm phó hướng dẫn, đôn đốc, theo dõi "
     "việc thực hiện Kế hoạch; tổng hợp, báo cáo Thanh tra Chính phủ đúng thời gian quy định."),
    ("implementation", "Các thành viên căn cứ Kế hoạch này xây dựng kế hoạch cụ thể tại đơn vị; "
     "gửi báo cáo, bảng tự chấm điểm và hồ sơ đề nghị khen thưởng về Cụm trưởng theo lịch dưới "
     "đây."),
]

_MEMBERS_DO = "Các đơn vị thành viên"
TIMELINE: list[Row] = [
    {"task": "Đăng ký thi đua, ký kết Giao ước thi đua", "deadline": "Trước 31/3/2022",
     "responsible": _MEMBERS_DO},
    {"task": "Gửi báo cáo sơ kết 6 tháng về Cụm trưởng", "deadline": "Trước 15/6/2022",
     "responsible": _MEMBERS_DO},
    {"task": "Sơ kết 6 tháng", "deadline": "Tháng 7/2022", "responsible": "Cụm trưởng"},
    {"task": "Gửi báo cáo tổng kết năm về Cụm trưởng", "deadline": "Trước 15/11/2022",
     "responsible": _MEMBERS_DO},
    {"task": "Tự chấm điểm, gửi bảng tự chấm điểm về Cụm trưởng",
     "deadline": "Trước 20/11/2022", "responsible": _MEMBERS_DO},
    {"task": "Kiểm tra chéo, thẩm định điểm thi đua", "deadline": "Trước 30/11/2022",
     "responsible": "Cụm trưởng, Cụm phó"},
    {"task": "Gửi hồ sơ đề nghị khen thưởng (báo cáo thành tích) về Cụm trưởng",
     "deadline": "Trước 05/12/2022", "responsible": _MEMBERS_DO},
    {"task": "Hội nghị tổng kết, bình xét", "deadline": "Trước 15/12/2022",
     "responsible": "Cụm trưởng"},
    {"task": "Gửi hồ sơ đề nghị khen thưởng về Thanh tra Chính phủ",
     "deadline": "Trước 20/12/2022", "responsible": "Cụm trưởng"},
]

# (area, target, criterion code): each target is scored under its criterion.
PACT: list[tuple[str, str, str | None]] = [
    ("Chỉ tiêu chung", "100% tập thể, công chức, người lao động đăng ký thi đua.", None),
    ("Chỉ tiêu chung", "Không có công chức bị xử lý kỷ luật từ hình thức khiển trách trở lên.",
     None),
    ("Công tác thanh tra", "Hoàn thành 100% số cuộc thanh tra theo kế hoạch được phê duyệt.",
     "TC1"),
    ("Công tác thanh tra", "Ban hành 100% kết luận thanh tra đúng thời hạn.", "TC1"),
    ("Công tác thanh tra", "Theo dõi, đôn đốc, kiểm tra việc thực hiện từ 90% trở lên số kết "
     "luận thanh tra đến hạn.", "TC1"),
    ("Tiếp công dân, giải quyết khiếu nại, tố cáo", "Thủ trưởng đơn vị tiếp công dân định kỳ ít "
     "nhất 01 ngày mỗi tháng.", "TC2"),
    ("Tiếp công dân, giải quyết khiếu nại, tố cáo", "Giải quyết từ 90% trở lên số vụ việc khiếu "
     "nại, tố cáo thuộc thẩm quyền.", "TC2"),
    ("Phòng, chống tham nhũng", "100% người có nghĩa vụ kê khai tài sản, thu nhập kê khai đúng "
     "thời hạn.", "TC3"),
    ("Phòng, chống tham nhũng", "Hoàn thành 100% cuộc thanh tra trách nhiệm thực hiện pháp luật "
     "về phòng, chống tham nhũng theo kế hoạch.", "TC3"),
    ("Xây dựng ngành", "100% công chức được bồi dưỡng nghiệp vụ thanh tra trong năm.", "TC4"),
    ("Xây dựng ngành", "Không có công chức vi phạm quy tắc ứng xử, đạo đức công vụ.", "TC4"),
    ("Công tác thi đua, khen thưởng", "Gửi báo cáo sơ kết trước 15/6/2022, báo cáo tổng kết "
     "trước 15/11/2022 và bảng tự chấm điểm trước 20/11/2022 về Cụm trưởng.", "TC5"),
    ("Công tác Đảng, đoàn thể", "Tổ chức đảng cơ quan đạt “Hoàn thành tốt nhiệm vụ” trở lên; "
     "Công đoàn, Đoàn Thanh niên cơ quan đạt vững mạnh.", "TC6"),
]

_LEADER_2021 = {
    "authority": ["TM. CỤM THI ĐUA"], "signer_title": "CỤM TRƯỞNG",
    "signer_subtitle": "CHÁNH THANH TRA TỈNH BẠC LIÊU", "signer_name": "Bùi Thanh Nguyên",
}
_LEADER_2022 = {
    "authority": ["TM. CỤM THI ĐUA"], "signer_title": "CỤM TRƯỞNG",
    "signer_subtitle": "CHÁNH THANH TRA TỈNH KIÊN GIANG", "signer_name": "Nguyễn Văn Đức",
}
SIGNING: list[Row] = [
    {"document": "bao-cao-tong-ket", "number": 26, "date": dt.date(2021, 12, 22),
     "addressee": ["Thanh tra Chính phủ (Vụ Tổ chức cán bộ)"], **_LEADER_2021,
     "recipients": ["Các thành viên Cụm thi đua", "Lãnh đạo Thanh tra tỉnh Bạc Liêu"],
     "archive": "VT, CTĐ"},
    {"document": "bien-ban", "number": 24, "date": dt.date(2021, 12, 20),
     "recipients": ["Các thành viên Cụm thi đua"], "archive": "VT, Hồ sơ"},
    {"document": "to-trinh", "number": 25, "date": dt.date(2021, 12, 20),
     "addressee": ["Tổng Thanh tra Chính phủ (qua Thường trực Hội đồng Thi đua - Khen thưởng "
                   "ngành Thanh tra)"], **_LEADER_2021,
     "recipients": ["Như trên", "Các thành viên Cụm thi đua"], "archive": "VT, CTĐ"},
    {"document": "ke-hoach", "number": 1, "date": dt.date(2022, 1, 10), **_LEADER_2022,
     "recipients": ["Thanh tra Chính phủ (Vụ TCCB)", "Các thành viên Cụm thi đua",
                    "Lãnh đạo Thanh tra tỉnh Kiên Giang"],
     "archive": "VT, CTĐ"},
    {"document": "giao-uoc", "date": dt.date(2022, 1, 10), **_LEADER_2022,
     "recipients": ["Thanh tra Chính phủ (Vụ TCCB)", "Các thành viên Cụm thi đua"],
     "archive": "VT, CTĐ"},
    # The conference's invitation (23, before the minutes' 24) and its conclusions (27).
    {"document": "giay-moi", "number": 23, "date": dt.date(2021, 12, 8),
     **_LEADER_2021,
     "recipients": ["Thanh tra Chính phủ (Vụ Tổ chức cán bộ)", "Các thành viên Cụm thi đua"],
     "archive": "VT, CTĐ"},
    {"document": "thong-bao-ket-luan", "number": 27, "date": dt.date(2021, 12, 22),
     **_LEADER_2021,
     "recipients": ["Thanh tra Chính phủ (Vụ Tổ chức cán bộ)", "Các thành viên Cụm thi đua",
                    "Lãnh đạo Thanh tra tỉnh Bạc Liêu"],
     "archive": "VT, CTĐ"},
    # One series for the cluster's papers of 2021, in date order after the plan of the year
    # (22/KH-CTĐ, 22/10/2021): the minutes (24) and the proposal (25) on the day of the
    # conference, the superior body's deadline, then the report (26). 2022 starts again at 01.
]

SAMPLE_NOTE = (
    "Ghi chú về sổ mẫu: sổ này lập theo bài “Cụm IX tổng kết công tác thi đua năm 2021” "
    "(Thanh tra tỉnh Bạc Liêu, 21/01/2022). Các số liệu bài viết không nêu là số liệu minh "
    "họa: điểm chấm, số phiếu bình xét, kết quả công tác, số tập thể, cá nhân đăng ký thi đua, "
    "số và ngày quyết định khen thưởng, họ tên thủ trưởng các đơn vị ngoài Bạc Liêu và Kiên "
    "Giang, thư ký hội nghị, đại biểu dự họp, khách mời, Ban kiểm phiếu, ý kiến thảo luận, "
    "giờ họp, kết quả công tác năm 2020, chủ đề và chỉ tiêu năm 2022, số và ngày của các văn "
    "bản."
)

TABLES: dict[str, list[Row]] = {
    "members": MEMBERS,
    "citations": CITATIONS,
    "movements": MOVEMENTS,
    "registration": REGISTRATION,
    "results": RESULTS,
    "criteria": CRITERIA,
    "awards": AWARDS,
    "votes": VOTES,
    "narratives": [{"section": s, "text": t} for s, t in NARRATIVES],
    "plan": [{"part": p, "text": t} for p, t in PLAN],
    "timeline": TIMELINE,
    "pact": [{"area": a, "text": t, "criterion": c} for a, t, c in PACT],
    "attendance": ATTENDANCE,
    "self_scores": SELF_SCORES,
    "signing": SIGNING,
}
SETTINGS: Row = {"notice_days": 7, "ballot_paper": "a4_half", "score_chart": "yes"}
FORMS: dict[str, Row] = {"cluster": CLUSTER, "conference": CONFERENCE, "settings": SETTINGS}


def main() -> None:
    """Write the sample workbook and print where it went."""
    wb = new_workbook(YEAR, CODES)
    for sheet in schema.SHEETS:
        ws = wb[sheet.title]
        if sheet.key in TABLES:
            fill_table(ws, sheet, TABLES[sheet.key])
        elif sheet.key in FORMS:
            fill_form(ws, sheet, FORMS[sheet.key])
    fill_scores(wb[schema.SCORES.title], SCORES)
    add_instruction(wb, SAMPLE_NOTE)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    wb.save(OUT)
    print(OUT.relative_to(ROOT))


if __name__ == "__main__":
    main()

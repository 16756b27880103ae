"""A hand-written context that fills every variable of templates/bao-cao-tong-ket.docx."""

from __future__ import annotations

import copy
from typing import Any

UNITS = [
    ("Thanh tra tỉnh Kiên Giang", "Kiên Giang"),
    ("Thanh tra tỉnh Sóc Trăng", "Sóc Trăng"),
    ("Thanh tra tỉnh Bạc Liêu", "Bạc Liêu"),
    ("Thanh tra tỉnh Cà Mau", "Cà Mau"),
    ("Thanh tra tỉnh Hậu Giang", "Hậu Giang"),
    ("Thanh tra thành phố Cần Thơ", "Cần Thơ"),
]

CRITERIA = [
    {"code": "TC1", "name": "Công tác thanh tra", "max": "30"},
    {"code": "TC2", "name": "Tiếp công dân, giải quyết khiếu nại, tố cáo", "max": "25"},
    {"code": "TC3", "name": "Phòng, chống tham nhũng", "max": "20"},
    {"code": "TC4", "name": "Xây dựng ngành", "max": "10"},
    {"code": "TC5", "name": "Công tác thi đua, khen thưởng", "max": "10"},
    {"code": "TC6", "name": "Công tác Đảng, đoàn thể", "max": "5"},
]


def _results_rows() -> list[dict[str, str]]:
    figures = [
        ("42", "12.345.678.900", "10.234.500.000", "1.250,5", "37", "2", "1.204", "356"),
        ("38", "8.912.000.000", "7.650.120.000", "820", "25", "1", "986", "298"),
        ("35", "5.406.300.000", "4.100.000.000", "0", "18", "0", "875", "241"),
        ("40", "9.870.450.000", "8.003.000.000", "3.400", "29", "3", "1.102", "310"),
        ("31", "4.210.000.000", "3.900.500.000", "150", "14", "0", "764", "187"),
        ("45", "15.008.700.000", "12.500.000.000", "2.005,25", "41", "4", "1.530", "402"),
    ]
    keys = (
        "inspections",
        "violations_money",
        "recovery_money",
        "violations_land",
        "disciplined",
        "transferred",
        "receptions",
        "petitions",
    )
    rows = []
    for index, ((_, short), values) in enumerate(zip(UNITS, figures, strict=True), 1):
        row = {"stt": str(index), "unit": short}
        row.update(zip(keys, values, strict=True))
        rows.append(row)
    return rows


def _score_rows() -> list[dict[str, Any]]:
    points = [
        (["29,5", "24,5", "19,5", "10", "10", "5"], "98,5"),
        (["29", "24", "19", "9,5", "10", "5"], "96,5"),
        (["28,5", "23,5", "19", "9,5", "9,5", "5"], "95"),
        (["28", "23", "18,5", "9", "9,5", "5"], "93"),
        (["27,5", "23", "18", "9", "9", "4,5"], "91"),
        (["27", "22,5", "18", "9", "9", "4,5"], "90"),
    ]
    order = [1, 0, 3, 2, 5, 4]
    return [
        {
            "rank": str(rank),
            "unit": UNITS[i][1],
            "points": points[rank - 1][0],
            "total": points[rank - 1][1],
        }
        for rank, i in enumerate(order, 1)
    ]


def sample_context() -> dict[str, Any]:
    """Return a complete context for the summary report (Cụm IX, year 2021)."""
    return {
        "doc": {
            "superior_lines": ["THANH TRA CHÍNH PHỦ"],
            "issuer_lines": ["CỤM THI ĐUA SỐ IX"],
            "number_line": "Số: 15/BC-CTĐ",
            "date_line": "Kiên Giang, ngày 20 tháng 12 năm 2021",
            "addressee_lines": ["Kính gửi: Thanh tra Chính phủ (Vụ Tổ chức cán bộ)."],
            "recipients_lines": [
                "- Như trên;",
                "- Thường trực HĐTĐKT ngành Thanh tra;",
                "- Các thành viên Cụm;",
                "- Lưu: VT, CTĐ.",
            ],
            "signature": {
                "authority_lines": ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG"],
                "subtitle": "CHÁNH THANH TRA TỈNH BẠC LIÊU",
                "name": "Nguyễn Văn An",
            },
        },
        "implemented": "Kế hoạch số 108/KH-TTCP ngày 13/01/2021 của Thanh tra Chính phủ về "
        "công tác thi đua, khen thưởng năm 2021; Kế hoạch số 22/KH-CTĐ ngày 22/10/2021 của Cụm "
        "thi đua số IX về tổ chức hội nghị tổng kết",
        "narr": {
            "i1": [
                "Ngay từ đầu năm, Cụm trưởng đã chỉ đạo các đơn vị thành viên quán triệt "
                "các văn bản của Đảng, Nhà nước và của ngành về công tác thi đua, khen "
                "thưởng.",
                "Các đơn vị đã ban hành kế hoạch thi đua và tổ chức ký kết giao ước.",
            ],
            "i2": ["Phong trào thi đua được tổ chức thường xuyên và theo chuyên đề."],
            "i3": ["Các đơn vị thành viên hoàn thành tốt nhiệm vụ chính trị được giao:"],
            "i4": ["Năm 2021, các đơn vị thành viên được khen thưởng như sau:"],
            "i5": ["Cụm đã tổ chức kiểm tra chéo và chấm điểm theo thang bảng điểm."],
            "ii1": ["Công tác thi đua được triển khai kịp thời, đúng quy định."],
            "ii2": ["Một số đơn vị gửi báo cáo chậm; nguyên nhân do dịch Covid-19."],
            "ii3": ["Phải có sự lãnh đạo sát sao của người đứng đầu."],
            "iii": ["Tiếp tục đẩy mạnh các phong trào thi đua yêu nước."],
            "iv": ["Đề nghị Thanh tra Chính phủ quan tâm khen thưởng các đơn vị tiêu biểu."],
        },
        "directives": [
            "- Chỉ thị số 2100/CT-TTCP ngày 02/12/2020 của Tổng Thanh tra Chính phủ;",
            "- Kế hoạch số 108/KH-TTCP ngày 13/01/2021 của Thanh tra Chính phủ.",
        ],
        "movement_groups": [
            {"title": "a) Các phong trào thi đua thường xuyên:",
             "lines": ['- Phong trào thi đua "Dân vận khéo".']},
            {"title": "b) Các phong trào thi đua chuyên đề:",
             "lines": ["- Phong trào thi đua chào mừng 76 năm Ngày truyền thống ngành Thanh "
                       "tra."]},
        ],
        "registration": {
            "collectives": "6/6",
            "collectives_share": "100%",
            "individuals": "412/415",
            "individuals_share": "99,3%",
        },
        "results_rows": _results_rows(),
        "results_total": {
            "inspections": "231",
            "violations_money": "55.753.128.900",
            "recovery_money": "46.388.120.000",
            "violations_land": "7.625,75",
            "disciplined": "164",
            "transferred": "10",
            "receptions": "6.461",
            "petitions": "1.794",
        },
        "totals_rows": [],
        "totals_sentence": "Năm 2021, toàn Cụm đã tiến hành 231 cuộc thanh tra; tiếp 6.461 lượt "
        "công dân.",
        "member_lines": [
            "- Thanh tra tỉnh Kiên Giang: tiến hành 42 cuộc thanh tra;",
            "- Thanh tra tỉnh Sóc Trăng: tiến hành 38 cuộc thanh tra.",
        ],
        "award_groups": [
            {
                "number": "I", "label": "Hình thức khen thưởng",
                "collectives": "8", "individuals": "39",
                "rows": [
                    {"stt": "1", "award": "Cờ thi đua của Thanh tra Chính phủ",
                     "decider": "Tổng Thanh tra Chính phủ", "collectives": "1",
                     "individuals": "0"},
                    {"stt": "2", "award": "Bằng khen của Tổng Thanh tra Chính phủ",
                     "decider": "Tổng Thanh tra Chính phủ", "collectives": "3",
                     "individuals": "12"},
                    {"stt": "3", "award": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                     "decider": "Chủ tịch UBND tỉnh", "collectives": "4",
                     "individuals": "27"},
                ],
            },
        ],
        "award_total": {"collectives": "8", "individuals": "39"},
        "awards_sentence": "Năm 2021, các thành viên Cụm có 8 lượt tập thể và 39 lượt cá nhân "
        "được khen thưởng, cụ thể như sau:",
        "conference_sentence": "Ngày 20/12/2021, Cụm tổ chức hội nghị tổng kết theo hình "
        "thức trực tuyến.",
        "criteria": copy.deepcopy(CRITERIA),
        "score_rows": _score_rows(),
        "criteria_note": "; ".join(f"{c['code']}: {c['name']}" for c in CRITERIA) + ".",
        "vote_sentence": "Hội nghị đã bỏ phiếu kín bình xét, suy tôn; kết quả như sau:",
        "vote_rows": [
            {
                "stt": "1",
                "nominee": "Thanh tra tỉnh Sóc Trăng",
                "award": "Cờ thi đua của Thanh tra Chính phủ",
                "votes": "6",
                "percent": "100",
            },
            {
                "stt": "2",
                "nominee": "Thanh tra tỉnh Kiên Giang",
                "award": "Bằng khen của Tổng Thanh tra Chính phủ",
                "votes": "6",
                "percent": "100",
            },
        ],
        "conclusion_lead": "Hội nghị thống nhất đề nghị Tổng Thanh tra Chính phủ:",
        "conclusion_lines": [
            "- Tặng Cờ thi đua cho Thanh tra tỉnh Sóc Trăng (7/7 phiếu đồng ý, đạt 100%);",
            "- Tặng Bằng khen cho Thanh tra tỉnh Kiên Giang (6/6 phiếu đồng ý, đạt 100%).",
        ],
        "refusals": [],
        "next_year": 2022,
        "previous_year": 2020,
        "tasks": ["1. Hoàn thành 100% kế hoạch thanh tra năm 2022.",
                  "2. Tổ chức sơ kết 6 tháng, tổng kết năm đúng thời hạn."],
        "election_sentence": "Hội nghị thống nhất bầu Thanh tra tỉnh Kiên Giang làm Cụm "
        "trưởng, Thanh tra tỉnh Cà Mau làm Cụm phó năm 2022.",
        "year": 2021,
        "cluster_name": "Cụm thi đua số IX",
        "period_part": None,  # not the last year of an emulation period
    }

"""Two clusters unlike the sample, built from scratch with the workbook writer (issue 12).

`departments` is the year-end workbook of a Khối thi đua of twelve provincial departments of
tỉnh Khánh Hòa (after the 2025 mergers): the People's Committee's flag and certificate and
the Home Affairs director's certificate, three rows of the award table; equal shares parted by
the score ranking and, at equal scores too, by the members sheet; individuals proposed, one
beyond the places and one under the threshold.

`wards` is a cluster of ten wards of thành phố Cần Thơ: a flag counted on the valid ballots
(9 of 10 ballots valid) and a certificate needing more than half the votes, so a ward at
exactly 5/10 is not proposed and one at 6/10 is; one ballot row names its award by the
printed name instead of the short one.

Each builder writes the workbook to a path and returns it; the names the tests look for are
module constants, so a test reads as the people it is about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from docgen.intake import schema
from docgen.intake.writer import fill_form, fill_scores, fill_table, new_workbook

Row = dict[str, object]
Points = tuple[str, dict[str, float]]

YEAR = 2025


def _write(path: Path, *, cluster: Row, conference: Row, tables: Mapping[str, Sequence[Row]],
           codes: Sequence[str], scores: Sequence[Points],
           award_forms: Sequence[Row]) -> Path:
    """Save a workbook made by the writer: the forms, every table, the score sheet."""
    wb = new_workbook(YEAR, codes, award_forms)
    for sheet in schema.SHEETS:
        ws = wb[sheet.title]
        if sheet.key in tables:
            fill_table(ws, sheet, tables[sheet.key])
    fill_form(wb[schema.CLUSTER.title], schema.CLUSTER, cluster)
    fill_form(wb[schema.CONFERENCE.title], schema.CONFERENCE, conference)
    fill_scores(wb[schema.SCORES.title], scores)
    wb.save(path)
    return path


def _collective(unit: str, award: str, votes_for: int, voters: int) -> Row:
    return {"target": "collective", "unit": unit, "award": award, "votes_for": votes_for,
            "voters": voters}


def _individual(person: str, title: str, unit: str, award: str, votes_for: int, voters: int,
                *, born: int, gender: str) -> Row:
    return {"target": "individual", "unit": unit, "person": person, "person_title": title,
            "birth_year": born, "gender": gender, "award": award, "votes_for": votes_for,
            "voters": voters}


def _narratives(cluster: str, superior: str) -> list[Row]:
    """One paragraph for every section the report needs."""
    texts = {
        "I.1": f"Các thành viên {cluster} đã quán triệt Luật Thi đua, khen thưởng năm 2022 và "
               f"các văn bản chỉ đạo của {superior} về công tác thi đua, khen thưởng.",
        "I.2": "Các phong trào thi đua được phát động ngay từ đầu năm, gắn với việc sắp xếp tổ "
               "chức bộ máy và vận hành chính quyền địa phương hai cấp.",
        "I.3": "Các đơn vị hoàn thành tốt nhiệm vụ chính trị được giao; nhiều chỉ tiêu vượt kế "
               "hoạch.",
        "I.5": "Khối đã tổ chức chấm điểm, bình xét công khai, dân chủ theo thang điểm đã "
               "thống nhất.",
        "II.1": "Công tác thi đua được lãnh đạo các đơn vị quan tâm; việc bình xét bảo đảm "
                "dân chủ, đúng quy định.",
        "II.2": "Việc phát hiện, nhân rộng điển hình tiên tiến ở một số đơn vị còn hạn chế do "
                "khối lượng công việc lớn sau sắp xếp.",
        "III": "Năm sau, tiếp tục đổi mới nội dung, hình thức thi đua; tổ chức ký kết giao ước "
               "ngay từ đầu năm.",
        "IV": f"Đề nghị {superior} quan tâm khen thưởng kịp thời các tập thể, cá nhân tiêu "
              "biểu do Khối đề nghị.",
    }
    return [{"section": section, "text": text} for section, text in texts.items()]


def _plan(members: str) -> list[Row]:
    return [
        {"part": "purpose", "text": "Động viên cán bộ, công chức hoàn thành xuất sắc nhiệm vụ "
         "chính trị năm 2026."},
        {"part": "subjects", "text": f"Các tập thể, cán bộ, công chức, người lao động của "
         f"{members}."},
        {"part": "content", "text": "Thi đua thực hiện tốt nhiệm vụ chuyên môn, cải cách hành "
         "chính và chuyển đổi số."},
        {"part": "implementation", "text": "Các thành viên xây dựng kế hoạch cụ thể tại đơn vị "
         "và gửi báo cáo về đơn vị Trưởng Khối đúng thời hạn."},
    ]


def _timeline(superior: str) -> list[Row]:
    return [
        {"task": "Đăng ký thi đua, ký kết giao ước", "deadline": "Tháng 02/2026",
         "responsible": "Các đơn vị thành viên"},
        {"task": "Chấm điểm thi đua", "deadline": "Tháng 11/2026",
         "responsible": "Trưởng Khối, Phó Trưởng Khối"},
        {"task": f"Gửi hồ sơ đề nghị khen thưởng về {superior}", "deadline": "Trước 15/12/2026",
         "responsible": "Trưởng Khối"},
    ]


def _registration(unit: str, collectives: int, individuals: int) -> Row:
    return {"unit": unit, "collectives": collectives, "collectives_registered": collectives,
            "individuals": individuals, "individuals_registered": individuals}


def _results(unit: str, inspections: int, receptions: int) -> Row:
    return {"unit": unit, "inspections": inspections, "violations_money": 0,
            "recovery_money": 0, "violations_land": 0, "disciplined": 0, "transferred": 0,
            "receptions": receptions, "petitions": receptions // 4}


# --- 1. Khối thi đua các sở, ngành tổng hợp tỉnh Khánh Hòa ---------------------------------

KH_CLUSTER = "Khối thi đua các sở, ngành tổng hợp tỉnh Khánh Hòa"
KH_SUPERIOR = "Ủy ban nhân dân tỉnh Khánh Hòa"
KH_HEAD = "Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa"
HOME_AFFAIRS_HEAD = "Giám đốc Sở Nội vụ tỉnh Khánh Hòa"
KH_FLAG = "Cờ thi đua của Ủy ban nhân dân tỉnh Khánh Hòa"
KH_MERIT = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa"
KH_CERTIFICATE = "Giấy khen của Giám đốc Sở Nội vụ tỉnh Khánh Hòa"

FINANCE = "Sở Tài chính"
HOME_AFFAIRS = "Sở Nội vụ"
JUSTICE = "Sở Tư pháp"
INDUSTRY = "Sở Công Thương"
CONSTRUCTION = "Sở Xây dựng"
AGRICULTURE = "Sở Nông nghiệp và Môi trường"
SCIENCE = "Sở Khoa học và Công nghệ"
EDUCATION = "Sở Giáo dục và Đào tạo"
HEALTH = "Sở Y tế"
CULTURE = "Sở Văn hóa, Thể thao và Du lịch"
ETHNIC = "Sở Dân tộc và Tôn giáo"
OFFICE = "Văn phòng Ủy ban nhân dân tỉnh"

# (full name, short name, head, head's title before the place, abbreviation)
_DEPARTMENTS = [
    (FINANCE, "Tài chính", "Nguyễn Văn Thắng", "Giám đốc Sở Tài chính tỉnh", "STC"),
    (HOME_AFFAIRS, "Nội vụ", "Lê Thị Thanh Hương", "Giám đốc Sở Nội vụ tỉnh", "SNV"),
    (JUSTICE, "Tư pháp", "Trần Quốc Bảo", "Giám đốc Sở Tư pháp tỉnh", "STP"),
    (INDUSTRY, "Công Thương", "Phạm Minh Trí", "Giám đốc Sở Công Thương tỉnh", "SCT"),
    (CONSTRUCTION, "Xây dựng", "Đỗ Hữu Phước", "Giám đốc Sở Xây dựng tỉnh", "SXD"),
    (AGRICULTURE, "Nông nghiệp và Môi trường", "Võ Thành Công",
     "Giám đốc Sở Nông nghiệp và Môi trường tỉnh", "SNNMT"),
    (SCIENCE, "Khoa học và Công nghệ", "Huỳnh Ngọc Lan",
     "Giám đốc Sở Khoa học và Công nghệ tỉnh", "SKHCN"),
    (EDUCATION, "Giáo dục và Đào tạo", "Bùi Đức Hạnh", "Giám đốc Sở Giáo dục và Đào tạo tỉnh",
     "SGDĐT"),
    (HEALTH, "Y tế", "Ngô Thị Kim Oanh", "Giám đốc Sở Y tế tỉnh", "SYT"),
    (CULTURE, "Văn hóa, Thể thao và Du lịch", "Đặng Quang Vinh",
     "Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh", "SVHTTDL"),
    (ETHNIC, "Dân tộc và Tôn giáo", "Cao Văn Sơn", "Giám đốc Sở Dân tộc và Tôn giáo tỉnh",
     "SDTTG"),
    (OFFICE, "Văn phòng UBND tỉnh", "Trương Thị Mỹ Dung",
     "Chánh Văn phòng Ủy ban nhân dân tỉnh", "VP"),
]
DEPARTMENTS = [d[0] for d in _DEPARTMENTS]
# Finance leads this year, Home Affairs is deputy; next year Home Affairs leads, Justice
# deputises.
_ROLES = {FINANCE: ("leader", "member"), HOME_AFFAIRS: ("deputy", "leader"),
          JUSTICE: ("member", "deputy")}

KH_CODES = ("NV", "CCHC", "PTTĐ", "KLKC", "XDĐ")
KH_CRITERIA: list[Row] = [
    {"code": "NV", "name": "Thực hiện nhiệm vụ chính trị, chuyên môn", "max_points": 60},
    {"code": "CCHC", "name": "Cải cách hành chính, chuyển đổi số", "max_points": 20},
    {"code": "PTTĐ", "name": "Tổ chức phong trào thi đua, khen thưởng", "max_points": 20},
    {"code": "KLKC", "name": "Kỷ luật, kỷ cương hành chính", "max_points": 10},
    {"code": "XDĐ", "name": "Xây dựng tổ chức đảng, đoàn thể", "max_points": 10},
]
# Totals (of 120): Justice 112,5 (1st); Finance 110 (2nd); Construction 108 (3rd); Industry and
# Science 105,5 each (4th, on different criteria); Home Affairs 104; Health 103; Education
# 101,5; Agriculture 100; Culture 98; Ethnic 96,5; Office 95.
_KH_POINTS = {
    FINANCE: (53, 18, 19, 10, 10),
    HOME_AFFAIRS: (50, 17, 18, 9.5, 9.5),
    JUSTICE: (55, 18.5, 19, 10, 10),
    INDUSTRY: (51, 17.5, 18, 9.5, 9.5),
    CONSTRUCTION: (52, 18, 18.5, 10, 9.5),
    AGRICULTURE: (48, 16.5, 17, 9.5, 9),
    SCIENCE: (50.5, 18, 18, 9.5, 9.5),
    EDUCATION: (49, 17, 17, 9.5, 9),
    HEALTH: (49.5, 17, 18, 9.5, 9),
    CULTURE: (47, 16, 17, 9, 9),
    ETHNIC: (46, 16, 16.5, 9, 9),
    OFFICE: (45, 16, 16, 9, 9),
}

# The award table, its rows out of order on purpose (Thứ tự sets the order): a third kind of
# award is one more row.
KH_AWARDS: list[Row] = [
    {"name": "Giấy khen", "full_name": KH_CERTIFICATE, "decider": HOME_AFFAIRS_HEAD,
     "targets": "individual", "threshold": 60, "rule": "at_least", "base": "voters",
     "quota_individual": 2, "precedence": 3,
     "criteria": "cá nhân có thành tích tiêu biểu trong công tác thi đua, khen thưởng"},
    {"name": "Cờ thi đua", "full_name": KH_FLAG, "decider": KH_HEAD, "targets": "collective",
     "threshold": 80, "rule": "at_least", "base": "voters", "quota_collective": 1,
     "precedence": 1, "criteria": "tập thể dẫn đầu Khối thi đua"},
    {"name": "Bằng khen", "full_name": KH_MERIT, "decider": KH_HEAD, "targets": "both",
     "threshold": 70, "rule": "at_least", "base": "voters", "quota_collective": 2,
     "quota_individual": 3, "precedence": 2,
     "criteria": "tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua"},
]

HA = "Nguyễn Thị Thu Hà"
QUAN = "Trần Minh Quân"
NAM = "Lê Hoàng Nam"
MAI = "Phạm Thị Mai"
KHANH = "Võ Văn Khánh"
ANH = "Đặng Thị Ngọc Ánh"
LOC = "Huỳnh Văn Lộc"
# As the papers print an individual: name, title, unit.
HA_LINE = f"{HA}, Trưởng phòng Quản lý ngân sách, {FINANCE}"
QUAN_LINE = f"{QUAN}, Phó Giám đốc, {CONSTRUCTION}"
NAM_LINE = f"{NAM}, Chánh Văn phòng, {HEALTH}"
MAI_LINE = f"{MAI}, Trưởng phòng Công tác dân tộc, {ETHNIC}"
KHANH_LINE = f"{KHANH}, Phó Chánh Văn phòng, {OFFICE}"
ANH_LINE = f"{ANH}, Chuyên viên chính, {HOME_AFFAIRS}"
LOC_LINE = f"{LOC}, Phó Trưởng phòng, {JUSTICE}"

_KH_VOTERS = 12
KH_VOTES: list[Row] = [
    _collective(FINANCE, "Cờ thi đua", 11, _KH_VOTERS),  # = Justice, ranked lower: left out
    _collective(JUSTICE, "Cờ thi đua", 11, _KH_VOTERS),  # proposed
    _collective(HEALTH, "Cờ thi đua", 9, _KH_VOTERS),  # 75 % < 80 %
    # Science equals Industry in share and score; the members sheet lists Industry first.
    _collective(SCIENCE, "Bằng khen", 10, _KH_VOTERS),
    _collective(INDUSTRY, "Bằng khen", 10, _KH_VOTERS),
    _collective(CONSTRUCTION, "Bằng khen", 12, _KH_VOTERS),
    _collective(AGRICULTURE, "Bằng khen", 9, _KH_VOTERS),  # 75 %: enough, no place left
    _collective(EDUCATION, "Bằng khen", 8, _KH_VOTERS),  # 66,7 % < 70 %
    _individual(HA, "Trưởng phòng Quản lý ngân sách", FINANCE, "Bằng khen", 12, _KH_VOTERS,
                born=1979, gender="female"),
    _individual(QUAN, "Phó Giám đốc", CONSTRUCTION, "Bằng khen", 11, _KH_VOTERS, born=1975,
                gender="male"),
    _individual(NAM, "Chánh Văn phòng", HEALTH, "Bằng khen", 10, _KH_VOTERS, born=1982,
                gender="male"),
    _individual(MAI, "Trưởng phòng Công tác dân tộc", ETHNIC, "Bằng khen", 9, _KH_VOTERS,
                born=1984, gender="female"),  # fourth for three places
    _individual(KHANH, "Phó Chánh Văn phòng", OFFICE, "Bằng khen", 7, _KH_VOTERS, born=1980,
                gender="male"),  # 58,3 % < 70 %
    _individual(ANH, "Chuyên viên chính", HOME_AFFAIRS, "Giấy khen", 9, _KH_VOTERS, born=1988,
                gender="female"),
    _individual(LOC, "Phó Trưởng phòng", JUSTICE, "Giấy khen", 6, _KH_VOTERS, born=1986,
                gender="male"),  # 50 % < 60 %
]

_KH_LEADER = {"authority": ["TM. KHỐI THI ĐUA"], "signer_title": "TRƯỞNG KHỐI",
              "signer_subtitle": "GIÁM ĐỐC SỞ TÀI CHÍNH TỈNH KHÁNH HÒA",
              "signer_name": "Nguyễn Văn Thắng"}
_KH_LEADER_NEXT = {"authority": ["TM. KHỐI THI ĐUA"], "signer_title": "TRƯỞNG KHỐI",
                   "signer_subtitle": "GIÁM ĐỐC SỞ NỘI VỤ TỈNH KHÁNH HÒA",
                   "signer_name": "Lê Thị Thanh Hương"}


# The meeting: Culture sent a written opinion instead of coming (so 11 ballots for 12
# voters); the election was not unanimous.
KH_ABSENT = CULTURE
KH_GUEST = ("Trần Văn Bình", "Phó Trưởng ban Thi đua - Khen thưởng",
            "Ban Thi đua - Khen thưởng, Sở Nội vụ tỉnh Khánh Hòa")
KH_BOARD = {INDUSTRY: "head", SCIENCE: "member", EDUCATION: "member"}


def _kh_attendance() -> list[Row]:
    guest_name, guest_title, guest_body = KH_GUEST
    rows: list[Row] = [{"status": "guest", "unit": guest_body, "name": guest_name,
                        "title": guest_title}]
    for name, _short, head, title, _abbr in _DEPARTMENTS:
        status = "written" if name == KH_ABSENT else "present"
        rows.append({"status": status, "unit": name, "name": head,
                     "title": title.removesuffix(" tỉnh"), "counting": KH_BOARD.get(name)})
    return rows


def _kh_pact() -> list[Row]:
    return [
        {"area": "Chỉ tiêu chung", "text": "100% tập thể, cá nhân đăng ký thi đua."},
        {"area": "Nhiệm vụ chính trị", "text": "Hoàn thành 100% nhiệm vụ được Ủy ban nhân dân "
         "tỉnh giao đúng thời hạn.", "criterion": "NV"},
        {"area": "Cải cách hành chính", "text": "Giải quyết 100% hồ sơ thủ tục hành chính "
         "đúng hạn; từ 90% hồ sơ trở lên nộp trực tuyến.", "criterion": "CCHC"},
        {"area": "Phong trào thi đua", "text": "Gửi báo cáo tổng kết và bảng tự chấm điểm về "
         "Trưởng Khối trước 15/11/2026.", "criterion": "PTTĐ"},
    ]


def departments(path: Path, votes: Sequence[Row] = tuple(KH_VOTES)) -> Path:
    """Write the Khánh Hòa departments' 2025 workbook to `path` (with other ballot rows when
    `votes` is given)."""
    members: list[Row] = [
        {"name": name, "short_name": short, "place": "Khánh Hòa",
         "superior": "UBND TỈNH KHÁNH HÒA", "abbr": abbr, "head_name": head,
         "head_title": title, "role": _ROLES.get(name, ("member", "member"))[0],
         "role_next": _ROLES.get(name, ("member", "member"))[1]}
        for name, short, head, title, abbr in _DEPARTMENTS
    ]
    members[0] |= {"address": "Số 4 đường Phan Chu Trinh, phường Nha Trang, tỉnh Khánh Hòa",
                   "phone": "0258.3822.514"}
    tables: dict[str, list[Row]] = {
        "members": members,
        "citations": [
            {"role": "award_basis", "kind": "Luật Thi đua, khen thưởng",
             "date": dt.date(2022, 6, 15)},
            {"role": "award_basis", "kind": "Nghị định", "number": "98/2023/NĐ-CP",
             "date": dt.date(2023, 12, 31), "issuer": "Chính phủ",
             "subject": "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"},
            {"role": "basis", "kind": "Kế hoạch", "number": "05/KH-KTĐ",
             "date": dt.date(2025, 2, 20), "issuer": KH_CLUSTER,
             "subject": "phát động phong trào thi đua năm 2025"},
            {"role": "directive", "kind": "Chỉ thị", "number": "34-CT/TW",
             "date": dt.date(2014, 4, 7), "issuer": "Bộ Chính trị",
             "subject": "về tiếp tục đổi mới công tác thi đua, khen thưởng"},
        ],
        "movements": [
            {"kind": "regular", "name": "Thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm "
             "2025"},
            {"kind": "thematic", "name": "Thi đua thực hiện sắp xếp tổ chức bộ máy, vận hành "
             "chính quyền địa phương hai cấp"},
        ],
        "registration": [_registration(name, 6 + i % 3, 40 + 3 * i)
                         for i, name in enumerate(DEPARTMENTS)],
        "results": [_results(name, 4 + i, 120 + 10 * i) for i, name in enumerate(DEPARTMENTS)]
        + [{**_results(name, 3 + i, 100 + 12 * i), "year": YEAR - 1}
           for i, name in enumerate(DEPARTMENTS)],
        "attendance": _kh_attendance(),
        "criteria": KH_CRITERIA,
        "awards": [
            {"year": 2024, "unit": JUSTICE, "target": "collective", "award": "Bằng khen",
             "is_title": False, "count": 1, "decision": "2871/QĐ-UBND",
             "decision_date": dt.date(2024, 12, 26), "decider": KH_HEAD},
            {"year": 2024, "unit": JUSTICE, "target": "collective",
             "award": "Tập thể lao động xuất sắc", "is_title": True, "count": 1,
             "decision": "312/QĐ-UBND", "decision_date": dt.date(2025, 2, 10),
             "decider": KH_HEAD},
            {"year": 2025, "unit": FINANCE, "target": "individual",
             "recipient": "Công chức, người lao động", "award": "Giấy khen",
             "is_title": False, "count": 12, "decision": "88/QĐ-STC",
             "decision_date": dt.date(2025, 11, 20), "decider": "Giám đốc Sở Tài chính"},
        ],
        "votes": list(votes),
        "narratives": _narratives(KH_CLUSTER, KH_SUPERIOR),
        "plan": [{"part": "theme", "text": "“Kỷ cương, sáng tạo, chuyển đổi số, phục vụ người "
                  "dân”"},
                 {"part": "targets", "text": "100% đơn vị thành viên hoàn thành nhiệm vụ được "
                  "giao năm 2026."},
                 {"part": "targets", "text": "Từ 90% hồ sơ thủ tục hành chính trở lên được "
                  "tiếp nhận trực tuyến."},
                 *_plan("các sở, ngành thuộc Khối")],
        "timeline": _timeline("Sở Nội vụ"),
        "pact": _kh_pact(),
        "signing": [
            {"document": "bao-cao-tong-ket", "number": 41, "date": dt.date(2025, 12, 15),
             "addressee": ["Ủy ban nhân dân tỉnh Khánh Hòa (qua Sở Nội vụ)"], **_KH_LEADER,
             "recipients": ["Các thành viên Khối thi đua"], "archive": "VT, KTĐ"},
            {"document": "bien-ban", "date": dt.date(2025, 12, 10),
             "recipients": ["Các thành viên Khối thi đua"], "archive": "VT, KTĐ"},
            {"document": "to-trinh", "number": 40, "date": dt.date(2025, 12, 12),
             "addressee": [f"{KH_HEAD} (qua Sở Nội vụ)"], **_KH_LEADER,
             "recipients": ["Các thành viên Khối thi đua"], "archive": "VT, KTĐ"},
            {"document": "ke-hoach", "number": 2, "date": dt.date(2026, 1, 12),
             **_KH_LEADER_NEXT, "recipients": ["Sở Nội vụ", "Các thành viên Khối thi đua"],
             "archive": "VT, KTĐ"},
            {"document": "giao-uoc", "date": dt.date(2026, 1, 12), **_KH_LEADER_NEXT,
             "recipients": ["Các thành viên Khối thi đua"], "archive": "VT, KTĐ"},
            # The invitation and the conclusions; the conference sheet leaves the
            # invitation's details blank, so the invitation asks for them.
            {"document": "giay-moi", "number": 38, "date": dt.date(2025, 12, 2), **_KH_LEADER,
             "recipients": ["Các thành viên Khối thi đua", "Sở Nội vụ"], "archive": "VT, KTĐ"},
            {"document": "thong-bao-ket-luan", "number": 42, "date": dt.date(2025, 12, 15),
             **_KH_LEADER, "recipients": ["Sở Nội vụ", "Các thành viên Khối thi đua"],
             "archive": "VT, KTĐ"},
        ],
    }
    return _write(
        path,
        cluster={"name": KH_CLUSTER, "number": 3, "year": YEAR,
                 "superior": "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA",
                 "issuer": "KHỐI THI ĐUA CÁC SỞ,\nNGÀNH TỔNG HỢP", "issuer_abbr": "KTĐ",
                 "superior_body": KH_SUPERIOR, "superior_head": KH_HEAD},
        conference={"date": dt.date(2025, 12, 10), "start": dt.time(14, 0),
                    "end": dt.time(16, 30), "form": "in_person",
                    "venue": "Hội trường Sở Tài chính tỉnh Khánh Hòa",
                    "chair": "Nguyễn Văn Thắng",
                    "chair_title": "Giám đốc Sở Tài chính tỉnh Khánh Hòa, Trưởng Khối",
                    "co_chair": "Lê Thị Thanh Hương",
                    "co_chair_title": "Giám đốc Sở Nội vụ tỉnh Khánh Hòa, Phó Trưởng Khối",
                    "secretary": "Phan Thị Ngọc Trâm",
                    "secretary_title": "Chuyên viên Văn phòng Sở Tài chính",
                    "attendees": "Lãnh đạo mười hai sở, ngành thành viên Khối và đại diện Sở "
                    "Nội vụ.",
                    "ballots_issued": _KH_VOTERS - 1, "ballots_returned": _KH_VOTERS - 1,
                    "ballots_valid": _KH_VOTERS - 1,
                    "agenda": ["Thông qua báo cáo tổng kết công tác thi đua, khen thưởng năm "
                               "2025 của Khối", "Bình xét, suy tôn khen thưởng",
                               "Bầu Trưởng Khối, Phó Trưởng Khối năm 2026"],
                    "discussion": "Các thành viên thống nhất với báo cáo tổng kết; Sở Y tế "
                    "đề nghị Khối bổ sung chỉ tiêu chuyển đổi số vào giao ước năm 2026. Hội "
                    "nghị thống nhất thông qua báo cáo và giao Trưởng Khối năm 2026 hoàn chỉnh "
                    "kế hoạch, giao ước.",
                    "leader_votes": 10, "deputy_votes": 9, "minutes_copies": 3},
        tables=tables,
        codes=KH_CODES,
        scores=[(unit, dict(zip(KH_CODES, map(float, points), strict=True)))
                for unit, points in _KH_POINTS.items()],
        award_forms=KH_AWARDS,
    )


# --- 2. Cụm thi đua các phường khu vực trung tâm thành phố Cần Thơ ---------------------------

CT_INVALID = "01 phiếu đánh dấu cả hai ô “Đồng ý” và “Không đồng ý”"
CT_CLUSTER = "Cụm thi đua các phường khu vực trung tâm thành phố Cần Thơ"
CT_SUPERIOR = "Ủy ban nhân dân thành phố Cần Thơ"
CT_HEAD = "Chủ tịch Ủy ban nhân dân thành phố Cần Thơ"
CT_FLAG = "Cờ thi đua của Ủy ban nhân dân thành phố Cần Thơ"
CT_MERIT = "Bằng khen của Chủ tịch Ủy ban nhân dân thành phố Cần Thơ"

_WARD_NAMES = ("Ninh Kiều", "Cái Khế", "Tân An", "An Bình", "Thới An Đông", "Bình Thủy",
               "Long Tuyền", "Cái Răng", "Hưng Phú", "Ô Môn")
WARDS = [f"Ủy ban nhân dân phường {name}" for name in _WARD_NAMES]
(NINH_KIEU, CAI_KHE, TAN_AN, AN_BINH, THOI_AN_DONG, BINH_THUY, LONG_TUYEN, CAI_RANG,
 HUNG_PHU, O_MON) = WARDS
_WARD_HEADS = ("Trần Thanh Bình", "Nguyễn Thị Diễm", "Lâm Quốc Việt", "Châu Văn Hiếu",
               "Dương Thị Hồng", "Tạ Minh Tâm", "Lưu Văn Toàn", "Mai Thị Yến",
               "Hồ Quang Định", "Kha Văn Lực")

CT_CODES = ("A", "B", "C", "D")
CT_CRITERIA: list[Row] = [
    {"code": "A", "name": "Phát triển kinh tế, thu ngân sách", "max_points": 35},
    {"code": "B", "name": "Văn hóa, xã hội, an sinh", "max_points": 25},
    {"code": "C", "name": "Quốc phòng, an ninh, trật tự đô thị", "max_points": 25},
    {"code": "D", "name": "Xây dựng chính quyền, cải cách hành chính", "max_points": 15},
]
_CT_POINTS = [(33, 23, 22, 14), (30, 22, 21, 13), (31, 21.5, 22, 13.5), (29, 21, 20, 13),
              (28.5, 20, 21, 12.5), (32, 22.5, 23, 14), (27, 20, 19.5, 12), (31.5, 22, 22.5, 14),
              (28, 19.5, 20, 12.5), (26.5, 19, 19, 12)]

CT_AWARDS: list[Row] = [
    # Counted on the conference's valid ballots (9 of the 10 returned).
    {"name": "Cờ thi đua", "full_name": CT_FLAG, "decider": CT_HEAD, "targets": "collective",
     "threshold": 85, "rule": "at_least", "base": "valid", "quota_collective": 1,
     "precedence": 1, "criteria": "phường dẫn đầu Cụm thi đua"},
    # A majority: more than half, so exactly half is not enough.
    {"name": "Bằng khen", "full_name": CT_MERIT, "decider": CT_HEAD, "targets": "both",
     "threshold": 50, "rule": "above", "base": "voters", "quota_collective": 3,
     "quota_individual": 2, "precedence": 2},
]

PHUC = "Nguyễn Hoàng Phúc"
NGAN = "Lý Thị Kim Ngân"
PHUC_LINE = f"{PHUC}, Phó Chủ tịch, {THOI_AN_DONG}"
NGAN_LINE = f"{NGAN}, Công chức Văn phòng - Thống kê, {LONG_TUYEN}"

_CT_VOTERS = 10
CT_VALID = 9
CT_VOTES: list[Row] = [
    _collective(NINH_KIEU, "Cờ thi đua", 8, _CT_VOTERS),  # 8/9 = 88,9 % (8/10 would be 80 %)
    _collective(CAI_KHE, "Cờ thi đua", 7, _CT_VOTERS),  # 7/9 = 77,8 % < 85 %
    _collective(TAN_AN, "Bằng khen", 6, _CT_VOTERS),  # 60 % > 50 %
    _collective(AN_BINH, "Bằng khen", 5, _CT_VOTERS),  # exactly half: not more than half
    _collective(BINH_THUY, "Bằng khen", 9, _CT_VOTERS),
    _collective(CAI_RANG, CT_MERIT, 7, _CT_VOTERS),  # a clerk may type the printed name
    _individual(PHUC, "Phó Chủ tịch", THOI_AN_DONG, "Bằng khen", 6,
                _CT_VOTERS, born=1983, gender="male"),
    _individual(NGAN, "Công chức Văn phòng - Thống kê", LONG_TUYEN, "Bằng khen", 5,
                _CT_VOTERS, born=1990, gender="female"),  # exactly half
]

_CT_LEADER = {"authority": ["TM. CỤM THI ĐUA"], "signer_title": "CỤM TRƯỞNG",
              "signer_subtitle": "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG NINH KIỀU",
              "signer_name": "Trần Thanh Bình"}
_CT_LEADER_NEXT = {"authority": ["TM. CỤM THI ĐUA"], "signer_title": "CỤM TRƯỞNG",
                   "signer_subtitle": "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG BÌNH THỦY",
                   "signer_name": "Tạ Minh Tâm"}
# Ninh Kiều leads this year, Cái Khế deputises; next year Bình Thủy and Cái Răng.
_CT_ROLES = {NINH_KIEU: ("leader", "member"), CAI_KHE: ("deputy", "member"),
             BINH_THUY: ("member", "leader"), CAI_RANG: ("member", "deputy")}


def wards(path: Path) -> Path:
    """Write the Cần Thơ wards' 2025 workbook to `path`."""
    members: list[Row] = [
        {"name": name, "short_name": short, "place": short,
         "superior": "UBND THÀNH PHỐ CẦN THƠ", "head_name": head,
         "head_title": "Chủ tịch Ủy ban nhân dân phường",
         "role": _CT_ROLES.get(name, ("member", "member"))[0],
         "role_next": _CT_ROLES.get(name, ("member", "member"))[1]}
        for name, short, head in zip(WARDS, _WARD_NAMES, _WARD_HEADS, strict=True)
    ]
    tables: dict[str, list[Row]] = {
        "members": members,
        "citations": [
            {"role": "award_basis", "kind": "Luật Thi đua, khen thưởng",
             "date": dt.date(2022, 6, 15)},
            {"role": "basis", "kind": "Kế hoạch", "number": "12/KH-UBND",
             "date": dt.date(2025, 7, 15), "issuer": CT_SUPERIOR,
             "subject": "về công tác thi đua, khen thưởng năm 2025"},
        ],
        "movements": [{"kind": "regular", "name": "Thi đua xây dựng phường văn minh đô thị "
                       "năm 2025"}],
        "registration": [_registration(name, 5, 30 + i) for i, name in enumerate(WARDS)],
        "results": [_results(name, 2, 300 + 25 * i) for i, name in enumerate(WARDS)],
        "criteria": CT_CRITERIA,
        "awards": [],
        "votes": CT_VOTES,
        "narratives": _narratives(CT_CLUSTER, CT_SUPERIOR),
        "plan": _plan("các phường thuộc Cụm"),
        "timeline": _timeline("Sở Nội vụ thành phố Cần Thơ"),
        "pact": [{"area": "Chỉ tiêu chung", "text": "Hoàn thành 100% chỉ tiêu thu ngân sách "
                  "được giao."}],
        "signing": [
            {"document": "bao-cao-tong-ket", "number": 18, "date": dt.date(2025, 12, 8),
             "addressee": [CT_SUPERIOR], **_CT_LEADER,
             "recipients": ["Các phường thành viên Cụm"], "archive": "VT, CTĐP"},
            {"document": "bien-ban", "date": dt.date(2025, 12, 5),
             "recipients": ["Các phường thành viên Cụm"], "archive": "VT"},
            {"document": "to-trinh", "number": 17, "date": dt.date(2025, 12, 5),
             "addressee": [CT_HEAD], **_CT_LEADER,
             "recipients": ["Các phường thành viên Cụm"], "archive": "VT, CTĐP"},
            {"document": "ke-hoach", "number": 1, "date": dt.date(2026, 1, 9),
             **_CT_LEADER_NEXT, "recipients": ["Các phường thành viên Cụm"],
             "archive": "VT, CTĐP"},
            {"document": "giao-uoc", "date": dt.date(2026, 1, 9), **_CT_LEADER_NEXT,
             "recipients": ["Các phường thành viên Cụm"], "archive": "VT, CTĐP"},
            # Sent four days before the meeting: under the default notice of five days.
            {"document": "giay-moi", "number": 16, "date": dt.date(2025, 12, 1),
             **_CT_LEADER, "recipients": ["Các phường thành viên Cụm"], "archive": "VT"},
            {"document": "thong-bao-ket-luan", "number": 19, "date": dt.date(2025, 12, 8),
             **_CT_LEADER, "recipients": [CT_SUPERIOR, "Các phường thành viên Cụm"],
             "archive": "VT, CTĐP"},
        ],
    }
    return _write(
        path,
        cluster={"name": CT_CLUSTER, "number": 2, "year": YEAR,
                 "superior": "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ",
                 "issuer": "CỤM THI ĐUA CÁC PHƯỜNG\nKHU VỰC TRUNG TÂM", "issuer_abbr": "CTĐP",
                 "superior_body": CT_SUPERIOR, "superior_head": CT_HEAD},
        conference={"date": dt.date(2025, 12, 5), "start": dt.time(8, 0),
                    "end": dt.time(10, 45), "form": "hybrid",
                    "venue": "Hội trường Ủy ban nhân dân phường Ninh Kiều",
                    "bridges": ["Ủy ban nhân dân phường Ô Môn", "Ủy ban nhân dân phường "
                                "Hưng Phú"],
                    "chair": "Trần Thanh Bình",
                    "chair_title": "Chủ tịch Ủy ban nhân dân phường Ninh Kiều, Cụm trưởng",
                    "secretary": "Phạm Ngọc Hân",
                    "secretary_title": "Công chức Văn phòng - Thống kê phường Ninh Kiều",
                    "attendees": "Chủ tịch, Phó Chủ tịch Ủy ban nhân dân mười phường trong "
                    "Cụm.",
                    "ballots_issued": _CT_VOTERS, "ballots_returned": _CT_VOTERS,
                    "ballots_valid": CT_VALID, "invalid_reasons": CT_INVALID,
                    "invited": "Chủ tịch Ủy ban nhân dân phường",
                    "prepare": ["Bảng tự chấm điểm thi đua năm 2025"],
                    "prepare_deadline": dt.date(2025, 12, 3),
                    "contact": "Bà Phạm Ngọc Hân, công chức Văn phòng - Thống kê phường Ninh "
                    "Kiều", "contact_phone": "0292 3821 003",
                    "conclusions": "Chủ trì hội nghị ghi nhận các phường đã hoàn thành chỉ "
                    "tiêu thu ngân sách năm 2025; đề nghị các phường tiếp tục cải cách thủ tục "
                    "hành chính và thực hiện nghiêm Giao ước thi đua năm 2026."},
        tables=tables,
        codes=CT_CODES,
        scores=[(unit, dict(zip(CT_CODES, map(float, points), strict=True)))
                for unit, points in zip(WARDS, _CT_POINTS, strict=True)],
        award_forms=CT_AWARDS,
    )

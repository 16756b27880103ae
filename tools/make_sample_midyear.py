"""Turn Cụm IX's first half of 2021 into samples/cum-ix-2021-6-thang.xlsx (the mid-year review).

The same cluster, members, criteria and award table as the year sample (tools/make_sample.py),
with the reporting period set to "6 tháng đầu năm (sơ kết)": the results sheet holds the
first six months of 2021 and of 2020, the conference sheet the sơ kết meeting of 15/7/2021,
the signing sheet the one paper of the period (Báo cáo sơ kết, 12/BC-CTĐ, 20/7/2021); the
scores, self-scores and votes sheets stay empty. Every figure is an example, as the
workbook's instructions sheet says.

Run from the project root: python tools/make_sample_midyear.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import make_sample as year  # noqa: E402

from docgen.intake import schema  # noqa: E402
from docgen.intake.writer import (  # noqa: E402
    add_instruction,
    fill_form,
    fill_table,
    new_workbook,
)

OUT = ROOT / "samples" / "cum-ix-2021-6-thang.xlsx"
YEAR = year.YEAR
Row = dict[str, object]

# What the cluster's papers of the half year rest on: the sector's plan of 2021 and the
# directives; the year sample's own plan of 2021 (22/KH-CTĐ) is dated October, after this
# report, so it is not cited here.
CITATIONS: list[Row] = [
    c for c in year.CITATIONS
    if c["role"] != "basis" or c.get("number") == "108/KH-TTCP"
]

CONFERENCE: Row = {
    "date": dt.date(2021, 7, 15),
    "start": dt.time(8, 30),
    "end": dt.time(11, 0),
    "form": "online",
    "venue": "Hội trường Thanh tra tỉnh Bạc Liêu",
    "bridges": year.UNITS[1:],
    "chair": "Bùi Thanh Nguyên",
    "chair_title": "Chánh Thanh tra tỉnh Bạc Liêu, Cụm trưởng",
    "co_chair": "Nguyễn Văn Đức",
    "co_chair_title": "Chánh Thanh tra tỉnh Kiên Giang, Cụm phó",
    "secretary": "Trần Thị Mỹ Linh",
    "secretary_title": "Chuyên viên Văn phòng Thanh tra tỉnh Bạc Liêu",
    "attendees": "Chánh Thanh tra tỉnh, thành phố và lãnh đạo Văn phòng Thanh tra các tỉnh, "
    "thành phố trong Cụm.",
    "agenda": [
        "Thông qua dự thảo Báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2021",
        "Các thành viên trao đổi kinh nghiệm, thảo luận nhiệm vụ 6 tháng cuối năm 2021",
        "Cụm trưởng kết luận hội nghị",
    ],
    "discussion": "Các thành viên thống nhất với dự thảo Báo cáo sơ kết công tác thi đua, khen "
    "thưởng 6 tháng đầu năm 2021; đề nghị tổ chức kiểm tra chéo 6 tháng cuối năm bằng hình "
    "thức trực tuyến do dịch bệnh Covid-19 diễn biến phức tạp.",
    "quorum": "two_thirds",
    "conclusions": "Chủ trì hội nghị ghi nhận các thành viên đã hoàn thành tốt nhiệm vụ 6 "
    "tháng đầu năm trong điều kiện dịch bệnh; đề nghị các đơn vị tập trung thực hiện các chỉ "
    "tiêu của Giao ước thi đua năm 2021 trong 6 tháng cuối năm.",
}

MOVEMENTS: list[Row] = [
    m for m in year.MOVEMENTS if "76 năm" not in str(m["name"])
]

_RESULT_FIELDS = ("inspections", "violations_money", "recovery_money", "violations_land",
                  "disciplined", "transferred", "receptions", "petitions")
# The first six months of 2021, per member in MEMBERS order (a little under half the year).
_FIGURES_H1: list[tuple[float, ...]] = [
    (13, 7_215_000_000, 4_102_000_000, 5_630.0, 19, 0, 171, 44),
    (19, 17_480_000_000, 9_356_000_000, 40_215.0, 30, 1, 236, 75),
    (15, 9_874_000_000, 5_690_000_000, 13_420.5, 23, 0, 198, 55),
    (17, 12_306_000_000, 7_845_000_000, 20_760.0, 26, 1, 214, 63),
    (11, 4_512_000_000, 2_308_000_000, 3_905.2, 13, 0, 131, 34),
    (16, 14_238_000_000, 8_427_000_000, 10_150.0, 21, 0, 247, 69),
    (18, 12_487_000_000, 6_934_000_000, 23_870.4, 25, 1, 221, 65),
]
# The first six months of 2020 (the same period of the previous year).
_FIGURES_H1_2020: list[tuple[float, ...]] = [
    (12, 6_208_000_000, 3_745_000_000, 4_870.0, 17, 0, 183, 40),
    (17, 15_930_000_000, 8_612_000_000, 33_480.0, 27, 1, 229, 69),
    (14, 9_105_000_000, 5_214_000_000, 12_730.0, 21, 1, 195, 52),
    (15, 10_284_000_000, 6_930_000_000, 18_405.0, 24, 0, 208, 57),
    (11, 4_786_000_000, 2_651_000_000, 4_210.0, 12, 0, 139, 32),
    (15, 12_870_000_000, 7_402_000_000, 9_215.0, 20, 1, 236, 64),
    (16, 11_340_000_000, 6_318_000_000, 21_640.0, 23, 0, 218, 60),
]
RESULTS: list[Row] = [
    {"unit": unit, **dict(zip(_RESULT_FIELDS, figures, strict=True))}
    for unit, figures in zip(year.UNITS, _FIGURES_H1, strict=True)
] + [
    {"unit": unit, "year": YEAR - 1, **dict(zip(_RESULT_FIELDS, figures, strict=True))}
    for unit, figures in zip(year.UNITS, _FIGURES_H1_2020, strict=True)
]

_BL, _KG, _CM, _ST, _HG, _CT, _AG = year.UNITS
# The awards of the first half of 2021, and the earlier years' titles of the year sample.
AWARDS: list[Row] = [
    year._award(2021, _BL, "collective", "Phòng Tiếp công dân và xử lý đơn", "Bằng khen", 1,
                "1124/QĐ-UBND", dt.date(2021, 6, 8), "Chủ tịch UBND tỉnh Bạc Liêu"),
    year._award(2021, _KG, "individual", "Công chức có thành tích xuất sắc trong công tác bầu "
                "cử", "Bằng khen", 2, "1402/QĐ-UBND", dt.date(2021, 6, 14),
                "Chủ tịch UBND tỉnh Kiên Giang"),
    year._award(2021, _ST, "individual", "Công chức có thành tích trong phòng, chống dịch "
                "Covid-19", "Giấy khen", 4, "41/QĐ-TTr", dt.date(2021, 6, 25),
                "Chánh Thanh tra tỉnh Sóc Trăng"),
    year._award(2021, _CT, "individual", "Công chức, người lao động", "Giấy khen", 3,
                "38/QĐ-TTr", dt.date(2021, 6, 28), "Chánh Thanh tra thành phố Cần Thơ"),
    *[a for a in year.AWARDS if isinstance(a["year"], int) and a["year"] < YEAR],
]

NARRATIVES: list[tuple[str, str]] = [
    ("I.1", "Ngay từ đầu năm, các đơn vị thành viên Cụm Thi đua Thanh tra các tỉnh miền Tây "
     "Nam sông Hậu đã quán triệt Luật Thi đua, khen thưởng, các văn bản hướng dẫn thi hành và "
     "Kế hoạch công tác thi đua, khen thưởng năm 2021 của Thanh tra Chính phủ đến toàn thể "
     "công chức, người lao động; xây dựng kế hoạch thi đua của đơn vị gắn với nhiệm vụ chính "
     "trị được giao."),
    ("I.1", "Cụm trưởng thường xuyên trao đổi với Cụm phó và các thành viên, đôn đốc việc đăng "
     "ký thi đua, theo dõi tiến độ thực hiện các chỉ tiêu của Giao ước thi đua năm 2021."),
    ("I.2", "Trong 6 tháng đầu năm, các đơn vị thành viên đã phát động và tổ chức các phong trào "
     "thi đua thường xuyên, thi đua theo chuyên đề, tập trung lập thành tích chào mừng Đại hội "
     "đại biểu toàn quốc lần thứ XIII của Đảng, cuộc bầu cử đại biểu Quốc hội khóa XV và đại "
     "biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026 và tham gia phòng, chống dịch "
     "Covid-19 tại địa phương."),
    ("I.3", "Sáu tháng đầu năm 2021, các đơn vị thành viên đã triển khai kế hoạch thanh tra được "
     "phê duyệt, tập trung vào các lĩnh vực quản lý đất đai, đầu tư xây dựng, quản lý tài "
     "chính, ngân sách; đồng thời chủ động điều chỉnh phương thức làm việc để bảo đảm công tác "
     "phòng, chống dịch Covid-19."),
    ("I.3", "Công tác tiếp công dân, giải quyết khiếu nại, tố cáo được duy trì, góp phần bảo đảm "
     "an ninh, trật tự trước, trong và sau cuộc bầu cử ngày 23/5/2021. Việc kê khai tài sản, "
     "thu nhập năm 2020 được các đơn vị hoàn thành đúng thời hạn."),
    ("I.4", "Công tác khen thưởng được thực hiện kịp thời, đúng đối tượng, tiêu chuẩn; các đơn vị "
     "chú trọng khen thưởng đột xuất tập thể, cá nhân có thành tích trong công tác bầu cử và "
     "phòng, chống dịch Covid-19."),
    ("II.1", "Các phong trào thi đua được triển khai ngay từ đầu năm, có nội dung thiết thực, "
     "gắn với nhiệm vụ chính trị của ngành Thanh tra và của từng địa phương; 100% tập thể, cá "
     "nhân của các đơn vị thành viên đăng ký thi đua."),
    ("II.1", "Các thành viên giữ mối liên hệ thường xuyên, kịp thời trao đổi kinh nghiệm và "
     "thông tin về tiến độ thực hiện Giao ước thi đua."),
    ("II.2", "Dịch bệnh Covid-19 bùng phát trở lại từ cuối tháng 4/2021 làm chậm tiến độ một số "
     "cuộc thanh tra; các hoạt động giao lưu, kiểm tra chéo trực tiếp giữa các thành viên chưa "
     "tổ chức được. Việc phát hiện, nhân rộng điển hình tiên tiến ở một số đơn vị chưa được "
     "quan tâm đúng mức."),
    ("II.2", "Nguyên nhân chủ yếu là dịch bệnh diễn biến phức tạp; công chức làm công tác thi "
     "đua, khen thưởng ở các đơn vị đều kiêm nhiệm."),
    ("III", "Sáu tháng cuối năm 2021, Cụm tập trung thực hiện các nhiệm vụ trọng tâm sau:"),
    ("III", "Tiếp tục thực hiện các chỉ tiêu của Giao ước thi đua năm 2021; hoàn thành kế hoạch "
     "thanh tra năm 2021 được phê duyệt, bảo đảm an toàn phòng, chống dịch Covid-19."),
    ("III", "Đẩy mạnh phong trào thi đua lập thành tích chào mừng kỷ niệm 76 năm Ngày truyền "
     "thống ngành Thanh tra Việt Nam (23/11/1945-23/11/2021)."),
    ("III", "Tổ chức kiểm tra chéo, chấm điểm thi đua theo thang điểm đã thống nhất; chuẩn bị "
     "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2021 của Cụm."),
    ("IV", "Đề nghị Thanh tra Chính phủ hướng dẫn việc tổ chức kiểm tra chéo, chấm điểm thi đua "
     "bằng hình thức trực tuyến trong điều kiện dịch bệnh Covid-19."),
]

SIGNING: list[Row] = [
    {"document": "bao-cao-so-ket", "number": 12, "date": dt.date(2021, 7, 20),
     "addressee": ["Thanh tra Chính phủ (Vụ Tổ chức cán bộ)"], **year._LEADER_2021,
     "recipients": ["Các thành viên Cụm thi đua", "Lãnh đạo Thanh tra tỉnh Bạc Liêu"],
     "archive": "VT, CTĐ"},
]

SAMPLE_NOTE = (
    "Ghi chú về sổ mẫu: sổ này là sổ sơ kết 6 tháng đầu năm 2021 của Cụm IX, lập để minh họa "
    "kỳ báo cáo “6 tháng đầu năm (sơ kết)”. Kết quả công tác 6 tháng đầu năm 2021 và 2020, "
    "khen thưởng, nội dung báo cáo, hội nghị sơ kết và số, ngày của báo cáo là số liệu minh "
    "họa. Trang 'Chấm điểm', 'Tự chấm điểm' và 'Bình xét' để trống: kỳ sơ kết không chấm điểm, "
    "bình xét."
)

TABLES: dict[str, list[Row]] = {
    "members": year.MEMBERS,
    "citations": CITATIONS,
    "movements": MOVEMENTS,
    "registration": year.REGISTRATION,
    "results": RESULTS,
    "criteria": year.CRITERIA,
    "awards": AWARDS,
    "narratives": [{"section": s, "text": t} for s, t in NARRATIVES],
    "signing": SIGNING,
}
SETTINGS: Row = {"period": "half"}
FORMS: dict[str, Row] = {"cluster": year.CLUSTER, "conference": CONFERENCE,
                         "settings": SETTINGS}


def main() -> None:
    """Write the mid-year sample workbook and print where it went."""
    wb = new_workbook(YEAR, year.CODES)
    for sheet in schema.SHEETS:
        ws = wb[sheet.title]
        if sheet.key in TABLES:
            fill_table(ws, sheet, TABLES[sheet.key])
        elif sheet.key in FORMS:
            fill_form(ws, sheet, FORMS[sheet.key])
    add_instruction(wb, SAMPLE_NOTE)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    wb.save(OUT)
    print(OUT.relative_to(ROOT))


if __name__ == "__main__":
    main()

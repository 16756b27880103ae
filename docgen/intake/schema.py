"""Turn the workbook's layout into data: sheets, Vietnamese headers, field names and help.

This table is the single boundary between the words staff type in the workbook and the
ASCII field names used everywhere downstream. The reader, the blank-workbook writer and the
instructions sheet are all driven by it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from docgen.kinds import signed_here


class Kind(StrEnum):
    """What a cell holds."""

    TEXT = "text"
    MULTILINE = "multiline"  # text whose line breaks are kept
    LIST = "list"  # several items, one per line or separated by ";"
    INT = "int"
    NUMBER = "number"
    DATE = "date"
    TIME = "time"
    CHOICE = "choice"


@dataclass(frozen=True)
class Column:
    """One field: a column of a table sheet, or a row of a key-value sheet."""

    field: str
    header: str
    kind: Kind = Kind.TEXT
    required: bool = True
    help: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (label shown in the sheet, code in the model)
    width: int = 18
    bounds: tuple[int, int | None] = (0, None)  # allowed range of a number (None: no maximum)
    words: bool = False  # text that must hold letters (a name or title), each line of a list
    person: bool = False  # a person's full name ("Nguyễn Văn Đức")
    lookup: str | None = None  # key of the sheet whose first column lists the allowed values

    @property
    def labels(self) -> tuple[str, ...]:
        """The choice labels as shown in the drop-down."""
        return tuple(label for label, _ in self.choices)


@dataclass(frozen=True)
class Sheet:
    """A sheet: either a table (one record per row) or a form (one field per row)."""

    key: str
    title: str
    columns: tuple[Column, ...]
    help: str
    form: bool = False
    min_rows: int = 0
    optional: bool = False  # a workbook made before this sheet existed may lack it

    def column(self, field: str) -> Column:
        """Return the column for a field name."""
        for col in self.columns:
            if col.field == field:
                return col
        raise KeyError(field)


ROLES = (("Cụm trưởng", "leader"), ("Cụm phó", "deputy"), ("Thành viên", "member"))
TARGETS = (("Tập thể", "collective"), ("Cá nhân", "individual"))
RULES = (("Từ … % trở lên", "at_least"), ("Trên … %", "above"))
AWARD_TARGETS = (("Tập thể", "collective"), ("Cá nhân", "individual"),
                 ("Tập thể và cá nhân", "both"))
SHARE_BASES = (
    ("Tổng số người bỏ phiếu (kể cả ý kiến bằng văn bản)", "voters"),
    ("Số phiếu hợp lệ", "valid"),
)
MEETING_FORMS = (
    ("Trực tuyến", "online"),
    ("Trực tiếp", "in_person"),
    ("Trực tiếp kết hợp trực tuyến", "hybrid"),
)
CITATION_ROLES = (
    ("Căn cứ", "basis"),
    ("Quán triệt", "directive"),
    ("Căn cứ khen thưởng", "award_basis"),
)
ISSUED_AS = (("Cụm thi đua", "cluster"), ("Đơn vị Cụm trưởng", "leader"))
YES_NO = (("Có", "yes"), ("Không", "no"))
GENDERS = (("Nam", "male"), ("Nữ", "female"))
MOVEMENT_KINDS = (("Thường xuyên", "regular"), ("Chuyên đề", "thematic"))
ATTENDANCE_STATUSES = (
    ("Có mặt", "present"),
    ("Vắng mặt, có ý kiến bằng văn bản", "written"),
    ("Vắng mặt", "absent"),
    ("Khách mời", "guest"),
)
COUNTING_DUTIES = (("Trưởng ban", "head"), ("Thành viên", "member"))
PERIODS = (("Cả năm (tổng kết)", "year"), ("6 tháng đầu năm (sơ kết)", "half"))
BALLOT_PAPERS = (("Khổ A5, mỗi phiếu một tờ", "a5"),
                 ("Khổ A4, hai phiếu một tờ (cắt đôi)", "a4_half"))
QUORUMS = (("Quá nửa số thành viên", "half"), ("Từ 2/3 số thành viên trở lên", "two_thirds"),
           ("Tất cả thành viên", "all"))

# Report sections that take typed prose, in document order: code -> title shown in the sheet.
NARRATIVE_SECTIONS: dict[str, str] = {
    "I.1": "I.1. Công tác lãnh đạo, chỉ đạo, quán triệt",
    "I.2": "I.2. Tổ chức các phong trào thi đua",
    "I.3": "I.3. Kết quả thực hiện nhiệm vụ chính trị",
    "I.4": "I.4. Công tác khen thưởng",
    "I.5": "I.5. Kiểm tra, chấm điểm, bình xét",
    "II.1": "II.1. Ưu điểm",
    "II.2": "II.2. Hạn chế, nguyên nhân",
    "II.3": "II.3. Bài học kinh nghiệm",
    "III": "III. Phương hướng, nhiệm vụ năm sau",
    "IV": "IV. Đề xuất, kiến nghị",
}
# Sections whose prose the summary report cannot do without.
REQUIRED_NARRATIVES = ("I.1", "I.2", "I.3", "II.1", "II.2", "III", "IV")

# Documents of the year's package: code used in the signing sheet -> Vietnamese label.
DOCUMENTS: dict[str, str] = signed_here()


def _pairs(labels: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((label, code) for code, label in labels.items())


PLAN_PARTS = (
    ("Chủ đề", "theme"),
    ("Chỉ tiêu", "targets"),
    ("Mục đích", "purpose"),
    ("Yêu cầu", "requirements"),
    ("Đối tượng", "subjects"),
    ("Nội dung thi đua", "content"),
    ("Hình thức tổ chức", "organisation"),
    ("Khen thưởng", "awards"),
    ("Tổ chức thực hiện", "implementation"),
)

T, ML, LS, INT, N, D, TM, CH = (
    Kind.TEXT,
    Kind.MULTILINE,
    Kind.LIST,
    Kind.INT,
    Kind.NUMBER,
    Kind.DATE,
    Kind.TIME,
    Kind.CHOICE,
)

BALLOT_HELP = "Bắt buộc với kỳ báo cáo cả năm (có bỏ phiếu bình xét)."
UNIT_HELP = "Tên đơn vị như ở trang 'Thành viên' (tên đầy đủ hoặc tên ngắn)."

CLUSTER = Sheet(
    key="cluster",
    title="Thông tin chung",
    form=True,
    help="Thông tin về Cụm thi đua và năm thi đua. Mỗi dòng một mục; điền cột 'Giá trị'.",
    columns=(
        Column("name", "Tên Cụm thi đua", words=True, help="Ví dụ: Cụm Thi đua Thanh tra các tỉnh "
               "miền Tây Nam sông Hậu."),
        Column("number", "Số hiệu Cụm", INT, bounds=(1, 99),
               help="Số Ả Rập, ví dụ 9 (Cụm IX): dùng đặt tên thư mục lưu và tên tệp văn "
               "bản (cum-ix); trong văn bản in tên Cụm ở dòng trên."),
        Column("year", "Năm thi đua", INT, bounds=(2000, 2100),
               help="Năm được tổng kết, ví dụ 2021."),
        Column("superior", "Cơ quan chủ quản (dòng trên của tiêu đề)", LS, words=True,
               required=False,
               help="In hoa, không đậm, ở góc trái. Để trống nếu không có. Xuống dòng "
               "bằng Alt+Enter."),
        Column("issuer", "Cơ quan ban hành (tiêu đề văn bản)", LS, words=True,
               help="In hoa, đậm, ở góc trái, dưới cơ quan chủ quản. Ví dụ: CỤM THI ĐUA "
               "THANH TRA CÁC TỈNH MIỀN TÂY NAM SÔNG HẬU."),
        Column("issuer_abbr", "Ký hiệu cơ quan ban hành", help="Dùng trong số, ký hiệu "
               "văn bản, ví dụ CTĐ (in ra: Số: 15/BC-CTĐ)."),
        Column("issued_as", "Ban hành văn bản dưới tên", CH, required=False, choices=ISSUED_AS,
               help="'Cụm thi đua' (mặc định): tiêu đề và ký hiệu của Cụm như trên. 'Đơn vị "
               "Cụm trưởng': tiêu đề, ký hiệu lấy theo đơn vị làm Cụm trưởng (trang 'Thành "
               "viên')."),
        Column("superior_body", "Cơ quan cấp trên nhận báo cáo", words=True,
               help="Ví dụ: Thanh tra Chính phủ."),
        Column("superior_head", "Người đứng đầu cơ quan cấp trên", words=True,
               help="Ví dụ: Tổng Thanh tra Chính phủ."),
    ),
)

MEMBERS = Sheet(
    key="members",
    title="Thành viên",
    min_rows=2,
    help="Mỗi dòng một đơn vị thành viên của Cụm. Phải có đúng một Cụm trưởng và một Cụm "
    "phó cho năm nay và cho năm sau.",
    columns=(
        Column("name", "Tên đơn vị", words=True, help="Tên đầy đủ, ví dụ: Thanh tra tỉnh Bạc Liêu.",
               width=30),
        Column("short_name", "Tên ngắn", words=True, help="Ví dụ: Bạc Liêu. Dùng trong bảng và khi "
               "ghi tên đơn vị ở các trang khác."),
        Column("place", "Địa danh", help="Tên tỉnh, thành phố nơi đơn vị đóng trụ sở; in ở "
               "dòng địa danh, ngày tháng khi đơn vị làm Cụm trưởng."),
        Column("superior", "Cơ quan chủ quản của đơn vị", words=True, required=False,
               help="Ví dụ: UBND TỈNH BẠC LIÊU (dùng cho báo cáo thành tích)."),
        Column("abbr", "Ký hiệu đơn vị", required=False,
               help="Ví dụ: TTr. Cần khi văn bản ban hành dưới tên đơn vị Cụm trưởng."),
        Column("address", "Địa chỉ trụ sở", required=False, width=30),
        Column("phone", "Điện thoại", required=False),
        Column("head_name", "Họ và tên thủ trưởng", person=True, help="Người ký thay mặt đơn vị."),
        Column("head_title", "Chức vụ thủ trưởng", words=True, help="Ví dụ: Chánh Thanh tra tỉnh."),
        Column("role", "Vai trò năm nay", CH, choices=ROLES),
        Column("role_next", "Vai trò năm sau", CH, choices=ROLES,
               help="Kết quả bầu tại Hội nghị tổng kết."),
    ),
)

CITATIONS = Sheet(
    key="citations",
    title="Văn bản căn cứ",
    min_rows=1,
    help="Các văn bản được viện dẫn. 'Căn cứ' in ở đoạn mở đầu của báo cáo và tờ trình; "
    "'Quán triệt' in ở mục lãnh đạo, chỉ đạo của báo cáo; 'Căn cứ khen thưởng' (luật, nghị "
    "định về thi đua, khen thưởng) in đầu tờ trình.",
    columns=(
        Column("role", "Dùng làm", CH, choices=CITATION_ROLES),
        Column("kind", "Loại văn bản", words=True,
               help="Ví dụ: Kế hoạch, Chỉ thị, Nghị định, Giao ước "
               "thi đua; với luật ghi cả tên luật, ví dụ: Luật Thi đua, khen thưởng."),
        Column("number", "Số, ký hiệu", required=False, help="Ví dụ: 108/KH-TTCP. Để trống "
               "nếu văn bản không có số."),
        Column("date", "Ngày ban hành", D, required=False),
        Column("issuer", "Cơ quan ban hành", required=False,
               help="Ví dụ: Thanh tra Chính phủ. In sau chữ 'của'."),
        Column("subject", "Trích yếu", required=False, width=40,
               help="Phần viết tiếp sau tên văn bản, ví dụ: về việc phát động phong trào "
               "thi đua giai đoạn 2021-2025."),
    ),
)

CONFERENCE = Sheet(
    key="conference",
    title="Hội nghị",
    form=True,
    help="Hội nghị tổng kết, bình xét của Cụm.",
    columns=(
        Column("date", "Ngày họp", D),
        Column("start", "Giờ bắt đầu", TM, help="Ví dụ 08:00."),
        Column("end", "Giờ kết thúc", TM, help="Ví dụ 11:30."),
        Column("form", "Hình thức", CH, choices=MEETING_FORMS),
        Column("venue", "Địa điểm (điểm cầu chính)", words=True,
               help="Ví dụ: Trụ sở Thanh tra tỉnh "
               "Bạc Liêu."),
        Column("bridges", "Các điểm cầu", LS, required=False,
               help="Họp trực tuyến: mỗi điểm cầu một dòng (Alt+Enter) hoặc ngăn bằng ';'."),
        Column("chair", "Chủ trì (họ và tên)", person=True),
        Column("chair_title", "Chức vụ của chủ trì", words=True,
               help="Ví dụ: Chánh Thanh tra tỉnh Bạc "
               "Liêu, Cụm trưởng."),
        Column("co_chair", "Đồng chủ trì (họ và tên)", person=True, required=False),
        Column("co_chair_title", "Chức vụ của đồng chủ trì", words=True, required=False),
        Column("secretary", "Thư ký (họ và tên)", person=True),
        Column("secretary_title", "Chức vụ của thư ký", words=True),
        Column("attendees", "Thành phần tham dự", ML, words=True, help="Viết thành câu."),
        Column("ballots_issued", "Số phiếu phát ra", INT, required=False,
               help=BALLOT_HELP),
        Column("ballots_returned", "Số phiếu thu về", INT, required=False,
               help=BALLOT_HELP),
        Column("ballots_valid", "Số phiếu hợp lệ", INT, required=False,
               help=BALLOT_HELP),
        Column("invalid_reasons", "Lý do phiếu không hợp lệ", ML, required=False,
               help="Bắt buộc khi có phiếu không hợp lệ, ví dụ: 01 phiếu gạch cả hai ô."),
        Column("agenda", "Chương trình hội nghị", LS, required=False,
               help="Các nội dung theo thứ tự, mỗi nội dung một dòng (Alt+Enter). Biên bản "
               "ghi lại chương trình này."),
        Column("discussion", "Ý kiến thảo luận, nội dung thông qua", ML, required=False,
               help="Viết thành câu: ý kiến của các thành viên; hội nghị thông qua báo cáo "
               "tổng kết, dự thảo kế hoạch năm sau như thế nào."),
        Column("leader_votes", "Số phiếu bầu Cụm trưởng năm sau", INT, required=False,
               help="Số phiếu đồng ý cho đơn vị được bầu (trên số phiếu hợp lệ)."),
        Column("deputy_votes", "Số phiếu bầu Cụm phó năm sau", INT, required=False),
        Column("minutes_copies", "Số bản biên bản", INT, required=False, bounds=(1, 20),
               help="Biên bản được lập thành bao nhiêu bản, ví dụ 2."),
        Column("quorum", "Số thành viên có mặt tối thiểu", CH, required=False,
               choices=QUORUMS,
               help="Điều kiện để hội nghị bình xét; để trống là từ 2/3 số thành viên trở "
               "lên."),
        Column("invited", "Thành phần mời của mỗi đơn vị", words=True, required=False,
               width=40,
               help="In ở Giấy mời, ví dụ: Chánh Thanh tra và 01 lãnh đạo phòng nghiệp vụ. "
               "Khách mời lấy ở trang 'Dự họp'."),
        Column("prepare", "Tài liệu gửi trước hội nghị", LS, required=False, width=40,
               help="Mỗi tài liệu một dòng (Alt+Enter), ví dụ: Bảng tự chấm điểm thi đua; Báo "
               "cáo tổng kết của đơn vị."),
        Column("prepare_deadline", "Hạn gửi tài liệu", D, required=False,
               help="Ngày các đơn vị gửi tài liệu trên về Cụm trưởng; phải trước ngày họp."),
        Column("contact", "Người liên hệ", words=True, required=False, width=40,
               help="Họ tên, chức vụ, ví dụ: Ông Trần Văn Bình, Chánh Văn phòng Thanh tra "
               "tỉnh Bạc Liêu."),
        Column("contact_phone", "Điện thoại liên hệ", required=False),
        Column("conclusions", "Kết luận của chủ trì", ML, words=True, required=False,
               width=60,
               help="Ý kiến kết luận của chủ trì hội nghị, viết thành câu; in ở Thông báo kết "
               "luận hội nghị."),
    ),
)

ATTENDANCE = Sheet(
    key="attendance",
    title="Dự họp",
    optional=True,
    help="Mỗi dòng một người: đại biểu của từng đơn vị thành viên (có mặt, vắng mặt, có ý "
    "kiến bằng văn bản) và khách mời. Biên bản ghi thành phần, số thành viên có mặt và Ban "
    "kiểm phiếu theo trang này.",
    columns=(
        Column("status", "Tham dự", CH, choices=ATTENDANCE_STATUSES, width=30),
        Column("unit", "Đơn vị, cơ quan", width=30,
               help="Đơn vị thành viên như ở trang 'Thành viên'; với khách mời ghi cơ quan, "
               "ví dụ: Vụ Tổ chức cán bộ, Thanh tra Chính phủ."),
        Column("name", "Họ và tên", person=True),
        Column("title", "Chức vụ", words=True, width=30),
        Column("counting", "Ban kiểm phiếu", CH, required=False, choices=COUNTING_DUTIES,
               help="Chỉ điền với người là Trưởng ban hoặc thành viên Ban kiểm phiếu."),
    ),
)

MOVEMENTS = Sheet(
    key="movements",
    title="Phong trào",
    min_rows=1,
    help="Các phong trào thi đua đã phát động trong năm.",
    columns=(
        Column("name", "Tên phong trào", words=True, width=60),
        Column("kind", "Loại", CH, choices=MOVEMENT_KINDS),
    ),
)

REGISTRATION = Sheet(
    key="registration",
    title="Đăng ký thi đua",
    min_rows=1,
    help="Số tập thể, cá nhân của từng đơn vị và số đã đăng ký thi đua.",
    columns=(
        Column("unit", "Đơn vị", help=UNIT_HELP),
        Column("collectives", "Số tập thể", INT),
        Column("collectives_registered", "Số tập thể đăng ký", INT),
        Column("individuals", "Số cá nhân", INT),
        Column("individuals_registered", "Số cá nhân đăng ký", INT),
    ),
)

RESULTS = Sheet(
    key="results",
    title="Kết quả công tác",
    min_rows=1,
    help="Kết quả nhiệm vụ chính trị của từng đơn vị: một dòng năm thi đua và, nếu có, một "
    "dòng năm trước để so sánh. Tiền tính bằng đồng, đất bằng m².",
    columns=(
        Column("unit", "Đơn vị", help=UNIT_HELP),
        Column("inspections", "Số cuộc thanh tra", INT),
        Column("violations_money", "Sai phạm về tiền (đồng)", INT),
        Column("recovery_money", "Kiến nghị thu hồi (đồng)", INT),
        Column("violations_land", "Sai phạm về đất (m²)", N),
        Column("disciplined", "Kiến nghị xử lý (tập thể, cá nhân)", INT),
        Column("transferred", "Chuyển cơ quan điều tra (vụ)", INT),
        Column("receptions", "Lượt tiếp công dân", INT),
        Column("petitions", "Đơn khiếu nại, tố cáo đã giải quyết", INT),
        Column("year", "Năm", INT, required=False, bounds=(1945, 2100),
               help="Để trống là năm thi đua; ghi năm trước (ví dụ 2020) cho số liệu năm "
               "trước để báo cáo so sánh."),
    ),
)

CRITERIA = Sheet(
    key="criteria",
    title="Tiêu chí",
    min_rows=1,
    help="Thang điểm chấm thi đua. 'Mã' là tiêu đề cột tương ứng ở trang 'Chấm điểm'.",
    columns=(
        Column("code", "Mã", help="Ngắn, không trùng, ví dụ TC1."),
        Column("name", "Tên tiêu chí", words=True, width=50),
        Column("max_points", "Điểm tối đa", N),
    ),
)

# The score sheet has one column per criterion code after "Đơn vị"; only that one is fixed.
SCORES = Sheet(
    key="scores",
    title="Chấm điểm",
    help="Mỗi dòng một đơn vị; mỗi cột một tiêu chí (tiêu đề cột là 'Mã' ở trang "
    "'Tiêu chí').",
    columns=(Column("unit", "Đơn vị", help=UNIT_HELP),),
)

SELF_SCORES = Sheet(
    key="self_scores",
    title="Tự chấm điểm",
    optional=True,
    help="Điểm từng đơn vị tự chấm theo từng tiêu chí, và điểm Cụm cộng hoặc trừ khi thẩm "
    "định (kèm lý do). Điểm tự chấm cộng điểm cộng, trừ điểm trừ phải bằng điểm ở trang "
    "'Chấm điểm'. Bảng chấm điểm của từng đơn vị in theo trang này.",
    columns=(
        Column("unit", "Đơn vị", help=UNIT_HELP),
        Column("criterion", "Mã tiêu chí", lookup="criteria",
               help="Mã ở trang 'Tiêu chí', ví dụ TC1."),
        Column("self_points", "Điểm tự chấm", N),
        Column("plus", "Điểm cộng", N, required=False,
               help="Điểm Cụm cộng thêm khi thẩm định; để trống là 0."),
        Column("minus", "Điểm trừ", N, required=False,
               help="Điểm Cụm trừ khi thẩm định; để trống là 0."),
        Column("reason", "Lý do cộng, trừ", ML, words=True, required=False, width=50,
               help="Bắt buộc khi có điểm cộng hoặc điểm trừ."),
    ),
)

AWARDS = Sheet(
    key="awards",
    title="Khen thưởng",
    help="Các danh hiệu, hình thức khen thưởng đã nhận (năm nay và các năm trước).",
    columns=(
        Column("year", "Năm", INT, bounds=(1945, 2100)),
        Column("unit", "Đơn vị", help=UNIT_HELP),
        Column("target", "Đối tượng", CH, choices=TARGETS),
        Column("recipient", "Tên tập thể, cá nhân được khen", required=False,
               help="Để trống nếu là chính đơn vị."),
        Column("award", "Danh hiệu, hình thức", words=True, help="Ví dụ: Bằng khen, Giấy khen, Tập "
               "thể lao động xuất sắc."),
        Column("is_title", "Là danh hiệu thi đua", CH, choices=YES_NO),
        Column("count", "Số lượng", INT),
        Column("decision", "Số quyết định", required=False),
        Column("decision_date", "Ngày quyết định", D, required=False),
        Column("decider", "Cơ quan, người quyết định", words=True,
               help="Ví dụ: Chủ tịch UBND tỉnh."),
    ),
)

VOTES = Sheet(
    key="votes",
    title="Bình xét",
    help="Kết quả bỏ phiếu bình xét, suy tôn. Mỗi dòng một đề nghị.",
    columns=(
        Column("target", "Đối tượng", CH, choices=TARGETS),
        Column("unit", "Đơn vị", help=UNIT_HELP),
        Column("person", "Họ và tên cá nhân", person=True, required=False,
               help="Chỉ điền khi đối tượng là cá nhân."),
        Column("person_title", "Chức vụ cá nhân", words=True, required=False),
        Column("birth_year", "Năm sinh", INT, required=False, bounds=(1900, 2100)),
        Column("gender", "Giới tính", CH, required=False, choices=GENDERS),
        Column("award", "Hình thức đề nghị", words=True, lookup="award_forms",
               help="Tên ở cột 'Hình thức' của trang 'Hình thức khen thưởng', ví dụ: Cờ thi "
               "đua."),
        Column("votes_for", "Số phiếu đồng ý", INT),
        Column("voters", "Tổng số người bỏ phiếu", INT),
    ),
)

NARRATIVES = Sheet(
    key="narratives",
    title="Nội dung báo cáo",
    min_rows=1,
    help="Các đoạn văn của báo cáo tổng kết. Mỗi dòng một đoạn, theo thứ tự; cột 'Mục' chọn "
    "mục của báo cáo. Với kỳ báo cáo 6 tháng (báo cáo sơ kết), mục III là phương hướng, nhiệm "
    "vụ 6 tháng cuối năm.",
    columns=(
        Column("section", "Mục", CH, choices=_pairs(NARRATIVE_SECTIONS),
               width=40),
        Column("text", "Đoạn văn", ML, words=True, width=100),
    ),
)

PLAN = Sheet(
    key="plan",
    title="Kế hoạch năm sau",
    help="Nội dung Kế hoạch phát động phong trào thi đua năm sau. Mỗi dòng một ý.",
    columns=(
        Column("part", "Phần", CH, choices=PLAN_PARTS),
        Column("text", "Nội dung", ML, words=True, width=100),
    ),
)

TIMELINE = Sheet(
    key="timeline",
    title="Lịch thực hiện",
    help="Các mốc thời gian của năm sau.",
    columns=(
        Column("task", "Nội dung công việc", words=True, width=50),
        Column("deadline", "Thời hạn", help="Ngày hoặc khoảng thời gian, ví dụ: Trước "
               "20/12/2022."),
        Column("responsible", "Đơn vị thực hiện", words=True),
    ),
)

PACT = Sheet(
    key="pact",
    title="Giao ước",
    help="Chỉ tiêu và cam kết của Giao ước thi đua năm sau.",
    columns=(
        Column("area", "Lĩnh vực", words=True, help="Ví dụ: Chỉ tiêu chung; Công tác thanh tra."),
        Column("text", "Cam kết", ML, words=True, width=100,
               help="Mỗi dòng một chỉ tiêu đo được, ví dụ: Hoàn thành 100% cuộc thanh tra theo "
               "kế hoạch."),
        Column("criterion", "Mã tiêu chí", required=False, lookup="criteria",
               help="Mã ở trang 'Tiêu chí' mà chỉ tiêu này được chấm điểm, ví dụ TC1."),
    ),
)

SIGNING = Sheet(
    key="signing",
    title="Ký và nơi nhận",
    min_rows=1,
    help="Số, ngày, người ký và nơi nhận của từng văn bản. Để trống 'Số' để văn thư điền "
    "khi phát hành. Để trống các cột người ký để lấy Cụm trưởng.",
    columns=(
        Column("document", "Văn bản", CH, choices=_pairs(DOCUMENTS),
               width=30),
        Column("number", "Số", INT, required=False, bounds=(1, None)),
        Column("date", "Ngày ban hành", D),
        Column("addressee", "Kính gửi", LS, words=True, required=False),
        Column("authority", "Quyền hạn ký", LS, words=True, required=False,
               help="Ví dụ: TM. CỤM THI ĐUA (mỗi dòng một cấp)."),
        Column("signer_title", "Chức vụ người ký", words=True, required=False, help="Ví dụ: CỤM "
               "TRƯỞNG."),
        Column("signer_subtitle", "Chức danh dưới", words=True, required=False,
               help="Ví dụ: CHÁNH THANH TRA TỈNH BẠC LIÊU."),
        Column("signer_name", "Họ tên người ký", person=True, required=False),
        Column("recipients", "Nơi nhận", LS, words=True, width=40,
               help="Mỗi nơi một dòng, không cần gạch đầu dòng và dấu chấm phẩy."),
        Column("archive", "Lưu", help="Ví dụ: VT, CTĐ."),
    ),
)

AWARD_FORMS = Sheet(
    key="award_forms",
    title="Hình thức khen thưởng",
    min_rows=1,
    help="Các hình thức khen thưởng Cụm được bình xét, đề nghị: mỗi dòng một hình thức, "
    "với tỷ lệ phiếu cần đạt và số lượng được đề nghị. Thêm hình thức là thêm dòng.",
    columns=(
        Column("name", "Hình thức", words=True,
               help="Tên ngắn, không trùng, dùng ở cột 'Hình thức đề nghị' của trang 'Bình "
               "xét', ví dụ: Cờ thi đua, Bằng khen."),
        Column("full_name", "Tên in trên văn bản", words=True, width=40,
               help="Ví dụ: Cờ thi đua của Thanh tra Chính phủ; Bằng khen của Chủ tịch Ủy ban "
               "nhân dân tỉnh."),
        Column("decider", "Cấp quyết định", words=True, width=30,
               help="Người có thẩm quyền tặng, ví dụ: Tổng Thanh tra Chính phủ; Chủ tịch Ủy "
               "ban nhân dân tỉnh. In trong câu 'đề nghị … xem xét, tặng'."),
        Column("targets", "Đối tượng", CH, choices=AWARD_TARGETS),
        Column("threshold", "Tỷ lệ phiếu (%)", N, bounds=(0, 100),
               help="Tỷ lệ phiếu đồng ý cần đạt, ví dụ 80."),
        Column("rule", "Cách tính tỷ lệ", CH, required=False, choices=RULES,
               help="“Từ … % trở lên”: đạt đúng tỷ lệ là đủ; “Trên … %”: phải vượt tỷ lệ (ví dụ "
               "quá bán là trên 50%). Để trống là “Từ … % trở lên”."),
        Column("base", "Tính trên", CH, required=False, choices=SHARE_BASES, width=30,
               help="Tỷ lệ tính trên tổng số người bỏ phiếu ở trang 'Bình xét' (kể cả ý kiến "
               "bằng văn bản của thành viên vắng mặt) hoặc trên số phiếu hợp lệ ở trang 'Hội "
               "nghị'. Để trống là tổng số người bỏ phiếu."),
        Column("quota_collective", "Số tập thể tối đa", INT, required=False,
               help="Số tập thể được đề nghị; bắt buộc khi đối tượng gồm tập thể."),
        Column("quota_individual", "Số cá nhân tối đa", INT, required=False,
               help="Số cá nhân được đề nghị, tính riêng với tập thể; bắt buộc khi đối tượng "
               "gồm cá nhân."),
        Column("precedence", "Thứ tự", INT, bounds=(1, 99),
               help="1 là hình thức cao nhất; văn bản liệt kê các hình thức theo thứ tự này."),
        Column("criteria", "Tiêu chuẩn", ML, required=False, width=40,
               help="Viết tiếp sau 'xét tặng cho', ví dụ: tập thể dẫn đầu Cụm thi đua. In ở "
               "Kế hoạch và Tờ trình."),
    ),
)

SETTINGS = Sheet(
    key="settings",
    title="Cài đặt",
    form=True,
    help="Hạn gửi hồ sơ khen thưởng, điều kiện khóa sổ và thư mục mẫu riêng của Cụm (nếu có).",
    columns=(
        Column("files_deadline", "Hạn gửi hồ sơ đề nghị khen thưởng", D, required=False,
               help="Ngày cuối cùng gửi hồ sơ lên cơ quan cấp trên; để trống là ngày 20/12 của "
               "năm thi đua (Quyết định 575/QĐ-TTCP). Tờ trình ghi ngày sau hạn này sẽ được "
               "cảnh báo."),
        Column("require_signed", "Chỉ khóa sổ khi đủ bản đã ký", CH, required=False,
               choices=YES_NO,
               help="'Có': lệnh docgen archive finalize chỉ khóa bộ văn bản khi mọi văn bản đã "
               "có bản đã ký (docgen archive sign). Để trống là 'Không'."),
        Column("period", "Kỳ báo cáo", CH, required=False, choices=PERIODS, width=30,
               help="'Cả năm': lập bộ văn bản tổng kết năm. '6 tháng đầu năm': chỉ lập báo "
               "cáo sơ kết (số liệu ở trang 'Kết quả công tác' là của 6 tháng). Để trống là "
               "cả năm."),
        Column("emulation_period", "Giai đoạn thi đua", required=False,
               help="Năm đầu và năm cuối của giai đoạn thi đua, ví dụ 2021-2025; năm thi đua "
               "phải thuộc giai đoạn. Ở năm cuối, báo cáo tổng kết in kết quả từng năm của "
               "giai đoạn, lấy từ các bộ văn bản đã lưu của Cụm. Để trống nếu không dùng."),
        Column("notice_days", "Số ngày gửi giấy mời trước hội nghị", INT, required=False,
               bounds=(0, 60),
               help="Giấy mời ghi ngày sớm hơn ngày họp ít hơn số ngày này sẽ được cảnh báo; "
               "để trống là 5 ngày."),
        Column("ballot_paper", "Khổ phiếu bầu", CH, required=False, choices=BALLOT_PAPERS,
               width=30, help="Để trống là khổ A4, hai phiếu một tờ."),
        Column("score_chart", "Vẽ biểu đồ điểm", CH, required=False, choices=YES_NO,
               help="'Có': phụ lục kết quả chấm điểm có biểu đồ cột tổng điểm của các đơn vị."),
        Column("templates_dir", "Thư mục mẫu riêng", required=False,
               help="Thư mục chứa các mẫu .docx đã sửa (giữ nguyên tên tệp như mẫu gốc, ví dụ "
               "to-trinh.docx); mẫu không có ở đó thì dùng mẫu gốc. Đường dẫn tương đối tính "
               "từ thư mục chứa sổ tính. Để trống để dùng mẫu gốc."),
    ),
)

SHEETS: tuple[Sheet, ...] = (
    CLUSTER,
    MEMBERS,
    CITATIONS,
    CONFERENCE,
    ATTENDANCE,
    MOVEMENTS,
    REGISTRATION,
    RESULTS,
    CRITERIA,
    SCORES,
    SELF_SCORES,
    AWARDS,
    AWARD_FORMS,
    VOTES,
    NARRATIVES,
    PLAN,
    TIMELINE,
    PACT,
    SIGNING,
    SETTINGS,
)

# What only the year-end period needs (a mid-year workbook may leave them blank): sheets that
# need at least one row, and fields of the conference form.
# (The scores are checked member by member in intake/consistency.py.)
YEAR_SHEETS: tuple[Sheet, ...] = (VOTES,)
YEAR_CONFERENCE_FIELDS = ("ballots_issued", "ballots_returned", "ballots_valid")

INSTRUCTIONS_TITLE = "Hướng dẫn"
FORM_HEADERS = ("Mục", "Giá trị", "Hướng dẫn")

# The award table of a blank workbook (domain.md 2.3): the Government Inspectorate's pair.
AWARD_FORM_DEFAULTS: tuple[dict[str, object], ...] = (
    {"name": "Cờ thi đua", "full_name": "Cờ thi đua của Thanh tra Chính phủ",
     "decider": "Tổng Thanh tra Chính phủ", "targets": "collective", "threshold": 80,
     "rule": "at_least", "base": "voters", "quota_collective": 1, "precedence": 1,
     "criteria": "tập thể dẫn đầu Cụm thi đua"},
    {"name": "Bằng khen", "full_name": "Bằng khen của Tổng Thanh tra Chính phủ",
     "decider": "Tổng Thanh tra Chính phủ", "targets": "both", "threshold": 50,
     "rule": "at_least", "base": "voters", "quota_collective": 2, "quota_individual": 2,
     "precedence": 2,
     "criteria": "tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua"},
)

"""Turn Decree 30/2020/NĐ-CP, Phụ lục I, into data: one table of rules and their limits.

Each `Rule` names what a finding breaks: its id, severity, a Vietnamese title, the allowed
values (`expected`) and the decree's wording (a short quote or paraphrase of Phụ lục I).
The numeric limits below are typed lengths (python-docx `Mm`, `Pt`, `Cm`), so the same
values could drive the templates' styles. The checks read only this module for numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from docx.shared import Cm, Length, Mm, Pt

from docgen import decree30 as d30
from docgen import kinds
from docgen.decree30 import Span

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Rule:
    """One Decree 30 layout rule; `expected` lists the allowed values in Vietnamese."""

    id: str
    severity: Severity
    title: str
    expected: str
    decree: str


def _r(rule_id: str, title: str, expected: str, decree: str,
       severity: Severity = "error") -> Rule:
    return Rule(rule_id, severity, title, expected, decree)


RULES: tuple[Rule, ...] = (
    _r("page.size", "Khổ giấy", "khổ A4, 210 × 297 mm",
       "Khổ giấy: Khổ A4 (210 mm x 297 mm)."),
    _r("page.orientation", "Hướng trình bày", "theo chiều dài khổ A4 (trang dọc)",
       "Theo chiều dài của khổ A4; văn bản có bảng, biểu không làm thành phụ lục riêng thì "
       "có thể trình bày theo chiều rộng.", severity="warning"),
    _r("page.margins", "Lề trang",
       "lề trên, lề dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm",
       "Cách mép trên và mép dưới 20 - 25 mm, cách mép trái 30 - 35 mm, cách mép phải "
       "15 - 20 mm."),
    _r("font.family", "Phông chữ", "Times New Roman",
       "Phông chữ tiếng Việt Times New Roman, bộ mã ký tự Unicode theo Tiêu chuẩn Việt Nam "
       "TCVN 6909:2001, màu đen."),
    _r("font.color", "Màu chữ", "màu đen (hoặc tự động)",
       "Phông chữ tiếng Việt Times New Roman ..., màu đen."),
    _r("header.national-title", "Quốc hiệu",
       "«CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM», chữ in hoa, cỡ chữ 12–13, đứng, đậm",
       "Quốc hiệu được trình bày bằng chữ in hoa, cỡ chữ từ 12 đến 13, kiểu chữ đứng, đậm và "
       "ở phía trên cùng, bên phải trang đầu tiên của văn bản."),
    _r("header.motto", "Tiêu ngữ",
       "«Độc lập - Tự do - Hạnh phúc», cỡ chữ 13–14, đứng, đậm, canh giữa dưới Quốc hiệu",
       "Tiêu ngữ được trình bày bằng chữ in thường, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm "
       "và được canh giữa dưới Quốc hiệu; chữ cái đầu của các cụm từ được viết hoa, giữa các "
       "cụm từ có gạch nối (-), có cách chữ."),
    _r("header.motto-rule", "Đường kẻ dưới Tiêu ngữ",
       "đường kẻ ngang, nét liền dưới Tiêu ngữ (viền dưới đoạn hoặc đường vẽ)",
       "Phía dưới có đường kẻ ngang, nét liền, có độ dài bằng độ dài của dòng chữ."),
    _r("header.issuer", "Tên cơ quan ban hành", "chữ in hoa, cỡ chữ 12–13, đứng, đậm",
       "Tên cơ quan, tổ chức ban hành văn bản được trình bày bằng chữ in hoa, cỡ chữ từ 12 "
       "đến 13, kiểu chữ đứng, đậm."),
    _r("header.number", "Số, ký hiệu văn bản",
       "«Số: 05/BC-CTĐ» (số dưới 10 có số 0 phía trước, có thể để trống số), cỡ chữ 13, "
       "kiểu chữ đứng",
       "Từ «Số» chữ in thường, cỡ chữ 13, kiểu chữ đứng; sau từ «Số» có dấu hai chấm (:); "
       "với những số nhỏ hơn 10 phải ghi thêm số 0 phía trước. Giữa số và ký hiệu có dấu "
       "gạch chéo (/), giữa các nhóm chữ viết tắt có dấu gạch nối (-), không cách chữ."),
    _r("header.date-line", "Địa danh và thời gian ban hành",
       "«<Địa danh>, ngày DD tháng MM năm YYYY» (ngày dưới 10 và tháng 1, 2 có số 0 phía "
       "trước), chữ nghiêng, cỡ chữ 13–14",
       "Thời gian ban hành phải được viết đầy đủ; những số thể hiện ngày nhỏ hơn 10 và tháng "
       "1, 2 phải ghi thêm số 0 phía trước; chữ in thường, cỡ chữ từ 13 đến 14, kiểu chữ "
       "nghiêng; sau địa danh có dấu phẩy (,)."),
    _r("title.kind", "Tên loại văn bản", "chữ in hoa, cỡ chữ 13–14, đứng, đậm, canh giữa",
       "Tên loại văn bản được trình bày bằng chữ in hoa, cỡ chữ từ 13 đến 14, kiểu chữ đứng, "
       "đậm, đặt canh giữa theo chiều ngang văn bản."),
    _r("title.summary", "Trích yếu nội dung",
       "ngay dưới tên loại, cỡ chữ 13–14, đứng, đậm, canh giữa",
       "Trích yếu nội dung văn bản được đặt ngay dưới tên loại văn bản, ... cỡ chữ từ 13 đến "
       "14, kiểu chữ đứng, đậm."),
    _r("body.alignment", "Căn lề nội dung", "canh đều hai lề",
       "Nội dung văn bản được trình bày bằng chữ in thường, được canh đều cả hai lề."),
    _r("body.indent", "Lùi đầu dòng", "lùi đầu dòng 1 cm hoặc 1,27 cm",
       "Khi xuống dòng, chữ đầu dòng lùi vào 1 cm hoặc 1,27 cm."),
    _r("body.spacing", "Khoảng cách giữa các đoạn", "tối thiểu 6 pt (trước hoặc sau đoạn)",
       "Khoảng cách giữa các đoạn văn tối thiểu là 6pt."),
    _r("body.line-spacing", "Khoảng cách giữa các dòng", "từ dòng đơn đến 1,5 dòng",
       "Khoảng cách giữa các dòng tối thiểu là dòng đơn, tối đa là 1,5 lines."),
    _r("body.size", "Cỡ chữ nội dung", "cỡ chữ 13–14",
       "Nội dung văn bản được trình bày bằng chữ in thường, ... cỡ chữ từ 13 đến 14."),
    _r("heading.roman", "Tiêu đề mục (I, II, …)",
       "số thứ tự La Mã, tiêu đề chữ in hoa, đứng, đậm",
       "Số thứ tự và tiêu đề của mục: in hoa, cỡ chữ 13 - 14, đứng, đậm "
       "(ví dụ «I. NHỮNG KẾT QUẢ...»)."),
    _r("signature.authority", "Quyền hạn, chức vụ người ký",
       "«TM.», «KT.», «Q.», «TL.», «TUQ.» và chức vụ: chữ in hoa, cỡ chữ 13–14, đứng, đậm",
       "Các chữ viết tắt quyền hạn như: «TM.», «Q.», «KT.», «TL.», «TUQ.» và quyền hạn chức "
       "vụ của người ký được trình bày bằng chữ in hoa, cỡ chữ từ 13 đến 14, kiểu chữ đứng, "
       "đậm."),
    _r("signature.name", "Họ tên người ký",
       "chữ in thường, cỡ chữ 13–14, đứng, đậm; không ghi học hàm, học vị",
       "Họ và tên của người ký được trình bày bằng chữ in thường, cỡ chữ từ 13 đến 14, kiểu "
       "chữ đứng, đậm. Trước họ tên của người ký, không ghi học hàm, học vị."),
    _r("recipients.head", "Từ «Nơi nhận»",
       "«Nơi nhận:» trên một dòng riêng, cỡ chữ 12, nghiêng, đậm",
       "Từ «Nơi nhận» được trình bày trên một dòng riêng, sau có dấu hai chấm (:), bằng chữ "
       "in thường, cỡ chữ 12, kiểu chữ nghiêng, đậm."),
    _r("recipients.list", "Danh sách nơi nhận",
       "mỗi nơi một dòng, đầu dòng «- », cuối dòng «;», cỡ chữ 11, kiểu chữ đứng",
       "Phần liệt kê nơi nhận được trình bày bằng chữ in thường, cỡ chữ 11, kiểu chữ đứng; "
       "mỗi nơi nhận trên một dòng riêng, đầu dòng có gạch đầu dòng (-), cuối dòng có dấu "
       "chấm phẩy (;)."),
    _r("recipients.archive", "Dòng «Lưu»",
       "dòng cuối «- Lưu: VT, <đơn vị soạn thảo>.», kết thúc bằng dấu chấm",
       "Dòng cuối cùng bao gồm chữ «Lưu» sau có dấu hai chấm (:), tiếp theo là chữ viết tắt "
       "«VT», dấu phẩy (,), chữ viết tắt tên đơn vị soạn thảo và số lượng bản lưu, cuối "
       "cùng là dấu chấm (.)."),
    _r("page-number.position", "Số trang",
       "trường số trang (PAGE) ở lề trên, canh giữa, cỡ chữ 13–14, kiểu chữ đứng",
       "Số trang được đánh từ số 1, bằng chữ số Ả Rập, cỡ chữ 13 đến 14, kiểu chữ đứng, được "
       "đặt canh giữa theo chiều ngang trong phần lề trên của văn bản."),
    _r("page-number.first-page", "Số trang thứ nhất",
       "trang thứ nhất không hiện số trang («Trang đầu khác»)",
       "Không hiển thị số trang thứ nhất."),
    # A warning, not an error: data may quote braces on purpose (they print literally),
    # while tags a template failed to fill are already stopped by strict rendering.
    _r("text.leftover-tag", "Thẻ mẫu còn sót", "không còn «{{», «}}», «{%», «%}»",
       "Văn bản phải hoàn chỉnh (kiểm tra của docgen, không có trong Phụ lục I): không còn "
       "thẻ mẫu chưa điền.", severity="warning"),
    _r("text.none", "Giá trị trống lộ ra", "không có chữ «None», «nan» thay cho số liệu",
       "Văn bản phải hoàn chỉnh (kiểm tra của docgen, không có trong Phụ lục I): không có "
       "giá trị trống của chương trình."),
    # An error in a document to send; `docgen lint --ban-nhap` and every build (a draft until
    # finalized) report it as a warning.
    _r("text.fill-in", "Chỗ cần bổ sung", "không còn đánh dấu «[Bổ sung: …]»",
       "Văn bản phải hoàn chỉnh (kiểm tra của docgen, không có trong Phụ lục I): điền nội "
       "dung vào mọi chỗ đánh dấu «[Bổ sung: …]» rồi xóa đánh dấu trước khi ký, gửi."),
    _r("text.nfc", "Mã ký tự Unicode", "chữ Việt Unicode dựng sẵn (chuẩn hóa NFC)",
       "Phông chữ tiếng Việt Times New Roman, bộ mã ký tự Unicode theo Tiêu chuẩn Việt Nam "
       "TCVN 6909:2001."),
)

BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}

# --------------------------------------------------------------------------- limits
FONT_NAME = d30.FONT
BLACK = ("auto", "000000")

PAGE_WIDTH, PAGE_HEIGHT = d30.PAGE_WIDTH, d30.PAGE_HEIGHT
# The papers a kind may be printed on (docgen.kinds.Kind.papers), short side first: A4 as
# Decree 30 requires; A5 only for a kind whose registry entry allows it (the ballot).
PAPERS: dict[str, tuple[Length, Length]] = {
    "A4": (PAGE_WIDTH, PAGE_HEIGHT),
    "A5": (Mm(148), Mm(210)),
}
PAGE_TOLERANCE = Mm(1)
MARGINS: dict[str, Span] = {side: m.allowed for side, m in d30.MARGINS.items()}
# Word stores margins in twips: 15 mm is saved as 14.993 mm.
MARGIN_TOLERANCE = Mm(0.05)

NATIONAL_SIZE = d30.SIZES["national"].allowed
MOTTO_SIZE = d30.SIZES["motto"].allowed
ISSUER_SIZE = d30.SIZES["issuer"].allowed
NUMBER_SIZE = d30.SIZES["number"].allowed
DATE_SIZE = d30.SIZES["date"].allowed
TITLE_SIZE = d30.SIZES["title"].allowed
BODY_SIZE = d30.SIZES["body"].allowed
SIGNATURE_SIZE = d30.SIZES["signature"].allowed
RECIPIENTS_HEAD_SIZE = d30.SIZES["recipients_head"].allowed
RECIPIENTS_SIZE = d30.SIZES["recipients"].allowed
PAGE_NUMBER_SIZE = d30.SIZES["page_number"].allowed
SIZE_TOLERANCE = Pt(0.01)

FIRST_LINE_INDENT = d30.FIRST_LINE_INDENT.allowed
INDENT_TOLERANCE = Cm(0.02)
PARAGRAPH_SPACING_MIN = d30.PARAGRAPH_SPACING.allowed.lo
# Line spacing as a multiple of single spacing (w:line / 240 with lineRule="auto").
LINE_SPACING_MIN, LINE_SPACING_MAX = d30.LINE_SPACING_MIN, d30.LINE_SPACING_MAX
LINE_SPACING_TOLERANCE = 0.01
# Exact/at-least line spacing is compared with single spacing of Times New Roman, whose
# line height is about 1.15 times the font size (ascent + descent + gap).
SINGLE_LINE_FACTOR = 1.15

# A paragraph outside tables with at least this many characters is body text.
BODY_MIN_CHARS = 60
# "nan" is also a Vietnamese word: these followers make it one ("nan giải", "nan y").
NAN_WORDS = ("giải", "y", "hoa")
# Tags left by Jinja/docxtpl templates.
TEMPLATE_MARKS = ("{{", "}}", "{%", "%}")
# Academic titles that must not precede the signer's name.
ACADEMIC_TITLES = ("GS.", "PGS.", "TS.", "TSKH.", "ThS.", "KS.", "CN.", "BS.")
AUTHORITY_PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")


@dataclass(frozen=True)
class KindProfile:
    """Which components a kind of document carries (title prefix -> components), whether
    its pages are numbered, and the papers (names of `PAPERS`) it may be printed on."""

    number: bool = True
    date: bool = True
    header: bool = True
    signature: bool = True
    recipients: bool = True
    page_numbers: bool = True
    papers: tuple[str, ...] = ("A4",)


def _profiles() -> tuple[tuple[str, KindProfile], ...]:
    """(title, profile) of docgen's kinds whose components differ from the default, longest
    title first, so "BÁO CÁO THÀNH TÍCH" is matched before "BÁO CÁO"."""
    found = [(k.title, KindProfile(number=k.numbered, date=k.dated, header=k.header,
                                   signature=k.signed, recipients=k.recipients,
                                   page_numbers=k.paged, papers=k.papers))
             for k in kinds.KINDS if not k.appendix]
    return tuple(sorted(((t, p) for t, p in found if p != KindProfile()),
                        key=lambda item: -len(item[0])))


# Matched in order against the upper-case title; the first prefix that fits wins. Derived
# from the registry of kinds (docgen.kinds), where each kind says why it differs.
KINDS: tuple[tuple[str, KindProfile], ...] = _profiles()
DEFAULT_KIND = KindProfile()
APPENDIX = KindProfile(number=False, date=False, header=False, signature=False,
                       recipients=False)
# Any Decree 30 appendix opens "PHỤ LỤC"; docgen's own appendices open with their title.
APPENDIX_OPENINGS = ("PHỤ LỤC", *(k.title for k in kinds.KINDS if k.appendix))

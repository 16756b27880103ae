"""Turn the kinds of document docgen makes into one registry: every list of kinds derives from it.

One record per kind: its code (file names, `--only`), Vietnamese label, the folder of its
context and layout under `docgen/documents/`, its Decree 30 type abbreviation and title,
whether it has its own signing row in the workbook, whether it is one file per unit, and
what the Decree 30 linter expects of it. Adding a kind means one line here and one folder
`docgen/documents/<package>/` with `context.py` (a `renditions` function) and `layout.py`
(a `build` function). Pure data: importable by every stage.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """A kind of document.

    `type_abbr` is the Phụ lục III abbreviation used in its number ('BC' -> 'Số: 05/BC-CTĐ'),
    None for a paper docgen leaves unnumbered. `title` is its tên loại as printed; the
    linter recognises any .docx by it. `signing_row`: the workbook's 'Ký và nơi nhận' sheet
    has a row for it (the others take their date and signer from another paper or from the
    unit). `per_unit`: one file per proposed unit (or individual). `numbered`, `dated`,
    `recipients`, `appendix`, `signed`, `papers`, `header`, `paged`: what the linter expects
    (an appendix has no header, number, date, signature or recipients of its own; a ballot
    is unsigned, may be printed on A5, carries the cluster's name without the Quốc hiệu and
    Tiêu ngữ, and has no page numbers). `periods`: the reporting periods whose build makes
    it ("year" for the year-end set, "half" for the mid-year review; the workbook's setting
    chooses)."""

    code: str
    label: str
    package: str
    type_abbr: str | None
    title: str
    signing_row: bool = True
    per_unit: bool = False
    numbered: bool = True
    dated: bool = True
    recipients: bool = True
    appendix: bool = False
    signed: bool = True
    papers: tuple[str, ...] = ("A4",)
    header: bool = True
    paged: bool = True
    periods: tuple[str, ...] = ("year",)

    @property
    def template(self) -> str:
        """The template's file name: 'bao-cao-tong-ket.docx'."""
        return f"{self.code}.docx"


KINDS: tuple[Kind, ...] = (
    Kind("bao-cao-tong-ket", "Báo cáo tổng kết", "report", "BC", "BÁO CÁO"),
    # Mẫu 1.9: a biên bản has no place-and-date line.
    Kind("bien-ban", "Biên bản họp bình xét", "minutes", "BB", "BIÊN BẢN", dated=False),
    Kind("to-trinh", "Tờ trình đề nghị khen thưởng", "proposal", "TTr", "TỜ TRÌNH"),
    # The proposal's appendix: numbered, dated and signed with the proposal.
    Kind("danh-sach", "Danh sách đề nghị khen thưởng", "nominees", None, "DANH SÁCH",
         signing_row=False, numbered=False, dated=False, recipients=False, appendix=True),
    # NĐ 98/2023 Mẫu 02: no number, no Nơi nhận, signed by the unit's head.
    Kind("bao-cao-thanh-tich", "Báo cáo thành tích", "achievements", None,
         "BÁO CÁO THÀNH TÍCH", signing_row=False, per_unit=True, numbered=False,
         recipients=False),
    # NĐ 91/2017 Mẫu 02: one per proposed individual, signed by the person and the unit's
    # head; laid out like the collective's report.
    Kind("bao-cao-thanh-tich-ca-nhan", "Báo cáo thành tích cá nhân", "individual_achievements",
         None, "BÁO CÁO THÀNH TÍCH", signing_row=False, per_unit=True, numbered=False,
         recipients=False),
    Kind("ke-hoach", "Kế hoạch phát động năm sau", "plan", "KH", "KẾ HOẠCH"),
    # Not a Decree 30 type: unnumbered, each member keeps a signed copy (no Nơi nhận).
    Kind("giao-uoc", "Giao ước thi đua năm sau", "pact", None, "GIAO ƯỚC", numbered=False,
         recipients=False),
    # The conference's own papers (domain.md 4.5).
    # Phụ lục III: Giấy mời (GM), a paper with a tên loại (Mẫu 1.4 layout).
    Kind("giay-moi", "Giấy mời dự hội nghị", "invitation", "GM", "GIẤY MỜI"),
    # One page per member, signed by the Cụm trưởng; dated with the conference.
    Kind("bang-cham-diem", "Bảng chấm điểm thi đua", "score_sheets", None, "BẢNG CHẤM ĐIỂM",
         signing_row=False, numbered=False, recipients=False),
    # The report's appendix (Mẫu 2.1): the ranking of all members, with the chart.
    Kind("phu-luc-diem", "Phụ lục kết quả chấm điểm", "score_appendix", None,
         "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM", signing_row=False, numbered=False, dated=False,
         recipients=False, appendix=True),
    # A secret ballot: no number, date, signature or recipients; A5 or A4 halves. Its
    # header is the cluster's name alone (the Quốc hiệu cannot stand beside it on A5), and
    # it has no page numbers (a number on a secret ballot could tell one voter's apart).
    Kind("phieu-bau", "Phiếu bầu", "ballots", None, "PHIẾU BẦU", signing_row=False,
         numbered=False, dated=False, recipients=False, signed=False, papers=("A4", "A5"),
         header=False, paged=False),
    # Mẫu 1.9 shape, signed by the counting board; attached to the minutes.
    Kind("bien-ban-kiem-phieu", "Biên bản kiểm phiếu", "count", None, "BIÊN BẢN KIỂM PHIẾU",
         signing_row=False, numbered=False, dated=False, recipients=False),
    # Phụ lục III: Thông báo (TB), Mẫu 1.4: the chair's conclusions.
    Kind("thong-bao-ket-luan", "Thông báo kết luận hội nghị", "conclusions", "TB",
         "THÔNG BÁO"),
    # The mid-year review, built when the workbook's period is six months.
    Kind("bao-cao-so-ket", "Báo cáo sơ kết 6 tháng", "midyear", "BC", "BÁO CÁO",
         periods=("half",)),
)

BY_CODE: dict[str, Kind] = {kind.code: kind for kind in KINDS}


def of_period(period: str) -> tuple[Kind, ...]:
    """The kinds a build of this reporting period makes ("year" or "half")."""
    return tuple(k for k in KINDS if period in k.periods)


def signed_here() -> dict[str, str]:
    """Code -> label of the kinds with their own row in the workbook's signing sheet."""
    return {k.code: k.label for k in KINDS if k.signing_row}


def type_abbreviations() -> dict[str, str]:
    """Code -> Decree 30 type abbreviation of the numbered kinds ('to-trinh' -> 'TTr')."""
    return {k.code: k.type_abbr for k in KINDS if k.type_abbr is not None}

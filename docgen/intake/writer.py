"""Turn rows of field values into a workbook laid out as schema.py says.

`new_workbook` makes the blank workbook staff fill in: an instructions sheet, then one sheet
per `SHEETS` entry with headers, help comments, drop-downs and cell formats. `fill_table`,
`fill_form` and `fill_scores` write values keyed by field name (as the model names them), so
sample and test workbooks are built from the same table the reader uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from docgen.intake.schema import (
    AWARD_FORM_DEFAULTS,
    AWARD_FORMS,
    CLUSTER,
    FORM_HEADERS,
    INSTRUCTIONS_TITLE,
    SCORES,
    SHEETS,
    Column,
    Kind,
    Sheet,
)
from docgen.kinds import of_period
from docgen.vi import nfc

__all__ = [
    "add_instruction", "fill_form", "fill_scores", "fill_table", "new_workbook", "set_value",
]

FIRST_ROW = 2  # first data row of a table sheet, first field row of a form sheet
LAST_ROW = 500  # drop-downs and formats of a blank table sheet reach this row
LISTS_TITLE = "_ds"  # hidden sheet holding drop-down lists too long for a formula
_MAX_INLINE_LIST = 255  # Excel's limit on a list validation's literal formula

NUMBER_FORMATS: dict[Kind, str] = {
    Kind.DATE: "dd/mm/yyyy",
    Kind.TIME: "hh:mm",
    Kind.INT: "#,##0",
    Kind.NUMBER: "General",
}
_WRAPPED = (Kind.MULTILINE, Kind.LIST)
_SCORE_WIDTH = 10
_FORM_WIDTHS = (45, 60, 70)
_INSTRUCTIONS_WIDTH = 120

_BOLD = Font(bold=True)
_TITLE_FONT = Font(bold=True, size=14)
_HEADER_FILL = PatternFill(fill_type="solid", fgColor="DDEBF7")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center")
_WRAP = Alignment(wrap_text=True, vertical="top")

# Leading characters that make some spreadsheet app take typed text for a formula.
FORMULA_LEADS = ("=", "+", "-", "@")

_REQUIRED = "(bắt buộc)"
_SCORE_HELP = "Điểm của tiêu chí có mã này (xem trang 'Tiêu chí')."


# --- blank workbook ---------------------------------------------------------------------------


def new_workbook(year: int | None = None, criteria_codes: Sequence[str] = (),
                 award_forms: Sequence[Mapping[str, object]] = AWARD_FORM_DEFAULTS) -> Workbook:
    """Return a blank workbook: the instructions sheet, then one sheet per schema sheet.

    `year`, when given, fills "Năm thi đua" on the cluster form; `criteria_codes` become the
    score columns after "Đơn vị" (none when empty); `award_forms` fill the award table (by
    default the Government Inspectorate's pair).
    """
    wb = Workbook()
    wb.active.title = INSTRUCTIONS_TITLE
    _write_instructions(wb.active)
    pages = [(sheet, wb.create_sheet(sheet.title)) for sheet in SHEETS]
    lists = _ListSource(wb)
    for sheet, ws in pages:
        if sheet.form:
            _build_form(ws, sheet, lists)
        else:
            _build_table(ws, sheet, lists)
        if sheet.key == SCORES.key:
            for code in criteria_codes:
                _add_score_column(ws, code)
    if year is not None:
        fill_form(wb[CLUSTER.title], CLUSTER, {"year": year})
    fill_table(wb[AWARD_FORMS.title], AWARD_FORMS, award_forms)
    return wb


def add_instruction(wb: Workbook, text: str, *, bold: bool = False) -> None:
    """Append a paragraph to the instructions sheet, after a blank line."""
    ws = wb[INSTRUCTIONS_TITLE]
    row = ws.max_row + 2
    cell = set_value(ws.cell(row=row, column=1), nfc(text))
    cell.alignment = _WRAP
    if bold:
        cell.font = _BOLD


def _instruction_lines() -> list[tuple[str, bool]]:
    """Return the instructions as (paragraph, bold) pairs; blank strings are spacers."""
    year_end = "; ".join(k.label for k in of_period("year"))
    midyear = "; ".join(k.label for k in of_period("half"))
    lines: list[tuple[str, bool]] = [
        ("HƯỚNG DẪN ĐIỀN SỔ SỐ LIỆU THI ĐUA CỦA CỤM", True),
        ("", False),
        ("Sổ này ghi số liệu một năm thi đua của Cụm thi đua. Công cụ docgen đọc sổ để lập các "
         f"văn bản tổng kết năm: {year_end}.", False),
        ("Giữa năm, chọn “Kỳ báo cáo” là “6 tháng đầu năm (sơ kết)” ở trang 'Cài đặt' và ghi "
         "số liệu 6 tháng ở trang 'Kết quả công tác' để lập: "
         f"{midyear}; khi đó không cần trang 'Bình xét', 'Chấm điểm' và số phiếu ở trang 'Hội "
         "nghị'.", False),
        ("", False),
        ("Các trang của sổ:", True),
    ]
    lines += [(f"{sheet.title} — {sheet.help}", False) for sheet in SHEETS]
    lines += [
        ("", False),
        ("Cách ghi:", True),
        ("- Ngày ghi theo dạng dd/mm/yyyy, ví dụ 20/12/2021; giờ ghi theo dạng hh:mm, ví dụ "
         "08:00.", False),
        ("- Muốn xuống dòng trong một ô, nhấn Alt+Enter.", False),
        ("- Ô có mũi tên: chọn giá trị trong danh sách thả xuống.", False),
        ("- Đưa chuột vào tiêu đề cột để xem hướng dẫn; cột ghi '(bắt buộc)' không được để "
         "trống.", False),
        ("- Không đổi tên trang, không sửa dòng tiêu đề; ghi số liệu từ dòng 2.", False),
        ("", False),
        ("Kiểm tra và lập văn bản:", True),
        ("- docgen check <tệp .xlsx>: kiểm tra sổ, báo mọi lỗi kèm tên trang và ô.", False),
        ("- docgen check <tệp .xlsx> --fix <tệp mới .xlsx>: chép sổ sang tệp mới, chuyển chữ "
         "gõ bằng mã cũ TCVN3 (.VnTime) hoặc VNI sang Unicode.", False),
        ("- docgen build <tệp .xlsx>: lập các văn bản Word từ sổ, kiểm tra thể thức theo "
         "Nghị định 30/2020/NĐ-CP và lưu vào thư mục reports/<năm>/<cụm>/; thêm --pdf để "
         "xuất cả bản PDF.", False),
        ("- docgen rollover <tệp .xlsx> --out <tệp năm sau .xlsx>: lập sổ năm sau từ sổ năm "
         "nay.", False),
        ("- Chỗ tô vàng “[Bổ sung: …]” trong văn bản là phần sổ tính không có (ví dụ quá trình "
         "thành lập của đơn vị, quê quán của cá nhân): mở văn bản bằng Word, viết vào đó rồi "
         "xóa đánh dấu. Bộ văn bản chỉ được chốt khi không còn đánh dấu nào.", False),
    ]
    return lines


def _write_instructions(ws: Worksheet) -> None:
    ws.column_dimensions["A"].width = _INSTRUCTIONS_WIDTH
    for row, (text, bold) in enumerate(_instruction_lines(), start=1):
        if not text:
            continue
        cell = set_value(ws.cell(row=row, column=1), text)
        cell.alignment = _WRAP
        if bold:
            cell.font = _BOLD
    ws["A1"].font = _TITLE_FONT


def _build_table(ws: Worksheet, sheet: Sheet, lists: _ListSource) -> None:
    """Write the header row of a table sheet, with help, drop-downs and formats below it."""
    for index, column in enumerate(sheet.columns, start=1):
        cell = set_value(ws.cell(row=1, column=index), column.header)
        _style_header(cell)
        comment = _help_text(column)
        if comment:
            cell.comment = _comment(comment)
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column.width
        area = f"{letter}{FIRST_ROW}:{letter}{LAST_ROW}"
        if column.kind is Kind.CHOICE:
            _add_list(ws, lists.formula(column.labels), area)
        elif column.lookup:
            _add_list(ws, _lookup_formula(column.lookup), area)
        _format_area(ws, index, NUMBER_FORMATS.get(column.kind))
    ws.freeze_panes = "A2"


def _build_form(ws: Worksheet, sheet: Sheet, lists: _ListSource) -> None:
    """Write a form sheet: one row per field with its label, an empty value and help."""
    for index, header in enumerate(FORM_HEADERS, start=1):
        _style_header(set_value(ws.cell(row=1, column=index), header))
        ws.column_dimensions[get_column_letter(index)].width = _FORM_WIDTHS[index - 1]
    for row, column in enumerate(sheet.columns, start=FIRST_ROW):
        set_value(ws.cell(row=row, column=1), column.header).alignment = _WRAP
        set_value(ws.cell(row=row, column=3), _help_text(column)).alignment = _WRAP
        value = ws.cell(row=row, column=2)
        value.alignment = _WRAP
        if column.kind in NUMBER_FORMATS:
            value.number_format = NUMBER_FORMATS[column.kind]
        if column.kind is Kind.CHOICE:
            _add_list(ws, lists.formula(column.labels), value.coordinate)
    ws.freeze_panes = "A2"


def _lookup_formula(key: str) -> str:
    """A list validation's formula offering the first column of another table sheet."""
    title = next(sheet.title for sheet in SHEETS if sheet.key == key)
    return f"'{title}'!$A${FIRST_ROW}:$A${LAST_ROW}"


def _add_score_column(ws: Worksheet, code: str) -> int:
    """Add a criterion column to the score sheet; return its column index."""
    index = int(ws.max_column) + 1
    cell = set_value(ws.cell(row=1, column=index), nfc(code))
    _style_header(cell)
    cell.comment = _comment(_SCORE_HELP)
    ws.column_dimensions[get_column_letter(index)].width = _SCORE_WIDTH
    _format_area(ws, index, NUMBER_FORMATS[Kind.NUMBER])
    return index


def _help_text(column: Column) -> str:
    """Return a column's help, its required mark and its allowed values, as one text."""
    parts = [column.help] if column.help else []
    if column.required:
        parts.append(_REQUIRED)
    if column.choices:
        parts.append("Chọn một trong: " + "; ".join(column.labels) + ".")
    return " ".join(parts)


def _style_header(cell: Cell) -> None:
    cell.font = _BOLD
    cell.fill = _HEADER_FILL
    cell.alignment = _HEADER_ALIGN


def _comment(text: str) -> Comment:
    """Return a docgen comment sized roughly to its text (openpyxl sizes are in points)."""
    comment = Comment(text, "docgen")
    comment.width = 300
    comment.height = 30 + 15 * (len(text) // 50 + 1)
    return comment


def _format_area(ws: Worksheet, column: int, number_format: str | None) -> None:
    """Give rows FIRST_ROW..LAST_ROW of a column a number format, so typed values show right."""
    if number_format is None:
        return
    for row in range(FIRST_ROW, LAST_ROW + 1):
        ws.cell(row=row, column=column).number_format = number_format


def _add_list(ws: Worksheet, formula: str, area: str) -> None:
    """Attach a drop-down list validation to a cell range."""
    validation = DataValidation(type="list", formula1=formula, allow_blank=True)
    validation.showErrorMessage = True
    validation.errorTitle = "Giá trị không hợp lệ"
    validation.error = "Chọn một giá trị trong danh sách thả xuống."
    validation.add(area)
    ws.add_data_validation(validation)


class _ListSource:
    """Give each choice list a validation formula: a literal list, or a range on `_ds`.

    A literal list cannot hold a comma or a quote inside a label and is limited to 255
    characters; such lists are written once, one column each, on a hidden sheet.
    """

    def __init__(self, wb: Workbook) -> None:
        self._wb = wb
        self._ranges: dict[tuple[str, ...], str] = {}

    def formula(self, labels: tuple[str, ...]) -> str:
        """Return the formula1 of a list validation offering `labels`."""
        literal = '"' + ",".join(labels) + '"'
        fits = len(literal) <= _MAX_INLINE_LIST
        if fits and not any("," in label or '"' in label for label in labels):
            return literal
        if labels not in self._ranges:
            self._ranges[labels] = self._write(labels)
        return self._ranges[labels]

    def _write(self, labels: tuple[str, ...]) -> str:
        ws = self._sheet()
        index = len(self._ranges) + 1
        for row, label in enumerate(labels, start=1):
            set_value(ws.cell(row=row, column=index), label)
        letter = get_column_letter(index)
        return f"'{LISTS_TITLE}'!${letter}$1:${letter}${len(labels)}"

    def _sheet(self) -> Worksheet:
        if LISTS_TITLE in self._wb.sheetnames:
            return self._wb[LISTS_TITLE]
        ws = self._wb.create_sheet(LISTS_TITLE)
        ws.sheet_state = "hidden"
        return ws


# --- filling values ---------------------------------------------------------------------------


def set_value(cell: Cell, value: object) -> Cell:
    """Store `value` in `cell` and return the cell; text is always stored as text.

    openpyxl turns a string starting with "=" into a formula and "#N/A" into an error value,
    so a string's data type is set back to text. Text starting with one of FORMULA_LEADS
    also gets Excel's quote prefix, so a clerk who edits the cell later keeps it text.
    """
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_LEADS):
            cell.quotePrefix = True
    return cell


def fill_table(ws: Worksheet, sheet: Sheet, rows: Sequence[Mapping[str, object]]) -> None:
    """Write records from row 2 in header order; each record maps field names to values.

    Fields a record leaves out, or gives as None, stay empty. Raises KeyError for a field the
    sheet does not have.
    """
    for row, record in enumerate(rows, start=FIRST_ROW):
        _check_fields(sheet, record)
        for index, column in enumerate(sheet.columns, start=1):
            _write(ws.cell(row=row, column=index), column, record.get(column.field))


def fill_form(ws: Worksheet, sheet: Sheet, values: Mapping[str, object]) -> None:
    """Write values into column B of a form sheet, on the row of each field."""
    _check_fields(sheet, values)
    for row, column in enumerate(sheet.columns, start=FIRST_ROW):
        if column.field in values:
            _write(ws.cell(row=row, column=2), column, values[column.field])


def fill_scores(ws: Worksheet, rows: Sequence[tuple[str, Mapping[str, float]]]) -> None:
    """Write (unit, {criterion code: points}) rows from row 2 of the score sheet.

    Points go under the header holding their code; a code without a column gets one.
    """
    unit = SCORES.column("unit")
    codes = _score_columns(ws)
    for row, (name, points) in enumerate(rows, start=FIRST_ROW):
        _write(ws.cell(row=row, column=1), unit, name)
        for code, value in points.items():
            if code not in codes:
                codes[code] = _add_score_column(ws, code)
            cell = set_value(ws.cell(row=row, column=codes[code]), value)
            cell.number_format = NUMBER_FORMATS[Kind.NUMBER]


def _score_columns(ws: Worksheet) -> dict[str, int]:
    """Return the score sheet's criterion codes mapped to their column index."""
    return {str(cell.value): cell.column for cell in ws[1][1:] if cell.value is not None}


def _check_fields(sheet: Sheet, values: Mapping[str, object]) -> None:
    unknown = set(values) - {column.field for column in sheet.columns}
    if unknown:
        raise KeyError(f"{sheet.key}: unknown fields {sorted(unknown)}")


def _write(cell: Cell, column: Column, value: object) -> None:
    """Write one value into a cell in the shape the sheet's readers expect."""
    set_value(cell, None if value is None else _cell_value(column, value))
    if column.kind in NUMBER_FORMATS:
        cell.number_format = NUMBER_FORMATS[column.kind]
    if column.kind in _WRAPPED:
        cell.alignment = _WRAP


def _cell_value(column: Column, value: object) -> object:
    """Return what to store for `value`: labels for choice codes, datetimes for dates."""
    if isinstance(value, (list, tuple)):
        return nfc("\n".join(str(item) for item in value))
    if isinstance(value, bool) and column.kind is Kind.CHOICE:
        return _label(column, "yes" if value else "no")
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        return _label(column, nfc(value)) if column.kind is Kind.CHOICE else nfc(value)
    return value


def _label(column: Column, value: str) -> str:
    """Return the label of a choice code; a value that is no code is returned unchanged."""
    for label, code in column.choices:
        if value == code:
            return label
    return value

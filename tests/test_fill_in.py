"""Fill-in markers ("[Bổ sung: …]") left in documents: an error for `docgen lint`, a warning
with `--ban-nhap` and in every build (summarised per document), and no finalize while a
current document (an edited and accepted copy as edited) still holds one."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import docx.document
import pytest
from docx.enum.text import WD_COLOR_INDEX
from pypdf import PdfWriter

from docgen import archive
from docgen.build import build
from docgen.check import DocumentUnreadable, count_fill_ins, lint
from docgen.check.engine import may_hold_fill_ins
from docgen.cli import main
from docgen.documents.shared.blocks import fill_in
from docgen.documents.shared.fillin import PATTERN
from docgen.errors import ArchiveError
from tests.conftest import SAMPLE

KINDS = ["bao-cao-thanh-tich"]
SOC_TRANG = "2021_cum-ix_bao-cao-thanh-tich-soc-trang.docx"
KIEN_GIANG = "2021_cum-ix_bao-cao-thanh-tich-kien-giang.docx"
COUNT = 9  # markers in each of the sample's achievement reports


@pytest.fixture
def built(tmp_path: Path) -> Path:
    return build(SAMPLE, tmp_path, only=KINDS).folder


def _fill(path: Path) -> None:
    """Write in every marker as the unit would: the words replace it, unhighlighted."""
    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if PATTERN.search(run.text):
                run.text = PATTERN.sub("Đã bổ sung", run.text)
                run.font.highlight_color = None
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())


def test_a_marker_is_an_error_naming_its_paragraph_and_a_warning_in_a_draft() -> None:
    document = docx.Document()
    document.add_paragraph("Chỉ có một đoạn.")
    fill_in(document, "quá trình thành lập", style="Normal", lead="Lịch sử: ")
    buffer = io.BytesIO()
    document.save(buffer)
    final = [f for f in lint(buffer.getvalue(), final=True) if f.rule_id == "text.fill-in"]
    assert [(f.severity, f.where, f.found) for f in final] == [
        ("error", "đoạn 2 («Lịch sử: [Bổ sung: quá…»)",
         "còn chỗ cần bổ sung «[Bổ sung: quá trình thành lập]»")]
    drafted = [f for f in lint(buffer.getvalue()) if f.rule_id == "text.fill-in"]
    assert [f.severity for f in drafted] == ["warning"]
    assert count_fill_ins(buffer.getvalue()) == 1
    run = document.paragraphs[-1].runs[-1]
    assert run.font.highlight_color == WD_COLOR_INDEX.YELLOW


def _saved(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_markers_are_counted_wherever_a_reader_sees_them() -> None:
    """`count_fill_ins` skips reading the paragraphs of a document holding no "[" at all;
    a marker in a page header, split over runs, or in a table is still counted, and text
    in brackets that is no marker is not."""
    document = docx.Document()
    document.add_paragraph("Điều 1 [đã sửa đổi] và điểm a) khoản 2.")
    assert count_fill_ins(_saved(document)) == 0
    document.sections[0].header.paragraphs[0].text = "[Bổ sung: số trang]"
    assert count_fill_ins(_saved(document)) == 1
    split = document.add_paragraph("Địa chỉ: ")
    for text in ("[Bổ ", "sung: số nhà", "]"):
        split.add_run(text)
    document.add_table(rows=1, cols=1).cell(0, 0).text = "[Bổ sung: điện thoại]"
    assert count_fill_ins(_saved(document)) == 3
    assert may_hold_fill_ins(_saved(document))
    blank = docx.Document()
    blank.add_paragraph("Không có chỗ cần bổ sung.")
    assert count_fill_ins(_saved(blank)) == 0
    assert not may_hold_fill_ins(_saved(blank))  # a build without the check skips it


def test_only_a_document_without_brackets_is_skipped_uncounted() -> None:
    """What `may_hold_fill_ins` skips cannot hold a marker: not one written as character
    references, nor one in a page footer."""
    document = docx.Document()
    document.sections[0].footer.paragraphs[0].text = "[Bổ sung: người ký]"
    assert may_hold_fill_ins(_saved(document))
    package = _saved(docx.Document())
    parts = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, \
            zipfile.ZipFile(parts, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", "<w:body><w:p><w:r><w:t>&#91;Bổ sung: "
                                    "tên&#93;</w:t></w:r></w:p>".encode(), 1)
            target.writestr(info, data)
    assert count_fill_ins(parts.getvalue()) == 1
    assert may_hold_fill_ins(parts.getvalue())
    assert may_hold_fill_ins(b"not a zip")  # the count says why it cannot be read


def test_a_damaged_document_is_refused_by_the_count_too() -> None:
    with pytest.raises(DocumentUnreadable):
        count_fill_ins(b"PK\x03\x04 not a package")
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as package:  # a zip, but no Word document in it
        package.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(DocumentUnreadable):
        count_fill_ins(data.getvalue())


def test_lint_command_fails_on_markers_unless_a_draft(
        built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "gui-di" / SOC_TRANG  # a copy taken out of the archive
    copy.parent.mkdir()
    copy.write_bytes((built / SOC_TRANG).read_bytes())
    path = str(copy)
    assert main(["lint", path]) == 1
    captured = capsys.readouterr()
    said = " ".join(captured.out.split())
    assert f"{COUNT} lỗi, 0 cảnh báo" in said
    assert "[lỗi] text.fill-in — Chỗ cần bổ sung: đoạn" in said
    assert "Lỗi: 1 tệp chưa đạt thể thức Nghị định 30/2020/NĐ-CP." in captured.err
    assert main(["lint", "--ban-nhap", path]) == 0
    assert f"0 lỗi, {COUNT} cảnh báo" in " ".join(capsys.readouterr().out.split())


def test_lint_reads_a_document_of_a_draft_set_as_a_draft(
        built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """In the archive, a set not yet finalized is a draft: its markers are warnings; once
    the set is finalized (here told to, with markers left) they are errors again."""
    path = str(built / SOC_TRANG)
    assert main(["lint", path]) == 0
    assert f"0 lỗi, {COUNT} cảnh báo" in " ".join(capsys.readouterr().out.split())
    archive.finalize(tmp_path, 2021, "cum-ix", fill_ins_left=True)
    assert main(["lint", path]) == 1
    assert f"{COUNT} lỗi, 0 cảnh báo" in " ".join(capsys.readouterr().out.split())


def test_build_warns_once_per_document_and_does_not_fail(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(SAMPLE), "--out", str(tmp_path), "--only", KINDS[0]]) == 0
    err = capsys.readouterr().err
    lines = [" ".join(line.split()) for line in err.split("Cảnh báo: ")
             if "cần bổ sung" in line]
    assert lines == [f"{name}: còn {COUNT} chỗ cần bổ sung (đánh dấu «[Bổ sung: …]»); điền "
                     "rồi xóa đánh dấu trước khi ký, chốt bộ văn bản."
                     for name in (SOC_TRANG, KIEN_GIANG)]
    assert "text.fill-in" not in err  # one line per document, not one per marker
    done = build(SAMPLE, tmp_path / "again", only=KINDS)
    assert done.fill_ins == {SOC_TRANG: COUNT, KIEN_GIANG: COUNT}
    assert done.warnings == []


def test_build_without_lint_still_counts_the_markers(tmp_path: Path) -> None:
    done = build(SAMPLE, tmp_path, only=KINDS, check_format=False)
    assert done.fill_ins == {SOC_TRANG: COUNT, KIEN_GIANG: COUNT}


def test_finalize_refuses_while_markers_remain(built: Path, tmp_path: Path) -> None:
    with pytest.raises(ArchiveError) as refused:
        archive.finalize(tmp_path, 2021, "cum-ix")
    assert str(refused.value) == (
        f"Không chốt được bộ văn bản năm 2021, cum-ix, lần 1 vì còn {2 * COUNT} chỗ cần bổ "
        "sung (đánh dấu «[Bổ sung: …]») trong 2 văn bản:\n"
        f"  - {SOC_TRANG}: {COUNT} chỗ\n"
        f"  - {KIEN_GIANG}: {COUNT} chỗ\n"
        "Mở từng văn bản, điền nội dung rồi xóa đánh dấu, ghi nhận bản đã sửa bằng: docgen "
        "archive accept 2021 cum-ix, rồi chốt lại. Văn bản đã có bản đã ký (docgen archive "
        "sign) không cần sửa. Nếu các chỗ này đã được bổ sung trên bản giấy gửi đi, chốt với "
        "--bo-qua-bo-sung.")
    assert archive.find_set(tmp_path, 2021, "cum-ix").status == "draft"


def test_edited_and_accepted_copies_count_as_edited(built: Path, tmp_path: Path) -> None:
    _fill(built / SOC_TRANG)
    with pytest.raises(ArchiveError, match="đã bị thay đổi"):  # not accepted yet
        archive.finalize(tmp_path, 2021, "cum-ix")
    archive.accept(tmp_path, 2021, "cum-ix", [SOC_TRANG])
    with pytest.raises(ArchiveError) as refused:
        archive.finalize(tmp_path, 2021, "cum-ix")
    assert f"  - {KIEN_GIANG}: {COUNT} chỗ\n" in str(refused.value)
    assert SOC_TRANG not in str(refused.value)
    _fill(built / KIEN_GIANG)
    archive.accept(tmp_path, 2021, "cum-ix", [KIEN_GIANG])
    assert archive.finalize(tmp_path, 2021, "cum-ix").status == "finalized"


def test_a_document_with_its_signed_paper_is_complete(built: Path, tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    scan = tmp_path / "da-ky.pdf"
    with scan.open("wb") as out:
        writer.write(out)
    archive.sign(tmp_path, 2021, "cum-ix", "bao-cao-thanh-tich-soc-trang", scan)
    with pytest.raises(ArchiveError) as refused:
        archive.finalize(tmp_path, 2021, "cum-ix")
    assert "vì còn 9 chỗ cần bổ sung (đánh dấu «[Bổ sung: …]») trong 1 văn bản" in \
        str(refused.value)
    assert SOC_TRANG not in str(refused.value)


def test_finalize_with_markers_left_when_told(
        built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["archive", "finalize", "2021", "cum-ix", "--out", str(tmp_path)]) == 1
    assert "vì còn 18 chỗ cần bổ sung" in " ".join(capsys.readouterr().err.split())
    assert main(["archive", "finalize", "2021", "cum-ix", "--bo-qua-bo-sung", "--out",
                 str(tmp_path)]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert (f"Cảnh báo: {SOC_TRANG} còn {COUNT} chỗ cần bổ sung «[Bổ sung: …]» (đã chốt theo "
            "--bo-qua-bo-sung).") in err
    assert archive.find_set(tmp_path, 2021, "cum-ix").status == "finalized"

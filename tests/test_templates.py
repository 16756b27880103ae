"""Templates a clerk can edit: checked before use, located errors, shipped ones as fallback."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx_helpers import all_text

from docgen.build import build
from docgen.build import check as check_workbook
from docgen.cli import main
from docgen.render import Template
from docgen.templates import SHIPPED, check_templates, list_templates
from tests.conftest import SAMPLE


def _edit(name: str, folder: Path, change: Callable[[docx.document.Document], None]) -> Path:
    """Copy a shipped template into `folder`, change it with python-docx, save it."""
    folder.mkdir(exist_ok=True)
    document = docx.Document(str(SHIPPED / name))
    change(document)
    target = folder / name
    document.save(str(target))
    return target


def _paragraph(document: docx.document.Document, text: str) -> docx.text.paragraph.Paragraph:
    return next(p for p in document.paragraphs if text in p.text)


def _replace(text: str, new: str) -> Callable[[docx.document.Document], None]:
    def change(document: docx.document.Document) -> None:
        paragraph = _paragraph(document, text)
        paragraph.runs[0].text = paragraph.runs[0].text.replace(text, new)

    return change


def _split(text: str, at: int) -> Callable[[docx.document.Document], None]:
    def change(document: docx.document.Document) -> None:
        paragraph = _paragraph(document, text)
        run = paragraph.runs[0]
        run.text = text[:at]
        paragraph.add_run(text[at:])

    return change


def test_shipped_templates_are_sound() -> None:
    checked = check_workbook(SAMPLE)
    assert check_templates(None, checked.book, checked.outcome) == []
    for template in sorted(SHIPPED.glob("*.docx")):
        assert Template.load(template).problems() == [], template.name


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_replace("{{ attachments_line }}", "{{ attachment_line }}"),
         "Mẫu 'to-trinh.docx', đoạn {n} («{{ attachment_line }}»): biến «attachment_line» "
         "không có trong dữ liệu của văn bản này (có phải: attachments_line"),
        (_replace("{%p for item in proposals %}", "{%p for item in proposals %}{{ item }}"),
         None),
        (_split("{{ attachments_line }}", 9),
         "Mẫu 'to-trinh.docx', đoạn {n} («{{ attachments_line }}»): thẻ «{{ attachments_line "
         "}}» bị Word tách thành 2 đoạn định dạng; hãy xóa rồi gõ lại cả thẻ một lần"),
    ],
    ids=["misspelt variable", "extra tag is fine", "tag split across runs"],
)
def test_user_template_problem_is_located(tmp_path: Path, change: Callable[..., None],
                                          message: str | None) -> None:
    path = _edit("to-trinh.docx", tmp_path / "mau", change)
    checked = check_workbook(SAMPLE)
    problems = check_templates(path.parent, checked.book, checked.outcome)
    if message is None:
        assert problems == []
        return
    assert len(problems) == 1
    number = 1 + next(i for i, p in enumerate(docx.Document(str(path)).paragraphs)
                      if "attachment" in p.text)
    assert problems[0].startswith(message.replace("{n}", str(number)))


def test_broken_for_is_located_at_its_opening(tmp_path: Path) -> None:
    def drop_endfor(document: docx.document.Document) -> None:
        ends = [p for p in document.paragraphs if p.text == "{%p endfor %}"]
        ends[-1]._p.getparent().remove(ends[-1]._p)

    path = _edit("to-trinh.docx", tmp_path / "mau", drop_endfor)
    problems = Template.load(path).problems()
    assert len(problems) == 1
    assert "mở một khối nhưng thiếu thẻ đóng «{% endfor %}»" in problems[0]
    assert problems[0].startswith("Mẫu 'to-trinh.docx', đoạn ")


def test_three_mistakes_give_three_located_messages(tmp_path: Path) -> None:
    def mistakes(document: docx.document.Document) -> None:
        _replace("{{ superior_head }}", "{{ superior_hed }}")(document)
        _split("{{ attachments_line }}", 5)(document)
        ends = [p for p in document.paragraphs if p.text == "{%p endfor %}"]
        ends[-1]._p.getparent().remove(ends[-1]._p)

    path = _edit("to-trinh.docx", tmp_path / "mau", mistakes)
    names = set(docx_context_names())
    problems = Template.load(path).problems(names)
    assert len(problems) == 3
    assert sum("bị Word tách" in p for p in problems) == 1
    assert sum("thiếu thẻ đóng «{% endfor %}»" in p for p in problems) == 1
    assert sum("biến «superior_hed» không có" in p for p in problems) == 1
    assert all(p.startswith("Mẫu 'to-trinh.docx', đoạn ") for p in problems)


def docx_context_names() -> list[str]:
    checked = check_workbook(SAMPLE)
    from docgen.documents import KINDS

    return list(KINDS["to-trinh"].renditions(checked.book, checked.outcome)[0].context)


def test_build_uses_the_users_wording_and_falls_back(tmp_path: Path) -> None:
    _edit("to-trinh.docx", tmp_path / "mau",
          _replace("xem xét, quyết định./.", "xem xét, quyết định tặng thưởng./."))
    folder = build(SAMPLE, tmp_path / "out", only=["to-trinh", "danh-sach"],
                   user_templates=tmp_path / "mau").folder
    proposal = all_text(docx.Document(str(folder / "2021_cum-ix_to-trinh.docx")))
    assert "Kính trình Tổng Thanh tra Chính phủ xem xét, quyết định tặng thưởng./." in proposal
    listing = docx.Document(str(folder / "2021_cum-ix_danh-sach.docx"))
    assert "DANH SÁCH" in all_text(listing)
    infos = {i.kind.code: i for i in list_templates(tmp_path / "mau")}
    assert infos["to-trinh"].user and not infos["danh-sach"].user


def test_broken_user_template_stops_the_build(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    _edit("to-trinh.docx", tmp_path / "mau", _split("{{ attachments_line }}", 4))
    out = tmp_path / "out"
    assert main(["build", str(SAMPLE), "--out", str(out), "--templates",
                 str(tmp_path / "mau")]) == 1
    err = capsys.readouterr().err
    assert f"Lỗi: Mẫu riêng '{tmp_path / 'mau' / 'to-trinh.docx'}' có 1 lỗi" in err
    assert "bị Word tách thành 2 đoạn định dạng" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_templates_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "check"]) == 0
    assert "Mọi mẫu đều dùng được" in capsys.readouterr().out
    assert main(["templates", "list"]) == 0
    text = capsys.readouterr().out
    assert "to-trinh: Tờ trình đề nghị khen thưởng" in text
    assert "Các biến: " in text and "attachments_line" in text
    _edit("to-trinh.docx", tmp_path / "mau", _replace("{{ attachments_line }}", "{{ x }}"))
    assert main(["templates", "check", str(tmp_path / "mau")]) == 1
    captured = capsys.readouterr()
    assert "biến «x» không có trong dữ liệu" in captured.out
    assert "Lỗi: Các mẫu có 1 lỗi." in captured.err


def test_template_from_bytes_in_memory() -> None:
    data = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("{{ a } }")
    document.save(data)
    path_free = Template("t.docx", data.getvalue())
    assert path_free.problems() == [
        "Mẫu 't.docx', đoạn 1 («{{ a } }»): thẻ mở «{{ a } }» chưa được đóng (thiếu «}}» "
        "hoặc «%}»)."]

"""A second cluster unlike the sample: eight members, collectives at 8/8, 7/8, 6/8 and 4/8 and
an individual at 8/8. Collectives and individuals have their own places, and "từ 50% trở
lên" and "trên 50%" decide the unit at exactly half differently, in every paper that says so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

from docgen import build
from docgen.cli import main
from tests.ballot_edits import add_nominee, collective, individual
from tests.conftest import set_award, set_cell, set_form
from tests.docx_helpers import paragraph_texts

MERIT = "Bằng khen của Tổng Thanh tra Chính phủ"
BEN_TRE = "Thanh tra tỉnh Bến Tre"
LAN = "Trần Thị Lan, Chánh Văn phòng, Thanh tra tỉnh Sóc Trăng"


def _eight_members(book: Any) -> None:
    members = book["Thành viên"]
    members.append([BEN_TRE, "Bến Tre", "Bến Tre", "UBND TỈNH BẾN TRE", None, None, None,
                    "Lê Văn Tâm", "Chánh Thanh tra tỉnh", "Thành viên", "Thành viên"])
    book["Chấm điểm"].append([BEN_TRE, 25, 20, 15, 8, 8, 4])
    book["Dự họp"].append(["Có mặt", BEN_TRE, "Lê Văn Tâm", "Chánh Thanh tra tỉnh"])
    for label in ("Số phiếu phát ra", "Số phiếu thu về", "Số phiếu hợp lệ"):
        set_form(book, "Hội nghị", label, 8)
    set_cell(book, "Bình xét", "Số phiếu đồng ý", 1, 8)  # Sóc Trăng, Cờ thi đua
    set_cell(book, "Bình xét", "Tổng số người bỏ phiếu", 1, 8)
    set_cell(book, "Bình xét", "Tổng số người bỏ phiếu", 2, 8)  # Kiên Giang, 7/8
    add_nominee(book, 3, {**collective("Thanh tra tỉnh Cà Mau", "Bằng khen", 6),
                          "Tổng số người bỏ phiếu": 8})
    add_nominee(book, 4, {**collective(BEN_TRE, "Bằng khen", 4), "Tổng số người bỏ phiếu": 8})
    add_nominee(book, 5, {**individual("Trần Thị Lan", "Chánh Văn phòng",
                                       "Thanh tra tỉnh Sóc Trăng", 8),
                          "Tổng số người bỏ phiếu": 8})


def _rule(label: str) -> Callable[[Any], None]:
    return lambda book: set_award(book, "Bằng khen", "Cách tính tỷ lệ", label)


def _papers(workbook: Path, out: Path) -> dict[str, list[str]]:
    built = build.build(workbook, out)
    return {p.stem.removeprefix("2021_cum-ix_"): paragraph_texts(docx.Document(str(p)))
            for p in built.paths}


def _cells(lines: list[str], document: Any) -> list[str]:
    return lines + [cell.text for table in document.tables for row in table.rows
                    for cell in row.cells]


@pytest.fixture
def eight(edited: Callable[..., Path]) -> Callable[..., Path]:
    return lambda *edits: edited(_eight_members, *edits)


def test_at_least_half_the_unit_at_half_is_over_the_collectives_quota(
        eight: Callable[..., Path], tmp_path: Path) -> None:
    papers = _papers(eight(_rule("Từ … % trở lên")), tmp_path)
    proposed = [f"- Tặng {MERIT} cho Thanh tra tỉnh Kiên Giang (7/8 phiếu đồng ý, đạt 87,5%);",
                f"- Tặng {MERIT} cho Thanh tra tỉnh Cà Mau (6/8 phiếu đồng ý, đạt 75%);",
                f"- Tặng {MERIT} cho {LAN} (8/8 phiếu đồng ý, đạt 100%)."]
    refused = (f"{BEN_TRE} được 4/8 phiếu đồng ý, đạt 50%, đủ tỷ lệ nhưng vượt số lượng được "
               f"đề nghị tặng {MERIT} (tối đa 02 (hai) tập thể), nên Hội nghị không đề nghị.")
    for kind in ("bien-ban", "bao-cao-tong-ket"):
        for line in [*proposed, refused]:
            assert line in papers[kind], (kind, line)
    proposal = papers["to-trinh"]
    assert "2. Bằng khen của Tổng Thanh tra Chính phủ cho 02 (hai) tập thể và 01 (một) cá " \
           "nhân:" in proposal
    assert any(line.startswith("- Thanh tra tỉnh Cà Mau: đạt 95 điểm") for line in proposal)
    assert not any(BEN_TRE in line for line in proposal)
    achievements = sorted(k for k in papers if k.startswith("bao-cao-thanh-tich"))
    assert achievements == ["bao-cao-thanh-tich-ca-mau",
                            "bao-cao-thanh-tich-ca-nhan-soc-trang-tran-thi-lan",
                            "bao-cao-thanh-tich-kien-giang", "bao-cao-thanh-tich-soc-trang"]


def test_more_than_half_the_unit_at_half_is_under_the_threshold(
        eight: Callable[..., Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    workbook = eight(_rule("Trên … %"))
    papers = _papers(workbook, tmp_path)
    refused = (f"{BEN_TRE} được 4/8 phiếu đồng ý, đạt 50%, chưa đạt tỷ lệ trên 50% để đề "
               f"nghị tặng {MERIT}, nên Hội nghị không đề nghị.")
    assert refused in papers["bien-ban"] and refused in papers["bao-cao-tong-ket"]
    plan = papers["ke-hoach"]
    assert any("đạt trên 50% số phiếu đồng ý trên tổng số người bỏ phiếu" in x for x in plan)
    assert main(["check", str(workbook)]) == 0
    printed = capsys.readouterr().out  # the same verdicts: one refusal, nobody over quota
    assert printed.count("Chưa đạt tỷ lệ") == 1 and "Vượt số lượng" not in printed


def test_equal_shares_are_parted_by_score_rank_and_the_minutes_say_so(
        eight: Callable[..., Path], tmp_path: Path) -> None:
    def tie(book: Any) -> None:  # Cà Mau 7/8 like Kiên Giang, one collective place only
        set_cell(book, "Bình xét", "Số phiếu đồng ý", 3, 7)
        set_award(book, "Bằng khen", "Số tập thể tối đa", 1)

    papers = _papers(eight(tie), tmp_path)
    assert (f"Thanh tra tỉnh Cà Mau được 7/8 phiếu đồng ý, đạt 87,5%, đủ tỷ lệ nhưng vượt số "
            f"lượng được đề nghị tặng {MERIT} (tối đa 01 (một) tập thể); bằng tỷ lệ phiếu với "
            "Thanh tra tỉnh Kiên Giang nhưng xếp hạng chấm điểm thấp hơn, nên Hội nghị không "
            "đề nghị.") in papers["bien-ban"]

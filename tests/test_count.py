"""The count minutes (biên bản kiểm phiếu) read against the minutes (biên bản họp bình xét),
both built and opened as a reader would: the same ballots, the same votes and shares for each
nominee under each award, the same who-reached-the-threshold, the same election counts and
the same counting board, on the sample and on the two test clusters (Khánh Hòa: individuals,
non-unanimous votes, an absent member's written opinion; Cần Thơ: an invalid ballot with its
reason, no attendance sheet). The board signs; where the workbook names no board, markers."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from docgen import build
from docgen.build import TEMPLATES_DIR
from docgen.check import lint
from docgen.documents.count import context as count_context
from docgen.documents.shared.fillin import PATTERN
from docgen.intake import read_workbook
from docgen.model import Workbook
from docgen.render import Template
from docgen.rules import outcome
from tests.conftest import SAMPLE
from tests.other_clusters import (
    CT_INVALID,
    CULTURE,
    EDUCATION,
    FINANCE,
    HA_LINE,
    INDUSTRY,
    JUSTICE,
    KH_FLAG,
    SCIENCE,
    departments,
    wards,
)

COUNT, MINUTES = "bien-ban-kiem-phieu", "bien-ban"
TITLE = "BIÊN BẢN KIỂM PHIẾU"
MINUTES_HEADER = ("STT", "Đơn vị, cá nhân được đề nghị", "Hình thức đề nghị", "Số phiếu đồng ý")
COUNT_HEADER = ["STT", "Tập thể/cá nhân", "Số phiếu đồng ý", "Tỷ lệ (%)"]
AWARD_HEADING = re.compile(r"^2\.\d+\. (.+)$")


def _sample(path: Path) -> Path:
    return SAMPLE


@dataclass(frozen=True)
class Pair:
    """A cluster's minutes and count minutes, built from its workbook, and the files."""

    name: str
    minutes: Any
    count: Any
    count_path: Path


CLUSTERS: dict[str, Callable[[Path], Path]] = {
    "cum-ix": _sample, "khanh-hoa": departments, "can-tho": wards}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Pair]:
    """Each cluster's two papers, built once (only these two kinds)."""
    pairs = {}
    for name, write in CLUSTERS.items():
        folder = tmp_path_factory.mktemp(name)
        result = build.build(write(folder / f"{name}.xlsx"), folder / "out",
                             only=[MINUTES, COUNT])
        paths = {p.stem.rsplit("_", 1)[-1]: p for p in result.paths}
        pairs[name] = Pair(name, docx.Document(str(paths[MINUTES])),
                           docx.Document(str(paths[COUNT])), paths[COUNT])
    return pairs


@pytest.fixture(params=list(CLUSTERS), ids=str)
def pair(request: pytest.FixtureRequest, built: dict[str, Pair]) -> Pair:
    return built[request.param]


# --- reading ---------------------------------------------------------------------------------


def blocks(document: Any) -> list[Paragraph | Table]:
    """The body's paragraphs and tables, in reading order."""
    out: list[Paragraph | Table] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document))
        elif tag == "tbl":
            out.append(Table(child, document))
    return out


def texts(document: Any) -> list[str]:
    """The non-empty paragraphs outside tables."""
    return [p.text for p in document.paragraphs if p.text.strip()]


def rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def after(document: Any, lead: str) -> list[str]:
    """The paragraphs following the one that reads `lead`, up to the next heading-like
    paragraph (one not starting with '- ')."""
    lines = texts(document)
    start = lines.index(lead) + 1
    out = []
    for line in lines[start:]:
        if not line.startswith("- "):
            break
        out.append(line)
    return out


def minutes_ballots(minutes: Any) -> list[tuple[str, str, str, str, str]]:
    """The minutes' ballot table: (nominee, award, votes for, base, share)."""
    for table in minutes.tables:
        found = rows(table)
        if tuple(found[0][:4]) == MINUTES_HEADER:
            return [(r[1], r[2], r[3], r[4], r[5]) for r in found[1:]]
    raise AssertionError("the minutes have no ballot table")


def count_ballots(count: Any) -> list[tuple[str, str, str, str, str]]:
    """The count minutes' tables read under their award headings and base lines: (nominee,
    award, votes for, base, share), numbered 1… within each award."""
    out = []
    award = base = ""
    for block in blocks(count):
        if isinstance(block, Paragraph):
            heading = AWARD_HEADING.match(block.text)
            if heading:
                award = heading.group(1)
            based = re.match(r"^Số phiếu tính tỷ lệ: (\d+)\. Kết quả:$", block.text)
            if based:
                base = based.group(1)
        elif rows(block)[0] == COUNT_HEADER:
            body = rows(block)[1:]
            assert [r[0] for r in body] == [str(i) for i in range(1, len(body) + 1)]
            out += [(r[1], award, r[2], base, r[3]) for r in body]
    return out


def ballot_numbers(sentence: str) -> dict[str, str]:
    """'số phiếu phát ra 7, …' -> {'phát ra': '7', …}, and the reasons when given."""
    found = dict(re.findall(r"số phiếu (phát ra|thu về|hợp lệ|không hợp lệ) (\d+)", sentence))
    reasons = re.search(r"\(lý do: (.+)\)\.$", sentence)
    return found | ({"lý do": reasons.group(1)} if reasons else {})


def count_ballot_numbers(count: Any) -> dict[str, str]:
    out = {}
    for line in texts(count):
        m = re.match(r"^- Số phiếu (phát ra|thu về|hợp lệ|không hợp lệ): (\d+)(?: \(lý do: "
                     r"(.+)\))?[;.]$", line)
        if m:
            out[m.group(1)] = m.group(2)
            if m.group(3):
                out["lý do"] = m.group(3)
    return out


# --- the figures are the minutes' ------------------------------------------------------------


def test_every_nominee_has_the_minutes_votes_base_and_share(pair: Pair) -> None:
    minutes = minutes_ballots(pair.minutes)
    count = count_ballots(pair.count)
    assert sorted(count) == sorted(minutes)
    assert len(count) == len(minutes) > 0


def test_awards_come_highest_first_each_once(pair: Pair) -> None:
    headings = [m.group(1) for line in texts(pair.count) if (m := AWARD_HEADING.match(line))]
    awards_in_minutes = list(dict.fromkeys(award for _, award, *_ in minutes_ballots(
        pair.minutes)))
    rules = [line.removeprefix("- ").split(":")[0] for line in after(pair.minutes,
                                                                      "Tiêu chuẩn bình xét:")]
    assert headings == [award for award in rules if award in awards_in_minutes]


def test_ballots_are_the_minutes_ballots(pair: Pair) -> None:
    sentence = next(line for line in texts(pair.minutes)
                    if line.startswith("Hội nghị tiến hành bình xét, suy tôn bằng phiếu kín"))
    assert count_ballot_numbers(pair.count) == ballot_numbers(sentence)
    assert set(ballot_numbers(sentence)) >= {"phát ra", "thu về", "hợp lệ", "không hợp lệ"}


def test_an_invalid_ballot_is_counted_with_its_reason(built: dict[str, Pair]) -> None:
    count = count_ballot_numbers(built["can-tho"].count)
    assert count == {"phát ra": "10", "thu về": "10", "hợp lệ": "9", "không hợp lệ": "1",
                     "lý do": CT_INVALID}


def _reached(pair: Pair) -> list[str]:
    """The nominees the count minutes list as reaching their award's threshold."""
    return [m.group(1) for line in texts(pair.count)
            if (m := re.match(r"^- (.+): \d+ phiếu đồng ý, đạt [\d,]+%[;.]$", line))]


def test_who_reached_the_threshold_is_who_the_minutes_do_not_refuse_for_it(pair: Pair) -> None:
    """A nominee below the threshold is one the minutes say 'chưa đạt tỷ lệ' of; every other
    nominee (proposed, or beyond the places) reached it."""
    below = [line.split(" được ")[0] for line in texts(pair.minutes) if "chưa đạt tỷ lệ" in line]
    everyone = [nominee for nominee, *_ in minutes_ballots(pair.minutes)]
    assert sorted(_reached(pair)) == sorted(n for n in everyone if n not in below)


def test_reached_lines_carry_the_table_figures(pair: Pair) -> None:
    figures = {n: (votes, share) for n, _, votes, _, share in count_ballots(pair.count)}
    for line in texts(pair.count):
        m = re.match(r"^- (.+): (\d+) phiếu đồng ý, đạt ([\d,]+%)[;.]$", line)
        if m:
            assert figures[m.group(1)] == (m.group(2), m.group(3))


def test_khanh_hoa_reads_its_non_unanimous_shares_on_all_voters(built: dict[str, Pair]) -> None:
    ballots = count_ballots(built["khanh-hoa"].count)
    assert (FINANCE, KH_FLAG, "11", "12", "91,7%") in ballots
    assert (JUSTICE, KH_FLAG, "11", "12", "91,7%") in ballots
    assert any(row[0] == HA_LINE for row in ballots)  # individuals are counted too
    written = f"Ý kiến bằng văn bản của {CULTURE} (vắng mặt) được tính vào tổng số người bỏ phiếu."
    assert written in texts(built["khanh-hoa"].count)
    assert "Tập thể đạt tỷ lệ phiếu đồng ý từ 80% trở lên:" in texts(built["khanh-hoa"].count)


def test_election_counts_are_the_minutes(pair: Pair) -> None:
    minutes = [line for line in texts(pair.minutes) if re.match(r"^- .+ làm .+, được \d", line)]
    count = [line for line in texts(pair.count) if re.match(r"^- .+ làm .+, được \d", line)]
    assert count == minutes


def test_an_election_without_counts_is_left_out(built: dict[str, Pair]) -> None:
    """Cần Thơ's workbook gives no election counts: the minutes ask for them, the count
    minutes leave the part out rather than print a marker for what the board did not count."""
    count = texts(built["can-tho"].count)
    assert not any(line.startswith("3. Kết quả bầu") for line in count)


def test_time_form_and_place_are_the_minutes(pair: Pair) -> None:
    minutes, count = texts(pair.minutes), texts(pair.count)
    for label in ("Hình thức: ", "Địa điểm: "):
        assert [x for x in count if x.startswith(label)] == [
            x for x in minutes if x.startswith(label)]
    date = re.search(r"ngày \d\d tháng \d\d năm \d{4}", next(
        x for x in minutes if x.startswith("Thời gian bắt đầu:")))
    assert date is not None
    assert any(x.startswith(f"Thời gian: {date.group(0)}, tại Hội nghị") for x in count)


# --- the board and its signatures ------------------------------------------------------------


def test_board_is_the_minutes_board(pair: Pair) -> None:
    lead = "Hội nghị bầu Ban kiểm phiếu gồm:"
    if lead not in texts(pair.minutes):
        pytest.skip("no board named in this workbook")
    assert after(pair.count, "Ban kiểm phiếu do Hội nghị bầu gồm:") == after(pair.minutes, lead)


def _signatures(count: Any) -> list[list[str]]:
    """The signature table's cells, each as its non-empty lines (left, right per row)."""
    table = count.tables[-1]
    return [[" / ".join(p.text for p in cell.paragraphs if p.text) for cell in row.cells]
            for row in table.rows]


def test_khanh_hoa_board_signs_head_right_members_left(built: dict[str, Pair]) -> None:
    names = {unit: person for unit, person in (
        (INDUSTRY, "Phạm Minh Trí"), (SCIENCE, "Huỳnh Ngọc Lan"), (EDUCATION, "Bùi Đức Hạnh"))}
    board = after(built["khanh-hoa"].count, "Ban kiểm phiếu do Hội nghị bầu gồm:")
    assert board == [f"- Trưởng ban: đồng chí {names[INDUSTRY]}, Giám đốc {INDUSTRY};",
                     f"- Thành viên: đồng chí {names[SCIENCE]}, Giám đốc {SCIENCE};",
                     f"- Thành viên: đồng chí {names[EDUCATION]}, Giám đốc {EDUCATION}."]
    assert _signatures(built["khanh-hoa"].count) == [
        [f"CÁC THÀNH VIÊN / {names[SCIENCE]}", f"TRƯỞNG BAN KIỂM PHIẾU / {names[INDUSTRY]}"],
        [names[EDUCATION], ""],
    ]


def test_sample_board_signs_with_the_names_it_lists(built: dict[str, Pair]) -> None:
    count = built["cum-ix"].count
    board = after(count, "Ban kiểm phiếu do Hội nghị bầu gồm:")
    names = [x.split("đồng chí ", 1)[1].split(",")[0] for x in board]
    cells = _signatures(count)
    assert cells[0][1] == f"TRƯỞNG BAN KIỂM PHIẾU / {names[0]}"
    assert cells[0][0] == f"CÁC THÀNH VIÊN / {names[1]}"
    assert [row[0] for row in cells[1:]] == names[2:]


def test_without_an_attendance_sheet_the_board_is_asked_for(built: dict[str, Pair]) -> None:
    count = built["can-tho"].count
    board = [x for x in texts(count) if x.startswith("Ban kiểm phiếu: ")]
    assert len(board) == 1 and PATTERN.search(board[0])
    cells = _signatures(count)
    assert len(cells) == 1
    assert cells[0][0].startswith("CÁC THÀNH VIÊN / [Bổ sung: họ và tên")
    assert cells[0][1].startswith("TRƯỞNG BAN KIỂM PHIẾU / [Bổ sung: họ và tên")
    markers = [m for x in [*texts(count), *(c for row in cells for c in row)]
               for m in PATTERN.findall(x)]
    assert len(markers) == 3


# --- the paper's frame -----------------------------------------------------------------------


def test_title_subject_and_no_number_date_or_recipients(pair: Pair) -> None:
    count = pair.count
    lines = texts(count)
    title = lines.index(TITLE)
    assert lines[title + 1].startswith(
        "Bình xét, suy tôn danh hiệu thi đua, hình thức khen thưởng năm ")
    cluster = re.search(r"năm \d{4} của (.+)$", lines[title + 1])
    minutes_subject = next(x for x in texts(pair.minutes) if x.startswith("Họp bình xét"))
    assert cluster is not None and minutes_subject.endswith(f"của {cluster.group(1)}")
    header = count.tables[0]
    assert header.cell(1, 0).text == "" and header.cell(1, 1).text == ""
    assert not any(x.startswith("Số:") or x.startswith("Nơi nhận") for x in lines)
    assert lines[-1].endswith("nhất trí ký tên./.")
    assert count.sections[0].page_width is not None
    assert round(count.sections[0].page_width.mm) == 210


def test_lint_passes(pair: Pair) -> None:
    errors = [f for f in lint(pair.count_path) if f.severity == "error"
              and f.rule_id != "text.fill-in"]
    assert errors == []


def test_sample_has_no_marker(built: dict[str, Pair]) -> None:
    assert [f for f in lint(built["cum-ix"].count_path)] == []


# --- markers where the workbook is silent ----------------------------------------------------


@pytest.fixture(scope="module")
def template() -> Template:
    return Template.load(TEMPLATES_DIR / f"{COUNT}.docx")


def render(book: Workbook, template: Template) -> Any:
    data = template.render(count_context.context(book, outcome(book)))
    return docx.Document(io.BytesIO(data))


def test_invalid_ballots_without_a_reason_ask_for_it(template: Template) -> None:
    book = read_workbook(SAMPLE)
    conf = book.conference.model_copy(update={"ballots_valid": book.conference.ballots_returned - 1,
                                              "invalid_reasons": None})
    count = render(book.model_copy(update={"conference": conf}), template)
    line = next(x for x in texts(count) if x.startswith("- Số phiếu không hợp lệ:"))
    assert line == "- Số phiếu không hợp lệ: 1 (lý do: [Bổ sung: lý do các phiếu không hợp lệ])."


def test_no_nominee_says_so(template: Template) -> None:
    book = read_workbook(SAMPLE)
    count = render(book.model_copy(update={"votes": []}), template)
    lines = texts(count)
    assert "Không có tập thể, cá nhân nào được đưa ra bỏ phiếu bình xét, suy tôn." in lines
    assert not any(AWARD_HEADING.match(x) for x in lines)
    assert [rows(t)[0] for t in count.tables if rows(t)[0] == COUNT_HEADER] == []

"""The conference's own papers agree with the minutes, the report and the proposal (issue 15).

Read as the clerk reads them, from the built .docx files: the ballots list exactly the
nominees the minutes count; the count minutes print the minutes' figures; the invitation's
day, time, form and place are the minutes'; the score sheets and the report's appendix give
every member the total and rank the report and the proposal give; the conclusions propose
what the minutes propose. On the sample and on the Khánh Hòa Khối (individuals, votes short
of unanimous, a member absent with a written opinion, three awards).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from docgen.build import build
from docgen.intake import read_workbook
from docgen.model import Workbook
from tests.conftest import SAMPLE
from tests.other_clusters import departments

Papers = dict[str, Path]


def _papers(workbook: Path, out: Path) -> Papers:
    built = build(workbook, out)
    return {re.sub(r"^\d{4}_cum-[a-z]+_", "", p.stem): p for p in built.paths}


@pytest.fixture(scope="module", params=["sample", "khanh-hoa"])
def cluster(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> tuple[Workbook, Papers]:
    folder = tmp_path_factory.mktemp(request.param)
    workbook = SAMPLE if request.param == "sample" else departments(folder / "kh.xlsx")
    return read_workbook(workbook), _papers(workbook, folder / "reports")


def _body(path: Path) -> Iterator[Paragraph | Table]:
    """The document's paragraphs and tables in reading order (tables not entered)."""
    yield from docx.Document(str(path)).iter_inner_content()


def _lines(path: Path) -> list[str]:
    return [b.text.strip() for b in _body(path) if isinstance(b, Paragraph) and b.text.strip()]


def _rows(table: Table) -> list[list[str]]:
    return [[cell.text.strip() for cell in row.cells] for row in table.rows]


def _line(path: Path, start: str) -> str:
    return next(line for line in _lines(path) if line.startswith(start))


# --------------------------------------------------------------------------- the votes


def _minutes_votes(path: Path) -> list[tuple[str, str, str, str]]:
    """(award, nominee, votes for, share) of each row of the minutes' vote table."""
    for block in _body(path):
        if isinstance(block, Table) and _rows(block)[0][:3] == [
                "STT", "Đơn vị, cá nhân được đề nghị", "Hình thức đề nghị"]:
            return [(r[2], r[1], r[3], r[5]) for r in _rows(block)[1:]]
    raise AssertionError("the minutes have no vote table")


def _ballots(path: Path) -> list[tuple[str, list[str]]]:
    """(award, nominees) of every ballot printed, in print order."""
    ballots: list[tuple[str, list[str]]] = []
    for block in _body(path):
        if isinstance(block, Paragraph) and block.text.startswith("Suy tôn "):
            award = re.sub(r" năm \d{4}$", "", block.text.removeprefix("Suy tôn ").strip())
            ballots.append((award, []))
        elif isinstance(block, Table) and ballots and _rows(block)[0][0] == "STT":
            ballots[-1][1].extend(r[1] for r in _rows(block)[1:])
    return ballots


def test_every_ballot_lists_exactly_the_nominees_the_minutes_count(
        cluster: tuple[Workbook, Papers]) -> None:
    book, papers = cluster
    counted: dict[str, list[str]] = {}
    for award, name, _, _ in _minutes_votes(papers["bien-ban"]):
        counted.setdefault(award, []).append(name)
    ballots = _ballots(papers["phieu-bau"])
    assert {award for award, _ in ballots} == set(counted)
    for award, names in ballots:
        assert names == counted[award], award
    # as many copies of each award's ballot as the council has voters
    voters = {book.award_form(v.award).full_name: v.voters for v in book.votes}
    for award in counted:
        assert sum(1 for a, _ in ballots if a == award) == voters[award]


def _count_votes(path: Path) -> list[tuple[str, str, str, str]]:
    """(award, nominee, votes for, share) of each row of the count minutes' tables."""
    award = ""
    found: list[tuple[str, str, str, str]] = []
    for block in _body(path):
        if isinstance(block, Paragraph):
            heading = re.match(r"^\d+\.\d+\. (.+)$", block.text.strip())
            if heading:
                award = heading.group(1)
        elif _rows(block)[0][:2] == ["STT", "Tập thể/cá nhân"]:
            found += [(award, r[1], r[2], r[3]) for r in _rows(block)[1:]]
    return found


def _numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


def test_the_count_minutes_print_the_minutes_figures(cluster: tuple[Workbook, Papers]) -> None:
    book, papers = cluster
    minutes, count = papers["bien-ban"], papers["bien-ban-kiem-phieu"]
    assert sorted(_count_votes(count)) == sorted(_minutes_votes(minutes))
    ballots = _line(minutes, "Hội nghị tiến hành bình xét, suy tôn bằng phiếu kín")
    conf = book.conference
    expected = [conf.ballots_issued, conf.ballots_returned, conf.ballots_valid,
                conf.ballots_returned - conf.ballots_valid]
    assert _numbers(ballots.split(":", 1)[1]) == expected
    printed = [_numbers(_line(count, f"- Số phiếu {what}:"))[0]
               for what in ("phát ra", "thu về", "hợp lệ", "không hợp lệ")]
    assert printed == expected
    elected = [line for line in _lines(minutes) if re.match(r"^- .+ làm (Cụm|Trưởng Khối|Phó)",
                                                              line)]
    for line in elected:
        assert line in _lines(count)


# --------------------------------------------------------------------------- the meeting


def test_the_invitation_names_the_minutes_day_time_form_and_place(
        cluster: tuple[Workbook, Papers]) -> None:
    _, papers = cluster
    minutes, invitation = papers["bien-ban"], papers["giay-moi"]
    started = _line(minutes, "Thời gian bắt đầu: ").removeprefix("Thời gian bắt đầu: ")
    when = _line(invitation, "Thời gian: ").removeprefix("Thời gian: ")
    assert when.startswith(started.rstrip("."))  # then the weekday: "(thứ Hai)."
    for label in ("Hình thức:", "Địa điểm:"):
        assert _line(invitation, label) == _line(minutes, label)
    for line in (_line(minutes, "Hình thức:"), _line(minutes, "Địa điểm:")):
        assert line in _lines(papers["bien-ban-kiem-phieu"])


def test_the_conclusions_propose_what_the_minutes_propose(
        cluster: tuple[Workbook, Papers]) -> None:
    _, papers = cluster
    pattern = re.compile(r"[Tt]ặng (.+?) cho (.+?) \((\d+/\d+) phiếu đồng ý, đạt ([\d,]+%)\)")

    def proposed(path: Path) -> list[tuple[str, ...]]:
        return sorted(m.groups() for line in _lines(path) for m in pattern.finditer(line))

    minutes = proposed(papers["bien-ban"])
    assert minutes, "the minutes propose no one"
    assert proposed(papers["thong-bao-ket-luan"]) == minutes


# --------------------------------------------------------------------------- the scores


def _appendix(path: Path) -> dict[str, tuple[str, str]]:
    """Full member name -> (total, rank) in the report's appendix."""
    for block in _body(path):
        if isinstance(block, Table) and _rows(block)[0][:2] == ["STT", "Đơn vị"]:
            return {r[1]: (r[-2], r[-1]) for r in _rows(block)[1:]}
    raise AssertionError("the appendix has no score table")


def _report_scores(path: Path) -> dict[str, tuple[str, str]]:
    """Short member name -> (total, rank) in the report's score table."""
    for block in _body(path):
        if isinstance(block, Table) and _rows(block)[0][:2] == ["Xếp hạng", "Đơn vị"]:
            return {r[1]: (r[-1], r[0]) for r in _rows(block)[1:]}
    raise AssertionError("the report has no score table")


def test_every_score_paper_gives_each_member_the_reports_total_and_rank(
        cluster: tuple[Workbook, Papers]) -> None:
    book, papers = cluster
    appendix = _appendix(papers["phu-luc-diem"])
    report = _report_scores(papers["bao-cao-tong-ket"])
    minutes = _report_scores(papers["bien-ban"])
    assert report == minutes
    short = {m.name: m.short_name for m in book.members}
    assert {short[name]: place for name, place in appendix.items()} == report
    sheets = _lines(papers["bang-cham-diem"])
    top = format(sum(c.max_points for c in book.criteria), "g").replace(".", ",")
    for name, (total, rank) in appendix.items():
        line = next(x for x in sheets if x.startswith(f"{name} đạt "))
        tied = sum(1 for t, r in appendix.values() if r == rank) > 1
        place = f"{'đồng ' if tied else ''}xếp thứ {rank}/{len(appendix)}"
        leads = rank == "1" and not tied  # "…, dẫn đầu Cụm thi đua."
        assert line.startswith(f"{name} đạt {total}/{top} điểm, {place}")
        assert line.endswith("thi đua.") == leads, line


def test_the_proposal_argues_with_the_appendix_score_and_rank(
        cluster: tuple[Workbook, Papers]) -> None:
    book, papers = cluster
    appendix = _appendix(papers["phu-luc-diem"])
    proposal = " ".join(_lines(papers["to-trinh"]))
    argued = re.findall(r"(\S[^;:.]*?) (?:dẫn đầu [^,]+ với|đạt) ([\d,]+) điểm, (?:đồng )?xếp "
                        r"thứ (\d+)/(\d+)", proposal)
    assert argued, "the proposal states no score"
    for _, total, rank, of in argued:
        assert (total, rank) in appendix.values()
        assert int(of) == len(book.members)


# --------------------------------------------------------------------------- --only


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.iterdir() if p.suffix == ".docx"}


def test_only_the_invitation_is_rebuilt_and_the_rest_of_the_set_stays(tmp_path: Path) -> None:
    first = build(SAMPLE, tmp_path)
    folder = first.folder
    before = _hashes(folder)
    manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text("utf-8"))
    again = build(SAMPLE, tmp_path, only=["giay-moi"])
    assert [p.name for p in again.paths] == ["2021_cum-ix_giay-moi.docx"]
    after = _hashes(again.folder)
    assert after == before  # the same workbook makes the same invitation, byte for byte
    kept = {e["file"]: e["sha256"] for e in manifest["files"]}
    now = json.loads((again.folder / "manifest.json").read_text("utf-8"))
    assert {e["file"]: e["sha256"] for e in now["files"]} == kept
    assert len(kept) == len(before) >= 14

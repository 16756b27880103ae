"""Two clusters unlike the sample, built from scratch (tests/other_clusters.py), checked paper
by paper: who is proposed for which award and why the others are not, as the minutes, the
summary report, the proposal, its list, the achievement reports, next year's plan and
`docgen check` print it.

The Khánh Hòa departments have three awards with two deciders, ties parted by the score
ranking and by the members sheet, and individuals over the places and under the threshold.
The Cần Thơ wards need more than half the votes for a certificate (5/10 is not enough, 6/10
is) and count the flag's share on the 9 valid ballots, not on the 10 voters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from docgen import build
from docgen.cli import main
from docgen.vi import upper_vi
from tests.other_clusters import (
    AGRICULTURE,
    AN_BINH,
    ANH_LINE,
    BINH_THUY,
    CAI_KHE,
    CAI_RANG,
    CONSTRUCTION,
    CT_CLUSTER,
    CT_FLAG,
    CT_HEAD,
    CT_MERIT,
    DEPARTMENTS,
    EDUCATION,
    FINANCE,
    HA_LINE,
    HEALTH,
    HOME_AFFAIRS_HEAD,
    INDUSTRY,
    JUSTICE,
    KH_CERTIFICATE,
    KH_CLUSTER,
    KH_FLAG,
    KH_HEAD,
    KH_MERIT,
    KH_VOTES,
    KHANH_LINE,
    LOC_LINE,
    MAI,
    MAI_LINE,
    NAM_LINE,
    NGAN,
    NGAN_LINE,
    NINH_KIEU,
    PHUC_LINE,
    QUAN_LINE,
    SCIENCE,
    TAN_AN,
    WARDS,
    departments,
    wards,
)

MEMBERS = {*DEPARTMENTS, *WARDS}
PROPOSED = "Đề nghị"
OVER = "Vượt số lượng"  # what `docgen check` prints for a nominee beyond the places
REFUSED = "nên Hội nghị không đề nghị."


@dataclass(frozen=True)
class Ballot:
    """A ballot row as the papers print it, with the verdict `docgen check` prints."""

    nominee: str
    award: str
    votes_for: int
    base: int  # what the share is counted on
    percent: str
    verdict: str

    @property
    def proposed(self) -> bool:
        return self.verdict == PROPOSED


@dataclass(frozen=True)
class Expected:
    """Everything the papers of one cluster must say about its awards."""

    name: str
    write: Callable[[Path], Path]  # writes the workbook to a path and returns it
    prefix: str  # file names: '2025_cum-iii_'
    ballots: list[Ballot]
    base_header: str
    lead: str
    conclusion: list[str]
    refusals: list[str]
    request: str  # the proposal's 'kính đề nghị … xem xét, tặng:'
    items: list[str]  # the proposal's numbered awards, nominee lines and standards
    blocks: dict[str, list[tuple[str, str]]]  # list heading -> (name, votes) of each row
    achievements: dict[str, tuple[str, str, str]]  # file part -> (unit, award, decider)
    standards: list[str]
    quotas: list[str]
    score_ties: list[tuple[str, str]] = field(default_factory=list)  # (rank, short name)

    def __str__(self) -> str:
        return self.name


def _khanh_hoa() -> Expected:
    at_least = "Chưa đạt tỷ lệ từ {}% trở lên"
    ballots = [
        Ballot(FINANCE, KH_FLAG, 11, 12, "91,7%", OVER),
        Ballot(JUSTICE, KH_FLAG, 11, 12, "91,7%", PROPOSED),
        Ballot(HEALTH, KH_FLAG, 9, 12, "75%", at_least.format(80)),
        Ballot(SCIENCE, KH_MERIT, 10, 12, "83,3%", OVER),
        Ballot(INDUSTRY, KH_MERIT, 10, 12, "83,3%", PROPOSED),
        Ballot(CONSTRUCTION, KH_MERIT, 12, 12, "100%", PROPOSED),
        Ballot(AGRICULTURE, KH_MERIT, 9, 12, "75%", OVER),
        Ballot(EDUCATION, KH_MERIT, 8, 12, "66,7%", at_least.format(70)),
        Ballot(HA_LINE, KH_MERIT, 12, 12, "100%", PROPOSED),
        Ballot(QUAN_LINE, KH_MERIT, 11, 12, "91,7%", PROPOSED),
        Ballot(NAM_LINE, KH_MERIT, 10, 12, "83,3%", PROPOSED),
        Ballot(MAI_LINE, KH_MERIT, 9, 12, "75%", OVER),
        Ballot(KHANH_LINE, KH_MERIT, 7, 12, "58,3%", at_least.format(70)),
        Ballot(ANH_LINE, KH_CERTIFICATE, 9, 12, "75%", PROPOSED),
        Ballot(LOC_LINE, KH_CERTIFICATE, 6, 12, "50%", at_least.format(60)),
    ]
    flag, merit = f"{KH_HEAD} tặng {KH_FLAG}", f"{KH_HEAD} tặng {KH_MERIT}"
    both = "tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua"
    certificate = "cá nhân có thành tích tiêu biểu trong công tác thi đua, khen thưởng"
    voters = "trên tổng số người bỏ phiếu (kể cả ý kiến bằng văn bản của thành viên vắng mặt)"
    meeting = "được Hội nghị tổng kết của Khối bình xét, suy tôn"
    return Expected(
        name="khanh-hoa",
        write=departments,
        prefix="2025_cum-iii_",
        ballots=ballots,
        base_header="Tổng số người bỏ phiếu",
        # Two deciders: no one is named in the lead, each line names its own.
        lead="Hội nghị thống nhất đề nghị:",
        conclusion=[
            f"- {flag} cho {JUSTICE} (11/12 phiếu đồng ý, đạt 91,7%);",
            f"- {merit} cho {INDUSTRY} (10/12 phiếu đồng ý, đạt 83,3%);",
            f"- {merit} cho {CONSTRUCTION} (12/12 phiếu đồng ý, đạt 100%);",
            f"- {merit} cho {HA_LINE} (12/12 phiếu đồng ý, đạt 100%);",
            f"- {merit} cho {QUAN_LINE} (11/12 phiếu đồng ý, đạt 91,7%);",
            f"- {merit} cho {NAM_LINE} (10/12 phiếu đồng ý, đạt 83,3%);",
            f"- {HOME_AFFAIRS_HEAD} tặng {KH_CERTIFICATE} cho {ANH_LINE} (9/12 phiếu đồng ý, "
            "đạt 75%).",
        ],
        refusals=[
            f"{FINANCE} được 11/12 phiếu đồng ý, đạt 91,7%, đủ tỷ lệ nhưng vượt số lượng được "
            f"đề nghị tặng {KH_FLAG} (tối đa 01 (một) tập thể); bằng tỷ lệ phiếu với {JUSTICE} "
            f"nhưng xếp hạng chấm điểm thấp hơn, {REFUSED}",
            f"{HEALTH} được 9/12 phiếu đồng ý, đạt 75%, chưa đạt tỷ lệ từ 80% trở lên để đề "
            f"nghị tặng {KH_FLAG}, {REFUSED}",
            f"{SCIENCE} được 10/12 phiếu đồng ý, đạt 83,3%, đủ tỷ lệ nhưng vượt số lượng được "
            f"đề nghị tặng {KH_MERIT} (tối đa 02 (hai) tập thể); bằng tỷ lệ phiếu và thứ hạng "
            f"chấm điểm với {INDUSTRY}, đứng sau theo thứ tự danh sách thành viên Khối, "
            f"{REFUSED}",
            f"{AGRICULTURE} được 9/12 phiếu đồng ý, đạt 75%, đủ tỷ lệ nhưng vượt số lượng "
            f"được đề nghị tặng {KH_MERIT} (tối đa 02 (hai) tập thể), {REFUSED}",
            f"{EDUCATION} được 8/12 phiếu đồng ý, đạt 66,7%, chưa đạt tỷ lệ từ 70% trở lên để "
            f"đề nghị tặng {KH_MERIT}, {REFUSED}",
            f"{MAI_LINE} được 9/12 phiếu đồng ý, đạt 75%, đủ tỷ lệ nhưng vượt số lượng được "
            f"đề nghị tặng {KH_MERIT} (tối đa 03 (ba) cá nhân), {REFUSED}",
            f"{KHANH_LINE} được 7/12 phiếu đồng ý, đạt 58,3%, chưa đạt tỷ lệ từ 70% trở lên để "
            f"đề nghị tặng {KH_MERIT}, {REFUSED}",
            f"{LOC_LINE} được 6/12 phiếu đồng ý, đạt 50%, chưa đạt tỷ lệ từ 60% trở lên để "
            f"đề nghị tặng {KH_CERTIFICATE}, {REFUSED}",
        ],
        request=f"{KH_CLUSTER} kính đề nghị {KH_HEAD} và {HOME_AFFAIRS_HEAD} xem xét, tặng:",
        items=[
            f"1. {KH_FLAG} cho 01 (một) tập thể:",
            f"- {JUSTICE}.",
            "(Tiêu chuẩn: tập thể dẫn đầu Khối thi đua; tỷ lệ phiếu đồng ý từ 80% trở lên.)",
            f"2. {KH_MERIT} cho 02 (hai) tập thể và 03 (ba) cá nhân:",
            f"- {INDUSTRY};",
            f"- {CONSTRUCTION};",
            f"- {HA_LINE};",
            f"- {QUAN_LINE};",
            f"- {NAM_LINE}.",
            f"(Tiêu chuẩn: {both}; tỷ lệ phiếu đồng ý từ 70% trở lên.)",
            f"3. {KH_CERTIFICATE} cho 01 (một) cá nhân:",
            f"- {ANH_LINE}.",
            f"(Tiêu chuẩn: {certificate}; tỷ lệ phiếu đồng ý từ 60% trở lên.)",
        ],
        blocks={
            f"I. {upper_vi(KH_FLAG)}": [(JUSTICE, "11/12 (91,7%)")],
            f"II. {upper_vi(KH_MERIT)}": [
                (INDUSTRY, "10/12 (83,3%)"), (CONSTRUCTION, "12/12 (100%)"),
                ("Nguyễn Thị Thu Hà", "12/12 (100%)"), ("Trần Minh Quân", "11/12 (91,7%)"),
                ("Lê Hoàng Nam", "10/12 (83,3%)")],
            f"III. {upper_vi(KH_CERTIFICATE)}": [("Đặng Thị Ngọc Ánh", "9/12 (75%)")],
        },
        achievements={
            "tu-phap": (JUSTICE, KH_FLAG, KH_HEAD),
            "cong-thuong": (INDUSTRY, KH_MERIT, KH_HEAD),
            "xay-dung": (CONSTRUCTION, KH_MERIT, KH_HEAD),
        },
        standards=[
            f"{KH_FLAG}: xét tặng cho tập thể dẫn đầu Khối thi đua, {meeting}, đạt từ 80% số "
            f"phiếu đồng ý trở lên {voters}.",
            f"{KH_MERIT}: xét tặng cho {both}, {meeting}, đạt từ 70% số phiếu đồng ý trở lên "
            f"{voters}.",
            f"{KH_CERTIFICATE}: xét tặng cho {certificate}, {meeting}, đạt từ 60% số phiếu "
            f"đồng ý trở lên {voters}.",
        ],
        quotas=[
            f"{KH_FLAG}: không quá 01 (một) tập thể.",
            f"{KH_MERIT}: không quá 02 (hai) tập thể và 03 (ba) cá nhân.",
            f"{KH_CERTIFICATE}: không quá 02 (hai) cá nhân.",
        ],
        score_ties=[("4", "Công Thương"), ("4", "Khoa học và Công nghệ")],
    )


def _can_tho() -> Expected:
    above = "Chưa đạt tỷ lệ trên 50%"
    ballots = [
        Ballot(NINH_KIEU, CT_FLAG, 8, 9, "88,9%", PROPOSED),
        Ballot(CAI_KHE, CT_FLAG, 7, 9, "77,8%", "Chưa đạt tỷ lệ từ 85% trở lên"),
        Ballot(TAN_AN, CT_MERIT, 6, 10, "60%", PROPOSED),
        Ballot(AN_BINH, CT_MERIT, 5, 10, "50%", above),
        Ballot(BINH_THUY, CT_MERIT, 9, 10, "90%", PROPOSED),
        Ballot(CAI_RANG, CT_MERIT, 7, 10, "70%", PROPOSED),
        Ballot(PHUC_LINE, CT_MERIT, 6, 10, "60%", PROPOSED),
        Ballot(NGAN_LINE, CT_MERIT, 5, 10, "50%", above),
    ]
    meeting = "được Hội nghị tổng kết của Cụm bình xét, suy tôn"
    return Expected(
        name="can-tho",
        write=wards,
        prefix="2025_cum-ii_",
        ballots=ballots,
        # The flag counts on the valid ballots, the certificate on the voters.
        base_header="Số phiếu tính tỷ lệ",
        lead=f"Hội nghị thống nhất đề nghị {CT_HEAD}:",
        conclusion=[
            f"- Tặng {CT_FLAG} cho {NINH_KIEU} (8/9 phiếu đồng ý, đạt 88,9%);",
            f"- Tặng {CT_MERIT} cho {TAN_AN} (6/10 phiếu đồng ý, đạt 60%);",
            f"- Tặng {CT_MERIT} cho {BINH_THUY} (9/10 phiếu đồng ý, đạt 90%);",
            f"- Tặng {CT_MERIT} cho {CAI_RANG} (7/10 phiếu đồng ý, đạt 70%);",
            f"- Tặng {CT_MERIT} cho {PHUC_LINE} (6/10 phiếu đồng ý, đạt 60%).",
        ],
        refusals=[
            f"{CAI_KHE} được 7/9 phiếu đồng ý, đạt 77,8%, chưa đạt tỷ lệ từ 85% trở lên để đề "
            f"nghị tặng {CT_FLAG}, {REFUSED}",
            f"{AN_BINH} được 5/10 phiếu đồng ý, đạt 50%, chưa đạt tỷ lệ trên 50% để đề nghị "
            f"tặng {CT_MERIT}, {REFUSED}",
            f"{NGAN_LINE} được 5/10 phiếu đồng ý, đạt 50%, chưa đạt tỷ lệ trên 50% để đề "
            f"nghị tặng {CT_MERIT}, {REFUSED}",
        ],
        request=f"{CT_CLUSTER} kính đề nghị {CT_HEAD} xem xét, tặng:",
        items=[
            f"1. {CT_FLAG} cho 01 (một) tập thể:",
            f"- {NINH_KIEU}.",
            "(Tiêu chuẩn: phường dẫn đầu Cụm thi đua; tỷ lệ phiếu đồng ý từ 85% trở lên.)",
            f"2. {CT_MERIT} cho 03 (ba) tập thể và 01 (một) cá nhân:",
            f"- {TAN_AN};",
            f"- {BINH_THUY};",
            f"- {CAI_RANG};",
            f"- {PHUC_LINE}.",
            "(Tiêu chuẩn: tỷ lệ phiếu đồng ý trên 50%.)",
        ],
        blocks={
            f"I. {upper_vi(CT_FLAG)}": [(NINH_KIEU, "8/9 (88,9%)")],
            f"II. {upper_vi(CT_MERIT)}": [
                (TAN_AN, "6/10 (60%)"), (BINH_THUY, "9/10 (90%)"),
                (CAI_RANG, "7/10 (70%)"), ("Nguyễn Hoàng Phúc", "6/10 (60%)")],
        },
        achievements={
            "ninh-kieu": (NINH_KIEU, CT_FLAG, CT_HEAD),
            "tan-an": (TAN_AN, CT_MERIT, CT_HEAD),
            "binh-thuy": (BINH_THUY, CT_MERIT, CT_HEAD),
            "cai-rang": (CAI_RANG, CT_MERIT, CT_HEAD),
        },
        standards=[
            f"{CT_FLAG}: xét tặng cho phường dẫn đầu Cụm thi đua, {meeting}, đạt từ 85% số "
            "phiếu đồng ý trở lên trên tổng số phiếu hợp lệ.",
            f"{CT_MERIT}: xét tặng cho tập thể, cá nhân, {meeting}, đạt trên 50% số phiếu đồng "
            "ý trên tổng số người bỏ phiếu (kể cả ý kiến bằng văn bản của thành viên vắng "
            "mặt).",
        ],
        quotas=[
            f"{CT_FLAG}: không quá 01 (một) tập thể.",
            f"{CT_MERIT}: không quá 03 (ba) tập thể và 02 (hai) cá nhân.",
        ],
    )


KHANH_HOA, CAN_THO = _khanh_hoa(), _can_tho()


# --- reading the papers ----------------------------------------------------------------------


@dataclass(frozen=True)
class Papers:
    """A cluster's workbook and its built papers, by file name without the prefix."""

    expected: Expected
    workbook: Path
    documents: dict[str, Any]

    def body(self, kind: str) -> list[str]:
        """The paragraphs outside tables, in order."""
        return [p.text for p in self.documents[kind].paragraphs]

    def achievements(self) -> dict[str, Any]:
        """The achievement reports by their file's part ('tu-phap')."""
        lead = "bao-cao-thanh-tich-"
        return {k.removeprefix(lead): d for k, d in self.documents.items()
                if k.startswith(lead) and not k.startswith(f"{lead}ca-nhan-")}


def reading_order(document: Any) -> list[str]:
    """The body as a reader goes through it: paragraphs, and table rows as 'a | b | c'."""
    out: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document).text)
        elif tag == "tbl":
            out += [" | ".join(cell.text for cell in row.cells)
                    for row in Table(child, document).rows]
    return out


def table_rows(document: Any, header: tuple[str, ...]) -> list[list[str]]:
    """The data rows of the table whose header row is `header` exactly."""
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if tuple(rows[0]) == header:
            return rows[1:]
    raise AssertionError(f"no table headed {header}")


def check_rows(printed: str) -> list[tuple[str, ...]]:
    """The rows of the "Kết quả bình xét" table `docgen check` prints, each cell's wrapped
    lines joined again (the "Phiếu" cell, '11/12', is never wrapped: it starts a row)."""
    rows: list[list[str]] = []
    for line in printed.split("Kết quả bình xét", 1)[1].splitlines():
        if not line.startswith("│"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("│").split("│")]
        if cells[2]:
            rows.append(cells)
        else:
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
    return [tuple(row) for row in rows]


Builder = Callable[[Expected], Papers]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Builder:
    """Build a cluster's workbook and every paper, once for the module."""
    cache: dict[str, Papers] = {}

    def get(expected: Expected) -> Papers:
        if expected.name not in cache:
            folder = tmp_path_factory.mktemp(expected.name)
            workbook = expected.write(folder / f"{expected.name}.xlsx")
            result = build.build(workbook, folder / "reports")
            assert result.warnings == []
            documents = {p.stem.removeprefix(expected.prefix): docx.Document(str(p))
                         for p in result.paths}
            cache[expected.name] = Papers(expected, workbook, documents)
        return cache[expected.name]

    return get


@pytest.fixture(params=[KHANH_HOA, CAN_THO], ids=str)
def papers(request: pytest.FixtureRequest, built: Builder) -> Papers:
    """Each cluster's papers in turn."""
    return built(request.param)


@pytest.fixture
def khanh_hoa(built: Builder) -> Papers:
    return built(KHANH_HOA)


@pytest.fixture
def can_tho(built: Builder) -> Papers:
    return built(CAN_THO)


# --- every paper says the same -------------------------------------------------------------


@pytest.mark.parametrize("kind", ["bien-ban", "bao-cao-tong-ket"])
def test_minutes_and_report_conclude_alike(papers: Papers, kind: str) -> None:
    """The conclusion: who is proposed, highest award first, then why each other nominee is
    not, in ballot order; the same sentences in the minutes and in the report."""
    x, body = papers.expected, papers.body(kind)
    start = body.index(x.lead)
    assert body[start + 1: start + 1 + len(x.conclusion)] == x.conclusion
    assert [line for line in body if line.endswith(REFUSED)] == x.refusals
    assert body[start + 1 + len(x.conclusion): start + 1 + len(x.conclusion)
                + len(x.refusals)] == x.refusals


def test_minutes_ballot_table_gives_every_result(papers: Papers) -> None:
    x = papers.expected
    header = ("STT", "Đơn vị, cá nhân được đề nghị", "Hình thức đề nghị", "Số phiếu đồng ý",
              x.base_header, "Tỷ lệ (%)", "Kết quả")
    rows = table_rows(papers.documents["bien-ban"], header)
    assert rows == [
        [str(i), b.nominee, b.award, str(b.votes_for), str(b.base), b.percent,
         "Đề nghị" if b.proposed else "Không đề nghị"]
        for i, b in enumerate(x.ballots, start=1)
    ]


def test_report_vote_table_counts_each_share_on_its_base(papers: Papers) -> None:
    header = ("STT", "Đơn vị, cá nhân được đề nghị", "Hình thức đề nghị", "Số phiếu đồng ý",
              "Tỷ lệ (%)")
    rows = table_rows(papers.documents["bao-cao-tong-ket"], header)
    assert rows == [[str(i), b.nominee, b.award, f"{b.votes_for}/{b.base}", b.percent]
                    for i, b in enumerate(papers.expected.ballots, start=1)]


STANDARD = re.compile(
    r"^\(Tiêu chuẩn: (?:(?P<criteria>.+); )?tỷ lệ phiếu đồng ý (?P<share>.+)\.\)$")


def _argued(items: list[str]) -> list[tuple[str, str, str]]:
    """The expected items as (award heading, nominee, what its line must say): each
    nominee's line quotes its award's criteria and the share required (the proposal argues
    each nominee, issue 14)."""
    out: list[tuple[str, str, str]] = []
    heading, names = "", []
    for item in items:
        standard = STANDARD.match(item)
        if re.match(r"^\d+\. ", item):
            heading, names = item, []
        elif item.startswith("- "):
            names.append(item[2:].rstrip(";."))
        elif standard:
            criteria = f"đạt tiêu chuẩn “{standard['criteria']}” với " if standard["criteria"] \
                else "được Hội nghị bình xét với "
            out += [(heading, name, criteria) for name in names]
            out += [(heading, name, f"(yêu cầu {standard['share']})") for name in names]
    return out


def test_proposal_asks_each_decider_for_the_proposed_only(papers: Papers) -> None:
    x, body = papers.expected, papers.body("to-trinh")
    start = body.index(x.request)
    end = next(i for i, line in enumerate(body) if line.startswith("(Kèm theo"))
    headings = [line for line in body[start + 1:end] if re.match(r"^\d+\. ", line)]
    assert headings == [item for item in x.items if re.match(r"^\d+\. ", item)]
    current = ""
    lines: dict[tuple[str, str], str] = {}
    for line in body[start + 1:end]:
        if line in headings:
            current = line
        elif line.startswith("- "):
            lines[(current, line[2:].partition(": ")[0])] = line
    for heading, name, said in _argued(x.items):
        assert said in lines[(heading, name)], (name, said)
    # Nobody refused is listed: the only dashed lines are the proposed nominees.
    dashed = [line.partition(": ")[0] for line in body if line.startswith("- ")]
    assert dashed == [line.rstrip(";.") for line in x.items if line.startswith("- ")]
    assert len(dashed) == sum(b.proposed for b in x.ballots)
    refused_people = [b.nominee.split(",")[0] for b in x.ballots
                      if not b.proposed and b.nominee not in MEMBERS]
    assert not [line for line in body for person in refused_people if person in line]


def test_list_puts_each_nominee_under_its_award(papers: Papers) -> None:
    blocks: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] | None = None
    for line in reading_order(papers.documents["danh-sach"]):
        head = line.split(". ", 1)[0]
        if head in ("I", "II", "III", "IV"):
            current = blocks.setdefault(line, [])
        elif current is not None and " | " in line and line.split(" | ")[0].isdigit():
            cells = line.split(" | ")
            current.append((cells[1], cells[-2]))
    assert blocks == papers.expected.blocks


def test_one_achievement_report_per_proposed_collective(papers: Papers) -> None:
    x, reports = papers.expected, papers.achievements()
    assert sorted(reports) == sorted(x.achievements)
    # The expectation itself: a report for each proposed member, none for a person.
    proposed_units = {b.nominee for b in x.ballots if b.proposed and b.nominee in MEMBERS}
    assert proposed_units == {unit for unit, _, _ in x.achievements.values()}
    for part, (unit, award, decider) in x.achievements.items():
        body = [p.text for p in reports[part].paragraphs]
        ballot = next(b for b in x.ballots if b.nominee == unit)
        assert f"Tên tập thể đề nghị: {unit}" in body
        assert f"ĐỀ NGHỊ TẶNG {upper_vi(award)} NĂM 2025" in body
        # the unit's own report quotes no vote share (issue 14)
        assert not any(f"{ballot.votes_for}/{ballot.base} phiếu" in line or "phiếu đồng ý"
                       in line for line in body), part
        assert body[-1] == (f"Trên đây là báo cáo thành tích năm 2025 của {unit}, kính đề nghị "
                            f"{decider} xem xét, tặng {award}./.")


def test_plan_states_each_award_with_its_comparison_and_places(papers: Papers) -> None:
    """One standard and one quota line per award, highest first (the award table's rows are
    not in that order in the Khánh Hòa workbook)."""
    x, body = papers.expected, papers.body("ke-hoach")
    # Part III states each award under its number: "a) Tiêu chuẩn: xét tặng cho …;", then
    # "b) Tỷ lệ phiếu bầu: được … đạt …." (read back here as one sentence per award).
    lead, rule = "a) Tiêu chuẩn: xét tặng cho ", "b) Tỷ lệ phiếu bầu: "
    starts = [i for i, line in enumerate(body) if line.startswith(lead)]
    stated = [f"{body[i - 1].split('. ', 1)[1]}: xét tặng cho "
              f"{body[i].removeprefix(lead).removesuffix(';')}, "
              f"{body[i + 1].removeprefix(rule)}" for i in starts]
    assert stated == x.standards
    assert [line for line in body if ": không quá " in line] == x.quotas


def test_check_prints_the_same_verdicts(papers: Papers, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # fewer wrapped cells; check_rows joins them anyway
    assert main(["check", str(papers.workbook)]) == 0
    printed = capsys.readouterr().out
    assert check_rows(printed) == [
        (b.nominee, b.award, f"{b.votes_for}/{b.base}", b.percent, b.verdict)
        for b in papers.expected.ballots
    ]


# --- what sets these clusters apart ------------------------------------------------------


def test_equal_scores_share_a_rank_in_the_score_tables(khanh_hoa: Papers) -> None:
    """Industry and Science tie on share and score: the score table shows both 4th, so the
    members sheet is what put Industry first."""
    papers = khanh_hoa
    for kind in ("bien-ban", "bao-cao-tong-ket"):
        rows = [line.split(" | ") for line in reading_order(papers.documents[kind])]
        ranked = [(r[0], r[1]) for r in rows if len(r) == 8 and r[0].isdigit()]
        for tie in papers.expected.score_ties:
            assert tie in ranked, (kind, tie)
        assert ranked[:3] == [("1", "Tư pháp"), ("2", "Tài chính"), ("3", "Xây dựng")]
        assert ("6", "Nội vụ") in ranked  # after two 4ths, no 5th


def test_exactly_half_is_not_more_than_half(can_tho: Papers) -> None:
    """'Trên 50%': An Bình and Ngân at 5/10 are not proposed in any paper, Tân An and Phúc
    at 6/10 are."""
    papers = can_tho
    for kind in ("to-trinh", "danh-sach"):
        text = "\n".join(reading_order(papers.documents[kind]))
        assert AN_BINH not in text and NGAN not in text, kind
        assert TAN_AN in text and "Nguyễn Hoàng Phúc" in text, kind
    assert "an-binh" not in papers.achievements() and "tan-an" in papers.achievements()


def test_flag_share_is_counted_on_the_valid_ballots(can_tho: Papers) -> None:
    """9 of the 10 ballots are valid: Ninh Kiều's 8 votes are 8/9 (88,9%, enough for 85%),
    never 8/10 (80%, which would not be)."""
    papers = can_tho
    for kind, document in papers.documents.items():
        text = "\n".join(reading_order(document))
        # 88/100 is a score and "xếp thứ 8/10" a place (the score sheets), not a share
        assert not re.search(r"(?<!\d)(?<!thứ )8/10(?!\d)", text), kind
    report = "\n".join(reading_order(papers.achievements()["ninh-kieu"]))
    assert "phiếu đồng ý" not in report  # the unit's own report quotes no vote share
    rows = reading_order(papers.documents["bien-ban"])
    assert f"1 | {NINH_KIEU} | {CT_FLAG} | 8 | 9 | 88,9% | Đề nghị" in rows


# --- found while writing these tests (see the report of issue 12, item 6) -------------------


def test_three_awards_are_listed_with_commas(khanh_hoa: Papers) -> None:
    papers = khanh_hoa
    awards = f"{KH_FLAG}, {KH_MERIT} và {KH_CERTIFICATE}"
    assert f"Về việc đề nghị tặng {awards} năm 2025" in papers.body("to-trinh")
    assert f"ĐỀ NGHỊ TẶNG {upper_vi(awards)} NĂM 2025" in papers.body("danh-sach")


def test_achievement_report_describes_the_unit_it_is_about(papers: Papers) -> None:
    for part, report in papers.achievements().items():
        body = [p.text for p in report.paragraphs]
        functions = body[body.index("2. Chức năng, nhiệm vụ") + 1]
        assert "Ủy ban nhân dân cấp tỉnh" not in "\n".join(body), part
        assert "quản lý nhà nước về công tác thanh tra" not in functions, part


def test_individuals_of_one_unit_at_equal_share_are_not_parted_by_the_members_sheet(
        tmp_path: Path) -> None:
    """Mai moved to the Health department with Nam's 10/12: one unit, one share, one rank."""
    votes = [{**row, "unit": HEALTH, "votes_for": 10} if row.get("person") == MAI else row
             for row in KH_VOTES]
    workbook = departments(tmp_path / "same-unit.xlsx", votes)
    (path,) = build.build(workbook, tmp_path / "reports", only=["bien-ban"]).paths
    body = [p.text for p in docx.Document(str(path)).paragraphs]
    (refusal,) = [line for line in body if line.startswith(MAI)]
    assert "đủ tỷ lệ nhưng vượt số lượng được đề nghị tặng" in refusal
    assert "theo thứ tự danh sách thành viên" not in refusal


def test_a_khoi_names_its_officers_so_in_every_paper(khanh_hoa: Papers) -> None:
    """A Khối has a Trưởng Khối and a Phó Trưởng Khối, never a Cụm trưởng, in the plan,
    the pact (with its signature grid) and the minutes alike."""
    for kind in ("ke-hoach", "giao-uoc", "bien-ban", "bao-cao-tong-ket", "to-trinh"):
        text = " ".join(khanh_hoa.body(kind))
        assert "Cụm trưởng" not in text and "Cụm phó" not in text, kind
        assert "của Cụm" not in text, kind
    plan = khanh_hoa.body("ke-hoach")
    assert any("Sở Nội vụ là Trưởng Khối" in line and "Sở Tư pháp là Phó Trưởng Khối" in line
               for line in plan)
    assert any(line.startswith("b) Tỷ lệ phiếu bầu: được Hội nghị tổng kết của Khối bình xét")
               for line in plan)
    pact = khanh_hoa.body("giao-uoc")
    assert any("Sở Nội vụ (Trưởng Khối) chủ trì, phối hợp với Sở Tư pháp (Phó Trưởng Khối)"
               in line for line in pact)
    grid = [c.text for t in khanh_hoa.documents["giao-uoc"].tables for r in t.rows
            for c in r.cells]
    assert any("TRƯỞNG KHỐI" in cell and "PHÓ" not in cell for cell in grid)
    assert any("PHÓ TRƯỞNG KHỐI" in cell for cell in grid)

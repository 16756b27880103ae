"""The same nominees, awards and counts in the report, the minutes, the proposal and the list.

Each document is read independently (its own text), and what it says about who is proposed
for what is compared with the one computed result. Run on the sample and on a sample with an
individual nominee, a nominee below the threshold and one beyond the quota.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from ballot_edits import add_nominee, collective, individual
from docx_helpers import lines

from docgen.build import build, check
from docgen.documents.shared.awards import nominee
from docgen.vi import count_phrase, upper_vi

Make = Callable[..., Path]


def _lines(folder: Path, stem: str) -> list[str]:
    (path,) = folder.glob(f"*_{stem}.docx")
    return [line if line.startswith("[row") else line.split(" | ", 1)[1]
            for line in lines(docx.Document(str(path)))]


def _block(lines_: list[str], start: int) -> list[str]:
    """The nominees of the award numbered at line `start`: each '- name: why …' line (a
    nominee's figures may follow on lines of their own) up to the next award or the
    attachments line."""
    out = []
    for line in lines_[start + 1:]:
        if re.match(r"\d+\. ", line) or line.startswith("(Kèm theo"):
            break
        if line.startswith("- "):
            out.append(line[2:].split(": ", 1)[0].rstrip(";."))
    return out


def _from_report_or_minutes(text: list[str]) -> set[tuple[str, str]]:
    pairs = set()
    for line in text:
        match = re.match(r"- Tặng (.+?) cho (.+) \(\d+/\d+ phiếu đồng ý, đạt [\d,]+%\)[;.]$", line)
        if match:
            pairs.add((match.group(2), match.group(1)))
    return pairs


def _from_proposal(text: list[str], names: dict[str, str]) -> set[tuple[str, str]]:
    pairs = set()
    for i, line in enumerate(text):
        match = re.match(r"\d+\. (.+?) cho (.+):$", line)
        if match:
            award, counted = match.groups()
            listed = _block(text, i)
            pairs |= {(name, award) for name in listed}
            assert counted == _counts(listed, names), line
    return pairs


def _counts(listed: list[str], kinds: dict[str, str]) -> str:
    collectives = sum(1 for name in listed if kinds[name] == "collective")
    individuals = len(listed) - collectives
    parts = [count_phrase(collectives, "tập thể")] if collectives else []
    parts += [count_phrase(individuals, "cá nhân")] if individuals else []
    return " và ".join(parts)


def _from_list(text: list[str], awards: dict[str, str], people: dict[str, str]
               ) -> set[tuple[str, str]]:
    pairs, award = set(), None
    for line in text:
        heading = re.match(r"[IVX]+\. (.+)$", line)
        if heading and heading.group(1) in awards:
            award = awards[heading.group(1)]
        elif line.startswith("[row") and award:
            cells = line.split(" | ")
            if cells[1].isdigit():
                name = cells[2]
                pairs.add((people.get(name, name), award))
    return pairs


CASES = {
    "sample": [],
    "individual, below threshold, over quota": [
        lambda b: add_nominee(b, 3, individual("Lê Thị Hoa", "Phó Chánh Thanh tra",
                                               "Cà Mau", 7)),
        lambda b: add_nominee(b, 4, collective("An Giang", "Bằng khen", 3)),
        lambda b: add_nominee(b, 5, collective("Cần Thơ", "Bằng khen", 6)),
    ],
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_documents_agree_with_the_computed_result(case: str, edited: Make,
                                                  tmp_path: Path) -> None:
    path = edited(*CASES[case])
    checked = check(path)
    book, result = checked.book, checked.outcome
    expected = {(nominee(v, book), v.form.full_name) for v in result.proposed}
    if case != "sample":
        assert len(result.proposed) < len(result.votes)  # some nominees are refused
    folder = build(path, tmp_path).folder
    kinds = {nominee(v, book): v.vote.target for v in result.votes}
    awards = {upper_vi(f.full_name): f.full_name for f in book.award_forms}
    people = {v.vote.person: nominee(v, book) for v in result.votes if v.vote.person}

    assert _from_report_or_minutes(_lines(folder, "bao-cao-tong-ket")) == expected
    assert _from_report_or_minutes(_lines(folder, "bien-ban")) == expected
    assert _from_proposal(_lines(folder, "to-trinh"), kinds) == expected
    assert _from_list(_lines(folder, "danh-sach"), awards, people) == expected
    reports = sorted(p.name for p in folder.glob("*bao-cao-thanh-tich*")
                     if "bao-cao-thanh-tich-ca-nhan" not in p.name)
    units = [v.vote.unit for v in result.proposed if v.vote.target == "collective"]
    assert len(reports) == len(units)
    personal = list(folder.glob("*bao-cao-thanh-tich-ca-nhan-*"))
    assert len(personal) == sum(v.vote.target == "individual" for v in result.proposed)

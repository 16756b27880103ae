"""The summary report's figures, read from the document as its reader reads them.

The report opens "Thực hiện …"; its sentences quote the cluster's totals and each member's
key figures compared with the previous year, and every figure in a sentence equals the
tables; the awards table counts danh hiệu and hình thức with totals; Phương hướng is the
numbered tasks of next year's plan. Checked on the sample, on copies of it without the
previous year or with odd figures, and on the two clusters unlike it.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.table import Table

from docgen import rules
from docgen.build import TEMPLATES_DIR, check
from docgen.documents.report import context as report_context
from docgen.documents.shared.figures import FIGURES
from docgen.model import AwardReceived, Results, Workbook
from docgen.render import Template
from tests.conftest import SAMPLE
from tests.other_clusters import DEPARTMENTS, WARDS, departments, wards

MEMBERS_LEAD = "Kết quả của từng thành viên:"
TASK = re.compile(r"^(\d+)\. (.+)$")


def render(book: Workbook) -> Document:
    """The summary report of `book`, rendered in memory."""
    template = Template.load(TEMPLATES_DIR / "bao-cao-tong-ket.docx")
    data = template.render(report_context.context(book, rules.outcome(book)))
    return docx.Document(io.BytesIO(data))


def texts(document: Document) -> list[str]:
    return [p.text for p in document.paragraphs]


def table_starting(document: Document, header: str) -> Table:
    return next(t for t in document.tables if t.rows[0].cells[1].text == header)


def rows_of(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.fixture(scope="module")
def sample_book() -> Workbook:
    return check(SAMPLE).book


@pytest.fixture(scope="module")
def sample(sample_book: Workbook) -> Document:
    return render(sample_book)


def _with_previous(book: Workbook, factor: Decimal = Decimal("0.9")) -> Workbook:
    """A copy whose previous year is this year's figures times `factor` (the sample's own
    previous year when it has one)."""
    if book.results_previous:
        return book
    previous = [r.model_copy(update={
        "year": book.cluster.year - 1,
        **{f.field: type(getattr(r, f.field))(Decimal(str(getattr(r, f.field))) * factor)
           for f in FIGURES}}) for r in book.results]
    return book.model_copy(update={"results_previous": previous})


# --------------------------------------------------------------------------- opening


def test_report_opens_with_the_plans_it_carries_out(sample: Document,
                                                     sample_book: Workbook) -> None:
    all_texts = texts(sample)
    opening = next(t for t in all_texts if t.startswith("Thực hiện "))
    for plan in (x for x in sample_book.citations if x.role == "basis"):
        assert plan.kind in opening and (plan.number or plan.kind) in opening
    assert opening.endswith(f"{sample_book.cluster.name} báo cáo tổng kết công tác thi đua, "
                            "khen thưởng năm 2021 và phương hướng, nhiệm vụ năm 2022 như sau:")
    assert not any(t.startswith("Căn cứ") for t in all_texts)


def test_report_without_cited_plans_opens_with_the_cluster(sample_book: Workbook) -> None:
    book = sample_book.model_copy(update={"citations": [
        x for x in sample_book.citations if x.role != "basis"]})
    opening = next(t for t in texts(render(book)) if "báo cáo tổng kết" in t)
    assert opening.startswith(f"{book.cluster.name} báo cáo tổng kết công tác thi đua")


# --------------------------------------------------------------------------- figures


def _figure_pattern(words: str) -> re.Pattern[str]:
    """'tiến hành {v} cuộc thanh tra' -> a pattern capturing the figure and the rate."""
    head, tail = (re.escape(part) for part in words.split("{v}"))
    return re.compile(f"{head}(?P<v>[0-9.,]+){tail}(?:, (?P<rate>tăng [0-9,]+%|giảm "
                      r"[0-9,]+%|không đổi)(?: so với năm \d{4})?)?$")


def parse_clauses(sentence: str) -> dict[str, tuple[str, str | None]]:
    """A figure sentence's clauses as {field: (figure, rate or None)}."""
    found: dict[str, tuple[str, str | None]] = {}
    for clause in sentence.rstrip(".;").split("; "):
        for figure in FIGURES:
            match = _figure_pattern(figure.words).fullmatch(clause)
            if match:
                found[figure.field] = (match["v"], match["rate"])
                break
        else:
            raise AssertionError(f"clause not understood: {clause!r}")
    return found


def members_table(document: Document) -> Table:
    return table_starting(document, "Đơn vị")


def columns_by_field(table: Table) -> dict[str, int]:
    """The per-member table's column of each figure (they follow `FIGURES`' order)."""
    return {f.field: i for i, f in enumerate(FIGURES, start=2)}


def test_totals_sentence_equals_the_tables(sample: Document) -> None:
    sentence = next(t for t in texts(sample) if t.startswith("Năm 2021, toàn Cụm đã "))
    clauses = parse_clauses(sentence.removeprefix("Năm 2021, toàn Cụm đã "))
    total = rows_of(members_table(sample))[-1]
    columns = columns_by_field(members_table(sample))
    comparison = {row[1]: row for row in rows_of(table_starting(sample, "Chỉ tiêu"))[1:]}
    assert set(clauses) == {f.field for f in FIGURES}
    for figure in FIGURES:
        value, rate = clauses[figure.field]
        assert value == total[columns[figure.field]]
        row = comparison[figure.label]
        assert row[3] == value
        assert rate == row[4]
    assert sentence.startswith("Năm 2021, toàn Cụm đã tiến hành ")
    assert ", tăng " in sentence and "so với năm 2020" in sentence
    assert sentence.count("so với năm 2020") == 1


def test_comparison_table_has_both_years_and_the_change(sample: Document,
                                                        sample_book: Workbook) -> None:
    table = table_starting(sample, "Chỉ tiêu")
    assert rows_of(table)[0] == ["STT", "Chỉ tiêu", "Năm 2020", "Năm 2021",
                                 "Tăng, giảm so với năm 2020"]
    first = rows_of(table)[1]
    now = sum(r.inspections for r in sample_book.results)
    before = sum(r.inspections for r in sample_book.results_previous)
    rate = (Decimal(now - before) * 100 / before).quantize(Decimal("0.1"))
    assert first[1:4] == ["Số cuộc thanh tra (cuộc)", str(before), str(now)]
    assert first[4] in (f"tăng {rate}%".replace(".", ","), f"tăng {rate.normalize()}%"
                        .replace(".", ","))


def test_one_line_per_member_with_the_tables_figures(sample: Document,
                                                     sample_book: Workbook) -> None:
    all_texts = texts(sample)
    start = all_texts.index(MEMBERS_LEAD) + 1
    lines = all_texts[start:start + len(sample_book.results)]
    table = rows_of(members_table(sample))[1:-1]
    columns = columns_by_field(members_table(sample))
    assert len(table) == len(lines) == len(sample_book.results)
    for line, row, results in zip(lines, table, sample_book.results, strict=True):
        unit, _, figures = line.partition(": ")
        assert unit == f"- {results.unit}"
        clauses = parse_clauses(figures)
        for field, (value, rate) in clauses.items():
            assert value == row[columns[field]], (unit, field)
            assert rate is not None
        assert line.endswith(";" if results is not sample_book.results[-1] else ".")
    assert not all_texts[start + len(lines)].startswith("- ")


def test_without_the_previous_year_nothing_is_compared(sample_book: Workbook) -> None:
    book = sample_book.model_copy(update={"results_previous": []})
    document = render(book)
    text = "\n".join(texts(document))
    assert "so với năm 2020" not in text
    assert "tăng 0%" not in text and "không đổi" not in text
    assert not any(t.rows[0].cells[1].text == "Chỉ tiêu" for t in document.tables)
    sentence = next(t for t in texts(document) if t.startswith("Năm 2021, toàn Cụm đã "))
    assert all(rate is None for _, rate in parse_clauses(
        sentence.removeprefix("Năm 2021, toàn Cụm đã ")).values())
    start = texts(document).index(MEMBERS_LEAD) + 1
    assert len([t for t in texts(document)[start:] if t.startswith("- Thanh tra ")
                and "cuộc thanh tra" in t]) == len(book.results)


def test_a_member_without_a_previous_row_is_not_compared_nor_the_totals(
    sample_book: Workbook,
) -> None:
    book = _with_previous(sample_book)
    first = book.results[0].unit
    book = book.model_copy(update={"results_previous": [
        r for r in book.results_previous if r.unit != first]})
    all_texts = texts(render(book))
    line = next(t for t in all_texts if t.startswith(f"- {first}: "))
    assert "tăng" not in line and "giảm" not in line
    other = next(t for t in all_texts if t.startswith(f"- {book.results[1].unit}: "))
    assert "so với năm 2020" in other
    sentence = next(t for t in all_texts if t.startswith("Năm 2021, toàn Cụm đã "))
    assert "so với" not in sentence


def test_equal_and_zero_previous_figures_read_honestly(sample_book: Workbook) -> None:
    book = _with_previous(sample_book)
    unit = book.results[0].unit
    now = book.results_of(unit)
    assert now is not None
    previous: list[Results] = []
    for r in book.results_previous:
        if r.unit == unit:
            r = r.model_copy(update={"inspections": now.inspections, "transferred": 0,
                                     "receptions": now.receptions * 2})
        previous.append(r)
    book = book.model_copy(update={"results_previous": previous, "results": [
        r.model_copy(update={"transferred": 3}) if r.unit == unit else r
        for r in book.results]})
    line = next(t for t in texts(render(book)) if t.startswith(f"- {unit}: "))
    assert f"tiến hành {now.inspections} cuộc thanh tra, không đổi so với năm 2020;" in line
    assert f"tiếp {now.receptions} lượt công dân, giảm 50%" in line
    assert "tăng 0%" not in line


# --------------------------------------------------------------------------- awards


def _award(book: Workbook, unit: str, award: str, *, title: bool, count: int,
           target: str = "collective") -> AwardReceived:
    return AwardReceived(year=book.cluster.year, unit=unit, target=target,  # type: ignore[arg-type]
                         award=award, is_title=title, count=count,
                         decider="Chủ tịch UBND tỉnh")


def _number(text: str) -> int:
    return int(text.replace(".", "") or 0)


def test_awards_table_counts_titles_and_forms_with_totals(sample_book: Workbook) -> None:
    units = [m.name for m in sample_book.members]
    extra = [_award(sample_book, units[0], "Tập thể lao động xuất sắc", title=True, count=1),
             _award(sample_book, units[1], "Tập thể lao động xuất sắc", title=True, count=1),
             _award(sample_book, units[1], "Chiến sĩ thi đua cơ sở", title=True, count=3,
                    target="individual")]
    book = sample_book.model_copy(update={"awards": [*sample_book.awards, *extra]})
    document = render(book)
    table = rows_of(table_starting(document, "Danh hiệu thi đua, hình thức khen thưởng"))
    groups = [i for i, row in enumerate(table) if row[0] in ("I", "II")]
    assert [table[i][1] for i in groups] == ["Danh hiệu thi đua", "Hình thức khen thưởng"]
    titles = table[groups[0] + 1:groups[1]]
    assert [(r[1], r[3], r[4]) for r in titles] == [
        ("Tập thể lao động xuất sắc", "2", "0"), ("Chiến sĩ thi đua cơ sở", "0", "3")]
    forms = table[groups[1] + 1:-1]
    for group, members in ((table[groups[0]], titles), (table[groups[1]], forms)):
        assert _number(group[3]) == sum(_number(r[3]) for r in members)
        assert _number(group[4]) == sum(_number(r[4]) for r in members)
    total = table[-1]
    assert total[0] == "Tổng cộng"
    year = [a for a in book.awards if a.year == 2021]
    collectives = sum(a.count for a in year if a.target == "collective")
    individuals = sum(a.count for a in year if a.target == "individual")
    assert (_number(total[-2]), _number(total[-1])) == (collectives, individuals)
    assert (f"Năm 2021, các thành viên Cụm có {collectives} lượt tập thể và {individuals} "
            "lượt cá nhân được công nhận danh hiệu thi đua hoặc được khen thưởng, cụ thể như "
            "sau:") in texts(document)


def test_sample_awards_total_equals_the_sheet(sample: Document,
                                              sample_book: Workbook) -> None:
    table = rows_of(table_starting(sample, "Danh hiệu thi đua, hình thức khen thưởng"))
    year = [a for a in sample_book.awards if a.year == 2021]
    assert table[-1][0] == "Tổng cộng"
    assert _number(table[-1][-2]) == sum(a.count for a in year if a.target == "collective")
    assert _number(table[-1][-1]) == sum(a.count for a in year if a.target == "individual")


# --------------------------------------------------------------------------- tasks


def _tasks_after(all_texts: list[str], heading: str) -> list[tuple[int, str]]:
    start = all_texts.index(heading)
    found = []
    for text in all_texts[start + 1:]:
        if text.startswith("IV. "):
            break
        match = TASK.match(text)
        if match:
            found.append((int(match[1]), match[2]))
    return found


def _plan_tasks(book: Workbook) -> list[str]:
    return [line.strip() for part in ("targets", "content", "organisation")
            for item in book.plan if item.part == part
            for line in item.text.splitlines() if line.strip()]


def test_directions_are_the_numbered_tasks_of_next_years_plan(
    sample: Document, sample_book: Workbook
) -> None:
    all_texts = texts(sample)
    tasks = _tasks_after(all_texts, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022")
    expected = _plan_tasks(sample_book)
    assert expected
    assert [n for n, _ in tasks] == list(range(1, len(expected) + 1))
    assert [t.rstrip(".") for _, t in tasks] == [e.rstrip(".;") for e in expected]
    heading = all_texts.index("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022")
    election = next(i for i, t in enumerate(all_texts) if t.startswith("Hội nghị thống nhất bầu"))
    last_task = max(i for i, t in enumerate(all_texts) if TASK.match(t) and i > heading)
    assert heading < last_task < election


# --------------------------------------------------------------------------- movements


def test_movements_are_listed_once(sample: Document, sample_book: Workbook) -> None:
    all_texts = texts(sample)
    for movement in sample_book.movements:
        listed = [t for t in all_texts if t.startswith(f"- {movement.name}")]
        assert len(listed) == 1, movement.name
    kinds = {m.kind for m in sample_book.movements}
    if kinds == {"regular", "thematic"}:
        assert "a) Các phong trào thi đua thường xuyên:" in all_texts
        assert "b) Các phong trào thi đua chuyên đề:" in all_texts


# --------------------------------------------------------------------------- other clusters


@pytest.mark.parametrize(("write", "members", "group"),
                         [(departments, DEPARTMENTS, "Khối"), (wards, WARDS, "Cụm")])
def test_other_clusters_line_per_member_and_figures(
    tmp_path: Path, write: Any, members: list[str], group: str
) -> None:
    book = check(write(tmp_path / "book.xlsx")).book
    for variant in (book, _with_previous(book, Decimal("0.8"))):
        document = render(variant)
        all_texts = texts(document)
        start = all_texts.index(MEMBERS_LEAD) + 1
        lines = all_texts[start:start + len(members)]
        assert [line.partition(": ")[0] for line in lines] == [f"- {m}" for m in members]
        table = rows_of(members_table(document))
        columns = columns_by_field(members_table(document))
        for line, row in zip(lines, table[1:-1], strict=True):
            for field, (value, _) in parse_clauses(line.partition(": ")[2]).items():
                assert value == row[columns[field]]
        lead = f"Năm 2025, toàn {group} đã "
        sentence = next(t for t in all_texts if t.startswith(lead))
        for field, (value, _) in parse_clauses(sentence.removeprefix(lead)).items():
            assert value == table[-1][columns[field]]
        compared = "so với năm 2024" in sentence
        assert compared == bool(variant.results_previous)
        tasks = _tasks_after(all_texts, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026")
        assert [t.rstrip(".") for _, t in tasks] == [
            e.rstrip(".;") for e in _plan_tasks(variant)]


def test_a_cluster_without_awards_prints_no_awards_table(tmp_path: Path) -> None:
    book = check(wards(tmp_path / "wards.xlsx")).book
    assert not [a for a in book.awards if a.year == book.cluster.year]
    document = render(book)
    assert not any(t.rows[0].cells[1].text.startswith("Danh hiệu thi đua")
                   for t in document.tables)
    assert not any("lượt tập thể" in t for t in texts(document))
    all_texts = texts(document)
    after = all_texts[all_texts.index("4. Công tác khen thưởng") + 1]
    assert after == ("[Bổ sung: kết quả công tác khen thưởng năm 2025 của các thành viên (danh "
                     "hiệu thi đua, hình thức khen thưởng, số tập thể, cá nhân)]")


def test_awards_typed_or_counted_leave_no_fill_in(sample: Document) -> None:
    assert not any("[Bổ sung" in t for t in texts(sample))

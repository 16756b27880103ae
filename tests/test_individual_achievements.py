"""Achievement reports on clusters unlike the sample: the individual's report (NĐ 91/2017
Mẫu 02) for each proposed person, a Khối's flag report, and a flag with a tie at the top."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.document import Document

from docgen.build import build
from docgen.check import lint
from docgen.model import AwardReceived, Score, Vote, Workbook
from tests import other_clusters as oc
from tests.achievement_docs import (
    COLLECTIVE,
    INDIVIDUAL,
    cell_lines,
    marked_runs_are_highlighted,
    markers,
    name_line,
    opened,
    render,
    texts,
)

PREFIX = "2025_cum-iii_bao-cao-thanh-tich-ca-nhan-"
HA_FILE = f"{PREFIX}tai-chinh-nguyen-thi-thu-ha.docx"
CURRICULUM = [
    "- Họ và tên: Nguyễn Thị Thu Hà",
    "- Sinh ngày: [Bổ sung: ngày, tháng] năm 1979",
    "- Giới tính: Nữ",
    "- Quê quán: [Bổ sung: xã (phường), tỉnh (thành phố)]",
    "- Trú quán: [Bổ sung: nơi thường trú]",
    f"- Đơn vị công tác: {oc.FINANCE}",
    "- Chức vụ (Đảng, chính quyền, đoàn thể): Trưởng phòng Quản lý ngân sách",
    "- Trình độ chuyên môn, nghiệp vụ: [Bổ sung: trình độ chuyên môn, nghiệp vụ, lý luận chính "
    "trị]",
    "- Học hàm, học vị: [Bổ sung: học hàm, học vị (nếu có)]",
]
PARTS = ["I. SƠ LƯỢC LÝ LỊCH", "II. THÀNH TÍCH ĐẠT ĐƯỢC", "1. Quyền hạn, nhiệm vụ được giao",
         "2. Thành tích đạt được", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
         "1. Danh hiệu thi đua", "2. Hình thức khen thưởng"]


@pytest.fixture(scope="module")
def departments(khanh_hoa_book: Workbook) -> Workbook:
    return khanh_hoa_book  # written and read once a session (conftest)


@pytest.fixture(scope="module")
def individuals(departments: Workbook) -> dict[str, bytes]:
    return render(departments, [INDIVIDUAL])


def _ha(individuals: dict[str, bytes]) -> Document:
    return opened(individuals[HA_FILE])


def test_one_report_per_proposed_individual_named_by_unit_and_person(
        individuals: dict[str, bytes]) -> None:
    assert list(individuals) == [
        HA_FILE, f"{PREFIX}xay-dung-tran-minh-quan.docx", f"{PREFIX}y-te-le-hoang-nam.docx",
        f"{PREFIX}noi-vu-dang-thi-ngoc-anh.docx"]


def test_two_people_of_one_unit_get_two_files(departments: Workbook) -> None:
    second = Vote(target="individual", unit=oc.FINANCE, person="Trần Văn Bình",
                  person_title="Phó Giám đốc", birth_year=1977, gender="male",
                  award="Giấy khen", votes_for=12, voters=12)
    done = render(departments.model_copy(update={"votes": [*departments.votes, second]}),
                  [INDIVIDUAL])
    mine = sorted(n for n in done if "-tai-chinh-" in n)
    assert mine == [HA_FILE, f"{PREFIX}tai-chinh-tran-van-binh.docx"]


def test_header_title_and_curriculum(individuals: dict[str, bytes]) -> None:
    document = _ha(individuals)
    header = document.tables[0]
    assert [p.text for p in header.cell(0, 0).paragraphs if p.text] == [
        "UBND TỈNH KHÁNH HÒA", "SỞ TÀI CHÍNH"]
    assert header.cell(1, 0).text == ""
    assert header.cell(1, 1).text == "Khánh Hòa, ngày 12 tháng 12 năm 2025"
    text = texts(document)
    assert [t for t in text if t][:2] == [
        "BÁO CÁO THÀNH TÍCH",
        "ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA NĂM 2025"]
    start = text.index("I. SƠ LƯỢC LÝ LỊCH") + 1
    assert text[start:start + len(CURRICULUM)] == CURRICULUM
    positions = [text.index(p) for p in PARTS]
    assert positions == sorted(positions)


def test_achievements_are_the_persons_to_write_with_the_units_result(
        individuals: dict[str, bytes]) -> None:
    text = texts(_ha(individuals))
    duties = text.index("1. Quyền hạn, nhiệm vụ được giao")
    assert text[duties + 1] == ("[Bổ sung: quyền hạn, nhiệm vụ được giao; đặc điểm của đơn vị, "
                                "bộ phận công tác]")
    done = text.index("2. Thành tích đạt được")
    assert text[done + 1] == (f"Kết quả chấm điểm thi đua năm 2025 của {oc.KH_CLUSTER}: "
                              f"{oc.FINANCE}, nơi {oc.HA} công tác, đạt 110/120 điểm, xếp thứ "
                              "2/12.")
    assert text[done + 2].startswith("[Bổ sung: thành tích của cá nhân trong năm 2025:")


def test_no_awards_known_asks_for_them(individuals: dict[str, bytes]) -> None:
    document = _ha(individuals)
    text = texts(document)
    titles = text.index("1. Danh hiệu thi đua")
    assert text[titles + 1].startswith("[Bổ sung: danh hiệu thi đua đã được công nhận")
    assert len(document.tables) == 2  # header and signatures: no award table
    assert len(markers(document)) == 9
    assert marked_runs_are_highlighted(document)


def test_the_persons_own_awards_are_listed(departments: Workbook) -> None:
    earlier = AwardReceived(year=2024, unit=oc.FINANCE, target="individual", recipient=oc.HA,
                            award="Chiến sĩ thi đua cơ sở", is_title=True, count=1,
                            decision="77/QĐ-STC", decider="Giám đốc Sở Tài chính")
    done = render(departments.model_copy(update={"awards": [*departments.awards, earlier]}),
                  [INDIVIDUAL])
    document = opened(done[HA_FILE])
    table = document.tables[1]
    assert [c.text for c in table.rows[1].cells] == [
        "2024", "Chiến sĩ thi đua cơ sở", "Quyết định số 77/QĐ-STC của Giám đốc Sở Tài chính"]
    # the unit's group award to "Công chức, người lao động" is no award of this person
    assert "88/QĐ-STC" not in "\n".join(c.text for t in document.tables for r in t.rows
                                        for c in r.cells)


def test_signatures(individuals: dict[str, bytes]) -> None:
    block = _ha(individuals).tables[-1]
    assert cell_lines(block, 0) == ["THỦ TRƯỞNG ĐƠN VỊ", "XÁC NHẬN, ĐỀ NGHỊ", "Nguyễn Văn Thắng"]
    assert cell_lines(block, 1) == ["NGƯỜI BÁO CÁO THÀNH TÍCH", oc.HA]
    assert name_line(block, 0) == name_line(block, 1)


def test_unknown_birth_year_and_gender_are_asked_for(departments: Workbook) -> None:
    votes = [v.model_copy(update={"birth_year": None, "gender": None}) if v.person == oc.HA
             else v for v in departments.votes]
    text = texts(opened(render(departments.model_copy(update={"votes": votes}),
                               [INDIVIDUAL])[HA_FILE]))
    assert "- Sinh ngày: [Bổ sung: ngày, tháng, năm sinh]" in text
    assert "- Giới tính: [Bổ sung: giới tính]" in text


def test_lint_reports_only_the_markers(individuals: dict[str, bytes]) -> None:
    data = individuals[HA_FILE]
    assert {f.rule_id for f in lint(data, final=True)} == {"text.fill-in"}
    assert [f for f in lint(data) if f.severity == "error"] == []


def test_a_ward_cluster_individual(tmp_path: Path) -> None:
    built = build(oc.wards(tmp_path / "ct.xlsx"), tmp_path / "out",
                  only=[COLLECTIVE, INDIVIDUAL])
    names = [p.name for p in built.paths]
    person = "2025_cum-ii_bao-cao-thanh-tich-ca-nhan-thoi-an-dong-nguyen-hoang-phuc.docx"
    assert person in names  # 6/10 is more than half; Ngân's 5/10 is not
    assert not any("ly-thi-kim-ngan" in n for n in names)
    text = texts(opened((built.folder / person).read_bytes()))
    assert "- Giới tính: Nam" in text
    assert "- Sinh ngày: [Bổ sung: ngày, tháng] năm 1983" in text
    assert built.fill_ins[person] == 9


# ---------------------------------------------------------------- the Khối's flag


def _flag(book: Workbook, unit: str = "tu-phap") -> list[str]:
    done = render(book, [COLLECTIVE])
    return texts(opened(done[f"2025_cum-iii_bao-cao-thanh-tich-{unit}.docx"]))


def test_the_khoi_leader_leads_the_khoi(departments: Workbook) -> None:
    text = _flag(departments)
    assert (f"Kết quả chấm điểm thi đua năm 2025 của {oc.KH_CLUSTER}: đơn vị đạt 112,5/120 "
            "điểm, xếp thứ 1/12, dẫn đầu Khối.") in text
    assert ("Tiêu chuẩn: Cờ thi đua của Ủy ban nhân dân tỉnh Khánh Hòa xét tặng cho tập thể dẫn "
            "đầu Khối thi đua.") in text
    assert not any("căn cứ xác định" in t for t in text)


def test_without_previous_year_rows_the_khoi_compares_nothing(departments: Workbook) -> None:
    text = _flag(departments.model_copy(update={"results_previous": []}))
    assert "[Bổ sung: so sánh các chỉ tiêu chủ yếu với năm 2024 (Khối chưa có số liệu năm " \
           "2024 của đơn vị)]" in text
    assert not any("so với năm" in t for t in text)


def test_a_flag_with_a_tie_at_the_top_claims_no_lead(departments: Workbook) -> None:
    justice = next(s for s in departments.scores if s.unit == oc.JUSTICE)
    scores = [Score(unit=s.unit, points=dict(justice.points)) if s.unit == oc.FINANCE else s
              for s in departments.scores]
    # Finance now equals Justice in share and score and is listed first: it takes the flag
    text = _flag(departments.model_copy(update={"scores": scores}), "tai-chinh")
    assert (f"Kết quả chấm điểm thi đua năm 2025 của {oc.KH_CLUSTER}: đơn vị đạt 112,5/120 "
            f"điểm, xếp thứ 1/12 (đồng hạng với {oc.JUSTICE}).") in text
    claims = [t for t in text if "dẫn đầu Khối" in t
              and not t.startswith(("Tiêu chuẩn", "[Bổ sung"))]
    assert claims == []
    assert ("[Bổ sung: căn cứ xác định đơn vị dẫn đầu Khối (kết quả chấm điểm chưa cho thấy đơn "
            "vị đứng đầu một mình)]") in text

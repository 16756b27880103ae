"""Turn rows read from the sheets into the typed `Workbook`, checking references across sheets.

Unit names typed in any sheet are resolved to the member's full name here, matching full or
short names on a key that ignores case, spacing, Unicode form and tone-mark placement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from docgen import model as m
from docgen.intake import schema as s
from docgen.intake.reader import Collector, Row
from docgen.kinds import of_period
from docgen.vi import name_key

UNIT_SHEETS = ("registration", "results", "scores", "self_scores", "awards", "votes")
# A symbol (ký hiệu) as the number line "Số: 15/BC-CTĐ" writes it: letters, capital first.
SYMBOL = re.compile(r"[A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*")


def _source(row: Row) -> m.Source:
    return m.Source(sheet=row.sheet, row=row.row, cells=dict(row.cells))


def complete(row: Row) -> bool:
    """True when every required value of the row was read without a problem."""
    required = _required(row.sheet)
    for name, value in row.values.items():
        if value is None and name in required:
            return False
        if isinstance(value, dict) and None in value.values():
            return False
    return True


@cache  # asked for every row read; the sheets are fixed
def _required(title: str) -> frozenset[str]:
    for sheet in s.SHEETS:
        if sheet.title == title:
            return frozenset(c.field for c in sheet.columns if c.required)
    return frozenset()


def records(cls: type[Any], rows: Iterable[Row]) -> list[Any]:
    """Build one record per complete row; incomplete rows already produced problems."""
    out = []
    for row in rows:
        if complete(row):
            values = {k: v for k, v in row.values.items() if v is not None}
            out.append(cls(source=_source(row), **values))
    return out


class UnitIndex:
    """Resolves unit names typed in any sheet to members' full names.

    Built from the member rows as typed, so a member row with a problem elsewhere (say a
    blank role) still counts as a member and does not set off a second, misleading error.
    """

    def __init__(self, member_rows: list[Row]) -> None:
        self._names: dict[str, str] = {}
        for row in member_rows:
            full = row.values.get("name")
            if not isinstance(full, str):
                continue
            for name in (full, row.values.get("short_name")):
                if isinstance(name, str):
                    self._names.setdefault(name_key(name), full)

    def resolve(self, row: Row, field: str, out: Collector) -> None:
        """Replace a row's unit value by the member's full name, or record a problem."""
        value = row.values.get(field)
        if not isinstance(value, str):
            return
        found = self._names.get(name_key(value))
        if found is None:
            out.add(row.sheet, row.place(field), "Đơn vị",
                    f"đơn vị “{value}” không có trong trang '{s.MEMBERS.title}'.")
            row.values[field] = None
        else:
            row.values[field] = found


def check_members(rows: list[Row], out: Collector) -> None:
    """Names unique; exactly one leader and one deputy this year and next year.

    A role column with a blank or wrong cell (already reported) is not counted, and an
    empty sheet (already reported) is not checked.
    """
    seen: dict[str, int] = {}
    for row in rows:
        for field in ("name", "short_name"):
            name = row.values.get(field)
            if not isinstance(name, str):
                continue
            first = seen.setdefault(name_key(name), row.row)
            if first != row.row:
                out.add(row.sheet, row.place(field), "Tên đơn vị",
                        f"tên “{name}” trùng với dòng {first}.")
    for field, header in (("role", "Vai trò năm nay"), ("role_next", "Vai trò năm sau")):
        values = [r.values.get(field) for r in rows]
        if not rows or None in values:
            continue
        for role, label in (("leader", "Cụm trưởng"), ("deputy", "Cụm phó")):
            holders = [str(r.row) for r in rows if r.values.get(field) == role]
            if len(holders) != 1:
                out.add(s.MEMBERS.title, None, header,
                        f"cần đúng một {label}, đang có {len(holders)} "
                        f"(dòng: {', '.join(holders) or 'không có'}).")


def check_issuer(cluster: m.Cluster, members: list[m.Member], out: Collector) -> None:
    """Papers issued under the leader's unit need that unit's symbol (this and next year)."""
    if cluster.issued_as != "leader":
        return
    for member in members:
        if "leader" in (member.role, member.role_next) and not member.abbr:
            out.add(s.MEMBERS.title, _cell(member, "abbr") or _cell(member, "name"),
                    "Ký hiệu đơn vị", "đơn vị làm Cụm trưởng cần có ký hiệu vì văn bản ban "
                    "hành dưới tên đơn vị Cụm trưởng (trang 'Thông tin chung').")


def _row(record: m.Record) -> int:
    return record.source.row if record.source else 0


def _cell(record: m.Record, field: str) -> str | None:
    return record.source.cell(field) if record.source else None


def check_conference(conf: m.Conference, form: Row, out: Collector) -> None:
    """Ballot counts consistent; the meeting ends after it starts."""
    title = s.CONFERENCE.title
    if conf.ballots_returned > conf.ballots_issued:
        out.add(title, form.place("ballots_returned"), "Số phiếu thu về",
                f"{conf.ballots_returned} phiếu thu về nhiều hơn {conf.ballots_issued} "
                "phiếu phát ra.")
    if conf.ballots_valid > conf.ballots_returned:
        out.add(title, form.place("ballots_valid"), "Số phiếu hợp lệ",
                f"{conf.ballots_valid} phiếu hợp lệ nhiều hơn {conf.ballots_returned} "
                "phiếu thu về.")
    if conf.end <= conf.start:
        out.add(title, form.place("end"), "Giờ kết thúc",
                "giờ kết thúc phải sau giờ bắt đầu.")


def check_votes(rows: list[Row], out: Collector) -> None:
    """Votes for at most the voters; individuals need a name; no nominee twice per award."""
    _check_duplicate_nominees(rows, out)
    for row in rows:
        votes, voters = row.values.get("votes_for"), row.values.get("voters")
        if isinstance(votes, int) and isinstance(voters, int):
            if voters <= 0:
                out.add(row.sheet, row.place("voters"), "Tổng số người bỏ phiếu",
                        "phải lớn hơn 0.")
            elif votes > voters or votes < 0:
                out.add(row.sheet, row.place("votes_for"), "Số phiếu đồng ý",
                        f"{votes} phiếu đồng ý không thể vượt {voters} người bỏ phiếu.")
        if row.values.get("target") == "individual" and not row.values.get("person"):
            out.add(row.sheet, row.place("person"), "Họ và tên cá nhân",
                    "đối tượng là cá nhân nên phải ghi họ và tên.")


def _check_duplicate_nominees(rows: list[Row], out: Collector) -> None:
    seen: dict[tuple[object, ...], int] = {}
    for row in rows:
        v = row.values
        person = name_key(str(v.get("person") or ""))
        key = (v.get("target"), v.get("unit"), person, v.get("award"))
        if None in (key[0], key[1], key[3]):
            continue
        if key in seen:
            what = str(v.get("award"))
            who = v.get("person") or v.get("unit")
            out.add(row.sheet, row.place("award"), "Hình thức đề nghị",
                    f"{who} đã được đề nghị {what} ở dòng {seen[key]}; mỗi đối tượng chỉ được "
                    f"đề nghị một {what}.")
        else:
            seen[key] = row.row


def check_scores(rows: list[Row], criteria: list[m.Criterion], out: Collector) -> None:
    """Each score between 0 and its criterion's maximum."""
    limits = {c.code: c.max_points for c in criteria}
    for row in rows:
        points = row.values.get("points")
        if not isinstance(points, dict):
            continue
        for code, value in points.items():
            if isinstance(value, float) and not 0 <= value <= limits.get(code, value):
                out.add(row.sheet, row.place(code), code,
                        f"điểm {value:g} phải từ 0 đến {limits[code]:g} (điểm tối đa).")


def check_narratives(narratives: list[m.Narrative], out: Collector) -> None:
    """Every section the report cannot do without has prose."""
    present = {n.section for n in narratives}
    for code in s.REQUIRED_NARRATIVES:
        if code not in present:
            out.add(s.NARRATIVES.title, None, "Mục",
                    f"chưa có đoạn văn nào cho mục “{s.NARRATIVE_SECTIONS[code]}”.")


def check_signing(rows: list[Row], out: Collector, period: m.Period = "year") -> None:
    """One row per document (rows as typed), and a row for each document of the period's
    set."""
    seen: set[object] = set()
    for row in rows:
        code = row.values.get("document")
        if code in seen and isinstance(code, str):
            out.add(row.sheet, row.place("document"), "Văn bản",
                    f"văn bản “{s.DOCUMENTS[code]}” được khai hai lần.")
        seen.add(code)
    if not rows:
        return  # the empty sheet is already reported
    for kind in of_period(period):
        if kind.signing_row and kind.code not in seen:
            out.add(s.SIGNING.title, None, "Văn bản",
                    f"chưa có dòng cho văn bản “{kind.label}”.")


def check_period(period: m.Period, rows: dict[str, list[Row]], conference: Row | None,
                 unreadable: set[str], out: Collector) -> None:
    """The year-end set needs the scores, the votes and the ballot counts; a mid-year
    workbook may leave them blank."""
    if period != "year":
        return
    for sheet in s.YEAR_SHEETS:
        if sheet.title not in unreadable and not rows.get(sheet.key):
            out.add(sheet.title, None, None, "cần ít nhất 1 dòng dữ liệu.")
    if conference is None:
        return
    for field in s.YEAR_CONFERENCE_FIELDS:
        place = conference.place(field)
        if conference.values.get(field) is None and not any(
                p.sheet == conference.sheet and p.cell == place for p in out.problems):
            out.add(conference.sheet, place, s.CONFERENCE.column(field).header,
                    "chưa điền (bắt buộc).")


def check_criteria(criteria: list[m.Criterion], out: Collector) -> None:
    """Codes unique and maxima positive."""
    seen: set[str] = set()
    for c in criteria:
        if name_key(c.code) in seen:
            out.add(s.CRITERIA.title, _cell(c, "code"), "Mã", f"mã “{c.code}” bị trùng.")
        seen.add(name_key(c.code))
        if c.max_points <= 0:
            out.add(s.CRITERIA.title, _cell(c, "max_points"), "Điểm tối đa", "phải lớn hơn 0.")


def check_formats(members: list[Row], cluster: Row | None, out: Collector) -> None:
    """Place names start with a capital letter (they open the date line) and symbols are
    letters as the number line writes them ("CTĐ", "TTr")."""
    for row in members:
        place = row.values.get("place")
        if isinstance(place, str) and not place[:1].isupper():
            out.add(row.sheet, row.place("place"), "Địa danh",
                    f"“{place}” phải bắt đầu bằng chữ hoa (tên tỉnh, thành phố, ví dụ: Bạc "
                    "Liêu).")
        _check_symbol(row, "abbr", "Ký hiệu đơn vị", out)
    if cluster is not None:
        _check_symbol(cluster, "issuer_abbr", "Ký hiệu cơ quan ban hành", out)


def _check_symbol(row: Row, field: str, header: str, out: Collector) -> None:
    symbol = row.values.get(field)
    if isinstance(symbol, str) and not SYMBOL.fullmatch(symbol):
        out.add(row.sheet, row.place(field), header,
                f"“{symbol}” không phải là ký hiệu hợp lệ (chỉ gồm chữ cái, bắt đầu bằng chữ "
                "hoa, ví dụ: CTĐ, TTr).")


QUORUM_WORDS = {"half": "quá nửa", "two_thirds": "từ 2/3 trở lên", "all": "tất cả"}


def quorum_met(present: int, members: int, quorum: m.Quorum) -> bool:
    """Whether `present` of `members` member units meet the meeting's quorum."""
    if quorum == "half":
        return present * 2 > members
    if quorum == "two_thirds":
        return present * 3 >= members * 2
    return present == members


def resolve_attendance(rows: list[Row], units: UnitIndex, out: Collector) -> None:
    """A member's delegate names a member (resolved to its full name); a guest's body is
    kept as typed."""
    for row in rows:
        if row.values.get("status") != "guest":
            units.resolve(row, "unit", out)


def resolve_criteria(rows: list[Row], criteria: list[m.Criterion], out: Collector) -> None:
    """A criterion code (of a pact target, or a self-assessment) names a criterion of the
    scoring sheet."""
    codes = {name_key(c.code): c.code for c in criteria}
    for row in rows:
        code = row.values.get("criterion")
        if not isinstance(code, str):
            continue
        found = codes.get(name_key(code))
        if found is None:
            out.add(row.sheet, row.place("criterion"), "Mã tiêu chí",
                    f"mã “{code}” không có ở trang '{s.CRITERIA.title}' (có: "
                    f"{', '.join(codes.values())}).")
            row.values["criterion"] = None
        else:
            row.values["criterion"] = found


def split_results(results: list[m.Results], year: int,
                  out: Collector) -> tuple[list[m.Results], list[m.Results]]:
    """This year's rows and the previous year's; a row of any other year, or a unit twice
    in one year, is an error at its cell."""
    current: dict[str, m.Results] = {}
    previous: dict[str, m.Results] = {}
    for r in results:
        if r.year in (None, year):
            into = current
        elif r.year == year - 1:
            into = previous
        else:
            out.add(s.RESULTS.title, _cell(r, "year"), "Năm",
                    f"năm {r.year}: chỉ nhận năm thi đua {year} (hoặc để trống) và năm trước "
                    f"{year - 1} để so sánh.")
            continue
        if r.unit in into:
            out.add(s.RESULTS.title, _cell(r, "unit"), "Đơn vị",
                    f"đơn vị “{r.unit}” đã có số liệu năm {r.year or year} ở dòng "
                    f"{_row(into[r.unit])}.")
            continue
        into[r.unit] = r
    return list(current.values()), list(previous.values())


def check_attendance(people: list[m.Attendee], members: list[m.Member],
                     conf: m.Conference, form: Row, out: Collector) -> None:
    """When the attendance sheet is filled: every member is accounted for, one way; the
    ballots issued are the members present; the quorum is met; the counting board has one
    head, all present. Always: the election counts fit the valid ballots, and invalid
    ballots have their reasons."""
    title = s.CONFERENCE.title
    for field, header in (("leader_votes", "Số phiếu bầu Cụm trưởng năm sau"),
                          ("deputy_votes", "Số phiếu bầu Cụm phó năm sau")):
        votes = getattr(conf, field)
        if votes is not None and votes > conf.ballots_valid:
            out.add(title, form.place(field), header,
                    f"{votes} phiếu bầu nhiều hơn {conf.ballots_valid} phiếu hợp lệ.")
    if conf.ballots_valid < conf.ballots_returned and not conf.invalid_reasons:
        out.add(title, form.place("invalid_reasons"), "Lý do phiếu không hợp lệ",
                f"có {conf.ballots_returned - conf.ballots_valid} phiếu không hợp lệ nên phải "
                "ghi lý do (biên bản ghi lại lý do này).")
    if not people:
        return
    sheet = s.ATTENDANCE.title
    statuses: dict[str, set[str]] = {}
    for p in people:
        if p.status != "guest":
            statuses.setdefault(p.unit, set()).add(p.status)
    for member in members:
        found = statuses.get(member.name)
        if not found:
            out.add(sheet, None, "Đơn vị, cơ quan",
                    f"chưa có dòng nào cho {member.name}: ghi đại biểu có mặt, hoặc vắng mặt "
                    "(có hay không có ý kiến bằng văn bản).")
        elif len(found) > 1 and "present" not in found:
            out.add(sheet, None, "Tham dự",
                    f"{member.name} vừa “vắng mặt” vừa “vắng mặt, có ý kiến bằng văn bản”; "
                    "chọn một.")
    present = sum(1 for found in statuses.values() if "present" in found)
    if conf.ballots_issued != present:
        out.add(title, form.place("ballots_issued"), "Số phiếu phát ra",
                f"{conf.ballots_issued} phiếu phát ra nhưng trang '{sheet}' có {present} đơn "
                "vị thành viên có mặt (mỗi đơn vị một phiếu).")
    if not quorum_met(present, len(members), conf.quorum):
        out.add(sheet, None, "Tham dự",
                f"chỉ có {present}/{len(members)} đơn vị thành viên có mặt, chưa đủ "
                f"{QUORUM_WORDS[conf.quorum]} số thành viên để hội nghị bình xét (trang "
                f"'{title}', mục 'Số thành viên có mặt tối thiểu').")
    board = [p for p in people if p.counting is not None]
    heads = [p for p in board if p.counting == "head"]
    if board and len(heads) != 1:
        out.add(sheet, None, "Ban kiểm phiếu",
                f"Ban kiểm phiếu cần đúng một Trưởng ban, đang có {len(heads)}.")
    for p in board:
        if p.status != "present":
            out.add(sheet, _cell(p, "counting"), "Ban kiểm phiếu",
                    f"{p.name} không có mặt nên không thể ở Ban kiểm phiếu.")

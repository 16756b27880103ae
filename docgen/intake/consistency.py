"""Turn the records of a workbook into the problems no single cell shows: impossible figures.

Each check compares fields of different rows or sheets: ballots and votes, scores and
members, registrations, the dates of the year's papers, the cluster's own number series and
the superior body's deadline for award files. Every finding names the sheet and cell of the
figure to fix; all are collected, so one run lists them all. Numbering and the deadline are
warnings (the clerk may have reasons); the rest are errors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from docgen import model as m
from docgen import timeline as tl
from docgen.intake import schema as s
from docgen.intake.collect import Collector
from docgen.vi import name_key, short_date, upper_vi

# QĐ 575/QĐ-TTCP (2019): clusters send award files to the superior body before 20/12.
DEFAULT_DEADLINE = (12, 20)


def _cell(record: m.Record, field: str) -> str | None:
    return record.source.cell(field) if record.source else None


def _where(sheet: s.Sheet, record: m.Record, field: str) -> str:
    """"trang 'Hội nghị', ô B17" for messages that point at another sheet."""
    cell = _cell(record, field)
    return f"trang '{sheet.title}'" + (f", ô {cell}" if cell else "")


def check(records: dict[str, Any], singles: dict[str, Any], out: Collector) -> None:
    """Run every cross-field check on what could be read (records of incomplete rows are
    absent, so a check never repeats a problem already reported for a cell)."""
    conference: m.Conference | None = singles.get("conference")
    cluster: m.Cluster | None = singles.get("cluster")
    settings: m.Settings | None = singles.get("settings")
    year_end = settings is None or settings.period == "year"
    if conference is not None:
        check_ballots(conference, records.get("votes", []), out)
        if s.SIGNING.title not in out.unreadable:
            check_dates(conference, records.get("signing", []), records.get("citations", []),
                        cluster, out)
            check_invitation(conference, settings, records.get("signing", []), out)
    if year_end and s.SCORES.title not in out.unreadable \
            and s.MEMBERS.title not in out.unreadable:
        check_scored(records.get("members", []), records.get("scores", []), out)
    if s.SCORES.title not in out.unreadable and s.CRITERIA.title not in out.unreadable:
        check_self_scores(records.get("self_scores", []), records.get("scores", []),
                          records.get("criteria", []), out)
    check_registration(records.get("registration", []), out)
    if cluster is not None:
        check_numbering(cluster, records.get("signing", []), records.get("citations", []),
                        out)
        check_deadline(cluster, singles.get("settings"), records.get("signing", []), out)
        check_timeline(cluster, singles.get("settings"), records.get("timeline", []), out)
    if settings is not None and cluster is not None:
        check_emulation_period(settings, cluster, out)
    check_titles(records.get("members", []), records.get("signing", []), conference, out)


def check_ballots(conf: m.Conference, votes: list[m.Vote], out: Collector) -> None:
    """Votes for <= valid ballots (+ written opinions of absent members) <= returned <=
    issued <= council members (the voters each share is counted on); the first two steps
    are checked with the conference form. The voters beyond the ballots issued are the
    absent members' written opinions, which may count as votes for."""
    for vote in votes:
        written = max(vote.voters - conf.ballots_issued, 0)
        if vote.votes_for > conf.ballots_valid + written:
            opinions = f" và {written} ý kiến bằng văn bản" if written else ""
            out.add(s.VOTES.title, _cell(vote, "votes_for"), "Số phiếu đồng ý",
                    f"{vote.votes_for} phiếu đồng ý nhiều hơn {conf.ballots_valid} phiếu hợp lệ "
                    f"({_where(s.CONFERENCE, conf, 'ballots_valid')}){opinions}.")
        if conf.ballots_issued > vote.voters:
            out.add(s.VOTES.title, _cell(vote, "voters"), "Tổng số người bỏ phiếu",
                    f"{vote.voters} thành viên Hội đồng ít hơn {conf.ballots_issued} phiếu phát "
                    f"ra ({_where(s.CONFERENCE, conf, 'ballots_issued')}).")


def check_scored(members: list[m.Member], scores: list[m.Score], out: Collector) -> None:
    """Every member has a score row: the report and the minutes print the ranking."""
    if not members:
        return
    if not scores:
        out.add(s.SCORES.title, None, None, "chưa có điểm chấm của đơn vị nào; bảng xếp hạng "
                "trong báo cáo và biên bản cần điểm của mọi thành viên.")
        return
    scored = {score.unit for score in scores}
    for member in members:
        if member.name not in scored:
            out.add(s.SCORES.title, None, "Đơn vị",
                    f"chưa có dòng điểm của “{member.name}”; mọi thành viên đều được chấm "
                    "điểm.")


def check_self_scores(rows: list[m.SelfScore], scores: list[m.Score],
                      criteria: list[m.Criterion], out: Collector) -> None:
    """Each member and criterion once; a self-score within the criterion's maximum; points
    added or taken away have their reason; and the self-score plus the points added, less
    the points taken away, is the cluster's score on the 'Chấm điểm' sheet, so the score
    sheet explains every difference."""
    limits = {c.code: c.max_points for c in criteria}
    cluster = {(score.unit, code): (score, value) for score in scores
               for code, value in score.points.items()}
    seen: dict[tuple[str, str], int] = {}
    sheet = s.SELF_SCORES.title
    for row in rows:
        key = (row.unit, row.criterion)
        line = row.source.row if row.source else 0
        if key in seen:
            out.add(sheet, _cell(row, "criterion"), "Mã tiêu chí",
                    f"“{row.unit}”, tiêu chí {row.criterion} đã có ở dòng {seen[key]}.")
            continue
        seen[key] = line
        top = limits.get(row.criterion)
        if top is not None and row.self_points > top:
            out.add(sheet, _cell(row, "self_points"), "Điểm tự chấm",
                    f"điểm {_points(row.self_points)} lớn hơn điểm tối đa {_points(top)} của "
                    f"tiêu chí {row.criterion}.")
            continue  # one cause, one error: the difference below follows from it
        if (row.plus or row.minus) and not row.reason:
            field = "plus" if row.plus else "minus"
            out.add(sheet, _cell(row, "reason") or _cell(row, field), "Lý do cộng, trừ",
                    "có điểm cộng hoặc điểm trừ nên phải ghi lý do.")
        found = cluster.get(key)
        if found is None:
            continue
        score, value = found
        expected = row.self_points + row.plus - row.minus
        if abs(expected - value) > 1e-6:
            out.add(sheet, _cell(row, "self_points"), "Điểm tự chấm",
                    f"tự chấm {_points(row.self_points)}, cộng {_points(row.plus)}, trừ "
                    f"{_points(row.minus)} là {_points(expected)} điểm, khác {_points(value)} "
                    f"điểm Cụm chấm ({_where(s.SCORES, score, row.criterion)}): ghi điểm cộng "
                    "hoặc trừ và lý do cho phần chênh lệch.")


def _points(value: float) -> str:
    """Points as the workbook shows them, with a decimal comma: 12,5."""
    return f"{value:g}".replace(".", ",")


def check_invitation(conf: m.Conference, settings: m.Settings | None,
                     signing: list[m.Signing], out: Collector) -> None:
    """The invitation goes out before the conference, by the cluster's notice period (a
    warning), and asks for the papers before the conference and after it is sent."""
    invitation = _signed(signing).get("giay-moi")
    held = short_date(conf.date)
    if invitation is not None:
        days = (conf.date - invitation.date).days
        notice = settings.notice_days if settings is not None else m.Settings().notice_days
        if days <= 0:
            out.add(invitation.sheet, invitation.date_cell, "Ngày ban hành",
                    f"giấy mời ghi ngày {short_date(invitation.date)}, không trước ngày họp "
                    f"{held} ({_where(s.CONFERENCE, conf, 'date')}).")
        elif days < notice:
            out.warn(invitation.sheet, invitation.date_cell, "Ngày ban hành",
                     f"giấy mời ghi ngày {short_date(invitation.date)}, chỉ {days} ngày trước "
                     f"ngày họp {held}; Cụm gửi giấy mời trước ít nhất {notice} ngày (trang "
                     f"'{s.SETTINGS.title}', “{s.SETTINGS.column('notice_days').header}”).")
    due = conf.prepare_deadline
    if due is None:
        return
    if due >= conf.date:
        out.add(s.CONFERENCE.title, _cell(conf, "prepare_deadline"), "Hạn gửi tài liệu",
                f"hạn gửi tài liệu {short_date(due)} phải trước ngày họp {held}.")
    elif invitation is not None and due < invitation.date:
        out.add(s.CONFERENCE.title, _cell(conf, "prepare_deadline"), "Hạn gửi tài liệu",
                f"hạn gửi tài liệu {short_date(due)} trước cả ngày giấy mời "
                f"{short_date(invitation.date)}.")


def check_registration(rows: list[m.Registration], out: Collector) -> None:
    """No more registered than there are, for collectives and for individuals."""
    for row in rows:
        for total, registered, noun in (("collectives", "collectives_registered", "tập thể"),
                                        ("individuals", "individuals_registered", "cá nhân")):
            count, signed = getattr(row, total), getattr(row, registered)
            if signed > count:
                header = s.REGISTRATION.column(registered).header
                out.add(s.REGISTRATION.title, _cell(row, registered), header,
                        f"{signed} {noun} đăng ký nhiều hơn {count} {noun} của đơn vị "
                        f"“{row.unit}”.")


@dataclass(frozen=True)
class _Paper:
    """A paper of the cluster's own with its date and number, and where they are typed."""

    label: str
    date: dt.date
    number: int | None
    sheet: str
    date_cell: str | None
    number_cell: str | None


def _signed(signing: Iterable[m.Signing]) -> dict[str, _Paper]:
    return {x.document: _Paper(s.DOCUMENTS[x.document], x.date, x.number, s.SIGNING.title,
                               _cell(x, "date"), _cell(x, "number"))
            for x in signing}


def _own_citations(citations: Iterable[m.Citation], abbrs: set[str]) -> list[_Paper]:
    """Cited papers of the cluster's own series: a number such as '22/KH-CTĐ'."""
    found = []
    for c in citations:
        match = re.fullmatch(r"0*(\d+)/[A-Za-zĐđ]+-(.+)", c.number or "")
        if match and match[2] in abbrs and c.date is not None:
            found.append(_Paper(f"{c.kind} số {c.number}", c.date, int(match[1]),
                                s.CITATIONS.title, _cell(c, "date"), _cell(c, "number")))
    return found


def check_dates(conf: m.Conference, signing: list[m.Signing], citations: list[m.Citation],
                cluster: m.Cluster | None, out: Collector) -> None:
    """The year's plan <= the conference = the minutes <= the report and the proposal; next
    year's plan and pact after the conference."""
    papers = _signed(signing)
    held = short_date(conf.date)
    minutes = papers.get("bien-ban")
    if minutes is not None and minutes.date != conf.date:
        out.add(minutes.sheet, minutes.date_cell, "Ngày ban hành",
                f"biên bản họp bình xét ghi ngày {short_date(minutes.date)}, khác ngày họp "
                f"{held} ({_where(s.CONFERENCE, conf, 'date')}).")
    for code in ("bao-cao-tong-ket", "to-trinh", "ke-hoach", "giao-uoc", "thong-bao-ket-luan"):
        paper = papers.get(code)
        if paper is not None and paper.date < conf.date:
            out.add(paper.sheet, paper.date_cell, "Ngày ban hành",
                    f"{paper.label} ghi ngày {short_date(paper.date)}, trước ngày họp {held} "
                    "mà văn bản này nói đến.")
    abbrs = {cluster.issuer_abbr} if cluster is not None else set()
    for cited in _own_citations(citations, abbrs):
        if conf.date.year == cited.date.year and cited.date > conf.date:
            out.add(cited.sheet, cited.date_cell, "Ngày ban hành",
                    f"{cited.label} (văn bản của năm {cited.date.year}) ghi ngày "
                    f"{short_date(cited.date)}, sau ngày họp tổng kết {held}.")


def check_numbering(cluster: m.Cluster, signing: list[m.Signing],
                    citations: list[m.Citation], out: Collector) -> None:
    """Warn where a later paper of the cluster's own series has a number no higher than an
    earlier one of the same year (one series per issuer per calendar year)."""
    papers = [p for p in _signed(signing).values() if p.number is not None]
    papers += _own_citations(citations, {cluster.issuer_abbr})
    for later in papers:
        earlier = [p for p in papers if p.date.year == later.date.year and p.date < later.date
                   and p.number is not None and later.number is not None
                   and later.number <= p.number]
        if not earlier:
            continue
        top = max(earlier, key=lambda p: (p.number or 0, p.date))
        out.warn(later.sheet, later.number_cell, "Số",
                 f"{later.label} ngày {short_date(later.date)} mang số {later.number}, không "
                 f"lớn hơn số {top.number} của {top.label} ngày {short_date(top.date)}: số văn "
                 "bản của Cụm tăng dần theo ngày trong năm.")


def check_deadline(cluster: m.Cluster, settings: m.Settings | None,
                   signing: list[m.Signing], out: Collector) -> None:
    """Warn when the proposal is dated after the superior body's deadline for award files."""
    deadline = settings.files_deadline if settings is not None else None
    if deadline is None:
        deadline = dt.date(cluster.year, *DEFAULT_DEADLINE)
    proposal = _signed(signing).get("to-trinh")
    if proposal is not None and proposal.date > deadline:
        out.warn(proposal.sheet, proposal.date_cell, "Ngày ban hành",
                 f"tờ trình đề nghị khen thưởng ghi ngày {short_date(proposal.date)}, sau hạn "
                 f"gửi hồ sơ {short_date(deadline)} (trang '{s.SETTINGS.title}', "
                 f"“{s.SETTINGS.column('files_deadline').header}”).")


def check_timeline(cluster: m.Cluster, settings: m.Settings | None,
                   timeline: list[m.Milestone], out: Collector) -> None:
    """A member's own task in next year's timeline (a row whose unit names the members) falls
    before the cluster's deadline for award files (`timeline.cluster_deadline`): members
    send their papers to the Cụm trưởng first. A date that does not exist is an error."""
    for row in timeline:
        for found in tl.DATE.finditer(row.deadline):
            day, month, year = (int(g) for g in found.groups())
            try:
                dt.date(year, month, day)
            except ValueError:
                out.add(s.TIMELINE.title, _cell(row, "deadline"), "Thời hạn",
                        f"“{found.group(0)}” không phải là ngày có thật.")
    setting = settings.files_deadline if settings is not None else None
    for late in tl.late_member_tasks(timeline, cluster.year + 1, setting):
        out.add(s.TIMELINE.title, _cell(late.milestone, "deadline"), "Thời hạn",
                f"hạn của các đơn vị thành viên {short_date(late.date)} phải trước hạn gửi hồ "
                f"sơ khen thưởng của Cụm {short_date(late.deadline)} (dòng gửi hồ sơ ở trang "
                f"này, hoặc trang '{s.SETTINGS.title}', "
                f"“{s.SETTINGS.column('files_deadline').header}”, tính sang năm "
                f"{late.deadline.year}).")


# Papers signed by next year's leader; the others by this year's.
NEXT_YEARS = ("ke-hoach", "giao-uoc")


def check_titles(members: list[m.Member], signing: list[m.Signing],
                 conference: m.Conference | None, out: Collector) -> None:
    """Warn where a title is written without its locality ("Chánh Thanh tra" where
    "Chánh Thanh tra tỉnh Khánh Hòa" is meant), suggesting the full title."""
    leader = next((x for x in members if x.role == "leader"), None)
    leader_next = next((x for x in members if x.role_next == "leader"), None)
    for row in signing:
        signer = leader_next if row.document in NEXT_YEARS else leader
        if row.signer_subtitle and signer is not None:
            _title(row.signer_subtitle, signer, upper_vi(_full_title(signer)), s.SIGNING,
                   row, "signer_subtitle", out)
    if conference is None or leader is None:
        return
    deputy = next((x for x in members if x.role == "deputy"), None)
    _title(conference.chair_title, leader, f"{_full_title(leader)}, Cụm trưởng",
           s.CONFERENCE, conference, "chair_title", out)
    if conference.co_chair_title and deputy is not None:
        _title(conference.co_chair_title, deputy, f"{_full_title(deputy)}, Cụm phó",
               s.CONFERENCE, conference, "co_chair_title", out)


def _full_title(member: m.Member) -> str:
    return f"{member.head_title} {member.place}"


def _title(title: str, member: m.Member, suggested: str, sheet: s.Sheet, record: m.Record,
           field: str, out: Collector) -> None:
    if name_key(member.place) in name_key(title):
        return
    out.warn(sheet.title, _cell(record, field), sheet.column(field).header,
             f"“{title}” chưa ghi tên địa phương của {member.name}; có phải là "
             f"“{suggested}”?")


def check_emulation_period(settings: m.Settings, cluster: m.Cluster, out: Collector) -> None:
    """The emulation period is two years, the first before the last, and holds the
    workbook's year."""
    text = settings.emulation_period
    if text is None:
        return
    column = s.SETTINGS.column("emulation_period")
    cell = _cell(settings, "emulation_period")
    years = m.period_years(text)
    if years is None:
        out.add(s.SETTINGS.title, cell, column.header,
                f"“{text}” không phải là một giai đoạn: ghi năm đầu và năm cuối, ví dụ "
                "2021-2025.")
    elif years[0] >= years[1]:
        out.add(s.SETTINGS.title, cell, column.header,
                f"“{text}”: năm đầu {years[0]} phải trước năm cuối {years[1]}.")
    elif not years[0] <= cluster.year <= years[1]:
        out.add(s.SETTINGS.title, cell, column.header,
                f"năm thi đua {cluster.year} ({_where(s.CLUSTER, cluster, 'year')}) không "
                f"thuộc giai đoạn {years[0]}-{years[1]}.")

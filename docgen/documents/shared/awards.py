"""Turn the year's ballot outcome into the words every award document shares.

The nominee's printed name, the award's full name, the vote table rows and the sentences
stating who is proposed (and who is not, with the numbers) are written here once, so the
report, the minutes, the proposal and the list say exactly the same thing; the minutes'
ballot table and the count minutes' tables are one computation (`ballot_rows`).
"""

from __future__ import annotations

from typing import Any

from docgen.documents.shared import common as c
from docgen.model import AwardForm, Target, Workbook
from docgen.rules import Outcome, VoteOutcome
from docgen.vi import count_phrase, format_number

TARGET_NOUNS: dict[Target, str] = {"collective": "tập thể", "individual": "cá nhân"}
# What a share is counted on, after "trên": the plan's and the proposal's words.
BASE_WORDS = {
    "voters": "tổng số người bỏ phiếu (kể cả ý kiến bằng văn bản của thành viên vắng mặt)",
    "valid": "tổng số phiếu hợp lệ",
}


def nominee(v: VoteOutcome, book: Workbook) -> str:
    """The nominee as printed: the unit, or 'person, title, unit' for an individual."""
    if v.vote.target == "individual":
        parts = [v.vote.person or "", v.vote.person_title or "", v.vote.unit]
        return ", ".join(p for p in parts if p)
    return v.vote.unit


def joined(items: list[str]) -> str:
    """Items as a sentence lists them: 'A', 'A và B', 'A, B và C'."""
    return " và ".join([", ".join(items[:-1]), items[-1]] if len(items) > 2 else items)


def names(forms: list[AwardForm]) -> str:
    """The awards' printed names joined: 'Cờ thi đua … và Bằng khen …'."""
    return joined([form.full_name for form in forms])


def deciders(forms: list[AwardForm], fallback: str) -> str:
    """Who is asked to grant the awards ('Tổng Thanh tra Chính phủ'), each named once;
    `fallback` (the superior body's head) when there are none."""
    named = list(dict.fromkeys(form.decider for form in forms))
    return joined(named) if named else fallback


def counted(v: VoteOutcome) -> str:
    """'7/7': votes for and the base the share is counted on."""
    return f"{format_number(v.vote.votes_for)}/{format_number(v.base)}"


def vote_sentence(book: Workbook) -> str:
    """The ballot figures: issued, returned, valid."""
    conf = book.conference
    return (
        "Hội nghị tiến hành bình xét, suy tôn bằng phiếu kín: số phiếu phát ra "
        f"{conf.ballots_issued}, số phiếu thu về {conf.ballots_returned}, số phiếu hợp lệ "
        f"{conf.ballots_valid}. Kết quả như sau:"
    )


def votes_context(book: Workbook, result: Outcome) -> dict[str, Any]:
    """The ballot figures, the per-nominee table and the conclusion."""
    rows = [
        {"stt": str(i), "nominee": nominee(v, book), "award": v.form.full_name,
         "votes": counted(v), "percent": c.percent(v.percent)}
        for i, v in enumerate(result.votes, start=1)
    ]
    return {
        "vote_sentence": vote_sentence(book),
        "vote_rows": rows,
        **conclusion(book, result),
    }


def ballot_rows(book: Workbook, result: Outcome) -> list[dict[str, Any]]:
    """Every nominee's ballot result in ballot order, proposed or not: the one computation
    of the figures the minutes' ballot table and the count minutes print. Each row: 'stt'
    (its place on the minutes' table), 'nominee', 'award' (printed name), 'votes_for',
    'voters' (what the share is counted on), 'percent', 'proposed' and 'reached' (the
    share meets the award's threshold, whether or not a place was left)."""
    return [
        {"stt": str(i), "nominee": nominee(v, book), "award": v.form.full_name,
         "votes_for": format_number(v.vote.votes_for), "voters": format_number(v.base),
         "percent": c.percent(v.percent), "proposed": v.proposed,
         "reached": v.reason != "below_threshold"}
        for i, v in enumerate(result.votes, start=1)
    ]


def award_tallies(book: Workbook, result: Outcome) -> list[dict[str, Any]]:
    """The `ballot_rows` award by award, highest award first (the count minutes' tables):
    the award's printed name, the share it needs ('từ 80% số phiếu đồng ý trở lên trên …'),
    its places ('01 (một) tập thể', '' when none are set), whom it was voted on ('tập thể',
    'cá nhân' or 'tập thể, cá nhân'), the base of its shares ('7', or '12 (Sở A); 11 (Sở
    B)' when the rows count on different bases), its rows numbered from 1, and the rows
    whose share reached the threshold."""
    rows = list(zip(result.votes, ballot_rows(book, result), strict=True))
    tallies = []
    for form in result.voted():
        mine = [(v, row) for v, row in rows if v.vote.award == form.name]
        targets = list(dict.fromkeys(v.vote.target for v, _ in mine))
        bases = {row["voters"] for _, row in mine}
        tallies.append({
            "award": form.full_name,
            "rule": share_words(form),
            "threshold": threshold_words(form),
            "places": quota_words(form),
            "nominees": ", ".join(TARGET_NOUNS[t] for t in sorted(
                targets, key=list(TARGET_NOUNS).index)),
            "base": bases.pop() if len(bases) == 1 else "; ".join(
                f"{row['voters']} ({row['nominee']})" for _, row in mine),
            "rows": [row | {"stt": str(i)} for i, (_, row) in enumerate(mine, start=1)],
            "reached": [row for _, row in mine if row["reached"]],
        })
    return tallies


def conclusion(book: Workbook, result: Outcome) -> dict[str, Any]:
    """Who is proposed for what and who is not (with the numbers): the same words in the
    report and the minutes."""
    return {
        "conclusion_lead": proposal_lead(book, result),
        "conclusion_lines": proposal_lines(book, result),
        "refusals": refusal_sentences(book, result),
    }


def tally(v: VoteOutcome) -> str:
    """'7/7 phiếu đồng ý, đạt 100,0%': a nominee's votes for, voters and share."""
    return f"{counted(v)} phiếu đồng ý, đạt {c.percent(v.percent)}"


def proposal_lead(book: Workbook, result: Outcome) -> str:
    """The sentence opening the conclusion: who is asked, or that nobody qualified."""
    if not result.proposed:
        return "Hội nghị không có đơn vị, cá nhân nào đủ điều kiện để đề nghị khen thưởng."
    awarded = result.awarded()
    if len({form.decider for form in awarded}) > 1:
        return "Hội nghị thống nhất đề nghị:"
    return f"Hội nghị thống nhất đề nghị {deciders(awarded, book.cluster.superior_head)}:"


def proposal_lines(book: Workbook, result: Outcome) -> list[str]:
    """One line per proposed nominee, highest award first, with the votes: '- Tặng … cho …
    (…);'. When the awards have different deciders, each line names its decider."""
    awarded = result.awarded()
    several = len({form.decider for form in awarded}) > 1
    lines = [
        f"{form.decider + ' tặng' if several else 'Tặng'} {form.full_name} cho "
        f"{nominee(v, book)} ({tally(v)})"
        for form in awarded
        for v in result.proposed_for(form)
    ]
    return c.listed(lines)


def refusal_sentence(book: Workbook, v: VoteOutcome) -> str:
    """Why a nominee is not proposed, with the numbers and the rule applied; '' for a
    proposed nominee."""
    award = v.form.full_name
    if v.reason == "below_threshold":
        return (f"{nominee(v, book)} được {tally(v)}, chưa đạt tỷ lệ "
                f"{threshold_words(v.form)} để đề nghị tặng {award}, nên Hội nghị "
                "không đề nghị.")
    if v.reason == "over_quota":
        places = v.form.quota(v.vote.target)
        noun = TARGET_NOUNS[v.vote.target]
        if places == 0:
            return (f"{nominee(v, book)} được {tally(v)}, đủ tỷ lệ nhưng năm nay "
                    f"{c.cluster_word(book)} không có "
                    f"chỉ tiêu đề nghị tặng {award} cho {noun}, nên Hội nghị không đề nghị.")
        return (f"{nominee(v, book)} được {tally(v)}, đủ tỷ lệ nhưng vượt số lượng được đề "
                f"nghị tặng {award} (tối đa {count_phrase(places, noun)}){_tie_words(v, book)}, "
                "nên Hội nghị không đề nghị.")
    return ""


def threshold_words(form: AwardForm) -> str:
    """The threshold with its comparison as the council states it: 'từ 80% trở lên',
    'trên 50%'."""
    share = c.share_text(form.threshold)
    return f"trên {share}" if form.rule == "above" else f"từ {share} trở lên"


def share_words(form: AwardForm) -> str:
    """The share an award needs, as a standard states it: 'từ 80% số phiếu đồng ý trở lên
    trên tổng số người bỏ phiếu (…)', 'trên 50% số phiếu đồng ý trên tổng số phiếu hợp
    lệ'."""
    share = c.share_text(form.threshold)
    needed = (f"trên {share} số phiếu đồng ý" if form.rule == "above"
              else f"từ {share} số phiếu đồng ý trở lên")
    return f"{needed} trên {BASE_WORDS[form.base]}"


def quota_words(form: AwardForm) -> str:
    """'01 (một) tập thể và 02 (hai) cá nhân': the places, '' when there are none."""
    parts = [count_phrase(form.quota(target), noun) for target, noun in TARGET_NOUNS.items()
             if form.quota(target) > 0]
    return " và ".join(parts)


def _tie_words(v: VoteOutcome, book: Workbook) -> str:
    """What set an equal share apart from the last nominee taken ('' when shares differ)."""
    if v.after is None or v.decided_by is None:
        return ""
    other = v.after.person or v.after.unit
    if v.decided_by == "rank":
        return f"; bằng tỷ lệ phiếu với {other} nhưng xếp hạng chấm điểm thấp hơn"
    if v.decided_by == "ballot":
        return f"; bằng tỷ lệ phiếu với {other} cùng đơn vị, xếp sau theo thứ tự trên phiếu bầu"
    return (f"; bằng tỷ lệ phiếu và thứ hạng chấm điểm với {other}, đứng sau theo thứ tự "
            f"danh sách thành viên {c.cluster_word(book)}")


def refusal_sentences(book: Workbook, result: Outcome) -> list[str]:
    """A `refusal_sentence` for every nominee not proposed, in ballot order."""
    return [refusal_sentence(book, v) for v in result.votes if not v.proposed]

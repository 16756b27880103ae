"""Turn the award table ("Hình thức khen thưởng") into checked award forms, and the votes'
award names into references to them.

Workbooks made before the table existed kept one flag and one certificate in the settings
form ("Tên Cờ thi đua", "Số Bằng khen tối đa" ...). Such a workbook is still read: its
settings rows become the two rows of the table, with a warning, so last year's workbook can
be checked, built and rolled over into the new layout.
"""

from __future__ import annotations

import difflib
from typing import Any

from docgen.intake import schema as s
from docgen.intake.collect import Collector
from docgen.intake.reader import Row, read_form
from docgen.vi import name_key

# The settings rows of workbooks made before the award table.
_N, _INT, _CH = s.Kind.NUMBER, s.Kind.INT, s.Kind.CHOICE
LEGACY_SETTINGS = s.Sheet(
    key="settings",
    title=s.SETTINGS.title,
    form=True,
    help="",
    columns=(
        s.Column("flag_name", "Tên Cờ thi đua", words=True),
        s.Column("merit_name", "Tên Bằng khen", words=True),
        s.Column("flag_threshold", "Tỷ lệ phiếu tối thiểu cho Cờ thi đua (%)", _N,
                 bounds=(0, 100)),
        s.Column("merit_threshold", "Tỷ lệ phiếu tối thiểu cho Bằng khen (%)", _N,
                 bounds=(0, 100)),
        s.Column("flag_quota", "Số Cờ thi đua tối đa", _INT),
        s.Column("merit_quota", "Số Bằng khen tối đa", _INT),
        s.Column("merit_quota_individual", "Số Bằng khen tối đa cho cá nhân", _INT,
                 required=False),
        s.Column("flag_rule", "Cách tính tỷ lệ Cờ thi đua", _CH, required=False,
                 choices=s.RULES),
        s.Column("merit_rule", "Cách tính tỷ lệ Bằng khen", _CH, required=False,
                 choices=s.RULES),
    ),
)
_LEGACY_MARK = LEGACY_SETTINGS.columns[0].header


def is_legacy(settings: Any) -> bool:
    """Whether a settings sheet is of the layout before the award table ("Tên Cờ thi đua")."""
    wanted = name_key(_LEGACY_MARK)
    return any(isinstance(label, str) and name_key(label) == wanted
               for _, label in settings.column(1))


def legacy_rows(settings: Any, decider: object, out: Collector,
                uncalculated: set[str] | None = None) -> list[Row]:
    """The award table's two rows, read from an old settings sheet; each value keeps the
    settings cell it came from, so a problem names that cell."""
    form = read_form(settings, LEGACY_SETTINGS, out, uncalculated)
    out.warn(s.SETTINGS.title, None, None,
             f"sổ theo mẫu cũ: tên, tỷ lệ phiếu và số lượng của Cờ thi đua và Bằng khen ở trang "
             f"'{s.SETTINGS.title}' được dùng làm trang '{s.AWARD_FORMS.title}'. Lập sổ năm sau "
             "bằng docgen rollover để có trang mới.")
    v, at = form.values, form.cells
    individual = v["merit_quota_individual"]
    defaults = {d["name"]: d for d in s.AWARD_FORM_DEFAULTS}
    specs = (
        ("Cờ thi đua", "flag", "collective", v["flag_quota"], None),
        ("Bằng khen", "merit", "both", v["merit_quota"],
         individual if individual is not None else v["merit_quota"]),
    )
    rows = []
    for index, (name, key, targets, collectives, individuals) in enumerate(specs, start=1):
        row = Row(s.SETTINGS.title, form.row)
        row.values = {
            "name": name, "full_name": v[f"{key}_name"],
            "decider": decider if isinstance(decider, str) else None,
            "targets": targets, "threshold": v[f"{key}_threshold"],
            "rule": v[f"{key}_rule"] or "at_least", "base": "voters",
            "quota_collective": collectives, "quota_individual": individuals,
            "precedence": index, "criteria": defaults[name]["criteria"],
        }
        cells = {"name": f"{key}_name", "full_name": f"{key}_name",
                 "threshold": f"{key}_threshold", "rule": f"{key}_rule",
                 "quota_collective": f"{key}_quota",
                 "quota_individual": "merit_quota_individual" if individual is not None
                 else f"{key}_quota"}
        row.cells = {field: at[old] for field, old in cells.items() if old in at}
        required = [c.field for c in s.AWARD_FORMS.columns if c.required]
        if all(row.values.get(field) is not None for field in required):
            rows.append(row)  # an incomplete one is already reported on its settings row
    return rows


def check_forms(rows: list[Row], out: Collector) -> None:
    """Names and ranks unique; a quota for every kind of nominee the award is for."""
    names: dict[str, int] = {}
    ranks: dict[object, int] = {}
    for row in rows:
        name = row.values.get("name")
        if isinstance(name, str):
            first = names.setdefault(name_key(name), row.row)
            if first != row.row:
                out.add(row.sheet, row.place("name"), "Hình thức",
                        f"“{name}” trùng với dòng {first}.")
        rank = row.values.get("precedence")
        if isinstance(rank, int):
            first = ranks.setdefault(rank, row.row)
            if first != row.row:
                out.add(row.sheet, row.place("precedence"), "Thứ tự",
                        f"thứ tự {rank} trùng với dòng {first}; mỗi hình thức một thứ tự.")
        targets = row.values.get("targets")
        for target, field, noun in (("collective", "quota_collective", "tập thể"),
                                    ("individual", "quota_individual", "cá nhân")):
            if targets in (target, "both") and row.values.get(field) is None \
                    and row.place(field) is not None and _blank_here(row, field, out):
                out.add(row.sheet, row.place(field), s.AWARD_FORMS.column(field).header,
                        f"chưa điền: hình thức này xét tặng cho {noun} nên cần số {noun} "
                        "tối đa (ghi 0 nếu năm nay không đề nghị).")


def _blank_here(row: Row, field: str, out: Collector) -> bool:
    """True when the cell was left blank (not already reported as unreadable)."""
    place = row.place(field)
    return not any(p.sheet == row.sheet and p.cell == place for p in out.problems)


class AwardIndex:
    """Resolves the award named in a vote row to its row of the award table."""

    def __init__(self, rows: list[Row]) -> None:
        self._rows: dict[str, Row] = {}
        for row in rows:
            for field in ("name", "full_name"):
                name = row.values.get(field)
                if isinstance(name, str) and isinstance(row.values.get("name"), str):
                    self._rows.setdefault(name_key(name), row)

    def resolve(self, vote: Row, out: Collector) -> None:
        """Replace a vote's award by the award's short name, or record a problem; a target
        the award is not for is a problem too."""
        value = vote.values.get("award")
        if not isinstance(value, str):
            return
        found = self._rows.get(name_key(value))
        if found is None:
            vote.values["award"] = None
            message = (f"“{value}” không có ở cột 'Hình thức' của trang "
                       f"'{s.AWARD_FORMS.title}'{self._hint(value)}")
            out.add(vote.sheet, vote.place("award"), "Hình thức đề nghị",
                    message if message.endswith("?") else f"{message}.")
            return
        vote.values["award"] = found.values["name"]
        targets, target = found.values.get("targets"), vote.values.get("target")
        if isinstance(target, str) and targets is not None and targets not in (target, "both"):
            noun = {"collective": "tập thể", "individual": "cá nhân"}
            out.add(vote.sheet, vote.place("target"), "Đối tượng",
                    f"{found.values['name']} chỉ xét tặng cho {noun[str(targets)]} (trang "
                    f"'{s.AWARD_FORMS.title}', dòng {found.row}), không cho "
                    f"{noun[target]}.")

    def _hint(self, value: str) -> str:
        names = {name_key(str(r.values["name"])): str(r.values["name"])
                 for r in self._rows.values()}
        close = difflib.get_close_matches(name_key(value), list(names), n=1, cutoff=0.6)
        if close:
            return f"; có phải là “{names[close[0]]}”?"
        return f" (các hình thức: {', '.join(sorted(set(names.values())))})" if names else ""

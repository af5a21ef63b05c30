"""Data-quality defects planted by the ``quality_problems`` scenario (for training and for testing
the quality checks). All are planted in the county's first village, one defect per household:

==================  ===========================================================================
kind                what is wrong
==================  ===========================================================================
size_mismatch       household.size is one more than its living members
bad_checksum        a member's ID number has a wrong check digit (18th character)
duplicate_person    the same person (name, ID number, birth date) is a living member of two
                    households; the second household's size counts them (size is right)
cd_house_exited     an exited household (已脱贫) lives in a C-rated house, with no 危房改造 measure
dropout             a child aged 7–14 is 非在校生 (not in school) although healthy
work_months_13      a member's 务工时间 is 13 months
pupil_aged_17       a member aged 17 is recorded as a primary-school pupil (在校生状况 小学)
exited_below_line   an exited household's per-capita net income in its exit year is below the
                    line (all items scaled to about 85 % of the line)
==================  ===========================================================================

``plant`` returns one ``{"kind", "household_id", "member_id"}`` record per defect; the generator
stores the list in the summary and in ``sync_meta`` (key ``demo_defects``) so training mode can
check what a trainee found.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from app.demo.families import Person, age_on, years
from app.demo.households import Plan
from app.idnumber import check_digit

KINDS: tuple[str, ...] = (
    "size_mismatch", "bad_checksum", "duplicate_person", "cd_house_exited", "dropout", "work_months_13",
    "pupil_aged_17", "exited_below_line",
)

#: Adds a new living member (unique valid ID number, size + 1) to a plan: (plan, sex, birth ordinal, relation).
AddMember = Callable[[Plan, str, int, str], Person]


def _wrong_check(number: str) -> str:
    right = check_digit(number[:17])
    wrong = "0" if right != "0" else "1"
    return number[:17] + wrong


def plant(plans: list[Plan], as_of: date, line_fen: dict[int, int], add_member: AddMember) -> list[dict[str, Any]]:
    """Plant every defect in ``plans`` (one village's households, before they become rows)."""
    as_of_ord = as_of.toordinal()
    live = [p for p in plans if p.removed_ord is None]
    used: set[str] = set()
    found: list[dict[str, Any]] = []

    def take(pred: Callable[[Plan], bool]) -> Plan:
        for p in live:
            if p.id not in used and pred(p):
                used.add(p.id)
                return p
        for p in live:  # fall back to any unused household (the defect is then made, not found)
            if p.id not in used:
                used.add(p.id)
                return p
        raise ValueError("the quality_problems scenario needs more households in its first village")

    def note(kind: str, plan: Plan, member: Person | None = None) -> None:
        found.append({"kind": kind, "household_id": plan.id, "member_id": member.id if member else None})

    # size_mismatch
    p = take(lambda p: True)
    p.size += 1
    note("size_mismatch", p)

    # bad_checksum
    p = take(lambda p: len(p.living()) >= 2)
    m = p.living()[-1] if len(p.living()) >= 2 else p.living()[0]
    m.id_number = _wrong_check(m.id_number)
    note("bad_checksum", p, m)

    # duplicate_person: an adult of household A also appears in household B
    a = take(lambda p: any(x.relation != "01" and age_on(x.birth, as_of_ord) >= 18 for x in p.living()))
    b = take(lambda p: True)
    adults = [x for x in a.living() if x.relation != "01" and age_on(x.birth, as_of_ord) >= 18] or a.living()
    src = adults[0]
    copy = add_member(b, src.sex, src.birth, "20")
    for attr in ("name", "ethnicity", "education", "school", "health", "dis_type", "dis_grade", "labour",
                 "work_status", "work_months", "employer", "residence", "political"):
        setattr(copy, attr, getattr(src, attr))
    copy.id_number = src.id_number
    copy.change_reason = "07"
    copy.change_date = max(b.id_ord + 30, as_of_ord - 200)
    note("duplicate_person", b, copy)

    # cd_house_exited
    p = take(lambda p: p.status in ("02", "03") and p.renovation_year is None and not p.relocated)
    p.conditions[10], p.conditions[11] = 1, "C"
    note("cd_house_exited", p)

    # dropout
    def child(x: Person) -> bool:
        return 7 <= age_on(x.birth, as_of_ord) <= 14 and x.school == "03" and x.health == "01"

    p = take(lambda p: any(child(x) for x in p.living()))
    kids = [x for x in p.living() if child(x)]
    kid = kids[0] if kids else add_member(p, "1", as_of_ord - years(10.4), "07")
    kid.school, kid.education, kid.health, kid.labour = "01", "02", "01", "05"
    note("dropout", p, kid)

    # work_months_13
    p = take(lambda p: any(x.works for x in p.living()))
    workers = [x for x in p.living() if x.works]
    w = workers[0] if workers else p.living()[0]
    w.work_months = 13
    if w.work_status == "06":
        w.work_status = "04"
    note("work_months_13", p, w)

    # pupil_aged_17
    def seventeen(x: Person) -> bool:
        return age_on(x.birth, as_of_ord) == 17

    p = take(lambda p: any(seventeen(x) for x in p.living()))
    teens = [x for x in p.living() if seventeen(x)]
    t = teens[0] if teens else add_member(p, "2", as_of_ord - years(17.5), "08")
    t.school, t.education, t.labour, t.work_status, t.work_months, t.employer = "03", "02", "05", "06", 0, ""
    t.residence = 12
    note("pupil_aged_17", p, t)

    # exited_below_line
    p = take(lambda p: p.status in ("02", "03") and p.exit_year is not None and p.exit_year <= as_of.year)
    if p.exit_year is None:  # made, not found: turn the household into an exited one
        p.status, p.exit_year = "02", as_of.year
        p.exit_ord = date(as_of.year, 11, 20).toordinal()
    row = next((r for r in p.incomes if r[0] == p.exit_year), None)
    if row is None:
        row = [p.exit_year, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0]
        p.incomes.append(row)
    net = row[1] + row[2] + sum(row[3:10]) - row[10]
    target = int(line_fen[p.exit_year] * 0.85) * p.size
    scale = target / net if net > 0 else 0
    for i in range(1, 11):
        row[i] = int(row[i] * scale) // 100 * 100
    note("exited_below_line", p)
    return found

"""One demo household: its history (identified, exited, returned, removed), card fields and house.

The timeline decides everything else, so it is drawn first:

- 识别: 2014 (the first 建档立卡 round) or 2015 (回头看 new identifications);
- 脱贫 in 2016–2020; 返贫 for a few households that had exited; 剔除 for a few wrongly included
  ones (kept as a tombstone: ``deleted`` is set, their history stays);
- members who joined (newborns, a daughter-in-law marrying in) or left (deaths, daughters marrying
  out) after identification carry the change reason and date and give 自然增加/自然减少 events.

Consistency that the quality rules check: exited households have an A/B house (a C/D house only
in a household that has not exited, and then with a 危房改造 measure), safe drinking water, and
causes of poverty backed by the members (因病 needs an ill member, 因残 a disabled one, 因学 pupils).
"""

from __future__ import annotations

import random
from datetime import date

from app.demo.families import (
    DAUGHTER,
    DEATH,
    DIL,
    GRANDDAUGHTER,
    GRANDSON,
    MARRIED_IN,
    MARRIED_OUT,
    NEWBORN,
    Person,
    pick,
    years,
)
from app.demo.scenarios import Scenario


def _ord(y: int, m: int, d: int) -> int:
    return date(y, m, d).toordinal()


class Plan:
    """Everything about one household before it becomes rows."""

    __slots__ = (
        "id", "index", "village", "group", "hh_number", "kind", "members", "identified_year", "id_ord",
        "status", "exit_year", "exit_ord", "return_year", "return_ord", "removed_ord", "removal_reason",
        "planned_exit_year", "attr", "main_cause", "other_causes", "military", "only_child", "two_daughters",
        "relocated", "reloc_year", "renovation_year", "unsafe_now", "conditions", "phone", "bank_name",
        "bank_account", "id_standard", "near_line", "projects", "asset_year", "updated_ord", "size", "head_name",
        "incomes",
    )

    def __init__(self) -> None:
        self.members: list[Person] = []
        self.exit_year: int | None = None
        self.exit_ord: int | None = None
        self.return_year: int | None = None
        self.return_ord: int | None = None
        self.removed_ord: int | None = None
        self.removal_reason = ""
        self.relocated = False
        self.reloc_year: int | None = None
        self.renovation_year: int | None = None
        self.unsafe_now = False
        self.near_line: str = ""
        self.projects: list[tuple[object, int]] = []
        self.asset_year: int | None = None
        self.size = 0
        self.head_name = ""
        self.incomes: list[list[int]] = []

    @property
    def end_ord(self) -> int:
        """The last day the household is on the register (removal) or the snapshot day."""
        return self.removed_ord if self.removed_ord is not None else self.village.as_of_ord  # type: ignore[attr-defined]

    def living(self) -> list[Person]:
        return [m for m in self.members if m.active]

    def status_on(self, ordinal: int) -> str:
        if self.return_ord is not None and ordinal >= self.return_ord:
            return "04"
        if self.exit_ord is not None and ordinal >= self.exit_ord:
            return self.status if self.status in ("02", "03") else "02"
        return "01"

    def exited_in(self, year: int) -> bool:
        """Counted as out of poverty for ``year``'s income (exit year up to the year before return)."""
        if self.exit_year is None or year < self.exit_year:
            return False
        return self.return_year is None or year < self.return_year


def timeline(plan: Plan, rng: random.Random, sc: Scenario) -> None:
    """Draw identification, exit, return and removal for one household."""
    as_of = sc.as_of
    if sc.fresh:
        plan.identified_year = as_of.year
        plan.id_ord = _ord(as_of.year, 8, 1) + rng.randrange(110)
        plan.status = "01"
        plan.planned_exit_year = as_of.year + 1 + int(rng.random() * 4)
        return
    plan.identified_year = 2014 if rng.random() < 0.75 else 2015
    plan.id_ord = (_ord(2014, 6, 1) + rng.randrange(150)) if plan.identified_year == 2014 else (
        _ord(2015, 8, 1) + rng.randrange(130))
    if sc.exit_focus is not None:
        if rng.random() < 0.4:
            _exit(plan, rng, int(pick(rng, (("2016", 0.25), ("2017", 0.35), ("2018", 0.4)))))
            plan.status = "02"
            plan.planned_exit_year = plan.exit_year
        else:
            plan.status = "01"
            plan.planned_exit_year = sc.exit_focus
            plan.near_line = "above" if rng.random() < 0.65 else "below"
        return
    if rng.random() < 0.01:  # 剔除: wrongly included, found by a review
        plan.status = "01"
        plan.planned_exit_year = 2018 + int(rng.random() * 3)
        plan.removed_ord = max(plan.id_ord + 90, _ord(2015, 6, 1) + rng.randrange(900))
        plan.removal_reason = pick(rng, (("01", 0.2), ("02", 0.15), ("03", 0.25), ("04", 0.2), ("05", 0.1),
                                         ("06", 0.1)))
        return
    x = rng.random()
    if x < 0.045:
        plan.status = "01"
        plan.planned_exit_year = 2020
        return
    year = int(pick(rng, (("2016", 0.14), ("2017", 0.20), ("2018", 0.27), ("2019", 0.27), ("2020", 0.12))))
    _exit(plan, rng, year)
    plan.status = "03" if year <= 2017 and rng.random() < 0.2 else "02"
    r = rng.random()
    plan.planned_exit_year = year if r < 0.85 else max(2016, min(2020, year + (1 if r < 0.93 else -1)))
    if year <= 2019 and rng.random() < 0.025:
        plan.return_year = year + 1 + int(rng.random() * (2020 - year))
        plan.return_ord = _ord(plan.return_year, 3, 1) + rng.randrange(240)
        plan.status = "04"


def _exit(plan: Plan, rng: random.Random, year: int) -> None:
    plan.exit_year = year
    plan.exit_ord = _ord(year, 10, 15) + rng.randrange(65)


def member_changes(plan: Plan, rng: random.Random, as_of_ord: int) -> None:
    """Dates for members who joined or left after identification; drop what the history excludes."""
    end = plan.end_ord
    kept: list[Person] = []
    grandkids = [m.birth for m in plan.members if m.relation in (GRANDSON, GRANDDAUGHTER)]
    for m in plan.members:
        if m.birth > end:  # born after the household left the register: never recorded
            continue
        if m.birth > plan.id_ord:
            m.change_reason = NEWBORN
            m.change_date = min(m.birth + rng.randrange(30), end)
        elif not m.active:
            lo = max(plan.id_ord + 1, m.birth + 1)
            if lo > end:
                m.active = True
                m.change_reason = ""
            else:
                m.change_date = lo + int(rng.random() * (end - lo))
        elif (m.relation == DAUGHTER and not m.student and not m.disabled and rng.random() < 0.35):
            lo = max(plan.id_ord + 1, m.birth + years(20))
            if lo <= end:
                m.active = False
                m.change_reason = MARRIED_OUT
                m.change_date = lo + int(rng.random() * (end - lo))
        elif m.relation == DIL and rng.random() < 0.3 and all(b > plan.id_ord for b in grandkids):
            hi = min([end, *grandkids]) - 1
            lo = max(plan.id_ord + 1, m.birth + years(20))
            if lo <= hi:
                m.change_reason = MARRIED_IN
                m.change_date = lo + int(rng.random() * (hi - lo))
        kept.append(m)
    plan.members = kept
    if m_head := plan.members[0]:
        m_head.active = True
        m_head.change_reason = ""
        m_head.change_date = None
    for m in plan.members:
        if not m.active and m.change_reason == "":
            m.change_reason = DEATH


def card_fields(plan: Plan, rng: random.Random) -> None:
    """贫困户属性, low-income support flags, family-planning flags, military family."""
    living = plan.living()
    no_labour = all(m.labour in ("04", "05") for m in living)
    elderly_alone = no_labour and len(living) <= 2 and all(
        m.labour == "05" or m.disabled or m.ill for m in living)
    severe = any(m.health == "03" or (m.disabled and m.dis_grade in ("1", "2")) for m in living)
    x = rng.random()
    if elderly_alone:
        plan.attr = "03" if x < 0.45 else "02" if x < 0.85 else "04"
    elif severe or no_labour:
        plan.attr = "02" if x < 0.55 else "01"
    else:
        plan.attr = "02" if x < 0.12 else "01"
    for m in living:
        m.dibao = plan.attr in ("02", "04")
        m.tekun = plan.attr in ("03", "04") and (m.relation in ("01", "02"))
    children = [m for m in plan.members if m.relation in ("03", "04")]
    plan.only_child = len(children) == 1 and rng.random() < 0.5
    plan.two_daughters = len(children) == 2 and all(c.relation == "04" for c in children)
    plan.military = rng.random() < 0.01
    plan.id_standard = "01" if rng.random() < 0.9 else "02"


def conditions(plan: Plan, rng: random.Random, sc: Scenario) -> None:
    """生产生活条件 consistent with the status (see module doc)."""
    as_of = sc.as_of
    exited_now = plan.status in ("02", "03")
    if not sc.fresh and rng.random() < 0.07:
        hi = min(plan.exit_year or as_of.year, 2019, as_of.year)
        lo = max(plan.identified_year + 1, 2016)
        end_year = date.fromordinal(plan.end_ord).year
        if lo <= min(hi, end_year):
            plan.relocated = True
            plan.reloc_year = lo + int(rng.random() * (min(hi, end_year) - lo + 1))
    if not plan.relocated and rng.random() < 0.25:  # the house was C/D when identified
        if sc.fresh:
            plan.unsafe_now = True
        elif exited_now or (plan.removed_ord is None and rng.random() < 0.6):
            hi = plan.exit_year if exited_now else as_of.year - 1
            lo = plan.identified_year + 1
            if lo <= hi:
                plan.renovation_year = lo + int(rng.random() * (hi - lo + 1))
        elif plan.removed_ord is None:
            plan.unsafe_now = True
    plan.unsafe_now = plan.unsafe_now and not exited_now
    size = sum(1 for m in plan.members if m.active)
    farmland = round(rng.uniform(0.5, 3.0) if plan.relocated else rng.uniform(0.8, 8.0), 1)
    forest = round(rng.uniform(1, 30), 1) if rng.random() < 0.6 else 0.0
    if plan.unsafe_now:
        structure = pick(rng, (("04", 0.5), ("05", 0.2), ("03", 0.3)))
        built = 1960 + int(rng.random() * 36)
        level = "C" if rng.random() < 0.7 else "D"
    else:
        if plan.relocated:
            structure, built = "01", plan.reloc_year
        elif plan.renovation_year:
            structure, built = "02", plan.renovation_year
        else:
            structure = pick(rng, (("02", 0.4), ("03", 0.25), ("04", 0.25), ("01", 0.1)))
            built = 1975 + int(rng.random() * 38)
        level = "A" if rng.random() < 0.55 else "B"
    water_problem = not exited_now and not sc.fresh and rng.random() < 0.12 or (sc.fresh and rng.random() < 0.3)
    plan.conditions = [
        farmland,
        round(farmland * rng.uniform(0.0, 0.6), 1),
        forest,
        round(rng.uniform(0.5, 5.0), 1) if rng.random() < 0.3 else 0.0,
        round(rng.uniform(0.2, 3.0), 1) if rng.random() < 0.2 else 0.0,
        round(rng.uniform(0.5, 5.0), 1) if rng.random() < 0.1 else 0.0,
        round(rng.uniform(0.1, 1.0), 1) if rng.random() < 0.05 else 0.0,
        float(max(40, min(200, round(size * rng.uniform(22, 38) + rng.uniform(10, 40))))),
        structure,
        built,
        int(level in ("C", "D")),
        level,
        int(water_problem),
        int(not water_problem),
        1,
        int(rng.random() < 0.4),
        int(rng.random() < 0.95),
        round(rng.uniform(0.0, 0.5) if plan.relocated else rng.uniform(0.0, 6.0), 1),
        "03" if plan.relocated else pick(rng, (("03", 0.72), ("02", 0.1), ("04", 0.1), ("01", 0.08))),
        pick(rng, (("01", 0.45), ("02", 0.15), ("03", 0.4))),
        int(rng.random() < (0.75 if exited_now else 0.4)),
        int(rng.random() < 0.45),
        int(rng.random() < 0.2),
    ]


#: (cause code, weight, condition on the household) for 致贫原因.
def causes(plan: Plan, rng: random.Random) -> None:
    living = plan.living()
    cond = plan.conditions
    workers = sum(1 for m in living if m.labour in ("01", "02"))
    pupils = sum(1 for m in living if m.school in ("03", "04", "05", "06"))
    costly = any(m.school in ("07", "08", "09", "10", "11", "12", "13", "14", "15", "16") for m in living)
    table: list[tuple[str, float]] = []
    if any(m.ill for m in living):
        table.append(("01", 6.0))
    if any(m.disabled for m in living):
        table.append(("02", 4.0))
    if costly or pupils >= 2:
        table.append(("03", 2.5))
    if workers == 0:
        table.append(("08", 4.0))
    else:
        table += [("07", 2.0), ("11", 0.4), ("08", 0.8 if workers == 1 and len(living) >= 4 else 0.0)]
    table += [("09", 2.0), ("04", 0.4), ("12", 0.2)]
    if cond[0] < 1.5:
        table.append(("05", 1.0))
    if cond[12]:
        table.append(("06", 1.5))
    if cond[17] > 2.0:
        table.append(("10", 0.8))
    table = [(c, w) for c, w in table if w > 0]
    main = pick(rng, tuple(table))
    plan.main_cause = main
    rest = [(c, w) for c, w in table if c != main]
    others: list[str] = []
    for _ in range(int(pick(rng, (("0", 0.3), ("1", 0.4), ("2", 0.3))))):
        if not rest:
            break
        c = pick(rng, tuple(rest))
        others.append(c)
        rest = [(k, w) for k, w in rest if k != c]
    plan.other_causes = others

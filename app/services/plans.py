"""Annual and rolling exit plans per village, and progress against them (domain.md §8).

Progress is derived from the registry: a household counts as exited in the year of its 脱贫年度
(also when it later returned to poverty — it did exit that year), with its current size as
people. Plans of several villages add up for a township or county.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlmodel import select

from app.domain import ExitPlan, Village
from app.domain.plans import PLAN_KINDS
from app.i18n import register
from app.services.permissions import register_action, require
from app.services.tx import write
from app.store.database import Database
from app.validation import Checker

register({
    "plan.people_fewer": ("计划人数不能少于户数", "planned people cannot be fewer than planned households"),
    "plan.made_after": ("滚动计划的制定年度不能晚于计划年度", "a rolling plan cannot be made after the year it plans"),
    "field.exit_plan.village_id": ("村", "village"),
    "field.exit_plan.kind": ("计划类型", "plan type"),
    "field.exit_plan.made_year": ("制定年度", "year made"),
    "field.exit_plan.year": ("计划脱贫年度", "planned year"),
    "field.exit_plan.households": ("计划脱贫户数", "households planned to exit"),
    "field.exit_plan.people": ("计划脱贫人数", "people planned to exit"),
    "field.exit_plan.note": ("备注", "note"),
})


#: township staff and the county set the plans (trainers demonstrate it)
register_action("plan.edit", {"township", "trainer", "county"})


def _check(c: Checker, year: int, households: int, people: int, kind: str, made_year: int) -> None:
    if kind not in PLAN_KINDS:
        c.fail("kind", "value.unknown_code", value=str(kind)[:20])
    c.integer("year", year, 2000, 2100, required=True)
    c.integer("made_year", made_year, 2000, 2100, required=True)
    c.integer("households", households, 0, 100000, required=True)
    c.integer("people", people, 0, 1000000, required=True)
    if c.ok("households") and c.ok("people") and people < households:
        c.fail("people", "plan.people_fewer")
    if c.ok("year") and c.ok("made_year") and made_year > year:
        c.fail("made_year", "plan.made_after")


def set_plan(db: Database, village_id: str, year: int, households: int, people: int, kind: str = "annual",
             made_year: int | None = None, note: str = "") -> ExitPlan:
    """Create or change one plan row (one village, one kind and version, one year)."""
    require(db, "plan.edit")
    made = year if kind == "annual" else (made_year if made_year is not None else year)
    c = Checker("exit_plan")
    _check(c, year, households, people, kind, made)
    c.text("note", note, 200)
    c.raise_if_any()
    with write(db) as tx:
        if tx.session.get(Village, village_id) is None:
            c.fail("village_id", "value.not_found")
            c.raise_if_any()
        plan = tx.session.exec(select(ExitPlan).where(
            ExitPlan.village_id == village_id, ExitPlan.kind == kind, ExitPlan.made_year == made,
            ExitPlan.year == year, ExitPlan.deleted == False)).first()  # noqa: E712
        if plan is None:
            plan = ExitPlan(village_id=village_id, kind=kind, made_year=made, year=year, households=households,
                            people=people, note=note)
            tx.create(plan)
        else:
            tx.patch(plan, {"households": households, "people": people, "note": note})
        return plan


def set_rolling_plan(db: Database, village_id: str, made_year: int, targets: dict[int, tuple[int, int]],
                     note: str = "") -> list[ExitPlan]:
    """A rolling plan drawn up in ``made_year``: {year: (households, people)}; one transaction."""
    require(db, "plan.edit")
    c = Checker("exit_plan")
    for year, (households, people) in sorted(targets.items()):
        _check(c, year, households, people, "rolling", made_year)
    c.raise_if_any()
    out = []
    with write(db) as tx:
        if tx.session.get(Village, village_id) is None:
            c.fail("village_id", "value.not_found")
            c.raise_if_any()
        for year, (households, people) in sorted(targets.items()):
            plan = tx.session.exec(select(ExitPlan).where(
                ExitPlan.village_id == village_id, ExitPlan.kind == "rolling", ExitPlan.made_year == made_year,
                ExitPlan.year == year, ExitPlan.deleted == False)).first()  # noqa: E712
            if plan is None:
                plan = ExitPlan(village_id=village_id, kind="rolling", made_year=made_year, year=year,
                                households=households, people=people, note=note)
                tx.create(plan)
            else:
                tx.patch(plan, {"households": households, "people": people, "note": note})
            out.append(plan)
    return out


def plans(db: Database, village_id: str, kind: str | None = None) -> list[ExitPlan]:
    with db.read() as s:
        query = select(ExitPlan).where(ExitPlan.village_id == village_id, ExitPlan.deleted == False)  # noqa: E712
        if kind:
            query = query.where(ExitPlan.kind == kind)
        return list(s.exec(query.order_by(ExitPlan.kind, ExitPlan.made_year, ExitPlan.year)))


@dataclass(frozen=True)
class YearProgress:
    year: int
    planned_households: int
    planned_people: int
    rolling_households: int
    rolling_people: int
    exited_households: int
    exited_people: int
    cumulative_planned_households: int
    cumulative_exited_households: int

    @property
    def share(self) -> float | None:
        """Exited households ÷ planned households (annual plan), or None without a plan."""
        return self.exited_households / self.planned_households if self.planned_households else None


def _scope_sql(scope: str | None) -> tuple[str, dict[str, Any]]:
    return "v.code LIKE :scope", {"scope": f"{scope or ''}%"}


def progress(db: Database, scope: str | None = None, years: range | None = None) -> list[YearProgress]:
    """Per year: the annual plan, the rolling plan in force, and actual exits, for a village (12-digit
    code), township (9), county (6) or everything (None). The rolling plan in force for a year is
    the latest version made in or before that year (or the earliest version, for years before it)."""
    where, params = _scope_sql(scope)
    with db.read() as s:
        annual = {(y): (h, p) for y, h, p in s.execute(text(
            f"SELECT e.year, sum(e.households), sum(e.people) FROM exit_plan e JOIN village v ON v.id = e.village_id "
            f"WHERE NOT e.deleted AND e.kind = 'annual' AND {where} GROUP BY e.year"), params)}
        rolling_rows = s.execute(text(
            f"SELECT e.village_id, e.made_year, e.year, e.households, e.people FROM exit_plan e "
            f"JOIN village v ON v.id = e.village_id WHERE NOT e.deleted AND e.kind = 'rolling' AND {where}"),
            params).all()
        exits = {y: (h, p) for y, h, p in s.execute(text(
            f"SELECT h.exit_year, count(*), sum(h.size) FROM household h JOIN village v ON v.id = h.village_id "
            f"WHERE NOT h.deleted AND h.exit_year IS NOT NULL AND {where} GROUP BY h.exit_year"), params)}
    versions: dict[str, dict[int, dict[int, tuple[int, int]]]] = {}
    for village_id, made, year, households, people in rolling_rows:
        versions.setdefault(village_id, {}).setdefault(made, {})[year] = (households, people)
    all_years = set(annual) | set(exits) | {y for v in versions.values() for plan in v.values() for y in plan}
    if years is None:
        if not all_years:
            return []
        years = range(min(all_years), max(all_years) + 1)
    out = []
    cum_plan = cum_exit = 0
    for year in years:
        rh = rp = 0
        for by_made in versions.values():
            made = max((m for m in by_made if m <= year), default=min(by_made))
            h, p = by_made[made].get(year, (0, 0))
            rh, rp = rh + h, rp + p
        ah, ap = annual.get(year, (0, 0))
        eh, ep = exits.get(year, (0, 0))
        cum_plan += ah
        cum_exit += eh
        out.append(YearProgress(year, int(ah), int(ap), rh, rp, int(eh), int(ep or 0), cum_plan, cum_exit))
    return out

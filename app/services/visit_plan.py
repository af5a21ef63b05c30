"""Visit plan: each helper's households, how often they are to be visited, which visits are due.

The frequency is the current helper assignment's ``visit_every_days`` (default 30; a village may
agree weekly visits for households at risk). A household is *due* from ``last visit + every`` days
(or, never visited, from the helper's start date + every days) and *overdue* after that day.
Households whose status no longer needs regular visits (``NO_VISIT_STATUSES``: 03 已脱贫(不再享受政策))
are not in the plan. ``plan_sql`` / ``overdue_condition`` are the same rule in SQL: ``due_counts`` (the
start-up reminder) and the household list's "visit overdue" filter both use it, so the reminder's overdue
figure is the number of rows the filter shows.
"Today" is ``reference_date(db)``: the real today, or the scenario's day of a demo or training
database (whose last visits are as old as that day, not as old as the real calendar).
One query per table, so the plan of a whole county (100,000 households) stays quick.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, text
from sqlmodel import col, select

from app.domain import HelperAssignment, Household, Visit
from app.services import field_messages  # noqa: F401
from app.services.permissions import require
from app.services.reference_date import reference_date
from app.services.tx import write
from app.store.database import Database
from app.validation import Checker

OVERDUE, DUE, SOON, OK = "overdue", "due", "soon", "ok"
#: statuses that no longer need regular visits (已脱贫, 不再享受政策): not in the plan
NO_VISIT_STATUSES = ("03",)
_STATUSES_SQL = ",".join(f"'{s}'" for s in NO_VISIT_STATUSES)

#: the current helper assignments and the day each one's household is next due a visit (``due_on``,
#: 'YYYY-MM-DD'): last visit (local day, as ``_local_day``) or, never visited, the helper's start date,
#: plus the assignment's ``visit_every_days``. One pass over the visit and helper indexes (0002_ui).
ASSIGNMENT_DUE_SQL = (
    "SELECT pa.household_id AS household_id,"
    " date(coalesce(date(lv.last, 'localtime'), pa.start_date), '+' || pa.visit_every_days || ' days') AS due_on"
    " FROM helper_assignment pa"
    " LEFT JOIN (SELECT household_id, max(visited_at) AS last FROM visit WHERE deleted = 0 GROUP BY household_id) lv"
    " ON lv.household_id = pa.household_id"
    " WHERE pa.deleted = 0 AND pa.end_date IS NULL"
)


def planned_household_condition(h: str = "h") -> str:
    """SQL condition on household alias ``h``: a household the plan covers (not deleted, a status that
    still needs visits); the plan is its current helper assignments (``ASSIGNMENT_DUE_SQL``)."""
    return f"{h}.deleted = 0 AND {h}.exit_status NOT IN ({_STATUSES_SQL})"


def plan_sql() -> str:
    """The plan's rule as a sub-select of (household_id, due_on), one row per ``visit_plan`` row: overdue
    is ``due_on < today``, due today ``due_on = today``, soon ``due_on <= today + soon_days`` (ISO
    date strings)."""
    return (f"SELECT d.household_id, d.due_on FROM ({ASSIGNMENT_DUE_SQL}) d JOIN household ph"
            f" ON ph.id = d.household_id WHERE {planned_household_condition('ph')}")


def overdue_condition(h: str = "h", today_param: str = "today") -> str:
    """SQL condition "the visit of household ``h`` is overdue" for a list filter (bind ``today_param`` to
    the ISO day, normally ``reference_date``): the households ``due_counts`` counts as overdue. Written
    on the list's own household row, so the household table is read once (instant on 100,000)."""
    return (f"({planned_household_condition(h)} AND {h}.id IN"
            f" (SELECT household_id FROM ({ASSIGNMENT_DUE_SQL}) WHERE due_on < :{today_param}))")


@dataclass(frozen=True, slots=True)
class PlanRow:
    household_id: str
    village_id: str
    group_no: int
    hh_number: str
    head_name: str
    exit_status: str
    helper_id: str
    helper_name: str
    helper_phone: str
    every_days: int
    last_visit: date | None
    due_on: date
    state: str  # overdue | due (today) | soon (within the look-ahead) | ok
    days_late: int  # > 0 overdue by that many days


def _state(due_on: date, today: date, soon_days: int) -> str:
    if due_on < today:
        return OVERDUE
    if due_on == today:
        return DUE
    if due_on <= today + timedelta(days=soon_days):
        return SOON
    return OK


def visit_plan(db: Database, today: date | None = None, village_id: str | None = None,
               helper_name: str | None = None, soon_days: int = 7) -> list[PlanRow]:
    """Every household with a current helper, most urgent first (most days late, then due date)."""
    today = today or reference_date(db)
    with db.read() as s:
        # plain columns, not ORM objects: a county's 100,000 households as mapped objects took
        # about half a gigabyte and twenty seconds on the reminder shown at start-up
        q = select(Household.id, Household.village_id, Household.group_no, Household.hh_number,
                   Household.head_name, Household.exit_status, HelperAssignment.id, HelperAssignment.name,
                   HelperAssignment.phone, HelperAssignment.visit_every_days, HelperAssignment.start_date).join(
            HelperAssignment, HelperAssignment.household_id == Household.id).where(
            Household.deleted == False, HelperAssignment.deleted == False,  # noqa: E712
            HelperAssignment.end_date == None,  # noqa: E711
            col(Household.exit_status).not_in(NO_VISIT_STATUSES),
        )
        if village_id:
            q = q.where(Household.village_id == village_id)
        if helper_name:
            q = q.where(HelperAssignment.name == helper_name)
        rows = s.exec(q).all()
        last = _last_visits(s, village_id)
    plan = []
    for hid, village, group_no, hh_number, head_name, exit_status, aid, name, phone, every, start in rows:
        at = last.get(hid)
        last_day = _local_day(at) if at is not None else None
        base = last_day or start
        due_on = base + timedelta(days=every)
        state = _state(due_on, today, soon_days)
        plan.append(PlanRow(hid, village, group_no, hh_number, head_name, exit_status, aid, name, phone, every,
                            last_day, due_on, state, max(0, (today - due_on).days)))
    plan.sort(key=lambda r: (-r.days_late, r.due_on, r.group_no, r.head_name))
    return plan


def _last_visits(s: Any, village_id: str | None = None) -> dict[str, datetime]:
    vq = select(Visit.household_id, func.max(Visit.visited_at)).where(Visit.deleted == False)  # noqa: E712
    if village_id:
        vq = vq.join(Household, Household.id == Visit.household_id).where(Household.village_id == village_id)
    return dict(s.exec(vq.group_by(Visit.household_id)).all())


def due_counts(db: Database, today: date | None = None, soon_days: int = 7) -> tuple[int, int]:
    """(due, overdue): how many rows ``due_visits`` would list and how many of them are overdue,
    counted in SQL without building the rows (the reminder at start-up, on a whole county), by
    ``plan_sql``, the rule the household list's "visit overdue" filter uses too."""
    today = today or reference_date(db)
    until = today + timedelta(days=soon_days)
    with db.read() as s:
        row = s.execute(text(f"SELECT sum(due_on <= :until), sum(due_on < :today) FROM ({plan_sql()})"),
                        {"until": until.isoformat(), "today": today.isoformat()}).one()
    return int(row[0] or 0), int(row[1] or 0)


def _local_day(at: datetime) -> date:
    if isinstance(at, datetime):
        if at.tzinfo is None:  # SQLite may hand back naive UTC
            from datetime import UTC

            at = at.replace(tzinfo=UTC)
        return at.astimezone().date()
    return at


def due_visits(db: Database, today: date | None = None, village_id: str | None = None,
               helper_name: str | None = None, soon_days: int = 7) -> list[PlanRow]:
    """Households overdue, due today or due within ``soon_days``."""
    return [r for r in visit_plan(db, today, village_id, helper_name, soon_days) if r.state != OK]


def overdue_visits(db: Database, today: date | None = None, village_id: str | None = None,
                   helper_name: str | None = None) -> list[PlanRow]:
    return [r for r in visit_plan(db, today, village_id, helper_name, 0) if r.state == OVERDUE]


def overdue_household_ids(db: Database, today: date | None = None) -> set[str]:
    """For a list filter ("visit overdue")."""
    return {r.household_id for r in overdue_visits(db, today)}


def set_frequency(db: Database, assignment_id: str, every_days: int) -> HelperAssignment:
    """Change how often the current helper visits a household (1–366 days)."""
    require(db, "helper.assign")
    c = Checker("helper_assignment")
    c.integer("visit_every_days", every_days, 1, 366, required=True)
    c.raise_if_any()
    with write(db) as tx:
        row = tx.session.get(HelperAssignment, assignment_id)
        if row is None or row.deleted:
            c.fail("id", "value.not_found")
            c.raise_if_any()
        assert row is not None
        tx.patch(row, {"visit_every_days": every_days})
        return row


def helpers(db: Database, village_id: str | None = None) -> list[str]:
    """Names of the current helpers (for the plan's filter)."""
    with db.read() as s:
        q = select(HelperAssignment.name).distinct().where(
            HelperAssignment.end_date == None, HelperAssignment.deleted == False)  # noqa: E711, E712
        if village_id:
            q = q.join(Household, Household.id == HelperAssignment.household_id).where(
                Household.village_id == village_id)
        return sorted(s.exec(q.order_by(col(HelperAssignment.name))))


__all__ = ["DUE", "NO_VISIT_STATUSES", "OK", "OVERDUE", "SOON", "PlanRow", "due_counts", "due_visits", "helpers",
           "overdue_condition", "overdue_household_ids", "overdue_visits", "plan_sql", "planned_household_condition",
           "set_frequency", "visit_plan"]

"""One rule for "visit overdue": the household list's filter and the visit plan (the start-up
reminder "N households due, M of them overdue") count the same households."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlmodel import select

from app.demo import generate
from app.domain import Household
from app.services import registry, visit_plan, visits
from app.services.tx import write
from ui.models.household_query import ListQuery, Scope, fetch_ids


def _listed(db: Any, today: date | None = None, **query: Any) -> set[str]:
    with db.read_engine.connect() as conn:
        rowids = fetch_ids(conn, ListQuery(overdue=True, today=today, **query))
        if not rowids:
            return set()
        marks = ",".join(str(int(r)) for r in rowids)
        from sqlalchemy import text

        return {r[0] for r in conn.execute(text(f"SELECT id FROM household WHERE rowid IN ({marks})"))}


def test_demo_overdue_filter_shows_the_reminders_overdue_households(db: Any) -> None:
    generate(db, 120, 5, scenario="exit_year", workers=0)
    with write(db) as tx:  # some exited households no longer supported, whose helper is still recorded
        for hh in tx.session.exec(select(Household).where(Household.exit_status != "03").limit(30)).all():
            tx.patch(hh, {"exit_status": "03"})
    due, overdue = visit_plan.due_counts(db)
    listed = _listed(db)
    assert 0 < overdue < due
    assert len(listed) == overdue
    assert listed == visit_plan.overdue_household_ids(db) == {r.household_id for r in visit_plan.overdue_visits(db)}
    planned = visit_plan.visit_plan(db)
    assert all(r.exit_status != "03" for r in planned) and len(planned) <= 90
    # and on another day (every planned household late on the real calendar, none of the 03 ones)
    today = date.today()
    assert len(_listed(db, today)) == visit_plan.due_counts(db, today)[1] == len(planned)


def test_never_visited_household_is_due_from_its_helpers_start(db: Any, village: Any, household: Any) -> None:
    today = date.today()
    registry.assign_helper(db, household.id, "帮扶甲", today - timedelta(days=1), visit_every_days=30)
    late = registry.create_household(db, village.id, {"name": "二户"}, main_cause="02")
    registry.assign_helper(db, late.id, "帮扶乙", today - timedelta(days=31), visit_every_days=30)
    exited = registry.create_household(db, village.id, {"name": "三户"}, main_cause="02")
    registry.assign_helper(db, exited.id, "帮扶乙", today - timedelta(days=100), visit_every_days=30)
    with write(db) as tx:
        tx.patch(tx.session.get(Household, exited.id), {"exit_status": "03"})
    registry.create_household(db, village.id, {"name": "无帮扶"}, main_cause="02")  # no helper: not planned
    # started yesterday, every 30 days: due in 29 days, overdue in neither; 二户 a day late in both
    assert visit_plan.due_counts(db) == (1, 1)
    assert _listed(db) == {late.id} == visit_plan.overdue_household_ids(db)
    assert _listed(db, scope=Scope("village", village_id=village.id)) == {late.id}
    # 30 days on, 张三 is due (not yet overdue); a day later overdue in both
    assert visit_plan.due_counts(db, today + timedelta(days=29)) == (2, 1)
    assert _listed(db, today + timedelta(days=29)) == {late.id}
    assert visit_plan.due_counts(db, today + timedelta(days=30)) == (2, 2)
    assert _listed(db, today + timedelta(days=30)) == {late.id, household.id}
    # a visit today clears 二户 in both
    visits.record_visit(db, late.id, datetime.now(UTC) - timedelta(minutes=5), checks={"food": True})
    assert visit_plan.due_counts(db) == (0, 0) and _listed(db) == set()

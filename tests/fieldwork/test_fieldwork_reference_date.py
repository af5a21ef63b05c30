"""Field work in a demo or training database is counted on the scenario's day (``sync_meta``
``demo_as_of``), not on the real calendar: its visit plan, the start-up reminder, the list's
"visit overdue" filter, the exit checklist, risk flags and request dates. A real database still
counts from today, and the real clock still bounds what may be recorded in either."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from app.demo import generate
from app.errors import ValidationFailed
from app.services import exit_assessment, lifecycle, registry, risk, visit_plan, visits
from app.services.reference_date import reference_date
from tests.fieldwork.test_fieldwork_ui import attach, window  # noqa: F401  (the main-window fixture)
from ui.models.household_query import ListQuery, fetch_ids

AS_OF = date(2019, 10, 31)  # the exit_year scenario's day
HOUSEHOLDS = 80


@pytest.fixture()
def demo(db: Any) -> Any:
    """The training village (scenario exit_year) in the test's empty database."""
    summary = generate(db, HOUSEHOLDS, 4, scenario="exit_year", workers=0)
    assert summary.as_of == AS_OF == reference_date(db)
    return db


def _overdue_in_list(db: Any, today: date | None = None) -> int:
    with db.read_engine.connect() as conn:
        return len(fetch_ids(conn, ListQuery(overdue=True, today=today)))


def test_demo_visit_plan_is_counted_on_the_scenario_day(demo: Any) -> None:
    plan = visit_plan.visit_plan(demo)
    assert len(plan) == HOUSEHOLDS  # every household has a helper in charge
    due, overdue = visit_plan.due_counts(demo)
    # a working village on its day: a few households overdue, some due soon, most visited on plan
    assert 0 < overdue < HOUSEHOLDS // 4 and overdue < due < HOUSEHOLDS // 2, (due, overdue)
    assert overdue == len(visit_plan.overdue_visits(demo)) == sum(r.state == visit_plan.OVERDUE for r in plan)
    assert max(r.days_late for r in plan) <= 120
    assert all(r.last_visit is not None and r.last_visit <= AS_OF for r in plan)
    # the same village counted on the real calendar is years behind with every household
    assert visit_plan.due_counts(demo, date.today()) == (HOUSEHOLDS, HOUSEHOLDS)
    # the list's "visit overdue" filter agrees, and counts from the real today only when told to
    listed = _overdue_in_list(demo)
    assert listed == overdue and _overdue_in_list(demo, date.today()) == HOUSEHOLDS


def test_real_database_still_counts_from_today(db: Any, household: Any) -> None:
    registry.assign_helper(db, household.id, "帮扶甲", date.today() - timedelta(days=40), visit_every_days=30)
    assert reference_date(db) == date.today()
    row = visit_plan.visit_plan(db)[0]
    assert (row.state, row.days_late) == (visit_plan.OVERDUE, 10)
    assert visit_plan.due_counts(db) == (1, 1)
    assert _overdue_in_list(db) == 1
    visits.record_visit(db, household.id, datetime.now(UTC) - timedelta(days=2), checks={"food": True})
    assert visit_plan.due_counts(db) == (0, 0) and _overdue_in_list(db) == 0


def test_demo_exit_checklist_risk_and_requests_default_to_the_scenario_day(demo: Any) -> None:
    from sqlmodel import select

    from app.domain import Household

    with demo.read() as s:
        hh = s.exec(select(Household).where(Household.exit_status == "01")).first()
    assert exit_assessment.assess_exit(demo, hh.id, 2019).assessed_on == AS_OF
    with demo.read() as s:  # the same inside a session (the lifecycle gate assesses in its transaction)
        assert exit_assessment.assess_exit(s, hh.id, 2019).assessed_on == AS_OF
    assert risk.risk_flags(demo, hh.id).household_id == hh.id
    assert all(r.household_id for r in risk.at_risk(demo, exited_only=False))
    req = lifecycle.file_request(demo, hh.id, lifecycle.EXIT, 2019)
    assert req.steps["filed"]["date"] == AS_OF.isoformat()
    # a year after the real one stays impossible; years after the scenario's are the trainee's choice
    lifecycle.withdraw(demo, req.id, "培训")
    with pytest.raises(ValidationFailed):
        lifecycle.file_request(demo, hh.id, lifecycle.EXIT, date.today().year + 1)


def test_demo_visit_after_the_real_now_is_still_refused(demo: Any) -> None:
    from sqlmodel import select

    from app.domain import Household

    with demo.read() as s:
        hh = s.exec(select(Household)).first()
    with pytest.raises(ValidationFailed):
        visits.record_visit(demo, hh.id, datetime.now(UTC) + timedelta(days=2), checks={"food": True})
    # the scenario's day and the real today (after the scenario's) are both possible
    visits.record_visit(demo, hh.id, datetime(2019, 10, 31, 2, 0, tzinfo=UTC), checks={"food": True})
    visits.record_visit(demo, hh.id, datetime.now(UTC) - timedelta(minutes=1), checks={"food": True})


@pytest.mark.ui
def test_wizard_and_reminder_in_a_demo_database(qtbot: Any, window: Any, demo: Any) -> None:  # noqa: F811
    from PySide6.QtCore import QDateTime

    from ui.fieldwork import wizard as wz

    attach(qtbot, window, demo)
    wiz = window.fieldwork.new_visit()
    page = wiz.pages[wz.P_HOUSEHOLD]
    assert wiz.visit_day() == AS_OF  # dated the scenario's day without the trainee re-dating it
    assert page.when.maximumDateTime() >= QDateTime.currentDateTime()  # the real now still bounds it
    assert page.when.maximumDateTime() <= QDateTime.currentDateTime().addSecs(400)
    assert wiz.pages[wz.P_INCOME].year.value() == AS_OF.year
    # the "visits due" list beside the search is the scenario's, not all households
    qtbot.waitUntil(lambda: page.due.count() > 0, timeout=10000)
    due, _overdue = visit_plan.due_counts(demo)
    assert page.due.count() == due < HOUSEHOLDS
    wiz.reject()


@pytest.mark.ui
def test_wizard_in_a_real_database_starts_now(qtbot: Any, window: Any, db: Any, household: Any) -> None:  # noqa: F811
    from ui.fieldwork import wizard as wz

    attach(qtbot, window, db)
    wiz = window.fieldwork.new_visit(household.id)
    assert wiz.visit_day() == date.today()
    assert wiz.pages[wz.P_INCOME].year.value() == date.today().year
    when = wiz.pages[wz.P_HOUSEHOLD].visited_at()
    assert abs((datetime.now(UTC) - when).total_seconds()) < 120
    wiz.reject()

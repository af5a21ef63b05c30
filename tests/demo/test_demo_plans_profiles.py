"""The demo county's exit plans and 贫困村 profiles (issue 7 review): every village has annual plans
for the campaign years, a rolling plan and its revision, and profile snapshots that show the village
improving; the dashboard of a demo village shows plan progress and poverty incidence."""

from __future__ import annotations

from typing import Any

from app.services import plans as plan_service
from app.services import village_profile as profile_service
from app.services.dashboard import dashboard
from app.validation import Checker


def _villages(db: Any) -> list[tuple[str, str]]:
    conn = db.raw()
    try:
        return conn.execute("SELECT id, code FROM village ORDER BY code").fetchall()
    finally:
        conn.close()


def test_every_demo_village_has_plans(demo300: tuple[Any, Any]) -> None:
    db, summary = demo300
    villages = _villages(db)
    assert summary.rows["exit_plan"] > 0
    for village_id, _code in villages:
        rows = plan_service.plans(db, village_id)
        annual = {p.year: p for p in rows if p.kind == "annual"}
        assert sorted(annual) == [2016, 2017, 2018, 2019, 2020]
        rolling = {(p.made_year, p.year) for p in rows if p.kind == "rolling"}
        assert {made for made, _year in rolling} == {2016, 2018}
        assert {year for made, year in rolling if made == 2018} == {2018, 2019, 2020}
        for p in rows:  # what the plan service itself would accept
            c = Checker("exit_plan")
            plan_service._check(c, p.year, p.households, p.people, p.kind, p.made_year)
            assert c.errors == [], (p.kind, p.year)
    # the plans roughly match the exits: county-wide within a fifth each year, but not a copy of them;
    # 2020 also planned the households that are still poor at the end of the campaign
    county = plan_service.progress(db, "520123", range(2016, 2021))
    for year in county[:-1]:
        assert year.planned_households > 0
        assert abs(year.planned_households - year.exited_households) <= 0.2 * year.exited_households + 3, year
    assert county[-1].planned_households >= county[-1].exited_households
    assert any(y.planned_households != y.exited_households for y in county)
    assert county[-1].cumulative_planned_households > 0.8 * county[-1].cumulative_exited_households


def test_every_demo_village_has_a_profile_history_that_improves(demo300: tuple[Any, Any]) -> None:
    db, _summary = demo300
    conn = db.raw()
    try:
        people = dict(conn.execute("SELECT village_id, sum(size) FROM household WHERE NOT deleted GROUP BY village_id"))
    finally:
        conn.close()
    for village_id, _code in _villages(db):
        snaps = profile_service.history(db, village_id)
        assert [s.year for s in snaps] == [2016, 2018, 2020]
        first, last = snaps[0], snaps[-1]
        for snap in snaps:  # what the profile form would accept
            c = Checker("village_profile")
            profile_service._check(c, {name: getattr(snap, name) for name in profile_service.EDITABLE})
            assert c.errors == []
            assert snap.population_total > people[village_id] and snap.households_total > snap.poor_households
            assert len(snap.task_force) >= 3 and snap.author == snap.task_force[0]["name"]
        assert last.collective_income_fen > first.collective_income_fen
        assert last.poor_population < first.poor_population
        assert last.poor_population / last.population_total < first.poor_population / first.population_total
        assert last.road_hardened and last.broadband and last.safe_water and last.power
        assert last.water_projects >= first.water_projects and last.road_hardened_km >= first.road_hardened_km
        assert len(last.leaders) >= len(first.leaders) >= 1
        assert len(last.projects) >= len(first.projects)
        assert all(p["amount_fen"] > 0 for p in last.projects)
        changed = {c.field for c in profile_service.changes(snaps)[1:] if c.as_of != first.as_of}
        assert {"collective_income_fen", "poor_households"} <= changed


def test_demo_village_dashboard_shows_plan_progress_and_population(demo300: tuple[Any, Any]) -> None:
    db, summary = demo300
    _village_id, code = _villages(db)[0]
    board = dashboard(db, code, as_of=summary.as_of)
    assert board.population is not None and board.population > board.people
    assert board.villages_without_profile == []
    assert board.incidence_pct is not None and board.incidence_pct < 3.0  # the end of the campaign
    planned = [y for y in board.exits if y.planned_households]
    assert [y.year for y in planned] == [2016, 2017, 2018, 2019, 2020]
    assert all(y.share is not None for y in planned)
    assert sum(y.exited_households for y in board.exits) > 0
    county = dashboard(db, "520123", as_of=summary.as_of)
    assert county.villages_without_profile == [] and county.population > board.population

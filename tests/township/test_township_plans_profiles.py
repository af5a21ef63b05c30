"""Exit plans with progress, village profiles with history, dashboard figures."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from app.domain import Household, Measure, Visit
from app.errors import ValidationFailed
from app.services import plans as plan_service
from app.services import village_profile as profiles
from app.services.dashboard import dashboard
from app.services.registry import create_household, create_village
from app.services.tx import write
from tests.conftest import synthetic_id


def _household(db, village, number: str, size: int, status: str = "01", exit_year: int | None = None,
               cause: str = "01", attr: str = "01") -> str:
    from app.services.registry import add_member

    hh = create_household(db, village.id, {"name": "户主" + number[-2:], "id_number": synthetic_id()},
                          hh_number=number, main_cause=cause, household_attr=attr)
    for _ in range(size - 1):
        add_member(db, hh.id, {"name": "成员", "relation": "03", "id_number": synthetic_id(date(2005, 1, 1))},
                   reason="06")
    if status != "01":
        with write(db) as tx:
            tx.patch(tx.session.get(Household, hh.id), {"exit_status": status, "exit_year": exit_year})
    return hh.id


def test_plans_validate_and_upsert(db, village):
    plan = plan_service.set_plan(db, village.id, 2017, 10, 35)
    again = plan_service.set_plan(db, village.id, 2017, 12, 40, note="调整")
    assert again.id == plan.id and (again.households, again.people) == (12, 40)
    with pytest.raises(ValidationFailed) as exc:
        plan_service.set_plan(db, village.id, 2017, 10, 5)
    assert [e.code for e in exc.value.errors] == ["plan.people_fewer"]
    with pytest.raises(ValidationFailed) as exc:
        plan_service.set_plan(db, village.id, 2016, 1, 1, kind="rolling", made_year=2018)
    assert [e.code for e in exc.value.errors] == ["plan.made_after"]
    with pytest.raises(ValidationFailed):
        plan_service.set_plan(db, village.id, 2017, 1, 1, kind="monthly")
    assert [(p.kind, p.year) for p in plan_service.plans(db, village.id)] == [("annual", 2017)]


def test_progress_against_annual_and_rolling_plans(db, village):
    plan_service.set_plan(db, village.id, 2017, 2, 6)
    plan_service.set_plan(db, village.id, 2018, 1, 3)
    plan_service.set_rolling_plan(db, village.id, 2016, {2017: (3, 9), 2018: (2, 6)})
    plan_service.set_rolling_plan(db, village.id, 2018, {2018: (1, 4), 2019: (1, 2)})
    _household(db, village, "H-01", 3, "02", 2017)
    _household(db, village, "H-02", 4, "04", 2017)  # exited in 2017, returned later: still a 2017 exit
    _household(db, village, "H-03", 2, "03", 2018)
    _household(db, village, "H-04", 5)
    rows = {p.year: p for p in plan_service.progress(db, village.code)}
    assert sorted(rows) == [2017, 2018, 2019]
    y17, y18, y19 = rows[2017], rows[2018], rows[2019]
    assert (y17.planned_households, y17.exited_households, y17.exited_people, y17.share) == (2, 2, 7, 1.0)
    assert (y17.rolling_households, y17.rolling_people) == (3, 9)  # the 2016 version is in force in 2017
    assert (y18.rolling_households, y18.rolling_people) == (1, 4)  # the 2018 revision replaces it
    assert (y18.planned_households, y18.exited_households, y18.exited_people) == (1, 1, 2)
    assert (y19.planned_households, y19.share, y19.rolling_households) == (0, None, 1)
    assert y18.cumulative_planned_households == 3 and y18.cumulative_exited_households == 3
    assert plan_service.progress(db, "520123009") == []


def test_profile_history_keeps_every_snapshot(db, village):
    _household(db, village, "P-01", 3)
    first = profiles.save_profile(db, village.id, {
        "households_total": 420, "population_total": 1650, "collective_income_fen": 1_200_000, "broadband": False,
        "task_force": [{"name": "周第一", "role": "第一书记", "unit": "县农业农村局"}],
        "leaders": [{"name": "吴大勇", "industry": "刺梨种植"}]}, as_of=date(2017, 3, 1))
    assert first is not None and (first.poor_households, first.poor_population) == (1, 3)
    assert profiles.save_profile(db, village.id, {"broadband": False}, as_of=date(2017, 6, 1)) is None  # no change
    second = profiles.save_profile(db, village.id, {"broadband": True, "collective_income_fen": 3_500_000},
                                   as_of=date(2018, 12, 1))
    assert second is not None and second.population_total == 1650 and second.task_force[0]["name"] == "周第一"
    history = profiles.history(db, village.id)
    assert [h.as_of for h in history] == [date(2017, 3, 1), date(2018, 12, 1)]
    assert history[0].broadband is False and history[1].broadband is True
    changed = {(c.as_of, c.field, c.old, c.new) for c in profiles.changes(history) if c.as_of == date(2018, 12, 1)}
    assert changed == {(date(2018, 12, 1), "broadband", False, True),
                       (date(2018, 12, 1), "collective_income_fen", 1_200_000, 3_500_000),
                       (date(2018, 12, 1), "year", 2017, 2018)}
    assert profiles.current_profile(db, village.id).collective_income_fen == 3_500_000
    with pytest.raises(ValidationFailed) as exc:
        profiles.save_profile(db, village.id, {"leaders": [{"industry": "养牛"}], "water_projects": -1})
    assert {e.code for e in exc.value.errors} == {"profile.entry_name", "value.range"}
    with pytest.raises(ValidationFailed) as exc:
        profiles.save_profile(db, village.id, {"projects": [{"name": "组组通", "amount_fen": "八十万", "year": 2017},
                                                            {"name": "饮水", "amount_fen": -1, "year": "去年"}]})
    assert sorted((e.code, e.params["index"]) for e in exc.value.errors) == [
        ("profile.entry_amount", 1), ("profile.entry_amount", 2), ("profile.entry_year", 2)]
    with db.read() as s:
        ops = s.execute(text("SELECT kind FROM outbox_op WHERE entity = 'village_profile'")).scalars().all()
    assert ops == ["append", "append"]


def test_dashboard_figures(db, village):
    other = create_village(db, "520123002001", "新寨村", "龙场镇", "云岭县")
    a = _household(db, village, "D-01", 4, cause="01", attr="02")
    _household(db, village, "D-02", 3, "02", 2019, cause="02")
    _household(db, village, "D-03", 2, "04", 2018, cause="01")
    _household(db, other, "D-04", 5, cause="05")
    profiles.save_profile(db, village.id, {"population_total": 300})
    plan_service.set_plan(db, village.id, 2019, 2, 7)
    with write(db) as tx:
        tx.append(Visit(household_id=a, visited_at=datetime(2020, 5, 3, 2, 0, tzinfo=UTC), author="测试员"))
        tx.append(Visit(household_id=a, visited_at=datetime(2020, 12, 20, 2, 0, tzinfo=UTC), author="测试员"))
        tx.append(Measure(household_id=a, category="05", content="雨露计划", amount_fen=300000, date=date(2020, 3, 1)))
        tx.append(Measure(household_id=a, category="05", content="教育资助", amount_fen=100000, date=date(2020, 9, 1)))
    board = dashboard(db, village.code, year=2020, as_of=date(2020, 12, 31))
    assert (board.households, board.people, board.poor_households, board.poor_people) == (3, 9, 2, 6)
    assert [(c.code, c.households, c.people) for c in board.by_status] == [("01", 1, 4), ("02", 1, 3), ("04", 1, 2)]
    assert [(c.label, c.households) for c in board.by_cause] == [("因病", 2), ("因残", 1)]
    assert [(c.label, c.households) for c in board.by_attr] == [("一般贫困户", 2), ("低保贫困户", 1)]
    assert board.population == 300 and board.incidence_pct == pytest.approx(2.0)
    assert board.threshold_pct == 3.0 and board.below_threshold is True  # 贵州 is in the west
    assert (board.visited_year, board.visited_recent) == (1, 1)
    assert board.visit_coverage_pct == pytest.approx(100 / 3)
    assert [(m.label, m.measures, m.households, m.amount_fen) for m in board.measures] == [
        ("教育扶贫", 2, 1, 400000)]
    exits = {p.year: p for p in board.exits}
    assert (exits[2019].planned_households, exits[2019].exited_households) == (2, 1)
    county = dashboard(db, "520123", year=2020, as_of=date(2020, 12, 31))
    assert county.households == 4 and county.villages == 2
    assert county.villages_without_profile == ["520123002001"]
    assert county.incidence_pct == pytest.approx(2.0)  # only villages with a population figure count
    assert "云岭县" in county.scope_name and "龙场镇" in dashboard(db, "520123001").scope_name
    assert county.as_dict()["by_cause"][0]["label"] == "因病"
    english = dashboard(db, village.code, year=2020, as_of=date(2020, 12, 31), lang="en")
    assert [c.label for c in english.by_cause] == ["Illness", "Disability"]


def test_a_village_user_may_not_set_plans(tmp_path):
    from app.errors import BangfuError
    from app.store.database import create_database
    from tests.conftest import FAST_KDF, PASSPHRASE, USER

    village_db = create_database(tmp_path / "v.db", USER, PASSPHRASE, role="village", kdf=FAST_KDF)
    try:
        v = create_village(village_db, "520123001001", "石门村", "龙场镇", "云岭县")
        with pytest.raises(BangfuError) as exc:
            plan_service.set_plan(village_db, v.id, 2019, 1, 1)
        assert exc.value.code == "user.not_allowed"
        assert profiles.save_profile(village_db, v.id, {"population_total": 10}) is not None
    finally:
        village_db.close()

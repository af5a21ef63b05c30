"""Return-to-poverty risk flags and the participation / points scheme."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from app.domain import Member
from app.errors import BangfuError, ValidationFailed
from app.i18n import set_language
from app.services import assistance, participation, registry, risk, visits
from app.services.tx import write
from tests.fieldwork.conftest import GOOD_INCOME, YEAR, outbox


def _exited(db, hh_id):
    from app.domain import Household

    with write(db) as tx:
        tx.patch(tx.session.get(Household, hh_id), {"exit_status": "02", "exit_year": 2019})


def _member(db, hh, name):
    with db.read() as s:
        return s.exec(select(Member).where(Member.household_id == hh.id, Member.name == name)).one()


# -- risk ------------------------------------------------------------------------------------------
def test_healthy_household_well_above_the_line_has_no_flags(db, exit_ready):
    _exited(db, exit_ready.id)
    registry.set_income(db, exit_ready.id, YEAR - 1, GOOD_INCOME)
    row = risk.risk_flags(db, exit_ready.id, YEAR)
    assert row.flags == () and row.level == "none"
    assert risk.at_risk(db, YEAR) == []


def test_illness_flags(db, exit_ready):
    _exited(db, exit_ready.id)
    registry.update_member(db, _member(db, exit_ready, "刘二").id, {"health": "03"})
    registry.update_member(db, _member(db, exit_ready, "王大").id, {"health": "02"})
    row = risk.risk_flags(db, exit_ready.id, YEAR)
    assert [f.code for f in row.flags] == ["serious_illness", "chronic_illness"]
    assert row.level == "high" and row.flags[0].reason == "1 名成员患大病"


def test_large_medical_costs_from_visits_and_health_measures(db, exit_ready):
    _exited(db, exit_ready.id)
    # net income 18,000 yuan; 30 % is 5,400 yuan
    visits.record_visit(db, exit_ready.id, datetime(YEAR, 6, 1, tzinfo=UTC), expenses={"medical_fen": 300_000})
    assert "medical_costs" not in [f.code for f in risk.risk_flags(db, exit_ready.id, YEAR).flags]
    assistance.add_measure(db, exit_ready.id, "06", date(YEAR, 7, 1), content="大病救助", amount_fen=300_000)
    flag = next(f for f in risk.risk_flags(db, exit_ready.id, YEAR).flags if f.code == "medical_costs")
    assert flag.reason == "本年医疗支出 6,000.00 元（占纯收入 33%）"
    set_language("en")
    assert flag.reason == "medical costs 6,000.00 yuan this year (33% of net income)"


def test_school_costs(db, exit_ready):
    _exited(db, exit_ready.id)
    registry.update_member(db, _member(db, exit_ready, "王小").id, {"school_status": "10"})  # 中职
    flag = risk.risk_flags(db, exit_ready.id, YEAR).flags[0]
    assert flag.code == "school_costs" and flag.params["count"] == 1 and flag.severity == 1


def test_income_near_the_line_and_falling(db, exit_ready):
    _exited(db, exit_ready.id)
    registry.set_income(db, exit_ready.id, YEAR - 1, GOOD_INCOME)  # 6,000 per person
    registry.set_income(db, exit_ready.id, YEAR, {"wage_fen": 1_300_000})  # (13,000+5,000+1,000-3,000)/3 = 5,333.33
    codes = [f.code for f in risk.risk_flags(db, exit_ready.id, YEAR).flags]
    assert codes == []  # 5,333 ≥ 120 % of 4,050 = 4,860; fell only 11 %
    registry.set_income(db, exit_ready.id, YEAR, {"wage_fen": 900_000})  # 4,000 per person: below 4,050
    flags = {f.code: f for f in risk.risk_flags(db, exit_ready.id, YEAR).flags}
    assert set(flags) == {"below_line", "income_falling"}
    assert "下降 33%" in flags["income_falling"].reason
    registry.set_income(db, exit_ready.id, YEAR, {"wage_fen": 1_000_000})  # 4,333.33: near the line
    flags = {f.code: f for f in risk.risk_flags(db, exit_ready.id, YEAR).flags}
    assert set(flags) == {"income_near_line", "income_falling"} and flags["income_near_line"].params["pct"] == 107


def test_at_risk_list_orders_by_score_and_filters_exited(db, exit_ready, household):
    _exited(db, exit_ready.id)
    registry.update_member(db, _member(db, exit_ready, "刘二").id, {"health": "03"})
    registry.update_member(db, _member(db, household, "李四").id, {"health": "02"})  # not exited
    assert [r.household_id for r in risk.at_risk(db, YEAR)] == [exit_ready.id]
    rows = risk.at_risk(db, YEAR, exited_only=False)
    assert [r.household_id for r in rows][0] == exit_ready.id and household.id in [r.household_id for r in rows]


# -- participation and points ------------------------------------------------------------------------
def test_participation_is_append_only(db, household):
    spouse = _member(db, household, "李四")
    p = participation.record_participation(db, household.id, "04", date(2026, 4, 1), member_id=spouse.id,
                                           note="村道清扫")
    assert p.points == 0 and outbox(db, "participation")[-1].kind == "append"
    s = participation.summary(db, household.id, 2026)
    assert (s.count, s.by_kind, s.members) == (1, {"04": 1}, 1)
    with pytest.raises(ValidationFailed) as err:
        participation.record_participation(db, household.id, "99", date(2099, 1, 1))
    assert {e.field for e in err.value.errors} == {"kind", "date"}


def test_points_scheme_rules_awards_deductions_and_redemption(db, household, village):
    with pytest.raises(ValidationFailed) as err:
        participation.add_rule(db, village.id, "R01", "参加村民大会", 2, kind="02")
    assert err.value.errors[0].code == "points.no_scheme"
    participation.set_scheme(db, village.id, name="爱心超市积分", exit_threshold=5)
    meeting = participation.add_rule(db, village.id, "R01", "参加村民大会", 2, kind="02")
    dropout = participation.add_rule(db, village.id, "R09", "子女辍学", -10)
    with pytest.raises(ValidationFailed) as err:
        participation.add_rule(db, village.id, "R01", "重复", 1)
    assert err.value.errors[0].code == "value.duplicate"
    with pytest.raises(ValidationFailed):
        participation.add_rule(db, village.id, "R02", "零分", 0)
    p = participation.record_participation(db, household.id, "02", date(2026, 3, 1), rule_id=meeting.id)
    assert p.points == 2
    with pytest.raises(ValidationFailed) as err:
        participation.record_participation(db, household.id, "04", date(2026, 3, 2), rule_id=meeting.id)
    assert err.value.errors[0].code == "points.rule_kind"
    for day in (5, 6, 7, 8):
        participation.record_participation(db, household.id, "02", date(2026, 3, day), rule_id=meeting.id)
    participation.apply_rule(db, household.id, dropout.id, date(2026, 4, 1))
    assert participation.balance(db, household.id) == 0
    participation.record_participation(db, household.id, "02", date(2026, 5, 1), rule_id=meeting.id)
    participation.redeem(db, household.id, 2, "洗衣粉一袋", date(2026, 5, 2))
    with pytest.raises(BangfuError) as err:
        participation.redeem(db, household.id, 1, "肥皂", date(2026, 5, 3))
    assert err.value.code == "points.not_enough" and "现有 0 分" in str(err.value)
    s = participation.summary(db, household.id, 2026)
    assert (s.points_earned, s.points_deducted, s.points_redeemed, s.balance) == (12, 10, 2, 0)
    assert [e.entry_type for e in participation.household_entries(db, household.id)][:2] == ["redeem", "award"]
    ranking = participation.ranking(db, village.id, 2026)
    assert ranking[0].household_id == household.id and ranking[0].earned == 2
    assert {op.kind for op in outbox(db, "points_entry")} == {"append"}
    participation.update_rule(db, meeting.id, {"active": False})
    with pytest.raises(ValidationFailed) as err:
        participation.record_participation(db, household.id, "02", date(2026, 6, 1), rule_id=meeting.id)
    assert err.value.errors[0].code == "points.rule_inactive"
    participation.set_scheme(db, village.id, enabled=False)
    with pytest.raises(ValidationFailed):
        participation.apply_rule(db, household.id, dropout.id, date(2026, 6, 1))

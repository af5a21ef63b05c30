"""Registry services: invariants, validation messages, nothing partial written."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import func, select

from app.domain import AuditEntry, Household, Income, Member, OutboxOp
from app.errors import ValidationFailed
from app.i18n import set_language
from app.services import registry
from tests.conftest import synthetic_id


def _counts(db) -> tuple[int, int, int, int]:
    with db.read() as s:
        return tuple(s.exec(select(func.count()).select_from(t)).one() for t in (Household, Member, AuditEntry, OutboxOp))


def test_every_write_appends_audit_and_outbox_in_the_same_transaction(db, village):
    before = _counts(db)
    hh = registry.create_household(db, village.id, {"name": "王五", "id_number": synthetic_id()}, main_cause="02")
    after = _counts(db)
    assert after[0] == before[0] + 1 and after[1] == before[1] + 1
    assert after[2] > before[2] and after[3] > before[3]
    with db.read() as s:
        ops = s.exec(select(OutboxOp).where(OutboxOp.entity_id == hh.id)).all()
    assert ops[0].kind == "create" and ops[0].fields["main_cause"] == "02" and ops[0].author == db.actor.name
    assert [o.device_seq for o in ops] == sorted(o.device_seq for o in ops)


def test_patch_records_only_changed_fields_with_base_rev(db, household):
    registry.update_household(db, household.id, {"phone": "13912345678", "group_no": household.group_no})
    with db.read() as s:
        op = s.exec(select(OutboxOp).order_by(OutboxOp.device_seq.desc())).first()
    assert op.kind == "patch" and op.fields == {"phone": "13912345678"} and op.base_rev == 0


def test_exactly_one_head(db, household):
    with pytest.raises(ValidationFailed) as err:
        registry.add_member(db, household.id, {"name": "赵六", "relation": "01"}, reason="07")
    assert err.value.for_field("relation")
    with db.read() as s:
        heads = s.exec(select(Member).where(Member.household_id == household.id, Member.relation == "01")).all()
    assert len(heads) == 1


def test_head_cannot_be_removed_or_demoted_without_a_new_head(db, household):
    with db.read() as s:
        head = s.exec(select(Member).where(Member.household_id == household.id, Member.relation == "01")).one()
    with pytest.raises(ValidationFailed):
        registry.remove_member(db, head.id, reason="01", on=date(2020, 1, 1))
    with pytest.raises(ValidationFailed):
        registry.update_member(db, head.id, {"relation": "02"})


def test_change_head_keeps_one_head_and_updates_head_name(db, household):
    with db.read() as s:
        spouse = s.exec(select(Member).where(Member.household_id == household.id, Member.name == "李四")).one()
    registry.change_head(db, household.id, spouse.id, old_head_relation="02")
    with db.read() as s:
        hh = s.get(Household, household.id)
        heads = [m for m in registry.living_members(s, hh.id) if m.relation == "01"]
    assert hh.head_name == "李四" and [m.name for m in heads] == ["李四"]


def test_size_equals_living_members(db, household):
    with db.read() as s:
        child = s.exec(select(Member).where(Member.name == "张小明")).one()
    registry.remove_member(db, child.id, reason="08", on=date(2020, 5, 1))
    with db.read() as s:
        assert s.get(Household, household.id).size == 2
    registry.add_member(db, household.id, {"name": "张小红", "relation": "04",
                                           "id_number": synthetic_id(date(2019, 2, 2), "2")}, reason="06")
    with db.read() as s:
        assert s.get(Household, household.id).size == 3


def test_remove_member_needs_an_outgoing_reason(db, household):
    with db.read() as s:
        child = s.exec(select(Member).where(Member.name == "张小明")).one()
    with pytest.raises(ValidationFailed) as err:
        registry.remove_member(db, child.id, reason="06")  # 新生儿 is an incoming reason
    assert err.value.for_field("change_reason")


def test_death_before_birth_refused(db, household):
    with db.read() as s:
        child = s.exec(select(Member).where(Member.name == "张小明")).one()
    with pytest.raises(ValidationFailed) as err:
        registry.remove_member(db, child.id, reason="01", on=date(2010, 1, 1))
    assert err.value.for_field("change_date")


def test_per_capita_is_derived_and_compared_with_the_line(db, household):
    registry.set_income(db, household.id, 2018, {"wage_fen": 1_200_000, "transfer_dibao_fen": 60_000,
                                                 "business_expense_fen": 150_000})
    summary = registry.income_summary(db, household.id, 2018)
    assert summary.net_fen == 1_110_000
    assert summary.per_capita_fen == 370_000  # 11,100 元 / 3 people
    assert summary.line_fen == 353_500
    assert summary.margin_fen == 16_500 and summary.above_line


def test_per_capita_rounds_half_up():
    assert registry.per_capita(10, 3) == 3
    assert registry.per_capita(11, 2) == 6
    assert registry.per_capita(100, 0) is None


@pytest.mark.parametrize(
    ("items", "field"),
    [({"wage_fen": -1}, "wage_fen"), ({"wage_fen": 12.5}, "wage_fen"), ({"salary": 1}, "salary")],
)
def test_bad_income_is_refused_with_the_field_named_and_nothing_written(db, household, items, field):
    before = _counts(db)
    with pytest.raises(ValidationFailed) as err:
        registry.set_income(db, household.id, 2019, items)
    assert err.value.for_field(field)
    assert _counts(db) == before
    with db.read() as s:
        assert s.exec(select(Income)).all() == []


def test_invalid_id_is_refused_in_both_languages(db, household):
    good = synthetic_id()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")  # the same number with a wrong check digit
    before = _counts(db)
    with pytest.raises(ValidationFailed) as err:
        registry.add_member(db, household.id, {"name": "错号", "relation": "03", "id_number": bad}, reason="06")
    assert "证件号码" in str(err.value)
    set_language("en")
    assert "ID number" in str(err.value)
    assert bad not in str(err.value)
    assert _counts(db) == before


def test_same_id_in_two_households_refused(db, household, village):
    with db.read() as s:
        spouse = s.exec(select(Member).where(Member.name == "李四")).one()
    with pytest.raises(ValidationFailed) as err:
        registry.create_household(db, village.id, {"name": "李四", "id_number": spouse.id_number})
    assert err.value.for_field("id_number")


def test_sex_must_match_the_id(db, household):
    with pytest.raises(ValidationFailed) as err:
        registry.add_member(db, household.id, {"name": "性别错", "relation": "03", "sex": "2",
                                               "id_number": synthetic_id(date(2001, 1, 1), "1")}, reason="07")
    assert err.value.for_field("sex")


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"main_cause": "99"}, "main_cause"), ({"group_no": 0}, "group_no"), ({"phone": "abc"}, "phone"),
     ({"other_causes": ["01", "02", "03"]}, "other_causes"), ({"household_attr": ""}, "household_attr")],
)
def test_bad_household_values(db, household, fields, field):
    before = _counts(db)
    with pytest.raises(ValidationFailed) as err:
        registry.update_household(db, household.id, fields)
    assert err.value.for_field(field)
    assert _counts(db) == before


def test_bad_member_values_name_every_field(db, household):
    with pytest.raises(ValidationFailed) as err:
        registry.add_member(db, household.id, {"name": "", "relation": "03", "work_months": 13,
                                               "education": "99"}, reason="06")
    fields = {e.field for e in err.value.errors}
    assert {"name", "work_months", "education"} <= fields
    assert "务工时间" in str(err.value)


def test_village_code_must_have_12_digits(db):
    with pytest.raises(ValidationFailed) as err:
        registry.create_village(db, "52012300100", "某村", "某镇", "某县")
    assert err.value.for_field("code")


def test_conditions_c_house_marks_dangerous_and_validates(db, household):
    cond = registry.update_conditions(db, household.id, {"house_danger_level": "C", "house_area_m2": 60.5})
    assert cond.house_dangerous is True
    with pytest.raises(ValidationFailed):
        registry.update_conditions(db, household.id, {"house_area_m2": -3.0})


def test_helper_change_starts_a_new_row_and_ends_the_old(db, household):
    registry.assign_helper(db, household.id, "王干部", date(2016, 3, 1), unit="县农业局", unit_level="04")
    registry.assign_helper(db, household.id, "陈干部", date(2018, 7, 1), unit="县教育局", unit_level="04")
    from app.domain import HelperAssignment

    with db.read() as s:
        rows = s.exec(select(HelperAssignment).order_by(HelperAssignment.start_date)).all()
    assert [r.name for r in rows] == ["王干部", "陈干部"]
    assert rows[0].end_date == date(2018, 6, 30) and rows[1].end_date is None

"""Every data-quality rule fires on a planted defect, and no rule fires on clean data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from app.i18n import MESSAGES
from app.idnumber import check_digit, make_id
from app.quality import rules, run_checks
from app.quality.checks import implemented
from tests.quality.conftest import AS_OF, Registry


def test_rules_table_and_implementations_agree():
    table = rules()
    assert len({r.code for r in table}) == len(table)
    assert {r.code for r in table} == implemented()
    for r in table:
        assert r.severity in ("error", "warning")
        zh, en = MESSAGES[r.message_code]
        assert zh and en.isascii(), r.code
        for lang in ("zh_CN", "en"):  # the rule's name in lists: the message without its figures
            assert "{" not in r.title(lang) and r.title(lang), r.code
    assert rules()[1].title("zh_CN") == "家庭人口数（…）与在册成员数（…）不一致"


def test_clean_registry_has_no_findings(registry: Registry):
    assert [f.as_dict() for f in run_checks(registry.db, as_of=AS_OF)] == []


def _age_change(r: Registry, member: str, birth: date) -> None:
    r.sql("UPDATE member SET birth_date = ?, id_number = ? WHERE id = ?",
          (birth.isoformat(), make_id("520123", birth, 50, "1"), member))


PLANTS: dict[str, tuple[Callable[[Registry], None], str, str | None]] = {
    # rule: (plant the defect, household key ('a'/'b'), member attribute or None)
    "member_orphan": (lambda r: r.sql(
        "INSERT INTO member SELECT 'orphan-1', rev, deleted, updated_at, 'no-such-household', name, sex, id_type, "
        "'520123198001010011', birth_date, '02', ethnicity, political, education, school_status, health, "
        "disability_type, disability_grade, labour_skill, work_status, work_months, work_employer, med_insurance, "
        "serious_illness_insurance, pension_insurance, dibao, tekun, residence_months, active, change_reason, "
        "change_date FROM member WHERE id = ?", (r.a_spouse,), foreign_keys=False), "", None),
    "size_mismatch": (lambda r: r.sql("UPDATE household SET size = size + 1 WHERE id = ?", (r.a,)), "a", None),
    "no_head": (lambda r: r.sql("UPDATE member SET relation = '11' WHERE id = ?", (r.a_head,)), "a", None),
    "two_heads": (lambda r: r.sql("UPDATE member SET relation = '01' WHERE id = ?", (r.a_spouse,)), "a", None),
    "id_missing": (lambda r: r.sql("UPDATE member SET id_number = '' WHERE id = ?", (r.a_spouse,)), "a", "a_spouse"),
    "id_invalid": (lambda r: r.sql("UPDATE member SET id_number = '520123197713071234' WHERE id = ?", (r.a_spouse,)),
                   "a", "a_spouse"),
    "id_checksum": (lambda r: r.sql(
        "UPDATE member SET id_number = substr(id_number, 1, 17) || ? WHERE id = ?",
        ("0" if check_digit(make_id("520123", date(1977, 7, 7), 12, "2")[:17]) != "0" else "1", r.a_spouse)),
        "a", "a_spouse"),
    "id_birth": (lambda r: r.sql("UPDATE member SET birth_date = '1977-07-08' WHERE id = ?", (r.a_spouse,)),
                 "a", "a_spouse"),
    "id_sex": (lambda r: r.sql("UPDATE member SET sex = '1' WHERE id = ?", (r.a_spouse,)), "a", "a_spouse"),
    "person_two_households": (lambda r: r.sql(
        "UPDATE member SET id_number = (SELECT id_number FROM member WHERE id = ?) WHERE id = ?",
        (r.a_spouse, r.b_child)), "b", "b_child"),
    "duplicate_in_household": (lambda r: r.sql(
        "INSERT INTO member SELECT 'dup-1', rev, deleted, updated_at, household_id, name, sex, id_type, id_number, "
        "birth_date, '20', ethnicity, political, education, school_status, health, disability_type, "
        "disability_grade, labour_skill, work_status, work_months, work_employer, med_insurance, "
        "serious_illness_insurance, pension_insurance, dibao, tekun, residence_months, active, change_reason, "
        "change_date FROM member WHERE id = ?", (r.a_spouse,)), "a", "a_spouse"),
    "pupil_age": (lambda r: _age_change(r, r.a_child, date(2004, 3, 3)), "a", "a_child"),
    "school_age": (lambda r: r.sql("UPDATE member SET school_status = '08' WHERE id = ?", (r.a_child,)),
                   "a", "a_child"),
    "education_age": (lambda r: r.sql("UPDATE member SET education = '05' WHERE id = ?", (r.a_child,)),
                      "a", "a_child"),
    "education_school": (lambda r: r.sql("UPDATE member SET education = '01' WHERE id = ?", (r.b_child,)),
                         "b", "b_child"),
    "labour_age": (lambda r: r.sql("UPDATE member SET labour_skill = '01' WHERE id = ?", (r.a_child,)),
                   "a", "a_child"),
    "dropout": (lambda r: r.sql("UPDATE member SET school_status = '01' WHERE id = ?", (r.a_child,)),
                "a", "a_child"),
    "work_months_over": (lambda r: r.sql("UPDATE member SET work_status = '04', work_months = 13 WHERE id = ?",
                                         (r.a_head,)), "a", "a_head"),
    "work_months_status": (lambda r: r.sql("UPDATE member SET work_status = '04', work_months = 0 WHERE id = ?",
                                           (r.a_head,)), "a", "a_head"),
    "no_med_insurance": (lambda r: r.sql("UPDATE member SET med_insurance = 0 WHERE id = ?", (r.a_spouse,)),
                         "a", "a_spouse"),
    "member_required": (lambda r: r.sql("UPDATE member SET health = '' WHERE id = ?", (r.a_spouse,)),
                        "a", "a_spouse"),
    "household_required": (lambda r: r.sql("UPDATE household SET main_cause = '' WHERE id = ?", (r.a,)), "a", None),
    "exited_below_line": (lambda r: r.sql("UPDATE income SET wage_fen = 100000 WHERE household_id = ?", (r.b,)),
                          "b", None),
    "exited_no_income": (lambda r: r.sql("DELETE FROM income WHERE household_id = ?", (r.b,)), "b", None),
    "exited_cd_house": (lambda r: r.sql(
        "UPDATE conditions SET house_danger_level = 'D', house_dangerous = 1 WHERE household_id = ?", (r.b,)),
        "b", None),
    "exited_dropout": (lambda r: r.sql("UPDATE member SET school_status = '01' WHERE id = ?", (r.b_child,)),
                       "b", None),
    "employment_no_wage": (lambda r: r.sql("UPDATE income SET wage_fen = 0 WHERE household_id = ?", (r.a,)),
                           "a", None),
    "disability_subsidy_no_disabled": (lambda r: _measure(r, "10", "残疾人两项补贴"), "a", None),
    "register_match": (lambda r: _register(r), "a", "a_head"),
}


def _measure(r: Registry, category: str, content: str) -> None:
    from app.domain import Measure
    from app.services.tx import write

    with write(r.db) as tx:
        tx.append(Measure(household_id=r.a, category=category, content=content, date=date(2020, 6, 1)))


def _register(r: Registry) -> None:
    from app.domain import RegisterMatch
    from app.services.tx import write

    with write(r.db) as tx:
        tx.create(RegisterMatch(household_id=r.a, member_id=r.a_head, kind="03", source="车辆登记",
                                found_on=date(2020, 5, 1)))


def test_every_rule_has_a_planted_defect():
    assert set(PLANTS) == implemented()


@pytest.mark.parametrize("code", sorted(PLANTS))
def test_rule_fires_on_its_planted_defect(registry: Registry, code: str):
    plant, household, member = PLANTS[code]
    plant(registry)
    findings = [f for f in run_checks(registry.db, as_of=AS_OF) if f.rule.code == code]
    assert findings, f"{code} did not fire"
    if household:
        expected = getattr(registry, household)
        assert {f.household_id for f in findings} >= {expected}
    if member:
        assert getattr(registry, member) in {f.member_id for f in findings}
    for f in findings:
        text = f.message()
        assert "{" not in text and "{" not in f.message("en")
        assert "赵大牛" not in text and "钱小芳" not in text  # no names in messages


def test_scope_limits_the_checks_to_a_village(registry: Registry):
    from app.services.registry import create_village

    other = create_village(registry.db, "520123002001", "新寨村", "龙场镇", "云岭县")
    registry.sql("UPDATE household SET size = size + 5, village_id = ? WHERE id = ?", (other.id, registry.b))
    assert {f.hh_number for f in run_checks(registry.db, scope="520123002001", as_of=AS_OF)} == {"5201230010010102"}
    assert run_checks(registry.db, scope="520123001001", as_of=AS_OF) == []
    county = run_checks(registry.db, scope="520123", as_of=AS_OF)
    assert {f.hh_number for f in county} == {"5201230010010102"} and "size_mismatch" in {f.rule.code for f in county}


def test_json_shape_masks_the_id_number(registry: Registry):
    registry.sql("UPDATE member SET sex = '1' WHERE id = ?", (registry.a_spouse,))
    (finding,) = run_checks(registry.db, as_of=AS_OF)
    data: dict[str, Any] = finding.as_dict()
    assert set(data) >= {"rule", "severity", "household", "member", "message"}
    assert data["rule"] == "id_sex" and data["household"] == "5201230010010101"
    assert data["member"].startswith("5201") and "*" * 10 in data["member"] and len(data["member"]) == 18


def test_exited_below_line_names_year_income_and_line(registry: Registry):
    registry.sql("UPDATE income SET wage_fen = 100000, business_fen = 0 WHERE household_id = ?", (registry.b,))
    (finding,) = run_checks(registry.db, codes=["exited_below_line"], as_of=AS_OF)
    assert finding.message() == "已脱贫户 2019 年人均纯收入 500.00 元低于当年贫困线 3,800.00 元"
    assert finding.message("en") == (
        "Exited household's per-capita net income in 2019 (500.00 yuan) is below that year's line (3,800.00 yuan)")


@pytest.mark.parametrize("indexed", [False, True])
def test_small_scope_path_finds_the_same(registry: Registry, monkeypatch, indexed: bool):
    """A village read through the indexes finds what the sequential scans find, including a
    person whose other household lies outside the scope."""
    from app.quality import checks
    from app.services.registry import create_village

    monkeypatch.setattr(checks, "INDEXED_SHARE", 1.01 if indexed else 0.0)
    other = create_village(registry.db, "520123002001", "新寨村", "龙场镇", "云岭县")
    registry.sql("UPDATE household SET village_id = ? WHERE id = ?", (other.id, registry.b))
    registry.sql("UPDATE member SET id_number = (SELECT id_number FROM member WHERE id = ?) WHERE id = ?",
                 (registry.a_spouse, registry.b_child))
    registry.sql("UPDATE member SET work_months = 13, work_status = '04' WHERE id = ?", (registry.a_head,))
    registry.sql("UPDATE conditions SET house_danger_level = 'C' WHERE household_id = ?", (registry.b,))
    found = {(f.rule.code, f.household_id, f.member_id) for f in run_checks(registry.db, scope="520123001001",
                                                                          as_of=AS_OF)}
    assert found == {("person_two_households", registry.a, registry.a_spouse),
                     ("work_months_over", registry.a, registry.a_head)}
    found = {(f.rule.code, f.household_id) for f in run_checks(registry.db, scope="520123002001", as_of=AS_OF)}
    assert ("person_two_households", registry.b) in found and ("exited_cd_house", registry.b) in found
    assert {hid for _code, hid in found} == {registry.b}

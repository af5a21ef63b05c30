"""Registry use cases: villages, households, members, incomes, conditions and helpers.

Invariants live here, not in the UI: exactly one head (与户主关系 01) per household; the
household size equals its living members; per-capita net income is derived, never typed in.
Every function validates everything first and writes nothing when any value is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, select

from app.codes import code_list, poverty_line_fen
from app.domain import INCOME_ITEMS, Conditions, HelperAssignment, Household, Income, Member, Village
from app.errors import BangfuError, ValidationFailed
from app.idnumber import IdNumberError, validate_id
from app.services.tx import Tx, write
from app.store.database import Database
from app.validation import Checker

HEAD = "01"

HOUSEHOLD_FIELDS = frozenset(
    {"group_no", "hh_number", "address", "phone", "bank_name", "bank_account", "id_standard", "household_attr",
     "main_cause", "other_causes", "military_family", "only_child", "two_daughters", "relocated",
     "identified_year", "planned_exit_year"}
)
#: Status fields change only through approved lifecycle requests (app.services.lifecycle).
STATUS_FIELDS = frozenset({"exit_status", "exit_year", "return_year"})
MEMBER_FIELDS = frozenset(
    {"name", "sex", "id_type", "id_number", "birth_date", "relation", "ethnicity", "political", "education",
     "school_status", "health", "disability_type", "disability_grade", "labour_skill", "work_status",
     "work_months", "work_employer", "med_insurance", "serious_illness_insurance", "pension_insurance", "dibao",
     "tekun", "residence_months"}
)
CONDITION_FIELDS = frozenset(Conditions.model_fields) - {"id", "rev", "deleted", "updated_at", "household_id"}


def _unknown(entity: str, data: dict[str, Any], allowed: frozenset[str]) -> None:
    extra = sorted(set(data) - allowed)
    if extra:
        c = Checker(entity)
        for name in extra:
            c.fail(name, "value.unknown_code", value=name)
        c.raise_if_any()


# -- villages ----------------------------------------------------------------------------------
def create_village(db: Database, code: str, name: str, township_name: str, county_name: str,
                   groups: int = 0, **extra: Any) -> Village:
    c = Checker("village")
    if not (isinstance(code, str) and len(code) == 12 and code.isdigit()):
        c.fail("code", "value.division_code")
    c.text("name", name, 40, required=True)
    c.text("township_name", township_name, 40, required=True)
    c.text("county_name", county_name, 40, required=True)
    c.integer("groups", groups, 0, 99)
    c.raise_if_any()
    with write(db) as tx:
        village = Village(code=code, name=name.strip(), township_name=township_name.strip(),
                          county_name=county_name.strip(), groups=groups, **extra)
        tx.create(village)
        return village


# -- households --------------------------------------------------------------------------------
def _check_household(c: Checker, data: dict[str, Any]) -> None:
    if "group_no" in data:
        c.integer("group_no", data["group_no"], 1, 99, required=True)
    if "hh_number" in data:
        c.text("hh_number", data["hh_number"], 30)
    c.phone("phone", data.get("phone"))
    c.text("address", data.get("address"), 200)
    c.text("bank_account", data.get("bank_account"), 40)
    if "id_standard" in data:
        c.code("id_standard", data["id_standard"], "id_standard", required=True)
    if "household_attr" in data:
        c.code("household_attr", data["household_attr"], "household_attr", required=True)
    if "main_cause" in data:
        c.code("main_cause", data["main_cause"], "poverty_cause", required=True)
    others = data.get("other_causes")
    if others is not None:
        if not isinstance(others, list) or len(others) > 2:
            c.fail("other_causes", "value.too_many", max=2)
        else:
            for value in others:
                c.code("other_causes", value, "poverty_cause")
            if data.get("main_cause") in others:
                c.fail("other_causes", "value.duplicate", other=code_list("poverty_cause").label(data["main_cause"]))
    for year_field in ("identified_year", "planned_exit_year"):
        if data.get(year_field) is not None:
            c.integer(year_field, data[year_field], 2000, 2100)


def create_household(db: Database, village_id: str, head: dict[str, Any], **fields: Any) -> Household:
    """Register a household with its head (与户主关系 01) in one transaction."""
    _unknown("household", fields, HOUSEHOLD_FIELDS)
    c = Checker("household")
    data = {"group_no": 1, "id_standard": "01", "household_attr": "01", **fields}
    data.setdefault("main_cause", "")
    _check_household(c, data)
    head = {**head, "relation": HEAD}
    with db.read() as s:
        if s.get(Village, village_id) is None:
            c.fail("village_id", "value.not_found")
        member_c = Checker("member")
        _check_member(member_c, s, head, household_id=None)
    c.errors.extend(member_c.errors)
    c.raise_if_any()
    with write(db) as tx:
        hh = Household(village_id=village_id, **data)
        tx.create(hh)
        tx.create(Member(household_id=hh.id, **head))
        tx.create(Conditions(household_id=hh.id))
        _refresh_derived(tx, hh)
        return hh


def update_household(db: Database, household_id: str, changes: dict[str, Any], reason: str = "") -> Household:
    _unknown("household", changes, HOUSEHOLD_FIELDS)
    with write(db) as tx:
        hh = _get(tx.session, Household, household_id, "household")
        c = Checker("household")
        merged = {"main_cause": hh.main_cause, **changes}
        _check_household(c, merged)
        if "identified_year" in changes and (hh.identified_year is None) != (changes["identified_year"] in (None, "")):
            # a candidate becomes poor (or stops being poor) only through an approved request (lifecycle.py);
            # correcting the year of an identified household is a plain data correction
            c.fail("identified_year", "household.identify_via_request")
        c.raise_if_any()
        tx.patch(hh, changes, reason)
        return hh


def _get(session: Session, cls: Any, key: str, entity: str) -> Any:
    obj = session.get(cls, key)
    if obj is None or obj.deleted:
        c = Checker(entity)
        c.fail("id", "value.not_found")
        c.raise_if_any()
    return obj


def living_members(session: Session, household_id: str) -> list[Member]:
    return list(session.exec(select(Member).where(
        Member.household_id == household_id, Member.active == True, Member.deleted == False  # noqa: E712
    ).order_by(Member.relation, Member.birth_date)))


def _refresh_derived(tx: Tx, hh: Household) -> None:
    """Recompute size and head name; enforce exactly one head."""
    members = living_members(tx.session, hh.id)
    heads = [m for m in members if m.relation == HEAD]
    if len(heads) != 1:
        c = Checker("household")
        c.fail("members", "member.no_head" if not heads else "member.two_heads")
        c.raise_if_any()
    tx.patch(hh, {"size": len(members), "head_name": heads[0].name})


# -- members -----------------------------------------------------------------------------------
def _check_member(c: Checker, session: Session, data: dict[str, Any], household_id: str | None,
                  member_id: str | None = None) -> None:
    c.text("name", data.get("name"), 30, required="name" in data or member_id is None)
    for field, list_name in (("sex", "sex"), ("relation", "relation"), ("ethnicity", "ethnicity"),
                             ("political", "political"), ("education", "education"),
                             ("school_status", "school_status"), ("health", "health"),
                             ("disability_type", "disability_type"), ("disability_grade", "disability_grade"),
                             ("labour_skill", "labour_skill"), ("work_status", "work_status"),
                             ("id_type", "id_type")):
        if field in data:
            c.code(field, data[field], list_name, required=field == "relation")
    if "work_months" in data:
        c.integer("work_months", data["work_months"], 0, 12)
    if "residence_months" in data:
        c.integer("residence_months", data["residence_months"], 0, 12)
    c.day("birth_date", data.get("birth_date"))
    number = data.get("id_number")
    if number and data.get("id_type", "01") == "01":
        try:
            info = validate_id(number)
        except IdNumberError as exc:
            c.fail("id_number", exc.code, **exc.params)
        else:
            data["id_number"] = info.number
            if data.get("sex") and data["sex"] != info.sex:
                c.fail("sex", "member.id_sex")
            data.setdefault("sex", info.sex)
            if data.get("birth_date") and data["birth_date"] != info.birth_date:
                c.fail("birth_date", "member.id_birth")
            data["birth_date"] = info.birth_date
            clash = session.exec(select(Member).where(
                Member.id_number == info.number, Member.active == True, Member.deleted == False  # noqa: E712
            )).first()
            if clash is not None and clash.id != member_id:
                c.fail("id_number", "member.id_in_use")


def _check_reason(c: Checker, reason: str, direction: str) -> None:
    reasons = code_list("member_change_reason")
    code = reasons.get(reason)
    if code is None:
        c.fail("change_reason", "value.unknown_code" if reason else "value.required", value=reason[:20])
    elif code.extra.get("direction") != direction:
        c.fail("change_reason", "member.reason_direction")


def add_member(db: Database, household_id: str, data: dict[str, Any], reason: str, on: date | None = None) -> Member:
    """A member joins (新生儿, 嫁入, 其他转入…) with the reason code and date of the change."""
    with write(db) as tx:
        return add_member_in_tx(tx, household_id, data, reason, on)


def add_member_in_tx(tx: Tx, household_id: str, data: dict[str, Any], reason: str, on: date | None = None) -> Member:
    """``add_member`` inside a caller's transaction (a visit records several changes at once)."""
    _unknown("member", data, MEMBER_FIELDS)
    data = dict(data)
    c = Checker("member")
    _check_reason(c, reason, "in")
    c.day("change_date", on)
    hh = _get(tx.session, Household, household_id, "household")
    _check_member(c, tx.session, data, household_id)
    if data.get("relation") == HEAD:
        c.fail("relation", "member.two_heads")
    c.raise_if_any()
    member = Member(household_id=hh.id, change_reason=reason, change_date=on or date.today(), **data)
    tx.create(member)
    _refresh_derived(tx, hh)
    return member


def update_member(db: Database, member_id: str, changes: dict[str, Any], reason: str = "") -> Member:
    with write(db) as tx:
        return update_member_in_tx(tx, member_id, changes, reason)


def update_member_in_tx(tx: Tx, member_id: str, changes: dict[str, Any], reason: str = "") -> Member:
    """``update_member`` inside a caller's transaction."""
    _unknown("member", changes, MEMBER_FIELDS)
    changes = dict(changes)
    member = _get(tx.session, Member, member_id, "member")
    c = Checker("member")
    if not member.active:
        c.fail("name", "member.inactive")
    probe = {"id_type": member.id_type, **changes}
    if "id_number" in changes and "sex" not in changes:
        probe["sex"] = member.sex
    _check_member(c, tx.session, probe, member.household_id, member.id)
    if "relation" in changes and (changes["relation"] == HEAD) != (member.relation == HEAD):
        c.fail("relation", "member.two_heads" if changes["relation"] == HEAD else "member.no_head")
    c.raise_if_any()
    for key in ("id_number", "sex", "birth_date"):
        if key in probe and (key in changes or "id_number" in changes):
            changes[key] = probe[key]
    tx.patch(member, changes, reason)
    _refresh_derived(tx, _get(tx.session, Household, member.household_id, "household"))
    return member


def remove_member(db: Database, member_id: str, reason: str, on: date | None = None) -> None:
    """A member leaves (死亡, 嫁出, 出国定居…): kept in history, no longer counted."""
    with write(db) as tx:
        remove_member_in_tx(tx, member_id, reason, on)


def remove_member_in_tx(tx: Tx, member_id: str, reason: str, on: date | None = None) -> Member:
    """``remove_member`` inside a caller's transaction; returns the member (now inactive)."""
    c = Checker("member")
    _check_reason(c, reason, "out")
    c.day("change_date", on)
    member = _get(tx.session, Member, member_id, "member")
    if not member.active:
        c.fail("name", "member.inactive")
    if member.relation == HEAD:
        c.fail("relation", "member.head_remove")
    if on and member.birth_date and on < member.birth_date:
        c.fail("change_date", "value.range", low=member.birth_date.isoformat(), high=date.today().isoformat())
    c.raise_if_any()
    tx.patch(member, {"active": False, "change_reason": reason, "change_date": on or date.today()}, reason)
    _refresh_derived(tx, _get(tx.session, Household, member.household_id, "household"))
    return member


def change_head(db: Database, household_id: str, new_head_id: str, old_head_relation: str, reason: str = "") -> None:
    """Make another living member the head; the old head gets ``old_head_relation``."""
    c = Checker("member")
    c.code("relation", old_head_relation, "relation", required=True)
    if old_head_relation == HEAD:
        c.fail("relation", "member.two_heads")
    with write(db) as tx:
        hh = _get(tx.session, Household, household_id, "household")
        members = {m.id: m for m in living_members(tx.session, household_id)}
        new = members.get(new_head_id)
        if new is None:
            c.fail("relation", "value.not_found")
        c.raise_if_any()
        assert new is not None
        for m in members.values():
            if m.relation == HEAD:
                tx.patch(m, {"relation": old_head_relation}, reason)
        tx.patch(new, {"relation": HEAD}, reason)
        _refresh_derived(tx, hh)


# -- income ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class IncomeSummary:
    year: int
    net_fen: int
    size: int
    per_capita_fen: int | None
    line_fen: int | None
    margin_fen: int | None

    @property
    def above_line(self) -> bool | None:
        return None if self.margin_fen is None else self.margin_fen >= 0


def per_capita(net_fen: int, size: int) -> int | None:
    """人均纯收入 = 年纯收入 ÷ 家庭人口, rounded half up to the fen."""
    if size <= 0:
        return None
    q, r = divmod(net_fen, size)
    return q + (1 if 2 * r >= size else 0)


def summarise(income: Income | None, year: int, size: int, province: str | None = None) -> IncomeSummary:
    net = income.net_fen if income else 0
    pc = per_capita(net, size)
    line = poverty_line_fen(year, province)
    margin = None if pc is None or line is None else pc - line
    return IncomeSummary(year, net, size, pc, line, margin)


def income_summary(db: Database, household_id: str, year: int) -> IncomeSummary:
    with db.read() as s:
        hh = _get(s, Household, household_id, "household")
        village = s.get(Village, hh.village_id)
        income = s.exec(select(Income).where(Income.household_id == household_id, Income.year == year)).first()
        return summarise(income, year, hh.size, village.province_code if village else None)


def set_income(db: Database, household_id: str, year: int, items: dict[str, int], reason: str = "") -> Income:
    """Record a year's income item by item (integer fen, never negative)."""
    c = Checker("income")
    c.integer("year", year, 2000, date.today().year)
    for name, value in items.items():
        if name not in INCOME_ITEMS:
            c.fail(name, "value.unknown_code", value=name)
        else:
            c.money_fen(name, value)
    c.raise_if_any()
    with write(db) as tx:
        return set_income_in_tx(tx, household_id, year, items, reason)


def set_income_in_tx(tx: Tx, household_id: str, year: int, items: dict[str, int], reason: str = "") -> Income:
    """``set_income`` inside a caller's transaction (validates again: callers may skip the outer check)."""
    c = Checker("income")
    c.integer("year", year, 2000, date.today().year)
    for name, value in items.items():
        if name not in INCOME_ITEMS:
            c.fail(name, "value.unknown_code", value=name)
        else:
            c.money_fen(name, value)
    c.raise_if_any()
    _get(tx.session, Household, household_id, "household")
    income = tx.session.exec(select(Income).where(Income.household_id == household_id, Income.year == year)).first()
    if income is None:
        income = Income(household_id=household_id, year=year, **items)
        tx.create(income, reason)
    else:
        tx.patch(income, items, reason)
    return income


# -- conditions and helpers ----------------------------------------------------------------------
def update_conditions(db: Database, household_id: str, changes: dict[str, Any], reason: str = "") -> Conditions:
    with write(db) as tx:
        return update_conditions_in_tx(tx, household_id, changes, reason)


def update_conditions_in_tx(tx: Tx, household_id: str, changes: dict[str, Any], reason: str = "") -> Conditions:
    """``update_conditions`` inside a caller's transaction."""
    _unknown("conditions", changes, CONDITION_FIELDS)
    c = Checker("conditions")
    for name, value in changes.items():
        if name.endswith("_mu") or name.endswith("_m2") or name.endswith("_km"):
            c.number(name, value, 0.0, 100000.0)
        elif name == "house_built_year" and value is not None:
            c.integer(name, value, 1900, date.today().year)
        elif name == "house_structure":
            c.code(name, value, "house_structure")
        elif name == "house_danger_level":
            c.code(name, value, "house_danger_level")
        elif name == "road_type":
            c.code(name, value, "road_type")
        elif name == "fuel_type":
            c.code(name, value, "fuel_type")
        elif not isinstance(value, bool):
            c.fail(name, "value.unknown_code", value=str(value)[:20])
    level = changes.get("house_danger_level")
    if level in ("C", "D") and changes.get("house_dangerous") is False:
        c.fail("house_dangerous", "value.unknown_code", value="C/D")
    c.raise_if_any()
    if level in ("C", "D"):
        changes = {**changes, "house_dangerous": True}
    _get(tx.session, Household, household_id, "household")
    cond = tx.session.exec(select(Conditions).where(Conditions.household_id == household_id)).first()
    if cond is None:
        cond = Conditions(household_id=household_id, **changes)
        tx.create(cond, reason)
    else:
        tx.patch(cond, changes, reason)
    return cond


def assign_helper(db: Database, household_id: str, name: str, start_date: date, unit: str = "",
                  unit_level: str = "", post: str = "", phone: str = "", visit_every_days: int = 30) -> HelperAssignment:
    """A new 帮扶责任人 starts a new row; the current one ends the day before."""
    c = Checker("helper_assignment")
    c.text("name", name, 30, required=True)
    c.day("start_date", start_date, required=True, not_future=False)
    c.code("unit_level", unit_level, "helper_unit_level")
    c.phone("phone", phone)
    c.integer("visit_every_days", visit_every_days, 1, 366)
    c.raise_if_any()
    with write(db) as tx:
        _get(tx.session, Household, household_id, "household")
        current = tx.session.exec(select(HelperAssignment).where(
            HelperAssignment.household_id == household_id, HelperAssignment.end_date == None,  # noqa: E711
            HelperAssignment.deleted == False,  # noqa: E712
        )).all()
        for row in current:
            if start_date <= row.start_date:
                c.fail("start_date", "value.range", low=row.start_date.isoformat(), high="…")
                c.raise_if_any()
            tx.patch(row, {"end_date": start_date.fromordinal(start_date.toordinal() - 1)})
        helper = HelperAssignment(household_id=household_id, name=name.strip(), unit=unit, unit_level=unit_level,
                                  post=post, phone=phone, start_date=start_date, visit_every_days=visit_every_days)
        tx.create(helper)
        return helper


__all__ = [
    "BangfuError", "IncomeSummary", "ValidationFailed", "add_member", "add_member_in_tx", "assign_helper",
    "change_head", "create_household", "create_village", "income_summary", "living_members", "per_capita",
    "remove_member", "remove_member_in_tx", "set_income", "set_income_in_tx", "summarise", "update_conditions",
    "update_conditions_in_tx", "update_household", "update_member", "update_member_in_tx",
]

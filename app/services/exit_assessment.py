"""Exit assessment (脱贫评估): may this household exit poverty in ``year``, and why (not)?

``assess_exit`` lists each criterion of domain.md §5 with a result (pass / fail / unknown) and a
reason a person can read, in the UI language:

* **blocking** (一达标两不愁三保障 + 饮水安全 + 十不脱): per-capita net income against the year's line
  with the margin (how far above or below; optionally a required margin above the line, setting
  ``exit_income_margin_pct``); 不愁吃; 不愁穿; compulsory education (every member aged 6–15 in school unless
  excused for health); basic medical insurance and treatment of serious/chronic illness; housing
  safety (no C/D house); safe drinking water (quality, quantity ≥ 20 L/person/day, access,
  reliability); the "must not exit" cases (C/D house, a dropout, a serious illness untreated).
  ``unknown`` blocks too: a household is not exited on missing evidence.
* **advisory** — the five marks of a real exit (享受过扶持政策, 得到了帮扶, 观念有转变, 能力有提升,
  有稳定的收入渠道): shown with the same lights; a failing mark is a warning, not a block, because
  兜底 households (低保/特困) legitimately exit on transfers.

Facts come from the household card (members, conditions, income) and from this year's visits
(the 两不愁 and water checks only a visit can establish). Reasons carry counts and amounts, never
names; ``Criterion.member_ids`` lets a screen point at the members concerned.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlmodel import Session, col, select

from app.codes import code_list, poverty_line_fen, setting
from app.domain import (
    Conditions,
    HelperAssignment,
    Household,
    Income,
    Measure,
    Member,
    Participation,
    ProjectBeneficiary,
    Village,
    Visit,
)
from app.errors import BangfuError
from app.i18n import t
from app.services import field_messages  # noqa: F401
from app.services import participation as participation_service
from app.services.assistance import with_session
from app.services.reference_date import reference_date
from app.services.registry import per_capita
from app.validation import format_money

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"
LIGHTS = {PASS: "green", FAIL: "red", UNKNOWN: "amber"}
SCHOOL_AGE = (6, 15)
#: 健康状况 codes that excuse a child from school (serious illness, disability) and that need treatment.
HEALTH_EXCUSED = frozenset({"03", "04"})
ILL = frozenset({"02", "03"})
SERIOUS = "03"
NOT_IN_SCHOOL = frozenset({"", "01"})
WATER_CHECKS = ("water_quality", "water_quantity", "water_access", "water_reliability")
#: Measure categories that build capability (industry, employment, public-welfare jobs, education).
CAPABILITY_MEASURES = frozenset({"01", "02", "05", "11"})
TRAINING = "03"
SKILLED = "02"
WORKING = frozenset({"01", "02", "03", "04", "05"})

#: (criterion code, group, blocking) in the order the checklist shows them.
CRITERIA: tuple[tuple[str, str, bool], ...] = (
    ("income", "income", True),
    ("food", "two_no_worries", True),
    ("clothing", "two_no_worries", True),
    ("education", "three_guarantees", True),
    ("medical", "three_guarantees", True),
    ("housing", "three_guarantees", True),
    ("water", "drinking_water", True),
    ("must_not_exit", "must_not_exit", True),
    ("policy_enjoyed", "real_exit", False),
    ("assistance_received", "real_exit", False),
    ("attitude_changed", "real_exit", False),
    ("capability_improved", "real_exit", False),
    ("stable_income", "real_exit", False),
)
_GROUP = {code: (group, blocking) for code, group, blocking in CRITERIA}


@dataclass(frozen=True)
class Criterion:
    code: str
    result: str
    reason_code: str
    params: dict[str, Any] = field(default_factory=dict)
    member_ids: tuple[str, ...] = ()

    @property
    def group(self) -> str:
        return _GROUP[self.code][0]

    @property
    def blocking(self) -> bool:
        return _GROUP[self.code][1]

    @property
    def light(self) -> str:
        """Traffic light: green pass, red fail, amber unknown."""
        return LIGHTS[self.result]

    @property
    def label(self) -> str:
        return t(f"exit.criterion.{self.code}")

    @property
    def reason(self) -> str:
        return t(self.reason_code, **render_params(self.params))


def render_params(params: dict[str, Any]) -> dict[str, Any]:
    """Parameters are rendered when read, in the reader's language: amounts are kept as fen
    (``*_fen``), lists as item references (``*_list``: message codes, or ``code:<list>:<code>``)."""
    out: dict[str, Any] = {}
    for k, v in params.items():
        if k.endswith("_fen"):
            out[k[:-4]] = format_money(v)
        elif k.endswith("_list"):
            out[k[:-5]] = joined(v)
        else:
            out[k] = v
    return out


def _item(ref: str) -> str:
    if ref.startswith("code:"):
        _prefix, list_name, code = ref.split(":", 2)
        return code_list(list_name).label(code)
    return t(ref)


def joined(refs: list[str]) -> str:
    """Items as a list in the current language (、 in Chinese, commas in English)."""
    from app.i18n import current_language

    return ("、" if current_language().startswith("zh") else ", ").join(_item(r) for r in refs)


@dataclass(frozen=True)
class ExitAssessment:
    household_id: str
    year: int
    assessed_on: date
    criteria: tuple[Criterion, ...]

    @property
    def failures(self) -> list[Criterion]:
        """Blocking criteria that are not met (fail or unknown): these stop an exit."""
        return [c for c in self.criteria if c.blocking and c.result != PASS]

    @property
    def warnings(self) -> list[Criterion]:
        """Marks of a real exit that are not shown (advisory)."""
        return [c for c in self.criteria if not c.blocking and c.result != PASS]

    @property
    def passed(self) -> bool:
        return not self.failures

    def criterion(self, code: str) -> Criterion:
        return next(c for c in self.criteria if c.code == code)

    def explanation(self, include_warnings: bool = False) -> str:
        """The failing criteria as readable lines (for a refusal message or a printout)."""
        rows = self.failures + (self.warnings if include_warnings else [])
        return "\n".join(t("exit.line", label=c.label, reason=c.reason) for c in rows)

    def as_dict(self) -> dict[str, Any]:
        """A compact, JSON-safe record (kept on a lifecycle request as evidence)."""
        return {"year": self.year, "assessed_on": self.assessed_on.isoformat(), "passed": self.passed,
                "criteria": {c.code: c.result for c in self.criteria}}


# -- facts --------------------------------------------------------------------------------------
@dataclass
class _Facts:
    hh: Household
    year: int
    ref: date
    province: str
    members: list[Member]
    income: Income | None
    conditions: Conditions | None
    visits: list[Visit]  # this year's, newest first
    measures: list[Measure]
    helpers: int
    any_visit: bool
    beneficiary: bool
    trained: bool
    participation: participation_service.ParticipationSummary


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _load(s: Session, household_id: str, year: int, today: date) -> _Facts:
    hh = s.get(Household, household_id)
    if hh is None or hh.deleted:
        raise BangfuError("value.not_found")
    ref = min(today, date(year, 12, 31))
    village = s.get(Village, hh.village_id)
    members = list(s.exec(select(Member).where(Member.household_id == household_id, Member.active == True,  # noqa: E712
                                               Member.deleted == False)))  # noqa: E712
    income = s.exec(select(Income).where(Income.household_id == household_id, Income.year == year,
                                         Income.deleted == False)).first()  # noqa: E712
    cond = s.exec(select(Conditions).where(Conditions.household_id == household_id)).first()
    start = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    visits = list(s.exec(select(Visit).where(Visit.household_id == household_id, Visit.deleted == False,  # noqa: E712
                                             col(Visit.visited_at) >= start, col(Visit.visited_at) < end)
                         .order_by(col(Visit.visited_at).desc())))
    any_visit = s.exec(select(Visit.id).where(Visit.household_id == household_id, Visit.deleted == False,  # noqa: E712
                                              col(Visit.visited_at) < end)).first() is not None
    measures = list(s.exec(select(Measure).where(Measure.household_id == household_id, Measure.deleted == False,  # noqa: E712
                                                 col(Measure.date) <= date(year, 12, 31))))
    helpers = len(s.exec(select(HelperAssignment.id).where(HelperAssignment.household_id == household_id,
                                                           HelperAssignment.deleted == False,  # noqa: E712
                                                           col(HelperAssignment.start_date) <= ref)).all())
    beneficiary = s.exec(select(ProjectBeneficiary.id).where(ProjectBeneficiary.household_id == household_id,
                                                             ProjectBeneficiary.deleted == False)).first() is not None  # noqa: E712
    trained = s.exec(select(Participation.id).where(Participation.household_id == household_id,
                                                   Participation.kind == TRAINING, Participation.deleted == False,  # noqa: E712
                                                   col(Participation.date) <= date(year, 12, 31))).first() is not None
    summary = participation_service.summary(s, household_id, year)
    return _Facts(hh, year, ref, village.province_code if village else "", members, income, cond, visits, measures,
                  helpers, any_visit, beneficiary, trained, summary)


def _check(f: _Facts, code: str) -> bool | None:
    """The latest answer of this year's visits to one check (None: not asked this year)."""
    for v in f.visits:
        value = (v.data or {}).get("checks", {}).get(code)
        if isinstance(value, bool):
            return value
    return None


# -- criteria -----------------------------------------------------------------------------------
def _income(f: _Facts) -> Criterion:
    line = poverty_line_fen(f.year, f.province)
    if line is None:
        return Criterion("income", UNKNOWN, "exit.reason.no_line", {"year": f.year})
    if f.income is None:
        return Criterion("income", UNKNOWN, "exit.reason.no_income", {"year": f.year})
    size = len(f.members)
    pc = per_capita(f.income.net_fen, size)
    if pc is None:
        return Criterion("income", UNKNOWN, "exit.reason.no_members")
    params = {"per_capita_fen": pc, "line_fen": line, "margin_fen": abs(pc - line), "year": f.year, "size": size}
    if pc < line:
        return Criterion("income", FAIL, "exit.reason.income_below", params)
    pct = income_margin_pct()
    if not pct:
        return Criterion("income", PASS, "exit.reason.income_above", params)
    required = line + (line * pct + 50) // 100
    params.update(required_fen=required, pct=pct)
    if pc >= required:
        return Criterion("income", PASS, "exit.reason.income_above_required", params)
    return Criterion("income", FAIL, "exit.reason.income_within_margin", {**params, "short_fen": required - pc})


def income_margin_pct() -> int:
    """How far above the line (per cent) income must be to count as *stably* above it (domain.md §5:
    "stably above the year's line"). Setting ``exit_income_margin_pct``; 0 (just above) by default,
    a county may require e.g. 10 % so that a household a bad harvest away from the line stays in."""
    try:
        return max(0, min(100, int(setting("exit_income_margin_pct"))))
    except (KeyError, ValueError):
        return 0


def _simple_check(f: _Facts, code: str) -> Criterion:
    value = _check(f, code)
    if value is None:
        return Criterion(code, UNKNOWN, "exit.reason.not_checked", {"year": f.year})
    return Criterion(code, PASS if value else FAIL, "exit.reason.visit_yes" if value else "exit.reason.visit_no")


def _dropouts(f: _Facts) -> tuple[list[Member], list[Member], list[Member], list[Member]]:
    """(children 6–15, out of school without excuse, excused for health, age unknown)."""
    low, high = SCHOOL_AGE
    children, out, excused, unknown = [], [], [], []
    for m in f.members:
        if m.birth_date is None:
            if m.relation != "01":
                unknown.append(m)
            continue
        if low <= _age(m.birth_date, f.ref) <= high:
            children.append(m)
            if m.school_status in NOT_IN_SCHOOL:
                (excused if m.health in HEALTH_EXCUSED else out).append(m)
    return children, out, excused, unknown


def _education(f: _Facts) -> Criterion:
    children, out, excused, unknown = _dropouts(f)
    seen = _check(f, "school")
    if out:
        return Criterion("education", FAIL, "exit.reason.dropout", {"count": len(out)}, tuple(m.id for m in out))
    if seen is False:
        return Criterion("education", FAIL, "exit.reason.visit_no")
    if unknown:
        return Criterion("education", UNKNOWN, "exit.reason.age_unknown", {"count": len(unknown)},
                         tuple(m.id for m in unknown))
    if not children:
        return Criterion("education", PASS, "exit.reason.no_school_age")
    if excused:
        return Criterion("education", PASS, "exit.reason.in_school_excused",
                         {"count": len(children) - len(excused), "excused": len(excused)}, tuple(m.id for m in excused))
    return Criterion("education", PASS, "exit.reason.in_school", {"count": len(children)})


def _untreated(f: _Facts) -> tuple[list[Member], bool | None]:
    ill = [m for m in f.members if m.health in ILL]
    return ill, (_check(f, "treatment") if ill else True)


def _medical(f: _Facts) -> Criterion:
    uninsured = [m for m in f.members if not m.med_insurance]
    if uninsured:
        return Criterion("medical", FAIL, "exit.reason.uninsured", {"count": len(uninsured)},
                         tuple(m.id for m in uninsured))
    if _check(f, "insurance") is False:
        return Criterion("medical", FAIL, "exit.reason.visit_no")
    ill, treated = _untreated(f)
    if treated is False:
        return Criterion("medical", FAIL, "exit.reason.untreated", {"count": len(ill)}, tuple(m.id for m in ill))
    if treated is None:
        return Criterion("medical", UNKNOWN, "exit.reason.treatment_unknown", {"count": len(ill)},
                         tuple(m.id for m in ill))
    if ill:
        return Criterion("medical", PASS, "exit.reason.insured_treated", {"count": len(ill)})
    return Criterion("medical", PASS, "exit.reason.insured")


def _house_unsafe(f: _Facts) -> bool | None:
    c = f.conditions
    if c is None:
        return None
    level = code_list("house_danger_level").get(c.house_danger_level or "")
    if (level is not None and level.extra.get("safe") == "no") or c.house_dangerous:
        return True
    return _check(f, "housing") is False


def _housing(f: _Facts) -> Criterion:
    unsafe = _house_unsafe(f)
    if unsafe is None:
        return Criterion("housing", UNKNOWN, "exit.reason.no_conditions")
    if unsafe:
        level = f.conditions.house_danger_level if f.conditions else ""
        if level:
            return Criterion("housing", FAIL, "exit.reason.house_rated", {"level": level})
        return Criterion("housing", FAIL, "exit.reason.house_unsafe")
    level = f.conditions.house_danger_level if f.conditions else ""
    if level:
        return Criterion("housing", PASS, "exit.reason.house_safe_rated", {"level": level})
    return Criterion("housing", PASS, "exit.reason.house_safe")


def _water(f: _Facts) -> Criterion:
    c = f.conditions
    if c is not None and (not c.water_safe or c.water_difficulty):
        return Criterion("water", FAIL, "exit.reason.water_card")
    answers = {code: _check(f, code) for code in WATER_CHECKS}
    failed = [f"code:visit_check:{code}" for code, v in answers.items() if v is False]
    if failed:
        return Criterion("water", FAIL, "exit.reason.water_failed", {"items_list": failed})
    missing = [f"code:visit_check:{code}" for code, v in answers.items() if v is None]
    if missing:
        return Criterion("water", UNKNOWN, "exit.reason.water_missing", {"items_list": missing, "year": f.year})
    return Criterion("water", PASS, "exit.reason.water_ok")


def _must_not_exit(f: _Facts) -> Criterion:
    cases: list[str] = []
    ids: list[str] = []
    unknown = False
    unsafe = _house_unsafe(f)
    if unsafe:
        cases.append("exit.case.house")
    unknown |= unsafe is None
    _children, out, _excused, _unknown = _dropouts(f)
    if out or _check(f, "school") is False:
        cases.append("exit.case.dropout")
        ids += [m.id for m in out]
    serious = [m for m in f.members if m.health == SERIOUS]
    if serious:
        treated = _check(f, "treatment")
        if treated is False:
            cases.append("exit.case.untreated")
            ids += [m.id for m in serious]
        unknown |= treated is None
    if cases:
        return Criterion("must_not_exit", FAIL, "exit.reason.cases", {"cases_list": cases}, tuple(ids))
    if unknown:
        return Criterion("must_not_exit", UNKNOWN, "exit.reason.cases_unknown")
    return Criterion("must_not_exit", PASS, "exit.reason.no_cases")


def _policy(f: _Facts) -> Criterion:
    inc = f.income
    transfers = bool(inc and (inc.transfer_dibao_fen or inc.transfer_tekun_fen or inc.transfer_eco_fen))
    welfare = any(m.dibao or m.tekun for m in f.members)
    n = len(f.measures)
    if n or f.beneficiary or transfers or welfare:
        return Criterion("policy_enjoyed", PASS, "exit.reason.policies", {"measures": n,
                                                                           "projects": int(f.beneficiary)})
    return Criterion("policy_enjoyed", FAIL, "exit.reason.no_policies")


def _assistance(f: _Facts) -> Criterion:
    if not f.helpers:
        return Criterion("assistance_received", FAIL, "exit.reason.no_helper")
    if not f.any_visit:
        return Criterion("assistance_received", FAIL, "exit.reason.no_visits")
    return Criterion("assistance_received", PASS, "exit.reason.helped",
                     {"visits": len(f.visits), "measures": len(f.measures)})


def _attitude(f: _Facts) -> Criterion:
    p = f.participation
    net = p.points_earned - p.points_deducted
    if p.scheme_enabled and p.exit_threshold > 0:
        params = {"points": net, "threshold": p.exit_threshold, "count": p.count}
        if net >= p.exit_threshold:
            return Criterion("attitude_changed", PASS, "exit.reason.points_ok", params)
        return Criterion("attitude_changed", FAIL, "exit.reason.points_low", params)
    if p.count:
        return Criterion("attitude_changed", PASS, "exit.reason.participated", {"count": p.count, "points": net})
    return Criterion("attitude_changed", FAIL, "exit.reason.no_participation", {"year": f.year})


def _capability(f: _Facts) -> Criterion:
    skilled = sum(1 for m in f.members if m.labour_skill == SKILLED)
    working = sum(1 for m in f.members if m.work_status in WORKING)
    building = sum(1 for m in f.measures if m.category in CAPABILITY_MEASURES)
    if f.trained or skilled or working or building:
        return Criterion("capability_improved", PASS, "exit.reason.capable",
                         {"trained": int(f.trained), "skilled": skilled, "working": working, "measures": building})
    return Criterion("capability_improved", FAIL, "exit.reason.no_capability")


def _stable_income(f: _Facts) -> Criterion:
    inc = f.income
    if inc is None:
        return Criterion("stable_income", UNKNOWN, "exit.reason.no_income", {"year": f.year})
    own = inc.wage_fen + inc.business_fen + inc.property_fen - inc.business_expense_fen
    total = inc.net_fen
    if own <= 0:
        return Criterion("stable_income", FAIL, "exit.reason.only_transfers")
    share = 0 if total <= 0 else round(100 * inc.transfer_fen / total)
    return Criterion("stable_income", PASS, "exit.reason.own_income", {"own_fen": own, "share": share})


def assess_exit(db_or_session: Any, household_id: str, year: int, today: date | None = None) -> ExitAssessment:
    """Assess a household's exit for ``year`` (see the module docstring). ``today`` defaults to
    ``reference_date``: the real today, or the scenario's day of a demo or training database."""

    def run(s: Session) -> ExitAssessment:
        f = _load(s, household_id, year, today or reference_date(s))
        criteria = (
            _income(f), _simple_check(f, "food"), _simple_check(f, "clothing"), _education(f), _medical(f),
            _housing(f), _water(f), _must_not_exit(f), _policy(f), _assistance(f), _attitude(f),
            _capability(f), _stable_income(f),
        )
        return ExitAssessment(household_id, year, f.ref, criteria)

    return with_session(db_or_session, run)


__all__ = ["CRITERIA", "FAIL", "LIGHTS", "PASS", "UNKNOWN", "Criterion", "ExitAssessment", "assess_exit",
           "income_margin_pct"]

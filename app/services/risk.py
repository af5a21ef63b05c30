"""Return-to-poverty risk flags (返贫风险) and the list of households at risk.

Illness and schooling costs are the main causes of falling back (domain.md §8), so a household
is flagged for: a member with a serious illness or a chronic illness; large medical costs (the
out-of-pocket costs recorded at visits, or health measures paid for it, at least
``MEDICAL_SHARE`` % of its net income or ``MEDICAL_FEN`` when its income is unknown); children
in non-compulsory schooling with fees (senior secondary, vocational, college) or education costs
recorded at visits; and income falling towards the line (per-capita income less than
``NEAR_LINE_PCT`` % of the line, or down by ``DROP_PCT`` % or more from last year). Each flag has a
readable reason (counts and amounts only). Everything is read in bulk, so the county-wide list is
one pass over each table.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlmodel import Session, col, select

from app.codes import poverty_line_fen
from app.domain import Household, Income, Measure, Member, Village, Visit
from app.i18n import t
from app.services import field_messages  # noqa: F401
from app.services.assistance import with_session
from app.services.exit_assessment import render_params
from app.services.reference_date import reference_date
from app.services.registry import per_capita

MEDICAL_SHARE = 30
MEDICAL_FEN = 1_000_000  # 10,000 yuan
EDUCATION_SHARE = 30
NEAR_LINE_PCT = 120
DROP_PCT = 20
HEALTH_MEASURE = "06"
FEE_SCHOOLING = frozenset({f"{i:02d}" for i in range(7, 17)})  # 高中, 中职, 高职, 大专及以上
#: flag → severity (2 high, 1 watch).
SEVERITY = {"serious_illness": 2, "chronic_illness": 1, "medical_costs": 2, "school_costs": 1,
            "income_near_line": 2, "income_falling": 1, "below_line": 2}
EXITED = frozenset({"02", "03"})


@dataclass(frozen=True)
class RiskFlag:
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    variant: str = ""  # another wording of the reason (e.g. without an amount nobody recorded)

    @property
    def severity(self) -> int:
        return SEVERITY[self.code]

    @property
    def label(self) -> str:
        return t(f"risk.flag.{self.code}")

    @property
    def reason(self) -> str:
        return t(f"risk.reason.{self.code}{self.variant}", **render_params(self.params))


@dataclass(frozen=True)
class RiskRow:
    household_id: str
    village_id: str
    group_no: int
    head_name: str
    exit_status: str
    flags: tuple[RiskFlag, ...]

    @property
    def score(self) -> int:
        return sum(f.severity for f in self.flags)

    @property
    def level(self) -> str:
        """high (a severe flag), watch (only mild flags) or none."""
        if any(f.severity >= 2 for f in self.flags):
            return "high"
        return "watch" if self.flags else "none"


def _flags(hh: Household, members: list[Member], income: Income | None, last_year: Income | None,
           medical_fen: int, education_fen: int, province: str, year: int) -> tuple[RiskFlag, ...]:
    flags: list[RiskFlag] = []
    serious = sum(1 for m in members if m.health == "03")
    chronic = sum(1 for m in members if m.health == "02")
    if serious:
        flags.append(RiskFlag("serious_illness", {"count": serious}))
    if chronic:
        flags.append(RiskFlag("chronic_illness", {"count": chronic}))
    net = income.net_fen if income else None
    if medical_fen and ((net is not None and net > 0 and medical_fen * 100 >= net * MEDICAL_SHARE)
                        or (net is not None and net <= 0) or (net is None and medical_fen >= MEDICAL_FEN)):
        share = round(100 * medical_fen / net) if net and net > 0 else None
        flags.append(RiskFlag("medical_costs", {"amount_fen": medical_fen,
                                                "share": share if share is not None else "—"}))
    pupils = sum(1 for m in members if m.school_status in FEE_SCHOOLING)
    heavy_school = bool(education_fen and net and net > 0 and education_fen * 100 >= net * EDUCATION_SHARE)
    if pupils or heavy_school:
        flags.append(RiskFlag("school_costs", {"count": pupils, "amount_fen": education_fen},
                              "" if education_fen else "_pupils"))
    line = poverty_line_fen(year, province)
    size = len(members)
    pc = per_capita(net, size) if net is not None else None
    if pc is not None and line:
        if pc < line:
            flags.append(RiskFlag("below_line", {"per_capita_fen": pc, "line_fen": line}))
        elif pc * 100 < line * NEAR_LINE_PCT:
            flags.append(RiskFlag("income_near_line", {"per_capita_fen": pc, "line_fen": line,
                                                       "pct": round(100 * pc / line)}))
    if last_year is not None and net is not None and size:
        before = per_capita(last_year.net_fen, size)
        if before and before > 0 and pc is not None and (before - pc) * 100 >= before * DROP_PCT:
            flags.append(RiskFlag("income_falling", {"drop": round(100 * (before - pc) / before),
                                                     "before_fen": before, "now_fen": pc}))
    return tuple(flags)


def _load(s: Session, household_ids: list[str] | None, village_id: str | None, year: int,
          statuses: frozenset[str] | None) -> list[RiskRow]:
    q = select(Household).where(Household.deleted == False)  # noqa: E712
    if household_ids is not None:
        q = q.where(col(Household.id).in_(household_ids))
    if village_id:
        q = q.where(Household.village_id == village_id)
    if statuses:
        q = q.where(col(Household.exit_status).in_(sorted(statuses)))
    households = list(s.exec(q))
    if not households:
        return []
    ids = [h.id for h in households]
    provinces = {v.id: v.province_code for v in s.exec(select(Village))}
    members: dict[str, list[Member]] = defaultdict(list)
    incomes: dict[tuple[str, int], Income] = {}
    medical: dict[str, int] = defaultdict(int)
    education: dict[str, int] = defaultdict(int)
    for chunk in _chunks(ids):
        for m in s.exec(select(Member).where(col(Member.household_id).in_(chunk), Member.active == True,  # noqa: E712
                                             Member.deleted == False)):  # noqa: E712
            members[m.household_id].append(m)
        for inc in s.exec(select(Income).where(col(Income.household_id).in_(chunk),
                                               col(Income.year).in_([year, year - 1]))):
            incomes[(inc.household_id, inc.year)] = inc
        start, end = datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
        for v in s.exec(select(Visit).where(col(Visit.household_id).in_(chunk), Visit.deleted == False,  # noqa: E712
                                            col(Visit.visited_at) >= start, col(Visit.visited_at) < end)):
            exp = (v.data or {}).get("expenses") or {}
            medical[v.household_id] += int(exp.get("medical_fen") or 0)
            education[v.household_id] += int(exp.get("education_fen") or 0)
        for m in s.exec(select(Measure).where(col(Measure.household_id).in_(chunk), Measure.category == HEALTH_MEASURE,
                                              Measure.deleted == False,  # noqa: E712
                                              col(Measure.date) >= date(year, 1, 1), col(Measure.date) <= date(year, 12, 31))):
            medical[m.household_id] += m.amount_fen
    rows = []
    for h in households:
        flags = _flags(h, members[h.id], incomes.get((h.id, year)), incomes.get((h.id, year - 1)), medical[h.id],
                       education[h.id], provinces.get(h.village_id, ""), year)
        rows.append(RiskRow(h.id, h.village_id, h.group_no, h.head_name, h.exit_status, flags))
    return rows


def _chunks(ids: list[str], size: int = 500) -> list[list[str]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def risk_flags(db_or_session: Any, household_id: str, year: int | None = None) -> RiskRow:
    """One household's flags for ``year`` (default: this year, the scenario's in a demo database)."""
    year = year or reference_date(db_or_session).year
    rows = with_session(db_or_session, lambda s: _load(s, [household_id], None, year, None))
    if not rows:
        from app.errors import BangfuError

        raise BangfuError("value.not_found")
    return rows[0]


def at_risk(db_or_session: Any, year: int | None = None, village_id: str | None = None,
            exited_only: bool = True) -> list[RiskRow]:
    """Households with at least one flag, highest score first (by default only exited households:
    the ones that can *return* to poverty; ``exited_only=False`` for every registered household)."""
    year = year or reference_date(db_or_session).year
    statuses = EXITED if exited_only else None
    rows = with_session(db_or_session, lambda s: _load(s, None, village_id, year, statuses))
    flagged = [r for r in rows if r.flags]
    flagged.sort(key=lambda r: (-r.score, r.group_no, r.head_name))
    return flagged


__all__ = ["RiskFlag", "RiskRow", "at_risk", "risk_flags"]

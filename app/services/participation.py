"""Participation and the optional village points scheme (积分制).

The campaign asks that poor households take part in every step of the projects meant for them,
and lets villages link some support to participation (domain.md §8). Members' participation —
project work, village meetings, training, environment clean-ups — is recorded as append-only
facts. A village may run a points scheme with its own rules (awards and deductions); points go
into an append-only ledger with redemptions (积分超市), so a balance is a sum that syncs without
conflicts. Participation and points feed the exit assessment's "attitude changed" mark.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.domain import Household, Member, Participation, PointsEntry, PointsRule, PointsScheme, Village
from app.errors import BangfuError
from app.services import field_messages  # noqa: F401
from app.services.assistance import with_session
from app.services.permissions import register_action, require
from app.services.tx import write
from app.store.database import Database
from app.validation import Checker

register_action("participation.record", {"village", "trainer", "county"})
register_action("points.configure", {"village", "trainer", "county"})

MAX_RULE_POINTS = 1000


# -- scheme and rules ---------------------------------------------------------------------------
def scheme_for(session: Session, village_id: str) -> PointsScheme | None:
    return session.exec(select(PointsScheme).where(PointsScheme.village_id == village_id,
                                                   PointsScheme.deleted == False)).first()  # noqa: E712


def set_scheme(db: Database, village_id: str, enabled: bool = True, name: str = "", exit_threshold: int = 0,
               note: str = "") -> PointsScheme:
    """Start (or change) a village's points scheme; ``exit_threshold`` points in a year show a
    changed attitude in the exit assessment (0: any participation counts)."""
    require(db, "points.configure")
    c = Checker("points_scheme")
    c.text("name", name, 60)
    c.integer("exit_threshold", exit_threshold, 0, 100000)
    c.text("note", note, 500)
    if not isinstance(enabled, bool):
        c.fail("enabled", "value.unknown_code", value=str(enabled)[:10])
    with write(db) as tx:
        if tx.session.get(Village, village_id) is None:
            c.fail("village_id", "value.not_found")
        c.raise_if_any()
        scheme = scheme_for(tx.session, village_id)
        values = {"enabled": enabled, "name": name.strip(), "exit_threshold": exit_threshold, "note": note.strip()}
        if scheme is None:
            scheme = PointsScheme(village_id=village_id, **values)
            tx.create(scheme)
        else:
            tx.patch(scheme, values)
        return scheme


def rules(db_or_session: Any, village_id: str, active_only: bool = True) -> list[PointsRule]:
    def run(s: Session) -> list[PointsRule]:
        q = select(PointsRule).where(PointsRule.village_id == village_id, PointsRule.deleted == False)  # noqa: E712
        if active_only:
            q = q.where(PointsRule.active == True)  # noqa: E712
        return list(s.exec(q.order_by(PointsRule.code)))
    return with_session(db_or_session, run)


def add_rule(db: Database, village_id: str, code: str, label: str, points: int, kind: str = "") -> PointsRule:
    """A village rule: e.g. R01 参加村民大会 +2 (kind 02), R09 子女辍学 −10. Codes are unique per village."""
    require(db, "points.configure")
    c = Checker("points_rule")
    c.text("code", code, 10, required=True)
    c.text("label", label, 60, required=True)
    c.code("kind", kind, "participation_kind")
    if isinstance(points, bool) or not isinstance(points, int):
        c.fail("points", "value.not_integer")
    elif points == 0 or abs(points) > MAX_RULE_POINTS:
        c.fail("points", "points.rule_range", max=MAX_RULE_POINTS)
    with write(db) as tx:
        if tx.session.get(Village, village_id) is None:
            c.fail("village_id", "value.not_found")
        elif scheme_for(tx.session, village_id) is None:
            c.fail("village_id", "points.no_scheme")
        if c.ok("code") and code and tx.session.exec(select(PointsRule).where(
                PointsRule.village_id == village_id, PointsRule.code == code.strip(),
                PointsRule.deleted == False)).first() is not None:  # noqa: E712
            c.fail("code", "value.duplicate", other=code.strip())
        c.raise_if_any()
        rule = PointsRule(village_id=village_id, code=code.strip(), label=label.strip(), kind=kind or "",
                          points=points)
        tx.create(rule)
        return rule


def update_rule(db: Database, rule_id: str, changes: dict[str, Any]) -> PointsRule:
    """Change a rule's label, points, kind or switch it off (``active``); past entries keep their points."""
    require(db, "points.configure")
    c = Checker("points_rule")
    allowed = {"label", "points", "kind", "active"}
    for key in set(changes) - allowed:
        c.fail(key, "value.unknown_code", value=key)
    if "label" in changes:
        c.text("label", changes["label"], 60, required=True)
    if "kind" in changes:
        c.code("kind", changes["kind"], "participation_kind")
    if "points" in changes:
        p = changes["points"]
        if isinstance(p, bool) or not isinstance(p, int) or p == 0 or abs(p) > MAX_RULE_POINTS:
            c.fail("points", "points.rule_range", max=MAX_RULE_POINTS)
    if "active" in changes and not isinstance(changes["active"], bool):
        c.fail("active", "value.unknown_code", value=str(changes["active"])[:10])
    c.raise_if_any()
    with write(db) as tx:
        rule = tx.session.get(PointsRule, rule_id)
        if rule is None or rule.deleted:
            c.fail("id", "value.not_found")
            c.raise_if_any()
        assert rule is not None
        tx.patch(rule, dict(changes))
        return rule


# -- participation and points ---------------------------------------------------------------------
def record_participation(db: Database, household_id: str, kind: str, on: date, member_id: str | None = None,
                         note: str = "", rule_id: str | None = None) -> Participation:
    """Record a member's (or the household's) participation; with an active rule of the village's
    enabled points scheme, the points are awarded in the same transaction."""
    require(db, "participation.record")
    c = Checker("participation")
    c.code("kind", kind, "participation_kind", required=True)
    c.day("date", on, required=True)
    c.text("note", note, 500)
    with write(db, reason="participation") as tx:
        hh = tx.session.get(Household, household_id)
        if hh is None or hh.deleted:
            c.fail("household_id", "value.not_found")
            c.raise_if_any()
        assert hh is not None
        if member_id:
            member = tx.session.get(Member, member_id)
            if member is None or member.household_id != household_id or member.deleted:
                c.fail("member_id", "visit.member_not_in_household")
        rule = None
        if rule_id:
            rule = tx.session.get(PointsRule, rule_id)
            scheme = scheme_for(tx.session, hh.village_id)
            if rule is None or rule.deleted or rule.village_id != hh.village_id:
                c.fail("rule_id", "value.not_found")
            elif not rule.active or scheme is None or not scheme.enabled:
                c.fail("rule_id", "points.rule_inactive")
            elif rule.kind and rule.kind != kind:
                c.fail("rule_id", "points.rule_kind")
        c.raise_if_any()
        part = Participation(household_id=household_id, member_id=member_id or None, kind=kind, date=on,
                             note=(note or "").strip(), points=rule.points if rule else 0)
        tx.append(part)
        if rule is not None:
            tx.append(PointsEntry(household_id=household_id, member_id=member_id or None, village_id=hh.village_id,
                                  rule_id=rule.id, participation_id=part.id,
                                  entry_type="award" if rule.points > 0 else "deduct", date=on, points=rule.points,
                                  note=rule.label, author=db.actor.name))
        return part


def apply_rule(db: Database, household_id: str, rule_id: str, on: date, member_id: str | None = None,
               note: str = "") -> PointsEntry:
    """Award or deduct points under a rule that is not tied to a participation (e.g. 庭院整洁 +3)."""
    require(db, "participation.record")
    c = Checker("points_entry")
    c.day("date", on, required=True)
    c.text("note", note, 500)
    with write(db, reason="points") as tx:
        hh = tx.session.get(Household, household_id)
        rule = tx.session.get(PointsRule, rule_id)
        if hh is None or hh.deleted:
            c.fail("household_id", "value.not_found")
            c.raise_if_any()
        assert hh is not None
        scheme = scheme_for(tx.session, hh.village_id)
        if rule is None or rule.deleted or rule.village_id != hh.village_id:
            c.fail("rule_id", "value.not_found")
        elif not rule.active or scheme is None or not scheme.enabled:
            c.fail("rule_id", "points.rule_inactive")
        if member_id:
            member = tx.session.get(Member, member_id)
            if member is None or member.household_id != household_id:
                c.fail("member_id", "visit.member_not_in_household")
        c.raise_if_any()
        assert rule is not None
        entry = PointsEntry(household_id=household_id, member_id=member_id or None, village_id=hh.village_id,
                            rule_id=rule.id, entry_type="award" if rule.points > 0 else "deduct", date=on,
                            points=rule.points, note=(note or rule.label).strip(), author=db.actor.name)
        tx.append(entry)
        return entry


def redeem(db: Database, household_id: str, points: int, item: str, on: date) -> PointsEntry:
    """Exchange points for goods (积分超市); refused beyond the household's balance."""
    require(db, "participation.record")
    c = Checker("points_entry")
    if isinstance(points, bool) or not isinstance(points, int) or points <= 0:
        c.fail("points", "points.redeem_positive")
    c.text("note", item, 200, required=True)
    c.day("date", on, required=True)
    with write(db, reason="points") as tx:
        hh = tx.session.get(Household, household_id)
        if hh is None or hh.deleted:
            c.fail("household_id", "value.not_found")
            c.raise_if_any()
        assert hh is not None
        if scheme_for(tx.session, hh.village_id) is None:
            c.fail("household_id", "points.no_scheme")
        c.raise_if_any()
        have = balance(tx.session, household_id)
        if points > have:
            raise BangfuError("points.not_enough", balance=have, wanted=points)
        entry = PointsEntry(household_id=household_id, village_id=hh.village_id, entry_type="redeem", date=on,
                            points=-points, note=item.strip(), author=db.actor.name)
        tx.append(entry)
        return entry


def balance(db_or_session: Any, household_id: str) -> int:
    def run(s: Session) -> int:
        total = s.exec(select(func.coalesce(func.sum(PointsEntry.points), 0)).where(
            PointsEntry.household_id == household_id, PointsEntry.deleted == False)).one()  # noqa: E712
        return int(total)
    return with_session(db_or_session, run)


@dataclass
class ParticipationSummary:
    household_id: str
    year: int
    count: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    members: int = 0
    points_earned: int = 0
    points_deducted: int = 0
    points_redeemed: int = 0
    balance: int = 0
    scheme_enabled: bool = False
    exit_threshold: int = 0


def summary(db_or_session: Any, household_id: str, year: int) -> ParticipationSummary:
    """A household's participation and points in ``year`` (balance: all years)."""
    def run(s: Session) -> ParticipationSummary:
        start, end = date(year, 1, 1), date(year, 12, 31)
        parts = list(s.exec(select(Participation).where(
            Participation.household_id == household_id, Participation.deleted == False,  # noqa: E712
            col(Participation.date) >= start, col(Participation.date) <= end)))
        result = ParticipationSummary(household_id, year, len(parts), dict(Counter(p.kind for p in parts)),
                                      len({p.member_id for p in parts if p.member_id}))
        for e in s.exec(select(PointsEntry).where(
                PointsEntry.household_id == household_id, PointsEntry.deleted == False,  # noqa: E712
                col(PointsEntry.date) >= start, col(PointsEntry.date) <= end)):
            if e.entry_type == "redeem":
                result.points_redeemed -= e.points
            elif e.points >= 0:
                result.points_earned += e.points
            else:
                result.points_deducted -= e.points
        result.balance = balance(s, household_id)
        hh = s.get(Household, household_id)
        scheme = scheme_for(s, hh.village_id) if hh else None
        if scheme is not None:
            result.scheme_enabled = scheme.enabled
            result.exit_threshold = scheme.exit_threshold
        return result
    return with_session(db_or_session, run)


@dataclass(frozen=True)
class RankRow:
    household_id: str
    group_no: int
    head_name: str
    earned: int
    balance: int


def ranking(db: Database, village_id: str, year: int) -> list[RankRow]:
    """积分榜: the village's households by points earned in ``year`` (net of deductions)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    with db.read() as s:
        earned = dict(s.exec(select(PointsEntry.household_id, func.sum(PointsEntry.points)).where(
            PointsEntry.village_id == village_id, PointsEntry.entry_type != "redeem",
            PointsEntry.deleted == False, col(PointsEntry.date) >= start,  # noqa: E712
            col(PointsEntry.date) <= end).group_by(PointsEntry.household_id)).all())
        bal = dict(s.exec(select(PointsEntry.household_id, func.sum(PointsEntry.points)).where(
            PointsEntry.village_id == village_id, PointsEntry.deleted == False)  # noqa: E712
            .group_by(PointsEntry.household_id)).all())
        households = s.exec(select(Household).where(Household.village_id == village_id,
                                                    Household.deleted == False)).all()  # noqa: E712
        rows = [RankRow(h.id, h.group_no, h.head_name, int(earned.get(h.id, 0)), int(bal.get(h.id, 0)))
                for h in households]
    rows.sort(key=lambda r: (-r.earned, r.group_no, r.head_name))
    return rows


def household_entries(db_or_session: Any, household_id: str) -> list[PointsEntry]:
    def run(s: Session) -> list[PointsEntry]:
        return list(s.exec(select(PointsEntry).where(PointsEntry.household_id == household_id,
                                                     PointsEntry.deleted == False)  # noqa: E712
                           .order_by(col(PointsEntry.date).desc(), col(PointsEntry.id).desc())))
    return with_session(db_or_session, run)


def household_participation(db_or_session: Any, household_id: str) -> list[Participation]:
    def run(s: Session) -> list[Participation]:
        return list(s.exec(select(Participation).where(Participation.household_id == household_id,
                                                       Participation.deleted == False)  # noqa: E712
                           .order_by(col(Participation.date).desc(), col(Participation.id).desc())))
    return with_session(db_or_session, run)


__all__ = ["ParticipationSummary", "RankRow", "add_rule", "apply_rule", "balance", "household_entries",
           "household_participation", "ranking", "record_participation", "redeem", "rules", "scheme_for",
           "set_scheme", "summary", "update_rule"]

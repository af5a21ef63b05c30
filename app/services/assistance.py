"""Assistance log (帮扶措施): what was done for a household, by whom, with which money.

A measure is appended once (category, content, amount in fen, funding source, date, beneficiary
members, initial status, optional fund project). Its progress — planned → under way → done — is
appended as ``MeasureUpdate`` rows, so measures never conflict during sync (the county server
refuses patches of append-only records). ``current_status`` gives the latest status.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from app.domain import (
    FundProject,
    Household,
    LifecycleEvent,
    Measure,
    MeasureUpdate,
    Member,
    Participation,
    ProjectBeneficiary,
    Visit,
)
from app.services import field_messages  # noqa: F401
from app.services.permissions import require
from app.services.tx import Tx, write
from app.store.database import Database
from app.validation import Checker

PLANNED, UNDER_WAY, DONE = "01", "02", "03"
#: Allowed progress: a done measure is final; a measure never goes back to "planned".
NEXT_STATUS: dict[str, frozenset[str]] = {
    PLANNED: frozenset({UNDER_WAY, DONE}),
    UNDER_WAY: frozenset({DONE}),
    DONE: frozenset(),
}


def _check_measure(c: Checker, session: Session, household_id: str, category: str, on: Any, content: str,
                   amount_fen: int, funding_source: str, beneficiaries: Sequence[str], status: str,
                   project_id: str | None) -> None:
    c.code("category", category, "measure_category", required=True)
    c.code("status", status, "measure_status", required=True)
    c.code("funding_source", funding_source, "funding_source")
    c.text("content", content, 1000)
    c.money_fen("amount_fen", amount_fen)
    # A planned measure may be dated ahead (the planned start); what happened cannot be in the future.
    c.day("date", on, required=True, not_future=status != PLANNED)
    hh = session.get(Household, household_id)
    if hh is None or hh.deleted:
        c.fail("household_id", "value.not_found")
        return
    if beneficiaries:
        ids = list(dict.fromkeys(beneficiaries))
        found = set(session.exec(select(Member.id).where(col(Member.id).in_(ids), Member.household_id == household_id)))
        if len(found) != len(ids):
            c.fail("beneficiaries", "measure.beneficiary_not_member")
    if project_id:
        project = session.get(FundProject, project_id)
        if project is None or project.deleted:
            c.fail("project_id", "value.not_found")


def add_measure_in_tx(tx: Tx, household_id: str, category: str, on: date, content: str = "", amount_fen: int = 0,
                      funding_source: str = "", beneficiaries: Sequence[str] = (), status: str = PLANNED,
                      project_id: str | None = None, row: int | None = None) -> Measure:
    """``add_measure`` inside a caller's transaction (a visit agrees measures with the household)."""
    c = Checker("measure", row=row)
    _check_measure(c, tx.session, household_id, category, on, content, amount_fen, funding_source,
                   beneficiaries, status, project_id)
    c.raise_if_any()
    measure = Measure(household_id=household_id, category=category, content=(content or "").strip(),
                      amount_fen=amount_fen, funding_source=funding_source or "", date=on, status=status,
                      beneficiaries=list(dict.fromkeys(beneficiaries)), project_id=project_id or None,
                      author=tx.db.actor.name)
    tx.append(measure)
    return measure


def add_measure(db: Database, household_id: str, category: str, on: date, content: str = "", amount_fen: int = 0,
                funding_source: str = "", beneficiaries: Sequence[str] = (), status: str = PLANNED,
                project_id: str | None = None) -> Measure:
    """Log an assistance measure for a household (append-only)."""
    require(db, "measure.record")
    with write(db, reason="measure") as tx:
        return add_measure_in_tx(tx, household_id, category, on, content, amount_fen, funding_source,
                                 beneficiaries, status, project_id)


def current_statuses(session: Session, measures: Iterable[Measure]) -> dict[str, str]:
    """measure id → its current status (the latest update, else the measure's initial status)."""
    measures = list(measures)
    status = {m.id: m.status for m in measures}
    if not measures:
        return status
    updates = session.exec(select(MeasureUpdate).where(col(MeasureUpdate.measure_id).in_(list(status)),
                                                       MeasureUpdate.deleted == False)  # noqa: E712
                           .order_by(MeasureUpdate.date, MeasureUpdate.id))
    for upd in updates:
        status[upd.measure_id] = upd.status
    return status


def current_status(session: Session, measure: Measure) -> str:
    return current_statuses(session, [measure])[measure.id]


def update_status(db: Database, measure_id: str, status: str, on: date, note: str = "",
                  amount_fen: int | None = None) -> MeasureUpdate:
    """Record progress of a measure (under way, done); refuses going backwards or past 'done'."""
    require(db, "measure.record")
    c = Checker("measure")
    c.code("status", status, "measure_status", required=True)
    c.day("date", on, required=True)
    c.text("content", note, 1000)
    if amount_fen is not None:
        c.money_fen("amount_fen", amount_fen)
    with write(db, reason="measure") as tx:
        measure = tx.session.get(Measure, measure_id)
        if measure is None or measure.deleted:
            c.fail("id", "value.not_found")
            c.raise_if_any()
        assert measure is not None
        now = current_status(tx.session, measure)
        if c.ok("status") and status not in NEXT_STATUS.get(now, frozenset()):
            c.fail("status", "measure.status_step")
        if isinstance(on, date) and on < measure.date and status != PLANNED:
            c.fail("date", "measure.update_before_start")
        c.raise_if_any()
        upd = MeasureUpdate(measure_id=measure.id, household_id=measure.household_id, status=status, date=on,
                            amount_fen=amount_fen, note=(note or "").strip(), author=db.actor.name)
        tx.append(upd)
        return upd


@dataclass
class MeasureView:
    measure: Measure
    status: str
    updates: list[MeasureUpdate] = field(default_factory=list)

    @property
    def amount_fen(self) -> int:
        """The latest actual amount reported, else the planned amount."""
        for upd in reversed(self.updates):
            if upd.amount_fen is not None:
                return upd.amount_fen
        return self.measure.amount_fen


def household_measures(db_or_session: Any, household_id: str) -> list[MeasureView]:
    """A household's measures, newest first, each with its current status and progress log."""
    def run(s: Session) -> list[MeasureView]:
        measures = list(s.exec(select(Measure).where(Measure.household_id == household_id,
                                                     Measure.deleted == False)  # noqa: E712
                               .order_by(col(Measure.date).desc(), col(Measure.id).desc())))
        updates: dict[str, list[MeasureUpdate]] = {}
        for upd in s.exec(select(MeasureUpdate).where(MeasureUpdate.household_id == household_id,
                                                      MeasureUpdate.deleted == False)  # noqa: E712
                          .order_by(MeasureUpdate.date, MeasureUpdate.id)):
            updates.setdefault(upd.measure_id, []).append(upd)
        views = []
        for m in measures:
            ups = updates.get(m.id, [])
            views.append(MeasureView(m, ups[-1].status if ups else m.status, ups))
        return views
    return with_session(db_or_session, run)


@dataclass(frozen=True)
class HistoryItem:
    """One line of a household's history: what kind of record, when, and the record itself."""

    kind: str  # measure | measure_update | visit | lifecycle_event | participation | project
    when: date
    record: Any


def household_history(db_or_session: Any, household_id: str) -> list[HistoryItem]:
    """Everything that happened to a household, newest first: visits, measures and their progress,
    lifecycle events, participation and fund projects it benefited from."""
    def run(s: Session) -> list[HistoryItem]:
        items: list[HistoryItem] = []
        live = Measure.deleted == False  # noqa: E712
        for m in s.exec(select(Measure).where(Measure.household_id == household_id, live)):
            items.append(HistoryItem("measure", m.date, m))
        for u in s.exec(select(MeasureUpdate).where(MeasureUpdate.household_id == household_id)):
            items.append(HistoryItem("measure_update", u.date, u))
        for v in s.exec(select(Visit).where(Visit.household_id == household_id, Visit.deleted == False)):  # noqa: E712
            when = v.visited_at.astimezone().date() if isinstance(v.visited_at, datetime) else v.visited_at
            items.append(HistoryItem("visit", when, v))
        for e in s.exec(select(LifecycleEvent).where(LifecycleEvent.household_id == household_id)):
            items.append(HistoryItem("lifecycle_event", e.date, e))
        for p in s.exec(select(Participation).where(Participation.household_id == household_id)):
            items.append(HistoryItem("participation", p.date, p))
        for pb, proj in s.exec(select(ProjectBeneficiary, FundProject)
                               .join(FundProject, FundProject.id == ProjectBeneficiary.project_id)
                               .where(ProjectBeneficiary.household_id == household_id,
                                      ProjectBeneficiary.deleted == False)):  # noqa: E712
            items.append(HistoryItem("project", proj.start_date or date.min, (pb, proj)))
        order = {"lifecycle_event": 0, "visit": 1, "measure": 2, "measure_update": 3, "participation": 4, "project": 5}
        items.sort(key=lambda i: (i.when, -order[i.kind]), reverse=True)
        return items
    return with_session(db_or_session, run)


def with_session(db_or_session: Any, run: Any) -> Any:
    """Run ``run(session)`` on a given session, or on a fresh read session of a Database."""
    if isinstance(db_or_session, Session):
        return run(db_or_session)
    with db_or_session.read() as s:
        return run(s)


__all__ = ["DONE", "PLANNED", "UNDER_WAY", "HistoryItem", "MeasureView", "add_measure", "add_measure_in_tx",
           "current_status", "current_statuses", "household_history", "household_measures", "update_status",
           "with_session"]

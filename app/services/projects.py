"""Poverty-fund projects (扶贫资金项目): registry, funding by source, beneficiaries, status.

"谁分配、谁使用、谁公开" (domain.md §6): every project carries its funds by source (integer fen),
its beneficiary households (linked to the registry) and moves planned → under way → completed →
accepted, one step at a time, each step an append-only ``ProjectStatusEvent`` with its date.
A project may not start before its plan notice was issued (计划公示) unless an override reason is
recorded, and cannot be accepted before it is completed. Every write goes through
``app.services.tx.write``: audited, synced, all-or-nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session, select

from app.codes import code_list
from app.domain import FundProject, Household, ProjectBeneficiary, ProjectFunding, Village
from app.domain.notices import Notice, ProjectStatusEvent
from app.errors import BangfuError
from app.i18n import register
from app.services.permissions import register_action, require
from app.services.tx import write
from app.store.database import Database
from app.validation import Checker

PLANNED, UNDER_WAY, COMPLETED, ACCEPTED = "01", "02", "03", "04"
STATUS_ORDER = (PLANNED, UNDER_WAY, COMPLETED, ACCEPTED)

PROJECT_FIELDS = frozenset(
    {"name", "project_type", "village_id", "place", "content", "subsidy_standard", "implementer",
     "responsible_person", "start_date", "end_date", "performance_targets", "benefit_mechanism", "household_level"}
)
_TEXT_LIMITS = {"name": 100, "place": 200, "content": 2000, "subsidy_standard": 500, "implementer": 100,
                "responsible_person": 60, "performance_targets": 2000, "benefit_mechanism": 2000}

register_action("project.edit", {"village", "township", "trainer", "county"})

register({
    "project.bad_transition": (
        "项目状态只能按“计划→实施中→已完工→已验收”逐步推进，不能从“{old}”改为“{new}”",
        "A project moves planned → under way → completed → accepted one step at a time; it cannot go from "
        "'{old}' to '{new}'",
    ),
    "project.plan_notice_missing": (
        "该项目尚未发布计划公示，不能开工；如确需开工，请填写理由",
        "This project's plan notice has not been issued, so it cannot start; give a reason to override",
    ),
    "project.date_before_last": (
        "状态变更日期不能早于上一次变更（{last}）",
        "The date of a status change cannot be before the previous change ({last})",
    ),
    "project.duplicate_beneficiary": ("该户已在受益户名单中", "This household is already a beneficiary"),
    "project.other_village": (
        "该户不属于项目所在村", "This household does not belong to the project's village",
    ),
    "project.not_beneficiary": ("该户不在受益户名单中", "This household is not a beneficiary"),
    "field.fund_project.name": ("项目名称", "project name"),
    "field.fund_project.project_type": ("项目类型", "project type"),
    "field.fund_project.village_id": ("实施村", "village"),
    "field.fund_project.place": ("实施地点", "place"),
    "field.fund_project.content": ("建设任务及规模", "construction content and scale"),
    "field.fund_project.subsidy_standard": ("补助标准", "subsidy standard"),
    "field.fund_project.implementer": ("实施单位", "implementing unit"),
    "field.fund_project.responsible_person": ("责任人", "responsible person"),
    "field.fund_project.start_date": ("计划开工日期", "planned start"),
    "field.fund_project.end_date": ("计划完工日期", "planned end"),
    "field.fund_project.performance_targets": ("绩效目标", "performance targets"),
    "field.fund_project.benefit_mechanism": ("带贫减贫机制", "benefit mechanism"),
    "field.fund_project.household_level": ("到户项目", "household-level project"),
    "field.fund_project.status": ("项目状态", "status"),
    "field.fund_project.id": ("项目", "project"),
    "field.project_funding.source": ("资金来源", "funding source"),
    "field.project_funding.amount_fen": ("金额", "amount"),
    "field.project_beneficiary.household_id": ("受益户", "beneficiary household"),
    "field.project_beneficiary.amount_fen": ("补助金额", "subsidy amount"),
    "field.project_status_event.date": ("变更日期", "date of change"),
    "field.project_status_event.note": ("说明", "note"),
    "field.project_status_event.to_status": ("项目状态", "status"),
})


def _unknown(data: dict[str, Any]) -> None:
    extra = sorted(set(data) - PROJECT_FIELDS)
    if extra:
        c = Checker("fund_project")
        for name in extra:
            c.fail(name, "value.unknown_code", value=name[:20])
        c.raise_if_any()


def _check_project(c: Checker, session: Session, data: dict[str, Any], creating: bool) -> None:
    if creating or "name" in data:
        c.text("name", data.get("name"), _TEXT_LIMITS["name"], required=True)
    for name, limit in _TEXT_LIMITS.items():
        if name != "name" and name in data:
            c.text(name, data[name], limit)
    if "project_type" in data:
        c.code("project_type", data["project_type"], "project_type")
    if "household_level" in data and not isinstance(data["household_level"], bool):
        c.fail("household_level", "value.unknown_code", value=str(data["household_level"])[:20])
    for name in ("start_date", "end_date"):
        if name in data:
            c.day(name, data[name], not_future=False)
    start, end = data.get("start_date"), data.get("end_date")
    if c.ok("start_date") and c.ok("end_date") and start and end and end < start:
        c.fail("end_date", "value.range", low=start.isoformat(), high="…")
    village_id = data.get("village_id")
    if village_id is not None:
        village = session.get(Village, village_id)
        if village is None or village.deleted:
            c.fail("village_id", "value.not_found")


def _get_project(session: Session, project_id: str) -> FundProject:
    project = session.get(FundProject, project_id)
    if project is None or project.deleted:
        c = Checker("fund_project")
        c.fail("id", "value.not_found")
        c.raise_if_any()
    assert project is not None
    return project


# -- the project record ------------------------------------------------------------------------
def create_project(db: Database, name: str, reason: str = "", **fields: Any) -> FundProject:
    """Register a fund project (status 计划). Funds and beneficiaries are set separately."""
    require(db, "project.edit")
    _unknown(fields)
    data = {"name": name, **fields}
    c = Checker("fund_project")
    with db.read() as s:
        _check_project(c, s, data, creating=True)
    c.raise_if_any()
    data["name"] = name.strip()
    with write(db) as tx:
        project = FundProject(status=PLANNED, **data)
        tx.create(project, reason)
        return project


def update_project(db: Database, project_id: str, changes: dict[str, Any], reason: str = "") -> FundProject:
    """Change a project's descriptive fields. The village cannot change once households are linked."""
    require(db, "project.edit")
    _unknown(changes)
    with write(db) as tx:
        project = _get_project(tx.session, project_id)
        c = Checker("fund_project")
        merged = {"start_date": project.start_date, "end_date": project.end_date, **changes}
        _check_project(c, tx.session, merged, creating=False)
        if "village_id" in changes and changes["village_id"] != project.village_id and _beneficiaries(
                tx.session, project_id):
            c.fail("village_id", "project.other_village")
        c.raise_if_any()
        if isinstance(changes.get("name"), str):
            changes = {**changes, "name": changes["name"].strip()}
        tx.patch(project, changes, reason)
        return project


def delete_project(db: Database, project_id: str, reason: str = "") -> None:
    """Remove a project that never started (a planned project entered by mistake)."""
    require(db, "project.edit")
    with write(db) as tx:
        project = _get_project(tx.session, project_id)
        if project.status != PLANNED:
            raise BangfuError("project.bad_transition", old=_status_label(project.status), new="—")
        for row in _funding(tx.session, project_id) + _beneficiaries(tx.session, project_id):
            tx.delete(row, reason)
        tx.delete(project, reason)


# -- funding -----------------------------------------------------------------------------------
def _funding(session: Session, project_id: str) -> list[ProjectFunding]:
    rows = session.exec(select(ProjectFunding).where(
        ProjectFunding.project_id == project_id, ProjectFunding.deleted == False  # noqa: E712
    )).all()
    order = {code: i for i, code in enumerate(code_list("funding_source").codes())}
    return sorted(rows, key=lambda r: (order.get(r.source, 99), r.source))


def set_funding(db: Database, project_id: str, amounts: dict[str, int], reason: str = "") -> list[ProjectFunding]:
    """Set the funds by source (资金来源 code → integer fen). Sources left out are removed.

    An amount of 0 also removes the source. Existing rows are patched, so the history of each
    source's amount stays in the audit trail.
    """
    require(db, "project.edit")
    c = Checker("project_funding")
    for source, fen in amounts.items():
        c.code("source", source, "funding_source", required=True)
        c.money_fen("amount_fen", fen)
    c.raise_if_any()
    with write(db) as tx:
        _get_project(tx.session, project_id)
        existing = {row.source: row for row in _funding(tx.session, project_id)}
        for source, row in existing.items():
            fen = amounts.get(source, 0)
            if fen == 0:
                tx.delete(row, reason)
            else:
                tx.patch(row, {"amount_fen": fen}, reason)
        for source, fen in amounts.items():
            if source not in existing and fen > 0:
                tx.create(ProjectFunding(project_id=project_id, source=source, amount_fen=fen), reason)
        tx.session.flush()
        return _funding(tx.session, project_id)


# -- beneficiaries -----------------------------------------------------------------------------
def _beneficiaries(session: Session, project_id: str) -> list[ProjectBeneficiary]:
    return list(session.exec(select(ProjectBeneficiary).where(
        ProjectBeneficiary.project_id == project_id, ProjectBeneficiary.deleted == False  # noqa: E712
    )))


def _check_household(c: Checker, session: Session, project: FundProject, household_id: str) -> None:
    hh = session.get(Household, household_id)
    if hh is None or hh.deleted:
        c.fail("household_id", "value.not_found")
    elif project.village_id and hh.village_id != project.village_id:
        c.fail("household_id", "project.other_village")


def add_beneficiary(db: Database, project_id: str, household_id: str, amount_fen: int = 0,
                    reason: str = "") -> ProjectBeneficiary:
    """Link a registered household to the project, with the subsidy it receives (fen, may be 0)."""
    require(db, "project.edit")
    c = Checker("project_beneficiary")
    c.money_fen("amount_fen", amount_fen)
    with write(db) as tx:
        project = _get_project(tx.session, project_id)
        _check_household(c, tx.session, project, household_id)
        if any(b.household_id == household_id for b in _beneficiaries(tx.session, project_id)):
            c.fail("household_id", "project.duplicate_beneficiary")
        c.raise_if_any()
        row = ProjectBeneficiary(project_id=project_id, household_id=household_id, amount_fen=amount_fen)
        tx.create(row, reason)
        return row


def set_beneficiaries(db: Database, project_id: str, households: dict[str, int],
                      reason: str = "") -> list[ProjectBeneficiary]:
    """Make the beneficiary list exactly ``{household_id: amount_fen}`` in one transaction."""
    require(db, "project.edit")
    c = Checker("project_beneficiary")
    for fen in households.values():
        c.money_fen("amount_fen", fen)
    c.raise_if_any()
    with write(db) as tx:
        project = _get_project(tx.session, project_id)
        for household_id in households:
            _check_household(c, tx.session, project, household_id)
        c.raise_if_any()
        existing = {b.household_id: b for b in _beneficiaries(tx.session, project_id)}
        for household_id, row in existing.items():
            if household_id not in households:
                tx.delete(row, reason)
            else:
                tx.patch(row, {"amount_fen": households[household_id]}, reason)
        for household_id, fen in households.items():
            if household_id not in existing:
                tx.create(ProjectBeneficiary(project_id=project_id, household_id=household_id, amount_fen=fen),
                          reason)
        tx.session.flush()
        return _beneficiaries(tx.session, project_id)


def remove_beneficiary(db: Database, project_id: str, household_id: str, reason: str = "") -> None:
    require(db, "project.edit")
    with write(db) as tx:
        _get_project(tx.session, project_id)
        rows = [b for b in _beneficiaries(tx.session, project_id) if b.household_id == household_id]
        if not rows:
            c = Checker("project_beneficiary")
            c.fail("household_id", "project.not_beneficiary")
            c.raise_if_any()
        for row in rows:
            tx.delete(row, reason)


# -- status ------------------------------------------------------------------------------------
def _status_label(code: str) -> str:
    return code_list("project_status").label(code)


def status_events(session: Session, project_id: str) -> list[ProjectStatusEvent]:
    return list(session.exec(select(ProjectStatusEvent).where(
        ProjectStatusEvent.project_id == project_id, ProjectStatusEvent.deleted == False  # noqa: E712
    ).order_by(ProjectStatusEvent.date, ProjectStatusEvent.id)))


def _has_issued_notice(session: Session, project_id: str, kind: str) -> bool:
    return session.exec(select(Notice.id).where(
        Notice.project_id == project_id, Notice.kind == kind, Notice.status == "issued",
        Notice.deleted == False,  # noqa: E712
    )).first() is not None


def set_status(db: Database, project_id: str, new_status: str, on: date, note: str = "",
               override_reason: str = "") -> FundProject:
    """Move the project one step forward (计划→实施中→已完工→已验收) on ``on``.

    Starting work needs an issued plan notice (计划公示), or an ``override_reason`` that is kept
    in the audit trail and on the status event.
    """
    require(db, "project.edit")
    c = Checker("project_status_event")
    c.code("to_status", new_status, "project_status", required=True)
    c.day("date", on, required=True)
    c.text("note", note, 500)
    c.raise_if_any()
    with write(db) as tx:
        project = _get_project(tx.session, project_id)
        old = project.status
        if old not in STATUS_ORDER or STATUS_ORDER.index(new_status) != STATUS_ORDER.index(old) + 1:
            raise BangfuError("project.bad_transition", old=_status_label(old), new=_status_label(new_status))
        events = status_events(tx.session, project_id)
        if events and on < events[-1].date:
            c.fail("date", "project.date_before_last", last=events[-1].date.isoformat())
            c.raise_if_any()
        if new_status == UNDER_WAY and not _has_issued_notice(tx.session, project_id, "project_plan"):
            if not override_reason.strip():
                raise BangfuError("project.plan_notice_missing")
            note = f"{note} [{override_reason.strip()}]".strip()
        reason = override_reason.strip() or note
        tx.append(ProjectStatusEvent(project_id=project_id, from_status=old, to_status=new_status, date=on,
                                     note=note, author=db.actor.name), reason)
        tx.patch(project, {"status": new_status}, reason)
        return project


# -- reading -----------------------------------------------------------------------------------
@dataclass
class ProjectSummary:
    """A project with everything a notice or the registry editor shows (plain values)."""

    project: FundProject
    village: Village | None
    funding: list[ProjectFunding]
    beneficiaries: list[tuple[ProjectBeneficiary, Household]]
    events: list[ProjectStatusEvent]
    notices: list[Notice] = field(default_factory=list)

    @property
    def total_fen(self) -> int:
        return sum(f.amount_fen for f in self.funding)

    @property
    def beneficiary_people(self) -> int:
        return sum(hh.size for _b, hh in self.beneficiaries)

    def date_of(self, status: str) -> date | None:
        """When the project reached ``status`` (the last such event), if it did."""
        dates = [e.date for e in self.events if e.to_status == status]
        return dates[-1] if dates else None


def project_summary(db: Database, project_id: str) -> ProjectSummary:
    with db.read() as s:
        project = _get_project(s, project_id)
        village = s.get(Village, project.village_id) if project.village_id else None
        pairs = []
        for b in _beneficiaries(s, project_id):
            hh = s.get(Household, b.household_id)
            if hh is not None and not hh.deleted:
                pairs.append((b, hh))
        pairs.sort(key=lambda p: (p[1].group_no, p[1].hh_number, p[1].head_name))
        notices = list(s.exec(select(Notice).where(
            Notice.project_id == project_id, Notice.deleted == False  # noqa: E712
        ).order_by(Notice.period_start)))
        return ProjectSummary(project, village, _funding(s, project_id), pairs, status_events(s, project_id), notices)


def list_projects(db: Database, village_id: str | None = None, status: str | None = None) -> list[FundProject]:
    with db.read() as s:
        query = select(FundProject).where(FundProject.deleted == False)  # noqa: E712
        if village_id is not None:
            query = query.where(FundProject.village_id == village_id)
        if status is not None:
            query = query.where(FundProject.status == status)
        return list(s.exec(query.order_by(FundProject.start_date, FundProject.name)))


__all__ = [
    "ACCEPTED", "COMPLETED", "PLANNED", "STATUS_ORDER", "UNDER_WAY", "ProjectSummary", "add_beneficiary",
    "create_project", "delete_project", "list_projects", "project_summary", "remove_beneficiary",
    "set_beneficiaries", "set_funding", "set_status", "status_events", "update_project",
]

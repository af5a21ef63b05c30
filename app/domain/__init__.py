"""The domain model (SQLModel tables). Importing this package registers every table."""

from app.domain.assistance import MeasureUpdate
from app.domain.base import Synced, utcnow, uuid7
from app.domain.drafts import VisitDraft
from app.domain.fieldwork import LifecycleEvent, LifecycleRequest, Measure, Participation, Visit
from app.domain.funds import FundProject, ProjectBeneficiary, ProjectFunding
from app.domain.household import INCOME_ITEMS, Conditions, HelperAssignment, Household, Income, Member
from app.domain.imports import RegisterMatch, ReportedIncome
from app.domain.notices import Notice, NoticeObjection, ProjectStatusEvent
from app.domain.places import Village
from app.domain.plans import ExitPlan
from app.domain.points import PointsEntry, PointsRule, PointsScheme
from app.domain.system import (
    Attachment,
    AttachmentLink,
    AuditEntry,
    Conflict,
    LocalUser,
    OutboxOp,
    SyncMeta,
)
from app.domain.village_profile import VillageProfile

#: Syncable entities by the name used in outbox ops and the wire protocol.
ENTITIES: dict[str, type[Synced]] = {
    "village": Village,
    "household": Household,
    "member": Member,
    "income": Income,
    "conditions": Conditions,
    "helper_assignment": HelperAssignment,
    "measure": Measure,
    "visit": Visit,
    "lifecycle_request": LifecycleRequest,
    "lifecycle_event": LifecycleEvent,
    "participation": Participation,
    "fund_project": FundProject,
    "project_funding": ProjectFunding,
    "project_beneficiary": ProjectBeneficiary,
    "exit_plan": ExitPlan,
    "village_profile": VillageProfile,
    "reported_income": ReportedIncome,
    "register_match": RegisterMatch,
    "notice": Notice,
    "notice_objection": NoticeObjection,
    "project_status_event": ProjectStatusEvent,
    "measure_update": MeasureUpdate,
    "points_scheme": PointsScheme,
    "points_rule": PointsRule,
    "points_entry": PointsEntry,
}

#: Append-only entities never conflict: they are merged by id.
APPEND_ONLY: frozenset[str] = frozenset({"visit", "measure", "lifecycle_event", "participation", "notice_objection",
                                       "project_status_event", "measure_update", "points_entry"})

__all__ = [
    "APPEND_ONLY",
    "ENTITIES",
    "INCOME_ITEMS",
    "Attachment",
    "AttachmentLink",
    "AuditEntry",
    "Conditions",
    "Conflict",
    "FundProject",
    "HelperAssignment",
    "Household",
    "Income",
    "LifecycleEvent",
    "LifecycleRequest",
    "LocalUser",
    "Measure",
    "MeasureUpdate",
    "Member",
    "OutboxOp",
    "Participation",
    "PointsEntry",
    "PointsRule",
    "PointsScheme",
    "ProjectBeneficiary",
    "ProjectFunding",
    "Synced",
    "SyncMeta",
    "Village",
    "VisitDraft",
    "utcnow",
    "uuid7",
]

"""Everything one household card shows, read in one go on a read connection (in a worker).

Returns detached rows: the card shows them and hands edits to app.services.registry, never
writing itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import col, select

from app.domain import (
    Attachment,
    AttachmentLink,
    AuditEntry,
    Conditions,
    HelperAssignment,
    Household,
    Income,
    LifecycleEvent,
    LifecycleRequest,
    Measure,
    Member,
    Village,
    Visit,
)
from app.errors import BangfuError

AUDIT_LIMIT = 300


@dataclass
class AttachmentInfo:
    link: AttachmentLink
    mime: str = ""
    size: int = 0
    width: int | None = None
    height: int | None = None


@dataclass
class CardData:
    household: Household
    village: Village | None
    members: list[Member] = field(default_factory=list)
    incomes: dict[int, Income] = field(default_factory=dict)
    conditions: Conditions | None = None
    helpers: list[HelperAssignment] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    requests: list[LifecycleRequest] = field(default_factory=list)
    events: list[LifecycleEvent] = field(default_factory=list)
    attachments: list[AttachmentInfo] = field(default_factory=list)
    history: list[AuditEntry] = field(default_factory=list)

    @property
    def living(self) -> list[Member]:
        return [m for m in self.members if m.active]

    @property
    def province(self) -> str | None:
        return self.village.province_code if self.village else None

    @property
    def current_helper(self) -> HelperAssignment | None:
        return next((h for h in self.helpers if h.end_date is None), None)


def load_card(db: Any, household_id: str) -> CardData:
    with db.read() as s:
        hh = s.get(Household, household_id)
        if hh is None or hh.deleted:
            raise BangfuError("value.not_found")
        village = s.get(Village, hh.village_id)
        members = list(s.exec(select(Member).where(Member.household_id == household_id, Member.deleted == False)  # noqa: E712
                              .order_by(col(Member.active).desc(), Member.relation, Member.birth_date)))
        incomes = {i.year: i for i in s.exec(select(Income).where(Income.household_id == household_id,
                                                                   Income.deleted == False))}  # noqa: E712
        conditions = s.exec(select(Conditions).where(Conditions.household_id == household_id)).first()
        helpers = list(s.exec(select(HelperAssignment).where(HelperAssignment.household_id == household_id,
                                                             HelperAssignment.deleted == False)  # noqa: E712
                              .order_by(col(HelperAssignment.start_date).desc())))
        measures = list(s.exec(select(Measure).where(Measure.household_id == household_id, Measure.deleted == False)  # noqa: E712
                               .order_by(col(Measure.date).desc())))
        visits = list(s.exec(select(Visit).where(Visit.household_id == household_id, Visit.deleted == False)  # noqa: E712
                             .order_by(col(Visit.visited_at).desc())))
        requests = list(s.exec(select(LifecycleRequest).where(LifecycleRequest.household_id == household_id,
                                                              LifecycleRequest.deleted == False)  # noqa: E712
                               .order_by(col(LifecycleRequest.updated_at).desc())))
        events = list(s.exec(select(LifecycleEvent).where(LifecycleEvent.household_id == household_id,
                                                          LifecycleEvent.deleted == False)  # noqa: E712
                             .order_by(col(LifecycleEvent.date).desc())))
        owners = [household_id, *(v.id for v in visits), *(m.id for m in measures), *(r.id for r in requests),
                  *(m.id for m in members)]
        links = list(s.exec(select(AttachmentLink).where(col(AttachmentLink.entity_id).in_(owners),
                                                         AttachmentLink.deleted == False)))  # noqa: E712
        meta: dict[str, tuple[str, int, int | None, int | None]] = {}
        hashes = sorted({link.sha256 for link in links})
        if hashes:
            for sha, mime, size, w, h in s.exec(select(Attachment.sha256, Attachment.mime, Attachment.size,
                                                       Attachment.width, Attachment.height)
                                                .where(col(Attachment.sha256).in_(hashes))):
                meta[sha] = (mime, size, w, h)
        attachments = [AttachmentInfo(link, *meta.get(link.sha256, ("", 0, None, None))) for link in links]
        related = [household_id, *(m.id for m in members), *(i.id for i in incomes.values()),
                   *(h.id for h in helpers), *([conditions.id] if conditions else [])]
        history = list(s.exec(select(AuditEntry).where(col(AuditEntry.entity_id).in_(related))
                              .order_by(col(AuditEntry.seq).desc()).limit(AUDIT_LIMIT)))
    return CardData(hh, village, members, incomes, conditions, helpers, measures, visits, requests, events,
                    attachments, history)

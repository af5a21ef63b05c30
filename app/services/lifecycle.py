"""Lifecycle requests (动态管理): identification, exit, return, removal and natural change.

Every status change is a request that carries its evidence and is approved step by step
(domain.md §4): 民主评议 (date, attendance, result) → 村内公示 (start and end, at least
``notice_days_household`` days) → the household's confirmation (贫困户认可, a signed sheet or a drawn
signature) → submitted by the village → 乡镇审核 → 县审定. The household's status (exit_status,
exit_year, return_year, identified_year) changes **only** when the county approves, in the same
transaction that appends the ``LifecycleEvent``. Every step is a patch of the request (audited,
synced). An exit whose assessment fails is refused with the failing criteria, unless a township
or county user overrides with a written reason, which is audited.

Removal (剔除) and a household's natural decrease (整户自然减少) take the household off the
register: approval tombstones the household row (it stays in history; sync carries the delete).
Identification or natural increase of such a household restores it. Member-level natural changes
(births, deaths, marriages) are recorded at visits (app.services.visits) as lifecycle events.

Which request may be filed from which household state, and which step may follow which request
status, are the two tables ``ALLOWED_FROM`` and ``ACTIONS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, col, select

from app.codes import code_list, setting
from app.domain import Household, LifecycleEvent, LifecycleRequest
from app.errors import BangfuError
from app.i18n import t
from app.services import field_messages  # noqa: F401
from app.services import photos as photo_store
from app.services.assistance import with_session
from app.services.exit_assessment import ExitAssessment, assess_exit, joined
from app.services.permissions import allowed, register_action, require
from app.services.reference_date import reference_date
from app.services.tx import Tx, write
from app.store.database import Database
from app.validation import Checker

IDENTIFY, EXIT, RETURN, REMOVE, DECREASE, INCREASE = "01", "02", "03", "04", "05", "06"
KINDS = (IDENTIFY, EXIT, RETURN, REMOVE, DECREASE, INCREASE)
#: Household register states besides the exit_status codes.
CANDIDATE, REMOVED = "candidate", "removed"
STATES = (CANDIDATE, "01", "02", "03", "04", REMOVED)

#: request kind → household states it may be filed from (the transition table).
ALLOWED_FROM: dict[str, frozenset[str]] = {
    IDENTIFY: frozenset({CANDIDATE, REMOVED}),
    EXIT: frozenset({"01", "04"}),
    RETURN: frozenset({"02", "03"}),
    REMOVE: frozenset({"01", "02", "03", "04"}),
    DECREASE: frozenset({"01", "02", "03", "04"}),
    INCREASE: frozenset({CANDIDATE, REMOVED}),
}

DRAFT, SUBMITTED, REVIEWED, APPROVED, REJECTED = "draft", "submitted", "township_reviewed", "approved", "rejected"
OPEN = frozenset({DRAFT, SUBMITTED, REVIEWED})
#: action → (request status it needs, status after it). Evidence steps keep the status.
ACTIONS: dict[str, tuple[str, str]] = {
    "deliberation": (DRAFT, DRAFT),
    "notice": (DRAFT, DRAFT),
    "confirmation": (DRAFT, DRAFT),
    "withdraw": (DRAFT, DRAFT),
    "submit": (DRAFT, SUBMITTED),
    "township_approve": (SUBMITTED, REVIEWED),
    "township_return": (SUBMITTED, DRAFT),
    "county_approve": (REVIEWED, APPROVED),
    "county_reject": (REVIEWED, REJECTED),
}

#: Evidence each kind needs before it can be submitted.
REQUIRED_EVIDENCE: dict[str, tuple[str, ...]] = {
    IDENTIFY: ("deliberation", "notice", "confirmation"),
    EXIT: ("deliberation", "notice", "confirmation"),
    RETURN: ("deliberation", "notice", "confirmation"),
    REMOVE: ("deliberation", "notice"),
    DECREASE: (),
    INCREASE: (),
}

register_action("lifecycle.approve", {"county"})
register_action("lifecycle.override", {"township", "county"})


class ExitBlocked(BangfuError):
    """An exit refused because its assessment fails; carries the assessment for the checklist."""

    def __init__(self, assessment: ExitAssessment) -> None:
        super().__init__("lifecycle.exit_blocked", count=len(assessment.failures),
                         reasons=assessment.explanation())
        self.assessment = assessment


def notice_days() -> int:
    try:
        return max(1, int(setting("notice_days_household")))
    except (KeyError, ValueError):
        return 7


def household_state(hh: Household) -> str:
    """candidate (not yet identified), removed (off the register) or the exit_status code."""
    if hh.deleted:
        return REMOVED
    if hh.identified_year is None:
        return CANDIDATE
    return hh.exit_status


def can_file(state: str, kind: str) -> bool:
    return state in ALLOWED_FROM.get(kind, frozenset())


def _may(db: Database, action: str) -> bool:
    """Role check; a trainer may act any role in a training database (demonstrating the procedure)."""
    if db.actor.role == "trainer" and db.is_training:
        return True
    return allowed(db.actor.role, action)


def _require(db: Database, action: str) -> None:
    if not _may(db, action):
        require(db, action)


# -- filing ---------------------------------------------------------------------------------------
def file_request(db: Database, household_id: str, kind: str, year: int, reason: str = "", note: str = "",
                 today: date | None = None) -> LifecycleRequest:
    """Open a request (status draft). ``reason``: removal_reason code for removal, member change
    reason code (out/in) for natural decrease/increase, free text otherwise."""
    _require(db, "lifecycle.request")
    # filed on the scenario's day in a demo database; a year after the real one is refused anyway
    latest = (today or date.today()).year
    today = today or reference_date(db)
    c = Checker("lifecycle_request")
    c.code("kind", kind, "lifecycle_event", required=True)
    c.integer("year", year, 2000, latest, required=True)
    c.text("note", note, 1000)
    if kind == REMOVE:
        c.code("reason", reason, "removal_reason", required=True)
    elif kind in (DECREASE, INCREASE):
        c.code("reason", reason, "member_change_reason", required=True)
        item = code_list("member_change_reason").get(reason or "")
        if item is not None and item.extra.get("direction") != ("out" if kind == DECREASE else "in"):
            c.fail("reason", "member.reason_direction")
    else:
        c.text("reason", reason, 500)
    c.raise_if_any()
    with write(db, reason="lifecycle.file") as tx:
        hh = tx.session.get(Household, household_id)
        if hh is None:
            c.fail("household_id", "value.not_found")
            c.raise_if_any()
        assert hh is not None
        state = household_state(hh)
        if not can_file(state, kind):
            raise BangfuError("lifecycle.not_allowed", kind=_label("lifecycle_event", kind),
                              state=state_label(state))
        if kind == EXIT and hh.identified_year and year < hh.identified_year:
            c.fail("year", "lifecycle.exit_before_identified", year=hh.identified_year)
            c.raise_if_any()
        if open_request(tx.session, household_id) is not None:
            raise BangfuError("lifecycle.already_open")
        req = LifecycleRequest(household_id=household_id, kind=kind, year=year, status=DRAFT, reason=reason or "",
                               steps={"filed": {"date": today.isoformat(), "by": db.actor.name, "state": state,
                                                "note": (note or "").strip()}},
                               author=db.actor.name)
        tx.create(req, reason="lifecycle.file")
        return req


def open_request(session: Session, household_id: str) -> LifecycleRequest | None:
    return session.exec(select(LifecycleRequest).where(
        LifecycleRequest.household_id == household_id, LifecycleRequest.deleted == False,  # noqa: E712
        col(LifecycleRequest.status).in_(sorted(OPEN)))).first()


def _label(list_name: str, code: str) -> str:
    return code_list(list_name).label(code)


def state_label(state: str) -> str:
    if state in (CANDIDATE, REMOVED):
        return t(f"lifecycle.state.{state}")
    return _label("exit_status", state)


def _load(tx: Tx, request_id: str, action: str) -> tuple[LifecycleRequest, Household]:
    req = tx.session.get(LifecycleRequest, request_id)
    if req is None or req.deleted:
        raise BangfuError("lifecycle.missing")
    needed, _after = ACTIONS[action]
    if req.status != needed:
        raise BangfuError("lifecycle.wrong_status", action=t(f"lifecycle.action.{action}"),
                          status=_label("lifecycle_request_status", req.status))
    hh = tx.session.get(Household, req.household_id)
    assert hh is not None
    return req, hh


def _step(tx: Tx, req: LifecycleRequest, action: str, values: dict[str, Any]) -> None:
    _patch_with(tx, req, action, dict(req.steps or {}), values, {})


# -- evidence -------------------------------------------------------------------------------------
def record_deliberation(db: Database, request_id: str, on: date, attended: int, total: int, agreed: int,
                        result: bool, note: str = "") -> LifecycleRequest:
    """民主评议: the village representatives' meeting (date, attendance, votes, outcome)."""
    _require(db, "lifecycle.request")
    c = Checker("lifecycle_request")
    c.day("deliberation_date", on, required=True)
    c.integer("attended", attended, 1, 10000, required=True)
    c.integer("total", total, 1, 10000, required=True)
    c.integer("agreed", agreed, 0, 10000, required=True)
    c.text("note", note, 1000)
    if c.ok("attended") and c.ok("total") and attended > total:
        c.fail("attended", "lifecycle.attended_over_total")
    if c.ok("agreed") and isinstance(attended, int) and not isinstance(attended, bool) and agreed > attended:
        c.fail("agreed", "lifecycle.agreed_over_attended")
    if not isinstance(result, bool):
        c.fail("result", "value.unknown_code", value=str(result)[:10])
    c.raise_if_any()
    with write(db) as tx:
        req, _hh = _load(tx, request_id, "deliberation")
        _step(tx, req, "deliberation", {"date": on.isoformat(), "attended": attended, "total": total,
                                        "agreed": agreed, "result": result, "note": (note or "").strip()})
        return req


def record_notice(db: Database, request_id: str, start: date, end: date, objections: int = 0, note: str = "",
                  notice_id: str | None = None) -> LifecycleRequest:
    """村内公示: the posting period (at least ``notice_days_household`` days, counted inclusively)
    and the number of objections received; ``notice_id`` links a printed notice (app.services.notices)."""
    _require(db, "lifecycle.request")
    days = notice_days()
    c = Checker("lifecycle_request")
    c.day("notice_start", start, required=True)
    c.day("notice_end", end, required=True, not_future=False)
    c.integer("objections", objections, 0, 10000, required=True)
    c.text("note", note, 1000)
    if c.ok("notice_start") and c.ok("notice_end"):
        if end < start:
            c.fail("notice_end", "lifecycle.notice_end_before_start")
        elif (end - start).days + 1 < days:
            c.fail("notice_end", "lifecycle.notice_too_short", days=days, actual=(end - start).days + 1)
    c.raise_if_any()
    with write(db) as tx:
        req, _hh = _load(tx, request_id, "notice")
        delib = (req.steps or {}).get("deliberation")
        if delib and start < date.fromisoformat(delib["date"]):
            c.fail("notice_start", "lifecycle.notice_before_deliberation")
            c.raise_if_any()
        _step(tx, req, "notice", {"start": start.isoformat(), "end": end.isoformat(), "days": (end - start).days + 1,
                                  "objections": objections, "note": (note or "").strip(), "notice_id": notice_id or ""})
        return req


def record_confirmation(db: Database, request_id: str, on: date, image: bytes | None = None,
                        sha256: str | None = None, kind: str = "sheet", note: str = "") -> LifecycleRequest:
    """贫困户认可: the household's signed confirmation (photo of the sheet, or a drawn signature)."""
    _require(db, "lifecycle.request")
    c = Checker("lifecycle_request")
    c.day("confirmation_date", on, required=True)
    c.text("note", note, 1000)
    if kind not in ("sheet", "signature"):
        c.fail("confirmation", "value.unknown_code", value=str(kind)[:20])
    prepared = None
    if image is not None and c.ok("confirmation"):
        try:
            prepared = photo_store.prepare_signature(image) if kind == "signature" else photo_store.prepare_photo(image)
        except BangfuError as exc:
            c.fail("confirmation", exc.code, **exc.params)
    elif image is None and not sha256:
        c.fail("confirmation", "value.required")
    c.raise_if_any()
    with write(db) as tx:
        req, _hh = _load(tx, request_id, "confirmation")
        if prepared is not None:
            digest = photo_store.store_in_tx(tx, prepared)
        else:
            assert sha256 is not None
            if not photo_store.exists(tx.session, sha256):
                raise BangfuError("fieldwork.photo_missing")
            digest = sha256
        photo_store.link_in_tx(tx, digest, "lifecycle_request", req.id, "confirmation_" + kind)
        _step(tx, req, "confirmation", {"date": on.isoformat(), "kind": kind, "sha256": digest,
                                        "note": (note or "").strip()})
        return req


#: Other spellings of the evidence steps (requests imported or generated elsewhere, e.g. the demo).
STEP_ALIASES = {"democratic_review": "deliberation", "village_notice": "notice",
                "household_confirmation": "confirmation"}


def evidence_steps(req: LifecycleRequest) -> list[str]:
    """The evidence recorded on ``req``, by canonical step name, in procedure order."""
    present = {STEP_ALIASES.get(k, k) for k in (req.steps or {})}
    return [name for name in ("deliberation", "notice", "confirmation") if name in present]


def missing_evidence(req: LifecycleRequest) -> list[str]:
    """Evidence steps still missing before the request can be submitted."""
    present = set(evidence_steps(req))
    return [name for name in REQUIRED_EVIDENCE[req.kind] if name not in present]


# -- decisions ------------------------------------------------------------------------------------
def _exit_gate(tx: Tx, req: LifecycleRequest, override_reason: str, on: date) -> tuple[dict[str, Any], dict[str, Any]]:
    """For an exit: assess; refuse when it fails unless overridden by an authorised user (audited).

    Returns the request's steps with the assessment (and override) added, and extra fields to patch.
    """
    steps = dict(req.steps or {})
    if req.kind != EXIT:
        return steps, {}
    assessment = assess_exit(tx.session, req.household_id, req.year, today=on)
    extra: dict[str, Any] = {}
    steps["assessment"] = assessment.as_dict()
    if not assessment.passed:
        if override_reason.strip():
            if not _may(tx.db, "lifecycle.override"):
                raise BangfuError("lifecycle.override_not_allowed")
            steps["override"] = {"by": tx.db.actor.name, "role": tx.db.actor.role, "date": on.isoformat(),
                                 "reason": override_reason.strip(), "failures": [c.code for c in assessment.failures]}
            extra["override_reason"] = override_reason.strip()
            tx.audit("override", "lifecycle_request", req.id,
                     {"failures": [c.code for c in assessment.failures], "role": tx.db.actor.role},
                     reason=override_reason.strip())
        elif "override" not in steps:
            raise ExitBlocked(assessment)
    return steps, extra


def _check_reason_text(c: Checker, field: str, text: str, required: bool) -> None:
    c.text(field, text, 1000, required=required)


def submit(db: Database, request_id: str, on: date | None = None, override_reason: str = "") -> LifecycleRequest:
    """The village submits the request with its evidence to the township.

    A township or county user signed in on the village laptop may submit an exit whose assessment
    fails, with ``override_reason`` (audited); a village user is refused with the failing criteria.
    """
    may_request = _may(db, "lifecycle.request")
    if not (may_request or _may(db, "lifecycle.override")):
        require(db, "lifecycle.request")
    on = on or reference_date(db)  # the scenario's day in a demo database (never after today: c.day)
    c = Checker("lifecycle_request")
    c.day("submitted", on, required=True)
    _check_reason_text(c, "override_reason", override_reason, False)
    c.raise_if_any()
    with write(db) as tx:
        req, hh = _load(tx, request_id, "submit")
        missing = missing_evidence(req)
        if missing:
            raise BangfuError("lifecycle.evidence_missing", steps=joined([f"lifecycle.step.{m}" for m in missing]))
        delib = (req.steps or {}).get("deliberation")
        if delib and not delib.get("result"):
            raise BangfuError("lifecycle.deliberation_against")
        if not can_file(household_state(hh), req.kind):
            raise BangfuError("lifecycle.not_allowed", kind=_label("lifecycle_event", req.kind),
                              state=state_label(household_state(hh)))
        steps, extra = _exit_gate(tx, req, override_reason, on)
        if not may_request and not extra.get("override_reason"):
            require(db, "lifecycle.request")  # township/county staff submit only to override
        _patch_with(tx, req, "submit", steps, {"date": on.isoformat()}, extra)
        return req


def _patch_with(tx: Tx, req: LifecycleRequest, action: str, steps: dict[str, Any], values: dict[str, Any],
                extra: dict[str, Any]) -> None:
    key = {"township_approve": "township_review", "township_return": "township_review",
           "county_approve": "county_approval", "county_reject": "county_approval", "submit": "submitted"}.get(action, action)
    steps = dict(steps)
    steps[key] = {**values, "by": tx.db.actor.name, "role": tx.db.actor.role}
    tx.patch(req, {"steps": steps, "status": ACTIONS[action][1], **extra}, reason=f"lifecycle.{action}")


def township_review(db: Database, request_id: str, approve: bool, on: date | None = None, note: str = "",
                    override_reason: str = "") -> LifecycleRequest:
    """乡镇审核: pass the request on to the county, or return it to the village (note required)."""
    _require(db, "lifecycle.review")
    on = on or reference_date(db)  # the scenario's day in a demo database (never after today: c.day)
    c = Checker("lifecycle_request")
    c.day("township_review", on, required=True)
    _check_reason_text(c, "note", note, not approve)
    _check_reason_text(c, "override_reason", override_reason, False)
    c.raise_if_any()
    action = "township_approve" if approve else "township_return"
    with write(db) as tx:
        req, _hh = _load(tx, request_id, action)
        steps = dict(req.steps or {})
        extra: dict[str, Any] = {}
        if approve:
            notice = steps.get("notice")
            if notice and on <= date.fromisoformat(notice["end"]):
                raise BangfuError("lifecycle.notice_running", end=notice["end"])
            steps, extra = _exit_gate(tx, req, override_reason, on)
        _patch_with(tx, req, action, steps, {"date": on.isoformat(), "decision": "approved" if approve else "returned",
                                             "note": (note or "").strip()}, extra)
        return req


def _apply_effect(tx: Tx, req: LifecycleRequest, hh: Household, on: date) -> tuple[str, str]:
    """Change the household's status for an approved request; returns (from, to) states."""
    before = household_state(hh)
    if req.kind == IDENTIFY:
        changes: dict[str, Any] = {"identified_year": req.year, "exit_status": "01", "exit_year": None,
                                   "return_year": None}
        if hh.deleted:
            changes["deleted"] = False
        tx.patch(hh, changes, reason="lifecycle.approved")
    elif req.kind == EXIT:
        tx.patch(hh, {"exit_status": "02", "exit_year": req.year}, reason="lifecycle.approved")
    elif req.kind == RETURN:
        tx.patch(hh, {"exit_status": "04", "return_year": req.year}, reason="lifecycle.approved")
    elif req.kind in (REMOVE, DECREASE):
        tx.delete(hh, reason="lifecycle.approved")
    elif req.kind == INCREASE:
        changes = {"identified_year": hh.identified_year or req.year}
        if hh.deleted:
            changes["deleted"] = False
        tx.patch(hh, changes, reason="lifecycle.approved")
    return before, household_state(hh)


def county_decide(db: Database, request_id: str, approve: bool, on: date | None = None, note: str = "",
                  override_reason: str = "") -> LifecycleRequest:
    """县审定: approve (the household's status changes now, with a lifecycle event) or reject (note required)."""
    _require(db, "lifecycle.approve")
    on = on or reference_date(db)  # the scenario's day in a demo database (never after today: c.day)
    c = Checker("lifecycle_request")
    c.day("county_approval", on, required=True)
    _check_reason_text(c, "note", note, not approve)
    _check_reason_text(c, "override_reason", override_reason, False)
    c.raise_if_any()
    action = "county_approve" if approve else "county_reject"
    with write(db) as tx:
        req, hh = _load(tx, request_id, action)
        steps = dict(req.steps or {})
        review = steps.get("township_review") or {}
        if review.get("date") and on < date.fromisoformat(review["date"]):
            c.fail("county_approval", "lifecycle.before_review")
            c.raise_if_any()
        extra: dict[str, Any] = {}
        if approve:
            if not can_file(household_state(hh), req.kind):
                raise BangfuError("lifecycle.not_allowed", kind=_label("lifecycle_event", req.kind),
                                  state=state_label(household_state(hh)))
            steps, extra = _exit_gate(tx, req, override_reason, on)
        _patch_with(tx, req, action, steps, {"date": on.isoformat(), "decision": "approved" if approve else "rejected",
                                             "note": (note or "").strip()}, extra)
        if approve:
            before, after = _apply_effect(tx, req, hh, on)
            tx.append(LifecycleEvent(household_id=hh.id, kind=req.kind, date=on, year=req.year, request_id=req.id,
                                     from_status=before, to_status=after, reason=req.reason))
        return req


def withdraw(db: Database, request_id: str, reason: str) -> None:
    """Withdraw a request still in draft (kept as a tombstone, audited with the reason)."""
    _require(db, "lifecycle.request")
    c = Checker("lifecycle_request")
    c.text("note", reason, 1000, required=True)
    c.raise_if_any()
    with write(db) as tx:
        req, _hh = _load(tx, request_id, "withdraw")
        tx.delete(req, reason=reason.strip())


# -- reading --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RequestRow:
    request: LifecycleRequest
    household_id: str
    head_name: str
    group_no: int
    village_id: str


def requests(db_or_session: Any, status: str | None = None, village_id: str | None = None,
             household_id: str | None = None, kind: str | None = None, include_closed: bool = True) -> list[RequestRow]:
    """Requests for a worklist (newest first): e.g. status="submitted" for the township's queue."""
    def run(s: Session) -> list[RequestRow]:
        q = select(LifecycleRequest, Household).join(Household, Household.id == LifecycleRequest.household_id).where(
            LifecycleRequest.deleted == False)  # noqa: E712
        if status:
            q = q.where(LifecycleRequest.status == status)
        elif not include_closed:
            q = q.where(col(LifecycleRequest.status).in_(sorted(OPEN)))
        if village_id:
            q = q.where(Household.village_id == village_id)
        if household_id:
            q = q.where(LifecycleRequest.household_id == household_id)
        if kind:
            q = q.where(LifecycleRequest.kind == kind)
        rows = s.exec(q.order_by(col(LifecycleRequest.id).desc())).all()
        return [RequestRow(r, h.id, h.head_name, h.group_no, h.village_id) for r, h in rows]
    return with_session(db_or_session, run)


def household_events(db_or_session: Any, household_id: str) -> list[LifecycleEvent]:
    def run(s: Session) -> list[LifecycleEvent]:
        return list(s.exec(select(LifecycleEvent).where(LifecycleEvent.household_id == household_id,
                                                        LifecycleEvent.deleted == False)  # noqa: E712
                           .order_by(col(LifecycleEvent.date).desc(), col(LifecycleEvent.id).desc())))
    return with_session(db_or_session, run)


def next_actions(db: Database, req: LifecycleRequest) -> list[str]:
    """What the signed-in user may do next with ``req`` (for the screen's buttons)."""
    result = []
    for action, (needed, _after) in ACTIONS.items():
        if req.status != needed:
            continue
        perm = ("lifecycle.approve" if action.startswith("county") else
                "lifecycle.review" if action.startswith("township") else "lifecycle.request")
        if _may(db, perm):
            result.append(action)
    return result


def notice_window(start: date) -> date:
    """The earliest end date of a notice posted on ``start``."""
    return start + timedelta(days=notice_days() - 1)


__all__ = ["ACTIONS", "ALLOWED_FROM", "APPROVED", "CANDIDATE", "DECREASE", "DRAFT", "EXIT", "IDENTIFY", "INCREASE",
           "KINDS", "REJECTED", "REMOVE", "REMOVED", "RETURN", "REQUIRED_EVIDENCE", "REVIEWED", "SUBMITTED",
           "ExitBlocked", "RequestRow", "can_file", "county_decide", "file_request", "household_events",
           "evidence_steps", "household_state", "missing_evidence", "next_actions", "notice_days", "notice_window", "open_request",
           "record_confirmation", "record_deliberation", "record_notice", "requests", "state_label", "submit",
           "township_review", "withdraw"]

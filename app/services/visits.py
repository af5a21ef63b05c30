"""Guided household visits (入户走访): one visit is one transaction.

A visit records what the visitor saw and agreed, and applies the facts it established: member
changes (births, deaths, marriages, moves — through the registry's rules), updated member facts
(schooling, health, insurance), this year's income item by item, living conditions, problems found
and measures agreed, satisfaction and living environment, photos and the household's confirmation.
Everything is validated first and written in ONE transaction with audit entries and outbox ops,
so a bad value anywhere (a visit in the future, a death before birth, negative income, a file that
is not an image) leaves nothing half-saved (domain.md §7: visits carry time, author and evidence).

The visit row (append-only) keeps the structured findings in ``Visit.data``:

``members``     list of {action: confirm|add|remove|update, member_id, reason, on, changes}
``checks``      {visit_check code: True | False | None} (两不愁三保障 and safe drinking water)
``notes``       {visit_check code: text} (e.g. why a child is excused from school)
``income_year`` / ``income``  the year and the income items (fen) recorded at this visit
``expenses``    {medical_fen, education_fen}: out-of-pocket costs (return-to-poverty risk)
``problems``    list of {category (measure_category), text}
``measure_ids`` the measures agreed at this visit
``environment`` {rating (environment_rating), toilet, yard_tidy, note}
``photos``      list of {sha256, caption};  ``confirmation`` {kind: signature|sheet, sha256}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from app.codes import code_list
from app.domain import (
    Attachment,
    AttachmentLink,
    HelperAssignment,
    Household,
    LifecycleEvent,
    Member,
    Visit,
    VisitDraft,
)
from app.errors import BangfuError, ValidationFailed
from app.services import (
    field_messages,  # noqa: F401
    registry,
)
from app.services import photos as photo_store
from app.services.assistance import add_measure_in_tx, with_session
from app.services.permissions import require
from app.services.tx import Tx, write
from app.store.database import Database
from app.validation import Checker

#: A laptop clock a little ahead of the real time must not refuse a visit recorded just now.
CLOCK_SLACK = timedelta(minutes=5)
EARLIEST = datetime(2014, 1, 1, tzinfo=UTC)
EXPENSE_ITEMS = ("medical_fen", "education_fen")
ENVIRONMENT_FLAGS = ("toilet", "yard_tidy", "kitchen_clean")
MEMBER_ACTIONS = ("confirm", "add", "remove", "update")
CONFIRMATION_KINDS = ("signature", "sheet")
#: member_change_reason direction → lifecycle_event code (自然增加 / 自然减少, domain.md §3).
NATURAL_EVENT = {"in": "06", "out": "05"}


def as_utc(value: datetime) -> datetime:
    """Aware UTC; a naive time is the laptop's local time (what the visitor typed)."""
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(UTC)


def _as_date(value: Any) -> Any:
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value


def _helper_name(session: Session, household_id: str) -> str:
    row = session.exec(select(HelperAssignment).where(
        HelperAssignment.household_id == household_id, HelperAssignment.end_date == None,  # noqa: E711
        HelperAssignment.deleted == False,  # noqa: E712
    ).order_by(col(HelperAssignment.start_date).desc())).first()
    return row.name if row else ""


@dataclass(frozen=True)
class _Image:
    """A photo either already stored (sha256) or still raw bytes to validate."""

    sha256: str | None
    prepared: photo_store.PreparedImage | None
    caption: str


def _prepare_images(c: Checker, photos: Sequence[Mapping[str, Any]], confirmation: Mapping[str, Any] | None,
                    session: Session) -> tuple[list[_Image], _Image | None, str]:
    """Validate every image before the transaction (Pillow work stays outside the write lock)."""
    prepared: list[_Image] = []
    for i, photo in enumerate(photos):
        caption = str(photo.get("caption") or "")
        c.text("photos", caption, 200)
        if photo.get("data") is not None:
            try:
                prepared.append(_Image(None, photo_store.prepare_photo(photo["data"]), caption))
            except BangfuError as exc:
                c.fail("photos", "visit.photo_bad", number=i + 1, problem=str(exc))
        elif photo.get("sha256") and session.get(Attachment, photo["sha256"]) is not None:
            prepared.append(_Image(photo["sha256"], None, caption))
        else:
            c.fail("photos", "visit.photo_bad", number=i + 1, problem=str(BangfuError("fieldwork.photo_missing")))
    conf: _Image | None = None
    kind = ""
    if confirmation:
        kind = str(confirmation.get("kind") or "")
        if kind not in CONFIRMATION_KINDS:
            c.fail("confirmation", "value.unknown_code", value=kind[:20])
        elif confirmation.get("data") is not None:
            try:
                image = (photo_store.prepare_signature(confirmation["data"]) if kind == "signature"
                         else photo_store.prepare_photo(confirmation["data"]))
                conf = _Image(None, image, "")
            except BangfuError as exc:
                c.fail("confirmation", "visit.confirmation_bad", problem=str(exc))
        elif confirmation.get("sha256") and session.get(Attachment, confirmation["sha256"]) is not None:
            conf = _Image(confirmation["sha256"], None, "")
        else:
            c.fail("confirmation", "visit.confirmation_bad", problem=str(BangfuError("fieldwork.photo_missing")))
    return prepared, conf, kind


def _check_top(c: Checker, visited_at: Any, checks: Mapping[str, Any], notes: Mapping[str, Any],
               expenses: Mapping[str, Any], problems: Sequence[Mapping[str, Any]], satisfaction: str,
               environment: Mapping[str, Any], summary: str, income_year: int | None,
               now: datetime) -> datetime | None:
    when: datetime | None = None
    if not isinstance(visited_at, datetime):
        c.fail("visited_at", "value.bad_date" if visited_at is not None else "value.required")
    else:
        when = as_utc(visited_at)
        if when > now + CLOCK_SLACK:
            c.fail("visited_at", "visit.future")
        elif when < EARLIEST:
            c.fail("visited_at", "visit.too_early", year=EARLIEST.year)
    allowed_checks = code_list("visit_check")
    for key, value in checks.items():
        if key not in allowed_checks:
            c.fail("checks", "value.unknown_code", value=str(key)[:20])
        elif value is not None and not isinstance(value, bool):
            c.fail("checks", "visit.check_value", check=allowed_checks.label(key))
    for key, value in notes.items():
        if key not in allowed_checks:
            c.fail("checks", "value.unknown_code", value=str(key)[:20])
        c.text("checks", value, 500)
    for key, value in expenses.items():
        if key not in EXPENSE_ITEMS:
            c.fail("expenses", "value.unknown_code", value=str(key)[:20])
        else:
            c.money_fen(key, value)
    for problem in problems:
        c.code("problems", problem.get("category"), "measure_category")
        c.text("problems", problem.get("text"), 500, required=True)
    c.code("satisfaction", satisfaction, "satisfaction")
    c.code("environment", environment.get("rating"), "environment_rating")
    for key, value in environment.items():
        if key == "rating":
            continue
        if key == "note":
            c.text("environment", value, 500)
        elif key not in ENVIRONMENT_FLAGS:
            c.fail("environment", "value.unknown_code", value=str(key)[:20])
        elif value is not None and not isinstance(value, bool):
            c.fail("environment", "visit.check_value", check=key)
    c.text("summary", summary, 2000)
    if income_year is not None:
        c.integer("income_year", income_year, 2000, (when or now).year)
    return when


def member_change_date_problem(action: str, reason: str, on: date, visit_day: date, born: date | None = None,
                               newborn_birth: date | None = None) -> tuple[str, str] | None:
    """(field, message code) of an impossible date in one member change, or None: a change dated after
    the visit, a member leaving (or dying) before being born, a newborn born after it was registered.
    Shared by ``record_visit`` and the wizard's member dialogs (which refuse at once)."""
    if on > visit_day:
        return "change_date", "visit.change_after_visit"
    if action == "remove" and born is not None and on < born:
        return "change_date", "visit.death_before_birth" if reason == "01" else "visit.change_before_birth"
    if action == "add" and reason == "06" and newborn_birth is not None and newborn_birth > on:
        return "birth_date", "visit.born_after_change"
    return None


def _member_change(tx: Tx, hh: Household, change: Mapping[str, Any], visit_day: date, index: int) -> dict[str, Any]:
    """Apply one member change through the registry; returns what the visit records about it."""
    action = change.get("action", "confirm")
    c = Checker("member", row=index + 1)
    if action not in MEMBER_ACTIONS:
        c.fail("change_reason", "value.unknown_code", value=str(action)[:20])
        c.raise_if_any()
    on = _as_date(change.get("on")) or visit_day
    reason = str(change.get("reason") or "")
    if isinstance(on, date) and on > visit_day:
        c.fail("change_date", "visit.change_after_visit")
    member: Member | None = None
    if action != "add":
        member = tx.session.get(Member, change.get("member_id") or "")
        if member is None or member.deleted or member.household_id != hh.id:
            c.fail("name", "visit.member_not_in_household")
            c.raise_if_any()
        assert member is not None
        if action in ("remove", "update") and not member.active:
            c.fail("name", "member.inactive")
    if action == "remove" and member is not None and isinstance(on, date) and on <= visit_day:
        problem = member_change_date_problem(action, reason, on, visit_day, born=member.birth_date)
        if problem:
            c.fail(*problem)
    c.raise_if_any()
    record: dict[str, Any] = {"action": action}
    if action == "confirm":
        assert member is not None
        record["member_id"] = member.id
    elif action == "update":
        assert member is not None
        changes = dict(change.get("changes") or {})
        for key in ("birth_date",):
            if key in changes:
                changes[key] = _as_date(changes[key])
        registry.update_member_in_tx(tx, member.id, changes, reason or "visit")
        record.update(member_id=member.id, changes=sorted(changes))
    elif action == "remove":
        assert member is not None
        registry.remove_member_in_tx(tx, member.id, reason, on)
        record.update(member_id=member.id, reason=reason, on=on.isoformat())
        _natural_event(tx, hh, "out", reason, on)
    else:
        data = dict(change.get("data") or {})
        if "birth_date" in data:
            data["birth_date"] = _as_date(data["birth_date"])
        birth = data.get("birth_date")
        if isinstance(birth, date) and isinstance(on, date):
            problem = member_change_date_problem(action, reason, on, visit_day, newborn_birth=birth)
            if problem:
                c.fail(*problem)
                c.raise_if_any()
        member = registry.add_member_in_tx(tx, hh.id, data, reason, on)
        record.update(member_id=member.id, reason=reason, on=on.isoformat())
        _natural_event(tx, hh, "in", reason, on)
    return record


def _natural_event(tx: Tx, hh: Household, direction: str, reason: str, on: date) -> None:
    """自然增减 of a member is a lifecycle fact too (the household's history shows it)."""
    tx.append(LifecycleEvent(household_id=hh.id, kind=NATURAL_EVENT[direction], date=on, year=on.year,
                             from_status=hh.exit_status, to_status=hh.exit_status, reason=reason))


def record_visit(
    db: Database,
    household_id: str,
    visited_at: datetime,
    *,
    members: Sequence[Mapping[str, Any]] = (),
    checks: Mapping[str, bool | None] | None = None,
    notes: Mapping[str, str] | None = None,
    income: Mapping[str, int] | None = None,
    income_year: int | None = None,
    expenses: Mapping[str, int] | None = None,
    conditions: Mapping[str, Any] | None = None,
    problems: Sequence[Mapping[str, Any]] = (),
    measures: Sequence[Mapping[str, Any]] = (),
    satisfaction: str = "",
    environment: Mapping[str, Any] | None = None,
    photos: Sequence[Mapping[str, Any]] = (),
    confirmation: Mapping[str, Any] | None = None,
    summary: str = "",
    draft_id: str | None = None,
    now: datetime | None = None,
) -> Visit:
    """Record a whole visit in one transaction (see the module docstring for the parts).

    ``photos`` items are ``{"data": bytes}`` (validated and downscaled here) or ``{"sha256": …}``
    (stored earlier by the wizard); ``confirmation`` is ``{"kind": "signature"|"sheet", …}`` the same
    way. ``measures`` items are keyword arguments of ``assistance.add_measure`` (category, on, content,
    amount_fen, funding_source, beneficiaries, status, project_id). ``draft_id`` names the wizard draft
    this visit finishes; it is deleted in the same transaction. Raises ``ValidationFailed`` listing
    every problem; nothing is written then.
    """
    require(db, "visit.record")
    checks = dict(checks or {})
    notes = dict(notes or {})
    expenses = dict(expenses or {})
    environment = dict(environment or {})
    now = now or datetime.now(UTC)
    c = Checker("visit")
    when = _check_top(c, visited_at, checks, notes, expenses, problems, satisfaction, environment, summary,
                      income_year, now)
    with db.read() as s:
        hh = s.get(Household, household_id)
        if hh is None or hh.deleted:
            c.fail("household_id", "value.not_found")
        images, conf, conf_kind = _prepare_images(c, photos, confirmation, s)
    c.raise_if_any()
    assert when is not None
    visit_day = when.astimezone().date()
    with write(db, reason="visit") as tx:
        hh = tx.session.get(Household, household_id)
        assert hh is not None
        member_records = [_member_change(tx, hh, change, visit_day, i) for i, change in enumerate(members)]
        year = income_year or visit_day.year
        if income:
            registry.set_income_in_tx(tx, household_id, year, dict(income), "visit")
        if conditions:
            registry.update_conditions_in_tx(tx, household_id, dict(conditions), "visit")
        measure_ids = []
        for i, spec in enumerate(measures):
            spec = dict(spec)
            spec.setdefault("on", visit_day)
            measure_ids.append(add_measure_in_tx(tx, household_id, row=i + 1, **spec).id)
        photo_refs = []
        for image in images:
            sha = image.sha256 or photo_store.store_in_tx(tx, image.prepared)  # type: ignore[arg-type]
            photo_refs.append({"sha256": sha, "caption": image.caption})
        conf_sha = ""
        if conf is not None:
            conf_sha = conf.sha256 or photo_store.store_in_tx(tx, conf.prepared)  # type: ignore[arg-type]
        data: dict[str, Any] = {
            "members": member_records,
            "checks": checks,
            "notes": notes,
            "income_year": year if income else None,
            "income": dict(income or {}),
            "expenses": expenses,
            "conditions": sorted(conditions or {}),
            "problems": [{"category": p.get("category") or "", "text": str(p.get("text")).strip()} for p in problems],
            "measure_ids": measure_ids,
            "environment": environment,
            "photos": photo_refs,
            "confirmation": {"kind": conf_kind, "sha256": conf_sha} if conf_sha else {},
        }
        visit = Visit(household_id=household_id, visited_at=when, author=db.actor.name,
                      helper_name=_helper_name(tx.session, household_id), summary=summary.strip(),
                      satisfaction=satisfaction, data=data, confirmation_sha256=conf_sha)
        tx.append(visit)
        for ref in photo_refs:
            photo_store.link_in_tx(tx, ref["sha256"], "visit", visit.id, "photo", ref["caption"])
        if conf_sha:
            photo_store.link_in_tx(tx, conf_sha, "visit", visit.id, "confirmation_" + conf_kind)
        if draft_id:
            draft = tx.session.get(VisitDraft, draft_id)
            if draft is not None:
                tx.session.delete(draft)
        return visit


def record_visit_from_state(db: Database, state: Mapping[str, Any], draft_id: str | None = None) -> Visit:
    """Record a visit from the wizard's JSON state (dates as ISO text), e.g. a resumed draft."""
    raw = state.get("visited_at")
    try:
        visited_at = datetime.fromisoformat(raw) if isinstance(raw, str) else raw
    except ValueError:
        c = Checker("visit")
        c.fail("visited_at", "value.bad_date")
        raise ValidationFailed(c.errors) from None
    measures = []
    for spec in state.get("measures") or ():
        spec = dict(spec)
        if isinstance(spec.get("on"), str):
            spec["on"] = _as_date(spec["on"])
        measures.append(spec)
    return record_visit(
        db, state.get("household_id") or "", visited_at,
        members=state.get("members") or (), checks=state.get("checks") or {}, notes=state.get("notes") or {},
        income=state.get("income") or None, income_year=state.get("income_year"),
        expenses=state.get("expenses") or {}, conditions=state.get("conditions") or None,
        problems=state.get("problems") or (), measures=measures, satisfaction=state.get("satisfaction") or "",
        environment=state.get("environment") or {}, photos=state.get("photos") or (),
        confirmation=state.get("confirmation") or None, summary=state.get("summary") or "", draft_id=draft_id,
    )


# -- reading ------------------------------------------------------------------------------------
def household_visits(db_or_session: Any, household_id: str) -> list[Visit]:
    """A household's visits, newest first."""
    def run(s: Session) -> list[Visit]:
        return list(s.exec(select(Visit).where(Visit.household_id == household_id, Visit.deleted == False)  # noqa: E712
                           .order_by(col(Visit.visited_at).desc())))
    return with_session(db_or_session, run)


def latest_visit(session: Session, household_id: str, until: datetime | None = None) -> Visit | None:
    q = select(Visit).where(Visit.household_id == household_id, Visit.deleted == False)  # noqa: E712
    if until is not None:
        q = q.where(Visit.visited_at <= until)
    return session.exec(q.order_by(col(Visit.visited_at).desc())).first()


def visit_attachments(db_or_session: Any, visit_id: str) -> list[AttachmentLink]:
    def run(s: Session) -> list[AttachmentLink]:
        return list(s.exec(select(AttachmentLink).where(AttachmentLink.entity == "visit",
                                                        AttachmentLink.entity_id == visit_id,
                                                        AttachmentLink.deleted == False)))  # noqa: E712
    return with_session(db_or_session, run)


__all__ = ["as_utc", "household_visits", "latest_visit", "member_change_date_problem", "record_visit",
           "record_visit_from_state", "visit_attachments"]

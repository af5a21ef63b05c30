"""What the county does on the server itself: decide lifecycle requests, set reference data,
keep the roster. Every change takes a sequence number, so it flows down to the laptops by pull.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlmodel import select

from app.codes import CodeList, _rows_to_codes
from app.domain.base import uuid7
from app.protocol import now
from server.apply import SERVER_DEVICE, Writer, validate
from server.db import ServerDB
from server.models import ConflictLog, Device, Record, Reference, User
from server.scope import Reject, covers, lookup

#: What an approved request does to the household (lifecycle_event code -> changes).
STATUS_CHANGES: dict[str, tuple[str, str | None]] = {
    "01": ("01", "identified_year"),  # 新识别: 未脱贫
    "02": ("02", "exit_year"),        # 脱贫: 已脱贫(享受政策)
    "03": ("04", "return_year"),      # 返贫
}
DECIDED = frozenset({"approved", "rejected"})
#: a request the village has submitted (with its evidence) or the township has passed on; a draft is
#: still the village's to complete (app.services.lifecycle)
DECIDABLE = frozenset({"submitted", "township_reviewed"})
#: removal (剔除) and a household's natural decrease take it off the register (tombstone), as on the laptop
OFF_REGISTER = frozenset({"04", "05"})
#: identification and natural increase put a removed household back
BACK_ON = frozenset({"01", "06"})


class CountyError(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def decide_request(db: ServerDB, request_id: str, decision: str, user: str, note: str = "",
                   device: Device | None = None) -> int:
    """Approve or reject a lifecycle request at the county; returns the request's new revision.

    Approval also appends the lifecycle event and changes the household's status, in the same
    transaction; the laptops receive all three by pull. Deciding twice is refused.
    """
    if decision not in DECIDED:
        raise CountyError("bad_decision")
    with db.write() as (session, seq):
        w = Writer(session, seq, device.id if device else SERVER_DEVICE, "county",
                   list(device.villages) if device else [""])
        rec = lookup(session, "lifecycle_request", request_id, w.cache)
        if rec is None or rec.deleted or (device is not None and not covers(w.prefixes, "county", rec.village_code)):
            raise CountyError("not_found")
        if rec.data.get("status") in DECIDED:
            raise CountyError("already_decided")
        if rec.data.get("status") not in DECIDABLE:
            raise CountyError("not_submitted")
        author = user or "county"
        steps = dict(rec.data.get("steps") or {})
        steps["county_approval"] = {"decision": decision, "by": author, "at": w.at.isoformat(), "note": note}
        rev = w.update(rec, {"status": decision, "steps": steps}, author)
        if decision == "approved":
            _apply_approval(w, rec, author)
        w.finish()
        return rev


def _apply_approval(w: Writer, request: Record, author: str) -> None:
    kind = str(request.data.get("kind", ""))
    year = request.data.get("year")
    hh = lookup(w.session, "household", str(request.data.get("household_id", "")), w.cache)
    if hh is None:
        return
    from_status = _register_state(hh)
    changes: dict[str, Any] = {}
    change = STATUS_CHANGES.get(kind)
    if change is not None:
        status, year_field = change
        changes["exit_status"] = status
        if year_field and isinstance(year, int):
            changes[year_field] = year
        if kind == "01":  # identified (again): a fresh start, as app.services.lifecycle does
            changes.update(exit_year=None, return_year=None)
    if kind == "06" and not hh.data.get("identified_year") and isinstance(year, int):
        changes["identified_year"] = year
    changes = {k: v for k, v in changes.items() if hh.data.get(k) != v}
    if kind in OFF_REGISTER and not hh.deleted:
        changes["deleted"] = True
    elif kind in BACK_ON and hh.deleted:
        changes["deleted"] = False
    if changes:
        w.update(hh, changes, author)
    to_status = "removed" if hh.deleted else str(hh.data.get("exit_status", ""))
    event = {"id": uuid7(), "household_id": hh.entity_id, "kind": kind, "date": date.today().isoformat(),
             "year": year if isinstance(year, int) else date.today().year, "request_id": request.entity_id,
             "from_status": from_status, "to_status": to_status, "reason": str(request.data.get("reason", ""))[:200]}
    try:
        validate("lifecycle_event", event)
    except Reject:
        return
    w.insert("lifecycle_event", event["id"], event, hh.village_code, hh.entity_id, author)


def _register_state(hh: Record) -> str:
    """The household's register state as app.services.lifecycle.household_state names it."""
    if hh.deleted:
        return "removed"
    if hh.data.get("identified_year") in (None, ""):
        return "candidate"
    return str(hh.data.get("exit_status", ""))


# -- reference data ------------------------------------------------------------------------------
def _set_reference(db: ServerDB, kind: str, key: str, value: Any, deleted: bool = False) -> int:
    with db.write() as (session, seq):
        row = session.get(Reference, (kind, key))
        s = seq.next()
        if row is None:
            row = Reference(kind=kind, key=key, value=value, deleted=deleted, seq=s)
        else:
            row.value, row.deleted, row.seq, row.updated_at = value, deleted, s, now()
        session.add(row)
        return s


def set_code_list(db: ServerDB, name: str, rows: list[dict[str, str]]) -> int:
    """Publish a code list (rows with code, zh, en and extra columns); validated like a file."""
    CodeList(name, _rows_to_codes(rows))
    return _set_reference(db, "code_list", name, [dict(r) for r in rows])


def set_poverty_line(db: ServerDB, year: int, province: str, yuan: str) -> int:
    try:
        value = Decimal(str(yuan))
    except InvalidOperation:
        raise CountyError("bad_amount") from None
    if value <= 0 or value != value.quantize(Decimal("0.01")):
        raise CountyError("bad_amount")
    if province and not (province.isdigit() and len(province) == 2):
        raise CountyError("bad_province")
    return _set_reference(db, "poverty_line", f"{int(year)}:{province}", str(value))


def set_setting(db: ServerDB, key: str, value: str) -> int:
    return _set_reference(db, "setting", key, str(value))


def list_reference(db: ServerDB) -> list[Reference]:
    with db.read() as session:
        return list(session.exec(select(Reference).order_by(Reference.kind, Reference.key)))  # type: ignore[arg-type]


# -- roster --------------------------------------------------------------------------------------
def _roster_value(user: User) -> dict[str, Any]:
    return {"name": user.name, "role": user.role, "villages": user.villages, "unit": user.unit,
            "phone": user.phone, "active": user.active}


def add_user(db: ServerDB, name: str, role: str, villages: list[str], unit: str = "", phone: str = "") -> User:
    user = User(name=name.strip(), role=role, villages=villages, unit=unit, phone=phone)
    with db.write() as (session, seq):
        session.add(user)
        session.add(Reference(kind="roster", key=user.id, value=_roster_value(user), seq=seq.next()))
    return user


def set_user_active(db: ServerDB, user_id: str, active: bool) -> bool:
    with db.write() as (session, seq):
        user = session.get(User, user_id)
        if user is None:
            return False
        user.active = active
        session.add(user)
        ref = session.get(Reference, ("roster", user.id))
        value = _roster_value(user)
        if ref is None:
            ref = Reference(kind="roster", key=user.id, value=value, seq=seq.next())
        else:
            ref.value, ref.seq, ref.updated_at = value, seq.next(), now()
        session.add(ref)
        return True


def list_users(db: ServerDB) -> list[User]:
    with db.read() as session:
        return list(session.exec(select(User).order_by(User.name)))  # type: ignore[arg-type]


def list_conflicts(db: ServerDB, open_only: bool = True) -> list[ConflictLog]:
    with db.read() as session:
        stmt = select(ConflictLog).order_by(ConflictLog.created_at)  # type: ignore[arg-type]
        if open_only:
            stmt = stmt.where(ConflictLog.resolved_at == None)  # noqa: E711
        return list(session.exec(stmt))

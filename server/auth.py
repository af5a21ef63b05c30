"""Devices, tokens and one-time enrollment codes.

A device token is 32 random bytes (256 bits); the server keeps only its SHA-256, which is enough
for a secret of that entropy (no salt or slow hash needed: nothing to brute-force). Enrollment
codes are 16 characters from a 31-letter alphabet without look-alikes (~79 bits), shown in groups
of four, single-use and short-lived; they are stored hashed too.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlmodel import Session, select

from app.protocol import EnrollRequest, EnrollResponse, now
from server.db import ServerDB, server_keys
from server.models import Device, Enrollment

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ2345679"
ROLES = ("village", "township", "county")


class AuthError(Exception):
    """code: unauthorized | revoked | enroll_refused"""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(16))
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def valid_scope(villages: list[str]) -> bool:
    return all(v.isdigit() and len(v) in (6, 9, 12) for v in villages)


def issue_enrollment(db: ServerDB, villages: list[str], role: str, hours: float = 72.0, label: str = ""
                     ) -> tuple[str, Enrollment]:
    """Create a one-time code for ``villages`` (12-digit codes or 9/6-digit prefixes) and ``role``."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    if not valid_scope(villages) or (not villages and role != "county"):
        raise ValueError("villages must be 12-digit village codes (or 9/6-digit township/county prefixes)")
    code = new_code()
    row = Enrollment(code_hash=digest(normalise_code(code)), role=role, villages=villages, label=label,
                     expires_at=now() + timedelta(hours=hours))
    with db.write() as (session, _seq):
        session.add(row)
    return code, row


def enroll(db: ServerDB, req: EnrollRequest) -> EnrollResponse:
    """Redeem a code once: creates the device and returns its token (shown only this once)."""
    token = secrets.token_urlsafe(32)
    with db.write() as (session, _seq):
        row = session.exec(select(Enrollment).where(Enrollment.code_hash == digest(normalise_code(req.code)))).first()
        if row is None or row.used_at is not None or row.expires_at <= now():
            raise AuthError("enroll_refused")
        existing = session.get(Device, req.device_id)
        if existing is not None and existing.revoked_at is not None:
            raise AuthError("revoked")
        if existing is None:
            existing = Device(id=req.device_id, role=row.role, token_hash=digest(token))
        existing.name = req.device_name
        existing.role = row.role
        existing.villages = list(row.villages)
        existing.token_hash = digest(token)
        existing.sign_key = req.sign_key
        existing.box_key = req.box_key
        session.add(existing)
        row.used_at = now()
        row.device_id = req.device_id
        session.add(row)
        keys = server_keys(session)
        return EnrollResponse(device_id=req.device_id, token=token, role=row.role, villages=list(row.villages),  # type: ignore[arg-type]
                              server_sign_key=keys["sign"].public, server_box_key=keys["box"].public,
                              server_time=now())


def authenticate(session: Session, token: str) -> Device:
    device = session.exec(select(Device).where(Device.token_hash == digest(token))).first()
    if device is None:
        raise AuthError("unauthorized")
    if device.revoked_at is not None:
        raise AuthError("revoked")
    return device


def revoke(db: ServerDB, device_id: str) -> bool:
    with db.write() as (session, _seq):
        device = session.get(Device, device_id)
        if device is None:
            return False
        if device.revoked_at is None:
            device.revoked_at = now()
            session.add(device)
        return True


def list_devices(db: ServerDB) -> list[Device]:
    with db.read() as session:
        return list(session.exec(select(Device).order_by(Device.created_at)))  # type: ignore[arg-type]

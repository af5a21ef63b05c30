"""Where a record belongs (its village) and whether a device may read or write it.

A device is enrolled for a list of division-code prefixes: a 12-digit village code, a 9-digit
township or a 6-digit county. Every record carries the code of its village, derived from its
parent chain (member → household → village), so a household and its members always share a scope
and a device can never see one without the other. Records with no village (a county-level fund
project) are visible to county devices only.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlmodel import Session

from app.sync.refs import ref_fields
from server.models import Device, Record


@cache
def scope_fields(entity: str) -> frozenset[str]:
    """Fields that fix a record's place: they cannot change after creation (``scope_change``)."""
    names = {"id", *(name for name, _target in ref_fields(entity))}
    if entity == "village":
        names.add("code")
    return frozenset(names)


class Reject(Exception):
    """An op the server refuses, with a reason code (app.protocol.REJECT_CODES) and the field."""

    def __init__(self, code: str, field: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.field = field


def covers(prefixes: list[str], role: str, village_code: str) -> bool:
    """True when a device with these scope prefixes may see a record of ``village_code``."""
    if not village_code:
        return role == "county"
    return any(village_code.startswith(p) for p in prefixes)


def device_covers(device: Device, village_code: str) -> bool:
    return covers(device.villages, device.role, village_code)


def parents(entity: str, data: dict[str, Any]) -> list[tuple[str, str]]:
    """(entity, id) of every parent a row points at (for FK-safe pull pages)."""
    out = []
    for field, parent_entity in ref_fields(entity):
        value = data.get(field)
        if isinstance(value, str) and value:
            out.append((parent_entity, value))
    return out


def resolve(session: Session, entity: str, data: dict[str, Any], cache: dict[tuple[str, str], Record | None]
            ) -> tuple[str, str | None]:
    """(village code, household id) of a new row, from the row itself or its nearest parent.

    Raises ``Reject("missing_parent")`` when a parent the row names is not on the server.
    """
    if entity == "village":
        code = data.get("code")
        if not isinstance(code, str) or len(code) != 12 or not code.isdigit():
            raise Reject("invalid", "code")
        return code, None
    for field, parent_entity in ref_fields(entity):
        value = data.get(field)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise Reject("invalid", field)
        parent = lookup(session, parent_entity, value, cache)
        if parent is None:
            raise Reject("missing_parent", field)
        household = value if parent_entity == "household" else parent.household_id
        return parent.village_code, household
    return "", None


def lookup(session: Session, entity: str, entity_id: str, cache: dict[tuple[str, str], Record | None]
           ) -> Record | None:
    key = (entity, entity_id)
    if key not in cache:
        cache[key] = session.get(Record, key)
    return cache[key]

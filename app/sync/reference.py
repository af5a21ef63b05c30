"""Reference data from the county (code lists, poverty lines, settings, roster).

Stored in ``sync_meta`` (``ref:<kind>:<key>``) so it survives restarts, and put into effect through
``app.codes.override*``. ``load_reference(db)`` re-applies what is stored when a database is
opened; a bad stored item is skipped (and logged by kind and key only), never fatal.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlmodel import Session

from app import codes
from app.protocol import RefItem
from app.sync import state

log = logging.getLogger(__name__)


def _key(kind: str, key: str) -> str:
    return f"{state.REF_PREFIX}{kind}:{key}"


def store_reference(s: Session, items: list[RefItem]) -> int:
    """Persist pulled reference items and put them into effect; returns how many changed."""
    changed = 0
    removed = False
    for item in items:
        meta_key = _key(item.kind, item.key)
        if item.deleted:
            state.put(s, meta_key, None)
            removed = True
        else:
            state.put_json(s, meta_key, item.value)
            _activate(item.kind, item.key, item.value)
        changed += 1
    if removed:
        reload(s)
    return changed


def _activate(kind: str, key: str, value: Any) -> None:
    try:
        if kind == "code_list":
            codes.override(key, value)
        elif kind == "poverty_line":
            year, _sep, province = key.partition(":")
            codes.override_poverty_line(int(year), province or None, str(value))
        elif kind == "setting":
            codes.override_setting(key, str(value))
    except (TypeError, ValueError, KeyError):
        log.warning("reference item refused: %s %s", kind, key)


def reload(s: Session, reset: bool = True) -> int:
    """Re-apply every stored item (after dropping in-memory overrides when ``reset``)."""
    if reset:
        codes.reset_overrides()
    count = 0
    for row in state.reference_rows(s):
        kind, _sep, key = row.key[len(state.REF_PREFIX):].partition(":")
        try:
            value = json.loads(row.value)
        except ValueError:
            continue
        _activate(kind, key, value)
        count += 1
    return count


def load_reference(db: Any) -> int:
    """Put the county's stored reference data into effect (call after opening a database)."""
    with db.read() as s:
        return reload(s, reset=False)


def roster(db: Any) -> list[dict[str, Any]]:
    """The task-force roster pulled from the county (active members first, by name)."""
    with db.read() as s:
        rows = [json.loads(r.value) | {"id": r.key.split(":", 2)[2]} for r in state.reference_rows(s)
                if r.key.startswith(_key("roster", ""))]
    return sorted(rows, key=lambda r: (not r.get("active", True), r.get("name", "")))

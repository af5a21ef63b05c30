"""Who may do what: one table of actions by role, shared by the GUI, the CLI and the services.

Roles come from the ``role`` code list (resources/codes/role.csv). A village task-force member
keeps the household cards of their villages; township staff review and print but do not edit the
cards; a trainer may do both, to demonstrate every workflow, and reset a training database; the
county administrator may do everything. Everyone may add colleagues to the laptop, but only with
a role they may grant (``GRANTS``), so nobody can raise their own rights. Keeping the rules as
data in one place means the GUI greys out an action with exactly the rule the service enforces.

Feature areas add their own actions with :func:`register_action` at import time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from app.codes import code_list
from app.errors import BangfuError

ALL_ROLES: frozenset[str] = frozenset({"village", "township", "trainer", "county"})
_EDITORS = frozenset({"village", "trainer", "county"})
_REVIEWERS = frozenset({"township", "trainer", "county"})

#: action -> roles allowed to perform it.
PERMISSIONS: dict[str, frozenset[str]] = {
    # reading is open to every signed-in user
    "household.view": ALL_ROLES,
    # the household card (建档立卡) is kept by the village task force
    "household.edit": _EDITORS,
    "member.edit": _EDITORS,
    "income.edit": _EDITORS,
    "conditions.edit": _EDITORS,
    "helper.assign": _EDITORS | {"township"},
    "village.edit": _REVIEWERS,
    # field work (issue 4) and procedures
    "visit.record": _EDITORS,
    "measure.record": _EDITORS,
    "lifecycle.request": _EDITORS,
    "lifecycle.review": _REVIEWERS,
    "notice.print": ALL_ROLES,
    "report.print": ALL_ROLES,
    "data.export": ALL_ROLES,
    "data.import": _REVIEWERS,
    "sync.run": ALL_ROLES,
    "backup.create": ALL_ROLES,
    "backup.restore": _REVIEWERS,
    # the laptop's users: anyone may add colleagues, but only with roles they may grant (GRANTS)
    "user.manage": ALL_ROLES,
    "training.reset": frozenset({"trainer", "county"}),
}

#: role -> roles that a user with this role may give (or take away, or reset the passphrase of).
#: A village worker cannot create a county administrator and so cannot raise their own rights.
GRANTS: dict[str, frozenset[str]] = {
    "village": frozenset({"village"}),
    "trainer": frozenset({"village", "trainer"}),
    "township": frozenset({"village", "township"}),
    "county": ALL_ROLES,
}

_lock = threading.Lock()


def register_action(action: str, roles: Iterable[str]) -> None:
    """Add an action owned by another feature area; re-registering the same roles is allowed."""
    wanted = frozenset(roles)
    unknown = wanted - ALL_ROLES
    if unknown:
        raise ValueError(f"unknown roles for {action!r}: {sorted(unknown)}")
    with _lock:
        existing = PERMISSIONS.get(action)
        if existing is not None and existing != wanted:
            raise ValueError(f"action {action!r} is already registered with other roles")
        PERMISSIONS[action] = wanted


def allowed(role: str, action: str) -> bool:
    """True when ``role`` may perform ``action``; unknown actions are refused (fail closed)."""
    roles = PERMISSIONS.get(action)
    return roles is not None and role in roles


def actions_for(role: str) -> list[str]:
    """Every action ``role`` may perform (sorted), e.g. for a help screen."""
    return sorted(a for a, roles in PERMISSIONS.items() if role in roles)


def require(who: Any, action: str) -> None:
    """Raise ``user.not_allowed`` unless the signed-in user may do ``action``.

    ``who`` is a Database (its ``actor``), an Actor or a role code.
    """
    actor = getattr(who, "actor", who)
    role = actor if isinstance(actor, str) else getattr(actor, "role", "")
    if not allowed(role, action):
        raise BangfuError("user.not_allowed")


def may_grant(role: str, target_role: str) -> bool:
    """True when a user with ``role`` may create, remove or reset a user with ``target_role``."""
    return allowed(role, "user.manage") and target_role in GRANTS.get(role, frozenset())


def role_label(role: str, lang: str | None = None) -> str:
    return code_list("role").label(role, lang)


__all__ = ["ALL_ROLES", "GRANTS", "PERMISSIONS", "actions_for", "allowed", "may_grant", "register_action", "require", "role_label"]

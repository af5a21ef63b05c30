"""The laptop's users: add, remove, change passphrase, change role, sign in on a locked screen.

A user is two things that must agree: a key slot in ``<db>.keys`` (their passphrase wraps the
database key, see app.store.keyslots) and a ``LocalUser`` row (their role; kept, inactive, after
removal so the audit trail still names them). Each function changes both inside one write
transaction and saves the slot file before the commit; if anything fails the slot file is put
back, so the two never disagree. Every change is audited under the signed-in user.

Passphrases never reach the audit, logs or messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from app.domain import LocalUser, uuid7
from app.errors import BangfuError
from app.i18n import register
from app.services.passphrase import strength
from app.services.permissions import may_grant, require
from app.services.tx import write
from app.store.database import Actor, Database
from app.store.keyslots import Slot, SlotFile, unwrap, wrap
from app.validation import check_passphrase, check_role, check_user_name

register({
    "user.remove_self": ("不能删除当前登录的用户", "You cannot remove the user who is signed in"),
    "user.not_grantable": ("您的角色不能授予或管理“{role}”角色", "Your role cannot grant or manage the role '{role}'"),
    "user.own_role": ("不能更改自己的角色", "You cannot change your own role"),
    "user.old_passphrase": ("原口令不正确，口令未更改", "The current passphrase is wrong; nothing was changed"),
    "user.same_passphrase": ("新口令与原口令相同", "The new passphrase is the same as the current one"),
    "user.name_too_long": ("用户名最多 {max} 个字符", "The user name has at most {max} characters"),
})

MAX_NAME = 30


@dataclass(frozen=True)
class UserInfo:
    """What the user-management screen lists (no secrets)."""

    user_id: str
    name: str
    role: str
    is_current: bool


def list_users(db: Database) -> list[UserInfo]:
    """Active users with a key slot, in name order."""
    slotted = {s.user_id for s in db.slots.slots}
    return [UserInfo(u.id, u.name, u.role, u.id == db.actor.user_id) for u in db.users() if u.id in slotted]


def _role_of(db: Database, user_id: str) -> str:
    with db.read() as s:
        user = s.get(LocalUser, user_id)
        return user.role if user else ""


def _slot(slots: SlotFile, name: str) -> Slot:
    slot = slots.find(name)
    if slot is None:
        raise BangfuError("user.unknown", name=name.strip()[:MAX_NAME])
    return slot


class _SlotGuard:
    """Restore the in-memory and on-disk slot file if the transaction around it fails."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.before = list(db.slots.slots)
        self.saved = False

    def save(self) -> None:
        self.saved = True
        self.db.slots.save(self.db.path)

    def __enter__(self) -> _SlotGuard:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            return
        self.db.slots.slots[:] = self.before
        if self.saved:
            self.db.slots.save(self.db.path)


def add_user(db: Database, name: str, passphrase: str, role: str = "village",
             kdf: dict[str, int] | None = None) -> UserInfo:
    """Give a colleague their own passphrase for this laptop's database."""
    require(db, "user.manage")
    check_user_name(name)
    name = name.strip()
    if len(name) > MAX_NAME:
        raise BangfuError("user.name_too_long", max=MAX_NAME)
    check_role(role)
    if not may_grant(db.actor.role, role):
        raise BangfuError("user.not_grantable", role=role)
    check_passphrase(passphrase)
    if db.slots.find(name) is not None:
        raise BangfuError("user.exists", name=name)
    user_id = uuid7()
    with _SlotGuard(db) as guard, write(db) as tx:
        tx.session.add(LocalUser(id=user_id, name=name, role=role))
        tx.session.flush()
        tx.audit("user.create", "local_user", user_id, {"name": name, "role": role})
        db.slots.add(user_id, name, passphrase, db.key, kdf)
        guard.save()
    return UserInfo(user_id, name, role, False)


def remove_user(db: Database, name: str) -> None:
    """Take a user's access away (their slot); their row stays, inactive, for the audit trail."""
    require(db, "user.manage")
    slot = _slot(db.slots, name)
    if slot.user_id == db.actor.user_id:
        raise BangfuError("user.remove_self")
    if len(db.slots.slots) <= 1:
        raise BangfuError("user.last")
    role = _role_of(db, slot.user_id)
    if role and not may_grant(db.actor.role, role):
        raise BangfuError("user.not_grantable", role=role)
    with _SlotGuard(db) as guard, write(db) as tx:
        user = tx.session.get(LocalUser, slot.user_id)
        if user is not None:
            user.active = False
            tx.session.add(user)
            tx.session.flush()
        tx.audit("user.remove", "local_user", slot.user_id, {"name": slot.name})
        db.slots.remove(slot.name)
        guard.save()


def change_passphrase(db: Database, name: str, new_passphrase: str, old_passphrase: str | None = None,
                      kdf: dict[str, int] | None = None) -> None:
    """Change a passphrase: your own with the current one, a colleague's (reset) with user.manage."""
    slot = _slot(db.slots, name)
    own = slot.user_id == db.actor.user_id
    if own:
        if old_passphrase is None:
            raise BangfuError("user.old_passphrase")
        try:
            unwrap(db.slots.db_id, slot, old_passphrase)
        except BangfuError:
            raise BangfuError("user.old_passphrase") from None
        if old_passphrase == new_passphrase:
            raise BangfuError("user.same_passphrase")
    else:
        require(db, "user.manage")
        role = _role_of(db, slot.user_id)
        if role and not may_grant(db.actor.role, role):
            raise BangfuError("user.not_grantable", role=role)
    check_passphrase(new_passphrase)
    fresh = wrap(db.slots.db_id, slot.user_id, slot.name, new_passphrase, db.key, kdf or slot.kdf)
    with _SlotGuard(db) as guard, write(db) as tx:
        tx.audit("user.passphrase", "local_user", slot.user_id, {"name": slot.name, "reset": not own})
        index = db.slots.slots.index(slot)
        db.slots.slots[index] = fresh
        guard.save()


def set_role(db: Database, name: str, role: str) -> None:
    """Change a colleague's role (within what the signed-in user may grant)."""
    require(db, "user.manage")
    check_role(role)
    slot = _slot(db.slots, name)
    if slot.user_id == db.actor.user_id:
        raise BangfuError("user.own_role")
    current = _role_of(db, slot.user_id)
    for r in (current, role):
        if r and not may_grant(db.actor.role, r):
            raise BangfuError("user.not_grantable", role=r)
    if current == role:
        return
    with write(db) as tx:
        user = tx.session.get(LocalUser, slot.user_id)
        if user is None:
            raise BangfuError("user.unknown", name=slot.name)
        user.role = role
        tx.session.add(user)
        tx.session.flush()
        tx.audit("user.role", "local_user", slot.user_id, {"name": slot.name, "role": [current, role]})


def sign_in(db: Database, name: str, passphrase: str) -> Actor:
    """Unlock an already-open database as ``name`` (the lock screen; switching user).

    The passphrase must unwrap this database's key; the signed-in actor changes only on success,
    so a wrong passphrase leaves everything as it was.
    """
    slot, key = db.slots.unlock(name, passphrase)
    if key != db.key:
        raise BangfuError("store.wrong_passphrase", name=slot.name)
    with db.read() as s:
        user = s.exec(select(LocalUser).where(LocalUser.id == slot.user_id)).first()
    if user is None or not user.active:
        raise BangfuError("user.unknown", name=slot.name)
    db.actor = Actor(user.id, user.name, user.role)
    return db.actor


__all__ = ["UserInfo", "add_user", "change_passphrase", "list_users", "remove_user", "set_role", "sign_in",
           "strength"]

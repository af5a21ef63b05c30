"""Users of one laptop: slots and LocalUser rows stay in step, roles limit what each may grant."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from app.domain import AuditEntry, LocalUser
from app.errors import BangfuError
from app.services import permissions
from app.services.users import (
    add_user,
    change_passphrase,
    list_users,
    remove_user,
    set_role,
    sign_in,
    strength,
)
from app.store.database import create_database, open_database
from app.store.database import list_users as slot_names
from app.store.keyslots import SlotFile
from tests.conftest import FAST_KDF, PASSPHRASE, USER

OTHER = "another passphrase 2"


@pytest.fixture()
def county_db(db_path: Path):
    database = create_database(db_path, "管理员", PASSPHRASE, role="county", kdf=FAST_KDF)
    yield database
    database.close()


def _audit(db, action: str) -> list[AuditEntry]:
    with db.read() as s:
        return list(s.exec(select(AuditEntry).where(AuditEntry.action == action)))


def test_add_user_creates_slot_and_row_and_audit(db, db_path):
    info = add_user(db, " 王五 ", OTHER, role="village", kdf=FAST_KDF)
    assert info.name == "王五"
    assert slot_names(db_path) == [USER, "王五"]
    names = {u.name: u.role for u in list_users(db)}
    assert names == {USER: "village", "王五": "village"}
    entry = _audit(db, "user.create")[-1]
    assert entry.user_name == USER and entry.fields == {"name": "王五", "role": "village"}
    assert OTHER not in str(entry.fields)
    db.close()
    again = open_database(db_path, "王五", OTHER, check=False, backup=False)
    assert again.actor.name == "王五" and again.actor.role == "village"
    again.close()


def test_add_user_refusals_change_nothing(db, db_path):
    before = SlotFile.path_for(db_path).read_bytes()
    for kwargs, code in (
        ({"name": "", "passphrase": OTHER}, "user.name_required"),
        ({"name": "短", "passphrase": "short"}, "user.passphrase_short"),
        ({"name": USER, "passphrase": OTHER}, "user.exists"),
        ({"name": "乙", "passphrase": OTHER, "role": "boss"}, "user.bad_role"),
        ({"name": "乙", "passphrase": OTHER, "role": "county"}, "user.not_grantable"),
        ({"name": "乙" * 31, "passphrase": OTHER}, "user.name_too_long"),
    ):
        with pytest.raises(BangfuError) as exc:
            add_user(db, kdf=FAST_KDF, **kwargs)
        assert exc.value.code == code
    assert SlotFile.path_for(db_path).read_bytes() == before
    assert [u.name for u in list_users(db)] == [USER]


def test_failed_transaction_restores_slot_file(db, db_path, monkeypatch):
    before = SlotFile.path_for(db_path).read_bytes()
    import app.services.users as users

    def boom(*a, **k):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(users.SlotFile, "save", boom)
    with pytest.raises(RuntimeError):
        add_user(db, "王五", OTHER, kdf=FAST_KDF)
    monkeypatch.undo()
    assert SlotFile.path_for(db_path).read_bytes() == before
    assert db.slots.names() == [USER]
    with db.read() as s:
        assert s.exec(select(LocalUser).where(LocalUser.name == "王五")).first() is None


def test_remove_user(county_db, db_path):
    db = county_db
    add_user(db, "王五", OTHER, kdf=FAST_KDF)
    with pytest.raises(BangfuError) as exc:
        remove_user(db, "管理员")
    assert exc.value.code == "user.remove_self"
    with pytest.raises(BangfuError) as exc:
        remove_user(db, "nobody")
    assert exc.value.code == "user.unknown"
    remove_user(db, "王五")
    assert slot_names(db_path) == ["管理员"]
    with db.read() as s:
        row = s.exec(select(LocalUser).where(LocalUser.name == "王五")).one()
    assert row.active is False  # kept for the audit trail
    assert _audit(db, "user.remove")
    with pytest.raises(BangfuError) as exc:
        open_database(db_path, "王五", OTHER, check=False, backup=False)
    assert exc.value.code == "user.unknown"


def test_village_worker_cannot_remove_township_user(county_db):
    db = county_db
    add_user(db, "乡镇甲", OTHER, role="township", kdf=FAST_KDF)
    add_user(db, "村干部", OTHER, role="village", kdf=FAST_KDF)
    sign_in(db, "村干部", OTHER)
    with pytest.raises(BangfuError) as exc:
        remove_user(db, "乡镇甲")
    assert exc.value.code == "user.not_grantable"
    with pytest.raises(BangfuError) as exc:
        change_passphrase(db, "乡镇甲", "a new passphrase")
    assert exc.value.code == "user.not_grantable"
    assert "乡镇甲" in db.slots.names()


def test_change_own_passphrase(db, db_path):
    with pytest.raises(BangfuError) as exc:
        change_passphrase(db, USER, OTHER, old_passphrase="wrong wrong")
    assert exc.value.code == "user.old_passphrase"
    with pytest.raises(BangfuError) as exc:
        change_passphrase(db, USER, PASSPHRASE, old_passphrase=PASSPHRASE)
    assert exc.value.code == "user.same_passphrase"
    change_passphrase(db, USER, OTHER, old_passphrase=PASSPHRASE)
    entry = _audit(db, "user.passphrase")[-1]
    assert entry.fields == {"name": USER, "reset": False}
    db.close()
    with pytest.raises(BangfuError) as exc:
        open_database(db_path, USER, PASSPHRASE, check=False, backup=False)
    assert exc.value.code == "store.wrong_passphrase"
    open_database(db_path, USER, OTHER, check=False, backup=False).close()


def test_reset_colleague_passphrase(county_db, db_path):
    add_user(county_db, "王五", OTHER, kdf=FAST_KDF)
    change_passphrase(county_db, "王五", "reset by admin 1")
    assert _audit(county_db, "user.passphrase")[-1].fields["reset"] is True
    open_database(db_path, "王五", "reset by admin 1", check=False, backup=False).close()


def test_set_role(county_db):
    db = county_db
    add_user(db, "王五", OTHER, kdf=FAST_KDF)
    set_role(db, "王五", "township")
    assert {u.name: u.role for u in list_users(db)}["王五"] == "township"
    with pytest.raises(BangfuError) as exc:
        set_role(db, "管理员", "village")
    assert exc.value.code == "user.own_role"


def test_sign_in_switches_actor_only_on_success(county_db):
    db = county_db
    add_user(db, "王五", OTHER, kdf=FAST_KDF)
    before = db.actor
    with pytest.raises(BangfuError) as exc:
        sign_in(db, "王五", "not the passphrase")
    assert exc.value.code == "store.wrong_passphrase"
    assert db.actor == before
    actor = sign_in(db, "王五", OTHER)
    assert actor.name == "王五" and db.actor.role == "village"


def test_permissions_table():
    from app.codes import code_list

    assert set(code_list("role").codes()) == permissions.ALL_ROLES
    assert permissions.allowed("village", "household.edit")
    assert not permissions.allowed("township", "household.edit")
    assert not permissions.allowed("village", "no.such.action")
    assert permissions.may_grant("county", "county") and not permissions.may_grant("village", "township")
    with pytest.raises(BangfuError):
        permissions.require("township", "member.edit")
    permissions.require("trainer", "member.edit")
    with pytest.raises(ValueError):
        permissions.register_action("household.edit", ["county"])


def test_strength_hint_grows_with_length_and_variety():
    assert strength("") == 0
    assert strength("abc") == 0
    assert strength("aaaaaaaaaa") <= 1
    assert strength("correct1") < strength("correct horse battery 9")
    assert strength("correct horse battery 9!") == 4

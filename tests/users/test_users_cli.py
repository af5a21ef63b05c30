"""``bangfu init`` and ``bangfu user ...`` end to end (in-process, env-var passphrases)."""

from __future__ import annotations

import pytest

from app.cli import main
from app.store.database import list_users
from app.store.keyslots import SlotFile


@pytest.fixture()
def env(monkeypatch):
    import app.store.keyslots as ks

    monkeypatch.setattr(ks, "DEFAULT_KDF", {"n": 2**10, "r": 8, "p": 1})
    monkeypatch.setenv("BANGFU_USER", "管理员")
    monkeypatch.setenv("BANGFU_PASSPHRASE", "first passphrase")
    return monkeypatch


def test_init_then_user_commands(tmp_path, env, capsys):
    db = tmp_path / "x.db"
    assert main(["init", "--db", str(db), "--role", "township"]) == 0
    assert "township" not in capsys.readouterr().out  # the role is printed by its label
    assert list_users(db) == ["管理员"]
    assert main(["init", "--db", str(db)]) == 1  # refuses to overwrite
    env.setenv("BANGFU_NEW_PASSPHRASE", "second passphrase")
    assert main(["user", "add", "王五", "--db", str(db)]) == 0
    assert list_users(db) == ["管理员", "王五"]
    assert main(["user", "add", "赵六", "--role", "county", "--db", str(db)]) == 1
    assert "赵六" not in list_users(db)
    capsys.readouterr()
    assert main(["user", "list", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "王五" in out and "乡镇工作人员" in out
    assert main(["user", "role", "王五", "township", "--db", str(db)]) == 0
    before = SlotFile.path_for(db).read_text()
    env.setenv("BANGFU_NEW_PASSPHRASE", "third passphrase")
    assert main(["user", "passwd", "王五", "--db", str(db)]) == 0
    assert SlotFile.path_for(db).read_text() != before
    assert main(["user", "remove", "王五", "--db", str(db)]) == 0
    assert list_users(db) == ["管理员"]


def test_wrong_passphrase_is_a_clear_error(tmp_path, env, capsys):
    db = tmp_path / "x.db"
    assert main(["init", "--db", str(db)]) == 0
    env.setenv("BANGFU_PASSPHRASE", "wrong passphrase")
    env.setenv("BANGFU_NEW_PASSPHRASE", "second passphrase")
    assert main(["user", "add", "王五", "--db", str(db)]) == 1
    assert "口令不正确" in capsys.readouterr().err
    assert list_users(db) == ["管理员"]

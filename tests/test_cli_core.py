"""`bangfu` core commands: search, audit verify, backup/restore, errors, languages."""

from __future__ import annotations

import pytest

from app.cli import main
from app.store.database import _connect
from tests.conftest import PASSPHRASE, USER


@pytest.fixture()
def cli_db(db, household, db_path, monkeypatch):
    monkeypatch.setenv("BANGFU_USER", USER)
    monkeypatch.setenv("BANGFU_PASSPHRASE", PASSPHRASE)
    db.close()
    return db_path


def test_search_prints_the_household(cli_db, capsys):
    assert main(["search", "zs", "--db", str(cli_db)]) == 0
    out = capsys.readouterr().out
    assert "张三" in out and "5201230010010001" in out and "未脱贫" in out


def test_search_without_match_says_so(cli_db, capsys):
    assert main(["search", "qqqqq", "--db", str(cli_db)]) == 0
    assert "没有找到" in capsys.readouterr().out


def test_audit_verify_ok_then_tampered_exits_nonzero(cli_db, db, capsys):
    assert main(["audit", "verify", "--db", str(cli_db)]) == 0
    assert "审计日志完整" in capsys.readouterr().out
    conn = _connect(cli_db, db.key)
    conn.execute("UPDATE audit_entry SET user_name='someone else' WHERE seq=2")
    conn.close()
    assert main(["audit", "verify", "--db", str(cli_db)]) != 0
    out = capsys.readouterr().out
    assert "第 2 条" in out and "内容被修改" in out


def test_wrong_passphrase_is_a_clear_error(cli_db, monkeypatch, capsys):
    monkeypatch.setenv("BANGFU_PASSPHRASE", "wrong wrong wrong")
    assert main(["search", "zs", "--db", str(cli_db)]) == 1
    assert "口令不正确" in capsys.readouterr().err


def test_backup_and_restore_commands(cli_db, tmp_path, capsys):
    target = tmp_path / "copy.db"
    assert main(["backup", "--out", str(target), "--db", str(cli_db)]) == 0
    assert target.exists()
    assert main(["restore", str(target), "--db", str(cli_db)]) == 0
    assert "已恢复" in capsys.readouterr().out
    assert main(["search", "zs", "--db", str(cli_db)]) == 0


def test_english_help_and_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "en", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "usage:" in out and "search households" in out
    with pytest.raises(SystemExit):
        main(["--version"])
    assert "bangfu 0." in capsys.readouterr().out


def test_chinese_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "用法" in out and "搜索农户" in out

"""`bangfu visits-due`, `exit-check`, `at-risk`, `requests`."""

from __future__ import annotations

from datetime import date

import pytest

from app.cli import main
from app.services import lifecycle, registry
from tests.conftest import PASSPHRASE, USER


@pytest.fixture()
def env(monkeypatch):
    monkeypatch.setenv("BANGFU_USER", USER)
    monkeypatch.setenv("BANGFU_PASSPHRASE", PASSPHRASE)


def test_exit_check_prints_the_checklist(env, db, exit_ready, db_path, capsys):
    registry.update_conditions(db, exit_ready.id, {"house_danger_level": "D"})
    db.close()
    assert main(["exit-check", exit_ready.hh_number, "--year", "2020", "--db", str(db_path)]) == 4
    out = capsys.readouterr().out
    assert "[三保障]" in out and "✘ 住房安全有保障：住房鉴定为 D 级危房" in out
    assert "✔ 不愁吃" in out and "有 2 项未达标" in out
    assert main(["exit-check", "no-such", "--db", str(db_path)]) == 1


def test_visits_due_at_risk_and_requests(env, db, household, db_path, capsys):
    registry.assign_helper(db, household.id, "甲", date(2020, 1, 1), visit_every_days=30)
    registry.update_member(db, next(m.id for m in _members(db, household) if m.name == "李四"), {"health": "03"})
    lifecycle.file_request(db, household.id, lifecycle.REMOVE, 2026, reason="06")
    db.close()
    assert main(["visits-due", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "逾期" in out and "张三" in out and "甲" in out
    assert main(["at-risk", "--all", "--db", str(db_path)]) == 0
    assert "高风险" in capsys.readouterr().out
    assert main(["requests", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "剔除" in out and "草稿" in out
    assert main(["--lang", "en", "requests", "--status", "approved", "--db", str(db_path)]) == 0
    assert "No request" in capsys.readouterr().out


def _members(db, household):
    from sqlmodel import select

    from app.domain import Member

    with db.read() as s:
        return list(s.exec(select(Member).where(Member.household_id == household.id)))

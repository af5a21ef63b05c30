"""``bangfu demo``: creates a demo database with the known passphrase, refuses real data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.cli import main


@pytest.fixture()
def no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BANGFU_USER", raising=False)
    monkeypatch.delenv("BANGFU_PASSPHRASE", raising=False)


def test_creates_a_demo_database_with_the_known_passphrase(tmp_path: Path, capsys: Any, no_credentials: None) -> None:
    from app.demo import DEMO_PASSPHRASE, DEMO_USER
    from app.store.database import open_database

    path = tmp_path / "demo.db"
    assert main(["demo", "--households", "40", "--seed", "3", "--db", str(path)]) == 0
    out, err = capsys.readouterr()
    assert DEMO_PASSPHRASE in err and "演示" in err
    assert "40 户" in out
    db = open_database(path, DEMO_USER, DEMO_PASSPHRASE)
    try:
        assert db.meta("demo") == "1" and db.meta("demo_seed") == "3"
    finally:
        db.close()
    # a second run refuses to add more; --replace generates again (and no notice: nothing created)
    assert main(["demo", "--households", "40", "--seed", "3", "--db", str(path)]) == 1
    assert "--replace" in capsys.readouterr().err
    assert main(["demo", "--households", "50", "--seed", "4", "--scenario", "exit_year", "--replace",
                 "--db", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "50 户" in out and DEMO_PASSPHRASE not in err


def test_uses_the_given_credentials(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    from app.store.database import open_database

    monkeypatch.setenv("BANGFU_USER", "培训员")
    monkeypatch.setenv("BANGFU_PASSPHRASE", "a long training passphrase")
    path = tmp_path / "demo.db"
    assert main(["--lang", "en", "demo", "--households", "30", "--db", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "30 households" in out and "well-known passphrase" not in err
    open_database(path, "培训员", "a long training passphrase").close()


def test_refuses_a_database_with_real_households(db_path: Path, db: Any, household: Any, capsys: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import PASSPHRASE, USER

    db.close()
    monkeypatch.setenv("BANGFU_USER", USER)
    monkeypatch.setenv("BANGFU_PASSPHRASE", PASSPHRASE)
    assert main(["demo", "--households", "20", "--db", str(db_path)]) == 1
    assert "真实" in capsys.readouterr().err


def test_unknown_scenario_is_a_usage_error(tmp_path: Path, capsys: Any) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["demo", "--scenario", "nope", "--db", str(tmp_path / "x.db")])
    assert exc.value.code == 2
    assert not (tmp_path / "x.db").exists()

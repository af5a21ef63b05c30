"""The training sandbox: where it lives, what it refuses, create/reset/switch, and the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app import training
from app.domain import Household, OutboxOp
from app.errors import BangfuError
from app.i18n import t_in
from app.services import registry
from tests.conftest import FAST_KDF, PASSPHRASE, USER


def test_training_sandbox_path_is_its_own_folder_beside_the_real_database(home: Path) -> None:
    assert training.sandbox_path() == home / "training" / "bangfu-training.db"
    other = home / "elsewhere" / "real.db"
    assert training.sandbox_path(other) == home / "elsewhere" / "training" / "bangfu-training.db"


@pytest.mark.parametrize("where", ["real", "real_folder", "no_training_folder", "default_real"])
def test_training_refuses_any_path_that_could_be_real_data(home: Path, where: str) -> None:
    real = home / "work" / "bangfu.db"
    path = {"real": real, "real_folder": real.parent / "sandbox.db",
            "no_training_folder": home / "practice" / "bangfu-training.db",
            "default_real": home / "bangfu.db"}[where]
    with pytest.raises(BangfuError) as err:
        training.ensure_sandbox("fresh_village", path, real_db=real, kdf=FAST_KDF)
    assert err.value.code in ("training.real_path", "training.bad_folder")
    assert not path.exists()
    with pytest.raises(BangfuError):
        training.reset_training("fresh_village", path, real_db=real, kdf=FAST_KDF)
    with pytest.raises(BangfuError):
        training.remove_sandbox(path, real_db=real)


def test_training_sandbox_is_a_training_database_from_the_demo_generator(sandbox: Any, sandbox_db: Any) -> None:
    assert sandbox_db.is_training
    assert sandbox_db.meta("demo") == "1" and sandbox_db.meta("demo_scenario") == "exit_year"
    with sandbox_db.read() as s:
        assert len(s.exec(select(Household)).all()) == training.scenario("exit_year").households
    # the well-known sign-in is what is shown on screen
    assert t_in("zh_CN", "training.credentials", user=sandbox.user, passphrase=sandbox.passphrase).count(
        sandbox.passphrase) == 1


def test_training_reset_throws_the_trainees_work_away(home: Path, sandbox: Any, sandbox_db: Any) -> None:
    with sandbox_db.read() as s:
        hh = s.exec(select(Household).order_by(Household.id)).first()
    registry.update_household(sandbox_db, hh.id, {"phone": "13800000000"})
    with sandbox_db.read() as s:
        assert s.get(Household, hh.id).phone == "13800000000"
        assert s.exec(select(OutboxOp)).first() is not None
    sandbox_db.close()

    fresh = training.reset_training(path=sandbox.path, kdf=FAST_KDF)
    assert fresh.scenario == "exit_year"  # None keeps the scenario
    db = training.open_sandbox(fresh)
    try:
        with db.read() as s:
            assert s.get(Household, hh.id).phone != "13800000000"  # same seed: same ids, clean data
            assert s.exec(select(OutboxOp)).first() is None
    finally:
        db.close()


def test_training_picking_another_scenario_starts_that_scenario(sandbox: Any) -> None:
    switched = training.ensure_sandbox("fresh_village", sandbox.path, kdf=FAST_KDF)
    assert switched.scenario == "fresh_village"
    assert training.ensure_sandbox(None, sandbox.path).scenario == "fresh_village"  # None keeps it
    db = training.open_sandbox(switched)
    try:
        assert db.meta("demo_scenario") == "fresh_village" and db.is_training
    finally:
        db.close()
    with pytest.raises(BangfuError) as err:
        training.ensure_sandbox("no_such_scenario", sandbox.path)
    assert err.value.code == "training.bad_scenario"


def test_training_will_not_delete_a_real_database_put_in_the_training_folder(home: Path) -> None:
    from app.store.database import create_database

    path = home / "training" / "bangfu-training.db"
    create_database(path, USER, PASSPHRASE, kdf=FAST_KDF).close()
    before = path.read_bytes()
    with pytest.raises(BangfuError) as err:
        training.reset_training("fresh_village", path, kdf=FAST_KDF)
    assert err.value.code == "training.not_sandbox"
    assert path.read_bytes() == before


def test_training_scenarios_have_titles_and_descriptions_in_both_languages() -> None:
    assert training.DEFAULT_SCENARIO in training.SCENARIO_NAMES
    for name in training.SCENARIO_NAMES:
        for lang in ("zh_CN", "en"):
            for code in (f"training.scenario.{name}", f"training.scenario.{name}.desc"):
                text = t_in(lang, code)
                assert text != code and len(text) > 4
        assert t_in("zh_CN", f"training.scenario.{name}") != t_in("en", f"training.scenario.{name}")


def test_training_cli_prepares_the_sandbox_and_prints_the_sign_in(home: Path, capsys: pytest.CaptureFixture[str]
                                                                  ) -> None:
    from app.cli import main

    assert main(["training", "--no-gui", "--scenario", "fresh_village"]) == 0
    out = capsys.readouterr().out
    path = home / "training" / "bangfu-training.db"
    assert str(path) in out and "demo-passphrase" in out and "新识别的贫困村" in out
    assert training.sandbox_info(path).scenario == "fresh_village"
    assert not (home / "bangfu.db").exists()
    assert main(["training", "--list"]) == 0
    assert "exit_year" in capsys.readouterr().out


def test_training_cli_opens_the_desktop_on_the_sandbox_signed_in(home: Path, sandbox: Any,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.app
    from ui.launcher import main

    opened: list[tuple[Path, str | None, str | None]] = []
    for name in ("BANGFU_USER", "BANGFU_PASSPHRASE"):  # recorded, so what the command sets is undone
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)

    def run(path: Path) -> int:
        import os

        opened.append((Path(path), os.environ.get("BANGFU_USER"), os.environ.get("BANGFU_PASSPHRASE")))
        return 0

    monkeypatch.setattr(ui.app, "run", run)
    assert main(["training"]) == 0
    assert opened == [(sandbox.path, sandbox.user, sandbox.passphrase)]
    assert opened[0][0] != home / "bangfu.db"


def test_training_sandbox_recovers_from_a_creation_cut_short(home: Path) -> None:
    path = home / "training" / "bangfu-training.db"
    path.parent.mkdir()
    Path(f"{path}.keys").write_text("{}", encoding="utf-8")  # the key slots were written, then power failed
    sandbox = training.ensure_sandbox("fresh_village", path, kdf=FAST_KDF)
    db = training.open_sandbox(sandbox)
    try:
        assert db.is_training and db.meta("demo_scenario") == "fresh_village"
    finally:
        db.close()


def test_training_cli_serves_the_demo_county_server(home: Path, sandbox: Any, capsys: pytest.CaptureFixture[str]
                                                    ) -> None:
    """``bangfu training --serve-demo-server --no-gui``: the sandbox is enrolled and its data handed over."""
    import threading

    from app.cli import build_parser
    from app.commands.training import cmd_training
    from app.sync.client import status

    args = build_parser().parse_args(["training", "--serve-demo-server", "--no-gui"])
    stop = threading.Event()
    stop.set()  # serve, then stop at once (Ctrl+C in real use)
    assert cmd_training(args, stop) == 0
    out = capsys.readouterr().out
    assert "演示县服务器：http://127.0.0.1:" in out and "上传" in out
    db = training.open_sandbox(sandbox)
    try:
        info = status(db)
        assert info["enrolled"] and info["server"].startswith("http://127.0.0.1:") and info["role"] == "village"
    finally:
        db.close()
    from server.training_demo import running_for

    assert running_for(sandbox.folder) is None  # stopped when the command ended

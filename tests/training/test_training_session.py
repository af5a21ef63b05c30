"""Training mode in the desktop: one click to the sandbox, reset and scenario switch with a
confirmation, the banner and 【培训】 on every training window and dialog, tours started from a
window on the real database run in the sandbox, and the real database is left alone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from shiboken6 import isValid
from sqlmodel import select

from app import training
from app.domain import Household
from app.services import registry
from tests.training.conftest import settle, tree_hashes
from tests.ui.ui_testkit import attach, open_card
from ui.training import session
from ui.training.marker import BANNER_NAME


@pytest.fixture()
def real_window(qtbot: Any, zh_ui: Any, ui_settings: Any, home: Any, db: Any, household: Any,
                monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A main window on the real database (``home/bangfu.db``, one household 张三)."""
    from ui.main_window import MainWindow

    assert db.path == home / "bangfu.db" and not db.is_training
    win = MainWindow(ui_settings)
    # settled before pytest-qt closes it, also after a failure (see test_training_tours.twin)
    qtbot.addWidget(win, before_close_func=lambda w: settle(qtbot, monkeypatch, *session.training_windows(), w))
    win.resize(1280, 800)
    win.show()
    attach(qtbot, win, db)
    qtbot.waitUntil(lambda: hasattr(win, "training_menu"), timeout=10000)  # plugins follow the first rows
    yield win
    settle(qtbot, monkeypatch, *session.training_windows(), win)


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """Make the confirmation box answer ``button``; returns the texts it was asked."""
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def new_training_window(qtbot: Any, trigger: Any) -> Any:
    """Trigger an action that opens a training window; wait until its sandbox is attached."""
    before = set(map(id, session.training_windows()))
    trigger()
    fresh = [w for w in session.training_windows() if id(w) not in before]
    assert len(fresh) == 1
    win = fresh[0]  # deleted on close (the real_window fixture closes what is left)
    if win.db is None:
        with qtbot.waitSignal(win.database_attached, timeout=30000):
            pass
    attach_wait(qtbot, win)
    return win


def attach_wait(qtbot: Any, win: Any) -> None:
    from tests.ui.ui_testkit import wait_rows

    qtbot.waitUntil(lambda: not win.list_model.loading, timeout=10000)
    wait_rows(qtbot, win)
    qtbot.waitUntil(lambda: hasattr(win, "training_menu"), timeout=10000)  # plugins follow the first rows


def test_training_open_sandbox_in_one_click_beside_the_real_window(qtbot: Any, real_window: Any, sandbox: Any,
                                                                  home: Any) -> None:
    def real_files() -> dict[str, str]:
        return {k: v for k, v in tree_hashes(home).items() if not k.endswith(("-wal", "-shm", ".ini"))}

    before = real_files()
    menu = real_window.training_menu
    assert menu.act_open.isVisible() and not menu.act_leave.isVisible()
    assert real_window.findChild(QLabel, BANNER_NAME) is None
    assert "【培训】" not in real_window.windowTitle()

    twin = new_training_window(qtbot, menu.act_open.trigger)
    assert twin.db.is_training and twin.db.path == sandbox.path
    assert twin.windowTitle().startswith("【培训】")
    qtbot.waitUntil(twin.findChild(QLabel, BANNER_NAME).isVisible, timeout=5000)
    assert twin.list_model.rowCount() == training.scenario("exit_year").households
    # a second click brings the same window forward instead of opening another
    menu.act_open.trigger()
    assert session.training_windows() == [twin]

    # work in the sandbox …
    with twin.db.read() as s:
        hh = s.exec(select(Household).order_by(Household.id)).first()
    registry.update_household(twin.db, hh.id, {"phone": "13700000000"})
    # … leaves the real window, its database and its files as they were
    assert real_window.db.path == home / "bangfu.db" and not real_window.db.is_training
    with real_window.db.read() as s:
        assert [h.head_name for h in s.exec(select(Household))] == ["张三"]
    assert real_files() == before
    assert real_window.settings.last_user == real_window.db.actor.name  # not the trainee


def test_training_dialogs_of_a_training_window_carry_the_banner(qtbot: Any, real_window: Any, sandbox: Any,
                                                               household: Any) -> None:
    real_card = open_card(qtbot, real_window, household.id)
    real_dialog = real_card.members.add()
    assert real_dialog.findChild(QLabel, BANNER_NAME) is None and "【培训】" not in real_dialog.windowTitle()
    real_dialog.reject()

    twin = new_training_window(qtbot, real_window.training_menu.act_open.trigger)
    hid = twin.list_model.row_data(0).id
    card = open_card(qtbot, twin, hid)
    dialog = card.members.add()
    banner = dialog.findChild(QLabel, BANNER_NAME)
    assert banner is not None and banner.isVisible() and "培训模式" in banner.text()
    assert dialog.windowTitle().startswith("【培训】")
    dialog.reject()


def test_training_reset_asks_first_then_starts_clean(qtbot: Any, real_window: Any, sandbox: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    twin = new_training_window(qtbot, real_window.training_menu.act_open.trigger)
    hid = twin.list_model.row_data(0).id
    registry.update_household(twin.db, hid, {"phone": "13600000000"})

    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    twin.training_menu.reset_button.click()
    assert asked and "正式数据库不受任何影响" in asked[0]
    assert session.training_windows() == [twin]  # "No" keeps everything
    with twin.db.read() as s:
        assert s.get(Household, hid).phone == "13600000000"

    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    fresh = new_training_window(qtbot, twin.training_menu.act_reset.trigger)
    assert not isValid(twin) and session.training_windows() == [fresh]  # the old session is gone
    with fresh.db.read() as s:
        assert s.get(Household, hid).phone != "13600000000"  # same seed, same household, clean data
    assert fresh.training_menu.scenario() == "exit_year"


def test_training_pick_a_scenario(qtbot: Any, real_window: Any, sandbox: Any, monkeypatch: pytest.MonkeyPatch
                                  ) -> None:
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    menu = real_window.training_menu
    menu._check_scenario()
    assert menu.act_scenario["exit_year"].isChecked()
    twin = new_training_window(qtbot, menu.act_scenario["fresh_village"].trigger)
    assert "新识别的贫困村" in asked[0]
    assert twin.db.meta("demo_scenario") == "fresh_village"
    assert "新识别的贫困村" in twin.training_menu.scenario_label.text()
    assert twin.list_model.rowCount() == training.scenario("fresh_village").households


def test_training_tour_from_the_real_window_runs_in_the_sandbox(qtbot: Any, real_window: Any, sandbox: Any) -> None:
    from ui.tours.engine import forget_progress

    forget_progress("find_household")
    menu = real_window.training_menu
    menu.fill_tours_menu()
    tours = [a for a in menu.tours_menu.actions() if a.objectName().startswith("tour_")]
    assert [a.objectName()[5:] for a in tours] == ["find_household", "correct_card", "record_visit", "log_measure",
                                                  "exit_request", "exit_notice", "sync"]
    assert all(a.isEnabled() for a in tours)
    act = tours[0]
    assert act.text() == "用拼音查找农户"

    twin = new_training_window(qtbot, act.trigger)
    qtbot.waitUntil(lambda: twin.training_menu.runner is not None, timeout=15000)  # may have started already
    runner = twin.training_menu.runner
    assert runner.window is twin and runner.ctx.db.is_training
    assert runner.bubble.isVisible() and "搜索框" in runner.bubble.text.text()
    runner.stop()


def test_training_tours_speak_english_too(qtbot: Any, real_window: Any, sandbox: Any) -> None:
    twin = new_training_window(qtbot, real_window.training_menu.act_open.trigger)
    twin.set_language("en")
    try:
        assert twin.windowTitle().startswith("【TRAINING】") and "【培训】" not in twin.windowTitle()
        assert "TRAINING MODE" in twin.training_menu.banner.text()
        assert twin.training_menu.menu.title() == "&Training mode"
        with qtbot.waitSignal(twin.training_menu.tour_started, timeout=15000) as started:
            twin.training_menu.start_tour("find_household", 0)
        runner = started.args[0]
        assert "search box" in runner.bubble.text.text() and "step 1 of 4" in runner.bubble.heading.text()
        runner.stop()
    finally:
        twin.set_language("zh_CN")


def test_training_menu_runs_the_demo_county_server(qtbot: Any, real_window: Any, sandbox: Any) -> None:
    """Start the demo server from the menu: the sandbox is enrolled and syncs with it; stop it again."""
    from app.sync import client

    twin = new_training_window(qtbot, real_window.training_menu.act_open.trigger)
    menu = twin.training_menu
    assert not real_window.training_menu.act_server.isVisible() and menu.act_server.isVisible()
    with qtbot.waitSignal(menu.server_changed, timeout=60000) as started:
        menu.act_server.trigger()
    url = started.args[0]
    assert url.startswith("http://127.0.0.1:") and url in menu.act_server.text()

    hid = twin.list_model.row_data(0).id
    registry.update_household(twin.db, hid, {"phone": "13500000000"})
    report = client.sync(twin.db)
    assert report.applied == 1 and report.rejected == 0
    with menu.server.db.read() as s:
        from server.models import Record

        assert s.get(Record, ("household", hid)).data["phone"] == "13500000000"

    with qtbot.waitSignal(menu.server_changed, timeout=10000) as stopped:
        menu.act_server.trigger()
    assert stopped.args[0] == "" and menu.server is None

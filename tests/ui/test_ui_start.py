"""First run, unlock (right and wrong passphrase), the lock screen and auto-lock, users dialog."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtCore import Qt
from ui_testkit import attach

from app.store.database import create_database, list_users
from tests.conftest import FAST_KDF, PASSPHRASE, USER


def test_first_run_creates_database_and_first_user(qtbot, zh_ui, tmp_path):
    from ui.dialogs.first_run import FirstRunDialog

    path = tmp_path / "new" / "bangfu.db"
    dialog = FirstRunDialog(path, kdf=FAST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.create_choice, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 1
    dialog.name.setText("第一书记")
    dialog.role.set_code("township")
    qtbot.keyClicks(dialog.passphrase, "short")
    assert "太短" in dialog.strength.text.text()
    dialog.create()
    assert dialog.pass_error.isVisible() and not path.exists()
    dialog.passphrase.setText("a long enough passphrase 1")
    assert dialog.strength.score() >= 3
    dialog.again.setText("a different one")
    dialog.create()
    assert "不一致" in dialog.again_error.text() and not path.exists()
    dialog.again.setText("a long enough passphrase 1")
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    db = dialog.database
    try:
        assert db.actor.name == "第一书记" and db.actor.role == "township"
        assert list_users(path) == ["第一书记"]
    finally:
        db.close()


def test_first_run_demo_without_generator_says_so(qtbot, zh_ui, tmp_path, monkeypatch):
    from ui.dialogs.first_run import FirstRunDialog

    monkeypatch.setitem(sys.modules, "app.demo", types.ModuleType("app.demo"))
    dialog = FirstRunDialog(tmp_path / "x.db", kdf=FAST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    from ui.workers import dispatcher

    with qtbot.waitSignal(dispatcher().idle_changed, timeout=10000):
        dialog.open_demo()
    assert "演示数据生成器" in dialog.choose_message.text()
    assert dialog.result() == 0 and dialog.database is None


def test_first_run_demo_opens_demo_database(qtbot, zh_ui, tmp_path, monkeypatch):
    from ui.dialogs.first_run import FirstRunDialog

    fake = types.ModuleType("app.demo")

    def ensure_demo_database(path, training=False):
        create_database(path, "演示用户", "demo-passphrase", kdf=FAST_KDF, training=training).close()
        return "演示用户", "demo-passphrase"

    fake.ensure_demo_database = ensure_demo_database
    monkeypatch.setitem(sys.modules, "app.demo", fake)
    dialog = FirstRunDialog(tmp_path / "real.db", kdf=FAST_KDF)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.open_demo()
    db = dialog.database
    try:
        assert db.actor.name == "演示用户" and db.is_training
        assert db.path.parent.name == "demo" and not (tmp_path / "real.db").exists()
    finally:
        db.close()


@pytest.fixture()
def closed_db(db_path):
    create_database(db_path, USER, PASSPHRASE, kdf=FAST_KDF).close()
    return db_path


def test_unlock_wrong_then_right(qtbot, zh_ui, closed_db):
    from ui.dialogs.unlock import UnlockDialog

    before = closed_db.read_bytes()
    dialog = UnlockDialog(closed_db, USER)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.panel
    assert panel.user.currentText() == USER
    panel.submit()
    assert "请输入口令" in panel.message.text()
    qtbot.keyClicks(panel.passphrase, "wrong passphrase")
    with qtbot.waitSignal(panel.failed, timeout=20000):
        qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)
    assert "口令不正确" in panel.message.text() and panel.message.isVisible()
    assert panel.passphrase.text() == "" and panel.passphrase.isEnabled()
    assert dialog.isVisible() and dialog.database is None
    assert closed_db.read_bytes() == before  # nothing touched
    qtbot.keyClicks(panel.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    dialog.database.close()
    assert dialog.database.actor.name == USER


def test_lock_screen_and_auto_lock(qtbot, window, db, household):
    from app.services.users import add_user

    add_user(db, "王五", "second passphrase", kdf=FAST_KDF)
    attach(qtbot, window, db)
    card = window.open_household(household.id)
    with qtbot.waitSignal(card.loaded, timeout=10000):
        pass
    with qtbot.waitSignal(window.lock_changed, timeout=5000) as blocker:
        window.idle.set_timeout_ms(30)
    assert blocker.args == [True]
    assert window.stack.currentWidget() is window.lock_page
    assert not window.menuBar().isEnabled() and not window.permitted("household.edit")
    panel = window.lock_panel
    panel.passphrase.setText("wrong wrong")
    with qtbot.waitSignal(panel.failed, timeout=20000):
        panel.submit()
    assert window.locked
    # another member of the task force signs in: the previous user's open cards are closed
    panel.user.setCurrentText("王五")
    panel.passphrase.setText("second passphrase")
    with qtbot.waitSignal(window.lock_changed, timeout=20000) as blocker:
        panel.submit()
    assert blocker.args == [False]
    assert db.actor.name == "王五" and window.cards() == []
    assert "王五" in window.user_label.text()
    assert window.stack.currentWidget() is window.workspace
    window.idle.set_timeout_ms(0)


def test_users_dialog_add_and_remove(qtbot, window, db, monkeypatch):
    import app.store.keyslots as ks
    from ui.dialogs.users import UsersDialog

    monkeypatch.setattr(ks, "DEFAULT_KDF", FAST_KDF)
    attach(qtbot, window, db)
    dialog = UsersDialog(db, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10000)
    add = dialog.add()
    add.name.setText("王五")
    add.new.setText("second passphrase")
    add.again.setText("second passphrase 2")
    add.check()
    assert "不一致" in add.message.text() and add.isVisible()
    add.again.setText("second passphrase")
    with qtbot.waitSignal(dialog.done_action, timeout=20000) as blocker:
        add.check()
    assert blocker.args == [True]
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10000)
    assert list_users(db.path) == [USER, "王五"]
    with qtbot.waitSignal(dialog.done_action, timeout=20000) as blocker:
        dialog.remove_confirmed(USER)  # the signed-in user cannot remove themselves
    assert blocker.args == [False] and "不能删除当前登录的用户" in dialog.message.text()
    with qtbot.waitSignal(dialog.done_action, timeout=20000):
        dialog.remove_confirmed("王五")
    assert list_users(db.path) == [USER]


def test_bangfu_without_arguments_starts_the_gui(monkeypatch, tmp_path):
    import ui.app
    from ui.launcher import main

    seen = {}
    monkeypatch.setattr(ui.app, "run", lambda path: seen.setdefault("path", path) and 0)
    assert main(["--db", str(tmp_path / "x.db")]) == 0
    assert seen["path"] == tmp_path / "x.db"


def test_core_command_line_without_a_desktop_app_says_so(monkeypatch, tmp_path, capsys):
    """app.cli never imports the GUI: called without a runner, no arguments is a clear error."""
    import ui.app
    from app.cli import main

    monkeypatch.setattr(ui.app, "run", lambda path: pytest.fail("the core must not start the GUI by itself"))
    assert main(["--lang", "en", "--db", str(tmp_path / "x.db")]) == 1
    assert "no desktop app" in capsys.readouterr().err

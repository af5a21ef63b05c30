"""Users (passphrases, roles deciding what each may do), preferences remembered in QSettings,
auto-lock time, large text, keyboard shortcuts, dates and amounts as users read them, and a
closing window that takes its reminders with it."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from ui_testkit import attach, open_card

from app.domain import Visit
from app.services import registry
from app.services.tx import write
from app.services.users import add_user, list_users
from app.store.database import create_database, open_database
from tests.conftest import FAST_KDF, PASSPHRASE, USER


@pytest.fixture()
def county_db(tmp_path, monkeypatch):
    """A database whose signed-in user is the county administrator (may grant every role)."""
    import app.store.keyslots as ks

    monkeypatch.setattr(ks, "DEFAULT_KDF", FAST_KDF)
    db = create_database(tmp_path / "county.db", USER, PASSPHRASE, role="county", kdf=FAST_KDF)
    yield db
    db.close()


def _can_open(path, name, passphrase):
    try:
        open_database(path, name, passphrase, check=False, backup=False).close()
    except Exception:
        return False
    return True


def test_users_dialog_passphrases_and_roles(qtbot, qtmodeltester, zh_ui, county_db):
    from ui.dialogs.users import UsersDialog

    db = county_db
    add_user(db, "王五", "second passphrase", kdf=FAST_KDF)
    dialog = UsersDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10000)
    qtmodeltester.check(dialog.model)
    names = [u.name for u in dialog.model.rows()]
    dialog.table.selectRow(names.index(USER))
    # nobody changes their own role or removes themselves
    assert not dialog.role_button.isEnabled() and not dialog.remove_button.isEnabled()
    dialog.table.selectRow(names.index("王五"))
    assert dialog.role_button.isEnabled() and dialog.reset_button.isEnabled()

    # a role is given, and shown in the list in words
    dialog.role_combo.set_code("township")
    with qtbot.waitSignal(dialog.done_action, timeout=20000) as blocker:
        dialog.role_button.click()
    assert blocker.args == [True]
    assert {u.name: u.role for u in list_users(db)}["王五"] == "township"
    qtbot.waitUntil(lambda: "乡镇工作人员" in [dialog.model.data(dialog.model.index(r, 1)) for r in range(2)],
                    timeout=10000)

    # a colleague's passphrase is reset
    reset = dialog.reset()
    qtbot.addWidget(reset)
    reset.new.setText("brand new passphrase")
    reset.again.setText("brand new passphrase")
    with qtbot.waitSignal(dialog.done_action, timeout=20000) as blocker:
        reset.check()
    assert blocker.args == [True]
    assert _can_open(db.path, "王五", "brand new passphrase") and not _can_open(db.path, "王五", "second passphrase")

    # my own passphrase: the current one must be right
    own = dialog.change_own()
    qtbot.addWidget(own)
    own.old.setText("not my passphrase")
    own.new.setText("my next passphrase")
    own.again.setText("my next passphrase")
    with qtbot.waitSignal(dialog.done_action, timeout=20000) as blocker:
        own.check()
    assert blocker.args == [False] and dialog.message.text()
    assert _can_open(db.path, USER, PASSPHRASE)
    own = dialog.change_own()
    qtbot.addWidget(own)
    own.old.setText(PASSPHRASE)
    own.new.setText("my next passphrase")
    own.again.setText("my next passphrase")
    with qtbot.waitSignal(dialog.done_action, timeout=20000) as blocker:
        own.check()
    assert blocker.args == [True]
    assert _can_open(db.path, USER, "my next passphrase") and not _can_open(db.path, USER, PASSPHRASE)


def test_village_worker_may_only_add_village_workers(qtbot, zh_ui, db):
    from ui.dialogs.users import PassphraseDialog

    dialog = PassphraseDialog("add", actor_role=db.actor.role)
    qtbot.addWidget(dialog)
    offered = [dialog.role.itemData(i) for i in range(dialog.role.count())]
    assert offered == ["village"]


def test_role_decides_what_the_window_allows(qtbot, window, db, household, monkeypatch):
    """A village worker edits the card; township staff signing in on the same laptop read it and
    review requests, but cannot edit it."""
    import dataclasses

    import app.store.keyslots as ks

    monkeypatch.setattr(ks, "DEFAULT_KDF", FAST_KDF)
    me = db.actor
    db.actor = dataclasses.replace(me, role="county")  # only a county administrator may add one
    add_user(db, "乡干部", "township passphrase", role="township", kdf=FAST_KDF)
    db.actor = me
    attach(qtbot, window, db)
    card = open_card(qtbot, window, household.id)
    assert window.permitted("household.edit") and not window.permitted("lifecycle.review")
    assert card.basic.save_button.isEnabled() and not card.basic.form.widget("phone").isReadOnly()
    assert card.members.add_button.isEnabled() and card.income.save_button.isEnabled()
    assert "村级工作队员" in window.user_label.text()

    window.lock()
    panel = window.lock_panel
    panel.user.setCurrentText("乡干部")
    panel.passphrase.setText("township passphrase")
    with qtbot.waitSignal(window.lock_changed, timeout=20000):
        panel.submit()
    assert db.actor.role == "township" and "乡镇工作人员" in window.user_label.text()
    assert not window.permitted("household.edit") and window.permitted("lifecycle.review")
    card = open_card(qtbot, window, household.id)
    assert not card.basic.save_button.isEnabled() and card.basic.form.widget("phone").isReadOnly()
    assert not card.members.add_button.isEnabled() and not card.income.save_button.isEnabled()


def test_preferences_apply_and_are_remembered(qtbot, window, ui_settings):
    from ui import settings as settings_module
    from ui.dialogs.preferences import PreferencesDialog

    size_before = QApplication.font().pointSizeF()
    row_before = window.table.verticalHeader().defaultSectionSize()
    assert ui_settings.lock_minutes == 10 and window.idle.timeout_ms == 10 * 60_000  # the default

    def choose():
        dialog = window.findChild(PreferencesDialog)
        dialog.lock.setCurrentIndex(dialog.lock.findData(5))
        dialog.font_scale.setCurrentIndex(dialog.font_scale.findData(125))
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.accept()

    QTimer.singleShot(0, choose)
    window.preferences()  # modal: the timer answers it
    try:
        assert window.idle.timeout_ms == 5 * 60_000
        assert QApplication.font().pointSizeF() == pytest.approx(size_before * 1.25, rel=0.05)
        assert window.table.verticalHeader().defaultSectionSize() > row_before
        assert window.menuBar().actions()[0].text() == "&File"
        assert window.act_font[125].isChecked()
        # remembered: a new session reads the same choices
        again = settings_module.Settings()
        assert (again.lock_minutes, again.font_scale, again.language) == (5, 125, "en")
        # the window's size is remembered too
        window.set_font_scale(100)
        window.set_language("zh_CN")
        window.resize(window.width(), 523)
        assert window.height() == 523
        window.close()
        assert settings_module.Settings().geometry("main") == window.saveGeometry()
        second = type(window)(settings_module.Settings())
        qtbot.addWidget(second)
        assert second.height() == 523  # (the width is kept within the small offscreen screen)
        assert second.idle.timeout_ms == 5 * 60_000 and second.act_font[100].isChecked()
        second.idle.stop()
    finally:
        window.set_font_scale(100)
        window.set_language("zh_CN")
    assert QApplication.font().pointSizeF() == pytest.approx(size_before)


def test_never_lock_and_ctrl_l(qtbot, window, db, household):
    attach(qtbot, window, db)
    window.idle.set_minutes(0)
    assert not window.idle.timer.isActive()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    with qtbot.waitSignal(window.lock_changed, timeout=5000) as blocker:
        qtbot.keyClick(window.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [True] and window.locked


def test_keyboard_find_open_and_escape(qtbot, window, db, household):
    attach(qtbot, window, db)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.focus_list()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    with qtbot.waitSignal(window.list_model.loaded, timeout=10000):
        qtbot.keyClicks(window.search, "zhangsan")  # full pinyin
    assert window.list_model.rowCount() == 1
    qtbot.waitUntil(window.list_model.all_loaded, timeout=10000)
    with qtbot.waitSignal(window.tabs.currentChanged, timeout=10000):
        qtbot.keyClick(window.search, Qt.Key.Key_Return)  # the only match opens
    card = window.cards()[0]
    if card.data is None:
        with qtbot.waitSignal(card.loaded, timeout=10000):
            pass
    assert card.household_id == household.id
    qtbot.keyClick(card, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.cards() == [] and window.table.hasFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.list_model.loaded, timeout=10000):
        qtbot.keyClick(window.search, Qt.Key.Key_Escape)  # Esc clears the search
    assert window.search.text() == ""


def test_dates_and_amounts_read_as_users_write_them(qtbot, window, db, household):
    registry.set_income(db, household.id, 2017, {"wage_fen": 1_234_567})
    with write(db) as tx:
        tx.append(Visit(household_id=household.id, visited_at=datetime(2017, 3, 5, 4, tzinfo=UTC), author="x"))
    attach(qtbot, window, db)
    from ui.models.household_query import COLUMN_KEYS

    model = window.list_model
    visit_col, income_col = COLUMN_KEYS.index("last_visit"), COLUMN_KEYS.index("per_capita")
    assert model.data(model.index(0, visit_col)) == "2017年3月5日"
    assert "2017" in model.headerData(income_col, Qt.Orientation.Horizontal)  # the newest year with incomes
    assert model.data(model.index(0, income_col)) == "4,115.22 元"
    card = open_card(qtbot, window, household.id)
    card.show_tab(card.income)
    card.income.set_year(2017)
    assert card.income.per_capita_value.text() == "4,115.22 元"  # 12,345.67 元 for 3 people
    births = [card.members.model.data(card.members.model.index(r, c)) for r in range(card.members.model.rowCount())
              for c in range(card.members.model.columnCount())]
    assert any(re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", str(t)) for t in births), births
    window.set_language("en")
    assert model.data(model.index(0, visit_col)) == "2017-03-05"
    assert model.data(model.index(0, income_col)) == card.income.per_capita_value.text() == "4,115.22 yuan"


def test_closing_the_window_closes_its_reminders(qtbot, window):
    reminder = QMessageBox(QMessageBox.Icon.Information, "x", "y", QMessageBox.StandardButton.Ok, window)
    reminder.setModal(False)
    reminder.show()
    unrelated = QWidget()
    qtbot.addWidget(unrelated)
    unrelated.show()
    assert window.owned_windows() == [reminder]
    # a reminder still being computed when the window closes must not open afterwards
    import threading

    from ui.workers import dispatcher, run_task

    gate = threading.Event()
    late: list[QMessageBox] = []

    def show_late(_result):
        box = QMessageBox(QMessageBox.Icon.Information, "late", "late", QMessageBox.StandardButton.Ok, window)
        box.show()
        late.append(box)

    run_task(gate.wait, 5, on_done=show_late, owner=window)
    window.close()
    assert not reminder.isVisible() and unrelated.isVisible()
    with qtbot.waitSignal(dispatcher().idle_changed, timeout=5000):
        gate.set()
    assert late == [] and window.owned_windows() == []


def test_lifecycle_reasons_read_in_words(zh_ui):
    from ui.card.readonly import reason_text

    assert reason_text("04", "03") == "拥有车辆(3万元以上)"  # 剔除: removal reason
    assert reason_text("05", "01") == "死亡"  # 自然减少: member change reason
    assert reason_text("01", "03") == "因学"  # 新识别 with the main cause recorded as its code
    assert reason_text("03", "房屋倒塌") == "房屋倒塌"  # free text stays as written
    assert reason_text("02", "") == ""


def test_filter_boxes_show_their_whole_text_with_large_font(qtbot, window):
    from PySide6.QtGui import QFontMetrics

    for scale in (100, 150):
        window.set_font_scale(scale)
        for combo in (window.filter_status, window.filter_attr, window.filter_cause):
            text = combo.itemText(0)
            assert combo.minimumWidth() >= QFontMetrics(combo.font()).horizontalAdvance(text) + 30, (scale, text)
    window.set_font_scale(100)

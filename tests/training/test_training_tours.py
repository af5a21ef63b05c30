"""Drive each guided tour from its first step to its last by doing what it asks, in the sandbox.

pytest-qt, offscreen; every wait is on a signal (the runner's step_changed / finished).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlmodel import select

from app.domain import AuditEntry, Household
from tests.ui.ui_testkit import attach
from ui.tours.engine import TourRunner, forget_progress, is_done, saved_step


@pytest.fixture()
def twin(qtbot: Any, zh_ui: Any, ui_settings: Any, sandbox_db: Any) -> Iterator[Any]:
    """A main window on the training sandbox, list loaded, plugins (training menu) installed."""
    from ui.main_window import MainWindow
    from ui.workers import wait_all

    win = MainWindow(ui_settings)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    attach(qtbot, win, sandbox_db)
    yield win
    menu = getattr(win, "training_menu", None)
    if menu is not None and menu.runner is not None:
        menu.runner.stop()
    win.idle.stop()
    wait_all(10000)


def start(qtbot: Any, win: Any, key: str) -> TourRunner:
    forget_progress(key)
    with qtbot.waitSignal(win.training_menu.tour_started, timeout=15000) as started:
        win.training_menu.start_tour(key)
    runner = started.args[0]
    assert runner.index == 0
    return runner


def step_key(runner: TourRunner) -> str:
    return runner.step.key


def highlighted(runner: TourRunner, widget: Any) -> bool:
    """The overlay's hole is where the widget is (in the overlay's window)."""
    host = runner.overlay.parentWidget()
    top_left = widget.mapTo(host, QPoint(0, 0))
    return runner.overlay.isVisible() and runner.overlay.hole.topLeft() == top_left


def double_click_household(qtbot: Any, win: Any, household_id: str) -> None:
    model = win.list_model
    qtbot.waitUntil(model.all_loaded, timeout=10000)
    row = next(r for r in range(model.rowCount()) if model.row_data(r).id == household_id)
    rect = win.table.visualRect(model.index(row, 1))
    qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_training_window_is_marked_and_has_the_training_menu(twin: Any) -> None:
    assert twin.windowTitle().startswith("【培训】")
    bar = twin.findChild(type(twin.training_menu.bar), "trainingBar")
    assert bar is not None and bar.isVisible()
    assert "培训模式" in twin.training_menu.banner.text()
    assert "脱贫年度的村" in twin.training_menu.scenario_label.text()
    assert twin.training_menu.act_leave.isVisible() and not twin.training_menu.act_open.isVisible()


def test_training_tour_find_a_household_by_pinyin(qtbot: Any, twin: Any) -> None:
    runner = start(qtbot, twin, "find_household")
    ctx = runner.ctx
    assert step_key(runner) == "focus" and highlighted(runner, twin.search)
    assert "搜索框" in runner.bubble.text.text()

    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        qtbot.mouseClick(twin.search, Qt.MouseButton.LeftButton)
    assert step_key(runner) == "type"
    assert ctx["initials"] in runner.bubble.text.text() and ctx["name"] in runner.bubble.text.text()

    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        qtbot.keyClicks(twin.search, ctx["initials"])
    assert step_key(runner) == "open" and highlighted(runner, twin.table)
    assert ctx["household_id"] in twin.list_model.query.search_ids
    assert twin.list_model.rowCount() < 80  # the search narrowed the list

    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        double_click_household(qtbot, twin, ctx["household_id"])
    assert step_key(runner) == "read"
    card = twin.tabs.currentWidget()
    assert card.household_id == ctx["household_id"] and ctx["name"] in card.title.text()
    assert runner.bubble.next.isVisible()

    with qtbot.waitSignal(runner.finished, timeout=10000):
        qtbot.mouseClick(runner.bubble.next, Qt.MouseButton.LeftButton)
    assert is_done("find_household")
    with qtbot.waitSignal(runner.ended, timeout=10000):
        qtbot.mouseClick(runner.bubble.next, Qt.MouseButton.LeftButton)  # "Close"


def test_training_tour_read_and_correct_a_household_card(qtbot: Any, twin: Any, sandbox_db: Any) -> None:
    runner = start(qtbot, twin, "correct_card")
    ctx = runner.ctx
    hid = ctx["household_id"]
    assert step_key(runner) == "open"

    twin.search.setFocus()
    with qtbot.waitSignal(twin.list_model.loaded, timeout=10000):
        qtbot.keyClicks(twin.search, ctx["initials"])
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        double_click_household(qtbot, twin, hid)
    assert step_key(runner) == "members"
    card = twin.tabs.currentWidget()

    def click_tab(page: Any) -> None:
        bar = card.tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(card.tabs.indexOf(page)).center())

    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        click_tab(card.members)
    assert step_key(runner) == "basic"
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        click_tab(card.basic)
    assert step_key(runner) == "phone"
    phone = card.basic.form.widget("phone")
    assert highlighted(runner, phone)

    phone.setFocus()
    phone.selectAll()
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        qtbot.keyClicks(phone, "13912345678")
    assert step_key(runner) == "save" and highlighted(runner, card.basic.save_button)

    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        qtbot.mouseClick(card.basic.save_button, Qt.MouseButton.LeftButton)
    assert step_key(runner) == "history"
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        click_tab(card.history)
    assert step_key(runner) == "audit"
    with qtbot.waitSignal(runner.finished, timeout=10000):
        qtbot.mouseClick(runner.bubble.next, Qt.MouseButton.LeftButton)

    # the data the trainee created: the corrected phone, audited under the trainee's name
    with sandbox_db.read() as s:
        assert s.get(Household, hid).phone == "13912345678"
        entry = s.exec(select(AuditEntry).where(AuditEntry.entity_id == hid).order_by(AuditEntry.seq.desc())).first()
    assert entry.user_name == sandbox_db.actor.name and "phone" in str(entry.fields)
    assert is_done("correct_card") and saved_step("correct_card") == 0


def test_training_tour_print_an_exit_notice(qtbot: Any, twin: Any, sandbox_db: Any, tmp_path: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    from PySide6.QtWidgets import QFileDialog

    from app.domain import Notice

    runner = start(qtbot, twin, "exit_notice")
    ctx = runner.ctx
    assert step_key(runner) == "menu" and runner.overlay.isVisible()
    assert "公示与打印" in runner.bubble.text.text()
    year = ctx["year"]
    assert year == 2018  # the exit-year village (2019): last year's exits until this year's are filed

    twin.notices_menu.act_household.trigger()  # the menu item the bubble names
    qtbot.waitUntil(lambda: step_key(runner) == "year", timeout=10000)  # "exit" is the dialog's first kind
    dialog = runner.ctx.find("householdNoticeDialog")
    assert dialog.kind.currentData() == "exit" and highlighted(runner, dialog.year)

    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        dialog.year.setValue(year)
    qtbot.waitUntil(lambda: step_key(runner) == "preview", timeout=10000)  # the only village is ticked already
    assert ctx["village_code"] in dialog.selected_codes()

    with qtbot.waitSignal(runner.step_changed, timeout=30000):
        qtbot.mouseClick(dialog.btn_preview, Qt.MouseButton.LeftButton)
    assert step_key(runner) == "check"
    preview = runner.ctx.find("pdfPreview")
    assert preview.page_count() >= 1 and runner.bubble.window() is preview

    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        qtbot.mouseClick(runner.bubble.next, Qt.MouseButton.LeftButton)
    assert step_key(runner) == "issue" and highlighted(runner, preview.btn_action)

    out = tmp_path / "exit-notice.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "PDF (*.pdf)")))
    with qtbot.waitSignal(runner.step_changed, timeout=30000):
        qtbot.mouseClick(preview.btn_action, Qt.MouseButton.LeftButton)
    assert step_key(runner) == "print"
    with qtbot.waitSignal(runner.finished, timeout=10000):
        qtbot.mouseClick(runner.bubble.next, Qt.MouseButton.LeftButton)

    # what the trainee made: an issued exit notice of that year, and its PDF stamped as training
    with sandbox_db.read() as s:
        notices = s.exec(select(Notice).where(Notice.kind == "exit", Notice.status == "issued")).all()
    assert [(n.year, bool(n.content_hash)) for n in notices] == [(year, True)]
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert f"{year}年拟退出贫困户公示" in text
    assert "培训" in "".join(text.split())  # the diagonal 培训 / TRAINING stamp (drawn letter by letter)
    preview.close()
    dialog.close()

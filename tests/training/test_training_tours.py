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
from tests.training.conftest import settle
from tests.ui.ui_testkit import attach
from ui.tours.engine import TourRunner, forget_progress, is_done, save_progress, saved_step


@pytest.fixture()
def twin(qtbot: Any, zh_ui: Any, ui_settings: Any, sandbox_db: Any, monkeypatch: pytest.MonkeyPatch
         ) -> Iterator[Any]:
    """A main window on the training sandbox, list loaded, plugins (training menu) installed."""
    from ui.main_window import MainWindow

    win = MainWindow(ui_settings)
    # pytest-qt closes the window before the fixtures are finalised, also after a failure mid-tour:
    # settle first, or a card still reloading asks "unsaved changes?" in a modal box nobody answers
    qtbot.addWidget(win, before_close_func=lambda w: settle(qtbot, monkeypatch, w))
    win.resize(1280, 800)
    win.show()
    attach(qtbot, win, sandbox_db)
    qtbot.waitUntil(lambda: hasattr(win, "training_menu"), timeout=10000)  # plugins follow the first rows
    yield win
    settle(qtbot, monkeypatch, win)


def start(qtbot: Any, win: Any, key: str) -> TourRunner:
    forget_progress(key)
    with qtbot.waitSignal(win.training_menu.tour_started, timeout=15000) as started:
        win.training_menu.start_tour(key)
    runner = started.args[0]
    assert runner.index == 0
    return runner


def marked(window: Any) -> bool:
    """A training window: 【培训】 in its title and the orange banner (with its text) on show."""
    from PySide6.QtWidgets import QLabel

    from ui.training.marker import BANNER_NAME

    banner = window.findChild(QLabel, BANNER_NAME)
    return window.windowTitle().startswith("【培训】") and banner is not None and banner.isVisible() and \
        "培训模式" in banner.text()


def step_key(runner: TourRunner) -> str:
    return runner.step.key


def highlighted(runner: TourRunner, widget: Any) -> bool:
    """The overlay's hole is where the widget is (in the overlay's window)."""
    host = runner.overlay.parentWidget()
    top_left = widget.mapTo(host, QPoint(0, 0))
    return runner.overlay.isVisible() and runner.overlay.hole.topLeft() == top_left


def double_click_household(qtbot: Any, win: Any, household_id: str) -> None:
    """Double-click the household's row, as a trainee would: the row must not lie under the bubble."""
    model = win.list_model
    qtbot.waitUntil(model.all_loaded, timeout=10000)
    row = next(r for r in range(model.rowCount()) if model.row_data(r).id == household_id)
    rect = win.table.visualRect(model.index(row, 1))
    viewport = win.table.viewport()
    qtbot.waitUntil(lambda: win.childAt(viewport.mapTo(win, rect.center())) is viewport, timeout=5000)
    qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_training_window_is_marked_and_has_the_training_menu(qtbot: Any, twin: Any) -> None:
    assert twin.windowTitle().startswith("【培训】")
    bar = twin.findChild(type(twin.training_menu.bar), "trainingBar")
    assert bar is not None
    qtbot.waitUntil(bar.isVisible, timeout=5000)
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
    assert step_key(runner) == "open"
    qtbot.waitUntil(lambda: twin.list_model.row_of(ctx["household_id"]) is not None, timeout=10000)
    row = twin.list_model.row_of(ctx["household_id"])
    line = twin.table.visualRect(twin.list_model.index(row, 0))
    qtbot.waitUntil(lambda: highlighted_area(runner, twin.table.viewport(), line), timeout=5000)  # the row itself
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
    assert marked(dialog)

    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        dialog.year.setValue(year)
    qtbot.waitUntil(lambda: step_key(runner) == "preview", timeout=10000)  # the only village is ticked already
    assert ctx["village_code"] in dialog.selected_codes()

    with qtbot.waitSignal(runner.step_changed, timeout=30000):
        qtbot.mouseClick(dialog.btn_preview, Qt.MouseButton.LeftButton)
    assert step_key(runner) == "check"
    preview = runner.ctx.find("pdfPreview")
    assert preview.page_count() >= 1 and runner.bubble.window() is preview and marked(preview)

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


# -- field work --------------------------------------------------------------------------------------
def open_tour_card(qtbot: Any, win: Any, runner: TourRunner) -> Any:
    """Do the tours' first step: search the household by its initials and double-click it."""
    ctx = runner.ctx
    assert step_key(runner) in ("open", "card")
    win.search.setFocus()
    win.search.clear()
    with qtbot.waitSignal(win.list_model.loaded, timeout=10000):
        qtbot.keyClicks(win.search, ctx["initials"])
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        double_click_household(qtbot, win, ctx["household_id"])
    return win.tabs.currentWidget()


def click_card_tab(qtbot: Any, runner: TourRunner, card: Any, page: Any, last: bool = False) -> None:
    bar = card.tabs.tabBar()
    # the card lays itself out once its data is shown; the overlay follows on the next turn of the loop
    qtbot.waitUntil(lambda: highlighted_area(runner, bar, bar.tabRect(card.tabs.indexOf(page))), timeout=5000)
    with qtbot.waitSignal(runner.finished if last else runner.step_changed, timeout=10000):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(card.tabs.indexOf(page)).center())


def highlighted_area(runner: TourRunner, widget: Any, rect: Any) -> bool:
    host = runner.overlay.parentWidget()
    return runner.overlay.isVisible() and runner.overlay.hole.topLeft() == widget.mapTo(host, rect.topLeft())


def extra_tab(card: Any, cls_name: str) -> Any:
    return next(w for w, _t in card.extra if type(w).__name__ == cls_name)


def ok(qtbot: Any, runner: TourRunner, dialog: Any, values: dict[str, Any] | None = None) -> None:
    """Fill a field-work form dialog, press OK, wait for the tour to move on."""
    if values:
        dialog.form.set_values(values)
    with qtbot.waitSignal(runner.step_changed, timeout=15000):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)


def open_dialog_of(qtbot: Any, runner: TourRunner, button: Any) -> Any:
    """Click a button that opens a form dialog; the dialog is the step's new target."""
    # the previous dialog closes just after the step changed; then the button is the target again
    qtbot.waitUntil(lambda: highlighted(runner, button), timeout=5000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: runner.bubble is not None and runner.bubble.window() is not runner.window, timeout=10000)
    return runner.bubble.window()


def test_training_tour_log_an_assistance_measure(qtbot: Any, twin: Any, sandbox_db: Any) -> None:
    from datetime import date

    from app.domain import Measure, MeasureUpdate

    runner = start(qtbot, twin, "log_measure")
    hid = runner.ctx["household_id"]
    card = open_tour_card(qtbot, twin, runner)
    tab = extra_tab(card, "AssistanceTab")
    assert step_key(runner) == "tab"
    with qtbot.waitSignal(tab.refreshed, timeout=10000):
        click_card_tab(qtbot, runner, card, tab)
    assert step_key(runner) == "add" and highlighted(runner, tab.b_add)
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        qtbot.mouseClick(tab.b_add, Qt.MouseButton.LeftButton)
    assert step_key(runner) == "fill"
    dialog = tab.dialogs[-1]
    assert runner.bubble.window() is dialog and "公益岗位" in runner.bubble.text.text() and marked(dialog)
    from PySide6.QtWidgets import QListWidget

    dialog.findChild(QListWidget, "beneficiaryPicker").item(0).setSelected(True)
    with qtbot.waitSignal(tab.refreshed, timeout=15000):
        ok(qtbot, runner, dialog, {"category": "11", "content": "生态护林员，每月800元", "amount_fen": 960_000,
                                   "funding_source": "02", "date": date(2019, 9, 1)})
    assert step_key(runner) == "progress"
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).measure.content == "生态护林员，每月800元")
    tab.table.selectRow(row)
    with qtbot.waitSignal(runner.step_changed, timeout=10000):  # the bubble follows into the dialog
        qtbot.mouseClick(tab.b_progress, Qt.MouseButton.LeftButton)
        progress = tab.dialogs[-1]
        ok(qtbot, runner, progress, {"status": "03", "date": date(2019, 10, 1), "content": "已上岗"})
    assert step_key(runner) == "history"
    with qtbot.waitSignal(runner.finished, timeout=10000):
        qtbot.mouseClick(runner.bubble.next, Qt.MouseButton.LeftButton)

    with sandbox_db.read() as s:
        measure = s.exec(select(Measure).where(Measure.household_id == hid,
                                               Measure.content == "生态护林员，每月800元")).one()
        assert (measure.category, measure.amount_fen, len(measure.beneficiaries)) == ("11", 960_000, 1)
        update = s.exec(select(MeasureUpdate).where(MeasureUpdate.measure_id == measure.id)).one()
        assert update.status == "03" and update.note == "已上岗"
    assert is_done("log_measure")


def verification_visit(qtbot: Any, win: Any, runner: TourRunner, day: Any) -> None:
    """Field work → New visit on the card in front, every check yes, saved. The trainee does not
    touch the date: the wizard starts on ``day``, the scenario's today (the tour says so)."""
    from PySide6.QtWidgets import QWizard

    from ui import formatting as fmt
    from ui.fieldwork import wizard as wz

    win.fieldwork.act_visit.trigger()
    wizard = runner.ctx.find("visitWizard")
    assert wizard.context.household.id == runner.ctx["household_id"]
    assert wizard.visit_day() == day and fmt.day(day) in runner.bubble.text.text()
    for _ in range(wz.P_CHECKS):
        wizard.next()
    wizard.pages[wz.P_CHECKS].all_yes()
    while wizard.currentId() != wz.P_SUMMARY:
        wizard.next()
    with qtbot.waitSignal(runner.step_changed, timeout=20000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)


def test_training_tour_assess_for_exit_and_file_the_request(qtbot: Any, twin: Any, sandbox_db: Any) -> None:
    from datetime import UTC, date

    from app.domain import LifecycleRequest, Visit
    from app.services import lifecycle as lc

    runner = start(qtbot, twin, "exit_request")
    ctx = runner.ctx
    hid, year = ctx["household_id"], ctx["year"]
    assert year == 2019
    card = open_tour_card(qtbot, twin, runner)
    checklist = extra_tab(card, "ExitTab")
    with qtbot.waitSignal(checklist.refreshed, timeout=15000):
        click_card_tab(qtbot, runner, card, checklist)
    if checklist.assessment is None or checklist.assessment.year != year:
        with qtbot.waitSignal(checklist.refreshed, timeout=15000):
            pass
    assert step_key(runner) == "read" and str(year) in checklist.verdict.text()
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        qtbot.mouseClick(runner.bubble.next, Qt.MouseButton.LeftButton)
    # this year's checks are missing (the demo records them on exit visits): the verification visit (入户核实)
    assert step_key(runner) == "verify"
    assert not checklist.assessment.passed
    assert checklist.assessment.failures and all(c.result == "unknown" for c in checklist.assessment.failures)
    assert highlighted_area(runner, twin.menuBar(), twin.menuBar().actionGeometry(twin.menu("fieldwork").menuAction()))
    with sandbox_db.read() as s:
        visits_before = len(s.exec(select(Visit).where(Visit.household_id == hid)).all())
    verification_visit(qtbot, twin, runner, ctx["day"])
    assert step_key(runner) == "green"
    qtbot.waitUntil(lambda: checklist.assessment is not None and checklist.assessment.passed, timeout=15000)
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        qtbot.mouseClick(runner.bubble.next, Qt.MouseButton.LeftButton)

    requests = extra_tab(card, "RequestsTab")
    click_card_tab(qtbot, runner, card, requests)
    qtbot.waitUntil(lambda: bool(requests.state), timeout=15000)  # the tab loaded with the card
    assert step_key(runner) == "new"
    dialog = open_dialog_of(qtbot, runner, requests.buttons["new"])
    assert marked(dialog)
    ok(qtbot, runner, dialog, {"kind": lc.EXIT, "year": year})
    assert step_key(runner) == "deliberation"
    qtbot.waitUntil(lambda: requests.buttons["deliberation"].isEnabled(), timeout=10000)
    ok(qtbot, runner, open_dialog_of(qtbot, runner, requests.buttons["deliberation"]),
       {"deliberation_date": date(2019, 10, 8), "total": 40, "attended": 36, "agreed": 35})
    assert step_key(runner) == "notice"
    qtbot.waitUntil(lambda: requests.buttons["notice"].isEnabled(), timeout=10000)
    ok(qtbot, runner, open_dialog_of(qtbot, runner, requests.buttons["notice"]),
       {"notice_start": date(2019, 10, 9), "notice_end": date(2019, 10, 16)})
    assert step_key(runner) == "confirmation"
    qtbot.waitUntil(lambda: requests.buttons["confirmation"].isEnabled(), timeout=10000)
    confirmation = open_dialog_of(qtbot, runner, requests.buttons["confirmation"])
    confirmation.pad.draw_stroke([(10, 50), (60, 20), (120, 70), (180, 40)])
    ok(qtbot, runner, confirmation, {"confirmation_date": date(2019, 10, 17)})
    assert step_key(runner) == "submit"
    qtbot.waitUntil(lambda: requests.buttons["submit"].isEnabled(), timeout=10000)
    assert highlighted(runner, requests.buttons["submit"])
    with qtbot.waitSignal(runner.step_changed, timeout=15000):
        qtbot.mouseClick(requests.buttons["submit"], Qt.MouseButton.LeftButton)
    assert step_key(runner) == "after"
    with qtbot.waitSignal(runner.finished, timeout=10000):
        qtbot.mouseClick(runner.bubble.next, Qt.MouseButton.LeftButton)

    with sandbox_db.read() as s:
        req = s.exec(select(LifecycleRequest).where(LifecycleRequest.household_id == hid,
                                                    LifecycleRequest.kind == lc.EXIT)).one()
        assert (req.year, req.status) == (year, lc.SUBMITTED)
        assert lc.evidence_steps(req) == ["deliberation", "notice", "confirmation"]
        assert s.get(Household, hid).exit_status == "01"  # out of poverty only once the county approves
        visits = s.exec(select(Visit).where(Visit.household_id == hid).order_by(Visit.visited_at.desc())).all()
    # the verification visit: dated the scenario's day, every check answered yes, by the trainee
    assert len(visits) == visits_before + 1
    at = visits[0].visited_at
    local_day = (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone().date()  # the wizard's day is local
    assert local_day == ctx["day"] and visits[0].author == sandbox_db.actor.name
    assert visits[0].data["checks"] and all(visits[0].data["checks"].values())
    assert is_done("exit_request")


def test_training_tour_record_a_visit(qtbot: Any, twin: Any, sandbox_db: Any) -> None:
    from PySide6.QtWidgets import QWizard

    from app.domain import Measure, Visit
    from ui.fieldwork import wizard as wz

    runner = start(qtbot, twin, "record_visit")
    ctx = runner.ctx
    hid = ctx["household_id"]
    assert step_key(runner) == "start" and "驻村工作" in runner.bubble.text.text()
    twin.fieldwork.act_visit.trigger()  # Field work → New visit…
    qtbot.waitUntil(lambda: step_key(runner) in ("household", "time"), timeout=10000)
    wizard = runner.ctx.find("visitWizard")
    assert marked(wizard)

    def next_page(expected: str) -> None:
        with qtbot.waitSignal(runner.step_changed, timeout=10000):
            qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        assert step_key(runner) == expected

    if step_key(runner) == "household":  # a household other than the tour's was selected in the list
        page = wizard.pages[wz.P_HOUSEHOLD]
        qtbot.keyClicks(page.search, ctx["initials"])
        row = next(i for i in range(page.results.count())
                   if page.results.item(i).data(Qt.ItemDataRole.UserRole) == hid)
        with qtbot.waitSignal(runner.step_changed, timeout=10000):
            page.results.setCurrentRow(row)
    assert step_key(runner) == "time" and wizard.context.household.id == hid
    next_page("members")
    next_page("checks")
    checks = wizard.pages[wz.P_CHECKS]
    qtbot.mouseClick(checks.b_all, Qt.MouseButton.LeftButton)
    next_page("income")
    income = wizard.pages[wz.P_INCOME]
    qtbot.mouseClick(income.copy, Qt.MouseButton.LeftButton)
    next_page("measure")
    problems = wizard.pages[wz.P_PROBLEMS]
    problems.m_form.set_values({"category": "11", "content": "公益岗位：村道保洁员"})
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        qtbot.mouseClick(problems.m_add, Qt.MouseButton.LeftButton)
    assert step_key(runner) == "satisfaction"
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        wizard.pages[wz.P_SATISFACTION].satisfaction.set_code("01")
    assert step_key(runner) == "confirm"
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    pad = wizard.pages[wz.P_PHOTOS].pad
    qtbot.waitUntil(lambda: highlighted(runner, pad), timeout=5000)
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        pad.draw_stroke([(20, 60), (80, 40), (140, 90), (220, 50)])
    assert step_key(runner) == "save"
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == wz.P_SUMMARY
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: highlighted(runner, finish), timeout=5000)
    with qtbot.waitSignal(runner.step_changed, timeout=20000):
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert step_key(runner) == "card"
    card = open_tour_card(qtbot, twin, runner)
    assert step_key(runner) == "visits"
    click_card_tab(qtbot, runner, card, card.visits, last=True)

    with sandbox_db.read() as s:
        visits = s.exec(select(Visit).where(Visit.household_id == hid).order_by(Visit.visited_at.desc())).all()
        assert len(visits) == ctx["visits_before"] + 1
        visit = visits[0]
        assert visit.author == sandbox_db.actor.name and visit.satisfaction == "01" and visit.confirmation_sha256
        assert all(visit.data["checks"].values())
        assert s.exec(select(Measure).where(Measure.household_id == hid,
                                            Measure.content == "公益岗位：村道保洁员")).one().status == "01"
    assert is_done("record_visit")


def test_training_tour_sync_with_the_demo_county_server(qtbot: Any, twin: Any, sandbox_db: Any) -> None:
    from server.models import Record
    from tests.ui.ui_testkit import open_card

    runner = start(qtbot, twin, "sync")
    ctx = runner.ctx
    hid = ctx["household_id"]
    assert step_key(runner) == "server" and "培训模式" in runner.bubble.text.text()
    with qtbot.waitSignal(runner.step_changed, timeout=60000):  # starts, enrolls and fills the demo server
        twin.training_menu.act_server.trigger()
    assert step_key(runner) == "change"
    server = twin.training_menu.server

    card = open_card(qtbot, twin, hid)
    phone = card.basic.form.widget("phone")
    phone.setText("13700001111")
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        qtbot.mouseClick(card.basic.save_button, Qt.MouseButton.LeftButton)
    assert step_key(runner) == "panel"
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        twin.sync_menu.act_panel.trigger()
    assert step_key(runner) == "read"
    panel = runner.ctx.find("sync_panel")
    assert runner.bubble.window() is panel and panel.pending.text() == "1" and marked(panel)
    assert panel.server.text() == server.url
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        qtbot.mouseClick(runner.bubble.next, Qt.MouseButton.LeftButton)
    assert step_key(runner) == "sync" and highlighted(runner, panel.sync_button)
    with qtbot.waitSignal(runner.step_changed, timeout=30000):
        qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    assert step_key(runner) == "result" and "1" in panel.message.text()
    with qtbot.waitSignal(runner.finished, timeout=10000):
        qtbot.mouseClick(runner.bubble.next, Qt.MouseButton.LeftButton)

    # the trainee's change reached the demo county server, and nothing waits any more
    with server.db.read() as s:
        assert s.get(Record, ("household", hid)).data["phone"] == "13700001111"
    from app.sync.client import status

    assert status(sandbox_db)["pending"] == 0
    panel.close()


# -- progress, continue / start again, Back, the Help menu ------------------------------------------
def answer_box(monkeypatch: pytest.MonkeyPatch, button_text: str, asked: list[str]) -> None:
    """The "continue or start again?" box clicks ``button_text`` (and records its question)."""
    from PySide6.QtWidgets import QMessageBox

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)


def tour_action(win: Any, key: str) -> Any:
    win.training_menu.fill_tours_menu()
    return next(a for a in win.training_menu.tours_menu.actions() if a.objectName() == f"tour_{key}")


def test_training_tour_progress_is_remembered_and_a_tour_can_be_continued_or_restarted(
        qtbot: Any, twin: Any, ui_settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QSettings

    runner = start(qtbot, twin, "correct_card")
    card = open_tour_card(qtbot, twin, runner)
    click_card_tab(qtbot, runner, card, card.members)
    assert step_key(runner) == "basic" and runner.index == 2
    # Back shows the step before again, and it stays although it is done (the Members tab is in front) …
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        qtbot.mouseClick(runner.bubble.back, Qt.MouseButton.LeftButton)
    assert step_key(runner) == "members" and runner.bubble.next.isVisible()
    with qtbot.waitSignal(runner.step_changed, timeout=10000):  # … until "Got it"
        qtbot.mouseClick(runner.bubble.next, Qt.MouseButton.LeftButton)
    assert step_key(runner) == "basic" and not runner.bubble.next.isVisible()
    # … or until the trainee does it again
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        qtbot.mouseClick(runner.bubble.back, Qt.MouseButton.LeftButton)
    assert step_key(runner) == "members"
    bar = card.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(card.tabs.indexOf(card.history)).center())
    assert step_key(runner) == "members"
    with qtbot.waitSignal(runner.step_changed, timeout=10000):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(card.tabs.indexOf(card.members)).center())
    assert step_key(runner) == "basic"
    with qtbot.waitSignal(runner.ended, timeout=10000):
        qtbot.mouseClick(runner.bubble.end, Qt.MouseButton.LeftButton)  # "End tour" half-way

    # remembered in the settings file (a new QSettings on it: as after a restart of the app)
    stored = QSettings(str(ui_settings._s.fileName()), QSettings.Format.IniFormat)
    assert int(stored.value("tours/correct_card/step")) == 2
    assert "进行到第 3 步，共 7 步" in tour_action(twin, "correct_card").text()

    # started again from the Help menu: asked whether to continue; "继续" resumes at that step
    asked: list[str] = []
    answer_box(monkeypatch, "继续", asked)
    with qtbot.waitSignal(twin.training_menu.tour_started, timeout=15000) as started:
        tour_action(twin, "correct_card").trigger()
    runner = started.args[0]
    assert asked == ["上次这个引导停在第 3 步（共 7 步）。从那里继续，还是重新开始？"]
    assert step_key(runner) == "basic" and "第 3 步" in runner.bubble.heading.text()
    with qtbot.waitSignal(runner.ended, timeout=10000):
        qtbot.mouseClick(runner.bubble.end, Qt.MouseButton.LeftButton)

    # "重新开始" starts at the first step (the card is closed, so the first step is to be done again)
    twin.close_tab(twin.tabs.indexOf(card))
    answer_box(monkeypatch, "重新开始", asked)
    with qtbot.waitSignal(twin.training_menu.tour_started, timeout=15000) as started:
        tour_action(twin, "correct_card").trigger()
    runner = started.args[0]
    assert len(asked) == 2 and runner.index == 0 and step_key(runner) == "open"
    assert "第 1 步" in runner.bubble.heading.text()
    with qtbot.waitSignal(runner.ended, timeout=10000):
        qtbot.mouseClick(runner.bubble.end, Qt.MouseButton.LeftButton)

    # a tour finished in an earlier session is ticked and starts from the beginning without asking
    save_progress("find_household", 0, True)
    assert tour_action(twin, "find_household").text() == "✓ 用拼音查找农户"
    with qtbot.waitSignal(twin.training_menu.tour_started, timeout=15000) as started:
        tour_action(twin, "find_household").trigger()
    assert started.args[0].index == 0 and len(asked) == 2  # not asked
    started.args[0].stop()  # forgetting clears every tick and every half-way step
    forget = next(a for a in twin.training_menu.tours_menu.actions() if a.text() == "清除所有引导的进度")
    forget.trigger()
    assert tour_action(twin, "find_household").text() == "用拼音查找农户"
    assert tour_action(twin, "correct_card").text() == "查看并更正户卡"


def test_training_tour_ended_leaves_nothing_on_screen(qtbot: Any, twin: Any) -> None:
    """Ending a tour while the window still has events queued for it (a resize, a relayout) removes
    its bubble and frame for good: a stale bubble once stayed behind over the next screens."""
    from shiboken6 import isValid

    from ui.tours.engine import Bubble, Overlay

    runner = start(qtbot, twin, "find_household")
    assert runner.bubble.isVisible()
    twin.resize(1200, 780)  # the runner's filter queues a relayout …
    with qtbot.waitSignal(runner.destroyed, timeout=10000):
        runner.stop()  # … and the tour ends before it runs
    leftovers = [w for w in twin.findChildren(Bubble) + twin.findChildren(Overlay) if isValid(w) and w.isVisible()]
    assert leftovers == []


# -- both languages; a scenario with nothing to practise on --------------------------------------------
def test_training_every_tour_starts_in_chinese_and_in_english(qtbot: Any, twin: Any) -> None:
    """The first step of each of the seven tours, in each language: the bubble speaks it (names and
    places from the sandbox aside), with its step count; the Help menu lists the tours in it."""
    import re

    from ui.tours import catalogue

    cjk = re.compile(r"[\u3400-\u9fff]")
    try:
        for lang, heading, title in (("zh_CN", "第 1 步", "用拼音查找农户"), ("en", "step 1 of", "Find a household by pinyin")):
            twin.set_language(lang)
            assert tour_action(twin, "find_household").text() == title
            for tour in catalogue.tours():
                runner = start(qtbot, twin, tour.key)
                text = runner.bubble.text.text()
                assert heading in runner.bubble.heading.text() and tour.title() in runner.bubble.heading.text()
                for value in runner.ctx.data.values():
                    text = text.replace(str(value), "")
                if lang == "en":
                    assert not cjk.search(text), (tour.key, text)
                else:
                    assert len(cjk.findall(text)) > 5, (tour.key, text)
                with qtbot.waitSignal(runner.ended, timeout=10000):
                    runner.stop()
    finally:
        twin.set_language("zh_CN")


def test_training_tour_with_nothing_to_practise_says_so(qtbot: Any, zh_ui: Any, ui_settings: Any, home: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A freshly identified village has no exits: the exit-notice tour, started from the Help menu,
    says so (and which scenario suits it) instead of starting with an empty notice."""
    from PySide6.QtWidgets import QMessageBox

    from app import training
    from tests.conftest import FAST_KDF
    from ui.main_window import MainWindow

    fresh = training.ensure_sandbox("fresh_village", kdf=FAST_KDF)
    db = training.open_sandbox(fresh)
    win = MainWindow(ui_settings)
    qtbot.addWidget(win, before_close_func=lambda w: settle(qtbot, monkeypatch, w))
    win.resize(1280, 800)
    win.show()
    attach(qtbot, win, db)
    qtbot.waitUntil(lambda: hasattr(win, "training_menu"), timeout=10000)
    forget_progress("exit_notice")
    with qtbot.waitSignal(win.training_menu.tour_refused, timeout=15000) as refused:
        tour_action(win, "exit_notice").trigger()
    assert refused.args == ["exit_notice"] and win.training_menu.runner is None
    box = win.findChild(QMessageBox, "tourNothingToPractise")
    assert box.isVisible() and "脱贫年度的村" in box.text()
    box.close()
    # the tours that need no exits start there
    runner = start(qtbot, win, "find_household")
    assert runner.ctx["household_id"] and step_key(runner) == "focus"
    runner.stop()

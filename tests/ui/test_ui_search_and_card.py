"""Search as you type, opening a card, adding a member with an invalid ID, editing income."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from ui_testkit import attach, open_card, reload_and_wait

from app.domain import Member
from app.services import registry
from tests.conftest import synthetic_id


def _more(db, village, n=3):
    ids = []
    for i, name in enumerate(("王五", "赵六", "孙七")[:n]):
        hh = registry.create_household(db, village.id, {"name": name, "id_number": synthetic_id(date(1960 + i, 2, 2))},
                                       group_no=1 + i, main_cause="02", hh_number=f"52012300100100{20 + i}")
        ids.append(hh.id)
    return ids


def test_search_pinyin_initials_finds_zhangsan(qtbot, window, db, household, village):
    _more(db, village)
    attach(qtbot, window, db)
    assert window.list_model.rowCount() == 4
    qtbot.mouseClick(window.search, Qt.MouseButton.LeftButton)
    window.act_find.trigger()
    assert window.search.hasFocus()
    with qtbot.waitSignal(window.list_model.loaded, timeout=10000):
        qtbot.keyClicks(window.search, "zs")
    assert window.list_model.rowCount() == 1
    qtbot.waitUntil(window.list_model.all_loaded)
    assert window.list_model.row_data(0).head_name == "张三"
    assert "找到 1 户" in window.count_label.text()
    # ID digits (the last four of 李四's number) find the household of a member, not only heads
    with qtbot.waitSignal(window.list_model.loaded, timeout=10000):
        window.search.setText(synthetic_id.__globals__["_seq"] and "")  # clear
    with db.read() as s:
        li = s.exec(__import__("sqlmodel").select(Member).where(Member.name == "李四")).one()
    with qtbot.waitSignal(window.list_model.loaded, timeout=10000):
        window.search.setText(li.id_number[-6:])
    assert window.list_model.rowCount() == 1
    qtbot.waitUntil(window.list_model.all_loaded)
    assert window.list_model.row_data(0).id == household.id
    # nothing found
    with qtbot.waitSignal(window.list_model.loaded, timeout=10000):
        window.search.setText("xyzq")
    assert window.list_model.rowCount() == 0


def test_open_card_with_keyboard(qtbot, window, db, household, village):
    attach(qtbot, window, db)
    window.focus_list()
    window.table.selectRow(0)
    assert window.current_household_id() == household.id
    window.act_open.trigger()
    card = window.cards()[0]
    with qtbot.waitSignal(card.loaded, timeout=10000):
        pass
    assert window.current_household_id() == household.id
    assert "张三" in card.title.text()
    assert card.status.text() == "未脱贫"
    assert "5201230010010001" in card.info.text()
    assert card.members.model.rowCount() == 3
    assert card.basic.form.widget("hh_number").text() == "5201230010010001"
    window.act_close_card.trigger()
    assert window.cards() == []


def test_card_models_pass_qtmodeltester(qtbot, qtmodeltester, window, db, household):
    attach(qtbot, window, db)
    card = open_card(qtbot, window, household.id)
    qtmodeltester.check(card.members.model)
    qtmodeltester.check(card.income.model)
    qtmodeltester.check(card.helpers.model)
    for tab in (card.measures, card.visits, card.lifecycle, card.attachments, card.history):
        for model in tab.models():
            qtmodeltester.check(model)
    assert card.history.models()[0].rowCount() >= 1  # the creation is in the change history


def test_add_member_with_invalid_id_shows_error_and_saves_nothing(qtbot, window, db, household):
    attach(qtbot, window, db)
    card = open_card(qtbot, window, household.id)
    card.show_tab(card.members)
    dialog = card.members.add()
    assert dialog is not None
    qtbot.addWidget(dialog)
    form = dialog.form
    form.widget("name").setText("张小红")  # QTest types ASCII only
    form.widget("relation").set_code("03")
    valid = synthetic_id(date(2012, 5, 6), "2")
    broken = valid[:17] + ("0" if valid[17] != "0" else "1")
    qtbot.keyClicks(form.widget("id_number"), broken)
    dialog.reason_form.widget("change_reason").set_code("06")
    with qtbot.waitSignal(form.errors_shown, timeout=10000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert "校验码" in form.error_text("id_number")
    assert form.widget("id_number").property("invalid") is True
    assert form.banner.isVisible() and "未保存" in form.banner.text()
    assert dialog.isVisible()
    with db.read() as s:
        names = [m.name for m in registry.living_members(s, household.id)]
    assert "张小红" not in names and len(names) == 3

    # a missing reason is shown next to the reason field; fixing both saves
    dialog.reason_form.widget("change_reason").set_code("")
    form.widget("id_number").setText(valid)
    with qtbot.waitSignal(dialog.reason_form.errors_shown, timeout=10000):
        dialog.submit()
    assert dialog.reason_form.error_text("change_reason")
    assert not form.error_text("id_number")
    dialog.reason_form.widget("change_reason").set_code("06")
    with qtbot.waitSignal(card.loaded, timeout=10000):
        dialog.submit()
    assert not dialog.isVisible()
    assert card.members.model.rowCount() == 4
    assert card.data.household.size == 4


def test_remove_member_needs_reason_and_keeps_history(qtbot, window, db, household):
    attach(qtbot, window, db)
    card = open_card(qtbot, window, household.id)
    rows = card.members.model.rows()
    card.members.select_row(next(i for i, m in enumerate(rows) if m.name == "李四"))
    dialog = card.members.remove()
    qtbot.addWidget(dialog)
    dialog.form.widget("change_reason").set_code("")
    with qtbot.waitSignal(dialog.form.errors_shown, timeout=10000):
        dialog.submit()
    assert dialog.form.error_text("change_reason")
    dialog.form.widget("change_reason").set_code("01")
    with qtbot.waitSignal(card.loaded, timeout=10000):
        dialog.submit()
    assert card.members.model.rowCount() == 2
    card.members.show_former.setChecked(True)
    assert card.members.model.rowCount() == 3
    former = [m for m in card.members.model.rows() if not m.active]
    assert former and former[0].change_reason == "01"


def test_edit_basic_data_inline_error_then_save(qtbot, window, db, household):
    attach(qtbot, window, db)
    card = open_card(qtbot, window, household.id)
    phone = card.basic.form.widget("phone")
    phone.setText("abc")
    with qtbot.waitSignal(card.basic.form.errors_shown, timeout=10000):
        card.basic.save()
    assert card.basic.form.error_text("phone")
    phone.setText("0851-12345678")
    with qtbot.waitSignal(card.loaded, timeout=10000):
        card.save_current()
    assert card.data.household.phone == "0851-12345678"


def test_income_per_capita_and_line_update_live_and_save(qtbot, window, db, household):
    attach(qtbot, window, db)
    card = open_card(qtbot, window, household.id)
    tab = card.income
    card.show_tab(tab)
    tab.set_year(2017)  # line 3,335 yuan
    assert tab.selected_year() == 2017
    assert tab.line_value.text() == "3,335.00 元"
    wage = tab.form.widget("wage_fen")
    qtbot.keyClicks(wage, "6000")
    # 6,000 yuan for 3 people: 2,000.00 per head, 1,335 below the line
    assert tab.per_capita_value.text() == "2,000.00 元"
    assert "低于贫困线 1,335.00 元" == tab.comparison.text()
    assert "#c62828" in tab.comparison.styleSheet()
    qtbot.keyClicks(tab.form.widget("transfer_dibao_fen"), "4500.30")
    assert tab.per_capita_value.text() == "3,500.10 元"
    assert tab.comparison.text() == "高于贫困线 165.10 元"
    assert "#2e7d32" in tab.comparison.styleSheet()
    expense = tab.form.widget("business_expense_fen")
    qtbot.keyClicks(expense, "x")  # the validator refuses letters
    assert expense.text() == ""
    with qtbot.waitSignal(card.loaded, timeout=10000):
        qtbot.keyClick(tab, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    summary = registry.income_summary(db, household.id, 2017)
    assert summary.net_fen == 1050030 and summary.per_capita_fen == 350010
    assert tab.model.rowCount() == 1
    assert tab.selected_year() == 2017


def test_search_reload_keeps_working_after_filters(qtbot, window, db, household, village):
    _more(db, village)
    attach(qtbot, window, db)
    reload_and_wait(qtbot, window, lambda: window.filter_cause.set_code("02"))
    assert window.list_model.rowCount() == 3
    reload_and_wait(qtbot, window, lambda: window.search.setText("ww"))
    assert [window.list_model.row_data(r).head_name for r in range(window.list_model.rowCount())] == ["王五"]

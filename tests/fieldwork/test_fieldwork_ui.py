"""pytest-qt: the visit wizard (killed half-way, resumed, saved), an exit request through to the
county's approval, the exit checklist, the reminder on start and the other field-work panels."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app.domain import Attachment, Household, Income, LifecycleEvent, Measure, Member, Visit
from app.services import drafts, registry
from tests.fieldwork.conftest import as_role, audit, jpeg_bytes, outbox, png_bytes

pytestmark = pytest.mark.ui


@pytest.fixture()
def window(qtbot: Any, qapp: Any, tmp_path: Path, db: Any) -> Iterator[Any]:
    from ui import settings
    from ui.fonts import apply_app_font
    from ui.main_window import MainWindow
    from ui.translation import set_ui_language
    from ui.workers import wait_all

    settings.use_file(tmp_path / "settings.ini")
    set_ui_language("zh_CN")
    apply_app_font(qapp, 100)
    win = MainWindow(settings.Settings())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    yield win
    from shiboken6 import isValid

    for w in list(getattr(getattr(win, "fieldwork", None), "windows", [])):
        if isValid(w):
            w.close()
    win.idle.stop()
    wait_all(10000)
    # closed while the database and the test's settings file are still in place (pytest-qt would
    # close it after both); a "quit anyway?" box would fail the test (tests/conftest.py)
    if isValid(win) and win.isVisible():
        win.close()
        wait_all(10000)
    settings.use_file(None)
    set_ui_language("zh_CN")


def attach(qtbot: Any, win: Any, db: Any) -> None:
    """Attach the database and wait for the feature plugins (they load after the first rows)."""
    with qtbot.waitSignal(win.plugins_loaded, timeout=15000):
        win.attach_database(db, check=False)
    assert not [e for e in win.plugin_errors if "fieldwork" in e[0]], win.plugin_errors


def card_tab(qtbot: Any, win: Any, household_id: str, cls_name: str) -> Any:
    card = win.open_household(household_id)
    if card.data is None:
        with qtbot.waitSignal(card.loaded, timeout=10000):
            pass
    tab = next(w for w, _t in card.extra if type(w).__name__ == cls_name)
    return card, tab


def refreshed(qtbot: Any, tab: Any, action: Any = None) -> None:
    with qtbot.waitSignal(tab.refreshed, timeout=10000):
        (action or tab.refresh)()


def submit(qtbot: Any, dialog: Any, values: dict[str, Any] | None = None) -> Any:
    """Fill a FormDialog and press OK; wait until the service answered."""
    if values:
        dialog.form.set_values(values)
    with qtbot.waitSignal(dialog.submitted, timeout=10000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    return dialog.result_value


def _members(db: Any, hh_id: str) -> dict[str, Member]:
    with db.read() as s:
        return {m.name: m for m in s.exec(select(Member).where(Member.household_id == hh_id))}


# ---------------------------------------------------------------------------------------------------
# the visit wizard
# ---------------------------------------------------------------------------------------------------
def test_visit_wizard_killed_half_way_resumed_and_saved(qtbot, qtmodeltester, window, db, household):
    from ui.fieldwork import wizard as wz

    attach(qtbot, window, db)
    wiz = window.fieldwork.new_visit(household.id)
    assert wiz.context.household.id == household.id and wiz.currentId() == wz.P_HOUSEHOLD
    assert wiz.currentPage().isComplete()
    with qtbot.waitSignal(wiz.draft_saved, timeout=5000):
        wiz.next()
    assert wiz.currentId() == wz.P_MEMBERS
    members = wiz.currentPage()
    assert [r["name"] for r in members.rows()] == ["张三", "李四", "张小明"]
    qtmodeltester.check(members.model)
    # a baby was born: the dialog of the members page
    dialog = members.add_dialog()
    dialog.form.set_values({"name": "张小花", "relation": "04", "sex": "2", "birth_date": date(2026, 4, 2),
                            "change_reason": "06", "change_date": date(2026, 4, 2)})
    dialog.accept()
    assert [r["name"] for r in members.rows()][-1] == "张小花"
    wiz.next()
    checks = wiz.currentPage()
    checks.all_yes()
    checks.set_check("water_quantity", False)
    checks.notes["water_quantity"].setText("旱季缺水")
    checks.house.set_code("B")
    wiz.next()
    income = wiz.currentPage()
    assert wiz.currentId() == wz.P_INCOME
    income.form.widgets["wage_fen"].setText("24000")
    income.form.widgets["transfer_dibao_fen"].setText("1,200.50")
    income.expenses.widgets["medical_fen"].setText("800")
    income.update_summary()
    assert "人均" in income.summary.text() and "4 人" in income.summary.text()  # 3 + the newborn
    with qtbot.waitSignal(wiz.draft_saved, timeout=5000):
        wiz.next()
    assert wiz.currentId() == wz.P_PROBLEMS
    draft_id = wiz.draft_id
    # --- the laptop dies: the wizard is dropped without saving or closing ------------------------
    wiz.hide()
    wiz.setParent(None)
    wiz.deleteLater()
    from shiboken6 import isValid

    qtbot.waitUntil(lambda: not isValid(wiz), timeout=5000)  # the wizard is gone, not merely hidden
    del wiz
    state, step = drafts.load_draft(db, draft_id)
    assert step == wz.P_PROBLEMS and state["income"]["wage_fen"] == 2_400_000
    with db.read() as s:
        assert s.exec(select(Visit)).all() == []  # nothing but the draft was written

    # --- reopened: one unfinished visit, resumed on the page it was left at ------------------------
    wiz = window.fieldwork.resume()
    assert wiz.draft_id == draft_id and wiz.currentId() == wz.P_PROBLEMS
    assert wiz.pages[wz.P_INCOME].form.widgets["transfer_dibao_fen"].text() == "1200.50"
    assert wiz.pages[wz.P_CHECKS].combos["water_quantity"].currentData() is False
    assert [c["action"] for c in wiz.pages[wz.P_MEMBERS].changes] == ["add"]
    problems = wiz.currentPage()
    problems.p_category.set_code("12")
    problems.p_text.setText("旱季饮水不足")
    problems.add_problem()
    problems.m_form.set_values({"category": "12", "content": "联系修建蓄水池", "amount_fen": 300_000,
                                "funding_source": "04", "date": date(2026, 12, 1)})
    problems.add_measure()
    wiz.next()
    sat = wiz.currentPage()
    sat.satisfaction.set_code("02")
    sat.rating.set_code("01")
    sat.flags["toilet"].setChecked(True)
    sat.summary.setPlainText("生活基本稳定")
    wiz.next()
    photos_page = wiz.currentPage()
    with qtbot.waitSignal(wiz.photo_stored, timeout=10000):
        photos_page.add_photo_bytes(jpeg_bytes((2400, 1800)), caption="水窖")
    with qtbot.waitSignal(wiz.photo_failed, timeout=10000) as failed:
        photos_page.add_photo_bytes(b"this is a text file", caption="bad")
    assert "不是可识别的图片" in failed.args[0] and len(photos_page.photos) == 1
    photos_page.pad.draw_stroke([(20, 60), (80, 40), (140, 90), (220, 50)])
    assert photos_page.r_sign.isChecked()
    wiz.next()
    assert wiz.currentId() == wz.P_SUMMARY
    assert "张三" in wiz.currentPage().view.toPlainText()
    with qtbot.waitSignal(wiz.saved, timeout=15000) as saved:
        wiz.button(wiz.WizardButton.FinishButton).click()
    visit = saved.args[0]

    with db.read() as s:
        stored = s.get(Visit, visit.id)
        assert stored.satisfaction == "02" and stored.summary == "生活基本稳定"
        assert stored.data["checks"]["water_quantity"] is False and stored.data["notes"]["water_quantity"] == "旱季缺水"
        assert stored.data["problems"] == [{"category": "12", "text": "旱季饮水不足"}]
        assert stored.data["expenses"] == {"medical_fen": 80_000}
        assert stored.confirmation_sha256 and s.get(Attachment, stored.confirmation_sha256).mime == "image/png"
        photo = s.get(Attachment, stored.data["photos"][0]["sha256"])
        assert max(photo.width, photo.height) == 1600 and stored.data["photos"][0]["caption"] == "水窖"
        hh = s.get(Household, household.id)
        assert hh.size == 4
        assert s.exec(select(Income).where(Income.household_id == hh.id, Income.year == 2026)).one().transfer_dibao_fen \
            == 120_050
        measure = s.exec(select(Measure).where(Measure.household_id == hh.id)).one()
        assert measure.content == "联系修建蓄水池" and measure.status == "01"
        assert s.exec(select(LifecycleEvent).where(LifecycleEvent.household_id == hh.id)).one().kind == "06"
    assert drafts.list_drafts(db) == []
    assert [op.kind for op in outbox(db, "visit")] == ["append"]
    assert outbox(db, "member")[-1].kind in ("create", "patch") and outbox(db, "measure")[-1].kind == "append"
    assert audit(db, "visit", "append") and audit(db, "member", "create")


def test_wizard_shows_the_services_refusal_and_keeps_the_draft(qtbot, window, db, household):
    from ui.fieldwork import wizard as wz

    attach(qtbot, window, db)
    wiz = window.fieldwork.new_visit(household.id)
    wiz.next()
    members = wiz.currentPage()
    child = next(i for i, r in enumerate(members.rows()) if r["name"] == "张小明")
    members.table.selectRow(child)
    dialog = members.remove_dialog()
    dialog.form.set_values({"change_reason": "01", "change_date": date(2010, 1, 1)})  # died before being born
    dialog.accept()  # the dialog refuses at once (tests/fieldwork/test_fieldwork_wizard_input.py) …
    assert dialog.isVisible() and "死亡日期早于出生日期" in dialog.form.error_text("change_date")
    dialog.reject()
    # … so the same bad change arrives as a draft written elsewhere would carry it: the service refuses it
    members.add_change({"action": "remove", "member_id": members.rows()[child]["id"], "reason": "01",
                        "on": "2010-01-01"})
    for _ in range(6):
        wiz.next()
    assert wiz.currentId() == wz.P_SUMMARY
    with qtbot.waitSignal(wiz.save_failed, timeout=10000):
        wiz.button(wiz.WizardButton.FinishButton).click()
    text = wiz.pages[wz.P_SUMMARY].message.text()
    assert "死亡日期早于出生日期" in text and wiz.failed_page == wz.P_MEMBERS
    with db.read() as s:
        assert s.exec(select(Visit)).all() == []
        assert s.exec(select(Member).where(Member.name == "张小明")).one().active
    assert [d.id for d in drafts.list_drafts(db)] == [wiz.draft_id]
    wiz.reject()  # closing keeps the draft
    assert len(drafts.list_drafts(db)) == 1


def test_household_is_picked_by_search_in_the_wizard(qtbot, window, db, household):
    attach(qtbot, window, db)
    wiz = window.fieldwork.new_visit(None)
    page = wiz.currentPage()
    assert not page.isComplete()
    page.search.setText("zs")
    assert page.results.count() == 1
    page.results.setCurrentRow(0)
    assert page.isComplete() and wiz.context.household.id == household.id
    assert wiz.draft_id is not None  # the draft exists as soon as a household is chosen


# ---------------------------------------------------------------------------------------------------
# exit request through to approval, and the exit checklist
# ---------------------------------------------------------------------------------------------------
def test_exit_request_filed_through_to_county_approval(qtbot, qtmodeltester, window, db, exit_ready):
    from app.services import lifecycle as lc
    from ui.fieldwork.common import light

    attach(qtbot, window, db)
    card, checklist = card_tab(qtbot, window, exit_ready.id, "ExitTab")
    refreshed(qtbot, checklist, lambda: checklist.year.setValue(2020))
    rows = checklist.model.rows()
    assert len(rows) == 13 and all(c.result == "pass" for c in rows)
    qtmodeltester.check(checklist.model)
    assert "2020" in checklist.verdict.text() and checklist.model.data(checklist.model.index(0, 0)) == "达标"
    from PySide6.QtCore import Qt

    icon = checklist.model.data(checklist.model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == light("green").cacheKey()

    _card, tab = card_tab(qtbot, window, exit_ready.id, "RequestsTab")
    refreshed(qtbot, tab)
    assert "未脱贫" in tab.state_label.text() and tab.buttons["new"].isEnabled()
    dialog = tab.new_dialog()
    with qtbot.waitSignal(tab.refreshed, timeout=10000):
        submit(qtbot, dialog, {"kind": "02", "year": 2020})
    req = tab.current()
    assert req.kind == "02" and req.status == "draft"
    with qtbot.waitSignal(tab.refreshed, timeout=10000):
        submit(qtbot, tab.deliberation_dialog(), {"deliberation_date": date(2020, 11, 2), "total": 40,
                                                  "attended": 36, "agreed": 35})
    notice = tab.notice_dialog()
    notice.form.set_values({"notice_start": date(2020, 11, 3), "notice_end": date(2020, 11, 6)})
    with qtbot.waitSignal(notice.refused, timeout=10000):
        notice.buttons.button(notice.buttons.StandardButton.Ok).click()
    assert "公示期至少 7 天，实际 4 天" in notice.form.error_text("notice_end")
    with qtbot.waitSignal(tab.refreshed, timeout=10000):
        submit(qtbot, notice, {"notice_end": date(2020, 11, 9)})
    conf = tab.confirmation_dialog()
    conf.pad.draw_stroke([(10, 50), (60, 20), (120, 70)])
    with qtbot.waitSignal(tab.refreshed, timeout=10000):
        submit(qtbot, conf)
    assert "民主评议" in tab.model.data(tab.model.index(0, 3))
    qtmodeltester.check(tab.model)
    with qtbot.waitSignal(tab.refreshed, timeout=10000):
        tab.submit()
    assert tab.current().status == lc.SUBMITTED
    with db.read() as s:
        assert s.get(Household, exit_ready.id).exit_status == "01"  # not before approval

    with as_role(db, "township"):
        tab._buttons()
        assert tab.buttons["township"].isEnabled() and not tab.buttons["county"].isEnabled()
        worklist = window.fieldwork.requests()  # the township's worklist shows the submitted request
        qtbot.waitUntil(lambda: worklist.model.rowCount() == 1, timeout=10000)
        assert worklist.model.row_at(0).household_id == exit_ready.id
        qtmodeltester.check(worklist.model)
        worklist.close()
        with qtbot.waitSignal(tab.refreshed, timeout=10000):
            submit(qtbot, tab.township_dialog(), {"note": "材料齐全"})
    assert tab.current().status == lc.REVIEWED
    with as_role(db, "county"):
        tab._buttons()
        decision = tab.county_dialog()
        with qtbot.waitSignal(card.loaded, timeout=10000):
            submit(qtbot, decision)
        assert card.status.text() == "已脱贫(享受政策)"  # the card header follows the approval
    with db.read() as s:
        hh = s.get(Household, exit_ready.id)
        assert (hh.exit_status, hh.exit_year) == ("02", 2020)
        event = s.exec(select(LifecycleEvent).where(LifecycleEvent.household_id == hh.id,
                                                    LifecycleEvent.kind == "02")).one()
        assert event.request_id == req.id
    steps = [e.reason for e in audit(db, "lifecycle_request") if e.action == "patch"]
    assert steps == ["lifecycle.deliberation", "lifecycle.notice", "lifecycle.confirmation", "lifecycle.submit",
                     "lifecycle.township_approve", "lifecycle.county_approve"]
    assert outbox(db, "lifecycle_request")[-1].fields["status"] == "approved"
    assert any(op.fields.get("exit_status") == "02" for op in outbox(db, "household"))
    assert outbox(db, "lifecycle_event")[-1].kind == "append"


def test_blocked_exit_explains_and_township_overrides(qtbot, qtmodeltester, window, db, exit_ready):
    from app.services import lifecycle as lc

    registry.update_conditions(db, exit_ready.id, {"house_danger_level": "D"})
    req = lc.file_request(db, exit_ready.id, lc.EXIT, 2020)
    lc.record_deliberation(db, req.id, date(2020, 11, 2), 30, 35, 30, True)
    lc.record_notice(db, req.id, date(2020, 11, 3), date(2020, 11, 9))
    lc.record_confirmation(db, req.id, date(2020, 11, 9), image=png_bytes(), kind="sheet")
    attach(qtbot, window, db)
    _card, tab = card_tab(qtbot, window, exit_ready.id, "RequestsTab")
    refreshed(qtbot, tab)
    tab.submit()
    qtbot.waitUntil(lambda: getattr(tab, "override_box", None) is not None or bool(tab.message.text()), timeout=10000)
    assert not tab.message.text(), tab.message.text()
    box = tab.override_box
    assert not box.may_override and box.table.model().rowCount() == 2  # housing + must-not-exit
    qtmodeltester.check(box.table.model())
    box.reject()
    with as_role(db, "township"):
        tab.override_box = None
        tab.submit()
        qtbot.waitUntil(lambda: tab.override_box is not None, timeout=10000)
        box = tab.override_box
        assert box.may_override
        box.reason.setPlainText("改造已竣工，待重新鉴定")
        with qtbot.waitSignal(tab.refreshed, timeout=10000):
            box.accept()
    assert tab.current().status == lc.SUBMITTED and tab.current().override_reason == "改造已竣工，待重新鉴定"
    assert audit(db, "lifecycle_request", "override")[0].reason == "改造已竣工，待重新鉴定"


# ---------------------------------------------------------------------------------------------------
# reminder, visits due, other panels
# ---------------------------------------------------------------------------------------------------
def test_reminder_on_start_and_visits_due(qtbot, qtmodeltester, window, db, household):
    registry.assign_helper(db, household.id, "甲", date(2026, 1, 1), visit_every_days=30)
    drafts.save_draft(db, {"household_id": household.id}, 1)
    attach(qtbot, window, db)
    qtbot.waitUntil(lambda: window.fieldwork.reminder is not None, timeout=10000)
    box = window.fieldwork.reminder
    assert "1 户" in box.text() and "1 个未完成" in box.text()
    assert box.isVisible() and not box.isModal()
    due = window.fieldwork.visits_due()
    qtbot.waitUntil(lambda: due.model.rowCount() == 1, timeout=10000)
    row = due.model.row_at(0)
    assert row.state == "overdue" and row.helper_name == "甲"
    assert "逾期" in due.model.data(due.model.index(0, 0))
    qtmodeltester.check(due.model)
    due.table.selectRow(0)
    with qtbot.waitSignal(window.fieldwork.opened, timeout=5000) as opened:
        due.visit()
    wiz = opened.args[0]
    assert wiz.context.household.id == household.id
    wiz.reject()
    box.close()
    from ui.fieldwork.dialogs import DraftsDialog

    unfinished = DraftsDialog(window, lambda _id: None)
    qtbot.addWidget(unfinished)
    with qtbot.waitSignal(unfinished.refreshed, timeout=10000):
        pass  # the list loads in a worker; its answer needs the event loop, which runs only in here
    # the reminder's draft and the one the wizard opened from "visits due" saved when it started
    assert [d.head_name for d in unfinished.model.rows()] == ["张三", "张三"]
    qtmodeltester.check(unfinished.model)


def test_assistance_participation_risk_and_points_panels(qtbot, qtmodeltester, window, db, household, village):
    from PySide6.QtWidgets import QComboBox, QListWidget

    from app.domain import FundProject
    from app.services import participation
    from app.services.tx import write

    with write(db) as tx:
        project = tx.create(FundProject(name="雨露计划助学项目", village_id=village.id))
    attach(qtbot, window, db)
    _card, tab = card_tab(qtbot, window, household.id, "AssistanceTab")
    refreshed(qtbot, tab)
    dialog = tab.add_dialog()
    picker = dialog.findChild(QListWidget, "beneficiaryPicker")
    picker.item(2).setSelected(True)
    chooser = dialog.findChild(QComboBox, "measureProject")
    chooser.setCurrentIndex(chooser.findData(project.id))
    with qtbot.waitSignal(tab.refreshed, timeout=10000):
        submit(qtbot, dialog, {"category": "05", "content": "雨露计划", "amount_fen": 150_000, "funding_source": "02",
                               "date": date(2026, 9, 1), "status": "02"})
    view = tab.model.row_at(0)
    assert view.measure.content == "雨露计划" and len(view.measure.beneficiaries) == 1
    assert view.measure.project_id == project.id
    tab.table.selectRow(0)
    progress = tab.progress_dialog()
    with qtbot.waitSignal(tab.refreshed, timeout=10000):
        submit(qtbot, progress, {"status": "03", "date": date(2026, 10, 1), "content": "已发放"})
    assert tab.model.data(tab.model.index(0, 5)) == "已完成"
    qtmodeltester.check(tab.model)
    assert any("雨露计划" in tab.history.item(i).text() for i in range(tab.history.count()))

    participation.set_scheme(db, village.id, name="积分超市", exit_threshold=4)
    rule = participation.add_rule(db, village.id, "R01", "参加村民大会", 2, kind="02")
    _card, ptab = card_tab(qtbot, window, household.id, "ParticipationTab")
    refreshed(qtbot, ptab)
    record = ptab.record_dialog()
    rule_combo = record.findChild(QComboBox, "participationRule")
    rule_combo.setCurrentIndex(rule_combo.findData(rule.id))
    with qtbot.waitSignal(ptab.refreshed, timeout=10000):
        submit(qtbot, record, {"kind": "02", "date": date(2026, 3, 1), "note": "三月大会"})
    assert ptab.model.row_at(0).points == 2 and "余额 2" in ptab.summary.text()
    qtmodeltester.check(ptab.model)
    qtmodeltester.check(ptab.points_model)

    # the at-risk list and the points scheme window
    registry.update_member(db, _members(db, household.id)["李四"].id, {"health": "03"})
    risk = window.fieldwork.at_risk()
    with qtbot.waitSignal(risk.refreshed, timeout=10000):
        risk.all.setChecked(True)
    assert risk.model.rowCount() == 1 and risk.model.data(risk.model.index(0, 0)) == "高风险"
    qtmodeltester.check(risk.model)
    points = window.fieldwork.points()
    qtbot.waitUntil(lambda: points.rules_model.rowCount() == 1, timeout=10000)
    assert points.enabled.isChecked() and points.threshold.value() == 4
    assert points.rank_model.row_at(0).earned == 2
    qtmodeltester.check(points.rules_model)
    qtmodeltester.check(points.rank_model)


def test_language_switch_relabels_the_field_work(qtbot, window, db, exit_ready):
    attach(qtbot, window, db)
    _card, checklist = card_tab(qtbot, window, exit_ready.id, "ExitTab")
    refreshed(qtbot, checklist, lambda: checklist.year.setValue(2020))
    titles = [a.text() for a in window.menuBar().actions()]
    assert "驻村工作(&W)" in titles
    window.act_lang["en"].trigger()
    assert "Field &work" in [a.text() for a in window.menuBar().actions()]
    from PySide6.QtCore import Qt

    assert checklist.model.headerData(2, Qt.Orientation.Horizontal) == "Criterion"
    assert checklist.model.data(checklist.model.index(2, 2)) == "enough to wear"
    assert "Meets the exit criteria for 2020" in checklist.verdict.text()
    window.act_lang["zh_CN"].trigger()


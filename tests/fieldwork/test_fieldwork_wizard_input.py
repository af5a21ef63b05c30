"""pytest-qt: bad input in the visit wizard is refused where it is typed, with a clear message, and
nothing is half-saved — impossible member dates, a visit in the future, negative or unreadable
amounts, a file that is not an image — and the summary says what will be saved."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import select

from app.domain import Visit
from app.errors import ValidationFailed
from app.services import drafts, photos, visits
from tests.fieldwork.conftest import counts, jpeg_bytes
from tests.fieldwork.test_fieldwork_ui import attach, window  # noqa: F401  (the main-window fixture)

pytestmark = pytest.mark.ui


def _members_page(qtbot, window, db, household):  # noqa: F811
    from ui.fieldwork import wizard as wz

    attach(qtbot, window, db)
    wiz = window.fieldwork.new_visit(household.id)
    wiz.next()
    assert wiz.currentId() == wz.P_MEMBERS
    return wiz, wiz.currentPage()


def _row(members, name):
    return next(i for i, r in enumerate(members.rows()) if r["name"] == name)


def test_member_dialogs_refuse_impossible_dates_at_once(qtbot, window, db, household):  # noqa: F811
    wiz, members = _members_page(qtbot, window, db, household)
    day = wiz.visit_day()
    members.table.selectRow(_row(members, "张小明"))  # born 2015-09-01
    leave = members.remove_dialog()
    leave.form.set_values({"change_reason": "01", "change_date": date(2010, 1, 1)})
    leave.accept()
    assert leave.isVisible() and leave.form.error_text("change_date") == "死亡日期早于出生日期"
    leave.form.set_values({"change_reason": "03", "change_date": date(2014, 1, 1)})
    leave.accept()
    assert leave.form.error_text("change_date") == "变更日期早于出生日期"
    leave.form.set_values({"change_reason": "03", "change_date": day + timedelta(days=3)})
    leave.accept()
    assert leave.form.error_text("change_date") == "变更日期不能晚于走访日期"
    assert members.changes == []  # nothing refused reached the visit
    leave.form.set_values({"change_reason": "03", "change_date": day - timedelta(days=2)})
    leave.accept()
    assert not leave.isVisible() and [c["action"] for c in members.changes] == ["remove"]

    join = members.add_dialog()
    join.form.set_values({"relation": "03", "change_reason": "06", "birth_date": day - timedelta(days=1),
                          "change_date": day - timedelta(days=10)})
    join.accept()
    assert join.isVisible()
    assert join.form.error_text("name") == "必须填写"
    assert join.form.error_text("birth_date") == "新生儿的出生日期晚于登记日期"
    join.form.set_values({"name": "张小花", "birth_date": day + timedelta(days=5), "change_date": day})
    join.accept()
    assert join.form.error_text("birth_date") == "不能晚于今天"
    assert len(members.changes) == 1
    join.form.set_values({"birth_date": day - timedelta(days=10), "change_date": day - timedelta(days=9)})
    join.accept()
    assert not join.isVisible() and [c["action"] for c in members.changes] == ["remove", "add"]
    # the summary names each change, who and why
    for _ in range(6):
        wiz.next()
    text = wiz.currentPage().view.toPlainText()
    assert "减少：张小明（" in text and "增加：张小花（新生儿" in text, text
    wiz.reject()


def test_visit_time_cannot_be_set_in_the_future_and_a_future_draft_is_refused(qtbot, window, db, household):  # noqa: F811
    from PySide6.QtCore import QDateTime

    from ui.fieldwork import wizard as wz

    attach(qtbot, window, db)
    wiz = window.fieldwork.new_visit(household.id)
    page = wiz.pages[wz.P_HOUSEHOLD]
    page.when.setDateTime(QDateTime.currentDateTime().addDays(2))
    assert page.visited_at() <= datetime.now(UTC) + timedelta(minutes=6)  # the field stops at now
    wiz.reject()
    # a draft that says otherwise (another laptop's clock, an edited file) is refused when saved,
    # exactly as the wizard saves it, and the draft stays to be corrected
    future = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    state = {"household_id": household.id, "visited_at": future, "checks": {"food": True}}
    draft_id = drafts.save_draft(db, state, wz.P_SUMMARY)
    before = counts(db)
    with pytest.raises(ValidationFailed) as err:
        visits.record_visit_from_state(db, drafts.load_draft(db, draft_id)[0], draft_id)
    assert "走访时间不能晚于现在" in str(err.value)
    assert wz.error_page(err.value.errors[0].entity, err.value.errors[0].field) == wz.P_HOUSEHOLD
    assert counts(db) == before
    with db.read() as s:
        assert s.exec(select(Visit)).all() == []
    assert draft_id in [d.id for d in drafts.list_drafts(db)]


def test_income_page_keeps_the_user_on_bad_amounts(qtbot, window, db, household):  # noqa: F811
    from ui.fieldwork import wizard as wz

    attach(qtbot, window, db)
    wiz = window.fieldwork.new_visit(household.id)
    for _ in range(3):
        wiz.next()
    income = wiz.currentPage()
    assert wiz.currentId() == wz.P_INCOME
    income.form.widgets["wage_fen"].setText("-500")  # typed, the field's validator already refuses "-"
    income.form.widgets["business_fen"].setText(".")
    income.expenses.widgets["medical_fen"].setText("-1")
    wiz.next()
    assert wiz.currentId() == wz.P_INCOME  # not silently left out of the visit: the user stays here
    assert income.form.error_text("wage_fen") == "不能为负数"
    assert income.form.error_text("business_fen")
    assert income.expenses.error_text("medical_fen") == "不能为负数"
    income.form.widgets["wage_fen"].setText("24,000")
    income.form.widgets["business_fen"].setText("")
    income.expenses.widgets["medical_fen"].setText("800")
    wiz.next()
    assert wiz.currentId() == wz.P_PROBLEMS
    assert wiz.state["income"]["wage_fen"] == 2_400_000 and wiz.state["expenses"] == {"medical_fen": 80_000}
    wiz.reject()


def test_typed_problem_and_measure_are_not_lost_on_next(qtbot, window, db, household):  # noqa: F811
    from ui.fieldwork import wizard as wz

    attach(qtbot, window, db)
    wiz = window.fieldwork.new_visit(household.id)
    for _ in range(4):
        wiz.next()
    page = wiz.currentPage()
    assert wiz.currentId() == wz.P_PROBLEMS
    page.p_text.setText("房屋漏雨")
    page.m_form.set_values({"category": "04", "content": "申请危房改造"})
    page.m_form.widgets["amount_fen"].setText(".")
    wiz.next()
    assert wiz.currentId() == wz.P_PROBLEMS  # an amount that cannot be read keeps the user here
    assert page.m_form.error_text("amount_fen") == "金额格式无效（最多两位小数）"
    assert [p["text"] for p in page.problems] == ["房屋漏雨"]  # the typed problem was taken
    page.m_form.widgets["amount_fen"].setText("5,000")
    wiz.next()
    assert wiz.currentId() == wz.P_SATISFACTION
    assert [(m["category"], m["content"], m["amount_fen"]) for m in wiz.state["measures"]] == [
        ("04", "申请危房改造", 500_000)]
    for _ in range(2):
        wiz.next()
    text = wiz.currentPage().view.toPlainText()
    assert "申请危房改造" in text and "5,000.00 元" in text and "房屋漏雨" in text
    wiz.reject()


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_stored(qtbot, window, db, household,  # noqa: F811
                                                                         tmp_path: Path):
    from ui.fieldwork import wizard as wz

    attach(qtbot, window, db)
    wiz = window.fieldwork.new_visit(household.id)
    for _ in range(6):
        wiz.next()
    page = wiz.currentPage()
    assert wiz.currentId() == wz.P_PHOTOS
    before = counts(db)
    fake = tmp_path / "photo.jpg"
    fake.write_bytes(b"%PDF-1.4 this is a document, not a photo")
    with qtbot.waitSignal(wiz.photo_failed, timeout=10000) as failed:
        page.add_photo_file(str(fake))
    assert "不是可识别的图片" in failed.args[0] and "不是可识别的图片" in page.message.text()
    assert page.photos == [] and counts(db) == before
    real = tmp_path / "real.jpg"
    real.write_bytes(jpeg_bytes((3000, 2000)))
    with qtbot.waitSignal(wiz.photo_stored, timeout=10000):
        page.add_photo_file(str(real))
    assert len(page.photos) == 1
    stored = Image.open(io.BytesIO(photos.image_bytes(db, page.photos[0]["sha256"])))
    assert max(stored.size) == 1600  # downscaled on import
    page.r_sign.setChecked(True)
    page.pad.draw_stroke([(10, 40), (80, 20), (150, 60)])
    wiz.next()
    text = wiz.currentPage().view.toPlainText()
    assert "屏幕签名" in text and "照片: 1" in text.replace("：", ": ")
    wiz.reject()


def test_what_is_typed_on_a_page_is_saved_without_changing_page(qtbot, window, db, household):  # noqa: F811
    from ui.fieldwork import wizard as wz

    attach(qtbot, window, db)
    wiz = window.fieldwork.new_visit(household.id)
    for _ in range(5):
        wiz.next()
    assert wiz.currentId() == wz.P_SATISFACTION
    wiz.autosave.setInterval(30)
    with qtbot.assertNotEmitted(wiz.draft_saved, wait=200):
        pass  # nothing changed since the page change wrote the draft: nothing is written
    wiz.currentPage().summary.setPlainText("户主外出务工，妻子在家照顾老人")
    with qtbot.waitSignal(wiz.draft_saved, timeout=5000):
        pass
    state, step = drafts.load_draft(db, wiz.draft_id)  # what a crash now would leave
    assert state["summary"] == "户主外出务工，妻子在家照顾老人" and step == wz.P_SATISFACTION
    wiz.reject()

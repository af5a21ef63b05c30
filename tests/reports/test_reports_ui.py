"""The Notices menu in the desktop app (pytest-qt, offscreen): notices, batches, projects, history."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from reports_helpers import bulk_households
from reports_pdf import all_text
from sqlmodel import select

from app.domain.notices import Notice
from app.services.registry import create_village

pytestmark = pytest.mark.ui


@pytest.fixture()
def win(qtbot: Any, qapp: Any, tmp_path: Path, db: Any) -> Any:
    from ui import settings
    from ui.main_window import MainWindow
    from ui.notices.plugin import install
    from ui.translation import set_ui_language
    from ui.workers import wait_all

    settings.use_file(tmp_path / "settings.ini")
    set_ui_language("zh_CN")
    window = MainWindow(settings.Settings())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.list_model.loaded, timeout=10000):
        window.attach_database(db, check=False)
    if not hasattr(window, "notices_menu"):  # not yet listed in ui/plugins.py
        install(window)
    yield window
    window.idle.stop()
    wait_all(10000)
    settings.use_file(None)


@pytest.fixture()
def two_villages(db, village):
    second = create_village(db, "520123001002", "红岩村", "龙场镇", "云岭县", groups=4)
    bulk_households(db, village.id, 8, "exit", 2017, seed=1)
    bulk_households(db, second.id, 5, "exit", 2017, seed=2)
    return village, second


def _notices(db) -> list[Notice]:
    with db.read() as s:
        return list(s.exec(select(Notice)))


def test_menu_actions_are_there_and_enabled_for_a_village_user(win):
    menu = win.menu("notices")
    texts = [a.text() for a in menu.actions() if a.text()]
    assert any("公示" in t for t in texts) and any("项目" in t for t in texts) and any("明白卡" in t for t in texts)
    assert win.notices_menu.act_household.isEnabled() and win.notices_menu.act_projects.isEnabled()


def test_household_notice_single_village_issue(qtbot, win, db, two_villages, tmp_path):
    dialog = win.notices_menu.household_notice()
    dialog.select_villages([two_villages[0].code])
    dialog.year.setValue(2017)
    dialog.start.set_value(date(2017, 11, 1))
    dialog.hotline.setText("0851-1234567")
    out = tmp_path / "exit.pdf"
    with qtbot.waitSignal(dialog.issued, timeout=20000) as blocker:
        dialog.issue_single(out)
    ids, paths = blocker.args
    assert len(ids) == 1 and paths == [str(out)]
    assert "石门村2017年拟退出贫困户公示" in all_text(out)
    assert "已发布" in dialog.message.text() or "Issued" in dialog.message.text()


def test_household_notice_refusal_is_shown_and_nothing_written(qtbot, win, db, two_villages, tmp_path):
    dialog = win.notices_menu.household_notice()
    dialog.select_villages([two_villages[0].code])
    dialog.kind.setCurrentIndex(dialog.kind.findData("remove"))
    dialog.year.setValue(2017)
    with qtbot.waitSignal(dialog.failed, timeout=20000) as blocker:
        dialog.issue_single(tmp_path / "none.pdf")
    assert "没有需要列入" in blocker.args[0] and dialog.message.isVisible()
    assert not (tmp_path / "none.pdf").exists() and _notices(db) == []


def test_household_notice_batch_with_progress_and_preview(qtbot, win, db, two_villages, tmp_path):
    dialog = win.notices_menu.household_notice()
    dialog.select_villages([v.code for v in two_villages])
    assert dialog.combined.isEnabled()
    dialog.year.setValue(2017)
    dialog.start.set_value(date(2017, 11, 1))
    with qtbot.waitSignal(dialog.previewed, timeout=20000) as blocker:
        dialog.preview()
    preview = blocker.args[0]
    assert preview.page_count() >= 1 and _notices(db) == []  # a preview issues nothing
    dialog.combined.setChecked(True)
    with qtbot.waitSignal(dialog.issued, timeout=30000) as blocker:
        dialog.issue_batch(tmp_path / "boards")
    ids, paths = blocker.args
    assert len(ids) == 2 and len(paths) == 1 and len(_notices(db)) == 2
    text = all_text(Path(paths[0]))
    assert "石门村" in text and "红岩村" in text


def test_preview_prints_every_page(qtbot, win, db, two_villages, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    dialog = win.notices_menu.household_notice()
    dialog.select_villages([two_villages[0].code])
    dialog.year.setValue(2017)
    with qtbot.waitSignal(dialog.previewed, timeout=20000) as blocker:
        dialog.preview()
    preview = blocker.args[0]
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_(printer) == preview.page_count() >= 1
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


def test_print_household_card_opens_a_preview(qtbot, win, db, household):
    with qtbot.waitSignal(win.notices_menu.opened, timeout=20000) as blocker:
        win.notices_menu.print_household("mingbai", household.id)
    assert blocker.args[0].page_count() == 1


def test_project_registry_create_fund_beneficiaries_stage_and_notice(qtbot, win, db, village, tmp_path):
    ids = bulk_households(db, village.id, 3, None)
    dialog = win.notices_menu.projects()
    qtbot.waitUntil(lambda: dialog.village.count() > 1, timeout=10000)
    dialog.form.widget("name").setText("石门村光伏扶贫项目")
    dialog.form.widget("project_type").set_code("06")
    dialog.form.widget("household_level").setChecked(True)
    dialog.village.setCurrentIndex(dialog.village.findData(village.id))
    dialog.set_amount("01", "50000")
    dialog.set_amount("06", "abc")
    with qtbot.waitSignal(dialog.failed, timeout=10000):
        dialog.save()  # a bad amount is refused before anything is written
    dialog.set_amount("06", "2,000.50")
    dialog.add_households(ids, amount_fen=100_000)
    with qtbot.waitSignal(dialog.saved, timeout=10000) as blocker:
        dialog.save()
    pid = blocker.args[0]
    from app.services.projects import project_summary

    summary = project_summary(db, pid)
    assert summary.total_fen == 5_200_050 and len(summary.beneficiaries) == 3
    assert {b.amount_fen for b, _ in summary.beneficiaries} == {100_000}
    qtbot.waitUntil(lambda: dialog.summary is not None and dialog.summary.project.id == pid, timeout=10000)
    with qtbot.waitSignal(dialog.failed, timeout=10000) as blocker:
        dialog.next_stage(on=date(2018, 3, 1))  # no plan notice yet, no reason
    assert "计划公示" in blocker.args[0]
    with qtbot.waitSignal(dialog.previewed, timeout=20000) as blocker:
        dialog.preview_notice("plan")
    assert blocker.args[0].page_count() >= 1
    out = tmp_path / "plan.pdf"
    with qtbot.waitSignal(dialog.notice_issued, timeout=20000):
        dialog.issue_draft(dialog.preview_draft, out)  # exactly what was previewed
    assert "石门村光伏扶贫项目计划公示" in all_text(out)
    qtbot.waitUntil(lambda: dialog.summary is not None and bool(dialog.summary.notices), timeout=10000)
    with qtbot.waitSignal(dialog.stage_changed, timeout=10000):
        dialog.next_stage(on=date(2018, 3, 1), note="开工")
    assert project_summary(db, pid).project.status == "02"


def test_history_photo_objection_resolution_reprint_withdraw(qtbot, win, db, two_villages, tmp_path):
    from app.reports.notices import render_household_notice

    issued = render_household_notice(db, two_villages[0].code, "exit", 2017, tmp_path / "n.pdf",
                                     period_start=date(2017, 11, 1))
    dialog = win.notices_menu.history()
    qtbot.waitUntil(lambda: dialog.current is not None, timeout=10000)
    assert dialog.current.notice.id == issued.notice_id
    photo = tmp_path / "posted.jpg"
    buf = io.BytesIO()
    Image.new("RGB", (2400, 1800), (120, 130, 140)).save(buf, format="JPEG")
    photo.write_bytes(buf.getvalue())
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        dialog.attach_photo_file(photo)
    qtbot.waitUntil(lambda: dialog.photos.count() == 1, timeout=10000)
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        dialog.log_objection(date(2017, 11, 3), "02", "对第2户有异议")
    qtbot.waitUntil(lambda: dialog.objections.count() == 1, timeout=10000)
    objection_id = dialog.objections.item(0).data(0x0100)
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        dialog.resolve(objection_id, "经核实无误", date(2017, 11, 5))
    qtbot.waitUntil(lambda: "经核实无误" in dialog.objections.item(0).text(), timeout=10000)
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        dialog.reprint_to(tmp_path / "again.pdf")
    assert (tmp_path / "again.pdf").read_bytes() == (tmp_path / "n.pdf").read_bytes()
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        dialog.withdraw("名单有误")
    qtbot.waitUntil(lambda: dialog.current is not None and dialog.current.notice.status == "withdrawn",
                    timeout=10000)
    assert not dialog.btn_withdraw.isEnabled()

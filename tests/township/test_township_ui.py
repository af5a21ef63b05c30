"""The Township menu in the desktop app: import with preview, quality findings that open the
household, dashboards with charts saved as image and PDF, plans and village profiles."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytestqt")

pytestmark = pytest.mark.ui


@pytest.fixture()
def window(qtbot: Any, qapp: Any, tmp_path: Path, db: Any, village: Any) -> Iterator[Any]:
    from ui import settings
    from ui.main_window import MainWindow
    from ui.translation import set_ui_language
    from ui.workers import wait_all

    settings.use_file(tmp_path / "settings.ini")
    set_ui_language("zh_CN")
    win = MainWindow(settings.Settings())
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    with qtbot.waitSignal(win.list_model.loaded, timeout=15000):
        win.attach_database(db, check=False)
    yield win
    win.idle.stop()
    wait_all(15000)
    # Close it here, while the database is open, rather than by pytest-qt after the fixtures; a
    # modal "quit anyway?" question would fail the test (tests/conftest.py), not wait for ever.
    win.close()
    settings.use_file(None)


def _rows(make_rows: Any = None) -> list[list[Any]]:
    from app.idnumber import make_id

    head = make_id("520123", date(1970, 2, 2), 31, "1")
    wife = make_id("520123", date(1972, 3, 3), 32, "2")
    return [["龙场镇", "石门村", "云岭县", "5201230010019001", "吴大成", head, "户主", "因病", "未脱贫"],
            ["龙场镇", "石门村", "云岭县", "5201230010019001", "罗小芬", wife, "配偶", "因病", "未脱贫"]]


def _xlsx(path: Path, rows: list[list[Any]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["乡(镇)", "村", "县", "户编号", "姓名", "证件号码", "与户主关系", "主要致贫原因", "脱贫属性"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_township_menu_and_import_with_preview(qtbot, window, tmp_path):
    menu = window.menu("township")
    assert menu.title() == "乡镇(&T)" or "乡镇" in menu.title()
    assert window.township.act_import.isEnabled()  # the county user may import
    bad = _rows()
    bad[1][7] = "因懒"
    dialog = window.township.import_file()
    dialog.path.setText(str(_xlsx(tmp_path / "bad.xlsx", bad)))
    with qtbot.waitSignal(dialog.checked, timeout=15000) as blocker:
        dialog.check()
    assert blocker.args[0].refused and not dialog.import_button.isEnabled()
    assert dialog.problems.rowCount() == 1 and dialog.problems.item(0, 2).text() == "3"
    assert "因懒" in dialog.problems.item(0, 5).text()
    dialog.path.setText(str(_xlsx(tmp_path / "good.xlsx", _rows())))
    with qtbot.waitSignal(dialog.checked, timeout=15000):
        dialog.check()
    assert dialog.import_button.isEnabled() and "预览" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=15000) as blocker:
        dialog.run_import()
    assert blocker.args[0].written and blocker.args[0].households == 1
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=15000)


def test_quality_findings_open_the_household(qtbot, qtmodeltester, window, db, village, tmp_path):
    from app.services.registry import create_household
    from tests.conftest import synthetic_id

    hh = create_household(db, village.id, {"name": "郑一", "id_number": synthetic_id()}, hh_number="Q-1",
                          main_cause="01")
    conn = db.raw()
    conn.execute("UPDATE member SET work_months = 14 WHERE household_id = ?", (hh.id,))
    conn.close()
    dialog = window.township.quality()
    with qtbot.waitSignal(dialog.finished_checks, timeout=15000) as blocker:
        dialog.run()
    codes = {f.rule.code for f in blocker.args[0]}
    assert "work_months_over" in codes
    qtmodeltester.check(dialog.model)
    dialog.rule.setCurrentIndex(dialog.rule.findData("work_months_over"))
    assert dialog.proxy.rowCount() == 1
    qtmodeltester.check(dialog.proxy)
    index = dialog.proxy.index(0, 0)
    assert "*" in dialog.proxy.index(0, 7).data()  # ID masked
    with qtbot.waitSignal(dialog.jumped, timeout=15000):
        dialog.view.doubleClicked.emit(index)
    qtbot.waitUntil(lambda: any(c.household_id == hh.id for c in window.cards()), timeout=15000)
    from openpyxl import load_workbook
    from pypdf import PdfReader

    with qtbot.waitSignal(dialog.saved, timeout=15000):  # what the filter shows is what is saved
        dialog.save("xlsx", tmp_path / "findings.xlsx")
    rows = list(load_workbook(tmp_path / "findings.xlsx").worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 2 and "work_months_over" in rows[1]
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        dialog.save("pdf", tmp_path / "findings.pdf")
    assert "Q-1" in "".join(p.extract_text() for p in PdfReader(tmp_path / "findings.pdf").pages)


def test_dashboard_charts_image_and_pdf(qtbot, window, db, village, tmp_path):
    from pypdf import PdfReader

    from app.services.registry import create_household
    from tests.conftest import synthetic_id

    create_household(db, village.id, {"name": "冯二", "id_number": synthetic_id()}, hh_number="D-1", main_cause="02")
    with qtbot.waitSignal(window.township.opened, timeout=15000) as opened:
        window.township.dashboard()
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.board is not None and dialog.board.households == 1, timeout=15000)
    assert set(dialog.views) == {"by_status", "by_attr", "by_cause", "exits", "measures", "funds"}
    cause_chart = dialog.views["by_cause"].chart()
    assert cause_chart.series()[0].barSets()[0].at(0) == 1.0
    codes = [dialog.scope.itemData(i) for i in range(dialog.scope.count())]
    assert codes == [None, "520123", "520123001", village.code]  # everything, county, township, village
    with qtbot.waitSignal(dialog.loaded, timeout=15000) as blocker:
        dialog.scope.setCurrentIndex(3)
    assert blocker.args[0].scope == village.code and blocker.args[0].villages == 1
    dialog.tabs.setCurrentWidget(dialog.views["by_cause"])
    png = tmp_path / "chart.png"
    dialog.save_chart(png)
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert (image.width(), image.height()) == (1400, 480)  # drawn at a fixed size, twice the pixels
    assert image.pixelColor(700, 240).name() != image.pixelColor(5, 5).name()  # something drawn, not blank
    pdf = tmp_path / "dash.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=30000):
        dialog.save_report(pdf)
    reader = PdfReader(pdf)
    assert sum(len(p.images) for p in reader.pages) == 3  # the QtCharts that have data: status, type, cause
    assert "按主要致贫原因" in "".join(p.extract_text() for p in reader.pages)


def test_plans_and_profile_editors(qtbot, window, db, village):
    from app.services.plans import plans
    from app.services.village_profile import history

    dialog = window.township.plans()
    qtbot.waitUntil(lambda: dialog.annual.rowCount() == 0, timeout=15000)
    dialog.annual.add_row(2018, 3, 11)
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        dialog.save()
    assert [(p.year, p.households, p.people) for p in plans(db, village.id, "annual")] == [(2018, 3, 11)]
    with qtbot.waitSignal(dialog.loaded, timeout=15000):
        pass
    assert dialog.progress.rowCount() == 1 and dialog.progress.item(0, 1).text() == "3"
    profile = window.township.profile()
    with qtbot.waitSignal(profile.loaded, timeout=15000):
        pass
    profile.population_total.setValue(880)
    profile.flags["broadband"].setChecked(True)
    profile.lists["task_force"].set_entries([{"name": "钱第一", "role": "第一书记"}])
    projects = profile.lists["projects"]
    projects.set_entries([{"name": "组组通硬化路", "year": 2018}])
    projects.table.item(0, 2).setText("850,000.50")  # amounts are typed in yuan
    with qtbot.waitSignal(profile.saved, timeout=15000) as blocker:
        profile.save()
    assert blocker.args[0] is not None
    snaps = history(db, village.id)
    assert snaps[-1].population_total == 880 and snaps[-1].broadband is True
    assert snaps[-1].task_force == [{"name": "钱第一", "role": "第一书记"}]
    assert snaps[-1].projects == [{"name": "组组通硬化路", "year": 2018, "amount_fen": 85_000_050}]
    with qtbot.waitSignal(profile.loaded, timeout=15000):
        pass
    assert profile.history.rowCount() >= 3
    shown = {profile.history.item(r, 2).text(): profile.history.item(r, 4).text()
             for r in range(profile.history.rowCount())}
    assert shown["通宽带"] == "是" and shown["驻村工作队"] == "钱第一"  # values as a person reads them
    header = profile.history.horizontalHeader()  # Before and After share the width: After stays in view
    assert abs(header.sectionSize(3) - header.sectionSize(4)) <= 1
    assert header.sectionViewportPosition(4) + header.sectionSize(4) <= profile.history.viewport().width() + 1
    assert profile.lists["projects"].table.item(0, 2).text() == "850000.50"  # shown in yuan again

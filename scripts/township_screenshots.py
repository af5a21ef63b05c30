"""Render the township screens offscreen to PNG, and the dashboard PDF (for review and docs/township.md).

    uv run python scripts/township_screenshots.py                 # → docs/screenshots/township_*.png
    uv run python scripts/township_screenshots.py --out /tmp/tw --lang en

Builds a small demo county (the ``quality_problems`` scenario: the default county with planted
defects) in a temporary folder, gives its first village exit plans and two
profile snapshots (the demo has none), opens it in the real main window on Qt's offscreen
platform and grabs the import preview (a messy sheet with errors), the export dialog, the
quality findings, the dashboard's charts, the plans and the profile. The dashboard PDF is
written next to the PNGs (``township_dashboard.pdf``); ``pdftoppm -png`` renders its pages.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BANGFU_NO_AUTO_BACKUP", "1")
from shots import FAST_KDF, ROOT, spin


def _messy_sheet(path: Path, village) -> Path:  # type: ignore[no-untyped-def]
    """A sheet as townships send them: title rows, odd headers, an unknown column, two errors."""
    from openpyxl import Workbook

    from app.idnumber import make_id

    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append([f"{village.name}建档立卡贫困人口明细表"])
    ws.append(["县（市、区）", "乡（镇）", "【村】", "组 别", "户 编 号*", "姓  名", "证件号码（身份证）", "与户主的关系",
               "致贫原因", "脱贫属性", "务工时间（月）", "备注"])
    head = make_id(village.code[:6], date(1971, 4, 2), 81, "1")
    wife = make_id(village.code[:6], date(1973, 8, 9), 82, "2")
    son = make_id(village.code[:6], date(2001, 1, 15), 83, "1")
    base = [village.county_name, village.township_name, village.name, "第3组", village.code + "9001"]
    ws.append([*base, "吴大成", head, "户主", "因病", "未脱贫", 10, ""])
    ws.append([*base, "罗小芬", wife, "配偶", "因懒", "未脱贫", 0, "已核实"])
    ws.append([*base, "吴小兵", float(son), "之子", "因病", "未脱贫", 14, ""])
    wb.save(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--households", type=int, default=150)
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bangfu-tw-shots-"))
    from ui import settings as settings_module

    settings_module.use_file(work / "settings.ini")
    from sqlmodel import select

    from app.demo import ensure_demo_database
    from app.domain import Village
    from app.store.database import open_database

    user, passphrase = ensure_demo_database(work / "demo.db", households=args.households, kdf=FAST_KDF,
                                          scenario="quality_problems")
    db = open_database(work / "demo.db", user, passphrase, check=False, backup=False)
    db.actor = type(db.actor)(db.actor.user_id, db.actor.name, "county")  # plans are township/county work
    with db.read() as s:
        village = s.exec(select(Village).order_by(Village.code)).first()
    # exit plans and profile snapshots: the demo generates them (app/demo/villages.py)

    from PySide6.QtWidgets import QApplication

    from ui.fonts import apply_app_font, register_fonts
    from ui.main_window import MainWindow
    from ui.translation import set_ui_language

    app = QApplication.instance() or QApplication([])
    register_fonts()
    apply_app_font(app, 100)
    set_ui_language(args.lang)
    win = MainWindow(settings_module.Settings())
    win.resize(1280, 800)
    win.show()
    win.attach_database(db, check=False)
    spin(app, lambda: win.list_model.rowCount() > 0 and hasattr(win, "township"))
    reminder = getattr(getattr(win, "fieldwork", None), "reminder", None)
    if reminder is not None:
        reminder.close()
    suffix = "" if args.lang.startswith("zh") else "_en"

    def grab(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        spin(app, lambda: False, 0.3)
        widget.grab().save(str(args.out / f"township_{name}{suffix}.png"))

    # -- import preview of a messy sheet with errors ---------------------------------------------
    dialog = win.township.import_file()
    dialog.path.setText(str(_messy_sheet(work / "花名册.xlsx", village)))
    done: list[object] = []
    dialog.checked.connect(done.append)
    dialog.check()
    spin(app, lambda: bool(done))
    grab(dialog, "import_preview")
    dialog.close()

    dialog = win.township.export()
    grab(dialog, "export")
    dialog.close()

    # -- quality findings ------------------------------------------------------------------------
    dialog = win.township.quality()
    done.clear()
    dialog.finished_checks.connect(done.append)
    dialog.run()
    spin(app, lambda: bool(done), 120)
    grab(dialog, "quality")
    dialog.close()

    # -- dashboard: the county, then the first village; the PDF report ---------------------------
    boards: list[object] = []
    dialog = win.township.dashboard()
    dialog.loaded.connect(boards.append)
    spin(app, lambda: bool(boards))
    grab(dialog, "dashboard_county")
    boards.clear()
    dialog.scope.addItem(village.name, village.code)
    dialog.scope.setCurrentIndex(dialog.scope.count() - 1)
    spin(app, lambda: bool(boards))
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        grab(dialog, f"dashboard_village_{i + 1}")
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    dialog.save_report(args.out / f"township_dashboard{suffix}.pdf")
    spin(app, lambda: bool(saved), 60)
    dialog.close()

    # -- plans and profile -----------------------------------------------------------------------
    dialog = win.township.plans()  # the first village is selected
    spin(app, lambda: dialog.annual.rowCount() > 0)
    grab(dialog, "plans_annual")
    dialog.tabs.setCurrentIndex(2)
    grab(dialog, "plans_progress")
    dialog.close()

    dialog = win.township.profile()
    # item data is (id, code); findData cannot match a Python tuple, so look for it by id
    dialog.village.setCurrentIndex(next(i for i in range(dialog.village.count())
                                        if dialog.village.itemData(i)[0] == village.id))
    spin(app, lambda: dialog.history.rowCount() > 0)
    for i, name in ((0, "profile"), (1, "profile_task_force"), (dialog.tabs.count() - 1, "profile_history")):
        dialog.tabs.setCurrentIndex(i)
        grab(dialog, name)
    dialog.close()

    print(f"screenshots in {args.out}")
    win.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Render the field-work screens offscreen to PNG (for review and docs/fieldwork.md).

    uv run python scripts/fieldwork_screenshots.py                 # → docs/screenshots/fieldwork_*.png
    uv run python scripts/fieldwork_screenshots.py --out /tmp/fw --lang en

Builds a small demo county in a temporary folder, opens it in the real main window on Qt's
offscreen platform and grabs the visit wizard's pages, the exit checklist, the requests tab,
the assistance log, visits due and the at-risk list.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BANGFU_NO_AUTO_BACKUP", "1")
from shots import FAST_KDF, ROOT, spin


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--households", type=int, default=120)
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bangfu-fw-shots-"))
    from ui import settings as settings_module

    settings_module.use_file(work / "settings.ini")
    from app.demo import ensure_demo_database
    from app.store.database import open_database

    user, passphrase = ensure_demo_database(work / "demo.db", households=args.households, kdf=FAST_KDF)
    db = open_database(work / "demo.db", user, passphrase, check=False, backup=False)

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
    spin(app, lambda: win.list_model.rowCount() > 0)
    suffix = "" if args.lang.startswith("zh") else "_en"

    def grab(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        spin(app, lambda: False, 0.3)
        widget.grab().save(str(args.out / f"fieldwork_{name}{suffix}.png"))

    from sqlmodel import select

    from app.domain import HelperAssignment, Household

    with db.read() as s:
        with_helper = select(Household).join(HelperAssignment, HelperAssignment.household_id == Household.id).where(
            Household.deleted == False, Household.size >= 3)  # noqa: E712
        hh = (s.exec(with_helper.where(Household.exit_status == "01")).first()
              or s.exec(with_helper.where(Household.exit_status == "04")).first() or s.exec(with_helper).first())
        exited = s.exec(select(Household).where(Household.exit_status == "02")).first()
    if win.fieldwork.reminder is not None:
        spin(app, lambda: False, 0.5)
        win.fieldwork.reminder.close()
    wiz = win.fieldwork.new_visit(hh.id)
    wiz.resize(960, 700)
    from datetime import timedelta

    for i in range(8):
        page = wiz.currentPage()
        if i == 1:
            # a member dies: the dialog refuses a date before the birth, under the field
            page.table.selectRow(len(page.rows()) - 1)
            leave = page.remove_dialog()
            leave.form.set_values({"change_reason": "01", "change_date": wiz.visit_day().replace(year=1950)})
            leave.accept()
            grab(leave, "member_leaves_refused")
            leave.reject()
            join = page.add_dialog()
            join.form.set_values({"name": "新生儿", "sex": "2", "birth_date": wiz.visit_day() - timedelta(days=20),
                                  "change_date": wiz.visit_day() - timedelta(days=18)})
            grab(join, "member_joins")
            join.accept()
        if i == 2:
            page.all_yes()
            page.set_check("water_quantity", False)
        if i == 4:
            page.p_text.setText("旱季饮水不足")
            page.add_problem()
            page.m_form.set_values({"category": "12", "content": "修建蓄水池", "amount_fen": 300_000})
            page.add_measure()
        if i == 6:
            page.pad.draw_stroke([(30, 90), (70, 50), (110, 100), (160, 40), (210, 95), (260, 60)])
        grab(wiz, f"wizard_{i + 1}")
        if i < 7:
            wiz.next()
    wiz.reject()

    for target, tab_name, name in ((exited or hh, "ExitTab", "exit_checklist"), (hh, "ExitTab", "exit_checklist_open"),
                                   (hh, "AssistanceTab", "assistance"), (exited or hh, "RequestsTab", "requests"),
                                   (hh, "ParticipationTab", "participation")):
        card = win.open_household(target.id)
        spin(app, lambda c=card: c.data is not None)
        tab = next(w for w, _t in card.extra if type(w).__name__ == tab_name)
        card.tabs.setCurrentWidget(tab)
        if tab_name == "ExitTab" and target.exit_year:
            tab.year.setValue(target.exit_year)
        spin(app, lambda: False, 1.5)
        grab(win, name)
    for opener, name in ((win.fieldwork.visits_due, "visits_due"), (win.fieldwork.at_risk, "at_risk"),
                         (win.fieldwork.requests, "worklist")):
        w = opener()
        spin(app, lambda: False, 1.5)
        grab(w, name)
        w.close()
    print(f"screenshots in {args.out}")
    win.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

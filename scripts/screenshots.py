"""Render the desktop app's main screens offscreen to PNG (for the README and for review).

    uv run python scripts/screenshots.py                 # → docs/screenshots/*.png
    uv run python scripts/screenshots.py --out /tmp/shots --households 300

Builds a demo county in a temporary folder (app.demo), opens it in the real widgets on Qt's
offscreen platform with the bundled fonts, and grabs each screen in Chinese, plus a few in
English and with the large-font setting. Nothing touches the user's own database or settings.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TZ", "Asia/Shanghai")  # times of day as a task force in China sees them
time.tzset()
os.environ.setdefault("BANGFU_NO_AUTO_BACKUP", "1")
from shots import FAST_KDF, ROOT, spin  # noqa: E402

SIZE = (1280, 800)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--households", type=int, default=400)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bangfu-shots-"))

    from ui import settings as settings_module

    settings_module.use_file(work / "settings.ini")
    from app.demo import ensure_demo_database

    db_path = work / "demo.db"
    user, passphrase = ensure_demo_database(db_path, households=args.households, kdf=FAST_KDF)
    from app.services.users import add_user
    from app.store.database import open_database

    db = open_database(db_path, user, passphrase, check=False, backup=False)
    db.actor = type(db.actor)(db.actor.user_id, db.actor.name, "county")  # to add the colleagues below
    for name, role in (("李村干", "village"), ("王乡镇", "township")):
        add_user(db, name, "colleague passphrase", role=role, kdf=FAST_KDF)
    db.close()

    from ui.app import create_application, prepare
    from ui.settings import Settings

    app = create_application()
    settings = Settings()
    prepare(app, settings)
    shots: list[str] = []

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        spin(app, lambda: False, 0.15)
        path = args.out / f"{name}.png"
        widget.grab().save(str(path))
        shots.append(path.name)

    # -- first run and unlock ------------------------------------------------------------------
    from ui.dialogs.first_run import FirstRunDialog
    from ui.dialogs.unlock import UnlockDialog

    first = FirstRunDialog(work / "new.db")
    first.resize(640, 420)
    first.show()
    save(first, "01-first-run")
    first.pages.setCurrentIndex(1)
    first.name.setText("第一书记")
    first.passphrase.setText("山路十八弯 2017")
    first.again.setText("山路十八弯 2017")
    save(first, "02-first-run-create")
    first.close()

    unlock = UnlockDialog(db_path, user)
    unlock.show()
    unlock.panel.passphrase.setText("wrong passphrase")
    unlock.panel.submit()
    spin(app, lambda: unlock.panel.message.isVisible())
    save(unlock, "03-unlock-wrong-passphrase")
    unlock.panel.passphrase.setText(passphrase)
    unlock.panel.submit()
    spin(app, lambda: unlock.database is not None)
    db = unlock.database
    unlock.close()

    # -- main window ---------------------------------------------------------------------------
    from ui.main_window import MainWindow

    window = MainWindow(settings)
    window.resize(*SIZE)
    window.show()
    window.attach_database(db, check=False)
    model = window.list_model
    spin(app, lambda: model.rowCount() > 0 and model.row_data(0) is not None and window.tree_model.rowCount() > 0)
    spin(app, lambda: all(model.row_data(r) is not None for r in range(min(30, model.rowCount()))))
    save(window, "04-main-list")

    first_row = model.row_data(0)
    assert first_row is not None
    from app.store.search import pinyin_forms

    initials = min((f for f in pinyin_forms(first_row.head_name) if len(f) == len(first_row.head_name)), key=len)
    window.search.setText(initials)
    spin(app, lambda: model.query.search_ids is not None and model.rowCount() > 0 and model.row_data(0) is not None)
    save(window, "05-search-pinyin-initials")
    window.clear_filters()
    spin(app, lambda: model.query.search_ids is None and model.row_data(0) is not None)

    window.filter_overdue.setChecked(True)
    window.filter_status.set_code("02")  # 已脱贫(享受政策): most of the 2020 county
    spin(app, lambda: model.query.overdue and not model.loading and (model.rowCount() == 0 or model.row_data(0)))
    save(window, "06-filters-overdue")
    window.clear_filters()
    spin(app, lambda: not model.query.overdue and not model.loading and model.row_data(0) is not None)

    # a household with several members, income and a helper makes the best card
    household_id = _rich_household(db)
    card = window.open_household(household_id)
    spin(app, lambda: card.data is not None)
    save(window, "07-card-basic")
    # an edit through the card, so its change history (变更记录) shows who changed what
    card.show_tab(card.basic)
    card.basic.form.widget("phone").setText("13985012345")
    card.basic.save()
    spin(app, lambda: card.data is not None and card.data.household.phone == "13985012345")
    for tab, name in ((card.members, "08-card-members"), (card.income, "09-card-income"),
                      (card.conditions, "10-card-conditions"), (card.helpers, "11-card-helpers"),
                      (card.measures, "12-card-measures"), (card.visits, "13-card-visits"),
                      (card.lifecycle, "14-card-status-history"), (card.history, "15-card-change-history")):
        card.show_tab(tab)
        save(window, name)

    card.show_tab(card.members)
    dialog = card.members.add()
    assert dialog is not None
    dialog.form.widget("name").setText("张小红")
    dialog.form.widget("relation").set_code("03")
    dialog.form.widget("id_number").setText("520123201205060001")
    dialog.reason_form.widget("change_reason").set_code("06")
    dialog.submit()
    spin(app, lambda: bool(dialog.form.error_text("id_number")))
    save(dialog, "16-member-invalid-id")
    dialog.reject()

    from ui.dialogs.users import UsersDialog

    users = UsersDialog(db, window)
    users.show()
    spin(app, lambda: users.model.rowCount() >= 3)
    save(users, "17-users")
    users.close()

    window.lock()
    save(window, "18-locked")
    window.lock_panel.passphrase.setText(passphrase)
    window.lock_panel.submit()
    spin(app, lambda: not window.locked)

    window.statusBar().clearMessage()  # the start-up reminder's note was written in Chinese
    window.set_language("en")
    card.show_tab(card.income)
    save(window, "19-card-income-english")
    window.tabs.setCurrentIndex(0)
    save(window, "20-main-list-english")
    window.set_language("zh_CN")
    window.set_font_scale(150)
    save(window, "21-main-list-large-font")
    window.tabs.setCurrentWidget(card)
    card.show_tab(card.basic)
    save(window, "22-card-large-font")
    window.set_font_scale(100)
    window.close()
    settings_module.use_file(None)
    print("\n".join(shots))
    print(f"{len(shots)} screenshots in {args.out}")
    return 0


def _rich_household(db) -> str:  # type: ignore[no-untyped-def]
    """The household with the most visits among those with the most members (a full card)."""
    with db.read_engine.connect() as conn:
        raw = conn.connection.driver_connection
        row = raw.execute(
            "SELECT h.id FROM household h WHERE NOT h.deleted ORDER BY h.size DESC,"
            " (SELECT count(*) FROM visit v WHERE v.household_id = h.id) DESC,"
            " (SELECT count(*) FROM measure m WHERE m.household_id = h.id) DESC LIMIT 1").fetchone()
    return row[0]


if __name__ == "__main__":
    sys.exit(main())

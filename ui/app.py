"""Start the desktop app: ``run(db_path)`` (what ``bangfu`` without arguments calls).

Order of start-up, chosen so something appears at once:

1. Qt application, high-DPI policy, settings, language, the bundled CJK font (cheap).
2. No database yet → the first-run dialog (create, or open the demo county).
   Otherwise → the unlock dialog, which needs only the key-slot file; the database layer is
   imported in a worker while the user types.
3. The main window is shown, then the database is attached; the household list, the place tree
   and the integrity check/backup all load in workers.

``BANGFU_USER`` + ``BANGFU_PASSPHRASE`` unlock without the dialog (kiosk use, benchmarks), as they
do for the CLI: the window is shown first and the database opened behind it.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ui.settings import APPLICATION, ORGANISATION, Settings

log = logging.getLogger(__name__)
T0 = time.perf_counter()


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("帮扶通 Bangfu")
    return app


def prepare(app: QApplication, settings: Settings) -> str:
    """Language (BANGFU_LANG wins over the remembered choice) and fonts; returns the language."""
    from ui.fonts import apply_app_font
    from ui.translation import set_ui_language

    wanted = os.environ.get("BANGFU_LANG") or settings.language
    lang = set_ui_language(wanted)
    apply_app_font(app, settings.font_scale)
    return lang


def peak_rss_kb() -> int:
    """Peak resident memory of this process in KiB.

    Linux's ``VmHWM`` belongs to this program's own address space; ``ru_maxrss`` is not used there
    because it survives ``exec``: a process started by a big parent (a benchmark that has just
    generated a 100,000-household database) would report the parent's size as its own peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _bench_hooks(window: Any) -> None:
    """``BANGFU_BENCH=1``: print when the window is shown and when its first rows are drawn, and
    quit after the list was scrolled end to end (``bench/startup.py``)."""
    if os.environ.get("BANGFU_BENCH") != "1":
        return

    def shown() -> None:
        print(f"BENCH shown {time.perf_counter() - T0:.4f}", flush=True)

    QTimer.singleShot(0, shown)
    state = {"rows": False}

    def rows() -> None:
        if state["rows"]:
            return
        state["rows"] = True
        print(f"BENCH rows {time.perf_counter() - T0:.4f}", flush=True)
        QTimer.singleShot(0, scroll)

    def scroll() -> None:
        bar = window.table.verticalScrollBar()
        step = max(1, bar.pageStep())
        if bar.value() < bar.maximum():
            bar.setValue(min(bar.maximum(), bar.value() + step * 40))
            QTimer.singleShot(1, scroll)
            return
        print(f"BENCH count {window.list_model.rowCount()}", flush=True)
        print(f"BENCH peak_kb {peak_rss_kb()}", flush=True)
        QTimer.singleShot(0, window.close)

    window.list_model.rows_arrived.connect(rows)
    window.database_attached.connect(lambda _db: print(f"BENCH opened {time.perf_counter() - T0:.4f}", flush=True))
    window.list_model.loaded.connect(lambda _n: print(f"BENCH ids {time.perf_counter() - T0:.4f}", flush=True))


def _open_with_env(window: Any, db_path: Path, user: str, passphrase: str) -> None:
    from ui.workers import run_task

    def open_unlocked(path: Path, name: str, secret: str) -> Any:
        from ui.dialogs.unlock import open_unlocked as unlock  # imported in the worker, not before the window

        return unlock(path, name, secret)

    def failed(exc: BaseException) -> None:
        QMessageBox.critical(window, QCoreApplication.translate("App", "Cannot open the database"), str(exc))
        window.close()

    run_task(open_unlocked, db_path, user, passphrase, on_done=window.attach_database, on_error=failed, owner=window)


def run(db_path: Path) -> int:
    """Run the desktop app on ``db_path`` until the main window closes; returns the exit code."""
    db_path = Path(db_path)
    app = create_application()
    settings = Settings()
    prepare(app, settings)
    from ui.main_window import MainWindow

    env_user, env_pass = os.environ.get("BANGFU_USER"), os.environ.get("BANGFU_PASSPHRASE")
    database: Any = None
    if not db_path.exists():
        from ui.dialogs.first_run import FirstRunDialog

        first = FirstRunDialog(db_path)
        if first.exec() != QDialog.DialogCode.Accepted or first.database is None:
            return 0
        database = first.database
    elif not (env_user and env_pass):
        from ui.dialogs.unlock import UnlockDialog, warm_up
        from ui.workers import run_task

        try:
            dialog = UnlockDialog(db_path, settings.last_user)
        except Exception as exc:  # the key file is missing or damaged: say so, never a traceback
            QMessageBox.critical(None, QCoreApplication.translate("App", "Cannot open the database"), str(exc))
            return 1
        run_task(warm_up)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.database is None:
            return 0
        database = dialog.database

    window = MainWindow(settings)
    _bench_hooks(window)
    window.show()
    # Database work starts once the window has been drawn: a worker importing the database layer
    # would otherwise compete with the first paint for the interpreter.
    if database is not None:
        QTimer.singleShot(0, window, lambda: window.attach_database(database))
    else:
        assert env_user and env_pass
        QTimer.singleShot(0, window, lambda: _open_with_env(window, db_path, env_user, env_pass))
    return int(app.exec())


__all__ = ["create_application", "prepare", "run"]

"""Opening, resetting and switching the training sandbox from the desktop, in one click each.

A training session is its own main window on the sandbox database (app.training), beside any
window on the real database, which stays as it was. Resetting or switching scenario closes the
session's windows (their cards may ask about unsaved edits; saying no cancels the reset), throws
the sandbox away and opens a new window on the fresh one. The work runs in a worker with a
progress dialog; the window shows "Opening the database…" meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid

from app import training
from app.errors import BangfuError
from ui.tours.engine import tr

log = logging.getLogger(__name__)

_windows: list[Any] = []



def register(window: Any) -> None:
    """Remember a main window showing the sandbox (so a reset can close it first)."""
    if window not in _windows:
        _windows.append(window)


def training_windows() -> list[Any]:
    _windows[:] = [w for w in _windows if isValid(w) and w.isVisible()]
    return list(_windows)


def sandbox_for(db: Any) -> Path:
    """The sandbox a window's training menu works on: its own database when that is the sandbox,
    else the sandbox beside the real database it has open."""
    if db is not None and db.is_training_cached:
        try:
            return training.check_sandbox_path(db.path)
        except BangfuError:  # another training database (e.g. the first-run demo): the usual sandbox
            return training.sandbox_path()
    return training.sandbox_path(db.path if db is not None else None)


def _prepare(path: Path, scenario: str | None, reset: bool, kdf: dict[str, int] | None = None,
             task: Any = None) -> Any:
    """Worker: create/reset the sandbox and unlock it (``kdf``: cheap key-slot parameters in tests)."""
    if task is not None:
        task.progress(0, 0)
    if reset:
        sandbox = training.reset_training(scenario, path, kdf=kdf)
    else:
        sandbox = training.ensure_sandbox(scenario, path, kdf=kdf)
    return training.open_sandbox(sandbox)


def open_training(parent: Any, scenario: str | None = None, reset: bool = False,
                  then: Callable[[Any], None] | None = None, kdf: dict[str, int] | None = None) -> Any:
    """Open (creating, resetting or switching) the sandbox in a new main window; returns it.

    ``then(window)`` runs once the sandbox is attached (e.g. to start a tour). Returns None when an
    open training window refused to close (unsaved edits the user wants to keep).
    """
    from ui.main_window import MainWindow

    path = sandbox_for(parent.db)
    switching = reset or (scenario is not None and _current_scenario(path) != scenario)
    existing = training_windows()
    if existing and not switching:
        front = existing[-1]
        front.raise_()
        front.activateWindow()
        if then is not None:
            when_ready(front, then)
        return front
    window = MainWindow(parent.settings)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a closed session is gone, its database too
    window.show()  # first, so closing the old training windows does not quit the app
    for old in existing:
        old.close()
        if old.isVisible():  # the user kept unsaved edits
            window.close()
            window.deleteLater()
            return None
    register(window)

    def opened(db: Any) -> None:
        window.attach_database(db)
        if then is not None:
            when_ready(window, then)

    def failed(exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, BangfuError) else exc.__class__.__name__
        QMessageBox.warning(parent if isValid(parent) and parent.isVisible() else window,
                            tr("Training mode"), tr("The training sandbox could not be opened: {reason}").format(
                                reason=text))
        window.close()

    window.run_task(_prepare, path, scenario, reset, kdf=kdf, on_done=opened, on_error=failed,
                    with_progress=tr("Preparing the training sandbox…"), cancellable=False, parent=window)
    return window


def when_ready(window: Any, then: Callable[[Any], None]) -> None:
    """Call ``then(window)`` once the window's feature plugins (the training menu among them) are
    installed: the main window loads them after its first rows are on screen."""
    if hasattr(window, "training_menu"):
        then(window)
        return

    def ready() -> None:
        window.plugins_loaded.disconnect(ready)
        then(window)

    window.plugins_loaded.connect(ready)


def _current_scenario(path: Path) -> str | None:
    try:
        info = training.sandbox_info(path)
    except BangfuError:
        return None
    return info.scenario if info is not None else None


def confirm_reset(parent: QWidget, scenario: str | None) -> bool:
    """Ask before throwing the sandbox away (it holds the trainee's exercises)."""
    title = training.scenario_title(scenario) if scenario else ""
    text = tr("Reset the training sandbox to a clean start?") if not scenario else tr(
        "Start the training sandbox afresh with the scenario “{title}”?").format(title=title)
    detail = tr("Everything entered in the sandbox is thrown away. The real database is not touched.")
    answer = QMessageBox.question(parent, tr("Training mode"), f"{text}\n\n{detail}")
    return answer == QMessageBox.StandardButton.Yes

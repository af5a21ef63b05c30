"""Helpers for the pytest-qt tests of the desktop app: attach a database, wait for rows, open a card."""

from __future__ import annotations

from typing import Any


def qtbot_flush(qtbot: Any) -> None:
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.processEvents()


def attach(qtbot: Any, win: Any, db: Any) -> None:
    """Attach the database and wait until the list has loaded and its rows have arrived."""
    with qtbot.waitSignal(win.list_model.loaded, timeout=10000):
        win.attach_database(db, check=False)
    wait_rows(qtbot, win)


def wait_rows(qtbot: Any, win: Any) -> None:
    model = win.list_model
    if model.rowCount() == 0:
        return
    if not model.all_loaded():
        with qtbot.waitSignal(model.rows_arrived, timeout=10000):
            model.row_data(0)
    qtbot.waitUntil(model.all_loaded, timeout=10000)


def reload_and_wait(qtbot: Any, win: Any, action: Any) -> None:
    with qtbot.waitSignal(win.list_model.loaded, timeout=10000):
        action()
    wait_rows(qtbot, win)


def open_card(qtbot: Any, win: Any, household_id: str) -> Any:
    """Open a card and wait for its data (the worker's answer needs the event loop, which only
    runs inside waitSignal, so the signal cannot be missed)."""
    card = win.open_household(household_id)
    if card.data is None:
        with qtbot.waitSignal(card.loaded, timeout=10000):
            pass
    return card


def list_names(win: Any) -> list[str]:
    model = win.list_model
    return [model.row_data(r).head_name for r in range(model.rowCount())]

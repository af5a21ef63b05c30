"""Workers: results, errors, progress and cancel come back on the GUI thread by signal."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QPushButton, QWidget

from ui.workers import Cancelled, TaskContext, dispatcher, run_task


def test_result_and_error_arrive_on_the_gui_thread(qtbot, qapp):
    gui = QThread.currentThread()
    seen = {}

    def work(x):
        seen["worker_thread"] = threading.current_thread().name
        return x * 2

    def done(value):
        seen["value"] = value
        seen["on_gui"] = QThread.currentThread() is gui

    with qtbot.waitSignal(dispatcher().idle_changed, timeout=5000):
        run_task(work, 21, on_done=done)
    assert seen["value"] == 42 and seen["on_gui"]
    assert seen["worker_thread"] != threading.current_thread().name

    errors = []
    with qtbot.waitSignal(dispatcher().idle_changed, timeout=5000):
        run_task(lambda: 1 / 0, on_error=errors.append)
    assert isinstance(errors[0], ZeroDivisionError)


def test_progress_dialog_cancel_stops_the_task(qtbot, qapp):
    parent = QWidget()
    qtbot.addWidget(parent)
    shown = threading.Event()
    progress: list[tuple[int, int]] = []
    outcome = {}

    def long_work(task: TaskContext) -> str:
        for i in range(1000):
            task.progress(i, 1000, "step")
            shown.wait(5)  # in step with the GUI: the next step once this one was shown
            shown.clear()
        return "finished"

    def on_progress(done: int, total: int, _text: str) -> None:
        progress.append((done, total))
        shown.set()

    context = run_task(long_work, on_done=lambda r: outcome.setdefault("done", r),
                       on_cancel=lambda: outcome.setdefault("cancelled", True),
                       on_progress=on_progress, with_progress="Working", parent=parent)
    pending = dispatcher().pending[max(dispatcher().pending)]
    qtbot.waitUntil(lambda: len(progress) >= 3, timeout=5000)
    with qtbot.waitSignal(dispatcher().idle_changed, timeout=5000):
        pending.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    assert context.cancelled and outcome == {"cancelled": True}
    assert all(t == 1000 for _d, t in progress)


def test_callbacks_of_a_closed_widget_are_skipped(qtbot, qapp):
    owner = QWidget()
    calls = []
    gate = threading.Event()

    def work():
        gate.wait(5)
        return 1

    run_task(work, on_done=calls.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner), timeout=5000)
    with qtbot.waitSignal(dispatcher().idle_changed, timeout=5000):
        gate.set()
    assert calls == []


def test_cancelled_is_an_exception_tasks_can_raise():
    assert issubclass(Cancelled, Exception)

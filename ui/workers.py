"""Database work off the GUI thread: QThreadPool tasks whose results come back by signal.

``run_task(fn, *args, on_done=..., on_error=...)`` runs ``fn`` in the global thread pool. If
``fn`` takes a ``task`` keyword it receives a :class:`TaskContext` to report progress and to
check for cancellation. Results, errors and progress arrive on the GUI thread through queued
signals of one long-lived dispatcher, so callbacks may touch widgets. ``with_progress=`` shows
a progress dialog with a Cancel button for long work.

Callbacks owned by a widget that has been deleted in the meantime, or whose window was closed
for good (``CLOSED_PROPERTY``), are skipped: pass ``owner=widget`` so a late result never
reaches a dead window.
"""

from __future__ import annotations

import inspect
import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

log = logging.getLogger(__name__)

#: set (True) on a top-level window closed for good: late results of its tasks are dropped
CLOSED_PROPERTY = "bangfuClosed"


class Cancelled(Exception):
    """Raised inside a task by ``TaskContext.check()`` once the user pressed Cancel."""


class TaskContext:
    """Handed to a task function: progress reporting and cooperative cancellation."""

    def __init__(self, task_id: int, dispatcher: _Dispatcher) -> None:
        self._id = task_id
        self._dispatcher = dispatcher
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._dispatcher.progress.emit(self._id, int(done), int(total), text)
        self.check()


@dataclass
class _Pending:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int, str], None] | None
    on_cancel: Callable[[], None] | None
    owner: QObject | None
    context: TaskContext
    dialog: QProgressDialog | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class _Dispatcher(QObject):
    """Lives on the GUI thread; workers emit, the slots run callbacks on the GUI thread."""

    done = Signal(int, object)
    failed = Signal(int, object, str)
    cancelled = Signal(int)
    progress = Signal(int, int, int, str)
    #: emitted (on the GUI thread) after every task finished; count of tasks still running.
    idle_changed = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.pending: dict[int, _Pending] = {}
        self.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.cancelled.connect(self._on_cancelled, Qt.ConnectionType.QueuedConnection)
        self.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    def _alive(self, p: _Pending) -> bool:
        """The owner still exists and its window was not closed for good (a reminder arriving
        while the program quits must not open a window that keeps it running)."""
        if p.owner is None:
            return True
        if not isValid(p.owner):
            return False
        widget: QObject | None = p.owner
        while widget is not None and not isinstance(widget, QWidget):
            widget = widget.parent()
        return not (isinstance(widget, QWidget) and widget.window().property(CLOSED_PROPERTY))

    def _finish(self, task_id: int) -> _Pending | None:
        p = self.pending.pop(task_id, None)
        if p is not None and p.dialog is not None and isValid(p.dialog):
            p.dialog.reset()
            p.dialog.deleteLater()
        return p

    @Slot(int, object)
    def _on_done(self, task_id: int, result: object) -> None:
        p = self._finish(task_id)
        if p is not None and p.on_done is not None and self._alive(p):
            p.on_done(result)
        self.idle_changed.emit(len(self.pending))

    @Slot(int, object, str)
    def _on_failed(self, task_id: int, exc: object, tb: str) -> None:
        p = self._finish(task_id)
        if p is not None and self._alive(p):
            if p.on_error is not None:
                p.on_error(exc)  # type: ignore[arg-type]
            else:
                log.error("background task failed: %s", tb)
        self.idle_changed.emit(len(self.pending))

    @Slot(int)
    def _on_cancelled(self, task_id: int) -> None:
        p = self._finish(task_id)
        if p is not None and p.on_cancel is not None and self._alive(p):
            p.on_cancel()
        self.idle_changed.emit(len(self.pending))

    @Slot(int, int, int, str)
    def _on_progress(self, task_id: int, done: int, total: int, text: str) -> None:
        p = self.pending.get(task_id)
        if p is None or not self._alive(p):
            return
        if p.dialog is not None and isValid(p.dialog):
            p.dialog.setMaximum(max(total, 0))
            p.dialog.setValue(min(done, total) if total > 0 else 0)
            if text:
                p.dialog.setLabelText(text)
        if p.on_progress is not None:
            p.on_progress(done, total, text)


class _Runnable(QRunnable):
    def __init__(self, task_id: int, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                 dispatcher: _Dispatcher) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.task_id = task_id
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.dispatcher = dispatcher

    def run(self) -> None:
        try:
            try:
                result = self.fn(*self.args, **self.kwargs)
            except Cancelled:
                self.dispatcher.cancelled.emit(self.task_id)
            except BaseException as exc:  # reported to the GUI, never lost in a worker thread
                self.dispatcher.failed.emit(self.task_id, exc, traceback.format_exc())
            else:
                self.dispatcher.done.emit(self.task_id, result)
        except RuntimeError:
            pass  # the application is shutting down: nobody is left to tell


_dispatcher: _Dispatcher | None = None
_ids = itertools.count(1)
_interactive: QThreadPool | None = None


def interactive_pool() -> QThreadPool:
    """A pool of its own for what the user is waiting to see (list rows, search, the card), so
    long background work of feature areas in the global pool never delays it."""
    global _interactive
    if _interactive is None:
        _interactive = QThreadPool()
        _interactive.setMaxThreadCount(2)
        _interactive.setExpiryTimeout(60000)
    return _interactive


def dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()
    return _dispatcher


def _wants_task(fn: Callable[..., Any]) -> bool:
    try:
        return "task" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def run_task(fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             on_progress: Callable[[int, int, str], None] | None = None,
             on_cancel: Callable[[], None] | None = None, owner: QObject | None = None,
             with_progress: str | None = None, cancellable: bool = True, parent: QWidget | None = None,
             interactive: bool = False, **kwargs: Any) -> TaskContext:
    """Run ``fn(*args, **kwargs)`` in the thread pool; callbacks run on the GUI thread.

    ``with_progress`` (a label) shows a modal progress dialog after a short delay whose Cancel
    button cancels the task (the function must call ``task.check()`` or ``task.progress()``).
    """
    d = dispatcher()
    task_id = next(_ids)
    context = TaskContext(task_id, d)
    if _wants_task(fn):
        kwargs = {**kwargs, "task": context}
    pending = _Pending(on_done, on_error, on_progress, on_cancel, owner, context)
    if with_progress is not None:
        dialog = QProgressDialog(with_progress, QCoreApplication.translate("Task", "Cancel"), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(context.cancel)
        if not cancellable:
            dialog.setCancelButton(None)  # type: ignore[arg-type]
        dialog.setValue(0)
        pending.dialog = dialog
    d.pending[task_id] = pending
    pool = interactive_pool() if interactive else QThreadPool.globalInstance()
    pool.start(_Runnable(task_id, fn, args, kwargs, d))
    return context


def running() -> int:
    """Tasks started and not yet reported back."""
    return len(dispatcher().pending)


def wait_all(timeout_ms: int = 30000) -> bool:
    """Block until both pools are idle (used before closing the database and at exit)."""
    done = QThreadPool.globalInstance().waitForDone(timeout_ms)
    return interactive_pool().waitForDone(timeout_ms) and done


def call_later(ms: int, fn: Callable[[], None]) -> None:
    QTimer.singleShot(ms, fn)

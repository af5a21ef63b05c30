"""Auto-lock: a single-shot timer restarted by every key press, click or mouse move in the app.

When it fires the main window locks (the database stays open, its contents are hidden until a
member of the task force signs in again). 0 minutes disables it.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self._timeout_ms = 0
        self._last_restart = 0.0
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_timeout_ms(self, ms: int) -> None:
        self._timeout_ms = max(0, int(ms))
        self.restart()

    def set_minutes(self, minutes: int) -> None:
        self.set_timeout_ms(minutes * 60_000)

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def restart(self) -> None:
        self.timer.stop()
        if self._timeout_ms > 0:
            self.timer.start(self._timeout_ms)
        self._last_restart = time.monotonic()

    def pause(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timeout_ms > 0 and self.timer.isActive():
            # restarting on every mouse move would be wasteful; a quarter second is precise enough
            now = time.monotonic()
            if now - self._last_restart > 0.25:
                self.timer.start(self._timeout_ms)
                self._last_restart = now
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

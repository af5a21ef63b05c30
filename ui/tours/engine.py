"""Guided tours: highlight a widget, explain, wait until the user has done the step, go on.

A :class:`Tour` is a list of :class:`Step`s. Each step names its target widget (found when needed:
it may not exist yet when the step starts, e.g. a tab of a card not yet opened), says what to do,
and says when it is done — a predicate over the real state of the window or the database,
re-checked whenever one of the step's signals fires or a widget appears, disappears or takes the
focus. Nothing waits on a timer: a step is done because the user did it. Steps without a
predicate are explanations the user acknowledges with "Got it".

The :class:`TourRunner` draws an :class:`Overlay` on the target's window (everything dimmed but the
target, which gets a bright frame; mouse clicks pass through to the real widgets) and a
:class:`Bubble` beside the target with the text and the buttons. Progress is remembered in
QSettings (``tours/<key>/step``, ``tours/<key>/done``) so the Help menu can show it and a tour can
be continued or started again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

log = logging.getLogger(__name__)

HIGHLIGHT = QColor("#ff9800")
DIM = QColor(0, 0, 0, 96)
# Events after which the target may have appeared, moved or the step may be done.
POKE_EVENTS = frozenset({QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.Resize, QEvent.Type.Move,
                         QEvent.Type.FocusIn, QEvent.Type.WindowActivate, QEvent.Type.LayoutRequest,
                         QEvent.Type.MouseButtonRelease, QEvent.Type.KeyRelease, QEvent.Type.Wheel})


def tr(text: str) -> str:
    """Translate a string of module-level code: ``tr("…")`` outside a QObject, which pyside6-lupdate
    files under the empty context (so that is where it is looked up)."""
    return QCoreApplication.translate("", text)


class TourContext:
    """What the steps of one run see: the main window, data picked at the start, helpers."""

    def __init__(self, window: Any, data: dict[str, Any] | None = None) -> None:
        self.window = window
        self.data: dict[str, Any] = dict(data or {})

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    @property
    def db(self) -> Any:
        return self.window.db

    def find(self, name: str, within: QWidget | None = None) -> QWidget | None:
        """The visible widget called ``name`` — in ``within``, else the window, else any top-level."""
        roots: list[QWidget] = [within] if within is not None else [self.window, *QApplication.topLevelWidgets()]
        for root in roots:
            if root is None or not isValid(root):
                continue
            if root.objectName() == name and root.isVisible():
                return root
            for w in root.findChildren(QWidget, name):
                if w.isVisible():
                    return w
        return None

    def card(self, household_id: str | None = None) -> Any:
        """The household card in front (optionally: only if it is ``household_id``'s)."""
        widget = self.window.tabs.currentWidget()
        hid = getattr(widget, "household_id", None)
        if hid is None or (household_id is not None and hid != household_id):
            return None
        return widget

    def tab_button(self, tabs: QTabWidget, page: QWidget) -> Area | None:
        """The tab of ``page`` in ``tabs`` (to highlight one tab, not the whole tab widget)."""
        index = tabs.indexOf(page)
        if index < 0:
            return None
        bar = tabs.tabBar()
        return Area(bar, lambda: bar.tabRect(index))

    def menu_title(self, menu: QMenu) -> Area:
        """The title of ``menu`` in the window's menu bar."""
        bar = self.window.menuBar()
        return Area(bar, lambda: bar.actionGeometry(menu.menuAction()))


class Area:
    """A part of a widget as a tour target (one tab of a tab bar, one menu of a menu bar): the
    overlay needs only its rectangle, its window and whether it is visible."""

    def __init__(self, widget: QWidget, rect: Callable[[], QRect]) -> None:
        self.widget = widget
        self.rect = rect

    def rect_in(self, top: QWidget) -> QRect:
        r = self.rect()
        return QRect(self.widget.mapTo(top, r.topLeft()), r.size())

    def window(self) -> QWidget:
        return self.widget.window()

    def isVisible(self) -> bool:
        return self.widget.isVisible() and not self.rect().isEmpty()


Target = Callable[[TourContext], Any]


@dataclass
class Step:
    """One step: ``target`` finds the widget, ``text`` explains, ``done`` says when it is done.

    ``done`` None makes it an explanation acknowledged with "Got it". ``signals`` lists signals
    after which ``done`` is worth asking again (widget appearances and focus changes are always).
    """

    key: str
    target: Target
    text: Callable[[TourContext], str]
    done: Callable[[TourContext], bool] | None = None
    signals: Callable[[TourContext], Iterable[SignalInstance | None]] = lambda _ctx: ()
    #: called once the step is done, before the next one shows (e.g. to reload what another window changed)
    after: Callable[[TourContext], None] | None = None


@dataclass
class Tour:
    """A named sequence of steps. ``prepare(window)`` picks the data the texts refer to (a household
    to look for…) when the tour starts, or None when the sandbox has nothing to practise it on;
    ``available(window)`` is False while the feature's screens do not exist yet, and
    ``waiting_for()`` then says which."""

    key: str
    title: Callable[[], str]
    summary: Callable[[], str]
    steps: list[Step] = field(default_factory=list)
    prepare: Callable[[Any], dict[str, Any] | None] = lambda _window: {}
    available: Callable[[Any], bool] = lambda _window: True
    waiting_for: Callable[[], str] | None = None


# -- progress (QSettings) ------------------------------------------------------------------------
def _settings() -> Any:
    from ui.settings import Settings

    return Settings()


def saved_step(key: str) -> int:
    try:
        return int(_settings().value(f"tours/{key}/step", 0) or 0)
    except (TypeError, ValueError):
        return 0


def is_done(key: str) -> bool:
    return str(_settings().value(f"tours/{key}/done", "false")).lower() in ("1", "true")


def save_progress(key: str, step: int, done: bool | None = None) -> None:
    s = _settings()
    s.set_value(f"tours/{key}/step", int(step))
    if done is not None:
        s.set_value(f"tours/{key}/done", bool(done))


def forget_progress(key: str) -> None:
    save_progress(key, 0, False)


# -- drawing -------------------------------------------------------------------------------------
class Overlay(QWidget):
    """Dims its window except the target, which it frames; transparent to the mouse."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("tourOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.hole = QRect()

    def paintEvent(self, _event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRect(self.rect())
        if not self.hole.isNull():
            inner = QPainterPath()
            inner.addRoundedRect(self.hole.adjusted(-4, -4, 4, 4), 6, 6)
            path = path.subtracted(inner)
        painter.fillPath(path, DIM)
        if not self.hole.isNull():
            painter.setPen(QPen(HIGHLIGHT, 3))
            painter.drawRoundedRect(self.hole.adjusted(-4, -4, 4, 4), 6, 6)


class Bubble(QFrame):
    """The explanation beside the target, with Back / Got it / End tour."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("tourBubble")
        self.setStyleSheet("#tourBubble { background: #fffbe6; border: 2px solid #ff9800; border-radius: 8px; }"
                           "#tourBubble QLabel { background: transparent; border: none; color: #222; }")
        self.setMinimumWidth(340)
        self.setMaximumWidth(440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        self.heading = QLabel()
        self.heading.setObjectName("tourHeading")
        self.heading.setStyleSheet("font-weight: bold; color: #e65100;")
        self.heading.setWordWrap(True)
        self.text = QLabel()
        self.text.setObjectName("tourText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        buttons = QHBoxLayout()
        self.back = QPushButton()
        self.back.setObjectName("tourBack")
        self.end = QPushButton()
        self.end.setObjectName("tourEnd")
        self.next = QPushButton()
        self.next.setObjectName("tourNext")
        self.next.setDefault(True)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.end)
        buttons.addWidget(self.next)
        layout.addLayout(buttons)


# -- running -------------------------------------------------------------------------------------
class _Listener(QObject):
    """Receives the current step's signals; deleted (and so disconnected) when the step changes."""

    def __init__(self, runner: TourRunner) -> None:
        super().__init__(runner)
        self.runner: TourRunner | None = runner

    def heard(self, *_args: Any) -> None:
        if self.runner is not None:
            self.runner._poke()


class TourRunner(QObject):
    """Runs one tour in one main window. Signals: ``step_changed(index)``, ``finished(key)`` once
    the last step is done, ``ended(key)`` when the bubble is closed (after finishing or early)."""

    step_changed = Signal(int)
    finished = Signal(str)
    ended = Signal(str)

    def __init__(self, window: Any, tour: Tour, data: dict[str, Any] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.tour = tour
        self.ctx = TourContext(window, data)
        self.index = -1
        self.complete = False
        self.overlay: Overlay | None = None
        self.bubble: Bubble | None = None
        self._host: QWidget | None = None
        self._target: Any = None
        self._connected: list[SignalInstance] = []
        self._listener: _Listener | None = None
        self._poke_pending = False
        self._checking = False
        #: the step was reached with Back: it waits for "Got it" even when it is done already
        self.revisiting = False

    # -- control ---------------------------------------------------------------------------------
    def start(self, index: int = 0) -> None:
        QApplication.instance().installEventFilter(self)
        self.go(max(0, min(index, len(self.tour.steps) - 1)))

    def go(self, index: int, revisit: bool = False) -> None:
        self._disconnect()
        self.index = index
        self.revisiting = revisit
        self.complete = False
        save_progress(self.tour.key, index)
        self._connect(self.step)
        self._layout()
        self.step_changed.emit(index)
        self.check()

    @property
    def step(self) -> Step:
        return self.tour.steps[self.index]

    def check(self) -> None:
        """Is the current step done? Then go on (a step already done when shown passes at once,
        except one gone back to with Back: the trainee went back to read it again)."""
        if self.complete or self.index < 0 or self._checking:
            return
        step = self.step
        if step.done is None:
            return
        self._checking = True
        try:
            ok = bool(step.done(self.ctx))
        except Exception:  # a half-built widget or a closed card: not done yet
            log.debug("tour check failed", exc_info=True)
            ok = False
        finally:
            self._checking = False
        if self.revisiting:
            # back on a step done before: stay until "Got it", or until it is undone and done again
            if not ok:
                self.revisiting = False
                self._layout()
            return
        if ok:
            self.advance()

    def advance(self) -> None:
        after = self.step.after
        if after is not None:
            try:
                after(self.ctx)
            except Exception:  # tidying up must never stop the tour
                log.debug("tour step follow-up failed", exc_info=True)
        if self.index + 1 < len(self.tour.steps):
            self.go(self.index + 1)
            return
        self._disconnect()
        self.complete = True
        save_progress(self.tour.key, 0, True)
        self._layout()
        self.finished.emit(self.tour.key)

    def back(self) -> None:
        if self.index > 0:
            self.go(self.index - 1, revisit=True)

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        # a poke queued before the stop (by the last events the filter saw) must not draw the step
        # again: it would leave a bubble and a frame behind that nothing removes
        self.index = -1
        self._disconnect()
        for w in (self.overlay, self.bubble):
            if w is not None and isValid(w):
                w.hide()
                w.deleteLater()
        self.overlay = self.bubble = None
        self._host = None
        self.ended.emit(self.tour.key)
        self.deleteLater()

    # -- signals ---------------------------------------------------------------------------------
    def _connect(self, step: Step) -> None:
        """Listen to the step's signals (again: new widgets may have appeared since)."""
        try:
            wanted = [s for s in step.signals(self.ctx) if s is not None]
        except Exception:
            log.debug("tour signals not ready", exc_info=True)
            wanted = []
        if self._listener is None:
            self._listener = _Listener(self)
        for signal in wanted:
            if any(signal == s for s in self._connected):
                continue
            try:
                signal.connect(self._listener.heard)
            except (RuntimeError, TypeError):
                continue
            self._connected.append(signal)

    def _disconnect(self) -> None:
        """Drop the step's connections by deleting their receiver: senders that are gone already
        (a closed wizard) need no disconnecting that could fail."""
        if self._listener is not None:
            self._listener.runner = None
            self._listener.deleteLater()
        self._listener = None
        self._connected.clear()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in POKE_EVENTS and not self._poke_pending and not self._ours(obj):
            self._poke_pending = True
            QTimer.singleShot(0, self._poke)  # after the event is handled, once per burst
        return False

    def _ours(self, obj: QObject) -> bool:
        for mine in (self.overlay, self.bubble):
            if mine is not None and isValid(mine) and isinstance(obj, QWidget) and (
                    obj is mine or mine.isAncestorOf(obj)):
                return True
        return False

    def _poke(self) -> None:
        self._poke_pending = False
        if self.index < 0 or not isValid(self) or not isValid(self.window):
            return
        if not self.complete:
            self._connect(self.step)  # signals of widgets that appeared since
        self._layout()
        self.check()

    # -- drawing ---------------------------------------------------------------------------------
    def _resolve(self) -> Any:
        if self.complete:
            return None
        try:
            target = self.step.target(self.ctx)
        except Exception:
            log.debug("tour target not ready", exc_info=True)
            return None
        if target is None or (isinstance(target, QWidget) and not isValid(target)) or not target.isVisible():
            return None
        return target

    def _layout(self) -> None:
        target = self._resolve()
        host = target.window() if target is not None else self._front_window()
        if host is not self._host or self.overlay is None or not isValid(self.overlay):
            self._rehost(host)
        assert self.overlay is not None and self.bubble is not None
        if target is not None and isinstance(target, QWidget) and target is not self._target:
            _scroll_into_view(target)
        self._target = target
        self.overlay.setGeometry(host.rect())
        self.overlay.hole = self._rect(target, host) if target is not None else QRect()
        self.overlay.setVisible(target is not None)
        self.overlay.raise_()
        self.overlay.update()
        self._fill_bubble()
        self._place_bubble(host)

    def _front_window(self) -> QWidget:
        modal = QApplication.activeModalWidget()
        return modal if modal is not None else self.window

    def _rehost(self, host: QWidget) -> None:
        for w in (self.overlay, self.bubble):
            if w is not None and isValid(w):
                w.deleteLater()
        self._host = host
        self.overlay = Overlay(host)
        self.bubble = Bubble(host)
        self.bubble.back.clicked.connect(self.back)
        self.bubble.end.clicked.connect(self.stop)
        self.bubble.next.clicked.connect(self._next_clicked)
        self.overlay.show()
        self.bubble.show()

    @staticmethod
    def _rect(target: Any, host: QWidget) -> QRect:
        if isinstance(target, Area):
            return target.rect_in(host)
        return QRect(target.mapTo(host, QPoint(0, 0)), target.size())

    def _next_clicked(self) -> None:
        if self.complete:
            self.stop()
        elif self.step.done is None or self.revisiting:
            self.advance()

    def _fill_bubble(self) -> None:
        bubble = self.bubble
        assert bubble is not None
        n = len(self.tour.steps)
        if self.complete:
            bubble.heading.setText(self.tr("{tour} — finished").format(tour=self.tour.title()))
            bubble.text.setText(self.tr("Well done: you did every step of this tour. You can start it again at "
                                        "any time from Help → Guided tours."))
            bubble.next.setText(self.tr("Close"))
            bubble.next.setVisible(True)
            bubble.back.setVisible(False)
            bubble.end.setVisible(False)
        else:
            bubble.heading.setText(self.tr("{tour} — step {i} of {n}").format(tour=self.tour.title(),
                                                                               i=self.index + 1, n=n))
            try:
                text = self.step.text(self.ctx)
            except Exception:
                log.debug("tour text failed", exc_info=True)
                text = ""
            if self._target is None and self.step.done is not None:
                text += "<br><i>" + self.tr("(The place to do this is not on screen yet.)") + "</i>"
            bubble.text.setText(text)
            bubble.next.setText(self.tr("Got it"))
            bubble.next.setVisible(self.step.done is None or self.revisiting)
            bubble.back.setText(self.tr("Back"))
            bubble.back.setVisible(self.index > 0)
            bubble.end.setText(self.tr("End tour"))
            bubble.end.setVisible(True)
        bubble.adjustSize()

    def _place_bubble(self, host: QWidget) -> None:
        bubble = self.bubble
        assert bubble is not None and self.overlay is not None
        width = max(bubble.minimumWidth(), min(bubble.sizeHint().width(), bubble.maximumWidth()))
        size = QSize(width, bubble.heightForWidth(width) if bubble.hasHeightForWidth() else bubble.sizeHint().height())
        bubble.resize(size)
        area = host.rect().adjusted(8, 8, -8, -8)
        hole = self.overlay.hole
        if hole.isNull():
            pos = QPoint(area.center().x() - size.width() // 2, area.top() + 40)
        else:
            below = QPoint(hole.left(), hole.bottom() + 14)
            above = QPoint(hole.left(), hole.top() - 14 - size.height())
            right = QPoint(hole.right() + 14, hole.top())
            left = QPoint(hole.left() - 14 - size.width(), hole.top())
            pos = below
            for candidate in (below, above, right, left):
                if area.contains(QRect(candidate, size).adjusted(0, 0, -1, -1).bottomRight()) and \
                        area.contains(candidate):
                    pos = candidate
                    break
            else:  # a huge target: put the bubble over its lower right corner
                pos = QPoint(hole.right() - size.width() - 20, hole.bottom() - size.height() - 20)
        pos.setX(max(area.left(), min(pos.x(), area.right() - size.width())))
        pos.setY(max(area.top(), min(pos.y(), area.bottom() - size.height())))
        bubble.move(pos)
        bubble.raise_()


def _scroll_into_view(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 40, 40)
            return
        parent = parent.parentWidget()

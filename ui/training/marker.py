"""Training mode must be unmistakable: every window of a training session says so.

:class:`TrainingMarker` watches the whole application (one event filter): each top-level window
that belongs to a training database — a main window whose database is a training one, or a
dialog opened from it — gets 【培训】 in front of its title (kept there when the window changes
its title) and, where the window's layout allows it, an orange banner across the top (in a
wizard: across the top of each page). Printed
pages are stamped by app.reports in the same situation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QBoxLayout, QLabel, QMainWindow, QWidget, QWizard
from shiboken6 import isValid

from app.i18n import t

BANNER_NAME = "trainingBanner"
BANNER_STYLE = ("#trainingBanner { background: #ef6c00; color: white; font-weight: bold; padding: 6px 10px;"
                " border-bottom: 3px solid #bf360c; }")


def title_prefix() -> str:
    return QCoreApplication.translate("Training", "【TRAINING】")


# Every prefix a title may carry (both languages), so a language switch replaces, not stacks.
_KNOWN_PREFIXES = ("【培训】", "【TRAINING】")


def is_training_window(window: Any) -> bool:
    db = getattr(window, "db", None)
    if db is None:
        return False
    cached = getattr(db, "is_training_cached", None)
    return bool(cached) if cached is not None else bool(getattr(db, "is_training", False))


def owner_main_window(widget: QWidget) -> QMainWindow | None:
    w: QWidget | None = widget
    while w is not None:
        if isinstance(w, QMainWindow) and hasattr(w, "db"):
            return w
        w = w.parentWidget()
    return None


def belongs_to_training(widget: QWidget) -> bool:
    """A window of a training session: its main window has a training database. A window with
    no main window above it counts as training when every open main window is a training one."""
    main = owner_main_window(widget)
    if main is not None:
        return is_training_window(main)
    mains = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMainWindow) and hasattr(w, "db") and getattr(w, "db", None) is not None]
    return bool(mains) and all(is_training_window(w) for w in mains)


def make_banner(parent: QWidget | None = None) -> QLabel:
    banner = QLabel(parent)
    banner.setObjectName(BANNER_NAME)
    banner.setStyleSheet(BANNER_STYLE)
    banner.setWordWrap(True)
    banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
    banner.setText(t("training.banner"))
    return banner


def marked_title(title: str) -> str:
    for prefix in _KNOWN_PREFIXES:
        if title.startswith(prefix):
            title = title[len(prefix):].lstrip()
            break
    return f"{title_prefix()} {title}".rstrip()


class TrainingMarker(QObject):
    """The application-wide event filter that marks training windows (see the module doc)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._busy = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Show, QEvent.Type.WindowTitleChange, QEvent.Type.LanguageChange) and \
                isinstance(obj, QWidget) and obj.isWindow() and not self._busy:
            if belongs_to_training(obj):
                self.mark(obj)
        return False

    def mark(self, window: QWidget) -> None:
        self._busy = True
        try:
            wanted = marked_title(window.windowTitle())
            if window.windowTitle() != wanted:
                window.setWindowTitle(wanted)
            if isinstance(window, QWizard):  # the wizard lays out its pages itself: a banner on each page
                hosts: list[QWidget] = [window.page(i) for i in window.pageIds()]
            elif isinstance(window, QMainWindow):  # main windows get the plugin's banner bar
                hosts = []
            else:
                hosts = [window]
            for host in hosts:
                _add_banner(host)
            for banner in window.findChildren(QLabel, BANNER_NAME):
                banner.setText(t("training.banner"))
        finally:
            self._busy = False


def _add_banner(host: QWidget) -> None:
    """A banner at the top of ``host``'s box layout, once (hosts with another layout get the title only)."""
    layout = host.layout()
    if not isinstance(layout, QBoxLayout) or host.findChild(QLabel, BANNER_NAME,
                                                              Qt.FindChildOption.FindDirectChildrenOnly):
        return
    banner = make_banner(host)
    layout.insertWidget(0, banner)
    banner.show()  # now, not on the next turn of the event loop: the window is on screen already


_marker: TrainingMarker | None = None


def ensure_marker() -> TrainingMarker:
    """Install the marker on the application once (it costs one type comparison per event)."""
    global _marker
    app = QApplication.instance()
    if _marker is None or not isValid(_marker):
        _marker = TrainingMarker(app)
        app.installEventFilter(_marker)
    return _marker

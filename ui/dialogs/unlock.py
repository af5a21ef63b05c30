"""Signing in: the unlock screen at start and the lock screen after idle time.

The user list comes from the key-slot file beside the database (nothing is decrypted to show
it). Unlocking runs the passphrase KDF and opens the database in a worker, so the window stays
responsive; a wrong passphrase shows a clear message under the field and touches nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import BangfuError
from app.paths import resources_dir
from app.store.keyslots import SlotFile
from ui.widgets import MessageLine
from ui.workers import run_task


def slot_names(db_path: Path) -> list[str]:
    """The unlock screen's user list (same as app.store.database.list_users, without importing the
    database layer, so the screen appears before SQLAlchemy has loaded)."""
    return SlotFile.load(Path(db_path)).names()


def open_unlocked(db_path: Path, name: str, passphrase: str) -> Any:
    """Open for the GUI: the integrity check and the daily backup run later, in a worker."""
    from app.store.database import open_database

    return open_database(Path(db_path), name, passphrase, check=False, backup=False)


def warm_up() -> None:
    """Import the database layer while the user types (the first unlock is then quick)."""
    import app.services.registry
    import app.store.database
    import app.store.migrate  # noqa: F401


class UnlockPanel(QWidget):
    """User, passphrase, Unlock. ``unlock(name, passphrase)`` runs in a worker; its result is
    emitted by ``unlocked``; a BangfuError is shown under the passphrase."""

    unlocked = Signal(object)
    failed = Signal(str)

    def __init__(self, names: list[str], unlock: Callable[[str, str], Any], last_user: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._unlock = unlock
        self.busy = False
        layout = QVBoxLayout(self)
        self.logo = QLabel()
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        icon = resources_dir() / "icons" / "bangfu.png"
        if icon.is_file():
            self.logo.setPixmap(QPixmap(str(icon)).scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio,
                                                          Qt.TransformationMode.SmoothTransformation))
            layout.addWidget(self.logo)
        self.heading = QLabel()
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._heading_font()
        layout.addWidget(self.heading)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.subtitle)
        form = QFormLayout()
        self.user = QComboBox()
        self.user.setObjectName("unlockUser")
        self.user.addItems(names)
        if last_user in names:
            self.user.setCurrentText(last_user)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("unlockPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.user_label, self.pass_label = QLabel(), QLabel()
        self.user_label.setBuddy(self.user)
        self.pass_label.setBuddy(self.passphrase)
        form.addRow(self.user_label, self.user)
        form.addRow(self.pass_label, self.passphrase)
        layout.addLayout(form)
        self.message = MessageLine()
        self.message.setObjectName("unlockMessage")
        layout.addWidget(self.message)
        self.button = QPushButton()
        self.button.setObjectName("unlockButton")
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.passphrase.returnPressed.connect(self.submit)
        layout.addWidget(self.button)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666;")
        layout.addWidget(self.hint)
        self.retranslate()
        self.passphrase.setFocus()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Bangfu"))
        self.subtitle.setText(self.tr("Registry and field work for village task forces"))
        self.user_label.setText(self.tr("&User"))
        self.pass_label.setText(self.tr("&Passphrase"))
        self.button.setText(self.tr("Unlocking…") if self.busy else self.tr("&Unlock"))
        self.hint.setText(self.tr("Forgot your passphrase? A colleague who manages users can set a new one."))

    def _heading_font(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._heading_font()
        super().changeEvent(event)

    def set_names(self, names: list[str], current: str = "") -> None:
        self.user.clear()
        self.user.addItems(names)
        if current in names:
            self.user.setCurrentText(current)

    def submit(self) -> None:
        if self.busy:
            return
        name, passphrase = self.user.currentText(), self.passphrase.text()
        if not passphrase:
            self.message.error(self.tr("Enter your passphrase."))
            self.passphrase.setFocus()
            return
        self._set_busy(True)
        self.message.clear_message()
        run_task(self._unlock, name, passphrase, on_done=self._done, on_error=self._error, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.button.setEnabled(not busy)
        self.user.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        self.retranslate()

    def _done(self, result: object) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.unlocked.emit(result)

    def _error(self, exc: BaseException) -> None:
        self._set_busy(False)
        text = str(exc) if isinstance(exc, BangfuError) else self.tr("The database could not be opened: {kind}").format(
            kind=exc.__class__.__name__)
        self.message.error(text)
        self.passphrase.clear()
        self.passphrase.setFocus()
        self.failed.emit(text)


class UnlockDialog(QDialog):
    """Shown at every start: choose your name, type your passphrase."""

    def __init__(self, db_path: Path, last_user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.database: Any = None
        self.setObjectName("unlockDialog")
        layout = QVBoxLayout(self)
        self.panel = UnlockPanel(slot_names(self.db_path), lambda n, p: open_unlocked(self.db_path, n, p), last_user)
        self.panel.unlocked.connect(self._unlocked)
        layout.addWidget(self.panel)
        self.setMinimumWidth(420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Bangfu — sign in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _unlocked(self, database: object) -> None:
        self.database = database
        self.accept()

    def reject(self) -> None:
        if not self.panel.busy:
            super().reject()

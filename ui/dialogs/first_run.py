"""First run: create the encrypted database and its first user, or open the demo county.

Shown when no database exists at the chosen place. Creating runs in a worker (the passphrase KDF
and the schema take a moment); problems (short passphrase, mismatch, a file already there) are
shown next to the field they concern.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import BangfuError
from app.i18n import register
from app.validation import MIN_PASSPHRASE
from ui.forms import CodeCombo
from ui.widgets import MessageLine, StrengthHint, stacked
from ui.workers import TaskContext, run_task

register({
    "ui.demo_missing": ("此版本未包含演示数据生成器", "This build has no demo data generator"),
    "ui.demo_failed": ("无法打开演示数据", "The demo data could not be opened"),
})


def create_first(db_path: Path, name: str, passphrase: str, role: str, kdf: dict[str, int] | None = None) -> Any:
    from app.store.database import create_database

    return create_database(Path(db_path), name, passphrase, role=role, kdf=kdf)


def open_demo(db_path: Path, task: TaskContext | None = None) -> Any:
    """Open (creating on first use) the demo county beside the real database, never in its place.

    ``app.demo.ensure_demo_database`` is imported lazily: a core-only build may not have it.
    """
    try:
        import importlib

        demo = importlib.import_module("app.demo")  # via sys.modules, so a stand-in module is honoured
        ensure = demo.ensure_demo_database  # type: ignore[attr-defined]
    except (ImportError, AttributeError):
        raise BangfuError("ui.demo_missing") from None
    params = inspect.signature(ensure).parameters
    demo_path = Path(db_path).parent / "demo" / "bangfu-demo.db"
    kwargs: dict[str, Any] = {}
    if "training" in params:
        kwargs["training"] = True  # a demo database must never sync with a real county server
    if "progress" in params and task is not None:
        kwargs["progress"] = lambda done, total, *rest: task.progress(done, total)
    result = ensure(demo_path, **kwargs)
    if hasattr(result, "actor"):
        return result
    path, user, passphrase = _demo_credentials(result, demo, demo_path)
    from app.store.database import open_database

    return open_database(path, user, passphrase, check=False, backup=False)


def _demo_credentials(result: Any, demo: Any, demo_path: Path) -> tuple[Path, str, str]:
    if isinstance(result, tuple) and len(result) == 3:
        return Path(result[0]), str(result[1]), str(result[2])
    if isinstance(result, tuple) and len(result) == 2:
        return demo_path, str(result[0]), str(result[1])
    user = getattr(demo, "DEMO_USER", None)
    passphrase = getattr(demo, "DEMO_PASSPHRASE", None)
    if isinstance(result, str | Path) and user and passphrase:
        return Path(result), user, passphrase
    raise BangfuError("ui.demo_failed")


class FirstRunDialog(QDialog):
    """Two choices: a new (empty) database with me as its first user, or the demo county."""

    def __init__(self, db_path: Path, kdf: dict[str, int] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.kdf = kdf
        self.database: Any = None
        self.busy = False
        self.setObjectName("firstRunDialog")
        self.setMinimumWidth(520)
        outer = QVBoxLayout(self)
        self.heading = QLabel()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        outer.addWidget(self.heading)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        outer.addWidget(self.intro)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)

        # page 0: choose
        choose = QWidget()
        cl = QVBoxLayout(choose)
        self.create_choice = QCommandLinkButton()
        self.create_choice.setObjectName("chooseCreate")
        self.create_choice.clicked.connect(lambda: self._show_create())
        self.demo_choice = QCommandLinkButton()
        self.demo_choice.setObjectName("chooseDemo")
        self.demo_choice.clicked.connect(self.open_demo)
        cl.addWidget(self.create_choice)
        cl.addWidget(self.demo_choice)
        self.choose_message = MessageLine()
        cl.addWidget(self.choose_message)
        cl.addStretch(1)
        self.pages.addWidget(choose)

        # page 1: create
        create = QWidget()
        form = QFormLayout(create)
        self.name = QLineEdit()
        self.name.setObjectName("firstName")
        self.name.setMaxLength(30)
        self.role = CodeCombo("role", required=True)
        self.role.setObjectName("firstRole")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("firstPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = StrengthHint(self.passphrase)
        self.again = QLineEdit()
        self.again.setObjectName("firstPassphraseAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.location = QLabel(str(self.db_path))
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_error, self.pass_error, self.again_error = MessageLine(), MessageLine(), MessageLine()
        self.labels = [QLabel() for _ in range(5)]
        rows: list[tuple[QLabel, QWidget, QWidget]] = [
            (self.labels[0], self.name, stacked(self.name, self.name_error)),
            (self.labels[1], self.role, self.role),
            (self.labels[2], self.passphrase, stacked(self.passphrase, self.strength, self.pass_error)),
            (self.labels[3], self.again, stacked(self.again, self.again_error)),
            (self.labels[4], self.location, self.location),
        ]
        for label, buddy, cell in rows:
            label.setBuddy(buddy)
            form.addRow(label, cell)
        self.message = MessageLine()
        form.addRow(self.message)
        buttons = QHBoxLayout()
        self.back = QPushButton()
        self.back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.create_button = QPushButton()
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        form.addRow(buttons)
        self.pages.addWidget(create)
        self.retranslate()

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to Bangfu"))
        self.heading.setText(self.tr("Welcome to Bangfu"))
        self.intro.setText(self.tr(
            "No database was found on this computer. Create a new encrypted database for your task "
            "force, or open the demo county to look around and practise."))
        self.create_choice.setText(self.tr("Create a new database"))
        self.create_choice.setDescription(self.tr(
            "Encrypted with your passphrase. You become its first user; colleagues can be added later."))
        self.demo_choice.setText(self.tr("Open the demo county"))
        self.demo_choice.setDescription(self.tr(
            "Invented households for training. Kept apart from real data; nothing in it is real."))
        texts = (self.tr("&Your name"), self.tr("&Role"), self.tr("&Passphrase"), self.tr("Passphrase &again"),
                 self.tr("Database file"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.back.setText(self.tr("&Back"))
        self.create_button.setText(self.tr("Creating…") if self.busy else self.tr("&Create database"))
        self.role.refill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- actions -------------------------------------------------------------------------------
    def _show_create(self) -> None:
        self.pages.setCurrentIndex(1)
        self.name.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for w in (self.create_button, self.back, self.create_choice, self.demo_choice):
            w.setEnabled(not busy)
        self.retranslate()

    def create(self) -> None:
        if self.busy:
            return
        for line in (self.name_error, self.pass_error, self.again_error, self.message):
            line.clear_message()
        name, passphrase, again = self.name.text().strip(), self.passphrase.text(), self.again.text()
        ok = True
        if not name:
            self.name_error.error(self.tr("Enter your name as colleagues know it."))
            ok = False
        if len(passphrase) < MIN_PASSPHRASE:
            self.pass_error.error(self.tr("At least {n} characters.").format(n=MIN_PASSPHRASE))
            ok = False
        elif passphrase != again:
            self.again_error.error(self.tr("The two passphrases differ."))
            ok = False
        if not ok:
            return
        self._set_busy(True)
        run_task(create_first, self.db_path, name, passphrase, self.role.code(), self.kdf,
                 on_done=self._done, on_error=self._error, owner=self)

    def open_demo(self) -> None:
        if self.busy:
            return
        self.choose_message.clear_message()
        self._set_busy(True)
        run_task(open_demo, self.db_path, on_done=self._done, on_error=self._error, owner=self,
                 with_progress=self.tr("Preparing the demo county…"), cancellable=False, parent=self)

    def _done(self, database: Any) -> None:
        self._set_busy(False)
        self.database = database
        self.accept()

    def _error(self, exc: BaseException) -> None:
        self._set_busy(False)
        text = str(exc) if isinstance(exc, BangfuError) else self.tr("Something went wrong: {kind}").format(
            kind=exc.__class__.__name__)
        if self.pages.currentIndex() == 0:
            self.choose_message.error(text)
        elif isinstance(exc, BangfuError) and exc.code.startswith("user.passphrase"):
            self.pass_error.error(text)
        elif isinstance(exc, BangfuError) and exc.code.startswith("user.name"):
            self.name_error.error(text)
        else:
            self.message.error(text)

    def reject(self) -> None:
        if not self.busy:
            super().reject()

"""Small widgets shared by several screens: the passphrase-strength hint and message lines."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from app.services.passphrase import MIN_PASSPHRASE, strength

STRENGTH_COLOURS = ("#c62828", "#ef6c00", "#f9a825", "#7cb342", "#2e7d32")


class StrengthHint(QWidget):
    """A bar and a word under a new-passphrase field: too short / weak / fair / good / strong."""

    def __init__(self, edit: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setMaximumWidth(140)
        self.text = QLabel()
        self.text.setObjectName("strengthText")
        layout.addWidget(self.bar)
        layout.addWidget(self.text, 1)
        edit.textChanged.connect(self.update_hint)
        self.update_hint()

    def score(self) -> int:
        return strength(self.edit.text())

    def update_hint(self) -> None:
        text = self.edit.text()
        score = strength(text)
        self.bar.setValue(score)
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {STRENGTH_COLOURS[score]}; }}")
        if not text:
            words = self.tr("At least {n} characters; a short sentence is easy to remember and hard to guess.")
            self.text.setText(words.format(n=MIN_PASSPHRASE))
        elif len(text) < MIN_PASSPHRASE:
            self.text.setText(self.tr("Too short: at least {n} characters").format(n=MIN_PASSPHRASE))
        else:
            names = (self.tr("Too simple"), self.tr("Weak"), self.tr("Fair"), self.tr("Good"), self.tr("Strong"))
            self.text.setText(names[score])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update_hint()
        super().changeEvent(event)


def stacked(*widgets: QWidget) -> QWidget:
    """Widgets one under the other with no gap (a field and its hint/error lines, one form row)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for w in widgets:
        layout.addWidget(w)
    return box


class MessageLine(QLabel):
    """A line for errors (red) or information under a form; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def error(self, text: str) -> None:
        self.setStyleSheet("color: #c62828; font-weight: bold;")
        self.setText(text)
        self.setVisible(bool(text))

    def info(self, text: str) -> None:
        self.setStyleSheet("color: #1b5e20;")
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

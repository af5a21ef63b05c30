"""首选项: language, font size (for older eyes) and the auto-lock time, remembered in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from ui.settings import FONT_SCALES, LANGUAGES, LOCK_MINUTES, Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("preferencesDialog")
        form = QFormLayout(self)
        self.language = QComboBox()
        self.language.setObjectName("prefLanguage")
        self.font_scale = QComboBox()
        self.font_scale.setObjectName("prefFont")
        self.lock = QComboBox()
        self.lock.setObjectName("prefLock")
        self.labels = [QLabel(), QLabel(), QLabel()]
        for label, widget in zip(self.labels, (self.language, self.font_scale, self.lock), strict=True):
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        for label, text in zip(self.labels, (self.tr("&Language"), self.tr("&Text size"), self.tr("&Lock after")),
                               strict=True):
            label.setText(text)
        self.language.clear()
        for code in LANGUAGES:
            self.language.addItem("中文（简体）" if code == "zh_CN" else "English", code)
        self.language.setCurrentIndex(self.language.findData(self.settings.language))
        self.font_scale.clear()
        names = {100: self.tr("Standard"), 125: self.tr("Large"), 150: self.tr("Extra large")}
        for scale in FONT_SCALES:
            self.font_scale.addItem(names[scale], scale)
        self.font_scale.setCurrentIndex(self.font_scale.findData(self.settings.font_scale))
        self.lock.clear()
        for minutes in LOCK_MINUTES:
            self.lock.addItem(self.tr("Never") if minutes == 0 else self.tr("{n} minutes idle").format(n=minutes),
                              minutes)
        self.lock.setCurrentIndex(self.lock.findData(self.settings.lock_minutes))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def chosen(self) -> tuple[str, int, int]:
        return self.language.currentData(), self.font_scale.currentData(), self.lock.currentData()

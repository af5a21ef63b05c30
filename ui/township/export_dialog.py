"""Export households, members, incomes, measures or visits to Excel or CSV, filtered by place and
status. ID numbers and bank accounts are masked unless the user ticks the sensitive option,
which is recorded in the audit trail."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.forms import CodeCombo
from ui.township.common import error_text, scope_code
from ui.workers import run_task


class ExportDialog(QDialog):
    #: the export finished: (path, rows)
    exported = Signal(object, int)
    failed = Signal(object)

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.main_window = window
        self.setWindowTitle(self.tr("Export to Excel/CSV"))
        self.what = QComboBox()
        for key, label in (("households", self.tr("Household records")), ("members", self.tr("Members")),
                           ("incomes", self.tr("Incomes")), ("measures", self.tr("Assistance measures")),
                           ("visits", self.tr("Visits"))):
            self.what.addItem(label, key)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Everything"), None)
        code = scope_code(window)
        if code and len(code) in (9, 12):
            self.scope.addItem(self.tr("The selected township or village ({code})").format(code=code), code)
            self.scope.setCurrentIndex(1)
        self.status = CodeCombo("exit_status")
        self.use_year = QCheckBox(self.tr("Only the income year"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(2020)
        self.sensitive = QCheckBox(self.tr("Include full ID numbers and bank accounts (recorded in the audit trail)"))
        form = QFormLayout()
        form.addRow(self.tr("What:"), self.what)
        form.addRow(self.tr("Place:"), self.scope)
        form.addRow(self.tr("Poverty status:"), self.status)
        form.addRow(self.use_year, self.year)
        form.addRow(self.sensitive)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save = buttons.addButton(self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save.clicked.connect(self.choose_and_export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def choose_and_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), f"{self.what.currentData()}.xlsx",
                                              self.tr("Excel files (*.xlsx);;CSV files (*.csv)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        if self.sensitive.isChecked():
            answer = QMessageBox.question(self, self.windowTitle(), self.tr("The file will contain full ID numbers and bank accounts. Keep it safe and delete it when done. Continue?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        code = self.scope.currentData()
        village = code if code and len(code) == 12 else None
        township = code if code and len(code) == 9 else None
        args = dict(village=village, township=township, status=self.status.code() or None,
                    year=self.year.value() if self.use_year.isChecked() else None,
                    with_sensitive=self.sensitive.isChecked())
        db, what = self.main_window.db, self.what.currentData()

        def work() -> int:
            from app.io.export import export

            return export(db, what, path, **args)

        def done(count: int) -> None:
            self.message.setText(self.tr("{n} row(s) written to {path}").format(n=count, path=path.name))
            self.exported.emit(path, count)

        def failed(exc: BaseException) -> None:
            self.message.setText(error_text(exc))
            self.failed.emit(exc)

        run_task(work, on_done=done, on_error=failed, owner=self, with_progress=self.tr("Exporting…"),
                 cancellable=False, parent=self)

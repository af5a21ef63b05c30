"""Import a registry spreadsheet: choose the file, check it (every problem with its sheet, row and
column), then import it in one transaction. Nothing is written until the check is clean; the
Import button stays disabled while there are errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ui.township.common import error_text, fill_table, villages
from ui.workers import run_task


class ImportDialog(QDialog):
    #: a check finished (the ImportResult)
    checked = Signal(object)
    #: the import finished (the ImportResult)
    imported = Signal(object)
    #: the check or import failed (the exception)
    failed = Signal(object)

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.main_window = window
        self.setWindowTitle(self.tr("Import registry spreadsheet"))
        self.resize(900, 600)
        self.result: Any = None
        self._checked_key: tuple[Any, ...] | None = None
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("An .xlsx file in the national system's person-level export shape"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        template = QPushButton(self.tr("Save an empty template…"))
        template.clicked.connect(self.save_template)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        file_row.addWidget(template)
        self.use_year = QCheckBox(self.tr("Per-capita income is for the year"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(2020)
        self.year.setEnabled(False)
        self.use_year.toggled.connect(self.year.setEnabled)
        year_row = QHBoxLayout()
        year_row.addWidget(self.use_year)
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        self.village = QComboBox()
        self.village.addItem(self.tr("As written in the file"), None)
        if window.db is not None:
            for _vid, code, name in villages(window.db):
                self.village.addItem(f"{code} {name}", code)
        form = QFormLayout()
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Year:"), year_row)
        form.addRow(self.tr("Village:"), self.village)
        self.summary = QLabel(self.tr("Choose a file and press Check."))
        self.summary.setWordWrap(True)
        self.problems = QTableWidget()
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.verticalHeader().setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = self.buttons.addButton(self.tr("&Check"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        self.path.textChanged.connect(self._options_changed)
        self.use_year.toggled.connect(self._options_changed)
        self.year.valueChanged.connect(self._options_changed)
        self.village.currentIndexChanged.connect(self._options_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)

    # -- options -------------------------------------------------------------------------------
    def options(self) -> tuple[Path, int | None, str | None]:
        return (Path(self.path.text().strip()), self.year.value() if self.use_year.isChecked() else None,
                self.village.currentData())

    def _options_changed(self, *_args: Any) -> None:
        self.import_button.setEnabled(False)
        self._checked_key = None

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Registry spreadsheet"), "",
                                              self.tr("Excel files (*.xlsx *.xlsm)"))
        if name:
            self.path.setText(name)

    def save_template(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save an empty template"), "导入模板.xlsx",
                                              self.tr("Excel files (*.xlsx)"))
        if not name:
            return
        from app.io.template import write_template

        try:
            write_template(name)
        except OSError as exc:
            QMessageBox.warning(self, self.windowTitle(), error_text(exc))

    # -- check and import ----------------------------------------------------------------------
    def check(self) -> None:
        path, year, village = self.options()
        if not path.name:
            return
        db = self.main_window.db
        key = (path, year, village)
        self.check_button.setEnabled(False)
        self.summary.setText(self.tr("Checking…"))

        def work() -> Any:
            from app.io.excel_import import preview

            return preview(db, path, year=year, village_code=village)

        run_task(work, on_done=lambda r: self._checked(key, r), on_error=self._failed, owner=self,
                 with_progress=self.tr("Checking the file…"), cancellable=False, parent=self)

    def _checked(self, key: tuple[Any, ...], result: Any) -> None:
        self.check_button.setEnabled(True)
        self.result = result
        self._show_problems(result)
        self._checked_key = key if not result.refused else None
        self.import_button.setEnabled(not result.refused and result.changes > 0
                                      and self.main_window.permitted("data.import"))
        self.checked.emit(result)

    def _show_problems(self, result: Any) -> None:
        headers = [self.tr("Severity"), self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Header"),
                   self.tr("Problem")]
        rows = [[self.tr("Error") if p.is_error else self.tr("Warning"), p.sheet, p.row or "", p.column, p.header,
                 p.message()] for p in result.problems]
        fill_table(self.problems, headers, rows)
        for r, problem in enumerate(result.problems):
            if problem.is_error:
                for c in range(len(headers)):
                    self.problems.item(r, c).setForeground(QBrush(QColor("#b00020")))
        text = result.summary()
        if result.warnings and not result.refused:
            text += "  " + self.tr("({n} warning(s))").format(n=len(result.warnings))
        self.summary.setText(text)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

    def run_import(self) -> None:
        path, year, village = self.options()
        if self._checked_key != (path, year, village):
            return
        db = self.main_window.db
        self.import_button.setEnabled(False)

        def work() -> Any:
            from app.io.excel_import import import_file

            return import_file(db, path, year=year, village_code=village)

        run_task(work, on_done=self._imported, on_error=self._failed, owner=self,
                 with_progress=self.tr("Importing…"), cancellable=False, parent=self)

    def _imported(self, result: Any) -> None:
        self.result = result
        self._show_problems(result)
        self._checked_key = None
        if result.written:
            self.main_window.reload_places()
            self.main_window.refresh()
        self.imported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.summary.setText(error_text(exc))
        self.failed.emit(exc)

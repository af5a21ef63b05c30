"""Data-quality findings: run the rules for the selected place or everything, filter by rule and
severity, double-click a finding to open the household, export the list to Excel or PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.idnumber import mask_id
from ui.forms import DateField
from ui.township.common import add_scopes, error_text
from ui.workers import run_task

HOUSEHOLD_ROLE = Qt.ItemDataRole.UserRole + 1
RULE_ROLE = Qt.ItemDataRole.UserRole + 2
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 3


class FindingsModel(QAbstractTableModel):
    COLUMNS = ("severity", "rule", "message", "village", "household", "head", "member", "id")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.findings: list[Any] = []

    def set_findings(self, findings: list[Any]) -> None:
        self.beginResetModel()
        self.findings = list(findings)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Severity"), self.tr("Rule"), self.tr("Finding"), self.tr("Village code"),
                self.tr("Household no."), self.tr("Head"), self.tr("Member"), self.tr("ID number"))[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f = self.findings[index.row()]
        if role == HOUSEHOLD_ROLE:
            return f.household_id
        if role == RULE_ROLE:
            return f.rule.code
        if role == SEVERITY_ROLE:
            return f.severity
        if role == Qt.ItemDataRole.ForegroundRole and f.severity == "error":
            return QBrush(QColor("#b00020"))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = self.COLUMNS[index.column()]
        if column == "severity":
            return self.tr("Error") if f.severity == "error" else self.tr("Warning")
        return {"rule": f.rule.code, "message": f.message(), "village": f.village_code, "household": f.hh_number,
                "head": f.head_name, "member": f.member_name,
                "id": mask_id(f.id_number) if f.id_number else ""}[column]


class FindingsFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rule = ""
        self.severity = ""

    def set_filter(self, rule: str, severity: str) -> None:
        self.beginFilterChange()
        self.rule, self.severity = rule, severity
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        index = self.sourceModel().index(row, 0, parent)
        return ((not self.rule or index.data(RULE_ROLE) == self.rule)
                and (not self.severity or index.data(SEVERITY_ROLE) == self.severity))


class QualityDialog(QDialog):
    #: a check finished (the list of findings)
    finished_checks = Signal(object)
    #: a household was opened from the list (its id)
    jumped = Signal(str)
    #: the findings were written to a file (its path)
    saved = Signal(object)
    failed = Signal(object)

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.main_window = window
        self.checked_on: Any = None
        self.setWindowTitle(self.tr("Data-quality check"))
        self.resize(1100, 650)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Everything"), None)
        add_scopes(self.scope, window)
        from app.services.reference_date import reference_date

        self.as_of = DateField()
        self.as_of.set_value(reference_date(window.db))
        self.as_of.setToolTip(self.tr("Ages and school grades are counted on this day"))
        self.run_button = QPushButton(self.tr("&Run the checks"))
        self.run_button.clicked.connect(self.run)
        self.rule = QComboBox()
        self.rule.addItem(self.tr("All rules"), "")
        from app.quality import rules

        for r in rules():
            self.rule.addItem(f"{r.code} — {r.title()}", r.code)
        self.severity = QComboBox()
        self.severity.addItem(self.tr("Errors and warnings"), "")
        self.severity.addItem(self.tr("Errors only"), "error")
        self.severity.addItem(self.tr("Warnings only"), "warning")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Place:")))
        top.addWidget(self.scope)
        top.addWidget(QLabel(self.tr("Ages on:")))
        top.addWidget(self.as_of)
        top.addWidget(self.run_button)
        top.addStretch(1)
        top.addWidget(self.rule)
        top.addWidget(self.severity)
        self.model = FindingsModel(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self.open_household)
        self.rule.currentIndexChanged.connect(self._filter)
        self.severity.currentIndexChanged.connect(self._filter)
        self.summary = QLabel(self.tr("Press Run to check the data."))
        self.excel = QPushButton(self.tr("Save as &Excel…"))
        self.pdf = QPushButton(self.tr("Save as &PDF…"))
        self.excel.clicked.connect(lambda: self.save("xlsx"))
        self.pdf.clicked.connect(lambda: self.save("pdf"))
        self.excel.setEnabled(False)
        self.pdf.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.excel)
        bottom.addWidget(self.pdf)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    def _filter(self, *_args: Any) -> None:
        self.proxy.set_filter(self.rule.currentData(), self.severity.currentData())

    def run(self) -> None:
        db, scope, as_of = self.main_window.db, self.scope.currentData(), self.as_of.value()
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("Checking…"))
        self.checked_on = as_of

        def work() -> Any:
            from app.quality import run_checks

            return run_checks(db, scope=scope, as_of=as_of)

        run_task(work, on_done=self._done, on_error=self._failed, owner=self, with_progress=self.tr("Checking…"),
                 cancellable=False, parent=self)

    def _done(self, findings: list[Any]) -> None:
        self.run_button.setEnabled(True)
        self.model.set_findings(findings)
        errors = sum(1 for f in findings if f.severity == "error")
        households = len({f.household_id for f in findings})
        self.summary.setText(self.tr("{n} finding(s) in {h} household(s): {e} error(s), {w} warning(s)").format(
            n=len(findings), h=households, e=errors, w=len(findings) - errors) if findings
            else self.tr("No findings."))
        self.excel.setEnabled(bool(findings))
        self.pdf.setEnabled(bool(findings))
        self.view.resizeColumnsToContents()
        self.finished_checks.emit(findings)

    def _failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        self.summary.setText(error_text(exc))
        self.failed.emit(exc)

    def open_household(self, index: QModelIndex) -> None:
        household_id = index.data(HOUSEHOLD_ROLE)
        if household_id:
            self.main_window.open_household(household_id)
            self.main_window.raise_()
            self.jumped.emit(household_id)

    def visible_findings(self) -> list[Any]:
        return [self.model.findings[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
                for r in range(self.proxy.rowCount())]

    def save(self, kind: str, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.windowTitle(), self.tr("data-quality findings") + f".{kind}",
                self.tr("Excel files (*.xlsx)") if kind == "xlsx" else self.tr("PDF files (*.pdf)"))
            if not name:
                return
            path = Path(name)
        findings, scope, on = self.visible_findings(), self.scope.currentData(), self.checked_on
        training = bool(self.main_window.db and self.main_window.db.is_training)

        def work() -> Any:
            from app.quality.report import write_excel, write_pdf

            if kind == "xlsx":
                return write_excel(findings, path)
            return write_pdf(findings, path, scope=scope, on=on, training=training)

        def done(written: Any) -> None:
            self.summary.setText(self.tr("Saved {name}").format(name=Path(written).name))
            self.saved.emit(Path(written))

        run_task(work, on_done=done, on_error=self._failed, owner=self)

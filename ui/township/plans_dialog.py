"""Exit plans of a village: the annual plan (households and people per year), the rolling plan
(a version per year it was drawn up) and progress against them. Township and county staff edit;
everyone may look."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.township.common import add_villages, error_text, fill_table
from ui.workers import run_task


def _int(table: QTableWidget, row: int, col: int) -> int | None:
    item = table.item(row, col)
    text = item.text().strip() if item else ""
    return int(text) if text.lstrip("-").isdigit() else None


class PlanTable(QTableWidget):
    """Editable rows of (year, households, people)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Year"), self.tr("Number of households"), self.tr("People")])
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)

    def set_rows(self, rows: list[tuple[int, int, int]]) -> None:
        self.setRowCount(0)
        for year, households, people in rows:
            self.add_row(year, households, people)

    def add_row(self, year: int, households: int = 0, people: int = 0) -> None:
        r = self.rowCount()
        self.insertRow(r)
        for c, value in enumerate((year, households, people)):
            self.setItem(r, c, QTableWidgetItem(str(value)))

    def values(self) -> list[tuple[int | None, int | None, int | None]]:
        return [(_int(self, r, 0), _int(self, r, 1), _int(self, r, 2)) for r in range(self.rowCount())]


class PlansDialog(QDialog):
    saved = Signal()
    loaded = Signal()
    failed = Signal(object)

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.main_window = window
        self.setWindowTitle(self.tr("Exit plans"))
        self.resize(760, 560)
        self.village = QComboBox()
        add_villages(self.village, window)
        self.editable = window.permitted("plan.edit")
        self.annual = PlanTable()
        self.rolling = PlanTable()
        self.made = QSpinBox()
        self.made.setRange(2014, 2100)
        self.made.setValue(2016)
        self.progress = QTableWidget()
        self.progress.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.progress.verticalHeader().setVisible(False)
        for table in (self.annual, self.rolling):
            if not self.editable:
                table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        add_annual = QPushButton(self.tr("Add a year"))
        add_annual.clicked.connect(lambda: self.annual.add_row(self._next_year(self.annual)))
        add_rolling = QPushButton(self.tr("Add a year"))
        add_rolling.clicked.connect(lambda: self.rolling.add_row(self._next_year(self.rolling)))
        annual_page = QWidget()
        annual_layout = QVBoxLayout(annual_page)
        annual_layout.addWidget(self.annual)
        annual_layout.addWidget(add_annual)
        rolling_page = QWidget()
        rolling_layout = QVBoxLayout(rolling_page)
        made_row = QHBoxLayout()
        made_row.addWidget(QLabel(self.tr("Version drawn up in:")))
        made_row.addWidget(self.made)
        made_row.addStretch(1)
        rolling_layout.addLayout(made_row)
        rolling_layout.addWidget(self.rolling)
        rolling_layout.addWidget(add_rolling)
        self.tabs = QTabWidget()
        self.tabs.addTab(annual_page, self.tr("Annual plan"))
        self.tabs.addTab(rolling_page, self.tr("Rolling plan"))
        self.tabs.addTab(self.progress, self.tr("Progress"))
        for widget in (add_annual, add_rolling, self.made):
            widget.setEnabled(self.editable)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setEnabled(self.editable)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Village:")))
        top.addWidget(self.village, 1)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.village.currentIndexChanged.connect(lambda _i: self.load())
        self.made.valueChanged.connect(lambda _v: self.load())
        self.load()

    @staticmethod
    def _next_year(table: PlanTable) -> int:
        years = [y for y, _h, _p in table.values() if y]
        return max(years) + 1 if years else 2016

    def load(self) -> None:
        data = self.village.currentData()
        if data is None or self.main_window.db is None:
            return
        village_id, code = data
        db, made = self.main_window.db, self.made.value()

        def work() -> Any:
            from app.services.plans import plans, progress

            rows = plans(db, village_id)
            return rows, progress(db, code)

        run_task(work, on_done=lambda result: self._show(made, *result), on_error=self._failed, owner=self)

    def _show(self, made: int, rows: list[Any], progress: list[Any]) -> None:
        self.annual.set_rows([(p.year, p.households, p.people) for p in rows if p.kind == "annual"])
        self.rolling.set_rows([(p.year, p.households, p.people) for p in rows
                               if p.kind == "rolling" and p.made_year == made])
        headers = [self.tr("Year"), self.tr("Planned households"), self.tr("Planned people"),
                   self.tr("Rolling plan households"), self.tr("Exited households"), self.tr("Exited people"),
                   self.tr("Done")]
        fill_table(self.progress, headers, [
            [p.year, p.planned_households, p.planned_people, p.rolling_households, p.exited_households,
             p.exited_people, "" if p.share is None else f"{100 * p.share:.0f}%"] for p in progress])
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))
        self.failed.emit(exc)

    def save(self) -> None:
        data = self.village.currentData()
        if data is None:
            return
        village_id, _code = data
        annual = [v for v in self.annual.values() if v[0] is not None]
        rolling = {y: (h or 0, p or 0) for y, h, p in self.rolling.values() if y is not None}
        db, made = self.main_window.db, self.made.value()

        def work() -> None:
            from app.services.plans import set_plan, set_rolling_plan

            for year, households, people in annual:
                set_plan(db, village_id, year, households or 0, people or 0)  # type: ignore[arg-type]
            if rolling:
                set_rolling_plan(db, village_id, made, rolling)

        def done(_result: Any) -> None:
            self.message.setText(self.tr("Saved."))
            self.saved.emit()
            self.load()

        run_task(work, on_done=done, on_error=self._failed, owner=self)

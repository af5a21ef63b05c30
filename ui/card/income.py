"""收入: one year's income item by item, with the per-capita net income computed as you type and
compared with that year's poverty line (domain.md §2, §5). Saving goes through
registry.set_income; the figures shown are the same pure functions the service uses."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.codes import poverty_line_fen
from app.domain import INCOME_ITEMS, Income
from app.services import registry
from ui import formatting as fmt
from ui.card.base import CardTab, run_write
from ui.card.data import CardData
from ui.forms import FieldSpec, FormPanel
from ui.models.rows import Column, RowsModel
from ui.widgets import MessageLine

FIRST_YEAR = 2014
TRANSFERS = tuple(i for i in INCOME_ITEMS if i.startswith("transfer_"))
SPECS = tuple(FieldSpec(name, "money") for name in INCOME_ITEMS)
ABOVE, BELOW = "#2e7d32", "#c62828"


def net_of(values: dict[str, int]) -> int:
    """年纯收入 = 工资性 + 生产经营性 + 财产性 + 转移性 − 生产经营性支出 (same as Income.net_fen)."""
    return Income(household_id="", year=0, **values).net_fen


class IncomeTab(CardTab):
    def __init__(self, card) -> None:  # type: ignore[no-untyped-def]
        super().__init__(card)
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        top = QHBoxLayout()
        self.year_label = QLabel()
        self.year = QComboBox()
        self.year.setObjectName("incomeYear")
        self.year_label.setBuddy(self.year)
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        layout.addLayout(top)
        body = QHBoxLayout()
        self.form = FormPanel("income", SPECS, columns=1)
        self.form.setObjectName("incomeForm")
        body.addWidget(self.form, 3)
        self.summary_box = QGroupBox()
        sform = QFormLayout(self.summary_box)
        self.summary_labels = [QLabel() for _ in range(6)]
        self.transfer_value = QLabel()
        self.net_value = QLabel()
        self.size_value = QLabel()
        self.per_capita_value = QLabel()
        self.per_capita_value.setObjectName("perCapita")
        self.line_value = QLabel()
        self.line_value.setObjectName("povertyLine")
        self.comparison = QLabel()
        self.comparison.setObjectName("lineComparison")
        self.comparison.setWordWrap(True)
        for label, value in zip(self.summary_labels,
                                (self.transfer_value, self.net_value, self.size_value, self.per_capita_value,
                                 self.line_value, self.comparison), strict=True):
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            sform.addRow(label, value)
        body.addWidget(self.summary_box, 2)
        layout.addLayout(body)
        self.table_title = QLabel()
        layout.addWidget(self.table_title)
        self.model = RowsModel(self._columns())
        self.table = QTableView()
        self.table.setObjectName("incomeYears")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(140)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(self._pick_row)
        layout.addWidget(self.table)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        self.message = MessageLine()
        outer.addWidget(self.message)
        buttons = QHBoxLayout()
        self.note = MessageLine()
        buttons.addWidget(self.note)
        buttons.addStretch(1)
        self.revert_button = QPushButton()
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveIncome")
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.revert_button.clicked.connect(self.revert)
        self.save_button.clicked.connect(self.save)
        self.form.edited.connect(lambda _n: self.recompute())
        self.year.currentIndexChanged.connect(lambda _i: self._load_year())
        self._data: CardData | None = None
        self.retranslate()

    # -- labels --------------------------------------------------------------------------------
    def _columns(self) -> list[Column]:
        def summary(row: dict[str, Any]) -> registry.IncomeSummary:
            return row["summary"]

        def below(row: dict[str, Any]) -> Any:
            from PySide6.QtGui import QColor

            above = summary(row).above_line
            return None if above is None else QColor(ABOVE if above else BELOW)

        return [
            Column(lambda: self.tr("Year"), lambda r: r["year"]),
            Column(lambda: self.tr("Net income"), lambda r: fmt.money(summary(r).net_fen), align_right=True),
            Column(lambda: self.tr("Household size"), lambda r: summary(r).size, align_right=True),
            Column(lambda: self.tr("Per capita"), lambda r: fmt.money(summary(r).per_capita_fen), align_right=True,
                   foreground=below),
            Column(lambda: self.tr("Poverty line"), lambda r: fmt.money(summary(r).line_fen), align_right=True),
            Column(lambda: self.tr("Compared with the line"), lambda r: self._comparison_text(summary(r)),
                   foreground=below),
        ]

    def retranslate(self) -> None:
        self.year_label.setText(self.tr("&Year"))
        self.summary_box.setTitle(self.tr("Computed"))
        texts = (self.tr("Transfer income"), self.tr("Net income"), self.tr("Household size"),
                 self.tr("Per-capita net income"), self.tr("Poverty line"), self.tr("Compared with the line"))
        for label, text in zip(self.summary_labels, texts, strict=True):
            label.setText(text)
        self.table_title.setText(self.tr("All years"))
        self.save_button.setText(self.tr("&Save"))
        self.revert_button.setText(self.tr("&Revert"))
        self.form.retranslate()
        self.model.retranslate()
        self.recompute()

    # -- data ----------------------------------------------------------------------------------
    def show_data(self, data: CardData) -> None:
        self._data = data
        current = self.selected_year()
        this_year = date.today().year
        years = sorted(set(range(FIRST_YEAR, this_year + 1)) | set(data.incomes), reverse=True)
        if current is None:
            recorded = [y for y in years if y in data.incomes]
            current = recorded[0] if recorded else this_year - 1
        self.year.blockSignals(True)
        self.year.clear()
        for y in years:
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(self.year.findData(current), 0))
        self.year.blockSignals(False)
        rows = [{"year": y, "summary": registry.summarise(data.incomes[y], y, data.household.size, data.province)}
                for y in sorted(data.incomes, reverse=True)]
        self.model.set_rows(rows)
        editable = self.card.can("income.edit")
        self.form.set_read_only(not editable)
        self.save_button.setEnabled(editable)
        self.revert_button.setEnabled(editable)
        self._load_year()

    def selected_year(self) -> int | None:
        value = self.year.currentData()
        return int(value) if value is not None else None

    def set_year(self, year: int) -> None:
        index = self.year.findData(year)
        if index >= 0:
            self.year.setCurrentIndex(index)

    def _pick_row(self, index: Any) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.set_year(row["year"])

    def _load_year(self) -> None:
        if self._data is None:
            return
        year = self.selected_year()
        income = self._data.incomes.get(year) if year is not None else None
        self.form.set_values({name: (getattr(income, name) if income else 0) for name in INCOME_ITEMS})
        self.recompute()

    # -- live computation ----------------------------------------------------------------------
    def current_summary(self) -> registry.IncomeSummary | None:
        if self._data is None or self.selected_year() is None:
            return None
        values, problems = self.form.collect()
        if problems:
            return None
        year = self.selected_year()
        assert year is not None
        net = net_of(values)
        size = self._data.household.size
        pc = registry.per_capita(net, size)
        line = poverty_line_fen(year, self._data.province)
        margin = None if pc is None or line is None else pc - line
        return registry.IncomeSummary(year, net, size, pc, line, margin)

    def _comparison_text(self, s: registry.IncomeSummary) -> str:
        if s.per_capita_fen is None:
            return self.tr("No members: per-capita income cannot be computed")
        if s.line_fen is None:
            return self.tr("No poverty line recorded for {year}").format(year=s.year)
        assert s.margin_fen is not None
        if s.margin_fen >= 0:
            return self.tr("{amount} above the line").format(amount=fmt.money(s.margin_fen))
        return self.tr("{amount} below the line").format(amount=fmt.money(-s.margin_fen))

    def recompute(self) -> None:
        if self._data is None:
            return
        values, problems = self.form.collect()
        s = self.current_summary()
        transfer = sum(values.get(k, 0) or 0 for k in TRANSFERS) if not problems else None
        self.transfer_value.setText(fmt.money(transfer) if transfer is not None else "—")
        if s is None:
            for label in (self.net_value, self.per_capita_value, self.comparison):
                label.setText("—")
            self.size_value.setText(str(self._data.household.size))
            self.line_value.setText("")
            self.comparison.setStyleSheet("")
            return
        self.net_value.setText(fmt.money(s.net_fen))
        self.size_value.setText(str(s.size))
        self.per_capita_value.setText(fmt.money(s.per_capita_fen) if s.per_capita_fen is not None else "—")
        self.line_value.setText(fmt.money(s.line_fen) if s.line_fen is not None else "—")
        self.comparison.setText(self._comparison_text(s))
        colour = "" if s.above_line is None else (ABOVE if s.above_line else BELOW)
        self.comparison.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
        self.per_capita_value.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")

    # -- saving --------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.card.can("income.edit") and self.form.is_dirty()

    def revert(self) -> None:
        self._load_year()
        self.message.clear_message()

    def save(self) -> None:
        if self.busy or not self.card.can("income.edit"):
            return
        values, problems = self.form.collect()
        if problems:
            self.form.show_errors(problems)
            return
        year = self.selected_year()
        assert year is not None
        assert self._data is not None
        if year in self._data.incomes:
            items = self.form.changes()
            if not items:
                self.note.info(self.tr("Nothing to save."))
                return
        else:
            items = values
        self.note.clear_message()
        self.busy = True
        self.save_button.setEnabled(False)
        run_write(self, registry.set_income, self.card.db, self.card.household_id, year, items, form=self.form,
                  message=self.message, on_saved=lambda _r: self.card.after_save(), on_finally=self._idle)

    def _idle(self) -> None:
        self.busy = False
        self.save_button.setEnabled(self.card.can("income.edit"))

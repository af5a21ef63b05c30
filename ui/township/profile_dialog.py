"""The 贫困村 profile: the village's figures and facilities, the task-force roster, entrepreneur
leaders, returning talent and improvement projects; each save keeps a dated snapshot, and the
History tab shows what changed when and by whom."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.fields import field_label
from app.validation import format_money, parse_money
from ui.forms import DateField
from ui.township.common import add_villages, error_text, fill_table
from ui.workers import run_task


class EntryTable(QWidget):
    """Rows of one list field (task force, leaders…) with add/remove buttons."""

    def __init__(self, keys: tuple[str, ...], headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys = keys
        self.table = QTableWidget(0, len(keys))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        add = QPushButton(self.tr("Add"))
        remove = QPushButton(self.tr("Remove"))
        add.clicked.connect(lambda: self.table.insertRow(self.table.rowCount()))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_entries(self, entries: list[dict[str, Any]]) -> None:
        self.table.setRowCount(len(entries))
        for r, entry in enumerate(entries):
            for c, key in enumerate(self.keys):
                value = entry.get(key, "")
                if key == "amount_fen" and isinstance(value, int):  # entered and shown in yuan
                    value = format_money(value, "en").split(" ")[0].replace(",", "")
                self.table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))

    def entries(self) -> list[dict[str, Any]]:
        out = []
        for r in range(self.table.rowCount()):
            entry: dict[str, Any] = {}
            for c, key in enumerate(self.keys):
                item = self.table.item(r, c)
                text = item.text().strip() if item else ""
                if not text:
                    continue
                entry[key] = text  # what cannot be read is refused by the service, with the entry's number
                if key == "year" and text.isdigit():
                    entry[key] = int(text)
                elif key == "amount_fen":
                    try:
                        entry[key] = parse_money(text)
                    except ValueError:
                        pass
            if entry:
                out.append(entry)
        return out


class ProfileDialog(QDialog):
    saved = Signal(object)
    loaded = Signal()
    failed = Signal(object)

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        from app.services.village_profile import FLAGS, LISTS

        self.main_window = window
        self.setWindowTitle(self.tr("Village profile"))
        self.resize(860, 640)
        self.village = QComboBox()
        add_villages(self.village, window)
        from app.services.reference_date import reference_date

        self.today = reference_date(window.db)
        self.as_of = DateField()
        self.as_of.set_value(self.today)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today.year)
        self.households_total = QSpinBox()
        self.population_total = QSpinBox()
        self.water_projects = QSpinBox()
        for box in (self.households_total, self.population_total, self.water_projects):
            box.setRange(0, 10_000_000)
        self.income = QLineEdit()
        self.income.setPlaceholderText(self.tr("yuan"))
        self.road_km = QDoubleSpinBox()
        self.road_km.setRange(0, 10_000)
        self.road_km.setDecimals(1)
        self.flags = {name: QCheckBox(_label(name)) for name in FLAGS}
        self.note = QLineEdit()
        self.poor = QLabel()
        form = QFormLayout()
        for name, widget in (("as_of", self.as_of), ("year", self.year), ("households_total", self.households_total),
                             ("population_total", self.population_total), ("collective_income_fen", self.income),
                             ("road_hardened_km", self.road_km), ("water_projects", self.water_projects),
                             ("note", self.note)):
            form.addRow(self.tr("{label}:").format(label=_label(name)), widget)
        flags = QHBoxLayout()
        for box in self.flags.values():
            flags.addWidget(box)
        flags.addStretch(1)
        form.addRow(flags)
        form.addRow(self.poor)
        figures = QWidget()
        figures.setLayout(form)
        self.tabs = QTabWidget()
        self.tabs.addTab(figures, self.tr("Figures"))
        self.lists: dict[str, EntryTable] = {}
        headers = {"name": self.tr("Full name"), "role": self.tr("Post"), "unit": self.tr("Unit"), "phone": self.tr("Phone"),
                   "start": self.tr("Start"), "end": self.tr("Until"), "industry": self.tr("Industry"),
                   "note": self.tr("Remarks"), "field": self.tr("Line of work"), "year": self.tr("Year"),
                   "amount_fen": self.tr("Amount (yuan)"), "status": self.tr("Status")}
        for name, keys in LISTS.items():
            table = EntryTable(keys, [headers[k] for k in keys])
            self.lists[name] = table
            self.tabs.addTab(table, _label(name))
        self.history = QTableWidget()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        self.tabs.addTab(self.history, self.tr("History"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save a new snapshot"))
        self.save_button.setEnabled(window.permitted("village_profile.edit"))
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Village:")))
        top.addWidget(self.village, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.village.currentIndexChanged.connect(lambda _i: self.load())
        self.load()

    def load(self) -> None:
        data = self.village.currentData()
        if data is None or self.main_window.db is None:
            return
        village_id, _code = data
        db = self.main_window.db

        def work() -> Any:
            from app.services.village_profile import history

            return history(db, village_id)

        run_task(work, on_done=self._show, on_error=self._failed, owner=self)

    def _show(self, snapshots: list[Any]) -> None:
        from app.services.village_profile import changes

        latest = snapshots[-1] if snapshots else None
        self.year.setValue(latest.year if latest else self.today.year)
        self.households_total.setValue(latest.households_total if latest else 0)
        self.population_total.setValue(latest.population_total if latest else 0)
        self.water_projects.setValue(latest.water_projects if latest else 0)
        self.income.setText(format_money(latest.collective_income_fen, "en").split(" ")[0].replace(",", "")
                            if latest else "")
        self.road_km.setValue(latest.road_hardened_km if latest else 0.0)
        self.note.setText(latest.note if latest else "")
        for name, box in self.flags.items():
            box.setChecked(bool(getattr(latest, name)) if latest else False)
        for name, table in self.lists.items():
            table.set_entries(getattr(latest, name) if latest else [])
        self.poor.setText(self.tr("Poor households / people when last saved: {h} / {p}").format(
            h=latest.poor_households, p=latest.poor_population) if latest else self.tr("No profile yet."))
        rows = [[c.as_of.isoformat(), c.author, _label(c.field), self._value(c.field, c.old),
                 self._value(c.field, c.new)]
                for c in changes(snapshots)]
        fill_table(self.history, [self.tr("Date"), self.tr("By"), self.tr("Field"), self.tr("Before"),
                                  self.tr("After")], rows)
        # Before and After share the width (a long roster would push After off screen); the whole
        # value is in the tooltip.
        header = self.history.horizontalHeader()
        for column in (3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            for row in range(self.history.rowCount()):
                item = self.history.item(row, column)
                if item is not None:
                    item.setToolTip(item.text())
        self.loaded.emit()

    def _value(self, name: str, value: Any) -> str:
        """A history value as a person reads it: yes/no, yuan, names of a list."""
        from app.i18n import current_language

        if value is None:
            return ""
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if name.endswith("_fen") and isinstance(value, int):
            return format_money(value)
        if isinstance(value, list):
            separator = ", " if current_language() == "en" else "、"
            return separator.join(str(v.get("name", "")) for v in value if isinstance(v, dict))
        return str(value)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))
        self.failed.emit(exc)

    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "year": self.year.value(), "households_total": self.households_total.value(),
            "population_total": self.population_total.value(), "water_projects": self.water_projects.value(),
            "road_hardened_km": float(self.road_km.value()), "note": self.note.text().strip(),
        }
        text = self.income.text().strip()
        try:
            data["collective_income_fen"] = parse_money(text) if text else 0
        except ValueError:
            data["collective_income_fen"] = Decimal(0)  # refused by the service with a clear message
        for name, box in self.flags.items():
            data[name] = box.isChecked()
        for name, table in self.lists.items():
            data[name] = table.entries()
        return data

    def save(self) -> None:
        data = self.village.currentData()
        if data is None:
            return
        village_id, _code = data
        db, data, as_of = self.main_window.db, self.values(), self.as_of.value()

        def work() -> Any:
            from app.services.village_profile import save_profile

            return save_profile(db, village_id, data, as_of=as_of)

        def done(snapshot: Any) -> None:
            self.message.setText(self.tr("Saved.") if snapshot is not None else self.tr("Nothing changed."))
            self.saved.emit(snapshot)
            self.load()

        run_task(work, on_done=done, on_error=self._failed, owner=self)


def _label(name: str) -> str:
    """The field's label, capitalised in English (the core's labels are lower-case for use in sentences)."""
    label = field_label("village_profile", name)
    return label[:1].upper() + label[1:]

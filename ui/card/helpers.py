"""帮扶责任人: the helper history (a change of person starts a new row) and the change dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import registry
from app.services.reference_date import reference_date
from ui import formatting as fmt
from ui.card.base import CardTab, run_write
from ui.card.data import CardData
from ui.forms import FieldSpec, FormPanel, field_title
from ui.models.rows import Column, RowsModel
from ui.widgets import MessageLine

SPECS = (
    FieldSpec("name", required=True, max_len=30),
    FieldSpec("unit", max_len=60),
    FieldSpec("unit_level", "code", "helper_unit_level"),
    FieldSpec("post", max_len=30),
    FieldSpec("phone", max_len=20),
    FieldSpec("start_date", "date"),
    FieldSpec("visit_every_days", "int"),
)


class HelperDialog(QDialog):
    def __init__(self, card: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or card)
        self.card = card
        self.busy = False
        self.setObjectName("helperDialog")
        layout = QVBoxLayout(self)
        self.form = FormPanel("helper_assignment", SPECS, columns=1)
        # the scenario's day in a demo or training database (the visit plan counts from it)
        self.form.set_values({"start_date": reference_date(card.db), "visit_every_days": 30, "unit_level": ""})
        layout.addWidget(self.form)
        self.message = MessageLine()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New helper"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def submit(self) -> None:
        if self.busy:
            return
        values, problems = self.form.collect()
        if problems:
            self.form.show_errors(problems)
            return
        if values.get("visit_every_days") is None:
            values["visit_every_days"] = 30
        self.busy = True
        run_write(self, registry.assign_helper, self.card.db, self.card.household_id, form=self.form,
                  message=self.message, on_saved=lambda _r: self.accept(),
                  on_finally=lambda: setattr(self, "busy", False), **values)


class HelpersTab(CardTab):
    def __init__(self, card) -> None:  # type: ignore[no-untyped-def]
        super().__init__(card)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_button = QPushButton()
        self.new_button.setObjectName("newHelper")
        self.new_button.clicked.connect(self.new_helper)
        bar.addWidget(self.new_button)
        bar.addStretch(1)
        layout.addLayout(bar)

        def f(name: str) -> Any:
            return lambda: field_title("helper_assignment", name)

        self.model = RowsModel([
            Column(f("name"), lambda h: h.name),
            Column(f("unit"), lambda h: h.unit),
            Column(f("unit_level"), lambda h: fmt.label("helper_unit_level", h.unit_level)),
            Column(f("post"), lambda h: h.post),
            Column(f("phone"), lambda h: h.phone),
            Column(f("start_date"), lambda h: fmt.day(h.start_date)),
            Column(f("end_date"), lambda h: fmt.day(h.end_date) if h.end_date else self.tr("current")),
            Column(f("visit_every_days"), lambda h: h.visit_every_days, align_right=True),
        ])
        self.model.dim = lambda h: h.end_date is not None
        self.table = QTableView()
        self.table.setObjectName("helpersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("&Change helper…"))
        self.model.retranslate()

    def show_data(self, data: CardData) -> None:
        self.model.set_rows(data.helpers)
        self.new_button.setEnabled(self.card.can("helper.assign"))

    def new_helper(self) -> HelperDialog | None:
        if not self.card.can("helper.assign"):
            return None
        dialog = HelperDialog(self.card)
        dialog.accepted.connect(self.card.after_save)
        dialog.open()
        return dialog

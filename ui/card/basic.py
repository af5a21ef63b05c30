"""基本信息: the household's own fields. Status fields are shown read-only: they change only
through approved lifecycle requests (app.services.lifecycle)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.services import registry
from ui.card.base import CardTab, run_write
from ui.card.data import CardData
from ui.forms import FieldSpec, FormPanel
from ui.widgets import MessageLine

SPECS = (
    FieldSpec("hh_number", max_len=30),
    FieldSpec("group_no", "int"),
    FieldSpec("address", max_len=200, wide=True),
    FieldSpec("phone", max_len=20),
    FieldSpec("bank_name", max_len=40),
    FieldSpec("bank_account", max_len=40),
    FieldSpec("id_standard", "code", "id_standard", required=True),
    FieldSpec("household_attr", "code", "household_attr", required=True),
    FieldSpec("main_cause", "code", "poverty_cause"),
    FieldSpec("other_causes", "codes", "poverty_cause", max_items=2),
    FieldSpec("identified_year", "int"),
    FieldSpec("planned_exit_year", "int"),
    FieldSpec("military_family", "bool"),
    FieldSpec("only_child", "bool"),
    FieldSpec("two_daughters", "bool"),
    FieldSpec("relocated", "bool"),
    FieldSpec("exit_status", "code", "exit_status", readonly=True, required=True),
    FieldSpec("exit_year", "int", readonly=True),
    FieldSpec("return_year", "int", readonly=True),
    FieldSpec("size", "int", readonly=True),
    FieldSpec("head_name", readonly=True),
)


class BasicTab(CardTab):
    def __init__(self, card) -> None:  # type: ignore[no-untyped-def]
        super().__init__(card)
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.form = FormPanel("household", SPECS, columns=2)
        self.form.setObjectName("basicForm")
        layout.addWidget(self.form)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        self.message = MessageLine()
        outer.addWidget(self.message)
        buttons = QHBoxLayout()
        self.note = MessageLine()
        buttons.addWidget(self.note)
        buttons.addStretch(1)
        self.revert_button = QPushButton()
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveBasic")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self._data: CardData | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.save_button.setText(self.tr("&Save"))
        self.revert_button.setText(self.tr("&Revert"))
        self.save_button.setToolTip(self.tr("Save the changes on this page (Ctrl+S)"))
        self.form.retranslate()

    def show_data(self, data: CardData) -> None:
        self._data = data
        hh = data.household
        self.form.set_values({name: getattr(hh, name) for name in self.form.specs})
        editable = self.card.can("household.edit")
        self.form.set_read_only(not editable)
        self.save_button.setEnabled(editable)
        self.revert_button.setEnabled(editable)

    def revert(self) -> None:
        if self._data is not None:
            self.show_data(self._data)
        self.message.clear_message()

    def is_dirty(self) -> bool:
        return self.card.can("household.edit") and self.form.is_dirty()

    def save(self) -> None:
        if self.busy or not self.card.can("household.edit"):
            return
        values, problems = self.form.collect()
        if problems:
            self.form.show_errors(problems)
            return
        changes = self.form.changes()
        if not changes:
            self.note.info(self.tr("Nothing to save."))
            return
        self.note.clear_message()
        self.busy = True
        self.save_button.setEnabled(False)
        run_write(self, registry.update_household, self.card.db, self.card.household_id, changes,
                  form=self.form, message=self.message, on_saved=lambda _r: self.card.after_save(),
                  on_finally=self._idle)

    def _idle(self) -> None:
        self.busy = False
        self.save_button.setEnabled(self.card.can("household.edit"))

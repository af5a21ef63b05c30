"""生产生活条件: land, housing (危房 rating), water, power, road, fuel, toilet, co-operatives."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.domain import Conditions
from app.services import registry
from ui.card.base import CardTab, run_write
from ui.card.data import CardData
from ui.forms import FieldSpec, FormPanel
from ui.widgets import MessageLine

_CODES = {"house_structure": "house_structure", "house_danger_level": "house_danger_level",
          "road_type": "road_type", "fuel_type": "fuel_type"}


def _spec(name: str) -> FieldSpec:
    if name in _CODES:
        return FieldSpec(name, "code", _CODES[name])
    if name == "house_built_year":
        return FieldSpec(name, "int")
    if name.endswith(("_mu", "_m2", "_km")):
        return FieldSpec(name, "float")
    return FieldSpec(name, "bool")


ORDER = ("farmland_mu", "irrigated_mu", "forest_mu", "returned_forest_mu", "orchard_mu", "pasture_mu",
         "water_surface_mu", "house_area_m2", "house_structure", "house_built_year", "house_danger_level",
         "house_dangerous", "distance_to_road_km", "road_type", "fuel_type", "water_difficulty", "water_safe",
         "power_living", "power_production", "radio_tv", "sanitary_toilet", "in_cooperative", "led_by_enterprise")
SPECS = tuple(_spec(n) for n in ORDER)
DEFAULTS = {name: Conditions.model_fields[name].default for name in ORDER}


class ConditionsTab(CardTab):
    def __init__(self, card) -> None:  # type: ignore[no-untyped-def]
        super().__init__(card)
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.form = FormPanel("conditions", SPECS, columns=2)
        self.form.setObjectName("conditionsForm")
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
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveConditions")
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.revert_button.clicked.connect(self.revert)
        self.save_button.clicked.connect(self.save)
        self._data: CardData | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.save_button.setText(self.tr("&Save"))
        self.revert_button.setText(self.tr("&Revert"))
        self.form.retranslate()

    def show_data(self, data: CardData) -> None:
        self._data = data
        cond = data.conditions
        self.form.set_values({n: getattr(cond, n) if cond else DEFAULTS[n] for n in ORDER})
        editable = self.card.can("conditions.edit")
        self.form.set_read_only(not editable)
        self.save_button.setEnabled(editable)
        self.revert_button.setEnabled(editable)

    def revert(self) -> None:
        if self._data is not None:
            self.show_data(self._data)
        self.message.clear_message()

    def is_dirty(self) -> bool:
        return self.card.can("conditions.edit") and self.form.is_dirty()

    def save(self) -> None:
        if self.busy or not self.card.can("conditions.edit"):
            return
        _values, problems = self.form.collect()
        if problems:
            self.form.show_errors(problems)
            return
        changes = self.form.changes()
        if not changes:
            self.note.info(self.tr("Nothing to save."))
            return
        self.note.clear_message()
        self.busy = True
        run_write(self, registry.update_conditions, self.card.db, self.card.household_id, changes, form=self.form,
                  message=self.message, on_saved=lambda _r: self.card.after_save(),
                  on_finally=lambda: setattr(self, "busy", False))

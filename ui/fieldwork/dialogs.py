"""Field-work windows opened from the menu: visits due, unfinished visits, the request worklist,
households at risk, and the village points scheme."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)
from sqlmodel import select

from app.codes import code_list
from app.domain import Village
from app.i18n import current_language, t
from app.services import drafts, participation, risk, visit_plan
from app.services import lifecycle as lc
from ui import formatting as fmt
from ui.fieldwork.common import FormDialog, error_text, field_day, light, make_table, selected_row
from ui.forms import FieldSpec
from ui.models.rows import Column, RowsModel
from ui.widgets import MessageLine
from ui.workers import run_task


def _join(items: list[str]) -> str:
    return ("、" if current_language().startswith("zh") else ", ").join(items)


STATE_COLOURS = {"overdue": "red", "due": "amber", "soon": "amber", "ok": "green"}


class _Window(QDialog):
    """A non-modal list window that loads in a worker."""

    refreshed = Signal()

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.message = MessageLine()
        self.resize(980, 560)

    @property
    def db(self) -> Any:
        return self.window_.db

    def load(self, db: Any) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def show_data(self, data: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def refresh(self) -> None:
        if self.db is None:
            return
        self._generation = getattr(self, "_generation", 0) + 1
        generation = self._generation
        run_task(self.load, self.db, on_done=lambda data: self._arrived(generation, data),
                 on_error=lambda e: self.message.error(error_text(e)), owner=self)

    def _arrived(self, generation: int, data: Any) -> None:
        if generation == self._generation:  # a newer refresh is on its way: skip this one
            self._loaded(data)

    def _loaded(self, data: Any) -> None:
        self.show_data(data)
        self.refreshed.emit()

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class VisitsDueDialog(_Window):
    """Each helper's households with their visit frequency: overdue, due and soon first."""

    def __init__(self, window: Any, start_visit: Any) -> None:
        super().__init__(window)
        self.setObjectName("visitsDueDialog")
        self.start_visit = start_visit
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.helper = QComboBox()
        self.helper.setObjectName("dueHelper")
        self.helper.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.helper.setMinimumContentsLength(10)
        self.helper.currentIndexChanged.connect(lambda _i: self.refresh())
        self.all = QCheckBox()
        self.all.setObjectName("dueShowAll")
        self.all.toggled.connect(lambda _c: self.refresh())
        self.helper_label = QLabel()
        top.addWidget(self.helper_label)
        top.addWidget(self.helper)
        top.addWidget(self.all)
        top.addStretch(1)
        layout.addLayout(top)
        self.model = RowsModel([
            Column(lambda: self.tr("State"), self._state, icon=lambda r: light(STATE_COLOURS[r.state])),
            Column(lambda: self.tr("Due"), lambda r: fmt.day(r.due_on)),
            Column(lambda: self.tr("Head of household"), lambda r: r.head_name),
            Column(lambda: self.tr("Household no."), lambda r: r.hh_number),
            Column(lambda: self.tr("Group"), lambda r: r.group_no),
            Column(lambda: self.tr("Helper"), lambda r: r.helper_name),
            Column(lambda: self.tr("Every (days)"), lambda r: r.every_days, align_right=True),
            Column(lambda: self.tr("Last visit"), lambda r: fmt.day(r.last_visit) or self.tr("never")),
        ])
        self.table = make_table(self.model, "visitsDueTable")
        self.table.doubleClicked.connect(lambda _i: self.visit())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.b_visit = QPushButton()
        self.b_visit.setObjectName("dueStartVisit")
        self.b_visit.clicked.connect(self.visit)
        self.b_open = QPushButton()
        self.b_open.clicked.connect(self.open_card)
        self.b_freq = QPushButton()
        self.b_freq.clicked.connect(self.frequency)
        for b in (self.b_visit, self.b_open, self.b_freq):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self._helpers_loaded = False
        self.retranslate()
        self.refresh()

    def _state(self, r: Any) -> str:
        if r.state == "overdue":
            return self.tr("{n} days overdue").format(n=r.days_late)
        return {"due": self.tr("due today"), "soon": self.tr("due soon"), "ok": self.tr("planned")}[r.state]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Visits due"))
        self.helper_label.setText(self.tr("Helper"))
        self.all.setText(self.tr("Show every planned household"))
        self.b_visit.setText(self.tr("Start the visit…"))
        self.b_open.setText(self.tr("Open the household card"))
        self.b_freq.setText(self.tr("Change the visit frequency…"))
        if self.helper.count():
            self.helper.setItemText(0, self.tr("All helpers"))
        self.model.retranslate()

    def load(self, db: Any) -> Any:
        helper = self.helper.currentData() or None
        rows = (visit_plan.visit_plan(db, helper_name=helper) if self.all.isChecked()
                else visit_plan.due_visits(db, helper_name=helper))
        return rows, (None if self._helpers_loaded else visit_plan.helpers(db))

    def show_data(self, data: Any) -> None:
        rows, helpers = data
        if helpers is not None:
            self._helpers_loaded = True
            self.helper.blockSignals(True)
            self.helper.addItem(self.tr("All helpers"), "")
            for name in helpers:
                self.helper.addItem(name, name)
            self.helper.blockSignals(False)
        self.model.set_rows(rows)
        if not rows:
            self.message.info(self.tr("No visit is due."))
        else:
            self.message.clear_message()

    def visit(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            self.start_visit(row.household_id)

    def open_card(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            self.window_.open_household(row.household_id)

    def frequency(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        days, ok = QInputDialog.getInt(self, self.tr("Visit frequency"), self.tr("Visit every how many days?"),
                                       row.every_days, 1, 366)
        if ok:
            run_task(visit_plan.set_frequency, self.db, row.helper_id, days, on_done=lambda _r: self.refresh(),
                     on_error=lambda e: self.message.error(error_text(e)), owner=self)


class DraftsDialog(_Window):
    """Unfinished visits of the signed-in user: resume or discard."""

    def __init__(self, window: Any, resume: Any) -> None:
        super().__init__(window)
        self.setObjectName("draftsDialog")
        self.resume = resume
        self.resize(640, 360)
        layout = QVBoxLayout(self)
        self.model = RowsModel([
            Column(lambda: self.tr("Household"), lambda d: d.head_name or self.tr("(not chosen yet)")),
            Column(lambda: self.tr("Started"), lambda d: fmt.day(d.created_at)),
            Column(lambda: self.tr("Last saved"), lambda d: fmt.day(d.updated_at) + d.updated_at.astimezone()
                   .strftime(" %H:%M")),
            Column(lambda: self.tr("Step"), lambda d: d.step + 1, align_right=True),
        ])
        self.table = make_table(self.model, "draftsTable")
        self.table.doubleClicked.connect(lambda _i: self.go())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.b_resume, self.b_discard = QPushButton(), QPushButton()
        self.b_resume.clicked.connect(self.go)
        self.b_discard.clicked.connect(self.discard)
        row.addWidget(self.b_resume)
        row.addWidget(self.b_discard)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Unfinished visits"))
        self.b_resume.setText(self.tr("Resume"))
        self.b_discard.setText(self.tr("Discard"))
        self.model.retranslate()

    def load(self, db: Any) -> Any:
        return drafts.list_drafts(db)

    def show_data(self, data: Any) -> None:
        self.model.set_rows(data)
        if data:
            self.table.selectRow(0)

    def go(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            self.accept()
            self.resume(row.id)

    def discard(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            run_task(drafts.discard_draft, self.db, row.id, on_done=lambda _r: self.refresh(),
                     on_error=lambda e: self.message.error(error_text(e)), owner=self)


class RequestsDialog(_Window):
    """The worklist of lifecycle requests (the township sees what was submitted, the county what
    the township passed on); opening a row brings up the household's Requests tab."""

    def __init__(self, window: Any, open_requests: Any) -> None:
        super().__init__(window)
        self.setObjectName("requestsDialog")
        self.open_requests = open_requests
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.status = QComboBox()
        self.status.setObjectName("requestsStatus")
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status_label = QLabel()
        top.addWidget(self.status_label)
        top.addWidget(self.status)
        top.addStretch(1)
        layout.addLayout(top)
        self.model = RowsModel([
            Column(lambda: self.tr("Request"), lambda r: fmt.label("lifecycle_event", r.request.kind)),
            Column(lambda: self.tr("Year"), lambda r: r.request.year),
            Column(lambda: self.tr("Status"), lambda r: fmt.label("lifecycle_request_status", r.request.status)),
            Column(lambda: self.tr("Head of household"), lambda r: r.head_name),
            Column(lambda: self.tr("Group"), lambda r: r.group_no),
            Column(lambda: self.tr("Override"), lambda r: "⚠" if r.request.override_reason else "",
                   foreground=lambda r: QColor("#c62828") if r.request.override_reason else None),
            Column(lambda: self.tr("Filed by"), lambda r: r.request.author),
        ])
        self.table = make_table(self.model, "requestsWorklist")
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        layout.addWidget(self.table, 1)
        self.b_open = QPushButton()
        self.b_open.clicked.connect(self.open_selected)
        layout.addWidget(self.b_open)
        layout.addWidget(self.message)
        self.retranslate()
        self._default_status()
        self.refresh()

    def _default_status(self) -> None:
        role = self.db.actor.role if self.db is not None else "village"
        wanted = {"township": lc.SUBMITTED, "county": lc.REVIEWED}.get(role, "")
        index = self.status.findData(wanted)
        self.status.blockSignals(True)
        self.status.setCurrentIndex(max(index, 0))
        self.status.blockSignals(False)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Lifecycle requests"))
        self.status_label.setText(self.tr("Status"))
        current = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(self.tr("All open requests"), "")
        for item in code_list("lifecycle_request_status").items():
            self.status.addItem(item.label(current_language()), item.code)
        self.status.setCurrentIndex(max(self.status.findData(current), 0))
        self.status.blockSignals(False)
        self.b_open.setText(self.tr("Open the household's requests"))
        self.model.retranslate()

    def load(self, db: Any) -> Any:
        status = self.status.currentData() or None
        return lc.requests(db, status=status, include_closed=bool(status))

    def show_data(self, data: Any) -> None:
        self.model.set_rows(data)

    def open_selected(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            self.open_requests(row.household_id)


class AtRiskDialog(_Window):
    """Households at risk of returning to poverty, with the reasons."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("atRiskDialog")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setObjectName("riskYear")
        self.year.setRange(2014, date.today().year)
        self.year.setValue(field_day(window.db).year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.all = QCheckBox()
        self.all.setObjectName("riskAll")
        self.all.toggled.connect(lambda _c: self.refresh())
        self.year_label = QLabel()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addWidget(self.all)
        top.addStretch(1)
        layout.addLayout(top)
        self.model = RowsModel([
            Column(lambda: self.tr("Risk"), lambda r: t(f"risk.level.{r.level}"),
                   icon=lambda r: light("red" if r.level == "high" else "amber")),
            Column(lambda: self.tr("Head of household"), lambda r: r.head_name),
            Column(lambda: self.tr("Group"), lambda r: r.group_no),
            Column(lambda: self.tr("Status"), lambda r: fmt.label("exit_status", r.exit_status)),
            Column(lambda: self.tr("Flags"), lambda r: _join([f.label for f in r.flags]),
                   tooltip=lambda r: "\n".join(f"{f.label}: {f.reason}" for f in r.flags)),
            Column(lambda: self.tr("Why"), lambda r: ("；" if current_language().startswith("zh") else "; ").join(
                f.reason for f in r.flags)),
        ])
        self.table = make_table(self.model, "atRiskTable")
        self.table.doubleClicked.connect(lambda _i: self.open_card())
        layout.addWidget(self.table, 1)
        self.b_open = QPushButton()
        self.b_open.clicked.connect(self.open_card)
        layout.addWidget(self.b_open)
        layout.addWidget(self.message)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Households at risk of returning to poverty"))
        self.year_label.setText(self.tr("Year"))
        self.all.setText(self.tr("Include households not yet out of poverty"))
        self.b_open.setText(self.tr("Open the household card"))
        self.model.retranslate()

    def load(self, db: Any) -> Any:
        return risk.at_risk(db, self.year.value(), exited_only=not self.all.isChecked())

    def show_data(self, data: Any) -> None:
        self.model.set_rows(data)
        if not data:
            self.message.info(self.tr("No household at risk."))
        else:
            self.message.clear_message()

    def open_card(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            self.window_.open_household(row.household_id)


class PointsSchemeDialog(_Window):
    """A village's points scheme (积分制): switched on, its threshold, its rules and the ranking."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("pointsSchemeDialog")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.village = QComboBox()
        self.village.setObjectName("pointsVillage")
        self.village.currentIndexChanged.connect(lambda _i: self.refresh())
        self.enabled = QCheckBox()
        self.enabled.setObjectName("pointsEnabled")
        self.name = QLineEdit()
        self.name.setObjectName("pointsName")
        self.threshold = QSpinBox()
        self.threshold.setObjectName("pointsThreshold")
        self.threshold.setRange(0, 100000)
        self.l_village, self.l_name, self.l_threshold = QLabel(), QLabel(), QLabel()
        form.addRow(self.l_village, self.village)
        form.addRow("", self.enabled)
        form.addRow(self.l_name, self.name)
        form.addRow(self.l_threshold, self.threshold)
        layout.addLayout(form)
        self.b_save = QPushButton()
        self.b_save.setObjectName("pointsSave")
        self.b_save.clicked.connect(self.save)
        layout.addWidget(self.b_save)
        self.rules_model = RowsModel([
            Column(lambda: self.tr("Code"), lambda r: r.code),
            Column(lambda: self.tr("Rule"), lambda r: r.label),
            Column(lambda: self.tr("Points"), lambda r: f"{r.points:+d}", align_right=True),
            Column(lambda: self.tr("Kind"), lambda r: fmt.label("participation_kind", r.kind)),
            Column(lambda: self.tr("Active"), lambda r: "✓" if r.active else ""),
        ])
        self.rules_table = make_table(self.rules_model, "pointsRules")
        layout.addWidget(self.rules_table, 1)
        row = QHBoxLayout()
        self.b_add, self.b_toggle = QPushButton(), QPushButton()
        self.b_add.setObjectName("pointsAddRule")
        self.b_add.clicked.connect(self.add_rule)
        self.b_toggle.clicked.connect(self.toggle_rule)
        row.addWidget(self.b_add)
        row.addWidget(self.b_toggle)
        row.addStretch(1)
        layout.addLayout(row)
        self.rank_label = QLabel()
        layout.addWidget(self.rank_label)
        self.rank_model = RowsModel([
            Column(lambda: self.tr("Head of household"), lambda r: r.head_name),
            Column(lambda: self.tr("Group"), lambda r: r.group_no),
            Column(lambda: self.tr("Earned this year"), lambda r: r.earned, align_right=True),
            Column(lambda: self.tr("Balance"), lambda r: r.balance, align_right=True),
        ])
        self.rank_table = make_table(self.rank_model, "pointsRanking")
        layout.addWidget(self.rank_table, 1)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._villages_loaded = False
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Points scheme (积分制)"))
        self.l_village.setText(self.tr("Village"))
        self.enabled.setText(self.tr("The village runs a points scheme"))
        self.l_name.setText(self.tr("Name"))
        self.l_threshold.setText(self.tr("Points a year that show a changed attitude"))
        self.b_save.setText(self.tr("Save the scheme"))
        self.b_add.setText(self.tr("Add a rule…"))
        self.b_toggle.setText(self.tr("Switch the rule on/off"))
        self.rank_label.setText(self.tr("Ranking this year"))
        self.rules_model.retranslate()
        self.rank_model.retranslate()

    def village_id(self) -> str:
        value = self.village.currentData()
        return value if isinstance(value, str) else ""

    def load(self, db: Any) -> Any:
        villages = None
        if not self._villages_loaded:
            with db.read() as s:
                villages = [(v.id, v.name) for v in s.exec(select(Village).where(Village.deleted == False)  # noqa: E712
                                                           .order_by(Village.name))]
        vid = self.village_id() or (villages[0][0] if villages else "")
        if not vid:
            return villages, None, [], []
        with db.read() as s:
            scheme = participation.scheme_for(s, vid)
        return (villages, scheme, participation.rules(db, vid, active_only=False),
                participation.ranking(db, vid, field_day(db).year) if scheme else [])

    def show_data(self, data: Any) -> None:
        villages, scheme, rules, ranking = data
        if villages is not None:
            self._villages_loaded = True
            self.village.blockSignals(True)
            for vid, name in villages:
                self.village.addItem(name, vid)
            self.village.blockSignals(False)
        self.enabled.setChecked(bool(scheme and scheme.enabled))
        self.name.setText(scheme.name if scheme else "")
        self.threshold.setValue(scheme.exit_threshold if scheme else 0)
        self.rules_model.set_rows(rules)
        self.rank_model.set_rows([r for r in ranking if r.earned or r.balance])
        may = bool(self.window_.permitted("points.configure"))
        self.b_save.setEnabled(may)
        self.b_add.setEnabled(may and scheme is not None)
        self.b_toggle.setEnabled(may and bool(rules))

    def save(self) -> None:
        vid = self.village_id()
        if not vid:
            return
        run_task(participation.set_scheme, self.db, vid, self.enabled.isChecked(), self.name.text(),
                 self.threshold.value(), on_done=lambda _r: self.refresh(),
                 on_error=lambda e: self.message.error(error_text(e)), owner=self)

    def add_rule(self) -> QDialog:
        db, vid = self.db, self.village_id()

        def submit(values: dict[str, Any]) -> Any:
            return participation.add_rule(db, vid, values["code"], values["label"], values["points"] or 0,
                                          kind=values["kind"])

        dialog = FormDialog(self, lambda: self.tr("New points rule"), "points_rule", [
            FieldSpec("code", required=True, max_len=10), FieldSpec("label", required=True, max_len=60),
            FieldSpec("points", "int", required=True), FieldSpec("kind", "code", "participation_kind")], submit)
        dialog.submitted.connect(lambda _r: self.refresh())
        dialog.open()
        self.rule_dialog = dialog
        return dialog

    def toggle_rule(self) -> None:
        rule = selected_row(self.rules_table)
        if rule is not None:
            run_task(participation.update_rule, self.db, rule.id, {"active": not rule.active},
                     on_done=lambda _r: self.refresh(), on_error=lambda e: self.message.error(error_text(e)), owner=self)


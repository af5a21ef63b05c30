"""Household card tabs of the field work: exit checklist, assistance log, participation and
points, lifecycle requests. Each reads in a worker on ``refresh()`` and writes through the services."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlmodel import select

from app.codes import code_list
from app.domain import Household, LifecycleRequest, Member
from app.errors import BangfuError
from app.i18n import current_language, t
from app.services import assistance, exit_assessment, participation
from app.services import lifecycle as lc
from ui import formatting as fmt
from ui.fieldwork.common import FormDialog, error_text, field_day, light, make_table, selected_row
from ui.forms import FieldSpec
from ui.models.rows import Column, RowsModel
from ui.widgets import MessageLine
from ui.workers import run_task


class _Tab(QWidget):
    """Base of the card tabs: the window, the household, a worker-backed refresh."""

    #: data arrived and is shown (tests wait on it)
    refreshed = Signal()
    #: something was written through a service
    changed = Signal()

    def __init__(self, window: Any, household_id: str) -> None:
        super().__init__()
        self.window_ = window
        self.household_id = household_id
        self.dialogs: list[QDialog] = []
        self.message = MessageLine()

    @property
    def db(self) -> Any:
        return self.window_.db

    def load(self, db: Any) -> Any:  # pragma: no cover - overridden (runs in a worker)
        raise NotImplementedError

    def show_data(self, data: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def refresh(self) -> None:
        db = self.db
        if db is None:
            return
        self._generation = getattr(self, "_generation", 0) + 1
        generation = self._generation
        run_task(self.load, db, on_done=lambda data: self._arrived(generation, data),
                 on_error=lambda e: self.message.error(error_text(e)), owner=self)

    def _arrived(self, generation: int, data: Any) -> None:
        if generation == self._generation:  # a newer refresh is on its way: skip this one
            self._loaded(data)

    def _loaded(self, data: Any) -> None:
        self.show_data(data)
        self.refreshed.emit()

    def card(self) -> Any:
        """The household card this tab sits on (None when shown elsewhere)."""
        w = self.parentWidget()
        while w is not None and not (hasattr(w, "after_save") and getattr(w, "household_id", None) == self.household_id):
            w = w.parentWidget()
        return w

    def wrote(self, _result: Any = None) -> None:
        """A service wrote: reload the card (header, every tab) and tell the rest of the window."""
        self.changed.emit()
        card = self.card()
        if card is not None:
            card.after_save()  # reloads the card, refreshes its tabs (this one too), notifies the window
        else:
            self.window_.notify_household_changed(self.household_id)
            self.refresh()

    def open_dialog(self, dialog: QDialog) -> QDialog:
        self.dialogs = [d for d in self.dialogs if isValid(d) and d.isVisible()] + [dialog]
        dialog.open()
        return dialog

    def can(self, action: str) -> bool:
        return bool(self.window_.permitted(action))

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# ================================================================================================
# exit assessment checklist
# ================================================================================================
class ExitTab(_Tab):
    """脱贫评估 as a checklist with traffic lights and the reasons."""

    def __init__(self, window: Any, household_id: str) -> None:
        super().__init__(window, household_id)
        self.assessment: exit_assessment.ExitAssessment | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.year_label = QLabel()
        self.year = QSpinBox()
        self.year.setObjectName("exitYear")
        self.year.setRange(2014, date.today().year)
        self.year.setValue(field_day(window.db).year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        layout.addLayout(top)
        self.verdict = QLabel()
        self.verdict.setObjectName("exitVerdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.model = RowsModel([
            Column(lambda: self.tr("Result"), lambda c: t(f"exit.result.{c.result}"), icon=lambda c: light(c.light)),
            Column(lambda: self.tr("Group"), lambda c: t(f"exit.group.{c.group}")),
            Column(lambda: self.tr("Criterion"), lambda c: c.label),
            Column(lambda: self.tr("Reason"), lambda c: c.reason, tooltip=lambda c: c.reason),
        ])
        self.model.dim = lambda c: not c.blocking and c.result == "pass"
        self.table = make_table(self.model, "exitChecklist")
        layout.addWidget(self.table, 1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        self._year_set = False
        self.retranslate()

    def retranslate(self) -> None:
        self.year_label.setText(self.tr("Assess the exit for the year"))
        self.note.setText(self.tr("Red and amber lines in the upper part block an exit; the five marks of a real "
                                  "exit at the bottom are advisory."))
        self.model.retranslate()
        if self.assessment is not None:
            self.show_data(self.assessment)

    def load(self, db: Any) -> Any:
        if not self._year_set:
            with db.read() as s:
                hh = s.get(Household, self.household_id)
                if hh is not None and hh.planned_exit_year and 2014 <= hh.planned_exit_year <= date.today().year:
                    self._year_set = True
                    return ("year", hh.planned_exit_year)
            self._year_set = True
        return exit_assessment.assess_exit(db, self.household_id, self.year.value())

    def _loaded(self, data: Any) -> None:
        if isinstance(data, tuple):  # first load: assess the household's planned exit year
            self.year.blockSignals(True)
            self.year.setValue(data[1])
            self.year.blockSignals(False)
            self.refresh()
            return
        super()._loaded(data)

    def show_data(self, data: Any) -> None:
        self.assessment = data
        self.model.set_rows(list(data.criteria))
        if data.passed:
            self.verdict.setText(self.tr("Meets the exit criteria for {year}.").format(year=data.year))
            self.verdict.setStyleSheet("color: #1b5e20; font-weight: bold;")
        else:
            self.verdict.setText(self.tr("Does not yet meet the exit criteria for {year}: {n} point(s) open.").format(
                year=data.year, n=len(data.failures)))
            self.verdict.setStyleSheet("color: #c62828; font-weight: bold;")
        if data.warnings:
            self.verdict.setText(self.verdict.text() + " " + self.tr("{n} mark(s) of a real exit not shown.").format(
                n=len(data.warnings)))


# ================================================================================================
# assistance log
# ================================================================================================
class AssistanceTab(_Tab):
    """帮扶措施 with their current status, and the household's whole history."""

    def __init__(self, window: Any, household_id: str) -> None:
        super().__init__(window, household_id)
        layout = QVBoxLayout(self)
        self.model = RowsModel([
            Column(lambda: self.tr("Date"), lambda v: fmt.day(v.measure.date)),
            Column(lambda: self.tr("Category"), lambda v: fmt.label("measure_category", v.measure.category)),
            Column(lambda: self.tr("Content"), lambda v: v.measure.content),
            Column(lambda: self.tr("Amount"), lambda v: fmt.money(v.amount_fen) if v.amount_fen else "", align_right=True),
            Column(lambda: self.tr("Funding source"), lambda v: fmt.label("funding_source", v.measure.funding_source)),
            Column(lambda: self.tr("Status"), lambda v: fmt.label("measure_status", v.status),
                   foreground=lambda v: QColor("#1b5e20") if v.status == "03" else None),
            Column(lambda: self.tr("Beneficiaries"), lambda v: len(v.measure.beneficiaries) or ""),
            Column(lambda: self.tr("Fund project"), lambda v: "✓" if v.measure.project_id else ""),
        ])
        self.table = make_table(self.model, "assistanceTable")
        layout.addWidget(self.table, 2)
        row = QHBoxLayout()
        self.b_add = QPushButton()
        self.b_add.setObjectName("addMeasureButton")
        self.b_add.clicked.connect(self.add_dialog)
        self.b_progress = QPushButton()
        self.b_progress.clicked.connect(self.progress_dialog)
        row.addWidget(self.b_add)
        row.addWidget(self.b_progress)
        row.addStretch(1)
        layout.addLayout(row)
        self.history_label = QLabel()
        self.history_label.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.history_label)
        self.history = QListWidget()
        self.history.setObjectName("householdHistory")
        layout.addWidget(self.history, 1)
        layout.addWidget(self.message)
        self.members: list[Member] = []
        self.projects: list[Any] = []
        self.items: list[Any] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.b_add.setText(self.tr("Log a measure…"))
        self.b_progress.setText(self.tr("Record progress…"))
        self.history_label.setText(self.tr("Everything that happened to this household"))
        self.model.retranslate()
        self._fill_history()

    def load(self, db: Any) -> Any:
        from app.domain import FundProject

        with db.read() as s:
            members = list(s.exec(select(Member).where(Member.household_id == self.household_id,
                                                       Member.deleted == False)))  # noqa: E712
            hh = s.get(Household, self.household_id)
            projects = list(s.exec(select(FundProject).where(FundProject.deleted == False,  # noqa: E712
                                                             FundProject.village_id == (hh.village_id if hh else ""))
                                   .order_by(FundProject.name)))
            return (assistance.household_measures(s, self.household_id),
                    assistance.household_history(s, self.household_id), members, projects)

    def show_data(self, data: Any) -> None:
        measures, items, members, projects = data
        self.members = members
        self.projects = projects
        self.items = items
        self.model.set_rows(measures)
        self.b_add.setEnabled(self.can("measure.record"))
        self.b_progress.setEnabled(self.can("measure.record") and bool(measures))
        self._fill_history()

    def _fill_history(self) -> None:
        self.history.clear()
        for item in self.items:
            self.history.addItem(f"{fmt.day(item.when)}  {self._describe(item)}")

    def _describe(self, item: Any) -> str:
        r = item.record
        if item.kind == "visit":
            return self.tr("Visit by {who}: {summary}").format(who=r.author, summary=r.summary or "—")
        if item.kind == "measure":
            return self.tr("Measure: {category} {content}").format(
                category=fmt.label("measure_category", r.category), content=r.content)
        if item.kind == "measure_update":
            return self.tr("Measure progress: {status} {note}").format(status=fmt.label("measure_status", r.status),
                                                                      note=r.note)
        if item.kind == "lifecycle_event":
            return self.tr("Status: {event} ({year})").format(event=fmt.label("lifecycle_event", r.kind), year=r.year)
        if item.kind == "participation":
            return self.tr("Took part: {kind} {note}").format(kind=fmt.label("participation_kind", r.kind), note=r.note)
        if item.kind == "project":
            return self.tr("Fund project: {name}").format(name=r[1].name)
        return item.kind

    def add_dialog(self) -> QDialog:
        db = self.db
        hid = self.household_id
        members = [m for m in self.members if m.active]
        picker = QListWidget()
        picker.setObjectName("beneficiaryPicker")
        picker.setSelectionMode(QListWidget.SelectionMode.MultiSelection)
        for m in members:
            picker.addItem(m.name)

        project = QComboBox()
        project.setObjectName("measureProject")
        project.addItem(self.tr("(no fund project)"), "")
        for p in self.projects:
            project.addItem(p.name, p.id)

        def submit(values: dict[str, Any]) -> Any:
            chosen = [members[i.row()].id for i in picker.selectedIndexes()]
            return assistance.add_measure(db, hid, values["category"], values["date"] or field_day(db),
                                          content=values["content"], amount_fen=values["amount_fen"] or 0,
                                          funding_source=values["funding_source"], beneficiaries=chosen,
                                          status=values["status"] or "01", project_id=project.currentData() or None)

        label = QLabel(self.tr("Beneficiary members (select one or more):"))
        dialog = FormDialog(self, lambda: self.tr("Log an assistance measure"), "measure", [
            FieldSpec("category", "code", "measure_category", required=True), FieldSpec("content", max_len=1000),
            FieldSpec("amount_fen", "money"), FieldSpec("funding_source", "code", "funding_source"),
            FieldSpec("date", "date"), FieldSpec("status", "code", "measure_status", required=True),
        ], submit, values={"date": field_day(db), "status": "01"},
            extra=[label, picker, QLabel(self.tr("Fund project (optional)")), project])
        dialog.submitted.connect(self.wrote)
        return self.open_dialog(dialog)

    def progress_dialog(self) -> QDialog | None:
        view = selected_row(self.table)
        if view is None:
            self.message.error(self.tr("Select a measure first."))
            return None
        db = self.db

        def submit(values: dict[str, Any]) -> Any:
            return assistance.update_status(db, view.measure.id, values["status"], values["date"] or field_day(db),
                                            note=values["content"], amount_fen=values["amount_fen"] or None)

        dialog = FormDialog(self, lambda: self.tr("Progress of the measure"), "measure", [
            FieldSpec("status", "code", "measure_status", required=True,
                      only=lambda c: c.code in assistance.NEXT_STATUS.get(view.status, frozenset())),
            FieldSpec("date", "date"), FieldSpec("content", max_len=1000, label=lambda: self.tr("Note")),
            FieldSpec("amount_fen", "money", label=lambda: self.tr("Actual amount (if different)")),
        ], submit, values={"date": field_day(db)})
        dialog.submitted.connect(self.wrote)
        return self.open_dialog(dialog)


# ================================================================================================
# participation and points
# ================================================================================================
class ParticipationTab(_Tab):
    """Members' participation and, where the village runs one, the points scheme."""

    def __init__(self, window: Any, household_id: str) -> None:
        super().__init__(window, household_id)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("participationSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RowsModel([
            Column(lambda: self.tr("Date"), lambda p: fmt.day(p.date)),
            Column(lambda: self.tr("Kind"), lambda p: fmt.label("participation_kind", p.kind)),
            Column(lambda: self.tr("Member"), lambda p: self.names.get(p.member_id or "", "")),
            Column(lambda: self.tr("Points"), lambda p: p.points or "", align_right=True),
            Column(lambda: self.tr("Note"), lambda p: p.note),
        ])
        self.table = make_table(self.model, "participationTable")
        layout.addWidget(self.table, 1)
        self.points_model = RowsModel([
            Column(lambda: self.tr("Date"), lambda e: fmt.day(e.date)),
            Column(lambda: self.tr("Points"), lambda e: f"{e.points:+d}", align_right=True,
                   foreground=lambda e: QColor("#c62828") if e.points < 0 else QColor("#1b5e20")),
            Column(lambda: self.tr("For"), lambda e: e.note),
        ])
        self.points_table = make_table(self.points_model, "pointsTable")
        layout.addWidget(self.points_table, 1)
        row = QHBoxLayout()
        self.b_record = QPushButton()
        self.b_record.setObjectName("recordParticipation")
        self.b_record.clicked.connect(self.record_dialog)
        self.b_rule = QPushButton()
        self.b_rule.clicked.connect(self.rule_dialog)
        self.b_redeem = QPushButton()
        self.b_redeem.clicked.connect(self.redeem_dialog)
        for b in (self.b_record, self.b_rule, self.b_redeem):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.names: dict[str, str] = {}
        self.members: list[Member] = []
        self.rules: list[Any] = []
        self.data: Any = None
        self.retranslate()

    def retranslate(self) -> None:
        self.b_record.setText(self.tr("Record participation…"))
        self.b_rule.setText(self.tr("Award or deduct points…"))
        self.b_redeem.setText(self.tr("Redeem points…"))
        self.model.retranslate()
        self.points_model.retranslate()
        if self.data is not None:
            self.show_data(self.data)

    def load(self, db: Any) -> Any:
        year = field_day(db).year
        with db.read() as s:
            hh = s.get(Household, self.household_id)
            members = list(s.exec(select(Member).where(Member.household_id == self.household_id,
                                                       Member.deleted == False)))  # noqa: E712
            rules = participation.rules(s, hh.village_id) if hh else []
            scheme = participation.scheme_for(s, hh.village_id) if hh else None
            return (participation.summary(s, self.household_id, year),
                    participation.household_participation(s, self.household_id),
                    participation.household_entries(s, self.household_id), members, rules, scheme)

    def show_data(self, data: Any) -> None:
        self.data = data
        summary, parts, entries, members, rules, scheme = data
        self.members = members
        self.names = {m.id: m.name for m in members}
        self.rules = rules if scheme is not None and scheme.enabled else []
        self.model.set_rows(parts)
        self.points_model.set_rows(entries)
        text = self.tr("{year}: took part {n} time(s).").format(year=summary.year, n=summary.count)
        if scheme is not None and scheme.enabled:
            text += " " + self.tr("Points this year: +{earned} / −{deducted}; balance {balance}.").format(
                earned=summary.points_earned, deducted=summary.points_deducted, balance=summary.balance)
        else:
            text += " " + self.tr("The village does not run a points scheme.")
        self.summary.setText(text)
        allowed = self.can("participation.record")
        self.b_record.setEnabled(allowed)
        self.b_rule.setEnabled(allowed and bool(self.rules))
        self.b_redeem.setEnabled(allowed and scheme is not None and summary.balance > 0)
        self.points_table.setVisible(scheme is not None)

    def _member_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName("participationMember")
        combo.addItem(self.tr("(the household)"), "")
        for m in self.members:
            if m.active:
                combo.addItem(m.name, m.id)
        return combo

    def _rule_combo(self, kind_filter: bool = False) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName("participationRule")
        combo.addItem(self.tr("(no points)") if kind_filter else self.tr("(choose a rule)"), "")
        for r in self.rules:
            combo.addItem(f"{r.code} {r.label} ({r.points:+d})", r.id)
        return combo

    def record_dialog(self) -> QDialog:
        db, hid = self.db, self.household_id
        member = self._member_combo()
        rule = self._rule_combo(kind_filter=True)

        def submit(values: dict[str, Any]) -> Any:
            return participation.record_participation(db, hid, values["kind"], values["date"] or field_day(db),
                                                      member_id=member.currentData() or None, note=values["note"],
                                                      rule_id=rule.currentData() or None)

        dialog = FormDialog(self, lambda: self.tr("Record participation"), "participation", [
            FieldSpec("kind", "code", "participation_kind", required=True), FieldSpec("date", "date"),
            FieldSpec("note", max_len=500)], submit, values={"date": field_day(db)},
            extra=[QLabel(self.tr("Member")), member, QLabel(self.tr("Points rule")), rule])
        dialog.submitted.connect(self.wrote)
        return self.open_dialog(dialog)

    def rule_dialog(self) -> QDialog:
        db, hid = self.db, self.household_id
        member = self._member_combo()
        rule = self._rule_combo()

        def submit(values: dict[str, Any]) -> Any:
            if not rule.currentData():
                raise BangfuError("points.rule_inactive")
            return participation.apply_rule(db, hid, rule.currentData(), values["date"] or field_day(db),
                                            member_id=member.currentData() or None, note=values["note"])

        dialog = FormDialog(self, lambda: self.tr("Award or deduct points"), "points_entry", [
            FieldSpec("date", "date"), FieldSpec("note", max_len=500)], submit, values={"date": field_day(db)},
            extra=[QLabel(self.tr("Points rule")), rule, QLabel(self.tr("Member")), member])
        dialog.submitted.connect(self.wrote)
        return self.open_dialog(dialog)

    def redeem_dialog(self) -> QDialog:
        db, hid = self.db, self.household_id

        def submit(values: dict[str, Any]) -> Any:
            return participation.redeem(db, hid, values["points"] or 0, values["note"], values["date"] or field_day(db))

        dialog = FormDialog(self, lambda: self.tr("Redeem points"), "points_entry", [
            FieldSpec("points", "int", required=True), FieldSpec("note", max_len=200, required=True),
            FieldSpec("date", "date")], submit, values={"date": field_day(db)})
        dialog.submitted.connect(self.wrote)
        return self.open_dialog(dialog)


# ================================================================================================
# lifecycle requests of one household
# ================================================================================================
class OverrideDialog(QDialog):
    """Shown when an exit is blocked: the failing criteria, and for township/county users a
    field for the written reason to override (audited)."""

    def __init__(self, parent: QWidget, blocked: lc.ExitBlocked, may_override: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exit blocked by the assessment"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The household does not meet these exit criteria:"))
        layout.addWidget(intro)
        model = RowsModel([
            Column(lambda: self.tr("Criterion"), lambda c: c.label, icon=lambda c: light(c.light)),
            Column(lambda: self.tr("Reason"), lambda c: c.reason),
        ], blocked.assessment.failures)
        self.table = make_table(model, "blockedCriteria")
        layout.addWidget(self.table)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("overrideReason")
        self.may_override = may_override
        if may_override:
            layout.addWidget(QLabel(self.tr("To pass it on anyway, write why (this is recorded in the audit trail):")))
            layout.addWidget(self.reason)
        else:
            layout.addWidget(QLabel(self.tr("Only township or county staff may override the assessment. "
                                            "Correct the household's data or wait for the conditions to be met.")))
            self.reason.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   if may_override else QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.reason.toPlainText().strip()


class RequestsTab(_Tab):
    """File a request for this household and take it through its steps."""

    def __init__(self, window: Any, household_id: str) -> None:
        super().__init__(window, household_id)
        layout = QVBoxLayout(self)
        self.state_label = QLabel()
        self.state_label.setObjectName("registerState")
        layout.addWidget(self.state_label)
        self.model = RowsModel([
            Column(lambda: self.tr("Request"), lambda r: fmt.label("lifecycle_event", r.kind)),
            Column(lambda: self.tr("Year"), lambda r: r.year),
            Column(lambda: self.tr("Status"), lambda r: fmt.label("lifecycle_request_status", r.status)),
            Column(lambda: self.tr("Evidence"), lambda r: self._evidence(r)),
            Column(lambda: self.tr("Override"), lambda r: "⚠" if r.override_reason else "",
                   tooltip=lambda r: r.override_reason),
            Column(lambda: self.tr("Filed by"), lambda r: r.author),
        ])
        self.table = make_table(self.model, "requestsTable")
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, slot in (("new", self.new_dialog), ("deliberation", self.deliberation_dialog),
                           ("notice", self.notice_dialog), ("confirmation", self.confirmation_dialog),
                           ("submit", self.submit), ("township", self.township_dialog),
                           ("county", self.county_dialog), ("withdraw", self.withdraw_dialog)):
            b = QPushButton()
            b.setObjectName(f"request_{name}")
            b.clicked.connect(lambda _c=False, s=slot: s())
            self.buttons[name] = b
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.requests: list[LifecycleRequest] = []
        self.state = ""
        self.retranslate()

    def retranslate(self) -> None:
        texts = {"new": self.tr("New request…"), "deliberation": self.tr("Deliberation…"),
                 "notice": self.tr("Public notice…"), "confirmation": self.tr("Household confirmation…"),
                 "submit": self.tr("Submit"), "township": self.tr("Township review…"),
                 "county": self.tr("County decision…"), "withdraw": self.tr("Withdraw…")}
        for name, b in self.buttons.items():
            b.setText(texts[name])
        self.model.retranslate()
        self._state_text()

    def _evidence(self, r: LifecycleRequest) -> str:
        names = [t(f"lifecycle.step.{s}") for s in lc.evidence_steps(r)]
        return "、".join(names) if current_language() != "en" else ", ".join(names)

    def load(self, db: Any) -> Any:
        with db.read() as s:
            hh = s.get(Household, self.household_id)
            rows = [r.request for r in lc.requests(s, household_id=self.household_id)]
            return (lc.household_state(hh) if hh else "", rows)

    def show_data(self, data: Any) -> None:
        self.state, self.requests = data
        self.model.set_rows(self.requests)
        open_rows = [i for i, r in enumerate(self.requests) if r.status in lc.OPEN]
        if open_rows:
            self.table.selectRow(open_rows[0])
        self._state_text()
        self._buttons()

    def _state_text(self) -> None:
        if self.state:
            self.state_label.setText(self.tr("Register status: {state}").format(state=lc.state_label(self.state)))

    def current(self) -> LifecycleRequest | None:
        req = selected_row(self.table)
        return req if isinstance(req, LifecycleRequest) else None

    def _buttons(self) -> None:
        req = self.current()
        db = self.db
        actions = set(lc.next_actions(db, req)) if (req is not None and db is not None) else set()
        has_open = any(r.status in lc.OPEN for r in self.requests)
        self.buttons["new"].setEnabled(not has_open and self.can("lifecycle.request"))
        for name in ("deliberation", "notice", "confirmation", "submit", "withdraw"):
            self.buttons[name].setEnabled(name in actions)
        self.buttons["township"].setEnabled("township_approve" in actions)
        self.buttons["county"].setEnabled("county_approve" in actions)

    # -- dialogs ---------------------------------------------------------------------------------
    def new_dialog(self) -> QDialog:
        db, hid = self.db, self.household_id
        allowed = {k for k in lc.KINDS if lc.can_file(self.state, k)}
        reason = QComboBox()
        reason.setObjectName("requestReason")

        def submit(values: dict[str, Any]) -> Any:
            return lc.file_request(db, hid, values["kind"], values["year"] or field_day(db).year,
                                   reason=reason.currentData() or "", note=values["note"])

        dialog = FormDialog(self, lambda: self.tr("New lifecycle request"), "lifecycle_request", [
            FieldSpec("kind", "code", "lifecycle_event", required=True, only=lambda c: c.code in allowed),
            FieldSpec("year", "int", required=True), FieldSpec("note", max_len=1000)],
            submit, values={"year": field_day(db).year}, extra=[QLabel(self.tr("Reason")), reason])
        kind_combo = dialog.form.widgets["kind"]

        def fill_reasons() -> None:
            kind = kind_combo.code()  # type: ignore[attr-defined]
            reason.clear()
            reason.addItem("—", "")
            if kind == lc.REMOVE:
                items = code_list("removal_reason").items()
            elif kind in (lc.DECREASE, lc.INCREASE):
                direction = "out" if kind == lc.DECREASE else "in"
                items = [c for c in code_list("member_change_reason").items() if c.extra.get("direction") == direction]
            else:
                items = []
            for c in items:
                reason.addItem(c.label(current_language()), c.code)
            reason.setEnabled(bool(items))

        kind_combo.currentIndexChanged.connect(lambda _i: fill_reasons())  # type: ignore[attr-defined]
        fill_reasons()
        dialog.submitted.connect(self.wrote)
        return self.open_dialog(dialog)

    def _need(self) -> LifecycleRequest | None:
        req = self.current()
        if req is None:
            self.message.error(self.tr("Select a request first."))
        return req

    def deliberation_dialog(self) -> QDialog | None:
        req = self._need()
        if req is None:
            return None
        db = self.db
        result = QComboBox()
        result.setObjectName("deliberationResult")
        result.addItem(self.tr("agreed"), True)
        result.addItem(self.tr("did not agree"), False)

        def submit(values: dict[str, Any]) -> Any:
            return lc.record_deliberation(db, req.id, values["deliberation_date"], values["attended"],
                                          values["total"], values["agreed"], bool(result.currentData()),
                                          note=values["note"])

        dialog = FormDialog(self, lambda: self.tr("Village deliberation (民主评议)"), "lifecycle_request", [
            FieldSpec("deliberation_date", "date", required=True), FieldSpec("total", "int", required=True),
            FieldSpec("attended", "int", required=True), FieldSpec("agreed", "int", required=True),
            FieldSpec("note", max_len=1000)], submit, values={"deliberation_date": field_day(db)},
            extra=[QLabel(self.tr("Outcome")), result])
        dialog.submitted.connect(self.wrote)
        return self.open_dialog(dialog)

    def notice_dialog(self) -> QDialog | None:
        req = self._need()
        if req is None:
            return None
        db = self.db
        today = field_day(db)

        def submit(values: dict[str, Any]) -> Any:
            return lc.record_notice(db, req.id, values["notice_start"], values["notice_end"],
                                    objections=values["objections"] or 0, note=values["note"])

        hint = QLabel(self.tr("The notice must run at least {n} days.").format(n=lc.notice_days()))
        dialog = FormDialog(self, lambda: self.tr("Public notice (公示)"), "lifecycle_request", [
            FieldSpec("notice_start", "date", required=True), FieldSpec("notice_end", "date", required=True),
            FieldSpec("objections", "int"), FieldSpec("note", max_len=1000)], submit,
            values={"notice_start": today, "notice_end": lc.notice_window(today), "objections": 0}, extra=[hint])
        dialog.submitted.connect(self.wrote)
        return self.open_dialog(dialog)

    def confirmation_dialog(self) -> QDialog | None:
        req = self._need()
        if req is None:
            return None
        from ui.fieldwork.signature import SignaturePad

        db = self.db
        pad = SignaturePad()
        pad.setObjectName("requestSignature")
        file_button = QPushButton(self.tr("Or choose a photo of the signed sheet…"))
        chosen: dict[str, bytes] = {}

        def pick() -> None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getOpenFileName(self, self.tr("Photo of the signed sheet"))
            if path:
                with open(path, "rb") as fh:
                    chosen["sheet"] = fh.read()
                file_button.setText(self.tr("Sheet photo chosen"))

        file_button.clicked.connect(pick)
        signature = {"png": b""}

        def submit(values: dict[str, Any]) -> Any:
            if "sheet" in chosen:
                return lc.record_confirmation(db, req.id, values["confirmation_date"], image=chosen["sheet"],
                                              kind="sheet", note=values["note"])
            return lc.record_confirmation(db, req.id, values["confirmation_date"], image=signature["png"] or None,
                                          kind="signature", note=values["note"])

        dialog = FormDialog(self, lambda: self.tr("The household's confirmation (贫困户认可)"), "lifecycle_request", [
            FieldSpec("confirmation_date", "date", required=True), FieldSpec("note", max_len=1000)], submit,
            values={"confirmation_date": field_day(db)}, extra=[pad, file_button])
        dialog.pad = pad  # type: ignore[attr-defined]
        dialog.chosen = chosen  # type: ignore[attr-defined]
        dialog.prepare = lambda: signature.__setitem__("png", b"" if pad.is_empty() else pad.png_bytes())
        dialog.submitted.connect(self.wrote)
        return self.open_dialog(dialog)

    def _blocked(self, exc: BaseException, retry: Any) -> bool:
        """An exit blocked by its assessment: explain, and let authorised users override."""
        if not isinstance(exc, lc.ExitBlocked):
            return False
        may = bool(self.window_.permitted("lifecycle.override"))
        box = OverrideDialog(self, exc, may)
        self.override_box = box

        def go() -> None:
            if may and box.text():
                retry(box.text())

        box.accepted.connect(go)
        box.open()
        return True

    def submit(self, override_reason: str = "") -> None:
        req = self._need()
        if req is None:
            return
        db = self.db
        run_task(lc.submit, db, req.id, override_reason=override_reason, on_done=self.wrote,
                 on_error=lambda e: self._blocked(e, self.submit) or self.message.error(error_text(e)), owner=self)

    def _decision(self, title: Any, fn: Any, approve_label: str, refuse_label: str) -> QDialog | None:
        req = self._need()
        if req is None:
            return None
        db = self.db
        outcome = QComboBox()
        outcome.setObjectName("decisionOutcome")
        outcome.addItem(approve_label, True)
        outcome.addItem(refuse_label, False)
        override = QPlainTextEdit()
        override.setObjectName("decisionOverride")
        override.setPlaceholderText(self.tr("Only if the exit assessment fails: the written reason to override it"))
        override.setMaximumHeight(70)
        widgets: list[QWidget] = [QLabel(self.tr("Decision")), outcome]
        if req.kind == lc.EXIT and self.can("lifecycle.override"):
            widgets.append(override)

        def submit(values: dict[str, Any]) -> Any:
            return fn(db, req.id, bool(outcome.currentData()), on=values["date"] or field_day(db), note=values["note"],
                      override_reason=override.toPlainText().strip())

        def refused(exc: BaseException) -> bool:
            if isinstance(exc, lc.ExitBlocked):
                dialog.message.error(str(exc) + "\n" + (self.tr("Write a reason to override, or return the request.")
                                                        if self.can("lifecycle.override") else ""))
                return True
            return False

        dialog = FormDialog(self, title, "lifecycle_request", [FieldSpec("date", "date", label=lambda: self.tr("Date")),
                                                               FieldSpec("note", max_len=1000)],
                            submit, values={"date": field_day(db)}, extra=widgets, on_refused=refused)
        dialog.outcome = outcome  # type: ignore[attr-defined]
        dialog.override = override  # type: ignore[attr-defined]
        dialog.submitted.connect(self.wrote)
        return self.open_dialog(dialog)

    def township_dialog(self) -> QDialog | None:
        return self._decision(lambda: self.tr("Township review (乡镇审核)"), lc.township_review,
                              self.tr("pass on to the county"), self.tr("return to the village"))

    def county_dialog(self) -> QDialog | None:
        return self._decision(lambda: self.tr("County decision (县审定)"), lc.county_decide,
                              self.tr("approve"), self.tr("reject"))

    def withdraw_dialog(self) -> QDialog | None:
        req = self._need()
        if req is None:
            return None
        db = self.db

        def submit(values: dict[str, Any]) -> Any:
            return lc.withdraw(db, req.id, values["note"])

        dialog = FormDialog(self, lambda: self.tr("Withdraw the request"), "lifecycle_request", [
            FieldSpec("note", max_len=1000, required=True, label=lambda: self.tr("Why"))], submit)
        dialog.submitted.connect(self.wrote)
        return self.open_dialog(dialog)


"""The guided visit (入户走访) wizard.

household → members → 两不愁三保障 and water checks → income → problems and measures → satisfaction
and living environment → photos and the household's confirmation → summary → save.

The wizard's whole state is one JSON-able dict (see ``app.services.visits``). It is written to a
draft in the encrypted database every time the page changes, and every ``AUTOSAVE_MS`` while
something changed, so a crash, a flat battery or a closed lid loses at most the last few seconds of
typing; ``VisitWizard.resume`` reopens a draft on the page it was left at. Saving calls ``visits.record_visit_from_state`` in a worker: one transaction, and
the service's validation errors are shown on the summary page with a jump to the page concerned.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlmodel import select

from app.codes import code_list
from app.domain import INCOME_ITEMS, Conditions, Household, Income, Member, Village
from app.errors import BangfuError, FieldError, ValidationFailed
from app.fields import field_label
from app.i18n import current_language, t
from app.services import drafts, photos, registry, visits
from ui import formatting as fmt
from ui.fieldwork.common import field_day
from ui.fieldwork.signature import SignaturePad
from ui.forms import CodeCombo, FieldSpec, FormPanel
from ui.models.rows import Column, RowsModel
from ui.widgets import MessageLine
from ui.workers import run_task

P_HOUSEHOLD, P_MEMBERS, P_CHECKS, P_INCOME, P_PROBLEMS, P_SATISFACTION, P_PHOTOS, P_SUMMARY = range(8)
#: how often the open wizard writes its draft when something changed (besides every page change)
AUTOSAVE_MS = 20_000

#: which page shows a field the service complains about (entity, field) → page
_ERROR_PAGE = {"visited_at": P_HOUSEHOLD, "household_id": P_HOUSEHOLD, "checks": P_CHECKS, "problems": P_PROBLEMS,
               "expenses": P_INCOME, "medical_fen": P_INCOME, "education_fen": P_INCOME, "income_year": P_INCOME,
               "satisfaction": P_SATISFACTION, "environment": P_SATISFACTION, "summary": P_SATISFACTION,
               "photos": P_PHOTOS, "confirmation": P_PHOTOS}
_ENTITY_PAGE = {"member": P_MEMBERS, "income": P_INCOME, "conditions": P_CHECKS, "measure": P_PROBLEMS}


def error_page(entity: str, field_name: str) -> int:
    if entity == "visit":
        return _ERROR_PAGE.get(field_name, P_SUMMARY)
    return _ENTITY_PAGE.get(entity, P_SUMMARY)


def _today(db: Any) -> date:
    """The default day of what the wizard records (the visit, its measures, the income year)."""
    return field_day(db)


@dataclass
class HouseholdContext:
    """What the wizard shows about the household being visited (read once when it is chosen)."""

    household: Household
    members: list[Member]
    conditions: Conditions | None
    incomes: dict[int, Income] = field(default_factory=dict)
    province: str = ""
    helper: str = ""


def load_context(db: Any, household_id: str) -> HouseholdContext:
    from app.domain import HelperAssignment

    with db.read() as s:
        hh = s.get(Household, household_id)
        if hh is None or hh.deleted:
            raise BangfuError("value.not_found")
        members = registry.living_members(s, household_id)
        cond = s.exec(select(Conditions).where(Conditions.household_id == household_id)).first()
        incomes = {i.year: i for i in s.exec(select(Income).where(Income.household_id == household_id))}
        village = s.get(Village, hh.village_id)
        helper = s.exec(select(HelperAssignment).where(HelperAssignment.household_id == household_id,
                                                       HelperAssignment.end_date == None)).first()  # noqa: E711
        return HouseholdContext(hh, members, cond, incomes, village.province_code if village else "",
                                helper.name if helper else "")


def _search(db: Any, text: str) -> list[tuple[str, str, str]]:
    """(household id, head name, household number) of the households matching ``text``."""
    from sqlmodel import col

    from app.store.search import search

    with db.read_engine.connect() as conn:
        ids = [h.household_id for h in search(conn.connection.driver_connection, text, limit=50)]
    if not ids:
        return []
    with db.read() as s:
        rows = {h.id: h for h in s.exec(select(Household).where(col(Household.id).in_(ids), Household.deleted == False))}  # noqa: E712
    return [(i, rows[i].head_name, rows[i].hh_number) for i in ids if i in rows]


# ================================================================================================
# pages
# ================================================================================================
class Page(QWizardPage):
    """A page that reads its part of the state and writes it back (both idempotent)."""

    def __init__(self, wizard: VisitWizard) -> None:
        super().__init__()
        self.wiz = wizard

    def load_state(self, state: dict[str, Any]) -> None:  # pragma: no cover - overridden
        pass

    def store_state(self, state: dict[str, Any]) -> None:  # pragma: no cover - overridden
        pass

    def context_changed(self) -> None:
        """The household (or its data) changed: refill what depends on it."""

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def default_visit_time(db: Any) -> QDateTime:
    """Now; in a demo or training database the scenario's day at the current time of day (the real
    clock still bounds the field: a visit after now is refused)."""
    now = QDateTime.currentDateTime()
    day = _today(db)
    if day >= now.date().toPython():
        return now
    return QDateTime(QDate(day.year, day.month, day.day), now.time())


class HouseholdPage(Page):
    def __init__(self, wizard: VisitWizard) -> None:
        super().__init__(wizard)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.when = QDateTimeEdit()
        self.when.setObjectName("visitTime")
        self.when.setCalendarPopup(True)
        self.when.setDateTime(default_visit_time(wizard.db))
        self.when.setMaximumDateTime(QDateTime.currentDateTime().addSecs(300))  # never after the real now
        self.when_label = QLabel()
        form.addRow(self.when_label, self.when)
        layout.addLayout(form)
        self.search = QLineEdit()
        self.search.setObjectName("visitSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        layout.addWidget(self.search)
        lists = QHBoxLayout()
        self.results = QListWidget()
        self.results.setObjectName("visitSearchResults")
        self.due = QListWidget()
        self.due.setObjectName("visitDueList")
        self.results_label, self.due_label = QLabel(), QLabel()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.results_label)
        left.addWidget(self.results)
        right.addWidget(self.due_label)
        right.addWidget(self.due)
        lists.addLayout(left)
        lists.addLayout(right)
        layout.addLayout(lists, 1)
        self.chosen = QLabel()
        self.chosen.setObjectName("visitChosen")
        self.chosen.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.chosen)
        for lst in (self.results, self.due):
            lst.currentItemChanged.connect(lambda item, _prev: self._pick(item))
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Household and time of the visit"))
        self.setSubTitle(self.tr("Search by name, pinyin initials, ID digits or household number, "
                                 "or pick from the visits due."))
        self.when_label.setText(self.tr("Visited at"))
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm" if current_language() == "en" else "yyyy年M月d日 HH:mm")
        self.search.setPlaceholderText(self.tr("Search households…"))
        self.results_label.setText(self.tr("Search results"))
        self.due_label.setText(self.tr("Visits due"))
        self._show_chosen()

    def initializePage(self) -> None:
        self.load_due()

    def load_due(self) -> None:
        db = self.wiz.db

        def work() -> Any:
            from app.services.visit_plan import due_visits

            return due_visits(db)

        run_task(work, on_done=self._due_loaded, owner=self)

    def _due_loaded(self, rows: list[Any]) -> None:
        self.due.clear()
        for r in rows:
            state = (self.tr("{n} days overdue").format(n=r.days_late) if r.state == "overdue"
                     else self.tr("due {day}").format(day=fmt.day(r.due_on)))
            item = QListWidgetItem(f"{r.head_name}  {r.hh_number[-4:]}  · {state}")
            item.setData(Qt.ItemDataRole.UserRole, r.household_id)
            self.due.addItem(item)

    def _search(self, text: str) -> None:
        self.results.clear()
        if len(text.strip()) < 1:
            return
        for hid, head, number in _search(self.wiz.db, text.strip()):
            item = QListWidgetItem(f"{head}  {number}")
            item.setData(Qt.ItemDataRole.UserRole, hid)
            self.results.addItem(item)

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        hid = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(hid, str):
            self.wiz.set_household(hid)
            self._show_chosen()
            self.completeChanged.emit()

    def _show_chosen(self) -> None:
        ctx = self.wiz.context
        if ctx is None:
            self.chosen.setText(self.tr("No household chosen yet."))
        else:
            hh = ctx.household
            self.chosen.setText(self.tr("Visiting: {head} household, no. {number}, group {group}").format(
                head=hh.head_name, number=hh.hh_number or "—", group=hh.group_no))

    def isComplete(self) -> bool:
        return self.wiz.context is not None

    def visited_at(self) -> datetime:
        return self.when.dateTime().toPython().astimezone().astimezone(UTC)  # type: ignore[no-any-return]

    def load_state(self, state: dict[str, Any]) -> None:
        raw = state.get("visited_at")
        if isinstance(raw, str):
            try:
                local = datetime.fromisoformat(raw).astimezone()
                self.when.setDateTime(QDateTime(local.replace(tzinfo=None)))
            except ValueError:
                pass
        self._show_chosen()

    def store_state(self, state: dict[str, Any]) -> None:
        state["visited_at"] = self.visited_at().isoformat()
        state["household_id"] = self.wiz.context.household.id if self.wiz.context else state.get("household_id")


class MembersPage(Page):
    """Members present; births, deaths, marriages and moves (with reason codes); updated facts."""

    def __init__(self, wizard: VisitWizard) -> None:
        super().__init__(wizard)
        self.changes: list[dict[str, Any]] = []
        self.absent: set[str] = set()
        layout = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.model = RowsModel([
            Column(lambda: field_label("member", "name"), lambda r: r["name"]),
            Column(lambda: field_label("member", "relation"), lambda r: fmt.label("relation", r["relation"])),
            Column(lambda: self.tr("Age"), lambda r: r["age"]),
            Column(lambda: field_label("member", "school_status"), lambda r: fmt.label("school_status", r["school"])),
            Column(lambda: field_label("member", "health"), lambda r: fmt.label("health", r["health"])),
            Column(lambda: self.tr("Insured"), lambda r: "✓" if r["insured"] else "✗"),
            Column(lambda: self.tr("At this visit"), lambda r: r["visit"]),
        ])
        self.table = QTableView()
        self.table.setObjectName("visitMembers")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.b_present = QPushButton()
        self.b_add = QPushButton()
        self.b_remove = QPushButton()
        self.b_update = QPushButton()
        self.b_undo = QPushButton()
        for b, slot in ((self.b_present, self.toggle_present), (self.b_add, self.add_dialog),
                        (self.b_remove, self.remove_dialog), (self.b_update, self.update_dialog),
                        (self.b_undo, self.undo)):
            b.clicked.connect(lambda _c=False, s=slot: s())
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Members"))
        self.setSubTitle(self.tr("Confirm who lives here; record births, deaths, marriages and moves with their "
                                 "reason, and changes in schooling, health or insurance."))
        self.hint.setText(self.tr("Everyone is marked present; select a member to change that."))
        self.b_present.setText(self.tr("Present / not seen"))
        self.b_add.setText(self.tr("Birth or moved in…"))
        self.b_remove.setText(self.tr("Death or moved out…"))
        self.b_update.setText(self.tr("Update facts…"))
        self.b_undo.setText(self.tr("Undo last change"))
        self.model.retranslate()
        self.refresh()

    def context_changed(self) -> None:
        self.refresh()

    # -- state -----------------------------------------------------------------------------------
    def load_state(self, state: dict[str, Any]) -> None:
        entries = list(state.get("members") or [])
        self.changes = [e for e in entries if e.get("action") != "confirm"]
        ctx = self.wiz.context
        confirmed = {e.get("member_id") for e in entries if e.get("action") == "confirm"}
        if ctx is not None and entries:
            self.absent = {m.id for m in ctx.members if m.id not in confirmed} - {
                e.get("member_id") for e in self.changes}
        self.refresh()

    def store_state(self, state: dict[str, Any]) -> None:
        ctx = self.wiz.context
        touched = {e.get("member_id") for e in self.changes}
        confirms = [{"action": "confirm", "member_id": m.id} for m in (ctx.members if ctx else [])
                    if m.id not in self.absent and m.id not in touched]
        state["members"] = confirms + self.changes

    # -- table -----------------------------------------------------------------------------------
    def rows(self) -> list[dict[str, Any]]:
        ctx = self.wiz.context
        if ctx is None:
            return []
        on = self.wiz.visit_day()
        by_member = {e.get("member_id"): e for e in self.changes if e.get("member_id")}
        rows = []
        for m in ctx.members:
            change = by_member.get(m.id)
            school, health, insured = m.school_status, m.health, m.med_insurance
            if change is None:
                visit = self.tr("not seen") if m.id in self.absent else self.tr("present")
            elif change["action"] == "remove":
                visit = self.tr("leaves: {reason}").format(reason=fmt.label("member_change_reason", change["reason"]))
            else:
                upd = change.get("changes") or {}
                school, health = upd.get("school_status", school), upd.get("health", health)
                insured = upd.get("med_insurance", insured)
                visit = self.tr("updated")
            rows.append({"id": m.id, "name": m.name, "relation": m.relation, "age": fmt.age_on(m.birth_date, on) or "",
                         "school": school, "health": health, "insured": insured, "visit": visit})
        for e in self.changes:
            if e["action"] != "add":
                continue
            d = e.get("data") or {}
            birth = _date_or_none(d.get("birth_date"))
            rows.append({"id": None, "name": d.get("name", ""), "relation": d.get("relation", ""),
                         "age": fmt.age_on(birth, on) if birth else "", "school": d.get("school_status", ""),
                         "health": d.get("health", ""), "insured": bool(d.get("med_insurance")),
                         "visit": self.tr("joins: {reason}").format(reason=fmt.label("member_change_reason",
                                                                                    e.get("reason", "")))})
        return rows

    def refresh(self) -> None:
        self.model.set_rows(self.rows())

    def selected(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def selected_member(self) -> Member | None:
        row = self.selected()
        ctx = self.wiz.context
        if row is None or row["id"] is None or ctx is None:
            return None
        return next((m for m in ctx.members if m.id == row["id"]), None)

    # -- actions ---------------------------------------------------------------------------------
    def toggle_present(self) -> None:
        m = self.selected_member()
        if m is not None:
            self.absent ^= {m.id}
            self.refresh()

    def add_change(self, change: dict[str, Any]) -> None:
        mid = change.get("member_id")
        if mid:
            self.changes = [c for c in self.changes if c.get("member_id") != mid]
        self.changes.append(change)
        self.refresh()
        self.wiz.save_draft()

    def undo(self) -> None:
        if self.changes:
            self.changes.pop()
            self.refresh()

    def add_dialog(self) -> QDialog:
        dialog = AddMemberDialog(self, self.wiz.visit_day())
        dialog.accepted.connect(lambda: self.add_change(dialog.change()))
        dialog.open()
        return dialog

    def remove_dialog(self) -> QDialog | None:
        m = self.selected_member()
        if m is None:
            return None
        dialog = RemoveMemberDialog(self, m, self.wiz.visit_day())
        dialog.accepted.connect(lambda: self.add_change(dialog.change()))
        dialog.open()
        return dialog

    def update_dialog(self) -> QDialog | None:
        m = self.selected_member()
        if m is None:
            return None
        dialog = UpdateMemberDialog(self, m)
        dialog.accepted.connect(lambda: dialog.change() and self.add_change(dialog.change()))
        dialog.open()
        return dialog


def _date_or_none(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _direction(direction: str) -> Callable[[Any], bool]:
    return lambda code: code.extra.get("direction") == direction


class _ChangeDialog(QDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.message = MessageLine()
        self.setMinimumWidth(380)  # room for an error under a date field

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.buttons)


class AddMemberDialog(_ChangeDialog):
    """A member joins: newborn, married in, moved in (reason and date)."""

    def __init__(self, parent: QWidget, visit_day: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("A member joins the household"))
        self.form = FormPanel("member", [
            FieldSpec("name", required=True, max_len=30), FieldSpec("relation", "code", "relation", required=True,
                                                                    only=lambda c: c.code != "01"),
            FieldSpec("sex", "code", "sex"), FieldSpec("birth_date", "date"), FieldSpec("id_number", max_len=20),
            FieldSpec("school_status", "code", "school_status"), FieldSpec("health", "code", "health"),
            FieldSpec("med_insurance", "bool"),
            FieldSpec("change_reason", "code", "member_change_reason", required=True, only=_direction("in")),
            FieldSpec("change_date", "date"),
        ])
        self.visit_day = visit_day
        self.form.set_values({"change_date": visit_day, "relation": "03", "change_reason": "06"})
        self.layout_.addWidget(self.form)
        self.finish_layout()

    def accept(self) -> None:
        values, problems = self.form.collect()
        if not values.get("name"):
            problems.append(FieldError("name", "value.required", {}, "member"))
        on = values.get("change_date") or self.visit_day
        birth = values.get("birth_date")
        if isinstance(birth, date) and birth > self.visit_day:
            problems.append(FieldError("birth_date", "value.future_date", {}, "member"))
        dated = visits.member_change_date_problem("add", values.get("change_reason") or "", on, self.visit_day,
                                                  newborn_birth=birth if isinstance(birth, date) else None)
        if dated:
            problems.append(FieldError(dated[0], dated[1], {}, "member"))
        if problems:  # refused at once, in the dialog: nothing joins the visit
            self.form.show_errors(problems)
            return
        super().accept()

    def change(self) -> dict[str, Any]:
        values, _ = self.form.collect()
        data = {k: v for k, v in values.items() if k not in ("change_reason", "change_date") and v not in ("", None)}
        if isinstance(data.get("birth_date"), date):
            data["birth_date"] = data["birth_date"].isoformat()
        if not data.get("med_insurance"):
            data.pop("med_insurance", None)
        on = values.get("change_date")
        return {"action": "add", "reason": values.get("change_reason", ""), "on": on.isoformat() if on else None,
                "data": data}


class RemoveMemberDialog(_ChangeDialog):
    """A member leaves: death, married out, moved out… (reason and date)."""

    def __init__(self, parent: QWidget, member: Member, visit_day: date) -> None:
        super().__init__(parent)
        self.member = member
        self.setWindowTitle(self.tr("{name} leaves the household").format(name=member.name))
        self.form = FormPanel("member", [
            FieldSpec("change_reason", "code", "member_change_reason", required=True, only=_direction("out")),
            FieldSpec("change_date", "date"),
        ], columns=1)
        self.visit_day = visit_day
        self.form.set_values({"change_date": visit_day})
        self.layout_.addWidget(self.form)
        self.finish_layout()

    def accept(self) -> None:
        values, problems = self.form.collect()
        if not values.get("change_reason"):
            problems.append(FieldError("change_reason", "value.required", {}, "member"))
        dated = visits.member_change_date_problem("remove", values.get("change_reason") or "",
                                                  values.get("change_date") or self.visit_day, self.visit_day,
                                                  born=self.member.birth_date)
        if dated:
            problems.append(FieldError(dated[0], dated[1], {}, "member"))
        if problems:  # a death before the birth, a move after the visit: refused here, before the save
            self.form.show_errors(problems)
            return
        super().accept()

    def change(self) -> dict[str, Any]:
        values, _ = self.form.collect()
        on = values.get("change_date")
        return {"action": "remove", "member_id": self.member.id, "reason": values.get("change_reason", ""),
                "on": on.isoformat() if on else None}


UPDATE_FIELDS = [
    FieldSpec("school_status", "code", "school_status"), FieldSpec("health", "code", "health"),
    FieldSpec("med_insurance", "bool"), FieldSpec("serious_illness_insurance", "bool"),
    FieldSpec("labour_skill", "code", "labour_skill"), FieldSpec("work_status", "code", "work_status"),
    FieldSpec("work_months", "int"),
]


class UpdateMemberDialog(_ChangeDialog):
    """Facts seen at the visit: schooling, health, insurance, work."""

    def __init__(self, parent: QWidget, member: Member) -> None:
        super().__init__(parent)
        self.member = member
        self.setWindowTitle(self.tr("Update {name}").format(name=member.name))
        self.form = FormPanel("member", UPDATE_FIELDS)
        self.form.set_values({s.name: getattr(member, s.name) for s in UPDATE_FIELDS})
        self.layout_.addWidget(self.form)
        self.finish_layout()

    def change(self) -> dict[str, Any]:
        changes = self.form.changes()
        if not changes:
            return {}
        return {"action": "update", "member_id": self.member.id, "changes": changes}


class ChecksPage(Page):
    """两不愁三保障 and safe drinking water, each yes / no / not checked, with a note."""

    def __init__(self, wizard: VisitWizard) -> None:
        super().__init__(wizard)
        layout = QVBoxLayout(self)
        self.grid = QGridLayout()
        self.combos: dict[str, QComboBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        self.group_labels: dict[str, QLabel] = {}
        row = 0
        group = ""
        for item in code_list("visit_check").items():
            if item.extra.get("group") != group:
                group = item.extra.get("group", "")
                head = QLabel()
                head.setStyleSheet("font-weight: bold; margin-top: 6px;")
                self.group_labels[group] = head
                self.grid.addWidget(head, row, 0, 1, 3)
                row += 1
            label = QLabel()
            combo = QComboBox()
            combo.setObjectName(f"check_{item.code}")
            note = QLineEdit()
            note.setObjectName(f"note_{item.code}")
            note.setMaxLength(500)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(combo, row, 1)
            self.grid.addWidget(note, row, 2)
            self.labels[item.code], self.combos[item.code], self.notes[item.code] = label, combo, note
            row += 1
        self.grid.setColumnStretch(2, 1)
        layout.addLayout(self.grid)
        house = QHBoxLayout()
        self.house_label = QLabel()
        self.house = CodeCombo("house_danger_level", empty_label=lambda: self.tr("unchanged"))
        self.house.setObjectName("visitHouseLevel")
        house.addWidget(self.house_label)
        house.addWidget(self.house)
        house.addStretch(1)
        layout.addLayout(house)
        self.b_all = QPushButton()
        self.b_all.clicked.connect(self.all_yes)
        layout.addWidget(self.b_all, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Two no-worries, three guarantees, drinking water"))
        self.setSubTitle(self.tr("Answer what you checked yourself; leave the rest as not checked."))
        groups = {"two_no_worries": self.tr("Two no-worries (food, clothing)"),
                  "three_guarantees": self.tr("Three guarantees (education, medical care, housing)"),
                  "drinking_water": self.tr("Safe drinking water")}
        for group, label in self.group_labels.items():
            label.setText(groups.get(group, group))
        for code, combo in self.combos.items():
            self.labels[code].setText(code_list("visit_check").label(code))
            current = combo.currentIndex()
            combo.clear()
            combo.addItem(self.tr("not checked"), None)
            combo.addItem(self.tr("yes"), True)
            combo.addItem(self.tr("no"), False)
            combo.setCurrentIndex(max(current, 0))
            self.notes[code].setPlaceholderText(self.tr("note (e.g. why a child is excused from school)")
                                                if code == "school" else self.tr("note"))
        self.house_label.setText(self.tr("House rating seen at this visit"))
        self.house.refill()
        self.b_all.setText(self.tr("Mark everything not yet answered as yes"))

    def set_check(self, code: str, value: bool | None) -> None:
        combo = self.combos[code]
        combo.setCurrentIndex({None: 0, True: 1, False: 2}[value])

    def all_yes(self) -> None:
        for code, combo in self.combos.items():
            if combo.currentIndex() == 0:
                self.set_check(code, True)

    def load_state(self, state: dict[str, Any]) -> None:
        checks = state.get("checks") or {}
        notes = state.get("notes") or {}
        for code in self.combos:
            value = checks.get(code)
            self.set_check(code, value if isinstance(value, bool) else None)
            self.notes[code].setText(notes.get(code, ""))
        self.house.set_code((state.get("conditions") or {}).get("house_danger_level", ""))

    def store_state(self, state: dict[str, Any]) -> None:
        state["checks"] = {code: combo.currentData() for code, combo in self.combos.items()
                           if combo.currentData() is not None}
        state["notes"] = {code: note.text().strip() for code, note in self.notes.items() if note.text().strip()}
        conditions = dict(state.get("conditions") or {})
        level = self.house.code()
        ctx = self.wiz.context
        current = ctx.conditions.house_danger_level if ctx and ctx.conditions else ""
        if level and level != current:
            conditions["house_danger_level"] = level
        else:
            conditions.pop("house_danger_level", None)
        state["conditions"] = conditions


class IncomePage(Page):
    """This year's income item by item, with the per-capita figure against the line, live."""

    def __init__(self, wizard: VisitWizard) -> None:
        super().__init__(wizard)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.year_label = QLabel()
        self.year = QSpinBox()
        self.year.setObjectName("visitIncomeYear")
        self.year.setRange(2014, date.today().year)
        self.year.setValue(_today(wizard.db).year)
        self.year.valueChanged.connect(self._year_changed)
        self.copy = QPushButton()
        self.copy.setObjectName("copyLastYear")
        self.copy.clicked.connect(self.copy_last_year)
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addWidget(self.copy)
        top.addStretch(1)
        layout.addLayout(top)
        self.form = FormPanel("income", [FieldSpec(name, "money") for name in INCOME_ITEMS])
        self.form.edited.connect(lambda _n: self.update_summary())
        layout.addWidget(self.form)
        self.summary = QLabel()
        self.summary.setObjectName("visitIncomeSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.expenses = FormPanel("visit", [FieldSpec("medical_fen", "money"), FieldSpec("education_fen", "money")])
        self.expenses_box = QGroupBox()
        box = QVBoxLayout(self.expenses_box)
        box.addWidget(self.expenses)
        layout.addWidget(self.expenses_box)
        layout.addStretch(1)
        self._touched_year: int | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Income this year"))
        self.setSubTitle(self.tr("Item by item, in yuan. Net income = wages + business + property + transfers "
                                 "− business expenses."))
        self.year_label.setText(self.tr("Year"))
        self.copy.setText(self.tr("Start from last year's figures"))
        self.expenses_box.setTitle(self.tr("Out-of-pocket costs this year (return-to-poverty risk)"))
        self.update_summary()

    def context_changed(self) -> None:
        self._fill_from_card()

    def _year_changed(self) -> None:
        self._fill_from_card()

    def _fill_from_card(self) -> None:
        ctx = self.wiz.context
        income = ctx.incomes.get(self.year.value()) if ctx else None
        self.form.set_values({name: getattr(income, name) if income else 0 for name in INCOME_ITEMS})
        self._copy_state()
        self.update_summary()

    def copy_last_year(self) -> None:
        ctx = self.wiz.context
        last = ctx.incomes.get(self.year.value() - 1) if ctx else None
        if last is not None:
            self.form.set_values({name: getattr(last, name) for name in INCOME_ITEMS})
            self.form.edited.emit("wage_fen")
        self._copy_state()

    def _copy_state(self) -> None:
        ctx = self.wiz.context
        self.copy.setEnabled(bool(ctx and (self.year.value() - 1) in ctx.incomes))

    def values(self) -> dict[str, int]:
        values, _ = self.form.collect()
        return {k: int(v or 0) for k, v in values.items()}

    def validatePage(self) -> bool:
        """Amounts that cannot be read, or below zero, keep the user here with the field marked:
        otherwise the income would be left out of the visit without a word."""
        ok = True
        for form, entity in ((self.form, "income"), (self.expenses, "visit")):
            values, problems = form.collect()
            problems += [FieldError(k, "value.negative", {}, entity) for k, v in values.items()
                         if isinstance(v, int) and v < 0]
            if problems:
                form.show_errors(problems)
                ok = False
            else:
                form.clear_errors()
        return ok

    def update_summary(self) -> None:
        ctx = self.wiz.context
        values, problems = self.form.collect()
        if ctx is None or problems:
            self.summary.setText("")
            return
        income = Income(household_id=ctx.household.id, year=self.year.value(), **{k: int(v or 0) for k, v in values.items()})
        size = len(ctx.members) + self.wiz.members_page_delta()
        s = registry.summarise(income, self.year.value(), size, ctx.province)
        if s.per_capita_fen is None:
            self.summary.setText("")
            return
        text = self.tr("Net income {net}; {size} people; per capita {pc}").format(
            net=fmt.money(s.net_fen), size=size, pc=fmt.money(s.per_capita_fen))
        if s.line_fen is not None and s.margin_fen is not None:
            if s.margin_fen >= 0:
                text += " · " + self.tr("above the line {line} by {margin}").format(
                    line=fmt.money(s.line_fen), margin=fmt.money(s.margin_fen))
                self.summary.setStyleSheet("color: #1b5e20; font-weight: bold;")
            else:
                text += " · " + self.tr("below the line {line} by {margin}").format(
                    line=fmt.money(s.line_fen), margin=fmt.money(-s.margin_fen))
                self.summary.setStyleSheet("color: #c62828; font-weight: bold;")
        else:
            text += " · " + self.tr("no poverty line is known for {year}").format(year=self.year.value())
            self.summary.setStyleSheet("")
        self.summary.setText(text)

    def load_state(self, state: dict[str, Any]) -> None:
        year = state.get("income_year")
        if isinstance(year, int):
            self.year.blockSignals(True)
            self.year.setValue(year)
            self.year.blockSignals(False)
        if state.get("income"):
            ctx = self.wiz.context
            base = ctx.incomes.get(self.year.value()) if ctx else None
            values = {name: getattr(base, name) if base else 0 for name in INCOME_ITEMS}
            values.update(state["income"])
            self.form.set_values(values)
        else:
            self._fill_from_card()
        self.expenses.set_values(dict(state.get("expenses") or {}))
        self.update_summary()

    def store_state(self, state: dict[str, Any]) -> None:
        values, problems = self.form.collect()
        ctx = self.wiz.context
        existing = ctx.incomes.get(self.year.value()) if ctx else None
        clean = {k: int(v or 0) for k, v in values.items()}
        if not problems and (existing is not None or any(clean.values())):
            state["income"] = clean
            state["income_year"] = self.year.value()
        else:
            state.pop("income", None)
            state.pop("income_year", None)
        exp, _ = self.expenses.collect()
        state["expenses"] = {k: int(v) for k, v in exp.items() if v}


class ProblemsPage(Page):
    """Problems found and the measures agreed with the household."""

    def __init__(self, wizard: VisitWizard) -> None:
        super().__init__(wizard)
        self.problems: list[dict[str, Any]] = []
        self.measures: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        self.p_box = QGroupBox()
        pl = QVBoxLayout(self.p_box)
        self.p_list = QListWidget()
        self.p_list.setObjectName("visitProblems")
        pl.addWidget(self.p_list)
        prow = QHBoxLayout()
        self.p_category = CodeCombo("measure_category")
        self.p_text = QLineEdit()
        self.p_text.setObjectName("problemText")
        self.p_text.setMaxLength(500)
        self.p_add = QPushButton()
        self.p_add.setObjectName("addProblem")
        self.p_del = QPushButton()
        self.p_add.clicked.connect(self.add_problem)
        self.p_del.clicked.connect(lambda: self._remove(self.p_list, self.problems))
        for w in (self.p_category, self.p_text, self.p_add, self.p_del):
            prow.addWidget(w, 1 if w is self.p_text else 0)
        pl.addLayout(prow)
        layout.addWidget(self.p_box)
        self.m_box = QGroupBox()
        ml = QVBoxLayout(self.m_box)
        self.m_list = QListWidget()
        self.m_list.setObjectName("visitMeasures")
        ml.addWidget(self.m_list)
        self.m_form = FormPanel("measure", [
            FieldSpec("category", "code", "measure_category", required=True), FieldSpec("content", max_len=1000),
            FieldSpec("amount_fen", "money"), FieldSpec("funding_source", "code", "funding_source"),
            FieldSpec("date", "date"),
        ])
        ml.addWidget(self.m_form)
        mrow = QHBoxLayout()
        self.m_add = QPushButton()
        self.m_add.setObjectName("addMeasure")
        self.m_del = QPushButton()
        self.m_add.clicked.connect(self.add_measure)
        self.m_del.clicked.connect(lambda: self._remove(self.m_list, self.measures))
        mrow.addWidget(self.m_add)
        mrow.addWidget(self.m_del)
        mrow.addStretch(1)
        ml.addLayout(mrow)
        layout.addWidget(self.m_box)
        self.m_form.set_values({"date": _today(self.wiz.db)})
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Problems and measures"))
        self.setSubTitle(self.tr("What is still difficult for the household, and what was agreed to do about it."))
        self.p_box.setTitle(self.tr("Problems found"))
        self.m_box.setTitle(self.tr("Measures agreed (logged as planned)"))
        self.p_text.setPlaceholderText(self.tr("Describe the problem"))
        self.p_add.setText(self.tr("Add problem"))
        self.p_del.setText(self.tr("Remove selected"))
        self.m_add.setText(self.tr("Add measure"))
        self.m_del.setText(self.tr("Remove selected"))
        self.p_category.refill()
        self._fill()

    def add_problem(self) -> None:
        text = self.p_text.text().strip()
        if not text:
            return
        self.problems.append({"category": self.p_category.code(), "text": text})
        self.p_text.clear()
        self._fill()

    def add_measure(self) -> None:
        values, problems = self.m_form.collect()
        if isinstance(values.get("amount_fen"), int) and values["amount_fen"] < 0:
            problems.append(FieldError("amount_fen", "value.negative", {}, "measure"))
        if problems or not values.get("category"):
            self.m_form.show_errors(problems or [self._required("category")])
            return
        on = values.get("date") or _today(self.wiz.db)
        self.measures.append({"category": values["category"], "content": values.get("content") or "",
                              "amount_fen": int(values.get("amount_fen") or 0),
                              "funding_source": values.get("funding_source") or "", "status": "01",
                              "on": on.isoformat()})
        self.m_form.set_values({"category": "", "content": "", "amount_fen": 0, "funding_source": "", "date": _today(self.wiz.db)})
        self._fill()

    def validatePage(self) -> bool:
        """What was typed but not yet added goes with the visit rather than being lost on Next."""
        if self.p_text.text().strip():
            self.add_problem()
        values, problems = self.m_form.collect()
        if problems:
            self.m_form.show_errors(problems)
            return False
        if values.get("content") or values.get("amount_fen"):
            before = len(self.measures)
            self.add_measure()
            return len(self.measures) > before
        return True

    @staticmethod
    def _required(name: str) -> Any:
        return FieldError(name, "value.required", {}, "measure")

    def _remove(self, widget: QListWidget, items: list[dict[str, Any]]) -> None:
        row = widget.currentRow()
        if 0 <= row < len(items):
            items.pop(row)
            self._fill()

    def _fill(self) -> None:
        self.p_list.clear()
        for p in self.problems:
            self.p_list.addItem(t("exit.line", label=fmt.label("measure_category", p["category"]), reason=p["text"])
                                if p["category"]
                                else p["text"])
        self.m_list.clear()
        for m in self.measures:
            amount = f" · {fmt.money(m['amount_fen'])}" if m.get("amount_fen") else ""
            head = t("exit.line", label=fmt.label("measure_category", m["category"]), reason=m.get("content", ""))
            self.m_list.addItem(f"{head}{amount}"
                                f" · {fmt.day(m.get('on'))}")

    def load_state(self, state: dict[str, Any]) -> None:
        self.problems = [dict(p) for p in state.get("problems") or []]
        self.measures = [dict(m) for m in state.get("measures") or []]
        self._fill()

    def store_state(self, state: dict[str, Any]) -> None:
        state["problems"] = [dict(p) for p in self.problems]
        state["measures"] = [dict(m) for m in self.measures]


class SatisfactionPage(Page):
    def __init__(self, wizard: VisitWizard) -> None:
        super().__init__(wizard)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.satisfaction = CodeCombo("satisfaction")
        self.satisfaction.setObjectName("visitSatisfaction")
        self.rating = CodeCombo("environment_rating")
        self.rating.setObjectName("visitEnvironment")
        self.flags = {key: QCheckBox() for key in visits.ENVIRONMENT_FLAGS}
        self.env_note = QLineEdit()
        self.env_note.setMaxLength(500)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("visitSummary")
        self.l_sat, self.l_rating, self.l_note, self.l_summary = QLabel(), QLabel(), QLabel(), QLabel()
        form.addRow(self.l_sat, self.satisfaction)
        form.addRow(self.l_rating, self.rating)
        flags = QHBoxLayout()
        for box in self.flags.values():
            flags.addWidget(box)
        flags.addStretch(1)
        form.addRow("", flags)
        form.addRow(self.l_note, self.env_note)
        form.addRow(self.l_summary, self.summary)
        layout.addLayout(form)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Satisfaction and living environment"))
        self.setSubTitle(self.tr("How satisfied the household is with the assistance, and how the home looks."))
        self.l_sat.setText(field_label("visit", "satisfaction"))
        self.l_rating.setText(field_label("visit", "environment"))
        self.l_note.setText(self.tr("Environment note"))
        self.l_summary.setText(field_label("visit", "summary"))
        texts = {"toilet": self.tr("Sanitary toilet in use"), "yard_tidy": self.tr("Yard tidy"),
                 "kitchen_clean": self.tr("Kitchen clean")}
        for key, box in self.flags.items():
            box.setText(texts[key])
        self.satisfaction.refill()
        self.rating.refill()

    def load_state(self, state: dict[str, Any]) -> None:
        self.satisfaction.set_code(state.get("satisfaction", ""))
        env = state.get("environment") or {}
        self.rating.set_code(env.get("rating", ""))
        for key, box in self.flags.items():
            box.setChecked(bool(env.get(key)))
        self.env_note.setText(env.get("note", ""))
        self.summary.setPlainText(state.get("summary", ""))

    def store_state(self, state: dict[str, Any]) -> None:
        state["satisfaction"] = self.satisfaction.code()
        env: dict[str, Any] = {key: True for key, box in self.flags.items() if box.isChecked()}
        if self.rating.code():
            env["rating"] = self.rating.code()
        if self.env_note.text().strip():
            env["note"] = self.env_note.text().strip()
        state["environment"] = env
        state["summary"] = self.summary.toPlainText().strip()


class PhotosPage(Page):
    """Photos imported from files (downscaled on import) and the household's confirmation."""

    def __init__(self, wizard: VisitWizard) -> None:
        super().__init__(wizard)
        self.photos: list[dict[str, Any]] = []
        self.sheet: str = ""
        self.signature_sha: str = ""
        self._signature_dirty = False
        self.busy = 0
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("visitPhotos")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(120, 90))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.itemChanged.connect(self._caption_changed)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.b_add = QPushButton()
        self.b_add.clicked.connect(self.choose_photos)
        self.b_del = QPushButton()
        self.b_del.clicked.connect(self.remove_photo)
        row.addWidget(self.b_add)
        row.addWidget(self.b_del)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = MessageLine()
        layout.addWidget(self.message)
        self.conf_box = QGroupBox()
        cl = QVBoxLayout(self.conf_box)
        self.r_none, self.r_sign, self.r_sheet = QRadioButton(), QRadioButton(), QRadioButton()
        self.r_none.setChecked(True)
        self.group = QButtonGroup(self)
        for r in (self.r_none, self.r_sign, self.r_sheet):
            self.group.addButton(r)
            cl.addWidget(r)
        self.pad = SignaturePad()
        self.pad.changed.connect(self._signed)
        self.b_clear = QPushButton()
        self.b_clear.clicked.connect(self.pad.clear)
        cl.addWidget(self.pad)
        cl.addWidget(self.b_clear, 0, Qt.AlignmentFlag.AlignLeft)
        srow = QHBoxLayout()
        self.b_sheet = QPushButton()
        self.b_sheet.clicked.connect(self.choose_sheet)
        self.sheet_label = QLabel()
        srow.addWidget(self.b_sheet)
        srow.addWidget(self.sheet_label, 1)
        cl.addLayout(srow)
        layout.addWidget(self.conf_box)
        self.group.buttonToggled.connect(lambda *_: self._mode())
        self._mode()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Photos and the household's confirmation"))
        self.setSubTitle(self.tr("Photos are reduced to 1600 pixels on import. The household confirms the visit "
                                 "by signing here or on the paper sheet."))
        self.b_add.setText(self.tr("Add photos…"))
        self.b_del.setText(self.tr("Remove selected photo"))
        self.conf_box.setTitle(self.tr("Household's confirmation"))
        self.r_none.setText(self.tr("Not confirmed (nobody able to sign was at home)"))
        self.r_sign.setText(self.tr("Signature drawn on the screen"))
        self.r_sheet.setText(self.tr("Photo of the signed paper sheet"))
        self.b_clear.setText(self.tr("Clear the signature"))
        self.b_sheet.setText(self.tr("Choose the photo of the sheet…"))
        self.sheet_label.setText(self.tr("sheet photo added") if self.sheet else "")
        self.pad.setToolTip(self.tr("Sign here with the mouse, touch pad or pen"))

    def _mode(self) -> None:
        self.pad.setEnabled(self.r_sign.isChecked())
        self.b_clear.setEnabled(self.r_sign.isChecked())
        self.b_sheet.setEnabled(self.r_sheet.isChecked())

    def _signed(self) -> None:
        self._signature_dirty = True
        if not self.pad.is_empty():
            self.r_sign.setChecked(True)

    # -- photos ----------------------------------------------------------------------------------
    def choose_photos(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose photos"), "",
                                                self.tr("Images (*.jpg *.jpeg *.png *.bmp *.heic *.webp);;All files (*)"))
        for path in paths:
            self.add_photo_file(path)

    def add_photo_file(self, path: str, caption: str = "") -> None:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            self.message.error(self.tr("The file could not be read."))
            return
        self.add_photo_bytes(data, caption)

    def add_photo_bytes(self, data: bytes, caption: str = "", sheet: bool = False) -> None:
        """Validate, downscale and store in a worker; the draft keeps only the hash."""
        db = self.wiz.db
        self.busy += 1
        self.completeChanged.emit()
        run_task(photos.store_photo, db, data, on_done=lambda img: self._stored(img, caption, sheet),
                 on_error=self._photo_failed, owner=self)

    def _stored(self, image: Any, caption: str, sheet: bool) -> None:
        self.busy -= 1
        self.message.clear_message()
        if sheet:
            self.sheet = image.sha256
            self.r_sheet.setChecked(True)
            self.sheet_label.setText(self.tr("sheet photo added"))
        elif not any(p["sha256"] == image.sha256 for p in self.photos):
            self.photos.append({"sha256": image.sha256, "caption": caption})
            self._fill()
        self.completeChanged.emit()
        self.wiz.save_draft()
        self.wiz.photo_stored.emit(image.sha256)

    def _photo_failed(self, exc: BaseException) -> None:
        self.busy -= 1
        text = str(exc) if isinstance(exc, BangfuError) else exc.__class__.__name__
        self.message.error(text)
        self.completeChanged.emit()
        self.wiz.photo_failed.emit(text)

    def choose_sheet(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Photo of the signed sheet"), "",
                                              self.tr("Images (*.jpg *.jpeg *.png *.bmp *.heic *.webp);;All files (*)"))
        if path:
            with open(path, "rb") as fh:
                self.add_photo_bytes(fh.read(), sheet=True)

    def remove_photo(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.photos):
            self.photos.pop(row)
            self._fill()

    def _caption_changed(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if 0 <= row < len(self.photos):
            self.photos[row]["caption"] = item.text()

    def _fill(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        db = self.wiz.db
        for p in self.photos:
            item = QListWidgetItem(p.get("caption") or "")
            data = photos.image_bytes(db, p["sha256"])
            if data:
                pixmap = QPixmap()
                pixmap.loadFromData(data)
                item.setIcon(QIcon(pixmap.scaled(120, 90, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation)))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def isComplete(self) -> bool:
        return self.busy == 0

    # -- state -----------------------------------------------------------------------------------
    def load_state(self, state: dict[str, Any]) -> None:
        self.photos = [dict(p) for p in state.get("photos") or []]
        conf = state.get("confirmation") or {}
        self.sheet = conf.get("sha256", "") if conf.get("kind") == "sheet" else ""
        self.signature_sha = conf.get("sha256", "") if conf.get("kind") == "signature" else ""
        {"signature": self.r_sign, "sheet": self.r_sheet}.get(conf.get("kind", ""), self.r_none).setChecked(True)
        self.sheet_label.setText(self.tr("sheet photo added") if self.sheet else "")
        self._fill()

    def store_state(self, state: dict[str, Any]) -> None:
        state["photos"] = [dict(p) for p in self.photos]
        if self.r_sign.isChecked():
            if self._signature_dirty and not self.pad.is_empty():
                self.signature_sha = photos.store_photo(self.wiz.db, self.pad.png_bytes(), signature=True).sha256
                self._signature_dirty = False
            state["confirmation"] = {"kind": "signature", "sha256": self.signature_sha} if self.signature_sha else {}
        elif self.r_sheet.isChecked() and self.sheet:
            state["confirmation"] = {"kind": "sheet", "sha256": self.sheet}
        else:
            state["confirmation"] = {}


class SummaryPage(Page):
    def __init__(self, wizard: VisitWizard) -> None:
        super().__init__(wizard)
        layout = QVBoxLayout(self)
        self.view = QTextBrowser()
        self.view.setObjectName("visitSummaryView")
        layout.addWidget(self.view, 1)
        self.message = MessageLine()
        self.message.setObjectName("visitSaveMessage")
        layout.addWidget(self.message)
        self.setFinalPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("Check everything, then save. The visit, its measures and the changes to the "
                                 "card are saved together."))
        if self.wiz.context is not None:
            self.render()

    def initializePage(self) -> None:
        self.render()

    def render(self) -> None:
        s = self.wiz.collect()
        ctx = self.wiz.context
        esc = _esc
        c = "：" if current_language().startswith("zh") else ": "  # the colon of the reader's language
        lines = []
        if ctx is not None:
            head = self.tr("{head} household").format(head=ctx.household.head_name)
            lines.append(f"<h3>{esc(head)}</h3>")
        when, by = self.tr("Visited at"), self.tr("Recorded by")
        lines.append(f"<p>{esc(when)}{c}{esc(fmt.day(s.get('visited_at')))} · {esc(by)}{c}{esc(self.wiz.db.actor.name)}</p>")
        changes = [m for m in s.get("members", []) if m.get("action") != "confirm"]
        present = sum(1 for m in s.get("members", []) if m.get("action") == "confirm")
        members = self.tr("Members")
        counted = self.tr("{n} confirmed present, {c} change(s)").format(n=present, c=len(changes))
        lines.append(f"<p><b>{esc(members)}</b>{c}{esc(counted)}</p>")
        names = {m.id: m.name for m in (ctx.members if ctx else [])}
        for change in changes:
            lines.append(f"<p>• {esc(self._change_text(change, names))}</p>")
        checks = s.get("checks", {})
        vc = code_list("visit_check")
        if checks:
            items = [f"{esc(vc.label(k))} {'✓' if v else '✗'}" for k, v in checks.items()]
            checked = self.tr("Checks")
            sep = "；" if current_language().startswith("zh") else "; "
            lines.append(f"<p><b>{esc(checked)}</b>{c}" + sep.join(items) + "</p>")
        if s.get("income"):
            net = sum(v for k, v in s["income"].items() if k != "business_expense_fen") - s["income"].get(
                "business_expense_fen", 0)
            label = self.tr("Net income {year}: {amount}").format(year=s.get("income_year"), amount=fmt.money(net))
            compared = self.wiz.pages[P_INCOME].summary.text()  # per capita against the line, as shown there
            lines.append(f"<p><b>{esc(label)}</b>" + (f"<br>{esc(compared)}" if compared else "") + "</p>")
        problem, measure = self.tr("Problem"), self.tr("Measure")
        for p in s.get("problems", []):
            lines.append(f"<p>• {esc(problem)}{c}{esc(p['text'])}</p>")
        for m in s.get("measures", []):
            amount = f" · {fmt.money(m['amount_fen'])}" if m.get("amount_fen") else ""
            lines.append(f"<p>• {esc(measure)}{c}{esc(fmt.label('measure_category', m['category']))} "
                         f"{esc(m.get('content', ''))}{esc(amount)}</p>")
        if s.get("satisfaction"):
            lines.append(f"<p><b>{esc(field_label('visit', 'satisfaction'))}</b>{c}"
                         f"{esc(fmt.label('satisfaction', s['satisfaction']))}</p>")
        rating = (s.get("environment") or {}).get("rating")
        if rating:
            lines.append(f"<p><b>{esc(self.tr('Living environment'))}</b>{c}"
                         f"{esc(fmt.label('environment_rating', rating))}</p>")
        photos_label, confirmed = self.tr("Photos"), self.tr("Household confirmation")
        kind = (s.get("confirmation") or {}).get("kind")
        answer = {"signature": self.tr("signature drawn on the screen"),
                  "sheet": self.tr("photo of the signed sheet")}.get(kind or "", self.tr("no"))
        lines.append(f"<p><b>{esc(photos_label)}</b>{c}{len(s.get('photos', []))} · <b>{esc(confirmed)}</b>{c}"
                     f"{esc(answer)}</p>")
        if not s.get("confirmation"):
            warning = self.tr("The household has not confirmed this visit.")
            lines.append(f"<p style='color:#ef6c00'>{esc(warning)}</p>")
        self.view.setHtml("".join(lines))

    def _change_text(self, change: dict[str, Any], names: dict[str, str]) -> str:
        """One member change in words: who, what, why and when."""
        reason = fmt.label("member_change_reason", change.get("reason", "")) if change.get("reason") else ""
        when = fmt.day(change.get("on")) if change.get("on") else ""
        detail = "，".join(x for x in (reason, when) if x) if current_language().startswith("zh") else \
            ", ".join(x for x in (reason, when) if x)
        if change.get("action") == "add":
            name = (change.get("data") or {}).get("name", "")
            return self.tr("joins: {name} ({detail})").format(name=name, detail=detail)
        name = names.get(change.get("member_id") or "", "")
        if change.get("action") == "remove":
            return self.tr("leaves: {name} ({detail})").format(name=name, detail=detail)
        fields = "、".join(field_label("member", k) for k in (change.get("changes") or {})) \
            if current_language().startswith("zh") else \
            ", ".join(field_label("member", k) for k in (change.get("changes") or {}))
        return self.tr("updated: {name} ({fields})").format(name=name, fields=fields)


def _esc(text: Any) -> str:
    import html

    return html.escape(str(text))


# ================================================================================================
# the wizard
# ================================================================================================
class VisitWizard(QWizard):
    #: the visit was saved (the Visit row)
    saved = Signal(object)
    #: saving failed (the exception); the wizard stays open on the page concerned
    save_failed = Signal(object)
    #: the draft was written (draft id)
    draft_saved = Signal(str)
    photo_stored = Signal(str)
    photo_failed = Signal(str)

    def __init__(self, window: Any, household_id: str | None = None, draft_id: str | None = None,
                 state: dict[str, Any] | None = None, step: int = 0) -> None:
        super().__init__(window)
        self.window_ = window
        self.db = window.db
        self.setObjectName("visitWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.resize(900, 680)
        self.draft_id = draft_id
        self.context: HouseholdContext | None = None
        self.saving = False
        #: the page holding the first problem of a refused save (for the user, and tests)
        self.failed_page: int | None = None
        self.pages: list[Page] = [HouseholdPage(self), MembersPage(self), ChecksPage(self), IncomePage(self),
                                  ProblemsPage(self), SatisfactionPage(self), PhotosPage(self), SummaryPage(self)]
        for i, page in enumerate(self.pages):
            self.setPage(i, page)
        self.state: dict[str, Any] = dict(state or {})
        hid = household_id or self.state.get("household_id")
        if hid:
            self.set_household(hid, keep_state=True)
        for page in self.pages:
            page.load_state(self.state)
        self.currentIdChanged.connect(self._page_changed)
        #: between page changes too: what was typed on a long page survives a crash within this interval
        self.autosave = QTimer(self)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self._autosave)
        self.autosave.start()
        self._saved_json = ""
        self.retranslate()
        if step:
            self._jump(step)

    # -- resume ----------------------------------------------------------------------------------
    @classmethod
    def resume(cls, window: Any, draft_id: str) -> VisitWizard:
        state, step = drafts.load_draft(window.db, draft_id)
        return cls(window, draft_id=draft_id, state=state, step=step)

    def _jump(self, step: int) -> None:
        """Go forward to ``step`` (QWizard keeps the visited pages' history for Back)."""
        self.restart()
        while self.currentId() < step and self.currentId() != -1:
            page = self.currentPage()
            if page is None or not page.isComplete():
                break
            before = self.currentId()
            self.next()
            if self.currentId() == before:  # the page refused its input (shown there): resume on it
                break

    # -- household -------------------------------------------------------------------------------
    def set_household(self, household_id: str, keep_state: bool = False) -> None:
        if self.context is not None and self.context.household.id == household_id:
            return
        previous = self.context.household.id if self.context else None
        self.context = load_context(self.db, household_id)
        if previous and previous != household_id and not keep_state:
            # another household: what was entered about the previous one does not apply
            visited = self.state.get("visited_at")
            self.state = {"household_id": household_id, "visited_at": visited}
            for page in self.pages[1:]:
                page.load_state(self.state)
        self.state["household_id"] = household_id
        for page in self.pages:
            page.context_changed()
        if not keep_state:
            self.save_draft()

    def visit_day(self) -> date:
        return self.pages[P_HOUSEHOLD].visited_at().astimezone().date()  # type: ignore[attr-defined]

    def members_page_delta(self) -> int:
        page = self.pages[P_MEMBERS]
        assert isinstance(page, MembersPage)
        return sum(1 if c["action"] == "add" else -1 if c["action"] == "remove" else 0 for c in page.changes)

    # -- state and drafts ------------------------------------------------------------------------
    def collect(self) -> dict[str, Any]:
        for page in self.pages:
            page.store_state(self.state)
        return self.state

    def save_draft(self) -> str | None:
        """Write the state to the draft (a single small row: done at once, before the page changes)."""
        if self.db is None or self.saving or self.context is None:
            return self.draft_id
        state = self.collect()
        step = max(self.currentId(), 0)
        self.draft_id = drafts.save_draft(self.db, state, step, self.draft_id)
        self._saved_json = json.dumps(state, sort_keys=True, default=str)
        self.draft_saved.emit(self.draft_id)
        return self.draft_id

    def _page_changed(self, page_id: int) -> None:
        if page_id >= 0:
            self.save_draft()

    def _autosave(self) -> None:
        """Write the draft if anything changed since it was last written (a small row; nothing otherwise)."""
        if self.db is None or self.saving or self.context is None or not self.isVisible():
            return
        if json.dumps(self.collect(), sort_keys=True, default=str) != self._saved_json:
            self.save_draft()

    # -- saving ----------------------------------------------------------------------------------
    def accept(self) -> None:
        if self.saving:
            return
        self.save_draft()
        state = dict(self.collect())
        self.saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        summary = self.pages[P_SUMMARY]
        assert isinstance(summary, SummaryPage)
        summary.message.info(self.tr("Saving…"))
        run_task(visits.record_visit_from_state, self.db, state, self.draft_id, on_done=self._saved,
                 on_error=self._failed, owner=self)

    def _saved(self, visit: Any) -> None:
        self.saving = False
        self.draft_id = None
        if self.context is not None:
            self.window_.notify_household_changed(self.context.household.id)
        status = getattr(self.window_, "statusBar", None)
        if callable(status):
            status().showMessage(self.tr("The visit was saved."), 8000)
        self.saved.emit(visit)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        summary = self.pages[P_SUMMARY]
        assert isinstance(summary, SummaryPage)
        if isinstance(exc, ValidationFailed):
            summary.message.error(str(exc))
            first = exc.errors[0]
            target = error_page(first.entity, first.field)
            if target != P_SUMMARY:
                summary.message.error(str(exc) + "\n" + self.tr("Go back to the page concerned to correct it."))
                self.failed_page = target
        else:
            summary.message.error(str(exc) if isinstance(exc, BangfuError) else exc.__class__.__name__)
        self.save_failed.emit(exc)

    def reject(self) -> None:
        """Closing keeps the draft: the visit can be resumed from Field work ▸ Resume."""
        if self.context is not None and not self.saving:
            self.save_draft()
            status = getattr(self.window_, "statusBar", None)
            if callable(status):
                status().showMessage(self.tr("The unfinished visit was kept as a draft."), 8000)
        super().reject()

    # -- language --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Household visit"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Save visit"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close (keep draft)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

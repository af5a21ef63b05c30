"""家庭成员: the members table and the add / edit / remove / make-head dialogs.

A member who leaves (死亡, 嫁出…) is not deleted: the service marks them inactive with the reason
and date, and the table can show them greyed out. Every change carries a reason code of the
right direction (in for joining, out for leaving).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
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

from app.codes import Code
from app.domain import Member
from app.idnumber import mask_id
from app.services import registry
from app.services.reference_date import reference_date
from ui import formatting as fmt
from ui.card.base import CardTab, run_write
from ui.card.data import CardData
from ui.forms import FieldSpec, FormPanel, field_title
from ui.models.rows import Column, RowsModel
from ui.widgets import MessageLine

HEAD = "01"


def _not_head(code: Code) -> bool:
    return code.code != HEAD


MEMBER_SPECS = (
    FieldSpec("name", required=True, max_len=30),
    FieldSpec("relation", "code", "relation", required=True, only=_not_head),
    FieldSpec("id_type", "code", "id_type", required=True),
    FieldSpec("id_number", max_len=20),
    FieldSpec("sex", "code", "sex"),
    FieldSpec("birth_date", "date"),
    FieldSpec("ethnicity", "code", "ethnicity"),
    FieldSpec("political", "code", "political"),
    FieldSpec("education", "code", "education"),
    FieldSpec("school_status", "code", "school_status"),
    FieldSpec("health", "code", "health"),
    FieldSpec("disability_type", "code", "disability_type"),
    FieldSpec("disability_grade", "code", "disability_grade"),
    FieldSpec("labour_skill", "code", "labour_skill"),
    FieldSpec("work_status", "code", "work_status"),
    FieldSpec("work_months", "int"),
    FieldSpec("work_employer", max_len=60),
    FieldSpec("residence_months", "int"),
    FieldSpec("med_insurance", "bool"),
    FieldSpec("serious_illness_insurance", "bool"),
    FieldSpec("pension_insurance", "bool"),
    FieldSpec("dibao", "bool"),
    FieldSpec("tekun", "bool"),
)


def _direction(direction: str) -> Any:
    return lambda code: code.extra.get("direction") == direction


def _reason_specs(direction: str) -> tuple[FieldSpec, ...]:
    return (FieldSpec("change_reason", "code", "member_change_reason", only=_direction(direction)),
            FieldSpec("change_date", "date"))


class MemberDialog(QDialog):
    """Add a member (with the reason they joined) or edit one. Errors appear under the fields."""

    def __init__(self, card: Any, member: Member | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent or card)
        self.card = card
        self.member = member
        self.busy = False
        self.saved: Any = None
        self.setObjectName("memberDialog")
        layout = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        specs = MEMBER_SPECS
        if member is not None and member.relation == HEAD:
            # the head's relation changes only through "make head" (exactly one head)
            specs = tuple(FieldSpec("relation", "code", "relation", required=True, readonly=True)
                          if s.name == "relation" else s for s in MEMBER_SPECS)
        self.form = FormPanel("member", specs, columns=2, stretch=False)
        self.reason_form: FormPanel | None = None
        self.reason_box = QGroupBox()
        if member is None:
            self.reason_form = FormPanel("member", _reason_specs("in"), columns=2, stretch=False)
            self.reason_form.setObjectName("reasonForm")
            box_layout = QVBoxLayout(self.reason_box)
            box_layout.addWidget(self.reason_form)
            inner_layout.addWidget(self.reason_box)
        else:
            self.reason_box.hide()
        inner_layout.addWidget(self.form)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666;")
        inner_layout.addWidget(self.hint)
        inner_layout.addStretch(1)
        if self.reason_form is not None:
            self.reason_form.set_values({"change_reason": "", "change_date": reference_date(card.db)})
            self.form.set_values({"id_type": "01", "ethnicity": "01", "residence_months": 12, "relation": "",
                                  "work_months": 0})
        else:
            assert member is not None
            self.form.set_values({name: getattr(member, name) for name in self.form.specs})
        scroll.setWidget(inner)
        layout.addWidget(scroll)
        self.message = MessageLine()
        self.message.setObjectName("memberMessage")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(860, 640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a member") if self.member is None else self.tr("Edit member"))
        self.reason_box.setTitle(self.tr("Why and when the member joins"))
        self.hint.setText(self.tr("Sex and date of birth are taken from an 18-digit ID number when left empty."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def submit(self) -> None:
        if self.busy:
            return
        values, problems = self.form.collect()
        reason: dict[str, Any] = {}
        if self.reason_form is not None:
            reason, more = self.reason_form.collect()
            problems += more
        if problems:
            self.form.show_errors(problems)
            return
        db, hid = self.card.db, self.card.household_id
        self.busy = True
        self.buttons.setEnabled(False)
        if self.member is None:
            data = {k: v for k, v in values.items() if v not in ("", None)}
            run_write(self, _add_member, db, hid, data, reason.get("change_reason", ""), reason.get("change_date"),
                      form=[self.form, self.reason_form], message=self.message, on_saved=self._saved, on_finally=self._idle)
        else:
            changes = self.form.changes()
            if not changes:
                self._idle()
                self.reject()
                return
            run_write(self, registry.update_member, db, self.member.id, changes, form=self.form,
                      message=self.message, on_saved=self._saved, on_finally=self._idle)

    def _idle(self) -> None:
        self.busy = False
        self.buttons.setEnabled(True)

    def _saved(self, result: Any) -> None:
        self.saved = result
        self.accept()

    def show_errors(self, exc: Any) -> None:  # pragma: no cover - convenience for plugins
        self.form.show_errors(exc.errors)


def _add_member(db: Any, household_id: str, data: dict[str, Any], reason: str, on: date | None) -> Member:
    """Reason problems are reported on the reason fields, the rest on the member form."""
    return registry.add_member(db, household_id, data, reason, on)


class RemoveMemberDialog(QDialog):
    """A member leaves: reason (死亡, 嫁出, 出国定居, 判刑收监, 其他转出) and date."""

    def __init__(self, card: Any, member: Member, parent: QWidget | None = None) -> None:
        super().__init__(parent or card)
        self.card = card
        self.member = member
        self.busy = False
        self.setObjectName("removeMemberDialog")
        layout = QVBoxLayout(self)
        self.who = MessageLine()
        layout.addWidget(self.who)
        self.form = FormPanel("member", _reason_specs("out"), columns=1)
        self.form.set_values({"change_reason": "", "change_date": reference_date(card.db)})
        layout.addWidget(self.form)
        self.message = MessageLine()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Member leaves the household"))
        self.who.info(self.tr("{name} will no longer be counted in the household. The record is kept.").format(
            name=self.member.name))

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
        self.busy = True
        run_write(self, registry.remove_member, self.card.db, self.member.id, values["change_reason"],
                  values["change_date"], form=self.form, message=self.message, on_saved=lambda _r: self.accept(),
                  on_finally=self._idle)

    def _idle(self) -> None:
        self.busy = False


class HeadDialog(QDialog):
    """Make another member the head; the current head gets a new relation."""

    def __init__(self, card: Any, member: Member, parent: QWidget | None = None) -> None:
        super().__init__(parent or card)
        self.card = card
        self.member = member
        self.busy = False
        layout = QVBoxLayout(self)
        self.who = MessageLine()
        layout.addWidget(self.who)
        self.form = FormPanel("member", (FieldSpec("relation", "code", "relation", required=True, only=_not_head,
                                                   label=lambda: self.tr("Former head's new relation")),),
                              columns=1)
        layout.addWidget(self.form)
        self.message = MessageLine()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change the head of household"))
        self.who.info(self.tr("{name} becomes the head of household.").format(name=self.member.name))
        self.form.retranslate()

    def submit(self) -> None:
        if self.busy:
            return
        values, _ = self.form.collect()
        self.busy = True
        run_write(self, registry.change_head, self.card.db, self.card.household_id, self.member.id,
                  values["relation"], form=self.form, message=self.message, on_saved=lambda _r: self.accept(),
                  on_finally=lambda: setattr(self, "busy", False))


def _tick(value: bool) -> str:
    return "✓" if value else ""


class MembersTab(CardTab):
    def __init__(self, card) -> None:  # type: ignore[no-untyped-def]
        super().__init__(card)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_button = QPushButton()
        self.add_button.setObjectName("addMember")
        self.edit_button = QPushButton()
        self.remove_button = QPushButton()
        self.head_button = QPushButton()
        self.show_former = QCheckBox()
        for b in (self.add_button, self.edit_button, self.remove_button, self.head_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.show_former)
        layout.addLayout(bar)
        self.model = RowsModel(self._columns())
        self.model.dim = lambda m: not m.active
        self.table = QTableView()
        self.table.setObjectName("membersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        layout.addWidget(self.table)
        self.message = MessageLine()
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.head_button.clicked.connect(self.make_head)
        self.show_former.toggled.connect(lambda _c: self._fill())
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, activated=self.remove)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.edit)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self._data: CardData | None = None
        self.retranslate()

    def _columns(self) -> list[Column]:
        def f(name: str) -> Any:
            return lambda: field_title("member", name)

        return [
            Column(f("name"), lambda m: m.name),
            Column(f("relation"), lambda m: fmt.label("relation", m.relation)),
            Column(f("sex"), lambda m: fmt.label("sex", m.sex)),
            Column(f("id_number"), lambda m: mask_id(m.id_number) if m.id_number else ""),
            Column(f("birth_date"), lambda m: fmt.day(m.birth_date)),
            Column(lambda: self.tr("Age"), lambda m: fmt.age_on(m.birth_date), align_right=True),
            Column(f("education"), lambda m: fmt.label("education", m.education)),
            Column(f("school_status"), lambda m: fmt.label("school_status", m.school_status)),
            Column(f("health"), lambda m: fmt.label("health", m.health)),
            Column(f("labour_skill"), lambda m: fmt.label("labour_skill", m.labour_skill)),
            Column(f("work_status"), lambda m: fmt.label("work_status", m.work_status)),
            Column(lambda: self.tr("Med. insurance"), lambda m: _tick(m.med_insurance)),
            Column(lambda: self.tr("Status"), self._status),
        ]

    def _status(self, m: Member) -> str:
        if m.active:
            return self.tr("Living in the household")
        return self.tr("Left: {reason}, {date}").format(reason=fmt.label("member_change_reason", m.change_reason),
                                                        date=fmt.day(m.change_date))

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("&Add member…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.remove_button.setText(self.tr("Member &leaves…"))
        self.head_button.setText(self.tr("Make &head…"))
        self.show_former.setText(self.tr("Show former members"))
        self.model.retranslate()

    def show_data(self, data: CardData) -> None:
        self._data = data
        self._fill()

    def _fill(self) -> None:
        if self._data is None:
            return
        members = self._data.members if self.show_former.isChecked() else self._data.living
        self.model.set_rows(members)
        self._enable()

    def selected(self) -> Member | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            index = self.table.currentIndex()
            return self.model.row_at(index.row()) if index.isValid() else None
        return self.model.row_at(rows[0].row())

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _enable(self) -> None:
        editable = self.card.can("member.edit")
        m = self.selected()
        self.add_button.setEnabled(editable)
        self.edit_button.setEnabled(editable and m is not None and m.active)
        self.remove_button.setEnabled(editable and m is not None and m.active and m.relation != HEAD)
        self.head_button.setEnabled(editable and m is not None and m.active and m.relation != HEAD)

    def add(self) -> MemberDialog | None:
        if not self.card.can("member.edit"):
            return None
        dialog = MemberDialog(self.card)
        dialog.accepted.connect(self.card.after_save)
        dialog.open()
        return dialog

    def edit(self) -> MemberDialog | None:
        m = self.selected()
        if m is None or not m.active or not self.card.can("member.edit"):
            return None
        dialog = MemberDialog(self.card, m)
        dialog.accepted.connect(self.card.after_save)
        dialog.open()
        return dialog

    def remove(self) -> RemoveMemberDialog | None:
        m = self.selected()
        if m is None or not m.active or m.relation == HEAD or not self.card.can("member.edit"):
            return None
        dialog = RemoveMemberDialog(self.card, m)
        dialog.accepted.connect(self.card.after_save)
        dialog.open()
        return dialog

    def make_head(self) -> HeadDialog | None:
        m = self.selected()
        if m is None or not m.active or m.relation == HEAD or not self.card.can("member.edit"):
            return None
        dialog = HeadDialog(self.card, m)
        dialog.accepted.connect(self.card.after_save)
        dialog.open()
        return dialog

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()

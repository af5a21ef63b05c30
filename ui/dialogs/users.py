"""用户管理: the task force's users on this laptop (add, remove, passphrase, role).

Everything goes through app.services.users, which enforces who may grant which role and audits
each change; this dialog only greys out what the signed-in user may not do.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import BangfuError
from app.services import users as user_service
from app.services.permissions import may_grant
from app.validation import MIN_PASSPHRASE
from ui import formatting as fmt
from ui.forms import CodeCombo
from ui.models.rows import Column, RowsModel
from ui.widgets import MessageLine, StrengthHint
from ui.workers import run_task


class PassphraseDialog(QDialog):
    """New passphrase twice (+ the current one when changing one's own), or a new user."""

    def __init__(self, mode: str, name: str = "", actor_role: str = "village", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode  # "own" | "reset" | "add"
        self.setObjectName("passphraseDialog")
        form = QFormLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        form.addRow(self.intro)
        self.name = QLineEdit(name)
        self.name.setObjectName("newUserName")
        self.name.setMaxLength(30)
        self.role = CodeCombo("role", required=True, only=lambda c: may_grant(actor_role, c.code))
        self.role.setObjectName("newUserRole")
        self.old = QLineEdit()
        self.old.setObjectName("oldPassphrase")
        self.new = QLineEdit()
        self.new.setObjectName("newPassphrase")
        self.again = QLineEdit()
        self.again.setObjectName("newPassphraseAgain")
        for edit in (self.old, self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = StrengthHint(self.new)
        self.labels = [QLabel() for _ in range(5)]
        for label, buddy in zip(self.labels, (self.name, self.role, self.old, self.new, self.again), strict=True):
            label.setBuddy(buddy)
        if mode == "add":
            form.addRow(self.labels[0], self.name)
            form.addRow(self.labels[1], self.role)
        if mode == "own":
            form.addRow(self.labels[2], self.old)
        form.addRow(self.labels[3], self.new)
        form.addRow("", self.strength)
        form.addRow(self.labels[4], self.again)
        self.message = MessageLine()
        self.message.setObjectName("passphraseMessage")
        form.addRow(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()

    def retranslate(self) -> None:
        titles = {"own": self.tr("Change my passphrase"), "reset": self.tr("Set a new passphrase"),
                  "add": self.tr("Add a user")}
        self.setWindowTitle(titles[self.mode])
        intros = {
            "own": self.tr("Your new passphrase replaces the old one on this laptop."),
            "reset": self.tr("Give {name} a new passphrase and tell it to them in person.").format(name=self.name.text()),
            "add": self.tr("A colleague gets their own passphrase; everything they change is recorded under their name."),
        }
        self.intro.setText(intros[self.mode])
        for label, text in zip(self.labels, (self.tr("&Name"), self.tr("&Role"), self.tr("C&urrent passphrase"),
                                             self.tr("&New passphrase"), self.tr("Passphrase &again")), strict=True):
            label.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def check(self) -> None:
        if self.mode == "add" and not self.name.text().strip():
            self.message.error(self.tr("Enter the colleague's name."))
        elif len(self.new.text()) < MIN_PASSPHRASE:
            self.message.error(self.tr("The passphrase needs at least {n} characters.").format(n=MIN_PASSPHRASE))
        elif self.new.text() != self.again.text():
            self.message.error(self.tr("The two passphrases differ."))
        else:
            self.accept()


class UsersDialog(QDialog):
    #: an add/remove/passphrase/role change finished (True) or was refused (False)
    done_action = Signal(bool)

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("usersDialog")
        layout = QVBoxLayout(self)
        self.model = RowsModel([
            Column(lambda: self.tr("Name"), lambda u: u.name),
            Column(lambda: self.tr("Role"), lambda u: fmt.label("role", u.role)),
            Column(lambda: self.tr("Signed in"), lambda u: "✓" if u.is_current else ""),
        ])
        self.table = QTableView()
        self.table.setObjectName("usersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        bar = QHBoxLayout()
        self.add_button, self.remove_button, self.reset_button, self.own_button = (QPushButton() for _ in range(4))
        self.role_combo = CodeCombo("role", required=True, only=lambda c: may_grant(self.db.actor.role, c.code))
        self.role_button = QPushButton()
        for w in (self.add_button, self.remove_button, self.reset_button, self.own_button, self.role_combo,
                  self.role_button):
            bar.addWidget(w)
        layout.addLayout(bar)
        self.message = MessageLine()
        self.message.setObjectName("usersMessage")
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.reset_button.clicked.connect(self.reset)
        self.own_button.clicked.connect(self.change_own)
        self.role_button.clicked.connect(self.change_role)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.resize(620, 380)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Users of this laptop"))
        self.add_button.setText(self.tr("&Add…"))
        self.remove_button.setText(self.tr("&Remove"))
        self.reset_button.setText(self.tr("&New passphrase…"))
        self.own_button.setText(self.tr("Change &my passphrase…"))
        self.role_button.setText(self.tr("Set r&ole"))
        self.role_combo.refill()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        run_task(user_service.list_users, self.db, on_done=self._show, on_error=self._error, owner=self)

    def _show(self, rows: list[user_service.UserInfo]) -> None:
        chosen = self.selected()
        self.model.set_rows(rows)
        names = [u.name for u in rows]
        if chosen is not None and chosen.name in names:  # the same colleague stays selected
            self.table.selectRow(names.index(chosen.name))
        self._enable()

    def selected(self) -> user_service.UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _enable(self) -> None:
        u = self.selected()
        role = self.db.actor.role
        other = u is not None and not u.is_current and may_grant(role, u.role)
        self.remove_button.setEnabled(other)
        self.reset_button.setEnabled(other)
        self.role_button.setEnabled(other)
        self.role_combo.setEnabled(other)
        if u is not None:
            self.role_combo.set_code(u.role)

    def _error(self, exc: BaseException) -> None:
        self.message.error(str(exc) if isinstance(exc, BangfuError) else exc.__class__.__name__)
        self.done_action.emit(False)

    def _ok(self, text: str) -> None:
        self.message.info(text)
        self.refresh()
        self.done_action.emit(True)

    def add(self) -> PassphraseDialog:
        dialog = PassphraseDialog("add", actor_role=self.db.actor.role, parent=self)

        def go() -> None:
            name = dialog.name.text().strip()
            run_task(user_service.add_user, self.db, name, dialog.new.text(), dialog.role.code(),
                     on_done=lambda _r: self._ok(self.tr("{name} was added.").format(name=name)),
                     on_error=self._error, owner=self)

        dialog.accepted.connect(go)
        dialog.open()
        return dialog

    def remove(self) -> None:
        u = self.selected()
        if u is None:
            return
        answer = QMessageBox.question(self, self.tr("Remove user"), self.tr(
            "Remove {name}? They can no longer sign in; what they recorded stays.").format(name=u.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.remove_confirmed(u.name)

    def remove_confirmed(self, name: str) -> None:
        run_task(user_service.remove_user, self.db, name,
                 on_done=lambda _r: self._ok(self.tr("{name} was removed.").format(name=name)), on_error=self._error,
                 owner=self)

    def reset(self) -> PassphraseDialog | None:
        u = self.selected()
        if u is None:
            return None
        dialog = PassphraseDialog("reset", name=u.name, parent=self)
        dialog.accepted.connect(lambda: run_task(
            user_service.change_passphrase, self.db, u.name, dialog.new.text(),
            on_done=lambda _r: self._ok(self.tr("The passphrase was changed.")), on_error=self._error, owner=self))
        dialog.open()
        return dialog

    def change_own(self) -> PassphraseDialog:
        dialog = PassphraseDialog("own", name=self.db.actor.name, parent=self)
        dialog.accepted.connect(lambda: run_task(
            user_service.change_passphrase, self.db, self.db.actor.name, dialog.new.text(), dialog.old.text(),
            on_done=lambda _r: self._ok(self.tr("The passphrase was changed.")), on_error=self._error, owner=self))
        dialog.open()
        return dialog

    def change_role(self) -> None:
        u = self.selected()
        if u is None:
            return
        role = self.role_combo.code()
        run_task(user_service.set_role, self.db, u.name, role,
                 on_done=lambda _r: self._ok(self.tr("The role was changed.")), on_error=self._error, owner=self)

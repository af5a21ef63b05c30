"""The "Sync" menu, the sync panel and the conflict review screen.

Installed through ``ui/plugins.py``. The panel shows the county server, the last successful sync,
how many changes wait, refused changes with their reason in plain language (retry or discard),
and a progress bar with Cancel while a sync runs in a worker. The conflict screen lists every
field the county kept while this laptop proposed another value — who changed it there, when,
their value and ours — and lets the user keep the county's value or re-apply their own.

Once the laptop is enrolled, an automatic sync watches for the server and syncs when a
connection appears (app.sync.auto); the status bar shows the pending count and the last sync.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from app.errors import BangfuError
from app.i18n import t

log = logging.getLogger(__name__)


def install(window: Any) -> None:
    window.sync_menu = SyncMenu(window)


def _when(stamp: str | datetime | None) -> str:
    if not stamp:
        return "—"
    value = datetime.fromisoformat(stamp) if isinstance(stamp, str) else stamp
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def entity_label(entity: str) -> str:
    """What a person calls a kind of record (the raw name for kinds added later)."""
    labels = {
        "village": QCoreApplication.translate("Sync", "Village"),
        "household": QCoreApplication.translate("Sync", "Household"),
        "member": QCoreApplication.translate("Sync", "Member"),
        "income": QCoreApplication.translate("Sync", "Income"),
        "conditions": QCoreApplication.translate("Sync", "Living conditions"),
        "helper_assignment": QCoreApplication.translate("Sync", "Helper"),
        "measure": QCoreApplication.translate("Sync", "Assistance measure"),
        "visit": QCoreApplication.translate("Sync", "Visit"),
        "lifecycle_request": QCoreApplication.translate("Sync", "Status change request"),
        "lifecycle_event": QCoreApplication.translate("Sync", "Status change"),
        "fund_project": QCoreApplication.translate("Sync", "Fund project"),
    }
    return labels.get(entity, entity)


def kind_label(kind: str) -> str:
    labels = {"create": QCoreApplication.translate("Sync", "new"), "append": QCoreApplication.translate("Sync", "new"),
              "patch": QCoreApplication.translate("Sync", "change"),
              "delete": QCoreApplication.translate("Sync", "deletion")}
    return labels.get(kind, kind)


class SyncMenu(QObject):
    """Menu actions, the status-bar line and the automatic sync of one main window."""

    #: start the automatic sync once enrolled (tests that drive syncs by hand switch it off)
    AUTO = True

    #: a sync finished (report) or failed (error message); for the panel and tests
    finished = Signal(object, str)
    #: automatic sync reported from its thread (queued to the GUI thread)
    _auto_result = Signal(object, str)
    #: a dialog was opened (for tests and tours)
    opened = Signal(object)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.task: Any = None
        self.auto: Any = None
        self.panel: SyncPanel | None = None
        self.dialogs: list[Any] = []
        window.menu("sync", lambda: self.tr("S&ync"))
        self.act_sync = window.add_menu_action("sync", lambda: self.tr("&Sync now"), self.sync_now,
                                               shortcut="Ctrl+Shift+Y")
        self.act_panel = window.add_menu_action("sync", lambda: self.tr("Sync &panel…"), self.show_panel)
        self.act_conflicts = window.add_menu_action("sync", lambda: self.tr("&Conflicts to review…"),
                                                    self.show_conflicts)
        window.menu("sync").addSeparator()
        self.act_enroll = window.add_menu_action("sync", lambda: self.tr("&Enroll this laptop…"), self.enroll)
        self.act_export = window.add_menu_action("sync", lambda: self.tr("E&xport offline bundle (USB)…"),
                                                 self.export_bundle)
        self.act_import = window.add_menu_action("sync", lambda: self.tr("&Import return bundle…"),
                                                 self.import_bundle)
        self.status_label = QLabel()
        window.statusBar().addPermanentWidget(self.status_label)
        if hasattr(window, "on_retranslate"):
            window.on_retranslate(self.refresh_status)  # the status line follows the UI language
        self._auto_result.connect(self._on_auto)
        if getattr(window, "db", None) is not None:
            self.attached(window.db)
        signal = getattr(window, "database_attached", None)
        if signal is not None:
            signal.connect(self.attached)

    # -- database and automatic sync --------------------------------------------------------
    @property
    def db(self) -> Any:
        return getattr(self.window, "db", None)

    def attached(self, db: Any) -> None:
        from app.sync.reference import load_reference

        try:
            load_reference(db)  # the county's code lists, lines and settings are in effect
        except Exception:  # a bad stored item must never stop the app; it is logged there
            pass
        self.refresh_status()
        self.start_auto()

    def start_auto(self) -> None:
        from app.sync.auto import AutoSync
        from app.sync.client import is_enrolled

        db = self.db
        if (not self.AUTO or db is None or self.auto is not None or getattr(db, "is_training_cached", False)
                or not is_enrolled(db)):
            return
        self.auto = AutoSync(db, on_result=lambda report, error: self._auto_result.emit(
            report, str(error) if error else ""))
        self.auto.start()
        self.window.destroyed.connect(lambda *_: self.stop_auto())

    def stop_auto(self) -> None:
        if self.auto is not None:
            self.auto.stop(timeout=2)
            self.auto = None

    def _on_auto(self, report: Any, error: str) -> None:
        self.refresh_status()
        self.finished.emit(report, error)

    def status(self) -> dict[str, Any]:
        from app.sync.client import status

        return status(self.db)

    def refresh_status(self) -> None:
        if self.db is None:
            self.status_label.setText("")
            return
        try:
            info = self.status()
        except Exception:
            self.status_label.setText("")
            return
        if not info["enrolled"]:
            self.status_label.setText(self.tr("Not enrolled with the county server"))
            return
        text = self.tr("Last sync: {when} · Pending: {n}").format(when=_when(info["last_ok"]), n=info["pending"])
        if info["conflicts"]:
            text += self.tr(" · Conflicts: {n}").format(n=info["conflicts"])
        self.status_label.setText(text)
        if self.panel is not None:
            self.panel.show_status(info)

    # -- actions ----------------------------------------------------------------------------
    def sync_now(self) -> Any:
        """Run one sync in a worker; progress and errors go to the panel and the status bar."""
        from app.sync.client import sync

        if self.db is None or self.task is not None:
            return None
        db = self.db

        def work(task: Any) -> Any:
            return sync(db, progress=lambda stage, done, total: task.progress(done, total, stage),
                        cancel=lambda: task.cancelled)

        self.task = self.window.run_task(work, on_done=self._done, on_error=self._failed,
                                         on_progress=self._progress, on_cancel=self._cancelled)
        if self.panel is not None:
            self.panel.running(True)
        return self.task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progress(self, done: int, total: int, stage: str) -> None:
        if self.panel is not None:
            self.panel.progress(stage, done, total)

    def _finish(self) -> None:
        self.task = None
        if self.panel is not None:
            self.panel.running(False)
        self.refresh_status()
        refresh = getattr(self.window, "refresh", None)  # the list and open cards show pulled changes
        if callable(refresh):
            refresh()

    def _done(self, report: Any) -> None:
        self._finish()
        message = self.tr("Sync done: {sent} sent, {received} received, {conflicts} conflicts, {refused} refused").format(
            sent=report.applied + report.conflicts, received=report.pulled, conflicts=report.conflicts,
            refused=report.rejected)
        for warning in report.warnings:
            message += "\n" + warning
        self.window.statusBar().showMessage(message.splitlines()[0], 15000)
        if self.panel is not None:
            self.panel.show_message(message)
        self.start_auto()
        self.finished.emit(report, "")

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, BangfuError):
            log.error("sync failed: %s", type(exc).__name__)  # the type only: messages may hold data
        self._finish()
        text = str(exc) if isinstance(exc, BangfuError) else self.tr("The sync stopped unexpectedly.")
        self.window.statusBar().showMessage(text, 15000)
        if self.panel is not None:
            self.panel.show_message(text, error=True)
        self.finished.emit(None, text)

    def _cancelled(self) -> None:
        self._finish()
        text = t("sync.cancelled")
        if self.panel is not None:
            self.panel.show_message(text)
        self.finished.emit(None, text)

    def _show(self, dialog: Any) -> Any:
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.show()
        self.opened.emit(dialog)
        return dialog

    def show_panel(self) -> SyncPanel:
        if self.panel is None:
            self.panel = SyncPanel(self)
        self.panel.show_status(self.status())
        self._show(self.panel)
        self.panel.raise_()
        return self.panel

    def show_conflicts(self) -> ConflictDialog:
        return self._show(ConflictDialog(self))

    def enroll(self, code: str | None = None, server: str | None = None) -> bool:
        from app.sync.client import enroll

        if self.db is None:
            return False
        if server is None:
            server, ok = QInputDialog.getText(self.window, self.tr("Enroll this laptop"),
                                              self.tr("County server address (e.g. http://10.1.2.3:8765):"))
            if not ok or not server.strip():
                return False
        if code is None:
            code, ok = QInputDialog.getText(self.window, self.tr("Enroll this laptop"),
                                            self.tr("One-time enrollment code from the county:"), QLineEdit.EchoMode.Normal)
            if not ok or not code.strip():
                return False
        try:
            info = enroll(self.db, code.strip(), server.strip())
        except BangfuError as exc:
            QMessageBox.warning(self.window, self.tr("Enroll this laptop"), str(exc))
            return False
        message = self.tr("Enrolled: role {role}, villages {villages}").format(
            role=info["role"], villages=",".join(info["villages"]))
        self.window.statusBar().showMessage(message, 15000)
        if info.get("messages") and self.panel is not None:  # a re-enrollment for fewer villages
            self.panel.show_message("\n".join([message, *info["messages"]]))
        self.refresh_status()
        self.start_auto()
        return True

    def export_bundle(self, path: str | None = None) -> dict[str, int] | None:
        from pathlib import Path

        from app.sync.bundle import export_bundle

        if self.db is None:
            return None
        if path is None:
            path, _f = QFileDialog.getSaveFileName(self.window, self.tr("Export offline bundle"), "bangfu-sync.bfb",
                                                   self.tr("Sync bundles (*.bfb)"))
            if not path:
                return None
        try:
            counts = export_bundle(self.db, Path(path))
        except BangfuError as exc:
            QMessageBox.warning(self.window, self.tr("Export offline bundle"), str(exc))
            return None
        self.window.statusBar().showMessage(self.tr("Bundle written: {ops} changes, {files} attachments").format(
            ops=counts["ops"], files=counts["attachments"]), 15000)
        return counts

    def import_bundle(self, path: str | None = None) -> dict[str, int] | None:
        from pathlib import Path

        from app.sync.bundle import import_bundle

        if self.db is None:
            return None
        if path is None:
            path, _f = QFileDialog.getOpenFileName(self.window, self.tr("Import return bundle"), "",
                                                   self.tr("Sync bundles (*.bfb)"))
            if not path:
                return None
        try:
            counts = import_bundle(self.db, Path(path))
        except BangfuError as exc:
            QMessageBox.warning(self.window, self.tr("Import return bundle"), str(exc))
            return None
        self._finish()
        self.window.statusBar().showMessage(self.tr("Bundle imported: {n} answers, {m} changes received").format(
            n=counts["answered"], m=counts["pulled"]), 15000)
        return counts


class SyncPanel(QDialog):
    """Server, last success, pending, refused changes, progress with Cancel, errors in plain words."""

    def __init__(self, menu: SyncMenu) -> None:
        super().__init__(menu.window)
        self.menu = menu
        self.setWindowTitle(self.tr("Sync with the county"))
        self.setObjectName("sync_panel")
        self.server = QLabel()
        self.scope = QLabel()
        self.last_ok = QLabel()
        self.pending = QLabel()
        self.conflicts = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("County server:"), self.server)
        form.addRow(self.tr("Role and villages:"), self.scope)
        form.addRow(self.tr("Last successful sync:"), self.last_ok)
        form.addRow(self.tr("Changes waiting to be sent:"), self.pending)
        form.addRow(self.tr("Conflicts to review:"), self.conflicts)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.clicked.connect(menu.sync_now)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(menu.cancel)
        self.cancel_button.setEnabled(False)
        self.review_button = QPushButton(self.tr("Review conflicts…"))
        self.review_button.clicked.connect(menu.show_conflicts)
        buttons = QHBoxLayout()
        for b in (self.sync_button, self.cancel_button, self.review_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.refused = QListWidget()
        self.retry_button = QPushButton(self.tr("Send again"))
        self.retry_button.clicked.connect(self.retry_selected)
        self.discard_button = QPushButton(self.tr("Discard (take the county's data)"))
        self.discard_button.clicked.connect(self.discard_selected)
        refused_buttons = QHBoxLayout()
        refused_buttons.addWidget(self.retry_button)
        refused_buttons.addWidget(self.discard_button)
        refused_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Changes the county refused (they never hold up the others):")))
        layout.addWidget(self.refused)
        layout.addLayout(refused_buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        layout.addWidget(close)
        self.resize(620, 520)

    def show_status(self, info: dict[str, Any]) -> None:
        from app.sync import outbox

        self.server.setText(info["server"] or self.tr("not enrolled"))
        self.scope.setText(f"{info['role'] or '—'} · {','.join(info['villages']) or '—'}")
        self.last_ok.setText(_when(info["last_ok"]))
        self.pending.setText(str(info["pending"]))
        self.conflicts.setText(str(info["conflicts"]))
        self.review_button.setEnabled(info["conflicts"] > 0)
        if info["last_error"] and not self.message.text():
            self.show_message(t(info["last_error"], attempts="…", status="…"), error=True)
        if abs(info.get("skew_s") or 0) > 300:
            self.show_message(t("sync.clock_skew", minutes=round(abs(info["skew_s"]) / 60)), error=True)
        self.refused.clear()
        from app.commands.sync import reject_reason

        for op in outbox.quarantined(self.menu.db):
            item = QListWidgetItem(self.tr("{entity} ({kind}) on {when}: {reason}").format(
                entity=entity_label(op.entity), kind=kind_label(op.kind), when=_when(op.created_at),
                reason=reject_reason(op.result_code)))
            item.setData(Qt.ItemDataRole.UserRole, op.op_id)
            self.refused.addItem(item)
        has = self.refused.count() > 0
        self.retry_button.setEnabled(has)
        self.discard_button.setEnabled(has)

    def running(self, on: bool) -> None:
        self.sync_button.setEnabled(not on)
        self.cancel_button.setEnabled(on)
        self.bar.setVisible(on)
        if on:
            self.bar.setRange(0, 0)
            self.show_message(self.tr("Syncing…"))

    def progress(self, stage: str, done: int, total: int) -> None:
        names = {"push": self.tr("Sending changes"), "upload": self.tr("Sending photos"),
                 "pull": self.tr("Receiving changes"), "download": self.tr("Fetching photos")}
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))
        self.message.setText(f"{names.get(stage, stage)} {done}/{total}")

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    def _selected(self) -> str | None:
        item = self.refused.currentItem() or (self.refused.item(0) if self.refused.count() else None)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def retry_selected(self) -> None:
        from app.sync import outbox

        op_id = self._selected()
        if op_id:
            outbox.retry(self.menu.db, op_id)
            self.menu.refresh_status()
            self.show_status(self.menu.status())

    def discard_selected(self) -> None:
        from app.sync import outbox

        op_id = self._selected()
        if op_id:
            outbox.discard(self.menu.db, op_id)
            self.menu.refresh_status()
            self.show_status(self.menu.status())


class ConflictModel(QAbstractTableModel):
    def __init__(self, db: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[Any] = []
        self.reload()

    def reload(self) -> None:
        from app.sync.conflicts import open_conflicts

        self.beginResetModel()
        self.rows = open_conflicts(self.db)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("Record"), self.tr("Field"), self.tr("County's value"), self.tr("Changed there by"),
                self.tr("When"), self.tr("Our value")]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        from app.fields import field_label

        c = self.rows[index.row()]
        column = index.column()
        if column == 0:
            return self._record(c)
        if column == 1:
            return field_label(c.entity, c.field)
        if column == 2:
            return _text(c.theirs)
        if column == 3:
            return c.their_author
        if column == 4:
            return _when(c.their_at)
        return _text(c.ours)

    def _record(self, c: Any) -> str:
        from app.domain import ENTITIES

        cls = ENTITIES.get(c.entity)
        with self.db.read() as s:
            obj = s.get(cls, c.entity_id) if cls is not None else None
        label = entity_label(c.entity)
        name = getattr(obj, "head_name", None) or getattr(obj, "name", None) or ""
        return f"{label} {name}".strip()


class ConflictDialog(QDialog):
    """The review list: keep the county's value, or re-apply ours as a new edit."""

    def __init__(self, menu: SyncMenu) -> None:
        super().__init__(menu.window)
        self.menu = menu
        self.setObjectName("conflict_review")
        self.setWindowTitle(self.tr("Conflicts to review"))
        self.model = ConflictModel(menu.db, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        explain = QLabel(self.tr("These fields were changed at the county while this laptop changed them too. The county's value is in effect; choose which one to keep."))
        explain.setWordWrap(True)
        self.keep_theirs = QPushButton(self.tr("Keep the county's value"))
        self.keep_theirs.clicked.connect(lambda: self.resolve("theirs"))
        self.keep_ours = QPushButton(self.tr("Use our value"))
        self.keep_ours.clicked.connect(lambda: self.resolve("ours"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_theirs)
        buttons.addWidget(self.keep_ours)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(820, 420)
        self._update()

    def _update(self) -> None:
        has = self.model.rowCount() > 0
        self.keep_theirs.setEnabled(has)
        self.keep_ours.setEnabled(has)

    def resolve(self, keep: str, row: int | None = None) -> None:
        from app.sync.conflicts import resolve

        if row is None:
            current = self.view.currentIndex()
            row = current.row() if current.isValid() else 0
        if not (0 <= row < len(self.model.rows)):
            return
        try:
            resolve(self.menu.db, self.model.rows[row].id, keep)
        except BangfuError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
        self.model.reload()
        self._update()
        self.menu.refresh_status()

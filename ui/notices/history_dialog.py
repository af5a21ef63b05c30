"""Notice history: every notice issued, its posted photos and the objections received.

Select a notice to see its period, issuer, content hash (checked against the stored content),
photos of the posted board and the objections with their resolutions. From here a user
reprints a notice from its frozen content, attaches a photo, logs an objection or its
resolution, or withdraws a notice (with a reason). Issued notices cannot be edited.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import BangfuError
from ui import formatting as fmt
from ui.forms import CodeCombo, DateField
from ui.widgets import MessageLine
from ui.workers import run_task


def _history(db: Any) -> list[Any]:
    from app.services.notices import notice_detail, notice_history

    return [notice_detail(db, n.id) for n in notice_history(db)]


class NoticeObjectionDialog(QDialog):
    """Log an objection received during the notice period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log an objection"))
        self.on = DateField()
        self.on.set_value(date.today())
        self.channel = CodeCombo("objection_channel", required=True)
        self.summary = QLineEdit()
        self.resolution = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Received on"), self.on)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("What it says"), self.summary)
        form.addRow(self.tr("Resolution (if already known)"), self.resolution)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class NoticeHistoryDialog(QDialog):
    loaded = Signal()
    #: something was recorded (what: photo|objection|resolution|withdrawn|reprinted)
    changed = Signal(str)
    failed = Signal(str)

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("noticeHistoryDialog")
        self.db = window.db
        self.details: list[Any] = []
        self.current: Any = None
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("noticeTable")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.photos = QListWidget()
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(120, 90))
        self.photos.setMaximumHeight(130)
        self.objections = QListWidget()
        self.objections.setObjectName("objectionList")
        self.btn_reprint = QPushButton()
        self.btn_photo = QPushButton()
        self.btn_objection = QPushButton()
        self.btn_resolve = QPushButton()
        self.btn_withdraw = QPushButton()
        self.btn_requests = QPushButton()
        self.btn_close = QPushButton()
        self.btn_reprint.clicked.connect(self.ask_reprint)
        self.btn_photo.clicked.connect(self.ask_photo)
        self.btn_objection.clicked.connect(self.ask_objection)
        self.btn_resolve.clicked.connect(self.ask_resolution)
        self.btn_withdraw.clicked.connect(self.ask_withdraw)
        self.btn_requests.clicked.connect(self.record_on_requests)
        self.btn_close.clicked.connect(self.reject)
        self.photos_label = QLabel()
        self.objections_label = QLabel()
        detail = QVBoxLayout()
        detail.addWidget(self.info)
        detail.addWidget(self.photos_label)
        detail.addWidget(self.photos)
        detail.addWidget(self.objections_label)
        detail.addWidget(self.objections, 1)
        row = QHBoxLayout()
        for b in (self.btn_reprint, self.btn_photo, self.btn_objection, self.btn_resolve, self.btn_withdraw,
                  self.btn_requests):
            row.addWidget(b)
        row.addStretch(1)
        detail.addLayout(row)
        detail_box = QWidget()
        detail_box.setLayout(detail)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail_box)
        self.message = MessageLine()
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.btn_close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.resize(1000, 760)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Notice history"))
        self.table.setHorizontalHeaderLabels([self.tr("Period"), self.tr("Kind"), self.tr("Title"), self.tr("Status"),
                                              self.tr("Photos"), self.tr("Objections (open)")])
        self.photos_label.setText(self.tr("Photos of the posted notice"))
        self.objections_label.setText(self.tr("Objections"))
        self.btn_reprint.setText(self.tr("&Reprint…"))
        self.btn_photo.setText(self.tr("Attach &photo…"))
        self.btn_objection.setText(self.tr("Log &objection…"))
        self.btn_resolve.setText(self.tr("Record re&solution…"))
        self.btn_withdraw.setText(self.tr("&Withdraw…"))
        self.btn_requests.setText(self.tr("Period over: record on the re&quests"))
        self.btn_requests.setToolTip(self.tr("Record this notice (period and objections) on the lifecycle requests "
                                             "of the households it listed"))
        self.btn_close.setText(self.tr("Close"))
        self._show_detail()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- loading -------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        keep = select or (self.current.notice.id if self.current else None)
        run_task(_history, self.db, on_done=lambda d: self._loaded(d, keep), on_error=self._fail, owner=self)

    def _loaded(self, details: list[Any], select: str | None) -> None:
        self.details = details
        self.table.blockSignals(True)
        self.table.setRowCount(len(details))
        for r, d in enumerate(details):
            n = d.notice
            cells = [f"{fmt.day(n.period_start)} – {fmt.day(n.period_end)}", fmt.label("notice_kind", n.kind), n.title,
                     fmt.label_any("notice_status", n.status), str(len(n.photo_sha256s)),
                     f"{len(d.objections)} ({d.open_objections})"]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, n.id)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        row = next((r for r, d in enumerate(details) if d.notice.id == select), 0 if details else -1)
        self.current = None
        if row >= 0:
            self.table.selectRow(row)
            self.current = details[row]
        self._show_detail()
        self.loaded.emit()

    def select_notice(self, notice_id: str) -> None:
        for r, d in enumerate(self.details):
            if d.notice.id == notice_id:
                self.table.selectRow(r)
                self.current = d
                self._show_detail()

    def _selected(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        self.current = self.details[min(rows)] if rows else None
        self._show_detail()

    def _show_detail(self) -> None:
        d = self.current
        for b in (self.btn_reprint, self.btn_photo, self.btn_objection, self.btn_withdraw, self.btn_resolve,
                  self.btn_requests):
            b.setEnabled(d is not None and d.notice.status != "draft")
        if d is None:
            self.info.setText(self.tr("No notice selected."))
            self.photos.clear()
            self.objections.clear()
            return
        n = d.notice
        self.btn_withdraw.setEnabled(n.status == "issued")
        self.btn_requests.setEnabled(n.status == "issued" and not n.kind.startswith("project")
                                     and n.period_end < date.today())
        lines = [n.title,
                 self.tr("Posted {start} – {end}; issued by {issuer} on {when} ({who})").format(
                     start=fmt.day(n.period_start), end=fmt.day(n.period_end), issuer=n.issuer,
                     when=fmt.day(n.issued_at) if n.issued_at else "—", who=n.issued_by or "—"),
                 self.tr("Notice {id}; content hash {hash}").format(id=n.id, hash=n.content_hash or "—")]
        if n.withdrawn_reason:
            lines.append(self.tr("Withdrawn: {reason}").format(reason=n.withdrawn_reason))
        self.info.setText("\n".join(lines))
        self._show_photos(n.photo_sha256s)
        self.objections.clear()
        for view in d.objections:
            o = view.objection
            text = f"{fmt.day(o.received_on)}　{fmt.label('objection_channel', o.channel)}　{o.summary}"
            if view.late:
                text += "　" + self.tr("(after the period)")
            for res in ([o] if o.resolution else []) + view.resolutions:
                text += "\n    → " + f"{fmt.day(res.received_on)} {res.resolution}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, o.id)
            self.objections.addItem(item)

    def _show_photos(self, hashes: list[str]) -> None:
        from app.domain import Attachment

        self.photos.clear()
        if not hashes:
            return
        with self.db.read() as s:
            for sha in hashes:
                row = s.get(Attachment, sha)
                pixmap = QPixmap()
                if row is not None and row.data:
                    pixmap.loadFromData(row.data)
                item = QListWidgetItem(QIcon(pixmap), sha[:8])
                self.photos.addItem(item)

    # -- actions -------------------------------------------------------------------------------
    def _fail(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, BangfuError) else self.tr("The operation failed: {error}").format(
            error=exc.__class__.__name__)
        self.message.error(text)
        self.failed.emit(text)

    def _run(self, what: str, fn: Any, *args: Any) -> None:
        notice_id = self.current.notice.id if self.current else None

        def done(_result: Any) -> None:
            self.message.clear_message()
            self.changed.emit(what)
            self.reload(select=notice_id)

        run_task(fn, self.db, *args, on_done=done, on_error=self._fail, owner=self)

    def attach_photo_file(self, path: str | Path) -> None:
        from app.services.notices import attach_photo

        try:
            data = Path(path).read_bytes()
        except OSError:
            self._fail(BangfuError("fieldwork.photo_invalid"))
            return
        self._run("photo", attach_photo, self.current.notice.id, data)

    def ask_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Photo of the posted notice"), "",
                                              self.tr("Images (*.jpg *.jpeg *.png *.heic *.webp *.bmp)"))
        if path:
            self.attach_photo_file(path)

    def log_objection(self, on: date, channel: str, summary: str, resolution: str = "") -> None:
        from app.services.notices import log_objection

        self._run("objection", log_objection, self.current.notice.id, on, channel, summary, resolution)

    def ask_objection(self) -> None:
        dialog = NoticeObjectionDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.log_objection(dialog.on.value() or date.today(), dialog.channel.code(), dialog.summary.text(),
                               dialog.resolution.text())

    def resolve(self, objection_id: str, text: str, on: date | None = None) -> None:
        from app.services.notices import resolve_objection

        self._run("resolution", resolve_objection, objection_id, text, on or date.today())

    def ask_resolution(self) -> None:
        item = self.objections.currentItem()
        if item is None:
            self.message.error(self.tr("Select the objection first."))
            return
        text, ok = QInputDialog.getText(self, self.tr("Resolution"), self.tr("How was it resolved?"))
        if ok and text.strip():
            self.resolve(item.data(Qt.ItemDataRole.UserRole), text.strip())

    def withdraw(self, reason: str) -> None:
        from app.services.notices import withdraw

        self._run("withdrawn", withdraw, self.current.notice.id, reason)

    def ask_withdraw(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Withdraw the notice"),
                                          self.tr("Why is it withdrawn? (kept with the notice)"))
        if ok and reason.strip():
            self.withdraw(reason.strip())

    def record_on_requests(self) -> None:
        """公示期满: record the notice on the lifecycle requests it listed, then say how many."""
        from app.services.notices import record_on_requests

        notice_id = self.current.notice.id

        def done(result: Any) -> None:
            text = self.tr("Recorded on {n} request(s).").format(n=len(result.recorded))
            if result.skipped:
                text += " " + self.tr("Not recorded: {reasons}").format(reasons="; ".join(m for _r, m in result.skipped))
            self.message.info(text)
            self.changed.emit("requests")

        run_task(record_on_requests, self.db, notice_id, on_done=done, on_error=self._fail, owner=self)

    def reprint_to(self, path: str | Path) -> None:
        from app.reports.notices import reprint

        self._run("reprinted", reprint, self.current.notice.id, path)

    def ask_reprint(self) -> None:
        if self.current is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the notice"), f"{self.current.notice.title}.pdf",
                                              "PDF (*.pdf)")
        if path:
            self.reprint_to(path)


__all__ = ["NoticeHistoryDialog", "NoticeObjectionDialog"]

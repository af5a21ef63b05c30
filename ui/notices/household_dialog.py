"""Household-list notices (识别/退出/返贫/剔除) for one village or a township's villages.

Pick the villages, the kind, the year and the posting period; "Preview" shows the first village's
notice marked 样稿 and can issue exactly what was previewed; "Issue and save" issues one notice
per village — one PDF each, or one combined PDF — in a worker with progress and Cancel.
Refusals (a village with nobody in scope, a period ending before it starts…) appear under the
form in the UI language and nothing is issued or written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.codes import code_list, setting
from app.errors import BangfuError
from app.i18n import current_language
from ui.forms import DateField
from ui.widgets import MessageLine
from ui.workers import run_task

KINDS = ("exit", "identify", "return", "remove")
PAPERS = ("A4", "A4L", "A3", "A3L")


def _villages(db: Any) -> list[tuple[str, str, str]]:
    from sqlmodel import select

    from app.domain import Village

    with db.read() as s:
        rows = s.exec(select(Village).where(Village.deleted == False).order_by(Village.code)).all()  # noqa: E712
    return [(v.code, v.name, v.township_name) for v in rows]


class HouseholdNoticeDialog(QDialog):
    """Prepare, preview and issue household-list notices."""

    #: notices issued (their ids) and the files written
    issued = Signal(list, list)
    #: a refusal or failure was shown (the message)
    failed = Signal(str)
    #: a preview is ready (the PdfPreviewDialog)
    previewed = Signal(object)

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("householdNoticeDialog")
        self.window_ = window
        self.db = window.db
        self._draft: Any = None
        self._preview: Any = None
        self.villages = QListWidget()
        self.villages.setObjectName("noticeVillages")
        for code, name, township in _villages(self.db):
            item = QListWidgetItem(f"{township} {name}（{code}）")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.villages.addItem(item)
        if self.villages.count() == 1:
            self.villages.item(0).setCheckState(Qt.CheckState.Checked)
        self.kind = QComboBox()
        self.year = QSpinBox()
        self.year.setRange(2000, date.today().year + 1)
        self.year.setValue(date.today().year)
        self.start = DateField()
        self.start.set_value(date.today())
        self.end = DateField()
        self.issuer = QLineEdit()
        self.hotline = QLineEdit()
        self.paper = QComboBox()
        self.with_id = QCheckBox()
        self.combined = QCheckBox()
        self.skip_empty = QCheckBox()
        self.message = MessageLine()
        self.btn_preview = QPushButton()
        self.btn_issue = QPushButton()
        self.btn_close = QPushButton()
        self.btn_preview.clicked.connect(self.preview)
        self.btn_issue.clicked.connect(self.issue)
        self.btn_close.clicked.connect(self.reject)
        self.start.dateChanged.connect(self._start_changed)
        self.villages.itemChanged.connect(self._selection_changed)

        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(9)]
        for label, widget in zip(self.labels, (self.kind, self.year, self.start, self.end, self.issuer, self.hotline,
                                               self.paper, self.with_id, self.combined), strict=True):
            self.form.addRow(label, widget)
        self.form.addRow(QLabel(), self.skip_empty)
        self.villages_label = QLabel()
        left = QVBoxLayout()
        left.addWidget(self.villages_label)
        left.addWidget(self.villages, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(self.form, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.btn_preview, self.btn_issue, self.btn_close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(820, 520)
        self.retranslate()
        self._selection_changed()

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Household list notice"))
        lang = current_language()
        current_kind = self.kind.currentData()
        self.kind.clear()
        for k in KINDS:
            self.kind.addItem(code_list("notice_kind").label(k, lang), k)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current_kind)))
        current_paper = self.paper.currentData()
        self.paper.clear()
        names = {"A4": self.tr("A4 portrait"), "A4L": self.tr("A4 landscape"), "A3": self.tr("A3 portrait (board)"),
                 "A3L": self.tr("A3 landscape (board)")}
        for p in PAPERS:
            self.paper.addItem(names[p], p)
        self.paper.setCurrentIndex(max(0, self.paper.findData(current_paper)))
        texts = (self.tr("Kind"), self.tr("Year"), self.tr("Posted from"), self.tr("Posted until"),
                 self.tr("Issuing body"), self.tr("Local supervision phone"), self.tr("Paper"), "", "")
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.with_id.setText(self.tr("Add the head's ID number (masked)"))
        self.combined.setText(self.tr("One combined PDF for all villages"))
        self.skip_empty.setText(self.tr("Skip villages with nobody to list"))
        self.issuer.setPlaceholderText(self.tr("default: the villagers' committee"))
        self.end.setToolTip(self.tr("Empty: {days} days from the first day").format(days=setting("notice_days_household")))
        self.villages_label.setText(self.tr("Villages"))
        self.btn_preview.setText(self.tr("&Preview"))
        self.btn_issue.setText(self.tr("&Issue and save…"))
        self.btn_close.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- state ---------------------------------------------------------------------------------
    def select_villages(self, codes: list[str]) -> None:
        for i in range(self.villages.count()):
            item = self.villages.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in codes
                               else Qt.CheckState.Unchecked)

    def selected_codes(self) -> list[str]:
        return [self.villages.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.villages.count())
                if self.villages.item(i).checkState() == Qt.CheckState.Checked]

    def _selection_changed(self, *_: Any) -> None:
        many = len(self.selected_codes()) > 1
        self.combined.setEnabled(many)
        self.skip_empty.setEnabled(many)
        self.btn_issue.setEnabled(bool(self.selected_codes()))
        self.btn_preview.setEnabled(bool(self.selected_codes()))

    def _start_changed(self, *_: Any) -> None:
        self._draft = None

    def options(self) -> dict[str, Any]:
        opts: dict[str, Any] = {"period_start": self.start.value() or date.today(), "paper": self.paper.currentData(),
                                "include_id": self.with_id.isChecked()}
        if self.end.value():
            opts["period_end"] = self.end.value()
        if self.issuer.text().strip():
            opts["issuer"] = self.issuer.text().strip()
        if self.hotline.text().strip():
            opts["local_hotline"] = self.hotline.text().strip()
        return opts

    def _fail(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, BangfuError) else self.tr("Printing failed: {error}").format(
            error=exc.__class__.__name__)
        self.message.error(text)
        self.failed.emit(text)

    # -- preview -------------------------------------------------------------------------------
    def preview(self) -> None:
        codes = self.selected_codes()
        if not codes:
            return
        self.message.clear_message()
        db, kind, year, opts = self.db, self.kind.currentData(), self.year.value(), self.options()

        def work() -> Any:
            from app.reports.notices import preview
            from app.services import notices as svc

            village = svc.village_by_code(db, codes[0])
            draft = svc.prepare_household_notice(db, village.id, kind, year, **opts)
            data, _pages = preview(db, draft)
            return draft, data

        run_task(work, on_done=self._show_preview, on_error=self._fail, owner=self)

    def _show_preview(self, result: Any) -> None:
        from ui.notices.preview import PdfPreviewDialog

        draft, data = result
        self._draft = draft
        dialog = PdfPreviewDialog(data, draft.title, self, suggested_name=f"{draft.title}.pdf",
                                  action_text=self.tr("&Issue this notice…"), action=self._issue_previewed)
        self._preview = dialog
        dialog.setModal(False)
        dialog.show()
        self.previewed.emit(dialog)

    def _issue_previewed(self) -> None:
        if self._draft is None:
            return
        path = self._ask_file(self._draft.title)
        if path:
            self.issue_draft(self._draft, path)

    # -- issuing -------------------------------------------------------------------------------
    def _ask_file(self, title: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the notice"), f"{title}.pdf", "PDF (*.pdf)")
        return path

    def issue(self) -> None:
        codes = self.selected_codes()
        if not codes:
            return
        if len(codes) == 1:
            path = self._ask_file(self.tr("notice"))
            if path:
                self.issue_single(path)
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the notices"))
        if folder:
            self.issue_batch(folder)

    def issue_single(self, path: str | Path) -> None:
        """Prepare, issue and write the selected village's notice (in a worker)."""
        codes = self.selected_codes()
        db, kind, year, opts = self.db, self.kind.currentData(), self.year.value(), self.options()
        self.message.clear_message()

        def work() -> Any:
            from app.reports.notices import render_household_notice

            return render_household_notice(db, codes[0], kind, year, path, **opts)

        run_task(work, on_done=lambda r: self._done([r]), on_error=self._fail, owner=self)

    def issue_draft(self, draft: Any, path: str | Path) -> None:
        """Issue exactly the previewed draft."""
        db = self.db

        def work() -> Any:
            from app.reports.notices import issue_to_file

            return issue_to_file(db, draft, path)

        run_task(work, on_done=lambda r: self._done([r]), on_error=self._fail, owner=self)

    def issue_batch(self, folder: str | Path) -> None:
        """One notice per selected village (or one combined PDF), with progress and Cancel."""
        codes = self.selected_codes()
        db, kind, year, opts = self.db, self.kind.currentData(), self.year.value(), self.options()
        opts.pop("include_id", None)
        include_id = self.with_id.isChecked()
        combined, skip = self.combined.isChecked(), self.skip_empty.isChecked()
        self.message.clear_message()

        def work(task: Any) -> Any:
            from app.reports.notices import batch_household_notices

            return batch_household_notices(
                db, codes, kind, year, Path(folder), combined=combined, skip_empty=skip,
                progress=lambda i, n, code: task.progress(i, n, code), cancelled=lambda: task.cancelled,
                include_id=include_id, **opts)

        def done(result: Any) -> None:
            if result.cancelled:
                self.message.info(self.tr("Cancelled: nothing was issued or written."))
                return
            self._done(result.files, skipped=len(result.skipped))

        run_task(work, on_done=done, on_error=self._fail, owner=self,
                 with_progress=self.tr("Printing the notices…"), parent=self)

    def _done(self, results: list[Any], skipped: int = 0) -> None:
        paths = sorted({str(r.path) for r in results})
        text = self.tr("Issued {n} notice(s); saved {files}").format(n=len(results), files="; ".join(paths))
        if skipped:
            text += " " + self.tr("({n} village(s) without anybody to list were skipped)").format(n=skipped)
        self.message.info(text)
        self.issued.emit([r.notice_id for r in results], paths)
        self._draft = None

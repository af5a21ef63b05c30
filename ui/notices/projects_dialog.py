"""The fund-project registry (扶贫资金项目): edit projects, funds by source, beneficiaries, stages.

Left, the projects; right, the selected project's record (labels from the core's field
catalogue), its funds by source (yuan, stored as integer fen), its beneficiary households
(picked from the village's registry) with the subsidy of each, its stage with the dates
reached, and its notices. Everything is saved through ``app.services.projects`` (validated,
audited, synced) in a worker; problems appear next to the fields they concern.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.codes import code_list
from app.errors import BangfuError, FieldError, ValidationFailed
from app.i18n import current_language
from app.validation import parse_money
from ui import formatting as fmt
from ui.forms import DateField, FieldSpec, FormPanel
from ui.widgets import MessageLine
from ui.workers import run_task

SPECS = [
    FieldSpec("name", required=True, max_len=100, wide=True),
    FieldSpec("project_type", "code", "project_type"),
    FieldSpec("household_level", "bool"),
    FieldSpec("place", max_len=200),
    FieldSpec("subsidy_standard", max_len=500),
    FieldSpec("implementer", max_len=100),
    FieldSpec("responsible_person", max_len=60),
    FieldSpec("start_date", "date"),
    FieldSpec("end_date", "date"),
    FieldSpec("content", max_len=2000, wide=True),
    FieldSpec("performance_targets", max_len=2000, wide=True),
    FieldSpec("benefit_mechanism", max_len=2000, wide=True),
]
STAGES = {"plan": "project_plan", "completion": "project_completion"}


def _load(db: Any) -> dict[str, Any]:
    from sqlmodel import select

    from app.domain import Household, Village
    from app.services.projects import list_projects

    with db.read() as s:
        villages = [(v.id, f"{v.township_name} {v.name}") for v in
                    s.exec(select(Village).where(Village.deleted == False).order_by(Village.code))]  # noqa: E712
        households = {h.id: (h.village_id, h.head_name, h.group_no, h.size, h.hh_number) for h in
                      s.exec(select(Household).where(Household.deleted == False))}  # noqa: E712
    return {"projects": list_projects(db), "villages": villages, "households": households}


class ProjectHouseholdPicker(QDialog):
    """Tick households of a village to add as beneficiaries."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add beneficiary households"))
        self.list = QListWidget()
        for key, text in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by name or number"))
        self.filter.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(420, 520)

    def _filter(self, text: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(text) and text not in item.text())

    def chosen(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]


class ProjectStageDialog(QDialog):
    """Move a project to its next stage: date, note, and (to start without a plan notice) a reason."""

    def __init__(self, next_label: str, need_reason: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Next stage: {stage}").format(stage=next_label))
        self.on = DateField()
        self.on.set_value(date.today())
        self.note = QLineEdit()
        self.reason = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Date"), self.on)
        form.addRow(self.tr("Note"), self.note)
        if need_reason:
            hint = QLabel(self.tr("No plan notice has been issued. Starting anyway needs a reason, which is kept "
                                  "in the audit trail."))
            hint.setWordWrap(True)
            form.addRow(hint)
            form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ProjectRegistryDialog(QDialog):
    """The fund-project registry editor."""

    #: data (re)loaded
    loaded = Signal()
    #: a project was saved (its id)
    saved = Signal(str)
    #: a stage change was recorded (project id)
    stage_changed = Signal(str)
    #: a notice was issued (notice id, file)
    notice_issued = Signal(str, str)
    #: a refusal was shown (message)
    failed = Signal(str)
    #: a notice preview is open (the dialog)
    previewed = Signal(object)

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("projectRegistryDialog")
        self.window_ = window
        self.db = window.db
        self.project_id: str | None = None
        self.households: dict[str, tuple[str, str, int, int, str]] = {}
        self.beneficiaries: dict[str, int] = {}
        self.summary: Any = None
        self._preview: Any = None
        self.preview_draft: Any = None

        self.list = QListWidget()
        self.list.setObjectName("projectList")
        self.list.currentItemChanged.connect(self._picked)
        self.btn_new = QPushButton()
        self.btn_new.clicked.connect(self.new_project)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.btn_new)
        left_box = QWidget()
        left_box.setLayout(left)

        self.village = QComboBox()
        self.village_label = QLabel()
        self.form = FormPanel("fund_project", SPECS, columns=2)
        self.funding_box = QGroupBox()
        self.funding = QTableWidget(0, 2)
        self.funding.verticalHeader().hide()
        self.funding.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        fl = QVBoxLayout(self.funding_box)
        fl.addWidget(self.funding)
        self.total = QLabel()
        fl.addWidget(self.total)
        self.benef_box = QGroupBox()
        self.benef = QTableWidget(0, 4)
        self.benef.verticalHeader().hide()
        self.benef.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.benef.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.btn_add_hh = QPushButton()
        self.btn_remove_hh = QPushButton()
        self.btn_add_hh.clicked.connect(self.pick_households)
        self.btn_remove_hh.clicked.connect(self.remove_selected_households)
        bl = QVBoxLayout(self.benef_box)
        bl.addWidget(self.benef)
        row = QHBoxLayout()
        row.addWidget(self.btn_add_hh)
        row.addWidget(self.btn_remove_hh)
        row.addStretch(1)
        bl.addLayout(row)
        self.stage_box = QGroupBox()
        self.stage = QLabel()
        self.stage.setWordWrap(True)
        self.btn_stage = QPushButton()
        self.btn_stage.clicked.connect(self.next_stage)
        self.btn_plan = QPushButton()
        self.btn_completion = QPushButton()
        self.btn_plan.clicked.connect(lambda: self.preview_notice("plan"))
        self.btn_completion.clicked.connect(lambda: self.preview_notice("completion"))
        sl = QVBoxLayout(self.stage_box)
        sl.addWidget(self.stage)
        srow = QHBoxLayout()
        for b in (self.btn_stage, self.btn_plan, self.btn_completion):
            srow.addWidget(b)
        srow.addStretch(1)
        sl.addLayout(srow)

        right = QVBoxLayout()
        vrow = QHBoxLayout()
        vrow.addWidget(self.village_label)
        vrow.addWidget(self.village, 1)
        right.addLayout(vrow)
        right.addWidget(self.form)
        right.addWidget(self.funding_box)
        right.addWidget(self.benef_box)
        right.addWidget(self.stage_box)
        inner = QWidget()
        inner.setLayout(right)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)

        splitter = QSplitter()
        splitter.addWidget(left_box)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 3)
        self.message = MessageLine()
        self.btn_save = QPushButton()
        self.btn_delete = QPushButton()
        self.btn_close = QPushButton()
        self.btn_save.clicked.connect(self.save)
        self.btn_delete.clicked.connect(self.delete)
        self.btn_close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_delete)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_save)
        buttons.addWidget(self.btn_close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(1150, 800)
        self._fill_funding({})
        self.retranslate()
        self.reload()

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Fund projects"))
        self.btn_new.setText(self.tr("&New project"))
        self.village_label.setText(self.tr("Village"))
        self.funding_box.setTitle(self.tr("Funds by source (yuan)"))
        self.funding.setHorizontalHeaderLabels([self.tr("Source"), self.tr("Amount (yuan)")])
        self.benef_box.setTitle(self.tr("Beneficiary households"))
        self.benef.setHorizontalHeaderLabels([self.tr("Head of household"), self.tr("Group"), self.tr("Size"),
                                              self.tr("Subsidy (yuan)")])
        self.btn_add_hh.setText(self.tr("&Add households…"))
        self.btn_remove_hh.setText(self.tr("Remove selected"))
        self.stage_box.setTitle(self.tr("Stage and notices"))
        self.btn_stage.setText(self.tr("Next &stage…"))
        self.btn_plan.setText(self.tr("P&lan notice…"))
        self.btn_completion.setText(self.tr("&Completion notice…"))
        self.btn_save.setText(self.tr("&Save"))
        self.btn_delete.setText(self.tr("&Delete project"))
        self.btn_close.setText(self.tr("Close"))
        for r in range(self.funding.rowCount()):
            item = self.funding.item(r, 0)
            item.setText(code_list("funding_source").label(item.data(Qt.ItemDataRole.UserRole), current_language()))
        self._show_stage()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- loading -------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        run_task(_load, self.db, on_done=lambda data: self._loaded(data, select), on_error=self._fail, owner=self)

    def _loaded(self, data: dict[str, Any], select: str | None) -> None:
        self.households = data["households"]
        current = self.village.currentData()
        self.village.clear()
        self.village.addItem("—", None)
        for vid, name in data["villages"]:
            self.village.addItem(name, vid)
        self.village.setCurrentIndex(max(0, self.village.findData(current)))
        self.list.blockSignals(True)
        self.list.clear()
        for p in data["projects"]:
            item = QListWidgetItem(f"{p.name}　{fmt.label('project_status', p.status)}")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        target = select or self.project_id
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == target:
                self.list.setCurrentRow(i)
                break
        else:
            if target is None:
                self.new_project()
        self.loaded.emit()

    def _picked(self, current: QListWidgetItem | None, _previous: Any = None) -> None:
        if current is not None:
            self.open_project(current.data(Qt.ItemDataRole.UserRole))

    def open_project(self, project_id: str) -> None:
        from app.services.projects import project_summary

        run_task(project_summary, self.db, project_id, on_done=self._show_project, on_error=self._fail, owner=self)

    def _show_project(self, summary: Any) -> None:
        p = summary.project
        self.summary = summary
        self.project_id = p.id
        self.form.set_values({spec.name: getattr(p, spec.name) for spec in SPECS})
        self.village.setCurrentIndex(max(0, self.village.findData(p.village_id)))
        self._fill_funding({f.source: f.amount_fen for f in summary.funding})
        self.beneficiaries = {b.household_id: b.amount_fen for b, _hh in summary.beneficiaries}
        self._fill_beneficiaries()
        self._show_stage()
        self.message.clear_message()
        self.loaded.emit()

    def new_project(self) -> None:
        self.project_id = None
        self.summary = None
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.form.set_values({"name": "", "project_type": "", "household_level": False, "place": "",
                              "subsidy_standard": "", "implementer": "", "responsible_person": "",
                              "start_date": None, "end_date": None, "content": "", "performance_targets": "",
                              "benefit_mechanism": ""})
        self._fill_funding({})
        self.beneficiaries = {}
        self._fill_beneficiaries()
        self._show_stage()

    # -- funds and beneficiaries -----------------------------------------------------------------
    def _fill_funding(self, amounts: dict[str, int]) -> None:
        sources = code_list("funding_source").items()
        self.funding.setRowCount(len(sources))
        for r, code in enumerate(sources):
            item = QTableWidgetItem(code.label(current_language()))
            item.setData(Qt.ItemDataRole.UserRole, code.code)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.funding.setItem(r, 0, item)
            value = QTableWidgetItem(fmt.money_plain(amounts[code.code]) if amounts.get(code.code) else "")
            value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.funding.setItem(r, 1, value)
        rows = sum(self.funding.rowHeight(r) for r in range(self.funding.rowCount()))
        self.funding.setMinimumHeight(rows + self.funding.horizontalHeader().sizeHint().height() + 6)
        self._update_total(amounts)

    def _update_total(self, amounts: dict[str, int]) -> None:
        self.total.setText(self.tr("Total: {amount}").format(amount=fmt.money(sum(amounts.values()))))

    def set_amount(self, source: str, text: str) -> None:
        for r in range(self.funding.rowCount()):
            if self.funding.item(r, 0).data(Qt.ItemDataRole.UserRole) == source:
                self.funding.item(r, 1).setText(text)

    def funding_amounts(self) -> tuple[dict[str, int], list[FieldError]]:
        amounts: dict[str, int] = {}
        problems: list[FieldError] = []
        for r in range(self.funding.rowCount()):
            source = self.funding.item(r, 0).data(Qt.ItemDataRole.UserRole)
            text = (self.funding.item(r, 1).text() if self.funding.item(r, 1) else "").strip()
            if not text:
                continue
            try:
                amounts[source] = parse_money(text)
            except ValueError:
                problems.append(FieldError("amount_fen", "value.money", {}, "project_funding", r + 1))
        return amounts, problems

    def _fill_beneficiaries(self) -> None:
        rows = sorted(self.beneficiaries.items(), key=lambda kv: (self.households.get(kv[0], ("", "", 0))[2],
                                                                  self.households.get(kv[0], ("", ""))[1]))
        self.benef.setRowCount(len(rows))
        for r, (hid, fen) in enumerate(rows):
            _vid, head, group, size, _no = self.households.get(hid, ("", "?", 0, 0, ""))
            for c, text in enumerate((head, str(group), str(size))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(Qt.ItemDataRole.UserRole, hid)
                self.benef.setItem(r, c, item)
            amount = QTableWidgetItem(fmt.money_plain(fen) if fen else "")
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.benef.setItem(r, 3, amount)

    def beneficiary_amounts(self) -> tuple[dict[str, int], list[FieldError]]:
        amounts: dict[str, int] = {}
        problems: list[FieldError] = []
        for r in range(self.benef.rowCount()):
            hid = self.benef.item(r, 0).data(Qt.ItemDataRole.UserRole)
            text = (self.benef.item(r, 3).text() if self.benef.item(r, 3) else "").strip()
            try:
                amounts[hid] = parse_money(text) if text else 0
            except ValueError:
                problems.append(FieldError("amount_fen", "value.money", {}, "project_beneficiary", r + 1))
        return amounts, problems

    def add_households(self, household_ids: list[str], amount_fen: int = 0) -> None:
        current, _ = self.beneficiary_amounts()
        self.beneficiaries = {**current, **{h: current.get(h, amount_fen) for h in household_ids}}
        self._fill_beneficiaries()

    def pick_households(self) -> None:
        village = self.village.currentData()
        rows = [(hid, f"{v[2]}组　{v[1]}　{v[4]}") for hid, v in sorted(self.households.items(), key=lambda kv: (
            kv[1][2], kv[1][4])) if (village is None or v[0] == village) and hid not in self.beneficiaries]
        picker = ProjectHouseholdPicker(rows, self)
        if picker.exec() == QDialog.DialogCode.Accepted:
            self.add_households(picker.chosen())

    def remove_selected_households(self) -> None:
        current, _ = self.beneficiary_amounts()
        rows = {i.row() for i in self.benef.selectedIndexes()}
        for r in rows:
            current.pop(self.benef.item(r, 0).data(Qt.ItemDataRole.UserRole), None)
        self.beneficiaries = current
        self._fill_beneficiaries()

    # -- saving --------------------------------------------------------------------------------
    def _fail(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            elsewhere = self.form.show_errors(exc.errors)
            text = "\n".join(e.message() for e in elsewhere) or str(BangfuError("error.validation",
                                                                                 count=len(exc.errors)))
        elif isinstance(exc, BangfuError):
            text = str(exc)
        else:
            text = self.tr("The operation failed: {error}").format(error=exc.__class__.__name__)
        self.message.error(text)
        self.failed.emit(text)

    def save(self) -> None:
        values, problems = self.form.collect()
        funds, fund_problems = self.funding_amounts()
        benef, benef_problems = self.beneficiary_amounts()
        problems += fund_problems + benef_problems
        if problems:
            self._fail(ValidationFailed(problems))
            return
        values["village_id"] = self.village.currentData()
        db, project_id = self.db, self.project_id

        def work() -> str:
            from app.services import projects as prj

            if project_id is None:
                name = values.pop("name")
                pid = prj.create_project(db, name, **values).id
            else:
                pid = project_id
                prj.update_project(db, pid, values)
            prj.set_funding(db, pid, funds)
            prj.set_beneficiaries(db, pid, benef)
            return pid

        def done(pid: str) -> None:
            self.project_id = pid
            self.form.clear_errors()
            self.message.info(self.tr("Saved."))
            self.saved.emit(pid)
            self.reload(select=pid)

        run_task(work, on_done=done, on_error=self._fail, owner=self)

    def delete(self) -> None:
        if self.project_id is None:
            return
        db, pid = self.db, self.project_id

        def work() -> None:
            from app.services.projects import delete_project

            delete_project(db, pid)

        def done(_r: Any) -> None:
            self.project_id = None
            self.reload()

        run_task(work, on_done=done, on_error=self._fail, owner=self)

    # -- stages and notices ----------------------------------------------------------------------
    def _show_stage(self) -> None:
        if self.summary is None:
            self.stage.setText(self.tr("Save the project first."))
            for b in (self.btn_stage, self.btn_plan, self.btn_completion, self.btn_delete):
                b.setEnabled(False)
            return
        p = self.summary.project
        lines = [self.tr("Stage: {stage}").format(stage=fmt.label("project_status", p.status))]
        for e in self.summary.events:
            lines.append(f"{fmt.day(e.date)}　{fmt.label('project_status', e.to_status)}　{e.note}".rstrip())
        for n in self.summary.notices:
            lines.append(self.tr("Notice: {title} ({start} – {end}, {status})").format(
                title=n.title, start=fmt.day(n.period_start), end=fmt.day(n.period_end),
                status=fmt.label_any("notice_status", n.status)))
        self.stage.setText("\n".join(lines))
        self.btn_stage.setEnabled(p.status != "04")
        self.btn_plan.setEnabled(p.status == "01")
        self.btn_completion.setEnabled(p.status in ("03", "04"))
        self.btn_delete.setEnabled(p.status == "01")

    def _has_plan_notice(self) -> bool:
        return any(n.kind == "project_plan" and n.status == "issued" for n in (self.summary.notices if self.summary
                                                                               else []))

    def next_stage(self, on: date | None = None, note: str = "", reason: str | None = None) -> None:
        """Ask for the date (and a reason when starting without a plan notice), then record it."""
        if self.summary is None:
            return
        from app.services.projects import STATUS_ORDER

        p = self.summary.project
        new = STATUS_ORDER[STATUS_ORDER.index(p.status) + 1]
        if on is None:
            dialog = ProjectStageDialog(fmt.label("project_status", new), new == "02" and not self._has_plan_notice(), self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            on, note, reason = dialog.on.value() or date.today(), dialog.note.text(), dialog.reason.text()
        db, pid = self.db, p.id

        def work() -> str:
            from app.services.projects import set_status

            set_status(db, pid, new, on, note=note, override_reason=reason or "")
            return pid

        def done(pid_: str) -> None:
            self.stage_changed.emit(pid_)
            self.reload(select=pid_)

        run_task(work, on_done=done, on_error=self._fail, owner=self)

    def preview_notice(self, stage: str) -> None:
        if self.project_id is None:
            return
        db, pid = self.db, self.project_id

        def work() -> Any:
            from app.reports.notices import preview
            from app.services.notices import prepare_project_notice

            draft = prepare_project_notice(db, pid, stage)
            data, _pages = preview(db, draft)
            return draft, data

        run_task(work, on_done=self._show_preview, on_error=self._fail, owner=self)

    def _show_preview(self, result: Any) -> None:
        from ui.notices.preview import PdfPreviewDialog

        draft, data = result
        self.preview_draft = draft
        dialog = PdfPreviewDialog(data, draft.title, self, suggested_name=f"{draft.title}.pdf",
                                  action_text=self.tr("&Issue this notice…"), action=lambda: self._issue(draft))
        self._preview = dialog
        dialog.show()
        self.previewed.emit(dialog)

    def _issue(self, draft: Any) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the notice"), f"{draft.title}.pdf", "PDF (*.pdf)")
        if path:
            self.issue_draft(draft, path)

    def issue_draft(self, draft: Any, path: str) -> None:
        db = self.db

        def work() -> Any:
            from app.reports.notices import issue_to_file

            return issue_to_file(db, draft, path)

        def done(result: Any) -> None:
            self.message.info(self.tr("Issued; saved {path}").format(path=str(result.path)))
            self.notice_issued.emit(result.notice_id, str(result.path))
            if self._preview is not None:
                self._preview.close()
            if self.project_id:
                self.open_project(self.project_id)

        run_task(work, on_done=done, on_error=self._fail, owner=self)

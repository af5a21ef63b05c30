"""Pieces the field-work screens share: tables, traffic lights, and a form dialog that saves
through a service in a worker and shows the service's errors next to the fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import BangfuError, ValidationFailed
from app.i18n import t
from ui.forms import FieldSpec, FormPanel
from ui.models.rows import RowsModel
from ui.widgets import MessageLine
from ui.workers import run_task


def field_day(db: Any) -> date:
    """The day field-work forms start on: today, or the scenario's day in a demo or training database
    (``app.services.reference_date``), so a trainee's visit or measure falls in the scenario's year.
    Only the default: the forms still refuse a day after the real today."""
    from app.services.reference_date import reference_date

    return reference_date(db)


LIGHT_COLOURS = {"green": "#2e7d32", "red": "#c62828", "amber": "#f9a825", "grey": "#9e9e9e"}


@lru_cache(maxsize=8)
def light(colour: str, size: int = 14) -> QIcon:
    """A traffic light: a filled circle (green pass, red fail, amber unknown)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(LIGHT_COLOURS.get(colour, colour)))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def make_table(model: RowsModel, name: str, stretch_last: bool = True) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(stretch_last)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    return table


def selected_row(table: QTableView) -> Any:
    index = table.currentIndex()
    model = table.model()
    if not index.isValid() or not isinstance(model, RowsModel):
        return None
    return model.row_at(index.row())


def error_text(exc: BaseException) -> str:
    """What a person reads about a failure (never a traceback)."""
    if isinstance(exc, BangfuError):
        return str(exc)
    return QCoreApplication.translate("Fieldwork", "Something went wrong ({name}); nothing was saved.").format(
        name=exc.__class__.__name__)


class FormDialog(QDialog):
    """A small form whose OK runs ``submit(values)`` in a worker; errors stay in the dialog."""

    #: the service returned (its result)
    submitted = Signal(object)
    #: the service refused (the exception)
    refused = Signal(object)

    def __init__(self, parent: QWidget, title: Callable[[], str], entity: str, specs: Sequence[FieldSpec],
                 submit: Callable[[dict[str, Any]], Any], values: dict[str, Any] | None = None, columns: int = 1,
                 extra: Sequence[QWidget] = (), on_refused: Callable[[BaseException], bool] | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.submit = submit
        self.on_refused = on_refused
        self.result_value: Any = None
        self.busy = False
        #: called on the GUI thread before ``submit`` runs (e.g. to render a signature)
        self.prepare: Callable[[], None] | None = None
        layout = QVBoxLayout(self)
        self.form = FormPanel(entity, specs, columns=columns)
        if values:
            self.form.set_values(values)
        layout.addWidget(self.form)
        for w in extra:
            layout.addWidget(w)
        self.message = MessageLine()
        self.message.setObjectName("dialogMessage")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)  # long code labels (e.g. measure categories) and errors under fields fit
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self._title())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def values(self) -> dict[str, Any]:
        values, _ = self.form.collect()
        return values

    def accept(self) -> None:
        if self.busy:
            return
        values, problems = self.form.collect()
        if problems:
            self.form.show_errors(problems)
            return
        if self.prepare is not None:
            self.prepare()
        self.busy = True
        self.buttons.setEnabled(False)
        self.message.clear_message()
        run_task(self.submit, values, on_done=self._done, on_error=self._failed, owner=self)

    def _done(self, result: Any) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        self.result_value = result
        self.submitted.emit(result)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        if self.on_refused is not None and self.on_refused(exc):
            self.refused.emit(exc)
            return
        if isinstance(exc, ValidationFailed):
            rest = self.form.show_errors(exc.errors, t("error.validation", count=len(exc.errors)))
            del rest
        else:
            self.message.error(error_text(exc))
        self.refused.emit(exc)

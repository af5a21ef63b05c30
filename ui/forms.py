"""Forms built from field specs, with every service error shown next to its field.

Services validate and raise ``ValidationFailed`` carrying ``FieldError``s (entity, field, code);
``FormPanel.show_errors`` puts each message, in the UI language, in a red line under the field it
names and marks the field, so the user sees every problem at once and where it is. Values that
cannot even be parsed (letters in an amount) are caught here with the same message codes.

Labels come from the core's field catalogue (``app.fields``), so a form, an error message and a
printed card call a field by the same name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.codes import Code, code_list
from app.errors import FieldError
from app.fields import field_label
from app.i18n import current_language, t
from app.validation import parse_money
from ui.formatting import money_plain

ERROR_STYLE = "color: #c62828;"
INVALID_STYLE = "border: 1px solid #c62828; border-radius: 2px;"
NULL_DATE = QDate(1900, 1, 1)


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form. ``kind``: text, int, float, money, code, codes, bool, date."""

    name: str
    kind: str = "text"
    list_name: str | None = None
    required: bool = False
    readonly: bool = False
    max_len: int = 0
    max_items: int = 2
    label: Callable[[], str] | None = None
    wide: bool = False
    only: Callable[[Code], bool] | None = None


def _regex(pattern: str) -> QRegularExpressionValidator:
    return QRegularExpressionValidator(QRegularExpression(pattern))


class CodeCombo(QComboBox):
    """A drop-down over a code list storing the code (userData) and showing the current label."""

    def __init__(self, list_name: str, required: bool = False, parent: QWidget | None = None,
                 only: Callable[[Code], bool] | None = None, empty_label: Callable[[], str] | None = None) -> None:
        super().__init__(parent)
        self.list_name = list_name
        self.required = required
        self.only = only
        self.empty_label = empty_label
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        self.refill()

    def refill(self) -> None:
        current = self.code()
        self.blockSignals(True)
        self.clear()
        if not self.required:
            self.addItem(self.empty_label() if self.empty_label else "—", "")
        lang = current_language()
        for item in code_list(self.list_name).items():
            if self.only is not None and not self.only(item):
                continue
            self.addItem(item.label(lang), item.code)
        self.blockSignals(False)
        self.set_code(current)

    def code(self) -> str:
        value = self.currentData()
        return value if isinstance(value, str) else ""

    def set_code(self, code: str | None) -> None:
        index = self.findData(code or "")
        if index < 0 and code:
            # an old code that a newer list dropped: keep it visible rather than lose it
            self.addItem(code, code)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))


class MultiCodeCombo(QWidget):
    """Up to ``max_items`` codes from one list (其他致贫原因: at most two)."""

    changed = Signal()

    def __init__(self, list_name: str, max_items: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combos = [CodeCombo(list_name) for _ in range(max_items)]
        for combo in self.combos:
            layout.addWidget(combo)
            combo.currentIndexChanged.connect(self.changed)

    def codes(self) -> list[str]:
        return [c.code() for c in self.combos if c.code()]

    def set_codes(self, codes: Sequence[str]) -> None:
        values = list(codes)[: len(self.combos)]
        for i, combo in enumerate(self.combos):
            combo.set_code(values[i] if i < len(values) else "")

    def refill(self) -> None:
        for combo in self.combos:
            combo.refill()


class DateField(QDateEdit):
    """A date that may be empty (shown as —): the minimum date stands for 'no date'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(NULL_DATE)
        self.setSpecialValueText("—")
        self._format()
        self.set_value(None)

    def _format(self) -> None:
        # 2017年3月5日 in Chinese, 2017-03-05 in English (as format_date prints it)
        self.setDisplayFormat("yyyy-MM-dd" if current_language() == "en" else "yyyy年M月d日")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._format()
        super().changeEvent(event)

    def value(self) -> date | None:
        d = self.date()
        if d == NULL_DATE:
            return None
        return date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(NULL_DATE if value is None else QDate(value.year, value.month, value.day))


class FormPanel(QWidget):
    """A grid of labelled fields with an error line under each one."""

    edited = Signal(str)
    #: errors were put next to the fields (tests and tours wait on it)
    errors_shown = Signal()

    def __init__(self, entity: str, specs: Iterable[FieldSpec], columns: int = 2,
                 parent: QWidget | None = None, stretch: bool = True) -> None:
        super().__init__(parent)
        self.entity = entity
        self.specs = {s.name: s for s in specs}
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self._loaded: dict[str, Any] = {}
        #: what each field showed right after ``set_values`` (None: nothing loaded yet)
        self._shown: dict[str, Any] | None = None
        self._read_only = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel()
        self.banner.setObjectName("formBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(ERROR_STYLE + "font-weight: bold;")
        self.banner.hide()
        outer.addWidget(self.banner)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        outer.addLayout(grid)
        row = col = 0
        for spec in self.specs.values():
            widget = self._make(spec)
            label = QLabel()
            label.setBuddy(widget)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            # as tall as its field so the two line up; the error line, if any, goes below both
            label.setMinimumHeight(widget.sizeHint().height())
            error = QLabel()
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(widget)
            cell.addWidget(error)
            if spec.wide and col:
                row, col = row + 1, 0
            span = columns * 2 - 1 if spec.wide else 1
            grid.addWidget(label, row, col * 2, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
            grid.addLayout(cell, row, col * 2 + 1, 1, span)
            self.widgets[spec.name], self.labels[spec.name], self.errors[spec.name] = widget, label, error
            col += columns if spec.wide else 1
            if col >= columns:
                row, col = row + 1, 0
        for c in range(columns):
            grid.setColumnStretch(c * 2 + 1, 1)
        if stretch:
            outer.addStretch(1)
        self.retranslate()

    # -- building ------------------------------------------------------------------------------
    def _make(self, spec: FieldSpec) -> QWidget:
        name = spec.name
        w: QWidget
        if spec.kind == "code":
            assert spec.list_name
            w = CodeCombo(spec.list_name, spec.required, only=spec.only)
            w.currentIndexChanged.connect(lambda *_: self.edited.emit(name))
        elif spec.kind == "codes":
            assert spec.list_name
            w = MultiCodeCombo(spec.list_name, spec.max_items)
            w.changed.connect(lambda: self.edited.emit(name))
        elif spec.kind == "bool":
            w = QCheckBox()
            w.toggled.connect(lambda *_: self.edited.emit(name))
        elif spec.kind == "date":
            w = DateField()
            w.dateChanged.connect(lambda *_: self.edited.emit(name))
        else:
            w = QLineEdit()
            if spec.max_len:
                w.setMaxLength(spec.max_len)
            if spec.kind == "int":
                w.setValidator(_regex(r"-?\d{0,9}"))
            elif spec.kind == "float":
                w.setValidator(_regex(r"\d{0,9}([.]\d{0,3})?"))
            elif spec.kind == "money":
                w.setValidator(_regex(r"[\d,，]{0,14}([.]\d{0,2})?"))
                w.setAlignment(Qt.AlignmentFlag.AlignRight)
                w.setPlaceholderText("0.00")
            w.textChanged.connect(lambda *_: self.edited.emit(name))
        w.setObjectName(f"field_{name}")
        if spec.readonly:
            self._set_widget_read_only(w, True)
        return w

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        for name, spec in self.specs.items():
            text = spec.label() if spec.label else field_title(self.entity, name)
            self.labels[name].setText(text)
            widget = self.widgets[name]
            if isinstance(widget, CodeCombo | MultiCodeCombo):
                widget.refill()
            widget.setAccessibleName(text)
        for error in self.errors.values():
            stored = error.property("fieldError")
            if isinstance(stored, FieldError):
                error.setText(_message(stored))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- values --------------------------------------------------------------------------------
    def set_values(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            widget = self.widgets.get(name)
            if widget is None:
                continue
            widget.blockSignals(True)
            kind = self.specs[name].kind
            if isinstance(widget, CodeCombo):
                widget.set_code(value)
            elif isinstance(widget, MultiCodeCombo):
                widget.set_codes(value or [])
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, DateField):
                widget.set_value(value)
            elif isinstance(widget, QLineEdit):
                if kind == "money":
                    widget.setText(money_plain(value) if value else "")
                elif kind == "float":
                    widget.setText("" if value is None else f"{value:g}")
                else:
                    widget.setText("" if value is None else str(value))
            widget.blockSignals(False)
        self._loaded = self.values_or_none()
        self._shown = {name: self._raw(name) for name in self.specs}
        self.clear_errors()

    def _raw(self, name: str) -> Any:
        """What a field shows, unparsed (a line edit's text even when it is not a valid number)."""
        widget = self.widgets[name]
        if isinstance(widget, CodeCombo):
            return widget.code()
        if isinstance(widget, MultiCodeCombo):
            return widget.codes()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, DateField):
            return widget.value()
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        return None

    def values_or_none(self) -> dict[str, Any]:
        values, _ = self.collect()
        return values

    def collect(self) -> tuple[dict[str, Any], list[FieldError]]:
        """Every field's value as the service wants it, plus problems found while parsing."""
        values: dict[str, Any] = {}
        problems: list[FieldError] = []
        for name, spec in self.specs.items():
            widget = self.widgets[name]
            if isinstance(widget, CodeCombo):
                values[name] = widget.code()
            elif isinstance(widget, MultiCodeCombo):
                values[name] = widget.codes()
            elif isinstance(widget, QCheckBox):
                values[name] = widget.isChecked()
            elif isinstance(widget, DateField):
                values[name] = widget.value()
            elif isinstance(widget, QLineEdit):
                text = widget.text().strip()
                try:
                    values[name] = _parse(spec.kind, text)
                except ValueError:
                    code = {"money": "value.money", "int": "value.not_integer"}.get(spec.kind, "value.not_number")
                    problems.append(FieldError(name, code, {}, self.entity))
        return values, problems

    def changes(self) -> dict[str, Any]:
        """Only the fields that differ from what ``set_values`` loaded (parse problems excluded)."""
        values, _ = self.collect()
        return {k: v for k, v in values.items() if self._loaded.get(k, object()) != v
                and not self.specs[k].readonly}

    def is_dirty(self) -> bool:
        """The user changed an editable field since ``set_values``: it shows something else than
        what was loaded. Not "a field fails validation": stored data that would not pass (an
        imported household with a data-quality problem) is not an unsaved change, and a form that
        never loaded anything has nothing unsaved. A field edited back to its loaded value is clean."""
        if self._shown is None:
            return False
        values, problems = self.collect()
        unparsable = {e.field for e in problems}
        for name, spec in self.specs.items():
            if spec.readonly or self._raw(name) == self._shown.get(name):
                continue
            if name in unparsable or name not in self._loaded or values.get(name) != self._loaded[name]:
                return True  # "12.0" for a loaded 12 is the same value; letters typed in are not
        return False

    def widget(self, name: str) -> QWidget:
        return self.widgets[name]

    # -- errors --------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        self.banner.hide()
        self.banner.setProperty("fieldErrors", None)
        for name, error in self.errors.items():
            error.hide()
            error.setText("")
            error.setProperty("fieldError", None)
            widget = self.widgets[name]
            if widget.property("invalid"):
                widget.setStyleSheet("")
            widget.setProperty("invalid", False)

    def show_errors(self, errors: Sequence[FieldError], summary: str = "") -> list[FieldError]:
        """Show each error under its field; returns those that name no field of this form."""
        self.clear_errors()
        elsewhere: list[FieldError] = []
        first: QWidget | None = None
        for err in errors:
            label = self.errors.get(err.field)
            if label is None:
                elsewhere.append(err)
                continue
            if label.property("fieldError") is None:
                label.setProperty("fieldError", err)
                label.setText(_message(err))
                label.show()
            widget = self.widgets[err.field]
            widget.setProperty("invalid", True)
            widget.setStyleSheet(INVALID_STYLE if not isinstance(widget, QCheckBox) else ERROR_STYLE)
            first = first or widget
        lines = [summary] if summary else []
        lines += [e.message() for e in elsewhere]
        if lines:
            self.banner.setText("\n".join(lines))
            self.banner.show()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.errors_shown.emit()
        return elsewhere

    def error_text(self, name: str) -> str:
        label = self.errors.get(name)
        return label.text() if label is not None and label.isVisibleTo(self) else ""

    # -- state ---------------------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for name, widget in self.widgets.items():
            self._set_widget_read_only(widget, read_only or self.specs[name].readonly)

    @staticmethod
    def _set_widget_read_only(widget: QWidget, read_only: bool) -> None:
        if isinstance(widget, QLineEdit | QDateEdit):
            widget.setReadOnly(read_only)
            # read-only fields look it: grey, not white like a field waiting for input (a palette,
            # not a style sheet, so the large-font setting still reaches them)
            palette = QPalette()
            if read_only:
                palette.setColor(QPalette.ColorRole.Base, QColor("#eeeeee"))
                palette.setColor(QPalette.ColorRole.Text, QColor("#444444"))
            widget.setPalette(palette)
        else:
            widget.setEnabled(not read_only)


def field_title(entity: str, name: str) -> str:
    """A field's label as a heading: the core's label, capitalised in English."""
    text = field_label(entity, name)
    return text[:1].upper() + text[1:] if current_language() == "en" else text


def _parse(kind: str, text: str) -> Any:
    if kind == "text":
        return text
    if kind == "int":
        return int(text) if text else None
    if kind == "float":
        return float(text) if text else 0.0
    if kind == "money":
        return parse_money(text) if text else 0
    return text


def _message(err: FieldError) -> str:
    """The message alone (the label already says which field)."""
    return t(err.code, **err.params)


def error_summary(count: int) -> str:
    return t("error.validation", count=count)

"""Helpers shared by the township dialogs: the scope chosen in the place tree, error text, tables."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from app.errors import BangfuError


def error_text(exc: BaseException) -> str:
    """What a person reads about a failure (never a traceback)."""
    if isinstance(exc, BangfuError):
        return str(exc)
    return QCoreApplication.translate("Township", "Something went wrong ({name}); nothing was changed.").format(
        name=exc.__class__.__name__)


def scope_code(window: Any) -> str | None:
    """The division-code prefix of what is selected in the place tree (None: everything)."""
    scope = getattr(window, "_scope", None)
    if scope is None or scope.level == "all":
        return None
    if scope.level in ("county", "township"):
        return str(scope.code)
    if scope.village_id and window.db is not None:
        from app.domain import Village

        with window.db.read() as s:
            village = s.get(Village, scope.village_id)
        return village.code if village else None
    return None


def villages(db: Any) -> list[tuple[str, str, str]]:
    """(id, code, "乡镇 村") of every village, by code."""
    from sqlmodel import select

    from app.domain import Village

    with db.read() as s:
        rows = s.exec(select(Village).where(Village.deleted == False).order_by(Village.code)).all()  # noqa: E712
    return [(v.id, v.code, f"{v.township_name} {v.name}") for v in rows]


def scope_choices(db: Any) -> list[tuple[str, str]]:
    """(label, division-code prefix) of every county, township and village, as a tree in one
    list (indented by level), so a dashboard or check can be run for any of them."""
    from sqlmodel import select

    from app.domain import Village

    if db is None:
        return []
    with db.read() as s:
        rows = s.exec(select(Village).where(Village.deleted == False).order_by(Village.code)).all()  # noqa: E712
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for v in rows:
        for code, label in ((v.code[:6], v.county_name), (v.code[:9], "    " + v.township_name),
                            (v.code, "        " + v.name)):
            if code not in seen:
                seen.add(code)
                out.append((label or code, code))
    return out


def add_scopes(combo: Any, window: Any) -> None:
    """Fill a scope combo: everything, then every county/township/village; select the place
    chosen in the main window's tree."""
    from PySide6.QtWidgets import QComboBox

    selected = scope_code(window)
    for label, code in scope_choices(window.db):
        combo.addItem(label, code)
        if code == selected:
            combo.setCurrentIndex(combo.count() - 1)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)


def add_villages(combo: Any, window: Any) -> None:
    """Fill a village combo with (id, code) data, every village by code; select the one chosen in
    the main window's tree."""
    selected = scope_code(window)
    for vid, code, name in villages(window.db) if window.db is not None else []:
        combo.addItem(f"{code} {name}", (vid, code))
        if code == selected:
            combo.setCurrentIndex(combo.count() - 1)


def fill_table(table: QTableWidget, headers: list[str], rows: list[list[Any]]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            table.setItem(r, c, item)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)

"""How values look in the UI: code labels, money, dates, the national status colours.

All text comes from the core (code lists, ``format_money`` and ``format_date``) in the current
language, so the UI and the printed forms agree.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from app.codes import code_list
from app.i18n import current_language
from app.validation import format_date, format_money

#: national system colours (exit_status.csv ``colour``) → (badge colour, row tint, text colour)
STATUS_COLOURS: dict[str, tuple[str, str, str]] = {
    "red": ("#d32f2f", "#fde2e1", "#8e1b1b"),
    "green": ("#2e7d32", "#e1f3e2", "#1b5e20"),
    "yellow": ("#f9a825", "#fff4c2", "#6d4c00"),
}


def label(list_name: str, code: str | None) -> str:
    if not code:
        return ""
    return code_list(list_name).label(code, current_language())


def label_any(list_name: str, code: str | None) -> str:
    """Like ``label`` for a list that may not exist in this build (then the code is shown)."""
    try:
        return label(list_name, code)
    except KeyError:
        return code or ""


def money(fen: int | None) -> str:
    return "" if fen is None else format_money(fen)


def money_plain(fen: int | None) -> str:
    """For editing: '1234.50' (no thousands separators, no unit)."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan}.{cents:02d}"


def day(value: date | datetime | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00")) if len(value) > 10 else date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        value = value.date()
    return format_date(value)


def status_colour(code: str) -> str:
    item = code_list("exit_status").get(code)
    return item.extra.get("colour", "") if item else ""


def status_colours(code: str) -> tuple[QColor, QColor, QColor] | None:
    """(badge, tint, text) for an exit-status code, or None for an unknown one."""
    spec = STATUS_COLOURS.get(status_colour(code))
    if spec is None:
        return None
    return QColor(spec[0]), QColor(spec[1]), QColor(spec[2])


@lru_cache(maxsize=16)
def badge_icon(colour: str, size: int = 12) -> QIcon:
    """A filled circle in the national colour (the list's status column and the card header)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def age_on(birth: date | None, on: date | None = None) -> int | None:
    if birth is None:
        return None
    today = on or date.today()
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))

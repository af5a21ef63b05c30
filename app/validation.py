"""Field validation shared by every service: collect all problems, then refuse before writing.

Services call a ``Checker`` for each value; ``raise_if_any`` throws ``ValidationFailed`` with
every problem at once, so a form can show them all next to their fields.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from app.codes import code_list
from app.errors import BangfuError, FieldError, ValidationFailed

MIN_PASSPHRASE = 8
_PHONE = re.compile(r"^[0-9+\-() ]{5,20}$")


class Checker:
    def __init__(self, entity: str, row: int | None = None) -> None:
        self.entity = entity
        self.row = row
        self.errors: list[FieldError] = []

    def fail(self, field: str, code: str, **params: Any) -> None:
        self.errors.append(FieldError(field, code, params, self.entity, self.row))

    def ok(self, field: str) -> bool:
        return not any(e.field == field for e in self.errors)

    def required(self, field: str, value: Any) -> bool:
        if value is None or (isinstance(value, str) and not value.strip()):
            self.fail(field, "value.required")
            return False
        return True

    def text(self, field: str, value: Any, max_len: int = 200, required: bool = False) -> None:
        if required and not self.required(field, value):
            return
        if value is not None and len(str(value)) > max_len:
            self.fail(field, "value.too_long", max=max_len)

    def code(self, field: str, value: Any, list_name: str, required: bool = False) -> None:
        if value in (None, ""):
            if required:
                self.fail(field, "value.required")
            return
        if str(value) not in code_list(list_name):
            self.fail(field, "value.unknown_code", value=str(value)[:20])

    def integer(self, field: str, value: Any, low: int | None = None, high: int | None = None,
                required: bool = False) -> None:
        if value is None:
            if required:
                self.fail(field, "value.required")
            return
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(field, "value.not_integer")
            return
        if low is not None and value < low and high is None:
            self.fail(field, "value.negative" if low == 0 else "value.range", low=low, high="∞")
        elif (low is not None and value < low) or (high is not None and value > high):
            self.fail(field, "value.range", low=low, high=high)

    def number(self, field: str, value: Any, low: float = 0.0, high: float | None = None) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            self.fail(field, "value.not_number")
            return
        if value < low:
            self.fail(field, "value.negative" if low == 0 else "value.range", low=low, high=high)
        elif high is not None and value > high:
            self.fail(field, "value.range", low=low, high=high)

    def money_fen(self, field: str, value: Any) -> None:
        """Amounts reach services as integer fen (see ``parse_money``); never float."""
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(field, "value.money")
        elif value < 0:
            self.fail(field, "value.negative")

    def day(self, field: str, value: Any, required: bool = False, not_future: bool = True,
            today: date | None = None) -> None:
        if value is None:
            if required:
                self.fail(field, "value.required")
            return
        if isinstance(value, datetime) or not isinstance(value, date):
            self.fail(field, "value.bad_date")
            return
        if not_future and value > (today or date.today()):
            self.fail(field, "value.future_date")

    def phone(self, field: str, value: Any) -> None:
        if value and not _PHONE.match(str(value)):
            self.fail(field, "value.phone")

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors)


def parse_money(text: str | int | Decimal) -> int:
    """'1,234.5' / '1234.50元' / Decimal → fen. Raises ValueError on more than two decimals."""
    if isinstance(text, int) and not isinstance(text, bool):
        return text * 100
    raw = str(text).strip().replace(",", "").replace("，", "").removesuffix("元").strip()
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        raise ValueError("money") from None
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise ValueError("money")
    return int(fen)


def format_money(fen: int, lang: str | None = None) -> str:
    """1234500 → '12,345.00 元' (zh) or '12,345.00 yuan' (en): two decimals, never float."""
    from app.i18n import current_language

    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    unit = " yuan" if (lang or current_language()).startswith("en") else " 元"
    return f"{sign}{yuan:,}.{cents:02d}{unit}"


def format_date(value: date | None, lang: str | None = None) -> str:
    """2017年3月5日 in Chinese, 2017-03-05 in English."""
    from app.i18n import current_language

    if value is None:
        return ""
    if (lang or current_language()).startswith("zh"):
        return f"{value.year}年{value.month}月{value.day}日"
    return value.isoformat()


def check_user_name(name: str) -> None:
    if not name or not name.strip():
        raise BangfuError("user.name_required")


def check_passphrase(passphrase: str) -> None:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise BangfuError("user.passphrase_short", min=MIN_PASSPHRASE)


def check_role(role: str) -> None:
    if role not in code_list("role"):
        raise BangfuError("user.bad_role", role=role[:20])

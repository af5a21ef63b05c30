"""Turning spreadsheet cells into stored values, refusing anything that would be a guess.

Every converter takes the raw cell value (str, int, float, bool, datetime or None) and returns
the stored value or raises ``CellError`` with a message code. Blank cells are ``None`` ("not
given") before a converter is called.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from app.codes import CodeList, code_list
from app.idnumber import IdNumberError, validate_id

_SCIENTIFIC = re.compile(r"^[0-9.]+E\+?[0-9]+$")
_YES = frozenset({"是", "有", "y", "yes", "true", "1", "√", "✓", "✔", "对", "已"})
_NO = frozenset({"否", "无", "没有", "n", "no", "false", "0", "×", "✗", "✘", "x", "不是", "未"})
_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_GROUP = re.compile(r"^第?([0-9]+|[零一二两三四五六七八九十]+)(组|村民小组|社)?$")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
#: Excel keeps 15 significant digits; longer numbers stored as numbers have lost digits.
MAX_EXACT_DIGITS = 15


class CellError(ValueError):
    """A cell that cannot be stored: message ``code`` + harmless ``params`` (never the value of an ID)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: Any) -> str:
    """Trimmed text; numbers as Excel shows them (12.0 → "12")."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip() if not isinstance(value, str) else value.strip()


def digits_text(value: Any) -> str:
    """Digit strings that Excel may have turned into numbers (户编号, phone, bank account)."""
    if isinstance(value, bool):
        raise CellError("value.unknown_code", value=str(value))
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            raise CellError("import.number_precision")
        number = int(value)
        if len(str(abs(number))) > MAX_EXACT_DIGITS:
            raise CellError("import.number_precision")
        return str(number)
    folded = "".join(unicodedata.normalize("NFKC", str(value)).split())
    if _SCIENTIFIC.match(folded.upper()):
        raise CellError("import.number_precision")
    return folded


def id_number(value: Any) -> str:
    """A checksum-valid 18-digit ID number; a number-typed cell is refused, never repaired."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellError("import.id_numeric")
    raw = unicodedata.normalize("NFKC", str(value))
    folded = "".join(raw.split()).upper()
    if _SCIENTIFIC.match(folded) or (folded.endswith(".0") and folded[:-2].isdigit()):
        raise CellError("import.id_numeric")
    try:
        return validate_id(folded).number
    except IdNumberError as exc:
        raise CellError(exc.code, **exc.params) from None


def integer(value: Any, low: int, high: int) -> int:
    if isinstance(value, bool):
        raise CellError("value.not_integer")
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError("value.not_integer")
        value = int(value)
    if isinstance(value, str):
        folded = unicodedata.normalize("NFKC", value).strip()
        for suffix in ("个月", "月", "年", "人", "户"):
            folded = folded.removesuffix(suffix)
        if not re.fullmatch(r"-?[0-9]+", folded.strip()):
            raise CellError("value.not_integer")
        value = int(folded)
    if not isinstance(value, int):
        raise CellError("value.not_integer")
    if not low <= value <= high:
        raise CellError("value.range", low=low, high=high)
    return value


def _chinese_number(text: str) -> int | None:
    """一 … 九十九 (group numbers are small)."""
    if not text or any(c not in _CN_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text)) if len(text) <= 2 else None
    tens, _, ones = text.partition("十")
    value = (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return value if len(tens) <= 1 and len(ones) <= 1 else None


def group(value: Any) -> int:
    """村民小组: 3, "3", "3组", "第3组", "三组", "第十二组"."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return integer(value, 1, 99)
    folded = "".join(unicodedata.normalize("NFKC", str(value)).split())
    match = _GROUP.match(folded)
    if not match:
        raise CellError("value.not_integer")
    number = match.group(1)
    parsed = int(number) if number.isdigit() else _chinese_number(number)
    if parsed is None:
        raise CellError("value.not_integer")
    return integer(parsed, 1, 99)


def money_fen(value: Any) -> int:
    """Yuan → integer fen; at most two decimals, never negative. Floats go through their repr."""
    if isinstance(value, bool):
        raise CellError("value.money")
    if isinstance(value, int | float):
        raw = repr(value)
    else:
        raw = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "").removesuffix("元").strip()
    try:
        fen = Decimal(raw) * 100
    except InvalidOperation:
        raise CellError("value.money") from None
    if fen != fen.to_integral_value():
        raise CellError("value.money")
    if fen < 0:
        raise CellError("value.negative")
    return int(fen)


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        raise CellError("import.bool")
    folded = "".join(unicodedata.normalize("NFKC", str(value)).split()).casefold()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise CellError("import.bool")


def phone(value: Any) -> str:
    folded = digits_text(value)
    if not re.fullmatch(r"[0-9+\-()]{5,20}", folded):
        raise CellError("value.phone")
    return folded


def _unbracketed_lookup(codes: CodeList) -> dict[str, str | None]:
    """Labels with the bracketed part dropped (C级 for C级(局部危险)); None where two codes collide."""
    table: dict[str, str | None] = {}
    for item in codes.items():
        for label in (item.zh, item.en):
            key = "".join(unicodedata.normalize("NFKC", _BRACKETED.sub("", label)).split()).casefold()
            if key:
                table[key] = item.code if table.get(key, item.code) == item.code else None
    return table


def code_converter(list_name: str) -> Callable[[Any], str]:
    """Label, code or English label → stored code; cached per distinct cell value."""
    codes = code_list(list_name)
    loose = _unbracketed_lookup(codes)
    cache: dict[Any, str | CellError] = {}

    def convert(value: Any) -> str:
        hit = cache.get(value)
        if hit is None:
            hit = _resolve(value)
            cache[value] = hit
        if isinstance(hit, CellError):
            raise hit
        return hit

    def _resolve(value: Any) -> str | CellError:
        raw = text(value)
        if isinstance(value, int) and not isinstance(value, bool) and len(codes.codes()[0]) == 2 and value < 100:
            raw = f"{value:02d}"  # Excel dropped the leading zero of "01"
        found = codes.find(raw)
        if found is not None:
            return found.code
        key = "".join(unicodedata.normalize("NFKC", _BRACKETED.sub("", raw)).split()).casefold()
        code = loose.get(key)
        if code:
            return code
        return CellError("value.unknown_code", value=raw[:20])

    return convert

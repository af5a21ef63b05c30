"""Reference data: code lists, poverty lines and configurable settings.

The household card is mostly coded values (致贫原因, 文化程度, 在校生状况…). They live as data in
``resources/codes/*.csv`` (see its README) so that a province can change a label or the county server
can push a new list without a code change, and so the database stores stable codes, not labels that
drift.  This is the only module that reads those files.

Overrides pushed by the county server are kept in memory here; a sync layer persists and re-applies
them at start-up.
"""

from __future__ import annotations

import csv
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from app.i18n import current_language
from app.paths import resources_dir

__all__ = [
    "Code",
    "CodeList",
    "all_lists",
    "code_list",
    "override",
    "override_poverty_line",
    "override_setting",
    "poverty_line_fen",
    "reset_overrides",
    "setting",
]

#: CSV files in resources/codes that are not code lists.
_NOT_CODE_LISTS = frozenset({"poverty_lines", "settings"})
_BASE_COLUMNS = ("code", "zh", "en")
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def _codes_dir() -> Path:
    return resources_dir() / "codes"


def _is_english(lang: str) -> bool:
    return lang.strip().lower().startswith("en")


def _normalise(text: str) -> str:
    """Fold the differences people type without meaning them: full-width forms, spaces, case."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split()).casefold()


@dataclass(frozen=True)
class Code:
    """One entry of a code list: the stable stored ``code`` and its two labels.

    ``extra`` holds list-specific columns (e.g. ``direction`` for member changes); it is excluded
    from hashing so a Code can still be used in sets.
    """

    code: str
    zh: str
    en: str
    extra: dict[str, str] = field(default_factory=dict, hash=False)

    def label(self, lang: str) -> str:
        """Label for ``lang``: English for any ``en*`` locale, Chinese otherwise (the primary language)."""
        return self.en if _is_english(lang) else self.zh


class CodeList:
    """An ordered, validated code list (file order is the order users expect in drop-downs)."""

    def __init__(self, name: str, items: Iterable[Code]) -> None:
        self.name = name
        self._items: list[Code] = list(items)
        self._by_code: dict[str, Code] = {}
        for item in self._items:
            _check_code(name, item)
            if item.code in self._by_code:
                raise ValueError(f"code list {name!r}: duplicate code {item.code!r}")
            self._by_code[item.code] = item
        # Lookup tables for find(), most specific first: a typed code beats a label.
        self._lookup: list[dict[str, Code]] = [{}, {}, {}, {}]
        for item in self._items:
            aliases = [a for a in item.extra.get("aliases", "").split("|") if a.strip()]
            for table, keys in zip(self._lookup, ([item.code], [item.zh], [item.en], aliases), strict=True):
                for key in keys:
                    table.setdefault(_normalise(key), item)

    def __repr__(self) -> str:
        return f"CodeList({self.name!r}, {len(self._items)} codes)"

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def items(self) -> list[Code]:
        """All entries in file order (a copy, so callers cannot corrupt the cache)."""
        return list(self._items)

    def codes(self) -> list[str]:
        """All codes in file order."""
        return [item.code for item in self._items]

    def get(self, code: str) -> Code | None:
        """The entry for an exact stored code, or None."""
        return self._by_code.get(code)

    def label(self, code: str, lang: str | None = None) -> str:
        """Label for ``code`` in ``lang`` (default: the core's current language).

        An unknown code is returned as-is: old records may hold codes a newer list dropped, and
        showing the raw code is better than showing nothing or crashing a report.
        """
        item = self._by_code.get(code)
        if item is None:
            return code
        return item.label(lang if lang is not None else current_language())

    def find(self, text: str) -> Code | None:
        """Resolve user or spreadsheet input to an entry by code, Chinese or English label.

        Full-width characters, spaces and case are ignored (NFKC), because imported 扶贫手册
        spreadsheets mix ``（）`` and ``()``, ``０１`` and ``01``.
        """
        key = _normalise(text)
        if not key:
            return None
        for table in self._lookup:
            if key in table:
                return table[key]
        return None


def _check_code(name: str, item: Code) -> None:
    if not item.code or item.code != item.code.strip():
        raise ValueError(f"code list {name!r}: empty or padded code {item.code!r}")
    if not item.zh.strip() or not item.en.strip():
        raise ValueError(f"code list {name!r}: code {item.code!r} has an empty label")


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Read a UTF-8 CSV (BOM tolerated: people edit these in Excel), stripping cells, skipping blank rows."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        header = [h.strip() for h in (reader.fieldnames or [])]
        rows = []
        for raw in reader:
            row = {(k or "").strip(): (v or "").strip() for k, v in raw.items()}
            if any(row.values()):
                rows.append(row)
    return header, rows


def _rows_to_codes(rows: Iterable[Mapping[str, str]]) -> list[Code]:
    items = []
    for row in rows:
        extra = {k: v for k, v in row.items() if k not in _BASE_COLUMNS}
        items.append(Code(row.get("code", ""), row.get("zh", ""), row.get("en", ""), extra))
    return items


def _load_file(name: str) -> CodeList:
    path = _codes_dir() / f"{name}.csv"
    if name in _NOT_CODE_LISTS or not _NAME_RE.match(name) or not path.is_file():
        raise KeyError(name)
    header, rows = _read_csv(path)
    if tuple(header[:3]) != _BASE_COLUMNS:
        raise ValueError(f"{path.name}: header must start with code,zh,en, got {header}")
    return CodeList(name, _rows_to_codes(rows))


_lock = threading.RLock()
_file_cache: dict[str, CodeList] = {}
_list_overrides: dict[str, CodeList] = {}
_line_overrides: dict[tuple[int, str], int] = {}
_setting_overrides: dict[str, str] = {}
_lines_cache: dict[tuple[int, str], int] | None = None
_settings_cache: dict[str, str] | None = None


def code_list(name: str) -> CodeList:
    """The named code list (server override first, else the shipped file), cached after first load.

    Raises KeyError(name) for a list that does not exist, so a typo fails loudly at the call site.
    """
    with _lock:
        if name in _list_overrides:
            return _list_overrides[name]
        if name not in _file_cache:
            _file_cache[name] = _load_file(name)
        return _file_cache[name]


def all_lists() -> dict[str, CodeList]:
    """Every code list, shipped and pushed, by name (sorted) — for reference-data screens and checks."""
    names = {p.stem for p in _codes_dir().glob("*.csv")} - _NOT_CODE_LISTS
    with _lock:
        names |= set(_list_overrides)
    return {name: code_list(name) for name in sorted(names)}


def override(name: str, codes: Iterable[Code | Mapping[str, str]]) -> CodeList:
    """Replace (or add) a code list in memory with data pushed by the county server.

    Accepts Code objects or row mappings with ``code``/``zh``/``en`` (+ extra columns); validated
    like a file so bad pushed data is rejected before it replaces good data.
    """
    if not _NAME_RE.match(name) or name in _NOT_CODE_LISTS:
        raise ValueError(f"invalid code list name {name!r}")
    items = [c if isinstance(c, Code) else _rows_to_codes([c])[0] for c in codes]
    new = CodeList(name, items)
    with _lock:
        _list_overrides[name] = new
    return new


def _yuan_to_fen(yuan: object, where: str) -> int:
    """Convert a yuan amount to integer fen exactly; floats are refused (money is never float)."""
    if isinstance(yuan, float | bool):
        raise TypeError(f"{where}: give yuan as int, str or Decimal, not {type(yuan).__name__}")
    try:
        fen = Decimal(str(yuan).strip().replace(",", "")) * 100
    except InvalidOperation:
        raise ValueError(f"{where}: {yuan!r} is not an amount") from None
    if fen != fen.to_integral_value() or fen <= 0:
        raise ValueError(f"{where}: {yuan!r} is not a positive whole number of fen")
    return int(fen)


def _province_key(province: str | None) -> str:
    """Two-digit province code; accepts a longer division code (county or village) and uses its prefix."""
    return (province or "").strip()[:2]


def _lines() -> dict[tuple[int, str], int]:
    global _lines_cache
    with _lock:
        if _lines_cache is None:
            header, rows = _read_csv(_codes_dir() / "poverty_lines.csv")
            if header != ["year", "province", "yuan"]:
                raise ValueError(f"poverty_lines.csv: header must be year,province,yuan, got {header}")
            lines: dict[tuple[int, str], int] = {}
            for row in rows:
                key = (int(row["year"]), _province_key(row["province"]))
                if key in lines:
                    raise ValueError(f"poverty_lines.csv: duplicate row for {key}")
                lines[key] = _yuan_to_fen(row["yuan"], f"poverty_lines.csv {key}")
            _lines_cache = lines
        return _lines_cache


def poverty_line_fen(year: int, province: str | None = None) -> int | None:
    """The poverty line in fen per person per year, or None if no line is known for ``year``.

    A province's own line (pushed or shipped) wins over the national default, because exit
    decisions must use the threshold the province actually applied.
    """
    keys = [(year, _province_key(province)), (year, "")] if _province_key(province) else [(year, "")]
    with _lock:
        for key in keys:
            if key in _line_overrides:
                return _line_overrides[key]
            if key in _lines():
                return _lines()[key]
    return None


def override_poverty_line(year: int, province: str | None, yuan: int | str | Decimal) -> None:
    """Set a poverty line in memory (``province`` None or "" = the national default)."""
    fen = _yuan_to_fen(yuan, f"poverty line {year}")
    with _lock:
        _line_overrides[(int(year), _province_key(province))] = fen


def _settings() -> dict[str, str]:
    global _settings_cache
    with _lock:
        if _settings_cache is None:
            header, rows = _read_csv(_codes_dir() / "settings.csv")
            if header != ["key", "value"]:
                raise ValueError(f"settings.csv: header must be key,value, got {header}")
            _settings_cache = {row["key"]: row["value"] for row in rows}
        return _settings_cache


def setting(key: str) -> str:
    """A configurable default (notice days, spot-check shares, hotline); KeyError if unknown.

    Returned as text: callers convert, since some settings are numbers and some (hotlines) are not.
    """
    with _lock:
        if key in _setting_overrides:
            return _setting_overrides[key]
        return _settings()[key]


def override_setting(key: str, value: str) -> None:
    """Set a configurable default in memory, e.g. a province's 5-day notice period."""
    with _lock:
        _setting_overrides[key] = str(value)


def reset_overrides() -> None:
    """Drop all in-memory overrides and file caches (tests; re-sync after a server reset)."""
    global _lines_cache, _settings_cache
    with _lock:
        _list_overrides.clear()
        _line_overrides.clear()
        _setting_overrides.clear()
        _file_cache.clear()
        _lines_cache = None
        _settings_cache = None

"""Remembered preferences (QSettings): language, font size, auto-lock, window layout, last user.

One small typed wrapper so every widget reads the same keys with the same defaults. Tests point
QSettings at a temporary INI file (``use_file``) so they never touch the developer's own settings;
``BANGFU_SETTINGS=/path/file.ini`` does the same for a portable install or a benchmark.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Bangfu"
APPLICATION = "bangfu"

LANGUAGES = ("zh_CN", "en")
#: font scale choices in percent: standard, large, extra large (for older eyes).
FONT_SCALES = (100, 125, 150)
#: auto-lock choices in minutes; 0 = never.
LOCK_MINUTES = (0, 5, 10, 15, 30, 60)

_file: Path | None = None


def use_file(path: Path | None) -> None:
    """Store settings in ``path`` (INI) instead of the platform's place (tests, portable installs)."""
    global _file
    _file = path


def _qsettings() -> QSettings:
    target = _file or (Path(os.environ["BANGFU_SETTINGS"]) if os.environ.get("BANGFU_SETTINGS") else None)
    if target is not None:
        return QSettings(str(target), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


class Settings:
    """Typed access to the app's preferences."""

    def __init__(self) -> None:
        self._s = _qsettings()

    def _get(self, key: str, default: Any, kind: type) -> Any:
        value = self._s.value(key, default)
        try:
            if kind is bool:
                return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
            return kind(value)
        except (TypeError, ValueError):
            return default

    def _set(self, key: str, value: Any) -> None:
        self._s.setValue(key, value)
        self._s.sync()

    # -- language and looks --------------------------------------------------------------------
    @property
    def language(self) -> str:
        value = self._get("ui/language", "zh_CN", str)
        return value if value in LANGUAGES else "zh_CN"

    @language.setter
    def language(self, value: str) -> None:
        self._set("ui/language", value if value in LANGUAGES else "zh_CN")

    @property
    def font_scale(self) -> int:
        value = self._get("ui/font_scale", 100, int)
        return value if value in FONT_SCALES else 100

    @font_scale.setter
    def font_scale(self, value: int) -> None:
        self._set("ui/font_scale", value if value in FONT_SCALES else 100)

    # -- security ------------------------------------------------------------------------------
    @property
    def lock_minutes(self) -> int:
        value = self._get("security/lock_minutes", 10, int)
        return value if value in LOCK_MINUTES else 10

    @lock_minutes.setter
    def lock_minutes(self, value: int) -> None:
        self._set("security/lock_minutes", value if value in LOCK_MINUTES else 10)

    @property
    def last_user(self) -> str:
        return self._get("security/last_user", "", str)

    @last_user.setter
    def last_user(self, value: str) -> None:
        self._set("security/last_user", value)

    # -- layout --------------------------------------------------------------------------------
    def geometry(self, name: str) -> QByteArray | None:
        value = self._s.value(f"layout/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, name: str, value: QByteArray) -> None:
        self._set(f"layout/{name}", value)

    def value(self, key: str, default: Any = None) -> Any:
        return self._s.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self._set(key, value)

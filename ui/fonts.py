"""Register the bundled fonts so Chinese renders on any machine (no boxes instead of characters).

Droid Sans Fallback covers the CJK ideographs but has no Latin letters or digits, so the UI font
is a *family list*: the system's UI font first, then DejaVu Sans (Latin, digits), then Droid Sans
Fallback (Chinese). Qt takes each character from the first family that has it.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.paths import resources_dir

log = logging.getLogger(__name__)

BUNDLED = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DroidSansFallbackFull.ttf")
_families: list[str] | None = None
_base_point_size: float | None = None


def register_fonts() -> list[str]:
    """Add the bundled fonts to Qt's font database (once); returns their family names."""
    global _families
    if _families is not None:
        return _families
    families: list[str] = []
    folder = resources_dir() / "fonts"
    for name in BUNDLED:
        path = folder / name
        if not path.is_file():
            log.warning("bundled font missing: %s", name)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("font could not be loaded: %s", name)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    _families = families
    return families


def apply_app_font(app: QApplication, scale_percent: int = 100) -> QFont:
    """Set the application font: system UI family + bundled fallbacks, scaled for large print."""
    global _base_point_size
    families = register_fonts()
    font = QFont(app.font())
    if _base_point_size is None:
        size = font.pointSizeF()
        _base_point_size = size if size > 0 else 10.0
    system = [f for f in font.families() if f and f not in families]
    font.setFamilies(system + families)
    font.setPointSizeF(round(_base_point_size * scale_percent / 100.0, 1))
    app.setFont(font)
    return font

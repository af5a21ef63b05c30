"""Where the app's read-only resources live.

Reference data, fonts, icons and translations ship next to the code in ``<project root>/resources``.
A PyInstaller one-file bundle unpacks them to a temporary folder announced as ``sys._MEIPASS``, so
every module must ask this function instead of building paths from its own ``__file__``.
"""

from __future__ import annotations

import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """Return the ``resources`` folder, in a source checkout or inside a PyInstaller bundle.

    Evaluated on each call (cheap) so tests and the frozen launcher can set ``sys._MEIPASS`` late.
    """
    return Path(getattr(sys, "_MEIPASS", PROJECT_ROOT)) / "resources"

"""What the screenshot scripts share: the project on sys.path, a quick key derivation for their
throw-away databases, and a wait on a condition while the offscreen event loop runs."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FAST_KDF = {"n": 2**12, "r": 8, "p": 1}  # demo databases in a temporary folder: no need for slow scrypt


def spin(app: Any, until: Callable[[], bool], timeout: float = 30.0) -> None:
    """Run the event loop until ``until()`` holds (or ``timeout`` seconds), then settle repaints."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if until():
            break
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()

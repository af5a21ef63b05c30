"""Fixtures of the pytest-qt tests of the desktop app (helpers live in ui_testkit.py).

Settings go to a temporary INI file; the UI language starts as Chinese; tests wait on signals,
never on fixed sleeps; workers are drained before the database closes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from shiboken6 import isValid
from ui_testkit import qtbot_flush


@pytest.fixture()
def ui_settings(tmp_path: Path) -> Iterator[Any]:
    from ui import settings

    settings.use_file(tmp_path / "settings.ini")
    yield settings.Settings()
    settings.use_file(None)


@pytest.fixture()
def zh_ui(qapp: Any, ui_settings: Any) -> Iterator[Any]:
    from ui.fonts import apply_app_font
    from ui.translation import set_ui_language

    set_ui_language("zh_CN")
    apply_app_font(qapp, 100)
    yield qapp
    set_ui_language("zh_CN")


@pytest.fixture()
def window(qtbot: Any, zh_ui: Any, ui_settings: Any, db: Any, monkeypatch: Any) -> Iterator[Any]:
    """A main window on the test database (no household yet unless the test adds some).

    Without the feature plugins of ui/plugins.py: their own tests cover them; these test the
    window itself (test_plugins_extend_the_window installs its own)."""
    import ui.plugins
    from ui.main_window import MainWindow
    from ui.workers import wait_all

    monkeypatch.setattr(ui.plugins, "PLUGINS", [])

    win = MainWindow(ui_settings)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    yield win
    win.idle.stop()
    wait_all(10000)
    qtbot_flush(qtbot)
    # closed here, while the database is still open, rather than by pytest-qt after the database
    # fixture; a card that still asks "unsaved changes?" fails the test (tests/conftest.py) instead
    # of waiting for an answer
    if isValid(win) and win.isVisible():
        win.close()
        wait_all(10000)
        qtbot_flush(qtbot)

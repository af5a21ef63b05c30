"""Training-mode fixtures: one generated sandbox per session, copied for each test (generation is
the slow part), and a data folder laid out like a real installation (``<home>/bangfu.db`` and
``<home>/training/``)."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FAST_KDF

SCENARIO = "exit_year"


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data folder; the real database's default place is ``home/bangfu.db``."""
    monkeypatch.setenv("BANGFU_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="session")
def template_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from app import training

    base = tmp_path_factory.mktemp("template")
    return training.reset_training(SCENARIO, base / "training" / training.SANDBOX_NAME,
                                   real_db=base / "bangfu.db", kdf=FAST_KDF)


@pytest.fixture()
def sandbox(home: Path, template_sandbox: Any) -> Any:
    """A fresh copy of the session's sandbox at ``home/training/``."""
    from app import training

    folder = home / "training"
    folder.mkdir()
    for src in template_sandbox.folder.iterdir():
        if src.is_file() and not src.name.endswith(("-wal", "-shm")):
            shutil.copy2(src, folder / src.name)
    info = training.sandbox_info(folder / training.SANDBOX_NAME)
    assert info is not None and info.scenario == SCENARIO
    return info


@pytest.fixture()
def sandbox_db(sandbox: Any) -> Iterator[Any]:
    from app import training

    db = training.open_sandbox(sandbox)
    yield db
    db.close()


@pytest.fixture()
def ui_settings(tmp_path: Path) -> Iterator[Any]:
    """QSettings in a temporary INI file (tour progress, language), as in tests/ui."""
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


def settle(qtbot: Any, monkeypatch: pytest.MonkeyPatch, *windows: Any) -> None:
    """At teardown: stop tours, close the windows and wait until every worker has reported, so no
    late answer reaches the next test. "Unsaved changes?" is answered "Yes" (a card may still be
    reloading after the tour's last save; what it holds is fictional and goes with the test)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox
    from shiboken6 import isValid

    from ui.workers import running, wait_all

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes))
    for win in windows:
        if not isValid(win):
            continue
        menu = getattr(win, "training_menu", None)
        if menu is not None and menu.runner is not None:
            menu.runner.stop()
        win.idle.stop()
        win.close()
    wait_all(10000)
    qtbot.waitUntil(lambda: running() == 0, timeout=10000)
    QCoreApplication.processEvents()


def tree_hashes(folder: Path, skip: str = "training") -> dict[str, str]:
    """sha256 of every file under ``folder`` except the ``skip`` subfolder (relative path -> hash)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder)
        if p.is_file() and rel.parts[0] != skip:
            out[str(rel)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out

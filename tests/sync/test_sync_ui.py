"""The desktop side of sync (pytest-qt): the panel, a sync in a worker, conflicts, refused changes;
and the automatic sync that starts when the server becomes reachable."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_support import FaultProxy, enroll, fast_backoff, point_at, seed_village

from app.domain import Household
from app.services import registry
from app.services.tx import write
from app.sync import client, outbox

pytestmark = pytest.mark.ui


@pytest.fixture()
def win(qtbot: Any, qapp: Any, tmp_path: Path, db: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from ui import settings
    from ui.main_window import MainWindow
    from ui.sync_panel import SyncMenu
    from ui.translation import set_ui_language
    from ui.workers import wait_all

    monkeypatch.setattr(SyncMenu, "AUTO", False)  # this test drives every sync itself
    settings.use_file(tmp_path / "settings.ini")
    set_ui_language("zh_CN")
    window = MainWindow(settings.Settings())
    qtbot.addWidget(window)
    window.show()
    yield window
    wait_all(10000)
    settings.use_file(None)


def _attach(qtbot: Any, window: Any, db: Any) -> None:
    """Attach the database; feature plugins load once the first rows are on screen."""
    window.attach_database(db, check=False)
    qtbot.waitUntil(lambda: hasattr(window, "sync_menu"), timeout=20000)


def _sync(qtbot: Any, window: Any) -> tuple[Any, str]:
    menu = window.sync_menu
    with qtbot.waitSignal(menu.finished, timeout=60000) as blocker:
        menu.sync_now()
    return blocker.args[0], blocker.args[1]


def test_panel_sync_conflicts_and_refused_changes(qtbot: Any, qtmodeltester: Any, win: Any, db: Any, lite_server: Any,
                                                  lite_url: str, laptops: Any, tmp_path: Path) -> None:
    other = laptops.new(tmp_path, "other")
    enroll(other, lite_server.url, lite_url)
    enroll(db, lite_server.url, lite_url)
    _v, (hh,) = seed_village(other)
    client.sync(other, backoff=fast_backoff())
    _attach(qtbot, win, db)
    menu = win.sync_menu
    assert "待同步" not in menu.status_label.text() or menu.status_label.text()
    panel = menu.show_panel()
    assert panel.server.text() == lite_server.url
    report, error = _sync(qtbot, win)
    assert error == "" and report.pulled >= 4
    with db.read() as s:
        assert s.get(Household, hh.id) is not None
    assert "上次同步" in menu.status_label.text()
    # both change the phone: the conflict appears in the review screen
    registry.update_household(other, hh.id, {"phone": "13800000001"})
    client.sync(other, backoff=fast_backoff())
    registry.update_household(db, hh.id, {"phone": "13900000002"})
    report, error = _sync(qtbot, win)
    assert report.conflicts == 1
    assert panel.conflicts.text() == "1" and panel.review_button.isEnabled()
    dialog = menu.show_conflicts()
    assert dialog.model.rowCount() == 1
    qtmodeltester.check(dialog.model)
    texts = [dialog.model.index(0, c).data() for c in range(6)]
    assert texts[1] == "联系电话" and texts[2] == "13800000001" and texts[5] == "13900000002"
    dialog.resolve("ours", 0)
    assert dialog.model.rowCount() == 0
    _sync(qtbot, win)
    client.sync(other, backoff=fast_backoff())
    with other.read() as s:
        assert s.get(Household, hh.id).phone == "13900000002"
    # a change the county refuses is listed with its reason, and can be discarded
    with write(db) as tx:
        tx._outbox("member", "01a22500-0000-7000-8000-0000000000e1", "create",
                   {"household_id": "01a22500-0000-7000-8000-0000000000e2", "name": "无户", "relation": "03"}, 0)
    report, _error = _sync(qtbot, win)
    assert report.rejected == 1
    panel.show_status(menu.status())
    assert panel.refused.count() == 1
    assert "不存在" in panel.refused.item(0).text()
    panel.discard_selected()
    assert panel.refused.count() == 0 and outbox.quarantined(db) == []
    other.close()


def test_errors_are_shown_in_plain_chinese(qtbot: Any, win: Any, db: Any, lite_server: Any, lite_url: str) -> None:
    enroll(db, lite_server.url, lite_url)
    proxy = FaultProxy(lite_server.port, lambda info: "drop_before")
    try:
        point_at(db, proxy.url)
        seed_village(db)
        _attach(qtbot, win, db)
        panel = win.sync_menu.show_panel()
        from app.sync import client as sync_client

        original = sync_client.Backoff
        sync_client.Backoff = lambda: fast_backoff(attempts=2)  # type: ignore[assignment]
        try:
            report, error = _sync(qtbot, win)
        finally:
            sync_client.Backoff = original  # type: ignore[assignment]
        assert report is None and "无法连接县服务器" in error
        assert "无法连接县服务器" in panel.message.text()
        assert int(panel.pending.text()) > 0
    finally:
        proxy.close()


def test_automatic_sync_when_the_server_appears(db: Any, lite_server: Any, lite_url: str) -> None:
    from app.sync.auto import AutoSync

    enroll(db, lite_server.url, lite_url)
    probes: list[Any] = []
    proxy = FaultProxy(lite_server.port, lambda info: probes.append(info) or "drop_before")  # no network yet
    point_at(db, proxy.url)
    seed_village(db)
    results: list[Any] = []
    auto = AutoSync(db, probe=0.05, max_probe=0.1, on_result=lambda report, error: results.append((report, error)))
    try:
        auto.start()
        deadline = time.monotonic() + 30
        while len(probes) < 3 and time.monotonic() < deadline:  # it keeps probing while offline
            time.sleep(0.01)
        assert len(probes) >= 3
        assert results == [] and outbox.pending_count(db) > 0 and not auto.online
        proxy.plan = None  # the link comes up
        deadline = time.monotonic() + 30
        while not results and time.monotonic() < deadline:
            time.sleep(0.05)
        report, error = results[0]
        assert error is None and report.pending == 0 and auto.online
    finally:
        auto.stop()
        proxy.close()

"""Automatic sync: watch for the county server and sync when a connection appears.

A background thread probes ``/health`` (cheap, unauthenticated) at a growing interval while the
server is unreachable (30 s doubling to 10 min), and syncs as soon as it answers if anything is
pending or the last sync is older than ``every`` seconds. The desktop app starts one per unlocked
database; ``trigger()`` asks for a sync now (e.g. the user pressed the button).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from app.errors import BangfuError
from app.sync import client, outbox
from app.sync.backoff import Retryable

log = logging.getLogger(__name__)


class AutoSync:
    def __init__(self, db: Any, every: float = 900.0, probe: float = 30.0, max_probe: float = 600.0,
                 on_result: Callable[[client.SyncReport | None, BangfuError | None], None] | None = None,
                 transport_factory: Callable[[], Any] | None = None) -> None:
        self.db = db
        self.every = every
        self.probe = probe
        self.max_probe = max_probe
        self.on_result = on_result
        self.transport_factory = transport_factory
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_sync = 0.0
        self.online = False

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="bangfu-autosync", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def trigger(self) -> None:
        self.last_sync = 0.0
        self._wake.set()

    def _reachable(self) -> bool:
        try:
            transport = self.transport_factory() if self.transport_factory else client.transport_for(self.db)
        except BangfuError:
            return False
        try:
            transport.health()
            return True
        except (Retryable, BangfuError):
            return False
        finally:
            transport.close()

    def _due(self) -> bool:
        return outbox.pending_count(self.db) > 0 or time.monotonic() - self.last_sync >= self.every

    def _run(self) -> None:
        wait = self.probe
        while not self._stop.is_set():
            if client.is_enrolled(self.db) and self._reachable():
                came_online = not self.online
                self.online = True
                wait = self.probe
                if came_online or self._due():
                    self._sync_once()
            else:
                self.online = False
                wait = min(self.max_probe, wait * 2)
            self._wake.wait(wait)
            self._wake.clear()

    def _sync_once(self) -> None:
        report, error = None, None
        transport = self.transport_factory() if self.transport_factory else None
        try:
            report = client.sync(self.db, transport=transport)
            self.last_sync = time.monotonic()
        except BangfuError as exc:
            error = exc
            log.info("automatic sync stopped: %s", exc.code)
        finally:
            if transport is not None:
                transport.close()
        if self.on_result is not None:
            self.on_result(report, error)

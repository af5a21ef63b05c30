"""The demo county server of training mode, and the guard that keeps training and real data apart.

``bangfu training --serve-demo-server`` (and the desktop's training menu) runs the real county
server (``server.app.create_app``) with ``demo=True`` on 127.0.0.1, on an embedded SQLite file in
the sandbox's ``training`` folder. A demo server says ``demo: true`` in its ``/health`` answer, and
:class:`TrainingGuard` checks every other request: a demo server serves only requests labelled
with the ``X-Bangfu-Training`` header (sent by training databases), a real server refuses them.
The client checks the same thing before it sends anything (``app.training.check_sync_allowed``);
the server's check is the second lock, for clients that skip the first.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from app.protocol import ErrorBody, now
from app.training import DEMO_SERVER_NAME, TRAINING_HEADER

#: Paths any client may ask (what the server is), demo or not.
#: The demo server's usual port (the real server's default is 8765).
DEMO_PORT = 8766
OPEN_PATHS = frozenset({"/health", "/docs", "/openapi.json", "/docs/oauth2-redirect", "/redoc"})
_HEADER = TRAINING_HEADER.lower().encode()


class TrainingGuard:
    """ASGI middleware: a demo server serves training databases only, a real server never does."""

    def __init__(self, app: ASGIApp, demo: bool) -> None:
        self.app = app
        self.demo = demo

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        training = dict(scope.get("headers") or []).get(_HEADER) == b"1"
        if training == self.demo:
            await self.app(scope, receive, send)
            return
        code = "training_only" if self.demo else "training_refused"
        body = json.dumps(ErrorBody(code=code, server_time=now()).model_dump(mode="json")).encode()
        await send({"type": "http.response.start", "status": 403,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class LoopbackServer:
    """An ASGI app served by uvicorn in a background thread of this process, on loopback only.

    ``start()`` returns once the server accepts connections; ``stop()`` shuts it down. It listens on
    ``port`` unless that port is taken (0: any free one).
    """

    def __init__(self, app: Any, host: str = "127.0.0.1", port: int = 0) -> None:
        if host not in ("127.0.0.1", "::1"):
            raise ValueError("this server listens on loopback only")
        self.app = app
        self.host = host
        self.port = port
        self._server: Any = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://[{self.host}]:{self.port}" if ":" in self.host else f"http://{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 30.0) -> str:
        import socket

        import uvicorn

        sock = socket.socket(socket.AF_INET6 if ":" in self.host else socket.AF_INET)
        try:
            sock.bind((self.host, self.port))
        except OSError:  # the usual port is taken (another demo server?): any free one will do
            sock.bind((self.host, 0))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(self.app, log_level="warning", access_log=False, timeout_keep_alive=15)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]},
                                        name="bangfu-loopback-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:  # uvicorn sets this once it listens; it offers nothing to wait on
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the server did not start")
            time.sleep(0.02)
        return self.url

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = self._thread = None

    def __enter__(self) -> LoopbackServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


#: Demo servers running in this process, by training folder (one per sandbox: the CLI's
#: ``--serve-demo-server`` and the desktop's menu share it).
_running: dict[Path, DemoServer] = {}


def running_for(folder: Path) -> DemoServer | None:
    server = _running.get(Path(folder).resolve())
    return server if server is not None and server.running else None


class DemoServer(LoopbackServer):
    """The county server with ``demo=True`` on an embedded SQLite file in the training folder."""

    def __init__(self, folder: Path, host: str = "127.0.0.1", port: int = DEMO_PORT) -> None:
        from server.app import create_app
        from server.db import sqlite_url

        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        app = create_app(sqlite_url(self.folder / DEMO_SERVER_NAME), demo=True)
        self.db = app.state.db
        super().__init__(app, host, port)

    def start(self, timeout: float = 30.0) -> str:
        url = super().start(timeout)
        _running[self.folder.resolve()] = self
        return url

    def issue_code(self, villages: list[str]) -> str:
        """A one-time enrollment code for a village laptop covering ``villages`` (codes or prefixes)."""
        from server.auth import issue_enrollment

        code, _row = issue_enrollment(self.db, villages, "village", hours=24.0, label="training")
        return code

    def stop(self) -> None:
        if _running.get(self.folder.resolve()) is self:
            del _running[self.folder.resolve()]
        super().stop()
        self.db.dispose()


def serve_for_sandbox(db: Any, folder: Path, port: int = DEMO_PORT,
                      progress: Callable[[int, int], None] | None = None) -> tuple[DemoServer, dict[str, Any]]:
    """Start a demo server in ``folder`` (or take the one running there) and make sure the
    training database ``db`` syncs with it.

    A sandbox not yet enrolled (or enrolled with an earlier demo server, whose address changed) is
    enrolled with a fresh one-time code and its data handed to the server
    (``app.training.connect_demo_server``). Returns the running server and what was done.
    """
    from app.sync import state
    from app.training import check_sync_allowed, connect_demo_server, sandbox_scope

    check_sync_allowed(db, {"demo": True})  # refuses a real database before anything starts
    server = running_for(folder)
    if server is None:
        server = DemoServer(folder, port=port)
        server.start()
    url = server.url
    try:
        done: dict[str, Any] = {"url": url, "seeded": 0, "refused": 0, "enrolled": False}
        if not _device_known(server, db.device_id):
            code = server.issue_code(sandbox_scope(db))
            done.update(connect_demo_server(db, url, code, progress))
            done["enrolled"] = True
        elif state.read(db, state.SERVER) != url:  # the same demo server on another port
            state.write(db, **{state.SERVER: url})
        return server, done
    except BaseException:
        server.stop()
        raise


def _device_known(server: DemoServer, device_id: str) -> bool:
    from server.models import Device

    with server.db.read() as session:
        device = session.get(Device, device_id)
    return device is not None and device.revoked_at is None

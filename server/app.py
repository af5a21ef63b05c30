"""The county server's HTTP API (FastAPI). ``create_app(db_url)`` builds one stateless instance.

Every answer carries the server time (header ``X-Server-Time``, and ``server_time`` in JSON
bodies). Every request except ``/health`` and ``/enroll`` needs ``Authorization: Bearer <device
token>``. Request bodies are size-limited before they are read; compressed push bodies are
inflated with a limit. Logs name routes, statuses and device ids only — never bodies, query
values or exception messages, which may carry personal data.
"""

from __future__ import annotations

import json
import logging
import time
import traceback
from typing import Annotated

from fastapi import Depends, FastAPI, Header, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.protocol import (
    MAX_CHUNK,
    MAX_JSON_BODY,
    MAX_PULL_LIMIT,
    MAX_PUSH_BODY,
    PROTOCOL_VERSION,
    SERVER_TIME_HEADER,
    SHA256_PATTERN,
    UUID_PATTERN,
    AttachmentStatus,
    Decision,
    DeviceStatus,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    FetchRequest,
    FetchResponse,
    Health,
    PullResponse,
    PushRequest,
    PushResponse,
    TooLarge,
    decompress,
    now,
)
from server import attachments, auth
from server.apply import BatchReused, apply_batch
from server.county import CountyError, decide_request
from server.db import ServerDB, latest_seq, upgrade
from server.models import Device
from server.pull import fetch, pull
from server.training_demo import TrainingGuard

log = logging.getLogger("bangfu.server")


class ApiError(Exception):
    def __init__(self, status: int, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.detail = detail


def _error(status: int, code: str, detail: str = "") -> JSONResponse:
    body = ErrorBody(code=code, detail=detail, server_time=now())
    return JSONResponse(body.model_dump(mode="json"), status_code=status)


def _limit_for(method: str, path: str) -> int:
    if path == "/sync/push":
        return MAX_PUSH_BODY
    if method == "PUT" and path.startswith("/attachments/"):
        return MAX_CHUNK
    return MAX_JSON_BODY


class GuardMiddleware:
    """Outermost layer: body-size limits, server time on every answer, sanitised error logging.

    Exceptions never reach uvicorn's own handler (which would log their messages): they become a
    500 with a code, logged with their type and code locations only.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        limit = _limit_for(scope["method"], scope["path"])
        headers = dict(scope.get("headers") or [])
        status_holder = {"status": 0, "sent": False}
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > limit
            except ValueError:
                too_big = True
            if too_big:
                await _send_json(send, 413, "too_large")
                self._log(scope, 413, started)
                return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise TooLarge()
            return message

        async def timed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                status_holder["sent"] = True
                message = dict(message)
                message["headers"] = [*message.get("headers", []),
                                      (SERVER_TIME_HEADER.lower().encode(), now().isoformat().encode())]
            await send(message)

        try:
            await self.app(scope, limited_receive, timed_send)
        except ClientDisconnect:
            status_holder["status"] = 499  # the laptop went away mid-request (a dropped link): nothing to answer
        except TooLarge:
            if not status_holder["sent"]:
                await _send_json(send, 413, "too_large")
            status_holder["status"] = 413
        except Exception as exc:  # the last line of defence
            frames = "; ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}"
                               for f in traceback.extract_tb(exc.__traceback__)[-6:])
            log.error("internal error %s at %s", type(exc).__name__, frames)
            if not status_holder["sent"]:
                await _send_json(send, 500, "internal")
            status_holder["status"] = 500
        self._log(scope, status_holder["status"], started)

    @staticmethod
    def _log(scope: Scope, status: int, started: float) -> None:
        route = scope.get("route")
        path = getattr(route, "path", None) or "-"
        device = scope.get("state", {}).get("device_id", "-")
        log.info("%s %s %s %.1fms device=%s", scope["method"], path, status, (time.perf_counter() - started) * 1000,
                 device)


async def _send_json(send: Send, status: int, code: str) -> None:
    body = json.dumps(ErrorBody(code=code, server_time=now()).model_dump(mode="json")).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (SERVER_TIME_HEADER.lower().encode(), now().isoformat().encode())]})
    await send({"type": "http.response.body", "body": body})


_bearer = HTTPBearer(auto_error=False)


def device_dep(request: Request,
               creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> Device:
    """The calling device, authenticated by its bearer token; refused when unknown or revoked."""
    if creds is None or not creds.credentials:
        raise ApiError(401, "unauthorized")
    db: ServerDB = request.app.state.db
    try:
        with db.read() as session:
            device = auth.authenticate(session, creds.credentials)
    except auth.AuthError as exc:
        raise ApiError(403 if exc.code == "revoked" else 401, exc.code) from None
    request.scope.setdefault("state", {})["device_id"] = device.id[:8]
    return device


DeviceDep = Annotated[Device, Depends(device_dep)]
ShaPath = Annotated[str, PathParam(pattern=SHA256_PATTERN)]
UuidPath = Annotated[str, PathParam(pattern=UUID_PATTERN)]


def create_app(db_url: str, migrate: bool = True, demo: bool = False) -> FastAPI:
    """A server instance for ``db_url``; ``migrate`` brings the schema to head first.

    ``demo`` makes it a training-mode demo server (see server.training_demo): it says so in
    ``/health`` and serves training databases only; a real server refuses them.
    """
    db = ServerDB(db_url)
    if migrate:
        upgrade(db)
    app = FastAPI(title="Bangfu county server", version=str(PROTOCOL_VERSION),
                  description="Sync API of 帮扶通 (Bangfu): push, pull, attachments, enrollment.")
    app.state.db = db
    errors = {401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 413: {"model": ErrorBody},
              422: {"model": ErrorBody}}

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Locations and error types only: the rejected input may be personal data.
        where = "; ".join(".".join(str(p) for p in e.get("loc", ())) + f" ({e.get('type', '')})"
                          for e in exc.errors()[:10])
        return _error(422, "invalid_request", where)

    @app.get("/health", response_model=Health, tags=["status"])
    def health() -> Health:
        return Health(server_time=now(), demo=demo)

    @app.post("/enroll", response_model=EnrollResponse, responses=errors, tags=["devices"])
    def enroll(req: EnrollRequest) -> EnrollResponse:
        try:
            return auth.enroll(db, req)
        except auth.AuthError as exc:
            raise ApiError(403, exc.code) from None

    @app.get("/sync/status", response_model=DeviceStatus, responses=errors, tags=["sync"])
    def status(device: DeviceDep) -> DeviceStatus:
        with db.read() as session:
            latest = latest_seq(session)
        return DeviceStatus(device_id=device.id, role=device.role, villages=device.villages,  # type: ignore[arg-type]
                            latest_seq=latest, server_time=now())

    push_body = {"requestBody": {"required": True, "content": {"application/json": {
        "schema": PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")}}}}

    @app.post("/sync/push", response_model=PushResponse, responses={**errors, 409: {"model": ErrorBody}},
              openapi_extra=push_body, tags=["sync"])
    async def push(request: Request, device: DeviceDep,
                   content_encoding: Annotated[str, Header()] = "identity") -> PushResponse:
        body = await request.body()
        try:
            raw = decompress(body, content_encoding)
        except TooLarge:
            raise ApiError(413, "too_large") from None
        except (ValueError, OSError):
            raise ApiError(400, "bad_encoding") from None
        try:
            req = PushRequest.model_validate_json(raw)
        except ValidationError as exc:
            where = "; ".join(".".join(str(p) for p in e.get("loc", ())) + f" ({e.get('type', '')})"
                              for e in exc.errors()[:10])
            raise ApiError(422, "invalid_request", where) from None
        if req.device_id != device.id:
            raise ApiError(403, "device_mismatch")
        try:
            return await run_in_threadpool(apply_batch, db, device, req)
        except BatchReused:
            raise ApiError(409, "batch_reused") from None

    @app.get("/sync/pull", response_model=PullResponse, responses=errors, tags=["sync"])
    def pull_route(device: DeviceDep, since: Annotated[int, Query(ge=0, le=2**62)] = 0,
                   limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = 500) -> PullResponse:
        return pull(db, device, since, limit)

    @app.post("/sync/fetch", response_model=FetchResponse, responses=errors, tags=["sync"])
    def fetch_route(req: FetchRequest, device: DeviceDep) -> FetchResponse:
        return fetch(db, device, req.items)

    @app.get("/attachments/{sha256}", response_model=AttachmentStatus, responses=errors, tags=["attachments"])
    def attachment_status(sha256: ShaPath, device: DeviceDep) -> AttachmentStatus:
        return attachments.status(db, sha256)

    chunk_body = {"requestBody": {"required": True, "content": {"application/octet-stream": {
        "schema": {"type": "string", "format": "binary"}}}}}

    @app.put("/attachments/{sha256}", response_model=AttachmentStatus,
             responses={**errors, 409: {"model": ErrorBody}}, openapi_extra=chunk_body, tags=["attachments"])
    async def attachment_put(request: Request, sha256: ShaPath, device: DeviceDep,
                             offset: Annotated[int, Query(ge=0, le=2**40)],
                             total: Annotated[int, Query(ge=1, le=2**40)]) -> AttachmentStatus:
        data = await request.body()
        try:
            return await run_in_threadpool(attachments.put_chunk, db, sha256, offset, total, data, device.id)
        except attachments.AttachmentError as exc:
            status_code = {"too_large": 413, "mismatch": 422}.get(exc.code, 409)
            raise ApiError(status_code, exc.code) from None

    @app.get("/attachments/{sha256}/content", responses={**errors, 404: {"model": ErrorBody}},
             response_class=Response, tags=["attachments"])
    def attachment_get(sha256: ShaPath, device: DeviceDep,
                       range_: Annotated[str | None, Header(alias="range")] = None) -> Response:
        start = 0
        if range_ and range_.startswith("bytes=") and range_[6:].endswith("-") and range_[6:-1].isdigit():
            start = int(range_[6:-1])
        try:
            total, data = attachments.read(db, sha256, start)
        except attachments.AttachmentError:
            raise ApiError(404, "not_found") from None
        if start:
            return Response(data, status_code=206, media_type="application/octet-stream",
                            headers={"Content-Range": f"bytes {start}-{total - 1}/{total}"})
        return Response(data, media_type="application/octet-stream")

    @app.post("/lifecycle/{request_id}/decision", response_model=DeviceStatus,
              responses={**errors, 404: {"model": ErrorBody}, 409: {"model": ErrorBody}}, tags=["county"])
    def decision(request_id: UuidPath, req: Decision, device: DeviceDep) -> DeviceStatus:
        if device.role != "county":
            raise ApiError(403, "forbidden_role")
        try:
            decide_request(db, request_id, req.decision, req.user, req.note, device)
        except CountyError as exc:
            raise ApiError(404 if exc.code == "not_found" else 409, exc.code) from None
        with db.read() as session:
            latest = latest_seq(session)
        return DeviceStatus(device_id=device.id, role=device.role, villages=device.villages,  # type: ignore[arg-type]
                            latest_seq=latest, server_time=now())

    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(TrainingGuard, demo=demo)
    app.add_middleware(GuardMiddleware)
    return app


"""HTTP transport of the sync client (httpx): one method per endpoint, typed answers.

Network errors and 5xx answers raise ``Retryable`` (the caller retries with backoff; every call is
idempotent on the server). Refusals raise ``BangfuError`` with a translated code and are not
retried. Every answer's ``X-Server-Time`` feeds the clock-skew estimate.
"""

from __future__ import annotations

import json
import ssl
import time
from datetime import datetime
from functools import cache
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

import app.sync.messages  # noqa: F401
from app.errors import BangfuError
from app.protocol import (
    SERVER_TIME_HEADER,
    AttachmentStatus,
    DeviceStatus,
    EnrollRequest,
    EnrollResponse,
    EntityRef,
    FetchRequest,
    FetchResponse,
    Health,
    PullResponse,
    PushRequest,
    PushResponse,
    canonical_json,
    compress,
)
from app.sync.backoff import Retryable

M = TypeVar("M", bound=BaseModel)


@cache
def _tls() -> ssl.SSLContext:
    """One TLS context per process: building it loads the CA bundle, which takes ~0.1 s."""
    return ssl.create_default_context()


class HttpTransport:
    """Talks to one county server as one device."""

    def __init__(self, base_url: str, token: str | None = None, timeout: float = 60.0,
                 client: httpx.Client | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.client = client or httpx.Client(
            base_url=self.base_url, timeout=httpx.Timeout(timeout, connect=10.0),
            headers={"User-Agent": "bangfu-sync/1"}, limits=httpx.Limits(max_keepalive_connections=2), verify=_tls(),
        )
        self.skew_s: float | None = None
        self.bytes_sent = 0
        self.bytes_received = 0
        self.requests = 0
        self.upload_rate: float | None = None  # bytes/s seen on large request bodies (EWMA)

    def close(self) -> None:
        self.client.close()

    # -- plumbing --------------------------------------------------------------------------
    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = dict(extra or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def _request(self, method: str, path: str, *, content: bytes | None = None, params: dict[str, Any] | None = None,
                 headers: dict[str, str] | None = None) -> httpx.Response:
        sent_at = time.time()
        try:
            resp = self.client.request(method, path, content=content, params=params, headers=self._headers(headers))
        except (httpx.TransportError, httpx.DecodingError) as exc:
            # Connection refused/reset, timeouts, a body cut mid-way: nothing we may trust.
            raise Retryable(type(exc).__name__) from None
        finally:
            self.requests += 1
            self.bytes_sent += len(content or b"")
        self.bytes_received += len(resp.content)
        size = len(content or b"")
        if size >= 8192:
            rate = size / max(time.time() - sent_at, 1e-3)
            self.upload_rate = rate if self.upload_rate is None else 0.7 * self.upload_rate + 0.3 * rate
        self._observe_clock(resp, sent_at, time.time())
        if resp.status_code >= 500 or resp.status_code == 429:
            raise Retryable(f"status {resp.status_code}")
        if resp.status_code >= 400:
            raise self._refusal(resp)
        return resp

    def _observe_clock(self, resp: httpx.Response, sent_at: float, received_at: float) -> None:
        stamp = resp.headers.get(SERVER_TIME_HEADER)
        if not stamp:
            return
        try:
            server = datetime.fromisoformat(stamp).timestamp()
        except ValueError:
            return
        self.skew_s = server - (sent_at + received_at) / 2

    @staticmethod
    def _refusal(resp: httpx.Response) -> BangfuError:
        try:
            code = resp.json().get("code", "")
        except (ValueError, AttributeError):
            code = ""
        if resp.status_code == 401:
            return BangfuError("sync.unauthorized")
        if code == "revoked":
            return BangfuError("sync.revoked")
        if code == "enroll_refused":
            return BangfuError("sync.enroll_refused")
        if code == "batch_reused":
            return BangfuError("sync.batch_reused")
        if resp.status_code == 413:
            return BangfuError("sync.too_large")
        return BangfuError("sync.protocol", what=f"{resp.status_code} {code}"[:60])

    @staticmethod
    def _parse(model: type[M], resp: httpx.Response) -> M:
        try:
            return model.model_validate_json(resp.content)
        except ValidationError:
            # A truncated or mangled answer: the request was idempotent, so ask again.
            raise Retryable("unparseable answer") from None

    # -- endpoints -------------------------------------------------------------------------
    def health(self) -> Health:
        return self._parse(Health, self._request("GET", "/health"))

    def enroll(self, req: EnrollRequest) -> EnrollResponse:
        resp = self._request("POST", "/enroll", content=canonical_json(req.model_dump(mode="json")),
                             headers={"Content-Type": "application/json"})
        return self._parse(EnrollResponse, resp)

    def status(self) -> DeviceStatus:
        return self._parse(DeviceStatus, self._request("GET", "/sync/status"))

    def push(self, req: PushRequest, body: bytes | None = None) -> PushResponse:
        """POST a batch, gzip-compressed; ``body`` may be the already-compressed bytes."""
        if body is None:
            body = compress(json.dumps(req.model_dump(mode="json"), ensure_ascii=False).encode("utf-8"))
        resp = self._request("POST", "/sync/push", content=body,
                             headers={"Content-Type": "application/json", "Content-Encoding": "gzip"})
        answer = self._parse(PushResponse, resp)
        if answer.batch_id != req.batch_id:
            raise BangfuError("sync.protocol", what="batch id")
        return answer

    def pull(self, since: int, limit: int) -> PullResponse:
        resp = self._request("GET", "/sync/pull", params={"since": since, "limit": limit},
                             headers={"Accept-Encoding": "gzip"})
        return self._parse(PullResponse, resp)

    def fetch(self, items: list[EntityRef]) -> FetchResponse:
        req = FetchRequest(items=items)
        resp = self._request("POST", "/sync/fetch", content=canonical_json(req.model_dump(mode="json")),
                             headers={"Content-Type": "application/json"})
        return self._parse(FetchResponse, resp)

    def attachment_status(self, sha256: str) -> AttachmentStatus:
        return self._parse(AttachmentStatus, self._request("GET", f"/attachments/{sha256}"))

    def put_chunk(self, sha256: str, offset: int, total: int, data: bytes) -> AttachmentStatus:
        try:
            resp = self._request("PUT", f"/attachments/{sha256}", content=data,
                                 params={"offset": offset, "total": total},
                                 headers={"Content-Type": "application/octet-stream"})
        except BangfuError as exc:
            if exc.code == "sync.protocol" and "mismatch" in str(exc.params.get("what", "")):
                raise BangfuError("sync.attachment_mismatch") from None
            if exc.code == "sync.protocol":
                raise Retryable("chunk refused") from None  # a gap: ask the status and resume
            raise
        return self._parse(AttachmentStatus, resp)

    def get_content(self, sha256: str, start: int = 0) -> bytes:
        headers = {"Range": f"bytes={start}-"} if start else {}
        return self._request("GET", f"/attachments/{sha256}/content", headers=headers).content

"""Pure ASGI middleware: request ids and logs, the concurrency limits, the request timeout and the body limits.

They apply to the API (``/api/``); health, readiness and metrics stay reachable when the service is saturated,
which is exactly when operators need them. One client (by address; behind a trusted proxy, the forwarded one)
holds at most ``MAX_CONCURRENT_PER_CLIENT`` of the ``MAX_CONCURRENT_REQUESTS`` slots, so a hundred half-sent
requests from one address cannot starve everyone else; a body is counted while it streams in and a client that
stops sending it is cut off after ``REQUEST_BODY_TIMEOUT``.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from dataclasses import dataclass

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from heine_ai.errors import AppError, BodyTimeout, BodyTooLarge, Overloaded, RequestTimeout
from heine_ai.observability.logging import get_logger
from heine_ai.observability.metrics import Metrics
from heine_ai.observability.timing import start_timing, stop_timing

log = get_logger("heine_ai.http")


async def _send_error(send: Send, error: AppError, headers: list[tuple[bytes, bytes]]) -> None:
    body = json.dumps(error.to_body()).encode()
    await send(
        {
            "type": "http.response.start",
            "status": error.status_code,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RequestContextMiddleware:
    """Binds a request id (X-Request-ID, or a new one) to every log line of the request and logs its outcome;
    ``timed`` (debug mode) adds the request's timing breakdown by stage to that line."""

    def __init__(self, app: ASGIApp, metrics: Metrics, timed: bool = False) -> None:
        self.app = app
        self.metrics = metrics
        self.timed = timed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if 0 < len(incoming) <= 64 and incoming.isprintable() else uuid.uuid4().hex
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        status = 500
        timings, timing_token = start_timing() if self.timed else (None, None)

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            route = scope.get("route")
            path = getattr(route, "path", None) or "unmatched"
            self.metrics.http_requests.labels(method=scope["method"], route=path, status=str(status)).inc()
            extra = {"timings_ms": timings.breakdown()} if timings is not None else {}
            log.info(
                "http_request",
                method=scope["method"],
                route=path,
                status=status,
                duration_ms=round((time.perf_counter() - started) * 1000, 2),
                **extra,
            )
            if timing_token is not None:
                stop_timing(timing_token)
            structlog.contextvars.clear_contextvars()


@dataclass(frozen=True, slots=True)
class ApiLimits:
    max_concurrent: int
    max_per_client: int
    timeout: float  # seconds for a whole request, except the ``untimed`` paths
    max_body: int  # bytes of a request body
    body_timeout: float  # seconds the client may pause while sending its body
    large_bodies: tuple[tuple[str, int], ...] = ()  # (path prefix, max bytes) of endpoints that take uploads
    untimed: tuple[str, ...] = ("/api/v1/admin/knowledge",)  # ingestion may fetch a whole sitemap


class LimitsMiddleware:
    """Rejects API requests beyond the concurrency limits (503), ends those that run too long (504), and bodies
    that are too large (413) or stall (408)."""

    def __init__(self, app: ASGIApp, limits: ApiLimits, prefix: str = "/api/") -> None:
        self.app = app
        self.limits = limits
        self.prefix = prefix
        self.in_flight = 0
        self.per_client: dict[str, int] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("", 0))[0]
        if self.in_flight >= self.limits.max_concurrent or self.per_client.get(client, 0) >= self.limits.max_per_client:
            busy = Overloaded("Too many concurrent requests; please retry shortly.")
            await _send_error(send, busy, [(b"retry-after", b"1")])
            return
        max_body = next((n for prefix, n in self.limits.large_bodies if scope["path"].startswith(prefix)), None)
        body = _BodyGuard(receive, send, max_body or self.limits.max_body, self.limits.body_timeout)
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > body.max_bytes:
            await _send_error(send, body.too_large(), [(b"connection", b"close")])
            return
        self.in_flight += 1
        self.per_client[client] = self.per_client.get(client, 0) + 1
        try:
            untimed = scope["path"].startswith(self.limits.untimed)
            await asyncio.wait_for(self.app(scope, body.receive, body.send), None if untimed else self.limits.timeout)
        except TimeoutError:
            log.warning("request_timeout", path_prefix=self.prefix, timeout=self.limits.timeout)
            if not body.started:
                await _send_error(send, RequestTimeout(f"The request took longer than {self.limits.timeout:g} s."), [])
        finally:
            self.in_flight -= 1
            left = self.per_client.pop(client) - 1
            if left:
                self.per_client[client] = left


class _BodyGuard:
    """Counts a request body as it streams in. Over the limit, or when the client pauses too long, the guard
    answers 413 or 408 itself and tells the app that the client is gone; whatever the app then sends is dropped."""

    def __init__(self, receive: Receive, send: Send, max_bytes: int, timeout: float) -> None:
        self._receive = receive
        self._send = send
        self.max_bytes = max_bytes
        self._timeout = timeout
        self._read = 0
        self._done = False
        self._cut_off = False
        self.started = False

    def too_large(self) -> BodyTooLarge:
        kb = self.max_bytes // 1024
        return BodyTooLarge(f"The request body is larger than {kb} KB.", details={"max_kb": kb})

    async def receive(self) -> Message:
        if self._cut_off:
            return {"type": "http.disconnect"}
        if self._done:
            return await self._receive()
        try:
            async with asyncio.timeout(self._timeout):  # not wait_for: on 3.11 it can swallow the request timeout
                message = await self._receive()
        except TimeoutError:
            return await self._cut(BodyTimeout(f"The request body stalled for {self._timeout:g} s."))
        if message["type"] == "http.request":
            self._read += len(message.get("body", b""))
            if self._read > self.max_bytes:
                return await self._cut(self.too_large())
            self._done = not message.get("more_body", False)
        return message

    async def send(self, message: Message) -> None:
        if self._cut_off:
            return
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)

    async def _cut(self, error: AppError) -> Message:
        if not self.started:
            await _send_error(self._send, error, [(b"connection", b"close")])
            self.started = True
        self._cut_off = True
        log.warning("request_body_refused", code=error.code)
        return {"type": "http.disconnect"}

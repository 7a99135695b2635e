"""Pure ASGI middleware: request ids and logs, the concurrency limit and the request timeout.

MAX_CONCURRENT_REQUESTS and REQUEST_TIMEOUT apply to the API (``/api/``); health, readiness and metrics stay
reachable when the service is saturated, which is exactly when operators need them.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from heine_ai.errors import AppError, Overloaded, RequestTimeout
from heine_ai.observability.logging import get_logger
from heine_ai.observability.metrics import Metrics

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
    """Binds a request id (X-Request-ID, or a new one) to every log line of the request and logs its outcome."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

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
            log.info(
                "http_request",
                method=scope["method"],
                route=path,
                status=status,
                duration_ms=round((time.perf_counter() - started) * 1000, 2),
            )
            structlog.contextvars.clear_contextvars()


class LimitsMiddleware:
    """Rejects API requests beyond the concurrency limit (503) and ends those that run too long (504)."""

    def __init__(
        self,
        app: ASGIApp,
        max_concurrent: int,
        timeout: float,
        prefix: str = "/api/",
        untimed: tuple[str, ...] = ("/api/v1/admin/knowledge",),
    ) -> None:
        """``untimed`` paths (knowledge ingestion, which may fetch a whole sitemap) count but are not timed out."""
        self.app = app
        self.timeout = timeout
        self.prefix = prefix
        self.untimed = untimed
        self.max_concurrent = max_concurrent
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.max_concurrent:
            busy = Overloaded("Too many concurrent requests; please retry shortly.")
            await _send_error(send, busy, [(b"retry-after", b"1")])
            return
        self.in_flight += 1
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            timeout = None if scope["path"].startswith(self.untimed) else self.timeout
            await asyncio.wait_for(self.app(scope, receive, tracking_send), timeout)
        except TimeoutError:
            log.warning("request_timeout", path_prefix=self.prefix, timeout=self.timeout)
            if not started:
                await _send_error(send, RequestTimeout(f"The request took longer than {self.timeout:g} s."), [])
        finally:
            self.in_flight -= 1

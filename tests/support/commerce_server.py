"""The loopback reference server of the commerce contract (``docs/commerce-api.yaml``), backed by the demo shop.

It stands in for the retailer's shop system in the tests, as a real HTTP server (uvicorn, a free port), so the
assistant's procedures run unchanged against ``COMMERCE_BACKEND=http``. It lives with the tests, not in the
package: it is the demo shop behind a thin HTTP layer, nothing an operator could not get from
``COMMERCE_BACKEND=demo``, and the contract file is what a retailer's adapter is written against.

Besides the contract, the shop's own refusals (409 for cancelling or readdressing an order that is not in
preparation, 422 for a position the order does not hold) and, for the client's tests, ``Faults``: the next
requests can fail before or after their work is done (a 503, or an answer held past the client's timeout), so
that a lost answer can be shown not to record an action twice.
"""

from __future__ import annotations

import asyncio
import hmac
import sqlite3
from collections.abc import Awaitable, Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from heine_ai.errors import NotFound
from heine_ai.orders.commerce import ActionKind, ActionState, execute
from heine_ai.orders.demo import DemoCommerce
from heine_ai.orders.wire import ACTION_PATHS, order_to_json, record_to_json, request_from_json
from tests.support.live import serve_app

TOKEN = "reference-shop-token"
BRAND = Query(min_length=1)
HOLD_SECONDS = 2.0  # how long a "slow" fault holds its answer: well past the clients' timeouts in the tests


@dataclass
class Faults:
    """Failures for the next requests, in order: ``"503_before"`` answers 503 without doing the work,
    ``"503_after"`` does the work and answers 503, ``"slow_after"`` does the work and holds the answer."""

    pending: list[str] = field(default_factory=list)
    seen: list[tuple[str, str, str | None]] = field(default_factory=list)  # method, path, Idempotency-Key

    def next(self) -> str | None:
        return self.pending.pop(0) if self.pending else None


class Lookup(BaseModel):
    brand: str = Field(min_length=1)
    order_number: str = Field(min_length=1, max_length=40)
    postcode: str | None = Field(None, max_length=20)
    email: str | None = Field(None, max_length=320)
    customer_id: str | None = Field(None, min_length=1, max_length=128)


class ContactLookup(BaseModel):
    brand: str = Field(min_length=1)
    order_number: str = Field(min_length=1, max_length=40)


class ActionBody(BaseModel):
    brand: str = Field(min_length=1)
    order_number: str = Field(min_length=1, max_length=40)
    positions: list[int] = Field(default_factory=list)
    reason: str | None = None
    new_size: str | None = None
    new_address: str | None = None
    needs_approval: str | None = None
    channel: str = "web"
    conversation_id: str | None = None
    language: str | None = None


class DecisionBody(BaseModel):
    approve: bool
    staff: str = Field(min_length=1)


def error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def create_commerce_app(shop_file: Path, token: str = TOKEN, faults: Faults | None = None) -> FastAPI:
    shop = DemoCommerce(shop_file)
    faults = faults or Faults()
    app = FastAPI(title="reference shop")

    @app.middleware("http")
    async def authorise_and_inject(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            return error(401, "unauthorized", "A valid bearer token is required.")
        faults.seen.append((request.method, request.url.path, request.headers.get("idempotency-key")))
        fault = faults.next()
        if fault == "503_before":
            return error(503, "unavailable", "Try again later.")
        response = await call_next(request)
        if fault == "503_after":
            return error(503, "unavailable", "Try again later.")
        if fault == "slow_after":
            await asyncio.sleep(HOLD_SECONDS)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return error(422, "validation_error", f"The request does not fit the contract ({len(exc.errors())} errors).")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = "malformed_request" if exc.status_code == 400 else "http_error"
        answer = error(exc.status_code, code, str(exc.detail))
        answer.headers.update(exc.headers or {})  # a 405's Allow
        return answer

    @app.exception_handler(NotFound)
    async def not_found(_request: Request, exc: NotFound) -> JSONResponse:
        return error(404, exc.code, exc.message)

    @app.post("/orders/lookup", response_model=None)
    async def find_order(body: Lookup) -> dict[str, Any] | JSONResponse:
        if body.postcode is None and body.email is None and body.customer_id is None:
            return error(422, "validation_error", "A postcode, an e-mail address or a customer id is required.")
        order = await shop.find_order(
            body.brand, body.order_number, postcode=body.postcode, email=body.email, customer_id=body.customer_id
        )
        if order is None:
            return error(404, "order_not_found", "No such order.")
        return order_to_json(order)

    @app.post("/orders/contact", response_model=None)
    async def order_contact(body: ContactLookup) -> dict[str, str] | JSONResponse:
        email = await shop.order_contact(body.brand, body.order_number)
        if email is None:
            return error(404, "order_not_found", "No such order.")
        return {"email": email}

    @app.get("/stock/{sku}/{size:path}")  # a size like W32/L34 arrives decoded
    async def in_stock(sku: str, size: str, brand: str = BRAND) -> dict[str, bool]:
        return {"in_stock": await shop.in_stock(brand, sku, size)}

    def action_route(kind: ActionKind) -> None:
        async def create(body: ActionBody, request: Request) -> JSONResponse:
            key = request.headers.get("idempotency-key", "")
            if not 0 < len(key) <= 200:
                return error(422, "validation_error", "An Idempotency-Key header of 1 to 200 characters is required.")
            refusal = _refusal(shop_file, kind, key, body)
            if refusal is not None:
                return refusal
            action = request_from_json(kind, key, body.model_dump())
            record = await execute(shop, action)
            if record.repeated and (record.kind, record.order_number) != (kind, body.order_number):
                return error(409, "idempotency_conflict", "This Idempotency-Key was used for another request.")
            return JSONResponse(record_to_json(record), status_code=200 if record.repeated else 201)

        app.post(ACTION_PATHS[kind], name=f"create_{kind.value}", response_model=None)(create)

    for kind in ActionKind:
        action_route(kind)

    @app.get("/actions")
    async def actions(brand: str = BRAND, state: ActionState | None = None) -> dict[str, Any]:
        return {"actions": [record_to_json(record) for record in await shop.actions(brand, state)]}

    @app.post("/actions/{action_id}/decision")
    async def decide(action_id: str, body: DecisionBody) -> dict[str, Any]:
        return record_to_json(await shop.decide(action_id, body.approve, body.staff))

    return app


def _refusal(shop_file: Path, kind: ActionKind, key: str, body: ActionBody) -> JSONResponse | None:
    """What the shop's own data forbids: an unknown order (404), a position it does not hold (422), a
    cancellation or new address once it has left the warehouse (409). A key seen before is answered with its
    first action whatever the order's state is now (a cancellation repeated after it took effect)."""
    with closing(sqlite3.connect(shop_file)) as connection:
        if connection.execute("SELECT 1 FROM demo_actions WHERE idempotency_key = ?", (key,)).fetchone():
            return None
        row = connection.execute(
            "SELECT status FROM demo_orders WHERE order_number = ? AND brand = ?", (body.order_number, body.brand)
        ).fetchone()
        positions = {
            int(position)
            for (position,) in connection.execute(
                "SELECT position FROM demo_items WHERE order_number = ?", (body.order_number,)
            )
        }
    if row is None:
        return error(404, "order_not_found", "No such order.")
    if not set(body.positions) <= positions:
        return error(422, "unknown_position", "The order holds no such position.")
    if (
        kind in (ActionKind.CANCEL, ActionKind.ADDRESS_CHANGE)
        and row[0] != "in Bearbeitung"
        and not body.needs_approval
    ):
        return error(409, "conflict", "The order has left the warehouse.")
    return None


@contextmanager
def reference_shop(shop_file: Path, faults: Faults | None = None) -> Iterator[str]:
    """The reference server on a free loopback port, seeded; yields its base URL."""
    DemoCommerce(shop_file).seed()
    with serve_app(create_commerce_app(shop_file, faults=faults)) as base:
        yield base


def http_settings(base: str) -> dict[str, str]:
    """The settings that put an installation on the reference server at ``base`` instead of the demo shop."""
    return {"commerce_backend": "http", "commerce_url": base, "commerce_token": TOKEN}

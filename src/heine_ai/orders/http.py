"""The retailer's own shop system over HTTP (``COMMERCE_BACKEND=http``): a ``CommerceBackend`` that speaks the
contract in ``docs/commerce-api.yaml``.

- Every request carries the bearer token ``COMMERCE_TOKEN`` and times out after ``COMMERCE_TIMEOUT`` seconds.
- Transient failures (a timeout, a dropped connection, 429 or 5xx) are retried with exponential back-off, but only
  where a repetition cannot do anything twice: reads, and actions, which carry their ``Idempotency-Key`` (the
  same for every try, so the shop returns the first action instead of recording a second). A staff decision is
  retried only when the connection was never made: after a lost answer its outcome is unknown, and a repeated
  decision would read as "decided before" and the customer would not be told.
- Answers map to the error tree: 404 is "no such order" (``find_order`` returns ``None``, never saying whether
  the number or the postcode was wrong), 409 ``CommerceConflict``, 422 ``CommerceRejected``, anything else that
  is not a success ``CommerceUnavailable``. Logs name the operation and the status, never an order's data.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from heine_ai.errors import CommerceConflict, CommerceRejected, CommerceUnavailable, NotFound
from heine_ai.observability.logging import get_logger
from heine_ai.orders.commerce import ActionRecord, ActionRequest, ActionState, Order
from heine_ai.orders.service import OrderStatus
from heine_ai.orders.wire import ACTION_PATHS, order_from_json, record_from_json, request_to_json

log = get_logger(__name__)
T = TypeVar("T")

TRANSIENT_STATUS = frozenset({429, 500, 502, 503, 504})
# failures after which the request surely never reached the shop: safe to repeat any call
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class _Transient(Exception):
    """A 429 or 5xx answer: worth another try where a repetition is safe."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class HttpCommerce:
    """``CommerceBackend`` against the shop system at ``base_url`` (the contract's server URL)."""

    def __init__(
        self,
        base_url: str,
        token: str | None,
        *,
        timeout: float = 5.0,
        attempts: int = 3,
        backoff_seconds: float = 0.2,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._base_url = base_url.rstrip("/")
        self._headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._timeout = httpx.Timeout(timeout)
        self._attempts = attempts
        self._backoff = backoff_seconds
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _http(self) -> httpx.AsyncClient:
        """The connection pool of the running event loop: a pool serves one loop only, and the CLI and the tests
        run the same state on more than one."""
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:
            self._client = httpx.AsyncClient(
                base_url=self._base_url, headers=self._headers, timeout=self._timeout, transport=self._transport
            )
            self._loop = loop
        return self._client

    async def aclose(self) -> None:
        if self._client is not None and self._loop is asyncio.get_running_loop():
            await self._client.aclose()
        self._client = None

    async def lookup(self, brand: str, order_number: str, postcode: str) -> OrderStatus | None:
        order = await self.find_order(brand, order_number, postcode=postcode)
        return order.status() if order is not None else None

    async def find_order(
        self,
        brand: str,
        order_number: str,
        *,
        postcode: str | None = None,
        email: str | None = None,
        customer_id: str | None = None,
    ) -> Order | None:
        if postcode is None and email is None and customer_id is None:
            return None
        body = {
            "brand": brand,
            "order_number": order_number,
            "postcode": postcode,
            "email": email,
            "customer_id": customer_id,
        }
        response = await self._send("find_order", "POST", "/orders/lookup", json=body)
        if response.status_code == 404:
            return None
        return _parse(order_from_json, _json(response), "find_order")

    async def order_contact(self, brand: str, order_number: str) -> str | None:
        body = {"brand": brand, "order_number": order_number}
        response = await self._send("order_contact", "POST", "/orders/contact", json=body)
        if response.status_code == 404:
            return None
        email = _json(response).get("email")
        return email if isinstance(email, str) and email else None

    async def in_stock(self, brand: str, sku: str, size: str) -> bool:
        path = f"/stock/{_segment(sku)}/{_segment(size)}"
        response = await self._send("in_stock", "GET", path, params={"brand": brand})
        return bool(_json(response).get("in_stock", False))

    async def create_return(self, request: ActionRequest) -> ActionRecord:
        return await self._act(request)

    async def create_exchange(self, request: ActionRequest) -> ActionRecord:
        return await self._act(request)

    async def cancel(self, request: ActionRequest) -> ActionRecord:
        return await self._act(request)

    async def change_address(self, request: ActionRequest) -> ActionRecord:
        return await self._act(request)

    async def record_withdrawal(self, request: ActionRequest) -> ActionRecord:
        return await self._act(request)

    async def send_invoice_copy(self, request: ActionRequest) -> ActionRecord:
        return await self._act(request)

    async def _act(self, request: ActionRequest) -> ActionRecord:
        operation = f"create_{request.kind.value}"
        response, attempt = await self._attempts_of(
            operation,
            "POST",
            ACTION_PATHS[request.kind],
            json=request_to_json(request),
            headers={"Idempotency-Key": request.idempotency_key},
        )
        if response.status_code == 404:
            raise NotFound("No such order.", details={"kind": request.kind.value})
        record: ActionRecord = _parse(record_from_json, _json(response), operation)
        if attempt > 1 and record.repeated:
            # the first record of a key is ours when an earlier try of this call may have created it (its answer
            # was lost): for the caller this is the action it asked for, not a repetition
            record = dataclasses.replace(record, repeated=False)
        return record

    async def actions(self, brand: str, state: ActionState | None = None) -> list[ActionRecord]:
        params = {"brand": brand} | ({"state": state.value} if state is not None else {})
        response = await self._send("actions", "GET", "/actions", params=params)
        rows = _json(response).get("actions")
        if not isinstance(rows, list):
            raise CommerceUnavailable("The shop system's answer does not fit the contract.")
        return [_parse(record_from_json, row, "actions") for row in rows]

    async def decide(self, action_id: str, approve: bool, staff: str) -> ActionRecord:
        response = await self._send(
            "decide",
            "POST",
            f"/actions/{_segment(action_id)}/decision",
            json={"approve": approve, "staff": staff},
            repeatable=False,
        )
        if response.status_code == 404:
            raise NotFound("No such action.", details={"action_id": action_id})
        return _parse(record_from_json, _json(response), "decide")

    async def _send(
        self, operation: str, method: str, path: str, *, repeatable: bool = True, **arguments: Any
    ) -> httpx.Response:
        """The shop's answer: a success or a 404; every other answer or failure raises from the error tree."""
        response, _ = await self._attempts_of(operation, method, path, repeatable=repeatable, **arguments)
        return response

    async def _attempts_of(
        self, operation: str, method: str, path: str, *, repeatable: bool = True, **arguments: Any
    ) -> tuple[httpx.Response, int]:
        """The shop's answer and the number of the try that got it."""
        retryable: tuple[type[BaseException], ...] = (_Transient, httpx.TransportError) if repeatable else NOT_SENT
        try:
            async for attempt in AsyncRetrying(
                retry=retry_if_exception_type(retryable),
                stop=stop_after_attempt(self._attempts),
                wait=wait_exponential(multiplier=self._backoff, min=self._backoff, max=4),
                reraise=True,
            ):
                with attempt:
                    number = attempt.retry_state.attempt_number
                    try:
                        response = await self._http().request(method, path, **arguments)
                    except httpx.TransportError as exc:
                        log.warning(
                            "commerce_failed", operation=operation, error_type=type(exc).__name__, attempt=number
                        )
                        raise
                    if response.status_code in TRANSIENT_STATUS:
                        log.warning("commerce_failed", operation=operation, status=response.status_code, attempt=number)
                        raise _Transient(response.status_code)
                    return _checked(response, operation), number
        except _Transient as exc:
            raise CommerceUnavailable(
                "The shop system is unavailable.", details={"operation": operation, "status": exc.status}
            ) from exc
        except httpx.TransportError as exc:
            raise CommerceUnavailable(
                "The shop system did not answer.", details={"operation": operation, "error": type(exc).__name__}
            ) from exc
        raise AssertionError("unreachable: tenacity reraises the last error")


def _checked(response: httpx.Response, operation: str) -> httpx.Response:
    """A success, or a 404 where the contract gives one (an order, an action); a 404 elsewhere means a wrong
    ``COMMERCE_URL`` and is not read as "not in stock" or "no actions"."""
    status = response.status_code
    if status < 300 or (status == 404 and operation not in ("in_stock", "actions")):
        return response
    code = _error_code(response)
    details = {"operation": operation, "status": status, "shop_code": code}
    if status == 409:
        raise CommerceConflict("The shop system refused the action in the order's state.", details=details)
    if status == 422:
        raise CommerceRejected("The shop system refused the request.", details=details)
    if status in (401, 403):
        log.error("commerce_unauthorized", operation=operation, status=status)
        raise CommerceUnavailable("The shop system refused COMMERCE_TOKEN.", details=details)
    log.error("commerce_unexpected_status", operation=operation, status=status)
    raise CommerceUnavailable("The shop system's answer does not fit the contract.", details=details)


def _error_code(response: httpx.Response) -> str | None:
    try:
        error = response.json().get("error", {})
    except (ValueError, AttributeError):
        return None
    return str(error.get("code")) if isinstance(error, dict) and error.get("code") else None


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError as exc:
        raise CommerceUnavailable("The shop system's answer is not JSON.") from exc
    if not isinstance(body, dict):
        raise CommerceUnavailable("The shop system's answer does not fit the contract.")
    return body


def _parse(reader: Callable[[Any], T], body: Any, operation: str) -> T:
    """``reader(body)``, with a body that does not fit the contract as ``CommerceUnavailable``."""
    try:
        return reader(body)
    except (KeyError, TypeError, ValueError) as exc:
        log.error("commerce_bad_answer", operation=operation, error_type=type(exc).__name__)
        raise CommerceUnavailable("The shop system's answer does not fit the contract.") from exc


def _segment(value: str) -> str:
    """``value`` as one URL path segment (a size like ``38/40`` must not add a segment)."""
    return quote(value, safe="")

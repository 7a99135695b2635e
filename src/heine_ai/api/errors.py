"""Every error leaves the API in one JSON shape: ``{"error": {"code": ..., "message": ..., "details"?: ...}}``."""

from __future__ import annotations

import errno
import traceback
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from heine_ai.api.schemas import ErrorResponse
from heine_ai.errors import AppError
from heine_ai.observability.logging import get_logger

log = get_logger(__name__)

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
}


# Declared on every JSON route in the OpenAPI document: the shape is always ErrorResponse, the codes are in docs/api.md
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in (
        (400, "Malformed JSON or request"),
        (401, "No token, or an invalid or expired one"),
        (403, "The token's holder may not do this"),
        (404, "Unknown brand, session, conversation or route"),
        (408, "The request body stalled"),
        (409, "A conflict with the conversation's or ticket's state"),
        (410, "The session expired or was closed"),
        (413, "The request body or an upload is too large"),
        (422, "A field is missing or invalid"),
        (429, "Too many requests from this client, for this order or login"),
        (503, "Overloaded, or a provider the request needs does not answer"),
        (504, "The request took longer than REQUEST_TIMEOUT"),
    )
}


def error_response(status: int, code: str, message: str, details: dict[str, Any] | None = None) -> JSONResponse:
    error: dict[str, Any] = {"code": code, "message": message}
    if details:
        error["details"] = details
    return JSONResponse({"error": error}, status_code=status)


async def _app_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    log.info("request_rejected", code=exc.code, status=exc.status_code)
    return JSONResponse(exc.to_body(), status_code=exc.status_code)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if any(error.get("type") == "json_invalid" for error in errors):
        return error_response(400, "malformed_json", "The request body is not valid JSON.")
    fields = [
        {"field": ".".join(str(part) for part in error["loc"] if part != "body"), "problem": error["msg"]}
        for error in errors
    ]
    return error_response(422, "validation_error", "The request is not valid.", {"errors": fields})


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    response = error_response(exc.status_code, code, str(exc.detail))
    response.headers.update(exc.headers or {})  # e.g. the Allow of a 405
    return response


def _storage_full() -> JSONResponse:
    log.error("storage_full")
    return error_response(503, "storage_full", "The service cannot store data right now; please try again later.")


def _database_unavailable(exc: Exception) -> JSONResponse:
    log.error("database_unavailable", error_type=type(exc).__name__)
    return error_response(503, "database_unavailable", "The database does not answer; please try again shortly.")


async def _database_error(request: Request, exc: Exception) -> JSONResponse:
    """A database that is down, restarting or out of disk space is an outage (503), not a bug of the request;
    a failed request stored nothing of its own (its transaction was rolled back). Other database errors (a
    missing table, a violated constraint) stay 500."""
    assert isinstance(exc, DBAPIError)
    state = str(getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None) or "")
    if "disk is full" in str(exc.orig) or state == "53100":  # SQLITE_FULL; PostgreSQL's disk_full
        return _storage_full()
    # 08: connection exception; 57P: the server shuts down, crashed or is starting up
    if exc.connection_invalidated or state.startswith(("08", "57P")):
        return _database_unavailable(exc)
    return await _unexpected(request, exc)


async def _os_error(request: Request, exc: Exception) -> JSONResponse:
    """A full disk, or a refused connection while the database pool opens one: the driver's own ``OSError``
    reaches the app unwrapped when no connection could be made at all."""
    assert isinstance(exc, OSError)
    if exc.errno == errno.ENOSPC:
        return _storage_full()
    if isinstance(exc, ConnectionError | TimeoutError) and any(
        "sqlalchemy" in frame.filename for frame in traceback.extract_tb(exc.__traceback__)
    ):
        return _database_unavailable(exc)
    return await _unexpected(request, exc)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled_error", error_type=type(exc).__name__, exc_info=exc)
    return error_response(500, "internal_error", "An unexpected error occurred; it has been logged.")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(DBAPIError, _database_error)
    app.add_exception_handler(OSError, _os_error)
    app.add_exception_handler(Exception, _unexpected)

"""Operations endpoints: liveness, readiness, Prometheus metrics and the admin health report."""

from __future__ import annotations

import asyncio
import hmac
import time
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST

from heine_ai import __version__
from heine_ai.api.deps import Admin, State
from heine_ai.api.schemas import HandoffMetrics, HealthMetrics, HealthResponse
from heine_ai.app_state import AppState
from heine_ai.db.engine import ping
from heine_ai.errors import NotFound, Unauthorized
from heine_ai.observability.health import Check, add_reports, record_dependencies, run_checks

router = APIRouter(tags=["operations"])


def dependency_checks(state: AppState) -> dict[str, Check]:
    async def database() -> None:
        await ping(state.engine)

    async def vector_store() -> None:
        await asyncio.to_thread(state.vector_store.ping)

    async def embeddings() -> None:  # a remote endpoint: GET {base_url}/models within EMBEDDING_TIMEOUT
        await asyncio.to_thread(state.embedder.ping)

    checks: dict[str, Check] = {
        "database": database,
        "embeddings": embeddings,
        "llm": state.llm.ping,
        "vector_store": vector_store,
    }
    if state.redis is not None:
        checks["redis"] = state.cache.ping
    return checks


def readiness_checks(checks: dict[str, Check]) -> dict[str, Check]:
    """What a worker needs to answer: its database, its vector store and its embedder."""
    return {name: check for name, check in checks.items() if name in ("database", "vector_store", "embeddings")}


async def mailbox_reports(state: AppState) -> dict[str, dict[str, Any]]:
    """Each mailbox's worker: connected or backing off, its last error code and last poll, and how many of its
    mails were flagged to the review folder (``in_review``): a person has to look at those; and its action
    confirmations not (certainly) delivered (``confirmations``: queued, sending, failed, flagged)."""
    if state.email is None:
        return {}
    reports = {}
    for brand, status in state.email.status.items():
        counts = await state.email.ledger.counts(brand)
        waiting = await state.email.confirmations.waiting(brand)
        reports[f"email:{brand}"] = {
            **status.report(),
            "in_review": counts.get("flagged", 0),
            "confirmations": waiting,
        }
    return reports


@router.get("/healthz", summary="Liveness: the process serves requests")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Readiness: the database, the vector store and the embedder answer")
async def readyz(state: State) -> JSONResponse:
    overall, results = await run_checks(readiness_checks(dependency_checks(state)))
    status = 200 if overall == "healthy" else 503
    return JSONResponse({"status": "ready" if status == 200 else "not_ready", "checks": results}, status_code=status)


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
async def metrics(request: Request, state: State) -> Response:
    """With ``METRICS_TOKEN`` set, only for that bearer token; in production without one, not on this port at
    all (``PROMETHEUS_PORT`` serves them on a port of their own): the figures tell an attacker too much."""
    settings = state.settings
    if settings.metrics_token:
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), settings.metrics_token.encode()):
            raise Unauthorized("The metrics need the METRICS_TOKEN as a bearer token.")
    elif settings.is_production:
        raise NotFound("Not found.")
    await state.handoff.inbox.refresh_gauge()  # the open-tickets gauge as of this scrape
    await record_dependencies(dependency_checks(state), state.metrics.dependency_up)
    return Response(state.metrics.render(), media_type=CONTENT_TYPE_LATEST)


@router.get("/api/v1/admin/health", response_model=HealthResponse, tags=["admin"], summary="System health")
async def admin_health(state: State, _admin: Admin) -> HealthResponse:
    overall, results = add_reports(*await run_checks(dependency_checks(state)), await mailbox_reports(state))
    active = await state.conversations.active_counts()
    count, mean = state.metrics.window.snapshot()
    handoff = await state.handoff.inbox.stats()
    return HealthResponse(
        status=overall,
        timestamp=datetime.now(UTC),
        version=__version__,
        uptime_seconds=round(time.time() - state.started_at, 1),
        checks=results,
        metrics=HealthMetrics(
            active_sessions=sum(active.values()),
            requests_per_minute=count,
            average_response_time=round(mean, 4),
            handoff=HandoffMetrics(
                open_tickets=handoff.open_tickets,
                sla_breaches_24h=handoff.sla_breaches,
                hand_backs_24h=handoff.hand_backs,
                average_first_reply_seconds_24h=handoff.average_first_reply_seconds,
            ),
        ),
    )

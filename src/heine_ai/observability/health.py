"""Health checks: each check is an awaitable that raises when its dependency is unhealthy."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from prometheus_client import Gauge

Check = Callable[[], Awaitable[None]]
CHECK_TIMEOUT_SECONDS = 3.0
PROBE_INTERVAL_SECONDS = 15.0  # a Prometheus scrape interval: each scrape sees a fresh dependency_up


async def run_check(check: Check) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        await asyncio.wait_for(check(), CHECK_TIMEOUT_SECONDS)
    except Exception as exc:  # a failing dependency is reported, never raised
        return {
            "status": "unhealthy",
            "error": type(exc).__name__,
            "response_time": round(time.perf_counter() - started, 4),
        }
    return {"status": "healthy", "response_time": round(time.perf_counter() - started, 4)}


async def run_checks(checks: Mapping[str, Check]) -> tuple[str, dict[str, dict[str, Any]]]:
    names = list(checks)
    results = await asyncio.gather(*(run_check(checks[name]) for name in names))
    by_name = dict(zip(names, results, strict=True))
    overall = "healthy" if all(r["status"] == "healthy" for r in results) else "unhealthy"
    return overall, by_name


def add_reports(
    overall: str, results: dict[str, dict[str, Any]], reports: Mapping[str, dict[str, Any]]
) -> tuple[str, dict[str, dict[str, Any]]]:
    """Add reports that components keep themselves (e.g. each mailbox's worker state) to the check results."""
    results.update(reports)
    healthy = overall == "healthy" and all(report["status"] == "healthy" for report in reports.values())
    return ("healthy" if healthy else "unhealthy"), results


async def record_dependencies(checks: Mapping[str, Check], gauge: Gauge) -> None:
    """Run the checks and set ``gauge{dependency=name}`` to 1 (healthy) or 0."""
    _, results = await run_checks(checks)
    for name, result in results.items():
        gauge.labels(dependency=name).set(1 if result["status"] == "healthy" else 0)


async def probe_dependencies(checks: Mapping[str, Check], gauge: Gauge) -> None:
    """``record_dependencies`` every ``PROBE_INTERVAL_SECONDS``, for scrapes of the metrics port that never reach
    the app's ``/metrics`` route."""
    while True:
        await record_dependencies(checks, gauge)
        await asyncio.sleep(PROBE_INTERVAL_SECONDS)

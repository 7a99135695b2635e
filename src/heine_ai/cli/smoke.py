"""``heine-ai smoke``: after a deploy, check a running installation from outside, as a customer and an operator.

Each check is one HTTP exchange against the base URL: liveness and readiness, a chat question answered with a
source, the widget's page and script, the Prometheus metrics, and the admin health report with an operator token.
The chat opens one real conversation (customer ``smoke-test``), so run it against a brand whose knowledge answers the
question. It prints one line per check and exits 1 if any failed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

import httpx
import typer

DEFAULT_QUESTION = "Wie lange dauert die Lieferung?"
SMOKE_CUSTOMER = "smoke-test"


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


class SmokeFailure(Exception):
    """A check's expectation was not met; its message says what was seen instead."""


def _expect(response: httpx.Response, status: int = 200) -> httpx.Response:
    if response.status_code != status:
        raise SmokeFailure(f"{response.request.method} {response.request.url.path}: HTTP {response.status_code}")
    return response


@dataclass(frozen=True, slots=True)
class Smoke:
    client: httpx.Client
    brand: str
    question: str
    token: str | None
    metrics_url: str | None
    metrics_token: str | None

    def health(self) -> str:
        _expect(self.client.get("/healthz"))
        ready = _expect(self.client.get("/readyz")).json()
        return f"live, {ready['status']}"

    def chat(self) -> str:
        reply = _expect(
            self.client.post(
                "/api/v1/chat", json={"brand": self.brand, "message": self.question, "customer_id": SMOKE_CUSTOMER}
            )
        ).json()
        if not reply.get("response"):
            raise SmokeFailure("the chat answered with an empty response")
        if not reply.get("sources"):
            raise SmokeFailure("the chat answered without a source (is the brand's knowledge ingested?)")
        return f"answered from {reply['sources'][0]['url']} in {reply['processing_time']:.2f} s"

    def widget(self) -> str:
        page = _expect(self.client.get("/"))
        script = _expect(self.client.get("/widget.js"))
        if "text/html" not in page.headers.get("content-type", ""):
            raise SmokeFailure("/ is not an HTML page")
        return f"page {len(page.content)} bytes, widget.js {len(script.content)} bytes"

    def metrics(self) -> str:
        headers = {"Authorization": f"Bearer {self.metrics_token}"} if self.metrics_token else {}
        url = self.metrics_url or "/metrics"
        text = _expect(self.client.get(url, headers=headers)).text
        if "ai_requests_total" not in text or "http_requests_total" not in text:
            raise SmokeFailure(f"{url} lacks the service's metrics")
        return f"{sum(1 for line in text.splitlines() if line and not line.startswith('#'))} samples"

    def admin(self) -> str:
        if not self.token:
            raise SmokeFailure("no --token given (heine-ai token --role admin prints one)")
        report = _expect(
            self.client.get("/api/v1/admin/health", headers={"Authorization": f"Bearer {self.token}"})
        ).json()
        unhealthy = sorted(name for name, check in report["checks"].items() if check["status"] != "healthy")
        if unhealthy:
            raise SmokeFailure(f"admin health {report['status']}: {', '.join(unhealthy)}")
        return f"version {report['version']}, {len(report['checks'])} checks healthy"

    def run(self) -> list[CheckResult]:
        checks: dict[str, Callable[[], str]] = {
            "health": self.health,
            "chat": self.chat,
            "widget": self.widget,
            "metrics": self.metrics,
            "admin": self.admin,
        }
        results = []
        for name, check in checks.items():
            try:
                results.append(CheckResult(name, True, check()))
            except (SmokeFailure, httpx.HTTPError, ValueError, KeyError) as exc:
                results.append(CheckResult(name, False, str(exc) or type(exc).__name__))
        return results


def smoke(
    base: Annotated[str, typer.Option(help="The installation's address, e.g. https://chat.example.com.")],
    token: Annotated[str | None, typer.Option(envvar="SMOKE_TOKEN", help="An admin token for the admin call.")] = None,
    brand: Annotated[str, typer.Option(help="The brand whose knowledge answers the question.")] = "heine",
    question: Annotated[str, typer.Option(help="A question the brand's knowledge answers.")] = DEFAULT_QUESTION,
    metrics_url: Annotated[
        str | None, typer.Option(help="Where the metrics are, if not BASE/metrics (e.g. the PROMETHEUS_PORT).")
    ] = None,
    metrics_token: Annotated[
        str | None, typer.Option(envvar="METRICS_TOKEN", help="The METRICS_TOKEN, if the metrics need one.")
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds per request.")] = 30.0,
) -> None:
    """Check a deployed installation: health, a chat answered with a source, the widget, metrics, an admin call."""
    with httpx.Client(base_url=base.rstrip("/"), timeout=timeout, follow_redirects=True) as client:
        results = Smoke(client, brand, question, token, metrics_url, metrics_token).run()
    for result in results:
        typer.echo(f"{'ok  ' if result.ok else 'FAIL'} {result.name:8} {result.detail}")
    failed = [result.name for result in results if not result.ok]
    typer.echo(f"smoke: {len(results) - len(failed)} of {len(results)} checks passed")
    if failed:
        raise typer.Exit(code=1)

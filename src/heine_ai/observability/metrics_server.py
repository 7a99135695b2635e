"""``PROMETHEUS_PORT``: the app's Prometheus metrics on a port of their own, beside ``/metrics`` of the API.

A separate port lets the operator keep the metrics off the public listener (a firewall rule per port) and lets
Prometheus scrape a process that is busy or slow to answer HTTP requests. prometheus-client serves it from a
daemon thread; ``lifespan`` starts it with the app and closes it on shutdown.
"""

from __future__ import annotations

from threading import Thread
from wsgiref.simple_server import WSGIServer

from prometheus_client import start_http_server

from heine_ai.errors import ConfigError
from heine_ai.observability.metrics import Metrics

ALL_INTERFACES = "0.0.0.0"  # noqa: S104 - Prometheus scrapes from another host; the port is the operator's choice


class MetricsServer:
    """The running metrics listener."""

    def __init__(self, server: WSGIServer, thread: Thread) -> None:
        self._server = server
        self._thread = thread

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def serve_metrics(metrics: Metrics, port: int, host: str = ALL_INTERFACES) -> MetricsServer:
    """Serve ``metrics`` at ``http://host:port/`` (any path) until ``close``; a port in use stops the start."""
    try:
        server, thread = start_http_server(port, addr=host, registry=metrics.registry)
    except OSError as exc:
        raise ConfigError(f"PROMETHEUS_PORT {port}: cannot listen ({exc.strerror})") from exc
    return MetricsServer(server, thread)

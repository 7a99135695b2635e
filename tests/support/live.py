"""A real uvicorn server on a loopback port, in a background thread, for tests that need real sockets."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from starlette.types import ASGIApp

from heine_ai.app import create_app
from heine_ai.app_state import AppState
from tests.support.servers import free_port


@contextmanager
def live_server(state: AppState) -> Iterator[str]:
    with serve_app(create_app(state)) as base:
        yield base


@contextmanager
def serve_app(app: ASGIApp) -> Iterator[str]:
    """Any ASGI app on a free loopback port, served by uvicorn in a background thread."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan="on", proxy_headers=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_until_started(server, thread)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def wait_until_started(server: uvicorn.Server, thread: threading.Thread) -> None:
    """Block until uvicorn in ``thread`` accepts connections; fail if it died or took over 15 s."""
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)

"""A real HTTP server on a loopback port serving a folder, for ingesting URLs, URL lists and sitemaps."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote


@dataclass
class StaticServer:
    base: str
    root: Path
    user_agents: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)  # the Host header of each request

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"


class _Handler(SimpleHTTPRequestHandler):
    """Serves the folder; ``/loop`` redirects to itself forever, ``/redirect?to=URL`` to URL. Remembers each
    request's User-Agent, path and Host."""

    server_state: StaticServer

    def do_GET(self) -> None:
        self.server_state.user_agents.append(self.headers.get("User-Agent", ""))
        self.server_state.paths.append(self.path)
        self.server_state.hosts.append(self.headers.get("Host", ""))
        if self.path.startswith(("/loop", "/redirect?to=")):
            self.send_response(302)
            self.send_header("Location", unquote(self.path.partition("to=")[2]) or "/loop")
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:  # keep the test output clean
        pass


@contextmanager
def static_server(root: Path, host: str = "127.0.0.1") -> Iterator[StaticServer]:
    state = StaticServer(base="", root=root)
    handler = type("Handler", (_Handler,), {"server_state": state})
    server = ThreadingHTTPServer((host, 0), partial(handler, directory=str(root)))
    state.base = f"http://{host}:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

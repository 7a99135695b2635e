"""``heine-ai serve``: the API, the chat widget and the staff console under uvicorn."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import typer

from heine_ai.cli.errors import reports_errors
from heine_ai.config import Settings, load_settings
from heine_ai.errors import ConfigError

if TYPE_CHECKING:
    from fastapi import FastAPI


WS_FRAME_MARGIN = 4


@reports_errors
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes; more than one needs REDIS_URL.")] = 1,
) -> None:
    """Serve the API, the chat widget and the staff console."""
    import uvicorn

    from heine_ai.app import create_app

    settings = load_settings()
    if workers == 1:
        application: FastAPI | str = create_app(settings=settings)
    else:
        check_scale_out(settings)
        # each worker's e5 engine on one core: OpenMP teams of several processes on the same cores stall
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        application = "heine_ai.app:create_app"  # each worker process builds its own app
    uvicorn.run(
        application,
        factory=workers > 1,
        workers=workers,
        host=host,
        port=port,
        log_config=None,
        proxy_headers=False,
        server_header=False,
        # uvicorn would buffer frames up to 16 MiB before the chat's own check; a frame somewhat over the limit
        # still gets the chat's error frame, a far larger one closes the socket (1009) unread
        ws_max_size=WS_FRAME_MARGIN * settings.ws_max_frame_bytes,
    )


def check_scale_out(settings: Settings) -> None:
    """Several workers share locks and notices through Redis, and vectors through a Chroma server."""
    if not settings.redis_url:
        raise ConfigError("--workers above 1 needs REDIS_URL: workers share locks and notices through Redis.")
    if settings.vector_store_type != "chroma_http":
        raise ConfigError("--workers above 1 needs a Chroma server (VECTOR_STORE_TYPE=chroma_http).")
    if settings.prometheus_port is not None:
        raise ConfigError("--workers above 1 cannot share PROMETHEUS_PORT: each worker has its own metrics.")

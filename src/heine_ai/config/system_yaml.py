"""``config/system.yaml``: the seed's nested structure (``ai.model``, ``vector_store.persist_directory``, ...).

``YAML_FIELDS`` maps each YAML path onto the flat setting it feeds; only these keys are accepted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource

from heine_ai.config.files import load_yaml_mapping
from heine_ai.errors import ConfigError

DEFAULT_CONFIG_FILE = Path("config/system.yaml")

# YAML path -> setting name. Only these keys are accepted in system.yaml.
YAML_FIELDS: dict[tuple[str, str], str] = {
    ("app", "environment"): "environment",
    ("app", "data_dir"): "data_dir",
    ("app", "brands_dir"): "brands_dir",
    ("app", "debug"): "debug",
    ("monitoring", "debug_endpoints"): "debug_endpoints",
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
    ("commerce", "backend"): "commerce_backend",
    ("commerce", "url"): "commerce_url",
    ("commerce", "timeout"): "commerce_timeout",
    ("database", "url"): "database_url",
    ("vector_store", "type"): "vector_store_type",
    ("vector_store", "persist_directory"): "vector_store_path",
    ("vector_store", "similarity_threshold"): "similarity_threshold",
    ("vector_store", "host"): "chroma_host",
    ("vector_store", "port"): "chroma_port",
    ("vector_store", "collection_prefix"): "vector_store_prefix",
    ("redis", "url"): "redis_url",
    ("redis", "lock_ttl_seconds"): "redis_lock_ttl_seconds",
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
    ("security", "login_max_per_address"): "login_max_per_address",
    ("security", "new_chats_per_minute"): "new_chats_per_minute",
    ("security", "uploads_per_hour"): "uploads_per_hour",
    ("security", "order_lookups_per_hour"): "order_lookups_per_hour",
    ("security", "encryption_key"): "encryption_key",
    ("security", "lookup_hash_key"): "lookup_hash_key",
    ("security", "jwt_previous_secret"): "jwt_previous_secret_key",
    ("security", "operator_token_max_hours"): "operator_token_max_hours",
    ("security", "keys_dir"): "keys_dir",
    ("security", "cors_origins"): "cors_origins",
    ("security", "forwarded_allow_ips"): "forwarded_allow_ips",
    ("performance", "max_concurrent_requests"): "max_concurrent_requests",
    ("performance", "max_concurrent_per_client"): "max_concurrent_per_client",
    ("performance", "request_timeout"): "request_timeout",
    ("performance", "max_request_body_kb"): "max_request_body_kb",
    ("performance", "request_body_timeout"): "request_body_timeout",
    ("performance", "cache_ttl"): "cache_ttl",
    ("sessions", "ttl_seconds"): "session_ttl",
    ("sessions", "email_ttl_seconds"): "email_session_ttl",
    ("sessions", "cleanup_interval"): "session_cleanup_interval",
    ("sessions", "max_message_length"): "max_message_length",
    ("sessions", "closed_history_days"): "closed_history_days",
    ("privacy", "retention_interval"): "retention_interval",
    ("monitoring", "prometheus_port"): "prometheus_port",
    ("monitoring", "metrics_token"): "metrics_token",
    ("monitoring", "api_docs"): "api_docs",
    ("knowledge", "max_file_mb"): "knowledge_max_file_mb",
    ("knowledge", "fetch_allowed_networks"): "knowledge_fetch_allowed_networks",
    ("websocket", "max_frame_bytes"): "ws_max_frame_bytes",
    ("websocket", "rate_limit"): "ws_rate_limit",
    ("websocket", "rate_window"): "ws_rate_window",
    ("websocket", "idle_timeout"): "ws_idle_timeout",
}


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
    data = load_yaml_mapping(path)
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


def yaml_path_of(name: str) -> str:
    for (section, key), field_name in YAML_FIELDS.items():
        if field_name == name:
            return f"{section}.{key}"
    return name

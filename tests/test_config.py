"""Configuration: environment over system.yaml over defaults; every mistake names its file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from heine_ai.config import Environment, load_brand, load_brands, load_settings
from heine_ai.errors import ConfigError
from heine_ai.security.secrets import resolve_secrets
from tests.support.installations import BRANDS, ROOT

SEED_YAML = """
ai:
  model: gpt-3.5-turbo
  temperature: 0.7
  max_tokens: 1000
  timeout: 30
vector_store:
  type: chromadb
  persist_directory: ./somewhere/vector_store
  similarity_threshold: 0.8
logging:
  level: INFO
  format: json
  file: ./logs/heine_ai.log
  max_size: 100MB
  backup_count: 5
security:
  jwt_secret: your-secret-key
  encryption_key: your-encryption-key
  cors_origins:
    - http://localhost:3000
    - https://app.heine.com
monitoring:
  prometheus_port: 9090
"""


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "AI_MODEL_NAME",
        "AI_TEMPERATURE",
        "DATABASE_URL",
        "CORS_ORIGINS",
        "ENVIRONMENT",
        "LOG_LEVEL",
        "CONFIG_FILE",
        "JWT_SECRET_KEY",
        "ENCRYPTION_KEY",
        "MAX_CONCURRENT_REQUESTS",
        "REDIS_URL",
    ):
        monkeypatch.delenv(name, raising=False)


def write(tmp_path: Path, text: str, name: str = "system.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_seed_yaml_is_read(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, SEED_YAML))
    assert settings.ai_model_name == "gpt-3.5-turbo"
    assert settings.ai_temperature == 0.7
    assert settings.similarity_threshold == 0.8
    assert settings.vector_store_path == Path("somewhere/vector_store")
    assert settings.log_max_size == 100 << 20
    assert settings.cors_origins == ["http://localhost:3000", "https://app.heine.com"]
    assert settings.prometheus_port == 9090


def test_environment_overrides_yaml_which_overrides_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, SEED_YAML)
    monkeypatch.setenv("AI_MODEL_NAME", "gpt-4o")
    monkeypatch.setenv("CORS_ORIGINS", '["https://shop.example"]')
    monkeypatch.setenv("MAX_CONCURRENT_REQUESTS", "7")
    settings = load_settings(path)
    assert settings.ai_model_name == "gpt-4o"  # environment
    assert settings.ai_temperature == 0.7  # yaml
    assert settings.cors_origins == ["https://shop.example"]
    assert settings.max_concurrent_requests == 7
    assert settings.request_timeout == 30  # default
    monkeypatch.setenv("CORS_ORIGINS", "https://a.example, https://b.example")
    assert load_settings(path).cors_origins == ["https://a.example", "https://b.example"]
    assert load_settings(path).forwarded_allow_ips == []  # no proxy is trusted unless named
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.0.0.0/8, 127.0.0.1")
    assert load_settings(path).forwarded_allow_ips == ["10.0.0.0/8", "127.0.0.1"]


def test_the_shipped_configuration_loads() -> None:
    settings = load_settings(ROOT / "config" / "system.yaml")
    assert settings.environment is Environment.DEVELOPMENT
    brands = load_brands(BRANDS)
    assert "Ihnen" in brands["heine"].greeting  # formal address


def test_malformed_yaml_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "ai:\n  model: [unclosed\n")
    with pytest.raises(ConfigError, match=r"system\.yaml: not valid YAML"):
        load_settings(path)


def test_unknown_yaml_field_names_file_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "ai:\n  modle: gpt\n")
    with pytest.raises(ConfigError, match=r"system\.yaml: unknown field 'ai\.modle'"):
        load_settings(path)


def test_invalid_yaml_value_names_file_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "ai:\n  temperature: hot\n")
    with pytest.raises(ConfigError, match=r"system\.yaml: field 'ai\.temperature'"):
        load_settings(path)


def test_invalid_environment_value_names_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAX_CONCURRENT_REQUESTS", "many")
    with pytest.raises(ConfigError, match="environment variable MAX_CONCURRENT_REQUESTS"):
        load_settings(tmp_path / "absent.yaml")


def test_brand_file_errors_name_file_and_field(tmp_path: Path) -> None:
    write(tmp_path, "display_name: Test\nsignature: x\nknowledge_path: k\n", "broken.yaml")
    with pytest.raises(ConfigError, match=r"broken\.yaml: field 'greeting'"):
        load_brand(tmp_path / "broken.yaml")
    write(tmp_path, "id: other\ndisplay_name: T\ngreeting: g\nsignature: s\nknowledge_path: k\n", "named.yaml")
    with pytest.raises(ConfigError, match=r"named\.yaml: field 'id'"):
        load_brand(tmp_path / "named.yaml")
    with pytest.raises(ConfigError, match="no brand file"):
        load_brands(_empty(tmp_path))
    with pytest.raises(ConfigError, match="brand directory not found"):
        load_brands(tmp_path / "missing")


def _empty(tmp_path: Path) -> Path:
    empty = tmp_path / "empty"
    empty.mkdir()
    return empty


def test_production_refuses_default_or_missing_secrets(tmp_path: Path) -> None:
    base = {"config_file": tmp_path / "absent.yaml", "environment": "production", "data_dir": tmp_path}
    good_key = "0" * 43 + "="
    with pytest.raises(ConfigError, match="ENCRYPTION_KEY"):
        resolve_secrets(load_settings(**base, jwt_secret_key="s" * 40))
    with pytest.raises(ConfigError, match="JWT_SECRET_KEY"):
        resolve_secrets(load_settings(**base, encryption_key=good_key, jwt_secret_key="your-secret-key-here"))
    with pytest.raises(ConfigError, match="JWT_SECRET_KEY"):
        resolve_secrets(load_settings(**base, encryption_key=good_key))
    with pytest.raises(ConfigError, match="at least 32"):
        resolve_secrets(load_settings(**base, encryption_key=good_key, jwt_secret_key="short"))
    assert not (tmp_path / "keys").exists()  # production never writes key files
    secrets = resolve_secrets(load_settings(**base, encryption_key=good_key, jwt_secret_key="s" * 40))
    assert secrets.jwt_secret == "s" * 40


def test_development_creates_local_key_files_once_outside_the_data_dir(tmp_path: Path) -> None:
    settings = load_settings(
        config_file=tmp_path / "absent.yaml", data_dir=tmp_path / "data", keys_dir=tmp_path / "keys"
    )
    first = resolve_secrets(settings)
    second = resolve_secrets(settings)
    assert first == second
    assert not (tmp_path / "data").exists()
    for name, value in (
        ("encryption.key", first.encryption_key),
        ("jwt.secret", first.jwt_secret),
        ("lookup.key", first.lookup_hash_key),
    ):
        key_file = tmp_path / "keys" / name
        assert key_file.stat().st_mode & 0o777 == 0o600
        assert key_file.read_text().strip() == value
    assert (tmp_path / "keys").stat().st_mode & 0o777 == 0o700
    with pytest.raises(ConfigError, match="KEYS_DIR"):
        resolve_secrets(load_settings(config_file=tmp_path / "absent.yaml", data_dir=tmp_path, keys_dir=tmp_path / "k"))


def test_brand_texts_default_from_the_packaged_files_and_override_per_sentence(tmp_path: Path) -> None:
    body = "display_name: T\ngreeting: g\nsignature: s\nknowledge_path: k\n"
    write(tmp_path, body + "texts:\n  answer_intro: Moin!\ntexts_en:\n  answer_intro: Hi!\n", "north.yaml")
    brand = load_brand(tmp_path / "north.yaml")
    assert brand.texts.answer_intro == "Moin!" and brand.texts_en.answer_intro == "Hi!"
    assert brand.texts.greeting_reply == "Guten Tag! Wie kann ich Ihnen helfen?"  # texts.de.yaml
    assert brand.texts_en.greeting_reply == "Hello! How can I help you?"  # texts.en.yaml
    assert brand.texts_en.handed_back == brand.texts.handed_back  # not in texts.en.yaml: the German sentence
    assert brand.widget.send_label == "Senden"  # widget.de.yaml
    write(tmp_path, body + "texts:\n  answer_intr: typo\n", "typo.yaml")
    with pytest.raises(ConfigError, match=r"typo\.yaml: field 'texts\.answer_intr'"):
        load_brand(tmp_path / "typo.yaml")


def test_a_brand_file_with_retired_keys_still_loads(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Brand files written for earlier versions name `tone` and `escalation_contact`; refusing them would take a
    running brand offline on upgrade. They load, the keys are ignored with a warning; other unknown keys still fail."""
    body = "display_name: T\ngreeting: g\nsignature: s\nknowledge_path: k\n"
    retired = "tone: formal\nescalation_contact:\n  email: service@example.test\n"
    write(tmp_path, body + retired, "older.yaml")
    with caplog.at_level("WARNING"):
        brand = load_brand(tmp_path / "older.yaml")
    assert brand.display_name == "T"
    assert "'tone' is no longer read" in caplog.text and "'escalation_contact' is no longer read" in caplog.text
    write(tmp_path, body + "voice: loud\n", "typo.yaml")
    with pytest.raises(ConfigError, match="voice"):
        load_brand(tmp_path / "typo.yaml")

"""The heine-ai command line, run in-process against a temporary installation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from typer.testing import CliRunner

from heine_ai.cli import app
from heine_ai.security.tokens import Role, TokenService
from tests.conftest import BRANDS

runner = CliRunner()
SECRET = "cli-secret-" + "z" * 40


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CONFIG_FILE", str(tmp_path / "absent.yaml"))
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BRANDS_DIR", str(BRANDS))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'data' / 'db.sqlite'}")
    monkeypatch.setenv("VECTOR_STORE_PATH", str(tmp_path / "data" / "vectors"))
    monkeypatch.setenv("JWT_SECRET_KEY", SECRET)
    monkeypatch.delenv("ENCRYPTION_KEY", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delenv("ENVIRONMENT", raising=False)
    return tmp_path


def test_migrate_ingest_and_status(env: Path) -> None:
    kb = env / "kb"
    kb.mkdir()
    (kb / "a.md").write_text("---\ntitle: Lieferung\nurl: /l\n---\n# Lieferung\n\nDie Lieferung dauert 2 bis 4 Tage.\n")
    (kb / "bad.pdf").write_bytes(b"%PDF-broken")
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["ingest", "heine", str(kb)])
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output and "1 failed" in result.output and "bad.pdf" in result.output
    result = runner.invoke(app, ["ingest", "heine", str(kb)])
    assert "0 added" in result.output and "1 unchanged" in result.output
    status = runner.invoke(app, ["knowledge", "status"])
    assert status.exit_code == 0
    assert "heine: 1 documents, 1 chunks (1 stored), version 1" in status.output
    unknown = runner.invoke(app, ["ingest", "nobrand", str(kb)])
    assert unknown.exit_code != 0 and "unknown brand" in unknown.output


def test_brands_token_keygen_and_config(env: Path) -> None:
    brands = runner.invoke(app, ["brands"])
    assert brands.exit_code == 0 and brands.output.startswith("heine\t")
    token = runner.invoke(app, ["token", "--role", "agent", "--subject", "anna"]).output.strip()
    principal = TokenService(SECRET).verify(token)
    assert principal.role is Role.AGENT and principal.subject == "anna"
    key = runner.invoke(app, ["keygen"]).output.strip()
    Fernet(key.encode())  # a valid key
    config = json.loads(runner.invoke(app, ["config"]).output)
    assert config["jwt_secret_key"] == "***"
    assert SECRET not in json.dumps(config)


def test_configuration_errors_stop_with_a_clear_message(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = env / "system.yaml"
    bad.write_text("ai:\n  temperature: hot\n")
    monkeypatch.setenv("CONFIG_FILE", str(bad))
    result = runner.invoke(app, ["brands"])
    assert result.exit_code == 2
    assert "system.yaml: field 'ai.temperature'" in result.output


def test_ingest_urls_beside_paths(env: Path) -> None:
    from tests.documents import html_page, write
    from tests.servers import free_port
    from tests.static_server import static_server

    kb = env / "kb"
    write(kb / "a.md", "---\ntitle: Lieferung\nurl: /l\n---\n# Lieferung\n\nDie Lieferung dauert 2 bis 4 Tage.\n")
    site = env / "site"
    write(site / "outlet.html", html_page("Outlet", "<p>Das Outlet öffnet um 10 Uhr.</p>"))
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    refused = f"http://127.0.0.1:{free_port()}/x.html"
    with static_server(site) as server:
        result = runner.invoke(app, ["ingest", "heine", str(kb), server.url("outlet.html"), refused])
    assert result.exit_code == 0, result.output
    assert "2 added" in result.output and "1 failed" in result.output
    assert f"failed: {refused}: cannot connect" in result.output

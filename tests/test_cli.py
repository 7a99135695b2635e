"""The heine-ai command line, run in-process against a temporary installation."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest
from cryptography.fernet import Fernet
from typer.testing import CliRunner

from heine_ai.cli import app
from heine_ai.security.tokens import Role, TokenService
from tests.support.installations import BRANDS
from tests.support.servers import REDIS_URL, free_port, port_open, require

runner = CliRunner()
SECRET = "cli-secret-" + "z" * 40


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CONFIG_FILE", str(tmp_path / "absent.yaml"))
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KEYS_DIR", str(tmp_path / "keys"))
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


@pytest.mark.parametrize(
    "command", [["knowledge", "status"], ["email", "status"], ["ingest", "heine"], ["agents", "list"]]
)
def test_on_an_unmigrated_database_commands_say_what_to_run(env: Path, command: list[str]) -> None:
    result = runner.invoke(app, command)
    assert result.exit_code == 2, result.output
    assert "run `heine-ai db upgrade` first" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


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


def test_a_remote_embeddings_endpoint_missing_or_down_stops_the_commands(
    env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    monkeypatch.setenv("EMBEDDING_PROVIDER", "openai")
    result = runner.invoke(app, ["ingest", "heine"])
    assert result.exit_code == 2
    assert "EMBEDDING_PROVIDER=openai needs EMBEDDING_BASE_URL" in result.output
    monkeypatch.setenv("EMBEDDING_BASE_URL", f"http://127.0.0.1:{free_port()}/v1")  # nothing listens there
    result = runner.invoke(app, ["knowledge", "status"])
    assert result.exit_code == 2
    assert "does not answer" in result.output and "EMBEDDING_BASE_URL" in result.output


def test_ingest_urls_beside_paths(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.support.documents import html_page, write
    from tests.support.servers import free_port
    from tests.support.static_server import static_server

    kb = env / "kb"
    write(kb / "a.md", "---\ntitle: Lieferung\nurl: /l\n---\n# Lieferung\n\nDie Lieferung dauert 2 bis 4 Tage.\n")
    site = env / "site"
    write(site / "outlet.html", html_page("Outlet", "<p>Das Outlet öffnet um 10 Uhr.</p>"))
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    refused = f"http://127.0.0.1:{free_port()}/x.html"
    monkeypatch.setenv("KNOWLEDGE_FETCH_ALLOWED_NETWORKS", "127.0.0.1/32")  # the test site: a private address
    with static_server(site) as server:
        result = runner.invoke(app, ["ingest", "heine", str(kb), server.url("outlet.html"), refused])
    assert result.exit_code == 0, result.output
    assert "2 added" in result.output and "1 failed" in result.output
    assert f"failed: {refused}: unreachable" in result.output


def test_several_workers_need_redis_and_a_chroma_server(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = runner.invoke(app, ["serve", "--workers", "2"])
    assert result.exit_code == 2
    assert "needs REDIS_URL" in result.output
    monkeypatch.setenv("REDIS_URL", REDIS_URL)  # the embedded vector store belongs to one process
    result = runner.invoke(app, ["serve", "--workers", "2"])
    assert result.exit_code == 2
    assert "needs a Chroma server" in result.output
    monkeypatch.setenv("VECTOR_STORE_TYPE", "chroma_http")
    monkeypatch.setenv("PROMETHEUS_PORT", "9464")  # one port, but each worker process has its own registry
    result = runner.invoke(app, ["serve", "--workers", "2"])
    assert result.exit_code == 2
    assert "cannot share PROMETHEUS_PORT" in result.output


def test_serve_with_two_workers_shares_one_port(env: Path, chroma_server: tuple[str, int]) -> None:
    """Two real worker processes behind one port (uvicorn), with Redis and a Chroma server, answer the chat."""
    require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    port = free_port()
    host, chroma_port = chroma_server
    environment = {
        **os.environ,
        "REDIS_URL": REDIS_URL,
        "VECTOR_STORE_TYPE": "chroma_http",
        "CHROMA_HOST": host,
        "CHROMA_PORT": str(chroma_port),
        "VECTOR_STORE_PREFIX": f"t{uuid.uuid4().hex[:10]}-",
    }
    command = [sys.executable, "-m", "heine_ai", "serve", "--workers", "2", "--port", str(port)]
    server = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while time.monotonic() < deadline and len(workers) < 2:
            children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
            workers = {int(pid) for pid in children}
            time.sleep(0.2)
        assert len(workers) >= 2, "uvicorn did not start two worker processes"
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=5).status_code == 200:
                    break
            time.sleep(0.3)
        answers = [
            httpx.post(f"http://127.0.0.1:{port}/api/v1/chat", json={"brand": "heine", "message": "Hallo"}, timeout=30)
            for _ in range(4)
        ]
        assert all(a.status_code == 200 for a in answers), [a.text for a in answers]
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert server.returncode is not None

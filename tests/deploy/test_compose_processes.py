"""The compose file's processes on this machine (no container runtime here): the migration job, then two api
workers started with its commands and environment, PostgreSQL, Redis and a Chroma server on loopback; the smoke
test passes against each worker. The knowledge is two short pages, not the demo brand (its ingest costs minutes)."""

from __future__ import annotations

import contextlib
import subprocess
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from typer.testing import CliRunner

from heine_ai.cli import app
from heine_ai.security.crypto import new_fernet_key
from heine_ai.security.tokens import Role, TokenService
from tests.support.installations import BRANDS, ROOT
from tests.support.processes import command_environment, run_command, service_process
from tests.support.servers import REDIS_URL, free_port, port_open, require

COMPOSE = ROOT / "deploy" / "compose.yaml"
SECRET = "compose-test-" + "s" * 40
pytestmark = [pytest.mark.postgres, pytest.mark.redis]


def small_brand(root: Path) -> Path:
    """The brand ``heine`` with a knowledge folder of two short pages."""
    knowledge = root / "kb"
    knowledge.mkdir()
    (knowledge / "lieferung.md").write_text(
        "---\ntitle: Lieferung\nurl: /service/lieferung\n---\n# Lieferung\n\n"
        "Die Lieferung dauert 2 bis 4 Werktage. Die Lieferung ist ab 50 Euro Bestellwert kostenlos.\n"
    )
    (knowledge / "ruecksendung.md").write_text(
        "---\ntitle: Rücksendung\nurl: /service/ruecksendung\n---\n# Rücksendung\n\n"
        "Sie können Artikel innerhalb von 30 Tagen kostenlos zurücksenden.\n"
    )
    brands = root / "brands"
    brands.mkdir()
    brand: dict[str, Any] = yaml.safe_load((BRANDS / "heine.yaml").read_text())
    brand["knowledge_path"] = str(knowledge)
    brand.pop("email", None)
    (brands / "heine.yaml").write_text(yaml.safe_dump(brand, allow_unicode=True))
    return brands


def compose_environment(local: dict[str, str]) -> dict[str, str]:
    """The compose file's shared environment (x-heine-env) with its hosts and secrets replaced by local ones."""
    shared: dict[str, str] = yaml.safe_load(COMPOSE.read_text())["x-heine-env"]
    unresolved = [key for key, value in shared.items() if "${" in str(value) and key not in local]
    assert not unresolved, f"compose variables the test does not provide: {unresolved}"
    return {**{key: str(value) for key, value in shared.items()}, **local}


def test_compose_processes_pass_the_smoke_test(
    tmp_path: Path, postgres_url: str, chroma_server: tuple[str, int]
) -> None:
    require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    chroma_host, chroma_port = chroma_server
    local = {
        "DATABASE_URL": postgres_url,
        "REDIS_URL": REDIS_URL,
        "CHROMA_HOST": chroma_host,
        "CHROMA_PORT": str(chroma_port),
        "ENCRYPTION_KEY": new_fernet_key(),
        "JWT_SECRET_KEY": SECRET,
        "LOG_LEVEL": "INFO",
        "DEBUG": "false",
        # the image's paths, here under the test's folder
        "CONFIG_FILE": str(tmp_path / "absent.yaml"),
        "DATA_DIR": str(tmp_path / "data"),
        "BRANDS_DIR": str(small_brand(tmp_path)),
        "VECTOR_STORE_PREFIX": f"t{uuid.uuid4().hex[:10]}-",
    }
    environment = command_environment(compose_environment(local))
    assert environment["ENVIRONMENT"] == "production" and environment["VECTOR_STORE_TYPE"] == "chroma_http"
    run_command(services["migrate"]["command"], environment, tmp_path)

    token = TokenService(SECRET).issue("smoke", Role.ADMIN, expire_seconds=600)
    api = services["api"]["command"]
    assert api[api.index("--port") + 1] == "8000"
    ports: list[tuple[int, int]] = []
    processes: list[subprocess.Popen[bytes]] = []
    with contextlib.ExitStack() as stack:
        for number in (1, 2):  # two replicas, as deploy.replicas starts them
            port, metrics_port = free_port(), free_port()
            command = [{"0.0.0.0": "127.0.0.1", "8000": str(port)}.get(part, part) for part in api]  # noqa: S104
            worker_environment = {**environment, "PROMETHEUS_PORT": str(metrics_port)}
            ready = f"http://127.0.0.1:{port}/readyz"
            log = tmp_path / f"api{number}.log"
            processes.append(stack.enter_context(service_process(command, worker_environment, tmp_path, ready, log)))
            ports.append((port, metrics_port))
        for port, metrics_port in ports:
            base, metrics = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{metrics_port}/metrics"
            result = CliRunner().invoke(app, ["smoke", "--base", base, "--token", token, "--metrics-url", metrics])
            assert result.exit_code == 0, result.output
            assert "smoke: 5 of 5 checks passed" in result.output
            assert "/service/lieferung" in result.output
        # production keeps the metrics off the public port without METRICS_TOKEN; the smoke test says so
        refused = CliRunner().invoke(app, ["smoke", "--base", f"http://127.0.0.1:{ports[0][0]}", "--token", token])
        assert refused.exit_code == 1
        assert "FAIL metrics" in refused.output and "HTTP 404" in refused.output
        assert "ok   chat" in refused.output

        # drill: the first worker dies (SIGKILL) in the middle of a conversation; the customer goes on on the other
        first, second = (f"http://127.0.0.1:{port}" for port, _ in ports)
        opened = httpx.post(
            f"{first}/api/v1/chat", json={"brand": "heine", "message": "Wie lange dauert die Lieferung?"}
        )
        session = {"session_id": opened.json()["session_id"], "session_token": opened.json()["session_token"]}
        processes[0].kill()
        processes[0].wait()
        resumed = httpx.post(
            f"{second}/api/v1/chat", json={"brand": "heine", "message": "Und ist sie kostenlos?", **session}, timeout=30
        )
        assert resumed.status_code == 200, resumed.text
        history = httpx.get(
            f"{second}/api/v1/sessions/{session['session_id']}/history",
            headers={"Authorization": f"Bearer {session['session_token']}"},
        ).json()
        customer = [m["content"] for m in history["messages"] if m["role"] == "user"]
        assert customer == ["Wie lange dauert die Lieferung?", "Und ist sie kostenlos?"]
        assert len(history["messages"]) == 4  # both answers too: nothing lost


def test_smoke_reports_each_failing_check(tmp_path: Path) -> None:
    """Nothing listens: every check fails with the reason, and the command exits 1."""
    result = CliRunner().invoke(app, ["smoke", "--base", f"http://127.0.0.1:{free_port()}", "--timeout", "2"])
    assert result.exit_code == 1
    for name in ("health", "chat", "widget", "metrics", "admin"):
        assert f"FAIL {name}" in result.output
    assert "smoke: 0 of 5 checks passed" in result.output

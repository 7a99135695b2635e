"""Fault drills on a running service process (``heine-ai serve``) with a two-page knowledge base: its PostgreSQL
restarts, its Redis restarts, its Chroma server stops, its data directory's disk fills up. Each drill starts the servers it breaks
on its own free ports (never the machine's shared ones) and stops them by their pid.

Cost per drill on the 2-core machine: one ``db upgrade``, one ingest of two pages and one service start
(together 10 to 20 s, mostly loading the model), plus the drill's own requests."""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from heine_ai.security.crypto import new_fernet_key
from tests.deploy.test_compose_processes import small_brand
from tests.support.processes import command_environment, run_command, service_process
from tests.support.servers import free_port
from tests.support.throwaway import own_chroma, own_postgres, own_redis, small_filesystem

QUESTION = "Wie lange dauert die Lieferung?"
pytestmark = pytest.mark.slow


def service_environment(root: Path, data: Path, **overrides: str) -> dict[str, str]:
    return command_environment(
        {
            "ENVIRONMENT": "development",
            "DEBUG": "false",
            "LOG_LEVEL": "INFO",
            "CONFIG_FILE": str(root / "absent.yaml"),
            "DATA_DIR": str(data),
            "BRANDS_DIR": str(small_brand(root)),
            "ENCRYPTION_KEY": new_fernet_key(),
            "JWT_SECRET_KEY": "drill-" + "s" * 40,
            "OMP_NUM_THREADS": "1",
            **overrides,
        }
    )


@contextlib.contextmanager
def running_service(root: Path, environment: dict[str, str]) -> Iterator[str]:
    """Migrate, ingest the two pages, then serve; yields the base URL."""
    run_command(["heine-ai", "db", "upgrade"], environment, root)
    run_command(["heine-ai", "ingest", "heine"], environment, root)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = ["heine-ai", "serve", "--host", "127.0.0.1", "--port", str(port)]
    with service_process(command, environment, root, f"{base}/readyz", root / "service.log"):
        yield base


def ask(base: str, message: str, session: dict[str, str] | None = None) -> httpx.Response:
    return httpx.post(f"{base}/api/v1/chat", json={"brand": "heine", "message": message, **(session or {})}, timeout=60)


def session_of(response: httpx.Response) -> dict[str, str]:
    body: dict[str, Any] = response.json()
    return {"session_id": body["session_id"], "session_token": body["session_token"]}


def history(base: str, session: dict[str, str]) -> list[tuple[str, str]]:
    response = httpx.get(
        f"{base}/api/v1/sessions/{session['session_id']}/history",
        headers={"Authorization": f"Bearer {session['session_token']}"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return [(message["role"], message["content"]) for message in response.json()["messages"]]


def dependency_up(base: str, dependency: str) -> float:
    for line in httpx.get(f"{base}/metrics", timeout=30).text.splitlines():
        if line.startswith(f'dependency_up{{dependency="{dependency}"}}'):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"no dependency_up sample for {dependency}")


def test_postgres_restart_fails_requests_cleanly_and_loses_nothing_acknowledged(tmp_path: Path) -> None:
    with own_postgres() as postgres:
        environment = service_environment(tmp_path, tmp_path / "data", DATABASE_URL=postgres.url)
        with running_service(tmp_path, environment) as base:
            first = ask(base, QUESTION)
            assert first.status_code == 200, first.text
            session = session_of(first)

            postgres.stop()
            during = ask(base, "Ist die Lieferung kostenlos?", session)
            assert during.status_code == 503, during.text
            assert during.json()["error"]["code"] == "database_unavailable"
            assert httpx.get(f"{base}/readyz", timeout=30).status_code == 503

            postgres.start()
            after = ask(base, "Ist die Lieferung kostenlos?", session)
            assert after.status_code == 200, after.text
            stored = history(base, session)
            # the refused message was not stored (the customer sent it again), both answers were
            assert [content for role, content in stored if role == "user"] == [QUESTION, "Ist die Lieferung kostenlos?"]
            assert [role for role, _ in stored].count("assistant") == 2


def test_redis_restart_keeps_answering_and_loses_nothing(tmp_path: Path) -> None:
    with own_redis(tmp_path / "redis") as redis:
        environment = service_environment(tmp_path, tmp_path / "data", REDIS_URL=redis.url)
        with running_service(tmp_path, environment) as base:
            first = ask(base, QUESTION)
            assert first.status_code == 200, first.text
            session = session_of(first)
            assert dependency_up(base, "redis") == 1

            redis.stop()
            # cache, locks and limits fall back to the process; the customer notices nothing
            during = ask(base, "Ist die Lieferung kostenlos?", session)
            assert during.status_code == 200, during.text
            assert dependency_up(base, "redis") == 0

            redis.start()  # empty: Redis keeps nothing on disk here
            assert dependency_up(base, "redis") == 1
            after = ask(base, "Wie lange habe ich Zeit für eine Rücksendung?", session)
            assert after.status_code == 200, after.text
            stored = history(base, session)
            assert [content for role, content in stored if role == "user"] == [
                QUESTION,
                "Ist die Lieferung kostenlos?",
                "Wie lange habe ich Zeit für eine Rücksendung?",
            ]
            assert [role for role, _ in stored].count("assistant") == 3


def test_chroma_server_stop_degrades_answers_and_recovers(tmp_path: Path) -> None:
    with own_chroma(tmp_path / "chroma") as chroma:
        environment = service_environment(
            tmp_path,
            tmp_path / "data",
            VECTOR_STORE_TYPE="chroma_http",
            CHROMA_HOST="127.0.0.1",
            CHROMA_PORT=str(chroma.port),
            VECTOR_STORE_PREFIX=f"t{uuid.uuid4().hex[:10]}-",
        )
        with running_service(tmp_path, environment) as base:
            first = ask(base, QUESTION)
            assert first.status_code == 200, first.text
            assert [source["url"] for source in first.json()["sources"]][:1] == ["/service/lieferung"]
            assert dependency_up(base, "vector_store") == 1

            chroma.stop()
            # the worker answers from its in-memory index of the brand; the outage shows in metrics and readiness
            during = ask(base, "Wie lange habe ich Zeit für eine Rücksendung?")
            assert during.status_code == 200, during.text
            assert "/service/ruecksendung" in [source["url"] for source in during.json()["sources"]]
            assert dependency_up(base, "vector_store") == 0
            ready = httpx.get(f"{base}/readyz", timeout=30)
            assert ready.status_code == 503 and ready.json()["checks"]["vector_store"]["status"] != "healthy"

            chroma.start()
            assert dependency_up(base, "vector_store") == 1
            assert httpx.get(f"{base}/readyz", timeout=30).status_code == 200
            after = ask(base, "Ist die Lieferung ab 50 Euro kostenlos?", session_of(first))
            assert after.status_code == 200, after.text
            assert "/service/lieferung" in [source["url"] for source in after.json()["sources"]]


def test_full_data_disk_refuses_writes_cleanly_and_recovers_without_corruption(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with small_filesystem(data, megabytes=48):
        environment = service_environment(tmp_path, data)
        with running_service(tmp_path, environment) as base:
            first = ask(base, QUESTION)
            assert first.status_code == 200, first.text
            session = session_of(first)

            filler = data / "filler"
            with filler.open("wb") as output, contextlib.suppress(OSError):
                while True:
                    output.write(b"\0" * 65536)
                    output.flush()
            # SQLite may still fit a message or two into its write-ahead log's free pages; then it refuses
            acknowledged, refused, message = [QUESTION], None, ""
            for number in range(20):
                message = f"Frage {number}: Wie lange dauert die Lieferung?"
                reply = ask(base, message, session)
                if reply.status_code != 200:
                    refused = reply
                    break
                acknowledged.append(message)
            assert refused is not None, "twenty messages were stored on a full disk"
            assert refused.status_code == 503, refused.text
            assert refused.json()["error"]["code"] == "storage_full"
            assert httpx.get(f"{base}/healthz", timeout=30).status_code == 200  # the process lives on

            filler.unlink()
            after = ask(base, "Ist die Lieferung kostenlos?", session)
            assert after.status_code == 200, after.text
            stored = history(base, session)
            # the refused message itself may have been stored before its answer could not be: then it is kept
            assert [content for role, content in stored if role == "user"] in (
                [*acknowledged, "Ist die Lieferung kostenlos?"],
                [*acknowledged, message, "Ist die Lieferung kostenlos?"],
            )
            with contextlib.closing(sqlite3.connect(data / "heine_ai.db")) as database:
                assert database.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

"""`heine-ai email run` answers a brand's mails without the API server: a real process over the same database,
killed with SIGKILL while it waits for mail, then started again: one reply per mail, none twice."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from asyncio.subprocess import DEVNULL
from pathlib import Path

from heine_ai.app_state import AppState
from tests.channels.email.conftest import Shop
from tests.channels.email.helpers import ask, records, replies
from tests.support.mailservers import PASSWORD, wait_for


def cli_env(state: AppState, shop: Shop) -> dict[str, str]:
    settings = state.settings
    env = dict(os.environ)
    env.update(
        {
            "CONFIG_FILE": str(settings.config_file),
            "ENVIRONMENT": "test",
            "DATA_DIR": str(settings.data_dir),
            "BRANDS_DIR": str(shop.brands_dir),
            "DATABASE_URL": settings.database_url,
            "VECTOR_STORE_PATH": str(settings.vector_store_path),
            "ENCRYPTION_KEY": settings.encryption_key or "",
            "JWT_SECRET_KEY": settings.jwt_secret_key or "",
            "EMAIL_HEINE_IMAP_PASSWORD": PASSWORD,
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "heine_ai", "email", "run", *args]


def run_once(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cli("--once"), env=env, capture_output=True, text=True, timeout=120, check=False)


async def test_email_run_once_and_a_killed_worker(email_state: AppState, shop: Shop) -> None:
    env = cli_env(email_state, shop)
    ask(shop, "Versand", "Wie lange dauert die Lieferung?", "<cli1@example.test>")
    done = await asyncio.to_thread(run_once, env)
    assert done.returncode == 0, done.stderr
    assert "heine: 1 mails handled" in done.stdout
    assert len(replies(shop)) == 1

    worker = await asyncio.create_subprocess_exec(*cli("--brand", "heine"), env=env, stdout=DEVNULL, stderr=DEVNULL)
    try:
        ask(shop, "Zahlung", "Kann ich auf Rechnung bezahlen?", "<cli2@example.test>")
        wait_for(lambda: len(replies(shop)) == 2, timeout=60, message="the running worker did not answer")
        for _ in range(100):  # kill it once the reply is recorded, as it waits for the next mail
            if (await records(email_state))["<cli2@example.test>"].state == "answered":
                break
            await asyncio.sleep(0.05)
        worker.send_signal(signal.SIGKILL)
        await asyncio.wait_for(worker.wait(), 10)
        ask(shop, "Umtausch", "Kann ich einen Artikel umtauschen?", "<cli3@example.test>")  # while it is dead
    finally:
        if worker.returncode is None:
            worker.kill()
            await worker.wait()
    started = time.monotonic()
    again = await asyncio.to_thread(run_once, env)
    assert again.returncode == 0, again.stderr
    assert time.monotonic() - started < 120
    assert sorted(reply["In-Reply-To"] for reply in replies(shop)) == [
        "<cli1@example.test>",
        "<cli2@example.test>",
        "<cli3@example.test>",
    ]
    assert {record.state for record in (await records(email_state)).values()} == {"answered"}
    status = await asyncio.to_thread(
        subprocess.run, [*cli()[:-1], "status"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert status.stdout.strip() == "heine: 3 answered"


def test_an_unmigrated_database_then_no_mailbox_say_what_to_do(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.update(
        {
            "CONFIG_FILE": "/nonexistent.yaml",
            "ENVIRONMENT": "test",
            "DATA_DIR": str(tmp_path),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}",
        }
    )
    env["KEYS_DIR"] = str(tmp_path.parent / f"{tmp_path.name}-keys")
    for name in list(env):
        if name.startswith("EMAIL_"):
            del env[name]
    fresh = run_once(env)  # a fresh clone: the README's e-mail steps skipped
    assert fresh.returncode == 2
    assert "heine-ai db upgrade" in fresh.stderr and "Traceback" not in fresh.stderr
    upgrade = [sys.executable, "-m", "heine_ai", "db", "upgrade"]
    subprocess.run(upgrade, env=env, capture_output=True, text=True, timeout=120, check=True)
    result = run_once(env)
    assert result.returncode == 2
    assert "no brand has a mailbox" in result.stderr

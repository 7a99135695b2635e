"""IMAP or SMTP down: the worker backs off and retries, reports it in the admin health, and loses nothing."""

from __future__ import annotations

import asyncio
from pathlib import Path

from fastapi.testclient import TestClient

from heine_ai.app import create_app
from heine_ai.app_state import AppState
from heine_ai.channels.email.channel import EmailChannel
from heine_ai.channels.email.settings import mailboxes
from heine_ai.config import load_brands
from heine_ai.lifespan import close_state
from heine_ai.security.tokens import Role
from heine_ai.tasks import cancel_and_wait
from tests.channels.email.conftest import EmailStateFactory, Shop, email_block, write_brand
from tests.channels.email.helpers import ask, records, replies
from tests.conftest import SettingsFactory
from tests.support.embedder import MemoEmbedder
from tests.support.installations import Templates, build_installed_state
from tests.support.mailservers import run_smtp
from tests.support.servers import free_port


def channel_for(state: AppState, brands_dir: Path) -> EmailChannel:
    boxes = mailboxes(load_brands(brands_dir))
    return EmailChannel(
        boxes,
        assistant=state.assistant,
        conversations=state.conversations,
        cipher=state.cipher,
        metrics=state.metrics,
        backoff_initial=0.05,
    )


async def test_imap_down_backs_off_and_shows_in_health(
    shop: Shop, make_settings: SettingsFactory, embedder: MemoEmbedder, templates: Templates, tmp_path: Path
) -> None:
    block = email_block(shop.servers, shop.brand_address)
    block["imap"]["port"] = free_port()  # nothing listens there
    brands = write_brand(tmp_path / "down", block)
    settings = make_settings(brands_dir=brands)
    state = await build_installed_state(settings, embedder, templates, demo=False)
    try:
        assert state.email is not None
        worker = asyncio.create_task(state.email.workers["heine"].run())
        for _ in range(100):
            await asyncio.sleep(0.05)
            if state.email.status["heine"].state == "backing_off":
                break
        report = state.email.status["heine"].report()
        assert report["status"] == "unhealthy"
        assert report["state"] == "backing_off"
        assert report["last_error"] == "error_ConnectionRefusedError"
        await cancel_and_wait(worker)
        with TestClient(create_app(state)) as client:
            token = state.tokens.issue("tester", Role.ADMIN)
            health = client.get("/api/v1/admin/health", headers={"Authorization": f"Bearer {token}"}).json()
        assert health["status"] == "unhealthy"
        assert health["checks"]["email:heine"]["state"] == "backing_off"
    finally:
        await close_state(state)


async def test_smtp_down_keeps_the_mail_and_answers_once_it_is_back(
    shop: Shop, build_email_state: EmailStateFactory, tmp_path: Path
) -> None:
    smtp_port = free_port()
    block = email_block(shop.servers, shop.brand_address)
    block["smtp"]["port"] = smtp_port  # down at first
    brands = write_brand(tmp_path / "smtp-down", block)
    state = await build_email_state(brands_dir=brands)
    try:
        ask(shop, "Zahlung", "Kann ich auf Rechnung bezahlen?", "<down1@example.test>")
        channel = channel_for(state, brands)
        task = asyncio.create_task(channel.workers["heine"].run())
        for _ in range(200):
            await asyncio.sleep(0.05)
            if channel.status["heine"].state == "backing_off":
                break
        assert channel.status["heine"].last_error == "smtp_SMTPConnectError"
        assert (await records(state))["<down1@example.test>"].state == "planned"
        assert replies(shop) == []
        with run_smtp(shop.servers.dovecot, port=smtp_port):  # SMTP is back
            for _ in range(200):
                await asyncio.sleep(0.05)
                if (await records(state))["<down1@example.test>"].state == "answered":
                    break
            await cancel_and_wait(task)
        assert len(replies(shop)) == 1
        assert channel.status["heine"].state == "connected"
    finally:
        await close_state(state)

"""Fixtures of the e-mail tests: the real mail servers for the session, a brand connected to a fresh mailbox."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from heine_ai.app_state import AppState
from heine_ai.lifespan import close_state
from tests.conftest import SettingsFactory
from tests.support.embedder import MemoEmbedder
from tests.support.installations import BRANDS, Templates, build_installed_state
from tests.support.mailservers import PASSWORD, MailServers, run_dovecot, run_smtp


@pytest.fixture(scope="session")
def mail_servers() -> Iterator[MailServers]:
    with run_dovecot() as dovecot, run_smtp(dovecot) as servers:
        yield servers


@dataclass(frozen=True, slots=True)
class Shop:
    """The brand's mailbox and one customer, unique to a test."""

    servers: MailServers
    brand_address: str
    customer: str
    brands_dir: Path


def email_block(servers: MailServers, address: str, **imap: Any) -> dict[str, Any]:
    return {
        "imap": {"host": "127.0.0.1", "port": servers.imap_port, "tls": "none", "user": address, **imap},
        "smtp": {"host": "127.0.0.1", "port": servers.smtp_port, "tls": "none"},
        "from_address": address,
        "from_name": "heine Kundenservice",
    }


def write_brand(directory: Path, block: dict[str, Any]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    data = yaml.safe_load((BRANDS / "heine.yaml").read_text(encoding="utf-8"))
    data["knowledge_path"] = str(BRANDS.parent.parent / "knowledge" / "heine")
    data["email"] = block
    (directory / "heine.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return directory


@pytest.fixture
def shop(mail_servers: MailServers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Shop:
    tag = uuid.uuid4().hex[:10]
    address = f"service-{tag}@heine.example"
    monkeypatch.setenv("EMAIL_HEINE_IMAP_PASSWORD", PASSWORD)
    brands = write_brand(tmp_path / "brands", email_block(mail_servers, address, idle=True, poll_interval=0.5))
    return Shop(mail_servers, address, f"kunde-{tag}@example.test", brands)


EmailStateFactory = Callable[..., Awaitable[AppState]]


@pytest.fixture
def build_email_state(
    make_settings: SettingsFactory, embedder: MemoEmbedder, templates: Templates
) -> EmailStateFactory:
    """Builds a migrated installation with the demo knowledge (close it with ``close_state``)."""

    async def build(**overrides: Any) -> AppState:
        return await build_installed_state(make_settings(**overrides), embedder, templates)

    return build


@pytest.fixture
async def email_state(shop: Shop, build_email_state: EmailStateFactory) -> AsyncIterator[AppState]:
    """A migrated installation (SQLite) with the demo knowledge and the brand connected to ``shop``'s mailbox."""
    state = await build_email_state(brands_dir=shop.brands_dir)
    try:
        yield state
    finally:
        await close_state(state)

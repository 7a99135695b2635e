"""A brand is connected to a mailbox by configuration alone: the brand file or EMAIL_<BRAND>_* variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from heine_ai.channels.email.settings import mailbox, mailboxes
from heine_ai.config import load_brand, load_brands
from heine_ai.errors import ConfigError
from tests.channels.email.conftest import write_brand
from tests.support.installations import BRANDS


def test_environment_alone_connects_a_brand(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {
        "EMAIL_HEINE_IMAP_HOST": "imap.heine.example",
        "EMAIL_HEINE_IMAP_USER": "service@heine.example",
        "EMAIL_HEINE_IMAP_PASSWORD": "imap-secret",
        "EMAIL_HEINE_SMTP_HOST": "smtp.heine.example",
        "EMAIL_HEINE_SMTP_PORT": "465",
        "EMAIL_HEINE_SMTP_TLS": "ssl",
        "EMAIL_HEINE_SMTP_USER": "service@heine.example",
        "EMAIL_HEINE_SMTP_PASSWORD": "smtp-secret",
        "EMAIL_HEINE_FROM_ADDRESS": "service@heine.example",
        "EMAIL_HEINE_IMAP_IDLE": "false",
    }.items():
        monkeypatch.setenv(name, value)
    brand = load_brands(BRANDS)["heine"]
    assert brand.email is not None
    assert (brand.email.imap.host, brand.email.imap.port, brand.email.imap.tls) == ("imap.heine.example", 993, "ssl")
    assert brand.email.imap.idle is False
    assert (brand.email.smtp.port, brand.email.smtp.tls) == (465, "ssl")
    box = mailbox(brand)
    assert box is not None
    assert (box.imap_password, box.smtp_password) == ("imap-secret", "smtp-secret")
    assert "service@heine.example" in box.own_addresses


def test_without_a_mailbox_nothing_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EMAIL_HEINE_IMAP_HOST", raising=False)
    assert mailboxes(load_brands(BRANDS)) == {}


def test_a_missing_password_or_a_bad_field_stops_the_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    block = {
        "imap": {"host": "127.0.0.1", "user": "s@heine.example"},
        "smtp": {"host": "127.0.0.1"},
        "from_address": "s@heine.example",
    }
    brands = write_brand(tmp_path / "ok", block)
    monkeypatch.delenv("EMAIL_HEINE_IMAP_PASSWORD", raising=False)
    with pytest.raises(ConfigError, match="EMAIL_HEINE_IMAP_PASSWORD"):
        mailboxes(load_brands(brands))
    broken = write_brand(tmp_path / "bad", {**block, "imap": {**block["imap"], "password": "in-yaml"}})
    with pytest.raises(ConfigError, match=r"heine.yaml: field 'email.imap.password'"):
        load_brand(broken / "heine.yaml")
    monkeypatch.setenv("EMAIL_HEINE_IMAP_PORT", "not-a-port")
    with pytest.raises(ConfigError, match=r"email.imap.port"):
        load_brand(brands / "heine.yaml")

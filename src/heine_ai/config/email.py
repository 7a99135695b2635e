"""A brand's mailbox for the e-mail channel: the ``email:`` block of its brand file, or EMAIL_<BRAND>_* variables."""

from __future__ import annotations

import os
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

TlsMode = Literal["none", "starttls", "ssl"]


class ImapConfig(BaseModel):
    """Where a brand's customer mails arrive. The password comes from EMAIL_<BRAND>_IMAP_PASSWORD only."""

    model_config = ConfigDict(extra="forbid")

    host: str = Field(min_length=1)
    port: int = Field(993, gt=0, lt=65536)
    tls: Literal["none", "ssl"] = "ssl"  # aioimaplib speaks no STARTTLS: use IMAPS (993)
    user: str = Field(min_length=1)
    folder: str = "INBOX"
    review_folder: str = "Review"
    poll_interval: float = Field(30, gt=0)
    idle: bool = True


class SmtpConfig(BaseModel):
    """How a brand's replies leave. The password comes from EMAIL_<BRAND>_SMTP_PASSWORD only."""

    model_config = ConfigDict(extra="forbid")

    host: str = Field(min_length=1)
    port: int = Field(587, gt=0, lt=65536)
    tls: TlsMode = "starttls"
    user: str | None = None


class EmailConfig(BaseModel):
    """A brand's mailbox (``email:`` in the brand file; every field also as EMAIL_<BRAND>_<FIELD>)."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool = True
    imap: ImapConfig
    smtp: SmtpConfig
    from_address: str = Field(pattern=r"^[^@\s]+@[^@\s]+$")
    from_name: str | None = None
    reply_to: str | None = None
    # the mail's frame; unset: the brand's texts (`mail_greeting`, `mail_signature` of `texts` and `texts_en`)
    greeting: str | None = None
    greeting_en: str | None = None  # for customers who write in English
    signature_en: str | None = None
    thread_window_hours: float = Field(72, ge=0)  # a subject match alone links only this long, same sender
    max_mail_mb: int = Field(10, gt=0, le=100)  # larger mails go to the review folder unread
    parallel: int = Field(4, ge=1, le=32)  # mails in flight per mailbox (one sender's mails stay in order)


# EMAIL_<BRAND>_<NAME> -> (section, field) of the brand's ``email`` block; passwords are read by the channel.
EMAIL_ENV_FIELDS: dict[str, tuple[str | None, str]] = {
    "IMAP_HOST": ("imap", "host"),
    "IMAP_PORT": ("imap", "port"),
    "IMAP_TLS": ("imap", "tls"),
    "IMAP_USER": ("imap", "user"),
    "IMAP_FOLDER": ("imap", "folder"),
    "IMAP_REVIEW_FOLDER": ("imap", "review_folder"),
    "IMAP_POLL_INTERVAL": ("imap", "poll_interval"),
    "IMAP_IDLE": ("imap", "idle"),
    "SMTP_HOST": ("smtp", "host"),
    "SMTP_PORT": ("smtp", "port"),
    "SMTP_TLS": ("smtp", "tls"),
    "SMTP_USER": ("smtp", "user"),
    "FROM_ADDRESS": (None, "from_address"),
    "FROM_NAME": (None, "from_name"),
    "REPLY_TO": (None, "reply_to"),
    "ENABLED": (None, "enabled"),
}


def email_env_prefix(brand_id: str) -> str:
    return "EMAIL_" + brand_id.upper().replace("-", "_") + "_"


def merge_email_env(brand_id: str, data: dict[str, Any]) -> None:
    """Environment variables over the brand file's ``email`` block, so a brand is connected by configuration."""
    prefix = email_env_prefix(brand_id)
    found = {name: os.environ[prefix + name] for name in EMAIL_ENV_FIELDS if prefix + name in os.environ}
    if not found:
        return
    block = data.get("email")
    block = dict(block) if isinstance(block, dict) else {}
    for name, value in found.items():
        section, key = EMAIL_ENV_FIELDS[name]
        if section is None:
            block[key] = value
        else:
            inner = block.get(section)
            block[section] = {**(inner if isinstance(inner, dict) else {}), key: value}
    data["email"] = block

"""The brands' mailboxes: the ``email`` block of each brand file plus the passwords from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass

from heine_ai.config import BrandConfig, EmailConfig, email_env_prefix
from heine_ai.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Mailbox:
    brand: BrandConfig
    config: EmailConfig
    imap_password: str
    smtp_password: str | None

    @property
    def folder_key(self) -> str:
        """The folder this mailbox reads, the same in every worker and for no other mailbox."""
        imap = self.config.imap
        return f"{imap.user.lower()}@{imap.host.lower()}:{imap.port}/{imap.folder}"

    @property
    def own_addresses(self) -> frozenset[str]:
        """Addresses that are the brand itself: mail from them is never answered."""
        addresses = {self.config.from_address, self.config.imap.user, self.config.smtp.user, self.config.reply_to}
        return frozenset(a.lower() for a in addresses if a and "@" in a)


def mailbox(brand: BrandConfig) -> Mailbox | None:
    """The brand's mailbox, or None when it has none (or it is disabled)."""
    config = brand.email
    if config is None or not config.enabled:
        return None
    prefix = email_env_prefix(brand.id)
    imap_password = os.environ.get(prefix + "IMAP_PASSWORD")
    if not imap_password:
        raise ConfigError(f"brand '{brand.id}' has a mailbox but {prefix}IMAP_PASSWORD is not set")
    smtp_password = os.environ.get(prefix + "SMTP_PASSWORD") or None
    if config.smtp.user and smtp_password is None:
        raise ConfigError(f"brand '{brand.id}' has an SMTP user but {prefix}SMTP_PASSWORD is not set")
    return Mailbox(brand=brand, config=config, imap_password=imap_password, smtp_password=smtp_password)


def mailboxes(brands: dict[str, BrandConfig]) -> dict[str, Mailbox]:
    found = {brand_id: mailbox(brand) for brand_id, brand in sorted(brands.items())}
    return {brand_id: box for brand_id, box in found.items() if box is not None}

"""The brands' phone lines: the ``phone`` block of each brand file plus the provider's auth token from the
environment (PHONE_<BRAND>_AUTH_TOKEN), with which every webhook of the line is signed."""

from __future__ import annotations

import os
from dataclasses import dataclass

from heine_ai.config import BrandConfig, PhoneConfig, phone_env_prefix
from heine_ai.errors import ConfigError


@dataclass(frozen=True, slots=True)
class PhoneLine:
    brand: BrandConfig
    config: PhoneConfig
    auth_token: str


def phone_line(brand: BrandConfig) -> PhoneLine | None:
    """The brand's line, or None when it has none (or it is disabled)."""
    config = brand.phone
    if config is None or not config.enabled:
        return None
    token = os.environ.get(phone_env_prefix(brand.id) + "AUTH_TOKEN")
    if not token:
        raise ConfigError(f"brand '{brand.id}' has a phone line but {phone_env_prefix(brand.id)}AUTH_TOKEN is not set")
    return PhoneLine(brand=brand, config=config, auth_token=token)


def phone_lines(brands: dict[str, BrandConfig]) -> dict[str, PhoneLine]:
    found = {brand_id: phone_line(brand) for brand_id, brand in sorted(brands.items())}
    return {brand_id: line for brand_id, line in found.items() if line is not None}

"""Resolve the secrets the service needs, refusing unsafe ones in production."""

from __future__ import annotations

from dataclasses import dataclass

from heine_ai.config import SEED_PLACEHOLDER_SECRETS, Settings
from heine_ai.errors import ConfigError
from heine_ai.security.crypto import load_or_create_secret

MIN_JWT_SECRET_LENGTH = 32


@dataclass(frozen=True, slots=True)
class Secrets:
    jwt_secret: str
    encryption_key: str


def resolve_secrets(settings: Settings) -> Secrets:
    """Secrets from the settings; outside production, missing ones come from local key files in the data dir.

    Production refuses to start without a real encryption key, or with a missing, placeholder or short JWT
    secret: a default secret would let anyone mint admin tokens or read customer data.
    """
    jwt_secret = settings.jwt_secret_key
    encryption_key = settings.encryption_key
    if settings.is_production:
        if not encryption_key or encryption_key in SEED_PLACEHOLDER_SECRETS:
            raise ConfigError("ENCRYPTION_KEY must be set to a real key in production (heine-ai keygen)")
        if not jwt_secret or jwt_secret in SEED_PLACEHOLDER_SECRETS:
            raise ConfigError("JWT_SECRET_KEY must be set to a real secret in production, not the default")
        if len(jwt_secret) < MIN_JWT_SECRET_LENGTH:
            raise ConfigError(f"JWT_SECRET_KEY must be at least {MIN_JWT_SECRET_LENGTH} characters in production")
        return Secrets(jwt_secret=jwt_secret, encryption_key=encryption_key)
    keys_dir = settings.data_dir / "keys"
    if not encryption_key:
        encryption_key = load_or_create_secret(keys_dir / "encryption.key", fernet=True)
    if not jwt_secret:
        jwt_secret = load_or_create_secret(keys_dir / "jwt.secret", fernet=False)
    return Secrets(jwt_secret=jwt_secret, encryption_key=encryption_key)

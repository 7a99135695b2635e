"""Resolve the secrets the service needs, refusing unsafe ones in production.

Outside production, missing keys are created once as files in ``KEYS_DIR`` (default ``~/.config/heine-ai``),
never inside ``DATA_DIR``: a copy of the data directory (a backup, a laptop's sync folder) must not carry the
keys that decrypt it or mint admin tokens.
"""

from __future__ import annotations

import contextlib
import os
import secrets as random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from heine_ai.config import SEED_PLACEHOLDER_SECRETS, Settings
from heine_ai.errors import ConfigError
from heine_ai.observability.logging import get_logger
from heine_ai.security.crypto import legacy_lookup_key, new_fernet_key

log = get_logger(__name__)

MIN_JWT_SECRET_LENGTH = 32
ENCRYPTION_FILE = "encryption.key"
JWT_FILE = "jwt.secret"
LOOKUP_FILE = "lookup.key"


@dataclass(frozen=True, slots=True)
class Secrets:
    jwt_secret: str
    encryption_key: str
    lookup_hash_key: str | None  # None: derived from the last encryption key (installations from before it)
    jwt_previous_secret: str | None = None  # accepted for verification only, while the JWT secret changes


def resolve_secrets(settings: Settings) -> Secrets:
    """Secrets from the settings; outside production, missing ones come from local key files in ``KEYS_DIR``.

    Production refuses to start without a real encryption key, or with a missing, placeholder or short JWT
    secret: a default secret would let anyone mint admin tokens or read customer data.
    """
    jwt_secret, previous = jwt_secrets(settings)
    encryption_key = settings.encryption_key
    lookup = settings.lookup_hash_key or None
    if settings.is_production:
        if not encryption_key or encryption_key in SEED_PLACEHOLDER_SECRETS:
            raise ConfigError("ENCRYPTION_KEY must be set to a real key in production (heine-ai keygen)")
        if lookup is None:
            log.warning("lookup_hash_key_unset", fix="set LOOKUP_HASH_KEY (docs/security.md, Keys)")
    elif not encryption_key:
        # the key files belong together; an installation older than lookup.key keeps the hashes it wrote
        keys = _development_keys(settings)
        existing = keys.has(ENCRYPTION_FILE)
        encryption_key = keys.get(ENCRYPTION_FILE, new_fernet_key)
        if lookup is None:
            key = encryption_key
            lookup = keys.get(LOOKUP_FILE, (lambda: legacy_lookup_key(key)) if existing else new_fernet_key)
    return Secrets(jwt_secret, encryption_key, lookup, previous)


def jwt_secrets(settings: Settings) -> tuple[str, str | None]:
    """The JWT secret that signs and the previous one that still verifies (if a change is under way)."""
    secret = settings.jwt_secret_key
    previous = settings.jwt_previous_secret_key or None
    if settings.is_production:
        _check_jwt_secret(secret, "JWT_SECRET_KEY")
        if previous is not None:
            _check_jwt_secret(previous, "JWT_PREVIOUS_SECRET_KEY")
        assert secret is not None
        return secret, previous
    return secret or _development_keys(settings).get(JWT_FILE, lambda: random.token_urlsafe(48)), previous


def _development_keys(settings: Settings) -> DevelopmentKeys:
    return DevelopmentKeys(settings.resolved_keys_dir, settings.data_dir)


def _check_jwt_secret(secret: str | None, name: str) -> None:
    if not secret or secret in SEED_PLACEHOLDER_SECRETS:
        raise ConfigError(f"{name} must be set to a real secret in production, not the default")
    if len(secret) < MIN_JWT_SECRET_LENGTH:
        raise ConfigError(f"{name} must be at least {MIN_JWT_SECRET_LENGTH} characters in production")


class DevelopmentKeys:
    """Key files of a development machine in ``directory`` (mode 0700, files 0600).

    Key files an earlier version left in ``<DATA_DIR>/keys`` are moved here on first use, with a warning: copies
    of the data directory made before still hold them."""

    def __init__(self, directory: Path, data_dir: Path) -> None:
        if directory.resolve().is_relative_to(data_dir.resolve()):
            raise ConfigError(f"KEYS_DIR ({directory}) must not be inside DATA_DIR ({data_dir})")
        self._dir = directory
        self._legacy = data_dir / "keys"

    def has(self, name: str) -> bool:
        return (self._dir / name).exists() or (self._legacy / name).exists()

    def get(self, name: str, create: Callable[[], str]) -> str:
        path, legacy = self._dir / name, self._legacy / name
        if legacy.exists():
            if not path.exists():
                self._make_dir()
                shutil.move(legacy, path)
                os.chmod(path, 0o600)
            elif path.read_text().strip() != legacy.read_text().strip():
                raise ConfigError(
                    f"{legacy} (left by an earlier version) and {path} hold different keys: set KEYS_DIR to a "
                    f"folder of this installation's own outside DATA_DIR and move {legacy} there"
                )
            else:
                legacy.unlink()
            with contextlib.suppress(OSError):
                self._legacy.rmdir()  # once empty
            log.warning("development_key_moved", file=name, to=str(self._dir), was=str(self._legacy))
        if path.exists():
            return path.read_text(encoding="ascii").strip()
        value = create()
        self._make_dir()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(value + "\n")
        log.warning(
            "development_key_created",
            file=str(path),
            warning="a key made for development: set ENCRYPTION_KEY, LOOKUP_HASH_KEY and JWT_SECRET_KEY in "
            "production, and keep this file: without it the stored data cannot be read",
        )
        return value

    def _make_dir(self) -> None:
        self._dir.mkdir(parents=True, exist_ok=True, mode=0o700)

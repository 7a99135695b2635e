"""Encryption of customer data at rest, and keyed hashes for looking encrypted values up.

``ENCRYPTION_KEY`` holds one or more Fernet keys separated by commas. The first encrypts; all decrypt, so a key
is rotated by putting a new one in front (MultiFernet). The lookup hash key is derived from the *last* key, so
that prepending a new key keeps every stored hash valid.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from heine_ai.errors import ConfigError


class Cipher:
    """Encrypts and decrypts text; hashes values for equality lookups without storing them."""

    def __init__(self, keys: str) -> None:
        parts = [part.strip() for part in keys.split(",") if part.strip()]
        if not parts:
            raise ConfigError("ENCRYPTION_KEY is empty")
        try:
            fernets = [Fernet(part.encode()) for part in parts]
        except (ValueError, TypeError) as exc:
            raise ConfigError(
                "ENCRYPTION_KEY must be one or more Fernet keys (32 url-safe base64 bytes) separated by commas; "
                "create one with `heine-ai keygen`"
            ) from exc
        self._fernet = MultiFernet(fernets)
        self._hash_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"heine-ai lookup hash").derive(
            base64.urlsafe_b64decode(parts[-1])
        )

    def encrypt(self, plaintext: str) -> str:
        return self._fernet.encrypt(plaintext.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except InvalidToken as exc:
            raise ConfigError("stored data cannot be decrypted with the configured ENCRYPTION_KEY") from exc

    def encrypt_bytes(self, data: bytes) -> str:
        """A file's bytes as ASCII ciphertext (a Fernet token), for a text column."""
        return self._fernet.encrypt(data).decode("ascii")

    def decrypt_bytes(self, token: str) -> bytes:
        try:
            return self._fernet.decrypt(token.encode("ascii"))
        except InvalidToken as exc:
            raise ConfigError("stored data cannot be decrypted with the configured ENCRYPTION_KEY") from exc

    def lookup_hash(self, value: str) -> str:
        """A keyed hash (HMAC-SHA256) of a normalised value, for finding a row without decrypting all rows."""
        normalised = value.strip().lower().encode("utf-8")
        return hmac.new(self._hash_key, normalised, hashlib.sha256).hexdigest()


def new_fernet_key() -> str:
    return Fernet.generate_key().decode("ascii")


def hash_token(token: str) -> str:
    """Session tokens are random and long, so a plain SHA-256 suffices to store them without keeping them."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def load_or_create_secret(path: Path, *, fernet: bool) -> str:
    """Read a local secret file, creating it (mode 0600) on first start; for development machines only."""
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = new_fernet_key() if fernet else secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(value + "\n")
    return value

"""Encryption of customer data at rest, and keyed hashes for looking encrypted values up.

``ENCRYPTION_KEY`` holds one or more Fernet keys separated by commas. The first encrypts; all decrypt, so a key
is rotated by putting a new one in front (MultiFernet) and re-encrypting the stored values (``heine-ai keys
rotate``) before the old key is removed.

``LOOKUP_HASH_KEY`` holds the keys of the lookup hashes the same way: the first hashes what is written, all of
them are tried when looking a value up, so finding a customer keeps working while a rotation re-hashes the rows.
Installations from before it existed derived the one lookup key from the *last* encryption key; without
``LOOKUP_HASH_KEY`` that is still the key (``legacy_lookup_key`` prints it, to be listed after a new one).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from heine_ai.errors import ConfigError


def _key_list(keys: str) -> list[str]:
    return [part.strip() for part in keys.split(",") if part.strip()]


def legacy_lookup_key(encryption_keys: str) -> str:
    """The lookup key of installations without ``LOOKUP_HASH_KEY``: derived from the last encryption key."""
    parts = _key_list(encryption_keys)
    if not parts:
        raise ConfigError("ENCRYPTION_KEY is empty")
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"heine-ai lookup hash").derive(
        base64.urlsafe_b64decode(parts[-1])
    )
    return base64.urlsafe_b64encode(derived).decode("ascii")


def _lookup_keys(keys: str) -> list[bytes]:
    try:
        decoded = [base64.urlsafe_b64decode(part) for part in _key_list(keys)]
    except ValueError as exc:
        raise ConfigError("LOOKUP_HASH_KEY must be keys of 32 url-safe base64 bytes (heine-ai keygen)") from exc
    if not decoded or any(len(key) != 32 for key in decoded):
        raise ConfigError("LOOKUP_HASH_KEY must be keys of 32 url-safe base64 bytes (heine-ai keygen)")
    return decoded


class Cipher:
    """Encrypts and decrypts text; hashes values for equality lookups without storing them."""

    def __init__(self, keys: str, lookup_keys: str | None = None) -> None:
        parts = _key_list(keys)
        if not parts:
            raise ConfigError("ENCRYPTION_KEY is empty")
        try:
            fernets = [Fernet(part.encode()) for part in parts]
        except (ValueError, TypeError) as exc:
            raise ConfigError(
                "ENCRYPTION_KEY must be one or more Fernet keys (32 url-safe base64 bytes) separated by commas; "
                "create one with `heine-ai keygen`"
            ) from exc
        self._primary = fernets[0]
        self._fernet = MultiFernet(fernets)
        self._hash_keys = _lookup_keys(lookup_keys or legacy_lookup_key(keys))

    def encrypt(self, plaintext: str) -> str:
        return self._fernet.encrypt(plaintext.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except InvalidToken as exc:
            raise ConfigError("stored data cannot be decrypted with the configured ENCRYPTION_KEY") from exc

    def is_current(self, token: str) -> bool:
        """Whether ``token`` is encrypted with the first key (a rotation leaves it as it is)."""
        try:
            self._primary.decrypt(token.encode("ascii"))
        except InvalidToken:
            return False
        return True

    def reencrypt(self, token: str) -> str:
        """``token`` encrypted with the first key, whichever key wrote it."""
        try:
            return self._fernet.rotate(token.encode("ascii")).decode("ascii")
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
        """A keyed hash (HMAC-SHA256) of a normalised value, for finding a row without decrypting all rows; with
        the first lookup key, as it is written."""
        return self._hash(self._hash_keys[0], value)

    def lookup_hashes(self, value: str) -> list[str]:
        """The value's hash under every lookup key, the current one first: what a lookup searches for."""
        return [self._hash(key, value) for key in self._hash_keys]

    @staticmethod
    def _hash(key: bytes, value: str) -> str:
        normalised = value.strip().lower().encode("utf-8")
        return hmac.new(key, normalised, hashlib.sha256).hexdigest()


def new_fernet_key() -> str:
    return Fernet.generate_key().decode("ascii")


def hash_token(token: str) -> str:
    """Session tokens are random and long, so a plain SHA-256 suffices to store them without keeping them."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)

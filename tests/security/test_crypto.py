"""Encryption at rest and lookup hashes."""

from __future__ import annotations

import pytest

from heine_ai.errors import ConfigError
from heine_ai.security.crypto import Cipher, hash_token, new_fernet_key, new_token


def test_round_trip_and_ciphertext_hides_the_text() -> None:
    cipher = Cipher(new_fernet_key())
    token = cipher.encrypt("Meine Bestellnummer ist 40123456")
    assert "40123456" not in token
    assert cipher.decrypt(token) == "Meine Bestellnummer ist 40123456"
    assert cipher.encrypt("x") != cipher.encrypt("x")  # random IV: equal texts are not recognisable


def test_key_rotation_keeps_old_data_readable_and_hashes_stable() -> None:
    old_key, new_key = new_fernet_key(), new_fernet_key()
    old = Cipher(old_key)
    stored = old.encrypt("kunde@example.com")
    rotated = Cipher(f"{new_key},{old_key}")
    assert rotated.decrypt(stored) == "kunde@example.com"
    assert rotated.lookup_hash("Kunde@Example.com ") == old.lookup_hash("kunde@example.com")
    assert Cipher(new_key).lookup_hash("kunde@example.com") != old.lookup_hash("kunde@example.com")


def test_wrong_key_is_a_clear_error() -> None:
    stored = Cipher(new_fernet_key()).encrypt("geheim")
    with pytest.raises(ConfigError, match="cannot be decrypted"):
        Cipher(new_fernet_key()).decrypt(stored)
    with pytest.raises(ConfigError, match="Fernet keys"):
        Cipher("not-a-key")


def test_session_tokens_are_random_and_stored_hashed() -> None:
    first, second = new_token(), new_token()
    assert first != second and len(first) >= 40
    assert hash_token(first) != first and len(hash_token(first)) == 64

"""Staff passwords, hashed with Argon2id (argon2-cffi, the library's recommended parameters)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from heine_ai.errors import WeakPassword

MIN_PASSWORD_LENGTH = 10


class Passwords:
    def __init__(self) -> None:
        self._hasher = PasswordHasher()
        # verified against when the username is unknown, so that a miss takes as long as a wrong password
        self._dummy = self._hasher.hash("not-a-real-password-0000")

    def hash(self, password: str) -> str:
        if len(password) < MIN_PASSWORD_LENGTH:
            raise WeakPassword(
                f"The password needs at least {MIN_PASSWORD_LENGTH} characters.",
                details={"min_length": MIN_PASSWORD_LENGTH},
            )
        return self._hasher.hash(password)

    def verify(self, stored_hash: str | None, password: str) -> bool:
        try:
            return self._hasher.verify(stored_hash or self._dummy, password) and stored_hash is not None
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored_hash: str) -> bool:
        return self._hasher.check_needs_rehash(stored_hash)

"""The verified widget identity: the shop signs its customer's id with the brand's secret, as Intercom's user hash.

The shop's server computes ``user_hash = HMAC-SHA256(secret, customer_id)`` (hex) and hands the customer id and the
hash to the widget (or sends them with a REST chat message); Heine AI recomputes the hash and compares in constant
time. Only a matching pair makes the conversation's customer id verified (``Conversation.customer_verified_at``),
and only a verified id opens the customer's orders without a postcode. A customer id without a hash stays an
unverified claim that reaches nothing; a hash that does not match is refused (``InvalidUserHash``, 403), so that a
broken integration shows at once instead of silently serving anonymous chats.

The secret lives only in the environment, like every per-brand secret (WIDGET_<BRAND>_IDENTITY_SECRET); in
production a placeholder or a secret shorter than ``MIN_IDENTITY_SECRET_LENGTH`` stops the start.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Iterable

from heine_ai.config import SEED_PLACEHOLDER_SECRETS
from heine_ai.errors import ConfigError, IdentityNotConfigured, InvalidUserHash

MIN_IDENTITY_SECRET_LENGTH = 32
WEAK_SECRETS = SEED_PLACEHOLDER_SECRETS | {"changeme", "change-me", "secret", "your-identity-secret"}


def identity_env_name(brand_id: str) -> str:
    return "WIDGET_" + brand_id.upper().replace("-", "_") + "_IDENTITY_SECRET"


def user_hash(secret: str, customer_id: str) -> str:
    """What the shop computes and the widget passes on: HMAC-SHA256 of the customer id, hex."""
    return hmac.new(secret.encode(), customer_id.encode(), hashlib.sha256).hexdigest()


def identity_secrets(brand_ids: Iterable[str], *, production: bool) -> dict[str, str]:
    """The brands' identity secrets from the environment; a brand without one has no verified identity."""
    found: dict[str, str] = {}
    for brand_id in brand_ids:
        name = identity_env_name(brand_id)
        secret = os.environ.get(name, "").strip()
        if not secret:
            continue
        if production and (secret.lower() in WEAK_SECRETS or len(secret) < MIN_IDENTITY_SECRET_LENGTH):
            raise ConfigError(
                f"{name} must be a random secret of at least {MIN_IDENTITY_SECRET_LENGTH} characters in production "
                "(e.g. `openssl rand -hex 32`), not a placeholder"
            )
        found[brand_id] = secret
    return found


class IdentityVerifier:
    """Checks a claimed customer id against its user hash, per brand."""

    def __init__(self, secrets: dict[str, str]) -> None:
        self._secrets = secrets

    def configured(self, brand: str) -> bool:
        return brand in self._secrets

    def verified(self, brand: str, customer_id: str | None, given_hash: str | None) -> str | None:
        """The customer id when ``given_hash`` is its signature; ``None`` when no hash was sent (an unverified
        claim, or no claim). A hash without an id, a wrong hash, or a hash for a brand without a secret raises."""
        if given_hash is None:
            return None
        secret = self._secrets.get(brand)
        if secret is None:
            raise IdentityNotConfigured("This brand has no identity secret: send customer_id without user_hash.")
        if not customer_id:
            raise InvalidUserHash("A user_hash needs the customer_id it signs.")
        expected = user_hash(secret, customer_id)
        if not hmac.compare_digest(expected.encode(), given_hash.strip().lower().encode()):
            raise InvalidUserHash("The user_hash is not the brand's signature of this customer_id.")
        return customer_id

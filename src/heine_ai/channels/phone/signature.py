"""The provider's request signature (``X-Twilio-Signature``), as Twilio documents it.

The signature is base64(HMAC-SHA1(auth token, URL + every POST parameter's name and value, sorted by name)). The
URL is the one the provider requested, query string included; as in Twilio's own validator, the URL is also tried
with the standard port added or removed, because proxies differ in whether they keep it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

STANDARD_PORTS = {"https": 443, "http": 80, "wss": 443, "ws": 80}


def compute_signature(url: str, params: Iterable[tuple[str, str]], token: str) -> str:
    payload = url + "".join(name + value for name, value in sorted(params))
    digest = hmac.new(token.encode("utf-8"), payload.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def _url_variants(url: str) -> list[str]:
    parts = urlsplit(url)
    port = STANDARD_PORTS.get(parts.scheme)
    host = parts.hostname or ""
    if port is None or not host:
        return [url]
    with_port = urlunsplit(parts._replace(netloc=f"{host}:{parts.port or port}"))
    without_port = urlunsplit(parts._replace(netloc=host)) if parts.port in (None, port) else url
    return list(dict.fromkeys((url, with_port, without_port)))


def is_valid(url: str, params: list[tuple[str, str]], token: str, signature: str | None) -> bool:
    """Whether ``signature`` is the provider's for this request; an absent one never is."""
    if not signature or not token:
        return False
    return any(
        hmac.compare_digest(compute_signature(variant, params, token), signature) for variant in _url_variants(url)
    )

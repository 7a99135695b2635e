"""The per-client limits the API enforces at its edge (``security/rate_limits.py`` counts them).

Loopback clients are not counted: that is the operator's own machine (a load test, an eval run, a health probe).
Behind a reverse proxy on the same host every customer would look like loopback; ``FORWARDED_ALLOW_IPS`` gives
them their own addresses again.
"""

from __future__ import annotations

import ipaddress

from heine_ai.app_state import AppState
from heine_ai.security.rate_limits import Limit

MINUTE = 60
HOUR = 3600


async def count_new_chat(state: AppState, client: str) -> None:
    """A new chat session (REST) or chat socket of ``client`` (``NEW_CHATS_PER_MINUTE``)."""
    if not _is_loopback(client):
        await state.limiter.hit(Limit("new_chats", state.settings.new_chats_per_minute, MINUTE), client)


async def count_upload(state: AppState, client: str) -> None:
    """A file ``client`` sends into a web chat (``UPLOADS_PER_HOUR``): each is stored, scanned and handed to staff,
    and a conversation's own cap (``uploads.MAX_FILES``) does not stop one client spreading files over many."""
    if not _is_loopback(client):
        await state.limiter.hit(Limit("uploads", state.settings.uploads_per_hour, HOUR), client)


def _is_loopback(client: str) -> bool:
    try:
        return ipaddress.ip_address(client).is_loopback
    except ValueError:
        return False

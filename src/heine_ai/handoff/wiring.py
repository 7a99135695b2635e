"""The hand-off's long-lived objects, built once by ``lifespan.build_state``, and its background sweep."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.config import BrandConfig, Settings
from heine_ai.conversations.events import ConversationEvents
from heine_ai.conversations.service import ConversationService
from heine_ai.handoff.accounts import AccountService
from heine_ai.handoff.action_desk import ActionDesk
from heine_ai.handoff.delivery import Delivery
from heine_ai.handoff.inbox import Inbox
from heine_ai.handoff.resolution import Resolution
from heine_ai.handoff.service import HandoffService
from heine_ai.handoff.staff_auth import StaffAuth
from heine_ai.messages import Channel, Confirmations, Outbox
from heine_ai.observability.logging import get_logger
from heine_ai.observability.metrics import Metrics
from heine_ai.orders.commerce import CommerceBackend
from heine_ai.providers.cache import Cache
from heine_ai.providers.locks import LockStore
from heine_ai.security.crypto import Cipher
from heine_ai.security.login_throttle import login_throttle
from heine_ai.security.tokens import TokenService

log = get_logger(__name__)


@dataclass(frozen=True, slots=True)
class Handoff:
    accounts: AccountService
    staff: StaffAuth  # every staff request's token is checked here
    service: HandoffService
    inbox: Inbox
    actions: ActionDesk  # withdrawals and approval tasks
    resolution: Resolution  # the share resolved without a person


@dataclass(frozen=True, slots=True)
class HandoffParts:
    """What the hand-off needs from the rest of the state."""

    sessions: async_sessionmaker[AsyncSession]
    conversations: ConversationService
    events: ConversationEvents
    locks: LockStore
    cipher: Cipher
    metrics: Metrics
    tokens: TokenService
    outboxes: dict[Channel, Outbox]
    cache: Cache  # the login lockout's counts (Redis when set: shared by the workers)
    orders: CommerceBackend  # the console's action queues
    confirmations: dict[Channel, Confirmations]  # an approved return's label mail (the e-mail channel registers)


def build_handoff(settings: Settings, brands: dict[str, BrandConfig], parts: HandoffParts) -> Handoff:
    return Handoff(
        accounts=AccountService(
            parts.sessions,
            parts.tokens,
            sorted(brands),
            settings.refresh_token_days,
            login_throttle(settings, parts.cache, parts.cipher),
        ),
        staff=StaffAuth(parts.sessions, parts.tokens, sorted(brands)),
        service=HandoffService(
            sessions=parts.sessions,
            conversations=parts.conversations,
            events=parts.events,
            locks=parts.locks,
            brands=brands,
            cipher=parts.cipher,
            metrics=parts.metrics,
            delivery=Delivery(parts.sessions, parts.outboxes),
            max_message_length=settings.max_message_length,
        ),
        inbox=Inbox(parts.sessions, parts.conversations, parts.cipher, parts.metrics, sorted(brands)),
        actions=ActionDesk(
            parts.orders,
            parts.sessions,
            parts.conversations,
            parts.events,
            Delivery(parts.sessions, parts.outboxes),
            brands,
            parts.confirmations,
        ),
        resolution=Resolution(parts.sessions, parts.metrics, sorted(brands)),
    )


RESOLUTION_REFRESH_SECONDS = 3600.0  # the resolution share moves by the day: hourly is plenty


async def sweep_loop(inbox: Inbox, resolution: Resolution, interval: float) -> None:
    """Count SLA breaches as they happen, keep the open-tickets gauge current and, hourly, the resolution share."""
    next_resolution = time.monotonic()
    while True:
        try:
            await inbox.sla_sweep()
            await inbox.refresh_gauge()
            if time.monotonic() >= next_resolution:
                next_resolution = time.monotonic() + RESOLUTION_REFRESH_SECONDS
                await resolution.refresh_gauge()
        except Exception as exc:  # the loop must survive a database hiccup
            log.warning("handoff_sweep_failed", error_type=type(exc).__name__)
        await asyncio.sleep(interval)

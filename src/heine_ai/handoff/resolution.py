"""The share of conversations resolved without a person, durably, as Chatwoot counts resolution: the customer's
need was met, no person took part, and the customer did not come back with it within ``REOPEN_DAYS``.

Read from the stored conversations only (intents, roles, times; no message text is decrypted):

- **need met**: the bot completed an action (``action_done``), or the customer accepted an answer (the bot's
  closing reply to thanks or a goodbye, ``thanks``), or the conversation was closed after a knowledge answer
  with sources as the bot's last word. The first such moment is the resolution.
- **no person**: no ticket, no escalation, no staff message.
- **not reopened**: within ``REOPEN_DAYS`` after the resolution the bot answered nothing but thanks or a greeting
  (a new question, a new action or a hand-over reopens it).

Judged are the conversations in which a customer wrote, started in the ``WINDOW_DAYS`` before the last
``REOPEN_DAYS`` (only those have had their whole week to be reopened).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.conversation_status import ConversationStatus
from heine_ai.db.models import Conversation, Message, Ticket
from heine_ai.intents import Intent
from heine_ai.observability.metrics import Metrics

REOPEN_DAYS = 7
WINDOW_DAYS = 30
_MET = frozenset({Intent.ACTION_DONE.value, Intent.THANKS.value})
_NOT_REOPENING = frozenset({Intent.THANKS.value, Intent.GREETING.value})


@dataclass(frozen=True, slots=True)
class ResolutionFigures:
    judged: int  # conversations started in the window in which a customer wrote
    resolved: int  # of them, resolved without a person and not reopened within REOPEN_DAYS

    @property
    def share(self) -> float | None:
        return self.resolved / self.judged if self.judged else None


@dataclass(frozen=True, slots=True)
class _Said:
    role: str
    intent: str | None
    escalation: bool
    sourced: bool
    at: datetime


class Resolution:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], metrics: Metrics, brands: list[str]) -> None:
        self._sessions = sessions
        self._metrics = metrics
        self._brands = brands

    async def figures(self, now: datetime | None = None) -> dict[str, ResolutionFigures]:
        """Each brand's figures as of ``now``."""
        now = now or datetime.now(UTC)
        until = now - timedelta(days=REOPEN_DAYS)
        since = until - timedelta(days=WINDOW_DAYS)
        async with self._sessions() as session:
            conversations = list(
                await session.scalars(
                    select(Conversation).where(Conversation.created_at >= since, Conversation.created_at < until)
                )
            )
            ids = [conversation.id for conversation in conversations]
            said: dict[str, list[_Said]] = defaultdict(list)
            staffed: set[str] = set()
            for start in range(0, len(ids), 500):  # bounded IN lists
                chunk = ids[start : start + 500]
                rows = await session.execute(
                    select(
                        Message.conversation_id,
                        Message.role,
                        Message.intent,
                        Message.escalation,
                        Message.sources,
                        Message.created_at,
                    )
                    .where(Message.conversation_id.in_(chunk))
                    .order_by(Message.conversation_id, Message.seq)
                )
                for cid, role, intent, escalation, sources, at in rows:
                    said[cid].append(_Said(role, intent, bool(escalation), bool(sources), at))
                staffed.update(
                    await session.scalars(select(Ticket.conversation_id).where(Ticket.conversation_id.in_(chunk)))
                )
        judged: dict[str, int] = defaultdict(int)
        resolved: dict[str, int] = defaultdict(int)
        for conversation in conversations:
            messages = said.get(conversation.id, [])
            if not any(message.role == "customer" for message in messages):
                continue
            judged[conversation.brand] += 1
            if conversation.id in staffed or conversation.escalation_reason is not None:
                continue
            if _resolved(conversation, messages, now):
                resolved[conversation.brand] += 1
        return {brand: ResolutionFigures(judged[brand], resolved[brand]) for brand in self._brands}

    async def refresh_gauge(self, now: datetime | None = None) -> dict[str, ResolutionFigures]:
        figures = await self.figures(now)
        for brand, figure in figures.items():
            self._metrics.resolution_judged.labels(brand=brand).set(figure.judged)
            self._metrics.resolution_share.labels(brand=brand).set(figure.share or 0.0)
        return figures


def _resolved(conversation: Conversation, messages: list[_Said], now: datetime) -> bool:
    if any(message.role == "agent" or message.escalation for message in messages):
        return False
    met = next((message.at for message in messages if message.role == "assistant" and message.intent in _MET), None)
    if met is None and conversation.status == ConversationStatus.CLOSED.value and conversation.closed_at:
        bot = [message for message in messages if message.role == "assistant"]
        if bot and bot[-1].sourced:  # closed after an answer from the knowledge
            met = conversation.closed_at
    if met is None or met > now - timedelta(days=REOPEN_DAYS):
        return False
    reopened_until = met + timedelta(days=REOPEN_DAYS)
    return not any(
        message.role == "assistant" and met < message.at <= reopened_until and message.intent not in _NOT_REOPENING
        for message in messages
    )

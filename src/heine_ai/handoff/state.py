"""The hand-off state machine.

Conversation: ``bot -> pending_human`` (escalated, ticket opened) ``-> human`` (claimed) ``-> bot`` (handed
back) or ``closed`` (resolved). Ticket: ``open -> claimed -> resolved`` (resolution ``resolved`` or
``handed_back``). Exactly one party answers at a time: the bot only in ``bot``, the holder only in ``human``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from heine_ai.config import HandoffConfig
from heine_ai.messages import EscalationReason


class TicketStatus(StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    RESOLVED = "resolved"


class Resolution(StrEnum):
    RESOLVED = "resolved"
    HANDED_BACK = "handed_back"


class Action(StrEnum):
    """What the audit trail records."""

    OPENED = "opened"
    CLAIMED = "claimed"
    ASSIGNED = "assigned"
    REPLIED = "replied"
    NOTE = "note"
    RESOLVED = "resolved"
    HANDED_BACK = "handed_back"
    SLA_BREACHED = "sla_breached"


ACTIVE_TICKET_STATUSES = (TicketStatus.OPEN.value, TicketStatus.CLAIMED.value)
PRIORITY_ORDER = {"high": 0, "normal": 1, "low": 2}


def priority_for(reason: EscalationReason, config: HandoffConfig) -> str:
    return config.priorities.get(reason, "normal")


def sla_due(opened_at: datetime, priority: str, config: HandoffConfig) -> datetime:
    minutes = config.sla_minutes.get(priority, config.sla_minutes["normal"])  # type: ignore[call-overload]
    return opened_at + timedelta(minutes=minutes)

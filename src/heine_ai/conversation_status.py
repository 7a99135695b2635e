"""Who answers a conversation: the bot, a person (waiting for one or holding it), or nobody any more.

The one home of these values: the database column stores them as strings (see ``handoff/state.py`` for the
transitions).
"""

from __future__ import annotations

from enum import StrEnum


class ConversationStatus(StrEnum):
    BOT = "bot"
    PENDING_HUMAN = "pending_human"  # escalated: a ticket waits in the queue
    HUMAN = "human"  # a staff member holds the conversation
    CLOSED = "closed"


# The states in which a person, not the bot, answers the customer.
HUMAN_STATES = frozenset((ConversationStatus.PENDING_HUMAN, ConversationStatus.HUMAN))
# The states in which a conversation still counts as running.
ACTIVE_STATES = (ConversationStatus.BOT, ConversationStatus.PENDING_HUMAN, ConversationStatus.HUMAN)

"""What the assistant needs when it escalates: someone who hands the conversation to the staff.

The hand-off implements it (``handoff/escalations.py``) and the composition root passes it in, so the assistant
decides that a conversation escalates and never imports the hand-off that acts on it.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.db.models import Conversation
from heine_ai.messages import EscalationReason


class Escalations(Protocol):
    async def escalate(self, session: AsyncSession, conversation: Conversation, reason: EscalationReason) -> None:
        """Hand ``conversation`` to a person, in the transaction (``session``) that stores the bot's reply."""
        ...

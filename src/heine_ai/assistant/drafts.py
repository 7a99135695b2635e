"""What the assistant decided to say, before it is stored and sent."""

from __future__ import annotations

from dataclasses import dataclass

from heine_ai.intents import Intent
from heine_ai.messages import EscalationReason, Source

RULE_CONFIDENCE = 1.0


@dataclass(frozen=True, slots=True)
class Draft:
    """What the assistant decided to say, before it is stored."""

    text: str
    confidence: float
    intent: Intent
    sources: tuple[Source, ...] = ()
    escalation: EscalationReason | None = None
    role: str = "assistant"

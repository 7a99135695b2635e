"""A short extractive summary of what the customer wants, for the agent's queue: no model needed.

The reason in German, the identifiers the customer gave (order and customer number) and the customer's
escalating message, shortened at a word boundary (with the question before it when that message alone says
little, such as "Ich will mit einem Menschen sprechen").
"""

from __future__ import annotations

from heine_ai.entities import extract
from heine_ai.messages import EscalationReason

REASON_LABELS = {
    EscalationReason.COMPLAINT: "Beschwerde",
    EscalationReason.HUMAN_REQUEST: "Wunsch nach persönlicher Beratung",
    EscalationReason.LEGAL_THREAT: "Rechtliche Drohung",
    EscalationReason.ABUSE: "Beleidigung",
    EscalationReason.SENSITIVE_TOPIC: "Sensibles Thema",
    EscalationReason.REPEATED_FAILURE: "Assistent konnte nicht helfen",
    EscalationReason.ATTACHMENT: "Anhang ohne Text",
}
MAX_QUOTE = 240
SHORT_MESSAGE = 60


def shorten(text: str, limit: int = MAX_QUOTE) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:–-") + " …"


def summarise(reason: EscalationReason, customer_messages: list[str]) -> str:
    """``customer_messages`` oldest first; the last one escalated."""
    parts = [REASON_LABELS[reason]]
    entities = [extract(text) for text in customer_messages]
    order = next((e.order_number for e in reversed(entities) if e.order_number), None)
    customer = next((e.customer_number for e in reversed(entities) if e.customer_number), None)
    if order:
        parts.append(f"Bestellnummer {order}")
    if customer:
        parts.append(f"Kundennummer {customer}")
    if customer_messages:
        quoted = customer_messages[-1]
        if len(quoted) < SHORT_MESSAGE and len(customer_messages) > 1:
            quoted = f"{customer_messages[-2]} … {quoted}"
        parts.append(f"„{shorten(quoted)}“")
    return " · ".join(parts)

"""First understanding of a customer message: greetings, thanks, follow-ups and escalation signals
(``escalation_cues.py``), over folded text (umlauts and ß folded, lower case)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from heine_ai.assistant.escalation_cues import escalation_signal
from heine_ai.intents import Intent
from heine_ai.messages import EscalationReason
from heine_ai.text import ENGLISH_STOPWORDS, STOPWORDS, fold, stems, tokens

_GREETING = re.compile(
    r"^(hallo|hi|hey|guten (morgen|tag|abend)|moin|servus|gruss gott|hello|good (morning|afternoon|evening))\b"
)
_THANKS = re.compile(r"^(vielen )?(dank|danke)|^thank")
_FOLLOW_UP = re.compile(r"^(und|aber|oder|also|and|what about)\b|\b(das|dies|dafur|davon|damit|es|it|that)\b")
_ARTICLE = re.compile(r"\b(?:das|dies|dieses|that)\s+[A-ZÄÖÜ]")  # "das Wetter" names a thing, "dauert das?" refers


@dataclass(frozen=True, slots=True)
class Understanding:
    intent: Intent
    escalation: EscalationReason | None
    is_follow_up: bool


def escalation_intent(reason: EscalationReason) -> Intent:
    """The intent stored with an escalation that the message itself signals (every reason but
    ``repeated_failure``, which is an outcome of the dialogue, not of one message)."""
    return Intent(reason.value)


def _topic_words(text: str) -> list[str]:
    """The words that name a topic, in German or English: "And how long does that take?" has two, as many as
    "Und wie lange dauert das?"."""
    return [t for t in tokens(text) if t not in STOPWORDS and t not in ENGLISH_STOPWORDS]


def understand(text: str) -> Understanding:
    folded = fold(text).strip()
    escalation = escalation_signal(folded)
    content_words = stems(text)
    if escalation is not None:
        intent = escalation_intent(escalation)
    elif _GREETING.search(folded) and len(content_words) <= 3:
        intent = Intent.GREETING
    elif _THANKS.search(folded) and len(content_words) <= 3:
        intent = Intent.THANKS
    else:
        intent = Intent.QUESTION
    referring = fold(_ARTICLE.sub(" ", text)).strip()
    short = len(_topic_words(text)) <= 5
    is_follow_up = intent is Intent.QUESTION and short and bool(_FOLLOW_UP.search(referring))
    return Understanding(intent=intent, escalation=escalation, is_follow_up=is_follow_up)

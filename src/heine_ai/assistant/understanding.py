"""First understanding of a customer message: its dialogue acts (``acts.py``), the question it asks, whether it
follows up on the conversation (``follow_ups.py``), and escalation signals (``escalation_cues.py``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from heine_ai.assistant.acts import Act, Acts, asks, dialogue_acts, starts_question
from heine_ai.assistant.escalation_cues import escalation_signal
from heine_ai.assistant.follow_ups import is_follow_up, topic_words
from heine_ai.intents import Intent
from heine_ai.messages import EscalationReason
from heine_ai.text import fold, tokens

LONG = 25  # words: a longer message is searched by its question and the clause before it
_SEGMENTS = re.compile(r"(?<=[.!?])\s+|\s+[–—-]\s+|;\s+")
MIN_PART_WORDS = 2  # a question of its own names a topic: "und wie?" adds to the one before
_SECOND_QUESTION = re.compile(r"(?:,?\s+(?:und|oder|and|or)\s+|(?<=\?)\s+)(?=\S)", re.I)


@dataclass(frozen=True, slots=True)
class Understanding:
    intent: Intent  # an escalation's, GREETING or THANKS for a message of acts only, else QUESTION
    escalation: EscalationReason | None
    acts: Acts
    question: str  # what the knowledge should answer; "" when the message is small talk only
    is_follow_up: bool


def escalation_intent(reason: EscalationReason) -> Intent:
    """The intent stored with an escalation that the message itself signals (every reason but
    ``repeated_failure``, which is an outcome of the dialogue, not of one message)."""
    return Intent(reason.value)


def focus(body: str) -> str:
    """A long message's question with the clause before it ("..., deshalb würde ich es lieber zurückgeben –
    wie lange habe ich dafür Zeit?"): the story around it would drown the question in the search."""
    if len(tokens(body)) <= LONG:
        return body
    segments = [s.strip() for s in _SEGMENTS.split(body) if s.strip()]
    asking = [i for i, s in enumerate(segments) if asks(s)]
    if not asking or asking[0] == 0:
        return body
    context = segments[asking[0] - 1].split(", ")[-1]
    return " ".join([context.rstrip(".!"), *segments[asking[0] : asking[-1] + 1]])


def question_parts(question: str) -> list[str]:
    """The questions of a message that asks several ("Kann ich mit Apple Pay zahlen und wie lange dauert die
    Lieferung?"): split where "und"/"and" or a question mark is followed by a new question. One part when the
    rest only adds to the first ("Was kostet der Versand und ab welchem Betrag ist er kostenlos?" stays whole,
    its parts share a page anyway)."""
    parts: list[str] = []
    start = 0
    for match in _SECOND_QUESTION.finditer(question):
        first = question[start : match.start()]
        if starts_question(question[match.end() :]) and len(topic_words(first)) >= MIN_PART_WORDS:
            parts.append(question[start : match.start()].strip())
            start = match.end()
    parts.append(question[start:].strip())
    return [part for part in parts if part]


def question_of(text: str) -> str:
    """What the knowledge should answer of ``text``: the message without its greetings, thanks and the like,
    focused on its question; "" for small talk ("ok danke, das wars schon")."""
    acts = dialogue_acts(text)
    return "" if acts.small_talk else focus(acts.body)


def understand(text: str) -> Understanding:
    escalation = escalation_signal(fold(text).strip())
    acts = dialogue_acts(text)
    question = "" if acts.small_talk else focus(acts.body)
    if escalation is not None:
        intent = escalation_intent(escalation)
    elif question:
        intent = Intent.QUESTION
    elif acts.has(Act.THANKS) or acts.has(Act.GOODBYE):
        intent = Intent.THANKS
    else:
        intent = Intent.GREETING
    follows_up = intent is Intent.QUESTION and is_follow_up(question)
    return Understanding(intent, escalation, acts, question, follows_up)

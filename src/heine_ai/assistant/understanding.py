"""First understanding of a customer message: its dialogue acts (``acts.py``), the question it asks, whether it
follows up on the conversation (``follow_ups.py``), and escalation signals (``escalation_cues.py``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from heine_ai.assistant.acts import Act, Acts, asks, dialogue_acts
from heine_ai.assistant.escalation_cues import escalation_signal
from heine_ai.assistant.follow_ups import is_follow_up
from heine_ai.intents import Intent
from heine_ai.messages import EscalationReason
from heine_ai.providers.llm.questions import indirect_question
from heine_ai.text import fold, tokens

LONG = 25  # words: a longer message is searched by its question and the clause before it
_SEGMENTS = re.compile(r"(?<=[.!?])\s+|\s+[–—-]\s+|;\s+")


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


_MEASURE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s?(?:cm|mm|m|kg|zoll|inch(?:es)?)\b|\b(?:größe|gr\.|size)\s?\d", re.IGNORECASE
)


def focus(body: str) -> str:
    """A long message's question with the clause before it ("..., deshalb würde ich es lieber zurückgeben –
    wie lange habe ich dafür Zeit?"): the story around it would drown the question in the search."""
    if len(tokens(body)) <= LONG:
        return body
    segments = [s.strip() for s in _SEGMENTS.split(body) if s.strip()]
    asking, indirect = [], []
    for number, segment in enumerate(segments):
        if asks(segment):
            asking.append(number)
        elif (clause := indirect_question(segment)) is not None:  # "..., jetzt frag ich mich, ob ..."
            segments[number] = clause
            asking.append(number)
            indirect.append(number)
    if not asking or (asking[0] == 0 and not indirect):
        return body
    first = asking[0]
    context = "" if first in indirect else segments[first - 1].split(", ")[-1].rstrip(".!")
    # a measure told in the story ("66 cm Taille hat sie") is what a size table is looked up with
    measures = [
        clause.strip().rstrip(".!")
        for segment in segments[:first]
        for clause in segment.split(", ")
        if _MEASURE.search(clause) and clause.strip().rstrip(".!") != context
    ]
    return " ".join([*measures, context, *segments[first : asking[-1] + 1]]).strip()


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

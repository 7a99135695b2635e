"""What the conversation remembers: what the bot last offered or asked, and what the talk is about.

Derived from the stored messages alone (their ``intent`` and ``sources``), no column of its own: a reply with
intent ``no_answer`` offered a colleague, one with ``clarification`` asked which of its two sources the customer
means, and a knowledge answer's first source is the topic a follow-up continues. The order dialogue keeps its own
state the same way (``order_status.py``). The history is replayed from its start, so a follow-up of a follow-up
continues the resolved question, not the fragment ("und nach Österreich?") the customer typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from heine_ai.assistant.acts import Act, dialogue_acts
from heine_ai.assistant.follow_ups import Topic, resolve, same_subject, topic_words
from heine_ai.assistant.understanding import question_of
from heine_ai.conversations.service import StoredMessage
from heine_ai.intents import Intent
from heine_ai.text import fold

_ORDINALS = (  # "die zweite", "das erste", "the second one", "2", "Nr. 1", "letzteres"
    re.compile(r"\b(?:1|eins|erste[nrs]?|ersteres|erstere|first|former|oberste[nrs]?)\b"),
    re.compile(r"\b(?:2|zwei|zweite[nrs]?|zweiteres|letztere[sn]?|second|latter|untere[nrs]?|andere[nrs]?)\b"),
)
CHOICE_WORDS = 3
_TOPIC_ENDS = (Intent.NO_ANSWER, Intent.OUT_OF_SCOPE)  # after a miss or a refusal a message stands on its own


class Pending(StrEnum):
    """What the bot's last reply waits for."""

    NOTHING = "nothing"
    COLLEAGUE = "colleague"  # it offered a colleague: "ja, bitte" hands over, "nein danke" declines
    TOPIC_CHOICE = "topic_choice"  # it asked which of two topics: "die zweite" picks one


@dataclass(frozen=True, slots=True)
class DialogueState:
    pending: Pending = Pending.NOTHING
    options: tuple[Topic, ...] = ()  # the topics a clarification offered, each with the question it was about
    topic: Topic | None = None  # what the last knowledge answer was about
    bot_spoke: bool = False  # the bot has replied in this conversation: no greeting is due any more

    def choice(self, text: str) -> Topic | None:
        """The offered topic a reply to a clarification picks: by its place or by a word of its title."""
        if self.pending is not Pending.TOPIC_CHOICE or len(topic_words(text)) > CHOICE_WORDS:
            return None  # a longer message is a new question, not a choice
        folded = fold(text)
        picked = [i for i, ordinal in enumerate(_ORDINALS) if ordinal.search(folded) and i < len(self.options)]
        if len(picked) == 1:
            return self.options[picked[0]]
        named = [option for option in self.options if same_subject(text, option.title)]
        return named[0] if len(named) == 1 else None


def dialogue_state(history: list[StoredMessage]) -> DialogueState:
    """Replay the ``history`` (oldest first) into what the conversation remembers now."""
    state = DialogueState()
    asked: str | None = None
    for message in history:
        if message.role == "customer":
            asked = message.content
        elif message.role == "assistant":
            state = _after_reply(state, asked, message)
            asked = None
    return state


def _after_reply(state: DialogueState, asked: str | None, reply: StoredMessage) -> DialogueState:
    question = _question(state, asked) if asked is not None else None
    if reply.intent == Intent.CLARIFICATION and question is not None:
        options = tuple(Topic(str(s.get("title", "")), str(s.get("url", "")), question) for s in reply.sources)
        return DialogueState(Pending.TOPIC_CHOICE, options, state.topic, bot_spoke=True)
    if reply.sources and question is not None:
        first = reply.sources[0]
        answered = Topic(str(first.get("title", "")), str(first.get("url", "")), question)
        return DialogueState(Pending.NOTHING, (), answered, bot_spoke=True)
    if reply.intent == Intent.NO_ANSWER:
        return DialogueState(Pending.COLLEAGUE, (), None, bot_spoke=True)
    topic = None if reply.intent in _TOPIC_ENDS else state.topic
    return DialogueState(Pending.NOTHING, (), topic, bot_spoke=True)


def _question(state: DialogueState, asked: str) -> str:
    """The question a customer's message asked, as the policy resolved it then."""
    picked = state.choice(asked)
    if picked is not None:
        return picked.question
    if state.topic is not None and dialogue_acts(asked).has(Act.MORE):
        return state.topic.question  # "und?" asked the topic's question again, for more
    return resolve(question_of(asked) or asked, state.topic).question

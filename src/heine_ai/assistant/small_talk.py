"""The replies to a message of dialogue acts only: a greeting, thanks, a goodbye, a "no" or a "yes"/"ok".

A greeting is answered with the brand's greeting once; later the bot asks for the question instead. Thanks and
goodbyes close politely in the conversation's language; "nein danke" after the offer of a colleague is accepted
without handing over (a "ja" to that offer hands over: ``policy.py``, before this).
"""

from __future__ import annotations

from heine_ai.assistant.acts import Act, Acts
from heine_ai.assistant.dialogue_state import DialogueState
from heine_ai.assistant.drafts import RULE_CONFIDENCE, Draft
from heine_ai.config import BrandTexts
from heine_ai.intents import Intent


def small_talk(acts: Acts, state: DialogueState, texts: BrandTexts) -> Draft:
    thanks, goodbye = acts.has(Act.THANKS), acts.has(Act.GOODBYE)
    closing = texts.goodbye_reply if goodbye else texts.more_questions
    if acts.has(Act.DENY):
        return _draft(f"{texts.offer_declined} {closing}", Intent.DECLINED)
    if thanks or goodbye:
        parts = [texts.thanks_reply] if thanks else []
        return _draft(" ".join([*parts, closing]), Intent.THANKS)
    if acts.has(Act.GREETING) and not state.bot_spoke:
        return _draft(texts.greeting_reply, Intent.GREETING)
    return _draft(texts.more_questions if state.topic is not None else texts.ask_question, Intent.PROMPT)


def greeted(draft: Draft, texts: BrandTexts) -> Draft:
    """The answer to the customer's first message behind a short greeting, when the customer greeted first."""
    return Draft(
        f"{texts.greeting_short} {draft.text}",
        draft.confidence,
        draft.intent,
        sources=draft.sources,
        escalation=draft.escalation,
        role=draft.role,
    )


def _draft(text: str, intent: Intent) -> Draft:
    return Draft(text, RULE_CONFIDENCE, intent)

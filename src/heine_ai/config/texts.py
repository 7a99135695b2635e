"""The assistant's sentences in a brand's voice, German and English (defaults: ``defaults/texts.*.yaml``)."""

from __future__ import annotations

from typing import ClassVar

from heine_ai.config.text_defaults import DefaultedTexts


class BrandTexts(DefaultedTexts):
    """Customer-facing sentences in the brand's voice; every one can be overridden per brand (``texts:``)."""

    DEFAULTS: ClassVar[tuple[str, ...]] = ("texts.de.yaml",)

    answer_intro: str
    answer_yes: str
    answer_no: str
    answer_other_language: str
    source_hint: str
    source_hint_again: str
    no_answer: str
    escalation: str
    human_request: str
    greeting_reply: str
    greeting_short: str
    thanks_reply: str
    goodbye_reply: str
    more_questions: str
    offer_declined: str
    ask_question: str
    clarify_topic: str
    out_of_scope: str
    order_ask: str
    order_ask_signed_in: str  # a customer the shop signed in: the order number is enough
    order_ask_number: str
    order_ask_postcode: str
    order_found: str
    order_tracking: str
    order_expected: str
    order_not_found: str
    order_not_found_signed_in: str
    agent_joined: str
    agent_left: str
    handed_back: str
    mail_greeting: str
    mail_signature: str
    mail_ai_disclosure: str
    mail_escalation: str
    mail_human_request: str
    mail_wait_minutes: str
    mail_wait_hour: str
    mail_wait_hours: str
    mail_rating: str
    rating_question: str
    rating_scale: str
    rating_comment: str
    rating_submit: str
    rating_thanks: str
    rating_done: str
    rating_invalid: str


class EnglishBrandTexts(BrandTexts):
    """The same sentences for customers who write in English (``texts_en:``); untranslated ones stay German."""

    DEFAULTS: ClassVar[tuple[str, ...]] = ("texts.de.yaml", "texts.en.yaml")

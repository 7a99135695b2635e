"""The chat widget's labels and notices (defaults: ``defaults/widget.de.yaml``)."""

from __future__ import annotations

from typing import ClassVar

from heine_ai.config.text_defaults import DefaultedTexts


class WidgetTexts(DefaultedTexts):
    """The widget's texts in the brand's voice (``widget:``; served by ``GET /api/v1/brands/{id}/widget``)."""

    DEFAULTS: ClassVar[tuple[str, ...]] = ("widget.de.yaml",)

    title: str
    subtitle: str
    open_label: str
    close_label: str
    input_label: str
    placeholder: str
    send_label: str
    assistant_label: str
    ai_notice: str
    agent_label: str
    you_label: str
    typing: str
    agent_typing: str
    sources_label: str
    handover: str
    agent_joined: str
    agent_left: str
    connecting: str
    reconnecting: str
    session_restarted: str
    error_generic: str
    error_rate_limited: str
    error_too_long: str
    sending: str
    sent: str
    not_sent: str
    unread_one: str
    unread_many: str
    attach_label: str
    file_too_large: str
    file_type_not_allowed: str
    file_too_many: str
    file_rate_limited: str
    file_refused: str
    weekdays: str
    away_hours: str
    away_closed: str
    away_wait: str
    away_wait_overdue: str
    email_offer: str
    email_label: str
    email_consent: str
    email_submit: str
    email_invalid: str
    email_saved: str
    rating_question: str
    rating_scale: str
    rating_comment: str
    rating_submit: str
    rating_choose: str
    rating_thanks: str
    rating_done: str


class EnglishWidgetTexts(WidgetTexts):
    """The same texts for customers who write in English (``widget_en:``); the widget uses them once the assistant
    answers in English."""

    DEFAULTS: ClassVar[tuple[str, ...]] = ("widget.de.yaml", "widget.en.yaml")

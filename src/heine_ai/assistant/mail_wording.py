"""A hand-over announced by e-mail: written for a mail thread, with the expected response time from the SLA.

The chat's hand-over texts speak of a colleague who "takes over the conversation" shortly; a customer who wrote
a mail waits for a mail, so the e-mail channel says that the answer comes by e-mail in this thread and within
how long (the SLA of the ticket's priority, ``handoff.sla_minutes``).
"""

from __future__ import annotations

from dataclasses import replace

from heine_ai.assistant.drafts import Draft
from heine_ai.config import BrandConfig
from heine_ai.config.texts import BrandTexts


def for_mail(draft: Draft, brand: BrandConfig, texts: BrandTexts) -> Draft:
    """The draft as the e-mail channel sends it: a hand-over in mail wording; anything else unchanged."""
    if draft.escalation is None:
        return draft
    wording = texts.mail_human_request if draft.text == texts.human_request else texts.mail_escalation
    minutes = brand.handoff.sla_minutes[brand.handoff.priorities[draft.escalation]]
    return replace(draft, text=wording.format(wait=expected_wait(minutes, texts)))


def expected_wait(minutes: int, texts: BrandTexts) -> str:
    """``minutes`` in words: under two hours in minutes (one hour as such), else in whole hours, rounded up."""
    if minutes == 60:
        return texts.mail_wait_hour
    if minutes < 120:
        return texts.mail_wait_minutes.format(minutes=minutes)
    return texts.mail_wait_hours.format(hours=-(-minutes // 60))

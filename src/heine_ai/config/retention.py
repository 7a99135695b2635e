"""A brand's retention policy: how long each kind of record is kept (``retention:`` in the brand file).

GDPR Art. 5(1)(e) asks that personal data be kept no longer than needed; HGB §257 and AO §147 ask that business
correspondence (a complaint, an order's dispute) be kept for six years, counted from the end of the calendar year
in which it was written. ``privacy/retention.py`` enforces this policy; docs/security.md lists the defaults.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field

from heine_ai.messages import EscalationReason


class RetentionConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # a closed conversation no person took part in (the bot answered alone), counted from its last message
    bot_conversation_days: int = Field(90, gt=0)
    # a conversation whose tickets are all resolved, counted from the last resolution
    closed_ticket_days: int = Field(3 * 365, gt=0)
    # a mail record with no conversation (skipped or flagged mail, or one whose conversation is gone)
    mail_record_days: int = Field(90, gt=0)
    # business correspondence: a conversation with a ticket for one of these reasons is kept, and on an erasure
    # request only restricted, for ``legal_hold_years`` after the end of the year of its last activity
    legal_hold_reasons: list[EscalationReason] = Field(
        default_factory=lambda: [EscalationReason.COMPLAINT, EscalationReason.LEGAL_THREAT]
    )
    legal_hold_years: int = Field(6, ge=0, le=30)

    def legal_hold_until(self, last_activity: datetime) -> datetime:
        """The end of the legal period: ``legal_hold_years`` after the end of the year of ``last_activity``."""
        return datetime(last_activity.year + self.legal_hold_years + 1, 1, 1, tzinfo=UTC)

    def legal_hold_cutoff(self, now: datetime) -> datetime:
        """Business correspondence last active before this moment is past its legal period at ``now``."""
        return datetime(now.year - self.legal_hold_years, 1, 1, tzinfo=UTC)

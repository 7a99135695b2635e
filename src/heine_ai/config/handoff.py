"""A brand's ticket settings: the priority of each escalation reason, the SLA per priority, and the service
team's hours (when a person can answer a web chat; outside them, or when the wait is long, the widget offers to
continue by e-mail)."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, field_validator

from heine_ai.config.service_hours import ServiceHours
from heine_ai.messages import EscalationReason

Priority = Literal["high", "normal", "low"]
DEFAULT_SLA_MINUTES: dict[Priority, int] = {"high": 30, "normal": 120, "low": 480}
DEFAULT_PRIORITIES: dict[EscalationReason, Priority] = {
    EscalationReason.COMPLAINT: "high",
    EscalationReason.LEGAL_THREAT: "high",
    EscalationReason.SENSITIVE_TOPIC: "high",
    EscalationReason.HUMAN_REQUEST: "normal",
    EscalationReason.REPEATED_FAILURE: "normal",
    EscalationReason.ABUSE: "normal",
    EscalationReason.ATTACHMENT: "normal",
}


class HandoffConfig(ServiceHours):
    """Tickets of a brand: the priority of each escalation reason and the SLA (minutes to first reply) per priority."""

    model_config = ConfigDict(extra="forbid")

    sla_minutes: dict[Priority, int] = Field(default_factory=lambda: dict(DEFAULT_SLA_MINUTES))
    priorities: dict[EscalationReason, Priority] = Field(default_factory=lambda: dict(DEFAULT_PRIORITIES))
    # timezone and hours (ServiceHours): the service team's, who answer a web chat
    # an expected wait longer than this (minutes) makes the widget offer to continue by e-mail
    long_wait_minutes: int = Field(30, gt=0)

    @field_validator("sla_minutes")
    @classmethod
    def _every_priority(cls, value: dict[str, int]) -> dict[str, int]:
        missing = {"high", "normal", "low"} - set(value)
        if missing or any(minutes <= 0 for minutes in value.values()):
            raise ValueError("needs a positive number of minutes for each of high, normal and low")
        return value

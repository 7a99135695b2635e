"""A brand's ticket settings: the priority of each escalation reason, the SLA per priority, and the service
team's hours (when a person can answer a web chat; outside them, or when the wait is long, the widget offers to
continue by e-mail)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator

from heine_ai.config.phone import WEEKDAYS, parse_span
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


class HandoffConfig(BaseModel):
    """Tickets of a brand: the priority of each escalation reason and the SLA (minutes to first reply) per priority."""

    model_config = ConfigDict(extra="forbid")

    sla_minutes: dict[Priority, int] = Field(default_factory=lambda: dict(DEFAULT_SLA_MINUTES))
    priorities: dict[EscalationReason, Priority] = Field(default_factory=lambda: dict(DEFAULT_PRIORITIES))
    timezone: str = "Europe/Berlin"
    # the service team's hours per weekday, e.g. {"mon": "08:00-20:00"}; a day left out has none
    hours: dict[str, str] = Field(default_factory=lambda: dict.fromkeys(WEEKDAYS[:6], "08:00-20:00"))
    # an expected wait longer than this (minutes) makes the widget offer to continue by e-mail
    long_wait_minutes: int = Field(30, gt=0)

    @field_validator("hours")
    @classmethod
    def _valid_hours(cls, value: dict[str, str]) -> dict[str, str]:
        for day, span in value.items():
            if day not in WEEKDAYS:
                raise ValueError(f"'{day}' is not one of {', '.join(WEEKDAYS)}")
            parse_span(span)
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone '{value}'") from exc
        return value

    def is_open(self, moment: datetime) -> bool:
        """Whether the service team works at ``moment`` (aware), in the brand's time zone."""
        local = moment.astimezone(ZoneInfo(self.timezone))
        span = self.hours.get(WEEKDAYS[local.weekday()])
        if span is None:
            return False
        start, end = parse_span(span)
        return start <= local.time().replace(tzinfo=None) < end

    @field_validator("sla_minutes")
    @classmethod
    def _every_priority(cls, value: dict[str, int]) -> dict[str, int]:
        missing = {"high", "normal", "low"} - set(value)
        if missing or any(minutes <= 0 for minutes in value.values()):
            raise ValueError("needs a positive number of minutes for each of high, normal and low")
        return value

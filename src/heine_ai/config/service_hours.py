"""Service hours of a brand's people, per weekday in the brand's time zone: the hotline's (``phone:``) and the
service team's who answer a web chat (``handoff:``)."""

from __future__ import annotations

import re
from datetime import datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, field_validator

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SPAN = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


def parse_span(value: str) -> tuple[time, time]:
    match = _SPAN.match(value.strip())
    if match is None:
        raise ValueError(f"'{value}' is not a span like 08:00-20:00 (24:00 for the end of the day)")
    hour_a, minute_a, hour_b, minute_b = (int(part) for part in match.groups())
    if hour_a > 23 or minute_a > 59 or minute_b > 59 or hour_b > 24 or (hour_b == 24 and minute_b):
        raise ValueError(f"'{value}' is not a span of the day")
    start = time(hour_a, minute_a)
    end = time.max if hour_b == 24 else time(hour_b, minute_b)  # 24:00: to the end of the day
    if start >= end:
        raise ValueError(f"'{value}': the span must end after it starts")
    return start, end


class ServiceHours(BaseModel):
    """``timezone`` and ``hours`` ({"mon": "08:00-20:00", ...}; a day left out has none), Monday to Saturday
    08:00-20:00 unless configured."""

    timezone: str = "Europe/Berlin"
    hours: dict[str, str] = Field(default_factory=lambda: dict.fromkeys(WEEKDAYS[:6], "08:00-20:00"))

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
        """Whether people work at ``moment`` (aware), in the brand's time zone."""
        local = moment.astimezone(ZoneInfo(self.timezone))
        span = self.hours.get(WEEKDAYS[local.weekday()])
        if span is None:
            return False
        start, end = parse_span(span)
        return start <= local.time().replace(tzinfo=None) < end

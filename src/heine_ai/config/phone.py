"""A brand's telephone line: the ``phone:`` block of its brand file (number, hotline, service hours, voice, texts).

The provider's auth token, with which every webhook is signed, comes from PHONE_<BRAND>_AUTH_TOKEN only.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import ClassVar, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator

from heine_ai.config.text_defaults import DefaultedTexts

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
E164 = r"^\+[1-9]\d{6,14}$"
_SPAN = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


class PhoneTexts(DefaultedTexts):
    """What the assistant says on the phone beyond its answers (``phone.texts:``; defaults ``phone.de.yaml``)."""

    DEFAULTS: ClassVar[tuple[str, ...]] = ("phone.de.yaml",)

    ai_notice: str
    transcription_notice: str
    recording_notice: str
    first_question: str
    next_question: str
    not_understood: str
    transfer: str
    callback: str
    callback_note: str
    goodbye: str
    source_named: str
    order_number_hint: str


class EnglishPhoneTexts(PhoneTexts):
    """The same for callers who speak English (``phone.texts_en:``)."""

    DEFAULTS: ClassVar[tuple[str, ...]] = ("phone.de.yaml", "phone.en.yaml")


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


class PhoneConfig(BaseModel):
    """A brand's phone line (``phone:`` in the brand file)."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool = True
    number: str = Field(pattern=E164)  # the number callers dial; the provider forwards its calls to our webhooks
    hotline: str = Field(pattern=E164)  # where a caller is connected to a person
    # the public base URL the provider calls (e.g. https://ai.example.de): the signature covers the full URL, so
    # behind a proxy the URL the app sees may differ from the one signed; unset: the request's own URL
    public_url: str | None = Field(None, pattern=r"^https?://[^/\s]+(/[^\s]*)?$")
    language: str = "de-DE"  # of speech recognition and the voice
    voice: str = "Polly.Vicki-Neural"  # the provider's voice name for <Say>
    voice_en: str = "Polly.Joanna-Neural"
    timezone: str = "Europe/Berlin"
    # service hours of the hotline per weekday, e.g. {"mon": "08:00-20:00"}; a day left out is closed
    hours: dict[str, str] = Field(default_factory=lambda: dict.fromkeys(WEEKDAYS[:6], "08:00-20:00"))
    recorded: bool = False  # whether the provider records calls; the caller is told either way
    # who hears and speaks: the provider (<Gather>, <Say>) or our own engines on the media stream
    speech: Literal["provider", "stream"] = "provider"
    speech_timeout: str = "auto"  # seconds of silence that end an utterance, or "auto"
    max_turns: int = Field(30, ge=1, le=200)  # a call longer than this is ended politely
    texts: PhoneTexts = Field(default_factory=PhoneTexts.default)
    texts_en: EnglishPhoneTexts = Field(default_factory=EnglishPhoneTexts.default)

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
        """Whether the hotline takes calls at ``moment`` (aware), in the brand's time zone."""
        local = moment.astimezone(ZoneInfo(self.timezone))
        span = self.hours.get(WEEKDAYS[local.weekday()])
        if span is None:
            return False
        start, end = parse_span(span)
        return start <= local.time().replace(tzinfo=None) < end

    def texts_for(self, language: str) -> PhoneTexts:
        return self.texts_en if language == "en" else self.texts

    def voice_for(self, language: str) -> tuple[str, str]:
        """The <Say> voice and its language code for replies in ``language``."""
        return (self.voice_en, "en-US") if language == "en" else (self.voice, self.language)


def phone_env_prefix(brand_id: str) -> str:
    return "PHONE_" + brand_id.upper().replace("-", "_") + "_"

"""A brand's telephone line: the ``phone:`` block of its brand file (number, hotline, service hours, voice, texts).

The provider's auth token, with which every webhook is signed, comes from PHONE_<BRAND>_AUTH_TOKEN only.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from heine_ai.config.service_hours import ServiceHours
from heine_ai.config.text_defaults import DefaultedTexts

E164 = r"^\+[1-9]\d{6,14}$"


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


class PhoneConfig(ServiceHours):
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
    # timezone and hours (ServiceHours): the hotline's; outside them a callback ticket
    recorded: bool = False  # whether the provider records calls; the caller is told either way
    # who hears and speaks: the provider (<Gather>, <Say>) or our own engines on the media stream
    speech: Literal["provider", "stream"] = "provider"
    speech_timeout: str = "auto"  # seconds of silence that end an utterance, or "auto"
    max_turns: int = Field(30, ge=1, le=200)  # a call longer than this is ended politely
    texts: PhoneTexts = Field(default_factory=PhoneTexts.default)
    texts_en: EnglishPhoneTexts = Field(default_factory=EnglishPhoneTexts.default)

    def texts_for(self, language: str) -> PhoneTexts:
        return self.texts_en if language == "en" else self.texts

    def voice_for(self, language: str) -> tuple[str, str]:
        """The <Say> voice and its language code for replies in ``language``."""
        return (self.voice_en, "en-US") if language == "en" else (self.voice, self.language)


def phone_env_prefix(brand_id: str) -> str:
    return "PHONE_" + brand_id.upper().replace("-", "_") + "_"

"""Which language the customer wrote in (the detector lives in ``heine_ai.languages``) and of a dialogue."""

from __future__ import annotations

from heine_ai.languages import detect_language

__all__ = ["conversation_language", "detect_language"]


def conversation_language(earlier: list[str], default: str = "de") -> str:
    """The language of the newest earlier message that decides, so "40123456" in an English dialogue stays English."""
    for text in reversed(earlier):
        language = detect_language(text, default="")
        if language:
            return language
    return default

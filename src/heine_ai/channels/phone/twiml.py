"""TwiML replies, built as an XML tree (never by joining strings, so no caller's words can break the markup)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Voice:
    name: str  # the provider's voice, e.g. Polly.Vicki-Neural
    language: str  # e.g. de-DE


@dataclass(frozen=True, slots=True)
class Listen:
    """The next turn: where the provider posts what the caller said or typed."""

    action: str
    language: str
    speech_timeout: str
    hints: str = ""


class TwiML:
    """One ``<Response>``; its verbs in the order they are added."""

    def __init__(self) -> None:
        self._root = ET.Element("Response")

    def say(self, text: str, voice: Voice, parent: ET.Element | None = None) -> TwiML:
        element = ET.SubElement(self._root if parent is None else parent, "Say", voice=voice.name)
        element.set("language", voice.language)
        element.text = text
        return self

    def gather(self, listen: Listen, prompt: str, voice: Voice) -> TwiML:
        """Listen for speech or keypad digits (ended by #), while the prompt plays; the caller may interrupt it."""
        attributes = {
            "input": "speech dtmf",
            "action": listen.action,
            "method": "POST",
            "language": listen.language,
            "speechTimeout": listen.speech_timeout,
            "bargeIn": "true",
            "finishOnKey": "#",
            "actionOnEmptyResult": "true",
        }
        if listen.hints:
            attributes["hints"] = listen.hints
        element = ET.SubElement(self._root, "Gather", attributes)
        return self.say(prompt, voice, element)

    def dial(self, number: str, caller_id: str, timeout_seconds: int = 30) -> TwiML:
        element = ET.SubElement(self._root, "Dial", callerId=caller_id, timeout=str(timeout_seconds))
        ET.SubElement(element, "Number").text = number
        return self

    def connect_stream(self, url: str, action: str, parameters: dict[str, str]) -> TwiML:
        """Hand the call's audio to our media-stream WebSocket, both ways; ``action`` is asked what follows."""
        stream = ET.SubElement(ET.SubElement(self._root, "Connect", action=action, method="POST"), "Stream", url=url)
        for name, value in parameters.items():
            ET.SubElement(stream, "Parameter", name=name, value=value)
        return self

    def hangup(self) -> TwiML:
        ET.SubElement(self._root, "Hangup")
        return self

    def to_xml(self) -> str:
        return ET.tostring(self._root, encoding="unicode", xml_declaration=True)

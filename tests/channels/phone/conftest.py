"""Fixtures of the phone tests: a brand with a phone line, served by a real uvicorn server, and a caller that
speaks the provider's webhook protocol (form posts signed as Twilio signs them, TwiML followed as Twilio does)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from lxml import etree
from twilio.request_validator import RequestValidator

from heine_ai.app_state import AppState
from tests.conftest import StateFactory
from tests.support.installations import BRANDS
from tests.support.live import live_server

AUTH_TOKEN = "phone-test-auth-token-0123456789"
HOTLINE = "+4940123456789"
NUMBER = "+4940999888777"
CALLER = "+491701234567"
ALWAYS_OPEN = dict.fromkeys(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "00:00-24:00")


def write_phone_brand(directory: Path, hours: dict[str, str], **phone: Any) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    data = yaml.safe_load((BRANDS / "heine.yaml").read_text(encoding="utf-8"))
    data["knowledge_path"] = str(BRANDS.parent.parent / "knowledge" / "heine")
    data["phone"] = {"number": NUMBER, "hotline": HOTLINE, "hours": hours, **phone}
    (directory / "heine.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return directory


@dataclass
class Call:
    """One caller's call: each webhook signed with the account's token and posted to the live server."""

    client: httpx.Client
    base: str
    call_sid: str = field(default_factory=lambda: "CA" + uuid.uuid4().hex)
    next_action: str | None = None
    token: str = AUTH_TOKEN

    def post(self, path: str, params: dict[str, str], *, signature: str | None = "sign") -> httpx.Response:
        url = self.base + path
        headers = {}
        if signature == "sign":
            headers["X-Twilio-Signature"] = RequestValidator(self.token).compute_signature(url, params)
        elif signature is not None:
            headers["X-Twilio-Signature"] = signature
        return self.client.post(url, data=params, headers=headers)

    def _params(self, **extra: str) -> dict[str, str]:
        return {"CallSid": self.call_sid, "AccountSid": "AC" + "0" * 32, "From": CALLER, "To": NUMBER, **extra}

    def start(self) -> etree._Element:
        return self._twiml(self.post("/api/v1/phone/heine/voice", self._params(CallStatus="ringing")))

    def say(self, speech: str) -> etree._Element:
        return self._answer(SpeechResult=speech, Confidence="0.92")

    def press(self, digits: str) -> etree._Element:
        return self._answer(Digits=digits)

    def _answer(self, **result: str) -> etree._Element:
        assert self.next_action is not None, "the last TwiML did not listen for the caller"
        return self._twiml(self.post(self.next_action, self._params(CallStatus="in-progress", **result)))

    def hang_up(self, status: str = "completed") -> httpx.Response:
        return self.post("/api/v1/phone/heine/status", self._params(CallStatus=status, CallDuration="42"))

    def _twiml(self, response: httpx.Response) -> etree._Element:
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/xml")
        root = etree.fromstring(response.content, parser=etree.XMLParser(resolve_entities=False))
        gather = root.find("Gather")
        self.next_action = gather.get("action") if gather is not None else None
        return root


def spoken(root: etree._Element) -> str:
    """Everything the caller hears, in order."""
    return " ".join(say.text or "" for say in root.iter("Say"))


@pytest.fixture
def phone_app(
    make_state: StateFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., tuple[AppState, Callable[[], Call]]]]:
    """Start the app for a brand line with the given hours; returns the state and a maker of new calls."""
    monkeypatch.setenv("PHONE_HEINE_AUTH_TOKEN", AUTH_TOKEN)
    opened: list[Any] = []
    client = httpx.Client(timeout=60)

    def factory(hours: dict[str, str] = ALWAYS_OPEN, **phone: Any) -> tuple[AppState, Callable[[], Call]]:
        brands = write_phone_brand(tmp_path / f"brands{len(opened)}", hours, **phone)
        state = make_state(brands_dir=brands)
        server = live_server(state)
        base = server.__enter__()
        opened.append(server)
        return state, lambda: Call(client, base)

    yield factory
    for server in opened:
        server.__exit__(None, None, None)
    client.close()

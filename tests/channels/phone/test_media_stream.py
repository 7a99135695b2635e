"""The media stream end to end over a real WebSocket in the provider's protocol: the greeting and every answer
spoken by espeak-ng as 8 kHz μ-law frames, the caller's keypad tones recognised in the audio it sends, keys sent
as events, barge-in, the signature on the handshake, and the hand-over to the <Connect action> webhook."""

from __future__ import annotations

import base64
import json
import shutil
import time
import uuid
from typing import Any

import numpy as np
import pytest
from lxml import etree
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import ClientConnection, connect

from heine_ai.channels.phone.audio import FRAME_BYTES, SAMPLE_RATE, frames, mulaw_decode, mulaw_encode
from heine_ai.channels.phone.signature import compute_signature
from heine_ai.channels.phone.speech import EspeakTextToSpeech, KeypadTones, keypad_tone
from tests.channels.phone.conftest import AUTH_TOKEN, HOTLINE
from tests.support.servers import require


def _needs_espeak() -> None:
    require(shutil.which("espeak-ng") is not None, "espeak-ng is not installed (Debian package espeak-ng)")


def _silence(seconds: float) -> np.ndarray:  # type: ignore[type-arg]
    return np.zeros(int(SAMPLE_RATE * seconds), dtype=np.int16)


def _tones(keys: str) -> np.ndarray:  # type: ignore[type-arg]
    return np.concatenate([np.concatenate([keypad_tone(key), _silence(0.08)]) for key in keys] + [_silence(1.0)])


class Provider:
    """The provider's side of one stream: sends the caller's audio, collects ours until a mark."""

    def __init__(self, socket: ClientConnection, call_sid: str) -> None:
        self.socket = socket
        self.sid = "MZ" + uuid.uuid4().hex
        self.call_sid = call_sid
        self.cleared = 0

    def send(self, event: str, **body: Any) -> None:
        self.socket.send(json.dumps({"event": event, "streamSid": self.sid, **body}))

    def start(self) -> None:
        self.socket.send(json.dumps({"event": "connected", "protocol": "Call", "version": "1.0.0"}))
        start = {"streamSid": self.sid, "callSid": self.call_sid, "tracks": ["inbound"], "customParameters": {}}
        start["mediaFormat"] = {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1}
        self.send("start", start=start)

    def speak(self, pcm: np.ndarray) -> None:  # type: ignore[type-arg]
        for chunk in frames(mulaw_encode(pcm)):
            self.send("media", media={"track": "inbound", "payload": base64.b64encode(chunk).decode("ascii")})

    def listen(self, *, played: bool = True) -> tuple[np.ndarray, str, float]:  # type: ignore[type-arg]
        """Our audio until the next mark (acknowledged, as the provider does once it was ``played``); the seconds
        until its first frame arrived."""
        started = time.perf_counter()
        first: float | None = None
        audio = bytearray()
        while True:
            frame = json.loads(self.socket.recv(timeout=300))
            if frame["event"] == "clear":
                self.cleared += 1
                continue
            if frame["event"] == "media":
                first = first if first is not None else time.perf_counter() - started
                chunk = base64.b64decode(frame["media"]["payload"])
                assert len(chunk) <= FRAME_BYTES
                audio += chunk
                continue
            assert frame["event"] == "mark", frame
            name = frame["mark"]["name"]
            if played:
                self.send("mark", mark={"name": name})
            return mulaw_decode(bytes(audio)), name, first or 0.0


def _stream_url(twiml: etree._Element) -> tuple[str, str]:
    connect_verb = twiml.find("Connect")
    assert connect_verb is not None
    stream = connect_verb.find("Stream")
    assert stream is not None
    return str(stream.get("url")), str(connect_verb.get("action"))


def _handshake(url: str, token: str = AUTH_TOKEN) -> dict[str, str]:
    return {"X-Twilio-Signature": compute_signature(url, [], token)}


def test_a_call_on_the_media_stream_end_to_end(phone_app: Any) -> None:
    _needs_espeak()
    state, new_call = phone_app(speech="stream")
    call = new_call()
    twiml = call.start()
    url, action = _stream_url(twiml)
    assert url.startswith("ws://127.0.0.1:") and url.endswith("/api/v1/phone/heine/stream")

    with pytest.raises(InvalidStatus) as refused:  # an unsigned handshake never reaches the stream
        connect(url, additional_headers=_handshake(url, "wrong-token"))
    assert refused.value.response.status_code == 403

    voice = EspeakTextToSpeech()
    with connect(url, additional_headers=_handshake(url), max_size=None) as socket:
        provider = Provider(socket, call.call_sid)
        provider.start()
        greeting, mark, _ = provider.listen(played=False)
        assert mark == "greeting"
        expected = voice.synthesize(" ".join(state.brands["heine"].phone.texts.ai_notice.split()[:3]), "de")
        assert len(greeting) > 2 * len(expected)  # the disclosure, the notice and the question, spoken
        assert np.abs(greeting.astype(np.int32)).max() > 1000  # audible, not silence

        noise = (np.random.default_rng(7).normal(0, 3000, int(SAMPLE_RATE * 0.3))).astype(np.int16)
        provider.speak(np.concatenate([noise, _silence(1.0)]))  # the caller talks over the greeting
        assert json.loads(socket.recv(timeout=60))["event"] == "clear"  # barge-in: our audio is stopped
        provider.send("mark", mark={"name": "greeting"})

        provider.speak(_tones("40345678"))  # the caller types the order number; the tones are in the audio
        first, mark, first_latency = provider.listen()
        assert mark == "turn-1" and len(first) > SAMPLE_RATE  # an answer of more than a second

        for key in "50667#":  # the postcode as keypad events
            provider.send("dtmf", dtmf={"track": "inbound_track", "digit": key})
        second, mark, second_latency = provider.listen()
        assert mark == "turn-2" and len(second) > SAMPLE_RATE
        with pytest.raises(ConnectionClosed):  # put through: the stream ends once the words were played
            socket.recv(timeout=60)

    history = _history(state, call.call_sid)
    assert [m.role for m in history] == ["customer", "assistant", "customer", "assistant"]
    assert [history[0].content, history[2].content] == ["40345678", "50667"]  # recognised in the audio, typed
    assert history[3].escalation  # two numbers without a question: the assistant hands over
    after = call.post(action, {"CallSid": call.call_sid})
    assert after.status_code == 200
    dial = etree.fromstring(after.content).find("Dial")
    assert dial is not None and dial.findtext("Number") == HOTLINE
    print(f"stream reply latency: {first_latency:.3f}s, {second_latency:.3f}s")


def _history(state: Any, call_sid: str) -> list[Any]:
    import asyncio

    async def read() -> list[Any]:
        call = await state.phone.calls.find(call_sid)
        async with state.sessions() as session:
            return list(await state.conversations.history(session, call.conversation_id, 20))

    return asyncio.run(read())


def test_espeak_speaks_german_at_telephone_rate_and_keypad_tones_survive_mu_law() -> None:
    _needs_espeak()
    pcm = EspeakTextToSpeech().synthesize("Ihre Bestellung wurde am Montag zugestellt.", "de")
    assert 1.0 < len(pcm) / SAMPLE_RATE < 6.0  # a short sentence, at 8 kHz
    decoded = mulaw_decode(mulaw_encode(pcm))
    assert np.corrcoef(decoded.astype(float), pcm.astype(float))[0, 1] > 0.99
    heard = KeypadTones().transcribe(mulaw_decode(mulaw_encode(_tones("0123456789"))), "de")
    assert heard.text == "0123456789"
    assert KeypadTones().transcribe(decoded, "de").text == ""  # speech is not mistaken for keys

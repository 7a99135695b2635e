"""The provider's bidirectional media stream (Twilio Media Streams): the call's audio both ways over a WebSocket,
as JSON frames of 20 ms of 8 kHz μ-law, with our own speech engines in place of the provider's.

In: ``connected``, ``start`` (the call's sid), ``media`` (the caller's audio), ``dtmf`` (a key), ``mark`` (our audio
was played up to a mark), ``stop``. Out: ``media`` (our audio), ``mark`` (tell us when it was played), ``clear``
(stop playing: the caller talks over us). An utterance ends after ``SILENCE_SECONDS`` of quiet, a typed number with
#; each goes through the same turn as a speech result (``PhoneChannel.respond``). When the assistant puts the call
through or says goodbye, the stream closes after the words were played and the provider asks the
``<Connect action>`` webhook what comes next (``PhoneChannel.after_stream``).
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Awaitable, Callable
from typing import Any

import numpy as np

from heine_ai.channels.phone.audio import FRAME_BYTES, SAMPLE_RATE, Pcm, frames, level, mulaw_decode, mulaw_encode
from heine_ai.channels.phone.calls import Call
from heine_ai.channels.phone.channel import PhoneChannel, Turn
from heine_ai.channels.phone.digits import join_spoken_digits
from heine_ai.channels.phone.lines import PhoneLine
from heine_ai.channels.phone.speech import SpeechEngines
from heine_ai.observability.logging import get_logger

log = get_logger(__name__)
SILENCE_SECONDS = 0.7  # of quiet that end an utterance
MAX_UTTERANCE_SECONDS = 15
VOICE_LEVEL = 500.0  # RMS above which a frame counts as the caller's voice
FRAME_SECONDS = FRAME_BYTES / SAMPLE_RATE

Send = Callable[[dict[str, Any]], Awaitable[None]]


class MediaStream:
    """One call's stream; ``receive`` takes each frame the provider sends and returns False once it stopped."""

    def __init__(self, channel: PhoneChannel, line: PhoneLine, engines: SpeechEngines, send: Send) -> None:
        self._channel = channel
        self._line = line
        self._engines = engines
        self._send = send
        self._stream_sid = ""
        self._call: Call | None = None
        self._heard: list[Pcm] = []
        self._quiet = 0.0
        self._keys = ""
        self._turn = 0
        self._playing: set[str] = set()  # marks sent whose audio has not finished playing
        self._closing = False

    @property
    def finished(self) -> bool:
        """The last words were played and the call leaves the stream (put through or goodbye)."""
        return self._closing and not self._playing

    async def receive(self, frame: dict[str, Any]) -> bool:
        event = frame.get("event")
        if event == "start":
            await self._start(frame.get("start") or {}, str(frame.get("streamSid", "")))
        elif event == "media" and self._call is not None:
            await self._media(str((frame.get("media") or {}).get("payload", "")))
        elif event == "dtmf" and self._call is not None:
            await self._key(str((frame.get("dtmf") or {}).get("digit", "")))
        elif event == "mark":
            self._playing.discard(str((frame.get("mark") or {}).get("name", "")))
        return event != "stop"

    async def _start(self, start: dict[str, Any], stream_sid: str) -> None:
        self._stream_sid = stream_sid or str(start.get("streamSid", ""))
        self._call = await self._channel.active_call(self._line, str(start.get("callSid", "")))
        log.info("phone_stream_started", brand=self._line.brand.id, call_sid=start.get("callSid"))
        if self._call is not None:
            await self._play(self._channel.greeting(self._line), "greeting")

    async def _media(self, payload: str) -> None:
        pcm = mulaw_decode(base64.b64decode(payload))
        voiced = level(pcm) >= VOICE_LEVEL
        if voiced and self._playing and not self._closing:  # the caller talks over us: stop our audio
            await self._send({"event": "clear", "streamSid": self._stream_sid})
            self._playing.clear()
        if not self._heard and not voiced:
            return
        self._heard.append(pcm)
        self._quiet = 0.0 if voiced else self._quiet + FRAME_SECONDS
        heard_seconds = len(self._heard) * FRAME_SECONDS
        if self._quiet >= SILENCE_SECONDS or heard_seconds >= MAX_UTTERANCE_SECONDS:
            utterance = np.concatenate(self._heard)
            self._heard, self._quiet = [], 0.0
            transcript = await asyncio.to_thread(self._engines.stt.transcribe, utterance, self._line.config.language)
            await self._said(join_spoken_digits(transcript.text.strip()))

    async def _key(self, digit: str) -> None:
        if digit == "#":
            keys, self._keys = self._keys, ""
            await self._said(keys)
        elif digit.isdigit():
            self._keys += digit

    async def _said(self, text: str) -> None:
        if not text or self._call is None or self._closing:
            return
        self._turn += 1
        turn = await self._channel.respond(self._line, self._call, text, self._turn)
        await self._play(turn, f"turn-{self._turn}")
        self._closing = turn.then != "listen"

    async def _play(self, turn: Turn, mark: str) -> None:
        language = "en" if turn.voice.language.startswith("en") else "de"
        pcm = await asyncio.to_thread(self._engines.tts.synthesize, " ".join(turn.say), language)
        for chunk in frames(mulaw_encode(pcm)):
            payload = base64.b64encode(chunk).decode("ascii")
            await self._send({"event": "media", "streamSid": self._stream_sid, "media": {"payload": payload}})
        await self._send({"event": "mark", "streamSid": self._stream_sid, "mark": {"name": mark}})
        self._playing.add(mark)

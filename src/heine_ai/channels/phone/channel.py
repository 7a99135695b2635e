"""A call from the first ring to the hang-up: each caller turn through the same assistant as chat and e-mail.

The provider posts the call's start, each speech (or keypad) result and the call's status; every answer is TwiML.
A call is a conversation of channel ``phone`` (``calls.py``). The assistant's reply is said for the ear
(``spoken.py``); an escalation or a request for a person is put through to the brand's hotline within its service
hours, and outside them the conversation's ticket gets a callback note with the caller's number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from heine_ai.assistant.turn import Assistant
from heine_ai.channels.phone.calls import Call, CallLedger
from heine_ai.channels.phone.digits import join_spoken_digits, keypad_text
from heine_ai.channels.phone.lines import PhoneLine
from heine_ai.channels.phone.speech import SpeechEngines
from heine_ai.channels.phone.spoken import for_the_ear
from heine_ai.channels.phone.twiml import Listen, TwiML, Voice
from heine_ai.db.models import utcnow
from heine_ai.errors import CallNotFound, PhoneLineNotFound
from heine_ai.intents import Intent
from heine_ai.messages import Channel, InboundMessage, Reply
from heine_ai.observability.logging import get_logger
from heine_ai.observability.metrics import Metrics

log = get_logger(__name__)
WEBHOOK_PATH = "/api/v1/phone"  # the routes of the provider's webhooks (api/phone.py); TwiML points back there
MAX_MISSES = 2  # turns in a row with nothing understood before the call is ended politely
ENDED_STATUSES = frozenset({"completed", "busy", "no-answer", "canceled", "failed"})


@dataclass(frozen=True, slots=True)
class Turn:
    """The channel's answer to one turn: what is said, in which voice, and what follows."""

    say: tuple[str, ...]
    voice: Voice
    then: Literal["listen", "dial", "hangup"]


@dataclass(frozen=True, slots=True)
class Heard:
    """One speech result: what the caller said (or typed) and where the turn stands."""

    call_sid: str
    speech: str
    digits: str
    turn: int
    misses: int


class PhoneChannel:
    def __init__(
        self,
        lines: dict[str, PhoneLine],
        *,
        assistant: Assistant,
        calls: CallLedger,
        metrics: Metrics,
        base_path: str,
        engines: SpeechEngines | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._lines = lines
        self._assistant = assistant
        self._calls = calls
        self._metrics = metrics
        self._base = base_path.rstrip("/")
        self._clock = clock
        self.engines = engines  # own speech engines for lines with ``speech: stream``

    @property
    def calls(self) -> CallLedger:
        return self._calls

    def find_line(self, brand: str) -> PhoneLine | None:
        return self._lines.get(brand)

    def line(self, brand: str) -> PhoneLine:
        found = self._lines.get(brand)
        if found is None:
            raise PhoneLineNotFound(f"Brand '{brand}' has no phone line.")
        return found

    async def started(self, line: PhoneLine, call_sid: str, caller: str | None, public_base: str) -> str:
        """The greeting: the AI disclosure, the recording or transcription notice and the first question; with
        own speech engines (``speech: stream``) the call's audio goes to the media stream instead."""
        call, opened = await self._calls.start(line.brand.id, call_sid, caller)
        if opened:
            self._metrics.phone_calls.labels(brand=line.brand.id, event="started").inc()
            log.info("phone_call_started", brand=line.brand.id, call_sid=call_sid, conversation_id=call.conversation_id)
        if line.config.speech == "stream":  # public_base: the URL the provider reaches us at
            stream_url = public_base.replace("https://", "wss://").replace("http://", "ws://").rstrip("/")
            stream_url += f"{self._base}/{line.brand.id}/stream"
            after = f"{self._base}/{line.brand.id}/after-stream"
            return TwiML().connect_stream(stream_url, after, {"brand": line.brand.id}).to_xml()
        return self.render(line, self.greeting(line), 0)

    def greeting(self, line: PhoneLine) -> Turn:
        texts = line.config.texts
        notice = texts.recording_notice if line.config.recorded else texts.transcription_notice
        disclosure = texts.ai_notice.format(brand=line.brand.display_name)
        return Turn((disclosure, notice, texts.first_question), self._voice(line, "de"), "listen")

    async def after_stream(self, line: PhoneLine, call_sid: str) -> str:
        """What follows the media stream: the hotline when the assistant put the call through, else the end."""
        call = await self._calls.find(call_sid)
        if call is not None and call.state == "transferred":
            return TwiML().dial(line.config.hotline, line.config.number).to_xml()
        return TwiML().hangup().to_xml()

    async def heard(self, line: PhoneLine, heard: Heard) -> str:
        """The reply to one turn as TwiML: an answer and the next <Gather>, a transfer, a callback or goodbye."""
        call = await self.active_call(line, heard.call_sid)
        if call is None:
            return TwiML().hangup().to_xml()
        said = keypad_text(heard.digits) or join_spoken_digits(heard.speech.strip())
        if not said:
            return self._missed(line, heard)
        return self.render(line, await self.respond(line, call, said, heard.turn), heard.turn)

    async def active_call(self, line: PhoneLine, call_sid: str) -> Call | None:
        """The call, or None once it has ended or left the assistant (transferred, callback, goodbye said)."""
        call = await self._calls.find(call_sid)
        if call is None or call.brand != line.brand.id:
            raise CallNotFound("No call with this CallSid.")
        return None if call.ended or call.state != "active" else call

    async def respond(self, line: PhoneLine, call: Call, said: str, turn: int) -> Turn:
        """What to say to what the caller ``said``, and what follows: listen, put through or hang up."""
        reply = await self._assistant.handle(self._inbound(line, call, said, turn))
        language = reply.language.value
        texts = line.config.texts_for(language)
        voice = self._voice(line, language)
        if reply.silent:  # a person has the conversation already (e.g. a callback is pending)
            return Turn((texts.callback, texts.goodbye), voice, "hangup")
        if reply.escalation_required:
            return await self._escalate(line, call, reply, voice)
        await self._answered(line, call)
        spoken = self._spoken(line, reply)
        if line.brand.texts_for(language).goodbye_reply in reply.text or turn >= line.config.max_turns:
            await self._calls.mark(call.call_sid, "completed")
            return Turn((spoken, texts.goodbye), voice, "hangup")
        prompt = spoken if spoken.endswith("?") else f"{spoken} {texts.next_question}"
        if reply.intent == Intent.ORDER_ASK:
            prompt = f"{prompt} {texts.order_number_hint}"
        return Turn((prompt,), voice, "listen")

    def render(self, line: PhoneLine, turn: Turn, number: int) -> str:
        """A turn as TwiML; a listening turn's words play inside its <Gather>, so the caller can interrupt."""
        twiml = TwiML()
        if turn.then == "listen":
            for text in turn.say[:-1]:
                twiml.say(text, turn.voice)
            return twiml.gather(self._listen(line, number + 1, 0), turn.say[-1], turn.voice).to_xml()
        for text in turn.say:
            twiml.say(text, turn.voice)
        if turn.then == "dial":
            return twiml.dial(line.config.hotline, line.config.number).to_xml()
        return twiml.hangup().to_xml()

    async def status(self, line: PhoneLine, call_sid: str, call_status: str) -> None:
        """The provider's status callback: a call that ended is closed, counted and timed once."""
        if call_status not in ENDED_STATUSES:
            return
        ended = await self._calls.end(call_sid)
        if ended is None:
            return
        state = ended.call.state
        outcome = "abandoned" if state == "active" else state
        brand = line.brand.id
        if outcome == "abandoned":
            self._metrics.phone_calls.labels(brand=brand, event="abandoned").inc()
        self._metrics.phone_call_duration.labels(brand=brand, outcome=outcome).observe(ended.seconds)
        log.info("phone_call_ended", brand=brand, call_sid=call_sid, outcome=outcome, turns=ended.call.turns)

    async def _escalate(self, line: PhoneLine, call: Call, reply: Reply, voice: Voice) -> Turn:
        texts = line.config.texts_for(reply.language.value)
        brand = line.brand.id
        await self._answered(line, call)
        if line.config.is_open(self._clock()):
            await self._calls.mark(call.call_sid, "transferred")
            self._metrics.phone_calls.labels(brand=brand, event="transferred").inc()
            log.info("phone_call_transferred", brand=brand, call_sid=call.call_sid, reason=reply.escalation_reason)
            return Turn((texts.transfer,), voice, "dial")
        noted = await self._calls.request_callback(call, line.config.texts.callback_note)
        self._metrics.phone_calls.labels(brand=brand, event="callback").inc()
        log.info("phone_callback_requested", brand=brand, call_sid=call.call_sid, with_number=noted)
        return Turn((texts.callback, texts.goodbye), voice, "hangup")

    async def _answered(self, line: PhoneLine, call: Call) -> None:
        if call.turns == 0:
            self._metrics.phone_calls.labels(brand=line.brand.id, event="answered").inc()
        await self._calls.answered(call.call_sid)

    def _missed(self, line: PhoneLine, heard: Heard) -> str:
        texts = line.config.texts
        voice = self._voice(line, "de")
        if heard.misses + 1 >= MAX_MISSES:
            return TwiML().say(texts.goodbye, voice).hangup().to_xml()
        return TwiML().gather(self._listen(line, heard.turn, heard.misses + 1), texts.not_understood, voice).to_xml()

    def _spoken(self, line: PhoneLine, reply: Reply) -> str:
        texts = line.config.texts_for(reply.language.value)
        source = texts.source_named.format(title=reply.sources[0].title) if reply.sources else None
        today = self._clock().date()
        return for_the_ear(reply.text, line.brand.texts_for(reply.language.value), reply.language, today, source)

    def _inbound(self, line: PhoneLine, call: Call, text: str, turn: int) -> InboundMessage:
        return InboundMessage(
            brand=line.brand.id,
            channel=Channel.PHONE,
            text=text,
            thread_key=call.conversation_id,
            session_token=call.token,
            metadata={"channel_message_id": f"{call.call_sid}/{turn}"},  # a repeated webhook stores nothing twice
        )

    def _listen(self, line: PhoneLine, turn: int, misses: int) -> Listen:
        action = f"{self._base}/{line.brand.id}/speech?turn={turn}&misses={misses}"
        return Listen(action=action, language=line.config.language, speech_timeout=line.config.speech_timeout)

    def _voice(self, line: PhoneLine, language: str) -> Voice:
        name, code = line.config.voice_for(language)
        return Voice(name, code)

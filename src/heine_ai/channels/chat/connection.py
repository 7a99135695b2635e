"""One chat socket: frames in, events out.

Three tasks per connection: the reader (this coroutine: limits, parsing, ``hello``, pings), the feed (stored
messages after the client's cursor, live, see ``feed``) and the worker (the customer's messages, one at a time,
through the assistant). The assistant's reply reaches the socket only through the feed, never twice; a silent
reply (a person owns the conversation) sends nothing from the bot. A message accepted before the connection
dropped is still answered: the answer is stored and reaches the client when it resumes.

While an LLM streams, the worker sends the verified sentences as ``answer_chunk`` events to this socket only
(``ChunkSink``); they are not stored and never replayed: the stored ``answer`` from the feed replaces them.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from starlette.types import Message
from starlette.websockets import WebSocketDisconnect

from heine_ai.channels.chat.channel import ChatChannel
from heine_ai.channels.chat.protocol import (
    ChatText,
    Hello,
    Ping,
    Typing,
    client_id_of,
    encode,
    error_event,
    parse_frame,
)
from heine_ai.channels.chat.session import ChatSession
from heine_ai.conversation_status import HUMAN_STATES, ConversationStatus
from heine_ai.errors import (
    AlreadyStarted,
    AppError,
    Forbidden,
    FrameTooLarge,
    HelloRequired,
    MalformedFrame,
    RateLimited,
)
from heine_ai.messages import Channel, InboundMessage
from heine_ai.observability.logging import get_logger
from heine_ai.tasks import cancel_and_wait

log = get_logger(__name__)

IDLE_CLOSE_CODE = 4008
FEED_FAILED_CLOSE_CODE = 1011
STAFF_REFUSED_CLOSE_CODE = 1008  # policy violation: the staff member may no longer follow
_STATUS_AFTER: dict[str, str] = {
    "escalated": ConversationStatus.PENDING_HUMAN,
    "agent_joined": ConversationStatus.HUMAN,
    "agent_left": ConversationStatus.BOT,
}


class Transport(Protocol):
    """What the connection needs of a WebSocket (Starlette's satisfies it)."""

    async def receive(self) -> Message: ...

    async def send_text(self, data: str) -> None: ...

    async def close(self, code: int = 1000, reason: str | None = None) -> None: ...


class ChunkSink:
    """The chat's ``on_text``: each verified piece of an answer as an ``answer_chunk`` event, numbered."""

    def __init__(self, send: Callable[[dict[str, Any]], Awaitable[None]]) -> None:
        self._send = send
        self._index = 0

    async def __call__(self, text: str) -> None:
        await self._send({"type": "answer_chunk", "text": text, "index": self._index})
        self._index += 1


class ChatConnection:
    def __init__(self, channel: ChatChannel, socket: Transport) -> None:
        self._channel = channel
        self._limits = channel.limits
        self._socket = socket
        self._send_lock = asyncio.Lock()
        self._frames: deque[float] = deque()
        self._session: ChatSession | None = None
        self._status: str = ConversationStatus.BOT
        self._inbox: asyncio.Queue[ChatText] = asyncio.Queue(channel.limits.max_pending)
        self._feed: asyncio.Task[None] | None = None
        self._worker: asyncio.Task[None] | None = None
        self._busy = False
        self._closed = False

    async def run(self) -> None:
        """Serve the socket until the client leaves, goes silent or the feed fails."""
        reason = "client_closed"
        self._channel.metrics.chat_sockets.inc()
        try:
            while True:
                try:
                    message = await asyncio.wait_for(self._socket.receive(), self._limits.idle_timeout)
                except TimeoutError:
                    reason = "idle_timeout"
                    await self._socket.close(IDLE_CLOSE_CODE, "idle timeout")
                    break
                if message["type"] == "websocket.disconnect":
                    break
                await self._on_frame(message)
        finally:
            self._closed = True
            self._channel.metrics.chat_sockets.dec()
            await self._stop()
            conversation_id = self._session.conversation_id if self._session else None
            log.info("chat_socket_closed", conversation_id=conversation_id, reason=reason)

    async def _stop(self) -> None:
        """End the feed; let the worker finish the messages it accepted, else end it too."""
        tasks = [self._feed]
        if self._worker is not None and (self._busy or not self._inbox.empty()):
            self._channel.keep(self._worker)
        else:
            tasks.append(self._worker)
        await cancel_and_wait(*tasks)

    async def _on_frame(self, message: Message) -> None:
        try:
            self._check_rate()
            text = message.get("text")
            if text is None:
                raise MalformedFrame("Binary frames are not supported; send JSON text.")
            if len(text.encode()) > self._limits.max_frame_bytes:
                raise FrameTooLarge(
                    f"The frame is larger than {self._limits.max_frame_bytes} bytes.",
                    details={"max_bytes": self._limits.max_frame_bytes},
                )
            await self._dispatch(parse_frame(text))
        except AppError as error:
            log.info("chat_frame_rejected", code=error.code, length=len(message.get("text") or ""))
            self._channel.metrics.chat_rejected.labels(code=error.code).inc()
            await self._send(error_event(error, client_id_of(message.get("text"))))

    def _check_rate(self) -> None:
        now = time.monotonic()
        while self._frames and now - self._frames[0] > self._limits.rate_window:
            self._frames.popleft()
        if len(self._frames) >= self._limits.rate_limit:
            retry = self._limits.rate_window - (now - self._frames[0])
            raise RateLimited(
                "Too many frames on this connection; this one was not processed.",
                details={"retry_after": round(max(retry, 0.0), 2)},
            )
        self._frames.append(now)

    async def _dispatch(self, frame: Hello | ChatText | Typing | Ping) -> None:
        if isinstance(frame, Ping):
            await self._send({"type": "pong", "nonce": frame.nonce})
            return
        if isinstance(frame, Hello):
            if self._session is not None:
                raise AlreadyStarted("This connection already has its session; open a new one to switch.")
            await self._start(frame)
            return
        session = self._session
        if session is None:
            raise HelloRequired("Send 'hello' first.")
        if isinstance(frame, Typing):
            who = "agent" if session.staff else "customer"
            event = {"type": "typing", "from": who, "active": frame.active}
            await self._channel.events.ephemeral(session.conversation_id, event)
            return
        if session.staff is not None:
            raise Forbidden("Staff answer through the agent API; this socket only follows the conversation.")
        if frame.client_id is not None:  # a resend of a stored message: acknowledged again, never stored twice
            seq = await self._channel.conversations.seq_of(session.conversation_id, "customer", frame.client_id)
            if seq is not None:
                await self._send({"type": "ack", "client_id": frame.client_id, "seq": seq})
                return
        try:
            self._inbox.put_nowait(frame)
        except asyncio.QueueFull:
            raise RateLimited("Too many messages are waiting for an answer; this one was not processed.") from None

    async def _start(self, hello: Hello) -> None:
        session = await self._channel.gate.start(hello)
        self._session = session
        self._status = session.status
        ready: dict[str, Any] = {
            "type": "ready",
            "session_id": session.conversation_id,
            "brand": session.brand,
            "status": session.status,
        }
        if session.new_token:
            ready["session_token"] = session.token
        await self._send(ready)
        log.info(
            "chat_session_ready",
            conversation_id=session.conversation_id,
            resumed=not session.new_token,
            staff=session.staff is not None,
            last_seq=hello.last_seq,
        )
        # the client's cursor counts only in the session it came from: a new session is followed from its start
        cursor = 0 if session.new_token else hello.last_seq
        self._feed = asyncio.create_task(self._follow(session, cursor))
        if session.staff is None:
            self._worker = asyncio.create_task(self._work(session))

    async def _follow(self, session: ChatSession, cursor: int) -> None:
        try:
            async for event in self._channel.feed.follow(session.conversation_id, cursor):
                if event["type"] == "typing" and event.get("from") == ("agent" if session.staff else "customer"):
                    continue  # one's own typing is not echoed
                await self._channel.gate.recheck(session)
                self._status = event.get("status") or _STATUS_AFTER.get(event["type"], self._status)
                await self._send(event)
        except asyncio.CancelledError:
            raise
        except AppError as error:  # the staff account was deactivated, demoted, logged out or lost the brand
            log.info("chat_staff_refused", conversation_id=session.conversation_id, code=error.code)
            await self._send(error_event(error))
            with contextlib.suppress(Exception):
                await self._socket.close(STAFF_REFUSED_CLOSE_CODE, error.code)
        except Exception as exc:  # a database or socket failure: close, the client resumes from its cursor
            log.warning("chat_feed_failed", conversation_id=session.conversation_id, error_type=type(exc).__name__)
            with contextlib.suppress(Exception):
                await self._socket.close(FEED_FAILED_CLOSE_CODE, "feed failed")

    async def _work(self, session: ChatSession) -> None:
        while not (self._closed and self._inbox.empty()):
            frame = await self._inbox.get()
            self._busy = True
            try:
                await self._answer(session, frame)
            finally:
                self._busy = False

    async def _answer(self, session: ChatSession, frame: ChatText) -> None:
        """Through the assistant; the stored message's echo (``customer_message`` with the ``client_id``) is the
        client's acknowledgement, and a resend that another connection stored meanwhile is answered once."""
        if self._status not in HUMAN_STATES:
            await self._send({"type": "typing", "from": "assistant", "active": True})
        message = InboundMessage(
            brand=session.brand,
            channel=Channel.WEB,
            text=frame.text,
            thread_key=session.conversation_id,
            session_token=session.token,
            metadata={"channel_message_id": frame.client_id} if frame.client_id else {},
        )
        try:
            await self._channel.assistant.handle(message, on_text=ChunkSink(self._send))
        except AppError as error:
            await self._send(error_event(error, frame.client_id))
        except Exception as exc:  # the customer's message is stored before anything can fail
            log.error("chat_message_failed", conversation_id=session.conversation_id, error_type=type(exc).__name__)
            await self._send(error_event(AppError("The answer failed; please try again."), frame.client_id))
        await self._send({"type": "typing", "from": "assistant", "active": False})

    async def _send(self, event: dict[str, Any]) -> None:
        """Send unless the connection is gone (the client gets what is stored when it resumes)."""
        if self._closed:
            return
        async with self._send_lock:
            try:
                await self._socket.send_text(encode(event))
            except (WebSocketDisconnect, RuntimeError, OSError):
                self._closed = True

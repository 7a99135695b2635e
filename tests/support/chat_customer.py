"""A web-chat customer that behaves like the widget on a bad network, for the flaky-proxy tests and the bench.

It types its questions (each with a client id) whether or not it is connected, keeps what is not acknowledged,
pings and counts a connection dead when no frame answers within ``pong_timeout``, reconnects with jittered
backoff, resumes with the last ``seq`` it showed and sends everything unacknowledged again. ``outcome`` compares
what it typed with what the server stored (the session's history over REST) and with what it showed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import secrets
from dataclasses import dataclass, field
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import WebSocketException


@dataclass(frozen=True, slots=True)
class Timings:
    ping_interval: float = 20.0  # the widget's defaults
    pong_timeout: float = 8.0
    think_min: float = 2.0
    think_max: float = 8.0
    deadline: float = 600.0  # the longest a customer tries before its unanswered messages count as lost


@dataclass
class Outcome:
    typed: int = 0
    lost: int = 0  # typed, but never stored, or stored and never shown to the customer
    duplicated: int = 0  # stored or shown more than once
    out_of_order: int = 0  # stored or shown in another order than typed
    unanswered: int = 0  # stored, but no answer stored after it
    redelivered: int = 0  # events the server sent again (the customer ignored them by seq)
    reconnects: int = 0
    gave_up: int = 0  # customers whose deadline passed with a message unacknowledged or unanswered


@dataclass
class ChatCustomer:
    ws_url: str
    brand: str
    questions: list[str]
    timings: Timings = field(default_factory=Timings)
    rng: random.Random = field(default_factory=random.Random)
    session_id: str | None = None
    token: str | None = None
    last_seq: int = 0
    typed: list[tuple[str, str]] = field(default_factory=list)  # (client id, text) in the order typed
    pending: dict[str, str] = field(default_factory=dict)  # unacknowledged, insertion-ordered
    shown: list[dict[str, Any]] = field(default_factory=list)  # stored events, once each, in arrival order
    redelivered: int = 0
    reconnects: int = 0
    finished: bool = False
    _sent_here: set[str] = field(default_factory=set)  # sent on the current connection
    _shown_keys: set[tuple[str, int]] = field(default_factory=set)  # (type, seq) of what ``shown`` holds
    _typed_event: asyncio.Event = field(default_factory=asyncio.Event)  # a message was typed: send it
    _failures: int = 0  # connection attempts in a row without ``ready``: the backoff grows with them
    _progress: asyncio.Event = field(default_factory=asyncio.Event)  # acknowledged or answered: look again

    async def run(self) -> None:
        """Type every question, then wait until each is acknowledged and answered (or the deadline passes)."""
        connection = asyncio.create_task(self._connection_loop())
        try:
            await asyncio.wait_for(self._conversation(), self.timings.deadline)
            self.finished = True
        except TimeoutError:
            pass
        finally:
            connection.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await connection

    async def _conversation(self) -> None:
        for text in self.questions:
            await asyncio.sleep(self.rng.uniform(self.timings.think_min, self.timings.think_max))
            client_id = secrets.token_hex(8)
            self.typed.append((client_id, text))
            self.pending[client_id] = text
            self._typed_event.set()
        while True:
            self._progress.clear()
            if not self.pending and self._answers() >= len(self.questions):
                return
            await self._progress.wait()

    def _answers(self) -> int:
        return sum(e["type"] == "answer" for e in self.shown)

    async def _connection_loop(self) -> None:
        while True:
            with contextlib.suppress(OSError, EOFError, TimeoutError, WebSocketException, ConnectionError):
                await self._connected()
            self._failures += 1
            self.reconnects += 1
            backoff = min(10.0, 0.5 * 2 ** min(self._failures, 5))
            await asyncio.sleep(backoff / 2 + self.rng.random() * backoff / 2)

    async def _connected(self) -> None:
        async with asyncio.timeout(2 * self.timings.pong_timeout):
            socket = await connect(self.ws_url, open_timeout=None, ping_interval=None, close_timeout=0.2)
        try:
            hello: dict[str, Any] = {"type": "hello", "brand": self.brand}
            if self.session_id:
                hello.update(session_id=self.session_id, session_token=self.token, last_seq=self.last_seq)
            await socket.send(json.dumps(hello))
            async with asyncio.timeout(2 * self.timings.pong_timeout):
                ready = json.loads(await socket.recv())
            if ready.get("type") != "ready":
                raise ConnectionError(f"refused: {ready.get('code')}")
            if ready.get("session_token"):
                self.session_id, self.token = ready["session_id"], ready["session_token"]
            self._failures = 0
            alive = asyncio.Event()
            tasks = [
                asyncio.create_task(self._read(socket, alive)),
                asyncio.create_task(self._send(socket)),
                asyncio.create_task(self._heartbeat(socket, alive)),
            ]
            try:
                done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    task.result()
            finally:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
        finally:
            socket.transport.abort()  # a stalled socket would take long to close politely

    async def _send(self, socket: ClientConnection) -> None:
        sent = self._sent_here = set()  # on this connection: a new one sends everything unacknowledged again
        while True:
            self._typed_event.clear()
            for client_id, text in list(self.pending.items()):
                if client_id not in sent:
                    await socket.send(json.dumps({"type": "message", "text": text, "client_id": client_id}))
                    sent.add(client_id)
            await self._typed_event.wait()

    async def _heartbeat(self, socket: ClientConnection, alive: asyncio.Event) -> None:
        """A ping every ``ping_interval`` (and at once after a message is typed); dead without an answer."""
        while True:
            alive.clear()
            await socket.send(json.dumps({"type": "ping", "nonce": secrets.token_hex(4)}))
            async with asyncio.timeout(self.timings.pong_timeout):
                await alive.wait()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._typed_event.wait(), self.timings.ping_interval)

    async def _read(self, socket: ClientConnection, alive: asyncio.Event) -> None:
        async for raw in socket:
            alive.set()
            self.on_event(json.loads(raw))

    def on_event(self, event: dict[str, Any]) -> None:
        """One server event, booked as the widget's ``onEvent`` does (``src/heine_ai/web/static/widget.js``).

        An ``ack`` only acknowledges: its ``seq`` is that of a message stored earlier, which need not have been
        shown yet (the resumed feed may still be replaying it), so it never moves the cursor. A stored event is
        shown once per type and ``seq`` and moves the cursor to the highest ``seq`` shown.
        """
        kind = event.get("type")
        if kind == "ack" or (kind == "customer_message" and event.get("client_id")):
            self.pending.pop(event["client_id"], None)
        if kind not in ("ack", "escalated") and isinstance(event.get("seq"), int):
            key = (kind, event["seq"])
            if key in self._shown_keys:
                self.redelivered += 1
            else:
                self._shown_keys.add(key)
                self.last_seq = max(self.last_seq, event["seq"])
                self.shown.append(event)
        if kind in ("ack", "customer_message", "answer"):
            self._progress.set()
        if kind == "error" and event.get("details", {}).get("client_id") in self.pending:
            asyncio.get_running_loop().call_later(1.0, self._retry, event["details"]["client_id"])

    def _retry(self, client_id: str) -> None:
        """What a customer does on "nicht gesendet – tippen zum Wiederholen": the message goes out again."""
        self._sent_here.discard(client_id)
        self._typed_event.set()

    async def outcome(self, base: str) -> Outcome:
        """Compare what was typed with what the server stored and what the customer showed."""
        result = Outcome(
            typed=len(self.typed),
            redelivered=self.redelivered,
            reconnects=self.reconnects,
            gave_up=0 if self.finished else 1,
        )
        stored: list[dict[str, Any]] = []
        if self.session_id:
            async with httpx.AsyncClient(base_url=base, timeout=30) as http:
                response = await http.get(
                    f"/api/v1/sessions/{self.session_id}/history", headers={"Authorization": f"Bearer {self.token}"}
                )
                response.raise_for_status()
                stored = response.json()["messages"]
        typed = [text for _, text in self.typed]
        for seen in ([m["content"] for m in stored if m["role"] == "user"], self._shown_texts()):
            result.lost = max(result.lost, sum(1 for text in typed if text not in seen))
            result.duplicated = max(result.duplicated, sum(seen.count(text) - 1 for text in set(seen)))
            firsts = [text for text in dict.fromkeys(seen) if text in typed]
            result.out_of_order = max(result.out_of_order, _displaced(firsts, [t for t in typed if t in firsts]))
        roles = [m["role"] for m in stored]
        result.unanswered = sum(
            1
            for index, role in enumerate(roles)
            if role == "user" and not any(r == "assistant" for r in roles[index + 1 : index + 2])
        )
        return result

    def _shown_texts(self) -> list[str]:
        return [e["text"] for e in self.shown if e["type"] == "customer_message"]


def _displaced(seen: list[str], expected: list[str]) -> int:
    """How many positions differ between two orderings of the same texts."""
    return sum(1 for a, b in zip(seen, expected, strict=True) if a != b)


def unique_questions(customer: int, questions: list[str]) -> list[str]:
    """The questions with a marker that makes each text unique (so a doubled or lost one can be told apart)."""
    return [f"{question} (Kundin {customer}, Frage {index + 1})" for index, question in enumerate(questions)]

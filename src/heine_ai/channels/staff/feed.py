"""The console's live feed: a WebSocket of the brands' conversation notices (route ``/api/v1/agent/events``).

The first frame must be ``{"type": "auth", "token": "<access token>"}`` (a token never goes into a URL, where
logs would keep it). The server answers ``{"type": "ready", "brands": [...]}`` and then forwards every notice
of the agent's brands as published (``{"type": "message" | "status", "conversation_id", ...}``): ids,
sequence numbers and states, never text. The console reads what changed through the agent API, so a lost
notice costs nothing but a later refresh. The token is checked against the account again before every notice
(``handoff/staff_auth.py``): a deactivated, demoted or logged-out account gets the error and the socket closes.
When the access token expires, the server sends an ``invalid_token`` error and closes; the console refreshes its
token and reconnects (and then follows the account's brands as they are).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncGenerator
from dataclasses import dataclass

from starlette.websockets import WebSocket, WebSocketDisconnect

from heine_ai.conversations.events import brand_topic
from heine_ai.errors import AppError
from heine_ai.handoff.schemas import Actor
from heine_ai.handoff.staff_auth import StaffAuth
from heine_ai.observability.logging import get_logger
from heine_ai.providers.pubsub import PubSub
from heine_ai.tasks import cancel_and_wait

log = get_logger(__name__)
AUTH_TIMEOUT = 10.0
POLICY_VIOLATION = 1008


@dataclass(frozen=True, slots=True)
class StaffFeed:
    """What every console socket of the process shares: built once in the lifespan, kept in ``AppState.staff``."""

    staff: StaffAuth
    pubsub: PubSub

    async def serve(self, websocket: WebSocket) -> None:
        """Run one accepted console socket until the client leaves or its token expires."""
        with contextlib.suppress(WebSocketDisconnect, RuntimeError, OSError):
            signed_in = await self._authenticate(websocket)
            if signed_in is None:
                return
            token, actor, expires_at = signed_in
            await websocket.send_json({"type": "ready", "brands": list(actor.brands)})
            log.info("agent_feed_opened", agent_id=actor.id)
            receiver = asyncio.create_task(_drain(websocket))
            try:
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout_at(_loop_time_of(expires_at)):
                        topics = [brand_topic(b) for b in actor.brands]
                        async with contextlib.aclosing(_merged(self.pubsub, topics, receiver)) as notices:
                            async for notice in notices:
                                await self.staff.actor(token)  # the account may still follow
                                await websocket.send_text(notice)
                if not receiver.done():  # the access token expired: the console reconnects with a fresh one
                    await _refuse(websocket, "invalid_token", "The token has expired.")
            except AppError as exc:
                await _refuse(websocket, exc.code, exc.message)
            finally:
                await cancel_and_wait(receiver)
                log.info("agent_feed_closed", agent_id=actor.id)

    async def _authenticate(self, websocket: WebSocket) -> tuple[str, Actor, float] | None:
        """The token, the staff member and when the token expires, or None after refusing the connection."""
        try:
            frame = json.loads(await asyncio.wait_for(websocket.receive_text(), AUTH_TIMEOUT))
            if not isinstance(frame, dict) or frame.get("type") != "auth" or not isinstance(frame.get("token"), str):
                raise ValueError
            caller = await self.staff.authenticate(frame["token"])
            return frame["token"], caller.account(), float(caller.principal.expires_at or time.time() + AUTH_TIMEOUT)
        except AppError as exc:
            await _refuse(websocket, exc.code, exc.message)
        except (TimeoutError, ValueError):
            await _refuse(websocket, "unauthorized", 'The first frame must be {"type": "auth", "token": "<jwt>"}.')
        return None


def _loop_time_of(expires_at: float) -> float:
    return asyncio.get_running_loop().time() + max(0.0, expires_at - time.time())


async def _refuse(websocket: WebSocket, code: str, message: str) -> None:
    await websocket.send_json({"type": "error", "code": code, "message": message})
    await websocket.close(code=POLICY_VIOLATION)


async def _drain(websocket: WebSocket) -> None:
    """Read (and ignore) what the client sends, so a closed socket ends the feed."""
    with contextlib.suppress(WebSocketDisconnect, RuntimeError, OSError):
        while True:
            await websocket.receive_text()


async def _merged(pubsub: PubSub, topics: list[str], stop: asyncio.Task[None]) -> AsyncGenerator[str, None]:
    """Every message of ``topics`` until ``stop`` finishes (the client went away)."""
    async with contextlib.AsyncExitStack() as stack:
        queues = [await stack.enter_async_context(pubsub.subscribe(topic)) for topic in topics]
        merged: asyncio.Queue[str] = asyncio.Queue()

        async def pump(queue: asyncio.Queue[str]) -> None:
            while True:
                merged.put_nowait(await queue.get())

        pumps = [asyncio.create_task(pump(queue)) for queue in queues]
        getter: asyncio.Future[str] | None = None
        try:
            while not stop.done():
                getter = asyncio.ensure_future(merged.get())
                done, _ = await asyncio.wait({getter, stop}, return_when=asyncio.FIRST_COMPLETED)
                if getter in done:
                    yield getter.result()
        finally:  # the pumps end before their subscriptions close
            await cancel_and_wait(getter, *pumps)

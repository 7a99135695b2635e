"""The calls: each one a conversation of channel ``phone``, its row holding the session token and the caller's
number (both encrypted) and how the call stands: ``active``, ``transferred``, ``callback`` or ``ended``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.conversation_status import ConversationStatus
from heine_ai.conversations.service import ConversationService
from heine_ai.db.models import PhoneCall, TicketEvent, utcnow
from heine_ai.errors import CallNotFound
from heine_ai.handoff import repository as handoff_repository
from heine_ai.handoff.state import Action
from heine_ai.messages import Channel
from heine_ai.providers.locks import LockStore
from heine_ai.security.crypto import Cipher


@dataclass(frozen=True, slots=True)
class Call:
    call_sid: str
    brand: str
    conversation_id: str
    token: str
    state: str
    turns: int
    started_at: datetime
    ended: bool


@dataclass(frozen=True, slots=True)
class Ended:
    """A call that has just ended: how it stood then and how long it lasted."""

    call: Call
    seconds: float


class CallLedger:
    def __init__(self, conversations: ConversationService, cipher: Cipher, locks: LockStore) -> None:
        self._conversations = conversations
        self._sessions = conversations.sessions
        self._cipher = cipher
        self._locks = locks

    async def start(self, brand: str, call_sid: str, caller: str | None) -> tuple[Call, bool]:
        """The call's record, opened with its conversation on the first webhook; True if this request opened it
        (the provider may repeat a webhook it saw no answer to)."""
        existing = await self.find(call_sid)
        if existing is not None:
            return existing, False
        try:
            async with self._sessions() as session, session.begin():
                conversation, token = await self._conversations.open(session, brand, Channel.PHONE)
                row = PhoneCall(
                    call_sid=call_sid,
                    brand=brand,
                    conversation_id=conversation.id,
                    token_enc=self._cipher.encrypt(token),
                    caller_enc=self._cipher.encrypt(caller) if caller else None,
                    state="active",
                    turns=0,
                    started_at=utcnow(),
                )
                session.add(row)
                await session.flush()
                return self._snapshot(row), True
        except IntegrityError:  # the same call's webhook, twice at once: the other request opened it
            again = await self.find(call_sid)
            if again is None:
                raise
            return again, False

    async def find(self, call_sid: str) -> Call | None:
        async with self._sessions() as session:
            row = await session.get(PhoneCall, call_sid)
            return self._snapshot(row) if row else None

    async def answered(self, call_sid: str) -> None:
        async with self._sessions() as session, session.begin():
            row = await self._row(session, call_sid)
            row.turns += 1

    async def mark(self, call_sid: str, state: str) -> None:
        async with self._sessions() as session, session.begin():
            (await self._row(session, call_sid)).state = state

    async def request_callback(self, call: Call, note: str) -> bool:
        """Note on the conversation's open ticket that the caller wants a call back, with the number (encrypted:
        the console shows it to the brand's staff only). False if there is no ticket or no number."""
        async with self._sessions() as session, session.begin():
            row = await self._row(session, call.call_sid)
            ticket = await handoff_repository.active_ticket(session, call.conversation_id)
            if ticket is None or row.caller_enc is None:
                return False
            number = self._cipher.decrypt(row.caller_enc)
            session.add(
                TicketEvent(
                    ticket_id=ticket.id,
                    actor="phone",
                    action=Action.NOTE.value,
                    reason="callback",
                    note_enc=self._cipher.encrypt(note.format(number=number)),
                    created_at=utcnow(),
                )
            )
            row.state = "callback"
            return True

    async def end(self, call_sid: str) -> Ended | None:
        """End the call once: after the turn in progress (the conversation's lock), the conversation is closed
        unless it waits for a person (a callback or a transfer keeps its ticket). None if it had ended already."""
        call = await self.find(call_sid)
        if call is None or call.ended:
            return None
        lock = self._locks.lock(f"conversation:{call.conversation_id}")
        async with lock, self._sessions() as session, session.begin():
            row = await self._row(session, call_sid)
            if row.ended_at is not None:
                return None
            now = utcnow()
            row.ended_at = now
            conversation = await self._conversations.get(session, call.conversation_id)
            if conversation.status == ConversationStatus.BOT:
                conversation.status = ConversationStatus.CLOSED
                conversation.closed_at = now
            before = self._snapshot(row)
        return Ended(before, (now - call.started_at).total_seconds())

    async def _row(self, session: AsyncSession, call_sid: str) -> PhoneCall:
        row = await session.get(PhoneCall, call_sid)
        if row is None:
            raise CallNotFound("No call with this CallSid.")
        return row

    def _snapshot(self, row: PhoneCall) -> Call:
        return Call(
            call_sid=row.call_sid,
            brand=row.brand,
            conversation_id=row.conversation_id,
            token=self._cipher.decrypt(row.token_enc),
            state=row.state,
            turns=row.turns,
            started_at=row.started_at,
            ended=row.ended_at is not None,
        )

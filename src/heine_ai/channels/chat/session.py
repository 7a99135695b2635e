"""The ``hello`` of a chat socket: a new session, or a resumed one with the same checks as the REST API.

A customer resumes with the session's own token. Service staff may follow a conversation (read only) with the
access token of their staff account, for the brands they serve (checked by ``handoff/staff_auth.py``; operator
tokens without an account are refused), re-checked before every event the socket sends them, so a
deactivated, demoted or logged-out account stops reading at once. Unknown ids, wrong or missing tokens and
expired sessions raise before anything of the conversation is read; another brand's conversation reads like an
unknown one.

A ``hello`` may carry the shop's signed customer id (``customer_id`` and ``user_hash``): checked before anything
else, a wrong signature refuses the hello (``invalid_user_hash``); a right one marks the conversation's customer as
verified, for a new session and for a resumed one alike. A ``customer_id`` without a hash is ignored here.
"""

from __future__ import annotations

from dataclasses import dataclass

from heine_ai.assistant.turn import Assistant
from heine_ai.channels.chat.protocol import Hello
from heine_ai.conversation_status import ConversationStatus
from heine_ai.conversations.service import ConversationService
from heine_ai.errors import SessionNotFound
from heine_ai.handoff.schemas import Actor
from heine_ai.handoff.staff_auth import StaffAuth
from heine_ai.messages import Channel
from heine_ai.security.user_hash import IdentityVerifier


@dataclass(frozen=True, slots=True)
class ChatSession:
    conversation_id: str
    brand: str
    status: str
    token: str | None  # the customer's session token; None for staff
    new_token: bool  # the token was issued by this hello and goes out once, in ``ready``
    staff: Actor | None = None
    staff_token: str | None = None  # the staff member's access token, checked again before every event


def _looks_like_jwt(token: str) -> bool:
    return token.count(".") == 2


class SessionGate:
    def __init__(
        self,
        assistant: Assistant,
        conversations: ConversationService,
        staff: StaffAuth,
        identity: IdentityVerifier,
    ) -> None:
        self._assistant = assistant
        self._conversations = conversations
        self._staff_auth = staff
        self._identity = identity

    async def start(self, hello: Hello) -> ChatSession:
        brand = self._assistant.brand(hello.brand).id
        customer = self._identity.verified(brand, hello.customer_id, hello.user_hash)
        if hello.session_id is None:
            return await self._open(brand, customer)
        token = hello.session_token
        if token and _looks_like_jwt(token):
            staff = await self._staff(token, brand)
            async with self._conversations.sessions() as session:
                conversation = await self._conversations.get(session, hello.session_id)
            if conversation.brand != brand:
                raise SessionNotFound("No conversation with this session_id.")
            return ChatSession(conversation.id, brand, conversation.status, None, False, staff, token)
        async with self._conversations.sessions() as session, session.begin():
            conversation = await self._conversations.for_customer(session, hello.session_id, token)
            if conversation.brand != brand:
                raise SessionNotFound("No conversation with this session_id.")
            if customer is not None:
                await self._conversations.verify_customer(session, conversation, customer)
        return ChatSession(conversation.id, brand, conversation.status, token, False)

    async def recheck(self, session: ChatSession) -> None:
        """Raises unless the staff member following ``session`` may still read it (customers pass)."""
        if session.staff_token is not None:
            await self._staff(session.staff_token, session.brand)

    async def _staff(self, token: str, brand: str) -> Actor:
        actor = await self._staff_auth.actor(token)
        if not actor.serves(brand):
            raise SessionNotFound("No conversation with this session_id.")
        return actor

    async def _open(self, brand: str, customer: str | None) -> ChatSession:
        async with self._conversations.sessions() as session, session.begin():
            conversation, token = await self._conversations.open(
                session, brand, Channel.WEB, customer, verified=customer is not None
            )
        return ChatSession(conversation.id, brand, ConversationStatus.BOT, token, True)

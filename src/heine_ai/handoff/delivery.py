"""Carrying an agent's stored reply to the customer through the conversation's channel, once.

Web chat needs no outbox: its sockets follow the conversation events and read the reply from the database; a web
chat the customer continues by e-mail (away mode) also gets the reply by mail, through the e-mail outbox.
Other channels (e-mail) register an ``Outbox``; the channel's id of what it sent (the e-mail Message-ID) is kept
on the message, so the customer's answer to it finds the thread.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.conversations.service import StoredMessage
from heine_ai.db.models import Conversation
from heine_ai.handoff import repository
from heine_ai.messages import Channel, Outbox, StaffMessage
from heine_ai.observability.logging import get_logger

log = get_logger(__name__)


class Delivery:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], outboxes: dict[Channel, Outbox]) -> None:
        self._sessions = sessions
        self._outboxes = outboxes  # the AppState's registry: channels may register after this is built

    async def deliver(self, conversation: Conversation, message: StoredMessage, author: str) -> bool:
        """True if the reply went out (or needs no outbox); False if the outbox failed. Never retried here."""
        channel = Channel(conversation.channel)
        outbox = self._outboxes.get(channel)
        if outbox is None:  # a web chat: its sockets have it; by mail too if the customer continues there
            mail = self._outboxes.get(Channel.EMAIL)
            if mail is None or not await mail.follows(conversation.id):
                return True
            channel, outbox = Channel.EMAIL, mail
        staff = StaffMessage(
            conversation_id=conversation.id,
            brand=conversation.brand,
            channel=channel,
            text=message.content,
            author=author,
            message_id=message.id,
            seq=message.seq,
        )
        try:
            channel_message_id = await outbox.deliver(staff)
        except Exception as exc:  # the reply is stored and visible in the console; the agent sees delivered=false
            log.warning(
                "agent_reply_undelivered", message_id=message.id, channel=channel.value, error_type=type(exc).__name__
            )
            return False
        if channel_message_id:
            async with self._sessions() as session, session.begin():
                await repository.set_channel_message_id(session, message.id, channel_message_id)
        log.info("agent_reply_delivered", message_id=message.id, channel=channel.value)
        return True

"""The export (GDPR Art. 15 and 20): one JSON document of everything held about a person, decrypted."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.db.models import (
    Attachment,
    Conversation,
    Customer,
    MailRecord,
    Message,
    PhoneCall,
    Rating,
    Ticket,
    TicketEvent,
    utcnow,
)
from heine_ai.privacy import repository
from heine_ai.privacy.subjects import Holdings, Subject
from heine_ai.security.crypto import Cipher

FORMAT_VERSION = 1


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


class Exporter:
    def __init__(self, cipher: Cipher) -> None:
        self._cipher = cipher

    def _plain(self, value: str | None) -> str | None:
        return self._cipher.decrypt(value) if value else None

    async def document(self, session: AsyncSession, subjects: Sequence[Subject], held: Holdings) -> dict[str, Any]:
        ids = held.conversation_ids
        messages: dict[str, list[Message]] = defaultdict(list)
        for message in await repository.messages(session, ids) if ids else []:
            messages[message.conversation_id].append(message)
        tickets: dict[str, list[Ticket]] = defaultdict(list)
        for ticket in await repository.tickets(session, ids) if ids else []:
            tickets[ticket.conversation_id].append(ticket)
        ticket_ids = [t.id for group in tickets.values() for t in group]
        events: dict[str, list[TicketEvent]] = defaultdict(list)
        for event in await repository.ticket_events(session, ticket_ids) if ticket_ids else []:
            events[event.ticket_id].append(event)
        mails: dict[str | None, list[MailRecord]] = defaultdict(list)
        for mail in await repository.mail_records(session, ids) if ids else []:
            mails[mail.conversation_id].append(mail)
        files: dict[str, list[Attachment]] = defaultdict(list)
        for file in await repository.attachments(session, ids) if ids else []:
            files[file.conversation_id].append(file)
        ratings = {rating.conversation_id: rating for rating in await repository.ratings(session, ids)} if ids else {}
        calls: dict[str, list[PhoneCall]] = defaultdict(list)
        for call in await repository.phone_calls(session, ids) if ids else []:
            calls[call.conversation_id].append(call)
        return {
            "format_version": FORMAT_VERSION,
            "generated_at": utcnow().isoformat(),
            "subject": {subject.kind.value: subject.value for subject in subjects},
            "customers": [self._customer(customer) for customer in held.customers],
            "conversations": [
                self._conversation(c, messages[c.id], tickets[c.id], events, mails[c.id])
                | {"files": [self._file(file) for file in files[c.id]], "rating": self._rating(ratings.get(c.id))}
                | {"phone_calls": [self._call(call) for call in calls[c.id]]}
                for c in held.conversations
            ],
            "emails_without_conversation": [self._mail(mail) for mail in held.loose_mails],
        }

    def _customer(self, customer: Customer) -> dict[str, Any]:
        return {
            "id": customer.id,
            "brand": customer.brand,
            "customer_id": self._plain(customer.external_id_enc),
            "email": self._plain(customer.email_enc),
            "created_at": _time(customer.created_at),
        }

    def _conversation(
        self,
        conversation: Conversation,
        messages: list[Message],
        tickets: list[Ticket],
        events: dict[str, list[TicketEvent]],
        mails: list[MailRecord],
    ) -> dict[str, Any]:
        return {
            "id": conversation.id,
            "brand": conversation.brand,
            "channel": conversation.channel,
            "status": conversation.status,
            "created_at": _time(conversation.created_at),
            "last_activity_at": _time(conversation.last_activity_at),
            "closed_at": _time(conversation.closed_at),
            "ai_disclosure_version": conversation.disclosure_version,
            "restricted_until": _time(conversation.restricted_until),
            "messages": [self._message(message) for message in messages],
            "tickets": [self._ticket(ticket, events[ticket.id]) for ticket in tickets],
            "emails": [self._mail(mail) for mail in mails],
        }

    def _message(self, message: Message) -> dict[str, Any]:
        return {
            "seq": message.seq,
            "role": message.role,
            "author": message.author_name,
            "text": self._cipher.decrypt(message.content_enc),
            "created_at": _time(message.created_at),
            "intent": message.intent,
            "language": message.language,
            "sources": [source.get("url") for source in message.sources or []],
        }

    def _ticket(self, ticket: Ticket, events: list[TicketEvent]) -> dict[str, Any]:
        return {
            "id": ticket.id,
            "reason": ticket.reason,
            "priority": ticket.priority,
            "status": ticket.status,
            "summary": self._plain(ticket.summary_enc),
            "resolution": ticket.resolution,
            "created_at": _time(ticket.created_at),
            "resolved_at": _time(ticket.resolved_at),
            "audit": [
                {
                    "action": event.action,
                    "actor": event.actor,
                    "from_status": event.from_status,
                    "to_status": event.to_status,
                    "reason": event.reason,
                    "note": self._plain(event.note_enc),
                    "created_at": _time(event.created_at),
                }
                for event in events
            ],
        }

    def _file(self, file: Attachment) -> dict[str, Any]:
        """A file the person sent, described (its bytes stay in the service: staff hand them out on request)."""
        return {
            "filename": self._cipher.decrypt(file.filename_enc),
            "content_type": file.content_type,
            "size": file.size,
            "refused": file.refused,
            "created_at": _time(file.created_at),
        }

    def _rating(self, rating: Rating | None) -> dict[str, Any] | None:
        if rating is None:
            return None
        return {
            "score": rating.score,
            "comment": self._plain(rating.comment_enc),
            "created_at": _time(rating.created_at),
        }

    def _mail(self, mail: MailRecord) -> dict[str, Any]:
        attachments = self._plain(mail.attachments_enc)
        content = self._plain(mail.content_enc)  # a confirmation mail not yet sent: its recipient and text
        pending = json.loads(content) if content else None
        return {
            "brand": mail.brand,
            "message_id": mail.message_id,
            "direction": mail.direction,
            "state": mail.state,
            "reason": mail.reason,
            "subject": self._plain(mail.subject_enc),
            "attachments": json.loads(attachments) if attachments else [],
            "to": pending["to"] if pending else None,
            "text": pending["text"] if pending else None,
            "size": mail.size,
            "created_at": _time(mail.created_at),
        }

    def _call(self, call: PhoneCall) -> dict[str, Any]:
        return {
            "caller": self._plain(call.caller_enc),
            "state": call.state,
            "turns": call.turns,
            "started_at": _time(call.started_at),
            "ended_at": _time(call.ended_at),
        }

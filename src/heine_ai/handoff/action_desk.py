"""The console's action queues: withdrawals, and the approval tasks the procedures create for exceptions (outside
the return window, damaged goods, a refund above the brand's threshold). A person approves or declines with one
call; the customer is told in the conversation the request came from, through its channel (the web chat follows
the stored message, an e-mail goes out through the channel's outbox). An approved return or exchange also gets its
label by e-mail, as one done at once does: the procedure prepared that mail when it asked for approval and the
e-mail channel holds it (``Confirmations``); approval releases it to the channel's queue, a decline drops it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.config import BrandConfig
from heine_ai.conversations.events import ConversationEvents
from heine_ai.conversations.service import ConversationService, NewMessage
from heine_ai.errors import NotFound
from heine_ai.handoff.delivery import Delivery
from heine_ai.handoff.schemas import Actor
from heine_ai.intents import Intent
from heine_ai.messages import Channel, Confirmations
from heine_ai.observability.logging import get_logger
from heine_ai.orders.commerce import ActionKind, ActionRecord, ActionState, CommerceBackend
from heine_ai.orders.confirmation_mail import approved_sentence
from heine_ai.orders.labels import has_label, label_url

log = get_logger(__name__)

Queue = Literal["withdrawals", "approvals", "all"]


@dataclass(frozen=True, slots=True)
class Decision:
    record: ActionRecord
    told: bool  # the customer was told (False: already decided before, or no conversation to tell)


class ActionDesk:
    def __init__(
        self,
        orders: CommerceBackend,
        sessions: async_sessionmaker[AsyncSession],
        conversations: ConversationService,
        events: ConversationEvents,
        delivery: Delivery,
        brands: dict[str, BrandConfig],
        confirmations: dict[Channel, Confirmations] | None = None,
    ) -> None:
        self._orders = orders
        self._sessions = sessions
        self._conversations = conversations
        self._events = events
        self._delivery = delivery
        self._brands = brands
        self._confirmations = confirmations if confirmations is not None else {}  # the AppState's registry

    async def queue(self, actor: Actor, brand: str, queue: Queue) -> list[ActionRecord]:
        if not actor.serves(brand):
            return []
        if queue == "approvals":
            return await self._orders.actions(brand, ActionState.PENDING_APPROVAL)
        records = await self._orders.actions(brand)
        if queue == "withdrawals":
            return [record for record in records if record.kind is ActionKind.WITHDRAWAL]
        return records

    async def decide(self, actor: Actor, brand: str, action_id: str, approve: bool) -> Decision:
        """Approve or decline a pending action of ``brand``; a second decision changes nothing."""
        known = {record.id for record in await self.queue(actor, brand, "all")}
        if action_id not in known:
            raise NotFound("No such action.", details={"action_id": action_id})
        record = await self._orders.decide(action_id, approve, actor.id)
        log.info("action_decided", action_id=action_id, brand=brand, agent_id=actor.id, approve=approve)
        if record.repeated or record.conversation_id is None:
            return Decision(record, told=False)
        return Decision(record, told=await self._tell(record, approve))

    async def _tell(self, record: ActionRecord, approve: bool) -> bool:
        assert record.conversation_id is not None
        brand = self._brands[record.brand]
        language = record.details.get("language", brand.language)
        texts = brand.actions.texts_for(language)
        if approve:
            text = approved_sentence(texts, record)
            if has_label(record):  # an approved return or exchange: its label, as after one done at once
                text = f"{text} {texts.label_link.format(url=label_url(record))}"
                if await self._label_mail(record, approve=True):
                    text = f"{text} {texts.mail_queued}"
        else:
            await self._label_mail(record, approve=False)
            text = texts.approval_declined.format(reference=record.reference)
        intent = Intent.ACTION_DONE if approve else Intent.ACTION_REFUSED
        message = NewMessage(role="assistant", content=text, intent=intent, language=language)
        async with self._sessions() as session, session.begin():
            conversation = await self._conversations.get(session, record.conversation_id)
            stored = await self._conversations.add(session, conversation, message)
            status = conversation.status
        await self._events.message_stored(conversation.id, brand.id, stored.seq, stored.role, status)
        return await self._delivery.deliver(conversation, stored, brand.display_name)

    async def _label_mail(self, record: ActionRecord, *, approve: bool) -> bool:
        """Release (approve) or drop the label mail held for ``record``; whether one is on its way."""
        mail = self._confirmations.get(Channel.EMAIL)
        if mail is None:
            return False
        if approve:
            return await mail.release(record.brand, record.id)
        await mail.drop(record.brand, record.id)
        return False

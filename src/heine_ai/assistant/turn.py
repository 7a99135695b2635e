"""The assistant's turn: one inbound message in, one ``Reply`` out, whatever channel it came through.

1. take the conversation's lock, start the read ahead (``prefetch.py``) and store the customer's message
   (``records.py``: committed at once, so nothing is lost whatever happens next);
2. decide the language of the reply, once: the channels frame the reply in it (an e-mail's greeting);
3. while a person owns the conversation the bot stays silent: the reply is ``silent``;
4. otherwise the answer policy (``policy.py``) decides what to say and whether to escalate;
5. store the reply (an escalation hands the conversation over), count metrics and return it. A caller that
   shows an answer while a model writes it passes ``on_text``; the returned reply is the authority.
"""

from __future__ import annotations

import contextlib
import time

from heine_ai.assistant.drafts import Draft
from heine_ai.assistant.mail_wording import for_mail
from heine_ai.assistant.policy import AnswerPolicy, Question
from heine_ai.assistant.records import ConversationRecords, Received
from heine_ai.assistant.understanding import understand
from heine_ai.config import BrandConfig
from heine_ai.conversation_status import HUMAN_STATES
from heine_ai.conversations.service import StoredMessage
from heine_ai.errors import AppError, BrandNotFound, EmptyMessage, MessageTooLong, ValidationFailed
from heine_ai.intents import Intent
from heine_ai.languages import Language, conversation_language, detect_language
from heine_ai.messages import Channel, EscalationReason, InboundMessage, Reply
from heine_ai.observability.logging import get_logger
from heine_ai.observability.metrics import Metrics
from heine_ai.observability.timing import span
from heine_ai.providers.llm.base import TextSink
from heine_ai.providers.locks import LockStore
from heine_ai.text import storable

log = get_logger(__name__)


class Assistant:
    def __init__(
        self,
        *,
        brands: dict[str, BrandConfig],
        records: ConversationRecords,
        locks: LockStore,
        policy: AnswerPolicy,
        metrics: Metrics,
        max_message_length: int,
    ) -> None:
        self._brands = brands
        self._records = records
        self._locks = locks
        self._policy = policy
        self._metrics = metrics
        self._max_length = max_message_length

    def brand(self, brand_id: str) -> BrandConfig:
        brand = self._brands.get(brand_id)
        if brand is None:
            raise BrandNotFound(f"Unknown brand '{brand_id}'.", details={"known": sorted(self._brands)})
        return brand

    def validate(self, text: str) -> str:
        stripped = text.strip()
        if not stripped:
            raise EmptyMessage("The message is empty.")
        if not storable(stripped):
            raise ValidationFailed("The message is not valid Unicode (a lone surrogate).")
        if len(stripped) > self._max_length:
            raise MessageTooLong(
                f"The message is longer than {self._max_length} characters.",
                details={"max_length": self._max_length},
            )
        return stripped

    async def handle(self, message: InboundMessage, *, on_text: TextSink | None = None) -> Reply:
        """Answer ``message``; ``on_text`` gets the verified pieces of a model's answer as it is written."""
        started = time.perf_counter()
        brand = self.brand(message.brand)
        text = self.validate(message.text)
        try:
            return await self._turn(message, brand, text, started, on_text)
        except AppError:
            raise
        except Exception as exc:
            self._metrics.errors.labels(brand=brand.id, error_type=type(exc).__name__).inc()
            self._metrics.observe_request(brand.id, message.channel, "error", time.perf_counter() - started)
            raise

    async def for_staff(self, message: InboundMessage, reason: EscalationReason) -> str:
        """Store a customer message only a person can handle (a file without any text) and hand the conversation
        to the staff if the bot held it; the bot says nothing. Returns the conversation id."""
        brand = self.brand(message.brand)
        key = message.thread_key
        guard = self._locks.lock(f"conversation:{key}") if key else contextlib.nullcontext()
        async with guard:
            received = await self._records.receive(message, brand, message.text)
            if received.status not in HUMAN_STATES:
                await self._records.hand_over(received.conversation_id, brand, reason)
                self._metrics.escalations.labels(brand=brand.id, reason=reason.value).inc()
        log.info("message_for_staff", conversation_id=received.conversation_id, brand=brand.id, reason=reason.value)
        return received.conversation_id

    async def _turn(
        self, message: InboundMessage, brand: BrandConfig, text: str, started: float, on_text: TextSink | None
    ) -> Reply:
        """One turn at a time per conversation; a new conversation's id is known to nobody else yet."""
        key = message.thread_key
        guard = self._locks.lock(f"conversation:{key}") if key else contextlib.nullcontext()
        async with guard:
            with span("understand"):
                understood = understand(text)
            follows_up = bool(key) and understood.is_follow_up
            async with self._policy.prefetch(brand, understood, follows_up=follows_up) as prefetch:
                with span("store_message"):
                    received = await self._records.receive(message, brand, text)
                earlier = [m.content for m in received.history if m.role == "customer"]
                language = detect_language(text, conversation_language(earlier, brand.language))
                if received.answered_before:
                    return self._repeated(message, brand, received, language, started)
                if received.status in HUMAN_STATES:
                    return self._silent(message, brand, received, language, started)
                question = Question(
                    text,
                    understood,
                    language,
                    received.history,
                    received.conversation_id,
                    on_text,
                    message.channel,
                    message.sender,
                    received.customer,
                )
                with span("decide"):
                    draft = await self._policy.decide(brand, question, prefetch)
                if message.channel is Channel.EMAIL:
                    draft = for_mail(draft, brand, brand.texts_for(language))
            elapsed = time.perf_counter() - started
            with span("store_reply"):
                stored = await self._records.reply(received.conversation_id, brand, draft, language, elapsed)
        return self._finish(message, brand, received, language, draft, stored, started)

    def _silent(
        self, message: InboundMessage, brand: BrandConfig, received: Received, language: Language, started: float
    ) -> Reply:
        """A person owns the conversation: the customer's message is stored and waits for them, the bot is silent."""
        elapsed = time.perf_counter() - started
        self._metrics.observe_request(brand.id, message.channel, "handed_over", elapsed)
        log.info("message_for_staff", conversation_id=received.conversation_id, brand=brand.id, status=received.status)
        return Reply(
            session_id=received.conversation_id,
            text="",
            confidence=0.0,
            escalation_required=True,
            processing_time=round(elapsed, 4),
            language=language,
            intent=Intent.WAITING_FOR_HUMAN,
            session_token=received.token,
            silent=True,
        )

    def _repeated(
        self, message: InboundMessage, brand: BrandConfig, received: Received, language: Language, started: float
    ) -> Reply:
        """A channel sent a message again (same channel id) that is stored and answered already: nothing is stored
        or said twice; the earlier reply stands."""
        elapsed = time.perf_counter() - started
        self._metrics.observe_request(brand.id, message.channel, "repeated", elapsed)
        log.info("message_repeated", conversation_id=received.conversation_id, brand=brand.id)
        return Reply(
            session_id=received.conversation_id,
            text="",
            confidence=0.0,
            escalation_required=received.status in HUMAN_STATES,
            processing_time=round(elapsed, 4),
            language=language,
            session_token=received.token,
            silent=True,
        )

    def _finish(
        self,
        message: InboundMessage,
        brand: BrandConfig,
        received: Received,
        language: Language,
        draft: Draft,
        stored: StoredMessage,
        started: float,
    ) -> Reply:
        elapsed = time.perf_counter() - started
        escalated = draft.escalation is not None or draft.role == "system"
        outcome = "escalated" if draft.escalation else ("no_answer" if draft.intent is Intent.NO_ANSWER else "answered")
        self._metrics.observe_request(brand.id, message.channel, outcome, elapsed)
        if draft.escalation is not None:
            self._metrics.escalations.labels(brand=brand.id, reason=draft.escalation.value).inc()
        log.info(
            "message_answered",
            conversation_id=received.conversation_id,
            brand=brand.id,
            channel=message.channel.value,
            intent=draft.intent.value,
            escalation=draft.escalation.value if draft.escalation else None,
            confidence=round(draft.confidence, 3),
            message_length=len(message.text),
            seconds=round(elapsed, 4),
        )
        return Reply(
            session_id=received.conversation_id,
            text=draft.text,
            confidence=round(draft.confidence, 4),
            escalation_required=escalated,
            processing_time=round(elapsed, 4),
            language=language,
            sources=draft.sources,
            escalation_reason=draft.escalation,
            intent=draft.intent,
            session_token=received.token,
            message_id=stored.id,
        )

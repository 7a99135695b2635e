"""The assistant's pipeline: one inbound message in, one reply out, through whatever channel it came.

1. take the conversation's lock, open or load the conversation, store the customer's message (committed at
   once, so nothing is lost whatever happens next);
2. while a person owns the conversation the bot stays silent: the customer gets an acknowledgment only;
3. understand: escalation signals, greetings, follow-ups (resolved with the previous question);
4. escalate, or retrieve from the brand's knowledge and answer with sources when the relevance is high enough;
5. store the reply with sources, confidence and latency, count metrics, send it through the output channel.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass, replace

from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.assistant.answer_cache import AnswerCache
from heine_ai.assistant.classifiers import Classifiers
from heine_ai.assistant.drafts import RULE_CONFIDENCE, Draft
from heine_ai.assistant.language import conversation_language, detect_language
from heine_ai.assistant.order_status import OrderDialogue
from heine_ai.assistant.understanding import Understanding, understand
from heine_ai.config import BrandConfig
from heine_ai.conversations.events import ConversationEvents
from heine_ai.conversations.service import HUMAN_STATES, ConversationService, NewMessage, StoredMessage
from heine_ai.db.models import Conversation
from heine_ai.errors import AppError, BrandNotFound, EmptyMessage, MessageTooLong
from heine_ai.handoff.tickets import TicketOpener
from heine_ai.knowledge.retrieval import KnowledgeBase, Preference, RetrievedChunk
from heine_ai.messages import EscalationReason, InboundMessage, OutputChannel, Reply, Source
from heine_ai.observability.logging import get_logger
from heine_ai.observability.metrics import Metrics
from heine_ai.orders.service import OrderService
from heine_ai.providers.embeddings import Vector
from heine_ai.providers.llm.base import LLM, AnswerRequest, TextSink, Turn
from heine_ai.providers.locks import LockStore
from heine_ai.tasks import cancel_and_wait
from heine_ai.text import plain

log = get_logger(__name__)

HISTORY_TURNS = 6
SOURCE_RELEVANCE_SHARE = 0.8  # further sources must be nearly as relevant as the best one


@dataclass(frozen=True, slots=True)
class PipelineSettings:
    relevance_threshold: float
    max_message_length: int
    top_k: int = 3


class Assistant:
    def __init__(
        self,
        *,
        brands: dict[str, BrandConfig],
        conversations: ConversationService,
        knowledge: KnowledgeBase,
        llm: LLM,
        locks: LockStore,
        metrics: Metrics,
        settings: PipelineSettings,
        orders: OrderService,
        answers: AnswerCache,
        events: ConversationEvents,
        classifiers: Classifiers,
        tickets: TicketOpener | None = None,
    ) -> None:
        self._brands = brands
        self._conversations = conversations
        self._knowledge = knowledge
        self._llm = llm
        self._locks = locks
        self._metrics = metrics
        self._settings = settings
        self._order_dialogue = OrderDialogue(orders)
        self._answers = answers
        self._events = events
        self._classifiers = classifiers
        self._tickets = tickets

    def brand(self, brand_id: str) -> BrandConfig:
        brand = self._brands.get(brand_id)
        if brand is None:
            raise BrandNotFound(f"Unknown brand '{brand_id}'.", details={"known": sorted(self._brands)})
        return brand

    def validate(self, text: str) -> str:
        stripped = text.strip()
        if not stripped:
            raise EmptyMessage("The message is empty.")
        if len(stripped) > self._settings.max_message_length:
            raise MessageTooLong(
                f"The message is longer than {self._settings.max_message_length} characters.",
                details={"max_length": self._settings.max_message_length},
            )
        return stripped

    async def handle(self, message: InboundMessage, output: OutputChannel) -> Reply:
        started = time.perf_counter()
        brand = self.brand(message.brand)
        text = self.validate(message.text)
        try:
            on_text = getattr(output, "send_chunk", None)  # a StreamingOutput shows the answer as it is written
            reply = await self._handle_locked(message, brand, text, started, on_text)
        except AppError:
            raise
        except Exception as exc:
            self._metrics.errors.labels(brand=brand.id, error_type=type(exc).__name__).inc()
            self._metrics.observe_request(brand.id, message.channel, "error", time.perf_counter() - started)
            raise
        await output.send_reply(reply)
        return reply

    async def _handle_locked(
        self, message: InboundMessage, brand: BrandConfig, text: str, started: float, on_text: TextSink | None
    ) -> Reply:
        """One request at a time per conversation; a new conversation's id is known to nobody else yet."""
        key = message.thread_key
        guard = self._locks.lock(f"conversation:{key}") if key else contextlib.nullcontext()
        async with guard:
            understood = understand(text)
            ahead = self._look_ahead(brand, text, understood, follows_up=bool(key) and understood.is_follow_up)
            try:
                conversation_id, token, status, history = await self._receive(message, brand, text)
                if status in HUMAN_STATES:
                    return self._silent(message, brand, conversation_id, token, status, started)
                draft = await self._decide(brand, conversation_id, text, understood, history, on_text, ahead)
            finally:
                if ahead is not None:
                    await _drop(ahead)
            elapsed = time.perf_counter() - started
            outgoing = _to_new_message(draft, elapsed)
            async with self._conversations.sessions() as session, session.begin():
                if draft.escalation is None:  # nothing changes but the messages: no need to load the conversation
                    stored, status = await self._conversations.append(session, conversation_id, outgoing)
                else:
                    conversation = await self._conversations.get(session, conversation_id)
                    await self._apply_state(session, conversation, draft)
                    stored = await self._conversations.add(session, conversation, outgoing)
                    status = conversation.status
            await self._events.message_stored(conversation_id, brand.id, stored.seq, stored.role, status)
        return self._finish(message, brand, conversation_id, token, draft, stored, started)

    async def _receive(
        self, message: InboundMessage, brand: BrandConfig, text: str
    ) -> tuple[str, str | None, str, list[StoredMessage]]:
        """Open or load the conversation and store the customer's message, committed before anything else."""
        async with self._conversations.sessions() as session, session.begin():
            conversation, token, history = await self._open_or_load(session, message, brand)
            channel_id = message.metadata.get("channel_message_id")  # e.g. the e-mail's Message-ID
            inbound = NewMessage(role="customer", content=text, channel_message_id=channel_id)
            stored = await self._conversations.add_once(session, conversation, inbound)
            status = conversation.status
        await self._events.message_stored(conversation.id, brand.id, stored.seq, stored.role, status)
        return conversation.id, token, status, [m for m in history if m.id != stored.id]

    async def _open_or_load(
        self, session: AsyncSession, message: InboundMessage, brand: BrandConfig
    ) -> tuple[Conversation, str | None, list[StoredMessage]]:
        if message.thread_key:
            conversation = await self._conversations.for_customer(session, message.thread_key, message.session_token)
            return conversation, None, await self._conversations.history(session, conversation.id, HISTORY_TURNS)
        customer_ref = message.metadata.get("customer_id")
        conversation, token = await self._conversations.open(
            session, brand.id, message.channel, str(customer_ref) if customer_ref else None
        )
        return conversation, token, []

    def _look_ahead(
        self, brand: BrandConfig, text: str, understood: Understanding, *, follows_up: bool
    ) -> asyncio.Future[Ahead] | None:
        """Read the answer cache and start the query embedding while the message is stored: the two overlap,
        and the embedding is most of a message's time. Not for a message that a rule decides (escalation,
        greeting) nor for a follow-up in a running conversation, whose query joins the previous question; a new
        conversation has none to join, so a first message that reads like a follow-up ("Und wie lange dauert
        das?") is searched as it is."""
        if understood.escalation is not None or understood.intent in ("greeting", "thanks") or follows_up:
            return None
        return asyncio.ensure_future(self._ahead(brand, text))

    async def _ahead(self, brand: BrandConfig, text: str) -> Ahead:
        """The cached answer in the language the words suggest, else the query vector: a cached answer needs no
        embedding, and under load the single e5 thread must not spend itself on answers already had."""
        version = await self._knowledge.current_version(brand.id)
        language = detect_language(text, brand.language)
        cached = await self._answers.peek(brand.id, version, language, text)
        vector = None if cached is not None else await self._knowledge.embed_query(text)
        return Ahead(version, language, cached, vector)

    async def _cached(
        self, brand: BrandConfig, version: int, language: str, text: str, ahead: asyncio.Future[Ahead] | None
    ) -> Draft | None:
        """The cache read ahead where it asked the same (knowledge version, language); else a read now."""
        looked = await ahead if ahead is not None else None
        if looked is None or (looked.version, looked.language) != (version, language):
            return await self._answers.get(brand.id, version, language, text)
        self._answers.count(brand.id, hit=looked.cached is not None)
        return looked.cached

    async def _decide(
        self,
        brand: BrandConfig,
        conversation_id: str,
        text: str,
        understood: Understanding,
        history: list[StoredMessage],
        on_text: TextSink | None = None,
        ahead: asyncio.Future[Ahead] | None = None,
    ) -> Draft:
        earlier = [m.content for m in history if m.role == "customer"]
        language = detect_language(text, conversation_language(earlier, brand.language))
        texts = brand.texts_for(language)
        if understood.escalation is not None:
            wording = (
                texts.human_request if understood.escalation is EscalationReason.HUMAN_REQUEST else texts.escalation
            )
            return Draft(wording, RULE_CONFIDENCE, understood.intent, escalation=understood.escalation)
        order = await self._order_dialogue.turn(brand, text, history, language)
        if order is not None:
            return Draft(order.text, RULE_CONFIDENCE, order.intent, escalation=order.escalation)
        if understood.intent in ("greeting", "thanks"):
            return Draft(texts.greeting_reply, RULE_CONFIDENCE, understood.intent)
        question = Question(text, text, language, history, conversation_id, on_text, ahead)
        previous = _answered_question(history)
        if understood.is_follow_up and previous is not None:
            return await self._answer(brand, replace(question, query=f"{previous} {text}", ahead=None))
        version = await self._knowledge.current_version(brand.id)
        cached = await self._cached(brand, version, language, text, ahead)
        if cached is not None:
            return cached
        draft = await self._answer(brand, question)
        if draft.sources:  # a miss depends on the history (the second one escalates): not cached
            await self._answers.put(brand.id, version, language, text, draft)
        return draft

    async def _answer(self, brand: BrandConfig, question: Question) -> Draft:
        """Search once, let the classifiers judge the same query vector, then answer, decline or escalate."""
        texts = brand.texts_for(question.language)
        prefer = Preference(question.language, self._settings.relevance_threshold)  # the customer's language first
        ahead = await question.ahead if question.ahead is not None else None
        vector, results = await self._knowledge.lookup(
            brand.id, question.query, k=self._settings.top_k, vector=ahead.vector if ahead else None, prefer=prefer
        )
        judged = self._classifiers.assess(question.query, vector, results)
        if judged.escalation is not None:
            intent = "complaint" if judged.escalation is EscalationReason.COMPLAINT else judged.escalation.value
            return Draft(texts.escalation, judged.intent.confidence, intent, escalation=judged.escalation)
        if judged.intent.is_out_of_scope:
            return Draft(texts.out_of_scope, judged.intent.confidence, "out_of_scope")
        if judged.intent.intent == "greeting_thanks":
            return Draft(texts.greeting_reply, judged.intent.confidence, "greeting")
        confident = [r for r in results if r.relevance >= self._settings.relevance_threshold]
        if not confident:
            best = results[0].relevance if results else 0.0
            log.info("answer_low_confidence", conversation_id=question.conversation_id, relevance=best)
            if _last_assistant_was_no_answer(question.history):  # the second low-confidence answer in a row
                return Draft(texts.escalation, best, "no_answer", escalation=EscalationReason.REPEATED_FAILURE)
            return Draft(texts.no_answer, best, "no_answer")
        passages = tuple(r.as_passage() for r in confident)
        turns = tuple(Turn(role=m.role, text=m.content) for m in question.history)
        request = AnswerRequest(
            question.text, passages, brand, turns, language=question.language, on_text=question.on_text
        )
        answer = await self._llm.answer(request)
        if answer.fallback is not None:  # the model's text was rejected or not had: operators watch this rate
            self._metrics.llm_fallbacks.labels(brand=brand.id, reason=answer.fallback).inc()
        best = confident[0].relevance
        sources = _sources([r for r in confident if r.relevance >= best * SOURCE_RELEVANCE_SHARE])
        return Draft(answer.text, best, judged.intent.intent, sources=sources)

    async def _apply_state(self, session: AsyncSession, conversation: Conversation, draft: Draft) -> None:
        """An escalation hands the conversation to a person and opens its ticket, in the same transaction."""
        if draft.escalation is not None and conversation.status == "bot":
            conversation.status = "pending_human"
            conversation.escalation_reason = draft.escalation.value
            if self._tickets is not None:
                await self._tickets.open(session, conversation, draft.escalation.value)

    def _silent(
        self,
        message: InboundMessage,
        brand: BrandConfig,
        conversation_id: str,
        token: str | None,
        status: str,
        started: float,
    ) -> Reply:
        """A person owns the conversation: the customer's message is stored and waits for them, the bot is silent."""
        elapsed = time.perf_counter() - started
        self._metrics.observe_request(brand.id, message.channel, "handed_over", elapsed)
        log.info("message_for_staff", conversation_id=conversation_id, brand=brand.id, status=status)
        return Reply(
            session_id=conversation_id,
            text="",
            confidence=0.0,
            escalation_required=True,
            processing_time=round(elapsed, 4),
            intent="waiting_for_human",
            session_token=token,
            silent=True,
        )

    def _finish(
        self,
        message: InboundMessage,
        brand: BrandConfig,
        conversation_id: str,
        token: str | None,
        draft: Draft,
        stored: StoredMessage,
        started: float,
    ) -> Reply:
        elapsed = time.perf_counter() - started
        escalated = draft.escalation is not None or draft.role == "system"
        status = "escalated" if draft.escalation else ("no_answer" if draft.intent == "no_answer" else "answered")
        self._metrics.observe_request(brand.id, message.channel, status, elapsed)
        if draft.escalation is not None:
            self._metrics.escalations.labels(brand=brand.id, reason=draft.escalation.value).inc()
        log.info(
            "message_answered",
            conversation_id=conversation_id,
            brand=brand.id,
            channel=message.channel.value,
            intent=draft.intent,
            escalation=draft.escalation.value if draft.escalation else None,
            confidence=round(draft.confidence, 3),
            message_length=len(message.text),
            seconds=round(elapsed, 4),
        )
        return Reply(
            session_id=conversation_id,
            text=draft.text,
            confidence=round(draft.confidence, 4),
            escalation_required=escalated,
            processing_time=round(elapsed, 4),
            sources=draft.sources,
            escalation_reason=draft.escalation,
            intent=draft.intent,
            session_token=token,
            message_id=stored.id,
        )


@dataclass(frozen=True, slots=True)
class Question:
    """A message to answer from the knowledge: ``query`` is what is searched (a follow-up adds its predecessor)."""

    text: str
    query: str
    language: str
    history: list[StoredMessage]
    conversation_id: str
    on_text: TextSink | None = None  # verified pieces of the answer while a model streams (web chat)
    ahead: asyncio.Future[Ahead] | None = None  # the cache read and embedding of ``query`` started ahead, if any


@dataclass(frozen=True, slots=True)
class Ahead:
    """What was fetched while the message was stored: the answer cache's entry for the question in ``language``
    at knowledge ``version``, and, only where there was none, the question's query vector."""

    version: int
    language: str
    cached: Draft | None
    vector: Vector | None


async def _drop(ahead: asyncio.Future[Ahead]) -> None:
    """The look ahead was not needed (the order dialogue, a person owns the conversation) or is used up: cancel
    it and wait until it has ended, taking its error so that asyncio does not report it as lost. Waiting matters:
    cancelled inside its database read, it rolls back, and a task left to do that on its own could outlive the
    app's database engine at shutdown and never finish."""
    await cancel_and_wait(ahead)


def _answered_question(history: list[StoredMessage]) -> str | None:
    """The customer's previous message if the bot answered it from a source: only that can be followed up
    ("Und wie lange dauert das?"); after a miss or a refusal a message stands on its own."""
    if len(history) >= 2 and history[-2].role == "customer" and history[-1].role == "assistant":
        return history[-2].content if history[-1].sources else None
    return None


def _last_assistant_was_no_answer(history: list[StoredMessage]) -> bool:
    """Whether the bot's last reply found no source; declining an out-of-scope request is no failure."""
    replies = [m for m in history if m.role == "assistant" and m.intent != "out_of_scope"]
    return bool(replies) and replies[-1].intent == "no_answer"


def _sources(results: list[RetrievedChunk]) -> tuple[Source, ...]:
    seen: set[str] = set()
    sources = []
    for result in results:
        if result.url in seen:
            continue
        seen.add(result.url)
        sources.append(
            Source(
                title=result.title,
                url=result.url,
                relevance=result.relevance,
                snippet=plain(result.chunk.text)[:200],
            )
        )
    return tuple(sources)


def _to_new_message(draft: Draft, elapsed: float) -> NewMessage:
    return NewMessage(
        role=draft.role,
        content=draft.text,
        sources=[{"title": s.title, "url": s.url, "relevance": s.relevance} for s in draft.sources],
        confidence=draft.confidence,
        escalation=draft.escalation is not None,
        escalation_reason=draft.escalation.value if draft.escalation else None,
        intent=draft.intent,
        latency_ms=round(elapsed * 1000, 2),
    )

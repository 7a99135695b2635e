"""The answer policy: what the assistant says to one customer message, and whether it escalates.

In this order: an escalation signal of the cue lists (the floor no model overrides), the order-status dialogue,
a greeting, then the knowledge: a follow-up is searched together with the question it follows, other questions
come from the answer cache when they can. The classifiers judge the search's query vector (a complaint or insult
escalates, an out-of-scope request is declined); passages relevant enough go to the LLM; below the threshold
the customer is offered a colleague, and the second such answer in a row escalates.
"""

from __future__ import annotations

from dataclasses import dataclass

from heine_ai.assistant.answer_cache import AnswerCache
from heine_ai.assistant.classifiers import Classifiers
from heine_ai.assistant.drafts import RULE_CONFIDENCE, Draft
from heine_ai.assistant.order_status import OrderDialogue
from heine_ai.assistant.prefetch import Prefetch
from heine_ai.assistant.understanding import Understanding, escalation_intent
from heine_ai.config import BrandConfig
from heine_ai.conversations.service import StoredMessage
from heine_ai.intents import Intent
from heine_ai.knowledge.retrieval import KnowledgeBase, Preference, RetrievedChunk
from heine_ai.languages import Language
from heine_ai.messages import EscalationReason, Source
from heine_ai.observability.logging import get_logger
from heine_ai.observability.metrics import Metrics
from heine_ai.orders.service import OrderService
from heine_ai.providers.embeddings import Vector
from heine_ai.providers.llm.base import LLM, AnswerRequest, TextSink, Turn
from heine_ai.providers.llm.questions import question_parts
from heine_ai.text import plain

log = get_logger(__name__)

SOURCE_RELEVANCE_SHARE = 0.8  # further sources must be nearly as relevant as the best one
_SMALL_TALK = (Intent.GREETING, Intent.THANKS)


@dataclass(frozen=True, slots=True)
class AnswerSettings:
    relevance_threshold: float
    top_k: int = 3


@dataclass(frozen=True, slots=True)
class Question:
    """One customer message to answer, in the language the turn decided for it."""

    text: str
    understood: Understanding
    language: Language
    history: list[StoredMessage]
    conversation_id: str
    on_text: TextSink | None = None  # verified pieces of the answer while a model streams (web chat)


class AnswerPolicy:
    def __init__(
        self,
        *,
        knowledge: KnowledgeBase,
        answers: AnswerCache,
        classifiers: Classifiers,
        llm: LLM,
        orders: OrderService,
        metrics: Metrics,
        settings: AnswerSettings,
    ) -> None:
        self._knowledge = knowledge
        self._answers = answers
        self._classifiers = classifiers
        self._llm = llm
        self._order_dialogue = OrderDialogue(orders)
        self._metrics = metrics
        self._settings = settings

    def prefetch(self, brand: BrandConfig, text: str, understood: Understanding, *, follows_up: bool) -> Prefetch:
        """The read ahead for a message the knowledge will answer as it is. Not for a message that a rule
        decides (escalation, greeting) nor for a follow-up in a running conversation, whose query joins the
        previous question; a new conversation has none to join, so a first message that reads like a follow-up
        ("Und wie lange dauert das?") is searched as it is."""
        if understood.escalation is not None or understood.intent in _SMALL_TALK or follows_up:
            return Prefetch(self._answers)
        return Prefetch.start(self._knowledge, self._answers, brand, text)

    async def decide(self, brand: BrandConfig, question: Question, prefetch: Prefetch) -> Draft:
        texts = brand.texts_for(question.language)
        understood = question.understood
        if understood.escalation is not None:
            human = understood.escalation is EscalationReason.HUMAN_REQUEST
            wording = texts.human_request if human else texts.escalation
            return Draft(wording, RULE_CONFIDENCE, understood.intent, escalation=understood.escalation)
        order = await self._order_dialogue.turn(brand, question.text, question.history, question.language)
        if order is not None:
            return Draft(order.text, RULE_CONFIDENCE, order.intent, escalation=order.escalation)
        if understood.intent in _SMALL_TALK:
            return Draft(texts.greeting_reply, RULE_CONFIDENCE, understood.intent)
        previous = _answered_question(question.history)
        if understood.is_follow_up and previous is not None:
            return await self._answer(brand, question, f"{previous} {question.text}", None)
        version = await self._knowledge.current_version(brand.id)
        cached = await prefetch.cached(brand.id, version, question.language, question.text)
        if cached is not None:
            return cached
        draft = await self._answer(brand, question, question.text, await prefetch.vector())
        if draft.sources:  # a miss depends on the history (the second one escalates): not cached
            await self._answers.put(brand.id, version, question.language, question.text, draft)
        return draft

    async def _answer(self, brand: BrandConfig, question: Question, query: str, vector: Vector | None) -> Draft:
        """Search ``query`` once (``vector`` is its embedding if it was made ahead), let the classifiers judge the
        same query vector, then answer, decline or escalate."""
        texts = brand.texts_for(question.language)
        prefer = Preference(question.language, self._settings.relevance_threshold)  # the customer's language first
        vector, results = await self._knowledge.lookup(
            brand.id, query, k=self._settings.top_k, vector=vector, prefer=prefer
        )
        judged = self._classifiers.assess(query, vector, results)
        if judged.escalation is not None:
            intent = escalation_intent(judged.escalation)
            return Draft(texts.escalation, judged.intent.confidence, intent, escalation=judged.escalation)
        if judged.intent.is_out_of_scope:
            return Draft(texts.out_of_scope, judged.intent.confidence, Intent.OUT_OF_SCOPE)
        if judged.intent.intent is Intent.GREETING_THANKS:
            return Draft(texts.greeting_reply, judged.intent.confidence, Intent.GREETING)
        confident = [r for r in results if r.relevance >= self._settings.relevance_threshold]
        parts = question_parts(question.text)
        if len(parts) > 1:  # "Kann ich mit Apple Pay zahlen und wie lange dauert die Lieferung?": two pages
            confident = await _by_part(self._knowledge, brand.id, [p.text for p in parts], confident, prefer)
        if not confident:
            best = results[0].relevance if results else 0.0
            log.info("answer_low_confidence", conversation_id=question.conversation_id, relevance=best)
            if _last_assistant_was_no_answer(question.history):  # the second low-confidence answer in a row
                return Draft(texts.escalation, best, Intent.NO_ANSWER, escalation=EscalationReason.REPEATED_FAILURE)
            return Draft(texts.no_answer, best, Intent.NO_ANSWER)
        passages = tuple(r.as_passage() for r in confident)
        turns = tuple(Turn(role=m.role, text=m.content) for m in question.history)
        request = AnswerRequest(
            question.text, passages, brand, turns, language=question.language, on_text=question.on_text
        )
        answer = await self._llm.answer(request)
        if answer.fallback is not None:  # the model's text was rejected or not had: operators watch this rate
            self._metrics.llm_fallbacks.labels(brand=brand.id, reason=answer.fallback).inc()
        best = confident[0].relevance
        return Draft(answer.text, best, judged.intent.intent, sources=_sources(confident, answer.used))


def _answered_question(history: list[StoredMessage]) -> str | None:
    """The customer's previous message if the bot answered it from a source: only that can be followed up
    ("Und wie lange dauert das?"); after a miss or a refusal a message stands on its own."""
    if len(history) >= 2 and history[-2].role == "customer" and history[-1].role == "assistant":
        return history[-2].content if history[-1].sources else None
    return None


def _last_assistant_was_no_answer(history: list[StoredMessage]) -> bool:
    """Whether the bot's last reply found no source; declining an out-of-scope request is no failure."""
    replies = [m for m in history if m.role == "assistant" and m.intent != Intent.OUT_OF_SCOPE]
    return bool(replies) and replies[-1].intent == Intent.NO_ANSWER


async def _by_part(
    knowledge: KnowledgeBase, brand: str, parts: list[str], found: list[RetrievedChunk], prefer: Preference
) -> list[RetrievedChunk]:
    """The best relevant passage of each part of a question, in the parts' order, then the passages the whole
    question found: one search per part (an embedding each), only for a message that asks several things."""
    merged: list[RetrievedChunk] = []
    for part in parts:
        hits = (await knowledge.lookup(brand, part, k=1, prefer=prefer))[1]
        merged.extend(hit for hit in hits if hit.relevance >= prefer.min_relevance)
    seen: set[str] = set()
    out = []
    for hit in merged + found:
        if hit.chunk.id not in seen:
            seen.add(hit.chunk.id)
            out.append(hit)
    return out


def _sources(results: list[RetrievedChunk], used: tuple[int, ...] | None) -> tuple[Source, ...]:
    """The pages the answer rests on: those it quoted when the provider says so, else the passages nearly as
    relevant as the best one (a generated answer may draw on each)."""
    if used is not None:
        results = [results[i] for i in used if i < len(results)]
    elif results:
        results = [r for r in results if r.relevance >= results[0].relevance * SOURCE_RELEVANCE_SHARE]
    seen: set[str] = set()
    sources = []
    for result in results:
        if result.url in seen:
            continue
        seen.add(result.url)
        snippet = plain(result.chunk.text)[:200]
        sources.append(Source(title=result.title, url=result.url, relevance=result.relevance, snippet=snippet))
    return tuple(sources)

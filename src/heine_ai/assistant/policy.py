"""The answer policy: what the assistant says to one customer message, and whether it escalates.

In this order: an escalation signal of the cue lists (the floor no model overrides); an answer to what the bot
last offered or asked (``dialogue_state.py``: "ja, bitte" to the offer of a colleague hands over, "die zweite"
picks one of two topics); the order-status dialogue; a message of dialogue acts only (``small_talk.py``); then
the knowledge answers the message's question (without the greeting in front of it, which the reply returns once):
a follow-up is resolved against the conversation's topic (``follow_ups.py``) and searched on it, other questions
come from the answer cache when they can. The classifiers judge the search's query vector (a complaint or insult
escalates, an out-of-scope request is declined); passages relevant enough go to the LLM; below the threshold
the customer is offered a colleague, and the second such answer in a row escalates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from heine_ai.assistant.action_cues import side_questions
from heine_ai.assistant.acts import Act
from heine_ai.assistant.answer_cache import AnswerCache
from heine_ai.assistant.classifiers import Classifiers
from heine_ai.assistant.dialogue_state import DialogueState, Pending, dialogue_state
from heine_ai.assistant.drafts import RULE_CONFIDENCE, Draft
from heine_ai.assistant.follow_ups import Resolved, Topic, corrects, resolve
from heine_ai.assistant.identity import Caller
from heine_ai.assistant.order_status import OrderDialogue
from heine_ai.assistant.passages import (
    AnswerSettings,
    PassageSearch,
    answers,
    on_page,
    sources,
    two_topics,
    with_asked_fact,
)
from heine_ai.assistant.prefetch import Prefetch
from heine_ai.assistant.procedures import PROCEDURE_STAGES, Procedures
from heine_ai.assistant.scope import (
    asks_stock,
    asks_to_hold,
    bridged_by_names_only,
    names_shop_word,
    speaks_of_holding,
    speaks_of_stock,
)
from heine_ai.assistant.small_talk import greeted, small_talk
from heine_ai.assistant.understanding import Understanding, escalation_intent
from heine_ai.config import BrandConfig, BrandTexts
from heine_ai.conversations.identity import IdentityCodes
from heine_ai.conversations.service import StoredMessage
from heine_ai.intents import Intent
from heine_ai.knowledge.retrieval import KnowledgeBase, Preference, RetrievedChunk
from heine_ai.languages import Language
from heine_ai.messages import Channel, Confirmations, EscalationReason, Source
from heine_ai.observability.logging import get_logger
from heine_ai.observability.metrics import Metrics
from heine_ai.orders.commerce import CommerceBackend
from heine_ai.providers.embeddings import Vector
from heine_ai.providers.llm.base import LLM, AnswerRequest, TextSink, Turn
from heine_ai.providers.llm.questions import question_parts, questions_alone

log = get_logger(__name__)


@dataclass(frozen=True, slots=True)
class Question:
    """One customer message to answer, in the language the turn decided for it; ``text`` is what the answer
    provider is asked (the message's question, resolved against the conversation where it follows up)."""

    text: str
    understood: Understanding
    language: Language
    history: list[StoredMessage]
    conversation_id: str
    on_text: TextSink | None = None  # verified pieces of the answer while a model streams (web chat)
    channel: Channel = Channel.WEB
    sender: str | None = None  # an e-mail's sender address: its identity for the action procedures
    customer: str | None = None  # the conversation's verified customer id (``identity.py``)


class AnswerPolicy:
    def __init__(
        self,
        *,
        knowledge: KnowledgeBase,
        answers: AnswerCache,
        classifiers: Classifiers,
        llm: LLM,
        orders: CommerceBackend,
        metrics: Metrics,
        shop: CommerceBackend | None = None,
        confirmations: dict[Channel, Confirmations] | None = None,
        codes: IdentityCodes | None = None,
        settings: AnswerSettings,
    ) -> None:
        self._knowledge = knowledge
        self._answers = answers
        self._classifiers = classifiers
        self._llm = llm
        self._order_dialogue = OrderDialogue(orders)
        # shop: the uncounted backend; codes: the e-mail senders' one-time codes
        self._procedures = Procedures(orders, shop or orders, metrics, confirmations, codes)
        self._metrics = metrics
        self._settings = settings
        self._passages = PassageSearch(knowledge, settings)

    def prefetch(self, brand: BrandConfig, understood: Understanding, *, follows_up: bool) -> Prefetch:
        """The read ahead of the message's question as it stands. Not for a message that a rule decides
        (escalation, small talk) nor for a follow-up in a running conversation, whose query names the topic;
        a new conversation has none to join, so a first message that reads like a follow-up ("Und wie lange
        dauert das?") is searched as it is."""
        if understood.escalation is not None or not understood.question or follows_up:
            return Prefetch(self._answers)
        return Prefetch.start(self._knowledge, self._answers, brand, understood.question)

    async def decide(self, brand: BrandConfig, question: Question, prefetch: Prefetch) -> Draft:
        texts = brand.texts_for(question.language)
        understood = question.understood
        state = dialogue_state(question.history)
        if understood.escalation is not None:
            # a request for a person or a data request is no grievance: no apology, just the hand-over
            neutral = understood.escalation in (EscalationReason.HUMAN_REQUEST, EscalationReason.SENSITIVE_TOPIC)
            wording = texts.human_request if neutral else texts.escalation
            return Draft(wording, RULE_CONFIDENCE, understood.intent, escalation=understood.escalation)
        if state.pending is Pending.COLLEAGUE and understood.acts.has(Act.AFFIRM) and not understood.acts.asks:
            person = EscalationReason.HUMAN_REQUEST  # the customer accepted the colleague the bot offered
            return Draft(texts.human_request, RULE_CONFIDENCE, Intent.HUMAN_REQUEST, escalation=person)
        caller = Caller(question.channel, question.conversation_id, question.sender, question.customer)
        action = await self._procedures.turn(brand, question.text, question.history, question.language, caller)
        if action is not None:
            return await self._answered_beside(brand, question, action)
        order = await self._order_dialogue.turn(
            brand, question.text, question.history, question.language, question.customer
        )
        if order is not None:
            return Draft(order.text, RULE_CONFIDENCE, order.intent, escalation=order.escalation)
        chosen = state.choice(question.text)
        if chosen is not None:
            return await self._answer(brand, question, _on(chosen), None)
        if understood.acts.has(Act.MORE) and not understood.question and state.topic is not None:
            return await self._answer(brand, question, _on(state.topic), None, more=True)  # "und?"
        if not understood.question:
            return small_talk(understood.acts, state, texts)
        draft = await self._knowledge_answer(brand, question, state, prefetch)
        greeting_due = understood.acts.has(Act.GREETING) and not state.bot_spoke and draft.escalation is None
        return greeted(draft, texts) if greeting_due else draft

    async def _answered_beside(self, brand: BrandConfig, question: Question, action: Draft) -> Draft:
        """A procedure's first step, after the answers to what the same message asks beside the request ("Ich
        möchte vom Vertrag zurücktreten. Wie erkläre ich den Widerruf?"): the question is not dropped."""
        running = any(m.role == "assistant" and m.intent in PROCEDURE_STAGES for m in question.history[-1:])
        asked = side_questions(question.text)
        if action.intent is not Intent.ACTION_ASK_ORDER or running or not asked:
            return action
        texts, sources = [], []
        for text in asked:
            answer = await self._answer(brand, replace(question, text=text), Resolved(text, text), None)
            if answer.sources and answer.escalation is None and answer.intent is not Intent.CLARIFICATION:
                texts.append(answer.text)
                sources += [s for s in answer.sources if s not in sources]
        if not texts:
            return action
        return replace(action, text="\n\n".join([*texts, action.text]), sources=tuple(sources))

    async def _knowledge_answer(
        self, brand: BrandConfig, question: Question, state: DialogueState, prefetch: Prefetch
    ) -> Draft:
        """The message's question from the knowledge: a follow-up on its topic, others through the cache."""
        asked = question.understood.question
        resolved = resolve(asked, state.topic)
        if resolved.topic is not None and not corrects(asked) and await self._passages.leaves_topic(brand.id, asked):
            resolved = Resolved(asked, asked)
        if resolved.topic is not None:  # depends on the conversation: not cached
            return await self._answer(brand, question, resolved, None)
        version = await self._knowledge.current_version(brand.id)
        cached = await prefetch.cached(brand.id, version, question.language, resolved.question)
        if cached is not None:
            return cached
        draft = await self._answer(brand, question, resolved, await prefetch.vectors())
        if draft.sources and draft.intent is not Intent.CLARIFICATION:  # a miss depends on the history
            await self._answers.put(brand.id, version, question.language, resolved.question, draft)
        return draft

    async def _answer(
        self,
        brand: BrandConfig,
        question: Question,
        resolved: Resolved,
        ahead: Mapping[str, Vector] | None,
        *,
        more: bool = False,
    ) -> Draft:
        """Search ``resolved.query`` once (``ahead``: its vectors if they were made ahead), let the classifiers
        judge the same query vector, then answer ``resolved.question``, ask which topic, decline or escalate.
        ``more``: the customer asked for more of the last answer, which the new one does not repeat."""
        texts = brand.texts_for(question.language)
        threshold = self._settings.relevance_threshold
        prefer = Preference(question.language, threshold)  # the customer's language first
        vector, results = await self._passages.search(brand.id, resolved, ahead, prefer)
        judged = self._classifiers.assess(resolved.question, vector, results)
        answerable = answers(results, threshold)
        if judged.escalation is not None and not _asked_calmly(judged.escalation, question.understood, answerable):
            intent = escalation_intent(judged.escalation)
            return Draft(texts.escalation, judged.intent.confidence, intent, escalation=judged.escalation)
        # the shop word must be asked about: "Wie wird das Wetter an der Ostsee? Ich will meinen neuen Badeanzug
        # einweihen" asks about the weather; a question on the shop's stock is one whatever goods it names
        asked = questions_alone(resolved.question)
        declined = judged.intent.is_out_of_scope and not names_shop_word(asked) and not asks_stock(asked)
        if declined or (judged.intent.intent is Intent.GREETING_THANKS and not answerable):
            return Draft(texts.out_of_scope, judged.intent.confidence, Intent.OUT_OF_SCOPE)  # acts caught greetings
        if resolved.page:
            results = on_page(results, resolved.page, self._settings)
        # a follow-up without a topic in a running conversation may mean either of two pages: ask; a first message
        # that reads like one ("Und wie lange dauert die Lieferung?") has nothing to continue and is answered
        ambiguous = question.understood.is_follow_up and not resolved.topic and bool(question.history)
        options = two_topics(results, threshold) if ambiguous else ()
        if options:
            return _clarification(options, texts)
        question = replace(question, text=resolved.question)
        confident = [r for r in results if r.relevance >= self._settings.relevance_threshold]
        parts = question_parts(question.text)
        if len(parts) > 1:  # "Kann ich mit Apple Pay zahlen und wie lange dauert die Lieferung?": two pages
            confident = await self._passages.by_part(brand.id, [p.text for p in parts], confident, prefer)
        confident = with_asked_fact(confident, results, parts, threshold)
        if asks_stock(question.text) and not any(speaks_of_stock(r.chunk.text) for r in confident):
            confident = []  # "Habt ihr die Fleecejacke Pleiße noch in XL da?": no page knows today's stock
        if asks_to_hold(question.text) and not any(speaks_of_holding(r.chunk.text) for r in confident):
            confident = []  # "Könnt ihr mir die Bluse bis Freitag zurücklegen?": the opening hours are no answer
        if confident and bridged_by_names_only(question.text, question.language, [r.language for r in confident]):
            if not names_shop_word(question.text):  # "Can you recommend a paediatrician in Augsburg?"
                return Draft(texts.out_of_scope, RULE_CONFIDENCE, Intent.OUT_OF_SCOPE)
            confident = []  # "when will the new spring collection be online?": no page says
        if not confident:
            best = results[0].relevance if results else 0.0
            if not await self._passages.shop_matter(brand.id, question.text):  # "What's the capital of Australia?"
                return Draft(texts.out_of_scope, RULE_CONFIDENCE, Intent.OUT_OF_SCOPE)
            log.info("answer_low_confidence", conversation_id=question.conversation_id, relevance=best)
            return _no_answer(question, texts, best)
        passages = tuple(r.as_passage() for r in confident)
        turns = tuple(Turn(role=m.role, text=m.content) for m in question.history)
        request = AnswerRequest(
            question.text, passages, brand, turns, language=question.language, more=more, on_text=question.on_text
        )
        answer = await self._llm.answer(request)
        if answer.fallback is not None:  # the model's text was rejected or not had: operators watch this rate
            self._metrics.llm_fallbacks.labels(brand=brand.id, reason=answer.fallback).inc()
        best = confident[0].relevance
        if answer.used == ():  # the passages held nothing that answers: no sources to name, nothing to cache
            return _no_answer(question, texts, best)
        return Draft(answer.text, best, judged.intent.intent, sources=sources(confident, answer.used))


def _asked_calmly(reason: EscalationReason, understood: Understanding, answerable: bool) -> bool:
    """A complaint that only the detector hears (no cue of ``escalation_cues.py`` names one) in a message asking
    what the knowledge answers: a calm negative with its question ("Mein Kundenkonto ist gesperrt, weil ich mich
    zu oft vertippt habe. Wie lange bleibt das so?"), answered rather than handed over. Anger, a repeat, being
    ignored or a request for a person are cues and escalate before the knowledge is asked."""
    return reason is EscalationReason.COMPLAINT and understood.acts.asks and answerable


def _on(topic: Topic) -> Resolved:
    """The question a clarification asked about, on the topic the customer chose."""
    return Resolved(topic.question, f"{topic.title}: {topic.question}", topic, page=topic.url)


def _clarification(options: tuple[RetrievedChunk, ...], texts: BrandTexts) -> Draft:
    """Ask which of two pages the customer means; the pages are the reply's sources, so the next turn can
    pick one ("die zweite")."""
    first, second = options
    sources = tuple(Source(title=o.title, url=o.url, relevance=o.relevance) for o in options)
    text = texts.clarify_topic.format(first=first.title, second=second.title)
    return Draft(text, first.relevance, Intent.CLARIFICATION, sources=sources)


def _no_answer(question: Question, texts: BrandTexts, relevance: float) -> Draft:
    """The offer of a colleague; the second no-answer in a row hands over, unless the customer just declined the
    colleague."""
    declined_help = question.understood.acts.has(Act.DENY)
    if _last_assistant_was_no_answer(question.history) and not declined_help:
        return Draft(texts.escalation, relevance, Intent.NO_ANSWER, escalation=EscalationReason.REPEATED_FAILURE)
    return Draft(texts.no_answer, relevance, Intent.NO_ANSWER)


def _last_assistant_was_no_answer(history: list[StoredMessage]) -> bool:
    """Whether the bot's last reply found no source; declining an out-of-scope request is no failure."""
    replies = [m for m in history if m.role == "assistant" and m.intent != Intent.OUT_OF_SCOPE]
    return bool(replies) and replies[-1].intent == Intent.NO_ANSWER

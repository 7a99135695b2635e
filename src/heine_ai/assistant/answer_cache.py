"""Cached answers to questions that do not depend on the conversation's history.

The key is the brand, the knowledge version, the customer's language and the normalised question (folded, content
words only), so "Wie lange dauert die Lieferung?" and "wie lange dauert die lieferung" share an entry and every
effective change of the knowledge retires all entries of the brand at once. The language is part of the key
because the same words ("PayPal?") are answered in English, from the English pages, in an English dialogue. The
cache never fails a request: a Redis outage is a miss.
"""

from __future__ import annotations

import hashlib
import json

from heine_ai.assistant.drafts import Draft
from heine_ai.assistant.understanding import question_of
from heine_ai.intents import Intent
from heine_ai.languages import Language
from heine_ai.messages import Source
from heine_ai.observability.metrics import Metrics
from heine_ai.providers.cache import Cache
from heine_ai.text import tokens


def normalise(question: str) -> str:
    return " ".join(tokens(question))


class AnswerCache:
    def __init__(self, cache: Cache, ttl: int, metrics: Metrics) -> None:
        self._cache = cache
        self._ttl = ttl
        self._metrics = metrics

    @staticmethod
    def key(brand: str, version: int, language: str, question: str) -> str:
        digest = hashlib.sha256(normalise(question).encode("utf-8")).hexdigest()[:32]
        return f"answer:{brand}:{version}:{language}:{digest}"

    async def get(self, brand: str, version: int, language: str, question: str) -> Draft | None:
        draft = await self.peek(brand, version, language, question)
        self.count(brand, hit=draft is not None)
        return draft

    async def peek(self, brand: str, version: int, language: str, question: str) -> Draft | None:
        """The cached answer without counting a hit or a miss: the pipeline reads ahead, while the message is
        stored, and counts with :meth:`count` once it knows the answer is wanted."""
        raw = await self._cache.get(self.key(brand, version, language, question))
        if raw is None:
            return None
        data = json.loads(raw)
        sources = tuple(Source(**source) for source in data["sources"])
        return Draft(data["text"], data["confidence"], Intent(data["intent"]), sources=sources)

    def count(self, brand: str, *, hit: bool) -> None:
        self._metrics.answer_cache.labels(brand=brand, result="hit" if hit else "miss").inc()

    async def put(self, brand: str, version: int, language: str, question: str, draft: Draft) -> None:
        payload = {
            "text": draft.text,
            "confidence": draft.confidence,
            "intent": draft.intent,
            "sources": [
                {"title": s.title, "url": s.url, "relevance": s.relevance, "snippet": s.snippet} for s in draft.sources
            ],
        }
        await self._cache.set(self.key(brand, version, language, question), json.dumps(payload), self._ttl)

    async def forget(self, brand: str, version: int, message: str) -> int:
        """Remove the entries a customer's ``message`` may have left (its question, in either language) at
        knowledge ``version``: an erasure takes the customer's words out of the cache's keys too."""
        question = question_of(message)
        if not question:
            return 0
        removed = 0
        for language in Language:
            removed += await self._cache.delete(self.key(brand, version, language, question))
        return removed

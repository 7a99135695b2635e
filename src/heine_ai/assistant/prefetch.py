"""The answer cache read and the query embedding, started while the customer's message is being stored.

The two overlap with the storing, and the embedding is most of a message's time: the question's vector and those
of the forms it is searched in (``KnowledgeBase.embed_ahead``), in one call of the model. The read ahead guesses the
language from the message alone (the dialogue's history is not loaded yet): the turn uses it only where it
asked for the knowledge version and language the turn then decides on, and reads again otherwise.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from types import TracebackType

from heine_ai.assistant.answer_cache import AnswerCache
from heine_ai.assistant.drafts import Draft
from heine_ai.config import BrandConfig
from heine_ai.knowledge.retrieval import KnowledgeBase
from heine_ai.languages import Language, detect_language
from heine_ai.providers.embeddings import Vector
from heine_ai.tasks import cancel_and_wait


@dataclass(frozen=True, slots=True)
class _Fetched:
    """The answer cache's entry for the question in ``language`` at knowledge ``version``, and, only where there
    was none, the vectors of the question and its search forms."""

    version: int
    language: Language
    cached: Draft | None
    vectors: dict[str, Vector] | None


class Prefetch:
    """One message's read ahead, if one was started; an async context manager that ends it on leaving."""

    def __init__(self, answers: AnswerCache, task: asyncio.Future[_Fetched] | None = None) -> None:
        self._answers = answers
        self._task = task

    @classmethod
    def start(cls, knowledge: KnowledgeBase, answers: AnswerCache, brand: BrandConfig, text: str) -> Prefetch:
        return cls(answers, asyncio.ensure_future(_fetch(knowledge, answers, brand, text)))

    async def cached(self, brand: str, version: int, language: Language, text: str) -> Draft | None:
        """The cached answer to ``text``: the one read ahead where it asked the same (knowledge version,
        language), counted as a hit or miss now that it is wanted; else a read now."""
        fetched = await self._task if self._task is not None else None
        if fetched is None or (fetched.version, fetched.language) != (version, language):
            return await self._answers.get(brand, version, language, text)
        self._answers.count(brand, hit=fetched.cached is not None)
        return fetched.cached

    async def vectors(self) -> dict[str, Vector] | None:
        """The vectors of the message's question and its search forms if they were embedded ahead."""
        fetched = await self._task if self._task is not None else None
        return fetched.vectors if fetched is not None else None

    async def __aenter__(self) -> Prefetch:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        """Not needed (the order dialogue, a person owns the conversation) or used up: cancel it and wait until
        it has ended, taking its error so that asyncio does not report it as lost. Waiting matters: cancelled
        inside its database read, it rolls back, and a task left to do that on its own could outlive the app's
        database engine at shutdown and never finish."""
        if self._task is not None:
            await cancel_and_wait(self._task)


async def _fetch(knowledge: KnowledgeBase, answers: AnswerCache, brand: BrandConfig, text: str) -> _Fetched:
    """The cached answer in the language the words suggest, else the query vector: a cached answer needs no
    embedding, and under load the single e5 thread must not spend itself on answers already had."""
    version = await knowledge.current_version(brand.id)
    language = detect_language(text, brand.language)
    cached = await answers.peek(brand.id, version, language, text)
    vectors = None if cached is not None else await knowledge.embed_ahead(brand.id, text, language)
    return _Fetched(version, language, cached, vectors)

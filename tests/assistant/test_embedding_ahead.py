"""The question's embedding starts while its message is stored, and is the one retrieval and classifiers use."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

import pytest

from heine_ai.app_state import AppState
from heine_ai.lifespan import close_state
from heine_ai.messages import Channel, EscalationReason, InboundMessage, Reply
from heine_ai.providers.embeddings import Vector
from tests.conftest import SettingsFactory
from tests.support.embedder import MemoEmbedder
from tests.support.installations import Templates, build_installed_state


class CountingEmbedder:
    """The real model, recording every query it is asked to embed."""

    name = "multilingual-e5-small"
    dimension = 384

    def __init__(self, inner: MemoEmbedder) -> None:
        self.inner = inner
        self.queries: list[str] = []
        self.calls = 0  # calls of the model: a batch of several queries is one

    def embed_passages(self, texts: Sequence[str]) -> Vector:
        return self.inner.embed_passages(texts)

    def embed_query(self, text: str) -> Vector:
        self.queries.append(text)
        self.calls += 1
        return self.inner.embed_query(text)

    def embed_queries(self, texts: Sequence[str]) -> Vector:
        self.queries.extend(texts)
        self.calls += 1
        return self.inner.embed_queries(texts)

    def ping(self) -> None:
        self.inner.ping()


@pytest.fixture
async def counted(
    make_settings: SettingsFactory, embedder: MemoEmbedder, templates: Templates
) -> AsyncIterator[tuple[AppState, CountingEmbedder]]:
    counting = CountingEmbedder(embedder)
    state = await build_installed_state(make_settings(), counting, templates)  # the answer cache on, in-process
    try:
        yield state, counting
    finally:
        await close_state(state)


async def ask(state: AppState, text: str, after: Reply | None = None) -> Reply:
    message = InboundMessage(
        "heine",
        Channel.API,
        text,
        thread_key=after.session_id if after else None,
        session_token=after.session_token if after else None,
    )
    return await state.assistant.handle(message)


async def test_a_question_is_embedded_once(counted: tuple[AppState, CountingEmbedder]) -> None:
    state, counting = counted
    reply = await ask(state, "Wie lange dauert die Lieferung?")
    assert reply.sources and "Werktage" in reply.text
    assert counting.queries == ["Wie lange dauert die Lieferung?"]


async def test_a_misspelt_question_and_its_corrected_form_are_embedded_in_one_call(
    counted: tuple[AppState, CountingEmbedder],
) -> None:
    state, counting = counted
    reply = await ask(state, "wie lange dauert die liferung?")
    assert reply.sources and "Werktage" in reply.text  # searched as the brand writes it: "Lieferung"
    assert counting.queries == ["wie lange dauert die liferung?", "wie lange dauert die Lieferung?"]
    assert counting.calls == 1  # both ahead, in one call of the model


async def test_a_cached_answer_needs_no_embedding(counted: tuple[AppState, CountingEmbedder]) -> None:
    state, counting = counted
    first = await ask(state, "Wie lange dauert die Lieferung?")
    again = await ask(state, "wie lange dauert die Lieferung")  # another customer, the same question
    assert again.text == first.text and again.session_id != first.session_id
    assert counting.queries == ["Wie lange dauert die Lieferung?"]  # not even ahead, on a cache hit


async def test_a_follow_up_embeds_only_the_question_it_continues(counted: tuple[AppState, CountingEmbedder]) -> None:
    state, counting = counted
    first = await ask(state, "Kann ich mit PayPal bezahlen?")
    counting.queries.clear()
    follow_up = await ask(state, "Und wie lange dauert das?", after=first)
    assert follow_up.sources
    [query] = counting.queries  # one embedding: the new question on the topic it continues
    assert "PayPal" in query and query.endswith("wie lange dauert das?")


async def test_a_first_message_that_reads_like_a_follow_up_is_searched_as_it_is(
    counted: tuple[AppState, CountingEmbedder],
) -> None:
    state, counting = counted
    reply = await ask(state, "Und wie lange dauert die Lieferung?")  # a new conversation: nothing to continue
    assert reply.sources and "Werktage" in reply.text
    assert counting.queries == ["Und wie lange dauert die Lieferung?"]  # embedded ahead, and only once


async def test_a_message_a_rule_decides_is_not_embedded(counted: tuple[AppState, CountingEmbedder]) -> None:
    state, counting = counted
    reply = await ask(state, "Ich möchte bitte mit einem Mitarbeiter sprechen.")
    assert reply.escalation_reason is EscalationReason.HUMAN_REQUEST
    assert counting.queries == []


async def test_while_a_person_owns_the_conversation_nothing_is_lost(
    counted: tuple[AppState, CountingEmbedder],
) -> None:
    state, _ = counted
    handed = await ask(state, "Ich möchte bitte mit einem Mitarbeiter sprechen.")
    waiting = await ask(state, "Wo bleibt meine Rücksendung?", after=handed)  # embedded ahead, then not needed
    assert waiting.silent and waiting.text == ""
    async with state.conversations.sessions() as session:
        history = await state.conversations.history(session, handed.session_id, 10)
    assert [m.content for m in history if m.role == "customer"][-1] == "Wo bleibt meine Rücksendung?"

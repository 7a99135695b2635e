"""Streaming to the customer: only verified, unmasked sentences are released while the model streams."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from heine_ai.masking import Masked
from heine_ai.providers.llm.extractive import ExtractiveLLM
from heine_ai.providers.llm.sentence_release import SentenceRelease
from tests.providers.test_openai_llm import PASSAGE, REQUEST, extractive_text, provider
from tests.support.fake_openai import FakeOpenAI, fake_openai_server

FIRST = "Sie haben 30 Tage Zeit für Ihre Bestellung [NUMBER_1]."
SECOND = "Die Rücksendung ist kostenlos."
FIRST_SHOWN = "Sie haben 30 Tage Zeit für Ihre Bestellung 40123456."


class Collected:
    """The sink a channel would pass: it keeps every piece it was given."""

    def __init__(self) -> None:
        self.pieces: list[str] = []

    async def __call__(self, text: str) -> None:
        self.pieces.append(text)


@pytest.fixture
def fake() -> FakeOpenAI:
    return FakeOpenAI()


@pytest.fixture
def base_url(fake: FakeOpenAI) -> Iterator[str]:
    with fake_openai_server(fake) as url:
        yield url


async def test_verified_sentences_stream_and_join_to_the_final_answer(fake: FakeOpenAI, base_url: str) -> None:
    fake.script = [f"ok:{FIRST} {SECOND} Bei Fragen helfen wir gern."]
    sink = Collected()
    answer = await provider(base_url).answer(replace(REQUEST, on_text=sink))
    assert sink.pieces == [FIRST_SHOWN, " " + SECOND, " Bei Fragen helfen wir gern."]
    assert "".join(sink.pieces) == answer.text
    assert not any("[" in piece for piece in sink.pieces)  # the order number is restored, never the placeholder


async def test_an_invented_number_stops_the_release_and_the_extractive_answer_follows(
    fake: FakeOpenAI, base_url: str
) -> None:
    fake.script = [f"ok:{FIRST} Die Erstattung kommt nach 14 Tagen. {SECOND}"]
    sink = Collected()
    answer = await provider(base_url).answer(replace(REQUEST, on_text=sink))
    assert sink.pieces == [FIRST_SHOWN]  # neither the invented sentence nor anything after it
    assert answer.text == await extractive_text()


async def test_an_invented_fact_in_the_first_sentence_releases_nothing(fake: FakeOpenAI, base_url: str) -> None:
    for invented in ("ok:Die Rücksendung kostet 4,95 €. Danke.", "ok:Zahlen Sie per Nachnahme. Danke."):
        fake.script = [invented]
        sink = Collected()
        answer = await provider(base_url).answer(replace(REQUEST, on_text=sink))
        assert sink.pieces == [], invented
        assert answer.text == await extractive_text()


async def test_a_dropped_stream_is_retried_without_repeating_a_piece(fake: FakeOpenAI, base_url: str) -> None:
    fake.script = ["drop", f"ok:{FIRST} {SECOND}"]
    sink = Collected()
    answer = await provider(base_url).answer(replace(REQUEST, on_text=sink))
    assert "".join(sink.pieces) == answer.text == f"{FIRST_SHOWN} {SECOND}"
    assert len(fake.bodies) == 2


async def test_the_extractive_provider_streams_nothing() -> None:
    sink = Collected()
    answer = await ExtractiveLLM().answer(replace(REQUEST, on_text=sink))
    assert sink.pieces == [] and answer.text


async def test_a_sentence_is_released_only_once_the_next_one_begins() -> None:
    sink = Collected()
    release = SentenceRelease(sink, Masked(text=""), [PASSAGE.evidence])
    for delta in ("Sie haben 30", " Tage Zeit", "."):
        await release.feed(delta)
    assert sink.pieces == []  # "30 Tage." might still go on ("30 Tage. 5" is no sentence start)
    await release.feed(" Die")
    assert sink.pieces == ["Sie haben 30 Tage Zeit."]
    for delta in (" Rücksendung kostet", " 5.95 €", " bzw. 5,95", " Euro."):  # no break inside numbers
        await release.feed(delta)
    assert sink.pieces == ["Sie haben 30 Tage Zeit."]
    await release.finish()
    assert sink.pieces == ["Sie haben 30 Tage Zeit."]  # 5,95 is not in the source: stopped


async def test_a_failing_sink_does_not_fail_the_answer(fake: FakeOpenAI, base_url: str) -> None:
    async def gone(text: str) -> None:
        raise ConnectionResetError("the socket closed")

    fake.script = [f"ok:{FIRST} {SECOND}"]
    answer = await provider(base_url).answer(replace(REQUEST, on_text=gone))
    assert answer.text == f"{FIRST_SHOWN} {SECOND}"

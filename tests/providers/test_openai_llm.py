"""The OpenAI-compatible provider against a real loopback server: masking, retries, breaker, verification."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

import openai
import pytest

from heine_ai.config import load_brand
from heine_ai.providers.llm.base import AnswerRequest, Passage, Turn
from heine_ai.providers.llm.breaker import CircuitBreaker
from heine_ai.providers.llm.extractive import ExtractiveLLM
from heine_ai.providers.llm.openai_compat import OpenAICompatibleLLM
from tests.support.fake_openai import FakeOpenAI, fake_openai_server
from tests.support.installations import BRANDS

BRAND = load_brand(BRANDS / "heine.yaml")
PASSAGE = Passage(
    title="Rücksendung und Rückgaberecht",
    url="/service/ruecksendung",
    text="Sie haben 30 Tage Zeit, um einen Artikel zurückzuschicken. Die Rücksendung ist kostenlos.",
    relevance=0.97,
)
QUESTION = "Ich bin erika@example.com, Bestellung 40123456: wie lange kann ich zurückschicken?"
REQUEST = AnswerRequest(
    question=QUESTION,
    passages=(PASSAGE,),
    brand=BRAND,
    history=(Turn("customer", "Hallo, hier Erika, Tel 0170 1234567"),),
)
GROUNDED = "Sie haben 30 Tage Zeit für Ihre Bestellung [NUMBER_1], die Rücksendung ist kostenlos."


@pytest.fixture
def fake() -> FakeOpenAI:
    return FakeOpenAI()


@pytest.fixture
def base_url(fake: FakeOpenAI) -> Iterator[str]:
    with fake_openai_server(fake) as url:
        yield url


def provider(base_url: str, *, timeout: float = 5.0, breaker: CircuitBreaker | None = None) -> OpenAICompatibleLLM:
    client = openai.AsyncOpenAI(api_key="test", base_url=base_url, timeout=timeout, max_retries=0)
    return OpenAICompatibleLLM(
        client=client, model="fake", fallback=ExtractiveLLM(), backoff_seconds=0.01, breaker=breaker
    )


async def extractive_text() -> str:
    return (await ExtractiveLLM().answer(REQUEST)).text


async def test_grounded_answer_with_personal_data_masked_on_the_wire(fake: FakeOpenAI, base_url: str) -> None:
    fake.script = [f"ok:{GROUNDED}"]
    answer = await provider(base_url).answer(REQUEST)
    assert answer.text == "Sie haben 30 Tage Zeit für Ihre Bestellung 40123456, die Rücksendung ist kostenlos."
    assert answer.fallback is None  # the model's own text
    wire = json.dumps(fake.bodies[0], ensure_ascii=False)
    for secret in ("erika@example.com", "40123456", "0170 1234567"):
        assert secret not in wire
    assert "[EMAIL_1]" in wire and "[NUMBER_1]" in wire and "[PHONE_1]" in wire
    assert "30 Tage Zeit" in wire  # the passages go out as they are
    assert fake.bodies[0]["stream"] is True and "Sie-Form" in fake.bodies[0]["messages"][0]["content"]


async def test_a_request_for_more_asks_the_model_for_what_the_last_answer_left_out(
    fake: FakeOpenAI, base_url: str
) -> None:
    told = "Sie haben 30 Tage Zeit, um einen Artikel zurückzuschicken."
    request = dataclasses.replace(REQUEST, history=(*REQUEST.history, Turn("assistant", told)), more=True)
    fake.script = ["ok:Die Rücksendung ist kostenlos."]
    assert (await provider(base_url).answer(request)).text == "Die Rücksendung ist kostenlos."
    messages = fake.bodies[0]["messages"]
    assert messages[-2] == {"role": "assistant", "content": told}  # the model sees what it said
    assert "noch nicht gesagt" in messages[-1]["content"]  # and is asked to go on from it
    fake.script = [f"ok:{GROUNDED}"]
    await provider(base_url).answer(REQUEST)
    assert "noch nicht gesagt" not in fake.bodies[1]["messages"][-1]["content"]  # a plain question is asked as it is


@pytest.mark.parametrize("failures", [["429"], ["500"], ["429", "500"], ["drop"]])
async def test_transient_failures_are_retried(fake: FakeOpenAI, base_url: str, failures: list[str]) -> None:
    fake.script = [*failures, f"ok:{GROUNDED}"]
    answer = await provider(base_url).answer(REQUEST)
    assert "30 Tage" in answer.text and "40123456" in answer.text
    assert len(fake.bodies) == len(failures) + 1


@pytest.mark.parametrize("failure", ["500", "sleep:2", "malformed"])
async def test_persistent_failure_falls_back_to_the_extractive_answer(
    fake: FakeOpenAI, base_url: str, failure: str
) -> None:
    fake.script = [failure]
    answer = await provider(base_url, timeout=0.5).answer(REQUEST)
    assert answer.text == await extractive_text()
    assert answer.fallback == "failed"


async def test_invented_facts_are_never_sent(fake: FakeOpenAI, base_url: str) -> None:
    for invented in (
        "ok:Sie haben 14 Tage Zeit für die Rücksendung.",
        "ok:Die Rücksendung kostet 4,95 €.",
        "ok:Sie können auch per Nachnahme oder Klarna zahlen.",
        "ok:Senden Sie es bis zum 31.12.2026 zurück.",
    ):
        fake.script = [invented]
        answer = await provider(base_url).answer(REQUEST)
        assert answer.text == await extractive_text(), invented
        assert answer.fallback == "rejected"


async def test_an_empty_answer_sends_the_extractive_one(fake: FakeOpenAI, base_url: str) -> None:
    fake.script = ["ok:"]
    answer = await provider(base_url).answer(REQUEST)
    assert answer.text == await extractive_text()
    assert answer.fallback == "empty"


async def test_circuit_breaker_stops_calling_a_failing_endpoint(fake: FakeOpenAI, base_url: str) -> None:
    fake.script = ["500"]
    llm = provider(base_url, breaker=CircuitBreaker(failure_threshold=2, reset_seconds=60))
    for _ in range(2):
        await llm.answer(REQUEST)
    calls = len(fake.bodies)
    assert llm.breaker.is_open
    answer = await llm.answer(REQUEST)
    assert len(fake.bodies) == calls  # not called while open
    assert answer.text == await extractive_text()
    assert answer.fallback == "breaker_open"


async def test_ping_lists_models(base_url: str) -> None:
    await provider(base_url).ping()

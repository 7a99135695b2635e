"""Answers to history-free questions are cached per brand, normalised question and knowledge version."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from fastapi.testclient import TestClient
from redis.asyncio import Redis

from heine_ai.app import create_app
from tests.api.test_chat import ask, ask_again
from tests.support.installations import KNOWLEDGE
from tests.support.servers import REDIS_URL, port_open, require

QUESTION = "Wie lange dauert die Lieferung?"


def cache_counts(client: TestClient) -> tuple[float, float]:
    text = client.get("/metrics").text

    def value(result: str) -> float:
        prefix = f'ai_answer_cache_total{{brand="heine",result="{result}"}} '
        line = next((line for line in text.splitlines() if line.startswith(prefix)), prefix + "0")
        return float(line.rsplit(" ", 1)[1])

    return value("hit"), value("miss")


def test_same_question_is_answered_from_the_cache(sqlite_client: TestClient) -> None:
    first = ask(sqlite_client, QUESTION)
    second = ask(sqlite_client, "  wie lange dauert die LIEFERUNG ")
    assert cache_counts(sqlite_client) == (1.0, 1.0)
    assert second["response"] == first["response"] and second["sources"] == first["sources"]
    assert second["session_id"] != first["session_id"]  # cached answer, own conversation


def test_a_knowledge_change_retires_cached_answers(make_state: Any, tmp_path: Any) -> None:
    state = make_state()
    with TestClient(create_app(state)) as client:
        before = ask(client, QUESTION)
        assert "2 bis 4 Werktage" in str(before["response"])
        kb = tmp_path / "kb"
        kb.mkdir()
        original = (KNOWLEDGE / "lieferung.md").read_text(encoding="utf-8")
        (kb / "lieferung.md").write_text(original.replace("2 bis 4 Werktage", "5 bis 7 Werktage"), encoding="utf-8")
        summary = client.portal.call(state.ingestor.ingest_paths, "heine", [kb])  # type: ignore[union-attr]
        assert summary.changed == 1 and summary.version == 2
        state.knowledge.invalidate("heine")
        after = ask(client, QUESTION)
        assert cache_counts(client) == (0.0, 2.0)
        assert "5 bis 7 Werktage" in str(after["response"])  # not the stale cached answer


def test_follow_ups_and_misses_are_not_cached(sqlite_client: TestClient) -> None:
    ask(sqlite_client, "Wie wird das Wetter morgen?")
    ask(sqlite_client, "Wie wird das Wetter morgen?")
    assert cache_counts(sqlite_client) == (0.0, 2.0)


def test_answers_are_cached_in_redis_when_configured(make_state: Any) -> None:
    require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    state = make_state(redis_url=REDIS_URL)
    state.cache._prefix = f"test-{uuid.uuid4().hex}:"  # this test's own keys on the shared server
    with TestClient(create_app(state)) as client:
        first = ask(client, QUESTION)

        async def keys() -> list[bytes]:
            redis = Redis.from_url(REDIS_URL)
            try:
                return [key async for key in redis.scan_iter(match=state.cache._prefix + "answer:heine:*")]
            finally:
                await redis.aclose()

        assert len(asyncio.run(keys())) == 1
        again = ask(client, QUESTION)
        assert again["response"] == first["response"]
        assert cache_counts(client) == (1.0, 1.0)


def test_cached_answers_are_kept_per_language(sqlite_client: TestClient) -> None:
    """'PayPal?' has no language of its own: in an English dialogue it is English, in a new one German."""
    english = ask_again(sqlite_client, ask(sqlite_client, "Hello"), "PayPal?")
    german = ask(sqlite_client, "PayPal?")
    english_sources, german_sources = english["sources"], german["sources"]
    assert isinstance(english_sources, list) and isinstance(german_sources, list)
    assert english_sources and english_sources[0]["url"].startswith("/en/service/")
    assert german_sources and not german_sources[0]["url"].startswith("/en/")
    assert "You can find more" in str(english["response"]) and "Mehr dazu" in str(german["response"])

"""Multi-turn German and English dialogues from tests/scenarios/*.yaml, driven through the assistant pipeline."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from heine_ai.db.migrate import upgrade
from heine_ai.lifespan import AppState, build_state, close_state
from heine_ai.messages import Channel, InboundMessage
from heine_ai.security.crypto import new_fernet_key
from tests.conftest import BRANDS, KNOWLEDGE, MemoEmbedder

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
ALL = [
    pytest.param(scenario, id=f"{path.stem}: {scenario['name']}")
    for path in sorted(SCENARIOS.glob("*.yaml"))
    for scenario in yaml.safe_load(path.read_text(encoding="utf-8"))
]


@pytest.fixture(scope="module")
async def scenario_state(tmp_path_factory: pytest.TempPathFactory, embedder: MemoEmbedder) -> AsyncIterator[AppState]:
    """One installation for all scenarios: each scenario is a conversation of its own."""
    from heine_ai.config import load_settings

    root = tmp_path_factory.mktemp("scenarios")
    settings = load_settings(
        config_file=root / "absent.yaml",
        environment="test",
        data_dir=root,
        brands_dir=BRANDS,
        database_url=f"sqlite:///{root / 'db.sqlite'}",
        vector_store_path=root / "vectors",
        jwt_secret_key="s" * 40,
        encryption_key=new_fernet_key(),
    )
    await asyncio.to_thread(upgrade, settings.database_url)
    state = build_state(settings, embedder=embedder)
    await state.ingestor.ingest_paths("heine", [KNOWLEDGE])
    yield state
    await close_state(state)


@pytest.mark.parametrize("scenario", ALL)
async def test_scenario(scenario_state: AppState, scenario: dict[str, Any]) -> None:
    session_id: str | None = None
    token: str | None = None
    for number, turn in enumerate(scenario["turns"], start=1):
        message = InboundMessage(
            brand="heine",
            channel=Channel.WEB,
            text=str(turn["customer"]),
            thread_key=session_id,
            session_token=token,
        )
        reply = await scenario_state.assistant.handle(message)
        session_id, token = reply.session_id, token or reply.session_token
        where = f"turn {number} ({turn['customer']!r}) replied {reply.text!r}"
        if "intent" in turn:
            assert reply.intent == turn["intent"], where
        if "escalation" in turn:
            assert reply.escalation_required is turn["escalation"], where
        if "reason" in turn:
            assert reply.escalation_reason is not None and reply.escalation_reason.value == turn["reason"], where
        if "first_source" in turn:
            assert reply.sources and reply.sources[0].url == turn["first_source"], where
        if "sources_under" in turn:  # every source in the customer's language, e.g. /en/service/
            assert reply.sources and all(s.url.startswith(turn["sources_under"]) for s in reply.sources), where
        if "silent" in turn:
            assert reply.silent is turn["silent"] and (reply.text == "") is turn["silent"], where
        for fact in turn.get("contains", []):
            assert fact in reply.text, where
        for fact in turn.get("not_contains", []):
            assert fact not in reply.text, where

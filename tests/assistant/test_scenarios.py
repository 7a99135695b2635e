"""Multi-turn German and English dialogues from tests/scenarios/*.yaml, driven through the assistant pipeline; the
action dialogues (actions.yaml) once more against the reference shop server over HTTP, unchanged."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from heine_ai.app_state import AppState
from heine_ai.installation import installation_settings
from heine_ai.lifespan import close_state
from heine_ai.messages import Channel, InboundMessage
from tests.support.commerce_server import http_settings, reference_shop
from tests.support.embedder import MemoEmbedder
from tests.support.installations import BRANDS, Templates, build_installed_state

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
ALL = [
    pytest.param(scenario, id=f"{path.stem}: {scenario['name']}")
    for path in sorted(SCENARIOS.glob("*.yaml"))
    for scenario in yaml.safe_load(path.read_text(encoding="utf-8"))
]
ACTIONS = [scenario for scenario in ALL if scenario.id.startswith("actions: ")]


@pytest.fixture(scope="module")
async def scenario_state(
    tmp_path_factory: pytest.TempPathFactory, embedder: MemoEmbedder, templates: Templates
) -> AsyncIterator[AppState]:
    """One installation for all scenarios: each scenario is a conversation of its own."""
    settings = installation_settings(tmp_path_factory.mktemp("scenarios"), brands_dir=BRANDS)
    state = await build_installed_state(settings, embedder, templates)
    yield state
    await close_state(state)


@pytest.fixture(scope="module")
def reference_shop_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with reference_shop(tmp_path_factory.mktemp("reference_shop") / "shop.db") as base:
        yield base


@pytest.fixture(scope="module")
async def http_scenario_state(
    tmp_path_factory: pytest.TempPathFactory, embedder: MemoEmbedder, templates: Templates, reference_shop_url: str
) -> AsyncIterator[AppState]:
    """The scenario installation with ``COMMERCE_BACKEND=http`` on the reference shop server."""
    directory = tmp_path_factory.mktemp("http_scenarios")
    settings = installation_settings(directory, brands_dir=BRANDS, **http_settings(reference_shop_url))
    state = await build_installed_state(settings, embedder, templates)
    yield state
    await close_state(state)


@pytest.mark.parametrize("scenario", ALL)
async def test_scenario(scenario_state: AppState, scenario: dict[str, Any]) -> None:
    await converse(scenario_state, scenario)


@pytest.mark.parametrize("scenario", ACTIONS)
async def test_action_scenario_over_http(http_scenario_state: AppState, scenario: dict[str, Any]) -> None:
    await converse(http_scenario_state, scenario)


async def converse(state: AppState, scenario: dict[str, Any]) -> None:
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
        reply = await state.assistant.handle(message)
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

"""A fixed slice of the lindenhof dialogue corpus (``tests/data/dialogues/``, copied from
``shared/eval/dialogues``) through the assistant in process, one test per dialogue.

A failing test names the turns its dialogue failed, with the reply and the checks it broke, as
``heine-ai eval dialogues`` prints them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from heine_ai.installation import installation_settings
from heine_ai_lab.dialogue_report import dialogue_lines
from heine_ai_lab.dialogues import evaluate_dialogues
from tests.support.embedder import MemoEmbedder
from tests.support.installations import BRANDS

SLICE_DIR = Path(__file__).resolve().parents[1] / "data" / "dialogues"
CASES = SLICE_DIR / "dialogues.json"
SLICE = {
    "gq-01": "greeting+question",
    "cl-01": "closing",
    "ao-01": "affirm-offer",
    "fu-02": "follow-up",
    "yn-01": "yes-no-negative",
    "tl-01": "table-lookup",
    "xl-04": "cross-lingual",
    "co-02": "complaint",
    "nn-03": "negative-not-complaint",
    "hr-02": "human-request",
    "nn-02": "negative-not-complaint",
    "lr-02": "long-rambling",
}


@pytest.fixture(scope="module")
async def slice_results(tmp_path_factory: pytest.TempPathFactory, embedder: MemoEmbedder) -> dict[str, Any]:
    settings = installation_settings(tmp_path_factory.mktemp("dialogues"), brands_dir=BRANDS)
    summary = await evaluate_dialogues(CASES, embedder=embedder, base_settings=settings)
    return {dialogue["id"]: dialogue for dialogue in summary["results"]}


def test_the_slice_is_the_listed_dialogues() -> None:
    dialogues = json.loads(CASES.read_text(encoding="utf-8"))["dialogues"]
    assert {d["id"]: d["kind"] for d in dialogues} == SLICE


@pytest.mark.parametrize("dialogue", list(SLICE))
def test_dialogue_passes(dialogue: str, slice_results: dict[str, Any]) -> None:
    result = slice_results[dialogue]
    assert result["passed"], "\n".join(dialogue_lines(result, quote=600))


def test_no_reply_states_a_number_its_cited_pages_lack(slice_results: dict[str, Any]) -> None:
    """The count a generative provider is judged by, checked on the extractive one: every reply with sources
    is compared with the pages it cites (the table lookup's sizes and centimetres included)."""
    cited = [turn for result in slice_results.values() for turn in result["turns"] if turn["sources"]]
    assert len(cited) >= 5
    assert [turn["unsupported"] for turn in cited] == [[] for _ in cited]

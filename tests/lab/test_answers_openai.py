"""``eval answers`` with the openai provider against a real loopback server that sometimes invents a number.

Whatever the model says, no sent answer may state a number its passage lacks: verification rejects the invented
ones and the extractive answer goes out instead, and the evaluation says so in its own_share and rejection_share.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from heine_ai_lab.answers import evaluate_answers
from tests.conftest import SettingsFactory
from tests.knowledge.test_retrieval import XQUAD
from tests.support.embedder import MemoEmbedder
from tests.support.fake_openai import FakeOpenAI, fake_openai_server
from tests.support.servers import require

QUESTIONS = 12
GROUNDED = "ok:Gerne helfe ich Ihnen, die Antwort steht in der genannten Quelle."
INVENTED = "ok:Das kostet Sie 987,65 Euro und kommt in 13 Tagen."


async def test_invented_numbers_are_rejected_and_none_is_sent(
    tmp_path: Path, embedder: MemoEmbedder, make_settings: SettingsFactory
) -> None:
    require(XQUAD.exists(), f"{XQUAD} is missing (shared/ is laid beside the repository)")
    dataset = tmp_path / "slice.jsonl"
    lines = XQUAD.read_text(encoding="utf-8").splitlines()[:QUESTIONS]
    dataset.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fake = FakeOpenAI(script=[GROUNDED, INVENTED, INVENTED] * (QUESTIONS // 3))
    with fake_openai_server(fake) as base_url:
        settings = make_settings(ai_provider="openai", ai_base_url=base_url, ai_model_name="fake")
        results: dict[str, Any] = await evaluate_answers(dataset, embedder=embedder, base_settings=settings)
    assert len(fake.bodies) == QUESTIONS  # one model call per question: none was skipped or retried
    assert set(results) == {"openai", "extractive"}  # the baseline of the same run stands beside it
    row = results["openai"]
    assert row["n"] == QUESTIONS
    assert row["unsupported_number_share"] == 0.0
    assert row["own_share"] == round(1 / 3, 4)
    assert row["fallback_rejected"] == round(2 / 3, 4)
    assert row["rejection_share"] == round(2 / 3, 4)
    assert row["fallback_failed"] == row["fallback_breaker_open"] == row["fallback_no_passages"] == 0.0
    baseline = results["extractive"]
    assert baseline["own_share"] == 1.0 and baseline["rejection_share"] == 0.0
    assert baseline["unsupported_number_share"] == 0.0

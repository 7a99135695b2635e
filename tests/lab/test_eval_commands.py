"""The evaluation commands print metrics per method in one run, and one JSON object with --json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from heine_ai.cli import app
from heine_ai_lab.answers import evaluate_answers
from heine_ai_lab.escalation import evaluate_escalation
from tests.conftest import SettingsFactory
from tests.knowledge.test_retrieval import XQUAD
from tests.support.embedder import MemoEmbedder
from tests.support.servers import require

LABELLED = [
    ("Ich bin sehr unzufrieden, das ist eine Frechheit!", 1),
    ("Schon wieder zu spät, ich bin total enttäuscht.", 1),
    ("Ich will sofort mit einem Mitarbeiter sprechen, das ist unmöglich!", 1),
    ("Wie lange dauert die Lieferung nach Österreich?", 0),
    ("Danke für die schnelle Antwort!", 0),
    ("Kann ich per PayPal zahlen?", 0),
]


def test_eval_escalation_prints_every_method(tmp_path: Path, embedder: MemoEmbedder) -> None:
    dataset = tmp_path / "labelled.csv"
    dataset.write_text(
        "text,is_negative\n" + "".join(f'"{text}",{label}\n' for text, label in LABELLED), encoding="utf-8"
    )
    results = evaluate_escalation(dataset, embedder=embedder)
    assert set(results) == {"keywords", "cues", "project", "project_cv"}
    assert results["cues"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "n": 6}
    assert results["project"] == results["cues"]  # the detectors add no false alarm on plain shop questions
    assert set(results["project_cv"]) >= {"precision", "recall", "f1", "f1_std"}
    printed = CliRunner().invoke(app, ["eval", "escalation", "--dataset", str(dataset), "--json"])
    assert printed.exit_code == 0, printed.output
    assert json.loads(printed.output) == results
    broken = tmp_path / "broken.csv"
    broken.write_text("satz,label\nx,1\n", encoding="utf-8")
    failed = CliRunner().invoke(app, ["eval", "escalation", "--dataset", str(broken)])
    assert failed.exit_code == 2 and "text and is_negative (or coarse)" in failed.output


async def test_eval_answers_on_a_slice_of_xquad(
    tmp_path: Path, embedder: MemoEmbedder, make_settings: SettingsFactory
) -> None:
    require(XQUAD.exists(), f"{XQUAD} is missing (shared/ is laid beside the repository)")
    dataset = tmp_path / "slice.jsonl"
    dataset.write_text("\n".join(XQUAD.read_text(encoding="utf-8").splitlines()[:40]) + "\n", encoding="utf-8")
    results: dict[str, Any] = await evaluate_answers(dataset, embedder=embedder, base_settings=make_settings())
    row = results["extractive"]
    assert row["n"] == 40
    assert row["unsupported_number_share"] == 0.0  # the extractive provider quotes its sources
    assert row["contains_gold"] >= 0.5

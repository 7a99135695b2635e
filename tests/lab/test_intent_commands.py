"""``train intents`` rebuilds a working intent model and ``eval intents`` scores it beside its baselines."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from heine_ai.assistant.intents import INTENTS, IntentModel
from heine_ai_lab.intent_training import train_intents
from heine_ai_lab.intents import evaluate_intents
from tests.conftest import SettingsFactory
from tests.support.embedder import MemoEmbedder

MASSIVE = [
    "wie wird das wetter morgen",
    "spiel musik von queen",
    "stell einen wecker um sieben",
    "hallo",
    "mach das licht aus",
]
BITEXT = [
    ("where is my order", "track_order"),
    ("i want to cancel my order", "cancel_order"),
    ("how do i get a refund", "get_refund"),
    ("i forgot my password", "recover_password"),
    ("show me my invoice", "get_invoice"),
    ("i want to speak to a human agent", "contact_human_agent"),
]
QUESTIONS = [
    ("Wie lange habe ich Zeit, einen Artikel zurückzuschicken?", "/service/ruecksendung"),
    ("Kann ich mit PayPal bezahlen?", "/service/zahlungsarten"),
    ("Wie lange dauert die Lieferung?", "/service/lieferung"),
]


def _shared(root: Path) -> Path:
    """A miniature ../shared/eval with the three data sets in their real formats."""
    massive = root / "eval" / "massive_de"
    massive.mkdir(parents=True)
    for name in ("train.csv", "dev.csv"):
        with (massive / name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["text", "intent_id", "intent", "scenario"])
            for text in MASSIVE:
                writer.writerow([text, 1, "general_greet" if text == "hallo" else "other", "x"])
    bitext = root / "eval" / "bitext_customer_support"
    bitext.mkdir(parents=True)
    with (bitext / "bitext_customer_support_4514.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["instruction", "intent"])
        for variant in ("", " please", " now", "?"):  # both halves of the hash split get rows
            writer.writerows((text + variant, intent) for text, intent in BITEXT)
    return root


async def test_train_then_evaluate_intents(
    tmp_path: Path, embedder: MemoEmbedder, make_settings: SettingsFactory
) -> None:
    shared = _shared(tmp_path / "shared")
    output = tmp_path / "intents.npz"
    summary = await train_intents(shared, output=output, embedder=embedder, base_settings=make_settings())
    assert summary["rows"] > 1000 and 0.0 < summary["threshold"] < 1.0
    model = IntentModel.load(output)
    assert model.w.shape == (386, len(INTENTS))

    questions = tmp_path / "questions.jsonl"
    questions.write_text("".join(json.dumps({"question": q, "url": u}) + "\n" for q, u in QUESTIONS), "utf-8")
    results = await evaluate_intents(shared, questions, embedder=embedder, base_settings=make_settings())
    assert set(results) == {"relevance", "nearest_example", "project"}
    project = results["project"]
    assert project["n_kb"] == 3 and project["n_oos"] == len(MASSIVE)
    assert project["kb_answered"] == 1.0  # the shipped model takes the FAQ's own questions as shop questions
    assert project["oos_rejection"] is not None and project["oos_rejection"] >= 0.8
    assert results["relevance"]["kb_intent_accuracy"] is None  # the baseline without intents reports none

"""The shipped classifiers: they load from the package, reuse the query vector, and stay quiet on shop questions."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from heine_ai.assistant.classifiers import ESCALATION_FILE, Classifiers
from heine_ai.assistant.escalation_model import load_detectors
from heine_ai.assistant.intents import INTENTS, INTENTS_FILE, IntentModel
from heine_ai.assistant.understanding import understand
from heine_ai.messages import EscalationReason
from tests.support.embedder import MemoEmbedder

ROOT = Path(__file__).resolve().parents[2]
FAQ_QUESTIONS = [
    json.loads(line)["question"]
    for line in (ROOT / "bench" / "data" / "heine_questions.jsonl").read_text(encoding="utf-8").splitlines()
]


def test_the_package_ships_both_models() -> None:
    model = IntentModel.load(INTENTS_FILE)
    assert model.w.shape == (386, len(INTENTS)) and 0.0 < model.threshold < 1.0
    detectors = load_detectors(ESCALATION_FILE)
    assert set(detectors) == {"complaint", "abuse"}
    for detector in detectors.values():
        assert detector.dense.w.shape == (384 + 14,) and 0.0 < detector.threshold < 1.0
        assert [head.analyzer for head in detector.tfidf] == ["char"]
        assert all(len(head.index) == len(head.w) > 1000 for head in detector.tfidf)
    assert ESCALATION_FILE.stat().st_size < 2_000_000  # the weights budget of the package


def test_no_question_of_the_demo_faq_escalates(embedder: MemoEmbedder) -> None:
    """GermEval's rail posts are not shop customers: the detectors must not take FAQ questions for complaints."""
    classifiers = Classifiers()
    escalated = [q for q in FAQ_QUESTIONS if classifiers.assess(q, embedder.embed_query(q), []).escalation]
    assert escalated == []


@pytest.mark.parametrize(
    "text",
    [
        "Mein Paket ist beschädigt angekommen, was kann ich tun?",
        "Die Hose ist zu klein, kann ich sie umtauschen?",
        "Meine Lieferung ist noch nicht da, wo ist sie?",
        "Ich habe die falsche Farbe bekommen.",
        "Wann kommt meine Rückerstattung?",
        "My parcel arrived damaged, what should I do?",
        "Die Hose passt leider nicht, wie schicke ich sie zurück?",
        "Schade, das Kleid gefällt mir doch nicht.",
        "Mein Paket ist seit fünf Tagen unterwegs. Ist das noch normal?",
        "Leider liege ich zwischen 40 und 42.",
        "Der Mantel ist mir leider zu weit geraten, geht ein Umtausch in 38?",
        "Unfortunately the shoes are too small. Can I swap them?",
    ],
)
def test_a_calm_negative_is_not_escalated(embedder: MemoEmbedder, text: str) -> None:
    """The FAQ answers these (damage, exchange, delivery, refund, sizes): a size that does not fit or a parcel that
    takes long, asked calmly, is no complaint a service lead would take over."""
    assert understand(text).escalation is None
    assert Classifiers().assess(text, embedder.embed_query(text), []).escalation is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Vor einem Monat habe ich die Retoure abgeschickt und bis jetzt keinen Cent gesehen. Ihre Hotline "
            "verspricht jedes Mal Rückruf und dann kommt nichts.",
            EscalationReason.COMPLAINT,
        ),
        (
            "Ich bin mit Ihrer Abwicklung überhaupt nicht einverstanden, das läuft seit Wochen schief.",
            EscalationReason.COMPLAINT,
        ),
        (
            "Drei Wochen und noch immer kein Geld auf meinem Konto, ich habe langsam keine Geduld mehr.",
            EscalationReason.COMPLAINT,
        ),
    ],
)
def test_detectors_catch_what_the_cue_lists_miss(embedder: MemoEmbedder, text: str, reason: EscalationReason) -> None:
    assert understand(text).escalation is None  # no cue, or only one weak one
    assessment = Classifiers().assess(text, embedder.embed_query(text), [])
    assert assessment.escalation is reason


def test_a_missing_model_file_is_a_clear_error(tmp_path: Path, embedder: MemoEmbedder) -> None:
    vector = embedder.embed_query("Wo ist meine Bestellung?")
    with pytest.raises(FileNotFoundError):
        Classifiers(intents_path=tmp_path / "absent.npz").assess("Wo ist meine Bestellung?", np.asarray(vector), [])


@pytest.mark.parametrize(
    "text",
    [
        "Servus, kann i des Packerl aus Wien gratis zruckschicken?",
        "Grüezi, chan ich s Päckli gratis zruggschicke?",
    ],
)
def test_calm_dialect_is_no_abuse(embedder: MemoEmbedder, text: str) -> None:
    """The abuse detector reads dialect as rude; without a word of contempt only a confident score escalates."""
    assert understand(text).escalation is None
    assert Classifiers().assess(text, embedder.embed_query(text), []).escalation is None


@pytest.mark.parametrize("text", ["Euer Laden ist der letzte Dreck"])
def test_an_insult_the_cue_lists_miss_escalates_as_abuse(embedder: MemoEmbedder, text: str) -> None:
    assert understand(text).escalation is None  # no cue of its own: the detector and its word check decide
    assert Classifiers().assess(text, embedder.embed_query(text), []).escalation is EscalationReason.ABUSE

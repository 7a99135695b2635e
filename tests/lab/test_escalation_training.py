"""The escalation recipe: what training scores is what the assistant computes, and it survives the npz file."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from heine_ai.assistant.escalation_model import load_detectors, save_detectors
from heine_ai_lab.escalation_training import (
    WRITTEN_FILE,
    Rows,
    TaskData,
    build,
    cross_validate,
    detector,
    written_rows,
)
from tests.support.embedder import MemoEmbedder

ROWS = [
    ("Schon wieder eine Stunde Verspätung, das ist eine Zumutung!", 1),
    ("Der Zug fällt aus und niemand sagt Bescheid. Unfassbar.", 1),
    ("Ich warte seit drei Wochen auf mein Geld, so geht das nicht!", 1),
    ("Die Klimaanlage ist kaputt und der Wagen völlig überfüllt.", 1),
    ("Nie wieder bestelle ich hier, die Ware war defekt.", 1),
    ("Miserabler Service, keiner antwortet auf meine Mails.", 1),
    ("Mein Paket ist immer noch nicht da, ich bin echt sauer.", 1),
    ("Das ist ja wohl das Letzte, ihr habt mich schon wieder vergessen!", 1),
    ("Wie lange dauert die Lieferung nach Österreich?", 0),
    ("Danke für die schnelle Antwort, alles angekommen.", 0),
    ("Kann ich per PayPal bezahlen?", 0),
    ("Der neue Fahrplan gilt ab Dezember.", 0),
    ("Welche Größe empfehlen Sie bei dieser Jacke?", 0),
    ("Super, der Zug war heute pünktlich!", 0),
    ("Gibt es das Kleid auch in Blau?", 0),
    ("Wo finde ich meine Rechnung im Kundenkonto?", 0),
]


def test_the_shipped_form_scores_like_training_and_survives_the_file(tmp_path: Path, embedder: MemoEmbedder) -> None:
    texts = [text for text, _ in ROWS]
    vectors = np.vstack([embedder.embed_query(text) for text in texts])
    empty = np.zeros((0, vectors.shape[1]), dtype=np.float32)
    data = _data(texts, vectors, empty)
    rows = Rows(data)
    everything = np.arange(len(ROWS))
    recipe = build(rows, everything, seed=1)
    trained = recipe.scores(rows, everything)
    shipped = detector(rows, recipe)
    np.testing.assert_allclose(
        [shipped.probability(t, v) for t, v in zip(texts, vectors, strict=True)], trained, atol=1e-4
    )
    path = tmp_path / "escalation.npz"
    save_detectors({"complaint": shipped, "abuse": shipped}, path)
    loaded = load_detectors(path)["complaint"]
    again = [loaded.probability(t, v) for t, v in zip(texts, vectors, strict=True)]
    np.testing.assert_allclose(again, trained, atol=0.02)  # the n-gram weights are stored as float16
    unseen = "Völlig inakzeptabel, mein Paket ist schon wieder verschwunden!"
    assert loaded.probability(unseen, embedder.embed_query(unseen)) > loaded.probability(
        "Wie lange dauert die Lieferung?", embedder.embed_query("Wie lange dauert die Lieferung?")
    )


def test_the_lab_fits_single_heads_with_the_product_code(embedder: MemoEmbedder) -> None:
    texts = [text for text, _ in ROWS]
    vectors = np.vstack([embedder.embed_query(text) for text in texts])
    empty = np.zeros((0, vectors.shape[1]), dtype=np.float32)
    data = _data(texts, vectors, empty)
    recipe = build(Rows(data), np.arange(len(ROWS)), seed=1, heads={"char": 3.0})
    assert [head.name for head in recipe.heads] == ["char"]
    figures = cross_validate(data, {"dense": 0.003})  # bench/escalation_lab.py's "e5+cues head alone"
    assert set(figures) == {"precision", "recall", "f1", "f1_std"}
    assert 0.0 <= figures["f1"] <= 1.0


def _data(texts: list[str], vectors: np.ndarray, empty: np.ndarray) -> TaskData:
    labels = np.array([y for _, y in ROWS])
    ones = np.ones(len(texts), np.int64)
    return TaskData(texts, vectors, labels, [], empty, np.zeros(0, np.int64), ones, ones.astype(bool))


def test_the_written_shop_messages_are_marked_and_labelled() -> None:
    """The project's own training rows say so in their header; complaints are 1, calm negatives and requests 0."""
    assert "Written by the Heine AI project" in WRITTEN_FILE.read_text(encoding="utf-8").splitlines()[0]
    texts, labels = written_rows()
    assert len(texts) == len(labels) > 100 and not any(t.startswith("#") for t in texts)
    assert 0.3 < sum(labels) / len(labels) < 0.6
    assert labels[texts.index("Ihr Kundenservice ist eine einzige Katastrophe.")] == 1
    assert labels[texts.index("Ich bin mir unsicher zwischen M und L. Was empfehlen Sie?")] == 0

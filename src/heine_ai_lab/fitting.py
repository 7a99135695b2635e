"""Small numpy learners for the assistant's shipped classifiers (training only; the product just multiplies).

A weighted multinomial logistic regression fitted with full-batch Adam, grouped or stratified folds, and the
threshold search used to choose decision thresholds out of fold (never on the rows that are scored).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from heine_ai.assistant.intents import softmax

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]


def fit_softmax(
    x: Floats, y: Ints, weight: npt.NDArray[np.float64], classes: int, *, l2: float, epochs: int, lr: float = 0.05
) -> tuple[Floats, Floats]:
    """Weighted softmax regression (L2 on W), full-batch Adam from a fixed seed; returns (W, b)."""
    rng = np.random.default_rng(0)
    w = rng.normal(0, 0.01, (x.shape[1], classes)).astype(np.float32)
    b = np.zeros(classes, np.float32)
    onehot = np.eye(classes, dtype=np.float32)[y]
    share = (weight / weight.sum()).astype(np.float32)[:, None]
    moments = [[np.zeros_like(w), np.zeros_like(b)], [np.zeros_like(w), np.zeros_like(b)]]
    beta1, beta2 = 0.9, 0.999
    for step in range(1, epochs + 1):
        gradient = (softmax(x @ w + b) - onehot) * share
        for i, (param, grad) in enumerate(((w, x.T @ gradient + l2 * w), (b, gradient.sum(axis=0)))):
            moments[0][i] = beta1 * moments[0][i] + (1 - beta1) * grad
            moments[1][i] = beta2 * moments[1][i] + (1 - beta2) * grad * grad
            m_hat = moments[0][i] / (1 - beta1**step)
            v_hat = moments[1][i] / (1 - beta2**step)
            param -= lr * m_hat / (np.sqrt(v_hat) + 1e-8)
    return w, b


def grouped_folds(groups: Sequence[str], folds: int) -> Ints:
    """A fold per row from a hash of its group, so a group never straddles two folds."""
    return np.array(
        [int(hashlib.sha1(g.encode(), usedforsecurity=False).hexdigest(), 16) % folds for g in groups],
        dtype=np.int64,
    )


def stratified_folds(y: Ints, folds: int, seed: int = 0) -> Ints:
    rng = np.random.default_rng(seed)
    out = np.zeros(len(y), dtype=np.int64)
    for label in np.unique(y):
        rows = rng.permutation(np.where(y == label)[0])
        out[rows] = np.arange(len(rows)) % folds
    return out


def prf(gold: npt.NDArray[np.bool_], guess: npt.NDArray[np.bool_]) -> tuple[float, float, float]:
    tp = float((gold & guess).sum())
    precision = tp / max(float(guess.sum()), 1.0)
    recall = tp / max(float(gold.sum()), 1.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def best_threshold(gold: npt.NDArray[np.bool_], scores: Floats, beta: float = 1.0) -> float:
    """The score threshold with the best F-beta on these (out-of-fold) scores."""
    best, chosen = -1.0, 0.5
    for threshold in np.round(np.arange(0.05, 0.96, 0.01), 2):
        precision, recall, _ = prf(gold, scores >= threshold)
        denominator = beta * beta * precision + recall
        score = (1 + beta * beta) * precision * recall / denominator if denominator else 0.0
        if score > best:
            best, chosen = score, float(threshold)
    return chosen

"""The complaint and abuse detectors: a late fusion of a model of the e5 query vector and one of the text's n-grams.

Per task (``complaint``, ``abuse``) one :class:`Detector` of two heads, each a class-balanced logistic regression:

- ``dense``: the standardised e5 query vector (384 numbers, the vector retrieval computes anyway) beside the 14
  cue features of :func:`~heine_ai.assistant.text_cues.cue_features`;
- ``char``: tf-idf of the character 2- to 5-grams inside words (sublinear tf, L2-normalised row).

The probability is the mean of the heads' probabilities; the message is positive at or above the threshold chosen
out of fold in training (``heine_ai_lab/escalation_training.py``, which also says why this recipe). Only numpy runs
here, well under a millisecond per message and task; the weights (``data/escalation.npz``) keep only the n-grams
of at least two training texts, their idf and weight as float16, compressed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from heine_ai.assistant.intents import DATA, Floats
from heine_ai.assistant.text_cues import char_grams, cue_features

ESCALATION_FILE = DATA / "escalation.npz"
TASKS = ("complaint", "abuse")
ANALYZERS: dict[str, Callable[[str], list[str]]] = {"char": char_grams}


def sigmoid(z: float) -> float:
    return float(0.5 * (1.0 + np.tanh(0.5 * z)))


@dataclass(slots=True)
class DenseHead:
    """Logistic regression over [query vector, cue features], standardised with the training rows' mean/sd."""

    w: Floats
    b: float
    mu: Floats
    sd: Floats

    def logit(self, text: str, vector: Floats) -> float:
        features = np.concatenate([np.ravel(vector), cue_features(text)])
        return float(((features - self.mu) / self.sd) @ self.w + self.b)


@dataclass(slots=True)
class TfidfHead:
    """Logistic regression over the L2-normalised tf-idf row of ``analyzer``'s n-grams."""

    analyzer: str
    index: dict[str, int]
    idf: Floats
    w: Floats
    b: float

    def logit(self, text: str) -> float:
        counts = Counter(g for g in ANALYZERS[self.analyzer](text) if g in self.index)
        if not counts:
            return self.b
        ids = np.fromiter((self.index[g] for g in counts), np.int64, len(counts))
        values = (1 + np.log(np.fromiter(counts.values(), np.float32, len(counts)))) * self.idf[ids]
        return float(values @ self.w[ids] / np.linalg.norm(values) + self.b)


@dataclass(slots=True)
class Detector:
    """The fused heads of one task: the mean of their probabilities against ``threshold``."""

    dense: DenseHead
    tfidf: tuple[TfidfHead, ...]
    threshold: float

    def probability(self, text: str, vector: Floats) -> float:
        logits = [self.dense.logit(text, vector), *(h.logit(text) for h in self.tfidf)]
        return sum(sigmoid(z) for z in logits) / len(logits)

    def fires(self, text: str, vector: Floats) -> bool:
        return self.probability(text, vector) >= self.threshold


def _strings(items: list[str]) -> Floats:
    """A list of strings without "\\n" as one UTF-8 byte array (npz holds it compactly, no pickle)."""
    return np.frombuffer("\n".join(items).encode(), dtype=np.uint8)


def _unstrings(array: Floats) -> list[str]:
    return array.tobytes().decode().split("\n")


def save_detectors(detectors: dict[str, Detector], path: Path = ESCALATION_FILE) -> None:
    arrays: dict[str, Floats] = {}
    for task, d in detectors.items():
        arrays[f"{task}_dense"] = np.stack([d.dense.w, d.dense.mu, d.dense.sd]).astype(np.float32)
        scalars = [d.dense.b, d.threshold, *(h.b for h in d.tfidf)]
        arrays[f"{task}_scalars"] = np.array(scalars, dtype=np.float32)
        arrays[f"{task}_heads"] = _strings([h.analyzer for h in d.tfidf])
        for h in d.tfidf:
            arrays[f"{task}_{h.analyzer}_grams"] = _strings(sorted(h.index, key=h.index.__getitem__))
            arrays[f"{task}_{h.analyzer}_weights"] = np.stack([h.idf, h.w]).astype(np.float16)
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]


def load_detectors(path: Path = ESCALATION_FILE) -> dict[str, Detector]:
    detectors = {}
    with np.load(path) as data:
        for task in TASKS:
            w, mu, sd = data[f"{task}_dense"]
            scalars = [float(s) for s in data[f"{task}_scalars"]]
            heads = []
            for n, analyzer in enumerate(_unstrings(data[f"{task}_heads"])):
                grams = _unstrings(data[f"{task}_{analyzer}_grams"])
                idf, coef = data[f"{task}_{analyzer}_weights"].astype(np.float32)
                heads.append(TfidfHead(analyzer, {g: i for i, g in enumerate(grams)}, idf, coef, scalars[2 + n]))
            detectors[task] = Detector(DenseHead(w, scalars[0], mu, sd), tuple(heads), scalars[1])
    return detectors

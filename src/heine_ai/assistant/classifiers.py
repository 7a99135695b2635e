"""The assistant's trained judgement of one message: its intent, and whether it is a complaint or abusive.

Everything here reuses the e5 query vector that retrieval computed for the message: no model call of its own.
The weights ship in ``data/`` (``heine-ai train intents`` and ``heine-ai train escalation`` rebuild them). The
cue lists of ``understanding.py`` stay the floor: they run first, and an explicit request for a person or a legal
threat escalates whatever a classifier says; the classifiers add the complaints and insults the cues miss.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from heine_ai.assistant.intents import DATA, INTENTS_FILE, Floats, IntentGuess, IntentModel
from heine_ai.knowledge.retrieval import RetrievedChunk
from heine_ai.messages import EscalationReason

ESCALATION_FILE = DATA / "escalation.npz"
TASKS = ("complaint", "abuse")


class LinearDetector:
    """Logistic regression over the standardised query vector; positive at or above ``threshold``."""

    def __init__(self, w: Floats, b: float, mu: Floats, sd: Floats, threshold: float) -> None:
        self.w, self.b, self.mu, self.sd, self.threshold = w, float(b), mu, sd, float(threshold)

    def scores(self, vectors: Floats) -> Floats:
        logits = ((np.atleast_2d(vectors) - self.mu) / self.sd) @ self.w + self.b
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(logits, -50, 50))), dtype=np.float32)

    def fires(self, vector: Floats) -> bool:
        return bool(self.scores(vector)[0] >= self.threshold)

    def arrays(self, task: str) -> dict[str, Floats]:
        scalars = np.array([self.b, self.threshold], dtype=np.float32)
        return {f"{task}_w": self.w, f"{task}_mu": self.mu, f"{task}_sd": self.sd, f"{task}_scalars": scalars}


def load_detectors(path: Path = ESCALATION_FILE) -> dict[str, LinearDetector]:
    with np.load(path) as data:
        return {
            task: LinearDetector(
                data[f"{task}_w"],
                float(data[f"{task}_scalars"][0]),
                data[f"{task}_mu"],
                data[f"{task}_sd"],
                float(data[f"{task}_scalars"][1]),
            )
            for task in TASKS
        }


def save_detectors(detectors: dict[str, LinearDetector], path: Path = ESCALATION_FILE) -> None:
    arrays: dict[str, Floats] = {}
    for task, detector in detectors.items():
        arrays |= detector.arrays(task)
    np.savez(path, **arrays)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Assessment:
    intent: IntentGuess
    escalation: EscalationReason | None


class Classifiers:
    """The shipped models, read from ``data/`` on first use (training builds installations before they exist)."""

    def __init__(self, intents_path: Path = INTENTS_FILE, escalation_path: Path = ESCALATION_FILE) -> None:
        self._paths = (intents_path, escalation_path)
        self._models: tuple[IntentModel, dict[str, LinearDetector]] | None = None

    def models(self) -> tuple[IntentModel, dict[str, LinearDetector]]:
        if self._models is None:
            self._models = (IntentModel.load(self._paths[0]), load_detectors(self._paths[1]))
        return self._models

    def assess(self, vector: Floats, hits: Sequence[RetrievedChunk]) -> Assessment:
        intents, detectors = self.models()
        intent = intents.classify(vector, hits)
        escalation = None
        if detectors["abuse"].fires(vector):
            escalation = EscalationReason.ABUSE
        elif detectors["complaint"].fires(vector):
            escalation = EscalationReason.COMPLAINT
        return Assessment(intent, escalation)

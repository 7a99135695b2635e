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

from heine_ai.assistant.escalation_model import ESCALATION_FILE, TASKS, Detector, load_detectors
from heine_ai.assistant.insults import CONFIDENT, has_insult_word
from heine_ai.assistant.intents import INTENTS_FILE, Floats, IntentGuess, IntentModel
from heine_ai.knowledge.retrieval import RetrievedChunk
from heine_ai.messages import EscalationReason

__all__ = ["ESCALATION_FILE", "TASKS", "Assessment", "Classifiers"]

_DETECTED = (EscalationReason.ABUSE, EscalationReason.COMPLAINT)  # the detectors' tasks, the first that fires wins


@dataclass(frozen=True, slots=True)
class Assessment:
    intent: IntentGuess
    escalation: EscalationReason | None


class Classifiers:
    """The shipped models, read from ``data/`` on first use (training builds installations before they exist)."""

    def __init__(self, intents_path: Path = INTENTS_FILE, escalation_path: Path = ESCALATION_FILE) -> None:
        self._paths = (intents_path, escalation_path)
        self._models: tuple[IntentModel, dict[str, Detector]] | None = None

    def models(self) -> tuple[IntentModel, dict[str, Detector]]:
        if self._models is None:
            self._models = (IntentModel.load(self._paths[0]), load_detectors(self._paths[1]))
        return self._models

    def assess(self, text: str, vector: Floats, hits: Sequence[RetrievedChunk]) -> Assessment:
        """``vector`` is the e5 query vector of ``text`` (the text retrieval searched with)."""
        intents, detectors = self.models()
        intent = intents.classify(vector, hits)
        escalation = next((reason for reason in _DETECTED if _fires(reason, detectors[reason], text, vector)), None)
        return Assessment(intent, escalation)


def _fires(reason: EscalationReason, detector: Detector, text: str, vector: Floats) -> bool:
    """A complaint at the detector's threshold; abuse there only with a word of contempt, else only when the
    detector is confident (``insults.py``: dialect reads as rude to it)."""
    if reason is not EscalationReason.ABUSE:
        return detector.fires(text, vector)
    probability = detector.probability(text, vector)
    return probability >= CONFIDENT or (probability >= detector.threshold and has_insult_word(text))

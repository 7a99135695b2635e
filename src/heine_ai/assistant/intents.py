"""What the customer wants: one of the shop intents, or out of scope (weather, music, alarms, other shops).

A softmax regression over the message's e5 query embedding (the vector retrieval computed anyway) and two
similarities to the brand's knowledge (the best sentence and the best whole-chunk cosine among the hits),
standardised. ``out_of_scope`` wins when its probability reaches the threshold chosen in training (the highest
one that still answers 96 % of the German shop examples out of fold); otherwise the most probable shop intent.
The weights (``data/intents.npz``, about 25 KiB) are built by ``heine-ai train intents`` from
``data/intent_examples.jsonl``, the demo FAQ headings, massive_de train and the bitext training half; nothing is
downloaded or trained at run time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from heine_ai.intents import Intent
from heine_ai.knowledge.retrieval import RetrievedChunk

Floats = npt.NDArray[np.float32]

DATA = Path(__file__).resolve().parent / "data"
INTENTS_FILE = DATA / "intents.npz"
EXAMPLES_FILE = DATA / "intent_examples.jsonl"

# The model's classes, in the order of its weights' columns.
INTENTS = (
    Intent.ORDER_STATUS,
    Intent.RETURN,
    Intent.REFUND,
    Intent.DELIVERY,
    Intent.PAYMENT,
    Intent.INVOICE,
    Intent.SIZES_FIT,
    Intent.ORDER_CHANGE,
    Intent.ACCOUNT_PASSWORD,
    Intent.VOUCHER,
    Intent.COMPLAINT,
    Intent.HUMAN_REQUEST,
    Intent.GREETING_THANKS,
    Intent.OTHER_SHOP_QUESTION,
    Intent.OUT_OF_SCOPE,
)
OUT_OF_SCOPE = INTENTS.index(Intent.OUT_OF_SCOPE)
GREETING = INTENTS.index(Intent.GREETING_THANKS)


def knowledge_features(hits: Sequence[RetrievedChunk]) -> Floats:
    """[best sentence cosine, best chunk cosine] among the retrieval hits (0 for a brand without knowledge)."""
    if not hits:
        return np.zeros(2, dtype=np.float32)
    return np.array([max(h.sentence for h in hits), max(h.passage for h in hits)], dtype=np.float32)


def softmax(logits: Floats) -> Floats:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return np.asarray(shifted / shifted.sum(axis=1, keepdims=True), dtype=np.float32)


@dataclass(frozen=True, slots=True)
class IntentGuess:
    intent: Intent
    confidence: float  # the probability of the chosen intent
    out_of_scope: float  # P(out_of_scope)

    @property
    def is_out_of_scope(self) -> bool:
        return self.intent is Intent.OUT_OF_SCOPE


class IntentModel:
    def __init__(self, w: Floats, b: Floats, mu: Floats, sd: Floats, threshold: float) -> None:
        self.w, self.b, self.mu, self.sd, self.threshold = w, b, mu, sd, float(threshold)

    @classmethod
    def load(cls, path: Path = INTENTS_FILE) -> IntentModel:
        with np.load(path) as data:
            return cls(data["w"], data["b"], data["mu"], data["sd"], float(data["threshold"]))

    def save(self, path: Path) -> None:
        np.savez(path, w=self.w, b=self.b, mu=self.mu, sd=self.sd, threshold=np.float32(self.threshold))

    def features(self, vectors: Floats, knowledge: Floats) -> Floats:
        scaled = (np.atleast_2d(knowledge) - self.mu) / self.sd
        return np.concatenate([np.atleast_2d(vectors), scaled], axis=1).astype(np.float32)

    def proba(self, vectors: Floats, knowledge: Floats) -> Floats:
        return softmax(self.features(vectors, knowledge) @ self.w + self.b)

    def decide(self, proba: Floats) -> npt.NDArray[np.int64]:
        """Out of scope at or above the threshold, else the most probable shop intent (row-wise)."""
        shop = proba.copy()
        shop[:, OUT_OF_SCOPE] = -1.0
        return np.where(proba[:, OUT_OF_SCOPE] >= self.threshold, OUT_OF_SCOPE, shop.argmax(axis=1))

    def classify(self, vector: Floats, hits: Sequence[RetrievedChunk]) -> IntentGuess:
        proba = self.proba(vector, knowledge_features(hits))
        best = int(self.decide(proba)[0])
        return IntentGuess(INTENTS[best], float(proba[0, best]), float(proba[0, OUT_OF_SCOPE]))

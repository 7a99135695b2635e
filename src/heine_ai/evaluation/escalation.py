"""``heine-ai eval escalation``: precision, recall and F1 of complaint detection beside a keyword baseline.

The dataset is a CSV with ``text`` and ``is_negative`` (1 = complaint or strongly negative), the format of
GermEval 2017 (../shared/eval/germeval2017_dev). ``project`` is the assistant's own escalation decision for a
first message (any escalation reason counts as "hand to a person").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

from heine_ai.assistant.understanding import understand
from heine_ai.errors import ConfigError
from heine_ai.text import fold

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


def load_labelled(path: Path) -> list[tuple[str, bool]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [(row["text"], row["is_negative"].strip() == "1") for row in csv.DictReader(handle)]
    except (OSError, KeyError, UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError(f"{path}: expected a CSV with the columns text and is_negative ({exc})") from exc
    if not rows:
        raise ConfigError(f"{path}: no rows")
    return rows


def scores(rows: list[tuple[str, bool]], predict: Callable[[str], bool]) -> dict[str, float]:
    tp = fp = fn = 0
    for text, gold in rows:
        guess = predict(text)
        tp += guess and gold
        fp += guess and not gold
        fn += gold and not guess
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "n": len(rows)}


def evaluate_escalation(dataset: Path) -> dict[str, dict[str, float]]:
    rows = load_labelled(dataset)
    return {
        "keywords": scores(rows, lambda text: bool(_KEYWORDS.search(fold(text)))),
        "project": scores(rows, lambda text: understand(text).escalation is not None),
    }

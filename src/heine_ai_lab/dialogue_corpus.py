"""A dialogue corpus: multi-turn customer conversations with objective expectations per turn.

The format is the one of the evaluation corpus the project is measured on (``shared/eval/dialogues``: its
README describes it, its ``run.py`` drives the REST API with it). The product cannot depend on that folder, so the
format is read here again, with the same validation: a corpus that ``run.py`` refuses is refused here too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from heine_ai.errors import ConfigError

FLAGS = re.IGNORECASE | re.MULTILINE  # every expectation is searched case-insensitively, line by line
KINDS = (
    "greeting+question", "closing", "affirm-offer", "deny-offer", "follow-up", "yes-no-negative",
    "yes-no-positive", "price", "duration", "how-to", "table-lookup", "cross-lingual", "out-of-scope-de",
    "out-of-scope-en", "typo/colloquial", "multi-question", "complaint", "negative-not-complaint",
    "human-request", "legal-threat", "abuse", "order-status", "withdrawal", "data-protection", "english",
    "du-form", "long-rambling",
)  # fmt: skip
REASONS = ("complaint", "human_request", "legal_threat", "abuse", "repeated_failure", "sensitive_topic")
TURN_KEYS = {"user", "must", "must_not", "escalate", "reason", "source", "kind", "note"}
DIALOGUE_KEYS = {"id", "kind", "brand", "turns", "note"}

Escalate = bool | Literal["optional"]


@dataclass(frozen=True, slots=True)
class Turn:
    """One customer message and what its reply must (not) say and do."""

    user: str
    kind: str  # the turn's own kind, else its dialogue's
    escalate: Escalate
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()  # allowed escalation reasons, when the reply escalates
    sources: tuple[str, ...] = ()  # one of them must be part of the first source's url or title


@dataclass(frozen=True, slots=True)
class Dialogue:
    id: str
    kind: str
    brand: str
    turns: tuple[Turn, ...]


@dataclass(frozen=True, slots=True)
class Corpus:
    name: str
    brand: str  # the default brand of its dialogues
    must_not_all: tuple[str, ...]  # added to every turn's must_not
    dialogues: tuple[Dialogue, ...]

    def select(self, only: Iterable[str] = ()) -> list[Dialogue]:
        """The dialogues whose kind or id contains one of ``only`` (all when it is empty)."""
        wanted = list(only)
        return [d for d in self.dialogues if not wanted or any(w in d.kind or w in d.id for w in wanted)]


def load_corpus(path: Path) -> Corpus:
    """Read and validate a corpus file; every problem of a malformed one is named in the ``ConfigError``."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot be read as JSON ({exc})") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a JSON object with 'brand' and 'dialogues'")
    problems = validate(raw)
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    brand = raw["brand"]
    dialogues = tuple(
        Dialogue(
            id=d["id"],
            kind=d["kind"],
            brand=d.get("brand") or brand,
            turns=tuple(_turn(turn, d["kind"]) for turn in d["turns"]),
        )
        for d in raw["dialogues"]
    )
    return Corpus(str(raw.get("name") or path.stem), brand, tuple(raw.get("must_not_all", [])), dialogues)


def _turn(raw: Mapping[str, Any], dialogue_kind: str) -> Turn:
    return Turn(
        user=raw["user"],
        kind=raw.get("kind") or dialogue_kind,
        escalate=raw["escalate"],
        must=tuple(raw.get("must", [])),
        must_not=tuple(raw.get("must_not", [])),
        reasons=_strings(raw.get("reason")),
        sources=_strings(raw.get("source")),
    )


def _strings(value: str | list[str] | None) -> tuple[str, ...]:
    """A key that holds one string or a list of them."""
    if not value:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def validate(corpus: Mapping[str, Any]) -> list[str]:
    """Problems of the corpus (empty when it is well-formed)."""
    problems: list[str] = []
    if not isinstance(corpus.get("brand"), str):
        problems.append("top level: 'brand' (the default brand id) is missing")
    for pattern in corpus.get("must_not_all", []):
        problems += _regex_problem("must_not_all", pattern)
    ids: set[str] = set()
    for index, dialogue in enumerate(corpus.get("dialogues", [])):
        where = f"dialogue {dialogue.get('id', index)}"
        if dialogue.get("id") in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(dialogue.get("id"))
        problems += [f"{where}: unknown key '{key}'" for key in sorted(set(dialogue) - DIALOGUE_KEYS)]
        if dialogue.get("kind") not in KINDS:
            problems.append(f"{where}: unknown kind {dialogue.get('kind')!r}")
        turns = dialogue.get("turns") or []
        if not 1 <= len(turns) <= 6:
            problems.append(f"{where}: needs 1 to 6 turns")
        for number, turn in enumerate(turns, 1):
            problems += _turn_problems(f"{where} turn {number}", turn)
    if not corpus.get("dialogues"):
        problems.append("no dialogues")
    return problems


def _turn_problems(at: str, turn: Mapping[str, Any]) -> list[str]:
    problems = [f"{at}: unknown key '{key}'" for key in sorted(set(turn) - TURN_KEYS)]
    if not isinstance(turn.get("user"), str) or not turn["user"].strip():
        problems.append(f"{at}: 'user' text missing")
    if turn.get("escalate") not in (True, False, "optional"):
        problems.append(f"{at}: 'escalate' must be true, false or \"optional\"")
    if "kind" in turn and turn["kind"] not in KINDS:
        problems.append(f"{at}: unknown kind {turn['kind']!r}")
    reasons = turn.get("reason")
    for reason in [reasons] if isinstance(reasons, str) else reasons or []:
        if reason not in REASONS:
            problems.append(f"{at}: unknown reason {reason!r}")
    source = turn.get("source")
    if source is not None and not (
        isinstance(source, str) or (isinstance(source, list) and all(isinstance(x, str) for x in source))
    ):
        problems.append(f"{at}: 'source' must be a string or a list of strings")
    for key in ("must", "must_not"):
        value = turn.get(key, [])
        if not isinstance(value, list):
            problems.append(f"{at}: '{key}' must be a list")
            continue
        for pattern in value:
            problems += _regex_problem(f"{at} {key}", pattern)
    return problems


def _regex_problem(where: str, pattern: Any) -> list[str]:
    try:
        re.compile(pattern, FLAGS)
    except (re.error, TypeError) as exc:
        return [f"{where}: bad regex {pattern!r}: {exc}"]
    return []

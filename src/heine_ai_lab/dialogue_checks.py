"""The checks of one reply against its turn's expectations, with the semantics of the corpus's own runner.

A check reads only what the REST API returns (the reply's text, whether and why it escalated, its sources), so a
turn passes in process exactly when it passes over HTTP.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from heine_ai_lab.dialogue_corpus import FLAGS, Turn


@dataclass(frozen=True, slots=True)
class SourceSeen:
    title: str
    url: str
    relevance: float


@dataclass(frozen=True, slots=True)
class ReplySeen:
    """A reply as the customer's client sees it (the fields of the REST response the checks read)."""

    text: str
    escalated: bool
    reason: str | None = None
    confidence: float | None = None
    sources: tuple[SourceSeen, ...] = ()


def fold(text: str) -> str:
    """Lower case with umlauts spelled out and accents dropped: ``Rückgabe`` matches ``rueckgabe``."""
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def check_turn(turn: Turn, reply: ReplySeen, must_not_all: tuple[str, ...]) -> list[str]:
    """The failed checks of one reply (empty: the turn passed).

    When an escalation is ``"optional"`` and the reply escalated, the hand-over text replaces the answer: its
    ``must`` and ``source`` are not checked, its ``must_not`` still are."""
    failures = _escalation_failures(turn, reply)
    content_due = not (turn.escalate == "optional" and reply.escalated)
    if content_due:
        failures += [f"must: /{_short(p)}/ not found" for p in turn.must if not re.search(p, reply.text, FLAGS)]
    for pattern in turn.must_not + must_not_all:
        found = re.search(pattern, reply.text, FLAGS)
        if found:
            failures.append(f"must_not: /{_short(pattern)}/ matched {found.group(0)!r}")
    if turn.sources and content_due:
        failures += _source_failures(turn.sources, reply.sources)
    return failures


def _escalation_failures(turn: Turn, reply: ReplySeen) -> list[str]:
    failures = []
    if turn.escalate is True and not reply.escalated:
        failures.append("escalate: expected an escalation, got none")
    if turn.escalate is False and reply.escalated:
        failures.append(f"escalate: expected none, got one (reason {reply.reason})")
    if turn.reasons and reply.escalated and reply.reason not in turn.reasons:
        failures.append(f"reason: expected {' or '.join(turn.reasons)}, got {reply.reason}")
    return failures


def _source_failures(wanted: tuple[str, ...], sources: tuple[SourceSeen, ...]) -> list[str]:
    shown = " or ".join(f"'{option}'" for option in wanted)
    if not sources:
        return [f"source: expected {shown}, got no source"]
    first = sources[0]
    haystack = fold(f"{first.url} {first.title}")
    if any(fold(option) in haystack for option in wanted):
        return []
    return [f"source: expected {shown}, first source is {first.title!r} ({first.url})"]


def _short(pattern: str, limit: int = 90) -> str:
    return pattern if len(pattern) <= limit else pattern[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class TurnResult:
    """One turn as it ran: the reply (None when the turn failed with an error) and its failed checks."""

    user: str
    kind: str
    reply: ReplySeen | None
    seconds: float
    failures: tuple[str, ...]
    unsupported: tuple[str, ...] = ()  # numbers or payment methods of the reply that its cited pages lack

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass(frozen=True, slots=True)
class DialogueResult:
    id: str
    kind: str
    brand: str
    turns: tuple[TurnResult, ...]

    @property
    def passed(self) -> bool:
        """A dialogue passes when all its turns pass."""
        return all(turn.passed for turn in self.turns)

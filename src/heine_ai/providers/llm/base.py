"""The answer-generation Protocol. Every provider answers only from the passages it is given."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from heine_ai.config import BrandConfig

# Receives the verified sentences of an answer while a model streams (``AnswerRequest.on_text``).
TextSink = Callable[[str], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Passage:
    title: str
    url: str
    text: str
    relevance: float
    section: str = ""
    language: str = ""  # the page's ("de", "en"; "" when unknown)
    # The passage's sentences with their cosines to the question, where the search had them: a signal that
    # works across languages, unlike shared words.
    similarities: Mapping[str, float] = field(default_factory=dict, compare=False)

    @property
    def evidence(self) -> str:
        """Everything an answer may quote from this passage: title, section and text."""
        return f"{self.title}\n{self.section}\n{self.text}"


@dataclass(frozen=True, slots=True)
class Turn:
    role: str  # customer | assistant | agent
    text: str


def last_reply(history: Sequence[Turn]) -> str:
    """The bot's last message in ``history`` ("" before its first)."""
    replies = [turn.text for turn in history if turn.role == "assistant"]
    return replies[-1] if replies else ""


@dataclass(frozen=True, slots=True)
class AnswerRequest:
    question: str
    passages: tuple[Passage, ...]
    brand: BrandConfig
    history: tuple[Turn, ...] = ()
    language: str = "de"  # the customer's ("de" or "en"): the brand's sentences framing an answer follow it
    # The customer asked for more of the last answer ("und?"): the question is that answer's, and the answer says
    # what the history's last reply did not
    more: bool = False
    # Optional: a streaming provider passes each sentence it has verified, in order; concatenated, the pieces
    # give the answer's text (each piece after the first starts with its separating space). Providers that do
    # not stream ignore it. The returned ``Answer`` stays the authority: it may differ after a fallback.
    on_text: TextSink | None = field(default=None, compare=False)


# Why a generating provider sent its fallback's answer instead of its own text: no passages to ground it,
# the circuit breaker was open, the call failed (timeout, error, retries spent), the model said nothing, or
# verification rejected what it said (a number, price, date or payment method the passages lack).
FallbackReason = Literal["no_passages", "breaker_open", "failed", "empty", "rejected"]


@dataclass(frozen=True, slots=True)
class Answer:
    text: str
    # None: the text is the answering provider's own. Set by a provider that returns its fallback's answer, so
    # evaluations and metrics can tell generated answers from extractive ones.
    fallback: FallbackReason | None = None
    # The positions in ``AnswerRequest.passages`` of the passages the answer quotes or rests on, best first; None
    # when the provider cannot tell (a generated answer rests on all it was given).
    used: tuple[int, ...] | None = None


class LLM(Protocol):
    name: str

    async def answer(self, request: AnswerRequest) -> Answer: ...

    async def ping(self) -> None: ...

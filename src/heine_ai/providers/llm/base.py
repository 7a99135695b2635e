"""The answer-generation Protocol. Every provider answers only from the passages it is given."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from heine_ai.config import BrandConfig


@dataclass(frozen=True, slots=True)
class Passage:
    title: str
    url: str
    text: str
    relevance: float
    section: str = ""

    @property
    def evidence(self) -> str:
        """Everything an answer may quote from this passage: title, section and text."""
        return f"{self.title}\n{self.section}\n{self.text}"


@dataclass(frozen=True, slots=True)
class Turn:
    role: str  # customer | assistant | agent
    text: str


@dataclass(frozen=True, slots=True)
class AnswerRequest:
    question: str
    passages: tuple[Passage, ...]
    brand: BrandConfig
    history: tuple[Turn, ...] = ()
    language: str = "de"  # the customer's ("de" or "en"): the brand's sentences framing an answer follow it


@dataclass(frozen=True, slots=True)
class Answer:
    text: str
    passages_used: tuple[Passage, ...]


class LLM(Protocol):
    name: str

    async def answer(self, request: AnswerRequest) -> Answer: ...

    async def ping(self) -> None: ...

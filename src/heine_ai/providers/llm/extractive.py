"""The embedded default answer provider: grounded sentences from the best passage, no model, no invention.

It picks the sentences of the best passage that share the most content words with the question, keeps their
order, and wraps them in the brand's phrasing with the source named. Every fact in the answer is a sentence of
the knowledge base, word for word.
"""

from __future__ import annotations

import math

from heine_ai.providers.llm.base import Answer, AnswerRequest, Passage
from heine_ai.text import points_back, sentences, stems

MAX_SENTENCES = 3
MAX_ANSWER_CHARS = 600
LIST_ITEMS = 6  # a sentence ending in a colon announces what follows: up to this many of the following lines
MAX_ANTECEDENT_CHARS = 300  # a longer sentence before a pointing-back one is left out rather than crowd the answer


class ExtractiveLLM:
    name = "extractive"

    async def answer(self, request: AnswerRequest) -> Answer:
        texts = request.brand.texts_for(request.language)
        if not request.passages:
            return Answer(text=texts.no_answer)
        best = request.passages[0]
        body = " ".join(select_sentences(request.question, best))
        text = f"{texts.answer_intro} {body} {texts.source_hint.format(title=best.title)}"
        return Answer(text=text)

    async def ping(self) -> None:
        return None


def select_sentences(question: str, passage: Passage, limit: int = MAX_SENTENCES) -> list[str]:
    """The passage's sentences that answer ``question`` best, in their original order."""
    candidates = sentences(passage.text)
    if not candidates:
        return []
    wanted = set(stems(question))
    scored = []
    for index, sentence in enumerate(candidates):
        words = stems(sentence)
        overlap = len(wanted.intersection(words))
        scored.append((overlap / math.sqrt(len(words) + 1), index))
    scored.sort(key=lambda item: (-item[0], item[1]))
    if scored[0][0] == 0:
        chosen = [0, 1][: len(candidates)]
    else:
        top = scored[0][0]
        chosen = [index for score, index in scored[:limit] if score >= top * 0.5]
    picked = [candidates[index] for index in _with_announced_lists(_with_antecedents(chosen, candidates), candidates)]
    out: list[str] = []
    for sentence in picked:
        if sum(len(s) for s in out) + len(sentence) > MAX_ANSWER_CHARS and out:
            break
        out.append(sentence)
    return out


def _with_antecedents(chosen: list[int], candidates: list[str]) -> list[int]:
    """The chosen sentences, each one that points back ("In diesem Fall ...", "Dafür ...") with the sentence it
    points to: alone it would answer out of context."""
    out = set(chosen)
    for index in chosen:
        before = index - 1
        if before >= 0 and points_back(candidates[index]) and len(candidates[before]) <= MAX_ANTECEDENT_CHARS:
            out.add(before)
    return sorted(out)


def _with_announced_lists(chosen: list[int], candidates: list[str]) -> list[int]:
    """The chosen sentences in order, each one that ends in a colon ("Als Mitglied profitieren Sie von:") with
    the lines it announces: alone it would answer nothing."""
    out: set[int] = set()
    for index in chosen:
        out.add(index)
        if candidates[index].endswith(":"):
            out.update(range(index + 1, min(index + 1 + LIST_ITEMS, len(candidates))))
    return sorted(out)

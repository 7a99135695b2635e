"""The embedded default answer provider: grounded sentences of the passages, no model, no invention.

Per part of the question it quotes the sentences that answer what that part asks (``selection.py``: a price,
a span of time, steps, a table row, a yes or no) and frames them in the brand's words (``framing.py``). Every fact
in the answer is a sentence of the knowledge base, word for word; the answer reports which passages it quoted.
"""

from __future__ import annotations

from heine_ai.plain_wording import plain_wording
from heine_ai.providers.llm.base import Answer, AnswerRequest, Passage, last_reply
from heine_ai.providers.llm.framing import frame
from heine_ai.providers.llm.selection import choose


class ExtractiveLLM:
    name = "extractive"

    async def answer(self, request: AnswerRequest) -> Answer:
        texts = request.brand.texts_for(request.language)
        if not request.passages:
            return Answer(text=texts.no_answer)
        # the sentences that answer the question in the page's words: "mit Karte zahlen" asks for "Kreditkarte"
        said = last_reply(request.history) if request.more else ""
        choices = choose(plain_wording(request.question, request.language), request.passages, request.language, said)
        if not choices:
            return Answer(text=texts.no_answer, used=())  # quoted nothing: no source to name
        text = frame(texts, choices, request.passages, request.language, request.history)
        used = tuple(dict.fromkeys(choice.passage for choice in choices))
        return Answer(text=text, used=used)

    async def ping(self) -> None:
        return None


def select_sentences(question: str, passage: Passage, language: str = "de") -> list[str]:
    """The sentences of one passage that answer ``question``, in the order of the question's parts."""
    return [sentence for choice in choose(question, (passage,), language) for sentence in choice.sentences]

"""Sentence release from a real model (llama.cpp serving SmolLM2-135M): whatever it streams, only verified,
unmasked sentences reach the customer, and when its answer is sent they add up to exactly that answer."""

from __future__ import annotations

import re
from dataclasses import replace

from heine_ai.providers.llm.extractive import ExtractiveLLM
from heine_ai.providers.llm.verification import unsupported_facts
from tests.providers.test_llamacpp_server import llama_server, llm
from tests.providers.test_openai_llm import REQUEST
from tests.providers.test_openai_streaming import Collected

__all__ = ["llama_server"]  # the module-scoped fixture, used here


async def test_released_sentences_of_a_real_model_are_verified(llama_server: str) -> None:
    sink = Collected()
    answer = await llm(llama_server).answer(replace(REQUEST, on_text=sink))
    sources = [REQUEST.passages[0].evidence, REQUEST.question]
    for piece in sink.pieces:
        assert unsupported_facts(piece, sources) == [], piece
        assert not re.search(r"\[[A-Z]+_\d+\]", piece), piece  # no mask placeholder: restored or dropped
    if answer.text != (await ExtractiveLLM().answer(REQUEST)).text:
        assert "".join(sink.pieces) == answer.text

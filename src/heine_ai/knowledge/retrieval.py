"""Hybrid retrieval over one brand's knowledge: German BM25 fused with dense multilingual-e5 search.

Candidates come from both signals and are ordered by reciprocal-rank fusion. Each result also carries a
``relevance`` in 0..1 that means the same across queries: a blend of the dense cosine similarity (mapped from the
range where e5 separates related from unrelated text) and the share of the question's content words the chunk
contains. The assistant compares it with a threshold to decide whether it has an answer at all.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass

import bm25s
import numpy as np
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.knowledge import repository
from heine_ai.providers.embeddings import Embedder
from heine_ai.providers.vectors import StoredChunk, VectorStore
from heine_ai.text import stems

RRF_K = 60
CANDIDATES = 30
DENSE_FLOOR = 0.76  # e5 cosine of unrelated German text
DENSE_CEILING = 0.90  # e5 cosine of a passage that answers the question
DENSE_WEIGHT = 0.6
VERSION_CHECK_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class RetrievedChunk:
    chunk: StoredChunk
    relevance: float
    dense: float
    coverage: float

    @property
    def title(self) -> str:
        return str(self.chunk.metadata.get("title", ""))

    @property
    def url(self) -> str:
        return str(self.chunk.metadata.get("url", ""))

    @property
    def section(self) -> str:
        return str(self.chunk.metadata.get("section", ""))


class LexicalIndex:
    """BM25 over Snowball stems of one brand's chunks."""

    def __init__(self, chunks: Sequence[StoredChunk], version: int) -> None:
        self.chunks = list(chunks)
        self.version = version
        self.stems = [set(stems(_searchable(chunk))) for chunk in self.chunks]
        self._bm25 = bm25s.BM25()
        if self.chunks:
            self._bm25.index([list(s) or ["_"] for s in self._stem_lists()], show_progress=False)

    def _stem_lists(self) -> list[list[str]]:
        return [stems(_searchable(chunk)) for chunk in self.chunks]

    def search(self, query_stems: Sequence[str], k: int) -> list[int]:
        known = [s for s in query_stems if s in self._bm25.vocab_dict] if self.chunks else []
        if not known:
            return []
        scores = self._bm25.get_scores(known)
        order = np.argsort(-scores)[:k]
        return [int(i) for i in order if scores[i] > 0]


def _searchable(chunk: StoredChunk) -> str:
    return f"{chunk.metadata.get('title', '')} {chunk.metadata.get('section', '')} {chunk.text}"


def dense_relevance(similarity: float) -> float:
    return float(min(1.0, max(0.0, (similarity - DENSE_FLOOR) / (DENSE_CEILING - DENSE_FLOOR))))


class KnowledgeBase:
    """Searches a brand's chunks; keeps a lexical index per brand, rebuilt when the knowledge version changes."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], store: VectorStore, embedder: Embedder) -> None:
        self._sessions = sessions
        self._store = store
        self._embedder = embedder
        self._indexes: dict[str, LexicalIndex] = {}
        self._checked: dict[str, float] = {}
        self._build_lock = asyncio.Lock()

    async def version(self, brand: str) -> int:
        async with self._sessions() as session:
            return await repository.version(session, brand)

    def invalidate(self, brand: str) -> None:
        self._checked.pop(brand, None)

    async def _lexical(self, brand: str) -> LexicalIndex:
        index = self._indexes.get(brand)
        now = time.monotonic()
        if index is not None and now - self._checked.get(brand, 0.0) < VERSION_CHECK_SECONDS:
            return index
        current = await self.version(brand)
        self._checked[brand] = now
        if index is not None and index.version == current:
            return index
        async with self._build_lock:
            index = self._indexes.get(brand)
            if index is None or index.version != current:
                chunks = await asyncio.to_thread(self._store.all_chunks, brand)
                index = await asyncio.to_thread(LexicalIndex, chunks, current)
                self._indexes[brand] = index
        return index

    async def search(self, brand: str, query: str, k: int = 3) -> list[RetrievedChunk]:
        lexical = await self._lexical(brand)
        if not lexical.chunks:
            return []
        return await asyncio.to_thread(self._search_blocking, brand, lexical, query, k)

    def _search_blocking(self, brand: str, lexical: LexicalIndex, query: str, k: int) -> list[RetrievedChunk]:
        query_stems = stems(query)
        vector = self._embedder.embed_query(query)
        dense_hits = self._store.query(brand, vector, min(CANDIDATES, len(lexical.chunks)))
        lexical_hits = [lexical.chunks[i] for i in lexical.search(query_stems, CANDIDATES)]
        fused: dict[str, float] = {}
        by_id: dict[str, StoredChunk] = {}
        similarity: dict[str, float] = {}
        for rank, hit in enumerate(dense_hits):
            fused[hit.chunk.id] = fused.get(hit.chunk.id, 0.0) + 1.0 / (RRF_K + rank + 1)
            by_id[hit.chunk.id] = hit.chunk
            similarity[hit.chunk.id] = hit.similarity
        for rank, chunk in enumerate(lexical_hits):
            fused[chunk.id] = fused.get(chunk.id, 0.0) + 1.0 / (RRF_K + rank + 1)
            by_id.setdefault(chunk.id, chunk)
        ranked = sorted(fused, key=lambda chunk_id: -fused[chunk_id])[:k]
        missing = [chunk_id for chunk_id in ranked if chunk_id not in similarity]
        if missing:  # lexical-only hits: their stored vectors give the dense similarity
            for chunk_id, stored in zip(missing, self._store.embeddings(brand, missing), strict=True):
                similarity[chunk_id] = float(stored @ vector)
        wanted = set(query_stems)
        results = []
        for chunk_id in ranked:
            chunk = by_id[chunk_id]
            sim = similarity[chunk_id]
            chunk_stems = set(stems(_searchable(chunk)))
            coverage = len(wanted & chunk_stems) / len(wanted) if wanted else 0.0
            relevance = DENSE_WEIGHT * dense_relevance(sim) + (1 - DENSE_WEIGHT) * coverage
            results.append(RetrievedChunk(chunk=chunk, relevance=round(relevance, 4), dense=sim, coverage=coverage))
        return results

"""Ingest documents into a brand's knowledge: idempotent by content hash, safe against failure half-way.

New chunks get ids that include the document's content hash, so they are written beside the old ones; the SQL
row then switches to the new hash and only after that are the old chunks deleted. An ingest that fails on the
way leaves the previous version searchable.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.db.models import KnowledgeDocument, utcnow
from heine_ai.errors import KnowledgeError
from heine_ai.knowledge import repository
from heine_ai.knowledge.chunking import chunk_document
from heine_ai.knowledge.documents import Document, iter_files, read_document
from heine_ai.observability.logging import get_logger
from heine_ai.providers.embeddings import Embedder
from heine_ai.providers.vectors import StoredChunk, VectorStore

log = get_logger(__name__)

Progress = Callable[[int, int], None]  # (documents done, documents in all)


@dataclass(slots=True)
class IngestSummary:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    chunks: int = 0
    seconds: float = 0.0
    version: int = 0

    @property
    def changed_anything(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def document_key(brand: str, source: str) -> str:
    return hashlib.sha256(f"{brand}\x1f{source}".encode()).hexdigest()[:24]


def chunk_ids(key: str, content_hash: str, count: int) -> list[str]:
    return [f"{key}-{content_hash[:12]}-{index}" for index in range(count)]


class Ingestor:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], store: VectorStore, embedder: Embedder) -> None:
        self._sessions = sessions
        self._store = store
        self._embedder = embedder

    async def ingest_paths(
        self,
        brand: str,
        paths: Sequence[Path],
        *,
        prune: bool = False,
        progress: Progress | None = None,
    ) -> IngestSummary:
        documents: list[Document] = []
        summary = IngestSummary()
        for root in paths:
            try:
                files = list(iter_files(root))
            except KnowledgeError as exc:
                summary.failed.append((str(root), exc.message))
                continue
            base = root if root.is_dir() else root.parent
            for path in files:
                try:
                    documents.append(read_document(path, base))
                except KnowledgeError as exc:
                    log.warning("knowledge_document_skipped", source=str(path), reason=exc.message)
                    summary.failed.append((str(path), exc.message))
        return await self.ingest_documents(brand, documents, prune=prune, progress=progress, summary=summary)

    async def ingest_documents(
        self,
        brand: str,
        documents: Sequence[Document],
        *,
        prune: bool = False,
        progress: Progress | None = None,
        summary: IngestSummary | None = None,
    ) -> IngestSummary:
        summary = summary or IngestSummary()
        started = time.perf_counter()
        async with self._sessions() as session:
            existing = await repository.documents_by_source(session, brand)
        seen: set[str] = set()
        for done, document in enumerate(documents, start=1):
            if progress:
                progress(done, len(documents))
            seen.add(document.source)
            row = existing.get(document.source)
            if row is not None and row.content_hash == document.content_hash:
                summary.unchanged += 1
                summary.chunks += row.chunk_count
                continue
            try:
                count = await self._write_document(brand, document, row)
            except Exception as exc:  # one bad document never stops the others
                log.error("knowledge_document_failed", source=document.source, error_type=type(exc).__name__)
                summary.failed.append((document.source, f"{type(exc).__name__}: {exc}"))
                continue
            summary.chunks += count
            if row is None:
                summary.added += 1
            else:
                summary.changed += 1
        if prune:
            for source, row in existing.items():
                if source not in seen:
                    await self._remove_document(brand, row)
                    summary.removed += 1
        async with self._sessions() as session, session.begin():
            if summary.changed_anything:
                summary.version = await repository.bump_version(session, brand)
            else:
                summary.version = await repository.version(session, brand)
        summary.seconds = time.perf_counter() - started
        log.info(
            "knowledge_ingested",
            brand=brand,
            added=summary.added,
            changed=summary.changed,
            unchanged=summary.unchanged,
            removed=summary.removed,
            failed=len(summary.failed),
            chunks=summary.chunks,
            seconds=round(summary.seconds, 3),
        )
        return summary

    async def _write_document(self, brand: str, document: Document, row: KnowledgeDocument | None) -> int:
        chunks = chunk_document(document)
        if not chunks:
            raise KnowledgeError(f"{document.source}: no text to index")
        key = document_key(brand, document.source)
        ids = chunk_ids(key, document.content_hash, len(chunks))
        stored = [
            StoredChunk(
                id=chunk_id,
                text=chunk.text,
                metadata={
                    "doc_key": key,
                    "source": document.source,
                    "title": chunk.title,
                    "section": chunk.section,
                    "url": chunk.url,
                },
            )
            for chunk_id, chunk in zip(ids, chunks, strict=True)
        ]
        embeddings = await asyncio.to_thread(self._embedder.embed_passages, [c.embedding_text for c in chunks])
        await asyncio.to_thread(self._store.upsert, brand, stored, embeddings)
        old_ids = chunk_ids(key, row.content_hash, row.chunk_count) if row is not None else []
        async with self._sessions() as session, session.begin():
            current = row and await session.get(KnowledgeDocument, row.id)
            if current is None:
                current = KnowledgeDocument(brand=brand, source=document.source)
                session.add(current)
            current.url = document.url
            current.title = document.title
            current.content_hash = document.content_hash
            current.chunk_count = len(chunks)
            current.updated_at = utcnow()
        stale = [chunk_id for chunk_id in old_ids if chunk_id not in set(ids)]
        if stale:
            await asyncio.to_thread(self._store.delete_ids, brand, stale)
        return len(chunks)

    async def _remove_document(self, brand: str, row: KnowledgeDocument) -> None:
        async with self._sessions() as session, session.begin():
            current = await session.get(KnowledgeDocument, row.id)
            if current is not None:
                await session.delete(current)
        ids = chunk_ids(document_key(brand, row.source), row.content_hash, row.chunk_count)
        await asyncio.to_thread(self._store.delete_ids, brand, ids)

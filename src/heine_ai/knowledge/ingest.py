"""Ingest documents into a brand's knowledge: idempotent by content hash, safe against failure half-way.

New chunks get ids that include the document's content hash, so they are written beside the old ones; the SQL
row then switches to the new hash and only after that are the old chunks deleted. An ingest that fails on the
way leaves the previous version searchable.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.db.models import KnowledgeDocument, utcnow
from heine_ai.errors import KnowledgeError
from heine_ai.knowledge import repository
from heine_ai.knowledge.chunking import Chunk, chunk_document
from heine_ai.knowledge.documents import Document
from heine_ai.knowledge.fetch import FetchLimits
from heine_ai.knowledge.outbound import Network
from heine_ai.knowledge.retrieval import sentence_collection
from heine_ai.knowledge.sources import SourceCollector
from heine_ai.languages import decided_language
from heine_ai.observability.logging import get_logger
from heine_ai.providers.embeddings import Embedder
from heine_ai.providers.vectors import StoredChunk, VectorStore
from heine_ai.text import sentences

log = get_logger(__name__)

Progress = Callable[[int, int], None]  # (documents done, documents in all)


@dataclass(slots=True)
class IngestSummary:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, URL or upload, reason)
    chunks: int = 0
    seconds: float = 0.0
    version: int = 0
    prune_skipped: bool = False  # prune was asked for, but a folder, URL list or sitemap could not be read

    @property
    def changed_anything(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def document_key(brand: str, source: str) -> str:
    return hashlib.sha256(f"{brand}\x1f{source}".encode()).hexdigest()[:24]


def chunk_ids(key: str, content_hash: str, count: int) -> list[str]:
    return [f"{key}-{content_hash[:12]}-{index}" for index in range(count)]


@dataclass(frozen=True, slots=True)
class BrandKnowledge:
    brand: str
    documents: int
    chunks: int
    version: int


class Ingestor:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        store: VectorStore,
        embedder: Embedder,
        *,
        max_file_bytes: int = 50 << 20,
        allowed_networks: tuple[Network, ...] = (),
        domains: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """``domains``: per brand, the hosts its URLs may name (``knowledge_domains``); a brand without: any."""
        self._sessions = sessions
        self._store = store
        self._embedder = embedder
        self._limits = FetchLimits(max_bytes=max_file_bytes, allowed_networks=allowed_networks)
        self._domains = {brand: tuple(names) for brand, names in (domains or {}).items()}

    async def ingest(
        self,
        brand: str,
        targets: Sequence[str | Path],
        *,
        prune: bool = False,
        progress: Progress | None = None,
        source_prefix: str = "",
    ) -> IngestSummary:
        """Ingest files and folders (``Path``) and URLs (``str``: pages, URL lists, sitemaps).

        Unreadable inputs are skipped and listed in ``failed``. With ``prune``, documents no longer among the
        targets are removed, except those that failed this time, and nothing at all when a folder, URL list or
        sitemap could not be read (``prune_skipped``).
        """
        collector = SourceCollector(replace(self._limits, allowed_domains=self._domains.get(brand, ())))
        collected = await collector.collect(targets, source_prefix=source_prefix)
        summary = IngestSummary(failed=list(collected.failed), prune_skipped=prune and not collected.complete)
        if summary.prune_skipped:
            log.warning("knowledge_prune_skipped", brand=brand, failed=len(collected.failed))
        return await self.ingest_documents(
            brand,
            list(collected.documents.values()),
            prune=prune and collected.complete,
            keep=collected.protected,
            progress=progress,
            summary=summary,
        )

    async def ingest_paths(
        self,
        brand: str,
        paths: Sequence[Path],
        *,
        prune: bool = False,
        progress: Progress | None = None,
    ) -> IngestSummary:
        return await self.ingest(brand, list(paths), prune=prune, progress=progress)

    async def ingest_documents(
        self,
        brand: str,
        documents: Sequence[Document],
        *,
        prune: bool = False,
        keep: Collection[str] = (),
        progress: Progress | None = None,
        summary: IngestSummary | None = None,
    ) -> IngestSummary:
        """Write what changed; with ``prune``, remove documents that are neither given nor in ``keep``."""
        summary = summary or IngestSummary()
        started = time.perf_counter()
        async with self._sessions() as session:
            existing = await repository.documents_by_source(session, brand)
        for done, document in enumerate(documents, start=1):
            if progress:
                progress(done, len(documents))
            await self._ingest_one(brand, document, existing.get(document.source), summary)
        if prune:
            wanted = {document.source for document in documents} | set(keep)
            for source, row in existing.items():
                if source not in wanted:
                    await self._remove_document(brand, row)
                    summary.removed += 1
        async with self._sessions() as session, session.begin():
            if summary.changed_anything:
                summary.version = await repository.bump_version(session, brand)
            else:
                summary.version = await repository.version(session, brand)
        summary.seconds = time.perf_counter() - started
        _log_summary(brand, summary)
        return summary

    async def status(self, brands: Sequence[str]) -> list[BrandKnowledge]:
        """Documents, chunks and knowledge version of each brand (zeros for a brand never ingested)."""
        async with self._sessions() as session:
            counts = await repository.counts_by_brand(session)
            versions = await repository.versions_by_brand(session)
        return [BrandKnowledge(brand, *counts.get(brand, (0, 0)), version=versions.get(brand, 0)) for brand in brands]

    async def _ingest_one(
        self, brand: str, document: Document, row: KnowledgeDocument | None, summary: IngestSummary
    ) -> None:
        if row is not None and row.content_hash == document.content_hash:
            summary.unchanged += 1
            summary.chunks += row.chunk_count
            return
        try:
            count = await self._write_document(brand, document, row)
        except Exception as exc:  # one bad document never stops the others
            log.error("knowledge_document_failed", source=document.source, error_type=type(exc).__name__)
            reason = exc.message if isinstance(exc, KnowledgeError) else f"{type(exc).__name__}: {exc}"
            summary.failed.append((document.source, reason))
            return
        summary.chunks += count
        if row is None:
            summary.added += 1
        else:
            summary.changed += 1

    async def _write_document(self, brand: str, document: Document, row: KnowledgeDocument | None) -> int:
        chunks = chunk_document(document)
        if not chunks:
            raise KnowledgeError("no text to index")
        key = document_key(brand, document.source)
        ids = chunk_ids(key, document.content_hash, len(chunks))
        languages = (
            chunk_languages(chunks, document.language) if document.detected else [document.language] * len(chunks)
        )
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
                    "language": language,
                },
            )
            for chunk_id, chunk, language in zip(ids, chunks, languages, strict=True)
        ]
        embeddings = await asyncio.to_thread(self._embedder.embed_passages, [c.embedding_text for c in chunks])
        await asyncio.to_thread(self._store.upsert, brand, stored, embeddings)
        await self._write_sentences(brand, stored, chunks)
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
            await self._delete_chunks(brand, stale)
        return len(chunks)

    async def _remove_document(self, brand: str, row: KnowledgeDocument) -> None:
        async with self._sessions() as session, session.begin():
            current = await session.get(KnowledgeDocument, row.id)
            if current is not None:
                await session.delete(current)
        ids = chunk_ids(document_key(brand, row.source), row.content_hash, row.chunk_count)
        await self._delete_chunks(brand, ids)

    async def _write_sentences(self, brand: str, stored: Sequence[StoredChunk], chunks: Sequence[Chunk]) -> None:
        """Each chunk's sentences get vectors of their own: the retrieval scores a chunk by its best sentence. So
        does its section heading, marked ``heading`` (searched, never quoted): a page's heading often says in the
        customer's words what its sentences say in the shop's ("Wie viel Zeit habe ich für eine Rücksendung?" for
        "Wie lange habe ich Zeit, etwas zurückzuschicken?")."""
        records, texts = [], []
        for row, chunk in zip(stored, chunks, strict=True):
            if chunk.section and chunk.section != chunk.title:
                records.append(StoredChunk(id=f"{row.id}-h", text="", metadata={"chunk_id": row.id, "heading": True}))
                texts.append(chunk.section)
            for n, sentence in enumerate(sentences(chunk.text)):
                records.append(StoredChunk(id=f"{row.id}-s{n}", text=sentence, metadata={"chunk_id": row.id}))
                texts.append(chunk.sentence_embedding_text(sentence))
        vectors = await asyncio.to_thread(self._embedder.embed_passages, texts)
        await asyncio.to_thread(self._store.upsert, sentence_collection(brand), records, vectors)

    async def _delete_chunks(self, brand: str, ids: Sequence[str]) -> None:
        await asyncio.to_thread(self._store.delete_ids, brand, ids)
        await asyncio.to_thread(self._store.delete_where_in, sentence_collection(brand), "chunk_id", ids)


def _log_summary(brand: str, summary: IngestSummary) -> None:
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


def chunk_languages(chunks: list[Chunk], page: str) -> list[str]:
    """Each chunk's language, for a page that does not state one: its own where its words decide it, else that of
    the chunk before it, else the page's. A page with a German and an English part ("Internationale Bestellungen /
    International orders") is searched in the customer's language part by part; a list of facts under a German
    heading stays German."""
    out: list[str] = []
    current = page
    for chunk in chunks:
        current = decided_language(f"{chunk.section}\n{chunk.text}") or current
        out.append(current)
    return out

"""Collecting the documents of an ingest: files, folders, URL lists, sitemaps and web pages.

Nothing here stops at a bad input: each file or URL that cannot be read becomes a ``(name, reason)`` failure and
the rest goes on. Failures also decide what ``--prune`` may remove: a document that failed this time keeps its
indexed version (``protected``), and when a folder, URL list or sitemap could not be read at all we do not know
which documents it holds, so nothing is pruned (``complete`` is False).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path, PurePosixPath
from typing import ParamSpec
from urllib.parse import urlsplit

import httpx

from heine_ai.errors import KnowledgeError
from heine_ai.knowledge.documents import Document, iter_files
from heine_ai.knowledge.fetch import FetchLimits, fetch, open_client
from heine_ai.knowledge.loaders import Listing, Loaded, Origin, kind_of_response, load, read_file
from heine_ai.observability.logging import get_logger

log = get_logger(__name__)

MAX_URLS = 10_000  # per ingest, over all URL lists and sitemaps
MAX_SITEMAP_DEPTH = 3
_LISTING_SUFFIXES = frozenset({".txt", ".text", ".xml", ".gz"})  # files that may be URL lists or sitemaps
P = ParamSpec("P")


class Role(Enum):
    TARGET = "target"  # named by the operator: a page, a URL list or a sitemap
    PAGE = "page"  # listed in a URL list or sitemap
    SITEMAP = "sitemap"  # listed in a sitemap index


@dataclass(frozen=True, slots=True)
class Pending:
    url: str
    role: Role
    depth: int = 0


@dataclass(slots=True)
class Collected:
    documents: dict[str, Document] = field(default_factory=dict)  # by source; the first one wins
    failed: list[tuple[str, str]] = field(default_factory=list)
    protected: set[str] = field(default_factory=set)  # sources that failed: their indexed version stays
    complete: bool = True  # every folder, URL list and sitemap was read: only then may prune remove anything

    def add(self, document: Document) -> None:
        self.documents.setdefault(document.source, document)

    def fail(self, name: str, reason: str, *, source: str | None = None, listing: bool = False) -> None:
        log.warning("knowledge_source_skipped", source=name, reason=reason)
        self.failed.append((name, reason))
        if source is not None:
            self.protected.add(source)
        if listing:
            self.complete = False


class SourceCollector:
    def __init__(self, limits: FetchLimits) -> None:
        self._limits = limits

    async def collect(self, targets: Sequence[str | Path], *, source_prefix: str = "") -> Collected:
        """Paths are files or folders, strings are URLs. ``source_prefix`` goes before relative paths."""
        collected = Collected()
        pending: list[Pending] = []
        for target in targets:
            if isinstance(target, Path):
                pending += await self._collect_path(target, source_prefix, collected)
            else:
                pending.append(Pending(target, Role.TARGET))
        if pending:
            await self._collect_urls(pending, collected)
        return collected

    async def _collect_path(self, root: Path, prefix: str, collected: Collected) -> list[Pending]:
        try:
            files, base = await asyncio.to_thread(_list_files, root)
        except KnowledgeError as exc:
            collected.fail(str(root), exc.message, listing=True)
            return []
        pending: list[Pending] = []
        for path in files:
            source = prefix + path.relative_to(base).as_posix()
            origin = Origin(source=source, url="/" + PurePosixPath(source).with_suffix("").as_posix(), name=path.stem)
            outcome = await asyncio.to_thread(_guarded, read_file, path, origin, self._limits.max_bytes)
            if isinstance(outcome, KnowledgeError):
                listing = path.suffix.lower() in _LISTING_SUFFIXES
                collected.fail(source if prefix else str(path), outcome.message, source=source, listing=listing)
            elif isinstance(outcome, Listing):
                pending += _expand(Pending(source, Role.TARGET), outcome, collected)
            else:
                collected.add(outcome)
        return pending

    async def _collect_urls(self, wave: list[Pending], collected: Collected) -> None:
        semaphore = asyncio.Semaphore(self._limits.concurrency)
        seen: set[str] = set()
        async with open_client(self._limits) as client:
            while wave:
                batch = _unseen(wave, seen, collected)
                outcomes = await asyncio.gather(*(self._load_url(client, semaphore, item.url) for item in batch))
                wave = []
                for item, outcome in zip(batch, outcomes, strict=True):
                    if isinstance(outcome, KnowledgeError):
                        collected.fail(item.url, outcome.message, source=item.url, listing=item.role is not Role.PAGE)
                    elif isinstance(outcome, Listing):
                        wave += _expand(item, outcome, collected)
                    else:
                        collected.add(outcome)

    async def _load_url(
        self, client: httpx.AsyncClient, semaphore: asyncio.Semaphore, url: str
    ) -> Loaded | KnowledgeError:
        async with semaphore:
            try:
                fetched = await fetch(client, url, self._limits)
                kind = kind_of_response(fetched.content_type, url)
            except KnowledgeError as exc:
                return exc
            except Exception as exc:  # whatever else goes wrong on the wire, the other URLs go on
                log.error("knowledge_fetch_failed", error_type=type(exc).__name__)
                return KnowledgeError(f"download failed ({type(exc).__name__})")
            origin = Origin(source=url, url=url, name=_url_name(url), metadata_url=False, charset=fetched.charset)
            return await asyncio.to_thread(_guarded, load, fetched.data, kind, origin, self._limits.max_bytes)


def _list_files(root: Path) -> tuple[list[Path], Path]:
    """The files below ``root`` and the folder their sources are relative to."""
    return list(iter_files(root)), root if root.is_dir() else root.parent


def _guarded(reader: Callable[P, Loaded], *args: P.args, **kwargs: P.kwargs) -> Loaded | KnowledgeError:
    """The reader's result, or its error: an unexpected one (a parser bug) must not stop the other documents."""
    try:
        return reader(*args, **kwargs)
    except KnowledgeError as exc:
        return exc
    except Exception as exc:
        log.error("knowledge_reader_failed", error_type=type(exc).__name__)
        return KnowledgeError(f"could not be read ({type(exc).__name__})")


def _expand(parent: Pending, listing: Listing, collected: Collected) -> list[Pending]:
    if parent.depth >= MAX_SITEMAP_DEPTH:
        collected.fail(parent.url, f"sitemaps nested more than {MAX_SITEMAP_DEPTH} levels deep", listing=True)
        return []
    depth = parent.depth + 1
    return [Pending(url, Role.PAGE, depth) for url in listing.pages] + [
        Pending(url, Role.SITEMAP, depth) for url in listing.sitemaps
    ]


def _unseen(wave: list[Pending], seen: set[str], collected: Collected) -> list[Pending]:
    batch: list[Pending] = []
    for item in wave:
        if item.url in seen or item.url in collected.documents:
            continue
        if len(seen) >= MAX_URLS:
            collected.fail(item.url, f"more than {MAX_URLS} URLs in one ingest; the rest is skipped", listing=True)
            break
        seen.add(item.url)
        batch.append(item)
    return batch


def _url_name(url: str) -> str:
    parts = urlsplit(url)
    name = PurePosixPath(parts.path).stem
    return name or parts.netloc

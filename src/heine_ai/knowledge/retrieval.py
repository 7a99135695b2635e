"""Search one brand's knowledge: the hybrid index of ``index.py`` plus a relevance that means the same everywhere.

The fused z-scores rank chunks within one query but say nothing about whether the best chunk answers at all.
``relevance`` does: a logistic function of absolute signals (the best sentence cosine, the whole-chunk cosine
and the share of the question's content words found in the chunk), calibrated by ``bench/calibrate_relevance.py``
so that 0.5 separates passages that answer a question from those that do not. The assistant compares it with
``SIMILARITY_THRESHOLD``.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.glossary import concepts, kin, translated_terms, word_kin
from heine_ai.knowledge import repository
from heine_ai.knowledge.index import METHODS, BrandIndex, Method, Positions, Scored
from heine_ai.knowledge.site_names import titled_by_page
from heine_ai.knowledge.spelling import dictionary
from heine_ai.observability.timing import span
from heine_ai.plain_wording import place_names, plain_wording
from heine_ai.providers.embeddings import Embedder, Vector
from heine_ai.providers.llm.base import Passage
from heine_ai.providers.llm.questions import Ask, ask_of
from heine_ai.providers.llm.selection import gives_steps
from heine_ai.providers.vectors import StoredChunk, VectorStore
from heine_ai.text import ENGLISH_STOPWORDS, QUESTION_WORDS, STOPWORDS, fold, stems

__all__ = ["METHODS", "KnowledgeBase", "Method", "Preference", "RetrievedChunk", "mentions", "sentence_collection"]

VERSION_CHECK_SECONDS = 5.0
TIE_MARGIN = 0.1  # fused-score difference below which two hits count as a tie (see break_ties)
TIE_POOL = 3  # hits searched at least, so that a search for one hit breaks its tie as a search for three does
# relevance = sigmoid(W_SENT * sentence + W_PASS * passage + W_COVER * coverage + BIAS); bench/calibrate_relevance.py
W_SENT, W_PASS, W_COVER, BIAS = 13.8, 73.7, 2.8, -75.6
# multilingual-e5-small places a question further from a page in the other language than from the same page in
# its own: the demo brand's German FAQ questions (every 4th of bench/data/heine_questions.jsonl) met their best
# German section at a cosine 0.048 higher, on average, than the best of its English translation (median 0.058).
# A search across languages adds this to both cosines before the relevance is computed.
CROSS_LANGUAGE_GAP = 0.048
# a chunk holding a word of the question that at most RARE_TERM_CHUNKS chunks of the brand use, of at least
# RARE_TERM_LETTERS letters as a stem, is at least this relevant (just above the threshold)
RARE_TERM_RELEVANCE, RARE_TERM_CHUNKS, RARE_TERM_LETTERS = 0.55, 2, 6
# a language holding less than this share of a brand's chunks is searched together with the others (see
# _in_language), and their hit wins when it is this much more relevant
MINORITY_LANGUAGE, CLEARLY_BETTER = 0.2, 0.05
LONG_NAME = 7  # a question's word this long, or capitalised inside it, names a thing (see rare_terms)


def sentence_collection(brand: str) -> str:
    """The vector-store collection holding the sentence vectors of a brand's chunks."""
    return f"{brand}.sentences"


def relevance(sentence: float, passage: float, coverage: float) -> float:
    logit = W_SENT * sentence + W_PASS * passage + W_COVER * coverage + BIAS
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))


def coverage(
    query: str, chunk_stems: frozenset[str], into: str | None = None, known: frozenset[str] | None = None
) -> float:
    """Share of the question's content words (stems) that occur in the chunk, its title or section.

    With ``into`` (the chunks' language when it is not the question's), a word also counts as found when one of
    its translations (``glossary.py``) is in the chunk, and the other language's filler words do not count."""
    if into is None:
        words = [word for word in query.split() if stems(word)]
        if known is not None:  # a word no page of the brand uses ("Mantel") weighs on no page
            words = [word for word in words if mentions(word, known)]
        found = {stem for word in words for stem in stems(word) if mentions(word, chunk_stems)}
        wanted = {stem for word in words for stem in stems(word)}
        return len(found) / len(wanted) if wanted else 0.0
    filler = STOPWORDS | ENGLISH_STOPWORDS | QUESTION_WORDS
    terms = [t for t in concepts(query, into) if not (len(t) == 1 and fold(t[0]) in filler)]
    if not terms:
        return 0.0
    return sum(bool(set(stems(" ".join(term))) & chunk_stems) for term in terms) / len(terms)


def mentions(word: str, chunk_stems: frozenset[str]) -> bool:
    """Whether a word of the question, or a word of its family (``glossary.FAMILIES``), is in the chunk."""
    return any(set(stems(member)) <= chunk_stems for member in word_kin(word))


def break_ties(results: list[RetrievedChunk], query: str) -> list[RetrievedChunk]:
    """Hits whose fused scores are within ``TIE_MARGIN`` of the best are ordered by their calibrated relevance.

    The fused z-scores are relative, and related sections often end up a hundredth apart: for "Kann ich per PayPal
    bezahlen?" a side remark on the payment-methods page ("In diesem Fall können Sie mit Kreditkarte oder PayPal
    bezahlen.") scored 3.399 and the section "Bezahlen mit PayPal" 3.390, so tiny numeric differences decided the
    order. Relevance, the absolute estimate of whether a chunk answers the question (0.88 against 0.98 there), is
    the better judge of such a tie. Searched among the German pages only (a German customer), the same two
    scored 3.354 and 3.299: z-scores move with the set of candidates, hence a margin of 0.1. Measured 2026-12-04
    (margin 0.05 / 0.1 / 0.15 / 0.2): XQuAD-de recall@1 0.9681 / 0.9681 / 0.9672 / 0.9655, the right document
    first for 0.860 / 0.865 / 0.870 / 0.885 of the demo FAQ's 200 questions.
    """
    if not results:
        return results
    tied = [r for r in results if results[0].score - r.score <= TIE_MARGIN]
    if ask_of(query) is Ask.HOW_TO:  # "Wie schicke ich es zurück?" wants steps: a tied passage with them first
        return sorted(tied, key=lambda r: (not gives_steps(r.chunk.text), -r.relevance)) + results[len(tied) :]
    return sorted(tied, key=lambda r: -r.relevance) + results[len(tied) :]


@dataclass(frozen=True, slots=True)
class Preference:
    """Answer from the chunks in ``language`` when their best hit reaches ``min_relevance``, else from all.

    An English customer gets the English page and a German one the German page, but a brand whose English FAQ
    is smaller than its German one still answers an English question the English pages do not cover."""

    language: str
    min_relevance: float


@dataclass(frozen=True, slots=True)
class RetrievedChunk:
    chunk: StoredChunk
    relevance: float
    score: float
    sentence: float
    passage: float
    coverage: float
    sentences: tuple[tuple[str, float], ...] = ()  # the chunk's sentences with their cosines to the question

    @property
    def title(self) -> str:
        return str(self.chunk.metadata.get("title", ""))

    @property
    def url(self) -> str:
        return str(self.chunk.metadata.get("url", ""))

    @property
    def section(self) -> str:
        return str(self.chunk.metadata.get("section", ""))

    @property
    def language(self) -> str:
        return str(self.chunk.metadata.get("language", ""))

    def as_passage(self) -> Passage:
        """What an answer provider gets of this chunk."""
        return Passage(
            title=self.title,
            url=self.url,
            text=self.chunk.text,
            relevance=self.relevance,
            section=self.section,
            language=self.language,
            similarities=dict(self.sentences),
        )


def load_index(store: VectorStore, brand: str, version: int) -> BrandIndex:
    """Read a brand's chunks and sentence vectors from the store (blocking)."""
    chunks, passage_vectors = store.export(brand)
    chunks = titled_by_page(chunks, brand)
    sentences, sentence_vectors = store.export(sentence_collection(brand))
    position = {chunk.id: i for i, chunk in enumerate(chunks)}
    keep = [i for i, s in enumerate(sentences) if s.metadata.get("chunk_id") in position]
    owner = [position[str(sentences[i].metadata["chunk_id"])] for i in keep]
    texts = [sentences[i].text for i in keep]
    index = BrandIndex(chunks, passage_vectors, sentence_vectors[keep], owner, version, texts)
    for language in index.languages:  # the spelling dictionaries take seconds to load: here, not in a question
        dictionary(language)
    return index


def search_forms(index: BrandIndex, query: str, language: str) -> tuple[str, str | None]:
    """The forms a question is searched in with a language preference: as the brand writes its words (misspelt
    words corrected, ``spelling.py``), and, for a question in dialect or everyday words, also in the page's words
    (``plain_wording.py``) unless the correction alone gave them (None then)."""
    corrected = index.vocabulary.corrected(query, language)
    reworded = plain_wording(query, language)
    if reworded == query:
        return corrected, None
    plain = index.vocabulary.corrected(reworded, language)
    return corrected, None if plain == corrected else plain


class KnowledgeBase:
    """Searches a brand's chunks; reloads the brand's index when its knowledge version changes."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], store: VectorStore, embedder: Embedder) -> None:
        self._sessions = sessions
        self._store = store
        self._embedder = embedder
        self._indexes: dict[str, BrandIndex] = {}
        self._checked: dict[str, float] = {}
        self._build_lock = asyncio.Lock()

    async def version(self, brand: str) -> int:
        async with self._sessions() as session:
            return await repository.version(session, brand)

    async def current_version(self, brand: str) -> int:
        """The version of the loaded index (refreshed like the index itself, at most every few seconds)."""
        return (await self.index(brand)).version

    def invalidate(self, brand: str) -> None:
        self._checked.pop(brand, None)

    async def index(self, brand: str) -> BrandIndex:
        """The brand's index, at most a few seconds behind its knowledge version. Once a new version is seen,
        every caller waits for its index: none is served the old one while it loads (that would answer from the
        old knowledge, and from the answer cache of the old version)."""
        index = self._indexes.get(brand)
        now = time.monotonic()
        if index is not None and now - self._checked.get(brand, 0.0) < VERSION_CHECK_SECONDS:
            return index
        current = await self.version(brand)
        if index is None or index.version != current:
            async with self._build_lock:
                index = self._indexes.get(brand)
                if index is None or index.version != current:
                    index = await asyncio.to_thread(load_index, self._store, brand, current)
                    self._indexes[brand] = index
        self._checked[brand] = now
        return index

    async def page_stems(self, brand: str, url: str) -> frozenset[str]:
        """The stems of every chunk of one page (``url``), with their titles and sections."""
        index = await self.index(brand)
        found = [index.content_stems(i) for i, chunk in enumerate(index.chunks) if chunk.metadata.get("url") == url]
        return frozenset().union(*found)

    async def search(self, brand: str, query: str, k: int = 3, method: Method = "project") -> list[RetrievedChunk]:
        return (await self.lookup(brand, query, k, method))[1]

    async def embed_ahead(self, brand: str, query: str, language: str) -> dict[str, Vector]:
        """The vectors of the query and of the forms ``lookup`` searches it in (``search_forms``), made in one
        call of the model: a misspelt question costs one embedding of two texts, not two embeddings."""
        index = await self.index(brand)
        texts = list(dict.fromkeys(t for t in (query, *search_forms(index, query, language)) if t is not None))
        with span("embed_query"):
            vectors = await asyncio.to_thread(self._embedder.embed_queries, texts)
        return dict(zip(texts, vectors, strict=True))

    async def lookup(
        self,
        brand: str,
        query: str,
        k: int = 3,
        method: Method = "project",
        vector: Vector | None = None,
        prefer: Preference | None = None,
        ahead: Mapping[str, Vector] | None = None,
    ) -> tuple[Vector, list[RetrievedChunk]]:
        """The query's embedding and its hits: the assistant's classifiers reuse the vector (one embedding per
        message); a caller that already has the vector passes it, or the vectors ``embed_ahead`` made. With
        ``prefer``, the hits come from the chunks in its language when the brand has such chunks and the best of
        them is relevant enough."""
        known = dict(ahead or {})
        if vector is not None:
            known[query] = vector
        with span("retrieval"):
            index = await self.index(brand)
            return await asyncio.to_thread(self._search_blocking, index, query, k, method, known, prefer)

    def _search_blocking(
        self,
        index: BrandIndex,
        query: str,
        k: int,
        method: Method,
        known: dict[str, Vector],
        prefer: Preference | None,
    ) -> tuple[Vector, list[RetrievedChunk]]:
        vector = self._vector(query, known)
        if not len(index):
            return vector, []
        if prefer is None:
            return vector, self._ranked(index, query, vector, k, method, None)
        return vector, self._preferred(index, query, known, k, method, prefer)

    def _vector(self, text: str, known: dict[str, Vector]) -> Vector:
        if text not in known:
            known[text] = self._embedder.embed_query(text)
        return known[text]

    def _preferred(
        self, index: BrandIndex, query: str, known: dict[str, Vector], k: int, method: Method, prefer: Preference
    ) -> list[RetrievedChunk]:
        """The hits among the chunks in the preferred language if one of them is relevant enough, else among all;
        misspelt words are searched as the brand writes them (with a vector of the corrected question), and a
        question in dialect or everyday words also in the page's words (``plain_wording.py``): those hits win
        when their best is more relevant."""
        corrected, plain = search_forms(index, query, prefer.language)
        results = self._in_language(index, corrected, self._vector(corrected, known), k, method, prefer)
        if plain is None:
            return results
        reworded = self._in_language(index, plain, self._vector(plain, known), k, method, prefer)
        if reworded and (not results or reworded[0].relevance > results[0].relevance):
            return reworded
        return results

    def _in_language(
        self, index: BrandIndex, query: str, vector: Vector, k: int, method: Method, prefer: Preference
    ) -> list[RetrievedChunk]:
        within = index.in_language(prefer.language)
        other = _other_language(index, prefer.language)
        if within is not None:
            results = self._ranked(index, query, vector, k, method, within)
            if results and results[0].relevance >= prefer.min_relevance:
                if len(within) >= MINORITY_LANGUAGE * len(index.chunks):
                    return results
                # the customer's language holds a few notes only ("For customers abroad" below German pages): a
                # page in the other language that answers clearly better answers instead
                everywhere = self._ranked(index, query, vector, k, method, None, other)
                better = everywhere and everywhere[0].relevance >= results[0].relevance + CLEARLY_BETTER
                return everywhere if better else results
        return self._ranked(index, query, vector, k, method, None, other)

    def _ranked(
        self,
        index: BrandIndex,
        query: str,
        vector: Vector,
        k: int,
        method: Method,
        within: Positions | None,
        into: str | None = None,
    ) -> list[RetrievedChunk]:
        """The hits; with ``into``, the lexical search also looks for the question's terms in that language."""
        translated = translated_terms(query, into) if into else []
        lexical = " ".join([query, *translated])
        rare = rare_terms(query, index)
        if method != "project":  # the baselines of ``heine-ai eval retrieval``: the question's words only
            hits = index.search(vector, lexical, k, method, within)
            return [self._result(index, query, hit, vector, into, rare) for hit in hits]
        # a tie is broken among at least TIE_POOL hits, so that the first hit does not depend on ``k``
        hits = index.search(vector, lexical, max(k, TIE_POOL), method, within, related=" ".join(kin(lexical)))
        return break_ties([self._result(index, query, hit, vector, into, rare) for hit in hits], query)[:k]

    @staticmethod
    def _result(
        index: BrandIndex, query: str, hit: Scored, vector: Vector, into: str | None, rare: frozenset[str]
    ) -> RetrievedChunk:
        """One hit; ``rare``: the question's words few chunks use (``rare_terms``), found once per search."""
        chunk = index.chunks[hit.position]
        language = str(chunk.metadata.get("language", ""))
        across = into if into is not None and language == into else None  # a chunk in the question's own language
        share = coverage(query, index.content_stems(hit.position), across, index.known_stems)  # is read as such
        gap = CROSS_LANGUAGE_GAP if across is not None else 0.0
        fitted = relevance(hit.sentence + gap, hit.passage + gap, share)
        if across is None and rare & index.content_stems(hit.position):
            fitted = max(fitted, RARE_TERM_RELEVANCE)
        return RetrievedChunk(
            chunk=chunk,
            relevance=round(fitted, 4),
            score=hit.score,
            sentence=hit.sentence,
            passage=hit.passage,
            coverage=share,
            sentences=tuple(index.sentence_cosines(vector, hit.position)),
        )


def rare_terms(query: str, index: BrandIndex) -> frozenset[str]:
    """The question's words (stems) that few of the brand's chunks use: a chunk holding one is about it. "Kann ich
    bei Ihnen per Nachnahme bestellen?" and the one sentence naming "Nachnahme" among the ways not to pay, whose
    cosines to the question are low because the sentence lists six other things. None when the question names a
    thing no page names ("die Daunenjacke Elster", "Zwiebelkuchen"): no page answers it."""
    counts = index.stem_chunks
    words = query.split()
    named = [w for number, w in enumerate(words) if (number and w[:1].isupper()) or len(w) >= LONG_NAME]
    if any(stem not in counts for stem in stems(" ".join(named))):
        return frozenset()
    places = place_names()  # a place says where, not what: "zu mir nach Rosenheim" and the warehouse near it
    # a thing is named, not done: "dauert" in two FAQ headings makes no page about the question
    things = " ".join(word for word in named if fold(word.strip(".,;:!?")) not in places)
    return frozenset(
        stem
        for stem in stems(things)
        if stem not in STOPWORDS and len(stem) >= RARE_TERM_LETTERS and counts[stem] <= RARE_TERM_CHUNKS
    )


def _other_language(index: BrandIndex, language: str) -> str | None:
    """The language the question's terms are translated into: the brand's other one when it has exactly one
    besides the customer's (or only that one)."""
    others = [found for found in index.languages if found and found != language]
    return others[0] if len(others) == 1 else None

"""The in-memory search index of one brand: passage vectors, sentence vectors and a character n-gram BM25.

The vector store is the source of truth; this index is loaded from it whenever the brand's knowledge version
changes, and searched with numpy, which is exact and fast enough for 100,000 chunks on two cores.

Scoring (chosen by measurement on XQuAD-de, see docs/benchmarks.md, "Retrieval"): three signals per candidate chunk,
each z-scored across the query's candidates, then summed with weights:

- the cosine of the question and the whole chunk (multilingual-e5-small),
- the best cosine of the question and any single sentence of the chunk (questions usually target one sentence),
- BM25 over character 4-grams of the content words (German compounds and inflections meet; digit words exact).

With more than ``STAGE_ONE`` chunks, a first stage keeps the best chunks by passage cosine and BM25 alone, and
only those are scored in full.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import bm25s
import numpy as np
import numpy.typing as npt

from heine_ai.knowledge.spelling import Vocabulary
from heine_ai.providers.embeddings import Vector
from heine_ai.providers.vectors import StoredChunk
from heine_ai.text import char_ngrams, identifiers, stems

Method = Literal["bm25", "char4", "dense", "project"]
METHODS: tuple[Method, ...] = ("bm25", "char4", "dense", "project")

W_PASSAGE, W_SENTENCE, W_LEXICAL = 0.20, 0.45, 0.35
W_IDENTIFIER = 1.0  # per identifier of the question (order or article number) that the chunk contains verbatim
# A section heading counts as one of its chunk's sentences with its cosine less this: a short heading ("Kann ich
# Lieferadresse, Größe oder Farbe noch ändern?") lies near many questions that its section does not answer.
HEADING_DISCOUNT = 0.02
W_RELATED = 0.5  # the lexical weight of a word family's words relative to the question's own (see search)
BM25_K1, BM25_B = 0.6, 0.75
STAGE_ONE = 200
# Sentence vectors are kept as float32 up to this many (150 MB), as float16 beyond: converting the candidates'
# float16 rows back cost 0.6 ms of the 1.5 ms search on the demo brand, but halves the memory of a large index.
FLOAT32_SENTENCES = 100_000

Floats = npt.NDArray[np.float32]
Positions = npt.NDArray[np.int64]

logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets its logger to DEBUG when imported


@dataclass(frozen=True, slots=True)
class Scored:
    """One chunk of a result, with its raw signals (used to calibrate the relevance)."""

    position: int
    score: float
    passage: float
    sentence: float
    lexical: float


def zscore(values: Floats) -> Floats:
    spread = float(values.std())
    if spread < 1e-9:
        return np.zeros_like(values)
    return np.asarray((values - values.mean()) / spread, dtype=np.float32)


def searchable_text(chunk: StoredChunk) -> str:
    return f"{chunk.metadata.get('title', '')} {chunk.metadata.get('section', '')} {chunk.text}"


class BrandIndex:
    def __init__(
        self,
        chunks: Sequence[StoredChunk],
        passage_vectors: Vector,
        sentence_vectors: Vector,
        sentence_owner: Sequence[int],
        version: int,
        sentence_texts: Sequence[str] = (),
    ) -> None:
        """``sentence_owner[i]`` is the position in ``chunks`` of sentence ``i``, ``sentence_texts[i]`` its text
        (optional: only ``sentence_cosines`` needs it; empty for a section heading, which is searched but never
        quoted); sentences are grouped by owner."""
        self.chunks = list(chunks)
        self.version = version
        rows = np.ascontiguousarray(passage_vectors, dtype=np.float32)  # (0, 0) from a store with nothing in it
        self._passages = rows.reshape(len(self.chunks), -1) if self.chunks else rows.reshape(0, rows.shape[-1])
        order = np.argsort(np.asarray(sentence_owner, dtype=np.int64), kind="stable")
        owners = np.asarray(sentence_owner, dtype=np.int64)[order]
        wide = len(owners) <= FLOAT32_SENTENCES
        self._sentences = np.ascontiguousarray(
            np.asarray(sentence_vectors)[order], dtype=np.float32 if wide else np.float16
        )
        self._sentence_texts = [sentence_texts[i] for i in order] if len(sentence_texts) else []
        # a heading (no text) is searched a little below a sentence of the same cosine: see HEADING_DISCOUNT
        self._discount = np.asarray([0.0 if text else HEADING_DISCOUNT for text in self._sentence_texts], np.float32)
        self._start = np.searchsorted(owners, np.arange(len(self.chunks)))
        self._end = np.searchsorted(owners, np.arange(len(self.chunks)), side="right")
        self._bm25 = _bm25_index([char_ngrams(searchable_text(c)) for c in self.chunks], k1=BM25_K1, b=BM25_B)
        self._classic: bm25s.BM25 | None = None  # Snowball-stem BM25, built only for the evaluation baseline
        self._identifiers: dict[str, list[int]] = {}
        self._stems: dict[int, frozenset[str]] = {}
        self._vocabulary: Vocabulary | None = None
        by_language: dict[str, list[int]] = {}
        for position, chunk in enumerate(self.chunks):
            for token in set(identifiers(searchable_text(chunk))):
                self._identifiers.setdefault(token, []).append(position)
            by_language.setdefault(str(chunk.metadata.get("language", "")), []).append(position)
        self._languages = {language: np.asarray(found, dtype=np.int64) for language, found in by_language.items()}

    def __len__(self) -> int:
        return len(self.chunks)

    def in_language(self, language: str) -> Positions | None:
        """The positions of the chunks in ``language``; None when there are none or every chunk is in it, so that
        restricting a search to them would change nothing or find nothing."""
        found = self._languages.get(language)
        if found is None or len(found) == len(self.chunks):
            return None
        return found

    def has_language(self, language: str) -> bool:
        return language in self._languages

    @property
    def languages(self) -> list[str]:
        """The languages of the brand's chunks ("de", "en", ...)."""
        return sorted(self._languages)

    def sentence_cosines(self, vector: Vector, position: int) -> list[tuple[str, float]]:
        """Each sentence of the chunk at ``position`` with its cosine to ``vector`` (the question's): the
        multilingual signal by which an answer picks a German page's sentence for an English question."""
        start, end = int(self._start[position]), int(self._end[position])
        if not self._sentence_texts or end <= start:
            return []
        cosines = self._sentences[start:end].astype(np.float32, copy=False) @ vector
        texts = self._sentence_texts
        return [(texts[i], float(c)) for i, c in zip(range(start, end), cosines, strict=True) if texts[i]]

    def lexical_scores(self, query: str) -> Floats:
        return _bm25_scores(self._bm25, char_ngrams(query, query=True), len(self.chunks))

    def identifier_matches(self, query: str) -> Floats:
        """Per chunk, how many of the question's identifiers (digit words such as 40123456) it contains."""
        counts = np.zeros(len(self.chunks), dtype=np.float32)
        for token in set(identifiers(query)):
            for position in self._identifiers.get(token, ()):
                counts[position] += 1.0
        return counts

    def classic_bm25_scores(self, query: str) -> Floats:
        """BM25 over Snowball stems, the usual German baseline (``heine-ai eval retrieval`` method ``bm25``)."""
        if self._classic is None:
            self._classic = _bm25_index([stems(searchable_text(c)) for c in self.chunks], k1=1.5, b=0.75)
        return _bm25_scores(self._classic, stems(query), len(self.chunks))

    def sentence_max(self, vector: Vector, positions: npt.NDArray[np.int64]) -> Floats:
        """The best sentence cosine of each chunk in ``positions`` (the passage cosine where a chunk has none).

        One gather and one matrix product for all candidates, then a segmented maximum: a loop over the chunks
        cost 3 ms per query on the demo brand, this costs a tenth of that."""
        positions = np.asarray(positions, dtype=np.int64)
        out = np.asarray(self._passages[positions] @ vector, dtype=np.float32)
        starts, counts = self._start[positions], self._end[positions] - self._start[positions]
        has = counts > 0
        if has.any():
            sizes = counts[has]
            first = np.concatenate(([0], np.cumsum(sizes)[:-1]))
            rows = np.repeat(starts[has] - first, sizes) + np.arange(int(sizes.sum()))
            cosines = self._sentences[rows].astype(np.float32, copy=False) @ vector
            if len(self._discount):
                cosines = cosines - self._discount[rows]
            out[has] = np.maximum.reduceat(cosines, first)
        return out

    @property
    def vocabulary(self) -> Vocabulary:
        """The words of the brand's chunks, which a misspelt word of a question is corrected to (built once)."""
        if self._vocabulary is None:
            self._vocabulary = Vocabulary(searchable_text(chunk) for chunk in self.chunks)
        return self._vocabulary

    @cached_property
    def known_stems(self) -> frozenset[str]:
        """The stems of every chunk: the words the brand's pages use at all."""
        return frozenset().union(*(self.content_stems(i) for i in range(len(self.chunks))))

    @cached_property
    def stem_chunks(self) -> Counter[str]:
        """In how many chunks each stem occurs: a word few chunks use names what those chunks are about."""
        return Counter(stem for i in range(len(self.chunks)) for stem in self.content_stems(i))

    def content_stems(self, position: int) -> frozenset[str]:
        """The stems of a chunk's title, section and text, computed once per chunk (for the relevance's coverage)."""
        cached = self._stems.get(position)
        if cached is None:
            cached = self._stems[position] = frozenset(stems(searchable_text(self.chunks[position])))
        return cached

    def search(
        self,
        vector: Vector,
        query: str,
        k: int,
        method: Method = "project",
        within: Positions | None = None,
        related: str = "",
    ) -> list[Scored]:
        """The ``k`` best chunks, of all or only of those at the positions ``within`` (``method`` project).

        ``related``: words of the same meaning as the question's (its word families), which count in the lexical
        score with the weight ``W_RELATED``: a page that says "Rücksendung" is found for "zurückschicken", but a
        page with the customer's own word stays ahead of one with a relative only."""
        if not self.chunks:
            return []
        passage = self._passages @ vector
        lexical = self.lexical_scores(query)
        if related:
            lexical = lexical + W_RELATED * self.lexical_scores(related)
        if method == "dense":
            return self._single(passage, vector, passage, lexical, k)
        if method == "char4":
            return self._single(lexical, vector, passage, lexical, k)
        if method == "bm25":
            return self._single(self.classic_bm25_scores(query), vector, passage, lexical, k)
        exact = self.identifier_matches(query)
        candidates = np.arange(len(self.chunks)) if within is None else within
        if len(candidates) > STAGE_ONE:
            first = zscore(passage[candidates]) + zscore(lexical[candidates]) + W_IDENTIFIER * exact[candidates]
            candidates = candidates[np.argpartition(-first, STAGE_ONE)[:STAGE_ONE]]
        sentence = self.sentence_max(vector, candidates)
        fused = (
            W_PASSAGE * zscore(passage[candidates])
            + W_SENTENCE * zscore(sentence)
            + W_LEXICAL * zscore(lexical[candidates])
            + W_IDENTIFIER * exact[candidates]
        )
        best = np.argsort(-fused)[:k]
        return [
            Scored(
                position=int(candidates[i]),
                score=float(fused[i]),
                passage=float(passage[candidates[i]]),
                sentence=float(sentence[i]),
                lexical=float(lexical[candidates[i]]),
            )
            for i in best
        ]

    def _single(self, scores: Floats, vector: Vector, passage: Floats, lexical: Floats, k: int) -> list[Scored]:
        """Rank by one signal alone (the baselines of ``heine-ai eval retrieval``)."""
        best = np.argsort(-scores)[:k].astype(np.int64)
        sentence = self.sentence_max(vector, best)
        return [
            Scored(
                position=int(position),
                score=float(scores[position]),
                passage=float(passage[position]),
                sentence=float(sentence[j]),
                lexical=float(lexical[position]),
            )
            for j, position in enumerate(best)
        ]


def _bm25_index(documents: list[list[str]], *, k1: float, b: float) -> bm25s.BM25:
    index = bm25s.BM25(k1=k1, b=b, method="lucene")
    if documents:
        index.index([terms or ["_"] for terms in documents], show_progress=False)
    return index


def _bm25_scores(index: bm25s.BM25, terms: list[str], size: int) -> Floats:
    known = [t for t in terms if t in index.vocab_dict] if size else []
    if not known:
        return np.zeros(size, dtype=np.float32)
    return np.asarray(index.get_scores(known), dtype=np.float32)

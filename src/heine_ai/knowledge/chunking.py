"""Split documents into retrievable chunks along their headings and blocks.

A chunk is one section (or a part of a long one), carries its document's title, its section heading and URL, and
stays well inside the embedder's 512-token window (``MAX_CHUNK_WORDS``). A chunk's text is its blocks' plain lines:
a table stays in one chunk with its heading where it fits, and no line is cut inside a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from heine_ai.knowledge.blocks import Block, BlockKind
from heine_ai.knowledge.documents import Document
from heine_ai.text import points_back, sentences

MAX_CHUNK_WORDS = 220
# Blocks are packed into chunks of about this many words. A chunk's vector is the mean of its words': two long
# prose paragraphs in one chunk meet a question on either of them less closely than each paragraph alone does,
# and the relevance reads that closeness. A sentence is cut, and a table split, only above MAX_CHUNK_WORDS.
PACK_WORDS = 120


@dataclass(frozen=True, slots=True)
class Chunk:
    title: str
    section: str
    url: str
    text: str

    @property
    def embedding_text(self) -> str:
        """What the embedder sees: title and section give a short paragraph its topic."""
        heading = self.title if not self.section or self.section == self.title else f"{self.title} – {self.section}"
        return f"{heading}\n{self.text}"

    def sentence_embedding_text(self, sentence: str) -> str:
        """What the embedder sees of one of the chunk's sentences: a sentence that leans on what came before it
        ("In diesem Fall ...", "Dort ...") goes under its section's heading, which names its topic; without it,
        "In diesem Fall können Sie mit Kreditkarte oder PayPal bezahlen." matched a PayPal question better than
        the PayPal section did. Other sentences stay as they are: under its heading every sentence of a section
        moved (figures in docs/experiments/retrieval.md)."""
        return f"{self.section}\n{sentence}" if self.section and points_back(sentence) else sentence


def chunk_document(document: Document, max_words: int = PACK_WORDS) -> list[Chunk]:
    chunks: list[Chunk] = []
    for section, blocks in _sections(document):
        for part in _pack(blocks, max_words):
            chunks.append(Chunk(title=document.title, section=section or document.title, url=document.url, text=part))
    return chunks


def _sections(document: Document) -> list[tuple[str, list[Block]]]:
    """Blocks grouped under their nearest heading; the title heading (a first level-1 heading, or one that repeats
    the title) starts none, since every chunk carries the title anyway."""
    sections: list[tuple[str, list[Block]]] = [("", [])]
    for block in document.blocks:
        at_start = len(sections) == 1 and not sections[0][1]
        if block.kind is not BlockKind.HEADING:
            sections[-1][1].append(block)
        elif not (block.level == 1 and (at_start or block.text == document.title)):
            sections.append((block.text, []))
    return [(heading, blocks) for heading, blocks in sections if blocks]


def _pack(blocks: list[Block], max_words: int) -> list[str]:
    """Whole blocks into parts of at most ``max_words``; a longer block is split between its lines (a table
    between rows), a longer line between sentences. Blocks are separated by a blank line."""
    parts: list[str] = []
    current: list[str] = []
    words = 0
    for block in blocks:
        # a table's rows stay together up to the embedder's limit: "Und nach Österreich?" compares rows
        limit = max(max_words, MAX_CHUNK_WORDS) if block.kind is BlockKind.TABLE else max_words
        for piece in _split_long(block.lines, limit):
            count = len(piece.split())
            if current and words + count > max_words:
                parts.append("\n\n".join(current))
                current, words = [], 0
            current.append(piece)
            words += count
    if current:
        parts.append("\n\n".join(current))
    return parts


def _split_long(lines: tuple[str, ...], max_words: int) -> list[str]:
    """Groups of whole lines within ``max_words``; a line above it alone is cut between its sentences."""
    groups: list[list[str]] = [[]]
    words = 0
    for line in lines:
        for piece in _within(line, max_words):
            count = len(piece.split())
            if groups[-1] and words + count > max_words:
                groups.append([])
                words = 0
            groups[-1].append(piece)
            words += count
    return ["\n".join(group) for group in groups if group]


def _within(line: str, max_words: int) -> list[str]:
    if len(line.split()) <= max_words:
        return [line]
    pieces: list[str] = []
    longest = max(max_words, MAX_CHUNK_WORDS)
    for sentence in sentences(line):
        words = sentence.split()
        pieces.extend(" ".join(words[start : start + longest]) for start in range(0, len(words), longest))
    return pieces

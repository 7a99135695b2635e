"""Split documents into retrievable chunks along headings and paragraphs.

A chunk is one ``##`` section (or a part of a long one), carries its document's title, its section heading and
URL, and stays well inside the embedder's 512-token window (``MAX_CHUNK_WORDS``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from heine_ai.knowledge.documents import Document
from heine_ai.text import points_back

MAX_CHUNK_WORDS = 220
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


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


def chunk_document(document: Document, max_words: int = MAX_CHUNK_WORDS) -> list[Chunk]:
    chunks: list[Chunk] = []
    for section, body in _sections(document.text):
        for part in _pack_paragraphs(body, max_words):
            chunks.append(Chunk(title=document.title, section=section or document.title, url=document.url, text=part))
    return chunks


def _sections(text: str) -> list[tuple[str, str]]:
    sections: list[tuple[str, list[str]]] = [("", [])]
    for line in text.splitlines():
        match = _HEADING.match(line)
        if match and len(match.group(1)) == 1:
            continue  # the document title; kept on every chunk anyway
        if match:
            sections.append((match.group(2).strip(), []))
        else:
            sections[-1][1].append(line)
    return [(heading, "\n".join(lines).strip()) for heading, lines in sections if "\n".join(lines).strip()]


def _pack_paragraphs(body: str, max_words: int) -> list[str]:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    parts: list[str] = []
    current: list[str] = []
    words = 0
    for paragraph in paragraphs:
        for piece in _split_long(paragraph, max_words):
            count = len(piece.split())
            if current and words + count > max_words:
                parts.append("\n\n".join(current))
                current, words = [], 0
            current.append(piece)
            words += count
    if current:
        parts.append("\n\n".join(current))
    return parts


def _split_long(paragraph: str, max_words: int) -> list[str]:
    words = paragraph.split()
    if len(words) <= max_words:
        return [paragraph]
    return [" ".join(words[start : start + max_words]) for start in range(0, len(words), max_words)]

"""PDF files (``pypdf``): the text of every page, its lines put back into headings, paragraphs and list items.

A PDF knows only lines. A line that starts with a bullet or a number starts a list item; a short line without a
closing punctuation mark, after a finished sentence and before a capital, is a heading; a line that ends a sentence
well before the right margin ends its paragraph; every other line break is a wrap, joined with its hyphenation
("Rück-\\nsendung" -> "Rücksendung"). Page numbers are dropped. The title is the metadata's, else the first line.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from pypdf import PasswordType, PdfReader

from heine_ai.errors import KnowledgeError
from heine_ai.knowledge.blocks import Block, BlockWriter, has_body
from heine_ai.knowledge.documents import Document
from heine_ai.knowledge.lists import ListItem
from heine_ai.knowledge.loaders.base import Origin, build_document, one_line

_BULLET = re.compile(r"^(?:[•·▪◦‣●■\-–*]|\d{1,2}[.)])\s+(?=\S)")
_PAGE_NUMBER = re.compile(r"^(?:seite|page|s\.)?\s*\d{1,4}(?:\s*(?:/|von|of)\s*\d{1,4})?$", re.IGNORECASE)
_CLOSED = re.compile(r"[.!?:;,…-][\"'“”»)\]]*$")
_SENTENCE_END = re.compile(r"[.!?…:][\"'“”»)\]]*$")
MAX_HEADING_WORDS = 10
SHORT_LINE = 0.7  # of the longest line: shorter lines may end a paragraph or be a heading


def read_pdf(data: bytes, origin: Origin) -> Document:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise KnowledgeError("the PDF is password protected")
        pages = [page.extract_text() or "" for page in reader.pages]
        metadata_title = (reader.metadata.title if reader.metadata else None) or ""
    except KnowledgeError:
        raise
    except Exception as exc:  # pypdf raises many different errors on damaged files; all mean the same here
        raise KnowledgeError(f"not a readable PDF ({type(exc).__name__})") from exc
    lines = [line for page in pages for line in _lines(page)]
    blocks = pdf_blocks(lines)
    if not has_body(blocks):
        raise KnowledgeError("the PDF has no extractable text (scanned pages need OCR first)")
    title = one_line(str(metadata_title)) or one_line(lines[0])[:200]
    return build_document(origin, title=title, url=None, blocks=blocks)


def _lines(page: str) -> list[str]:
    stripped = (line.replace("\u00a0", " ").strip() for line in page.replace("\r\n", "\n").split("\n"))
    return [line for line in stripped if line and not _PAGE_NUMBER.match(line)]


@dataclass(slots=True)
class _Reader:
    writer: BlockWriter = field(default_factory=BlockWriter)
    paragraph: list[str] = field(default_factory=list)
    items: list[ListItem] = field(default_factory=list)

    def flush(self) -> None:
        if self.paragraph:
            self.writer.paragraph("\n".join(self.paragraph))
            self.paragraph = []

    def flush_items(self) -> None:
        if self.items:
            self.writer.items(self.items)
            self.items = []


def pdf_blocks(lines: list[str]) -> tuple[Block, ...]:
    """Headings, paragraphs and list items from a PDF's text lines, in order."""
    reader = _Reader()
    width = max((len(line) for line in lines), default=0)
    in_item = False
    at_break = True  # the previous line ended a block or a sentence: a heading may follow
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        bullet = _BULLET.match(line)
        if bullet:
            reader.flush()
            reader.items.append(ListItem(line[bullet.end() :]))
            in_item = True
        elif at_break and _is_heading(line, following, width):
            reader.flush()
            reader.flush_items()
            reader.writer.heading(1 if index == 0 else 2, line)
            in_item = False
        elif in_item:
            reader.items[-1].text += "\n" + line
        else:
            reader.flush_items()
            reader.paragraph.append(line)
        at_break = _ends_block(line, width) or _SENTENCE_END.search(line) is not None
        if _ends_block(line, width):
            in_item = False
            reader.flush()
    reader.flush()
    reader.flush_items()
    return reader.writer.blocks


def _is_heading(line: str, following: str, width: int) -> bool:
    return (
        len(line.split()) <= MAX_HEADING_WORDS
        and len(line) < SHORT_LINE * width
        and _CLOSED.search(line) is None
        and line[0].isupper()
        and (not following or following[0].isupper() or following[0].isdigit() or _BULLET.match(following) is not None)
    )


def _ends_block(line: str, width: int) -> bool:
    """A line well before the right margin was not wrapped: the paragraph or list item ends with it."""
    return len(line) < SHORT_LINE * width and not line.endswith(("-", ","))

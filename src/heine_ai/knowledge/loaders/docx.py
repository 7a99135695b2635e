"""Word documents (.docx, ``python-docx``): heading styles become ``##`` headings; paragraphs, lists and tables text.

Heading styles are recognised by their built-in names, which Word stores in English whatever the UI language
("heading 1"); German templates that rename them ("Überschrift 1") are recognised too. A "Heading 1" becomes
``##`` (a section for the chunker), deeper levels ``###`` and so on; the "Title" style is the document's title.
"""

from __future__ import annotations

import io
import re

import docx
from docx.document import Document as WordDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from heine_ai.errors import KnowledgeError
from heine_ai.knowledge.documents import Document
from heine_ai.knowledge.loaders.base import Origin, build_document, one_line

_HEADING_STYLE = re.compile(r"^(?:heading|überschrift)\s*(\d)$")
_TITLE_STYLES = frozenset({"title", "titel"})


def read_docx(data: bytes, origin: Origin) -> Document:
    try:
        word = docx.Document(io.BytesIO(data))
        blocks, styled_title = _blocks(word)
        core_title = word.core_properties.title or ""
    except Exception as exc:  # a damaged or encrypted file fails anywhere in zip, XML or python-docx
        raise KnowledgeError(f"not a readable Word document ({type(exc).__name__})") from exc
    text = "\n\n".join(blocks)
    if not any(block and not block.startswith("#") for block in blocks):
        raise KnowledgeError("the document has no text")
    return build_document(origin, title=one_line(core_title) or styled_title, url=None, text=text)


def _blocks(word: WordDocument) -> tuple[list[str], str | None]:
    blocks: list[str] = []
    title: str | None = None
    for item in word.iter_inner_content():
        if isinstance(item, Table):
            table = _table(item)
            if table:
                blocks.append(table)
            continue
        text = one_line(item.text)
        if not text:
            continue
        level = _heading_level(item)
        if level == 0:
            title = title or text
            blocks.append(f"# {text}")
        elif level is not None:
            title = title or (text if level == 1 and not blocks else None)
            blocks.append(f"{'#' * min(level + 1, 6)} {text}")
        else:
            blocks.append(f"- {text}" if _style_name(item).startswith("list") else text)
    return blocks, title


def _style_name(paragraph: Paragraph) -> str:
    style = paragraph.style
    return (style.name or "").strip().lower() if style is not None else ""


def _heading_level(paragraph: Paragraph) -> int | None:
    """0 for the title, 1..6 for headings, None for body text."""
    name = _style_name(paragraph)
    if name in _TITLE_STYLES:
        return 0
    match = _HEADING_STYLE.match(name)
    return int(match.group(1)) if match else None


def _table(table: Table) -> str:
    """One line per row, cells joined by " | "; a merged cell appears once, not once per grid column."""
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = one_line(cell.text)
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            lines.append(" | ".join(cells))
    return "\n".join(lines)

"""Word documents (.docx, ``python-docx``): heading styles become headings, list paragraphs list items (nested by
their level), tables row statements, a short paragraph in bold a heading.

Heading styles are recognised by their built-in names, which Word stores in English whatever the UI language
("heading 1"); German templates that rename them ("Überschrift 1") are recognised too. A "Heading 1" becomes a
level-2 heading (a section for the chunker), deeper levels go one deeper; the "Title" style is the document's title.
A footnote (python-docx does not read them) follows the paragraph that marks it, as in Markdown.
"""

from __future__ import annotations

import io
import re

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from heine_ai.errors import KnowledgeError
from heine_ai.knowledge.blocks import Block, BlockWriter, has_body
from heine_ai.knowledge.documents import Document
from heine_ai.knowledge.footnotes import PlacedNotes
from heine_ai.knowledge.lists import ListItem
from heine_ai.knowledge.loaders.base import Origin, build_document, one_line
from heine_ai.knowledge.tables import looks_like_header

_HEADING_STYLE = re.compile(r"^(?:heading|überschrift)\s*(\d)$")
_TITLE_STYLES = frozenset({"title", "titel"})
_LIST_STYLE = re.compile(r"^(?:list|liste|aufzählung)\b.*?(\d)?$")


def read_docx(data: bytes, origin: Origin) -> Document:
    try:
        word = docx.Document(io.BytesIO(data))
        blocks, styled_title = _blocks(word)
        core_title = word.core_properties.title or ""
    except Exception as exc:  # a damaged or encrypted file fails anywhere in zip, XML or python-docx
        raise KnowledgeError(f"not a readable Word document ({type(exc).__name__})") from exc
    if not has_body(blocks):
        raise KnowledgeError("the document has no text")
    return build_document(origin, title=one_line(core_title) or styled_title, url=None, blocks=blocks)


def _footnotes(word: WordDocument) -> dict[str, str]:
    """The text of each footnote by its id, from the document's footnotes part (none without one)."""
    part = next(
        (rel.target_part for rel in word.part.rels.values() if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES), None
    )
    if part is None:
        return {}
    root = etree.fromstring(part.blob)
    notes = {}
    for note in root.iterfind(qn("w:footnote")):
        text = " ".join("".join(note.itertext()).split())
        if text and note.get(qn("w:type")) is None:  # not the separator lines Word keeps there
            notes[str(note.get(qn("w:id")))] = text
    return notes


def _marked(item: Paragraph | Table, notes: PlacedNotes) -> list[str]:
    """The texts of the footnotes ``item`` marks that no earlier paragraph placed."""
    return notes.place(str(number) for number in item._element.xpath(".//w:footnoteReference/@w:id"))


def _blocks(word: WordDocument) -> tuple[tuple[Block, ...], str | None]:
    writer = BlockWriter()
    notes = PlacedNotes(_footnotes(word))
    title: str | None = None
    written = False  # whether anything came before: a first "Heading 1" is the title
    pending: list[tuple[int, str]] = []  # the list paragraphs in a row, with their level
    pending_notes: list[str] = []  # and the footnotes they mark, written below the list
    for item in word.iter_inner_content():
        level = _list_level(item) if isinstance(item, Paragraph) else None
        if level is not None and isinstance(item, Paragraph):
            pending.append((level, item.text))
            pending_notes.extend(_marked(item, notes))
            continue
        if pending:
            _write_list(writer, pending, pending_notes)
            pending, pending_notes = [], []
        if isinstance(item, Table):
            writer.table(_rows(item), header=_has_header(item))
            for note in _marked(item, notes):
                writer.paragraph(note)
            written = True
            continue
        text = one_line(item.text)
        if not text:
            continue
        heading = _heading_level(item)
        if heading == 0:
            title = title or text
            writer.heading(1, text)
        elif heading is not None:
            title = title or (text if heading == 1 and not written else None)
            writer.heading(heading + 1, text)
        else:
            writer.paragraph(text, emphasized=_all_bold(item))
        for note in _marked(item, notes):
            writer.paragraph(note)
        written = True
    if pending:
        _write_list(writer, pending, pending_notes)
    return writer.blocks, title


def _write_list(writer: BlockWriter, paragraphs: list[tuple[int, str]], notes: list[str]) -> None:
    writer.items(_nested(paragraphs))
    for note in notes:
        writer.paragraph(note)


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


def _list_level(paragraph: Paragraph) -> int | None:
    """0 for a top-level list item, 1 for one below it, ...; None for a paragraph that is no list item. Word marks
    list items by a list style ("List Bullet 2") or by numbering properties on the paragraph."""
    level = paragraph._p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
    if level and str(level[0]).isdigit():
        return int(level[0])
    match = _LIST_STYLE.match(_style_name(paragraph))
    if match:
        return int(match.group(1)) - 1 if match.group(1) else 0
    return 0 if paragraph._p.xpath("./w:pPr/w:numPr") else None


def _nested(paragraphs: list[tuple[int, str]]) -> list[ListItem]:
    """List paragraphs with their levels as a tree of items."""
    roots: list[ListItem] = []
    stack: list[tuple[int, ListItem]] = []
    for level, text in paragraphs:
        item = ListItem(text)
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(item)
        stack.append((level, item))
    return roots


def _all_bold(paragraph: Paragraph) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)


def _rows(table: Table) -> list[list[str]]:
    """The cells of each row, a merged cell in each grid column it spans ("ja" merged over "Deutschland",
    "Österreich" and "Südtirol" says yes for each; read once, it stood under the first column only and every cell
    after it under the wrong header); a row that is one cell across the table (a note) is that cell alone."""
    rows = []
    for row in table.rows:
        cells = row.cells
        spanning = len(cells) > 1 and all(cell._tc is cells[0]._tc for cell in cells)
        rows.append([cells[0].text] if spanning else [cell.text for cell in cells])
    return rows


def _has_header(table: Table) -> bool:
    """The first row is marked to repeat as a header, or reads like one."""
    if not table.rows:
        return False
    properties = table.rows[0]._tr.trPr
    if properties is not None and properties.find(qn("w:tblHeader")) is not None:
        return True
    return looks_like_header([one_line(text) for text in _rows(table)[0]])

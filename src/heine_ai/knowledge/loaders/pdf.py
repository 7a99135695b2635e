"""PDF files (``pypdf``): the text of every page, its lines put back into headings, paragraphs and list items.

A PDF knows only lines. A line that starts with a bullet or a number starts a list item, and so does a short line
that ends in an amount (a price list's row: "Mieder enger machen 42 €"); a short line without a closing
punctuation mark (or a question, also over two lines), after a finished sentence and before a capital, is
a heading; a line that ends a sentence well before the right margin ends its paragraph; every other line break is
a wrap, joined with its hyphenation ("Rück-\\nsendung" -> "Rücksendung"). A full line is the length most lines
reach, so a running header across a narrow column is a line of its own. Page numbers are dropped. The title is
the metadata's, else the first line.
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
# a row of a price list or a table of figures: a short line that ends in an amount ("Mieder enger machen 42 €")
_PRICED = re.compile(r"\d(?:[\d.,]*\d)?\s?(?:€|EUR|Euro|%|CHF)$|(?:€|EUR)\s?\d[\d.,]*$", re.IGNORECASE)
MAX_HEADING_WORDS = 10
SHORT_LINE = 0.7  # of a full line: shorter lines may end a paragraph or be a heading
WIDTH_SHARE = 0.75  # the share of a text's lines that are shorter than a full line
WIDE_LINE = 1.3  # of a full line: a longer line runs across the page, outside the text's column


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


_DIGIT = re.compile(r"\d")
# a row of a table of figures: a short key ("XS", "Größe 38") and figures or ranges ("78–82", "17–18.5")
_FIGURE_ROW = re.compile(r"^(?P<key>[^\d\s]\S{0,15}(?: [^\d\s]\S{0,15})?) (?P<values>[\d.,/–-]+(?: [\d.,/–-]+)*)$")
MIN_ROWS = 2  # of a table of figures read from a PDF's lines


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
    width = _text_width(lines)
    in_item = False
    at_break = True  # the previous line ended a block or a sentence: a heading may follow
    skip = False
    resume = 0  # the line after a table of figures read whole
    for index, line in enumerate(lines):
        if skip:  # the second line of a question heading
            skip = False
            continue
        if index < resume:
            continue
        if (table := _table_at(lines, index)) is not None:
            reader.flush()
            reader.flush_items()
            rows, resume = table
            reader.writer.table(rows, header=True)
            in_item, at_break = False, True
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        bullet = _BULLET.match(line)
        if at_break and _question_over_two_lines(line, following, width):
            reader.flush()
            reader.flush_items()
            reader.writer.heading(2, f"{line} {following}")
            in_item, skip = False, True
            continue
        if len(line) > WIDE_LINE * width:  # a running header or footer across the page: a block of its own
            reader.flush()
            reader.flush_items()
            reader.writer.paragraph(line)
            in_item, at_break = False, True
            continue
        if bullet:
            reader.flush()
            reader.items.append(ListItem(line[bullet.end() :]))
            in_item = True
        elif _is_row(line, width) and not (reader.paragraph and line[0].islower()):
            # a price list's row, each a statement: read as headings, a run of them headed nothing and was lost
            reader.flush()
            reader.items.append(ListItem(line))
            in_item = False
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


def _table_at(lines: list[str], index: int) -> tuple[list[list[str]], int] | None:
    """A table of figures whose header is the line at ``index``: at least ``MIN_ROWS`` rows below it of a key and
    the same number of figures each ("XS 78–82 60–64 86–90"), the header naming as many columns ("Size Chest (cm)
    Waist (cm) Hip (cm)": a name ends in its unit in brackets, else each word is one). The rows and the index after
    the last, or None. Text extraction loses the grid; read line by line, the rows ran into one paragraph."""
    header = lines[index]
    if _DIGIT.search(header):
        return None
    rows: list[list[str]] = []
    end = index + 1
    while end < len(lines) and (row := _FIGURE_ROW.match(lines[end])) is not None:
        values = row.group("values").split()
        if rows and len(values) != len(rows[0]) - 1:
            break
        rows.append([row.group("key"), *values])
        end += 1
    names = _column_names(header, len(rows[0])) if len(rows) >= MIN_ROWS else None
    return ([names, *rows], end) if names is not None else None


def _column_names(header: str, count: int) -> list[str] | None:
    words = header.split()
    if len(words) == count:
        return words
    named = re.split(r"(?<=\))\s+", header)  # "Size Chest (cm)", "Waist (cm)", "Hip (cm)"
    first = named[0].split(" ", 1)
    if len(named) == count - 1 and len(first) == 2 and all(name.endswith(")") for name in named):
        return [first[0], first[1], *named[1:]]
    return None


def _text_width(lines: list[str]) -> int:
    """The length of a full line of the text: the length most lines reach (``WIDTH_SHARE`` of them are shorter), not
    the longest line, which may be a header or footer running across a narrower text column."""
    lengths = sorted(len(line) for line in lines)
    return lengths[int(WIDTH_SHARE * (len(lengths) - 1))] if lengths else 0


def _is_heading(line: str, following: str, width: int) -> bool:
    return (
        len(line.split()) <= MAX_HEADING_WORDS
        and len(line) < SHORT_LINE * width
        and (_CLOSED.search(line) is None or line.endswith("?"))  # a FAQ's question heads its answer
        and line[0].isupper()
        and (not following or following[0].isupper() or following[0].isdigit() or _BULLET.match(following) is not None)
    )


def _is_row(line: str, width: int) -> bool:
    return _PRICED.search(line) is not None and len(line) < SHORT_LINE * width and len(line.split()) > 1


def _question_over_two_lines(line: str, following: str, width: int) -> bool:
    """A FAQ's question wrapped onto a second, short line ("Was ist von der Rückgabe" / "ausgeschlossen?")."""
    return (
        following.endswith("?")
        and _CLOSED.search(line) is None
        and bool(line)
        and line[0].isupper()
        and len(f"{line} {following}".split()) <= MAX_HEADING_WORDS
        and len(following) < SHORT_LINE * width
    )


def _ends_block(line: str, width: int) -> bool:
    """A line well before the right margin was not wrapped: the paragraph or list item ends with it."""
    return len(line) < SHORT_LINE * width and not line.endswith(("-", ","))

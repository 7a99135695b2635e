"""The block model every knowledge format is read into: headings, paragraphs, lists and tables as plain statements.

A reader (``knowledge/loaders/``) parses its format and hands the parts to a ``BlockWriter``; what comes out holds no
Markdown or HTML syntax, and every line is one or more whole sentences: a paragraph's hard line breaks and a PDF's
hyphenation are joined, a list item is a statement of its own (``lists``), a table row a statement that keeps its
column headers (``tables``). Chunking (``chunking``) packs blocks into chunks and never splits a line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from heine_ai.knowledge.lists import (
    ListItem,
    continues,
    is_fragment,
    list_statements,
    merged,
    sentence_case,
    terminated,
)
from heine_ai.knowledge.tables import looks_like_header, row_statements, with_unit
from heine_ai.knowledge.wrapping import joined_lines
from heine_ai.text import EMOJI

# a callout's icon in front of its text ("💡 Tipp: ...", "⚠️ Gardinen ..."); a check or a cross says yes or no
_ICON = re.compile(rf"^(?:(?![✓✔✗✘✖☑☒❌✅]){EMOJI})+\s+")
# the numbering of terms and conditions: structure, not content ("§ 3 Lieferzeiten", "3.1 Die Lieferzeit ...",
# "(2) Für Lieferungen nach ...", "B. Mangelhafte Ware"); quoted, "(2) Geht die Expressbestellung ..." reads oddly
_HEADING_NUMBER = re.compile(r"^(?:§+\s*\d+[a-z]?\.?|\d{1,2}\.(?:\d{1,2}\.?)*|[A-H]\.|[IVX]{1,4}\.)\s+(?=\S)")
# a page's own chrome that an export keeps as text: a breadcrumb ("Hilfe › Verkaufen › Ankauf"), the feedback
# widget ("War dieser Artikel hilfreich? 👍 Ja · 👎 Nein") and the link back; quoted, each is an answer of nothing
_BREADCRUMB = re.compile(
    r"^[^.!?›»]{1,40}(?:\s[›»]\s[^.!?›»]{1,40})+$|^[^.!?>]{1,40}(?:\s>\s[^.!?>]{1,40}){2,}$"
    r"|^[←«]\s*(?:zur[üu]ck|back)\b[^.!?]{0,40}\.?$",  # and the link back: "← Zurück zur Hilfe-Übersicht"
    re.IGNORECASE,
)
_FEEDBACK = re.compile(
    r"^(?:war (?:dieser|diese|dieses)|fanden sie (?:diesen|diese|dieses)|findest du (?:diesen|diese|dieses)"
    r"|hat (?:ihnen|dir) (?:dieser|diese|dieses)|was this|did this|did you find this)\b[^.!?]{0,40}"
    r"(?:hilfreich|n[üu]tzlich|geholfen|helpful|useful|help)\b.{0,40}$",
    re.IGNORECASE,
)
_CLAUSE_NUMBER = re.compile(r"^(?:\(\d{1,2}[a-z]?\)|\d{1,2}(?:\.\d{1,2})+\.?|§+\s*\d+[a-z]?)\s+(?=[A-ZÄÖÜ„\"])")
_NUMBER_CELL = re.compile(r"^\s*[\d.,–-]+\s*$")
SIZE_LABEL = 4  # the longest header of a size column ("XXL", "3XL", "42")
WRAPPED_LINE = 60  # a line of a labelled paragraph at least this long may have been wrapped
# "Versandkosten: 5,49 € pro Bestellung", "Bestellschluss: 12:00 Uhr (Mo.–Do.)": a short label and its value
_LABELLED_LINE = re.compile(r"^[A-ZÄÖÜ][\w&./()-]*(?: [\w&./()-]+){0,3}: \S")


def _labelled_facts(text: str) -> list[str]:
    """A paragraph whose lines open with labels, one fact each ("Lieferzeit: 2–3 Werktage" / "Versandkosten: 5,49 €
    pro Bestellung"), as its facts: a line without a label continues the fact before it unless that one ended its
    sentence or was short, so no wrap cut it. Empty for any other paragraph, and for a "Frage:" / "Antwort:" pair."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    labelled = [bool(_LABELLED_LINE.match(line)) for line in lines]
    if sum(labelled) < 2 or not labelled[0]:
        return []
    if any(_QUESTION_LABEL.match(line) or _ANSWER_LABEL.match(line) for line in lines):
        return []
    facts: list[str] = []
    for previous, line, label in zip(["", *lines], lines, labelled, strict=False):
        if label or previous.endswith((".", "!", "?")) or len(previous) < WRAPPED_LINE:
            facts.append(line)
        else:  # a long line cut off mid-sentence: the page was wrapped
            facts[-1] = f"{facts[-1]}\n{line}"
    return facts


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST = "list"
    TABLE = "table"


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    lines: tuple[str, ...]  # plain text, each line whole sentences; a heading or paragraph has one line
    level: int = 0  # a heading's level: 1 is the document's title, 2 to 6 its sections

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


# "Frage: Wie ...? Antwort: Sie ..." and its short and English forms, as FAQ exports label them
_OPEN_END = re.compile(r"[\w,]$")  # "... haben Sie 42 Tage Zeit,": the sentence goes on
_LOWER_START = re.compile(r"^[a-zäöüß]{2,}\b(?!\.)")  # "gerechnet ab ...", not "z. B."
_QUESTION_LABEL = re.compile(r"^(?:frage|question|f|q)\s*:\s*", re.IGNORECASE)
_ANSWER_LABEL = re.compile(r"(?:^|\s)(?:antwort|answer|a)\s*:\s+", re.IGNORECASE)
MAX_PSEUDO_HEADING_WORDS = 10
MAX_QUESTION_WORDS = 25
# a longer list stays one statement per item: one sentence of many items buries each of them for retrieval
MAX_JOINED_LIST_WORDS = 30


def has_body(blocks: Sequence[Block]) -> bool:
    """True when some block is more than a heading: a page of headings alone answers nothing."""
    return any(block.kind is not BlockKind.HEADING for block in blocks)


def blocks_text(blocks: Sequence[Block]) -> str:
    return "\n\n".join(block.text for block in blocks)


class BlockWriter:
    """Collects a document's blocks in reading order and puts each into its plain form."""

    def __init__(self) -> None:
        self._blocks: list[Block] = []
        self._level = 1  # of the last real heading: a bold line or a labelled question goes one below it
        self._led = False  # a bold question has headed a paragraph: the page writes its FAQ so
        self._open = ""  # the last paragraph, where it ends inside a sentence (on a comma or a word)

    @property
    def blocks(self) -> tuple[Block, ...]:
        return without_contents(without_superseded(self._blocks))

    def heading(self, level: int, text: str) -> None:
        text = _HEADING_NUMBER.sub("", joined_lines(text)).rstrip(":")
        if text:
            self._level = max(1, min(level, 6))
            self._blocks.append(Block(BlockKind.HEADING, (text,), self._level))

    def paragraph(self, text: str, *, emphasized: bool = False, lead: str = "") -> None:
        """``emphasized``: the whole paragraph is bold, as pages without heading markup write their headings; a
        short one without a full stop becomes a heading. ``lead``: the bold span the paragraph opens with; a
        question ("**Wie lange dauert's?** Meist 2–3 Tage.") or a short bold line of its own above the text is the
        heading of the rest, as FAQ pages write them (quoted, the question would read as the answer). A question
        labelled "Frage:" or "Q:" becomes a heading, its answer (after "Antwort:" or "A:") the paragraph below it.
        Lines that each open with a label ("Lieferzeit: 2–3 Werktage" / "Versandkosten: 5,49 €") are a list of
        facts, each a statement."""
        text = _ICON.sub("", text.lstrip())
        if _BREADCRUMB.match(plain := joined_lines(text)) or _FEEDBACK.match(plain):
            return
        if lead and text.startswith(lead) and _leads_a_section(lead, text[len(lead) :], self._led):
            self._led = True
            self.subheading(lead)
            text = text[len(lead) :].lstrip()
        text = _CLAUSE_NUMBER.sub("", text)
        facts = _labelled_facts(text)
        if facts:
            self._blocks.append(Block(BlockKind.LIST, tuple(terminated(joined_lines(fact)) for fact in facts)))
            return
        text = joined_lines(text)
        if not text:
            return
        question = _QUESTION_LABEL.match(text)
        if question:
            asked, answer = _split_answer(text[question.end() :])
            self.subheading(asked)
            text = answer
        elif emphasized and _reads_as_heading(text):
            self.subheading(text)
            return
        text = _ANSWER_LABEL.sub("", text, count=1) if _ANSWER_LABEL.match(text) else text
        if not text:
            return
        previous = self._blocks[-1] if self._blocks else None
        open_before = previous is not None and self._open and previous.lines == (terminated(self._open),)
        if open_before and _LOWER_START.match(text):
            # a sentence a CMS broke over two paragraphs ("... 42 Tage Zeit," / "gerechnet ab dem Tag, ..."): cut
            # loose, the second half would be quoted as a sentence starting in lower case
            text = f"{self._open} {text}"
            self._blocks.pop()
        self._open = text if _OPEN_END.search(text) else ""
        self._blocks.append(Block(BlockKind.PARAGRAPH, (terminated(text),)))

    def items(self, items: Sequence[ListItem]) -> None:
        """A list: after an introducing "... folgende Zahlungsarten:" a short list of fragments ("Rechnung",
        "Kreditkarte") joins that paragraph to one statement; otherwise every item is a statement of its own."""
        statements = list_statements(items)
        if not statements:
            return
        previous = self._blocks[-1] if self._blocks else None
        if (
            previous is not None
            and previous.kind is BlockKind.PARAGRAPH
            and previous.lines[-1].endswith(":")
            and all(is_fragment(statement) for statement in statements)
            and sum(len(statement.split()) for statement in statements) <= MAX_JOINED_LIST_WORDS
        ):
            self._blocks[-1] = Block(BlockKind.PARAGRAPH, (terminated(merged(previous.lines[-1], statements)),))
            return
        if previous is not None and previous.kind is BlockKind.HEADING and not previous.lines[0].endswith("?"):
            # items in lower case right under a heading continue it ("Wann es kein Widerrufsrecht gibt" / "bei
            # Gardinen nach Maß"): quoted alone, "Bei Gardinen nach Maß." would say the opposite of the page
            heading = previous.lines[0].rstrip(":")
            statements = [f"{heading}: {s}" if continues(s) else s for s in statements]
        lines = tuple(terminated(sentence_case(statement)) for statement in statements)
        self._blocks.append(Block(BlockKind.LIST, lines))

    def table(self, rows: Sequence[Sequence[str]], *, header: bool) -> None:
        """``header``: the first row names the columns."""
        cells = [[joined_lines(cell) for cell in row] for row in rows]
        cells = [row for row in cells if any(row)]
        if not cells:
            return
        if len(cells) > 2 and len(cells[0]) > 1 and not any(cell.strip() for cell in cells[0][1:]):
            self.paragraph(cells[0][0])  # a caption read as the table's first row; the header may follow it
            cells = cells[1:]
            header = header or looks_like_header(cells[0])
        if _across(cells):
            columns = [list(column) for column in zip(*cells, strict=False)]
            # a corner that names the measures ("Körpermaß (cm)") gives its unit to each of them
            columns[0] = ["", *(with_unit(measure, cells[0][0]) for measure in columns[0][1:])]
            cells, header = columns, True
        lines = row_statements(cells[1:], cells[0]) if header and len(cells) > 1 else row_statements(cells, None)
        if lines:
            self._blocks.append(Block(BlockKind.TABLE, tuple(lines)))

    def subheading(self, text: str) -> None:
        """A heading one level below the last real one: a bold line, a labelled question, a FAQ's question."""
        text = joined_lines(text)
        if text:
            self._blocks.append(Block(BlockKind.HEADING, (text.rstrip(":"),), max(2, min(self._level + 1, 6))))


# a section the page itself calls outdated: "Update 09/2024: 30 Tage Rückgabe (überholt – siehe Update 03/2026)"
# (marked in brackets or after a dash: "Wann ist ein Gutschein ungültig?" is a question, no mark)
_SUPERSEDED = re.compile(
    r"(?:[(\[]|\s[–—-]\s)\s*(?:überholt|veraltet|nicht mehr gültig|outdated|superseded|no longer valid)\b",
    re.IGNORECASE,
)
# a later notice that retires an earlier one by its date: "Der Eintrag von 05/2024 („Neu: Apple Pay“) gilt damit
# nicht mehr."
_RETIRES = re.compile(
    r"\b(?:eintrag|update|meldung|hinweis|mitteilung|notice|entry)\s+(?:vom|von|from|of)\s+(\d{1,2}[./]\d{2,4})"
    r"[^.!?]{0,80}?\b(?:gilt|gelten|ist|sind)\s+(?:damit\s+|somit\s+)?(?:nicht mehr|überholt|hinfällig)",
    re.IGNORECASE,
)


def without_superseded(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """The blocks without the sections the page marks as no longer valid: a heading that says so, or one whose
    date a later notice retires. A changelog's old entries would otherwise answer with facts it replaced."""
    retired = {match.group(1) for block in blocks for line in block.lines for match in _RETIRES.finditer(line)}
    kept: list[Block] = []
    skipping: int | None = None  # the level of the superseded heading whose section is being left out
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            if skipping is not None and block.level <= skipping:
                skipping = None
            heading = block.lines[0]
            if skipping is None and (_SUPERSEDED.search(heading) or any(date in heading for date in retired)):
                skipping = block.level
        if skipping is None:
            kept.append(block)
    return tuple(kept)


_CONTENTS = re.compile(
    r"^(?:inhalt|inhaltsverzeichnis|inhalte|auf dieser seite|(?:table of )?contents|on this page)$", re.IGNORECASE
)
CONTENTS_SHARE = 0.75  # of a list's items that name the page's headings: its table of contents


def without_contents(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """The blocks without the page's table of contents: a list whose items are mostly the page's own headings
    ("Ein Mangel, der nicht in der Beschreibung stand" of a link to its section), and its heading ("Inhalt").
    Quoted, an item answered nothing: it names a section, and the section says it better."""
    headings = {_plain(block.lines[0]) for block in blocks if block.kind is BlockKind.HEADING}
    kept: list[Block] = []
    for block in blocks:
        items = block.lines
        if (
            block.kind is BlockKind.LIST
            and len(items) >= 2
            and sum(_plain(item) in headings for item in items) >= CONTENTS_SHARE * len(items)
        ):
            if kept and kept[-1].kind is BlockKind.HEADING and _CONTENTS.match(_plain(kept[-1].lines[0])):
                kept.pop()
            continue
        kept.append(block)
    return tuple(kept)


def _plain(text: str) -> str:
    return text.strip().rstrip(".:").casefold()


def _across(cells: list[list[str]]) -> bool:
    """A table whose columns are its records: the sizes along the top and the measures down the side ("| | XS | S
    | M |" / "| Handumfang in cm | 16–17 | 18–19 | 20–21 |"), written column by column so that a statement is one
    size with its measures. The corner is empty or, above sizes of a few letters, names the measures ("| Körpermaß
    (cm) | S | M | L |")."""
    width = len(cells[0])
    corner, tops = cells[0][0].strip(), [cell.strip() for cell in cells[0][1:]]
    return (
        len(cells) > 1
        and (not corner or (not _NUMBER_CELL.match(corner) and all(len(top) <= SIZE_LABEL for top in tops)))
        and all(tops)
        and all(len(row) == width and row[0].strip() and not _NUMBER_CELL.match(row[0]) for row in cells[1:])
        and width > len(cells)
    )


def _reads_as_heading(text: str) -> bool:
    """A bold question is a FAQ's heading; another bold line is one when it is short and no sentence."""
    words = len(text.split())
    return (
        words <= MAX_QUESTION_WORDS
        if text.endswith("?")
        else words <= MAX_PSEUDO_HEADING_WORDS and not text.endswith((".", "!"))
    )


def _leads_a_section(lead: str, rest: str, faq: bool) -> bool:
    """A bold opening that heads the text after it: a question, or a line of its own that reads as a heading; on
    a page whose bold questions head their answers (``faq``), also a bold sentence in their place ("**Mein Geld ist
    immer noch nicht da!** Schau zuerst ...")."""
    lead = joined_lines(lead)
    if not rest.strip() or not lead:
        return False
    if lead.endswith("?") or (faq and lead.endswith((".", "!"))):
        return len(lead.split()) <= MAX_QUESTION_WORDS
    return rest.lstrip(" \t").startswith("\n") and _reads_as_heading(lead)


def _split_answer(text: str) -> tuple[str, str]:
    """The question up to an "Antwort:" label (or its "?") and the answer after it."""
    label = _ANSWER_LABEL.search(text)
    if label:
        return text[: label.start()].strip(), text[label.end() :].strip()
    mark = text.find("?")
    if mark >= 0:
        return text[: mark + 1].strip(), text[mark + 1 :].strip()
    return text, ""

"""Footnotes of a page written as plain text: a mark behind a value ("3,95 €*", "nächster Werktag**", "99 €¹") and
a line below that explains it ("* gilt nicht für Sperrgut."). Resolved before parsing, so a value carries its
condition ("nächster Werktag (wenn du Montag bis Freitag bis 11 Uhr bestellst)") and no answer shows a bare mark,
which in Markdown also reads as emphasis syntax. A mark counts only where it stands in a table or right behind a
figure and one line explains it: "* Rechnung" / "* PayPal" is a list, "**GLS**" bold. The footnotes a parser
reads (Markdown's, Word's) are placed by ``PlacedNotes``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_MARKS = r"\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹†‡]"
_DEFINITION = re.compile(rf"^[ \t]*({_MARKS})[ \t]*(\S.*)$")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])")
MAX_CONDITION_WORDS = 10
_HEADER_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def resolved_footnotes(text: str) -> str:
    """``text`` with each explained mark in a table's body replaced by the first sentence of its explanation in
    brackets; a mark in a table's header (a note on the whole column) is dropped. What the brackets do not carry
    stays below as a paragraph of its own, without the mark."""
    lines = text.split("\n")
    found: dict[str, list[tuple[int, str]]] = {}
    for number, line in enumerate(lines):
        match = _DEFINITION.match(line)
        if match:
            found.setdefault(match.group(1), []).append((number, match.group(2).strip()))
    for mark in sorted(found, key=len, reverse=True):
        numbers = {number for number, _ in found[mark]}
        # a footnote is a line of its own; a mark on lines in a row opens list items ("* Rechnung" / "* PayPal")
        alone = [(n, text) for n, text in found[mark] if n - 1 not in numbers and n + 1 not in numbers]
        if len(alone) != 1:
            continue
        place, explanation = alone[0]
        first, *rest = _SENTENCE.split(explanation)
        if len(first.split()) > MAX_CONDITION_WORDS:  # too long to repeat in every cell: it stays a paragraph
            first, rest = "", [explanation]
        use = _use(mark)
        uses = [n for n, line in enumerate(lines[:place]) if _marks_a_value(line, mark, use)]
        if not uses:
            continue
        in_header = False
        for number in uses:
            header = number + 1 < len(lines) and bool(_HEADER_RULE.match(lines[number + 1]))
            in_header = in_header or header
            condition = f" ({first.rstrip('.')})" if first and not header else ""
            lines[number] = use.sub(condition, lines[number])
        kept = explanation if in_header or not first else " ".join(rest)
        lines[place] = f"\n{kept[:1].upper()}{kept[1:]}\n" if kept else ""
    return "\n".join(lines)


def _marks_a_value(line: str, mark: str, use: re.Pattern[str]) -> bool:
    """Where footnote marks stand: in a table's cells or right behind a figure or unit ("3,95 €*"); elsewhere a
    star closes an emphasis."""
    return bool(use.search(line)) and ("|" in line or bool(re.search(rf"[\d€%]\s?{re.escape(mark)}(?![*\w])", line)))


def _use(mark: str) -> re.Pattern[str]:
    """The mark right behind a word, figure or unit, and not part of a longer mark; a superscript mark, which
    nothing else writes, also a space behind it ("5,90 ¹")."""
    if not mark.startswith("*"):
        return re.compile(rf"(?<=\S)\s?{re.escape(mark)}")
    return re.compile(rf"(?<=[^\s*])(?<!\*){re.escape(mark)}(?![*\w])")


class PlacedNotes:
    """The footnotes of a parsed page (Markdown ``[^grenze]``, Word footnotes) by id, each given out once: below
    the first paragraph that marks it, where the fact it qualifies stands."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._texts = dict(texts)
        self._placed: set[str] = set()

    def place(self, marked: Iterable[str]) -> list[str]:
        """The texts of the notes of ``marked`` (ids, in the paragraph's order) that no earlier paragraph placed."""
        found = []
        for number in marked:
            if number in self._texts and number not in self._placed:
                self._placed.add(number)
                found.append(self._texts[number])
        return found

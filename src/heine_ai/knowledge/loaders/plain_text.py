"""A plain-text page's own headings, in the Markdown the text is then read as.

A ``.txt`` export has no heading markup; it writes its title on the first line and labels its sections with a short
line of capitals ("TELEFON", "E-MAIL"), each between blank lines. Read as Markdown those were paragraphs: the page
had no title of its own (its file name stood in) and no sections, and a question on the phone hours met a chunk of
every contact route at once.
"""

from __future__ import annotations

import re

MAX_HEADING_WORDS = 6
_SMALL = {
    "und",
    "oder",
    "für",
    "von",
    "vom",
    "zu",
    "zum",
    "zur",
    "mit",
    "bei",
    "im",
    "in",
    "an",
    "am",
    "auf",
    "and",
    "or",
}
_LABEL = re.compile(r"^[^\W\d_a-zäöüß][^a-zäöüß.!?]*$")  # capitals, digits and signs, no sentence end


def plain_text_headings(text: str) -> str:
    """``text`` with Markdown headings for its title line (a short first line without a full stop, before a blank
    line and more text) and for its capitalised section labels; a text with Markdown headings stays as it is."""
    lines = text.splitlines()
    if any(line.startswith("#") for line in lines):
        return text
    filled = [number for number, line in enumerate(lines) if line.strip()] or [-1]
    out: list[str] = []
    for number, line in enumerate(lines):
        stripped = line.strip()
        alone = _blank(lines, number - 1) and _blank(lines, number + 1)
        capitals = bool(stripped) and _short(stripped) and bool(_LABEL.match(stripped)) and _has_letters(stripped)
        # the first line with text is the title when text follows it after a blank line, or when it is in capitals
        first = number == filled[0] and len(filled) > 1
        if (
            first
            and _short(stripped)
            and not stripped.endswith((".", "!", "?"))
            and (_blank(lines, number + 1) or capitals)
        ):
            out.append(f"# {_label(stripped) if capitals else stripped}")
            continue
        # a label in capitals after a blank line heads what follows it, with or without a blank line between
        if capitals and (alone or _blank(lines, number - 1)):
            out.append(f"## {_label(stripped)}")
            if not _blank(lines, number + 1):
                out.append("")
            continue
        out.append(line)
    return "\n".join(out)


def _label(line: str) -> str:
    """A capitalised label as a heading is written: "E-MAIL UND POST" -> "E-Mail und Post"."""
    words = line.split()
    return " ".join(w.title() if i == 0 or w.lower() not in _SMALL else w.lower() for i, w in enumerate(words))


def _short(line: str) -> bool:
    return len(line.split()) <= MAX_HEADING_WORDS


def _blank(lines: list[str], number: int) -> bool:
    return number < 0 or number >= len(lines) or not lines[number].strip()


def _has_letters(line: str) -> bool:
    """At least two letters: "E-MAIL" is a label, "---" or "2026" none."""
    return sum(character.isalpha() for character in line) >= 2

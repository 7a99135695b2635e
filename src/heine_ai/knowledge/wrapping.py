"""Joining text that an editor, a CMS export or a PDF wrapped into lines back into one line."""

from __future__ import annotations

import re

_SOFT_HYPHEN = "\u00ad"
# a word broken at a line end: "Rück-\nsendung"; the group is the word after the break
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n\s*(?=([^\W_]+))")
# before "und" a hyphen at a line end is a real one ("Hin-\nund Rückweg"), not a word broken in two
_CONJUNCTIONS = frozenset({"und", "oder", "bzw", "sowie", "bis", "als", "wie", "noch", "and", "or", "nor", "to"})
_SPACES = re.compile(r"\s+")


_LEADER = re.compile(r"(?<=[^\W\d_]|\))\s*(?:\.{4,}|…{2,}|(?:\. ){3,}\.?)\s*(?=\S)")


def joined_lines(text: str) -> str:
    """One line: line breaks become spaces and a word hyphenated at a line end is joined ("Rück-\\nsendung" ->
    "Rücksendung"); a hyphen before a capital stays ("E-\\nMail" -> "E-Mail"), and one before a conjunction
    keeps its space ("Hin-\\nund" -> "Hin- und")."""

    def unbreak(match: re.Match[str]) -> str:
        following = match.group(1)
        if following.lower() in _CONJUNCTIONS:
            return "- "
        return "" if following[0].islower() else "-"

    text = _LINE_END_HYPHEN.sub(unbreak, text.replace(_SOFT_HYPHEN, ""))
    text = _LEADER.sub(": ", text)  # a price list's leader dots: "Expressversand ........ 8,75 €"
    return _SPACES.sub(" ", text).strip()

"""List items as statements: every item one line that reads on its own.

An item's sub-items that are fragments ("als E-Mail zum Selbstausdrucken") join their parent to one statement
("Geschenkkarten gibt es im Wert von 20 € und 50 €: als E-Mail zum Selbstausdrucken; als Karte per Post.");
sub-items that are whole sentences stay statements of their own, right after their parent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from heine_ai.knowledge.wrapping import joined_lines

_CLOSERS = re.escape("\"'“”„»«)]")  # closing quotes and brackets after a sentence's last mark
_SENTENCE_END = re.compile(rf"[.!?…][{_CLOSERS}]*$")
_ENDED = re.compile(rf"[.!?…:][{_CLOSERS}]*$")
_LOWER_WORD = re.compile(r"^[a-zäöüß]+\b")


@dataclass(slots=True)
class ListItem:
    text: str
    children: list[ListItem] = field(default_factory=list)


def list_statements(items: Sequence[ListItem]) -> list[str]:
    return [statement for item in items for statement in _statements(item)]


def _statements(item: ListItem) -> list[str]:
    text = joined_lines(item.text)
    below = list_statements(item.children)
    fragments = [line for line in below if is_fragment(line)]
    whole = [line for line in below if not is_fragment(line)]
    if text and fragments:
        return [merged(text, fragments), *whole]
    return ([text] if text else []) + below


def is_fragment(text: str) -> bool:
    """Not a sentence of its own: it starts with a lower-case word or does not end like a sentence."""
    return _LOWER_WORD.match(text) is not None or _SENTENCE_END.search(text) is None


def continues(text: str) -> bool:
    """Whether a statement starts with a lower-case word: it continues what stands before it ("bei Gardinen")."""
    return _LOWER_WORD.match(text) is not None


def merged(lead: str, fragments: Sequence[str]) -> str:
    """``lead: fragment; fragment`` (commas where the fragments have none of their own)."""
    base = lead.rstrip()
    base = base[:-1] if base.endswith(".") else base
    base = base if base.endswith(":") else f"{base}:"
    parts = [fragment.rstrip(" .;,") for fragment in fragments]
    separator = "; " if any("," in part or ";" in part for part in parts) else ", "
    return f"{base} {separator.join(parts)}"


def terminated(text: str) -> str:
    """With a full stop where it ends without one, so that statements read as sentences when quoted together."""
    return text if _ENDED.search(text) else f"{text.rstrip(' ,;')}."


def sentence_case(text: str) -> str:
    """A statement starting with a lower-case word ("als Karte per Post") starts with a capital."""
    return text[0].upper() + text[1:] if _LOWER_WORD.match(text) else text

"""Whether the writer of a reply already greeted the customer or signed off, in German or English.

The brand's frame adds a greeting and a closing around every reply; a staff member who wrote "Hallo Frau Berg,"
or "Viele Grüße" themselves would otherwise be framed twice. ``split_salutations`` finds both, so ``compose``
adds only what is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_GREETING = re.compile(
    r"^(guten\s+(tag|morgen|abend)|hallo|hi|hey|moin|servus|grüß\s+gott|sehr\s+geehrte[rs]?|liebe[rs]?\s+\w"
    r"|hello|dear|good\s+(morning|afternoon|evening))\b",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"^((mit\s+)?(freundlichen|freundliche|besten|beste|viele|vielen|herzliche|herzlichen|liebe|schöne|sonnige)"
    r"\s+grüßen?|grüße|gruß|mfg|lg|vg|(kind|best|warm|warmest)\s+regards|regards|best\s+wishes|all\s+the\s+best"
    r"|(yours\s+)?(sincerely|faithfully)|cheers)\b",
    re.IGNORECASE,
)
_MAX_GREETING_LINE = 80
_MAX_CLOSING_LINE = 60
_CLOSING_WITHIN = 4  # lines from the end: the closing, a name, perhaps a role and a phone number


@dataclass(frozen=True, slots=True)
class Salutations:
    greeted: bool  # the text opens with a greeting of its own
    body: str  # the text without its closing block
    closing: tuple[str, ...]  # the writer's closing line and what follows it (a name); empty without one


def split_salutations(text: str) -> Salutations:
    lines = text.strip().split("\n")
    first = lines[0].strip()
    greeted = len(first) <= _MAX_GREETING_LINE and _GREETING.match(first) is not None
    for index in range(len(lines) - 1, max(len(lines) - 1 - _CLOSING_WITHIN, 0), -1):
        line = lines[index].strip()
        if len(line) <= _MAX_CLOSING_LINE and _CLOSING.match(line):
            body = "\n".join(lines[:index]).strip()
            closing = tuple(kept.strip() for kept in lines[index:] if kept.strip())
            return Salutations(greeted, body, closing)
    return Salutations(greeted, text.strip(), ())

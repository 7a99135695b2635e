"""Mask personal data before text leaves for an external LLM, and restore it in the reply.

Each distinct value becomes a numbered placeholder such as ``[EMAIL_1]`` (the same value always the same
placeholder, so the model can still refer to it); ``unmask`` puts the values back and drops placeholders the model
invented. The patterns are deliberately generous: masking a harmless number costs little, leaking an IBAN a lot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_STREET_WORDS = r"(?:stra(?:ß|ss)e|str\.|weg|gasse|allee|platz|ring|damm|ufer|chaussee|steig|pfad|markt|berg|hof|park)"

EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")

# Order matters: earlier kinds claim their text first (an IBAN contains digit runs that look like numbers).
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("EMAIL", EMAIL),
    ("IBAN", re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b")),
    ("CARD", re.compile(r"\b(?:\d{4}[ -]?){3}\d{4}\b")),
    (
        "PHONE",
        re.compile(
            r"(?<![\w+])(?:\+|00)\d{2}[\s/-]?(?:\(0\))?\s?\d{2,5}(?:[\s/-]?\d{2,8}){1,3}\b"  # +49 170 1234567
            r"|\b0\d{2,5}[\s/-]?\d{3,8}(?:[\s-]?\d{2,6})?\b"  # 0170/1234567, 040 123456
        ),
    ),
    (
        "ADDRESS",
        re.compile(
            r"\b(?:[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*"
            + _STREET_WORDS
            + r"|(?:Am|An der|Auf der|Im|In der|Zum|Zur) [A-ZÄÖÜ][a-zäöüß]+)\s+\d{1,4}\s?[a-zA-Z]?\b",
            re.IGNORECASE,
        ),
    ),
    ("POSTCODE", re.compile(r"\b\d{5}(?=\s+[A-ZÄÖÜ][a-zäöüß]+)")),
    ("NUMBER", re.compile(r"\b\d{6,12}\b")),  # order, customer and article numbers
)
_PLACEHOLDER = re.compile(r"\[([A-Z]+)_(\d+)\]")


@dataclass(slots=True)
class Masked:
    text: str
    values: dict[str, str] = field(default_factory=dict)  # placeholder -> original value

    def unmask(self, text: str) -> str:
        """Restore the masked values in ``text``; placeholders that were never issued are removed."""

        def restore(match: re.Match[str]) -> str:
            return self.values.get(match.group(0), "")

        return re.sub(r"\s{2,}", " ", _PLACEHOLDER.sub(restore, text)).strip()


def mask(text: str, masked: Masked | None = None) -> Masked:
    """Replace personal data in ``text``; pass the previous ``Masked`` to keep placeholders stable across texts."""
    result = masked or Masked(text="")
    by_value = {value: placeholder for placeholder, value in result.values.items()}
    counters: dict[str, int] = {}
    for placeholder in result.values:
        kind, number = _PLACEHOLDER.fullmatch(placeholder).groups()  # type: ignore[union-attr]
        counters[kind] = max(counters.get(kind, 0), int(number))
    current = text
    for kind, pattern in PATTERNS:

        def replace(match: re.Match[str], kind: str = kind) -> str:
            value = match.group(0)
            if value not in by_value:
                counters[kind] = counters.get(kind, 0) + 1
                by_value[value] = f"[{kind}_{counters[kind]}]"
                result.values[by_value[value]] = value
            return by_value[value]

        current = pattern.sub(replace, current)
    result.text = current
    return result

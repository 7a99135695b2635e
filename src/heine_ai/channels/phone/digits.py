"""Numbers a caller says digit by digit ("vier null drei vier …", "4034 5678") or types on the keypad, joined
into the one figure the order-status dialogue looks for."""

from __future__ import annotations

import re

_WORDS = {
    "null": "0", "zero": "0", "eins": "1", "ein": "1", "one": "1", "zwei": "2", "zwo": "2", "two": "2",
    "drei": "3", "three": "3", "vier": "4", "four": "4", "fünf": "5", "fuenf": "5", "five": "5",
    "sechs": "6", "six": "6", "sieben": "7", "seven": "7", "acht": "8", "eight": "8", "neun": "9", "nine": "9",
}  # fmt: skip
_KEYPAD = re.compile(r"^[0-9*#]+$")


def keypad_text(digits: str) -> str:
    """What the caller typed, without the keys that end or cancel an entry."""
    return "".join(ch for ch in digits if ch.isdigit()) if _KEYPAD.match(digits) else ""


def join_spoken_digits(text: str) -> str:
    """Runs of two or more digits and digit words become one figure; everything else stays as it was said."""
    out: list[str] = []
    run: list[tuple[str, str]] = []  # (as said, digits)
    for token in text.split():
        bare = token.strip(".,;:!?").lower()
        digit = _WORDS.get(bare) or (bare if bare.isdigit() else None)
        if digit is None:
            out.extend(_flush(run))
            out.append(token)
            continue
        run.append((token, digit))
        if token[-1] in ".,;:!?":  # a pause the recogniser marked ends the figure
            out.extend(_flush(run))
    out.extend(_flush(run))
    return " ".join(out)


def _flush(run: list[tuple[str, str]]) -> list[str]:
    """The run as one figure (its last punctuation kept), or a lone word as it was said; empties ``run``."""
    if not run:
        return []
    said = [token for token, _ in run]
    joined = "".join(digit for _, digit in run)
    end = said[-1][-1] if said[-1][-1] in ".,;:!?" else ""
    run.clear()
    return [joined + end] if len(said) >= 2 else said

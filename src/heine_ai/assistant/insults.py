"""Words of contempt (``data/insult_words.txt``) that confirm the abuse detector before it escalates.

The detector reads dialect as rudeness: "Servus, kann i des Packerl aus Wien gratis zruckschicken?" scored just
above its threshold. So at its threshold it escalates only a message that holds one of these words; without one,
only a score at :data:`CONFIDENT` does. Calm dialect has neither, an insult the cue lists miss ("Was für ein
Scheißladen") has both.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from heine_ai.text import tokens

INSULT_WORDS_FILE = Path(__file__).resolve().parent / "data" / "insult_words.txt"
CONFIDENT = 0.8  # the abuse probability that escalates without a word of contempt
MIN_PART = 4  # a listed word this long also matches a longer message word it begins or ends


@lru_cache(maxsize=1)
def insult_words() -> frozenset[str]:
    lines = (line.split("#", 1)[0].strip() for line in INSULT_WORDS_FILE.read_text(encoding="utf-8").splitlines())
    return frozenset(" ".join(tokens(line)) for line in lines if line)


def has_insult_word(text: str) -> bool:
    """Whether a word of ``text`` is, begins or ends with a listed word (folded: "Scheißladen", "SCHROTT")."""
    words = insult_words()
    for token in tokens(text):
        if token in words:
            return True
        if any(len(w) >= MIN_PART and (token.startswith(w) or token.endswith(w)) for w in words):
            return True
    return False

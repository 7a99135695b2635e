"""Spelling tolerance: a question's misspelt or dialect words mapped to the words of the brand's own knowledge.

Customers write "wie lang dauert dei liferung nach östereich" and "zruckschicken"; the pages say "Lieferung",
"Österreich" and "zurückschicken". The character n-grams of the lexical search forgive part of that, the relevance's
coverage (whole stems) nothing. A word of the question counts as misspelt when neither the brand's text, nor the
glossary's word families, nor a dictionary of the question's language (pyspellchecker) knows it; it is then mapped
to the brand's word nearest to it (rapidfuzz, Levenshtein distance), which must begin with the same letter and be
at most one edit away (two for a long word), and written as the brand writes it ("groesse" becomes "Größe", not
"grosse", which the embedding reads as "große"). A correctly written word the brand never uses ("Hochzeit") is in
the dictionary and stays as it is, and so does the first part of a brand's compound written on its own
("rücksende etikett" for "Rücksendeetikett": not "Rückseite").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein
from spellchecker import SpellChecker

from heine_ai.glossary import FAMILIES, PAIRS
from heine_ai.text import STOPWORDS, fold, tokens

MIN_LENGTH = 5  # a shorter word ("dei") is corrected only to a filler word it differs from by two swapped letters
MIN_SHORT = 3  # "i", "ma" stay as they are
LONG_WORD = 9  # from this length on, a word may be two edits away from its correction
MIN_COMPOUND_PART = 6  # a word this long that begins a brand word is that compound's first part, not a misspelling
CANDIDATES = 10  # nearest brand words looked at per misspelt word


_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4)
def dictionary(language: str) -> SpellChecker | None:
    """pyspellchecker's dictionary of ``language`` (loaded once, a few seconds); None for a language it has none
    of, whose questions then go uncorrected."""
    try:
        return SpellChecker(language=language)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _glossary_words() -> frozenset[str]:
    words = [word for family in FAMILIES for word in family]
    words += [word for english, german in PAIRS for word in (*english, *german)]
    return frozenset(token for word in words for token in tokens(word))


@lru_cache(maxsize=1)
def _short_stopwords() -> tuple[str, ...]:
    return tuple(sorted(word for word in STOPWORDS if MIN_SHORT <= len(word) < MIN_LENGTH))


def _swapped(word: str, other: str) -> bool:
    """Whether two words differ only by two neighbouring letters swapped."""
    return sorted(word) == sorted(other) and OSA.distance(word, other) == 1


class Vocabulary:
    """The words of one brand's knowledge, with how often each occurs, and the corrections they allow."""

    def __init__(self, texts: Iterable[str]) -> None:
        written: Counter[str] = Counter()
        for text in texts:
            written.update(_WORD.findall(text))
        self._counts: Counter[str] = Counter()
        self._spelling: dict[str, str] = {}  # folded word -> the brand's most frequent way of writing it
        for form, count in written.most_common():
            key = fold(form)
            self._counts[key] += count
            self._spelling.setdefault(key, form)
        self._words = list(self._counts)
        self._sorted = sorted(self._words)

    def __contains__(self, word: str) -> bool:
        return fold(word) in self._counts

    def correction(self, word: str, language: str) -> str | None:
        """The brand's word that ``word`` is a misspelling of, or None (a known word, or nothing near enough)."""
        original, word = word.lower(), fold(word)
        if len(word) < MIN_SHORT or word in self._counts or word in STOPWORDS:
            return None
        known = dictionary(language)
        if known is None or original in known or word in _glossary_words():
            return None
        if len(word) < MIN_LENGTH:  # "dei" for "die": only two swapped letters of a filler word
            return next((stop for stop in _short_stopwords() if _swapped(word, stop)), None)
        if len(word) >= MIN_COMPOUND_PART and self._begins_a_word(word):
            return None
        limit = 2 if len(word) >= LONG_WORD else 1
        found = process.extract(word, self._words, scorer=Levenshtein.distance, score_cutoff=limit, limit=CANDIDATES)
        near = [(distance, -self._counts[match], match) for match, distance, _ in found if match[0] == word[0]]
        return self._spelling[min(near)[2]] if near else None

    def _begins_a_word(self, word: str) -> bool:
        """Whether a longer word of the brand begins with ``word`` (folded)."""
        at = bisect.bisect_right(self._sorted, word)
        return at < len(self._sorted) and self._sorted[at].startswith(word)

    def corrections(self, text: str, language: str) -> dict[str, str]:
        """Each misspelt word of ``text`` (folded) with the brand's word it stands for."""
        out: dict[str, str] = {}
        for word in _WORD.findall(text):
            if fold(word) not in out and (fixed := self.correction(word, language)) is not None:
                out[fold(word)] = fixed
        return out

    def corrected(self, text: str, language: str) -> str:
        """``text`` with each misspelt word replaced by the brand's word ("dei liferung" -> "dei lieferung")."""
        fixes = self.corrections(text, language)
        if not fixes:
            return text
        return _WORD.sub(lambda match: fixes.get(fold(match.group(0)), match.group(0)), text)

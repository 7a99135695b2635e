"""German or English, by the most frequent function words: for customer messages and for knowledge documents.

Customer messages are short ("Where is my order?"), too short for character statistics; function words decide
them reliably, and they decide whole FAQ pages all the more. A tie (no function word of either language, e.g.
"PayPal?") gives the caller's default. The assistant's turn and the knowledge ingest (``knowledge/documents.py``)
share this one detector, so a question and the pages that answer it are judged alike.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Language(StrEnum):
    """The languages the service answers in (a brand's ``texts`` and ``texts_en``)."""

    DE = "de"
    EN = "en"


# fmt: off
_ENGLISH = frozenset(
    (
        "the", "a", "my", "your", "i", "me", "you", "is", "are", "were", "be", "been", "do", "does", "did", "can",
        "could", "would", "will", "should", "have", "has", "had", "how", "what", "where", "when", "why", "which", "who",
        "to", "of", "in", "on", "for", "with", "and", "or", "not", "it", "this", "that", "there", "please", "order",
        "delivery", "return", "refund", "want", "need", "get", "i'm", "i've", "don't", "can't", "hello", "thanks",
        "thank", "bye", "good", "morning"
    )
)
_GERMAN = frozenset(
    (
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "ich", "mich", "mir",
        "mein", "meine", "meinen", "meiner", "sie", "ihr", "ihre", "ihnen", "ist", "sind", "war", "bin", "habe", "hat",
        "haben", "kann", "können", "könnte", "wird", "werden", "wie", "was", "wo", "wann", "warum", "welche", "wer",
        "zu", "von", "im", "in", "auf", "für", "mit", "und", "oder", "nicht", "es", "dies", "bitte", "bestellung",
        "lieferung", "rücksendung", "gibt", "noch", "schon", "auch", "bei", "nach", "hallo", "danke", "guten",
        "tschüss", "morgen", "moin", "am", "um", "zum", "zur", "vom", "dass", "aber", "wenn", "weil", "kein", "keine",
        "wir", "uns", "euch", "du", "dir", "dich", "dein", "deine", "hab", "jetzt", "gibt's", "geht", "ja", "nein",
        # Bavarian, Austrian and Swiss forms, whose "i", "a" and "is" would otherwise read as English
        "mei", "meim", "eich", "ned", "net", "nimmer", "servus", "griaß", "grüß", "grüezi", "isch", "gell", "scho",
        "aa", "des", "mia", "ko", "oan", "hoi", "bstellt", "packerl", "sackerl"
    )
)
# fmt: on
_WORD = re.compile(r"[a-zäöüß']+")
_ASCII = re.compile(r"[a-z']+")


def decided_language(text: str) -> Language | None:
    """The language of ``text``, or None when its function words do not decide (a table row, a list of facts)."""
    words = _WORD.findall(text.lower())
    english = sum(word in _ENGLISH for word in words)
    # a word with an umlaut or ß is German whatever it is ("Größe", "zurückschicken")
    german = sum(word in _GERMAN or not _ASCII.fullmatch(word) for word in words)
    if english > german:
        return Language.EN
    if german > english:
        return Language.DE
    return None


def detect_language(text: str, default: str = Language.DE) -> Language:
    """The language of ``text``; ``default`` when the function words do not decide."""
    return decided_language(text) or Language(default)


def conversation_language(earlier: list[str], default: str = Language.DE) -> Language:
    """The language of the newest earlier message that decides, so "40123456" in an English dialogue stays English."""
    for text in reversed(earlier):
        language = decided_language(text)
        if language is not None:
            return language
    return Language(default)

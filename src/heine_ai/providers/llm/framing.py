"""The brand's sentences around the quoted ones: a yes or no first, the page named, no phrase that adds nothing.

The intro ("Gerne helfe ich Ihnen weiter.") opens only the first answer of a conversation, and not one that starts
with its yes or no or with bad news; the source hint is left out when the previous answer named the same page, and reads
differently after the first one. A page in another language than the customer's is announced as such, with its
title, so the customer knows why the quote is German.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from heine_ai.config import BrandTexts
from heine_ai.providers.llm.base import Passage, Turn, last_reply
from heine_ai.providers.llm.polarity import Polarity
from heine_ai.providers.llm.selection import Choice
from heine_ai.text import ENGLISH_STOPWORDS, STOPWORDS, fold

_FORMAL = frozenset({"sie", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "ihnen", "i"})
# prepositions the stop words lack: "Ja, ab einem Warenwert von 49 € ..."
_PREPOSITIONS = frozenset({"ab", "innerhalb", "ausserhalb", "seit", "wegen"})
_ENDS = re.compile(r"[.!?:…]$")
# A FAQ answer's own yes or no belongs to its heading's question, which may be the opposite of the customer's
# ("Do I have to pay for returns?" - "No, returning an item costs you nothing" to "Can I return it for free?").
_NEGATIVE = re.compile(r"\b(?:nicht|kein\w*|leider|not|no|cannot|unfortunately)\b", re.IGNORECASE)
_OWN_POLARITY = re.compile(r"^(?:ja|nein|yes|no)\b[,.!:]?\s+(?=\S)", re.IGNORECASE)


def frame(
    texts: BrandTexts, choices: Sequence[Choice], passages: Sequence[Passage], language: str, history: Sequence[Turn]
) -> str:
    """The answer's text: per choice its yes or no and its sentences, the intro and the source hint around."""
    pieces: list[str] = []
    named: list[str] = []
    for choice in choices:
        passage = passages[choice.passage]
        quoted = [_closed(sentence) for sentence in choice.sentences]
        lead = _OWN_POLARITY.sub("", quoted[0])  # after its own "No," the sentence goes on in lower case
        own = lead != quoted[0]
        quoted[0] = lead[0].upper() + lead[1:] if own else lead
        foreign = bool(passage.language) and passage.language != language
        if foreign and passage.title not in named:  # announced once, however many parts it answers
            quoted.insert(0, texts.answer_other_language.format(title=passage.title))
            named.append(passage.title)
        if choice.polarity is not None:
            word = texts.answer_yes if choice.polarity is Polarity.YES else texts.answer_no
            lowered = lead if own else _lowered(lead, language)
            # "Ja. Wichtig: ...": a sentence that opens with a label goes on after a full stop, not a comma
            labelled = lead.split(" ", 1)[0].endswith(":")
            quoted[0] = f"{word}. {quoted[0]}" if foreign or labelled else f"{word}, {lowered}"
        pieces.extend(quoted)
    if not pieces:
        return texts.no_answer
    answered_before = any(turn.role == "assistant" for turn in history)
    if not answered_before and choices[0].polarity is None and not named and not _NEGATIVE.search(pieces[0]):
        pieces.insert(0, texts.answer_intro)  # not before bad news: "Einen direkten Umtausch bieten wir nicht an."
    title = passages[choices[0].passage].title
    if title not in named and not _named_last(texts, title, history):
        hint = texts.source_hint_again if _any_hint(texts, history) else texts.source_hint
        pieces.append(hint.format(title=title))
    return " ".join(piece for piece in pieces if piece)


def _closed(sentence: str) -> str:
    """A quoted line as a sentence: a list item without a full stop gets one ("Lieferzeit: 4 bis 6 Werktage.")."""
    sentence = sentence.rstrip(" ,;")
    return sentence if _ENDS.search(sentence) else f"{sentence}."


def _lowered(sentence: str, language: str) -> str:
    """The sentence after "Ja, ": its first word in lower case when that is a function word ("Wir liefern" ->
    "wir liefern"), never a noun, a name or the formal "Sie"."""
    first = sentence.split(" ", 1)[0]
    word = fold(first.strip(",.:"))
    fillers = STOPWORDS if language == "de" else ENGLISH_STOPWORDS
    if (word in fillers or word in _PREPOSITIONS) and word not in _FORMAL:
        return sentence[0].lower() + sentence[1:]
    return sentence


def _named_last(texts: BrandTexts, title: str, history: Sequence[Turn]) -> bool:
    """Whether the bot's previous message already named this page."""
    last = last_reply(history)
    return bool(last) and title in last and _any_hint(texts, [Turn("assistant", last)])


def _any_hint(texts: BrandTexts, history: Sequence[Turn]) -> bool:
    """Whether an earlier answer of the bot named a page with one of the source hints."""
    starts = [hint.split("{title}")[0].strip() for hint in (texts.source_hint, texts.source_hint_again)]
    return any(start and start in turn.text for turn in history if turn.role == "assistant" for start in starts)

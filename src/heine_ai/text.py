"""German text handling shared by retrieval and answer building: tokens, folding, stems, sentences."""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_EN_PLUS, STOPWORDS_GERMAN

_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
EMOJI = r"[\u2600-\u27bf\ufe0f\U0001f000-\U0001faff]"  # an emoji stands where punctuation would
# an emoji between two sentences ("... bei Rosenheim. 🚚 Innerhalb ...") goes with the break, one behind the last
# sentence's mark too ("Du brauchst keinen Drucker! 📱")
_SENTENCE_END = re.compile(rf"(?<=[.!?])\s+(?:{EMOJI}+\s*)?(?=[A-ZÄÖÜ0-9„\"(])")
_TRAILING_EMOJI = re.compile(rf"(?<=[.!?])\s*{EMOJI}+\.?$")
# a full stop that ends no sentence: a lower-case letter ("d. h."), "z. B.", a common abbreviation ("ca.", "Nr."), or
# a day before its month ("am 24. Dezember"); a capital alone may be a size ("in Größe M.")
_ABBREVIATION = re.compile(
    r"(?:^|[\s(„“\"])(?:[a-zäöü]|z\.\s?B|u\.\s?[AU]|o\.\s?Ä|i\.\s?d\.\s?R|bzw|ca|ggf|inkl|exkl|evtl|zzgl|vgl|usw|etc|max|min|mind"
    r"|bspw|lt|Nr|Dr|Prof|Str|St|Tel|Hd|Mio|Mrd|Abs|Art|Co"
    r"|Mr|Mrs|Ms|vs|approx|incl|e\.g|i\.e)\.$"
)
MAX_ABBREVIATION_CHARS = 5  # "Hann.", "Bhf."
_CLAUSE = re.compile(r"[,;:–]\s")
_SUBORDINATORS = frozenset(
    {"sobald", "wenn", "falls", "nachdem", "weil", "ob", "bevor", "dass", "solange", "obwohl", "sofern", "soweit"}
)
_MONTH_AFTER_DAY = re.compile(
    r"\b\d{1,2}\.$|^(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b"
)
# inline Markdown: **bold**, __bold__, *emphasis*, `code`, [text](url); each keeps its text
_INLINE_MARKUP = re.compile(
    r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__|(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![\w*])"
    r"|`([^`\n]+)`|\[([^\]\n]+)\]\([^)\s]*\)"
)
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})

STOPWORDS = frozenset(word.translate(_FOLD) for word in STOPWORDS_GERMAN) | frozenset(
    {"bitte", "gerne", "gern", "hallo", "danke", "ich", "mochte", "konnen", "kann", "mal", "eigentlich"}
    # filler adverbs of everyday messages ("Wie kann ich den Mantel trotzdem zurückschicken?"), no topic
    | {"trotzdem", "irgendwie", "uberhaupt", "schon", "leider", "bereits", "ubrigens", "vielleicht", "nochmal"}
    | {"sag", "sagen", "sagt", "besten"}  # "Sag mal, wie wasch ich das am besten?"
)
ENGLISH_STOPWORDS = frozenset(STOPWORDS_EN_PLUS)  # English filler words; retrieval keeps using STOPWORDS only


def storable(text: str) -> bool:
    """False for text with a lone UTF-16 surrogate: JSON and WebSocket frames may carry one escaped ("\\ud800"),
    and no database or mail can store it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def fold(text: str) -> str:
    """Lower-case and fold umlauts and ß, so "Rücksendung", "Rucksendung" and "RÜCKSENDUNG" meet."""
    return text.lower().translate(_FOLD)


def tokens(text: str) -> list[str]:
    """Folded word and number tokens; hyphenated words are kept whole and also split into their parts."""
    out: list[str] = []
    for match in _TOKEN.finditer(fold(text)):
        token = match.group(0)
        out.append(token)
        if "-" in token:
            out.extend(part for part in token.split("-") if part)
    return out


# Question and filler words carry no topic: dropped from queries (not from documents) for lexical search.
QUESTION_WORDS = frozenset(
    {
        "wer",
        "wen",
        "wem",
        "wessen",
        "was",
        "wann",
        "wo",
        "wohin",
        "woher",
        "wie",
        "warum",
        "wieso",
        "weshalb",
        "welche",
        "welcher",
        "welches",
        "welchen",
        "welchem",
        "wieviel",
        "wieviele",
        "viele",
        "vielen",
        "womit",
        "wodurch",
        "wofur",
        "wovon",
        "worauf",
        "woran",
        "worin",
        "woraus",
        "wozu",
        "gab",
        "gibt",
        "heisst",
        "nennt",
        "genannt",
        "name",
        "namen",
        "jahr",
        "jahre",
        "eines",
        "einer",
        "wurde",
        "wurden",
        "ist",
        "sind",
    }
)
NGRAM = 4


def char_ngrams(text: str, *, query: bool = False, n: int = NGRAM) -> list[str]:
    """Character n-grams of the padded content words, plus every word that contains a digit, whole.

    N-grams make German compounds meet their parts ("Rücksendeetikett" shares "etik", "tike", ... with
    "Etikett") and tolerate inflection and typos; whole digit words keep order and article numbers exact.
    """
    drop = STOPWORDS | QUESTION_WORDS if query else STOPWORDS
    out: list[str] = []
    for word in tokens(text):
        if word in drop:
            continue
        padded = f"<{word}>"
        out.extend(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
        if any(ch.isdigit() for ch in word):
            out.append(f"#{word}")
    return out


def identifiers(text: str, min_length: int = 4) -> list[str]:
    """Words with a digit and at least ``min_length`` characters: order, article and customer numbers."""
    return [t for t in tokens(text) if len(t) >= min_length and any(ch.isdigit() for ch in t)]


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("german")


def stems(text: str, *, drop_stopwords: bool = True) -> list[str]:
    """Snowball stems of the content words of ``text``; numbers stay as they are, so order numbers match."""
    words = [t for t in tokens(text) if not (drop_stopwords and t in STOPWORDS)]
    stemmer = _stemmer()
    return [w if w[0].isdigit() else stemmer.stemWord(w) for w in words]


def plain(text: str) -> str:
    """Inline Markdown as the plain text a chat or e-mail reader sees: "**Rechnung:** Sie" -> "Rechnung: Sie"."""
    return _INLINE_MARKUP.sub(lambda match: next(group for group in match.groups() if group is not None), text)


def sentences(text: str) -> list[str]:
    """Split a paragraph into plain-text sentences; every line (a list item, a table row) is a sentence of its own
    at least. A full stop after an abbreviation or a day before its month ends no sentence."""
    out: list[str] = []
    for line in text.splitlines():
        line = plain(line.strip()).lstrip("-*• ").strip()
        pieces = [_TRAILING_EMOJI.sub("", part.strip()) for part in _SENTENCE_END.split(line) if part.strip()]
        for index, piece in enumerate(pieces):
            if index and _continues(out[-1], piece):
                out[-1] = f"{out[-1]} {piece}"
            else:
                out.append(piece)
    return out


def _short_capital(word: str) -> bool:
    return word[:1].isupper() and len(word) <= MAX_ABBREVIATION_CHARS


def _continues(before: str, after: str) -> bool:
    """Whether the full stop between ``before`` and ``after`` ends no sentence: an abbreviation, a day before its
    month, a bare yes or no before its reason ("Ja. Express kommt ..."), a single word after a short capitalised
    one ("Hann. Münden."), or a German subordinate clause that breaks off before its verb, which would end it in
    lower case ("sobald es in Hann. | Münden ankommt")."""
    words = before.split()
    if _ABBREVIATION.search(before) or (len(after.split()) == 1 < len(words) and _short_capital(words[-1])):
        return True
    if _BARE_ANSWER.fullmatch(before.strip()):  # "Ja. Express kommt am nächsten Werktag an.": the yes and its fact
        return True
    day = _MONTH_AFTER_DAY.search(before)
    if day is not None and _MONTH_AFTER_DAY.match(after) is not None:
        return True
    clause = _CLAUSE.split(before)[-1].split()
    return len(clause) > 1 and clause[0].lower() in _SUBORDINATORS and clause[-1][:1].isupper()


_BARE_ANSWER = re.compile(r"(?:(?:leider|aber|doch)\s+)?(?:ja|nein|yes|no)[.!]", re.IGNORECASE)
_POINTS_BACK = re.compile(
    r"^(?:in (?:diesem|dem|solchen?) fall|in (?:diesen|solchen) fällen|dann|dafür|dazu|daher|deshalb|darum|dabei"
    r"|hierfür|hierzu|danach|dort|somit|folglich|demnach|deswegen|in this case|in that case|then|this|these)\b"
    # a conclusion ("Du brauchst also keinen Drucker!") and a fronted demonstrative with its subject behind the
    # verb ("Den zeigst du im PaketShop vor"): both say what the sentence before said
    r"|^(?:\S+\s+){1,3}also\b|^(?:den|dem|die|diese[nmrs]?)\s+\w+\s+(?:du|sie|ihr|wir|man)\b",
    re.IGNORECASE,
)


def points_back(sentence: str) -> bool:
    """Whether a sentence leans on what came before it ("In diesem Fall ...", "Dort ...", "Dafür ...")."""
    return _POINTS_BACK.match(sentence) is not None


_REPLY_PREFIX = re.compile(r"^\s*((re|aw|antw|wg|fw|fwd|sv)(\[\d+\])?\s*:\s*)+", re.IGNORECASE)


def base_subject(subject: str) -> str:
    """A mail's subject without reply and forward prefixes (Re:, AW:, WG:, Fwd:), for replies and matching."""
    return _REPLY_PREFIX.sub("", subject).strip()


def subject_lookup_value(subject: str) -> str:
    """What a mail's ``subject_hash`` hashes (the e-mail channel's threading; a key rotation re-hashes it)."""
    return "subject:" + base_subject(subject)


# Particles of German separable verbs: "Wie schicke ich es zurück?" asks about "zurückschicken", "zurückzuschicken"
# is its zu-infinitive.
SEPARABLE_PARTICLES = ("zuruck", "um", "aus", "ab", "an", "ein", "weg", "zu", "auf", "mit", "nach", "vor")
_ZU_INFINITIVE = re.compile(rf"^({'|'.join(SEPARABLE_PARTICLES)})zu([a-z]{{3,}}(?:en|n))$")
# inflection endings a light stem drops, longest first (nouns in -ung, infinitives, adjectives); "-ern" and "-eln"
# lose their "n" only ("liefern" -> "liefer")
_ENDINGS = ("ungen", "ung", "en", "em", "er", "es", "e")
MIN_STEM = 4  # a light stem keeps at least this many letters
_CLAUSE_BREAK = re.compile(r"[,.;:!?–()]")


def unfold_infix(word: str) -> str:
    """A folded word without the zu-infix of a separable verb: "zuruckzuschicken" -> "zuruckschicken"."""
    infinitive = _ZU_INFINITIVE.match(word)
    return word if infinitive is None else infinitive.group(1) + infinitive.group(2)


def light_stem(word: str) -> str:
    """A folded word without its zu-infix and one inflection ending: "zurückzuschicken" and "Zurückschicken" give
    "zuruckschick", "Lieferung" and "liefern" give "liefer". Lighter than Snowball (which gives "lief" for
    "liefern"): a word whose folded form begins with the light stem is a form of it ("liefert", "Lieferungen")."""
    word = unfold_infix(fold(word))
    if word.endswith(("ern", "eln")):
        return word[:-1]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def word_forms(text: str) -> list[str]:
    """The folded words of ``text`` (zu-infix removed), plus each separable verb put together again: in "Wie
    schicke ich es zurück?" the particle at the clause's end joins every content word before it in the clause
    ("zuruckschicke", ...); only the combinations that begin with a known word's light stem ever match."""
    out: list[str] = []
    for clause in _CLAUSE_BREAK.split(fold(text)):
        words = [token for token in tokens(clause) if not token[0].isdigit()]
        for index, word in enumerate(words):
            out.append(unfold_infix(word))
            if word in SEPARABLE_PARTICLES and index == len(words) - 1:
                out.extend(word + before for before in words[:index] if before not in STOPWORDS)
    return out

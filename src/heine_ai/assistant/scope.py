"""Whether a message is a shop matter at all: does it name anything a shop's customer service handles?

Two vocabularies answer it. The shop's words (``data/shop_words.txt``: orders, delivery, returns, payment, the
account, the goods, German and English) hold for every brand; the brand's own words are the stems of its indexed
knowledge. The intent model (``intents.py``) judges the message's vector; these words are what it cannot see: a
question about a product the knowledge does not describe ("Gibt es den Strickmantel Liv auch in Petrol?") names
the shop's goods and gets the offer of a colleague, not the polite refusal; a follow-up that names nothing of
either ("Und was läuft heute Abend im Kino?" after a delivery answer) and whose own words find nothing is no
question about the topic before it. Pure text functions over folded words, no model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import OSA

from heine_ai.entities import extract
from heine_ai.glossary import translated_terms
from heine_ai.knowledge.index import BrandIndex
from heine_ai.plain_wording import place_names
from heine_ai.providers.llm.questions import is_question
from heine_ai.providers.vectors import StoredChunk
from heine_ai.text import ENGLISH_STOPWORDS, STOPWORDS, fold, sentences, stems, tokens

# a shop word in a sense no shop handles: a tax return, a return flight, an exchange rate, stocks to invest in
_OTHER_SENSE = re.compile(
    r"\btax returns?\b|\breturn (?:flight|ticket|trip|journey)s?\b|\b(?:currency )?exchange rates?\b"
    r"|\b(?:buy|sell|trade|invest in|which|what|best) (?:\w+ )?stocks\b|\bstock (?:market|exchange|price|tip)s?\b"
)


def without_other_senses(folded: str) -> str:
    """Folded text without the shop words it uses in a sense no shop handles ("tax return", "return flight")."""
    return _OTHER_SENSE.sub(" ", folded)


_ONLY_DIGITS = re.compile(r"\s*[\d\s#*-]+\s*")  # a keyed-in number: an order number, a postcode

SHOP_WORDS_FILE = Path(__file__).resolve().parent / "data" / "shop_words.txt"
HEAD = 5  # a vocabulary word this long also matches a message word it ends ("Strickmantel")
STEM = 6  # and from this length one it begins ("Versandkosten"); "Schal" does not begin "schalte"
TYPO_LENGTH = 5  # from this length a word one edit away from a vocabulary word is that word misspelt
_PLURALS = ("", "s", "e", "n", "en", "er")


def read_words(path: Path) -> frozenset[str]:
    """The folded words of a word-list file: one a line, "#" starts a comment."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(fold(line) for line in lines if line)


@lru_cache(maxsize=1)
def shop_words() -> frozenset[str]:
    return read_words(SHOP_WORDS_FILE)


def _matches(word: str, vocabulary: frozenset[str]) -> bool:
    if any(word == f"{entry}{ending}" for entry in vocabulary for ending in _PLURALS):
        return True
    return any(
        (len(entry) >= HEAD and word.endswith(entry))
        or (len(entry) >= STEM and word.startswith(entry))
        or _misspelt(word, entry)
        for entry in vocabulary
    )


def _misspelt(word: str, entry: str) -> bool:
    """Whether ``word`` is ``entry`` with one letter missing, added or two swapped inside it ("Packet" for
    "Paket"). One letter more or less at the end, or another letter in its place, is mostly another word
    ("shorts" and "short", "shirt")."""
    return (
        min(len(word), len(entry)) >= TYPO_LENGTH
        and word[0] == entry[0]
        and not (word.startswith(entry) or entry.startswith(word))
        and (len(word) != len(entry) or sorted(word) == sorted(entry))
        and OSA.distance(word, entry) <= 1
    )


def _content_words(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in STOPWORDS and t not in ENGLISH_STOPWORDS and not t[0].isdigit()]


# a size in a country's system, which a conversion table has a column for: "UK 9", "US 8,5"
SIZE_SYSTEM = re.compile(r"\b(UK|US|EU|FR|IT)\s?\d+(?:[.,]5)?\b")


def names_shop_word(text: str) -> bool:
    """Whether ``text`` names something any shop handles: an order, a parcel, a payment, a coat, a size, an order
    number ... (phrases of the list, "gift card", are matched on the folded text)."""
    if extract(text).order_number is not None or _ONLY_DIGITS.fullmatch(text):  # "40345678", "50667"
        return True
    if SIZE_SYSTEM.search(text):  # "ich trag UK 9"
        return True
    vocabulary = shop_words()
    text = without_other_senses(fold(text))
    folded = " ".join(tokens(text))
    phrases = (entry for entry in vocabulary if " " in entry)
    if any(re.search(rf"\b{re.escape(phrase)}(?:s|e|en|n)?\b", folded) for phrase in phrases):
        return True
    # a town is no compound of the goods nor a misspelt shop word: "Rostock" ends in "stock"
    places = place_names()
    return any(_matches(word, vocabulary) for word in _content_words(text) if word not in places)


def names_shop_thing(text: str, brand_stems: Iterable[str]) -> bool:
    """Whether ``text`` names a shop matter: a word of the shop's list, or a content word of the brand's
    knowledge (``brand_stems``: the Snowball stems of its indexed passages)."""
    if names_shop_word(text):
        return True
    known = brand_stems if isinstance(brand_stems, (set, frozenset)) else set(brand_stems)
    # beside other words a town or country says where, not what: "der letzte Zug von Leipzig nach Dresden" is no
    # shop matter because a page names the warehouse in Leipzig, nor "österreichischer Fußballmeister" because the
    # shop delivers there; alone ("und nach Österreich?") it asks about the shop's dealings with that place
    words = set(_content_words(text))
    content = {word for word in words if not names_place(word)} or words
    return any(stem in known for stem in stems(" ".join(content)))


def bridged_by_names_only(text: str, language: str, passage_languages: Iterable[str]) -> bool:
    """Whether a question met passages that are all in another language through a name or a number alone: it
    names no term of the glossary, nothing else bridges the two languages ("Can you recommend a paediatrician in
    Augsburg?" and the shop's address in Augsburg)."""
    if any(found == language for found in passage_languages):
        return False
    return not translated_terms(text, "de" if language == "en" else "en")


def names_place(word: str) -> bool:
    """Whether a (folded) word is a town or country of ``data/places.tsv`` or made of one ("österreichischer")."""
    return any(word.startswith(place) for place in place_names())


LONG_WORD = 7  # letters from which a German page's word that is no noun names a shop matter ("einlösen")


class BrandVocabulary:
    """The stems of what each brand's indexed knowledge names, built once per knowledge version on first need (a
    message that may not be a shop matter).

    Of a page its nouns count, the words it capitalises inside a sentence, and its long verbs ("einlösen"):
    its short verbs are everyday words ("Holen Sie das Paket ab" made "soll ich mir eher eine Katze oder einen Hund
    holen?" a shop matter); of an English page its long words, not "times" of "Delivery times"."""

    def __init__(self) -> None:
        self._built: dict[str, tuple[int, frozenset[str]]] = {}

    def of(self, brand: str, index: BrandIndex) -> frozenset[str]:
        built = self._built.get(brand)
        if built is None or built[0] != index.version:
            words = frozenset().union(*(_named(chunk) for chunk in index.chunks))
            built = self._built[brand] = (index.version, words)
        return built[1]


def _named(chunk: StoredChunk) -> frozenset[str]:
    language = str(chunk.metadata.get("language", "de"))
    headings = [str(chunk.metadata.get(key, "")) for key in ("title", "section")]
    named = [
        word
        for line in [*headings, *sentences(chunk.text)]
        for number, word in enumerate(line.split())
        if (number and word[:1].isupper()) or _long_word(word.strip('.,;:!?()„“"'), language)
    ]
    return frozenset(stems(" ".join(named)))


def _long_word(word: str, language: str) -> bool:
    """A long word of a page that names a shop matter: of a German page one that reads as a verb ("einlösen",
    "zurückschicken"), not as an adjective or adverb ("richtigen", "frühestens"), which any everyday message may
    hold; a capitalised one (a noun, or a sentence's first word); of a page in another language any."""
    folded = word.casefold()
    if len(folded) < LONG_WORD:
        return False
    if language != "de" or word[:1].isupper():  # a noun, or a sentence's first word
        return True
    return folded.endswith(_VERB_ENDINGS) and not folded.endswith(_ADJECTIVE_ENDINGS)


_VERB_ENDINGS = ("en", "ern", "eln")
_ADJECTIVE_ENDINGS = ("igen", "lichen", "ischen", "baren", "samen", "haften", "losen", "enden", "eren")


# a question on whether an article is in stock, and the words of a page that speaks of stock at all
_ASKS_STOCK = re.compile(
    r"\b(?:noch|wieder|gerade)\b[^.?!]{0,50}\b(?:da|lieferbar|vorrätig|verfügbar|auf lager|erhältlich|zu haben)\b"
    r"|\b(?:auf lager|lagernd|ausverkauft|lieferbar|vorrätig|in stock|back in stock|still have|sold out)\b"
    # goods coming in again: "Bekommt ihr demnächst wieder Dirndl rein?", "Will you get more coats in L?"
    r"|\b(?:bekommt|bekommen|kriegt|kriegen)\s+(?:ihr|sie)\b[^.?!]{0,50}\b(?:rein|herein)\b"
    r"|\bkomm(?:t|en)\s+(?:die|der|das|neue\w*|wieder|bald|demnächst)\b[^.?!]{0,50}\b(?:rein|herein)\b"
    r"|\b(?:restock\w*|(?:will|are|do) you (?:\w+ )?(?:get|getting|have) (?:\w+ )?more)\b",
    re.IGNORECASE,
)
_NO_ARTICLE = re.compile(
    r"\b(?:geld|betrag|erstattung|gutschrift|rückzahlung|paket|päckchen|sendung|money|refund|parcel)\b", re.IGNORECASE
)
_STOCK = re.compile(
    r"\b(?:lieferbar\w*|vorrätig\w*|ausverkauft\w*|lagerbestand\w*|verfügbarkeit\w*|nachliefer\w*|in stock"
    r"|availability|sold out)\b",
    re.IGNORECASE,
)


# a condition the customer states, not asks: "wie lang dauert ne lieferung, wenn dat kleid auf lager is"
_CONDITION = re.compile(r"\b(?:wenn|falls|sofern|if)\b[^,;:?!.]*", re.IGNORECASE)


def asks_stock(text: str) -> bool:
    """Whether the question asks if an article is (again) in stock: "Habt ihr den Trenchcoat noch in 44 da?"; not
    when money or a parcel is what is "wieder da" ("wie schnell ist mein Geld danach wieder da?"), nor where the
    customer says it ("Der Schleier ist laut Shop auf Lager. Ist er morgen da?", "wenn das Kleid auf Lager ist")."""
    asked = _CONDITION.sub(" ", " ".join(s for s in sentences(text) if is_question(s)) or text)
    return bool(_ASKS_STOCK.search(asked)) and not _NO_ARTICLE.search(asked)


# a request to hold an article for the customer, and the words of a page that speaks of holding or reserving at all
_ASKS_HOLD = re.compile(
    r"\b(?:zurück ?legen|zurückzulegen|reservieren|beiseite ?legen|put (?:it |them )?aside|set aside"
    r"|(?:reserve|hold) (?:it|them|the|this|a|an|one)\b)",
    re.IGNORECASE,
)
_HOLDS = re.compile(
    r"\b(?:zurück ?(?:zu)?leg\w*|zurückgelegt\w*|reservier\w*|reserv(?:e|ed|ation)s?|hold)\b", re.IGNORECASE
)


def asks_to_hold(text: str) -> bool:
    """Whether the message asks the shop to hold an article for the customer ("Könnt ihr mir die Bluse bis Freitag
    zurücklegen?"): a service no page offers unless one says so, which a person answers."""
    return bool(_ASKS_HOLD.search(text))


def speaks_of_holding(text: str) -> bool:
    """Whether a page's text speaks of holding or reserving goods at all."""
    return bool(_HOLDS.search(text))


def speaks_of_stock(text: str) -> bool:
    """Whether a page's text speaks of stock at all (an article being available, sold out, delivered later)."""
    return bool(_STOCK.search(text))

"""Whether a sentence of the knowledge answers a yes/no question with yes or with no, or does not clearly say.

"Kann ich mit PayPal bezahlen?" and "PayPal bieten wir nicht an." give no; "Kann ich auf Rechnung bezahlen?" and
"Sie können bequem auf Rechnung kaufen." give yes. A wrong "Ja" is worse than none, so a sentence decides only
when it names every thing the question asks about (its object: "PayPal", "Expresslieferung an eine Packstation")
and is no exception ("Bei Lieferungen in die Schweiz ... ist der Rechnungskauf nicht möglich" says nothing about
an order to Germany). Costs are their own case: "kostenlos" is a no to "Muss ich etwas bezahlen?" and a yes to
"Ist die Rücksendung kostenlos?".
"""

from __future__ import annotations

import re
from enum import StrEnum

from heine_ai.glossary import concepts, translated_terms
from heine_ai.text import ENGLISH_STOPWORDS, STOPWORDS, fold, stems, tokens


class Polarity(StrEnum):
    YES = "yes"
    NO = "no"


_NEGATION = re.compile(
    r"\b(?:nicht|nichts|kein|keine|keinen|keinem|keiner|keines|nie|niemals|ohne|ausgeschlossen|leider nicht|weder"
    r"|not|no|never|cannot|can't|won't|don't|doesn't|without|excluded)\b",
    re.IGNORECASE,
)
_STATED = re.compile(r"^\s*(ja|nein|yes|no)\b\s*[,.!:]", re.IGNORECASE)
_RESTRICTION = re.compile(r"\b(?:ausschließlich|nur|lediglich|only|exclusively)\b", re.IGNORECASE)
# A clause that limits a sentence to a case: when its nouns are not the question's, the sentence is an exception.
_CONDITION = re.compile(
    r"(?:^|[,;:]\s*|\s)(?:bei|für|wenn|falls|sofern|sollte|sollten|außer|if|unless|for)\s", re.IGNORECASE
)
_AT_THE_SHOP = re.compile(r"\bbei (?:ihnen|euch|dir)\b", re.IGNORECASE)
_FREE = re.compile(
    r"\b(?:kostenlos|kostenfrei|gratis|umsonst|gebührenfrei|versandkostenfrei|keine (?:zusätzlichen |weiteren )?"
    r"(?:kosten|gebühren|versandkosten)|übernehmen wir|übernimmt \w+|free|no charge|at no cost)\b",
    re.IGNORECASE,
)
_ASKS_FREE = re.compile(r"\b(?:kostenlos|kostenfrei|gratis|umsonst|for free|free of charge|free)\b", re.IGNORECASE)
_ASKS_COST = re.compile(
    r"\b(?:kostet|kosten|gebühr\w*|aufpreis|(?:etwas|was|extra|noch) (?:be)?zahlen|(?:be)?zahlen\s+(?:für|dafür)"
    r"|(?:be)?zahl\w* (?:ich|man|wir|du)(?= (?:\w+ ){0,2}?(?:versand\w*|porto|rücksend\w*|gebühr\w*|zuschlag))"
    r"|(?:muss|müssen|soll|sollen) (?:ich|man|wir|du)(?= (?:\w+ ){0,4}?(?:be)?zahlen\b)"  # "muss ich das Porto zahlen?"
    r"|cost|costs|charge|fee|pay (?:for|anything|extra))\b",
    re.IGNORECASE,
)
_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)?)\s?(?:€|eur\b|euro\b)|(?:€|eur)\s?(\d+(?:[.,]\d+)?)", re.IGNORECASE)
# the amount from which something is free: "versandkostenfrei ab 120,00 EUR", "ab einem Warenwert von 49 €"
_THRESHOLD = re.compile(
    r"\b(?:ab|from|über|over)\s+(?:(?:einem|einer|a|an)\s+)?(?:\w+\s+){0,2}?(?:von\s+|of\s+)?"
    r"(?:€\s?)?(\d+(?:[.,]\d+)?)\s?(?:€|eur\b|euro\b)?",
    re.IGNORECASE,
)
# Verbs and fillers of a yes/no question that are not what it asks about ("Kann ich ... bezahlen?": PayPal is).
_PREDICATE_STEMS = frozenset(
    stems(
        "kann können könnt kannst muss müssen darf dürfen gibt geben gilt gelten habe hat haben bekomme bekommen"
        " bietet bieten liefert liefern nehmt nehmen akzeptiert akzeptieren wird werden soll geht funktioniert"
        " brauche brauchen zahlen bezahlen zahle bezahle lassen schicken möchte will euch bei auch noch mir uns"
        " einfach irgendwie denn mal bitte per via pay paying use bestellen bestelle kaufen kaufe order buy"
    )
)
MIN_COMPOUND = 5  # a question word and a sentence word meet when one starts with the other from this length on


def object_stems(question: str) -> list[str]:
    """The stems of what a yes/no question asks about: its content words without the asking verbs."""
    words = [w for w in tokens(question) if w not in ENGLISH_STOPWORDS]
    found = [s for s in stems(" ".join(words)) if s not in _PREDICATE_STEMS and not s.isdigit()]
    return list(dict.fromkeys(found))


def _objects(question: str, into: str | None) -> list[list[str]]:
    """What the question asks about, as groups of stems any one of which names it: one stem per word, or, for a
    sentence in the other language ``into``, the glossary's words for each term of the question."""
    if into is None:
        return [[stem] for stem in object_stems(question)]
    groups = []
    for term in concepts(question, into):
        alternatives = [s for s in stems(" ".join(term)) if not s.isdigit()]
        if not alternatives or any(s in _PREDICATE_STEMS for s in alternatives):
            continue
        if len(term) == 1 and not object_stems(term[0]):
            continue  # a filler word of either language
        groups.append(alternatives)
    return groups


def compound_match(one: str, other: str) -> bool:
    """Whether two stems name the same thing as a compound and its part ("expressversand", "versand")."""
    if min(len(one), len(other)) < MIN_COMPOUND:
        return False
    return one.startswith(other) or other.startswith(one) or one.endswith(other) or other.endswith(one)


def _mentions(sentence_stems: list[str], wanted: str) -> bool:
    return any(s == wanted or compound_match(s, wanted) for s in sentence_stems)


def _named(groups: list[list[str]], text: str) -> list[bool]:
    found = stems(text)
    return [any(_mentions(found, alternative) for alternative in group) for group in groups]


def covers(question: str, sentence: str, into: str | None = None) -> bool:
    """Whether the sentence names everything the question asks about."""
    named = _named(_objects(question, into), sentence)
    return bool(named) and all(named)


# "Steht die Rechnung nicht zur Verfügung, können Sie ...": a clause opened by its verb is a condition.
_VERB_FIRST_CONDITION = re.compile(
    r"^(?!(?:Sie|Bitte|Wir)\b)[A-ZÄÖÜ][a-zäöüß]+\s+(?:der|die|das|ein|eine|einer|Ihr|Ihre|Ihnen|Sie|es|Ihr\w*)\b[^.;:]*,\s*"
    r"(?:können|kann|müssen|muss|erhalten|bekommen|gilt|gelten|ist|sind|wird|werden|dürfen|darf|zahlen|schicken|"
    r"senden|bezahlen|nutzen|wählen|wenden)\b"
)


def is_exception(question: str, sentence: str) -> bool:
    """A sentence limited to a case the question does not name ("Bei Lieferungen in die Schweiz ...", "die
    Rücksendung fehlerhafter Ware" to "Ist die Rücksendung kostenlos?")."""
    if _VERB_FIRST_CONDITION.search(sentence):
        return True
    asked = stems(question)
    for match in _QUALIFIED.finditer(sentence):  # the thing asked about, narrowed by what follows it
        thing, qualifier = match.group(1), match.group(2)
        if any(_mentions(asked, s) for s in stems(thing)) and not any(_mentions(asked, s) for s in stems(qualifier)):
            return True
    at_the_shop = _AT_THE_SHOP.search(question) is not None
    for match in _CONDITION.finditer(sentence):
        clause = re.split(r"[,;:]", sentence[match.end() :])[0]
        nouns = _NOUN.findall(clause)
        if at_the_shop and match.group(0).strip(" ,;:").lower() == "bei" and len(nouns) == 1:
            continue  # "gibt es bei Kranich nicht" to "Kann ich bei Ihnen ...?": the shop, no case of it
        for noun in nouns:
            if fold(noun) not in STOPWORDS and not any(_mentions(asked, s) for s in stems(noun)):
                return True
    return False


_NOUN = re.compile(r"\b[A-ZÄÖÜ][\w-]{2,}")
# a noun and a genitive after it that narrows it: "die Rücksendung fehlerhafter Ware", "der Versand großer Möbel"
_QUALIFIED = re.compile(r"\b([A-ZÄÖÜ][\w-]{2,})\s+[a-zäöüß]+er\s+([A-ZÄÖÜ][\w-]{2,})")
# What may stand in the noun phrase a German sentence opens with ("Lieferungen nach Italien, Frankreich oder in
# andere Länder | sind nicht möglich"): the thing it then negates.
_PHRASE_WORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "eines",
        "an",
        "nach",
        "in",
        "aus",
        "mit",
        "ohne",
        "per",
        "über",
        "von",
        "zu",
        "zum",
        "zur",
        "und",
        "oder",
        "sowie",
        "bzw",
        "andere",
        "anderen",
        "weitere",
        "weiteren",
        "alle",
    ]
)
_CONTRASTIVE = re.compile(r",\s*(?:aber |jedoch |but )?(?:nicht|kein\w*|not|no)\b", re.IGNORECASE)
_NEGATING_DETERMINER = re.compile(
    r"\b(?:kein|keine|keinen|keinem|keiner|nicht|no|not|never)\b((?:[^\w.;:!?]+\w+){1,3})", re.IGNORECASE
)


def _opening_phrase(sentence: str) -> str:
    words = re.findall(r"[\w-]+|,", sentence)
    taken: list[str] = []
    for word in words:
        if word == "," or word.lower() in _PHRASE_WORDS or (word[0].isupper() and word.lower() not in STOPWORDS):
            taken.append(word)
            continue
        break
    return " ".join(taken)


def _negates_object(question: str, sentence: str, into: str | None) -> bool:
    """Whether the negation is about what the question asks: the object opens the sentence ("PayPal bieten wir
    nicht an.") or follows the negation closely ("keine Zahlung über PayPal", "We do not accept PayPal")."""
    groups = _objects(question, into)
    # per clause that negates ("Voraussetzung: die Adressen stimmen überein; Lieferung an einen PaketShop ist bei
    # Rechnungskauf nicht möglich" negates the PaketShop, not the Rechnungskauf its first clause names)
    clauses = [clause for clause in re.split(r"[;:]", sentence) if _NEGATION.search(clause)]
    # "Den Rechnungskauf wickeln wir selbst ab, nicht über einen Zahlungsdienstleister": a negation after a comma
    # negates what follows it, not what the clause opens with
    opened = [c for c in clauses if len(_NEGATION.findall(c)) > len(_CONTRASTIVE.findall(c))]
    scopes = [_opening_phrase(clause) for clause in opened] + [
        m.group(1) for clause in clauses for m in _NEGATING_DETERMINER.finditer(clause)
    ]
    return any(any(_named(groups, scope)) for scope in scopes if scope)


def polarity(question: str, sentence: str, *, into: str | None = None) -> Polarity | None:
    """Yes or no when the sentence clearly says it about what the question asks, else None. ``into``: the
    sentence's language when it is not the question's (the question's terms are then looked up in the glossary)."""
    if sentence.rstrip().endswith("?"):
        return None
    asked = f"{question} {' '.join(translated_terms(question, into))}" if into else question
    if _ASKS_FREE.search(question) or _ASKS_COST.search(question):
        return _cost_polarity(question, sentence, into)
    if not covers(question, sentence, into) or is_exception(asked, sentence):
        return None
    if (own := stated(sentence)) is not None:
        return own
    if _negates(question, sentence):
        return Polarity.NO if _negates_object(question, sentence, into) else None
    if _RESTRICTION.search(sentence):
        return None  # "nur ..." restricts: a yes or a no depends on the case, which the sentence may not name
    return Polarity.YES


def stated(sentence: str) -> Polarity | None:
    """The yes or no a sentence opens with, the page answering its own question: "Ja, eine Bestellung ist ...
    möglich."; None when it opens with neither."""
    found = _STATED.match(sentence)
    if found is None:
        return None
    return Polarity.YES if found.group(1).lower() in ("ja", "yes") else Polarity.NO


def _negates(question: str, sentence: str) -> bool:
    """A negation in the sentence that the question does not hold itself: "Kann ich ohne Kundenkonto bestellen?"
    asks about the "ohne" that "auch ohne Kundenkonto möglich" repeats."""
    asked = {fold(word) for word in _NEGATION.findall(question)}
    return any(fold(word) not in asked for word in _NEGATION.findall(sentence))


def _cost_polarity(question: str, sentence: str, into: str | None) -> Polarity | None:
    """Free of charge answers a question about paying: no to "Muss ich zahlen?", yes to "Ist es kostenlos?"."""
    asked = f"{question} {' '.join(translated_terms(question, into))}" if into else question
    if not _FREE.search(sentence) or is_exception(asked, sentence):
        return None
    topic = _ASKS_FREE.sub(" ", _ASKS_COST.sub(" ", _AMOUNT.sub(" ", question)))
    if not any(_named(_objects(topic, into), sentence)):
        return None
    free = _reaches_threshold(question, sentence)
    if free is None:
        free = True
    return Polarity.YES if bool(_ASKS_FREE.search(question)) == free else Polarity.NO


def _reaches_threshold(question: str, sentence: str) -> bool | None:
    """Whether the amount the question names reaches the one from which the sentence says it is free ("bei 110
    Euro schon gratis?" and "versandkostenfrei ab 120 EUR": no); None when either names no amount."""
    amount, threshold = _AMOUNT.search(question), _THRESHOLD.search(sentence)
    if amount is None or threshold is None:
        return None
    return _euros(amount.group(1) or amount.group(2)) >= _euros(threshold.group(1))


def _euros(figure: str) -> float:
    return float(figure.replace(".", "").replace(",", ".") if "," in figure else figure)


# "Nachnahme, American Express, Apple Pay sowie Barzahlung bieten wir nicht an.": a list of names fronted as the
# object, then the verb and "wir" or "Sie"
_LISTED = re.compile(
    r"^(?P<items>[A-ZÄÖÜ][^.:;!?]*?(?:,\s+[^,.:;!?]+?)*\s+(?:und|sowie|oder)\s+[A-ZÄÖÜ][^,.:;!?]*?)"
    r"\s+(?P<rest>[a-zäöü]+\s+(?:wir|Sie|es)\b.*)$"  # "... bieten wir nicht an", "... gibt es nicht"
)
_KEPT_ABBREVIATION = "bzw\u2024"  # "bzw." with a one-dot leader, which ends no list
_ITEM_SEPARATOR = re.compile(r",\s+|\s+(?:und|sowie|oder)\s+")


def narrowed(question: str, sentence: str) -> str:
    """The sentence with its fronted list cut to the item the question asks about: "Kann ich per Nachnahme
    bestellen?" and "Nachnahme, American Express, ... sowie Barzahlung bieten wir nicht an." give "Nachnahme bieten
    wir nicht an." The sentence itself when it lists nothing, or when no single item is the one asked about."""
    match = _LISTED.match(sentence.replace("bzw.", _KEPT_ABBREVIATION))  # "Ratenkauf bzw. Finanzierung" is one
    if match is None:
        return sentence
    items = [item.strip() for item in _ITEM_SEPARATOR.split(match.group("items")) if item.strip()]
    groups = _objects(question, None)
    asked = [item for item in items if any(_named(groups, item))]
    if len(items) < 3 or len(asked) != 1:
        return sentence
    return f"{asked[0]} {match.group('rest')}".replace(_KEPT_ABBREVIATION, "bzw.")

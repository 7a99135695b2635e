"""Follow-ups: a short message that continues the conversation's topic, resolved into a question of its own.

"und wer zahlt das Porto?" after an answer from the returns page asks about the returns' postage: it is searched
together with the topic (the page the last answer came from), and the answer answers it, not the question before.
An elliptical fragment ("und nach Österreich?", "and to Austria?") borrows the frame of the question it continues:
"Wie lange dauert die Lieferung?" + "und nach Österreich?" is "Wie lange dauert die Lieferung nach Österreich?",
and a second fragment ("und in die Schweiz?") replaces the first one's place. Pure text functions, no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from heine_ai.assistant.acts import LEADING_VERBS, QUESTION_WORDS
from heine_ai.plain_wording import countries_named, with_countries
from heine_ai.providers.llm.questions import Ask, ask_of
from heine_ai.text import ENGLISH_STOPWORDS, STOPWORDS, fold, stems, tokens

_MEANING = r"(?:ich meinte|ich meine|gemeint war|i meant|i mean)\b"  # in front of a correction
_LEAD = re.compile(
    r"^(?:und|aber|oder|also|sowie|and|but|or|what about|how about)\b(?:\s+(?:was ist mit|wie (?:ist|sieht) es"
    r"(?: aus)? mit|wie w[äa]re es mit|bei))?[\s,]*"
    # a correction: "Entschuldigung, ich meinte natürlich in die Schweiz." is the fragment "in die Schweiz"
    r"|^(?:(?:entschuldigung|sorry|pardon|verzeihung|oh|ach|oops|hoppla|nein|no)\b[\s,!.–-]*)*"
    rf"{_MEANING}(?:\s+(?:nat[üu]rlich|eigentlich|doch|of course|actually))?"
    r"[\s,:]*",
    re.I,
)
# an apology for a slip in front of its correction: "Entschuldigung, ich habe mich vertan! Ich meinte ..."
_SLIP = re.compile(
    r"^(?:(?:oh|ach|oops|hoppla|sorry|entschuldigung|verzeihung|pardon|mist)\b[\s,!.–-]*)*"
    r"(?:(?:ich )?(?:habe|hab) mich (?:vertan|verschrieben|vertippt|verlesen|verguckt|verzählt)"
    r"|(?:ich )?(?:habe|hab) (?:mich )?falsch (?:abgelesen|gemessen|geschrieben|getippt|gelesen)"
    r"|mein fehler|my (?:bad|mistake)|i made a mistake)\b[^.!?:]*[.!?:]+\s*",
    re.IGNORECASE,
)
_MEANT = re.compile(rf"^{_MEANING}", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;.!?]")
# a measure corrected: "Es sind 110 cm, nicht 106." replaces the 106 of the question before
_MEASURE_FIX = re.compile(
    r"^(?:(?:es|das) (?:sind|ist|waren|war) |(?:it'?s|it is|that'?s) )?(?:doch |eigentlich |actually )?"
    r"(?P<new>\d+(?:[.,]\d+)?)(?:\s?(?:cm|mm|m|kg|€|euro))?\s*,?\s*(?:und )?(?:nicht|not)\s+(?P<old>\d+(?:[.,]\d+)?)\b",
    re.IGNORECASE,
)
_REFERS = re.compile(
    r"\b(?:das|dies|diese|dieser|dieses|dafur|davon|damit|dazu|dabei|daran|darauf|da|dort|dann|es|it|that"
    r"|this|there|them|they|those|then"
    # "es" run into its verb, as customers type it: "isses gratis?", "gibts das?", "kommt's morgen?"
    r"|isses|gibts|gehts|kommts|kostets|dauerts|klappts|passts|gilts|wirds|hats"
    r"|(?:ist|gibt|geht|kommt|kostet|dauert|klappt|passt|gilt|wird|hat)'s)\b"
)
_IF = r"(?:wenn|falls|sofern|if|in case)\b"
_CONDITION = re.compile(rf"^{_IF}", re.IGNORECASE)  # "und wenn ich nur eine andere Größe möchte?"
_CONDITIONED = re.compile(rf",\s*{_IF}", re.IGNORECASE)  # "Was kostet ..., wenn ...?": the condition it had
FACT_ASKS = frozenset({Ask.PRICE, Ask.DURATION})
_ARTICLE = re.compile(r"\b(?:das|dies|dieses|that)\s+[A-ZÄÖÜ]")  # "das Wetter" names a thing, "dauert das?" refers
_TO = frozenset({"nach", "in", "ins", "to", "into"})
_FOR = frozenset({"fur", "for"})
_PREPOSITION_CLASSES = (  # a fragment's preposition replaces one of the same class in the question it continues
    _TO,
    frozenset({"aus", "von", "from"}),
    frozenset({"mit", "per", "with", "by", "via", "uber"}),
    _FOR,
    frozenset({"bei", "at"}),
)
_NAME = r"(?:(?:der|die|das|den|dem|the)\s+)?[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)*"
_PHRASE = rf"(?:{_NAME}|(?:(?:der|die|das|den|dem|the|a|an)\s+)?\w+)"
_WORD = re.compile(r"[^\W\d_][\w-]*")
_FRAME_WORDS = QUESTION_WORDS | LEADING_VERBS | ENGLISH_STOPWORDS
_CURRENCIES = frozenset({"euro", "eur", "cent", "chf", "franken", "dollar", "pfund", "pounds"})
SHORT = 5  # at most this many topic words: longer messages name their own topic


@dataclass(frozen=True, slots=True)
class Topic:
    """What an answer was about: its first source's page, and the (resolved) question it answered."""

    title: str
    url: str
    question: str


@dataclass(frozen=True, slots=True)
class Resolved:
    """The question to answer (``question``, what the answer provider gets), the text to search (``query``: a
    follow-up's question behind its topic's page title and the names of the question it continues, "Österreich"
    in "Was kostet der Versand nach Österreich?" + "und wie lange braucht das Paket?"), and the topic it continues
    (``topic``: None for a question that stands on its own). The search's own ranking picks the page: "und nach
    Österreich?" after a delivery answer may be answered from the page on delivery abroad; only a page the
    customer chose (``page``) is kept to. Where the topic's search finds nothing, the policy searches the question
    alone: the topic was wrong, or the customer changed it ("und kann ich auch mit Klarna zahlen?")."""

    question: str
    query: str
    topic: Topic | None = None
    page: str = ""  # the url of the page the customer chose when asked which one they meant


def topic_words(text: str) -> list[str]:
    """The words that name a topic, in German or English: "And how long does that take?" has two, as many as
    "Und wie lange dauert das?"."""
    return [t for t in tokens(text) if t not in STOPWORDS and t not in ENGLISH_STOPWORDS]


def _without_lead(text: str) -> str:
    return _LEAD.sub("", text.strip()).strip()


def is_fragment(text: str) -> bool:
    """An elliptical continuation: "und nach Österreich?", "Und mit Klarna?", "what about Switzerland?"."""
    rest = _without_lead(text)
    words = tokens(rest)
    return (
        0 < len(words) <= 4
        and not any(w in QUESTION_WORDS or w in LEADING_VERBS for w in words)
        and len(topic_words(rest)) >= 1
    )


def names_amount(word: str) -> bool:
    """Whether a topic word is a figure or a currency ("80", "Euro"): part of an amount, no subject."""
    return word.isdigit() or word in _CURRENCIES


def refers_back(text: str) -> bool:
    """Whether ``text`` has a word that points at something said before ("dauert das?", "does it"); "das Wetter"
    names a thing of its own."""
    return bool(_REFERS.search(fold(_ARTICLE.sub(" ", text)).strip()))


def is_follow_up(text: str) -> bool:
    """A short message that leans on what came before: a leading "und"/"and", a referring word, or a fragment.
    An amount does not make it longer ("Ich komme auf 65 Euro – ist der Versand dorthin dann gratis?")."""
    if len([word for word in topic_words(text) if not names_amount(word)]) > SHORT:
        return False
    return bool(_LEAD.match(text.strip())) or refers_back(text) or is_fragment(text)


def without_slip(text: str) -> str:
    """A correction without the apology in front of it and the aside behind the corrected phrase: "Entschuldigung,
    ich habe mich vertan! Ich meinte natürlich Liechtenstein, meine Schwester wohnt in Vaduz." is "Ich meinte
    natürlich Liechtenstein"."""
    rest = _after_apology(text)
    if _MEANT.match(rest) and (end := _CLAUSE_END.search(rest)) is not None:
        return rest[: end.start()]
    return rest if rest != text.strip() else text


def _after_apology(text: str) -> str:
    """``text`` without an apology for a slip in front of it ("Oh, Entschuldigung, ich habe falsch abgelesen:")."""
    return _SLIP.sub("", text.strip()).strip()


def corrects(text: str) -> bool:
    """Whether ``text`` corrects what the customer said before ("Ich meinte natürlich Liechtenstein, ...", "Es
    sind 110 cm, nicht 106."): it continues the topic whatever else it tells."""
    rest = _after_apology(text)
    return bool(_MEANT.match(rest) or _MEASURE_FIX.match(rest))


def _measure_corrected(text: str, before: str) -> str | None:
    """The question before with its measure corrected ("Es sind 110 cm, nicht 106."), where it named that one."""
    fix = _MEASURE_FIX.match(_after_apology(text))
    if fix is None:
        return None
    old = re.compile(rf"(?<![\d,.]){re.escape(fix.group('old'))}(?![\d]|[.,]\d)")
    return old.sub(fix.group("new"), before, count=1) if old.search(before) else None


def resolve(text: str, topic: Topic | None) -> Resolved:
    """``text`` as a question of its own, given the conversation's current ``topic``."""
    if topic is not None and (corrected := _measure_corrected(text, topic.question)) is not None:
        return Resolved(corrected, corrected, topic, topic.url)  # the same question, looked up again
    text = without_slip(text)
    if topic is None or not is_follow_up(text):
        return Resolved(text, text)
    if is_fragment(text):
        question = complete(topic.question, _without_lead(text))
        # an amount alone ("bei 80 Euro?") names no subject of its own: the topic's page answers it
        page = topic.url if all(names_amount(word) for word in topic_words(_without_lead(text))) else ""
        return Resolved(question, question, topic, page)
    own = _without_lead(text) or text
    asked_before = ask_of(topic.question)
    if _CONDITION.match(own) and asked_before in FACT_ASKS and not any(w in QUESTION_WORDS for w in tokens(own)):
        # "Was kostet eine Rücksendung?" + "und wenn ich nur eine andere Größe möchte?" asks the price again, on
        # that condition; after a way or a yes ("Wie storniere ich?" + "und wenn die Zeit um ist?") it asks what
        # then, which the condition's own search finds
        frame = _CONDITIONED.split(topic.question.strip().rstrip("?!.").strip())[0]  # the condition before it goes
        own = f"{frame}, {own.rstrip('?!. ')}?"
    question = _with_places(own, topic.question)
    context = " ".join([f"{topic.title}:", *names(topic.question)])
    return Resolved(question, f"{context} – {question}", topic)


def _with_places(question: str, before: str) -> str:
    """The question with the countries the question before it was about, where it names none: "und ab wann ist es
    gratis?" after "was kostet der Versand nach Holland?" asks about the Netherlands, lower case or not."""
    if _countries_meant(question):
        return question
    countries = _countries_meant(before)
    if not countries:
        return question
    return f"{question.rstrip(' ?')} ({', '.join(sorted(countries))})?"


def _countries_meant(text: str) -> frozenset[str]:
    """The countries ``text`` names, or names by a town ("nach Holland", "für Südtirol")."""
    return countries_named(with_countries(text, "de"))


def names(text: str) -> list[str]:
    """The capitalised words of a question that are no function words: German nouns and names in any language
    ("Versand", "Österreich", "PayPal"), what a follow-up's search keeps of the question before it. Its frame
    ("Wie lange habe ich Zeit") would pull the search back to the passage that answered it."""
    return [w for w in _WORD.findall(text) if w[0].isupper() and fold(w) not in STOPWORDS | _FRAME_WORDS]


def complete(previous: str, fragment: str) -> str:
    """The previous question with the fragment in the place of the phrase it replaces, else appended."""
    frame = previous.strip().rstrip("?!.").strip()
    piece = fragment.strip().rstrip("?!.").strip()
    words = piece.split()
    lead = fold(words[0]) if words else ""
    same = next((c for c in _PREPOSITION_CLASSES if lead in c), None)
    if same is not None and lead in _FOR and _countries_meant(f"nach {' '.join(words[1:])}"):
        same = same | _TO  # "und für Südtirol?" replaces "nach Österreich": a destination
    if same is not None:
        prepositions = "|".join(sorted(same))
        phrase = re.compile(rf"\b(?i:{prepositions})\s+{_PHRASE}")  # case matters for the noun phrase
        matches = [m for m in phrase.finditer(frame) if fold(m.group(0).split()[0]) in same]
        if matches:
            last = matches[-1]
            return f"{frame[: last.start()]}{piece}{frame[last.end() :]}?"
    names = re.compile(rf"\b(?i:{'|'.join(sorted(set().union(*_PREPOSITION_CLASSES)))})\s+({_NAME})")
    bare = names.search(f"in {piece}")  # a bare name ("what about Switzerland?") takes the last name's place
    if bare is not None and bare.group(1) == piece:
        places = list(names.finditer(frame))
        if places:
            last = places[-1]
            return f"{frame[: last.start(1)]}{piece}{frame[last.end(1) :]}?"
    return f"{frame} {piece}?"


def same_subject(choice: str, title: str) -> bool:
    """Whether a customer's word choice ("Retoure", "die mit dem Versand") names a title's subject."""
    return bool(set(stems(choice)) & set(stems(title)))

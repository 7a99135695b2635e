"""What a customer's question asks for: its parts and, per part, the kind of answer it wants (German, English).

"Was kostet der Versand und ab welchem Betrag ist er kostenlos?" holds two questions, a price and a threshold;
"Kann ich mit Apple Pay zahlen?" wants a yes or a no; "Wie drucke ich das Label aus?" wants steps. The extractive
answer picks a sentence per part by what it asks; cue words decide, the passage's wording does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from heine_ai.text import EMOJI


class Ask(StrEnum):
    YES_NO = "yes_no"
    PRICE = "price"
    DURATION = "duration"
    HOW_TO = "how_to"
    OPEN = "open"


@dataclass(frozen=True, slots=True)
class QuestionPart:
    text: str
    ask: Ask


_W_WORDS = (
    r"wie|was|wann|wo|wohin|woher|welche[rsnm]?|wer|wen|wem|warum|wieso|weshalb|womit|wofür|wozu|worauf|ab wann"
    r"|bis wann|ab welche[mnrs]?|how|what|when|where|which|who|why"
)
_YES_NO_VERBS = (
    r"kann|kannst|können|könnt|könnte|könnten|muss|musst|müssen|darf|darfst|dürfen|gibt|gilt|gelten|ist|sind"
    r"|habe|hat|haben|hast|habt|bekomme|bekommt|bekommen|bietet|bieten|liefert|liefern|lieferst|nehmt|nehmen"
    r"|akzeptiert|akzeptieren|wird|werden|soll|sollte|geht|funktioniert|brauche|brauchen|benötige|zahle|zahlt"
    r"|kostet|kosten|verschickt|versendet|versenden|erstattet|erstatten|übernehmt|übernehmen|bin|zahl"
    r"|can|could|do|does|did|is|are|will|would|may|should|must|have|has|am"
)
_YES_NO = re.compile(rf"^(?:{_YES_NO_VERBS})\b", re.IGNORECASE)
# a phrase in front of the verb, no question word: "und mit Express geht das auch?", "per PayPal kann ich zahlen?"
_YES_NO_LATER = re.compile(
    rf"^(?!.*\b(?:{_W_WORDS})\b)(?:und |aber |also )?(?:mit|per|bei|für|nach|in|im|an|auf|über|ohne|auch)\s+"
    rf"(?:\S+\s+){{0,2}}?"
    rf"(?:{_YES_NO_VERBS})\s+(?:das|es|ich|man|sie|ihr|du|der|die|wir)\b[^?]*\?\s*$",
    re.IGNORECASE,
)
# a statement, then the yes/no question it leads to: "ich hab 45 € im Korb, zahl ich Versand?", "Ich komme auf
# 65 Euro – ist der Versand dann gratis?"
_STATED_THEN_ASKED = re.compile(
    rf"(?:,|\s[–—-])\s+(?:{_YES_NO_VERBS})\s+(?:das|es|ich|man|sie|ihr|du|der|die|wir|i|you|it)\b[^,–—]*\?\s*$",
    re.IGNORECASE,
)
# what the customer lacks follows one of these: "keinen Drucker", "ohne Konto", "no printer"
LACKING = r"\b(?:kein|keine|keinen|keinem|ohne|no|without)\s+"
_DURATION = re.compile(
    r"\b(?:wie lange?|wie viele (?:tage|wochen|stunden)|wie ?viel zeit|wie schnell|wann|bis wann|ab wann|frist|dauert"
    r"|dauer|how long|how many days|how much time|how fast|how quickly|how soon|when|deadline)\b",
    re.IGNORECASE,
)
_PRICE = re.compile(
    r"\b(?:kostet|kosten|preis\w*|gebühr\w*|aufpreis|teuer|wie viel|wieviel|betrag|beträge|bestellwert|pauschale"
    r"|in welchen werten|(?:was|wie ?viel) (?:berechne|berechnet|verlang)\w*|how much|cost|costs|price|fee|charge)\b",
    re.IGNORECASE,
)
_HOW_TO = re.compile(
    r"^(?:wie\s+(?!lange|viel|viele|hoch|teuer|oft|weit|groß|schnell|alt|sicher)\w+\s+(?:ich|man|wir|du|sie)\b"
    r"|wie\s+(?:kann|könnte|muss|soll)\s+(?:ich|man)\b|was (?:muss|kann|soll) ich (?:\w+ )?(?:tun|machen)"
    r"|wo kann ich|wo finde ich|an wen|how (?:do|can|should|would) (?:i|we|you)\b|how to\b|where (?:do|can) i"
    r"|what (?:can|should|do|shall) i do|was (?:mach|mache|tu|tue) ich\b)",
    re.IGNORECASE,
)
# A second question inside one sentence starts after "und"/"and" with a question word (after a preposition: "und
# bis zu welchem Betrag") or a verb-first clause.
_PREPOSITION = r"(?:(?:bis|ab|seit|für|mit|an|in|zu|bei|von|nach|auf|aus|um|über|unter|for|from|to|with|at|on)\s+)"
_SPLIT = re.compile(
    rf"\s*(?:,\s*)?\b(?:und|and)\s+(?=(?:{_PREPOSITION}{{0,2}}(?:{_W_WORDS})\b)"
    rf"|(?:{_YES_NO_VERBS})\s+(?:ich|man|es|sie|ihr|du|mir|mich|uns|das|i|you|it|we|(?-i:[A-ZÄÖÜ])\w+)\b)",
    re.IGNORECASE,
)  # "... und ist Express schneller als Standard?": a verb and a noun after it
# "was kostet der Versand nach Österreich, kann ich da auf Rechnung zahlen ...": a verb-first question after a
# comma, split off only where the clause before it is a question of its own (not "Ich wollte fragen, kann ich ...")
_COMMA_SPLIT = re.compile(
    rf"\s*,\s*(?=(?:{_YES_NO_VERBS})\s+(?:ich|man|es|sie|ihr|du|mir|mich|uns|i|you|we)\b"
    rf"|{_PREPOSITION}?(?:{_W_WORDS})\b)",  # "Was kostet der Standardversand, ab wann ist er kostenlos?"
    re.IGNORECASE,
)
# "ich habe zwei Fragen: Kann ich ..."; an emoji ends a sentence too ("... zu klein 🙈 kann ich ...")
_SENTENCES = re.compile(rf"(?<=[?!.])\s+|(?<=:)\s+(?=[A-ZÄÖÜ])|\s*{EMOJI}+\s*")
# a clause that asks with its verb and subject in front, its question mark left out: "kann ich die umtauschen"
_VERB_FIRST = re.compile(
    rf"^(?:und |aber |also )?(?:{_YES_NO_VERBS})\s+(?:ich|man|es|sie|ihr|du|wir|das|der|die|den|i|you|we|it)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(rf"(?:[,.;:!?…–—]|{EMOJI})+")
# what opens a question asked inside a statement: "ich frage mich, ob", "ich wüsste gern, wie", "I wonder if";
# not a doubt about oneself ("ich weiß nicht, ob es mir dann noch passt")
_INDIRECT = re.compile(
    r"\b(?:frag\w* (?:ich )?mich|wüsste (?:ich )?gerne?|(?:möchte|würde|will|wollte) (?:ich )?(?:gerne? )?wissen"
    r"|interessiert mich|wonder(?:ing)?|like to know)\b"
    r"(?:\s+(?:aber|nun|jetzt|halt|eben|doch|schon|also|ja|echt|wirklich|gerade|now|really))*,?\s+"
    r"(?=(?:ob|wie|wann|was|wo|welche\w*|warum|wieso|if|whether|how|when|what|where|which|why)\b)",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:hallo|hi|hey|guten (?:tag|morgen|abend)|moin|servus|hello|good (?:morning|afternoon))\b[,!.\s]*",
    re.IGNORECASE,
)


def ask_of(text: str) -> Ask:
    """The kind of answer one question wants. A question may be both ("Wie lange dauert ..." and "Kostet ...?"):
    duration wins over price, price over a yes/no, because the fact answers the question either way."""
    body = _LEAD.sub("", text.strip())
    if _DURATION.search(body):
        return Ask.DURATION
    if _HOW_TO.search(body):
        return Ask.HOW_TO
    if _PRICE.search(body) and not _YES_NO.match(body):
        return Ask.PRICE
    if _YES_NO.match(body) or _YES_NO_LATER.match(body) or _STATED_THEN_ASKED.search(body):
        return Ask.YES_NO
    if _PRICE.search(body):
        return Ask.PRICE
    return Ask.OPEN


def is_question(sentence: str) -> bool:
    body = _LEAD.sub("", sentence.strip())
    return body.endswith("?") or opens_with_question_word(body) or bool(_VERB_FIRST.match(body))


def asks_in_a_later_clause(text: str) -> bool:
    """Whether a clause after the first asks with its verb in front, after a pause without a question mark:
    "jetzt is die hose zu klein 🙈 kann ich die umtauschen thx", "die hose ist zu klein, kann ich die umtauschen"."""
    return any(_VERB_FIRST.match(clause.strip()) for clause in _CLAUSE_BREAK.split(text)[1:])


def opens_with_question_word(text: str) -> bool:
    return bool(re.match(rf"^(?:{_W_WORDS})\b", _LEAD.sub("", text.strip()), re.IGNORECASE))


def questions_alone(text: str) -> str:
    """The message's questions without the statements around them ("Ich habe keinen Drucker."), an indirect
    question ("..., jetzt frag ich mich, ob die Rechnung im Paket liegt") from its "ob" on; the message itself
    when it asks nothing or holds nothing else."""
    asked = []
    for sentence in _SENTENCES.split(text.strip()):
        if sentence and is_question(sentence):
            asked.append(sentence)
        elif sentence and (clause := indirect_question(sentence)) is not None:
            asked.append(clause)
    return " ".join(asked) if asked else text.strip()


def indirect_question(statement: str) -> str | None:
    """The question a statement asks indirectly, from its "ob" (or question word) on: "jetzt frag ich mich aber,
    ob die Rechnung im Paket liegt" asks "ob die Rechnung im Paket liegt"; None when it asks nothing."""
    found = _INDIRECT.search(statement)
    return statement[found.end() :] if found else None


def question_parts(text: str) -> list[QuestionPart]:
    """The questions in a message, each with what it asks. Statements around them ("Ich habe keinen Drucker.")
    belong to the question before them (or the first), so their words still steer the answer."""
    pieces: list[str] = []
    context: list[str] = []
    for sentence in _SENTENCES.split(text.strip()):
        if not sentence:
            continue
        if is_question(sentence):
            pieces.extend(part for clause in _SPLIT.split(sentence) for part in _questions_in(clause))
        elif pieces:
            pieces[-1] = f"{pieces[-1]} {sentence}"
        else:
            context.append(sentence)
    if not pieces:
        return [QuestionPart(text.strip(), ask_of(text))]
    lead = " ".join(context)
    return [
        QuestionPart(f"{lead} {piece}".strip() if i == 0 and lead else piece, ask_of(piece))
        for i, piece in enumerate(pieces)
    ]


def _questions_in(clause: str) -> list[str]:
    """A clause split at each comma that a verb-first question follows, where what comes before asks too."""
    parts: list[str] = []
    for piece in _COMMA_SPLIT.split(clause.strip()):
        if parts and (opens_with_question_word(parts[-1]) or _YES_NO.match(_LEAD.sub("", parts[-1]))):
            parts.append(piece)
        elif parts:
            parts[-1] = f"{parts[-1]}, {piece}"
        elif piece:
            parts.append(piece)
    return [part.strip() for part in parts if part.strip()]

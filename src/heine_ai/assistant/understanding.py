"""First understanding of a customer message: greetings, follow-ups and escalation signals.

These are cue lists over folded text (umlauts and ß folded, lower case), so "Unzufrieden", "unzufrieden" and
"UNZUFRIEDEN" match alike. They are the floor that later classifiers build on, never the other way round: an
explicit request for a person or a legal threat must always escalate, whatever a model says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from heine_ai.intents import Intent
from heine_ai.messages import EscalationReason
from heine_ai.text import ENGLISH_STOPWORDS, STOPWORDS, fold, stems, tokens

_COMPLAINT = (
    r"unzufrieden",
    r"inkompetent",
    r"verarsch",
    r"enttausch",
    r"beschwer",
    r"frechheit",
    r"unverschamt",
    r"katastroph",
    r"skandal",
    r"zumutung",
    r"argerlich",
    r"verargert",
    r"sauer\b",
    r"wutend",
    r"nie wieder",
    r"schlechteste",
    r"miserabel",
    r"unmoglich",
    r"immer noch nicht",
    r"noch immer nicht",
    r"schon wieder",
    r"reicht mir",
    r"unakzeptabel",
    r"inakzeptabel",
    r"very (?:dis)?satisfied",
    r"unhappy",
    r"disappointed",
    r"complain",
    r"terrible",
    r"unacceptable",
)
_HUMAN = (
    r"(?:mit|an|zu) (?:einem|einer|einen|ihrem|ihrer|ihren|dem|der|den) (?:echten |richtigen |menschlichen )?"
    r"(?:menschen|mitarbeiter\w*|kundenberater\w*|berater\w*|sachbearbeiter\w*|person|kolleg\w*|vorgesetzten|"
    r"manager\w*|service-?mitarbeiter\w*)",
    r"mitarbeiter\w* sprechen",
    r"(?:einen|einem|eine) (?:echten |richtigen )?(?:menschen|mitarbeiter\w*|kundenberater\w*|berater\w*|"
    r"sachbearbeiter\w*|person) (?:sprechen|reden|haben|ans telefon)",
    r"(?:echte|richtige|reale)[nrm]? (?:person|mensch)",
    r"kein(?:en)? (?:bot|roboter|chatbot|maschine)",
    r"ruckruf",
    r"rufen sie mich",
    r"\bhuman\b",
    r"real person",
    r"(?:speak|talk) (?:to|with) (?:a |an |the )?(?:human|person|agent|someone|somebody|manager|representative)",
)
_LEGAL = (
    r"anwalt",
    r"rechtsanwalt",
    r"klage",
    r"verklag",
    r"gericht",
    r"verbraucherzentrale",
    r"abmahnung",
    r"rechtliche schritte",
    r"lawyer",
    r"sue\b",
    r"legal action",
)
_ABUSE = (
    r"idiot",
    r"arschloch",
    r"scheiss",
    r"scheiß",
    r"dumm(?:e|er|kopf)?\b",
    r"vollpfosten",
    r"wichser",
    r"verpiss",
    r"fuck",
    r"bastard",
    r"versager",
    r"penner",
    r"drecks",
    r"spinner",
    r"trottel",
    r"\bdepp(?:en)?\b",
    r"schwachkopf",
    r"hurensohn",
    r"missgeburt",
    r"schlampe",
    r"halt (?:die|deine|eure) (?:klappe|fresse|schnauze)",
    r"asshole",
    r"moron",
)
_SENSITIVE = (
    r"betrug",
    r"betrüger",
    r"betruger",
    r"phishing",
    r"gehackt",
    r"identitatsdiebstahl",
    r"daten (?:loschen|entfernen)",
    r"loschung meiner",
    r"konto loschen",
    r"dsgvo",
    r"fraud",
    r"delete my (?:data|account)",
)
_GREETING = re.compile(
    r"^(hallo|hi|hey|guten (morgen|tag|abend)|moin|servus|gruss gott|hello|good (morning|afternoon|evening))\b"
)
_THANKS = re.compile(r"^(vielen )?(dank|danke)|^thank")
_FOLLOW_UP = re.compile(r"^(und|aber|oder|also|and|what about)\b|\b(das|dies|dafur|davon|damit|es|it|that)\b")
_ARTICLE = re.compile(r"\b(?:das|dies|dieses|that)\s+[A-ZÄÖÜ]")  # "das Wetter" names a thing, "dauert das?" refers


def _compile(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{cue})" for cue in cues))


_PATTERNS: tuple[tuple[EscalationReason, re.Pattern[str]], ...] = (
    (EscalationReason.LEGAL_THREAT, _compile(_LEGAL)),
    (EscalationReason.ABUSE, _compile(_ABUSE)),
    (EscalationReason.HUMAN_REQUEST, _compile(_HUMAN)),
    (EscalationReason.SENSITIVE_TOPIC, _compile(_SENSITIVE)),
    (EscalationReason.COMPLAINT, _compile(_COMPLAINT)),
)


@dataclass(frozen=True, slots=True)
class Understanding:
    intent: Intent
    escalation: EscalationReason | None
    is_follow_up: bool


def escalation_intent(reason: EscalationReason) -> Intent:
    """The intent stored with an escalation that the message itself signals (every reason but
    ``repeated_failure``, which is an outcome of the dialogue, not of one message)."""
    return Intent(reason.value)


def _topic_words(text: str) -> list[str]:
    """The words that name a topic, in German or English: "And how long does that take?" has two, as many as
    "Und wie lange dauert das?"."""
    return [t for t in tokens(text) if t not in STOPWORDS and t not in ENGLISH_STOPWORDS]


def understand(text: str) -> Understanding:
    folded = fold(text).strip()
    escalation = next((reason for reason, pattern in _PATTERNS if pattern.search(folded)), None)
    content_words = stems(text)
    if escalation is not None:
        intent = escalation_intent(escalation)
    elif _GREETING.search(folded) and len(content_words) <= 3:
        intent = Intent.GREETING
    elif _THANKS.search(folded) and len(content_words) <= 3:
        intent = Intent.THANKS
    else:
        intent = Intent.QUESTION
    referring = fold(_ARTICLE.sub(" ", text)).strip()
    short = len(_topic_words(text)) <= 5
    is_follow_up = intent is Intent.QUESTION and short and bool(_FOLLOW_UP.search(referring))
    return Understanding(intent=intent, escalation=escalation, is_follow_up=is_follow_up)

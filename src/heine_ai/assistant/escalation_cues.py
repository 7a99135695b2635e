"""Escalation signals in a customer's words: a legal threat, abuse, a request for a person, a sensitive topic or a
complaint.

Cue lists over folded text (umlauts and ß folded, lower case), so "Unzufrieden", "unzufrieden" and "UNZUFRIEDEN"
match alike. They are the floor that the classifiers build on, never the other way round: an explicit request for a
person or a legal threat must always escalate, whatever a model says. The first matching reason wins, in the order
of ``_PATTERNS``.
"""

from __future__ import annotations

import re

from heine_ai.messages import EscalationReason

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


def _compile(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{cue})" for cue in cues))


_PATTERNS: tuple[tuple[EscalationReason, re.Pattern[str]], ...] = (
    (EscalationReason.LEGAL_THREAT, _compile(_LEGAL)),
    (EscalationReason.ABUSE, _compile(_ABUSE)),
    (EscalationReason.HUMAN_REQUEST, _compile(_HUMAN)),
    (EscalationReason.SENSITIVE_TOPIC, _compile(_SENSITIVE)),
    (EscalationReason.COMPLAINT, _compile(_COMPLAINT)),
)


def escalation_signal(folded: str) -> EscalationReason | None:
    """The escalation reason the folded message signals, if any."""
    return next((reason for reason, pattern in _PATTERNS if pattern.search(folded)), None)

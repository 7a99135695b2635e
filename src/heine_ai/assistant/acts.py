"""The dialogue acts of one customer message: greeting, thanks, goodbye, yes, no, acknowledgement, and what is left.

A message often holds several: "Hallo, wie lange dauert die Lieferung?" greets and asks, "ok danke, das wars
schon" thanks and says goodbye, "Nein danke, ich schau später selbst" declines. The act phrases are peeled off the
message's start and end (German and English, Sie and du, common typos and Austrian/Swiss forms); what remains is
the ``body``, the part the knowledge answers. Regexes only: this runs on every message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from heine_ai.providers.llm.questions import asks_in_a_later_clause
from heine_ai.text import EMOJI, ENGLISH_STOPWORDS, STOPWORDS, tokens


class Act(StrEnum):
    GREETING = "greeting"
    THANKS = "thanks"
    GOODBYE = "goodbye"
    AFFIRM = "affirm"  # "ja, bitte", "yes please"
    DENY = "deny"  # "nein danke", "nee, lass mal", "no thanks"
    ACKNOWLEDGE = "acknowledge"  # "ok", "alles klar", "got it"
    POLITE = "polite"  # "bitte", "please": no act of its own, peeled off beside the others
    MORE = "more"  # "und?", "und weiter?", "tell me more": more of what the last answer was about


_U = "(?:ü|ue|u)"
_O = "(?:ö|oe|o)"
_A = "(?:ä|ae|a)"
_SS = "(?:ß|ss|s)"
# Each act's phrases; longer alternatives first, so that "ja bitte" is not read as "ja" plus a body "bitte".
_PHRASES: dict[Act, str] = {
    Act.GREETING: (
        rf"(?:hallo+|halli hallo|hall{_O}chen|huhu|hi+|hey+|hello|hiya|moin(?: moin)?|servus"
        rf"|gr{_U}{_SS} gott|gr{_U}{_SS}gott|gr{_U}ezi|gr{_U}e?{_SS}i|gr{_U}{_SS} dich|gr{_U}{_SS} euch|sal{_U}"
        r"|guten (?:morgen|tag|abend|mittag)|(?:einen )?sch[öo]nen guten (?:morgen|tag|abend)"
        r"|(?:tag|morgen|n'?abend)(?=\s*[,!.])"
        r"|good (?:morning|afternoon|evening|day)|greetings|sehr geehrte damen und herren|dear (?:sir|madam|team)"
        r"|liebe[rs]? [\w-]*team|yo+|ist (?:da|hier) (?:jemand|wer)|(?:is )?any(?:one|body) (?:there|here)"
        rf"|gl{_U}ck auf|gude)"  # the Ruhr's miners' and Hessian greetings
        r"(?: (?:zusammen|mitenand|miteinander|miteinand|allerseits|ihr|leute|there|everyone|all|team))?"
        r"(?:,? (?:ist da (?:jemand|wer)|(?:is )?any(?:one|body) there))?"
    ),
    Act.THANKS: (
        r"(?:(?:vielen|herzlichen|tausend|besten|lieben|recht herzlichen) )?dank(?:e)?(?: ?sch[öo]n| ?sehr)?"
        r"(?: (?:dir|ihnen|euch))?(?: (?:vielmals|sehr|schon mal|im voraus))*"
        r"(?: f[üu]r (?:die|ihre|deine|eure|den|das|ihren|deinen) (?:\w+ )?(?:hilfe|auskunft|antwort|info|infos"
        r"|information|informationen|r[üu]ckmeldung|unterst[üu]tzung|m[üu]he|geduld|tipp))?"
        r"|merci(?: vielmals| beaucoup)?|thx|thanks?(?: you)?(?: (?:so|very) much| a lot| again)?"
        r"|vergelt'?[´’]?s gott|dang(?:g)?sch[öo]n"  # Bavarian and Swabian thanks
        r"(?: for (?:the|your) (?:\w+ )?(?:help|information|info|answer|support))?|cheers"
    ),
    Act.GOODBYE: (
        rf"tsch{_U}{_SS}(?:i|le|chen)?|tsch[öo]+|tschau|ciao|bye(?: bye)?|good ?bye|auf wiedersehen|auf wiederh{_O}ren"
        r"|bis (?:bald|dann|sp[äa]ter|zum n[äa]chsten mal)|adieu|pfiat (?:di|eich|ihna|eana|gott)|ade|baba"
        r"|uf widerl[uü]ege|auf wiederschaun|auf wiederschauen"
        r"|(?:das )?war(?:'?s| es)(?: (?:dann|schon|auch))*(?: (?:alles|erstmal|erst mal))?"
        r"|mehr (?:wollte|brauche) ich (?:nicht|gar nicht)(?: wissen)?"
        r"|(?:that'?s|that is) (?:all|it)(?: for now)?|nothing else|see you|take care"
        r"|(?:einen )?sch[öo]nen (?:tag|abend|sonntag|wochenende|feierabend)(?: noch)?"
        r"|(?:eine )?(?:ruhige|gute|sch[öo]ne|angenehme|erholsame) (?:nacht|schicht|woche)(?: noch)?|good ?night"
        r"|have a (?:nice|good|great|lovely) (?:day|evening|one|weekend)"
        r"|(?:viele|liebe|beste|freundliche) gr[üu](?:ß|ss)e|lg|mfg|vg|gru(?:ß|ss)|(?:best|kind) regards"
        # a letter's closing with its signature: "Mit freundlichen Grüßen Hildegard B."
        r"|(?:mit )?(?:freundlichen|besten|lieben|herzlichen|vielen) gr[üu](?:ß|ss)en(?:,? [\w.]+){0,3}"
    ),
    Act.AFFIRM: (
        r"(?:ja|jaa+|jap|jep|jo|yes|yep|yeah|yup|sure|gerne|gern|klar|na klar|nat[üu]rlich|sicher|unbedingt"
        r"|auf jeden fall|jawohl|definitely|of course|absolutely)"
        r"(?:,? (?:bitte|gerne|gern|please|sehr gerne|sehr gern|das w[äa]re (?:nett|toll|super|gut|lieb)"
        r"|that would be (?:great|nice|good)|mach das|machen sie das|go ahead))*"
        r"|bitte ja|bitte gerne|sehr gerne|sehr gern|gerne doch|please do|das w[äa]re (?:nett|toll|super|gut|lieb)"
        r"|nu(?:,? (?:bitte|gerne|gern|klar|sicher))+"  # Saxon "nu" is a "yes" beside another one
    ),
    Act.DENY: (
        r"(?:nein|nee+|n[öo]|nope|no|nah)(?:,? (?:danke|thanks|thank you|lieber nicht|nicht n[öo]tig))?"
        r"|nicht n[öo]tig|nicht notwendig|lass mal|lassen sie (?:mal|nur)|kein bedarf|brauche? ich nicht"
        r"|passt scho(?:n)?|schon gut|no need|not necessary|never ?mind|lieber nicht|no thanks|not now"
    ),
    Act.ACKNOWLEDGE: (  # words that also start a question ("Gut verpackt?") count only before a pause
        r"ok(?:ay|e|i)?|alles klar|alles gut|all good|verstanden|achso|ach so|alright|all right|got it|i see|okidoki"
        r"|(?:dann |jetzt )?wei(?:ß|ss) ich (?:jetzt |dann )?bescheid|gut zu wissen|good to know|verstehe"
        r"|(?:super|prima|perfekt|toll|gut|sehr gut|aha|ah|great|perfect|cool|fine|sounds good|top|klasse|wunderbar"
        r"|passt|basst)"
        r"(?=\s*(?:[,.!;:–-]|$))"
    ),
    Act.POLITE: r"bitte|bitte sch[öo]n|please|pls|plz",
}
_ANNOUNCEMENT = (  # "ich hätte eine Frage:" announces a question and is no question itself
    r"(?:ich )?(?:h[äa]tte|habe|hab)(?: da)?(?: mal)?(?: noch)?"
    r"(?: eine| ne| 'ne| zwei| drei| ein paar| einige| mehrere)(?: kurze| kleine)? fragen?"
    r"|(?:eine )?kurze frage|i have (?:a|two|three|a few|some) (?:quick |short )?questions?|quick question"
    r"|(?:noch )?(?:eine|zwei|drei|ein paar|mehrere) (?:kurze |kleine )?fragen?(?=\s*:)"  # "Zwei Fragen: ..."
    r"|(?:two|three|a few) (?:quick |short )?questions(?=\s*:)"
)
# an emoji stands where punctuation would: "super danke dir 😊"; so does an emoticon, read as a space
_SEPARATOR = rf"(?:[\s,.;:!?…–—\-]|{EMOJI})"
_EMOTICON = re.compile(r"(?<!\S)[:;]-?[()DPp](?!\S)")
_LEADING = {act: re.compile(rf"^{_SEPARATOR}*(?:{phrase})(?={_SEPARATOR}|$)", re.I) for act, phrase in _PHRASES.items()}
_TRAILING = {  # only closing words trail a question; "Ist die Zahlung sicher?" ends in no "yes"
    act: re.compile(rf"(?:^|(?<={_SEPARATOR}))(?:{_PHRASES[act]}){_SEPARATOR}*$", re.I)
    for act in (Act.THANKS, Act.GOODBYE, Act.POLITE)
}
# a message that asks for nothing but more of the last answer's topic, whole: "und dann kann ich es zurückgeben?"
# asks a question of its own
# ("und?" with its question mark: "Tschüssi und danke" leaves a bare "und" between two acts)
_MORE = re.compile(
    r"^(?:(?:und|and|aber|but)\s*(?:\?|…|\.{3})"
    r"|(?:(?:und|and|aber|but) )?(?:weiter|dann|sonst|jetzt|nun|noch|was (?:noch|nun|jetzt|dann|sonst)"
    r"|sonst noch (?:was|etwas)|then|now|what else|what now|what then)"
    r"|weiter|mehr(?: dazu| bitte| details| infos?)?|noch mehr|was noch|was sonst|sonst noch (?:was|etwas)"
    r"|genauer|erz(?:ä|ae|a)hl(?:en sie)? mehr|more(?: please| details)?|tell me more|go on|what else)"
    r"\s*[?!.…]*$",
    re.IGNORECASE,
)
_LEADING_ANNOUNCEMENT = re.compile(rf"^{_SEPARATOR}*(?:{_ANNOUNCEMENT})(?={_SEPARATOR}|$)", re.I)
_EDGE = re.compile(rf"^{_SEPARATOR}+|[\s,;:–—-]+$")

# fmt: off
QUESTION_WORDS = frozenset(
    {
        "wie", "was", "wann", "wo", "wer", "wen", "wem", "welche", "welcher", "welches", "welchen", "welchem", "warum",
        "wieso", "weshalb", "wohin", "woher", "womit", "wozu", "wieviel", "wieviele", "wofur", "worauf", "ob", "how",
        "what", "when", "where", "who", "whom", "which", "why", "whats"
    }
)
LEADING_VERBS = frozenset(  # a question that starts with its verb: "Kann ich ...?", "Do you ...?"
    {
        "kann", "kannst", "konnt", "konnen", "konnte", "konntest", "konnten", "muss", "musst", "mussen", "gibt",
        "gibts", "habt", "hast", "haben", "hat", "ist", "sind", "wird", "werden", "darf", "darfst", "durfen", "soll",
        "sollte",
        "liefert", "liefern", "nehmt", "nehmen", "bietet", "bieten", "akzeptiert", "akzeptieren", "geht", "verschickt",
        "versendet", "bekomme", "bekommt", "kriege", "krieg", "can", "could", "do", "does", "did", "is", "are", "will",
        "would", "should", "may", "have", "has"
    }
)
_CONTRAST_WORDS = [[w] for w in ("aber", "allerdings", "jedoch", "nur", "trotzdem", "but", "however", "although")]
# "und" before a thing or a case goes on asking, with or without a question mark: "Super, danke. Und die Höhe: ...",
# "danke, und bei Gardinen nach Maß"; "danke, und ich melde mich" does not
_AND = frozenset({"und", "and"})
_GOING_ON = frozenset(
    {"die", "der", "das", "den", "dem", "bei", "beim", "wenn", "falls", "mit", "fur", "nach", "im", "auf"}
    | {"the", "if", "with", "for", "what", "how"}
)
# words that carry no request of their own once the act phrases are gone
_FILLER = frozenset(
    {
        "ok", "okay", "also", "so", "na", "naja", "nun", "ja", "jo", "nein", "nee", "ah", "oh", "hm", "hmm", "aha",
        "eben", "halt", "mal"
    }
)
# fmt: on


@dataclass(frozen=True, slots=True)
class Acts:
    """What a message does besides asking (``acts``), and what it asks or tells (``body``, "" when nothing)."""

    acts: frozenset[Act]
    body: str

    def has(self, act: Act) -> bool:
        return act in self.acts

    @property
    def asks(self) -> bool:
        """Whether the body is a question or a request: a question mark, a question word, a verb in front, or a
        contrast ("..., aber die Jacke ist nicht da") that makes it more than an aside to a thanks or a no."""
        if not self.body:
            return False
        words = tokens(self.body)
        return (
            asks(self.body)
            or any(word in QUESTION_WORDS for word in words)
            or words[:1] in _CONTRAST_WORDS
            or (len(words) > 1 and words[0] in _AND and words[1] in _GOING_ON)
            or asks_in_a_later_clause(self.body)
        )

    @property
    def small_talk(self) -> bool:
        """Only acts, nothing to look up: "Hallo!", "ok danke, das wars schon", "Nein danke, ich schau selbst"."""
        if not self.body:
            return True
        closing = self.acts & {Act.THANKS, Act.GOODBYE, Act.DENY}
        return bool(closing) and not self.asks


def asks(text: str) -> bool:
    """Whether ``text`` reads as a question: a question mark, or a question word or a verb in front."""
    return "?" in text or starts_question(text)


def starts_question(text: str) -> bool:
    """Whether ``text`` begins with a question word or a verb: "wie lange ...", "kann ich ...", "do you ..."."""
    words = tokens(text)
    return bool(words) and (words[0] in QUESTION_WORDS or words[0] in LEADING_VERBS)


def dialogue_acts(text: str) -> Acts:
    """Peel the act phrases off the start and the end of ``text``, as often as they come."""
    acts: set[Act] = set()
    body = _EMOTICON.sub(" ", text).strip()
    changed = True
    while body and changed:
        changed = False
        match = _LEADING_ANNOUNCEMENT.match(body)
        if match:
            body, changed = body[match.end() :], True
        for act in _PHRASES:
            match = _LEADING[act].match(body)
            if match:
                acts.add(act)
                body, changed = body[match.end() :], True
            match = _TRAILING[act].search(body) if act in _TRAILING else None
            if match:
                acts.add(act)
                body, changed = body[: match.start()], True
        body = _EDGE.sub("", body)
    if _MORE.match(body.strip()):
        acts.add(Act.MORE)
        body = ""
    if not _has_content(body):
        body = ""
    acts.discard(Act.POLITE)
    return Acts(frozenset(acts), body)


def _has_content(text: str) -> bool:
    """A word that names something, or a question word: "And by when?" asks, though of function words only."""
    return any(
        w in QUESTION_WORDS or (w not in STOPWORDS and w not in ENGLISH_STOPWORDS and w not in _FILLER)
        for w in tokens(text)
    )

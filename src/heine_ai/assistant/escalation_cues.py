"""Escalation signals in a customer's words: a legal threat, abuse, a request for a person, a sensitive topic or a
complaint about our service.

Cue lists over folded text (umlauts and ß folded, lower case), so "Unzufrieden", "unzufrieden" and "UNZUFRIEDEN"
match alike. They are the floor that the classifiers build on, never the other way round: an explicit request for a
person or a legal threat must always escalate, whatever a model says. The first matching reason wins, in the order
of ``_PATTERNS``.

The cues are word families (stems with their inflections and compounds) and colloquial forms from Germany, Austria
and Switzerland, not sentences. A service lead hands over anger, insults, lawyers, requests for a person and data
requests; a calm negative ("Die Hose passt leider nicht", "Schade, das Kleid gefällt mir nicht", "Mein Paket ist
seit fünf Tagen unterwegs") stays with the bot. So a complaint needs one strong cue (anger, outrage, an intensified
disappointment, "es reicht") or two different weak ones (disappointment, a repeat, being ignored or put off): a
single "enttäuscht" or "schon wieder" is no complaint, "schon wieder enttäuscht" is. Words that only look like
cues are kept out by their contexts: "eine dumme Frage", "ich war so dumm", "Klagenfurt", "ausgerichtet".
"""

from __future__ import annotations

import re

from heine_ai.messages import EscalationReason

# "ihr/du/Sie" and the colloquial articles: "mit nem Menschen", Austrian "mit am Mitarbeiter", "mit an Menschen".
_ARTICLE = (
    r"(?:einem|einer|einen|eine|ein|nem|ner|nen|am|an|emne|eme|enere|ihrem|ihrer|ihren|eurem|eurer|euren|dem|der|den|"
    r"die)"
)
_STAFF = (
    r"(?:mitarbeit\w*|kundenberat\w*|berater\w*|sachbearbeit\w*|kolleg\w*|vorgesetzt\w*|chef\w*|manager\w*|"
    r"service-?mitarbeit\w*|kundendienst\w*|ansprechp\w*|agent\w*|verantwortlich\w*|zustandig\w*|supervisor)"
)
_BEING = r"(?:menschen|mensch|person)"  # "an eine andere Person liefern" is no request: only "mit" a person
_BOT = r"(?:bot|chatbot|roboter|maschine|computer|automat\w*|ki|programm|blechbuchse|blechkiste)"
_YOU = r"(?:du|ihr|seid|bist|sind sie|sie sind|seids|sid)"  # "seids" Bavarian/Austrian, "sid" Swiss

_LEGAL = (
    r"anwalt",  # Anwalt, Rechtsanwalt, Anwältin, Anwälte, "zum Anwalt"
    r"anwalte",
    r"advokat",
    r"\b(?:ver|an)?klag(?:e|en|t|st|ung)?\b(?!nfurt)",  # Klage, verklagen, klage, Anklage; not Klagenfurt
    r"(?:\b|amts|land|schieds|zivil)gericht(?!et)",  # Gericht, gerichtlich, Amtsgericht; not "ausgerichtet"
    r"verbraucherzentrale",
    r"verbraucherschutz",
    r"konsumentenschutz",  # Austria, Switzerland
    r"arbeiterkammer",  # Austria: where consumers take a dispute
    r"konsumentenforum",  # Switzerland
    r"abmahn",
    r"strafanzeige",
    r"anzeige (?:erstatten|erstattet|machen|bei der polizei|gegen)",
    r"zeige? (?:sie|euch|dich) an\b",
    r"polizei",
    r"(?:rechtlich|juristisch)\w* (?:schritte|vorgehen|konsequenzen|weg|prufen)",
    r"rechtsweg",
    r"rechtsschutz",
    r"lawyer",
    r"attorney",
    r"\bsue\b",
    r"\bsuing\b",
    r"lawsuit",
    r"legal (?:action|steps|department|team|counsel|proceedings)",
    r"(?:rechtsabteilung|justiziar\w*|justitiar\w*)",  # a firm's legal department
    r"\bcourt\b",
    r"small claims",
    r"consumer protection",
)
_ABUSE = (
    r"idiot(?!ensicher)",  # Idiot, Vollidiot, Idioten; not "idiotensicher"
    r"arschloch",
    r"oaschloch",  # Austrian
    r"arschgeige",
    r"\bleck mich",
    r"wichser",
    r"verpiss",
    r"\bfick",
    r"fuck",
    r"bastard",
    r"versager",
    r"penner",
    r"\bdrecks\w+",  # Drecksladen, Drecksbot
    r"spinner\b",
    r"trottel",  # Trottel, Volltrottel, Blechtrottel
    r"\bdepp(?:en|ert|erter|erte)?\b",  # Depp, Deppen, Austrian "deppert"
    r"\bdodl",
    r"wappler",  # Austrian
    r"\bgfrast",  # Austrian
    r"\btubel",  # Swiss
    r"\bloli\b",  # Swiss "Löli"
    r"schwachkopf",
    r"dummkopf",
    r"hohlkopf",
    r"holzkopf",
    r"schwachmat",
    r"dumpfback",
    r"vollpfosten",
    r"\bpfosten\b",
    r"vollhonk",
    r"\bhonks?\b",
    r"hornochse",
    r"rindvie",
    r"hirni",
    r"hirnlos",
    r"hirnverbrannt",
    r"hurensohn",
    r"missgeburt",
    r"schlampen?\b",
    r"\bspast",
    r"(?:ihr|du) (?:\w+ )?(?:pfeifen|affen|clowns?|schweine?|lappen|luschen|nieten|witzfiguren)\b",
    rf"\b{_YOU}(?: \w+){{0,3}} (?:dumm|blod|bled|doof|bescheuert|bekloppt|beknackt|behindert)",  # not "ich war dumm"
    rf"\b(?:dumm|blod|bled|doof|bescheuert|bekloppt|beknackt|deppert)\w* {_BOT}",
    r"halt (?:die|dei|deine|eure|ihre) (?:klappe|fresse|schnauze|gosch\w*|gusch\w*|maul)",
    r"asshole",
    r"moron",
    r"\bstupid (?:bot|machine|people|idiots?)\b",
    r"you (?:are|re) (?:\w+ )?(?:stupid|useless|idiots?|morons?|incompetent)",
    r"shut up",
    r"(?:konnt|kannst|konnen) mich (?:\w+ )?(?:mal|kreuzweise)\b",  # "ihr könnt mich mal"
    rf"\b{_YOU} (?:\w+ (?:und )?)?(?:betruger|abzocker|gauner|halsabschneider|verbrecher|kriminelle)",  # "Ihr Betrüger"
    r"nichtsnutz",
    r"\b(?:versager|stumper)\b",
    r"haufen (?:\w+ )?(?:idioten|nichtsnutze|versager|stumper|deppen|vollpfosten|betruger|abzocker)",
    r"(?:quassel|laber|blech|schwatz)(?:maschine|kiste|bot|bude)",  # "unfähige Quasselmaschine"
)
_HUMAN = (
    rf"(?:mit|an|zu) {_ARTICLE} (?:\w+ )?{_STAFF}",  # "an Ihren Kundendienst", Austrian "mit am Mitarbeiter"
    rf"mit {_ARTICLE} (?:\w+ )?{_BEING}",  # "mit nem echten Menschen"
    rf"(?:{_STAFF}|{_BEING}) (?:sprechen|reden|telefonieren|ans telefon|bitte)",
    r"(?:echte|richtige|reale|lebende|menschliche)[nrms]? (?:person|mensch|mitarbeit|ansprechp)",
    r"aus fleisch und blut",
    r"(?:will|mochte|brauche|hatte gerne?|verlange) (?:\w+ )?(?:einen|nen|an|einem) (?:\w+ )?(?:menschen|mitarbeit\w*|"
    r"kundenberat\w*|berater\w*|sachbearbeit\w*)",
    rf"nur (?:den|dem|einen|ein|nen|mit dem|mit einem) (?:\w+ )?{_BOT}\b",  # "oder nur den Bot?"
    rf"kein(?:en|e|em)? (?:\w+ )?{_BOT}\b",  # "keinen Bot", "kein blöder Roboter"
    rf"nicht (?:mit|mehr mit) (?:{_ARTICLE} )?(?:\w+ )?{_BOT}\b",  # "nicht mit nem Bot"
    r"mit (?:jemandem|jemand|opperem|opper) (?:\w+ ){0,3}"
    r"(?:sprechen|reden|rede|redn|telefonieren|besprechen|klaren|chatten)",
    r"jemand\w*,? (?:mit dem|mit der|der mir|die mir|den ich|die ich|personlich|zustandig|echtes)",  # Swiss "öpper"
    r"gibt es (?:hier |bei (?:euch|ihnen) )?(?:jemand|einen menschen|einen mitarbeiter|eine person)",
    r"personlich (?:sprechen|reden|klaren|besprechen|beraten|telefonieren)",
    # a request for a call back, not "der versprochene Rückruf kam nie"
    r"(?:um|einen|ein|bitte|erbitte|wunsche|mochte|hatte gerne?|brauche) (?:\w+ )?ruckruf|^ruckruf",
    r"(?:ruf|ruft|rufen) (?:sie )?mich (?:\w+ )?(?:\w+ )?(?:an|zuruck)\b",  # "rufen Sie mich bitte an"
    r"mich\b[^.!?]{0,40}\b(?:anrufen|zuruckrufen)\b",  # "Kann mich bitte jemand anrufen?"
    r"(?:ihr|ihren|euren|den) (?:chef|vorgesetzten|geschaftsfuhr\w*|teamleit\w*)",
    r"(?:verbinden|durchstellen|weiterleiten|weiterverbinden|stellen) sie mich",
    r"verbinde(?:t|n)? mich",
    r"mich (?:\w+ ){0,4}(?:weiterleiten|weiterverbinden|durchstellen)",  # "kannst du mich an wen vom service ..."
    r"^(?:bitte,? )?(?:(?:einen|ein|nen) )?(?:echten |richtigen )?(?:mitarbeiter\w*|menschen|berater\w*)\b[ .,!]*"
    r"(?:$|danke|bitte[ .!]*$)",
    r"(?:gib|gebt|geben sie) mir (?:\w+ ){0,2}(?:jemand\w*|einen menschen|einen mitarbeiter\w*|wen)\b",
    r"leite(?:n|t)?(?: sie)? mich (?:\w+ )?weiter",
    r"\bhuman\b",
    r"real person",
    r"(?:speak|talk|chat) (?:to|with) (?:a |an |the |your |some )?(?:real |actual |live )?"
    r"(?:human|person|agent|someone|somebody|manager|representative|supervisor|employee|operator|staff)",
    r"(?:connect|transfer|put) me (?:to|through|with)",
    r"\bcall me\b",
    r"callback",
    r"not (?:a |with a |to a )?(?:bot|robot|machine)",
)
_SENSITIVE = (
    r"betrug",
    r"betrog",  # "betrogen"
    r"betruger",
    r"phishing",
    r"gehackt",
    r"hacker",
    r"identitatsdiebstahl",
    r"datenleck",
    r"datenpanne",
    r"missbrauch\w* (?:meine|meiner|meines|mit)",
    r"(?:mein|meine|alle|die|das) (?:\w+ )?(?:daten|konto|kundenkonto|account|profil) (?:\w+ )?(?:zu )?"
    r"(?:loschen|entfernen)",
    r"losch\w* (?:sie )?(?:\w+ ){0,3}(?:daten|konto|kundenkonto|account|profil)",  # "Löschung meiner Daten"
    r"\b(?:kunden)?konto (?:zu )?loschen",
    r"\bdaten (?:\w+ ){0,3}(?:zu )?losch",  # "dass ihr sämtliche Daten über mich löscht"
    r"welche daten (?:\w+ ){0,4}(?:gespeichert|uber mich|von mir|habt|haben)",
    r"(?:auskunft|kopie) (?:uber|zu|von|meiner|aller)[^.!?]{0,30}daten",
    r"datenauskunft",
    r"dsgvo",
    r"\bdsg\b",  # Austrian and Swiss data protection acts
    r"\bgdpr\b",
    r"recht auf (?:vergessen|loschung|auskunft)",
    r"fraud",
    r"hacked",
    r"delete (?:all )?my (?:data|account|personal)",
    r"what (?:personal )?data (?:do you|you) (?:hold|have|store)",
)
# One is enough: anger, outrage, an ultimatum, an intensified disappointment, contempt for the service.
_INTENSE = r"(?:echt|total|sehr|so|wirklich|extrem|massiv|masslos|zutiefst|absolut|mega|voll|ur|ziemlich|richtig)"
_COMPLAINT = (
    r"unzufrieden",
    r"inkompetent",
    r"unfahig",
    r"verarsch",
    r"veraschen",
    r"verappel",
    r"beschwer",  # Beschwerde, beschweren
    r"frechheit",
    r"unverschamt",
    r"katastroph",
    r"skandal",
    r"zumutung",
    r"unzumutbar",
    r"unakzeptabel",
    r"inakzeptabel",
    r"nicht akzeptabel",
    r"verargert",
    r"\bsauer\b",
    r"stinksauer",
    r"stocksauer",
    r"stinkig",
    r"bin (?:\w+ )?bedient",
    r"platzt (?:mir )?(?:\w+ )?kragen",
    r"(?:es|das|euch|sie) satt\b",
    r"\bes leid\b",
    r"unter aller (?:sau|kanone)",
    r"das (?:aller)?letzte\b",
    r"im stich gelassen",
    r"unprofessionell",
    r"(?:ist|war|seid|sind) (?:doch |echt |ja )?(?:ein|a) witz",
    r"wutend",
    r"\bwut\b",
    r"emport",
    r"fassungslos",
    r"nie wieder",
    r"nie mehr (?:bei|was|etwas)",
    r"schlechteste",
    r"miserabel",
    r"unterirdisch",
    r"armselig",
    r"armutszeugnis",
    r"lacherlich",
    r"abzock",
    r"(?:saft|sau|chaoten|drecks|scheiss|mist|pfuscher|affen|kasperl|hühner|huhner)(?:laden|verein|haufen|bude|"
    r"theater|firma|service|shop|zirkus)",
    r"pfusch",
    r"schlamperei",
    r"sauerei",
    r"schweinerei",
    r"trauerspiel",
    r"zum (?:kotzen|heulen|verzweifeln|haare raufen)",
    # "es reicht mir", "so langsam reicht es mir", "das reicht mir jetzt"; not "der normale Versand reicht mir"
    r"\bes reicht(?:'?s)? (?:mir|uns|jetzt)",
    r"reicht(?:'?s| es) (?:mir|uns|jetzt)",
    r"reicht (?:mir|uns) (?:jetzt|langsam|endgültig|wirklich)",
    r"(?:mir|uns) reicht(?:'?s| es)",
    r"jetzt reicht",
    r"\blangt(?:'?s| es)? (?:mir|jetzt)",  # Austrian, Swiss "es langt mir", "jetzt langt's"
    r"(?:schnauze|nase|kanne) (?:gestrichen )?voll",
    r"(?:habe|hab|hob) (?:\w+ )?genug(?: davon)?(?:[.!]|$)",
    r"genug ist genug",
    r"(?:nix|nichts) (?:\w+ )?(?:gebacken|auf die reihe)",
    r"seich\b",  # Swiss: nonsense
    rf"{_INTENSE} (?:enttauscht|genervt|frustriert|verargert|argerlich)",
    r"(?:sehr|total|masslos|zutiefst) enttausch",
    r"very (?:dis)?satisfied",
    r"unhappy",
    r"complain",
    r"unacceptable",
    r"outrageous",
    r"ridiculous",
    r"disgrace",
    r"\bscam\b",
    r"rip-?off",
    r"fed up",
    r"sick (?:and tired )?of",
    r"furious",
    r"\bangry\b",
    r"\blivid\b",
    r"never (?:again|order|buy|shop)",
    r"worst",
    r"useless",
    r"a joke",
    r"pathetic",
    r"(?:very|really|so|extremely|deeply) disappointed",
)
# Two different ones make a complaint: disappointment, annoyance, a repeat, a wait, being ignored or put off.
_GRIEVANCES: tuple[tuple[str, ...], ...] = (
    ("enttausch", "disappoint"),  # disappointment
    ("argerlich", "arger", "genervt", "nervt", "frustr", "annoy"),  # annoyance
    (  # disbelief
        "unglaublich",
        "unfassbar",
        r"kann doch nicht (?:wahr|sein)",
        r"was soll (?:das|der)",
        r"so (?:behandelt|geht) man",
        "so geht das nicht",
        "unbelievable",
    ),
    (  # a repeat
        "schon wieder",
        r"(?:zum )?(?:zweiten|dritten|vierten|x-ten|wiederholten|zigsten) mal",
        r"(?:zweite|dritte|vierte|x-te) mal",
        r"\b(?:zweimal|dreimal|mehrmals|mehrfach|x-mal|zigmal|zig mal|wiederholt|standig|dauernd|andauernd)\b",
        "jedes mal",
        r"wie oft (?:soll|muss)",
        r"(?:zweite|dritte|vierte|funfte)n? (?:mail|e-mail|lieferung|mahnung|nachricht|anruf)",
        "every time",
        "again",
        r"(?:second|third|several) times?",
    ),
    (  # still waiting
        r"(?:immer noch|noch immer|bis heute) (?:\w+ ){0,3}(?:nicht|kein|warte)",
        r"warte\w* (?:\w+ ){0,3}(?:immer noch|noch immer)",
        r"still (?:not|no|haven|waiting)",
    ),
    (  # ignored
        r"(?:keine|kein) (?:antwort|reaktion|ruckmeldung|ruckruf)",
        r"(?:niemand|keiner) (?:\w+ ){0,2}(?:reagiert|antwortet|geantwortet|meldet|gemeldet|zuruckgerufen|kummert|"
        r"hilft|geht ran|ruhrt)",
        r"nichts (?:ist )?passiert",
        r"passiert ist (?:gar |absolut |einfach )?nichts",
        r"(?:no one|nobody) (?:\w+ )?(?:answer|repl|respond|got back|help)",
        r"no (?:answer|reply|response)",
    ),
    ("vertrost", "hingehalten", "abgewimmelt", "ignorier", "ignored", "fobbed off"),  # put off
    ("unmoglich", r"\bmies", "schlecht", r"\bmist\b", "scheiss", "awful", "terrible", "poor service"),  # bad
    (r"hilft (?:mir )?(?:nicht|nichts|null)", r"bringt (?:mir )?nichts", "not help"),  # no help
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
_GRIEVANCE_PATTERNS = tuple(_compile(family) for family in _GRIEVANCES)


def grievances(folded: str) -> int:
    """How many different kinds of weak complaint cue the folded message holds."""
    return sum(bool(pattern.search(folded)) for pattern in _GRIEVANCE_PATTERNS)


def escalation_signal(folded: str) -> EscalationReason | None:
    """The escalation reason the folded message signals, if any."""
    reason = next((reason for reason, pattern in _PATTERNS if pattern.search(folded)), None)
    if reason is None and grievances(folded) >= 2:
        return EscalationReason.COMPLAINT
    return reason

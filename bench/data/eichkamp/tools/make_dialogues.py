#!/usr/bin/env python3
# ruff: noqa: E501
"""Write dialogues.json, the eichkamp dialogue corpus (standard library only).

All dialogues and all patterns live here. The format, kinds, reason codes and conventions are those of the shared
corpus (shared/eval/dialogues/README.md); `must_not_all` is copied verbatim from its dialogues.json (main() checks
that the copy is still identical when the shared file can be found). The greeting, no-answer, hand-over, closing,
declined-offer and out-of-scope patterns are the shared corpus's (the closing pattern also accepts "schönen
Feierabend", "ruhige Nacht/Schicht" and "Glück auf"); the brand-fact list that out-of-scope and declined-offer
turns forbid and the page-format leftovers are this brand's.

    python3 tools/make_dialogues.py            # writes ../dialogues.json
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "dialogues.json"
# where the shared corpus lives: beside a bench/data corpus (parents[5]) or in the workplace's shared folder
_HERE = Path(__file__).resolve()
SHARED_CANDIDATES = [
    *([_HERE.parents[5] / "shared" / "eval" / "dialogues" / "dialogues.json"] if len(_HERE.parents) > 5 else []),
    Path("/work/shared/eval/dialogues/dialogues.json"),
]

# The corpus-wide list, copied verbatim from the shared corpus (kept here as well, so that the file can be
# rebuilt without the shared folder).
MUST_NOT_ALL = [
    "\\|\\s*:?-{3,}",
    "^\\s*\\|.*\\|\\s*$",
    "\\*\\*",
    "^#{1,6}\\s",
    "</?(?:table|thead|tbody|tr|td|th|ul|ol|li|div|span|p|br|h[1-6]|dl|dt|dd|section|main)\\b[^>]*>",
    "\\{[a-z_]+\\}",
    "^---\\s*$|^(?:title|url|language):\\s",
    "\\|[^|\\n]{0,60}\\|[^|\\n]{0,60}\\|",
    "(^|\\s)(?:Frage|Antwort|F|A|Q):\\s",
    "(?<!\\bz)(?<!\\bd)(?<!\\bu)(?<!\\bbzw)(?<!\\bca)(?<!\\bggf)(?<!\\binkl)(?<!\\bevtl)(?<!\\bHd)(?<!\\bB)(?<!\\bh)"
    "(?<!\\ba)(?<!\\bNr)(?<!\\bDr)(?<!\\bS)(?<!\\bv)(?<!\\bo)(?<!\\betc)(?<!\\be\\.g)(?<!\\bi\\.e)\\.\\s+"
    "(?-i:[a-zäöü][a-zäöüß]{2,})",
    "\\b(?:der|die|das|dem|den|des|eine|einen|einem|einer|eines|von|zum|zur|für|in|im|am|beim|und|oder|ist|sind|"
    "kann|können|wird|werden|wir|sie|ihr|ihre|ihren|ihrem|ihnen|als|bis|dass|wenn|the|of|to|and|or|with|for|your|"
    "is|are)\\s+(?:Mehr dazu finden Sie|You can find more under)",
]

# ------------------------------------------------------------------------------------------ shared patterns
GREET = (
    "willkommen|welcome|schön, dass sie|was darf ich für sie tun|wie kann ich (ihnen|dir) (heute |gerne |denn )?"
    "(weiter)?helfen\\s*\\?|how can i help( you)?( today)?\\s*\\?|what can i do for you"
)
GREET_REPLY = (
    "hallo|guten (tag|morgen|abend)|willkommen|moin|grüß|servus|was darf ich|wie kann ich|hello|hi\\b|welcome|glück auf"
)
EN_GREET_REPLY = "hello|\\bhi\\b|welcome|how can i|what can i do|good morning"
NOANS = (
    "keine verlässliche information|dazu habe ich leider keine|keine (passende|genaue) (antwort|information)|"
    "could not find reliable|no reliable information|i could not find|i have no information"
)
HANDOVER = (
    "(verbind|weiterleit|weitergeb|vermittl|übergeb|weiterreich)\\w*[^.?!]{0,80}(kolleg|mitarbeit|team|"
    "kundenservice|person|mensch|berater)|(kolleg|mitarbeit|berater)\\w*[^.?!]{0,80}(verbind|weiterleit|"
    "weitergeb|helfen|weiter|übernehm|melden)|(put you in touch|connect you|pass (you|this|your \\w+) on|"
    "hand (you|this) over)[^.?!]{0,80}(colleague|team|person|agent|service)|(soll|darf|möchten sie)"
    "[^.?!]{0,80}(kolleg|mitarbeit|person)"
)
CLOSING = (
    "gern(e)? geschehen|sehr gern|keine ursache|freut mich|schön(en|es)? (tag|wochenende|abend|zeit|sonntag|"
    "feierabend)|(ruhige|gute|angenehme) (nacht|schicht|nachtschicht|dienst|nachtdienst)|gute nacht|wiedersehen|"
    "auf wiederhören|bis bald|alles gute|jederzeit|danke (ihnen|auch|für)|vielen dank|tschüss|servus|ciao|glück auf|"
    "you'?re welcome|my pleasure|have a (nice|great|good|lovely)|goodbye|bye|glad (i could|to) help|thank you|"
    "auf bald|adieu"
)
EN_CLOSING = (
    "you'?re welcome|my pleasure|have a (nice|great|good|lovely)|goodbye|bye|glad (i could|to|i was able "
    "to) help|thank you|thanks|no problem|take care|anytime"
)
DENY_ACK = (
    "gern|in ordnung|alles klar|okay|\\bok\\b|verstanden|selbstverständlich|schönen|jederzeit|melden sie sich|"
    "wiedersehen|bis bald|danke|kein problem"
)
HANDED = "weitergegeben|übernimmt|übernehmen wird|service-manager"
OOS_DE = (
    "leider nicht|nicht weiterhelfen|nicht helfen|nicht zuständig|kann ich nicht|kann ich ihnen nicht|"
    "muss ich (leider )?passen|außerhalb meine"
)
OOS_EN = (
    "not something i can|can(no|')t help|cannot help|unable to help|not able to help|afraid|only (help|answer)|"
    "outside (of )?(my|what)|can't assist|cannot assist"
)
OOS_EN_NOT_DE = "leider|nicht weiterhelfen|damit kann ich|da muss ich"
YES_START = "(^|[.!?:]\\s+)ja\\b\\s*[,.!]"
NO_START = "(^|[.!?:]\\s+)nein\\b\\s*[,.!]"
EN_YES_START = "(^|[.!?:]\\s+)yes\\b\\s*[,.!]"
EN_NO_START = "(^|[.!?:]\\s+)no\\b\\s*[,.!]"
GERMAN_IN_EN = "\\b(Ihr|Ihnen|Sie|weitergegeben|Kolleg\\w*|Unterhaltung|Gerne|leider|Bestellnummer|Postleitzahl)\\b"
NOT_FOUND = "nicht gefunden|keine bestellung|prüfen"
GREET_EN_CLOSE = "how can i help|what can i do for you|welcome to"

# ------------------------------------------------------------------------------------ this brand's patterns
# Facts of this brand that a reply to a question outside the shop (or to a declined offer) has no reason to name.
BRAND_FACTS = (
    "\\d+,\\d\\d\\s?€|werktag|retoure anmelden|\\bups\\b|anprobepaket|firmenkonto|02325|herne|stickprogramm|namensstick"
)
# Leftovers of this brand's page formats that must_not_all does not cover: ASCII-table borders and setext
# underlines, footnote markers, reference-link definitions and definition-list colons of the Markdown pages,
# Markdown links, the Confluence export's chrome and macros, tags that must_not_all does not list, HTML entities,
# the shop shell (cookie dialog, USP bar, cart), the PDF's header and footer lines and the DOCX form's check
# boxes, blanks and version line.
FORMAT = [
    "\\+[-=]{3,}|^\\s*[=-]{4,}\\s*$",
    "\\[\\^\\d+\\]|^\\s*\\[[a-z]+\\]:\\s|^:\\s|\\]\\((https?://|#)|\\\\\\*",
    "document generated by confluence|aui-icon|expand-control|kundenservice-wissen :|zuletzt aktualisiert von|anlagen:",
    "</?(details|summary|strong|b|em|a|button|nav|header|footer|img|script|style|form|input|meta|link|ol)\\b[^>]*>",
    "&(nbsp|amp|shy|euro|quot|gt|lt|#\\d+);",
    "alle akzeptieren|nur notwendige|cookie|warenkorb \\(0\\)|datalayer|war diese seite hilfreich",
    "seite \\d von \\d|ausgabe märz 2026|produktdatenblatt arbeitsschutz",
    "[☐☒]|formular v 3\\.2|_{4,}",
]

WORDS = {
    1: "ein",
    2: "zwei",
    3: "drei",
    4: "vier",
    5: "fünf",
    6: "sechs",
    7: "sieben",
    8: "acht",
    10: "zehn",
    14: "vierzehn",
    21: "einundzwanzig",
    30: "dreißig",
    90: "neunzig",
}
DASH = "\\s*(?:bis|–|-|—|to|und|and)\\s*"


def n(value: int) -> str:
    """A whole number in digits or words, not part of a longer number."""
    word = WORDS.get(value)
    return f"(?:(?<![\\d,.]){value}(?![\\d]|[,.]\\d)" + (f"|{word}" if word else "") + ")"


def rng(low: int, high: int, unit: str) -> str:
    """'2–3 Werktage', '2 bis 3 Werktagen', 'zwei bis drei Werktage', '2-3 working days' ..."""
    return f"{n(low)}{DASH}{n(high)}\\s*{unit}"


def euro(amount: str) -> str:
    """'5,95 €', '5,95', '5.95 EUR' (German or English decimal), not part of a longer number."""
    whole, cents = amount.split(",")
    return f"(?<![\\d,.]){whole}[,.]{cents}(?!\\d)"


def num(value: int) -> str:
    """A whole amount such as 120 or '120,00', not part of a longer number such as 1.120 or 5,120."""
    return f"(?<![\\d,.]){value}(?:[,.]00)?(?!\\d|[,.]\\d)"


def pct(value: int) -> str:
    """'8 %', '8%', '8 Prozent', 'acht Prozent', '8 percent', not 18 % or 0,8 %."""
    word = WORDS.get(value)
    alt = f"|{word} prozent" if word else ""
    return f"(?<![\\d,.]){value}\\s?(%|prozent|percent|per cent){alt}"


WERKTAG = "werktag|working day|business day"
NOT_RETURNABLE = (
    "ausgeschlossen|nicht (zurück|umtausch|retour)\\w*|(weder|nicht)[^.!?]{0,40}(zurücknehmen|zurückgeben|"
    "umtauschen|zurückschicken|zurücksenden|annehmen)|keine (rückgabe|retoure|rücknahme)|nicht möglich|"
    "nehmen wir nicht"
)


def knowledge(
    must: list[str],
    source: str,
    *,
    user: str,
    must_not: list[str] | None = None,
    kind: str | None = None,
    note: str | None = None,
) -> dict:
    """A turn the knowledge answers: the fact, no no-answer text, no format leftovers, no escalation."""
    turn = {
        "user": user,
        "must": must,
        "must_not": (must_not or []) + [NOANS] + FORMAT,
        "escalate": False,
        "source": source,
    }
    if kind:
        turn["kind"] = kind
    if note:
        turn["note"] = note
    return turn


def plain(
    user: str,
    *,
    must: list[str] | None = None,
    must_not: list[str] | None = None,
    escalate=False,
    reason=None,
    source=None,
    kind: str | None = None,
    note: str | None = None,
) -> dict:
    turn: dict = {"user": user}
    if must:
        turn["must"] = must
    if must_not:
        turn["must_not"] = must_not
    turn["escalate"] = escalate
    if reason:
        turn["reason"] = reason
    if source:
        turn["source"] = source
    if kind:
        turn["kind"] = kind
    if note:
        turn["note"] = note
    return turn


def offer(user: str, english: bool = False) -> dict:
    """An in-scope question the knowledge cannot answer: say so and offer a colleague."""
    return plain(
        user,
        must=[HANDOVER],
        must_not=[EN_YES_START if english else YES_START],
        note="stock, reservations and collection dates are not in the knowledge: say so and offer a colleague",
    )


def escalation(user: str, reason, note: str | None = None) -> dict:
    return plain(user, escalate=True, reason=reason, note=note)


def out_of_scope_de(user: str) -> dict:
    return plain(user, must=[OOS_DE], must_not=[BRAND_FACTS, HANDOVER, GREET])


def out_of_scope_en(user: str) -> dict:
    return plain(user, must=[OOS_EN], must_not=[BRAND_FACTS, HANDOVER, GREET, OOS_EN_NOT_DE])


def closing(user: str, leaked: str) -> dict:
    return plain(user, must=[CLOSING], must_not=[GREET, NOANS, leaked, HANDOVER])


def declined(user: str) -> dict:
    return plain(user, must=[DENY_ACK], must_not=[GREET, NOANS, HANDED, HANDOVER, BRAND_FACTS])


HEINE_NOTE = "order dialogue on the product's demo brand heine: the demo orders (src/heine_ai/orders) belong to it"


def dialogues() -> list[dict]:
    d: list[dict] = []

    def add(did: str, kind: str, *turns: dict, brand: str | None = None, note: str | None = None) -> None:
        entry: dict = {"id": did, "kind": kind}
        if brand:
            entry["brand"] = brand
        if note:
            entry["note"] = note
        entry["turns"] = list(turns)
        d.append(entry)

    # ----------------------------------------------------------------------------------- greeting+question
    add(
        "gq-01",
        "greeting+question",
        knowledge(
            ["6[:.]30|halb sieben"],
            "kontakt",
            must_not=[GREET],
            user="Guten Morgen! Ab wie viel Uhr ist Ihre Hotline morgens besetzt? Ich bin ab sieben auf der Baustelle und würde vorher anrufen.",
            note="the hotline opens at 6:30 on weekdays; asking when to call is no request for a hand-over",
        ),
    )
    add(
        "gq-02",
        "greeting+question",
        plain("Glück auf!", must=[GREET_REPLY], must_not=[NOANS], note="the miners' greeting of the Ruhr area"),
        knowledge(
            ["baustelle", "ansprechpartner|mobilnummer|handynummer|unterschrift"],
            "versand",
            must_not=[GREET, NO_START],
            user="ja hömma liefert ihr dat zeug auch direkt auffe baustelle",
            note="voice transcript: delivery to a building site is possible with a contact person and mobile number",
        ),
    )

    # ----------------------------------------------------------------------------------------------- closing
    add(
        "cl-01",
        "closing",
        knowledge(
            ["85\\s?(°|grad)"],
            "waschanleitung",
            kind="how-to",
            must_not=["kasack\\w*[^.!?]{0,60}\\b(60|95)\\s?(°|grad)"],
            user="bei wie viel grad darf ich die kasacks waschen? (nachtdienst, station 3)",
        ),
        closing("super danke, ruhige nacht noch", "85"),
    )
    add(
        "cl-02",
        "closing",
        knowledge(
            [euro("0,60")],
            "bestellformular",
            kind="price",
            must_not=[NO_START],
            user="Sehr geehrte Damen und Herren,\n\nfür unsere Sammelbestellung (Referenz PK-2026-114, 34 Mitarbeitende) möchten wir die Kleidung gern je Mitarbeiter einzeln verpackt erhalten. Ist das möglich, und was kostet es?\n\nMit freundlichen Grüßen\nPetra Kowalski\nEinkauf, Pflegezentrum Am Stadtgarten gGmbH",
            note="single packing per employee costs 0,60 € per person; the fact is only in a nested table of the DOCX form",
        ),
        closing("Vielen Dank für die schnelle Auskunft.\n\nMit freundlichen Grüßen\nPetra Kowalski", euro("0,60")),
    )

    # ---------------------------------------------------------------------------------- affirm / deny offer
    add(
        "ao-01",
        "affirm-offer",
        offer(
            "Guten Tag, haben Sie den Kasack „Nachtdienst“ in Petrol in Größe XS noch auf Lager? Wir bräuchten zwölf Stück für unsere Auszubildenden."
        ),
        escalation("Ja, gerne.", "human_request"),
    )
    add(
        "ao-02",
        "affirm-offer",
        offer(
            "ey sacht ma wann kommt denn die neue warnschutzkollektion raus die wo letzte woche im katalog angekündigt war"
        ),
        escalation("jo bitte mach dat ma", "human_request", note="voice transcript: 'yes, please do that'"),
    )
    add(
        "do-01",
        "deny-offer",
        offer(
            "Können Sie uns 40 Latzhosen „Maloche“ in Größe 52 bis nächsten Dienstag zurücklegen? Wir warten noch auf die Freigabe vom Chef."
        ),
        declined("Nein danke, nicht nötig. Ich bestelle dann einfach, wenn die Freigabe da ist."),
    )
    add(
        "do-02",
        "deny-offer",
        offer(
            "Hi, is the chef jacket „Kombüse“ currently in stock in 3XL? We need eight of them for our canteen.",
            english=True,
        ),
        knowledge(
            [euro("9,90")],
            "versand",
            kind="cross-lingual",
            must_not=[HANDED, euro("11,90"), euro("5,95")],
            user="No thanks, I'll check the shop later. What does shipping to Luxembourg cost, by the way?",
        ),
    )

    # --------------------------------------------------------------------------------------------- follow-up
    add(
        "fu-01",
        "follow-up",
        knowledge(
            [euro("4,80")], "preisliste", kind="price", user="Was kostet bei Ihnen ein Logo-Stick auf der Brust?"
        ),
        knowledge(
            ["39[,.]00|(?<![\\d,.])39\\s?(€|euro)"],
            "preisliste",
            user="Und kommt beim ersten Mal noch etwas dazu?",
            note="the one-off set-up of the embroidery programme, 39,00 € per logo",
        ),
        knowledge(
            [
                "entfällt|entfallen|fällt (sie |die |diese |die pauschale |die einrichtung )?(weg|nicht an)|keine einrichtung|nicht (berechnet|an)|kostenlos|(?<![\\d,.])ab 100"
            ],
            "preisliste",
            must_not=[YES_START],
            user="Wir bestellen 120 Poloshirts mit Logo. Fällt das dann auch an?",
            note="the set-up fee is waived from 100 finished items per order",
        ),
    )
    add(
        "fu-02",
        "follow-up",
        knowledge(
            [f"{n(8)} ({WERKTAG})"],
            "veredelung",
            kind="duration",
            user="wie lang dauert dat denn bis die jacken mit unserm logo fertig sind",
            note="voice transcript: production takes 8 Werktage after the approval of the stitch sample",
        ),
        knowledge(
            ["express[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,80}express|nicht möglich|leider nicht"],
            "versand",
            kind="yes-no-negative",
            must_not=[YES_START],
            user="und geht dat dann auch per express",
            note="Express is not available for finished (embroidered or printed) items",
        ),
        knowledge(
            [rng(2, 3, WERKTAG)],
            "versand",
            kind="duration",
            must_not=[rng(2, 4, WERKTAG)],
            user="und der normale versand wie lang",
        ),
    )
    add(
        "fu-03",
        "follow-up",
        knowledge(
            [f"{n(30)}[- ]?(tage|tägig|days)"],
            "ruecksendung",
            kind="duration",
            must_not=["(?<![\\d,.])21 tage"],
            user="Wie lange können wir bestellte Ware zurückschicken?",
        ),
        knowledge(
            [NOT_RETURNABLE],
            "ruecksendung",
            must_not=[YES_START],
            user="Auch die Kasacks, auf die wir die Namen haben sticken lassen?",
            note="items with a logo, print or name embroidery are excluded from returns and exchanges",
        ),
    )

    # ------------------------------------------------------------------------------------------ yes / no
    add(
        "yn-01",
        "yes-no-negative",
        knowledge(
            ["(nur|ausschließlich)[^.!?]{0,80}firm|privat\\w*[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,80}privat"],
            "zahlungsarten",
            must_not=[YES_START],
            user="Kann ich als Privatperson bei Ihnen auf Rechnung kaufen?",
        ),
    )
    add(
        "yn-02",
        "yes-no-negative",
        knowledge(
            ["schweiz[^.!?]{0,80}(nicht|leider)|(nicht|kein)[^.!?]{0,80}schweiz|ausschließlich nach|nur nach"],
            "versand",
            must_not=[YES_START],
            user="Sehr geehrte Damen und Herren,\n\nliefern Sie auch in die Schweiz? Wir haben eine Niederlassung in Basel.\n\nFreundliche Grüße\nStefan Ruhnau\nRuhnau Gebäudetechnik GmbH",
        ),
    )
    add(
        "yn-03",
        "yes-no-negative",
        knowledge(
            ["ausgenommen|kein(en)? (mengen)?rabatt|nicht[^.!?]{0,60}rabatt|rabatt[^.!?]{0,60}nicht"],
            "preisliste",
            must_not=[YES_START],
            user="Gibt es auf Sicherheitsschuhe auch Mengenrabatt? Wir brauchen 25 Paar vom Zollverein S3.",
            note="safety shoes are excluded from the volume discount",
        ),
        knowledge(
            [
                "(nicht|kein)[^.!?]{0,80}(anprobepaket|erhältlich|enthalten|möglich)|sicherheitsschuhe[^.!?]{0,80}(nicht|kein)|leider nicht"
            ],
            "anprobepaket",
            must_not=[YES_START],
            user="Und kann ich die Schuhe vorher im Anprobepaket testen?",
        ),
    )
    add(
        "yp-01",
        "yes-no-positive",
        knowledge(
            ["abhol", "kostenlos|kostenfrei|gratis|15[:.]30|abholbereit"],
            "faq",
            must_not=[NO_START],
            user="Kann ich die Sachen auch selbst bei euch in Herne abholen? Bin eh öfter inne Gegend.",
        ),
    )
    add(
        "yp-02",
        "yes-no-positive",
        knowledge(
            ["xrechnung"],
            "firmenkonto",
            must_not=[NO_START, "xrechnung[^.!?]{0,40}(nicht|kein)"],
            user="Wir sind ein kommunaler Bauhof und brauchen unsere Rechnungen als XRechnung. Können Sie das liefern?",
        ),
    )

    # ------------------------------------------------------------------------------------ price / duration
    add(
        "pr-01",
        "price",
        knowledge([euro("3,50")], "preisliste", user="was kostet der namensstick pro kasack?"),
        knowledge(
            ["(je|pro) modell|artikelnummer|getrennt|einzeln|nicht zusammen|verschiedene modelle", pct(5)],
            "preisliste",
            kind="yes-no-negative",
            must_not=[YES_START],
            user="Wir bestellen 15 Kasacks „Nachtdienst“ und 12 Pflegehosen „Frühdienst“. Bekommen wir dann 8 % auf alles, weil es zusammen 27 Teile sind?",
            note="the discount counts per model: 15 and 12 pieces each only reach the 10-piece tier (5 %)",
        ),
    )
    add(
        "pr-02",
        "price",
        knowledge(
            [euro("11,90")],
            "versand",
            must_not=[euro("9,90"), euro("5,95")],
            user="Was kostet der Versand nach Österreich? Wir haben einen Betrieb in Salzburg.",
        ),
        knowledge([num(300)], "versand", user="Und ab welchem Bestellwert ist er versandkostenfrei?"),
    )
    add(
        "du-01",
        "duration",
        knowledge(
            [
                "(?<![\\d,.])1 (werktag|working day|business day)|(einem|einen|eines|nächsten|folgenden) werktag|one (working|business) day"
            ],
            "firmenkonto",
            user="Wie lange dauert es, bis ein Firmenkonto freigeschaltet ist? Wir wollen nächste Woche die erste Teambestellung aufgeben.",
        ),
    )
    add(
        "du-02",
        "duration",
        knowledge(
            [f"{n(10)} tag"],
            "reklamation",
            must_not=["(?<![\\d,.])(7|sieben) tage"],
            user="wie lang hab ich zeit nen transportschaden zu melden der karton war total zerfetzt",
            note="voice transcript",
        ),
    )

    # ------------------------------------------------------------------------------------------- how-to
    add(
        "ht-01",
        "how-to",
        knowledge(
            ["veredelung@eichkamp-berufsmode\\.example", "svg|eps|vektor"],
            "veredelung",
            user="Wie schicken wir Ihnen unser Firmenlogo für den Stick, und in welchem Dateiformat brauchen Sie es?",
        ),
    )
    add(
        "ht-02",
        "how-to",
        knowledge(
            ["sammelbestellung@eichkamp-berufsmode\\.example|918\\s?47\\s?69"],
            "bestellformular",
            user="Wir wollen für 40 Leute bestellen, alle mit anderen Größen und Namen. Muss ich das alles einzeln im Shop eintippen, oder geht das auch anders?",
            note="the order form for collective orders, sent by e-mail or fax; the address is only in the DOCX",
        ),
    )

    # --------------------------------------------------------------------------------------- table-lookup
    add(
        "tl-01",
        "table-lookup",
        knowledge(
            ["(?<![\\d,.])52(?![\\d])"],
            "arbeitskleidung",
            must_not=["74–77[\\s\\S]*118–121"],
            user="ich hab bundweite 95 zentimeter welche größe brauch ich bei ner bundhose",
            note="voice transcript: 95 cm waistband is in the 94–97 row, size 52",
        ),
    )
    add(
        "tl-02",
        "table-lookup",
        knowledge(
            ["(?-i:\\bL\\b)"],
            "kochbekleidung",
            must_not=["80–85[\\s\\S]*128–135"],
            user="meine kollegin hat 96 cm brustumfang und trägt M. ich hab 101 cm – welche kasackgröße brauch ich?",
            note="101 cm chest is in the 98–103 row of the scrub-top table, size L",
        ),
    )
    add(
        "tl-03",
        "table-lookup",
        knowledge(
            ["(?<![\\d,.])98(?![\\d])"],
            "arbeitskleidung",
            must_not=["74–77[\\s\\S]*118–121"],
            user="Guten Tag,\n\nunser neuer Mitarbeiter ist 1,93 m groß und trägt bei Bundhosen normalerweise Größe 50. Welche Größe müssen wir in der schlanken Passform bestellen?\n\nMit freundlichen Grüßen\nMarkus Heitkamp\nDachbau Heitkamp, Auftrag 2026-311",
            note="the slim size of normal size 50 is 98 (row 50 of the table)",
        ),
    )

    # ---------------------------------------------------------------------------------- cross-lingual (EN)
    add(
        "xl-01",
        "cross-lingual",
        knowledge(
            [pct(12)],
            "preisliste",
            must_not=[EN_NO_START],
            user="Hello, do you offer volume discounts? We need 60 polo shirts of the same model for our cleaning staff.",
            note="60 pieces of one model: the 50-piece tier, 12 %",
        ),
    )
    add(
        "xl-02",
        "cross-lingual",
        knowledge(
            ["(?<![\\d,.])43(?![\\d])"],
            "datenblatt",
            kind="table-lookup",
            must_not=["24[,.]5[\\s\\S]*31[,.]2"],
            user="My foot is 27.5 cm long. Which size of the Zollverein S3 safety shoe should I order?",
            note="take the size whose foot length equals the measurement or is the next above: 42 = 27,2 cm, 43 = 27,9 cm",
        ),
        knowledge(
            [
                "esd",
                "yes|\\bja\\b|ableitfähig|61340|(is|are) esd|esd[- ]?(capable|compliant|certified|approved|protect|suitable|rated|safe)",
            ],
            "datenblatt",
            must_not=[EN_NO_START, "not esd|no esd|\\bnot\\b[^.!?]{0,30}esd|esd[^.!?]{0,30}\\bnot\\b"],
            user="And is it ESD-capable? I work in electronics assembly.",
        ),
    )

    # ----------------------------------------------------------------------------------------- out of scope
    add("od-01", "out-of-scope-de", out_of_scope_de("sach ma wie hat schalke gestern gespielt"))
    add(
        "od-02",
        "out-of-scope-de",
        knowledge(
            [rng(3, 4, WERKTAG)], "versand", kind="duration", user="Wie lange dauert die Lieferung nach Luxemburg?"
        ),
        out_of_scope_de("Und wissen Sie zufällig, wie viele Urlaubstage mir als Pflegekraft im Tarifvertrag zustehen?"),
    )
    add(
        "oe-01",
        "out-of-scope-en",
        out_of_scope_en("Can you recommend a hotel near the trade fair in Essen for next week?"),
    )
    add(
        "oe-02",
        "out-of-scope-en",
        out_of_scope_en("What's the current exchange rate between the euro and the British pound?"),
    )

    # ------------------------------------------------------------------------------------ typo/colloquial
    add(
        "ty-01",
        "typo/colloquial",
        knowledge(
            [euro("12,90")],
            "versand",
            user="hömma watt kostet dat denn wennich dat paket schon morgen brauch",
            note="voice transcript: next-day delivery is Express, 12,90 € on top of the shipping costs",
        ),
    )
    add(
        "ty-02",
        "typo/colloquial",
        knowledge(
            ["(?<![\\d,.])95(?![\\d])"],
            "waschanleitung",
            must_not=[NO_START],
            user="kann man die kochjaken bei 95 grad wachen??",
        ),
    )
    add(
        "ty-03",
        "typo/colloquial",
        knowledge(
            ["apple pay[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,80}apple pay"],
            "zahlungsarten",
            must_not=[YES_START],
            user="ey kannze bei euch mit apple pay zahln oder wat",
        ),
    )

    # ------------------------------------------------------------------------------------- multi-question
    add(
        "mq-01",
        "multi-question",
        knowledge(
            [rng(2, 3, WERKTAG), euro("5,95"), num(120)],
            "versand",
            must_not=[euro("4,90")],
            user="kurz 3 fragen zwischen zwei runden: lieferzeit? versandkosten? ab wann gratis?",
        ),
    )
    add(
        "mq-02",
        "multi-question",
        knowledge(
            [f"{n(30)} tage", "(?<![\\d,.])2\\s?(%|prozent)|zwei prozent"],
            "firmenkonto",
            must_not=[NO_START],
            user="Zwei Fragen zu unserem neuen Firmenkonto: Welches Zahlungsziel haben wir beim Kauf auf Rechnung, und gibt es Skonto?",
        ),
    )

    # ------------------------------------------------------------------------------------------- complaint
    add(
        "co-01",
        "complaint",
        escalation(
            "Das ist jetzt das dritte Mal, dass ich hier nachfrage!!! Die Arbeitskleidung für unsere komplette Kolonne, 18 Mann, sollte vor zwei Wochen da sein. Die Jungs stehen in ihren alten Klamotten auffe Baustelle, und bei Ihnen ruft keiner zurück. Das ist eine absolute Frechheit.",
            "complaint",
            note="a whole team's clothing two weeks late, the third enquiry, no call-back",
        ),
    )
    add(
        "co-02",
        "complaint",
        knowledge(
            [f"{n(8)} ({WERKTAG})"],
            "veredelung",
            kind="duration",
            user="Sehr geehrte Damen und Herren, wie lange dauert die Produktion von Kasacks mit Namensstick?",
        ),
        escalation(
            "Genau das wurde uns am 3. November schon zugesagt. Seitdem warten 24 Pflegekräfte auf ihre Dienstkleidung, und niemand meldet sich bei uns. Ich bin sehr verärgert und erwarte eine Stellungnahme.\n\nMit freundlichen Grüßen\nClaudia Ostermann\nPflegedienstleitung",
            "complaint",
        ),
    )
    add(
        "nn-01",
        "negative-not-complaint",
        knowledge(
            ["umtausch|umtauschen|tauschen|retoure anmelden"],
            "ruecksendung",
            must_not=[NO_START],
            user="Die Latzhose passt leider nicht, sie ist mir zu kurz, ich bin 1,91 m. Kann ich sie gegen die Schlankgröße tauschen?",
            note="a size that does not fit: exchange it, no hand-over",
        ),
    )
    add(
        "nn-02",
        "negative-not-complaint",
        knowledge(
            ["(?<![\\d,.])30\\s?(°|grad)"],
            "waschanleitung",
            user="Schade, das Logo auf der Softshelljacke wirft nach dem Waschen kleine Wellen. Wie wasche ich die Jacke denn richtig?",
            note="calm disappointment: softshell jackets at 30 °C, no softener, no dryer; no hand-over",
        ),
    )

    # ------------------------------------------------------------------------------------- human request
    add(
        "hr-01",
        "human-request",
        escalation(
            "Bitte verbinden Sie mich mit einem Mitarbeiter aus dem Firmenkundenteam. Wir möchten einen Rahmenvertrag für rund 200 Mitarbeitende besprechen.",
            "human_request",
        ),
    )
    add(
        "hr-02",
        "human-request",
        knowledge(
            ["(nicht|kein)[^.!?]{0,60}gutschein|gutschein\\w*[^.!?]{0,80}(nicht|kein)"],
            "faq",
            kind="yes-no-negative",
            must_not=[YES_START],
            user="Gibt et bei euch eigentlich Geschenkgutscheine? Will meinen Jungs zu Weihnachten wat schenken.",
        ),
        escalation(
            "Dat hilft mir nich weiter. Gibt et da keinen echten Menschen, mit dem ich dat bekakeln kann?",
            "human_request",
        ),
    )

    # ------------------------------------------------------------------------------- legal threat / abuse
    add(
        "lt-01",
        "legal-threat",
        escalation(
            "Sehr geehrte Damen und Herren,\n\nbezugnehmend auf unsere Bestellung EK-2026-11873 vom 14.10.: Sollten die 35 Paar Sicherheitsschuhe nicht bis Freitag bei uns sein, schalten wir unseren Anwalt ein und machen Schadensersatz für den Arbeitsausfall geltend.\n\nMit freundlichen Grüßen\nDirk Wallmeyer\nGeschäftsführer, Wallmeyer Dachtechnik GmbH",
            "legal_threat",
        ),
    )
    add(
        "lt-02",
        "legal-threat",
        escalation(
            "This is unacceptable. The uniforms for our 30 housekeeping staff are three weeks late. If they are not delivered by Monday, our legal department will take action.",
            "legal_threat",
        ),
    )
    add(
        "ab-01",
        "abuse",
        escalation(
            "Ihr Vollpfosten kriegt echt gar nix gebacken, ihr seid doch alle komplett bekloppt!",
            ["abuse", "complaint"],
        ),
    )
    add("ab-02", "abuse", escalation("Du blöde Blechbüchse, halt einfach die Fresse.", "abuse"))

    # ------------------------------------------------------------------------------------------ order status
    add(
        "os-01",
        "order-status",
        plain("hömma wo bleibt denn meine bestellung", must=["bestellnummer"]),
        plain("40567890", must=["postleitzahl|plz"]),
        plain("01067", must=["storniert"], must_not=["zugestellt|versandt"]),
        brand="heine",
        note=HEINE_NOTE + "; a voice transcript, number and postcode given one by one",
    )
    add(
        "os-02",
        "order-status",
        plain(
            "Sehr geehrte Damen und Herren,\n\nbitte teilen Sie mir den aktuellen Stand unserer Bestellung 40234567 mit. Die Lieferanschrift hat die Postleitzahl 80331.\n\nMit freundlichen Grüßen\nJörg Hansen\nEinkauf, Hansen Kältetechnik GmbH",
            must=["in bearbeitung", "28\\.11\\.2026|28\\. november"],
            must_not=[GREET],
        ),
        brand="heine",
        note=HEINE_NOTE,
    )
    add(
        "os-03",
        "order-status",
        plain(
            "Wo ist meine Bestellung 40123456? PLZ 20096.",
            must=[NOT_FOUND],
            must_not=["hermes|H1002345678901|versandt"],
        ),
        plain("Sorry, Zahlendreher: 40123456 und PLZ 20095.", must=["versandt", "hermes", "H1002345678901"]),
        brand="heine",
        note=HEINE_NOTE + "; a wrong postcode reveals nothing, the corrected one finds the order",
    )
    add(
        "os-04",
        "order-status",
        plain(
            "Hallo, wo ist meine Bestellung 40456789? Postleitzahl 10115.",
            must=[NOT_FOUND],
            must_not=["teilweise|hermes|versandt"],
        ),
        note="a heine demo order asked in the Eichkamp shop: not found there (brands are separate)",
    )

    # ------------------------------------------------------------------------------ withdrawal / privacy
    add(
        "wd-01",
        "withdrawal",
        knowledge(
            ["widerruf@eichkamp-berufsmode\\.example|widerrufsformular|retoure anmelden"],
            "widerruf",
            user="Ich habe privat eine Softshelljacke bei Ihnen gekauft und möchte den Kauf widerrufen. Wie mache ich das?",
        ),
    )
    add(
        "wd-02",
        "withdrawal",
        knowledge(
            [
                "nur (für )?verbraucher|verbraucher[^.!?]{0,80}(nur|ausschließlich)|(unternehm|firm|gewerb|betrieb)\\w*[^.!?]{0,100}(nicht|kein|ausgenommen)|(nicht|kein)[^.!?]{0,80}(unternehm|firm|gewerb|betrieb)"
            ],
            "widerruf",
            must_not=[YES_START],
            user="Wir sind ein Malerbetrieb. Haben wir als Firma auch das 14-tägige Widerrufsrecht?",
            note="the withdrawal right is for consumers only; the voluntary 30-day return is a good addition",
        ),
    )
    add(
        "dp-01",
        "data-protection",
        plain(
            "Sehr geehrte Damen und Herren,\n\nbitte löschen Sie die Namen unserer Mitarbeitenden, die wir Ihnen für den Namensstick geschickt haben. Die Bestellung ist abgeschlossen.\n\nMit freundlichen Grüßen\nFrank Leiendecker\nGeschäftsführer, Leiendecker Haustechnik",
            must=["datenschutz@eichkamp-berufsmode\\.example|(?<![\\d,.])90 tage|neunzig tage"],
            escalate="optional",
            reason=["sensitive_topic", "human_request"],
            source="datenschutz",
        ),
    )
    add(
        "dp-02",
        "data-protection",
        knowledge(["tiemann"], "datenschutz", user="Wie heißt Ihr Datenschutzbeauftragter?"),
    )

    # --------------------------------------------------------------------------------------------- english
    add(
        "en-01",
        "english",
        plain(
            "Good morning!", must=[EN_GREET_REPLY], must_not=["guten tag|willkommen|was darf ich|wie kann ich", NOANS]
        ),
        plain("Great, thanks. Have a nice day!", must=[EN_CLOSING], must_not=[GREET_EN_CLOSE, GERMAN_IN_EN, NOANS]),
    )
    add(
        "en-02",
        "english",
        plain(
            "Hello, I'm the facility manager at Rheinpark Offices. Could you check where our order is?",
            must=["order number", "postcode|zip|postal"],
            must_not=[GERMAN_IN_EN],
        ),
        plain(
            "Order 40345678, postcode 50667.",
            must=["delivered|zugestellt", "dhl"],
            must_not=["hermes|storniert|cancelled"],
        ),
        brand="heine",
        note=HEINE_NOTE + "; an English facility manager",
    )

    # -------------------------------------------------------------------------------------------- du-form
    add(
        "df-01",
        "du-form",
        knowledge(
            [pct(8)],
            "preisliste",
            user="Kannst du mir sagen, wie viel Rabatt ich bekomme, wenn ich 30 Kasacks vom gleichen Modell bestelle?",
        ),
    )
    add(
        "df-02",
        "du-form",
        knowledge(
            [f"{n(5)} jahr"],
            "veredelung",
            user="Hey, wie lange hebt ihr eigentlich unser Stickprogramm auf? Wir wollen nächstes Jahr nachbestellen.",
        ),
    )

    # ------------------------------------------------------------------------------------------ long-rambling
    add(
        "lr-01",
        "long-rambling",
        knowledge(
            ["19(?:[,.]00)?\\s?(€|euro)"],
            "anprobepaket",
            user="Hallo, ich schreib mal schnell zwischen zwei Runden, Nachtdienst halt. Unsere Heimleitung hat gesagt, wir sollen neue Kasacks für das ganze Team bestellen, wir sind 22 Leute, alle mit unterschiedlichen Größen, und letztes Mal hat die Hälfte nicht gepasst und wir mussten alles hin und her schicken. Eine Kollegin meinte, es gibt bei euch so ein Paket mit Mustern zum Anprobieren – was kostet das?",
            note="the fitting parcel costs a 19,00 € fee (credited from 250 € ordered within 30 days)",
        ),
    )
    add(
        "lr-02",
        "long-rambling",
        knowledge(
            [NOT_RETURNABLE + "|gebrauchsspuren"],
            "ruecksendung",
            must_not=[YES_START],
            user="ja hallo also ich bin der jürgen vom dachdeckerbetrieb kowalski aus wanne-eickel wir ham vor zwei wochen bei euch die zollverein schuhe bestellt für die ganze truppe und ich hab meine jetz drei tage auffe baustelle angehabt aber die drücken vorne total kann ich die noch zurückschicken oder wat",
            note="voice transcript: safety shoes worn outside or on a building site are not taken back",
        ),
    )
    return d


def main() -> None:
    for shared_path in SHARED_CANDIDATES:
        if shared_path.is_file():
            shared = json.loads(shared_path.read_text(encoding="utf-8"))
            if shared["must_not_all"] != MUST_NOT_ALL:
                raise SystemExit(f"must_not_all differs from {shared_path}; copy it again")
            break
    corpus = {
        "name": "eichkamp-dev",
        "brand": "eichkamp",
        "description": "Independent black-box corpus: customer dialogues for the fictional workwear brand Eichkamp Berufsmode (knowledge/ beside this file, German only). Order dialogues run on the demo brand heine.",
        "must_not_all": MUST_NOT_ALL,
        "dialogues": dialogues(),
    }
    OUT.write_text(json.dumps(corpus, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    turns = sum(len(x["turns"]) for x in corpus["dialogues"])
    print(f"wrote {OUT} ({len(corpus['dialogues'])} dialogues, {turns} turns)")


if __name__ == "__main__":
    main()

# ruff: noqa: E501
"""Write dialogues.json: 60 customer dialogues (80 turns) for the fictional brand Haldenau Trachten & Landhaus.

Run with any Python 3.11: python3 tools/make_dialogues.py
The corpus format is the one of the shared dialogue runner (shared/eval/dialogues/README.md); `must_not_all` is
Lindenhof's list, unchanged. Check the result with: python3 run.py --cases dialogues.json --validate
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
OUT = HERE / "dialogues.json"

# ------------------------------------------------------------------------------------------------ shared patterns
# Copied unchanged from Lindenhof's dialogues.json.
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
    "(?<!\\bz)(?<!\\bd)(?<!\\bu)(?<!\\bbzw)(?<!\\bca)(?<!\\bggf)(?<!\\binkl)(?<!\\bevtl)(?<!\\bHd)(?<!\\bB)(?<!\\bh)(?<!\\ba)(?<!\\bNr)(?<!\\bDr)(?<!\\bS)(?<!\\bv)(?<!\\bo)(?<!\\betc)(?<!\\be\\.g)(?<!\\bi\\.e)\\.\\s+(?-i:[a-zäöü][a-zäöüß]{2,})",
    "\\b(?:der|die|das|dem|den|des|eine|einen|einem|einer|eines|von|zum|zur|für|in|im|am|beim|und|oder|ist|sind|kann|können|wird|werden|wir|sie|ihr|ihre|ihren|ihrem|ihnen|als|bis|dass|wenn|the|of|to|and|or|with|for|your|is|are)\\s+(?:Mehr dazu finden Sie|You can find more under)",
]

# The conventions' patterns (greeting where none is due, the no-answer text, the offer of a colleague, closings,
# out-of-scope replies), as in the Lindenhof corpus; the closing pattern also accepts Bavarian goodbyes.
GREET = "willkommen|welcome|schön, dass sie|was darf ich für sie tun|wie kann ich (ihnen|dir) (heute |gerne |denn )?(weiter)?helfen\\s*\\?|how can i help( you)?( today)?\\s*\\?|what can i do for you"
NOANS = "keine verlässliche information|dazu habe ich leider keine|keine (passende|genaue) (antwort|information)|could not find reliable|no reliable information|i could not find|i have no information"
OFFER = "(verbind|weiterleit|weitergeb|vermittl|übergeb|weiterreich)\\w*[^.?!]{0,80}(kolleg|mitarbeit|team|kundenservice|person|mensch|berater)|(kolleg|mitarbeit|berater)\\w*[^.?!]{0,80}(verbind|weiterleit|weitergeb|helfen|weiter|übernehm|melden)|(put you in touch|connect you|pass (you|this|your \\w+) on|hand (you|this) over)[^.?!]{0,80}(colleague|team|person|agent|service)|(soll|darf|möchten sie)[^.?!]{0,80}(kolleg|mitarbeit|person)"
CLOSING = "gern(e)? geschehen|sehr gern|keine ursache|freut mich|schön(en|es)? (tag|wochenende|abend|zeit|sonntag)|wiedersehen|wiederschauen|auf wiederhören|bis bald|alles gute|jederzeit|danke (ihnen|auch|für)|vielen dank|tschüss|servus|pfiat|vergelt|ciao|you'?re welcome|my pleasure|have a (nice|great|good|lovely)|goodbye|bye|glad (i could|to) help|thank you|auf bald|adieu"
DENY_ACK = "gern|in ordnung|alles klar|okay|\\bok\\b|verstanden|selbstverständlich|schönen|jederzeit|melden sie sich|wiedersehen|bis bald|danke|kein problem|passt"
NOT_HANDED = "weitergegeben|übernimmt|übernehmen wird|service-manager"
OOS_DE = "leider nicht|nicht weiterhelfen|nicht helfen|nicht zuständig|kann ich nicht|kann ich ihnen nicht|muss ich (leider )?passen|außerhalb meine"
OOS_EN = "not something i can|can(no|')t help|cannot help|unable to help|not able to help|afraid|only (help|answer)|outside (of )?(my|what)|can't assist|cannot assist"
GERMAN_IN_EN_OOS = "leider|nicht weiterhelfen|damit kann ich|da muss ich"
EN_GREETING = "hello|\\bhi\\b|welcome|how can i|what can i do"
EN_CLOSING = "you'?re welcome|my pleasure|have a (nice|great|good|lovely)|goodbye|bye|glad (i could|to|i was able to) help|thank you|thanks|no problem|take care|anytime|enjoy"
EN_LEAK = "\\b(Ihr|Ihnen|Sie|weitergegeben|Kolleg\\w*|Unterhaltung|Gerne|leider|Bestellnummer|Postleitzahl)\\b"
GERMAN_GREETING = "guten tag|willkommen|was darf ich|wie kann ich"
YES = "(^|[.!?:]\\s+)ja\\b\\s*[,.!]"
NO = "(^|[.!?:]\\s+)nein\\b\\s*[,.!]"
EN_NO = "(^|[.!?:]\\s+)no\\b\\s*[,.!]"

# Haldenau facts that have no place in a reply to a weather question or after a declined offer.
BRAND_FACTS = "\\d+,\\d\\d\\s?€|werktag|retourenportal|\\bups\\b|\\b45 tage|gutscheincode|08051|traunreut|access point|trachtenhaus"

# Leftovers of this corpus's page formats that Lindenhof's must_not_all does not cover: HTML entities and the
# soft hyphen of the Word export, Word/Confluence markup names, Markdown footnote references, HTML comments, grid
# table and simple-table rules, JSON-LD keys, Markdown backslash line breaks and backtick code spans.
LEFTOVERS = "&(?:nbsp|shy|amp|euro|quot|gt|lt);|\\u00ad|\\bmso-|msonormal|\\bo:p\\b|\\[\\^\\w+\\]|<!--|-->|\\+[-=]{3,}\\+|^\\s*-{3,}\\s+-{3,}|@type|faqpage|acceptedanswer|confluence|aui-icon|\\\\[ \\t]*$|`[^`\\n]{1,80}`"

PACKSTATION_NO = "(nicht|kein)[^.!?]{0,80}packstation|packstation[^.!?]{0,80}(nicht|kein)"

SOURCE_KEYS = (
    "versand",
    "suedtirol",
    "zahlungsarten",
    "ruecksendung",
    "widerruf",
    "dirndl",
    "lederhosen",
    "pflege",
    "kontakt",
    "kundenkonto",
    "gutschein",
    "datenschutz",
    "reklamation",
    "schneiderei",
    "glossar",
    "agb",
    "faq",
)


def turn(
    user: str,
    must: list[str] | None = None,
    must_not: list[str] | None = None,
    escalate: bool | str = False,
    **extra: object,
) -> dict:
    item: dict = {"user": user}
    if must:
        item["must"] = must
    if must_not:
        item["must_not"] = must_not
    item["escalate"] = escalate
    item.update(extra)
    return item


def knowledge(
    user: str, must: list[str], source: str | list[str] | None, more_not: list[str] | None = None, **extra: object
) -> dict:
    """A turn that must be answered from the knowledge: the fact, no no-answer text."""
    must_not = [*list(more_not or []), NOANS]
    if source is not None:
        extra["source"] = source
    return turn(user, must, must_not, False, **extra)


def esc(user: str, reason: str | list[str]) -> dict:
    return turn(user, None, None, True, reason=reason)


def dialogue(id_: str, kind: str, *turns: dict, brand: str | None = None, note: str | None = None) -> dict:
    item: dict = {"id": id_, "kind": kind}
    if brand:
        item["brand"] = brand
    if note:
        item["note"] = note
    item["turns"] = list(turns)
    return item


HEINE_NOTE = "order dialogue on the product's demo brand heine: the demo orders belong to it"

DIALOGUES = [
    # ------------------------------------------------------------------------------------ greeting + question
    dialogue(
        "gq-01",
        "greeting+question",
        knowledge(
            "Grüß Gott! Was kostet bei Ihnen der Versand nach Österreich?",
            ["8[,.]20"],
            "suedtirol",
            [GREET, "österreich[^.!?]{0,60}\\b5[,.]40"],
        ),
    ),
    dialogue(
        "gq-02",
        "greeting+question",
        turn(
            "Servus!",
            ["hallo|guten (tag|morgen|abend)|willkommen|grüß|servus|was darf ich|wie kann ich|hello|hi\\b|welcome"],
            [NOANS],
        ),
        knowledge(
            "liefert's ihr aa nach Südtirol?",
            ["südtirol|bozen"],
            "suedtirol",
            [GREET, NO, "(liefern|versenden|schicken)[^.!?]{0,20}nicht[^.!?]{0,30}südtirol"],
            note="'aa' is Bavarian for 'auch'; South Tyrol (province of Bolzano) is served",
        ),
    ),
    # ----------------------------------------------------------------------------------------------- closing
    dialogue(
        "cl-01",
        "closing",
        knowledge(
            "Nehmt's ihr eigentlich an am Schlichtungsverfahren bei einer Verbraucherschlichtungsstelle teil, falls amal a Streit is?",
            ["kehl|zentrum für schlichtung|allgemeine(n)? verbraucherschlichtungsstelle"],
            "agb",
            [NO, "nehmen[^.!?]{0,40}nicht[^.!?]{0,40}teil|nicht (bereit|verpflichtet)"],
            kind="yes-no-positive",
            note="the AGB (X.) say yes, before the Allgemeine Verbraucherschlichtungsstelle in Kehl",
        ),
        turn("Passt, vergelt's Gott!", [CLOSING], [GREET, NOANS, OFFER, "kehl|schlichtung"]),
    ),
    dialogue(
        "cl-02",
        "closing",
        knowledge(
            "Was san eigentlich Loferl? Hab des bei eich im Shop g'lesen.",
            ["wade|wadl|zweiteilig|zwei teil|ohne fuß"],
            "glossar",
            kind="typo/colloquial",
        ),
        turn("Dankschön, pfiat Ihna!", [CLOSING], [GREET, NOANS, OFFER, "wade|loferl"]),
    ),
    # -------------------------------------------------------------------------------------------- affirm-offer
    dialogue(
        "ao-01",
        "affirm-offer",
        turn(
            "Is des Dirndl „Seerose“ in Größe 38 no lagernd?",
            [OFFER],
            [YES],
            note="stock is not in the knowledge: say so and offer a colleague ('lagernd' is Austrian for 'vorrätig')",
        ),
        esc("Ja bitte, des waar liab.", "human_request"),
    ),
    dialogue(
        "ao-02",
        "affirm-offer",
        turn(
            "Könnt's ihr mir die Lederhose „Kampenwand“ in Größe 52 bis Samstag im Laden in Prien zurücklegen?",
            [OFFER],
            [YES],
            note="reserving an item is not in the knowledge (Click & Collect is an online order, not a reservation)",
        ),
        esc("ja gern", "human_request"),
    ),
    # ---------------------------------------------------------------------------------------------- deny-offer
    dialogue(
        "do-01",
        "deny-offer",
        turn("Gibt's das Dirndl „Fraueninsel“ auch in Dunkelgrün?", [OFFER], [YES]),
        turn(
            "Na, passt scho, i schau selber im Shop nach.", [DENY_ACK], [GREET, NOANS, NOT_HANDED, OFFER, BRAND_FACTS]
        ),
    ),
    dialogue(
        "do-02",
        "deny-offer",
        turn(
            "Kriagt's ihr de Haferlschuh „Hochries“ in 44 no amal rein?",
            [OFFER],
            [YES],
            note="a restock date is not in the knowledge",
        ),
        knowledge(
            "na danke. wie lang gilt eigentlich a Gutschein bei eich?",
            ["(7|sieben) Jahre"],
            "gutschein",
            [NOT_HANDED],
            kind="duration",
        ),
    ),
    # ---------------------------------------------------------------------------------------------- follow-up
    dialogue(
        "fu-01",
        "follow-up",
        knowledge("Was kostet bei euch der Versand?", ["5[,.]40"], "versand", kind="price"),
        knowledge("und nach Südtirol?", ["11[,.]40"], "suedtirol", ["südtirol[^.!?]{0,60}(\\b5[,.]40|8[,.]20)"]),
    ),
    dialogue(
        "fu-02",
        "follow-up",
        knowledge(
            "Kann i mir des Gwand an a Packstation schicken lassen?",
            [PACKSTATION_NO],
            "versand",
            [YES],
            kind="yes-no-negative",
            note="UPS only: no DHL Packstation, but a UPS Access Point",
        ),
        knowledge(
            "und?",
            ["access point|click|abhol|trachtenhaus"],
            None,
            note="after the honest no, 'und?' asks for the way out: a UPS Access Point (or Click & Collect in Prien)",
        ),
        knowledge(
            "was heißt des, Access Point?",
            ["kiosk|tankstelle|schreibwaren|supermarkt|annahmestelle|abholstelle|abhol- und annahme"],
            "versand",
        ),
    ),
    dialogue(
        "fu-03",
        "follow-up",
        knowledge(
            "Was kostet's, wenn ihr mir a Dirndl kürzt?",
            ["\\b34\\b"],
            "schneiderei",
            kind="price",
            note="price table in the two-column PDF: Rock und Schürze 34 €, only the apron 14 €",
        ),
        knowledge(
            "und wie lang dauert des?",
            ["(10|zehn) Werktag|(3|drei) Wochen"],
            ["schneiderei", "versand"],
            kind="duration",
            note="ordered with the item: 10 working days more; altered later: about 3 weeks; either is right",
        ),
        knowledge(
            "kann i's dann no zruckgeben, wenn's ma ned gfallt?",
            [
                "(nicht|kein)[^.!?]{0,80}(zurück|rückgabe|umtausch|umgetausch|retour)|(rückgabe|umtausch|zurückgeben|zurücknehmen|zurückschicken|retour)[^.!?]{0,80}(nicht|ausgeschlossen)|ausgeschlossen"
            ],
            ["schneiderei", "ruecksendung", "widerruf", "agb"],
            [YES],
            kind="yes-no-negative",
        ),
    ),
    # ------------------------------------------------------------------------------------------ yes-no-negative
    dialogue(
        "yn-01",
        "yes-no-negative",
        knowledge(
            "Kann ich per SEPA-Lastschrift bezahlen?",
            ["lastschrift[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,60}lastschrift"],
            "zahlungsarten",
            [YES],
            note="the DOCX table's merged last row: not offered",
        ),
    ),
    dialogue(
        "yn-02",
        "yes-no-negative",
        knowledge(
            "Schickt ihr auch in die Schweiz? Ich wohne in St. Gallen.",
            ["(nicht|kein)[^.!?]{0,60}schweiz|schweiz[^.!?]{0,80}(nicht|kein)|ausschließlich|nur nach|nur in"],
            ["suedtirol", "agb"],
            [YES],
        ),
    ),
    dialogue(
        "yn-03",
        "yes-no-negative",
        knowledge(
            "Kann man bei eich a Gwand ausleihen? Mia ham heuer im Juni a Hochzeit und i brauch's nur für oan Tag.",
            [
                "(nicht|kein)[^.!?]{0,60}(verleih|vermiet|leih|miet)|(verleih|vermiet|leih|miet)\\w*[^.!?]{0,60}(nicht|kein)"
            ],
            "faq",
            [YES],
        ),
    ),
    # ------------------------------------------------------------------------------------------ yes-no-positive
    dialogue(
        "yp-01",
        "yes-no-positive",
        knowledge(
            "Kann ich online bestellen und die Sachen dann im Laden in Prien abholen?",
            ["click|abhol"],
            ["faq", "kontakt"],
            [NO, "(nicht|kein)[^.!?]{0,30}(click|abhol)"],
        ),
    ),
    dialogue(
        "yp-02",
        "yes-no-positive",
        knowledge("Nehmt ihr Google Pay?", ["google pay"], "zahlungsarten", [NO, "google pay[^.!?]{0,40}(nicht|kein)"]),
    ),
    # -------------------------------------------------------------------------------------------------- price
    dialogue(
        "pr-01",
        "price",
        knowledge(
            "Was kostet bei euch eine Lederhose nach Maß?",
            ["\\b890\\b"],
            "schneiderei",
            note="ab 890 € short, ab 1.090 € knee-length; the short one's price is required",
        ),
    ),
    dialogue(
        "pr-02",
        "price",
        knowledge(
            "ups abholung retoure kosten?",
            ["3[,.]90"],
            "ruecksendung",
            note="keywords only: the UPS pick-up at the door for a return costs 3,90 €",
        ),
    ),
    # ----------------------------------------------------------------------------------------------- duration
    dialogue(
        "du-01",
        "duration",
        knowledge(
            "Wie lange dauert die Anfertigung einer Maßlederhose?",
            ["(?:12|zwölf)\\s*(?:bis|–|-|—)\\s*(?:14|vierzehn)\\s*Wochen"],
            ["schneiderei", "faq"],
        ),
    ),
    dialogue(
        "du-02",
        "duration",
        knowledge("Bis wann muss ich einen Transportschaden melden?", ["(8|acht) Tage"], "reklamation"),
    ),
    # ------------------------------------------------------------------------------------------------- how-to
    dialogue(
        "ht-01",
        "how-to",
        knowledge(
            "Wie melde ich eine Retoure an, wenn ich als Gast bestellt hab?",
            ["bestellnummer", "e-?mail"],
            "ruecksendung",
            ["postleitzahl|\\bplz\\b"],
            note="guests identify with order number and e-mail address, not the postcode most shops ask for",
        ),
    ),
    dialogue(
        "ht-02",
        "how-to",
        knowledge(
            "Mir ist Bratensoße auf die Lederhose getropft. Wie krieg ich den Fleck wieder raus?",
            ["stärke|kartoffelmehl"],
            "pflege",
        ),
    ),
    # ------------------------------------------------------------------------------------------- table-lookup
    dialogue(
        "tl-01",
        "table-lookup",
        knowledge(
            "Oberweite 92, Taille 77 – welche Dirndlgröße brauch ich?",
            ["\\b40\\b"],
            "dirndl",
            ["78–81[\\s\\S]*119–124"],
            note="the bust says 38, the waist says 40; the page says to take the larger of the two",
        ),
    ),
    dialogue(
        "tl-02",
        "table-lookup",
        knowledge(
            "MEIN BUND HAT 92 CM. WELCHE LEDERHOSENGRÖSSE BRAUCH ICH??",
            ["\\b52\\b"],
            "lederhosen",
            ["76–79[\\s\\S]*108–111"],
        ),
    ),
    dialogue(
        "tl-03",
        "table-lookup",
        knowledge(
            "Wie lang ist der Rock bei eurem Midi-Dirndl?",
            ["68\\s?(cm|zentimeter)"],
            "dirndl",
            ["52\\s?cm[\\s\\S]*94\\s?cm"],
        ),
    ),
    # ------------------------------------------------------------------------------------------ cross-lingual
    dialogue(
        "xl-01",
        "cross-lingual",
        knowledge(
            "Hi! I'm visiting from Ohio and would love a Bavarian blouse. My bust is 96 cm – which size should I order?",
            ["40\\s*[–—-]\\s*42|40/42|(?-i:\\bM\\b)|medium"],
            "lederhosen",
            ["78–85[\\s\\S]*113–124"],
            note="blouses come in double sizes: 94–102 cm is 40–42 (M)",
        ),
    ),
    dialogue(
        "xl-02",
        "cross-lingual",
        knowledge(
            "Hello, we are on holiday at Lake Chiemsee. When is your shop in Prien open?", ["9[:.]30"], "kontakt"
        ),
    ),
    # ---------------------------------------------------------------------------------------- out-of-scope-de
    dialogue(
        "od-01",
        "out-of-scope-de",
        turn("Wie wird's Wetter am Samstag am Chiemsee? Mia woin zum Segeln.", [OOS_DE], [BRAND_FACTS, OFFER, GREET]),
    ),
    dialogue(
        "od-02",
        "out-of-scope-de",
        turn("Kannst du mir a Rezept für an gscheiten Kaiserschmarrn geben?", [OOS_DE], [BRAND_FACTS, OFFER, GREET]),
    ),
    # ---------------------------------------------------------------------------------------- out-of-scope-en
    dialogue(
        "oe-01",
        "out-of-scope-en",
        turn("Any tips for a good beer garden in Munich?", [OOS_EN], [BRAND_FACTS, OFFER, GREET, GERMAN_IN_EN_OOS]),
    ),
    dialogue(
        "oe-02",
        "out-of-scope-en",
        turn("What's the euro to dollar exchange rate today?", [OOS_EN], [BRAND_FACTS, OFFER, GREET, GERMAN_IN_EN_OOS]),
    ),
    # ---------------------------------------------------------------------------------------- typo/colloquial
    dialogue(
        "ty-01",
        "typo/colloquial",
        knowledge("lieferzeit österreich?", ["(?:2|zwei)\\s*(?:bis|–|-|—|to)\\s*(?:4|vier)\\s*Werktag"], "suedtirol"),
    ),
    dialogue(
        "ty-02",
        "typo/colloquial",
        knowledge(
            "KANN ICH AUF RECHNUNG ZAHLEN WENN ICH IN SÜDTIROL WOHNE???",
            ["rechnung[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,80}rechnung"],
            ["zahlungsarten", "suedtirol"],
            [YES],
            note="the DOCX table: invoice merged over Germany and Austria, 'nein' for Südtirol",
        ),
    ),
    dialogue(
        "ty-03",
        "typo/colloquial",
        knowledge(
            "Griaß Eana! Ko i des Sackerl mit da Retour aa bei eich im G'schäft in Prien abgeben?",
            ["trachtenhaus|prien|laden|geschäft"],
            ["ruecksendung", "kontakt"],
            [NO, "(nicht|kein)[^.!?]{0,50}(abgeben|zurückgeben|annehmen)"],
            note="Austrian: 'Sackerl' is the bag, 'G'schäft' the shop; returns in the Trachtenhaus Prien are free",
        ),
    ),
    # ----------------------------------------------------------------------------------------- multi-question
    dialogue(
        "mq-01",
        "multi-question",
        knowledge("Was kostet Express und bis wann muss ich dafür bestellen?", ["14[,.]50", "10[:.]30"], "versand"),
    ),
    dialogue(
        "mq-02",
        "multi-question",
        knowledge(
            "Wie lang hab i Zeit zum Zruckschicken, und was kost' mi de Retour aus Österreich?",
            ["45\\s*Tage|45-tägig|fünfundvierzig Tage", "6[,.]40"],
            ["ruecksendung", "suedtirol", "agb", "faq", "widerruf"],
        ),
    ),
    # ---------------------------------------------------------------------------------------------- complaint
    dialogue(
        "co-01",
        "complaint",
        esc(
            "Jetzt is scho des dritte Mal, dass ma a Knopf von da Lederhosn abgeht, und auf meine zwoa Mails hat koana g'antwortet. I bin echt stinksauer!",
            "complaint",
        ),
    ),
    dialogue(
        "co-02",
        "complaint",
        knowledge(
            "Wann krieg ich mei Geld für die Retour zruck?", ["(4|vier) Werktag"], "ruecksendung", kind="duration"
        ),
        esc(
            "Des habt's ihr mir vor drei Wochen aa scho gschriebn, und bis heit is nix auf meim Konto. Langsam reicht's ma!",
            "complaint",
        ),
    ),
    # --------------------------------------------------------------------------------- negative-not-complaint
    dialogue(
        "nn-01",
        "negative-not-complaint",
        knowledge(
            "Schade, das Dirndl ist mir in der Taille ein bisschen zu weit. Kann man das bei euch enger machen lassen?",
            ["schneiderei|\\b42\\b"],
            "schneiderei",
            [NO],
            note="a fit problem is no complaint: the Schneiderei takes the bodice in (42 €)",
        ),
    ),
    dialogue(
        "nn-02",
        "negative-not-complaint",
        knowledge(
            "Die neue Lederhose riecht nach dem Auspacken noch ziemlich stark. Ist das normal?",
            ["verfliegt|frische[nr]? luft|lüften|an der luft"],
            "pflege",
        ),
    ),
    # ------------------------------------------------------------------------------------------ human-request
    dialogue(
        "hr-01", "human-request", esc("I mog jetzt mit am echten Menschen redn, ned mit am Computer.", "human_request")
    ),
    dialogue(
        "hr-02",
        "human-request",
        knowledge(
            "Kann man bei euch auch telefonisch bestellen?",
            ["08051\\s?96\\s?47\\s?30"],
            ["faq", "kontakt"],
            [NO],
            kind="yes-no-positive",
        ),
        esc("Dann verbinden Sie mich bitte gleich mit jemandem aus der Bestellannahme.", "human_request"),
    ),
    # ------------------------------------------------------------------------------------------- legal-threat
    dialogue(
        "lt-01",
        "legal-threat",
        esc(
            "Wenn ich die Anzahlung für meine Maßlederhose nicht bis Monatsende zurückbekomme, schalte ich meinen Anwalt ein.",
            "legal_threat",
        ),
    ),
    dialogue(
        "lt-02",
        "legal-threat",
        esc(
            "Letzte Warnung: Wird das Dirndl mit der aufgerissenen Naht nicht ersetzt, sehen wir uns vor Gericht.",
            "legal_threat",
        ),
    ),
    # -------------------------------------------------------------------------------------------------- abuse
    dialogue("ab-01", "abuse", esc("Ihr seid's doch alle miteinander Deppen, elendige Saubande!", "abuse")),
    dialogue("ab-02", "abuse", esc("DU DUMME BLECHKISTE, VERSTEHST DU KEIN DEUTSCH ODER WAS???", "abuse")),
    # ------------------------------------------------------------------------------------------- order-status
    dialogue(
        "os-01",
        "order-status",
        turn("Servus, wo is mei Packerl? I hab vor a paar Tag bei eich bstellt.", ["bestellnummer"]),
        turn("40123456", ["postleitzahl|plz"]),
        turn("20095", ["versandt", "hermes", "H1002345678901"]),
        brand="heine",
        note=HEINE_NOTE,
    ),
    dialogue(
        "os-02",
        "order-status",
        turn("status bestellung 40234567 plz 80331", ["in bearbeitung", "28\\.11\\.2026|28\\. november"], [GREET]),
        brand="heine",
        note=HEINE_NOTE + "; keywords only",
    ),
    dialogue(
        "os-03",
        "order-status",
        turn("WO IST MEINE BESTELLUNG 40345678???", ["postleitzahl|plz"]),
        turn("50668", ["nicht gefunden|keine bestellung|prüfen"], ["zugestellt|dhl|00340434161234567890"]),
        turn("50667, hab mich vertippt", ["zugestellt", "dhl"]),
        brand="heine",
        note=HEINE_NOTE + "; a wrong postcode reveals nothing, the corrected one finds the order",
    ),
    dialogue(
        "os-04",
        "order-status",
        turn(
            "Grüß Gott, wo ist meine Bestellung 40567890? PLZ 01067.",
            ["nicht gefunden|keine bestellung|prüfen"],
            ["storniert"],
        ),
        note="a heine demo order asked in the Haldenau shop: not found there (brands are separate)",
    ),
    # --------------------------------------------------------------------------------------------- withdrawal
    dialogue(
        "wd-01",
        "withdrawal",
        knowledge(
            "widerrufsfrist wie lang??",
            ["14 Tage|vierzehn Tage|14-tägig|zwei Wochen"],
            "widerruf",
            ["widerrufsfrist[^.!?]{0,40}\\b45\\b"],
            note="the statutory 14 days; the voluntary 45-day return guarantee is another thing",
        ),
    ),
    dialogue(
        "wd-02",
        "withdrawal",
        knowledge(
            "Gilt das Widerrufsrecht auch für eine Maßlederhose?",
            ["maß[^.!?]{0,120}(nicht|kein|ausgeschlossen)|(nicht|kein|ausgeschlossen)[^.!?]{0,120}maß"],
            ["widerruf", "agb", "ruecksendung", "schneiderei"],
            [YES],
        ),
    ),
    # ---------------------------------------------------------------------------------------- data-protection
    dialogue(
        "dp-01",
        "data-protection",
        turn(
            "Bitte löscht's alle meine Daten, und den Katalog mag i aa nimmer kriagn.",
            ["datenschutz@haldenau-trachten\\.example|konto schließen"],
            None,
            "optional",
            reason=["sensitive_topic", "human_request"],
            source=["datenschutz", "kundenkonto"],
        ),
    ),
    dialogue(
        "dp-02",
        "data-protection",
        knowledge(
            "Wer ist bei Ihnen für den Datenschutz zuständig – gibt es eine Datenschutzbeauftragte?",
            ["staudacher"],
            "datenschutz",
        ),
    ),
    # ------------------------------------------------------------------------------------------------ english
    dialogue(
        "en-01",
        "english",
        turn(
            "Hello! Greetings from Texas – we're in Bavaria for the Oktoberfest!",
            [EN_GREETING],
            [GERMAN_GREETING, NOANS],
        ),
        turn(
            "Thanks, that's all for now. Bye!",
            [EN_CLOSING],
            ["how can i help|what can i do for you|welcome to", EN_LEAK, NOANS],
        ),
    ),
    dialogue(
        "en-02",
        "english",
        turn(
            "Hi, I ordered a dirndl a while ago and it still hasn't arrived. Where is it?", ["order number"], [EN_LEAK]
        ),
        turn("It's 40456789, postcode 10115.", ["partially|teilweise", "hermes"], [EN_LEAK]),
        brand="heine",
        note=HEINE_NOTE + "; an English tourist",
    ),
    # ------------------------------------------------------------------------------------------------ du-form
    dialogue(
        "df-01",
        "du-form",
        knowledge(
            "Sag mal, wie lange gilt eigentlich der Link, wenn ich mein Passwort zurücksetzen will?",
            ["(12|zwölf) Stunden"],
            "kundenkonto",
        ),
    ),
    dialogue(
        "df-02",
        "du-form",
        knowledge(
            "Hey, kürzt ihr mir auch ein Dirndl, das ich in einem anderen Laden gekauft hab?",
            [
                "nur[^.!?]{0,80}(bei uns|bei haldenau|haldenau)|(nicht|kein)[^.!?]{0,80}(ander|fremd)|(ander|fremd)[^.!?]{0,80}(nicht|kein)"
            ],
            ["schneiderei", "agb"],
            [YES],
        ),
    ),
    # ------------------------------------------------------------------------------------------ long-rambling
    dialogue(
        "lr-01",
        "long-rambling",
        knowledge(
            "Griaß Gott! Meine Tochter heiratet heuer im Mai am Chiemsee, und das Dirndl „Seerose“ für sie hab ich schon bei Ihnen gekauft, das kam wunderschön verpackt mit Seidenpapier. Was ich eigentlich wissen wollte: Kann man bei Ihnen einen Gutschein auch auf so einer Holzkarte bekommen, und was kostet das extra? Ihr Verlobter ist nämlich auch so ein Trachtler, der hat sich letztes Jahr schon eine Kniebundlederhose gewünscht, und die Schwiegermutter hat gesagt, sie legt noch was dazu. Ich glaub, der freut sich narrisch.",
            ["4[,.]50"],
            "gutschein",
            note="the question sits in the middle of the story: the Zirbenholz card costs 4,50 € extra",
        ),
    ),
    dialogue(
        "lr-02",
        "long-rambling",
        knowledge(
            "Servus mitanand! I bin da Sepp vom Musikverein, mia spuin seit 1922 und feiern heuer im Juli unser Jubiläum mit am großen Zeltfest. Für des brauch ma vierzehn neue Kniebundlederhosn, und da Kassier hat gmoant, i soll amoi nachfragn, ob ma de aa auf Rechnung zahln kenna, weil ma des erste Mal bei eich bstelln. De Musikanten san alle unterschiedlich groß und dick, des werd a Gaudi beim Anprobiern. Na ja, mia gfrein uns jedenfalls scho!",
            ["\\b600\\b"],
            "zahlungsarten",
            note="invoice yes, but on a first order only up to 600 € of goods: fourteen Lederhosen are far above it, so the limit is the fact that matters",
        ),
    ),
]


def add_leftovers(corpus: dict) -> None:
    """Every Haldenau turn gets the format-leftover check of this corpus's page formats."""
    for item in corpus["dialogues"]:
        if (item.get("brand") or corpus["brand"]) != "haldenau":
            continue
        for step in item["turns"]:
            step["must_not"] = [*list(step.get("must_not", [])), LEFTOVERS]


def self_check(corpus: dict) -> None:
    lindenhof = Path("/work/shared/eval/dialogues/dialogues.json")
    if lindenhof.exists():
        assert json.loads(lindenhof.read_text())["must_not_all"] == MUST_NOT_ALL, (
            "must_not_all differs from Lindenhof's"
        )
    flags = re.IGNORECASE | re.MULTILINE
    ids = [item["id"] for item in corpus["dialogues"]]
    assert len(ids) == len(set(ids)) == 60, (len(ids), len(set(ids)))
    for item in corpus["dialogues"]:
        for step in item["turns"]:
            for pattern in step.get("must", []) + step.get("must_not", []):
                re.compile(pattern, flags)
            sources = step.get("source")
            for key in [sources] if isinstance(sources, str) else sources or []:
                assert key in SOURCE_KEYS, (item["id"], key)


def main() -> None:
    corpus = {
        "name": "haldenau-dev",
        "brand": "haldenau",
        "description": "Dev corpus: customer dialogues for the fictional brand Haldenau Trachten & Landhaus "
        "(Chiemgau, Tracht mail order with a tailoring service; knowledge/ beside this file, German "
        "only). Order dialogues run on the demo brand heine.",
        "must_not_all": MUST_NOT_ALL,
        "dialogues": DIALOGUES,
    }
    add_leftovers(corpus)
    self_check(corpus)
    OUT.write_text(json.dumps(corpus, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    kinds = Counter(item["kind"] for item in DIALOGUES)
    turn_kinds = Counter(step.get("kind") or item["kind"] for item in DIALOGUES for step in item["turns"])
    print(f"wrote {OUT}: {len(DIALOGUES)} dialogues, {sum(len(d['turns']) for d in DIALOGUES)} turns")
    for kind in sorted(set(kinds) | set(turn_kinds)):
        print(f"  {kind:<24} {kinds.get(kind, 0):>2} dialogues {turn_kinds.get(kind, 0):>3} turns")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# ruff: noqa: E501
"""Writes dialogues.json of the Brunnhof corpus (all dialogues and patterns live here).

    python3 tools/make_dialogues.py

Format and conventions: shared/eval/dialogues/README.md. `must_not_all` is copied verbatim from the shared
corpus's dialogues.json (read at run time, so it cannot drift). Check the result with
`python3 shared/eval/dialogues/run.py --cases dialogues.json --validate` and `python3 tools/check_replies.py`.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
SHARED = Path(__file__).resolve().parents[5] / "shared" / "eval" / "dialogues" / "dialogues.json"

# ------------------------------------------------------------------------------- patterns shared with Lindenhof
NOANS = (
    "keine verlässliche information|dazu habe ich leider keine|keine (passende|genaue) (antwort|information)|"
    "could not find reliable|no reliable information|i could not find|i have no information"
)
GREET = (
    "willkommen|welcome|schön, dass sie|was darf ich für sie tun|wie kann ich (ihnen|dir) (heute |gerne |denn )?"
    "(weiter)?helfen\\s*\\?|how can i help( you)?( today)?\\s*\\?|what can i do for you"
)
GREET_REPLY = "hallo|guten (tag|morgen|abend)|willkommen|moin|grüß|servus|was darf ich|wie kann ich|hello|hi\\b|welcome"
YES_DE = "(^|[.!?:]\\s+)ja\\b\\s*[,.!]"
NO_DE = "(^|[.!?:]\\s+)nein\\b\\s*[,.!]"
YES_EN = "(^|[.!?:]\\s+)yes\\b\\s*[,.!]"
NO_EN = "(^|[.!?:]\\s+)no\\b\\s*[,.!]"
HANDOVER = (
    "(verbind|weiterleit|weitergeb|vermittl|übergeb|weiterreich)\\w*[^.?!]{0,80}(kolleg|mitarbeit|team|"
    "kundenservice|person|mensch|berater)|(kolleg|mitarbeit|berater)\\w*[^.?!]{0,80}(verbind|weiterleit|"
    "weitergeb|helfen|weiter|übernehm|melden)|(put you in touch|connect you|pass (you|this|your \\w+) on|"
    "hand (you|this) over)[^.?!]{0,80}(colleague|team|person|agent|service)|(soll|darf|möchten sie)"
    "[^.?!]{0,80}(kolleg|mitarbeit|person)"
)
CLOSING = (
    "gern(e)? geschehen|sehr gern|keine ursache|freut mich|schön(en|es)? (tag|wochenende|abend|zeit|sonntag)|"
    "wiedersehen|bis bald|alles gute|jederzeit|danke (ihnen|auch|für)|vielen dank|tschüss|servus|ciao|"
    "you'?re welcome|my pleasure|have a (nice|great|good|lovely)|goodbye|bye|glad (i could|to) help|"
    "thank you|auf bald|adieu"
)
EN_CLOSING = (
    "you'?re welcome|my pleasure|have a (nice|great|good|lovely)|goodbye|bye|glad (i could|to|i was able to)"
    " help|thank you|thanks|no problem|take care|anytime"
)
DENY_ACK = (
    "gern|in ordnung|alles klar|okay|\\bok\\b|verstanden|selbstverständlich|schönen|jederzeit|melden sie sich|"
    "wiedersehen|bis bald|danke|kein problem"
)
# English offers are also worded "forward your question to a colleague" or "would you like to speak to a person"
HANDOVER_EN = (
    HANDOVER + "|(forward|refer|transfer|pass)\\w*[^.?!]{0,60}(colleague|team|agent|person)|"
    "(shall|should|may|would you like)[^.?!]{0,80}(colleague|team member|agent|person)"
)
NOT_HANDED = "weitergegeben|übernimmt|übernehmen wird|service-manager"
OOS_DE = (
    "leider nicht|nicht weiterhelfen|nicht helfen|nicht zuständig|kann ich nicht|kann ich ihnen nicht|"
    "muss ich (leider )?passen|außerhalb meine"
)
OOS_EN = (
    "not something i can|can(no|')t help|cannot help|unable to help|not able to help|afraid|only (help|answer)|"
    "outside (of )?(my|what)|can't assist|cannot assist"
)
OOS_EN_NOT_DE = "leider|nicht weiterhelfen|damit kann ich|da muss ich"
EN_NOT_DE = "\\b(Ihr|Ihnen|Sie|weitergegeben|Kolleg\\w*|Unterhaltung|Gerne|leider|Bestellnummer|Postleitzahl)\\b"
NOT_FOUND_DE = "nicht gefunden|keine bestellung|prüfen"
NOT_FOUND_EN = (
    "not found|could not find|couldn'?t find|unable to find|can'?t find|no order|check|"
    "nicht gefunden|keine bestellung|prüfen"
)

# ------------------------------------------------------------------------------------------ this brand's facts
# everything a declined offer or an out-of-scope reply must not bring up
BRAND_FACTS = (
    "\\d+,\\d\\d\\s?€|werktag|retourenportal|paypal|\\b42 tage|sechs wochen|gutscheincode|0661|künzell|"
    "hünfeld|\\bchf\\b|saumservice"
)
# leftovers of this brand's page formats that must_not_all does not cover: a hyphen split left in the text
# ("Rück- sendung", "E- Mail"), leader dots of the price list, reference links, TYPO3 markup and entities, the
# PDF's running header and page numbers
FMT = [
    "\\b[a-zäöüß]{2,}-\\s+(?!und\\b|oder\\b|bzw\\b|sowie\\b|bis\\b|als\\b)[a-zäöüß]{2,}|\\b[ET]-\\s+(Mail|Shirt)",
    "\\.{4,}|…\\s*…",
    "\\]\\[[^\\]]*\\]|^\\s*\\[[^\\]]+\\]:\\s*https?://",
    "&(nbsp|shy|amp|euro|ndash|quot);|ce-bodytext|frame-type|typo3",
    "seite \\d von \\d|stand: oktober 2026",
]

RET42 = "\\b42\\b[- ]?(tage|tägig|kalendertage|days?)|zweiundvierzig tage|(sechs|6)\\s*wochen|(six|6)\\s*weeks|42-day"
WRONG_RET = "\\b(30|21|28|40)\\s*(tage|days)\\b"
FREE_RET = (
    "kostenlos|kostenfrei|gratis|übernimmt brunnhof|übernehmen wir|porto übernimmt|keine kosten|nichts|"
    "\\bfree\\b|no charge|at no cost|costs? (you |her )?nothing"
)
DE_SHIP = "4[,.]45"
DE_FREE = "\\b65\\b"
WD = "(werktag|arbeitstag|working day|business day)"
DE_TIME = f"(3|drei)\\s*(bis|–|-|—|to)\\s*(6|sechs)\\s*{WD}"
AT_SHIP = "5[,.]85"
AT_TIME = f"(4|vier)\\s*(bis|–|-|—|to)\\s*(7|sieben)\\s*{WD}"
CH_SHIP = "8[.,]60"
CH_FREE = "\\b160\\b"
BE_SHIP = "6[,.]40"
RET_AT = "4[,.]20"
RET_CH = "7[.,]50"
RET_BE = "5[,.]60"
REFUND = "(8|acht)\\s*werktag"
INVOICE28 = "\\b28\\b[- ]?(tage|tägig|days?)|achtundzwanzig tage|(vier|4) wochen|(four|4) weeks"
CANCEL4 = "(4|vier)\\s*stunden|(four|4)\\s*hours"
PW48 = "(48|achtundvierzig)\\s*stunden|(zwei|2) tage|(48|forty-eight) hours|two days"
DAMAGE12 = "(12|zwölf)\\s*tage"
PHONE = "(0|\\+49\\s?(\\(0\\))?\\s?)661[\\s/-]?480[\\s/-]?27[\\s/-]?50"
SAUM = "6[,.]90"
SIZE_DUMP = "88\\s*[–-]\\s*91[\\s\\S]*135\\s*[–-]\\s*140"


def size(n: int) -> str:
    """A size number on its own ("46", "Größe 46", "K46"), not part of a longer number."""
    return f"(?<!\\d){n}(?!\\d)"


PHONE_PAGES = ["kontakt", "katalog", "faq", "widerruf", "reklamation", "pflege"]
RET_PAGES = ["ruecksendung", "widerruf", "faq"]  # the 42 days: the returns page, the withdrawal page, the FAQ


def t(user, must=(), must_not=(), escalate=False, *, reason=None, source=None, kind=None, note=None, fmt=True):
    turn = {"user": user}
    if must:
        turn["must"] = list(must)
    must_not = list(must_not) + (FMT if fmt else [])
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


def d(id_, kind, *turns, brand=None, note=None):
    dialogue = {"id": id_, "kind": kind}
    if brand:
        dialogue["brand"] = brand
    if note:
        dialogue["note"] = note
    dialogue["turns"] = list(turns)
    return dialogue


def closing(user, also_not=()):
    return t(user, [CLOSING], [GREET, NOANS, HANDOVER, *also_not])


def oos_de(user):
    return t(user, [OOS_DE], [BRAND_FACTS, HANDOVER, GREET])


def oos_en(user):
    return t(user, [OOS_EN], [BRAND_FACTS, HANDOVER, GREET, OOS_EN_NOT_DE])


HEINE_NOTE = "order dialogue on the product's demo brand heine: the demo orders belong to it"

DIALOGUES = [
    # ------------------------------------------------------------------------------------ greeting + question
    d(
        "gq-01",
        "greeting+question",
        t(
            "Guten Morgen liebes Brunnhof-Team, ich hoffe, es geht Ihnen gut. Mein Briefkasten ist viel zu klein für "
            "Pakete und ich bin tagsüber oft bei meiner Schwester. Kann ich mir meine Bestellung auch an eine "
            "Packstation schicken lassen? Herzliche Grüße, Ingrid Sommer",
            [
                "packstation",
                "postnummer|(^|[.!?:]\\s+)ja\\b|liefern wir (auch |gern )?(an|in)|können sie[^.!?]{0,60}"
                "(packstation|schicken|liefern)|möglich",
            ],
            [GREET, NOANS, NO_DE, "(liefern|schicken)[^.!?]{0,30}nicht[^.!?]{0,20}(an|in) (eine |die )?packstation"],
            source="versand",
            note="yes (with the DHL Postnummer); a long polite letter with greeting and signature is no reason to greet "
            "back with the welcome text",
        ),
    ),
    d(
        "gq-02",
        "greeting+question",
        t("Guten Tag!!!", [GREET_REPLY], [NOANS]),
        t(
            "Ich bin 1,57 m groß und trage normalerweise Größe 44. Welche Kurzgröße ist das bei Ihnen???",
            [size(22)],
            [GREET, NOANS],
            source=["groessentabelle", "passform"],
            kind="table-lookup",
            note="Kurzgröße = half the normal size: 44 -> 22 (table row 44/22, rule on the Passform page)",
        ),
    ),
    # ---------------------------------------------------------------------------------------------- closing
    d(
        "cl-01",
        "closing",
        t(
            "Guten Abend, was berechnen Sie fuer den Versand nach Belgien? Meine Tochter wohnt in Luettich und ich "
            "moechte ihr zum Geburtstag etwas schicken lassen.",
            [BE_SHIP],
            [NOANS, AT_SHIP],
            source=["ausland", "servicepreise"],
            kind="price",
        ),
        closing("Herzlichen Dank, das hilft mir sehr. Einen schönen Abend noch!", [BE_SHIP]),
    ),
    d(
        "cl-02",
        "closing",
        t(
            "Meine Enkelin hat mir das Kundenkonto eingerichtet, und jetzt habe ich das Passwort verlegt. Wie lange ist "
            "denn der Link gültig, wenn ich ein neues anfordere?",
            [PW48],
            [NOANS],
            source="faq",
            kind="duration",
        ),
        closing("wunderbar dann probiere ich das gleich aus danke und tschüss", ["stunden"]),
    ),
    # ------------------------------------------------------------------------------------------- affirm offer
    d(
        "ao-01",
        "affirm-offer",
        t(
            "Guten Tag, haben Sie die Tunika Marlene in Bordeaux noch in Größe 54 vorrätig? Ich würde sie gern an "
            "Weihnachten tragen. Mit freundlichen Grüßen, Renate Kühn",
            [HANDOVER],
            [YES_DE],
            note="stock is not in the knowledge: say so and offer a colleague",
        ),
        t("Ja, das wäre sehr nett von Ihnen.", escalate=True, reason="human_request", fmt=False),
    ),
    d(
        "ao-02",
        "affirm-offer",
        t(
            "Hello, I'm writing for my grandmother. She would like to know if the wool coat 'Frieda' in short size 25 "
            "will be back in stock before Christmas. Could you check that for her?",
            [HANDOVER_EN],
            [YES_EN],
            note="a restock date is not in the knowledge: say so (in English) and offer a colleague",
        ),
        t("Yes please, that would be lovely.", escalate=True, reason="human_request", fmt=False),
    ),
    # --------------------------------------------------------------------------------------------- deny offer
    d(
        "do-01",
        "deny-offer",
        t(
            "Können Sie mir die Strickjacke Ilse in Kurzgröße 24 bis nächste Woche zurücklegen? Meine Rente kommt erst "
            "am Monatsersten.",
            [HANDOVER],
            [YES_DE],
            note="reserving an item is not in the knowledge",
        ),
        t(
            "Nein danke, dann rufe ich lieber selbst bei Ihnen an. Wie ist denn Ihre Telefonnummer?",
            [PHONE],
            [NOANS, NOT_HANDED, GREET],
            source=PHONE_PAGES,
            kind="how-to",
            note="declines the hand-over and asks for the number instead: give it, do not hand over",
        ),
    ),
    d(
        "do-02",
        "deny-offer",
        t(
            "Wann bekommen Sie den Mantel Agathe wieder in Größe 56 herein? Der ist seit Wochen ausverkauft.",
            [HANDOVER],
            [YES_DE],
        ),
        t(
            "nein lassen Sie mal, ich schaue einfach ab und zu wieder bei Ihnen rein",
            [DENY_ACK],
            [GREET, NOANS, NOT_HANDED, HANDOVER, BRAND_FACTS],
        ),
    ),
    # ---------------------------------------------------------------------------------------------- follow-up
    d(
        "fu-01",
        "follow-up",
        t(
            "Grüezi mitenand, was kostet bei Ihnen der Versand in die Schweiz? Ich bezahle natürlich in Franken.",
            [CH_SHIP],
            [NOANS, DE_SHIP, AT_SHIP],
            source=["ausland", "servicepreise"],
            kind="price",
        ),
        t(
            "Und muss ich dem Pöstler dann noch Zoll oder Mehrwertsteuer bezahlen?",
            [
                "verzollt|keine (weiteren|zusätzlichen) (kosten|gebühren|abgaben)|nichts (mehr )?(dazu|zusätzlich|extra)|"
                "(zoll|mwst|mehrwertsteuer|verzollung)[^.!?]{0,80}(enthalten|inbegriffen|inklusive)"
            ],
            [YES_DE, NOANS],
            source="ausland",
            note="delivered duty and VAT paid: nothing to pay on delivery",
        ),
    ),
    d(
        "fu-02",
        "follow-up",
        t(
            "Wie viel kostet der Versand nach Österreich?",
            [AT_SHIP],
            [NOANS],
            source=["ausland", "servicepreise"],
            kind="price",
        ),
        t(
            "Entschuldigung, ich habe mich vertan! Ich meinte natürlich Liechtenstein, meine Schwester wohnt in Vaduz.",
            [CH_SHIP],
            [NOANS, AT_SHIP, "liechtenstein[^.!?]{0,40}nicht|nicht[^.!?]{0,40}liechtenstein"],
            source=["ausland", "servicepreise"],
            note="a self-correction: the new country's price, not Austria's again; in the TYPO3 table the Liechtenstein "
            "row's cells are all in the Swiss row (rowspan)",
        ),
    ),
    d(
        "fu-03",
        "follow-up",
        t(
            "Kann ich meine Bestellung von heute früh noch stornieren? Ich habe aus Versehen zweimal dieselbe Bluse "
            "bestellt.",
            [CANCEL4],
            [NOANS],
            source="faq",
            kind="how-to",
        ),
        t(
            "Die vier Stunden sind leider schon vorbei. Was mache ich denn jetzt?",
            [
                "annahme (des pakets )?verweigern|verweigern sie|nicht an(nehmen)?\\b|zurück(schicken|senden|geben)|"
                "rücksendung|retoure"
            ],
            [NOANS],
            source=["faq", "ruecksendung"],
            note="refuse the parcel or send it back (free, 42 days)",
        ),
    ),
    # ------------------------------------------------------------------------------------- yes/no, negative
    d(
        "yn-01",
        "yes-no-negative",
        t(
            "Kann ich bei Ihnen per Nachnahme bezahlen? Ich mache im Internet nicht gern etwas mit Karte.",
            ["nachnahme[^.!?]{0,120}(nicht|kein)|(nicht|kein)[^.!?]{0,60}nachnahme"],
            [YES_DE, NOANS],
            source="zahlungsarten",
        ),
    ),
    d(
        "yn-02",
        "yes-no-negative",
        t(
            "liefern sie auch nach holland meine freundin wohnt in venlo und möchte auch bei ihnen bestellen",
            [
                "nicht (in die |nach )?(niederlande|holland)|(niederlande|holland)[^.!?]{0,60}nicht|leider nicht|nur nach|"
                "ausschließlich|nicht möglich"
            ],
            [YES_DE, NOANS],
            source=["ausland", "versand"],
        ),
    ),
    d(
        "yn-03",
        "yes-no-negative",
        t(
            "Haben Sie auch Langgrößen? Meine Schwester ist 1,82 m groß und findet nie passende Hosen.",
            ["langgr\\w*[^.!?]{0,80}(nicht|kein)|(nicht|kein)\\w*[^.!?]{0,60}langgr"],
            [YES_DE, NOANS],
            source="passform",
        ),
    ),
    # ------------------------------------------------------------------------------------- yes/no, positive
    d(
        "yp-01",
        "yes-no-positive",
        t(
            "Ist Ihre Hotline auch am Sonntag zu erreichen? Unter der Woche pflege ich meinen Mann und komme kaum zum "
            "Telefonieren.",
            ["\\b10(:00)?\\s*(uhr\\s*)?(bis|–|-|—|to|and)\\s*16"],
            [NO_DE, "sonntags?[^.!?]{0,40}(nicht|geschlossen|kein)", NOANS],
            source=["kontakt", "katalog", "reklamation"],
            note="yes: Sundays 10 to 16 Uhr",
        ),
        t(
            "Das ist ja schön. Und unter welcher Nummer erreiche ich Sie?",
            [PHONE],
            [NOANS, GREET],
            source=PHONE_PAGES,
            kind="how-to",
        ),
    ),
    d(
        "yp-02",
        "yes-no-positive",
        t(
            "Kann ich eine Rücksendung auch in Ihrer Modestube in Hünfeld abgeben? Ich wohne in Fulda und fahre "
            "mittwochs sowieso zum Markt dorthin.",
            ["lieferschein|kostenlos|kostenfrei"],
            [NO_DE, "(nicht|kein)[^.!?]{0,30}(abgeben|zurückgeben|zurücknehmen)", NOANS],
            source=["ruecksendung", "kontakt"],
            note="yes, free, with the delivery note",
        ),
    ),
    # -------------------------------------------------------------------------------------------------- price
    d(
        "pr-01",
        "price",
        t(
            "Was kostet es, wenn Sie mir eine Hose direkt auf meine Länge kürzen?",
            [SAUM],
            [NOANS],
            source=["passform", "servicepreise"],
            note="the Saumservice: 6,90 € per pair of trousers",
        ),
    ),
    d(
        "pr-02",
        "price",
        t(
            "Was kostet mich die Rücksendung aus der Schweiz? Ich wohne in Chur.",
            [RET_CH],
            [NOANS, RET_AT, RET_BE],
            source=["ausland", "ruecksendung", "servicepreise", "widerruf"],
        ),
    ),
    # ----------------------------------------------------------------------------------------------- duration
    d(
        "du-01",
        "duration",
        t(
            "Wie lange ist ein Packet nach Östereich unterwegs? Ich wohne in Graz.",
            [AT_TIME],
            [NOANS, DE_TIME],
            source="ausland",
        ),
    ),
    d(
        "du-02",
        "duration",
        t(
            "Bis wann muss ich einen Transportschaden melden? Der Karton kam gestern ganz eingedrückt an, dem Mantel "
            "scheint aber nichts passiert zu sein.",
            [DAMAGE12],
            [NOANS, "\\b(7|sieben)\\s*tage"],
            source="reklamation",
        ),
    ),
    # ------------------------------------------------------------------------------------------------- how-to
    d(
        "ht-01",
        "how-to",
        t(
            "Wie bekome ich eine Kopie meiner Rechnung? Die aus dem Paket habe ich leider aus versehen weggeworfen.",
            ["rechnung \\(pdf\\)|meine bestellungen|hotline|0661"],
            [NOANS],
            source="rechnung",
        ),
    ),
    d(
        "ht-02",
        "how-to",
        t(
            "Ich habe kein Internet zu Hause, nur dieses Handy von meinem Sohn. Wie kann ich bei Ihnen aus dem Katalog "
            "bestellen?",
            ["bestellkarte|0661[\\s/-]?480"],
            [NOANS],
            source=["katalog", "faq", "servicepreise", "kontakt"],
            note="by phone or with the postage-free order card (or fax)",
        ),
    ),
    # ------------------------------------------------------------------------------------------- table lookup
    d(
        "tl-01",
        "table-lookup",
        t(
            "Guten Tag, ich habe eben nachgemessen: Mein Brustumfang beträgt 106 cm. Welche Größe brauche ich bei "
            "einer Bluse?",
            [size(46)],
            [GREET, NOANS, SIZE_DUMP],
            source="groessentabelle",
            note="106 cm lies in 104–108: 46 (Kurzgröße 23)",
        ),
        t(
            "Oh, Entschuldigung, ich habe falsch abgelesen: Es sind 110 cm, nicht 106.",
            [size(48)],
            [NOANS, SIZE_DUMP],
            source="groessentabelle",
            note="self-correction: 110 cm lies in 109–113: 48",
        ),
    ),
    d(
        "tl-02",
        "table-lookup",
        t(
            "Ich bin 1,59 m klein und habe einen Hüftumfang von 116 cm. Welche Kurzgröße brauche ich für eine Hose?",
            [size(23)],
            [NOANS, SIZE_DUMP],
            source="groessentabelle",
            note="hip 116 -> row 46/23",
        ),
    ),
    d(
        "tl-03",
        "table-lookup",
        t(
            "meine hüfte misst genau 118,5 cm also liegt sie zwischen zwei größen welche nehme ich da für einen rock",
            [size(48)],
            [NOANS, SIZE_DUMP, "(nehmen|wählen) sie (die |bitte )?(größe )?46\\b"],
            source=["groessentabelle", "passform"],
            note="between 46 (to 118) and 48 (from 119); trousers and skirts: the larger one",
        ),
    ),
    # ------------------------------------------------------------------------------------------ cross-lingual
    d(
        "xl-01",
        "cross-lingual",
        t(
            "Hi, I'm helping my grandma (she's 81) with her online order. How long does she have to send back a skirt "
            "that doesn't fit? Thanks a lot!",
            [RET42],
            [NOANS, WRONG_RET],
            source=RET_PAGES,
            note="a grandchild writing in English; 42 days (six weeks)",
        ),
    ),
    d(
        "xl-02",
        "cross-lingual",
        t(
            "Hello! My grandmother lives in Zurich and wants to order from you. How much is shipping to Switzerland, and "
            "from what amount is it free?",
            [CH_SHIP, CH_FREE],
            [NOANS, DE_SHIP],
            source=["ausland", "servicepreise"],
        ),
    ),
    # ----------------------------------------------------------------------------------------- out of scope
    d(
        "od-01",
        "out-of-scope-de",
        oos_de(
            "Wissen Sie zufällig, welche Apotheke in Bad Hersfeld heute Notdienst hat? Ich brauche dringend meine "
            "Tropfen."
        ),
    ),
    d(
        "od-02",
        "out-of-scope-de",
        t(
            "Meine Enkelin hat mir zum Geburtstag eine Geschenkkarte von Ihnen geschenkt. Wie lange ist die denn "
            "gültig?",
            ["(10|zehn) jahre"],
            [NOANS, "\\b(3|drei) jahre"],
            source="gutschein",
            kind="duration",
            note="10 years from purchase (the common default is 3 years)",
        ),
        oos_de(
            "Ach, und noch etwas ganz anderes: Wissen Sie, wann am Sonntag der Gottesdienst in St. Blasius anfängt?"
        ),
    ),
    d(
        "oe-01",
        "out-of-scope-en",
        oos_en(
            "Hi, I'm Emma. My granny asked me to find a simple knitting pattern for a winter scarf. Could you send "
            "her one?"
        ),
    ),
    d(
        "oe-02",
        "out-of-scope-en",
        oos_en(
            "Could you tell me the train times from Frankfurt to Fulda tomorrow morning? I'm visiting my grandparents."
        ),
    ),
    # ------------------------------------------------------------------------------------------ typo/colloquial
    d(
        "ty-01",
        "typo/colloquial",
        t(
            "hallo wie lange habe ich zeit fur eine rucksendung meine tochter sagt 14 tage stimmt das",
            [RET42],
            [YES_DE, NOANS, WRONG_RET],
            source=RET_PAGES,
            note="no umlauts; the honest answer is no: 42 days (the 14 days are the statutory withdrawal period)",
        ),
    ),
    d(
        "ty-02",
        "typo/colloquial",
        t(
            "Ich habe mein Passwort vergessen!!! Wie komme ich jetzt wieder in mein Konto rein!!!!",
            ["passwort vergessen"],
            [NOANS],
            source="faq",
            note="exclamation marks are this customer's style, not a complaint",
        ),
        t("und wie lange gilt der link den sie mir schicken???", [PW48], [NOANS], source="faq", kind="duration"),
    ),
    # ----------------------------------------------------------------------------------------- multi-question
    d(
        "mq-01",
        "multi-question",
        t(
            "Guten Tag, ich hätte drei Fragen: Was kostet bei Ihnen der Versand, ab welchem Betrag ist er frei, und wie "
            "lange dauert die Lieferung zu mir nach Kassel? Vielen Dank im Voraus, Ihre Gisela Hartmann",
            [DE_SHIP, DE_FREE, DE_TIME],
            [NOANS, GREET],
            source=["versand", "servicepreise"],
        ),
    ),
    d(
        "mq-02",
        "multi-question",
        t(
            "Kann ich mit Apple Pay bezahlen, und gibt es bei Ihnen auch Ratenzahlung?",
            ["apple pay[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,60}apple pay", "\\b120\\b"],
            [NOANS],
            source=["zahlungsarten", "rechnung"],
            note="Apple Pay no; instalments yes, from 120 € (DE only)",
        ),
    ),
    d(
        "mq-03",
        "multi-question",
        t(
            "Grüezi, ich habe zwei Fragen: Kann ich aus der Schweiz auf Rechnung bestellen, und wie viel Zeit habe ich "
            "dann zum Bezahlen? Freundliche Grüsse, Verena Gasser",
            [
                INVOICE28,
                "qr-rechnung|franken|\\bchf\\b|auch (in der|aus der|für die) schweiz|schweiz[^.!?]{0,60}möglich|"
                "(^|[.!?]\\s+)ja\\b",
            ],
            [
                NO_DE,
                NOANS,
                GREET,
                "schweiz[^.!?]{0,60}(nicht|kein)[^.!?]{0,20}rechnung|rechnung[^.!?]{0,40}nicht[^.!?]{0,40}schweiz|"
                "schweiz[^.!?]{0,60}rechnung[^.!?]{0,20}nicht möglich",
            ],
            source=["zahlungsarten", "rechnung", "ausland"],
            note="yes (QR-Rechnung in Franken), 28 days",
        ),
    ),
    # ------------------------------------------------------------------------------------------------ complaint
    d(
        "co-01",
        "complaint",
        t(
            "Jetzt reicht es mir wirklich! Zum dritten Mal bekomme ich eine Hose in Kurzgröße, obwohl ich ausdrücklich "
            "Normalgröße bestellt habe, und auf meine zwei E-Mails hat niemand geantwortet!!!",
            escalate=True,
            reason="complaint",
            fmt=False,
        ),
    ),
    d(
        "co-02",
        "complaint",
        t(
            "Wie lange dauert es, bis ich nach einer Rücksendung mein Geld wiederbekomme?",
            [REFUND],
            [NOANS],
            source=["rueckerstattung", "ruecksendung"],
            kind="duration",
        ),
        t(
            "Das haben Sie mir im Oktober auch schon geschrieben, und bis heute ist kein Cent angekommen. Ich bin 74 und "
            "muss jeden Euro umdrehen. Das ist eine Unverschämtheit!",
            escalate=True,
            reason="complaint",
            fmt=False,
        ),
    ),
    # ----------------------------------------------------------------------------------- negative, no complaint
    d(
        "nn-01",
        "negative-not-complaint",
        t(
            "Die Bluse ist wunderschoen, nur die Aermel sind mir leider etwas zu lang. Kann ich sie gegen die "
            "Kurzgroesse umtauschen?",
            ["umtausch|umtauschen|tauschen", "kostenlos|kostenfrei|retourenportal|rücksendung"],
            [NO_DE, "kein(en)? (direkten )?umtausch", NOANS],
            source=["ruecksendung", "servicepreise"],
            note="a size that does not fit is no complaint: exchange normal -> short size is free",
        ),
    ),
    d(
        "nn-02",
        "negative-not-complaint",
        t(
            "Meine neue Strickjacke hat schon nach dem dritten Tragen kleine Knötchen unter den Armen. Schade eigentlich. "
            "Ist das normal?",
            ["fusselrasierer|wollkamm|kein mangel|keinen mangel|pilling"],
            [NOANS],
            source=["pflege", "reklamation"],
            note="pilling is no defect; a lint shaver removes it; no hand-over",
        ),
    ),
    # -------------------------------------------------------------------------------------------- human request
    d(
        "hr-01",
        "human-request",
        t(
            "Ich möchte bitte mit einer Dame vom Kundenservice persönlich sprechen. Mit dem Computer komme ich einfach "
            "nicht zurecht.",
            escalate=True,
            reason="human_request",
            fmt=False,
        ),
    ),
    d(
        "hr-02",
        "human-request",
        t(
            "Können Sie die Rechnung nachträglich auf den Namen meiner Firma ausstellen? Ich habe eine kleine "
            "Schneiderei.",
            ["nicht"],
            [YES_DE, NOANS],
            source="rechnung",
            kind="yes-no-negative",
        ),
        t(
            "Das verstehe ich nicht. Verbinden Sie mich bitte mit jemandem, der mir das erklären kann.",
            escalate=True,
            reason="human_request",
            fmt=False,
        ),
    ),
    # --------------------------------------------------------------------------------------------- legal threat
    d(
        "lt-01",
        "legal-threat",
        t(
            "Sollte die Gutschrift für meine Rücksendung nicht bis Monatsende auf meinem Konto sein, schalte ich die "
            "Verbraucherzentrale und meinen Anwalt ein.",
            escalate=True,
            reason="legal_threat",
            fmt=False,
        ),
    ),
    d(
        "lt-02",
        "legal-threat",
        t(
            "Sie haben mir den Betrag doppelt abgebucht. Wenn das nicht sofort korrigiert wird, reiche ich Klage ein. "
            "Mein Schwiegersohn ist Rechtsanwalt in Basel und kümmert sich gern darum.",
            escalate=True,
            reason="legal_threat",
            fmt=False,
        ),
    ),
    # --------------------------------------------------------------------------------------------------- abuse
    d(
        "ab-01",
        "abuse",
        t(
            "Sie sind doch alle zu blöd, ein Paket ordentlich zu packen, Sie Trottel!!!",
            escalate=True,
            reason="abuse",
            fmt=False,
        ),
    ),
    d(
        "ab-02",
        "abuse",
        t(
            "Was für eine unfähige Quasselmaschine. Ihr Laden ist ein Haufen Nichtsnutze und Betrüger!",
            escalate=True,
            reason=["abuse", "complaint"],
            fmt=False,
        ),
    ),
    # -------------------------------------------------------------------------------------------- order status
    d(
        "os-01",
        "order-status",
        t(
            "Guten Tag, ich warte seit einer Woche auf meine Bestellung mit der Nummer 40234567. Können Sie bitte "
            "nachsehen, wo sie bleibt? Mit freundlichen Grüßen, Elfriede Brandt",
            ["postleitzahl|plz"],
            [GREET],
            fmt=False,
        ),
        t("Die Postleitzahl ist 80331.", ["in bearbeitung", "28\\.11\\.2026|28\\. november"], fmt=False),
        brand="heine",
        note=HEINE_NOTE,
    ),
    d(
        "os-02",
        "order-status",
        t("wo bleibt mein paket bestellnummer 40123456 plz 20095", ["versandt", "hermes", "H1002345678901"], fmt=False),
        brand="heine",
        note=HEINE_NOTE,
    ),
    d(
        "os-03",
        "order-status",
        t(
            "Hi, I'm writing for my grandmother. Her order number is 40567890 and her postcode is 01069.",
            [NOT_FOUND_EN],
            ["cancel|storniert"],
            fmt=False,
            note="a wrong postcode reveals nothing",
        ),
        t(
            "Oh sorry, my mistake, the postcode is 01067.",
            ["cancel|storniert"],
            fmt=False,
            note="self-correction: the right postcode shows the cancelled order",
        ),
        brand="heine",
        note=HEINE_NOTE,
    ),
    d(
        "os-04",
        "order-status",
        t(
            "Guten Tag, wo ist meine Sendung? Bestellnummer 40456789, Postleitzahl 10115.",
            [NOT_FOUND_DE],
            ["teilweise|hermes|partially|versandt"],
            fmt=False,
        ),
        note="a heine demo order asked in the Brunnhof shop: not found there (brands are separate)",
    ),
    # ---------------------------------------------------------------------------------------------- withdrawal
    d(
        "wd-01",
        "withdrawal",
        t(
            "Ich möchte von meinem Kauf zurücktreten. Muss ich dafür einen Brief schreiben, oder reicht auch eine "
            "E-Mail?",
            [
                "widerruf@brunnhof-mode\\.example|retourenportal|rücksendung[^.!?]{0,40}anmelden|e-mail (reicht|genügt)|"
                "per e-mail"
            ],
            [NOANS],
            source="widerruf",
        ),
    ),
    d(
        "wd-02",
        "withdrawal",
        t(
            "Gilt das Widerrufsrecht auch für eine Hose, die Sie mir mit dem Saumservice auf 70 cm gekürzt haben?",
            ["nicht[^.!?]{0,120}(gekürzt|kürz|saum)|(gekürzt|saum\\w*)[^.!?]{0,120}(ausgeschlossen|nicht|kein)"],
            [YES_DE, NOANS],
            source=["widerruf", "ruecksendung", "passform"],
        ),
    ),
    # ----------------------------------------------------------------------------------------- data protection
    d(
        "dp-01",
        "data-protection",
        t(
            "Mein Mann ist im Frühjahr verstorben, aber Ihre Kataloge kommen immer noch auf seinen Namen. Bitte löschen "
            "Sie seine Daten und schicken Sie keine Post mehr.",
            ["datenschutz@brunnhof-mode\\.example|stichwort datenschutz|0661[\\s/-]?480"],
            escalate="optional",
            reason=["sensitive_topic", "human_request"],
            source="datenschutz",
            note="the request route (a short message is enough, no death certificate) or a hand-over",
        ),
    ),
    d(
        "dp-02",
        "data-protection",
        t(
            "Wer ist bei Ihnen für den Datenschutz zuständig? Ich hätte gern einen Namen.",
            ["hartlaub"],
            [NOANS],
            source="datenschutz",
        ),
    ),
    # ------------------------------------------------------------------------------------------------- english
    d(
        "en-01",
        "english",
        t(
            "Good morning! I'm writing on behalf of my grandmother Liesel, she's sitting right next to me.",
            ["hello|\\bhi\\b|good morning|welcome|how can i|what can i do"],
            ["guten tag|willkommen|was darf ich|wie kann ich", NOANS],
        ),
        t(
            "That's all for today, thank you so much. Bye!",
            [EN_CLOSING],
            ["how can i help|what can i do for you|welcome to", EN_NOT_DE, NOANS],
        ),
    ),
    d(
        "en-02",
        "english",
        t(
            "Hi, where is my grandma's order? She asks me about it every single day.",
            ["order number", "postcode|zip|postal"],
            [EN_NOT_DE],
            fmt=False,
        ),
        t("It's 40999999 and her postcode is 36037.", [NOT_FOUND_EN], [EN_NOT_DE], fmt=False),
        note="an English order dialogue in the Brunnhof shop: an unknown number is not found",
    ),
    # ------------------------------------------------------------------------------------------------- du-form
    d(
        "df-01",
        "du-form",
        t(
            "Sag mal, kann ich bei dir auch am Telefon bestellen? Mit dem Internet hab ich's nicht so.",
            [PHONE],
            [NO_DE, NOANS],
            source=["katalog", "kontakt", "faq"],
        ),
    ),
    d(
        "df-02",
        "du-form",
        t(
            "Kannst du mir verraten, wie ich Merinowolle richtig wasche? Mein Lieblingspulli ist aus Merino und ich hab "
            "Angst, dass er einläuft.",
            ["wollprogramm|wollwaschgang", "30\\s?°|30 grad"],
            [NOANS],
            source="pflege",
            note="the Merino row sits after the page break of the PDF's table",
        ),
    ),
    # ------------------------------------------------------------------------------------------- long rambling
    d(
        "lr-01",
        "long-rambling",
        t(
            "Liebes Brunnhof-Team, ich bin seit über zwanzig Jahren Kundin bei Ihnen, damals noch mit dem dicken Katalog "
            "auf dem Küchentisch. Zu meinem 70. Geburtstag habe ich mir letzte Woche einen Mantel in Kurzgröße 25 "
            "gegönnt, aber die Ärmel sind trotzdem zu lang und an den Schultern spannt er. Meine Nachbarin meint, bei "
            "Ihnen könne man nur vierzehn Tage zurückgeben und das Porto müsse man selbst bezahlen. Stimmt das? Mit "
            "herzlichen Grüßen, Hildegard Ostermann",
            [RET42, FREE_RET],
            [YES_DE, NOANS, WRONG_RET],
            source=[*RET_PAGES, "servicepreise"],
            note="both claims are wrong: 42 days, and the return from Germany is free",
        ),
    ),
    d(
        "lr-02",
        "long-rambling",
        t(
            "Grüezi, ich bin eine treue Kundin aus dem Kanton Thurgau. Letzte Woche habe ich zwei Hosen bestellt, eine "
            "in 48 und eine in 50, weil ich mir mit der Grösse nicht sicher war, und nun passt die 48 wunderbar. Diese "
            "Woche bin ich mit dem Velo unterwegs und komme erst nächste Woche zur Post, parkieren kann man dort ja auch "
            "nie. Was kostet mich die Rücksendung der zweiten Hose in Franken, und wird mir das vom Geld abgezogen? "
            "Freundliche Grüsse, Ruth Bänziger",
            [RET_CH, "verrechn|abgezogen|abziehen|ziehen wir|von (der|ihrer) erstattung"],
            [NOANS, RET_AT, RET_BE],
            source=["ausland", "ruecksendung", "servicepreise", "widerruf"],
            note="CHF 7.50, set off against the refund",
        ),
    ),
]


def main() -> None:
    shared = json.loads(SHARED.read_text(encoding="utf-8"))
    corpus = {
        "name": "brunnhof-dev",
        "brand": "brunnhof",
        "must_not_all": shared["must_not_all"],
        "dialogues": DIALOGUES,
    }
    out = HERE / "dialogues.json"
    out.write_text(json.dumps(corpus, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    turns = sum(len(dialogue["turns"]) for dialogue in DIALOGUES)
    print(f"wrote {out}: {len(DIALOGUES)} dialogues, {turns} turns")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# ruff: noqa: E501
"""Write dialogues.json, the Ostwind Sport dialogue corpus (`ostwind-dev`).

All dialogues and every pattern live here; dialogues.json is generated. Standard library only:

    python3 tools/make_dialogues.py            # writes ../dialogues.json
    python3 shared/eval/dialogues/run.py --cases dialogues.json --validate

The format, kinds, reason codes and conventions are those of the shared corpus
(shared/eval/dialogues/README.md); `must_not_all` is copied verbatim from its dialogues.json.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "dialogues.json"
SHARED = Path(__file__).resolve().parents[5] / "shared" / "eval" / "dialogues" / "dialogues.json"

# Copied verbatim from the shared corpus (shared/eval/dialogues/dialogues.json); checked below when that file exists.
MUST_NOT_ALL: list[str] = json.loads(r"""
["\\|\\s*:?-{3,}", "^\\s*\\|.*\\|\\s*$", "\\*\\*", "^#{1,6}\\s", "</?(?:table|thead|tbody|tr|td|th|ul|ol|li|div|span|p|br|h[1-6]|dl|dt|dd|section|main)\\b[^>]*>", "\\{[a-z_]+\\}", "^---\\s*$|^(?:title|url|language):\\s", "\\|[^|\\n]{0,60}\\|[^|\\n]{0,60}\\|", "(^|\\s)(?:Frage|Antwort|F|A|Q):\\s", "(?<!\\bz)(?<!\\bd)(?<!\\bu)(?<!\\bbzw)(?<!\\bca)(?<!\\bggf)(?<!\\binkl)(?<!\\bevtl)(?<!\\bHd)(?<!\\bB)(?<!\\bh)(?<!\\ba)(?<!\\bNr)(?<!\\bDr)(?<!\\bS)(?<!\\bv)(?<!\\bo)(?<!\\betc)(?<!\\be\\.g)(?<!\\bi\\.e)\\.\\s+(?-i:[a-zäöü][a-zäöüß]{2,})", "\\b(?:der|die|das|dem|den|des|eine|einen|einem|einer|eines|von|zum|zur|für|in|im|am|beim|und|oder|ist|sind|kann|können|wird|werden|wir|sie|ihr|ihre|ihren|ihrem|ihnen|als|bis|dass|wenn|the|of|to|and|or|with|for|your|is|are)\\s+(?:Mehr dazu finden Sie|You can find more under)"]
""")

# ------------------------------------------------------------------------------------------------ patterns
# The greeting, no-answer, hand-over, closing and out-of-scope patterns are the shared corpus's (Lindenhof's),
# with the additions noted.
GREET = (
    "willkommen|welcome|schön, dass sie|was darf ich für sie tun|wie kann ich (ihnen|dir) (heute |gerne |denn )?"
    "(weiter)?helfen\\s*\\?|how can i help( you)?( today)?\\s*\\?|what can i do for you"
)
NOANS = (
    "keine verlässliche information|dazu habe ich leider keine|keine (passende|genaue) (antwort|information)|"
    "could not find reliable|no reliable information|i could not find|i have no information"
)
# + English offers phrased as questions ("Shall I forward this to a colleague?")
HANDOVER = (
    "(verbind|weiterleit|weitergeb|vermittl|übergeb|weiterreich)\\w*[^.?!]{0,80}(kolleg|mitarbeit|team|kundenservice|"
    "person|mensch|berater)|(kolleg|mitarbeit|berater)\\w*[^.?!]{0,80}(verbind|weiterleit|weitergeb|helfen|weiter|"
    "übernehm|melden)|(put you in touch|connect you|pass (you|this|your \\w+) on|hand (you|this) over)[^.?!]{0,80}"
    "(colleague|team|person|agent|service)|(soll|darf|möchten sie)[^.?!]{0,80}(kolleg|mitarbeit|person)|"
    "(shall|should|may|can) i[^.?!]{0,60}(forward|pass|connect|put you|hand)[^.?!]{0,60}(colleague|team|person|agent)"
)
GREETING_MUST = (
    "hallo|hey|guten (tag|morgen|abend)|willkommen|moin|grüß|servus|was darf ich|wie kann ich|hello|hi\\b|welcome"
)
# + "auf wiederhören", sports wishes and "sportliche Grüße"
CLOSING = (
    "gern(e)? geschehen|sehr gern|keine ursache|freut mich|schön(en|es)? (tag|wochenende|abend|zeit|sonntag)|"
    "wiedersehen|bis bald|alles gute|jederzeit|danke (ihnen|auch|für)|vielen dank|tschüss|servus|ciao|you'?re welcome|"
    "my pleasure|have a (nice|great|good|lovely)|goodbye|bye|glad (i could|to) help|thank you|auf bald|adieu|"
    "auf wiederhören|viel spaß|viel erfolg|gute fahrt|guten lauf|sportliche grüße"
)
EN_CLOSING = (
    "you'?re welcome|my pleasure|have a (nice|great|good|lovely)|goodbye|bye|glad (i could|to|i was able to) help|"
    "thank you|thanks|no problem|take care|anytime|cheers|enjoy"
)
DENY_ACK = (
    "gern|in ordnung|alles klar|okay|\\bok\\b|verstanden|selbstverständlich|schönen|jederzeit|melden sie sich|"
    "wiedersehen|bis bald|danke|kein problem"
)
DENY_NOT = "weitergegeben|übernimmt|übernehmen wird|service-manager"
OOS_DE = (
    "leider nicht|nicht weiterhelfen|nicht helfen|nicht zuständig|kann ich nicht|kann ich ihnen nicht|"
    "muss ich (leider )?passen|außerhalb meine"
)
OOS_EN = (
    "not something i can|can(no|')t help|cannot help|unable to help|not able to help|afraid|only (help|answer)|"
    "outside (of )?(my|what)|can't assist|cannot assist"
)
OOS_EN_NOT_DE = "leider|nicht weiterhelfen|damit kann ich|da muss ich"
# This brand's facts: no out-of-scope reply and no declined offer may bring them up.
BRANDFACTS = (
    "\\d+,\\d\\d\\s?€|werktag|rücksendeportal|\\b42 tage|aktionscode|0381|güstrow|warnowufer|ostwind club|dhl gogreen"
)
EN_NOT_GERMAN = "\\b(Ihr|Ihnen|Sie|weitergegeben|Kolleg\\w*|Unterhaltung|Gerne|leider|Bestellnummer|Postleitzahl)\\b"
YES_START = "(^|[.!?:]\\s+)ja\\b\\s*[,.!]"
NO_START = "(^|[.!?:]\\s+)nein\\b\\s*[,.!]"
EN_YES_START = "(^|[.!?:]\\s+)yes\\b\\s*[,.!]"
EN_NO_START = "(^|[.!?:]\\s+)no\\b\\s*[,.!]"
# Leftovers of this brand's page formats that must_not_all does not cover: Hugo shortcodes, the CMS's data-block
# attributes, th scope, HTML entities, Hugo front-matter keys, the DOCX form's blanks and check boxes, the .txt
# page's ALL-CAPS labels (case-sensitive).
FORMAT = (
    "\\{\\{\\s*[<%/]|[<%]\\s*/?\\s*hint\\b|data-block|data-level|scope\\s*=|&gt;|&nbsp;|&amp;|"
    "^(?:bookToc|weight|draft):|_{5,}|☐|"
    "(?-i:\\b(?:TELEFON|POSTANSCHRIFT|STORNIEREN|TRANSPORTSCHADEN|SITZPOLSTER-GARANTIE|BESCHWERDE|LAUFANALYSE|"
    "OSTWIND STORES|IM STORE MÖGLICH|MANGELHAFTE WARE)\\b)|(?-i:^[A-ZÄÖÜ][A-ZÄÖÜ &-]{4,}[A-ZÄÖÜ]\\s*$)"
)

# facts, in every wording a correct reply may use
R42 = "\\b42\\b[- ]?(Tage|tägig|days?)|sechs Wochen|6 Wochen|zweiundvierzig Tage|six weeks|forty-two days"
R60 = "\\b60\\b[- ]?(Tage|tägig|days?)|sechzig Tage"
W14 = "\\b14\\b[- ]?(Tage|tägig)|vierzehn Tage|zwei Wochen"
STD_TIME = "(?:2|zwei)\\s*(?:bis|–|-|—|oder)\\s*(?:3|drei)\\s*(?:Werktag|Arbeitstag|Tag)"
SWEDEN_TIME = "(?:4|vier)\\s*(?:bis|–|-|—|to)\\s*(?:6|sechs)\\s*(?:Werktag|Arbeitstag|working day|business day|Tag)"
DENMARK_TIME = "(?:3|drei)\\s*(?:bis|–|-|—|to)\\s*(?:5|fünf)\\s*(?:werktag|arbeitstag|working day|tag)"
SAMEDAY = "(selben|gleichen) (Werk)?tag|same (working |business )?day"
CARD_TIME = "(?:3|drei)\\s*(?:bis|–|-|—|to)\\s*(?:5|fünf)\\s*(?:Bankarbeitstag|Bankarbeits|Werktag|Arbeitstag|Banktag)"
FREE = "kostenlos|kostenfrei|gratis|umsonst|keine (kosten|gebühr|rücksendegebühr)|nichts|nix"
SIZE_M = "(?-i:\\bM\\b)|\\bmedium\\b"
SIZE_L = "(?-i:\\bL\\b)|\\blarge\\b"
COURIER_PRICE = "\\b12(?:[,.]00)?\\s?(?:€|euro\\b|eur\\b)|zwölf euro|eur\\s?12\\b"
POLAND_RETURN = "5[,.]00|\\b5\\s?(?:€|euro\\b|eur\\b)|eur\\s?5\\b|fünf euro"
MEN_TABLE_DUMP = "74[–-]79[\\s\\S]*99[–-]106"
WOMEN_TABLE_DUMP = "78[–-]82[\\s\\S]*100[–-]106"
NOT_FOUND = "nicht gefunden|keine bestellung|prüfen|not find|couldn't find|could not find|no order|check"

HEINE_NOTE = "order dialogue on the product's demo brand heine: the demo orders (src/heine_ai/orders) belong to it"


def T(
    user: str,
    must: list[str] | None = None,
    must_not: list[str] | None = None,
    escalate: Any = False,
    reason: Any = None,
    source: Any = None,
    kind: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    turn: dict[str, Any] = {"user": user}
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


def D(id_: str, kind: str, *turns: dict[str, Any], brand: str | None = None, note: str | None = None) -> dict[str, Any]:
    dialogue: dict[str, Any] = {"id": id_, "kind": kind}
    if brand:
        dialogue["brand"] = brand
    if note:
        dialogue["note"] = note
    dialogue["turns"] = list(turns)
    return dialogue


EN_PAGE = "the fact is only on an English page (international-shipping.html, care-guide.md or size-chart.pdf)"

DIALOGUES = [
    # ------------------------------------------------------------------------------- greeting + question
    D(
        "gq-01",
        "greeting+question",
        T(
            "Moin! 👋 Bis wann muss ich heute bestellen, damit das Paket noch heute rausgeht?",
            must=["15[:.]30|halb vier"],
            must_not=[GREET, NOANS, FORMAT],
            source="versand",
            note="same-day dispatch Monday to Friday until 15:30 (Express: 12 Uhr, Kurier: 11 Uhr are other cut-offs)",
        ),
    ),
    D(
        "gq-02",
        "greeting+question",
        T("hey 🙂", must=[GREETING_MUST], must_not=[NOANS]),
        T(
            "mein konto is gesperrt, hab mich 6x vertippt 🙈 wie lang dauert das jetzt?",
            must=["45 Minuten|fünfundvierzig Minuten|45 min|dreiviertel ?stunde"],
            must_not=[GREET, NOANS, FORMAT, "\\b30 Minuten|dreißig Minuten"],
            source="kundenkonto",
            kind="duration",
        ),
    ),
    # ------------------------------------------------------------------------------------------ closing
    D(
        "cl-01",
        "closing",
        T(
            "was is günstiger, express oder standard?",
            must=["4[,.]45", "8[,.]40"],
            must_not=[NOANS, FORMAT, "express (ist|wäre|kommt) [^.!?]{0,20}(günstiger|billiger)"],
            source="versand",
            kind="price",
            note="comparison: Standard 4,45 € (free from 85 €), Express always 8,40 €",
        ),
        T("top, danke dir 🙏", must=[CLOSING], must_not=[GREET, NOANS, "4[,.]45|8[,.]40", HANDOVER]),
    ),
    D(
        "cl-02",
        "closing",
        T(
            "macht ihr im store rostock auch laufanalyse? 👟",
            must=["dienstag|donnerstag|termin|kostenlos|kostenfrei"],
            must_not=[NO_START, NOANS, FORMAT, "(keine|nicht)[^.!?]{0,30}laufanalyse"],
            source="kontakt",
            kind="yes-no-positive",
        ),
        T("nice, dann komm ich dienstag vorbei 👍 danke", must=[CLOSING], must_not=[GREET, NOANS, HANDOVER]),
    ),
    # ------------------------------------------------------------------------------------- affirm-offer
    D(
        "ao-01",
        "affirm-offer",
        T(
            "habt ihr die windjacke 'warnow' in L noch da oder is die schon weg?",
            must=[HANDOVER],
            must_not=[YES_START, FORMAT],
            note="stock is not in the knowledge: say so and offer a colleague",
        ),
        T("ja mach mal", escalate=True, reason="human_request"),
    ),
    D(
        "ao-02",
        "affirm-offer",
        T(
            "Hi, do you have the women's 'Kühlung' thermal bib tights in XS in stock? Can't find them on the site.",
            must=[HANDOVER],
            must_not=[EN_YES_START],
            note="stock is not in the knowledge: say so and offer a colleague",
        ),
        T("yes please, that'd be great", escalate=True, reason="human_request"),
    ),
    # --------------------------------------------------------------------------------------- deny-offer
    D(
        "do-01",
        "deny-offer",
        T(
            "kommt euer adventskalender mit den gels dieses jahr wieder? 🎄",
            must=[HANDOVER],
            note="product plans are not in the knowledge",
        ),
        T(
            "nee passt, dann wart ich einfach ab",
            must=[DENY_ACK],
            must_not=[GREET, NOANS, DENY_NOT, HANDOVER, BRANDFACTS],
        ),
    ),
    D(
        "do-02",
        "deny-offer",
        T(
            "wann startet bei euch der nächste sale? will mir ne neue winterjacke holen",
            must=[HANDOVER],
            note="sale dates are not in the knowledge",
        ),
        T(
            "nein danke. aber sag mal, wie lang hab ich zeit für ne retoure?",
            must=[R42],
            must_not=[NOANS, DENY_NOT, "\\b(21|30)\\b[- ]?tage|dreißig tage"],
            source=["ruecksendung", "widerruf"],
            kind="duration",
        ),
    ),
    # ---------------------------------------------------------------------------------------- follow-up
    D(
        "fu-01",
        "follow-up",
        T(
            "bin über den winter in innsbruck 🏔️ was kostet n paket dahin?",
            must=["6[,.]20"],
            must_not=[NOANS, FORMAT, "6[,.]80|6[,.]90"],
            source="international",
            kind="price",
            note=EN_PAGE,
        ),
        T(
            "und nach schweden? teurer?",
            must=["9[,.]40"],
            must_not=[NOANS, NO_START, "7[,.]80"],
            source="international",
            note="Sweden 9,40 € is dearer than Austria 6,20 € (honest yes); Denmark is 7,80 €",
        ),
        T(
            "und schweiz?",
            must=[
                "(nicht|kein)[^.!?]{0,60}schweiz|schweiz[^.!?]{0,80}(nicht|kein)|nur nach|ausschließlich|leider nicht"
            ],
            must_not=[YES_START, NOANS, "schweiz[^.!?]{0,50}\\d+[,.]\\d\\d|\\d+[,.]\\d\\d[^.!?]{0,50}schweiz"],
            source="international",
            note="Switzerland is not served (unlike Lindenhof)",
        ),
    ),
    D(
        "fu-02",
        "follow-up",
        T(
            "welche größe radhose bei 84 cm taille? bin ein mann",
            must=[SIZE_M],
            must_not=[NOANS, FORMAT, "(?-i:\\bXL\\b)", MEN_TABLE_DUMP],
            source="size",
            kind="table-lookup",
            note="men's waist 80–85 = M; the women's table would give XL. " + EN_PAGE,
        ),
        T(
            "und bei 90?",
            must=[SIZE_L],
            must_not=[NOANS, "(?-i:\\bXL\\b)", MEN_TABLE_DUMP],
            source="size",
            note="men's waist 86–91 = L",
        ),
    ),
    D(
        "fu-03",
        "follow-up",
        T(
            "wie lang dauert die erstattung wenn ich mit paypal gezahlt hab?",
            must=["(2|zwei) Werktag", SAMEDAY],
            must_not=[NOANS, FORMAT],
            source="rueckerstattung",
            kind="duration",
            note="checked within 2 working days after arrival, PayPal then on the same working day",
        ),
        T("und bei kreditkarte?", must=[CARD_TIME], must_not=[NOANS], source="rueckerstattung"),
    ),
    D(
        "fu-04",
        "follow-up",
        T(
            "retoure aus polen, was kostet mich das?",
            must=[POLAND_RETURN],
            must_not=[NOANS, FORMAT, "3[,.]20", "6[,.]50"],
            source="international",
            kind="price",
            note="return label from Poland EUR 5.00, not the German 3,20 €. " + EN_PAGE,
        ),
        T(
            "und aus dänemark?",
            must=["6[,.]50"],
            must_not=[NOANS, "7[,.]80"],
            source="international",
            note="Denmark's return label 6,50 €; 7,80 € is Denmark's shipping price",
        ),
    ),
    # --------------------------------------------------------------------------------------- yes/no
    D(
        "yn-01",
        "yes-no-negative",
        T(
            "geht bei euch auch lastschrift? hab keine kreditkarte 😅",
            must=["lastschrift[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,60}lastschrift"],
            must_not=[YES_START, NOANS, FORMAT],
            source="zahlungsarten",
        ),
    ),
    D(
        "yn-02",
        "yes-no-negative",
        T(
            "kann ich mit google pay zahlen oder nur apple pay?",
            must=["google pay[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,60}google pay"],
            must_not=[YES_START, NOANS, FORMAT, "apple pay[^.!?]{0,40}(nicht|kein)"],
            source="zahlungsarten",
        ),
    ),
    D(
        "yp-01",
        "yes-no-positive",
        T(
            "seid ihr sonntags telefonisch erreichbar? unter der woche schaff ich's nie",
            must=["(?:10|zehn)(?:[:.]00)?\\s*(?:bis|–|-|—|und)\\s*(?:14|vierzehn)(?:[:.]00)?"],
            must_not=[NO_START, NOANS, FORMAT, "sonntags?[^.!?]{0,40}(nicht|geschlossen)"],
            source="kontakt",
            note="the hotline works on Sundays 10–14 (and not on Saturdays)",
        ),
    ),
    D(
        "yp-02",
        "yes-no-positive",
        T(
            "express an meine packstation 134 – klappt das safe?",
            must=["packstation"],
            must_not=[
                NO_START,
                NOANS,
                FORMAT,
                "nicht[^.!?]{0,40}(an|zur|zu) (eine |die )?packstation|packstation[^.!?]{0,60}nicht möglich",
            ],
            source="versand",
            note="yes (Lindenhof says no)",
        ),
    ),
    # ------------------------------------------------------------------------------------ price, duration
    D(
        "pr-01",
        "price",
        T(
            "was kostet der kurier in hamburg? 🚴",
            must=[COURIER_PRICE],
            must_not=[NOANS, FORMAT, "8[,.]40"],
            source="versand",
        ),
    ),
    D(
        "pr-02",
        "price",
        T(
            "was kostet ne mahnung wenn ich die rechnung verpeil? 🙃",
            must=["3[,.]90"],
            must_not=[NOANS, FORMAT],
            source="rechnung",
        ),
    ),
    D(
        "du-01",
        "duration",
        T(
            "wie lange hab ich bei rechnung zeit zum zahlen?",
            must=["\\b24\\b[- ]?(Tage|tägig)|vierundzwanzig Tage"],
            must_not=[NOANS, FORMAT, "\\b(14|30)\\b[- ]?tage"],
            source="zahlungsarten",
        ),
    ),
    D(
        "du-02",
        "duration",
        T(
            "karton kam total zerdrückt an, hab ihn aber erst jetzt aufgemacht, ne woche später 😬 zu spät zum melden?",
            must=["\\b(9|neun)\\s*Tage"],
            must_not=[YES_START, NOANS, FORMAT, "(innerhalb|binnen) (von )?(7|sieben) tage"],
            source="reklamation",
            note="a week is inside the 9 days: the honest answer to 'too late?' is no",
        ),
    ),
    # --------------------------------------------------------------------------------------------- how-to
    D(
        "ht-01",
        "how-to",
        T(
            "wie meld ich ne retoure an, hab als gast bestellt",
            must=["nachname", "bestellnummer"],
            must_not=[NOANS, FORMAT, "postleitzahl|\\bplz\\b"],
            source="ruecksendung",
            note="guests: order number and surname (not the postcode)",
        ),
    ),
    D(
        "ht-02",
        "how-to",
        T(
            "wie komm ich an ne rechnungskopie? hab ohne konto bestellt",
            must=["rechnung@ostwind-sport\\.example"],
            must_not=[NOANS, FORMAT],
            source="rechnung",
        ),
    ),
    D(
        "ht-03",
        "how-to",
        T(
            "wie wasch ich meine radhose richtig? 🚲 die is neu und war teuer",
            must=["30\\s?°|30 grad", "weichspüler|fabric softener|trockner|links|inside out"],
            must_not=[NOANS, FORMAT, "\\b(40|60)\\s?(°|grad)"],
            source="care",
            note=EN_PAGE,
        ),
    ),
    # --------------------------------------------------------------------------------------- table lookup
    D(
        "tl-01",
        "table-lookup",
        T(
            "brustumfang 95, frau – welche größe laufshirt?",
            must=[SIZE_L],
            must_not=[NOANS, FORMAT, "(?-i:\\bM\\b)", WOMEN_TABLE_DUMP],
            source="size",
            note="women's chest 94–99 = L; the men's table would give M. " + EN_PAGE,
        ),
    ),
    D(
        "tl-02",
        "table-lookup",
        T(
            "handumfang 20 cm, welche handschuhgröße? 🧤",
            must=[SIZE_M],
            must_not=[NOANS, FORMAT, "(?-i:\\bL\\b)"],
            source="size",
            note="gloves 19–20.5 = M. " + EN_PAGE,
        ),
    ),
    D(
        "tl-03",
        "table-lookup",
        T(
            "welchen grund-code schreib ich auf den rücksendeschein wenn das trikot zu groß is?",
            must=["\\b12\\b"],
            must_not=[NOANS, FORMAT, "code\\s*11\\b|\\b11\\b[^.!?]{0,20}zu groß"],
            source="formular",
            note="reason codes only in the DOCX return form: 11 = zu klein, 12 = zu groß",
        ),
    ),
    # -------------------------------------------------------------------------------------- cross-lingual
    D(
        "xl-01",
        "cross-lingual",
        T(
            "Quick one: I bought running shoes three weeks ago and only tried them on at home – can I still send them "
            "back?",
            must=["\\b42\\b|forty-two|six weeks|6 weeks"],
            must_not=[NOANS, EN_NO_START, "\\b(21|30)\\s*days"],
            source=["ruecksendung", "widerruf"],
            note="yes: three weeks are inside the 42 days, and shoes only tried on indoors are taken back",
        ),
    ),
    D(
        "xl-02",
        "cross-lingual",
        T(
            "Just moved to Rostock 🏃‍♀️ is there some kind of group run at your store?",
            must=["sunday|sonntag", "\\b9\\b|9[:.]00|nine"],
            must_not=[NOANS, EN_NO_START],
            source="club",
            note="the Sunday Lauftreff is only on the German club page",
        ),
    ),
    D(
        "xl-03",
        "cross-lingual",
        T(
            "I live in Hamburg – what's the cheapest way to return an order?",
            must=["store|shop", "free|no charge|no cost|costs? (you )?nothing|nothing|kostenlos|at no"],
            must_not=[NOANS],
            source=["ruecksendung", "kontakt", "rueckerstattung"],
            note="returning in the Hamburg store is free; by post it costs 3,20 €",
        ),
    ),
    # ------------------------------------------------------------------------------------ typo/colloquial
    D(
        "ty-01",
        "typo/colloquial",
        T(
            "rückversand kostenlos?",
            must=["3[,.]20"],
            must_not=[YES_START, NOANS, FORMAT],
            source=["ruecksendung", "rueckerstattung", "widerruf", "storn"],
            note="no: 3,20 € from Germany (free for club members, in the stores and for exchanges)",
        ),
    ),
    D(
        "ty-02",
        "typo/colloquial",
        T(
            "digga wie lang dauert standardversand? brauch die tights lowkey bis samstag 😭",
            must=[STD_TIME],
            must_not=[NOANS, FORMAT, "(?:2|zwei)\\s*(?:bis|–|-)\\s*(?:4|vier)\\s*werktag"],
            source="versand",
        ),
    ),
    # ----------------------------------------------------------------------------------- multi-question
    D(
        "mq-01",
        "multi-question",
        T(
            "retoure und umtausch gleich lang?",
            must=[R42, R60],
            must_not=[YES_START, NOANS, FORMAT],
            source="ruecksendung",
            note="no: 42 days to return, 60 days to exchange",
        ),
    ),
    D(
        "mq-02",
        "multi-question",
        T(
            "bis wann kann ich stornieren und kann ich danach noch die lieferadresse ändern?",
            must=["15 Minuten|fünfzehn Minuten|viertelstunde|15 min", "nicht"],
            must_not=[NOANS, FORMAT, "45 minuten"],
            source="storn",
        ),
    ),
    # -------------------------------------------------------------------------------------- complaints
    D(
        "co-01",
        "complaint",
        T(
            "Hab ne Pro Line Radhose, das Sitzpolster löst sich nach 8 Monaten. Gibts da Garantie?",
            must=["(3|drei) Jahre"],
            must_not=[NO_START, NOANS, FORMAT],
            source="reklamation",
            kind="yes-no-positive",
            note="asked calmly: answer, no hand-over yet",
        ),
        T(
            "Das ist schon die dritte Hose mit dem gleichen Problem. Hab euch zweimal gemailt und null Antwort "
            "bekommen. Langsam reicht's echt.",
            escalate=True,
            reason="complaint",
        ),
    ),
    D(
        "co-02",
        "complaint",
        T(
            "Zum zweiten Mal die falsche Größe geliefert, diesmal S statt L. Hab mich extra für den Lauf am Sonntag "
            "angemeldet und steh jetzt ohne Jacke da. Echt unterirdisch, was ihr da abzieht.",
            escalate=True,
            reason="complaint",
        ),
    ),
    D(
        "nn-01",
        "negative-not-complaint",
        T(
            "die laufjacke is mir leider ne nummer zu klein 😕 kann ich die gegen L tauschen?",
            must=[
                "umtausch|umtauschen|tauschen",
                "kostenlos|kostenfrei|60|wunschgröße|portal|meine bestellungen|store",
            ],
            must_not=[NO_START, NOANS, FORMAT, "kein(en)? umtausch"],
            source="ruecksendung",
        ),
    ),
    D(
        "nn-02",
        "negative-not-complaint",
        T(
            "meine neue regenjacke perlt nach dem waschen nicht mehr ab, schade 😞 kann ich da was machen?",
            must=["trockner|dryer|imprägn|re-?proof|proofer"],
            must_not=[NOANS, FORMAT],
            source="care",
            note="20 minutes in the dryer on low heat, then re-proofing. " + EN_PAGE,
        ),
    ),
    # --------------------------------------------------------------------------- human request, legal, abuse
    D(
        "hr-01",
        "human-request",
        T(
            "sorry, kannst du mich an wen vom service weiterleiten? geht um ne vereinsbestellung für 25 leute 🏃‍♂️🏃‍♀️",
            escalate=True,
            reason="human_request",
        ),
    ),
    D(
        "hr-02",
        "human-request",
        T(
            "liefert der ostwind kurier auch nach potsdam?",
            must=["nur[^.!?]{0,80}(rostock|hamburg)|nicht[^.!?]{0,60}potsdam|potsdam[^.!?]{0,60}nicht|leider nicht"],
            must_not=[YES_START, NOANS, FORMAT],
            source="versand",
            kind="yes-no-negative",
        ),
        T(
            "bringt mir nix. gib mir bitte jemanden vom team, der mir das anders organisieren kann",
            escalate=True,
            reason="human_request",
        ),
    ),
    D(
        "lt-01",
        "legal-threat",
        T(
            "Wenn die 189 € für die zurückgeschickte Jacke nicht bis Freitag auf meinem Konto sind, geht die Sache an "
            "meinen Anwalt. Das ist die letzte Warnung.",
            escalate=True,
            reason="legal_threat",
        ),
    ),
    D(
        "ab-01",
        "abuse",
        T(
            "alter bist du komplett hohl?? euer saftladen kriegt nix hin, ihr clowns 🤡",
            escalate=True,
            reason=["abuse", "complaint"],
        ),
    ),
    D("ab-02", "abuse", T("HALT EINFACH DIE FRESSE DU NUTZLOSER BOT", escalate=True, reason="abuse")),
    # ------------------------------------------------------------------------------ withdrawal, privacy
    D(
        "wd-01",
        "withdrawal",
        T(
            "wie lang is die gesetzliche widerrufsfrist bei euch? nicht die retoure, das widerrufsrecht",
            must=[W14],
            must_not=[NOANS, FORMAT, "widerrufsfrist[^.!?]{0,40}\\b42\\b"],
            source="widerruf",
        ),
    ),
    D(
        "wd-02",
        "withdrawal",
        T(
            "ich will vom kauf zurücktreten. reicht's wenn ich das paket einfach zurückschick oder muss ich extra "
            "was schreiben?",
            must=["rücksendeportal|portal|anmeld|widerruf@ostwind-sport\\.example"],
            must_not=[NOANS, FORMAT],
            source="widerruf",
            note="registering the return in the portal counts as the declaration",
        ),
    ),
    D(
        "dp-01",
        "data-protection",
        T(
            "löscht bitte alle meine daten inkl. konto, will nix mehr von euch hören",
            must=["datenschutz@ostwind-sport\\.example|konto löschen"],
            escalate="optional",
            reason=["sensitive_topic", "human_request"],
            source=["datenschutz", "kundenkonto"],
        ),
    ),
    D(
        "dp-02",
        "data-protection",
        T(
            "gibts ne eigene mailadresse für euren datenschutzbeauftragten? hab ne frage zu meinen daten",
            must=["dsb@ostwind-sport\\.example"],
            must_not=[NOANS, FORMAT],
            source="datenschutz",
        ),
    ),
    # -------------------------------------------------------------------------------------------- english
    D(
        "en-01",
        "english",
        T(
            "yo, anyone there? 🙂",
            must=["hello|\\bhi\\b|\\bhey\\b|welcome|how can i|what can i do"],
            must_not=["guten tag|willkommen|was darf ich|wie kann ich|moin", NOANS],
        ),
        T(
            "nah all good, thanks – have a good one!",
            must=[EN_CLOSING],
            must_not=["how can i help|what can i do for you|welcome to", EN_NOT_GERMAN, NOANS],
        ),
    ),
    D(
        "en-02",
        "english",
        T(
            "hey, my package still hasn't arrived and it's been a week 🙁",
            must=["order number", "postcode|zip|postal"],
            must_not=[EN_NOT_GERMAN],
            note="order dialogue in English in the Ostwind shop",
        ),
        T(
            "can't find the order number anywhere... can I just talk to someone?",
            must=["\\b(team|colleague|person|manager|service|agent)\\b"],
            must_not=[EN_NOT_GERMAN],
            escalate=True,
            reason="human_request",
        ),
    ),
    # -------------------------------------------------------------------------------------------- du-form
    D(
        "df-01",
        "du-form",
        T(
            "kannst du mir sagen, ab welchem betrag der versand gratis is?",
            must=["\\b85\\b"],
            must_not=[NOANS, FORMAT, "\\b(49|60|99)\\s?(€|euro)"],
            source="versand",
        ),
    ),
    D(
        "df-02",
        "du-form",
        T(
            "sag mal, kann ich meine club-punkte auch im store einlösen?",
            must=["store|laden|filiale|rostock|hamburg"],
            must_not=[NO_START, NOANS, FORMAT, "(nicht|nur online)[^.!?]{0,40}(store|laden)"],
            source=["club", "kontakt"],
        ),
    ),
    # -------------------------------------------------------------------------------------- long rambling
    D(
        "lr-01",
        "long-rambling",
        T(
            "Hey, also ich lauf im Oktober meinen ersten Marathon 🏃‍♀️ und hab mir dafür zwei Tights bestellt, "
            "einmal S und einmal M, weil ich mir nicht sicher war. Die S sitzt perfekt, die M rutscht beim Laufen "
            "total runter, voll nervig. Jetzt will ich die M aber nicht einfach zurückgeben, sondern gegen eine zweite "
            "S tauschen, weil ich eh zwei zum Wechseln brauch. Kostet mich der Umtausch was?",
            must=[FREE],
            must_not=[YES_START, NOANS, FORMAT],
            source=["ruecksendung", "rueckerstattung", "formular"],
        ),
    ),
    D(
        "lr-02",
        "long-rambling",
        T(
            "Moin, mein Bruder und ich fahren im Sommer mit dem Rad von Rostock über Gedser nach Kopenhagen und dann "
            "weiter bis Stockholm, so ein Lebenstraum von uns beiden 🚴‍♂️🚴‍♂️. Unterwegs wollte ich mir ein Paket mit "
            "frischen Trikots und Sitzcreme in die Ferienwohnung nach Stockholm schicken lassen, damit wir nicht alles "
            "mitschleppen müssen. Liefert ihr überhaupt nach Schweden und wie lang bräuchte das?",
            must=[SWEDEN_TIME],
            must_not=[GREET, NO_START, NOANS, FORMAT, DENMARK_TIME],
            source="international",
            note="Sweden 4–6 working days (Denmark 3–5). " + EN_PAGE,
        ),
    ),
    # ------------------------------------------------------------------------------------ out of scope
    D(
        "od-01",
        "out-of-scope-de",
        T(
            "was sollte ich am abend vor dem halbmarathon essen? nudeln oder reis? 🍝",
            must=[OOS_DE],
            must_not=[BRANDFACTS, HANDOVER, GREET],
        ),
    ),
    D(
        "od-02",
        "out-of-scope-de",
        T(
            "bis wann muss ich bestellen, damit express morgen da is?",
            must=["\\b12(?:[:.]00)? Uhr|zwölf uhr"],
            must_not=[NOANS, FORMAT, "express[^.!?]{0,60}15[:.]30"],
            source="versand",
            kind="duration",
        ),
        T(
            "und wie wird das wetter am sonntag in warnemünde? lohnt sich ne ausfahrt? ☀️",
            must=[OOS_DE],
            must_not=[BRANDFACTS, HANDOVER, GREET],
        ),
    ),
    D(
        "oe-01",
        "out-of-scope-en",
        T(
            "Can you put together a 12-week half marathon training plan for me?",
            must=[OOS_EN],
            must_not=[BRANDFACTS, HANDOVER, GREET, OOS_EN_NOT_DE],
        ),
    ),
    D(
        "oe-02",
        "out-of-scope-en",
        T(
            "what's the nicest bike route from Rostock to Stralsund along the coast?",
            must=[OOS_EN],
            must_not=[BRANDFACTS, HANDOVER, GREET, OOS_EN_NOT_DE],
        ),
    ),
    # ------------------------------------------------------------------------------------ order status
    D(
        "os-01",
        "order-status",
        T("yo, mein paket is immer noch nicht da 📦 kannst du mal schauen?", must=["bestellnummer"]),
        T("40234567", must=["postleitzahl|plz"]),
        T("80331", must=["in bearbeitung"]),
        brand="heine",
        note=HEINE_NOTE,
    ),
    D(
        "os-02",
        "order-status",
        T("bestellung 40345678, plz 50667 – is die schon angekommen?", must=["zugestellt", "dhl"], must_not=[NO_START]),
        brand="heine",
        note=HEINE_NOTE,
    ),
    D(
        "os-03",
        "order-status",
        T(
            "hi, was is mit meiner bestellung 40567890? plz 01069",
            must=[NOT_FOUND],
            must_not=["storniert"],
            note="a wrong postcode reveals nothing",
        ),
        T("sorry, 01067 natürlich 🤦", must=["storniert"]),
        brand="heine",
        note=HEINE_NOTE + "; a wrong postcode reveals nothing",
    ),
    D(
        "os-04",
        "order-status",
        T("Status von 40456789 bitte, PLZ 10115 🙏", must=[NOT_FOUND], must_not=["teilweise|hermes|partially"]),
        note="a heine demo order asked in the Ostwind shop: not found there (brands are separate)",
    ),
]

CORPUS = {
    "name": "ostwind-dev",
    "brand": "ostwind",
    "must_not_all": MUST_NOT_ALL,
    "dialogues": DIALOGUES,
}


def main() -> None:
    if SHARED.is_file():
        shared = json.loads(SHARED.read_text(encoding="utf-8"))["must_not_all"]
        assert shared == MUST_NOT_ALL, "must_not_all differs from the shared corpus"
    ids = [d["id"] for d in DIALOGUES]
    assert len(ids) == len(set(ids)), "duplicate ids"
    users = [t["user"] for d in DIALOGUES for t in d["turns"]]
    assert len(users) == len(set(users)), "two customer messages are the same"
    OUT.write_text(json.dumps(CORPUS, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    turns = sum(len(d["turns"]) for d in DIALOGUES)
    print(f"wrote {OUT}: {len(DIALOGUES)} dialogues, {turns} turns")


if __name__ == "__main__":
    main()

# ruff: noqa: E501
"""Writes dialogues.json (corpus "wiesental-dev") beside the tools/ folder.

    python3 tools/make_dialogues.py

The corpus format, the kinds, the reason codes and the runner are those of the shared dev corpus
(../shared/eval/dialogues in a product checkout; README.md there). `must_not_all` is the Lindenhof corpus's list,
copied unchanged. Every knowledge fact a `must` asks for is on the page that `source` names (see README.md beside
this folder, "Knowledge pages and their styles"); tools/check_corpus.py tests the expectations against written
right and wrong replies.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "dialogues.json"

# ------------------------------------------------------------------------------------- shared expectations
MUST_NOT_ALL = [  # copied unchanged from the Lindenhof corpus (shared/eval/dialogues/dialogues.json)
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

# A greeting where none is due (this brand's own greeting says "Was kann ich für Sie tun?").
GREET = "willkommen|welcome|schön, dass sie|was darf ich für sie tun|was kann ich für sie tun|wie kann ich (ihnen|dir) (heute |gerne |denn )?(weiter)?helfen\\s*\\?|how can i help( you)?( today)?\\s*\\?|what can i do for you"
# The no-answer phrase where the knowledge has the answer.
NOANS = "keine verlässliche information|dazu habe ich leider keine|keine (passende|genaue) (antwort|information)|could not find reliable|no reliable information|i could not find|i have no information"
# An offer of, or a hand-over to, a colleague.
HANDOVER = "(verbind|weiterleit|weitergeb|vermittl|übergeb|weiterreich)\\w*[^.?!]{0,80}(kolleg|mitarbeit|team|kundenservice|person|mensch|berater)|(kolleg|mitarbeit|berater)\\w*[^.?!]{0,80}(verbind|weiterleit|weitergeb|helfen|weiter|übernehm|melden)|(put you in touch|connect you|pass (you|this|your \\w+) on|hand (you|this) over)[^.?!]{0,80}(colleague|team|person|agent|service)|(soll|darf|möchten sie)[^.?!]{0,80}(kolleg|mitarbeit|person)"
HANDED = "weitergegeben|übernimmt|übernehmen wird|service-manager"
CLOSING = "gern(e)? geschehen|sehr gern|keine ursache|freut mich|schön(en|es)? (tag|wochenende|abend|zeit|sonntag)|wiedersehen|wiederhören|bis bald|alles gute|jederzeit|danke (ihnen|auch|für)|vielen dank|tschüss|servus|ciao|you'?re welcome|my pleasure|have a (nice|great|good|lovely)|goodbye|bye|glad (i could|to) help|thank you|auf bald|adieu|freude|(freundlichen|besten|herzlichen) grüßen"
DENY_ACK = "gern|in ordnung|alles klar|okay|\\bok\\b|verstanden|selbstverständlich|schönen|jederzeit|melden sie sich|wiedersehen|bis bald|danke|kein problem"
GREETING_ANY = "hallo|guten (tag|morgen|abend)|willkommen|moin|grüß|servus|was darf ich|was kann ich|wie kann ich|hello|hi\\b|welcome"
# Facts of this brand that have no place in a reply to an out-of-scope question or a declined offer.
BRANDFACTS = "\\d+,\\d\\d\\s?€|werktag|rücksendeportal|\\bups\\b|35 tage|aktionscode|07622|maulburg|nähatelier"
OOS_DE = "leider nicht|nicht weiterhelfen|nicht helfen|nicht zuständig|kann ich nicht|kann ich ihnen nicht|muss ich (leider )?passen|außerhalb meine"
OOS_EN = "not something i can|can(no|')t help|cannot help|unable to help|not able to help|afraid|only (help|answer)|outside (of )?(my|what)|can't assist|cannot assist"
GERMAN_DECLINE = "leider|nicht weiterhelfen|damit kann ich|da muss ich"
YES_DE = "(^|[.!?:]\\s+)ja\\b\\s*[,.!]"
NO_DE = "(^|[.!?:]\\s+)nein\\b\\s*[,.!]"
YES_EN = "(^|[.!?:]\\s+)yes\\b\\s*[,.!]"
NO_EN = "(^|[.!?:]\\s+)no\\b\\s*[,.!]"
EN_GERMAN = "\\b(Ihr|Ihnen|Sie|weitergegeben|Kolleg\\w*|Unterhaltung|Gerne|leider|Bestellnummer|Postleitzahl)\\b"
EN_GREETING = "good morning|hello|\\bhi\\b|welcome|how can i|what can i do"
EN_CLOSING = "you'?re welcome|my pleasure|have a (nice|great|good|lovely)|goodbye|bye|glad (i could|to|i was able to) help|thank you|thanks|no problem|take care|anytime"
NOT_FOUND = "nicht gefunden|keine bestellung|prüfen"
RANGE = "\\s*(?:bis|–|-|—|to|und)\\s*"

# Facts, in every spelling a right reply may use.
RETURN_35 = "\\b35\\b[- ]?(Tage|tägig|days)|fünfunddreißig Tage|fünf Wochen|five weeks|thirty-five days"
REFUND_4 = "(4|vier)\\s*Werktag"


def t(
    user: str,
    *,
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


def k(
    user: str,
    must: list[str],
    *,
    must_not: list[str] | None = None,
    source: Any = None,
    kind: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """A turn the knowledge answers: the fact, never the no-answer phrase, no escalation."""
    return t(user, must=must, must_not=[*(must_not or []), NOANS], source=source, kind=kind, note=note)


def d(id_: str, kind: str, *turns: dict[str, Any], brand: str | None = None, note: str | None = None) -> dict[str, Any]:
    dialogue: dict[str, Any] = {"id": id_, "kind": kind}
    if brand:
        dialogue["brand"] = brand
    if note:
        dialogue["note"] = note
    dialogue["turns"] = list(turns)
    return dialogue


def closing(user: str, *forbidden: str) -> dict[str, Any]:
    return t(user, must=[CLOSING], must_not=[GREET, NOANS, *forbidden, HANDOVER])


def offer(user: str, *must_not: str, note: str | None = None) -> dict[str, Any]:
    return t(user, must=[HANDOVER], must_not=list(must_not) or None, note=note)


def yes_please(user: str) -> dict[str, Any]:
    return t(user, escalate=True, reason="human_request")


def declined(user: str) -> dict[str, Any]:
    return t(user, must=[DENY_ACK], must_not=[GREET, NOANS, HANDED, HANDOVER, BRANDFACTS])


def out_of_scope_de(user: str) -> dict[str, Any]:
    return t(user, must=[OOS_DE], must_not=[BRANDFACTS, HANDOVER, GREET])


def out_of_scope_en(user: str) -> dict[str, Any]:
    return t(user, must=[OOS_EN], must_not=[BRANDFACTS, HANDOVER, GREET, GERMAN_DECLINE])


HEINE = "order dialogue on the product's demo brand heine: the demo orders belong to it"

DIALOGUES = [
    # ------------------------------------------------------------------------------ greeting + question
    d(
        "gq-01",
        "greeting+question",
        k(
            "Guten Tag! Bis wann muss ich bestellen, damit mein Paket heute noch rausgeht?",
            ["\\b10(?:[:.]00)?\\s*Uhr|\\b10:00\\b"],
            must_not=[GREET],
            source="lieferzeiten",
        ),
    ),
    d(
        "gq-02",
        "greeting+question",
        t("Hallo", must=[GREETING_ANY], must_not=[NOANS]),
        k(
            "ich wollte fragen ob ich mir das paket an meine packstation schicken lassen kann",
            ["packstation[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,80}packstation"],
            must_not=[GREET, YES_DE],
            source="lieferzeiten",
            note="UPS only: no DHL Packstation; a UPS Access Point is the alternative",
        ),
    ),
    # ------------------------------------------------------------------------------------------ closing
    d(
        "cl-01",
        "closing",
        k(
            "Kostet die Lieferung auf die Insel Föhr eigentlich mehr als aufs Festland?",
            ["\\b7(,00)?\\s?(€|euro)|\\b7,00\\b|sieben euro"],
            must_not=[
                NO_DE,
                "kein(en)?\\s+(insel)?zuschlag|keine (zusätzlichen|weiteren|extra) (kosten|versandkosten)|kostet nicht mehr",
            ],
            source="agb",
            kind="yes-no-positive",
            note="the island surcharge (7,00 €) is only in a footnote of the AGB DOCX",
        ),
        closing("Danke, gut zu wissen!", "inselzuschlag|7,00"),
    ),
    d(
        "cl-02",
        "closing",
        k(
            "Sehr geehrte Damen und Herren, ich möchte meiner Nichte zur Hochzeit eine Geschenkkarte Ihres Hauses schenken. Wie lange ist eine solche Karte gültig? Mit freundlichen Grüßen, Gertrud Hallstein",
            ["(3|drei) Jahre"],
            must_not=["(4|5|vier|fünf) Jahre"],
            source="gutschein",
            kind="duration",
        ),
        closing(
            "Haben Sie vielen Dank für die freundliche Auskunft. Mit besten Grüßen, G. Hallstein", "(3|drei) jahre"
        ),
    ),
    # ------------------------------------------------------------------------------------- affirm-offer
    d(
        "ao-01",
        "affirm-offer",
        offer(
            "Ist die Bettwäsche Nadja in Salbeigrün in 155 x 220 gerade lieferbar?",
            YES_DE,
            note="stock is not in the knowledge: say so and offer a colleague",
        ),
        yes_please("Ja, das wäre nett."),
    ),
    d(
        "ao-02",
        "affirm-offer",
        offer(
            "Will the Fenja velvet curtains come back in bottle green at some point?",
            YES_EN,
            note="restocks are not in the knowledge; an English offer is expected, the German one is accepted",
        ),
        yes_please("Yes, that would be great."),
    ),
    # --------------------------------------------------------------------------------------- deny-offer
    d(
        "do-01",
        "deny-offer",
        offer("Wann beginnt bei Ihnen der Winterschlussverkauf für Bettwäsche?"),
        declined("Nein danke, ich schaue einfach ab und zu auf Ihre Website."),
    ),
    d(
        "do-02",
        "deny-offer",
        offer(
            "Können Sie mir die Tischdecke Marit in Ø 170 bis nächsten Samstag zurücklegen?",
            note="reserving an item is not in the knowledge",
        ),
        k(
            "Nein, nicht nötig. Eine andere Frage noch: Ab welchem Betrag liefern Sie versandkostenfrei in die Schweiz?",
            ["\\b250\\b"],
            must_not=[HANDED],
            source="ausland",
        ),
    ),
    # ---------------------------------------------------------------------------------------- follow-up
    d(
        "fu-01",
        "follow-up",
        k(
            "Mit welchen Versandkosten muss ich bei einer Lieferung nach Frankreich rechnen?",
            ["8[,.]25"],
            source="ausland",
            kind="price",
        ),
        k(
            "und kann ich mir dorthin auch Gardinen nach Maß schicken lassen?",
            [
                "(nicht|kein)[^.!?]{0,100}(frankreich|maß)|(frankreich|maß)[^.!?]{0,100}(nicht|kein)|nur nach deutschland|ausschließlich nach deutschland"
            ],
            must_not=[YES_DE, "(maß|gardinen)[^.!?]{0,60}auch nach frankreich"],
            source=["ausland", "naehservice", "agb"],
            kind="yes-no-negative",
        ),
    ),
    d(
        "fu-02",
        "follow-up",
        k(
            "Wie viele Tage braucht ein Paket von Ihnen nach Österreich?",
            [f"(?:3|drei){RANGE}(?:5|fünf)\\s*Werktag"],
            source="ausland",
            kind="duration",
        ),
        k(
            "Entschuldigung, ich meinte natürlich in die Schweiz.",
            [f"(?:4|vier){RANGE}(?:7|sieben)\\s*Werktag"],
            source="ausland",
            note="the customer corrects the country; the answer is Switzerland's delivery time",
        ),
    ),
    d(
        "fu-03",
        "follow-up",
        k(
            "Ich habe mich verklickt – wie kann ich meine Bestellung wieder stornieren?",
            ["(3|drei) Stunden"],
            source="faq",
            kind="how-to",
        ),
        k(
            "und bei Gardinen nach Maß?",
            ["\\b(1|einer|eine) Stunde\\b|\\b60 Minuten|sechzig Minuten"],
            source=["faq", "naehservice"],
        ),
    ),
    # -------------------------------------------------------------------------------- yes/no: negative
    d(
        "yn-01",
        "yes-no-negative",
        k(
            "Funktioniert bei Ihnen an der Kasse Apple Pay?",
            ["apple pay[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,60}apple pay"],
            must_not=[YES_DE],
            source="zahlungsarten",
        ),
    ),
    d(
        "yn-02",
        "yes-no-negative",
        k(
            "Kann ich Gardinen nach Maß auch auf Rechnung kaufen?",
            [
                "(nicht|kein)[^.!?]{0,100}(rechnung|maß)|(rechnung|maß)[^.!?]{0,100}(nicht|kein|ausgeschlossen|ausgenommen)"
            ],
            must_not=[YES_DE],
            source=["zahlungsarten", "naehservice"],
        ),
    ),
    d(
        "yn-03",
        "yes-no-negative",
        k(
            "Besticken Sie Handtücher auch mit Namen?",
            ["(nicht|kein)[^.!?]{0,80}(stick|monogramm|namen)|(stick|monogramm|namen)[^.!?]{0,80}(nicht|kein)"],
            must_not=[YES_DE],
            source="faq",
        ),
    ),
    # -------------------------------------------------------------------------------- yes/no: positive
    d(
        "yp-01",
        "yes-no-positive",
        k(
            "Ist bei Ihnen auch eine Zahlung per Nachnahme möglich?",
            ["6[,.]50"],
            must_not=[
                NO_DE,
                "nachnahme (bieten wir|ist) leider nicht|bieten (wir )?(leider )?keine nachnahme|keine zahlung per nachnahme",
            ],
            source="zahlungsarten",
            note="yes, in Germany, for a fee of 6,50 €",
        ),
    ),
    d(
        "yp-02",
        "yes-no-positive",
        k(
            "Meine Kopfkissen haben das Schweizer Format 65 x 100. Führen Sie dafür Bezüge?",
            ["65\\s*(x|×|mal)\\s*100"],
            must_not=[NO_DE, "(nicht|kein)[^.!?]{0,40}65\\s*(x|×)\\s*100"],
            source="bettwaesche",
        ),
    ),
    # -------------------------------------------------------------------------------------------- price
    d(
        "pr-01",
        "price",
        k("Was kostet die Lieferung per Spedition?", ["\\b49\\b"], source=["spedition", "agb"]),
        k(
            "und wenn die Kartons bis in die Wohnung getragen werden sollen?",
            ["\\b29\\b"],
            source="spedition",
            note="a surcharge of 29 € (also charged when the freight delivery itself is free)",
        ),
    ),
    d(
        "pr-02",
        "price",
        k(
            "Was kostet ein Schal in Preisgruppe A, 250 cm breit und 260 cm hoch?",
            ["\\b134\\b"],
            must_not=["\\b(112|118|155|197|173)(,00)?\\s?(€|euro)"],
            source="preisliste",
            kind="table-lookup",
            note="width 201–250, height 251–300 in the PDF's group A table",
        ),
        k(
            "und mit Ösen?",
            ["\\b148\\b|\\b14(,00)?\\s?(€|euro)|\\b14,00\\b"],
            source="preisliste",
            note="Ösen cost 14,00 € per panel on top: 148 € in all",
        ),
    ),
    # ----------------------------------------------------------------------------------------- duration
    d(
        "du-01",
        "duration",
        k(
            "Wie lange dauert es, bis Gardinen nach Maß fertig sind?",
            ["(9|neun) Werktag"],
            source=["naehservice", "preisliste"],
        ),
    ),
    d(
        "du-02",
        "duration",
        k(
            "Bis wann muss ich einen Transportschaden spätestens bei Ihnen melden?",
            ["(6|sechs) Tage"],
            must_not=["(7|sieben|14|vierzehn) Tage"],
            source="reklamation",
        ),
    ),
    # ------------------------------------------------------------------------------------------- how-to
    d(
        "ht-01",
        "how-to",
        k("Wie wasche ich Vorhänge aus Voile?", ["30\\s?°|30 grad", "fein|schon|600"], source="pflege"),
    ),
    d("ht-02", "how-to", k("Wie bestelle ich Stoffmuster?", ["muster anfordern"], source="naehservice")),
    # ------------------------------------------------------------------------------------- table lookup
    d(
        "tl-01",
        "table-lookup",
        k(
            "Was kostet ein Vorhang mit 140 cm Breite und 230 cm Höhe in Preisgruppe A – ach nein, ich meinte natürlich Preisgruppe B, es soll Leinen werden.",
            ["\\b119\\b"],
            must_not=["\\b(103|146|135|173)(,00)?\\s?(€|euro)"],
            source="preisliste",
            note="self-correction to group B; width 101–150, height 201–250 in the PDF: 119 €",
        ),
    ),
    d(
        "tl-02",
        "table-lookup",
        k(
            "Unsere Matratze ist 160 x 200 cm und mit dem Topper zusammen 34 cm hoch. Welches Spannbettlaken passt da drauf?",
            ["boxspring"],
            source="bettwaesche",
            note="Komfort fits up to 32 cm only; the Boxspring sheet fits up to 45 cm",
        ),
    ),
    d(
        "tl-03",
        "table-lookup",
        k(
            "Wie groß sind bei Ihnen Duschtuch und Saunatuch?",
            ["67\\s*(x|×|mal)\\s*140", "90\\s*(x|×|mal)\\s*200"],
            must_not=["70\\s*(x|×)\\s*140|80\\s*(x|×)\\s*200", "30\\s*(x|×)\\s*30[\\s\\S]*16\\s*(x|×)\\s*22"],
            source="handtuecher",
            note="not the common 70 x 140 / 80 x 200; the whole table dumped fails",
        ),
    ),
    # ------------------------------------------------------------------------------------ cross-lingual
    d(
        "xl-01",
        "cross-lingual",
        k(
            "How much is shipping to Switzerland, and will I have to pay customs or VAT when the parcel arrives?",
            [
                "13[,.]50",
                "no (customs|import|duty|duties|vat|additional|extra|further|other)[^.!?]{0,40}(costs?|charges?|fees?|duties|due|payable|to pay)|(won'?t|will not|do not|don'?t|not) (have to |need to )?pay[^.!?]{0,40}(customs|duty|duties|vat|tax|anything|extra)|(won'?t|will not|not) be charged|(customs|duty|duties|vat)[^.!?]{0,80}(paid|included|covered|take care|handle)|duty[- ]paid|free of (customs|duty)|verzollt|\\bDDP\\b|nothing (more|extra|further)",
            ],
            source="ausland",
        ),
    ),
    d(
        "xl-02",
        "cross-lingual",
        k("What is your return period?", ["\\b35\\b"], source=["ruecksendung", "agb", "widerruf"]),
    ),
    # --------------------------------------------------------------------------------- out of scope (de)
    d("od-01", "out-of-scope-de", out_of_scope_de("Können Sie mir sagen, ob am Sonntag am Feldberg Schnee liegt?")),
    d(
        "od-02",
        "out-of-scope-de",
        out_of_scope_de("kannst du mir sagen wann der nächste zug von schopfheim nach basel fährt"),
        note="voice-dictated, no punctuation",
    ),
    # --------------------------------------------------------------------------------- out of scope (en)
    d(
        "oe-01",
        "out-of-scope-en",
        out_of_scope_en("Can you help me with my maths homework? I need to solve 3x + 7 = 22."),
    ),
    d("oe-02", "out-of-scope-en", out_of_scope_en("Who won the German football cup last season?")),
    # -------------------------------------------------------------------------------- typo / colloquial
    d(
        "ty-01",
        "typo/colloquial",
        k(
            "wie viel kostet das versenden nach österreich und ab wie viel ist es um sonst",
            ["6[,.]75", "\\b110\\b"],
            source="ausland",
            note="voice-dictated: 'um sonst' for 'umsonst'",
        ),
    ),
    d(
        "ty-02",
        "typo/colloquial",
        k(
            "wie viele stoff muster kann ich um sonst bestellen und was kostet jedes muster wenn ich meer will",
            ["\\b6\\b|sechs", "0[,.]90|90 cent"],
            source=["naehservice", "preisliste"],
            note="voice-dictated with homophones: 'um sonst' (umsonst), 'meer' (mehr)",
        ),
    ),
    # ----------------------------------------------------------------------------------- multi-question
    d(
        "mq-01",
        "multi-question",
        k(
            "ich wollte fragen ob ihr mit dhl oder mit ups verschickt und wie lange das bei euch normalerweise dauert und ob man samstags bei euch anrufen kann",
            [
                "\\bups\\b",
                f"(?:2|zwei){RANGE}(?:5|fünf)\\s*Werktag",
                "samstag\\w*[^.!?]{0,80}(nicht|geschlossen|kein)|(nicht|kein|geschlossen)[^.!?]{0,80}samstag|wochenende[^.!?]{0,60}(nicht|geschlossen|kein)|\\bfr(eitags?|\\.)?\\s*(von\\s*)?8(:00)?(\\s*uhr)?\\s*(bis|–|-)\\s*16",
            ],
            must_not=["(hotline|telefon\\w*|anrufen|erreich\\w*)[^.!?]{0,80}samstags?\\s*(von\\s*)?(9|10)"],
            note="three questions in one sentence: UPS, 2–5 working days, no phone service on Saturdays (the showroom's Saturday hours are not the hotline's)",
        ),
    ),
    d(
        "mq-02",
        "multi-question",
        k(
            "was kostet die rücksendung aus der schweiz und wie lange dauert es bis ich mein geld zurück habe ich habe mit twint bezahlt",
            ["9[,.]80", REFUND_4],
            must_not=["kostenlos[^.!?]{0,40}schweiz|schweiz[^.!?]{0,40}kostenlos"],
            source=["ruecksendung", "ausland"],
        ),
    ),
    d(
        "mq-03",
        "multi-question",
        k(
            "Sehr geehrte Damen und Herren, ich wohne in Vaduz und möchte gerne wissen, ob Sie auch nach Liechtenstein liefern und ob ich dort auf Rechnung bezahlen kann. Für eine kurze Auskunft wäre ich Ihnen sehr verbunden. Mit freundlichen Grüßen, Eberhard Lindner",
            ["liechtenstein", "rechnung[^.!?]{0,100}(nicht|nur)|(nicht|nur)[^.!?]{0,100}rechnung"],
            must_not=[
                "nicht nach liechtenstein|liechtenstein[^.!?]{0,40}nicht (beliefer|liefer)",
                "(^|[.!?]\\s+)ja\\b[^.!?]{0,60}(auf|per) rechnung(?![^.!?]{0,60}nicht)",
            ],
            note="delivery yes (as Switzerland), invoice no: invoice is for DE, AT and CH only, and the payment page says so for Liechtenstein",
        ),
    ),
    # ---------------------------------------------------------------------------------------- complaint
    d(
        "co-01",
        "complaint",
        t(
            "Jetzt reicht es mir wirklich. Meine Maßgardinen sind schon zum zweiten Mal 8 cm zu kurz genäht angekommen, und auf meine beiden E-Mails hat niemand reagiert!",
            escalate=True,
            reason="complaint",
        ),
    ),
    d(
        "co-02",
        "complaint",
        k(
            "Wie lange dauert es nach meiner Rücksendung, bis das Geld wieder da ist?",
            [REFUND_4],
            source="ruecksendung",
            kind="duration",
        ),
        t(
            "Genau das stand auch in Ihrer letzten Mail, und seit drei Wochen kommt kein Cent. Ich bin ehrlich gesagt stinksauer.",
            escalate=True,
            reason="complaint",
        ),
    ),
    # ---------------------------------------------------------------------------- negative, no complaint
    d(
        "nn-01",
        "negative-not-complaint",
        k(
            "Die neuen Frotteehandtücher fusseln beim Abtrocknen ganz schön. Ist das normal?",
            ["(3|drei)\\s*(bis|–|-|oder)\\s*(4|vier)"],
            source=["pflege", "reklamation"],
            note="lint on new towels is normal and stops after 3 to 4 washes",
        ),
    ),
    d(
        "nn-02",
        "negative-not-complaint",
        k(
            "Meine Maßgardine aus Voile ist genau einen Zentimeter kürzer, als ich sie bestellt habe. Schade eigentlich. Ist das noch im Rahmen?",
            ["1[,.]5\\s?(cm|zentimeter)|anderthalb|eineinhalb"],
            must_not=[NO_DE],
            source="agb",
            note="±1,5 cm height tolerance (AGB 6.2): within tolerance, no defect",
        ),
        k(
            "Und bei meinem Leinenvorhang im Schlafzimmer sind es 2 cm. Gilt da dasselbe?",
            ["2[,.]5\\s?(cm|zentimeter)|zweieinhalb"],
            must_not=["außerhalb (der|dieser|ihrer) toleranz|überschreitet|liegt ein mangel vor|ist ein mangel"],
            source="agb",
            note="the AGB footnote gives linen ±2,5 cm: 2 cm is within; the ±1,5 cm of the main text would wrongly make it a defect",
        ),
    ),
    # ------------------------------------------------------------------------------------ human request
    d(
        "hr-01",
        "human-request",
        t(
            "bitte verbinden sie mich mit einem mit arbeiter ich möchte das nicht mit einem computer schreiben",
            escalate=True,
            reason="human_request",
        ),
        note="voice-dictated: 'mit arbeiter'",
    ),
    d(
        "hr-02",
        "human-request",
        k(
            "Kann ich meine Fenstermaße für die Maßgardinen auch per Video mit jemandem durchgehen?",
            ["mittwoch|14\\s*(bis|–|-)\\s*19"],
            must_not=[NO_DE],
            source=["kontakt", "naehservice"],
            kind="yes-no-positive",
        ),
        t(
            "Das ist mir zu umständlich. Ich möchte jetzt bitte einfach mit einem Menschen sprechen.",
            escalate=True,
            reason="human_request",
        ),
    ),
    # ------------------------------------------------------------------------------------- legal threat
    d(
        "lt-01",
        "legal-threat",
        t(
            "Sehr geehrte Damen und Herren, sollten Sie mir die 312 € für die mangelhaften Maßgardinen nicht bis zum Monatsende erstatten, wird sich mein Rechtsanwalt mit Ihnen in Verbindung setzen. Hochachtungsvoll, Dr. Konrad Brenneisen",
            escalate=True,
            reason="legal_threat",
        ),
    ),
    d(
        "lt-02",
        "legal-threat",
        t(
            "wenn die spedition morgen wieder nicht kommt zeig ich euch an und verklage euch auf schaden ersatz",
            escalate=True,
            reason=["legal_threat", "complaint"],
        ),
        note="voice-dictated, 'schaden ersatz'",
    ),
    # -------------------------------------------------------------------------------------------- abuse
    d(
        "ab-01",
        "abuse",
        t(
            "Ihr unfähigen Stümper, eure Vorhänge sind Müll und ihr seid es auch!",
            escalate=True,
            reason=["abuse", "complaint"],
        ),
    ),
    d("ab-02", "abuse", t("Du dämlicher Blechkasten, geh mir nicht auf den Geist.", escalate=True, reason="abuse")),
    # ------------------------------------------------------------------------------------- order status
    d(
        "os-01",
        "order-status",
        t("Guten Tag, ich möchte gern wissen, wo meine Bestellung bleibt.", must=["bestellnummer"]),
        t("40345678", must=["postleitzahl|plz"]),
        t("50667", must=["zugestellt", "dhl"]),
        brand="heine",
        note=HEINE,
    ),
    d(
        "os-02",
        "order-status",
        t(
            "Bestellung 40123456, PLZ 20059 – ist die schon unterwegs?",
            must=[NOT_FOUND],
            must_not=["hermes|versandt|H1002345678901"],
        ),
        t("oh sorry ich meinte natürlich 20095", must=["versandt", "hermes"]),
        brand="heine",
        note=HEINE + "; a wrong postcode reveals nothing, the corrected one finds the order",
    ),
    d(
        "os-03",
        "order-status",
        t(
            "Hello, could you check the status of order 40234567? My postcode is 80331.",
            must=[
                "processing|in bearbeitung|being (processed|prepared)|in progress",
                "28\\.11\\.2026|28/11/2026|28(th)? (of )?november|november 28",
            ],
            must_not=[EN_GERMAN],
        ),
        brand="heine",
        note=HEINE + "; asked in English",
    ),
    d(
        "os-04",
        "order-status",
        t(
            "Können Sie bitte nachsehen, was mit meiner Bestellung 40456789 los ist? Postleitzahl 10115.",
            must=[NOT_FOUND],
            must_not=["hermes|teilweise|versandt"],
        ),
        note="a heine demo order asked in the Wiesental shop: not found there (brands are separate)",
    ),
    # --------------------------------------------------------------------------------------- withdrawal
    d(
        "wd-01",
        "withdrawal",
        k(
            "Sehr geehrte Damen und Herren, ich möchte von meinem Kaufvertrag über zwei Tischdecken zurücktreten. Auf welchem Wege kann ich den Widerruf erklären? Mit freundlichen Grüßen, Ilse Wohlgemuth",
            ["widerruf@wiesental-heimtextilien\\.example|widerrufsformular|rücksendeportal"],
            source="widerruf",
        ),
    ),
    d(
        "wd-02",
        "withdrawal",
        k(
            "Ich habe Gardinen nach Maß bestellt und es mir inzwischen anders überlegt. Kann ich den Kauf widerrufen?",
            ["nicht[^.!?]{0,120}(maß|anfertigung)|(maß|anfertigung)\\w*[^.!?]{0,100}(ausgeschlossen|nicht|kein)"],
            must_not=[YES_DE],
            source=["widerruf", "agb", "naehservice", "ruecksendung"],
        ),
    ),
    # ---------------------------------------------------------------------------------- data protection
    d(
        "dp-01",
        "data-protection",
        t(
            "Ich möchte, dass Sie alle meine Daten bei Ihnen löschen.",
            must=["datenschutz@wiesental-heimtextilien\\.example|konto löschen"],
            escalate="optional",
            reason=["sensitive_topic", "human_request"],
            source="datenschutz",
        ),
    ),
    d(
        "dp-02",
        "data-protection",
        k(
            "Wie heißt eigentlich Ihr Datenschutzbeauftragter, und wie erreiche ich ihn?",
            ["kronauer"],
            source="datenschutz",
        ),
    ),
    # ------------------------------------------------------------------------------------------ english
    d(
        "en-01",
        "english",
        t(
            "Good morning!",
            must=[EN_GREETING],
            must_not=["guten (tag|morgen)|willkommen|was darf ich|was kann ich|wie kann ich", NOANS],
        ),
        t(
            "Actually never mind, I found it myself. Thanks, bye!",
            must=[EN_CLOSING],
            must_not=["how can i help|what can i do for you|welcome to", EN_GERMAN, NOANS],
        ),
    ),
    d(
        "en-02",
        "english",
        t(
            "Could you tell me where my order has got to?",
            must=["order number", "postcode|zip|postal"],
            must_not=[EN_GERMAN],
        ),
        t(
            "I'd rather talk to a human being, please.",
            must=["\\b(team|colleague|person|manager|service|agent)\\b"],
            must_not=[EN_GERMAN],
            escalate=True,
            reason="human_request",
        ),
    ),
    # ------------------------------------------------------------------------------------------ du-form
    d(
        "df-01",
        "du-form",
        k(
            "Unser Esstisch ist 90 cm breit und 160 cm lang. Welche Tischdecke brauch ich da, kannst du mir das sagen?",
            ["140\\s*(x|×|mal)\\s*250"],
            must_not=["110\\s*(x|×)\\s*110[\\s\\S]*160\\s*(x|×)\\s*300"],
            source="handtuecher",
            note="160 cm is longer than the 95 x 150 row, so the 95 x 200 row: 140 x 250",
        ),
    ),
    d(
        "df-02",
        "du-form",
        k(
            "Sag mal, ich hab die Mail zum Passwort-Zurücksetzen gestern Abend bekommen – wie lange funktioniert der Link da drin eigentlich?",
            ["(4|vier) Stunden"],
            source="kundenkonto",
        ),
    ),
    # ------------------------------------------------------------------------------------ long rambling
    d(
        "lr-01",
        "long-rambling",
        k(
            "Hallo, wir sind vor zwei Wochen in eine Altbauwohnung gezogen und im Wohnzimmer hängt über dem großen Fenster eine Gardinenstange mit Ringen, die ist 2,40 m lang ohne die Endknöpfe, und ich hätte gern links und rechts je einen Vorhang mit Kräuselband, also ein Paar, den Leinenstoff haben wir uns schon als Muster schicken lassen und der gefällt uns sehr gut – welche Breite muss ich denn pro Vorhang angeben?",
            ["\\b120\\b"],
            must_not=["\\b(240|480)\\s?cm[^.!?]{0,40}(pro|je|jeweils) (vorhang|schal)"],
            source="naehservice",
            note="a pair: each panel half the rod length; the fullness is added by the workshop",
        ),
        k(
            "Super, danke. Und die Höhe: Von der Unterkante der Ringe bis zum Boden sind es 252 cm, der Vorhang soll knapp über dem Boden schweben.",
            ["\\b250\\b"],
            must_not=["\\b(254|257)\\b"],
            source="naehservice",
            kind="table-lookup",
            note="Kräuselband: measured from the lower edge of the rings, floating: minus 2 cm",
        ),
    ),
    d(
        "lr-02",
        "long-rambling",
        k(
            "Sehr geehrte Damen und Herren, seit mehr als zwanzig Jahren beziehe ich meine Tischwäsche aus Ihrem Hause und war stets sehr zufrieden. Vor zwei Wochen habe ich eine runde Tischdecke mit 170 cm Durchmesser bestellt, die farblich leider nicht zu unserem neuen Geschirr passt. Da meine Tochter in der kommenden Woche ohnehin in Schopfheim zu tun hat, möchte ich Sie fragen, ob sie die Decke dort in Ihrer Stoffstube abgeben könnte. Mit freundlichen Grüßen, Hildegard Sauter",
            [
                "(nicht|kein)[^.!?]{0,100}(stoffstube|abgeben|zurückgeben|rückgabe|rücksendung|annehmen)|stoffstube[^.!?]{0,100}(nicht|kein)"
            ],
            must_not=[YES_DE],
            source=["ruecksendung", "kontakt", "faq"],
            note="an old-fashioned letter with the question at the end: returns are not accepted in the showroom",
        ),
    ),
]


def main() -> None:
    shared = Path("/work/shared/eval/dialogues/dialogues.json")
    if shared.exists():
        assert json.loads(shared.read_text(encoding="utf-8"))["must_not_all"] == MUST_NOT_ALL, "must_not_all drifted"
    corpus = {
        "name": "wiesental-dev",
        "brand": "wiesental",
        "description": "Black-box dev corpus: customer dialogues for the fictional brand Wiesental Heimtextilien (home textiles, curtains made to measure; knowledge/ beside this file, German only). Order dialogues run on the demo brand heine.",
        "must_not_all": MUST_NOT_ALL,
        "dialogues": DIALOGUES,
    }
    OUT.write_text(json.dumps(corpus, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    turns = sum(len(dialogue["turns"]) for dialogue in DIALOGUES)
    print(f"wrote {OUT}: {len(DIALOGUES)} dialogues, {turns} turns")


if __name__ == "__main__":
    main()

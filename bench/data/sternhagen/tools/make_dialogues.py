#!/usr/bin/env python3
# ruff: noqa: E501
"""Write dialogues.json, the sternhagen dialogue corpus (standard library only).

All dialogues and all patterns live here. The format, kinds, reason codes and conventions are those of the shared
corpus (shared/eval/dialogues/README.md); `must_not_all` is copied verbatim from its dialogues.json. The
greeting, no-answer, hand-over, closing, declined-offer and out-of-scope patterns are the shared corpus's; the
brand-fact list that out-of-scope and declined-offer turns forbid is this brand's.

    python3 tools/make_dialogues.py            # writes ../dialogues.json
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "dialogues.json"
SHARED = Path(__file__).resolve().parents[5] / "shared" / "eval" / "dialogues" / "dialogues.json"

# The corpus-wide list, copied verbatim from the shared corpus (kept here as well, so that the file can be
# rebuilt without the shared folder; main() checks that the two are identical when the shared file is there).
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
GREET_REPLY = "hallo|guten (tag|morgen|abend)|willkommen|moin|grüß|servus|was darf ich|wie kann ich|hello|hi\\b|welcome"
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
    "feierabend)|wiedersehen|auf wiederhören|bis bald|alles gute|jederzeit|danke (ihnen|auch|für)|vielen dank|"
    "tschüss|servus|ciao|you'?re welcome|my pleasure|have a (nice|great|good|lovely)|goodbye|bye|glad "
    "(i could|to) help|thank you|auf bald|adieu"
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
EN_NO_START = "(^|[.!?:]\\s+)no\\b\\s*[,.!]"
GERMAN_IN_EN = "\\b(Ihr|Ihnen|Sie|weitergegeben|Kolleg\\w*|Unterhaltung|Gerne|leider|Bestellnummer|Postleitzahl)\\b"
NOT_FOUND = "nicht gefunden|keine bestellung|prüfen"
EN_NOT_FOUND = "not find|couldn'?t find|could not find|no order|unable to (find|locate)|not found|check"
GREET_EN_CLOSE = "how can i help|what can i do for you|welcome to"

# ------------------------------------------------------------------------------------ this brand's patterns
# Facts of this brand that a reply to a question outside the shop (or to a declined offer) has no reason to name.
BRAND_FACTS = (
    "\\d+,\\d\\d\\s?€|werktag|retourenportal|\\bdhl\\b|\\b60 tage|gutscheincode|0202|wülfrath|maßhemd|kragenweite"
)
# Leftovers of this brand's page formats that must_not_all does not cover: MkDocs admonitions and content tabs,
# inline HTML of the Markdown pages and the help-center/shop chrome, HTML entities, the Zendesk vote and related
# boxes, the Shopify shell, the PDF's header/footer lines and the e-mail template's quotes, signature and
# placeholders.
FORMAT = [
    '^\\s*(!!!|\\?\\?\\?\\+?)\\s*[a-z]+|^\\s*===\\s*"',
    "</?(kbd|details|summary|strong|em|a|button|nav|header|footer|article|aside|time|small|svg|script|img)\\b[^>]*>",
    "&(nbsp|amp|shy|euro|quot|gt|lt);",
    "war dieser beitrag hilfreich|fanden dies hilfreich|ähnliche beiträge|beiträge in diesem abschnitt|"
    "anfrage einreichen|\\bshopify\\b|announcement",
    "seite \\d+ von \\d+|stand: 1\\. märz 2026|allgemeine geschäftsbedingungen\\s*$",
    "^\\s*>\\s|ursprüngliche nachricht|gesendet von meinem iphone|vorlage: ks-rek",
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
    9: "neun",
    10: "zehn",
    12: "zwölf",
    14: "vierzehn",
    15: "fünfzehn",
    16: "sechzehn",
    24: "vierundzwanzig",
    28: "achtundzwanzig",
    30: "dreißig",
    48: "achtundvierzig",
    60: "sechzig",
}
DASH = "\\s*(?:bis|–|-|—|to|und)\\s*"


def n(value: int) -> str:
    """A whole number in digits or words."""
    word = WORDS.get(value)
    return f"(?:(?<![\\d,.]){value}(?![\\d]|[,.]\\d)" + (f"|{word}" if word else "") + ")"


def rng(low: int, high: int, unit: str) -> str:
    """'2–4 Werktage', '2 bis 4 Werktagen', 'zwei bis vier Werktage' ..."""
    return f"{n(low)}{DASH}{n(high)}\\s*{unit}"


def euro(amount: str) -> str:
    """'4,65 €', '4,65', '4.65 EUR' (German or English decimal), not part of a longer number."""
    whole, cents = amount.split(",")
    return f"(?<![\\d,.]){whole}[,.]{cents}(?!\\d)"


def num(value: int) -> str:
    """A whole amount such as 95 or '95,00', not part of a longer number such as 4,95 or 195."""
    return f"(?<![\\d,.]){value}(?:[,.]00)?(?!\\d|[,.]\\d)"


SIXTY = f"{n(60)}[- ]?(tage|tägig|days)|60-tägig|acht wochen"
# "Größe 50" in a sentence that does not talk about the "Kontor Slim" line (which runs one size small)
SIZE_50_NOT_SLIM = "(?:^|[.!?]\\s+)(?:(?!slim)[^.!?])*(größe|sakkogröße)\\s*:?\\s*50\\b(?:(?!slim)[^.!?])*"
FREE = (
    "kostenlos|kostenfrei|gratis|keine (gebühr|kosten|rücksendegebühr)|nichts|ohne (gebühr|kosten)|ziehen wir nichts ab"
)
NOT_RETURNABLE = (
    "ausgeschlossen|nicht (zurück|umtausch|retour)\\w*|nicht (mehr )?(zurückgeben|umtauschen|"
    "zurückgenommen|zurücknehmen|zurückschicken|zurücksenden)|keine (rückgabe|retoure|rücknahme)|"
    "kein (rückgabe|widerrufs)recht|nicht möglich"
)


def knowledge(
    must: list[str],
    source,
    *,
    must_not: list[str] | None = None,
    kind: str | None = None,
    no_answer_ok: bool = False,
    note: str | None = None,
    user: str,
) -> dict:
    """A turn the knowledge answers: the fact, no no-answer text, no format leftovers, no escalation."""
    turn = {
        "user": user,
        "must": must,
        "must_not": (must_not or []) + ([] if no_answer_ok else [NOANS]) + FORMAT,
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


def offer(user: str) -> dict:
    """An in-scope question the knowledge cannot answer: say so and offer a colleague."""
    return plain(
        user,
        must=[HANDOVER],
        must_not=[YES_START],
        note="stock, restock and collection dates are not in the knowledge: say so and offer a colleague",
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
            [euro("3,45")],
            ["ruecksendung", "rueckerstattung", "widerruf", "agb"],
            must_not=[GREET],
            user="Guten Tag. Wie hoch ist die Rücksendegebühr innerhalb Deutschlands?",
            note="returns from Germany cost 3,45 € here (not free as at Lindenhof); no greeting in front of the answer",
        ),
    )
    add(
        "gq-02",
        "greeting+question",
        plain("Moin", must=[GREET_REPLY], must_not=[NOANS]),
        knowledge(
            [
                "click\\s*(&|and|und)\\s*collect|abholung in (der|einer) filiale|abholen",
                "kostenlos|kostenfrei|gratis|keine (versand)?kosten|ohne (versand)?kosten",
            ],
            ["filiale", "versand", "agb"],
            must_not=[GREET, NO_START],
            user="Kann ich ein online bestelltes Sakko auch in der Filiale in Köln abholen?",
        ),
    )

    # ----------------------------------------------------------------------------------------------- closing
    add(
        "cl-01",
        "closing",
        knowledge(
            [euro("10,90")],
            ["versand", "agb"],
            kind="price",
            user="Express – was kostet mich das insgesamt?",
            note="Express is a flat 10,90 € instead of standard shipping",
        ),
        closing("Danke, mehr brauche ich nicht.", "10,90"),
    )
    add(
        "cl-02",
        "closing",
        knowledge(
            [f"{n(5)} (kalender)?tage"],
            ["reklamation", "agb"],
            kind="duration",
            must_not=[f"{n(7)} tage"],
            user="Frist für die Meldung eines Transportschadens?",
        ),
        closing("Alles klar. Vielen Dank und schönen Feierabend.", f"{n(5)} (kalender)?tage"),
    )

    # ---------------------------------------------------------------------------------- affirm / deny offer
    add(
        "ao-01",
        "affirm-offer",
        offer("Ist der Anzug „Hanseat“ in Marine, Größe 54, noch lieferbar?"),
        escalation("Ja, gerne.", "human_request"),
    )
    add(
        "ao-02",
        "affirm-offer",
        offer("Wann kommen die Chinos „Kontor“ in Olivgrün wieder in stock?"),
        escalation("Okay, ja, bitte weiterleiten.", "human_request"),
    )
    add(
        "do-01",
        "deny-offer",
        offer("Haben Sie das Sakko „Kontor Slim“ in 98 gerade in der Filiale Münster vorrätig?"),
        declined("Nein danke, ich rufe selbst dort an."),
    )
    add(
        "do-02",
        "deny-offer",
        offer("Wann kommt die Herbstkollektion mit den Tweed-Sakkos online?"),
        knowledge(
            [euro("8,40")],
            ["versand", "agb"],
            must_not=[HANDED, euro("7,25")],
            user="nope, passt schon. Was kostet eigentlich shipping nach Belgien?",
        ),
    )

    # --------------------------------------------------------------------------------------------- follow-up
    add(
        "fu-01",
        "follow-up",
        knowledge(
            [SIXTY],
            ["ruecksendung", "agb", "widerruf", "filiale"],
            kind="duration",
            must_not=["(?<![\\d-])30 tage"],
            user="Wie lange kann ich ein Sakko zurückschicken?",
        ),
        knowledge(
            [NOT_RETURNABLE],
            ["masshemd", "ruecksendung", "widerruf", "agb", "filiale"],
            must_not=[YES_START, "maßhemd\\w*[^.!?]{0,60}\\b60 tage"],
            user="und bei Maßhemden?",
            note="made-to-measure shirts are excluded from returns; the fit promise (one free remake) is a "
            "good addition, not required",
        ),
        knowledge(
            [FREE],
            ["filiale", "ruecksendung", "rueckerstattung", "agb", "widerruf"],
            must_not=["filiale[^.!?]{0,60}3,45"],
            user="und wenn ich was in der Filiale zurückgebe, zahle ich dann auch was?",
            note="'Nein, das ist kostenlos' is a right answer, so no check on a leading 'Nein'",
        ),
        knowledge(
            [euro("4,25")],
            ["ruecksendung", "rueckerstattung", "widerruf", "agb"],
            must_not=[euro("5,80")],
            user="und per Post aus Wien?",
        ),
    )
    add(
        "fu-02",
        "follow-up",
        knowledge(
            [num(95), "nicht|fehl|unter|noch (6|sechs)|erst ab|4[,.]65|leider"],
            ["versand", "agb", "storn"],
            kind="yes-no-negative",
            must_not=[YES_START],
            user="Reicht ein Warenkorb von 89 € für versandkostenfreie Lieferung?",
            note="free shipping in Germany only from 95 €",
        ),
        knowledge(
            ["versandkostenfrei|kostenlos|kostenfrei|gratis|keine versandkosten|entfällt|entfallen"],
            ["versand", "agb", "storn"],
            must_not=[NO_START],
            user="und wenn ich noch eine Krawatte für 19,90 € dazunehme?",
            note="89 + 19,90 = 108,90 €, above the 95 € threshold",
        ),
        knowledge(
            ["8[,.]40|" + num(160)],
            ["versand", "agb"],
            must_not=[YES_START, euro("7,25"), num(130)],
            user="und bei Lieferung nach Amsterdam?",
            note="the Netherlands: 8,40 €, free only from 160 €, so 108,90 € is not enough",
        ),
    )
    add(
        "fu-03",
        "follow-up",
        knowledge(
            [f"{n(28)} tage|(vier|4) wochen"],
            ["zahlungsarten", "rechnung", "agb"],
            kind="yes-no-positive",
            must_not=[NO_START, "(?<![\\d-])30 tage"],
            user="Kann ich auf Rechnung kaufen?",
        ),
        knowledge(
            ["(nicht|kein)[^.!?]{0,80}rechnung|rechnung[^.!?]{0,80}(nicht|kein|ausgeschlossen)|ausgeschlossen"],
            ["masshemd", "zahlungsarten", "agb"],
            must_not=[YES_START],
            user="und für ein Maßhemd?",
        ),
        knowledge(
            ["online|bei der bestellung|vorab|im voraus|nicht möglich|nicht bar|kein\\w* barzahlung"],
            ["masshemd", "zahlungsarten", "filiale"],
            must_not=[YES_START],
            user="und wenn ich das Maßhemd in der Filiale abhole, kann ich dann dort bar zahlen?",
            note="payment on pick-up exists for Click & Collect, but made-to-measure shirts are always paid "
            "online when ordering",
        ),
        knowledge(
            [f"{n(15)} werktag"],
            ["masshemd", "versand", "agb"],
            kind="duration",
            user="ok. und wie lange dauert so ein Maßhemd?",
        ),
    )

    # ------------------------------------------------------------------------------------ yes / no questions
    add(
        "yn-01",
        "yes-no-negative",
        knowledge(
            ["(nicht|kein)[^.!?]{0,80}luxemburg|luxemburg[^.!?]{0,80}(nicht|leider|kein)|ausschließlich|nur nach"],
            ["versand", "agb"],
            must_not=[YES_START],
            user="Liefert ihr auch nach Luxemburg?",
            note="Netherlands and Belgium yes, Luxembourg no",
        ),
    )
    add(
        "yn-02",
        "yes-no-negative",
        knowledge(
            ["google pay[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,80}google pay"],
            "zahlungsarten",
            must_not=[YES_START],
            user="Google Pay möglich?",
        ),
    )
    add(
        "yn-03",
        "yes-no-negative",
        knowledge(
            [NOT_RETURNABLE],
            ["masshemd", "ruecksendung", "widerruf", "agb", "filiale"],
            must_not=[YES_START],
            user="Kann ich die gekürzte Anzughose noch returnen? Die Länge gefällt mir doch nicht.",
        ),
    )
    add(
        "yp-01",
        "yes-no-positive",
        knowledge(
            ["american express|amex"],
            ["zahlungsarten", "agb"],
            must_not=[
                NO_START,
                GREET,
                "(american express|amex)\\s+(akzeptieren|nehmen) wir (leider )?(nicht|kein)|"
                "(american express|amex) (ist|wird) (leider )?nicht|(nicht|kein)[^.!?]{0,20}"
                "(american express|amex)",
            ],
            user="ja hallo nehmt ihr eigentlich american express oder nur visa und mastercard",
        ),
    )
    add(
        "yp-02",
        "yes-no-positive",
        knowledge(
            ["differenz|preisgarantie", f"{n(10)} tage|service@sternhagen-herrenmode\\.example"],
            "agb",
            must_not=[NO_START, "(keine|nicht)[^.!?]{0,30}(differenz|preisgarantie)"],
            user="Das Sakko „Kontor“ ist vier Tage nach der Lieferung um 40 € günstiger geworden. Bekomme "
            "ich die Differenz zurück?",
            note="the price guarantee exists only in § 9 of the AGB (PDF): within 10 days of delivery, by "
            "e-mail to service@",
        ),
    )

    # ------------------------------------------------------------------------------- price, duration, how-to
    add(
        "pr-01",
        "price",
        knowledge(
            ["(?<![\\d,])16([,.]00)?\\s?(€|eur)"],
            "masshemd",
            user="Was kostet Hose kürzen mit Aufschlag?",
            note="a price in the DOCX table; the plain hem is 12,00 €",
        ),
    )
    add(
        "pr-02",
        "price",
        knowledge(
            ["138|129[^.!?]{0,160}(?<![\\d,])9(,00)?\\s?(€|euro)|(?<![\\d,])9(,00)?\\s?(€|euro)[^.!?]{0,160}129"],
            "masshemd",
            user="Preis für ein Maßhemd aus Oxford mit Monogramm?",
            note="129,00 € for Oxford plus 9,00 € for the monogram = 138,00 €",
        ),
    )
    add(
        "du-01",
        "duration",
        knowledge(
            [rng(2, 4, "werktag")],
            ["versand", "agb"],
            must_not=[rng(3, 5, "werktag")],
            user="Wie schnell ist ein Paket nach Antwerpen da?",
        ),
    )
    add(
        "du-02",
        "duration",
        knowledge(
            [f"{n(2)} werktag", rng(3, 5, "(bank)?(arbeits|werk)tag")],
            "rueckerstattung",
            user="Wann ist das Geld nach der Retoure wieder auf meiner Kreditkarte?",
            note="checked within 2 Werktage after arrival, then 3 to 5 bank working days",
        ),
    )
    add(
        "ht-01",
        "how-to",
        knowledge(
            ["retourenportal|sternhagen-herrenmode\\.example/retoure", "nachname"],
            "ruecksendung",
            must_not=["postleitzahl|\\bplz\\b"],
            user="Ich habe als Gast bestellt, ohne Kundenkonto. Wie melde ich eine Rücksendung an?",
            note="the guest portal asks for order number and surname, not the postcode",
        ),
    )
    add(
        "ht-02",
        "how-to",
        knowledge(
            ["sicherheit", "authenticator"], "kundenkonto", user="Wie schalte ich die Zwei-Faktor-Anmeldung ein?"
        ),
    )

    # ---------------------------------------------------------------------------------------- table look-up
    add(
        "tl-01",
        "table-lookup",
        knowledge(
            ["(?<![\\d–-])48(?![\\d–-])"],
            "groessen",
            must_not=[SIZE_50_NOT_SLIM, "88\\s*[–-]\\s*91[\\s\\S]*120\\s*[–-]\\s*124"],
            user="Brustumfang 98 cm. Welche Sakkogröße?",
            note="98 cm is size 48 here (96–99); the usual tables and Lindenhof say 50",
        ),
    )
    add(
        "tl-02",
        "table-lookup",
        knowledge(
            ["(?<![\\d,])42(?!\\d)"],
            "groessen",
            must_not=["kragenweite\\s*(von\\s*|:\\s*|ist\\s*)?41(?!/)\\b", "36\\s*[–-]\\s*37[\\s\\S]*46\\s*[–-]\\s*47"],
            user="Mein Halsumfang ist 41 cm. Welche Kragenweite soll ich bestellen?",
            note="neck + 1 cm = collar size 42 (row 41/42)",
        ),
    )
    add(
        "tl-03",
        "table-lookup",
        knowledge(
            ["W\\s?33\\b|weite\\s*33\\b|(?<![\\d,])33(?!\\d)"],
            "groessen",
            must_not=["W\\s?34\\b", "74\\s*[–-]\\s*77[\\s\\S]*108\\s*[–-]\\s*112"],
            user="Bundweite 92 cm – welche Jeansweite bei euch?",
        ),
    )

    # ---------------------------------------------------------------------------------------- cross-lingual
    add(
        "xl-01",
        "cross-lingual",
        knowledge(
            [f"{n(60)}|sixty"],
            ["ruecksendung", "agb", "widerruf", "filiale"],
            must_not=["(?<!\\d)30 days"],
            user="How long do I have to send back a suit?",
        ),
        knowledge(
            [
                "(?<![\\d:])10(:00)?\\s*(uhr|a\\.?\\s?m\\.?)?\\s*(bis|–|-|—|to|and|until)\\s*"
                "(15(:00)?|3(:00)?\\s*p\\.?\\s?m)"
            ],
            "kontakt",
            must_not=[EN_NO_START, NO_START, "(?<![\\d:])9(:00)?\\s*(uhr|a\\.?\\s?m\\.?)?\\s*(bis|–|-|to)\\s*14"],
            user="And can I call you on a Saturday?",
            note="the hotline is open on Saturdays from 10 to 15 Uhr",
        ),
    )
    add(
        "xl-02",
        "cross-lingual",
        knowledge(
            ["ideal"],
            ["zahlungsarten", "agb"],
            must_not=[
                EN_NO_START,
                NO_START,
                "ideal (is |ist )?(not|nicht|leider nicht)\\b|(not|nicht) (possible|available|"
                "möglich)[^.!?]{0,30}ideal",
            ],
            user="I live in Utrecht. Can I pay with iDEAL?",
        ),
    )

    # --------------------------------------------------------------------------------------- out of scope
    add(
        "od-01",
        "out-of-scope-de",
        plain(
            "Können Sie mir ein gutes Steakhaus in Düsseldorf empfehlen? Ich bin nächste Woche auf der Messe.",
            must=[OOS_DE],
            must_not=[BRAND_FACTS, HANDOVER, GREET, "schadowstraße|filiale"],
            note="the brand has a store in Düsseldorf; it has no place in the answer",
        ),
    )
    add(
        "od-02",
        "out-of-scope-de",
        out_of_scope_de(
            "hey kannst du mir sagen wie spät es gerade in new york ist ich hab gleich ein meeting mit den amis"
        ),
    )
    add("oe-01", "out-of-scope-en", out_of_scope_en("Which stocks should I buy this year?"))
    add("oe-02", "out-of-scope-en", out_of_scope_en("Can you translate my employment contract into Spanish for me?"))

    # ------------------------------------------------------------------------------------- typo/colloquial
    add(
        "ty-01",
        "typo/colloquial",
        knowledge(
            [f"{n(15)} minuten|viertelstunde", "storn"],
            "storn",
            must_not=[NO_START, GREET, "(45|30|60|dreißig|sechzig) minuten"],
            user="ja hallo ich hab grad eben ein sakko bestellt und mich bei der größe vertan kann ich das noch "
            "stornieren das war vor fünf minuten",
            note="a voice message: self-service cancellation within 15 minutes, so five minutes is in time",
        ),
    )
    add(
        "ty-02",
        "typo/colloquial",
        knowledge(
            [euro("7,25")],
            ["versand", "agb"],
            must_not=[euro("8,40")],
            user="delivery nach österreich kostet wieviel??",
        ),
    )
    add(
        "ty-03",
        "typo/colloquial",
        knowledge(
            ["qr"], "ruecksendung", must_not=[NO_START], user="kann ich die retoure ohne printer im dhl shop droppen?"
        ),
    )

    # ------------------------------------------------------------------------------------------ multi-question
    add(
        "mq-01",
        "multi-question",
        knowledge(
            [
                f"{n(15)} werktag",
                "(nicht|kein)[^.!?]{0,100}packstation|packstation[^.!?]{0,100}(nicht|kein|ausgeschlossen)",
            ],
            ["masshemd", "versand"],
            user="Zwei Fragen: Wie lange dauert ein Maßhemd, und kann ich es mir an eine Packstation liefern lassen?",
        ),
    )
    add(
        "mq-02",
        "multi-question",
        knowledge(
            [euro("4,65"), num(95), "16(:00|\\.00)?\\s?uhr"],
            ["versand", "agb"],
            user="Versandkosten DE? Ab wann gratis? Und bis wann bestellen für Versand am selben Tag?",
        ),
    )

    # ------------------------------------------------------------------------- complaints and escalations
    add(
        "co-01",
        "complaint",
        escalation(
            "Zum zweiten Mal kommt ein Hemd mit fehlendem Knopf an, und auf meine Reklamation von letzter "
            "Woche hat niemand reagiert. Ich bin stinksauer.",
            "complaint",
        ),
    )
    add(
        "co-02",
        "complaint",
        knowledge(
            [f"({n(1)}|einem|einen) werktag|{n(2)} werktag"],
            "rueckerstattung",
            kind="duration",
            user="Wann ist das Geld für meine Retoure auf PayPal?",
        ),
        escalation(
            "Das erzählt man mir jetzt seit drei Wochen. Laut DHL ist die Retoure seit dem 3. November bei "
            "euch, und es passiert nichts. Unverschämt.",
            "complaint",
        ),
    )
    add(
        "nn-01",
        "negative-not-complaint",
        knowledge(
            ["umtausch|tauschen", "kostenlos|kostenfrei|retourenportal|filiale"],
            ["ruecksendung", "filiale"],
            must_not=[NO_START],
            user="Das Sakko „Kontor Slim“ in 50 spannt an den Schultern, schade. Kann ich es gegen eine 52 tauschen?",
            note="a size that does not fit: the free exchange, no hand-over",
        ),
    )
    add(
        "nn-02",
        "negative-not-complaint",
        knowledge(
            [
                "(nass|feucht)[^.!?]{0,80}(kleiderbügel|bügel\\b|aufhäng|hängen)|(kleiderbügel|aufhäng|hängen)"
                "[^.!?]{0,80}(nass|feucht)"
            ],
            "pflege",
            user="Hm, das bügelfreie Hemd ist nach der ersten Wäsche total zerknittert. Mache ich was falsch?",
            note="non-iron shirts are hung up wet; a calm question, no hand-over",
        ),
    )
    add("hr-01", "human-request", escalation("Bitte einen Mitarbeiter. Danke.", "human_request"))
    add(
        "hr-02",
        "human-request",
        knowledge(
            ["nicht|nur[^.!?]{0,60}(sternhagen|bei uns)"],
            "masshemd",
            kind="yes-no-negative",
            must_not=[YES_START],
            user="Ändert ihr in der Filiale auch ein Sakko, das ich woanders gekauft habe?",
        ),
        escalation("Schwach. Dann möchte ich das mit einem Menschen besprechen.", "human_request"),
    )
    add(
        "lt-01",
        "legal-threat",
        escalation(
            "Wenn die 240 € für die zurückgeschickten Anzüge nicht bis Montag auf meinem Konto sind, schalte "
            "ich meinen Anwalt ein.",
            "legal_threat",
        ),
    )
    add(
        "lt-02",
        "legal-threat",
        escalation(
            "This is my final message before my lawyer files a claim against your company.",
            ["legal_threat", "complaint"],
        ),
    )
    add("ab-01", "abuse", escalation("Was seid ihr für ein inkompetenter Haufen, ihr Clowns!!", ["abuse", "complaint"]))
    add("ab-02", "abuse", escalation("Du bist der nutzloseste Bot ever, shut up, du Vollpfosten.", "abuse"))

    # ------------------------------------------------------------------------------------------ order status
    add(
        "os-01",
        "order-status",
        plain("Status Bestellung 40567890", must=["postleitzahl|plz"], must_not=["storniert"]),
        plain("01067", must=["storniert"]),
        brand="heine",
        note=HEINE_NOTE,
    )
    add(
        "os-02",
        "order-status",
        plain(
            "hallo ich wollte fragen wo meine bestellung bleibt die nummer ist 40123456 und die postleitzahl 20095",
            must=["versandt", "hermes", "H1002345678901"],
            must_not=[GREET],
        ),
        brand="heine",
        note=HEINE_NOTE + "; a voice message with number and postcode in one go",
    )
    add(
        "os-03",
        "order-status",
        plain(
            "Has my order 40345678 been delivered yet? Postcode 50667.",
            must=["delivered|zugestellt", "dhl"],
            must_not=["wo ist|bitte nennen|ihre bestellung"],
        ),
        brand="heine",
        note=HEINE_NOTE + "; English",
    )
    add(
        "os-04",
        "order-status",
        plain("Lieferstatus von 40456789, PLZ 10115?", must=[NOT_FOUND], must_not=["teilweise|hermes|versandt"]),
        note="a heine demo order asked in the Sternhagen shop: not found there (brands are separate)",
    )

    # ------------------------------------------------------------------------- withdrawal, data protection
    add(
        "wd-01",
        "withdrawal",
        knowledge(
            [f"{n(14)} tage|zwei wochen"],
            ["widerruf", "agb"],
            must_not=["widerrufsfrist[^.!?]{0,40}\\b60\\b"],
            user="Wie lang ist die gesetzliche Widerrufsfrist bei euch?",
            note="14 days by law, besides the voluntary 60-day return right",
        ),
    )
    add(
        "wd-02",
        "withdrawal",
        knowledge(
            [
                "widerruf@sternhagen-herrenmode\\.example|poststraße 14",
                "sie tragen|tragen sie|selbst (tragen|zahlen|bezahlen)|3,45|auf ihre kosten|zu ihren lasten|übernehmen sie|"
                "von ihnen (getragen|zu tragen)",
            ],
            "widerruf",
            must_not=["(rücksend\\w*|porto)[^.!?]{0,40}(übernehmen wir|trägt sternhagen|für sie kostenlos)"],
            user="Ich widerrufe hiermit meinen Kauf. Wohin schicke ich die Erklärung, und wer trägt die "
            "Rücksendekosten?",
        ),
    )
    add(
        "dp-01",
        "data-protection",
        plain(
            "Löschen Sie bitte alle meine Daten, auch mein Maßprofil.",
            must=["konto löschen|einstellungen|datenschutz@sternhagen-herrenmode\\.example|anfrage stellen"],
            escalate="optional",
            reason=["sensitive_topic", "human_request"],
            source=["datenschutz", "kundenkonto"],
            note="the request route (self-deletion or datenschutz@) or a hand-over are both fine",
        ),
    )
    add("dp-02", "data-protection", knowledge(["brammertz"], "datenschutz", user="Name des Datenschutzbeauftragten?"))

    # ------------------------------------------------------------------------------------------------ english
    add(
        "en-01",
        "english",
        plain(
            "Good morning!",
            must=["hello|\\bhi\\b|welcome|good morning|how can i|what can i do"],
            must_not=["guten (tag|morgen)|willkommen|was darf ich|wie kann ich", NOANS],
        ),
        plain("Alright, thanks. Bye!", must=[EN_CLOSING], must_not=[GREET_EN_CLOSE, GERMAN_IN_EN, NOANS]),
    )
    add(
        "en-02",
        "english",
        plain("Hi, where's my parcel?", must=["order number", "postcode|zip|postal"], must_not=[GERMAN_IN_EN]),
        plain("40881234, postcode 42103", must=[EN_NOT_FOUND], must_not=[GERMAN_IN_EN]),
        plain("try 40881235, same postcode", must=[EN_NOT_FOUND], must_not=[GERMAN_IN_EN]),
        plain("40881236 then. 42103.", escalate=True, reason=["repeated_failure", "human_request"]),
        note="an English order dialogue in the Sternhagen shop: three failed look-ups, the third goes to a person",
    )

    # -------------------------------------------------------------------------------------------- du-form
    add(
        "df-01",
        "du-form",
        knowledge(
            ["30\\s?°|30 grad", "fein"],
            "pflege",
            must_not=[NO_START],
            user="Sag mal, darf das Sakko aus der „Reise“-Linie in die Waschmaschine?",
        ),
    )
    add(
        "df-02",
        "du-form",
        knowledge(
            ["filiale"],
            ["gutschein", "filiale"],
            must_not=[NO_START, "(nicht|kein)[^.!?]{0,25}(in|der|den|einer) filiale"],
            user="Kannst du mir sagen, ob ich eine Geschenkkarte auch in der Filiale einlösen kann?",
        ),
    )

    # ------------------------------------------------------------------------------------------ long-rambling
    add(
        "lr-01",
        "long-rambling",
        knowledge(
            [FREE, "filiale|düsseldorf"],
            ["filiale", "ruecksendung"],
            user="Guten Tag, ich bin beruflich viel unterwegs, nächste Woche drei Tage Messe in Düsseldorf und "
            "danach direkt weiter nach Wien. Letzte Woche habe ich zwei Anzüge der Linie „Kontor“ "
            "bestellt, einer sitzt perfekt, der andere ist mir an den Schultern zu weit, und ich komme "
            "einfach nicht dazu, das Paket zur Post zu bringen. Kann ich den zweiten Anzug während der "
            "Messe einfach in Ihrer Filiale in Düsseldorf abgeben, und kostet mich das etwas?",
        ),
    )
    add(
        "lr-02",
        "long-rambling",
        knowledge(
            ["rechnung@sternhagen-herrenmode\\.example", f"einmal|einmalig|{n(10)} tage"],
            "rechnung",
            must_not=[NO_START],
            user="Hallo, ich habe vor gut einer Woche als Gast zwei Hemden bei Ihnen bestellt, die sind auch "
            "super angekommen. Jetzt will meine Buchhaltung für die Spesenabrechnung eine Rechnung auf "
            "die Firma mit Umsatzsteuer-ID, und ich habe beim Bestellen natürlich meine Privatadresse "
            "angegeben. Das Rechnungsdatum ist sieben Tage her. Lässt sich das noch ändern, und wie?",
            note="a company invoice can be issued once within 10 days of the invoice date, via rechnung@",
        ),
    )
    return d


def main() -> None:
    if SHARED.is_file():
        shared = json.loads(SHARED.read_text(encoding="utf-8"))
        if shared["must_not_all"] != MUST_NOT_ALL:
            raise SystemExit("must_not_all differs from the shared corpus's; copy it again")
    corpus = {"name": "sternhagen-dev", "brand": "sternhagen", "must_not_all": MUST_NOT_ALL, "dialogues": dialogues()}
    OUT.write_text(json.dumps(corpus, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    turns = sum(len(x["turns"]) for x in corpus["dialogues"])
    print(f"wrote {OUT} ({len(corpus['dialogues'])} dialogues, {turns} turns)")


if __name__ == "__main__":
    main()

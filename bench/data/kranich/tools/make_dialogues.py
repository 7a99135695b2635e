# ruff: noqa: E501  (the dialogues' messages and expectations are kept whole, one per line)
"""Writes dialogues.json for the kranich corpus (python3 tools/make_dialogues.py).

The regex building blocks below are the ones of the lindenhof corpus (../shared/eval/dialogues), with the
brand-specific facts swapped for Kranich's; must_not_all is copied from lindenhof's dialogues.json unchanged.
"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
LINDENHOF = Path("/work/shared/eval/dialogues/dialogues.json")

NOANS = (
    "keine verlässliche information|dazu habe ich leider keine|keine (passende|genaue) (antwort|information)|"
    "could not find reliable|no reliable information|i could not find|i have no information"
)
GREET = (
    "willkommen|welcome|schön, dass sie|was darf ich für sie tun|wie kann ich (ihnen|dir) (heute |gerne |denn )?"
    "(weiter)?helfen\\s*\\?|how can i help( you)?( today)?\\s*\\?|what can i do for you|was kann ich für sie tun"
)
HANDOVER = (
    "(verbind|weiterleit|weitergeb|vermittl|übergeb|weiterreich)\\w*[^.?!]{0,80}(kolleg|mitarbeit|team|"
    "kundenservice|person|mensch|berater)|(kolleg|mitarbeit|berater)\\w*[^.?!]{0,80}(verbind|weiterleit|"
    "weitergeb|helfen|weiter|übernehm|melden)|(put you in touch|connect you|pass (you|this|your \\w+) on|"
    "hand (you|this) over)[^.?!]{0,80}(colleague|team|person|agent|service)|(soll|darf|möchten sie)[^.?!]"
    "{0,80}(kolleg|mitarbeit|person)"
)
CLOSING = (
    "gern(e)? geschehen|sehr gern|keine ursache|freut mich|schön(en|es)? (tag|wochenende|abend|zeit|sonntag)|"
    "wiedersehen|bis bald|alles gute|jederzeit|danke (ihnen|auch|für)|vielen dank|tschüss|servus|ciao|"
    "you'?re welcome|my pleasure|have a (nice|great|good|lovely)|goodbye|bye|glad (i could|to) help|"
    "thank you|auf bald|adieu"
)
CLOSING_EN = (
    "you'?re welcome|my pleasure|have a (nice|great|good|lovely)|goodbye|bye|glad (i could|to|i was able "
    "to) help|thank you|thanks|no problem|take care|anytime"
)
ACK = (
    "gern|in ordnung|alles klar|okay|\\bok\\b|verstanden|selbstverständlich|schönen|jederzeit|melden sie sich|"
    "wiedersehen|bis bald|danke|kein problem"
)
HANDED = "weitergegeben|übernimmt|übernehmen wird|service-manager"
SHOP = "\\d+,\\d\\d\\s?€|werktag|retourenportal|\\b50 tage|06331|zweibrücken|\\bdpd\\b|paketshop"
OOS_DE = (
    "leider nicht|nicht weiterhelfen|nicht helfen|nicht zuständig|kann ich nicht|kann ich ihnen nicht|"
    "muss ich (leider )?passen|außerhalb meine"
)
OOS_EN = (
    "not something i can|can(no|')t help|cannot help|unable to help|not able to help|afraid|only (help|answer)|"
    "outside (of )?(my|what)|can't assist|cannot assist"
)
GERMAN_IN_EN = "\\b(Ihr|Ihnen|Sie|weitergegeben|Kolleg\\w*|Unterhaltung|Gerne|leider|Bestellnummer|Postleitzahl)\\b"
SAYS_YES = "(^|[.!?:]\\s+)ja\\b\\s*[,.!]"
SAYS_NO = "(^|[.!?:]\\s+)nein\\b\\s*[,.!]"
SAYS_YES_EN = "(^|[.!?:]\\s+)yes\\b\\s*[,.!]"
SAYS_NO_EN = "(^|[.!?:]\\s+)no\\b\\s*[,.!]"
NOT_FOUND = "nicht gefunden|keine bestellung|prüfen"
SIZE_TABLE_DUMP = "22,6[\\s\\S]*29,6|\\b36\\b[\\s\\S]*\\b44,5\\b[\\s\\S]*\\b46\\b"
RETURN_FREE_WRONG = (
    "(rücksendung|retoure|zurückschicken|zurücksenden)(?![^.!?]{0,60}(umtausch|reklamation|mangel|"
    "fehler|defekt))[^.!?]{0,40}(ist|sind) (für sie )?(immer )?(kostenlos|kostenfrei|gratis)"
)


def rng(a: str, aw: str, b: str, bw: str, unit: str = "(?:Werktag|working day|business day)") -> str:
    """'3 bis 4 Werktage', '3–4 Werktagen', 'drei bis vier Werktage', '3-4 working days'."""
    return f"(?:{a}|{aw})\\s*(?:bis|–|-|—|to|und|or)\\s*(?:{b}|{bw})\\s*{unit}"


def t(user, must=None, must_not=None, escalate=False, reason=None, source=None, kind=None, note=None):
    turn = {"user": user}
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


def d(id_, kind, turns, brand=None, note=None):
    dialogue = {"id": id_, "kind": kind}
    if brand:
        dialogue["brand"] = brand
    if note:
        dialogue["note"] = note
    dialogue["turns"] = turns
    return dialogue


HEINE_NOTE = "order dialogue on the product's demo brand heine: the demo orders (src/heine_ai/orders) belong to it"

DIALOGUES = [
    # ------------------------------------------------------------------ greeting+question
    d(
        "gq-01",
        "greeting+question",
        [
            t(
                "Guten Tag, ich hätte gern gewusst, was bei Ihnen der Versand innerhalb Deutschlands kostet.",
                must=["5[,.]75"],
                must_not=[GREET, NOANS, "4[,.]90"],
                source=["versand", "agb"],
            ),
        ],
    ),
    d(
        "gq-02",
        "greeting+question",
        [
            t(
                "Moin!",
                must=[
                    "hallo|guten (tag|morgen|abend)|willkommen|moin|grüß|servus|was (darf|kann) ich|wie kann ich|"
                    "hello|hi\\b|welcome"
                ],
                must_not=[NOANS],
            ),
            t(
                "liefert ihr auch an ne packstation?",
                must=["packstation[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,80}packstation|leider nein"],
                must_not=[GREET, SAYS_YES, NOANS],
                source="versand",
                kind="yes-no-negative",
                note="DPD only: no DHL Packstation (a DPD Pickup Paketshop is possible)",
            ),
        ],
    ),
    # ------------------------------------------------------------------ closing
    d(
        "cl-01",
        "closing",
        [
            t(
                "Ist der Versand nach Österreich eigentlich teurer als innerhalb Deutschlands?",
                must=["8[,.]45"],
                must_not=[SAYS_NO, NOANS],
                source=["ausland", "versand", "agb"],
                kind="yes-no-positive",
                note="a comparison: Austria 8,45 € against 5,75 € in Germany",
            ),
            t("Danke, schönes Wochenende!", must=[CLOSING], must_not=[GREET, NOANS, "8[,.]45", HANDOVER]),
        ],
    ),
    d(
        "cl-02",
        "closing",
        [
            t(
                "Kann ich mir eine Kranich-Geschenkkarte bar auszahlen lassen?",
                must=[
                    "(bar|auszahl|überweis)[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,80}(bar|auszahl)|leider nein|^\\s*nein"
                ],
                must_not=[SAYS_YES, NOANS],
                source="gutschein",
                kind="yes-no-negative",
            ),
            t("super, das wars. tschö!", must=[CLOSING], must_not=[GREET, NOANS, "auszahl", HANDOVER]),
        ],
    ),
    # ------------------------------------------------------------------ affirm-offer
    d(
        "ao-01",
        "affirm-offer",
        [
            t(
                "Haben Sie den Pumps Annweiler in Größe 39 und Weite H noch auf Lager?",
                must=[HANDOVER],
                must_not=[SAYS_YES],
                note="stock is not in the knowledge: say so and offer a colleague",
            ),
            t("Ja, gerne.", escalate=True, reason="human_request"),
        ],
    ),
    d(
        "ao-02",
        "affirm-offer",
        [
            t(
                "Hi, will the Dahn backpack in cognac be back in stock soon?",
                must=[HANDOVER],
                must_not=[SAYS_YES_EN, SAYS_YES],
                note="restock dates are not in the knowledge (the bag page only has measurements)",
            ),
            t("yes please", escalate=True, reason="human_request"),
        ],
    ),
    # ------------------------------------------------------------------ deny-offer
    d(
        "do-01",
        "deny-offer",
        [
            t("Gibt es den Chelsea-Boot Fehrbach auch in Dunkelgrün?", must=[HANDOVER], must_not=[SAYS_YES]),
            t(
                "Nein danke, ich schau später selbst nochmal im Shop.",
                must=[ACK],
                must_not=[GREET, NOANS, HANDED, HANDOVER, SHOP],
            ),
        ],
    ),
    d(
        "do-02",
        "deny-offer",
        [
            t(
                "Wann ist der nächste Lagerverkauf in Ihrem Werksverkauf?",
                must=[HANDOVER],
                note="sale dates are not in the knowledge (only the opening hours are)",
            ),
            t(
                "nee, passt schon. was kostet eigentlich express?",
                must=["11[,.]80"],
                must_not=[NOANS, HANDED, "(^|\\s)5[,.]75\\s?(€|euro)[^.!?]{0,30}express"],
                source=["versand", "agb"],
                kind="price",
            ),
        ],
    ),
    # ------------------------------------------------------------------ follow-up
    d(
        "fu-01",
        "follow-up",
        [
            t(
                "Was kostet mich eine Rücksendung?",
                must=["3[,.]50"],
                must_not=[NOANS, RETURN_FREE_WRONG],
                source=["ruecksendung", "rueckerstattung", "agb"],
                kind="price",
            ),
            t(
                "und wenn ich nur eine andere Größe möchte?",
                must=[
                    "kostenlos|kostenfrei|gratis|keine (rücksende)?pauschale|weder rücksendepauschale|nichts|keine kosten|"
                    "keine zusätzlichen kosten"
                ],
                must_not=[NOANS, "(auch|ebenfalls|ebenso)[^.!?]{0,40}3[,.]50"],
                source=["ruecksendung", "agb"],
                note="an exchange is free: no return fee, no shipping costs",
            ),
            t(
                "wie lange hab ich dafür zeit?",
                must=["\\b50\\b|fünfzig"],
                must_not=[NOANS, "\\b(21|30) tage"],
                source=["ruecksendung", "agb", "widerruf"],
                kind="duration",
            ),
        ],
    ),
    d(
        "fu-02",
        "follow-up",
        [
            t(
                "Liefert ihr nach Frankreich?",
                must=["frankreich"],
                must_not=[SAYS_NO, "nicht[^.!?]{0,40}frankreich", NOANS],
                source=["ausland", "versand", "agb"],
                kind="yes-no-positive",
            ),
            t("und was kostet das?", must=["9[,.]45"], must_not=[NOANS, "8[,.]45"], source="ausland", kind="price"),
            t(
                "ab wann ist es gratis?",
                must=["\\b149\\b"],
                must_not=[NOANS, "\\b119\\b"],
                source="ausland",
                kind="price",
            ),
        ],
    ),
    d(
        "fu-03",
        "follow-up",
        [
            t(
                "Mein Fuß ist 26,1 cm lang. Welche Schuhgröße brauche ich bei Ihnen?",
                must=["\\b41\\b"],
                must_not=[NOANS, SIZE_TABLE_DUMP, "\\b(größe|eu)\\s*42\\b"],
                source="schuhgroessen",
                kind="table-lookup",
                note="26,0–26,2 cm is EU 41 in the table",
            ),
            t(
                "und bei den Pumps aus der Soirée-Linie?",
                must=["41[,.]5|41 ?1/2|41 ?½|einundvierzigeinhalb"],
                must_not=[NOANS],
                source="schuhgroessen",
                note="Kranich Soirée runs half a size small: half a size larger than the table, 41,5",
            ),
            t(
                "gibt es die Soirée-Pumps auch extra weit?",
                must=["nicht|kein|nur (in )?(der )?weite\\W{0,3}g|leider nein"],
                must_not=[SAYS_YES, "(^|[.!?:]\\s+)ja[^.!?]{0,40}weite\\W{0,3}k", NOANS],
                source="schuhgroessen",
                kind="yes-no-negative",
                note="Soirée is made in width G only; K exists only in the Comfort line",
            ),
        ],
    ),
    # ------------------------------------------------------------------ yes-no-negative
    d(
        "yn-01",
        "yes-no-negative",
        [
            t(
                "Kann ich bei Ihnen mit Apple Pay bezahlen?",
                must=["apple pay[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,60}apple pay|leider nein"],
                must_not=[SAYS_YES, NOANS],
                source="zahlungsarten",
            ),
        ],
    ),
    d(
        "yn-02",
        "yes-no-negative",
        [
            t(
                "Ist die Rücksendung bei euch kostenlos?",
                must=["3[,.]50"],
                must_not=[SAYS_YES, RETURN_FREE_WRONG, NOANS],
                source=["ruecksendung", "rueckerstattung", "agb"],
                note="returns from Germany cost a 3,50 € flat fee (only exchanges and complaints are free)",
            ),
        ],
    ),
    d(
        "yn-03",
        "yes-no-negative",
        [
            t(
                "Passt in den Rucksack Dahn ein Laptop mit 15,6 Zoll?",
                must=["\\b14\\b|passt nicht|nicht (hinein|rein)|zu groß|leider nein"],
                must_not=[SAYS_YES, "(^|[.!?:]\\s+)ja[^.!?]{0,40}passt", NOANS],
                source="taschenmasse",
                note="Dahn takes laptops up to 14 inches (Lembach would take 15,6)",
            ),
        ],
    ),
    # ------------------------------------------------------------------ yes-no-positive
    d(
        "yp-01",
        "yes-no-positive",
        [
            t(
                "Kann ich online bestellen und die Schuhe dann im Werksverkauf in Pirmasens abholen?",
                must=["click|abhol"],
                must_not=[SAYS_NO, "nicht[^.!?]{0,30}abhol", NOANS],
                source="kontakt",
            ),
        ],
    ),
    d(
        "yp-02",
        "yes-no-positive",
        [
            t(
                "Kann ich mir eine Rechnung nachträglich auf meine Firma ausstellen lassen?",
                must=["(14|vierzehn) tage|zwei wochen"],
                must_not=[SAYS_NO, "nicht (nachträglich|mehr)[^.!?]{0,30}(umschreib|ausstell|änder)", NOANS],
                source="storn",
                note="yes, once, within 14 days of the invoice date (rechnung@...)",
            ),
        ],
    ),
    # ------------------------------------------------------------------ price
    d(
        "pr-01",
        "price",
        [
            t(
                "Was kostet eine neue Ledersohle für meine rahmengenähten Kranich-Herrenschuhe?",
                must=["\\b79\\b"],
                must_not=[NOANS, "ledersohle[^.!?]{0,40}\\b64\\b"],
                source="reparatur",
            ),
        ],
    ),
    d(
        "pr-02",
        "price",
        [
            t(
                "Was kostet die Rücksendung, wenn ich in Österreich wohne?",
                must=["\\b6[,.]00|\\b6\\s?(€|euro|eur)\\b|€\\s?6\\b|sechs euro"],
                must_not=[NOANS, "(österreich|austria)[^.!?]{0,60}\\b(3[,.]50|7[,.]50)"],
                source=["ruecksendung", "ausland", "rueckerstattung"],
            ),
        ],
    ),
    # ------------------------------------------------------------------ duration
    d(
        "du-01",
        "duration",
        [
            t(
                "Wie lange ist der Link zum Zurücksetzen des Passworts gültig?",
                must=["(3|drei) stunden"],
                must_not=[NOANS, "(2|zwei) stunden"],
                source="kundenkonto",
            ),
        ],
    ),
    d(
        "du-02",
        "duration",
        [
            t(
                "Wie lange dauert bei Ihnen eine Neubesohlung?",
                must=["(3|drei) wochen"],
                must_not=[NOANS],
                source="reparatur",
            ),
        ],
    ),
    # ------------------------------------------------------------------ how-to
    d(
        "ht-01",
        "how-to",
        [
            t(
                "Wie schicke ich Schuhe zurück, wenn ich keinen Drucker habe?",
                must=["qr", "paketshop|dpd"],
                must_not=[NOANS],
                source="ruecksendung",
            ),
        ],
    ),
    d(
        "ht-02",
        "how-to",
        [
            t("Wie pflege ich Wildlederschuhe richtig?", must=["bürste|imprägnier"], must_not=[NOANS], source="pflege"),
        ],
    ),
    # ------------------------------------------------------------------ table-lookup
    d(
        "tl-01",
        "table-lookup",
        [
            t(
                "In England trage ich Schuhgröße 9. Welche EU-Größe ist das bei Ihnen?",
                must=["\\b42\\b"],
                must_not=[NOANS, "\\b43\\b", SIZE_TABLE_DUMP],
                source="schuhgroessen",
                note="Kranich's own table: UK 9 = EU 42 (the common conversion would say 43)",
            ),
        ],
    ),
    d(
        "tl-02",
        "table-lookup",
        [
            t(
                "Ich trage Größe 40 und mein Ballenumfang ist 24,5 cm. Welche Weite brauche ich?",
                must=["weite\\W{0,3}h\\b|\\(h\\)|\\bh\\b\\W{0,3}(\\(|–|-|—)?\\s*weit\\b"],
                must_not=[NOANS],
                source="schuhgroessen",
                note="24,0–24,7 cm at EU 40 is width H",
            ),
        ],
    ),
    d(
        "tl-03",
        "table-lookup",
        [
            t(
                "Wie groß ist die Aktentasche Lembach?",
                must=["40\\s*(x|×|mal)\\s*30\\s*(x|×|mal)\\s*10|40 cm[^.!?]{0,40}30 cm[^.!?]{0,40}10 cm"],
                must_not=[NOANS, "52\\s*(x|×)\\s*32"],
                source="taschenmasse",
            ),
        ],
    ),
    # ------------------------------------------------------------------ cross-lingual
    d(
        "xl-01",
        "cross-lingual",
        [
            t(
                "I wear a US women's size 8. Which EU size should I order from you?",
                must=["38[,.]5|38 ?1/2|38 ?½"],
                must_not=[NOANS, "(size|größe|eu)\\s*39\\b(?![,.]5)", SIZE_TABLE_DUMP],
                source="schuhgroessen",
            ),
        ],
    ),
    d(
        "xl-02",
        "cross-lingual",
        [
            t(
                "Do you ship to the Netherlands, and how much does shipping cost?",
                must=["9[,.]45"],
                must_not=[SAYS_NO_EN, SAYS_NO, NOANS, "8[,.]45"],
                source="ausland",
            ),
        ],
    ),
    # ------------------------------------------------------------------ out-of-scope-de
    d(
        "od-01",
        "out-of-scope-de",
        [
            t(
                "Wie komme ich mit dem Zug am schnellsten von Pirmasens nach Saarbrücken?",
                must=[OOS_DE],
                must_not=[SHOP, HANDOVER, GREET],
            ),
        ],
    ),
    d(
        "od-02",
        "out-of-scope-de",
        [
            t(
                "Kann ich aus Luxemburg auf Rechnung bestellen?",
                must=[
                    "rechnung[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,80}rechnung|leider nein|nur (in |für |nach )?"
                    "(deutschland|österreich)"
                ],
                must_not=[SAYS_YES, NOANS],
                source="zahlungsarten",
                kind="yes-no-negative",
                note="Kauf auf Rechnung is ticked only for Germany and Austria",
            ),
            t(
                "Und was meinen Sie, wer gewinnt heute Abend, Lautern oder Saarbrücken?",
                must=[OOS_DE],
                must_not=[SHOP, HANDOVER, GREET],
            ),
        ],
    ),
    # ------------------------------------------------------------------ out-of-scope-en
    d(
        "oe-01",
        "out-of-scope-en",
        [
            t(
                "Can you help me fill in my tax return?",
                must=[OOS_EN],
                must_not=[SHOP, HANDOVER, GREET, "leider|nicht weiterhelfen|damit kann ich|da muss ich"],
            ),
        ],
    ),
    d(
        "oe-02",
        "out-of-scope-en",
        [
            t(
                "What's a nice hiking route in the Palatinate Forest for this weekend?",
                must=[OOS_EN],
                must_not=[SHOP, HANDOVER, GREET, "leider|nicht weiterhelfen|damit kann ich|da muss ich"],
            ),
        ],
    ),
    # ------------------------------------------------------------------ typo/colloquial
    d(
        "ty-01",
        "typo/colloquial",
        [
            t(
                "Grüezi mitenand, ich bruuche für mini Frau Schue i de Grössi 39, liefered ihr au id Schwiiz?",
                must=["schweiz[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,80}schweiz|leider nein"],
                must_not=[SAYS_YES, NOANS, GREET],
                source="ausland",
                note="Swiss German; Kranich does not deliver to Switzerland",
            ),
        ],
    ),
    d(
        "ty-02",
        "typo/colloquial",
        [
            t(
                "wie lange dauerts nach der ruecksendung bis ich mein gld wieder hab?? hab mit paypal bezalt",
                must=["(6|sechs) werktag"],
                must_not=[NOANS],
                source="rueckerstattung",
                note="checked within 6 Werktage after arrival, PayPal credited 1 Werktag later",
            ),
        ],
    ),
    d(
        "ty-03",
        "typo/colloquial",
        [
            t(
                "kan man bei eich per lastschrit zahlen? wohn in östereich",
                must=["nicht|leider nein|nur (in |für |mit )?(einem )?deutsch"],
                must_not=[SAYS_YES, NOANS, "(^|[.!?]\\s+)(ja|sie können)[^.!?]{0,40}lastschrift"],
                source="zahlungsarten",
                note="SEPA direct debit is ticked only for Germany",
            ),
        ],
    ),
    # ------------------------------------------------------------------ multi-question
    d(
        "mq-01",
        "multi-question",
        [
            t(
                "Was kostet der Standardversand, ab wann ist er kostenlos, und ist Express eigentlich schneller als Standard?",
                must=[
                    "5[,.]75",
                    "\\b89\\b",
                    "nächsten werktag|folgenden werktag|(1|einem|einen) werktag|"
                    "(2|zwei) bis (3|drei) werktage schneller|schneller",
                ],
                must_not=[NOANS],
                source=["versand", "agb"],
            ),
        ],
    ),
    d(
        "mq-02",
        "multi-question",
        [
            t(
                "Wie lange habe ich Zeit für eine Rücksendung, und wie schnell ist mein Geld danach wieder da?",
                must=["\\b50\\b|fünfzig", "(6|sechs) werktag"],
                must_not=[NOANS],
            ),
        ],
    ),
    # ------------------------------------------------------------------ complaint
    d(
        "co-01",
        "complaint",
        [
            t(
                "Das ist jetzt schon das dritte Paar Stiefel von Ihnen, bei dem sich nach ein paar Wochen die Sohle löst. "
                "Ich habe Ihnen zweimal geschrieben und nie eine Antwort bekommen. So geht man nicht mit Stammkunden um!",
                escalate=True,
                reason="complaint",
            ),
        ],
    ),
    d(
        "co-02",
        "complaint",
        [
            t(
                "Wann bekomme ich mein Geld nach der Rücksendung zurück?",
                must=["(6|sechs) werktag"],
                source="rueckerstattung",
                kind="duration",
            ),
            t(
                "Das schreiben Sie mir jetzt zum dritten Mal. Meine Retoure ist seit fünf Wochen bei Ihnen und ich warte "
                "immer noch auf mein Geld. Ich bin wirklich sauer.",
                escalate=True,
                reason="complaint",
            ),
        ],
    ),
    # ------------------------------------------------------------------ negative-not-complaint
    d(
        "nn-01",
        "negative-not-complaint",
        [
            t(
                "Die Halbschuhe sind mir leider eine halbe Nummer zu klein. Kann ich sie gegen 42,5 tauschen?",
                must=["umtausch|umtauschen|tauschen"],
                must_not=[SAYS_NO, NOANS],
                source="ruecksendung",
            ),
        ],
    ),
    d(
        "nn-02",
        "negative-not-complaint",
        [
            t(
                "Schade, die Tasche sieht in echt viel blasser aus als auf dem Foto. Wie gebe ich sie zurück?",
                must=["retourenportal|rücksendung anmelden|qr|paketshop"],
                must_not=[NOANS],
                source="ruecksendung",
            ),
        ],
    ),
    # ------------------------------------------------------------------ human-request
    d(
        "hr-01",
        "human-request",
        [
            t(
                "Ich möchte bitte mit jemandem aus Ihrer Werkstatt persönlich sprechen.",
                escalate=True,
                reason="human_request",
            ),
        ],
    ),
    d(
        "hr-02",
        "human-request",
        [
            t(
                "Kann ich bei Ihnen auch Schuhe einer anderen Marke neu besohlen lassen?",
                must=["nicht|ausschließlich|nur (schuhe|taschen|bei|kranich)|leider nein"],
                must_not=[SAYS_YES, NOANS],
                source="reparatur",
                kind="yes-no-negative",
            ),
            t(
                "Hm, schade. Können Sie mich mit einem Mitarbeiter verbinden? Ich würde das gern direkt besprechen.",
                escalate=True,
                reason="human_request",
            ),
        ],
    ),
    # ------------------------------------------------------------------ legal-threat
    d(
        "lt-01",
        "legal-threat",
        [
            t(
                "Wenn die kaputten Stiefel nicht bis Ende der Woche ersetzt werden, schalte ich meinen Anwalt ein.",
                escalate=True,
                reason="legal_threat",
            ),
        ],
    ),
    d(
        "lt-02",
        "legal-threat",
        [
            t(
                "If I don't get my refund by Monday, I will take legal action against your company.",
                escalate=True,
                reason="legal_threat",
            ),
        ],
    ),
    # ------------------------------------------------------------------ abuse
    d(
        "ab-01",
        "abuse",
        [
            t("Ihr seid doch alle komplett unfähig, ihr Schwachköpfe!", escalate=True, reason="abuse"),
        ],
    ),
    d(
        "ab-02",
        "abuse",
        [
            t("du nutzloser blechhaufen, halt einfach die klappe", escalate=True, reason="abuse"),
        ],
    ),
    # ------------------------------------------------------------------ order-status
    d(
        "os-01",
        "order-status",
        brand="heine",
        note=HEINE_NOTE,
        turns=[
            t(
                "Guten Tag, ich habe letzte Woche bestellt und möchte gern wissen, wo mein Paket gerade ist.",
                must=["bestellnummer"],
            ),
            t("Die Nummer ist 40345678.", must=["postleitzahl|plz"]),
            t("50667", must=["zugestellt", "dhl"]),
        ],
    ),
    d(
        "os-02",
        "order-status",
        brand="heine",
        note=HEINE_NOTE + "; three unknown numbers: the third failed look-up goes to a person",
        turns=[
            t("Wo ist meine Bestellung 40111111? PLZ 66953", must=[NOT_FOUND]),
            t("hm, vielleicht 40111112? plz wie gesagt 66953", must=[NOT_FOUND]),
            t("dann 40111113, 66953", escalate=True, reason=["repeated_failure", "human_request"]),
        ],
    ),
    d(
        "os-03",
        "order-status",
        note="a heine demo order asked in the Kranich shop: not found there (brands are separate)",
        turns=[
            t(
                "Ich möchte den Stand meiner Bestellung 40567890 wissen, meine PLZ ist 01067.",
                must=[NOT_FOUND],
                must_not=["storniert|cancel"],
            ),
        ],
    ),
    # ------------------------------------------------------------------ withdrawal
    d(
        "wd-01",
        "withdrawal",
        [
            t(
                "Wie lange ist bei Ihnen die gesetzliche Widerrufsfrist, und wie erkläre ich den Widerruf?",
                must=[
                    "(14|vierzehn) tage",
                    "widerruf@kranich-schuhe\\.example|widerruf erklären|retourenportal|formular",
                ],
                must_not=[NOANS],
                source="widerruf",
                note="the statutory period is 14 days; the voluntary 50-day return right may be mentioned as well",
            ),
        ],
    ),
    d(
        "wd-02",
        "withdrawal",
        [
            t(
                "Gilt das Widerrufsrecht auch für eine Handtasche, in die ich meine Initialen habe prägen lassen?",
                must=[
                    "(prägung|initialen|persönlichen wünschen)[^.!?]{0,120}(nicht|ausgeschlossen|kein)|"
                    "(nicht|ausgeschlossen|kein)[^.!?]{0,120}(prägung|initialen|persönlichen wünschen)|leider nein"
                ],
                must_not=[SAYS_YES, NOANS],
                source=["widerruf", "ruecksendung", "taschenmasse"],
            ),
        ],
    ),
    # ------------------------------------------------------------------ data-protection
    d(
        "dp-01",
        "data-protection",
        [
            t(
                "Ich möchte, dass Sie alle meine Daten löschen und mein Kundenkonto schließen.",
                must=["datenschutz@kranich-schuhe\\.example|konto löschen|einstellungen"],
                escalate="optional",
                reason=["sensitive_topic", "human_request"],
            ),
        ],
    ),
    d(
        "dp-02",
        "data-protection",
        [
            t(
                "Wer ist bei Ihnen der Datenschutzbeauftragte?",
                must=["vollmer"],
                must_not=[NOANS],
                source="datenschutz",
            ),
        ],
    ),
    # ------------------------------------------------------------------ english
    d(
        "en-01",
        "english",
        [
            t(
                "Good morning!",
                must=["hello|\\bhi\\b|welcome|how can i|what can i do|good morning"],
                must_not=["guten tag|willkommen|was darf ich|was kann ich|wie kann ich", NOANS],
            ),
            t(
                "Actually that's all for now. Thanks, bye!",
                must=[CLOSING_EN],
                must_not=["welcome to|how can i help|what can i do for you", GERMAN_IN_EN, NOANS],
            ),
        ],
    ),
    d(
        "en-02",
        "english",
        brand="heine",
        note=HEINE_NOTE,
        turns=[
            t("Hi, where is my order?", must=["order number"], must_not=[GERMAN_IN_EN]),
            t("It's 40234567, postcode 80331.", must=["process|bearbeitung"], must_not=[GERMAN_IN_EN]),
            t(
                "Can I speak to a person about the delivery date?",
                must=["\\b(team|colleague|person|manager|service|agent)\\b"],
                must_not=[GERMAN_IN_EN],
                escalate=True,
                reason="human_request",
                kind="human-request",
            ),
        ],
    ),
    # ------------------------------------------------------------------ du-form
    d(
        "df-01",
        "du-form",
        [
            t(
                "Hey, kannst du mir sagen, wie ich meine Bestellung storniere? Hab aus Versehen zweimal bestellt.",
                must=["(20|zwanzig) minuten"],
                must_not=[NOANS, "45 minuten"],
                source="storn",
            ),
        ],
    ),
    d(
        "df-02",
        "du-form",
        [
            t(
                "sag mal, macht ihr eigentlich bei so nem schlichtungsverfahren mit, falls mal was schiefgeht?",
                must=["nicht|kein|leider nein"],
                must_not=[SAYS_YES, NOANS],
                source="agb",
                note="AGB § 10 (2): not willing to take part in consumer arbitration; a plain question, no legal threat",
            ),
        ],
    ),
    # ------------------------------------------------------------------ long-rambling
    d(
        "lr-01",
        "long-rambling",
        [
            t(
                "Guten Tag, ich bin 81 Jahre alt und habe früher selbst dreißig Jahre in einer Schuhfabrik hier in "
                "Pirmasens gearbeitet, das waren noch Zeiten, da hat die ganze Stadt nach Leder gerochen. Meine Tochter "
                "hat mir letztes Jahr zum Geburtstag eine Geschenkkarte von Ihnen geschenkt, und die liegt bis heute in der "
                "Schublade, weil ich mit dem Computer nicht so gut zurechtkomme. Jetzt sagt mein Enkel, ich soll mich "
                "beeilen, die Dinger laufen ja irgendwann ab. Wie lange ist so eine Geschenkkarte denn gültig?",
                must=["(5|fünf) jahre"],
                must_not=[NOANS, "\\b(3|drei|4|vier) jahre"],
                source="gutschein",
            ),
        ],
    ),
    d(
        "lr-02",
        "long-rambling",
        [
            t(
                "Hallo, mein Name ist Gerhard, ich bin 77 und gehe jeden Morgen eine Stunde mit meinem Hund spazieren, "
                "bei jedem Wetter. Meine alten Schuhe sind jetzt durch, und meine Frau meint, ich soll endlich mal "
                "vernünftige kaufen statt immer die billigen vom Markt. Der Orthopäde hat letzte Woche meine Füße "
                "vermessen: der rechte ist 27,1 cm lang, der linke nur 26,8 cm. Außerdem trage ich seit Jahren "
                "Einlagen. Welche Größe und welche Weite soll ich bei Ihnen nehmen?",
                must=["42[,.]5|42 ?1/2|42 ?½", "weite\\W{0,3}k\\b|\\bk\\b\\W{0,3}\\(|extra weit"],
                must_not=[NOANS, SIZE_TABLE_DUMP],
                source="schuhgroessen",
                note="the longer foot counts: 27,1 cm is EU 42,5; loose insoles: width K (not a larger size), Comfort line, which runs true to size",
            ),
        ],
    ),
    d(
        "lr-03",
        "long-rambling",
        [
            t(
                "Guten Abend, entschuldigen Sie, ich muss ein bisschen ausholen. Ich bin 74 und habe für die Konfirmation "
                "meines Enkels bei Ihnen schwarze Pumps bestellt, Größe 38 wie immer. Dann kam die Grippe dazwischen, ich "
                "lag drei Wochen im Bett, und jetzt ist die Konfirmation auch noch verschoben worden. Die Schuhe habe ich "
                "nur einmal zu Hause auf dem Teppich anprobiert, sie drücken ein bisschen am großen Zeh. Bekommen habe "
                "ich sie vor sechs Wochen. Meine Nachbarin meint, jetzt ist es zu spät zum Zurückschicken. Stimmt das?",
                must=["\\b50\\b|fünfzig"],
                must_not=[
                    NOANS,
                    "(ist|wäre) (leider |bereits |schon )?(abgelaufen|verstrichen)|leider (zu spät|nicht mehr)",
                ],
                source=["ruecksendung", "agb"],
                note="six weeks are 42 days: still inside the 50-day return period (a 14/21/30-day answer would be wrong)",
            ),
        ],
    ),
]


def main() -> None:
    lindenhof = json.loads(LINDENHOF.read_text(encoding="utf-8"))
    corpus = {
        "name": "kranich-dev",
        "brand": "kranich",
        "description": (
            "Independent dialogue corpus for the fictional brand Kranich Schuhe & Taschen (shoes and bags "
            "by mail order, Pirmasens; knowledge/ beside this file, German only). Order dialogues run on "
            "the demo brand heine."
        ),
        "must_not_all": lindenhof["must_not_all"],
        "dialogues": DIALOGUES,
    }
    (HERE / "dialogues.json").write_text(json.dumps(corpus, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    turns = sum(len(x["turns"]) for x in DIALOGUES)
    print(f"{len(DIALOGUES)} dialogues, {turns} turns")


if __name__ == "__main__":
    main()

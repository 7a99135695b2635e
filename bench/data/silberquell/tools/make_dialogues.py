#!/usr/bin/env python3
# ruff: noqa: E501
"""Write dialogues.json, the silberquell dialogue corpus (standard library only).

All dialogues and all patterns live here. The format, kinds, reason codes and conventions are those of the shared
corpus (shared/eval/dialogues/README.md); `must_not_all` is copied verbatim from its dialogues.json (main() checks
that the copy below is identical when the shared file can be found). The greeting, no-answer, hand-over, closing,
declined-offer and out-of-scope patterns are the shared corpus's; the brand-fact list that out-of-scope and
declined-offer turns forbid and the page-format leftovers are this brand's.

    python3 tools/make_dialogues.py            # writes ../dialogues.json
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "dialogues.json"


def shared_file(name: str) -> Path | None:
    """A file of shared/eval/dialogues: beside a checkout's bench/data/<brand>/tools, else under /work/shared."""
    candidates = []
    with contextlib.suppress(IndexError):
        candidates.append(Path(__file__).resolve().parents[5] / "shared" / "eval" / "dialogues" / name)
    candidates.append(Path("/work/shared/eval/dialogues") / name)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None


# The corpus-wide list, copied verbatim from the shared corpus.
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

# ------------------------------------------------------------------------------------------ shared patterns
GREET = "willkommen|welcome|schön, dass sie|was darf ich für sie tun|wie kann ich (ihnen|dir) (heute |gerne |denn )?(weiter)?helfen\\s*\\?|how can i help( you)?( today)?\\s*\\?|what can i do for you"
GREET_REPLY = "hallo|guten (tag|morgen|abend)|willkommen|moin|grüß|servus|was darf ich|wie kann ich|hello|hi\\b|welcome"
NOANS = "keine verlässliche information|dazu habe ich leider keine|keine (passende|genaue) (antwort|information)|could not find reliable|no reliable information|i could not find|i have no information"
HANDOVER = "(verbind|weiterleit|weitergeb|vermittl|übergeb|weiterreich)\\w*[^.?!]{0,80}(kolleg|mitarbeit|team|kundenservice|person|mensch|berater)|(kolleg|mitarbeit|berater)\\w*[^.?!]{0,80}(verbind|weiterleit|weitergeb|helfen|weiter|übernehm|melden)|(put you in touch|connect you|pass (you|this|your \\w+) on|hand (you|this) over)[^.?!]{0,80}(colleague|team|person|agent|service)|(soll|darf|möchten sie)[^.?!]{0,80}(kolleg|mitarbeit|person)"
CLOSING = "gern(e)? geschehen|sehr gern|keine ursache|freut mich|schön(en|es)? (tag|wochenende|abend|zeit|sonntag|feierabend)|wiedersehen|auf wiederhören|bis bald|alles gute|jederzeit|danke (ihnen|auch|für)|vielen dank|tschüss|servus|ciao|you'?re welcome|my pleasure|have a (nice|great|good|lovely)|goodbye|bye|glad (i could|to) help|thank you|auf bald|adieu"
EN_CLOSING = "you'?re welcome|my pleasure|have a (nice|great|good|lovely)|goodbye|bye|glad (i could|to|i was able to) help|thank you|thanks|no problem|take care|anytime"
DENY_ACK = "gern|in ordnung|alles klar|okay|\\bok\\b|verstanden|selbstverständlich|schönen|jederzeit|melden sie sich|wiedersehen|bis bald|danke|kein problem"
HANDED = "weitergegeben|übernimmt|übernehmen wird|service-manager"
OOS_DE = "leider nicht|nicht weiterhelfen|nicht helfen|nicht zuständig|kann ich nicht|kann ich ihnen nicht|muss ich (leider )?passen|außerhalb meine"
OOS_EN = "not something i can|can(no|')t help|cannot help|unable to help|not able to help|afraid|only (help|answer)|outside (of )?(my|what)|can't assist|cannot assist"
OOS_EN_NOT_DE = "leider|nicht weiterhelfen|damit kann ich|da muss ich"
YES_START = "(^|[.!?:]\\s+)ja\\b\\s*[,.!]"
NO_START = "(^|[.!?:]\\s+)nein\\b\\s*[,.!]"
EN_YES_START = "(^|[.!?:]\\s+)yes\\b\\s*[,.!]"
EN_NO_START = "(^|[.!?:]\\s+)no\\b\\s*[,.!]"
GERMAN_IN_EN = "\\b(Ihr|Ihnen|Sie|weitergegeben|Kolleg\\w*|Unterhaltung|Gerne|leider|Bestellnummer|Postleitzahl)\\b"
NOT_FOUND = "nicht gefunden|keine bestellung|prüfen"
EN_NOT_FOUND = "not find|couldn'?t find|could not find|no order|unable to (find|locate)|not found|check"
GREET_EN_CLOSE = "how can i help|what can i do for you|welcome to"

# ------------------------------------------------------------------------------------ this brand's patterns
# Facts of this brand that a reply to a question outside the shop (or to a declined offer) has no reason to name.
# The brand's own out-of-scope text names "Maßanfertigung", "Mietkleidern" and "Showroom", so those are allowed.
BRAND_FACTS = "\\d+,\\d\\d\\s?€|werktag|kleiderbox|plombe|maßbestätigung|0561|friedrich-ebert|lohfelden|stoffmuster|kaution|eilfertigung|\\b25 tage"
# Leftovers of this brand's page formats that must_not_all does not cover: tags of the WordPress, Google Docs and
# Wix exports that must_not_all does not list, HTML entities, their class names and chrome (cookie banners, skip
# links, "erstellt mit Wix"), the Google Docs comments and document id, the PDF's header and footer lines and the
# e-mail auto-reply's headers, ticket number and sample address.
FORMAT = [
    "</?(details|summary|figure|figcaption|strong|em|a|button|nav|header|footer|article|aside|script|img|sup|wow-image)\\b[^>]*>",
    "&(nbsp|amp|shy|euro|quot|gt|lt|raquo|#\\d+);",
    "wp-block|wp-element|c-accordion|cmplz|wixui|wixguard|comp-[a-z0-9]{6,}|font_\\d|lst-kix|doc-content|google\\.com/url",
    "cookie-zustimmung|alle akzeptieren|diese website verwendet cookies|erstellt mit wix|zum inhalt springen|skip to content|manage cookie consent",
    "\\[[a-j]\\]|cmnt|interne dokument-id|sq-service-07|marion k\\.|jana r\\.",
    "seite \\d+ von \\d+|gültig ab 1\\. februar 2026|silberquell atelier ·",
    "ticket#|x-autoreply|auto-submitted|anna\\.beispiel|diese e-mail wurde automatisch",
]

WORDS = {
    1: "eine?",
    2: "zwei",
    3: "drei",
    4: "vier",
    5: "fünf",
    6: "sechs",
    7: "sieben",
    8: "acht",
    9: "neun",
    10: "zehn",
    14: "vierzehn",
    16: "sechzehn",
    20: "zwanzig",
    21: "einundzwanzig",
    25: "fünfundzwanzig",
}
DASH = "\\s*(?:bis|–|-|—|to|und|and)\\s*"


def n(value: int) -> str:
    """A whole number in digits or words, not part of a longer number."""
    word = WORDS.get(value)
    return f"(?:(?<![\\d,.]){value}(?![\\d]|[,.]\\d)" + (f"|\\b{word}\\b" if word else "") + ")"


def rng(low: int, high: int, unit: str) -> str:
    """'14–16 Wochen', '14 bis 16 Wochen', 'vierzehn bis sechzehn Wochen', '14-16 weeks' ..."""
    return f"{n(low)}{DASH}{n(high)}\\s*{unit}"


def euro(amount: str) -> str:
    """'5,95 €', '5,95', 'EUR 5.95' (German or English decimal), not part of a longer number."""
    whole, cents = amount.split(",")
    return f"(?<![\\d,.]){whole}[,.]{cents}(?!\\d)"


def eur(value: int) -> str:
    """A whole euro amount with its unit: '119 €', '119,00 €', '119 Euro', 'EUR 119'."""
    return f"(?<![\\d,.]){value}(?:[,.]00)?\\s?(?:€|euro|eur\\b)|eur\\s?{value}(?![\\d])"


FREE = "kostenlos|kostenfrei|gratis|keine (kosten|gebühr|pauschale)|ohne (kosten|gebühr|aufpreis|pauschale)|nichts"


def knowledge(
    user: str,
    must: list[str],
    source: str,
    *,
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
    kind: str | None = None,
    note: str | None = None,
) -> dict:
    """A turn without a knowledge answer (greeting, closing, hand-over, out of scope, order dialogue)."""
    turn: dict = {"user": user}
    if must:
        turn["must"] = must
    if must_not:
        turn["must_not"] = must_not
    turn["escalate"] = escalate
    if reason:
        turn["reason"] = reason
    if kind:
        turn["kind"] = kind
    if note:
        turn["note"] = note
    return turn


def handover(reason, user: str, **extra) -> dict:
    return plain(user, escalate=True, reason=reason, **extra)


def offer(user: str, *, english: bool = False, note: str | None = None) -> dict:
    """An in-scope question the knowledge cannot answer: say so and offer a colleague, no false yes."""
    return plain(user, must=[HANDOVER], must_not=[EN_YES_START if english else YES_START], note=note)


def closing(user: str, forbidden: list[str]) -> dict:
    return plain(user, must=[CLOSING], must_not=[GREET, NOANS, HANDOVER, *forbidden])


def declined(user: str) -> dict:
    return plain(user, must=[DENY_ACK], must_not=[GREET, NOANS, HANDED, HANDOVER, BRAND_FACTS])


def out_of_scope(user: str, *, english: bool = False) -> dict:
    if english:
        return plain(user, must=[OOS_EN], must_not=[BRAND_FACTS, HANDOVER, GREET, OOS_EN_NOT_DE])
    return plain(user, must=[OOS_DE], must_not=[BRAND_FACTS, HANDOVER, GREET])


def dialogue(did: str, kind: str, *turns: dict, brand: str | None = None, note: str | None = None) -> dict:
    d: dict = {"id": did, "kind": kind}
    if brand:
        d["brand"] = brand
    if note:
        d["note"] = note
    d["turns"] = list(turns)
    return d


HEINE_NOTE = "order dialogue on the product's demo brand heine: the demo orders (src/heine_ai/orders) belong to it"

DIALOGUES = [
    # ------------------------------------------------------------------------------------ greeting+question
    dialogue(
        "gq-01",
        "greeting+question",
        knowledge(
            "Hallo ihr Lieben! 😊 Ich bin ganz frisch verlobt und total aufgeregt. Wie lange dauert denn ein Brautkleid nach Maß bei euch?",
            [rng(14, 16, "(wochen|weeks)")],
            "massanfertigung",
            must_not=[GREET],
        ),
    ),
    dialogue(
        "gq-02",
        "greeting+question",
        plain("Guten Tag.", must=[GREET_REPLY], must_not=[NOANS]),
        knowledge(
            "Meine Enkelin Lena geht am 26. April zur Erstkommunion. Wenn ich heute, am 8. März, ein Kleid bestelle, das bei Ihnen auf Lager ist – kommt das noch rechtzeitig an?",
            ["15\\.\\s?(märz|0?3\\.)|(1\\.|ersten)\\s?april"],
            "kommunion",
            must_not=[GREET, NO_START, "(kommt|ist|wird)[^.!?]{0,30}nicht (mehr )?rechtzeitig"],
            kind="yes-no-positive",
            note="computed: 8 March is before the 15 March deadline, and stock ordered by then arrives before 1 April",
        ),
    ),
    # ------------------------------------------------------------------------------------------------ closing
    dialogue(
        "cl-01",
        "closing",
        knowledge("Was kostet der Expressversand?", [euro("12,90")], "versand", kind="price"),
        closing("Super, danke dir! 🙏", [euro("12,90")]),
    ),
    dialogue(
        "cl-02",
        "closing",
        knowledge(
            "Ich miete ein Abendkleid für den Abiball meiner Tochter. Muss ich für die Rücksendung selbst ein Paketetikett kaufen?",
            [
                "beiliegend|liegt[^.!?]{0,40}\\bbei\\b|beigelegt|mitgeschickt|mitgeliefert|ist dabei|legen wir[^.!?]{0,40}\\bbei\\b|kostenlos|kostenfrei"
            ],
            "mietkleid",
            must_not=[YES_START, "müssen sie[^.!?]{0,40}(selbst )?(kaufen|bezahlen)"],
            kind="yes-no-negative",
        ),
        closing("Perfekt, das war's schon. Schönen Abend noch!", ["rücksendeetikett"]),
    ),
    # ------------------------------------------------------------------------------------------- affirm-offer
    dialogue(
        "ao-01",
        "affirm-offer",
        offer(
            "Habt ihr das Brautkleid „Lunaria“ in Größe 40 gerade vorrätig? Ich würde es am Samstag gern im Showroom anprobieren.",
            note="stock is not in the knowledge: say so and offer a colleague",
        ),
        handover("human_request", "ja bitte, gerne!"),
    ),
    dialogue(
        "ao-02",
        "affirm-offer",
        offer(
            "Could you hold the navy „Marisol“ evening gown in size 38 for me until Friday? I'm flying in from Dublin for a wedding.",
            english=True,
            note="reserving an item is not in the knowledge",
        ),
        handover("human_request", "Yes please, that would be great."),
    ),
    # -------------------------------------------------------------------------------------------- deny-offer
    dialogue(
        "do-01",
        "deny-offer",
        offer("Wann kommt eure neue Brautkollektion 2027 raus? Ich will unbedingt die neuen Spitzenkleider sehen!"),
        declined("Nein danke, ich warte einfach auf den Newsletter."),
    ),
    dialogue(
        "do-02",
        "deny-offer",
        offer("Ist die Weste „Arne“ in Größe 54 noch lieferbar?"),
        knowledge(
            "nö, passt. was kostet eigentlich hose kürzen bei euch?",
            [eur(19)],
            "schneiderei",
            must_not=[HANDED],
            kind="price",
        ),
    ),
    # --------------------------------------------------------------------------------------------- follow-up
    dialogue(
        "fu-01",
        "follow-up",
        knowledge(
            "Wie lange habe ich Zeit, ein Abendkleid zurückzuschicken?",
            [f"{n(25)}\\s*tag"],
            "rueckgabe",
            kind="duration",
        ),
        knowledge(
            "und was kostet mich die Rücksendung?",
            [euro("4,95")],
            "rueckgabe",
            must_not=["(rücksendung|retoure)[^.!?]{0,40}(ist|sind)[^.!?]{0,20}(kostenlos|kostenfrei|gratis)"],
            kind="price",
        ),
        knowledge(
            "und wenn ich nur eine andere Größe brauche?",
            [FREE],
            "rueckgabe",
            must_not=[f"umtausch[^.!?]{{0,60}}{euro('4,95')}"],
        ),
    ),
    dialogue(
        "fu-02",
        "follow-up",
        knowledge(
            "Meine Tochter braucht ein Kommunionkleid, sie ist jetzt 137 cm groß. Welche Größe soll ich bestellen?",
            ["\\b140\\b"],
            "kommunion",
            must_not=["(nehmen|bestellen|wählen) sie[^.!?]{0,30}\\b134\\b|größe 134 (ist|passt)"],
            kind="table-lookup",
            note="137 cm lies between 134 and 140: the next larger size",
        ),
        knowledge(
            "Und falls es doch zu lang ist – kann man es bei Ihnen kürzen lassen? Was kostet das?",
            [FREE],
            "kommunion",
            must_not=["kürz\\w*[^.!?]{0,40}\\d+\\s?€|\\d+\\s?€[^.!?]{0,40}kürz"],
        ),
    ),
    dialogue(
        "fu-03",
        "follow-up",
        knowledge(
            "Kann ich ein Mietkleid auch nach Wien liefern lassen? Die Hochzeit meiner Cousine ist dort im Juli.",
            [
                "nur (innerhalb |nach |in )?deutschland|(with)?in germany only|only (with)?in germany|nicht nach (wien|österreich)|nicht ins ausland|(kein|nicht)[^.!?]{0,60}(österreich|ausland)|(österreich|wien|ausland)[^.!?]{0,60}(nicht|kein)"
            ],
            "rental",
            must_not=[YES_START],
            kind="yes-no-negative",
            note="only the English rental summary says where rental dresses go",
        ),
        knowledge(
            "Schade. Und wenn ich es vorher in Kassel im Showroom abhole?",
            ["abhol|pick(ed)?[- ]up"],
            "rental",
            must_not=[NO_START, "(abholung|abholen)[^.!?]{0,40}nicht möglich"],
        ),
    ),
    # ----------------------------------------------------------------------------------------- yes-no-negative
    dialogue(
        "yn-01",
        "yes-no-negative",
        knowledge(
            "Kann ich bei euch auf Rechnung kaufen?",
            ["rechnung[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,60}rechnung"],
            "zahlung",
            must_not=[YES_START],
        ),
    ),
    dialogue(
        "yn-02",
        "yes-no-negative",
        knowledge(
            "anzüge auch zum mieten?",
            [
                "(nicht|kein)[^.!?]{0,60}(miet|verleih|vermiet|leih)|(miet|vermiet|verleih)\\w*[^.!?]{0,60}(nicht|kein)|nur abendkleider"
            ],
            "anzuege",
            must_not=[YES_START],
        ),
    ),
    dialogue(
        "yn-03",
        "yes-no-negative",
        knowledge(
            "Ich habe ein Mietkleid der Kategorie Gold gebucht, bin aber nur 1,58 m groß. Darf ich es von meiner Schneiderin ein Stück kürzen lassen?",
            [
                "nicht[^.!?]{0,80}(kürz|änder|veränder|abnäh)|(kürz|änder|veränder)\\w*[^.!?]{0,60}nicht|keine (änderung|kürzung)|untersagt|verboten|nicht erlaubt|nicht gestattet"
            ],
            "mietvertrag",
            must_not=[YES_START],
        ),
    ),
    # ----------------------------------------------------------------------------------------- yes-no-positive
    dialogue(
        "yp-01",
        "yes-no-positive",
        knowledge(
            "Wir heiraten diesen Samstag und heute ist Mittwoch, es ist kurz nach 10 Uhr. Der Schleier „Aurelie“ ist laut Shop auf Lager. Wenn ich ihn jetzt mit Express bestelle, ist er dann morgen da?",
            ["nächsten werktag|morgen|donnerstag"],
            "versand",
            must_not=[NO_START, "(kommt|ist) (er |der schleier )?(leider )?nicht (morgen|rechtzeitig|bis)"],
            note="computed: Wednesday before 11 Uhr is within the Express cut-off (Monday to Thursday, 11 Uhr)",
        ),
    ),
    dialogue(
        "yp-02",
        "yes-no-positive",
        knowledge(
            "Sind eure Stoffmuster kostenlos?",
            [f"bis zu {n(5)}|{n(5)} (stoffmuster|muster)"],
            "stoffmuster",
            must_not=[NO_START],
        ),
        knowledge(
            "Und muss ich die Muster danach zurückschicken?",
            ["behalten|nicht[^.!?]{0,20}zurück|zurück\\w*[^.!?]{0,30}nicht|keine rücksendung|kein(e)? rück"],
            "stoffmuster",
            must_not=[YES_START],
            kind="yes-no-negative",
        ),
    ),
    # --------------------------------------------------------------------------------------------------- price
    dialogue(
        "pr-01",
        "price",
        knowledge(
            "Mein Kleid ist endlich da und es ist ein Traum 😍 nur leider viel zu lang, ich bin eher klein. Der Rock hat mehrere Lagen Tüll. Was kostet es bei euch, den Saum kürzen zu lassen?",
            [eur(119)],
            "schneiderei",
            must_not=[f"(tüll|mehrlagig)[^.!?]{{0,40}}{eur(69)}|{eur(69)}[^.!?]{{0,40}}(tüll|mehrlagig)"],
        ),
    ),
    dialogue(
        "pr-02",
        "price",
        knowledge(
            "Was kostet der Versand in die Schweiz?",
            [euro("24,90")],
            "international",
            must_not=[f"{euro('9,90')}|{euro('14,90')}"],
            note="only the English page has the prices abroad",
        ),
        knowledge(
            "Und muss ich dann beim Empfang noch Zoll oder Steuern zahlen?",
            ["8[,.]1|mehrwertsteuer|einfuhr|\\bvat\\b|zoll|steuer|customs|clearance|gebühr"],
            "international",
            must_not=[
                NO_START,
                "kein(e|en)? (weiteren |zusätzlichen )?(kosten|gebühren|zoll|zölle|steuern|abgaben)|bereits (im preis )?(enthalten|inbegriffen)|no (additional|further|extra) (costs|charges|fees)|no (customs|duties|vat)\\b",
                "(?<!nicht )(?<!un)verzollt (geliefert|versendet|verschickt)|liefern (wir )?verzollt",
            ],
            kind="yes-no-positive",
        ),
    ),
    # ------------------------------------------------------------------------------------------------ duration
    dialogue(
        "du-01",
        "duration",
        knowledge(
            "Maßanzug für Trauzeugen – wie lange?",
            [f"{n(6)}\\s*(wochen|weeks)"],
            "massanfertigung",
            must_not=[rng(14, 16, "wochen")],
        ),
    ),
    dialogue(
        "du-02",
        "duration",
        knowledge(
            "Ich habe mein Mietkleid zurückgeschickt. Wann bekomme ich meine Kaution wieder?",
            [f"{n(5)}\\s*werktag"],
            "mietvertrag",
        ),
        knowledge(
            "Und noch was: Für eine Gala am 20. Juni habe ich ein zweites Kleid gemietet, das brauche ich jetzt aber doch nicht. Heute ist der 5. Juni. Was kostet mich die Stornierung?",
            ["50\\s?%|50 prozent|hälfte"],
            "mietvertrag",
            must_not=["noch (kostenlos|kostenfrei|gratis|gebührenfrei)"],
            kind="price",
            note="computed: 15 days before the event lies between 20 and 8 days, so 50 % of the rent",
        ),
    ),
    # -------------------------------------------------------------------------------------------------- how-to
    dialogue(
        "ht-01",
        "how-to",
        knowledge(
            "Unsere Hochzeit ist schon in 6 Tagen und ich habe noch eine dringende Frage zu meinem Kleid. Unter welcher Nummer erreiche ich euch auch am Wochenende?",
            ["0561\\s?920\\s?58\\s?99"],
            "autoreply",
            note="the wedding emergency line is only in the e-mail auto-reply; asking for a number is not a hand-over request",
        ),
    ),
    dialogue(
        "ht-02",
        "how-to",
        knowledge(
            "Wie kann ich einen Termin für eine Brautberatung in eurem Showroom buchen?",
            ["online|termin buchen|termin@silberquell-festmode\\.example"],
            "showroom",
        ),
    ),
    # -------------------------------------------------------------------------------------------- table-lookup
    dialogue(
        "tl-01",
        "table-lookup",
        knowledge(
            "Ich habe mich heute endlich getraut, mich zu vermessen 🙈 Brust 90, Taille 80, Hüfte 98. Welche Größe brauche ich beim Brautkleid?",
            ["\\b42\\b"],
            "damen",
            must_not=[
                "81–84[\\s\\S]*112–117",
                "(brauchen|nehmen|wählen|bestellen) sie (am besten |also |daher )?(die )?(größe )?38\\b",
            ],
            note="computed: bust 90 is 38 and hip 98 is 38, but waist 80 is 42, and the largest measure decides",
        ),
        knowledge(
            "Und welche Länge? Ich bin 1,75 m und trage 8 cm hohe Absätze.",
            ["\\blang\\b"],
            "damen",
            must_not=["(länge|wählen sie|nehmen sie)[^.!?]{0,15}„?(normal|kurz)\\b"],
        ),
    ),
    dialogue(
        "tl-02",
        "table-lookup",
        knowledge(
            "Was kostet ein Zusatztag, wenn ich ein Platin-Kleid länger behalten möchte?",
            [eur(25)],
            "mietvertrag",
            must_not=[f"{eur(12)}|{eur(18)}"],
        ),
    ),
    dialogue(
        "tl-03",
        "table-lookup",
        knowledge(
            "Brust 98, Slim Fit. Welche Größe?",
            ["\\b50\\b"],
            "anzuege",
            must_not=["92–95[\\s\\S]*116–119", "(brauchen|nehmen|wählen|bestellen) sie[^.!?]{0,20}\\b48\\b"],
            note="98 cm is 48 in Regular Fit but 50 in Slim Fit",
        ),
    ),
    # ------------------------------------------------------------------------------------------- cross-lingual
    dialogue(
        "xl-01",
        "cross-lingual",
        knowledge(
            "How long does a made-to-measure wedding dress take?", [rng(14, 16, "(wochen|weeks)")], "massanfertigung"
        ),
    ),
    dialogue(
        "xl-02",
        "cross-lingual",
        knowledge(
            "Hi! I'm a guest at a wedding in Kassel in June and I need an evening dress. Can I book an appointment in your showroom – and do your stylists speak English?",
            ["english|englisch", "online|termin buchen|book|termin@silberquell"],
            "showroom",
            must_not=[EN_NO_START, NO_START],
        ),
        knowledge(
            "Great! How long does such an appointment take, and is it free?",
            ["\\b(1|one) hour|\\b1 stunde|eine stunde|60 min", "free|kostenlos|no charge|at no cost"],
            "showroom",
        ),
    ),
    # ---------------------------------------------------------------------------------------- out-of-scope-de
    dialogue(
        "od-01",
        "out-of-scope-de",
        out_of_scope("Kennt ihr einen guten Hochzeitsfotografen in Kassel? Unserer hat abgesagt 😭"),
    ),
    dialogue(
        "od-02", "out-of-scope-de", out_of_scope("Wie wird das Wetter am 14. Juni in Kassel? Wir heiraten im Garten.")
    ),
    # ---------------------------------------------------------------------------------------- out-of-scope-en
    dialogue(
        "oe-01",
        "out-of-scope-en",
        out_of_scope("Can you write me a funny best man speech? The wedding is on Saturday.", english=True),
    ),
    dialogue(
        "oe-02",
        "out-of-scope-en",
        out_of_scope("Which train do I take from Frankfurt Airport to Kassel?", english=True),
    ),
    # ---------------------------------------------------------------------------------------- typo/colloquial
    dialogue(
        "ty-01",
        "typo/colloquial",
        knowledge(
            "wie lang dauert ne lieferung wenn dat kleid auf lager is",
            [rng(3, 5, "werktag")],
            "versand",
            must_not=[rng(14, 16, "wochen")],
        ),
    ),
    dialogue(
        "ty-02",
        "typo/colloquial",
        knowledge(
            "kann ma die stoffmuster auch an ne packstation schicken lasn??",
            ["packstation"],
            "stoffmuster",
            must_not=[
                NO_START,
                "packstation[^.!?]{0,40}(nicht möglich|leider nicht)|packstation\\w*[^.!?]{0,30}(liefern|schicken|versenden|verschicken) wir (sie )?(leider )?nicht",
            ],
        ),
    ),
    # ----------------------------------------------------------------------------------------- multi-question
    dialogue(
        "mq-01",
        "multi-question",
        knowledge(
            "Wie hoch ist die Anzahlung bei einem Brautkleid nach Maß – und kann ich den Rest in Raten zahlen?",
            ["40\\s?%|40 prozent|vierzig prozent", "(3|drei)[^.!?]{0,30}raten|raten[^.!?]{0,30}\\b(3|drei)\\b"],
            "zahlung",
            must_not=[NO_START],
        ),
    ),
    dialogue(
        "mq-02",
        "multi-question",
        knowledge(
            "Was kostet der Versand innerhalb Deutschlands, ab welchem Betrag ist er kostenlos und kann ich mein Abendkleid an eine Packstation liefern lassen?",
            [
                euro("5,95"),
                eur(150) + "|ab 150\\b",
                "nicht[^.!?]{0,80}packstation|packstation[^.!?]{0,80}(nicht|kein)|hausadresse",
            ],
            "versand",
        ),
    ),
    # ----------------------------------------------------------------------------------------------- complaint
    dialogue(
        "co-01",
        "complaint",
        handover(
            "complaint",
            "Ich bin fassungslos!!! Mein Brautkleid nach Maß sollte vor drei Wochen geliefert werden, die Hochzeit ist in 12 Tagen und auf meine drei E-Mails hat NIEMAND reagiert. Das ist der wichtigste Tag meines Lebens und ihr lasst mich einfach hängen!",
        ),
    ),
    dialogue(
        "co-02",
        "complaint",
        knowledge(
            "Wie lange dauert ein Brautkleid nach Maß?", [rng(14, 16, "wochen")], "massanfertigung", kind="duration"
        ),
        handover(
            "complaint",
            "Genau das hat man mir im Januar auch versprochen. Jetzt sind es 20 Wochen, vom Kleid keine Spur, und am Telefon werde ich jedes Mal vertröstet. Ich bin maßlos enttäuscht.",
        ),
    ),
    dialogue(
        "co-03",
        "complaint",
        handover(
            "complaint",
            "Das ist jetzt schon das zweite Mietkleid, das mit einem Fleck bei mir ankommt, und auf meine Reklamation von letzter Woche hat niemand geantwortet. So geht man nicht mit Kundinnen um!",
        ),
    ),
    # ---------------------------------------------------------------------------------- negative-not-complaint
    dialogue(
        "nn-01",
        "negative-not-complaint",
        knowledge(
            "Leider sitzt mein neues Brautkleid an der Korsage etwas zu locker. Kann man das enger machen lassen, und was kostet das?",
            [eur(59)],
            "schneiderei",
        ),
    ),
    dialogue(
        "nn-02",
        "negative-not-complaint",
        knowledge(
            "Schade, das Abendkleid in Champagner wirkt in echt viel gelblicher als auf den Fotos. Ich habe es nur kurz anprobiert, die Plombe hängt noch dran. Kann ich es zurückgeben?",
            [f"{n(25)}\\s*tag|plombe"],
            "rueckgabe",
            must_not=[NO_START, "nicht (mehr )?zurück(geben|nehmen|schicken)"],
        ),
    ),
    # ------------------------------------------------------------------------------------------- human-request
    dialogue("hr-01", "human-request", handover("human_request", "Mitarbeiter. Bitte.")),
    dialogue(
        "hr-02",
        "human-request",
        knowledge(
            "Ich habe vor vier Wochen die Maßbestätigung für mein Brautkleid bekommen und möchte jetzt doch stornieren. Bekomme ich meine Anzahlung zurück?",
            [
                "anzahlung[^.!?]{0,60}(einbehalten|behalten|nicht|kein|verfällt)|(behalten|einbehalten)[^.!?]{0,40}anzahlung|(nicht|kein)[^.!?]{0,60}anzahlung|(7|sieben) tage"
            ],
            "storn",
            must_not=[YES_START],
            kind="yes-no-negative",
            note="free cancellation ends 7 days after the measurement confirmation; four weeks later the deposit is kept",
        ),
        handover(
            ["human_request", "complaint"],
            "Das kann doch nicht Ihr Ernst sein. Ich möchte das bitte mit einer echten Person besprechen, nicht mit einem Chatbot.",
        ),
    ),
    # -------------------------------------------------------------------------------------------- legal-threat
    dialogue(
        "lt-01",
        "legal-threat",
        handover(
            "legal_threat",
            "Wenn mein Brautkleid nicht bis Freitag hier ist, schalte ich meinen Anwalt ein. Die Hochzeit ist am Samstag!!!",
        ),
    ),
    dialogue(
        "lt-02",
        "legal-threat",
        handover(
            ["legal_threat", "complaint"],
            "I paid a deposit of 250 euros for a rental dress three weeks ago and I still haven't got it back. If it's not refunded by Monday, I'll take legal action.",
        ),
    ),
    # --------------------------------------------------------------------------------------------------- abuse
    dialogue("ab-01", "abuse", handover("abuse", "Ihr seid doch komplett unfähige Stümper, ihr Vollpfosten!!!")),
    dialogue("ab-02", "abuse", handover("abuse", "Was bist du für ein dämlicher Bot? Du bist echt zu blöd für alles.")),
    # -------------------------------------------------------------------------------------------- order-status
    dialogue(
        "os-01",
        "order-status",
        plain(
            "Hallo, wo bleibt meine Bestellung? Ich brauche die Schuhe für die Hochzeit meiner Schwester!",
            must=["bestellnummer"],
        ),
        plain("40234567", must=["postleitzahl|plz"]),
        plain("80331", must=["in bearbeitung", "28\\.11\\.2026|28\\. november"]),
        brand="heine",
        note=HEINE_NOTE,
    ),
    dialogue(
        "os-02",
        "order-status",
        plain(
            "Hi, I ordered a tie for my friend's wedding. Order 40345678, postcode 50667 – has it arrived yet?",
            must=["delivered|zugestellt", "dhl"],
            must_not=["bitte nennen|please (provide|give|tell)|what is your order number"],
        ),
        brand="heine",
        note=HEINE_NOTE + "; an English guest gives number and postcode at once",
    ),
    dialogue(
        "os-03",
        "order-status",
        plain(
            "Guten Tag, meine Enkelin hat für mich ein Kommunionkleid bestellt, die Bestellnummer ist 40567890. Wissen Sie, wo das Paket ist?",
            must=["postleitzahl|plz"],
        ),
        plain("Die Postleitzahl ist 01067.", must=["storniert"]),
        brand="heine",
        note=HEINE_NOTE,
    ),
    dialogue(
        "os-04",
        "order-status",
        plain(
            "Wo ist meine Bestellung 40123456? PLZ 20095.",
            must=[NOT_FOUND],
            must_not=["hermes|H1002345678901|versandt"],
        ),
        note="a heine demo order asked in the Silberquell shop: not found there (brands are separate)",
    ),
    # ---------------------------------------------------------------------------------------------- withdrawal
    dialogue(
        "wd-01",
        "withdrawal",
        knowledge(
            "Ich möchte den Kauf meines Abendkleids (Lagerware, nicht nach Maß) widerrufen. Wohin schicke ich den Widerruf?",
            ["widerruf@silberquell-festmode\\.example|friedrich-ebert-straße 84"],
            "widerruf",
        ),
    ),
    dialogue(
        "wd-02",
        "withdrawal",
        knowledge(
            "Gilt das Widerrufsrecht auch für mein Brautkleid nach Maß?",
            [
                "(nicht|kein)[^.!?]{0,120}(maß|anfertigung)|(maß|anfertigung)\\w*[^.!?]{0,120}(ausgeschlossen|nicht|kein)|kein widerrufsrecht"
            ],
            "widerruf",
            must_not=[YES_START],
        ),
    ),
    # ----------------------------------------------------------------------------------------- data-protection
    dialogue(
        "dp-01",
        "data-protection",
        {
            "user": "Meine Hochzeit ist vorbei 💍 und ich möchte nicht, dass meine Körpermaße weiter bei Ihnen gespeichert sind. Bitte löschen Sie mein Maßprofil.",
            "must": ["datenschutz@silberquell-festmode\\.example"],
            "escalate": "optional",
            "reason": ["sensitive_topic", "human_request"],
            "source": "datenschutz",
        },
    ),
    dialogue(
        "dp-02", "data-protection", knowledge("Wie heißt eure Datenschutzbeauftragte?", ["vosskuhl"], "datenschutz")
    ),
    # ------------------------------------------------------------------------------------------------- english
    dialogue(
        "en-01",
        "english",
        plain(
            "Good morning! 👋",
            must=["hello|\\bhi\\b|good morning|welcome|how can i|what can i do"],
            must_not=["guten (tag|morgen)|willkommen|was darf ich|wie kann ich", NOANS],
        ),
        plain("Perfect, thanks a lot. Bye!", must=[EN_CLOSING], must_not=[GREET_EN_CLOSE, GERMAN_IN_EN, NOANS]),
    ),
    dialogue(
        "en-02",
        "english",
        plain(
            "Hi, I'm flying in for a wedding next week. Where is my order? I really need it before Saturday!",
            must=["order number", "postcode|zip|postal"],
            must_not=[GERMAN_IN_EN],
        ),
        plain("It's 40999990, postcode 34117.", must=[EN_NOT_FOUND], must_not=[GERMAN_IN_EN]),
        note="an English order dialogue in the Silberquell shop: asked in English, answered in English, the order does not exist",
    ),
    # ------------------------------------------------------------------------------------------------- du-form
    dialogue(
        "df-01",
        "du-form",
        knowledge(
            "Sag mal, wie lange hab ich Zeit, wenn ich ein Maßkleid nach der Maßbestätigung doch noch stornieren will? Sie wissen ja, wie das mit den Nerven vor der Hochzeit ist 😅",
            [f"{n(7)}\\s*tag"],
            "storn",
            must_not=[f"storn\\w*[^.!?]{{0,60}}{n(5)}\\s*tag|{n(5)}\\s*tag\\w*[^.!?]{{0,60}}storn"],
            note="du and Sie in one message; 7 days to cancel, not the 5 days to check the confirmation (and not the 2 hours for stock items)",
        ),
    ),
    dialogue(
        "df-02",
        "du-form",
        knowledge(
            "Kannst du mir sagen, was die Brautberatung bei euch im Showroom kostet? Und wird das angerechnet, wenn ich dort mein Kleid kaufe?",
            [eur(45), "anrechn|angerechnet|rechnen wir[^.!?]{0,40}\\ban\\b|verrechn|gutgeschrieben|credited"],
            "showroom",
            must_not=[NO_START, "nicht[^.!?]{0,20}(an|ver)gerechnet|keine (an|ver)rechnung"],
        ),
    ),
    # ------------------------------------------------------------------------------------------- long-rambling
    dialogue(
        "lr-01",
        "long-rambling",
        knowledge(
            "Hallo liebes Silberquell-Team, ich weiß gar nicht, wo ich anfangen soll. Mein Freund hat mir an Weihnachten einen Antrag gemacht, und eigentlich wollten wir erst nächstes Jahr heiraten. Jetzt ist aber meine Oma schwer krank geworden und wir möchten unbedingt, dass sie dabei ist, deshalb haben wir alles vorgezogen. Das Standesamt hat uns den 14. Juni gegeben, heute ist der 20. März. Ich habe mich in euer Kleid „Seraphine“ verliebt, brauche es aber nach Maß, weil ich sehr zierlich bin. Reicht die Zeit bis zum 14. Juni überhaupt noch?",
            ["eilfertigung|(9|neun) wochen"],
            "massanfertigung",
            must_not=[YES_START, "(reicht|genügt)[^.!?]{0,30}(problemlos|locker|auf jeden fall|ganz sicher)"],
            note="computed: about 12 weeks are left, fewer than the 14 to 16 weeks; the 9-week rush production fits",
        ),
        knowledge("Oh Gott, danke! Und was kostet die Eilfertigung?", [eur(290)], "massanfertigung", kind="price"),
    ),
    dialogue(
        "lr-02",
        "long-rambling",
        knowledge(
            "Guten Tag, ich bin die Oma von Zwillingen, Emma und Paul, die am 3. Mai zusammen zur Erstkommunion gehen. Meine Tochter hat gerade sehr viel um die Ohren, deshalb kümmere ich mich um die Kleidung. Ich möchte für Emma ein Kleid und für Paul einen Anzug bei Ihnen bestellen. Ich habe gehört, dass es für Geschwister etwas günstiger wird. Stimmt das, und wie viel Rabatt gibt es?",
            ["10\\s?%|10 prozent|zehn prozent"],
            "kommunion",
            must_not=[NO_START, "15\\s?%"],
        ),
    ),
]


def main() -> None:
    shared = shared_file("dialogues.json")
    if shared:
        reference = json.loads(shared.read_text(encoding="utf-8"))["must_not_all"]
        if reference != MUST_NOT_ALL:
            raise SystemExit(f"MUST_NOT_ALL differs from {shared}")
    corpus = {
        "name": "silberquell-dev",
        "brand": "silberquell",
        "description": "Customer dialogues for the fictional brand Silberquell Braut- & Festmode (bridal, evening and festive wear with a showroom in Kassel; knowledge/ beside this file, German with two English-only pages). Order dialogues run on the demo brand heine.",
        "must_not_all": MUST_NOT_ALL,
        "dialogues": DIALOGUES,
    }
    OUT.write_text(json.dumps(corpus, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    turns = sum(len(d["turns"]) for d in DIALOGUES)
    print(f"wrote {OUT}: {len(DIALOGUES)} dialogues, {turns} turns")


if __name__ == "__main__":
    main()

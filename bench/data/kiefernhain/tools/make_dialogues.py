#!/usr/bin/env python3
# ruff: noqa: E501
"""Write dialogues.json, the kiefernhain dialogue corpus (standard library only).

All dialogues and all patterns live here. The format, kinds, reason codes and conventions are those of the shared
corpus (shared/eval/dialogues/README.md); `must_not_all` is copied verbatim from its dialogues.json. The
greeting, no-answer, hand-over, closing, declined-offer and out-of-scope patterns are the shared corpus's (the
hand-over pattern of English first turns also accepts "forward ... to a colleague"); the brand-fact list that
out-of-scope and declined-offer turns forbid is this brand's.

    python3 tools/make_dialogues.py            # writes ../dialogues.json
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "dialogues.json"


def shared_candidates(name: str) -> list[Path]:
    """The shared corpus's file: beside /work/newbrands (absolute) or, for a corpus under bench/data/<brand>/tools,
    five levels up (the layout of the earlier corpora)."""
    here = Path(__file__).resolve()
    found = [Path("/work/shared/eval/dialogues") / name]
    if len(here.parents) > 5:
        found.append(here.parents[5] / "shared" / "eval" / "dialogues" / name)
    return found


SHARED_CANDIDATES = shared_candidates("dialogues.json")

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
# English first turns of an offer dialogue: the shared pattern plus the other usual English wordings.
HANDOVER_ANY = (
    HANDOVER
    + "|(forward|pass|hand|refer|transfer|escalate|connect)\\w*[^.?!]{0,80}(colleague|team|person|agent|staff|human)"
    "|(colleague|team member|staff)[^.?!]{0,60}(help|get back|contact|reach out|look into|check)"
)
CLOSING = (
    "gern(e)? geschehen|sehr gern|keine ursache|freut mich|schön(en|es)? (tag|wochenende|abend|zeit|sonntag)|"
    "wiedersehen|bis bald|alles gute|jederzeit|danke (ihnen|auch|für)|vielen dank|tschüss|servus|ciao|"
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
EN_YES_START = "(^|[.!?:]\\s+)(yes|sure|of course)\\b\\s*[,.!]"
EN_NO_START = "(^|[.!?:]\\s+)no\\b\\s*[,.!]"
GERMAN_IN_EN = "\\b(Ihr|Ihnen|Sie|weitergegeben|Kolleg\\w*|Unterhaltung|Gerne|leider|Bestellnummer|Postleitzahl)\\b"
NOT_FOUND = "nicht gefunden|keine bestellung|prüfen"
GREET_EN_CLOSE = "how can i help|what can i do for you|welcome to"

# ------------------------------------------------------------------------------------ this brand's patterns
# Facts of this brand that a reply to a question outside the shop (or to a declined offer) has no reason to name.
BRAND_FACTS = (
    "\\d+,\\d\\d\\s?€|werktag|\\bdhl\\b|\\b28 tage|rücksendepauschale|ankaufsrechner|03341|strausberg|eberswalde|"
    "zustandsnote|stylingpauschale|guthaben-bonus|boxhagener"
)
# Leftovers of this brand's page formats that must_not_all does not cover: Markdown footnote marks and TOC
# links, blockquote markers, front-matter keys, HTML tags of the generated pages (caption, tfoot, sup, chrome),
# HTML entities, the cookie banner and feedback box, the table's footnote marks, the PDF's running header and
# footer, the DOCX header/footer and the text page's underline and footer.
FORMAT = [
    "\\[\\^[\\w-]+\\]|\\]\\((#|/)",
    "^\\s*>\\s|^(permalink|layout|toc|last_modified_at|tags|lang):\\s",
    "</?(caption|tfoot|sup|a|nav|header|footer|article|aside|strong|em|time|button|script|img|form|abbr)\\b[^>]*>",
    "&(nbsp|amp|shy|euro|quot|gt|lt|#\\d+);",
    "alle akzeptieren|nur notwendige|zum inhalt springen|war (diese seite|dieser artikel) hilfreich|brotkrümel|cookie",
    "(€|werktage|schweiz)\\s*[¹²³⁴]|^\\s*[¹²³⁴]",
    "seite \\d+ von \\d+|stand: (1\\. )?oktober 2026|\\|\\s*kleiderabo-leitfaden|^={4,}|impressum · datenschutz",
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
    12: "zwölf",
    14: "vierzehn",
    15: "fünfzehn",
    20: "zwanzig",
    28: "achtundzwanzig",
    30: "dreißig",
    40: "vierzig",
    72: "zweiundsiebzig",
    90: "neunzig",
}
DASH = "\\s*(?:bis|–|-|—|to|und)\\s*"


def n(value: int) -> str:
    """A whole number in digits or words."""
    word = WORDS.get(value)
    return f"(?:(?<![\\d,.]){value}(?![\\d]|[,.]\\d)" + (f"|{word}" if word else "") + ")"


def rng(low: int, high: int, unit: str) -> str:
    """'5–8 Werktage', '5 bis 8 Werktagen', 'fünf bis acht Werktage' ..."""
    return f"{n(low)}{DASH}{n(high)}\\s*{unit}"


def euro(amount: str) -> str:
    """'4,29 €', '4,29', '4.29 EUR' (German or English decimal), not part of a longer number."""
    whole, cents = amount.split(",")
    return f"(?<![\\d,.]){whole}[,.]{cents}(?!\\d)"


def num(value: int) -> str:
    """A whole amount such as 69 or '69,00', not part of a longer number such as 4,69 or 169."""
    return f"(?<![\\d,.]){value}(?:[,.]00)?(?!\\d|[,.]\\d)"


FREE = "kostenlos|kostenfrei|gratis|keine (versand|porto)?kosten|nichts|ohne (gebühr|kosten)|übernehmen wir|zahlen wir"


def knowledge(
    must: list[str],
    source,
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


def offer(user: str, *, english: bool = False) -> dict:
    """An in-scope question the knowledge cannot answer: say so and offer a colleague."""
    return plain(
        user,
        must=[HANDOVER_ANY if english else HANDOVER],
        must_not=[EN_YES_START if english else YES_START],
        note="restock dates and product details are not in the knowledge: say so and offer a colleague",
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
            ["sehr gut", "spuren"],
            "zustand",
            must_not=[GREET, "zustand b[^.!?]{0,40}(wie neu|ungetragen|deutliche)"],
            user="Hallo! Was bedeutet bei euch eigentlich Zustand B?",
            note="the grades are only in the <dl> of the HTML page; no greeting in front of the answer",
        ),
    )
    add(
        "gq-02",
        "greeting+question",
        plain("hiii 👋", must=[GREET_REPLY], must_not=[NOANS]),
        knowledge(
            [f"{n(90)} minuten|anderthalb stunden|eineinhalb stunden"],
            "kundenkonto",
            must_not=[GREET, "\\b(2|zwei|24|48) stunden"],
            kind="duration",
            user="wie lang is der link zum passwort zurücksetzen gültig? 🙈",
        ),
    )

    # ----------------------------------------------------------------------------------------------- closing
    add(
        "cl-01",
        "closing",
        knowledge(
            [euro("19,50")],
            "preisliste",
            must_not=["originalsaum[^.!?]{0,60}14[,.]00"],
            kind="price",
            user="Was kostet es, bei einer Jeans den Saum kürzen zu lassen, wenn der Originalsaum erhalten bleiben soll?",
            note="19,50 € is in a PDF table cell that wraps over two lines; the plain hem (14,00 €) is the neighbour row",
        ),
        closing("Super, danke dir! 😊", euro("19,50")),
    )
    add(
        "cl-02",
        "closing",
        knowledge(
            [f"{n(72)} stunden|drei tage|3 tage"],
            "reklamation",
            must_not=["\\b(5|7|10|14|fünf|sieben|zehn|vierzehn) tage"],
            kind="duration",
            user="Grüezi, bis wann muss ich einen Transportschaden bei Ihnen melden?",
        ),
        closing("Merci vielmal und en schöne Tag!", f"{n(72)} stunden"),
    )

    # ---------------------------------------------------------------------------------- affirm / deny offer
    add(
        "ao-01",
        "affirm-offer",
        offer("habt ihr bald wieder vintage lederjacken in gr. M? wann kommen die nächsten rein? 🖤"),
        escalation("ja bitte 🙏", "human_request"),
    )
    add(
        "ao-02",
        "affirm-offer",
        offer(
            "Hi! Will you get more men's winter coats in size L before December? It's getting cold in Berlin 🥶",
            english=True,
        ),
        escalation("yes please", "human_request"),
    )
    add(
        "do-01",
        "deny-offer",
        offer("Bekommt ihr demnächst wieder Dirndl rein? Ich bräuchte eins fürs Oktoberfest."),
        declined("nee danke, dann schau ich einfach regelmäßig im shop vorbei"),
    )
    add(
        "do-02",
        "deny-offer",
        offer(
            "Können Sie mir sagen, ob die Bluse „Malve“ aus reiner Seide ist? In der Beschreibung steht nichts dazu."
        ),
        knowledge(
            [euro("7,49")],
            "versandkosten",
            must_not=[HANDED, "österreich[^.!?]{0,60}(4[,.]29|8[,.]20)"],
            user="Nein, danke. Was kostet eigentlich der Versand nach Österreich?",
        ),
    )

    # ------------------------------------------------------------------------------------------- follow-up
    add(
        "fu-01",
        "follow-up",
        knowledge(
            [f"{n(5)}\\s*(teile|stück)|(mindestens|ab|min\\.?)\\s*{n(5)}"],
            "ankauf",
            must_not=[f"mindestens\\s*{n(10)}\\b"],
            kind="how-to",
            user="wie viele teile muss ich mindestens schicken wenn ich bei euch was verkaufen will?",
        ),
        knowledge(
            [FREE],
            "ankauf",
            must_not=[YES_START, "(porto|versand)[^.!?]{0,40}(zahlst du|zahlen sie|tragen sie|trägst du) selbst"],
            user="und muss ich das porto zahlen?",
        ),
        knowledge(
            [f"{n(10)}\\s*werktag"],
            "ankauf",
            user="ok cool. und wie lange dauert es bis ihr die sachen geprüft habt?",
            note="10 Werktage to check; the 5 Werktage are the payout after acceptance",
        ),
    )
    add(
        "fu-02",
        "follow-up",
        knowledge(
            [f"{n(28)}\\s*tage|vier wochen"],
            "rueckgabe",
            must_not=["(rückgabe|zurückschicken|zurücksenden|rücksendung)\\w*[^.!?]{0,60}\\b(21|30) tage"],
            kind="duration",
            user="Wie lange habe ich Zeit, etwas zurückzuschicken?",
            note="28 days of voluntary returns besides the 14-day withdrawal right",
        ),
        knowledge(
            [euro("2,95")],
            "rueckgabe",
            must_not=[
                "(rücksendung|rückgabe)[^.!?]{0,40}(ist|sind) (für sie )?(immer |grundsätzlich )?kostenlos(?![^.!?]{0,120}guthaben)"
            ],
            kind="price",
            user="und was kostet mich das aus Deutschland?",
        ),
        knowledge(
            [FREE],
            "rueckgabe",
            must_not=["2[,.]95[^.!?]{0,40}(auch|trotzdem|ebenfalls)"],
            user="Und wenn ich mir das Geld als Guthaben gutschreiben lasse?",
            note="a refund as credit makes the return free",
        ),
    )
    add(
        "fu-03",
        "follow-up",
        knowledge(
            ["pause einlegen|mein kleiderabo"],
            "kleiderabo",
            must_not=[GREET],
            kind="how-to",
            user="Hallo, ich möchte mein Kleiderabo über den Sommer pausieren. Wie geht das?",
            note="the pause rules are only in a DOCX text box",
        ),
        knowledge(
            [f"{n(3)}\\s*monat", f"{n(10)} tage vor (dem )?(monatsende|ende des monats)|(20|21)\\.\\s*juni"],
            "kleiderabo",
            must_not=["\\b(6|sechs|12|zwölf) monat"],
            user="Wie lange geht das maximal am Stück, und bis wann muss ich pausieren, damit im Juli keine Box kommt?",
            note="at most 3 months; a pause that arrives at least 10 days before the end of the month (in June: by 20/21 June) counts for the next box",
        ),
    )

    # --------------------------------------------------------------------------------------------- yes / no
    add(
        "yn-01",
        "yes-no-negative",
        knowledge(
            [
                "kein(en)? express|express\\w*[^.!?]{0,60}(nicht|kein)|nicht[^.!?]{0,40}express|nur (mit dem |den )?standardversand"
            ],
            "lieferung",
            must_not=[YES_START, "express\\w*[^.!?]{0,40}(kostet|aufpreis von|für) \\d"],
            user="Bietet ihr Expressversand an? Ich brauche das Kleid bis Samstag.",
        ),
    )
    add(
        "yn-02",
        "yes-no-negative",
        knowledge(
            ["apple pay[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,60}apple pay"],
            "zahlungsarten",
            must_not=[
                YES_START,
                "apple pay[^.!?]{0,30}(ist|sind) möglich|mit apple pay (bezahlen|zahlen) (können|kannst)",
            ],
            user="Kann ich bezahlen mit Apple Pay? Ich habe nur ein iPhone und keine Kreditkarte.",
        ),
    )
    add(
        "yn-03",
        "yes-no-negative",
        knowledge(
            [
                "(schweiz|basel)[^.!?]{0,120}(nicht|leider)|(nicht|leider)[^.!?]{0,120}(schweiz|basel)|nur (aus )?deutschland und (aus )?österreich"
            ],
            "ankauf",
            must_not=[YES_START, "(basel|schweiz)[^.!?]{0,60}(kostenlos|kostenfrei|versandlabel)(?![^.!?]{0,40}nicht)"],
            user="Grüezi, kann ich Kleider zum Ankauf auch aus Basel schicken? Ich hätte etwa 20 Teile.",
        ),
    )
    add(
        "yp-01",
        "yes-no-positive",
        knowledge(
            [
                "nicht bei (uns|ihnen|kiefernhain) gekauft|egal,? wo|auch (kleidung|teile|sachen|jeans|kleidungsstücke)[^.!?]{0,60}(woanders|anderswo|anderen|nicht)"
            ],
            ["reparaturauftrag", "preisliste"],
            must_not=[NO_START, "nur[^.!?]{0,40}bei (uns|kiefernhain) gekauft"],
            user="Repariert ihr auch Sachen, die ich gar nicht bei euch gekauft habe? Meine Lieblingsjeans hat ein Loch im Schritt.",
        ),
    )
    add(
        "yp-02",
        "yes-no-positive",
        knowledge(
            ["packstation", "postnummer"],
            "lieferung",
            must_not=[NO_START, "nicht an (eine )?(dhl-)?packstation"],
            user="Kann ich mir meine Bestellung an eine Packstation schicken lassen?",
        ),
    )

    # ------------------------------------------------------------------------------------- price / duration
    add(
        "pr-01",
        "price",
        knowledge(
            ["(?<![\\d,.])32(?:[,.]00)?\\s?(€|euro)"],
            "preisliste",
            must_not=["(jacke|65 cm)[^.!?]{0,60}(?<![\\d,.])39(?:[,.]00)?\\s?(€|euro)"],
            user="Was kostet es, den Reißverschluss an meiner Winterjacke tauschen zu lassen? Die Jacke ist ungefähr 65 cm lang.",
            note="65 cm is in the row 'Jacke bis 70 cm' (32,00 €), not 'Mantel über 70 cm' (39,00 €)",
        ),
    )
    add(
        "pr-02",
        "price",
        knowledge(
            ["16[.,]90"],
            "versandkosten",
            must_not=[
                "schweiz[^.!?]{0,60}(?<![\\d,.])(4[,.]29|7[,.]49|9[,.]90)(?!\\d)|(?<![\\d,.])(4[,.]29|7[,.]49|9[,.]90)(?!\\d)[^.!?]{0,40}schweiz"
            ],
            user="Grüessech! Was choschtet bi öich de Versand id Schwiiz?",
            note="Swiss German; the price is in CHF",
        ),
    )
    add(
        "du-01",
        "duration",
        knowledge(
            [f"{n(12)}\\s*werktag"],
            "reparaturauftrag",
            must_not=["reparatur[^.!?]{0,40}(dauert|braucht)[^.!?]{0,20}\\b(2|zwei|10|zehn|14) (werk)?tag"],
            user="Wie lange dauert es eine Reparatur bei Ihnen? Mein Mantel ist kaputt am Ärmel.",
        ),
    )
    add(
        "du-02",
        "duration",
        knowledge(
            [f"{n(3)}\\s*jahr"],
            "guthaben",
            must_not=["guthaben[^.!?]{0,60}(unbegrenzt|unbefristet|\\b(1|2|5|10) jahr)"],
            user="Wie lange ist das Guthaben aus meinem Ankauf gültig?",
        ),
    )

    # ----------------------------------------------------------------------------------------------- how-to
    add(
        "ht-01",
        "how-to",
        knowledge(
            ["marke|kategorie", "zustand"],
            "ankauf",
            user="Wie funktioniert euer Ankaufsrechner?",
        ),
    )
    add(
        "ht-02",
        "how-to",
        knowledge(
            ["rückgabeformular|kiefernhain\\.example/rueckgabe", "bestellnummer"],
            "rueckgabe",
            must_not=["(postleitzahl|plz)(?![^.!?]{0,20}nicht)"],
            user="Ich habe als Gast bestellt und kein Kundenkonto. Wie melde ich eine Rücksendung an?",
            note="the guest form asks for the order number and the e-mail address, not the postcode",
        ),
    )

    # ----------------------------------------------------------------------------------------- table-lookup
    add(
        "tl-01",
        "table-lookup",
        knowledge(
            ["\\b40\\b"],
            "groessen",
            must_not=[
                "(deutsche[rn]?|de|eu)[^.\\d!?]{0,20}\\b(38|42)\\b",
                "\\b34\\b[\\s\\S]*\\b46\\b[\\s\\S]*\\b(80|105)",
            ],
            user="hab ne bluse mit uk 14 im etikett 🤔 welche deutsche größe is das?",
            note="UK 14 = DE 40 (FR 42 is in the same row)",
        ),
        knowledge(
            ["\\b98\\b", "(6|sechs)\\s*(bis|–|-|—)\\s*(10|zehn)|knapp|eng\\b|enger|zu klein"],
            "groessen",
            must_not=["(passt|sitzt) (dir |ihnen )?(gut|bequem|locker|perfekt|problemlos)"],
            user="ok und die achselweite steht mit 49 cm drin, ich hab 94 cm brustumfang. passt die?",
            note="computed: 2 x 49 = 98 cm, only 4 cm more than 94, below the recommended 6 to 10 cm: tight",
        ),
    )
    add(
        "tl-02",
        "table-lookup",
        knowledge(
            ["\\b79\\s?(cm|zentimeter)"],
            "groessen",
            must_not=["w\\s?31[^.!?]{0,40}\\b(76|81|84)\\b"],
            user="Welche Bundweite in Zentimetern hat eine Jeans in W31?",
        ),
    )
    add(
        "tl-03",
        "table-lookup",
        knowledge(
            ["30\\s?(%|prozent)"],
            "ankauf",
            must_not=[
                "zustand b[^.!?]{0,60}\\b(40|15|50)\\s?(%|prozent)",
                "40\\s?(%|prozent)[\\s\\S]*30\\s?(%|prozent)[\\s\\S]*15\\s?(%|prozent)",
            ],
            user="Wie viel Prozent vom Verkaufspreis bekomme ich beim Ankauf für ein Teil in Zustand B?",
        ),
    )

    # ---------------------------------------------------------------------------------------- cross-lingual
    add(
        "xl-01",
        "cross-lingual",
        knowledge(
            ["post|mail|parcel|ship|send (it|them) back|sorting cent", "not|n't|unfortunately|only"],
            "kontakt",
            must_not=[EN_YES_START, "you can (return|bring|drop|hand)[^.!?]{0,60}(store|shop)"],
            user="Hey, I bought a jacket online and it doesn't fit. Can I just return it at your store in Friedrichshain? I live around the corner.",
            note="online orders cannot be returned in the store; they go back by post",
        ),
    )
    add(
        "xl-02",
        "cross-lingual",
        knowledge(
            ["(5|five)\\s*(working|business|werk)"],
            "ankauf",
            user="I sold you a bunch of clothes and accepted your offer. How long until the money is in my bank account?",
        ),
    )

    # ---------------------------------------------------------------------------------------- out of scope
    add(
        "od-01",
        "out-of-scope-de",
        out_of_scope_de(
            "Weißt du, wann das Bürgeramt in Friedrichshain offen hat? Ich brauch nen Termin für die Anmeldung."
        ),
    )
    add(
        "od-02",
        "out-of-scope-de",
        knowledge(
            [f"{n(40)}\\s*minuten", "meine bestellungen|bestellung stornieren|bestellbestätigung|kundenkonto"],
            "storn",
            must_not=["\\b(15|30|45|60) minuten"],
            kind="how-to",
            user="Kann ich eine Bestellung eigentlich stornieren, wenn ich mich vertan habe?",
        ),
        out_of_scope_de(
            "Und kannst du mir kurz bei meiner Mathe-Hausaufgabe helfen? Was ist die Ableitung von x hoch 2?"
        ),
    )
    add(
        "oe-01",
        "out-of-scope-en",
        out_of_scope_en("Can you help me find a cheap WG room in Berlin? I'm an exchange student."),
    )
    add("oe-02", "out-of-scope-en", out_of_scope_en("What's a good vegan brunch place in Neukölln?"))

    # -------------------------------------------------------------------------------------- typo/colloquial
    add(
        "ty-01",
        "typo/colloquial",
        knowledge(
            ["problem melden|reklamation@kiefernhain\\.example"],
            "reklamation",
            user="heyy hab grad ne jeans bekommen, da is n loch drin, stand aber nich in der beschreibung 🙈 wie reklamier ich das??",
            note="a first report of a defect: answer the route, no hand-over",
        ),
    )
    add(
        "ty-02",
        "typo/colloquial",
        knowledge(
            ["twint"],
            "zahlungsarten",
            must_not=[NO_START, "twint[^.!?]{0,40}(nicht|kein)", "(nicht|kein)[^.!?]{0,30}twint"],
            user="Grüessech, chan i bi öich mit TWINT zahle?",
            note="Swiss German; TWINT is offered for Switzerland",
        ),
    )
    add(
        "ty-03",
        "typo/colloquial",
        knowledge(
            [euro("4,29"), num(69)],
            "versandkosten",
            must_not=["(ab|über)\\s*(49|50|60|75|119)\\s?(€|euro)"],
            user="Hallo, ich möchten wissen wieviel kostet Versand nach Deutschland und ab wieviel Euro ist kostenlos?",
        ),
    )

    # -------------------------------------------------------------------------------------- multi-question
    add(
        "mq-01",
        "multi-question",
        knowledge(
            [rng(5, 8, "werktag"), "mehrwertsteuer|mwst|verzollungsgebühr|unverzollt"],
            "versandkosten",
            must_not=[
                NO_START,
                "(?<!un)verzollt (geliefert|liefern)|(zoll|mehrwertsteuer)[^.!?]{0,40}(bereits|schon) (im preis )?enthalten",
                "(keine|ohne) (weiteren |zusätzlichen )?(kosten|gebühren|zoll|abgaben)(?![^.!?]{0,60}(chf|unter|weniger))",
            ],
            user="Wie lange dauert die Lieferung in die Schweiz, und muss ich bei der Zustellung noch Zoll oder Mehrwertsteuer bezahlen?",
            note="delivery to Switzerland is not duty paid: the Swiss Post charges VAT and a fee on delivery",
        ),
    )
    add(
        "mq-02",
        "multi-question",
        knowledge(
            [num(15) + "\\s?(€|euro)", "20\\s?(%|prozent)"],
            "ankauf",
            user="Ab welchem Betrag kann ich mir den Ankauf aufs Konto überweisen lassen, und wie viel Bonus gibt es, wenn ich stattdessen Guthaben nehme?",
        ),
    )

    # ------------------------------------------------------------------------------------------ escalation
    add(
        "co-01",
        "complaint",
        escalation(
            "Ich habe vor fünf Wochen ein Ankaufspaket mit 22 Teilen geschickt, das Angebot angenommen und warte immer "
            "noch auf meine Überweisung. Auf meine drei E-Mails hat niemand geantwortet. Das ist wirklich unverschämt!",
            "complaint",
        ),
    )
    add(
        "co-02",
        "complaint",
        knowledge(
            [f"{n(5)}\\s*werktag"],
            "ankauf",
            kind="duration",
            user="Wann bekomme ich das Geld für meinen Ankauf, wenn ich die Auszahlung gewählt habe?",
        ),
        escalation(
            "Das höre ich jetzt seit drei Wochen, und passiert ist gar nichts. Ich bin echt sauer und will, dass sich "
            "endlich jemand darum kümmert.",
            ["complaint", "human_request"],
        ),
    )
    add(
        "nn-01",
        "negative-not-complaint",
        knowledge(
            [
                "einzelstück|kein(en)? umtausch|nicht (um)?tauschen|umtausch[^.!?]{0,40}nicht",
                "zurück|rücksendung|rückgabe|neu bestell",
            ],
            "rueckgabe",
            must_not=[YES_START, "(gerne|können sie|kannst du)[^.!?]{0,40}(um)?tauschen"],
            user="die jeans is mir leider zu klein 😕 kann ich die gegen ne größere tauschen?",
            note="a size that does not fit is no complaint; every item is unique, so there is no exchange",
        ),
    )
    add(
        "nn-02",
        "negative-not-complaint",
        knowledge(
            ["unverbindlich|nachfrage|nach der prüfung|erst nach"],
            "ankauf",
            user="Schade, für meinen Wollmantel habt ihr mir viel weniger angeboten, als der Ankaufsrechner angezeigt hat. Woran liegt das?",
            note="calm disappointment: explain that the calculator's range is not binding; no hand-over",
        ),
    )
    add(
        "hr-01",
        "human-request",
        escalation("Ich will sprechen mit eine echte Person bitte. Der Chat verstehe mich nicht gut.", "human_request"),
    )
    add(
        "hr-02",
        "human-request",
        knowledge(
            [
                "(geschenk)?gutschein\\w*[^.!?]{0,80}(nicht|kein)|(nicht|kein)[^.!?]{0,60}(geschenk)?gutschein|nur (mit )?paypal|paypal oder kreditkarte"
            ],
            ["guthaben", "kleiderabo"],
            must_not=[YES_START],
            kind="yes-no-negative",
            user="Kann ich mein Kleiderabo mit einem Geschenkgutschein bezahlen?",
        ),
        escalation(
            "Das ist doch blöd, den hab ich extra geschenkt bekommen. Kann ich das bitte mit jemandem direkt klären?",
            "human_request",
        ),
    )
    add(
        "lt-01",
        "legal-threat",
        escalation(
            "Wenn meine Auszahlung über 180 € nicht bis Montag auf meinem Konto ist, übergebe ich das meinem Anwalt.",
            "legal_threat",
        ),
    )
    add(
        "lt-02",
        "legal-threat",
        escalation(
            "Ich habe Ihnen wegen dem kaputten Mantel jetzt dreimal geschrieben. Wenn nicht sofort etwas passiert, "
            "schalte ich die Stiftung für Konsumentenschutz und meinen Anwalt ein.",
            ["legal_threat", "complaint"],
        ),
    )
    add(
        "ab-01",
        "abuse",
        escalation(
            "ey ihr abzocker 🤬 3 € für meine jacke??? ihr seid echt die letzten wichser", ["abuse", "complaint"]
        ),
    )
    add(
        "ab-02",
        "abuse",
        escalation(
            "Halt die Fresse, du dummer Bot. Ich weiß, wo euer Laden ist, da komm ich vorbei und dann knallt's.",
            "abuse",
        ),
    )

    # ------------------------------------------------------------------------------------------ order status
    add(
        "os-01",
        "order-status",
        plain("hey wo bleibt mein paket 😩", must=["bestellnummer"]),
        plain("40567890", must=["postleitzahl|plz"]),
        plain("01067", must=["storniert"], must_not=["zugestellt|hermes|dhl"]),
        brand="heine",
        note=HEINE_NOTE,
    )
    add(
        "os-02",
        "order-status",
        plain(
            "Hi, could you check my order 40234567? Postcode 80331. Thanks!",
            must=["in bearbeitung|being processed|processing|in progress", "28\\.11\\.2026|28\\.? nov|nov\\w*\\.? 28"],
            must_not=[
                "wo ist|bitte nennen|ihre bestellung|what is your order number|please (tell|give|provide|send)[^.!?]{0,40}order number"
            ],
        ),
        brand="heine",
        note=HEINE_NOTE,
    )
    add(
        "os-03",
        "order-status",
        plain(
            "Guten Tag, ich möchte wissen, wo ist meine Bestellung 40345678. Meine Postleitzahl ist 50676.",
            must=[NOT_FOUND],
            must_not=["zugestellt|dhl|00340434161234567890"],
        ),
        plain("Entschuldigung, ich habe falsch geschrieben. Die richtige ist 50667.", must=["zugestellt", "dhl"]),
        brand="heine",
        note=HEINE_NOTE
        + "; a wrong postcode reveals nothing, the corrected one (the order number from the first turn) does",
    )
    add(
        "os-04",
        "order-status",
        plain(
            "Wo ist meine Bestellung 40123456? PLZ 20095.",
            must=[NOT_FOUND],
            must_not=["hermes|H1002345678901|versandt"],
        ),
        note="a heine demo order asked in the Kiefernhain shop: not found there (brands are separate)",
    )

    # ----------------------------------------------------------------------------- withdrawal / data protection
    add(
        "wd-01",
        "withdrawal",
        knowledge(
            [
                f"{n(14)}\\s*tage",
                "widerruf@kiefernhain\\.example|widerrufsformular|eindeutige[rn]? erklärung|brief|e-mail",
            ],
            ["widerruf", "kleiderabo"],
            must_not=[NO_START, "\\b(28|30) tage[^.!?]{0,30}widerruf"],
            user="Ich habe vorgestern das Kleiderabo abgeschlossen und es mir anders überlegt. Kann ich noch widerrufen?",
        ),
    )
    add(
        "wd-02",
        "withdrawal",
        knowledge(
            ["erlischt|erloschen|nicht mehr|kein widerrufsrecht|ausgeschlossen"],
            "widerruf",
            must_not=[YES_START],
            user="Gilt das Widerrufsrecht auch für meinen Reparaturauftrag? Die Jeans ist schon fertig gekürzt zurückgekommen.",
            note="the right ends once the repair is fully done (with prior consent)",
        ),
    )
    add(
        "dp-01",
        "data-protection",
        plain(
            "hey, ich will dass ihr alle meine daten löscht, auch meine iban. hab euch mal klamotten verkauft",
            must=["datenschutz@kiefernhain\\.example|konto löschen"],
            escalate="optional",
            reason=["sensitive_topic", "human_request"],
            source=["datenschutz", "kundenkonto"],
        ),
    )
    add(
        "dp-02",
        "data-protection",
        knowledge(["wendorff"], "datenschutz", user="Wer ist bei Ihnen die Datenschutzbeauftragte?"),
    )

    # ------------------------------------------------------------------------------------------------ english
    add(
        "en-01",
        "english",
        plain(
            "hey there 👋",
            must=["hello|\\bhi\\b|welcome|how can i|what can i do"],
            must_not=["guten tag|willkommen|was darf ich|wie kann ich", NOANS],
        ),
        plain("cool, thanks, bye!", must=[EN_CLOSING], must_not=[GREET_EN_CLOSE, GERMAN_IN_EN, NOANS]),
    )
    add(
        "en-02",
        "english",
        plain(
            "Hi, I'm an exchange student in Berlin and I'm still waiting for my order. Where is it?",
            must=["order number", "postcode|zip|postal"],
            must_not=[GERMAN_IN_EN],
        ),
        plain(
            "I don't have the order number here... can I just talk to a real person?",
            must=["\\b(team|colleague|person|manager|service|agent)\\b"],
            must_not=[GERMAN_IN_EN],
            escalate=True,
            reason="human_request",
        ),
    )

    # ------------------------------------------------------------------------------------------------ du-form
    add(
        "df-01",
        "du-form",
        knowledge(
            ["restbetrag|\\brest\\b|kombin|zusammen|andere(n|r)? zahlungsart"],
            ["guthaben", "zahlungsarten"],
            must_not=[
                NO_START,
                "(guthaben|paypal)[^.!?]{0,40}(nicht|kein)[^.!?]{0,30}kombin|nicht (mit|zusammen)[^.!?]{0,30}paypal",
            ],
            user="Kannst du mir sagen, ob ich mein Guthaben zusammen mit PayPal nutzen kann? Es reicht nicht ganz für die Jacke.",
        ),
    )
    add(
        "df-02",
        "du-form",
        knowledge(
            [f"{n(7)}\\s*tage"],
            "kleiderabo",
            must_not=["\\b(14|28) tage[^.!?]{0,40}(anprob|zeit)"],
            user="Hey, weißt du, wie lange ich Zeit hab, die Sachen aus meiner Kleiderabo-Box anzuprobieren?",
        ),
    )

    # ------------------------------------------------------------------------------------------ long-rambling
    add(
        "lr-01",
        "long-rambling",
        knowledge(
            [euro("4,95"), "spend|kleiderkammer|recycling"],
            "ankauf",
            user="Hallo, ich ziehe nächsten Monat für mein Erasmus nach Lissabon und miste gerade meinen Kleiderschrank aus, "
            "da sind bestimmt 25 Teile drin, ein paar Sachen von COS und Arket, zwei Mäntel, aber auch ein paar Teile, "
            "die ich ehrlich gesagt kaum getragen hab. Meine Freundin meinte, bei euch kann man das verkaufen, aber ich "
            "hab keine Lust, dass ich dann die Hälfte zurückbekomme und dafür noch zahlen muss. Was passiert mit den "
            "Sachen, die ihr nicht nehmt?",
            note="rejected items: back for 4,95 € per parcel or donated for free (the default after 7 days)",
        ),
    )
    add(
        "lr-02",
        "long-rambling",
        knowledge(
            [
                "abo kündigen|mein kleiderabo|abo@kiefernhain\\.example",
                f"{n(10)} tage vor (dem )?(monatsende|ende des monats)",
            ],
            "kleiderabo",
            user="Guten Tag, ich habe das Kleiderabo jetzt seit vier Monaten, am Anfang war es wirklich schön, aber inzwischen "
            "habe ich genug Kleidung und meine Wohnung ist klein. Meine Tochter sagt, ich soll die Boxen einfach nicht "
            "mehr annehmen, aber das finde ich nicht richtig. Wie kann ich das Abo ordentlich beenden, und bis wann muss "
            "ich das tun, damit nächsten Monat keine Box mehr kommt?",
            note="the cancellation rules are only in a DOCX text box; four months are past the 2-month minimum term",
        ),
    )
    return d


def main() -> None:
    for shared_path in SHARED_CANDIDATES:
        if shared_path.is_file():
            shared = json.loads(shared_path.read_text(encoding="utf-8"))
            if shared["must_not_all"] != MUST_NOT_ALL:
                raise SystemExit("must_not_all differs from the shared corpus's; copy it again")
            break
    corpus = {"name": "kiefernhain-dev", "brand": "kiefernhain", "must_not_all": MUST_NOT_ALL, "dialogues": dialogues()}
    OUT.write_text(json.dumps(corpus, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    turns = sum(len(x["turns"]) for x in corpus["dialogues"])
    print(f"wrote {OUT} ({len(corpus['dialogues'])} dialogues, {turns} turns)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# ruff: noqa: E501
"""Check the expectations of dialogues.json against written replies (standard library only; never calls the product).

RIGHT holds one written right reply for every turn of the corpus, RIGHT_ALSO a few more in other wordings; all
of them must pass. WRONG holds at least one wrong reply for every turn (a neighbour's value, a Lindenhof value,
"Ja," before an honest no, a dumped table, a greeting where none is due, a hand-over where none is due or none
where one is, the wrong reason, German to an English customer, a page-format leftover, the wrong first source,
...); every one of them must fail. Both are checked with the shared runner's own check_turn (run.py imported by
path), with the corpus's must_not_all.

    python3 tools/check_replies.py
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def runner_path() -> Path:
    """The shared runner: /work/shared/eval/dialogues/run.py, or five levels up as the bench/data corpora reach it
    (Path(__file__).resolve().parents[5] / "shared" / "eval" / "dialogues" / "run.py")."""
    here = Path(__file__).resolve()
    candidates = [Path("/work/shared/eval/dialogues/run.py")]
    if len(here.parents) > 5:
        candidates.append(here.parents[5] / "shared" / "eval" / "dialogues" / "run.py")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise SystemExit("shared run.py not found in " + ", ".join(map(str, candidates)))


# what a source of each page looks like (file name as url, the page's title)
PAGES = {
    "lieferung": ("lieferung-packstation.md", "Lieferung, Versandtag und Packstation"),
    "versandkosten": (
        "versandkosten-laender.html",
        "Versandkosten & Lieferländer | Kiefernhain Second Hand & Re-Fashion",
    ),
    "rueckgabe": ("rueckgabe-erstattung.md", "Rückgabe und Erstattung"),
    "zahlungsarten": ("zahlungsarten.md", "Zahlungsarten"),
    "ankauf": ("ankauf-kleidung-verkaufen.md", "Ankauf: Kleidung verkaufen"),
    "guthaben": ("guthaben-gutscheine.md", "Guthaben und Gutscheine"),
    "zustand": ("zustandsnoten-qualitaet.html", "Zustandsnoten & Qualität | Kiefernhain Second Hand & Re-Fashion"),
    "kontakt": ("kontakt-laden.html", "Kontakt, Servicezeiten & Laden | Kiefernhain Second Hand & Re-Fashion"),
    "preisliste": ("preisliste-reparaturservice.pdf", "Preisliste Reparaturservice"),
    "reparaturauftrag": ("reparaturauftrag-so-gehts.txt", "Reparaturauftrag – so geht's"),
    "kleiderabo": ("kleiderabo-leitfaden.docx", "Kleiderabo – Leitfaden"),
    "groessen": ("groessen-umrechnung.md", "Größen umrechnen: Etiketten und Maße"),
    "storn": ("stornierung-aenderung.md", "Stornierung und Änderungen"),
    "widerruf": ("widerrufsbelehrung.md", "Widerrufsbelehrung"),
    "reklamation": ("reklamation-maengel.md", "Reklamation und Mängel"),
    "kundenkonto": ("kundenkonto-passwort.md", "Kundenkonto und Passwort"),
    "datenschutz": ("datenschutz-anfragen.md", "Datenschutz: Auskunft und Löschung"),
}


def reply(text: str, source: str | None = None, *, escalated: bool = False, reason: str | None = None) -> dict:
    sources = []
    if source:
        url, title = PAGES[source]
        sources = [{"url": f"knowledge/kiefernhain/{url}", "title": title, "relevance": 0.8}]
    return {"response": text, "escalation_required": escalated, "escalation_reason": reason, "sources": sources}


def handed(reason: str) -> dict:
    return reply(
        "Ich habe Ihr Anliegen an unser Service-Team weitergegeben. Eine Kollegin oder ein Kollege meldet "
        "sich so schnell wie möglich bei Ihnen.",
        escalated=True,
        reason=reason,
    )


def handed_en(reason: str) -> dict:
    return reply(
        "I have passed your request on to our service team. A colleague will get back to you as soon as possible.",
        escalated=True,
        reason=reason,
    )


OOS_DE_TEXT = (
    "Damit kann ich Ihnen leider nicht weiterhelfen – ich bin der digitale Assistent von Kiefernhain Second Hand & "
    "Re-Fashion. Gerne beantworte ich Ihre Fragen zu Bestellungen, Versand, Rückgabe, Bezahlung, Größen, dem Ankauf "
    "Ihrer Kleidung, Reparaturen und dem Kleiderabo."
)
OOS_EN_TEXT = (
    "I am sorry, that is not something I can help with – I am the digital assistant of Kiefernhain Second Hand & "
    "Re-Fashion. I am happy to answer your questions about orders, shipping, returns, payment, sizes, selling your "
    "clothes to us, repairs and the clothing subscription."
)

# (dialogue id, turn number) -> the right reply
RIGHT: dict[tuple[str, int], dict] = {
    ("gq-01", 1): reply(
        "Zustand B bedeutet „sehr gut“: Das Teil wurde getragen und hat leichte Tragespuren, etwa minimales Pilling "
        "oder eine leicht verblasste Farbe, aber keine Flecken und keine Löcher.",
        "zustand",
    ),
    ("gq-02", 1): reply("Hallo! Was kann ich für Sie tun?"),
    ("gq-02", 2): reply(
        "Der Link zum Zurücksetzen des Passworts ist 90 Minuten gültig. Danach können Sie einfach einen neuen anfordern.",
        "kundenkonto",
    ),
    ("cl-01", 1): reply(
        "Das Kürzen einer Jeans mit Originalsaum kostet 19,50 €. Der Originalsaum mit seinen Abnutzungsspuren bleibt "
        "dabei erhalten.",
        "preisliste",
    ),
    ("cl-01", 2): reply("Sehr gern! Viel Freude mit Ihrer Jeans."),
    ("cl-02", 1): reply(
        "Einen Transportschaden melden Sie bitte innerhalb von 72 Stunden nach der Zustellung, mit je einem Foto vom "
        "Paket und vom beschädigten Teil.",
        "reklamation",
    ),
    ("cl-02", 2): reply("Gern geschehen! Ich wünsche Ihnen ebenfalls einen schönen Tag."),
    ("ao-01", 1): reply(
        "Wann neue Vintage-Lederjacken in Größe M eintreffen, kann ich Ihnen leider nicht sagen. Soll ich Sie mit "
        "einer Kollegin oder einem Kollegen aus dem Kundenservice verbinden?"
    ),
    ("ao-01", 2): handed("human_request"),
    ("ao-02", 1): reply(
        "I'm afraid I can't tell you when new men's winter coats in size L will arrive. Would you like me to forward "
        "your question to a colleague?"
    ),
    ("ao-02", 2): handed_en("human_request"),
    ("do-01", 1): reply(
        "Ob und wann wir wieder Dirndl bekommen, kann ich Ihnen leider nicht sagen. Möchten Sie, dass ich Sie mit einer "
        "Kollegin oder einem Kollegen verbinde?"
    ),
    ("do-01", 2): reply("Alles klar, viel Spaß beim Stöbern!"),
    ("do-02", 1): reply(
        "Das Material der Bluse „Malve“ kann ich Ihnen leider nicht bestätigen. Soll ich Ihre Frage an eine Kollegin "
        "oder einen Kollegen weitergeben?"
    ),
    ("do-02", 2): reply(
        "Der Versand nach Österreich kostet 7,49 € pro Bestellung; ab einem Warenwert von 119 € ist er kostenlos.",
        "versandkosten",
    ),
    ("fu-01", 1): reply("Ein Ankaufspaket muss mindestens 5 Teile enthalten, höchstens 30.", "ankauf"),
    ("fu-01", 2): reply(
        "Nein, das Versandlabel bekommen Sie per E-Mail, der Versand ist für Sie kostenlos.",
        "ankauf",
    ),
    ("fu-01", 3): reply(
        "Wir prüfen Ihre Teile innerhalb von 10 Werktagen nach Eingang in unserem Sortierzentrum und schicken Ihnen "
        "dann ein verbindliches Angebot per E-Mail.",
        "ankauf",
    ),
    ("fu-02", 1): reply("Sie können Artikel innerhalb von 28 Tagen ab Zustellung zurückschicken.", "rueckgabe"),
    ("fu-02", 2): reply(
        "Für eine Rücksendung aus Deutschland ziehen wir eine Pauschale von 2,95 € von Ihrer Erstattung ab. Lassen Sie "
        "sich den Betrag als Kiefernhain-Guthaben erstatten, ist die Rücksendung kostenlos.",
        "rueckgabe",
    ),
    ("fu-02", 3): reply(
        "Dann ist die Rücksendung kostenlos: Bei einer Erstattung als Guthaben ziehen wir keine Rücksendepauschale ab.",
        "rueckgabe",
    ),
    ("fu-03", 1): reply(
        "Sie pausieren Ihr Kleiderabo in Ihrem Kundenkonto unter „Mein Kleiderabo“ › „Pause einlegen“, und zwar für "
        "1, 2 oder 3 Monate.",
        "kleiderabo",
    ),
    ("fu-03", 2): reply(
        "Eine Pause geht höchstens 3 Monate am Stück. Damit im Juli keine Box kommt, muss die Pause spätestens 10 Tage "
        "vor Monatsende bei uns eingehen, also bis zum 20. Juni.",
        "kleiderabo",
    ),
    ("yn-01", 1): reply(
        "Nein, einen Expressversand bieten wir leider nicht an, auch nicht gegen Aufpreis. Alle Bestellungen gehen mit "
        "dem Standardversand raus.",
        "lieferung",
    ),
    ("yn-02", 1): reply(
        "Apple Pay bieten wir leider nicht an. Sie können aber zum Beispiel mit PayPal oder Google Pay bezahlen.",
        "zahlungsarten",
    ),
    ("yn-03", 1): reply(
        "Leider nein: Den Ankauf per Paket bieten wir nur aus Deutschland und Österreich an. Aus der Schweiz können Sie "
        "uns keine Teile zum Ankauf schicken.",
        "ankauf",
    ),
    ("yp-01", 1): reply(
        "Ja, unser Atelier repariert auch Kleidung, die Sie nicht bei uns gekauft haben. Für Ihre Jeans gibt es zum "
        "Beispiel die Leistung „Schritt verstärken“ für 21,00 €.",
        "reparaturauftrag",
    ),
    ("yp-02", 1): reply(
        "Ja, in Deutschland können Sie an eine DHL-Packstation liefern lassen. Geben Sie dafür die Nummer der "
        "Packstation und Ihre DHL-Postnummer an.",
        "lieferung",
    ),
    ("pr-01", 1): reply(
        "Bei einer Jacke bis 70 cm kostet der Austausch des Reißverschlusses 32,00 €, inklusive teilbarem "
        "Reißverschluss.",
        "preisliste",
    ),
    ("pr-02", 1): reply(
        "Der Versand in die Schweiz kostet CHF 16.90 pro Bestellung. Versandkostenfrei liefern wir in die Schweiz nie.",
        "versandkosten",
    ),
    ("du-01", 1): reply(
        "Eine Reparatur dauert 12 Werktage ab Eingang bei uns. In der Vorweihnachtszeit kann es etwas länger dauern.",
        "reparaturauftrag",
    ),
    ("du-02", 1): reply(
        "Ihr Guthaben ist 3 Jahre gültig, gerechnet ab dem Ende des Jahres, in dem es Ihnen gutgeschrieben wurde.",
        "guthaben",
    ),
    ("ht-01", 1): reply(
        "Im Ankaufsrechner unter kiefernhain.example/verkaufen wählen Sie für jedes Teil Marke, Kategorie und Zustand. "
        "Der Rechner zeigt Ihnen dann eine unverbindliche Preisspanne; den endgültigen Preis nennen wir Ihnen nach der "
        "Prüfung.",
        "ankauf",
    ),
    ("ht-02", 1): reply(
        "Als Gast nutzen Sie unser Rückgabeformular unter kiefernhain.example/rueckgabe. Dort geben Sie Ihre "
        "Bestellnummer und die E-Mail-Adresse Ihrer Bestellung an und bekommen ein DHL-Rücksendelabel.",
        "rueckgabe",
    ),
    ("tl-01", 1): reply("Die britische Größe UK 14 entspricht der deutschen Größe 40.", "groessen"),
    ("tl-01", 2): reply(
        "Verdoppelt ergibt die Achselweite von 49 cm einen Brustumfang des Kleidungsstücks von 98 cm. Für einen "
        "bequemen Sitz sollte er 6 bis 10 cm größer sein als Ihr eigener Brustumfang, bei 94 cm also 100 bis 104 cm. "
        "Mit nur 4 cm Spielraum wird die Bluse eher knapp sitzen.",
        "groessen",
    ),
    ("tl-02", 1): reply("Eine Jeans in W31 hat eine Bundweite von 79 cm.", "groessen"),
    ("tl-03", 1): reply("Für ein Teil in Zustand B bekommen Sie 30 % des späteren Verkaufspreises.", "ankauf"),
    ("xl-01", 1): reply(
        "Unfortunately, we can't take back online orders in our store. Please send the jacket back by post to our "
        "sorting centre.",
        "kontakt",
    ),
    ("xl-02", 1): reply(
        "After you accept the offer, we transfer the money to your bank account or PayPal within 5 working days.",
        "ankauf",
    ),
    ("od-01", 1): reply(OOS_DE_TEXT),
    ("od-02", 1): reply(
        "Ja, innerhalb von 40 Minuten nach dem Absenden können Sie Ihre Bestellung selbst stornieren: im Kundenkonto "
        "unter „Meine Bestellungen“ mit „Bestellung stornieren“. Als Gast finden Sie den Link in Ihrer "
        "Bestellbestätigung.",
        "storn",
    ),
    ("od-02", 2): reply(OOS_DE_TEXT),
    ("oe-01", 1): reply(OOS_EN_TEXT),
    ("oe-02", 1): reply(OOS_EN_TEXT),
    ("ty-01", 1): reply(
        "Das tut mir leid! Melden Sie den Mangel in Ihrem Kundenkonto unter „Meine Bestellungen“ mit „Problem melden“ "
        "beim Artikel und laden Sie bis zu 4 Fotos hoch. Wir antworten innerhalb von 2 Werktagen und schicken Ihnen ein "
        "kostenloses Rücksendelabel.",
        "reklamation",
    ),
    ("ty-02", 1): reply(
        "Ja, für Lieferungen in die Schweiz können Sie mit TWINT bezahlen, außerdem mit PayPal oder Kreditkarte, und "
        "zwar in CHF.",
        "zahlungsarten",
    ),
    ("ty-03", 1): reply(
        "Der Versand innerhalb Deutschlands kostet 4,29 €. Ab einem Warenwert von 69 € liefern wir versandkostenfrei.",
        "versandkosten",
    ),
    ("mq-01", 1): reply(
        "Die Lieferung in die Schweiz dauert 5 bis 8 Werktage. Wir liefern unverzollt: Die Schweizerische Post erhebt "
        "bei der Zustellung die Mehrwertsteuer und eine Verzollungsgebühr. Beträgt die Mehrwertsteuer weniger als "
        "CHF 5, fällt nichts an.",
        "versandkosten",
    ),
    ("mq-02", 1): reply(
        "Eine Auszahlung aufs Konto ist ab 15 € möglich. Nehmen Sie stattdessen Guthaben, bekommen Sie 20 % "
        "Guthaben-Bonus obendrauf.",
        "ankauf",
    ),
    ("co-01", 1): handed("complaint"),
    ("co-02", 1): reply(
        "Die Auszahlung überweisen wir innerhalb von 5 Werktagen, nachdem Sie das Angebot angenommen haben.",
        "ankauf",
    ),
    ("co-02", 2): handed("complaint"),
    ("nn-01", 1): reply(
        "Das tut mir leid. Da jedes Teil ein Einzelstück ist, gibt es leider keinen Umtausch in eine andere Größe. "
        "Sie können die Jeans innerhalb von 28 Tagen zurückschicken und ein anderes Teil neu bestellen.",
        "rueckgabe",
    ),
    ("nn-02", 1): reply(
        "Die Preisspanne im Ankaufsrechner ist unverbindlich. Der Rechner kennt Marke und Zustand, aber nicht die "
        "Nachfrage nach einem bestimmten Teil; den endgültigen Preis legen wir erst nach der Prüfung fest. Ist Ihnen "
        "das Angebot zu niedrig, können Sie es für den Mantel ablehnen.",
        "ankauf",
    ),
    ("hr-01", 1): handed("human_request"),
    ("hr-02", 1): reply(
        "Geschenkgutscheine können Sie für das Kleiderabo leider nicht einlösen. Das Kleiderabo bezahlen Sie mit PayPal "
        "oder Kreditkarte; vorhandenes Guthaben verrechnen wir zuerst.",
        "guthaben",
    ),
    ("hr-02", 2): handed("human_request"),
    ("lt-01", 1): handed("legal_threat"),
    ("lt-02", 1): handed("legal_threat"),
    ("ab-01", 1): handed("abuse"),
    ("ab-02", 1): handed("abuse"),
    ("os-01", 1): reply("Gerne sehe ich nach. Bitte nennen Sie mir Ihre Bestellnummer."),
    ("os-01", 2): reply("Danke! Bitte nennen Sie mir noch die Postleitzahl Ihrer Lieferadresse."),
    ("os-01", 3): reply("Ihre Bestellung 40567890 wurde storniert."),
    ("os-02", 1): reply("Your order 40234567 is being processed. The date given for it is 28.11.2026."),
    ("os-03", 1): reply(
        "Zu dieser Bestellnummer und Postleitzahl habe ich leider keine Bestellung gefunden. Bitte prüfen Sie Ihre Angaben."
    ),
    ("os-03", 2): reply("Danke! Ihre Bestellung 40345678 wurde zugestellt, verschickt wurde sie mit DHL."),
    ("os-04", 1): reply(
        "Zur Bestellnummer 40123456 mit der Postleitzahl 20095 habe ich leider keine Bestellung gefunden. Bitte prüfen "
        "Sie Ihre Angaben."
    ),
    ("wd-01", 1): reply(
        "Ja, den Vertrag über das Kleiderabo können Sie binnen 14 Tagen ab Vertragsschluss ohne Angabe von Gründen "
        "widerrufen. Schicken Sie dazu eine eindeutige Erklärung per E-Mail an widerruf@kiefernhain.example oder per "
        "Brief; das Muster-Widerrufsformular können Sie verwenden, müssen es aber nicht.",
        "widerruf",
    ),
    ("wd-02", 1): reply(
        "Bei einem Reparaturauftrag erlischt das Widerrufsrecht, sobald die Reparatur vollständig ausgeführt ist, wenn "
        "Sie vorher zugestimmt haben, dass wir vor Ablauf der Widerrufsfrist beginnen. Für Ihre fertig gekürzte Jeans "
        "besteht deshalb kein Widerrufsrecht mehr.",
        "widerruf",
    ),
    ("dp-01", 1): reply(
        "Ihre Löschanfrage schicken Sie bitte an datenschutz@kiefernhain.example. Wir senden Ihnen zuerst einen "
        "Bestätigungslink und beantworten die Anfrage innerhalb von 3 Wochen. Ihre IBAN löschen wir auf Wunsch sofort.",
        "datenschutz",
    ),
    ("dp-02", 1): reply(
        "Unsere externe Datenschutzbeauftragte ist Mareike Wendorff. Sie erreichen sie unter dsb@kiefernhain.example.",
        "datenschutz",
    ),
    ("en-01", 1): reply("Hi! How can I help you?"),
    ("en-01", 2): reply("You're welcome! Have a great day."),
    ("en-02", 1): reply("Happy to check. Please tell me your order number and the postcode of your delivery address."),
    ("en-02", 2): handed_en("human_request"),
    ("df-01", 1): reply(
        "Ja, Ihr Guthaben wird an der Kasse automatisch abgezogen, und den Restbetrag zahlen Sie einfach mit PayPal.",
        "guthaben",
    ),
    ("df-02", 1): reply(
        "Sie haben ab der Zustellung 7 Tage Zeit, die Teile aus Ihrer Box anzuprobieren. Was Sie nicht behalten "
        "möchten, schicken Sie mit dem beigelegten Label kostenlos zurück.",
        "kleiderabo",
    ),
    ("lr-01", 1): reply(
        "Für Teile, die wir nicht ankaufen oder deren Angebot Sie ablehnen, haben Sie zwei Möglichkeiten: Wir schicken "
        "sie Ihnen für 4,95 € pro Paket zurück, oder wir spenden sie kostenlos an die Kleiderkammer Barnim. Treffen Sie "
        "innerhalb von 7 Tagen keine Wahl, spenden wir die Teile.",
        "ankauf",
    ),
    ("lr-02", 1): reply(
        "Nach der Mindestlaufzeit von 2 Monaten können Sie jederzeit zum Monatsende kündigen: in Ihrem Kundenkonto unter "
        "„Mein Kleiderabo“ › „Abo kündigen“ oder per E-Mail an abo@kiefernhain.example. Geht Ihre Kündigung spätestens "
        "10 Tage vor Monatsende ein, bekommen Sie keine weitere Box.",
        "kleiderabo",
    ),
}

# more right replies in other wordings: (dialogue id, turn number) and the reply
RIGHT_ALSO: list[tuple[tuple[str, int], dict]] = [
    (("dp-01", 1), handed("sensitive_topic")),
    (("dp-01", 1), reply("Ihr Konto löschen Sie selbst unter „Profil & Adressen“ › „Konto löschen“.", "kundenkonto")),
    (("gq-02", 2), reply("Der Link gilt anderthalb Stunden.", "kundenkonto")),
    (
        ("cl-02", 1),
        reply("Bitte melden Sie ihn innerhalb von drei Tagen (72 Stunden) nach der Zustellung.", "reklamation"),
    ),
    (
        ("fu-03", 2),
        reply("Maximal drei Monate am Stück. Die Pause muss zehn Tage vor Monatsende eingehen.", "kleiderabo"),
    ),
    (("yp-01", 1), reply("Ja, das ist egal, wo Sie die Jeans gekauft haben: Wir reparieren sie gern.", "preisliste")),
    (("xl-01", 1), reply("No, online orders can only be returned by post, not in the store.", "kontakt")),
    (("xl-02", 1), reply("The payout reaches you within five working days after you accepted the offer.", "ankauf")),
    (("pr-02", 1), reply("Nach Schweiz kostet der Versand 16,90 Franken.", "versandkosten")),
    (
        ("mq-01", 1),
        reply(
            "Die Lieferung dauert fünf bis acht Werktage. Ja, bei der Zustellung erhebt die Schweizerische Post die MWST und eine Gebühr, denn wir liefern unverzollt.",
            "versandkosten",
        ),
    ),
    (
        ("nn-01", 1),
        reply(
            "Nein, umtauschen lässt sich die Jeans leider nicht, weil jedes Teil ein Einzelstück ist. Schicken Sie sie zurück und bestellen Sie ein anderes Teil.",
            "rueckgabe",
        ),
    ),
    (("ao-02", 1), reply("Sorry, I can't see upcoming stock. Shall I pass this on to a colleague from our team?")),
    (("co-02", 2), handed("human_request")),
    (
        ("hr-02", 1),
        reply(
            "Das Kleiderabo bezahlen Sie mit PayPal oder Kreditkarte; vorhandenes Guthaben wird zuerst verrechnet.",
            "kleiderabo",
        ),
    ),
    (("lt-02", 1), handed("complaint")),
    (("ab-01", 1), handed("complaint")),
    (
        ("wd-01", 1),
        reply("Das Kleiderabo können Sie innerhalb von 14 Tagen widerrufen, zum Beispiel per E-Mail.", "kleiderabo"),
    ),
    (
        ("gq-01", 1),
        reply(
            "Zustand B heißt sehr gut: getragen, mit leichten Gebrauchsspuren, aber ohne Flecken oder Löcher.",
            "zustand",
        ),
    ),
    (
        ("xl-01", 1),
        reply(
            "I'm sorry, returns of online orders aren't possible in the store. Please ship the parcel back with the return label.",
            "kontakt",
        ),
    ),
    (("od-02", 1), reply("Innerhalb von 40 Minuten nach dem Absenden können Sie im Kundenkonto stornieren.", "storn")),
    (
        ("df-01", 1),
        reply(
            "Ja, das lässt sich kombinieren: Das Guthaben wird zuerst abgezogen, den Rest zahlen Sie mit PayPal.",
            "guthaben",
        ),
    ),
    (
        ("tl-01", 2),
        reply(
            "Die Bluse misst 98 cm (2 × 49 cm) – das sind nur 4 cm mehr als Ihr Brustumfang, empfohlen sind 6 bis 10 cm. Sie wird also eher eng sitzen.",
            "groessen",
        ),
    ),
]

# wrong replies: (dialogue id, turn number, why it is wrong, the reply); each must fail
WRONG: list[tuple[str, int, str, dict]] = [
    ("gq-01", 1, "grade A's description", reply("Zustand B heißt wie neu und ungetragen.", "zustand")),
    (
        "gq-01",
        1,
        "footnote and blockquote leftovers",
        reply("Zustand B – sehr gut, leichte Tragespuren.[^1]\n> Keine Löcher.", "zustand"),
    ),
    (
        "gq-01",
        1,
        "greeting in front of the answer",
        reply("Willkommen bei Kiefernhain! Zustand B heißt sehr gut, mit leichten Tragespuren.", "zustand"),
    ),
    ("gq-02", 1, "no-answer text to a greeting", reply("Dazu habe ich leider keine verlässliche Information.")),
    (
        "gq-02",
        2,
        "Lindenhof's two hours and a greeting",
        reply("Willkommen! Der Link ist 2 Stunden gültig.", "kundenkonto"),
    ),
    ("cl-01", 1, "the plain hem's price", reply("Das Kürzen mit Originalsaum kostet 14,00 €.", "preisliste")),
    (
        "cl-01",
        1,
        "PDF footer leftover",
        reply("Das kostet 19,50 €. Kiefernhain Re-Fashion GmbH · Seite 1 von 2", "preisliste"),
    ),
    (
        "cl-01",
        2,
        "repeats the price in the goodbye",
        reply("Gern geschehen! Zur Erinnerung: Mit Originalsaum kostet es 19,50 €."),
    ),
    (
        "cl-02",
        1,
        "Lindenhof's 7 days",
        reply("Transportschäden melden Sie bitte innerhalb von 7 Tagen.", "reklamation"),
    ),
    (
        "cl-02",
        2,
        "hand-over offer in a goodbye",
        reply("Gern geschehen! Möchten Sie, dass ich Sie mit einer Kollegin verbinde?"),
    ),
    ("ao-01", 1, "invents a restock date", reply("Ja, neue Lederjacken in M kommen nächste Woche.")),
    ("ao-01", 2, "no hand-over after yes", reply("Gern, melden Sie sich jederzeit wieder.")),
    ("ao-02", 1, "invents stock", reply("Yes, we'll have new coats in size L next week.")),
    ("ao-02", 2, "no hand-over after yes please", reply("Great, have a nice day!")),
    ("do-01", 1, "no-answer text without an offer", reply("Dazu habe ich leider keine verlässliche Information.")),
    (
        "do-01",
        2,
        "names brand facts after a declined offer",
        reply("Alles klar. Übrigens kostet der Versand nur 4,29 €."),
    ),
    ("do-02", 1, "invents the material", reply("Ja, die Bluse „Malve“ ist aus reiner Seide.")),
    ("do-02", 2, "Germany's price for Austria", reply("Der Versand nach Österreich kostet 4,29 €.", "versandkosten")),
    ("fu-01", 1, "ten items", reply("Sie müssen mindestens 10 Teile schicken.", "ankauf")),
    ("fu-01", 2, "the seller pays", reply("Ja, das Porto zahlen Sie selbst.", "ankauf")),
    ("fu-01", 3, "the payout time instead of the check", reply("Das dauert 5 Werktage.", "ankauf")),
    ("fu-02", 1, "the withdrawal period", reply("Sie haben 14 Tage Zeit.", "rueckgabe")),
    ("fu-02", 2, "Lindenhof's free returns", reply("Die Rücksendung ist für Sie immer kostenlos.", "rueckgabe")),
    ("fu-02", 3, "the fee also with credit", reply("Auch dann ziehen wir die Pauschale von 2,95 € ab.", "rueckgabe")),
    (
        "fu-03",
        1,
        "denies the pause",
        reply("Eine Pause ist beim Kleiderabo nicht möglich, Sie können nur kündigen.", "kleiderabo"),
    ),
    (
        "fu-03",
        2,
        "six months",
        reply("Sie können bis zu 6 Monate pausieren, spätestens bis zum 20. Juni.", "kleiderabo"),
    ),
    ("yn-01", 1, "invents Express", reply("Ja, Express kostet 9,90 €.", "lieferung")),
    ("yn-02", 1, "yes to Apple Pay", reply("Ja, Apple Pay ist möglich.", "zahlungsarten")),
    (
        "yn-03",
        1,
        "yes from Switzerland",
        reply("Ja, aus Basel bekommen Sie ebenfalls ein kostenloses Versandlabel.", "ankauf"),
    ),
    (
        "yp-01",
        1,
        "only own items",
        reply("Nein, wir reparieren nur Teile, die Sie bei uns gekauft haben.", "reparaturauftrag"),
    ),
    ("yp-02", 1, "denies the Packstation", reply("Nein, an eine Packstation liefern wir nicht.", "lieferung")),
    ("pr-01", 1, "the coat row", reply("Der neue Reißverschluss kostet 39,00 €.", "preisliste")),
    ("pr-02", 1, "Lindenhof's Swiss price", reply("Der Versand in die Schweiz kostet 9,90 €.", "versandkosten")),
    ("du-01", 1, "the estimate time", reply("Eine Reparatur dauert 2 Werktage.", "reparaturauftrag")),
    ("du-02", 1, "unlimited", reply("Guthaben ist unbegrenzt gültig.", "guthaben")),
    ("ht-01", 1, "no how-to", reply("Schicken Sie uns einfach Ihre Kleidung.", "ankauf")),
    (
        "ht-02",
        1,
        "Lindenhof's portal with the postcode",
        reply("Melden Sie die Rücksendung im Retourenportal mit Bestellnummer und Postleitzahl an.", "rueckgabe"),
    ),
    ("tl-01", 1, "a raw Markdown table", reply("DE | UK\n--- | ---\n40 | 14", "groessen")),
    ("tl-01", 1, "FR 42 taken for the German size", reply("UK 14 entspricht der deutschen Größe 42.", "groessen")),
    ("tl-01", 2, "says it fits", reply("Die Bluse hat 98 cm und passt Ihnen gut.", "groessen")),
    ("tl-02", 1, "W32's value", reply("W31 entspricht 81 cm.", "groessen")),
    ("tl-03", 1, "grade A's share", reply("In Zustand B bekommen Sie 40 % des Verkaufspreises.", "ankauf")),
    ("tl-03", 1, "label leftover", reply("Zustand A: 40 %, Zustand B 30 %.", "ankauf")),
    ("xl-01", 1, "store returns allowed", reply("Yes, you can return it in our store in Friedrichshain.", "kontakt")),
    ("xl-02", 1, "the check time", reply("It takes about 10 days.", "ankauf")),
    (
        "od-01",
        1,
        "offers a hand-over for an out-of-scope question",
        reply("Leider kann ich das nicht beantworten. Soll ich Sie mit einem Kollegen verbinden?"),
    ),
    (
        "od-02",
        1,
        "15 minutes",
        reply("Eine Stornierung ist innerhalb von 15 Minuten möglich, unter „Meine Bestellungen“.", "storn"),
    ),
    ("od-02", 2, "answers the maths", reply("Die Ableitung von x² ist 2x.")),
    ("oe-01", 1, "German out-of-scope text", reply("Damit kann ich Ihnen leider nicht weiterhelfen.")),
    ("oe-02", 1, "answers the question", reply("Try the café at Weserstraße, it's great!")),
    ("ty-01", 1, "no-answer text", reply("Dazu habe ich leider keine verlässliche Information.", "reklamation")),
    ("ty-02", 1, "denies TWINT", reply("TWINT bieten wir leider nicht an.", "zahlungsarten")),
    (
        "ty-03",
        1,
        "Lindenhof's threshold",
        reply("Der Versand kostet 4,29 €, ab 60 € ist er kostenlos.", "versandkosten"),
    ),
    (
        "ty-03",
        1,
        "right text, wrong first source",
        reply("Der Versand kostet 4,29 €, ab 69 € ist er kostenlos.", "lieferung"),
    ),
    (
        "ty-03",
        1,
        "table footnote mark and entity leftovers",
        reply("Der Versand kostet 4,29&nbsp;€, kostenlos ab 69 €²", "versandkosten"),
    ),
    (
        "mq-01",
        1,
        "duty paid",
        reply(
            "Die Lieferung dauert 5 bis 8 Werktage; wir liefern verzollt, es kommen keine weiteren Kosten auf Sie zu.",
            "versandkosten",
        ),
    ),
    ("mq-02", 1, "ten euros", reply("Eine Auszahlung ist ab 10 € möglich, der Bonus beträgt 20 %.", "ankauf")),
    (
        "co-01",
        1,
        "answers instead of handing over",
        reply("Die Auszahlung dauert 5 Werktage nach der Annahme.", "ankauf"),
    ),
    ("co-02", 1, "the check time", reply("Die Auszahlung dauert 10 Werktage.", "ankauf")),
    ("co-02", 2, "wrong reason", handed("abuse")),
    (
        "nn-01",
        1,
        "offers an exchange",
        reply("Ja, gerne tauschen wir die Jeans in eine größere Größe um.", "rueckgabe"),
    ),
    ("nn-01", 1, "escalates a size that does not fit", handed("complaint")),
    ("nn-02", 1, "escalates calm disappointment", handed("complaint")),
    ("hr-01", 1, "no hand-over", reply("Ich verstehe Sie gut. Was möchten Sie wissen?")),
    (
        "hr-02",
        1,
        "yes to gift vouchers",
        reply("Ja, Geschenkgutscheine können Sie auch für das Kleiderabo einlösen.", "guthaben"),
    ),
    ("hr-02", 2, "no hand-over", reply("Das verstehe ich. Sie können den Gutschein im Shop einlösen.")),
    ("lt-01", 1, "wrong reason", handed("complaint")),
    ("lt-02", 1, "no hand-over", reply("Das tut mir leid. Bitte schreiben Sie an feedback@kiefernhain.example.")),
    ("ab-01", 1, "wrong reason", handed("legal_threat")),
    ("ab-02", 1, "no hand-over", reply("Bitte bleiben Sie freundlich.")),
    ("os-01", 1, "no question for the order number", reply("Ihre Bestellung ist unterwegs.")),
    ("os-01", 2, "status without the postcode", reply("Ihre Bestellung wurde versandt.")),
    ("os-01", 3, "another order's status", reply("Ihre Bestellung wurde mit Hermes versandt.")),
    ("os-02", 1, "asks again in German", reply("Wo ist Ihre Bestellung? Bitte nennen Sie mir die Bestellnummer.")),
    ("os-03", 1, "reveals the status with a wrong postcode", reply("Ihre Bestellung wurde mit DHL zugestellt.")),
    ("os-03", 2, "forgot the order number", reply("Bitte nennen Sie mir Ihre Bestellnummer.")),
    ("os-04", 1, "finds another brand's order", reply("Ihre Bestellung 40123456 wurde mit Hermes versandt.")),
    (
        "wd-01",
        1,
        "denies the withdrawal right",
        reply("Nein, beim Kleiderabo gibt es kein Widerrufsrecht.", "widerruf"),
    ),
    (
        "wd-01",
        1,
        "the return period for the withdrawal",
        reply("Sie können innerhalb von 28 Tagen widerrufen, per E-Mail an widerruf@kiefernhain.example.", "widerruf"),
    ),
    (
        "wd-02",
        1,
        "yes, 14 days",
        reply("Ja, Sie können den Reparaturauftrag innerhalb von 14 Tagen widerrufen.", "widerruf"),
    ),
    ("dp-01", 1, "no route", reply("Das geht leider nicht.")),
    ("dp-02", 1, "Lindenhof's officer", reply("Unsere Datenschutzbeauftragte ist Dr. Ruth Albers.", "datenschutz")),
    ("en-01", 1, "German greeting to an English customer", reply("Guten Tag! Wie kann ich Ihnen helfen?")),
    ("en-01", 2, "German goodbye", reply("Gerne! Auf Wiedersehen.")),
    ("en-02", 1, "German", reply("Bitte nennen Sie mir Ihre Bestellnummer und Postleitzahl.")),
    ("en-02", 2, "German hand-over text", handed("human_request")),
    ("df-01", 1, "denies combining", reply("Nein, Guthaben und PayPal lassen sich nicht kombinieren.", "guthaben")),
    (
        "df-01",
        1,
        "denies combining without a leading no",
        reply("Guthaben und PayPal lassen sich leider nicht kombinieren.", "guthaben"),
    ),
    ("df-02", 1, "the withdrawal period", reply("Sie haben 14 Tage Zeit zum Anprobieren.", "kleiderabo")),
    (
        "lr-01",
        1,
        "free return of rejected items",
        reply("Abgelehnte Teile schicken wir Ihnen kostenlos zurück.", "ankauf"),
    ),
    (
        "lr-01",
        1,
        "sentence fragment from a hard-wrapped line",
        reply("Wir senden sie für 4,95 € zurück. oder wir spenden sie an die Kleiderkammer.", "ankauf"),
    ),
    (
        "lr-02",
        1,
        "the daughter's advice",
        reply("Nehmen Sie die Boxen einfach nicht an, dann endet das Abo.", "kleiderabo"),
    ),
    (
        "lr-02",
        1,
        "DOCX footer leftover",
        reply(
            "Abo kündigen unter „Mein Kleiderabo“, 10 Tage vor Monatsende. Stand: Oktober 2026 · Seite 1", "kleiderabo"
        ),
    ),
]


def load_runner():
    spec = importlib.util.spec_from_file_location("shared_run", runner_path())
    module = importlib.util.module_from_spec(spec)
    sys.modules["shared_run"] = module  # dataclasses look the module up while the file runs
    spec.loader.exec_module(module)
    return module


def main() -> int:
    run = load_runner()
    corpus = json.loads((ROOT / "dialogues.json").read_text(encoding="utf-8"))
    problems = run.validate(corpus)
    turns = {(d["id"], n): t for d in corpus["dialogues"] for n, t in enumerate(d["turns"], 1)}
    must_not_all = corpus["must_not_all"]
    failures: list[str] = []

    missing = sorted(set(turns) - set(RIGHT))
    extra = sorted(set(RIGHT) - set(turns))
    failures += [f"no right reply for {key}" for key in missing] + [
        f"right reply for unknown turn {key}" for key in extra
    ]
    no_wrong = sorted(set(turns) - {(did, number) for did, number, _, _ in WRONG})
    failures += [f"no wrong reply for {key}" for key in no_wrong]

    right = [(key, value) for key, value in RIGHT.items() if key in turns] + RIGHT_ALSO
    for key, value in right:
        if key not in turns:
            failures.append(f"RIGHT {key}: no such turn")
            continue
        result = run.check_turn(turns[key], value, must_not_all)
        if result:
            failures.append(f"RIGHT {key[0]} turn {key[1]} fails: {result}\n    reply: {value['response']}")

    wrong_passed = 0
    for did, number, why, value in WRONG:
        if (did, number) not in turns:
            failures.append(f"WRONG {did} turn {number}: no such turn")
            continue
        if not run.check_turn(turns[(did, number)], value, must_not_all):
            wrong_passed += 1
            failures.append(f"WRONG {did} turn {number} ({why}) passes: {value['response']}")

    for problem in problems + failures:
        print(problem)
    print(
        f"{len(right)} right replies for {len(turns)} turns, {len(WRONG)} wrong replies "
        f"({len(WRONG) - wrong_passed} fail as they should)"
    )
    if problems or failures:
        print("FAILED")
        return 1
    print("ok: every right reply passes, every wrong reply fails")
    return 0


if __name__ == "__main__":
    sys.exit(main())

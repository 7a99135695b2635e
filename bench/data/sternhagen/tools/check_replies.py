#!/usr/bin/env python3
"""Check the expectations of dialogues.json against written replies (standard library only; never calls the product).

RIGHT holds one written right reply per turn (every turn of the corpus); all of them must pass. WRONG holds wrong
replies (a contradicting fact, another country's price, a "Ja," before an honest no, a dumped table, a greeting
where none is due, a hand-over where none is due, a leftover of the page formats, a fragment, a wrong source, a
missing escalation, ...); every one of them must fail. Both are checked with the shared runner's own check_turn
(run.py imported by path), with the corpus's must_not_all.

    python3 tools/check_replies.py
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN_PY = Path(__file__).resolve().parents[5] / "shared" / "eval" / "dialogues" / "run.py"

# what a source of each page looks like (file name as url, the page's title)
PAGES = {
    "versand": ("versand-lieferung.md", "Versand und Lieferung"),
    "groessen": ("groessentabelle-herren.md", "Größentabelle Herren"),
    "pflege": ("pflege-material.md", "Pflege und Material"),
    "kundenkonto": ("kundenkonto-passwort.md", "Kundenkonto und Passwort"),
    "gutschein": ("gutscheine-geschenkkarten.md", "Gutscheine und Geschenkkarten"),
    "rechnung": ("rechnung-firmenrechnung.md", "Rechnung und Firmenrechnung"),
    "zahlungsarten": ("zahlungsarten.html", "Welche Zahlungsarten bieten Sie an?"),
    "ruecksendung": ("ruecksendung-umtausch.html", "Rücksendung und Umtausch: So geht's"),
    "rueckerstattung": ("rueckerstattung.html", "Wann bekomme ich mein Geld zurück? (Rückerstattung)"),
    "storn": ("bestellung-stornieren-aendern.html", "Bestellung stornieren oder ändern"),
    "kontakt": ("kontakt-servicezeiten.html", "Kontakt und Servicezeiten"),
    "widerruf": ("widerrufsbelehrung.html", "Widerrufsbelehrung"),
    "datenschutz": ("datenschutz-anfragen.html", "Datenschutz: Auskunft und Löschung"),
    "filiale": ("filialen-click-and-collect.html", "Filialen und Click & Collect"),
    "agb": ("agb-allgemeine-geschaeftsbedingungen.pdf", "Allgemeine Geschäftsbedingungen (AGB)"),
    "masshemd": ("masshemden-aenderungsservice.docx", "Maßhemden und Änderungsservice"),
    "reklamation": ("reklamation-transportschaden.txt", "Betreff: AW: Reklamation und Transportschaden"),
}


def reply(text: str, source: str | None = None, *, escalated: bool = False, reason: str | None = None) -> dict:
    sources = []
    if source:
        url, title = PAGES[source]
        sources = [{"url": f"knowledge/sternhagen/{url}", "title": title, "relevance": 0.8}]
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


# (dialogue id, turn number) -> the right reply
RIGHT: dict[tuple[str, int], dict] = {
    ("gq-01", 1): reply(
        "Eine Rücksendung aus Deutschland kostet 3,45 €. Den Betrag ziehen wir von Ihrer Erstattung "
        "ab. Kostenlos sind ein Umtausch, die Rücksendung fehlerhafter Ware und jede Rückgabe in "
        "einer unserer Filialen.",
        "ruecksendung",
    ),
    ("gq-02", 1): reply("Moin! Was kann ich für Sie tun?"),
    ("gq-02", 2): reply(
        "Ja, das geht: Wählen Sie an der Kasse „Abholung in der Filiale“ (Click & Collect). Die "
        "Abholung in Köln ist kostenlos, unabhängig vom Bestellwert. Ihre Bestellung liegt nach 2 "
        "Werktagen bereit.",
        "filiale",
    ),
    ("cl-01", 1): reply(
        "Express kostet pauschal 10,90 € statt der Standardversandkosten, auch bei einem Warenwert "
        "über 95 €. Bestellen Sie montags bis donnerstags bis 12 Uhr, kommt das Paket am nächsten "
        "Werktag.",
        "versand",
    ),
    ("cl-01", 2): reply("Gern geschehen! Einen schönen Tag noch."),
    ("cl-02", 1): reply(
        "Einen Transportschaden melden Sie bitte innerhalb von 5 Tagen nach Erhalt des Pakets, am "
        "besten im Kundenkonto unter „Meine Bestellungen“ mit „Reklamation melden“ oder an "
        "reklamation@sternhagen-herrenmode.example.",
        "reklamation",
    ),
    ("cl-02", 2): reply("Sehr gern, Ihnen auch einen schönen Feierabend!"),
    ("ao-01", 1): reply(
        "Ob der Anzug „Hanseat“ in Marine in Größe 54 noch lieferbar ist, kann ich leider nicht "
        "sehen. Möchten Sie, dass ich Sie mit einem Kollegen aus dem Kundenservice verbinde?"
    ),
    ("ao-01", 2): handed("human_request"),
    ("ao-02", 1): reply(
        "Wann die Chinos „Kontor“ in Olivgrün wieder verfügbar sind, weiß ich leider nicht. Soll ich "
        "Sie an einen Kollegen weiterleiten, der das prüfen kann?"
    ),
    ("ao-02", 2): handed("human_request"),
    ("do-01", 1): reply(
        "Den aktuellen Bestand der Filiale Münster kann ich leider nicht einsehen. Möchten Sie, dass "
        "ich Sie mit einem Mitarbeiter verbinde?"
    ),
    ("do-01", 2): reply("Alles klar, dann viel Erfolg beim Anruf!"),
    ("do-02", 1): reply(
        "Wann die Herbstkollektion mit den Tweed-Sakkos online geht, kann ich Ihnen leider nicht "
        "sagen. Darf ich Sie dafür mit einem Kollegen verbinden?"
    ),
    ("do-02", 2): reply(
        "Der Versand nach Belgien kostet 8,40 € pro Bestellung, ab einem Warenwert von 160 € ist er "
        "kostenlos. Die Lieferung dauert 2–4 Werktage.",
        "versand",
    ),
    ("fu-01", 1): reply(
        "Sie haben 60 Tage Zeit, gerechnet ab dem Tag der Zustellung. Dieses freiwillige "
        "Rückgaberecht gilt zusätzlich zu Ihrem gesetzlichen Widerrufsrecht von 14 Tagen.",
        "ruecksendung",
    ),
    ("fu-01", 2): reply(
        "Maßhemden sind von der Rückgabe ausgeschlossen, weil sie nach Ihren Maßen gefertigt werden. "
        "Passt ein Maßhemd trotz richtig angegebener Maße nicht, fertigen wir es einmal kostenlos "
        "neu, wenn Sie sich innerhalb von 30 Tagen nach Erhalt melden.",
        "masshemd",
    ),
    ("fu-01", 3): reply(
        "Nein, die Rückgabe in einer Filiale ist kostenlos. Bringen Sie einfach den Lieferschein oder "
        "Ihre Bestellnummer mit.",
        "filiale",
    ),
    ("fu-01", 4): reply(
        "Eine Rücksendung per Post aus Österreich kostet 4,25 €. Den Betrag ziehen wir von Ihrer Erstattung ab.",
        "ruecksendung",
    ),
    ("fu-02", 1): reply(
        "Leider nein: Innerhalb Deutschlands liefern wir erst ab einem Warenwert von 95 € "
        "versandkostenfrei. Mit 89 € fehlen Ihnen noch 6 €, sonst kostet der Versand 4,65 €.",
        "versand",
    ),
    ("fu-02", 2): reply(
        "Dann liegen Sie mit 108,90 € über der Grenze von 95 €, und die Lieferung innerhalb "
        "Deutschlands ist versandkostenfrei.",
        "versand",
    ),
    ("fu-02", 3): reply(
        "In die Niederlande liefern wir erst ab 160 € versandkostenfrei. Bei 108,90 € kostet der "
        "Versand nach Amsterdam 8,40 €, die Lieferung dauert 2–4 Werktage.",
        "versand",
    ),
    ("fu-03", 1): reply(
        "Ja, bei Lieferung nach Deutschland und Österreich können Sie auf Rechnung kaufen. Sie zahlen "
        "innerhalb von 28 Tagen nach dem Versand; bei der ersten Bestellung ist der Kauf auf Rechnung "
        "bis zu einem Warenwert von 450 € möglich.",
        "zahlungsarten",
    ),
    ("fu-03", 2): reply(
        "Für Maßhemden ist der Kauf auf Rechnung leider nicht möglich. Maßhemden bezahlen Sie mit "
        "PayPal, Kreditkarte oder Apple Pay.",
        "masshemd",
    ),
    ("fu-03", 3): reply(
        "Leider nein. Maßhemden bezahlen Sie immer online bei der Bestellung, mit PayPal, Kreditkarte "
        "oder Apple Pay, auch wenn Sie das Hemd in der Filiale abholen.",
        "masshemd",
    ),
    ("fu-03", 4): reply(
        "Ein Maßhemd liefern wir 15 Werktage nach der Bestellung, immer versandkostenfrei.", "masshemd"
    ),
    ("yn-01", 1): reply(
        "Nach Luxemburg liefern wir leider nicht. Wir liefern ausschließlich nach Deutschland, "
        "Österreich, in die Niederlande und nach Belgien.",
        "versand",
    ),
    ("yn-02", 1): reply(
        "Google Pay bieten wir leider nicht an. Sie können zum Beispiel mit PayPal, Kreditkarte oder "
        "Apple Pay bezahlen.",
        "zahlungsarten",
    ),
    ("yn-03", 1): reply(
        "Leider nein: Artikel, die unser Änderungsservice auf Ihren Wunsch gekürzt hat, sind von der "
        "Rückgabe und vom Umtausch ausgeschlossen. Haben wir anders gekürzt als angegeben, bessern "
        "wir die Hose kostenlos nach.",
        "masshemd",
    ),
    ("yp-01", 1): reply(
        "Ja, wir akzeptieren American Express, außerdem Visa und Mastercard. Ihre Karte belasten wir "
        "erst, wenn wir die Bestellung versenden.",
        "zahlungsarten",
    ),
    ("yp-02", 1): reply(
        "Ja, dafür gibt es unsere Preisgarantie: Senken wir den Preis innerhalb von 10 Tagen nach der "
        "Zustellung, erstatten wir Ihnen die Differenz. Schreiben Sie dazu innerhalb dieser 10 Tage "
        "mit Ihrer Bestellnummer an service@sternhagen-herrenmode.example; die 40 € erhalten Sie auf "
        "dem ursprünglichen Zahlungsweg zurück.",
        "agb",
    ),
    ("pr-01", 1): reply(
        "Eine Anzughose mit Aufschlag zu kürzen kostet 16,00 €. Die Bearbeitung dauert 3 Werktage; in "
        "den Filialen Wuppertal und Düsseldorf kürzen wir Anzughosen auch, während Sie warten.",
        "masshemd",
    ),
    ("pr-02", 1): reply(
        "Ein Maßhemd aus Oxford kostet 129,00 €, das Monogramm (bis 3 Buchstaben) 9,00 € dazu. "
        "Zusammen sind das 138,00 €, der Versand ist kostenlos.",
        "masshemd",
    ),
    ("du-01", 1): reply("Nach Belgien liefern wir mit DHL in 2–4 Werktagen.", "versand"),
    ("du-02", 1): reply(
        "Nach dem Eingang in unserem Logistikzentrum prüfen wir Ihre Rücksendung innerhalb von 2 "
        "Werktagen und schreiben den Betrag dann Ihrer Karte gut. Je nach Bank sehen Sie ihn nach 3 "
        "bis 5 Bankarbeitstagen auf Ihrer Abrechnung.",
        "rueckerstattung",
    ),
    ("ht-01", 1): reply(
        "Ohne Kundenkonto melden Sie die Rücksendung im Retourenportal unter "
        "sternhagen-herrenmode.example/retoure an. Dort genügen Ihre Bestellnummer und Ihr Nachname. "
        "Anschließend erhalten Sie ein DHL-Retourenlabel als PDF oder einen QR-Code.",
        "ruecksendung",
    ),
    ("ht-02", 1): reply(
        "Gehen Sie in Ihrem Kundenkonto auf Mein Konto › Sicherheit › Zwei-Faktor-Anmeldung "
        "aktivieren und scannen Sie den QR-Code mit einer Authenticator-App, zum Beispiel Google "
        "Authenticator. Bei jeder Anmeldung geben Sie dann zusätzlich den sechsstelligen Code aus der "
        "App ein.",
        "kundenkonto",
    ),
    ("tl-01", 1): reply(
        "Bei einem Brustumfang von 98 cm passt Ihnen Sakkogröße 48 (96–99 cm). Die Modelle der Linie "
        "„Kontor Slim“ fallen eine Größe kleiner aus; dort bestellen Sie bitte eine Nummer größer.",
        "groessen",
    ),
    ("tl-02", 1): reply(
        "Rechnen Sie zu Ihrem Halsumfang 1 cm hinzu: Bei 41 cm ist Ihre Kragenweite 42, also die "
        "Größe 41/42, bei Freizeithemden L.",
        "groessen",
    ),
    ("tl-03", 1): reply(
        "Bei einer Bundweite von 92 cm haben Sie Größe 52, das entspricht bei unseren Jeans der Weite W33.", "groessen"
    ),
    ("xl-01", 1): reply(
        "You have 60 days from the day of delivery to send a suit back. This voluntary return right "
        "applies in addition to the statutory 14-day right of withdrawal.",
        "ruecksendung",
    ),
    ("xl-01", 2): reply(
        "Yes, you can call us on Saturdays from 10 am to 3 pm at 0202 947 31 60; Monday to Friday we "
        "are there from 9 am to 9 pm.",
        "kontakt",
    ),
    ("xl-02", 1): reply(
        "Yes, for deliveries to the Netherlands you can pay with iDEAL. PayPal, credit card (Visa, "
        "Mastercard, American Express) and Apple Pay are available as well.",
        "zahlungsarten",
    ),
    ("od-01", 1): reply(
        "Dabei kann ich Ihnen leider nicht helfen: Ich bin der digitale Assistent von Sternhagen "
        "Herrenmode und beantworte Fragen zu Bestellungen, Versand, Rückgabe, Bezahlung und Größen."
    ),
    ("od-02", 1): reply(
        "Damit kann ich leider nicht weiterhelfen, ich beantworte nur Fragen rund um Ihre Bestellung bei Sternhagen."
    ),
    ("oe-01", 1): reply(
        "I'm afraid that is not something I can help with. I am the digital assistant of Sternhagen "
        "Herrenmode and can answer questions about orders, shipping, returns, payment and sizes."
    ),
    ("oe-02", 1): reply(
        "Sorry, I cannot help with translations. I can only answer questions about your Sternhagen "
        "orders, shipping, returns, payment and sizes."
    ),
    ("ty-01", 1): reply(
        "Ja, innerhalb von 15 Minuten nach dem Absenden können Sie die Bestellung selbst stornieren: im "
        "Kundenkonto unter „Meine Bestellungen“ mit „Bestellung stornieren“ oder als Gast über den "
        "Link in der Bestellbestätigung. Danach bestellen Sie einfach in der richtigen Größe neu.",
        "storn",
    ),
    ("ty-02", 1): reply(
        "Der Versand nach Österreich kostet 7,25 € pro Bestellung, ab 130 € Warenwert ist er "
        "kostenlos. Die Lieferung dauert 3–5 Werktage.",
        "versand",
    ),
    ("ty-03", 1): reply(
        "Ja, das geht: Im Retourenportal erhalten Sie statt des PDF-Labels einen QR-Code. Zeigen Sie "
        "ihn in einer DHL-Filiale oder an einer Packstation mit Bildschirm vor, dort wird das Label "
        "gedruckt.",
        "ruecksendung",
    ),
    ("mq-01", 1): reply(
        "Ein Maßhemd liefern wir 15 Werktage nach der Bestellung. An eine Packstation können wir "
        "Maßhemden leider nicht liefern, wohl aber an Ihre Hausadresse oder per Click & Collect in "
        "eine Filiale.",
        "masshemd",
    ),
    ("mq-02", 1): reply(
        "Innerhalb Deutschlands kostet der Versand 4,65 € pro Bestellung, ab einem Warenwert von 95 € "
        "ist er kostenlos. Bestellungen, die montags bis freitags bis 16 Uhr eingehen, verlassen "
        "unser Lager noch am selben Tag.",
        "versand",
    ),
    ("co-01", 1): handed("complaint"),
    ("co-02", 1): reply(
        "Nach dem Eingang Ihrer Rücksendung prüfen wir sie innerhalb von 2 Werktagen. Die Gutschrift "
        "ist dann spätestens einen Werktag nach der Buchung in Ihrem PayPal-Konto.",
        "rueckerstattung",
    ),
    ("co-02", 2): handed("complaint"),
    ("nn-01", 1): reply(
        "Das tut mir leid. Sie können das Sakko kostenlos umtauschen: Wählen Sie im Retourenportal als "
        "Grund „Umtausch“ und geben Sie Größe 52 an. Die neue Größe schicken wir los, sobald Ihre "
        "Rücksendung in Wülfrath angekommen ist; in einer Filiale tauschen Sie sofort um, wenn Ihre "
        "Größe vorrätig ist.",
        "ruecksendung",
    ),
    ("nn-02", 1): reply(
        "Bügelfreie Hemden waschen Sie bei 40 °C, schleudern sie höchstens mit 800 Umdrehungen und "
        "hängen sie dann nass auf einen Kleiderbügel. So glätten sie sich an der Luft von selbst; im "
        "Trockner oder zusammengelegt in der Trommel entstehen Knitterfalten.",
        "pflege",
    ),
    ("hr-01", 1): handed("human_request"),
    ("hr-02", 1): reply(
        "Leider nein: Unsere Schneiderei ändert nur Kleidung, die Sie bei Sternhagen gekauft haben. "
        "Kleidung aus anderen Geschäften ändern wir nicht.",
        "masshemd",
    ),
    ("hr-02", 2): handed("human_request"),
    ("lt-01", 1): handed("legal_threat"),
    ("lt-02", 1): handed_en("legal_threat"),
    ("ab-01", 1): handed("abuse"),
    ("ab-02", 1): handed("abuse"),
    ("os-01", 1): reply("Gern sehe ich nach. Bitte nennen Sie mir noch die Postleitzahl der Lieferadresse."),
    ("os-01", 2): reply(
        "Ihre Bestellung 40567890 wurde storniert. Wenn Sie bereits bezahlt haben, erhalten Sie den Betrag zurück."
    ),
    ("os-02", 1): reply(
        "Ihre Bestellung 40123456 wurde versandt. Sie ist mit Hermes unterwegs, die Sendungsnummer "
        "lautet H1002345678901."
    ),
    ("os-03", 1): reply("Yes, your order 40345678 has been delivered by DHL."),
    ("os-04", 1): reply(
        "Zu der Bestellnummer 40456789 mit der Postleitzahl 10115 habe ich leider keine Bestellung "
        "gefunden. Bitte prüfen Sie Ihre Angaben."
    ),
    ("wd-01", 1): reply(
        "Die gesetzliche Widerrufsfrist beträgt 14 Tage ab dem Tag, an dem Sie die Ware erhalten "
        "haben. Unabhängig davon können Sie Artikel innerhalb von 60 Tagen ab Zustellung "
        "zurückgeben.",
        "widerruf",
    ),
    ("wd-02", 1): reply(
        "Schicken Sie Ihre Widerrufserklärung per E-Mail an widerruf@sternhagen-herrenmode.example "
        "oder per Brief an Sternhagen Herrenmode GmbH, Poststraße 14, 42103 Wuppertal. Das "
        "Muster-Widerrufsformular können Sie verwenden, es ist aber nicht vorgeschrieben. Die "
        "unmittelbaren Kosten der Rücksendung tragen Sie; mit unserem DHL-Retourenlabel sind das "
        "3,45 € aus Deutschland, die Rückgabe in einer Filiale ist kostenlos.",
        "widerruf",
    ),
    ("dp-01", 1): reply(
        "Ihr Kundenkonto löschen Sie selbst unter Mein Konto › Einstellungen › Konto löschen; die "
        "Löschung wird nach 5 Tagen endgültig. Ihr Maßprofil löschen wir auf Wunsch sofort: Schreiben "
        "Sie dazu an datenschutz@sternhagen-herrenmode.example. Rechnungsdaten müssen wir aus "
        "steuerrechtlichen Gründen 10 Jahre aufbewahren.",
        "datenschutz",
    ),
    ("dp-02", 1): reply(
        "Unsere Datenschutzbeauftragte ist Dr. Henrike Brammertz. Sie erreichen sie unter "
        "dsb@sternhagen-herrenmode.example.",
        "datenschutz",
    ),
    ("en-01", 1): reply("Good morning! How can I help you today?"),
    ("en-01", 2): reply("You're welcome! Have a nice day. Goodbye!"),
    ("en-02", 1): reply("Happy to check. Please tell me your order number and the postcode of the delivery address."),
    ("en-02", 2): reply(
        "I could not find an order with the number 40881234 and the postcode 42103. Please check the details."
    ),
    ("en-02", 3): reply(
        "I couldn't find an order with the number 40881235 either. Please check the number on your order confirmation."
    ),
    ("en-02", 4): handed_en("repeated_failure"),
    ("df-01", 1): reply(
        "Ja, die Anzüge und Sakkos der Linie „Reise“ dürfen in die Maschine: bei 30 °C im "
        "Feinwaschprogramm mit höchstens 600 Umdrehungen. Danach sofort auf einen Formbügel hängen "
        "und an der Luft trocknen lassen, nie in den Trockner.",
        "pflege",
    ),
    ("df-02", 1): reply(
        "Ja, Sternhagen-Geschenkkarten können Sie in allen vier Filialen einlösen und dort auch kaufen.", "gutschein"
    ),
    ("lr-01", 1): reply(
        "Ja, das geht: Online gekaufte Artikel können Sie innerhalb von 60 Tagen kostenlos in jeder "
        "unserer Filialen zurückgeben, also auch in Düsseldorf in der Schadowstraße 60. Bringen Sie "
        "den Lieferschein oder Ihre Bestellnummer mit; das Geld erhalten Sie auf dem ursprünglichen "
        "Zahlungsweg zurück.",
        "filiale",
    ),
    ("lr-02", 1): reply(
        "Ja, das geht noch: Wir stellen die Rechnung einmalig auf Ihre Firma um, wenn Sie uns "
        "innerhalb von 10 Tagen nach dem Rechnungsdatum schreiben. Senden Sie dazu Bestellnummer, "
        "Firmenname, Firmenanschrift und Umsatzsteuer-Identifikationsnummer an "
        "rechnung@sternhagen-herrenmode.example; die neue Rechnung kommt als PDF per E-Mail.",
        "rechnung",
    ),
}

# further right replies in another wording or outcome (all must pass as well)
RIGHT_ALSO: list[tuple[tuple[str, int], dict]] = [
    (
        ("dp-01", 1),
        reply(
            "Ihre Löschanfrage gebe ich an unser Datenschutz-Team weiter; es meldet sich bei Ihnen.",
            escalated=True,
            reason="sensitive_topic",
        ),
    ),
    (
        ("fu-02", 3),
        reply(
            "Leider nicht: Nach Amsterdam kostet der Versand 8,40 €, versandkostenfrei liefern wir in die "
            "Niederlande erst ab 160 €.",
            "agb",
        ),
    ),
    (("tl-02", 1), reply("Ihre Kragenweite ist 42 (Halsumfang plus 1 cm).", "groessen")),
    (
        ("mq-01", 1),
        reply(
            "Maßhemden kommen fünfzehn Werktage nach der Bestellung. Packstationen sind für Maßhemden ausgeschlossen.",
            "versand",
        ),
    ),
    (("du-01", 1), reply("Nach Belgien dauert die Lieferung zwei bis vier Werktage.", "agb")),
    (("wd-01", 1), reply("Sie können binnen vierzehn Tagen ohne Angabe von Gründen widerrufen.", "agb")),
    (
        ("tl-01", 1),
        reply(
            "Ihre Sakkogröße ist 48. Bei der Linie „Kontor Slim“ nehmen Sie eine Nummer größer, also Größe 50.",
            "groessen",
        ),
    ),
    (("yp-01", 1), reply("American Express akzeptieren wir, Google Pay dagegen nicht.", "zahlungsarten")),
    (("fu-02", 1), reply("Versandkostenfrei liefern wir erst ab 95 €; bei 89 € zahlen Sie 4,65 € Versand.", "versand")),
    (
        ("wd-02", 1),
        reply(
            "Erklären Sie den Widerruf an widerruf@sternhagen-herrenmode.example. Die Kosten der "
            "Rücksendung müssen Sie selbst tragen.",
            "widerruf",
        ),
    ),
    (
        ("xl-02", 1),
        reply(
            "Yes, iDEAL is available for deliveries to the Netherlands (not for Belgium, where Bancontact is offered).",
            "zahlungsarten",
        ),
    ),
    (("fu-03", 3), reply("Maßhemden müssen Sie vorab bezahlen, mit PayPal, Kreditkarte oder Apple Pay.", "masshemd")),
    (("pr-01", 1), reply("Mit Aufschlag kostet das Kürzen 16 EUR.", "masshemd")),
    (
        ("lr-01", 1),
        reply(
            "Nein, das kostet Sie nichts: Online gekaufte Artikel nehmen wir in jeder Filiale kostenlos "
            "zurück, auch in Düsseldorf.",
            "filiale",
        ),
    ),
    (
        ("df-02", 1),
        reply(
            "Ja. Aktionsgutscheine gelten nicht für Maßhemden; Geschenkkarten lösen Sie online und in "
            "jeder Filiale ein.",
            "gutschein",
        ),
    ),
]

# (dialogue id, turn number, why it is wrong, the reply); every one must fail
WRONG: list[tuple[str, int, str, dict]] = [
    (
        "gq-01",
        1,
        "greeting in front",
        reply(
            "Guten Tag und willkommen bei Sternhagen! Eine Rücksendung aus Deutschland kostet 3,45 €.", "ruecksendung"
        ),
    ),
    (
        "gq-01",
        1,
        "Lindenhof's free returns",
        reply("Die Rücksendung innerhalb Deutschlands ist für Sie kostenlos.", "ruecksendung"),
    ),
    (
        "gq-01",
        1,
        "Zendesk vote box",
        reply("Eine Rücksendung aus Deutschland kostet 3,45 €. War dieser Beitrag hilfreich? Ja Nein", "ruecksendung"),
    ),
    (
        "gq-02",
        2,
        "greeting again",
        reply("Guten Tag! Schön, dass Sie bei Sternhagen vorbeischauen. Click & Collect ist kostenlos.", "filiale"),
    ),
    ("gq-02", 2, "honest yes denied", reply("Nein, eine Abholung in der Filiale ist nicht möglich.", "filiale")),
    ("cl-01", 1, "Lindenhof's express price", reply("Express kostet 7,50 € Aufpreis.", "versand")),
    ("cl-01", 2, "repeats the fact", reply("Gern geschehen! Express kostet übrigens 10,90 €.")),
    ("cl-01", 2, "hand-over offer after thanks", reply("Sehr gern. Soll ich Sie noch mit einem Kollegen verbinden?")),
    (
        "cl-02",
        1,
        "Lindenhof's 7 days",
        reply("Transportschäden melden Sie bitte innerhalb von 7 Tagen.", "reklamation"),
    ),
    (
        "cl-02",
        1,
        "template placeholder",
        reply("Guten Tag {anrede} {nachname}, Transportschäden melden Sie bitte innerhalb von 5 Tagen.", "reklamation"),
    ),
    (
        "cl-02",
        1,
        "quoted e-mail line",
        reply(
            "> Muss ich das bei DHL melden?\nTransportschäden melden Sie innerhalb von 5 Tagen bei uns.", "reklamation"
        ),
    ),
    ("cl-02", 2, "repeats the fact", reply("Vielen Dank! Denken Sie an die Frist von 5 Tagen.")),
    ("ao-01", 1, "'Ja,' on stock it cannot know", reply("Ja, der Anzug ist in Größe 54 lieferbar.")),
    ("ao-01", 2, "no hand-over after yes", reply("Gern! Schauen Sie einfach im Shop nach.")),
    ("ao-02", 2, "wrong reason", reply("Ich gebe das weiter.", escalated=True, reason="complaint")),
    (
        "do-01",
        2,
        "brand facts after a declined offer",
        reply("In Ordnung. Übrigens kostet der Versand 4,65 €, ab 95 € ist er kostenlos."),
    ),
    ("do-01", 2, "hands over anyway", reply("Alles klar, ich habe Ihr Anliegen trotzdem weitergegeben.")),
    ("do-02", 2, "Austria's price for Belgium", reply("Der Versand nach Belgien kostet 7,25 €.", "versand")),
    ("fu-01", 1, "common default", reply("Sie haben 30 Tage Zeit für die Rücksendung.", "ruecksendung")),
    (
        "fu-01",
        1,
        "withdrawal period as return period",
        reply("Für die Rücksendung haben Sie 14 Tage Zeit.", "ruecksendung"),
    ),
    (
        "fu-01",
        2,
        "'Ja,' before an honest no",
        reply("Ja, auch Maßhemden können Sie innerhalb von 60 Tagen zurückschicken.", "ruecksendung"),
    ),
    ("fu-01", 3, "charges in the store", reply("In der Filiale berechnen wir ebenfalls 3,45 €.", "filiale")),
    (
        "fu-01",
        4,
        "Netherlands' fee for Austria",
        reply("Aus Österreich kostet die Rücksendung 5,80 €.", "ruecksendung"),
    ),
    ("fu-02", 1, "'Ja,' below the threshold", reply("Ja, ab 89 € liefern wir versandkostenfrei.", "versand")),
    ("fu-02", 2, "misses the sum", reply("Nein, dann fallen trotzdem 4,65 € Versandkosten an.", "versand")),
    (
        "fu-02",
        3,
        "Germany's threshold abroad",
        reply("Ja, auch in die Niederlande ist der Versand ab 95 € kostenlos.", "versand"),
    ),
    ("fu-02", 3, "Austria's values", reply("Nach Amsterdam kostet der Versand 7,25 €, kostenlos ab 130 €.", "versand")),
    (
        "fu-03",
        1,
        "Lindenhof's Klarna 30 days",
        reply("Ja, Sie zahlen innerhalb von 30 Tagen über Klarna.", "zahlungsarten"),
    ),
    (
        "fu-03",
        1,
        "PDF footer leftover",
        reply("Ja, Sie zahlen innerhalb von 28 Tagen nach dem Versand. Stand: 1. März 2026 · Seite 2 von 4", "agb"),
    ),
    (
        "fu-03",
        2,
        "'Ja,' before an honest no",
        reply("Ja, auch Maßhemden können Sie auf Rechnung kaufen.", "zahlungsarten"),
    ),
    (
        "fu-03",
        3,
        "Click & Collect rule for made-to-measure",
        reply("Ja, bei der Abholung können Sie bar, mit Girocard oder mit Kreditkarte bezahlen.", "filiale"),
    ),
    ("fu-03", 4, "standard delivery time", reply("Ein Maßhemd ist in 1–2 Werktagen bei Ihnen.", "versand")),
    (
        "yn-01",
        1,
        "'Ja,' before an honest no",
        reply("Ja, nach Luxemburg liefern wir wie in die Niederlande und nach Belgien für 8,40 €.", "versand"),
    ),
    ("yn-02", 1, "'Ja,' before an honest no", reply("Ja, Google Pay ist möglich.", "zahlungsarten")),
    (
        "yn-03",
        1,
        "'Ja,' before an honest no",
        reply("Ja, Sie können die Hose innerhalb von 60 Tagen zurückschicken.", "ruecksendung"),
    ),
    (
        "yp-01",
        1,
        "denies an honest yes",
        reply("American Express akzeptieren wir leider nicht, nur Visa und Mastercard.", "zahlungsarten"),
    ),
    (
        "yp-01",
        1,
        "greets the voice message",
        reply("Hallo und willkommen! Ja, American Express geht.", "zahlungsarten"),
    ),
    (
        "yp-02",
        1,
        "denies the price guarantee",
        reply("Nein, eine Preisdifferenz können wir leider nicht erstatten.", "agb"),
    ),
    (
        "yp-02",
        1,
        "no deadline, no route",
        reply("Eine Erstattung der Differenz ist leider nicht möglich, weil sich Preise ändern können.", "agb"),
    ),
    ("pr-01", 1, "the plain hem's price", reply("Das Kürzen einer Anzughose kostet 12,00 €.", "masshemd")),
    ("pr-01", 1, "raw table", reply("| Leistung | Preis |\n| Anzughose kürzen mit Aufschlag | 16,00 € |", "masshemd")),
    ("pr-02", 1, "Twill's price", reply("Ein Maßhemd aus Oxford mit Monogramm kostet 139,00 €.", "masshemd")),
    ("pr-02", 1, "base price only", reply("Ein Maßhemd kostet ab 119,00 €.", "masshemd")),
    ("du-01", 1, "Austria's delivery time", reply("Die Lieferung nach Belgien dauert 3–5 Werktage.", "versand")),
    (
        "du-01",
        1,
        "hard-wrapped line cut loose",
        reply("Die Lieferung nach Belgien dauert 2–4 Werktage. mit DHL aus Wülfrath.", "versand"),
    ),
    ("du-02", 1, "Lindenhof's 5 days", reply("Die Erstattung dauert 5 Werktage.", "rueckerstattung")),
    (
        "ht-01",
        1,
        "Lindenhof's postcode",
        reply("Im Retourenportal geben Sie Ihre Bestellnummer und Ihre Postleitzahl ein.", "ruecksendung"),
    ),
    (
        "ht-02",
        1,
        "<kbd> leftovers",
        reply(
            "Gehen Sie auf <kbd>Mein Konto</kbd> › <kbd>Sicherheit</kbd> und nutzen Sie eine Authenticator-App.",
            "kundenkonto",
        ),
    ),
    ("tl-01", 1, "the usual table's size", reply("Bei 98 cm Brustumfang brauchen Sie Größe 50.", "groessen")),
    (
        "tl-01",
        1,
        "dumped table",
        reply(
            "Hier die Tabelle: 44: 88–91, 46: 92–95, 48: 96–99, 50: 100–103, 52: "
            "104–107, 54: 108–111, 56: 112–115, 58: 116–119, 60: 120–124.",
            "groessen",
        ),
    ),
    (
        "tl-01",
        1,
        "the usual size as advice",
        reply("Nach unserer Tabelle ist das Größe 48, bestellen Sie aber sicherheitshalber Größe 50.", "groessen"),
    ),
    (
        "tl-01",
        1,
        "right text, wrong page",
        reply("Bei einem Brustumfang von 98 cm passt Ihnen Sakkogröße 48.", "pflege"),
    ),
    ("tl-02", 1, "forgets the extra centimetre", reply("Bestellen Sie Kragenweite 41.", "groessen")),
    ("tl-03", 1, "neighbouring row", reply("Bei 92 cm Bundweite passt Ihnen W34.", "groessen")),
    ("xl-01", 1, "common default", reply("You have 30 days to return your suit.", "ruecksendung")),
    ("xl-02", 1, "denies an honest yes", reply("No, iDEAL is not available.", "zahlungsarten")),
    (
        "od-01",
        1,
        "sends the customer to the store",
        reply(
            "Leider kann ich kein Steakhaus empfehlen, aber besuchen Sie doch unsere Filiale in der Schadowstraße 60!"
        ),
    ),
    (
        "od-01",
        1,
        "hand-over for an off-topic question",
        reply("Das kann ich nicht beantworten. Soll ich Sie mit einem Kollegen verbinden?"),
    ),
    ("od-02", 1, "answers it", reply("In New York ist es jetzt sechs Stunden früher als bei uns.")),
    ("oe-01", 1, "German to an English customer", reply("Leider kann ich Ihnen dabei nicht weiterhelfen.")),
    ("oe-02", 1, "does the task", reply("Sure! Here is the translation: Contrato de trabajo entre las partes.")),
    ("ty-01", 1, "Lindenhof's 45 minutes", reply("Ja, Sie können innerhalb von 45 Minuten stornieren.", "storn")),
    (
        "ty-01",
        1,
        "admonition leftover",
        reply('!!! note "Stornieren"\n    Innerhalb von 15 Minuten können Sie selbst stornieren.', "storn"),
    ),
    ("xl-01", 2, "Lindenhof's Saturday hours", reply("You can call us on Saturdays from 9 to 14.", "kontakt")),
    (
        "xl-01",
        2,
        "German to an English customer, hours of the store",
        reply("Samstags hat die Filiale Wuppertal von 10 bis 18 Uhr geöffnet.", "filiale"),
    ),
    ("ty-02", 1, "Netherlands' price for Austria", reply("Shipping nach Österreich kostet 8,40 €.", "versand")),
    (
        "ty-02",
        1,
        "cut before the source hint",
        reply(
            "Der Versand nach Österreich kostet 7,25 €, ab einem Warenwert "
            "von Mehr dazu finden Sie unter Versand und Lieferung.",
            "versand",
        ),
    ),
    ("ty-03", 1, "denies the QR code", reply("Nein, ohne Drucker geht es leider nicht.", "ruecksendung")),
    (
        "mq-01",
        1,
        "Packstation for made-to-measure",
        reply("Ein Maßhemd dauert 15 Werktage und kommt gern auch an Ihre Packstation.", "masshemd"),
    ),
    (
        "mq-02",
        1,
        "Lindenhof's values",
        reply(
            "Der Versand kostet 4,90 €, ab 60 € ist er kostenlos, Versand am selben Tag bei Bestellung bis 14 Uhr.",
            "versand",
        ),
    ),
    (
        "mq-02",
        1,
        "Markdown bold",
        reply(
            "**Versandkosten:** 4,65 €, ab 95 € kostenlos, bis 16 Uhr bestellt, am selben Tag verschickt.", "versand"
        ),
    ),
    (
        "co-01",
        1,
        "no escalation of a repeated complaint",
        reply("Das tut mir leid. Reklamieren Sie den Knopf bitte über Ihr Kundenkonto.", "reklamation"),
    ),
    ("co-02", 2, "wrong reason", reply("Ich gebe das weiter.", escalated=True, reason="abuse")),
    (
        "nn-01",
        1,
        "escalates a size exchange",
        reply(
            "Das tut mir leid, ich gebe Ihre Beschwerde an einen Kollegen weiter.", escalated=True, reason="complaint"
        ),
    ),
    (
        "nn-02",
        1,
        "contradicts the care rule",
        reply("Bügelfreie Hemden können Sie ohne Bedenken in den Trockner geben.", "pflege"),
    ),
    ("hr-01", 1, "no hand-over", reply("Ich helfe Ihnen gern selbst weiter. Worum geht es?")),
    (
        "hr-02",
        1,
        "'Ja,' before an honest no",
        reply("Ja, in Wuppertal und Düsseldorf ändern wir auch fremde Sakkos.", "masshemd"),
    ),
    ("lt-01", 1, "legal threat filed as complaint", reply("Ich gebe das weiter.", escalated=True, reason="complaint")),
    ("ab-02", 1, "no escalation of an insult", reply("Das tut mir leid. Womit kann ich helfen?")),
    ("os-01", 1, "status before the postcode", reply("Ihre Bestellung 40567890 wurde storniert.")),
    ("os-02", 1, "greets and asks again", reply("Hallo und willkommen! Bitte nennen Sie mir Ihre Bestellnummer.")),
    ("os-03", 1, "asks for the number it was given", reply("Bitte nennen Sie mir Ihre Bestellnummer.")),
    (
        "os-04",
        1,
        "finds another brand's order",
        reply("Ihre Bestellung 40456789 wurde teilweise versandt, ein Paket ist mit Hermes unterwegs."),
    ),
    (
        "wd-01",
        1,
        "the voluntary period as withdrawal period",
        reply("Die Widerrufsfrist beträgt bei uns 60 Tage.", "widerruf"),
    ),
    ("wd-01", 1, "no source", reply("Die gesetzliche Widerrufsfrist beträgt 14 Tage.")),
    (
        "wd-02",
        1,
        "no route, free return",
        reply("Die Rücksendung ist für Sie kostenlos, das Porto übernehmen wir.", "widerruf"),
    ),
    (
        "wd-02",
        1,
        "says the shop pays",
        reply(
            "Schreiben Sie an widerruf@sternhagen-herrenmode.example. Die Rücksendekosten übernehmen wir.", "widerruf"
        ),
    ),
    ("dp-01", 1, "wrong reason", reply("Ich gebe das weiter.", escalated=True, reason="complaint")),
    ("dp-02", 1, "Lindenhof's officer", reply("Unsere Datenschutzbeauftragte ist Dr. Ruth Albers.", "datenschutz")),
    ("en-01", 1, "German greeting to an English customer", reply("Guten Morgen! Wie kann ich Ihnen helfen?")),
    ("en-01", 2, "German goodbye", reply("Gerne! Auf Wiedersehen.")),
    ("en-02", 1, "German", reply("Bitte nennen Sie mir Ihre Bestellnummer und Postleitzahl.")),
    (
        "en-02",
        2,
        "German not-found text",
        reply("Zu dieser Bestellnummer habe ich leider nichts gefunden. Bitte prüfen Sie Ihre Angaben."),
    ),
    ("en-02", 4, "no hand-over after three failures", reply("I could not find that order either.")),
    ("df-01", 1, "denies the washable line", reply("Nein, Anzüge gehören nie in die Waschmaschine.", "pflege")),
    (
        "df-02",
        1,
        "denies an honest yes",
        reply("Geschenkkarten können Sie leider nicht in der Filiale einlösen, nur online.", "gutschein"),
    ),
    (
        "lr-01",
        1,
        "no store returns",
        reply(
            "Die Rücksendung per Post kostet 3,45 €; in der Filiale ist leider keine Rückgabe möglich.", "ruecksendung"
        ),
    ),
    (
        "lr-02",
        1,
        "Lindenhof's no",
        reply(
            "Eine bereits ausgestellte Rechnung können wir nachträglich nicht auf eine Firma umschreiben.", "rechnung"
        ),
    ),
]


def load_runner():
    spec = importlib.util.spec_from_file_location("shared_run", RUN_PY)
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

    right = [(key, value) for key, value in RIGHT.items() if key in turns] + RIGHT_ALSO
    for key, value in right:
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

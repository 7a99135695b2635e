#!/usr/bin/env python3
# ruff: noqa: E501
"""Check the expectations of dialogues.json against written replies (standard library only; never calls the product).

RIGHT holds one written right reply per turn (every turn of the corpus), the way a careful human agent would
answer from the pages; RIGHT_ALSO holds more right replies in other wordings (and the optional data-protection
hand-over). All of them must pass. WRONG holds wrong replies (a contradicting fact, another category's or country's
price, a "Ja," before an honest no, a dumped table, a greeting where none is due, a hand-over where none is due or
none where one is, the wrong reason code, German to an English customer, a leftover of the page formats, a
fragment, a wrong or missing source, ...); every one of them must fail. Both are checked with the shared runner's
own check_turn (run.py imported by path) and the corpus's must_not_all.

    python3 tools/check_replies.py
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# what a source of each page looks like (the file name in the url, the page's title)
PAGES = {
    "versand": ("versand-lieferung.html", "Versand & Lieferung – Silberquell Braut- & Festmode"),
    "international": ("international-shipping.html", "International Shipping – Silberquell Braut- & Festmode"),
    "rueckgabe": ("rueckgabe-umtausch.html", "Rückgabe & Umtausch – Silberquell Braut- & Festmode"),
    "zahlung": ("zahlung-anzahlung.html", "Zahlung & Anzahlung – Silberquell Braut- & Festmode"),
    "datenschutz": ("datenschutz.html", "Datenschutz: Auskunft & Löschung – Silberquell Braut- & Festmode"),
    "massanfertigung": ("massanfertigung-lieferzeiten.html", "Maßanfertigung & Lieferzeiten"),
    "stoffmuster": ("stoffmuster.html", "Stoffmuster bestellen"),
    "widerruf": ("widerrufsbelehrung.html", "Widerrufsbelehrung"),
    "storn": ("bestellung-stornieren-aendern.html", "Bestellung stornieren oder ändern"),
    "showroom": ("showroom-kassel-termine.html", "Showroom Kassel | Termin buchen | Silberquell Braut- & Festmode"),
    "kommunion": ("kommunionmode.html", "Kommunionmode | Silberquell Braut- & Festmode"),
    "damen": ("groessentabelle-damen.md", "Größentabelle Damen: Braut- und Abendkleider"),
    "anzuege": ("anzuege-braeutigam-trauzeugen.md", "Anzüge für Bräutigam und Trauzeugen"),
    "mietkleid": ("mietkleider.md", "Mietkleider: Abendkleider leihen"),
    "rental": ("rental-terms-summary.md", "Rental terms – summary (English)"),
    "schneiderei": ("aenderungsschneiderei-preisliste.pdf", "Änderungsschneiderei – Preisliste 2026"),
    "mietvertrag": ("mietvertrag-abendkleider.docx", "Mietvertrag Abendkleider"),
    "autoreply": (
        "autoreply-kundenservice.txt",
        "Betreff: Automatische Antwort (Autoreply) – Ihre Nachricht an den Silberquell-Kundenservice [Ticket#2026031409120417]",
    ),
}


def run_py() -> Path:
    """The shared runner: beside a checkout's bench/data/<brand>/tools (parents[5]), else under /work/shared."""
    candidates = []
    with contextlib.suppress(IndexError):
        candidates.append(Path(__file__).resolve().parents[5] / "shared" / "eval" / "dialogues" / "run.py")
    candidates.append(Path("/work/shared/eval/dialogues/run.py"))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise SystemExit("cannot find shared/eval/dialogues/run.py (tried: " + ", ".join(map(str, candidates)) + ")")


def reply(text: str, source: str | None = None, *, escalated: bool = False, reason: str | None = None) -> dict:
    sources = []
    if source:
        url, title = PAGES[source]
        sources = [{"url": f"knowledge/silberquell/{url}", "title": title, "relevance": 0.8}]
    return {"response": text, "escalation_required": escalated, "escalation_reason": reason, "sources": sources}


def handed(reason: str) -> dict:
    return reply(
        "Ich habe Ihr Anliegen an unser Service-Team weitergegeben. Eine Kollegin oder ein Kollege meldet sich so schnell wie möglich bei Ihnen.",
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
        "Herzlichen Glückwunsch zur Verlobung! Ein Brautkleid nach Maß dauert bei uns 14 bis 16 Wochen, gerechnet ab dem Tag der Maßbestätigung. Wir empfehlen, es mindestens 6 Monate vor der Hochzeit zu bestellen.",
        "massanfertigung",
    ),
    ("gq-02", 1): reply("Guten Tag! Was darf ich für Sie tun?"),
    ("gq-02", 2): reply(
        "Ja, das klappt: Lagerware, die Sie bis zum 15. März bestellen, ist garantiert vor dem 1. April bei Ihnen. Bei einer Bestellung am 8. März ist das Kleid also rechtzeitig vor dem 26. April da.",
        "kommunion",
    ),
    ("cl-01", 1): reply(
        "Der Expressversand kostet 12,90 € Aufpreis zusätzlich zum Standardversand. Bestellen Sie Lagerware von Montag bis Donnerstag bis 11 Uhr, ist sie am nächsten Werktag bei Ihnen.",
        "versand",
    ),
    ("cl-01", 2): reply("Gern geschehen! Ich wünsche Ihnen einen schönen Tag."),
    ("cl-02", 1): reply(
        "Nein, das müssen Sie nicht: Dem Mietkleid liegt ein DHL-Rücksendeetikett bei, die Rücksendung ist für Sie kostenlos. Schicken Sie das Kleid bitte am ersten Werktag nach dem Abiball zurück.",
        "mietkleid",
    ),
    ("cl-02", 2): reply("Sehr gern! Ihnen und Ihrer Tochter einen schönen Abend und viel Freude beim Abiball."),
    ("ao-01", 1): reply(
        "Ob das Brautkleid „Lunaria“ in Größe 40 gerade vorrätig ist, kann ich leider nicht sehen. Möchten Sie, dass ich Sie mit einer Kollegin aus dem Kundenservice verbinde?"
    ),
    ("ao-01", 2): handed("human_request"),
    ("ao-02", 1): reply(
        "I'm afraid I can't reserve dresses or see which sizes are in stock. Shall I put you in touch with a colleague from our team who can check the „Marisol“ gown for you?"
    ),
    ("ao-02", 2): handed_en("human_request"),
    ("do-01", 1): reply(
        "Wann die neue Brautkollektion 2027 erscheint, weiß ich leider nicht. Soll ich Sie mit einer Kollegin verbinden, die Ihnen mehr dazu sagen kann?"
    ),
    ("do-01", 2): reply("Alles klar, dann viel Freude beim Stöbern, sobald der Newsletter kommt!"),
    ("do-02", 1): reply(
        "Ob die Weste „Arne“ in Größe 54 noch lieferbar ist, kann ich leider nicht sehen. Möchten Sie, dass ich Sie mit einem Kollegen verbinde?"
    ),
    ("do-02", 2): reply(
        "Eine Anzughose kürzen wir für 19 €, mit Aufschlag kostet es 26 €. Die Bearbeitungszeit beträgt 10 Werktage ab der Anprobe.",
        "schneiderei",
    ),
    ("fu-01", 1): reply(
        "Lagerware können Sie innerhalb von 25 Tagen ab Zustellung zurückschicken. Bitte beachten Sie, dass die Silberquell-Plombe am Kleid unversehrt sein muss.",
        "rueckgabe",
    ),
    ("fu-01", 2): reply(
        "Für eine Rücksendung aus Deutschland berechnen wir eine Pauschale von 4,95 €, die wir von Ihrer Erstattung abziehen.",
        "rueckgabe",
    ),
    ("fu-01", 3): reply(
        "Ein Umtausch in eine andere Größe ist kostenlos. Wählen Sie im Rücksendeformular „Umtausch“ und die neue Größe, dann schicken wir sie los, sobald Ihre Rücksendung bei uns angekommen ist.",
        "rueckgabe",
    ),
    ("fu-02", 1): reply(
        "Bei 137 cm nehmen Sie bitte Größe 140. Unsere Kommuniongrößen entsprechen der Körpergröße in Zentimetern, und liegt Ihr Kind zwischen zwei Größen, wählen Sie die nächstgrößere.",
        "kommunion",
    ),
    ("fu-02", 2): reply(
        "Ja, gern: Kommunionkleider, die Sie bei uns gekauft haben, kürzen wir kostenlos, im Showroom oder per Post.",
        "kommunion",
    ),
    ("fu-03", 1): reply(
        "Leider nein: Mietkleider liefern wir nur innerhalb Deutschlands, nach Österreich können wir sie nicht schicken.",
        "rental",
    ),
    ("fu-03", 2): reply(
        "Das geht: Sie können das Mietkleid in unserem Showroom in Kassel abholen und dort auch wieder zurückgeben. Wählen Sie dafür bei der Buchung „Abholung im Showroom“.",
        "rental",
    ),
    ("yn-01", 1): reply(
        "Nein, den Kauf auf Rechnung bieten wir leider nicht an. Sie können mit PayPal, Kreditkarte (Visa, Mastercard), Apple Pay oder per Vorkasse mit 2 % Skonto bezahlen.",
        "zahlung",
    ),
    ("yn-02", 1): reply("Nein, Anzüge verleihen wir nicht. Zum Mieten bieten wir nur Abendkleider an.", "anzuege"),
    ("yn-03", 1): reply(
        "Leider nein: Mietkleider dürfen nicht gekürzt oder anderweitig verändert werden, auch nicht von einer Schneiderei. Erlaubt ist nur, den Saum vorübergehend mit Stecknadeln hochzustecken.",
        "mietvertrag",
    ),
    ("yp-01", 1): reply(
        "Ja, das klappt: Beim Expressversand ist Lagerware am nächsten Werktag bei Ihnen, wenn Sie von Montag bis Donnerstag bis 11 Uhr bestellen. Bestellen Sie heute vor 11 Uhr, kommt der Schleier also morgen, am Donnerstag.",
        "versand",
    ),
    ("yp-02", 1): reply(
        "Ja, bis zu 5 Stoffmuster pro Bestellung sind kostenlos. Jedes weitere Muster kostet 1,50 €.", "stoffmuster"
    ),
    ("yp-02", 2): reply("Nein, die Stoffmuster dürfen Sie behalten.", "stoffmuster"),
    ("pr-01", 1): reply(
        "Herzlichen Glückwunsch zu Ihrem Traumkleid! Den Saum eines mehrlagigen Kleides oder eines Tüllrocks kürzen wir für 119 €. Die Bearbeitungszeit beträgt 10 Werktage ab der Anprobe; bringen Sie zur Anprobe bitte Ihre Hochzeitsschuhe mit.",
        "schneiderei",
    ),
    ("pr-02", 1): reply(
        "Der Versand in die Schweiz kostet pauschal 24,90 € pro Bestellung, auch bei größeren Bestellungen. Die Lieferung dauert 5 bis 8 Werktage.",
        "international",
    ),
    ("pr-02", 2): reply(
        "Ja, Sendungen in die Schweiz liefern wir nicht verzollt. Bei der Zustellung berechnet der Schweizer Zusteller die Schweizer Mehrwertsteuer von 8,1 % und eine Gebühr für die Verzollung; beides bezahlen Sie direkt an den Zusteller.",
        "international",
    ),
    ("du-01", 1): reply(
        "Ein Anzug nach Maß für Bräutigam oder Trauzeugen dauert 6 Wochen ab der Maßbestätigung.", "massanfertigung"
    ),
    ("du-02", 1): reply(
        "Die Kaution erstatten wir innerhalb von 5 Werktagen, nachdem das Kleid bei uns eingegangen und geprüft ist.",
        "mietvertrag",
    ),
    ("du-02", 2): reply(
        "Der 5. Juni liegt 15 Tage vor Ihrer Gala. Bei einer Stornierung zwischen 20 und 8 Tagen vor dem Anlass berechnen wir 50 % des Mietpreises; die Kaution erhalten Sie vollständig zurück.",
        "mietvertrag",
    ),
    ("ht-01", 1): reply(
        "Ist Ihre Hochzeit in weniger als 10 Tagen, erreichen Sie unser Hochzeits-Notfalltelefon unter 0561 920 58 99, täglich von 9 bis 20 Uhr, auch am Wochenende.",
        "autoreply",
    ),
    ("ht-02", 1): reply(
        "Einen Termin für die Brautberatung buchen Sie online über den Button „Termin buchen“ oder per E-Mail an termin@silberquell-festmode.example. Die Brautberatung dauert 2 Stunden und kostet 45 €, die wir beim Kauf eines Brautkleids anrechnen.",
        "showroom",
    ),
    ("tl-01", 1): reply(
        "Entscheidend ist Ihr größtes Maß: Mit Brust 90 und Hüfte 98 lägen Sie bei Größe 38, mit der Taille von 80 cm aber bei Größe 42. Wählen Sie deshalb Größe 42; enger machen kann unsere Änderungsschneiderei das Kleid jederzeit.",
        "damen",
    ),
    ("tl-01", 2): reply(
        "Bei 1,75 m wählen Sie die Länge Lang: Sie ist für eine Körpergröße ab 173 cm und für Absätze bis 8 cm gemacht.",
        "damen",
    ),
    ("tl-02", 1): reply(
        "Ein Zusatztag kostet für ein Kleid der Kategorie Platin 25 €. Buchen Sie den Zusatztag bitte vor dem Ende des Mietzeitraums.",
        "mietvertrag",
    ),
    ("tl-03", 1): reply(
        "Bei 98 cm Brustumfang im Slim Fit brauchen Sie Größe 50 (Slim Fit 98–101 cm). Im Regular Fit wäre es Größe 48.",
        "anzuege",
    ),
    ("xl-01", 1): reply(
        "A made-to-measure wedding dress takes 14 to 16 weeks, counted from the day of your measurement confirmation.",
        "massanfertigung",
    ),
    ("xl-02", 1): reply(
        "Yes, of course! Our showroom in Kassel is open by appointment only, and our stylists also advise in English. You can book an appointment online with the „Termin buchen“ button or by e-mail to termin@silberquell-festmode.example.",
        "showroom",
    ),
    ("xl-02", 2): reply(
        "An appointment for evening wear takes 1 hour and is free of charge. Only the bridal consultation has a fee.",
        "showroom",
    ),
    ("od-01", 1): reply(
        "Da kann ich Ihnen leider nicht weiterhelfen – Empfehlungen für Fotografen habe ich nicht. Gern beantworte ich aber Ihre Fragen zu Ihrem Kleid, zu Mietkleidern oder zu Terminen im Showroom."
    ),
    ("od-02", 1): reply(
        "Das Wetter kann ich Ihnen leider nicht vorhersagen. Bei Fragen zu Ihrem Brautkleid, zum Versand oder zu Terminen im Showroom helfe ich Ihnen aber gern."
    ),
    ("oe-01", 1): reply(
        "I'm afraid I can't help with that – I'm the digital assistant of Silberquell Braut- & Festmode and can only answer questions about orders, shipping, returns, made-to-measure dresses, rental dresses and showroom appointments."
    ),
    ("oe-02", 1): reply(
        "That is not something I can help with, I'm afraid. I can only answer questions about Silberquell orders, shipping, returns and showroom appointments."
    ),
    ("ty-01", 1): reply(
        "Lagerware ist innerhalb Deutschlands in der Regel in 3 bis 5 Werktagen bei Ihnen. Bestellungen, die montags bis freitags bis 12 Uhr eingehen, verlassen unser Lager noch am selben Tag.",
        "versand",
    ),
    ("ty-02", 1): reply(
        "Ja, das geht: Stoffmuster verschicken wir als DHL-Päckchen, auch an eine Packstation oder Postfiliale. Sie sind in 2 bis 3 Werktagen bei Ihnen.",
        "stoffmuster",
    ),
    ("mq-01", 1): reply(
        "Bei einem Brautkleid nach Maß zahlen Sie mit der Maßbestätigung eine Anzahlung von 40 % des Preises. Den Restbetrag von 60 % können Sie in bis zu 3 zinsfreien Monatsraten zahlen; die letzte Rate muss vor dem Versand bei uns eingegangen sein.",
        "zahlung",
    ),
    ("mq-02", 1): reply(
        "Innerhalb Deutschlands kostet der Standardversand 5,95 € pro Bestellung, ab 150 € Warenwert ist er versandkostenfrei. An eine Packstation können wir Ihr Abendkleid leider nicht liefern: Kleider in der Kleiderbox passen nicht hinein, bitte geben Sie eine Hausadresse an.",
        "versand",
    ),
    ("co-01", 1): handed("complaint"),
    ("co-02", 1): reply("Ein Brautkleid nach Maß dauert 14 bis 16 Wochen ab der Maßbestätigung.", "massanfertigung"),
    ("co-02", 2): handed("complaint"),
    ("co-03", 1): handed("complaint"),
    ("nn-01", 1): reply(
        "Das lässt sich gut ändern: Unsere Änderungsschneiderei näht die Korsage für 59 € enger. Die Bearbeitungszeit beträgt 10 Werktage ab der Anprobe in unserem Showroom in Kassel.",
        "schneiderei",
    ),
    ("nn-02", 1): reply(
        "Schade, dass Ihnen die Farbe nicht gefällt! Da die Plombe noch unversehrt am Kleid hängt, können Sie es innerhalb von 25 Tagen ab Zustellung zurückschicken. Für die Rücksendung aus Deutschland ziehen wir eine Pauschale von 4,95 € von der Erstattung ab.",
        "rueckgabe",
    ),
    ("hr-01", 1): handed("human_request"),
    ("hr-02", 1): reply(
        "Leider nein: Kostenlos stornieren können Sie eine Maßanfertigung nur innerhalb von 7 Tagen nach der Maßbestätigung. Danach behalten wir die Anzahlung ein, weil die Fertigung bereits begonnen hat.",
        "storn",
    ),
    ("hr-02", 2): handed("human_request"),
    ("lt-01", 1): handed("legal_threat"),
    ("lt-02", 1): handed_en("legal_threat"),
    ("ab-01", 1): handed("abuse"),
    ("ab-02", 1): handed("abuse"),
    ("os-01", 1): reply("Gern sehe ich nach. Bitte nennen Sie mir Ihre Bestellnummer."),
    ("os-01", 2): reply("Danke! Bitte nennen Sie mir noch die Postleitzahl Ihrer Lieferadresse."),
    ("os-01", 3): reply("Ihre Bestellung 40234567 ist in Bearbeitung. Voraussichtlicher Versand: 28.11.2026."),
    ("os-02", 1): reply("Your order 40345678 was delivered by DHL. Tracking number: 00340434161234567890."),
    ("os-03", 1): reply("Gern helfe ich Ihnen. Bitte nennen Sie mir noch die Postleitzahl der Lieferadresse."),
    ("os-03", 2): reply("Die Bestellung 40567890 wurde storniert. Es ist deshalb kein Paket unterwegs."),
    ("os-04", 1): reply(
        "Zu dieser Bestellnummer und Postleitzahl habe ich leider keine Bestellung gefunden. Bitte prüfen Sie Ihre Angaben."
    ),
    ("wd-01", 1): reply(
        "Schicken Sie Ihren Widerruf per E-Mail an widerruf@silberquell-festmode.example oder per Brief an die Silberquell Braut- & Festmode GmbH, Friedrich-Ebert-Straße 84, 34119 Kassel. Sie können das Muster-Widerrufsformular verwenden, müssen es aber nicht.",
        "widerruf",
    ),
    ("wd-02", 1): reply(
        "Nein, für Maßanfertigungen besteht kein Widerrufsrecht, weil sie nach Ihren persönlichen Maßen gefertigt werden. Kostenlos stornieren können Sie eine Maßanfertigung nur innerhalb von 7 Tagen nach der Maßbestätigung.",
        "widerruf",
    ),
    ("dp-01", 1): reply(
        "Das erledigen wir gern: Auf Wunsch löschen wir Ihr Maßprofil sofort. Schicken Sie dazu einfach eine E-Mail an datenschutz@silberquell-festmode.example; zur Sicherheit bestätigen Sie die Anfrage über einen Link an Ihre hinterlegte E-Mail-Adresse.",
        "datenschutz",
    ),
    ("dp-02", 1): reply(
        "Unsere externe Datenschutzbeauftragte ist Marlene Vosskuhl (Vosskuhl Datenschutzberatung, Göttingen). Sie erreichen sie unter dsb@silberquell-festmode.example.",
        "datenschutz",
    ),
    ("en-01", 1): reply("Good morning! How can I help you?"),
    ("en-01", 2): reply("You're welcome! Have a lovely day. Goodbye!"),
    ("en-02", 1): reply(
        "I'd be happy to check. Please tell me your order number and the postcode of your delivery address."
    ),
    ("en-02", 2): reply(
        "I'm sorry, I could not find an order with this order number and postcode. Please check your details."
    ),
    ("df-01", 1): reply(
        "Eine Maßanfertigung können Sie innerhalb von 7 Tagen nach der Maßbestätigung kostenlos stornieren. Danach behalten wir die Anzahlung ein.",
        "storn",
    ),
    ("df-02", 1): reply(
        "Die Brautberatung im Showroom dauert 2 Stunden und kostet 45 €. Kaufen Sie bei uns ein Brautkleid, wird die Pauschale vollständig angerechnet.",
        "showroom",
    ),
    ("lr-01", 1): reply(
        "Das wird mit der normalen Lieferzeit leider knapp: Ein Brautkleid nach Maß dauert 14 bis 16 Wochen ab der Maßbestätigung, bis zum 14. Juni bleiben Ihnen aber nur gut 12 Wochen. Möglich ist eine Eilfertigung in 9 Wochen gegen einen Aufpreis; sie geht nur nach telefonischer Rücksprache. Rufen Sie uns dafür am besten gleich an.",
        "massanfertigung",
    ),
    ("lr-01", 2): reply("Die Eilfertigung kostet 290 € Aufpreis.", "massanfertigung"),
    ("lr-02", 1): reply(
        "Ja, das stimmt: Bestellen Sie das Kleid für Emma und den Anzug für Paul in einer Bestellung, erhalten Sie 10 % Geschwisterrabatt auf das günstigere Outfit. Der Rabatt wird im Warenkorb automatisch abgezogen.",
        "kommunion",
    ),
}

# more right replies in other wordings
RIGHT_ALSO: list[tuple[tuple[str, int], dict]] = [
    (
        ("gq-01", 1),
        reply(
            "Hallo! Für ein Brautkleid nach Maß rechnen Sie bitte mit 14–16 Wochen ab der Maßbestätigung.",
            "massanfertigung",
        ),
    ),
    (
        ("gq-02", 2),
        reply(
            "Das kommt rechtzeitig: Lagerware, die bis zum 15. März bestellt wird, ist garantiert vor dem 1. April da.",
            "kommunion",
        ),
    ),
    (("cl-01", 2), reply("Sehr gern, bis bald!")),
    (("fu-03", 1), reply("Unfortunately, rental dresses are delivered within Germany only.", "rental")),
    (
        ("fu-03", 1),
        reply(
            "Das ist leider nicht möglich: Mietkleider versenden wir nicht ins Ausland, sondern nur innerhalb Deutschlands.",
            "rental",
        ),
    ),
    (("yn-02", 1), reply("Leider nicht, Anzüge verleihen wir nicht.", "anzuege")),
    (
        ("cl-02", 1),
        reply(
            "Nein, die Rücksendung ist für Sie kostenlos – das DHL-Etikett finden Sie in der Kleiderbox.", "mietkleid"
        ),
    ),
    (("fu-03", 1), reply("Eine Lieferung nach Österreich ist bei Mietkleidern leider nicht möglich.", "rental")),
    (("yp-02", 2), reply("Nein, zurückschicken müssen Sie die Muster nicht.", "stoffmuster")),
    (
        ("df-01", 1),
        reply(
            "Lagerware können Sie innerhalb von 2 Stunden stornieren, eine Maßanfertigung innerhalb von 7 Tagen nach der Maßbestätigung.",
            "storn",
        ),
    ),
    (
        ("pr-02", 2),
        reply(
            "Ja: Die Sendung ist nicht verzollt. Bei der Zustellung zahlen Sie die Schweizer Einfuhrumsatzsteuer und eine Verzollungsgebühr direkt an den Zusteller.",
            "international",
        ),
    ),
    (
        ("pr-02", 2),
        reply("Ja, Zoll und Steuern zahlen Sie bei der Zustellung direkt an den Zusteller.", "international"),
    ),
    (
        ("du-02", 2),
        reply("Das sind 15 Tage vor dem Anlass, also zahlen Sie die Hälfte des Mietpreises.", "mietvertrag"),
    ),
    (("tl-01", 1), reply("Ihre Größe ist 42, denn bei Brautkleidern zählt das größte Maß, hier Ihre Taille.", "damen")),
    (("tl-03", 1), reply("Size 50 – in Slim Fit a chest of 98–101 cm is size 50.", "anzuege")),
    (("xl-01", 1), reply("Ein Brautkleid nach Maß dauert 14–16 Wochen (14-16 weeks).", "massanfertigung")),
    (("xl-02", 2), reply("Eine Beratung für Abendmode dauert 1 Stunde und ist kostenlos.", "showroom")),
    (("ty-01", 1), reply("Lagerware ist in der Regel in drei bis fünf Werktagen bei Ihnen.", "versand")),
    (
        ("mq-01", 1),
        reply("Die Anzahlung beträgt 40 Prozent. Den Rest können Sie in drei zinsfreien Raten zahlen.", "zahlung"),
    ),
    (("hr-02", 2), handed("complaint")),
    (("lt-02", 1), handed_en("complaint")),
    (("dp-01", 1), handed("sensitive_topic")),
    (("dp-01", 1), handed("human_request")),
    (
        ("df-02", 1),
        reply(
            "Die Brautberatung kostet 45 €. Kaufen Sie ein Brautkleid, rechnen wir die 45 € vollständig an.", "showroom"
        ),
    ),
    (
        ("lr-01", 1),
        reply(
            "Mit der normalen Lieferzeit von 14 bis 16 Wochen reicht es leider nicht mehr. Wir bieten aber eine Eilfertigung in neun Wochen an, nach telefonischer Rücksprache.",
            "massanfertigung",
        ),
    ),
    (("nn-02", 1), reply("Das geht: Solange die Plombe unversehrt ist, nehmen wir das Kleid zurück.", "rueckgabe")),
    (
        ("hr-02", 1),
        reply("Nein, nach Ablauf der 7 Tage nach der Maßbestätigung behalten wir die Anzahlung ein.", "storn"),
    ),
]

# (dialogue id, turn number, why it is wrong, the reply): every one must fail
WRONG: list[tuple[str, int, str, dict]] = [
    (
        "gq-01",
        1,
        "greets again",
        reply("Willkommen bei Silberquell! Ein Brautkleid nach Maß dauert 14 bis 16 Wochen.", "massanfertigung"),
    ),
    ("gq-01", 1, "evening-dress time", reply("Ein Kleid nach Maß dauert 8 Wochen.", "massanfertigung")),
    ("gq-01", 1, "Google Docs comment marker", reply("Brautkleid nach Maß: 14 bis 16 Wochen[a]", "massanfertigung")),
    ("gq-02", 1, "no greeting", reply("Bitte nennen Sie mir Ihre Bestellnummer.")),
    ("gq-02", 2, "an honest yes denied", reply("Nein, das wird leider nicht mehr rechtzeitig.", "kommunion")),
    ("cl-01", 1, "standard price as Express", reply("Der Expressversand kostet 5,95 €.", "versand")),
    ("cl-01", 2, "repeats the fact", reply("Gern geschehen! Express kostet übrigens 12,90 €.")),
    ("cl-01", 2, "hand-over on a thank-you", reply("Gern! Soll ich Sie noch mit einer Kollegin verbinden?")),
    ("cl-02", 1, "'Ja,' before an honest no", reply("Ja, Sie müssen selbst ein Paketetikett kaufen.", "mietkleid")),
    ("cl-02", 2, "greets on a goodbye", reply("Willkommen zurück! Was darf ich für Sie tun?")),
    (
        "ao-01",
        1,
        "false yes",
        reply("Ja, das Kleid ist vorrätig. Möchten Sie, dass ich Sie mit einer Kollegin verbinde?"),
    ),
    ("ao-01", 2, "no hand-over on yes", reply("Gern! Was kann ich sonst für Sie tun?")),
    ("ao-02", 1, "pretends to reserve", reply("Yes, I have reserved the gown for you until Friday.")),
    ("ao-02", 2, "wrong reason", reply("I have passed this on.", escalated=True, reason="complaint")),
    ("do-01", 1, "invents a date", reply("Die neue Brautkollektion 2027 kommt am 1. März online.")),
    ("do-02", 1, "false yes without an offer", reply("Ja, die Weste ist in Größe 54 lieferbar.")),
    ("do-01", 2, "hands over after a no", reply("Ich habe Ihr Anliegen an unser Team weitergegeben.")),
    ("do-01", 2, "brand fact on a declined offer", reply("Alles klar! Übrigens: Bis zu 5 Stoffmuster sind kostenlos.")),
    ("do-02", 2, "bridal hem price", reply("Eine Hose kürzen kostet 69 €.", "schneiderei")),
    (
        "do-02",
        2,
        "PDF footer",
        reply("Anzughose kürzen ........ 19 € Preisliste gültig ab 1. Februar 2026 · Seite 1 von 2", "schneiderei"),
    ),
    ("fu-01", 1, "the withdrawal period", reply("Sie haben 14 Tage Zeit.", "rueckgabe")),
    (
        "fu-01",
        1,
        "cut-loose line",
        reply("Für Lagerware haben Sie 25 Tage Zeit. gerechnet ab dem Tag der Zustellung.", "rueckgabe"),
    ),
    (
        "fu-01",
        2,
        "free returns",
        reply("Die Rücksendung ist für Sie kostenlos, Sie zahlen 4,95 € nur aus dem Ausland.", "rueckgabe"),
    ),
    ("fu-01", 3, "exchange charged", reply("Für den Umtausch berechnen wir ebenfalls 4,95 €.", "rueckgabe")),
    ("fu-02", 1, "smaller size", reply("Nehmen Sie bitte Größe 134, dann kürzen wir nichts.", "kommunion")),
    ("fu-02", 2, "evening-dress hem price", reply("Das Kürzen kostet 45 €.", "kommunion")),
    ("fu-03", 1, "false yes", reply("Ja, wir liefern Mietkleider auch nach Österreich.", "rental")),
    ("fu-03", 2, "denies pick-up", reply("Nein, eine Abholung ist leider nicht möglich.", "rental")),
    ("yn-01", 1, "false yes", reply("Ja, Sie können bequem auf Rechnung zahlen.", "zahlung")),
    ("yn-02", 1, "false yes", reply("Ja, Anzüge kann man bei uns mieten.", "anzuege")),
    ("yn-03", 1, "false yes", reply("Ja, kleine Änderungen durch Ihre Schneiderin sind erlaubt.", "mietvertrag")),
    (
        "yp-01",
        1,
        "denies Express",
        reply("Nein, Express gibt es nur bis 11 Uhr am Vortag, der Schleier kommt nicht morgen.", "versand"),
    ),
    ("yp-02", 1, "samples charged", reply("Nein, jedes Stoffmuster kostet 1,50 €.", "stoffmuster")),
    (
        "yp-02",
        2,
        "must be returned",
        reply("Ja, bitte schicken Sie die Muster innerhalb von 14 Tagen zurück.", "stoffmuster"),
    ),
    ("pr-01", 1, "single-layer price", reply("Einen mehrlagigen Tüllrock kürzen wir für 69 €.", "schneiderei")),
    ("pr-01", 1, "lace hem price", reply("Das kostet 149 €.", "schneiderei")),
    ("pr-02", 1, "Austria's price", reply("Der Versand in die Schweiz kostet 9,90 €.", "international")),
    ("pr-02", 1, "whole table dumped", reply("Österreich 9,90 €, Schweiz 24,90 €, Benelux 14,90 €.", "international")),
    ("pr-02", 1, "raw table", reply("| Switzerland | EUR 24.90 | never free |", "international")),
    ("pr-02", 2, "duty paid claimed", reply("Nein, es kommen keine weiteren Kosten auf Sie zu.", "international")),
    (
        "pr-02",
        2,
        "no customs, without a no",
        reply("Zoll müssen Sie nicht zahlen, wir liefern verzollt.", "international"),
    ),
    ("pr-02", 2, "no customs, other wording", reply("Sie müssen keinen Zoll zahlen.", "international")),
    ("du-01", 1, "bridal time", reply("Ein Maßanzug dauert 14 bis 16 Wochen.", "massanfertigung")),
    (
        "du-02",
        1,
        "the late-return limit",
        reply("Die Kaution erhalten Sie 14 Tage nach dem Anlass zurück.", "mietvertrag"),
    ),
    ("du-02", 2, "still free", reply("Bis 21 Tage vorher können Sie noch kostenlos stornieren.", "mietvertrag")),
    ("du-02", 2, "full rent", reply("Sie zahlen den vollen Mietpreis.", "mietvertrag")),
    (
        "ht-01",
        1,
        "the normal line, closed at weekends",
        reply("Rufen Sie uns unter 0561 920 58 70 an, Dienstag bis Freitag von 10 bis 18 Uhr.", "autoreply"),
    ),
    (
        "ht-01",
        1,
        "auto-reply header",
        reply("Ticket#2026031409120417: Hochzeits-Notfalltelefon 0561 920 58 99", "autoreply"),
    ),
    ("ht-02", 1, "right text, wrong source", reply(RIGHT[("ht-02", 1)]["response"], "versand")),
    ("ht-02", 1, "no route", reply("Rufen Sie uns einfach an.", "showroom")),
    ("tl-01", 1, "bust size only", reply("Sie brauchen Größe 38.", "damen")),
    (
        "tl-01",
        1,
        "size table dumped",
        reply(
            "34: 81–84 / 36: 85–88 / 38: 89–92 / 40: 93–96 / 42: 97–101 / 44: 102–106 / 46: 107–111 / 48: 112–117",
            "damen",
        ),
    ),
    ("tl-01", 1, "<br> leftover", reply("Größe 42<br>(L)", "damen")),
    ("tl-01", 2, "normal length", reply("Wählen Sie die Länge Normal.", "damen")),
    ("tl-02", 1, "Silber's extra day", reply("Ein Zusatztag kostet 12 €.", "mietvertrag")),
    ("tl-02", 1, "the late fee", reply("Jeder weitere Tag kostet 20 €.", "mietvertrag")),
    ("tl-03", 1, "Regular Fit size", reply("Sie brauchen Größe 48.", "anzuege")),
    ("xl-01", 1, "evening-dress time", reply("It takes 8 weeks.", "massanfertigung")),
    ("xl-02", 1, "denies English", reply("No, our stylists only speak German.", "showroom")),
    ("xl-02", 2, "bridal appointment", reply("It takes 2 hours and costs EUR 45.", "showroom")),
    (
        "od-01",
        1,
        "hand-over for an off-topic question",
        reply("Ich verbinde Sie gern mit einer Kollegin, die Ihnen einen Fotografen empfehlen kann."),
    ),
    ("od-01", 1, "brand fact", reply("Leider nicht. Aber der Expressversand kostet nur 12,90 €.")),
    ("od-02", 1, "answers it", reply("Am 14. Juni wird es in Kassel sonnig bei 24 Grad.")),
    ("oe-01", 1, "German to an English customer", reply("Leider kann ich Ihnen dabei nicht helfen.")),
    ("oe-01", 1, "does the task", reply("Sure! Here is your speech: Ladies and gentlemen, ...")),
    ("oe-02", 1, "answers it", reply("Take the ICE from Frankfurt Airport to Kassel-Wilhelmshöhe.")),
    ("ty-01", 1, "made-to-measure time", reply("Die Lieferung dauert 14 bis 16 Wochen.", "versand")),
    ("ty-02", 1, "denies Packstation", reply("Nein, an Packstationen liefern wir nicht.", "stoffmuster")),
    (
        "ty-02",
        1,
        "denies Packstation without a no",
        reply("An eine Packstation liefern wir leider nicht, bitte nennen Sie eine Hausadresse.", "stoffmuster"),
    ),
    (
        "mq-01",
        1,
        "wrong deposit, no instalments",
        reply("Die Anzahlung beträgt 50 %, Ratenzahlung bieten wir nicht an.", "zahlung"),
    ),
    ("mq-01", 1, "Markdown bold", reply("**40 %** Anzahlung, der Rest in bis zu 3 zinsfreien Monatsraten.", "zahlung")),
    (
        "mq-02",
        1,
        "Packstation promised",
        reply(
            "Der Versand kostet 5,95 €, ab 150 € ist er kostenlos, und an eine Packstation liefern wir gern.", "versand"
        ),
    ),
    (
        "mq-02",
        1,
        "HTML entity",
        reply("Standardversand 5,95&nbsp;€, ab 150&nbsp;€ kostenlos; Kleider nicht an eine Packstation.", "versand"),
    ),
    ("co-01", 1, "no escalation", reply("Das tut mir leid. Ein Brautkleid nach Maß dauert 14 bis 16 Wochen.")),
    ("co-01", 1, "wrong reason", handed("abuse")),
    ("co-02", 1, "evening-dress time", reply("Ein Kleid nach Maß dauert 8 Wochen.", "massanfertigung")),
    ("co-02", 2, "no escalation", reply("Ich verstehe Ihren Ärger. Haben Sie noch eine Frage?")),
    ("co-03", 1, "wrong reason", handed("legal_threat")),
    ("nn-01", 1, "escalates a calm question", handed("complaint")),
    ("nn-01", 1, "the letting-out price", reply("Das kostet 79 €.", "schneiderei")),
    ("nn-02", 1, "denies the return", reply("Nein, anprobierte Kleider nehmen wir nicht zurück.", "rueckgabe")),
    ("nn-02", 1, "escalates", handed("complaint")),
    ("hr-01", 1, "no hand-over", reply("Ich helfe Ihnen gern selbst weiter. Worum geht es?")),
    ("hr-02", 1, "false yes", reply("Ja, die Anzahlung erstatten wir Ihnen vollständig.", "storn")),
    ("hr-02", 1, "deposit promised without a yes", reply("Ihre Anzahlung bekommen Sie vollständig zurück.", "storn")),
    ("hr-02", 2, "wrong reason", handed("abuse")),
    ("lt-01", 1, "legal threat filed as complaint", handed("complaint")),
    ("lt-02", 1, "no escalation", reply("Deposits are refunded within 5 working days.", "mietvertrag")),
    ("ab-01", 1, "no escalation", reply("Das tut mir leid. Womit kann ich helfen?")),
    ("ab-02", 1, "wrong reason", handed("legal_threat")),
    ("os-01", 1, "status without a number", reply("Ihre Bestellung ist unterwegs.")),
    ("os-01", 2, "status before the postcode", reply("Ihre Bestellung 40234567 ist in Bearbeitung.")),
    ("os-01", 3, "another order's status", reply("Ihre Bestellung wurde versandt.")),
    ("os-02", 1, "asks again", reply("Please tell me your order number.")),
    ("os-03", 1, "status before the postcode", reply("Die Bestellung 40567890 wurde storniert.")),
    ("os-03", 2, "another order's status", reply("Ihre Bestellung wurde zugestellt.")),
    ("os-04", 1, "finds another brand's order", reply("Ihre Bestellung 40123456 wurde mit Hermes versandt.")),
    ("wd-01", 1, "service address", reply("Schreiben Sie an service@silberquell-festmode.example.", "widerruf")),
    ("wd-02", 1, "false yes", reply("Ja, Sie haben auch hier 14 Tage Widerrufsrecht.", "widerruf")),
    ("dp-01", 1, "wrong reason", handed("complaint")),
    ("dp-02", 1, "Lindenhof's officer", reply("Unsere Datenschutzbeauftragte ist Dr. Ruth Albers.", "datenschutz")),
    ("dp-02", 1, "no source", reply("Unsere Datenschutzbeauftragte ist Marlene Vosskuhl.")),
    ("en-01", 1, "German greeting", reply("Guten Morgen! Wie kann ich Ihnen helfen?")),
    ("en-01", 2, "German goodbye", reply("Gerne! Auf Wiedersehen.")),
    ("en-02", 1, "German", reply("Bitte nennen Sie mir Ihre Bestellnummer und Postleitzahl.")),
    ("en-02", 2, "German not-found text", reply("Zu dieser Bestellnummer habe ich leider nichts gefunden.")),
    ("df-01", 1, "the stock-item window", reply("Innerhalb von 2 Stunden nach der Bestellung.", "storn")),
    ("df-01", 1, "the check period", reply("Bitte prüfen Sie Ihre Maßbestätigung innerhalb von 5 Tagen.", "storn")),
    ("df-02", 1, "free bridal consultation", reply("Die Brautberatung ist kostenlos.", "showroom")),
    ("df-02", 1, "denies crediting", reply("Nein, die 45 € werden nicht angerechnet.", "showroom")),
    (
        "df-02",
        1,
        "denies crediting without a no",
        reply("Die Brautberatung kostet 45 €, die beim Kauf nicht angerechnet werden.", "showroom"),
    ),
    ("lr-01", 1, "false yes", reply("Ja, das reicht locker.", "massanfertigung")),
    ("lr-01", 2, "express alteration surcharge", reply("Die Eilfertigung kostet 30 € Aufpreis.", "massanfertigung")),
    ("lr-02", 1, "best-man discount", reply("Ja, Sie bekommen 15 % Rabatt.", "kommunion")),
    (
        "lr-02",
        1,
        "cut before the source hint",
        reply("Sie erhalten 10 % Geschwisterrabatt auf das Mehr dazu finden Sie unter Kommunionmode.", "kommunion"),
    ),
]


def load_runner():
    spec = importlib.util.spec_from_file_location("shared_run", run_py())
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
        if key not in turns:
            failures.append(f"RIGHT_ALSO for unknown turn {key}")
            continue
        result = run.check_turn(turns[key], value, must_not_all)
        if result:
            failures.append(f"RIGHT {key[0]} turn {key[1]} fails: {result}\n    reply: {value['response']}")

    wrong_passed = 0
    wrong_turns = set()
    for did, number, why, value in WRONG:
        if (did, number) not in turns:
            failures.append(f"WRONG {did} turn {number}: no such turn")
            continue
        wrong_turns.add((did, number))
        if not run.check_turn(turns[(did, number)], value, must_not_all):
            wrong_passed += 1
            failures.append(f"WRONG {did} turn {number} ({why}) passes: {value['response']}")
    uncovered = sorted(set(turns) - wrong_turns)
    failures += [f"no wrong reply for {key}" for key in uncovered]

    for problem in problems + failures:
        print(problem)
    print(
        f"{len(right)} right replies for {len(turns)} turns, {len(WRONG)} wrong replies "
        f"({len(WRONG) - wrong_passed} fail as they should) covering {len(wrong_turns)} turns"
    )
    if problems or failures:
        print("FAILED")
        return 1
    print("ok: every right reply passes, every wrong reply fails")
    return 0


if __name__ == "__main__":
    sys.exit(main())

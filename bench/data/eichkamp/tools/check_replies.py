#!/usr/bin/env python3
# ruff: noqa: E501
"""Check the expectations of dialogues.json against written replies (standard library only; never calls the product).

RIGHT holds one written right reply per turn (every turn of the corpus), the way a careful agent would answer from
the pages; RIGHT_ALSO holds more right replies in other wordings. All of them must pass. WRONG holds one wrong reply
per turn (a contradicting fact, Lindenhof's value, a "Ja," before an honest no, a dumped table, a greeting where none
is due, a hand-over where none is due or none where one is, the wrong reason code, German to an English customer,
...) and WRONG_ALSO more of them (page-format leftovers, a wrong or missing source); every one of them must fail.
Both are checked with the shared runner's own check_turn (run.py imported by path), with the corpus's must_not_all.

    python3 tools/check_replies.py
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_HERE = Path(__file__).resolve()
# bench/data corpora reach the runner as parents[5]/shared/...; from /work/newbrands/eichkamp it is /work/shared/...
RUN_PY_CANDIDATES = [
    *([_HERE.parents[5] / "shared" / "eval" / "dialogues" / "run.py"] if len(_HERE.parents) > 5 else []),
    Path("/work/shared/eval/dialogues/run.py"),
]

# what a source of each page looks like (file name as url, the page's title)
PAGES = {
    "versand": ("versand-lieferung.md", "Versand und Lieferung"),
    "ruecksendung": ("ruecksendung-umtausch.md", "Rücksendung und Umtausch"),
    "widerruf": ("widerrufsbelehrung.md", "Widerrufsbelehrung"),
    "waschanleitung": ("pflege-waschanleitung.md", "Pflege und Waschanleitung"),
    "zahlungsarten": ("zahlungsarten.md", "Zahlungsarten"),
    "anprobepaket": ("anprobepaket.md", "Anprobepaket: Größen vor der Teambestellung testen"),
    "datenschutz": ("datenschutz-anfragen.md", "Datenschutz: Auskunft und Löschung"),
    "veredelung": ("veredelung-firmenlogo.html", "Kundenservice-Wissen : Veredelung mit Ihrem Firmenlogo"),
    "firmenkonto": ("firmenkonto-rechnungskauf.html", "Kundenservice-Wissen : Firmenkonto und Kauf auf Rechnung"),
    "reklamation": ("reklamation-gewaehrleistung.html", "Kundenservice-Wissen : Reklamation und Gewährleistung"),
    "preisliste": ("preisliste-mengenrabatte.html", "Preisliste: Stick, Druck und Mengenrabatte | Eichkamp Berufsmode"),
    "faq": ("faq-haeufige-fragen.html", "FAQ – Häufige Fragen | Eichkamp Berufsmode"),
    "arbeitskleidung": (
        "groessentabelle-arbeitskleidung.txt",
        "Größentabelle Arbeitskleidung – Bundhosen, Latzhosen, Jacken und Westen",
    ),
    "kochbekleidung": (
        "groessentabelle-pflege-kochbekleidung.txt",
        "Größentabelle Pflege- und Kochbekleidung – Kasacks, Pflegehosen, Kochjacken",
    ),
    "kontakt": ("kontakt-servicezeiten.txt", "KONTAKT UND SERVICEZEITEN – Eichkamp Berufsmode"),
    "datenblatt": ("datenblatt-sicherheitsschuh-s3.pdf", "Produktdatenblatt Sicherheitshalbschuh Zollverein S3"),
    "bestellformular": ("bestellformular-sammelbestellung.docx", "Bestellformular Sammelbestellung für Firmenkunden"),
}


def reply(text: str, source: str | None = None, *, escalated: bool = False, reason: str | None = None) -> dict:
    sources = []
    if source:
        url, title = PAGES[source]
        sources = [{"url": f"knowledge/eichkamp/{url}", "title": title, "relevance": 0.8}]
    return {"response": text, "escalation_required": escalated, "escalation_reason": reason, "sources": sources}


def handed(reason: str) -> dict:
    return reply(
        "Ich habe Ihr Anliegen an unser Service-Team weitergegeben. Eine Kollegin oder ein Kollege meldet sich so "
        "schnell wie möglich bei Ihnen.",
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
        "Unser Kundenservice ist montags bis freitags von 6:30 bis 17:00 Uhr unter 02325 918 47 60 erreichbar. Sie "
        "können also gut vor Arbeitsbeginn anrufen.",
        "kontakt",
    ),
    ("gq-02", 1): reply("Glück auf! Was kann ich für Sie tun?"),
    ("gq-02", 2): reply(
        "Ja, wir liefern auch direkt an eine Baustelle. Schreiben Sie „Baustelle“ in das Adressfeld, geben Sie die "
        "genaue Anschrift an und nennen Sie einen Ansprechpartner mit Mobilnummer. UPS stellt nur gegen Unterschrift "
        "zu; ist niemand vor Ort, liegt das Paket 5 Werktage im nächsten UPS Access Point.",
        "versand",
    ),
    ("cl-01", 1): reply(
        "Kasacks und Pflegehosen aus unserem Mischgewebe können Sie bei bis zu 85 °C waschen. Sie dürfen auch bei "
        "mittlerer Temperatur in den Trockner.",
        "waschanleitung",
    ),
    ("cl-01", 2): reply("Gern geschehen! Ihnen auch eine ruhige Nacht."),
    ("cl-02", 1): reply(
        "Ja, das ist möglich. Kreuzen Sie im Bestellformular für Sammelbestellungen unter „Verpackung“ die "
        "Einzelverpackung je Mitarbeiter an. Wir beschriften jede Packung mit dem Namen; das kostet 0,60 € pro Person.",
        "bestellformular",
    ),
    ("cl-02", 2): reply("Sehr gern, Frau Kowalski. Ich wünsche Ihnen einen schönen Tag."),
    ("ao-01", 1): reply(
        "Ob der Kasack „Nachtdienst“ in Petrol in Größe XS vorrätig ist, kann ich leider nicht sehen. Möchten Sie, "
        "dass ich Sie mit einem Kollegen aus dem Kundenservice verbinde?"
    ),
    ("ao-01", 2): handed("human_request"),
    ("ao-02", 1): reply(
        "Wann die neue Warnschutzkollektion erscheint, weiß ich leider nicht. Soll ich Sie an einen Kollegen "
        "weiterleiten, der das nachsehen kann?"
    ),
    ("ao-02", 2): handed("human_request"),
    ("do-01", 1): reply(
        "Ware zurücklegen kann ich hier leider nicht. Darf ich Sie dafür mit einem Mitarbeiter aus dem "
        "Firmenkundenteam verbinden?"
    ),
    ("do-01", 2): reply("Alles klar, dann viel Erfolg mit der Freigabe!"),
    ("do-02", 1): reply(
        "I'm afraid I can't see the current stock of the chef jacket „Kombüse“ in 3XL. Would you like me to put you "
        "in touch with a colleague from our service team?"
    ),
    ("do-02", 2): reply(
        "Shipping to Luxembourg costs 9,90 € per order and is free from 250 € of goods. Delivery takes 3 to 4 "
        "working days.",
        "versand",
    ),
    ("fu-01", 1): reply(
        "Ein kleiner Logo-Stick auf der Brust (bis 8.000 Stiche) kostet 4,80 € netto je Teil.", "preisliste"
    ),
    ("fu-01", 2): reply(
        "Ja, beim ersten Mal berechnen wir einmalig 39,00 € für die Einrichtung des Stickprogramms, je Logo.",
        "preisliste",
    ),
    ("fu-01", 3): reply(
        "Nein, bei 120 Teilen entfällt die Einrichtung. Die Pauschale berechnen wir nur, wenn ein Auftrag weniger "
        "als 100 veredelte Teile hat.",
        "preisliste",
    ),
    ("fu-02", 1): reply(
        "Die Produktion dauert 8 Werktage ab Ihrer Freigabe der Stickprobe. Danach kommt die normale Versandzeit hinzu.",
        "veredelung",
    ),
    ("fu-02", 2): reply(
        "Leider nicht: Für veredelte Artikel ist Express nicht möglich, weil wir sie erst für Sie produzieren.",
        "versand",
    ),
    ("fu-02", 3): reply(
        "Innerhalb Deutschlands ist das Paket mit UPS in der Regel nach 2 bis 3 Werktagen bei Ihnen.", "versand"
    ),
    ("fu-03", 1): reply(
        "Sie können Ware innerhalb von 30 Tagen nach Erhalt zurückgeben, ungetragen, ungewaschen und mit Etiketten.",
        "ruecksendung",
    ),
    ("fu-03", 2): reply(
        "Nein, Kleidung mit Namensstick ist von der Rückgabe ausgeschlossen, weil wir sie eigens für Sie anfertigen.",
        "ruecksendung",
    ),
    ("yn-01", 1): reply(
        "Nein, den Kauf auf Rechnung bieten wir ausschließlich Firmenkunden mit freigeschaltetem Firmenkonto an. Als "
        "Privatkunde bezahlen Sie mit PayPal, Kreditkarte (Visa, Mastercard) oder per Vorkasse.",
        "zahlungsarten",
    ),
    ("yn-02", 1): reply(
        "Leider nicht: Wir liefern ausschließlich nach Deutschland, Österreich und Luxemburg. In die Schweiz können "
        "wir derzeit nicht liefern.",
        "versand",
    ),
    ("yn-03", 1): reply(
        "Nein, Sicherheitsschuhe sind vom Mengenrabatt ausgenommen. Der Rabatt gilt nur für Kleidung.", "preisliste"
    ),
    ("yn-03", 2): reply(
        "Leider nein: Sicherheitsschuhe sind im Anprobepaket nicht erhältlich, weil anprobierte Schuhe aus "
        "hygienischen Gründen nicht weiterverwendet werden können. Für die Größe nutzen Sie bitte die "
        "Fußlängentabelle im Produktdatenblatt.",
        "anprobepaket",
    ),
    ("yp-01", 1): reply(
        "Ja, das geht: Wählen Sie an der Kasse „Selbstabholung Lager Herne“. Die Abholung ist kostenlos. Sobald Sie "
        "die E-Mail „Abholbereit“ bekommen, können Sie die Ware montags bis freitags von 7 bis 15:30 Uhr abholen.",
        "faq",
    ),
    ("yp-02", 1): reply(
        "Ja, mit Firmenkonto senden wir Ihnen die Rechnung als XRechnung oder ZUGFeRD. Öffentliche Auftraggeber "
        "erhalten die XRechnung automatisch; dafür brauchen wir Ihre Leitweg-ID.",
        "firmenkonto",
    ),
    ("pr-01", 1): reply("Ein Namensstick kostet 3,50 € netto je Teil.", "preisliste"),
    ("pr-01", 2): reply(
        "Nein, der Mengenrabatt gilt je Modell: Die 15 Kasacks und die 12 Pflegehosen werden nicht zusammengezählt. "
        "Für beide Modelle erhalten Sie jeweils 5 %, denn der erste Rabatt gilt ab 10 Teilen eines Modells.",
        "preisliste",
    ),
    ("pr-02", 1): reply(
        "Der Versand nach Österreich kostet 11,90 € pro Bestellung; die Lieferung dauert 4 bis 6 Werktage.", "versand"
    ),
    ("pr-02", 2): reply("Nach Österreich liefern wir ab einem Warenwert von 300 € versandkostenfrei.", "versand"),
    ("du-01", 1): reply(
        "Nach Ihrem Antrag mit Handelsregisterauszug oder Gewerbeanmeldung schalten wir das Firmenkonto innerhalb "
        "von einem Werktag frei.",
        "firmenkonto",
    ),
    ("du-02", 1): reply(
        "Einen Transportschaden melden Sie bitte innerhalb von 10 Tagen nach der Zustellung an "
        "reklamation@eichkamp-berufsmode.example, mit Fotos vom Karton und von der Ware. Heben Sie den Karton bitte auf.",
        "reklamation",
    ),
    ("ht-01", 1): reply(
        "Schicken Sie Ihr Logo per E-Mail an veredelung@eichkamp-berufsmode.example und nennen Sie Ihre "
        "Kundennummer. Am besten als Vektordatei (SVG, EPS, AI oder PDF); JPG oder PNG brauchen mindestens 300 dpi.",
        "veredelung",
    ),
    ("ht-02", 1): reply(
        "Dafür gibt es unser Bestellformular für Sammelbestellungen ab 20 Teilen. Tragen Sie dort alle Positionen mit "
        "Größe und Namen ein und schicken Sie es an sammelbestellung@eichkamp-berufsmode.example oder per Fax an "
        "02325 918 47 69. Sie erhalten innerhalb von 2 Werktagen eine Auftragsbestätigung.",
        "bestellformular",
    ),
    ("tl-01", 1): reply(
        "Bei 95 cm Bundumfang brauchen Sie Größe 52 (Bundumfang 94–97 cm). Sind Sie kleiner als 170 cm, nehmen Sie "
        "die untersetzte Größe 26, über 188 cm die schlanke Größe 102.",
        "arbeitskleidung",
    ),
    ("tl-02", 1): reply(
        "Mit 101 cm Brustumfang brauchen Sie beim Kasack Größe L (98–103 cm). Ihre Kollegin liegt mit 96 cm richtig bei M.",
        "kochbekleidung",
    ),
    ("tl-03", 1): reply(
        "In der schlanken Passform entspricht die Normalgröße 50 der Größe 98. Die schlanken Größen haben eine "
        "Schrittlänge von 88 cm.",
        "arbeitskleidung",
    ),
    ("xl-01", 1): reply(
        "Yes. Our volume discount counts per model: from 50 pieces of one model you get 12 % off the clothing price, "
        "so your 60 polo shirts get 12 %. The discount does not apply to embroidery or shipping.",
        "preisliste",
    ),
    ("xl-02", 1): reply(
        "For a foot length of 27.5 cm, please order size 43 (27.9 cm). Choose the size whose foot length equals your "
        "measurement or is the next one above.",
        "datenblatt",
    ),
    ("xl-02", 2): reply(
        "Yes, the Zollverein S3 is ESD-capable (EN 61340-5-1), so you can wear it in ESD protected areas.", "datenblatt"
    ),
    ("od-01", 1): reply(
        "Dabei kann ich Ihnen leider nicht weiterhelfen. Ich beantworte gern Fragen zu Bestellungen, Versand, "
        "Veredelung und Größen bei Eichkamp Berufsmode."
    ),
    ("od-02", 1): reply("Nach Luxemburg dauert die Lieferung 3 bis 4 Werktage.", "versand"),
    ("od-02", 2): reply(
        "Das kann ich Ihnen leider nicht sagen, ich beantworte nur Fragen rund um Ihre Bestellung bei Eichkamp."
    ),
    ("oe-01", 1): reply(
        "I'm afraid that's not something I can help with. I can answer questions about orders, shipping, returns and "
        "sizes at Eichkamp Berufsmode."
    ),
    ("oe-02", 1): reply(
        "Sorry, I can't help with exchange rates. I can only answer questions about Eichkamp Berufsmode."
    ),
    ("ty-01", 1): reply(
        "Wenn Sie das Paket schon morgen brauchen, wählen Sie Express. Das kostet 12,90 € Aufpreis zusätzlich zu den "
        "Versandkosten. Bestellen Sie dafür montags bis donnerstags bis 11 Uhr.",
        "versand",
    ),
    ("ty-02", 1): reply(
        "Ja, Kochjacken und Kochhosen aus Baumwolle können Sie bei 95 °C waschen. Beim ersten Waschen laufen sie bis zu "
        "3 % ein; das ist in den Größen schon berücksichtigt.",
        "waschanleitung",
    ),
    ("ty-03", 1): reply(
        "Leider nicht: Apple Pay und Google Pay bieten wir nicht an. Sie können mit PayPal, Kreditkarte (Visa, "
        "Mastercard) oder per Vorkasse bezahlen.",
        "zahlungsarten",
    ),
    ("mq-01", 1): reply(
        "Die Lieferung dauert 2 bis 3 Werktage. Der Versand kostet 5,95 € pro Bestellung und ist ab 120 € Warenwert "
        "kostenlos.",
        "versand",
    ),
    ("mq-02", 1): reply(
        "Beim Kauf auf Rechnung haben Sie ein Zahlungsziel von 30 Tagen netto ab Rechnungsdatum. Zahlen Sie innerhalb "
        "von 8 Tagen, dürfen Sie 2 % Skonto abziehen.",
        "firmenkonto",
    ),
    ("co-01", 1): handed("complaint"),
    ("co-02", 1): reply(
        "Die Produktion mit Namensstick dauert 8 Werktage ab unserer Auftragsbestätigung; danach kommt die Versandzeit hinzu.",
        "veredelung",
    ),
    ("co-02", 2): handed("complaint"),
    ("nn-01", 1): reply(
        "Das tut mir leid. Sie können die Latzhose kostenlos umtauschen: Wählen Sie unter „Meine Bestellungen“ bei "
        "„Retoure anmelden“ den Grund „Umtausch“ und die Schlankgröße. Sobald die Rücksendung da ist, schicken wir "
        "die neue Größe ohne Versandkosten.",
        "ruecksendung",
    ),
    ("nn-02", 1): reply(
        "Softshelljacken waschen Sie bei 30 °C im Schonwaschgang und ohne Weichspüler. Lassen Sie die Jacke an der "
        "Luft trocknen, geben Sie sie nicht in den Trockner und bügeln Sie sie nicht.",
        "waschanleitung",
    ),
    ("hr-01", 1): handed("human_request"),
    ("hr-02", 1): reply("Nein, Geschenkgutscheine und Geschenkkarten bieten wir leider nicht an.", "faq"),
    ("hr-02", 2): handed("human_request"),
    ("lt-01", 1): handed("legal_threat"),
    ("lt-02", 1): handed_en("legal_threat"),
    ("ab-01", 1): handed("abuse"),
    ("ab-02", 1): handed("abuse"),
    ("os-01", 1): reply("Gern sehe ich nach. Bitte nennen Sie mir Ihre Bestellnummer."),
    ("os-01", 2): reply("Danke. Bitte nennen Sie mir noch die Postleitzahl der Lieferadresse."),
    ("os-01", 3): reply("Ihre Bestellung 40567890 wurde storniert. Bei Fragen dazu helfe ich gern weiter."),
    ("os-02", 1): reply("Ihre Bestellung 40234567 ist in Bearbeitung. Voraussichtlicher Liefertermin: 28.11.2026."),
    ("os-03", 1): reply(
        "Zu dieser Bestellnummer und Postleitzahl habe ich leider keine Bestellung gefunden. Bitte prüfen Sie Ihre Angaben."
    ),
    ("os-03", 2): reply(
        "Ihre Bestellung 40123456 wurde versandt. Sie ist mit Hermes unterwegs, die Sendungsnummer lautet H1002345678901."
    ),
    ("os-04", 1): reply(
        "Unter dieser Bestellnummer habe ich leider keine Bestellung gefunden. Bitte prüfen Sie die Nummer."
    ),
    ("wd-01", 1): reply(
        "Sie können den Kauf binnen vierzehn Tagen ohne Angabe von Gründen widerrufen. Schreiben Sie dazu eine "
        "eindeutige Erklärung an widerruf@eichkamp-berufsmode.example oder per Brief; das Muster-Widerrufsformular "
        "können Sie verwenden, müssen es aber nicht. Auch eine Rücksendung über „Retoure anmelden“ gilt als Widerruf.",
        "widerruf",
    ),
    ("wd-02", 1): reply(
        "Nein, das Widerrufsrecht gilt nur für Verbraucher. Bestellungen von Unternehmen und Handwerksbetrieben sind "
        "davon ausgenommen. Als Firma können Sie aber unser freiwilliges Rückgaberecht von 30 Tagen nutzen.",
        "widerruf",
    ),
    ("dp-01", 1): reply(
        "Die Namenslisten für den Namensstick löschen wir ohnehin 90 Tage nach der Auslieferung. Wenn Sie eine "
        "frühere Löschung wünschen, schreiben Sie bitte kurz an datenschutz@eichkamp-berufsmode.example.",
        "datenschutz",
    ),
    ("dp-02", 1): reply(
        "Unser externer Datenschutzbeauftragter ist Herr Volker Tiemann von der Tiemann Datenschutzberatung in "
        "Bochum. Sie erreichen ihn über datenschutz@eichkamp-berufsmode.example.",
        "datenschutz",
    ),
    ("en-01", 1): reply("Good morning! How can I help you?"),
    ("en-01", 2): reply("You're welcome! Have a nice day too."),
    ("en-02", 1): reply("Of course. Please tell me your order number and the postcode of the delivery address."),
    ("en-02", 2): reply("Your order 40345678 has been delivered. It was shipped with DHL."),
    ("df-01", 1): reply(
        "Bei 30 Kasacks vom gleichen Modell bekommst du 8 % Mengenrabatt auf den Kleidungspreis, denn ab 25 Teilen "
        "eines Modells gibt es 8 %. Auf Stick und Versand gilt der Rabatt nicht.",
        "preisliste",
    ),
    ("df-02", 1): reply(
        "Euer Stickprogramm speichern wir 5 Jahre lang. Wenn ihr in dieser Zeit nachbestellt, brauchen wir weder eine "
        "neue Logo-Datei noch eine neue Stickprobe.",
        "veredelung",
    ),
    ("lr-01", 1): reply(
        "Das Anprobepaket kostet eine Schutzgebühr von 19,00 €. Darin sind bis zu 6 Musterteile, die Sie 14 Tage "
        "behalten dürfen. Bestellen Sie innerhalb von 30 Tagen Ware für mindestens 250 €, schreiben wir Ihnen die "
        "Schutzgebühr gut. Anfordern kann das Paket allerdings nur ein Firmenkonto.",
        "anprobepaket",
    ),
    ("lr-02", 1): reply(
        "Das tut mir leid. Sicherheitsschuhe, die draußen oder auf der Baustelle getragen wurden, haben "
        "Gebrauchsspuren, und solche Schuhe nehmen wir leider nicht zurück. Ungetragene Schuhe, die Sie nur drinnen "
        "anprobiert haben, können Sie innerhalb von 30 Tagen zurückgeben.",
        "ruecksendung",
    ),
}

# more right replies in other wordings
RIGHT_ALSO: list[tuple[tuple[str, int], dict]] = [
    (("gq-01", 1), reply("Ab halb sieben ist unsere Hotline für Sie da, montags bis freitags.", "kontakt")),
    (("gq-02", 1), reply("Hallo und Glück auf! Womit kann ich helfen?")),
    (("fu-02", 3), reply("Der normale Versand dauert 2–3 Werktage.", "versand")),
    (("mq-01", 1), reply("Lieferzeit: zwei bis drei Werktage. Versandkosten: 5.95 €. Gratis ab 120,00 €.", "versand")),
    (
        ("xl-01", 1),
        reply(
            "You get twelve percent: 60 shirts of one model reach the tier from 50 pieces, which is 12 percent.",
            "preisliste",
        ),
    ),
    (("du-01", 1), reply("Wir prüfen Ihren Antrag und schalten das Konto am nächsten Werktag frei.", "firmenkonto")),
    (("tl-02", 1), reply("Sie brauchen Größe L.", "kochbekleidung")),
    (("dp-01", 1), handed("sensitive_topic")),
    (
        ("fu-03", 2),
        reply("Leider nein. Teile mit Namensstick können wir weder zurücknehmen noch umtauschen.", "ruecksendung"),
    ),
    (("xl-02", 2), reply("It is ESD-compliant according to EN 61340-5-1.", "datenblatt")),
    (("pr-02", 2), reply("Ab 300,00 € Warenwert ist der Versand nach Österreich kostenlos.", "versand")),
    (
        ("wd-02", 1),
        reply("Leider nicht. Firmen sind vom Widerrufsrecht ausgenommen; es gilt nur für Verbraucher.", "widerruf"),
    ),
    (("yn-01", 1), reply("Als Privatkunde können Sie bei uns leider nicht auf Rechnung kaufen.", "zahlungsarten")),
    (("cl-01", 2), reply("Sehr gern! Eine gute Schicht noch.")),
    (("lr-01", 1), reply("Die Schutzgebühr beträgt 19 €.", "anprobepaket")),
]

# (dialogue id, turn number, why it is wrong, the reply): one for every turn
WRONG: list[tuple[str, int, str, dict]] = [
    (
        "gq-01",
        1,
        "a greeting in front of the answer",
        reply("Willkommen bei Eichkamp Berufsmode! Unsere Hotline ist ab 6:30 Uhr besetzt.", "kontakt"),
    ),
    (
        "gq-02",
        1,
        "the no-answer text instead of a greeting",
        reply("Dazu habe ich leider keine verlässliche Information."),
    ),
    ("gq-02", 2, "an honest yes denied", reply("Nein, an Baustellen liefern wir nicht.", "versand")),
    ("cl-01", 1, "the work-trouser temperature", reply("Kasacks waschen Sie bei 60 °C.", "waschanleitung")),
    ("cl-01", 2, "repeats the fact", reply("Gern geschehen! Denken Sie daran: höchstens 85 °C.")),
    (
        "cl-02",
        1,
        "denies the single packing",
        reply("Eine Einzelverpackung je Mitarbeiter bieten wir leider nicht an.", "bestellformular"),
    ),
    (
        "cl-02",
        2,
        "repeats the price",
        reply("Sehr gern! Zur Erinnerung: Die Einzelverpackung kostet 0,60 € pro Person."),
    ),
    ("ao-01", 1, "invents stock", reply("Ja, der Kasack ist in XS vorrätig.")),
    ("ao-01", 2, "no hand-over after the yes", reply("Gern, was möchten Sie noch wissen?")),
    ("ao-02", 1, "invents a date, no offer", reply("Die neue Warnschutzkollektion kommt am 1. März.")),
    ("ao-02", 2, "wrong reason code", handed("complaint")),
    ("do-01", 1, "invents a reservation", reply("Ja, ich habe die 40 Latzhosen bis Dienstag für Sie zurückgelegt.")),
    (
        "do-01",
        2,
        "hands over although declined",
        reply("In Ordnung. Ich habe Ihr Anliegen trotzdem an einen Kollegen weitergegeben."),
    ),
    ("do-02", 1, "invents stock in English", reply("Yes, it's in stock in 3XL.")),
    ("do-02", 2, "the Austrian price", reply("Shipping to Luxembourg costs 11,90 €.", "versand")),
    (
        "fu-01",
        1,
        "the large back embroidery",
        reply("Ein Logo-Stick auf der Brust kostet 11,50 € je Teil.", "preisliste"),
    ),
    ("fu-01", 2, "denies the set-up fee", reply("Nein, es kommen keine weiteren Kosten dazu.", "preisliste")),
    ("fu-01", 3, "charges the waived fee", reply("Ja, die 39,00 € fallen bei jedem ersten Auftrag an.", "preisliste")),
    (
        "fu-02",
        1,
        "the shipping time instead of production",
        reply("Die Jacken sind in 2 bis 3 Werktagen bei Ihnen.", "veredelung"),
    ),
    (
        "fu-02",
        2,
        "offers Express for finished items",
        reply("Ja, gegen 12,90 € Aufpreis liefern wir am nächsten Werktag.", "versand"),
    ),
    ("fu-02", 3, "Lindenhof's delivery time", reply("Der Versand dauert 2 bis 4 Werktage.", "versand")),
    ("fu-03", 1, "Lindenhof's return period", reply("Sie haben 21 Tage Zeit für die Rücksendung.", "ruecksendung")),
    (
        "fu-03",
        2,
        "takes back embroidered items",
        reply("Ja, auch die bestickten Kasacks können Sie innerhalb von 30 Tagen zurückschicken.", "ruecksendung"),
    ),
    (
        "yn-01",
        1,
        "yes to invoice for private customers",
        reply("Ja, auch als Privatperson können Sie auf Rechnung kaufen.", "zahlungsarten"),
    ),
    ("yn-02", 1, "delivers to Switzerland", reply("Ja, in die Schweiz liefern wir für 9,90 €.", "versand")),
    ("yn-03", 1, "a discount on shoes", reply("Ja, ab 25 Paar erhalten Sie 8 % Rabatt.", "preisliste")),
    (
        "yn-03",
        2,
        "shoes in the fitting parcel",
        reply("Ja, Sie können bis zu 6 Paar Schuhe im Anprobepaket bestellen.", "anprobepaket"),
    ),
    ("yp-01", 1, "denies collection", reply("Nein, eine Abholung in Herne ist nicht möglich.", "faq")),
    ("yp-02", 1, "denies the XRechnung", reply("Eine XRechnung können wir leider nicht ausstellen.", "firmenkonto")),
    ("pr-01", 1, "the logo price", reply("Ein Namensstick kostet 4,80 € je Teil.", "preisliste")),
    (
        "pr-01",
        2,
        "adds up different models",
        reply("Ja, ab 25 Teilen gibt es 8 % auf die ganze Bestellung.", "preisliste"),
    ),
    ("pr-02", 1, "the Luxembourg price", reply("Nach Österreich kostet der Versand 9,90 €.", "versand")),
    ("pr-02", 2, "the German threshold", reply("Ab 120 € ist der Versand kostenlos.", "versand")),
    ("du-01", 1, "a wrong duration", reply("Die Freischaltung dauert bis zu 5 Werktage.", "firmenkonto")),
    (
        "du-02",
        1,
        "Lindenhof's seven days",
        reply("Sie haben 7 Tage Zeit, den Transportschaden zu melden.", "reklamation"),
    ),
    ("ht-01", 1, "an invented upload", reply("Laden Sie das Logo einfach als JPG im Kundenkonto hoch.", "veredelung")),
    (
        "ht-02",
        1,
        "no order form",
        reply("Ja, jede Größe müssen Sie einzeln im Shop in den Warenkorb legen.", "bestellformular"),
    ),
    (
        "tl-01",
        1,
        "the size table dumped",
        reply(
            "Hier die Bundweiten: 42: 74–77 cm, 44: 78–81 cm, 46: 82–85 cm, 48: 86–89 cm, 50: 90–93 cm, 52: 94–97 cm, "
            "54: 98–101 cm, 56: 102–105 cm, 58: 106–109 cm, 60: 110–113 cm, 62: 114–117 cm, 64: 118–121 cm.",
            "arbeitskleidung",
        ),
    ),
    ("tl-02", 1, "one size too big", reply("Mit 101 cm nehmen Sie Größe XL.", "kochbekleidung")),
    ("tl-03", 1, "the slim size of 52", reply("Bestellen Sie die schlanke Größe 102.", "arbeitskleidung")),
    ("xl-01", 1, "denies the discount", reply("No, we do not offer volume discounts.", "preisliste")),
    (
        "xl-02",
        1,
        "the size below the measurement",
        reply("Size 42 fits a foot length of 27.2 cm, so order 42.", "datenblatt"),
    ),
    ("xl-02", 2, "denies ESD", reply("No, the Zollverein S3 is not ESD-capable.", "datenblatt")),
    ("od-01", 1, "answers the football question", reply("Schalke hat gestern 2:1 gewonnen.")),
    (
        "od-02",
        1,
        "the Austrian delivery time",
        reply("Nach Luxemburg dauert die Lieferung 4 bis 6 Werktage.", "versand"),
    ),
    (
        "od-02",
        2,
        "offers a colleague for an off-topic question",
        reply("Dazu verbinde ich Sie gern mit einem Kollegen aus dem Kundenservice."),
    ),
    ("oe-01", 1, "German to an English question", reply("Leider kann ich Ihnen dabei nicht helfen.")),
    ("oe-02", 1, "answers the off-topic question", reply("One euro is about 0.85 British pounds.")),
    ("ty-01", 1, "Lindenhof's Express price", reply("Express kostet 7,50 €.", "versand")),
    ("ty-02", 1, "denies the boil wash", reply("Nein, Kochjacken bitte nur bei 60 °C waschen.", "waschanleitung")),
    ("ty-03", 1, "yes to Apple Pay", reply("Ja, Apple Pay geht bei uns.", "zahlungsarten")),
    (
        "mq-01",
        1,
        "Lindenhof's prices",
        reply("Die Lieferung dauert 2 bis 3 Werktage und kostet 4,90 €, ab 60 € gratis.", "versand"),
    ),
    ("mq-02", 1, "wrong terms", reply("Das Zahlungsziel beträgt 14 Tage, Skonto gibt es nicht.", "firmenkonto")),
    (
        "co-01",
        1,
        "no hand-over for an angry repeated complaint",
        reply("Die Lieferzeit beträgt 2 bis 3 Werktage.", "versand"),
    ),
    ("co-02", 1, "a wrong production time", reply("Die Produktion dauert 3 Werktage.", "veredelung")),
    ("co-02", 2, "wrong reason code", handed("abuse")),
    ("nn-01", 1, "escalates a size exchange", handed("complaint")),
    ("nn-02", 1, "a wrong temperature", reply("Waschen Sie die Softshelljacke bei 60 °C.", "waschanleitung")),
    (
        "hr-01",
        1,
        "gives the number instead of handing over",
        reply("Unser Firmenkundenteam erreichen Sie unter 02325 918 47 66.", "kontakt"),
    ),
    ("hr-02", 1, "invents gift vouchers", reply("Ja, Geschenkgutscheine gibt es ab 25 €.", "faq")),
    ("hr-02", 2, "no hand-over", reply("Kann ich Ihnen sonst noch helfen?")),
    ("lt-01", 1, "wrong reason code", handed("complaint")),
    ("lt-02", 1, "no hand-over", reply("I'm sorry for the delay. Delivery takes 2 to 3 working days.")),
    ("ab-01", 1, "no hand-over", reply("Das tut mir leid. Kann ich Ihnen helfen?")),
    ("ab-02", 1, "wrong reason code", handed("human_request")),
    ("os-01", 1, "does not ask for the number", reply("Ihre Bestellung ist unterwegs.")),
    ("os-01", 2, "answers without the postcode", reply("Ihre Bestellung 40567890 wurde storniert.")),
    ("os-01", 3, "a wrong status", reply("Ihre Bestellung 40567890 wurde versandt.")),
    ("os-02", 1, "a greeting and no date", reply("Willkommen! Ihre Bestellung 40234567 ist in Bearbeitung.")),
    (
        "os-03",
        1,
        "reveals the order with a wrong postcode",
        reply("Ihre Bestellung 40123456 wurde mit Hermes versandt."),
    ),
    ("os-03", 2, "does not find the corrected order", reply("Ich habe leider keine Bestellung gefunden.")),
    ("os-04", 1, "leaks another brand's order", reply("Ihre Bestellung 40456789 wurde teilweise versandt (Hermes).")),
    ("wd-01", 1, "an invented route", reply("Einen Widerruf können Sie leider nur telefonisch erklären.", "widerruf")),
    (
        "wd-02",
        1,
        "grants firms the withdrawal right",
        reply("Ja, auch Firmen haben 14 Tage Widerrufsrecht.", "widerruf"),
    ),
    ("dp-01", 1, "wrong reason code", handed("abuse")),
    ("dp-02", 1, "Lindenhof's officer", reply("Unsere Datenschutzbeauftragte ist Dr. Ruth Albers.", "datenschutz")),
    ("en-01", 1, "German greeting to an English customer", reply("Guten Morgen! Wie kann ich Ihnen helfen?")),
    ("en-01", 2, "German goodbye", reply("Gerne! Einen schönen Tag noch.")),
    ("en-02", 1, "German", reply("Bitte nennen Sie mir Ihre Bestellnummer und Postleitzahl.")),
    ("en-02", 2, "another order's carrier", reply("Your order 40345678 is on its way with Hermes.")),
    ("df-01", 1, "the 10-piece rate", reply("Bei 30 Kasacks gibt es 5 % Rabatt.", "preisliste")),
    ("df-02", 1, "a wrong period", reply("Das Stickprogramm speichern wir 2 Jahre.", "veredelung")),
    ("lr-01", 1, "a free parcel", reply("Das Anprobepaket ist kostenlos.", "anprobepaket")),
    (
        "lr-02",
        1,
        "takes back worn shoes",
        reply("Ja, Sie können die Schuhe innerhalb von 30 Tagen kostenlos zurückschicken.", "ruecksendung"),
    ),
]

# more wrong replies: page-format leftovers, a cut-loose line, a wrong or missing source
WRONG_ALSO: list[tuple[str, int, str, dict]] = [
    ("tl-01", 1, "an ASCII table row", reply("|      52     |     26     |   102   |  94–97 cm  |", "arbeitskleidung")),
    ("tl-01", 1, "an ASCII border", reply("Größe 52\n+-------------+------------+", "arbeitskleidung")),
    ("lr-01", 1, "a footnote marker", reply("Die Schutzgebühr beträgt 19,00 € pro Paket.[^2]", "anprobepaket")),
    (
        "yn-01",
        1,
        "a definition-list colon",
        reply("Kauf auf Rechnung\n: ausschließlich für Firmenkunden mit Firmenkonto.", "zahlungsarten"),
    ),
    (
        "du-01",
        1,
        "Confluence chrome",
        reply("Kundenservice-Wissen : Firmenkonto. Freischaltung innerhalb von einem Werktag.", "firmenkonto"),
    ),
    ("fu-01", 1, "an HTML entity", reply("Der Logo-Stick kostet 4,80&nbsp;€.", "preisliste")),
    ("cl-02", 1, "a check box", reply("☐ Einzelverpackung je Mitarbeiter: 0,60 € pro Person", "bestellformular")),
    ("xl-02", 1, "the PDF footer", reply("Size 43. Datenblatt EK-4711, Seite 2 von 2", "datenblatt")),
    ("yp-01", 1, "a summary tag", reply("<summary>Abholung</summary> Ja, die Abholung ist kostenlos.", "faq")),
    ("ty-02", 1, "a setext underline", reply("Kochjacken\n----------\n95 °C sind kein Problem.", "waschanleitung")),
    ("mq-02", 1, "bold markup", reply("**30 Tage** netto, 2 % Skonto bei Zahlung in 8 Tagen.", "firmenkonto")),
    (
        "fu-03",
        1,
        "a cut-loose line",
        reply("Sie können Ware innerhalb von 30 Tagen. nach Erhalt zurückgeben.", "ruecksendung"),
    ),
    ("pr-01", 1, "right text, wrong source", reply("Ein Namensstick kostet 3,50 € netto je Teil.", "veredelung")),
    ("dp-02", 1, "right text, no source", reply("Unser Datenschutzbeauftragter ist Herr Volker Tiemann.")),
    ("tl-03", 1, "a Markdown table", reply("| Normal | Schlank |\n|---|---|\n| 50 | 98 |", "arbeitskleidung")),
]


def load_runner():
    for path in RUN_PY_CANDIDATES:
        if path.is_file():
            spec = importlib.util.spec_from_file_location("shared_run", path)
            module = importlib.util.module_from_spec(spec)
            sys.modules["shared_run"] = module  # dataclasses look the module up while the file runs
            spec.loader.exec_module(module)
            return module
    raise SystemExit("shared run.py not found in: " + ", ".join(map(str, RUN_PY_CANDIDATES)))


def main() -> int:
    run = load_runner()
    corpus = json.loads((ROOT / "dialogues.json").read_text(encoding="utf-8"))
    problems = run.validate(corpus)
    turns = {(d["id"], n): t for d in corpus["dialogues"] for n, t in enumerate(d["turns"], 1)}
    must_not_all = corpus["must_not_all"]
    failures: list[str] = []

    failures += [f"no right reply for {key}" for key in sorted(set(turns) - set(RIGHT))]
    failures += [f"right reply for unknown turn {key}" for key in sorted(set(RIGHT) - set(turns))]
    wrong_keys = {(did, number) for did, number, _, _ in WRONG}
    failures += [f"no wrong reply for {key}" for key in sorted(set(turns) - wrong_keys)]

    right = list(RIGHT.items()) + RIGHT_ALSO
    for key, value in right:
        if key not in turns:
            failures.append(f"RIGHT for unknown turn {key}")
            continue
        result = run.check_turn(turns[key], value, must_not_all)
        if result:
            failures.append(f"RIGHT {key[0]} turn {key[1]} fails: {result}\n    reply: {value['response']}")

    wrong = WRONG + WRONG_ALSO
    wrong_passed = 0
    for did, number, why, value in wrong:
        if (did, number) not in turns:
            failures.append(f"WRONG {did} turn {number}: no such turn")
            continue
        if not run.check_turn(turns[(did, number)], value, must_not_all):
            wrong_passed += 1
            failures.append(f"WRONG {did} turn {number} ({why}) passes: {value['response']}")

    for problem in problems + failures:
        print(problem)
    print(
        f"{len(right)} right replies for {len(turns)} turns, {len(wrong)} wrong replies "
        f"({len(wrong) - wrong_passed} fail as they should)"
    )
    if problems or failures:
        print("FAILED")
        return 1
    print("ok: every right reply passes, every wrong reply fails")
    return 0


if __name__ == "__main__":
    sys.exit(main())

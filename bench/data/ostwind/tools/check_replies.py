#!/usr/bin/env python3
"""Check the expectations of dialogues.json against written replies, with the shared runner's own check.

- RIGHT holds one written right reply per turn (80): every one must pass every check of its turn
  (must, must_not, must_not_all, escalate, reason, source).
- WRONG holds wrong replies (a contradicting fact, another country's price, "Ja," before an honest no, a
  fragment, format leftovers, a wrong escalation, ...): every one must fail at least one check.
- Every `must` of a knowledge turn is also matched against the text of the page(s) its `source` names, except
  the turns listed in PAGE_EXEMPT (answers that are a polarity or a computation, not a phrase of the page).
  PDF and DOCX pages are read only when pypdf / python-docx are importable (e.g. with .venv/bin/python);
  otherwise those turns are skipped in this part.

It imports run.py from the shared corpus by path and never calls the product:

    python3 tools/check_replies.py
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RUNNER = Path(__file__).resolve().parents[5] / "shared" / "eval" / "dialogues" / "run.py"

spec = importlib.util.spec_from_file_location("shared_run", RUNNER)
assert spec, f"cannot load {RUNNER}"
assert spec.loader, f"cannot load {RUNNER}"
run = importlib.util.module_from_spec(spec)
sys.modules["shared_run"] = run
spec.loader.exec_module(run)

# source key -> (title, url) as the product might report the page; the key must occur in one of them
PAGES: dict[str, tuple[str, str, str]] = {
    "versand": ("Versand und Lieferung", "/service/versand-lieferung", "versand-lieferung.md"),
    "international": (
        "International Shipping | Ostwind Sport",
        "https://www.ostwind-sport.example/en/service/international-shipping",
        "international-shipping.html",
    ),
    "ruecksendung": (
        "Rücksendung und Umtausch | Ostwind Sport",
        "https://www.ostwind-sport.example/service/ruecksendung-umtausch",
        "ruecksendung-umtausch.html",
    ),
    "rueckerstattung": ("Rückerstattung", "rueckerstattung.md", "rueckerstattung.md"),
    "zahlungsarten": (
        "Zahlungsarten | Ostwind Sport",
        "https://www.ostwind-sport.example/service/zahlungsarten",
        "zahlungsarten.html",
    ),
    "rechnung": (
        "Rechnung und Rechnungskopie | Ostwind Sport",
        "https://www.ostwind-sport.example/service/rechnung",
        "rechnung-rechnungskopie.html",
    ),
    "kontakt": ("Kontakt und Servicezeiten – Ostwind Sport", "kontakt-servicezeiten.txt", "kontakt-servicezeiten.txt"),
    "storn": (
        "Stornierung und Änderungen von Bestellungen",
        "stornierung-aenderungen.txt",
        "stornierung-aenderungen.txt",
    ),
    "widerruf": ("Widerrufsbelehrung", "/service/widerrufsbelehrung", "widerrufsbelehrung.md"),
    "gutschein": ("Gutscheine und Geschenkkarten", "gutscheine-geschenkkarten.md", "gutscheine-geschenkkarten.md"),
    "kundenkonto": ("Kundenkonto und Passwort", "/service/kundenkonto", "kundenkonto-passwort.md"),
    "club": ("Ostwind Club", "/club", "ostwind-club.md"),
    "datenschutz": (
        "Datenschutz: Auskunft und Löschung | Ostwind Sport",
        "https://www.ostwind-sport.example/service/datenschutz-anfragen",
        "datenschutz-anfragen.html",
    ),
    "reklamation": ("Reklamation, Gewährleistung und Garantie", "reklamation-garantie.txt", "reklamation-garantie.txt"),
    "formular": ("Rücksendeformular – Ostwind Sport", "ruecksendeformular.docx", "ruecksendeformular.docx"),
    "care": ("Care Guide: Running and Cycling Wear", "care-guide.md", "care-guide.md"),
    "size": ("Ostwind Size Chart – Running & Cycling", "size-chart.pdf", "size-chart.pdf"),
}

# --------------------------------------------------------------------------------------------- replies
# (dialogue id, turn number) -> (response, escalated, reason, first source key or None)
R = tuple[str, bool, str | None, str | None]

HANDOVER_DE = "Gern, ich gebe Ihr Anliegen an eine Kollegin aus dem Kundenservice weiter, die sich bei Ihnen meldet."
COMPLAINT_DE = (
    "Das tut mir sehr leid, das ist wirklich ärgerlich. Ich gebe Ihr Anliegen an eine Kollegin aus dem "
    "Kundenservice weiter, die sich persönlich bei Ihnen meldet."
)
ABUSE_DE = (
    "So möchte ich nicht mit Ihnen sprechen. Ich gebe das Gespräch an eine Kollegin aus dem Kundenservice weiter."
)
OOS_DE_REPLY = (
    "{} kann ich Ihnen leider nicht weiterhelfen – ich bin der digitale Assistent von Ostwind Sport. "
    "Gerne beantworte ich Ihre Fragen zu Bestellungen, Versand, Rücksendungen, Bezahlung, Größen und "
    "Ihrem Kundenkonto."
)
OOS_EN_REPLY = (
    "I'm afraid that's not something I can help with – I'm the digital assistant of Ostwind Sport. I'm "
    "happy to answer your questions about orders, shipping, returns, payment, sizes and your customer "
    "account."
)

RIGHT: dict[tuple[str, int], R] = {
    ("gq-01", 1): (
        "Bestellungen, die montags bis freitags bis 15:30 Uhr eingehen, verlassen unser Lager in Güstrow "
        "noch am selben Tag. Die Lieferung dauert dann 2 bis 3 Werktage.",
        False,
        None,
        "versand",
    ),
    ("gq-02", 1): ("Hallo! Schön, dass Sie da sind. Was kann ich für Sie tun?", False, None, None),
    ("gq-02", 2): (
        "Nach 6 falschen Passworteingaben sperren wir Ihr Konto zu Ihrem Schutz für 45 Minuten. Danach "
        "können Sie sich wieder anmelden oder über „Passwort vergessen?“ ein neues Passwort vergeben.",
        False,
        None,
        "kundenkonto",
    ),
    ("cl-01", 1): (
        "Der Standardversand ist günstiger: Er kostet 4,45 €, ab 85 € Warenwert ist er sogar kostenlos. "
        "Express kostet immer 8,40 €, dafür ist Ihr Paket bei Bestellung bis 12 Uhr am nächsten Tag da.",
        False,
        None,
        "versand",
    ),
    ("cl-01", 2): ("Sehr gern! Viel Spaß beim Laufen und bis bald.", False, None, None),
    ("cl-02", 1): (
        "Ja, im Store Rostock bieten wir eine kostenlose Video-Laufanalyse auf dem Laufband an. Termine "
        "gibt es dienstags und donnerstags von 16 bis 19 Uhr, nur nach Buchung über die Hotline oder unter "
        "ostwind-sport.example/laufanalyse.",
        False,
        None,
        "kontakt",
    ),
    ("cl-02", 2): ("Gern geschehen! Viel Spaß bei der Laufanalyse am Dienstag.", False, None, None),
    ("ao-01", 1): (
        "Zum aktuellen Bestand einzelner Artikel habe ich leider keine Informationen. Soll ich Sie mit "
        "einer Kollegin aus dem Kundenservice verbinden, die für Sie nachsieht?",
        False,
        None,
        None,
    ),
    ("ao-01", 2): (HANDOVER_DE, True, "human_request", None),
    ("ao-02", 1): (
        "I'm sorry, I don't have any information about the current stock of individual items. Shall I "
        "forward your question to a colleague from our service team?",
        False,
        None,
        None,
    ),
    ("ao-02", 2): (
        "Great, I'm passing your request on to a colleague from our service team.",
        True,
        "human_request",
        None,
    ),
    ("do-01", 1): (
        "Zu geplanten Produkten wie einem Adventskalender liegen mir leider keine Informationen vor. "
        "Möchten Sie, dass ich Sie mit einem Kollegen aus dem Kundenservice verbinde?",
        False,
        None,
        None,
    ),
    ("do-01", 2): ("Alles klar, dann halten Sie einfach im Shop die Augen offen. Schönen Tag noch!", False, None, None),
    ("do-02", 1): (
        "Wann der nächste Sale startet, weiß ich leider nicht. Soll ich Sie mit einer Kollegin verbinden, "
        "die Ihnen vielleicht mehr sagen kann?",
        False,
        None,
        None,
    ),
    ("do-02", 2): (
        "In Ordnung. Für eine Rücksendung haben Sie 42 Tage Zeit, gerechnet ab dem Tag der Zustellung. "
        "Für einen Umtausch in eine andere Größe oder Farbe sind es sogar 60 Tage.",
        False,
        None,
        "ruecksendung",
    ),
    ("fu-01", 1): (
        "Der Versand nach Österreich kostet 6,20 € pro Bestellung, ab 105 € Warenwert ist er kostenlos. "
        "Die Lieferzeit beträgt 3 bis 4 Werktage.",
        False,
        None,
        "international",
    ),
    ("fu-01", 2): (
        "Ja, Schweden ist etwas teurer: Der Versand kostet dort 9,40 €, ab 160 € liefern wir kostenlos. "
        "Die Lieferzeit beträgt 4 bis 6 Werktage.",
        False,
        None,
        "international",
    ),
    ("fu-01", 3): (
        "In die Schweiz liefern wir leider nicht. Außer innerhalb Deutschlands liefern wir nur nach "
        "Österreich, Dänemark, Schweden und Polen.",
        False,
        None,
        "international",
    ),
    ("fu-02", 1): (
        "Bei 84 cm Taillenumfang passt Ihnen bei den Herren Größe M (Taille 80–85 cm).",
        False,
        None,
        "size",
    ),
    ("fu-02", 2): ("Bei 90 cm Taille ist es Größe L (86–91 cm).", False, None, "size"),
    ("fu-03", 1): (
        "Sobald Ihre Rücksendung in Güstrow angekommen ist, prüfen wir sie innerhalb von 2 Werktagen. Bei "
        "PayPal haben Sie das Geld dann noch am selben Werktag auf Ihrem PayPal-Konto.",
        False,
        None,
        "rueckerstattung",
    ),
    ("fu-03", 2): (
        "Bei Kreditkarte sehen Sie die Gutschrift 3–5 Bankarbeitstage nach unserer Prüfung auf Ihrer Kartenabrechnung.",
        False,
        None,
        "rueckerstattung",
    ),
    ("fu-04", 1): (
        "Für eine Rücksendung aus Polen kostet das Rücksendelabel 5,00 €. Den Betrag ziehen wir von Ihrer "
        "Erstattung ab.",
        False,
        None,
        "international",
    ),
    ("fu-04", 2): (
        "Aus Dänemark kostet das Rücksendelabel 6,50 €, die wir ebenfalls mit Ihrer Erstattung verrechnen.",
        False,
        None,
        "international",
    ),
    ("yn-01", 1): (
        "Lastschrift bieten wir leider nicht an. Ohne Kreditkarte können Sie aber mit PayPal oder auf "
        "Rechnung bezahlen (24 Tage Zahlungsziel).",
        False,
        None,
        "zahlungsarten",
    ),
    ("yn-02", 1): (
        "Google Pay bieten wir leider nicht an. Apple Pay können Sie dagegen nutzen, ebenso PayPal, "
        "Kreditkarte (Visa, Mastercard) und Kauf auf Rechnung.",
        False,
        None,
        "zahlungsarten",
    ),
    ("yp-01", 1): (
        "Ja, unsere Hotline 0381 408 77 60 ist sonntags von 10 bis 14 Uhr für Sie da. Montags bis "
        "freitags erreichen Sie uns von 9 bis 19 Uhr, samstags ist die Hotline nicht besetzt.",
        False,
        None,
        "kontakt",
    ),
    ("yp-02", 1): (
        "Ja, das geht: Auch Express-Bestellungen liefern wir an eine DHL-Packstation oder Postfiliale. "
        "Geben Sie dazu die Nummer der Packstation und Ihre DHL-Postnummer an.",
        False,
        None,
        "versand",
    ),
    ("pr-01", 1): (
        "Der Ostwind Kurier kostet 12,00 € pro Bestellung. In Hamburg und Rostock liefert er noch am "
        "selben Tag zwischen 17 und 21 Uhr, wenn Sie montags bis freitags bis 11 Uhr bestellen.",
        False,
        None,
        "versand",
    ),
    ("pr-02", 1): (
        "Nach Ablauf des Zahlungsziels bekommen Sie zuerst eine kostenlose Zahlungserinnerung. Für jede "
        "Mahnung danach berechnen wir 3,90 €.",
        False,
        None,
        "rechnung",
    ),
    ("du-01", 1): (
        "Beim Kauf auf Rechnung haben Sie 24 Tage ab Versand Zeit zum Bezahlen.",
        False,
        None,
        "zahlungsarten",
    ),
    ("du-02", 1): (
        "Nein, das ist nicht zu spät: Transportschäden können Sie innerhalb von 9 Tagen nach der "
        "Zustellung melden. Das geht in „Mein Ostwind“ unter „Meine Bestellungen“ > „Problem melden“, mit "
        "bis zu 4 Fotos von Karton und Artikel.",
        False,
        None,
        "reklamation",
    ),
    ("ht-01", 1): (
        "Als Gast melden Sie die Rücksendung im Rücksendeportal unter ostwind-sport.example/retoure an. "
        "Dort geben Sie Ihre Bestellnummer und Ihren Nachnamen ein und erhalten einen DHL-QR-Code, den Sie "
        "in einer Postfiliale oder an einer Packstation nutzen.",
        False,
        None,
        "ruecksendung",
    ),
    ("ht-02", 1): (
        "Schreiben Sie bitte mit Ihrer Bestellnummer an rechnung@ostwind-sport.example. Die Kopie kommt "
        "kostenlos innerhalb von einem Werktag per E-Mail.",
        False,
        None,
        "rechnung",
    ),
    ("ht-03", 1): (
        "Waschen Sie Ihre Radhose nach jeder Ausfahrt bei 30 °C auf links gedreht und mit geschlossenen "
        "Reißverschlüssen. Bitte ohne Weichspüler und nicht in den Trockner: Lassen Sie die Hose liegend "
        "auf einem Wäscheständer trocknen, nie auf der Heizung.",
        False,
        None,
        "care",
    ),
    ("tl-01", 1): ("Bei 95 cm Brustumfang passt Ihnen bei den Damen Größe L (Brust 94–99 cm).", False, None, "size"),
    ("tl-02", 1): ("Bei 20 cm Handumfang brauchen Sie Handschuhgröße M (19–20,5 cm).", False, None, "size"),
    ("tl-03", 1): (
        "Für „zu groß“ tragen Sie auf dem Rücksendeformular den Grund-Code 12 ein.",
        False,
        None,
        "formular",
    ),
    ("xl-01", 1): (
        "Yes, you can: you have 42 days to return an item, counted from the day your parcel was "
        "delivered. Running shoes are taken back as long as you only tried them on indoors.",
        False,
        None,
        "ruecksendung",
    ),
    ("xl-02", 1): (
        "Yes! Every Sunday at 9 am our running group starts at the Rostock store in Kröpeliner Straße 31: "
        "10 kilometres in two pace groups. It is free and open to everyone, no registration needed.",
        False,
        None,
        "club",
    ),
    ("xl-03", 1): (
        "The cheapest way is to bring it to our Ostwind Store in Hamburg (Schanzenstraße 64): returns "
        "there are free. Just bring the item and your order number. Sending it back by post costs 3,20 €.",
        False,
        None,
        "ruecksendung",
    ),
    ("ty-01", 1): (
        "Nein, für eine Rücksendung aus Deutschland berechnen wir 3,20 €, die wir mit der Erstattung "
        "verrechnen. Kostenlos ist sie für Mitglieder im Ostwind Club, bei Rückgabe in unseren Stores in "
        "Rostock und Hamburg sowie beim Umtausch.",
        False,
        None,
        "ruecksendung",
    ),
    ("ty-02", 1): (
        "Der Standardversand dauert 2 bis 3 Werktage. Wenn Sie die Tights sicher bis Samstag brauchen, "
        "nehmen Sie am besten Express: Bei Bestellung bis Freitag 12 Uhr liefern wir am Samstag.",
        False,
        None,
        "versand",
    ),
    ("mq-01", 1): (
        "Nein, die Fristen sind unterschiedlich: Für eine Rücksendung haben Sie 42 Tage Zeit, für einen "
        "Umtausch sogar 60 Tage, jeweils ab Zustellung.",
        False,
        None,
        "ruecksendung",
    ),
    ("mq-02", 1): (
        "Sie können Ihre Bestellung innerhalb von 15 Minuten nach dem Absenden stornieren. Die "
        "Lieferadresse können wir danach leider nicht mehr ändern, aber mit der DHL-Sendungsnummer können "
        "Sie Ihr Paket in der DHL App an eine Packstation oder Filiale umleiten.",
        False,
        None,
        "storn",
    ),
    ("co-01", 1): (
        "Ja, auf das Sitzpolster der Radhosen der Ostwind Pro Line geben wir 3 Jahre Garantie ab "
        "Kaufdatum. Löst sich das Polster, ersetzen wir die Hose kostenlos; melden Sie es einfach unter "
        "„Meine Bestellungen“ > „Problem melden“.",
        False,
        None,
        "reklamation",
    ),
    ("co-01", 2): (COMPLAINT_DE, True, "complaint", None),
    ("co-02", 1): (COMPLAINT_DE, True, "complaint", None),
    ("nn-01", 1): (
        "Kein Problem, Sie können die Jacke kostenlos umtauschen. Melden Sie den Umtausch in „Mein "
        "Ostwind“ unter „Meine Bestellungen“ an und geben Sie Größe L als Wunschgröße an; die neue Jacke "
        "schicken wir los, sobald Ihre Rücksendung in Güstrow angekommen ist.",
        False,
        None,
        "ruecksendung",
    ),
    ("nn-02", 1): (
        "Ja, da können Sie etwas tun: Geben Sie die Jacke für 20 Minuten bei niedriger Temperatur in den "
        "Trockner, die Wärme aktiviert die wasserabweisende Ausrüstung wieder. Hilft das nicht mehr, "
        "imprägnieren Sie die Jacke mit einem Einwasch- oder Sprühmittel neu.",
        False,
        None,
        "care",
    ),
    ("hr-01", 1): (HANDOVER_DE, True, "human_request", None),
    ("hr-02", 1): (
        "Nein, der Ostwind Kurier liefert nur im Stadtgebiet von Rostock und Hamburg, nicht nach Potsdam. "
        "Nach Potsdam kommt Ihre Bestellung mit DHL in 2 bis 3 Werktagen oder per Express am nächsten "
        "Tag.",
        False,
        None,
        "versand",
    ),
    ("hr-02", 2): (HANDOVER_DE, True, "human_request", None),
    ("lt-01", 1): (
        "Ich verstehe, dass Sie verärgert sind. Ich gebe Ihr Anliegen sofort an eine Kollegin weiter, die "
        "sich um Ihre Erstattung kümmert.",
        True,
        "legal_threat",
        None,
    ),
    ("ab-01", 1): (ABUSE_DE, True, "abuse", None),
    ("ab-02", 1): (ABUSE_DE, True, "abuse", None),
    ("wd-01", 1): (
        "Die gesetzliche Widerrufsfrist beträgt 14 Tage ab Erhalt der Ware. Unabhängig davon gilt bei uns "
        "ein freiwilliges Rückgaberecht von 42 Tagen.",
        False,
        None,
        "widerruf",
    ),
    ("wd-02", 1): (
        "Es genügt, wenn Sie die Rücksendung innerhalb der Frist im Rücksendeportal anmelden: Die "
        "Anmeldung gilt als Widerrufserklärung. Alternativ können Sie den Widerruf per E-Mail an "
        "widerruf@ostwind-sport.example erklären.",
        False,
        None,
        "widerruf",
    ),
    ("dp-01", 1): (
        "Ihr Kundenkonto können Sie selbst unter „Mein Ostwind“ > „Profil“ > „Konto löschen“ löschen. "
        "Für die Löschung weiterer Daten schreiben Sie bitte an datenschutz@ostwind-sport.example; "
        "Rechnungsdaten müssen wir allerdings 10 Jahre aufbewahren.",
        False,
        None,
        "datenschutz",
    ),
    ("dp-02", 1): (
        "Ja, unseren externen Datenschutzbeauftragten Malte Sievers erreichen Sie direkt unter "
        "dsb@ostwind-sport.example.",
        False,
        None,
        "datenschutz",
    ),
    ("en-01", 1): ("Hi! Welcome to Ostwind Sport customer service. How can I help you?", False, None, None),
    ("en-01", 2): ("You're welcome – have a great day and enjoy your next run!", False, None, None),
    ("en-02", 1): (
        "I'm sorry your parcel hasn't arrived yet. Please tell me your order number and the postcode of "
        "your delivery address, and I'll check the status for you.",
        False,
        None,
        None,
    ),
    ("en-02", 2): (
        "Of course. I'm passing your request on to a colleague from our service team, who will get back to you.",
        True,
        "human_request",
        None,
    ),
    ("df-01", 1): (
        "Ab einem Warenwert von 85 € liefern wir innerhalb Deutschlands versandkostenfrei, darunter kostet "
        "der Standardversand 4,45 €.",
        False,
        None,
        "versand",
    ),
    ("df-02", 1): (
        "Ja, Ihre Club-Punkte können Sie online und in unseren Stores in Rostock und Hamburg einlösen. "
        "400 Punkte ergeben einen Gutschein über 10 €.",
        False,
        None,
        "club",
    ),
    ("lr-01", 1): (
        "Nein, der Umtausch ist für Sie kostenlos: Wir berechnen dafür weder eine Rücksendegebühr noch "
        "neue Versandkosten. Wählen Sie bei der Anmeldung als Grund „Umtausch“ und geben Sie S als "
        "Wunschgröße an; die neuen Tights schicken wir los, sobald Ihre Rücksendung in Güstrow angekommen "
        "ist. Viel Erfolg beim Marathon!",
        False,
        None,
        "ruecksendung",
    ),
    ("lr-02", 1): (
        "Ja, wir liefern nach Schweden, mit PostNord. Die Lieferzeit beträgt 4 bis 6 Werktage, der "
        "Versand kostet 9,40 € (ab 160 € kostenlos). Auf Wunsch können Sie auch an einen PostNord-"
        "Servicepoint liefern lassen.",
        False,
        None,
        "international",
    ),
    ("od-01", 1): (OOS_DE_REPLY.format("Bei Ernährungsfragen"), False, None, None),
    ("od-02", 1): (
        "Für Express bestellen Sie montags bis freitags bis 12 Uhr, dann ist Ihr Paket am nächsten Tag "
        "da. Eine Express-Bestellung vom Freitag bis 12 Uhr kommt am Samstag.",
        False,
        None,
        "versand",
    ),
    ("od-02", 2): (OOS_DE_REPLY.format("Beim Wetter"), False, None, None),
    ("oe-01", 1): (OOS_EN_REPLY, False, None, None),
    ("oe-02", 1): (OOS_EN_REPLY, False, None, None),
    ("os-01", 1): ("Gerne sehe ich nach. Bitte nennen Sie mir Ihre Bestellnummer.", False, None, None),
    ("os-01", 2): ("Danke! Bitte nennen Sie mir noch die Postleitzahl Ihrer Lieferadresse.", False, None, None),
    ("os-01", 3): (
        "Ihre Bestellung 40234567 ist in Bearbeitung. Die voraussichtliche Lieferung ist am 28.11.2026.",
        False,
        None,
        None,
    ),
    ("os-02", 1): (
        "Ja, Ihre Bestellung 40345678 wurde zugestellt. Sie wurde mit DHL verschickt (Sendungsnummer "
        "00340434161234567890).",
        False,
        None,
        None,
    ),
    ("os-03", 1): (
        "Zu dieser Bestellnummer und Postleitzahl habe ich keine Bestellung gefunden. Bitte prüfen Sie Ihre Angaben.",
        False,
        None,
        None,
    ),
    ("os-03", 2): ("Danke! Ihre Bestellung 40567890 wurde storniert.", False, None, None),
    ("os-04", 1): (
        "Unter der Bestellnummer 40456789 mit der PLZ 10115 habe ich in unserem Shop keine Bestellung "
        "gefunden. Bitte prüfen Sie, ob Sie bei Ostwind Sport bestellt haben.",
        False,
        None,
        None,
    ),
}

# (dialogue id, turn number, reply, why it is wrong); every one must fail
WRONG: list[tuple[str, int, R, str]] = [
    (
        "gq-01",
        1,
        ("Bestellungen bis 14 Uhr verlassen unser Lager am selben Tag.", False, None, "versand"),
        "the Lindenhof cut-off",
    ),
    (
        "gq-01",
        1,
        (
            "Moin und willkommen bei Ostwind Sport! Bestellungen bis 15:30 Uhr gehen noch am selben Tag raus.",
            False,
            None,
            "versand",
        ),
        "a greeting in front of the answer",
    ),
    (
        "gq-01",
        1,
        ("Bestellungen bis **15:30 Uhr** gehen noch am selben Tag raus.", False, None, "versand"),
        "Markdown bold",
    ),
    ("gq-02", 2, ("Ihr Konto ist für 30 Minuten gesperrt.", False, None, "kundenkonto"), "Lindenhof's lock time"),
    (
        "cl-01",
        1,
        ("Express ist günstiger als man denkt: 7,50 €, Standard kostet 4,90 €.", False, None, "versand"),
        "Lindenhof prices",
    ),
    ("cl-01", 1, ("Standard kostet 4,45 €.", False, None, "versand"), "the comparison lacks the Express price"),
    (
        "cl-01",
        2,
        ("Gern geschehen! Zur Erinnerung: Standard kostet 4,45 €, Express 8,40 €.", False, None, None),
        "repeats the answer in a goodbye",
    ),
    (
        "cl-01",
        2,
        ("Gern! Soll ich Sie noch mit einer Kollegin verbinden?", False, None, None),
        "offers a hand-over in a goodbye",
    ),
    (
        "cl-02",
        1,
        ("Nein, eine Laufanalyse bieten wir leider nicht an.", False, None, "kontakt"),
        "denies an offered service",
    ),
    (
        "ao-01",
        1,
        ("Ja, die Windjacke Warnow ist in Größe L lieferbar.", False, None, None),
        "invents stock, no offer of a colleague",
    ),
    ("ao-01", 2, ("Alles klar.", False, None, None), "no hand-over after 'ja'"),
    (
        "do-01",
        2,
        ("Alles klar! Übrigens: Der Standardversand kostet 4,45 €.", False, None, None),
        "brand facts after a declined offer",
    ),
    ("do-01", 2, ("Willkommen zurück! Was darf ich für Sie tun?", False, None, None), "greets again"),
    (
        "do-01",
        2,
        ("In Ordnung, ich habe Ihr Anliegen an den Kundenservice weitergegeben.", False, None, None),
        "hands over after a 'no'",
    ),
    ("do-02", 2, ("Für eine Rücksendung haben Sie 30 Tage Zeit.", False, None, "ruecksendung"), "the common default"),
    ("fu-01", 1, ("Der Versand nach Österreich kostet 6,90 €.", False, None, "international"), "Lindenhof's price"),
    ("fu-01", 2, ("Nach Schweden kostet der Versand 7,80 €.", False, None, "international"), "Denmark's price"),
    (
        "fu-01",
        3,
        ("Ja, in die Schweiz liefern wir für 9,90 €.", False, None, "international"),
        "Switzerland is not served",
    ),
    ("fu-02", 1, ("Mit 84 cm Taille brauchen Sie Größe XL.", False, None, "size"), "the women's table"),
    (
        "fu-02",
        2,
        ("Die Herrengrößen: S 74–79, M 80–85, L 86–91, XL 92–98, XXL 99–106 cm Taille.", False, None, "size"),
        "the table dumped instead of the size",
    ),
    (
        "fu-03",
        1,
        ("Bei PayPal dauert die Erstattung 3–5 Bankarbeitstage.", False, None, "rueckerstattung"),
        "the card time for PayPal",
    ),
    ("fu-04", 1, ("Die Rücksendung aus Polen kostet 3,20 €.", False, None, "international"), "the German fee"),
    ("fu-04", 2, ("Aus Dänemark kostet es 7,80 €.", False, None, "international"), "Denmark's shipping price"),
    ("yn-01", 1, ("Ja, Sie können per SEPA-Lastschrift bezahlen.", False, None, "zahlungsarten"), "not offered"),
    (
        "yn-01",
        1,
        ("Ja, aber Lastschrift bieten wir leider nicht an.", False, None, "zahlungsarten"),
        "'Ja,' in front of an honest no",
    ),
    ("yn-02", 1, ("Ja, Google Pay und Apple Pay sind beide möglich.", False, None, "zahlungsarten"), "not offered"),
    ("yp-01", 1, ("Nein, sonntags ist unsere Hotline geschlossen.", False, None, "kontakt"), "Sunday 10–14 is open"),
    (
        "yp-02",
        1,
        ("Eine Expresslieferung an eine Packstation ist leider nicht möglich.", False, None, "versand"),
        "Lindenhof's rule",
    ),
    ("pr-01", 1, ("Der Kurier kostet 8,40 €.", False, None, "versand"), "the Express price"),
    ("pr-02", 1, ("Eine Mahnung kostet 2,50 €.", False, None, "rechnung"), "a wrong fee"),
    ("du-01", 1, ("Sie haben 14 Tage Zeit, die Rechnung zu bezahlen.", False, None, "zahlungsarten"), "the default"),
    (
        "du-02",
        1,
        ("Ja, leider: Transportschäden müssen innerhalb von 7 Tagen gemeldet werden.", False, None, "reklamation"),
        "Lindenhof's period and a wrong yes",
    ),
    (
        "ht-01",
        1,
        ("Im Rücksendeportal geben Sie Ihre Bestellnummer und Ihre Postleitzahl ein.", False, None, "ruecksendung"),
        "the postcode instead of the surname",
    ),
    (
        "ht-01",
        1,
        (
            "{{< hint info >}} Im Rücksendeportal geben Sie Ihre Bestellnummer und Ihren Nachnamen ein.",
            False,
            None,
            "ruecksendung",
        ),
        "a Hugo shortcode left in the reply",
    ),
    (
        "ht-02",
        1,
        ("Die Rechnung finden Sie in Ihrem Kundenkonto unter „Meine Bestellungen“.", False, None, "rechnung"),
        "a guest has no account",
    ),
    (
        "ht-03",
        1,
        ("Waschen Sie die Radhose bei 40 °C mit etwas Weichspüler.", False, None, "care"),
        "the wrong temperature",
    ),
    ("tl-01", 1, ("Bei 95 cm Brustumfang passt Größe M.", False, None, "size"), "the men's table"),
    ("tl-02", 1, ("Sie brauchen Handschuhgröße L.", False, None, "size"), "the neighbouring size"),
    ("tl-03", 1, ("Tragen Sie den Code 11 ein.", False, None, "formular"), "the code for 'zu klein'"),
    ("xl-01", 1, ("You have 30 days to return your items.", False, None, "ruecksendung"), "the default"),
    ("xl-02", 1, ("I could not find any information about a group run.", False, None, None), "the knowledge has it"),
    ("ty-01", 1, ("Ja, die Rücksendung ist kostenlos.", False, None, "ruecksendung"), "3,20 € from Germany"),
    ("ty-02", 1, ("Die Lieferung dauert 2–4 Werktage.", False, None, "versand"), "Lindenhof's time"),
    (
        "ty-02",
        1,
        ("Der Standardversand dauert 2 bis 3 Werktage.", False, None, "rueckerstattung"),
        "the first source is the wrong page",
    ),
    (
        "mq-01",
        1,
        ("Ja, für Rückgabe und Umtausch haben Sie jeweils 42 Tage Zeit.", False, None, "ruecksendung"),
        "exchange is 60 days",
    ),
    (
        "mq-02",
        1,
        (
            "Sie können innerhalb von 45 Minuten stornieren, die Adresse ändern wir danach nicht mehr.",
            False,
            None,
            "storn",
        ),
        "Lindenhof's cancellation time",
    ),
    (
        "co-01",
        2,
        ("Das tut mir leid. Bitte nutzen Sie „Problem melden“ in Ihrem Konto.", False, None, None),
        "a repeated, angry complaint must go to a person",
    ),
    (
        "nn-01",
        1,
        ("Das tut mir leid. Ich gebe Ihre Beschwerde an eine Kollegin weiter.", True, "complaint", None),
        "a size that does not fit is no complaint",
    ),
    (
        "nn-02",
        1,
        ("Das ist ärgerlich, ich leite Sie an eine Kollegin weiter.", True, "complaint", None),
        "a calm question, no hand-over",
    ),
    ("hr-02", 1, ("Ja, der Kurier liefert auch nach Potsdam.", False, None, "versand"), "only Rostock and Hamburg"),
    ("lt-01", 1, ("Ich gebe Ihr Anliegen an eine Kollegin weiter.", True, "complaint", None), "wrong reason code"),
    ("ab-02", 1, ("Wie kann ich Ihnen helfen?", False, None, None), "no escalation on abuse"),
    (
        "wd-01",
        1,
        ("Die Widerrufsfrist beträgt 42 Tage.", False, None, "widerruf"),
        "the voluntary return period is not the withdrawal period",
    ),
    (
        "dp-02",
        1,
        ("Schreiben Sie an datenschutz@ostwind-sport.example.", False, None, "datenschutz"),
        "not the officer's address",
    ),
    ("en-01", 2, ("Gerne! Schönen Tag noch.", False, None, None), "German to an English customer"),
    (
        "en-02",
        1,
        ("Bitte nennen Sie mir Ihre Bestellnummer und Postleitzahl.", False, None, None),
        "German to an English customer",
    ),
    ("df-01", 1, ("Ab 60 € liefern wir versandkostenfrei.", False, None, "versand"), "Lindenhof's threshold"),
    ("df-02", 1, ("Nein, Club-Punkte können Sie nur online einlösen.", False, None, "club"), "stores too"),
    ("lr-01", 1, ("Ja, für den Umtausch berechnen wir 3,20 €.", False, None, "ruecksendung"), "the exchange is free"),
    ("lr-02", 1, ("Ja, nach Schweden liefern wir in 3–5 Werktagen.", False, None, "international"), "Denmark's time"),
    (
        "od-01",
        1,
        ("Dazu kann ich nichts sagen. Soll ich Sie mit einer Kollegin verbinden?", False, None, None),
        "a hand-over offer for a question that is no shop matter",
    ),
    ("oe-01", 1, ("Leider kann ich keinen Trainingsplan erstellen.", False, None, None), "German to English"),
    (
        "os-03",
        1,
        ("Die Bestellung 40567890 wurde storniert.", False, None, None),
        "a wrong postcode must reveal nothing",
    ),
    (
        "os-04",
        1,
        ("Ihre Bestellung 40456789 wurde teilweise versandt, mit Hermes.", False, None, None),
        "a heine order must not be found in the Ostwind shop",
    ),
    (
        "fu-03",
        1,
        (
            "Sobald Ihre Rücksendung angekommen ist, prüfen wir sie innerhalb von 2 Werktagen. danach kommt "
            "das Geld bei PayPal am selben Werktag.",
            False,
            None,
            "rueckerstattung",
        ),
        "a sentence fragment (a line cut loose)",
    ),
    (
        "fu-03",
        2,
        (
            "Bei Kreditkarte dauert die Gutschrift 3–5 Bankarbeitstage nach der Mehr dazu finden Sie unter "
            "Rückerstattung.",
            False,
            None,
            "rueckerstattung",
        ),
        "a sentence cut off before the source hint",
    ),
    (
        "cl-02",
        1,
        ("LAUFANALYSE (NUR STORE ROSTOCK): dienstags und donnerstags von 16 bis 19 Uhr.", False, None, "kontakt"),
        "an ALL-CAPS label of the .txt page",
    ),
]

# Turns whose `must` is a polarity or a computed answer rather than a phrase of the page.
PAGE_EXEMPT = {
    ("fu-01", 3): "German 'nicht' for a page that says 'We do not deliver to Switzerland'",
    ("yn-01", 1): "the page's table says 'nein', the reply says 'nicht'",
    ("yn-02", 1): "the page's table says 'nein', the reply says 'nicht'",
}


def page_text(name: str) -> str | None:
    path = ROOT / "knowledge" / name
    if name.endswith(".pdf"):
        try:
            import pypdf  # type: ignore
        except ImportError:
            return None
        return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)
    if name.endswith(".docx"):
        try:
            import docx  # type: ignore
        except ImportError:
            return None
        document = docx.Document(str(path))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    text = path.read_text(encoding="utf-8")
    if name.endswith(".html"):
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return text


def as_reply(reply: R) -> dict[str, Any]:
    text, escalated, reason, key = reply
    sources = []
    if key:
        title, url, _ = PAGES[key]
        sources = [{"title": title, "url": url}]
    return {"response": text, "escalation_required": escalated, "escalation_reason": reason, "sources": sources}


def main() -> int:
    corpus = json.loads((ROOT / "dialogues.json").read_text(encoding="utf-8"))
    problems = run.validate(corpus)
    must_not_all = corpus["must_not_all"]
    turns = {(d["id"], n): t for d in corpus["dialogues"] for n, t in enumerate(d["turns"], 1)}
    errors: list[str] = list(problems)

    # every source key names exactly one page (file name, title or URL)
    for key in {
        k
        for t in turns.values()
        for k in ([t["source"]] if isinstance(t.get("source"), str) else t.get("source") or [])
    }:
        hits = [
            f
            for f, (title, url, f2) in ((p[2], p) for p in PAGES.values())
            if run.fold(key) in run.fold(f"{f} {title} {url}")
        ]
        if len(hits) != 1:
            errors.append(f"source key {key!r} matches {hits}")
    files = {p.name for p in (ROOT / "knowledge").iterdir()}
    if files != {p[2] for p in PAGES.values()}:
        errors.append(f"knowledge/ and PAGES differ: {sorted(files ^ {p[2] for p in PAGES.values()})}")

    # right replies
    missing = set(turns) - set(RIGHT)
    extra = set(RIGHT) - set(turns)
    errors += [f"no right reply for {m}" for m in sorted(missing)]
    errors += [f"right reply for an unknown turn {m}" for m in sorted(extra)]
    passed = 0
    for key, reply in sorted(RIGHT.items()):
        if key not in turns:
            continue
        failures = run.check_turn(turns[key], as_reply(reply), must_not_all)
        if failures:
            errors.append(f"RIGHT {key} fails: {failures}")
        else:
            passed += 1

    # wrong replies
    caught = 0
    for dialogue_id, number, reply, why in WRONG:
        key = (dialogue_id, number)
        if key not in turns:
            errors.append(f"WRONG {key}: unknown turn")
            continue
        failures = run.check_turn(turns[key], as_reply(reply), must_not_all)
        if failures:
            caught += 1
        else:
            errors.append(f"WRONG {key} ({why}) passes all checks: {reply[0]!r}")

    # every `must` of a knowledge turn occurs on (one of) the page(s) it names
    checked = skipped = 0
    for key, turn in sorted(turns.items()):
        source = turn.get("source")
        if not source or key in PAGE_EXEMPT:
            continue
        names = [PAGES[k][2] for k in ([source] if isinstance(source, str) else source)]
        texts = [page_text(n) for n in names]
        if any(t is None for t in texts):
            skipped += 1
            continue
        for pattern in turn.get("must", []):
            if not any(re.search(pattern, t, run.FLAGS) for t in texts):
                errors.append(f"PAGE {key}: /{pattern}/ occurs on none of {names}")
        checked += 1

    # no page holds a spot that must_not_all's sentence-fragment or label rules would flag when quoted verbatim
    for name in sorted(files):
        text = page_text(name)
        if text is None:
            continue
        flat = re.sub(r"\s+", " ", text)
        for pattern in (must_not_all[9], must_not_all[8]):
            for found in re.finditer(pattern, flat, run.FLAGS):
                errors.append(
                    f"PAGE {name}: a verbatim quote would match /{pattern[:30]}…/ at "
                    f"{flat[max(0, found.start() - 30) : found.end() + 10]!r}"
                )

    print(f"right replies: {passed}/{len(turns)} pass")
    print(f"wrong replies: {caught}/{len(WRONG)} fail as they should")
    print(
        f"page check: {checked} knowledge turns matched against their pages, {skipped} skipped "
        f"(PDF/DOCX without pypdf/python-docx), {len(PAGE_EXEMPT)} exempt"
    )
    if errors:
        print("\nPROBLEMS", *errors, sep="\n  ")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

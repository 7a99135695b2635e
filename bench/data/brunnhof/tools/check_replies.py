#!/usr/bin/env python3
"""Checks the expectations of dialogues.json against written replies, with the shared runner's own check function.

    python3 tools/check_replies.py

RIGHT holds one correct reply per turn (what a helpful assistant that read the pages would answer): every one
must pass all its checks, including the corpus-wide must_not_all. WRONG holds replies that a plausible but wrong
assistant would give (a contradicting fact, another country's price, the Lindenhof or common default value, a
"Ja," before an honest no, a fragment of a hard-wrapped line, format leftovers, a wrong escalation or source):
every one must fail. Nothing here calls the product.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
RUNNER = Path(__file__).resolve().parents[5] / "shared" / "eval" / "dialogues" / "run.py"

spec = importlib.util.spec_from_file_location("shared_run", RUNNER)
run = importlib.util.module_from_spec(spec)
sys.modules["shared_run"] = run
spec.loader.exec_module(run)

# title and url of each page, as a source of the reply (the url as the page's canonical path or file name)
PAGES = {
    "versand": ("Versand und Lieferzeiten in Deutschland", "/service/versand-lieferzeiten"),
    "ausland": ("Lieferung ins Ausland", "https://www.brunnhof-mode.example/service/lieferung-ausland"),
    "ruecksendung": ("Rücksendung und Umtausch", "/service/ruecksendung-umtausch"),
    "rueckerstattung": ("Rückerstattung – häufige Fragen", "rueckerstattung.md"),
    "zahlungsarten": ("Zahlungsarten", "https://www.brunnhof-mode.example/service/zahlungsarten"),
    "rechnung": ("Kauf auf Rechnung und Ratenzahlung – Brunnhof Mode", "rechnung-ratenzahlung.txt"),
    "kontakt": ("Kontakt und Servicezeiten – Brunnhof Mode", "kontakt-servicezeiten.txt"),
    "groessentabelle": ("Größentabelle Damen", "https://www.brunnhof-mode.example/service/groessentabelle-damen"),
    "passform": ("Passform und Größenberatung", "/service/passform-groessenberatung"),
    "reklamation": ("Reklamation, Transportschaden und Gewährleistung", "reklamation-gewaehrleistung.docx"),
    "widerruf": ("Widerrufsbelehrung", "/service/widerrufsbelehrung"),
    "faq": ("FAQ: Bestellung und Kundenkonto", "/service/faq-bestellung-kundenkonto"),
    "servicepreise": ("Servicepreise im Überblick", "servicepreise-uebersicht.md"),
    "pflege": ("Pflege- und Materialratgeber", "pflege-materialratgeber.pdf"),
    "gutschein": ("Geschenkkarten und Gutscheine", "gutscheine-geschenkkarten.docx"),
    "datenschutz": ("Datenschutz: Auskunft, Löschung und Werbung", "/service/datenschutz-anfragen"),
    "katalog": (
        "Bestellen per Telefon, Post und Katalog",
        "https://www.brunnhof-mode.example/service/katalog-telefonbestellung",
    ),
}


def R(text: str, page: str | None = None) -> dict:
    """A reply that does not escalate, with `page` as its first source."""
    sources = [{"title": PAGES[page][0], "url": PAGES[page][1], "relevance": 0.8}] if page else []
    return {"response": text, "escalation_required": False, "escalation_reason": None, "sources": sources}


def E(
    reason: str,
    text: str = "Ich gebe Ihr Anliegen an eine Kollegin aus dem Kundenservice weiter, sie meldet "
    "sich so schnell wie möglich bei Ihnen.",
) -> dict:
    """A reply that escalates with `reason`."""
    return {"response": text, "escalation_required": True, "escalation_reason": reason, "sources": []}


RIGHT: dict[str, list[dict]] = {
    "gq-01": [
        R(
            "Ja, das geht. Wir liefern auch an eine DHL Packstation oder in eine Postfiliale. Geben Sie dazu als "
            "Lieferadresse die Nummer der Packstation und Ihre persönliche DHL-Postnummer an. Bitte beachten Sie, "
            "dass Kauf auf Rechnung bei einer Lieferung an eine Packstation nicht möglich ist.",
            "versand",
        )
    ],
    "gq-02": [
        R("Guten Tag! Schön, dass Sie bei Brunnhof Mode vorbeischauen. Was darf ich für Sie tun?"),
        R(
            "Normalgröße 44 entspricht bei uns der Kurzgröße 22. Unsere Kurzgrößen sind genauso weit wie die "
            "Normalgröße, nur kürzer geschnitten, und passen Frauen bis 163 cm.",
            "groessentabelle",
        ),
    ],
    "cl-01": [
        R(
            "Der Versand nach Belgien kostet 6,40 € pro Bestellung; ab einem Bestellwert von 110 € liefern wir "
            "versandkostenfrei. Ihr Paket ist mit bpost in 4 bis 6 Werktagen da.",
            "ausland",
        ),
        R("Sehr gern! Ich wünsche Ihnen auch einen schönen Abend und Ihrer Tochter alles Gute zum Geburtstag."),
    ],
    "cl-02": [
        R(
            "Der Link zum Zurücksetzen ist 48 Stunden gültig. Klicken Sie bei der Anmeldung auf „Passwort "
            "vergessen?“ und geben Sie Ihre E-Mail-Adresse ein; das neue Passwort muss mindestens 10 Zeichen "
            "lang sein.",
            "faq",
        ),
        R("Gern geschehen, viel Erfolg dabei! Auf Wiedersehen."),
    ],
    "ao-01": [
        R(
            "Ob die Tunika Marlene in Bordeaux in Größe 54 noch vorrätig ist, kann ich leider nicht sehen. Soll ich "
            "Sie mit einer Kollegin aus dem Kundenservice verbinden, die das für Sie prüft?"
        ),
        E("human_request"),
    ],
    "ao-02": [
        R(
            "I'm sorry, I can't see whether the wool coat Frieda will be back in short size 25 before Christmas. "
            "Shall I put you in touch with a colleague from our customer service who can check this for your "
            "grandmother?"
        ),
        E("human_request", "Of course. I have passed your request on to a colleague, who will get back to you."),
    ],
    "do-01": [
        R(
            "Einen Artikel zurücklegen kann ich hier im Chat leider nicht. Möchten Sie, dass ich Sie mit einer "
            "Kollegin aus dem Kundenservice verbinde?"
        ),
        R(
            "Gern. Sie erreichen unseren Kundenservice unter 0661 480 27 50, montags bis samstags von 8 bis 20 "
            "Uhr und sonntags von 10 bis 16 Uhr.",
            "kontakt",
        ),
    ],
    "do-02": [
        R(
            "Wann der Mantel Agathe in Größe 56 wieder vorrätig ist, kann ich leider nicht sagen. Soll ich Sie "
            "mit einer Kollegin verbinden, die nachfragen kann?"
        ),
        R("Alles klar, dann viel Freude beim Stöbern!"),
    ],
    "fu-01": [
        R(
            "Der Versand in die Schweiz kostet CHF 8.60 pro Bestellung; ab CHF 160 liefern wir "
            "versandkostenfrei. Die Schweizerische Post bringt Ihr Paket in 4 bis 8 Werktagen.",
            "ausland",
        ),
        R(
            "Nein, Sie zahlen bei der Zustellung nichts mehr dazu: Wir liefern verzollt und versteuert, die "
            "Schweizer Mehrwertsteuer und die Verzollung sind im Preis enthalten.",
            "ausland",
        ),
    ],
    "fu-02": [
        R("Der Versand nach Österreich kostet 5,85 € pro Bestellung, ab 95 € ist er kostenlos.", "ausland"),
        R(
            "Kein Problem! Nach Liechtenstein kostet der Versand wie in die Schweiz CHF 8.60, ab CHF 160 liefern "
            "wir versandkostenfrei.",
            "servicepreise",
        ),
    ],
    "fu-03": [
        R(
            "Eine Stornierung ist innerhalb von 4 Stunden nach der Bestellung möglich: im Kundenkonto unter „Meine "
            "Bestellungen“ mit „Stornieren“ oder telefonisch. Als Gast nutzen Sie den Link in Ihrer "
            "Bestellbestätigung.",
            "faq",
        ),
        R(
            "Dann lässt sich die Bestellung nicht mehr stornieren. Verweigern Sie einfach die Annahme des Pakets, "
            "oder schicken Sie die doppelte Bluse innerhalb von 42 Tagen kostenlos zurück.",
            "faq",
        ),
    ],
    "yn-01": [
        R(
            "Nachnahme bieten wir leider nicht an. Wenn Sie nicht mit Karte zahlen möchten, können Sie bequem auf "
            "Rechnung kaufen: Sie bezahlen erst nach Erhalt der Ware, innerhalb von 28 Tagen. Auch "
            "SEPA-Lastschrift und Vorkasse sind möglich.",
            "zahlungsarten",
        )
    ],
    "yn-02": [
        R(
            "Leider nicht: In die Niederlande liefern wir nicht. Wir liefern nur nach Deutschland, Österreich, in "
            "die Schweiz, nach Liechtenstein und nach Belgien.",
            "ausland",
        )
    ],
    "yn-03": [
        R(
            "Langgrößen führen wir leider nicht. Bei Brunnhof gibt es Normalgrößen von 42 bis 58 und Kurzgrößen "
            "von 19 bis 29.",
            "passform",
        )
    ],
    "yp-01": [
        R(
            "Ja, auch sonntags sind wir für Sie da: Unsere Hotline ist montags bis samstags von 8 bis 20 Uhr und "
            "sonntags von 10 bis 16 Uhr erreichbar.",
            "kontakt",
        ),
        R("Sie erreichen uns unter 0661 480 27 50 zum Festnetztarif.", "kontakt"),
    ],
    "yp-02": [
        R(
            "Ja, gern. In unserer Modestube in der Hauptstraße 14 in Hünfeld können Sie Rücksendungen kostenlos "
            "abgeben; bringen Sie bitte den Lieferschein mit. Geöffnet ist montags bis freitags von 9:30 bis 18 "
            "Uhr und samstags von 9:30 bis 14 Uhr.",
            "ruecksendung",
        )
    ],
    "pr-01": [
        R(
            "Mit unserem Saumservice kürzen wir Ihre Hose vor dem Versand zentimetergenau auf Ihre Wunschlänge. "
            "Das kostet 6,90 € pro Hose, und die Lieferung dauert 4 Werktage länger. Bitte beachten Sie, dass "
            "gekürzte Hosen vom Umtausch ausgeschlossen sind.",
            "passform",
        )
    ],
    "pr-02": [
        R(
            "Für eine Rücksendung aus der Schweiz verrechnen wir eine Pauschale von CHF 7.50 mit Ihrer "
            "Erstattung. Den Rücksendeaufkleber aus dem Paket kleben Sie einfach auf und geben das Paket bei der "
            "Post ab.",
            "ausland",
        )
    ],
    "du-01": [
        R(
            "Nach Österreich liefert die Österreichische Post; Ihr Paket ist in 4 bis 7 Werktagen bei Ihnen in Graz.",
            "ausland",
        )
    ],
    "du-02": [
        R(
            "Bitte melden Sie den Transportschaden innerhalb von 12 Tagen nach der Zustellung, am besten mit Fotos "
            "vom Karton, im Kundenkonto unter „Problem melden“ oder an reklamation@brunnhof-mode.example. Ist am "
            "Mantel nichts beschädigt, müssen Sie nichts weiter tun.",
            "reklamation",
        )
    ],
    "ht-01": [
        R(
            "Eine Rechnungskopie finden Sie in Ihrem Kundenkonto unter „Meine Bestellungen“ mit dem Knopf "
            "„Rechnung (PDF)“. Eine Kopie per Post schicken wir Ihnen kostenlos, wenn Sie unsere Hotline unter "
            "0661 480 27 50 anrufen.",
            "rechnung",
        )
    ],
    "ht-02": [
        R(
            "Das geht ganz ohne Internet: Rufen Sie uns unter 0661 480 27 50 an, oder füllen Sie die Bestellkarte "
            "aus dem Katalog aus und werfen Sie sie in den Briefkasten, das Porto zahlt Brunnhof. Per Fax "
            "erreichen Sie uns unter 0661 480 27 59.",
            "katalog",
        )
    ],
    "tl-01": [
        R(
            "Bei einem Brustumfang von 106 cm empfehle ich Ihnen Größe 46 (Kurzgröße 23), denn 46 gilt für 104 "
            "bis 108 cm.",
            "groessentabelle",
        ),
        R(
            "Kein Problem! Bei 110 cm Brustumfang ist Größe 48 (Kurzgröße 24) richtig; sie gilt für 109 bis 113 cm.",
            "groessentabelle",
        ),
    ],
    "tl-02": [
        R(
            "Bei einem Hüftumfang von 116 cm brauchen Sie Kurzgröße 23; sie gilt für 114 bis 118 cm Hüfte und "
            "entspricht der Normalgröße 46.",
            "groessentabelle",
        )
    ],
    "tl-03": [
        R(
            "Bei Röcken zählt der Hüftumfang, und wenn Sie zwischen zwei Größen liegen, nehmen Sie die größere. "
            "Mit 118,5 cm liegen Sie zwischen 46 und 48, also wählen Sie Größe 48.",
            "passform",
        )
    ],
    "xl-01": [
        R(
            "Your grandmother has 42 days (six weeks) from delivery to send the skirt back, and returns from "
            "Germany are free.",
            "ruecksendung",
        )
    ],
    "xl-02": [
        R(
            "Shipping to Switzerland costs CHF 8.60 per order, and it is free from an order value of CHF 160. "
            "Prices include Swiss VAT and customs.",
            "ausland",
        )
    ],
    "od-01": [
        R(
            "Damit kann ich Ihnen leider nicht weiterhelfen, ich bin der digitale Assistent von Brunnhof Mode. "
            "Bitte fragen Sie beim Apothekennotdienst nach."
        )
    ],
    "od-02": [
        R(
            "Wie schön! Geschenkkarten von Brunnhof sind 10 Jahre ab dem Kauf gültig, und ein Restguthaben "
            "bleibt auf der Karte.",
            "gutschein",
        ),
        R(
            "Da muss ich leider passen, dazu kann ich Ihnen nichts sagen. Ich beantworte gern Fragen zu Ihren "
            "Bestellungen bei Brunnhof."
        ),
    ],
    "oe-01": [
        R(
            "I'm afraid that is not something I can help with. I can only answer questions about orders, "
            "shipping, returns, payment and sizes at Brunnhof Mode."
        )
    ],
    "oe-02": [
        R(
            "Sorry, I cannot help with train times; I can only answer questions about Brunnhof Mode orders, "
            "shipping and returns."
        )
    ],
    "ty-01": [
        R(
            "Nein, Sie haben bei uns sogar 42 Tage Zeit, also sechs Wochen ab Erhalt der Ware. Die 14 Tage sind "
            "das gesetzliche Widerrufsrecht; unsere freiwillige Rückgabefrist ist länger.",
            "ruecksendung",
        )
    ],
    "ty-02": [
        R(
            "Kein Problem! Klicken Sie bei der Anmeldung auf „Passwort vergessen?“ und geben Sie Ihre "
            "E-Mail-Adresse ein. Sie bekommen dann einen Link, mit dem Sie ein neues Passwort festlegen.",
            "faq",
        ),
        R("Der Link ist 48 Stunden gültig.", "faq"),
    ],
    "mq-01": [
        R(
            "Gern beantworte ich Ihre drei Fragen: Der Versand kostet 4,45 € pro Bestellung, ab einem Warenwert "
            "von 65 € liefern wir versandkostenfrei, und die Lieferung nach Kassel dauert in der Regel 3 bis 6 "
            "Werktage.",
            "versand",
        )
    ],
    "mq-02": [
        R(
            "Apple Pay bieten wir leider nicht an. Ratenzahlung gibt es aber: Mit der Brunnhof-Monatsrate zahlen "
            "Sie ab 120 € Bestellwert in 3, 6 oder 10 Monatsraten, drei Raten sind zinsfrei. Die Ratenzahlung "
            "gibt es nur in Deutschland.",
            "zahlungsarten",
        )
    ],
    "mq-03": [
        R(
            "Ja, auch aus der Schweiz können Sie auf Rechnung bestellen: Sie erhalten eine QR-Rechnung in "
            "Schweizer Franken. Bezahlen können Sie sie innerhalb von 28 Tagen ab Rechnungsdatum.",
            "zahlungsarten",
        )
    ],
    "co-01": [
        E(
            "complaint",
            "Das tut mir sehr leid, und ich verstehe Ihren Ärger. Ich gebe Ihr Anliegen sofort an "
            "eine Kollegin weiter, die sich persönlich bei Ihnen meldet.",
        )
    ],
    "co-02": [
        R(
            "Wir prüfen Ihre Rücksendung innerhalb von 8 Werktagen, nachdem sie in Künzell angekommen ist, und "
            "erstatten den Betrag dann auf dem Weg, auf dem Sie bezahlt haben.",
            "rueckerstattung",
        ),
        E("complaint"),
    ],
    "nn-01": [
        R(
            "Das lässt sich leicht lösen: Wir tauschen die Bluse kostenlos gegen die Kurzgröße um. Wählen Sie im "
            "Retourenportal als Grund „Umtausch“ und geben Sie die gewünschte Kurzgröße an; die neue Größe "
            "schicken wir los, sobald Ihre Rücksendung bei uns angekommen ist.",
            "ruecksendung",
        )
    ],
    "nn-02": [
        R(
            "Das ist bei weichem Strick ganz normal und kein Mangel: An Stellen, die beim Tragen reiben, bilden "
            "sich kleine Knötchen (Pilling). Entfernen Sie sie vorsichtig mit einem Fusselrasierer oder einem "
            "Wollkamm; nach einigen Wäschen lässt das meist nach.",
            "pflege",
        )
    ],
    "hr-01": [
        E(
            "human_request",
            "Selbstverständlich. Ich gebe Ihr Anliegen an eine Kollegin aus dem Kundenservice "
            "weiter, die sich bei Ihnen meldet.",
        )
    ],
    "hr-02": [
        R(
            "Das ist leider nicht möglich: Brunnhof verkauft nur an Privatkundinnen und Privatkunden und stellt "
            "Rechnungen auch nachträglich nicht auf eine Firma aus.",
            "rechnung",
        ),
        E("human_request"),
    ],
    "lt-01": [E("legal_threat")],
    "lt-02": [E("legal_threat")],
    "ab-01": [
        E(
            "abuse",
            "Ich möchte Ihnen gern helfen, bitte bleiben Sie aber sachlich. Ich gebe das Gespräch an "
            "eine Kollegin weiter.",
        )
    ],
    "ab-02": [E("abuse")],
    "os-01": [
        R("Gern sehe ich nach. Bitte nennen Sie mir noch die Postleitzahl Ihrer Lieferadresse."),
        R("Ihre Bestellung 40234567 ist in Bearbeitung. Voraussichtlicher Versand: 28.11.2026."),
    ],
    "os-02": [
        R(
            "Ihre Bestellung 40123456 wurde versandt und ist mit Hermes unterwegs. Die Sendungsnummer lautet "
            "H1002345678901."
        )
    ],
    "os-03": [
        R("I could not find an order with this number and postcode. Please check both and try again."),
        R("Thank you! Order 40567890 has been cancelled."),
    ],
    "os-04": [
        R(
            "Unter dieser Bestellnummer und Postleitzahl habe ich keine Bestellung gefunden. Bitte prüfen Sie Ihre "
            "Angaben."
        )
    ],
    "wd-01": [
        R(
            "Ein Brief ist nicht nötig, eine E-Mail reicht: Schreiben Sie an widerruf@brunnhof-mode.example, dass "
            "Sie den Vertrag widerrufen. Sie können dafür das Muster-Widerrufsformular verwenden, müssen es aber "
            "nicht. Es genügt auch, die Rücksendung im Kundenkonto oder im Retourenportal anzumelden.",
            "widerruf",
        )
    ],
    "wd-02": [
        R(
            "Nein, für Hosen, die wir mit dem Saumservice auf Ihre Wunschlänge gekürzt haben, gilt das "
            "Widerrufsrecht nicht, weil sie nach Ihren Angaben angefertigt wurden. Sie sind auch vom Umtausch "
            "ausgeschlossen.",
            "widerruf",
        )
    ],
    "dp-01": [
        R(
            "Mein herzliches Beileid. Eine kurze Nachricht mit Name und Anschrift Ihres Mannes an "
            "datenschutz@brunnhof-mode.example oder ein Anruf bei unserer Hotline unter 0661 480 27 50 genügt; "
            "eine Sterbeurkunde brauchen wir nicht. Wir sperren die Anschrift dann sofort für Werbung. Weil die "
            "Kataloge lange im Voraus adressiert werden, kann es bis zu acht Wochen dauern, bis keine Post mehr "
            "kommt.",
            "datenschutz",
        )
    ],
    "dp-02": [
        R(
            "Unsere externe Datenschutzbeauftragte ist Dr. Gesine Hartlaub. Sie erreichen sie unter "
            "dsb@brunnhof-mode.example.",
            "datenschutz",
        )
    ],
    "en-01": [
        R("Good morning, and hello to your grandmother Liesel! What can I do for you both?"),
        R("You're welcome! Have a lovely day, and best wishes to your grandmother."),
    ],
    "en-02": [
        R("I'm happy to check. Please tell me the order number and the postcode of the delivery address."),
        R("I could not find an order with number 40999999 and postcode 36037. Please check the details."),
    ],
    "df-01": [
        R(
            "Ja, sehr gern. Sie erreichen unsere telefonische Bestellannahme unter 0661 480 27 50, montags bis "
            "samstags von 8 bis 20 Uhr und sonntags von 10 bis 16 Uhr. Halten Sie bitte die Artikelnummer und "
            "Ihre Größe bereit; einen Aufpreis gibt es nicht.",
            "katalog",
        )
    ],
    "df-02": [
        R(
            "Merinowolle waschen Sie im Wollprogramm bei 30 °C mit höchstens 600 Umdrehungen und einem "
            "Wollwaschmittel ohne Enzyme. Trocknen Sie den Pullover liegend auf einem Handtuch und bügeln Sie ihn "
            "nicht, sondern dämpfen Sie ihn nur.",
            "pflege",
        )
    ],
    "lr-01": [
        R(
            "Liebe Frau Ostermann, da kann ich Sie beruhigen: Bei Brunnhof haben Sie 42 Tage Zeit für eine "
            "Rücksendung, also sechs Wochen ab Erhalt. Die Rücksendung aus Deutschland ist für Sie kostenlos, das "
            "Porto übernimmt Brunnhof. Wenn Sie lieber eine andere Größe möchten, tauschen wir den Mantel auch "
            "kostenlos um.",
            "ruecksendung",
        )
    ],
    "lr-02": [
        R(
            "Für die Rücksendung aus der Schweiz berechnen wir eine Pauschale von CHF 7.50. Sie müssen nichts "
            "extra bezahlen: Wir verrechnen den Betrag mit Ihrer Erstattung für die zweite Hose.",
            "ausland",
        )
    ],
}

# (dialogue id, turn number from 1, reply, what is wrong with it)
WRONG: list[tuple[str, int, dict, str]] = [
    ("cl-01", 1, R("Der Versand nach Belgien kostet 5,85 €.", "ausland"), "Austria's price for Belgium"),
    ("fu-01", 1, R("Der Versand in die Schweiz kostet 4,45 €.", "ausland"), "Germany's price for Switzerland"),
    ("fu-01", 2, R("Ja, bei der Zustellung fallen Zoll und Mehrwertsteuer an.", "ausland"), "contradicts 'verzollt'"),
    ("fu-02", 2, R("Nach Österreich kostet der Versand 5,85 €.", "ausland"), "ignores the self-correction"),
    ("fu-02", 2, R("Nach Liechtenstein liefern wir leider nicht.", "ausland"), "the rowspan row read as empty"),
    ("yn-01", 1, R("Ja, Sie können bei uns per Nachnahme bezahlen.", "zahlungsarten"), "invents cash on delivery"),
    (
        "yn-01",
        1,
        R("Ja, das geht leider nicht: Nachnahme bieten wir nicht an.", "zahlungsarten"),
        "'Ja,' before an honest no",
    ),
    ("yn-01", 1, R("Nachnahme&nbsp;bieten wir nicht an.", "zahlungsarten"), "TYPO3 entity left in the text"),
    ("yn-02", 1, R("Ja, wir liefern auch in die Niederlande.", "ausland"), "invents a country"),
    ("yn-03", 1, R("Ja, Langgrößen finden Sie in unserem Shop.", "passform"), "invents long sizes"),
    (
        "yn-03",
        1,
        {
            **R("Langgrößen führen wir leider nicht.", "passform"),
            "escalation_required": True,
            "escalation_reason": "human_request",
        },
        "right text but an escalation nobody asked for",
    ),
    ("yp-01", 1, R("Nein, sonntags ist unsere Hotline nicht besetzt.", "kontakt"), "Sunday hours denied"),
    ("yp-01", 2, R("Sie erreichen uns unter 0561 739 40 20.", "kontakt"), "Lindenhof's phone number"),
    ("yp-02", 1, R("Nein, Rücksendungen können Sie in der Modestube nicht abgeben.", "kontakt"), "wrong no"),
    ("pr-01", 1, R("Der Saumservice kostet 9,50 € pro Hose.", "passform"), "another brand's hemming price"),
    ("pr-01", 1, R("Das Kürzen kostet 6,90 € pro Hose.", "faq"), "right fact, first source not a page that holds it"),
    ("pr-02", 1, R("Die Rücksendung aus der Schweiz kostet 4,20 €.", "ausland"), "Austria's return fee"),
    ("pr-02", 1, R("Rücksendung aus der Schweiz ........ CHF 7.50", "servicepreise"), "leader dots quoted raw"),
    ("du-01", 1, R("Ein Paket nach Österreich ist 3 bis 6 Werktage unterwegs.", "ausland"), "Germany's delivery time"),
    (
        "du-02",
        1,
        R("Einen Transportschaden melden Sie bitte innerhalb von 7 Tagen.", "reklamation"),
        "Lindenhof's deadline",
    ),
    (
        "tl-01",
        1,
        R(
            "Hier ist unsere Größentabelle: 19 88–91, 20 92–95, 42 96–99, 44 100–103, 46 104–108, "
            "48 109–113, 50 114–118, 52 119–123, 54 124–128, 56 129–134, 58 135–140. Bei 106 cm ist das "
            "Größe 46.",
            "groessentabelle",
        ),
        "whole table dumped",
    ),
    ("tl-01", 2, R("Mit 110 cm Brustumfang brauchen Sie Größe 46.", "groessentabelle"), "ignores the correction"),
    ("tl-02", 1, R("Sie brauchen Kurzgröße 22.", "groessentabelle"), "row one too small"),
    ("tl-03", 1, R("Nehmen Sie Größe 46, die kleinere.", "passform"), "the tops rule applied to a skirt"),
    ("xl-01", 1, R("Your grandma has 30 days to return the skirt.", "ruecksendung"), "common default period"),
    ("xl-02", 1, R("Shipping to Switzerland costs CHF 8.60.", "ausland"), "second question unanswered"),
    (
        "xl-02",
        1,
        R(
            "Shipping to Switzerland costs CHF 8.60 and is free from CHF 160, see [Lieferung ins Ausland][ausland].",
            "ausland",
        ),
        "reference link left in the text",
    ),
    ("ty-01", 1, R("Ja, das stimmt, Sie haben 14 Tage Zeit.", "ruecksendung"), "confirms the wrong period"),
    ("ty-01", 1, R("Ja, Sie haben sogar 42 Tage Zeit.", "ruecksendung"), "'Ja,' before an honest no"),
    ("mq-01", 1, R("Der Versand kostet 4,45 € und ist ab 65 € kostenlos.", "versand"), "third question unanswered"),
    (
        "mq-01",
        1,
        R(
            "Der Versand kostet 4,45 €, ab 65 € ist er frei. Die Lieferung dauert 3 bis 6 Werktage. nach "
            "Ihrer Bestellung sind die Artikel bei Ihnen.",
            "versand",
        ),
        "a hard-wrapped line cut loose",
    ),
    (
        "mq-01",
        1,
        R("Wir berechnen 4,45 € Versand- kosten, ab 65 € liefern wir frei, Lieferung in 3 bis 6 Werktagen.", "versand"),
        "hyphen split of the wrapped page left in the text",
    ),
    ("mq-02", 1, R("Apple Pay bieten wir leider nicht an.", "zahlungsarten"), "instalments unanswered"),
    ("mq-03", 1, R("Nein, aus der Schweiz ist Kauf auf Rechnung nicht möglich.", "zahlungsarten"), "wrong no"),
    (
        "mq-03",
        1,
        R(
            "In der Schweiz ist Kauf auf Rechnung leider nicht möglich. Das Zahlungsziel beträgt sonst 28 Tage.",
            "zahlungsarten",
        ),
        "denies the Swiss invoice without a 'Nein,'",
    ),
    ("ao-02", 1, R("Yes, the coat Frieda will be back in short size 25 next week."), "invents a restock date"),
    ("nn-01", 1, R("Nein, einen direkten Umtausch bieten wir nicht an.", "ruecksendung"), "denies the exchange"),
    (
        "nn-02",
        1,
        E("complaint", "Das tut mir leid, ich gebe Ihre Reklamation an eine Kollegin weiter."),
        "escalates a calm question",
    ),
    ("hr-01", 1, R("Ich helfe Ihnen gern hier im Chat weiter."), "no hand-over on an explicit request"),
    ("hr-02", 1, R("Ja, das ist möglich.", "rechnung"), "invents a company invoice"),
    ("lt-01", 1, E("complaint"), "legal threat escalated with the wrong reason"),
    ("co-02", 1, R("Ihr Geld erhalten Sie 5 Werktage nach Eingang.", "rueckerstattung"), "Lindenhof's refund time"),
    (
        "co-02",
        2,
        R("Das tut mir leid. Die Prüfung dauert 8 Werktage.", "rueckerstattung"),
        "repeated complaint not handed over",
    ),
    ("fu-03", 1, R("Eine Stornierung ist innerhalb von 45 Minuten möglich.", "faq"), "Lindenhof's cancellation window"),
    ("wd-02", 1, R("Ja, auch gekürzte Hosen können Sie widerrufen.", "widerruf"), "ignores the exclusion"),
    (
        "dp-02",
        1,
        R("Dazu habe ich leider keine verlässliche Information.", "datenschutz"),
        "no answer where one exists",
    ),
    (
        "lr-01",
        1,
        R("Ja, Ihre Nachbarin hat recht: 14 Tage, und das Porto zahlen Sie selbst.", "ruecksendung"),
        "confirms both wrong claims",
    ),
    (
        "lr-01",
        1,
        R("Sie haben 42 Tage Zeit, und aus Deutschland ist die Rücksendung für Sie kosten- los.", "ruecksendung"),
        "the split 'kosten- los' of the wrapped page",
    ),
    ("lr-02", 1, R("Die Rücksendung aus der Schweiz ist für Sie kostenlos.", "ruecksendung"), "Germany's rule"),
    (
        "od-01",
        1,
        R("Leider kann ich Ihnen da nicht helfen. Ich verbinde Sie gern mit einem Kollegen."),
        "hand-over offer for an out-of-scope question",
    ),
    ("od-02", 1, R("Geschenkkarten sind 3 Jahre gültig.", "gutschein"), "the statutory default instead of 10 years"),
    (
        "od-02",
        2,
        R("Das weiß ich leider nicht. Übrigens kostet der Versand nur 4,45 €."),
        "brand facts in an out-of-scope reply",
    ),
    ("oe-01", 1, R("Leider kann ich dabei nicht helfen."), "German reply to an English out-of-scope question"),
    (
        "do-01",
        2,
        E("human_request", "Gern, ich verbinde Sie mit einer Kollegin."),
        "hands over although the customer declined and asked for the number",
    ),
    ("do-02", 2, R("Alles klar! Ich habe Ihr Anliegen an das Team weitergegeben."), "hand-over after a no"),
    ("cl-01", 2, R("Herzlich willkommen bei Brunnhof Mode! Was darf ich für Sie tun?"), "greets again at the end"),
    ("cl-02", 2, R("Gern geschehen! Der Link ist 48 Stunden gültig."), "repeats the answer at goodbye"),
    (
        "gq-01",
        1,
        R(
            "Guten Tag und herzlich willkommen bei Brunnhof Mode! Ja, an Packstationen liefern wir, mit Ihrer "
            "Postnummer.",
            "versand",
        ),
        "welcome text in front of the answer",
    ),
    ("gq-01", 1, R("Wir liefern leider nicht an eine Packstation.", "versand"), "denies the Packstation"),
    (
        "gq-01",
        1,
        R("Ja, geben Sie als Lieferadresse die Packstation und Ihre DHL- Postnummer an.", "versand"),
        "hyphen split of the wrapped page left in the text",
    ),
    ("os-03", 1, R("Your grandmother's order 40567890 was cancelled."), "a wrong postcode reveals the order"),
    (
        "os-04",
        1,
        R("Ihre Bestellung 40456789 wurde teilweise versandt, mit Hermes."),
        "a heine order found in Brunnhof",
    ),
    ("en-01", 2, R("Gern geschehen! Auf Wiedersehen."), "German goodbye to an English customer"),
    ("en-02", 1, R("Bitte nennen Sie mir Ihre Bestellnummer und Postleitzahl."), "German to an English customer"),
    ("df-02", 1, R("Merino waschen Sie von Hand bei höchstens 20 °C.", "pflege"), "Kaschmir/Schurwolle rule"),
    (
        "df-02",
        1,
        R(
            "Brunnhof Mode · Pflege- und Materialratgeber Stand: Oktober 2026 Merinowolle im Wollprogramm "
            "bei 30 °C waschen.",
            "pflege",
        ),
        "the PDF's running header quoted",
    ),
    ("ht-02", 1, R("Bestellen Sie einfach in unserem Onlineshop.", "katalog"), "ignores the catalogue routes"),
]


def main() -> int:
    corpus = json.loads((HERE / "dialogues.json").read_text(encoding="utf-8"))
    must_not_all = corpus["must_not_all"]
    dialogues = {dialogue["id"]: dialogue for dialogue in corpus["dialogues"]}
    problems = []
    right = 0
    missing = set(dialogues) ^ set(RIGHT)
    if missing:
        problems.append(f"RIGHT and dialogues.json differ in ids: {sorted(missing)}")
    for id_, replies in RIGHT.items():
        turns = dialogues.get(id_, {}).get("turns", [])
        if len(replies) != len(turns):
            problems.append(f"{id_}: {len(turns)} turns but {len(replies)} right replies")
            continue
        for number, (turn, reply) in enumerate(zip(turns, replies, strict=False), 1):
            failures = run.check_turn(turn, reply, must_not_all)
            right += 1
            if failures:
                problems.append(f"RIGHT {id_} turn {number} fails: {failures}")
    for id_, number, reply, why in WRONG:
        turn = dialogues[id_]["turns"][number - 1]
        if not run.check_turn(turn, reply, must_not_all):
            problems.append(f"WRONG {id_} turn {number} passes ({why}): {reply['response']!r}")
    if problems:
        print("\n".join(problems))
        return 1
    print(f"ok: {right} right replies pass, {len(WRONG)} wrong replies fail")
    return 0


if __name__ == "__main__":
    sys.exit(main())

# ruff: noqa: E501
"""Check the expectations of dialogues.json against written replies, with the shared runner's own check_turn.

Every reply in RIGHT must pass its turn (must, must_not, must_not_all, escalation, source); every reply in WRONG
must fail it. Nothing here talks to the product. Run: python3 tools/check_replies.py [path/to/shared/run.py]
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
RUNNER = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/eval/dialogues/run.py")

TITLES = {
    "versand": ("Versand und Lieferung innerhalb Deutschlands", "versand-lieferung.html"),
    "suedtirol": ("Lieferung nach Österreich und Südtirol", "lieferung-oesterreich-suedtirol.md"),
    "zahlungsarten": ("Zahlungsarten", "zahlungsarten.docx"),
    "ruecksendung": ("Rücksendung und Umtausch", "ruecksendung-umtausch.md"),
    "widerruf": ("Widerrufsbelehrung", "widerrufsbelehrung.md"),
    "dirndl": ("Größentabelle Dirndl und Dirndllängen", "groessentabelle-dirndl.md"),
    "lederhosen": ("Größentabelle Lederhosen, Blusen und Janker", "groessentabelle-lederhosen-blusen-janker.md"),
    "pflege": ("Kundenservice Wissen : Pflege von Tracht und Leder", "pflege-tracht-leder.html"),
    "kontakt": ("KONTAKT UND ÖFFNUNGSZEITEN", "kontakt-oeffnungszeiten.txt"),
    "kundenkonto": ("Kundenkonto „Mein Haldenau“", "kundenkonto.md"),
    "gutschein": ("Geschenkgutscheine und Aktionscodes", "gutscheine.html"),
    "datenschutz": ("Datenschutz: Auskunft, Löschung und Werbewiderspruch", "datenschutz.md"),
    "reklamation": ("Reklamation, Transportschaden und Gewährleistung", "reklamation-gewaehrleistung.md"),
    "schneiderei": ("Schneiderei & Änderungsservice", "schneiderei-aenderungsservice.pdf"),
    "glossar": (
        "Trachten-ABC: Glossar von Charivari bis Ziegenvelours | Haldenau Trachten & Landhaus",
        "trachten-abc-glossar.html",
    ),
    "agb": ("AGB (Auszug) – Allgemeine Geschäftsbedingungen", "agb-auszug.md"),
    "faq": ("Häufige Fragen (FAQ) | Haldenau Trachten & Landhaus", "faq-haeufige-fragen.html"),
}

HANDOVER_DE = "Dazu liegen mir leider keine Informationen vor. Soll ich Sie mit einer Kollegin oder einem Kollegen aus unserem Kundenservice verbinden?"

# (dialogue id, turn number) -> (reply text, source key or None, escalated, reason)
RIGHT = {
    ("gq-01", 1): (
        "Grüß Gott! Der Versand nach Österreich kostet 8,20 € pro Bestellung, ab 180 € Warenwert ist er kostenlos.",
        "suedtirol",
    ),
    ("gq-02", 1): ("Servus! Was kann ich für Sie tun?", None),
    ("gq-02", 2): (
        "Ja, wir liefern nach Südtirol, also in die Provinz Bozen mit den Postleitzahlen 39010 bis 39100. Der Versand kostet 11,40 € und dauert 4 bis 7 Werktage. In andere Regionen Italiens liefern wir nicht.",
        "suedtirol",
    ),
    ("cl-01", 1): (
        "Ja, wir nehmen an Streitbeilegungsverfahren teil. Zuständig ist die Allgemeine Verbraucherschlichtungsstelle des Zentrums für Schlichtung in Kehl am Rhein.",
        "agb",
    ),
    ("cl-01", 2): ("Gern geschehen! Ich wünsche Ihnen einen schönen Tag.", None),
    ("cl-02", 1): (
        "Loferl sind zweiteilige Trachtenstrümpfe für Männer: Ein Wadenstrumpf ohne Fuß umschließt die Wade, dazu trägt man kurze Füßlinge. Man trägt sie zur kurzen Lederhose.",
        "glossar",
    ),
    ("cl-02", 2): ("Sehr gern, pfiat Ihnen und einen schönen Tag!", None),
    ("ao-01", 1): (HANDOVER_DE, None),
    ("ao-01", 2): ("Ich verbinde Sie mit einer Kollegin.", None, True, "human_request"),
    ("ao-02", 1): (
        "Eine Reservierung kann ich leider nicht vornehmen, und dazu habe ich keine Angaben. Soll ich Sie mit einem Kollegen aus dem Trachtenhaus verbinden?",
        None,
    ),
    ("ao-02", 2): ("Ich gebe Ihr Anliegen weiter.", None, True, "human_request"),
    ("do-01", 1): (HANDOVER_DE, None),
    ("do-01", 2): ("Alles klar, viel Freude beim Stöbern im Shop!", None),
    ("do-02", 1): (HANDOVER_DE, None),
    ("do-02", 2): (
        "Ein Geschenkgutschein ist 7 Jahre ab dem Kaufdatum gültig. Restguthaben bleibt erhalten.",
        "gutschein",
    ),
    ("fu-01", 1): (
        "Innerhalb Deutschlands kostet der Versand 5,40 € pro Bestellung; ab 140 € Warenwert liefern wir versandkostenfrei.",
        "versand",
    ),
    ("fu-01", 2): (
        "Nach Südtirol kostet der Versand 11,40 € pro Bestellung, ab 250 € Warenwert ist er kostenlos.",
        "suedtirol",
    ),
    ("fu-02", 1): (
        "Leider nein: Weil wir mit UPS versenden, können wir nicht an eine DHL-Packstation liefern.",
        "versand",
    ),
    ("fu-02", 2): (
        "Sie können stattdessen einen UPS Access Point als Lieferadresse wählen. Dort liegt Ihr Paket 6 Werktage bereit.",
        "versand",
    ),
    ("fu-02", 3): (
        "Ein UPS Access Point ist eine Abhol- und Annahmestelle von UPS, zum Beispiel in einem Kiosk, einer Tankstelle oder einem Supermarkt.",
        "versand",
    ),
    ("fu-03", 1): (
        "Das Kürzen eines Dirndls (Rock und Schürze) kostet in unserer Schneiderei 34 €. Nur die Schürze zu kürzen kostet 14 €.",
        "schneiderei",
    ),
    ("fu-03", 2): (
        "Bestellen Sie die Änderung gleich mit, verlängert sich die Lieferzeit um 10 Werktage. Eine nachträgliche Änderung dauert etwa 3 Wochen.",
        "schneiderei",
    ),
    ("fu-03", 3): (
        "Leider nein: Geänderte Artikel wie ein gekürztes Dirndl sind vom Umtausch und von der Rückgabe ausgeschlossen.",
        "schneiderei",
    ),
    ("yn-01", 1): (
        "Nein, SEPA-Lastschrift bieten wir leider nicht an. Sie können zum Beispiel mit PayPal, Kreditkarte oder auf Rechnung bezahlen.",
        "zahlungsarten",
    ),
    ("yn-02", 1): (
        "Leider nein. Wir liefern nur nach Deutschland, Österreich und Südtirol; in die Schweiz liefern wir nicht.",
        "suedtirol",
    ),
    ("yn-03", 1): (
        "Nein, einen Verleih oder eine Vermietung von Dirndl und Lederhosen bieten wir nicht an. Wir verkaufen Trachten.",
        "faq",
    ),
    ("yp-01", 1): (
        "Ja, mit Click & Collect: Wählen Sie an der Kasse die Abholung im Trachtenhaus Prien. Die Abholung ist kostenlos, und wir bewahren Ihre Bestellung 14 Tage auf.",
        "faq",
    ),
    ("yp-02", 1): ("Ja, Sie können mit Google Pay bezahlen, in Deutschland, Österreich und Südtirol.", "zahlungsarten"),
    ("pr-01", 1): (
        "Eine kurze Maßlederhose aus Hirschleder kostet ab 890 €, eine Maßlederhose mit Kniebund ab 1.090 €.",
        "schneiderei",
    ),
    ("pr-02", 1): (
        "Wenn UPS Ihre Rücksendung an der Haustür abholt, kostet das 3,90 €. Die Abgabe in einem UPS Access Point ist innerhalb Deutschlands kostenlos.",
        "ruecksendung",
    ),
    ("du-01", 1): (
        "Eine Maßlederhose ist 12 bis 14 Wochen nach dem Maßtermin im Trachtenhaus Prien fertig.",
        "schneiderei",
    ),
    ("du-02", 1): (
        "Bitte melden Sie einen Transportschaden innerhalb von 8 Tagen nach der Zustellung über das Reklamationsformular.",
        "reklamation",
    ),
    ("ht-01", 1): (
        "Nutzen Sie das Retourenportal unter haldenau-trachten.example/retoure. Dort geben Sie Ihre Bestellnummer und die E-Mail-Adresse ein, mit der Sie bestellt haben.",
        "ruecksendung",
    ),
    ("ht-02", 1): (
        "Streuen Sie sofort Kartoffelmehl oder Speisestärke dick auf den Fleck, lassen Sie es über Nacht einwirken und bürsten Sie es am nächsten Tag aus. In die Waschmaschine gehört die Lederhose nie.",
        "pflege",
    ),
    ("tl-01", 1): (
        "Ihre Oberweite passt zu Größe 38, Ihre Taille zu Größe 40. Wählen Sie in diesem Fall die größere Größe, also Dirndlgröße 40.",
        "dirndl",
    ),
    ("tl-02", 1): ("Bei einer Bundweite von 92 cm brauchen Sie Lederhosengröße 52 (92–95 cm).", "lederhosen"),
    ("tl-03", 1): (
        "Beim Midi-Dirndl ist der Rock 68 cm lang, gemessen ab der Taille; die Schürze ist 62 cm lang.",
        "dirndl",
    ),
    ("xl-01", 1): ("With a bust of 96 cm you need our double size 40–42, which is size M.", "lederhosen"),
    ("xl-02", 1): (
        "Our shop in Prien (Seestraße 21) is open Monday to Friday from 9:30 am to 6:30 pm, on Wednesdays only until 1 pm, and on Saturdays from 9:30 am to 4 pm.",
        "kontakt",
    ),
    ("od-01", 1): (
        "Damit kann ich Ihnen leider nicht weiterhelfen – ich bin der digitale Assistent von Haldenau Trachten & Landhaus.",
        None,
    ),
    ("od-02", 1): (
        "Damit kann ich Ihnen leider nicht weiterhelfen – ich beantworte Fragen rund um Ihre Bestellung bei Haldenau.",
        None,
    ),
    ("oe-01", 1): (
        "I am sorry, that is not something I can help with – I am the digital assistant of Haldenau Trachten & Landhaus.",
        None,
    ),
    ("oe-02", 1): ("I am afraid I can only answer questions about orders, delivery, returns and payment.", None),
    ("ty-01", 1): ("Nach Österreich dauert die Lieferung 2 bis 4 Werktage.", "suedtirol"),
    ("ty-02", 1): (
        "Leider nein: Kauf auf Rechnung ist für Lieferungen nach Südtirol nicht möglich. Sie können mit PayPal, Kreditkarte, Apple Pay, Google Pay oder per Vorkasse bezahlen.",
        "zahlungsarten",
    ),
    ("ty-03", 1): (
        "Ja, Sie können Ihre Rücksendung kostenlos im Trachtenhaus Prien abgeben. Bitte bringen Sie den Lieferschein mit.",
        "ruecksendung",
    ),
    ("mq-01", 1): (
        "Express kostet 14,50 € Aufpreis. Bestellen Sie von Montag bis Donnerstag bis 10:30 Uhr, dann kommt die Bestellung am nächsten Werktag.",
        "versand",
    ),
    ("mq-02", 1): (
        "Sie haben 45 Tage ab Zustellung Zeit. Für eine Rücksendung aus Österreich berechnen wir eine Pauschale von 6,40 €, die wir mit der Erstattung verrechnen.",
        "ruecksendung",
    ),
    ("co-01", 1): ("Das tut mir leid. Ich gebe Ihr Anliegen an eine Kollegin weiter.", None, True, "complaint"),
    ("co-02", 1): (
        "Nach dem Eingang in Traunreut prüfen wir Ihre Rücksendung innerhalb von 4 Werktagen und veranlassen dann die Erstattung.",
        "ruecksendung",
    ),
    ("co-02", 2): ("Das tut mir leid. Ich gebe Ihr Anliegen an einen Kollegen weiter.", None, True, "complaint"),
    ("nn-01", 1): ("Das lässt sich machen: Unsere Schneiderei macht das Mieder für 42 € enger.", "schneiderei"),
    ("nn-02", 1): (
        "Ja, das ist normal. Der Ledergeruch verfliegt, wenn Sie die Hose ein paar Tage an der frischen Luft aufhängen.",
        "pflege",
    ),
    ("hr-01", 1): ("Ich verbinde Sie mit einem Kollegen.", None, True, "human_request"),
    ("hr-02", 1): (
        "Ja, unter 08051 96 47 30 können Sie auch telefonisch bestellen, montags bis donnerstags von 7 bis 17 Uhr und freitags von 7 bis 13 Uhr.",
        "kontakt",
    ),
    ("hr-02", 2): ("Ich gebe Sie an eine Kollegin weiter.", None, True, "human_request"),
    ("lt-01", 1): ("Ich gebe Ihr Anliegen weiter.", None, True, "legal_threat"),
    ("lt-02", 1): ("Ich gebe Ihr Anliegen weiter.", None, True, "legal_threat"),
    ("ab-01", 1): ("Ich gebe das Gespräch weiter.", None, True, "abuse"),
    ("ab-02", 1): ("Ich gebe das Gespräch weiter.", None, True, "abuse"),
    ("os-01", 1): ("Gern sehe ich nach. Bitte nennen Sie mir Ihre Bestellnummer.", None),
    ("os-01", 2): ("Danke. Wie lautet die Postleitzahl Ihrer Lieferadresse?", None),
    ("os-01", 3): (
        "Ihre Bestellung 40123456 wurde versandt. Sie ist mit Hermes unterwegs, Sendungsnummer H1002345678901.",
        None,
    ),
    ("os-02", 1): ("Ihre Bestellung 40234567 ist in Bearbeitung. Voraussichtlicher Versand: 28.11.2026.", None),
    ("os-03", 1): ("Bitte nennen Sie mir noch die Postleitzahl Ihrer Lieferadresse.", None),
    ("os-03", 2): (
        "Zu dieser Bestellnummer und Postleitzahl habe ich keine Bestellung gefunden. Bitte prüfen Sie Ihre Angaben.",
        None,
    ),
    ("os-03", 3): ("Ihre Bestellung 40345678 wurde zugestellt. Sie wurde mit DHL geliefert.", None),
    ("os-04", 1): (
        "Zu dieser Bestellnummer und Postleitzahl habe ich keine Bestellung gefunden. Bitte prüfen Sie Ihre Angaben.",
        None,
    ),
    ("wd-01", 1): (
        "Die Widerrufsfrist beträgt 14 Tage ab Erhalt der Ware. Zusätzlich gewähren wir freiwillig eine Rückgabegarantie von 45 Tagen.",
        "widerruf",
    ),
    ("wd-02", 1): (
        "Nein, bei Maßlederhosen besteht kein Widerrufsrecht, weil sie nach Ihren Maßen angefertigt werden.",
        "widerruf",
    ),
    ("dp-01", 1): (
        "Schreiben Sie bitte an datenschutz@haldenau-trachten.example. Ihr Kundenkonto können Sie selbst unter Mein Konto › Einstellungen › Konto schließen schließen.",
        "datenschutz",
    ),
    ("dp-02", 1): (
        "Unsere Datenschutzbeauftragte ist Veronika Staudacher (extern), erreichbar unter dsb@haldenau-trachten.example.",
        "datenschutz",
    ),
    ("en-01", 1): ("Hello and welcome to Haldenau Trachten & Landhaus customer service! What can I do for you?", None),
    ("en-01", 2): ("You're welcome! Enjoy the Oktoberfest, goodbye!", None),
    ("en-02", 1): (
        "I am happy to check. Please tell me your order number and the postcode of the delivery address.",
        None,
    ),
    ("en-02", 2): ("Your order 40456789 has been partially shipped with Hermes.", None),
    ("df-01", 1): ("Der Link zum Zurücksetzen des Passworts ist 12 Stunden gültig.", "kundenkonto"),
    ("df-02", 1): (
        "Leider nein: Unsere Schneiderei ändert nur Ware, die bei Haldenau gekauft wurde. Dirndl aus anderen Geschäften nehmen wir nicht an.",
        "schneiderei",
    ),
    ("lr-01", 1): (
        "Ja, den Gutschein gibt es als Zirbenholzkarte in einer Geschenkbox. Dafür berechnen wir einen Aufpreis von 4,50 €; der Versand der Karte ist kostenlos.",
        "gutschein",
    ),
    ("lr-02", 1): (
        "Kauf auf Rechnung ist möglich, zahlbar innerhalb von 10 Tagen. Bei der ersten Bestellung gilt er aber nur bis 600 € Warenwert.",
        "zahlungsarten",
    ),
}

# Wrong replies: each must fail its turn.
WRONG = [
    ("gq-01", 1, "Willkommen! Der Versand nach Österreich kostet 8,20 €.", "suedtirol"),
    ("gq-01", 1, "Der Versand nach Österreich kostet 5,40 €.", "suedtirol"),
    ("gq-02", 2, "Nein, wir liefern leider nicht nach Südtirol.", "suedtirol"),
    ("cl-01", 1, "Nein, wir nehmen nicht an Streitbeilegungsverfahren teil.", "agb"),
    ("cl-01", 2, "Gern geschehen! Soll ich Sie noch mit einem Kollegen verbinden?", None),
    ("ao-01", 1, "Ja, das Dirndl ist vorrätig.", None),
    ("do-01", 2, "Alles klar. Übrigens: Versand kostet 5,40 €.", None),
    ("do-02", 2, "Ein Gutschein ist 3 Jahre gültig.", "gutschein"),
    ("fu-01", 2, "Nach Südtirol kostet der Versand 8,20 €.", "suedtirol"),
    ("fu-02", 1, "Ja, an Packstationen liefern wir gern.", "versand"),
    ("fu-02", 3, "Dazu habe ich leider keine Informationen.", "versand"),
    ("fu-03", 1, "Das Kürzen eines Dirndls kostet 14 €.", "schneiderei"),
    ("fu-03", 3, "Ja, Sie können es innerhalb von 45 Tagen zurückgeben.", "schneiderei"),
    ("yn-01", 1, "Ja, Sie können per Lastschrift zahlen.", "zahlungsarten"),
    ("yn-02", 1, "Ja, wir liefern in die Schweiz.", "suedtirol"),
    ("yn-03", 1, "Ja, wir verleihen Dirndl für einen Tag.", "faq"),
    ("yp-01", 1, "Nein, eine Abholung im Laden ist nicht möglich.", "faq"),
    ("yp-02", 1, "Google Pay bieten wir leider nicht an.", "zahlungsarten"),
    ("pr-01", 1, "Eine Maßlederhose kostet ab 1.090 €.", "schneiderei"),
    ("pr-02", 1, "Die Abholung ist kostenlos.", "ruecksendung"),
    ("du-01", 1, "Eine Maßlederhose dauert 8 bis 10 Wochen.", "schneiderei"),
    ("du-02", 1, "Transportschäden melden Sie bitte innerhalb von 7 Tagen.", "reklamation"),
    ("ht-01", 1, "Geben Sie im Retourenportal Ihre Bestellnummer und Ihre Postleitzahl ein.", "ruecksendung"),
    ("ht-02", 1, "Waschen Sie die Lederhose bei 30 °C.", "pflege"),
    ("tl-01", 1, "Sie brauchen Dirndlgröße 38.", "dirndl"),
    ("tl-01", 1, "| 38 | 90–93 | 71–74 | 97–100 |\nGröße 40", "dirndl"),
    ("tl-02", 1, "Sie brauchen Größe 50.", "lederhosen"),
    ("tl-03", 1, "Mini 52 cm, Midi 68 cm, Wadenlang 80 cm, Lang 94 cm.", "dirndl"),
    ("xl-01", 1, "I'm sorry, I'd recommend size 36–38.", "lederhosen"),
    ("ty-01", 1, "Nach Österreich dauert die Lieferung 1 bis 2 Werktage.", "suedtirol"),
    ("ty-02", 1, "Ja, Kauf auf Rechnung ist möglich.", "zahlungsarten"),
    ("ty-03", 1, "Nein, Rücksendungen können Sie im Laden nicht abgeben.", "ruecksendung"),
    ("mq-01", 1, "Express kostet 14,50 €.", "versand"),
    ("mq-02", 1, "Sie haben 30 Tage Zeit, die Rücksendung aus Österreich kostet 6,40 €.", "ruecksendung"),
    ("nn-01", 1, "Nein, das geht leider nicht.", "schneiderei"),
    ("wd-01", 1, "Die Widerrufsfrist beträgt 45 Tage.", "widerruf"),
    ("wd-02", 1, "Ja, das Widerrufsrecht gilt auch für Maßlederhosen.", "widerruf"),
    ("df-02", 1, "Ja, klar kürzen wir auch Dirndl aus anderen Geschäften.", "schneiderei"),
    ("lr-02", 1, "Ja, Sie können auf Rechnung zahlen, innerhalb von 10 Tagen.", "zahlungsarten"),
    ("od-01", 1, "Leider nicht – aber unser Versand kostet 5,40 €.", None),
    ("oe-01", 1, "Damit kann ich leider nicht weiterhelfen.", None),
    ("os-03", 2, "Ihre Bestellung wurde zugestellt (DHL).", None),
    ("os-04", 1, "Ihre Bestellung 40567890 wurde storniert.", None),
    ("en-01", 2, "Gerne! Bye!", None),
    ("xl-02", 1, "The shop opens at 9 am.", "kontakt"),
    ("ht-02", 1, "Mit Kartoffelmehl&nbsp;bestreuen.", "pflege"),
    (
        "dp-02",
        1,
        "Die Datenschutzbeauftragte erreichen Sie unter `dsb@haldenau-trachten.example`. Sie heißt Veronika Staudacher.",
        "datenschutz",
    ),
    ("gq-01", 1, "Der Versand kostet 8,20 €.[^grenze]", "suedtirol"),
    ("wd-01", 1, "Die Widerrufsfrist beträgt vierzehn Tage.\\\nAb Erhalt.", "widerruf"),
]


def load_runner():
    spec = importlib.util.spec_from_file_location("dialogue_runner", RUNNER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def reply(text: str, key: str | None, escalated: bool = False, reason: str | None = None) -> dict:
    sources = []
    if key:
        title, name = TITLES[key]
        sources = [{"title": title, "url": f"knowledge/haldenau/{name}"}]
    return {"response": text, "escalation_required": escalated, "escalation_reason": reason, "sources": sources}


def main() -> int:
    runner = load_runner()
    corpus = json.loads((HERE / "dialogues.json").read_text(encoding="utf-8"))
    turns = {(d["id"], n): t for d in corpus["dialogues"] for n, t in enumerate(d["turns"], 1)}
    bad = 0
    missing = set(turns) - set(RIGHT)
    if missing:
        print("turns without a written right reply:", sorted(missing))
        bad += len(missing)
    for key, spec in RIGHT.items():
        text, source, *rest = spec
        escalated = rest[0] if rest else False
        reason = rest[1] if len(rest) > 1 else None
        failures = runner.check_turn(turns[key], reply(text, source, escalated, reason), corpus["must_not_all"])
        if failures:
            bad += 1
            print(f"RIGHT reply fails {key}: {failures}")
    for id_, number, text, source in WRONG:
        failures = runner.check_turn(turns[(id_, number)], reply(text, source), corpus["must_not_all"])
        if not failures:
            bad += 1
            print(f"WRONG reply passes {id_} turn {number}: {text!r}")
    # source keys: each must name exactly one page (file name and title)
    for key in TITLES:
        hits = [k for k, (title, name) in TITLES.items() if runner.fold(key) in runner.fold(f"{name} {title}")]
        if hits != [key]:
            bad += 1
            print(f"source key {key!r} matches {hits}")
    print(f"{len(RIGHT)} right replies, {len(WRONG)} wrong replies checked; problems: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

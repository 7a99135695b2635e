#!/usr/bin/env python3
# ruff: noqa: E501
"""Writes the two DOCX pages of the Brunnhof knowledge base with python-docx:

- knowledge/reklamation-gewaehrleistung.docx
- knowledge/gutscheine-geschenkkarten.docx

Each has a title (document properties and a "Title" paragraph), headings, a Word numbered list ("List Number":
the numbers are list numbering, not text), a two-level bullet list ("List Bullet" / "List Bullet 2") and
paragraphs that start with a bold inline label ("Wichtig: ...", "Tipp: ...").

    .venv/bin/python tools/make_docx.py      # any Python with python-docx
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.shared import Pt

OUT = Path(__file__).resolve().parent.parent / "knowledge"


def labelled(doc, label: str, text: str) -> None:
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(label + " ")
    run.bold = True
    paragraph.add_run(text)


def bullets(doc, tree: list[tuple[str, list[str]]]) -> None:
    for top, children in tree:
        doc.add_paragraph(top, style="List Bullet")
        for child in children:
            doc.add_paragraph(child, style="List Bullet 2")


def numbered(doc, steps: list[str]) -> None:
    for step in steps:
        doc.add_paragraph(step, style="List Number")


def new_document(title: str, subject: str):
    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.subject = subject
    doc.core_properties.author = "Brunnhof Versand GmbH, Kundenservice"
    doc.core_properties.language = "de-DE"
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    doc.add_paragraph(title, style="Title")
    return doc


def reklamation() -> None:
    title = "Reklamation, Transportschaden und Gewährleistung"
    doc = new_document(title, "Beschädigte, falsche oder fehlerhafte Ware")
    doc.add_paragraph(
        "Es tut uns leid, wenn mit Ihrer Lieferung etwas nicht stimmt. Auf dieser Seite lesen Sie, wie Sie einen "
        "Schaden melden, welche Fristen gelten und was wir als Mangel ansehen. Eine Reklamation kostet Sie nichts."
    )
    doc.add_heading("Transportschaden oder beschädigter Artikel", level=1)
    doc.add_paragraph(
        "Ist Ihr Paket beschädigt angekommen oder ist ein Artikel kaputt, melden Sie das bitte innerhalb von "
        "12 Tagen nach der Zustellung. So gehen Sie vor:"
    )
    numbered(
        doc,
        [
            "Fotografieren Sie den Karton und den beschädigten Artikel; bis zu 5 Fotos genügen.",
            "Melden Sie den Schaden in Ihrem Kundenkonto unter „Meine Bestellungen“ mit „Problem melden“ oder per "
            "E-Mail an reklamation@brunnhof-mode.example. Nennen Sie bitte Ihre Bestellnummer.",
            "Innerhalb von 3 Werktagen melden wir uns bei Ihnen und schicken Ihnen ein kostenloses Rücksendeetikett.",
            "Sie entscheiden, ob Sie einen Ersatzartikel oder Ihr Geld zurück möchten.",
        ],
    )
    labelled(doc, "Wichtig:", "Bitte werfen Sie den Karton nicht weg, bevor wir uns bei Ihnen gemeldet haben.")
    doc.add_heading("Falscher oder fehlender Artikel", level=1)
    doc.add_paragraph(
        "Haben Sie einen falschen Artikel bekommen oder fehlt etwas in Ihrem Paket, melden Sie das bitte ebenfalls "
        "innerhalb von 12 Tagen. Den richtigen Artikel schicken wir Ihnen kostenlos per Express, sobald er "
        "vorrätig ist. Den falschen Artikel schicken Sie mit unserem kostenlosen Etikett zurück."
    )
    doc.add_heading("Was ist ein Mangel und was nicht?", level=1)
    bullets(
        doc,
        [
            (
                "Ein Mangel ist zum Beispiel:",
                [
                    "eine aufgegangene Naht oder ein abgerissener Knopf bei einem neuen Artikel,",
                    "ein Reißverschluss, der sich nicht mehr schließen lässt,",
                    "ein Loch, ein Webfehler oder ein Fleck, der schon bei der Lieferung da war.",
                ],
            ),
            (
                "Kein Mangel ist zum Beispiel:",
                [
                    "Knötchenbildung (Pilling) bei Strick nach dem Tragen; die Knötchen entfernen Sie mit einem "
                    "Fusselrasierer,",
                    "leichte Farbunterschiede bei Leinen und anderen Naturfasern,",
                    "ein Einlaufen um bis zu 3 % nach der ersten Wäsche bei Baumwolle und Leinen.",
                ],
            ),
        ],
    )
    doc.add_heading("Gewährleistung", level=1)
    doc.add_paragraph(
        "Für alle Artikel gilt die gesetzliche Gewährleistung von 2 Jahren ab Lieferung. Ist ein Artikel "
        "mangelhaft, reparieren wir ihn, schicken Ihnen einen neuen oder erstatten Ihnen den Kaufpreis. Die "
        "Kosten für Versand und Rücksendung übernehmen wir."
    )
    labelled(
        doc,
        "Wichtig:",
        "Schicken Sie reklamierte Ware nie unfrei, sondern immer mit unserem kostenlosen "
        "Rücksendeetikett. Unfreie Pakete nimmt unser Retourenzentrum nicht an.",
    )
    doc.add_heading("Beschwerden", level=1)
    doc.add_paragraph(
        "Sind Sie mit unserem Service unzufrieden, schreiben Sie bitte an beschwerde@brunnhof-mode.example. Eine "
        "Teamleiterin aus unserem Kundenservice antwortet Ihnen innerhalb von 5 Werktagen."
    )
    labelled(
        doc,
        "Tipp:",
        "Schneller geht es am Telefon: 0661 480 27 50, montags bis samstags von 8 bis 20 Uhr "
        "und sonntags von 10 bis 16 Uhr.",
    )
    doc.save(OUT / "reklamation-gewaehrleistung.docx")


def gutscheine() -> None:
    title = "Geschenkkarten und Gutscheine"
    doc = new_document(title, "Geschenkkarten, Aktionsgutscheine und Newsletter-Gutschein")
    doc.add_paragraph(
        "Mit einer Geschenkkarte von Brunnhof machen Sie Ihren Liebsten eine Freude, und die Beschenkte sucht sich "
        "ihr Lieblingsstück in ihrer Größe selbst aus."
    )
    doc.add_heading("Geschenkkarten", level=1)
    doc.add_paragraph(
        "Geschenkkarten gibt es über 20 €, 40 €, 70 € oder 100 € oder über einen Wunschbetrag zwischen 15 € und "
        "250 €. Sie bekommen die Karte in einem Umschlag per Post, der Versand ist kostenlos, oder als E-Mail zum "
        "Ausdrucken. Eine Geschenkkarte ist 10 Jahre ab dem Kauf gültig."
    )
    labelled(
        doc,
        "Wichtig:",
        "Geschenkkarten können wir nicht bar auszahlen. Ein Restguthaben bleibt auf der Karte "
        "und kann bei der nächsten Bestellung eingelöst werden.",
    )
    doc.add_heading("So lösen Sie eine Geschenkkarte ein", level=1)
    numbered(
        doc,
        [
            "Legen Sie Ihre Artikel in den Warenkorb und gehen Sie zur Kasse.",
            "Klicken Sie im Schritt „Zahlung“ auf „Gutschein oder Geschenkkarte einlösen“.",
            "Geben Sie die 16-stellige Kartennummer und die 4-stellige PIN von der Rückseite ein.",
            "Klicken Sie auf „Einlösen“. Der Betrag wird sofort von Ihrer Bestellung abgezogen; einen Rest bezahlen Sie "
            "mit einer anderen Zahlungsart.",
        ],
    )
    doc.add_paragraph(
        "Sie können bis zu zwei Geschenkkarten pro Bestellung einlösen, auch bei einer telefonischen Bestellung und "
        "in unserer Modestube in Hünfeld."
    )
    doc.add_heading("Aktionsgutscheine und Newsletter", level=1)
    bullets(
        doc,
        [
            (
                "Aktionsgutscheine (Gutscheincodes aus Katalog, Werbung oder Newsletter):",
                [
                    "Pro Bestellung können Sie einen Aktionsgutschein einlösen.",
                    "Aktionsgutscheine gelten nicht für reduzierte Artikel, Geschenkkarten und den Saumservice.",
                    "Einen Aktionsgutschein können Sie mit einer Geschenkkarte kombinieren.",
                ],
            ),
            (
                "Newsletter-Gutschein:",
                [
                    "Für Ihre Anmeldung zum Newsletter schenken wir Ihnen 6 € ab 50 € Bestellwert.",
                    "Der Newsletter-Gutschein ist 5 Wochen gültig.",
                ],
            ),
        ],
    )
    labelled(
        doc,
        "Wichtig:",
        "Eine Geschenkkarte ist kein Aktionsgutschein: Sie können sie auch für reduzierte Artikel einlösen.",
    )
    labelled(
        doc,
        "Tipp:",
        "Haben Sie eine Geschenkkarte verloren, ersetzen wir sie, wenn Sie uns die Kartennummer "
        "oder die Bestellnummer des Kaufs nennen können.",
    )
    doc.save(OUT / "gutscheine-geschenkkarten.docx")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    reklamation()
    gutscheine()
    print(f"wrote 2 DOCX pages to {OUT}")


if __name__ == "__main__":
    main()

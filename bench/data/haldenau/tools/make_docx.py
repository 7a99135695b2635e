"""Write knowledge/zahlungsarten.docx: the payment page, whose facts sit in a table with merged cells.

Run with any Python that has python-docx, e.g. /work/main/.venv/bin/python tools/make_docx.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / "knowledge" / "zahlungsarten.docx"

HEADER = ["Zahlungsart", "Deutschland", "Österreich", "Südtirol", "Gut zu wissen"]


def shade(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def put(cell, text: str, bold: bool = False) -> None:
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold
    run.font.size = Pt(9.5)


def main() -> None:
    doc = Document()
    doc.core_properties.title = "Zahlungsarten"
    doc.core_properties.subject = "Zahlungsarten bei Haldenau Trachten & Landhaus"
    doc.core_properties.author = "Haldenau Trachten & Landhaus GmbH"
    doc.core_properties.keywords = "Zahlung, Rechnung, Ratenkauf, PayPal, Kreditkarte, Vorkasse"

    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)

    doc.add_heading("Zahlungsarten", level=1)
    intro = doc.add_paragraph(
        "Welche Zahlungsarten Ihnen an der Kasse angezeigt werden, hängt vom Lieferland ab. Die Übersicht "
        "zeigt, was in Deutschland, Österreich und Südtirol möglich ist. Wo eine Angabe für mehrere Länder gilt, "
        "steht sie in einem gemeinsamen Feld."
    )
    intro.paragraph_format.space_after = Pt(8)

    rows = 11
    table = doc.add_table(rows=rows, cols=5)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column, text in enumerate(HEADER):
        put(table.cell(0, column), text, bold=True)
        shade(table.cell(0, column), "D9E2F3")

    # 1 Kauf auf Rechnung: Deutschland + Österreich merged
    put(table.cell(1, 0), "Kauf auf Rechnung", bold=True)
    merged = table.cell(1, 1).merge(table.cell(1, 2))
    put(
        merged, "ja – zahlbar innerhalb von 10 Tagen ab Rechnungsdatum; bei Ihrer ersten Bestellung bis 600 € Warenwert"
    )
    put(table.cell(1, 3), "nein")
    put(
        table.cell(1, 4),
        "Die Rechnung kommt per E-Mail. Die erste Mahnung ist kostenlos, ab der zweiten Mahnung "
        "berechnen wir 4,00 € Mahngebühr. Nicht möglich, wenn Liefer- und Rechnungsadresse voneinander abweichen.",
    )

    # 2 Ratenkauf: Österreich + Südtirol merged "nein"
    put(table.cell(2, 0), "Ratenkauf", bold=True)
    put(table.cell(2, 1), "ja – ab 250 € Warenwert in 4 oder 8 Monatsraten ohne Zinsen")
    merged = table.cell(2, 2).merge(table.cell(2, 3))
    put(merged, "nein")
    put(table.cell(2, 4), "Nur mit Wohnsitz in Deutschland.")

    # 3-6 PayPal, Kreditkarte, Apple Pay, Google Pay: all three countries merged "ja";
    # "Gut zu wissen" merged vertically over the four rows
    wallets = ["PayPal", "Kreditkarte (Visa, Mastercard)", "Apple Pay", "Google Pay"]
    for offset, name in enumerate(wallets):
        row = 3 + offset
        put(table.cell(row, 0), name, bold=True)
        merged = table.cell(row, 1).merge(table.cell(row, 3))
        put(merged, "ja")
    vertical = table.cell(3, 4).merge(table.cell(6, 4))
    put(vertical, "Ihr Konto oder Ihre Karte wird erst belastet, wenn wir Ihr Paket versenden.")

    # 7 EPS-Überweisung: only Austria
    put(table.cell(7, 0), "EPS-Überweisung", bold=True)
    put(table.cell(7, 1), "nein")
    put(table.cell(7, 2), "ja")
    put(table.cell(7, 3), "nein")
    put(table.cell(7, 4), "Online-Überweisung für Kundinnen und Kunden österreichischer Banken.")

    # 8 Vorkasse: merged "ja"
    put(table.cell(8, 0), "Vorkasse per Überweisung", bold=True)
    merged = table.cell(8, 1).merge(table.cell(8, 3))
    put(merged, "ja")
    put(
        table.cell(8, 4),
        "Sie erhalten 3 % Skonto. Wir reservieren die Ware 8 Tage lang und versenden, sobald "
        "Ihr Geld bei uns eingegangen ist.",
    )

    # 9 Barzahlung: merged
    put(table.cell(9, 0), "Barzahlung oder Girocard", bold=True)
    merged = table.cell(9, 1).merge(table.cell(9, 3))
    put(merged, "nur im Trachtenhaus Prien")
    put(table.cell(9, 4), "Auch bei Click & Collect können Sie bei der Abholung bar oder mit Girocard bezahlen.")

    # 10 not offered: one cell over the whole row
    merged = table.cell(10, 0).merge(table.cell(10, 4))
    put(
        merged,
        "Nicht angeboten werden: SEPA-Lastschrift, Klarna, American Express, Nachnahme, Sofortüberweisung "
        "und Zahlung in Schweizer Franken.",
        bold=True,
    )
    shade(merged, "FCE4D6")

    doc.add_paragraph()
    doc.add_heading("Gutscheine und Maßanfertigungen", level=2)
    doc.add_paragraph(
        "Geschenkgutscheine können Sie mit jeder Zahlungsart kombinieren. Reicht das Guthaben nicht aus, zahlen Sie "
        "den Rest mit einer der Zahlungsarten aus der Tabelle. Für Maßlederhosen leisten Sie bei Auftrag eine "
        "Anzahlung von 50 %; den Rest zahlen Sie bei Abholung oder vor dem Versand."
    )
    footer = doc.add_paragraph("Stand: März 2026 · Haldenau Trachten & Landhaus GmbH, Prien am Chiemsee")
    footer.runs[0].font.size = Pt(8)
    footer.runs[0].font.color.rgb = RGBColor(0x7F, 0x7F, 0x7F)

    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

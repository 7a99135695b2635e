#!/usr/bin/env python3
"""Write knowledge/ruecksendeformular.docx: the printed return form (fields to fill in and instructions).

Run with any Python that has python-docx, e.g. .venv/bin/python tools/make_docx.py.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "knowledge" / "ruecksendeformular.docx"
TITLE = "Rücksendeformular – Ostwind Sport"

FIELDS = [
    "Bestellnummer: ________________",
    "Kundennummer (falls vorhanden): ________________",
    "Name, Vorname: ________________________________",
    "E-Mail-Adresse: ________________________________",
]
REASONS = [
    ("11", "zu klein"),
    ("12", "zu groß"),
    ("20", "gefällt nicht / Farbe anders als erwartet"),
    ("31", "Qualitätsmangel (bitte zusätzlich „Problem melden“ nutzen)"),
    ("40", "falscher Artikel geliefert"),
    ("50", "zu spät geliefert"),
]
STEPS = [
    "Melden Sie die Rücksendung zuerst in „Mein Ostwind“ oder im Rücksendeportal an; "
    "dort erhalten Sie den DHL-QR-Code oder das Rücksendelabel.",
    "Tragen Sie für jeden Artikel den Grund-Code aus der Liste ein.",
    "Umtausch: Kreuzen Sie „Umtausch“ an und tragen Sie die Wunschgröße oder Wunschfarbe ein. "
    "Der Umtausch ist kostenlos.",
    "Legen Sie dieses Formular ausgefüllt in das Paket, ein Formular pro Bestellung.",
    "Laufschuhe bitte im Schuhkarton und diesen in einem Versandkarton verschicken; "
    "kleben Sie das Label nie direkt auf den Schuhkarton.",
    "Unfrei oder ohne unser Rücksendelabel verschickte Pakete können wir nicht annehmen.",
]
ADDRESS = "Ostwind Retourenzentrum, Industriestraße 12, 18273 Güstrow"


def main() -> None:
    doc = Document()
    doc.core_properties.title = TITLE
    doc.core_properties.author = "Ostwind Sport GmbH"
    doc.core_properties.subject = "Rücksendung und Umtausch"
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)

    doc.add_heading(TITLE, level=1)
    doc.add_paragraph(
        "Bitte füllen Sie dieses Formular aus und legen Sie es Ihrer Rücksendung bei. "
        "So können wir Ihre Rücksendung schnell zuordnen."
    )
    doc.add_heading("Ihre Angaben", level=2)
    for field in FIELDS:
        doc.add_paragraph(field)

    doc.add_heading("Artikel", level=2)
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(
        table.rows[0].cells,
        ("Artikelnummer", "Größe", "Anzahl", "Grund-Code", "Umtausch: Wunschgröße / Wunschfarbe"),
        strict=False,
    ):
        cell.text = text
    for _ in range(4):
        row = table.add_row()
        for cell in row.cells:
            cell.text = ""

    doc.add_paragraph("☐ Rückgabe (Geld zurück)      ☐ Umtausch")

    doc.add_heading("Grund-Codes", level=2)
    codes = doc.add_table(rows=0, cols=2)
    codes.style = "Table Grid"
    for code, text in REASONS:
        cells = codes.add_row().cells
        cells[0].text = code
        cells[1].text = text

    doc.add_heading("So geht's", level=2)
    for step in STEPS:
        doc.add_paragraph(step, style="List Number")

    doc.add_heading("Rücksendeadresse", level=2)
    doc.add_paragraph(ADDRESS)
    doc.add_paragraph("Bitte schicken Sie Rücksendungen nur an diese Adresse, nicht an unsere Verwaltung in Rostock.")

    doc.add_paragraph("Datum, Unterschrift: ________________________________")
    doc.save(str(OUT))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

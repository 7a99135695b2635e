#!/usr/bin/env python3
# ruff: noqa: E501
"""Write knowledge/bestellformular-sammelbestellung.docx with python-docx.

An order form the way a B2B sales office sends it out as a Word file: a Title, short instructions, then one
outer two-column table whose right-hand cells hold nested tables (the buyer's fields, the delivery, packing,
payment and finishing options with ☐/☒ check boxes), the order-lines table with two filled example rows and empty
rows, a signature table and small print. The title is also set in the document properties.

    python3 tools/make_docx.py      # needs python-docx: pip install --target .pylib python-docx
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / ".pylib"))

from docx import Document  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402

OUT = ROOT / "knowledge" / "bestellformular-sammelbestellung.docx"
TITLE = "Bestellformular Sammelbestellung für Firmenkunden"
BOX, CHECKED = "☐", "☒"


def shade(cell, fill: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    props.append(shd)


def write(cell, text: str, bold: bool = False, size: float = 9.5) -> None:
    """Replace the cell's first paragraph text."""
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def add_lines(cell, lines: list[str], size: float = 9.5) -> None:
    first = True
    for line in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        run = paragraph.add_run(line)
        run.font.size = Pt(size)


def nested_fields(cell, fields: list[tuple[str, str]]) -> None:
    """A nested two-column table of label / blank line inside an outer cell."""
    inner = cell.add_table(rows=0, cols=2)
    inner.style = "Table Grid"
    for label, value in fields:
        row = inner.add_row().cells
        write(row[0], label, bold=True, size=9)
        write(row[1], value, size=9)
        row[0].width, row[1].width = Cm(4.5), Cm(8.5)


def nested_checkboxes(cell, options: list[tuple[str, str]]) -> None:
    """A nested table: check box | option | remark."""
    inner = cell.add_table(rows=0, cols=3)
    inner.style = "Table Grid"
    for option, remark in options:
        row = inner.add_row().cells
        write(row[0], BOX, size=11)
        write(row[1], option, size=9)
        write(row[2], remark, size=8.5)
        row[0].width, row[1].width, row[2].width = Cm(0.9), Cm(6.6), Cm(5.5)


def main() -> None:
    doc = Document()
    doc.core_properties.title = TITLE
    doc.core_properties.author = "Eichkamp Berufsmode GmbH, Vertrieb Firmenkunden"
    doc.core_properties.subject = "Sammelbestellung"
    doc.core_properties.keywords = "Bestellformular, Sammelbestellung, Firmenkunden, Teambestellung"
    doc.core_properties.created = doc.core_properties.modified = datetime(2026, 9, 1, 8, 0)
    doc.core_properties.last_modified_by = "Vertrieb Firmenkunden"
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10)
    section = doc.sections[0]
    section.left_margin = section.right_margin = Cm(1.8)
    section.top_margin = Cm(1.5)

    header = section.header.paragraphs[0]
    header.text = "Eichkamp Berufsmode GmbH · Vertrieb Firmenkunden · Formular V 3.2"

    doc.add_paragraph(TITLE, style="Title")
    doc.add_paragraph(
        "Mit diesem Formular bestellen Sie Kleidung für Ihr ganzes Team in einem Auftrag. Es ist für Sammelbestellungen "
        "ab 20 Teilen gedacht; kleinere Bestellungen geben Sie bitte direkt im Onlineshop auf."
    )
    doc.add_paragraph(
        "Senden Sie das ausgefüllte Formular per E-Mail an sammelbestellung@eichkamp-berufsmode.example oder per Fax "
        "an 02325 918 47 69. Wir schicken Ihnen innerhalb von 2 Werktagen eine Auftragsbestätigung mit dem "
        "voraussichtlichen Liefertermin."
    )
    doc.add_paragraph("Bitte in Druckbuchstaben ausfüllen und Zutreffendes ankreuzen.", style="Intense Quote")

    outer = doc.add_table(rows=5, cols=2)
    outer.style = "Table Grid"
    outer.alignment = WD_TABLE_ALIGNMENT.CENTER
    blocks = [
        (
            "1. Besteller",
            "fields",
            [
                ("Firma / Einrichtung", "________________________________"),
                ("Kundennummer (Firmenkonto)", "________________"),
                ("Ansprechpartner", "________________________________"),
                ("Telefon", "________________"),
                ("E-Mail", "________________________________"),
                ("Ihre Bestellreferenz", "________________ (wird auf die Rechnung gedruckt)"),
            ],
        ),
        (
            "2. Lieferung",
            "boxes",
            [
                ("Lieferung an die Rechnungsanschrift", ""),
                ("Lieferung an eine abweichende Anschrift", "Anschrift bitte unter „Bemerkungen“ eintragen"),
                ("Erst liefern, wenn alle Teile vollständig sind", "sonst liefern wir in Teilen"),
            ],
        ),
        (
            "3. Verpackung",
            "boxes",
            [
                ("Sammelpackung", "kostenlos"),
                ("Einzelverpackung je Mitarbeiter, mit Namen beschriftet", "0,60 € pro Person"),
            ],
        ),
        (
            "4. Zahlung",
            "boxes",
            [
                ("Rechnung", "Zahlungsziel laut Firmenkonto"),
                ("SEPA-Firmenlastschrift", "Mandat muss vorliegen"),
                ("Vorkasse", "Versand nach Zahlungseingang"),
            ],
        ),
        (
            "5. Veredelung",
            "boxes",
            [
                ("ohne Veredelung", ""),
                ("Logo-Stick", "Logo liegt Ihnen vor / Logo-Datei wird nachgereicht"),
                ("Transferdruck", "Motiv bitte beifügen"),
                ("Namensstick", "Namen in der Tabelle unten eintragen"),
            ],
        ),
    ]
    for row, (label, kind, content) in zip(outer.rows, blocks, strict=False):
        left, right = row.cells
        left.width, right.width = Cm(3.6), Cm(13.8)
        write(left, label, bold=True, size=10.5)
        shade(left, "EDE7D9")
        write(right, "Bitte ausfüllen:" if kind == "fields" else "Bitte ankreuzen:", size=8)
        if kind == "fields":
            nested_fields(right, content)
        else:
            nested_checkboxes(right, content)

    doc.add_paragraph()
    doc.add_paragraph("6. Bestellpositionen", style="Heading 2")
    positions = doc.add_table(rows=1, cols=7)
    positions.style = "Table Grid"
    heads = ["Pos.", "Artikelnummer", "Artikel", "Farbe", "Größe", "Menge", "Name für Namensstick"]
    for cell, text in zip(positions.rows[0].cells, heads, strict=False):
        write(cell, text, bold=True, size=9)
        shade(cell, "EDE7D9")
    examples = [
        ["1", "EK-2210", "Kasack „Nachtdienst“ (Beispiel)", "Petrol", "M", "1", "Anna Brinkmann"],
        ["2", "EK-3105", "Bundhose „Maloche“ (Beispiel)", "Grau/Schwarz", "52", "1", "–"],
    ]
    for values in examples + [[str(n), "", "", "", "", "", ""] for n in range(3, 13)]:
        cells = positions.add_row().cells
        for cell, text in zip(cells, values, strict=False):
            write(cell, text, size=9)

    doc.add_paragraph()
    doc.add_paragraph("Bemerkungen: ______________________________________________________________________")
    doc.add_paragraph()
    sign = doc.add_table(rows=2, cols=2)
    sign.style = "Table Grid"
    write(sign.cell(0, 0), "Ort, Datum", bold=True, size=9)
    write(sign.cell(0, 1), "Unterschrift und Firmenstempel", bold=True, size=9)
    write(sign.cell(1, 0), "\n\n", size=9)
    write(sign.cell(1, 1), "\n\n", size=9)
    doc.add_paragraph()
    small = doc.add_paragraph()
    run = small.add_run(
        f"{CHECKED} Wir haben die AGB der Eichkamp Berufsmode GmbH gelesen. Alle Preise sind Nettopreise zuzüglich "
        "Umsatzsteuer. Mengenrabatte berechnen wir automatisch in der Auftragsbestätigung. Veredelte Ware fertigen "
        "wir eigens für Sie an."
    )
    run.font.size = Pt(8)

    footer = section.footer.paragraphs[0]
    footer.text = "Eichkamp Berufsmode GmbH · Gewerbepark Eichkamp 7 · 44651 Herne · Fax 02325 918 47 69"

    doc.save(str(OUT))
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

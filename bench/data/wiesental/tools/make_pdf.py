# ruff: noqa: E501
"""Writes knowledge/preisliste-gardinen-nach-mass.pdf (fpdf2, DejaVu Sans).

    /work/main/.venv/bin/python tools/make_pdf.py

A one-page price list as a shop would offer it for download: a title, two price tables (price per curtain panel
by finished width and height, one per fabric price group), a table of surcharges and a few notes. The title is set
in the document metadata and printed as the first line.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "knowledge" / "preisliste-gardinen-nach-mass.pdf"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
TITLE = "Preisliste Gardinen nach Maß"

WIDTHS = ["bis 100 cm", "101–150 cm", "151–200 cm", "201–250 cm", "251–300 cm"]
HEIGHTS = ["bis 150 cm", "151–200 cm", "201–250 cm", "251–300 cm"]
GROUP_A = [  # rows: height steps; columns: width steps
    [48, 61, 74, 87, 99],
    [55, 70, 85, 102, 117],
    [63, 81, 98, 118, 136],
    [71, 92, 112, 134, 155],
]
GROUP_B = [
    [69, 89, 109, 129, 149],
    [79, 103, 127, 151, 175],
    [91, 119, 146, 173, 199],
    [104, 135, 166, 197, 228],
]
SURCHARGES = [
    ("Ösen (8 Ösen je Meter, silber matt oder anthrazit)", "14,00 € je Schal"),
    ("Schlaufen aus Oberstoff", "9,00 € je Schal"),
    ("Faltenband statt Kräuselband", "12,00 € je Schal"),
    ("Bleiband im Saum", "4,50 € je Schal"),
    ("Kürzservice für fertige Vorhänge aus unserem Sortiment", "16,90 € je Schal"),
]


def euro(value: int) -> str:
    return f"{value},00 €"


def price_table(pdf: FPDF, heading: str, rows: list[list[int]]) -> None:
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    head = FontFace(emphasis="BOLD", fill_color=(226, 236, 228))
    with pdf.table(
        col_widths=(34, 27, 27, 27, 27, 27),
        text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"),
        headings_style=head,
        line_height=6,
    ) as table:
        header = table.row()
        header.cell("Höhe \\ Breite")
        for width in WIDTHS:
            header.cell(width)
        for height, values in zip(HEIGHTS, rows, strict=True):
            row = table.row()
            row.cell(height)
            for value in values:
                row.cell(euro(value))
    pdf.ln(3)


def main() -> None:
    pdf = FPDF(format="A4")
    pdf.set_title(TITLE)
    pdf.set_author("Wiesental Heimtextilien GmbH")
    pdf.set_subject("Preise je Schal für Gardinen nach Maß aus dem Nähatelier Zell im Wiesental")
    pdf.set_keywords("Gardinen nach Maß, Preisliste, Nähservice, Preisgruppe A, Preisgruppe B, Ösen")
    pdf.set_creator("Wiesental Heimtextilien Nähatelier")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()

    pdf.set_font("DejaVu", "B", 17)
    pdf.cell(0, 10, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.cell(
        0,
        5,
        "Wiesental Heimtextilien · Nähatelier Zell im Wiesental · gültig ab 1. September 2026",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)

    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(
        0,
        5,
        "Alle Preise gelten je Schal (ein Vorhang) in Euro inklusive Mehrwertsteuer. Kräuselband ist im Preis "
        "enthalten. Breite und Höhe sind die Fertigmaße, die Stofffülle für den Faltenwurf ist eingerechnet. "
        "Zwischenmaße berechnen wir nach der nächsthöheren Stufe. Beispiel: Ein Schal mit 110 cm Breite und "
        "160 cm Höhe gehört zur Stufe „101–150 cm Breite, 151–200 cm Höhe“ und kostet in Preisgruppe A 70,00 €.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)

    price_table(pdf, "Preisgruppe A – Voile, Batist, Baumwolle", GROUP_A)
    price_table(pdf, "Preisgruppe B – Leinen, Samt, Verdunkelungsstoffe", GROUP_B)

    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(0, 7, "Aufpreise und Zusatzleistungen", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    with pdf.table(
        col_widths=(110, 59), text_align=("LEFT", "RIGHT"), first_row_as_headings=False, line_height=6
    ) as table:
        for name, price in SURCHARGES:
            row = table.row()
            row.cell(name)
            row.cell(price)
    pdf.ln(4)

    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(0, 6, "Gut zu wissen", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    notes = [
        "Fertigungszeit: 9 Werktage ab der Auftragsbestätigung, danach die normale Lieferzeit. Expressversand ist für Gardinen nach Maß nicht möglich.",
        "Versand: Es gelten die normalen Versandkosten (innerhalb Deutschlands 5,25 €, versandkostenfrei ab 69 € Warenwert).",
        "Größe je Schal: Breite 40 bis 300 cm, Höhe 60 bis 300 cm. Größere Maße auf Anfrage an atelier@wiesental-heimtextilien.example.",
        "Gardinen nach Maß sind von Rückgabe und Widerruf ausgeschlossen. Stoffmuster: bis zu 6 Muster kostenlos.",
    ]
    for note in notes:
        pdf.multi_cell(0, 5, "• " + note, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("DejaVu", "", 8)
    pdf.multi_cell(
        0,
        4,
        "Wiesental Heimtextilien GmbH · Am Gewerbekanal 7 · 79650 Schopfheim · Nähatelier-Beratung 07622 684 93 40 (Dienstag bis Donnerstag 9 bis 15 Uhr)",
        new_x="LMARGIN",
        new_y="NEXT",
    )

    OUT.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(OUT))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

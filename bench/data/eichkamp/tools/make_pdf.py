#!/usr/bin/env python3
"""Write knowledge/datenblatt-sicherheitsschuh-s3.pdf with fpdf2.

A manufacturer-style product data sheet in a two-column layout: a running header line and a footer line with
"Seite x von y" on both pages, the title across the page, then a left column (description, uses, features, care,
insoles) and a right column (technical data as label/value pairs). Page 2 holds the foot-length table in the left
column and conformity and delivery notes in the right one. Both columns are written column by column, so the
extracted text has the left column first, then the right one. The title is set in the PDF metadata and as the
first line of page 1. Set in DejaVu Sans from /usr/share/fonts when present, else Helvetica with the text
transliterated to latin-1.

    python3 tools/make_pdf.py      # needs fpdf2: pip install --target .pylib fpdf2
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / ".pylib"))

from fpdf import FPDF  # noqa: E402
from fpdf.enums import XPos, YPos  # noqa: E402

OUT = ROOT / "knowledge" / "datenblatt-sicherheitsschuh-s3.pdf"
TITLE = "Produktdatenblatt Sicherheitshalbschuh Zollverein S3"
HEADER_LEFT = "Eichkamp Berufsmode GmbH · Produktdatenblatt Arbeitsschutz"
HEADER_RIGHT = "Artikelnummer EK-4711"
FOOTER = "Gewerbepark Eichkamp 7 · 44651 Herne · Datenblatt EK-4711, Ausgabe März 2026 · Seite {page} von {nb}"
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"), Path("/usr/share/fonts")]

LEFT_X, RIGHT_X, COL_W = 15.0, 110.0, 85.0

PAGE1_LEFT: list[tuple[str, object]] = [
    ("head", "PRODUKTBESCHREIBUNG"),
    (
        "text",
        "Der Zollverein S3 ist ein leichter Sicherheitshalbschuh aus hydrophobiertem Rindleder für Bau, Handwerk, "
        "Lager und Logistik. Die metallfreie Ausstattung macht ihn besonders leicht, und er löst keine "
        "Metalldetektoren aus.",
    ),
    ("head", "EINSATZBEREICHE"),
    (
        "bullets",
        [
            "Hochbau, Tiefbau und Ausbau",
            "Handwerk und Montage",
            "Lager und Logistik",
            "Elektronikfertigung mit ESD-Schutzzonen",
        ],
    ),
    ("head", "AUSSTATTUNG"),
    (
        "bullets",
        [
            "Zehenschutzkappe aus Aluminium",
            "metallfreier Durchtrittschutz aus Textil",
            "herausnehmbare, antistatische Komforteinlegesohle",
            "Schnürung mit Kunststoffösen",
            "reflektierende Fersenpartie",
        ],
    ),
    ("head", "PFLEGE"),
    (
        "text",
        "Den Schuh bitte nicht in der Waschmaschine waschen. Reinigen Sie ihn mit einem feuchten Tuch und behandeln "
        "Sie das Leder regelmäßig mit Lederpflege. Nasse Schuhe nicht auf der Heizung trocknen.",
    ),
    ("head", "ORTHOPÄDISCHE EINLAGEN"),
    (
        "text",
        "Orthopädische Einlagen sind nur mit dem zertifizierten Einlagensystem „Eichkamp OrthoFit“ zulässig "
        "(DGUV Regel 112-191). Mit anderen Einlagen erlischt die Baumusterprüfung des Schuhs.",
    ),
]

TECH = [
    ("Norm", "EN ISO 20345:2022"),
    ("Schutzklasse", "S3 SRC"),
    ("Zehenschutzkappe", "Aluminium, 200 Joule"),
    ("Durchtrittschutz", "Textil, metallfrei"),
    ("ESD", "ja, ableitfähig nach EN 61340-5-1"),
    ("Weite", "11 (extra weit)"),
    ("Größen", "38 bis 48"),
    ("Gewicht", "590 g pro Schuh (Größe 42)"),
    ("Obermaterial", "Rindleder, hydrophobiert"),
    ("Futter", "atmungsaktives Textilfutter"),
    ("Laufsohle", "PU/Gummi, hitzebeständig bis 300 °C (HRO)"),
    ("Farbe", "Schwarz/Anthrazit"),
    ("Artikelnummer", "EK-4711"),
    ("Preis", "94,90 € inklusive Umsatzsteuer"),
]

FOOT_LENGTHS = [
    ("38", "24,5 cm"),
    ("39", "25,2 cm"),
    ("40", "25,9 cm"),
    ("41", "26,5 cm"),
    ("42", "27,2 cm"),
    ("43", "27,9 cm"),
    ("44", "28,5 cm"),
    ("45", "29,2 cm"),
    ("46", "29,9 cm"),
    ("47", "30,5 cm"),
    ("48", "31,2 cm"),
]

PAGE2_RIGHT: list[tuple[str, object]] = [
    ("head", "KONFORMITÄT"),
    (
        "text",
        "Der Zollverein S3 ist baumustergeprüft. Die EU-Konformitätserklärung steht auf der Produktseite im Shop "
        "zum Download bereit.",
    ),
    ("head", "LIEFERUMFANG"),
    ("text", "Ein Paar im Schuhkarton, mit einem Paar Ersatzschnürsenkeln."),
    ("head", "HINWEIS"),
    (
        "text",
        "Prüfen Sie Ihre Sicherheitsschuhe regelmäßig auf Beschädigungen. Technische Änderungen, die der "
        "Verbesserung dienen, behalten wir uns vor.",
    ),
]

LATIN1 = {
    "·": "-",
    "–": "-",
    "—": "-",
    "„": '"',
    "“": '"',
    "”": '"',
    "‚": "'",
    "‘": "'",
    "’": "'",
    "€": "EUR",
    "•": "-",
}


class Sheet(FPDF):
    font_name = "DejaVu"
    unicode = True

    def txt(self, text: str) -> str:
        if self.unicode:
            return text
        for a, b in LATIN1.items():
            text = text.replace(a, b)
        return text.encode("latin-1", "replace").decode("latin-1")

    def header(self) -> None:
        self.set_font(self.font_name, "", 8)
        self.set_text_color(90, 90, 90)
        self.set_xy(LEFT_X, 8)
        self.cell(120, 5, self.txt(HEADER_LEFT))
        self.set_xy(RIGHT_X + 30, 8)
        self.cell(COL_W - 30, 5, self.txt(HEADER_RIGHT), align="R")
        self.set_draw_color(160, 120, 40)
        self.line(LEFT_X, 14, RIGHT_X + COL_W, 14)
        self.set_text_color(0, 0, 0)
        self.set_y(20)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(self.font_name, "", 7)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.txt(FOOTER.format(page=self.page_no(), nb="{nb}")), align="C")
        self.set_text_color(0, 0, 0)


def setup() -> Sheet:
    pdf = Sheet(format="A4")
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            pdf.add_font("DejaVu", "", str(regular))
            pdf.add_font("DejaVu", "B", str(bold))
            break
    else:
        pdf.font_name, pdf.unicode = "Helvetica", False
    pdf.set_auto_page_break(False)
    pdf.alias_nb_pages()
    pdf.set_title(TITLE)
    pdf.set_author("Eichkamp Berufsmode GmbH")
    pdf.set_subject("Technische Daten, Größen und Pflege")
    pdf.set_creator("make_pdf.py (fpdf2)")
    pdf.set_creation_date(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    return pdf


def column(pdf: Sheet, x: float, y: float, blocks: list[tuple[str, object]]) -> float:
    """Write blocks into one column from y on; returns the y below the last block."""
    pdf.set_xy(x, y)
    for kind, content in blocks:
        if kind == "head":
            pdf.set_x(x)
            pdf.set_font(pdf.font_name, "B", 9.5)
            pdf.set_text_color(120, 85, 20)
            pdf.cell(COL_W, 6, pdf.txt(str(content)), new_x=XPos.LEFT, new_y=YPos.NEXT)
            pdf.set_text_color(0, 0, 0)
        elif kind == "text":
            pdf.set_x(x)
            pdf.set_font(pdf.font_name, "", 9)
            pdf.multi_cell(COL_W, 4.6, pdf.txt(str(content)), new_x=XPos.LEFT, new_y=YPos.NEXT)
            pdf.ln(2)
        elif kind == "bullets":
            pdf.set_font(pdf.font_name, "", 9)
            for item in content:  # type: ignore[union-attr]
                pdf.set_x(x)
                pdf.cell(4, 4.6, pdf.txt("•"))
                pdf.multi_cell(COL_W - 4, 4.6, pdf.txt(item), new_x=XPos.LEFT, new_y=YPos.NEXT)
                pdf.set_x(x)
            pdf.ln(2)
    return pdf.get_y()


def label_values(pdf: Sheet, x: float, y: float, title: str, pairs: list[tuple[str, str]]) -> float:
    pdf.set_xy(x, y)
    pdf.set_font(pdf.font_name, "B", 9.5)
    pdf.set_text_color(120, 85, 20)
    pdf.cell(COL_W, 6, pdf.txt(title), new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    for label, value in pairs:
        pdf.set_x(x)
        pdf.set_font(pdf.font_name, "B", 8.5)
        pdf.cell(37, 5.2, pdf.txt(label + ":"))
        pdf.set_font(pdf.font_name, "", 8.5)
        pdf.multi_cell(COL_W - 37, 5.2, pdf.txt(value), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    return pdf.get_y()


def main() -> None:
    pdf = setup()

    # page 1: title across, then the two columns
    pdf.add_page()
    pdf.set_font(pdf.font_name, "B", 16)
    pdf.set_x(LEFT_X)
    pdf.multi_cell(RIGHT_X + COL_W - LEFT_X, 8, pdf.txt(TITLE), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(pdf.font_name, "", 10)
    pdf.set_x(LEFT_X)
    pdf.cell(
        0,
        6,
        pdf.txt("Sicherheitshalbschuh S3 SRC nach EN ISO 20345 · Weite 11 · ESD"),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    top = pdf.get_y() + 4
    pdf.line(LEFT_X, top - 2, RIGHT_X + COL_W, top - 2)
    column(pdf, LEFT_X, top, PAGE1_LEFT)
    label_values(pdf, RIGHT_X, top, "TECHNISCHE DATEN", TECH)
    pdf.line(RIGHT_X - 5, top, RIGHT_X - 5, 270)

    # page 2: foot-length table on the left, notes on the right
    pdf.add_page()
    top = pdf.get_y() + 2
    y = column(
        pdf,
        LEFT_X,
        top,
        [
            ("head", "GRÖSSEN UND FUSSLÄNGEN"),
            (
                "text",
                "Messen Sie Ihre Fußlänge abends im Stehen, von der Ferse bis zur längsten Zehe. Wählen Sie die "
                "Größe, deren Fußlänge genau Ihrem Maß entspricht oder als nächste darüber liegt. Der Zollverein S3 "
                "fällt normal aus.",
            ),
        ],
    )
    pdf.set_xy(LEFT_X, y + 1)
    pdf.set_font(pdf.font_name, "B", 9)
    pdf.set_fill_color(240, 236, 226)
    pdf.cell(30, 6, pdf.txt("Größe (EU)"), border=1, fill=True, align="C")
    pdf.cell(40, 6, pdf.txt("Fußlänge"), border=1, fill=True, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(pdf.font_name, "", 9)
    for size, length in FOOT_LENGTHS:
        pdf.set_x(LEFT_X)
        pdf.cell(30, 5.6, size, border=1, align="C")
        pdf.cell(40, 5.6, pdf.txt(length), border=1, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    column(pdf, RIGHT_X, top, PAGE2_RIGHT)
    pdf.line(RIGHT_X - 5, top, RIGHT_X - 5, 150)

    pdf.output(str(OUT))
    print(f"wrote {OUT.relative_to(ROOT)} ({pdf.page_no()} pages, font {pdf.font_name})")


if __name__ == "__main__":
    main()

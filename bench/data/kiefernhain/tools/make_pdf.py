#!/usr/bin/env python3
# ruff: noqa: E501
"""Write knowledge/preisliste-reparaturservice.pdf, the repair price list (fpdf2).

A price list as a print shop would lay it out: the title in the document properties and as the first line, a
running header and a footer with "Seite x von y" on every page, one table whose "Leistung" and "Hinweis" cells
wrap over two lines (narrow columns), section rows inside the table, and notes under it. DejaVu Sans is used when
it is installed (/usr/share/fonts); otherwise fpdf2's core font Helvetica with the text folded to Latin-1.

    python3 tools/make_pdf.py        # fpdf2 from ../.pylib (pip install --target .pylib fpdf2) or the environment
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / ".pylib"))

from fpdf import FPDF  # noqa: E402
from fpdf.fonts import FontFace  # noqa: E402

OUT = ROOT / "knowledge" / "preisliste-reparaturservice.pdf"
TITLE = "Preisliste Reparaturservice"
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"), Path("/usr/share/fonts/TTF")]

SECTIONS = [
    (
        "Kleinigkeiten",
        [
            ("Knopf annähen", "pro Knopf; ein passender Knopf aus unserem Fundus ist inklusive", "2,50 €"),
            ("Naht schließen", "offene Naht bis 10 cm Länge; längere Nähte nach Kostenvoranschlag", "6,00 €"),
            ("Loch stopfen (Visible Mending)", "sichtbar mit farbigem Garn, bis 3 cm Durchmesser", "9,50 €"),
            ("Kunststopfen", "unsichtbar, bis 1 cm², nur bei Wolle und Baumwolle", "26,00 €"),
        ],
    ),
    (
        "Hosen und Röcke",
        [
            ("Saum kürzen, Hose", "einfacher Saum, Stoff- und Anzughosen", "14,00 €"),
            (
                "Saum kürzen, Jeans mit Originalsaum",
                "der Originalsaum mit seinen Abnutzungsspuren bleibt erhalten",
                "19,50 €",
            ),
            ("Reißverschluss ersetzen, Hose oder Rock", "inklusive neuem Reißverschluss", "17,50 €"),
            ("Schritt verstärken, Jeans", "von innen mit Denim-Flicken verstärkt und abgesteppt", "21,00 €"),
        ],
    ),
    (
        "Jacken und Mäntel",
        [
            ("Reißverschluss ersetzen, Jacke bis 70 cm", "inklusive teilbarem Reißverschluss", "32,00 €"),
            ("Reißverschluss ersetzen, Mantel über 70 cm", "inklusive teilbarem Reißverschluss", "39,00 €"),
            ("Ärmel kürzen, Jacke ohne Ärmelschlitz", "Ärmel mit Schlitz und Knöpfen: Aufpreis 12,00 €", "26,00 €"),
            ("Futter erneuern, Sakko", "neues Futter aus Viskose, Farbe nach Absprache", "59,00 €"),
            ("Ellbogen-Patches aufnähen", "ein Paar, aus Cord oder in Wildleder-Optik", "22,00 €"),
        ],
    ),
    (
        "Strick",
        [
            ("Pilling entfernen", "pro Teil, mit dem Fusselrasierer", "7,00 €"),
            ("Loch im Strick schließen", "bis 2 cm, mit passendem Garn", "14,00 €"),
        ],
    ),
]

NOTES = [
    "Alle Preise inkl. MwSt., pro Teil und ohne Versand.",
    "Rückversand innerhalb Deutschlands: 4,90 € pro Auftrag; ab einem Auftragswert von 60 € ist der Rückversand kostenlos. Rückversand nach Österreich: 8,90 €.",
    "Holst du dein Teil im Laden in Berlin-Friedrichshain ab, fällt kein Rückversand an.",
    "Upcycling-Aufträge nach deinen Wünschen (zum Beispiel eine Jeans, die zum Rock wird) ab 45,00 € nach Absprache.",
    "Wie du einen Auftrag anlegst und wie lange die Reparatur dauert, steht unter „Reparaturauftrag – so geht's“.",
]


def find_font() -> Path | None:
    for folder in FONT_DIRS:
        if (folder / "DejaVuSans.ttf").is_file() and (folder / "DejaVuSans-Bold.ttf").is_file():
            return folder
    return None


class PriceList(FPDF):
    def __init__(self, family: str, fold) -> None:
        super().__init__(format="A4")
        self.family = family
        self.fold = fold

    def header(self) -> None:
        self.set_font(self.family, "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, self.fold("Kiefernhain Atelier · Reparaturservice · Stand: 1. Oktober 2026"), align="R")
        self.ln(9)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(self.family, "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(
            0,
            5,
            self.fold(
                f"Kiefernhain Re-Fashion GmbH · Am Kiefernhain 7 · 15344 Strausberg · Seite {self.page_no()} von {{nb}}"
            ),
            align="C",
        )


def main() -> None:
    fonts = find_font()
    if fonts:
        family = "DejaVu"

        def fold(text: str) -> str:
            return text
    else:
        family = "Helvetica"

        def fold(text: str) -> str:
            text = (
                text.replace("€", "EUR")
                .replace("–", "-")
                .replace("„", '"')
                .replace("“", '"')
                .replace("’", "'")
                .replace("²", "2")
            )
            return text.encode("latin-1", "replace").decode("latin-1")

    pdf = PriceList(family, fold)
    if fonts:
        pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.set_title(TITLE)
    pdf.set_author("Kiefernhain Re-Fashion GmbH")
    pdf.set_subject("Preise für Reparaturen im Kiefernhain Atelier")
    pdf.set_creator("Kiefernhain Atelier")
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()

    pdf.set_font(family, "B", 18)
    pdf.cell(0, 10, fold(TITLE), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 10)
    pdf.multi_cell(
        0,
        5,
        fold(
            "Reparieren statt wegwerfen: Diese Preise gelten für Reparaturen in unserem Atelier in Strausberg – "
            "auch für Kleidung, die du nicht bei uns gekauft hast."
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)

    heading = FontFace(emphasis="BOLD", fill_color=(226, 232, 222))
    section = FontFace(emphasis="BOLD", fill_color=(244, 244, 240))
    pdf.set_font(family, "", 9.5)
    with pdf.table(
        width=150,
        col_widths=(52, 74, 24),
        text_align=("LEFT", "LEFT", "RIGHT"),
        headings_style=heading,
        line_height=5,
        padding=1.6,
        repeat_headings=1,
    ) as table:
        table.row([fold("Leistung"), fold("Hinweis"), fold("Preis")])
        for title, rows in SECTIONS:
            row = table.row(style=section)
            row.cell(fold(title), colspan=3)
            for service, hint, price in rows:
                table.row([fold(service), fold(hint), fold(price)])

    pdf.ln(5)
    pdf.set_font(family, "B", 10)
    pdf.cell(0, 6, fold("Gut zu wissen"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 9.5)
    for note in NOTES:
        pdf.multi_cell(0, 5, fold("• " + note), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    pdf.output(str(OUT))
    print(f"wrote {OUT.relative_to(ROOT)} ({pdf.page_no()} pages, font {family})")


if __name__ == "__main__":
    main()

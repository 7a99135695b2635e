#!/usr/bin/env python3
# ruff: noqa: E501
"""Write knowledge/aenderungsschneiderei-preisliste.pdf with fpdf2.

The alterations price list as a two-column brochure of two A4 pages, the way the atelier hands it out in the
showroom: a coloured title band, then on each page a left and a right column that are filled one after the other
(the left column top to bottom, then the right one), price lines with leader dots and the price flush right
("Saum kürzen, einlagig ........ 69 €"), section headings in the brand colour, a shaded "Gut zu wissen" box in
the right column, and a header and footer line on every page ("Seite 1 von 2"). Text extraction therefore gives
the left column's text before the right column's, with the header and footer lines between the pages. The title
is set in the PDF metadata and as the first line.

Fonts: DejaVu Sans from /usr/share/fonts when present, else Helvetica with the text reduced to Latin-1.

    python3 tools/make_pdf.py      # fpdf2 (pip install --target .pylib fpdf2)
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if (ROOT / ".pylib").is_dir():
    sys.path.insert(0, str(ROOT / ".pylib"))

from fpdf import FPDF  # noqa: E402

OUT = ROOT / "knowledge" / "aenderungsschneiderei-preisliste.pdf"
TITLE = "Änderungsschneiderei – Preisliste 2026"
HEADER = "Silberquell Atelier · Änderungsschneiderei im Showroom Kassel"
FOOTER = "Preisliste gültig ab 1. Februar 2026 · Seite {page} von {nb}"
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"), Path("/usr/share/fonts")]
BRAND = (140, 110, 90)

# page 1 -------------------------------------------------------------------------------------------------------
LEFT_1 = [
    ("heading", "Brautkleider"),
    ("price", "Saum kürzen, einlagig", "69 €"),
    ("price", "Saum kürzen, mehrlagig oder Tüll", "119 €"),
    ("price", "Saum mit Spitzenkante kürzen", "149 €"),
    ("price", "Korsage enger nähen", "59 €"),
    ("price", "Korsage weiter machen", "79 €"),
    ("small", "nur wenn genug Nahtzugabe vorhanden ist"),
    ("price", "Träger kürzen", "25 €"),
    ("price", "Träger neu ansetzen", "45 €"),
    ("price", "Spitzenärmel ergänzen", "129 €"),
    ("price", "Schleppe raffen (Schleppenknöpfe)", "49 €"),
    ("gap",),
    ("heading", "Abendkleider"),
    ("price", "Saum kürzen", "45 €"),
    ("price", "Seitennähte enger nähen", "39 €"),
    ("price", "Träger kürzen", "22 €"),
    ("price", "Schlitz schließen oder kürzen", "29 €"),
]
RIGHT_1 = [
    ("heading", "Anzüge für Bräutigam & Trauzeugen"),
    ("price", "Anzughose kürzen", "19 €"),
    ("price", "Anzughose kürzen mit Aufschlag", "26 €"),
    ("price", "Sakkoärmel kürzen", "35 €"),
    ("price", "Sakko taillieren", "42 €"),
    ("price", "Weste enger machen", "29 €"),
    ("gap",),
    ("box", "Gut zu wissen"),
    ("text", "Bearbeitungszeit: 10 Werktage ab der Anprobe."),
    ("text", "Express-Änderung in 5 Werktagen: Aufpreis 30 €."),
    (
        "text",
        "Kleider, die Sie nicht bei Silberquell gekauft haben, ändern wir gegen einen Aufschlag von 25 % auf den Listenpreis.",
    ),
    ("text", "Die letzte Anprobe planen wir 2 bis 3 Wochen vor Ihrer Hochzeit."),
    ("endbox",),
]

# page 2 -------------------------------------------------------------------------------------------------------
LEFT_2 = [
    ("heading", "So läuft Ihre Änderung ab"),
    ("text", "1. Sie buchen einen Anprobetermin in unserem Showroom in Kassel."),
    ("text", "2. Unsere Schneiderin steckt das Kleid an Ihnen ab und nennt Ihnen den Preis nach dieser Liste."),
    (
        "text",
        "3. Ihr Kleid ist nach der Bearbeitungszeit fertig. Sie holen es im Showroom ab oder wir schicken es Ihnen zu.",
    ),
    ("gap",),
    ("heading", "Änderung per Post"),
    (
        "text",
        "Sie wohnen nicht in der Nähe von Kassel? Schicken Sie uns Ihr Kleid mit dem ausgefüllten Änderungsauftrag und einem gut sitzenden Kleid als Vorlage. Der versicherte Rückversand kostet 9,90 €.",
    ),
]
RIGHT_2 = [
    ("heading", "Zur Anprobe mitbringen"),
    (
        "text",
        "Bitte bringen Sie Ihre Hochzeitsschuhe und die Unterwäsche mit, die Sie am großen Tag tragen. Nur so stimmt die Länge.",
    ),
    ("gap",),
    ("heading", "Beim Kauf mitbestellen"),
    (
        "text",
        "Im Onlineshop können Sie bei vielen Kleidern „Kürzen lassen“ wählen und Ihre Wunschlänge angeben. Gekürzte Kleider sind von der Rückgabe ausgeschlossen.",
    ),
    ("gap",),
    ("text", "Alle Preise in Euro inklusive Mehrwertsteuer."),
]


def font_file(name: str) -> Path | None:
    for folder in FONT_DIRS:
        for path in folder.rglob(name) if folder.is_dir() else []:
            return path
    return None


class Brochure(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        regular, bold = font_file("DejaVuSans.ttf"), font_file("DejaVuSans-Bold.ttf")
        if regular and bold:
            self.add_font("Body", "", str(regular))
            self.add_font("Body", "B", str(bold))
            self.unicode = True
        else:
            self.unicode = False
        self.family = "Body" if self.unicode else "Helvetica"
        self.set_auto_page_break(False)
        self.set_title(self.t(TITLE))
        self.set_author("Silberquell Braut- & Festmode GmbH")
        self.set_subject(self.t("Preise der Änderungsschneiderei"))
        self.set_creator("Silberquell Atelier")
        self.set_creation_date(datetime(2026, 1, 28, 10, 0, tzinfo=UTC))

    def t(self, text: str) -> str:
        if self.unicode:
            return text
        return (
            text.replace("–", "-")
            .replace("„", '"')
            .replace("“", '"')
            .replace("·", "-")
            .encode("latin-1", "replace")
            .decode("latin-1")
        )

    def header(self) -> None:
        self.set_font(self.family, "", 8)
        self.set_text_color(120, 120, 120)
        self.set_xy(15, 8)
        self.cell(180, 5, self.t(HEADER), align="L")

    def footer(self) -> None:
        self.set_font(self.family, "", 8)
        self.set_text_color(120, 120, 120)
        self.set_xy(15, 287)
        self.cell(180, 5, self.t(FOOTER.format(page=self.page_no(), nb="{nb}")), align="C")

    def band(self, title: str, subtitle: str) -> None:
        self.set_fill_color(*BRAND)
        self.rect(0, 16, 210, 28, style="F")
        self.set_text_color(255, 255, 255)
        self.set_font(self.family, "B", 20)
        self.set_xy(15, 20)
        self.cell(180, 10, self.t(title))
        self.set_font(self.family, "", 10)
        self.set_xy(15, 32)
        self.cell(180, 6, self.t(subtitle))

    def column(self, x: float, y: float, width: float, items: list[tuple]) -> None:
        box_start = None
        for item in items:
            kind = item[0]
            if kind == "heading":
                self.set_font(self.family, "B", 12)
                self.set_text_color(*BRAND)
                self.set_xy(x, y)
                self.cell(width, 7, self.t(item[1]))
                y += 9
            elif kind == "price":
                label, price = self.t(item[1]), self.t(item[2])
                self.set_font(self.family, "", 9.5)
                self.set_text_color(40, 40, 40)
                price_w = self.get_string_width(price) + 1
                label_w = self.get_string_width(label) + 1
                dots_w = max(width - price_w - label_w - 2, 4)
                dots = "." * int(dots_w / self.get_string_width("."))
                self.set_xy(x, y)
                self.cell(label_w, 6, label)
                self.cell(dots_w + 1, 6, " " + dots[:-2] + " ")
                self.set_font(self.family, "B", 9.5)
                self.cell(price_w, 6, price, align="R")
                y += 6.5
            elif kind == "small":
                self.set_font(self.family, "", 8)
                self.set_text_color(110, 110, 110)
                self.set_xy(x + 3, y - 1)
                self.cell(width - 3, 5, self.t(item[1]))
                y += 5
            elif kind == "text":
                self.set_font(self.family, "", 9.5)
                self.set_text_color(40, 40, 40)
                self.set_xy(x + (3 if box_start is not None else 0), y)
                self.multi_cell(width - (6 if box_start is not None else 0), 5, self.t(item[1]), align="L")
                y = self.get_y() + 1.5
            elif kind == "box":
                box_start = y
                self.set_fill_color(247, 242, 236)
                self.rect(x, y, width, 68, style="F")
                self.set_font(self.family, "B", 11)
                self.set_text_color(*BRAND)
                self.set_xy(x + 3, y + 2)
                self.cell(width - 6, 7, self.t(item[1]))
                y += 11
            elif kind == "endbox":
                box_start = None
                y += 2
            elif kind == "gap":
                y += 5


def main() -> None:
    pdf = Brochure()
    pdf.alias_nb_pages("{nb}")

    pdf.add_page()
    pdf.band(TITLE, "Perfekter Sitz für Ihren großen Tag – Preise unserer Schneiderinnen im Showroom Kassel")
    pdf.column(15, 52, 85, LEFT_1)
    pdf.column(110, 52, 85, RIGHT_1)

    pdf.add_page()
    pdf.column(15, 24, 85, LEFT_2)
    pdf.column(110, 24, 85, RIGHT_2)

    OUT.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(OUT))
    print("wrote", OUT)


if __name__ == "__main__":
    main()

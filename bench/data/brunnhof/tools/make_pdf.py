#!/usr/bin/env python3
# ruff: noqa: E501
"""Writes knowledge/pflege-materialratgeber.pdf: a single-column A4 PDF with a running header, page numbers
("Seite 2 von 3") and a material table that continues over a page break (its heading row repeated).

    .venv/bin/python tools/make_pdf.py      # any Python with fpdf2

DejaVu Sans from /usr/share/fonts is used when present; otherwise a core font with the text transliterated.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

OUT = Path(__file__).resolve().parent.parent / "knowledge" / "pflege-materialratgeber.pdf"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
TITLE = "Pflege- und Materialratgeber"
RUNNING = "Brunnhof Mode · Pflege- und Materialratgeber"

INTRO = (
    "Jedes Kleidungsstück von Brunnhof trägt ein eingenähtes Pflegeetikett. Was dort steht, gilt immer zuerst. "
    "Dieser Ratgeber erklärt, wie Sie unsere Materialien waschen, trocknen und bügeln, und was Sie bei Knötchen, "
    "Flecken und beim Aufbewahren beachten sollten. So bleiben Ihre Lieblingsstücke lange schön."
)
TIPS = [
    "Waschen Sie dunkle und helle Teile getrennt, vor allem bei den ersten Wäschen.",
    "Drehen Sie bedruckte Shirts, Cord und Jersey vor dem Waschen auf links.",
    "Schließen Sie Reißverschlüsse, Haken und Knöpfe, bevor die Teile in die Maschine kommen.",
    "Füllen Sie die Trommel im Schonwaschgang und im Wollprogramm nur zur Hälfte.",
    "Verwenden Sie für Wolle, Kaschmir und Seide ein Wollwaschmittel ohne Enzyme und keinen Weichspüler.",
    "Baumwolle und Leinen können bei der ersten Wäsche um bis zu 3 % einlaufen. Das ist normal.",
]
SYMBOLS = [
    "Waschbottich mit Zahl: höchste Waschtemperatur in Grad Celsius.",
    "Waschbottich mit einem Balken darunter: Schonwaschgang; mit zwei Balken: Wollprogramm oder Feinwäsche.",
    "Waschbottich mit Hand: nur Handwäsche, höchstens 30 °C.",
    "Quadrat mit Kreis: Trockner erlaubt; durchgestrichen: nicht in den Trockner.",
    "Bügeleisen mit einem Punkt: bis 110 °C, mit zwei Punkten bis 150 °C, mit drei Punkten bis 200 °C.",
    "Kreis mit einem Buchstaben: Das Teil darf in die chemische Reinigung; durchgestrichen: nicht chemisch reinigen.",
]
TABLE = [
    ("Material", "Waschen", "Trocknen", "Bügeln"),
    ("Baumwolle", "40 °C, weiße Wäsche bis 60 °C", "im Trockner auf niedriger Stufe", "heiß"),
    (
        "Baumwoll-Jersey mit Elasthan (Shirts, T-Shirts)",
        "30 °C, auf links",
        "nicht in den Trockner, flach liegend",
        "mäßig heiß, auf links",
    ),
    (
        "Viskose (Blusen, Tuniken, Kleider)",
        "30 °C im Schonwaschgang, wenig schleudern",
        "auf dem Bügel, nicht in den Trockner",
        "mäßig heiß, leicht feucht",
    ),
    ("Modal", "40 °C im Schonwaschgang", "im Trockner auf niedriger Stufe", "mäßig heiß"),
    ("Leinen", "40 °C", "auf dem Bügel", "heiß, am besten feucht"),
    ("Polyester", "30 °C", "auf dem Bügel", "niedrige Stufe"),
    (
        "Hosen mit Komfortbund (Polyester, Viskose, Elasthan)",
        "30 °C, nicht heißer, damit der Gummi elastisch bleibt",
        "auf dem Bügel",
        "niedrige Stufe",
    ),
    ("Cord", "30 °C, auf links", "im Trockner auf niedriger Stufe", "mäßig heiß, auf links"),
    ("Fleece", "30 °C", "nicht in den Trockner", "nicht bügeln"),
    (
        "Merinowolle",
        "Wollprogramm 30 °C, höchstens 600 Umdrehungen",
        "liegend auf einem Handtuch",
        "nicht bügeln, nur dämpfen",
    ),
    ("Schurwolle und Walk", "Handwäsche lauwarm oder Wollprogramm 20 °C", "liegend", "nicht bügeln, nur dämpfen"),
    ("Kaschmir", "Handwäsche kalt, nicht reiben", "liegend auf einem Handtuch", "nicht bügeln"),
    ("Seide", "Handwäsche bis 30 °C, nicht wringen", "auf dem Bügel, im Schatten", "niedrige Stufe, auf links"),
    ("Steppmäntel mit Daunen", "30 °C im Daunenprogramm", "im Trockner mit zwei Tennisbällen", "nicht bügeln"),
    ("Kunstleder (Jacken, Taschen)", "nicht waschen, nur feucht abwischen", "an der Luft", "nicht bügeln"),
]
SECTIONS = [
    (
        "Knötchen bei Strick (Pilling)",
        [
            "An Stellen, die beim Tragen reiben, etwa unter den Armen oder an den Ärmeln, bilden sich bei weichem Strick "
            "aus Wolle, Kaschmir oder Mischgarnen oft kleine Knötchen. Das ist kein Mangel, sondern eine Eigenschaft "
            "weicher Garne. Entfernen Sie die Knötchen vorsichtig mit einem Fusselrasierer oder einem Wollkamm. Nach "
            "einigen Wäschen lässt das Pilling meist deutlich nach.",
        ],
    ),
    (
        "Flecken",
        [
            "Tupfen Sie einen Fleck so schnell wie möglich mit kaltem Wasser ab und reiben Sie nicht, sonst dringt er "
            "tiefer in das Gewebe ein.",
            "Rotwein und Kaffee: mit Mineralwasser austupfen, dann wie gewohnt waschen.",
            "Fett und Öl: etwas Spülmittel einarbeiten, kurz einwirken lassen und auswaschen.",
            "Blut: nur mit kaltem Wasser behandeln, niemals mit heißem.",
            "Bei Seide, Kaschmir und Kunstleder verwenden Sie bitte keine Fleckenmittel.",
        ],
    ),
    (
        "Richtig aufbewahren",
        [
            "Legen Sie Strick gefaltet in den Schrank und hängen Sie ihn nicht auf einen Bügel, sonst leiert er an den "
            "Schultern aus. Mäntel und Jacken hängen Sie auf breite, geformte Bügel. Seide bewahren Sie am besten in "
            "einem Baumwollbeutel auf. Gegen Motten helfen Zedernholz und Lavendelsäckchen; waschen Sie Wollsachen vor "
            "dem Einlagern über den Sommer.",
        ],
    ),
    (
        "Fragen zur Pflege?",
        [
            "Unser Kundenservice berät Sie gern am Telefon unter 0661 480 27 50. Ist ein Artikel trotz richtiger "
            "Pflege beschädigt, lesen Sie bitte unsere Hinweise zu Reklamation und Gewährleistung.",
        ],
    ),
]


class Ratgeber(FPDF):
    def __init__(self, family: str):
        super().__init__(format="A4")
        self.family = family

    def header(self) -> None:
        self.set_font(self.family, "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 6, RUNNING, align="L")
        self.cell(0, 6, "Stand: Oktober 2026", align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(180, 160, 120)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(6)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(self.family, "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 8, f"Seite {self.page_no()} von {{nb}}", align="C")


def translit(text: str) -> str:
    for a, b in (
        ("ä", "ae"),
        ("ö", "oe"),
        ("ü", "ue"),
        ("Ä", "Ae"),
        ("Ö", "Oe"),
        ("Ü", "Ue"),
        ("ß", "ss"),
        ("·", "-"),
        ("–", "-"),
        ("„", '"'),
        ("“", '"'),
    ):
        text = text.replace(a, b)
    return text


def main() -> None:
    dejavu = (FONT_DIR / "DejaVuSans.ttf").exists()
    family = "DejaVu" if dejavu else "Helvetica"
    fix = (lambda t: t) if dejavu else translit
    pdf = Ratgeber(family)
    if dejavu:
        pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_title(TITLE)
    pdf.set_author("Brunnhof Versand GmbH")
    pdf.set_subject("Waschen, Trocknen, Bügeln, Knötchen, Flecken und Aufbewahren")
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(True, margin=22)
    pdf.alias_nb_pages()
    pdf.add_page()

    pdf.set_font(family, "B", 20)
    pdf.cell(0, 11, fix(TITLE), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 12)
    pdf.cell(0, 8, fix("Damit Ihre Lieblingsstücke von Brunnhof lange schön bleiben"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(family, "", 10.5)
    pdf.multi_cell(0, 5.6, fix(INTRO), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(family, "B", 13)
    pdf.cell(0, 8, fix("Allgemeine Tipps"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 10.5)
    for tip in TIPS:
        pdf.set_x(pdf.l_margin + 3)
        pdf.multi_cell(0, 5.6, fix("• " + tip), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(family, "B", 13)
    pdf.cell(0, 8, fix("Pflegesymbole verstehen"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 10.5)
    pdf.multi_cell(
        0,
        5.6,
        fix(
            "Die Symbole auf dem Pflegeetikett stehen immer in derselben Reihenfolge: "
            "Waschen, Bleichen, Trocknen, Bügeln und professionelle Reinigung."
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    for symbol in SYMBOLS:
        pdf.set_x(pdf.l_margin + 3)
        pdf.multi_cell(0, 5.6, fix("• " + symbol), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(family, "B", 13)
    pdf.cell(0, 8, fix("Materialien im Überblick"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 9.5)
    heading = FontFace(emphasis="BOLD", fill_color=(236, 228, 210))
    with pdf.table(
        col_widths=(46, 50, 42, 28), line_height=5.2, headings_style=heading, repeat_headings=1, text_align="LEFT"
    ) as table:
        for row in TABLE:
            cells = table.row()
            for value in row:
                cells.cell(fix(value))
    pdf.ln(5)
    for heading_text, paragraphs in SECTIONS:
        pdf.set_font(family, "B", 13)
        pdf.cell(0, 8, fix(heading_text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(family, "", 10.5)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 5.6, fix(paragraph), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        pdf.ln(2)
    pdf.output(str(OUT))
    print(f"wrote {OUT} ({pdf.page_no()} pages)")


if __name__ == "__main__":
    main()

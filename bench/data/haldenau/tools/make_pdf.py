"""Write knowledge/schneiderei-aenderungsservice.pdf: a two-column brochure (Faltblatt) with price tables.

Run with any Python that has fpdf2, e.g. /work/main/.venv/bin/python tools/make_pdf.py
The left column is written first, then the right one, as a layout program would place the text frames.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

OUT = Path(__file__).resolve().parent.parent / "knowledge" / "schneiderei-aenderungsservice.pdf"
FONTS = Path("/usr/share/fonts/truetype/dejavu")

PAGE_W = 210
MARGIN = 12
GUTTER = 8
COL_W = (PAGE_W - 2 * MARGIN - GUTTER) / 2
LEFT_X = MARGIN
RIGHT_X = MARGIN + COL_W + GUTTER
TOP_Y = 42

LEFT = [
    ("h", "Ihr Gwand, passend gemacht"),
    (
        "p",
        (
            "Ein Dirndl sitzt erst richtig, wenn Länge und Mieder stimmen. In unserer Schneiderei im Trachtenhaus "
            "Prien ändern drei Schneidermeisterinnen Dirndl, Blusen, Janker und Lederhosen – und sie nähen "
            "Lederhosen nach Maß."
        ),
    ),
    ("h", "Änderung gleich mitbestellen"),
    (
        "p",
        (
            "Wählen Sie im Onlineshop beim Artikel „Änderung gewünscht“ und tragen Sie Ihr Wunschmaß ein. Wir "
            "ändern das Teil, bevor wir es verschicken. Die Lieferzeit verlängert sich dadurch um 10 Werktage. Per "
            "Express können wir geänderte Artikel nicht verschicken."
        ),
    ),
    ("h", "Nachträglich ändern lassen"),
    (
        "p",
        (
            "Sie haben Ihr Dirndl schon zu Hause? Dann bringen Sie es ins Trachtenhaus Prien oder schicken Sie es "
            "mit dem Auftragsformular, das jeder Sendung beiliegt, an die Schneiderei (Seestraße 21, 83209 Prien am "
            "Chiemsee). Eine nachträgliche Änderung dauert etwa 3 Wochen. Den Rückversand berechnen wir mit 5,40 €; "
            "holen Sie das Teil in Prien ab, entfällt er."
        ),
    ),
    ("h", "Gut zu wissen"),
    (
        "b",
        (
            "Wir ändern nur Ware, die Sie bei Haldenau gekauft haben. Dirndl und Lederhosen aus anderen Geschäften "
            "nehmen wir nicht an."
        ),
    ),
    ("b", "Ein Dirndl kürzen wir um höchstens 20 cm, damit Rock und Schürze in den Proportionen stimmig bleiben."),
    ("b", "Geänderte Artikel sind vom Umtausch und von der Rückgabe ausgeschlossen."),
    ("b", "Geschenkgutscheine können Sie auch für die Schneiderei einlösen, Aktionscodes nicht."),
]

PRICES = [
    ("Dirndl kürzen (Rock und Schürze)", "34 €"),
    ("Nur die Schürze kürzen", "14 €"),
    ("Mieder enger machen", "42 €"),
    ("Mieder weiter machen (bis 3 cm)", "48 €"),
    ("Blusenärmel kürzen", "19 €"),
    ("Janker: Ärmel kürzen", "32 €"),
    ("Lederhose: Bund enger machen", "39 €"),
    ("Kniebundlederhose kürzen", "45 €"),
    ("Hosenträger anpassen", "12 €"),
    ("Initialen auf den Hosenträger-Steg sticken", "24 €"),
]

MASS_PRICES = [
    ("Kurze Maßlederhose", "ab 890 €"),
    ("Maßlederhose mit Kniebund", "ab 1.090 €"),
]

RIGHT_AFTER = [
    (
        "p",
        (
            "So entsteht Ihre Maßlederhose: Beim Maßtermin im Trachtenhaus Prien (dienstags oder donnerstags nach "
            "Vereinbarung, etwa 45 Minuten) nehmen wir Maß, und Sie wählen Leder, Farbe und Stickerei. Nach etwa "
            "6 Wochen folgt die Anprobe. Fertig ist die Hose 12 bis 14 Wochen nach dem Maßtermin."
        ),
    ),
    (
        "p",
        (
            "Bei Auftrag zahlen Sie 50 % an, den Rest bei Abholung oder vor dem Versand. Bis zum Zuschnitt des "
            "Leders können Sie kostenlos stornieren; danach ist keine Stornierung mehr möglich. Maßlederhosen sind "
            "vom Widerruf und von der Rückgabe ausgeschlossen."
        ),
    ),
]


class Brochure(FPDF):
    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("DejaVu", "", 7.5)
        self.set_text_color(120, 110, 100)
        self.cell(
            0,
            5,
            "Haldenau Trachten & Landhaus GmbH · Trachtenhaus Prien · Telefon 08051 96 47 30 · Stand: März 2026",
            align="C",
        )


def column(pdf: FPDF, x: float) -> None:
    pdf.set_left_margin(x)
    pdf.set_right_margin(PAGE_W - x - COL_W)
    pdf.set_xy(x, pdf.get_y())


def write_blocks(pdf: FPDF, blocks: list[tuple[str, str]]) -> None:
    for kind, text in blocks:
        if kind == "h":
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 11)
            pdf.set_text_color(107, 79, 44)
            pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.8)
        elif kind == "p":
            pdf.set_font("DejaVu", "", 9)
            pdf.set_text_color(40, 40, 40)
            pdf.multi_cell(0, 4.4, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif kind == "b":
            pdf.set_font("DejaVu", "", 9)
            pdf.set_text_color(40, 40, 40)
            pdf.multi_cell(0, 4.4, "• " + text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.8)


def price_table(pdf: FPDF, title: str, rows: list[tuple[str, str]]) -> None:
    pdf.ln(1)
    pdf.set_font("DejaVu", "B", 11)
    pdf.set_text_color(107, 79, 44)
    pdf.multi_cell(0, 5.5, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font("DejaVu", "", 9)
    pdf.set_text_color(40, 40, 40)
    heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=(107, 79, 44))
    with pdf.table(
        width=COL_W,
        col_widths=(68, 20),
        align="LEFT",
        text_align=("LEFT", "RIGHT"),
        headings_style=heading,
        line_height=5,
        borders_layout="HORIZONTAL_LINES",
        cell_fill_color=(246, 240, 230),
        cell_fill_mode="ROWS",
    ) as table:
        table.row(("Leistung", "Preis"))
        for name, price in rows:
            table.row((name, price))
    pdf.ln(2)


def main() -> None:
    pdf = Brochure(orientation="P", unit="mm", format="A4")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_title("Schneiderei & Änderungsservice")
    pdf.set_subject("Faltblatt der Schneiderei im Trachtenhaus Prien: Änderungen, Preise, Maßlederhosen")
    pdf.set_author("Haldenau Trachten & Landhaus GmbH")
    pdf.set_keywords("Schneiderei, Änderung, Dirndl kürzen, Maßlederhose, Preisliste")
    pdf.set_auto_page_break(False)
    pdf.add_page()

    # title band over both columns
    pdf.set_fill_color(59, 42, 26)
    pdf.rect(0, 0, PAGE_W, 34, style="F")
    pdf.set_xy(MARGIN, 8)
    pdf.set_font("DejaVu", "B", 20)
    pdf.set_text_color(255, 255, 255)
    pdf.cell(0, 10, "Schneiderei & Änderungsservice", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.cell(0, 7, "Faltblatt · Haldenau Trachten & Landhaus · Trachtenhaus Prien am Chiemsee")

    # left column
    pdf.set_y(TOP_Y)
    column(pdf, LEFT_X)
    write_blocks(pdf, LEFT)
    left_end = pdf.get_y()

    # thin rule between the columns
    pdf.set_draw_color(200, 185, 160)
    pdf.line(RIGHT_X - GUTTER / 2, TOP_Y, RIGHT_X - GUTTER / 2, 270)

    # right column
    pdf.set_y(TOP_Y)
    column(pdf, RIGHT_X)
    price_table(pdf, "Preisliste Änderungen", PRICES)
    price_table(pdf, "Maßlederhose aus Hirschleder", MASS_PRICES)
    write_blocks(pdf, RIGHT_AFTER)
    right_end = pdf.get_y()
    if max(left_end, right_end) > 278:
        raise SystemExit(f"text runs into the footer: left ends at {left_end:.0f} mm, right at {right_end:.0f} mm")

    OUT.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(OUT))
    print(f"wrote {OUT} (left column ends at {left_end:.0f} mm, right at {right_end:.0f} mm)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Write knowledge/size-chart.pdf: the English-only size chart (tables, few words) with fpdf2.

Run with any Python that has fpdf2, e.g. .venv/bin/python tools/make_pdf.py.
DejaVu Sans is used when /usr/share/fonts has it; otherwise a core font with the text transliterated.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "knowledge" / "size-chart.pdf"
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"), Path("/usr/share/fonts")]

TITLE = "Ostwind Size Chart – Running & Cycling"

WOMEN = [
    ("Size", "Chest (cm)", "Waist (cm)", "Hip (cm)"),
    ("XS", "78–82", "60–64", "86–90"),
    ("S", "83–87", "65–69", "91–95"),
    ("M", "88–93", "70–75", "96–101"),
    ("L", "94–99", "76–81", "102–107"),
    ("XL", "100–106", "82–88", "108–114"),
]
MEN = [
    ("Size", "Chest (cm)", "Waist (cm)", "Hip (cm)"),
    ("S", "86–91", "74–79", "88–93"),
    ("M", "92–97", "80–85", "94–99"),
    ("L", "98–103", "86–91", "100–105"),
    ("XL", "104–110", "92–98", "106–112"),
    ("XXL", "111–118", "99–106", "113–120"),
]
GLOVES = [
    ("Size", "Hand circumference (cm)"),
    ("S", "17–18.5"),
    ("M", "19–20.5"),
    ("L", "21–22.5"),
    ("XL", "23–24.5"),
]
SOCKS = [
    ("Size", "Shoe size (EU)"),
    ("S", "35–38"),
    ("M", "39–42"),
    ("L", "43–46"),
]
NOTE = "Body measurements. Between two sizes: tops one size up, bib shorts and tights one size down."


def find_font() -> Path | None:
    for folder in FONT_DIRS:
        for candidate in (folder / "DejaVuSans.ttf", *folder.rglob("DejaVuSans.ttf")):
            if candidate.is_file():
                return candidate
    return None


def main() -> None:
    pdf = FPDF(format="A4")
    pdf.set_title(TITLE)
    pdf.set_author("Ostwind Sport GmbH")
    pdf.set_subject("Size chart")
    pdf.set_creator("tools/make_pdf.py")
    pdf.set_auto_page_break(True, margin=15)
    font = find_font()
    if font:
        pdf.add_font("DejaVu", "", str(font))
        bold = font.with_name("DejaVuSans-Bold.ttf")
        pdf.add_font("DejaVu", "B", str(bold if bold.is_file() else font))
        family = "DejaVu"

        def t(text: str) -> str:
            return text
    else:
        family = "Helvetica"

        def t(text: str) -> str:
            return text.replace("–", "-").encode("latin-1", "replace").decode("latin-1")

    pdf.add_page()
    pdf.set_font(family, "B", 16)
    pdf.cell(0, 10, t(TITLE), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    def table(caption: str, rows: list[tuple[str, ...]], widths: tuple[int, ...]) -> None:
        pdf.set_font(family, "B", 11)
        pdf.cell(0, 8, t(caption), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(family, "", 10)
        with pdf.table(
            col_widths=widths,
            width=sum(widths),
            align="LEFT",
            text_align="CENTER",
            headings_style=FontFace(emphasis="BOLD", fill_color=(225, 232, 240)),
            line_height=7,
        ) as tbl:
            for row in rows:
                cells = tbl.row()
                for value in row:
                    cells.cell(t(value))
        pdf.ln(4)

    table("Women", WOMEN, (25, 35, 35, 35))
    table("Men", MEN, (25, 35, 35, 35))
    table("Gloves", GLOVES, (25, 55))
    table("Socks", SOCKS, (25, 55))
    pdf.set_font(family, "", 9)
    pdf.cell(0, 6, t(NOTE), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(OUT))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# ruff: noqa: E501
"""Write knowledge/mietvertrag-abendkleider.docx with python-docx.

The rental contract for evening dresses as the legal team keeps it in Word: a Title, the parties, clause headings
"1. Vertragsgegenstand" … "8. Schlussbestimmungen" (style Heading 2, the numbers typed into the text), numbered
sub-clauses "1.1", "1.2", "3.3" as paragraphs whose number is typed in front of the text with a tab and a hanging
indent, a price table (category, examples, rent, deposit, extra day) in clause 3 with a shaded header row, a page
header and a footer with the version and a PAGE field, and signature lines with underscores at the end. The
title is also set in the document properties.

    python3 tools/make_docx.py      # python-docx (pip install --target .pylib python-docx)
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if (ROOT / ".pylib").is_dir():
    sys.path.insert(0, str(ROOT / ".pylib"))

from docx import Document  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt, RGBColor  # noqa: E402

OUT = ROOT / "knowledge" / "mietvertrag-abendkleider.docx"
TITLE = "Mietvertrag Abendkleider"

PRICES = [
    ("Kategorie", "Beispiele", "Mietpreis", "Kaution", "Zusatztag"),
    ("Silber", "Cocktailkleider, kurze Abendkleider", "69 €", "150 €", "12 €"),
    ("Gold", "lange Abendkleider", "99 €", "250 €", "18 €"),
    ("Platin", "Designerroben, Paillettenkleider", "149 €", "400 €", "25 €"),
]

CLAUSES: list[tuple[str, list[str]]] = [
    (
        "1. Vertragsgegenstand",
        [
            "1.1\tDie Vermieterin überlässt der Mieterin das in der Buchung genannte Abendkleid für den gebuchten Anlass.",
            "1.2\tDas Kleid bleibt Eigentum der Vermieterin. Die Mieterin darf das Kleid nicht an Dritte weitervermieten oder verleihen.",
        ],
    ),
    (
        "2. Mietzeitraum",
        [
            "2.1\tDer Mietzeitraum beginnt mit der Zustellung des Kleides und endet mit der Rücksendung am ersten Werktag nach dem Anlass.",
            "2.2\tMöchte die Mieterin das Kleid länger behalten, bucht sie vor dem Ende des Mietzeitraums Zusatztage. Der Preis eines Zusatztags richtet sich nach der Preistabelle in Ziffer 3.1.",
        ],
    ),
    (
        "3. Mietpreis und Kaution",
        [
            "3.1\tMietpreis, Kaution und Zusatztage richten sich nach der Kategorie des Kleides:",
            "TABLE",
            "3.2\tMietpreis und Kaution sind bei der Buchung zu leisten.",
            "3.3\tDie Vermieterin erstattet die Kaution innerhalb von 5 Werktagen, nachdem das Kleid bei ihr eingegangen und geprüft worden ist. Forderungen nach Ziffer 4 und Ziffer 5 darf sie mit der Kaution verrechnen.",
        ],
    ),
    (
        "4. Verspätete Rückgabe",
        [
            "4.1\tSchickt die Mieterin das Kleid verspätet zurück, ohne Zusatztage gebucht zu haben, berechnet die Vermieterin für jeden angefangenen Tag der Verspätung eine Gebühr von 20 €.",
            "4.2\tIst das Kleid 14 Tage nach dem Anlass nicht zurückgeschickt, gilt es als verloren (Ziffer 5.3).",
        ],
    ),
    (
        "5. Schäden und Verlust",
        [
            "5.1\tÜbliche Gebrauchsspuren wie kleine Flecken sind mit dem Mietpreis abgegolten.",
            "5.2\tSchäden, die eine Reparatur oder eine Spezialreinigung erfordern, etwa Risse, Brandlöcher oder Wachsflecken, berechnet die Vermieterin nach Aufwand, höchstens bis zur Höhe der Kaution.",
            "5.3\tGeht das Kleid verloren, behält die Vermieterin die Kaution ein und berechnet zusätzlich den Zeitwert des Kleides abzüglich der Kaution.",
        ],
    ),
    (
        "6. Änderungen am Kleid",
        [
            "6.1\tMietkleider dürfen nicht gekürzt, abgenäht oder auf andere Weise verändert werden, auch nicht von einer Schneiderei.",
            "6.2\tErlaubt ist es, den Saum vorübergehend mit Stecknadeln hochzustecken.",
        ],
    ),
    (
        "7. Stornierung",
        [
            "7.1\tBis 21 Tage vor dem Anlass kann die Mieterin die Buchung kostenlos stornieren.",
            "7.2\tBei einer Stornierung zwischen 20 und 8 Tagen vor dem Anlass berechnet die Vermieterin 50 % des Mietpreises.",
            "7.3\tAb 7 Tagen vor dem Anlass ist der volle Mietpreis zu zahlen.",
            "7.4\tDie Kaution wird bei einer Stornierung in jedem Fall vollständig erstattet.",
        ],
    ),
    (
        "8. Schlussbestimmungen",
        [
            "8.1\tEs gilt das Recht der Bundesrepublik Deutschland.",
            "8.2\tÄnderungen und Ergänzungen dieses Vertrags bedürfen der Textform.",
            "8.3\tSollte eine Bestimmung dieses Vertrags unwirksam sein, bleibt der Vertrag im Übrigen wirksam.",
        ],
    ),
]


def shade(cell, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def page_field(paragraph) -> None:
    """Append a PAGE field ("Seite 2") to a paragraph."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    text = OxmlElement("w:t")
    text.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instr, separate, text, end):
        run._r.append(element)


def clause(document, text: str) -> None:
    paragraph = document.add_paragraph(text)
    fmt = paragraph.paragraph_format
    fmt.left_indent = Cm(1.0)
    fmt.first_line_indent = Cm(-1.0)
    fmt.tab_stops.add_tab_stop(Cm(1.0))
    fmt.space_after = Pt(4)


def price_table(document) -> None:
    table = document.add_table(rows=len(PRICES), cols=len(PRICES[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(PRICES):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            run = cell.paragraphs[0].runs[0]
            run.font.size = Pt(9.5)
            if r == 0:
                run.bold = True
                shade(cell, "E9E1D8")
    caption = document.add_paragraph(
        "Alle Preise in Euro inklusive Mehrwertsteuer. Der Mietpreis gilt für den gesamten Mietzeitraum nach Ziffer 2.1."
    )
    caption.runs[0].italic = True
    caption.runs[0].font.size = Pt(8.5)


def main() -> None:
    document = Document()
    styles = document.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(10.5)

    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2.3)
    header = section.header.paragraphs[0]
    header.text = "Silberquell Braut- & Festmode GmbH · Mietvertrag Abendkleider"
    header.runs[0].font.size = Pt(8)
    header.runs[0].font.color.rgb = RGBColor(0x80, 0x80, 0x80)
    footer = section.footer.paragraphs[0]
    footer.add_run("Fassung 01/2026 · Seite ").font.size = Pt(8)
    page_field(footer)

    title = document.add_paragraph(TITLE, style="Title")
    title.paragraph_format.space_after = Pt(6)
    document.add_paragraph(
        "zwischen der Silberquell Braut- & Festmode GmbH, Friedrich-Ebert-Straße 84, 34119 Kassel (im Folgenden „Vermieterin“) "
        "und der in der Buchung genannten Person (im Folgenden „Mieterin“)"
    )
    document.add_paragraph("Fassung vom 1. Januar 2026").runs[0].italic = True

    for heading, items in CLAUSES:
        document.add_paragraph(heading, style="Heading 2")
        for item in items:
            if item == "TABLE":
                price_table(document)
            else:
                clause(document, item)

    document.add_paragraph()
    document.add_paragraph("Kassel, den ____________________")
    document.add_paragraph("______________________________          ______________________________")
    document.add_paragraph("Unterschrift Vermieterin                              Unterschrift Mieterin")

    properties = document.core_properties
    properties.title = TITLE
    properties.author = "Silberquell Braut- & Festmode GmbH"
    properties.subject = "Mietbedingungen für Mietkleider"
    properties.keywords = "Mietvertrag, Kaution, Stornierung"
    properties.created = properties.modified = datetime(2026, 1, 1, 9, 0)
    properties.last_modified_by = "Rechtsabteilung"

    OUT.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(OUT))
    print("wrote", OUT)


if __name__ == "__main__":
    main()

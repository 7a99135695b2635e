"""Builds knowledge/reparatur-besohlung.docx (headings, paragraphs, one price table, a bullet list).

/work/main/.venv/bin/python tools/make_docx.py      (python-docx is only the writing tool)
"""

from pathlib import Path

from docx import Document

OUT = Path(__file__).resolve().parent.parent / "knowledge" / "reparatur-besohlung.docx"

PRICES = [
    ("Leistung", "Preis", "Dauer in der Werkstatt"),
    ("Absatzflecken erneuern, Damenschuhe", "14,90 €", "ca. 1 Woche"),
    ("Absatzflecken erneuern, Herrenschuhe", "19,90 €", "ca. 1 Woche"),
    ("Neue Ledersohle (nur rahmengenähte Modelle)", "79,00 €", "ca. 3 Wochen"),
    ("Neue Gummisohle", "64,00 €", "ca. 3 Wochen"),
    ("Stiefelschaft weiten", "12,00 €", "ca. 1 Woche"),
    ("Reißverschluss am Stiefel ersetzen", "39,00 €", "ca. 2 Wochen"),
    ("Tasche: Trageriemen ersetzen", "24,00 €", "ca. 2 Wochen"),
    ("Tasche: Reißverschluss ersetzen", "34,00 €", "ca. 2 Wochen"),
    ("Naht nachnähen (Schuh oder Tasche)", "ab 9,50 €", "ca. 1 Woche"),
]


def main() -> None:
    doc = Document()
    doc.core_properties.title = "Reparatur- und Besohlungsservice"
    doc.core_properties.author = "Kranich Schuhe & Taschen GmbH"
    doc.add_heading("Reparatur- und Besohlungsservice", level=1)
    doc.add_paragraph(
        "Gute Schuhe und Taschen halten lange, wenn man sie pflegt und ab und zu reparieren lässt. In unserer "
        "Werkstatt in Pirmasens erneuern Schuhmacherinnen und Sattler Absätze, Sohlen, Reißverschlüsse und Riemen."
    )
    doc.add_heading("Was reparieren Sie?", level=2)
    doc.add_paragraph(
        "Wir reparieren ausschließlich Schuhe und Taschen, die bei Kranich gekauft wurden. Schuhe und Taschen "
        "anderer Marken nehmen wir nicht an. Reparaturaufträge nehmen wir aus Deutschland und Österreich an."
    )
    doc.add_heading("Preise und Dauer", level=2)
    table = doc.add_table(rows=len(PRICES), cols=3)
    table.style = "Table Grid"
    for r, row in enumerate(PRICES):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    doc.add_paragraph(
        "Die Dauer gilt für die Arbeit in unserer Werkstatt; dazu kommen die Versandwege. Kostet eine Reparatur "
        "voraussichtlich mehr als 50 €, rufen wir Sie vorher an und nennen Ihnen den Preis."
    )
    doc.add_heading("So geht es", level=2)
    for step in (
        "Füllen Sie den Reparaturauftrag unter kranich-schuhe.example/reparatur aus.",
        "Sie bekommen ein kostenloses DPD-Etikett für den Versand zu uns.",
        "Schicken Sie Schuhe oder Tasche gut verpackt und ohne Schuhkarton ein.",
        "Nach der Reparatur schicken wir Ihnen die Ware mit Rechnung zurück. Der Rückversand kostet 4,95 €.",
    ):
        doc.add_paragraph(step, style="List Bullet")
    doc.add_heading("Garantiefälle", level=2)
    doc.add_paragraph(
        "Fällt eine Reparatur unter unsere Sohlengarantie für die Linie „Kranich Manufaktur“ (siehe AGB), ist sie "
        "für Sie kostenlos, einschließlich Hin- und Rückversand. Wählen Sie dazu im Reparaturauftrag „Garantiefall“."
    )
    doc.add_heading("Bezahlung", level=2)
    doc.add_paragraph(
        "Reparaturen bezahlen Sie nach Erhalt per Rechnung, innerhalb von 14 Tagen. Aktionscodes gelten für den "
        "Reparaturservice nicht."
    )
    doc.save(OUT)


if __name__ == "__main__":
    main()

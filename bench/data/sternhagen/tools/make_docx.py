#!/usr/bin/env python3
"""Write knowledge/masshemden-aenderungsservice.docx with python-docx.

A Word document the way a service team keeps its price list: a Title, headings that Word numbers itself
(a multi-level list bound to the styles Heading 1 and Heading 2, so "1", "1.1", "2.3" are not part of the
heading text), paragraphs, bullet lists, a small price table for made-to-measure shirts and a long price table for
alterations whose header row is marked to repeat on every page (w:tblHeader). The title is also set in the
document properties.

    .venv/bin/python tools/make_docx.py      # any Python with python-docx
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

OUT = Path(__file__).resolve().parent.parent / "knowledge" / "masshemden-aenderungsservice.docx"
TITLE = "Maßhemden und Änderungsservice"
NUM_ID = 90

MASSHEMD_PRICES = [
    ("Maßhemd aus Popeline", "119,00 €", "Grundpreis, Klassiker für das Büro"),
    ("Maßhemd aus Oxford", "129,00 €", "Grundpreis, etwas kräftiger"),
    ("Maßhemd aus Twill", "139,00 €", "Grundpreis, knitterarm"),
    ("Maßhemd aus Leinen", "149,00 €", "Grundpreis, nur Sommerkollektion"),
    ("Monogramm (bis 3 Buchstaben)", "9,00 €", "Aufpreis, auf Brusttasche oder Manschette"),
    ("Kontrastkragen", "12,00 €", "Aufpreis"),
    ("Perlmuttknöpfe", "15,00 €", "Aufpreis"),
    ("Umschlagmanschette", "ohne Aufpreis", "für Manschettenknöpfe"),
    ("Neuanfertigung bei eigenen Messfehlern", "49,00 €", "einmalig, mit korrigierten Maßen"),
]

ALTERATIONS = [
    ("Anzughose kürzen, einfacher Saum", "12,00 €", "3 Werktage", "in Wuppertal und Düsseldorf auch sofort"),
    ("Anzughose kürzen mit Aufschlag", "16,00 €", "3 Werktage", "Aufschlagbreite 4 cm"),
    ("Chino kürzen", "12,00 €", "3 Werktage", ""),
    ("Jeans kürzen mit Originalsaum", "18,00 €", "5 Werktage", "nur in der Filiale"),
    ("Hosenbund weiter oder enger machen", "19,00 €", "5 Werktage", "höchstens 4 cm"),
    ("Hose verlängern", "15,00 €", "5 Werktage", "nur wenn genug Saumzugabe vorhanden ist"),
    ("Hosenbeine schmaler machen", "22,00 €", "5 Werktage", ""),
    ("Sakkoärmel kürzen, Zierknöpfe", "24,00 €", "5 Werktage", ""),
    ("Sakkoärmel kürzen, offene Knopflöcher", "45,00 €", "10 Werktage", "Linie „Sternhagen Manufaktur“"),
    ("Sakkoärmel verlängern", "29,00 €", "5 Werktage", "nur wenn genug Stoff vorhanden ist"),
    ("Sakko taillieren", "35,00 €", "7 Werktage", ""),
    ("Sakko in der Länge kürzen", "59,00 €", "10 Werktage", "höchstens 3 cm"),
    ("Sakko: Futter erneuern", "79,00 €", "10 Werktage", ""),
    ("Weste enger machen", "19,00 €", "5 Werktage", ""),
    ("Mantelärmel kürzen", "29,00 €", "7 Werktage", ""),
    ("Mantel taillieren", "39,00 €", "7 Werktage", ""),
    ("Hemdärmel kürzen", "15,00 €", "3 Werktage", "Manschette wird versetzt"),
    ("Hemd taillieren", "18,00 €", "3 Werktage", ""),
    ("Hemdkragen wenden", "16,00 €", "5 Werktage", "nur bei ungeschädigtem Stoff"),
    ("Knopf annähen", "kostenlos", "sofort", "Ersatzknopf liegt dem Artikel bei"),
    ("Reißverschluss an der Hose ersetzen", "18,00 €", "5 Werktage", ""),
    ("Reißverschluss am Mantel ersetzen", "34,00 €", "7 Werktage", ""),
    ("Kleine Naht schließen", "6,00 €", "3 Werktage", "bis 10 cm"),
    ("Dampfbügeln eines Anzugs", "14,00 €", "2 Werktage", ""),
]


def add_heading_numbering(document: Document) -> None:
    """A multi-level list (1 / 1.1) bound to Heading 1 and Heading 2."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(NUM_ID))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "multilevel")
    abstract.append(multi)
    for level, (style, text, indent) in enumerate((("Heading1", "%1", 432), ("Heading2", "%1.%2", 576))):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (
            ("w:start", "1"),
            ("w:numFmt", "decimal"),
            ("w:pStyle", style),
            ("w:lvlText", text),
            ("w:lvlJc", "left"),
        ):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            lvl.append(child)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(indent))
        ind.set(qn("w:hanging"), str(indent))
        ppr.append(ind)
        lvl.append(ppr)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(NUM_ID))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(NUM_ID))
    num.append(ref)
    numbering.append(num)
    for style_name, level in (("Heading 1", 0), ("Heading 2", 1)):
        ppr = document.styles[style_name].element.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        ilvl = OxmlElement("w:ilvl")
        ilvl.set(qn("w:val"), str(level))
        num_id = OxmlElement("w:numId")
        num_id.set(qn("w:val"), str(NUM_ID))
        num_pr.append(ilvl)
        num_pr.append(num_id)
        # schema order of w:pPr: pStyle, keepNext, keepLines, pageBreakBefore, framePr, widowControl, numPr, ...
        before = [
            child
            for child in ppr
            if child.tag
            in {
                qn("w:pStyle"),
                qn("w:keepNext"),
                qn("w:keepLines"),
                qn("w:pageBreakBefore"),
                qn("w:framePr"),
                qn("w:widowControl"),
            }
        ]
        if before:
            before[-1].addnext(num_pr)
        else:
            ppr.insert(0, num_pr)


def mark_header_row(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")  # schema order of w:trPr: ... cantSplit, trHeight, tblHeader ...
    tr_pr.append(cant_split)
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def add_table(document: Document, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=False):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    mark_header_row(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=False):
            cell.text = text


def bullets(document: Document, items: list[str]) -> None:
    for item in items:
        document.add_paragraph(item, style="List Bullet")


def main() -> None:
    document = Document()
    document.core_properties.title = TITLE
    document.core_properties.subject = "Maßhemden, Änderungsschneiderei, Preise"
    document.core_properties.author = "Sternhagen Herrenmode GmbH, Kundenservice"
    document.styles["Normal"].font.size = Pt(11)
    add_heading_numbering(document)

    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph(
        "Stand: März 2026. Dieses Dokument gilt für Bestellungen im Onlineshop und in allen vier Filialen von "
        "Sternhagen Herrenmode."
    )

    document.add_heading("Maßhemden", level=1)
    document.add_paragraph(
        "Ein Maßhemd von Sternhagen wird nach Ihren persönlichen Maßen in unserer Partnermanufaktur in Porto "
        "gefertigt. Sie wählen Stoff, Kragen, Manschette und Passform selbst."
    )

    document.add_heading("So bestellen Sie ein Maßhemd", level=2)
    bullets(
        document,
        [
            "Online im Maßhemd-Konfigurator: Geben Sie Ihre Maße ein oder übernehmen Sie Ihr gespeichertes Maßprofil.",
            "In der Filiale: In allen vier Filialen nehmen wir Ihre Maße kostenlos, nach Terminvereinbarung. Ein "
            "Termin dauert etwa 30 Minuten. Ihre Maße speichern wir in Ihrem Maßprofil für die nächste Bestellung.",
        ],
    )

    document.add_heading("Preise", level=2)
    document.add_paragraph(
        "Der Grundpreis richtet sich nach dem Stoff. Extras kommen zum Grundpreis hinzu: Ein Maßhemd aus Twill "
        "mit Perlmuttknöpfen kostet also 139,00 € plus 15,00 €."
    )
    add_table(document, ("Position", "Preis", "Hinweis"), MASSHEMD_PRICES)

    document.add_heading("Lieferzeit und Versand", level=2)
    document.add_paragraph(
        "Maßhemden liefern wir 15 Werktage nach der Bestellung, in alle unsere Lieferländer und immer "
        "versandkostenfrei. Wir liefern sie an Ihre Hausadresse oder per Click & Collect in eine Filiale. An "
        "Packstationen liefern wir Maßhemden nicht, und eine Expresslieferung ist für Maßhemden nicht möglich."
    )

    document.add_heading("Bezahlung", level=2)
    document.add_paragraph(
        "Maßhemden bezahlen Sie bei der Bestellung mit PayPal, Kreditkarte oder Apple Pay, auch wenn Sie das Hemd "
        "in einer Filiale abholen. Kauf auf Rechnung, Lastschrift, iDEAL, Bancontact und die Zahlung bei Abholung "
        "sind für Maßhemden nicht möglich. Aktionsgutscheine gelten nicht für Maßhemden, Geschenkkarten schon."
    )

    document.add_heading("Stornierung, Rückgabe und Passformversprechen", level=2)
    document.add_paragraph(
        "Ein Maßhemd können Sie bis 24 Stunden nach der Bestellung kostenlos stornieren. Danach beginnt der "
        "Zuschnitt. Weil jedes Maßhemd nur für Sie gefertigt wird, sind Maßhemden vom Rückgaberecht und vom "
        "Widerrufsrecht ausgeschlossen."
    )
    document.add_paragraph(
        "Unser Passformversprechen: Passt Ihr Maßhemd trotz richtig angegebener Maße nicht, fertigen wir es "
        "einmal kostenlos neu. Melden Sie sich dafür innerhalb von 30 Tagen nach Erhalt beim Kundenservice. Haben "
        "Sie sich selbst vermessen, fertigen wir das Hemd mit korrigierten Maßen für 49,00 € neu."
    )

    document.add_heading("Änderungsservice", level=1)
    document.add_paragraph(
        "Unsere Schneiderei ändert Anzüge, Sakkos, Hosen, Hemden und Mäntel, die Sie bei Sternhagen gekauft "
        "haben, online oder in einer Filiale. Kleidung, die Sie woanders gekauft haben, ändern wir nicht."
    )

    document.add_heading("Änderung direkt bei der Bestellung", level=2)
    document.add_paragraph(
        "Bei Anzughosen und Chinos wählen Sie im Shop die Option „Hose kürzen lassen“ und geben Ihre gewünschte "
        "Schrittlänge an. Die Lieferung dauert dann 3 Werktage länger. Eine Hose, die wir auf Ihren Wunsch gekürzt "
        "oder geändert haben, können Sie nicht zurückgeben oder umtauschen. Haben wir anders gekürzt als "
        "angegeben, bessern wir kostenlos nach."
    )

    document.add_heading("Änderung in der Filiale", level=2)
    bullets(
        document,
        [
            "Wuppertal und Düsseldorf haben eine eigene Änderungsschneiderei. Dort kürzen wir Anzughosen, während "
            "Sie warten, in etwa 30 Minuten.",
            "Köln und Münster nehmen Änderungen an und schicken die Kleidung in unsere Schneiderei nach Wuppertal. "
            "Sie können sie nach etwa 7 Werktagen in Ihrer Filiale abholen.",
            "In der Filiale zahlen Sie dieselben Preise wie online.",
        ],
    )

    document.add_heading("Preisliste Änderungsservice", level=2)
    document.add_paragraph(
        "Die Bearbeitungszeit gilt ab Eingang der Kleidung in unserer Schneiderei. Alle Preise verstehen sich pro "
        "Kleidungsstück."
    )
    add_table(document, ("Leistung", "Preis", "Bearbeitungszeit", "Hinweis"), ALTERATIONS)

    document.add_paragraph(
        "Fragen zu Maßhemden und Änderungen beantwortet Ihnen unser Kundenservice unter 0202 947 31 60 oder "
        "service@sternhagen-herrenmode.example."
    )

    OUT.parent.mkdir(parents=True, exist_ok=True)
    document.save(OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

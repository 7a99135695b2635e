# ruff: noqa: E501
"""Writes the two DOCX pages of the knowledge base with python-docx:

    knowledge/agb-auszug.docx              AGB excerpt
    knowledge/datenschutz-anfragen.docx    data-protection requests

    /work/main/.venv/bin/python tools/make_docx.py

Both use numbered headings whose numbers are part of the heading text ("3. Preise und Versandkosten" as Heading 1,
"3.2 Versandkosten" as Heading 2) and real Word footnotes. python-docx cannot write footnotes, so the document is
built with a marker run where each footnote reference belongs; the saved package is then patched: the marker run is
replaced by a <w:footnoteReference>, and word/footnotes.xml (with its relationship, content type, styles and the
footnotePr in settings.xml) is added. Word, LibreOffice and python-docx open the result.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
KNOWLEDGE = HERE.parent / "knowledge"
MARK = "\u27e6FN{}\u27e7"  # ⟦FN1⟧
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# ------------------------------------------------------------------------------------------------ the AGB
AGB_TITLE = "AGB – Allgemeine Geschäftsbedingungen (Auszug)"
AGB = [
    ("title", AGB_TITLE),
    ("p", "Wiesental Heimtextilien GmbH · Stand: 1. September 2026"),
    ("h1", "1. Geltungsbereich"),
    ("h2", "1.1 Vertragspartner"),
    (
        "p",
        "Vertragspartner ist die Wiesental Heimtextilien GmbH, Am Gewerbekanal 7, 79650 Schopfheim, ein Unternehmen der Hallwang Modegruppe (Registergericht Freiburg, HRB 712345).",
    ),
    ("h2", "1.2 Bestellwege"),
    (
        "p",
        "Diese Geschäftsbedingungen gelten für alle Bestellungen über unseren Onlineshop, per Telefon und mit der Bestellkarte aus unserem Katalog.",
    ),
    ("h1", "2. Vertragsschluss"),
    ("h2", "2.1 Angebot"),
    (
        "p",
        "Die Darstellung der Artikel im Onlineshop und im Katalog ist kein bindendes Angebot. Mit dem Klick auf „Zahlungspflichtig bestellen“ geben Sie ein verbindliches Angebot ab.",
    ),
    ("h2", "2.2 Annahme"),
    (
        "p",
        "Die Eingangsbestätigung per E-Mail ist noch keine Annahme Ihres Angebots. Der Vertrag kommt mit unserer Versandbestätigung zustande, bei Gardinen nach Maß mit der Auftragsbestätigung unseres Nähateliers.",
    ),
    ("h1", "3. Preise und Versandkosten"),
    ("h2", "3.1 Preise"),
    ("p", "Alle Preise sind Endpreise und enthalten die gesetzliche Mehrwertsteuer."),
    ("h2", "3.2 Versandkosten"),
    (
        "p",
        "Für Lieferungen innerhalb Deutschlands berechnen wir 5,25 € je Bestellung. Ab einem Warenwert von 69 € liefern wir versandkostenfrei.[[1]] Die Versandkosten für andere Lieferländer nennt die Seite „Lieferung ins Ausland“.",
    ),
    ("h2", "3.3 Spedition"),
    (
        "p",
        "Bestellungen mit mehr als 30 kg Gesamtgewicht liefern wir innerhalb Deutschlands per Spedition frei Bordsteinkante. Die Speditionslieferung kostet 49 € je Bestellung und ist ab einem Warenwert von 1.200 € kostenlos.",
    ),
    ("h1", "4. Lieferung"),
    ("h2", "4.1 Lieferländer"),
    ("p", "Wir liefern nach Deutschland, Österreich, in die Schweiz, nach Liechtenstein und nach Frankreich."),
    ("h2", "4.2 Gardinen nach Maß"),
    ("p", "Gardinen nach Maß liefern wir nur nach Deutschland, Österreich, in die Schweiz und nach Liechtenstein."),
    ("h2", "4.3 Teillieferungen"),
    ("p", "Teillieferungen sind für Sie kostenlos."),
    ("h1", "5. Zahlung"),
    ("h2", "5.1 Zahlungsarten"),
    (
        "p",
        "Welche Zahlungsarten Ihnen zur Verfügung stehen, sehen Sie im Bestellprozess und auf der Seite „Zahlungsarten“.",
    ),
    ("h2", "5.2 Kauf auf Rechnung"),
    (
        "p",
        "Beim Kauf auf Rechnung ist der Rechnungsbetrag innerhalb von 10 Tagen ab Lieferung fällig. Die erste Zahlungserinnerung ist kostenlos; für jede weitere Mahnung berechnen wir 2,00 €.",
    ),
    ("h2", "5.3 Eigentumsvorbehalt"),
    ("p", "Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum."),
    ("h1", "6. Gardinen nach Maß"),
    ("h2", "6.1 Maßangaben"),
    (
        "p",
        "Für die Richtigkeit der angegebenen Maße sind Sie verantwortlich. Unsere Messanleitung finden Sie auf der Seite „Nähservice: Gardinen nach Maß ausmessen und bestellen“.",
    ),
    ("h2", "6.2 Maßtoleranz"),
    (
        "p",
        "Fertigungsbedingt gilt eine Maßtoleranz von ±1,5 cm in der Höhe und ±2 % in der Breite.[[2]] Abweichungen innerhalb dieser Toleranz sind kein Mangel.",
    ),
    ("h2", "6.3 Preisstufen"),
    ("p", "Zwischenmaße berechnen wir nach der nächsthöheren Preisstufe unserer Preisliste."),
    ("h2", "6.4 Keine Rückgabe"),
    ("p", "Gardinen nach Maß sind vom freiwilligen Rückgaberecht und vom gesetzlichen Widerrufsrecht ausgeschlossen."),
    ("h1", "7. Freiwilliges Rückgaberecht"),
    ("h2", "7.1 Frist"),
    (
        "p",
        "Zusätzlich zum gesetzlichen Widerrufsrecht räumen wir Ihnen ein freiwilliges Rückgaberecht von 35 Tagen ab Zustellung ein.",
    ),
    ("h2", "7.2 Voraussetzungen"),
    (
        "p",
        "Voraussetzung ist, dass die Ware unbenutzt und ungewaschen ist. Ihre gesetzlichen Rechte bleiben davon unberührt.",
    ),
    ("h1", "8. Gewährleistung und Garantie"),
    ("h2", "8.1 Gewährleistung"),
    ("p", "Es gilt die gesetzliche Gewährleistung von 2 Jahren ab Lieferung."),
    ("h2", "8.2 Nahtgarantie"),
    ("p", "Auf die Nähte unserer Gardinen nach Maß geben wir zusätzlich eine Garantie von 3 Jahren ab Lieferung.[[3]]"),
    ("h2", "8.3 Materialeigenschaften"),
    (
        "p",
        "Natürliche Eigenschaften der Materialien sind kein Mangel, etwa kleine Verdickungen im Leinengarn oder ein Einlaufen von Leinen um bis zu 4 % bei der ersten Wäsche.",
    ),
    ("h1", "9. Streitbeilegung"),
    ("h2", "9.1 Verbraucherschlichtung"),
    (
        "p",
        "Wir sind bereit, an Streitbeilegungsverfahren vor der Allgemeinen Verbraucherschlichtungsstelle des Zentrums für Schlichtung e. V., Straßburger Straße 8, 77694 Kehl am Rhein, teilzunehmen.",
    ),
    ("h1", "10. Schlussbestimmungen"),
    ("h2", "10.1 Anwendbares Recht"),
    (
        "p",
        "Es gilt das Recht der Bundesrepublik Deutschland unter Ausschluss des UN-Kaufrechts. Gegenüber Verbrauchern gilt diese Rechtswahl nur, soweit ihnen dadurch nicht der Schutz zwingender Bestimmungen des Staates entzogen wird, in dem sie ihren gewöhnlichen Aufenthalt haben.",
    ),
]
AGB_NOTES = [
    "Für Lieferungen auf die deutschen Nord- und Ostseeinseln berechnen wir einen Inselzuschlag von 7,00 € je Bestellung, auch wenn die Bestellung sonst versandkostenfrei ist.",
    "Bei Leinen und Samt beträgt die Toleranz in der Höhe ±2,5 cm, weil diese Stoffe beim Nähen und Aufhängen nachgeben.",
    "Die Garantie gilt nicht für Schäden durch Waschen über 30 °C oder durch den Wäschetrockner.",
]

# -------------------------------------------------------------------------------------- data protection
DS_TITLE = "Datenschutz: Auskunft, Löschung und Werbewiderspruch"
DATENSCHUTZ = [
    ("title", DS_TITLE),
    (
        "p",
        "Hier erklären wir, wie Sie Ihre Datenschutzrechte bei Wiesental Heimtextilien wahrnehmen. Die vollständige Datenschutzerklärung finden Sie auf unserer Website.",
    ),
    ("h1", "1. Verantwortliche Stelle"),
    ("h2", "1.1 Verantwortlicher"),
    (
        "p",
        "Verantwortlich für die Verarbeitung Ihrer Daten ist die Wiesental Heimtextilien GmbH, Am Gewerbekanal 7, 79650 Schopfheim.",
    ),
    ("h2", "1.2 Datenschutzbeauftragter"),
    (
        "p",
        "Unser Datenschutzbeauftragter ist Benedikt Kronauer von der Kronauer Datenschutzberatung in Freiburg. Er ist als externer Datenschutzbeauftragter für uns tätig und unter dsb@wiesental-heimtextilien.example erreichbar.",
    ),
    ("h1", "2. Ihre Rechte"),
    ("h2", "2.1 Auskunft"),
    (
        "p",
        "Sie können jederzeit kostenlos Auskunft darüber verlangen, welche Daten wir über Sie gespeichert haben.[[1]]",
    ),
    ("h2", "2.2 Berichtigung"),
    (
        "p",
        "Anschrift, E-Mail-Adresse und Telefonnummer korrigieren Sie selbst im Kundenkonto. Alle anderen Angaben berichtigen wir auf Ihre Anfrage.",
    ),
    ("h2", "2.3 Löschung"),
    (
        "p",
        "Sie können verlangen, dass wir Ihre Daten löschen.[[2]] Daten, die wir aus gesetzlichen Gründen aufbewahren müssen, sperren wir bis zum Ablauf der Frist und löschen sie danach.",
    ),
    ("h2", "2.4 Widerspruch gegen Werbung"),
    (
        "p",
        "Sie können der Verwendung Ihrer Daten für Werbung jederzeit widersprechen; wie das geht, steht in Abschnitt 6.",
    ),
    ("h1", "3. So stellen Sie eine Anfrage"),
    ("h2", "3.1 Kontaktweg"),
    (
        "p",
        "Schreiben Sie eine E-Mail an datenschutz@wiesental-heimtextilien.example oder einen Brief mit dem Stichwort „Datenschutz“ an die Anschrift unter 1.1. Bitte nennen Sie Ihre Kundennummer oder eine Bestellnummer.",
    ),
    ("h2", "3.2 Identitätsprüfung"),
    (
        "p",
        "Damit niemand fremde Daten anfordern kann, schicken wir Ihnen vorab einen sechsstelligen Code an die E-Mail-Adresse, die bei uns hinterlegt ist.",
    ),
    ("h2", "3.3 Bearbeitungszeit"),
    ("p", "Wir beantworten Ihre Anfrage innerhalb von 15 Werktagen.[[3]] Die Anfrage ist für Sie kostenlos."),
    ("h1", "4. Kundenkonto löschen"),
    ("h2", "4.1 Selbst löschen"),
    (
        "p",
        "Ihr Kundenkonto können Sie selbst löschen: „Mein Konto“ > „Einstellungen“ > „Konto löschen“. Die Löschung wird nach 14 Tagen wirksam. Bis dahin können Sie sie über den Link in der Bestätigungs-E-Mail rückgängig machen.",
    ),
    ("h2", "4.2 Offene Vorgänge"),
    (
        "p",
        "Haben Sie noch offene Bestellungen, Rücksendungen oder Rechnungen, können Sie das Konto erst löschen, wenn diese abgeschlossen sind.",
    ),
    ("h1", "5. Wie lange wir Daten speichern"),
    ("h2", "5.1 Rechnungen und Buchungsbelege"),
    ("p", "Rechnungen und Buchungsbelege bewahren wir 8 Jahre auf.[[4]]"),
    ("h2", "5.2 Gespeicherte Fenstermaße"),
    (
        "p",
        "Fenstermaße, die Sie im Kundenkonto gespeichert haben, löschen wir 3 Jahre nach Ihrer letzten Bestellung, sofern Sie sie nicht vorher selbst löschen.",
    ),
    ("h2", "5.3 Stoffmuster"),
    ("p", "Haben Sie nur Stoffmuster angefordert und nichts bestellt, löschen wir Ihre Anschrift nach 6 Monaten."),
    ("h1", "6. Werbung abbestellen"),
    ("h2", "6.1 Newsletter"),
    (
        "p",
        "Den Newsletter bestellen Sie über den Abmeldelink am Ende jeder Ausgabe oder im Kundenkonto unter „Newsletter & Katalog“ ab.",
    ),
    ("h2", "6.2 Katalog"),
    (
        "p",
        "Möchten Sie keinen gedruckten Katalog mehr bekommen, schreiben Sie an datenschutz@wiesental-heimtextilien.example oder rufen Sie unseren Kundenservice an. Weil Kataloge lange im Voraus adressiert werden, kann es bis zu 6 Wochen dauern, bis keine Kataloge mehr bei Ihnen ankommen.",
    ),
]
DS_NOTES = [
    "Art. 15 DSGVO (Auskunftsrecht der betroffenen Person).",
    "Art. 17 DSGVO (Recht auf Löschung). Gesetzliche Aufbewahrungspflichten gehen der Löschung vor.",
    "In Ausnahmefällen erlaubt Art. 12 Abs. 3 DSGVO eine Verlängerung um zwei weitere Monate; darüber informieren wir Sie dann innerhalb der 15 Werktage.",
    "§ 147 Abgabenordnung und § 257 Handelsgesetzbuch.",
]


# ---------------------------------------------------------------------------------------------- building
def build(spec: list[tuple[str, str]], title: str) -> bytes:
    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.author = "Wiesental Heimtextilien GmbH"
    doc.core_properties.language = "de-DE"
    doc.styles["Normal"].font.size = Pt(10.5)
    for kind, text in spec:
        if kind == "title":
            doc.add_paragraph(text, style="Title")
        elif kind == "h1":
            doc.add_heading(text, level=1)
        elif kind == "h2":
            doc.add_heading(text, level=2)
        else:
            paragraph = doc.add_paragraph()
            for part in re.split(r"(\[\[\d+\]\])", text):
                if not part:
                    continue
                number = re.fullmatch(r"\[\[(\d+)\]\]", part)
                paragraph.add_run(MARK.format(number.group(1)) if number else part)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def footnotes_xml(notes: list[str]) -> str:
    parts = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">',
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    ]
    for number, note in enumerate(notes, 1):
        parts.append(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(note)}</w:t></w:r></w:p></w:footnote>'
        )
    parts.append("</w:footnotes>")
    return "".join(parts)


FOOTNOTE_STYLES = (
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>'
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
)


def add_footnotes(package: bytes, notes: list[str]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                for number in range(1, len(notes) + 1):
                    marker = re.escape(MARK.format(number))
                    pattern = rf"<w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t(?: [^>]*)?>{marker}</w:t></w:r>"
                    reference = (
                        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                        f'<w:footnoteReference w:id="{number}"/></w:r>'
                    )
                    text, count = re.subn(pattern, reference, text)
                    if count != 1:
                        raise SystemExit(f"footnote marker {number}: found {count} times")
                if "\u27e6" in text:
                    raise SystemExit("a footnote marker is left in document.xml")
                data = text.encode("utf-8")
            elif item.filename == "word/_rels/document.xml.rels":
                data = (
                    data.decode("utf-8")
                    .replace(
                        "</Relationships>",
                        '<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
                    )
                    .encode("utf-8")
                )
            elif item.filename == "[Content_Types].xml":
                data = (
                    data.decode("utf-8")
                    .replace(
                        "</Types>",
                        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                    )
                    .encode("utf-8")
                )
            elif item.filename == "word/styles.xml":
                data = data.decode("utf-8").replace("</w:styles>", FOOTNOTE_STYLES + "</w:styles>").encode("utf-8")
            elif item.filename == "word/settings.xml":
                text = data.decode("utf-8")
                text = text.replace(
                    "<w:compat>",
                    '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat>',
                    1,
                )  # schema order: footnotePr before compat
                data = text.encode("utf-8")
            target.writestr(item, data)
        target.writestr("word/footnotes.xml", footnotes_xml(notes))
    return out.getvalue()


def main() -> None:
    KNOWLEDGE.mkdir(parents=True, exist_ok=True)
    for name, spec, title, notes in (
        ("agb-auszug.docx", AGB, AGB_TITLE, AGB_NOTES),
        ("datenschutz-anfragen.docx", DATENSCHUTZ, DS_TITLE, DS_NOTES),
    ):
        path = KNOWLEDGE / name
        path.write_bytes(add_footnotes(build(spec, title), notes))
        print(f"wrote {path}")


if __name__ == "__main__":
    main()

"""Builds knowledge/reklamation-transportschaden.docx (headings and numbered steps) with python-docx.

    /path/to/python-with-python-docx tools/make_docx.py

The text below is the page's whole content; the DOCX is written beside the other knowledge pages.
"""

from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

OUT = Path(__file__).resolve().parent.parent / "knowledge" / "reklamation-transportschaden.docx"
TITLE = "Reklamation und Transportschaden"

doc = Document()
doc.core_properties.title = TITLE
doc.core_properties.author = "Weidenau Kindermode GmbH"
doc.core_properties.language = "de-DE"


def para(text: str) -> None:
    doc.add_paragraph(text)


def _restarted_num_id() -> int:
    """A new numbering instance of the "List Number" list that starts again at 1."""
    numbering = doc.part.numbering_part.element
    style = doc.styles["List Number"]
    base_num_id = int(style.element.pPr.numPr.numId.val)
    abstract_id = None
    for num in numbering.findall(qn("w:num")):
        if int(num.get(qn("w:numId"))) == base_num_id:
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    new_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(new_id))
    abstract = OxmlElement("w:abstractNumId")
    abstract.set(qn("w:val"), abstract_id)
    num.append(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    return new_id


def steps(items: list[str]) -> None:
    """A numbered list (Word numbering, style "List Number") that starts at 1."""
    num_id = _restarted_num_id()
    for item in items:
        paragraph = doc.add_paragraph(item, style="List Number")
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num_id


doc.add_heading(TITLE, level=1)
para(
    "Es tut uns leid, wenn bei Ihrer Bestellung etwas schiefgegangen ist. Auf dieser Seite lesen Sie, was Sie bei "
    "einem beschädigten Paket, einem fehlerhaften, falschen oder fehlenden Artikel tun und welche Garantie wir geben."
)

doc.add_heading("Das Paket ist beschädigt angekommen", level=2)
para(
    "Ist der Karton schon bei der Zustellung sichtbar beschädigt, lassen Sie sich den Schaden bitte vom "
    "DPD-Zusteller bestätigen. Transportschäden melden Sie uns bitte innerhalb von 14 Tagen nach der Zustellung. "
    "So gehen Sie vor:"
)
steps(
    [
        "Fotografieren Sie den Karton von außen und den beschädigten Artikel.",
        "Öffnen Sie in „Mein Weidenau“ unter „Meine Bestellungen“ die Bestellung und klicken Sie auf „Problem melden“. "
        "Ohne Kundenkonto nutzen Sie das Formular unter weidenau-kindermode.example/reklamation.",
        "Laden Sie bis zu 6 Fotos hoch und beschreiben Sie kurz, was beschädigt ist.",
        "Wir prüfen Ihre Meldung innerhalb von 2 Werktagen und schicken Ihnen ein kostenloses Rücksendelabel.",
        "Sie entscheiden, ob Sie einen Ersatzartikel oder Ihr Geld zurück möchten.",
    ]
)

doc.add_heading("Ein Artikel hat einen Mangel", level=2)
para(
    "Geht eine Naht auf, löst sich ein Druckknopf oder ist ein Artikel schon bei der Lieferung fehlerhaft, "
    "reklamieren Sie ihn bitte auf demselben Weg wie einen Transportschaden. Bitte verwenden Sie für fehlerhafte "
    "Ware nicht das normale Retourenportal. Bei Mängeln haften wir nach dem Gesetz 2 Jahre ab der Lieferung."
)
steps(
    [
        "Wählen Sie unter „Problem melden“ den Grund „Artikel fehlerhaft“.",
        "Laden Sie ein Foto des Mangels hoch.",
        "Schicken Sie den Artikel mit dem kostenlosen Rücksendelabel an uns zurück.",
        "Wir reparieren den Artikel, schicken Ihnen Ersatz oder erstatten den Kaufpreis.",
    ]
)

doc.add_heading("Falscher oder fehlender Artikel", level=2)
para(
    "Fehlt ein Artikel in Ihrem Paket oder haben Sie einen anderen Artikel bekommen als bestellt, melden Sie das "
    "bitte ebenfalls innerhalb von 14 Tagen unter „Problem melden“. Den richtigen Artikel schicken wir Ihnen "
    "kostenlos per Express, einen falschen Artikel senden Sie mit unserem kostenlosen Label zurück."
)

doc.add_heading("Knie-Garantie für „Weidenau Robust“", level=2)
para(
    "Auf die verstärkten Knie unserer Matschhosen und Outdoorhosen der Linie „Weidenau Robust“ geben wir 12 Monate "
    "Garantie ab der Lieferung. Reißt ein Knie durch, reparieren oder ersetzen wir die Hose kostenlos. Melden Sie "
    "den Schaden dazu wie oben unter „Problem melden“ mit dem Grund „Knie-Garantie“."
)

doc.add_heading("Beschwerde über unseren Service", level=2)
para(
    "Sind Sie mit unserem Service unzufrieden, schreiben Sie bitte an beschwerde@weidenau-kindermode.example. "
    "Ihre Nachricht liest eine Teamleitung, und Sie bekommen innerhalb von 5 Werktagen eine persönliche Antwort."
)

doc.save(OUT)
print(f"wrote {OUT}")

#!/usr/bin/env python3
# ruff: noqa: E501
"""Write knowledge/kleiderabo-leitfaden.docx, the clothing-subscription guide (python-docx).

A Word guide as a marketing team would write it: title in the document properties and as the first paragraph
(style Title), a running header and a footer with a PAGE field, headings and body text, and two text boxes
(Word's DrawingML text box inside mc:AlternateContent with the VML fallback, as Word itself saves them) that hold
the rules for pausing and cancelling. The text boxes' text is not in python-docx's `Document.paragraphs`; it is
in the XML under w:txbxContent (twice: once in the DrawingML choice and once in the VML fallback).

    python3 tools/make_docx.py      # python-docx from ../.pylib (pip install --target .pylib python-docx) or the environment
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / ".pylib"))

from docx import Document  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402
from docx.shared import Pt, RGBColor  # noqa: E402

OUT = ROOT / "knowledge" / "kleiderabo-leitfaden.docx"
TITLE = "Kleiderabo – Leitfaden"

BOX_PAUSE = (
    "Pause einlegen – so geht's",
    [
        "In deinem Kundenkonto unter „Mein Kleiderabo“ › „Pause einlegen“ pausierst du dein Abo für 1, 2 oder 3 Monate. Länger als 3 Monate am Stück geht nicht; danach kannst du aber erneut pausieren.",
        "Eine Pause, die spätestens 10 Tage vor Monatsende bei uns eingeht, gilt schon für die Box des nächsten Monats. Während der Pause zahlst du nichts.",
    ],
)
BOX_CANCEL = (
    "Kündigen – so geht's",
    [
        "Die Mindestlaufzeit beträgt 2 Monate. Danach kannst du jederzeit zum Monatsende kündigen: in deinem Kundenkonto unter „Mein Kleiderabo“ › „Abo kündigen“ oder per E-Mail an abo@kiefernhain.example.",
        "Geht deine Kündigung spätestens 10 Tage vor Monatsende bei uns ein, bekommst du keine weitere Box. Eine Box, die schon unterwegs ist, kannst du wie gewohnt anprobieren und zurückschicken.",
    ],
)


def _box_paragraphs(title: str, lines: list[str]) -> str:
    paras = [
        f'<w:p><w:pPr><w:spacing w:after="80"/></w:pPr><w:r><w:rPr><w:b/><w:color w:val="3F5F31"/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">{escape(title)}</w:t></w:r></w:p>'
    ]
    for line in lines:
        paras.append(
            f'<w:p><w:pPr><w:spacing w:after="80"/></w:pPr><w:r><w:rPr><w:sz w:val="21"/></w:rPr><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
        )
    return "".join(paras)


def text_box(box_id: int, title: str, lines: list[str]) -> object:
    """A paragraph holding one text box, written the way Word saves it (DrawingML choice, VML fallback)."""
    content = _box_paragraphs(title, lines)
    cx, cy = 5760720, 1280160  # 16 cm x 3,56 cm (EMU)
    xml = f"""<w:p {nsdecls("w")} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word"><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="91440" distB="91440" distL="114300" distR="114300" simplePos="0" relativeHeight="{251659264 + box_id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="0"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/><wp:docPr id="{box_id}" name="Textfeld {box_id}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="EEF3EA"/></a:solidFill><a:ln w="12700"><a:solidFill><a:srgbClr val="5B7F4A"/></a:solidFill></a:ln></wps:spPr><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="108000" tIns="72000" rIns="108000" bIns="72000" anchor="t" anchorCtr="0"><a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="Textfeld {box_id}" o:spid="_x0000_s{1025 + box_id}" type="#_x0000_t202" style="position:absolute;margin-left:0;margin-top:0;width:453.6pt;height:100.8pt;z-index:{251659264 + box_id};mso-position-horizontal:center;mso-position-horizontal-relative:margin" fillcolor="#eef3ea" strokecolor="#5b7f4a" strokeweight="1pt"><v:textbox style="mso-fit-shape-to-text:t"><w:txbxContent>{content}</w:txbxContent></v:textbox><w10:wrap type="topAndBottom"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"""
    return parse_xml(xml)


def page_field_paragraph(paragraph, before: str, after: str) -> None:
    paragraph.add_run(before)
    paragraph._p.append(
        parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )
    paragraph.add_run(after)


def main() -> None:
    doc = Document()
    props = doc.core_properties
    props.title = TITLE
    props.author = "Kiefernhain Kleiderabo-Team"
    props.subject = "Leitfaden für Abonnentinnen und Abonnenten"
    props.keywords = "Kleiderabo, Box, Pause, Kündigung"

    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)

    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.text = "Kiefernhain Second Hand & Re-Fashion  |  Kleiderabo-Leitfaden"
    header.runs[0].font.size = Pt(8)
    header.runs[0].font.color.rgb = RGBColor(0x6B, 0x6B, 0x6B)
    footer = section.footer.paragraphs[0]
    page_field_paragraph(footer, "Stand: Oktober 2026  ·  Seite ", "  ·  Fragen? abo@kiefernhain.example")
    for run in footer.runs:
        run.font.size = Pt(8)

    doc.add_paragraph(TITLE, style="Title")
    doc.add_paragraph("Alles, was du als Abonnentin oder Abonnent wissen musst", style="Subtitle")

    doc.add_heading("So funktioniert dein Kleiderabo", level=1)
    doc.add_paragraph(
        "Mit dem Kleiderabo bekommst du jeden Monat eine Box mit 5 Second-Hand-Teilen, die unsere Stylistinnen nach "
        "deinem Stilprofil aussuchen. Die Box kommt in der ersten Woche des Monats bei dir an."
    )
    doc.add_paragraph("Das Kleiderabo gibt es nur in Deutschland und Österreich.")

    doc.add_heading("Was kostet das Kleiderabo?", level=1)
    doc.add_paragraph(
        "Pro Box zahlst du eine Stylingpauschale von 19,90 €. Behältst du mindestens ein Teil, rechnen wir die "
        "Pauschale voll auf den Preis der behaltenen Teile an. Für jedes Teil, das du behältst, zahlst du den Preis, "
        "der auf dem Beileger steht. Behältst du alle 5 Teile, bekommst du 15 % Rabatt auf die ganze Box."
    )
    doc.add_paragraph(
        "Du bezahlst das Kleiderabo mit PayPal oder Kreditkarte; vorhandenes Kiefernhain-Guthaben verrechnen wir "
        "zuerst. Kauf auf Rechnung ist für das Kleiderabo nicht möglich."
    )

    doc.add_heading("Anprobe und Rücksendung", level=1)
    doc.add_paragraph(
        "Ab der Zustellung hast du 7 Tage Zeit, die Teile zu Hause anzuprobieren. Was du nicht behalten möchtest, "
        "schickst du mit dem beigelegten Rücksendelabel kostenlos zurück. Nach den 7 Tagen buchen wir den Betrag "
        "für die behaltenen Teile ab."
    )

    doc.add_heading("Stilprofil ändern", level=1)
    doc.add_paragraph(
        "Größen, Lieblingsfarben, Marken und No-Gos änderst du jederzeit in deinem Kundenkonto unter "
        "„Mein Kleiderabo“ › „Stilprofil“. Je genauer dein Profil, desto besser passt die nächste Box."
    )

    doc.add_heading("Pause einlegen", level=1)
    doc.add_paragraph("Urlaub, Umzug oder einfach genug im Schrank? Dann leg eine Pause ein.")
    doc.element.body.insert(len(doc.element.body) - 1, text_box(1, *BOX_PAUSE))

    doc.add_heading("Kündigen", level=1)
    doc.add_paragraph("Wir finden es schade, aber natürlich kannst du dein Kleiderabo beenden.")
    doc.element.body.insert(len(doc.element.body) - 1, text_box(2, *BOX_CANCEL))
    doc.add_paragraph("Wie du das Kleiderabo in den ersten 14 Tagen widerrufst, steht in unserer Widerrufsbelehrung.")

    doc.save(str(OUT))
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

"""Real knowledge files for the tests: PDFs made with fpdf2, Word files with python-docx, HTML with boilerplate."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from fpdf import FPDF

NAV_WORDS = ("Damenmode", "Herrenmode", "Wohnen", "Sale-Highlights", "Merkzettel")
FOOTER_WORDS = ("Impressum", "Newsletter abonnieren", "Zahlungsarten im Überblick", "Cookie-Einstellungen")


def pdf_bytes(pages: Sequence[str], *, title: str | None = None, password: str | None = None) -> bytes:
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    return bytes(pdf.output())


def docx_bytes(title: str, sections: Sequence[tuple[str, str]], table: Sequence[Sequence[str]] = ()) -> bytes:
    """A Word file: the title in the Title style, each (heading, text) as Heading 1 and a paragraph, then a table."""
    word = docx.Document()
    word.add_heading(title, level=0)
    for heading, text in sections:
        word.add_heading(heading, level=1)
        word.add_paragraph(text)
    if table:
        grid = word.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def html_page(title: str, main: str, *, charset: str = "utf-8") -> str:
    """A shop page: header with navigation, the main content, a sidebar, a cookie banner and a footer."""
    nav = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in NAV_WORDS)
    footer = " ".join(f'<a href="/f{i}">{w}</a>' for i, w in enumerate(FOOTER_WORDS))
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="{charset}"><title>{title} | heine</title>
<script>window.dataLayer = [{{"page": "Damenmode"}}];</script><style>.nav {{ color: red }}</style></head>
<body>
<header class="site-header"><a href="/">heine</a><nav class="main-nav"><ul>{nav}</ul></nav>
<form role="search"><input name="q" placeholder="Suchbegriff"></form></header>
<main><article><h1>{title}</h1>{main}</article></main>
<aside><h3>Das könnte Sie interessieren</h3><ul><li><a href="/sale">Sale-Highlights</a></li></ul></aside>
<div role="dialog" class="cookie-banner">Wir verwenden Cookies. <a href="/c">Cookie-Einstellungen</a></div>
<footer class="site-footer"><p>{footer}</p><p>© heine</p></footer>
</body></html>"""


def write(path: Path, content: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


_FOOTNOTES_PART = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>{notes}</w:footnotes>'
)


def with_footnotes(word_file: bytes, notes: Sequence[str]) -> bytes:
    """A Word file whose text markers "[[1]]", "[[2]]", ... become references to real footnotes with ``notes``'s
    texts (python-docx writes no footnotes: the package is patched as Word would have written it)."""
    source, target = zipfile.ZipFile(io.BytesIO(word_file)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for entry in source.infolist():
            if not entry.filename.endswith((".xml", ".rels")):  # a thumbnail or font: copied as it is
                out.writestr(entry, source.read(entry.filename))
                continue
            text = source.read(entry.filename).decode("utf-8")
            if entry.filename == "word/document.xml":
                for number in range(1, len(notes) + 1):
                    text = text.replace(
                        f"[[{number}]]", f'</w:t></w:r><w:r><w:footnoteReference w:id="{number}"/></w:r><w:r><w:t>'
                    )
            elif entry.filename == "word/_rels/document.xml.rels":
                text = text.replace(
                    "</Relationships>",
                    '<Relationship Id="rIdNotes" Target="footnotes.xml" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/footnotes"/></Relationships>',
                )
            elif entry.filename == "[Content_Types].xml":
                text = text.replace(
                    "</Types>",
                    '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                    'officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            out.writestr(entry, text)
        body = "".join(
            f'<w:footnote w:id="{number}"><w:p><w:r><w:t xml:space="preserve"> {escape(note)}</w:t></w:r></w:p>'
            "</w:footnote>"
            for number, note in enumerate(notes, 1)
        )
        out.writestr("word/footnotes.xml", _FOOTNOTES_PART.format(notes=body))
    return target.getvalue()

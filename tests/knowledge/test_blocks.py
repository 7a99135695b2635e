"""Every format is read into the same plain blocks: whole sentences per line, no markup, tables as row statements."""

from __future__ import annotations

import io
import re

import docx
import pytest

from heine_ai.knowledge.blocks import Block, BlockKind
from heine_ai.knowledge.chunking import chunk_document
from heine_ai.knowledge.loaders import Origin
from heine_ai.knowledge.loaders.docx import read_docx
from heine_ai.knowledge.loaders.html import read_html
from heine_ai.knowledge.loaders.markdown import markdown_document, parse_markdown
from heine_ai.knowledge.loaders.pdf import pdf_blocks, read_pdf
from heine_ai.providers.llm.table_rows import lookup
from heine_ai.text import sentences
from tests.support.documents import html_page, pdf_bytes, with_footnotes

ORIGIN = Origin(source="page", url="/page", name="page")
# what no text that reaches a customer may show: Markdown, HTML, table syntax, front matter, a cut sentence
MARKUP = re.compile(
    r"\*\*|^#{1,6}\s|\|\s*:?-{3,}|\|[^|\n]{0,60}\||</?(?:table|tr|td|th|ul|ol|li|p|br|div|span)\b|\]\(|^---\s*$"
    r"|^(?:title|url|language):\s|(?:^|\s)(?:Frage|Antwort|F|A|Q):\s",
    re.MULTILINE,
)
CUT = re.compile(r"(?<!\bz)(?<!\bd)(?<!\bu)(?<!\bca)\.\s+(?-i:[a-zäöü][a-zäöüß]{2,})")

WRAPPED = """---
title: Bezahlen
url: /service/bezahlen
language: de
---

# Bezahlen

## Welche Zahlungsarten gibt es nicht?

**PayPal, Apple Pay und Nachnahme** bieten
wir derzeit nicht an. Bitte zahlen Sie mit
[Kreditkarte](https://example.com/karte) oder auf Rechnung.

## Größen

| Größe | Brustumfang (cm) | Taille in cm | Hüfte |
|------:|:----------------:|:------------:|------:|
| 42 | 96 | 80 | 104 cm |
| 44 | 100 | 84 | 108 cm |

## Geschenkkarten

- Geschenkkarten gibt es im Wert von 20 € und 50 €.
  - als E-Mail zum Selbstausdrucken
  - als Karte per Post, versandkostenfrei
- Eine Geschenkkarte ist 4 Jahre gültig.
  - Restguthaben bleibt auf der Karte erhalten.
"""


def lines(blocks: tuple[Block, ...]) -> list[str]:
    return [line for block in blocks for line in block.lines]


def assert_clean(text: str) -> None:
    assert MARKUP.search(text) is None, text
    assert CUT.search(text) is None, text


def test_a_hard_wrapped_paragraph_is_one_line_and_keeps_its_negation() -> None:
    document = markdown_document(WRAPPED, ORIGIN)
    assert (document.title, document.url, document.language) == ("Bezahlen", "/service/bezahlen", "de")
    assert (
        "PayPal, Apple Pay und Nachnahme bieten wir derzeit nicht an. Bitte zahlen Sie mit Kreditkarte oder auf "
        "Rechnung." in lines(document.blocks)
    )
    said = sentences("\n".join(chunk.text for chunk in chunk_document(document)))
    assert "PayPal, Apple Pay und Nachnahme bieten wir derzeit nicht an." in said
    assert not any(sentence.endswith("bieten") for sentence in said)


def test_a_table_row_is_a_statement_with_its_headers_and_units() -> None:
    rows = lines(markdown_document(WRAPPED, ORIGIN).blocks)
    assert "Größe 44: Brustumfang 100 cm, Taille 84 cm, Hüfte 108 cm." in rows
    assert "Größe 42: Brustumfang 96 cm, Taille 80 cm, Hüfte 104 cm." in rows


def test_nested_list_items_are_statements_and_fragments_join_their_parent() -> None:
    rows = lines(markdown_document(WRAPPED, ORIGIN).blocks)
    assert (
        "Geschenkkarten gibt es im Wert von 20 € und 50 €: als E-Mail zum Selbstausdrucken; als Karte per Post, "
        "versandkostenfrei." in rows
    )
    assert "Eine Geschenkkarte ist 4 Jahre gültig." in rows
    assert "Restguthaben bleibt auf der Karte erhalten." in rows  # a whole sentence stays one


def test_chunks_hold_no_markup_and_a_table_stays_with_its_heading() -> None:
    chunks = chunk_document(markdown_document(WRAPPED, ORIGIN))
    for chunk in chunks:
        assert_clean(chunk.text)
    sizes = [chunk for chunk in chunks if chunk.section == "Größen"]
    assert len(sizes) == 1 and sizes[0].text.count("\n") == 1  # both rows, one chunk


def test_an_introduced_list_of_fragments_becomes_one_sentence() -> None:
    blocks = parse_markdown("Wir akzeptieren folgende Zahlungsarten:\n\n- Rechnung\n- Kreditkarte\n- Apple Pay\n")
    assert lines(blocks) == ["Wir akzeptieren folgende Zahlungsarten: Rechnung, Kreditkarte, Apple Pay."]


def test_list_fragments_without_an_introduction_read_as_sentences() -> None:
    blocks = parse_markdown("Wir liefern auch ins Ausland.\n\n- Lieferzeit: 4 bis 6 Werktage\n- versand mit der Post\n")
    assert lines(blocks) == ["Wir liefern auch ins Ausland.", "Lieferzeit: 4 bis 6 Werktage.", "Versand mit der Post."]


def test_items_in_lower_case_under_a_heading_continue_it() -> None:
    text = "## Wann es kein Widerrufsrecht gibt\n\n- bei Gardinen nach Maß\n- Lieferzeit: 4 bis 6 Werktage\n"
    assert lines(parse_markdown(text)) == [
        "Wann es kein Widerrufsrecht gibt",
        "Wann es kein Widerrufsrecht gibt: bei Gardinen nach Maß.",  # alone it would say the opposite
        "Lieferzeit: 4 bis 6 Werktage.",  # a statement of its own
    ]


def test_bold_lines_and_labelled_questions_become_headings() -> None:
    text = (
        "**Versand**\n\nWir liefern mit DHL.\n\n**Frage:** Wie lange dauert die Lieferung?\n"
        "**Antwort:** Die Lieferung dauert 2 bis 4 Werktage.\n\nQ: Do you ship abroad?\n\nA: Only to Austria.\n"
    )
    blocks = parse_markdown(text)
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.HEADING, "Versand"),
        (BlockKind.PARAGRAPH, "Wir liefern mit DHL."),
        (BlockKind.HEADING, "Wie lange dauert die Lieferung?"),
        (BlockKind.PARAGRAPH, "Die Lieferung dauert 2 bis 4 Werktage."),
        (BlockKind.HEADING, "Do you ship abroad?"),
        (BlockKind.PARAGRAPH, "Only to Austria."),
    ]


def test_a_bold_question_opening_a_paragraph_heads_its_answer() -> None:
    """FAQ pages write the question in bold above or in front of its answer; quoted, it would read as the answer."""
    text = (
        "**Wer ist Ihr Datenschutzbeauftragter?**\nUnser Datenschutzbeauftragter ist Dr. Quirin Hofstätter.\n\n"
        "**Wie lange dauert's?** Meist 2–3 Tage.\n\n**Hinweis:** Am Wochenende packen wir nicht.\n\n"
        "**Rücksendung**\nSie haben 40 Tage Zeit.\n\n"
        "**Mein Geld ist noch nicht da!** Schau zuerst in dein Postfach.\n"
    )
    assert [(b.kind, b.text) for b in parse_markdown(text)] == [
        (BlockKind.HEADING, "Wer ist Ihr Datenschutzbeauftragter?"),
        (BlockKind.PARAGRAPH, "Unser Datenschutzbeauftragter ist Dr. Quirin Hofstätter."),
        (BlockKind.HEADING, "Wie lange dauert's?"),
        (BlockKind.PARAGRAPH, "Meist 2–3 Tage."),
        (BlockKind.PARAGRAPH, "Hinweis: Am Wochenende packen wir nicht."),  # a label, no heading
        (BlockKind.HEADING, "Rücksendung"),
        (BlockKind.PARAGRAPH, "Sie haben 40 Tage Zeit."),
        # on a page whose bold questions head their answers, a bold sentence in their place does too
        (BlockKind.HEADING, "Mein Geld ist noch nicht da!"),
        (BlockKind.PARAGRAPH, "Schau zuerst in dein Postfach."),
    ]
    main = "<p><strong>Geht PayPal?</strong><br>Klar, mit PayPal zahlen Sie sicher.</p>"
    page = read_html(html_page("Bezahlen", main).encode(), ORIGIN)
    assert [(b.kind, b.text) for b in page.blocks if b.level != 1] == [
        (BlockKind.HEADING, "Geht PayPal?"),
        (BlockKind.PARAGRAPH, "Klar, mit PayPal zahlen Sie sicher."),
    ]


def test_footnote_marks_carry_their_condition_and_never_show() -> None:
    text = (
        "| Versandart | Kosten | Lieferzeit | Alter¹ |\n|---|---|---|---|\n"
        "| Standard | 3,95 €* | 1–3 Werktage | 2 |\n| Express | 9,95 € | nächster Werktag** | 3 |\n\n"
        "* gilt nicht für Sperrgut. Für die Grenze zählt der Warenwert.\n"
        "** wenn Sie Montag bis Freitag bis 11 Uhr bestellen.\n¹ Das Alter ist nur ein Richtwert.\n\n"
        "Wir liefern mit **GLS**.\n\n* Rechnung\n* PayPal\n"
    )
    found = lines(parse_markdown(text))
    assert found == [
        "Versandart Standard: Kosten 3,95 € (gilt nicht für Sperrgut), Lieferzeit 1–3 Werktage, Alter 2.",
        "Versandart Express: Kosten 9,95 €, Lieferzeit nächster Werktag (wenn Sie Montag bis Freitag bis 11 Uhr "
        "bestellen), Alter 3.",
        "Für die Grenze zählt der Warenwert.",
        "Das Alter ist nur ein Richtwert.",  # a note on a column stays a sentence of its own
        "Wir liefern mit GLS.",
        "Rechnung.",
        "PayPal.",
    ]
    for line in found:
        assert_clean(line)


def test_a_superscript_mark_after_a_space_carries_its_condition_too() -> None:
    text = (
        "| Lieferland | Versandkosten (EUR) |\n|---|---:|\n| Deutschland | 5,90 |\n| Schweiz | 16,90 ² |\n\n"
        "² Lieferung unverzollt. Die Verzollungsgebühr zahlen Sie bei der Zustellung.\n"
    )
    assert lines(parse_markdown(text)) == [
        "Lieferland Deutschland: Versandkosten 5,90 EUR.",
        "Lieferland Schweiz: Versandkosten 16,90 (Lieferung unverzollt) EUR.",
        "Die Verzollungsgebühr zahlen Sie bei der Zustellung.",
    ]


def test_html_inside_markdown_is_read_as_html() -> None:
    text = "## Preise\n\n<table><tr><th>Artikel</th><th>Preis (€)</th></tr><tr><td>Gürtel</td><td>19,99</td></tr>"
    text += "</table>\n\n<!-- intern: nicht veröffentlichen -->\n"
    assert lines(parse_markdown(text)) == ["Preise", "Artikel Gürtel: Preis 19,99 €."]


@pytest.mark.parametrize(
    ("wrapped", "joined"),
    [
        ("Die Rück-\nsendung ist kostenlos.", "Die Rücksendung ist kostenlos."),
        ("Schreiben Sie eine E-\nMail an uns.", "Schreiben Sie eine E-Mail an uns."),
        ("Hin-\nund Rückversand sind frei.", "Hin- und Rückversand sind frei."),
    ],
)
def test_pdf_hyphenation_is_joined_and_real_hyphens_stay(wrapped: str, joined: str) -> None:
    filler = "Dieser Satz füllt die Zeile, damit der Umbruch am rechten Rand liegt und nicht früher endet."
    document = read_pdf(pdf_bytes([f"Versand\n{filler}\n{wrapped}"]), ORIGIN)
    assert joined in " ".join(lines(document.blocks))


def test_pdf_lines_become_headings_paragraphs_and_list_items() -> None:
    page = (
        "Reparaturservice\n"
        "Ist an Ihrer Lederjacke eine Naht aufgegangen oder der Reißverschluss defekt? Unser Reparaturservice "
        "repariert Lederjacken innerhalb von 21 Tagen, auch wenn Sie die Jacke schon länger tragen.\n"
        "Kosten\n"
        "Die Reparatur ist im ersten Jahr nach dem Kauf kostenlos. Danach berechnen wir eine Pauschale, die "
        "vom Aufwand unabhängig ist und 19 Euro beträgt.\n"
        "- Nähte und Reißverschlüsse\n"
        "- Knöpfe und Nieten\n"
    )
    document = read_pdf(pdf_bytes([page], title="Reparatur"), ORIGIN)
    chunks = chunk_document(document)
    assert [chunk.section for chunk in chunks] == ["Reparatur", "Kosten"]
    assert "innerhalb von 21 Tagen, auch wenn Sie die Jacke schon länger tragen." in chunks[0].text
    said = sentences(chunks[1].text)
    assert "Danach berechnen wir eine Pauschale, die vom Aufwand unabhängig ist und 19 Euro beträgt." in said
    assert said[-2:] == ["Nähte und Reißverschlüsse.", "Knöpfe und Nieten."]


def test_a_narrow_pdf_column_under_a_wide_header_keeps_its_paragraphs_and_questions() -> None:
    lines = [
        "Kranich Schuhe & Taschen · Beileger zu Ihrem Paket · Stand Oktober 2026",
        "Sie können ungetragene Schuhe und Taschen",
        "innerhalb von 50 Tagen ab der Zustellung",
        "zurückschicken. Dieses freiwillige Rückgabe-",
        "recht gilt zusätzlich zum Widerrufsrecht.",
        "Was ist von der Rückgabe",
        "ausgeschlossen?",
        "Taschen mit Initialen-Prägung sind von der",
        "Rückgabe und vom Umtausch ausgeschlossen.",
    ]
    blocks = [(block.kind, block.text) for block in pdf_blocks(lines)]
    assert (
        BlockKind.PARAGRAPH,
        "Sie können ungetragene Schuhe und Taschen innerhalb von 50 Tagen ab der Zustellung zurückschicken. Dieses "
        "freiwillige Rückgaberecht gilt zusätzlich zum Widerrufsrecht.",
    ) in blocks
    assert (BlockKind.HEADING, "Was ist von der Rückgabe ausgeschlossen?") in blocks


def test_html_nested_lists_tables_and_faq_markup() -> None:
    main = (
        "<h2>Geschenkkarten</h2><ul><li>Geschenkkarten gibt es ab 20 €.<ul><li>als E-Mail</li>"
        "<li>als Karte per Post</li></ul></li><li>Sie sind 4 Jahre gültig.</li></ul>"
        "<h2>Größen</h2><table><thead><tr><th>Größe</th><th>Brustumfang in cm</th></tr></thead>"
        "<tbody><tr><td>46</td><td>90–93</td></tr></tbody></table>"
        "<h2>Häufige Fragen</h2><dl><dt>Kann ich mit PayPal zahlen?</dt><dd>Nein, PayPal bieten\nwir nicht an.</dd>"
        "<dt>Versandkosten</dt><dd>4,90 €</dd></dl>"
        "<details><summary>Wie lange dauert die Lieferung?</summary><p>Zwei bis vier Werktage.</p></details>"
        '<div class="accordion"><button aria-expanded="false">Kann ich auf Rechnung kaufen?</button>'
        "<div>Ja, bis 500 €.</div></div><h3><button>Was kostet Express?</button></h3><p>Express kostet 7,50 €.</p>"
    )
    document = read_html(html_page("Service", main).encode(), ORIGIN)
    text = "\n".join(lines(document.blocks))
    assert_clean(text)
    assert "Geschenkkarten gibt es ab 20 €: als E-Mail, als Karte per Post." in text
    assert "Sie sind 4 Jahre gültig." in text
    assert "Größe 46: Brustumfang 90–93 cm." in text
    assert "Nein, PayPal bieten wir nicht an." in text
    assert "Versandkosten: 4,90 €." in text
    headings = [b.text for b in document.blocks if b.kind is BlockKind.HEADING]
    assert "Kann ich mit PayPal zahlen?" in headings and "Wie lange dauert die Lieferung?" in headings
    assert "Kann ich auf Rechnung kaufen?" in headings and "Was kostet Express?" in headings  # accordion buttons


def test_html_footnote_marks_are_dropped_and_powers_kept() -> None:
    main = (
        "<h2>Gutscheine</h2><p>Gutscheine sind drei Jahre gültig.<sup>1</sup> Die Karte kostet 5 €<sup>[2]</sup>.</p>"
        "<p>Der Stoff wiegt 180 g/m<sup>2</sup>.</p>"
    )
    text = "\n".join(lines(read_html(html_page("Service", main).encode(), ORIGIN).blocks))
    assert "Gutscheine sind drei Jahre gültig. Die Karte kostet 5 €." in text  # not "gültig.1", "5 €[2]"
    assert "Der Stoff wiegt 180 g/m²." in text


def test_html_superscript_marks_in_a_table_and_before_its_note_are_dropped() -> None:
    main = (
        "<table><thead><tr><th>Lieferland</th><th>Versandkosten</th><th>Versandkostenfrei</th></tr></thead><tbody>"
        "<tr><th scope=row>Deutschland</th><td>4,29 €</td><td>ab 69 € <sup>²</sup></td></tr>"
        "<tr><th scope=row>Schweiz <sup>¹</sup></th><td>CHF 16.90</td><td>nie</td></tr></tbody>"
        "<tfoot><tr><td colspan=3><sup>¹</sup> Wir liefern unverzollt.</td></tr></tfoot></table>"
    )
    text = "\n".join(lines(read_html(html_page("Versand", main).encode(), ORIGIN).blocks))
    assert "¹" not in text and "²" not in text
    assert "Versandkostenfrei ab 69 €" in text and "Lieferland Schweiz: " in text
    assert "Wir liefern unverzollt." in text


FAQ_DATA = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "FAQPage",
"mainEntity": [{"@type": "Question", "name": "Kann ich mit PayPal bezahlen?", "acceptedAnswer": {"@type": "Answer",
"text": "<p>Nein, PayPal bieten wir nicht an.</p>"}}, {"@type": "Question", "name": "Wie lange dauert die Lieferung?",
"acceptedAnswer": {"@type": "Answer", "text": "Drei bis fünf Werktage."}}]}]}</script>"""


def test_faq_data_of_a_page_that_renders_its_accordion_by_script_is_read() -> None:
    page = html_page("Häufige Fragen", '<p>Hier finden Sie Antworten.</p><div id="faq-widget"></div>' + FAQ_DATA)
    blocks = read_html(page.encode(), ORIGIN).blocks
    assert (BlockKind.HEADING, "Kann ich mit PayPal bezahlen?") in [(b.kind, b.text) for b in blocks]
    assert "Nein, PayPal bieten wir nicht an." in lines(blocks)
    assert "Drei bis fünf Werktage." in lines(blocks)
    assert_clean("\n".join(lines(blocks)))


def test_faq_data_the_page_also_shows_is_read_once() -> None:
    shown = "<h2>Kann ich mit PayPal bezahlen?</h2><p>Nein, PayPal bieten wir nicht an.</p>"
    blocks = read_html(html_page("Häufige Fragen", shown + FAQ_DATA).encode(), ORIGIN).blocks
    assert lines(blocks).count("Nein, PayPal bieten wir nicht an.") == 1
    assert "Drei bis fünf Werktage." in lines(blocks)  # the one the page does not show


def test_markdown_footnotes_follow_the_paragraph_that_marks_them() -> None:
    page = (
        "# Versand\n\n## Österreich\n\nDie Versandkosten betragen 8,20 €; ab 180 € liefern wir\nversandkostenfrei."
        "[^grenze] Die Lieferzeit beträgt 2 bis 4 Werktage.\n\n## Andere Länder\n\nIn die Schweiz liefern wir nicht."
        "\n\n[^grenze]: Maßgeblich ist der Warenwert nach Abzug von Gutscheinen.\n"
    )
    blocks = parse_markdown(page)
    text = "\n".join(lines(blocks))
    assert "[^" not in text and "grenze" not in text
    assert "ab 180 € liefern wir versandkostenfrei. Die Lieferzeit beträgt 2 bis 4 Werktage." in text
    sections = {c.section: c.text for c in chunk_document(markdown_document(page, ORIGIN))}
    assert "Maßgeblich ist der Warenwert nach Abzug von Gutscheinen." in sections["Österreich"]  # with its fact


GRID = """# Größen

+--------+-------------------+---------------+
| Größe  | Oberweite         | reicht bei    |
|        |                   | 168 cm bis    |
+========+===================+===============+
| 32     | 78–81             | über das Knie |
+--------+-------------------+---------------+
| 34     | 82–85             | knapp unter   |
|        |                   | das Knie      |
+--------+-------------------+---------------+

Bei Lederhosen zählt die Bundweite.

  Größe   Bundweite
  ------- -----------
  50      88–91
  52      92–95

Hirschleder gibt beim Tragen nach.
"""


def test_grid_and_simple_tables_become_row_statements() -> None:
    blocks = parse_markdown(GRID)
    text = "\n".join(lines(blocks))
    assert_clean(text)
    assert "+---" not in text and "-------" not in text
    assert "Größe 32: Oberweite 78–81, reicht bei 168 cm bis über das Knie." in text
    assert "Größe 34: Oberweite 82–85, reicht bei 168 cm bis knapp unter das Knie." in text  # a cell over two lines
    assert "Größe 52: Bundweite 92–95." in text
    assert "Bei Lederhosen zählt die Bundweite." in text and "Hirschleder gibt beim Tragen nach." in text
    assert lookup("Mein Bund hat 93 cm, welche Größe?", sentences(text)) == "Größe 52: Bundweite 92–95."


def test_a_grid_table_ruled_only_around_its_header_and_body_has_a_row_per_line() -> None:
    grid = (
        "+-------+-------------+\n| Größe | Brustumfang |\n+=======+=============+\n"
        "|   S   |   88–95 cm  |\n|   M   |  96–103 cm  |\n|   L   |  104–111 cm |\n+-------+-------------+\n"
    )
    text = "\n".join(lines(parse_markdown(grid)))
    assert "Größe M: Brustumfang 96–103 cm." in text
    assert "88–95 cm 96–103 cm" not in text  # before, the body was one row of three lines


def test_word_footnotes_follow_their_paragraph_and_merged_cells_fill_their_columns() -> None:
    word = docx.Document()
    word.add_heading("Versand", level=1)
    word.add_paragraph("Wir liefern innerhalb Deutschlands.[[1]] Die Lieferung dauert 2 bis 5 Werktage.")
    word.add_heading("Zahlungsarten", level=1)
    grid = word.add_table(rows=3, cols=4)
    for column, name in enumerate(["Zahlungsart", "Deutschland", "Österreich", "Südtirol"]):
        grid.cell(0, column).text = name
    grid.cell(1, 0).text = "PayPal"
    grid.cell(1, 1).merge(grid.cell(1, 3)).text = "ja"
    grid.cell(2, 0).merge(grid.cell(2, 3)).text = "Nicht angeboten werden: Klarna und Nachnahme."
    buffer = io.BytesIO()
    word.save(buffer)
    document = read_docx(with_footnotes(buffer.getvalue(), ["Auf die Inseln kostet es 7,00 € mehr."]), ORIGIN)
    sections = {c.section: c.text for c in chunk_document(document)}
    assert "Auf die Inseln kostet es 7,00 € mehr." in sections["Versand"]  # with the fact it qualifies
    assert "[[" not in sections["Versand"]
    rows = sentences(sections["Zahlungsarten"])
    assert "Zahlungsart PayPal: Deutschland ja, Österreich ja, Südtirol ja." in rows  # not "Deutschland ja" alone
    assert "Nicht angeboten werden: Klarna und Nachnahme." in rows  # a note across the table, under no column


def test_word_html_keeps_the_list_paragraphs_trafilatura_drops() -> None:
    bullet = "<![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·&nbsp;&nbsp;</span></span><![endif]>"
    page = (
        "<html><head><title>Versand</title></head><body><div class=WordSection1>"
        "<h1>Versand</h1><p class=MsoNormal>Alle Bestellungen verlassen unser Lager in Traunreut.</p>"
        "<h2>Versandkosten</h2>"
        f"<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'>{bullet}<span>Pro Bestellung berechnen"
        " wir 5,40&nbsp;€ Versandkosten.</span></p>"
        f"<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'>{bullet}<span>Ab 140&nbsp;€ liefern wir"
        " versandkostenfrei.</span></p>"
        "<h2>Lieferzeit</h2><p class=MsoNormal>Vorrätige Artikel sind in 1 bis 2 Werktagen bei Ihnen.</p>"
        "</div></body></html>"
    )
    sections = {c.section: c.text for c in chunk_document(read_html(page.encode(), ORIGIN))}
    assert "Pro Bestellung berechnen wir 5,40 € Versandkosten." in sections["Versandkosten"]
    assert "·" not in sections["Versandkosten"]  # Word's drawn bullet
    assert "Vorrätige Artikel sind in 1 bis 2 Werktagen bei Ihnen." in sections["Lieferzeit"]


NOTION = """# Pflege

| Eigenschaft | Wert |
| --- | --- |
| URL | /service/pflege |
| Status | Veröffentlicht |
| Zuletzt bearbeitet | 9. September 2026 11:02 |

> 🧺 **Vorab:** Beachten Sie immer zuerst das Pflegeetikett.

## Frottee

- Waschen Sie Frottee bei 60 °C.
- ▸ **Meine neuen Handtücher fusseln. Ist das normal?**

    Ja. Das hört nach 3 bis 4 Wäschen von selbst auf.

- ▸ **Aus meinem Handtuch hängt eine Schlinge heraus.**

    Schneiden Sie die Schlinge knapp über dem Gewebe ab.
"""


def test_markdown_inline_superscripts_are_read_like_html_ones() -> None:
    text = lines(
        parse_markdown("Ein Beispiel<sup>2</sup>: Classic mit 480 g/m<sup>2</sup>.\n\n<sup>2</sup> Messen Sie genau.")
    )
    assert text == ["Ein Beispiel: Classic mit 480 g/m².", "Messen Sie genau."]


def test_notion_export_properties_toggles_and_callout_icons() -> None:
    document = markdown_document(NOTION, ORIGIN)
    assert document.url == "/service/pflege"  # the properties table gives the page's address
    sections = {c.section: c.text for c in chunk_document(document)}
    text = "\n".join(sections.values())
    assert "Veröffentlicht" not in text and "Eigenschaft" not in text  # page metadata, no text
    assert text.startswith("Vorab: Beachten Sie")  # without the callout's icon
    assert (
        sections["Meine neuen Handtücher fusseln. Ist das normal?"]
        == "Ja. Das hört nach 3 bis 4 Wäschen von selbst auf."
    )
    assert "▸" not in text and "Waschen Sie Frottee bei 60 °C." in sections["Frottee"]
    assert lines(parse_markdown("✘ Slips und Bodys nehmen wir nicht zurück.")) == [
        "✘ Slips und Bodys nehmen wir nicht zurück."
    ]


def test_a_pdf_price_list_keeps_every_row() -> None:
    intro = (
        "In unserer Schneiderei im Trachtenhaus ändern drei Schneidermeisterinnen Dirndl, Blusen, Janker und "
        "Lederhosen, und sie nähen Lederhosen nach Maß. Die Lieferzeit verlängert sich dadurch um zehn Werktage."
    )
    rows = [
        "Dirndl kürzen 34 EUR",
        "Mieder enger machen 42 EUR",
        "Blusenärmel kürzen 19 EUR",
        "Maßlederhose ab 890 EUR",
    ]
    text = "\n".join([intro, "Preisliste Änderungen", "Leistung Preis", *rows, intro])
    found = "\n".join(lines(read_pdf(pdf_bytes([text], title="Schneiderei"), ORIGIN).blocks))
    for row in rows:  # short lines without a full stop, each read as a heading with nothing under it, were lost
        assert f"{row}." in found


def test_word_lists_nest_by_level_and_tables_keep_their_headers() -> None:
    word = docx.Document()
    word.add_heading("Pflege", level=1)
    word.add_paragraph("Wir versenden klimaneutral.")
    word.add_paragraph("Unsere Kartons bestehen aus Altpapier.", style="List Bullet")
    word.add_paragraph("mit Füllmaterial aus Papier", style="List Bullet 2")
    grid = word.add_table(rows=2, cols=3)
    for column, (name, value) in enumerate([("Material", "Leinen"), ("Waschen (°C)", "40"), ("Trockner", "nein")]):
        grid.cell(0, column).text = name
        grid.cell(1, column).text = value
    buffer = io.BytesIO()
    word.save(buffer)
    document = read_docx(buffer.getvalue(), ORIGIN)
    assert lines(document.blocks) == [
        "Pflege",
        "Wir versenden klimaneutral.",
        "Unsere Kartons bestehen aus Altpapier: mit Füllmaterial aus Papier.",
        "Material Leinen: Waschen 40 °C, Trockner nein.",
    ]


def test_a_long_section_is_cut_between_sentences() -> None:
    sentence = "Die Lieferung nach Österreich dauert vier bis sechs Werktage und kostet 6,90 Euro."
    document = markdown_document(f"# Versand\n\n## Österreich\n\n{' '.join([sentence] * 40)}\n", ORIGIN)
    chunks = chunk_document(document, max_words=50)
    assert len(chunks) > 1
    for chunk in chunks:
        assert chunk.text.startswith("Die Lieferung") and chunk.text.endswith("6,90 Euro.")


def test_sentences_run_past_abbreviations_and_dates() -> None:
    line = (
        "Kurzgrößen (z. B. 25 für 50) liefern wir bis zum 24. Dezember. Dr. Albers hilft, ca. 2 Tage. "
        "Wählen Sie in der Spalte „max. Fußlänge“ Ihren Wert. Größe M. "
        "Ja. Sobald Ihr Paket in Hann. Münden ankommt, prüfen wir es. Wir tauschen, sobald es in Hann. Münden ist. "
        "Wir liefern schnell. 🚚 Innerhalb Deutschlands mit GLS."
    )
    assert sentences(line) == [
        "Kurzgrößen (z. B. 25 für 50) liefern wir bis zum 24. Dezember.",
        "Dr. Albers hilft, ca. 2 Tage.",
        "Wählen Sie in der Spalte „max. Fußlänge“ Ihren Wert.",
        "Größe M. Ja.",  # a single word after a short capitalised one may end an abbreviation: kept together
        "Sobald Ihr Paket in Hann. Münden ankommt, prüfen wir es.",
        "Wir tauschen, sobald es in Hann. Münden ist.",
        "Wir liefern schnell.",  # an emoji between two sentences goes with the break
        "Innerhalb Deutschlands mit GLS.",
    ]


def test_a_bare_yes_or_no_goes_with_the_sentence_that_gives_its_reason() -> None:
    line = "Ja. Express kommt am nächsten Werktag an. Leider nein. Nach Österreich liefern wir kein Express."
    assert sentences(line) == [
        "Ja. Express kommt am nächsten Werktag an.",
        "Leider nein. Nach Österreich liefern wir kein Express.",
    ]


def test_long_prose_paragraphs_are_chunks_of_their_own_and_tables_and_sentences_stay_whole() -> None:
    paragraph = " ".join(["Die Rücksendung ist innerhalb von 30 Tagen kostenlos möglich."] * 11)  # 99 words
    long_sentence = "Wir liefern " + " ".join(["und"] * 150) + " schnell."
    rows = "\n".join(f"| Land {n} Standard | {n},95 € | 75 € Warenwert | 3–5 Werktage |" for n in range(10))
    table = f"| Land und Versandart | Kosten | versandkostenfrei ab | Lieferzeit |\n|---|---|---|---|\n{rows}\n"
    document = markdown_document(
        f"# Service\n\n## Rücksendung\n\n{paragraph}\n\n{paragraph}\n\n## Lang\n\n{long_sentence}\n\n"
        f"## Tabelle\n\n{table}",
        ORIGIN,
    )
    chunks = chunk_document(document)
    assert [c.section for c in chunks].count("Rücksendung") == 2  # each paragraph its own chunk: ~120 words
    assert [c.text for c in chunks if c.section == "Lang"] == [long_sentence]  # no sentence is cut
    table_chunks = [c for c in chunks if c.section == "Tabelle"]
    assert len(table_chunks) == 1 and len(table_chunks[0].text.split()) > 120  # the table stays whole


def test_lines_that_open_with_labels_are_facts_of_their_own() -> None:
    blocks = parse_markdown(
        "**Versandpartner:** GLS\n**Lieferzeit:** 2–3 Werktage\n**Versandkosten:** 5,49 € pro Bestellung\n"
        "Den Versand übernimmt unser Lager in Leipzig.\n\nF: Wie lange dauert es?\nA: Zwei Tage."
    )
    assert blocks[0].lines == (
        "Versandpartner: GLS.",
        "Lieferzeit: 2–3 Werktage.",
        "Versandkosten: 5,49 € pro Bestellung.",
        "Den Versand übernimmt unser Lager in Leipzig.",
    )
    # a question and its answer stay a heading and its paragraph
    assert blocks[1].kind is BlockKind.HEADING and blocks[2].lines == ("Zwei Tage.",)


def test_the_numbering_of_terms_is_no_part_of_their_text() -> None:
    blocks = parse_markdown(
        "## § 3 Lieferzeiten\n\n3.1 Die Lieferzeit beträgt drei bis fünf Werktage.\n\n"
        "(2) Für Lieferungen nach Österreich gilt eine Pauschale.\n\n### B. Mangelhafte Ware\n\n"
        "## 24 Stunden Express\n\n14 Tage haben Sie Zeit."
    )
    assert [block.lines[0] for block in blocks] == [
        "Lieferzeiten",
        "Die Lieferzeit beträgt drei bis fünf Werktage.",
        "Für Lieferungen nach Österreich gilt eine Pauschale.",
        "Mangelhafte Ware",
        "24 Stunden Express",
        "14 Tage haben Sie Zeit.",
    ]


def test_a_table_with_the_sizes_along_the_top_is_read_size_by_size() -> None:
    main = (
        "<h2>Handschuhe</h2><table><caption>Handschuhgrößen (Maße in Zentimetern)</caption>"
        '<tr><td></td><th scope="col">S</th><th scope="col">M</th><th scope="col">L</th><th scope="col">XL</th></tr>'
        '<tr><th scope="row">Handumfang in cm</th><td>18–19</td><td>20–21</td><td>22–23</td><td>24–25</td></tr>'
        '<tr><th scope="row">Handschuhgröße</th><td>7</td><td>8</td><td>9</td><td>10</td></tr></table>'
    )
    page = read_html(html_page("Größentabelle", main).encode(), ORIGIN)
    lines = [line for block in page.blocks for line in block.lines]
    assert "M: Handumfang 20–21 cm, Handschuhgröße 8." in lines
    assert "Handschuhgrößen (Maße in Zentimetern)." in lines  # the caption, a sentence of its own
    assert lookup("Mein Handumfang ist 21 cm – welche Handschuhgröße brauche ich?", lines) == (
        "M: Handumfang 20–21 cm, Handschuhgröße 8."
    )


def test_a_markdown_definition_lists_terms_head_their_descriptions() -> None:
    page = (
        "# Bezahlarten\n\nPayPal\n: Sie melden sich bei PayPal an\n  und bestätigen die Zahlung.\n\n"
        "SEPA-Lastschrift\n: Ab Ihrer zweiten Bestellung zahlen Sie per Lastschrift.\n"
    )
    blocks = [(block.kind, block.text) for block in parse_markdown(page)]
    assert blocks[1:] == [
        (BlockKind.HEADING, "PayPal"),
        (BlockKind.PARAGRAPH, "Sie melden sich bei PayPal an und bestätigen die Zahlung."),
        (BlockKind.HEADING, "SEPA-Lastschrift"),
        (BlockKind.PARAGRAPH, "Ab Ihrer zweiten Bestellung zahlen Sie per Lastschrift."),
    ]


def test_notes_of_documentation_sites_are_their_text_without_type_or_title() -> None:
    page = (
        "# Versand\n\n"
        '!!! warning "Keine Packstation"\n    Da wir mit DPD versenden, liefern wir\n    nicht an Packstationen.\n\n'
        ":::danger Nicht möglich\nGoogle Pay und Klarna bieten wir nicht an.\n:::\n\n"
        ":::info\nDie Rechnung kommt per E-Mail.\n:::\n\nExpress kostet 8,90 €.\n"
    )
    blocks = [(block.kind, block.text) for block in parse_markdown(page)]
    assert blocks[1:] == [
        (BlockKind.PARAGRAPH, "Da wir mit DPD versenden, liefern wir nicht an Packstationen."),
        (BlockKind.PARAGRAPH, "Google Pay und Klarna bieten wir nicht an."),
        (BlockKind.PARAGRAPH, "Die Rechnung kommt per E-Mail."),
        (BlockKind.PARAGRAPH, "Express kostet 8,90 €."),
    ]


def test_sizes_along_the_top_below_a_corner_that_names_the_measures() -> None:
    page = (
        "# Jacken\n\n| Körpermaß (cm) | S | M | L | 3XL |\n|---|---|---|---|---|\n"
        "| Brustumfang | 88–93 | 94–99 | 100–105 | 119–125 |\n| Armlänge | 62 | 63 | 64 | 67 |\n"
    )
    lines = [line for block in parse_markdown(page) for line in block.lines]
    assert "L: Brustumfang 100–105 cm, Armlänge 64 cm." in lines
    assert lookup("Brustumfang 102 cm – welche Herrenjacke passt mir?", lines) == lines[3]
    assert lookup("ein Loch, so 3 cm groß. Was kostet das?", lines) is None  # not the size 3XL


def test_a_header_row_above_the_header_spans_its_columns_and_a_dash_among_figures_is_no_value() -> None:
    page = (
        "# Größen\n\n| Alter || Körpergröße | Weidenau-Größe |\n| in Monaten | in Jahren | in cm | |\n"
        "|---|---|---|---|\n| 9–11 | – | 75–80 | 80 |\n| 24–35 | 2 | 93–98 | 98 |\n| – | 4 | 105–110 | 110 |\n"
    )
    lines = [line for block in parse_markdown(page) for line in block.lines]
    assert lines[1:] == [
        "Alter 9–11 Monate: Körpergröße 75–80 cm, Weidenau-Größe 80.",
        "Alter 24–35 Monate: Alter 2 Jahre, Körpergröße 93–98 cm, Weidenau-Größe 98.",
        "Alter 4 Jahre: Körpergröße 105–110 cm, Weidenau-Größe 110.",
    ]
    assert lookup("und für 2 Jahre?", lines) == lines[2]  # not the months 2–3 of another row
    assert lookup("Mein Sohn ist 4 Jahre alt, welche Größe?", lines) == lines[3]


def test_an_address_is_one_line_of_comma_separated_parts() -> None:
    main = (
        "<p>Sie erreichen sie unter der folgenden Anschrift:</p><address>Lerchenfeld Wäschehaus GmbH &amp; Co. KG"
        "<br>\n  z. Hd. Datenschutzbeauftragte<br>\n  Am Lerchenfeld 12<br>\n  33649 Bielefeld</address><p>Danke.</p>"
    )
    page = read_html(html_page("Datenschutz", main).encode(), ORIGIN)
    address = "Lerchenfeld Wäschehaus GmbH & Co. KG, z. Hd. Datenschutzbeauftragte, Am Lerchenfeld 12, 33649 Bielefeld."
    assert address in [line for block in page.blocks for line in block.lines]
    assert sentences(address) == [address]  # "Co." ends no sentence


def test_a_captioned_table_keeps_the_header_below_its_caption() -> None:
    main = (
        "<table><caption>Kinderschuhe: Fußlänge und EU-Größe</caption><thead><tr><th>Fußlänge</th><th>EU-Größe</th>"
        "</tr></thead><tbody><tr><td>15,2–15,7 cm</td><td>25</td></tr><tr><td>15,8–16,4 cm</td><td>26</td></tr>"
        "</tbody></table>"
    )
    page = read_html(html_page("Schuhgrößen", main).encode(), ORIGIN)
    lines = [line for block in page.blocks for line in block.lines]
    assert "Fußlänge 15,8–16,4 cm: EU-Größe 26." in lines
    assert "Fußlänge: EU-Größe." not in lines  # the header is no row


def test_merged_cells_stand_in_every_place_they_span_and_two_header_rows_name_each_column() -> None:
    """A TYPO3 table: "Versandkosten" over "Standard" and "frei ab", Switzerland's cells spanning Liechtenstein's
    row. Read cell by cell, the values slid under the wrong headers ("Lieferzeit 95 €")."""
    main = (
        "<table><thead><tr><th rowspan='2'>Lieferland</th><th colspan='2'>Versandkosten</th>"
        "<th rowspan='2'>Lieferzeit</th></tr><tr><th>Standard</th><th>frei ab</th></tr></thead><tbody>"
        "<tr><td>Österreich</td><td>5,85 €</td><td>95 €</td><td>4–7 Werktage</td></tr>"
        "<tr><td>Schweiz</td><td rowspan='2'>CHF 8.60</td><td rowspan='2'>CHF 160</td><td rowspan='2'>4–8 Werktage"
        "</td></tr><tr><td>Liechtenstein</td></tr>"
        "<tr><td colspan='4'>Andere Länder beliefern wir nicht.</td></tr></tbody></table>"
        "<table><thead><tr><th rowspan='2'>Größe</th><th colspan='2'>Körpermaße in cm</th></tr>"
        "<tr><th>Brustumfang</th><th>Hüftumfang</th></tr></thead>"
        "<tbody><tr><td>46</td><td>104–108</td><td>114–118</td></tr></tbody></table>"
    )
    found = lines(read_html(html_page("Ausland", main).encode(), ORIGIN).blocks)
    assert (
        "Lieferland Österreich: Versandkosten Standard 5,85 €, Versandkosten frei ab 95 €, Lieferzeit 4–7 Werktage."
        in found
    )
    assert (
        "Lieferland Liechtenstein: Versandkosten Standard CHF 8.60, Versandkosten frei ab CHF 160, Lieferzeit 4–8 Werktage."
        in found
    )
    assert "Andere Länder beliefern wir nicht." in found
    assert "Größe 46: Brustumfang 104–108 cm, Hüftumfang 114–118 cm." in found


def test_template_tags_of_static_site_generators_are_no_text_and_end_the_paragraph_before_them() -> None:
    text = (
        "## Passwort\n\nDer Link ist 8 Stunden gültig.\n{{< hint info >}}\nIhr Passwort braucht 14 Zeichen.\n"
        "{{< /hint >}}\nNach 6 Fehlversuchen sperren wir das Konto {{% sup %}}für 45 Minuten.\n"
    )
    found = lines(parse_markdown(text))
    assert "Der Link ist 8 Stunden gültig." in found
    assert "Ihr Passwort braucht 14 Zeichen." in found
    assert "Nach 6 Fehlversuchen sperren wir das Konto für 45 Minuten." in found
    assert not any("{{" in line or "hint" in line for line in found)


def test_a_sentence_a_cms_broke_over_two_paragraphs_is_one_sentence() -> None:
    main = (
        "<div data-block='paragraph'><p>Für jede Rücksendung haben Sie 42 Tage Zeit,</p><p>gerechnet ab dem Tag "
        "der Zustellung.</p><p>Es genügt, wenn Sie das Paket am letzten Tag abgeben.</p></div>"
        "<p>Zum Beispiel</p><p>z. B. per Post.</p>"
    )
    found = lines(read_html(html_page("Rücksendung", main).encode(), ORIGIN).blocks)
    assert "Für jede Rücksendung haben Sie 42 Tage Zeit, gerechnet ab dem Tag der Zustellung." in found
    assert "Es genügt, wenn Sie das Paket am letzten Tag abgeben." in found
    assert "Zum Beispiel." in found and "z. B. per Post." in found  # an abbreviation starts no continuation


def test_a_pdf_table_of_figures_is_read_row_by_row_with_its_header() -> None:
    page = [
        "Size Chart",
        "Women",
        "Size Chest (cm) Waist (cm) Hip (cm)",
        "XS 78–82 60–64 86–90",
        "S 83–87 65–69 91–95",
        "Gloves",
        "Size Hand circumference (cm)",
        "S 17–18.5",
        "M 19–20.5",
        "Between two sizes: tops one size up.",
    ]
    found = lines(pdf_blocks(page))
    assert "Size S: Chest 83–87 cm, Waist 65–69 cm, Hip 91–95 cm." in found
    assert "Size M: Hand circumference 19–20.5 cm." in found
    assert "Between two sizes: tops one size up." in found


def test_mkdocs_content_tabs_head_their_text_and_their_tables_and_notes_are_read() -> None:
    text = (
        '# Versand\n\nWählen Sie Ihr Lieferland.\n\n=== "Deutschland"\n\n    | Versandart | Kosten |\n    |---|---|\n'
        '    | Standard | 4,65 € |\n\n    !!! note "Packstation"\n        Packstationen beliefern wir gern.\n\n'
        '=== "Niederlande & Belgien"\n\n    - Versandkosten: 8,40 € pro Bestellung\n\nNach dem Tab.\n'
    )
    blocks = parse_markdown(text)
    found = lines(blocks)
    assert "Versandart Standard: Kosten 4,65 €." in found
    assert "Packstationen beliefern wir gern." in found
    assert "Versandkosten: 8,40 € pro Bestellung." in found
    assert "Nach dem Tab." in found
    headings = [block.lines[0] for block in blocks if block.kind is BlockKind.HEADING]
    assert "Deutschland" in headings and "Niederlande & Belgien" in headings
    assert not any("===" in line or "|" in line for line in found)


def test_sections_the_page_marks_as_outdated_are_no_knowledge() -> None:
    """A changelog's old entries state what a newer entry replaced: answered from, they would be wrong facts."""
    text = (
        "# Service-News\n\n## Update 03/2026: 40 statt 30 Tage Rückgabe\n\nAb sofort hast du 40 Tage Zeit.\n\n"
        "## Update 10/2025: Tschüss, Apple Pay\n\nApple Pay bieten wir nicht mehr an. Der Eintrag von 05/2024 "
        "(„Neu: Apple Pay“) gilt damit nicht mehr.\n\n## Update 09/2024: 30 Tage Rückgabe (überholt – siehe Update "
        "03/2026)\n\nAb sofort hast du 30 statt 14 Tage Zeit.\n\n## Update 05/2024: Neu: Apple Pay\n\nDu kannst jetzt "
        "mit Apple Pay bezahlen.\n\n## Wann ist ein Gutschein ungültig?\n\nNie: Gutscheine verfallen nicht.\n"
    )
    found = lines(parse_markdown(text))
    assert "Ab sofort hast du 40 Tage Zeit." in found
    assert not any("30 statt 14" in line or "jetzt mit Apple Pay" in line for line in found)
    assert "Nie: Gutscheine verfallen nicht." in found  # a question on validity is no mark of an outdated section


def test_a_price_lists_leader_dots_are_a_colon() -> None:
    text = "## Versand\n\n- Standardversand Deutschland ........ 4,45 €\n- Expressversand (Aufpreis) ........ 8,75 €\n"
    assert lines(parse_markdown(text)) == [
        "Versand",
        "Standardversand Deutschland: 4,45 €.",
        "Expressversand (Aufpreis): 8,75 €.",
    ]


def test_a_breadcrumb_and_a_feedback_widget_an_export_kept_are_no_text() -> None:
    text = (
        "# Ankauf\n\n[Hilfe](/hilfe/) › [Verkaufen](/hilfe/#verkaufen) › Ankauf\n\n"
        "Ein Paket enthält mindestens 5 Teile.\n\nShop > Service > Versand > Ausland\n\n"
        "*War dieser Artikel hilfreich?* [👍 Ja](#ja) · [👎 Nein](#nein)\n\nWas this page helpful? Yes / No\n\n"
        "[← Zurück zur Hilfe-Übersicht](/hilfe/)\n"
    )
    assert lines(parse_markdown(text)) == ["Ankauf", "Ein Paket enthält mindestens 5 Teile."]
    kept = "Größe 38 > Größe 36, aber < 40.\n\nWar die Lieferung pünktlich? Das prüfen wir gern."
    assert lines(parse_markdown(kept)) == [
        "Größe 38 > Größe 36, aber < 40.",
        "War die Lieferung pünktlich? Das prüfen wir gern.",
    ]


def test_a_pages_table_of_contents_is_no_text() -> None:
    text = (
        "# Reklamation\n\n**Inhalt**\n\n- [Das Paket ist beschädigt](#paket)\n- [Ein Mangel, der nicht in der "
        "Beschreibung stand](#mangel)\n- [Gewährleistung](#gewaehrleistung)\n\n## Das Paket ist beschädigt\n\n"
        "Melde es uns innerhalb von 72 Stunden.\n\n## Ein Mangel, der nicht in der Beschreibung stand\n\n"
        "Melde ihn über „Problem melden“.\n\n## Gewährleistung\n\nEs gilt die gesetzliche Gewährleistung.\n"
    )
    assert lines(parse_markdown(text)) == [
        "Reklamation",
        "Das Paket ist beschädigt",
        "Melde es uns innerhalb von 72 Stunden.",
        "Ein Mangel, der nicht in der Beschreibung stand",
        "Melde ihn über „Problem melden“.",
        "Gewährleistung",
        "Es gilt die gesetzliche Gewährleistung.",
    ]
    kept = "# Zahlung\n\n## Rechnung\n\nWir bieten an:\n\n- Rechnung\n- PayPal\n- Kreditkarte\n"
    assert "PayPal" in "\n".join(lines(parse_markdown(kept)))  # one item a heading names is no contents

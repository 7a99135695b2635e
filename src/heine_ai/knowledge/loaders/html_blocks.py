"""HTML elements into blocks: headings, paragraphs, nested lists, tables and FAQ markup (``<dl>``, ``<details>``).

Used for the main content of HTML pages and for HTML inside Markdown. Whitespace is HTML's: a line break in the
source is a space; ``<br>`` is a line break within a paragraph, joined like a hard wrap. A table whose cells hold
paragraphs or lists is a layout table: its cells are read as blocks, not as data.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from heine_ai.knowledge.blocks import BlockWriter
from heine_ai.knowledge.lists import ListItem
from heine_ai.knowledge.tables import looks_like_header, merged_header

_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_LISTS = frozenset({"ul", "ol", "menu"})
_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins"}
    | {"kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"}
)
_BOLD = frozenset({"b", "strong"})
_STRUCTURE = frozenset({"p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "blockquote"})
# a superscript that marks a footnote ("gültig.<sup>1</sup>", Word's "<sup>[2]</sup>"), not a power ("m<sup>2</sup>")
_FOOTNOTE_MARK = re.compile(r"\[?\d{1,2}\]?|\*{1,3}|[†‡]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}")
_UNIT = re.compile(r"(?<![^\W\d_])[cmk]?m$")
_POWERS = str.maketrans("23", "²³")
MAX_SPAN = 100  # a cell's colspan or rowspan is capped: a page's "colspan=1000000" costs no memory


def write_html_fragment(markup: str, writer: BlockWriter) -> None:
    """HTML found inside Markdown; a comment or a lone closing tag writes nothing."""
    try:
        fragments = lxml.html.fragments_fromstring(markup)
    except (etree.ParserError, ValueError):
        return
    holder = lxml.html.Element("div")
    for fragment in fragments:
        if isinstance(fragment, str):
            holder.text = (holder.text or "") + fragment
        else:
            holder.append(fragment)
    plain_markup(holder)
    write_html(holder, writer)


def plain_markup(root: lxml.html.HtmlElement) -> None:
    """FAQ markup and addresses as paragraphs and headings, which every extractor keeps (trafilatura drops buttons
    and reads a ``<dl>`` as a list): an accordion's toggle button that asks or is marked as one becomes a bold
    line, read as the heading of what follows; a button inside a heading is its text; see
    ``_flatten_definitions``. An ``<address>`` is one line, its lines joined by commas: "GmbH & Co. KG, z. Hd.
    Datenschutzbeauftragte, Am Lerchenfeld 12, ...", not five sentences of which some start in lower case. Data
    tables with merged cells become plain grids (``spread_tables``)."""
    for drawn in root.xpath("//*[contains(translate(@style, ' ', ''), 'mso-list:Ignore')]"):
        drawn.drop_tree()  # the bullet or number Word draws in front of a list paragraph ("·", "1.")
    for button in list(root.iter("button")):
        if any(_tag(ancestor) in _HEADINGS for ancestor in button.iterancestors()):
            button.drop_tag()
        elif button.get("aria-expanded") or button.get("aria-controls") or inline_text(button).strip().endswith("?"):
            _as_bold_line(button, " ".join(inline_text(button).split()))
    _flatten_definitions(root)
    for address in list(root.iter("address")):
        lines = [" ".join(line.split()) for line in inline_text(address).splitlines()]
        tail = address.tail
        address.clear()
        address.tag, address.text, address.tail = "p", ", ".join(line for line in lines if line), tail
    spread_tables(root)


def _as_bold_line(element: lxml.html.HtmlElement, text: str) -> None:
    for attribute in list(element.attrib):
        del element.attrib[attribute]
    for child in list(element):
        element.remove(child)
    element.tag, element.text = "p", None
    etree.SubElement(element, "strong").text = text


def _flatten_definitions(root: lxml.html.HtmlElement) -> None:
    """Definition lists as paragraphs: a term that asks ("Wie lange ...?") becomes a bold line, read as the heading
    of its description; any other term starts its description's statement ("Versandkosten: 4,90 €")."""
    for definitions in list(root.iter("dl")):
        term = ""
        for child in list(definitions):
            tag = _tag(child)
            if tag == "dt":
                term = " ".join(inline_text(child).split())
                if term.endswith("?"):
                    _as_bold_line(child, term)
                else:
                    definitions.remove(child)  # its text goes in front of the description
            elif tag == "dd":
                child.tag = "div" if term.endswith("?") or not term else "p"
                if child.tag == "p":
                    child.text = f"{term}: {child.text or ''}"
        definitions.tag = "div"


def write_html(element: lxml.html.HtmlElement, writer: BlockWriter) -> None:
    """The blocks of ``element``'s content, in reading order."""
    parts = [element.text or ""]
    for child in element:
        tag = _tag(child)
        if not tag or tag in _INLINE:
            parts.append(inline_text(child) if tag else "")
        else:
            writer.paragraph("".join(parts))
            parts = []
            _write_block(child, tag, writer)
        parts.append(child.tail or "")
    writer.paragraph("".join(parts))


def inline_text(element: lxml.html.HtmlElement) -> str:
    """The text of ``element`` and its descendants; ``<br>`` is a line break, comments and images are nothing."""
    tag = _tag(element)
    if tag == "br":
        return "\n"
    parts = [element.text or ""] if tag and tag != "img" else []
    for child in element:
        parts.append(_superscript(child, "".join(parts)) if _tag(child) == "sup" else inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _superscript(element: lxml.html.HtmlElement, before: str) -> str:
    return superscript(inline_text(element), before)


def superscript(text: str, before: str) -> str:
    """A superscript as read: a footnote mark is nothing ("drei Jahre gültig.<sup>1</sup>" would read "gültig.1"), a
    power behind a unit its character ("m²"); any other superscript its text. ``before``: the text in front."""
    if not _FOOTNOTE_MARK.fullmatch(text.strip()):
        return text
    return text.strip().translate(_POWERS) if text.strip() in ("2", "3", "²", "³") and _UNIT.search(before) else ""


def _write_block(element: lxml.html.HtmlElement, tag: str, writer: BlockWriter) -> None:
    if tag in _HEADINGS:
        writer.heading(_HEADINGS[tag], inline_text(element))
    elif tag in _LISTS:
        writer.items(_list_items(element))
    elif tag == "table":
        _write_table(element, writer)
    elif tag == "summary":
        writer.subheading(inline_text(element))
    elif not any(_tag(child) and _tag(child) not in _INLINE for child in element.iterdescendants()):
        writer.paragraph(inline_text(element), emphasized=_bold_only(element), lead=_bold_lead(element))
    else:
        write_html(element, writer)


def _list_items(element: lxml.html.HtmlElement) -> list[ListItem]:
    items = []
    for li in element:
        if _tag(li) != "li":
            continue
        parts = [li.text or ""]
        children: list[ListItem] = []
        for child in li:
            if _tag(child) in _LISTS:
                children.extend(_list_items(child))
            else:
                parts.append(inline_text(child))
            parts.append(child.tail or "")
        items.append(ListItem("".join(parts), children))
    return items


def _write_table(table: lxml.html.HtmlElement, writer: BlockWriter) -> None:
    rows = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
    cells = [[cell for cell in row if _tag(cell) in {"td", "th"}] for row in rows]
    if any(_STRUCTURE.intersection(_tag(e) for e in cell.iterdescendants()) for row in cells for cell in row):
        for row in cells:  # a layout table: its cells hold the page's blocks
            for cell in row:
                write_html(cell, writer)
        return
    texts = [[inline_text(cell) for cell in row] for row in cells]
    if not texts:
        return
    marked = bool(table.xpath("./thead")) or all(_tag(cell) == "th" for cell in cells[0])
    writer.table(texts, header=marked or looks_like_header([" ".join(text.split()) for text in texts[0]]))


def spread_tables(root: lxml.html.HtmlElement) -> None:
    """Rewrite each data table as a plain grid, before anything else reads it: a cell spanning columns or rows
    (``colspan``, ``rowspan``) stands in each place it covers ("CHF 8.60" of Switzerland's row also in
    Liechtenstein's below it), several header rows become one ("Versandkosten" over "Standard" is "Versandkosten
    Standard"), and a row of one cell across the table (a note under it) stays one cell. The main-content
    extractor keeps no spans: read cell by cell, the values slid under the wrong headers ("Lieferzeit 95 €")."""
    for table in root.iter("table"):
        rows = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
        cells = [[cell for cell in row if _tag(cell) in {"td", "th"}] for row in rows]
        if not any(cell.get("colspan") or cell.get("rowspan") for row in cells for cell in row) and not (
            len(table.xpath("./thead/tr")) > 1
        ):
            continue
        if any(_STRUCTURE.intersection(_tag(e) for e in cell.iterdescendants()) for row in cells for cell in row):
            continue  # a layout table
        grid = _grid(cells)
        heads = len(table.xpath("./thead/tr")) or next(
            (n for n, row in enumerate(cells) if not all(_tag(cell) == "th" for cell in row)), len(cells)
        )
        header = [merged_header(grid[:heads])] if heads else []
        for child in list(table):
            if _tag(child) != "caption":
                table.remove(child)
        for number, row in enumerate([*header, *grid[heads:]]):
            line = etree.SubElement(table, "tr")
            for text in row:
                etree.SubElement(line, "th" if number < len(header) else "td").text = text


def _grid(rows: list[list[lxml.html.HtmlElement]]) -> list[list[str]]:
    """The cells' texts by the table's grid (``spread_tables``)."""
    width = max((sum(_span(cell, "colspan") for cell in row) for row in rows), default=0)
    below: dict[int, tuple[str, int]] = {}  # column: (text, rows still covered)
    grid = []
    for row in rows:
        placed: dict[int, str] = {}
        for column, (text, left) in list(below.items()):
            placed[column] = text
            if left > 1:
                below[column] = (text, left - 1)
            else:
                del below[column]
        column = 0
        for cell in row:
            while column in placed:
                column += 1
            text, across, down = inline_text(cell), _span(cell, "colspan"), _span(cell, "rowspan")
            for offset in range(across):
                placed[column + offset] = text
                if down > 1:
                    below[column + offset] = (text, down - 1)
            column += across
        if len(row) == 1 and len(placed) == width > 1 and _span(row[0], "colspan") == width:
            grid.append([placed[0]])
            continue
        grid.append([placed.get(position, "") for position in range(max(placed, default=-1) + 1)])
    return grid


def _span(cell: lxml.html.HtmlElement, attribute: str) -> int:
    try:
        return max(1, min(int(cell.get(attribute, "1")), MAX_SPAN))
    except ValueError:
        return 1


def _bold_only(element: lxml.html.HtmlElement) -> bool:
    children = [child for child in element if _tag(child)]
    return (
        not (element.text or "").strip()
        and len(children) == 1
        and _tag(children[0]) in _BOLD
        and not (children[0].tail or "").strip()
    )


def _bold_lead(element: lxml.html.HtmlElement) -> str:
    """The text of the bold element ``element`` opens with, if it opens with one."""
    children = [child for child in element if _tag(child)]
    if (element.text or "").strip() or not children or _tag(children[0]) not in _BOLD:
        return ""
    return inline_text(children[0])


def _tag(element: object) -> str:
    tag = getattr(element, "tag", None)
    return tag.lower() if isinstance(tag, str) else ""

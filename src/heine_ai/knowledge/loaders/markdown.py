"""Markdown and plain text: an optional YAML front matter (``title``, ``url``, ``language``), then the body, parsed as
CommonMark with tables, definition lists and footnotes (``markdown-it-py``, ``mdit-py-plugins``) into blocks. HTML
inside the Markdown is read as HTML. A footnote's text ("[^grenze]: Maßgeblich ist der Warenwert nach Abzug von
Gutscheinen.") follows the paragraph that marks it, where the fact it qualifies stands; no mark is shown. The notes of
documentation sites (MkDocs ``!!! note "Hinweis"`` with its text indented, Docusaurus ``:::info Titel`` ... ``:::``)
are read as the text they hold; their type and title, a label such as "Achtung" or a restatement of the text, are left
out."""

from __future__ import annotations

import re

import yaml
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from heine_ai.errors import KnowledgeError
from heine_ai.knowledge.blocks import Block, BlockKind, BlockWriter, has_body
from heine_ai.knowledge.documents import Document
from heine_ai.knowledge.footnotes import PlacedNotes, resolved_footnotes
from heine_ai.knowledge.lists import ListItem
from heine_ai.knowledge.loaders.base import Origin, build_document, language_code
from heine_ai.knowledge.loaders.encoding import decode_text
from heine_ai.knowledge.loaders.html_blocks import superscript, write_html_fragment
from heine_ai.knowledge.loaders.text_tables import pipe_tables

_PARSER = (
    MarkdownIt("commonmark")
    .enable("table")
    .use(deflist_plugin)
    .use(footnote_plugin)
    .use(admon_plugin)
    .use(container_plugin, name="note", validate=lambda *_: True)  # any ":::type", not only ":::note"
)
_NOTE_LABELS = frozenset({"admonition_title"})
_LISTS = frozenset({"bullet_list", "ordered_list"})
_TAB = re.compile(r'^(?P<indent>[ \t]*)===[!+]?\s+"(?P<title>[^"]+)"\s*$')  # pymdownx.tabbed: === "Österreich"
_TAG = r"\{\{[<%].*?[>%]\}\}|\{%-?.*?-?%\}"  # "{{< hint info >}}", "{{% notice %}}", "{% include x %}"
_SHORTCODE_LINE = re.compile(rf"^[ \t]*(?:{_TAG})[ \t]*$", re.MULTILINE)
_SHORTCODE = re.compile(_TAG)
_TOGGLE = re.compile(r"^\s*[▸▶►▹▾▼]\s*")  # the arrow of a toggle block


def read_markdown(data: bytes, origin: Origin) -> Document:
    """Markdown or plain text (a text file may carry a front matter too)."""
    return markdown_document(decode_text(data, origin.charset), origin)


def markdown_document(raw: str, origin: Origin) -> Document:
    meta, body = split_front_matter(raw)
    properties, body = split_properties(body)
    meta = {**properties, **meta}
    blocks = parse_markdown(body)
    if not has_body(blocks):
        raise KnowledgeError("the document has no text")
    title = meta.get("title") or first_heading(blocks)
    url = meta.get("url")
    language = language_code(meta["language"]) if "language" in meta else None
    if "language" in meta and language is None:
        raise KnowledgeError("the front matter 'language' must be a language code such as 'en' or 'de'")
    return build_document(
        origin, title=str(title) if title else None, url=str(url) if url else None, blocks=blocks, language=language
    )


def split_front_matter(raw: str) -> tuple[dict[str, object], str]:
    raw = raw.lstrip("\n\r\t ")
    if not raw.startswith("---"):
        return {}, raw
    parts = raw.split("\n---", 1)
    if len(parts) != 2:
        raise KnowledgeError("the front matter is not closed with '---'")
    try:
        meta = yaml.safe_load(parts[0].removeprefix("---")) or {}
    except yaml.YAMLError as exc:
        raise KnowledgeError("the front matter is not valid YAML") from exc
    if not isinstance(meta, dict):
        raise KnowledgeError("the front matter must be a mapping")
    return meta, parts[1].lstrip("-").lstrip("\n")


# the header of a page's properties table, as Notion and wiki exports put it under the title
_PROPERTIES_HEADER = re.compile(r"^\|?\s*(?:eigenschaft|property|feld|field|key)\s*\|\s*(?:wert|value)\s*\|?\s*$", re.I)
_PROPERTY_KEYS = {"url": "url", "title": "title", "titel": "title", "language": "language", "sprache": "language"}


def _after_title(lines: list[str]) -> int:
    """The index of the first line after the title heading and blank lines."""
    number = 0
    while number < len(lines) and (not lines[number].strip() or (lines[number].startswith("# ") and number == 0)):
        number += 1
    return number


def split_properties(body: str) -> tuple[dict[str, object], str]:
    """A properties table right under the title ("| Eigenschaft | Wert |" / "| URL | /service/pflege |" /
    "| Status | Veröffentlicht |"): page metadata, not text; its URL, title and language are taken like a front
    matter's, the rest (status, editor, tags) is left out."""
    lines = body.split("\n")
    start = _after_title(lines)
    if start >= len(lines) or not _PROPERTIES_HEADER.match(lines[start].strip()):
        return {}, body
    end = start + 2  # the header and its rule
    meta: dict[str, object] = {}
    while end < len(lines) and lines[end].strip().startswith("|"):
        cells = [cell.strip() for cell in lines[end].strip().strip("|").split("|")]
        if len(cells) == 2 and (key := _PROPERTY_KEYS.get(cells[0].casefold())) and cells[1]:
            meta[key] = cells[1]
        end += 1
    return meta, "\n".join(lines[:start] + lines[end:])


def first_heading(blocks: tuple[Block, ...]) -> str | None:
    return next((b.text for b in blocks if b.kind is BlockKind.HEADING and b.level == 1), None)


def parse_markdown(text: str) -> tuple[Block, ...]:
    writer = BlockWriter()
    tree = SyntaxTreeNode(_PARSER.parse(resolved_footnotes(pipe_tables(opened_tabs(without_shortcodes(text))))))
    notes = PlacedNotes(_footnote_texts(tree))
    _write(tree.children, writer, notes)
    return writer.blocks


def opened_tabs(text: str) -> str:
    """MkDocs content tabs (``=== "Österreich"`` over its text indented by four spaces) as a bold line, the heading
    of the tab's text, and that text unindented: indented, it was read as code, its tables and notes as raw
    text ("=== "Niederlande & Belgien"", "| Kragenweite | ...")."""
    out: list[str] = []
    inside: list[str] = []  # the indentation of each open tab's text
    for line in text.split("\n"):
        while inside and line.strip() and not line.startswith(inside[-1]):
            inside.pop()  # a line indented less than the tab's text closes the tab
        prefix = inside[-1] if inside else ""
        body = line[len(prefix) :] if line.startswith(prefix) else line.lstrip()
        tab = _TAB.match(body)
        if tab is not None:
            out.append(f"{tab.group('indent')}**{tab.group('title')}**")
            inside.append(prefix + tab.group("indent") + "    ")
            continue
        out.append(body)
    return "\n".join(out)


def without_shortcodes(text: str) -> str:
    """The text without the template tags of static-site generators (Hugo's ``{{< hint info >}}`` ...
    ``{{< /hint >}}``, ``{{% ... %}}``, Jekyll's ``{% ... %}``): a tag on a line of its own ends the paragraph
    before it, as the box it opens or closes does on the page; the text inside stays."""
    return _SHORTCODE.sub("", _SHORTCODE_LINE.sub("", text))


def _footnote_texts(tree: SyntaxTreeNode) -> dict[str, str]:
    """The text of each footnote of a parsed document by its id."""
    texts = {}
    for block in (node for node in tree.children if node.type == "footnote_block"):
        for note in block.children:
            paragraphs = [_inline_text(child) for child in note.children if child.type == "paragraph"]
            texts[str(note.meta["id"])] = " ".join(text.strip() for text in paragraphs if text.strip())
    return texts


def _write(nodes: list[SyntaxTreeNode], writer: BlockWriter, notes: PlacedNotes) -> None:
    above: list[str] = []  # a header row above a table's own ("| Alter || Körpergröße |"), its spans filled
    for position, node in enumerate(nodes):
        following = nodes[position + 1] if position + 1 < len(nodes) else None
        if node.type == "paragraph" and following is not None and following.type == "table":
            above = _spanned_row(_inline_text(node))
            if above:
                continue
        if node.type == "heading":
            writer.heading(int(node.tag[1:]), _inline_text(node))
        elif node.type == "paragraph":
            writer.paragraph(_inline_text(node), emphasized=_all_strong(node), lead=_strong_lead(node))
        elif node.type in _LISTS:
            _write_list(node, writer, notes)
        elif node.type == "table":
            rows = [[_inline_text(cell) for cell in row.children] for row in _table_rows(node)]
            if above and rows and len(above) == len(rows[0]):
                rows[0] = [" ".join(dict.fromkeys(filter(None, pair))) for pair in zip(above, rows[0], strict=True)]
            above = []
            header = next((child for child in node.children if child.type == "thead"), None)
            writer.table(rows, header=header is not None and any(rows[0]))
        elif node.type in {"fence", "code_block"}:
            writer.paragraph(node.content)
        elif node.type == "dt":  # a definition list's term heads its description ("SEPA-Lastschrift")
            writer.subheading(_inline_text(node))
        elif node.type == "html_block":
            write_html_fragment(node.content, writer)
        elif node.type in _NOTE_LABELS or node.type == "footnote_block":  # "!!! warning "Achtung"": the note's
            continue  # text says what it is; the footnotes stand below the paragraphs that mark them
        else:  # blockquote and anything else that holds blocks
            _write(node.children, writer, notes)
        for note in notes.place(str(ref.meta["id"]) for ref in node.walk() if ref.type == "footnote_ref"):
            writer.paragraph(note)


def _write_list(node: SyntaxTreeNode, writer: BlockWriter, notes: PlacedNotes) -> None:
    """A list; an item that is a toggle (Notion's "▸ **Frage**" with its text indented below it) is the heading of
    its text, as a ``<details>`` summary is: one item of both, the question read as the answer's first sentence."""
    items: list[SyntaxTreeNode] = []
    for item in node.children:
        first = item.children[0] if item.children else None
        title = _inline_text(first) if first is not None and first.type == "paragraph" else ""
        if len(item.children) > 1 and _TOGGLE.match(title):
            if items:
                writer.items([entry for kept in items for entry in _list_items(kept)])
                items = []
            writer.subheading(_TOGGLE.sub("", title))
            _write(item.children[1:], writer, notes)
        else:
            items.append(item)
    if items:
        writer.items([entry for kept in items for entry in _list_items(kept)])


def _spanned_row(text: str) -> list[str]:
    """The cells of a table row written as a paragraph above a table, a cell left empty after another spanning
    both ("| Alter || Körpergröße |": Alter, Alter, Körpergröße); none for any other paragraph."""
    line = text.strip()
    if "\n" in line or not (line.startswith("|") and line.endswith("|")) or line.count("|") < 3:
        return []
    cells: list[str] = []
    for cell in (part.strip() for part in line[1:-1].split("|")):
        cells.append(cell or (cells[-1] if cells else ""))
    return cells


def _list_items(node: SyntaxTreeNode) -> list[ListItem]:
    items = []
    for item in node.children if node.type in _LISTS else [node]:
        texts = [_inline_text(child) for child in item.children if child.type == "paragraph"]
        children = [sub for child in item.children if child.type in _LISTS for sub in _list_items(child)]
        items.append(ListItem(" ".join(texts), children))
    return items


def _table_rows(node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    return [row for part in node.children for row in part.children if row.type == "tr"]


def _inline_text(node: SyntaxTreeNode) -> str:
    """The text a reader sees: markup dropped, a link as its text, line breaks kept for ``joined_lines``."""
    parts: list[str] = []
    raised: list[str] | None = None  # the text inside an inline <sup>...</sup>, read as a superscript
    for child in node.children:
        if raised is not None and child.type != "html_inline":
            raised.append(child.content if child.type == "text" else "")
        elif child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append("\n")
        elif child.type == "html_inline":
            tag = child.content.lower()
            if tag.startswith("<sup"):
                raised = []
            elif tag.startswith("</sup") and raised is not None:
                parts.append(superscript("".join(raised), "".join(parts)))
                raised = None
            else:
                parts.append("\n" if tag.startswith("<br") else "")
        elif child.type not in {"image", "footnote_ref", "footnote_anchor"}:
            parts.append(_inline_text(child))
    return "".join(parts)


def _all_strong(node: SyntaxTreeNode) -> bool:
    """The paragraph is one bold (or emphasised) span, as pages without heading markup write a heading."""
    inline = node.children[0].children if node.children else []
    spans = [child for child in inline if not (child.type == "text" and not child.content.strip())]
    return len(spans) == 1 and spans[0].type in {"strong", "em"}


def _strong_lead(node: SyntaxTreeNode) -> str:
    """The text of the bold (or emphasised) span a paragraph opens with, if it opens with one."""
    inline = node.children[0].children if node.children else []
    first = next((child for child in inline if not (child.type == "text" and not child.content.strip())), None)
    return _inline_text(first) if first is not None and first.type in {"strong", "em"} else ""

"""HTML pages: the main content as blocks, without navigation, header, footer and other boilerplate.

Elements that are boilerplate by their tag or ARIA role are removed first, so they never reach the text whatever
the extractor decides; ``trafilatura`` then finds the main content (it also knows boilerplate by class names and
link density) and returns it as clean HTML, which ``html_blocks`` reads into headings, paragraphs, lists and
tables. A page without a <main> or <article> first loses the elements whose class or id names them boilerplate
("site-footer", "cookie-banner") and has its body wrapped in an <article>, without which trafilatura drops the
headings. Where trafilatura finds nothing, or loses the headings all the same, the main element is read directly.
"""

from __future__ import annotations

import copy
import re

import lxml.html
import trafilatura
from lxml import etree

from heine_ai.errors import KnowledgeError
from heine_ai.knowledge.blocks import Block, BlockKind, BlockWriter, has_body
from heine_ai.knowledge.documents import Document
from heine_ai.knowledge.loaders.base import Origin, build_document, language_code, one_line
from heine_ai.knowledge.loaders.encoding import decode_text
from heine_ai.knowledge.loaders.html_blocks import plain_markup, write_html
from heine_ai.knowledge.loaders.json_ld import faq_entries, with_faq_entries
from heine_ai.knowledge.site_names import TITLE_SEPARATORS

BOILERPLATE = (
    "//script | //style | //noscript | //template | //svg | //iframe | //form | //nav | //aside | //dialog"
    " | //header[not(ancestor::main or ancestor::article)] | //footer[not(ancestor::main or ancestor::article)]"
    " | //*[@role='navigation' or @role='banner' or @role='contentinfo' or @role='complementary' or @role='search']"
)
_MAIN = "//main | //article | //*[@role='main']"
_SUBHEADINGS = ".//h2 | .//h3 | .//h4 | .//h5 | .//h6"
# Class and id words of boilerplate, for pages without a <main> or <article> and for the fallback walk.
_BOILERPLATE_WORDS = frozenset(
    {"nav", "navbar", "navigation", "menu", "header", "footer", "sidebar", "cookie", "cookies", "breadcrumb"}
    | {"breadcrumbs", "banner", "newsletter", "social", "share", "topbar", "helpful", "feedback", "rating"}
)
_WORDS = re.compile(r"[a-z]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def read_html(data: bytes, origin: Origin) -> Document:
    root = _parse(data, origin.charset)
    title = page_title(root)
    canonical = root.xpath("string(//link[@rel='canonical']/@href)").strip()
    language = language_code(root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang"))
    declared = faq_entries(root)  # before the scripts go with the boilerplate
    for element in root.xpath(BOILERPLATE):
        element.drop_tree()
    plain_markup(root)
    if not root.xpath(_MAIN):
        _wrap_body(_without_boilerplate_classes(root))
    blocks = _extract(copy.deepcopy(root))
    main = _main_element(root)
    if not has_body(blocks) or (not _has_sections(blocks) and main.xpath(_SUBHEADINGS)):
        blocks = _walked(main)  # trafilatura found nothing, or lost the sections
    elif (emptied := _emptied(blocks)) and emptied - _emptied(walked := _walked(copy.deepcopy(main))):
        blocks = walked  # trafilatura dropped the text of a section the page fills (Word's list paragraphs)
    blocks = with_faq_entries(blocks, declared)
    if not has_body(blocks):
        raise KnowledgeError("the page has no main text")
    url = canonical if canonical.startswith("http") else None
    return build_document(origin, title=title, url=url, blocks=blocks, language=language)


def _parse(data: bytes, declared: str | None) -> lxml.html.HtmlElement:
    sniffed = _META_CHARSET.search(data[:4096])
    charset = declared or (sniffed.group(1).decode("ascii") if sniffed else None)
    text = _XML_DECLARATION.sub("", decode_text(data, charset))  # lxml refuses str with an encoding declaration
    if not text.strip():
        raise KnowledgeError("the page is empty")
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise KnowledgeError("not a readable HTML page") from exc


def page_title(root: lxml.html.HtmlElement) -> str | None:
    """The <title>, or just the part of it that is the first <h1> ("Rücksendung | heine" -> "Rücksendung")."""
    title = one_line(root.findtext(".//title") or "")
    headings = root.xpath("//h1")
    h1 = one_line(headings[0].text_content()) if headings else ""
    if title and h1 and h1 in TITLE_SEPARATORS.split(title):
        return h1
    return title or h1 or None


def _extract(root: lxml.html.HtmlElement) -> tuple[Block, ...]:
    markup = trafilatura.extract(
        root,
        output_format="html",
        favor_precision=True,  # on small pages, recall mode falls back to whole-page text with the menus
        include_tables=True,
        include_formatting=True,  # bold lines are the headings of pages without heading markup
        include_comments=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    writer = BlockWriter()
    if markup:
        body = lxml.html.document_fromstring(markup).find("body")
        if body is not None:
            write_html(body, writer)
    return writer.blocks


def _walked(main: lxml.html.HtmlElement) -> tuple[Block, ...]:
    writer = BlockWriter()
    write_html(_without_boilerplate_classes(main), writer)
    return writer.blocks


def _emptied(blocks: tuple[Block, ...]) -> set[str]:
    """The headings with no text under them before the next heading of their level or above."""
    empty = set()
    for number, block in enumerate(blocks):
        if block.kind is not BlockKind.HEADING:
            continue
        below = (b for b in blocks[number + 1 :] if b.kind is not BlockKind.HEADING or b.level <= block.level)
        following = next(below, None)
        if following is None or following.kind is BlockKind.HEADING:
            empty.add(block.text)
    return empty


def _has_sections(blocks: tuple[Block, ...]) -> bool:
    return any(block.kind is BlockKind.HEADING and block.level > 1 for block in blocks)


def _wrap_body(root: lxml.html.HtmlElement) -> None:
    """Put the body into an <article>: without a main container trafilatura falls back to a mode that loses the
    headings, and with them the sections."""
    body = root.find("body")
    if body is None:
        return
    article = lxml.html.Element("article")
    article.text, body.text = body.text, None
    for child in list(body):
        article.append(child)
    body.append(article)


def _main_element(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    for path in ("//main", "//article", "//*[@role='main']", "//body"):
        found = root.xpath(path)
        if found:
            element: lxml.html.HtmlElement = found[0]
            return element
    return root


def _without_boilerplate_classes(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    for element in list(root.iter()):
        if element is root or not isinstance(element.tag, str):
            continue
        words = _WORDS.findall(f"{element.get('class', '')} {element.get('id', '')}".lower())
        if _BOILERPLATE_WORDS.intersection(words):
            element.drop_tree()
    return root

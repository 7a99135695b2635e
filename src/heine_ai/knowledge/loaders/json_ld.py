"""The questions and answers a page declares as schema.org ``FAQPage`` data (JSON-LD), for the ones its visible
text lacks: shop systems and FAQ widgets that render their accordion with JavaScript leave only this data in the
HTML a crawler gets, and an answer in it is the shop's own words like any paragraph."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import lxml.html

from heine_ai.knowledge.blocks import Block, BlockKind, BlockWriter
from heine_ai.knowledge.loaders.html_blocks import write_html_fragment

_SCRIPTS = "//script[@type='application/ld+json']"


def faq_entries(root: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """Each declared question with its answer (HTML or text), in the page's order; unreadable data is none."""
    entries = []
    for script in root.xpath(_SCRIPTS):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in _items(data):
            question, answer = item.get("name"), item.get("acceptedAnswer")
            if isinstance(answer, list) and answer:
                answer = answer[0]
            text = answer.get("text") if isinstance(answer, dict) else None
            if isinstance(question, str) and isinstance(text, str) and question.strip() and text.strip():
                entries.append((" ".join(question.split()), text))
    return entries


def with_faq_entries(blocks: tuple[Block, ...], entries: list[tuple[str, str]]) -> tuple[Block, ...]:
    """``blocks`` and, below them, each entry whose question the visible text does not already hold."""
    seen = " ".join(" ".join(block.text.split()) for block in blocks)
    writer = BlockWriter()
    for question, answer in entries:
        if question in seen:
            continue
        writer.heading(2, question)
        write_html_fragment(answer, writer)
    added = writer.blocks
    return blocks + added if any(block.kind is not BlockKind.HEADING for block in added) else blocks


def _items(data: Any) -> Iterator[dict[str, Any]]:
    """The ``Question`` items of JSON-LD data: under a ``FAQPage``'s ``mainEntity``, also inside an ``@graph``
    or a list of several objects."""
    if isinstance(data, list):
        for element in data:
            yield from _items(element)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _items(data["@graph"])
        kinds = data.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "FAQPage" in kinds:
            entities = data.get("mainEntity")
            for entity in entities if isinstance(entities, list) else [entities]:
                if isinstance(entity, dict):
                    yield entity

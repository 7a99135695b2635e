"""Page titles without the site's name: "Kundenservice-Wissen : Veredelung mit Ihrem Firmenlogo" (a Confluence
space before each page) or "Kommunionmode | Silberquell Braut- & Festmode" (a shop's name after it) name the page
"Veredelung mit Ihrem Firmenlogo" and "Kommunionmode" in an answer's sources.

A part of a title between separators is the site's name when it ends the title and starts with the brand's id
("… | Silberquell Braut- & Festmode" of brand ``silberquell``), when it stands before a spaced colon on several
pages (Confluence's "Space : Page"), or when many of the brand's pages carry it. A page cannot tell the last two
alone, so this runs over the brand's whole index when it is loaded.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Sequence

from heine_ai.providers.vectors import StoredChunk
from heine_ai.text import fold

TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]+\s+")
_SPACE = re.compile(r"^([^:|]+?)\s+:\s+")  # "Kundenservice-Wissen : ...": a colon with a space before it
MIN_PAGES = 3  # a part on this many pages at least,
MIN_SHARE = 1 / 3  # and on this share of them, names the site


def site_names(titles: Sequence[str], brand: str = "") -> frozenset[str]:
    """The title parts that name the site (never a page's whole title): a last part starting with ``brand`` (its
    id), a first part before a spaced colon on two pages or more, a part on at least ``MIN_PAGES`` of the distinct
    titles and ``MIN_SHARE`` of them."""
    pages = set(titles)
    split = {title: parts for title in pages if len(parts := _parts(title)) > 1}
    counts = Counter(part for parts in split.values() for part in set(parts))
    least = max(MIN_PAGES, len(pages) * MIN_SHARE)
    spaces = Counter(match.group(1).strip() for title in split if (match := _SPACE.match(title)))
    shops = {parts[-1] for parts in split.values() if brand and fold(parts[-1]).startswith(fold(brand))}
    return frozenset(
        {part for part, count in counts.items() if count >= least}
        | {space for space, count in spaces.items() if count >= 2}
        | shops
    )


def without_site_name(title: str, names: frozenset[str]) -> str:
    """``title`` without the parts in ``names`` and their separators; the title itself if nothing else is left."""
    pieces = TITLE_SEPARATORS.split(title)
    separators = TITLE_SEPARATORS.findall(title)
    kept = [i for i, piece in enumerate(pieces) if piece.strip() not in names]
    if not kept or len(kept) == len(pieces):
        return title
    text = pieces[kept[0]]
    for before, after in itertools.pairwise(kept):
        text += separators[after - 1] if after - before == 1 else " – "
        text += pieces[after]
    return text.strip()


def titled_by_page(chunks: Sequence[StoredChunk], brand: str = "") -> list[StoredChunk]:
    """The chunks of ``brand``, each titled without the site's name."""
    titles = [str(chunk.metadata.get("title", "")) for chunk in chunks]
    names = site_names(titles, brand)
    if not names:
        return list(chunks)
    renamed = {title: without_site_name(title, names) for title in set(titles)}
    return [
        dataclasses.replace(chunk, metadata={**chunk.metadata, "title": renamed[title]})
        if renamed[title] != title
        else chunk
        for chunk, title in zip(chunks, titles, strict=True)
    ]


def _parts(title: str) -> list[str]:
    return [part.strip() for part in TITLE_SEPARATORS.split(title) if part.strip()]

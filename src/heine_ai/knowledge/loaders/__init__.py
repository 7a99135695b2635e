"""Readers for each knowledge format; each turns bytes into a ``Document`` (or a ``Listing`` of URLs).

``dispatch`` picks the reader by file suffix or content type: Markdown and text (``markdown``), HTML (``html``),
PDF (``pdf``), Word (``docx``), URL lists and sitemaps (``listing``). Text encodings: ``encoding``.
"""

from heine_ai.knowledge.loaders.base import Listing, Loaded, Origin, is_http_url
from heine_ai.knowledge.loaders.dispatch import SUFFIXES, Kind, kind_of_path, kind_of_response, load, read_file

__all__ = [
    "SUFFIXES",
    "Kind",
    "Listing",
    "Loaded",
    "Origin",
    "is_http_url",
    "kind_of_path",
    "kind_of_response",
    "load",
    "read_file",
]

"""A document may name its own URL (front matter, canonical link); customers and the console get it as a link,
so only http(s) and root-relative URLs are taken; anything else falls back to where the file lies."""

from __future__ import annotations

import pytest

from heine_ai.knowledge.loaders.base import Origin
from heine_ai.knowledge.loaders.markdown import markdown_document

ORIGIN = Origin(source="service/retoure.md", url="/service/retoure", name="retoure")


def named(url: str) -> str:
    return markdown_document(f"---\ntitle: Retoure\nurl: '{url}'\n---\nRücksendungen sind kostenlos.\n", ORIGIN).url


@pytest.mark.parametrize("url", ["https://shop.example/retoure", "http://shop.example/r", "/hilfe/retoure"])
def test_web_and_root_relative_urls_are_kept(url: str) -> None:
    assert named(url) == url


@pytest.mark.parametrize(
    "url", ["javascript:alert(document.cookie)", " JavaScript:alert(1)", "data:text/html,<b>x</b>", "//evil.example/x"]
)
def test_script_data_and_protocol_relative_urls_are_refused(url: str) -> None:
    assert named(url) == "/service/retoure"

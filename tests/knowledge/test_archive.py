"""A DOCX zip bomb (the audit's 510 KB file grew the process by 920 MB) is refused before it is unpacked."""

from __future__ import annotations

import io
import tracemalloc
import zipfile

import pytest

from heine_ai.errors import KnowledgeError
from heine_ai.knowledge.loaders.base import Origin
from heine_ai.knowledge.loaders.dispatch import Kind, load
from tests.support.documents import docx_bytes

ORIGIN = Origin(source="bombe.docx", url="/bombe", name="bombe")
LIMIT = 50 << 20


def _bomb(unpacked_mb: int) -> bytes:
    """A well-formed DOCX whose document.xml is padded with megabytes of zeros that compress to almost nothing."""
    real = zipfile.ZipFile(io.BytesIO(docx_bytes("Pflege", [("Wolle", "Wolle waschen Sie kalt.")])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in real.infolist():
            data = real.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b"<!--" + b"0" * (unpacked_mb << 20) + b"--></w:body>")
            bomb.writestr(item.filename, data)
    return out.getvalue()


def test_a_zip_bomb_is_refused_without_unpacking_it() -> None:
    bomb = _bomb(100)
    assert len(bomb) < 1 << 20  # under a megabyte on disk
    tracemalloc.start()
    try:
        with pytest.raises(KnowledgeError, match="a zip bomb"):
            load(bomb, Kind.DOCX, ORIGIN, LIMIT)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20  # nothing near the 100 MB it would unpack to
    with pytest.raises(KnowledgeError, match="unpacks to more than the size limit"):
        load(bomb, Kind.DOCX, ORIGIN, 1 << 20)  # the unpacked total counts against the file size limit


def test_a_real_docx_and_a_broken_one() -> None:
    document = load(docx_bytes("Pflege", [("Wolle", "Wolle waschen Sie kalt.")]), Kind.DOCX, ORIGIN, LIMIT)
    assert "Wolle waschen Sie kalt." in document.text  # type: ignore[union-attr]
    with pytest.raises(KnowledgeError, match="not a zip archive"):
        load(b"PK\x03\x04 not really a zip", Kind.DOCX, ORIGIN, LIMIT)

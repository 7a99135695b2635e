"""PDF files: the text of every page (``pypdf``); the title from the metadata or the first line."""

from __future__ import annotations

import io
import re

from pypdf import PasswordType, PdfReader

from heine_ai.errors import KnowledgeError
from heine_ai.knowledge.documents import Document
from heine_ai.knowledge.loaders.base import Origin, build_document, one_line

_HYPHENATED = re.compile(r"(?<=[a-zäöüß])-\n(?=[a-zäöüß])")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_BLANK_LINES = re.compile(r"\n{3,}")


def read_pdf(data: bytes, origin: Origin) -> Document:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise KnowledgeError("the PDF is password protected")
        pages = [_clean(page.extract_text() or "") for page in reader.pages]
        metadata_title = (reader.metadata.title if reader.metadata else None) or ""
    except KnowledgeError:
        raise
    except Exception as exc:  # pypdf raises many different errors on damaged files; all mean the same here
        raise KnowledgeError(f"not a readable PDF ({type(exc).__name__})") from exc
    text = "\n\n".join(page for page in pages if page)
    if not text:
        raise KnowledgeError("the PDF has no extractable text (scanned pages need OCR first)")
    title = one_line(str(metadata_title)) or _first_line(text)
    return build_document(origin, title=title, url=None, text=text)


def _clean(page: str) -> str:
    page = _HYPHENATED.sub("", page.replace("\r\n", "\n"))
    return _BLANK_LINES.sub("\n\n", _TRAILING_SPACE.sub("\n", page)).strip()


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return one_line(line)[:200]
    return ""

"""Turning the bytes of a text, Markdown or HTML file into text, whatever its encoding.

UTF-8 is tried first; otherwise ``charset-normalizer`` guesses, preferring the Western European code pages that
German files use (on short texts its unrestricted guess can be an EBCDIC page). Bytes that decode to control
characters are binary data and an error, not text.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from heine_ai.errors import KnowledgeError

WESTERN = ["cp1252", "iso8859_15", "latin_1"]
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
MAX_CONTROL_SHARE = 0.01


def decode_text(data: bytes, declared: str | None = None) -> str:
    """The text of ``data``; ``declared`` is a charset the server or the document itself names."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding)
            if text is None:
                raise KnowledgeError(f"not text: invalid {encoding} after its byte order mark")
            return _checked(text)
    for candidate in (declared, "utf-8"):
        text = _strict(data, candidate) if candidate else None
        if text is not None:
            return _checked(text)
    match = from_bytes(data, cp_isolation=WESTERN).best() or from_bytes(data).best()
    if match is None:
        raise KnowledgeError("not text: binary data or an unknown text encoding")
    return _checked(str(match))


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _checked(text: str) -> str:
    controls = sum(1 for ch in text if ch < " " and ch not in _ALLOWED_CONTROLS)
    if "\x00" in text or controls > MAX_CONTROL_SHARE * max(len(text), 1):
        raise KnowledgeError("not text: the file contains binary data")
    return text

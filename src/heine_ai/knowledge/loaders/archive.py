"""A DOCX is a zip archive: checked before it is opened, so a small file cannot unpack into gigabytes.

python-docx reads every part of the archive into memory and parses its XML, so what counts is the unpacked size.
A zip member stops at the size its header declares, so the declared sizes bound what can be unpacked; a member
that claims to unpack to far more than any real document compresses to is a zip bomb.
"""

from __future__ import annotations

import io
import zipfile

from heine_ai.errors import KnowledgeError

MAX_RATIO = 200  # Word's XML compresses about 10:1, very repetitive XML maybe 50:1; a zip bomb 1000:1
UNPACKED_FACTOR = 4  # the unpacked archive may be this many times the file size limit


def check_archive(data: bytes, max_bytes: int) -> None:
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise KnowledgeError("not a readable Word document (not a zip archive)") from exc
    unpacked = sum(member.file_size for member in members)
    if unpacked > max_bytes * UNPACKED_FACTOR:
        raise KnowledgeError("the archive unpacks to more than the size limit allows")
    if any(member.file_size > max(member.compress_size, 1024) * MAX_RATIO for member in members):
        raise KnowledgeError("the archive is compressed beyond any real document (a zip bomb)")

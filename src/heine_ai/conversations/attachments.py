"""Files customers send (e-mail attachments): checked, scanned, stored encrypted in their conversation.

Only images (JPEG, PNG, GIF, WebP) and PDF up to ``MAX_BYTES`` are kept, and only when their first bytes match
the type (a mail's declared content type is the sender's claim); everything else keeps a row with the reason it
was refused and no data, so staff still see that it was sent. ClamAV scans what is kept where it is installed
(``security/scanner.py``); an infected file is refused. Staff fetch a file only through the agent API, which checks
that they serve the conversation's brand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.conversations import attachment_repository as repository
from heine_ai.db.models import Attachment, new_id
from heine_ai.errors import AttachmentNotFound
from heine_ai.security.crypto import Cipher
from heine_ai.security.scanner import ScanResult, VirusScanner

MAX_BYTES = 10 * 1024 * 1024
MAGIC: dict[str, tuple[bytes, ...]] = {
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/webp": (b"RIFF",),  # and "WEBP" at offset 8, checked below
    "application/pdf": (b"%PDF-",),
}


@dataclass(frozen=True, slots=True)
class IncomingFile:
    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True, slots=True)
class AttachmentView:
    id: str
    filename: str
    content_type: str
    size: int
    scan: str
    refused: str | None


def refusal(file: IncomingFile) -> str | None:
    """Why a file is not kept (``type_not_allowed``, ``too_large``, ``type_mismatch``), or None."""
    kind = file.content_type.lower()
    if kind not in MAGIC:
        return "type_not_allowed"
    if len(file.data) > MAX_BYTES:
        return "too_large"
    if not file.data.startswith(MAGIC[kind]) or (kind == "image/webp" and file.data[8:12] != b"WEBP"):
        return "type_mismatch"
    return None


class AttachmentStore:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], cipher: Cipher, scanner: VirusScanner) -> None:
        self._sessions = sessions
        self._cipher = cipher
        self._scanner = scanner

    async def store(
        self, brand: str, conversation_id: str, source: str, files: Sequence[IncomingFile]
    ) -> list[AttachmentView]:
        """Keep ``files`` (what ``source``, e.g. a mail's Message-ID, brought) in the conversation; storing the
        same source again stores nothing more (a channel retrying after a crash)."""
        async with self._sessions() as session:
            if await repository.of_source(session, conversation_id, source):
                return [self._view(row) for row in await repository.of_source(session, conversation_id, source)]
        rows = [await self._row(brand, conversation_id, source, position, file) for position, file in enumerate(files)]
        async with self._sessions() as session, session.begin():
            if not await repository.of_source(session, conversation_id, source):  # a second worker was quicker
                session.add_all(rows)
        return [self._view(row) for row in rows]

    async def room_for(self, conversation_id: str, source: str, most: int) -> bool:
        """Whether ``source`` may add a file: it is stored already (a resend), or the conversation has fewer than
        ``most``."""
        async with self._sessions() as session:
            if await repository.of_source(session, conversation_id, source):
                return True
            return await repository.count_of_conversation(session, conversation_id) < most

    async def of_conversation(self, conversation_id: str) -> list[AttachmentView]:
        async with self._sessions() as session:
            return [self._view(row) for row in await repository.of_conversation(session, conversation_id)]

    async def content(self, attachment_id: str) -> tuple[str, AttachmentView, bytes]:
        """The conversation id, the view and the bytes of a kept file; ``AttachmentNotFound`` for a refused one."""
        async with self._sessions() as session:
            row = await repository.get(session, attachment_id)
        if row is None or row.data_enc is None:
            raise AttachmentNotFound("No such file.")
        return row.conversation_id, self._view(row), self._cipher.decrypt_bytes(row.data_enc)

    async def _row(
        self, brand: str, conversation_id: str, source: str, position: int, file: IncomingFile
    ) -> Attachment:
        refused = refusal(file)
        scan = ScanResult.UNSCANNED
        if refused is None:
            scan = await self._scanner.scan(file.data)
            if scan is ScanResult.INFECTED:
                refused = "infected"
        return Attachment(
            id=new_id(),
            conversation_id=conversation_id,
            brand=brand,
            source=source,
            position=position,
            filename_enc=self._cipher.encrypt(file.filename),
            content_type=file.content_type.lower()[:127],
            size=len(file.data),
            scan=scan.value,
            refused=refused,
            data_enc=self._cipher.encrypt_bytes(file.data) if refused is None else None,
        )

    def _view(self, row: Attachment) -> AttachmentView:
        return AttachmentView(
            id=row.id,
            filename=self._cipher.decrypt(row.filename_enc),
            content_type=row.content_type,
            size=row.size,
            scan=row.scan,
            refused=row.refused,
        )

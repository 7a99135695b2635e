"""The brand's IMAP folder (aioimaplib): unseen mails, read without marking them, then seen or moved to review.

Mails are fetched with BODY.PEEK so reading never sets \\Seen: only the worker does, once a mail is done.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass

import aioimaplib

from heine_ai.channels.email.settings import Mailbox

TIMEOUT_SECONDS = 20.0
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")


class ImapError(Exception):
    """The IMAP server refused a command or the connection broke; ``code`` names it for health and logs."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class Fetched:
    uid: str
    size: int
    data: bytes
    headers_only: bool


class ImapFolder:
    def __init__(self, mailbox: Mailbox) -> None:
        self._mailbox = mailbox
        self._config = mailbox.config.imap
        self._client: aioimaplib.IMAP4 | None = None

    @property
    def supports_idle(self) -> bool:
        return self._client is not None and self._config.idle and self._client.has_capability("IDLE")

    async def connect(self) -> None:
        cls = aioimaplib.IMAP4_SSL if self._config.tls == "ssl" else aioimaplib.IMAP4
        client = cls(host=self._config.host, port=self._config.port, timeout=TIMEOUT_SECONDS)
        self._client = client
        await client.wait_hello_from_server()
        _ok(await client.login(self._config.user, self._mailbox.imap_password), "imap_login_failed")
        await client.create(self._config.review_folder)  # NO when it exists already: fine
        _ok(await client.select(self._config.folder), "imap_select_failed")

    async def close(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        try:
            await asyncio.wait_for(client.logout(), 5)
        except Exception:  # the connection may already be gone; nothing more to do
            return

    async def unseen(self) -> list[str]:
        response = await self._require().uid_search("UNSEEN")
        _ok(response, "imap_search_failed")
        return [uid.decode() for line in response.lines[:1] for uid in bytes(line).split() if uid.isdigit()]

    async def fetch(self, uid: str, max_bytes: int) -> Fetched | None:
        """The mail, or only its header when it is larger than ``max_bytes``; None if it vanished."""
        sizes = await self._command("fetch", uid, "(RFC822.SIZE)")
        match = next((m for m in (_SIZE.search(bytes(line)) for line in sizes.lines) if m), None)
        if match is None:
            return None
        size = int(match.group(1))
        headers_only = size > max_bytes
        part = "BODY.PEEK[HEADER]" if headers_only else "BODY.PEEK[]"
        response = await self._command("fetch", uid, f"({part})")
        literal = next((bytes(line) for line in response.lines if isinstance(line, bytearray)), None)
        if literal is None:
            return None
        return Fetched(uid=uid, size=size, data=literal, headers_only=headers_only)

    async def mark_seen(self, uid: str) -> None:
        await self._command("store", uid, "+FLAGS.SILENT", r"(\Seen)")

    async def move_to_review(self, uid: str) -> None:
        """Flag the mail and move it to the review folder (MOVE, or COPY and expunge where MOVE is missing)."""
        await self._command("store", uid, "+FLAGS.SILENT", r"(\Seen \Flagged)")
        client = self._require()
        if client.has_capability("MOVE"):
            await self._command("move", uid, self._config.review_folder)
            return
        await self._command("copy", uid, self._config.review_folder)
        await self._command("store", uid, "+FLAGS.SILENT", r"(\Deleted)")
        await self._command("expunge", uid)

    async def wait_for_mail(self, seconds: float) -> None:
        """Until the server announces new mail (IDLE) or ``seconds`` passed; a plain sleep without IDLE."""
        client = self._require()
        if not self.supports_idle:
            await asyncio.sleep(seconds)
            return
        idle = await client.idle_start(timeout=seconds)
        try:
            while client.has_pending_idle():
                push = await client.wait_server_push(timeout=seconds + 5)
                if push == aioimaplib.STOP_WAIT_SERVER_PUSH or any(b"EXISTS" in bytes(line) for line in push):
                    break
        except TimeoutError:
            pass
        finally:
            if client.has_pending_idle():
                client.idle_done()
            await asyncio.wait_for(idle, TIMEOUT_SECONDS)

    async def _command(self, command: str, *args: str) -> aioimaplib.Response:
        response = await self._require().uid(command, *args)
        _ok(response, f"imap_{command}_failed")
        return response

    def _require(self) -> aioimaplib.IMAP4:
        if self._client is None:
            raise ImapError("imap_not_connected")
        return self._client


def _ok(response: aioimaplib.Response, code: str) -> None:
    if response.result != "OK":
        raise ImapError(code)

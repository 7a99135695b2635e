"""A virus scan of customer files with ClamAV, where it is installed.

``clamdscan`` asks a running ``clamd`` (fast: the signatures stay loaded); ``clamscan`` loads them for every
file (seconds each). Without either, files are stored as ``unscanned`` and the console says so; the type check
and the size limit (``conversations/attachments.py``) apply either way.
"""

from __future__ import annotations

import asyncio
import shutil
from enum import StrEnum

from heine_ai.observability.logging import get_logger

log = get_logger(__name__)


class ScanResult(StrEnum):
    CLEAN = "clean"
    INFECTED = "infected"
    UNSCANNED = "unscanned"  # no scanner installed, or it failed (e.g. no signature database)


class VirusScanner:
    def __init__(self, command: tuple[str, ...] | None) -> None:
        self.command = command

    @classmethod
    def installed(cls) -> VirusScanner:
        """ClamAV's daemon client if present, else its stand-alone scanner, else none."""
        for name in ("clamdscan", "clamscan"):
            path = shutil.which(name)
            if path is not None:
                return cls((path, "--no-summary", "-"))  # "-": the file on standard input
        return cls(None)

    async def scan(self, data: bytes) -> ScanResult:
        """Exit code 0: clean, 1: a signature matched, anything else: the scan failed (logged, ``unscanned``)."""
        if self.command is None:
            return ScanResult.UNSCANNED
        process = await asyncio.create_subprocess_exec(
            *self.command,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        await process.communicate(data)
        if process.returncode == 0:
            return ScanResult.CLEAN
        if process.returncode == 1:
            return ScanResult.INFECTED
        log.warning("virus_scan_failed", scanner=self.command[0], exit_code=process.returncode)
        return ScanResult.UNSCANNED

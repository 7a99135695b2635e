"""The virus scan of customer files: ClamAV where installed, ``unscanned`` without it (an optional part: CI runs
without ClamAV, whose signatures need the internet)."""

from __future__ import annotations

import pytest

from heine_ai.security.scanner import ScanResult, VirusScanner

# the EICAR test file: every scanner reports it, it harms nothing
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


async def test_without_a_scanner_files_are_stored_unscanned() -> None:
    assert await VirusScanner(None).scan(EICAR) is ScanResult.UNSCANNED


async def test_clamav_refuses_the_eicar_file_and_passes_a_photo() -> None:
    scanner = VirusScanner.installed()
    if scanner.command is None:
        pytest.skip("ClamAV is not installed (clamdscan or clamscan; Debian clamav-daemon): files stay unscanned")
    assert await scanner.scan(EICAR) is ScanResult.INFECTED
    assert await scanner.scan(b"\x89PNG\r\n\x1a\n" + bytes(64)) is ScanResult.CLEAN

"""Once the app has started, what it loaded is out of the cyclic garbage collector's reach.

The freeze happens once per process, so the app starts in a process of its own: in the test process any
earlier test's app would have frozen the heap already.
"""

from __future__ import annotations

import subprocess
import sys

from tests.support.installations import BRANDS, ROOT

START_ONE_APP = """
import asyncio, gc, sys, tempfile
from pathlib import Path

from fastapi.testclient import TestClient

from heine_ai.app import create_app
from heine_ai.installation import build_installation, installation_settings

with tempfile.TemporaryDirectory() as tmp:
    state = asyncio.run(build_installation(installation_settings(Path(tmp), brands_dir=Path(sys.argv[1]))))
    asyncio.run(state.engine.dispose())  # the pool was bound to that loop; the app gets its own
    before = gc.get_freeze_count()
    with TestClient(create_app(state)) as client:
        assert client.get("/healthz").status_code == 200
        print("frozen", before, gc.get_freeze_count())
"""


def test_the_started_app_has_frozen_its_startup_heap() -> None:
    done = subprocess.run(
        [sys.executable, "-c", START_ONE_APP, str(BRANDS)], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert done.returncode == 0, done.stderr
    counts = next(line for line in done.stdout.splitlines() if line.startswith("frozen "))  # beside the logs
    before, after = (int(count) for count in counts.split()[1:])
    assert before == 0  # nothing froze it before the app started
    assert after > 100_000  # the modules and models loaded at startup, not a handful

"""The runtime package never loads the lab (training and evaluation) when it is imported."""

from __future__ import annotations

import subprocess
import sys


def test_the_runtime_does_not_import_the_lab() -> None:
    probe = (
        "import sys, heine_ai.app, heine_ai.cli, heine_ai.lifespan; "
        "print(sorted(name for name in sys.modules if name.startswith('heine_ai_lab')))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.strip() == "[]"

"""The assistant and the hand-off do not import each other: the assistant escalates through its ``Escalations``
Protocol, and what both need (entities, vocabularies) lives in the base layer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "heine_ai"


def _imports(package: str) -> set[str]:
    found: set[str] = set()
    for path in (SRC / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize(("package", "other"), [("assistant", "handoff"), ("handoff", "assistant")])
def test_a_package_does_not_import_the_other(package: str, other: str) -> None:
    assert {m for m in _imports(package) if m.startswith(f"heine_ai.{other}")} == set()

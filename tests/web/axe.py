"""axe-core in the page under test (the copy bundled in the axe-playwright-python package: nothing is fetched)."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

_AXE = Axe()


def violations(page: Page) -> list[str]:
    """Every axe-core violation of any impact, as ``rule (impact): targets``; empty when the page is clean."""
    found = _AXE.run(page).response["violations"]
    return [
        f"{rule['id']} ({rule['impact']}): " + ", ".join(str(node["target"]) for node in rule["nodes"])
        for rule in found
    ]

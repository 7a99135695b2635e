"""An admin handles a customer's GDPR request in the console: downloads the export, then erases after a preview
and an explicit confirmation; an agent does not see the panel."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from playwright.sync_api import Page, expect

from heine_ai.app_state import AppState
from heine_ai.security.tokens import Role
from tests.conftest import StateFactory
from tests.handoff.helpers import PASSWORD
from tests.support.live import live_server
from tests.web.browser import chromium, screenshot_path

CUSTOMER = "K-KONSOLE-0815"
GREETING = "Guten Tag, ich heiße Erika Musterfrau."


def _login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/console")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.locator("#agent-name")).to_be_visible()


def _admin_agent_and_customer(http: httpx.Client, state: AppState, message: str) -> None:
    """Ada (admin) and Anna (agent) of brand heine, and a customer who wrote ``message`` under ``CUSTOMER``."""
    operator = {"Authorization": f"Bearer {state.tokens.issue('ops', Role.ADMIN)}"}
    for username, role in (("ada", "admin"), ("anna", "agent")):
        account = {"username": username, "display_name": username, "password": PASSWORD, "role": role}
        assert http.post("/api/v1/admin/agents", json=account | {"brands": ["heine"]}, headers=operator).is_success
    chat = {"brand": "heine", "message": message, "customer_id": CUSTOMER}
    assert http.post("/api/v1/chat", json=chat).status_code == 200


def test_an_admin_exports_and_erases_from_the_console(make_state: StateFactory, tmp_path: Path) -> None:
    state = make_state(ingest=False)
    with live_server(state) as base, httpx.Client(base_url=base, timeout=30) as http, chromium() as browser:
        _admin_agent_and_customer(http, state, GREETING)

        agent_page = browser.new_context(locale="de-DE").new_page()
        _login(agent_page, base, "anna")
        expect(agent_page.get_by_role("button", name="Löschung beantragen")).to_be_visible()
        expect(agent_page.get_by_role("button", name="Endgültig löschen")).to_be_hidden()
        expect(agent_page.get_by_role("button", name="Auskunft herunterladen")).to_be_hidden()

        page = browser.new_context(locale="de-DE", accept_downloads=True).new_page()
        _login(page, base, "ada")
        panel = page.locator("#privacy")
        expect(panel).to_be_visible()
        page.get_by_label("Person finden über").select_option("customer_id")
        page.get_by_label("Wert").fill(CUSTOMER)
        with page.expect_download() as download:
            page.get_by_role("button", name="Auskunft herunterladen").click()
        saved = tmp_path / "auskunft.json"
        download.value.save_as(saved)
        document = json.loads(saved.read_text(encoding="utf-8"))
        assert document["conversations"][0]["messages"][0]["text"] == GREETING

        page.get_by_role("button", name="Löschung vorbereiten …").click()
        expect(page.locator("#privacy-preview")).to_contain_text("1 Unterhaltungen mit 2 Nachrichten")
        erase = page.get_by_role("button", name="Endgültig löschen")
        expect(erase).to_be_disabled()  # not without the admin's confirmation
        page.get_by_label("Ich bestätige als Admin").check()
        expect(erase).to_be_enabled()
        page.screenshot(path=screenshot_path("console-privacy"), full_page=True)
        erase.click()
        expect(page.get_by_role("status")).to_have_text("Löschung ausgeführt.")
        expect(page.locator("#privacy-receipt")).to_contain_text("conversations: 1")

        page.get_by_label("Wert").fill(CUSTOMER)
        page.get_by_role("button", name="Löschung vorbereiten …").click()
        expect(page.get_by_role("alert")).to_have_text("Zu dieser Angabe sind keine Daten gespeichert.")


def test_an_agent_files_an_erasure_and_an_admin_confirms_it_in_the_console(make_state: StateFactory) -> None:
    state = make_state(ingest=False)
    with live_server(state) as base, httpx.Client(base_url=base, timeout=30) as http, chromium() as browser:
        _admin_agent_and_customer(http, state, "Bitte löschen Sie meine Daten.")

        agent_page = browser.new_context(locale="de-DE").new_page()
        _login(agent_page, base, "anna")
        agent_page.get_by_label("Person finden über").select_option("customer_id")
        agent_page.get_by_label("Wert").fill(CUSTOMER)
        agent_page.get_by_role("button", name="Löschung beantragen").click()
        expect(agent_page.get_by_role("status")).to_have_text(
            "Löschung beantragt: eine Admin-Person entscheidet darüber."
        )

        page = browser.new_context(locale="de-DE").new_page()
        _login(page, base, "ada")
        request = page.locator("#privacy-requests li", has_text=CUSTOMER)
        expect(request).to_contain_text("Löschung: Kundennummer " + CUSTOMER)
        confirm = request.get_by_role("button", name="Bestätigen und ausführen")
        expect(confirm).to_be_disabled()
        request.get_by_label("Ich bestätige als Admin diesen Antrag.").check()
        confirm.click()
        expect(page.get_by_role("status")).to_have_text("Löschung ausgeführt.")
        expect(page.locator("#privacy-receipt")).to_contain_text("conversations: 1")
        expect(page.locator("#privacy-requests")).to_have_text("Keine offenen Anträge.")

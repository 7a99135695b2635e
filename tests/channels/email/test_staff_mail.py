"""A staff member answers a mail in the console (Chromium, the real server, Dovecot and aiosmtpd): the console
shows the customer's address, the subject, the mail's line breaks and the photo the customer sent (downloaded
through the authorised URL), previews the mail, and the mail that arrives is the preview, with the agent's own
greeting and sign-off once."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
from playwright.sync_api import expect

from heine_ai.app_state import AppState
from heine_ai.security.tokens import Role
from tests.channels.email.conftest import Shop
from tests.channels.email.helpers import ask, body, deliver, replies
from tests.channels.email.test_attachments import PHOTO, photo_mail
from tests.handoff.helpers import PASSWORD
from tests.support.live import live_server
from tests.support.mailservers import wait_for
from tests.web.axe import violations
from tests.web.browser import chromium

COMPLAINT = "Guten Tag,\nich bin sehr unzufrieden!\nMeine Jacke aus Bestellung 40123456 kam kaputt an."
REPLY = "Hallo Frau Berg,\n\ndas tut mir leid.\nEin Ersatz ist unterwegs.\n\nViele Grüße\nAnna Becker"


def _token(http: httpx.Client) -> str:
    response = http.post("/api/v1/auth/login", json={"username": "anna", "password": PASSWORD})
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


def test_the_console_shows_the_thread_previews_the_mail_and_sends_exactly_that(
    email_state: AppState, shop: Shop
) -> None:
    asyncio.run(email_state.engine.dispose())  # the live server runs the app on its own event loop
    admin = {"Authorization": f"Bearer {email_state.tokens.issue('ops', Role.ADMIN)}"}
    with live_server(email_state) as base, httpx.Client(base_url=base, timeout=30) as http, chromium() as browser:
        agent = {"username": "anna", "display_name": "Anna Becker", "password": PASSWORD, "brands": ["heine"]}
        assert http.post("/api/v1/admin/agents", json=agent, headers=admin).status_code == 201
        ask(shop, "Kaputte Jacke", COMPLAINT, "<staff1@example.test>")
        wait_for(lambda: len(replies(shop)) == 1, timeout=30, message="no acknowledgment")
        acknowledgment = body(replies(shop)[0])
        assert "per E-Mail in diesem Verlauf" in acknowledgment and "innerhalb von 30 Minuten" in acknowledgment
        assert "Unterhaltung" not in acknowledgment  # chat wording
        ack_id = replies(shop)[0]["Message-ID"]
        deliver(shop, photo_mail(shop, "<staff2@example.test>", "Re: Kaputte Jacke", In_Reply_To=ack_id))
        staff = {"Authorization": f"Bearer {_token(http)}"}
        [ticket] = http.get("/api/v1/agent/queue", headers=staff).json()
        thread = f"/api/v1/agent/conversations/{ticket['conversation_id']}/email"
        wait_for(lambda: len(http.get(thread, headers=staff).json()["attachments"]) == 3, message="photo not stored")

        page = browser.new_context(locale="de-DE").new_page()
        page.goto(f"{base}/console")
        page.get_by_label("Benutzername").fill("anna")
        page.get_by_label("Passwort").fill(PASSWORD)
        page.keyboard.press("Enter")
        expect(page.locator("#queue-title")).to_be_focused()
        page.locator("#queue button").first.click()
        meta = page.locator("#ticket-meta")
        expect(meta).to_contain_text(shop.customer)
        expect(meta).to_contain_text("Kaputte Jacke")
        files = page.locator("#mail-files-list")
        expect(files).to_contain_text("a.exe (")
        expect(files).to_contain_text("nicht gespeichert: Dateityp nicht erlaubt")
        with page.expect_download() as download:
            page.get_by_role("button", name="schaden.png herunterladen").click()
        assert Path(download.value.path()).read_bytes() == PHOTO
        customer = page.locator("#messages li.customer p").first
        expect(customer).to_have_text(COMPLAINT.replace("\n", " "), use_inner_text=False)
        assert customer.inner_text().count("\n") == 2  # the mail's line breaks are kept
        page.get_by_role("button", name="Übernehmen").click()
        expect(page.locator("#reply-send")).to_be_enabled()
        page.get_by_label("Antwort an die Kundin oder den Kunden").fill(REPLY)
        page.get_by_role("button", name="E-Mail-Vorschau").click()
        expect(page.locator("#reply-preview-title")).to_be_focused()
        expect(page.locator("#reply-preview-meta")).to_contain_text(shop.customer)
        expect(page.locator("#reply-preview-meta")).to_contain_text("Re: Kaputte Jacke")
        preview = page.locator("#reply-preview-text").inner_text()
        assert violations(page) == []  # the console with a mail thread, its files and the preview open
        page.get_by_role("button", name="Antwort senden").click()
        wait_for(lambda: len(replies(shop)) == 2, timeout=30, message="the staff reply was not mailed")
    sent = replies(shop)[-1]
    assert body(sent).strip() == preview.strip()  # the preview is the mail
    assert sent["Subject"] == "Re: Kaputte Jacke" and sent["In-Reply-To"] == "<staff2@example.test>"  # the latest mail
    assert preview.startswith("Hallo Frau Berg,") and "Guten Tag," not in preview
    assert preview.count("Grüße") == 1 and preview.count("Anna Becker") == 1
    assert preview.rstrip().endswith("Viele Grüße\nAnna Becker\nIhr heine Kundenservice")

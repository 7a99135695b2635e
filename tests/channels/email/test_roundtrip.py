"""A customer's mail travels the whole way: SMTP in, the worker reads it by IMAP, the reply lands in the
customer's mailbox in the same thread, with greeting, signature, text and HTML parts."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from heine_ai.app import create_app
from heine_ai.lifespan import AppState
from tests.channels.email.conftest import Shop
from tests.channels.email.helpers import ask, records
from tests.mailservers import mailbox, wait_for


async def test_a_question_by_mail_is_answered_in_its_thread(email_state: AppState, shop: Shop) -> None:
    assert email_state.email is not None
    ask(shop, "Rücksendung", "Wie lange habe ich Zeit, einen Artikel zurückzuschicken?", "<q1@example.test>")

    handled = await email_state.email.run_once()

    assert handled == {"heine": 1}
    replies = mailbox(shop.servers, shop.customer)
    assert len(replies) == 1
    reply = replies[0]
    assert reply["Subject"] == "Re: Rücksendung"
    assert reply["In-Reply-To"] == "<q1@example.test>"
    assert reply["References"] == "<q1@example.test>"
    assert reply["Auto-Submitted"] == "auto-replied"
    assert shop.brand_address in reply["From"]
    text = reply.get_body(preferencelist=("plain",))
    html = reply.get_body(preferencelist=("html",))
    assert text is not None and html is not None
    body = text.get_content()
    assert body.startswith("Guten Tag,")
    assert "30 Tage" in body or "Rücksendung" in body
    assert body.rstrip().endswith("Ihr heine Kundenservice")
    assert "<p>Guten Tag,</p>" in html.get_content()
    record = (await records(email_state))["<q1@example.test>"]
    assert (record.state, record.reply_id) == ("answered", reply["Message-ID"])
    # the customer's mail is marked read now, so a second run sends nothing more
    assert await email_state.email.run_once() == {"heine": 0}
    assert len(mailbox(shop.servers, shop.customer)) == 1


async def test_the_app_starts_the_worker_and_answers_within_seconds(email_state: AppState, shop: Shop) -> None:
    await email_state.engine.dispose()  # the app runs on its own event loop
    with TestClient(create_app(email_state)):
        started = time.monotonic()
        ask(shop, "Lieferung", "Wie lange dauert die Lieferung?", "<live1@example.test>")
        wait_for(lambda: len(mailbox(shop.servers, shop.customer)) == 1, timeout=15, message="no reply")
        assert time.monotonic() - started < 10
        assert email_state.email is not None
        assert email_state.email.status["heine"].idle  # Dovecot offers IDLE: no polling delay

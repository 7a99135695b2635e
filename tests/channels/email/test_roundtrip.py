"""A customer's mail travels the whole way: SMTP in, the worker reads it by IMAP, the reply lands in the
customer's mailbox in the same thread, with greeting, signature, text and HTML parts."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from heine_ai.app import create_app
from heine_ai.app_state import AppState
from heine_ai.conversations.service import NewMessage
from heine_ai.errors import EmailDeliveryFailed
from heine_ai.lifespan import close_state
from heine_ai.messages import Channel, StaffMessage
from heine_ai.security.tokens import Role
from heine_ai.tasks import cancel_and_wait
from tests.channels.email.conftest import EmailStateFactory, Shop, email_block, write_brand
from tests.channels.email.helpers import ask, body, records, replies
from tests.support.mailservers import mailbox, wait_for


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
    disclosure = body.index("Diese Antwort hat unser KI-Assistent verfasst.")  # EU AI Act Art. 50, at the end
    assert body[:disclosure].rstrip().endswith("Ihr heine Kundenservice")
    assert body.rstrip().endswith("meldet sich bei Ihnen.")
    assert "<p>Guten Tag,</p>" in html.get_content()
    record = (await records(email_state))["<q1@example.test>"]
    assert (record.state, record.reply_id) == ("answered", reply["Message-ID"])
    # the customer's mail is marked read now, so a second run sends nothing more
    assert await email_state.email.run_once() == {"heine": 0}
    assert len(mailbox(shop.servers, shop.customer)) == 1


async def test_the_app_starts_the_worker_and_answers_within_seconds(email_state: AppState, shop: Shop) -> None:
    await email_state.engine.dispose()  # the app runs on its own event loop
    with TestClient(create_app(email_state)) as client:
        started = time.monotonic()
        ask(shop, "Lieferung", "Wie lange dauert die Lieferung?", "<live1@example.test>")
        wait_for(lambda: len(mailbox(shop.servers, shop.customer)) == 1, timeout=15, message="no reply")
        assert time.monotonic() - started < 10
        token = email_state.tokens.issue("tester", Role.ADMIN)
        health = client.get("/api/v1/admin/health", headers={"Authorization": f"Bearer {token}"}).json()
    mailbox_check = health["checks"]["email:heine"]
    assert (mailbox_check["status"], mailbox_check["state"], mailbox_check["idle"]) == ("healthy", "connected", True)
    assert mailbox_check["last_error"] is None


async def test_without_idle_the_worker_polls(shop: Shop, build_email_state: EmailStateFactory, tmp_path: Path) -> None:
    block = email_block(shop.servers, shop.brand_address, idle=False, poll_interval=0.3)
    state = await build_email_state(brands_dir=write_brand(tmp_path / "poll", block))
    try:
        assert state.email is not None
        task = asyncio.create_task(state.email.workers["heine"].run())
        await asyncio.sleep(0.5)
        assert state.email.status["heine"].state == "connected"
        assert not state.email.status["heine"].idle
        ask(shop, "Lieferung", "Wie lange dauert die Lieferung?", "<poll1@example.test>")
        for _ in range(200):
            record = (await records(state)).get("<poll1@example.test>")
            if record is not None and record.state == "answered":
                break
            await asyncio.sleep(0.05)
        await cancel_and_wait(task)
        assert len(mailbox(shop.servers, shop.customer)) == 1
        metrics = state.metrics.render().decode()
        assert 'email_mails_total{brand="heine",state="received"} 1.0' in metrics
        assert 'email_mails_total{brand="heine",state="answered"} 1.0' in metrics
        assert state.email.status["heine"].report()["last_poll"] is not None
    finally:
        await close_state(state)


async def test_outbox_refuses_clearly_without_mailbox_or_address(email_state: AppState) -> None:
    outbox = email_state.outboxes[Channel.EMAIL]
    message = StaffMessage("c" * 32, "other-brand", Channel.EMAIL, "Hallo", "Anna", "m" * 32, 1)
    with pytest.raises(EmailDeliveryFailed) as no_mailbox:
        await outbox.deliver(message)
    assert (no_mailbox.value.status_code, no_mailbox.value.details) == (502, {"reason": "no_mailbox"})
    async with email_state.sessions() as session, session.begin():
        conversation, _token = await email_state.conversations.open(session, "heine", Channel.EMAIL)
        stored = await email_state.conversations.add(session, conversation, NewMessage(role="agent", content="Hallo"))
    with pytest.raises(EmailDeliveryFailed) as no_address:
        await outbox.deliver(StaffMessage(conversation.id, "heine", Channel.EMAIL, "Hallo", "Anna", stored.id, 1))
    assert no_address.value.details == {"reason": "no_address"}


async def test_an_english_mail_gets_an_english_greeting_and_signature(email_state: AppState, shop: Shop) -> None:
    assert email_state.email is not None
    ask(
        shop, "Returns", "How long do I have to return an item, and is the return free of charge?", "<en1@example.test>"
    )
    await email_state.email.run_once()
    text = body(replies(shop)[0])
    assert text.startswith("Hello,")
    disclosure = text.index("This answer was written by our AI assistant.")
    assert text[:disclosure].rstrip().endswith("Kind regards\nYour heine customer service")
    assert "Guten Tag" not in text


async def test_a_mail_that_names_no_language_is_framed_in_the_threads_language(
    email_state: AppState, shop: Shop
) -> None:
    """A mail of only "20095" decides nothing: the turn keeps the thread's English, and the mail's greeting follows the
    reply's language instead of guessing German from this mail alone."""
    assert email_state.email is not None
    ask(shop, "My order", "Where is my order?", "<en2@example.test>")
    await email_state.email.run_once()
    first = replies(shop)[-1]
    ask(
        shop,
        "Re: My order",
        "20095",
        "<en3@example.test>",
        in_reply_to=first["Message-ID"],
        references=f"<en2@example.test> {first['Message-ID']}",
    )
    await email_state.email.run_once()
    text = body(replies(shop)[-1])
    assert text.startswith("Hello,")
    disclosure = text.index("This answer was written by our AI assistant.")
    assert text[:disclosure].rstrip().endswith("Kind regards\nYour heine customer service")

"""Replies continue their conversation by In-Reply-To/References; a subject alone links only for the same sender
within the window; anything else opens a new conversation."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from heine_ai.app_state import AppState
from heine_ai.db.models import Conversation, MailRecord, Message, utcnow
from tests.channels.email.conftest import Shop
from tests.channels.email.helpers import ask, body, deliver, records, replies
from tests.support.mailservers import customer_mail


async def run(state: AppState) -> None:
    assert state.email is not None
    await state.email.run_once()


async def test_three_turns_stay_in_one_thread_and_one_conversation(email_state: AppState, shop: Shop) -> None:
    ask(shop, "Bestellung", "Wo ist meine Bestellung?", "<t1@example.test>")
    await run(email_state)
    first = replies(shop)[-1]
    assert "Bestellnummer" in body(first)

    ask(
        shop,
        "AW: " + first["Subject"],
        "Die Nummer ist 40123456.\n\nAm 01.12.2026 schrieb heine:\n> Bitte nennen Sie mir Ihre Bestellnummer",
        "<t2@example.test>",
        in_reply_to=first["Message-ID"],
        references=f"<t1@example.test> {first['Message-ID']}",
    )
    await run(email_state)
    second = replies(shop)[-1]
    assert "Postleitzahl" in body(second)  # the assistant remembered the order question of turn one

    ask(
        shop,
        "Re: Bestellung",
        "20095",
        "<t3@example.test>",
        in_reply_to=second["Message-ID"],
        references=f"<t1@example.test> {first['Message-ID']} <t2@example.test> {second['Message-ID']}",
    )
    await run(email_state)
    third = replies(shop)[-1]
    assert "40123456" in body(third)
    assert len(replies(shop)) == 3
    assert third["Subject"] == "Re: Bestellung"
    assert third["In-Reply-To"] == "<t3@example.test>"
    assert third["References"].split() == [
        "<t1@example.test>",
        first["Message-ID"],
        "<t2@example.test>",
        second["Message-ID"],
        "<t3@example.test>",
    ]
    inbound = await records(email_state)
    assert len({inbound[f"<t{i}@example.test>"].conversation_id for i in (1, 2, 3)}) == 1
    async with email_state.sessions() as session:
        reply_ids = list(await session.scalars(select(Message.channel_message_id)))
    assert third["Message-ID"] in reply_ids  # the reply's Message-ID is stored on the message


async def test_subject_alone_links_only_same_sender_within_the_window(email_state: AppState, shop: Shop) -> None:
    ask(shop, "Größenberatung", "Welche Größe soll ich bei Hosen bestellen?", "<s1@example.test>")
    await run(email_state)
    ask(shop, "Re: Größenberatung", "Und bei Blusen?", "<s2@example.test>")  # no In-Reply-To: client dropped it
    other = customer_mail(
        "jemand-anderes@example.test", shop.brand_address, "Größenberatung", "Welche Größe?", message_id="<s3@x.test>"
    )
    deliver(shop, other)
    ask(shop, "Rechnung", "Kann ich auf Rechnung zahlen?", "<s4@example.test>")
    await run(email_state)

    inbound = await records(email_state)
    first = inbound["<s1@example.test>"].conversation_id
    assert inbound["<s2@example.test>"].conversation_id == first
    assert inbound["<s3@x.test>"].conversation_id != first  # same subject, other sender
    assert inbound["<s4@example.test>"].conversation_id != first  # same sender, new topic


async def test_subject_match_expires_after_the_window(email_state: AppState, shop: Shop) -> None:
    ask(shop, "Lieferzeit", "Wie lange dauert die Lieferung?", "<w1@example.test>")
    await run(email_state)
    async with email_state.sessions() as session, session.begin():
        await session.execute(update(MailRecord).values(created_at=utcnow() - timedelta(hours=73)))
    ask(shop, "Re: Lieferzeit", "Und nach Österreich?", "<w2@example.test>")
    await run(email_state)
    inbound = await records(email_state)
    assert inbound["<w1@example.test>"].conversation_id != inbound["<w2@example.test>"].conversation_id


async def test_a_reply_to_a_closed_conversation_opens_a_new_one_in_the_same_thread(
    email_state: AppState, shop: Shop
) -> None:
    ask(shop, "Rückgabe", "Wie kann ich etwas zurückschicken?", "<c1@example.test>")
    await run(email_state)
    first = replies(shop)[-1]
    async with email_state.sessions() as session, session.begin():
        await session.execute(update(Conversation).values(status="closed", closed_at=utcnow()))
    ask(
        shop,
        "Re: Rückgabe",
        "Danke, und wie lange dauert die Erstattung?",
        "<c2@example.test>",
        in_reply_to=first["Message-ID"],
    )
    await run(email_state)
    second = replies(shop)[-1]
    inbound = await records(email_state)
    assert inbound["<c1@example.test>"].conversation_id != inbound["<c2@example.test>"].conversation_id
    assert second["In-Reply-To"] == "<c2@example.test>"
    assert first["Message-ID"] in second["References"]  # the customer still sees one thread

"""A complaint by mail is handed to the service team: the customer is told so in the thread, the bot then stays
silent there, and a staff member's reply goes out through the e-mail outbox in the same thread."""

from __future__ import annotations

from sqlalchemy import select

from heine_ai.app_state import AppState
from heine_ai.conversations.service import NewMessage
from heine_ai.db.models import Conversation
from heine_ai.messages import Channel, StaffMessage
from tests.channels.email.conftest import Shop
from tests.channels.email.helpers import ask, body, records, replies


async def test_complaint_is_acknowledged_then_the_bot_is_silent_and_staff_answer_in_thread(
    email_state: AppState, shop: Shop
) -> None:
    assert email_state.email is not None
    ask(
        shop,
        "Beschwerde",
        "Ich möchte mich beschweren: Die Jacke kam kaputt an und niemand hilft mir!",
        "<e1@example.test>",
    )
    await email_state.email.run_once()
    acknowledgment = replies(shop)[-1]
    assert "Service-Manager" in body(acknowledgment)
    # e-mail wording with the complaint's SLA (high: 30 minutes), not the chat's "takes over the conversation"
    assert "Sie erhalten seine Antwort per E-Mail in diesem Verlauf" in body(acknowledgment)
    assert "innerhalb von 30 Minuten" in body(acknowledgment) and "Unterhaltung" not in body(acknowledgment)
    assert acknowledgment["In-Reply-To"] == "<e1@example.test>"
    conversation_id = (await records(email_state))["<e1@example.test>"].conversation_id
    assert conversation_id is not None
    async with email_state.sessions() as session:
        conversation = await session.scalar(select(Conversation).where(Conversation.id == conversation_id))
        assert conversation is not None
        assert conversation.status == "pending_human"

    ask(
        shop,
        "Re: Beschwerde",
        "Hallo? Ich warte noch immer.",
        "<e2@example.test>",
        in_reply_to=acknowledgment["Message-ID"],
        references=f"<e1@example.test> {acknowledgment['Message-ID']}",
    )
    await email_state.email.run_once()
    assert len(replies(shop)) == 1  # silent: the mail waits for the service team
    second = (await records(email_state))["<e2@example.test>"]
    assert (second.state, second.reason, second.conversation_id) == ("answered", "waiting_for_human", conversation_id)

    async with email_state.sessions() as session, session.begin():
        conversation = await email_state.conversations.get(session, conversation_id)
        stored = await email_state.conversations.add(
            session, conversation, NewMessage(role="agent", content="Wir schicken Ihnen sofort eine neue Jacke.")
        )
    staff = StaffMessage(
        conversation_id=conversation_id,
        brand="heine",
        channel=Channel.EMAIL,
        text="Wir schicken Ihnen sofort eine neue Jacke.",
        author="Anna Schmidt",
        message_id=stored.id,
        seq=stored.seq,
    )
    outbox = email_state.outboxes[Channel.EMAIL]
    sent_id = await outbox.deliver(staff)
    assert await outbox.deliver(staff) == sent_id  # delivering again sends nothing more

    mails = replies(shop)
    assert len(mails) == 2
    agent_mail = mails[-1]
    assert agent_mail["Message-ID"] == sent_id
    assert agent_mail["In-Reply-To"] == "<e2@example.test>"
    assert agent_mail["References"].split() == ["<e1@example.test>", acknowledgment["Message-ID"], "<e2@example.test>"]
    assert agent_mail["Subject"] == "Re: Beschwerde"
    assert agent_mail["Auto-Submitted"] is None  # a person wrote it
    text = body(agent_mail)
    assert "neue Jacke" in text
    assert "Mit freundlichen Grüßen\nAnna Schmidt\nIhr heine Kundenservice" in text
    assert "KI-Assistent" not in text and "KI-Assistent" in body(acknowledgment)  # only the AI's mail says AI
    async with email_state.sessions() as session:
        history = await email_state.conversations.history(session, conversation_id)
    assert [m.role for m in history] == ["customer", "assistant", "customer", "agent"]


async def test_a_staff_reply_that_names_no_language_keeps_the_threads_english(
    email_state: AppState, shop: Shop
) -> None:
    """An English complaint is handed over; the agent answers only "OK: 40123456." and the mail around it is English."""
    assert email_state.email is not None
    ask(shop, "Complaint", "I want to complain: the jacket arrived broken and nobody helps me!", "<c1@example.test>")
    await email_state.email.run_once()
    conversation_id = (await records(email_state))["<c1@example.test>"].conversation_id
    assert conversation_id is not None
    text = "OK: 40123456."
    async with email_state.sessions() as session, session.begin():
        conversation = await email_state.conversations.get(session, conversation_id)
        stored = await email_state.conversations.add(session, conversation, NewMessage(role="agent", content=text))
    staff = StaffMessage(conversation_id, "heine", Channel.EMAIL, text, "Anna Schmidt", stored.id, stored.seq)
    await email_state.outboxes[Channel.EMAIL].deliver(staff)
    mail = body(replies(shop)[-1])
    assert mail.startswith("Hello,")
    assert "Kind regards\nAnna Schmidt" in mail and "Guten Tag" not in mail

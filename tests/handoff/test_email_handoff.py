"""The hand-off by e-mail with the real Dovecot and aiosmtpd: a complaint mail is escalated, the agent's reply
from the agent API arrives as a mail in the customer's thread, the customer's answer waits for the agent."""

from __future__ import annotations

from sqlalchemy import select

from heine_ai.app_state import AppState
from heine_ai.db.models import Message
from heine_ai.handoff.inbox import QueueFilter
from heine_ai.security.tokens import Role
from tests.channels.email.conftest import Shop
from tests.channels.email.helpers import ask, body, replies
from tests.handoff.helpers import PASSWORD

COMPLAINT = "Ich bin sehr unzufrieden! Meine Jacke aus Bestellung 40123456 kam kaputt an."
REPLY = "das tut mir leid. Ich habe Ihnen heute einen Ersatz geschickt."


async def test_complaint_mail_is_answered_by_the_agent_in_its_thread(email_state: AppState, shop: Shop) -> None:
    assert email_state.email is not None
    handoff = email_state.handoff
    await handoff.accounts.create("anna", "Anna Becker", PASSWORD, Role.AGENT, ["heine"])
    anna = await handoff.staff.actor((await handoff.accounts.login("anna", PASSWORD)).access_token)

    ask(shop, "Kaputte Jacke", COMPLAINT, "<complaint1@example.test>")
    assert await email_state.email.run_once() == {"heine": 1}
    assert len(replies(shop)) == 1  # the bot's acknowledgment that a person takes over
    [ticket] = await handoff.inbox.queue(anna, QueueFilter())
    assert (ticket.channel, ticket.reason, ticket.priority) == ("email", "complaint", "high")
    assert "40123456" in ticket.summary

    await handoff.service.claim(anna, ticket.conversation_id)
    sent = await handoff.service.reply(anna, ticket.conversation_id, REPLY)
    assert sent.delivered
    mails = replies(shop)
    assert len(mails) == 2  # the milestones stay in the console; only the reply is mailed
    mail = mails[-1]
    assert mail["Subject"] == "Re: Kaputte Jacke"
    assert mail["In-Reply-To"] == "<complaint1@example.test>"
    assert REPLY in body(mail)
    async with email_state.sessions() as session:
        stored = await session.scalar(select(Message).where(Message.id == sent.message.id))
    assert stored is not None and stored.channel_message_id == mail["Message-ID"]

    thanks = "Vielen Dank, wann kommt er an?"
    ask(shop, "Re: Kaputte Jacke", thanks, "<answer1@example.test>", in_reply_to=mail["Message-ID"])
    assert await email_state.email.run_once() == {"heine": 1}
    assert len(replies(shop)) == 2  # the bot stays silent beside the agent
    view = await handoff.inbox.conversation(anna, ticket.conversation_id)
    assert view.messages[-1].role == "customer" and "wann kommt er an" in view.messages[-1].content
    assert view.status == "human"

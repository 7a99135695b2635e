"""A worker killed at any step of a mail, then restarted: no mail lost, never a second reply.

The crash is a ``BaseException`` raised right after a step was committed: nothing after it runs, as if the
process had been killed there (its open transaction rolls back, its IMAP session drops). A fresh channel then
processes the mailbox like a restarted worker. One test kills a real worker process with SIGKILL.
"""

from __future__ import annotations

import pytest

from heine_ai.app_state import AppState
from heine_ai.channels.email.channel import EmailChannel
from tests.channels.email.conftest import Shop
from tests.channels.email.helpers import ask, records, replies
from tests.support.mailservers import mailbox


class Killed(BaseException):
    """The worker dies here."""


def channel(state: AppState, crash_at: str | None = None) -> EmailChannel:
    def on_step(name: str) -> None:
        if name == crash_at:
            raise Killed(name)

    assert state.email is not None
    return EmailChannel(
        state.email.mailboxes,
        assistant=state.assistant,
        conversations=state.conversations,
        cipher=state.cipher,
        metrics=state.metrics,
        on_step=on_step,
    )


# step -> (replies the customer has in the end, final state of the mail)
STEPS = {
    "fetched": (1, "answered"),
    "recorded": (1, "answered"),
    "replied": (1, "answered"),
    "planned": (1, "answered"),
    "sending": (0, "flagged"),  # inside the SMTP transaction: at most once, the mail goes to review
    "sent": (1, "flagged"),  # sent, but not recorded as sent: not sent again, flagged for review
    "done": (1, "answered"),  # recorded, only the \\Seen flag was missing
}


@pytest.mark.parametrize("step", list(STEPS))
async def test_a_worker_killed_at_each_step_neither_loses_nor_doubles(
    email_state: AppState, shop: Shop, step: str
) -> None:
    ask(shop, "Rücksendung", "Wie lange habe ich Zeit für eine Rücksendung?", "<crash@example.test>")
    with pytest.raises(Killed):
        await channel(email_state, crash_at=step).run_once()

    await channel(email_state).run_once()  # the restarted worker
    await channel(email_state).run_once()  # and once more: nothing left to do

    expected_replies, expected_state = STEPS[step]
    assert len(replies(shop)) == expected_replies
    record = (await records(email_state))["<crash@example.test>"]
    assert record.state == expected_state
    in_review = [m["Message-ID"] for m in mailbox(shop.servers, shop.brand_address, "Review")]
    assert in_review == (["<crash@example.test>"] if expected_state == "flagged" else [])
    if expected_state == "flagged":
        assert record.reason == "send_unconfirmed"
    async with email_state.sessions() as session:
        history = await email_state.conversations.history(session, record.conversation_id or "")
    assert [m.role for m in history] == ["customer", "assistant"]  # the pipeline ran once


async def test_a_worker_killed_inside_the_assistant_answers_once_and_keeps_the_mail_once(
    email_state: AppState, shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed after the customer's message was stored but before the answer: the restart answers it once."""
    ask(shop, "Lieferung", "Wie lange dauert die Lieferung?", "<inside@example.test>")

    async def dies(*args: object, **kwargs: object) -> None:
        raise Killed("retrieval")

    with monkeypatch.context() as patch:
        patch.setattr(email_state.knowledge, "lookup", dies)
        with pytest.raises(Killed):
            await channel(email_state).run_once()

    await channel(email_state).run_once()  # the restarted worker

    assert len(replies(shop)) == 1
    record = (await records(email_state))["<inside@example.test>"]
    assert record.state == "answered"
    async with email_state.sessions() as session:
        history = await email_state.conversations.history(session, record.conversation_id or "")
    assert [m.role for m in history] == ["customer", "assistant"]  # the customer's mail is stored once

"""An e-mail about an order from another address than the order's, through the real mail path (SMTP in, the
worker by IMAP, replies and code mails by SMTP into Dovecot): a one-time code goes to the order's own address, the
sender is told so without the address, a wrong code is a miss, and the right one continues the action.

Orders of the demo shop (``orders/demo.py``): 41000001 is anna.berg@example.org's, 41000009 ida.kern@example.org's.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from email.message import EmailMessage

import pytest

from heine_ai.app_state import AppState
from heine_ai.lifespan import close_state
from heine_ai.orders.commerce import ActionKind
from tests.channels.email.conftest import Shop
from tests.channels.email.helpers import ask, body, replies
from tests.conftest import SettingsFactory
from tests.support.embedder import MemoEmbedder
from tests.support.installations import Templates, build_installed_state
from tests.support.mailservers import mailbox, wait_for

ORDER_ADDRESS = "anna.berg@example.org"  # order 41000001
OTHER_ORDER_ADDRESS = "ida.kern@example.org"  # order 41000009


@pytest.fixture
async def email_state(
    shop: Shop, make_settings: SettingsFactory, embedder: MemoEmbedder, templates: Templates
) -> AsyncIterator[AppState]:
    """The brand connected to ``shop``'s mailbox, without knowledge: the procedures need none."""
    state = await build_installed_state(make_settings(brands_dir=shop.brands_dir), embedder, templates, demo=False)
    try:
        yield state
    finally:
        await close_state(state)


async def _answer(state: AppState, shop: Shop) -> str:
    assert state.email is not None
    before = len(replies(shop))
    await state.email.run_once()
    wait_for(lambda: len(replies(shop)) > before, message="no reply")
    return body(replies(shop)[-1])


def _reply(shop: Shop, text: str, message_id: str) -> None:
    """The customer answers the assistant's last mail, in its thread."""
    last = replies(shop)[-1]
    ask(shop, f"Re: {last['Subject']}", text, message_id, in_reply_to=last["Message-ID"])


def _code_mail(shop: Shop, address: str, subject: str) -> EmailMessage:
    """The one code mail with ``subject`` in the order's mailbox (shared by the tests of the session)."""

    def found() -> list[EmailMessage]:
        return [mail for mail in mailbox(shop.servers, address) if str(mail["Subject"]) == subject]

    wait_for(lambda: len(found()) == 1, message=f"no code mail '{subject}' to the order's address")
    return found()[0]


def _code(mail: EmailMessage) -> str:
    found = re.search(r"\b(\d{6})\b", body(mail))
    assert found is not None, body(mail)
    return found.group(1)


async def test_a_code_to_the_orders_address_lets_another_sender_return_an_item(
    email_state: AppState, shop: Shop
) -> None:
    ask(shop, "Rücksendung", "Ich möchte die Jeans zurückschicken, Bestellung 41000001.", "<otp1@example.test>")
    asked = await _answer(email_state, shop)
    assert "Bestätigungscode" in asked and "bei der Bestellung 41000001 hinterlegt" in asked
    assert ORDER_ADDRESS not in asked and "anna" not in asked.lower()
    mail = _code_mail(shop, ORDER_ADDRESS, "Ihr Bestätigungscode für die Bestellung 41000001")
    assert mail["To"].addresses[0].addr_spec == ORDER_ADDRESS
    code = _code(mail)
    assert "15 Minuten gültig" in body(mail)

    wrong = "000000" if code != "000000" else "111111"
    _reply(shop, wrong, "<otp2@example.test>")
    missed = await _answer(email_state, shop)
    assert "stimmt leider nicht" in missed and "Jeans" not in missed

    _reply(shop, code, "<otp3@example.test>")
    proposal = await _answer(email_state, shop)
    assert "Ich melde die Rücksendung für 1 × Jeans, Größe 40" in proposal
    _reply(shop, "Ja, bitte.", "<otp4@example.test>")
    done = await _answer(email_state, shop)
    assert "ist angemeldet" in done
    [record] = await email_state.orders.actions("heine")
    assert (record.kind, record.order_number) == (ActionKind.RETURN, "41000001")


async def test_three_wrong_codes_hand_the_conversation_over(email_state: AppState, shop: Shop) -> None:
    ask(shop, "Return", "I would like to return the dress from order 41000009.", "<otp10@example.test>")
    asked = await _answer(email_state, shop)
    assert "confirmation code" in asked and "stored with order 41000009" in asked
    assert OTHER_ORDER_ADDRESS not in asked
    mail = _code_mail(shop, OTHER_ORDER_ADDRESS, "Your confirmation code for order 41000009")
    code = _code(mail)
    wrong = [c for c in ("123456", "654321", "111111", "222222") if c != code][:3]
    _reply(shop, wrong[0], "<otp11@example.test>")
    assert "not correct" in await _answer(email_state, shop)
    _reply(shop, wrong[1], "<otp12@example.test>")
    assert "not correct" in await _answer(email_state, shop)
    _reply(shop, wrong[2], "<otp13@example.test>")
    last = await _answer(email_state, shop)
    assert "service manager" in last and "Strickkleid" not in last  # the third miss: a colleague takes over
    _reply(shop, code, "<otp14@example.test>")  # the right code after the hand-over: the bot stays silent
    assert email_state.email is not None
    await email_state.email.run_once()
    assert "Strickkleid" not in body(replies(shop)[-1])
    assert await email_state.orders.actions("heine") == []


async def test_an_unknown_order_reads_the_same_and_sends_nothing(email_state: AppState, shop: Shop) -> None:
    ask(shop, "Rücksendung", "Ich möchte mein Kleid zurückschicken, Bestellung 49999999.", "<otp20@example.test>")
    asked = await _answer(email_state, shop)
    assert "Bestätigungscode" in asked and "bei der Bestellung 49999999 hinterlegt" in asked

"""An e-mail about an order from another address than the order's, through the real mail path (SMTP in, the
worker by IMAP, replies and code mails by SMTP into Dovecot): a one-time code goes to the order's own address, the
sender is told so without the address, a wrong code is a miss, and the right one continues the action.

Orders of the demo shop (``orders/demo.py``): 41000001 and 41000009 belong to anna.berg@example.org.
"""

from __future__ import annotations

import re
from email.message import EmailMessage

from heine_ai.app_state import AppState
from heine_ai.orders.commerce import ActionKind
from tests.channels.email.conftest import Shop
from tests.channels.email.helpers import ask, body, replies
from tests.support.mailservers import mailbox, wait_for

ORDER_ADDRESS = "anna.berg@example.org"


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


def _code_mail(shop: Shop, subject: str) -> EmailMessage:
    """The one code mail with ``subject`` in the order's mailbox (shared by the tests of the session)."""

    def found() -> list[EmailMessage]:
        return [mail for mail in mailbox(shop.servers, ORDER_ADDRESS) if str(mail["Subject"]) == subject]

    subjects = lambda: [str(mail["Subject"]) for mail in mailbox(shop.servers, ORDER_ADDRESS)]  # noqa: E731
    try:
        wait_for(lambda: len(found()) == 1, message=f"no code mail '{subject}' to the order's address")
    except AssertionError as exc:
        raise AssertionError(f"{exc}: {subjects()}") from exc
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
    mail = _code_mail(shop, "Ihr Bestätigungscode für die Bestellung 41000001")
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


async def test_wrong_codes_count_as_misses_and_the_third_hands_over(email_state: AppState, shop: Shop) -> None:
    ask(shop, "Return", "I would like to return the dress from order 41000009.", "<otp10@example.test>")
    asked = await _answer(email_state, shop)
    assert "confirmation code" in asked and "stored with order 41000009" in asked
    assert ORDER_ADDRESS not in asked
    mail = _code_mail(shop, "Your confirmation code for order 41000009")
    code = _code(mail)
    wrong = [c for c in ("123456", "654321", "111111") if c != code]
    _reply(shop, wrong[0], "<otp11@example.test>")
    assert "not correct" in await _answer(email_state, shop)
    _reply(shop, wrong[1], "<otp12@example.test>")
    assert "not correct" in await _answer(email_state, shop)
    _reply(shop, code, "<otp13@example.test>")  # the right code, but only after the misses ran out
    last = await _answer(email_state, shop)
    assert "Strickkleid" not in last and "not correct" not in last  # a colleague takes over
    assert await email_state.orders.actions("heine") == []


async def test_an_unknown_order_reads_the_same_and_sends_nothing(email_state: AppState, shop: Shop) -> None:
    ask(shop, "Rücksendung", "Ich möchte mein Kleid zurückschicken, Bestellung 49999999.", "<otp20@example.test>")
    asked = await _answer(email_state, shop)
    assert "Bestätigungscode" in asked and "bei der Bestellung 49999999 hinterlegt" in asked

"""Confirmations on a durable medium through the brand's mailbox (the real Dovecot and SMTP servers): a withdrawal
declared in the chat is confirmed by mail to the order's address with date, time, reference and items; a return
registered in the chat gets its label attached as a PDF; the same action confirmed again sends nothing more."""

from __future__ import annotations

import asyncio
import re
from email.message import EmailMessage
from typing import Any

import httpx

from heine_ai.app_state import AppState
from tests.channels.email.conftest import Shop
from tests.channels.email.helpers import body
from tests.support.live import live_server
from tests.support.mailservers import customer_mail, mailbox, send, wait_for

WITHDRAWAL_ADDRESS = "felix.hahn@example.org"  # order 41000006 in orders/demo.py
RETURN_ADDRESS = "anna.berg@example.org"  # order 41000001


def _converse(http: httpx.Client, *texts: str) -> list[str]:
    session: dict[str, Any] = {}
    answers = []
    for text in texts:
        response = http.post("/api/v1/chat", json={"brand": "heine", "message": text} | session)
        assert response.status_code == 200, response.text
        answer = response.json()
        session = session or {"session_id": answer["session_id"], "session_token": answer["session_token"]}
        answers.append(answer["response"])
    return answers


def _about(shop: Shop, address: str, reference: str) -> list[EmailMessage]:
    return [mail for mail in mailbox(shop.servers, address) if reference in str(mail["Subject"])]


def test_a_withdrawal_in_the_chat_is_confirmed_by_mail_once(email_state: AppState, shop: Shop) -> None:
    asyncio.run(email_state.engine.dispose())  # the live server runs the app on its own event loop
    with live_server(email_state) as base, httpx.Client(base_url=base, timeout=30) as http:
        done = _converse(http, "Ich widerrufe meinen Kauf, Bestellung 41000006, PLZ 04109", "Ja")[-1]
        assert "per E-Mail an die Adresse Ihrer Bestellung" in done
        stamp = re.search(r"am (\d\d\.\d\d\.\d{4}) um (\d\d:\d\d) Uhr .*Vorgang ([0-9A-F]{8})", done)
        assert stamp is not None, done
        day, time, reference = stamp.groups()
        wait_for(lambda: len(_about(shop, WITHDRAWAL_ADDRESS, reference)) == 1, message="no confirmation mail")
        [mail] = _about(shop, WITHDRAWAL_ADDRESS, reference)
        assert str(mail["Subject"]).startswith("Bestätigung Ihres Widerrufs – Bestellung 41000006")
        assert mail["From"].addresses[0].addr_spec == shop.brand_address
        text = body(mail)
        assert f"am {day} um {time} Uhr" in text and f"Vorgang {reference}" in text
        assert "Betroffene Artikel:\n- 1 × Ledermantel" in text
        assert "Gründe" not in text.split("Betroffene Artikel")[1]  # nothing asked of the customer

        again = _converse(http, "Ich widerrufe meinen Kauf, Bestellung 41000006, PLZ 04109", "Ja")[-1]
        assert f"Vorgang {reference}" in again  # the same withdrawal, not a second one
        assert "per E-Mail" not in again
        assert len(_about(shop, WITHDRAWAL_ADDRESS, reference)) == 1  # the chat answered after any send: final


def test_a_return_in_the_chat_sends_its_label_by_mail(email_state: AppState, shop: Shop) -> None:
    asyncio.run(email_state.engine.dispose())
    with live_server(email_state) as base, httpx.Client(base_url=base, timeout=30) as http:
        done = _converse(http, "Ich möchte die Jeans zurückschicken, Bestellung 41000001, PLZ 20095", "Ja")[-1]
        reference_match = re.search(r"Vorgang ([0-9A-F]{8})", done)
        assert reference_match is not None and "per E-Mail" in done, done
        reference = reference_match.group(1)
        wait_for(lambda: len(_about(shop, RETURN_ADDRESS, reference)) == 1, message="no label mail")
        [mail] = _about(shop, RETURN_ADDRESS, reference)
        assert "Rücksendeetikett" in str(mail["Subject"])
        assert "- 1 × Jeans" in body(mail) and "Im Anhang finden Sie Ihr Rücksendeetikett" in body(mail)
        [label] = list(mail.iter_attachments())
        assert label.get_content_type() == "application/pdf"
        assert label.get_filename() == f"Ruecksendeetikett-{reference}.pdf"
        pdf = label.get_content()
        assert pdf.startswith(b"%PDF") and f"Vorgang {reference}".encode() in pdf and b"41000001" in pdf


def test_a_return_by_mail_gets_the_label_attached_and_a_mailed_withdrawal_no_second_mail(
    email_state: AppState, shop: Shop
) -> None:
    asyncio.run(email_state.engine.dispose())
    with live_server(email_state):
        request = "Guten Tag,\nich möchte das Strickkleid aus Bestellung 41000001 zurückschicken.\nAnna Berg"
        send(shop.servers, customer_mail(RETURN_ADDRESS, shop.brand_address, "Retoure", request, message_id="<r1@t>"))
        wait_for(lambda: _replies(shop, RETURN_ADDRESS, "<r1@t>"), timeout=30, message="no proposal")
        [proposal] = _replies(shop, RETURN_ADDRESS, "<r1@t>")
        assert "Soll ich das so machen?" in body(proposal)
        yes = customer_mail(
            RETURN_ADDRESS,
            shop.brand_address,
            "Re: Retoure",
            "Ja, bitte.",
            message_id="<r2@t>",
            in_reply_to=proposal["Message-ID"],
        )
        send(shop.servers, yes)
        wait_for(lambda: _replies(shop, RETURN_ADDRESS, "<r2@t>"), timeout=30, message="no confirmation")
        [done] = _replies(shop, RETURN_ADDRESS, "<r2@t>")
        reference_match = re.search(r"Vorgang ([0-9A-F]{8})", body(done))
        assert reference_match is not None, body(done)
        reference = reference_match.group(1)
        wait_for(lambda: len(_about(shop, RETURN_ADDRESS, reference)) == 1, message="no label mail")
        [label_mail] = _about(shop, RETURN_ADDRESS, reference)
        [label] = list(label_mail.iter_attachments())
        assert label.get_content_type() == "application/pdf" and f"Vorgang {reference}".encode() in label.get_content()

        withdrawal = "Ich widerrufe meinen Kauf, Bestellung 41000006."
        send(
            shop.servers,
            customer_mail(WITHDRAWAL_ADDRESS, shop.brand_address, "Widerruf", withdrawal, message_id="<w1@t>"),
        )
        wait_for(lambda: _replies(shop, WITHDRAWAL_ADDRESS, "<w1@t>"), timeout=30, message="no proposal")
        [asked] = _replies(shop, WITHDRAWAL_ADDRESS, "<w1@t>")
        yes = customer_mail(
            WITHDRAWAL_ADDRESS,
            shop.brand_address,
            "Re: Widerruf",
            "Ja",
            message_id="<w2@t>",
            in_reply_to=asked["Message-ID"],
        )
        send(shop.servers, yes)
        wait_for(lambda: _replies(shop, WITHDRAWAL_ADDRESS, "<w2@t>"), timeout=30, message="no confirmation")
        [confirmed] = _replies(shop, WITHDRAWAL_ADDRESS, "<w2@t>")
        assert re.search(r"am \d\d\.\d\d\.\d{4} um \d\d:\d\d Uhr", body(confirmed))  # the reply is the durable medium
        reference_match = re.search(r"Vorgang ([0-9A-F]{8})", body(confirmed))
        assert reference_match is not None
        assert _about(shop, WITHDRAWAL_ADDRESS, reference_match.group(1)) == []  # no second mail beside it


def _replies(shop: Shop, address: str, answering: str) -> list[EmailMessage]:
    return [mail for mail in mailbox(shop.servers, address) if mail["In-Reply-To"] == answering]


def test_an_english_withdrawal_in_the_chat_is_confirmed_in_english(email_state: AppState, shop: Shop) -> None:
    asyncio.run(email_state.engine.dispose())
    with live_server(email_state) as base, httpx.Client(base_url=base, timeout=30) as http:
        done = _converse(http, "I want to cancel my purchase, order 41000006, postcode 04109", "Yes")[-1]
        assert "by e-mail to the address of your order" in done, done
        stamp = re.search(r"on (\d\d\.\d\d\.\d{4}) at (\d\d:\d\d) \(reference ([0-9A-F]{8})\)", done)
        assert stamp is not None, done
        day, time, reference = stamp.groups()
        wait_for(lambda: len(_about(shop, WITHDRAWAL_ADDRESS, reference)) == 1, message="no confirmation mail")
        [mail] = _about(shop, WITHDRAWAL_ADDRESS, reference)
        assert str(mail["Subject"]).startswith("Confirmation of your withdrawal – order 41000006")
        text = body(mail)
        assert f"on {day} at {time}" in text and "Items concerned:\n- 1 × Ledermantel" in text

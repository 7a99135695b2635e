"""Confirmations on a durable medium through the brand's mailbox (the real Dovecot and SMTP servers): a withdrawal
declared in the chat is confirmed by mail to the order's address with date, time, reference and items; a return
registered in the chat gets its label attached as a PDF; the same action confirmed again sends nothing more. The
mail is queued, not sent in the turn: with the mail server down the chat answers and the mail follows once it is
back; a return a person approves in the console gets its label mail too."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
import pytest

from heine_ai.app_state import AppState
from heine_ai.lifespan import close_state
from heine_ai.messages import Channel, InboundMessage
from heine_ai.privacy.subjects import Subject, SubjectKind
from heine_ai.security.tokens import Role
from tests.channels.email.conftest import EmailStateFactory, Shop, email_block, write_brand
from tests.channels.email.helpers import body
from tests.handoff.helpers import PASSWORD
from tests.support.live import live_server
from tests.support.mailservers import customer_mail, mailbox, run_smtp, send, wait_for
from tests.support.servers import free_port

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
        assert "Eine Bestätigung senden wir Ihnen außerdem per E-Mail an die Adresse Ihrer Bestellung." in done
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
        proposal = _answer_to(shop, RETURN_ADDRESS, "Retoure", request, "<r1@t>", waiting_for="no proposal")
        assert "Soll ich das so machen?" in body(proposal)
        done = _answer_to(
            shop, RETURN_ADDRESS, "Re: Retoure", "Ja, bitte.", "<r2@t>", proposal["Message-ID"], "no confirmation"
        )
        reference_match = re.search(r"Vorgang ([0-9A-F]{8})", body(done))
        assert reference_match is not None, body(done)
        reference = reference_match.group(1)
        wait_for(lambda: len(_about(shop, RETURN_ADDRESS, reference)) == 1, message="no label mail")
        [label_mail] = _about(shop, RETURN_ADDRESS, reference)
        [label] = list(label_mail.iter_attachments())
        assert label.get_content_type() == "application/pdf" and f"Vorgang {reference}".encode() in label.get_content()

        withdrawal = "Ich widerrufe meinen Kauf, Bestellung 41000006."
        asked = _answer_to(shop, WITHDRAWAL_ADDRESS, "Widerruf", withdrawal, "<w1@t>", waiting_for="no proposal")
        confirmed = _answer_to(
            shop, WITHDRAWAL_ADDRESS, "Re: Widerruf", "Ja", "<w2@t>", asked["Message-ID"], "no confirmation"
        )
        assert re.search(r"am \d\d\.\d\d\.\d{4} um \d\d:\d\d Uhr", body(confirmed))  # the reply is the durable medium
        reference_match = re.search(r"Vorgang ([0-9A-F]{8})", body(confirmed))
        assert reference_match is not None
        assert _about(shop, WITHDRAWAL_ADDRESS, reference_match.group(1)) == []  # no second mail beside it


def _answer_to(
    shop: Shop,
    address: str,
    subject: str,
    text: str,
    message_id: str,
    in_reply_to: str | None = None,
    waiting_for: str = "no reply",
) -> EmailMessage:
    """The customer at ``address`` mails the brand; the one reply to that mail, once it arrived."""
    send(
        shop.servers,
        customer_mail(address, shop.brand_address, subject, text, message_id=message_id, in_reply_to=in_reply_to),
    )
    wait_for(lambda: _replies(shop, address, message_id), timeout=30, message=waiting_for)
    [reply] = _replies(shop, address, message_id)
    return reply


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


@dataclass(frozen=True, slots=True)
class SmtpDown:
    state: AppState
    smtp_port: int  # nothing listens there until the test starts the SMTP server on it


@pytest.fixture
async def smtp_down(shop: Shop, build_email_state: EmailStateFactory, tmp_path: Path) -> AsyncIterator[SmtpDown]:
    """The brand's mailbox with its SMTP server not running."""
    block = email_block(shop.servers, shop.brand_address, idle=True, poll_interval=0.5)
    block["smtp"]["port"] = free_port()
    state = await build_email_state(brands_dir=write_brand(tmp_path / "smtp-down", block))
    try:
        yield SmtpDown(state, block["smtp"]["port"])
    finally:
        await close_state(state)


def test_a_withdrawal_while_the_mail_server_is_down_is_answered_and_mailed_once_it_is_back(
    smtp_down: SmtpDown, shop: Shop
) -> None:
    asyncio.run(smtp_down.state.engine.dispose())
    smtp_port = smtp_down.smtp_port
    with live_server(smtp_down.state) as base, httpx.Client(base_url=base, timeout=30) as http:
        done = _converse(http, "Ich widerrufe meinen Kauf, Bestellung 41000006, PLZ 04109", "Ja")[-1]
        assert "ist am" in done and "senden wir Ihnen außerdem per E-Mail" in done, done  # answered while down
        assert "geschickt" not in done  # nothing claims the mail has gone out
        reference_match = re.search(r"Vorgang ([0-9A-F]{8})", done)
        assert reference_match is not None, done
        reference = reference_match.group(1)
        assert _about(shop, WITHDRAWAL_ADDRESS, reference) == []
        with run_smtp(shop.servers.dovecot, port=smtp_port):  # the mail server is back
            wait_for(lambda: len(_about(shop, WITHDRAWAL_ADDRESS, reference)) == 1, timeout=90, message="no mail")
            again = _converse(http, "Ich widerrufe meinen Kauf, Bestellung 41000006, PLZ 04109", "Ja")[-1]
            assert f"Vorgang {reference}" in again
        [mail] = _about(shop, WITHDRAWAL_ADDRESS, reference)
        assert str(mail["Subject"]).startswith("Bestätigung Ihres Widerrufs – Bestellung 41000006")
        assert f"Vorgang {reference}" in body(mail) and "Betroffene Artikel:\n- 1 × Ledermantel" in body(mail)


APPROVAL_ADDRESS = "ben.kraus@example.org"  # order 41000002: delivered 45 days ago, outside the return window


def test_a_return_approved_in_the_console_sends_its_label_by_mail(email_state: AppState, shop: Shop) -> None:
    asyncio.run(email_state.engine.dispose())
    admin = {"Authorization": f"Bearer {email_state.tokens.issue('ops', Role.ADMIN)}"}
    with live_server(email_state) as base, httpx.Client(base_url=base, timeout=30) as http:
        asked = _converse(http, "Ich möchte den Wollmantel zurückschicken, Bestellung 41000002, PLZ 80331", "Ja")
        assert "zur Freigabe weitergegeben" in asked[-1], asked
        reference_match = re.search(r"Vorgang ([0-9A-F]{8})", asked[-1])
        assert reference_match is not None
        reference = reference_match.group(1)
        agent = {"username": "petra", "display_name": "Petra", "password": PASSWORD, "brands": ["heine"]}
        assert http.post("/api/v1/admin/agents", json=agent, headers=admin).status_code == 201
        login = http.post("/api/v1/auth/login", json={"username": "petra", "password": PASSWORD})
        staff = {"Authorization": f"Bearer {login.json()['access_token']}"}
        [task] = http.get("/api/v1/agent/actions", params={"brand": "heine"}, headers=staff).json()
        assert task["reference"] == reference
        assert _about(shop, APPROVAL_ADDRESS, reference) == []  # nothing before the decision
        url = f"/api/v1/agent/actions/{task['id']}/decision"
        decided = http.post(url, params={"brand": "heine"}, json={"approve": True}, headers=staff)
        assert decided.status_code == 200 and decided.json()["customer_told"] is True, decided.text
        wait_for(lambda: len(_about(shop, APPROVAL_ADDRESS, reference)) == 1, timeout=30, message="no label mail")
        [mail] = _about(shop, APPROVAL_ADDRESS, reference)
        assert str(mail["Subject"]).startswith("Ihr Rücksendeetikett – Bestellung 41000002")
        text = body(mail)
        assert f"Ihre Anfrage (Vorgang {reference}) wurde genehmigt" in text and "- 1 × Wollmantel" in text
        [label] = list(mail.iter_attachments())
        assert label.get_content_type() == "application/pdf"
        assert label.get_filename() == f"Ruecksendeetikett-{reference}.pdf"
        assert f"Vorgang {reference}".encode() in label.get_content() and b"41000002" in label.get_content()
        again = http.post(url, params={"brand": "heine"}, json={"approve": True}, headers=staff)
        assert again.json()["customer_told"] is False
    assert len(_about(shop, APPROVAL_ADDRESS, reference)) == 1


async def test_a_queued_confirmation_is_in_the_export_health_and_erased_with_its_conversation(
    smtp_down: SmtpDown,
) -> None:
    """No sender runs here (no lifespan): the mail waits in the queue, encrypted, as the customer's data."""
    state = smtp_down.state
    assert state.email is not None
    asked = await state.assistant.handle(
        InboundMessage("heine", Channel.API, "Ich widerrufe meinen Kauf, Bestellung 41000006, PLZ 04109")
    )
    done = await state.assistant.handle(
        InboundMessage("heine", Channel.API, "Ja", thread_key=asked.session_id, session_token=asked.session_token)
    )
    assert "senden wir Ihnen außerdem per E-Mail" in done.text
    assert await state.email.confirmations.waiting("heine") == {"queued": 1}
    subject = [Subject(SubjectKind.SESSION, asked.session_id)]
    [conversation] = (await state.privacy.export(subject, "test"))["conversations"]
    [mail] = conversation["emails"]
    assert (mail["direction"], mail["state"], mail["to"]) == ("out", "queued", WITHDRAWAL_ADDRESS)
    assert str(mail["subject"]).startswith("Bestätigung Ihres Widerrufs") and "Ledermantel" in mail["text"]
    await state.privacy.erase(subject, "test")
    assert await state.email.confirmations.waiting("heine") == {}

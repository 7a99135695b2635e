"""Mails the channel must not answer (auto-replies, bounces, lists) and mails it cannot (the bad-input table):
never answered wrongly, never lost, and the worker goes on with the next mail."""

from __future__ import annotations

import json
from pathlib import Path

from heine_ai.api.operations import mailbox_reports
from heine_ai.app_state import AppState
from heine_ai.observability.logging import configure_logging
from tests.channels.email.conftest import Shop
from tests.channels.email.helpers import ask, body, deliver, records, replies
from tests.support.mailservers import customer_mail, mailbox


def raw_mail(shop: Shop, message_id: str, head: str, payload: bytes) -> bytes:
    return (
        (
            f"From: {shop.customer}\r\nTo: {shop.brand_address}\r\nSubject: Frage\r\nMessage-ID: {message_id}\r\n{head}"
        ).encode()
        + b"\r\n\r\n"
        + payload
    )


def send_raw(shop: Shop, data: bytes, sender: str | None = None) -> None:
    import smtplib

    with smtplib.SMTP("127.0.0.1", shop.servers.smtp_port) as smtp:
        smtp.sendmail(sender or shop.customer, [shop.brand_address], data)


LOOPS = [
    ({"Auto_Submitted": "auto-replied"}, None, "auto_submitted"),
    ({"Precedence": "bulk"}, None, "precedence"),
    ({"X_Autoreply": "yes"}, None, "autoreply"),
    ({"List_Id": "<news.example.test>"}, None, "mailing_list"),
    ({}, "MAILER-DAEMON@example.test", "no_reply_sender"),
    ({}, "noreply@example.test", "no_reply_sender"),
]


async def test_automatic_mails_are_recorded_but_never_answered(email_state: AppState, shop: Shop) -> None:
    assert email_state.email is not None
    for index, (headers, sender, _reason) in enumerate(LOOPS):
        mail = customer_mail(
            sender or shop.customer,
            shop.brand_address,
            "Abwesenheit",
            "Ich bin nicht im Büro.",
            message_id=f"<loop{index}@example.test>",
            **headers,
        )
        deliver(shop, mail)
    own = customer_mail(shop.brand_address, shop.brand_address, "Re: Frage", "Unsere Antwort", message_id="<own@h>")
    deliver(shop, own)

    assert await email_state.email.run_once() == {"heine": len(LOOPS) + 1}

    assert replies(shop) == []
    assert mailbox(shop.servers, "noreply@example.test") == []
    inbound = await records(email_state)
    for index, (_headers, _sender, reason) in enumerate(LOOPS):
        assert (inbound[f"<loop{index}@example.test>"].state, inbound[f"<loop{index}@example.test>"].reason) == (
            "skipped",
            reason,
        )
    assert inbound["<own@h>"].reason == "own_address"
    assert await email_state.email.run_once() == {"heine": 0}  # all marked seen


def bad_mails(shop: Shop) -> list[tuple[str, bytes, str | None]]:
    """(Message-ID, raw mail, expected reason or None when it is answered)."""
    big = b"Wie lange dauert die Lieferung?\r\n" + (b"x" * 998 + b"\r\n") * 21000  # about 21 MB
    return [
        (
            "<bad-mime@example.test>",
            raw_mail(
                shop,
                "<bad-mime@example.test>",
                'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="nirgends"',
                b"kein Teil\r\n",
            ),
            "malformed_mime",
        ),
        (
            "<bad-big@example.test>",
            raw_mail(shop, "<bad-big@example.test>", "Content-Type: text/plain", big),
            "too_large",
        ),
        (
            "<bad-charset@example.test>",
            raw_mail(
                shop,
                "<bad-charset@example.test>",
                "Content-Type: text/plain; charset=x-klingonisch",
                b"Wie lange dauert die Lieferung?",
            ),
            None,
        ),
        (
            "<bad-nofrom@example.test>",
            b"To: x@y\r\nSubject: Frage\r\nMessage-ID: <bad-nofrom@example.test>\r\n\r\n"
            b"Wie lange dauert die Lieferung?\r\n",
            "no_sender",
        ),
        (
            "<bad-html@example.test>",
            raw_mail(
                shop,
                "<bad-html@example.test>",
                "Content-Type: text/html; charset=utf-8",
                b"<p>Wie lange dauert die <b>Lieferung</b>?</p>",
            ),
            None,
        ),
        (
            "<bad-empty@example.test>",
            raw_mail(shop, "<bad-empty@example.test>", "Content-Type: text/plain", b""),
            "empty_body",
        ),
    ]


async def test_the_bad_input_table(email_state: AppState, shop: Shop, tmp_path: Path) -> None:
    assert email_state.email is not None
    log_file = tmp_path / "logs" / "mail.log"
    configure_logging("INFO", "json", log_file)
    table = bad_mails(shop)
    for _message_id, data, _reason in table:
        send_raw(shop, data)
    ask(shop, "Zahlung", "Kann ich auf Rechnung bezahlen?", "<good-after@example.test>")

    assert await email_state.email.run_once() == {"heine": len(table) + 1}

    inbound = await records(email_state)
    for message_id, _data, reason in table:
        record = inbound[message_id]
        if reason is None:
            assert record.state == "answered", message_id
        else:
            assert (record.state, record.reason) == ("flagged", reason), message_id
    answered = {reply["In-Reply-To"]: body(reply) for reply in replies(shop)}
    assert set(answered) == {"<bad-charset@example.test>", "<bad-html@example.test>", "<good-after@example.test>"}
    assert "Liefer" in answered["<bad-html@example.test>"]
    flagged = {m["Message-ID"] for m in mailbox(shop.servers, shop.brand_address, "Review")}
    assert flagged == {message_id for message_id, _data, reason in table if reason}  # none lost
    inbox = {m["Message-ID"] for m in mailbox(shop.servers, shop.brand_address)}
    assert not inbox & flagged
    assert (await mailbox_reports(email_state))["email:heine"]["in_review"] == len(flagged)  # health shows them
    text = log_file.read_text(encoding="utf-8")
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]
    logged = {(line.get("message_id"), line.get("reason")) for line in lines if line["event"] == "email_flagged"}
    assert logged == {(message_id, reason) for message_id, _data, reason in table if reason}
    for secret in (shop.customer, "Wie lange dauert"):
        assert secret not in text

"""What the assistant reads of a mail: the customer's own words, whatever the client, charset or format."""

from __future__ import annotations

import pytest

from heine_ai.channels.email.compose import reply_subject
from heine_ai.channels.email.loopguard import loop_reason
from heine_ai.channels.email.parsing import parse_mail
from heine_ai.channels.email.quotes import strip_quotes

OWN = frozenset({"service@heine.example"})


def raw(headers: str, body: bytes | str = "Wie lange dauert die Lieferung?") -> bytes:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return headers.replace("\n", "\r\n").encode("utf-8") + b"\r\n\r\n" + data


BASE = "From: Erika Muster <erika@example.test>\nTo: service@heine.example\nSubject: Frage\nMessage-ID: <a@x.test>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wann kommt meine Hose?\n\nAm 01.12.2026 um 10:00 schrieb heine Kundenservice <s@heine.example>:\n> Guten Tag",
            "Wann kommt meine Hose?",
        ),
        (
            "Danke!\n\n-----Ursprüngliche Nachricht-----\nVon: heine\nGesendet: Montag\nAlte Antwort",
            "Danke!",
        ),
        ("Passt.\n\nVon: heine Service <s@heine.example>\nGesendet: Montag, 1. Dezember 2026\nAn: ich", "Passt."),
        ("Thanks!\n\nOn Mon, Dec 1, 2026 at 10:00 AM heine <s@heine.example>\nwrote:\n> old", "Thanks!"),
        ("Frage zur Größe\n-- \nErika Muster\nMusterweg 1", "Frage zur Größe"),
        ("> zitiert\nMeine Antwort\n> noch ein Zitat", "Meine Antwort"),
        ("Gern.\n\nVon meinem iPhone gesendet", "Gern."),
        ("Gern.\n\nGesendet von meinem Smartphone", "Gern."),
    ],
)
def test_quotes_and_signatures_are_cut(text: str, expected: str) -> None:
    assert strip_quotes(text) == expected


def test_encoded_headers_and_a_latin1_body_are_read() -> None:
    mail = parse_mail(
        raw(
            "From: =?iso-8859-1?q?J=FCrgen_M=FCller?= <juergen@example.test>\nSubject: =?utf-8?b?UsO8Y2tzZW5kdW5n?=\n"
            "Message-ID: <l1@x.test>\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit",
            "Grüße, wo ist mein Paket?".encode("latin-1"),
        )
    )
    assert mail.sender == "juergen@example.test"
    assert mail.sender_name == "Jürgen Müller"
    assert mail.subject == "Rücksendung"
    assert mail.text == "Grüße, wo ist mein Paket?"
    assert mail.problem is None


def test_html_only_mail_becomes_text_without_its_quote() -> None:
    mail = parse_mail(
        raw(
            BASE + "\nContent-Type: text/html; charset=utf-8",
            "<html><body><p>Hallo,</p><p>wie <b>lange</b> dauert der Versand?</p>"
            "<blockquote>Alte Nachricht</blockquote><div class='gmail_quote'>Noch älter</div></body></html>",
        )
    )
    assert mail.text == "Hallo,\n\nwie lange dauert der Versand?"


def test_plain_text_is_preferred_and_attachments_are_named_not_read() -> None:
    body = (
        "--B\r\nContent-Type: multipart/alternative; boundary=A\r\n\r\n"
        "--A\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nText-Version\r\n"
        "--A\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>HTML-Version</p>\r\n--A--\r\n"
        "--B\r\nContent-Type: application/pdf; name=Rechnung.pdf\r\nContent-Disposition: attachment; "
        "filename=Rechnung.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--B--\r\n"
    )
    mail = parse_mail(raw(BASE + '\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="B"', body))
    assert mail.text == "Text-Version"
    assert mail.attachments == ("Rechnung.pdf",)


def test_reply_ids_are_collected_nearest_first() -> None:
    mail = parse_mail(raw(BASE + "\nIn-Reply-To: <r2@heine>\nReferences: <q1@x> <r1@heine> <q2@x> <r2@heine>"))
    assert mail.thread_ids == ("<r2@heine>", "<q2@x>", "<r1@heine>", "<q1@x>")


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ("Auto-Submitted: auto-replied", "auto_submitted"),
        ("Precedence: bulk", "precedence"),
        ("Precedence: junk", "precedence"),
        ("Precedence: list", "precedence"),
        ("X-Autoreply: yes", "autoreply"),
        ("X-Autorespond: Abwesenheit", "autoreply"),
        ("List-Id: <news.heine.example>", "mailing_list"),
        ("Return-Path: <>", "bounce"),
    ],
)
def test_automatic_mails_are_never_answered(headers: str, reason: str) -> None:
    assert loop_reason(parse_mail(raw(BASE + "\n" + headers)), OWN) == reason


@pytest.mark.parametrize(
    ("sender", "reason"),
    [
        ("MAILER-DAEMON@mx.example.test", "no_reply_sender"),
        ("postmaster@example.test", "no_reply_sender"),
        ("noreply@shop.example", "no_reply_sender"),
        ("no-reply@shop.example", "no_reply_sender"),
        ("donotreply@shop.example", "no_reply_sender"),
        ("Service@Heine.example", "own_address"),
        ("erika@example.test", None),
        ("noreen@example.test", None),
    ],
)
def test_senders_that_are_never_answered(sender: str, reason: str | None) -> None:
    mail = parse_mail(raw(f"From: {sender}\nSubject: x\nMessage-ID: <s@x>"))
    assert loop_reason(mail, OWN) == reason


def test_auto_submitted_no_is_a_person() -> None:
    assert loop_reason(parse_mail(raw(BASE + "\nAuto-Submitted: no")), OWN) is None


@pytest.mark.parametrize(
    ("subject", "reply"),
    [
        ("Rücksendung", "Re: Rücksendung"),
        ("Re: Rücksendung", "Re: Rücksendung"),
        ("AW: Re: AW: Rücksendung", "Re: Rücksendung"),
        ("RE[2]: Lieferung", "Re: Lieferung"),
        ("WG: Fwd: Rechnung", "Re: Rechnung"),
        ("", "Re: Ihre Nachricht"),
    ],
)
def test_reply_subject_has_one_re(subject: str, reply: str) -> None:
    assert reply_subject(subject) == reply
    assert reply_subject(reply) == reply

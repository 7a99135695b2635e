"""The brand's frame around a reply: a greeting or a sign-off the writer wrote is never doubled."""

from __future__ import annotations

import pytest

from heine_ai.channels.email.compose import Envelope, compose
from heine_ai.config import EmailConfig
from heine_ai.config.brands import load_brand
from tests.support.installations import BRANDS

BRAND = load_brand(BRANDS / "heine.yaml")
CONFIG = EmailConfig.model_validate(
    {
        "imap": {"host": "imap.example.test", "user": "service"},
        "smtp": {"host": "smtp.example.test"},
        "from_address": "service@heine.example",
    }
)
ENVELOPE = Envelope("kundin@example.test", "Re: Jacke", None, (), "<r1@heine.example>")


def framed(text: str, language: str = "de", author: str | None = "Anna Schmidt") -> str:
    body = compose(BRAND, CONFIG, ENVELOPE, text, language=language, author=author).get_body(("plain",))
    assert body is not None
    return str(body.get_content()).rstrip("\n")


def test_a_plain_staff_reply_gets_the_brands_greeting_and_closing_with_the_name() -> None:
    assert framed("Wir schicken Ihnen eine neue Jacke.") == (
        "Guten Tag,\n\nWir schicken Ihnen eine neue Jacke.\n\nMit freundlichen Grüßen\nAnna Schmidt\n"
        "Ihr heine Kundenservice"
    )


@pytest.mark.parametrize(
    ("text", "language", "greeting"),
    [
        ("Hallo Frau Berg,\n\nwir schicken Ihnen eine neue Jacke.\n\nViele Grüße\nAnna", "de", "Hallo Frau Berg,"),
        ("Sehr geehrte Frau Berg,\nwir schicken Ihnen eine neue Jacke.\nMit freundlichen Grüßen", "de", "Sehr geehrte"),
        ("Guten Tag Herr Kurz,\n\ndie Jacke ist unterwegs.\n\nBeste Grüße\nAnna Schmidt", "de", "Guten Tag Herr"),
        ("Dear Ms Berg,\n\nwe are sending you a new jacket.\n\nKind regards,\nAnna", "en", "Dear Ms Berg,"),
        ("Hi Tom,\n\nthe jacket is on its way.\n\nBest wishes", "en", "Hi Tom,"),
    ],
)
def test_a_greeting_and_sign_off_the_agent_wrote_appear_once(text: str, language: str, greeting: str) -> None:
    mail = framed(text, language)
    assert mail.startswith(greeting)
    for frame in ("Guten Tag,", "Hello,", "Mit freundlichen Grüßen\nAnna", "Kind regards\nAnna Schmidt"):
        assert mail.count(frame.split("\n")[0]) <= 1, mail
    assert mail.count("Grüße") + mail.count("regards") + mail.count("wishes") == 1, mail
    assert mail.count("Anna") == 1, mail  # the name once: the agent's own, or the author's under their closing
    assert mail.endswith("customer service" if language == "en" else "Ihr heine Kundenservice"), mail


def test_a_closing_without_a_name_gets_the_authors_name_under_it() -> None:
    mail = framed("Guten Tag,\n\nerledigt.\n\nViele Grüße")
    assert mail == "Guten Tag,\n\nerledigt.\n\nViele Grüße\nAnna Schmidt\nIhr heine Kundenservice"


def test_a_greeting_word_inside_the_text_is_not_a_greeting() -> None:
    mail = framed("Ihr Paket ist unterwegs. Hallo sagt der Bote, wenn er klingelt.")
    assert mail.startswith("Guten Tag,\n\nIhr Paket")


def test_the_assistants_greeting_reply_is_not_greeted_twice() -> None:
    mail = framed("Guten Tag! Wie kann ich Ihnen helfen?", author=None)
    assert mail.startswith("Guten Tag! Wie kann ich Ihnen helfen?")
    assert "KI-Assistent" in mail

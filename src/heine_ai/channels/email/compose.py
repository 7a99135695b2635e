"""The outgoing mail: in the customer's thread, "Re:" once, greeting and signature, as text and HTML."""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from heine_ai.channels.email.salutations import split_salutations
from heine_ai.config import BrandConfig, EmailConfig
from heine_ai.db.models import utcnow
from heine_ai.messages import MailFile
from heine_ai.text import base_subject

MAX_REFERENCES = 20


@dataclass(frozen=True, slots=True)
class Envelope:
    """Where a mail goes and which thread it continues."""

    to: str
    subject: str
    in_reply_to: str | None
    references: tuple[str, ...]
    message_id: str


def reply_subject(subject: str) -> str:
    base = base_subject(subject)
    return f"Re: {base}" if base else "Re: Ihre Nachricht"


def reply_message_id(brand: str, inbound_id: str, from_address: str) -> str:
    """Fixed by the inbound mail, so a retried send reuses it and the record is written before sending."""
    digest = hashlib.sha256(f"{brand}\n{inbound_id}".encode()).hexdigest()[:32]
    return f"<reply-{digest}@{from_address.rsplit('@', 1)[1]}>"


def thread_references(references: tuple[str, ...], inbound_id: str) -> tuple[str, ...]:
    """References of a reply: the mail's own References and its Message-ID, the newest kept (RFC 5322 3.6.4)."""
    chain = tuple(dict.fromkeys((*references, inbound_id)))
    return chain[-MAX_REFERENCES:]


def reply_envelope(
    to: str, subject: str, reply_id: str, answering: str | None, references: tuple[str, ...] = ()
) -> Envelope:
    """A reply to the mail with Message-ID ``answering`` (and ``references``), under its subject with "Re:" once;
    without a mail to answer, the reply starts the thread."""
    return Envelope(
        to=to,
        subject=reply_subject(subject),
        in_reply_to=answering,
        references=thread_references(references, answering) if answering else (),
        message_id=reply_id,
    )


def compose(
    brand: BrandConfig,
    config: EmailConfig,
    envelope: Envelope,
    text: str,
    *,
    language: str,
    author: str | None = None,
    rating_url: str | None = None,
    files: tuple[MailFile, ...] = (),
) -> EmailMessage:
    """The reply as a multipart/alternative mail, framed by the greeting and the signature of ``language``
    ("de" or "en").

    A staff member's reply (``author``) carries their name under the signature's first line (the closing); the
    assistant's (no author) is marked Auto-Submitted (RFC 3834), so other responders do not answer it, and says
    below the signature that an AI assistant wrote it and how to reach a person.
    """
    message = EmailMessage()
    message["From"] = formataddr((config.from_name or brand.display_name, config.from_address))
    message["To"] = envelope.to
    if config.reply_to:
        message["Reply-To"] = config.reply_to
    message["Subject"] = envelope.subject
    message["Message-ID"] = envelope.message_id
    message["Date"] = format_datetime(utcnow())
    if envelope.in_reply_to:
        message["In-Reply-To"] = envelope.in_reply_to
    if envelope.references:
        message["References"] = " ".join(envelope.references)
    if author is None:
        message["Auto-Submitted"] = "auto-replied"
    paragraphs = _framed(brand, config, text, language, author)
    if rating_url:  # below the signature, before the AI disclosure that ends the assistant's mails
        at = len(paragraphs) if author else len(paragraphs) - 1
        paragraphs.insert(at, brand.texts_for(language).mail_rating.format(url=rating_url))
    message.set_content("\n\n".join(paragraphs) + "\n")
    message.add_alternative(_html(paragraphs, language), subtype="html")
    for file in files:  # the text and HTML stay the first part; multipart/mixed around them
        maintype, _, subtype = file.content_type.partition("/")
        message.add_attachment(file.data, maintype=maintype, subtype=subtype, filename=file.filename)
    return message


def _framed(brand: BrandConfig, config: EmailConfig, text: str, language: str, author: str | None) -> list[str]:
    """The reply's paragraphs: the greeting, the text and the signature, with ``author`` under the closing; a
    greeting or a closing the text has of its own replaces the brand's (``salutations.py``), never doubles it."""
    english = language == "en"
    texts = brand.texts_for(language)
    greeting = (config.greeting_en if english else config.greeting) or texts.mail_greeting
    brand_signature = (config.signature_en if english else None) or texts.mail_signature.format(
        brand=brand.display_name, brand_signature=brand.signature
    )
    closing, _, team = brand_signature.partition("\n")
    written = split_salutations(text)
    opening = [] if written.greeted else [greeting]
    if written.closing:  # the writer signed off: their closing (and name) stand for the brand's closing
        signed = written.closing if len(written.closing) > 1 or not author else (*written.closing, author)
        signature = "\n".join(line for line in (*signed, team) if line)
    elif author:
        signature = "\n".join(line for line in (closing, author, team) if line)
    else:
        signature = brand_signature
    if author:
        return [*opening, written.body, signature]
    return [*opening, written.body, signature, texts.mail_ai_disclosure]  # EU AI Act Art. 50


def _html(paragraphs: list[str], language: str) -> str:
    body = "".join(
        "<p>" + "<br>".join(html.escape(line) for line in paragraph.split("\n")) + "</p>" for paragraph in paragraphs
    )
    return f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"></head><body>{body}</body></html>\n'

"""A raw mail into what the channel needs: ids for threading, the sender, the customer's text, its attachments.

Parsing never raises: a mail that cannot be answered comes back with a ``problem`` code (it goes to the review
folder, recorded with that reason). Bodies in unknown or wrong charsets are decoded as UTF-8, then Windows-1252,
which reads every byte; HTML-only mails are turned into text; attachments are kept with their declared type and
bytes (the attachment store checks them).
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import re
from dataclasses import dataclass, field
from email.message import Message
from email.utils import getaddresses

import lxml.html

from heine_ai.channels.email.quotes import strip_quotes
from heine_ai.conversations.attachments import IncomingFile

_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
MAX_ID_LENGTH = 255
_LINES = {"br", "li", "tr"}
_PARAGRAPHS = {"p", "div", "h1", "h2", "h3", "h4", "table", "ul", "ol"}


@dataclass(frozen=True, slots=True)
class ParsedMail:
    message_id: str
    sender: str | None
    sender_name: str | None
    subject: str
    in_reply_to: str | None
    references: tuple[str, ...]
    text: str
    attachments: tuple[str, ...] = ()
    files: tuple[IncomingFile, ...] = ()  # the attachments' names, declared types and bytes
    headers: dict[str, str] = field(default_factory=dict)
    problem: str | None = None

    @property
    def thread_ids(self) -> tuple[str, ...]:
        """The Message-IDs this mail answers, nearest first (In-Reply-To, then References backwards)."""
        ids = ([self.in_reply_to] if self.in_reply_to else []) + list(reversed(self.references))
        return tuple(dict.fromkeys(ids))


def normalise_id(value: str) -> str:
    """A Message-ID as stored: with angle brackets, at most 255 characters (longer ones are hashed)."""
    value = value.strip()
    if not value.startswith("<"):
        value = f"<{value.strip('<>')}>"
    if len(value) > MAX_ID_LENGTH:
        value = f"<{hashlib.sha256(value.encode()).hexdigest()}@long-id.invalid>"
    return value


def synthetic_id(raw: bytes) -> str:
    """A stable id for a mail without Message-ID, so a retry finds the same record."""
    return f"<{hashlib.sha256(raw).hexdigest()[:40]}@no-message-id.invalid>"


def header_ids(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(normalise_id(match) for match in _MESSAGE_ID.findall(str(value)))


def parse_mail(raw: bytes) -> ParsedMail:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    ids = header_ids(_header(message, "Message-ID"))
    message_id = ids[0] if ids else synthetic_id(raw)
    sender, name = _sender(_header(message, "From"))
    in_reply_to = header_ids(_header(message, "In-Reply-To"))
    headers = {key.lower(): _header(message, key) or "" for key in _LOOP_HEADERS if message.get(key) is not None}
    text, files, problem = _body(message)
    if sender is None:
        problem = "no_sender"
    return ParsedMail(
        message_id=message_id,
        sender=sender,
        sender_name=name,
        subject=(_header(message, "Subject") or "").strip(),
        in_reply_to=in_reply_to[0] if in_reply_to else None,
        references=header_ids(_header(message, "References")),
        text=text,
        attachments=tuple(file.filename for file in files),
        files=files,
        headers=headers,
        problem=problem,
    )


def parse_headers_only(raw_header: bytes) -> ParsedMail:
    """A mail too large to read: its ids and sender from the header, flagged ``too_large``."""
    parsed = parse_mail(raw_header)
    return ParsedMail(
        message_id=parsed.message_id,
        sender=parsed.sender,
        sender_name=parsed.sender_name,
        subject=parsed.subject,
        in_reply_to=parsed.in_reply_to,
        references=parsed.references,
        text="",
        headers=parsed.headers,
        problem="too_large",
    )


_LOOP_HEADERS = (
    "Auto-Submitted",
    "Precedence",
    "X-Autoreply",
    "X-Autorespond",
    "List-Id",
    "List-Unsubscribe",
    "Return-Path",
)


def _header(message: Message, name: str) -> str | None:
    """A header as text; a header too broken to parse is read raw rather than failing the mail."""
    try:
        value = message.get(name)
    except Exception:  # the stdlib header parser raises various errors on malformed input
        raw = message.get_all(name, failobj=[None])
        value = raw[0] if raw else None
    return None if value is None else str(value)


def _sender(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    for name, address in getaddresses([value]):
        if "@" in address and " " not in address.strip():
            return address.strip(), name.strip() or None
    return None, None


def _body(message: Message) -> tuple[str, tuple[IncomingFile, ...], str | None]:
    plain: list[str] = []
    html: list[str] = []
    attachments: list[IncomingFile] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        filename = part.get_filename()
        disposition = part.get_content_disposition()
        if filename or disposition == "attachment":
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
            attachments.append(IncomingFile(filename or "unnamed", part.get_content_type(), data))
            continue
        kind = part.get_content_type()
        if kind == "text/plain":
            plain.append(_decode(part))
        elif kind == "text/html":
            html.append(html_to_text(_decode(part)))
    text = strip_quotes("\n\n".join(plain) if any(p.strip() for p in plain) else "\n\n".join(html))
    if text:
        return text, tuple(attachments), None
    if attachments:
        return "", tuple(attachments), None  # attachments only: for staff (processor.py)
    malformed = any(True for _ in getattr(message, "defects", []))
    return "", (), "malformed_mime" if malformed else "empty_body"


def _decode(part: Message) -> str:
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else str(part.get_payload()).encode("utf-8", "replace")
    charset = part.get_content_charset() or "utf-8"
    for candidate in (charset, "utf-8", "cp1252"):
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def html_to_text(markup: str) -> str:
    """Visible text of an HTML mail, paragraphs kept; quoted history (blockquote, Gmail's quote) removed."""
    if not markup.strip():
        return ""
    try:
        root = lxml.html.fromstring(markup)
    except Exception:  # lxml raises ParserError and others on garbage
        return ""
    for element in root.xpath(
        "//script|//style|//head|//blockquote|//*[contains(@class,'gmail_quote')]|//*[@id='divRplyFwdMsg']"
    ):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _LINES | _PARAGRAPHS:
            element.tail = ("\n\n" if element.tag in _PARAGRAPHS else "\n") + (element.tail or "")
    text = root.text_content()
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()

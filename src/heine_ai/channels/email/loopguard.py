"""Mails the channel never answers: auto-replies, bounces, lists, no-reply senders and the brand's own mails.

Answering any of them starts the classic mail loop (two auto-responders answering each other for ever).
"""

from __future__ import annotations

import re

from heine_ai.channels.email.parsing import ParsedMail

_NO_REPLY_LOCAL = re.compile(
    r"^(mailer-daemon|postmaster|no[-_.]?reply|do[-_.]?not[-_.]?reply|bounces?|auto[-_.]?(reply|responder))([+-_.].*)?$",
    re.IGNORECASE,
)


def loop_reason(mail: ParsedMail, own_addresses: frozenset[str]) -> str | None:
    """Why this mail must not be answered (a reason code), or None when a reply is safe."""
    headers = mail.headers
    auto = headers.get("auto-submitted", "").strip().lower()
    if auto and auto != "no":
        return "auto_submitted"
    if headers.get("precedence", "").strip().lower() in {"bulk", "junk", "list", "auto_reply"}:
        return "precedence"
    if "x-autoreply" in headers or "x-autorespond" in headers:
        return "autoreply"
    if "list-id" in headers or "list-unsubscribe" in headers:
        return "mailing_list"
    if headers.get("return-path", "").strip() == "<>":
        return "bounce"
    sender = (mail.sender or "").lower()
    if sender in own_addresses:
        return "own_address"
    if _NO_REPLY_LOCAL.match(sender.split("@", 1)[0]):
        return "no_reply_sender"
    return None

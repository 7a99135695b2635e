"""Confirmations of an action on a durable medium, by e-mail to the order's own address: which action gets one,
and what it says. The procedures (a done action) and the console's action desk (an approved one) share it.

A withdrawal declared in the chat is confirmed by mail as well as in the conversation (§356a BGB asks for a durable
medium; in the e-mail channel the reply itself is that mail). A registered return or exchange gets its label as a
PDF attached to a mail, whatever channel it came through, as long as the order has an e-mail address; so does one a
person approved (``approval_mail``, prepared when the approval is asked for, while the order is at hand, and held
until the decision).
"""

from __future__ import annotations

import dataclasses

from heine_ai.config import BrandConfig
from heine_ai.config.actions import ActionTexts
from heine_ai.messages import Channel, ConfirmationMail, MailFile
from heine_ai.orders.commerce import ActionKind, ActionRecord, ActionState, Order, OrderItem
from heine_ai.orders.labels import LABEL_KINDS, has_label, return_label


def confirmation_mail(
    brand: BrandConfig,
    texts: ActionTexts,
    record: ActionRecord,
    order: Order,
    items: list[OrderItem],
    confirmation: str,
    *,
    language: str,
    channel: Channel,
) -> ConfirmationMail | None:
    """The mail that confirms ``record`` (``confirmation`` is the sentence the conversation got), or ``None`` when
    none is due: no address on the order, an e-mail withdrawal (its reply is the confirmation), other kinds."""
    if order.email is None or record.repeated or record.state is not ActionState.DONE:
        return None
    body = f"{confirmation}\n\n{_items(texts, items)}"
    if record.kind is ActionKind.WITHDRAWAL and channel is not Channel.EMAIL:
        subject = texts.mail_subject_withdrawal.format(order_number=order.number, reference=record.reference)
        return ConfirmationMail(
            brand.id, order.email, subject, body, language, record.id, conversation_id=record.conversation_id
        )
    if has_label(record):
        return _label_mail(brand, texts, record, order.email, body, language)
    return None


def approval_mail(
    brand: BrandConfig, texts: ActionTexts, record: ActionRecord, order: Order, items: list[OrderItem], *, language: str
) -> ConfirmationMail | None:
    """The label mail a return or exchange awaiting approval gets once a person approves it (``approved``'s
    sentence, the items, the label), or ``None``: no address, another kind, not awaiting approval."""
    if order.email is None or record.repeated or record.state is not ActionState.PENDING_APPROVAL:
        return None
    if record.kind not in LABEL_KINDS:
        return None
    approved = dataclasses.replace(record, state=ActionState.APPROVED)
    body = f"{approved_sentence(texts, record)}\n\n{_items(texts, items)}"
    return _label_mail(brand, texts, approved, order.email, body, language)


def approved_sentence(texts: ActionTexts, record: ActionRecord) -> str:
    """What the customer is told when a person approved ``record``: in the conversation and in the label mail."""
    what: str = getattr(texts, f"kind_{record.kind.value}")
    return texts.approval_approved.format(reference=record.reference, what=what[:1].upper() + what[1:])


def _items(texts: ActionTexts, items: list[OrderItem]) -> str:
    lines = "\n".join(f"- {texts.item_line.format(quantity=i.quantity, name=i.name, size=i.size)}" for i in items)
    return f"{texts.mail_items}\n{lines}"


def _label_mail(
    brand: BrandConfig, texts: ActionTexts, record: ActionRecord, to: str, body: str, language: str
) -> ConfirmationMail:
    reference = record.reference
    subject = texts.mail_subject_label.format(order_number=record.order_number, reference=reference)
    pdf = return_label(record, brand.display_name)
    label = MailFile(f"Ruecksendeetikett-{reference}.pdf", "application/pdf", pdf)
    text = f"{body}\n\n{texts.mail_label}"
    return ConfirmationMail(
        brand.id, to, subject, text, language, record.id, (label,), conversation_id=record.conversation_id
    )

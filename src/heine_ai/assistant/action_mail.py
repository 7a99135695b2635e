"""Confirmations of an action on a durable medium, by e-mail to the order's own address.

A withdrawal declared in the chat is confirmed by mail as well as in the conversation (§356a BGB asks for a durable
medium; in the e-mail channel the reply itself is that mail). A registered return or exchange gets its label as a
PDF attached to a mail, whatever channel it came through, as long as the order has an e-mail address.
"""

from __future__ import annotations

from heine_ai.config import BrandConfig
from heine_ai.config.actions import ActionTexts
from heine_ai.messages import Channel, ConfirmationMail, MailFile
from heine_ai.orders.commerce import ActionKind, ActionRecord, ActionState, Order, OrderItem
from heine_ai.orders.labels import has_label, return_label


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
    reference = record.id[:8].upper()
    lines = "\n".join(f"- {texts.item_line.format(quantity=i.quantity, name=i.name, size=i.size)}" for i in items)
    body = f"{confirmation}\n\n{texts.mail_items}\n{lines}"
    if record.kind is ActionKind.WITHDRAWAL and channel is not Channel.EMAIL:
        subject = texts.mail_subject_withdrawal.format(order_number=order.number, reference=reference)
        return ConfirmationMail(brand.id, order.email, subject, body, language, record.id)
    if has_label(record):
        subject = texts.mail_subject_label.format(order_number=order.number, reference=reference)
        pdf = return_label(record, brand.display_name)
        label = MailFile(f"Ruecksendeetikett-{reference}.pdf", "application/pdf", pdf)
        text = f"{body}\n\n{texts.mail_label}"
        return ConfirmationMail(brand.id, order.email, subject, text, language, record.id, (label,))
    return None

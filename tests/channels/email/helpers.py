"""Small helpers of the e-mail tests: a customer writing, the records the channel kept."""

from __future__ import annotations

from email.message import EmailMessage

from sqlalchemy import select

from heine_ai.app_state import AppState
from heine_ai.db.models import MailRecord
from tests.channels.email.conftest import Shop
from tests.support.mailservers import customer_mail, mailbox, send, wait_for


def deliver(shop: Shop, message: EmailMessage) -> None:
    """Send ``message`` by SMTP and wait until it is in the brand's mailbox."""
    before = len(mailbox(shop.servers, shop.brand_address))
    send(shop.servers, message)
    wait_for(lambda: len(mailbox(shop.servers, shop.brand_address)) > before, message="mail not delivered")


def ask(shop: Shop, subject: str, body: str, message_id: str, **headers: str) -> None:
    deliver(shop, customer_mail(shop.customer, shop.brand_address, subject, body, message_id=message_id, **headers))


def replies(shop: Shop) -> list[EmailMessage]:
    return mailbox(shop.servers, shop.customer)


def body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    text = part.get_content()
    assert isinstance(text, str)
    return text.replace("\r\n", "\n")


async def records(state: AppState, direction: str = "in") -> dict[str, MailRecord]:
    """The channel's records by Message-ID."""
    async with state.sessions() as session:
        rows = await session.scalars(select(MailRecord).where(MailRecord.direction == direction))
        return {row.message_id: row for row in rows}

"""Identity before data or action: who may read an order and act on it, in each channel.

- **Chat, anonymous**: the order number plus the delivery postcode.
- **Chat or API, signed in**: the shop signed its customer's id (``security/user_hash.py``) and the conversation
  carries it as verified; the order number alone finds that customer's own orders, and no one else's (the shop
  matches the order's customer id). A postcode given as well still finds the order the anonymous way.
- **E-mail**: the sender's address must be the order's. From another address, a one-time code goes to the order's
  address (``conversations/identity.py``) and the sender is asked to reply with it; the reply names no address and
  reads the same for an unknown order number. A correct code entitles the conversation to that order.

Every lookup, each code sent and each wrong code count against the order's guessing limit (``orders/guard.py``);
wrong codes are misses like a wrong postcode, and the third hands the conversation to a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from heine_ai.assistant.drafts import RULE_CONFIDENCE, Draft
from heine_ai.config import BrandConfig
from heine_ai.config.actions import ActionTexts
from heine_ai.conversations.identity import CODE_MINUTES, CodeCheck, IdentityCodes
from heine_ai.intents import Intent
from heine_ai.messages import Channel, ConfirmationMail, Confirmations
from heine_ai.observability.logging import get_logger
from heine_ai.orders.commerce import CommerceBackend, Order

log = get_logger(__name__)

_CODE = re.compile(r"(?<![\w.,])\d{6}(?![\d.,]\d|[^\W\d])")


@dataclass(frozen=True, slots=True)
class Caller:
    """Who is asking, through which channel: an e-mail's identity is its sender address, a signed-in customer's
    the shop's verified customer id."""

    channel: Channel
    conversation_id: str
    sender: str | None = None
    customer: str | None = None  # verified only: an unverified claim never gets here

    @property
    def by_email(self) -> bool:
        return self.channel is Channel.EMAIL and bool(self.sender)


@dataclass(frozen=True, slots=True)
class Credentials:
    """What the customer has said that may identify them for one order."""

    order_number: str | None
    postcode: str | None
    code: str | None = None  # a one-time code in the message that answers the request for it


@dataclass(frozen=True, slots=True)
class Found:
    """The order, or why not: ``code_sent`` asks the sender for the code; ``wrong_code`` is a miss."""

    order: Order | None = None
    code_sent: bool = False
    wrong_code: bool = False


def one_time_code(text: str) -> str | None:
    match = _CODE.search(text)
    return match.group(0) if match else None


def ask_identity(texts: ActionTexts, kind_text: str, given: Credentials, caller: Caller) -> Draft | None:
    """The question for what identification still lacks, or ``None`` when the lookup can be tried."""
    needs_postcode = not caller.by_email and caller.customer is None
    if given.order_number is None and (given.postcode is None or not needs_postcode):
        template = texts.ask_order_signed_in if caller.customer is not None else texts.ask_order
        return Draft(template.format(what=kind_text), RULE_CONFIDENCE, Intent.ACTION_ASK_ORDER)
    if given.order_number is None:
        return Draft(texts.ask_order_number, RULE_CONFIDENCE, Intent.ACTION_ASK_ORDER)
    if given.postcode is None and needs_postcode:
        return Draft(texts.ask_postcode, RULE_CONFIDENCE, Intent.ACTION_ASK_ORDER)
    return None


class Identity:
    """``lookups`` counts against guessing; ``shop`` is uncounted, for turns after a counted lookup succeeded.
    ``codes`` and ``confirmations`` (the e-mail channel's mail sender) make the one-time code possible."""

    def __init__(
        self,
        lookups: CommerceBackend,
        shop: CommerceBackend,
        codes: IdentityCodes | None,
        confirmations: dict[Channel, Confirmations],
    ) -> None:
        self._lookups = lookups
        self._shop = shop
        self._codes = codes
        self._confirmations = confirmations

    async def find(
        self,
        brand: BrandConfig,
        texts: ActionTexts,
        given: Credentials,
        caller: Caller,
        *,
        counted: bool,
        language: str,
    ) -> Found:
        """The order for ``given`` as ``caller`` may see it; ``counted``: the lookup counts against guessing."""
        number = given.order_number
        assert number is not None
        backend = self._lookups if counted else self._shop
        if not caller.by_email:
            order = await backend.find_order(brand.id, number, postcode=given.postcode, customer_id=caller.customer)
            return Found(order)
        order = await backend.find_order(brand.id, number, email=caller.sender)
        if order is not None or self._codes is None or Channel.EMAIL not in self._confirmations:
            return Found(order)
        return await self._by_code(brand, texts, given, caller, language)

    async def _by_code(
        self, brand: BrandConfig, texts: ActionTexts, given: Credentials, caller: Caller, language: str
    ) -> Found:
        assert self._codes is not None
        assert given.order_number is not None
        number = given.order_number
        if await self._codes.verified(caller.conversation_id, number):
            return Found(await self._order_of(brand.id, number))
        if given.code is not None:
            check = await self._codes.check(caller.conversation_id, number, given.code)
            if check is CodeCheck.VERIFIED:
                log.info("identity_code_verified", conversation_id=caller.conversation_id, brand=brand.id)
                return Found(await self._order_of(brand.id, number))
            if check is CodeCheck.WRONG:
                await self._lookups.order_contact(brand.id, number)  # a wrong code is a guess at the order
                return Found(wrong_code=True)
        elif await self._codes.pending(caller.conversation_id, number):
            return Found(code_sent=True)  # the code is on its way: ask again rather than send another
        await self._send_code(brand, texts, number, caller, language)
        return Found(code_sent=True)

    async def _order_of(self, brand: str, number: str) -> Order | None:
        """The order a confirmed code entitles the conversation to, found through its own address."""
        contact = await self._shop.order_contact(brand, number)
        return await self._shop.find_order(brand, number, email=contact) if contact else None

    async def _send_code(
        self, brand: BrandConfig, texts: ActionTexts, number: str, caller: Caller, language: str
    ) -> None:
        """A code to the order's address; for an unknown order nothing is sent, and the sender reads the same."""
        assert self._codes is not None
        contact = await self._lookups.order_contact(brand.id, number)
        if contact is None:
            return
        issued = await self._codes.issue(caller.conversation_id, number)
        subject = texts.code_mail_subject.format(order_number=number)
        body = texts.code_mail.format(code=issued.code, order_number=number, minutes=CODE_MINUTES)
        mail = ConfirmationMail(brand.id, contact, subject, body, language, f"identity-code:{issued.id}")
        sent = await self._confirmations[Channel.EMAIL].queue(mail)
        log.info("identity_code_sent", conversation_id=caller.conversation_id, brand=brand.id, sent=sent)

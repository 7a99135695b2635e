"""The order-status dialogue: ask for the order number and the delivery postcode, then look the order up.

A customer the shop signed in (a verified customer id, ``identity.py``) needs only the order number: the shop finds the
order when it belongs to that customer. The dialogue lives in the conversation's own messages: an assistant message with
an ``order_*`` intent means the assistant is waiting for data, and the customer's messages since then are searched for
it. A wrong postcode and an unknown order number get the same answer; after ``MAX_FAILED_LOOKUPS`` misses a colleague
takes over, and so does a lookup of an order number that was looked up too often from anywhere (``orders/guard.py``):
order data cannot be guessed through the chat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from heine_ai.config import BrandConfig, BrandTexts
from heine_ai.conversations.service import StoredMessage
from heine_ai.entities import extract
from heine_ai.errors import RateLimited
from heine_ai.intents import Intent
from heine_ai.languages import Language
from heine_ai.messages import EscalationReason
from heine_ai.orders.commerce import CommerceBackend
from heine_ai.orders.service import OrderStatus
from heine_ai.text import fold

MAX_FAILED_LOOKUPS = 3
_THING = r"(?:bestellung|paket|pakete|packerl|packl|lieferung|sendung|ware|artikel)"
_PARTICLE = r"(?:denn |eigentlich |nur |gerade |jetzt )?"
_OURS = r"(?:mein|meine|mei|unser|unsere|unsre|das|die)"  # "wo bleibt unser Paket?", "wo bleibt das Paket?"
_CUES = re.compile(
    rf"wo (?:ist|is|bleibt|sind|bleiben|steckt|stecken) {_PARTICLE}{_OURS} {_THING}|"
    rf"wo {_OURS} {_THING} {_PARTICLE}(?:ist|bleibt|sind|bleiben|steckt|stecken)\b|"  # "wissen, wo meine ..."
    r"where(?:'s| is| are) (?:my|our) (?:order|package|parcel|delivery|shipment|stuff)|"
    r"where (?:my|our) (?:order|package|parcel|delivery|shipment) (?:is|are|has got(?:ten)? to|has gone)\b|"
    # "I ordered a dirndl a while ago and it still hasn't arrived", "ich hab vor a paar Tag bstellt, is no ned da"
    r"\bi(?: have|'ve)? ordered\b[^?]{0,100}(?:n't|\bnot)\b[^.?!]{0,20}\b(?:arrived|come|been delivered|here)\b|"
    r"\bb?e?stellt\b[^?]{0,80}\b(?:nicht|nichts|nix|ned|net)\b[^.?!]{0,30}"
    r"\b(?:angekommen|bekommen|erhalten|geliefert|gekommen|da)\b|"
    r"(?:my|our) (?:order|package|parcel|delivery) (?:has(?:n't| not)|did(?:n't| not)|still has(?:n't| not)) "
    r"(?:arrived|come|shipped)|when will (?:my|our) (?:order|package|parcel|delivery) (?:arrive|come|ship)|"
    rf"status meiner {_THING}|bestellstatus|"
    rf"stand meiner {_THING}|wann (?:kommt|kommen|erhalte|bekomme|wird|werden) (?:ich |wir )?{_OURS} "
    rf"{_THING}|mei(?:n|ne)? {_THING} (?:ist |is |kam |kommt )?(?:noch |no )?(?:nicht|net|ned|immer noch nicht)|"
    rf"ist meine {_THING} (?:schon )?(?:unterwegs|versandt|verschickt)|order status|"
    # "paket immer noch nicht da", "die Lieferung ist noch nicht angekommen"
    rf"(?:^|\b(?:das|die|der) ){_THING} (?:ist |is )?(?:immer noch|noch immer|noch|no) (?:nicht|net|ned) "
    r"(?:da|angekommen|gekommen|geliefert|eingetroffen|zugestellt)\b|"
    # "ich wart scho ewig auf mei Bestellung", "waiting for my order"
    rf"\bwart(?:e|en)?\b[^.?!]{{0,40}}\bauf (?:mei|mein|meine|unsere) {_THING}|"
    r"waiting (?:for|on) (?:my|our) (?:order|package|parcel|delivery)|"
    rf"track my order|status of my order"
)
_ORDER_TO_BE = re.compile(r"\b(?:wenn|falls|if)\b[^.?!]{0,60}\b(?:bestelle|bestellen|bestellt|order)\b")
_ORDER_WORDS = re.compile(r"bestell|paket|lieferung|sendung|order|package|status|tracking|track\b|verfolg")
_WAITING = (Intent.ORDER_ASK, Intent.ORDER_NOT_FOUND)  # the assistant's last reply waits for order data


@dataclass(frozen=True, slots=True)
class OrderTurn:
    text: str
    intent: Intent  # ORDER_ASK, ORDER_STATUS or ORDER_NOT_FOUND
    escalation: EscalationReason | None = None


def asks_for_order_status(text: str) -> bool:
    """Whether the message asks where an order is; not an order still to be placed ("wenn ich heute bestelle, wann
    kommt das Paket?" asks about delivery times)."""
    folded = fold(text)
    if _ORDER_TO_BE.search(folded) and extract(text).order_number is None:
        return False
    return bool(_CUES.search(folded)) or (extract(text).order_number is not None and bool(_ORDER_WORDS.search(folded)))


def _dialogue(history: list[StoredMessage]) -> tuple[list[str], int, bool]:
    """Customer texts of the running dialogue, its failed lookups, and whether one is running at all."""
    texts: list[str] = []
    failures = 0
    running = False
    for message in reversed(history):
        if message.role == "assistant":
            if message.intent not in _WAITING:
                break
            running = True
            failures += message.intent == Intent.ORDER_NOT_FOUND
        elif message.role == "customer":
            texts.append(message.content)
    return texts if running else [], failures, running


class OrderDialogue:
    def __init__(self, orders: CommerceBackend) -> None:
        self._orders = orders

    async def turn(
        self,
        brand: BrandConfig,
        text: str,
        history: list[StoredMessage],
        language: Language = Language.DE,
        customer: str | None = None,
    ) -> OrderTurn | None:
        """The next step of the dialogue (in ``language``), or ``None`` when the message is not about an order;
        ``customer``: the conversation's verified customer id."""
        earlier, failures, running = _dialogue(history)
        current = extract(text)
        if not asks_for_order_status(text) and not (running and (current.order_number or current.postcode)):
            return None
        order_number = current.order_number or _latest(earlier, "order_number")
        postcode = current.postcode or _latest(earlier, "postcode")
        texts = brand.texts_for(language)
        if order_number is None and postcode is None:
            return OrderTurn(texts.order_ask_signed_in if customer else texts.order_ask, Intent.ORDER_ASK)
        if order_number is None:
            return OrderTurn(texts.order_ask_number, Intent.ORDER_ASK)
        if postcode is None and customer is None:
            return OrderTurn(texts.order_ask_postcode, Intent.ORDER_ASK)
        try:
            status = await self._status(brand.id, order_number, postcode, customer)
        except RateLimited:  # this order was looked up too often: guessed at, so a person takes over
            return OrderTurn(texts.escalation, Intent.ORDER_NOT_FOUND, EscalationReason.REPEATED_FAILURE)
        if status is not None:
            return OrderTurn(describe(status, texts), Intent.ORDER_STATUS)
        if failures + 1 >= MAX_FAILED_LOOKUPS:
            return OrderTurn(texts.escalation, Intent.ORDER_NOT_FOUND, EscalationReason.REPEATED_FAILURE)
        missed = texts.order_not_found_signed_in if customer and postcode is None else texts.order_not_found
        return OrderTurn(missed, Intent.ORDER_NOT_FOUND)

    async def _status(
        self, brand: str, order_number: str, postcode: str | None, customer: str | None
    ) -> OrderStatus | None:
        if customer is None and postcode is not None:
            return await self._orders.lookup(brand, order_number, postcode)
        order = await self._orders.find_order(brand, order_number, postcode=postcode, customer_id=customer)
        return order.status() if order is not None else None


def _latest(texts: list[str], field: str) -> str | None:
    for text in texts:  # newest first
        value: str | None = getattr(extract(text), field)
        if value:
            return value
    return None


def describe(status: OrderStatus, texts: BrandTexts) -> str:
    parts = [texts.order_found.format(order_number=status.order_number, status=status.status)]
    if status.carrier and status.tracking_number:
        parts.append(texts.order_tracking.format(carrier=status.carrier, tracking_number=status.tracking_number))
    if status.expected_delivery and status.status not in ("zugestellt", "storniert"):
        parts.append(texts.order_expected.format(date=status.expected_delivery.strftime("%d.%m.%Y")))
    return " ".join(parts)

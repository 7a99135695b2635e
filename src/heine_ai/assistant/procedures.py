"""The action procedures: returns, exchanges, cancellations, address changes, withdrawals and invoice copies, carried
out in the conversation, deterministically.

Like the order-status dialogue, a procedure keeps its state in the conversation's own messages: each reply's intent
names the step it waits for (``ACTION_ASK_ORDER``, ``ACTION_ASK_ITEM``, ``ACTION_ASK_SIZE``, ``ACTION_ASK_ADDRESS``,
``ACTION_CONFIRM``), and replaying the customer's messages since the request fills the slots (``action_cues.py``), each
message for the step it answered. Then, in this order: identity (``identity.py``: order number plus delivery postcode in
the chat, or the order number alone for a customer the shop signed in; the sender's address in an e-mail, or a one-time
code sent to the order's address; a miss reads the same whatever was wrong, and the third escalates), the items, the
brand's policy (``action_policy.py``), the missing slots, and a confirmation that repeats exactly what will happen. Only
a "yes" to that confirmation executes, after the whole chain is checked again; the idempotency key makes a repeated
confirmation return the first record. No model takes part in any of it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from heine_ai.assistant.action_cues import (
    action_kind,
    bare_sizes,
    mentions_damage,
    named_items,
    named_sizes,
    new_address,
    picked_items,
)
from heine_ai.assistant.action_policy import Approval, Verdict, judge
from heine_ai.assistant.acts import Act, asks, dialogue_acts
from heine_ai.assistant.drafts import RULE_CONFIDENCE, Draft
from heine_ai.assistant.identity import Caller, Credentials, Identity, ask_identity, one_time_code
from heine_ai.config import BrandConfig
from heine_ai.config.actions import ActionTexts
from heine_ai.conversations.identity import CODE_MINUTES, IdentityCodes
from heine_ai.conversations.service import StoredMessage
from heine_ai.entities import extract
from heine_ai.errors import CommerceConflict, CommerceRejected, CommerceUnavailable, RateLimited
from heine_ai.intents import Intent
from heine_ai.messages import Channel, ConfirmationMail, Confirmations, EscalationReason
from heine_ai.observability.logging import get_logger
from heine_ai.observability.metrics import Metrics
from heine_ai.orders.commerce import (
    ActionKind,
    ActionRecord,
    ActionRequest,
    ActionState,
    CommerceBackend,
    Order,
    OrderItem,
    execute,
)
from heine_ai.orders.confirmation_mail import approval_mail, confirmation_mail
from heine_ai.orders.labels import has_label, label_url

log = get_logger(__name__)

MAX_FAILED_LOOKUPS = 3
BERLIN = ZoneInfo("Europe/Berlin")  # the withdrawal's date and time as the customer reads them
PROCEDURE_STAGES = frozenset(
    {
        Intent.ACTION_ASK_ORDER,
        Intent.ACTION_NOT_FOUND,
        Intent.ACTION_ASK_CODE,
        Intent.ACTION_ASK_ITEM,
        Intent.ACTION_ASK_SIZE,
        Intent.ACTION_ASK_ADDRESS,
        Intent.ACTION_CONFIRM,
    }
)
_IDENTITY_STAGES = (None, Intent.ACTION_ASK_ORDER, Intent.ACTION_NOT_FOUND, Intent.ACTION_ASK_CODE)
_CODE_STAGES = (Intent.ACTION_ASK_CODE, Intent.ACTION_NOT_FOUND)  # a one-time code answers these
_ITEM_KINDS = (ActionKind.RETURN, ActionKind.EXCHANGE)


@dataclass(slots=True)
class Slots:
    """What the customer has told the running procedure so far."""

    kind: ActionKind
    order_number: str | None = None
    postcode: str | None = None
    texts: list[str] = field(default_factory=list)  # every message of the procedure: items are named anywhere
    picks: list[str] = field(default_factory=list)  # replies to "which item?"
    sizes: list[str] = field(default_factory=list)
    address: str | None = None
    damaged: bool = False
    failures: int = 0
    code: str | None = None  # a one-time code in the message that answered the request for it


def replay(history: list[StoredMessage], text: str) -> tuple[Slots | None, Intent | None]:
    """The slots of the procedure running at ``text`` (``None``: none), and the step its last reply waits for."""
    run: list[StoredMessage] = []
    for message in reversed(history):
        if message.role == "assistant" and message.intent not in PROCEDURE_STAGES:
            break
        if message.role in ("assistant", "customer"):
            run.append(message)
    run.reverse()
    slots: Slots | None = None
    stage: Intent | None = None
    for message in run:
        if message.role == "assistant":
            stage = Intent(str(message.intent))
            if slots is not None and stage is Intent.ACTION_NOT_FOUND:
                slots.failures += 1
            continue
        slots, _ = _take(slots, message.content, stage)
    slots, started = _take(slots, text, stage)
    if slots is not None and not started and stage in _CODE_STAGES:
        slots.code = one_time_code(text)
    return slots, None if started else stage


def _take(slots: Slots | None, text: str, stage: Intent | None) -> tuple[Slots | None, bool]:
    """Fill ``slots`` from one customer message that answered ``stage``; a request for another action starts
    a new procedure (the second value)."""
    kind = action_kind(text)
    started = kind is not None and (slots is None or kind is not slots.kind)
    if started and kind is not None:
        slots, stage = Slots(kind), None
    if slots is None:
        return None, False
    found = extract(text)
    if stage in _IDENTITY_STAGES:
        slots.order_number = found.order_number or slots.order_number
        slots.postcode = found.postcode or slots.postcode
    elif stage is Intent.ACTION_ASK_ITEM:
        slots.picks.append(text)
    elif stage is Intent.ACTION_ASK_SIZE:
        slots.sizes.extend(bare_sizes(text))
    elif stage is Intent.ACTION_ASK_ADDRESS:
        slots.address = new_address(text) or slots.address
    if stage is not Intent.ACTION_ASK_SIZE:
        slots.sizes.extend(named_sizes(text))
    slots.texts.append(text)
    slots.damaged = slots.damaged or mentions_damage(text)
    return slots, started


def _answers(text: str, stage: Intent | None) -> bool:
    """Whether ``text`` answers the step the procedure waits for, rather than asking something else."""
    if stage is None:
        return True
    found = extract(text)
    if stage in _IDENTITY_STAGES:
        return bool(found.order_number or found.postcode) or not asks(text)
    if stage is Intent.ACTION_CONFIRM:
        acts = dialogue_acts(text)
        return acts.has(Act.AFFIRM) or acts.has(Act.DENY) or not asks(text)
    return not asks(text)


class Procedures:
    """``lookups`` counts every order lookup against guessing (``orders/guard.py``); ``shop`` is the same backend
    uncounted, for the re-checks of an identity an earlier turn verified (a later step is only ever reached
    after a counted lookup found the order). ``confirmations`` is where the e-mail channel registers its sender of
    confirmation mails (``orders/confirmation_mail.py``, and the one-time codes of ``identity.py``), once it is
    built."""

    def __init__(
        self,
        lookups: CommerceBackend,
        shop: CommerceBackend,
        metrics: Metrics,
        confirmations: dict[Channel, Confirmations] | None = None,
        codes: IdentityCodes | None = None,
    ) -> None:
        self._backend = shop
        self._metrics = metrics
        self._confirmations = confirmations if confirmations is not None else {}
        self._identity = Identity(lookups, shop, codes, self._confirmations)

    async def turn(
        self, brand: BrandConfig, text: str, history: list[StoredMessage], language: str, caller: Caller
    ) -> Draft | None:
        """The procedure's next step, or ``None`` when the message neither asks for an action nor continues one."""
        slots, stage = replay(history, text)
        if slots is None or not _answers(text, stage):
            return None
        texts = brand.actions.texts_for(language)
        if stage is None:
            self._count(brand, slots.kind, "started")
        if stage is Intent.ACTION_CONFIRM:
            acts = dialogue_acts(text)
            if acts.has(Act.DENY):
                self._count(brand, slots.kind, "abandoned")
                return _draft(texts.aborted, Intent.ACTION_ABORTED)
            if not acts.has(Act.AFFIRM):
                return _draft(texts.ask_confirmation, Intent.ACTION_CONFIRM)
        verified = stage not in _IDENTITY_STAGES
        step = _Step(brand, texts, slots, caller, stage is Intent.ACTION_CONFIRM, language, verified)
        return await self._next(step)

    async def _next(self, step: _Step) -> Draft:
        """The procedure's next turn; when the shop system fails or refuses (``COMMERCE_BACKEND=http``), a person
        takes the conversation over, so that the customer's request is not lost."""
        try:
            return await self._proceed(step)
        except (CommerceUnavailable, CommerceConflict, CommerceRejected) as exc:
            log.warning("action_shop_failed", kind=step.slots.kind.value, brand=step.brand.id, code=exc.code)
            self._count(step.brand, step.slots.kind, "handed_over")
            wording = step.brand.texts_for(step.language).escalation
            return Draft(
                wording, RULE_CONFIDENCE, Intent.ACTION_NOT_FOUND, escalation=EscalationReason.REPEATED_FAILURE
            )

    async def _proceed(self, step: _Step) -> Draft:
        slots, texts = step.slots, step.texts
        given = Credentials(slots.order_number, slots.postcode, slots.code)
        missing = ask_identity(texts, getattr(texts, f"kind_{slots.kind.value}"), given, step.caller)
        if missing is not None:
            return missing
        try:
            found = await self._identity.find(
                step.brand, texts, given, step.caller, counted=not step.verified, language=step.language
            )
        except RateLimited:
            self._count(step.brand, slots.kind, "handed_over")
            return Draft(
                step.brand.texts_for(step.language).escalation,
                RULE_CONFIDENCE,
                Intent.ACTION_NOT_FOUND,
                escalation=EscalationReason.REPEATED_FAILURE,
            )
        if found.code_sent:
            return _draft(
                texts.code_sent.format(order_number=slots.order_number, minutes=CODE_MINUTES), Intent.ACTION_ASK_CODE
            )
        order = found.order
        if order is None:
            if slots.failures + 1 >= MAX_FAILED_LOOKUPS:
                self._count(step.brand, slots.kind, "handed_over")
                wording = step.brand.texts_for(step.language).escalation
                reason = EscalationReason.REPEATED_FAILURE
                return Draft(wording, RULE_CONFIDENCE, Intent.ACTION_NOT_FOUND, escalation=reason)
            missed = texts.not_found_email if step.caller.by_email else texts.not_found
            if step.caller.customer is not None and slots.postcode is None:
                missed = texts.not_found_signed_in
            return _draft(texts.code_wrong if found.wrong_code else missed, Intent.ACTION_NOT_FOUND)
        items = _items(slots, order)
        if items is None:
            choices = " ".join(f"{n}) {_line(texts, item)};" for n, item in enumerate(order.items, 1)).rstrip(";")
            return _draft(texts.ask_item.format(choices=choices + "."), Intent.ACTION_ASK_ITEM)
        verdict = judge(slots.kind, order, items, step.brand.actions, damaged=slots.damaged, today=date.today())
        if not verdict.allowed:
            self._count(step.brand, slots.kind, "refused")
            return _draft(_refusal(texts, verdict, order), Intent.ACTION_REFUSED)
        return await self._slots_then_confirm(step, order, items, verdict)

    async def _slots_then_confirm(self, step: _Step, order: Order, items: list[OrderItem], verdict: Verdict) -> Draft:
        slots, texts = step.slots, step.texts
        size = None
        if slots.kind is ActionKind.EXCHANGE:
            size = next((s for s in reversed(slots.sizes) if s != items[0].size.upper()), None)
            if size is None:
                return _draft(texts.ask_size.format(item=items[0].name), Intent.ACTION_ASK_SIZE)
            if not all([await self._backend.in_stock(order.brand, item.sku, size) for item in items]):
                self._count(step.brand, slots.kind, "refused")
                return _draft(texts.refuse_stock.format(item=items[0].name, size=size), Intent.ACTION_ASK_SIZE)
        if slots.kind is ActionKind.ADDRESS_CHANGE and slots.address is None:
            return _draft(texts.ask_address, Intent.ACTION_ASK_ADDRESS)
        described = _described(texts, slots.kind, order, items)
        values = {"items": described, "order_number": order.number, "size": size or "", "address": slots.address or ""}
        if not step.confirmed:
            return _draft(_proposal(texts, slots.kind, verdict, step.brand, values), Intent.ACTION_CONFIRM)
        request = ActionRequest(
            kind=slots.kind,
            brand=order.brand,
            order_number=order.number,
            idempotency_key=_key(slots.kind, order, items, size, slots.address),
            positions=tuple(item.position for item in items) if slots.kind is not ActionKind.WITHDRAWAL else (),
            reason="damaged" if slots.damaged else None,
            new_size=size,
            new_address=slots.address,
            needs_approval=verdict.approval.value if verdict.approval else None,
            channel=step.caller.channel.value,
            conversation_id=step.caller.conversation_id,
            language=step.language,
        )
        record = await execute(self._backend, request)
        outcome = "approval" if record.state is ActionState.PENDING_APPROVAL else "completed"
        self._count(step.brand, slots.kind, "repeated" if record.repeated else outcome)
        draft = _done(texts, step.brand, record, values)
        confirmation = _confirmation(texts, step.brand, record, values)
        mail = confirmation_mail(
            step.brand, texts, record, order, items, confirmation, language=step.language, channel=step.caller.channel
        )
        if mail is not None and await self._mail(mail, record):
            return _draft(f"{draft.text} {texts.mail_queued}", draft.intent)
        held = approval_mail(step.brand, texts, record, order, items, language=step.language)
        if held is not None:  # goes out when a person approves (handoff/action_desk.py)
            await self._mail(held, record, hold=True)
        return draft

    async def _mail(self, mail: ConfirmationMail, record: ActionRecord, *, hold: bool = False) -> bool:
        """Hands the mail to the e-mail channel's queue: stored before the reply, sent by its background sender."""
        sender = self._confirmations.get(Channel.EMAIL)
        if sender is None:  # no brand has a mailbox: the conversation's confirmation is all there is
            log.warning("action_mail_unsent", action_id=record.id, kind=record.kind.value, reason="no_mailbox")
            return False
        return await sender.queue(mail, hold=hold)

    def _count(self, brand: BrandConfig, kind: ActionKind, outcome: str) -> None:
        self._metrics.actions.labels(brand=brand.id, type=kind.value, outcome=outcome).inc()


@dataclass(frozen=True, slots=True)
class _Step:
    brand: BrandConfig
    texts: ActionTexts
    slots: Slots
    caller: Caller
    confirmed: bool
    language: str
    verified: bool  # an earlier turn found the order with these credentials: no need to count the lookup


def _items(slots: Slots, order: Order) -> list[OrderItem] | None:
    """The items the action concerns; ``None`` when the customer must still choose. A cancellation without named
    items and a withdrawal concern the whole order; an address change and an invoice copy concern no item."""
    if slots.kind in (ActionKind.ADDRESS_CHANGE, ActionKind.INVOICE_COPY, ActionKind.WITHDRAWAL):
        return list(order.items)
    for reply in reversed(slots.picks):
        picked = picked_items(reply, order.items)
        if picked:
            return picked
    for text in reversed(slots.texts):
        named = named_items(text, order.items)
        if named:
            return named
    if slots.kind is ActionKind.CANCEL or len(order.items) == 1:
        return list(order.items)
    return None


def _line(texts: ActionTexts, item: OrderItem) -> str:
    return texts.item_line.format(quantity=item.quantity, name=item.name, size=item.size)


def _described(texts: ActionTexts, kind: ActionKind, order: Order, items: list[OrderItem]) -> str:
    if kind is ActionKind.CANCEL and len(items) == len(order.items):
        return texts.whole_order.format(order_number=order.number)
    return ", ".join(_line(texts, item) for item in items)


def _refusal(texts: ActionTexts, verdict: Verdict, order: Order) -> str:
    template: str = getattr(texts, verdict.refusal or "refuse_cancelled")
    return template.format(order_number=order.number, status=order.status_text, **verdict.values)


def _proposal(
    texts: ActionTexts, kind: ActionKind, verdict: Verdict, brand: BrandConfig, values: dict[str, str]
) -> str:
    if verdict.approval is None:
        whole = kind is ActionKind.CANCEL and values["items"].startswith(texts.whole_order.split("{")[0])
        template: str = texts.confirm_cancel_order if whole else getattr(texts, f"confirm_{kind.value}")
        return template.format(**values)
    why = {
        Approval.WINDOW: texts.why_window.format(days=brand.actions.return_window_days, **verdict.values),
        Approval.DAMAGED: texts.why_damaged,
        Approval.AMOUNT: texts.why_amount.format(limit=f"{brand.actions.approval_above_eur:.0f}"),
    }[verdict.approval]
    what = getattr(texts, f"kind_{kind.value}")
    return texts.confirm_approval.format(why=why, what=what, items=values["items"])


def _done(texts: ActionTexts, brand: BrandConfig, record: ActionRecord, values: dict[str, str]) -> Draft:
    if record.state is ActionState.PENDING_APPROVAL:
        return _draft(texts.approval_sent.format(reference=record.reference), Intent.ACTION_APPROVAL)
    text = _confirmation(texts, brand, record, values)
    if has_label(record):
        text = f"{text} {texts.label_link.format(url=label_url(record))}"
    return _draft(text, Intent.ACTION_DONE)


def _confirmation(texts: ActionTexts, brand: BrandConfig, record: ActionRecord, values: dict[str, str]) -> str:
    """What was done, with the reference (and a withdrawal's date and time), as the customer is told it."""
    day, time = stamped(record.created_at)
    template: str = getattr(texts, f"done_{record.kind.value}")
    return template.format(
        reference=record.reference, refund_days=brand.actions.refund_days, date=day, time=time, **values
    )


def _key(kind: ActionKind, order: Order, items: list[OrderItem], size: str | None, address: str | None) -> str:
    """One action per order, kind, items and target: the same return confirmed twice, or asked for again in a
    resent e-mail, is the same action. An invoice copy may be asked for again another day."""
    day = date.today().isoformat() if kind is ActionKind.INVOICE_COPY else ""
    parts = [order.brand, order.number, kind.value, ",".join(str(i.position) for i in items), size or "", address or ""]
    return hashlib.sha256("|".join([*parts, day]).encode()).hexdigest()


def _draft(text: str, intent: Intent) -> Draft:
    return Draft(text, RULE_CONFIDENCE, intent)


def stamped(moment: datetime) -> tuple[str, str]:
    """A moment as the customer reads it: date and time in Germany."""
    local = moment.astimezone(BERLIN)
    return local.strftime("%d.%m.%Y"), local.strftime("%H:%M")

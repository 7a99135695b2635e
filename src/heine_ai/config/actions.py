"""What a brand allows the assistant to do on its own (``actions:`` in the brand file): the return window, the
hygiene exclusion, when a person must approve, the refund timeline, and the procedures' sentences (defaults:
``defaults/actions.*.yaml``)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from heine_ai.config.text_defaults import DefaultedTexts


class ActionTexts(DefaultedTexts):
    """The procedures' sentences in the brand's voice (``actions.texts:``, English ``actions.texts_en:``)."""

    DEFAULTS: ClassVar[tuple[str, ...]] = ("actions.de.yaml",)

    kind_return: str
    kind_exchange: str
    kind_cancel: str
    kind_address_change: str
    kind_withdrawal: str
    kind_invoice_copy: str
    item_line: str
    whole_order: str
    ask_order: str
    ask_order_signed_in: str  # a customer the shop signed in (verified widget identity): no postcode needed
    ask_order_number: str
    ask_postcode: str
    not_found: str
    not_found_signed_in: str
    not_found_email: str
    code_sent: str  # an e-mail from another address than the order's: a one-time code went to the order's
    code_wrong: str
    code_mail_subject: str
    code_mail: str
    ask_item: str
    ask_size: str
    ask_address: str
    confirm_return: str
    confirm_exchange: str
    confirm_cancel: str
    confirm_cancel_order: str
    confirm_address_change: str
    confirm_withdrawal: str
    confirm_invoice_copy: str
    confirm_approval: str
    why_window: str
    why_damaged: str
    why_amount: str
    done_return: str
    done_exchange: str
    done_cancel: str
    done_address_change: str
    done_withdrawal: str
    done_invoice_copy: str
    label_link: str
    mail_queued: str
    mail_subject_withdrawal: str
    mail_subject_label: str
    mail_items: str
    mail_label: str
    approval_sent: str
    approval_approved: str
    approval_declined: str
    refuse_not_delivered: str
    refuse_preparing: str
    refuse_shipped: str
    refuse_cancelled: str
    refuse_hygiene: str
    refuse_stock: str
    aborted: str
    ask_confirmation: str


class EnglishActionTexts(ActionTexts):
    DEFAULTS: ClassVar[tuple[str, ...]] = ("actions.de.yaml", "actions.en.yaml")


class ActionConfig(BaseModel):
    """A brand's action policy. The procedures check it before they ask the customer to confirm; the backend
    only executes."""

    model_config = ConfigDict(extra="forbid")

    return_window_days: int = Field(default=30, ge=0)
    hygiene_excluded: bool = True  # hygiene items (swimwear, underwear) are never returned without a person
    approval_above_eur: float = Field(default=300.0, ge=0)  # a refund above this needs a person's approval
    refund_days: int = Field(default=14, ge=1)  # the refund timeline stated after a return
    texts: ActionTexts = Field(default_factory=ActionTexts.default)
    texts_en: EnglishActionTexts = Field(default_factory=EnglishActionTexts.default)

    def texts_for(self, language: str) -> ActionTexts:
        return self.texts_en if language == "en" else self.texts

"""What ``Message.intent`` holds: the bot's intents, and the hand-off's milestones apart from them.

``Intent`` is one vocabulary for everything the bot stores with its replies: the intent model's classes
(``assistant/intents.py`` keeps their order for its weights), what the cue lists recognise, the order dialogue's
steps and the answer policy's outcomes. ``Milestone`` marks the messages the hand-off stores (staff replies and
the system lines of a take-over or hand-back).
"""

from __future__ import annotations

from enum import StrEnum


class Intent(StrEnum):
    # the intent model's shop intents
    ORDER_STATUS = "order_status"
    RETURN = "return"
    REFUND = "refund"
    DELIVERY = "delivery"
    PAYMENT = "payment"
    INVOICE = "invoice"
    SIZES_FIT = "sizes_fit"
    ORDER_CHANGE = "order_change"
    ACCOUNT_PASSWORD = "account_password"  # noqa: S105 (an intent, no secret)
    VOUCHER = "voucher"
    COMPLAINT = "complaint"
    HUMAN_REQUEST = "human_request"
    GREETING_THANKS = "greeting_thanks"
    OTHER_SHOP_QUESTION = "other_shop_question"
    OUT_OF_SCOPE = "out_of_scope"
    # escalation signals the cue lists and detectors recognise besides those above
    LEGAL_THREAT = "legal_threat"
    ABUSE = "abuse"
    SENSITIVE_TOPIC = "sensitive_topic"
    # the dialogue acts' replies (``assistant/acts.py``), and a message left to the knowledge
    GREETING = "greeting"
    THANKS = "thanks"  # the closing reply to thanks or a goodbye
    DECLINED = "declined"  # the customer said no to the colleague the bot offered
    PROMPT = "prompt"  # a "yes" or "ok" with nothing pending: the bot asks for the question
    CLARIFICATION = "clarification"  # the bot asked which of two topics (its sources) the customer means
    QUESTION = "question"
    # the order dialogue's steps (ORDER_STATUS above when the order was found)
    ORDER_ASK = "order_ask"
    ORDER_NOT_FOUND = "order_not_found"
    # the action procedures' steps (``assistant/procedures.py``): what the bot's reply waits for, and how it ended
    ACTION_ASK_ORDER = "action_ask_order"
    ACTION_NOT_FOUND = "action_not_found"
    ACTION_ASK_CODE = "action_ask_code"  # an e-mail from another address than the order's: a one-time code was sent
    ACTION_ASK_ITEM = "action_ask_item"
    ACTION_ASK_SIZE = "action_ask_size"
    ACTION_ASK_ADDRESS = "action_ask_address"
    ACTION_CONFIRM = "action_confirm"
    ACTION_DONE = "action_done"
    ACTION_APPROVAL = "action_approval"  # passed to a person for approval
    ACTION_REFUSED = "action_refused"  # the brand's policy does not allow it
    ACTION_ABORTED = "action_aborted"  # the customer said no to the confirmation
    # the answer policy's outcomes
    NO_ANSWER = "no_answer"
    WAITING_FOR_HUMAN = "waiting_for_human"


class Milestone(StrEnum):
    """The hand-off's marks on the messages it stores."""

    AGENT_JOINED = "agent_joined"
    AGENT_LEFT = "agent_left"
    HANDED_BACK = "handed_back"
    AGENT_REPLY = "agent_reply"

"""The agent API's e-mail side: a conversation's thread (address, subject, attachments) and the preview of a
reply, composed exactly as the e-mail outbox will send it."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from heine_ai.api.agent_schemas import TextBody
from heine_ai.api.deps import Staff, State
from heine_ai.app_state import AppState
from heine_ai.channels.email.outbox import EmailOutbox
from heine_ai.errors import NotAnEmailConversation
from heine_ai.handoff.schemas import Actor
from heine_ai.messages import Channel

router = APIRouter(prefix="/api/v1/agent", tags=["staff"])


class MailThreadOut(BaseModel):
    address: str | None
    subject: str
    attachments: list[str]


class MailPreviewOut(BaseModel):
    sender: str
    to: str
    subject: str
    in_reply_to: str | None
    text: str
    html: str


async def _email_conversation(state: AppState, actor: Actor, conversation_id: str) -> tuple[str, EmailOutbox]:
    """The conversation's brand, if the actor may see it and it is an e-mail conversation of a mailbox."""
    view = await state.handoff.inbox.conversation(actor, conversation_id)  # 404 unless the actor serves the brand
    if view.channel != Channel.EMAIL.value or state.email is None:
        raise NotAnEmailConversation("This conversation is not held by e-mail.")
    return view.brand, state.email.outbox


@router.get("/conversations/{conversation_id}/email", response_model=MailThreadOut, summary="The mail thread")
async def thread(conversation_id: str, state: State, actor: Staff) -> MailThreadOut:
    _brand, outbox = await _email_conversation(state, actor, conversation_id)
    view = await outbox.thread(conversation_id)
    if view is None:
        return MailThreadOut(address=None, subject="", attachments=[])
    return MailThreadOut(address=view.address, subject=view.subject, attachments=view.attachments)


@router.post(
    "/conversations/{conversation_id}/email-preview",
    response_model=MailPreviewOut,
    summary="The reply as it will be sent by e-mail",
)
async def preview(conversation_id: str, body: TextBody, state: State, actor: Staff) -> MailPreviewOut:
    brand, outbox = await _email_conversation(state, actor, conversation_id)
    mail = await outbox.preview(brand, conversation_id, body.text, actor.display_name)
    text, html = mail.get_body(("plain",)), mail.get_body(("html",))
    assert text is not None  # compose always writes both parts
    assert html is not None
    return MailPreviewOut(
        sender=str(mail["From"]),
        to=str(mail["To"]),
        subject=str(mail["Subject"]),
        in_reply_to=mail["In-Reply-To"],
        text=str(text.get_content()),
        html=str(html.get_content()),
    )

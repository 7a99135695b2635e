"""The agent API's e-mail side and the customer's files: a conversation's thread (address, subject, the
customer's files), the files of any conversation (e-mail attachments, web chat uploads), a file itself, and the
preview of a reply, composed exactly as the e-mail outbox will send it."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import BaseModel

from heine_ai.api.agent_schemas import TextBody
from heine_ai.api.deps import Staff, State
from heine_ai.app_state import AppState
from heine_ai.channels.email.channel import EmailChannel
from heine_ai.conversations.attachments import AttachmentView
from heine_ai.errors import NotAnEmailConversation
from heine_ai.handoff.schemas import Actor
from heine_ai.messages import Channel

router = APIRouter(prefix="/api/v1/agent", tags=["staff"])


class AttachmentOut(BaseModel):
    id: str
    filename: str
    content_type: str
    size: int
    scan: str  # clean, unscanned (no scanner installed), infected (refused)
    refused: str | None  # type_not_allowed, too_large, type_mismatch, infected: no data kept
    url: str | None  # the file, for staff serving the brand; None when it was refused

    @classmethod
    def of(cls, view: AttachmentView) -> AttachmentOut:
        url = None if view.refused else f"{router.prefix}/attachments/{view.id}"
        return cls(
            id=view.id,
            filename=view.filename,
            content_type=view.content_type,
            size=view.size,
            scan=view.scan,
            refused=view.refused,
            url=url,
        )


class MailThreadOut(BaseModel):
    address: str | None
    subject: str
    attachments: list[AttachmentOut]


class MailPreviewOut(BaseModel):
    sender: str
    to: str
    subject: str
    in_reply_to: str | None
    text: str
    html: str


async def _email_conversation(state: AppState, actor: Actor, conversation_id: str) -> tuple[str, EmailChannel]:
    """The conversation's brand, if the actor may see it and it is held by e-mail: an e-mail conversation, or a web
    chat the customer continues by e-mail (away mode)."""
    view = await state.handoff.inbox.conversation(actor, conversation_id)  # 404 unless the actor serves the brand
    if state.email is None:
        raise NotAnEmailConversation("This conversation is not held by e-mail.")
    if view.channel != Channel.EMAIL.value and not await state.email.outbox.follows(conversation_id):
        raise NotAnEmailConversation("This conversation is not held by e-mail.")
    return view.brand, state.email


@router.get("/conversations/{conversation_id}/email", response_model=MailThreadOut, summary="The mail thread")
async def thread(conversation_id: str, state: State, actor: Staff) -> MailThreadOut:
    _brand, channel = await _email_conversation(state, actor, conversation_id)
    view = await channel.outbox.thread(conversation_id)
    files = [AttachmentOut.of(file) for file in await channel.attachments.of_conversation(conversation_id)]
    if view is None:
        return MailThreadOut(address=None, subject="", attachments=files)
    return MailThreadOut(address=view.address, subject=view.subject, attachments=files)


@router.get(
    "/conversations/{conversation_id}/attachments",
    response_model=list[AttachmentOut],
    summary="The customer's files of a conversation (any channel)",
)
async def files(conversation_id: str, state: State, actor: Staff) -> list[AttachmentOut]:
    await state.handoff.inbox.conversation(actor, conversation_id)  # 404 unless the actor serves the brand
    return [AttachmentOut.of(file) for file in await state.attachments.of_conversation(conversation_id)]


@router.get("/attachments/{attachment_id}", summary="A customer's file", response_class=Response)
async def attachment(attachment_id: str, state: State, actor: Staff) -> Response:
    """Served as a download (never rendered inline by the console's origin) to staff serving its brand."""
    conversation_id, view, data = await state.attachments.content(attachment_id)
    await state.handoff.inbox.conversation(actor, conversation_id)  # 404 for staff of another brand
    headers = {
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(view.filename)}",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
    }
    return Response(data, media_type=view.content_type, headers=headers)


@router.post(
    "/conversations/{conversation_id}/email-preview",
    response_model=MailPreviewOut,
    summary="The reply as it will be sent by e-mail",
)
async def preview(conversation_id: str, body: TextBody, state: State, actor: Staff) -> MailPreviewOut:
    brand, channel = await _email_conversation(state, actor, conversation_id)
    mail = await channel.outbox.preview(brand, conversation_id, body.text, actor.display_name)
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

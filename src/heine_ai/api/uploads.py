"""A customer's file from the web chat: an image or PDF, checked, scanned and stored encrypted in the session's
conversation (``conversations/attachments.py``), where it becomes a customer message for staff.

The bot cannot look at a file, so a conversation the bot held goes to the staff (reason ``attachment``), as an
e-mail with only a photo does; staff download the file through the agent API. The widget sends its client id
with the file: a resend stores neither the file nor its message twice.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from pydantic import BaseModel

from heine_ai.api.deps import Caller, State
from heine_ai.api.limits import count_upload
from heine_ai.conversations.attachments import MAX_BYTES, IncomingFile, refusal
from heine_ai.errors import FileInfected, FileTooLarge, FileTypeNotAllowed, TooManyFiles
from heine_ai.messages import Channel, EscalationReason, InboundMessage

router = APIRouter(prefix="/api/v1/uploads", tags=["chat"])
MAX_FILES = 20  # per conversation: what a customer may send into one chat (per client: UPLOADS_PER_HOUR)
MAX_BODY = MAX_BYTES + (64 << 10)  # the file and its form fields (the API's body limit for this path)
ClientId = Annotated[str, Form(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


class UploadOut(BaseModel):
    id: str
    filename: str
    content_type: str
    size: int
    scan: str  # clean, or unscanned where no scanner is installed


def file_message(filename: str) -> str:
    """The customer message that stands for a file, as the widget and staff read it."""
    return f"📎 {filename}"


@router.post(
    "/{session_id}",
    response_model=UploadOut,
    status_code=201,
    summary="The customer sends an image or PDF into the conversation (session token as Bearer)",
)
async def upload(
    session_id: str,
    request: Request,
    state: State,
    caller: Caller,
    file: Annotated[UploadFile, File()],
    client_id: ClientId,
) -> UploadOut:
    async with state.conversations.sessions() as session:
        conversation = await state.conversations.for_customer(session, session_id, caller.session_token)
        brand = conversation.brand
    await count_upload(state, request.client.host if request.client else "")  # per address, across conversations
    source = f"web:{client_id}"
    if not await state.attachments.room_for(conversation.id, source, MAX_FILES):
        raise TooManyFiles(f"A conversation takes at most {MAX_FILES} files.", details={"max_files": MAX_FILES})
    data = await file.read(MAX_BYTES + 1)
    filename = (file.filename or "datei").replace("\\", "/").rsplit("/", 1)[-1][:200] or "datei"
    incoming = IncomingFile(filename, file.content_type or "application/octet-stream", data)
    reason = refusal(incoming)
    if reason == "too_large":
        raise FileTooLarge(f"A file may have at most {MAX_BYTES >> 20} MB.", details={"max_bytes": MAX_BYTES})
    if reason is not None:
        raise FileTypeNotAllowed("Only images (JPEG, PNG, GIF, WebP) and PDF files.", details={"reason": reason})
    (stored,) = await state.attachments.store(brand, conversation.id, source, [incoming])
    if stored.refused is not None:  # the scanner found something: staff see that a file was sent, not the file
        raise FileInfected("The virus scan refused this file.")
    message = InboundMessage(
        brand=brand,
        channel=Channel.WEB,
        text=file_message(stored.filename),
        thread_key=conversation.id,
        session_token=caller.session_token,
        metadata={"channel_message_id": client_id},
    )
    await state.assistant.for_staff(message, EscalationReason.ATTACHMENT)
    return UploadOut(
        id=stored.id, filename=stored.filename, content_type=stored.content_type, size=stored.size, scan=stored.scan
    )

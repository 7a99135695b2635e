"""Files by e-mail (the real Dovecot and aiosmtpd): a mail with only a photo reaches the staff instead of a review
folder, in its thread's conversation or as a new ticket; files are stored encrypted and served to staff only."""

from __future__ import annotations

from email.message import EmailMessage

from fastapi.testclient import TestClient
from sqlalchemy import select

from heine_ai.app import create_app
from heine_ai.app_state import AppState
from heine_ai.db.models import Attachment, Ticket
from heine_ai.handoff.inbox import QueueFilter
from heine_ai.security.tokens import Role
from tests.channels.email.conftest import Shop
from tests.channels.email.helpers import ask, body, deliver, records, replies
from tests.handoff.helpers import PASSWORD, bearer, login
from tests.support.mailservers import mailbox

PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8  # a PNG's signature, then image bytes
COMPLAINT = "Ich möchte mich beschweren: Die Jacke kam kaputt an und niemand hilft mir!"


def photo_mail(shop: Shop, message_id: str, subject: str = "Foto", **headers: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"], mail["Message-ID"] = (
        shop.customer,
        shop.brand_address,
        subject,
        message_id,
    )
    for name, value in headers.items():
        mail[name.replace("_", "-")] = value
    mail.set_content("")  # no text at all: the body part is empty
    mail.add_attachment(PHOTO, maintype="image", subtype="png", filename="schaden.png")
    mail.add_attachment(b"MZ\x90\x00 not for staff", maintype="application", subtype="x-msdownload", filename="a.exe")
    mail.add_attachment(b"not a PDF at all", maintype="application", subtype="pdf", filename="rechnung.pdf")
    return mail


async def stored_files(state: AppState, conversation_id: str) -> dict[str, Attachment]:
    async with state.sessions() as session:
        rows = await session.scalars(select(Attachment).where(Attachment.conversation_id == conversation_id))
        return {state.cipher.decrypt(row.filename_enc): row for row in rows}


async def test_a_new_mail_with_only_a_photo_opens_a_ticket_for_staff(email_state: AppState, shop: Shop) -> None:
    assert email_state.email is not None
    deliver(shop, photo_mail(shop, "<photo1@example.test>"))
    assert await email_state.email.run_once() == {"heine": 1}
    assert await email_state.email.run_once() == {"heine": 0}  # done: marked seen, stored once

    record = (await records(email_state))["<photo1@example.test>"]
    assert (record.state, record.reason) == ("answered", "for_staff")
    assert replies(shop) == []  # nothing for the bot to say
    assert mailbox(shop.servers, shop.brand_address, "Review") == []  # nothing vanishes into a folder
    assert record.conversation_id is not None
    async with email_state.sessions() as session:
        ticket = await session.scalar(select(Ticket).where(Ticket.conversation_id == record.conversation_id))
    assert ticket is not None and (ticket.reason, ticket.status) == ("attachment", "open")

    files = await stored_files(email_state, record.conversation_id)
    assert set(files) == {"schaden.png", "a.exe", "rechnung.pdf"}
    photo = files["schaden.png"]
    assert photo.refused is None and photo.data_enc is not None and photo.size == len(PHOTO)
    assert email_state.cipher.decrypt_bytes(photo.data_enc) == PHOTO
    assert PHOTO[:64].hex() not in photo.data_enc  # ciphertext, not the file
    assert (files["a.exe"].refused, files["a.exe"].data_enc) == ("type_not_allowed", None)
    assert (files["rechnung.pdf"].refused, files["rechnung.pdf"].data_enc) == ("type_mismatch", None)


async def test_a_photo_sent_into_an_escalated_thread_joins_it(email_state: AppState, shop: Shop) -> None:
    assert email_state.email is not None
    ask(shop, "Beschwerde", COMPLAINT, "<c1@example.test>")
    await email_state.email.run_once()
    [acknowledgment] = replies(shop)
    conversation_id = (await records(email_state))["<c1@example.test>"].conversation_id
    assert conversation_id is not None

    deliver(
        shop,
        photo_mail(shop, "<c2@example.test>", "Re: Beschwerde", In_Reply_To=acknowledgment["Message-ID"]),
    )
    await email_state.email.run_once()

    second = (await records(email_state))["<c2@example.test>"]
    assert second.conversation_id == conversation_id  # the same conversation, no new ticket
    assert len(replies(shop)) == 1 and "Service-Manager" in body(acknowledgment)
    async with email_state.sessions() as session:
        tickets = list(await session.scalars(select(Ticket).where(Ticket.conversation_id == conversation_id)))
        history = await email_state.conversations.history(session, conversation_id)
    assert [t.reason for t in tickets] == ["complaint"]
    assert history[-1].role == "customer" and "schaden.png" in history[-1].content  # staff see it in the history
    assert "schaden.png" in await stored_files(email_state, conversation_id)


async def test_staff_see_the_files_in_the_thread_view_and_fetch_them_with_their_token(
    email_state: AppState, shop: Shop
) -> None:
    assert email_state.email is not None
    deliver(shop, photo_mail(shop, "<photo2@example.test>"))
    await email_state.email.run_once()
    await email_state.handoff.accounts.create("anna", "Anna Becker", PASSWORD, Role.AGENT, ["heine"])
    anna = await email_state.handoff.staff.actor(
        (await email_state.handoff.accounts.login("anna", PASSWORD)).access_token
    )
    [ticket] = await email_state.handoff.inbox.queue(anna, QueueFilter())
    await email_state.engine.dispose()  # the app runs on its own event loop
    with TestClient(create_app(email_state)) as client:
        headers = bearer(login(client, "anna"))
        thread = client.get(f"/api/v1/agent/conversations/{ticket.conversation_id}/email", headers=headers)
        assert thread.status_code == 200, thread.text
        view = thread.json()
        assert view["address"] == shop.customer and view["subject"] == "Foto"
        by_name = {file["filename"]: file for file in view["attachments"]}
        assert by_name["a.exe"]["url"] is None and by_name["a.exe"]["refused"] == "type_not_allowed"
        photo = by_name["schaden.png"]
        assert photo["scan"] in ("clean", "unscanned")
        fetched = client.get(photo["url"], headers=headers)
        assert fetched.status_code == 200 and fetched.content == PHOTO
        assert fetched.headers["content-type"] == "image/png"
        assert fetched.headers["content-disposition"].startswith("attachment;")
        assert fetched.headers["x-content-type-options"] == "nosniff"
        assert client.get(photo["url"]).status_code == 401  # no staff token, no file
        refused = client.get(f"/api/v1/agent/attachments/{by_name['a.exe']['id']}", headers=headers)
        assert (refused.status_code, refused.json()["error"]["code"]) == (404, "attachment_not_found")

"""The rows the newer channels keep beside a conversation (an e-mail's files, a rating, a phone call) are part of
the person's export and go with the erasure."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from heine_ai.db.models import Attachment, PhoneCall, Rating
from tests.handoff.helpers import bearer, chat, login, make_agent
from tests.privacy.conftest import app_state


def test_files_ratings_and_calls_are_exported_and_erased(client: TestClient) -> None:
    state = app_state(client)
    session = chat(client, "Hallo")["session_id"]
    cipher = state.cipher

    async def seed() -> None:
        async with state.sessions.begin() as db:
            db.add(
                Attachment(
                    conversation_id=session,
                    brand="heine",
                    source="<schaden@example.test>",
                    position=0,
                    filename_enc=cipher.encrypt("Schaden-Quenzel.jpg"),
                    content_type="image/jpeg",
                    size=3,
                    scan="unscanned",
                    data_enc=cipher.encrypt_bytes(b"jpg"),
                )
            )
            db.add(
                Rating(
                    conversation_id=session,
                    brand="heine",
                    channel="web",
                    score=2,
                    comment_enc=cipher.encrypt("Zu langsam, Quenzel"),
                    with_person=False,
                )
            )
            db.add(
                PhoneCall(
                    call_sid="CA-quenzel",
                    brand="heine",
                    conversation_id=session,
                    token_enc=cipher.encrypt("token"),
                    caller_enc=cipher.encrypt("+49 171 7771234"),
                    state="ended",
                )
            )

    async def left() -> int:
        async with state.sessions() as db:
            total = 0
            for model in (Attachment, Rating, PhoneCall):
                total += await db.scalar(select(func.count()).select_from(model)) or 0
            return total

    client.portal.call(seed)  # type: ignore[union-attr]
    make_agent(client, "ada", role="admin", display_name="Ada Admin")
    admin = bearer(login(client, "ada"))
    exported = client.post("/api/v1/admin/privacy/export", json={"session_id": session}, headers=admin)
    assert exported.status_code == 200, exported.text
    conversation = exported.json()["conversations"][0]
    assert conversation["files"][0]["filename"] == "Schaden-Quenzel.jpg"
    assert conversation["rating"] == conversation["rating"] | {"score": 2, "comment": "Zu langsam, Quenzel"}
    assert conversation["phone_calls"][0]["caller"] == "+49 171 7771234"

    erased = client.post("/api/v1/admin/privacy/erase", json={"session_id": session, "confirm": True}, headers=admin)
    assert erased.status_code == 200, erased.text
    deleted = erased.json()["deleted"]
    assert (deleted["attachments"], deleted["ratings"], deleted["phone_calls"]) == (1, 1, 1)
    assert client.portal.call(left) == 0  # type: ignore[union-attr]

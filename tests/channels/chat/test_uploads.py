"""A customer's file through ``POST /api/v1/uploads/{session_id}`` against a real server.

Stored once per client id (a resend neither doubles the file nor its message), echoed on the customer's socket
with that client id, and the conversation handed to the staff; bad input gets its 4xx code and stores nothing.
"""

from __future__ import annotations

import httpx
import pytest

from heine_ai.api import uploads
from tests.channels.chat.conftest import ChatServer, open_client
from tests.support.images import png

CLIENT_ID = "a1b2c3d4e5f6a1b2c3d4e5f6"


async def _session(server: ChatServer) -> tuple[str, str]:
    client = await open_client(server)
    ready = await client.hello()
    await client.socket.close()
    return ready["session_id"], ready["session_token"]


async def _post(
    http: httpx.AsyncClient,
    session_id: str,
    token: str | None,
    name: str,
    kind: str,
    data: bytes,
    client_id: str = CLIENT_ID,
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    files = {"file": (name, data, kind)}
    return await http.post(f"/api/v1/uploads/{session_id}", files=files, data={"client_id": client_id}, headers=headers)


async def test_an_image_is_stored_once_echoed_and_goes_to_the_staff(chat_server: ChatServer) -> None:
    session_id, token = await _session(chat_server)
    image = png()
    client = await open_client(chat_server)
    await client.hello(session_id=session_id, session_token=token, last_seq=0)
    async with httpx.AsyncClient(base_url=chat_server.base, timeout=30) as http:
        first = await _post(http, session_id, token, "foto.png", "image/png", image)
        again = await _post(http, session_id, token, "foto.png", "image/png", image)
    assert first.status_code == again.status_code == 201, first.text
    assert first.json()["id"] == again.json()["id"]
    assert (first.json()["filename"], first.json()["size"]) == ("foto.png", len(image))
    echo = await client.until("customer_message")
    assert (echo["text"], echo["client_id"]) == ("📎 foto.png", CLIENT_ID)
    status = await client.until("status")
    assert status["status"] == "pending_human"
    await client.socket.close()

    files = await chat_server.on_server(chat_server.state.attachments.of_conversation(session_id))
    assert [(f.filename, f.size, f.refused) for f in files] == [("foto.png", len(image), None)]
    _id, _view, data = await chat_server.on_server(chat_server.state.attachments.content(files[0].id))
    assert data == image
    messages = await chat_server.on_server(_customer_messages(chat_server, session_id))
    assert messages == ["📎 foto.png"]


async def _customer_messages(server: ChatServer, session_id: str) -> list[str]:
    async with server.state.conversations.sessions() as session:
        history = await server.state.conversations.history(session, session_id, 50)
    return [m.content for m in history if m.role == "customer"]


async def test_bad_files_and_callers_get_their_codes_and_store_nothing(chat_server: ChatServer) -> None:
    session_id, token = await _session(chat_server)
    other_id, other_token = await _session(chat_server)
    big = b"%PDF-" + b"0" * (10 * 1024 * 1024)
    cases = [
        (token, "notiz.txt", "text/plain", b"hallo", 415, "file_type_not_allowed"),
        (token, "foto.png", "image/png", b"GIF89a not a png", 415, "file_type_not_allowed"),
        (token, "gross.pdf", "application/pdf", big, 413, "file_too_large"),
        (None, "foto.png", "image/png", png(), 401, "unauthorized"),
        (other_token, "foto.png", "image/png", png(), 403, "forbidden"),
    ]
    async with httpx.AsyncClient(base_url=chat_server.base, timeout=60) as http:
        for caller, name, kind, data, status, code in cases:
            response = await _post(http, session_id, caller, name, kind, data)
            assert (response.status_code, response.json()["error"]["code"]) == (status, code), name
        bad_id = await _post(http, session_id, token, "foto.png", "image/png", png(), client_id="../x")
        assert bad_id.status_code == 422
    assert await chat_server.on_server(chat_server.state.attachments.of_conversation(session_id)) == []
    assert await chat_server.on_server(_customer_messages(chat_server, session_id)) == []
    assert other_id != session_id


async def test_a_conversation_takes_a_limited_number_of_files(
    chat_server: ChatServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(uploads, "MAX_FILES", 1)
    session_id, token = await _session(chat_server)
    async with httpx.AsyncClient(base_url=chat_server.base, timeout=30) as http:
        first = await _post(http, session_id, token, "a.png", "image/png", png())
        resend = await _post(http, session_id, token, "a.png", "image/png", png())
        second = await _post(http, session_id, token, "b.png", "image/png", png(), client_id="b1b2c3d4e5f6b1b2")
    assert (first.status_code, resend.status_code) == (201, 201)
    assert (second.status_code, second.json()["error"]["code"]) == (429, "too_many_files")
    files = await chat_server.on_server(chat_server.state.attachments.of_conversation(session_id))
    assert [f.filename for f in files] == ["a.png"]

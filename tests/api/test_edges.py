"""The API's edges hold against one greedy client (issue 19, findings 4 and 7), replayed on a real server:
half-sent requests, huge bodies, unbounded or malformed metadata, lone surrogates, overlong upload names."""

from __future__ import annotations

import json
import socket
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from heine_ai.app import create_app
from tests.conftest import admin_headers
from tests.support.images import png
from tests.support.live import live_server

QUESTION = {"brand": "heine", "message": "Wie lange habe ich Zeit, einen Artikel zurückzuschicken?"}
OTHER_CLIENT = "127.0.0.2"  # a second address on the loopback interface: another customer


def _half_sent(base: str) -> socket.socket:
    """A chat request whose headers promise a body that never comes (a stalled phone, or a slow-loris)."""
    host, port = base.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=60)
    head = (
        f"POST /api/v1/chat HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n"
    )
    sock.sendall(head.encode() + b'{"brand": "heine", "mess')
    return sock


def _status_of(sock: socket.socket) -> int:
    data = b""
    while b"\r\n" not in data:
        piece = sock.recv(4096)
        if not piece:
            break
        data += piece
    sock.close()
    return int(data.split(b" ", 2)[1])


def test_half_sent_requests_of_one_client_starve_no_one(make_state: Any) -> None:
    state = make_state(max_concurrent_requests=6, max_concurrent_per_client=3, request_body_timeout=20)
    with live_server(state) as base:
        stalled = [_half_sent(base) for _ in range(3)]
        fourth = httpx.post(base + "/api/v1/chat", json=QUESTION, timeout=60)  # the greedy client's share is used
        assert fourth.status_code == 503 and fourth.json()["error"]["code"] == "overloaded"
        with httpx.Client(transport=httpx.HTTPTransport(local_address=OTHER_CLIENT), timeout=60) as other:
            assert other.post(base + "/api/v1/chat", json=QUESTION).status_code == 200
        assert [_status_of(sock) for sock in stalled] == [408, 408, 408]  # cut off when they stall
        assert httpx.post(base + "/api/v1/chat", json=QUESTION, timeout=60).status_code == 200  # slots are back


def test_a_huge_body_is_refused_before_and_while_it_streams(make_state: Any) -> None:
    state = make_state(max_request_body_kb=64)
    with live_server(state) as base:
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=60) as sock:  # 200 MB announced, none sent
            sock.sendall(
                f"POST /api/v1/chat HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {200 << 20}\r\n\r\n".encode()
            )
            assert _status_of(sock) == 413

        def chunks() -> Any:
            yield b'{"brand": "heine", "message": "'
            for _ in range(100):
                yield b"x" * 4096

        streamed = httpx.post(base + "/api/v1/chat", content=chunks(), timeout=60)  # chunked: no length declared
        assert streamed.status_code == 413 and streamed.json()["error"]["details"] == {"max_kb": 64}
        assert httpx.post(base + "/api/v1/chat", json=QUESTION, timeout=60).status_code == 200


@pytest.mark.parametrize(
    ("metadata", "field"),
    [
        ({"tracking": "x" * 10}, "tracking"),  # undocumented keys
        ({"channel_message_id": 12345}, "channel_message_id"),  # not a string
        ({"channel_message_id": "m" * 300}, "channel_message_id"),  # longer than stored
        ({"channel_message_id": {"nested": ["a"] * 1000}}, "channel_message_id"),
    ],
)
def test_metadata_is_documented_strings_only(sqlite_client: TestClient, metadata: dict[str, Any], field: str) -> None:
    response = sqlite_client.post("/api/v1/chat", json={**QUESTION, "metadata": metadata})
    assert response.status_code == 422
    body = response.json()["error"]
    assert body["code"] == "validation_error" and field in json.dumps(body)


def test_a_message_id_sent_twice_is_stored_once(sqlite_client: TestClient) -> None:
    first = sqlite_client.post("/api/v1/chat", json={**QUESTION, "metadata": {"channel_message_id": "m-1"}}).json()
    again = {**QUESTION, "session_id": first["session_id"], "session_token": first["session_token"]}
    sqlite_client.post("/api/v1/chat", json={**again, "metadata": {"channel_message_id": "m-1"}})
    history = sqlite_client.get(
        f"/api/v1/sessions/{first['session_id']}/history",
        headers={"Authorization": f"Bearer {first['session_token']}"},
    ).json()
    assert [m["content"] for m in history["messages"] if m["role"] == "user"] == [QUESTION["message"]]
    assert [m["role"] for m in history["messages"]].count("assistant") == 1  # and answered once


def test_a_lone_surrogate_is_a_clear_error(sqlite_client: TestClient) -> None:
    raw = '{"brand": "heine", "message": "Hallo \\ud800 Welt"}'
    response = sqlite_client.post("/api/v1/chat", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "validation_error"
    with sqlite_client.websocket_connect("/api/v1/ws/chat") as ws:
        ws.send_text('{"type": "hello", "brand": "heine"}')
        ws.receive_json()
        ws.send_text('{"type": "message", "text": "Hallo \\udfff"}')
        event = ws.receive_json()
        while event["type"] == "typing":  # the assistant's typing notice may come first
            event = ws.receive_json()
    assert event["type"] == "error" and event["code"] == "validation_error"


def test_an_overlong_upload_name_is_a_clear_error(sqlite_client: TestClient) -> None:
    name = "ä" * 200 + ".md"  # 403 bytes in UTF-8
    files = [("files", (name, b"# Titel\n\nText.", "text/markdown"))]
    response = sqlite_client.post(
        "/api/v1/admin/knowledge/heine/ingest", files=files, headers=admin_headers(sqlite_client)
    )
    assert response.status_code == 422 and response.json()["error"]["code"] == "validation_error"


PRODUCTION = {"environment": "production", "jwt_secret_key": "s" * 40, "encryption_key": "0" * 43 + "="}


def test_metrics_and_docs_are_closed_in_production(make_state: Any) -> None:
    with TestClient(create_app(make_state(**PRODUCTION))) as client:
        assert client.get("/metrics").status_code == 404
        assert [client.get(path).status_code for path in ("/docs", "/redoc", "/openapi.json")] == [404, 404, 404]
        assert client.get("/healthz").status_code == 200


def test_metrics_need_their_token_when_one_is_set(make_state: Any) -> None:
    with TestClient(create_app(make_state(**PRODUCTION, metrics_token="m" * 32, api_docs=True))) as client:
        assert client.get("/metrics").status_code == 401
        assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
        scraped = client.get("/metrics", headers={"Authorization": f"Bearer {'m' * 32}"})
        assert scraped.status_code == 200 and "ai_requests_total" in scraped.text
        assert client.get("/openapi.json").status_code == 200


def test_a_wrong_method_names_the_allowed_ones(sqlite_client: TestClient) -> None:
    response = sqlite_client.get("/api/v1/chat")
    assert response.status_code == 405 and response.headers["allow"] == "POST"
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_one_client_cannot_open_chats_without_end(make_state: Any) -> None:
    """The audit opened 1,000 sessions in 13 s and 300 sockets in 4 s from one address."""
    with TestClient(create_app(make_state(new_chats_per_minute=3))) as client:
        assert [client.post("/api/v1/chat", json=QUESTION).status_code for _ in range(4)] == [200, 200, 200, 429]
        refused = client.post("/api/v1/chat", json=QUESTION).json()["error"]
        assert refused["code"] == "rate_limited" and refused["details"]["limit"] == "new_chats"
        with client.websocket_connect("/api/v1/ws/chat") as ws:  # sockets count with the chats
            assert ws.receive_json()["code"] == "rate_limited"


def test_a_running_chat_is_not_counted(make_state: Any) -> None:
    with TestClient(create_app(make_state(new_chats_per_minute=1))) as client:
        first = client.post("/api/v1/chat", json=QUESTION).json()
        follow = {**QUESTION, "session_id": first["session_id"], "session_token": first["session_token"]}
        assert [client.post("/api/v1/chat", json=follow).status_code for _ in range(3)] == [200, 200, 200]


def test_one_client_cannot_spread_uploads_over_many_conversations(make_state: Any) -> None:
    """A conversation takes at most 20 files; a client that opens conversation after conversation meets its own
    hourly limit, and a client at another address is not held back by it."""
    app = create_app(make_state(uploads_per_hour=3))

    def upload(client: TestClient, number: int) -> httpx.Response:
        chat = client.post("/api/v1/chat", json=QUESTION).json()  # a fresh conversation for every file
        return client.post(
            f"/api/v1/uploads/{chat['session_id']}",
            files={"file": (f"foto{number}.png", png(), "image/png")},
            data={"client_id": f"upload-client-{number:04d}"},
            headers={"Authorization": f"Bearer {chat['session_token']}"},
        )

    with TestClient(app, client=("203.0.113.7", 50000)) as client:
        assert [upload(client, i).status_code for i in range(4)] == [201, 201, 201, 429]
        refused = upload(client, 5).json()["error"]
        assert refused["code"] == "rate_limited" and refused["details"]["limit"] == "uploads"
        other = TestClient(app, client=("198.51.100.20", 50000))  # the same app, another customer's address
        assert upload(other, 6).status_code == 201


def test_logins_sprayed_over_many_usernames_from_one_address_stop(make_state: Any) -> None:
    with TestClient(create_app(make_state(login_max_per_address=5))) as client:
        statuses = [
            client.post("/api/v1/auth/login", json={"username": f"user{i}", "password": "x"}).status_code
            for i in range(7)
        ]
    assert statuses == [401] * 5 + [429, 429]


def test_postcodes_guessed_from_fresh_sessions_reveal_nothing(make_state: Any) -> None:
    """The audit's attack: a fresh session per guess never meets the three-miss rule of one conversation."""
    with TestClient(create_app(make_state(order_lookups_per_hour=4))) as client:

        def ask(postcode: str) -> dict[str, Any]:
            text = f"Wo ist meine Bestellung 40123456? Meine PLZ ist {postcode}."
            return client.post("/api/v1/chat", json={"brand": "heine", "message": text}).json()

        guesses = [ask(f"{10000 + i}") for i in range(4)]
        assert all(not g["escalation_required"] and "H1002345678901" not in g["response"] for g in guesses)
        right = ask("20095")  # the right postcode, but the order was guessed at: a person takes over
        assert "H1002345678901" not in right["response"]
        assert right["escalation_required"] and right["escalation_reason"] == "repeated_failure"


def test_the_openapi_document_names_the_errors_and_the_bearer_scheme(sqlite_client: TestClient) -> None:
    document = sqlite_client.get("/openapi.json").json()
    assert document["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    chat = document["paths"]["/api/v1/chat"]["post"]
    assert {"400", "413", "422", "429", "503"} <= set(chat["responses"])
    assert chat["responses"]["429"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    assert {"HTTPBearer": []} in document["paths"]["/api/v1/admin/health"]["get"]["security"]

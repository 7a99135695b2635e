"""Done when: an erasure leaves nothing of the customer in any store.

A customer talks to the chat (with their customer number, name, address, phone and a unique phrase), asks a
person, gets a staff member's reply and note, rates the conversation, and writes an e-mail from their address; the service keeps this in
the database (SQLite and PostgreSQL), Redis (answer cache, limits, locks), the vector store and the e-mail ledger.
The markers are found there (decrypted) before the erasure, and nowhere after it: not in a raw dump of the
database (every Fernet token in it decrypted, free pages included), not in Redis' keys or values, not in any file
of the installation (database files, Chroma's files).
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from heine_ai.app import create_app
from heine_ai.app_state import AppState
from heine_ai.assistant.answer_cache import AnswerCache
from heine_ai.assistant.understanding import question_of
from heine_ai.db.models import MailRecord
from tests.channels.email.conftest import Shop
from tests.channels.email.helpers import ask, replies
from tests.conftest import StateFactory
from tests.handoff.helpers import bearer, chat, login, make_agent
from tests.privacy.stores import database_dump, files_under, hits, redis_dump
from tests.support.mailservers import wait_for
from tests.support.servers import REDIS_URL, port_open, require


def _markers(shop: Shop) -> dict[str, str]:
    tag = uuid.uuid4().hex[:8]
    digits = str(int(tag, 16))[:8]
    return {
        "name": f"Quenzelbrück{tag}",
        "email": shop.customer,
        "phone": f"0171 77{digits}",
        "phrase": f"Zauberwort{tag}",
        "customer_id": f"K-{tag}-4711",
    }


QUESTION = "Wie lange dauert die Lieferung nach {name}?"


def _seed(client: TestClient, shop: Shop, m: dict[str, str]) -> str:
    """The customer's traces in every store, through the service's own entry points."""
    first = client.post(
        "/api/v1/chat",
        json={"brand": "heine", "customer_id": m["customer_id"], "message": QUESTION.format(name=m["name"])},
    )
    assert first.status_code == 200, first.text
    assert first.json()["sources"]  # answered from the knowledge: cached under the customer's question
    session = (first.json()["session_id"], first.json()["session_token"])
    about = f"Ich bin {m['name']}, Telefon {m['phone']}, E-Mail {m['email']}. {m['phrase']}"
    asked = chat(client, f"Ich möchte mit einem Mitarbeiter sprechen. {about}", session)
    assert asked["escalation_required"]
    make_agent(client, "anna", display_name="Anna Becker")
    anna = bearer(login(client, "anna"))
    base = f"/api/v1/agent/conversations/{session[0]}"
    assert client.post(f"{base}/claim", headers=anna).status_code == 200
    note = {"text": f"Rückruf an {m['name']} unter {m['phone']}"}
    assert client.post(f"{base}/notes", json=note, headers=anna).status_code == 201
    reply = {"text": f"Guten Tag {m['name']}, ich kümmere mich darum."}
    assert client.post(f"{base}/reply", json=reply, headers=anna).status_code == 200
    assert client.post(f"{base}/resolve", json={"note": m["phrase"]}, headers=anna).status_code == 200
    rating = {"score": 5, "comment": f"Danke, {m['name']}"}
    rated = client.post(
        f"/api/v1/sessions/{session[0]}/rating", json=rating, headers=bearer({"access_token": session[1]})
    )
    assert rated.status_code == 201, rated.text
    mail = f"{m['phrase']}: Wie lange dauert die Lieferung? {m['phone']}"
    ask(shop, f"Frage von {m['name']}", mail, f"<{m['phrase']}@example.test>")
    wait_for(lambda: len(replies(shop)) == 1, timeout=60, message="the e-mail was not answered")
    state: AppState = client.app.state.heine  # type: ignore[attr-defined]

    async def answered() -> bool:
        async with state.sessions() as db:
            return (await db.scalar(select(MailRecord.state).where(MailRecord.direction == "in"))) == "answered"

    wait_for(lambda: bool(client.portal.call(answered)), timeout=30, message="the mail was not recorded answered")  # type: ignore[union-attr]
    return session[0]


def _cache_key(client: TestClient, name: str) -> str:
    """The Redis key of the answer cached for the customer's question."""
    state: AppState = client.app.state.heine  # type: ignore[attr-defined]
    version = client.portal.call(state.knowledge.current_version, "heine")  # type: ignore[union-attr]
    return "heine-ai:" + AnswerCache.key("heine", version, "de", question_of(QUESTION.format(name=name)))


def _everywhere(state: Any, tmp_path: Any, markers: list[bytes]) -> dict[str, list[str]]:
    return {
        "database": hits(database_dump(state), markers, state),
        "redis": hits(redis_dump(), markers, state),
        "files": hits(files_under(tmp_path), markers, state),
    }


def test_an_erased_customer_is_gone_from_every_store(
    make_state: StateFactory, database_url: str, shop: Shop, tmp_path: Any
) -> None:
    require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    state = make_state(database_url=database_url, redis_url=REDIS_URL, brands_dir=shop.brands_dir)
    m = _markers(shop)
    person = {"customer_id": m["customer_id"], "email": m["email"]}
    hashed = [state.cipher.lookup_hash(m["customer_id"]), state.cipher.lookup_hash(m["email"])]
    markers = [value.encode() for value in [*m.values(), *hashed]]
    with TestClient(create_app(state)) as client:
        session_id = _seed(client, shop, m)
        before = _everywhere(state, tmp_path, markers)
        cache_key = _cache_key(client, m["name"])
        assert cache_key.encode() in redis_dump()
        assert {f"encrypted:{m[k]}" for k in ("name", "phone", "phrase", "email")} <= set(before["database"])
        assert f"clear:{hashed[1]}" in before["database"]  # the address's lookup hash

        make_agent(client, "ada", role="admin", display_name="Ada Admin")
        admin = bearer(login(client, "ada"))
        exported = client.post("/api/v1/admin/privacy/export", json=person, headers=admin)
        assert exported.status_code == 200, exported.text
        document = exported.json()
        assert len(document["conversations"]) == 2 and len(document["customers"]) == 2
        text = str(document)
        for key in ("name", "phone", "phrase", "email", "customer_id"):
            assert m[key] in text, key
        chat_conversation = next(c for c in document["conversations"] if c["id"] == session_id)
        assert chat_conversation["tickets"][0]["audit"][-1]["note"] == m["phrase"]
        assert any(m["name"] in e["note"] for e in chat_conversation["tickets"][0]["audit"] if e["note"])
        assert chat_conversation["rating"]["score"] == 5 and m["name"] in chat_conversation["rating"]["comment"]

        unconfirmed = client.post("/api/v1/admin/privacy/erase", json=person, headers=admin)
        assert unconfirmed.status_code == 422
        assert unconfirmed.json()["error"]["code"] == "confirmation_required"
        erased = client.post("/api/v1/admin/privacy/erase", json=person | {"confirm": True}, headers=admin)
        assert erased.status_code == 200, erased.text
        receipt = erased.json()
        assert receipt["deleted"]["conversations"] == 2 and receipt["deleted"]["customers"] == 2
        assert receipt["deleted"]["tickets"] == 1 and receipt["deleted"]["mail_records"] >= 2
        assert receipt["deleted"]["ratings"] == 1
        assert receipt["deleted"]["answer_cache_entries"] >= 1  # the chat question (and the mail's, if cached)
        assert receipt["restricted"] == {"conversations": 0, "until": None, "reason": None}
        assert cache_key.encode() not in redis_dump()

        gone = client.post("/api/v1/admin/privacy/export", json=person, headers=admin)
        assert gone.status_code == 404 and gone.json()["error"]["code"] == "privacy_subject_not_found"
        audit = client.get("/api/v1/admin/privacy/audit", headers=admin).json()
        assert [e["action"] for e in audit[:2]] == ["erase", "export"]
        assert audit[0]["subject_kind"] == "customer_id,email" and audit[0]["actor"].startswith("agent:")
        assert audit[0]["counts"]["conversations"] == 2
    after = _everywhere(state, tmp_path, markers)
    assert after == {"database": [], "redis": [], "files": []}

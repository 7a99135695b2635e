"""The share of conversations resolved without a person (Chatwoot's durable resolution), over conversations aged
in the database: an action completed and thanked for counts, a hand-over and a conversation reopened within the
week do not, and a conversation younger than the week is not judged yet."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from heine_ai.app import create_app
from heine_ai.db.models import Conversation, Message, Ticket
from heine_ai.security.tokens import Role
from tests.conftest import StateFactory
from tests.handoff.helpers import COMPLAINT, chat

WITHDRAWAL = "Ich widerrufe meinen Kauf, Bestellung 41000006, PLZ 04109"


def converse(client: TestClient, *texts: str) -> str:
    session: tuple[str, str] | None = None
    for text in texts:
        answer = chat(client, text, session)
        session = session or (answer["session_id"], answer["session_token"])
    assert session is not None
    return session[0]


def age(url: str, conversation_id: str, days: float, after: str | None = None) -> None:
    """Move the conversation ``days`` into the past, or only its messages after the bot's first ``after`` intent
    (negative ``days``: towards now)."""
    with Session(create_engine(url)) as session, session.begin():
        conversation = session.get(Conversation, conversation_id)
        assert conversation is not None
        messages = list(
            session.scalars(select(Message).where(Message.conversation_id == conversation_id).order_by(Message.seq))
        )
        if after is not None:
            messages = messages[[m.intent for m in messages].index(after) + 1 :]
            assert messages
        else:
            conversation.created_at -= timedelta(days=days)
            for ticket in session.scalars(select(Ticket).where(Ticket.conversation_id == conversation_id)):
                ticket.created_at -= timedelta(days=days)
        for message in messages:
            message.created_at -= timedelta(days=days)


def test_the_share_resolved_without_a_person(make_state: StateFactory) -> None:
    state = make_state(ingest=False)
    url = state.settings.database_url
    admin = {"Authorization": f"Bearer {state.tokens.issue('ops', Role.ADMIN)}"}
    with TestClient(create_app(state)) as client:
        empty = client.get("/api/v1/admin/resolution", headers=admin).json()
        assert empty["brands"] == [{"brand": "heine", "judged": 0, "resolved_without_person": 0, "share": None}]

        done = converse(client, WITHDRAWAL, "Ja", "Vielen Dank!")  # the thanks is no reopening
        age(url, done, 10)
        handed_over = converse(client, COMPLAINT)
        age(url, handed_over, 10)
        reopened = converse(client, WITHDRAWAL, "Ja", "Ich möchte die Jeans zurückschicken, Bestellung 41000001")
        age(url, reopened, 10)
        age(url, reopened, -5, after="action_done")  # the new request came five days after the withdrawal
        recent = converse(client, WITHDRAWAL, "Ja")
        age(url, recent, 3)  # not a full week yet: not judged

        figures = client.get("/api/v1/admin/resolution", headers=admin).json()
        assert figures["reopen_days"] == 7
        assert figures["brands"] == [{"brand": "heine", "judged": 3, "resolved_without_person": 1, "share": 1 / 3}]
        metrics = client.get("/metrics").text
        assert 'ai_resolution_share{brand="heine"} 0.333' in metrics
        assert 'ai_resolution_judged{brand="heine"} 3.0' in metrics

        age(url, reopened, -3, after="action_done")  # now eight days after it: a new need, the first one stays met
        later = client.get("/api/v1/admin/resolution", headers=admin).json()["brands"][0]
        assert later["resolved_without_person"] == 2

        agent = {"Authorization": f"Bearer {state.tokens.issue('ops', Role.AGENT)}"}
        assert client.get("/api/v1/admin/resolution", headers=agent).status_code == 403


def test_the_periodic_job_sets_the_gauge(make_state: StateFactory) -> None:
    state = make_state(ingest=False)
    with TestClient(create_app(state)) as client:
        done = converse(client, WITHDRAWAL, "Ja")
        age(state.settings.database_url, done, 8)
        figures = client.portal.call(state.handoff.resolution.refresh_gauge)  # what the hand-off's sweep runs hourly
        assert figures["heine"].judged == 1 and figures["heine"].share == 1.0
        assert 'ai_resolution_share{brand="heine"} 1.0' in state.metrics.render().decode()


def close(url: str, conversation_id: str, days: float) -> None:
    """The conversation closed (as the idle sweep closes it) and moved ``days`` into the past."""
    age(url, conversation_id, days)
    with Session(create_engine(url)) as session, session.begin():
        conversation = session.get(Conversation, conversation_id)
        assert conversation is not None
        last = session.scalars(
            select(Message.created_at).where(Message.conversation_id == conversation_id).order_by(Message.seq.desc())
        ).first()
        conversation.status, conversation.closed_at = "closed", last


def test_a_conversation_closed_after_an_answer_counts_and_one_closed_after_a_greeting_not(
    make_state: StateFactory,
) -> None:
    state = make_state()  # with the demo knowledge: the answer has sources
    url = state.settings.database_url
    admin = {"Authorization": f"Bearer {state.tokens.issue('ops', Role.ADMIN)}"}
    with TestClient(create_app(state)) as client:
        close(url, converse(client, "Wie lange habe ich Zeit, einen Artikel zurückzuschicken?"), 10)
        close(url, converse(client, "Hallo"), 10)
        figures = client.get("/api/v1/admin/resolution", headers=admin).json()["brands"]
        assert figures == [{"brand": "heine", "judged": 2, "resolved_without_person": 1, "share": 0.5}]

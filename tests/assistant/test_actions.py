"""The action procedures end to end through the assistant, on a fresh demo shop per test: nothing is executed
without identity and an explicit confirmation, a repeated confirmation executes once, an e-mail's identity is its
sender address, and a withdrawal needs no reason. Each test runs twice: on the demo shop in-process and on the
reference shop server over HTTP (``COMMERCE_BACKEND=http``), with nothing but the settings changed."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from heine_ai.app_state import AppState
from heine_ai.intents import Intent
from heine_ai.lifespan import close_state
from heine_ai.messages import Channel, InboundMessage, Reply
from heine_ai.orders.commerce import ActionKind, ActionRecord
from tests.conftest import SettingsFactory
from tests.support.commerce_server import http_settings, reference_shop
from tests.support.embedder import MemoEmbedder
from tests.support.installations import Templates, build_installed_state


@pytest.fixture(params=["demo", "http"])
def shop_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, str]]:
    """No settings for the demo shop; for ``http``, the reference server on a fresh copy of the demo shop."""
    with ExitStack() as stack:
        if request.param == "http":
            yield http_settings(stack.enter_context(reference_shop(tmp_path / "reference_shop.db")))
        else:
            yield {}


@pytest.fixture
async def empty_state(
    shop_settings: dict[str, str], make_settings: SettingsFactory, embedder: MemoEmbedder, templates: Templates
) -> AsyncIterator[AppState]:
    """A migrated installation without knowledge, on the shop of ``shop_settings``."""
    state = await build_installed_state(make_settings(**shop_settings), embedder, templates, demo=False)
    try:
        yield state
    finally:
        await close_state(state)


class Chat:
    """One conversation with the assistant, through ``channel``."""

    def __init__(self, state: AppState, channel: Channel = Channel.WEB, sender: str | None = None) -> None:
        self._state = state
        self._channel = channel
        self._sender = sender
        self._session: str | None = None
        self._token: str | None = None

    async def say(self, text: str) -> Reply:
        message = InboundMessage(
            brand="heine",
            channel=self._channel,
            text=text,
            thread_key=self._session,
            session_token=self._token,
            sender=self._sender,
        )
        reply = await self._state.assistant.handle(message)
        self._session, self._token = reply.session_id, self._token or reply.session_token
        return reply


async def actions(state: AppState) -> list[ActionRecord]:
    return await state.orders.actions("heine")


# kind: (request, order number, postcode, answers to the procedure's own questions)
KINDS: dict[ActionKind, tuple[str, str, str, list[str]]] = {
    ActionKind.RETURN: ("Ich möchte das Strickkleid zurückschicken.", "41000001", "20095", []),
    ActionKind.EXCHANGE: ("Ich möchte das Strickkleid gegen Größe 40 umtauschen.", "41000009", "70173", []),
    ActionKind.CANCEL: ("Bitte stornieren Sie meine Bestellung.", "41000004", "10115", []),
    ActionKind.ADDRESS_CHANGE: (
        "Ich möchte die Lieferadresse ändern.",
        "41000007",
        "22767",
        ["Musterweg 5, 22769 Hamburg"],
    ),
    ActionKind.WITHDRAWAL: ("Ich widerrufe meinen Kauf.", "41000006", "04109", []),
    ActionKind.INVOICE_COPY: ("Bitte schicken Sie mir eine Kopie der Rechnung.", "40345678", "50667", []),
}


def dialogues(kind: ActionKind) -> dict[str, list[str]]:
    """The complete dialogue and each one with a step missing or wrong."""
    request, number, postcode, answers = KINDS[kind]
    identity = f"{number} {postcode}"
    return {
        "complete": [request, identity, *answers, "Ja"],
        "no identity": [request, *answers, "Ja", "Ja"],
        "wrong postcode": [request, f"{number} 99999", *answers, "Ja"],
        "wrong order number": [request, f"49999999 {postcode}", *answers, "Ja"],
        "no confirmation": [request, identity, *answers],
        "declined": [request, identity, *answers, "Nein"],
        "something else instead": [request, identity, *answers, "Wie lange dauert die Lieferung?"],
        "yes before the proposal": [request, "Ja"],
    }


@pytest.mark.parametrize("kind", list(KINDS))
async def test_nothing_is_executed_without_identity_and_confirmation(empty_state: AppState, kind: ActionKind) -> None:
    for name, turns in dialogues(kind).items():
        before = len(await actions(empty_state))
        chat = Chat(empty_state)
        replies = [await chat.say(turn) for turn in turns]
        done = await actions(empty_state)
        if name == "complete":
            assert len(done) == before + 1 and done[0].kind is kind, [r.text for r in replies]
            assert replies[-2].intent is Intent.ACTION_CONFIRM and replies[-1].intent is Intent.ACTION_DONE
        else:
            assert len(done) == before, (name, [r.text for r in replies])
            assert all(r.intent is not Intent.ACTION_DONE for r in replies), name


async def test_a_repeated_confirmation_executes_once(empty_state: AppState) -> None:
    chat = Chat(empty_state)
    await chat.say("Ich möchte das Strickkleid zurückschicken, Bestellung 41000001, PLZ 20095")
    first = await chat.say("Ja, bitte")
    again = await chat.say("Ja")
    assert first.intent is Intent.ACTION_DONE and again.intent is not Intent.ACTION_DONE
    other = Chat(empty_state)  # the same request in a new conversation (a resent e-mail)
    await other.say("Ich möchte das Strickkleid zurückschicken, Bestellung 41000001, PLZ 20095")
    second = await other.say("Ja")
    records = await actions(empty_state)
    assert len(records) == 1
    reference = records[0].id[:8].upper()
    assert reference in first.text and reference in second.text


async def test_wrong_identity_reveals_nothing(empty_state: AppState) -> None:
    wrong = await Chat(empty_state).say("Ich möchte das Kleid zurückschicken, Bestellung 41000001, PLZ 12345")
    unknown = await Chat(empty_state).say("Ich möchte das Kleid zurückschicken, Bestellung 41999999, PLZ 20095")
    assert wrong.text == unknown.text
    assert wrong.intent is Intent.ACTION_NOT_FOUND
    for secret in ("Strickkleid", "Jeans", "zugestellt", "38"):
        assert secret not in wrong.text


async def test_an_email_is_identified_by_its_sender(empty_state: AppState) -> None:
    request = "Guten Tag, ich möchte das Strickkleid aus Bestellung 41000001 zurückschicken."
    stranger = Chat(empty_state, Channel.EMAIL, "mallory@example.org")
    refused = await stranger.say(request + " PLZ 20095")
    assert refused.intent is Intent.ACTION_NOT_FOUND and "Absenderadresse" in refused.text
    assert "Strickkleid" not in refused.text
    customer = Chat(empty_state, Channel.EMAIL, "Anna.Berg@example.org")
    proposal = await customer.say(request)
    assert proposal.intent is Intent.ACTION_CONFIRM and "1 × Strickkleid, Größe 38" in proposal.text
    assert (await customer.say("Ja, bitte so machen.")).intent is Intent.ACTION_DONE
    assert [r.kind for r in await actions(empty_state)] == [ActionKind.RETURN]


@pytest.mark.parametrize(
    "declaration",
    ["Ich widerrufe meinen Kauf.", "Ich möchte vom Vertrag zurücktreten.", "I want to cancel my purchase."],
)
async def test_a_withdrawal_is_confirmed_with_date_and_time_and_asks_no_reason(
    empty_state: AppState, declaration: str
) -> None:
    chat = Chat(empty_state, Channel.EMAIL, "felix.hahn@example.org")
    asked = await chat.say(declaration)
    for reason in ("Grund", "warum", "reason", "why"):
        assert reason not in asked.text
    proposal = await chat.say("Bestellung 41000006")
    assert proposal.intent is Intent.ACTION_CONFIRM
    done = await chat.say("Yes" if declaration.startswith("I ") else "Ja")
    now = datetime.now(ZoneInfo("Europe/Berlin"))
    assert done.intent is Intent.ACTION_DONE and now.strftime("%d.%m.%Y") in done.text
    records = await actions(empty_state)
    assert [r.kind for r in records] == [ActionKind.WITHDRAWAL]
    assert records[0].created_at.astimezone(now.tzinfo).strftime("%H:%M") in done.text

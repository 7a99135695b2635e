"""The order-status dialogue over the chat API: number and postcode, then the status; nothing leaks on a miss."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from heine_ai.assistant.order_status import asks_for_order_status
from tests.api.test_chat import ask, ask_again


def test_asks_for_number_and_postcode_then_tells_the_status(sqlite_client: TestClient) -> None:
    first = ask(sqlite_client, "Wo ist meine Bestellung?")
    assert "Bestellnummer" in str(first["response"]) and "Postleitzahl" in str(first["response"])
    second = ask_again(sqlite_client, first, "Die Nummer ist 40123456")
    assert "Postleitzahl" in str(second["response"]) and "versandt" not in str(second["response"])
    third = ask_again(sqlite_client, first, "20095")
    reply = str(third["response"])
    assert "40123456" in reply and "versandt" in reply and "Hermes" in reply and "26.11.2026" in reply
    assert third["escalation_required"] is False


def test_everything_in_one_message(sqlite_client: TestClient) -> None:
    body = ask(sqlite_client, "Wann kommt meine Bestellung 40345678? PLZ 50667")
    assert "zugestellt" in str(body["response"]) and "DHL" in str(body["response"])


def test_wrong_postcode_reveals_nothing_and_guessing_is_stopped(sqlite_client: TestClient) -> None:
    first = ask(sqlite_client, "Wo bleibt meine Bestellung 40123456? Meine PLZ ist 99999")
    reply = str(first["response"])
    assert "keine Bestellung gefunden" in reply
    for secret in ("versandt", "Hermes", "H1002345678901", "26.11"):
        assert secret not in reply
    unknown = ask(sqlite_client, "Wo bleibt meine Bestellung 49999999? PLZ 20095")
    assert str(unknown["response"]) == reply  # an unknown number and a wrong postcode read the same
    second = ask_again(sqlite_client, first, "PLZ 11111")
    assert "keine Bestellung gefunden" in str(second["response"])
    third = ask_again(sqlite_client, first, "Dann 22222")
    assert third["escalation_required"] is True and third["escalation_reason"] == "repeated_failure"


def test_leaving_the_dialogue_gets_a_normal_answer(sqlite_client: TestClient) -> None:
    first = ask(sqlite_client, "Wo ist meine Bestellung?")
    other = ask_again(sqlite_client, first, "Ach egal. Wie lange habe ich Zeit, einen Artikel zurückzuschicken?")
    assert "30 Tage" in str(other["response"])
    assert other["sources"]


@pytest.mark.parametrize(
    "text",
    [
        "Wo ist denn meine Bestellung?",
        "Meine Lieferung ist noch nicht da",
        "Servus, mein Paket is no ned da",  # Bavarian
        "mei Packerl is ned kumma",
        "Where's my parcel?",
        "Grüß Gott, i wart scho ewig auf mei Bestellung, wo is de?",  # waiting for it
        "I am still waiting for my order",
        "paket immer noch nicht da",  # no "mein", no verb
        "Hallo, wo bleibt unser Paket? 📦",  # a family's parcel
        "wann kommt das Paket endlich?",
        "Servus, wo is mei Packerl? I hab vor a paar Tag bei eich bstellt.",
        "Hi, I ordered a dirndl a while ago and it still hasn't arrived. Where is it?",
        "Could you tell me where my order has got to?",
        "Ich habe letzte Woche bestellt und bis heute nichts bekommen.",
        "Status von 40456789 bitte, PLZ 10115 🙏",  # an order number and the word for what is wanted of it
    ],
)
def test_a_question_on_where_an_order_is_starts_the_order_dialogue(text: str) -> None:
    assert asks_for_order_status(text)


@pytest.mark.parametrize(
    "text",
    [
        "Wie lange dauert die Lieferung?",
        "Ist das Paket versichert?",
        "no thanks",
        "und wenn ich heute, also freitag, um 10 uhr bestelle – wann kommt das paket dann?",  # not ordered yet
        "Ich habe eine Bluse bestellt, die nicht passt. Wie schicke ich sie zurück?",
    ],
)
def test_a_question_on_delivery_in_general_starts_no_order_dialogue(text: str) -> None:
    assert not asks_for_order_status(text)

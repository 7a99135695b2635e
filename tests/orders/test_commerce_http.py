"""The commerce contract (docs/commerce-api.yaml) against the loopback reference server, over real HTTP: every
answer the server gives validates against the contract, and the HTTP client keeps its promises when the shop
fails (a lost answer records no second action, a decision is never repeated, errors map to the error tree)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from heine_ai.errors import CommerceConflict, CommerceRejected, CommerceUnavailable, ConfigError, NotFound
from heine_ai.intents import Intent
from heine_ai.lifespan import build_shop, close_state
from heine_ai.messages import Channel, InboundMessage, Reply
from heine_ai.orders.commerce import ActionKind, ActionRequest, ActionState, execute
from heine_ai.orders.http import HttpCommerce
from heine_ai.orders.wire import request_to_json
from tests.conftest import SettingsFactory
from tests.support.commerce_server import TOKEN, Faults, http_settings, reference_shop
from tests.support.embedder import MemoEmbedder
from tests.support.installations import Templates, build_installed_state
from tests.support.servers import free_port

CONTRACT = yaml.safe_load((Path(__file__).resolve().parents[2] / "docs" / "commerce-api.yaml").read_text("utf-8"))
REGISTRY = Registry().with_resource("urn:commerce", Resource.from_contents(CONTRACT, default_specification=DRAFT202012))
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def schema_validator(pointer: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"urn:commerce#{pointer}"}, registry=REGISTRY)


def conforms(response: httpx.Response, path: str, method: str) -> dict[str, Any]:
    """The response's JSON body, after checking that the contract documents its status for this operation and
    that the body validates against the schema it gives."""
    answers = CONTRACT["paths"][path][method]["responses"]
    status = str(response.status_code)
    assert status in answers, (path, method, response.status_code, response.text)
    where = ["paths", path, method, "responses", status]
    if "$ref" in answers[status]:
        where = answers[status]["$ref"].lstrip("#/").split("/")
    pointer = "/".join(part.replace("~", "~0").replace("/", "~1") for part in [*where, "content", "application/json"])
    body: dict[str, Any] = response.json()
    schema_validator(f"/{pointer}/schema").validate(body)
    return body


@pytest.fixture
def faults() -> Faults:
    return Faults()


@pytest.fixture
def shop(tmp_path: Path, faults: Faults) -> Iterator[str]:
    with reference_shop(tmp_path / "shop.db", faults) as base:
        yield base


@pytest.fixture
def raw(shop: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=shop, headers=AUTH, timeout=10) as client:
        yield client


def action_request(kind: ActionKind = ActionKind.RETURN, **overrides: Any) -> ActionRequest:
    values: dict[str, Any] = {
        "kind": kind,
        "brand": "heine",
        "order_number": "41000001",
        "idempotency_key": f"key-{kind.value}",
        "positions": (1,),
    }
    return ActionRequest(**(values | overrides))


def test_every_answer_of_the_reference_server_fits_the_contract(raw: httpx.Client) -> None:
    found = conforms(
        raw.post("/orders/lookup", json={"brand": "heine", "order_number": "41000001", "postcode": "20095"}),
        "/orders/lookup",
        "post",
    )
    assert [item["name"] for item in found["items"]] == ["Strickkleid", "Jeans"]
    by_mail = raw.post(
        "/orders/lookup", json={"brand": "heine", "order_number": "41000001", "email": "Anna.Berg@example.org"}
    )
    assert conforms(by_mail, "/orders/lookup", "post")["number"] == "41000001"
    wrong = raw.post("/orders/lookup", json={"brand": "heine", "order_number": "41000001", "postcode": "99999"})
    unknown = raw.post("/orders/lookup", json={"brand": "heine", "order_number": "49999999", "postcode": "20095"})
    assert wrong.status_code == unknown.status_code == 404 and wrong.json() == unknown.json()
    conforms(wrong, "/orders/lookup", "post")
    conforms(raw.post("/orders/lookup", json={"brand": "heine", "order_number": "41000001"}), "/orders/lookup", "post")
    assert conforms(raw.get("/stock/H-1001/40", params={"brand": "heine"}), "/stock/{sku}/{size}", "get") == {
        "in_stock": True
    }
    assert conforms(raw.get("/stock/H-1001/42", params={"brand": "heine"}), "/stock/{sku}/{size}", "get") == {
        "in_stock": False
    }

    body = request_to_json(action_request())
    schema_validator("/components/schemas/ActionRequest").validate(body)  # what the client sends fits too
    created = raw.post("/returns", json=body, headers={"Idempotency-Key": "k1"})
    assert created.status_code == 201 and conforms(created, "/returns", "post")["repeated"] is False
    again = raw.post("/returns", json=body, headers={"Idempotency-Key": "k1"})
    assert again.status_code == 200 and conforms(again, "/returns", "post")["id"] == created.json()["id"]
    assert again.json()["repeated"] is True
    other = raw.post("/cancellations", json=body, headers={"Idempotency-Key": "k1"})
    assert (
        other.status_code == 409
        and conforms(other, "/cancellations", "post")["error"]["code"] == "idempotency_conflict"
    )
    shipped = raw.post(
        "/cancellations", json={"brand": "heine", "order_number": "41000003"}, headers={"Idempotency-Key": "k2"}
    )
    assert shipped.status_code == 409 and conforms(shipped, "/cancellations", "post")["error"]["code"] == "conflict"
    no_such_item = raw.post("/returns", json=body | {"positions": [7]}, headers={"Idempotency-Key": "k3"})
    assert no_such_item.status_code == 422 and conforms(no_such_item, "/returns", "post")
    no_key = raw.post("/returns", json=body)
    assert no_key.status_code == 422 and conforms(no_key, "/returns", "post")
    no_order = raw.post("/withdrawals", json=body | {"order_number": "49999999"}, headers={"Idempotency-Key": "k4"})
    assert no_order.status_code == 404 and conforms(no_order, "/withdrawals", "post")

    pending_body = body | {"order_number": "41000002", "needs_approval": "window_passed"}
    pending = conforms(raw.post("/returns", json=pending_body, headers={"Idempotency-Key": "k5"}), "/returns", "post")
    assert pending["state"] == "pending_approval" and pending["approval_reason"] == "window_passed"
    queue = conforms(raw.get("/actions", params={"brand": "heine", "state": "pending_approval"}), "/actions", "get")
    assert [action["id"] for action in queue["actions"]] == [pending["id"]]
    everything = conforms(raw.get("/actions", params={"brand": "heine"}), "/actions", "get")
    assert len(everything["actions"]) == 2
    decision = f"/actions/{pending['id']}/decision"
    approved = conforms(
        raw.post(decision, json={"approve": True, "staff": "petra"}), "/actions/{action_id}/decision", "post"
    )
    assert approved["state"] == "approved" and approved["repeated"] is False
    twice = conforms(
        raw.post(decision, json={"approve": False, "staff": "paul"}), "/actions/{action_id}/decision", "post"
    )
    assert twice["state"] == "approved" and twice["repeated"] is True
    missing = raw.post("/actions/nope/decision", json={"approve": True, "staff": "petra"})
    assert missing.status_code == 404 and conforms(missing, "/actions/{action_id}/decision", "post")
    bad = raw.post(decision, json={"approve": "perhaps"})
    assert bad.status_code == 422 and conforms(bad, "/actions/{action_id}/decision", "post")

    anonymous = httpx.post(f"{raw.base_url}/orders/lookup", json={"brand": "heine", "order_number": "41000001"})
    assert anonymous.status_code == 401 and conforms(anonymous, "/orders/lookup", "post")


async def test_the_client_reads_orders_stock_and_actions(shop: str) -> None:
    client = HttpCommerce(shop, TOKEN)
    order = await client.find_order("heine", "41000005", postcode="01067")
    assert order is not None and [(i.name, i.hygiene) for i in order.items] == [("Bikini", True), ("Sonnenhut", False)]
    assert await client.find_order("heine", "41000005", postcode="99999") is None
    by_address = await client.find_order("heine", "41000005", email="eva.roth@example.org")
    assert by_address is not None and by_address.email == "eva.roth@example.org"  # confirmations go there
    assert await client.find_order("heine", "49999999", postcode="01067") is None
    status = await client.lookup("heine", "40123456", "20095")
    assert status is not None and status.tracking_number == "H1002345678901" and status.items == 2
    assert await client.in_stock("heine", "H-1001", "40") and not await client.in_stock("heine", "H-1001", "42")
    assert await client.in_stock("heine", "H-2002", "38/40") is False  # a slash stays inside its path segment
    await client.aclose()


async def test_an_action_whose_answer_was_lost_is_recorded_once(shop: str, faults: Faults) -> None:
    client = HttpCommerce(shop, TOKEN, backoff_seconds=0.01)
    faults.pending = ["503_after"]  # the shop records the return, then its answer is lost
    record = await client.create_return(action_request())
    assert record.kind is ActionKind.RETURN and record.repeated is False
    assert [r.id for r in await client.actions("heine")] == [record.id]
    keys = [key for method, path, key in faults.seen if path == "/returns"]
    assert keys == ["key-return", "key-return"]  # tried twice, with the same key
    again = await client.create_return(action_request())  # a later confirmation of the same action
    assert again.id == record.id and again.repeated is True
    await client.aclose()


async def test_an_action_answered_too_late_is_retried_and_recorded_once(shop: str, faults: Faults) -> None:
    client = HttpCommerce(shop, TOKEN, timeout=0.3, backoff_seconds=0.01)
    faults.pending = ["slow_after"]
    record = await execute(client, action_request(ActionKind.WITHDRAWAL, order_number="41000006", positions=()))
    assert record.kind is ActionKind.WITHDRAWAL
    withdrawals = [r for r in await client.actions("heine") if r.kind is ActionKind.WITHDRAWAL]
    assert [r.id for r in withdrawals] == [record.id]
    await client.aclose()


async def test_a_shop_that_stays_down_gives_up_without_recording(shop: str, faults: Faults) -> None:
    client = HttpCommerce(shop, TOKEN, attempts=3, backoff_seconds=0.01)
    faults.pending = ["503_before"] * 3
    with pytest.raises(CommerceUnavailable) as failed:
        await client.create_return(action_request())
    assert failed.value.details["status"] == 503
    assert len([path for _, path, _ in faults.seen if path == "/returns"]) == 3
    assert await client.actions("heine") == []
    await client.aclose()


async def test_a_decision_is_never_sent_twice(shop: str, faults: Faults) -> None:
    client = HttpCommerce(shop, TOKEN, backoff_seconds=0.01)
    pending = await client.create_return(action_request(order_number="41000002", needs_approval="window_passed"))
    faults.pending = ["503_after"]  # the decision is taken, its answer lost
    with pytest.raises(CommerceUnavailable):
        await client.decide(pending.id, True, "petra")
    assert len([path for _, path, _ in faults.seen if path.endswith("/decision")]) == 1
    assert [r.state for r in await client.actions("heine")] == [ActionState.APPROVED]
    with pytest.raises(NotFound):
        await client.decide("no-such-action", True, "petra")
    await client.aclose()


async def test_refusals_map_to_the_error_tree(shop: str) -> None:
    client = HttpCommerce(shop, TOKEN)
    with pytest.raises(CommerceConflict):
        await client.cancel(action_request(ActionKind.CANCEL, order_number="41000003", positions=()))
    with pytest.raises(CommerceRejected):
        await client.create_return(action_request(positions=(9,)))
    with pytest.raises(NotFound):
        await client.record_withdrawal(action_request(ActionKind.WITHDRAWAL, order_number="49999999"))
    await client.aclose()
    stranger = HttpCommerce(shop, "wrong-token", backoff_seconds=0.01)
    with pytest.raises(CommerceUnavailable) as refused:
        await stranger.find_order("heine", "41000001", postcode="20095")
    assert refused.value.details["status"] == 401
    await stranger.aclose()


async def test_an_unreachable_shop_is_unavailable() -> None:
    client = HttpCommerce(f"http://127.0.0.1:{free_port()}", TOKEN, attempts=2, backoff_seconds=0.01)
    with pytest.raises(CommerceUnavailable) as failed:
        await client.find_order("heine", "41000001", postcode="20095")
    assert failed.value.details["error"] == "ConnectError"
    await client.aclose()


async def test_a_failing_shop_hands_the_customer_to_a_person(
    shop: str, faults: Faults, make_settings: SettingsFactory, embedder: MemoEmbedder, templates: Templates
) -> None:
    state = await build_installed_state(make_settings(**http_settings(shop)), embedder, templates, demo=False)
    session: tuple[str | None, str | None] = (None, None)

    async def say(text: str) -> Reply:
        nonlocal session
        message = InboundMessage("heine", Channel.WEB, text, thread_key=session[0], session_token=session[1])
        reply = await state.assistant.handle(message)
        session = (reply.session_id, session[1] or reply.session_token)
        return reply

    try:
        proposal = await say("Ich möchte das Strickkleid zurückschicken, Bestellung 41000001, PLZ 20095")
        assert proposal.intent is Intent.ACTION_CONFIRM
        faults.pending = ["503_before"] * 3  # every try of the confirmed return fails
        answer = await say("Ja")
        assert answer.escalation_required and answer.intent is not Intent.ACTION_DONE
        assert await state.orders.actions("heine") == []
    finally:
        await close_state(state)


def test_http_without_a_url_refuses_the_start(make_settings: SettingsFactory) -> None:
    with pytest.raises(ConfigError, match="COMMERCE_URL"):
        build_shop(make_settings(commerce_backend="http"))
    assert isinstance(
        build_shop(make_settings(commerce_backend="http", commerce_url="http://127.0.0.1:1")), HttpCommerce
    )


def test_generated_requests_find_no_contract_violation(shop: str, tmp_path: Path) -> None:
    """Schemathesis sends requests generated from the contract, valid and invalid, and checks every answer: a
    documented status, a body of the documented schema, invalid requests refused, no server error."""
    contract = Path(__file__).resolve().parents[2] / "docs" / "commerce-api.yaml"
    command = [
        str(Path(sys.executable).parent / "schemathesis"),
        "run",
        str(contract),
        "--url",
        shop,
        "--header",
        f"Authorization: Bearer {TOKEN}",
        "--checks",
        "all",
        "--max-examples",
        "5",
        "--seed",
        "20261206",
        "--no-color",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-4000:]


async def test_a_wrong_url_is_unavailable_not_an_empty_answer(shop: str) -> None:
    client = HttpCommerce(f"{shop}/wrong-prefix", TOKEN)
    with pytest.raises(CommerceUnavailable):
        await client.in_stock("heine", "H-1001", "40")
    with pytest.raises(CommerceUnavailable):
        await client.actions("heine")
    await client.aclose()


def test_a_customers_order_and_an_orders_address_over_the_contract(raw: httpx.Client) -> None:
    """The identity additions of contract 1.1.0: a signed-in customer's order by customer id, another customer's
    404 like an unknown order, and the order's address for a one-time code."""
    lookup = {"brand": "heine", "order_number": "41000001"}
    own = conforms(raw.post("/orders/lookup", json=lookup | {"customer_id": "K-200001"}), "/orders/lookup", "post")
    assert (own["number"], own["customer_id"]) == ("41000001", "K-200001")
    foreign = raw.post("/orders/lookup", json=lookup | {"customer_id": "K-200002"})
    unknown = raw.post("/orders/lookup", json={"brand": "heine", "order_number": "49999999", "customer_id": "K-1"})
    assert foreign.status_code == unknown.status_code == 404 and foreign.json() == unknown.json()
    conforms(foreign, "/orders/lookup", "post")
    guest = raw.post("/orders/lookup", json={"brand": "heine", "order_number": "41000006", "postcode": "04109"})
    assert conforms(guest, "/orders/lookup", "post")["customer_id"] is None
    contact = conforms(raw.post("/orders/contact", json=lookup), "/orders/contact", "post")
    assert contact == {"email": "anna.berg@example.org"}
    missing = raw.post("/orders/contact", json={"brand": "heine", "order_number": "49999999"})
    assert missing.status_code == 404
    conforms(missing, "/orders/contact", "post")
    conforms(raw.post("/orders/contact", json={"brand": "heine"}), "/orders/contact", "post")  # 422


async def test_the_http_client_finds_by_customer_id_and_names_the_orders_address(shop: str) -> None:
    client = HttpCommerce(shop, TOKEN)
    try:
        order = await client.find_order("heine", "41000009", customer_id="K-200001")
        assert order is not None and order.customer_id == "K-200001" and order.items[0].name == "Strickkleid"
        assert await client.find_order("heine", "41000002", customer_id="K-200001") is None
        assert await client.find_order("heine", "41000002") is None  # no credentials: not even asked
        assert await client.order_contact("heine", "41000009") == "ida.kern@example.org"
        assert await client.order_contact("heine", "49999999") is None
    finally:
        await client.aclose()

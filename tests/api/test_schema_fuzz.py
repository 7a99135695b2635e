"""Schemathesis over the whole OpenAPI document against the real app on a loopback port (issue 19, CI scans).

Every operation gets schema-valid and schema-invalid requests (a bounded number of each), as an admin's staff
account (the operator token cannot act on the agent and privacy routes); a response must be no server error and
carry a status the document names for that operation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import status_code_conformance

from heine_ai.security.tokens import Role
from tests.channels.chat.conftest import serve
from tests.conftest import StateFactory

EXAMPLES = 15  # per operation and mode: bounded, so the suite's time stays predictable


@dataclass
class Fuzz:
    base: str
    headers: dict[str, str]
    sent: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def operation(self, operation: schemathesis.APIOperation, mode: GenerationMode) -> None:
        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def run(case: schemathesis.Case) -> None:
            response = case.call(base_url=self.base, headers=self.headers)
            self.sent[response.status_code] += 1
            try:
                case.validate_response(response, checks=[not_a_server_error, status_code_conformance])
            except AssertionError as exc:
                self.failures.append(f"{operation.label} -> {response.status_code}: {exc!s:.300}")

        try:
            run()
        except Unsatisfiable:  # no invalid request exists for an operation without parameters or body
            assert mode is GenerationMode.NEGATIVE, operation.label


def _admin_account(base: str, operator: str) -> str:
    account = {"username": "fuzz", "display_name": "Fuzz", "password": "ein-langes-passwort-1", "role": "admin"}
    created = httpx.post(
        f"{base}/api/v1/admin/agents",
        json=account | {"brands": ["heine"]},
        headers={"Authorization": f"Bearer {operator}"},
    )
    assert created.status_code == 201, created.text
    login = httpx.post(f"{base}/api/v1/auth/login", json={"username": "fuzz", "password": account["password"]})
    assert login.status_code == 200, login.text
    return str(login.json()["access_token"])


@pytest.mark.timeout(900)
def test_every_operation_answers_only_documented_statuses_and_never_a_server_error(make_state: StateFactory) -> None:
    state = make_state(ingest=False)
    for server in serve(state):
        token = _admin_account(server.base, state.tokens.issue("ops", Role.ADMIN))
        fuzz = Fuzz(server.base, {"Authorization": f"Bearer {token}"})
        schema = schemathesis.openapi.from_url(server.base + "/openapi.json")
        operations = [result.ok() for result in schema.get_all_operations()]
        for operation in operations:
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                fuzz.operation(operation, mode)
        print(f"schemathesis: {len(operations)} operations, {sum(fuzz.sent.values())} requests, {dict(fuzz.sent)}")
        assert operations and sum(fuzz.sent.values()) > 10 * len(operations)
        assert sorted(set(fuzz.failures)) == []

"""Schemathesis over the whole OpenAPI document against the real app on a loopback port (issue 19, CI scans).

Every operation gets schema-valid and schema-invalid requests (a bounded number of each), as an operator
token; a response must be no server error and carry a status the document names for that operation.
"""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import status_code_conformance

from heine_ai.security.tokens import Role
from tests.channels.chat.conftest import serve
from tests.conftest import StateFactory

EXAMPLES = 15  # per operation and mode: bounded, so the suite's time stays predictable


@pytest.mark.timeout(900)
def test_every_operation_answers_only_documented_statuses_and_never_a_server_error(make_state: StateFactory) -> None:
    state = make_state(ingest=False)
    for server in serve(state):
        schema = schemathesis.openapi.from_url(server.base + "/openapi.json")
        headers = {"Authorization": f"Bearer {state.tokens.issue('fuzz', Role.ADMIN)}"}
        failures: list[str] = []
        sent: Counter[int] = Counter()
        for result in schema.get_all_operations():
            operation = result.ok()
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

                @given(case=operation.as_strategy(generation_mode=mode))
                @settings(
                    max_examples=EXAMPLES,
                    deadline=None,
                    database=None,
                    phases=[Phase.explicit, Phase.generate],
                    suppress_health_check=list(HealthCheck),
                )
                def run(case: schemathesis.Case) -> None:
                    response = case.call(base_url=server.base, headers=headers)
                    sent[response.status_code] += 1
                    try:
                        case.validate_response(response, checks=[not_a_server_error, status_code_conformance])
                    except AssertionError as exc:
                        failures.append(f"{operation.label} -> {response.status_code}: {str(exc).splitlines()[0]}")

                run()
        print(f"schemathesis: {sum(sent.values())} requests, statuses {dict(sorted(sent.items()))}")
        assert sum(sent.values()) > 0
        assert sorted(set(failures)) == []

"""Fixtures of the hand-off tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from heine_ai.app import create_app
from tests.channels.email.conftest import build_email_state, email_state, mail_servers, shop  # noqa: F401 (the e-mail fixtures)
from tests.conftest import StateFactory


@pytest.fixture
def light_client(make_state: StateFactory, database_url: str) -> Iterator[TestClient]:
    """The real app over SQLite and PostgreSQL without the demo knowledge (escalations need none): fast."""
    state = make_state(database_url=database_url, ingest=False)
    with TestClient(create_app(state)) as test_client:
        yield test_client

"""Fixtures of the privacy tests: the app without the demo knowledge (nothing here needs answers), the e-mail
channel's real mail servers (the erasure test seeds mails too) and the command line's installation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from heine_ai.app import create_app
from heine_ai.app_state import AppState
from tests.channels.email.conftest import mail_servers, shop  # noqa: F401 (the e-mail fixtures)
from tests.conftest import StateFactory
from tests.handoff.test_cli_and_feed import cli_env  # noqa: F401 (an installation the command line uses)


@pytest.fixture
def client(make_state: StateFactory, database_url: str) -> Iterator[TestClient]:
    """The real app over SQLite and PostgreSQL, without the demo knowledge."""
    with TestClient(create_app(make_state(database_url=database_url, ingest=False))) as test_client:
        yield test_client


def app_state(client: TestClient) -> AppState:
    state: AppState = client.app.state.heine  # type: ignore[attr-defined]
    return state

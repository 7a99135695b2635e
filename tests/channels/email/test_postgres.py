"""The same channel on PostgreSQL: answer, continue the thread, and recover from a worker killed mid-way."""

from __future__ import annotations

import pytest

from heine_ai.lifespan import close_state
from tests.channels.email.conftest import EmailStateFactory, Shop
from tests.channels.email.helpers import ask, records, replies
from tests.channels.email.test_crash import Killed, channel


async def test_thread_and_crash_recovery_on_postgres(
    migrated_postgres_url: str, shop: Shop, build_email_state: EmailStateFactory
) -> None:
    state = await build_email_state(brands_dir=shop.brands_dir, database_url=migrated_postgres_url)
    try:
        ask(shop, "Rücksendung", "Wie lange habe ich Zeit für eine Rücksendung?", "<pg1@example.test>")
        with pytest.raises(Killed):
            await channel(state, crash_at="planned").run_once()
        await channel(state).run_once()
        first = replies(shop)[-1]
        ask(shop, "Re: Rücksendung", "Und ist sie kostenlos?", "<pg2@example.test>", in_reply_to=first["Message-ID"])
        await channel(state).run_once()
        assert [r["In-Reply-To"] for r in replies(shop)] == ["<pg1@example.test>", "<pg2@example.test>"]
        inbound = await records(state)
        assert inbound["<pg1@example.test>"].conversation_id == inbound["<pg2@example.test>"].conversation_id
        assert {r.state for r in inbound.values()} == {"answered"}
    finally:
        await close_state(state)

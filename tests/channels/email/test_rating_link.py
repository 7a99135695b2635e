"""The rating link in e-mail replies (the real Dovecot and aiosmtpd): with ``PUBLIC_URL`` set, every reply carries
a signed link to a rating page; the rating is stored once and a forged link rates nothing."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from heine_ai.app import create_app
from heine_ai.lifespan import close_state
from tests.channels.email.conftest import EmailStateFactory, Shop
from tests.channels.email.helpers import ask, body, records, replies

PUBLIC = "https://service.heine.example"


async def test_a_reply_carries_a_rating_link_that_rates_its_conversation_once(
    shop: Shop, build_email_state: EmailStateFactory, tmp_path: Path
) -> None:
    state = await build_email_state(brands_dir=shop.brands_dir, public_url=PUBLIC)
    try:
        assert state.email is not None
        ask(shop, "Lieferung", "Wie lange dauert die Lieferung?", "<rate1@example.test>")
        await state.email.run_once()
        text = body(replies(shop)[0])
        found = re.search(rf"{re.escape(PUBLIC)}(/rate/[\w.-]+)", text)
        assert found is not None, text
        assert text.index("Bewerten Sie sie hier") < text.index("KI-Assistent")  # above the AI disclosure
        conversation_id = (await records(state))["<rate1@example.test>"].conversation_id
        path = found.group(1)
        await state.engine.dispose()  # the app runs on its own event loop
        with TestClient(create_app(state)) as client:
            page = client.get(path)
            assert page.status_code == 200 and 'name="score"' in page.text and 'lang="de"' in page.text
            assert page.headers["referrer-policy"] == "no-referrer"
            done = client.post(path, data={"score": "2", "comment": "Zu langsam"})
            assert done.status_code == 200 and "Vielen Dank für Ihre Bewertung" in done.text
            assert client.post(path, data={"score": "5"}).status_code == 409  # once
            assert "bereits bewertet" in client.get(path).text
            assert client.post(path, data={"score": "9"}).status_code == 422
            forged = client.get(path[:-3] + "abc")
            assert forged.status_code == 404 and "ungültig" in forged.text
        rating = await state.ratings.of(conversation_id or "")
        assert rating is not None and (rating.score, rating.comment, rating.with_person) == (2, "Zu langsam", False)
    finally:
        await close_state(state)

"""How long `heine-ai keys rotate` takes on a filled database (SQLite, in-process).

Fills a throw-away installation with N conversations of 4 messages each (one customer per 10 conversations,
every tenth conversation escalated with a ticket) under one encryption key and one lookup key, then rotates to
new keys in front of the old ones (the service's procedure), times the rotation and a second run that finds
nothing left to do, and checks that the new keys alone read every message.

    .venv/bin/python bench/key_rotation.py --conversations 2000
"""

from __future__ import annotations

import argparse
import asyncio
import time
from datetime import timedelta

from sqlalchemy import select

from common import ROOT
from heine_ai.app_state import AppState
from heine_ai.conversations.service import NewMessage
from heine_ai.db import key_rotation
from heine_ai.db.models import Message, Ticket, utcnow
from heine_ai.installation import temporary_installation
from heine_ai.messages import Channel
from heine_ai.security.crypto import Cipher, new_fernet_key

TEXT = "Guten Tag, wie lange dauert die Lieferung nach Musterstadt? Meine Telefonnummer ist 0171 1234567."


async def fill(state: AppState, conversations: int) -> None:
    service = state.conversations
    for number in range(conversations):
        async with service.sessions() as session, session.begin():
            conversation, _ = await service.open(session, "heine", Channel.API, f"K-{number // 10}")
            for role in ("customer", "assistant", "customer", "assistant"):
                await service.append(session, conversation.id, NewMessage(role=role, content=TEXT))
            if number % 10 == 0:
                session.add(
                    Ticket(
                        conversation_id=conversation.id,
                        brand="heine",
                        reason="complaint",
                        priority="high",
                        sla_due_at=utcnow() + timedelta(hours=4),
                        summary_enc=state.cipher.encrypt("Reklamation: Jacke kam beschädigt an."),
                    )
                )


async def main(conversations: int, batch_size: int) -> None:
    old_key, old_lookup = new_fernet_key(), new_fernet_key()
    async with temporary_installation(
        prefix="heine-bench-",
        config_file=ROOT / "config" / "system.yaml",
        brands_dir=ROOT / "config" / "brands",
        encryption_key=old_key,
        lookup_hash_key=old_lookup,
    ) as state:
        started = time.perf_counter()
        await fill(state, conversations)
        print(f"filled {conversations} conversations in {time.perf_counter() - started:.1f} s")
        new_key, new_lookup = new_fernet_key(), new_fernet_key()
        both = Cipher(f"{new_key},{old_key}", f"{new_lookup},{old_lookup}")
        started = time.perf_counter()
        counts = await key_rotation.rotate(state.sessions, both, batch_size=batch_size)
        seconds = time.perf_counter() - started
        rows = sum(n for name, n in counts.items() if ":" not in name)
        print(f"rotate: {rows} values rewritten in {seconds:.2f} s ({rows / seconds:.0f}/s), batches of {batch_size}")
        for name, count in sorted(counts.items()):
            print(f"  {name}\t{count}")
        started = time.perf_counter()
        again = await key_rotation.rotate(state.sessions, both, write=False)
        left = sum(n for name, n in again.items() if ":" not in name)
        print(f"status afterwards: {left} values left, scanned in {time.perf_counter() - started:.2f} s")
        new_only = Cipher(new_key, new_lookup)
        async with state.sessions() as session:
            texts = list(await session.scalars(select(Message.content_enc)))
        assert all(new_only.decrypt(text) == TEXT for text in texts)
        await key_rotation.check(state.sessions, new_only)
        print(f"the new keys alone read all {len(texts)} messages")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=500)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.conversations, arguments.batch_size))

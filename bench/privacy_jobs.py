"""How long an erasure and a retention run take on a filled database (SQLite, in-process).

Fills a throw-away installation with N bot conversations of 4 messages each (one customer per 10 conversations,
one customer with 20 conversations of 40 messages), then times: the export and the erasure of that customer among
the rest (with SQLite's secure_delete and the WAL checkpoint), and one retention run that deletes every other
conversation as past its 90 days.

    .venv/bin/python bench/privacy_jobs.py --conversations 2000
"""

from __future__ import annotations

import argparse
import asyncio
import time
from datetime import timedelta

from common import temporary_state
from heine_ai.app_state import AppState
from heine_ai.conversations.service import NewMessage
from heine_ai.db.models import utcnow
from heine_ai.messages import Channel
from heine_ai.privacy.subjects import Subject, SubjectKind

TEXT = "Guten Tag, wie lange dauert die Lieferung nach Musterstadt? Meine Telefonnummer ist 0171 1234567."


async def fill(state: AppState, conversations: int, customer: str) -> None:
    service = state.conversations
    for number in range(conversations):
        async with service.sessions() as session, session.begin():
            conversation, _ = await service.open(session, "heine", Channel.API, f"K-{number // 10}")
            for role in ("customer", "assistant", "customer", "assistant"):
                await service.append(session, conversation.id, NewMessage(role=role, content=TEXT))
    for _ in range(20):
        async with service.sessions() as session, session.begin():
            conversation, _ = await service.open(session, "heine", Channel.API, customer)
            for seq in range(40):
                role = "customer" if seq % 2 == 0 else "assistant"
                await service.append(session, conversation.id, NewMessage(role=role, content=TEXT))


async def main(conversations: int) -> None:
    async with temporary_state() as state:
        started = time.perf_counter()
        await fill(state, conversations, "K-BENCH")
        print(f"filled {conversations + 20} conversations in {time.perf_counter() - started:.1f} s")
        person = [Subject(SubjectKind.CUSTOMER_ID, "K-BENCH")]
        started = time.perf_counter()
        document = await state.privacy.export(person, "bench")
        exported = time.perf_counter() - started
        messages = sum(len(c["messages"]) for c in document["conversations"])
        print(
            f"export: {len(document['conversations'])} conversations, {messages} messages in {exported * 1000:.0f} ms"
        )
        started = time.perf_counter()
        receipt = await state.privacy.erase(person, "bench")
        print(f"erase: {receipt.deleted} in {(time.perf_counter() - started) * 1000:.0f} ms")
        started = time.perf_counter()
        deleted = await state.retention.run(utcnow() + timedelta(days=91))
        seconds = time.perf_counter() - started
        total = deleted[("heine", "bot_conversation")]
        print(f"retention: {total} conversations ({total * 4} messages) in {seconds:.2f} s, {total / seconds:.0f}/s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=2000)
    asyncio.run(main(parser.parse_args().conversations))

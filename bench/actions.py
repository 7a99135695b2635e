"""How many action dialogues the assistant completes without a person, and in how many customer turns.

Replays the scripted customers of bench/data/action_dialogues.yaml against a throw-away installation (demo shop,
no knowledge needed) and classifies each by the assistant's last reply: completed (the action was executed),
approval (passed to a person for approval), refused (the brand's policy does not allow it: the customer was told
why), handed over (identity failed), or unfinished.

    .venv/bin/python bench/actions.py
"""

from __future__ import annotations

import asyncio
import statistics
from collections import Counter

import yaml

from common import ROOT, temporary_state
from heine_ai.intents import Intent
from heine_ai.messages import Channel, InboundMessage

DIALOGUES = ROOT / "bench" / "data" / "action_dialogues.yaml"
OUTCOMES = {
    Intent.ACTION_DONE: "completed",
    Intent.ACTION_APPROVAL: "approval",
    Intent.ACTION_REFUSED: "refused",
}


async def main() -> None:
    dialogues = yaml.safe_load(DIALOGUES.read_text(encoding="utf-8"))
    outcomes: Counter[str] = Counter()
    turns_to_done: list[int] = []
    async with temporary_state() as state:
        for dialogue in dialogues:
            session = token = None
            outcome, turns = "unfinished", 0
            for text in dialogue:
                turns += 1
                message = InboundMessage("heine", Channel.WEB, str(text), session, session_token=token)
                reply = await state.assistant.handle(message)
                session, token = reply.session_id, token or reply.session_token
                if reply.escalation_required:
                    outcome = "handed_over"
                    break
                if reply.intent in OUTCOMES:
                    outcome = OUTCOMES[reply.intent]
                    break
            outcomes[outcome] += 1
            if outcome == "completed":
                turns_to_done.append(turns)
    total = sum(outcomes.values())
    without_person = outcomes["completed"] + outcomes["refused"]
    print(f"dialogues: {total}  " + "  ".join(f"{k}: {v}" for k, v in sorted(outcomes.items())))
    print(f"completed without a person: {outcomes['completed']}/{total} = {outcomes['completed'] / total:.0%}")
    print(f"resolved without a person (completed or policy explained): {without_person / total:.0%}")
    print(f"median customer turns per completed action: {statistics.median(turns_to_done):.1f}")


if __name__ == "__main__":
    asyncio.run(main())

"""A real HTTP server on loopback speaking the OpenAI chat-completions protocol, with scripted failures.

Each request takes the next step of ``script``: ``ok:<text>`` streams the text, ``429`` and ``500`` answer with
that status, ``sleep:<seconds>`` answers late, ``malformed`` sends a body that is not JSON, ``drop`` closes the
stream half-way. When the script is empty, the last step repeats. ``bodies`` keeps every request body.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse

from tests.support.live import serve_app


@dataclass
class FakeOpenAI:
    script: list[str] = field(default_factory=list)
    bodies: list[dict[str, Any]] = field(default_factory=list)
    last: str = "ok:Gerne."

    def next_step(self) -> str:
        if self.script:
            self.last = self.script.pop(0)
        return self.last


def _chunk(content: str) -> str:
    payload = {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "fake",
        "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}],
    }
    return f"data: {json.dumps(payload)}\n\n"


def build_app(fake: FakeOpenAI) -> FastAPI:
    app = FastAPI()

    @app.get("/v1/models")
    async def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": "fake", "object": "model", "created": 0, "owned_by": "test"}]}

    @app.post("/v1/chat/completions")
    async def completions(request: Request) -> Response:
        fake.bodies.append(await request.json())
        step = fake.next_step()
        if step in ("429", "500"):
            return JSONResponse({"error": {"message": "scripted", "type": "test"}}, status_code=int(step))
        if step.startswith("sleep:"):
            await asyncio.sleep(float(step.split(":", 1)[1]))
            step = "ok:Zu spät."
        if step == "malformed":
            return PlainTextResponse("data: {not json\n\n", media_type="text/event-stream")
        words = step.split(":", 1)[1].split(" ") if step.startswith("ok:") else ["Gerne", "helfe", "ich"]

        async def events() -> AsyncIterator[str]:
            for index, word in enumerate(words):
                if step == "drop" and index == 2:
                    raise ConnectionResetError("scripted drop")
                yield _chunk(word if index == 0 else " " + word)
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return app


@contextmanager
def fake_openai_server(fake: FakeOpenAI) -> Iterator[str]:
    with serve_app(build_app(fake)) as base:
        yield base + "/v1"

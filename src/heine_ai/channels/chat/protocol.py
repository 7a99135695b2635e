"""The JSON protocol of ``/api/v1/ws/chat`` (docs/websocket-protocol.md): client frames and server events."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from heine_ai.errors import AppError, MalformedFrame, UnknownFrameType, ValidationFailed


class _Frame(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Hello(_Frame):
    """Opens a new session (no ``session_id``) or resumes one with its token (or a staff JWT)."""

    type: Literal["hello"]
    brand: str = Field(min_length=1, max_length=64)
    session_id: str | None = Field(None, min_length=1, max_length=64)
    session_token: str | None = Field(None, max_length=4096)
    last_seq: int = Field(0, ge=0)
    # a customer the shop signed in: its id and HMAC-SHA256(identity secret, id), hex (``security/user_hash.py``)
    customer_id: str | None = Field(None, min_length=1, max_length=128)
    user_hash: str | None = Field(None, pattern=r"^[0-9a-fA-F]{64}$")


class ChatText(_Frame):
    """A customer message; ``client_id`` (the client's own id for it) makes a resend store and answer it once."""

    type: Literal["message"]
    text: str
    client_id: str | None = Field(None, pattern=r"^[A-Za-z0-9_-]{1,64}$")


class Typing(_Frame):
    type: Literal["typing"]
    active: bool = True


class Ping(_Frame):
    type: Literal["ping"]
    nonce: str | None = Field(None, max_length=64)


ClientFrame = Annotated[Hello | ChatText | Typing | Ping, Field(discriminator="type")]
FRAME_TYPES = ("hello", "message", "typing", "ping")
_frames: TypeAdapter[Hello | ChatText | Typing | Ping] = TypeAdapter(ClientFrame)


def parse_frame(raw: str) -> Hello | ChatText | Typing | Ping:
    """One client frame; bad JSON, an unknown type and invalid fields each raise their own ``AppError``."""
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise MalformedFrame("The frame is not valid JSON.") from exc
    if not isinstance(data, dict):
        raise MalformedFrame("The frame must be a JSON object with a 'type'.")
    if data.get("type") not in FRAME_TYPES:
        raise UnknownFrameType("Unknown frame type.", details={"known": list(FRAME_TYPES)})
    try:
        return _frames.validate_python(data)
    except ValidationError as exc:
        fields = [
            {"field": ".".join(str(p) for p in error["loc"][1:]), "problem": error["msg"]} for error in exc.errors()
        ]
        raise ValidationFailed("The frame is not valid.", details={"errors": fields}) from exc


def error_event(error: AppError, client_id: str | None = None) -> dict[str, Any]:
    """The ``error`` event; for a refused ``message`` its ``client_id`` is in ``details``."""
    event: dict[str, Any] = {"type": "error", "code": error.code, "message": error.message}
    details = {**error.details, "client_id": client_id} if client_id else error.details
    if details:
        event["details"] = details
    return event


def client_id_of(raw: str | None) -> str | None:
    """The ``client_id`` of a refused frame that looks like a ``message``, so the client knows which one failed."""
    try:
        data = json.loads(raw or "")
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("type") != "message":
        return None
    client_id = data.get("client_id")
    return client_id if isinstance(client_id, str) and 0 < len(client_id) <= 64 else None


def encode(event: dict[str, Any]) -> str:
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))

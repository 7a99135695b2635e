"""The telephony provider's voice webhooks (Twilio's format): call started, speech result, call status.

Every request must carry the provider's signature over its URL and form parameters (``X-Twilio-Signature``); one
without it, or with a wrong one, is refused with 403 and logged. The replies are TwiML.
"""

from __future__ import annotations

import json

from fastapi import APIRouter, Query, Request, Response, WebSocket, WebSocketDisconnect

from heine_ai.api.deps import State
from heine_ai.channels.phone.channel import WEBHOOK_PATH, Heard, PhoneChannel
from heine_ai.channels.phone.lines import PhoneLine
from heine_ai.channels.phone.media import MediaStream
from heine_ai.channels.phone.signature import is_valid
from heine_ai.errors import AppError, InvalidSignature, PhoneLineNotFound, ValidationFailed
from heine_ai.observability.logging import get_logger

router = APIRouter(prefix=WEBHOOK_PATH, tags=["phone"])
log = get_logger(__name__)
TWIML = "application/xml"
MAX_FIELD = 4000  # characters of one form field; a speech result is far shorter


def signed_url(line: PhoneLine, request: Request) -> str:
    """The URL the provider signed: the line's public URL with this path and query, else the request's own."""
    if line.config.public_url is None:
        return str(request.url)
    query = f"?{request.url.query}" if request.url.query else ""
    return line.config.public_url.rstrip("/") + request.url.path + query


async def verified_form(state: State, request: Request, brand: str) -> tuple[PhoneChannel, PhoneLine, dict[str, str]]:
    """The channel, the brand's line and the request's form, once its signature is checked."""
    channel = state.phone
    if channel is None:
        raise PhoneLineNotFound("No brand has a phone line.")
    line = channel.line(brand)
    form = await request.form()
    params = [(name, value) for name, value in form.multi_items() if isinstance(value, str)]
    if not is_valid(signed_url(line, request), params, line.auth_token, request.headers.get("X-Twilio-Signature")):
        state.metrics.phone_rejected.labels(brand=brand).inc()
        log.warning(
            "phone_signature_rejected",
            brand=brand,
            path=request.url.path,
            signed="X-Twilio-Signature" in request.headers,
        )
        raise InvalidSignature("The request's X-Twilio-Signature is missing or wrong.")
    fields = dict(params)
    if any(len(value) > MAX_FIELD for value in fields.values()):
        raise ValidationFailed("A form field is too long.")
    if not fields.get("CallSid"):
        raise ValidationFailed("CallSid is required.")
    return channel, line, fields


@router.post("/{brand}/voice", summary="A call started: the greeting and the first question (TwiML)")
async def voice(brand: str, request: Request, state: State) -> Response:
    channel, line, form = await verified_form(state, request, brand)
    public_base = line.config.public_url or str(request.base_url)
    twiml = await channel.started(line, form["CallSid"], form.get("From") or None, public_base)
    return Response(twiml, media_type=TWIML)


@router.post("/{brand}/speech", summary="What the caller said or typed: the reply (TwiML)")
async def speech(
    brand: str,
    request: Request,
    state: State,
    turn: int = Query(1, ge=1, le=1000),
    misses: int = Query(0, ge=0, le=10),
) -> Response:
    channel, line, form = await verified_form(state, request, brand)
    heard = Heard(form["CallSid"], form.get("SpeechResult", ""), form.get("Digits", ""), turn, misses)
    return Response(await channel.heard(line, heard), media_type=TWIML)


@router.post("/{brand}/status", status_code=204, summary="The call's status: a call that ended is closed")
async def status(brand: str, request: Request, state: State) -> Response:
    channel, line, form = await verified_form(state, request, brand)
    await channel.status(line, form["CallSid"], form.get("CallStatus", ""))
    return Response(status_code=204)


@router.post("/{brand}/after-stream", summary="The media stream ended: the hotline or the end of the call (TwiML)")
async def after_stream(brand: str, request: Request, state: State) -> Response:
    channel, line, form = await verified_form(state, request, brand)
    return Response(await channel.after_stream(line, form["CallSid"]), media_type=TWIML)


@router.websocket("/{brand}/stream")
async def stream(websocket: WebSocket, brand: str) -> None:
    """The call's audio both ways (``channels/phone/media.py``); the handshake carries the provider's signature
    over the stream's URL."""
    state = websocket.app.state.heine
    channel = state.phone
    line = channel.find_line(brand) if channel is not None else None
    url = str(websocket.url)
    if line is not None and line.config.public_url is not None:
        public = line.config.public_url.replace("https://", "wss://").replace("http://", "ws://").rstrip("/")
        url = public + websocket.url.path
    signature = websocket.headers.get("X-Twilio-Signature")
    if line is None or channel is None or channel.engines is None or not is_valid(url, [], line.auth_token, signature):
        if line is not None:
            state.metrics.phone_rejected.labels(brand=brand).inc()
        log.warning("phone_stream_rejected", brand=brand, has_line=line is not None, signed=signature is not None)
        await websocket.close(code=1008)  # before accept: the handshake is answered 403
        return
    await websocket.accept()
    media = MediaStream(channel, line, channel.engines, websocket.send_json)
    try:
        while not media.finished:
            frame = json.loads(await websocket.receive_text())
            if not isinstance(frame, dict) or not await media.receive(frame):
                break
    except WebSocketDisconnect:
        return
    except (json.JSONDecodeError, AppError) as exc:  # not the provider's protocol, or a call we never started
        log.warning("phone_stream_refused", brand=brand, error=type(exc).__name__)
        await websocket.close(code=1008)
        return
    await websocket.close()

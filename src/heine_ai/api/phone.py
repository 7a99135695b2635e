"""The telephony provider's voice webhooks (Twilio's format): call started, speech result, call status.

Every request must carry the provider's signature over its URL and form parameters (``X-Twilio-Signature``); one
without it, or with a wrong one, is refused with 403 and logged. The replies are TwiML.
"""

from __future__ import annotations

from fastapi import APIRouter, Query, Request, Response

from heine_ai.api.deps import State
from heine_ai.channels.phone.channel import WEBHOOK_PATH, Heard, PhoneChannel
from heine_ai.channels.phone.lines import PhoneLine
from heine_ai.channels.phone.signature import is_valid
from heine_ai.errors import InvalidSignature, PhoneLineNotFound, ValidationFailed
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
    twiml = await channel.started(line, form["CallSid"], form.get("From") or None)
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

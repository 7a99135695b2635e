"""Satisfaction ratings: the widget's endpoint (session token) and the page behind an e-mail's rating link.

The page is plain HTML with a form (no script), in the brand's language; the link's signed token names the
conversation (``conversations/ratings.py``).
"""

from __future__ import annotations

import html
from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field

from heine_ai.api.agent_schemas import RatingOut
from heine_ai.api.deps import Caller, State
from heine_ai.app_state import AppState
from heine_ai.config import BrandConfig
from heine_ai.errors import AlreadyRated, InvalidToken

router = APIRouter(tags=["chat"])
page_router = APIRouter(include_in_schema=False)

Score = Annotated[int, Field(ge=1, le=5)]
MAX_COMMENT = 2000
_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # the token stays in this page
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
    "frame-ancestors 'none'",
}


class RatingBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    score: Score
    comment: str | None = Field(None, max_length=MAX_COMMENT)


@router.post(
    "/api/v1/sessions/{session_id}/rating",
    response_model=RatingOut,
    status_code=201,
    summary="The customer rates the conversation (1 to 5, optional comment), once",
)
async def rate(session_id: str, body: RatingBody, state: State, caller: Caller) -> RatingOut:
    view = await state.ratings.rate_by_customer(session_id, caller.session_token, body.score, body.comment)
    return RatingOut.of(view)


@page_router.get("/rate/{token}")
async def rating_page(token: str, state: State) -> HTMLResponse:
    try:
        conversation_id = state.rating_links.conversation(token)
    except InvalidToken:
        return _page(_any_brand(state), None, status=404)
    brand_id, rated = await state.ratings.target(conversation_id)
    brand = state.brands[brand_id]
    return _page(brand, brand.texts_for(brand.language).rating_done if rated else None, form=not rated)


@page_router.post("/rate/{token}")
async def rating_submit(
    token: str,
    state: State,
    score: Annotated[int, Form(ge=1, le=5)],
    comment: Annotated[str, Form(max_length=MAX_COMMENT)] = "",
) -> HTMLResponse:
    try:
        conversation_id = state.rating_links.conversation(token)
    except InvalidToken:
        return _page(_any_brand(state), None, status=404)
    brand_id, _rated = await state.ratings.target(conversation_id)
    brand = state.brands[brand_id]
    try:
        await state.ratings.rate_by_link(conversation_id, score, comment)
    except AlreadyRated:
        return _page(brand, brand.texts_for(brand.language).rating_done, status=409)
    return _page(brand, brand.texts_for(brand.language).rating_thanks)


def _any_brand(state: AppState) -> BrandConfig:
    """An invalid link names no conversation: the page speaks in the first brand's voice."""
    return state.brands[sorted(state.brands)[0]]


def _page(brand: BrandConfig, message: str | None, *, form: bool = False, status: int = 200) -> HTMLResponse:
    """The rating page in the brand's language: the question with five choices and a comment, or a message
    (thanks, already rated, or an invalid link when ``message`` is None and there is no form)."""
    texts = brand.texts_for(brand.language)
    say = html.escape(message if message is not None else texts.rating_invalid)
    body = f"<h1>{html.escape(texts.rating_question)}</h1>"
    if form:
        choices = "".join(
            f'<label><input type="radio" name="score" value="{n}" required> {n}</label>' for n in range(1, 6)
        )
        body += (
            f'<form method="post"><fieldset><legend>{html.escape(texts.rating_scale)}</legend>{choices}</fieldset>'
            f'<label for="comment">{html.escape(texts.rating_comment)}</label>'
            f'<textarea id="comment" name="comment" rows="4" maxlength="{MAX_COMMENT}"></textarea>'
            f'<button type="submit">{html.escape(texts.rating_submit)}</button></form>'
        )
    else:
        body += f'<p role="status">{say}</p>'
    page = (
        f'<!DOCTYPE html><html lang="{brand.language}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(texts.rating_question)}</title>"
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}"
        "fieldset label{display:inline-block;margin-right:1rem;min-width:24px;min-height:24px}"
        "textarea{width:100%;display:block}button{margin-top:1rem;padding:.5rem 1rem}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )
    return HTMLResponse(page, status_code=status, headers=_HEADERS)

"""The return label of a registered return or exchange, by the action's random id (linked in the chat)."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Path
from fastapi.responses import Response

from heine_ai.api.deps import State
from heine_ai.errors import NotFound
from heine_ai.orders.labels import has_label, return_label

router = APIRouter(prefix="/api/v1/brands", tags=["returns"])
ACTION_ID = Path(pattern=r"^[0-9a-f]{32}$")


@router.get("/{brand}/returns/{action_id}/label.pdf", summary="The return label (PDF with a QR code)")
async def label(state: State, brand: str, action_id: str = ACTION_ID) -> Response:
    config = state.brands.get(brand)
    records = [r for r in await state.orders.actions(brand) if r.id == action_id] if config else []
    if config is None or not records or not has_label(records[0]):
        raise NotFound("No return label with this id.")
    pdf = await asyncio.to_thread(return_label, records[0], config.display_name)
    headers = {"Cache-Control": "private, no-store", "Content-Disposition": 'inline; filename="retoure.pdf"'}
    return Response(pdf, media_type="application/pdf", headers=headers)

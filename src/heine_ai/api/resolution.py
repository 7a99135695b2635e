"""The admin's figure of the share of conversations resolved without a person (``handoff/resolution.py``)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from heine_ai.api.deps import Admin, State
from heine_ai.handoff.resolution import REOPEN_DAYS, WINDOW_DAYS

router = APIRouter(prefix="/api/v1/admin", tags=["admin"])


class BrandResolution(BaseModel):
    brand: str
    judged: int
    resolved_without_person: int
    share: float | None  # None while no conversation was judged


class ResolutionOut(BaseModel):
    window_days: int
    reopen_days: int
    brands: list[BrandResolution]


@router.get("/resolution", response_model=ResolutionOut, summary="Share of conversations resolved without a person")
async def resolution(state: State, _admin: Admin) -> ResolutionOut:
    figures = await state.handoff.resolution.refresh_gauge()
    return ResolutionOut(
        window_days=WINDOW_DAYS,
        reopen_days=REOPEN_DAYS,
        brands=[
            BrandResolution(brand=brand, judged=f.judged, resolved_without_person=f.resolved, share=f.share)
            for brand, f in figures.items()
        ],
    )

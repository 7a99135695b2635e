"""The chat widget's configuration per brand: its texts in the brand's voice and the greeting."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from heine_ai.api.deps import State
from heine_ai.errors import BrandNotFound

router = APIRouter(prefix="/api/v1", tags=["chat"])


class WidgetConfigOut(BaseModel):
    brand: str
    display_name: str
    language: str
    greeting: str
    texts: dict[str, str]
    texts_en: dict[str, str]  # for a customer who writes in English: the widget switches once an answer is English


@router.get("/brands/{brand_id}/widget", response_model=WidgetConfigOut, summary="The chat widget's texts")
async def widget_config(brand_id: str, state: State) -> WidgetConfigOut:
    brand = state.brands.get(brand_id)
    if brand is None:
        raise BrandNotFound(f"Unknown brand '{brand_id}'.", details={"known": sorted(state.brands)})
    return WidgetConfigOut(
        brand=brand.id,
        display_name=brand.display_name,
        language=brand.language,
        greeting=brand.greeting,
        texts=brand.widget.model_dump(),
        texts_en=brand.widget_en.model_dump(),
    )

"""The widget's files and the demo shop page, served from the package (no build step, nothing fetched)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

STATIC = Path(__file__).parent / "static"
# short caching: a new release reaches the shops' visitors within minutes
_CACHE = {"Cache-Control": "public, max-age=300"}

router = APIRouter(tags=["widget"], include_in_schema=False)


@router.get("/widget.js")
async def widget_script() -> FileResponse:
    return FileResponse(STATIC / "widget.js", media_type="text/javascript; charset=utf-8", headers=_CACHE)


@router.get("/widget.css")
async def widget_styles() -> FileResponse:
    return FileResponse(STATIC / "widget.css", media_type="text/css; charset=utf-8", headers=_CACHE)


@router.get("/")
async def demo_shop() -> FileResponse:
    """A demo shop page of the brand heine with the widget embedded by its one script tag."""
    return FileResponse(STATIC / "demo.html", media_type="text/html; charset=utf-8")

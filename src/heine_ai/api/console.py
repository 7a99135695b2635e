"""The agent console at ``/console``: hand-written HTML, JavaScript and CSS, no build step."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from heine_ai.errors import NotFound

router = APIRouter(tags=["console"], include_in_schema=False)
CONSOLE = Path(__file__).resolve().parents[1] / "web" / "console"
ASSETS = {"console.js": "text/javascript; charset=utf-8", "console.css": "text/css; charset=utf-8"}
HEADERS = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; "
    "frame-ancestors 'none'"
)


@router.get("/console")
async def console_page() -> FileResponse:
    headers = {**HEADERS, "Content-Security-Policy": CSP}
    return FileResponse(CONSOLE / "index.html", media_type="text/html; charset=utf-8", headers=headers)


@router.get("/console/{asset}")
async def console_asset(asset: str) -> FileResponse:
    media_type = ASSETS.get(asset)
    if media_type is None:
        raise NotFound("No such console file.")
    return FileResponse(CONSOLE / asset, media_type=media_type, headers=HEADERS)

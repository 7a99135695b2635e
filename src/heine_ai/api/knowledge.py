"""Admin API for the brands' knowledge: ingest URLs or uploaded files, and the state of every knowledge base.

``POST /api/v1/admin/knowledge/{brand}/ingest`` takes either JSON ``{"urls": [...], "prune": false}`` or a
multipart upload of one or more files. Uploads are written to a temporary folder, ingested with the source
``upload/<filename>`` (so uploading the same file again changes nothing) and deleted.

An ingest runs to its end even when the request times out or the client goes away (it is shielded from
cancellation): a half-done ingest would be safe, but the operator expects what was sent to be ingested.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.datastructures import FormData, UploadFile

from heine_ai.api.deps import Admin, State
from heine_ai.api.schemas import IngestFailure, IngestRequest, IngestResponse, KnowledgeStatusOut
from heine_ai.app_state import AppState
from heine_ai.errors import BrandNotFound, FileTooLarge, ValidationFailed
from heine_ai.knowledge.ingest import IngestSummary

router = APIRouter(prefix="/api/v1/admin/knowledge", tags=["admin"])

MAX_UPLOAD_FILES = 20
MAX_NAME_BYTES = 255  # what file systems store
UPLOAD_PREFIX = "upload/"
_RUNNING: set[asyncio.Task[IngestSummary]] = set()  # shielded ingests, referenced until they finish
_INGEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": IngestRequest.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
                    "required": ["files"],
                }
            },
        },
    }
}


@router.get("", response_model=list[KnowledgeStatusOut], summary="Documents, chunks and version of every brand")
async def knowledge_status(state: State, _admin: Admin) -> list[KnowledgeStatusOut]:
    rows = await state.ingestor.status(sorted(state.brands))
    return [KnowledgeStatusOut(brand=r.brand, documents=r.documents, chunks=r.chunks, version=r.version) for r in rows]


@router.post(
    "/{brand}/ingest",
    response_model=IngestResponse,
    summary="Ingest URLs (JSON) or uploaded files (multipart) into a brand's knowledge",
    openapi_extra=_INGEST_BODY,
)
async def ingest(brand: str, request: Request, state: State, _admin: Admin) -> IngestResponse:
    if brand not in state.brands:
        raise BrandNotFound(f"Unknown brand '{brand}'.", details={"brand": brand})
    if request.headers.get("content-type", "").lower().startswith("multipart/form-data"):
        summary = await _ingest_uploads(state, brand, request)
    else:
        body = _ingest_request(await request.body())
        summary = await _shielded(state, brand, list(body.urls), prune=body.prune)
    return IngestResponse(
        added=summary.added,
        changed=summary.changed,
        unchanged=summary.unchanged,
        removed=summary.removed,
        failed=[IngestFailure(source=source, reason=reason) for source, reason in summary.failed],
        chunks=summary.chunks,
        seconds=round(summary.seconds, 3),
        version=summary.version,
        prune_skipped=summary.prune_skipped,
    )


def _ingest_request(raw: bytes) -> IngestRequest:
    """The JSON body, validated; its errors take the API's usual 400/422 shape."""
    try:
        return IngestRequest.model_validate_json(raw or b"null")
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False)) from exc


async def _ingest_uploads(state: AppState, brand: str, request: Request) -> IngestSummary:
    """The request body as a whole is bounded by the API middleware (``app.api_limits``); each file here."""
    limit = state.settings.knowledge_max_file_bytes
    form = await request.form(max_files=MAX_UPLOAD_FILES)
    try:
        uploads = _checked_uploads(form, limit)
        folder = Path(await asyncio.to_thread(tempfile.mkdtemp, prefix="heine-upload-"))
        try:
            await asyncio.to_thread(_save, uploads, folder)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
    finally:
        await form.close()
    return await _shielded(state, brand, [folder], source_prefix=UPLOAD_PREFIX, cleanup=folder)


def _checked_uploads(form: FormData, limit: int) -> list[tuple[str, UploadFile]]:
    uploads: list[tuple[str, UploadFile]] = []
    for _field, value in form.multi_items():
        if not isinstance(value, UploadFile):
            continue
        name = PurePosixPath((value.filename or "").replace("\\", "/")).name
        if not name or name.startswith("."):
            raise ValidationFailed("Every uploaded file needs a file name (not starting with '.').")
        if len(name.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES:
            raise ValidationFailed(f"A file name is longer than {MAX_NAME_BYTES} bytes.", details={"file": name[:64]})
        if value.size is not None and value.size > limit:
            raise FileTooLarge(
                f"{name} is larger than the limit of {_mb(limit)} MB.", details={"file": name, "max_mb": _mb(limit)}
            )
        uploads.append((name, value))
    if not uploads:
        raise ValidationFailed("Send one or more files as multipart/form-data (field 'files'), or JSON with 'urls'.")
    return uploads


def _save(uploads: Sequence[tuple[str, UploadFile]], folder: Path) -> None:
    for name, upload in uploads:
        upload.file.seek(0)
        with (folder / name).open("wb") as target:
            shutil.copyfileobj(upload.file, target)


async def _shielded(
    state: AppState,
    brand: str,
    targets: Sequence[str | Path],
    *,
    prune: bool = False,
    source_prefix: str = "",
    cleanup: Path | None = None,
) -> IngestSummary:
    async def run() -> IngestSummary:
        try:
            async with state.locks.lock(f"knowledge-ingest:{brand}"):  # one ingest per brand at a time
                summary = await state.ingestor.ingest(brand, targets, prune=prune, source_prefix=source_prefix)
                state.knowledge.invalidate(brand)  # this worker searches the new version at once
                return summary
        finally:
            if cleanup is not None:
                await asyncio.to_thread(shutil.rmtree, cleanup, True)

    task = asyncio.create_task(run())
    _RUNNING.add(task)
    task.add_done_callback(_RUNNING.discard)
    return await asyncio.shield(task)


def _mb(size: int) -> str:
    return f"{size / (1 << 20):g}"

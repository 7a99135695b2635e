"""Request and response bodies of the REST API, with the seed's field names."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from heine_ai.knowledge.loaders import is_http_url
from heine_ai.text import storable


def _encodable(value: str) -> str:
    if not storable(value):
        raise ValueError("the text is not valid Unicode (a lone surrogate)")
    return value


Text = Annotated[str, AfterValidator(_encodable)]  # every free text a client sends


class ChatMetadata(BaseModel):
    """What a client may tell about a message besides its text: documented keys only, strings only."""

    model_config = ConfigDict(extra="forbid")

    channel_message_id: Text | None = Field(
        None,
        min_length=1,
        max_length=255,
        description="The client's id of this message: sent again in the same session, it is stored once.",
    )


class SourceOut(BaseModel):
    title: str
    url: str
    relevance: float = Field(ge=0, le=1)


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    brand: str = Field(min_length=1, max_length=64, examples=["heine"])
    message: Text = Field(examples=["Wie lange habe ich Zeit, einen Artikel zurückzuschicken?"])
    session_id: str | None = Field(None, min_length=1, max_length=64)
    session_token: str | None = Field(
        None, max_length=256, description="The session's token; alternatively send it as a Bearer token."
    )
    customer_id: Text | None = Field(
        None,
        min_length=1,
        max_length=128,
        description="The shop's customer id. Alone it is an unverified claim that opens no order; with user_hash "
        "it is verified and the customer's own orders need no postcode.",
    )
    user_hash: str | None = Field(
        None,
        pattern=r"^[0-9a-fA-F]{64}$",
        description="HMAC-SHA256 of customer_id with the brand's identity secret, hex "
        "(WIDGET_<BRAND>_IDENTITY_SECRET). A wrong one is refused: 403 invalid_user_hash.",
    )
    metadata: ChatMetadata | None = None


class ChatResponse(BaseModel):
    response: str
    session_id: str
    session_token: str | None = Field(
        None, description="Issued once, when the session is created; needed to continue or read the session."
    )
    confidence: float
    escalation_required: bool
    escalation_reason: str | None = None
    processing_time: float
    sources: list[SourceOut]
    author: Literal["assistant"] | None = Field(
        description="Who wrote `response`: the AI assistant (EU AI Act Art. 50); null when a person holds the "
        "conversation and the message waits for them (`response` is empty)."
    )


class HistoryMessage(BaseModel):
    timestamp: datetime
    role: Literal["user", "assistant", "agent", "system"]
    content: str


class HistoryResponse(BaseModel):
    session_id: str
    messages: list[HistoryMessage]
    total_messages: int
    session_duration: float


class BrandOut(BaseModel):
    id: str
    display_name: str
    language: str
    greeting: str


class HandoffMetrics(BaseModel):
    """The human hand-off, from the database: open now, and the last 24 hours."""

    open_tickets: dict[str, int]
    sla_breaches_24h: int
    hand_backs_24h: int
    average_first_reply_seconds_24h: float | None


class HealthMetrics(BaseModel):
    active_sessions: int
    requests_per_minute: int
    average_response_time: float
    handoff: HandoffMetrics | None = None


class HealthResponse(BaseModel):
    status: Literal["healthy", "unhealthy"]
    timestamp: datetime
    version: str
    uptime_seconds: float
    checks: dict[str, dict[str, Any]]
    metrics: HealthMetrics


class ErrorBody(BaseModel):
    code: str
    message: str
    details: dict[str, Any] | None = None


class ErrorResponse(BaseModel):
    error: ErrorBody


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    urls: list[str] = Field(
        min_length=1,
        max_length=1000,
        description="Pages, URL lists (one URL a line) or sitemaps (<urlset>, <sitemapindex>).",
        examples=[["https://www.heine.example/service/sitemap.xml"]],
    )
    prune: bool = Field(False, description="Remove the brand's documents that are not among these sources.")

    @field_validator("urls")
    @classmethod
    def _http_urls(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if not is_http_url(url):
                raise ValueError(f"not an http(s) URL: {url[:200]}")
        return urls


class IngestFailure(BaseModel):
    source: str
    reason: str


class IngestResponse(BaseModel):
    added: int
    changed: int
    unchanged: int
    removed: int
    failed: list[IngestFailure]
    chunks: int
    seconds: float
    version: int
    prune_skipped: bool = Field(
        False, description="Prune was asked for, but a URL list or sitemap could not be read: nothing was removed."
    )


class KnowledgeStatusOut(BaseModel):
    brand: str
    documents: int
    chunks: int
    version: int

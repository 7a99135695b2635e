"""``AppState``: every long-lived object of one app, typed; ``lifespan.build_state`` builds it.

Its own module so that the adapters (routers, channels) can name the type without importing the composition
root that builds it.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from heine_ai.assistant.turn import Assistant
from heine_ai.channels.chat.channel import ChatChannel
from heine_ai.channels.email.channel import EmailChannel
from heine_ai.channels.phone.channel import PhoneChannel
from heine_ai.channels.staff.feed import StaffFeed
from heine_ai.config import BrandConfig, Settings
from heine_ai.conversations.attachments import AttachmentStore
from heine_ai.conversations.events import ConversationEvents
from heine_ai.conversations.ratings import RatingLinks, RatingService
from heine_ai.conversations.service import ConversationService
from heine_ai.handoff.wiring import Handoff
from heine_ai.knowledge.ingest import Ingestor
from heine_ai.knowledge.retrieval import KnowledgeBase
from heine_ai.messages import Channel, Outbox
from heine_ai.observability.metrics import Metrics
from heine_ai.orders.commerce import CommerceBackend
from heine_ai.orders.http import HttpCommerce
from heine_ai.privacy.requests import PrivacyRequests
from heine_ai.privacy.retention import RetentionJob
from heine_ai.privacy.service import PrivacyService
from heine_ai.providers.cache import Cache
from heine_ai.providers.embeddings import Embedder
from heine_ai.providers.llm.base import LLM
from heine_ai.providers.locks import LockStore
from heine_ai.providers.pubsub import PubSub
from heine_ai.providers.vectors import VectorStore
from heine_ai.security.crypto import Cipher
from heine_ai.security.rate_limits import RateLimiter
from heine_ai.security.tokens import TokenService
from heine_ai.security.user_hash import IdentityVerifier


@dataclass(slots=True)
class AppState:
    settings: Settings
    brands: dict[str, BrandConfig]
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    cipher: Cipher
    tokens: TokenService
    metrics: Metrics
    embedder: Embedder
    vector_store: VectorStore
    knowledge: KnowledgeBase
    ingestor: Ingestor
    llm: LLM
    cache: Cache
    redis: Redis | None
    locks: LockStore
    pubsub: PubSub
    orders: CommerceBackend
    conversations: ConversationService
    events: ConversationEvents
    assistant: Assistant
    chat: ChatChannel
    staff: StaffFeed
    handoff: Handoff
    limiter: RateLimiter
    privacy: PrivacyService
    privacy_requests: PrivacyRequests
    retention: RetentionJob
    ratings: RatingService
    rating_links: RatingLinks
    attachments: AttachmentStore  # customers' files of every channel
    identity: IdentityVerifier  # the brands' verified widget identities (user hash)
    outboxes: dict[Channel, Outbox] = field(default_factory=dict)
    email: EmailChannel | None = None  # brands with a mailbox configured
    phone: PhoneChannel | None = None  # brands with a phone line configured
    started_at: float = field(default_factory=time.time)
    background: list[asyncio.Task[None]] = field(default_factory=list)
    shop_client: HttpCommerce | None = None  # COMMERCE_BACKEND=http: its connection pool, closed with the state

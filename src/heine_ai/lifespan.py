"""The composition root: builds every long-lived object once, from the settings, into an ``AppState``; starts
and stops its background tasks (``lifespan``)."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import time
from collections.abc import AsyncIterator

from fastapi import FastAPI
from sqlalchemy.exc import SQLAlchemyError

from heine_ai.api.operations import dependency_checks
from heine_ai.app_state import AppState
from heine_ai.assistant.answer_cache import AnswerCache
from heine_ai.assistant.classifiers import Classifiers
from heine_ai.assistant.passages import AnswerSettings
from heine_ai.assistant.policy import AnswerPolicy
from heine_ai.assistant.records import ConversationRecords
from heine_ai.assistant.turn import Assistant
from heine_ai.channels.chat.channel import ChatChannel, ChatLimits
from heine_ai.channels.chat.feed import ConversationFeed
from heine_ai.channels.chat.session import SessionGate
from heine_ai.channels.email.channel import EmailChannel
from heine_ai.channels.email.settings import mailboxes as email_mailboxes
from heine_ai.channels.phone.calls import CallLedger
from heine_ai.channels.phone.channel import WEBHOOK_PATH, PhoneChannel
from heine_ai.channels.phone.lines import phone_lines
from heine_ai.channels.phone.speech import EspeakTextToSpeech, KeypadTones, SpeechEngines
from heine_ai.channels.staff.feed import StaffFeed
from heine_ai.config import BrandConfig, Settings, load_brands
from heine_ai.config.disclosure import disclosure_versions
from heine_ai.conversations.attachments import AttachmentStore
from heine_ai.conversations.events import ConversationEvents
from heine_ai.conversations.identity import IdentityCodes
from heine_ai.conversations.ratings import RatingLinks, RatingService
from heine_ai.conversations.service import ConversationService
from heine_ai.db import key_rotation
from heine_ai.db.engine import create_engine, create_session_factory
from heine_ai.errors import ConfigError
from heine_ai.handoff.escalations import HandoffEscalations
from heine_ai.handoff.staff_auth import StaffAuth
from heine_ai.handoff.wiring import HandoffParts, build_handoff, sweep_loop
from heine_ai.knowledge.ingest import Ingestor
from heine_ai.knowledge.outbound import parse_networks
from heine_ai.knowledge.retrieval import KnowledgeBase
from heine_ai.messages import Channel, Confirmations, Outbox
from heine_ai.observability.health import probe_dependencies
from heine_ai.observability.logging import get_logger
from heine_ai.observability.metrics import Metrics
from heine_ai.observability.metrics_server import serve_metrics
from heine_ai.orders.commerce import CommerceBackend
from heine_ai.orders.demo import DemoCommerce
from heine_ai.orders.guard import GuardedOrders
from heine_ai.orders.http import HttpCommerce
from heine_ai.privacy.requests import PrivacyRequests
from heine_ai.privacy.retention import RetentionJob
from heine_ai.privacy.service import PrivacyService
from heine_ai.providers import factory
from heine_ai.providers.embeddings import Embedder
from heine_ai.providers.locks import LockStore
from heine_ai.providers.pubsub import PubSub
from heine_ai.security.crypto import Cipher
from heine_ai.security.rate_limits import RateLimiter
from heine_ai.security.scanner import VirusScanner
from heine_ai.security.secrets import resolve_secrets
from heine_ai.security.tokens import TokenService
from heine_ai.security.user_hash import IdentityVerifier, identity_secrets
from heine_ai.tasks import cancel_and_wait

log = get_logger(__name__)
TOKEN_PURGE_SECONDS = 3600.0  # how often the expired refresh tokens are deleted


def build_state(settings: Settings, *, embedder: Embedder | None = None) -> AppState:
    """Everything the app needs, from the settings; tests may hand in an embedder they share across apps."""
    brands = load_brands(settings.brands_dir)
    secrets = resolve_secrets(settings)
    embedder = embedder or factory.build_embedder(settings)  # a remote endpoint is checked here, before the rest
    engine = create_engine(settings.database_url)
    sessions = create_session_factory(engine)
    cipher = Cipher(secrets.encryption_key, secrets.lookup_hash_key)
    metrics = Metrics()
    store = factory.build_vector_store(settings)
    knowledge = KnowledgeBase(sessions, store, embedder)
    redis = factory.build_redis(settings)
    locks = factory.build_locks(redis, settings.redis_lock_ttl_seconds)
    conversations = ConversationService(
        sessions,
        cipher,
        settings.session_ttl,
        {Channel.EMAIL.value: settings.email_session_ttl},
        closed_history_seconds=settings.closed_history_days * 86400 if settings.closed_history_days else None,
        disclosures=disclosure_versions(brands),
    )
    llm = factory.build_llm(settings)
    cache = factory.build_cache(redis)
    limiter = RateLimiter(cache, cipher.lookup_hash)
    shop = build_shop(settings)
    orders = GuardedOrders(shop, limiter, settings.order_lookups_per_hour)
    pubsub = factory.build_pubsub(redis)
    events = ConversationEvents(pubsub)
    outboxes: dict[Channel, Outbox] = {}  # channels register theirs; the hand-off delivers agent replies through them
    confirmations: dict[Channel, Confirmations] = {}  # the e-mail channel registers its action confirmations
    answers = AnswerCache(cache, settings.cache_ttl, metrics)

    async def forget_answers(brand: str, message: str) -> int:  # an erasure's: at the current knowledge version
        return await answers.forget(brand, await knowledge.current_version(brand), message)

    policy = AnswerPolicy(
        knowledge=knowledge,
        answers=answers,
        classifiers=Classifiers(),
        llm=llm,
        orders=orders,
        shop=shop,
        confirmations=confirmations,
        codes=IdentityCodes(sessions, cipher),
        metrics=metrics,
        settings=AnswerSettings(relevance_threshold=settings.similarity_threshold),
    )
    assistant = Assistant(
        brands=brands,
        records=ConversationRecords(conversations, events, HandoffEscalations(brands, conversations, cipher)),
        locks=locks,
        policy=policy,
        metrics=metrics,
        max_message_length=settings.max_message_length,
    )
    # a weak identity secret stops the start in production
    identity = IdentityVerifier(identity_secrets(brands, production=settings.is_production))
    lines = phone_lines(brands)  # a line without its auth token stops the start
    phone = (
        PhoneChannel(
            lines,
            assistant=assistant,
            calls=CallLedger(conversations, cipher, locks),
            metrics=metrics,
            base_path=WEBHOOK_PATH,
            # the offline engines shipped; a line with speech: stream needs espeak-ng installed
            engines=SpeechEngines(KeypadTones(), EspeakTextToSpeech())
            if any(line.config.speech == "stream" for line in lines.values())
            else None,
        )
        if lines
        else None
    )
    tokens = TokenService(
        secrets.jwt_secret,
        algorithm=settings.jwt_algorithm,
        expire_minutes=settings.jwt_expire_minutes,
        previous_secret=secrets.jwt_previous_secret,
        operator_max_hours=settings.operator_token_max_hours,
    )
    rating_links = RatingLinks(tokens, settings.public_url, settings.rating_link_days)
    attachments = AttachmentStore(sessions, cipher, VirusScanner.installed())
    email = build_email(brands, assistant, conversations, cipher, metrics, locks, rating_links, attachments)
    if email is not None:
        outboxes[Channel.EMAIL] = email.outbox
        confirmations[Channel.EMAIL] = email.confirmations
    handoff = build_handoff(
        settings,
        brands,
        HandoffParts(
            sessions, conversations, events, locks, cipher, metrics, tokens, outboxes, cache, orders, confirmations
        ),
    )
    privacy = PrivacyService(sessions, cipher, brands, metrics, forget_answers)
    return AppState(
        settings=settings,
        brands=brands,
        engine=engine,
        sessions=sessions,
        cipher=cipher,
        tokens=tokens,
        metrics=metrics,
        embedder=embedder,
        vector_store=store,
        knowledge=knowledge,
        ingestor=Ingestor(
            sessions,
            store,
            embedder,
            max_file_bytes=settings.knowledge_max_file_bytes,
            allowed_networks=parse_networks(settings.knowledge_fetch_allowed_networks),
            domains={brand.id: brand.knowledge_domains for brand in brands.values()},
        ),
        llm=llm,
        cache=cache,
        redis=redis,
        locks=locks,
        pubsub=pubsub,
        orders=orders,
        conversations=conversations,
        events=events,
        assistant=assistant,
        chat=build_chat(settings, assistant, conversations, handoff.staff, pubsub, events, metrics, identity),
        identity=identity,
        staff=StaffFeed(handoff.staff, pubsub),
        handoff=handoff,
        limiter=limiter,
        privacy=privacy,
        privacy_requests=PrivacyRequests(sessions, cipher, privacy),
        retention=RetentionJob(sessions, brands, metrics),
        outboxes=outboxes,
        email=email,
        phone=phone,
        ratings=RatingService(conversations, cipher, metrics),
        rating_links=rating_links,
        shop_client=shop if isinstance(shop, HttpCommerce) else None,
        attachments=attachments,
    )


def build_shop(settings: Settings) -> CommerceBackend:
    """The shop system of ``COMMERCE_BACKEND``: the demo shop in DATA_DIR, or the retailer's over HTTP."""
    if settings.commerce_backend == "http":
        if not settings.commerce_url:
            raise ConfigError(
                "COMMERCE_BACKEND=http needs COMMERCE_URL (the shop system's API, docs/commerce-api.yaml)"
            )
        if settings.is_production and not settings.commerce_token:
            raise ConfigError("COMMERCE_BACKEND=http needs COMMERCE_TOKEN in production")
        return HttpCommerce(settings.commerce_url, settings.commerce_token, timeout=settings.commerce_timeout)
    return DemoCommerce(settings.data_dir / "demo_commerce.db")


def build_email(
    brands: dict[str, BrandConfig],
    assistant: Assistant,
    conversations: ConversationService,
    cipher: Cipher,
    metrics: Metrics,
    locks: LockStore,
    rating_links: RatingLinks,
    attachments: AttachmentStore,
) -> EmailChannel | None:
    """The e-mail channel, if any brand has a mailbox (a missing password stops the start)."""
    boxes = email_mailboxes(brands)
    if not boxes:
        return None
    return EmailChannel(
        boxes,
        assistant=assistant,
        conversations=conversations,
        cipher=cipher,
        metrics=metrics,
        locks=locks,
        rating_links=rating_links,
        attachments=attachments,
    )


def build_chat(
    settings: Settings,
    assistant: Assistant,
    conversations: ConversationService,
    staff: StaffAuth,
    pubsub: PubSub,
    events: ConversationEvents,
    metrics: Metrics,
    identity: IdentityVerifier,
) -> ChatChannel:
    limits = ChatLimits(
        max_frame_bytes=settings.ws_max_frame_bytes,
        rate_limit=settings.ws_rate_limit,
        rate_window=settings.ws_rate_window,
        idle_timeout=settings.ws_idle_timeout,
    )
    gate = SessionGate(assistant, conversations, staff, identity)
    feed = ConversationFeed(conversations, pubsub)
    return ChatChannel(assistant, gate, feed, conversations, events, limits, metrics)


async def refresh_active_sessions(state: AppState) -> None:
    counts = await state.conversations.active_counts()
    for brand in state.brands:
        state.metrics.active_sessions.labels(brand=brand).set(counts.get(brand, 0))


async def session_cleanup_loop(state: AppState) -> None:
    """Close conversations idle for longer than SESSION_TTL, keep the active_sessions gauge current and, once an
    hour, delete the staff's expired refresh tokens (one row per login and refresh, else kept for ever)."""
    next_purge = time.monotonic() + TOKEN_PURGE_SECONDS
    while True:
        try:
            expired = await state.conversations.expire_inactive()
            if expired:
                log.info("sessions_expired", count=expired)
            await refresh_active_sessions(state)
            if time.monotonic() >= next_purge:
                next_purge = time.monotonic() + TOKEN_PURGE_SECONDS
                purged = await state.handoff.accounts.purge_expired_tokens()
                if purged:
                    log.info("refresh_tokens_purged", count=purged)
        except Exception as exc:  # the loop must survive a database hiccup
            log.warning("session_cleanup_failed", error_type=type(exc).__name__)
        await asyncio.sleep(state.settings.session_cleanup_interval)


async def retention_loop(state: AppState) -> None:
    """Delete what is past its brand's retention period, every ``RETENTION_INTERVAL`` seconds (the first run a
    minute after the start, so that a restart loop never turns into a deletion loop)."""
    await asyncio.sleep(min(60.0, state.settings.retention_interval))
    while True:
        try:
            deleted = await state.retention.run()
            if deleted:
                log.info("retention_deleted", count=sum(deleted.values()))
        except Exception as exc:  # the loop must survive a database hiccup
            log.warning("retention_failed", error_type=type(exc).__name__)
        await asyncio.sleep(state.settings.retention_interval)


async def close_state(state: AppState) -> None:
    await cancel_and_wait(*state.background)
    await state.pubsub.aclose()
    if state.redis is not None:
        await state.redis.aclose()
    await state.engine.dispose()
    if state.shop_client is not None:
        await state.shop_client.aclose()


def freeze_startup_heap() -> None:
    """Move what is alive after startup (modules, models, indexes: about 260,000 objects) out of the cyclic
    garbage collector's reach, once per process.

    Otherwise every full collection walks them all while the event loop waits: 210-300 ms on these cores, a
    stall of every open chat; with them frozen, 0.1-0.4 ms (``bench/pipeline_overhead.py``). Frozen objects
    are still freed by reference counting; only cycles among them are never collected, hence once per process
    (a test process builds many apps) and after a collection, so no garbage of the startup is frozen."""
    if gc.get_freeze_count() == 0:
        gc.collect()
        gc.freeze()


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Starts the background tasks of the state that ``create_app`` attached, and closes it on shutdown."""
    state: AppState = app.state.heine
    try:
        await key_rotation.check(state.sessions, state.cipher)
    except ConfigError as exc:
        log.error("keys_do_not_fit_the_data", fix=exc.message)
        await close_state(state)
        raise
    except SQLAlchemyError as exc:  # a database that is down or not migrated is /readyz's to report
        log.warning("key_check_skipped", error_type=type(exc).__name__)
    port = state.settings.prometheus_port
    metrics_server = serve_metrics(state.metrics, port) if port is not None else None  # before any task starts
    await refresh_active_sessions(state)
    state.background.append(asyncio.create_task(session_cleanup_loop(state)))
    if state.settings.retention_interval > 0:
        state.background.append(asyncio.create_task(retention_loop(state)))
    if state.email is not None:
        state.background.extend(state.email.start())
    state.background.append(
        asyncio.create_task(
            sweep_loop(state.handoff.inbox, state.handoff.resolution, state.settings.handoff_sweep_interval)
        )
    )
    state.background.append(
        asyncio.create_task(probe_dependencies(dependency_checks(state), state.metrics.dependency_up))
    )
    freeze_startup_heap()
    log.info("service_started", brands=sorted(state.brands), environment=state.settings.environment.value)
    try:
        yield
    finally:
        if metrics_server is not None:
            metrics_server.close()
        await close_state(state)
        log.info("service_stopped")

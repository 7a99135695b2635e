"""Prometheus metrics with the seed's names, kept in a registry per application (no module-level state)."""

from __future__ import annotations

import time
from collections import deque

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
CALL_BUCKETS = (10, 30, 60, 120, 180, 300, 600, 900, 1800, 3600)
FIRST_REPLY_BUCKETS = (10, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14400, 28800, 86400)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "ai_requests_total",
            "Total number of AI requests",
            ["brand", "channel", "status"],
            registry=self.registry,
        )
        self.duration = Histogram(
            "ai_request_duration_seconds",
            "AI request duration in seconds",
            ["brand", "channel"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.active_sessions = Gauge(
            "active_sessions", "Number of active chat sessions", ["brand"], registry=self.registry
        )
        self.errors = Counter(
            "ai_errors_total",
            "Total number of AI processing errors",
            ["brand", "error_type"],
            registry=self.registry,
        )
        self.escalations = Counter(
            "ai_escalations_total",
            "Conversations handed to service staff",
            ["brand", "reason"],
            registry=self.registry,
        )
        self.actions = Counter(
            "ai_actions_total",
            "Action procedures (return, exchange, cancel, ...) by outcome: started, completed, approval, refused, "
            "abandoned, handed_over, repeated",
            ["brand", "type", "outcome"],
            registry=self.registry,
        )
        self.http_requests = Counter(
            "http_requests_total",
            "HTTP requests by route and status",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.llm_fallbacks = Counter(
            "ai_llm_fallbacks_total",
            "Answers sent from the extractive fallback instead of the generating provider, by reason",
            ["brand", "reason"],
            registry=self.registry,
        )
        self.answer_cache = Counter(
            "ai_answer_cache_total", "Answer cache lookups", ["brand", "result"], registry=self.registry
        )
        # e-mail channel: state is received, answered, skipped or flagged
        self.email_mails = Counter(
            "email_mails_total", "Customer e-mails by state reached", ["brand", "state"], registry=self.registry
        )
        # human hand-off
        self.first_reply = Histogram(
            "handoff_first_reply_seconds",
            "Time from escalation to the first human reply",
            ["brand", "priority"],
            buckets=FIRST_REPLY_BUCKETS,
            registry=self.registry,
        )
        self.open_tickets = Gauge(
            "handoff_open_tickets", "Unresolved tickets", ["brand", "priority"], registry=self.registry
        )
        self.sla_breaches = Counter(
            "handoff_sla_breaches_total",
            "Tickets without a human reply by their SLA due time",
            ["brand", "priority"],
            registry=self.registry,
        )
        self.hand_backs = Counter(
            "handoff_hand_backs_total", "Conversations handed back to the bot", ["brand"], registry=self.registry
        )
        # web chat
        self.chat_sockets = Gauge("chat_sockets", "Open web chat WebSocket connections", registry=self.registry)
        self.chat_rejected = Counter(
            "chat_frames_rejected_total", "Chat client frames answered with an error", ["code"], registry=self.registry
        )
        # privacy: what the retention job deleted (conversations with their rows, loose mails, customers), and
        # the exports and erasures staff ran
        self.retention_deleted = Counter(
            "privacy_retention_deleted_total",
            "Records deleted by the retention job, by brand and type",
            ["brand", "type"],
            registry=self.registry,
        )
        self.privacy_requests = Counter(
            "privacy_requests_total", "Privacy exports and erasures", ["action"], registry=self.registry
        )
        # phone: calls started, answered by the assistant (at least one turn), transferred to the hotline, left
        # for a callback, completed by the assistant's goodbye, abandoned (the caller hung up first); their length
        self.phone_calls = Counter(
            "phone_calls_total", "Phone calls by what happened", ["brand", "event"], registry=self.registry
        )
        self.phone_call_duration = Histogram(
            "phone_call_duration_seconds",
            "Length of phone calls by how they ended",
            ["brand", "outcome"],
            buckets=CALL_BUCKETS,
            registry=self.registry,
        )
        self.phone_rejected = Counter(
            "phone_webhooks_rejected_total",
            "Phone webhooks refused for a missing or wrong signature",
            ["brand"],
            registry=self.registry,
        )
        # 1 while a dependency (database, redis, vector_store, embeddings, llm) answers its health check, else 0;
        # probed in the background and on every scrape of /metrics (the alert rules' "down" signal)
        self.dependency_up = Gauge(
            "dependency_up", "Whether a dependency answers its health check", ["dependency"], registry=self.registry
        )
        # resolution without a person (handoff/resolution.py), recomputed by the hand-off's sweep
        self.resolution_share = Gauge(
            "ai_resolution_share",
            "Share of the judged conversations resolved without a person and not reopened within 7 days",
            ["brand"],
            registry=self.registry,
        )
        self.resolution_judged = Gauge(
            "ai_resolution_judged", "Conversations judged for the resolution share", ["brand"], registry=self.registry
        )
        # satisfaction: every rating once, by its score, and whether a person (an agent) took part
        self.csat = Counter(
            "csat",
            "Customer satisfaction ratings (1 to 5) by brand, channel and whether a person took part",
            ["brand", "channel", "with_person", "score"],
            registry=self.registry,
        )
        self.window = RequestWindow()

    def observe_request(self, brand: str, channel: str, status: str, seconds: float) -> None:
        self.requests.labels(brand=brand, channel=channel, status=status).inc()
        self.duration.labels(brand=brand, channel=channel).observe(seconds)
        self.window.add(seconds)

    def render(self) -> bytes:
        return generate_latest(self.registry)


class RequestWindow:
    """Assistant requests of the last minute, for the health endpoint's requests_per_minute and average time."""

    def __init__(self, seconds: float = 60.0) -> None:
        self._seconds = seconds
        self._items: deque[tuple[float, float]] = deque()

    def add(self, duration: float) -> None:
        now = time.monotonic()
        self._items.append((now, duration))
        self._trim(now)

    def _trim(self, now: float) -> None:
        while self._items and now - self._items[0][0] > self._seconds:
            self._items.popleft()

    def snapshot(self) -> tuple[int, float]:
        """(requests in the window, their mean duration in seconds)."""
        self._trim(time.monotonic())
        count = len(self._items)
        mean = sum(duration for _, duration in self._items) / count if count else 0.0
        return count, mean

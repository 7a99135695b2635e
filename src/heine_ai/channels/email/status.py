"""Each mailbox's live state for /api/v1/admin/health: connected, backing off, last error, last poll."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from heine_ai.db.models import utcnow


@dataclass(slots=True)
class MailboxStatus:
    brand: str
    state: str = "starting"  # standby, starting, connected, backing_off, stopped
    last_error: str | None = None
    last_poll: datetime | None = None
    retry_in_seconds: float | None = None
    idle: bool = False

    def standby(self) -> None:
        """Another worker polls this mailbox (it holds the poller's lock); this one takes over if that one stops."""
        self.state = "standby"

    def starting(self) -> None:
        self.state = "starting"

    def connected(self, *, idle: bool) -> None:
        self.state = "connected"
        self.idle = idle
        self.retry_in_seconds = None

    def polled(self) -> None:
        self.last_poll = utcnow()

    def backing_off(self, error: str, seconds: float) -> None:
        self.state = "backing_off"
        self.last_error = error
        self.retry_in_seconds = round(seconds, 2)

    @property
    def healthy(self) -> bool:
        return self.state in ("standby", "starting", "connected")

    def report(self) -> dict[str, Any]:
        return {
            "status": "healthy" if self.healthy else "unhealthy",
            "state": self.state,
            "idle": self.idle,
            "last_error": self.last_error,
            "last_poll": self.last_poll.isoformat() if self.last_poll else None,
            "retry_in_seconds": self.retry_in_seconds,
        }

"""Per-request timing breakdowns for debug mode: where one request's time went, stage by stage.

A request that is being timed carries a ``Timings`` in a context variable (the HTTP middleware starts one when
``DEBUG`` is on; the profiling endpoint starts one for its message). ``span(name)`` adds the time spent in its
block to that request's total for ``name``; outside a timed request it does nothing. Tasks and threads started
inside the request inherit the context, so their spans count too.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token

_current: ContextVar[Timings | None] = ContextVar("heine_timings", default=None)


class Timings:
    def __init__(self) -> None:
        self._milliseconds: dict[str, float] = {}

    def add(self, name: str, seconds: float) -> None:
        self._milliseconds[name] = self._milliseconds.get(name, 0.0) + seconds * 1000

    def breakdown(self) -> dict[str, float]:
        """Milliseconds per stage, in the order the stages first ran."""
        return {name: round(ms, 2) for name, ms in self._milliseconds.items()}


def start_timing() -> tuple[Timings, Token[Timings | None]]:
    timings = Timings()
    return timings, _current.set(timings)


def stop_timing(token: Token[Timings | None]) -> None:
    _current.reset(token)


@contextmanager
def span(name: str) -> Iterator[None]:
    timings = _current.get()
    if timings is None:
        yield
        return
    started = time.perf_counter()
    try:
        yield
    finally:
        timings.add(name, time.perf_counter() - started)

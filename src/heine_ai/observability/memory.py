"""The process's memory for the debug endpoints: resident size, the garbage collector's generations and, while
tracemalloc traces, the source lines that hold the most memory. Only sizes, counts and code locations: never
the objects themselves."""

from __future__ import annotations

import gc
import os
import resource
import tracemalloc
from pathlib import Path
from typing import Any

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def resident_bytes() -> int:
    """The process's current resident set size (Linux ``/proc/self/statm``; elsewhere the peak)."""
    statm = Path("/proc/self/statm")
    if statm.exists():
        return int(statm.read_text().split()[1]) * PAGE_SIZE
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def start_tracing(frames: int = 1) -> None:
    """Trace allocations from now on (slows every allocation down while on)."""
    if not tracemalloc.is_tracing():
        tracemalloc.start(frames)


def stop_tracing() -> None:
    tracemalloc.stop()


def _location(frame: tracemalloc.Frame) -> str:
    parts = Path(frame.filename).parts
    return f"{'/'.join(parts[-3:])}:{frame.lineno}"


def tracing_report(top: int) -> dict[str, Any]:
    """Whether tracemalloc traces and, if so, the traced total, its peak and the ``top`` source lines by size."""
    if not tracemalloc.is_tracing():
        return {"tracing": False}
    current, peak = tracemalloc.get_traced_memory()
    own = [tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, "<frozen importlib._bootstrap>")]
    statistics = tracemalloc.take_snapshot().filter_traces(own).statistics("lineno")[:top]
    return {
        "tracing": True,
        "current_bytes": current,
        "peak_bytes": peak,
        "top": [
            {"location": _location(stat.traceback[0]), "size_bytes": stat.size, "count": stat.count}
            for stat in statistics
        ],
    }


def memory_report(top: int) -> dict[str, Any]:
    return {
        "rss_bytes": resident_bytes(),
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "gc": {"counts": list(gc.get_count()), "frozen_objects": gc.get_freeze_count()},
        "tracemalloc": tracing_report(top),
    }

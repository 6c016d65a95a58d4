"""Shared helpers for benchmarks: timing side by side, in one process, cold caches."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from jixiao.domain.cache import clear_caches


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """Median wall time of `runs` cold runs (our memo caches cleared before each)."""
    times = []
    result = None
    for _ in range(runs):
        clear_caches()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def side_by_side(ours: Callable[[], Any], baseline: Callable[[], Any], runs: int = 3) -> dict[str, Any]:
    """Alternate ours and the baseline so both see the same machine state."""
    ours_t, base_t = [], []
    ours_r = base_r = None
    for _ in range(runs):
        t, ours_r = timed(ours, 1)
        ours_t.append(t)
        t, base_r = timed(baseline, 1)
        base_t.append(t)
    return {
        "ours": statistics.median(ours_t),
        "baseline": statistics.median(base_t),
        # this machine's speed drifts by a third from minute to minute: the ratio within each
        # pair of runs, taken a moment apart, is steadier than the ratio of the two medians
        "pair_ratios": [o / b for o, b in zip(ours_t, base_t, strict=True)],
        "ours_result": ours_r,
        "baseline_result": base_r,
    }


def ratios(r: dict[str, Any], throughput: bool = False) -> str:
    """The medians' ratio, then the median and range of the per-pair ratios: our time over the
    baseline's, or (throughput) the baseline's time over ours."""
    pairs = [1 / p if throughput else p for p in r["pair_ratios"]]
    medians = r["baseline"] / r["ours"] if throughput else r["ours"] / r["baseline"]
    return (
        f"{medians:.2f} (per pair of runs: median {statistics.median(pairs):.2f}, "
        f"range {min(pairs):.2f}–{max(pairs):.2f})"
    )

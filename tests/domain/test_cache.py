"""gc_paused: building a document with the collector paused must not leak what the collector frees."""

from __future__ import annotations

import gc
import weakref

from jixiao.domain.cache import gc_paused


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def test_a_cycle_dropped_while_paused_is_still_freed_later() -> None:
    with gc_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        dead = weakref.ref(a)
        del a, b
    assert dead() is not None  # paused: nothing collected yet
    gc.collect()
    assert dead() is None


def test_the_collector_is_running_again_after_the_block() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # nothing left out of future collections

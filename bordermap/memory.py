"""Python's cycle collector, paused while a map is made or a text is read for places (issue #22).

A build or a suggestion makes millions of small objects and no reference cycles; the collector walked them again
and again: a third of the CPU of a 100,000-place build, a third of ``suggest`` on a megabyte of prose.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Objects made inside a block from which setting them aside pays: a full walk of the heap at the next block costs
# less than walking these now.
MANY_OBJECTS = 100_000


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """The cycle collector off inside the block, and on again afterwards (failure or not) if it was on before.

    When the block made many objects, they are then set aside from the collector's view (``gc.freeze``): switched
    on again, it would otherwise walk the millions of them at once (0.4 s after a 100,000-place build), though they
    are freed by their reference counts as usual. The next block hands those that are left back to it and collects
    them, so that a long-running ``serve`` still frees any cycle an earlier build left."""
    was_on = gc.isenabled()
    if gc.get_freeze_count():  # an earlier block's objects: few are left, and a cycle among them is collected now
        gc.unfreeze()
        gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            if gc.get_count()[0] >= MANY_OBJECTS:
                gc.freeze()
            gc.enable()

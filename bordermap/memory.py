"""Python's cycle collector, paused while a map is made or a text is read for places (issue #22).

A build or a suggestion makes millions of small objects and no reference cycles; the collector walked them again
and again: a third of the CPU of a 100,000-place build, a third of ``suggest`` on a megabyte of prose.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """The cycle collector off inside the block, and on again afterwards (failure or not) if it was on before."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()

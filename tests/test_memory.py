import gc
import weakref

from bordermap.memory import MANY_OBJECTS, no_cycle_collection


class _Node:
    pass


def test_the_collector_is_off_inside_and_on_again_after_even_on_failure():
    assert gc.isenabled()
    try:
        with no_cycle_collection():
            assert not gc.isenabled()
            raise ValueError
    except ValueError:
        pass
    assert gc.isenabled()


def test_a_cycle_left_by_one_build_is_still_collected_once_the_next_has_run():
    with no_cycle_collection():
        node = _Node()
        node.self = node  # a cycle: only the collector can free it
        left = weakref.ref(node)
        del node
        made = [[] for _ in range(MANY_OBJECTS)]  # as a big build makes
    del made
    gc.collect()
    assert left() is not None  # set aside with the block's objects, not walked after every build
    with no_cycle_collection():
        pass
    gc.collect()
    assert left() is None
    assert gc.get_freeze_count() == 0  # the second block made few objects: nothing is set aside

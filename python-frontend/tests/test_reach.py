"""compiler.reach: which of a container's items keep their places after a
function changed it in place (the caller's tensors there take the change)."""
from dy2st.compiler.reach import ANY, Reach


def test_an_item_keeps_its_place_unless_a_replacement_reaches_it():
    reach = Reach.assigned(1).outward(0)           # c[0][1] = v
    assert reach.replaced == {(0, 1)}
    assert reach.paired((0,)) and reach.paired((0, 0)) and reach.paired((1, 1))
    assert not reach.paired((0, 1)) and not reach.paired((0, 1, "k"))


def test_a_move_or_a_key_known_at_run_time_reaches_every_item_there():
    moved = Reach.of_method("insert", [0, 1])       # c.insert(0, v)
    assert not moved.paired((0,)) and not moved.paired((5, "k"))
    assert Reach.of_method("append", [1]) == Reach()
    assert Reach.of_method("pop", []) == Reach() and Reach.of_method("pop", [0]) == moved
    at_run_time = Reach.assigned(ANY).outward("caches")
    assert at_run_time.paired(("other", 0)) and not at_run_time.paired(("caches", 3))


def test_a_change_seen_from_an_item_drops_the_other_keys():
    reach = Reach(kept=frozenset({(0, "k"), (1, "k")}), replaced=frozenset({(1, "v")}))
    assert reach.inward(0) == Reach(kept=frozenset({("k",)}))
    assert reach.inward(ANY) == Reach(kept=frozenset({("k",)}), replaced=frozenset({("v",)}))


def test_a_tensor_changed_where_items_were_replaced_is_mixed():
    changed = Reach(kept=frozenset({(0, "k")}))
    assert not (changed | Reach.assigned("k").outward(1)).mixed()
    assert (changed | Reach.assigned("k").outward(0)).mixed()
    assert (changed | Reach.assigned(ANY)).mixed()
    assert (changed | Reach.assigned("k").outward(ANY)).mixed()
    # Assigning into a tensor item (c[0][1] = v) changes the tensor c[0].
    assert (Reach.assigned(1).outward(0) | Reach.assigned(0)).mixed()
    assert not (Reach.assigned(1).outward(0) | Reach.assigned(2)).mixed()

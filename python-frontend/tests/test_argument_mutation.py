"""A converted function that changes an argument in place (`t[i] = v`,
`l.append(v)`) changes the caller's object, as Python shares it: the callee
gives the changed value back and the caller writes it to the argument."""
import collections

import numpy as np
import pytest

import dy2st as paddle
from conftest import assert_same


def fill(t):
    t[0] = 7.0


def add(items, v):
    items.append(v)


def add_twice(items, v):
    add(items, v)          # a change made by a callee of the callee
    add(items, v * 2.0)
    return len(items)


def clip_rows(t, limit):
    for i in range(t.shape[0]):
        if t[i] > limit:
            t[i] = limit
            return i       # an early return gives the change back too
    return -1


def fill_caller(x):
    fill(x)
    return x + 0


def add_caller(x):
    items = [x]
    add(items, x * 2.0)
    return len(items), items[-1]


def nested_caller(x):
    items = []
    n = add_twice(items, x)
    return n, paddle.stack(items)


def loop_caller(x):
    items = [x]
    for i in range(3):
        add(items, x + float(i))
    return paddle.concat(items)


def item_caller(x):
    rows = [x * 1.0, x * 2.0]
    fill(rows[1])           # the change reaches the list's item
    return rows[1] + 0


def branch_caller(x):
    first = clip_rows(x, 2.5)
    return first, x + 0


def fresh_caller(x):
    items = [x]
    add([x], x)             # a new list: nobody sees the change
    fill(x * 1.0)
    return len(items), x + 0


def rebinding(items, v):
    items = list(items)     # another list from here on: the caller's is left
    items.append(v)
    return len(items)


def rebinding_caller(x):
    items = [x]
    n = rebinding(items, x)
    return n, len(items)


def closure_caller(x):
    def push(items, v):
        items.append(v)
    items = []
    push(items, x)
    push(items, x + 1.0)
    return paddle.stack(items)


class Cache(paddle.nn.Layer):
    def remember(self, store, x):
        store.append(x * 2.0)

    def forward(self, x):
        store = []
        self.remember(store, x)
        self.remember(store, x + 1.0)
        return paddle.stack(store)


@pytest.mark.parametrize("fn", [fill_caller, add_caller, nested_caller, loop_caller,
                                item_caller, branch_caller, fresh_caller, rebinding_caller,
                                closure_caller, Cache()])
def test_changes_made_in_place_by_a_callee_reach_the_caller(fn):
    def argument():
        return paddle.to_tensor(np.array([1.0, 2.0, 3.0], dtype="float32"))
    eager = fn(argument())
    compiled = paddle.jit.to_static(fn)(argument())
    assert_same(eager, compiled)


def keeps(holder, v):
    holder.values.append(v)


class Holder:
    values = []


def attribute_caller(x):
    h = Holder()
    add(h.values, x)
    return x


def test_a_change_that_cannot_be_passed_back_is_an_error():
    with pytest.raises(paddle.Dy2StError, match="changes its argument 'items' in place"):
        paddle.jit.to_static(attribute_caller)(paddle.to_tensor([1.0]))


def decay(stat, v):
    stat.scale_(0.5)
    stat.add_(v)
    return v * 2.0


class Running(paddle.nn.Layer):
    """Its forward passes its attributes to helpers that change them in
    place: a tensor, a list and a dict's item."""

    def __init__(self):
        super().__init__()
        self.stat = paddle.zeros([2])
        self.history = []
        self.cache = {"k": paddle.zeros([2])}

    def forward(self, x):
        add(self.history, x)
        decay(self.cache["k"], x)
        return decay(self.stat, x)


def test_a_change_to_a_layers_attribute_by_a_callee_reaches_the_layer():
    results = []
    for convert in (lambda f: f, paddle.jit.to_static):
        layer = Running()
        stat, history, cache = layer.stat, layer.history, layer.cache
        run = convert(layer)
        outputs = [run(paddle.to_tensor([1.0, 2.0]) * i).numpy() for i in range(3)]
        assert layer.stat is stat and layer.history is history and layer.cache is cache
        results.append((outputs, stat.numpy(), [h.numpy() for h in history],
                        cache["k"].numpy()))
    eager, compiled = results
    np.testing.assert_allclose(compiled[1], [2.5, 5.0])
    for e, c in zip(eager, compiled):
        np.testing.assert_allclose(np.asarray(c), np.asarray(e))


def recursive_fill(t, n):
    if n > 0:
        t[n - 1] = 0.0
        recursive_fill(t, n - 1)


def recursive_caller(x, n):
    recursive_fill(x, n)
    return x + 0


def test_a_recursive_function_that_changes_its_argument_is_an_error():
    with pytest.raises(paddle.Dy2StError, match="recursive function that changes its argument"):
        paddle.jit.to_static(recursive_caller)(paddle.to_tensor([1.0, 2.0]), paddle.to_tensor(2))


# Two names for one object in one function ------------------------------------

def second_name(x):
    y = x
    y[0] = 5.0
    return x + 0


def second_list_name(x):
    items = [x]
    same = items
    items.append(x * 2.0)
    return len(same)


def second_name_in_loop(x):
    y = x
    for i in range(2):
        y[i] = 9.0
    return x + 0


def second_name_of_parameter_in_callee(t):
    view = t
    view[2] = 4.0


def second_name_callee_caller(x):
    second_name_of_parameter_in_callee(x)
    return x + 0


def only_the_second_name_read(x):
    if paddle.sum(x) > 0:
        y = x
    else:
        y = x * 2.0
    y[0] = 1.0
    return y


def first_name_assigned_later(x):
    h = x
    h[0] = 4.0
    x = x + 1.0             # the change was made before: x + 1 sees it
    return x


def second_name_assigned_before_the_change(x):
    y = x
    y = y * 2.0             # from here y names another tensor
    y[0] = 8.0
    return x + 0, y


def chain_of_names(x):
    # Fuzz seed 50120: the change reaches x through v as well.
    v = x
    w = v
    w[0] = 1.24
    return x + 0, v


def second_name_made_in_a_loop(x):
    # Fuzz seeds 50006, 50014: aliasing and change in one loop body.
    for i in range(2):
        w = x
        w[i] = x.sum()
    return x + 0


@pytest.mark.parametrize("fn", [second_name, second_list_name, second_name_in_loop,
                                second_name_callee_caller, only_the_second_name_read,
                                first_name_assigned_later,
                                second_name_assigned_before_the_change, chain_of_names,
                                second_name_made_in_a_loop])
def test_a_change_through_a_second_name_is_seen_through_the_first(fn):
    def argument():
        return paddle.to_tensor(np.array([1.0, 2.0, 3.0], dtype="float32"))
    assert_same(fn(argument()), paddle.jit.to_static(fn)(argument()))


def maybe_same_then_changed(x):
    if paddle.sum(x) > 0:
        y = x
    else:
        y = x * 2.0
    y[0] = -1.0
    return x + 0


def shared_only_in_the_first_iteration(x):
    y = x
    for i in range(2):
        y[0] += 1.0
        x = x * 2.0         # the second change reaches the old tensor only
    return x


@pytest.mark.parametrize("fn", [maybe_same_then_changed, shared_only_in_the_first_iteration])
def test_a_change_through_a_name_that_may_share_the_object_is_an_error(fn):
    with pytest.raises(paddle.Dy2StError, match="'y' is changed in place here while 'x' may name "
                                                "the same object"):
        paddle.jit.to_static(fn)(paddle.to_tensor([1.0, 2.0]))


def item_moved_then_changed(x):
    items = [x * 1.0, x * 2.0]
    first = items[0]
    items.insert(0, x * 3.0)
    first[0] = 9.0
    return items[1]


def held_then_replaced_then_changed(x):
    h = x * 1.0
    c = [h]
    c[0] = x * 2.0
    h[0] = 9.0
    return c[0]


def one_tensor_twice_changed_at_a_runtime_index(x):
    h = x * 1.0
    c = [h, h]
    c[paddle.argmax(x)].add_(x)     # which slot holds h's change: known at run time
    return c[0]


def tuple_item_assigned(x):
    pair = (x * 1.0, x * 2.0)
    pair[0] = x
    return pair[0]


def exchanged_in_a_loop(x):
    a, b = x * 1.0, x * 2.0
    c = a
    for i in range(2):
        a, b = b, a
        b[0] = 9.0
    return c


@pytest.mark.parametrize("fn, message", [
    (item_moved_then_changed, "'first' names an item of 'items' .*may have been replaced, "
                              "moved or dropped since"),
    (held_then_replaced_then_changed, "'h' names an item of 'c' .*may have been replaced"),
    (one_tensor_twice_changed_at_a_runtime_index, "'c' is changed in place here while 'h' may "
                                                  "name the same object"),
    (tuple_item_assigned, "TypeError: 'tuple' object does not support item assignment"),
    (exchanged_in_a_loop, "'b' is changed in place here while 'c' may name the same object")])
def test_a_change_of_an_item_dy2st_cannot_follow_is_an_error(fn, message):
    with pytest.raises(paddle.Dy2StError, match=message):
        paddle.jit.to_static(fn)(paddle.to_tensor([1.0, 2.0]))


def returns_its_argument(p):
    return p


def returns_it_through_recursion(p, depth):
    if depth <= 0:
        return p
    return returns_it_through_recursion(p, depth - 1)


def returns_a_new_tensor(p):
    return p * 2.0


def result_of_a_call_then_changed(x):
    y = returns_its_argument(x * 1.0)
    x[0] = 5.0
    y = returns_its_argument(x)
    x[1] = 6.0              # y is x eagerly: compiled code would keep the old y
    return y


def result_of_a_recursive_call_then_changed(x):
    y = returns_it_through_recursion(x, 2)
    x[0] = 5.0
    return y


@pytest.mark.parametrize("fn", [result_of_a_call_then_changed,
                                result_of_a_recursive_call_then_changed])
def test_a_change_to_an_argument_a_call_may_have_returned_is_an_error(fn):
    """Fuzz seed 57997: `v6 = helper(v1)` where helper returns its argument
    (here through recursion), then `v1` changed in place and `v6` read: the
    compiled v6 kept the old value (a silent difference); now a clear error."""
    with pytest.raises(paddle.Dy2StError, match="'x' is changed in place here while 'y' may "
                                                "name the same object"):
        paddle.jit.to_static(fn)(paddle.to_tensor([1.0, 2.0]))


def result_of_a_call_that_makes_a_new_tensor(x):
    y = returns_a_new_tensor(x)
    x[0] = 5.0
    return y + x


def test_a_change_after_a_call_that_returns_a_new_tensor_compiles():
    def argument():
        return paddle.to_tensor(np.array([1.0, 2.0], dtype="float32"))
    assert_same(result_of_a_call_that_makes_a_new_tensor(argument()),
                paddle.jit.to_static(result_of_a_call_that_makes_a_new_tensor)(argument()))


def entry_fills(t, limit):
    t[0] = 7.0                  # the caller's tensor changes, as eagerly
    u = t
    u[1] = limit               # through a second name too
    return t.sum()


def entry_fills_by_callee(t):
    fill(t)
    return None


def entry_rebinds(t):
    t = t * 2.0                # a new object: the caller's tensor stays
    t[0] = 0.0
    return t


def entry_changes_then_rebinds(t):
    t[0] = 9.0                 # the caller's tensor changes here...
    t = t * 2.0
    t[1] = 0.0                 # ...not here
    return t


def entry_rebinds_on_a_path(t, flag):
    if flag:
        t = t * 1.0
    t.scale_(3.0)              # the caller's tensor where flag is false
    return t


def entry_rebinds_in_a_loop(t, n):
    for i in range(n):
        t[0] = t[0] + 1.0      # the caller's until the rebinding below
        if i == 1:
            t = t * 10.0
    return t


def entry_assigns_itself(t):
    u = t
    t = t                      # the same object (fuzz seed 12024)
    u[1] = 5.0
    return t


def _changes_then_rebinds(t):
    t.add_(paddle.ones([3]))
    t = t * 5.0
    return t


def entry_calls_one_that_rebinds(t):
    u = _changes_then_rebinds(t)
    return u + t


class FillLayer(paddle.nn.Layer):
    def forward(self, x):
        x[0] = -1.0
        return x * 2.0


@pytest.mark.parametrize("fn", [entry_fills, entry_fills_by_callee, entry_rebinds,
                                entry_changes_then_rebinds, entry_rebinds_on_a_path,
                                entry_rebinds_in_a_loop, entry_calls_one_that_rebinds,
                                entry_assigns_itself])
def test_an_entry_that_changes_its_input_changes_the_callers_tensor(fn):
    """Also where the function assigns the parameter too: the changes made
    while it still names the caller's tensor reach the caller."""
    extra = {entry_fills: (5.0,), entry_rebinds_on_a_path: (False,),
             entry_rebinds_in_a_loop: (3,)}.get(fn, ())
    eager_input = paddle.to_tensor(np.array([1.0, 2.0, 3.0], dtype="float32"))
    eager = fn(eager_input, *extra)
    compiled_fn = paddle.jit.to_static(fn)
    for _ in range(2):  # the second call is served like the first
        given = paddle.to_tensor(np.array([1.0, 2.0, 3.0], dtype="float32"))
        assert_same(eager, compiled_fn(given, *extra))
        np.testing.assert_array_equal(given.numpy(), eager_input.numpy())


def test_a_saved_layer_that_changes_its_input_changes_the_callers_tensor(tmp_path):
    layer = FillLayer()
    eager_input = paddle.to_tensor(np.array([1.0, 2.0], dtype="float32"))
    eager = layer(eager_input)
    spec = [paddle.static.InputSpec([2], "float32")]
    paddle.jit.save(layer, str(tmp_path / "fill"), input_spec=spec)
    loaded = paddle.jit.load(str(tmp_path / "fill"))
    given = paddle.to_tensor(np.array([1.0, 2.0], dtype="float32"))
    assert_same(eager, loaded(given))
    np.testing.assert_array_equal(given.numpy(), eager_input.numpy())


def entry_changes_containers(items, cache, x):
    items.append(x * 2.0)
    items[0][1] = 5.0
    cache["k"] = paddle.concat([cache["k"], x])
    return x.sum()


def entry_reads_containers(items, x):
    return items[0] + x


def test_an_entry_that_changes_a_container_argument_changes_the_callers_container():
    def arguments():
        return ([paddle.to_tensor([1.0, 2.0])], {"k": paddle.to_tensor([0.0])},
                paddle.to_tensor([3.0, 4.0]))
    eager_items, eager_cache, x = arguments()
    eager = entry_changes_containers(eager_items, eager_cache, x)
    compiled_fn = paddle.jit.to_static(entry_changes_containers)
    for _ in range(2):  # the second call goes through the same wrapper
        items, cache, x = arguments()
        assert_same(eager, compiled_fn(items, cache, x))
        assert_same(eager_items, items)
        assert_same(eager_cache, cache)
    items = [paddle.to_tensor([1.0, 2.0])]
    before = items[0]
    paddle.jit.to_static(entry_reads_containers)(items, paddle.to_tensor([1.0, 1.0]))
    assert items[0] is before  # a container the function only reads is not given back


def entry_changes_items_in_place(items, cache, x):
    items[0][1] = 5.0
    items.append(x * 2.0)   # the items before keep their places
    first = items[1]
    first.add_(x)
    cache["k"].scale_(2.0)
    return x.sum()


def _add_to_first(items, x):
    items[0].add_(x)


def entry_changes_items_through_callees(items, x):
    fill(items[1])
    _add_to_first(items, x)
    return x.sum()


@pytest.mark.parametrize("fn", [entry_changes_items_in_place,
                                entry_changes_items_through_callees])
def test_tensors_inside_a_container_argument_changed_in_place_are_the_callers(fn):
    """The caller's other names of those tensors see the change, as eagerly."""
    def arguments():
        tensors = [paddle.to_tensor([1.0, 2.0]), paddle.to_tensor([3.0, 4.0]),
                   paddle.to_tensor([5.0, 6.0])]
        return tensors, [tensors[0], tensors[1]], {"k": tensors[2]}, paddle.to_tensor([1.0, 1.0])
    eager_tensors, eager_items, eager_cache, x = arguments()
    args = (eager_items, eager_cache, x) if fn is entry_changes_items_in_place else \
        (eager_items, x)
    eager = fn(*args)
    compiled_fn = paddle.jit.to_static(fn)
    for _ in range(2):
        tensors, items, cache, x = arguments()
        args = (items, cache, x) if fn is entry_changes_items_in_place else (items, x)
        assert_same(eager, compiled_fn(*args))
        assert_same(eager_items, items)
        assert_same(eager_tensors, tensors)
        assert items[0] is tensors[0] and items[1] is tensors[1]


def entry_changes_tuple_items(pair, x):
    pair[0].add_(x)
    second = pair[1]
    second[0] = 7.0
    return x.sum()


def test_tensors_inside_a_tuple_argument_changed_in_place_are_the_callers():
    def arguments():
        return (paddle.to_tensor([1.0, 2.0]), paddle.to_tensor([3.0, 4.0]))
    eager_pair, x = arguments(), paddle.to_tensor([1.0, 1.0])
    eager = entry_changes_tuple_items(eager_pair, x)
    pair = arguments()
    assert_same(eager, paddle.jit.to_static(entry_changes_tuple_items)(pair, x))
    assert_same(eager_pair, pair)


def entry_moves_items_and_changes_one(items, x):
    items.insert(0, x * 3.0)
    items[1].add_(x)           # the caller's items[0]
    return x.sum()


def test_items_moved_and_changed_in_place_are_a_clear_error():
    items = [paddle.to_tensor([1.0, 2.0]), paddle.to_tensor([3.0, 4.0])]
    with pytest.raises(paddle.Dy2StError, match="changes tensors inside its argument 'items' "
                                                "in place and also replaces or moves items"):
        paddle.jit.to_static(entry_moves_items_and_changes_one)(items, paddle.to_tensor([1.0, 1.0]))


def entry_changes_a_tensor_two_levels_in(items, x):
    items[0]["k"].add_(x)
    return x.sum()


def entry_changes_a_tensor_two_levels_in_through_a_name(items, x):
    cache = items[1]
    cache["k"].add_(x)
    return x.sum()


def _add_to_key(cache, x):
    cache["k"].add_(x)


def entry_changes_a_tensor_two_levels_in_through_a_callee(items, x):
    _add_to_key(items[0], x)
    return x.sum()


def entry_assigns_into_a_tensor_two_levels_in(items, x):
    items[0]["k"][0] = 9.0
    return x.sum()


def entry_changes_an_item_and_replaces_one_further_in(items, x):
    items[2].add_(x)
    items[1]["k"] = x * 3.0    # the caller's dict takes the new tensor
    return x.sum()


def entry_changes_the_items_of_its_items_in_a_loop(items, x):
    for cache in items[3]:
        cache["k"].add_(x)
    return x.sum()


def entry_changes_an_item_and_replaces_another(items, x):
    items[2].add_(x)
    items[0] = {"k": x * 3.0}
    return x.sum()


def entry_changes_a_tensor_and_replaces_one_beside_it(items, x):
    items[0]["k"].add_(x)
    items[1]["k"] = x * 3.0
    return x.sum()


def entry_changes_a_tensor_three_levels_in_through_a_name(items, x):
    cache = items[3][1]
    cache["k"][0] = 7.0
    return x.sum()


def entry_gives_the_items_of_its_items_to_a_callee_in_a_loop(items, x):
    for cache in items[3]:
        _add_to_key(cache, x)
    return x.sum()


def entry_unpacks_its_items_items_and_changes_one(items, x):
    first, second = items[3]
    second["k"].add_(x)
    return x.sum()


def entry_names_a_tensor_three_levels_in(items, x):
    t = items[3][1]["k"]
    t.add_(x)
    return x.sum()


@pytest.mark.parametrize("fn", [entry_changes_a_tensor_two_levels_in,
                                entry_changes_a_tensor_two_levels_in_through_a_name,
                                entry_changes_a_tensor_two_levels_in_through_a_callee,
                                entry_assigns_into_a_tensor_two_levels_in,
                                entry_changes_an_item_and_replaces_one_further_in,
                                entry_changes_the_items_of_its_items_in_a_loop,
                                entry_changes_an_item_and_replaces_another,
                                entry_changes_a_tensor_and_replaces_one_beside_it,
                                entry_changes_a_tensor_three_levels_in_through_a_name,
                                entry_gives_the_items_of_its_items_to_a_callee_in_a_loop,
                                entry_unpacks_its_items_items_and_changes_one,
                                entry_names_a_tensor_three_levels_in])
def test_tensors_deeper_in_a_container_argument_changed_in_place_are_the_callers(fn):
    """`items[0]["k"].add_(x)`: the caller's tensor there takes the change
    (its other names see it), while an item assigned is the function's; the
    tensors the function left in their places stay the caller's."""
    def arguments():
        tensors = [paddle.to_tensor([1.0, 2.0]) * (i + 1) for i in range(5)]
        items = [{"k": tensors[0]}, {"k": tensors[1]}, tensors[2],
                 [{"k": tensors[3]}, {"k": tensors[4]}]]
        return tensors, items, paddle.to_tensor([1.0, 1.0])
    eager_tensors, eager_items, x = arguments()
    eager = fn(eager_items, x)
    compiled_fn = paddle.jit.to_static(fn)
    for _ in range(2):
        tensors, items, x = arguments()
        assert_same(eager, compiled_fn(items, x))
        assert_same(eager_tensors, tensors)
        assert_same(eager_items, items)
        held = [items[0]["k"], items[1]["k"], items[2], items[3][0]["k"], items[3][1]["k"]]
        eager_held = [eager_items[0]["k"], eager_items[1]["k"], eager_items[2],
                      eager_items[3][0]["k"], eager_items[3][1]["k"]]
        assert [h is t for h, t in zip(held, tensors)] == \
            [h is t for h, t in zip(eager_held, eager_tensors)]


def entry_changes_a_tensor_at_a_key_known_at_run_time_and_replaces_one(items, k, x):
    items[k]["k"].add_(x)
    items[1]["k"] = x * 3.0    # may be the one changed
    return x.sum()


def test_a_tensor_changed_where_one_may_have_been_replaced_is_a_clear_error():
    items = [{"k": paddle.to_tensor([1.0, 2.0])}, {"k": paddle.to_tensor([3.0, 4.0])}]
    with pytest.raises(paddle.Dy2StError, match="changes tensors inside its argument 'items' "
                                                "in place and also replaces or moves items"):
        paddle.jit.to_static(entry_changes_a_tensor_at_a_key_known_at_run_time_and_replaces_one)(
            items, paddle.to_tensor(0), paddle.to_tensor([1.0, 1.0]))


def entry_changes_arrays(arrays):
    arrays[0][1] = 5.0
    return arrays[0].sum()


def test_a_numpy_array_in_a_changed_container_stays_the_callers_array():
    eager_arrays = [np.array([1.0, 2.0], dtype="float32")]
    eager = entry_changes_arrays(eager_arrays)
    arrays = [np.array([1.0, 2.0], dtype="float32")]
    before = arrays[0]
    compiled = paddle.jit.to_static(entry_changes_arrays)(arrays)
    assert float(compiled) == float(eager)
    assert arrays[0] is before
    np.testing.assert_array_equal(before, eager_arrays[0])


def replaces_a_tuple_by_key(d):
    d["kv"] = (d["kv"][0] * 2.0, d["kv"][1] + 1.0)
    return d["kv"][0]


def test_a_tuple_assigned_by_key_in_a_dict_argument_reaches_the_caller():
    """The dict keeps its identity; the tuple in it is the new one (a tuple
    cannot change in place), as eagerly."""
    eager = {"kv": (paddle.to_tensor([1.0]), paddle.to_tensor([2.0]))}
    compiled = {"kv": (paddle.to_tensor([1.0]), paddle.to_tensor([2.0]))}
    replaces_a_tuple_by_key(eager)
    paddle.jit.to_static(replaces_a_tuple_by_key)(compiled)
    for e, c in zip(eager["kv"], compiled["kv"]):
        np.testing.assert_array_equal(c.numpy(), e.numpy())


def _fill(cache, t):
    if cache is not None:
        cache["k"] = t * 2.0
    return t


def fill_chosen_cache(x, caches=None):
    # Paddle's transformer passes `None if caches is None else caches[i]`:
    # the dict chosen is changed in place, and the caller sees it.
    for i in range(2):
        x = _fill(None if caches is None else caches[i], x + 1.0)
    return x


def test_a_change_through_a_conditional_argument_reaches_the_chosen_container(differential):
    caches = [{"k": paddle.zeros([2])}, {"k": paddle.zeros([2])}]
    eager_caches = [{"k": paddle.zeros([2])}, {"k": paddle.zeros([2])}]
    x = paddle.rand([2])
    eager = fill_chosen_cache(x, eager_caches)
    compiled = paddle.jit.to_static(fill_chosen_cache)(x, caches)
    np.testing.assert_allclose(compiled.numpy(), eager.numpy())
    for c, e in zip(caches, eager_caches):
        np.testing.assert_allclose(c["k"].numpy(), e["k"].numpy())
    differential(fill_chosen_cache, x)


def fill_either(x, a, b):
    _fill(a or b, x)
    return x


def test_a_change_through_or_is_a_clear_error():
    with pytest.raises(paddle.Dy2StError, match="can pass that change back only"):
        paddle.jit.to_static(fill_either)(paddle.rand([2]), {"k": paddle.zeros([2])}, {})


# Attributes that name the object a variable names -----------------------------

class KeepsItsInput(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.last = None

    def forward(self, x):
        y = x * 1.0
        self.last = y
        y.add_(paddle.ones_like(y))         # self.last is y
        return self.last + 0.0


class BufferThroughAName(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.total = paddle.zeros([3])

    def forward(self, x):
        total = self.total
        total.add_(x)
        return self.total + 0.0


class BufferRowThroughAName(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.rows = paddle.zeros([2, 3])

    def forward(self, x):
        first = self.rows[0]                # a view of the buffer
        first.add_(x)
        return self.rows + 0.0


class BufferRowsChangedWhileIterating(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.rows = paddle.zeros([2, 3])

    def forward(self, x):
        for row in self.rows:
            row.add_(x)
        return self.rows + 0.0


class BufferReplacedThenChanged(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.total = paddle.zeros([3])

    def forward(self, x):
        before = self.total
        self.total = x * 2.0
        before.add_(x)                      # the old tensor only
        return self.total + 0.0, before + 0.0


class WeightThroughAName(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.fc = paddle.nn.Linear(3, 3)

    def forward(self, x):
        w = self.fc.weight
        w.scale_(0.5)
        return self.fc(x)


class ListAttributeUnpacked(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.rows = [paddle.zeros([3]), paddle.ones([3])]

    def forward(self, x):
        first, second = self.rows
        second.add_(x)
        return self.rows[1] + 0.0


class DictAttributeItem(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.state = {"h": paddle.zeros([3])}

    def forward(self, x):
        h = self.state["h"]
        h.add_(x)
        return self.state["h"] + 0.0


class WeightOfAListedLayerThroughAName(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.fcs = paddle.nn.LayerList([paddle.nn.Linear(3, 3) for _ in range(2)])

    def forward(self, x):
        w = self.fcs[1].weight
        w.scale_(0.5)
        return self.fcs[1](self.fcs[0](x))


class BufferThroughAnAssignmentExpression(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.total = paddle.zeros([3])

    def forward(self, x):
        (total := self.total).add_(x)       # total = self.total first
        return self.total + total


class BufferThroughGetattr(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.total = paddle.zeros([3])

    def forward(self, x):
        total = getattr(self, "total")      # self.total
        paddle.assign(total + x, total)
        return self.total + 0.0


@pytest.mark.parametrize("make", [KeepsItsInput, BufferThroughAName, BufferRowThroughAName,
                                  BufferRowsChangedWhileIterating, BufferReplacedThenChanged,
                                  WeightThroughAName, WeightOfAListedLayerThroughAName,
                                  ListAttributeUnpacked, DictAttributeItem, BufferThroughGetattr,
                                  BufferThroughAnAssignmentExpression],
                         ids=lambda c: c.__name__)
def test_a_change_through_a_name_reaches_the_attribute_it_names(make):
    eager_layer, compiled_layer = make(), make()
    compiled_layer.set_state_dict(eager_layer.state_dict())
    attrs = [a for a in ("last", "total", "rows", "state")
             if isinstance(getattr(eager_layer, a, None), (paddle.Tensor, list, dict))]
    for attr in attrs:
        setattr(compiled_layer, attr, paddle.utils.map_structure(
            lambda t: t.clone(), getattr(eager_layer, attr)))
    compiled = paddle.jit.to_static(compiled_layer)
    for _ in range(2):  # the second call starts from the changed attributes
        x = paddle.to_tensor([1.0, 2.0, 3.0])
        assert_same(eager_layer(x), compiled(x))
        for attr in attrs:
            assert_same(getattr(eager_layer, attr), getattr(compiled_layer, attr))
        assert_same(list(eager_layer.state_dict().values()),
                    list(compiled_layer.state_dict().values()))


class _Box:
    pass


def attribute_of_a_local_object(x):
    box = _Box()
    box.t = x * 1.0
    t = box.t
    t.add_(paddle.ones_like(t))
    return box.t + 0.0


def items_changed_in_a_loop(x):
    d = {"h": x * 1.0, "c": x * 2.0}
    for k, v in d.items():
        v.scale_(2.0)
    return d["h"]


def values_changed_in_a_loop(x):
    d = {"h": x * 1.0}
    for v in d.values():
        v.scale_(2.0)
    return d["h"]


def value_taken_from_a_list_of_them(x):
    d = {"h": x * 1.0}
    v = list(d.values())[0]
    v.scale_(2.0)
    return d["h"]


def slice_of_a_list_changed(x):
    rows = [x]
    copied = rows[:]                         # a new list (of a tensor: a view)
    copied.append(x * 2)
    return len(rows), len(copied)


def test_a_slice_of_a_list_is_a_new_list(differential):
    differential(slice_of_a_list_changed, paddle.to_tensor([1.0, 2.0]))


def grouped_by_setdefault(x):
    groups = {}
    groups.setdefault("k", []).append(x)
    return len(groups["k"])


def item_of_get_changed(x):
    state = {"h": x * 1.0}
    state.get("h").add_(x)
    return state["h"]


def chosen_list_changed(x, flag: bool = True):
    rows = [x]
    (rows if flag else []).append(x)
    return len(rows)


@pytest.mark.parametrize("fn, shown", [(grouped_by_setdefault, "groups.setdefault"),
                                       (item_of_get_changed, "state.get"),
                                       (chosen_list_changed, "rows if flag else")])
def test_a_change_in_place_of_what_an_expression_may_share_is_a_clear_error(fn, shown):
    # What the expression gives may be an object a name holds: Python
    # changes it; compiled code would change a copy.
    with pytest.raises(paddle.Dy2StError, match=f"'{shown}.*' may give the object"):
        paddle.jit.to_static(fn)(paddle.to_tensor([1.0, 2.0]))


def chained_assignment(x):
    a = b = x * 1.0                          # one object, two names
    a.add_(paddle.ones_like(a))
    return b


def test_a_chained_assignment_gives_one_object_two_names(differential):
    differential(chained_assignment, paddle.to_tensor([1.0, 2.0]))


def moved_to_the_cpu(x):
    y = x * 1.0
    z = y.cpu()                              # y itself (Paddle's, on the CPU)
    z.add_(paddle.ones_like(z))
    return y


def as_float(x):
    y = x * 1.0
    z = y.float()                            # y itself: it is float32 already
    z.add_(paddle.ones_like(z))
    return y


@pytest.mark.parametrize("fn", [moved_to_the_cpu, as_float])
def test_a_tensor_itself_from_cpu_or_float_changed_in_place(fn):
    x = paddle.to_tensor([1.0, 2.0])
    np.testing.assert_array_equal(fn(x).numpy(), [2.0, 3.0])  # as Paddle: y changed too
    with pytest.raises(paddle.Dy2StError, match="'z' is changed in place here while 'y' may "
                                                "name the same object"):
        paddle.jit.to_static(fn)(x)


@pytest.mark.parametrize("fn", [items_changed_in_a_loop, values_changed_in_a_loop,
                                value_taken_from_a_list_of_them])
def test_a_dicts_value_changed_in_place_through_a_name_is_a_clear_error(fn):
    # Python changes the dict's item; compiled code would change a copy.
    with pytest.raises(paddle.Dy2StError, match="'v' is changed in place here while 'd' may "
                                                "name the same object"):
        paddle.jit.to_static(fn)(paddle.to_tensor([1.0, 2.0]))


_Pair = collections.namedtuple("_Pair", ["h", "c"])


def held_by_a_named_tuple(x):
    h = x * 1.0
    state = _Pair(h, x)
    h.add_(x)                                # state.h is h
    return state.h


def test_a_tensor_a_named_tuple_holds_changed_in_place_is_a_clear_error():
    with pytest.raises(paddle.Dy2StError, match="'h' is changed in place here while 'state' "
                                                "may name the same object"):
        paddle.jit.to_static(held_by_a_named_tuple)(paddle.to_tensor([1.0, 2.0]))


def item_changed_after_get(x):
    d = {"h": x * 1.0}
    v = d.get("h")
    d["h"].add_(x)                           # v is that item: it changes too
    return v


def test_an_item_changed_while_a_name_may_hold_it_is_a_clear_error():
    with pytest.raises(paddle.Dy2StError, match="'d' is changed in place here while 'v' may "
                                                "name the same object"):
        paddle.jit.to_static(item_changed_after_get)(paddle.to_tensor([1.0, 2.0]))


class ReadsItsDicts(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.state = {"h": paddle.ones([3]), "c": paddle.ones([3]) * 2.0}
        self.scales = {"a": 1.5, "b": 2.0}

    def forward(self, x):
        for name, value in self.state.items():
            x = x + value
        total = 0.0
        for name, scale in self.scales.items():
            total += scale
        return x * total + sum(self.state.values()) + len(list(self.state.keys()))


def test_a_layers_dict_of_data_is_read_through_its_methods():
    layer = ReadsItsDicts()
    x = paddle.to_tensor([1.0, 2.0, 3.0])
    assert_same(layer(x), paddle.jit.to_static(layer)(x))


def test_a_change_through_a_name_reaches_a_local_objects_attribute():
    x = paddle.to_tensor([1.0, 2.0, 3.0])
    assert_same(attribute_of_a_local_object(x), paddle.jit.to_static(attribute_of_a_local_object)(x))


class ReplacedByAMethod(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.w = paddle.zeros([3])

    def reset(self, x):
        self.w = x * 0.0 + 5.0

    def forward(self, x):
        w = self.w
        self.reset(x)               # may give self.w another tensor
        w.add_(x)
        return self.w + 0.0, w + 0.0


def test_an_attribute_a_method_may_assign_since_is_a_clear_error():
    with pytest.raises(paddle.Dy2StError, match="'w' is changed in place here while 'self.w' "
                                                "may name the same object"):
        paddle.jit.to_static(ReplacedByAMethod())(paddle.to_tensor([1.0, 2.0, 3.0]))


class ChosenBufferChanged(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.total = paddle.zeros([3])

    def forward(self, x):
        total = self.total if x.sum() > 0 else x
        total.scale_(2.0)                   # self.total's object on one path only
        return x + 1.0


class BufferOfAComputedNameChanged(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.total = paddle.zeros([3])
        self.kept = "total"

    def forward(self, x):
        total = getattr(self, self.kept)
        total.add_(x)
        return x + 1.0


class BufferOfAnOrChanged(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.total = paddle.zeros([3])

    def forward(self, x):
        total = None or self.total
        total.scale_(2.0)
        return x + 1.0


class BufferOfALoopOverADisplayChanged(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.total = paddle.zeros([3])

    def forward(self, x):
        for total in [self.total]:
            total.add_(x)
        return x + 1.0


class ItemGivenBySetdefaultChanged(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.state = {"total": paddle.zeros([3])}

    def forward(self, x):
        total = self.state.setdefault("total", x)
        total.add_(x)
        return x + 1.0


class ChosenItemChanged(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.rows = [paddle.zeros([3]), paddle.zeros([3])]

    def forward(self, x):
        total = self.rows[0] if x.sum() > 0 else self.rows[1]
        total.add_(x)
        return x + 1.0


class FirstOfAnIteratorChanged(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.total = paddle.zeros([3])

    def forward(self, x):
        total = next(iter([self.total]))
        total.add_(x)
        return x + 1.0


@pytest.mark.parametrize("make, message", [
    (ChosenBufferChanged, "'total' is changed in place here while 'self.total' may name the "
                          "same object"),
    (BufferOfAnOrChanged, "'total' is changed in place here while 'self.total' may name"),
    (BufferOfALoopOverADisplayChanged, "'total' is changed in place here while 'self.total' "
                                       "may name"),
    (ItemGivenBySetdefaultChanged, "'total' is changed in place here while 'self.state' may "
                                   "name"),
    (ChosenItemChanged, "'total' is changed in place here while 'self.rows' may name"),
    (FirstOfAnIteratorChanged, "'total' is changed in place here while 'self.total' may name"),
    (BufferOfAComputedNameChanged, r"'total' is changed in place here while "
                                   r"'getattr\(self, self.kept\)' may name the same object")],
    ids=["conditional expression", "or", "loop over a display", "setdefault",
         "conditional item", "next of an iterator", "getattr of a computed name"])
def test_a_change_through_a_name_that_may_be_an_attribute_is_a_clear_error(make, message):
    # The attribute outlives the call: read later or not, it would miss the change.
    with pytest.raises(paddle.Dy2StError, match=message):
        paddle.jit.to_static(make())(paddle.to_tensor([1.0, 2.0, 3.0]))


class ParameterOfAListThroughAName(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.ws = paddle.nn.ParameterList([self.create_parameter([3]) for _ in range(2)])

    def forward(self, x):
        w = self.ws[0]
        w.scale_(0.5)
        return x * self.ws[0]


def test_a_parameter_of_a_list_changed_through_a_name_is_a_clear_error():
    with pytest.raises(paddle.Dy2StError, match="'w' is an item of 'self.ws', an object outside "
                                                "the function"):
        paddle.jit.to_static(ParameterOfAListThroughAName())(paddle.to_tensor([1.0, 2.0, 3.0]))


class ItemOfAnAttributeReplacedThenChanged(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.rows = [paddle.zeros([3]), paddle.ones([3])]

    def forward(self, x):
        first = self.rows[0]
        self.rows[0] = x * 5.0          # first keeps the old tensor
        first.add_(x)
        return self.rows[0] + 0.0, first + 0.0


def test_an_attributes_item_replaced_before_a_change_is_a_clear_error():
    with pytest.raises(paddle.Dy2StError, match="'first' names an item of 'self.rows'.*may have "
                                                "been replaced"):
        paddle.jit.to_static(ItemOfAnAttributeReplacedThenChanged())(
            paddle.to_tensor([1.0, 2.0, 3.0]))


class ChangesTensorsInsideItsContainers(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.buf = [paddle.to_tensor([1.0, 2.0])]
        self.cache = {"k": paddle.to_tensor([3.0, 4.0])}
        self.nested = [{"k": paddle.to_tensor([5.0, 6.0])}]

    def forward(self, x):
        self.buf[0].add_(x)
        self.cache["k"].scale_(2.0)
        self.nested[0]["k"].add_(x)
        return self.buf[0] + self.nested[0]["k"]


def test_tensors_inside_a_layers_containers_changed_in_place_stay_the_layers():
    """The layer's own tensors take the change: other names of them see it."""
    eager_layer, compiled_layer = (ChangesTensorsInsideItsContainers() for _ in range(2))
    compiled = paddle.jit.to_static(compiled_layer)
    for layer in (eager_layer, compiled_layer):
        layer.held = [layer.buf[0], layer.cache["k"], layer.nested[0]["k"]]
    for _ in range(2):
        x = paddle.to_tensor([1.0, 1.0])
        assert_same(eager_layer(x), compiled(x))
        assert_same(eager_layer.held, compiled_layer.held)
        assert compiled_layer.buf[0] is compiled_layer.held[0]
        assert compiled_layer.cache["k"] is compiled_layer.held[1]
        assert compiled_layer.nested[0]["k"] is compiled_layer.held[2]


class MovesAndChangesTensorsInsideAContainer(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.nested = [{"k": paddle.to_tensor([5.0, 6.0])}, {"k": paddle.to_tensor([1.0, 2.0])}]

    def forward(self, x):
        self.nested.insert(0, {"k": x * 2.0})
        self.nested[1]["k"].add_(x)
        return x.sum()


def test_a_layers_tensors_moved_and_changed_in_place_are_a_clear_error():
    with pytest.raises(paddle.Dy2StError, match="changes tensors inside the attribute 'nested' "
                                                "in place and also replaces or moves items"):
        paddle.jit.to_static(MovesAndChangesTensorsInsideAContainer())(
            paddle.to_tensor([1.0, 1.0]))


class GrowsItsCachesByAMethod(paddle.nn.Layer):
    def grow(self, cache, x):
        self.add_to(cache, x)

    def add_to(self, cache, x):
        cache["k"].add_(x)

    def read(self, cache, x):
        return cache["k"] + x

    def forward(self, caches, x):
        for cache in caches:
            self.grow(cache, x)
        total = x * 0.0
        for cache in caches:
            total = total + self.read(cache, x)
        return total


def test_a_method_that_changes_a_loops_item_reaches_the_callers_container():
    """The loop over items given to `self.grow`, which changes its parameter
    through `self.add_to` (read from the methods' source), runs over indices:
    the change reaches the caller's tensors."""
    def arguments():
        return [{"k": paddle.to_tensor([1.0, 2.0])}, {"k": paddle.to_tensor([3.0, 4.0])}]
    eager_caches, x = arguments(), paddle.to_tensor([1.0, 1.0])
    eager_held = [c["k"] for c in eager_caches]
    eager = GrowsItsCachesByAMethod()(eager_caches, x)
    caches = arguments()
    held = [c["k"] for c in caches]
    assert_same(eager, paddle.jit.to_static(GrowsItsCachesByAMethod())(caches, x))
    assert_same(eager_held, held)
    assert all(c["k"] is h for c, h in zip(caches, held))


def full_like_batch(x, shape, value):
    shape = list(shape)     # a copy: the caller's list is not changed
    shape[0] = paddle.shape(x)[0]
    return paddle.tensor.fill_constant(shape, "float32", value)


def hinge(pos, neg):
    # Paddle's simnet HingeLoss: the argument is a tensor's shape, a new list.
    zeros = full_like_batch(neg, neg.shape, 0.0)
    margin = full_like_batch(neg, neg.shape, 0.1)
    return paddle.mean(paddle.maximum(zeros, neg - pos + margin))


def test_a_change_to_a_copy_of_a_tensors_shape_argument():
    pos, neg = paddle.to_tensor([[0.5], [0.2]]), paddle.to_tensor([[0.4], [0.3]])
    assert_same(hinge(pos, neg), paddle.jit.to_static(hinge)(pos, neg))


def assign_each(targets, values):
    for k in range(len(values)):
        paddle.assign(values[k], output=targets[k])


def into_a_list_made_for_the_call(x):
    i = paddle.zeros([1], "int64")
    assign_each([i, x], [i + 5, x * 2])
    return i, x


def test_a_change_to_an_item_of_a_list_made_for_the_call_reaches_its_name():
    """`assign_each([i, x], ...)`: the list is new, its items are the
    caller's tensors, so their names see the change (compiled code lost it)."""
    eager_x, compiled_x = paddle.to_tensor([1.0, 2.0]), paddle.to_tensor([1.0, 2.0])
    eager = into_a_list_made_for_the_call(eager_x)
    compiled = paddle.jit.to_static(into_a_list_made_for_the_call)(compiled_x)
    assert_same(eager, compiled)
    assert int(compiled[0]) == 5
    np.testing.assert_array_equal(compiled_x.numpy(), [2.0, 4.0])


def set_first_column(p, value):
    p[:, 0] = value


def change_one_read_other(p, q, steps):
    for _ in range(steps):
        set_first_column(q, paddle.sum(q))
    return p * 1


def same_tensor_twice(b, steps):
    r = change_one_read_other(b, b, steps)
    return r, b


def other_tensors(b, c, steps):
    r = change_one_read_other(b, c, steps)
    return r, b, c


def column(values):
    return paddle.to_tensor(np.array(values, dtype="float32").reshape(-1, 1))


@pytest.mark.parametrize("steps", [0, 1, 3])
def test_parameters_given_one_tensor_share_its_changes(steps):
    # (fuzz seed 45271) p and q name one object: the change made through q
    # is p's too, and the caller's.
    eager = same_tensor_twice(column([1.0, 2.0, 3.0]), steps)
    compiled = paddle.jit.to_static(same_tensor_twice)(column([1.0, 2.0, 3.0]), steps)
    assert_same(eager, compiled)
    # Given two tensors, the same function keeps them apart.
    assert_same(other_tensors(column([1.0, 2.0]), column([5.0, 6.0]), steps),
                paddle.jit.to_static(other_tensors)(column([1.0, 2.0]), column([5.0, 6.0]),
                                                     steps))


def entry_changes_one_reads_other(p, q):
    q[:, 0] = paddle.sum(q)
    return p * 1


def test_the_entry_given_one_tensor_twice_shares_its_changes():
    compiled = paddle.jit.to_static(entry_changes_one_reads_other)
    for same in (True, False, True):
        a, b = column([1.0, 2.0, 3.0]), column([1.0, 2.0, 3.0])
        eager_a, eager_b = column([1.0, 2.0, 3.0]), column([1.0, 2.0, 3.0])
        if same:
            b, eager_b = a, eager_a
        assert_same(entry_changes_one_reads_other(eager_a, eager_b),
                    compiled(a, b))
        assert_same((eager_a, eager_b), (a, b))


def nested_def_given_one_tensor_twice(b):
    def change_one(p, q):
        q[0] = 5.0
        return p * 1
    return change_one(b, b)


def test_a_nested_def_given_one_tensor_twice_that_changes_one_is_a_clear_error():
    with pytest.raises(paddle.Dy2StError, match="may name the same object"):
        paddle.jit.to_static(nested_def_given_one_tensor_twice)(column([1.0, 2.0]))


def assign_one_change_other(p, q):
    p = p + 1
    q[0] = 5.0
    return p


def same_tensor_to_one_it_assigns(b):
    return assign_one_change_other(b, b), b


def test_parameters_given_one_tensor_one_assigned_then_changed_is_a_clear_error():
    # q's change is the caller's object's, which p no longer names: not
    # followed, so an error rather than the unchanged tensor given back.
    with pytest.raises(paddle.Dy2StError, match="may name the same object"):
        paddle.jit.to_static(same_tensor_to_one_it_assigns)(column([1.0, 2.0]))
    # Given two tensors, it compiles.
    b, c = column([1.0, 2.0]), column([3.0, 4.0])
    assert_same(paddle.jit.to_static(assign_one_change_other)(b, c),
                assign_one_change_other(column([1.0, 2.0]), column([3.0, 4.0])))
    assert c.numpy()[0, 0] == 5.0

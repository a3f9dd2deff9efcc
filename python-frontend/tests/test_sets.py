"""Sets of ints in compiled code (`seen = set()`, `seen.add(int(tok))`,
`tok in seen`): a TensorArray of the distinct items, looked up at run time.
Python iterates a set in its hash table's order, which compiled code does not
follow: what depends on that order is a clear error, what does not (`in`,
len, sorted, sum, min, max, any, all, a set returned) agrees with eager."""
import numpy as np
import pytest

import dy2st as paddle
from dy2st.static import InputSpec

RUNTIME = InputSpec([None], "int64")


def ints(values):
    return paddle.to_tensor(np.array(values, dtype="int64"))


def compiled(fn, *specs):
    return paddle.jit.to_static(fn, input_spec=list(specs) if specs else None)


def first_of_each_token(tokens, scores):
    seen = set()
    keep = []
    for i in range(tokens.shape[0]):
        t = int(tokens[i])
        if t not in seen:
            seen.add(t)
            keep.append(scores[i])
    return paddle.stack(keep), len(seen)


def methods(ids):
    s = {1, 2}
    for i in range(ids.shape[0]):
        s.add(int(ids[i]))
    s.discard(2)
    s.discard(100)
    t = set([5, 5, 6])
    t.update(s, [9])
    u = t.copy()
    u.clear()
    return (s, sorted(s), sum(s), min(s), max(t), 3 in s, 4 not in t, len(t), bool(set()),
            any(s), sorted(t, reverse=True), isinstance(s, set), u, set(range(3)))


def compared(ids):
    s = set()
    for i in range(ids.shape[0]):
        s.add(int(ids[i]))
    return (s == {1, 2, 3}, s != {3, 2, 1}, s == {1, 2}, {1, 2, 3} == s, s == [1, 2, 3],
            s == set(range(1, 4)))


@pytest.mark.parametrize("values", [[3, 1, 3, 2], [1, 2], [1, 2, 3, 4]])
def test_equality_whatever_the_order_items_were_added_in(values):
    assert compiled(compared, RUNTIME)(ints(values)) == compared(ints(values))


def combined(ids):
    s = set()
    for i in range(ids.shape[0]):
        s.add(int(ids[i]))
    t = {2, 5}
    return (sorted(s | t), sorted(s & t), sorted(s - t), sorted(t - s),
            s.union([7], t) == (s | t | {7}), sorted(s.intersection(t)),
            sorted(s.difference(t)), len(s & set()), sorted(s ^ t), (s ^ s) == set())


@pytest.mark.parametrize("values", [[3, 1, 3, 2], [5, 2], []])
def test_union_intersection_and_difference(values):
    assert compiled(combined, RUNTIME)(ints(values)) == combined(ints(values))


def comprehended(ids, n):
    s = {int(ids[i]) % 3 for i in range(ids.shape[0])}
    t = {i * i for i in range(n) if i % 2 == 0}
    return sorted(s), len(t), 4 in t


@pytest.mark.parametrize("values", [[3, 1, 3, 2], [5]])
def test_set_comprehensions(values):
    fn = compiled(comprehended, RUNTIME, 5)
    assert fn(ints(values), 5) == comprehended(ints(values), 5)


def removed(ids, k):
    s = set()
    for i in range(ids.shape[0]):
        s.add(int(ids[i]))
    s.remove(int(k))
    return s


def test_first_of_each_token():
    args = ints([3, 1, 3, 2, 1]), paddle.to_tensor([0.1, 0.2, 0.3, 0.4, 0.5])
    kept, n = compiled(first_of_each_token, RUNTIME, InputSpec([None], "float32"))(*args)
    eager_kept, eager_n = first_of_each_token(*args)
    assert n == eager_n == 3
    np.testing.assert_allclose(kept.numpy(), eager_kept.numpy())


@pytest.mark.parametrize("values", [[3, 1, 3, 2], [7], []])
def test_methods_membership_and_order_free_builtins(values):
    assert compiled(methods, RUNTIME)(ints(values)) == methods(ints(values))


def test_remove_of_a_missing_item_is_pythons_key_error():
    fn = compiled(removed, RUNTIME, InputSpec([], "int64"))
    assert fn(ints([4, 5]), ints(5)) == {4}
    with pytest.raises(KeyError, match="7"):
        removed(ints([4]), ints(7))
    with pytest.raises(KeyError, match="7"):
        fn(ints([4]), ints(7))


def iterated(ids):
    s = set()
    s.add(int(ids[0]))
    total = 0
    for v in s:
        total += v
    return total


def listed(ids):
    s = {int(ids[0]), 3}
    return list(s)


def printed(ids):
    s = {int(ids[0])}
    print(s)
    return 0


def _add_to(s, v):
    s.add(v)


def added_by_a_helper(ids):
    seen = set()
    _add_to(seen, int(ids[0]))
    return len(seen)


def _count_down(s, n):
    if n == 0:
        return len(s)
    return _count_down(s, n - 1)


def given_to_a_recursive_function(ids):
    return _count_down({int(ids[0])}, 2)


def of_strings(ids):
    return {"a", "b"}


@pytest.mark.parametrize("fn, message", [
    (iterated, "iterating the items of a set depends on the order of Python's hash table"),
    (listed, "the list of the items of a set depends on the order"),
    (printed, "formatting a set"),
    (of_strings, "a set in compiled code holds ints"),
    (given_to_a_recursive_function, "or a set, cannot be passed to the recursive function"),
    # A parameter may be a tensor, whose add() changes nothing: not stored.
    (added_by_a_helper, "set.add\\(\\) of a set this function did not make"),
])
def test_what_depends_on_the_hash_tables_order_is_a_clear_error(fn, message):
    with pytest.raises(paddle.jit.Dy2StError, match=message):
        compiled(fn, RUNTIME)(ints([1, 2]))

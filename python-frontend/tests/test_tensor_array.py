"""Lists of tensors whose length or index is known only at run time: compiled
to a TensorArray (a buffer with spare capacity), compared with eager runs."""
import inspect

import numpy as np
import pytest

import dy2st as paddle
from dy2st.static import InputSpec


def t(values, dtype="float32"):
    return paddle.to_tensor(np.array(values, dtype=dtype))


def collect_while(x, n):
    out = []
    i = paddle.to_tensor(0)
    while i < n:
        out.append(x * i)
        i = i + 1
    return paddle.stack(out), paddle.concat(out), len(out), out


def collect_for_range(x, n):
    out = [x]
    for i in range(n):
        out.append(out[-1] + i)
    return out, paddle.stack(out, axis=1)


def append_in_branches(x, n):
    evens, odds = [], []
    for i in range(n):
        if (x * i).sum() % 2 == 0:
            evens.append(x * i)
        else:
            odds.append(x * i)
    return len(evens), len(odds), evens, odds


def pop_until_empty(x, n):
    work = []
    for i in range(n):
        work.append(x + i)
    total = x * 0
    while len(work) > 0:
        total = total * 2 + work.pop()
    return total, len(work)


def runtime_indices(x, i, j):
    l = [x, x * 2, x * 3]
    l[i] = l[j] + 100
    return l[i], l[-1], l[j - 1], l


def pop_at_runtime_index(x, k):
    l = []
    for i in range(4):
        l.append(x * i)
    item = l.pop(k)
    return item, l


def iterate_array(x, n):
    acc = []
    for i in range(n):
        acc.append(x + i)
    total = x * 0
    for a in acc:
        total = total + a
    weighted = x * 0
    for i, a in enumerate(acc):
        weighted = weighted + a * i
    return total, weighted


def dict_of_arrays(x, n):
    d = {"small": [], "large": []}
    i = 0
    while i < n:
        if i < 2:
            d["small"].append(x * i)
        else:
            d["large"].append(x * i)
        i += 1
    return d


def nested_arrays(x, n):
    rows = [[], []]
    for i in range(n):
        rows[0].append(x * i)
        rows[1].append(x - i)
    rows[1][0] = rows[1][0] * 10
    return rows, len(rows[0])


def drain_while_truthy(x, n):
    work = [x]
    for i in range(n):
        work.append(x * i)
    total = x * 0
    while work:
        total = total + work.pop()
    done = not work
    fixed = [x, x]
    if fixed:
        total = total + 1
    return total, done, bool(fixed)


def concatenate_lists(x, n):
    fixed = [x] + [x * 2]
    l = [x]
    while len(l) < n:
        l = l + [l[-1] * 2, l[-1] * 3]
    return fixed, l


def slices_of_arrays(x, n):
    grown = []
    for i in range(n):
        grown.append(x * i)
    return (grown[1:3], grown[::-1], grown[-2:], grown[:-1:2], grown[5:1:-2], grown[10:],
            grown[-100:2])


def slice_with_runtime_bounds(x, lo):
    fixed = [x, x + 1, x + 2, x + 3]
    return fixed[lo:], fixed[lo:lo + 2], fixed[:lo:-1], fixed[1:3]


def insert_at_runtime_index(x, n, k):
    grown = []
    for i in range(n):
        grown.append(x * i)
    grown.insert(k, x * 100)
    grown.insert(-1, x + 7)
    fixed = [x, x + 1]
    fixed.insert(k, x - 1)
    return grown, fixed, [x] + grown, grown + grown


CASES = [
    (insert_at_runtime_index, lambda: (t([1.0, 2.0]), paddle.to_tensor(3), paddle.to_tensor(1))),
    (insert_at_runtime_index, lambda: (t([1.0, 2.0]), paddle.to_tensor(0), paddle.to_tensor(5))),
    (insert_at_runtime_index, lambda: (t([1.0, 2.0]), paddle.to_tensor(4),
                                       paddle.to_tensor(-9))),
    (slices_of_arrays, lambda: (t([1.0, 2.0]), paddle.to_tensor(6))),
    (slices_of_arrays, lambda: (t([1.0, 2.0]), paddle.to_tensor(2))),
    (slices_of_arrays, lambda: (t([1.0, 2.0]), paddle.to_tensor(0))),
    (slice_with_runtime_bounds, lambda: (t([1.0, 2.0]), paddle.to_tensor(-1))),
    (slice_with_runtime_bounds, lambda: (t([1.0, 2.0]), paddle.to_tensor(1))),
    (slice_with_runtime_bounds, lambda: (t([1.0, 2.0]), paddle.to_tensor(7))),
    (slice_with_runtime_bounds, lambda: (t([1.0, 2.0]), paddle.to_tensor(-9))),
    (concatenate_lists, lambda: (t([1.0, 2.0]), paddle.to_tensor(5))),
    (drain_while_truthy, lambda: (t([1.0, 2.0]), paddle.to_tensor(4))),
    (collect_while, lambda: (t([1.0, 2.0, 3.0]), paddle.to_tensor(5))),
    (collect_for_range, lambda: (t([1.0, -1.0]), paddle.to_tensor(4))),
    (append_in_branches, lambda: (t([1, 2], "int64"), paddle.to_tensor(7))),
    (pop_until_empty, lambda: (t([0.5, 1.5]), paddle.to_tensor(6))),
    (runtime_indices, lambda: (t([1.0, 2.0]), paddle.to_tensor(2), paddle.to_tensor(0))),
    (runtime_indices, lambda: (t([1.0, 2.0]), paddle.to_tensor(-3), paddle.to_tensor(2))),
    (pop_at_runtime_index, lambda: (t([1.0, 2.0]), paddle.to_tensor(1))),
    (pop_at_runtime_index, lambda: (t([1.0, 2.0]), paddle.to_tensor(-1))),
    (iterate_array, lambda: (t([1.0, 2.0]), paddle.to_tensor(5))),
    (dict_of_arrays, lambda: (t([1.0, 2.0]), paddle.to_tensor(5))),
    (nested_arrays, lambda: (t([1.0, 2.0, 3.0]), paddle.to_tensor(3))),
]


@pytest.mark.parametrize("fn, args", CASES, ids=[f"{fn.__name__}-{i}" for i, (fn, _) in
                                                  enumerate(CASES)])
def test_tensor_arrays(differential, fn, args):
    differential(fn, *args())


def test_zero_appends(differential):
    differential(collect_for_range, t([1.0, -1.0]), paddle.to_tensor(0))
    differential(pop_until_empty, t([1.0]), paddle.to_tensor(0))


def test_one_compilation_for_every_length():
    fn = paddle.jit.to_static(collect_while)
    for n in (1, 3, 17, 100):
        x = t([1.0, 2.0])
        eager = collect_while(x, paddle.to_tensor(n))
        compiled = fn(x, paddle.to_tensor(n))
        np.testing.assert_allclose(compiled[1].numpy(), eager[1].numpy())
        assert compiled[2] == n
    # Stacking no items is eager's ValueError, naming the line.
    with pytest.raises(ValueError, match="need at least one array to stack"):
        collect_while(t([1.0, 2.0]), paddle.to_tensor(0))
    with pytest.raises(ValueError, match=rf"test_tensor_array.py:{line_of(collect_while, 'stack')}"
                                         ": need at least one array to stack"):
        fn(t([1.0, 2.0]), paddle.to_tensor(0))
    assert len(fn._compiled) == 1


def grow_rows(x, n):
    rows = []
    for i in range(n):
        rows.append(x[:i + 1] * 0 + i if False else x * i)
    return paddle.stack(rows)


def test_items_of_a_dynamic_shape():
    fn = paddle.jit.to_static(grow_rows, input_spec=[InputSpec([None], "float32"),
                                                     InputSpec([], "int64")])
    for size in (1, 3, 8):
        x = t(np.arange(size))
        np.testing.assert_allclose(fn(x, paddle.to_tensor(4)).numpy(),
                                   grow_rows(x, paddle.to_tensor(4)).numpy())


def line_of(fn, text):
    lines, first = inspect.getsourcelines(fn)
    return first + next(i for i, l in enumerate(lines) if text in l)


def read_at(x, i):
    l = [x, x * 2]
    return l[i]


def pop_from(x, n):
    l = []
    for i in range(n):
        l.append(x)
    return l.pop()


def append_shapes(x, y, n):
    l = [x]
    for i in range(n):
        l.append(y)
    return paddle.stack(l)


def test_runtime_errors_raise_and_the_process_goes_on():
    read = paddle.jit.to_static(read_at)
    x = t([1.0])
    line = line_of(read_at, "return l[i]")
    for bad in (2, -3):
        with pytest.raises(IndexError, match=rf"test_tensor_array.py:{line}: list index out of range"):
            read(x, paddle.to_tensor(bad))
    assert float(read(x, paddle.to_tensor(-1))) == 2.0

    pop = paddle.jit.to_static(pop_from)
    with pytest.raises(IndexError, match="pop from empty list"):
        pop(x, paddle.to_tensor(0))
    assert float(pop(x, paddle.to_tensor(3))) == 1.0

    spec = [InputSpec([None], "float32"), InputSpec([None], "float32"), InputSpec([], "int64")]
    append = paddle.jit.to_static(append_shapes, input_spec=spec)
    with pytest.raises(ValueError, match="must all have one shape"):
        append(t([1.0, 2.0]), t([1.0, 2.0, 3.0]), paddle.to_tensor(2))
    np.testing.assert_allclose(append(t([1.0, 2.0]), t([3.0, 4.0]), paddle.to_tensor(2)).numpy(),
                               [[1.0, 2.0], [3.0, 4.0], [3.0, 4.0]])


def python_numbers_growing(x, n):
    counts, halves, flags = [], [], []
    i = 0
    while i < n:
        counts.append(i)
        halves.append(i / 2)
        flags.append(i % 2 == 0)
        i += 1
    counts[0] = 7
    last = halves.pop()
    return counts, halves, flags, last, counts[-1], len(flags), sum(counts), \
        [c * 2 for c in counts], x * max(counts)


def test_python_numbers_in_a_list_grown_at_run_time_stay_numbers():
    """A TensorArray of numbers: read, written, popped and given back as
    Python numbers of their own kind."""
    compiled = paddle.jit.to_static(python_numbers_growing)
    for n in (3, 1):
        expected = python_numbers_growing(t([1.0]), paddle.to_tensor(n))
        got = compiled(t([1.0]), paddle.to_tensor(n))
        assert got[:-1] == expected[:-1]
        assert [type(v) for v in got[0] + got[1] + got[2]] == \
            [type(v) for v in expected[0] + expected[1] + expected[2]]
        np.testing.assert_allclose(got[-1].numpy(), expected[-1].numpy())


def dims_from_a_long_constant_loop(x):
    dims = []
    for i in range(40):
        dims.append(1)
    return x.reshape(dims[:2] + [-1])


def test_numbers_grown_by_a_constant_loop_stay_known_when_compiling():
    """Unrolled as Python runs it: the list is a static argument (a shape)."""
    x = t([1.0, 2.0])
    assert paddle.jit.to_static(dims_from_a_long_constant_loop)(x).shape == [1, 1, 2]


def python_numbers_of_two_kinds(x, n):
    counts = [0]
    i = 0
    while i < n:
        counts.append(i + 0.5)
        i += 1
    return counts


def mixed_dtypes(x, n):
    l = [x]
    for i in range(n):
        l.append(paddle.cast(x, "int64"))
    return l


def test_lists_that_cannot_be_tensor_arrays_are_reported():
    with pytest.raises(paddle.Dy2StError, match="or numbers of one kind: list\\[int\\] and "
                                                "list\\[int, float\\]"):
        paddle.jit.to_static(python_numbers_of_two_kinds)(t([1.0]), paddle.to_tensor(3))
    with pytest.raises(paddle.Dy2StError, match="float32 tensor of shape \\[1\\], int64 tensor"):
        paddle.jit.to_static(mixed_dtypes)(t([1.0]), paddle.to_tensor(3))


def runtime_index_of_mixed(x, i):
    l = [x, 1]
    return l[i]


def test_runtime_index_into_a_mixed_list_is_reported():
    fn = paddle.jit.to_static(runtime_index_of_mixed)
    assert float(fn(t([3.0]), 0)) == 3.0  # a Python int is compiled for its value
    with pytest.raises(paddle.Dy2StError, match="needs its items to be tensors"):
        fn(t([3.0]), paddle.to_tensor(0))


def two_names(x, n):
    l = []
    for i in range(n):
        l.append(x * i)
    l2 = l
    l.append(x * 100)
    l[0] = x * 7
    return l2, l


def test_a_list_bound_to_two_names_is_shared_as_in_python():
    # Both names see the appends and the item set through one of them.
    first, second = paddle.jit.to_static(two_names)(t([1.0]), paddle.to_tensor(3))
    eager = two_names(t([1.0]), paddle.to_tensor(3))
    for compiled, expected in zip((first, second), eager):
        assert [float(v) for v in compiled] == [float(v) for v in expected] == \
            [7.0, 1.0, 2.0, 100.0]


def grow_with_views(x, n):
    rows = []
    i = paddle.to_tensor(0)
    while i < n:
        rows.append(x[:, 1:3] + i)
        i = i + 1
    return paddle.stack(rows), paddle.stack(rows, axis=2), paddle.concat(rows, axis=1)


def write_columns(x, y):
    x[:, 1:3] = y
    x[1:, 4:] = y[:-1, :1] * 2
    return x


@pytest.mark.parametrize("dtype", ["float64", "int32", "int64"])
def test_copies_of_views_of_a_runtime_size(dtype):
    """Copies the compiler cannot see as contiguous (a runtime size, a
    strided view) go through the runtime's copy, one contiguous run at a
    time: rows of a growing array, columns of a matrix."""
    grow = paddle.jit.to_static(grow_with_views, input_spec=[InputSpec([None, 5], dtype),
                                                             InputSpec([], "int64")])
    write = paddle.jit.to_static(write_columns, input_spec=[InputSpec([None, 5], dtype),
                                                            InputSpec([None, 2], dtype)])
    rng = np.random.default_rng(3)
    for rows, n in ((1, 2), (1, 1), (3, 5), (4, 100)):
        x = t(rng.integers(-50, 50, (rows, 5)), dtype)
        for compiled, eager in zip(grow(x, paddle.to_tensor(n)),
                                   grow_with_views(x, paddle.to_tensor(n))):
            np.testing.assert_array_equal(compiled.numpy(), eager.numpy())
        y = t(rng.integers(-50, 50, (rows, 2)), dtype)
        expected = write_columns(paddle.to_tensor(x.numpy()), y).numpy()
        np.testing.assert_array_equal(write(paddle.to_tensor(x.numpy()), y).numpy(), expected)

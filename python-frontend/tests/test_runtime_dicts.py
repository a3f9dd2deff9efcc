"""Dicts given keys at run time (`counts[int(tok)] = counts.get(int(tok), 0) + 1`
in a loop): compiled as TensorArrays of their int keys and of their values,
looked up at run time; eager Python is the reference, KeyError included."""
import numpy as np
import pytest

import dy2st as paddle
from dy2st.static import InputSpec


def ints(values):
    return paddle.to_tensor(np.array(values, dtype="int64"))


def floats(values):
    return paddle.to_tensor(np.array(values, dtype="float32"))


def compiled(fn, *specs):
    return paddle.jit.to_static(fn, input_spec=list(specs) if specs else None)


def count_tokens(ids):
    counts = {}
    i = 0
    while i < ids.shape[0]:
        k = int(ids[i])
        counts[k] = counts.get(k, 0) + 1
        i += 1
    return counts


def sum_by_group(x, groups):
    acc = {}
    for i in range(groups.shape[0]):
        g = int(groups[i])
        if g in acc:
            acc[g] = acc[g] + x[i]
        else:
            acc[g] = x[i]
    scaled = []
    for g in acc:
        scaled.append(acc[g] * g)
    return acc, len(acc), paddle.stack(scaled)


def methods(ids):
    d = {0: 1.5}
    for i in range(ids.shape[0]):
        d[int(ids[i])] = float(i)
    first = d.pop(int(ids[0]))
    missing = d.pop(100, -1.0)
    kept = d.setdefault(7, 2.5)
    again = d.setdefault(7, 9.0)
    return d, first, missing, kept, again, 7 in d, 3 not in d, bool(d), len(d)


def scaled_rows(x, ids):
    # Values of a size known only at run time (one size at run time, as the
    # items of a list compiled to a TensorArray).
    seen = {}
    for i in range(ids.shape[0]):
        seen[int(ids[i])] = x * i
    total = paddle.zeros([1])
    for k in seen:
        total = total + seen[k].sum()
    return seen, total


def keys_and_values(ids):
    d = {}
    for i in range(ids.shape[0]):
        d[int(ids[i]) * 10] = i * i
    keys = list(d.keys())
    values = list(d.values())
    return keys, values, list(d), sum(d.values())


def written_in_a_branch(x, ids):
    d = {}
    if x.sum() > 0:
        d[int(ids[0])] = x
    out = x * 0
    if d:
        out = d[int(ids[0])] + 1
    return d, out, len(d)


def cleared(ids):
    d = {}
    for i in range(ids.shape[0]):
        d[int(ids[i])] = 1
    n = len(d)
    d.clear()
    d[5] = 2
    return n, d


def unrolled(x):
    # A loop of a known trip count: unrolled, its keys still known only at run time.
    d = {}
    for i in range(3):
        d[int(x[i]) % 2] = i
    return d


def read_missing(ids, k):
    d = {}
    for i in range(ids.shape[0]):
        d[int(ids[i])] = i
    return d[int(k)]


def pop_missing(ids, k):
    d = {1: 0}
    for i in range(ids.shape[0]):
        d[int(ids[i])] = i
    return d.pop(int(k))


RUNTIME = InputSpec([None], "int64")


@pytest.mark.parametrize("values", [[1, 3, 3, 2, 1, 3], [7], []])
def test_counting_tokens(values):
    eager = count_tokens(ints(values))
    assert compiled(count_tokens, RUNTIME)(ints(values)) == eager
    assert list(compiled(count_tokens, RUNTIME)(ints(values))) == list(eager)


def test_a_dict_of_tensors_summed_by_group(differential):
    differential(sum_by_group, floats([1, 2, 3, 4, 5]), ints([2, 1, 2, 3, 1]))


def test_runtime_length_inputs_sum_by_group():
    spec = [InputSpec([None], "float32"), RUNTIME]
    args = floats([1, 2, 3, 4, 5]), ints([2, 1, 2, 3, 1])
    acc, n, scaled = compiled(sum_by_group, *spec)(*args)
    eager_acc, eager_n, eager_scaled = sum_by_group(*args)
    assert n == eager_n and list(acc) == list(eager_acc)
    for k in acc:
        np.testing.assert_allclose(acc[k].numpy(), eager_acc[k].numpy())
    np.testing.assert_allclose(scaled.numpy(), eager_scaled.numpy())


@pytest.mark.parametrize("values", [[3, 2, 3], [0, 7], [5]])
def test_get_pop_setdefault_in_len_and_truth(values):
    assert compiled(methods, RUNTIME)(ints(values)) == methods(ints(values))


def test_values_of_a_size_known_at_run_time():
    args = floats([1, 2, 3, 4]), ints([4, 2, 4, 1])
    seen, total = compiled(scaled_rows, InputSpec([None], "float32"), RUNTIME)(*args)
    eager_seen, eager_total = scaled_rows(*args)
    assert list(seen) == list(eager_seen)
    for k in seen:
        np.testing.assert_allclose(seen[k].numpy(), eager_seen[k].numpy())
    np.testing.assert_allclose(total.numpy(), eager_total.numpy())


def test_keys_values_and_list_of_the_dict():
    for values in ([1, 2, 1, 5], [3]):
        assert compiled(keys_and_values, RUNTIME)(ints(values)) == keys_and_values(ints(values))


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_a_dict_written_on_one_branch(differential, sign):
    differential(written_in_a_branch, floats([sign, 2 * sign]), ints([4]))


def test_clear(differential):
    differential(cleared, ints([1, 1, 2]))


@pytest.mark.parametrize("values", [[1.0, 3.0, 4.0], [2.0, 4.0, 6.0]])
def test_an_unrolled_loop(differential, values):
    differential(unrolled, floats(values))


def test_a_missing_key_is_pythons_key_error():
    fn = compiled(read_missing, RUNTIME, InputSpec([], "int64"))
    assert fn(ints([4, 5]), ints(5)) == 1
    with pytest.raises(KeyError, match="42"):
        fn(ints([4, 5]), ints(42))
    with pytest.raises(KeyError, match="42"):
        read_missing(ints([4, 5]), ints(42))
    pop = compiled(pop_missing, RUNTIME, InputSpec([], "int64"))
    assert pop(ints([4]), ints(1)) == 0
    with pytest.raises(KeyError, match="9"):
        pop(ints([4]), ints(9))


def mixed_kinds(ids):
    d = {}
    d[int(ids[0])] = 1
    d[int(ids[1])] = 0.5
    return d


def list_values(ids):
    d = {}
    for i in range(ids.shape[0]):
        d[int(ids[i])] = [i]
    return d


def tensor_key(x):
    d = {}
    d[x[0]] = 1
    return d


def read_empty(ids):
    d = {}
    return d[int(ids[0])]


def items_of(ids):
    d = {}
    for i in range(ids.shape[0]):
        d[int(ids[i])] = i
    return list(d.items())


@pytest.mark.parametrize("fn, message", [
    (mixed_kinds, "numbers of one kind"),
    (list_values, "tensors of one dtype and rank, or numbers of one kind: a dict{} given a list"),
    (tensor_key, "dict keys in compiled code must be strings or ints"),
    (read_empty, "KeyError: an empty dict is read at a key known only at run time"),
    (items_of, r"dict.items\(\) of a dict given keys at run time is not supported"),
])
def test_what_has_no_compiled_form_is_a_clear_error(fn, message):
    with pytest.raises(paddle.jit.Dy2StError, match=message):
        compiled(fn, RUNTIME)(ints([1, 2]))


def weighted_items(x, ids):
    d = {}
    for i in range(ids.shape[0]):
        d[int(ids[i])] = x[i]
    total = x.sum() * 0
    n = 0
    for k, v in d.items():
        total = total + v * k
        n += 1
    for j, (k, v) in enumerate(d.items()):
        total = total + j
    return total, n


def items_while_changed(ids):
    d = {}
    for i in range(ids.shape[0]):
        d[int(ids[i])] = i
    for k, v in d.items():
        d[k] = v + 1
    return d


def test_items_in_a_for_loop(differential):
    differential(weighted_items, floats([1, 2, 3]), ints([5, 6, 5]))


def test_changing_a_dict_while_its_items_are_iterated_is_a_clear_error():
    assert items_while_changed(ints([1, 2])) == {1: 1, 2: 2}
    with pytest.raises(paddle.jit.Dy2StError, match="changed while its items"):
        compiled(items_while_changed, RUNTIME)(ints([1, 2]))


def printed(x, ids):
    counts = {}
    scaled = {}
    for i in range(ids.shape[0]):
        k = int(ids[i])
        counts[k] = counts.get(k, 0) + 1
        scaled[k] = x[i] * 2
    print(counts, scaled)
    print(f"counts={counts!r:>20}|", [counts, len(counts)])
    return len(counts)


def formatted_with_a_spec(ids):
    d = {}
    d[int(ids[0])] = 1
    print(f"{d:>10}")
    return 0


def test_printed_as_python_prints_it(capfd):
    args = floats([1, 2, 3]), ints([4, 2, 4])
    printed(*args)
    eager = capfd.readouterr().out
    compiled(printed, InputSpec([None], "float32"), RUNTIME)(*args)
    assert capfd.readouterr().out == eager
    assert "{4: 2, 2: 1}" in eager


def test_a_format_spec_is_pythons_type_error():
    with pytest.raises(TypeError, match="unsupported format string passed to dict.__format__"):
        formatted_with_a_spec(ints([3]))
    with pytest.raises(TypeError, match="unsupported format string passed to dict.__format__"):
        compiled(formatted_with_a_spec, RUNTIME)(ints([3]))


def updated(x, ids):
    d = {}
    for i in range(ids.shape[0]):
        d[int(ids[i])] = x[i]
    d.update({7: x[0] * 10, int(ids[0]): x[1] + 100})
    e = {0: x[2]}
    e.update(d)
    f = {}
    f.update(e)
    return d, e, f


def test_update_with_dicts_of_either_kind(differential):
    differential(updated, floats([1, 2, 3]), ints([4, 2, 4]))


def most_frequent(ids):
    counts = {}
    for i in range(ids.shape[0]):
        k = int(ids[i])
        counts[k] = counts.get(k, 0) + 1
    return (max(counts, key=counts.get), sorted(counts, key=counts.get, reverse=True),
            sorted(counts), sum(counts.values()), max(counts), min(counts.values()), any(counts))


@pytest.mark.parametrize("values", [[3, 1, 3, 2], [5, 5, 4, 4, 4]])
def test_builtins_over_the_dict_and_its_get_as_a_key(values):
    assert compiled(most_frequent, RUNTIME)(ints(values)) == most_frequent(ints(values))


def compared(ids):
    d = {}
    for i in range(ids.shape[0]):
        k = int(ids[i])
        d[k] = d.get(k, 0) + 1
    e = {3: 2, 1: 1, 2: 1}
    return d == e, d != e, d == {}, {} == d, d == {1: 1}, d == d.copy(), d == {"a": 1}, d == [1]


@pytest.mark.parametrize("values", [[3, 1, 3, 2], [1], []])
def test_equality_with_dicts_of_either_kind(values):
    assert compiled(compared, RUNTIME)(ints(values)) == compared(ints(values))

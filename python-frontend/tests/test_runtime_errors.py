"""Errors only run time can detect come back as Python exceptions naming the
line; the process keeps running and the next call works."""
import inspect
import os

import numpy as np
import pytest

import dy2st as paddle
from dy2st.static import InputSpec
from conftest import assert_same


def pick(x, i):
    return x[i] * 2


def test_index_out_of_range_is_an_index_error():
    fn = paddle.jit.to_static(pick)
    x = paddle.to_tensor([1.0, 2.0, 3.0])
    line = inspect.getsourcelines(pick)[1] + 1
    for bad in ([3], [-4], [100]):
        with pytest.raises(IndexError, match=rf"test_runtime_errors.py:{line}: index {bad[0]} is "
                                             "out of bounds for axis 0 with size 3"):
            fn(x, paddle.to_tensor(bad))
    assert float(fn(x, paddle.to_tensor([2]))) == 6.0
    assert float(fn(x, paddle.to_tensor([-1]))) == 6.0


def python_division(a, n):
    k = 0
    for i in range(n):
        k = k + 10 // (3 - i)
    return a * k


def test_python_division_by_zero_raises_like_python():
    fn = paddle.jit.to_static(python_division)
    a = paddle.to_tensor([1.0])
    assert float(fn(a, 2)) == 8.0
    with pytest.raises(ZeroDivisionError, match="division by zero"):
        fn(a, 5)
    assert float(fn(a, 3)) == float(python_division(a, 3))


def tensor_division(a, b):
    return a // b, a % b


def test_integer_tensor_division_by_zero_gives_numpy_zero(differential):
    with np.errstate(divide="ignore", invalid="ignore"):
        differential(tensor_division, paddle.to_tensor([7, -7, 5]), paddle.to_tensor([0, 2, 0]))


def loop_index(x, n):
    total = x[0] * 0
    for i in range(n):
        total = total + x[i]
    return total


def test_error_inside_a_loop():
    fn = paddle.jit.to_static(loop_index)
    x = paddle.to_tensor([1.0, 2.0])
    assert float(fn(x, paddle.to_tensor([2]))) == 3.0
    with pytest.raises(IndexError):
        fn(x, paddle.to_tensor([3]))
    assert float(fn(x, paddle.to_tensor([1]))) == 1.0


def dynamic_condition(x, c):
    if c:
        x = x + 1
    return x


def test_condition_with_a_dynamic_shape_is_checked_at_run_time():
    fn = paddle.jit.to_static(dynamic_condition,
                              input_spec=[InputSpec([3]), InputSpec([None], "bool")])
    x = paddle.to_tensor([1.0, 2.0, 3.0])
    np.testing.assert_allclose(fn(x, paddle.to_tensor([True])).numpy(), [2.0, 3.0, 4.0])
    with pytest.raises(AssertionError, match="Variable can only contain one element"):
        fn(x, paddle.to_tensor([True, False]))
    with pytest.raises(AssertionError):
        fn(x, paddle.to_tensor(np.zeros(0, dtype=bool)))
    np.testing.assert_allclose(fn(x, paddle.to_tensor([False])).numpy(), [1.0, 2.0, 3.0])


def vector_truth(x, k):
    # Each use of a many-element tensor as one value is reached only for its k.
    if k == 0:
        if x > 0:
            x = x + 1
    elif k == 1:
        while x:
            x = x - 1
    elif k == 2:
        x = x * (not x > 1)
    elif k == 3:
        if x.sum() > 0 and x:
            x = x + 2
    elif k == 4:
        x = x * float(x)
    elif k == 5:
        x = x * int(x)
    return x * 2


@pytest.mark.parametrize("k", range(7))
@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
def test_many_elements_as_one_value_raise_where_reached(k, dynamic):
    """A tensor of several elements as a condition, in not/and, or converted
    to a number: Paddle's AssertionError at run time, as eagerly, only on
    the path that reaches it (k = 6 reaches none)."""
    x = paddle.to_tensor([1.0, 2.0, 3.0])
    specs = [InputSpec([None]), InputSpec([], "int64")] if dynamic else None
    fn = paddle.jit.to_static(vector_truth, input_spec=specs)
    if k == 6:
        np.testing.assert_allclose(fn(x, paddle.to_tensor(k)).numpy(),
                                   vector_truth(x, paddle.to_tensor(k)).numpy())
        return
    with pytest.raises(AssertionError) as eager:
        vector_truth(x, paddle.to_tensor(k))
    line = inspect.getsourcelines(vector_truth)[1] + [3, 6, 9, 11, 14, 16][k]
    with pytest.raises(AssertionError, match=f"test_runtime_errors.py:{line}: ") as compiled:
        fn(x, paddle.to_tensor(k))
    assert str(compiled.value).endswith(str(eager.value))


def add_and_matmul(a, b, m, n):
    return a + b, paddle.matmul(m, n)


def test_shapes_that_differ_at_run_time_raise_value_error():
    spec = [InputSpec([None], "float32"), InputSpec([None], "float32"),
            InputSpec([None, None], "float32"), InputSpec([None, None], "float32")]
    fn = paddle.jit.to_static(add_and_matmul, input_spec=spec)
    ones = lambda *shape: paddle.to_tensor(np.ones(shape, "float32"))
    with pytest.raises(ValueError, match="could not be broadcast together"):
        fn(ones(3), ones(5), ones(2, 3), ones(3, 2))
    with pytest.raises(ValueError, match="inner dimensions of the operands differ"):
        fn(ones(3), ones(3), ones(2, 3), ones(4, 2))
    total, product = fn(ones(3), ones(3), ones(2, 3), ones(3, 2))
    np.testing.assert_allclose(total.numpy(), [2.0, 2.0, 2.0])
    np.testing.assert_allclose(product.numpy(), np.full((2, 2), 3.0))
    # A dynamic size of 1 broadcasts, as numpy's and eager's do.
    for a, b in ((1, 4), (4, 1), (1, 1)):
        total, _ = fn(ones(a), paddle.to_tensor(np.arange(b, dtype="float32")),
                      ones(2, 3), ones(3, 2))
        np.testing.assert_allclose(total.numpy(), np.ones(a) + np.arange(b))


def add_dynamic_rows(a, b):
    return a * b + a


@pytest.mark.parametrize("shapes", [((1, 3), (4, 3)), ((4, 1), (1, 3)), ((4, 3), (1, 1)),
                                    ((1, 1), (1, 1)), ((2, 3), (2, 3))])
def test_dynamic_sizes_of_one_broadcast_in_every_dimension(shapes):
    spec = [InputSpec([None, None], "float32"), InputSpec([None, None], "float32")]
    fn = paddle.jit.to_static(add_dynamic_rows, input_spec=spec)
    rng = np.random.default_rng(0)
    a, b = (rng.standard_normal(s).astype("float32") for s in shapes)
    np.testing.assert_allclose(fn(paddle.to_tensor(a), paddle.to_tensor(b)).numpy(),
                               a * b + a, rtol=1e-6)
    with pytest.raises(ValueError, match="could not be broadcast together"):
        fn(paddle.to_tensor(np.ones((2, 3), "float32")), paddle.to_tensor(np.ones((3, 3), "float32")))


def floor_div_and_mod(x, d):
    return x // d, x % d


@pytest.mark.parametrize("dtype", ["int64", "int32"])
def test_integer_division_by_minus_one_wraps_as_numpy_does(differential, dtype):
    low = np.iinfo(dtype).min
    x = paddle.to_tensor(np.array([low, 7, -7, 5], dtype=dtype))
    d = paddle.to_tensor(np.array([-1, -1, 2, 0], dtype=dtype))
    with np.errstate(all="ignore"):
        differential(floor_div_and_mod, x, d)


def count_down(x, n):
    if n > 0:
        return count_down(x, n - 1) + 1
    return x


def test_deep_recursion_is_a_recursion_error_not_a_crash():
    fn = paddle.jit.to_static(count_down)
    with pytest.raises(RecursionError, match="maximum recursion depth exceeded"):
        fn(paddle.to_tensor([1.0]), paddle.to_tensor(100000))
    np.testing.assert_allclose(fn(paddle.to_tensor([1.0]), paddle.to_tensor(50)).numpy(), [51.0])


def count_up(x, depth):
    if depth > 100000:
        return x
    return count_up(x + 1, depth + 1)


def test_unbounded_recursion_when_converting_is_a_recursion_error_naming_the_line():
    """A Python-valued depth makes every level a call the importer follows;
    eager Python raises RecursionError, and so does the conversion."""
    with pytest.raises(RecursionError, match=r"test_runtime_errors.py:\d+: maximum recursion"):
        paddle.jit.to_static(count_up)(paddle.to_tensor([1.0]), 0)


def zeros_of(x, n):
    return paddle.zeros([n, 1000000, 1000]) + x


def test_a_tensor_larger_than_memory_is_a_memory_error():
    fn = paddle.jit.to_static(zeros_of)
    with pytest.raises(MemoryError, match="unable to allocate"):
        fn(paddle.to_tensor([1.0]), paddle.to_tensor(10000))
    assert fn(paddle.to_tensor([1.0]), paddle.to_tensor(0)).shape == [0, 1000000, 1000]
    with pytest.raises(paddle.Dy2StError, match="does not fit in this machine's memory"):
        fn(paddle.to_tensor([1.0]), 10000)


def outer_sum(x, y):
    held = paddle.concat([x, x, x, x], axis=1)  # a buffer of its own, live at the failure
    return (held[:, :1] + y).sum() + held.sum()


def resident_megabytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20


def test_an_intermediate_larger_than_memory_is_a_memory_error_and_frees_the_others():
    """Compiled code cannot unwind: the failed allocation (360 GB here) ends
    the call, names its line and frees the buffers the call held (a segfault
    before)."""
    fn = paddle.jit.to_static(outer_sum, input_spec=[InputSpec([None, 1], "float32"),
                                                     InputSpec([1, None], "float32")])
    x = paddle.to_tensor(np.ones((300000, 1), np.float32))
    y = paddle.to_tensor(np.ones((1, 300000), np.float32))
    with pytest.raises(MemoryError, match=r"test_runtime_errors.py:\d+: unable to allocate"):
        fn(x, y)
    before = resident_megabytes()
    for _ in range(200):
        with pytest.raises(MemoryError):
            fn(x, y)
    # 200 held buffers: over 1 GB if kept (under ASan, its quarantine of
    # freed blocks holds up to 256 MB).
    assert resident_megabytes() - before < 500
    small = fn(paddle.to_tensor([[1.0], [2.0]]), paddle.to_tensor([[1.0, 1.0, 1.0]]))
    assert small.item() == 15.0 + 12.0


def trigonometry(x):
    return paddle.sin(x), paddle.cos(x)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_sin_and_cos_match_numpy_over_the_whole_range(dtype):
    magnitudes = np.concatenate([np.geomspace(1e-6, 1e30, 4000), [0.0, np.pi, 1e4, 1e6, 3e38]])
    x = np.concatenate([magnitudes, -magnitudes]).astype(dtype)
    sin, cos = paddle.jit.to_static(trigonometry)(paddle.to_tensor(x))
    tolerance = 2e-7 if dtype == "float32" else 1e-15
    np.testing.assert_allclose(sin.numpy(), np.sin(x), rtol=0, atol=tolerance)
    np.testing.assert_allclose(cos.numpy(), np.cos(x), rtol=0, atol=tolerance)


def sums(x):
    return paddle.sum(x), paddle.sum(x, axis=-1), paddle.mean(x, axis=[1, 2]), paddle.std(x)


@pytest.mark.parametrize("dynamic", [False, True])
def test_float_sums_add_in_numpys_order(dynamic):
    """Sums over trailing dimensions round as numpy's pairwise sums do: the
    mean of equal values is exact where numpy's is, so deviations are 0
    rather than an ulp whose square may overflow (fuzz seeds 37950, 45611).
    Sizes known when compiling follow numpy up to 16384 elements, sizes
    known only at run time up to 128."""
    spec = [InputSpec([None, 3, None], "float32")] if dynamic else None
    fn = paddle.jit.to_static(sums, input_spec=spec)
    rng = np.random.default_rng(0)
    for n in [1, 7, 8, 9, 15, 16, 17, 21] + ([] if dynamic else [22, 43, 700]):
        for x in (np.full([2, 3, n], 2.31, np.float32),
                  (rng.standard_normal([2, 3, n]) * 1e3).astype(np.float32)):
            eager = sums(paddle.to_tensor(x))
            compiled = fn(paddle.to_tensor(x))
            for e, c in zip(eager, compiled):
                np.testing.assert_array_equal(c.numpy(), e.numpy(), err_msg=f"n = {n}")


def hyperbolic_tangent(x):
    return paddle.tanh(x)


def test_tanh_matches_numpy_up_to_saturation():
    """Within 4 ulp of numpy's float32 tanh everywhere, and below 1 exactly
    where numpy's is, so that a cast to an integer agrees (fuzz seed 44270)."""
    x = np.concatenate([np.linspace(-12, 12, 200001), [0.0, -0.0, np.inf, -np.inf, 8.4]])
    x = x.astype("float32")
    compiled = paddle.jit.to_static(hyperbolic_tangent)(paddle.to_tensor(x)).numpy()
    expected = np.tanh(x)
    ulp = np.spacing(np.abs(expected)).astype(np.float64)
    assert np.max(np.abs(compiled.astype(np.float64) - expected) / ulp) <= 4
    np.testing.assert_array_equal(compiled.astype(np.int64), expected.astype(np.int64))
    np.testing.assert_array_equal(np.signbit(compiled), np.signbit(expected))


def exp_of_filled(x):
    return paddle.exp(paddle.full_like(x * 2.0, float("nan"))), paddle.exp(x)


def test_exp_of_a_constant_nan_is_nan():
    """exp's approximation converts a float that may be NaN to an integer;
    LLVM's conversion of NaN is poison, which made exp of a NaN that LLVM saw
    as a constant read stale memory (fuzz seed 40194)."""
    x = paddle.to_tensor(np.array([[0.5, np.nan]], dtype="float32"))
    filled, computed = paddle.jit.to_static(exp_of_filled)(x)
    assert np.isnan(filled.numpy()).all()
    np.testing.assert_array_equal(computed.numpy(), np.exp(x.numpy()))


def extremes(x):
    return paddle.max(x), paddle.min(x, axis=0), paddle.argmax(x)


@pytest.mark.parametrize("size", [0, 3])
def test_max_and_min_of_no_elements_raise_as_eager(size):
    spec = [InputSpec([None], "float32")]
    fn = paddle.jit.to_static(extremes, input_spec=spec)
    x = paddle.to_tensor(np.arange(size, dtype="float32"))
    eager_error = None
    try:
        expected = extremes(x)
    except ValueError as e:
        eager_error = e
    if eager_error is None:
        for got, want in zip(fn(x), expected):
            np.testing.assert_array_equal(got.numpy(), want.numpy())
        return
    with pytest.raises(ValueError, match="zero-size array to reduction operation maximum"):
        fn(x)


def grow_python_int(x, k, steps, op):
    i = 0
    while i < x.shape[0] + steps:
        if op == "mul":
            k = k * 1000
        elif op == "add":
            k = k + 2 ** 62
        elif op == "pow":
            k = k ** 3
        else:
            k = (k - 2 ** 62 - 2 ** 62) // -1
        i += 1
    return x + 1, k


@pytest.mark.parametrize("op,start", [("mul", 7), ("add", 7), ("pow", 7), ("floordiv", 0)])
def test_python_ints_beyond_64_bits_raise_overflow_error(op, start):
    fn = paddle.jit.to_static(grow_python_int)
    x = paddle.to_tensor([1.0])
    with pytest.raises(OverflowError, match="beyond 64 bits"):
        fn(x, start, 8, op)
    _, small = fn(x, 2, 0, op)
    assert small == grow_python_int(x, 2, 0, op)[1]


def folded_overflow(x):
    return x + 1, 3 ** 50, 2 ** 62 * 4


def test_python_int_literals_beyond_64_bits_are_not_folded_wrapped():
    with pytest.raises(OverflowError, match="beyond 64 bits"):
        paddle.jit.to_static(folded_overflow)(paddle.to_tensor([1.0]))


def read_rows(x, n):
    total = x[0] * 0
    for i in range(n):
        total = total + x[i]
    return total


def write_rows(x, n):
    y = x * 1
    for i in range(n):
        y[i] = i
    return y


@pytest.mark.parametrize("fn", [read_rows, write_rows])
def test_index_errors_have_eagers_detail(fn):
    x = paddle.to_tensor(np.ones((3, 2), "float32"))
    with pytest.raises(IndexError) as eager:
        fn(x, paddle.to_tensor(5))
    assert "index 3 is out of bounds for axis 0 with size 3" in str(eager.value)
    with pytest.raises(IndexError, match="index 3 is out of bounds for axis 0 with size 3"):
        paddle.jit.to_static(fn)(x, paddle.to_tensor(5))


def gathers(x, i):
    return paddle.gather(x, i, axis=1)


def takes(x, i):
    return paddle.take_along_axis(x, i, axis=-1)


def subscripts(x, i):
    return x[i]


def pairs(x, i):
    return x[paddle.arange(2), i]


def assigned_pairs(x, i):
    y = x * 1
    y[[0, 1], i] = 0.0
    return y


@pytest.mark.parametrize("fn,index", [(gathers, [0, 5, -7]), (takes, [[0, 5], [-7, 1]]),
                                      (subscripts, [[0, 5], [-7, 1]]), (pairs, [0, 5]),
                                      (assigned_pairs, [0, 5])])
def test_gathers_by_an_index_tensor_name_the_first_bad_index_as_eager(fn, index):
    x = paddle.to_tensor(np.ones((2, 3), "float32"))
    i = paddle.to_tensor(np.array(index, "int64"))
    with pytest.raises(IndexError) as eager:
        fn(x, i)
    with pytest.raises(IndexError) as compiled:
        paddle.jit.to_static(fn)(x, i)
    assert str(eager.value).endswith(str(compiled.value).split(": ", 1)[1])
    assert "index 5 is out of bounds for axis" in str(compiled.value)



def add_with_bias(x, flag):
    if flag:
        return paddle.add(x, x, bias=x)
    return paddle.add(x, x)


def test_arguments_a_library_function_does_not_take_are_a_type_error_where_reached():
    """Python's TypeError naming the line when the call runs; a branch that
    folds away (flag=False) never runs it, as eagerly."""
    x = paddle.to_tensor([1.0, 2.0])
    fn = paddle.jit.to_static(add_with_bias)
    np.testing.assert_allclose(fn(x, False).numpy(), [2.0, 4.0])
    line = inspect.getsourcelines(add_with_bias)[1] + 2
    with pytest.raises(TypeError, match=rf"test_runtime_errors.py:{line}: add\(\) got an "
                                        "unexpected keyword argument 'bias'"):
        fn(x, True)
    with pytest.raises(TypeError, match="unexpected keyword argument 'bias'"):
        add_with_bias(x, True)


def made_on(x, device, requires_grad):
    if x.sum() > 0:
        return paddle.zeros([2], device=device, requires_grad=requires_grad)
    return x


@pytest.mark.parametrize("device,requires_grad,message", [
    ("gpu:0", False, "live on the CPU: device='gpu:0'"),
    ("cpu", True, "requires_grad=True is not supported"),
])
def test_placement_options_dy2st_cannot_honour_raise_where_reached(device, requires_grad,
                                                                    message):
    """Paddle 3.3's device=/requires_grad= of creation functions: the CPU
    and no gradients are accepted, the others a ValueError where the call
    runs (not in a branch not taken)."""
    compiled = paddle.jit.to_static(made_on)
    negative = paddle.to_tensor([-1.0, -1.0])
    np.testing.assert_array_equal(compiled(negative, device, requires_grad).numpy(), [-1, -1])
    for fn in (made_on, compiled):
        with pytest.raises(ValueError, match=message):
            fn(paddle.ones([2]), device, requires_grad)
    np.testing.assert_array_equal(compiled(paddle.ones([2]), "cpu", False).numpy(), [0, 0])


def checked_value(v):
    if v > 3:
        raise ValueError("too big")
    return v > 1


def raises_inside_and_or(x, flag):
    first = flag and checked_value(int(x[0]))
    second = int(x[1]) in [7, 8] or checked_value(int(x[0]))
    return first, second


def test_a_call_that_raises_inside_and_or():
    """The right operand of `and`/`or` calling a function that raises: the
    exception leaves the function once the operation ends (a region cannot
    return; before, IR that did not lower)."""
    compiled = paddle.jit.to_static(raises_inside_and_or)
    assert compiled(paddle.to_tensor([2, 4]), True) == (True, True)
    assert compiled(paddle.to_tensor([5, 7]), False) == (False, True)
    with pytest.raises(ValueError, match="too big"):
        compiled(paddle.to_tensor([5, 4]), True)


CHOICES = ["low", "high"]


def printed_after_an_error(x, i):
    label = CHOICES[int(i)]
    print("label", label)
    value = x[int(i)]
    print("value", value)
    return value


def test_nothing_is_printed_after_an_error_at_run_time(capsys):
    """Compiled code runs on to its end with safe values after a check at
    run time fails, but prints nothing more: Python's execution stopped at
    the raise."""
    compiled = paddle.jit.to_static(printed_after_an_error)
    x = paddle.to_tensor(np.float32([1.0, 2.0]))
    for fn in (printed_after_an_error, compiled):
        with pytest.raises(IndexError, match="list index out of range"):
            fn(x, paddle.to_tensor(2))
        assert capsys.readouterr().out == ""
    printed_after_an_error(x, paddle.to_tensor(1))
    eager = capsys.readouterr().out
    compiled(x, paddle.to_tensor(1))
    assert capsys.readouterr().out == eager


def matrix_transpose_of(x, flag):
    print("start")
    if flag > 0:
        y = x.mT
        print("transposed", y)
        return y
    return x


def test_the_matrix_transpose_of_a_vector_raises_where_it_runs(capsys):
    """x.mT of a 1-d tensor: Paddle's ValueError when the line runs (a path
    that does not reach it returns as eagerly)."""
    compiled = paddle.jit.to_static(matrix_transpose_of)
    x = paddle.to_tensor(np.float32([1.0, 2.0]))
    for fn in (matrix_transpose_of, compiled):
        np.testing.assert_array_equal(fn(x, paddle.to_tensor(0)).numpy(), x.numpy())
        with pytest.raises(ValueError, match=r"ndim\(1\) is required to be greater than or equal"):
            fn(x, paddle.to_tensor(1))
        assert capsys.readouterr().out == "start\nstart\n"


def checked_sum(a, limit):
    if a.sum() < limit:
        raise ValueError(f"too small: {a.sum()}")
    return a.sum() > 0


def stepped_while_checked(x, limit):
    i = 0
    while i < 5 and checked_sum(x, limit):
        x = x - 1
        print("step", i)
        i += 1
    print("end")
    return x, i


@pytest.mark.parametrize("limit", [-100.0, 5.0])
def test_a_call_that_raises_in_a_while_condition(capsys, limit):
    """A call that may raise in a while's condition (also right of `and`):
    the loop and the function stop where it raises, with its exception, and
    run as eagerly where it does not (the condition was a conversion error)."""
    compiled = paddle.jit.to_static(stepped_while_checked)
    outcomes = []
    for fn in (stepped_while_checked, compiled):
        x = paddle.to_tensor(np.float32([5.0, 6.0]))
        try:
            outcomes.append(fn(x, paddle.to_tensor(limit)))
        except ValueError as e:
            outcomes.append(str(e).split(": ", 1)[-1] if "py:" in str(e) else str(e))
        outcomes.append(capsys.readouterr().out)
    if limit > 0:
        assert outcomes[0] == outcomes[2] == "too small: 3.0"
    else:
        assert_same(outcomes[0], outcomes[2])
    assert outcomes[1] == outcomes[3]


def read_in_a_while(a, n):
    c = 0
    v = a[0, 0] * 0
    while c < n:
        v = a[1, 0]
    return v


def read_before_a_while(a, n):
    v = a[1, 0]
    while v < n:
        v = v + 0
    return v


@pytest.mark.parametrize("fn", [read_in_a_while, read_before_a_while])
def test_a_failed_check_ends_a_while_its_safe_value_would_not_end(fn):
    """A failed check goes on with a safe value until the call returns; a
    `while` that value never ends stops once the exception is recorded
    (before, the compiled call did not return)."""
    compiled = paddle.jit.to_static(fn)
    a = paddle.zeros([1, 2])
    n = paddle.to_tensor(3.0) if fn is read_before_a_while else 3
    with pytest.raises(IndexError, match="index 1 is out of bounds for axis 0 with size 1"):
        fn(a, n)
    with pytest.raises(IndexError, match=r"test_runtime_errors.py:\d+: index 1 is out of bounds "
                                         "for axis 0 with size 1"):
        compiled(a, n)
    if fn is read_in_a_while:
        assert_same(fn(a, 0), compiled(a, 0))


def helper_that_may_raise(v):
    if v > 1e30:
        raise ValueError("too big")
    return v * 2.0


def fills_a_table(values, rows):
    # 24 stores into one tensor in a loop body, each of a helper that may
    # raise: each store's bounds check and each raise's exit once nested the
    # rest, and compiling took minutes (one-shot bufferization followed every
    # branch of the chain).
    out = paddle.zeros([rows, 24], "float64")
    for i in range(values.shape[0]):
        v = float(values[i])
        out[i, 0] = helper_that_may_raise(v)
        out[i, 1] = helper_that_may_raise(v + 1)
        out[i, 2] = helper_that_may_raise(v + 2)
        out[i, 3] = helper_that_may_raise(v + 3)
        out[i, 4] = helper_that_may_raise(v + 4)
        out[i, 5] = helper_that_may_raise(v + 5)
        out[i, 6] = helper_that_may_raise(v + 6)
        out[i, 7] = helper_that_may_raise(v + 7)
        out[i, 8] = helper_that_may_raise(v + 8)
        out[i, 9] = helper_that_may_raise(v + 9)
        out[i, 10] = helper_that_may_raise(v + 10)
        out[i, 11] = helper_that_may_raise(v + 11)
        out[i, 12] = helper_that_may_raise(v + 12)
        out[i, 13] = helper_that_may_raise(v + 13)
        out[i, 14] = helper_that_may_raise(v + 14)
        out[i, 15] = helper_that_may_raise(v + 15)
        out[i, 16] = v
        out[i, 17] = v
        out[i, 18] = v
        out[i, 19] = v
        out[i, 20] = v
        out[i, 21] = v
        out[i, 22] = v
        out[i, 23] = v
    return out


@pytest.mark.parametrize("values,rows", [([1.0, 2.0, 3.0], 3), ([1.0, 2.0, 3.0], 2),
                                         ([1.0, 2e30], 2), ([1.0], 0)])
def test_many_checked_stores_into_one_tensor(values, rows):
    x = paddle.to_tensor(np.array(values))
    compiled = paddle.jit.to_static(fills_a_table)
    try:
        expected = fills_a_table(x, rows)
    except (IndexError, ValueError) as e:
        with pytest.raises(type(e), match=str(e).split(": ")[-1]):
            compiled(x, rows)
    else:
        assert_same(expected, compiled(x, rows))


def stores_into_its_argument(x, i):
    x[i, 0] = 5.0
    return x.sum()


@pytest.mark.parametrize("i", [1, 7, -9])
def test_a_store_out_of_range_leaves_the_argument_unchanged(i):
    """Out of range, the store writes nothing (the slice there is written
    back unchanged, or nothing where the dimension may be 0)."""
    for shape in ([3, 2], None):
        x = paddle.to_tensor(np.arange(6.0).reshape(3, 2))
        spec = None if shape else [paddle.static.InputSpec([None, 2], "float64"),
                                   paddle.static.InputSpec([], "int64")]
        compiled = paddle.jit.to_static(stores_into_its_argument, input_spec=spec)
        if i == 1:
            assert float(compiled(x, paddle.to_tensor(i))) == 15.0 - 2.0 + 5.0
            continue
        with pytest.raises(IndexError, match="out of bounds"):
            compiled(x, paddle.to_tensor(i))
        np.testing.assert_array_equal(x.numpy(), np.arange(6.0).reshape(3, 2))


def unused_index(x, i):
    y = x[i]
    return x


def unused_constant_index(x):
    y = x[5]
    return x


def unused_division(x, n):
    q = 10 // n
    return x


def unused_list_item(x, n):
    items = []
    i = 0
    while i < n:
        items.append(x + i)
        i += 1
    y = items[n + 2]
    return x


def unused_index_in_a_try(x, i):
    try:
        y = x[i]
        print("in range")
    except IndexError:
        print("out of range")
    return x


@pytest.mark.parametrize("fn,args", [
    (unused_index, lambda: (paddle.to_tensor([1.0]), paddle.to_tensor(4))),
    (unused_index, lambda: (paddle.to_tensor([1.0]), 4)),
    (unused_constant_index, lambda: (paddle.to_tensor([1.0]),)),
    (unused_division, lambda: (paddle.to_tensor([1.0]), paddle.to_tensor(0).item())),
    (unused_list_item, lambda: (paddle.to_tensor([1.0]), paddle.to_tensor(3))),
    (unused_index_in_a_try, lambda: (paddle.to_tensor([1.0]), 4)),
    (unused_index_in_a_try, lambda: (paddle.to_tensor([1.0]), 0)),
])
def test_a_check_whose_value_is_unused_still_raises(capsys, fn, args):
    """An op that may fail at run time runs where its value is unused, as
    eagerly: dead-code elimination kept none of them before."""
    def outcome(f):
        capsys.readouterr()
        try:
            f(*args())
            error = None
        except Exception as e:
            error = type(e)
        return error, capsys.readouterr().out
    assert outcome(paddle.jit.to_static(fn)) == outcome(fn)
    if fn is not unused_index_in_a_try:
        assert outcome(fn)[0] is not None


def made_at(x, place):
    if x.sum() > 0:
        return paddle.to_tensor([1.0, 2.0], place=place) + x
    return x


def made_on_the_cpu(x):
    # test_to_tensor's places: CPUPlace made in the function, given by name.
    place = paddle.CPUPlace()
    return paddle.to_tensor([1.0, 2.0], "float32", place) + \
        paddle.to_tensor([3.0], place="cpu") + paddle.to_tensor([0.5], place=x.place) + x


def test_to_tensor_places():
    """A CPU place passes; another is the ValueError where the call runs."""
    compiled = paddle.jit.to_static(made_at)
    np.testing.assert_array_equal(compiled(paddle.to_tensor([-1.0, -1.0]), "gpu:0").numpy(),
                                  [-1, -1])
    for fn in (made_at, compiled):
        with pytest.raises(ValueError, match="live on the CPU: place='gpu:0'"):
            fn(paddle.ones([2]), "gpu:0")
        np.testing.assert_array_equal(fn(paddle.ones([2]), "cpu").numpy(), [2, 3])
    x = paddle.to_tensor([0.5, 0.25])
    np.testing.assert_array_equal(paddle.jit.to_static(made_on_the_cpu)(x).numpy(),
                                  made_on_the_cpu(x).numpy())


class OnlyNumbers(paddle.autograd.PyLayer):
    @staticmethod
    def forward(ctx, x):
        return 3


class WithoutForward(paddle.autograd.PyLayer):
    pass


def apply_only_numbers(x):
    return OnlyNumbers.apply(x)


def apply_without_forward(x):
    return WithoutForward.apply(x)


@pytest.mark.parametrize("fn,error,message", [
    (apply_only_numbers, ValueError, "At least one output of `PyLayer.forward` is a `Tensor`"),
    (apply_without_forward, NotImplementedError, "You must implement the forward function"),
])
def test_a_py_layer_that_cannot_run_is_pythons_error(fn, error, message):
    """As real Paddle's PyLayer.apply, eagerly and where compiled code calls it."""
    x = paddle.to_tensor([1.0, 2.0])
    with pytest.raises(error, match=message):
        fn(x)
    with pytest.raises(error, match=message):
        paddle.jit.to_static(fn)(x)

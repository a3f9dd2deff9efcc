"""Calls of other Python functions, methods and lambdas from compiled code:
converted with the caller, no decorator needed."""
import contextlib
import functools
import math

import numpy as np
import pytest

import dy2st as paddle
import dy2st.nn.functional as F
from conftest import assert_same
from dy2st.static import InputSpec


def t(values):
    return paddle.to_tensor(np.array(values, dtype="float32"))


def leaf(a, scale=2.0):
    if a.sum() > 0:
        return a * scale
    return a - scale


def middle(a, b):
    return leaf(a) + leaf(b, scale=3.0)


def three_deep(x):
    return middle(x, -x) + middle(-x, x)


def apply(f, v):
    return f(v) + 1


def lambda_to_helper(x):
    square = lambda v: v * v  # noqa: E731
    return apply(square, x), apply(lambda v: v - 1, x)


def keyword_arguments(x):
    return leaf(scale=0.5, a=x), leaf(x)


def uses_math_module(x):
    return x * math.pi + math.e


def helper_in_loop(x):
    for i in range(3):
        x = leaf(x, scale=1.5)
    return x


def lambda_defaults_and_star_args(x):
    scale = 3.0
    fs = [lambda v, k=i: v * k for i in range(3)]
    total = lambda a, *rest, bias=1.0: a + sum(rest) + bias  # noqa: E731
    shift = lambda v, w=scale: v - w  # noqa: E731
    return (fs[2](x), total(x, x, x), total(x, bias=scale), total(a=x), shift(x),
            shift(x, w=2.0), shift(w=0.5, v=x))


def lambda_from_a_list_of_defaults(x, n):
    ops = [lambda v, k=1.0: v + k, lambda v, k=2.0: v * k]
    out = x
    for i in range(n):
        out = ops[i % 2](out)
    return out


def positional_only_and_keywords(a, b=2.0, /, c=3.0, *rest, k=1.0, **kw):
    s = a * b + c * k
    for r in rest:
        s = s + r
    for name in kw:
        s = s + kw[name]
    return s


def keeps_a_positional_only_name_for_kwargs(a, /, **kw):
    return a * kw["a"]


def every_parameter_kind(x):
    """Parameters before '/', after a bare '*', **kwargs and defaults, in
    called functions, nested defs and lambdas; a keyword that names a
    positional-only parameter goes to **kwargs, as in Python."""
    def inner(u, /, v=1.0, *more, w=2.0, **extra):
        t = u * v + w
        for m in more:
            t = t + m
        return t + len(extra)
    only_first = lambda u, /, v=1.0: u * v  # noqa: E731
    keyword_only = lambda u, *, k=2.0, m: u + k * m  # noqa: E731
    collects = lambda u, /, **kw: u + len(kw) + kw["u"]  # noqa: E731
    counts = lambda *args, **kw: len(args) + len(kw)  # noqa: E731
    y = positional_only_and_keywords(x, 3.0, 4.0, x, x, k=2.0, z=x)
    z = positional_only_and_keywords(x) + inner(x, 2.0, x, w=0.5, q=1) + inner(x)
    w = only_first(x, 3.0) + only_first(x) + keyword_only(x, m=x) + keyword_only(x, k=1.0, m=2.0)
    return y + z + w + collects(x, u=x, t=1) + counts(1, 2, z=3) + \
        keeps_a_positional_only_name_for_kwargs(x, a=x)


@pytest.mark.parametrize("fn", [three_deep, lambda_to_helper, keyword_arguments,
                                uses_math_module, helper_in_loop,
                                lambda_defaults_and_star_args, every_parameter_kind])
def test_calls(differential, fn):
    differential(fn, t([1.0, -2.0, 3.0]))


class Net(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.w = paddle.to_tensor([1.0, 2.0, 3.0])

    def act(self, v):
        return paddle.relu(v) * self.w

    def forward(self, v):
        y = self.act(v)
        for i in range(2):
            y = self.act(y - 1.0)
        return y


class Outer(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.inner = Net()
        self.b = paddle.to_tensor([0.5, 0.5, 0.5])

    def forward(self, v):
        return self.inner(v) + self.b


def test_layer_methods_and_sublayers():
    x = t([1.0, -2.0, 3.0])
    net = Outer()
    eager = net(x)
    compiled = paddle.jit.to_static(net)(x)
    np.testing.assert_allclose(compiled.numpy(), eager.numpy())
    net.inner.w = paddle.to_tensor([2.0, 2.0, 2.0])
    np.testing.assert_allclose(net(x).numpy(), Outer.forward(net, x).numpy())


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def tensor_fact(n):
    if n <= 1:
        return paddle.ones([1], dtype="int64")
    return n * tensor_fact(n - 1)


def halve_until_small(x):
    if x.sum() < 1.0:
        return x
    return halve_until_small(x / 2.0)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def tree_sum(x, lo, hi):
    # Sum of x[lo:hi] by halving: a recursion whose depth depends on the data.
    if hi - lo == 1:
        return x[lo]
    mid = (lo + hi) // 2
    return tree_sum(x, lo, mid) + tree_sum(x, mid, hi)


def fib_pair(n):
    # A tuple through the recursion: unpacked, and read by index.
    if n <= 0:
        return 0, 1
    a, b = fib_pair(n - 1)
    pair = fib_pair(n - 1)
    return b, a + pair[1]


def positives(x, i):
    if i >= x.shape[0]:
        return paddle.zeros([]), 0, 0.0
    total, count, largest = positives(x, i + 1)
    v = x[i]
    if v > 0:
        return total + v, count + 1, largest if largest > float(v) else float(v)
    return total, count, largest


OFFSET = paddle.to_tensor([0.5])


def shifted(x, n):
    # Reads a tensor from outside it, in the base case and around the call.
    if n <= 0:
        return x * OFFSET
    return shifted(x + OFFSET, n - 1) + OFFSET


def shifted_twice(x, n):
    return shifted(x, n) + shifted(x, n - 1)


class Walk(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.w = self.create_parameter([2, 2])

    def walk(self, x, depth):
        if depth == 0:
            return x + OFFSET
        return self.walk(paddle.tanh(x @ self.w), depth - 1)

    def forward(self, x, depth):
        return self.walk(x, depth)


def fib_nested(n, x):
    # Nested tuples and lists through the recursion.
    if n < 2:
        return x, (x, n)
    a, (b, m) = fib_nested(n - 1, x)
    return a + b, (a, m + 1)


def fib_lists(n, x):
    if n < 2:
        return [x, [x * 2, 1]]
    pair = fib_lists(n - 1, x)
    return [pair[0] + pair[1][0], [pair[0], pair[1][1] + 1]]


@pytest.mark.parametrize("fn,args", [
    (shifted, (t([1.0, 2.0]), paddle.to_tensor(3))),
    (shifted_twice, (t([1.0, 2.0]), paddle.to_tensor(2))),
    (Walk(), (t([[1.0, 2.0]]), paddle.to_tensor(3))),
    (fib_pair, (paddle.to_tensor(8),)),
    (fib_pair, (paddle.to_tensor(0),)),
    (positives, (t([1.0, -2.0, 3.5, 0.5]), 0)),
    (fact, (5,)),
    (tensor_fact, (paddle.to_tensor([5]),)),
    (tensor_fact, (paddle.to_tensor([1]),)),
    (halve_until_small, (t([3.0, 5.0]),)),
    (fib, (paddle.to_tensor([10]),)),
    (is_even, (paddle.to_tensor([7]),)),
    (is_even, (paddle.to_tensor([8]),)),
    (tree_sum, (t([1.0, 2.0, 3.0, 4.0, 5.0]), 0, 5)),
    (fib_nested, (paddle.to_tensor(6), t([1.0, 0.5]))),
    (fib_nested, (paddle.to_tensor(1), t([1.0, 0.5]))),
    (fib_lists, (paddle.to_tensor(5), t([1.0, 0.5]))),
])
def test_recursion(differential, fn, args):
    differential(fn, *args)


def test_recursion_is_a_real_recursive_function():
    fn = paddle.jit.to_static(tensor_fact)
    fn(paddle.to_tensor([6]))
    core = fn.mlir("core")
    assert "call @" in core and "func.func private" in core


def no_base_case(n):
    return no_base_case(n - 1) + 1


def test_recursion_without_base_case_is_reported():
    with pytest.raises(paddle.Dy2StError, match="no path returns without a recursive call"):
        paddle.jit.to_static(no_base_case)(paddle.to_tensor([3]))


def nested_def(x):
    def inner(y, k):
        if y.sum() > 0:
            return y * k
        return y
    return inner(x, 2) + inner(-x, 3)


def test_nested_def(differential):
    differential(nested_def, t([1.0, 2.0]))


def nested_def_reading_enclosing(x):
    k = 3

    def inner(y):
        return y * k
    return inner(x)


def test_nested_def_reading_enclosing_variables(differential):
    differential(nested_def_reading_enclosing, t([1.0]))


def test_lambdas_with_defaults_picked_from_a_list(differential):
    differential(lambda_from_a_list_of_defaults, t([1.0, -2.0]), 3)


def lambda_called_with_an_unknown_keyword(x):
    f = lambda v, k=1.0: v * k  # noqa: E731
    return f(x, scale=2.0)


def lambda_called_with_too_many_arguments(x):
    f = lambda v, k=1.0: v * k  # noqa: E731
    return f(x, x, x)


def lambda_given_a_positional_only_keyword(x):
    f = lambda v, /: v  # noqa: E731
    return f(v=x)


def lambda_given_a_keyword_only_by_position(x):
    f = lambda v, *, k: v + k  # noqa: E731
    return f(x, x)


def positional_only(a, /):
    return a


def function_given_a_positional_only_keyword(x):
    return positional_only(a=x)


def nested_def_with_computed_defaults(x):
    scale = x.sum() * 2.0

    def inner(v, k=scale, *, shift=scale + 1.0):
        return v * k + shift
    scale = 100.0  # the defaults were computed when the def ran
    return inner(x), inner(x, 1.0), inner(x, shift=0.0)


def nested_defs_made_in_a_loop(x):
    out = []
    for i in range(3):
        def inner(v, k=i * 2.0):
            return v + k
        out.append(inner(x))
    return out


def nested_def_with_a_computed_default_called_through_stars(x):
    n = x.sum()

    def inner(a, b=n):
        return a * b
    args = (x,)
    keywords = {"a": x}
    return inner(*args), inner(**keywords)


def nested_def_calling_one_with_a_computed_default(x):
    base = x.max()

    def first(v, k=base):
        return v - k

    def second(v):
        return first(v) * 2.0
    return second(x)


def closure_called_with_a_mapping(x):
    scale = 3.0

    def inner(a, b=1.0):
        return a * b + scale
    keywords = {"a": x}
    return inner(**keywords)


def lambda_given_spread_arguments(x):
    f = lambda a, b, *rest, scale=1: (a + b + len(rest)) * scale  # noqa: E731
    args = [x, 2, 3]
    pair = (x, x * 2)
    return f(*args), f(x, *[1, 2, 3], scale=3), f(*args[:2], *(4,)), f(*pair), f(*pair, *pair)


def test_a_lambda_called_with_spread_arguments(differential):
    differential(lambda_given_spread_arguments, t([1.0, -2.0]))


def lambda_given_a_list_of_run_time_length(x, n):
    f = lambda *v: len(v)  # noqa: E731
    items = []
    for i in range(n):
        items.append(i)
    return f(*items)


def test_spreading_a_list_of_run_time_length_is_a_clear_error():
    with pytest.raises(paddle.Dy2StError, match="f\\(\\*args\\) needs a list or tuple whose "
                                                "length is known when compiling"):
        paddle.jit.to_static(lambda_given_a_list_of_run_time_length)(t([1.0]),
                                                                     paddle.to_tensor(3))


@pytest.mark.parametrize("fn,message", [
    (lambda_called_with_an_unknown_keyword, "unexpected keyword argument 'scale'"),
    (lambda_called_with_too_many_arguments,
     "takes from 1 to 2 positional arguments but 3 were given"),
    (lambda_given_a_positional_only_keyword,
     "positional-only arguments passed as keyword arguments: 'v'"),
    (lambda_given_a_keyword_only_by_position, "takes 1 positional argument but 2 were given"),
    (function_given_a_positional_only_keyword,
     "positional-only arguments passed as keyword arguments: 'a'")])
def test_a_lambda_call_that_does_not_fit_is_pythons_type_error(fn, message):
    with pytest.raises(TypeError, match=message):
        fn(t([1.0]))
    with pytest.raises(paddle.Dy2StError, match=message):
        paddle.jit.to_static(fn)(t([1.0]))


@pytest.mark.parametrize("fn", [
    nested_def_with_computed_defaults, nested_defs_made_in_a_loop,
    nested_def_with_a_computed_default_called_through_stars,
    nested_def_calling_one_with_a_computed_default, closure_called_with_a_mapping])
def test_a_nested_defs_computed_default_is_taken_when_the_def_runs(fn):
    x = t([1.0, 2.0])
    expected, got = fn(x), paddle.jit.to_static(fn)(x)
    if not isinstance(expected, (list, tuple)):
        expected, got = [expected], [got]
    assert len(got) == len(expected)
    for e, g in zip(expected, got):
        np.testing.assert_allclose(g.numpy(), e.numpy())


def lambda_reads_a_variable_assigned_later(x):
    a = 1.0
    f = lambda v: v + a  # noqa: E731
    a = 2.0
    return f(x)


def lambdas_of_a_loop_variable(x):
    fs = []
    for i in range(3):
        fs.append(lambda v: v * i)
    return fs[0](x)


@pytest.mark.parametrize("fn,name,where", [
    (lambda_reads_a_variable_assigned_later, "a", "after the lambda is made"),
    (lambdas_of_a_loop_variable, "i", "in a loop around it")])
def test_a_lambda_whose_variable_changes_before_it_runs_is_reported(fn, name, where):
    """Python reads a lambda's variables when it runs (late binding): these
    give 3 and 2 eagerly, which a value bound when the lambda is made would
    not; compiled code reports them rather than differ."""
    with pytest.raises(paddle.UnsupportedSyntaxError,
                       match=f"reads '{name}', which is assigned again {where}.*{name}={name}"):
        paddle.jit.to_static(fn)(t([1.0]))


def lambdas_called_where_they_are_made(x):
    out = x
    for i in range(3):
        out = apply(lambda v: v * i, out)
        out = (lambda v: v + i)(out)
    a = 1.0
    y = apply(lambda v: v + a, out)
    a = 2.0
    return y + a


def test_lambdas_called_where_they_are_made_read_the_current_value(differential):
    differential(lambdas_called_where_they_are_made, t([1.0, -2.0]))



class Scaled(paddle.nn.Linear):
    """super().forward and super(C, self) of a subclassed layer, and getattr /
    hasattr with names known when compiling."""

    def __init__(self, act):
        super().__init__(3, 2)
        self.act = act

    def forward(self, x):
        y = super().forward(x) + super(Scaled, self).forward(x * 2)
        if hasattr(self, "missing") or not hasattr(self, "weight"):
            y = y * 0
        scale = getattr(self, "scale", 0.5) + getattr(self, "bias").sum()
        return getattr(paddle.nn.functional, self.act)(y) * scale, getattr(y, "shape")


@pytest.mark.parametrize("act", ["relu", "tanh"])
def test_super_getattr_and_hasattr_in_a_layer(act):
    layer = Scaled(act)
    x = paddle.to_tensor(np.random.RandomState(0).randn(4, 3).astype(np.float32))
    assert_same(layer(x), paddle.jit.to_static(layer)(x))


def test_getattr_needs_a_name_known_when_compiling():
    def dynamic_name(x, names):
        return getattr(x, names[0])
    with pytest.raises(paddle.Dy2StError, match="must be a string known when compiling"):
        paddle.jit.to_static(dynamic_name)(paddle.ones([2]), ["shape"])


class _NamedBlocks(paddle.nn.Layer):
    """Blocks made with setattr(f"block_{i}") and heads in a LayerDict, as
    config-driven models build them, chosen at each call by a loop's index and
    by a string argument."""

    def __init__(self, blocks):
        super().__init__()
        self.blocks = blocks
        for i in range(blocks):
            setattr(self, f"block_{i}", paddle.nn.Linear(3, 3))
            setattr(self, f"scale_{i}", float(i + 1))
        self.heads = paddle.nn.LayerDict({"a": paddle.nn.Linear(3, 2),
                                          "b": paddle.nn.Linear(3, 4)})

    def forward(self, x, head="a"):
        for i in range(self.blocks):
            x = getattr(self, f"block_{i}")(x) * getattr(self, f"scale_{i}")
        return self.heads[head](x)


@pytest.mark.parametrize("head", ["a", "b"])
def test_attributes_named_by_a_loop_index_and_entries_chosen_by_an_argument(head):
    paddle.seed(3)
    layer = _NamedBlocks(3)
    x = paddle.to_tensor(np.random.RandomState(0).randn(4, 3).astype(np.float32))
    assert_same(layer(x, head), paddle.jit.to_static(layer)(x, head))


def test_an_entry_the_dict_lacks_is_pythons_key_error():
    paddle.seed(3)
    layer = _NamedBlocks(1)
    x = paddle.ones([1, 3])
    with pytest.raises(KeyError, match="c"):
        layer(x, "c")
    with pytest.raises(KeyError, match="c"):
        paddle.jit.to_static(layer)(x, "c")


def counted_steps(x):
    count = 0
    total = x * 0

    def step(v):
        nonlocal count, total
        count += 1
        total = total + v
        return v * 2

    y = step(step(x))
    if x.sum() > 0:
        step(x)
    for _ in range(2):
        step(y)
    return y, count, total


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_a_nested_def_assigning_nonlocal_variables(differential, sign):
    differential(counted_steps, paddle.to_tensor([sign, 2.0]))


def nonlocal_def_as_a_value(x):
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n

    def twice(f):
        return f() + f()

    return twice(inc) * x


def test_a_nonlocal_def_passed_as_a_value_is_a_clear_error():
    assert nonlocal_def_as_a_value(paddle.ones([1])).numpy().tolist() == [3.0]
    with pytest.raises(paddle.Dy2StError, match="assigns 'nonlocal' variables"):
        paddle.jit.to_static(nonlocal_def_as_a_value)(paddle.ones([1]))


def math_of_numbers(x, n):
    """Python's math on numbers known when compiling and on runtime ones."""
    scale = 1.0 / math.sqrt(x.shape[-1])
    values = (math.exp(-math.log(10000.0) / 16), math.log(8, 2), math.log2(n), math.log10(n),
              math.log1p(n), math.expm1(0.5), math.sin(n), math.cos(n), math.tan(0.3),
              math.asin(0.5), math.acos(-0.25), math.atan(n), math.atan2(1.0, n), math.sinh(1.5),
              math.cosh(n), math.tanh(n), math.erf(0.4), math.fabs(-n), math.floor(n + 0.5),
              math.ceil(n * 0.3), math.floor(7), math.pow(n, 1.5), math.isnan(n),
              math.isinf(n * 1e308 * 10), math.isfinite(n), math.radians(n), math.degrees(1.0),
              math.prod(x.shape), math.prod([n, 2], start=0.5))
    return x * scale, values


@pytest.mark.parametrize("n", [3.0, 0.25])
def test_python_math_functions(n):
    x = paddle.ones([2, 16])
    eager, compiled = math_of_numbers(x, n), paddle.jit.to_static(math_of_numbers)(x, n)
    assert_same(eager[0], compiled[0])
    assert [type(v) for v in eager[1]] == [type(v) for v in compiled[1]]
    np.testing.assert_allclose(compiled[1], eager[1], rtol=1e-15, atol=0)


def floor_and_ceil(v):
    return math.floor(v), math.ceil(v), math.floor(-v), math.ceil(-v)


@pytest.mark.parametrize("v", [0.0, 0.5, 2.0, 2.5, 1e15 + 0.5, 7])
def test_floor_and_ceil_of_numbers_known_at_run_time(v):
    assert paddle.jit.to_static(floor_and_ceil)(v) == floor_and_ceil(v)


@pytest.mark.parametrize("v,error", [(math.nan, ValueError), (math.inf, OverflowError)])
def test_floor_and_ceil_raise_maths_errors(v, error):
    with pytest.raises(error) as eager:
        floor_and_ceil(v)
    with pytest.raises(error, match=str(eager.value)):
        paddle.jit.to_static(floor_and_ceil)(v)


class _PatchEmbedding(paddle.nn.Layer):
    """MobileViT's patching (PaddleClas): sizes rounded up to whole patches
    with math.ceil, the channels unpacked from the shape."""

    def __init__(self):
        super().__init__()
        self.proj = paddle.nn.Conv2D(12, 5, 1)

    def forward(self, x):
        _, channels, h, w = x.shape
        new_h, new_w = int(math.ceil(h / 2) * 2), int(math.floor((w + 1) / 2) * 2)
        if new_h != h or new_w != w:
            x = paddle.nn.functional.interpolate(x, size=[new_h, new_w], mode="bilinear")
        x = x.reshape([-1, channels, new_h // 2, 2, new_w // 2, 2])
        x = x.transpose([0, 1, 3, 5, 2, 4]).reshape([-1, channels * 4, new_h // 2, new_w // 2])
        return self.proj(x)


def test_sizes_rounded_by_math_stay_static_where_the_shape_is():
    layer = _PatchEmbedding()
    x = paddle.to_tensor(np.random.RandomState(0).rand(2, 3, 5, 6).astype("float32"))
    static = paddle.jit.to_static(layer)
    assert_same(layer(x), static(x))
    assert "tensor<2x5x3x3xf32>" in static.forward.mlir()
    dynamic = paddle.jit.to_static(layer, input_spec=[InputSpec([None, 3, None, None])])
    for shape in ([2, 3, 5, 6], [1, 3, 8, 3]):
        y = paddle.to_tensor(np.random.RandomState(1).rand(*shape).astype("float32"))
        assert_same(layer(y), dynamic(y))


def math_domain(x, v, kind):
    if kind == "sqrt":
        return x * math.sqrt(v)
    if kind == "log":
        return x * math.log(v)
    if kind == "acos":
        return x * math.acos(v)
    return x * math.exp(v)


@pytest.mark.parametrize("v,kind,error", [(-1.0, "sqrt", ValueError), (0.0, "log", ValueError),
                                          (1.5, "acos", ValueError),
                                          (800.0, "exp", OverflowError)])
def test_python_math_errors_are_raised_where_reached(v, kind, error):
    x = paddle.ones([2])
    with pytest.raises(error) as eager:
        math_domain(x, v, kind)
    fn = paddle.jit.to_static(math_domain)
    with pytest.raises(error, match=str(eager.value)):
        fn(x, v, kind)
    assert_same(math_domain(x, 0.5, kind), fn(x, 0.5, kind))


def _weighted(a, b, c, d=1.0, scale=1.0):
    return (a * 1.0 + b * 2.0 + c * 3.0 + d) * scale


def unpacked_before_others(x):
    pair = (x, x + 1.0)
    return (_weighted(*pair, x, 5.0), _weighted(*pair, *[x]), _weighted(x, *pair),
            _weighted(*pair, x, scale=2.0))


def test_a_sequence_unpacked_before_other_arguments(differential):
    differential(unpacked_before_others, paddle.to_tensor([1.0, 2.0]))


class _Scaler:
    """A callable object: compiled code calls its __call__."""

    def __init__(self, factor):
        self.factor = factor

    def __call__(self, x):
        return x * self.factor


_DOUBLE = _Scaler(2.0)


class _Holder(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.kind = "scale"
        self.scale_out = None

    def forward(self, x):
        setattr(self, self.kind + "_out", _DOUBLE(x))
        return self.scale_out + getattr(self, "scale" + "_out")


def test_callable_objects_and_setattr_with_known_names():
    x = paddle.to_tensor([1.0, 2.0])
    np.testing.assert_allclose(paddle.jit.to_static(_Holder())(x).numpy(), [4.0, 8.0])
    np.testing.assert_allclose(_Holder()(x).numpy(), [4.0, 8.0])


def unpacked_into_library_calls(x):
    pair = (x, x * 2.0)
    return paddle.add(*pair), paddle.maximum(*pair[::-1]), paddle.concat([*pair, x], axis=0)


def test_a_sequence_unpacked_into_library_calls(differential):
    differential(unpacked_into_library_calls, paddle.to_tensor([1.0, -2.0]))


def unpacked_into_tensor_methods(x):
    axes, others, bounds = [1], [x * 2.0], (-1.0, 1.5)
    return (x.sum(*axes), x.add(*others), x.mean(*axes, keepdim=True), x.cumsum(*axes),
            x.unsqueeze(*axes), x.clip(*bounds), x.max(*axes), x.pow(*[2.0]))


def test_a_sequence_unpacked_into_tensor_methods(differential):
    differential(unpacked_into_tensor_methods, paddle.to_tensor([[1.0, -2.0, 3.0]]))


class MappingsUnpacked(paddle.nn.Layer):
    """Mappings unpacked into library calls and tensor methods: local dicts,
    dict displays and a dict of constants the layer holds."""

    def __init__(self):
        super().__init__()
        self.resize = {"mode": "bilinear", "align_corners": False}
        self.opts = {"axis": 1, "keepdim": True}

    def forward(self, x):
        local = {"axis": 1, "keepdim": True}
        return (x.sum(**local), paddle.sum(x, **local), paddle.mean(x, **self.opts),
                paddle.nn.functional.interpolate(x, scale_factor=2, **self.resize),
                paddle.clip(x, **{"min": 0.1, "max": 0.5}), paddle.add(x, **{"y": x}))


def test_a_mapping_unpacked_into_library_calls_and_methods(differential):
    layer = MappingsUnpacked()
    x = paddle.to_tensor(np.random.RandomState(0).rand(1, 2, 3, 3).astype("float32"))
    differential(layer, x)
    compiled = paddle.jit.to_static(layer)
    compiled(x)
    layer.resize = {"mode": "nearest"}  # the held dict is guarded: imported again
    for got, want in zip(compiled(x), layer(x)):
        np.testing.assert_allclose(got.numpy(), want.numpy(), rtol=1e-6)


def chosen_activation(x, mode):
    act = F.relu if mode == "relu" else F.gelu
    return act(x)


def functions_in_containers(x):
    for fn in [F.relu, paddle.tanh, lambda t: t * 2.0]:
        x = fn(x)
    ops = {"shift": lambda t: t + 1.0, "exp": paddle.exp}
    return ops["shift"](x) + ops["exp"](x)


class Blocks(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.first = paddle.nn.Linear(2, 2)
        self.second = paddle.nn.Linear(2, 2)

    def forward(self, x, deep):
        blocks = [self.first, F.relu]
        if deep:
            blocks.append(self.second)
        for block in blocks:
            x = block(x)
        pick = self.first if deep else self.second
        return pick(x)


def chosen_at_run_time(x, k):
    act = F.relu if x.mean() > 0 else paddle.tanh
    if x.sum() > 0:
        fn = lambda v: v * k  # noqa: E731
    else:
        fn = lambda v: v - k  # noqa: E731
    return fn(act(x)), fn(x)


@pytest.mark.parametrize("fn,args", [
    (chosen_at_run_time, (t([1.0, -2.0]), 3.0)),
    (chosen_at_run_time, (t([-1.0, 0.5]), 3.0)),
    (chosen_activation, (t([1.0, -2.0]), "relu")),
    (chosen_activation, (t([1.0, -2.0]), "gelu")),
    (functions_in_containers, (t([1.0, -2.0]),)),
    (Blocks(), (t([[1.0, -2.0]]), True)),
    (Blocks(), (t([[1.0, -2.0]]), False)),
])
def test_functions_and_layers_as_values(differential, fn, args):
    """A library function, a user's lambda or a layer used as a value (chosen
    by a setting, kept in a list or dict): a lambda calling it."""
    differential(fn, *args)


def returns_a_function(x):
    return F.relu


def test_a_function_returned_is_a_clear_error():
    with pytest.raises(paddle.Dy2StError, match="can be called in compiled code but not "
                                                "returned from it"):
        paddle.jit.to_static(returns_a_function)(t([1.0]))


class OwnCall(paddle.nn.Layer):
    """A layer whose class defines __call__: eager runs it, not forward."""

    def __call__(self, x):
        return x * 3

    def forward(self, x):
        return x * 2


class MissingApi(paddle.nn.Layer):
    def __call__(self):
        return paddle.nn.not_exist_api


def calls_own_call(x):
    return OwnCall()(x)


def calls_missing_api(x):
    if x.shape[0] > 5:
        return MissingApi()()  # folds away for short x
    return x


REPLACED = paddle.nn.Linear(2, 2)
REPLACED.forward = lambda v: v - 1


def replaced_forward(x):
    return REPLACED(x)


def test_a_layers_own_call_and_assigned_forward_are_what_eager_runs(differential):
    differential(calls_own_call, paddle.to_tensor([1.0, 2.0]))
    differential(replaced_forward, paddle.to_tensor([1.0, 2.0]))


def test_a_missing_attribute_of_a_module_is_an_attribute_error_where_it_runs(differential):
    differential(calls_missing_api, paddle.to_tensor([1.0, 2.0]))
    with pytest.raises(AttributeError, match="has no attribute 'not_exist_api'") as info:
        paddle.jit.to_static(calls_missing_api)(paddle.to_tensor(np.ones(6, "float32")))
    assert "test_calls.py" in str(info.value)


BROKEN = paddle.nn.Linear(2, 2)
BROKEN.forward = "not a function"


def calls_broken(x):
    return BROKEN(x)


def test_a_forward_that_is_not_callable_is_a_type_error_where_it_runs():
    x = paddle.to_tensor([1.0, 2.0])
    with pytest.raises(TypeError, match="'str' object is not callable"):
        calls_broken(x)
    with pytest.raises(TypeError, match="'str' object is not callable") as info:
        paddle.jit.to_static(calls_broken)(x)
    assert "test_calls.py" in str(info.value)


def lambda_changed_in_a_loop(x, n):
    k = 2
    g = lambda v: v * k  # noqa: E731
    for i in range(n):
        x = g(x)
        k = k + 1
        if x.sum() > 10:
            g = lambda v: v - k  # noqa: E731
    return x


def lambda_reading_a_later_variable(x, n):
    g = lambda v: v + scale  # noqa: E731
    scale = 1.5
    i = 0
    while i < n:
        x = g(x)
        if x.sum() > 5:
            g = lambda v: v * scale  # noqa: E731
        i += 1
    return x


def function_changed_in_a_loop(x, n):
    act = F.relu
    for i in range(n):
        x = act(x) - 0.5
        if x.sum() < 0:
            act = paddle.tanh
    return x


def lambda_maybe_unbound(x, flag):
    if flag:
        g = lambda v: v + 1  # noqa: E731
    elif x.sum() > 100:
        g = lambda v: v * 2  # noqa: E731
    return g(x)


@pytest.mark.parametrize("fn, args", [
    (lambda_changed_in_a_loop, ([1.0, 2.0], 4)),
    (lambda_reading_a_later_variable, ([1.0, 2.0], 4)),
    (function_changed_in_a_loop, ([1.0, -2.0], 4)),
    (lambda_maybe_unbound, ([1.0, 2.0], True)),
])
def test_a_function_variable_carried_through_a_loop(differential, fn, args):
    # The variable holds the index of its choice; each lambda is read when it
    # runs (late binding), as eagerly.
    differential(fn, paddle.to_tensor(args[0]), paddle.to_tensor(args[1]))


def test_a_function_variable_never_bound_is_unbound_local_error():
    x = paddle.to_tensor([1.0, 2.0])
    with pytest.raises(UnboundLocalError) as info:
        paddle.jit.to_static(lambda_maybe_unbound)(x, paddle.to_tensor(False))
    assert "test_calls.py" in str(info.value)


def lambda_with_defaults_in_a_loop(x, n):
    g = lambda v, k=2: v * k  # noqa: E731
    for i in range(n):
        x = g(x)
        if x.sum() > 10:
            g = lambda v, k=3: v - k  # noqa: E731
    return x


def test_a_lambda_with_defaults_carried_through_a_loop_is_a_clear_error():
    # Its defaults are read where it is made: it stays a value, which a loop
    # cannot carry.
    with pytest.raises(paddle.Dy2StError, match="can call only a lambda known where it is called"):
        paddle.jit.to_static(lambda_with_defaults_in_a_loop)(paddle.to_tensor([1.0]),
                                                             paddle.to_tensor(3))


def adds(amount):
    """A decorator with an argument (Paddle's test_decorator_transform)."""
    def decorate(fn):
        @functools.wraps(fn)
        def inner(*args, **kwargs):
            value = fn(*args, **kwargs)
            if amount > 1:
                value = value * 1.5
            return paddle.add(paddle.to_tensor(float(amount)), value)
        return inner
    return decorate


def doubles(fn):
    @functools.wraps(fn)
    def inner(x, *rest):
        return fn(x, *rest) * 2
    return inner


@adds(3)
def decorated_once(x, y=0.5):
    return x + y


@doubles
@adds(1)
def decorated_twice(x, y=0.5):
    return x - y


def not_wrapped(fn):
    def replaced(x, y=0.25):
        return fn(x, y) + 100
    return replaced


@not_wrapped
def decorated_without_wraps(x, y=0.5):
    return x * y


def call_decorated(x):
    out = []
    for i, fn in enumerate([decorated_once, decorated_twice, decorated_without_wraps]):
        out.append(fn(x, i + 1.0))
    return out, decorated_once(x), decorated_twice(x, x), decorated_once(x, y=x)


def test_decorated_functions_run_their_decorators(differential):
    # The decorator's wrapper is what eager runs; its source, not that of the
    # function functools.wraps names (`__wrapped__`), is what compiles.
    compiled = differential(call_decorated, t([1.0, -2.0]))
    np.testing.assert_allclose(compiled[1].numpy(), [3 + 1.5 * 1.5, 3 + 1.5 * -1.5])
    differential(decorated_once, t([2.0]))
    differential(decorated_twice, t([2.0]), t([4.0]))


@contextlib.contextmanager
def scoped():
    yield


@scoped()
def decorated_by_a_context(x):
    return x + 1


def test_a_function_decorated_by_a_context_manager_is_a_clear_error():
    def call(x):
        return decorated_by_a_context(x)
    with pytest.raises(paddle.Dy2StError, match="decorated_by_a_context is decorated by a "
                                                 "context manager"):
        paddle.jit.to_static(call)(t([1.0]))


def shifted(x, y=0.5, z=2.0):
    return x * z + y


def forwards(*args, **kwargs):
    return shifted(*args, **kwargs)


def forwarding_both(x):
    # The sequence shorter than the parameters: those past it come from the
    # mapping where it has them, else their defaults.
    return (forwards(x, y=x), forwards(x, x, z=x), forwards(x), forwards(x=x, z=3.0),
            shifted(*[x], **{"z": x}))


def test_arguments_forwarded_by_sequence_and_mapping(differential):
    differential(forwarding_both, t([1.0, -2.0]))


def activation(name, **options):
    """PaddleDetection's get_act_fn: a lambda calling F's function with the
    keywords of the config, kept by the layer that made it."""
    fn = getattr(F, name)
    return lambda x: fn(x, **options)


class Activated(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.plain = activation("relu")
        self.leaky = activation("leaky_relu", negative_slope=0.25)

    def forward(self, x):
        return self.plain(x) + self.leaky(x)


def test_a_lambda_spreading_its_closures_dict(differential):
    differential(Activated(), t([-2.0, 3.0]))


class Counter:
    def __init__(self, start):
        self.count = start

    def bump(self, x):
        self.count += 1
        return x + self.count


def made_counter():
    return Counter(1)


def factories(x):
    # test_capture_free_vars' user-defined super(): a function returning an
    # object it makes; each call a new one, as eagerly.
    def nearby():
        return Counter(10)
    first, second = made_counter(), made_counter()
    y = first.bump(x) + first.bump(x) + second.bump(x)
    return y + nearby().bump(x), first is second, first.count, second.count


def counter_or_number(flag):
    if flag:
        return Counter(0)
    return 3


def counter_or_none(flag):
    if flag:
        return Counter(0)


def mixed_returns(x):
    return x + counter_or_number(True).count


def maybe_none(x):
    return x + counter_or_none(True).count


def test_called_functions_returning_objects_they_make(differential):
    differential(factories, t([1.0, -2.0]))


@pytest.mark.parametrize("fn", [mixed_returns, maybe_none])
def test_a_function_returning_an_object_or_a_value_is_a_clear_error(fn):
    with pytest.raises(paddle.Dy2StError, match="returns a Python object returns it at each "
                                                 "return"):
        paddle.jit.to_static(fn)(t([1.0]))


class _Base(paddle.nn.Layer):
    def add_one(self, x):
        return x + 1


class UserDefinedSuper(_Base):
    # test_capture_free_vars: a nested def named super, making an object of a
    # class it defines; called twice, so imported (and the class made) twice.
    def forward(self, x):
        def super():
            class A:
                def add_one(self, x):
                    return x + 2
            return A()
        return super().add_one(x) + super().add_one(x * 2)


def test_a_nested_def_returning_an_object_of_its_own_class(differential):
    differential(UserDefinedSuper(), t([1.0, -2.0]))


def _noted(x, note):
    print(note)
    return x * 2


def receivers_with_effects(x):
    # A tensor method whose receiver is a call: the call runs once, as
    # eagerly, whatever form the method takes (alias, composite, compat).
    return (_noted(x, "a").flatten(), _noted(x, "b").clamp(0.0, 3.0), _noted(x, "c").sum(),
            _noted(x, "d").float(), _noted(x, "e").size(0), _noted(x, "f").halved_in_tests())


def _halved_in_tests(xs):
    return xs / 2


paddle.Tensor.halved_in_tests = _halved_in_tests


def test_a_methods_receiver_is_evaluated_once(capfd):
    x = paddle.to_tensor([[1.0, 2.0], [3.0, 4.0]])
    eager = receivers_with_effects(x)
    printed = capfd.readouterr().out
    assert printed == "a\nb\nc\nd\ne\nf\n"
    compiled = paddle.jit.to_static(receivers_with_effects)(x)
    assert capfd.readouterr().out == printed
    assert_same(eager, compiled)


class _FirstParameter(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.fc = paddle.nn.Linear(2, 2)

    def forward(self, x):
        # PyTorch-style code's dtype of a model: its first parameter's.
        return x.astype(next(iter(self.parameters())).dtype) * 2


def first_items(x, table):
    return (next(iter(x)), next(iter(table)), next(iter([]), None), next(iter(range(3, 6)), 9),
            next(iter(table.values())) * x)


def first_of_nothing(x):
    return next(iter(x[:0]))


def test_next_of_iter_is_the_first_item(differential):
    differential(first_items, paddle.to_tensor([[1.0, 2.0], [3.0, 4.0]]), {"a": 2, "b": 3})
    layer, x = _FirstParameter(), paddle.to_tensor([[1, 2]])
    assert_same(layer(x), paddle.jit.to_static(layer)(x))
    with pytest.raises(StopIteration):
        paddle.jit.to_static(first_of_nothing)(x)

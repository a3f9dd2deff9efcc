"""Each program runs eagerly (numpy, the specification) and compiled; results
must agree in structure, dtype, shape and value."""
import numpy as np
import pytest

import dy2st as paddle

rng = np.random.default_rng(0)


def t(*shape, dtype="float32", low=-3, high=3):
    if dtype in ("int32", "int64"):
        return paddle.to_tensor(rng.integers(low, high, size=shape).astype(dtype))
    if dtype == "bool":
        return paddle.to_tensor(rng.integers(0, 2, size=shape).astype(bool))
    return paddle.to_tensor(rng.uniform(low, high, size=shape).astype(dtype))


# if / elif / else -----------------------------------------------------------

def seed_func(input_var):
    if input_var.shape[0] > 1:
        out = paddle.cast(input_var, "float64")
    else:
        out = paddle.cast(input_var, "int64")
    return out


@pytest.mark.parametrize("values", [[-2], [1, 2, 3]])
def test_seed_shape_condition_folds(differential, values):
    differential(seed_func, paddle.to_tensor(np.array(values).astype("int")))


def sign_scale(x):
    if paddle.sum(x) > 0:
        y = x * 2.0
    else:
        y = x - 1.0
    return y


@pytest.mark.parametrize("sign", [1, -1])
def test_if_else_on_tensor(differential, sign):
    differential(sign_scale, paddle.to_tensor([1.0, 2.0, 3.0]) * sign)


def classify(x):
    s = x.sum()
    if s > 10.0:
        y = x * 2.0
    elif s > 0.0:
        y = x + 1.0
    elif s > -5.0:
        y = x * 0.0
    else:
        y = -x
    return y, s


@pytest.mark.parametrize("values", [[5.0, 6.0], [1.0, 2.0], [-1.0, -2.0], [-4.0, -4.0]])
def test_if_elif_else_chain(differential, values):
    differential(classify, paddle.to_tensor(values))


def nested_branches(x, y):
    if x.max() > 0.0:
        if y.min() < 0.0:
            z = x + y
        else:
            z = x - y
    else:
        z = x * y
    return z


@pytest.mark.parametrize("sx,sy", [(1, -1), (1, 1), (-1, 1)])
def test_nested_if(differential, sx, sy):
    differential(nested_branches, paddle.to_tensor([1.0, 2.0]) * sx,
                 paddle.to_tensor([3.0, -0.5]) * sy)


def python_flag(x, flag):
    if flag:
        y = x * 2
    else:
        y = x + 1
    return y


@pytest.mark.parametrize("flag", [True, False])
def test_python_condition_folds(differential, flag):
    differential(python_flag, t(3), flag)


def dtype_condition(x):
    if x.dtype == paddle.float32:
        y = x * 0.5
    else:
        y = paddle.cast(x, "float32") * 2.0
    if x.ndim == 2:
        y = paddle.sum(y, axis=1)
    return y


@pytest.mark.parametrize("x", [t(2, 3), t(4, dtype="int64")])
def test_condition_on_dtype_and_rank(differential, x):
    differential(dtype_condition, x)


def ternary(x):
    y = x * 2.0 if x.mean() > 0.0 else -x
    return y


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_conditional_expression(differential, sign):
    differential(ternary, paddle.to_tensor([1.0, 3.0]) * sign)


# while -----------------------------------------------------------------------

def grow(x):
    i = 0
    while x.sum() < 100.0:
        x = x * 2.0
        i = i + 1
    return x, i


@pytest.mark.parametrize("values", [[1.0, 2.0, 3.0, 4.0], [60.0, 50.0], [0.5]])
def test_while_on_tensor(differential, values):
    differential(grow, paddle.to_tensor(values))


def python_counter(x, n):
    i = 0
    while i < n:
        x = x + i
        i += 1
    return x


def test_while_on_python_counter(differential):
    differential(python_counter, t(3), 5)


def collatz_steps(n):
    steps = paddle.zeros([1], dtype="int64")
    while n > 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps = steps + 1
    return steps, n


@pytest.mark.parametrize("start", [6, 27, 1])
def test_while_with_branch_on_tensor(differential, start):
    differential(collatz_steps, paddle.to_tensor([start]))


def shrink(x):
    i = 0
    while i < 2:
        x = paddle.sum(x, axis=-1, keepdim=True)
        i += 1
    return x


def test_loop_carried_shape_widens(differential):
    differential(shrink, t(2, 3))


# for range -------------------------------------------------------------------

def accumulate(x, n):
    acc = x * 0.0
    for i in range(n):
        acc = acc + x * i
    return acc


@pytest.mark.parametrize("n", [0, 1, 5])
def test_for_range_python_bound(differential, n):
    differential(accumulate, t(3), n)


def tensor_bound(x, n):
    total = 0
    for i in range(n):
        total += i
        x = x + 1.0
    return x, total


def test_for_range_tensor_bound(differential):
    differential(tensor_bound, t(2), paddle.to_tensor([4]))


def stepped(n):
    s = 0
    for i in range(n, -3, -2):
        s = s * 2 + i
    for j in range(1, n, 3):
        s = s - j
    return s


@pytest.mark.parametrize("n", [7, 0, -5])
def test_for_range_steps(differential, n):
    differential(stepped, n)


def nested_loops(x):
    acc = x
    for i in range(3):
        for j in range(i, 3):
            acc = acc + x * (i * j)
    return acc


def test_nested_for(differential):
    differential(nested_loops, t(2, 2))


def for_in_while(x):
    k = 0
    while x.max() < 50.0:
        for i in range(2):
            x = x + i + 1.0
        k += 1
    return x, k


def test_for_inside_while(differential):
    differential(for_in_while, paddle.to_tensor([1.0, 5.0]))


# operators, broadcasting, casts ----------------------------------------------

def float_ops(a, b):
    return a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, -a, +b


def test_float_operators(differential):
    differential(float_ops, t(4), paddle.to_tensor([1.5, -2.0, 0.7, 3.0]))


def int_ops(a, b):
    return a // b, a % b, a / b, a * b - a, a ** 2, -a


def test_int_operators_python_rounding(differential):
    differential(int_ops, paddle.to_tensor([-7, 7, -7, 7, 0]),
                 paddle.to_tensor([2, -2, -2, 2, 3]))


def broadcast(a, b, c):
    return a + b, (a * b) - c, a > b


def test_broadcasting(differential):
    differential(broadcast, t(3, 1), t(4), t(1, 4))


def scalar_promotion(i, f, b):
    return i * 2.5, i + 1, f * 2, b + 1, i / 2, f // 2


def test_python_numbers_keep_tensor_dtype(differential):
    differential(scalar_promotion, t(3, dtype="int32"), t(3, dtype="float64"),
                 t(3, dtype="bool"))


def mixed_dtypes(a, b):
    return a + b, a * 1.0, b - a


def test_tensor_dtype_promotion(differential):
    differential(mixed_dtypes, t(3, dtype="int64"), t(3, dtype="float32"))


def comparisons(a, b):
    return a < b, a <= b, a > 0.5, a >= b, a == b, a != b


def test_comparisons(differential):
    differential(comparisons, paddle.to_tensor([1.0, 2.0, 3.0]),
                 paddle.to_tensor([2.0, 2.0, 2.0]))


def casts(x):
    return (paddle.cast(x, "int32"), paddle.cast(x, "int64"), paddle.cast(x, "bool"),
            paddle.cast(x, "float64"), x.astype("float32"))


def test_casts(differential):
    differential(casts, paddle.to_tensor([-1.7, 0.0, 2.5]))


# reductions, matmul, math ------------------------------------------------------

def reductions(x):
    return (paddle.sum(x), paddle.mean(x, axis=1), paddle.max(x, axis=0, keepdim=True),
            paddle.min(x, axis=-1), x.sum(axis=[0, 1]), paddle.sum(x > 0.0))


def test_reductions(differential):
    differential(reductions, t(3, 4))


def int_reductions(x):
    return paddle.sum(x), paddle.max(x), paddle.min(x, axis=0), paddle.sum(x, axis=1)


def test_integer_reductions(differential):
    differential(int_reductions, t(3, 4, dtype="int32"))


def mlp(x, w1, w2):
    h = paddle.nn.functional.relu(paddle.matmul(x, w1))
    return paddle.sigmoid(h @ w2)


def test_matmul_relu_sigmoid(differential):
    differential(mlp, t(4, 3), t(3, 5), t(5, 2))


def transposed(x, w):
    return paddle.matmul(x, w, transpose_y=True), paddle.matmul(w, x, transpose_y=True)


def test_matmul_transposes(differential):
    differential(transposed, t(2, 3), t(4, 3))


def math_chain(x):
    y = paddle.abs(x) + 1.0
    return paddle.exp(x), paddle.log(y), paddle.sqrt(y), paddle.tanh(x), x.abs()


def test_elementwise_math(differential):
    differential(math_chain, t(5))


def creation(x, v):
    z = paddle.zeros([2, 3], dtype="int32")
    o = paddle.ones([3])
    f = paddle.full([2, 3], v)
    return paddle.where(x > 0, f, z) + o, paddle.maximum(x, 0), paddle.minimum(x, 1.5)


def test_creation_and_where(differential):
    differential(creation, t(2, 3, dtype="int64"), 2.5)


# Python values, indexing, logic ----------------------------------------------

def shapes(x):
    n = len(x)
    return n, x.shape[1], x.shape[-1] * 2, x.ndim


def test_python_numbers_from_shapes(differential):
    differential(shapes, t(3, 5))


def indexing(x, i):
    return x[i], x[-1], x[0] + x[1]


def test_indexing(differential):
    differential(indexing, t(4, 3), 2)


def advanced_indexing(x, labels):
    y = x * 1
    y[paddle.arange(x.shape[0]), labels] = -1.0
    y[[0, 1], [1, 1]] = paddle.to_tensor([5.0, 6.0])
    return (x[paddle.arange(x.shape[0]), labels], x[[1, 0], [2, 3]], x[:, [0, 2]],
            x[1, [0, -1]], x[labels[1:], :], y)


def test_advanced_indexing(differential):
    """Integer arrays in an index tuple, read and assigned, as numpy's
    advanced indexing: broadcast together, after leading full slices."""
    differential(advanced_indexing, t(3, 4), paddle.to_tensor(np.array([3, 0, -1])))


def test_advanced_indexing_of_a_dynamic_batch():
    spec = [paddle.static.InputSpec([None, 4]), paddle.static.InputSpec([None], "int64")]
    compiled = paddle.jit.to_static(advanced_indexing, input_spec=spec)
    for n in (3, 5):
        x, labels = t(n, 4), paddle.to_tensor(np.arange(n) % 4)
        for e, c in zip(advanced_indexing(x, labels), compiled(x, labels)):
            np.testing.assert_array_equal(c.numpy(), e.numpy())


def unpacked_shape(x):
    a, b = x.shape
    return paddle.reshape(x, shape=(b, a)), a * b


def test_unpacked_dynamic_shape():
    spec = [paddle.static.InputSpec([None, None])]
    compiled = paddle.jit.to_static(unpacked_shape, input_spec=spec)
    for shape in ((2, 3), (4, 1)):
        x = t(*shape)
        got, expected = compiled(x), unpacked_shape(x)
        np.testing.assert_array_equal(got[0].numpy(), expected[0].numpy())
        assert got[1] == expected[1]


def logic(x, y):
    both = (x > 0.0) and (y < 3.0)
    either = (x > 0.0) or (y < 3.0)
    return both, either, not (x > 0.0)


@pytest.mark.parametrize("x,y", [(1.0, 5.0), (-1.0, 1.0), (2.0, 2.0)])
def test_logical_operators(differential, x, y):
    differential(logic, paddle.to_tensor([x]), paddle.to_tensor([y]))


def chained(x):
    y = x
    if 0.0 < x < 5.0:
        y = x * 2.0
    return y


@pytest.mark.parametrize("v", [1.0, 7.0, -1.0])
def test_chained_comparison(differential, v):
    differential(chained, paddle.to_tensor([v]))


def python_only(a, b):
    c = a * b + 3
    if c > 10:
        c = c // 2
    return c, a / b, a % b


def test_python_numbers_only(differential):
    differential(python_only, 7, 3)


W = paddle.to_tensor([[1.0, 2.0], [3.0, 4.0]])


def uses_global_weight(x):
    return paddle.matmul(x, W) + 1.0


def test_captured_global_tensor(differential):
    differential(uses_global_weight, t(3, 2))


def defaults(x, scale=2.0, offset=1):
    return x * scale + offset


def test_default_arguments(differential):
    differential(defaults, t(3))
    differential(defaults, t(3), offset=5)


def nested_result(x):
    return (x, (x.sum(), 3)), x.shape[0]


def test_nested_tuple_result(differential):
    differential(nested_result, t(2))


def tensor_counter(x):
    s = paddle.zeros([1])
    i = paddle.to_tensor([0])
    while i < 5:
        s = s + paddle.sum(x * i)
        i = i + 1
    return s, i, paddle.to_tensor([[1, 2], [3, 4]], dtype="float64"), paddle.to_tensor(2.5)


def test_to_tensor_in_compiled_code(differential):
    differential(tensor_counter, t(3))


def shape_values(x):
    rows, cols = x.shape
    return x.shape, [rows, cols * 2], (rows,)


def test_shape_is_a_list(differential):
    differential(shape_values, t(2, 5))


def scalar_to_tensor(x, n):
    k = 0
    for i in range(n):
        k = k + i
    return x * paddle.to_tensor(k)


def test_runtime_number_to_tensor(differential):
    differential(scalar_to_tensor, t(3), 4)


def like(x, n):
    acc = paddle.zeros_like(x)
    i = 0
    while i < n and i < 10:
        acc = acc + x + paddle.ones_like(x, dtype="int64")
        i = i + 1
    return acc, paddle.full_like(x, 7)


def test_like_functions_and_python_and(differential):
    differential(like, t(3), 4)


def running_max(x):
    best = x[0]
    for i in range(1, x.shape[0]):
        if x[i] > best:
            best = x[i]
    return best


def test_running_max_with_indexing(differential):
    differential(running_max, paddle.to_tensor([1.0, -2.0, 5.0, 3.0]))


def augmented(a):
    b = a * 1
    b += 2
    b *= 3
    b -= a
    b /= 2
    return b


def test_augmented_assignment(differential):
    differential(augmented, t(4))


class Scale(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.w = paddle.to_tensor([2.0, 3.0, 4.0])
        self.k = 3

    @paddle.jit.to_static
    def forward(self, x):
        y = x * self.w + self.k
        if y.sum() > 0:
            y = y * 2.0
        return y


def test_layer_forward_reads_parameters_at_each_call():
    layer = Scale()
    x = paddle.to_tensor([1.0, -2.0, 3.0])
    np.testing.assert_allclose(layer(x).numpy(), [10.0, -6.0, 30.0])
    layer.w = paddle.to_tensor([1.0, 1.0, 1.0])
    np.testing.assert_allclose(layer(x).numpy(), [8.0, 2.0, 12.0])
    assert len(layer.forward.compiled_signatures) == 1

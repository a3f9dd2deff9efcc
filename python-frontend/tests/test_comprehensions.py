"""List and dict comprehensions in compiled code: run as the loops Python runs
for them (unrolled over Python containers and static ranges, a TensorArray
loop over a runtime range), their loop variables not leaking."""
import numpy as np
import pytest

import dy2st as paddle
from conftest import assert_same


def comprehensions(x, n):
    squares = [x * i for i in range(3)]
    kept = [t for t in squares if t.sum() >= 1.0]
    pairs = [a + b for a in squares for b in [x, -x]]
    named = {k: x * v for k, v in [("one", 1.0), ("two", 2.0)]}
    nested = [[y * 2.0 for y in row] for row in [[x], [x, x]]]
    i = 5
    total = paddle.stack([x * i for i in range(n)]).sum(0)
    return paddle.stack(squares), len(kept), paddle.stack(pairs), named["two"], \
        len(nested[1]), total, i


def test_comprehensions_match_eager():
    x = paddle.to_tensor(np.arange(3.0).astype("float32"))
    compiled = paddle.jit.to_static(comprehensions)
    assert_same(comprehensions(x, 4), compiled(x, 4))
    assert_same(comprehensions(x, paddle.to_tensor(2)), compiled(x, paddle.to_tensor(2)))


BLOCKS = (paddle.nn.functional.relu, paddle.tanh)


def layers_applied(x):
    return [f(x) for f in BLOCKS]


def test_comprehension_over_functions():
    x = paddle.to_tensor(np.array([-1.0, 2.0], "float32"))
    assert_same(layers_applied(x), paddle.jit.to_static(layers_applied)(x))


def conditional(x, flag):
    return [x] if flag else [x * 2.0 for _ in range(2)]


def and_or(x, n):
    picked = n > 2 and [x * k for k in range(n)] or [x]
    return paddle.stack(picked)


def while_condition(x):
    while x.sum() < len([k for k in range(3)]) * 10:
        x = x + 1
    return x


@pytest.mark.parametrize("fn,args", [
    (conditional, (True,)), (conditional, (False,)), (and_or, (3,)), (and_or, (1,)),
    (while_condition, ()),
])
def test_comprehensions_evaluated_conditionally(differential, fn, args):
    differential(fn, paddle.to_tensor([1.0, 2.0]), *args)


def in_named_lambda_and_nested_def(x):
    make = lambda n: [x * k for k in range(n)]  # noqa: E731

    def doubled(v):
        return paddle.stack([v * 2 for _ in range(2)])
    return paddle.stack(make(2)), doubled(x)


def test_comprehensions_in_named_lambdas_and_nested_defs(differential):
    differential(in_named_lambda_and_nested_def, paddle.to_tensor([1.0, 2.0]))


def in_inline_lambda(x):
    return (lambda n: [x * k for k in range(n)])(2)


def in_lambdas_kept_in_a_list(x):
    items = [x, x * 2]
    doubled = (lambda xs, scale: [v * scale for v in xs])(items, 3)
    fns = [lambda t: paddle.stack([t * k for k in range(3)]), lambda t: t]
    return doubled[1] + fns[0](x).sum(0) + fns[1](x)


def in_lambda_defaults_and_generators(x):
    g = lambda v, k=[j * 2.0 for j in range(2)]: v * k[1]  # noqa: E731
    h = lambda v: sum(v * j for j in range(3))  # noqa: E731
    return g(x), h(x)


@pytest.mark.parametrize("fn", [in_inline_lambda, in_lambdas_kept_in_a_list,
                                in_lambda_defaults_and_generators])
def test_comprehensions_in_lambdas_not_assigned_to_a_name(differential, fn):
    differential(fn, paddle.to_tensor([1.0, 2.0]))


def in_lambda_inside_a_comprehension(x):
    return [(lambda: [x * k for k in range(2)])() for _ in range(2)]


def reading_the_outer_variable(x):
    # Called where it is made: it reads this round's i, as Python does.
    return [(lambda t: paddle.stack([t * k + i for k in range(2)]))(x) for i in range(3)]


def kept_with_a_default(x):
    fns = [lambda t, i=i: paddle.stack([t * k + i for k in range(2)]) for i in range(3)]
    return [f(x) for f in fns]


def dict_in_lambda_in_dict(x):
    table = {name: (lambda t, j=j: {key: t * k + j for k, key in enumerate(["p", "q"])})
             for j, name in enumerate(["a", "b"])}
    return table["b"](x)["q"], table["a"](x)["p"]


@pytest.mark.parametrize("fn", [in_lambda_inside_a_comprehension, reading_the_outer_variable,
                                kept_with_a_default, dict_in_lambda_in_dict])
def test_comprehensions_in_lambdas_inside_comprehensions(differential, fn):
    differential(fn, paddle.to_tensor([1.0, 2.0]))

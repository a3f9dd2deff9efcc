# RUN: %python %s | FileCheck %s
# A call of another Python function imports it too, binds its parameters at
# the call site (keywords, defaults); lambdas and nested defs likewise.
import dy2st as paddle
import dy2st.nn.functional as F


def helper(a, scale=2.0):
    return a * scale


def caller(x):
    def inner(y):
        return y + 1

    square = lambda v: v * v  # noqa: E731
    return helper(x), helper(scale=3, a=x), square(x), inner(x)


print(paddle.jit.to_static(caller).code)

# CHECK-LABEL: pydy.func @"caller"
# CHECK:      %[[L:.*]] = pydy.lambda ["v"] : !pydy.object {
# CHECK:        pydy.binary mul
# CHECK:      pydy.store "square", %[[L]]
# CHECK:      %[[D:.*]] = pydy.constant 2.0 : f64
# CHECK:      pydy.call @"helper__2"(%{{.*}}, %[[D]]) : (!pydy.object, f64) -> !pydy.object
# CHECK:      %[[K:.*]] = pydy.constant 3 : i64
# CHECK:      pydy.call @"helper__2"(%{{.*}}, %[[K]]) : (!pydy.object, i64) -> !pydy.object
# CHECK:      pydy.call_value %{{.*}}(%{{.*}}) : !pydy.object, (!pydy.object) -> !pydy.object
# CHECK:      pydy.call @"caller_inner__3"
# A called function's symbol is made unique; its Python name, which
# messages give, is an attribute.
# CHECK-LABEL: pydy.func @"helper__2"(%arg0: !pydy.object {pydy.name = "a"}, %arg1: !pydy.object {pydy.name = "scale"}) -> !pydy.object attributes {pydy.qualname = "helper"}
# CHECK-LABEL: pydy.func @"caller_inner__3"(%arg0: !pydy.object {pydy.name = "y"}) -> !pydy.object attributes {pydy.qualname = "caller.inner"}


# A lambda's defaults are computed where it is made (the loop's `i` of each
# lambda in a comprehension); *args and keyword-only parameters are named.
def lambda_parameters(x):
    scale = 2.0
    fs = [lambda v, k=i: v * k for i in range(2)]
    g = lambda a, *rest, bias=scale: a + bias  # noqa: E731
    return fs[1](x) + g(x, x, bias=1.0)


print(paddle.jit.to_static(lambda_parameters).code)

# CHECK-LABEL: pydy.func @"lambda_parameters"
# CHECK:      %[[I:.*]] = pydy.load "_dy2st_i_{{[0-9]+}}"
# CHECK:      pydy.lambda ["v", "k"] defaults(%[[I]] : !pydy.object) : !pydy.object {
# CHECK:      } {default_params = ["k"]}
# CHECK:      %[[S:.*]] = pydy.load "scale"
# CHECK:      pydy.lambda ["a", "rest", "bias"] defaults(%[[S]] : !pydy.object) : !pydy.object {
# CHECK:      } {default_params = ["bias"], vararg = "rest"}
# CHECK:      pydy.call_value %{{.*}}(%{{.*}}, %{{.*}}, %{{.*}}) {kwnames = ["bias"]}


# '/', a bare '*' and '**' are attributes of the lambda.
def lambda_parameter_kinds(x):
    f = lambda u, /, *, k, **kw: u + k  # noqa: E731
    return f(x, k=x, u=x)


print(paddle.jit.to_static(lambda_parameter_kinds).code)

# CHECK-LABEL: pydy.func @"lambda_parameter_kinds"
# CHECK:      pydy.lambda ["u", "k", "kw"] : !pydy.object {
# CHECK:      } {keyword_only = 1, kwarg = "kw", positional_only = 1}
# CHECK:      pydy.call_value %{{.*}}(%{{.*}}, %{{.*}}, %{{.*}}) {kwnames = ["k", "u"]}


# A nested def's default that is not a constant is computed where the def
# runs, into a variable the calls that omit it read (and pass on).
def computed_default(x):
    scale = x * 2.0

    def inner(v, k=scale):
        return v * k
    return inner(x), inner(x, 1.0)


print(paddle.jit.to_static(computed_default).code)

# CHECK-LABEL: pydy.func @"computed_default"
# CHECK:      pydy.store "scale"
# CHECK:      %[[S:.*]] = pydy.load "scale"
# CHECK:      pydy.store "_dy2st_default__inner__k", %[[S]]
# CHECK:      %[[D:.*]] = pydy.load "_dy2st_default__inner__k"
# CHECK:      pydy.call @"computed_default_inner__{{[0-9]+}}"(%{{.*}}, %[[D]], %{{.*}})
# CHECK:      %[[C:.*]] = pydy.constant 1.0 : f64
# CHECK:      pydy.call @"computed_default_inner__{{[0-9]+}}"(%{{.*}}, %[[C]], %{{.*}})


# A lambda given to a module's function (map_structure) in a loop that
# assigns what it reads runs during the call: not the late-binding error a
# kept lambda is. A nested tuple of constants is a value.
SHAPES = ((3,), (4, 5))


def lambda_to_module_function(x):
    i = 0
    out = x
    while i < 2:
        out = paddle.utils.map_structure(lambda t: t * i, out)
        i += 1
    return out, SHAPES


print(paddle.jit.to_static(lambda_to_module_function).code)

# CHECK-LABEL: pydy.func @"lambda_to_module_function"
# CHECK:      pydy.lambda ["t"]
# CHECK:      pydy.call @"map_structure
# CHECK:      %[[A:.*]] = pydy.constant 3 : i64
# CHECK:      %[[INNER1:.*]] = pydy.tuple %[[A]] : (i64) -> !pydy.object
# CHECK:      %[[INNER2:.*]] = pydy.tuple %{{.*}}, %{{.*}} : (i64, i64) -> !pydy.object
# CHECK:      pydy.tuple %[[INNER1]], %[[INNER2]] : (!pydy.object, !pydy.object) -> !pydy.object


def chosen(x, mode):
    act = F.relu if mode == "relu" else paddle.tanh
    return act(x)


print(paddle.jit.to_static(chosen).code)

# A library function used as a value: a lambda of its parameters (defaults
# included) calling it, which a call of the value inlines.
# CHECK-LABEL: pydy.func @"chosen"
# CHECK: pydy.lambda ["x", "name"] defaults(%{{.*}} : !pydy.none)
# CHECK: pydy.lib_call "relu"
# CHECK: pydy.lambda ["x", "name"] defaults(%{{.*}} : !pydy.none)
# CHECK: pydy.lib_call "tanh"
# CHECK: pydy.call_value


# f(a, *rest) of a lambda value: one list of the positional arguments
# (`[a] + list(rest)`), marked `spread` for specialization to spread.
def spread_call(x):
    f = lambda a, b, c: a + b + c  # noqa: E731
    rest = (x, x)
    return f(x, *rest)


print(paddle.jit.to_static(spread_call).code)

# CHECK-LABEL: pydy.func @"spread_call"
# CHECK:      %[[F:.*]] = pydy.load "f"
# CHECK:      %[[HEAD:.*]] = pydy.list %{{.*}} : (!pydy.object) -> !pydy.object
# CHECK:      pydy.call_method %{{.*}}, "__list__"()
# CHECK:      %[[ALL:.*]] = pydy.binary add %[[HEAD]], %{{.*}}
# CHECK:      pydy.call_value %[[F]](%[[ALL]]) {spread} : !pydy.object, (!pydy.object) -> !pydy.object

# RUN: %python %s | FileCheck %s
# A read of a variable that may be unbound is preceded by a test of a hidden
# flag raising UnboundLocalError, and marked {checked}; a nested def's free
# variables are passed at its calls; an instance of a plain class made from
# constants is a compile-time object; f-strings in print are printed piecewise.
import numpy as np

import dy2st as paddle


class Scale:
    def __init__(self, k):
        self.k = k


def semantics(x):
    if x.sum() > 0:
        y = x
    s = Scale(3)
    offset = 2

    def shift(v):
        return v + offset
    print(f"y={y}")
    return shift(y) * s.k


print(paddle.jit.to_static(semantics).code)

# CHECK-LABEL: pydy.func @"semantics"
# CHECK: %[[F:.*]] = pydy.constant false
# CHECK: pydy.store "_dy2st_bound_y", %[[F]]
# CHECK: pydy.if
# CHECK: pydy.store "y"
# CHECK: %[[T:.*]] = pydy.constant true
# CHECK: pydy.store "_dy2st_bound_y", %[[T]]
# CHECK: %[[BOUND:.*]] = pydy.load "_dy2st_bound_y"
# CHECK: %[[UNBOUND:.*]] = pydy.unary not %[[BOUND]]
# CHECK: pydy.if %[[UNBOUND]]
# CHECK-NEXT: pydy.raise "UnboundLocalError", "cannot access local variable 'y' where it is not associated with a value"
# CHECK: %[[TEXT:.*]] = pydy.constant "y="
# CHECK: %[[Y:.*]] = pydy.load "y" {checked}
# CHECK: pydy.print %[[TEXT]], %[[Y]] : !pydy.str, !pydy.object {sep = "", formats = ["", ":"]}
# CHECK: %[[Y2:.*]] = pydy.load "y" {checked}
# CHECK: %[[OFFSET:.*]] = pydy.load "offset"
# CHECK: pydy.call @"semantics_shift__{{[0-9]+}}"(%[[Y2]], %[[OFFSET]])
# The instance's attribute folds to its value.
# CHECK: %[[K:.*]] = pydy.constant 3 : i64
# CHECK: pydy.binary mul %{{.*}}, %[[K]]
# CHECK-LABEL: pydy.func @"semantics_shift__{{[0-9]+}}"
# CHECK-SAME: {pydy.name = "v"}, %{{.*}}: !pydy.object {pydy.name = "offset"}


class Counter(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.calls = 0

    def forward(self, x):
        self.calls += 1
        return x * self.calls


print(paddle.jit.to_static(Counter()).forward.code)

# An attribute converted code assigns is a hidden variable (numbered in the
# unit) that the entry initialises from an input (a number read at each call)
# and returns after the result.
# CHECK-LABEL: pydy.func @"forward"
# CHECK-SAME: {pydy.name = "self.calls"}
# CHECK: %[[C:.*]] = pydy.load "self.calls"
# CHECK: pydy.store "attribute.0.calls", %[[C]]
# CHECK: pydy.store "attribute.0.calls"
# CHECK: %[[R:.*]] = pydy.binary mul
# CHECK: %[[A:.*]] = pydy.load "attribute.0.calls"
# CHECK: %[[T:.*]] = pydy.tuple %[[R]], %[[A]]
# CHECK: pydy.return %[[T]]


class LateMemo(paddle.nn.Layer):
    def forward(self, x):
        if x.sum() > 0:
            self.memo = x
        return self.memo


print(paddle.jit.to_static(LateMemo()).forward.code)

# An attribute the layer lacks has a flag threaded with it: False at the
# start, True where it is assigned; a read while it is False raises Python's
# AttributeError.
# CHECK-LABEL: pydy.func @"forward"
# CHECK: %[[NO:.*]] = pydy.constant false
# CHECK: pydy.store "attribute.1.memo#bound", %[[NO]]
# CHECK: pydy.store "attribute.0.memo"
# CHECK: %[[YES:.*]] = pydy.constant true
# CHECK: pydy.store "attribute.1.memo#bound", %[[YES]]
# CHECK: %[[FLAG:.*]] = pydy.load "attribute.1.memo#bound"
# CHECK: %[[MISSING:.*]] = pydy.unary not %[[FLAG]]
# CHECK: pydy.if %[[MISSING]]
# CHECK-NEXT: pydy.raise "AttributeError", "'LateMemo' object has no attribute 'memo'"
# CHECK: pydy.load "attribute.0.memo"


class Cell(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.state = None

    def forward(self, x):
        self.state = x
        return x * 2


class Outer(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.cell = Cell()

    def forward(self, x):
        return self.cell(x) + 1


print(paddle.jit.to_static(Outer()).forward.code)

# A sublayer's assigned attribute is threaded through its forward: a hidden
# parameter in, returned after the result, taken back by the caller.
# CHECK-LABEL: pydy.func @"forward"
# CHECK: pydy.store "attribute.0.state"
# CHECK: %[[S:.*]] = pydy.load "attribute.0.state"
# CHECK: %[[W:.*]] = pydy.call @"{{.*}}forward__{{[0-9]+}}"(%{{.*}}, %[[S]])
# CHECK: %[[I0:.*]] = pydy.constant 0 : i64
# CHECK: %[[V:.*]] = pydy.subscript %[[W]][%[[I0]]]
# CHECK: %[[I1:.*]] = pydy.constant 1 : i64
# CHECK: %[[N:.*]] = pydy.subscript %[[W]][%[[I1]]]
# CHECK: pydy.store "attribute.0.state", %[[N]]
# CHECK: pydy.func @"{{.*}}forward__{{[0-9]+}}"
# CHECK-SAME: {pydy.name = "attribute.0.state"}
# CHECK: pydy.store "attribute.0.state"
# CHECK: pydy.tuple


class Caching(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.cache = {"steps": 0}

    def forward(self, x):
        self.cache["last"] = x
        return x


layer = Caching()
layer.cache["last"] = paddle.to_tensor([1.0])
print(paddle.jit.to_static(layer).forward.code)

# A dict attribute filled by key is threaded like an assigned attribute: a
# dict of the items read at each call (a number, a tensor), changed by
# setitem, returned after the result.
# CHECK-LABEL: pydy.func @"forward"
# CHECK-SAME: {pydy.name = "self.cache['steps']"}
# CHECK-SAME: {pydy.name = "self.cache['last']"}
# CHECK: %[[K0:.*]] = pydy.constant "steps"
# CHECK: %[[K1:.*]] = pydy.constant "last"
# CHECK: %[[D:.*]] = pydy.dict keys(%[[K0]], %[[K1]]
# CHECK: pydy.store "attribute.0.cache", %[[D]]
# CHECK: %[[C:.*]] = pydy.load "attribute.0.cache"
# CHECK: %[[U:.*]] = pydy.setitem %[[C]][
# CHECK: pydy.store "attribute.0.cache", %[[U]]


def numpy_items(x):
    total = x * 0
    values = x.numpy()
    for v in values:
        total = total + v
    return total + x.numpy()[0] + paddle.to_tensor(np.array([1, 2]))


print(paddle.jit.to_static(numpy_items).code)

# An item of a NumPy array (`for v in values` over a name only bound to
# `.numpy()`, `x.numpy()[0]`) is marked numpy_item; a NumPy call of literals is
# computed when converting (a captured tensor).
# CHECK-LABEL: pydy.func @"numpy_items"
# CHECK-SAME: {pydy.name = "self.value"}
# CHECK: pydy.for_in
# CHECK-NEXT: ^bb0(%[[V:.*]]: !pydy.object):
# CHECK-NEXT: pydy.unary numpy_item %[[V]]
# CHECK: %[[I:.*]] = pydy.subscript
# CHECK-NEXT: pydy.unary numpy_item %[[I]]
# CHECK: pydy.load "self.value"


def _changed(cache):
    cache["k"] = 1.0
    return 0


def transformer_shapes(x, caches):
    n = x.shape[0]

    def scaled(t):
        return t * n
    ends = np.full([n, 2], 1, dtype=np.int64)
    _changed(None if caches is None else caches[0])
    return paddle.utils.map_structure(scaled, [x]), ends


print(paddle.jit.to_static(transformer_shapes).code)

# A NumPy constructor of values known once specialized calls its counterpart
# in numpy_functions (a NumPy dtype class passed as its name); a change
# through `a if test else b` is written back under the test to the chosen
# one; a nested def passed as a value is a lambda calling it, made here.
# CHECK-LABEL: pydy.func @"transformer_shapes"
# CHECK: %[[INT64:.*]] = pydy.constant "int64"
# CHECK: pydy.call @"full__{{[0-9]+}}"({{.*}}%[[INT64]]
# CHECK: pydy.call @"_changed
# CHECK: pydy.if
# CHECK-NEXT: } else {
# CHECK: pydy.store "caches"
# CHECK: %[[WRAP:.*]] = pydy.lambda ["t"]
# CHECK: pydy.load "n"
# CHECK: pydy.call @"transformer_shapes_scaled
# CHECK: pydy.call @"map_structure__{{[0-9]+}}"(%[[WRAP]]


def item_of(x):
    return x.item(1, 2) + x.item()


print(paddle.jit.to_static(item_of).code)

# `x.item(i, j)` calls pybuiltins.tensor_item (Paddle's checks, then the
# element); `x.item()` stays the method.
# CHECK-LABEL: pydy.func @"item_of"
# CHECK: pydy.call @"tensor_item__{{[0-9]+}}"
# CHECK: pydy.call_method %{{.*}}, "item"()


def numpy_functions(x):
    scale = np.sqrt(x.shape[-1])
    causal = np.triu(np.ones((x.shape[0], x.shape[0])), 1)
    fixed = np.triu(np.ones((2, 2)) * -1e9, 1).astype("float32")
    low = np.finfo(np.float32).min
    return x / scale + paddle.to_tensor(causal).astype(np.float32) * -np.inf + fixed, low


print(paddle.jit.to_static(numpy_functions).code)

# NumPy's functions of values known once specialized call their counterparts
# in numpy_functions; of values known when converting (literals, NumPy's
# constants and types, arrays made of them and their methods) NumPy runs
# then: a captured tensor or a number. A NumPy dtype class as a value is its name.
# CHECK-LABEL: pydy.func @"numpy_functions"
# CHECK: pydy.call @"sqrt__{{[0-9]+}}"
# CHECK: %[[ONES:.*]] = pydy.call @"ones__{{[0-9]+}}"
# CHECK: pydy.call @"triu__{{[0-9]+}}"(%[[ONES]]
# CHECK: %[[FIXED:.*]] = pydy.load "self.value"
# CHECK-NEXT: pydy.store "fixed", %[[FIXED]]
# CHECK: pydy.constant -3.4028234663852886e+38 : f64
# CHECK: pydy.constant "float32"
# CHECK: pydy.constant 0x7FF0000000000000 : f64
# CHECK-LABEL: pydy.func @"sqrt__{{[0-9]+}}"
# CHECK-SAME: pydy.qualname = "sqrt"


class OwnCall(paddle.nn.Layer):
    def __call__(self, x):
        return x * paddle.nn.not_exist_api


def layer_with_own_call(x):
    return OwnCall()(x)


print(paddle.jit.to_static(layer_with_own_call).code)

# A layer whose class defines __call__ is called through it, as eagerly; an
# attribute a module lacks raises Python's AttributeError where it is read.
# CHECK-LABEL: pydy.func @"layer_with_own_call"
# CHECK: pydy.call @"OwnCall___call__
# CHECK-LABEL: pydy.func @"OwnCall___call__
# CHECK: pydy.raise "AttributeError", "module 'dy2st.nn' has no attribute 'not_exist_api'"


def array_or_tensor(x, flag):
    if flag:
        return x.numpy()
    return x


print(paddle.jit.to_static(array_or_tensor).code)

# Returns that give a NumPy array at different places each give their index
# too (-1 for None), by which the caller turns the result back into an array.
# CHECK-LABEL: pydy.func @"array_or_tensor"
# CHECK: %[[A:v[0-9]+]]:2 = pydy.call_method %{{.*}}, "numpy"()
# CHECK: %[[ZERO:.*]] = pydy.constant 0 : i64
# CHECK: pydy.tuple %[[A]]#0, %[[ZERO]]
# CHECK: %[[ONE:.*]] = pydy.constant 1 : i64
# CHECK: pydy.tuple %{{.*}}, %[[ONE]]

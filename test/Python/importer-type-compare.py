# RUN: %python %s | FileCheck %s
# `type(v) is C` (==, is not, !=, in, not in) of a runtime value asks the
# specialization for v's exact class ("__type_is__"); of a compile-time
# object it is known when importing (`type(self)`).
import dy2st as paddle


class Scale(paddle.nn.Layer):
    def forward(self, x, n):
        a = type(x) is paddle.Tensor
        b = type(n) in (int, float)
        c = type(n) != bool
        d = type(self) is Scale
        return a, b, c, d


print(paddle.jit.to_static(Scale().forward).code)

# CHECK-LABEL: pydy.func @"forward"
# CHECK: %[[X:.*]] = pydy.load "x"
# CHECK: %[[TENSOR:.*]] = pydy.constant "Tensor"
# CHECK: pydy.call_method %[[X]], "__type_is__"(%[[TENSOR]])
# CHECK: %[[N:.*]] = pydy.load "n"
# CHECK: %[[NUMBERS:.*]] = pydy.constant "int,float"
# CHECK: pydy.call_method %[[N]], "__type_is__"(%[[NUMBERS]])
# CHECK: %[[BOOL:.*]] = pydy.constant "bool"
# CHECK: %[[IS:.*]]:2 = pydy.call_method %{{.*}}, "__type_is__"(%[[BOOL]])
# CHECK: pydy.unary not %[[IS]]#0
# CHECK: %[[TRUE:.*]] = pydy.constant true
# CHECK: pydy.store "d", %[[TRUE]] :
# CHECK-NOT: pydy.call_method
# CHECK: pydy.return


def apply_if_callable(fn, x):
    first = callable(fn)
    second = callable(paddle.exp)
    return first, second


print(paddle.jit.to_static(apply_if_callable).code)

# callable(v): of a compile-time object known when importing (a library
# function), of a runtime value asked of the specialization as the class
# "callable" (a lambda's).
# CHECK-LABEL: pydy.func @"apply_if_callable"
# CHECK: %[[FN:.*]] = pydy.load "fn"
# CHECK: %[[CALLABLE:.*]] = pydy.constant "callable"
# CHECK: pydy.call_method %[[FN]], "__isinstance__"(%[[CALLABLE]])
# CHECK: %[[KNOWN:.*]] = pydy.constant true
# CHECK: pydy.store "second", %[[KNOWN]]


# hasattr() of a value computed in compiled code asks the specializer, with
# the kinds of value that have the attribute; getattr() with a default is the
# attribute under that test, else the default.
def attributes(x):
    y = x * 2
    return hasattr(y, "shape"), getattr(y, "ndim", 0)


print(paddle.jit.to_static(attributes).code)

# CHECK-LABEL: pydy.func @"attributes"
# CHECK: %[[KINDS:.*]] = pydy.constant "Tensor"
# CHECK: %[[NAME:.*]] = pydy.constant "shape"
# CHECK: pydy.call_method %{{.*}}, "__hasattr__"(%[[KINDS]], %[[NAME]])
# CHECK: pydy.call_method %{{.*}}, "__hasattr__"
# CHECK: pydy.if
# CHECK: pydy.attr %{{.*}}, "ndim"
# CHECK: } else {
# CHECK: pydy.constant 0 : i64


# isinstance(v, type(w)) of two values computed in compiled code asks the
# specializer for w's class ("__isinstance_like__"); of a w known when
# converting, its class is known then.
def told_by_type(x):
    y = x * 2
    return isinstance(y, type(x)), isinstance(y, type(3))


print(paddle.jit.to_static(told_by_type).code)

# CHECK-LABEL: pydy.func @"told_by_type"
# CHECK: pydy.store "y"
# CHECK: %[[X:.*]] = pydy.load "x"
# CHECK-NEXT: %[[Y:.*]] = pydy.load "y"
# CHECK: pydy.call_method %[[Y]], "__isinstance_like__"(%[[X]])
# CHECK: %[[INT:.*]] = pydy.constant "int"
# CHECK: pydy.call_method %{{.*}}, "__isinstance__"(%[[INT]])

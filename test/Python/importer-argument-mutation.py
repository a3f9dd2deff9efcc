# RUN: %python %s | FileCheck %s
# A called function that changes a parameter in place returns its value after
# the result; the caller writes it to the argument (Python shares it). After
# `y = x` (certainly one object), a change through `y` is written to `x` too;
# a change to a layer's attribute passed as the argument (`self.stat`) goes
# to the attribute's threaded variable.
import dy2st as paddle


def add(items, v):
    items.append(v)
    if v.sum() > 0:
        return 1
    return 0


def caller(x):
    items = [x]
    n = add(items, x)
    return n, items


def second_name(x):
    y = x
    y[0] = 5.0
    return x


def decay(stat, v):
    stat.scale_(0.5)
    return v


class Running(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.stat = paddle.zeros([2])

    def forward(self, x):
        return decay(self.stat, x)


print(paddle.jit.to_static(caller).code)
print(paddle.jit.to_static(second_name).code)
print(paddle.jit.to_static(Running().forward).code)


def changed_then_rebound(t):
    t[0] = 9.0
    t = t * 2.0
    t[1] = 0.0
    return t


print(paddle.jit.to_static(changed_then_rebound).code)

# CHECK-LABEL: pydy.func @"caller"
# CHECK:      %[[R:.*]] = pydy.call @"add__2"
# CHECK:      pydy.subscript %[[R]]
# CHECK:      %[[CHANGED:.*]] = pydy.subscript %[[R]][%{{.*}}]
# CHECK:      pydy.store "items", %[[CHANGED]]
# CHECK-LABEL: pydy.func @"add__2"
# CHECK:        %[[A:.*]] = pydy.load "items"
# CHECK:        %[[T:.*]] = pydy.tuple %{{.*}}, %[[A]]
# CHECK:        pydy.return %[[T]]
# CHECK:      %[[B:.*]] = pydy.load "items"
# CHECK:      %[[U:.*]] = pydy.tuple %{{.*}}, %[[B]]
# CHECK:      pydy.return %[[U]]

# CHECK-LABEL: pydy.func @"second_name"
# CHECK:      %[[SET:.*]] = pydy.setitem
# CHECK-NEXT: pydy.store "y", %[[SET]]
# CHECK-NEXT: pydy.store "x", %[[SET]]

# decay assigns no attribute: the threaded ones it returns (item 1) are not
# taken back; the parameter it changed (item 2) is the layer's attribute.
# CHECK-LABEL: pydy.func @"forward"
# CHECK:      %[[ARG:.*]] = pydy.load "attribute.0.stat"
# CHECK:      %[[CALL:.*]] = pydy.call @"decay__2"(%[[ARG]]
# CHECK-NOT:  pydy.constant 1
# CHECK:      %[[TWO:.*]] = pydy.constant 2
# CHECK-NEXT: %[[STAT:.*]] = pydy.subscript %[[CALL]][%[[TWO]]]
# CHECK-NEXT: pydy.store "attribute.0.stat", %[[STAT]]

# A parameter also assigned: the caller's object is followed in "arg.t",
# which takes a change in place while "arg.t.same" holds (until the
# assignment) and is given back.
# CHECK-LABEL: pydy.func @"changed_then_rebound"
# CHECK:     %[[T0:.*]] = pydy.load "t"
# CHECK:     pydy.store "arg.t", %[[T0]]
# CHECK:     %[[TRUE:.*]] = pydy.constant true
# CHECK:     pydy.store "arg.t.same", %[[TRUE]]
# CHECK:     %[[SET:.*]] = pydy.setitem
# CHECK:     pydy.store "t", %[[SET]]
# CHECK:     %[[SAME:.*]] = pydy.load "arg.t.same"
# CHECK:     pydy.if %[[SAME]]
# CHECK-NEXT:  pydy.store "arg.t", %[[SET]]
# CHECK:     pydy.store "t"
# CHECK:     %[[FALSE:.*]] = pydy.constant false
# CHECK:     pydy.store "arg.t.same", %[[FALSE]]
# CHECK:     pydy.load "arg.t"
# CHECK:     pydy.return


class Total(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.total = paddle.zeros([2])

    def forward(self, x):
        total = self.total
        total.add_(x)
        return x


print(paddle.jit.to_static(Total().forward).code)

# `total = self.total`: the attribute ("self.total") names the object the
# variable does, so the change in place is the attribute's too.
# CHECK-LABEL: pydy.func @"forward"
# CHECK:     pydy.store "total"
# CHECK:     %[[ADDED:.*]]:2 = pydy.call_method %{{.*}}, "add"
# CHECK:     pydy.store "total", %[[ADDED]]#0
# CHECK-NEXT: pydy.store "attribute.0.total", %[[ADDED]]#0


def assign_each(targets, values):
    for k in range(len(values)):
        paddle.assign(values[k], output=targets[k])


def into_a_list_made_for_the_call(i, x):
    assign_each([i, x], [i + 5, x * 2])
    return i


print(paddle.jit.to_static(into_a_list_made_for_the_call).code)

# A list made for the call holds the caller's tensors: the callee's change
# to its items goes back to their names (items of the list it gives back).
# CHECK-LABEL: pydy.func @"into_a_list_made_for_the_call"
# CHECK:     %[[CALL:.*]] = pydy.call @"assign_each__{{[0-9]+}}"
# CHECK:     pydy.subscript %[[CALL]][%{{.*}}]
# CHECK:     %[[CHANGED:.*]] = pydy.subscript %[[CALL]][%{{.*}}]
# CHECK:     %[[FIRST:.*]] = pydy.subscript %[[CHANGED]][%{{.*}}]
# CHECK:     pydy.store "i", %[[FIRST]]
# CHECK:     %[[SECOND:.*]] = pydy.subscript %[[CHANGED]][%{{.*}}]
# CHECK:     pydy.store "x", %[[SECOND]]


def change_one_read_other(p, q):
    q[0] = 5.0
    return p * 1


def same_tensor_twice(b):
    return change_one_read_other(b, b)


print(paddle.jit.to_static(same_tensor_twice).code)

# Parameters a call gives one variable name one object: the callee starts
# with `q = p`, so that the change through q is p's too, and gives back p
# alone, which the caller writes to b.
# CHECK-LABEL: pydy.func @"same_tensor_twice"
# CHECK:     %[[CALL:.*]] = pydy.call @"change_one_read_other__{{[0-9]+}}"
# CHECK:     pydy.subscript %[[CALL]]
# CHECK:     %[[CHANGED:.*]] = pydy.subscript %[[CALL]]
# CHECK-NEXT: pydy.store "b", %[[CHANGED]]
# CHECK-NOT: pydy.store "b"
# CHECK-LABEL: pydy.func @"change_one_read_other__{{[0-9]+}}"(%arg0: !pydy.object {pydy.name = "p"}, %arg1: !pydy.object {pydy.name = "q"})
# CHECK:     %[[P:.*]] = pydy.load "p"
# CHECK-NEXT: pydy.store "q", %[[P]]
# CHECK:     %[[SET:.*]] = pydy.setitem
# CHECK-NEXT: pydy.store "q", %[[SET]]
# CHECK-NEXT: pydy.store "p", %[[SET]]
# CHECK:     pydy.binary mul
# CHECK-NEXT: %[[BACK:.*]] = pydy.load "p"
# CHECK-NEXT: %[[RESULT:.*]] = pydy.tuple %{{.*}}, %[[BACK]] :
# CHECK-NEXT: pydy.return %[[RESULT]]

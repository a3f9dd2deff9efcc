# RUN: %python %s | FileCheck %s
# A called function that changes a parameter in place returns its value after
# the result; the caller writes it to the argument (Python shares it).
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


print(paddle.jit.to_static(caller).code)

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

# RUN: %python %s | FileCheck %s
# An iterator the function makes and uses alone is its items and a position:
# next() reads the item there and moves on, a `for` loop over it takes the
# items left. Uses in one statement list, a loop the last, read at literal
# positions; others keep the position in a variable.
import dy2st as paddle


def straight(x):
    rows = iter([x, x * 2, x * 3])
    first = next(rows)
    for r in rows:
        first = first + r
    return first


def moving(x, n):
    rows = iter([x, x * 2])
    if n > 0:
        x = x + next(rows, x)
    return x + next(rows)


print(paddle.jit.to_static(straight).code)
print(paddle.jit.to_static(moving).code)

# CHECK-LABEL: pydy.func @"straight"
# CHECK-NOT:  _dy2st_iter_rows_at
# CHECK:      pydy.store "_dy2st_iter_rows_items"
# CHECK:      pydy.raise "StopIteration"
# CHECK:      %[[ONE:.*]] = pydy.constant 1 : i64
# CHECK:      pydy.slice %[[ONE]]
# CHECK:      pydy.for_in
# CHECK-LABEL: pydy.func @"moving"
# CHECK:      pydy.store "_dy2st_iter_rows_at"
# CHECK:      pydy.if
# CHECK:      %[[AT:.*]] = pydy.load "_dy2st_iter_rows_at"
# CHECK:      pydy.compare lt %[[AT]]
# CHECK:      pydy.binary add
# CHECK:      pydy.store "_dy2st_iter_rows_at"
# CHECK:      pydy.raise "StopIteration"

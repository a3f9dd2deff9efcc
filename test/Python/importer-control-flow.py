# RUN: %python %s | FileCheck %s
# The importer writes one pydy op per construct: if/elif/else nest, while has
# a condition region, for-range gets its defaults, and every op has a location.
import dy2st as paddle


def control(x, n):
    if x.sum() > 0:
        y = x
    elif n > 2:
        y = x * 2
    else:
        y = -x
    while y.max() < 10.0:
        y = y + 1.0
    for i in range(n):
        y = y - i
    for j in range(1, n, 2):
        pass
    return y


print(paddle.jit.to_static(control).code)

# CHECK-LABEL: pydy.func @"control"(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "n"}) -> !pydy.object {
# CHECK:      pydy.call_method %{{.*}}, "sum"()
# CHECK:      pydy.compare gt %{{.*}}, %{{.*}} : (!pydy.object, i64) -> !pydy.object loc("{{.*}}importer-control-flow.py":8:8)
# CHECK:      pydy.if %{{.*}} : !pydy.object {
# CHECK:        pydy.store "y", %{{.*}} : !pydy.object loc("{{.*}}":9:9)
# CHECK:      } else {
# CHECK:        pydy.if %{{.*}} : !pydy.object {
# CHECK:        } else {
# CHECK:          pydy.unary neg
# CHECK:        } loc("{{.*}}":10:5)
# CHECK:      } loc("{{.*}}":8:5)
# CHECK:      pydy.while {
# CHECK:        pydy.call_method %{{.*}}, "max"()
# CHECK:        pydy.condition(%{{.*}} : !pydy.object) loc("{{.*}}":14:11)
# CHECK:      } do {
# CHECK:        pydy.yield loc("{{.*}}":14:5)
# CHECK:      } loc("{{.*}}":14:5)
# CHECK:      %[[ZERO:.*]] = pydy.constant 0 : i64
# CHECK:      %[[ONE:.*]] = pydy.constant 1 : i64
# CHECK:      pydy.for_range %[[ZERO]], %{{.*}}, %[[ONE]] : i64, !pydy.object, i64 {
# CHECK-NEXT:   ^bb0(%[[I:.*]]: !pydy.object):
# CHECK-NEXT:   pydy.store "i", %[[I]] : !pydy.object
# CHECK:      pydy.for_range %{{.*}}, %{{.*}}, %{{.*}} : i64, !pydy.object, i64 {
# CHECK:      pydy.return %{{.*}} : !pydy.object loc("{{.*}}":20:5)

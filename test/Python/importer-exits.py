# RUN: %python %s | FileCheck %s
# Exits, enumerate and Python conversions as the importer writes them; the
# code after an exit in the same block is dead and not imported.
import dy2st as paddle


def exits(x):
    for i, v in enumerate(x):
        if v > 0:
            break
        if v < -5:
            continue
    while x.sum() > 0:
        if int(x.max()) > 3:
            return float(x.sum())
            x = x + 1
    return bool(x.min())


print(paddle.jit.to_static(exits).code)

# CHECK-LABEL: pydy.func @"exits"
# CHECK:      pydy.for_in %{{.*}} : !pydy.object {
# CHECK:        %[[IV:.*]]:2 = pydy.unpack %{{.*}} : !pydy.object -> !pydy.object, !pydy.object
# CHECK:        pydy.break loc("{{.*}}":10:13)
# CHECK:        pydy.continue loc("{{.*}}":12:13)
# CHECK:      } {enumerate} loc("{{.*}}":8:5)
# CHECK:      pydy.while {
# CHECK:        pydy.unary to_int
# CHECK:          pydy.unary to_float
# CHECK-NEXT:     pydy.return %{{.*}} : !pydy.object loc("{{.*}}":15:13)
# CHECK-NOT:      pydy.binary add
# CHECK:      pydy.unary to_bool


def both_branches_leave(x):
    while x.sum() > 0:
        if x.max() > 3:
            break
        else:
            continue
        x = x + missing_in_loop
    if x.sum() > 0:
        return x
    else:
        raise ValueError("negative")
    return x - missing_after_if


print(paddle.jit.to_static(both_branches_leave).code)

# An `if` whose branches both leave ends its block: what follows is not
# imported (its names are never looked up, as in Python), and the body still
# closes with a return.
# CHECK-LABEL: pydy.func @"both_branches_leave"
# CHECK:        pydy.break
# CHECK:        pydy.continue
# CHECK:        } loc("{{.*}}":38:9)
# CHECK-NEXT:   pydy.yield
# CHECK:      pydy.return %{{.*}} : !pydy.object loc("{{.*}}":44:9)
# CHECK:      pydy.raise "ValueError", "negative"
# CHECK:      } loc("{{.*}}":43:5)
# CHECK-NEXT: pydy.return loc("{{.*}}":36:1)
# CHECK-NEXT: } loc(

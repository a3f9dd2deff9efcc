# RUN: %python %s | FileCheck %s
# A statement inside an `if` that cannot be converted becomes
# `pydy.unsupported` at its own line: the branch may fold away once the
# signature is known.
import numpy as np

import dy2st as paddle


def checked(x, mode):
    if mode == "double":
        return x * 2.0
    else:
        del x
    return x


print(paddle.jit.to_static(checked).code)

# CHECK-LABEL: pydy.func @"checked"
# CHECK: pydy.if
# CHECK: pydy.return
# CHECK: } else {
# CHECK-NEXT: pydy.unsupported "'del' is not supported by dy2st" {syntax} loc("{{.*}}importer-deferred.py":14:9)

# RUN: %python %s | FileCheck %s
# warnings.warn() in compiled code runs at run time as a print through the
# runtime's log target: the message's text items, the category (by module
# and name) and the call's file, line and module in the record, for Python's
# warning filters to decide as eagerly.
import warnings

import dy2st as paddle


def warns(x):
    warnings.warn(f"rows: {x.shape[0]}", RuntimeWarning)
    return x


print(paddle.jit.to_static(warns).code)

# CHECK-LABEL: pydy.func @"warns"
# CHECK: pydy.print
# CHECK-SAME: logger = "", level = 30 : i64
# CHECK-SAME: record = "{\22warning\22: {\22category\22: [\22builtins\22, \22RuntimeWarning\22], \22file\22: \22{{.*}}importer-warnings.py\22, \22line\22: 12, \22module\22: \22__main__\22}}"

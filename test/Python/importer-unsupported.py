# RUN: %python %s 2>&1 | FileCheck %s
# Constructs the importer cannot handle raise an exception naming the file,
# the line, the column and the construct, with the source line and a caret.
import dy2st as paddle


def with_try(x):
    try:
        x = x + 1
    except ValueError as error:
        error = x
    return x


def with_numpy(x):
    import numpy
    return x


def with_global(x):
    while x.sum() < 3.0:
        x = x + 1.0
        global COUNT
    return x


for fn in (with_try, with_numpy, with_global):
    try:
        paddle.jit.to_static(fn).code
    except paddle.UnsupportedSyntaxError as e:
        print(e)

# CHECK: File "{{.*}}importer-unsupported.py", line 10, column 5: 'except ... as error' assigning 'error' in the clause is not supported by dy2st
# CHECK-NEXT: except ValueError as error:
# CHECK-NEXT: ^
# CHECK: line 16, column 5: 'import' is not supported by dy2st
# CHECK: line 23, column 9: 'global' is not supported by dy2st

// RUN: dy2st-opt %s --pydy-specialize="entry=folded signature=1:i64" | FileCheck %s
// RUN: not dy2st-opt %s --pydy-specialize="entry=folded signature=2:i64" 2>&1 | FileCheck %s --check-prefix=REACHED

// A statement the importer could not convert, in a branch that folds away,
// is never compiled; reached, it is reported (with [unsupported] for syntax).
// CHECK-LABEL: pydy.func @folded
// CHECK-NOT: pydy.unsupported
// REACHED: error: [unsupported] 'del' is not supported by dy2st
pydy.func @folded(%mode: !pydy.object {pydy.name = "mode"}) -> !pydy.object {
  %0 = pydy.constant 1 : i64
  %1 = pydy.compare ne %mode, %0 : (!pydy.object, i64) -> !pydy.object
  pydy.if %1 : !pydy.object {
    pydy.unsupported "'del' is not supported by dy2st" {syntax}
  } else {
  } {names = []}
  pydy.return %mode : !pydy.object
}

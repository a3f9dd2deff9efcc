// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="entry=folded signature=1:i64" | FileCheck %s
// RUN: not dy2st-opt %s --pydy-promote-variables --pydy-specialize="entry=folded signature=2:i64" 2>&1 | FileCheck %s --check-prefix=REACHED

// A statement the importer could not convert, in a branch that folds away,
// is never compiled; reached, it is reported (with [unsupported] for syntax).
// CHECK-LABEL: pydy.func @folded
// CHECK-NOT: pydy.unsupported
// REACHED: error: [unsupported] 'del' is not supported by dy2st
pydy.func @folded(%arg0: !pydy.object {pydy.name = "mode"}) -> !pydy.object {
  %mode = pydy.load "mode" : !pydy.object
  %one = pydy.constant 1 : i64
  %c = pydy.compare ne %mode, %one : (!pydy.object, i64) -> !pydy.object
  pydy.if %c : !pydy.object {
    pydy.unsupported "'del' is not supported by dy2st" {syntax}
  } else {
  }
  pydy.return %mode : !pydy.object
}

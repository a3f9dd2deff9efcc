// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32>,i64" -split-input-file -verify-diagnostics | FileCheck %s

// An f-string of literals folds to its string (Python's format rules); one of
// a tensor is spliced into the print that writes it, the print's separator
// written out between its original items.
// CHECK-LABEL: pydy.func @fstrings
// CHECK-NOT: pydy.format
// CHECK: %[[NAME:.*]] = pydy.constant "n=  7|[2, 3]|'ab'|(1,)|None"
// CHECK: pydy.print %[[NAME]], %{{.*}}, %{{.*}}, %x : !pydy.str, !pydy.str, !pydy.str, tensor<2xf32> {formats = ["", "", "", "!r"], sep = ""}
pydy.func @fstrings(%x: !pydy.object {pydy.name = "x"}, %n: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %n1 = pydy.constant 7 : i64
  %bar = pydy.constant "|"
  %shape = pydy.constant [2, 3] : !pydy.list<i64, i64>
  %ab = pydy.constant "ab"
  %one = pydy.constant [1]
  %none = pydy.constant none
  %prefix = pydy.constant "n="
  %name = pydy.format %prefix, %n1, %bar, %shape, %bar, %ab, %bar, %one, %bar, %none : !pydy.str, i64, !pydy.str, !pydy.list<i64, i64>, !pydy.str, !pydy.str, !pydy.str, tuple<i64>, !pydy.str, !pydy.none {formats = ["", ":>3", "", "", "", "!r", "", "", "", ""]} -> !pydy.object
  %label = pydy.constant "x is"
  %msg = pydy.format %label, %x : !pydy.str, !pydy.object {formats = ["", "!r"]} -> !pydy.object
  pydy.print %name, %msg : !pydy.object, !pydy.object
  pydy.return %x : !pydy.object
}

// -----

pydy.func @kept(%x: !pydy.object {pydy.name = "x"}, %n: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  // expected-error @+1 {{a string made at run time (an f-string of a tensor) can only be printed, raised or logged in compiled code}}
  %msg = pydy.format %x : !pydy.object -> !pydy.object
  pydy.return %msg : !pydy.object
}

// -----

pydy.func @bad_spec(%x: !pydy.object {pydy.name = "x"}, %n: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %f = pydy.constant 2.5
  // expected-error @+1 {{the values of this f-string do not take its formats}}
  %msg = pydy.format %f : f64 {formats = [":d"]} -> !pydy.object
  pydy.print %msg : !pydy.object
  pydy.return %x : !pydy.object
}

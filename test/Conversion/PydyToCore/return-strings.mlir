// RUN: dy2st-opt %s --convert-pydy-to-core -split-input-file -verify-diagnostics | FileCheck %s

// A constant string among the entry's results is not returned: the caller
// gets it from the entry's dy2st.result_texts (in the order of the leaves).
// CHECK-LABEL: func.func @labelled
// CHECK-SAME: -> tensor<2xf32>
// CHECK-SAME: dy2st.result_texts = ["done"]
// CHECK: return %{{.*}} : tensor<2xf32>
pydy.func @labelled(%x: tensor<2xf32>) -> tuple<tensor<2xf32>, !pydy.str> {
  %label = pydy.constant "done"
  %t = pydy.tuple %x, %label : (tensor<2xf32>, !pydy.str) -> tuple<tensor<2xf32>, !pydy.str>
  pydy.return %t : tuple<tensor<2xf32>, !pydy.str>
}

// -----

// A string chosen at run time is an index into the sorted table of the
// strings it is chosen from and compared with ("maybe" too): the entry
// returns the index, dy2st.result_texts holds the table; a comparison is one
// of indices, a print writes the indexed string.
// CHECK-LABEL: func.func @chosen
// CHECK-SAME: -> i64
// CHECK-SAME: dy2st.result_texts = {{\[\[}}"maybe", "no", "yes"]]
// CHECK: %[[R:.*]] = scf.if %{{.*}} -> (i64) {
// CHECK:   %[[YES:.*]] = arith.constant 2 : i64
// CHECK:   scf.yield %[[YES]] : i64
// CHECK: } else {
// CHECK:   %[[NO:.*]] = arith.constant 1 : i64
// CHECK:   scf.yield %[[NO]] : i64
// CHECK: %[[MAYBE:.*]] = arith.constant 0 : i64
// CHECK: arith.cmpi eq, %[[R]], %[[MAYBE]] : i64
// CHECK: %[[AT:.*]] = arith.index_cast %[[R]] : i64 to index
// CHECK: %[[TEXT:.*]] = scf.index_switch %[[AT]] -> !llvm.ptr
// CHECK: case 0 {
// CHECK: case 1 {
// CHECK: default {
// CHECK: call @dy2st_print_str(%[[TEXT]])
// CHECK: return %[[R]] : i64
pydy.func @chosen(%c: i1) -> !pydy.str {
  %r = pydy.if %c : i1 -> !pydy.str {
    %a = pydy.constant "yes"
    pydy.yield %a : !pydy.str
  } else {
    %b = pydy.constant "no"
    pydy.yield %b : !pydy.str
  }
  %m = pydy.constant "maybe"
  %e = pydy.compare eq %r, %m : (!pydy.str, !pydy.str) -> i1
  pydy.print %e, %r : i1, !pydy.str
  pydy.return %r : !pydy.str
}

// -----

pydy.func @made(%x: tensor<f32>) -> !pydy.str {
  %f = pydy.format %x : tensor<f32> -> !pydy.str
  // expected-error @+1 {{a string made at run time (an f-string of a tensor) cannot be a result of compiled code}}
  pydy.return %f : !pydy.str
}

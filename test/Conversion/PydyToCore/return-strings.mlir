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

pydy.func @chosen(%c: i1) -> !pydy.str {
  %r = pydy.if %c : i1 -> !pydy.str {
    %a = pydy.constant "yes"
    pydy.yield %a : !pydy.str
  } else {
    %b = pydy.constant "no"
    pydy.yield %b : !pydy.str
  }
  // expected-error @+1 {{a string chosen at run time cannot be a result of compiled code}}
  pydy.return %r : !pydy.str
}
